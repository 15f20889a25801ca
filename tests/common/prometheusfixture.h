// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// A real, throwaway Prometheus (scraping itself and a node exporter every second), node
// exporter and Alertmanager on loopback, started by tests/scripts/prometheus-fixture.sh.
// Values are the script's KEY=VALUE lines (PROMETHEUS_URL, NODE_EXPORTER_URL, ALERTMANAGER_URL,
// and their ports).
class PrometheusFixture
{
public:
    PrometheusFixture()
    {
        QProcess script;
        script.start(QStringLiteral("bash"),
                     {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/prometheus-fixture.sh"),
                      QStringLiteral("start"), m_directory.path()});
        m_ok = script.waitForFinished(120000) && script.exitCode() == 0;
        m_error = QString::fromLocal8Bit(script.readAllStandardError());
        const QList<QByteArray> lines = script.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_values.insert(QString::fromUtf8(line.left(equals)),
                                QString::fromUtf8(line.mid(equals + 1)));
        }
    }
    ~PrometheusFixture()
    {
        QProcess::execute(
            QStringLiteral("bash"),
            {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/prometheus-fixture.sh"),
             QStringLiteral("stop"), m_directory.path()});
    }
    PrometheusFixture(const PrometheusFixture &) = delete;
    PrometheusFixture &operator=(const PrometheusFixture &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    QUrl prometheusUrl() const { return QUrl(value(QStringLiteral("PROMETHEUS_URL"))); }
    QUrl alertmanagerUrl() const { return QUrl(value(QStringLiteral("ALERTMANAGER_URL"))); }

private:
    QTemporaryDir m_directory{QStringLiteral("/tmp/opsdeck-prom-XXXXXX")};
    QHash<QString, QString> m_values;
    QString m_error;
    bool m_ok = false;
};
