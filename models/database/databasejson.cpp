// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/databasejson.h"

#include "models/database/databasequeries.h"

#include <QJsonArray>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// -1 means "not known" throughout the rows.
QJsonValue knownOrNull(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(double(value));
}

QJsonValue percentOrNull(double value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QJsonValue timeOrNull(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonArray pidArray(const QList<int> &pids)
{
    QJsonArray array;
    for (int pid : pids)
        array.append(pid);
    return array;
}

QString verdictId(int verdict)
{
    switch (DatabaseVerdict(verdict)) {
    case DatabaseVerdict::Fine:
        return u"fine"_s;
    case DatabaseVerdict::Warning:
        return u"warning"_s;
    case DatabaseVerdict::Critical:
        return u"critical"_s;
    }
    return u"fine"_s;
}

QJsonObject lockNodeJson(const LockTree &tree, int index)
{
    const LockTreeNode &node = tree.nodes.at(index);
    const ActivityRow &session = tree.sessions.at(node.session);
    const bool waiting = !session.blockedBy.isEmpty();
    QJsonObject object{
        {u"pid"_s, session.pid},
        {u"user"_s, session.user},
        {u"database"_s, session.database},
        {u"application"_s, session.application},
        {u"state"_s, session.state},
        {u"query"_s, session.query},
        {u"mode"_s, session.waitingMode},
        {u"lock_type"_s, session.waitingLockType},
        {u"relation"_s, session.waitingRelation},
        {u"waiting"_s, waiting},
        // A waiter has waited since its state last changed (as the page's column says).
        {u"waiting_ms"_s, waiting ? knownOrNull(session.stateAgeMs) : QJsonValue()},
        {u"transaction_ms"_s, knownOrNull(session.transactionAgeMs)},
        {u"blocked_by"_s, pidArray(session.blockedBy)},
        {u"cycle"_s, node.inCycle || node.closesCycle},
        // What its waiters want that it holds (the root's side of the wait).
        {u"holds"_s, session.heldMode.isEmpty()
                         ? QJsonValue()
                         : QJsonObject{{u"mode"_s, session.heldMode},
                                       {u"lock_type"_s, session.heldLockType},
                                       {u"relation"_s, session.heldRelation}}},
    };
    // The same keys at any depth: a node not followed here (it closes a ring, or is spelled
    // out above) says so and blocks nobody in this place.
    QJsonArray blocks;
    if (node.closesCycle) {
        object.insert(u"closes_cycle"_s, true);
    } else if (node.shownUnder >= 0) {
        object.insert(u"shown_above"_s, true);
    } else {
        object.insert(u"blocked_total"_s, node.blockedTotal);
        for (int child : node.children)
            blocks.append(lockNodeJson(tree, child));
    }
    object.insert(u"blocks"_s, blocks);
    return object;
}

} // namespace

QJsonObject databaseServerJson(const ServerInfo &server)
{
    return QJsonObject{
        {u"version"_s, server.version},
        {u"version_num"_s, server.versionNumber},
        {u"started_at"_s, timeOrNull(server.startedAt)},
        {u"pid"_s, server.ownPid},
        {u"database"_s, server.database},
        {u"user"_s, server.user},
        {u"superuser"_s, server.superuser},
        {u"read_all_stats"_s, server.readAllStats},
        {u"signal_backend"_s, server.signalBackend},
        {u"in_recovery"_s, server.inRecovery},
        {u"max_connections"_s, server.maxConnections},
        {u"reserved_connections"_s, server.reservedConnections},
        {u"pg_stat_statements"_s,
         server.hasStatements() ? QJsonValue(server.statementsVersion) : QJsonValue()},
    };
}

QJsonArray grantHintsJson(const ServerInfo &server)
{
    QJsonArray hints;
    for (const GrantHint &hint : grantHints(server))
        hints.append(QJsonObject{{u"grant"_s, hint.grant},
                                 {u"unlocks"_s, hint.what},
                                 {u"hint"_s, grantHintText(hint, server.user)}});
    return hints;
}

QJsonObject activityRowJson(const ActivityRow &row)
{
    return QJsonObject{
        {u"pid"_s, row.pid},
        {u"user"_s, row.user},
        {u"database"_s, row.database},
        {u"client"_s, row.client},
        {u"application"_s, row.application},
        {u"backend_type"_s, row.backendType},
        {u"state"_s, row.state},
        {u"wait_event_type"_s, row.waitEventType},
        {u"wait_event"_s, row.waitEvent},
        {u"query_age_ms"_s, knownOrNull(row.queryAgeMs)},
        {u"transaction_age_ms"_s, knownOrNull(row.transactionAgeMs)},
        {u"backend_age_ms"_s, knownOrNull(row.backendAgeMs)},
        {u"state_age_ms"_s, knownOrNull(row.stateAgeMs)},
        {u"query"_s, row.query},
        {u"blocked_by"_s, pidArray(row.blockedBy)},
        {u"waiting_mode"_s, row.waitingMode},
        {u"waiting_lock_type"_s, row.waitingLockType},
        {u"waiting_relation"_s, row.waitingRelation},
        {u"own"_s, row.own},
    };
}

QJsonObject activityJson(const DatabaseSnapshot &snapshot)
{
    QJsonArray rows;
    for (const ActivityRow &row : snapshot.activity)
        rows.append(activityRowJson(row));
    return QJsonObject{{u"server"_s, databaseServerJson(snapshot.server)},
                       {u"taken_at"_s, timeOrNull(snapshot.takenAt)},
                       {u"rows"_s, rows}};
}

QJsonObject lockTreeJson(const LockTree &tree)
{
    QJsonArray roots;
    for (int root : tree.roots)
        roots.append(lockNodeJson(tree, root));
    return QJsonObject{{u"roots"_s, roots}};
}

QJsonObject statementsJson(const DatabaseSnapshot &snapshot)
{
    if (!snapshot.statementsUnavailable.isEmpty())
        return QJsonObject{{u"unavailable"_s, snapshot.statementsUnavailable}};
    QJsonArray rows;
    for (const StatementRow &row : snapshot.statements) {
        rows.append(QJsonObject{
            {u"query_id"_s, row.queryId},
            {u"query"_s, row.query},
            {u"user"_s, row.user},
            {u"database"_s, row.database},
            {u"calls"_s, double(row.calls)},
            {u"total_ms"_s, row.totalMs},
            {u"mean_ms"_s, row.meanMs},
            {u"max_ms"_s, row.maxMs},
            {u"rows"_s, double(row.rows)},
            {u"shared_hit"_s, double(row.sharedHit)},
            {u"shared_read"_s, double(row.sharedRead)},
            {u"hit_percent"_s, percentOrNull(row.hitPercent())},
            {u"temp_blocks"_s, double(row.tempBlocks)},
        });
    }
    return QJsonObject{{u"rows"_s, rows}};
}

QJsonObject tablesJson(const DatabaseSnapshot &snapshot)
{
    QJsonArray tables;
    for (const TableRow &row : snapshot.tables) {
        tables.append(QJsonObject{
            {u"schema"_s, row.schema},
            {u"name"_s, row.name},
            {u"total_bytes"_s, double(row.totalBytes)},
            {u"table_bytes"_s, double(row.tableBytes)},
            {u"index_bytes"_s, double(row.indexBytes)},
            {u"toast_bytes"_s, double(row.toastBytes)},
            {u"live_tuples"_s, double(row.liveTuples)},
            {u"dead_tuples"_s, double(row.deadTuples)},
            {u"dead_percent"_s, row.deadPercent()},
            {u"bloat_bytes"_s, knownOrNull(row.bloatBytes)},
            {u"bloat_percent"_s, percentOrNull(row.bloatPercent)},
            {u"seq_scans"_s, double(row.sequentialScans)},
            {u"index_scans"_s, double(row.indexScans)},
            {u"last_vacuum"_s, timeOrNull(row.lastVacuum)},
            {u"last_vacuum_auto"_s, row.lastVacuumWasAuto},
            {u"last_analyze"_s, timeOrNull(row.lastAnalyze)},
            {u"last_analyze_auto"_s, row.lastAnalyzeWasAuto},
        });
    }
    QJsonArray indexes;
    for (const IndexRow &row : snapshot.indexes) {
        indexes.append(QJsonObject{
            {u"schema"_s, row.schema},
            {u"table"_s, row.table},
            {u"name"_s, row.name},
            {u"bytes"_s, double(row.bytes)},
            {u"scans"_s, double(row.scans)},
            {u"unique"_s, row.unique},
            {u"unused"_s, row.unused()},
            {u"duplicates"_s, QJsonArray::fromStringList(row.duplicates)},
            {u"definition"_s, row.definition},
        });
    }
    return QJsonObject{{u"tables"_s, tables}, {u"indexes"_s, indexes}};
}

QJsonObject replicationJson(const DatabaseSnapshot &snapshot)
{
    QJsonArray replicas;
    for (const ReplicaRow &row : snapshot.replicas) {
        replicas.append(QJsonObject{
            {u"name"_s, row.name},
            {u"client"_s, row.client},
            {u"state"_s, row.state},
            {u"sync_state"_s, row.syncState},
            {u"lag_bytes"_s, knownOrNull(row.lagBytes)},
            {u"write_lag_ms"_s, knownOrNull(row.writeLagMs)},
            {u"flush_lag_ms"_s, knownOrNull(row.flushLagMs)},
            {u"replay_lag_ms"_s, knownOrNull(row.replayLagMs)},
            {u"sent_lsn"_s, row.sentLsn},
            {u"replay_lsn"_s, row.replayLsn},
        });
    }
    QJsonArray slots;
    for (const SlotRow &row : snapshot.slots) {
        slots.append(QJsonObject{
            {u"name"_s, row.name},
            {u"type"_s, row.type},
            {u"database"_s, row.database},
            {u"active"_s, row.active},
            {u"active_pid"_s, row.activePid > 0 ? QJsonValue(row.activePid) : QJsonValue()},
            {u"retained_bytes"_s, knownOrNull(row.retainedBytes)},
            {u"wal_status"_s, row.walStatus},
            // An inactive slot keeps WAL for a consumer that is not there: disk fills up.
            {u"warning"_s, !row.active},
        });
    }
    QJsonValue archiver;
    if (snapshot.archiver) {
        const ArchiverStatus &status = *snapshot.archiver;
        archiver = QJsonObject{
            {u"mode"_s, status.mode},
            {u"archived_count"_s, double(status.archivedCount)},
            {u"last_archived_wal"_s, status.lastArchivedWal},
            {u"last_archived_at"_s, timeOrNull(status.lastArchivedAt)},
            {u"failed_count"_s, double(status.failedCount)},
            {u"last_failed_wal"_s, status.lastFailedWal},
            {u"last_failed_at"_s, timeOrNull(status.lastFailedAt)},
        };
    }
    return QJsonObject{{u"replicas"_s, replicas},
                       {u"slots"_s, slots},
                       {u"archiver"_s, archiver},
                       {u"standby_replay_delay_ms"_s, knownOrNull(snapshot.standbyReplayDelayMs)}};
}

QJsonObject overviewJson(const DatabaseSnapshot &snapshot, const DatabaseThresholds &thresholds)
{
    const OverviewFigures figures = overviewFigures(snapshot, thresholds);
    QJsonObject connections;
    for (const ConnectionCount &count : snapshot.connections) {
        const QString state = count.state.isEmpty() ? u"unknown"_s : count.state;
        connections.insert(state, connections.value(state).toInt() + count.count);
    }
    QJsonArray databases;
    for (const DatabaseStatsRow &row : snapshot.databases) {
        databases.append(QJsonObject{
            {u"name"_s, row.name},
            {u"bytes"_s, knownOrNull(row.bytes)},
            {u"commits"_s, double(row.commits)},
            {u"rollbacks"_s, double(row.rollbacks)},
            {u"blocks_hit"_s, double(row.blocksHit)},
            {u"blocks_read"_s, double(row.blocksRead)},
            {u"deadlocks"_s, double(row.deadlocks)},
            {u"temp_files"_s, double(row.tempFiles)},
            {u"temp_bytes"_s, double(row.tempBytes)},
        });
    }
    QJsonArray io;
    for (const IoRow &row : snapshot.io) {
        io.append(QJsonObject{
            {u"backend_type"_s, row.backendType},
            {u"reads"_s, double(row.reads)},
            {u"hits"_s, double(row.hits)},
            {u"writes"_s, double(row.writes)},
            {u"extends"_s, double(row.extends)},
            {u"evictions"_s, double(row.evictions)},
            {u"fsyncs"_s, double(row.fsyncs)},
        });
    }
    const QDateTime started = snapshot.server.startedAt;
    const qint64 uptimeMs =
        started.isValid() && snapshot.takenAt.isValid() ? started.msecsTo(snapshot.takenAt) : -1;
    return QJsonObject{
        {u"server"_s, databaseServerJson(snapshot.server)},
        {u"taken_at"_s, timeOrNull(snapshot.takenAt)},
        {u"uptime_ms"_s, knownOrNull(uptimeMs)},
        {u"connections"_s, connections},
        {u"client_connections"_s, figures.clientConnections},
        {u"max_connections"_s, snapshot.server.maxConnections},
        {u"usable"_s, figures.usableConnections},
        {u"percent"_s, figures.connectionsPercent},
        {u"verdict"_s, verdictId(figures.connectionsVerdict)},
        // pg_stat_io by backend type; null where the server has no such view (before 16).
        {u"io"_s, snapshot.server.hasStatIo() ? QJsonValue(io) : QJsonValue()},
        {u"cache_hit_percent"_s, percentOrNull(figures.cacheHitPercent)},
        {u"rollbacks"_s, double(figures.rollbacks)},
        {u"deadlocks"_s, double(figures.deadlocks)},
        {u"temp_files"_s, double(figures.tempFiles)},
        {u"temp_bytes"_s, double(figures.tempBytes)},
        {u"databases"_s, databases},
    };
}

} // namespace OpsDeck
