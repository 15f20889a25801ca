// SPDX-License-Identifier: GPL-3.0-or-later
// HealthMonitor's entry point for checks judged elsewhere: declared rows stand on the board
// after the planned ones, are never scheduled, take reported results (undeclared ids are
// ignored), keep their results when declared again and go when their reporter withdraws them.
#include "commandtesting.h"
#include "models/health/healthmonitor.h"
#include "models/workspace/workspaceloader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

namespace {

CheckSpec reported(const QString &id)
{
    CheckSpec spec;
    spec.id = id;
    spec.kind = CheckKind::Backup;
    spec.category = CheckCategory::Backups;
    spec.environment = u"lab"_s;
    spec.host = u"db-1"_s;
    spec.title = id;
    return spec;
}

CheckResult result(const QString &id, Verdict verdict, const QString &summary)
{
    CheckResult made;
    made.checkId = id;
    made.time = QDateTime::currentDateTimeUtc();
    made.verdict = verdict;
    made.summary = summary;
    return made;
}

} // namespace

class ReportedChecksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportedRowsFollowThePlan();
};

void ReportedChecksTest::reportedRowsFollowThePlan()
{
    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    CheckServices services;
    services.runner = &audited.runner;
    HealthMonitor monitor(services, &audited.store);
    QAbstractItemModelTester tester(monitor.board(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&monitor, &HealthMonitor::workspaceChanged);

    const WorkspaceLoadResult loaded =
        parseWorkspace("environments:\n  - name: lab\n    hosts:\n      - name: db-1\n"
                       "        connection: local\n"_ba,
                       u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    monitor.setWorkspace(loaded.workspace);
    QCOMPARE(changed.count(), 1);
    const int planned = monitor.board()->rowCount();
    QVERIFY(planned >= 1); // the host's metrics

    monitor.setReportedChecks(u"backups"_s, {reported(u"lab/db-1/backups:nightly"_s),
                                             reported(u"lab/db-1/backups:wal"_s)});
    QCOMPARE(monitor.board()->rowCount(), planned + 2);
    const int nightly = monitor.board()->rowOf(u"lab/db-1/backups:nightly"_s);
    QCOMPARE(nightly, planned); // after the planned rows
    QVERIFY(!monitor.board()->latest(nightly));

    monitor.reportResult(result(u"lab/db-1/backups:nightly"_s, Verdict::Warning, u"stale"_s));
    monitor.reportResult(result(u"lab/db-1/backups:undeclared"_s, Verdict::Critical, u"x"_s));
    QVERIFY(monitor.board()->latest(nightly));
    QCOMPARE(monitor.board()->latest(nightly)->verdict, Verdict::Warning);
    QCOMPARE(monitor.board()->rowOf(u"lab/db-1/backups:undeclared"_s), -1);
    QCOMPARE(monitor.board()->counts().warning, 1);

    // Declared again (a new workspace): the result of an id that stays is kept.
    monitor.setWorkspace(loaded.workspace);
    QCOMPARE(monitor.board()->rowCount(), planned + 2);
    monitor.setReportedChecks(u"backups"_s, {reported(u"lab/db-1/backups:nightly"_s)});
    QCOMPARE(monitor.board()->rowCount(), planned + 1);
    const int again = monitor.board()->rowOf(u"lab/db-1/backups:nightly"_s);
    QVERIFY(monitor.board()->latest(again));
    QCOMPARE(monitor.board()->latest(again)->summary, u"stale"_s);

    // The scheduler never runs them: started, nothing but the planned checks answers.
    monitor.start();
    QTest::qWait(300);
    QCOMPARE(monitor.board()->latest(again)->summary, u"stale"_s);

    monitor.setReportedChecks(u"backups"_s, {});
    QCOMPARE(monitor.board()->rowCount(), planned);
}

QTEST_GUILESS_MAIN(ReportedChecksTest)
#include "tst_reportedchecks.moc"
