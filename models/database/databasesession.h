// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databaseconnection.h"
#include "models/database/databasemodels.h"
#include "models/remote/actiongate.h"
#include "models/workspace/workspace.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace OpsDeck {

class CredentialStore;
class Executor;
class IncidentSession;

// What database sessions need from the application.
struct DatabaseServices {
    // The executor of a workspace host: an SshExecutor gives a tunnel, the local one none.
    std::function<Executor *(const QString &hostName)> executorFor;
    CredentialStore *credentials = nullptr; // null: a database that needs a password says so
    ActionGate *gate = nullptr;             // every action goes through it
    // The incident being handled: while one is open, every action is on its timeline and its
    // audit row names it. Null: no incidents (tests, the command line).
    IncidentSession *incident = nullptr;
    Workspace workspace;
};

// A workspace database as the DBA views see it: the route to it (direct, or an SSH tunnel
// through a host), the password from the keychain, one DatabaseConnection, the models of every
// view, and the refresh of the view being looked at. Actions (cancel, terminate, VACUUM,
// reset) are declared to the safety gate with bound parameters and never aim at OpsDeck's
// own sessions.
class DatabaseSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseSession)

public:
    DatabaseSession(const Database &database, const QString &ownerHost,
                    const DatabaseServices &services, QObject *parent = nullptr);
    ~DatabaseSession() override;

    const Database &database() const { return m_database; }
    QString name() const { return m_database.name; }
    // "orders (opsdeck on 127.0.0.1:5432 through bastion)"
    QString title() const;
    DatabaseConnectionState state() const;
    QString error() const;
    ServerInfo server() const;
    const DatabaseThresholds &thresholds() const { return m_thresholds; }

    // Models of the views (owned by the session, in the caller's thread).
    ActivityModel *activity() const { return m_activity; }
    LockTreeModel *locks() const { return m_locks; }
    StatementsModel *statements() const { return m_statements; }
    TablesModel *tables() const { return m_tables; }
    IndexesModel *indexes() const { return m_indexes; }
    ReplicasModel *replicas() const { return m_replicas; }
    SlotsModel *slots() const { return m_slots; }
    DatabaseStatsModel *databaseStats() const { return m_databaseStats; }
    IoModel *io() const { return m_io; } // empty before PostgreSQL 16
    OverviewHistoryModel *history() const { return m_history; }
    // The last snapshot of a view (error, archiver, hints), empty before its first refresh.
    DatabaseSnapshot lastSnapshot(DatabaseView view) const;

    // The view refreshed every interval (the Overview too, for its charts). Pausing stops the
    // timer; refreshNow() reads the view once at any time.
    void setActiveView(DatabaseView view);
    DatabaseView activeView() const { return m_activeView; }
    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Connects and starts refreshing. Called again (the database chosen again) after the server
    // refused the credentials, it tries them once more, as refreshNow() does; the timer never
    // does (DatabaseConnection::credentialsRefused()).
    void start();
    void refreshNow();
    void refresh(DatabaseView view);

    // A password given by the operator (asked once when the keychain had none); remember stores
    // it in the keychain under the database's entry.
    void providePassword(const QString &password, bool remember);

    // --- Actions -----------------------------------------------------------------------------
    using ActionDone = std::function<void(const ActionOutcome &)>;
    // Why an action on pid may not be offered at all (OpsDeck's own session), or empty.
    QString pidRefusal(int pid) const;
    void cancelQuery(int pid, const ActionConfirmation &confirmation, QObject *context,
                     ActionDone done);
    void terminateBackend(int pid, const ActionConfirmation &confirmation, QObject *context,
                          ActionDone done);
    // The sessions "terminate idle connections older than N minutes" would end, for the
    // preview; then terminateIdle ends exactly those pids, each only if still idle that long.
    void previewIdle(int minutes, QObject *context,
                     std::function<void(const QList<ActivityRow> &, const QString &error)> done);
    void terminateIdle(int minutes, const QList<int> &pids, const ActionConfirmation &confirmation,
                       QObject *context, ActionDone done);
    void vacuumTable(const QString &schema, const QString &table, bool analyze,
                     const ActionConfirmation &confirmation, QObject *context, ActionDone done);
    void resetStatements(const ActionConfirmation &confirmation, QObject *context, ActionDone done);

Q_SIGNALS:
    void stateChanged();
    void refreshed(OpsDeck::DatabaseView view);
    // The keychain has no password for it: ask the operator, answer with providePassword().
    void passwordNeeded(const QString &keychainEntry);

private:
    void refreshShown(); // the Overview and the view looked at
    void openConnection(const QString &password);
    void openRoute(const std::function<void(const QString &host, quint16 port)> &connectTo);
    void readPassword(const std::function<void(const QString &)> &use);
    void applySnapshot(const DatabaseSnapshot &snapshot);
    // description is the audit log's record (English, like the commands there); shown says the
    // same in the user's language on the incident timeline.
    void runAction(const QString &kind, const QString &description, const QString &shown,
                   const QString &target, const DatabaseStatement &statement,
                   const ActionConfirmation &confirmation, QObject *context, ActionDone done,
                   std::function<QString(const DatabaseStatementResult &)> judge = {});
    void setError(const QString &error);

    Database m_database;
    QString m_ownerHost;
    DatabaseServices m_services;
    DatabaseThresholds m_thresholds;
    std::unique_ptr<DatabaseConnection> m_connection;
    QObject *m_routeJob = nullptr; // owns the tunnel while it lives
    QString m_route;               // "through bastion" or empty
    bool m_opening = false;
    QString m_error;
    DatabaseView m_activeView = DatabaseView::Activity;
    QTimer m_timer;
    bool m_paused = false;
    bool m_started = false;
    bool m_inFlight[5] = {};
    QMap<DatabaseView, DatabaseSnapshot> m_last;

    ActivityModel *m_activity;
    LockTreeModel *m_locks;
    StatementsModel *m_statements;
    TablesModel *m_tables;
    IndexesModel *m_indexes;
    ReplicasModel *m_replicas;
    SlotsModel *m_slots;
    DatabaseStatsModel *m_databaseStats;
    IoModel *m_io;
    OverviewHistoryModel *m_history;
};

// The workspace's databases, each a session made when first asked for.
class DatabaseMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseMonitor)

public:
    explicit DatabaseMonitor(const DatabaseServices &services, QObject *parent = nullptr);
    ~DatabaseMonitor() override;

    // Forgets the sessions of the old workspace.
    void setWorkspace(const Workspace &workspace);
    // Every database of the workspace: its name and the host that owns it.
    struct Entry {
        Database database;
        QString host;
        QString environment;
    };
    const QList<Entry> &databases() const { return m_entries; }
    // The session of the database called name, made now if needed; null for an unknown name.
    DatabaseSession *session(const QString &name);

Q_SIGNALS:
    void databasesChanged();

private:
    DatabaseServices m_services;
    QList<Entry> m_entries;
    std::map<QString, std::unique_ptr<DatabaseSession>> m_sessions;
};

} // namespace OpsDeck
