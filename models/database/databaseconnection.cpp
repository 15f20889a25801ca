// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/databaseconnection.h"

#include "models/database/databasequeries.h"
#include "models/health/postgrescheck.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseConnection)
};

QString endpoint(const DatabaseConnectOptions &options)
{
    const QString address = options.host.contains(u':')
                                ? u"[%1]:%2"_s.arg(options.host).arg(options.port)
                                : u"%1:%2"_s.arg(options.host).arg(options.port);
    return options.route.isEmpty() ? address : u"%1 %2"_s.arg(address, options.route);
}

QString sqlErrorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

// The half of a DatabaseConnection that lives in its thread and owns the QSqlDatabase.
class DatabaseWorker final : public QObject
{
    Q_OBJECT

public:
    DatabaseWorker(const DatabaseConnectOptions &options, const QString &connectionName,
                   std::shared_ptr<std::atomic_bool> stopping)
        : m_options(options)
        , m_connectionName(connectionName)
        , m_stopping(std::move(stopping))
    {
    }
    ~DatabaseWorker() override { close(); }

    void refresh(quint64 id, DatabaseView view)
    {
        if (*m_stopping)
            return; // nobody waits for it: do not open a connection for it
        DatabaseSnapshot snapshot;
        snapshot.view = view;
        QString error;
        bool done = ensureOpen(&error) && readOnce(view, snapshot, &error);
        if (!done && m_open && !alive()) {
            // The server went away under an open connection (restart, terminate): reopen once.
            close();
            reportLost(error);
            snapshot = {};
            snapshot.view = view;
            done = ensureOpen(&error) && readOnce(view, snapshot, &error);
        }
        if (!done)
            snapshot.error = error;
        snapshot.server = m_server;
        Q_EMIT snapshotReady(id, snapshot);
    }

    void execute(quint64 id, const DatabaseStatement &statement)
    {
        if (*m_stopping)
            return;
        DatabaseStatementResult result;
        QString error;
        if (!ensureOpen(&error)) {
            result.error = error;
            Q_EMIT statementDone(id, result);
            return;
        }
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // A read keeps the session's statement timeout whatever the caller set.
        const bool unbounded = statement.noStatementTimeout && !statement.readOnly;
        QSqlQuery settings(db);
        if (unbounded)
            settings.exec(u"SET statement_timeout = 0"_s);
        QString failure;
        const auto run = [&] {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            // QPSQL prepares on the server, and PostgreSQL prepares no utility statement
            // (VACUUM): a statement with nothing to bind is sent as it is.
            bool ran = false;
            if (statement.bound.isEmpty()) {
                ran = query.exec(statement.sql);
            } else if (query.prepare(statement.sql)) {
                for (auto it = statement.bound.cbegin(); it != statement.bound.cend(); ++it)
                    query.bindValue(it.key(), it.value());
                ran = query.exec();
            }
            if (!ran) {
                failure = sqlErrorText(query.lastError());
                return false;
            }
            while (query.next()) {
                QVariantList row;
                for (int column = 0; column < query.record().count(); ++column)
                    row.append(query.value(column));
                result.rows.append(row);
            }
            return true;
        };
        const bool ran = statement.readOnly ? inReadOnlyTransaction(db, run) : run();
        if (!ran) {
            result.rows.clear();
            result.error = describe(failure.isEmpty() ? sqlErrorText(db.lastError()) : failure);
        }
        if (unbounded)
            settings.exec(u"RESET statement_timeout"_s);
        if (!ran && !alive()) {
            close();
            reportLost(result.error);
        }
        Q_EMIT statementDone(id, result);
    }

    void retryLogin() { m_refusal.clear(); }

Q_SIGNALS:
    void credentialsRefused();
    void stateReport(OpsDeck::DatabaseConnectionState state, const QString &error,
                     const OpsDeck::ServerInfo &server);
    void snapshotReady(quint64 id, const OpsDeck::DatabaseSnapshot &snapshot);
    void statementDone(quint64 id, const OpsDeck::DatabaseStatementResult &result);

private:
    QString describe(const QString &libpq) const
    {
        return DatabaseConnection::describeFailure(libpq, m_options);
    }

