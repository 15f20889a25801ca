// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON `opsdeck db … --json` prints, from snapshots shaped like what PostgreSQL 15 answered
// in tst_databasesession (no server needed): the lock tree's nesting with a root blocker, a
// waiter under two blockers (spelled out once, "shown_above" later), rings of waiters and a
// prepared transaction, every node with the same keys ("blocks" too) at any depth; activity rows
// with unknown ages as null; the overview's verdicts; the statements' hint when pg_stat_statements
// is missing; tables, indexes and replication.
#include "models/database/databasejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::ActivityRow)

namespace {

ActivityRow session(int pid, QList<int> blockedBy = {}, const QString &query = {})
{
    ActivityRow row;
    row.pid = pid;
    row.user = u"app"_s;
    row.database = u"opsdeck"_s;
    row.client = u"local"_s;
    row.application = u"psql"_s;
    row.backendType = u"client backend"_s;
    row.blockedBy = blockedBy;
    row.transactionAgeMs = 60000 - pid; // lower pids are older
    if (blockedBy.isEmpty()) {
        row.state = u"idle in transaction"_s;
        row.waitEventType = u"Client"_s;
        row.waitEvent = u"ClientRead"_s;
        row.query =
            query.isEmpty() ? u"UPDATE accounts SET balance = balance - 1 WHERE id = 1;"_s : query;
        row.stateAgeMs = 30000;
    } else {
        row.state = u"active"_s;
        row.waitEventType = u"Lock"_s;
        row.waitEvent = u"transactionid"_s;
        row.waitingMode = u"ShareLock"_s;
        row.waitingLockType = u"transactionid"_s;
        row.query =
            query.isEmpty() ? u"UPDATE accounts SET balance = balance + 1 WHERE id = 1;"_s : query;
        row.queryAgeMs = 12000;
        row.stateAgeMs = 12000;
    }
    row.backendAgeMs = 120000;
    return row;
}

// The tree as a compact text made from the JSON alone: "pid[child,child]", a repeated session
// "pid^", the node closing a ring "pid@", a ring's chosen root "*pid".
QString shape(const QJsonObject &node)
{
    QString text;
    const bool closes = node.value(u"closes_cycle"_s).toBool();
    const bool above = node.value(u"shown_above"_s).toBool();
    if (node.value(u"cycle"_s).toBool() && !closes)
        text += u'*';
    text += QString::number(node.value(u"pid"_s).toInt());
    if (closes)
        return text + u'@';
    if (above)
        return text + u'^';
    const QJsonArray blocks = node.value(u"blocks"_s).toArray();
    if (blocks.isEmpty())
        return text;
    QStringList children;
    for (const QJsonValue &child : blocks)
        children.append(shape(child.toObject()));
    return text + u'[' + children.join(u',') + u']';
}

// What breaks "the same shape at any depth" in node and below: a node without the keys every
// node has, "blocks" not an array, or a node not followed (shown above, closing a ring) that
// still lists sessions it blocks.
void shapeProblems(const QJsonObject &node, QStringList &problems)
{
    const QString pid = QString::number(node.value(u"pid"_s).toInt());
    for (const QString &key : {u"pid"_s, u"user"_s, u"query"_s, u"mode"_s, u"relation"_s,
                               u"waiting"_s, u"cycle"_s, u"blocked_by"_s, u"blocks"_s}) {
        if (!node.contains(key))
            problems.append(u"%1 has no \"%2\""_s.arg(pid, key));
    }
    if (!node.value(u"blocks"_s).isArray())
        problems.append(u"%1: \"blocks\" is not an array"_s.arg(pid));
    const QJsonArray blocks = node.value(u"blocks"_s).toArray();
    const bool followed =
        !node.value(u"shown_above"_s).toBool() && !node.value(u"closes_cycle"_s).toBool();
    if (!followed && !blocks.isEmpty())
        problems.append(u"%1 is not followed here, yet blocks sessions"_s.arg(pid));
    for (const QJsonValue &child : blocks)
        shapeProblems(child.toObject(), problems);
}

QString forestShape(const QJsonObject &tree)
{
    QStringList roots;
    for (const QJsonValue &root : tree.value(u"roots"_s).toArray())
        roots.append(shape(root.toObject()));
    return roots.join(u' ');
}

} // namespace

class DatabaseJsonTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockTree_data()
    {
        QTest::addColumn<QList<ActivityRow>>("activity");
        QTest::addColumn<QString>("expected");

        // The contention tst_databasesession makes: one holder, two UPDATEs behind it, the
        // second also behind the first (a tuple lock queue).
        QTest::newRow("holder and a queue")
            << QList<ActivityRow>{session(4101), session(4102, {4101}), session(4103, {4101, 4102}),
                                  session(4200)}
            << u"4101[4102[4103]]"_s;
        QTest::newRow("nobody waits") << QList<ActivityRow>{session(10), session(11)} << QString();
        // Two independent holders: the one holding up more sessions comes first.
        QTest::newRow("two roots by sessions held up")
            << QList<ActivityRow>{session(20), session(21, {20}), session(30), session(31, {30}),
                                  session(32, {30})}
            << u"30[31,32] 20[21]"_s;
        // A waiter behind two holders: spelled out under the first, named under the second.
        QTest::newRow("waiter behind two holders")
            << QList<ActivityRow>{session(40), session(41), session(42, {40, 41}),
                                  session(43, {42})}
            << u"40[42[43]] 41[42^]"_s;
        // A ring (a deadlock before the detector runs): its lowest pid is the root, the node
        // that would close the ring is shown and not followed.
        QTest::newRow("ring of three")
            << QList<ActivityRow>{session(52, {51}), session(53, {52}), session(51, {53})}
            << u"*51[52[53[51@]]]"_s;
        // A ring with a session queued behind it.
        QTest::newRow("ring with a follower")
            << QList<ActivityRow>{session(61, {62}), session(62, {61}), session(63, {62})}
            << u"*61[62[61@,63]]"_s;
        // pg_blocking_pids says 0 for a prepared transaction: it is the root, no backend.
        QTest::newRow("prepared transaction") << QList<ActivityRow>{session(70, {0})} << u"0[70]"_s;
    }

    void lockTree()
    {
        QFETCH(QList<ActivityRow>, activity);
        QFETCH(QString, expected);
        const QJsonObject json = lockTreeJson(buildLockTree(activity));
        QCOMPARE(forestShape(json), expected);
        QStringList problems;
        for (const QJsonValue &root : json.value(u"roots"_s).toArray())
            shapeProblems(root.toObject(), problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        // It survives a round trip through text as scripts read it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QCOMPARE(reread, json);
    }

    void lockNodeFields()
    {
        ActivityRow holder = session(4101);
        holder.heldMode = u"RowExclusiveLock"_s;
        holder.heldLockType = u"relation"_s;
        holder.heldRelation = u"accounts"_s;
        const LockTree tree = buildLockTree({holder, session(4102, {4101})});
        const QJsonObject root = lockTreeJson(tree).value(u"roots"_s).toArray().first().toObject();
        QCOMPARE(root.value(u"holds"_s).toObject(), (QJsonObject{{u"mode"_s, u"RowExclusiveLock"_s},
                                                                 {u"lock_type"_s, u"relation"_s},
                                                                 {u"relation"_s, u"accounts"_s}}));
        // The root waits for nothing: the fields of a wait stay as the issue names them, empty.
        QCOMPARE(root.value(u"mode"_s).toString(), QString());
        QCOMPARE(root.value(u"relation"_s).toString(), QString());
        QCOMPARE(root.value(u"pid"_s).toInt(), 4101);
        QCOMPARE(root.value(u"user"_s).toString(), u"app"_s);
        QCOMPARE(root.value(u"database"_s).toString(), u"opsdeck"_s);
        QCOMPARE(root.value(u"waiting"_s).toBool(), false);
        QVERIFY(root.value(u"waiting_ms"_s).isNull());
        QCOMPARE(root.value(u"transaction_ms"_s).toInteger(), 60000 - 4101);
        QCOMPARE(root.value(u"blocked_total"_s).toInt(), 1);
        QCOMPARE(root.value(u"cycle"_s).toBool(), false);
        QVERIFY(root.value(u"query"_s).toString().startsWith(u"UPDATE accounts"_s));
        const QJsonObject waiter = root.value(u"blocks"_s).toArray().first().toObject();
        QCOMPARE(waiter.value(u"pid"_s).toInt(), 4102);
        QCOMPARE(waiter.value(u"waiting"_s).toBool(), true);
        QCOMPARE(waiter.value(u"waiting_ms"_s).toInteger(), 12000);
        QCOMPARE(waiter.value(u"mode"_s).toString(), u"ShareLock"_s);
        QCOMPARE(waiter.value(u"lock_type"_s).toString(), u"transactionid"_s);
        QCOMPARE(waiter.value(u"blocked_by"_s).toArray(), QJsonArray{4101});
        QVERIFY(waiter.value(u"holds"_s).isNull()); // nobody waits for it
        QVERIFY(waiter.value(u"blocks"_s).toArray().isEmpty());
    }

    void activityRow_data()
    {
        QTest::addColumn<ActivityRow>("row");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("expected");

        ActivityRow idle = session(300);
        idle.state = u"idle"_s;
        idle.transactionAgeMs = -1;
        idle.queryAgeMs = -1;
        idle.query = u"SELECT 1"_s;
        QTest::newRow("idle: no transaction age")
            << idle << u"transaction_age_ms"_s << QJsonValue(QJsonValue::Null);
        QTest::newRow("idle: state age") << idle << u"state_age_ms"_s << QJsonValue(30000);
        QTest::newRow("idle: state") << idle << u"state"_s << QJsonValue(u"idle"_s);
        const ActivityRow waiter = session(301, {300, 299});
        QTest::newRow("waiter: blocked by")
            << waiter << u"blocked_by"_s << QJsonValue(QJsonArray{300, 299});
        QTest::newRow("waiter: wait event")
            << waiter << u"wait_event"_s << QJsonValue(u"transactionid"_s);
        QTest::newRow("waiter: query age") << waiter << u"query_age_ms"_s << QJsonValue(12000);
        QTest::newRow("waiter: not ours") << waiter << u"own"_s << QJsonValue(false);
        ActivityRow own = session(302);
        own.application = u"opsdeck-dba"_s;
        own.own = true;
        own.client = u"127.0.0.1"_s;
        QTest::newRow("own session") << own << u"own"_s << QJsonValue(true);
        QTest::newRow("own client") << own << u"client"_s << QJsonValue(u"127.0.0.1"_s);
        ActivityRow walWriter;
        walWriter.pid = 57;
        walWriter.backendType = u"walwriter"_s;
        walWriter.waitEventType = u"Activity"_s;
        walWriter.waitEvent = u"WalWriterMain"_s;
        QTest::newRow("background process")
            << walWriter << u"backend_type"_s << QJsonValue(u"walwriter"_s);
        QTest::newRow("background: no backend age")
            << walWriter << u"backend_age_ms"_s << QJsonValue(QJsonValue::Null);
    }

    void activityRow()
    {
        QFETCH(ActivityRow, row);
        QFETCH(QString, key);
        QFETCH(QJsonValue, expected);
        const QJsonObject json = activityRowJson(row);
        QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json.value(key), expected);
        QCOMPARE(json.value(u"pid"_s).toInt(), row.pid);
    }

    void activityHasServerAndRows()
    {
        DatabaseSnapshot snapshot;
        snapshot.view = DatabaseView::Activity;
        snapshot.server.version = u"15.10 (Debian 15.10-0+deb12u1)"_s;
        snapshot.server.versionNumber = 150010;
        snapshot.server.ownPid = 302;
        snapshot.activity = {session(300), session(301, {300})};
        const QJsonObject json = activityJson(snapshot);
        QCOMPARE(json.value(u"server"_s).toObject().value(u"pid"_s).toInt(), 302);
        QCOMPARE(json.value(u"server"_s).toObject().value(u"version_num"_s).toInt(), 150010);
        QCOMPARE(json.value(u"rows"_s).toArray().size(), 2);
        QVERIFY(json.value(u"taken_at"_s).isNull());
    }

    void overview_data()
    {
        QTest::addColumn<int>("active");
        QTest::addColumn<int>("idle");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("usable");
        // max_connections 100, 3 reserved for superusers: 97 usable; warning at 80 %,
        // critical at 95 %.
        QTest::newRow("quiet") << 2 << 5 << u"fine"_s << 97;
        QTest::newRow("busy") << 30 << 50 << u"warning"_s << 97;
        QTest::newRow("full") << 40 << 55 << u"critical"_s << 97;
    }

    void overview()
    {
        QFETCH(int, active);
        QFETCH(int, idle);
        QFETCH(QString, verdict);
        QFETCH(int, usable);
        DatabaseSnapshot snapshot;
        snapshot.server.maxConnections = 100;
        snapshot.server.reservedConnections = 3;
        snapshot.server.startedAt = QDateTime(QDate(2026, 12, 6), QTime(8, 0), QTimeZone::utc());
        snapshot.takenAt = QDateTime(QDate(2026, 12, 6), QTime(9, 0), QTimeZone::utc());
        snapshot.connections = {{u"active"_s, active}, {u"idle"_s, idle}};
        DatabaseStatsRow opsdeck;
        opsdeck.name = u"opsdeck"_s;
        opsdeck.commits = 1200;
        opsdeck.rollbacks = 7;
        opsdeck.blocksHit = 990;
        opsdeck.blocksRead = 10;
        opsdeck.deadlocks = 1;
        opsdeck.bytes = 7631663;
        DatabaseStatsRow hidden;
        hidden.name = u"template0"_s;
        snapshot.databases = {opsdeck, hidden};
        const QJsonObject json = overviewJson(snapshot, DatabaseThresholds::fromWorkspace({}));
        QCOMPARE(json.value(u"verdict"_s).toString(), verdict);
        QCOMPARE(json.value(u"usable"_s).toInt(), usable);
        QCOMPARE(json.value(u"max_connections"_s).toInt(), 100);
        QCOMPARE(json.value(u"client_connections"_s).toInt(), active + idle);
        QCOMPARE(json.value(u"connections"_s).toObject().value(u"active"_s).toInt(), active);
        QCOMPARE(json.value(u"connections"_s).toObject().value(u"idle"_s).toInt(), idle);
        QCOMPARE(json.value(u"percent"_s).toDouble(), 100.0 * (active + idle) / usable);
        QCOMPARE(json.value(u"cache_hit_percent"_s).toDouble(), 99.0);
        QCOMPARE(json.value(u"deadlocks"_s).toInt(), 1);
        QCOMPARE(json.value(u"uptime_ms"_s).toInteger(), 3600000);
        const QJsonArray databases = json.value(u"databases"_s).toArray();
        QCOMPARE(databases.size(), 2);
        QCOMPARE(databases.at(0).toObject().value(u"bytes"_s).toInteger(), 7631663);
        QVERIFY(databases.at(1).toObject().value(u"bytes"_s).isNull());
    }

    void statements_data()
    {
        QTest::addColumn<DatabaseSnapshot>("snapshot");
        QTest::addColumn<QString>("expected"); // first row's query, or the hint

        DatabaseSnapshot missing;
        missing.statementsUnavailable =
            u"pg_stat_statements is not installed in database opsdeck: run CREATE EXTENSION "
            "pg_stat_statements"_s;
        QTest::newRow("missing extension") << missing << missing.statementsUnavailable;
        DatabaseSnapshot ranked;
        StatementRow sleep;
        sleep.queryId = u"-3418290137513862316"_s;
        sleep.query = u"SELECT pg_sleep($1)"_s;
        sleep.calls = 5;
        sleep.totalMs = 1502.4;
        sleep.meanMs = 300.48;
        sleep.maxMs = 301.2;
        sleep.rows = 5;
        StatementRow select;
        select.queryId = u"8093412231"_s;
        select.query = u"SELECT * FROM accounts WHERE id = $1"_s;
        select.calls = 40;
        select.totalMs = 2.5;
        select.sharedHit = 80;
        ranked.statements = {sleep, select};
        QTest::newRow("ranked") << ranked << sleep.query;
    }

    void statements()
    {
        QFETCH(DatabaseSnapshot, snapshot);
        QFETCH(QString, expected);
        const QJsonObject json = statementsJson(snapshot);
        if (!snapshot.statementsUnavailable.isEmpty()) {
            QCOMPARE(json.value(u"unavailable"_s).toString(), expected);
            QVERIFY(!json.contains(u"rows"_s));
            return;
        }
        const QJsonArray rows = json.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), snapshot.statements.size());
        const QJsonObject first = rows.first().toObject();
        QCOMPARE(first.value(u"query"_s).toString(), expected);
        QCOMPARE(first.value(u"calls"_s).toInt(), 5);
        QCOMPARE(first.value(u"mean_ms"_s).toDouble(), 300.48);
        QVERIFY(first.value(u"hit_percent"_s).isNull()); // pg_sleep touches no blocks
        QCOMPARE(rows.at(1).toObject().value(u"hit_percent"_s).toDouble(), 100.0);
    }

    void tablesAndIndexes()
    {
        DatabaseSnapshot snapshot;
        TableRow accounts;
        accounts.schema = u"public"_s;
        accounts.name = u"accounts"_s;
        accounts.tableBytes = 8192;
        accounts.totalBytes = 40960;
        accounts.liveTuples = 10;
        accounts.deadTuples = 30;
        accounts.lastAnalyze = QDateTime(QDate(2026, 12, 6), QTime(9, 1, 2), QTimeZone::utc());
        accounts.lastAnalyzeWasAuto = true;
        accounts.bloatBytes = 6 * 8192;
        accounts.bloatPercent = 75;
        TableRow fresh = accounts;
        fresh.name = u"fresh"_s; // never analyzed: the estimate is unknown
        fresh.bloatBytes = -1;
        fresh.bloatPercent = -1;
        snapshot.tables = {accounts, fresh};
        IndexRow pkey;
        pkey.schema = u"public"_s;
        pkey.table = u"accounts"_s;
        pkey.name = u"accounts_pkey"_s;
        pkey.unique = true;
        pkey.bytes = 16384;
        IndexRow copy = pkey;
        copy.name = u"accounts_id_idx"_s;
        copy.unique = false;
        copy.duplicates = {u"accounts_pkey"_s};
        snapshot.indexes = {pkey, copy};
        const QJsonObject json = tablesJson(snapshot);
        const QJsonObject table = json.value(u"tables"_s).toArray().first().toObject();
        QCOMPARE(table.value(u"dead_percent"_s).toDouble(), 75.0);
        QCOMPARE(table.value(u"bloat_bytes"_s).toInteger(), 6 * 8192);
        QCOMPARE(table.value(u"bloat_percent"_s).toDouble(), 75.0);
        const QJsonObject unknown = json.value(u"tables"_s).toArray().at(1).toObject();
        QVERIFY(unknown.value(u"bloat_bytes"_s).isNull());
        QVERIFY(unknown.value(u"bloat_percent"_s).isNull());
        QVERIFY(table.value(u"last_vacuum"_s).isNull());
        QCOMPARE(table.value(u"last_analyze"_s).toString(), u"2026-12-06T09:01:02.000Z"_s);
        QCOMPARE(table.value(u"last_analyze_auto"_s).toBool(), true);
        const QJsonArray indexes = json.value(u"indexes"_s).toArray();
        QCOMPARE(indexes.at(0).toObject().value(u"unused"_s).toBool(), false); // a constraint
        QCOMPARE(indexes.at(1).toObject().value(u"unused"_s).toBool(), true);
        QCOMPARE(indexes.at(1).toObject().value(u"duplicates"_s).toArray(),
                 QJsonArray{u"accounts_pkey"_s});
    }

    void replication()
    {
        DatabaseSnapshot snapshot;
        QCOMPARE(replicationJson(snapshot).value(u"archiver"_s), QJsonValue());
        ReplicaRow standby;
        standby.name = u"walreceiver"_s;
        standby.state = u"streaming"_s;
        standby.lagBytes = 0;
        standby.replayLagMs = -1;
        SlotRow idle;
        idle.name = u"reporting"_s;
        idle.type = u"logical"_s;
        idle.retainedBytes = 50331648;
        idle.walStatus = u"reserved"_s;
        SlotRow busy = idle;
        busy.name = u"standby_1"_s;
        busy.active = true;
        busy.activePid = 812;
        snapshot.replicas = {standby};
        snapshot.slots = {idle, busy};
        snapshot.archiver =
            ArchiverStatus{u"on"_s, 12, u"000000010000000000000009"_s, {}, 0, {}, {}};
        const QJsonObject json = replicationJson(snapshot);
        const QJsonObject replica = json.value(u"replicas"_s).toArray().first().toObject();
        QCOMPARE(replica.value(u"lag_bytes"_s).toInt(), 0);
        QVERIFY(replica.value(u"replay_lag_ms"_s).isNull());
        const QJsonArray slots = json.value(u"slots"_s).toArray();
        QCOMPARE(slots.at(0).toObject().value(u"warning"_s).toBool(), true);
        QVERIFY(slots.at(0).toObject().value(u"active_pid"_s).isNull());
        QCOMPARE(slots.at(1).toObject().value(u"warning"_s).toBool(), false);
        QCOMPARE(slots.at(1).toObject().value(u"active_pid"_s).toInt(), 812);
        QCOMPARE(json.value(u"archiver"_s).toObject().value(u"archived_count"_s).toInt(), 12);
        QVERIFY(json.value(u"archiver"_s).toObject().value(u"last_archived_at"_s).isNull());
    }
};

QTEST_GUILESS_MAIN(DatabaseJsonTest)
#include "tst_databasejson.moc"
