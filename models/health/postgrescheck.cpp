// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/postgrescheck.h"

#include "models/core/units.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthPostgres)
};

QString endpoint(const QString &host, quint16 port)
{
    return host.contains(u':') ? u"[%1]:%2"_s.arg(host).arg(port) : u"%1:%2"_s.arg(host).arg(port);
}

} // namespace

QString postgresFailureCause(const QString &libpq, const PostgresCheckOptions &options)
{
    const QString text = libpq.trimmed();
    if (text.contains(u"password authentication failed"_s))
        return Text::tr("wrong password for user %1").arg(options.user);
    if (text.contains(u"no password supplied"_s))
        return Text::tr("the server wants a password for user %1 and none is configured")
            .arg(options.user);
    if (text.contains(u"database \""_s) && text.contains(u"does not exist"_s))
        return Text::tr("database %1 does not exist").arg(options.database);
    if (text.contains(u"role \""_s) && text.contains(u"does not exist"_s))
        return Text::tr("user %1 does not exist").arg(options.user);
    if (text.contains(u"Connection refused"_s))
        return Text::tr("connection refused");
    if (text.contains(u"timeout expired"_s))
        return Text::tr("no answer within %1").arg(formatDuration(options.timeoutMs));
    if (text.contains(u"could not translate host name"_s))
        return Text::tr("host %1 not found").arg(options.host);
    if (text.contains(u"statement timeout"_s))
        return Text::tr("the query took longer than %1").arg(formatDuration(options.timeoutMs));
    if (text.contains(u"the database system is starting up"_s) ||
        text.contains(u"the database system is shutting down"_s) ||
        text.contains(u"too many clients"_s) || text.contains(u"too many connections"_s))
        return text.section(u'\n', 0, 0).section(u"FATAL:"_s, -1).trimmed();
    return text.section(u'\n', 0, 0);
}

QString postgresSslMode(const QString &mode)
{
    static const QStringList modes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                      u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    return modes.contains(mode) ? mode : u"prefer"_s;
}

