// SPDX-License-Identifier: GPL-3.0-or-later
// The lock tree from pg_blocking_pids, without a server: who blocks whom as written in a
// compact spec ("100@5000 101<100": pid 101 waits for pid 100, whose transaction is 5 s old)
// and the forest expected back, drawn as text: "pid/blockedTotal(children)", '*' a root chosen
// to break a ring, '^' the node that closes a ring, "=P" a waiter already spelled out under P.
// The same tree through LockTreeModel under QAbstractItemModelTester.
#include "models/database/databasemodels.h"
#include "models/database/locktree.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QList<ActivityRow> activityFrom(const QString &spec)
{
    QList<ActivityRow> rows;
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        ActivityRow row;
        QString head = token.section(u'<', 0, 0);
        const QString blockers = token.section(u'<', 1);
        if (head.contains(u'@')) {
            row.transactionAgeMs = head.section(u'@', 1).toLongLong();
            head = head.section(u'@', 0, 0);
        }
        row.pid = head.toInt();
        row.state = blockers.isEmpty() ? u"idle in transaction"_s : u"active"_s;
        for (const QString &blocker : blockers.split(u',', Qt::SkipEmptyParts))
            row.blockedBy.append(blocker.toInt());
        row.query = u"UPDATE t SET v = v + 1 WHERE id = %1"_s.arg(row.pid);
        rows.append(row);
    }
    return rows;
}

QString drawNode(const LockTree &tree, int index)
{
    const LockTreeNode &node = tree.nodes.at(index);
    QString text = QString::number(tree.sessionOf(index).pid);
    if (node.inCycle)
        text += u'*';
    if (node.closesCycle)
        text += u'^';
    if (node.shownUnder >= 0)
        text += u'=' + QString::number(tree.sessionOf(node.shownUnder).pid);
    if (node.blockedTotal > 0)
        text += u'/' + QString::number(node.blockedTotal);
    if (!node.children.isEmpty()) {
        QStringList children;
        for (int child : node.children)
            children.append(drawNode(tree, child));
        text += u'(' + children.join(u' ') + u')';
    }
    return text;
}

QString drawTree(const LockTree &tree)
{
    QStringList roots;
    for (int root : tree.roots)
        roots.append(drawNode(tree, root));
    return roots.join(u' ');
}

// The same drawing read back through the model's indexes (PidRole, IsCycleRole).
QString drawModel(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, LockTreeModel::Pid, parent);
        QString text = index.data(LockTreeModel::PidRole).toString();
        if (index.data(LockTreeModel::IsCycleRole).toBool())
            text += u'~';
        const int blocks =
            model.index(row, LockTreeModel::Blocks, parent).data(LockTreeModel::SortRole).toInt();
        if (blocks > 0)
            text += u'/' + QString::number(blocks);
        if (model.rowCount(index) > 0)
            text += u'(' + drawModel(model, index) + u')';
        parts.append(text);
    }
    return parts.join(u' ');
}

QString joined(const QList<int> &pids)
{
    QStringList texts;
    for (int pid : pids)
        texts.append(QString::number(pid));
    return texts.join(u',');
}

} // namespace

class LockTreeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tree_data()
    {
        QTest::addColumn<QString>("activity");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("waiting");
        QTest::addColumn<QString>("blocking");

        QTest::newRow("nobody waits") << u"1 2@300 3"_s << QString() << QString() << QString();
        QTest::newRow("one holder, two waiters")
            << u"100@5000 101<100 102<100 103"_s << u"100/2(101 102)"_s << u"101,102"_s << u"100"_s;
        // A holds t1; B holds t2 and waits for t1; C waits for t2.
        QTest::newRow("a waiter behind a waiter")
            << u"202<201 200@9000 201<200"_s << u"200/2(201/1(202))"_s << u"201,202"_s
            << u"200,201"_s;
        QTest::newRow("a waiter blocked by two blockers")
            << u"300@2000 301@1000 302<300,301 303<302"_s << u"300/2(302/1(303)) 301/2(302=300)"_s
            << u"302,303"_s << u"300,301,302"_s;
        QTest::newRow("roots by sessions blocked")
            << u"400@90000 401<400 410@1000 411<410 412<410"_s << u"410/2(411 412) 400/1(401)"_s
            << u"401,411,412"_s << u"400,410"_s;
        QTest::newRow("roots of equal weight by transaction age")
            << u"400@9000 401<400 420@20000 421<420 430@20000 431<430"_s
            << u"420/1(421) 430/1(431) 400/1(401)"_s << u"401,421,431"_s << u"400,420,430"_s;
        QTest::newRow("a ring of two")
            << u"501<500 500<501"_s << u"500*/1(501/1(500^))"_s << u"500,501"_s << u"500,501"_s;
        QTest::newRow("a ring of three")
            << u"601<600 602<601 600<602"_s << u"600*/2(601/2(602/2(600^)))"_s << u"600,601,602"_s
            << u"600,601,602"_s;
        // The tail's pid is the lowest, yet the ring's lowest pid becomes the root.
        QTest::newRow("a ring with a tail")
            << u"700<712 710<711 711<712 712<710"_s << u"710*/3(712/3(700 711/3(710^)))"_s
            << u"700,710,711,712"_s << u"710,711,712"_s;
        QTest::newRow("a ring beside a plain root")
            << u"800@100 801<800 811<810 810<811"_s << u"800/1(801) 810*/1(811/1(810^))"_s
            << u"801,810,811"_s << u"800,810,811"_s;
        QTest::newRow("a prepared transaction blocks")
            << u"900<0 901<900"_s << u"0/2(900/1(901))"_s << u"900,901"_s << u"0,900"_s;
        QTest::newRow("a blocker missing from the activity")
            << u"950<999 951<999"_s << u"999/2(950 951)"_s << u"950,951"_s << u"999"_s;
        // PostgreSQL names for the third in a row's queue the holder and the second: the tree
        // shows the queue as a chain, not the third under the holder a second time.
        QTest::newRow("a queue on one row is a chain")
            << u"970@5000 971<970 972<970,971 973<970,971,972"_s << u"970/3(971/2(972/1(973)))"_s
            << u"971,972,973"_s << u"970,971,972"_s;
        // Waiting for two that wait for each other keeps both: neither is only above the other.
        QTest::newRow("behind a ring, under both of its members")
            << u"981<980 980<981 982<980,981"_s << u"980*/2(981/2(980^ 982) 982=981)"_s
            << u"980,981,982"_s << u"980,981"_s;
        QTest::newRow("the same blocker named twice")
            << u"960 961<960,960"_s << u"960/1(961)"_s << u"961"_s << u"960"_s;
    }

    void tree()
    {
        QFETCH(QString, activity);
        QFETCH(QString, expected);
        QFETCH(QString, waiting);
        QFETCH(QString, blocking);
        const QList<ActivityRow> rows = activityFrom(activity);
        QCOMPARE(joined(waitingPids(rows)), waiting);
        QCOMPARE(joined(blockingPids(rows)), blocking);

        const LockTree tree = buildLockTree(rows);
        QCOMPARE(drawTree(tree), expected);
        QCOMPARE(tree.isEmpty(), expected.isEmpty());

        // Every node agrees with its parent; depth counts the steps from its root.
        for (int index = 0; index < tree.nodes.size(); ++index) {
            const LockTreeNode &node = tree.nodes.at(index);
            if (node.parent < 0) {
                QVERIFY(tree.roots.contains(index));
                QCOMPARE(node.depth, 0);
            } else {
                QVERIFY(tree.nodes.at(node.parent).children.contains(index));
                QCOMPARE(node.depth, tree.nodes.at(node.parent).depth + 1);
            }
            if (node.closesCycle || node.shownUnder >= 0)
                QVERIFY(node.children.isEmpty());
        }
        // Every session that waits or blocks is in the tree, and only those.
        QList<int> involved = waitingPids(rows) + blockingPids(rows);
        std::sort(involved.begin(), involved.end());
        involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
        QList<int> sessions;
        for (const ActivityRow &session : tree.sessions)
            sessions.append(session.pid);
        std::sort(sessions.begin(), sessions.end());
        QCOMPARE(sessions, involved);

        LockTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setActivity(rows);
        QString fromModel = expected;
        fromModel.replace(u'*', u'~').replace(u'^', u'~');
        fromModel.remove(QRegularExpression(u"=\\d+"_s));
        QCOMPARE(drawModel(model, {}), fromModel);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(LockTreeModel::IsRootRole).toBool());
        // Back to no contention: the model empties.
        model.setActivity(activityFrom(u"1 2"_s));
        QCOMPARE(model.rowCount(), 0);
    }

    void pidsPerDepth()
    {
        // A holds t1; B holds t2 and waits for t1; C waits for t2 — and D waits for A too.
        const LockTree tree = buildLockTree(activityFrom(u"10@500 11<10 12<11 13<10"_s));
        QMap<int, QList<int>> byDepth;
        for (int index = 0; index < tree.nodes.size(); ++index)
            byDepth[tree.nodes.at(index).depth].append(tree.sessionOf(index).pid);
        QCOMPARE(byDepth.value(0), QList<int>{10});
        QCOMPARE(byDepth.value(1), (QList<int>{11, 13}));
        QCOMPARE(byDepth.value(2), QList<int>{12});
        QCOMPARE(byDepth.size(), 3);
    }

    // A refresh with the same waits updates the rows in place (a selected blocker stays
    // selected); a changed shape resets the model.
    void refreshKeepsRowsWhileTheShapeStays()
    {
        LockTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setActivity(activityFrom(u"100@5000 101<100 102<101"_s));
        const QPersistentModelIndex waiter = model.index(0, 0, model.index(0, 0));
        QCOMPARE(waiter.data(LockTreeModel::PidRole).toInt(), 101);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setActivity(activityFrom(u"100@6000 101<100 102<101"_s));
        QCOMPARE(resets.size(), 0);
        QVERIFY(changes.size() >= 1);
        QVERIFY(waiter.isValid());
        QCOMPARE(waiter.data(LockTreeModel::PidRole).toInt(), 101);
        model.setActivity(activityFrom(u"100@6000 101<100 102<100"_s));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    }

    // The "Waits for" cell: a waiter's wait; a root's side of it, the lock it holds that its
    // waiters want (a relation by name, else the lock type); nothing for a root that holds
    // nothing known.
    void waitsForShowsWhatTheRootHolds()
    {
        QList<ActivityRow> activity = activityFrom(u"100 101<100 200 201<200 300 301<300"_s);
        activity[0].heldMode = u"RowExclusiveLock"_s;
        activity[0].heldLockType = u"relation"_s;
        activity[0].heldRelation = u"accounts"_s;
        activity[1].waitingMode = u"ShareLock"_s;
        activity[1].waitingLockType = u"transactionid"_s;
        activity[1].waitingRelation = u"transaction 731"_s;
        activity[2].heldMode = u"ExclusiveLock"_s;
        activity[2].heldLockType = u"advisory"_s;
        // The waiter holds something too, but waits: its wait is what the cell says.
        activity[5].heldMode = u"ExclusiveLock"_s;
        activity[5].heldLockType = u"tuple"_s;
        activity[5].heldRelation = u"accounts"_s;
        activity[5].waitingMode = u"ExclusiveLock"_s;
        activity[5].waitingLockType = u"tuple"_s;
        activity[5].waitingRelation = u"accounts"_s;
        LockTreeModel model;
        QAbstractItemModelTester tester(&model);
        model.setActivity(activity);
        QMap<int, QString> cells;
        const auto collect = [&](const auto &self, const QModelIndex &parent) -> void {
            for (int row = 0; row < model.rowCount(parent); ++row) {
                const QModelIndex index = model.index(row, 0, parent);
                cells.insert(index.data(LockTreeModel::PidRole).toInt(),
                             index.siblingAtColumn(LockTreeModel::WaitsFor).data().toString());
                self(self, index);
            }
        };
        collect(collect, {});
        QCOMPARE(cells.value(100), u"holds RowExclusiveLock on accounts"_s);
        QCOMPARE(cells.value(101), u"ShareLock on transactionid transaction 731"_s);
        QCOMPARE(cells.value(200), u"holds ExclusiveLock on advisory"_s);
        QCOMPARE(cells.value(300), QString());
        QCOMPARE(cells.value(301), u"ExclusiveLock on tuple accounts"_s);
        QCOMPARE(cells.size(), 6);
    }

    // Found by fuzz_lock_tree: a session waiting for itself and behind a ring of one was never
    // reached. Every session that waits or blocks is in the tree.
    void selfWaitsAndRingsReachEverySession()
    {
        const QList<ActivityRow> activity = activityFrom(u"0<4,3,0 2<8,0 3<3"_s);
        const LockTree tree = buildLockTree(activity);
        QSet<int> reached;
        for (const LockTreeNode &node : tree.nodes)
            reached.insert(tree.sessions.at(node.session).pid);
        QCOMPARE(reached, (QSet<int>{0, 2, 3, 4, 8}));
    }

    void unknownBlockersSayWhy()
    {
        const LockTree prepared = buildLockTree(activityFrom(u"900<0"_s));
        QVERIFY(prepared.sessionOf(prepared.roots.first()).query.contains(u"pg_prepared_xacts"_s));
        const LockTree missing = buildLockTree(activityFrom(u"950<999"_s));
        QVERIFY(missing.sessionOf(missing.roots.first()).query.contains(u"pg_stat_activity"_s));
        // The waiter's own row is kept as read.
        QCOMPARE(missing.sessionOf(missing.nodes.at(missing.roots.first()).children.first()).query,
                 u"UPDATE t SET v = v + 1 WHERE id = 950"_s);
    }

    void denseGraphStaysLinear()
    {
        // Every waiter waits for every holder: each waiter is spelled out once, then referred to.
        QStringList spec;
        QStringList holders;
        for (int holder = 1; holder <= 20; ++holder) {
            spec.append(QString::number(holder));
            holders.append(QString::number(holder));
        }
        for (int waiter = 100; waiter < 140; ++waiter)
            spec.append(u"%1<%2"_s.arg(waiter).arg(holders.join(u',')));
        const LockTree tree = buildLockTree(activityFrom(spec.join(u' ')));
        QCOMPARE(tree.roots.size(), 20);
        QCOMPARE(tree.nodes.size(), 20 + 20 * 40);
        QCOMPARE(tree.nodes.at(tree.roots.first()).blockedTotal, 40);
        int shownElsewhere = 0;
        for (const LockTreeNode &node : tree.nodes)
            shownElsewhere += node.shownUnder >= 0 ? 1 : 0;
        QCOMPARE(shownElsewhere, 19 * 40);
    }
};

QTEST_GUILESS_MAIN(LockTreeTest)
#include "tst_locktree.moc"
