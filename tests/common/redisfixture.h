// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptfixture.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// A real, throwaway redis-server on loopback, started by tests/scripts/redis-fixture.sh.
// Values are the script's KEY=VALUE lines (HOST, PORT, TLS_PORT, SOCKET, PASSWORD, MAXMEMORY,
// CERTS, ...).
class RedisFixture : public ScriptFixture
{
public:
    RedisFixture()
        : ScriptFixture(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/redis-fixture.sh"),
                        QStringLiteral("/tmp/opsdeck-redis-XXXXXX"), 60000)
    {
    }

    quint16 port() const { return quint16(value(QStringLiteral("PORT")).toUInt()); }

    // Runs one command with redis-cli (the password through REDISCLI_AUTH, never argv) and
    // returns its output, or an empty string with error set. With input, redis-cli -x reads the
    // command's last argument from it (a secret stays off the command line).
    QString command(const QStringList &arguments, QString *error = nullptr,
                    const QByteArray &input = {}) const
    {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("REDISCLI_AUTH"), value(QStringLiteral("PASSWORD")));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral("redis-cli"),
                  QStringList{QStringLiteral("--no-auth-warning"), QStringLiteral("-h"),
                              value(QStringLiteral("HOST")), QStringLiteral("-p"),
                              value(QStringLiteral("PORT"))} +
                      (input.isNull() ? QStringList() : QStringList{QStringLiteral("-x")}) +
                      arguments);
        if (!input.isNull())
            cli.write(input);
        cli.closeWriteChannel();
        const bool finished = cli.waitForFinished(30000) && cli.exitCode() == 0;
        const QString output = QString::fromUtf8(cli.readAllStandardOutput()).trimmed();
        if (!finished || output.startsWith(QStringLiteral("ERR"))) {
            if (error)
                *error = output + QString::fromLocal8Bit(cli.readAllStandardError());
            return {};
        }
        return output;
    }
};
