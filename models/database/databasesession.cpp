// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/databasesession.h"

#include "models/database/databasequeries.h"
#include "models/incidents/incidentsession.h"
#include "models/remote/executor.h"
#include "models/remote/hostregistry.h"
#include "models/remote/serviceroute.h"
#include "models/secrets/credentialstore.h"

#include <QCoreApplication>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseSession)
};

int viewSlot(DatabaseView view)
{
    return int(view);
}

// Never an OpsDeck session (ours or another OpsDeck's), whatever pid the caller names: the
// statement itself re-checks, so a pid reused since the list was read is not hit either.
constexpr auto kNotOurs = "pid <> pg_backend_pid() AND coalesce(application_name, '') NOT LIKE "
                          "'opsdeck%'";

} // namespace

DatabaseSession::DatabaseSession(const Database &database, const QString &ownerHost,
                                 const DatabaseServices &services, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ownerHost(ownerHost)
    , m_services(services)
    , m_thresholds(DatabaseThresholds::fromWorkspace(services.workspace))
{
    m_activity = newActivityModel(m_thresholds, this);
    m_locks = new LockTreeModel(this);
    m_statements = newStatementsModel(this);
    m_tables = newTablesModel(this);
    m_indexes = newIndexesModel(this);
    m_replicas = newReplicasModel(m_thresholds, this);
    m_slots = newSlotsModel(m_thresholds, this);
    m_databaseStats = newDatabaseStatsModel(this);
    m_io = newIoModel(this);
    m_history = new OverviewHistoryModel(360, this);
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &DatabaseSession::refreshShown);
}

DatabaseSession::~DatabaseSession()
{
    delete m_routeJob;
}

QString DatabaseSession::title() const
{
    const QString where = u"%1 %2@%3:%4"_s.arg(m_database.name, m_database.user, m_database.host)
                              .arg(m_database.port);
    return m_route.isEmpty() ? where : u"%1 %2"_s.arg(where, m_route);
}

DatabaseConnectionState DatabaseSession::state() const
{
    if (!m_connection)
        return m_error.isEmpty() ? (m_opening ? DatabaseConnectionState::Connecting
                                              : DatabaseConnectionState::Idle)
                                 : DatabaseConnectionState::Failed;
    return m_connection->state();
}

QString DatabaseSession::error() const
{
    // Refreshing on a timer (not the command line's one read): say why it stopped trying.
    if (m_started && m_connection && m_connection->credentialsRefused() && !m_error.isEmpty())
        return Text::tr("%1; not retried until the password changes or you refresh").arg(m_error);
    return m_error;
}

ServerInfo DatabaseSession::server() const
{
    return m_connection ? m_connection->server() : ServerInfo{};
}

DatabaseSnapshot DatabaseSession::lastSnapshot(DatabaseView view) const
{
    return m_last.value(view);
}

void DatabaseSession::setActiveView(DatabaseView view)
{
    if (m_activeView == view)
        return;
    m_activeView = view;
    if (m_started)
        refresh(view);
}

void DatabaseSession::setInterval(int milliseconds)
{
    m_timer.setInterval(std::max(500, milliseconds));
}

void DatabaseSession::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (m_started)
        m_timer.start();
}

void DatabaseSession::start()
{
    if (m_started) {
        // Chosen again after its login was refused: that is asking to try again.
        if (m_connection && m_connection->credentialsRefused())
            refreshNow();
        return;
    }
    m_started = true;
    if (!m_paused)
        m_timer.start();
    refreshShown();
}

void DatabaseSession::refreshNow()
{
    // Asked for by the operator: a refused login is tried once more (the timer never does).
    if (m_connection)
        m_connection->retryLogin();
    refreshShown();
}

void DatabaseSession::refreshShown()
{
    refresh(DatabaseView::Overview);
    if (m_activeView != DatabaseView::Overview)
        refresh(m_activeView);
}

void DatabaseSession::setError(const QString &error)
{
    m_error = error;
    Q_EMIT stateChanged();
}

