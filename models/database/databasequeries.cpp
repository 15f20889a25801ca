// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/databasequeries.h"

#include "models/core/secretvalues.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseViews)
};

// Timestamps and intervals cross as whole milliseconds: no time zone or interval style of the
// session can change how they read.
QString epochMs(const QString &column)
{
    return u"(extract(epoch from %1) * 1000)::bigint"_s.arg(column);
}
QString ageMs(const QString &column)
{
    return u"(extract(epoch from clock_timestamp() - %1) * 1000)::bigint"_s.arg(column);
}

qint64 toMs(const QVariant &value)
{
    return value.isNull() ? -1 : value.toLongLong();
}

QDateTime toTime(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

bool statementsUseExecTime(const ServerInfo &server)
{
    // 1.8 (PostgreSQL 13) split planning from execution and renamed the columns.
    const QStringList parts = server.statementsVersion.split(u'.');
    if (parts.size() >= 2)
        return parts[0].toInt() > 1 || (parts[0].toInt() == 1 && parts[1].toInt() >= 8);
    return server.versionNumber >= 130000;
}

bool run(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    *error = query.lastError().databaseText().isEmpty() ? query.lastError().text()
                                                        : query.lastError().databaseText();
    return false;
}

} // namespace

QString versionText(int versionNumber)
{
    if (versionNumber >= 100000)
        return u"%1.%2"_s.arg(versionNumber / 10000).arg(versionNumber % 10000);
    return u"%1.%2.%3"_s.arg(versionNumber / 10000)
        .arg(versionNumber / 100 % 100)
        .arg(versionNumber % 100);
}