    bool ensureOpen(QString *error)
    {
        if (m_open)
            return true;
        if (!m_refusal.isEmpty()) {
            *error = m_refusal;
            return false;
        }
        Q_EMIT stateReport(DatabaseConnectionState::Connecting, {}, {});
        QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                              ? QSqlDatabase::database(m_connectionName, false)
                              : QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        if (!db.isValid()) {
            *error = Text::tr("PostgreSQL database %1: Qt's PostgreSQL driver (QPSQL) is not "
                              "installed")
                         .arg(m_options.name);
            Q_EMIT stateReport(DatabaseConnectionState::Failed, *error, {});
            return false;
        }
        db.setHostName(m_options.host);
        db.setPort(m_options.port);
        db.setDatabaseName(m_options.database);
        db.setUserName(m_options.user);
        db.setPassword(m_options.password);
        const int connectSeconds = std::max(2, int(std::ceil(m_options.connectTimeoutMs / 1000.0)));
        // Every statement bounded in time, whoever runs it; the name marks our sessions in
        // pg_stat_activity so no action ever targets them.
        db.setConnectOptions(u"connect_timeout=%1;sslmode=%2;application_name=%3;"
                             "options='-c statement_timeout=%4'"_s.arg(connectSeconds)
                                 .arg(postgresSslMode(m_options.sslMode), m_options.applicationName)
                                 .arg(m_options.statementTimeoutMs));
        if (!db.open()) {
            const QString libpq = sqlErrorText(db.lastError());
            *error = describe(libpq);
            db.close();
            if (DatabaseConnection::isCredentialFailure(libpq)) {
                m_refusal = *error;
                Q_EMIT credentialsRefused();
                Q_EMIT stateReport(DatabaseConnectionState::Failed, *error, {});
                return false;
            }
            Q_EMIT stateReport(m_everOpened ? DatabaseConnectionState::Lost
                                            : DatabaseConnectionState::Failed,
                               *error, {});
            return false;
        }
        ServerInfo server;
        QString failure;
        if (!inReadOnlyTransaction(db, [&] { return readServerInfo(db, server, &failure); })) {
            *error = describe(failure);
            db.close();
            Q_EMIT stateReport(DatabaseConnectionState::Failed, *error, {});
            return false;
        }
        m_server = server;
        m_open = true;
        m_everOpened = true;
        Q_EMIT stateReport(DatabaseConnectionState::Open, {}, m_server);
        return true;
    }

    template<typename Read>
    bool inReadOnlyTransaction(QSqlDatabase &db, Read read)
    {
        if (!db.transaction())
            return false;
        QSqlQuery readOnly(db);
        const bool done = readOnly.exec(u"SET TRANSACTION READ ONLY"_s) && read();
        db.rollback();
        return done;
    }

    bool readOnce(DatabaseView view, DatabaseSnapshot &snapshot, QString *error)
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        snapshot.server = m_server;
        QString failure;
        if (inReadOnlyTransaction(db, [&] { return readView(db, view, snapshot, &failure); }))
            return true;
        *error = describe(failure.isEmpty() ? sqlErrorText(db.lastError()) : failure);
        return false;
    }

    // Whether the connection still answers after a failed statement.
    bool alive()
    {
        if (!m_open)
            return false;
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery ping(db);
        return ping.exec(u"SELECT 1"_s);
    }

    void reportLost(const QString &error)
    {
        Q_EMIT stateReport(DatabaseConnectionState::Lost, error, {});
    }

    void close()
    {
        m_open = false;
        if (!QSqlDatabase::contains(m_connectionName))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }

    DatabaseConnectOptions m_options;
    QString m_connectionName;
    ServerInfo m_server;
    // Why the server refused our credentials; while set, nothing logs in again with them.
    QString m_refusal;
    std::shared_ptr<std::atomic_bool> m_stopping;
    bool m_open = false;
    bool m_everOpened = false;
};

namespace {

// The connection threads not yet finished, touched only by the thread that owns the
// connections. At exit they are given the time their last statement may take: a worker still
// closing its QSqlDatabase after QCoreApplication is gone would crash the process.
QList<QPointer<QThread>> &unfinishedThreads()
{
    static QList<QPointer<QThread>> threads;
    return threads;
}

void waitForUnfinishedThreads()
{
    QDeadlineTimer deadline(15000);
    for (const QPointer<QThread> &thread : std::as_const(unfinishedThreads())) {
        if (thread)
            thread->wait(deadline);
    }
    unfinishedThreads().clear();
}

} // namespace

namespace {

struct PendingSnapshot {
    QPointer<QObject> context;
    DatabaseConnection::SnapshotDone done;
};
struct PendingStatement {
    QPointer<QObject> context;
    DatabaseConnection::StatementDone done;
};

} // namespace

struct DatabaseConnection::Pending {
    quint64 next = 0;
    QHash<quint64, PendingSnapshot> snapshots;
    QHash<quint64, PendingStatement> statements;
};