void DatabaseSession::refresh(DatabaseView view)
{
    if (!m_connection) {
        if (!m_opening) {
            m_opening = true;
            m_error.clear();
            Q_EMIT stateChanged();
            readPassword([this](const QString &password) { openConnection(password); });
        }
        return;
    }
    // One refresh of a view at a time: a slow server is not sent a queue of them.
    if (m_inFlight[viewSlot(view)])
        return;
    m_inFlight[viewSlot(view)] = true;
    m_connection->refresh(view, this, [this, view](const DatabaseSnapshot &snapshot) {
        m_inFlight[viewSlot(view)] = false;
        applySnapshot(snapshot);
    });
}

void DatabaseSession::readPassword(const std::function<void(const QString &)> &use)
{
    if (m_database.password.isEmpty()) {
        use({});
        return;
    }
    CredentialStore *credentials = m_services.credentials;
    if (!credentials) {
        m_opening = false;
        setError(Text::tr("Database %1 needs the password in keychain entry '%2', and no "
                          "keychain is open here.")
                     .arg(m_database.name, m_database.password.entry));
        return;
    }
    // Bound to the server as the owning host reaches it (a tunnel's 127.0.0.1 is not it).
    const QString address = databaseSecretAddress(m_services.workspace, m_ownerHost, m_database);
    const quint64 request = credentials->readFor(m_database.password.entry, address);
    auto *job = new QObject(this);
    connect(credentials, &CredentialStore::readFinished, job,
            [this, job, request, use](quint64 id, const QString &entry, bool found,
                                      const QString &password) {
                if (id != request)
                    return;
                job->deleteLater();
                if (!found) {
                    Q_EMIT passwordNeeded(entry);
                    return;
                }
                use(password);
            });
    connect(credentials, &CredentialStore::failed, job,
            [this, job, request](quint64 id, const QString &, const QString &message) {
                if (id != request)
                    return;
                job->deleteLater();
                m_opening = false;
                setError(Text::tr("Database %1: %2").arg(m_database.name, message));
            });
}

void DatabaseSession::providePassword(const QString &password, bool remember)
{
    if (remember && m_services.credentials && !m_database.password.isEmpty()) {
        m_services.credentials->write(
            m_database.password.entry, password,
            databaseSecretAddress(m_services.workspace, m_ownerHost, m_database));
    }
    openConnection(password);
}

void DatabaseSession::openRoute(const std::function<void(const QString &, quint16)> &connectTo)
{
    const Host *owner = m_services.workspace.findHost(m_ownerHost);
    QString via = m_database.viaHost;
    if (via.isEmpty() && owner && !owner->isLocal())
        via = owner->name;
    if (via.isEmpty()) {
        connectTo(m_database.host, quint16(m_database.port));
        return;
    }
    Executor *executor = m_services.executorFor ? m_services.executorFor(via) : nullptr;
    if (!executor) {
        m_opening = false;
        setError(Text::tr("Database %1: cannot reach host %2 to connect through it")
                     .arg(m_database.name, via));
        return;
    }
    delete m_routeJob;
    m_routeJob = new QObject(this);
    m_route = Text::tr("through %1").arg(via);
    reachThrough(executor, m_database.host, quint16(m_database.port), m_routeJob, connectTo,
                 [this, via](const QString &error) {
                     m_opening = false;
                     setError(Text::tr("Database %1: cannot reach %2:%3 through %4: %5")
                                  .arg(m_database.name, m_database.host)
                                  .arg(m_database.port)
                                  .arg(via, error));
                 });
}

void DatabaseSession::openConnection(const QString &password)
{
    openRoute([this, password](const QString &host, quint16 port) {
        DatabaseConnectOptions options;
        options.name = m_database.name;
        options.host = host;
        options.port = port;
        options.database = m_database.database;
        options.user = m_database.user;
        options.password = password;
        options.sslMode = m_database.sslMode;
        options.route = m_route;
        m_connection = std::make_unique<DatabaseConnection>(options);
        connect(m_connection.get(), &DatabaseConnection::stateChanged, this,
                [this](DatabaseConnectionState, const QString &) {
                    m_error = m_connection->error();
                    Q_EMIT stateChanged();
                });
        m_opening = false;
        m_error.clear();
        Q_EMIT stateChanged();
        refreshShown();
    });
}