QString maskQuerySecrets(const QString &query)
{
    // A quoted literal with '' as an escaped quote, or E'…' with backslash escapes.
    static const QRegularExpression passwordLiteral(
        u"(\\bPASSWORD\\s+)(?:[Ee]'(?:[^'\\\\]|\\\\.|'')*'|'(?:[^']|'')*')"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString masked = query;
    masked.replace(passwordLiteral, u"\\1'"_s + SecretMask.toString() + u"'"_s);
    return maskSecrets(masked, secretsInText(masked));
}

QList<int> parseIntArray(QStringView text)
{
    QList<int> values;
    QStringView inner = text.trimmed();
    if (inner.startsWith(u'{') && inner.endsWith(u'}'))
        inner = inner.sliced(1, inner.size() - 2);
    for (QStringView part : inner.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = part.trimmed().toInt(&ok);
        if (ok)
            values.append(value);
    }
    return values;
}

QString serverInfoSql()
{
    return u"SELECT current_setting('server_version'), current_setting('server_version_num')::int, "_s +
           epochMs(u"pg_postmaster_start_time()"_s) +
           u", pg_backend_pid(), current_database(), current_user,"
           " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
           " pg_has_role(current_user, 'pg_read_all_stats', 'USAGE'),"
           " pg_has_role(current_user, 'pg_signal_backend', 'USAGE'),"
           " pg_is_in_recovery(),"
           " current_setting('max_connections')::int,"
           " current_setting('superuser_reserved_connections')::int"
           "   + coalesce(current_setting('reserved_connections', true)::int, 0),"
           " (SELECT e.extversion FROM pg_extension e WHERE e.extname = 'pg_stat_statements'),"
           " (SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n"
           "   ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'),"
           " (SELECT bool_or(has_function_privilege(p.oid, 'EXECUTE')) FROM pg_extension e"
           "   JOIN pg_proc p ON p.pronamespace = e.extnamespace"
           "   WHERE e.extname = 'pg_stat_statements' AND p.proname = 'pg_stat_statements_reset')"_s;
}

QString activitySql(const ServerInfo &)
{
    // pg_blocking_pids only for sessions that wait on a lock: it takes the lock manager's
    // partition locks, and 500 calls for 500 idle sessions would be the view's whole cost.
    return u"WITH waits AS (SELECT DISTINCT ON (pid) pid, mode, locktype,"
           "   CASE WHEN relation IS NOT NULL THEN relation::regclass::text"
           "        WHEN locktype = 'transactionid' THEN 'transaction ' || transactionid::text"
           "        ELSE '' END AS target"
           "   FROM pg_locks WHERE NOT granted ORDER BY pid, locktype)"
           " SELECT a.pid, coalesce(a.usename, ''), coalesce(a.datname, ''),"
           "  CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr)"
           "       WHEN a.client_port = -1 THEN 'local' ELSE '' END,"
           "  coalesce(a.application_name, ''), coalesce(a.backend_type, ''), coalesce(a.state, "
           "''),"
           "  coalesce(a.wait_event_type, ''), coalesce(a.wait_event, ''), "_s +
           ageMs(u"a.query_start"_s) + u", "_s + ageMs(u"a.xact_start"_s) + u", "_s +
           ageMs(u"a.backend_start"_s) + u", "_s + ageMs(u"a.state_change"_s) +
           u", coalesce(a.query, ''),"
           "  CASE WHEN a.wait_event_type = 'Lock' THEN array_to_string(pg_blocking_pids(a.pid), "
           "',')"
           "       ELSE '' END,"
           "  coalesce(w.mode, ''), coalesce(w.locktype, ''), coalesce(w.target, ''),"
           "  a.pid = pg_backend_pid() OR coalesce(a.application_name, '') LIKE 'opsdeck%'"
           " FROM pg_stat_activity a LEFT JOIN waits w ON w.pid = a.pid"
           // Without pg_read_all_stats, other users' sessions have no backend_type: those
           // connected to a database are client sessions all the same (their query reads
           // "<insufficient privilege>"); without a database they are the server's own processes.
           " WHERE (a.backend_type IN ('client backend', 'autovacuum worker', 'parallel worker',"
           "   'walsender') OR (a.backend_type IS NULL AND a.datid IS NOT NULL))"
           " ORDER BY a.pid"_s;
}

QString heldLocksSql()
{
    // pg_locks has only the waiter's side of a wait: what a blocker holds is found by what its
    // waiters lock or wait for. The relation of the lock a waiter waits for comes first, then a
    // table both lock, then an index, then the object itself (a transaction id, an advisory
    // lock); among equals the strongest mode.
    return u"WITH waiters AS (SELECT pid, unnest(pg_blocking_pids(pid)) AS blocker"
           "   FROM pg_stat_activity WHERE wait_event_type = 'Lock'),"
           " wanted AS (SELECT w.blocker, l.* FROM waiters w JOIN pg_locks l ON l.pid = w.pid)"
           " SELECT DISTINCT ON (h.pid) h.pid, h.mode, h.locktype,"
           "   CASE WHEN h.relation IS NOT NULL THEN h.relation::regclass::text"
           "        WHEN h.locktype = 'transactionid' THEN 'transaction ' || h.transactionid::text"
           "        ELSE '' END"
           " FROM pg_locks h JOIN wanted x ON x.blocker = h.pid"
           " LEFT JOIN pg_class c ON c.oid = h.relation"
           " WHERE h.granted AND ((h.locktype = 'relation' AND x.relation = h.relation"
           "     AND x.database = h.database)"
           "   OR (NOT x.granted AND x.locktype = h.locktype"
           "     AND x.database IS NOT DISTINCT FROM h.database"
           "     AND x.relation IS NOT DISTINCT FROM h.relation AND x.page IS NOT DISTINCT FROM "
           "h.page"
           "     AND x.tuple IS NOT DISTINCT FROM h.tuple"
           "     AND x.virtualxid IS NOT DISTINCT FROM h.virtualxid"
           "     AND x.transactionid IS NOT DISTINCT FROM h.transactionid"
           "     AND x.classid IS NOT DISTINCT FROM h.classid AND x.objid IS NOT DISTINCT FROM "
           "h.objid"
           "     AND x.objsubid IS NOT DISTINCT FROM h.objsubid))"
           " ORDER BY h.pid,"
           "   CASE WHEN NOT x.granted AND x.relation = h.relation THEN 0"
           "        WHEN c.relkind IN ('r', 'p', 'm') THEN 1 WHEN h.locktype = 'relation' THEN 2"
           "        ELSE 3 END,"
           "   array_position(ARRAY['AccessShareLock', 'RowShareLock', 'RowExclusiveLock',"
           "     'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock',"
           "     'AccessExclusiveLock'], h.mode::text) DESC NULLS LAST, 4"_s;
}

QString statementsSql(const ServerInfo &server, int limit)
{
    if (!server.hasStatements())
        return {};
    const QString prefix = statementsUseExecTime(server) ? u"exec_"_s : QString();
    return u"SELECT s.queryid::text, coalesce(s.query, ''), coalesce(r.rolname, ''),"
           " coalesce(d.datname, ''), s.calls, s.total_%1time, s.mean_%1time, s.max_%1time, s.rows,"
           " s.shared_blks_hit, s.shared_blks_read, s.temp_blks_read + s.temp_blks_written"
           " FROM %2.pg_stat_statements s"
           " LEFT JOIN pg_roles r ON r.oid = s.userid LEFT JOIN pg_database d ON d.oid = s.dbid"
           " ORDER BY s.total_%1time DESC LIMIT %3"_s.arg(prefix, server.statementsSchema)
               .arg(limit);
}

QString tablesSql(int limit)
{
    // Bloat as the usual estimate goes: the pages the rows would need, from reltuples and the
    // average widths ANALYZE kept in pg_stats (a 23-byte header and null bitmap rounded to 8, the
    // data rounded to 8, a 4-byte line pointer; pages of block_size less their 24-byte header,
    // filled to the table's fillfactor), against relpages. Both counts date from the last
    // VACUUM or ANALYZE. A table without statistics for every column (never analyzed, or columns
    // this role may not SELECT, which pg_stats hides) is unknown (NULL), never 0.
    return u"WITH widths AS (SELECT schemaname, tablename, count(*) AS columns,"
           "   sum(avg_width * (1 - null_frac)) AS data_width, bool_or(null_frac > 0) AS has_nulls"
           "   FROM pg_stats WHERE NOT inherited GROUP BY schemaname, tablename),"
           " bloat AS (SELECT c.oid, c.relpages, greatest(c.relpages - ceil(c.reltuples"
           "   / greatest(1, floor((current_setting('block_size')::int - 24)"
           "     * coalesce((SELECT split_part(o, '=', 2)::int FROM unnest(c.reloptions) o"
           "                 WHERE o LIKE 'fillfactor=%'), 100) / 100.0"
           "     / (8 * ceil((23 + CASE WHEN w.has_nulls THEN ceil(w.columns / 8.0) ELSE 0 END) / "
           "8.0)"
           "        + 8 * ceil(w.data_width / 8.0) + 4)))), 0)::bigint AS pages"
           "   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
           "   JOIN widths w ON w.schemaname = n.nspname AND w.tablename = c.relname"
           "   WHERE c.relkind IN ('r', 'm') AND c.reltuples >= 0"
           "     AND w.columns = (SELECT count(*) FROM pg_attribute a"
           "       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))"
           " SELECT n.nspname, c.relname, pg_relation_size(c.oid), pg_total_relation_size(c.oid),"
           " pg_indexes_size(c.oid),"
           " CASE WHEN c.reltoastrelid = 0 THEN 0 ELSE pg_total_relation_size(c.reltoastrelid) END,"
           " coalesce(s.n_live_tup, 0), coalesce(s.n_dead_tup, 0), coalesce(s.seq_scan, 0),"
           " coalesce(s.idx_scan, 0), "_s +
           epochMs(u"s.last_vacuum"_s) + u", "_s + epochMs(u"s.last_autovacuum"_s) + u", "_s +
           epochMs(u"s.last_analyze"_s) + u", "_s + epochMs(u"s.last_autoanalyze"_s) +
           u", b.pages * current_setting('block_size')::bigint,"
           " CASE WHEN b.oid IS NULL THEN NULL WHEN b.relpages > 0"
           "   THEN 100.0 * b.pages / b.relpages ELSE 0 END::float8"
           " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
           " LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid LEFT JOIN bloat b ON b.oid = c.oid"
           " WHERE c.relkind IN ('r', 'm', 'p')"
           "   AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
           "   AND n.nspname NOT LIKE 'pg\\_toast%%'"
           " ORDER BY pg_total_relation_size(c.oid) DESC, n.nspname, c.relname LIMIT %1"_s.arg(
               limit);
}

QString indexesSql(int limit)
{
    // Duplicates: same table, key columns, operator classes, expressions and predicate.
    return u"SELECT n.nspname, t.relname, i.relname, pg_relation_size(i.oid),"
           " coalesce(s.idx_scan, 0), x.indisunique OR x.indisprimary, pg_get_indexdef(i.oid),"
           " (SELECT string_agg(o.relname, ',' ORDER BY o.relname) FROM pg_index y"
           "   JOIN pg_class o ON o.oid = y.indexrelid"
           "   WHERE y.indrelid = x.indrelid AND y.indexrelid <> x.indexrelid"
           "     AND y.indkey::text = x.indkey::text AND y.indclass::text = x.indclass::text"
           "     AND coalesce(pg_get_expr(y.indexprs, y.indrelid), '')"
           "         = coalesce(pg_get_expr(x.indexprs, x.indrelid), '')"
           "     AND coalesce(pg_get_expr(y.indpred, y.indrelid), '')"
           "         = coalesce(pg_get_expr(x.indpred, x.indrelid), ''))"
           " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
           " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
           " LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = x.indexrelid"
           " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
           "   AND n.nspname NOT LIKE 'pg\\_toast%%'"
           " ORDER BY pg_relation_size(i.oid) DESC, n.nspname, i.relname LIMIT %1"_s.arg(limit);
}

QString replicasSql(const ServerInfo &server)
{
    // A standby has no current WAL position of its own to measure from.
    const QString lag = server.inRecovery
                            ? u"NULL::bigint"_s
                            : u"pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint"_s;
    return u"SELECT coalesce(application_name, ''),"
           " CASE WHEN client_addr IS NULL THEN 'local' ELSE host(client_addr) END,"
           " coalesce(state, ''), coalesce(sync_state, ''), "_s +
           lag + u", "_s + epochMs(u"write_lag"_s) + u", "_s + epochMs(u"flush_lag"_s) + u", "_s +
           epochMs(u"replay_lag"_s) +
           u", coalesce(sent_lsn::text, ''), coalesce(replay_lsn::text, '')"
           " FROM pg_stat_replication ORDER BY application_name, pid"_s;
}

QString slotsSql(const ServerInfo &server)
{
    const QString position =
        server.inRecovery ? u"pg_last_wal_replay_lsn()"_s : u"pg_current_wal_lsn()"_s;
    const QString walStatus =
        server.versionNumber >= 130000 ? u"coalesce(wal_status, '')"_s : u"''"_s;
    return u"SELECT slot_name, slot_type, coalesce(database, ''), active, coalesce(active_pid, 0),"
           " CASE WHEN restart_lsn IS NULL THEN NULL"
           "      ELSE pg_wal_lsn_diff(%1, restart_lsn)::bigint END, %2"
           " FROM pg_replication_slots ORDER BY slot_name"_s.arg(position, walStatus);
}

QString archiverSql()
{
    return u"SELECT current_setting('archive_mode'), archived_count, coalesce(last_archived_wal, ''), "_s +
           epochMs(u"last_archived_time"_s) + u", failed_count, coalesce(last_failed_wal, ''), "_s +
           epochMs(u"last_failed_time"_s) + u", CASE WHEN pg_is_in_recovery() THEN "_s +
           ageMs(u"pg_last_xact_replay_timestamp()"_s) + u" END FROM pg_stat_archiver"_s;
}

QString connectionCountsSql()
{
    return u"SELECT coalesce(state, 'unknown'), count(*)::int FROM pg_stat_activity"
           " WHERE backend_type = 'client backend' GROUP BY 1 ORDER BY 1"_s;
}

QString ioSql(const ServerInfo &server)
{
    if (!server.hasStatIo())
        return {};
    // Only the counts every version since 16 has (17 and 18 renamed the byte columns).
    return u"SELECT backend_type, coalesce(sum(reads), 0)::bigint, coalesce(sum(writes), "
           u"0)::bigint,"
           " coalesce(sum(extends), 0)::bigint, coalesce(sum(hits), 0)::bigint,"
           " coalesce(sum(evictions), 0)::bigint, coalesce(sum(fsyncs), 0)::bigint"
           " FROM pg_stat_io GROUP BY backend_type ORDER BY backend_type"_s;
}

QString databaseStatsSql()
{
    return u"SELECT datname, xact_commit, xact_rollback, blks_hit, blks_read, deadlocks,"
           " temp_files, temp_bytes,"
           " CASE WHEN has_database_privilege(datid, 'CONNECT') THEN pg_database_size(datid) END"
           " FROM pg_stat_database WHERE datname IS NOT NULL ORDER BY datname"_s;
}

QString statementsEnableHint(const ServerInfo &server)
{
    if (server.hasStatements())
        return {};
    return Text::tr("pg_stat_statements is not installed in database %1. To enable it: add "
                    "pg_stat_statements to shared_preload_libraries in postgresql.conf "
                    "(shared_preload_libraries = 'pg_stat_statements'), restart PostgreSQL, then "
                    "run CREATE EXTENSION pg_stat_statements; in %1 as a superuser.")
        .arg(server.database);
}

QList<GrantHint> grantHints(const ServerInfo &server)
{
    QList<GrantHint> hints;
    if (server.superuser)
        return hints;
    if (!server.readAllStats)
        hints.append({u"pg_read_all_stats"_s,
                      Text::tr("see other users' query texts, client addresses and wait events "
                               "in Activity and Locks, their statements in Slow queries, and the "
                               "replicas' positions in Replication (pg_monitor includes it)")});
    if (!server.signalBackend)
        hints.append(
            {u"pg_signal_backend"_s, Text::tr("cancel and terminate other users' sessions")});
    // PostgreSQL revokes it from PUBLIC: only superusers reset, unless granted.
    if (server.hasStatements() && !server.statementsResetAllowed)
        hints.append(
            {u"EXECUTE ON FUNCTION %1.pg_stat_statements_reset"_s.arg(server.statementsSchema),
             Text::tr("reset pg_stat_statements (Reset Statistics in Slow queries)")});
    return hints;
}

QString grantHintText(const GrantHint &hint, const QString &role)
{
    return Text::tr("Grant %1 to %2 to %3.").arg(hint.grant, role, hint.what);
}

bool readServerInfo(QSqlDatabase &db, ServerInfo &server, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!run(query, serverInfoSql(), error))
        return false;
    if (!query.next()) {
        *error = Text::tr("the server returned no row");
        return false;
    }
    server.version = query.value(0).toString();
    server.versionNumber = query.value(1).toInt();
    server.startedAt = toTime(query.value(2));
    server.ownPid = query.value(3).toInt();
    server.database = query.value(4).toString();
    server.user = query.value(5).toString();
    server.superuser = query.value(6).toBool();
    server.readAllStats = server.superuser || query.value(7).toBool();
    server.signalBackend = server.superuser || query.value(8).toBool();
    server.inRecovery = query.value(9).toBool();
    server.maxConnections = query.value(10).toInt();
    server.reservedConnections = query.value(11).toInt();
    server.statementsVersion = query.value(12).toString();
    server.statementsSchema = query.value(13).toString();
    server.statementsResetAllowed = server.superuser || query.value(14).toBool();
    return true;
}

