// SPDX-License-Identifier: GPL-3.0-or-later
// The DBA views against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh), situation by
// situation, made by psql sessions: a chain of three lock waits compared with pg_activity's own
// SQL; long-running and idle-in-transaction sessions judged by the workspace's thresholds; slow
// statements ranked and reset; an inactive replication slot; idle sessions previewed and
// terminated; VACUUM of a table with an awkward name; read-only mode refusing every action kind
// with nothing changed; the audit log's rows; failures named exactly (wrong password, refused
// port); a wrong password tried once, not on every refresh; a role without pg_monitor told which
// grants it lacks; the server restarting under an open session.
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/audit/auditlog.h"
#include "models/database/databasejson.h"
#include "models/database/databasequeries.h"
#include "models/database/databasesession.h"
#include "models/persistence/statestore.h"
#include "postgresfixture.h"
#include "statetesting.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace DatabaseTesting;
using namespace Qt::StringLiterals;

namespace {

QSet<int> pidSet(const QString &lines)
{
    QSet<int> pids;
    for (const QString &line : lines.split(u'\n', Qt::SkipEmptyParts))
        pids.insert(line.trimmed().toInt());
    return pids;
}

QSet<int> pidSet(const QList<int> &pids)
{
    return QSet<int>(pids.cbegin(), pids.cend());
}

// pg_activity's query file with its placeholders filled as pg_activity fills them for "all
// databases, any duration", wrapped to give the distinct pids only.
QString pgActivityPids(const QString &file)
{
    QFile query(u"/usr/lib/python3/dist-packages/pgactivity/queries/"_s + file);
    if (!query.open(QIODevice::ReadOnly))
        return {};
    QString sql = QString::fromUtf8(query.readAll()).trimmed();
    if (sql.endsWith(u';'))
        sql.chop(1);
    sql.replace(u"{duration_column}"_s, u"query_start"_s)
        .replace(u"%(min_duration)s"_s, u"0"_s)
        .replace(u"%(dbname_filter)s"_s, u"NULL"_s);
    return u"SELECT DISTINCT pid FROM (\n%1\n) AS theirs ORDER BY 1"_s.arg(sql);
}

Threshold minutesThreshold(const QString &metric, double warning)
{
    return {metric, warning, 1000, u"min"_s, Threshold::Direction::Above, {}};
}

int rowVerdict(const QAbstractItemModel &model, int row)
{
    int verdict = 0;
    for (int column = 0; column < model.columnCount(); ++column)
        verdict = std::max(verdict, model.index(row, column).data(KeyedTableRole::Verdict).toInt());
    return verdict;
}

} // namespace

class DatabaseViewsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<PsqlSessions> m_psql;
    QTemporaryDir m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<ActionGate> m_gate;
    int m_stores = 0;

    QString value(const QString &key) const { return m_postgres->value(key); }
    QString superuser(const QString &sql) const { return superuserQuery(*m_postgres, sql); }
    int pidOf(const QString &application) const
    {
        return DatabaseTesting::pidOf(*m_postgres, application);
    }

    Database database() const
    {
        Database database;
        database.name = u"orders"_s;
        database.host = value(u"HOST"_s);
        database.port = value(u"PORT"_s).toInt();
        database.database = value(u"DATABASE"_s);
        database.user = value(u"USER"_s);
        database.sslMode = u"disable"_s;
        return database;
    }

    std::unique_ptr<DatabaseSession> newSession(const QList<Threshold> &thresholds = {},
                                                std::optional<Database> target = {},
                                                const QString &password = {})
    {
        DatabaseServices services;
        services.gate = m_gate.get();
        Workspace workspace = CommandTesting::localWorkspace(u"local"_s);
        workspace.thresholds = thresholds;
        services.workspace = workspace;
        auto session =
            std::make_unique<DatabaseSession>(target.value_or(database()), u"local"_s, services);
        // The keychain is not part of this test: the password as the operator would type it.
        session->providePassword(password.isEmpty() ? value(u"PASSWORD"_s) : password, false);
        return session;
    }

    // Starts a psql session running sql and waits until pg_stat_activity shows it in state
    // (a prefix: "idle in transaction", "active/Lock").
    int startSession(const QString &application, const QString &sql, const QString &state)
    {
        QProcess *process = m_psql->open(application);
        PsqlSessions::send(process, sql);
        for (int round = 0; round < 100; ++round) {
            if (stateOf(*m_postgres, application).startsWith(state))
                return pidOf(application);
            QTest::qWait(100);
        }
        qWarning("session %s never reached '%s' (it is '%s')", qPrintable(application),
                 qPrintable(state), qPrintable(stateOf(*m_postgres, application)));
        return 0;
    }

    QList<AuditEntry> auditRows(const QString &text)
    {
        std::optional<QList<AuditEntry>> rows;
        AuditQuery query;
        query.text = text;
        m_auditLog->query(query, this, [&](const StoreResult<QList<AuditEntry>> &result) {
            rows = result ? *result : QList<AuditEntry>{};
        });
        for (int round = 0; round < 100 && !rows; ++round)
            QTest::qWait(50);
        return rows.value_or(QList<AuditEntry>{});
    }

    QDateTime lastVacuumOf(DatabaseSession &session, const QString &qualified)
    {
        if (!refreshed(session, DatabaseView::Tables))
            return {};
        const int row = session.tables()->rowOf(qualified);
        return row < 0 ? QDateTime() : session.tables()->rowAt(row).lastVacuum;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DatabaseView>();
        m_postgres = std::make_unique<PostgresFixture>();
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        m_psql = std::make_unique<PsqlSessions>(*m_postgres);
        superuser(u"DROP TABLE IF EXISTS first_table, second_table, vacuumed, \"odd \"\"name\";"
                  "CREATE TABLE first_table (id int PRIMARY KEY, v int);"
                  "CREATE TABLE second_table (id int PRIMARY KEY, v int);"
                  "INSERT INTO first_table SELECT g, 0 FROM generate_series(1, 10) g;"
                  "INSERT INTO second_table SELECT g, 0 FROM generate_series(1, 10) g;"
                  "CREATE TABLE vacuumed (id int); INSERT INTO vacuumed VALUES (1), (2);"
                  "CREATE TABLE \"odd \"\"name\" (id int); INSERT INTO \"odd \"\"name\" VALUES (1);"
                  "ALTER TABLE vacuumed OWNER TO opsdeck; ALTER TABLE \"odd \"\"name\" OWNER TO "
                  "opsdeck;"
                  "DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN;"
                  "GRANT ALL ON first_table, second_table TO app;"
                  "GRANT pg_signal_backend TO opsdeck;"
                  "DROP ROLE IF EXISTS viewer;"
                  "CREATE ROLE viewer LOGIN PASSWORD 'Viewer-pw-2';"
                  "GRANT CONNECT ON DATABASE opsdeck TO viewer"_s);
        QCOMPARE(superuser(u"SELECT count(*) FROM \"odd \"\"name\""_s), u"1"_s);
    }

    void init()
    {
        m_store = std::make_unique<StateStore>();
        QString error;
        // A log of its own for each case (and each row of data), so its rows are counted alone.
        const QString file = m_directory.filePath(u"state-%1.sqlite"_s.arg(++m_stores));
        QVERIFY2(StateTesting::openStore(*m_store, file, &error), qPrintable(error));
        m_auditLog = std::make_unique<AuditLog>(m_store.get());
        m_readOnly = std::make_unique<ReadOnlyMode>(false);
        m_gate = std::make_unique<ActionGate>(m_auditLog.get(), m_readOnly.get());
    }

    void cleanup()
    {
        terminateSessionsOf(*m_postgres, u"app"_s);
        m_psql->endAll();
        // Nothing of one case is left waiting in the next.
        QTRY_COMPARE_WITH_TIMEOUT(
            superuser(u"SELECT count(*) FROM pg_stat_activity WHERE usename = 'app'"_s), u"0"_s,
            10000);
        m_gate.reset();
        m_auditLog.reset();
        m_store.reset();
    }

    void cleanupTestCase()
    {
        m_psql.reset();
        m_postgres.reset();
    }

    // A holds a row of first_table; B holds a row of second_table and waits for A's; C waits
    // for B's: one root, A, with B under it and C under B.
    void chainOfThreeAsPgActivitySeesIt()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int a =
            startSession(u"chain-a"_s, u"BEGIN; UPDATE first_table SET v = v + 1 WHERE id = 1;"_s,
                         u"idle in transaction"_s);
        const int b = startSession(u"chain-b"_s,
                                   u"BEGIN; UPDATE second_table SET v = v + 1 WHERE id = 1; "
                                   "UPDATE first_table SET v = v + 1 WHERE id = 1;"_s,
                                   u"active/Lock"_s);
        const int c = startSession(
            u"chain-c"_s, u"UPDATE second_table SET v = v + 1 WHERE id = 1;"_s, u"active/Lock"_s);
        QVERIFY(a > 0 && b > 0 && c > 0);
        QVERIFY(waitUntilWaiting(*session, {b, c}));

        QAbstractItemModelTester tester(session->locks(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const LockTree &tree = session->locks()->tree();
        QCOMPARE(tree.roots.size(), 1);
        const LockTreeNode &root = tree.nodes.at(tree.roots.first());
        QCOMPARE(tree.sessionOf(tree.roots.first()).pid, a);
        QCOMPARE(root.blockedTotal, 2);
        QCOMPARE(root.children.size(), 1);
        const int middle = root.children.first();
        QCOMPARE(tree.sessionOf(middle).pid, b);
        QCOMPARE(tree.nodes.at(middle).children.size(), 1);
        const int last = tree.nodes.at(middle).children.first();
        QCOMPARE(tree.sessionOf(last).pid, c);
        QCOMPARE(tree.nodes.at(last).depth, 2);
        QVERIFY(!tree.sessionOf(middle).waitingMode.isEmpty());
        // Each blocker's side of the wait: the row lock's table, held in the UPDATE's mode.
        QCOMPARE(tree.sessionOf(tree.roots.first()).heldMode, u"RowExclusiveLock"_s);
        QCOMPARE(tree.sessionOf(tree.roots.first()).heldRelation, u"first_table"_s);
        QCOMPARE(tree.sessionOf(middle).heldRelation, u"second_table"_s);
        QVERIFY(tree.sessionOf(last).heldMode.isEmpty()); // nobody waits for C
        QCOMPARE(session->locks()->index(0, LockTreeModel::WaitsFor).data().toString(),
                 u"holds RowExclusiveLock on first_table"_s);
        const QJsonObject rootJson =
            lockTreeJson(tree).value(u"roots"_s).toArray().first().toObject();
        QCOMPARE(rootJson.value(u"holds"_s).toObject().value(u"mode"_s).toString(),
                 u"RowExclusiveLock"_s);
        QCOMPARE(rootJson.value(u"holds"_s).toObject().value(u"relation"_s).toString(),
                 u"first_table"_s);
        QCOMPARE(rootJson.value(u"waiting"_s).toBool(), false);
        // The model says the same.
        const QModelIndex rootIndex = session->locks()->index(0, 0);
        QCOMPARE(rootIndex.data(LockTreeModel::PidRole).toInt(), a);
        QCOMPARE(session->locks()
                     ->index(0, 0, session->locks()->index(0, 0, rootIndex))
                     .data(LockTreeModel::PidRole)
                     .toInt(),
                 c);

        // pg_activity's SQL over the same moment: the same waiters; its blockers are every
        // granted holder on a contended lock, so ours are among them and so is our root.
        const QList<ActivityRow> activity = session->lastSnapshot(DatabaseView::Activity).activity;
        const QString waitingSql = pgActivityPids(u"get_waiting_post_090200.sql"_s);
        const QString blockingSql = pgActivityPids(u"get_blocking_post_090600.sql"_s);
        QVERIFY2(!waitingSql.isEmpty() && !blockingSql.isEmpty(), "pg_activity is not installed");
        const QSet<int> theirWaiting = pidSet(superuser(waitingSql));
        const QSet<int> theirBlocking = pidSet(superuser(blockingSql));
        QCOMPARE(theirWaiting, (QSet<int>{b, c}));
        QCOMPARE(pidSet(waitingPids(activity)), theirWaiting);
        QVERIFY(pidSet(blockingPids(activity)).subtract(theirBlocking).isEmpty());
        QVERIFY(theirBlocking.contains(a));

        // Terminating the root through the gate: B gets A's row and still holds its own, so B
        // becomes the root with C beneath it.
        const auto outcome = actionOutcome([&](auto done) {
            session->terminateBackend(a, {Risk::Destroy, {QString::number(a)}}, this, done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"chain-a"_s), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"chain-b"_s), u"idle in transaction"_s,
                                  10000);
        QVERIFY(waitUntilWaiting(*session, {c}));
        const LockTree &after = session->locks()->tree();
        QCOMPARE(after.roots.size(), 1);
        QCOMPARE(after.sessionOf(after.roots.first()).pid, b);
        QCOMPARE(after.nodes.at(after.roots.first()).blockedTotal, 1);
        const QList<AuditEntry> audited = auditRows(u"postgres.backend.terminate"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().host, QString::number(a));
        QCOMPARE(audited.first().risk, Risk::Destroy);
        QCOMPARE(audited.first().status, AuditStatus::Finished);
    }

    // The contention the issue names: A holds a row of first_table; B holds a row of
    // second_table, then waits for A's row; C waits for A's row too; D waits for B's row of
    // second_table, behind a waiter. PostgreSQL queues C on the row behind B (B holds the tuple
    // lock while it waits for A's transaction), so the tree is A → B → {C, D}.
    void holderTwoWaitersAndOneBehindAWaiter()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int a =
            startSession(u"tree-a"_s, u"BEGIN; UPDATE first_table SET v = v + 1 WHERE id = 3;"_s,
                         u"idle in transaction"_s);
        // B's psql is kept: it commits later.
        QProcess *bProcess = m_psql->open(u"tree-b"_s);
        PsqlSessions::send(bProcess, u"BEGIN; UPDATE second_table SET v = v + 1 WHERE id = 3; "
                                     "UPDATE first_table SET v = v + 1 WHERE id = 3;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"tree-b"_s), u"active/Lock"_s, 10000);
        const int b = pidOf(u"tree-b"_s);
        const int c = startSession(u"tree-c"_s, u"UPDATE first_table SET v = v + 1 WHERE id = 3;"_s,
                                   u"active/Lock"_s);
        const int d = startSession(
            u"tree-d"_s, u"UPDATE second_table SET v = v + 1 WHERE id = 3;"_s, u"active/Lock"_s);
        QVERIFY(a > 0 && b > 0 && c > 0 && d > 0);
        QVERIFY(waitUntilWaiting(*session, {b, c, d}));

        QAbstractItemModelTester tester(session->locks(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const LockTree &tree = session->locks()->tree();
        // The whole forest, pid by pid: one root A; under it B alone; under B, C and D (by pid).
        QCOMPARE(tree.roots.size(), 1);
        const int root = tree.roots.first();
        QCOMPARE(tree.sessionOf(root).pid, a);
        QVERIFY(tree.sessionOf(root).blockedBy.isEmpty());
        QCOMPARE(tree.nodes.at(root).depth, 0);
        QCOMPARE(tree.nodes.at(root).blockedTotal, 3);
        QCOMPARE(tree.nodes.at(root).children.size(), 1);
        const int middle = tree.nodes.at(root).children.first();
        QCOMPARE(tree.sessionOf(middle).pid, b);
        QCOMPARE(tree.nodes.at(middle).parent, root);
        QCOMPARE(tree.nodes.at(middle).depth, 1);
        QCOMPARE(tree.nodes.at(middle).blockedTotal, 2);
        QList<int> leaves;
        for (int child : tree.nodes.at(middle).children) {
            QCOMPARE(tree.nodes.at(child).parent, middle);
            QCOMPARE(tree.nodes.at(child).depth, 2);
            QVERIFY(tree.nodes.at(child).children.isEmpty());
            QCOMPARE(tree.nodes.at(child).shownUnder, -1);
            leaves.append(tree.sessionOf(child).pid);
        }
        QList<int> expectedLeaves{c, d};
        std::sort(expectedLeaves.begin(), expectedLeaves.end());
        QCOMPARE(leaves, expectedLeaves);
        // Nobody else is in the tree, and no session appears twice.
        QCOMPARE(tree.nodes.size(), 4);
        // D waits for B's transaction on second_table's row, a waiter's lock.
        const auto nodeOf = [&](int pid) {
            for (int node = 0; node < tree.nodes.size(); ++node) {
                if (tree.sessionOf(node).pid == pid)
                    return node;
            }
            return -1;
        };
        QCOMPARE(tree.sessionOf(nodeOf(d)).blockedBy, QList<int>{b});
        QVERIFY(!tree.sessionOf(nodeOf(d)).waitingMode.isEmpty());
        QVERIFY(tree.sessionOf(nodeOf(b)).blockedBy.contains(a));
        // The model shows the same shape: A's row, B beneath, C and D beneath B.
        LockTreeModel *model = session->locks();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex rootIndex = model->index(0, 0);
        QCOMPARE(rootIndex.data(LockTreeModel::PidRole).toInt(), a);
        QVERIFY(rootIndex.data(LockTreeModel::IsRootRole).toBool());
        QCOMPARE(model->rowCount(rootIndex), 1);
        const QModelIndex middleIndex = model->index(0, 0, rootIndex);
        QCOMPARE(middleIndex.data(LockTreeModel::PidRole).toInt(), b);
        QVERIFY(!middleIndex.data(LockTreeModel::IsRootRole).toBool());
        QCOMPARE(model->rowCount(middleIndex), 2);
        QList<int> modelLeaves{
            model->index(0, 0, middleIndex).data(LockTreeModel::PidRole).toInt(),
            model->index(1, 0, middleIndex).data(LockTreeModel::PidRole).toInt()};
        std::sort(modelLeaves.begin(), modelLeaves.end());
        QCOMPARE(modelLeaves, expectedLeaves);

        // pg_activity's SQL over the same moment: the same waiters; ours blockers (A, and B
        // which holds what D and C wait for) are among its blockers.
        const QList<ActivityRow> activity = session->lastSnapshot(DatabaseView::Activity).activity;
        const QString waitingSql = pgActivityPids(u"get_waiting_post_090200.sql"_s);
        const QString blockingSql = pgActivityPids(u"get_blocking_post_090600.sql"_s);
        QVERIFY2(!waitingSql.isEmpty() && !blockingSql.isEmpty(), "pg_activity is not installed");
        const QSet<int> theirWaiting = pidSet(superuser(waitingSql));
        const QSet<int> theirBlocking = pidSet(superuser(blockingSql));
        QCOMPARE(theirWaiting, (QSet<int>{b, c, d}));
        QCOMPARE(pidSet(waitingPids(activity)), theirWaiting);
        QCOMPARE(pidSet(blockingPids(activity)), (QSet<int>{a, b}));
        QVERIFY(pidSet(blockingPids(activity)).subtract(theirBlocking).isEmpty());

        // Terminating the root: B gets A's row and holds both of its rows, so C and D now wait
        // for B alone; once B commits, they proceed and nobody waits.
        const auto outcome = actionOutcome([&](auto done) {
            session->terminateBackend(a, {Risk::Destroy, {QString::number(a)}}, this, done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"tree-a"_s), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"tree-b"_s), u"idle in transaction"_s,
                                  10000);
        QVERIFY(waitUntilWaiting(*session, {c, d}));
        const LockTree &after = session->locks()->tree();
        QCOMPARE(after.roots.size(), 1);
        QCOMPARE(after.sessionOf(after.roots.first()).pid, b);
        QCOMPARE(after.nodes.at(after.roots.first()).blockedTotal, 2);
        PsqlSessions::send(bProcess, u"COMMIT;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"tree-c"_s), u"idle"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"tree-d"_s), u"idle"_s, 10000);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        QVERIFY(session->locks()->tree().isEmpty());
        // A's update was rolled back with its session; B's and C's landed, and B's and D's.
        QCOMPARE(superuser(u"SELECT v FROM first_table WHERE id = 3"_s), u"2"_s);
        QCOMPARE(superuser(u"SELECT v FROM second_table WHERE id = 3"_s), u"2"_s);
    }

    // Index findings against the server's own catalog and statistics: two indexes on the same
    // column name each other as duplicates, an index never scanned is unused, one scanned is
    // not, and a unique one is never called unused.
    void unusedAndDuplicateIndexes()
    {
        superuser(u"DROP TABLE IF EXISTS indexed;"
                  "CREATE TABLE indexed (id int PRIMARY KEY, account int, kind text, note text);"
                  "INSERT INTO indexed SELECT g, g % 50, 'k' || (g % 7), 'n' || g"
                  "  FROM generate_series(1, 5000) g;"
                  "CREATE INDEX indexed_account ON indexed (account);"
                  "CREATE INDEX indexed_account_again ON indexed (account);"
                  "CREATE INDEX indexed_account_partial ON indexed (account) WHERE kind = 'k1';"
                  "CREATE INDEX indexed_kind ON indexed (kind);"
                  "CREATE INDEX indexed_note ON indexed (note);"
                  "ANALYZE indexed"_s);
        // One scan of indexed_kind, by a psql that ends (its statistics are flushed at exit).
        superuser(u"SET enable_seqscan = off; SET enable_bitmapscan = off;"
                  "SELECT count(*) FROM indexed WHERE kind = 'k3'"_s);
        QTRY_VERIFY_WITH_TIMEOUT(superuser(u"SELECT idx_scan FROM pg_stat_user_indexes WHERE "
                                           "indexrelname = 'indexed_kind'"_s)
                                         .toInt() > 0,
                                 10000);

        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QAbstractItemModelTester tester(session->indexes(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshed(*session, DatabaseView::Tables));
        const DatabaseSnapshot snapshot = session->lastSnapshot(DatabaseView::Tables);
        QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
        IndexesModel *indexes = session->indexes();
        const auto indexRow = [&](const QString &name) -> std::optional<IndexRow> {
            const int row = indexes->rowOf(u"public."_s + name);
            if (row < 0)
                return std::nullopt;
            return indexes->rowAt(row);
        };
        const std::optional<IndexRow> account = indexRow(u"indexed_account"_s);
        const std::optional<IndexRow> again = indexRow(u"indexed_account_again"_s);
        const std::optional<IndexRow> partial = indexRow(u"indexed_account_partial"_s);
        const std::optional<IndexRow> kind = indexRow(u"indexed_kind"_s);
        const std::optional<IndexRow> note = indexRow(u"indexed_note"_s);
        const std::optional<IndexRow> primary = indexRow(u"indexed_pkey"_s);
        QVERIFY(account && again && partial && kind && note && primary);
        QCOMPARE(account->table, u"indexed"_s);
        // The duplicates name each other, and only each other: the partial index has a
        // predicate, so it is no copy of them.
        QCOMPARE(account->duplicates, QStringList{u"indexed_account_again"_s});
        QCOMPARE(again->duplicates, QStringList{u"indexed_account"_s});
        QVERIFY(partial->duplicates.isEmpty());
        QVERIFY(kind->duplicates.isEmpty());
        // Never scanned: unused. Scanned: not. Unique (the primary key): never unused.
        QVERIFY(note->unused());
        QCOMPARE(note->scans, qint64(0));
        QVERIFY(kind->scans > 0);
        QVERIFY(!kind->unused());
        QCOMPARE(primary->scans, qint64(0));
        QVERIFY(primary->unique);
        QVERIFY(!primary->unused());
        // The Finding column says so, with the verdict that colours it.
        const int findings = indexes->columnOf(u"Finding"_s);
        QVERIFY(findings >= 0);
        const QModelIndex againFindings =
            indexes->index(indexes->rowOf(u"public.indexed_account_again"_s), findings);
        QVERIFY2(againFindings.data().toString().contains(u"duplicate of indexed_account"_s),
                 qPrintable(againFindings.data().toString()));
        QCOMPARE(againFindings.data(KeyedTableRole::Verdict).toInt(), 1);
        const QModelIndex kindFindings =
            indexes->index(indexes->rowOf(u"public.indexed_kind"_s), findings);
        QCOMPARE(kindFindings.data().toString(), QString());
        QCOMPARE(kindFindings.data(KeyedTableRole::Verdict).toInt(), 0);
        superuser(u"DROP TABLE indexed"_s);
    }

    // Diagnostic reads outside the views (the idle preview, VACUUM's table lookup) run as the
    // views do: in a read-only transaction, under the statement timeout, whatever they ask.
    void diagnosticReadsAreReadOnly()
    {
        DatabaseConnectOptions options;
        options.name = u"orders"_s;
        options.host = value(u"HOST"_s);
        options.port = quint16(value(u"PORT"_s).toInt());
        options.database = value(u"DATABASE"_s);
        options.user = value(u"USER"_s);
        options.password = value(u"PASSWORD"_s);
        options.sslMode = u"disable"_s;
        options.statementTimeoutMs = 1500;
        DatabaseConnection connection(options);
        const auto run = [&](const DatabaseStatement &statement) {
            std::optional<DatabaseStatementResult> result;
            connection.execute(statement, this,
                               [&](const DatabaseStatementResult &answer) { result = answer; });
            for (int round = 0; round < 200 && !result; ++round)
                QTest::qWait(50);
            return result.value_or(DatabaseStatementResult{u"no answer"_s, {}});
        };
        const QString settings =
            u"SELECT current_setting('transaction_read_only'), current_setting('statement_timeout')"_s;
        DatabaseStatementResult read = run(DatabaseStatement::read(settings));
        QVERIFY2(read.succeeded(), qPrintable(read.error));
        QCOMPARE(read.rows.value(0), (QVariantList{u"on"_s, u"1500ms"_s}));
        // A write sent as a read fails, and nothing is written.
        read = run(DatabaseStatement::read(u"CREATE TABLE read_only_canary (id int)"_s));
        QVERIFY(!read.succeeded());
        QVERIFY2(read.error.contains(u"read-only transaction"_s), qPrintable(read.error));
        QCOMPARE(superuser(u"SELECT to_regclass('public.read_only_canary') IS NULL"_s), u"t"_s);
        // A read keeps the timeout even when it asks for none.
        DatabaseStatement sleeper = DatabaseStatement::read(u"SELECT pg_sleep(10)"_s);
        sleeper.noStatementTimeout = true;
        QElapsedTimer timer;
        timer.start();
        read = run(sleeper);
        QVERIFY(!read.succeeded());
        QVERIFY2(read.error.contains(u"took longer than"_s), qPrintable(read.error));
        QVERIFY(timer.elapsed() < 8000);
        // The connection goes on afterwards; an action statement is not read-only.
        DatabaseStatement action;
        action.sql = settings;
        const DatabaseStatementResult outside = run(action);
        QVERIFY2(outside.succeeded(), qPrintable(outside.error));
        QCOMPARE(outside.rows.value(0).value(0).toString(), u"off"_s);
        QCOMPARE(connection.state(), DatabaseConnectionState::Open);

        // The session's own reads go that way: a preview and a missing table's lookup answer.
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        std::optional<QString> previewError;
        session->previewIdle(60, this, [&](const QList<ActivityRow> &, const QString &error) {
            previewError = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(previewError.has_value(), 10000);
        QVERIFY2(previewError->isEmpty(), qPrintable(*previewError));
    }

    // A table holding an exclusive lock (LOCK TABLE) and one an advisory lock: the root
    // holds the mode its waiters want on the table, or the advisory lock itself.
    void rootHoldsTableAndAdvisoryLocks()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int locker =
            startSession(u"locker"_s, u"BEGIN; LOCK TABLE second_table IN ACCESS EXCLUSIVE MODE;"_s,
                         u"idle in transaction"_s);
        const int reader =
            startSession(u"reader"_s, u"SELECT count(*) FROM second_table;"_s, u"active/Lock"_s);
        const int advisor = startSession(
            u"advisor"_s, u"BEGIN; SELECT pg_advisory_xact_lock(77);"_s, u"idle in transaction"_s);
        const int follower =
            startSession(u"follower"_s, u"SELECT pg_advisory_xact_lock(77);"_s, u"active/Lock"_s);
        QVERIFY(locker > 0 && reader > 0 && advisor > 0 && follower > 0);
        QVERIFY(waitUntilWaiting(*session, {reader, follower}));
        const LockTree &tree = session->locks()->tree();
        QCOMPARE(tree.roots.size(), 2);
        QMap<int, ActivityRow> roots;
        for (int root : tree.roots)
            roots.insert(tree.sessionOf(root).pid, tree.sessionOf(root));
        QCOMPARE(roots.keys(), (QList<int>{std::min(locker, advisor), std::max(locker, advisor)}));
        QCOMPARE(roots.value(locker).heldMode, u"AccessExclusiveLock"_s);
        QCOMPARE(roots.value(locker).heldLockType, u"relation"_s);
        QCOMPARE(roots.value(locker).heldRelation, u"second_table"_s);
        QCOMPARE(roots.value(advisor).heldMode, u"ExclusiveLock"_s);
        QCOMPARE(roots.value(advisor).heldLockType, u"advisory"_s);
    }

    // Bloat estimated by the server from relpages against the pages pg_stats' widths need:
    // near nothing for a fresh table, most of it once nine rows in ten are deleted (and
    // analyzed, not vacuumed), little again after VACUUM FULL; unknown without statistics.
    void tableBloatIsEstimated()
    {
        superuser(u"DROP TABLE IF EXISTS bloated, unanalyzed;"
                  "CREATE TABLE bloated (id int PRIMARY KEY, payload text, note text)"
                  "  WITH (autovacuum_enabled = false);"
                  "INSERT INTO bloated SELECT g, repeat('x', 100),"
                  "  CASE WHEN g % 2 = 0 THEN 'even' END FROM generate_series(1, 50000) g;"
                  "ANALYZE bloated;"
                  "CREATE TABLE unanalyzed (id int, v text) WITH (autovacuum_enabled = false);"
                  "INSERT INTO unanalyzed SELECT g, 'v' FROM generate_series(1, 5000) g;"
                  // pg_stats shows a role only the columns it may read.
                  "GRANT SELECT ON bloated, unanalyzed TO opsdeck"_s);
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        TablesModel *tables = session->tables();
        QAbstractItemModelTester tester(tables,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int bytesColumn = tables->columnOf(u"Bloat"_s);
        const int percentColumn = tables->columnOf(u"Bloat %"_s);
        QVERIFY(bytesColumn >= 0 && percentColumn >= 0);
        const auto table = [&](const QString &name) {
            const int row = tables->rowOf(u"public."_s + name);
            return row < 0 ? TableRow{} : tables->rowAt(row);
        };

        QVERIFY(refreshed(*session, DatabaseView::Tables));
        TableRow fresh = table(u"bloated"_s);
        QCOMPARE(fresh.name, u"bloated"_s);
        QVERIFY2(fresh.bloatBytes >= 0 && fresh.bloatPercent >= 0 && fresh.bloatPercent < 10,
                 qPrintable(u"%1 bytes, %2 %"_s.arg(fresh.bloatBytes).arg(fresh.bloatPercent)));
        // Never analyzed: unknown, in the row, the cells and the JSON.
        const TableRow unknown = table(u"unanalyzed"_s);
        QCOMPARE(unknown.name, u"unanalyzed"_s);
        QCOMPARE(unknown.bloatBytes, -1);
        QCOMPARE(unknown.bloatPercent, -1.0);
        const int unknownRow = tables->rowOf(u"public.unanalyzed"_s);
        QCOMPARE(tables->index(unknownRow, bytesColumn).data().toString(), QString());
        QCOMPARE(tables->index(unknownRow, percentColumn).data().toString(), QString());
        QCOMPARE(tables->index(unknownRow, percentColumn).data(KeyedTableRole::Verdict).toInt(), 0);
        QJsonObject unknownJson;
        for (const QJsonValue &value :
             tablesJson(session->lastSnapshot(DatabaseView::Tables)).value(u"tables"_s).toArray()) {
            if (value.toObject().value(u"name"_s).toString() == u"unanalyzed"_s)
                unknownJson = value.toObject();
        }
        QVERIFY(unknownJson.contains(u"bloat_bytes"_s));
        QVERIFY(unknownJson.value(u"bloat_bytes"_s).isNull());
        QVERIFY(unknownJson.value(u"bloat_percent"_s).isNull());

        superuser(u"DELETE FROM bloated WHERE id % 10 <> 0; ANALYZE bloated"_s);
        QVERIFY(refreshed(*session, DatabaseView::Tables));
        const TableRow bloated = table(u"bloated"_s);
        QVERIFY2(bloated.bloatPercent >= 80,
                 qPrintable(u"%1 bytes, %2 %"_s.arg(bloated.bloatBytes).arg(bloated.bloatPercent)));
        QVERIFY(bloated.bloatBytes >= bloated.tableBytes * 8 / 10);
        const int row = tables->rowOf(u"public.bloated"_s);
        QCOMPARE(tables->index(row, percentColumn).data(KeyedTableRole::Verdict).toInt(),
                 int(DatabaseVerdict::Critical));
        QCOMPARE(tables->index(row, bytesColumn).data(KeyedTableRole::Sort).toLongLong(),
                 bloated.bloatBytes);
        QCOMPARE(tables->index(row, percentColumn).data(KeyedTableRole::Sort).toDouble(),
                 bloated.bloatPercent);

        superuser(u"VACUUM FULL bloated"_s);
        QVERIFY(refreshed(*session, DatabaseView::Tables));
        const TableRow compacted = table(u"bloated"_s);
        QVERIFY2(
            compacted.bloatPercent >= 0 && compacted.bloatPercent < 10,
            qPrintable(u"%1 bytes, %2 %"_s.arg(compacted.bloatBytes).arg(compacted.bloatPercent)));
        QVERIFY(compacted.tableBytes < bloated.tableBytes / 5);
        QCOMPARE(tables->index(tables->rowOf(u"public.bloated"_s), percentColumn)
                     .data(KeyedTableRole::Verdict)
                     .toInt(),
                 0);
    }

    void longRunningQueryIsJudged()
    {
        // 0.01 min: a query running for more than 0.6 s is a warning.
        auto session = newSession({minutesThreshold(u"long_running_query"_s, 0.01)});
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int sleeper = startSession(u"sleeper"_s, u"SELECT pg_sleep(30);"_s, u"active"_s);
        const int idle = startSession(u"quiet"_s, u"SELECT 1;"_s, u"idle"_s);
        QVERIFY(sleeper > 0 && idle > 0);
        QTest::qWait(1500);
        QAbstractItemModelTester tester(session->activity(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        ActivityModel *activity = session->activity();
        const int stateColumn = activity->columnOf(u"State"_s);
        const int ageColumn = activity->columnOf(u"Query age"_s);
        QVERIFY(stateColumn >= 0 && ageColumn >= 0);
        const int row = activity->rowOf(QString::number(sleeper));
        QVERIFY(row >= 0);
        QVERIFY(activity->rowAt(row).queryAgeMs >= 1000);
        QCOMPARE(activity->index(row, stateColumn).data(KeyedTableRole::Verdict).toInt(),
                 int(DatabaseVerdict::Warning));
        QCOMPARE(activity->index(row, ageColumn).data(KeyedTableRole::Verdict).toInt(),
                 int(DatabaseVerdict::Warning));
        QCOMPARE(rowVerdict(*activity, activity->rowOf(QString::number(idle))), 0);
        // Our own session is never judged, however long its statement.
        QCOMPARE(rowVerdict(*activity, activity->rowOf(QString::number(session->server().ownPid))),
                 0);

        // The default threshold (5 minutes) finds nothing wrong with the same query.
        auto calm = newSession();
        QVERIFY(waitState(*calm, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*calm, DatabaseView::Activity));
        QCOMPARE(rowVerdict(*calm->activity(), calm->activity()->rowOf(QString::number(sleeper))),
                 0);

        // Cancelling it through the gate ends the query, not the session.
        const auto outcome = actionOutcome([&](auto done) {
            session->cancelQuery(sleeper, {Risk::Change, {}}, this, done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_postgres, u"sleeper"_s), u"idle"_s, 10000);
        QCOMPARE(pidOf(u"sleeper"_s), sleeper);
        const QList<AuditEntry> audited = auditRows(u"postgres.query.cancel"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().host, QString::number(sleeper));
        QCOMPARE(audited.first().status, AuditStatus::Finished);
    }

    void idleInTransactionIsJudged()
    {
        auto session = newSession({minutesThreshold(u"idle_in_transaction"_s, 0.01)});
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int open =
            startSession(u"forgotten"_s, u"BEGIN; SELECT 1;"_s, u"idle in transaction"_s);
        QVERIFY(open > 0);
        QTest::qWait(1500);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        ActivityModel *activity = session->activity();
        const int row = activity->rowOf(QString::number(open));
        QVERIFY(row >= 0);
        QCOMPARE(activity->rowAt(row).state, u"idle in transaction"_s);
        QVERIFY(activity->rowAt(row).stateAgeMs >= 1000);
        QCOMPARE(activity->index(row, activity->columnOf(u"State"_s))
                     .data(KeyedTableRole::Verdict)
                     .toInt(),
                 int(DatabaseVerdict::Warning));
        QVERIFY(activity->rowAt(row).transactionAgeMs >= 1000);
    }

    void slowStatementsRankAndReset()
    {
        superuser(u"SELECT pg_stat_statements_reset()"_s);
        QProcess *worker = m_psql->open(u"slow-worker"_s);
        QString script;
        for (int round = 0; round < 5; ++round)
            script += u"SELECT pg_sleep(0.2);\n"_s;
        for (int round = 0; round < 20; ++round)
            script += u"SELECT count(*) FROM first_table WHERE id = %1;\n"_s.arg(round);
        PsqlSessions::send(worker, script);
        worker->closeWriteChannel();
        QVERIFY(worker->waitForFinished(30000));

        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QAbstractItemModelTester tester(session->statements(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(refreshed(*session, DatabaseView::Statements));
        const DatabaseSnapshot snapshot = session->lastSnapshot(DatabaseView::Statements);
        QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
        QVERIFY(snapshot.statementsUnavailable.isEmpty());
        QVERIFY(!snapshot.statements.isEmpty());
        const StatementRow &top = snapshot.statements.first();
        QVERIFY2(top.query.contains(u"pg_sleep"_s), qPrintable(top.query));
        QCOMPARE(top.calls, qint64(5));
        QVERIFY(top.totalMs >= 1000);
        QVERIFY(top.maxMs >= 200);
        QVERIFY(top.meanMs >= 200);
        // The model's sort role orders it the same way.
        StatementsModel *model = session->statements();
        const int total = model->columnOf(u"Total time"_s);
        int slowest = 0;
        for (int row = 1; row < model->rowCount(); ++row) {
            if (model->index(row, total).data(KeyedTableRole::Sort).toDouble() >
                model->index(slowest, total).data(KeyedTableRole::Sort).toDouble())
                slowest = row;
        }
        QVERIFY(model->rowAt(slowest).query.contains(u"pg_sleep"_s));
        const auto quick = std::find_if(
            snapshot.statements.cbegin(), snapshot.statements.cend(),
            [](const StatementRow &row) { return row.query.contains(u"first_table"_s); });
        QVERIFY(quick != snapshot.statements.cend());
        QCOMPARE(quick->calls, qint64(20));

        // Read-only mode: refused, the statistics stay.
        m_readOnly->setEnabled(true);
        auto outcome = actionOutcome([&](auto done) {
            session->resetStatements({Risk::Change, {}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        QVERIFY(superuser(u"SELECT count(*) FROM pg_stat_statements WHERE query LIKE "
                          "'%pg_sleep%'"_s)
                    .toInt() > 0);
        // Without the Change confirmed: refused too.
        m_readOnly->setEnabled(false);
        outcome = actionOutcome([&](auto done) {
            session->resetStatements({Risk::Read, {}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        QVERIFY(superuser(u"SELECT count(*) FROM pg_stat_statements WHERE query LIKE "
                          "'%pg_sleep%'"_s)
                    .toInt() > 0);
        QCOMPARE(auditRows(u"postgres.statements.reset"_s).size(), 0);

        // PostgreSQL lets only superusers reset unless granted: the role is told which grant,
        // and the server's refusal is shown.
        QVERIFY(!session->server().statementsResetAllowed);
        QCOMPARE(grantHints(session->server()).size(), 1);
        QCOMPARE(grantHints(session->server()).first().grant,
                 u"EXECUTE ON FUNCTION public.pg_stat_statements_reset"_s);
        outcome = actionOutcome([&](auto done) {
            session->resetStatements({Risk::Change, {}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        QVERIFY2(
            outcome->error.contains(u"permission denied for function pg_stat_statements_reset"_s),
            qPrintable(outcome->error));
        superuser(u"GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) TO "
                  "opsdeck"_s);
        outcome = actionOutcome([&](auto done) {
            session->resetStatements({Risk::Change, {}}, this, done);
        });
        // A session opened with the grant sees it: no hint left.
        auto granted = newSession();
        const bool grantedOpened = waitState(*granted, DatabaseConnectionState::Open);
        const ServerInfo grantedServer = granted->server();
        superuser(u"REVOKE EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) FROM "
                  "opsdeck"_s);
        QVERIFY(grantedOpened);
        QVERIFY(grantedServer.statementsResetAllowed);
        QVERIFY(grantHints(grantedServer).isEmpty());
        QVERIFY(outcome);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QVERIFY(refreshed(*session, DatabaseView::Statements));
        for (const StatementRow &row : session->lastSnapshot(DatabaseView::Statements).statements)
            QVERIFY2(!row.query.contains(u"pg_sleep"_s), qPrintable(row.query));
        const QList<AuditEntry> audited = auditRows(u"postgres.statements.reset"_s);
        QCOMPARE(audited.size(), 2);
        // Newest first: the reset that ran, after the one the server refused.
        QCOMPARE(audited.at(0).status, AuditStatus::Finished);
        QCOMPARE(audited.at(1).status, AuditStatus::Failed);
    }

    void inactiveSlotIsAWarning()
    {
        superuser(u"SELECT pg_create_physical_replication_slot('opsdeck_test_slot', true)"_s);
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QAbstractItemModelTester tester(session->slots(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const bool read = refreshed(*session, DatabaseView::Replication);
        superuser(u"SELECT pg_drop_replication_slot('opsdeck_test_slot')"_s);
        QVERIFY(read);
        const DatabaseSnapshot snapshot = session->lastSnapshot(DatabaseView::Replication);
        QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
        SlotsModel *slots = session->slots();
        const int row = slots->rowOf(u"opsdeck_test_slot"_s);
        QVERIFY(row >= 0);
        const SlotRow &slot = slots->rowAt(row);
        QCOMPARE(slot.type, u"physical"_s);
        QVERIFY(!slot.active);
        QVERIFY(slot.retainedBytes >= 0);
        QCOMPARE(slot.walStatus, u"reserved"_s);
        QCOMPARE(
            slots->index(row, slots->columnOf(u"Active"_s)).data(KeyedTableRole::Verdict).toInt(),
            int(DatabaseVerdict::Warning));
        QCOMPARE(rowVerdict(*slots, row), int(DatabaseVerdict::Warning));
        QVERIFY(snapshot.archiver.has_value());
        QCOMPARE(snapshot.archiver->mode, u"off"_s);
        QVERIFY(snapshot.replicas.isEmpty());
    }

    void idleSessionsPreviewedAndTerminated()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int first = startSession(u"idler-1"_s, u"SELECT 1;"_s, u"idle"_s);
        const int second = startSession(u"idler-2"_s, u"SELECT 2;"_s, u"idle"_s);
        const int busy = startSession(u"busy"_s, u"SELECT pg_sleep(20);"_s, u"active"_s);
        const int inTransaction =
            startSession(u"in-transaction"_s, u"BEGIN; SELECT 3;"_s, u"idle in transaction"_s);
        // Another OpsDeck (by its application name) is never a target either.
        const int otherOpsDeck = startSession(u"opsdeck-elsewhere"_s, u"SELECT 4;"_s, u"idle"_s);
        QVERIFY(first > 0 && second > 0 && busy > 0 && inTransaction > 0 && otherOpsDeck > 0);
        QTest::qWait(300);

        const auto preview = [&](int minutes) {
            std::optional<QList<int>> pids;
            session->previewIdle(minutes, this,
                                 [&](const QList<ActivityRow> &rows, const QString &error) {
                                     QList<int> found;
                                     if (error.isEmpty()) {
                                         for (const ActivityRow &row : rows)
                                             found.append(row.pid);
                                     }
                                     pids = found;
                                 });
            for (int round = 0; round < 200 && !pids; ++round)
                QTest::qWait(50);
            return pids.value_or(QList<int>{-1});
        };
        // Idle for over a minute: none of them yet.
        QCOMPARE(preview(1), QList<int>{});
        QList<int> idle = preview(0);
        std::sort(idle.begin(), idle.end());
        QList<int> expected{first, second};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(idle, expected);

        // Destroy wants the database's name typed.
        auto outcome = actionOutcome([&](auto done) {
            session->terminateIdle(0, idle, {Risk::Destroy, {}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        QCOMPARE(pidOf(u"idler-1"_s), first);
        // A pid that is not idle, slipped into the list, is not ended: only the previewed idle.
        outcome = actionOutcome([&](auto done) {
            session->terminateIdle(0, idle + QList<int>{busy, session->server().ownPid},
                                   {Risk::Destroy, {u"orders"_s}}, this, done);
        });
        QVERIFY(outcome);
        QVERIFY2(!outcome->succeeded(), "two of four asked for were not idle: the outcome says so");
        QVERIFY2(outcome->error.startsWith(u"2 of 4"_s), qPrintable(outcome->error));
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"idler-1"_s), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"idler-2"_s), 0, 10000);
        QCOMPARE(pidOf(u"busy"_s), busy);
        QCOMPARE(pidOf(u"in-transaction"_s), inTransaction);
        QCOMPARE(pidOf(u"opsdeck-elsewhere"_s), otherOpsDeck);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        QCOMPARE(session->state(), DatabaseConnectionState::Open);
        QCOMPARE(auditRows(u"postgres.idle.terminate"_s).size(), 1);
        QCOMPARE(preview(0), QList<int>{});
    }

    void vacuumQuotesTheName_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("plain") << u"vacuumed"_s;
        QTest::newRow("a quote and a space") << u"odd \"name"_s;
    }

    void vacuumQuotesTheName()
    {
        QFETCH(QString, table);
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const QString qualified = u"public."_s + table;
        QAbstractItemModelTester tester(session->tables(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime before = lastVacuumOf(*session, qualified);
        QVERIFY(session->tables()->rowOf(qualified) >= 0);

        const auto outcome = actionOutcome([&](auto done) {
            session->vacuumTable(u"public"_s, table, true, {Risk::Change, {}}, this, done);
        });
        QVERIFY(outcome);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QDateTime after;
        for (int round = 0; round < 50 && (!after.isValid() || after == before); ++round) {
            after = lastVacuumOf(*session, qualified);
            QTest::qWait(100);
        }
        QVERIFY(after.isValid());
        QVERIFY(after != before);
        const TableRow &row = session->tables()->rowAt(session->tables()->rowOf(qualified));
        QVERIFY(row.lastAnalyze.isValid());
        QVERIFY(!row.lastVacuumWasAuto);
        const QList<AuditEntry> audited = auditRows(u"postgres.table.vacuum"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().host, qualified);

        // A table that is not there is said to be missing; nothing runs.
        const auto missing = actionOutcome([&](auto done) {
            session->vacuumTable(u"public"_s, table + u"; DROP TABLE vacuumed"_s, false,
                                 {Risk::Change, {}}, this, done);
        });
        QVERIFY(missing && !missing->succeeded());
        QVERIFY2(missing->error.contains(u"does not exist"_s), qPrintable(missing->error));
        QCOMPARE(superuser(u"SELECT count(*) FROM vacuumed"_s), u"2"_s);
    }

    void readOnlyRefusesEveryAction()
    {
        superuser(u"SELECT pg_stat_statements_reset()"_s);
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        const int holder = startSession(u"canary-holder"_s,
                                        u"BEGIN; UPDATE first_table SET v = v + 1 WHERE id = 2;"_s,
                                        u"idle in transaction"_s);
        const int sleeper =
            startSession(u"canary-sleeper"_s, u"SELECT pg_sleep(20);"_s, u"active"_s);
        const int idle = startSession(u"canary-idle"_s,
                                      u"SELECT count(*) AS canary FROM first_table;"_s, u"idle"_s);
        QVERIFY(holder > 0 && sleeper > 0 && idle > 0);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const QDateTime vacuumedBefore = lastVacuumOf(*session, u"public.vacuumed"_s);
        const QString statementsBefore =
            superuser(u"SELECT count(*) FROM pg_stat_statements WHERE query LIKE '%canary%'"_s);
        QVERIFY(statementsBefore.toInt() > 0);

        m_readOnly->setEnabled(true);
        QStringList errors;
        const auto refused = [&](const char *what, const std::optional<ActionOutcome> &outcome) {
            if (!outcome)
                errors.append(u"%1: no answer"_s.arg(QLatin1StringView(what)));
            else if (outcome->succeeded())
                errors.append(u"%1: ran in read-only mode"_s.arg(QLatin1StringView(what)));
        };
        refused("cancel", actionOutcome([&](auto done) {
                    session->cancelQuery(sleeper, {Risk::Change, {}}, this, done);
                }));
        refused("terminate", actionOutcome([&](auto done) {
                    session->terminateBackend(holder, {Risk::Destroy, {QString::number(holder)}},
                                              this, done);
                }));
        refused("terminate idle", actionOutcome([&](auto done) {
                    session->terminateIdle(0, {idle}, {Risk::Destroy, {u"orders"_s}}, this, done);
                }));
        refused("vacuum", actionOutcome([&](auto done) {
                    session->vacuumTable(u"public"_s, u"vacuumed"_s, true, {Risk::Change, {}}, this,
                                         done);
                }));
        refused("reset", actionOutcome([&](auto done) {
                    session->resetStatements({Risk::Change, {}}, this, done);
                }));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));

        QCOMPARE(pidOf(u"canary-holder"_s), holder);
        QCOMPARE(stateOf(*m_postgres, u"canary-holder"_s), u"idle in transaction"_s);
        QCOMPARE(stateOf(*m_postgres, u"canary-sleeper"_s), u"active"_s);
        QCOMPARE(pidOf(u"canary-sleeper"_s), sleeper);
        QCOMPARE(pidOf(u"canary-idle"_s), idle);
        QVERIFY(superuser(u"SELECT count(*) FROM pg_stat_statements WHERE query LIKE "
                          "'%canary%'"_s)
                    .toInt() >= statementsBefore.toInt());
        QCOMPARE(lastVacuumOf(*session, u"public.vacuumed"_s), vacuumedBefore);
        // Refused actions never reached the audit log's running rows.
        QCOMPARE(auditRows(u"postgres."_s).size(), 0);
    }

    void ownSessionIsNeverATarget()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const int own = session->server().ownPid;
        QVERIFY(own > 0);
        QVERIFY(!session->pidRefusal(own).isEmpty());
        auto outcome = actionOutcome([&](auto done) {
            session->terminateBackend(own, {Risk::Destroy, {QString::number(own)}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        // Another OpsDeck session, found in Activity, is refused as well.
        auto other = newSession();
        QVERIFY(waitState(*other, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const int otherPid = other->server().ownPid;
        QVERIFY(!session->pidRefusal(otherPid).isEmpty());
        outcome = actionOutcome([&](auto done) {
            session->cancelQuery(otherPid, {Risk::Change, {}}, this, done);
        });
        QVERIFY(outcome && !outcome->succeeded());
        QVERIFY(refreshed(*other, DatabaseView::Activity));
        QCOMPARE(other->state(), DatabaseConnectionState::Open);
        QCOMPARE(other->server().ownPid, otherPid);
        QCOMPARE(auditRows(u"postgres."_s).size(), 0);
    }

    void wrongPasswordIsNamed()
    {
        auto session = newSession({}, {}, u"not-the-password"_s);
        QVERIFY(waitState(*session, DatabaseConnectionState::Failed));
        QCOMPARE(session->error(), u"PostgreSQL database orders (opsdeck at 127.0.0.1:%1): wrong "
                                   "password for user opsdeck"_s.arg(value(u"PORT"_s)));
    }

    // With LDAP or PAM behind it every refused login may count towards locking the account:
    // the server sees one per request of the operator, none per refresh interval.
    void refusedPasswordIsNotRetried()
    {
        const auto refusals = [this] {
            QFile log(value(u"LOG"_s));
            if (!log.open(QIODevice::ReadOnly))
                return qsizetype(-1);
            return log.readAll().count(
                "FATAL:  password authentication failed for user \"opsdeck\"");
        };
        const qsizetype before = refusals();
        QVERIFY(before >= 0);
        auto session = newSession({}, {}, u"not-the-password"_s);
        session->setInterval(500);
        QSignalSpy refreshes(session.get(), &DatabaseSession::refreshed);
        session->start();
        QVERIFY(waitState(*session, DatabaseConnectionState::Failed));
        QVERIFY(session->error().endsWith(u"wrong password for user opsdeck; not retried until "
                                          "the password changes or you refresh"_s));
        // Six intervals, each refreshing the Overview and Activity.
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.size() >= 12, 15000);
        QCOMPARE(session->lastSnapshot(DatabaseView::Activity).error,
                 u"PostgreSQL database orders (opsdeck at 127.0.0.1:%1): wrong password for user "
                 "opsdeck"_s.arg(value(u"PORT"_s)));
        QCOMPARE(session->state(), DatabaseConnectionState::Failed);
        QCOMPARE(refusals() - before, 1);

        // Refresh now: once more, and again not on the intervals after it.
        session->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(refusals() - before, 2, 10000);
        refreshes.clear();
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.size() >= 8, 15000);
        QCOMPARE(refusals() - before, 2);
        // The database chosen again: once more.
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(refusals() - before, 3, 10000);
        refreshes.clear();
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.size() >= 4, 15000);
        QCOMPARE(refusals() - before, 3);

        // A new password from the prompt opens it.
        session->providePassword(value(u"PASSWORD"_s), false);
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        QVERIFY(session->lastSnapshot(DatabaseView::Activity).error.isEmpty());
        QCOMPARE(refusals() - before, 3);
    }

    void refusedPortIsNamed()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Database target = database();
        target.port = port;
        auto session = newSession({}, target);
        QVERIFY(waitState(*session, DatabaseConnectionState::Failed));
        QCOMPARE(session->error(),
                 u"PostgreSQL database orders (opsdeck at 127.0.0.1:%1): connection refused"_s.arg(
                     port));
    }

    void roleWithoutMonitorIsToldWhatItLacks()
    {
        const int holder =
            startSession(u"secretive"_s, u"BEGIN; SELECT 'app only';"_s, u"idle in transaction"_s);
        QVERIFY(holder > 0);
        Database target = database();
        target.user = u"viewer"_s;
        auto session = newSession({}, target, u"Viewer-pw-2"_s);
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const ServerInfo server = session->server();
        QCOMPARE(server.user, u"viewer"_s);
        QVERIFY(!server.readAllStats);
        QVERIFY(!server.signalBackend);
        QStringList grants;
        for (const GrantHint &hint : grantHints(server))
            grants.append(hint.grant);
        QCOMPARE(grants, (QStringList{u"pg_read_all_stats"_s, u"pg_signal_backend"_s,
                                      u"EXECUTE ON FUNCTION public.pg_stat_statements_reset"_s}));
        const int row = session->activity()->rowOf(QString::number(holder));
        QVERIFY(row >= 0);
        QCOMPARE(session->activity()->rowAt(row).query, u"<insufficient privilege>"_s);
        // Its own session it sees in full.
        const int own = session->activity()->rowOf(QString::number(server.ownPid));
        QVERIFY(own >= 0);
        QVERIFY(session->activity()->rowAt(own).query != u"<insufficient privilege>"_s);
        // Every view still reads.
        for (DatabaseView view : {DatabaseView::Overview, DatabaseView::Statements,
                                  DatabaseView::Tables, DatabaseView::Replication}) {
            QVERIFY(refreshed(*session, view));
            const QString error = session->lastSnapshot(view).error;
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    // Last: it restarts the server.
    void serverRestartReconnects()
    {
        auto session = newSession();
        QVERIFY(waitState(*session, DatabaseConnectionState::Open));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        const ServerInfo before = session->server();
        const QString script =
            QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/postgres-fixture.sh");
        QCOMPARE(QProcess::execute(u"bash"_s, {script, u"stop"_s, m_postgres->directory()}), 0);
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        QVERIFY(!session->lastSnapshot(DatabaseView::Activity).error.isEmpty());
        QVERIFY2(session->state() == DatabaseConnectionState::Lost ||
                     session->state() == DatabaseConnectionState::Connecting,
                 qPrintable(session->error()));
        QVERIFY2(
            session->error().startsWith(u"PostgreSQL database orders (opsdeck at 127.0.0.1:"_s),
            qPrintable(session->error()));

        QProcess start;
        start.start(u"bash"_s, {script, u"start"_s, m_postgres->directory()});
        QVERIFY(start.waitForFinished(60000));
        QCOMPARE(start.exitCode(), 0);
        QVERIFY(start.readAllStandardOutput().contains(
            QByteArray("PORT=" + value(u"PORT"_s).toUtf8())));
        QVERIFY(refreshed(*session, DatabaseView::Activity));
        QVERIFY2(session->lastSnapshot(DatabaseView::Activity).error.isEmpty(),
                 qPrintable(session->lastSnapshot(DatabaseView::Activity).error));
        QCOMPARE(session->state(), DatabaseConnectionState::Open);
        const ServerInfo after = session->server();
        QVERIFY(after.ownPid > 0);
        QVERIFY(after.ownPid != before.ownPid);
        QVERIFY(after.startedAt > before.startedAt);
    }
};

QTEST_GUILESS_MAIN(DatabaseViewsTest)
#include "tst_databaseviews.moc"