void DatabaseSession::applySnapshot(const DatabaseSnapshot &snapshot)
{
    m_last.insert(snapshot.view, snapshot);
    if (snapshot.error.isEmpty()) {
        switch (snapshot.view) {
        case DatabaseView::Overview:
            m_databaseStats->setRows(snapshot.databases);
            m_io->setRows(snapshot.io);
            m_history->addSnapshot(snapshot);
            break;
        case DatabaseView::Activity:
            m_activity->setRows(snapshot.activity);
            m_locks->setActivity(snapshot.activity);
            break;
        case DatabaseView::Statements:
            m_statements->setRows(snapshot.statements);
            break;
        case DatabaseView::Tables:
            m_tables->setRows(snapshot.tables);
            m_indexes->setRows(snapshot.indexes);
            break;
        case DatabaseView::Replication:
            m_replicas->setRows(snapshot.replicas);
            m_slots->setRows(snapshot.slots);
            break;
        }
    }
    Q_EMIT refreshed(snapshot.view);
}

// --- Actions -------------------------------------------------------------------------------

QString DatabaseSession::pidRefusal(int pid) const
{
    if (pid <= 0)
        return Text::tr("No session chosen.");
    if (m_connection && pid == m_connection->server().ownPid)
        return Text::tr("Session %1 is OpsDeck's own connection: OpsDeck never cancels or "
                        "terminates it.")
            .arg(pid);
    for (const ActivityRow &row : m_activity->rows()) {
        if (row.pid == pid && row.own)
            return Text::tr("Session %1 belongs to OpsDeck (%2): OpsDeck never cancels or "
                            "terminates its own sessions.")
                .arg(pid)
                .arg(row.application);
    }
    return {};
}

void DatabaseSession::runAction(const QString &kind, const QString &description,
                                const QString &shown, const QString &target,
                                const DatabaseStatement &statement,
                                const ActionConfirmation &confirmation, QObject *context,
                                ActionDone done,
                                std::function<QString(const DatabaseStatementResult &)> judge)
{
    if (!m_services.gate) {
        done({Text::tr("No safety gate: actions are off.")});
        return;
    }
    DeclaredAction action;
    action.kind = kind;
    action.target = target;
    action.description = u"%1 on %2"_s.arg(description, title());
    QPointer<IncidentSession> incident = m_services.incident;
    if (incident && incident->isActive())
        action.incidentId = incident->incident().id;
    QPointer<DatabaseSession> self(this);
    const QString line = Text::tr("%1 on %2").arg(shown, title());
    auto reachedServer = std::make_shared<bool>(false);
    m_services.gate->run(
        action, confirmation, context,
        [self, statement, judge, reachedServer](ActionGate::Finish finish) {
            *reachedServer = true;
            if (!self || !self->m_connection) {
                finish({Text::tr("Not run: the database is not connected.")});
                return;
            }
            self->m_connection->execute(
                statement, self, [self, finish, judge](const DatabaseStatementResult &result) {
                    if (!result.succeeded()) {
                        finish({result.error});
                        return;
                    }
                    finish({judge ? judge(result) : QString()});
                    if (self)
                        self->refreshNow();
                });
        },
        [incident, line, reachedServer, done = std::move(done)](const ActionOutcome &outcome) {
            // Refusals never ran: only what reached the server goes on the timeline.
            if (incident && incident->isActive() && *reachedServer)
                incident->addNote(
                    outcome.succeeded()
                        ? Text::tr("Database action: %1").arg(line)
                        : Text::tr("Database action failed: %1 — %2").arg(line, outcome.error));
            done(outcome);
        });
}

namespace {

// pg_cancel_backend and pg_terminate_backend answer false (or no row) when nothing was
// signalled: the session ended meanwhile, or it is not ours to signal.
QString signalled(const DatabaseStatementResult &result, int pid)
{
    if (result.rows.isEmpty())
        return Text::tr("Session %1 is gone, or is an OpsDeck session: nothing was signalled.")
            .arg(pid);
    if (!result.rows.first().value(0).toBool())
        return Text::tr("PostgreSQL did not signal session %1: it ended meanwhile.").arg(pid);
    return {};
}

} // namespace

