// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbookoutlinemodel.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/runbooksession.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString Seed000 =
    QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/000_fd0a1e1682d72f15.txt");

QString sampleFile(const QString &name)
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/") + name;
}

struct Shape {
    int rows = 0;     // every row in the tree
    int maxDepth = 0; // 1 for top-level rows
};

Shape shapeOf(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 1)
{
    Shape shape;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        const Shape below = shapeOf(model, child, depth + 1);
        shape.rows += 1 + below.rows;
        shape.maxDepth = std::max({shape.maxDepth, depth, below.maxDepth});
    }
    return shape;
}

// Every row's heading is deeper than its parent's, and rows keep the runbook's order.
void checkNesting(const QAbstractItemModel &model, const QModelIndex &parent, int *lastSection)
{
    const int parentLevel =
        parent.isValid() ? parent.data(RunbookOutlineModel::LevelRole).toInt() : -1;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        QVERIFY(child.data(RunbookOutlineModel::LevelRole).toInt() > parentLevel);
        const int section = child.data(RunbookOutlineModel::SectionRole).toInt();
        QCOMPARE(section, *lastSection + 1);
        *lastSection = section;
        checkNesting(model, child, lastSection);
    }
}

int steps(const QModelIndex &index)
{
    return index.data(RunbookOutlineModel::TotalStepsRole).toInt();
}

int done(const QModelIndex &index)
{
    return index.data(RunbookOutlineModel::DoneStepsRole).toInt();
}

} // namespace

class RunbookOutlineModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure_data();
    void structure();
    void seedNestsByHeadingLevel();
    void levelsThatSkipNestUnderTheLastShallowerHeading();
    void doneCountsFollowTheSession();
    void reloadFollowsANewRunbook();
};

void RunbookOutlineModelTest::structure_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("topLevelRows");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("steps");

    // 000: one "# " title; 10 "## ", 25 "### ", 17 "#### " outside fences, no level skipped
    // (awk over the file); 33 ```bash fences and no task items: 33 steps.
    QTest::addRow("seed 000") << Seed000 << 1 << 53 << 4 << 33;
    // Text before the first heading is a row of its own and holds no subsections: "# Deploy"
    // stays top-level. Deploy: 2 commands and 2 checks; the untyped letter, the yaml and the
    // markdown fences are references, and "# Not a section" is inside a fence.
    QTest::addRow("preamble and code headings")
        << sampleFile(u"nested-and-code-headings.md"_s) << 2 << 2 << 1 << 4;
    QTest::addRow("preamble and a level-2 heading")
        << sampleFile(u"html-and-preamble.md"_s) << 2 << 2 << 1 << 0;
    // "$ " and "# " lines are three commands; the expected output is not a step.
    QTest::addRow("console") << sampleFile(u"console.md"_s) << 1 << 1 << 1 << 3;
}

void RunbookOutlineModelTest::structure()
{
    QFETCH(QString, path);
    QFETCH(int, topLevelRows);
    QFETCH(int, rows);
    QFETCH(int, maxDepth);
    QFETCH(int, steps);

    QVERIFY2(QFile::exists(path), qPrintable(path));
    RunbookSession session(nullptr, {});
    session.setRunbook(loadRunbookFile(path), QString());
    RunbookOutlineModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), topLevelRows);
    QCOMPARE(model.columnCount(), int(RunbookOutlineModel::ColumnCount));
    const Shape shape = shapeOf(model);
    QCOMPARE(shape.rows, rows);
    QCOMPARE(shape.rows, int(session.runbook().sections.size()));
    QCOMPARE(shape.maxDepth, maxDepth);
    int lastSection = -1;
    checkNesting(model, {}, &lastSection);
    if (QTest::currentTestFailed())
        return;
    int total = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        total += ::steps(model.index(row, 0));
    QCOMPARE(total, steps);
    QCOMPARE(total, session.stepCount());
}

void RunbookOutlineModelTest::seedNestsByHeadingLevel()
{
    RunbookSession session(nullptr, {});
    session.setRunbook(loadRunbookFile(Seed000), QString());
    RunbookOutlineModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), u"Wiki Documentation App - Operations Runbook"_s);
    QCOMPARE(model.rowCount(root), 10);
    QCOMPARE(model.index(0, 0, root).data().toString(), u"Table of Contents"_s);
    QCOMPARE(model.rowCount(model.index(0, 0, root)), 0);
    QVERIFY(model.flags(model.index(0, 0, root)).testFlag(Qt::ItemNeverHasChildren));
    const QModelIndex daily = model.index(1, 0, root);
    QCOMPARE(daily.data().toString(), u"Daily Operations"_s);
    QCOMPARE(model.rowCount(daily), 3); // Morning Health Check, Log Review, Resource Monitoring
    QCOMPARE(model.index(0, 0, daily).data().toString(), u"Morning Health Check"_s);
    QCOMPARE(model.parent(model.index(0, 0, daily)), daily);
    const QModelIndex alerts = model.index(2, 0, model.index(2, 0, root));
    QCOMPARE(alerts.data().toString(), u"Alert Response Procedures"_s);
    QCOMPARE(model.rowCount(alerts), 3); // High CPU, High Memory, Service Down: level 4
    QCOMPARE(model.index(1, 0, alerts).data().toString(), u"High Memory Usage Alert"_s);

    // Counts include subsections; the steps column says "done/total", empty without steps.
    QCOMPARE(steps(root), 33);
    QCOMPARE(steps(daily), 3);
    QCOMPARE(model.index(1, RunbookOutlineModel::StepsColumn, root).data().toString(), u"0/3"_s);
    QCOMPARE(model.index(0, RunbookOutlineModel::StepsColumn, root).data().toString(), QString());
    QCOMPARE(model.indexOfSection(RunbookOutlineModel::sectionOf(daily)), daily);
    QCOMPARE(model.sectionAndSubsections(RunbookOutlineModel::sectionOf(daily)).size(), 4);
}

