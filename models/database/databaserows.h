// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// What the DBA views read from a PostgreSQL server: plain values, filled by
// DatabaseConnection's worker thread and shown by the item models of this domain.
namespace OpsDeck {

// The views a connection can refresh; each is one read-only transaction.
enum class DatabaseView { Overview, Activity, Statements, Tables, Replication };

// Who we are connected as and what the server offers: read once per connection, it picks the
// SQL of every view (column names differ between versions) and says which views are degraded.
struct ServerInfo {
    QString version;       // "15.10 (Debian 15.10-0+deb12u1)"
    int versionNumber = 0; // server_version_num: 150010
    QDateTime startedAt;   // pg_postmaster_start_time(), UTC
    int ownPid = 0;        // this connection's backend: never a target of an action
    QString database;
    QString user;
    bool superuser = false;
    bool readAllStats = false;  // member of pg_read_all_stats (pg_monitor includes it)
    bool signalBackend = false; // member of pg_signal_backend
    bool inRecovery = false;    // a standby
    int maxConnections = 0;
    int reservedConnections = 0; // superuser_reserved_connections (+ reserved_connections, 16+)
    // pg_stat_statements created in this database: its version and schema (quoted for SQL).
    QString statementsVersion;
    QString statementsSchema;
    bool statementsResetAllowed = false; // EXECUTE on its pg_stat_statements_reset
    bool hasStatements() const { return !statementsVersion.isEmpty(); }
    bool hasStatIo() const { return versionNumber >= 160000; }
};

// One backend of pg_stat_activity. Ages are measured by the server's clock, in ms; -1 when the
// timestamp is null (an idle session has no transaction).
struct ActivityRow {
    int pid = 0;
    QString user;
    QString database;
    QString client; // address, "local" for a Unix socket
    QString application;
    QString backendType; // "client backend", "autovacuum worker", ...
    QString state;       // active, idle, idle in transaction, ...
    QString waitEventType;
    QString waitEvent;
    qint64 queryAgeMs = -1;
    qint64 transactionAgeMs = -1;
    qint64 backendAgeMs = -1;
    qint64 stateAgeMs = -1;
    QString query;
    QList<int> blockedBy; // pg_blocking_pids: the sessions this one waits for
    // The lock it waits for, when it waits for one: mode, lock type and the relation if any.
    QString waitingMode;
    QString waitingLockType;
    QString waitingRelation;
    // For a session others wait for: the granted lock it holds on what they want (a relation
    // they lock too, a table first, else the very object one of them waits for).
    QString heldMode;
    QString heldLockType;
    QString heldRelation;
    bool own = false; // opened by OpsDeck (its application_name)
};

// pg_stat_statements, one statement.
struct StatementRow {
    QString queryId;
    QString query;
    QString user;
    QString database;
    qint64 calls = 0;
    double totalMs = 0;
    double meanMs = 0;
    double maxMs = 0;
    qint64 rows = 0;
    qint64 sharedHit = 0;
    qint64 sharedRead = 0;
    qint64 tempBlocks = 0; // read and written
    // Share of shared blocks found in the cache, 0..100, or -1 when none were touched.
    double hitPercent() const
    {
        const qint64 all = sharedHit + sharedRead;
        return all > 0 ? 100.0 * double(sharedHit) / double(all) : -1;
    }
};

struct TableRow {
    QString schema;
    QString name;
    qint64 tableBytes = 0; // the heap
    qint64 totalBytes = 0; // with indexes and TOAST
    qint64 indexBytes = 0;
    qint64 toastBytes = 0;
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    qint64 sequentialScans = 0;
    qint64 indexScans = 0;
    QDateTime lastVacuum; // the later of manual and auto, invalid when never
    QDateTime lastAnalyze;
    bool lastVacuumWasAuto = false;
    bool lastAnalyzeWasAuto = false;
    // Estimated bloat of the heap: space beyond what its rows need, by the statistics of the
    // last ANALYZE (see tablesSql). -1 when unknown: no statistics, or no storage of its own.
    qint64 bloatBytes = -1;
    double bloatPercent = -1; // of the heap's pages, 0..100
    // Dead tuples as a share of all tuples, 0..100: the bloat the statistics can see.
    double deadPercent() const
    {
        const qint64 all = liveTuples + deadTuples;
        return all > 0 ? 100.0 * double(deadTuples) / double(all) : 0;
    }
    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
};

struct IndexRow {
    QString schema;
    QString table;
    QString name;
    qint64 bytes = 0;
    qint64 scans = 0;
    bool unique = false; // or primary: used by constraints even when never scanned
    QString definition;
    QStringList duplicates; // other indexes with the same columns, expressions and predicate
    bool unused() const { return scans == 0 && !unique; }
};

// A standby streaming from this server (pg_stat_replication).
struct ReplicaRow {
    QString name; // application_name
    QString client;
    QString state; // streaming, catchup, ...
    QString syncState;
    qint64 lagBytes = -1; // replay position behind ours, -1 unknown
    qint64 writeLagMs = -1;
    qint64 flushLagMs = -1;
    qint64 replayLagMs = -1;
    QString sentLsn;
    QString replayLsn;
};

struct SlotRow {
    QString name;
    QString type; // physical, logical
    QString database;
    bool active = false;
    int activePid = 0;
    qint64 retainedBytes = -1; // WAL kept for it, -1 unknown
    QString walStatus;         // reserved, extended, unreserved, lost (13+), empty before
};

struct ArchiverStatus {
    QString mode; // archive_mode: off, on, always
    qint64 archivedCount = 0;
    QString lastArchivedWal;
    QDateTime lastArchivedAt;
    qint64 failedCount = 0;
    QString lastFailedWal;
    QDateTime lastFailedAt;
};

// Per database of the server (pg_stat_database), cumulative counters.
struct DatabaseStatsRow {
    QString name;
    qint64 commits = 0;
    qint64 rollbacks = 0;
    qint64 blocksHit = 0;
    qint64 blocksRead = 0;
    qint64 deadlocks = 0;
    qint64 tempFiles = 0;
    qint64 tempBytes = 0;
    qint64 bytes = -1; // pg_database_size, -1 when we may not connect to it
};

// I/O of one kind of backend since the statistics were reset (pg_stat_io, PostgreSQL 16+),
// summed over objects and contexts, in operations (blocks).
struct IoRow {
    QString backendType; // client backend, checkpointer, autovacuum worker, ...
    qint64 reads = 0;
    qint64 writes = 0;
    qint64 extends = 0;
    qint64 hits = 0;
    qint64 evictions = 0;
    qint64 fsyncs = 0;
};

struct ConnectionCount {
    QString state; // of client backends: active, idle, idle in transaction, ...
    int count = 0;
};

// What one refresh of one view read. error is empty when it succeeded; the view's rows are
// filled, the others stay empty.
struct DatabaseSnapshot {
    DatabaseView view = DatabaseView::Overview;
    QDateTime takenAt; // the server's clock_timestamp(), UTC
    QString error;
    ServerInfo server;
    // Overview
    QList<ConnectionCount> connections;
    QList<DatabaseStatsRow> databases;
    QList<IoRow> io; // empty before PostgreSQL 16
    // Activity (also the lock tree's input)
    QList<ActivityRow> activity;
    // Statements
    QList<StatementRow> statements;
    QString statementsUnavailable; // why pg_stat_statements cannot be read, how to enable it
    // Tables
    QList<TableRow> tables;
    QList<IndexRow> indexes;
    // Replication
    QList<ReplicaRow> replicas;
    QList<SlotRow> slots;
    std::optional<ArchiverStatus> archiver;
    qint64 standbyReplayDelayMs = -1; // on a standby: since the last replayed transaction
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::DatabaseSnapshot)
Q_DECLARE_METATYPE(OpsDeck::DatabaseView)