void DatabaseSession::cancelQuery(int pid, const ActionConfirmation &confirmation, QObject *context,
                                  ActionDone done)
{
    if (const QString refusal = pidRefusal(pid); !refusal.isEmpty()) {
        done({refusal});
        return;
    }
    DatabaseStatement statement;
    statement.sql = u"SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = :pid AND "_s +
                    QLatin1StringView(kNotOurs);
    statement.bound.insert(u":pid"_s, pid);
    runAction(u"postgres.query.cancel"_s, u"cancel the query of pid %1"_s.arg(pid),
              Text::tr("cancel the query of pid %1").arg(pid), QString::number(pid), statement,
              confirmation, context, std::move(done),
              [pid](const DatabaseStatementResult &result) { return signalled(result, pid); });
}

void DatabaseSession::terminateBackend(int pid, const ActionConfirmation &confirmation,
                                       QObject *context, ActionDone done)
{
    if (const QString refusal = pidRefusal(pid); !refusal.isEmpty()) {
        done({refusal});
        return;
    }
    DatabaseStatement statement;
    statement.sql =
        u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = :pid AND "_s +
        QLatin1StringView(kNotOurs);
    statement.bound.insert(u":pid"_s, pid);
    // The typed target of a Destroy is the pid itself.
    runAction(u"postgres.backend.terminate"_s, u"terminate backend pid %1"_s.arg(pid),
              Text::tr("terminate backend pid %1").arg(pid), QString::number(pid), statement,
              confirmation, context, std::move(done),
              [pid](const DatabaseStatementResult &result) { return signalled(result, pid); });
}

namespace {
QString idleCondition()
{
    return u"backend_type = 'client backend' AND state = 'idle'"
           " AND state_change < clock_timestamp() - make_interval(mins => :minutes) AND "_s +
           QLatin1StringView(kNotOurs);
}
} // namespace

void DatabaseSession::previewIdle(
    int minutes, QObject *context,
    std::function<void(const QList<ActivityRow> &, const QString &error)> done)
{
    if (!m_connection) {
        done({}, Text::tr("Database %1 is not connected.").arg(m_database.name));
        return;
    }
    const QString sql = u"SELECT pid, coalesce(usename, ''), coalesce(datname, ''),"
                        " coalesce(application_name, ''),"
                        " CASE WHEN client_addr IS NULL THEN 'local' ELSE host(client_addr) END,"
                        " (extract(epoch from clock_timestamp() - state_change) * 1000)::bigint,"
                        " coalesce(query, '')"
                        " FROM pg_stat_activity WHERE "_s +
                        idleCondition() + u" ORDER BY state_change"_s;
    // A read like the views': in a read-only transaction, under the statement timeout.
    const DatabaseStatement statement = DatabaseStatement::read(sql, {{u":minutes"_s, minutes}});
    m_connection->execute(statement, context, [done](const DatabaseStatementResult &result) {
        QList<ActivityRow> rows;
        for (const QVariantList &values : result.rows) {
            ActivityRow row;
            row.pid = values.value(0).toInt();
            row.user = values.value(1).toString();
            row.database = values.value(2).toString();
            row.application = values.value(3).toString();
            row.client = values.value(4).toString();
            row.state = u"idle"_s;
            row.stateAgeMs = values.value(5).toLongLong();
            row.query = maskQuerySecrets(values.value(6).toString());
            rows.append(row);
        }
        done(rows, result.error);
    });
}

void DatabaseSession::terminateIdle(int minutes, const QList<int> &pids,
                                    const ActionConfirmation &confirmation, QObject *context,
                                    ActionDone done)
{
    if (pids.isEmpty()) {
        done({Text::tr("No idle session to terminate.")});
        return;
    }
    QStringList list;
    for (int pid : pids)
        list.append(QString::number(pid));
    DatabaseStatement statement;
    // Exactly the previewed pids, and of those only the ones still idle that long now.
    statement.sql = u"SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE pid = ANY(CAST(:pids AS int[])) AND "_s +
                    idleCondition();
    statement.bound.insert(u":pids"_s, u"{%1}"_s.arg(list.join(u',')));
    statement.bound.insert(u":minutes"_s, minutes);
    const int asked = int(pids.size());
    runAction(u"postgres.idle.terminate"_s,
              u"terminate %1 sessions idle over %2 min (pids %3)"_s.arg(asked).arg(minutes).arg(
                  list.join(u", "_s)),
              Text::tr("terminate %n session(s) idle over %1 min (pids %2)", nullptr, asked)
                  .arg(minutes)
                  .arg(list.join(u", "_s)),
              m_database.name, statement, confirmation, context, std::move(done),
              [asked](const DatabaseStatementResult &result) {
                  qsizetype ended = 0;
                  for (const QVariantList &row : result.rows)
                      ended += row.value(1).toBool() ? 1 : 0;
                  if (ended == asked)
                      return QString();
                  return Text::tr("%1 of %2 sessions were terminated; the others were no "
                                  "longer idle that long or had ended.")
                      .arg(ended)
                      .arg(asked);
              });
}

