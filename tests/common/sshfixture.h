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

    // A workspace host entry (one YAML line, under `hosts:`) named `name` that reaches this
    // sshd by key; another port (e.g. 1: nothing listens) makes an unreachable twin.
    QString workspaceHost(const QString &name, int otherPort = 0) const
    {
        return QStringLiteral("      - {name: %1, address: 127.0.0.1, port: %2, user: %3, auth: "
                              "key, key: %4}\n")
            .arg(name)
            .arg(otherPort > 0 ? otherPort : port())
            .arg(value(QStringLiteral("USER")), value(QStringLiteral("KEY")));
    }

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
