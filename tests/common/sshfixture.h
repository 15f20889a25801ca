// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real, throwaway sshd on loopback, started by tests/scripts/sshd-fixture.sh. Values are
// the script's KEY=VALUE lines (PORT, USER, PASSWORD, KEY, KNOWN_HOSTS, ...).
class SshFixture
{
public:
    // startOptions: e.g. {"--pam"} for keyboard-interactive, which sshd offers only with PAM.
    explicit SshFixture(const QStringList &startOptions = {})
    {
        m_ok = m_directory.isValid() &&
               run(QStringList{QStringLiteral("start"), m_directory.path()} + startOptions);
    }
    ~SshFixture() { run({QStringLiteral("stop"), m_directory.path()}); }
    SshFixture(const SshFixture &) = delete;
    SshFixture &operator=(const SshFixture &) = delete;

    bool isRunning() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    int port() const { return m_values.value(QStringLiteral("PORT")).toInt(); }
    QString directory() const { return m_directory.path(); }

    // "stop", "restart", "rotate-hostkey", "agent", "agent-stop": the script's other commands.
    bool run(const QStringList &arguments)
    {
        QProcess script;
        script.start(
            QStringLiteral("bash"),
            QStringList{QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/sshd-fixture.sh")} +
                arguments);
        if (!script.waitForFinished(60000) || script.exitCode() != 0) {
            m_error = QString::fromLocal8Bit(script.readAllStandardError());
            return false;
        }
        const QList<QByteArray> lines = script.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_values.insert(QString::fromUtf8(line.left(equals)),
                                QString::fromUtf8(line.mid(equals + 1)));
        }
        return true;
    }

private:
    QTemporaryDir m_directory{QStringLiteral("/tmp/opsdeck-sshd-XXXXXX")};
    QHash<QString, QString> m_values;
    QString m_error;
    bool m_ok = false;
};
