// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"
#include "models/health/httpcheck.h"

#include <QObject>
#include <QString>

namespace OpsDeck {

// "connections_usage": client connections as a share of those a normal user may open
// (max_connections minus the reserved ones), warning 80 %, critical 95 %.
Threshold defaultConnectionsUsageThreshold();

struct PostgresCheckOptions {
    QString name; // the workspace's name for it, for messages: "orders"
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 5432;
    QString database;
    QString user;
    // From the keychain, given by the caller: handed to libpq only, never logged or shown.
    QString password;
    QString sslMode = QStringLiteral("prefer");
    int timeoutMs = 10000; // connect_timeout (whole seconds, at least 2) and statement_timeout
    Threshold latency = defaultResponseTimeThreshold(); // connect and query together
    Threshold connections = defaultConnectionsUsageThreshold();
};

// libpq's message, cut to what names the cause in an operator's words ("wrong password for user
// x", "connection refused"); never the password (libpq does not echo it).
QString postgresFailureCause(const QString &libpqMessage, const PostgresCheckOptions &options);
// Only libpq's own sslmode words: a workspace value must not smuggle other connection options
// in. Anything else is "prefer".
QString postgresSslMode(const QString &mode);

// The options for a workspace database with the workspace's thresholds; the caller adds the
// password it read from the keychain.
PostgresCheckOptions postgresCheckOptions(const Database &database, const Workspace &workspace);

// One PostgreSQL check through Qt's QPSQL driver: connect, then in a read-only transaction read
// the version, client connections against max_connections and whether the server is a standby.
// The connection lives in a thread of its own (QSqlDatabase must not change threads and libpq
// blocks); finished() comes exactly once, in the caller's thread.
class PostgresCheck : public QObject
{
    Q_OBJECT
public:
    explicit PostgresCheck(QObject *parent = nullptr);
    ~PostgresCheck() override;

    void start(const QString &checkId, const PostgresCheckOptions &options);
    // Forgets a running check: finished() is not emitted. Its thread ends on its own once libpq
    // returns (at most the timeout later).
    void abort();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);

private:
    quint64 m_generation = 0; // a finished thread of an aborted run finds it changed
    bool m_running = false;
};

} // namespace OpsDeck