void RunbookOutlineModelTest::levelsThatSkipNestUnderTheLastShallowerHeading()
{
    const QByteArray text = "# A\n## B\n#### C\n### D\n## E\n# F\n### G\n";
    RunbookSession session(nullptr, {});
    session.setRunbook(parseRunbook(text, u"skip.md"_s), QString());
    RunbookOutlineModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const auto titles = [&model](const QModelIndex &parent) {
        QStringList names;
        for (int row = 0; row < model.rowCount(parent); ++row)
            names.append(model.index(row, 0, parent).data().toString());
        return names;
    };
    QCOMPARE(titles({}), (QStringList{u"A"_s, u"F"_s}));
    const QModelIndex a = model.index(0, 0);
    QCOMPARE(titles(a), (QStringList{u"B"_s, u"E"_s}));
    QCOMPARE(titles(model.index(0, 0, a)), (QStringList{u"C"_s, u"D"_s}));
    QCOMPARE(titles(model.index(1, 0)), QStringList{u"G"_s});
    QCOMPARE(model.sectionAndSubsections(0), (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(model.sectionAndSubsections(5), (QList<int>{5, 6}));
}

void RunbookOutlineModelTest::doneCountsFollowTheSession()
{
    RunbookSession session(nullptr, {});
    session.setRunbook(loadRunbookFile(Seed000), QString());
    RunbookOutlineModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex root = model.index(0, 0);
    const QModelIndex daily = model.index(1, 0, root);
    const QModelIndex morning = model.index(0, 0, daily);
    const int morningSection = RunbookOutlineModel::sectionOf(morning);
    QCOMPARE(session.stepsOfSection(morningSection).size(), 1);
    const RunbookStepId step = session.stepsOfSection(morningSection).constFirst();
    QVERIFY(!morning.data(RunbookOutlineModel::AllDoneRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    session.setDone(step, true);
    // The section and every heading above it changed; nothing else.
    QCOMPARE(changed.size(), 3);
    QCOMPARE(done(morning), 1);
    QVERIFY(morning.data(RunbookOutlineModel::AllDoneRole).toBool());
    QCOMPARE(model.index(0, RunbookOutlineModel::StepsColumn, daily).data().toString(), u"1/1"_s);
    QCOMPARE(done(daily), 1);
    QVERIFY(!daily.data(RunbookOutlineModel::AllDoneRole).toBool());
    QCOMPARE(model.index(1, RunbookOutlineModel::StepsColumn, root).data().toString(), u"1/3"_s);
    QCOMPARE(done(root), 1);
    QCOMPARE(done(model.index(2, 0, root)), 0);

    // The other two steps of Daily Operations complete it.
    for (const RunbookStepId &other : session.stepsOfSection(RunbookOutlineModel::sectionOf(daily)))
        session.setDone(other, true);
    QVERIFY(daily.data(RunbookOutlineModel::AllDoneRole).toBool());
    QCOMPARE(done(root), 3);

    session.setDone(step, false);
    QCOMPARE(done(morning), 0);
    QVERIFY(!morning.data(RunbookOutlineModel::AllDoneRole).toBool());
    QCOMPARE(done(daily), 2);
    QCOMPARE(done(root), 2);
}

void RunbookOutlineModelTest::reloadFollowsANewRunbook()
{
    RunbookSession session(nullptr, {});
    session.setRunbook(loadRunbookFile(Seed000), QString());
    RunbookOutlineModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(shapeOf(model).rows, 53);

    session.setRunbook(loadRunbookFile(sampleFile(u"nested-and-code-headings.md"_s)), QString());
    // Until reload() the rows describe the old runbook; asking them must not crash.
    model.index(0, 0).data();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"Introduction"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Deploy"_s);
    QCOMPARE(steps(model.index(1, 0)), 4);
    const auto check = std::ranges::find_if(session.steps(), [&session](RunbookStepId step) {
        return session.block(step).kind == RunbookBlock::ManualCheck;
    });
    QVERIFY(check != session.steps().cend());
    session.setDone(*check, true);
    QCOMPARE(model.index(1, RunbookOutlineModel::StepsColumn).data().toString(), u"1/4"_s);
}

QTEST_GUILESS_MAIN(RunbookOutlineModelTest)
#include "tst_runbookoutlinemodel.moc"
