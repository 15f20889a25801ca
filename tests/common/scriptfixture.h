// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real service started by one of the fixture scripts in tests/scripts/ as
// `SCRIPT start DIR` and stopped with `SCRIPT stop DIR`; the script prints KEY=VALUE lines
// (HOST, PORT, PASSWORD, URLs …) that value() answers.
class ScriptFixture
{
public:
    ScriptFixture(const QString &script, const QString &directoryTemplate, int startTimeoutMs,
                  bool directoryForOthers = false)
        : m_script(script)
        , m_directory(directoryTemplate)
    {
        // A server that runs as another user (postgres) must reach its directory.
        if (directoryForOthers)
            QFile::setPermissions(m_directory.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                          QFile::ExeOwner | QFile::ReadGroup |
                                                          QFile::ExeGroup | QFile::ReadOther |
                                                          QFile::ExeOther);
        QProcess process;
        process.start(QStringLiteral("bash"), {m_script, QStringLiteral("start"), directory()});
        m_ok = process.waitForFinished(startTimeoutMs) && process.exitCode() == 0;
        m_error = QString::fromLocal8Bit(process.readAllStandardError());
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_values.insert(QString::fromUtf8(line.left(equals)),
                                QString::fromUtf8(line.mid(equals + 1)));
        }
    }
    ~ScriptFixture()
    {
        QProcess::execute(QStringLiteral("bash"), {m_script, QStringLiteral("stop"), directory()});
    }
    ScriptFixture(const ScriptFixture &) = delete;
    ScriptFixture &operator=(const ScriptFixture &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    QString directory() const { return m_directory.path(); }

private:
    QString m_script;
    QTemporaryDir m_directory;
    QHash<QString, QString> m_values;
    QString m_error;
    bool m_ok = false;
};