namespace {

bool readActivity(QSqlQuery &query, const ServerInfo &server, DatabaseSnapshot &snapshot,
                  QString *error)
{
    if (!run(query, activitySql(server), error))
        return false;
    while (query.next()) {
        ActivityRow row;
        row.pid = query.value(0).toInt();
        row.user = query.value(1).toString();
        row.database = query.value(2).toString();
        row.client = query.value(3).toString();
        row.application = query.value(4).toString();
        row.backendType = query.value(5).toString();
        row.state = query.value(6).toString();
        row.waitEventType = query.value(7).toString();
        row.waitEvent = query.value(8).toString();
        row.queryAgeMs = toMs(query.value(9));
        row.transactionAgeMs = toMs(query.value(10));
        row.backendAgeMs = toMs(query.value(11));
        row.stateAgeMs = toMs(query.value(12));
        row.query = maskQuerySecrets(query.value(13).toString());
        row.blockedBy = parseIntArray(query.value(14).toString());
        row.waitingMode = query.value(15).toString();
        row.waitingLockType = query.value(16).toString();
        row.waitingRelation = query.value(17).toString();
        row.own = query.value(18).toBool();
        snapshot.activity.append(row);
    }
    if (!run(query, heldLocksSql(), error))
        return false;
    QHash<int, qsizetype> rowOfPid;
    for (qsizetype row = 0; row < snapshot.activity.size(); ++row)
        rowOfPid.insert(snapshot.activity.at(row).pid, row);
    while (query.next()) {
        const auto found = rowOfPid.constFind(query.value(0).toInt());
        if (found == rowOfPid.cend())
            continue;
        ActivityRow &row = snapshot.activity[*found];
        row.heldMode = query.value(1).toString();
        row.heldLockType = query.value(2).toString();
        row.heldRelation = query.value(3).toString();
    }
    return true;
}

bool readOverview(QSqlQuery &query, DatabaseSnapshot &snapshot, QString *error)
{
    if (!run(query, connectionCountsSql(), error))
        return false;
    while (query.next())
        snapshot.connections.append({query.value(0).toString(), query.value(1).toInt()});
    if (!run(query, databaseStatsSql(), error))
        return false;
    while (query.next()) {
        DatabaseStatsRow row;
        row.name = query.value(0).toString();
        row.commits = query.value(1).toLongLong();
        row.rollbacks = query.value(2).toLongLong();
        row.blocksHit = query.value(3).toLongLong();
        row.blocksRead = query.value(4).toLongLong();
        row.deadlocks = query.value(5).toLongLong();
        row.tempFiles = query.value(6).toLongLong();
        row.tempBytes = query.value(7).toLongLong();
        row.bytes = query.value(8).isNull() ? -1 : query.value(8).toLongLong();
        snapshot.databases.append(row);
    }
    const QString io = ioSql(snapshot.server);
    if (io.isEmpty())
        return true;
    if (!run(query, io, error))
        return false;
    while (query.next()) {
        snapshot.io.append({query.value(0).toString(), query.value(1).toLongLong(),
                            query.value(2).toLongLong(), query.value(3).toLongLong(),
                            query.value(4).toLongLong(), query.value(5).toLongLong(),
                            query.value(6).toLongLong()});
    }
    return true;
}

// The extension's own complaint when the library is not preloaded, in the operator's terms.
QString statementsFailure(const QString &message, const ServerInfo &server)
{
    if (message.contains(u"shared_preload_libraries"_s))
        return Text::tr("pg_stat_statements is installed in %1 but not loaded: add it to "
                        "shared_preload_libraries in postgresql.conf and restart PostgreSQL.")
            .arg(server.database);
    return message;
}

bool readStatements(QSqlQuery &query, DatabaseSnapshot &snapshot, QString *error)
{
    const QString sql = statementsSql(snapshot.server);
    if (sql.isEmpty()) {
        snapshot.statementsUnavailable = statementsEnableHint(snapshot.server);
        return true;
    }
    QString failure;
    if (!run(query, sql, &failure)) {
        if (!failure.contains(u"shared_preload_libraries"_s)) {
            *error = failure;
            return false;
        }
        snapshot.statementsUnavailable = statementsFailure(failure, snapshot.server);
        return true;
    }
    while (query.next()) {
        StatementRow row;
        row.queryId = query.value(0).toString();
        row.query = maskQuerySecrets(query.value(1).toString());
        row.user = query.value(2).toString();
        row.database = query.value(3).toString();
        row.calls = query.value(4).toLongLong();
        row.totalMs = query.value(5).toDouble();
        row.meanMs = query.value(6).toDouble();
        row.maxMs = query.value(7).toDouble();
        row.rows = query.value(8).toLongLong();
        row.sharedHit = query.value(9).toLongLong();
        row.sharedRead = query.value(10).toLongLong();
        row.tempBlocks = query.value(11).toLongLong();
        snapshot.statements.append(row);
    }
    return true;
}

QDateTime later(const QDateTime &manual, const QDateTime &automatic, bool *wasAuto)
{
    *wasAuto = automatic.isValid() && (!manual.isValid() || automatic > manual);
    return *wasAuto ? automatic : manual;
}

bool readTables(QSqlQuery &query, DatabaseSnapshot &snapshot, QString *error)
{
    if (!run(query, tablesSql(), error))
        return false;
    while (query.next()) {
        TableRow row;
        row.schema = query.value(0).toString();
        row.name = query.value(1).toString();
        row.tableBytes = query.value(2).toLongLong();
        row.totalBytes = query.value(3).toLongLong();
        row.indexBytes = query.value(4).toLongLong();
        row.toastBytes = query.value(5).toLongLong();
        row.liveTuples = query.value(6).toLongLong();
        row.deadTuples = query.value(7).toLongLong();
        row.sequentialScans = query.value(8).toLongLong();
        row.indexScans = query.value(9).toLongLong();
        row.lastVacuum =
            later(toTime(query.value(10)), toTime(query.value(11)), &row.lastVacuumWasAuto);
        row.lastAnalyze =
            later(toTime(query.value(12)), toTime(query.value(13)), &row.lastAnalyzeWasAuto);
        row.bloatBytes = toMs(query.value(14));
        row.bloatPercent = query.value(15).isNull() ? -1 : query.value(15).toDouble();
        snapshot.tables.append(row);
    }
    if (!run(query, indexesSql(), error))
        return false;
    while (query.next()) {
        IndexRow row;
        row.schema = query.value(0).toString();
        row.table = query.value(1).toString();
        row.name = query.value(2).toString();
        row.bytes = query.value(3).toLongLong();
        row.scans = query.value(4).toLongLong();
        row.unique = query.value(5).toBool();
        row.definition = query.value(6).toString();
        row.duplicates = query.value(7).toString().split(u',', Qt::SkipEmptyParts);
        snapshot.indexes.append(row);
    }
    return true;
}

bool readReplication(QSqlQuery &query, DatabaseSnapshot &snapshot, QString *error)
{
    if (!run(query, replicasSql(snapshot.server), error))
        return false;
    while (query.next()) {
        ReplicaRow row;
        row.name = query.value(0).toString();
        row.client = query.value(1).toString();
        row.state = query.value(2).toString();
        row.syncState = query.value(3).toString();
        row.lagBytes = toMs(query.value(4));
        row.writeLagMs = toMs(query.value(5));
        row.flushLagMs = toMs(query.value(6));
        row.replayLagMs = toMs(query.value(7));
        row.sentLsn = query.value(8).toString();
        row.replayLsn = query.value(9).toString();
        snapshot.replicas.append(row);
    }
    if (!run(query, slotsSql(snapshot.server), error))
        return false;
    while (query.next()) {
        SlotRow row;
        row.name = query.value(0).toString();
        row.type = query.value(1).toString();
        row.database = query.value(2).toString();
        row.active = query.value(3).toBool();
        row.activePid = query.value(4).toInt();
        row.retainedBytes = toMs(query.value(5));
        row.walStatus = query.value(6).toString();
        snapshot.slots.append(row);
    }
    if (!run(query, archiverSql(), error))
        return false;
    if (query.next()) {
        ArchiverStatus archiver;
        archiver.mode = query.value(0).toString();
        archiver.archivedCount = query.value(1).toLongLong();
        archiver.lastArchivedWal = query.value(2).toString();
        archiver.lastArchivedAt = toTime(query.value(3));
        archiver.failedCount = query.value(4).toLongLong();
        archiver.lastFailedWal = query.value(5).toString();
        archiver.lastFailedAt = toTime(query.value(6));
        snapshot.standbyReplayDelayMs = toMs(query.value(7));
        snapshot.archiver = archiver;
    }
    return true;
}

} // namespace

bool readView(QSqlDatabase &db, DatabaseView view, DatabaseSnapshot &snapshot, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!run(query, u"SELECT "_s + epochMs(u"clock_timestamp()"_s), error))
        return false;
    if (query.next())
        snapshot.takenAt = toTime(query.value(0));
    switch (view) {
    case DatabaseView::Overview:
        return readOverview(query, snapshot, error);
    case DatabaseView::Activity:
        return readActivity(query, snapshot.server, snapshot, error);
    case DatabaseView::Statements:
        return readStatements(query, snapshot, error);
    case DatabaseView::Tables:
        return readTables(query, snapshot, error);
    case DatabaseView::Replication:
        return readReplication(query, snapshot, error);
    }
    return false;
}

} // namespace OpsDeck