namespace {

CheckResult runCheck(const QString &connectionName, const PostgresCheckOptions &options,
                     CheckResult result)
{
    const QString where = Text::tr("PostgreSQL database %1 at %2")
                              .arg(options.database.isEmpty() ? options.user : options.database,
                                   endpoint(options.host, options.port));
    const auto failed = [&](Verdict verdict, const QString &cause) {
        result.verdict = verdict;
        result.error = u"%1: %2"_s.arg(where, cause);
        result.summary = result.error;
        return result;
    };
    QElapsedTimer clock;
    clock.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        if (!db.isValid()) {
            QSqlDatabase::removeDatabase(connectionName);
            return failed(Verdict::Unknown,
                          Text::tr("Qt's PostgreSQL driver (QPSQL) is not installed"));
        }
        db.setHostName(options.host);
        db.setPort(options.port);
        db.setDatabaseName(options.database);
        db.setUserName(options.user);
        db.setPassword(options.password);
        const int connectSeconds = std::max(2, int(std::ceil(options.timeoutMs / 1000.0)));
        // Every statement of this session read-only and bounded in time, whatever it runs.
        db.setConnectOptions(
            u"connect_timeout=%1;sslmode=%2;application_name=opsdeck-check;"
            "options='-c statement_timeout=%3 -c default_transaction_read_only=on'"_s
                .arg(connectSeconds)
                .arg(postgresSslMode(options.sslMode))
                .arg(options.timeoutMs));
        if (!db.open()) {
            const QString cause = postgresFailureCause(db.lastError().databaseText().isEmpty()
                                                           ? db.lastError().text()
                                                           : db.lastError().databaseText(),
                                                       options);
            db = {};
            QSqlDatabase::removeDatabase(connectionName);
            return failed(Verdict::Critical, cause);
        }
        std::optional<CheckResult> outcome;
        {
            QSqlQuery query(db);
            const bool read =
                db.transaction() && query.exec(u"SET TRANSACTION READ ONLY"_s) &&
                query.exec(u"SELECT current_setting('server_version'),"
                           " current_setting('server_version_num')::int,"
                           " (SELECT count(*) FROM pg_stat_activity"
                           "   WHERE backend_type = 'client backend'),"
                           " current_setting('max_connections')::int,"
                           " current_setting('superuser_reserved_connections')::int,"
                           " coalesce(current_setting('reserved_connections', true)::int, 0),"
                           " pg_is_in_recovery()"_s) &&
                query.next();
            const qint64 latency = clock.elapsed();
            if (!read) {
                const QString text =
                    query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
                // A statement timeout is the server being too slow; anything else (rights,
                // an old server without backend_type) means the values cannot be judged.
                outcome = failed(text.contains(u"statement timeout"_s) ? Verdict::Critical
                                                                       : Verdict::Unknown,
                                 postgresFailureCause(text, options));
            } else {
                const QString version = query.value(0).toString();
                const int versionNumber = query.value(1).toInt();
                const qint64 used = query.value(2).toLongLong();
                const int maxConnections = query.value(3).toInt();
                const int reserved = query.value(4).toInt() + query.value(5).toInt();
                const bool standby = query.value(6).toBool();
                const int available = std::max(1, maxConnections - reserved);
                const double share = std::round(1000.0 * double(used) / available) / 10.0;

                result.values.append({Text::tr("latency"), double(latency), u"ms"_s,
                                      Text::tr("connect and query"),
                                      judge(double(latency), options.latency),
                                      options.latency.warning, options.latency.critical});
                result.values.append({Text::tr("version"),
                                      double(versionNumber),
                                      {},
                                      u"PostgreSQL %1"_s.arg(version),
                                      Verdict::Ok,
                                      {},
                                      {}});
                result.values.append({Text::tr("connections"), share, u"%"_s,
                                      Text::tr("%1 of %2 (max_connections %3, %4 reserved)")
                                          .arg(used)
                                          .arg(available)
                                          .arg(maxConnections)
                                          .arg(reserved),
                                      judge(share, options.connections),
                                      options.connections.warning, options.connections.critical});
                result.values.append(
                    {Text::tr("role"),
                     standby ? 1.0 : 0.0,
                     {},
                     standby ? Text::tr("standby (in recovery)") : Text::tr("primary"),
                     Verdict::Ok,
                     {},
                     {}});
                result.verdict = Verdict::Ok;
                for (const CheckValue &value : std::as_const(result.values))
                    result.verdict = worseForExitCode(result.verdict, value.verdict);
                result.summary = Text::tr("%1 answered in %2, %3 of %4 connections in use")
                                     .arg(where, formatDuration(latency))
                                     .arg(used)
                                     .arg(available);
                outcome = result;
            }
            db.rollback();
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(connectionName);
        return *outcome;
    }
}

} // namespace

Threshold defaultConnectionsUsageThreshold()
{
    return {u"connections_usage"_s, 80, 95, u"%"_s, Threshold::Direction::Above, {}};
}

PostgresCheckOptions postgresCheckOptions(const Database &database, const Workspace &workspace)
{
    PostgresCheckOptions options;
    options.name = database.name;
    options.host = database.host;
    options.port = quint16(database.port);
    options.database = database.database;
    options.user = database.user;
    options.sslMode = database.sslMode;
    options.latency = thresholdFor(workspace, u"response_time"_s, options.latency);
    options.connections = thresholdFor(workspace, u"connections_usage"_s, options.connections);
    return options;
}

PostgresCheck::PostgresCheck(QObject *parent)
    : QObject(parent)
{
}

PostgresCheck::~PostgresCheck()
{
    abort();
}

void PostgresCheck::start(const QString &checkId, const PostgresCheckOptions &options)
{
    abort();
    static std::atomic<quint64> connections{0};
    const QString connectionName = u"opsdeck-postgres-check-%1"_s.arg(++connections);
    CheckResult started;
    started.checkId = checkId;
    started.time = QDateTime::currentDateTimeUtc();
    const quint64 generation = ++m_generation;
    m_running = true;

    auto outcome = std::make_shared<CheckResult>();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    // Its own thread, not the shared pool: a server that does not answer holds a thread for the
    // whole connect timeout, and two such checks would starve every other background task.
    QThread *thread = QThread::create([connectionName, options, started, outcome] {
        *outcome = runCheck(connectionName, options, started);
    });
    thread->setObjectName(u"PostgresCheck"_s);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, generation, outcome, clock] {
        if (generation != m_generation || !m_running)
            return;
        m_running = false;
        CheckResult result = *outcome;
        result.durationMs = clock->elapsed();
        Q_EMIT finished(result);
    });
    thread->start();
}

void PostgresCheck::abort()
{
    m_running = false;
    ++m_generation;
}

} // namespace OpsDeck