DatabaseConnection::DatabaseConnection(const DatabaseConnectOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_pending(std::make_unique<Pending>())
{
    qRegisterMetaType<DatabaseSnapshot>();
    qRegisterMetaType<ServerInfo>();
    qRegisterMetaType<DatabaseStatementResult>();
    qRegisterMetaType<DatabaseConnectionState>();
    static std::atomic<quint64> connections{0};
    const QString connectionName = u"opsdeck-dba-%1"_s.arg(++connections);
    m_thread = new QThread;
    m_thread->setObjectName(u"Database %1"_s.arg(options.name));
    static const bool waitsAtExit = [] {
        qAddPostRoutine(waitForUnfinishedThreads);
        return true;
    }();
    Q_UNUSED(waitsAtExit);
    unfinishedThreads().removeAll(nullptr);
    unfinishedThreads().append(m_thread);
    m_worker = new DatabaseWorker(options, connectionName, m_stopping);
    m_worker->moveToThread(m_thread);
    // Both go once the thread ends: the worker closes its connection in that thread.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    // Before the state it comes with: whoever reacts to a Failed state already sees it.
    connect(m_worker, &DatabaseWorker::credentialsRefused, this,
            [this] { m_credentialsRefused = true; });
    connect(m_worker, &DatabaseWorker::stateReport, this, &DatabaseConnection::setState);
    connect(m_worker, &DatabaseWorker::snapshotReady, this,
            [this](quint64 id, const DatabaseSnapshot &snapshot) {
                const PendingSnapshot pending = m_pending->snapshots.take(id);
                if (pending.context && pending.done)
                    pending.done(snapshot);
            });
    connect(m_worker, &DatabaseWorker::statementDone, this,
            [this](quint64 id, const DatabaseStatementResult &result) {
                const PendingStatement pending = m_pending->statements.take(id);
                if (pending.context && pending.done)
                    pending.done(result);
            });
    m_thread->start();
}

DatabaseConnection::~DatabaseConnection()
{
    // Not waited for: a request still in libpq ends within the statement timeout, and the
    // thread then deletes the worker and itself. Requests still queued are dropped.
    *m_stopping = true;
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->quit();
}

void DatabaseConnection::refresh(DatabaseView view, QObject *context, SnapshotDone done)
{
    const quint64 id = ++m_pending->next;
    m_pending->snapshots.insert(id, {context, std::move(done)});
    DatabaseWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, view] { worker->refresh(id, view); }, Qt::QueuedConnection);
}

void DatabaseConnection::execute(const DatabaseStatement &statement, QObject *context,
                                 StatementDone done)
{
    const quint64 id = ++m_pending->next;
    m_pending->statements.insert(id, {context, std::move(done)});
    DatabaseWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, statement] { worker->execute(id, statement); }, Qt::QueuedConnection);
}

void DatabaseConnection::retryLogin()
{
    m_credentialsRefused = false;
    DatabaseWorker *worker = m_worker;
    // Queued like the requests: the ones asked after this try again, no earlier one.
    QMetaObject::invokeMethod(
        worker, [worker] { worker->retryLogin(); }, Qt::QueuedConnection);
}

void DatabaseConnection::setState(DatabaseConnectionState state, const QString &error,
                                  const ServerInfo &server)
{
    const bool serverChanged =
        state == DatabaseConnectionState::Open &&
        (server.ownPid != m_server.ownPid || server.startedAt != m_server.startedAt);
    if (state == DatabaseConnectionState::Open)
        m_server = server;
    // A retry keeps the last failure's reason until it succeeds: "connecting…" alone would
    // hide why the previous attempt failed.
    const QString reason = state == DatabaseConnectionState::Open ? QString()
                           : error.isEmpty()                      ? m_error
                                                                  : error;
    if (state == m_state && reason == m_error && !serverChanged)
        return;
    m_state = state;
    m_error = reason;
    Q_EMIT stateChanged(state, error);
    if (serverChanged)
        Q_EMIT this->serverChanged(m_server);
}

bool DatabaseConnection::isCredentialFailure(const QString &libpqMessage)
{
    // QPSQL keeps no SQLSTATE for a failed login: the server's words are all there is. "…
    // authentication failed for user" is said for password, LDAP, PAM, RADIUS, ident, peer and
    // certificate logins alike.
    return libpqMessage.contains(u"authentication failed for user"_s) ||
           libpqMessage.contains(u"no pg_hba.conf entry"_s) ||
           libpqMessage.contains(u"pg_hba.conf rejects connection"_s) ||
           (libpqMessage.contains(u"role \""_s) && libpqMessage.contains(u"does not exist"_s));
}

QString DatabaseConnection::describeFailure(const QString &libpqMessage,
                                            const DatabaseConnectOptions &options)
{
    PostgresCheckOptions check;
    check.name = options.name;
    check.host = options.host;
    check.port = options.port;
    check.database = options.database;
    check.user = options.user;
    check.timeoutMs = options.statementTimeoutMs;
    QString cause = postgresFailureCause(libpqMessage, check);
    if (libpqMessage.contains(u"permission denied"_s)) {
        // The server's own words name what was refused; only its severity prefix goes.
        cause = libpqMessage.section(u'\n', 0, 0).trimmed();
        for (const QString &prefix : {u"ERROR:"_s, u"FATAL:"_s}) {
            if (cause.startsWith(prefix))
                cause = cause.mid(prefix.size()).trimmed();
        }
    }
    return Text::tr("PostgreSQL database %1 (%2 at %3): %4")
        .arg(options.name, options.database.isEmpty() ? options.user : options.database,
             endpoint(options), cause);
}

} // namespace OpsDeck

#include "databaseconnection.moc"
