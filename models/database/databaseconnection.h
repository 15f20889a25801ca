// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databaserows.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace OpsDeck {

class DatabaseWorker;

struct DatabaseConnectOptions {
    QString name; // the workspace's name for it, in every message: "orders"
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 5432;
    QString database;
    QString user;
    // From the keychain: handed to libpq only, never logged, shown or put in an error.
    QString password;
    QString sslMode = QStringLiteral("prefer");
    QString route;                  // "through bastion" when tunnelled, for messages
    int statementTimeoutMs = 10000; // every statement of the session, diagnostic or action
    int connectTimeoutMs = 10000;
    QString applicationName = QStringLiteral("opsdeck-dba");
};

enum class DatabaseConnectionState {
    Idle,       // nothing asked yet
    Connecting, // opening, or reopening after a loss
    Open,
    Lost,   // was open, the server went away; the next request reconnects
    Failed, // could not open: wrong password, refused, no such database
};

// One statement: SQL with named placeholders and their values, bound, never spliced. An
// action runs outside the read-only transaction of the views (VACUUM refuses any transaction);
// a diagnostic read (readOnly) runs inside one, as the views do, and always under the
// statement timeout.
struct DatabaseStatement {
    QString sql;
    QVariantMap bound;               // ":pid" -> 123
    bool noStatementTimeout = false; // VACUUM of a big table may rightly take longer
    bool readOnly = false;           // a read: a write in it fails, the timeout stays

    static DatabaseStatement read(const QString &sql, const QVariantMap &bound = {})
    {
        return {sql, bound, false, true};
    }
};

struct DatabaseStatementResult {
    QString error; // empty when it ran
    QList<QVariantList> rows;
    bool succeeded() const { return error.isEmpty(); }
};

// A PostgreSQL connection living in a thread of its own: QSqlDatabase must not change threads
// and libpq blocks. Requests queue to that thread one after another; their answers come back
// queued to the asker's context, never after it is gone. A lost connection is reopened by the
// next request. The GUI thread never waits on it, not even when it is destroyed.
class DatabaseConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseConnection)

public:
    explicit DatabaseConnection(const DatabaseConnectOptions &options, QObject *parent = nullptr);
    ~DatabaseConnection() override;

    const DatabaseConnectOptions &options() const { return m_options; }
    DatabaseConnectionState state() const { return m_state; }
    QString error() const { return m_error; }      // why Failed or Lost
    ServerInfo server() const { return m_server; } // valid once Open
    // The server refused the credentials (wrong password, no such role, pg_hba.conf): no
    // request logs in again with them until retryLogin(), so an LDAP or PAM account is not
    // locked by refreshes. A lost connection or a restarting server is still reopened.
    bool credentialsRefused() const { return m_credentialsRefused; }
    // The operator asked (Refresh now, the database chosen again): the next request logs in
    // once more with the same credentials.
    void retryLogin();

    // Reads one view in a read-only transaction (opening the connection first if needed).
    using SnapshotDone = std::function<void(const DatabaseSnapshot &)>;
    void refresh(DatabaseView view, QObject *context, SnapshotDone done);
    // Runs one statement with bound values: an action, or a read (statement.readOnly).
    using StatementDone = std::function<void(const DatabaseStatementResult &)>;
    void execute(const DatabaseStatement &statement, QObject *context, StatementDone done);

    // The message libpq gave, turned into the cause an operator can act on, naming the database.
    static QString describeFailure(const QString &libpqMessage,
                                   const DatabaseConnectOptions &options);
    // Whether libpq's message is the server refusing the login itself (SQLSTATE 28P01
    // invalid_password or 28000 invalid_authorization_specification), which the same
    // credentials would meet again.
    static bool isCredentialFailure(const QString &libpqMessage);

Q_SIGNALS:
    void stateChanged(OpsDeck::DatabaseConnectionState state, const QString &error);
    void serverChanged(const OpsDeck::ServerInfo &server);

private:
    void setState(DatabaseConnectionState state, const QString &error, const ServerInfo &server);

    struct Pending; // answers waited for, by request id
    DatabaseConnectOptions m_options;
    std::unique_ptr<Pending> m_pending;
    std::shared_ptr<std::atomic_bool> m_stopping = std::make_shared<std::atomic_bool>(false);
    QThread *m_thread = nullptr;
    DatabaseWorker *m_worker = nullptr; // lives in m_thread
    DatabaseConnectionState m_state = DatabaseConnectionState::Idle;
    QString m_error;
    ServerInfo m_server;
    bool m_credentialsRefused = false;
};

} // namespace OpsDeck
