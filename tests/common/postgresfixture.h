// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real, throwaway PostgreSQL on loopback, started by tests/scripts/postgres-fixture.sh.
// Values are the script's KEY=VALUE lines (HOST, PORT, USER, PASSWORD, DATABASE, ...).
class PostgresFixture
{
public:
    PostgresFixture()
    {
        QProcess script;
        script.start(QStringLiteral("bash"),
                     {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/postgres-fixture.sh"),
                      QStringLiteral("start"), m_directory.path()});
        // The server runs as postgres and must reach its directory.
        QFile::setPermissions(m_directory.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ReadOther |
                                                      QFile::ExeOther | QFile::ReadGroup |
                                                      QFile::ExeGroup);
        m_ok = script.waitForFinished(60000) && script.exitCode() == 0;
        m_error = QString::fromLocal8Bit(script.readAllStandardError());
        const QList<QByteArray> lines = script.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_values.insert(QString::fromUtf8(line.left(equals)),
                                QString::fromUtf8(line.mid(equals + 1)));
        }
    }
    ~PostgresFixture()
    {
        QProcess::execute(QStringLiteral("bash"),
                          {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/postgres-fixture.sh"),
                           QStringLiteral("stop"), m_directory.path()});
    }
    PostgresFixture(const PostgresFixture &) = delete;
    PostgresFixture &operator=(const PostgresFixture &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }

private:
    QTemporaryDir m_directory{QStringLiteral("/tmp/opsdeck-pg-XXXXXX")};
    QHash<QString, QString> m_values;
    QString m_error;
    bool m_ok = false;
};