void DatabaseSession::vacuumTable(const QString &schema, const QString &table, bool analyze,
                                  const ActionConfirmation &confirmation, QObject *context,
                                  ActionDone done)
{
    // VACUUM takes no parameters and refuses a transaction: the server first finds the table
    // by bound name and quotes it from its own catalog (format %I), and VACUUM is sent with
    // exactly that text.
    QPointer<DatabaseSession> self(this);
    if (!m_connection) {
        done({Text::tr("Database %1 is not connected.").arg(m_database.name)});
        return;
    }
    const DatabaseStatement resolve =
        DatabaseStatement::read(u"SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                " WHERE n.nspname = :schema AND c.relname = :table"
                                " AND c.relkind IN ('r', 'm', 'p')"_s,
                                {{u":schema"_s, schema}, {u":table"_s, table}});
    const QString qualified = schema + u'.' + table;
    m_connection->execute(
        resolve, context,
        [self, qualified, analyze, confirmation, context,
         done](const DatabaseStatementResult &found) {
            if (!self)
                return;
            if (!found.succeeded() || found.rows.isEmpty()) {
                done({found.succeeded() ? Text::tr("Table %1 does not exist.").arg(qualified)
                                        : found.error});
                return;
            }
            DatabaseStatement vacuum;
            vacuum.sql = (analyze ? u"VACUUM (ANALYZE) "_s : u"VACUUM "_s) +
                         found.rows.first().value(0).toString();
            vacuum.noStatementTimeout = true;
            self->runAction(
                u"postgres.table.vacuum"_s,
                analyze ? u"VACUUM (ANALYZE) %1"_s.arg(qualified) : u"VACUUM %1"_s.arg(qualified),
                analyze ? u"VACUUM (ANALYZE) %1"_s.arg(qualified) : u"VACUUM %1"_s.arg(qualified),
                qualified, vacuum, confirmation, context, done);
        });
}

void DatabaseSession::resetStatements(const ActionConfirmation &confirmation, QObject *context,
                                      ActionDone done)
{
    const ServerInfo info = server();
    if (!info.hasStatements()) {
        done({statementsEnableHint(info)});
        return;
    }
    DatabaseStatement statement;
    statement.sql = u"SELECT %1.pg_stat_statements_reset()"_s.arg(info.statementsSchema);
    runAction(u"postgres.statements.reset"_s, u"reset pg_stat_statements"_s,
              Text::tr("reset pg_stat_statements"), m_database.name, statement, confirmation,
              context, std::move(done));
}

// --- DatabaseMonitor -----------------------------------------------------------------------

DatabaseMonitor::DatabaseMonitor(const DatabaseServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    setWorkspace(services.workspace);
}

DatabaseMonitor::~DatabaseMonitor() = default;

void DatabaseMonitor::setWorkspace(const Workspace &workspace)
{
    m_services.workspace = workspace;
    m_sessions.clear();
    m_entries.clear();
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            for (const Database &database : host.databases)
                m_entries.append({database, host.name, environment.name});
        }
    }
    Q_EMIT databasesChanged();
}

DatabaseSession *DatabaseMonitor::session(const QString &name)
{
    if (auto it = m_sessions.find(name); it != m_sessions.end())
        return it->second.get();
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.database.name == name) {
            auto session =
                std::make_unique<DatabaseSession>(entry.database, entry.host, m_services);
            DatabaseSession *raw = session.get();
            m_sessions.emplace(name, std::move(session));
            return raw;
        }
    }
    return nullptr;
}

} // namespace OpsDeck
