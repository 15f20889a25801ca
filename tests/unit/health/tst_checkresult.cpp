// SPDX-License-Identifier: GPL-3.0-or-later
// Thresholds judged in both directions, at and around their limits; verdicts combined and
// turned into exit codes as monitoring plugins do.
#include "models/health/checkresult.h"

#include <QTest>

using namespace OpsDeck;

class CheckResultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgeAgainstThresholds_data()
    {
        QTest::addColumn<bool>("higherIsWorse");
        QTest::addColumn<double>("warning");
        QTest::addColumn<double>("critical");
        QTest::addColumn<double>("value");
        QTest::addColumn<Verdict>("expected");
        // CPU %: warning at 80, critical at 95 (the seeds' host thresholds).
        QTest::newRow("cpu below warning") << true << 80.0 << 95.0 << 79.9 << Verdict::Ok;
        QTest::newRow("cpu at warning") << true << 80.0 << 95.0 << 80.0 << Verdict::Warning;
        QTest::newRow("cpu between") << true << 80.0 << 95.0 << 90.0 << Verdict::Warning;
        QTest::newRow("cpu at critical") << true << 80.0 << 95.0 << 95.0 << Verdict::Critical;
        QTest::newRow("cpu above critical") << true << 80.0 << 95.0 << 100.0 << Verdict::Critical;
        // Certificate days left: lower is worse, warning at 30, critical at 7.
        QTest::newRow("cert far") << false << 30.0 << 7.0 << 90.0 << Verdict::Ok;
        QTest::newRow("cert at warning") << false << 30.0 << 7.0 << 30.0 << Verdict::Warning;
        QTest::newRow("cert soon") << false << 30.0 << 7.0 << 3.0 << Verdict::Critical;
        QTest::newRow("cert expired") << false << 30.0 << 7.0 << -2.0 << Verdict::Critical;
    }

    void judgeAgainstThresholds()
    {
        QFETCH(bool, higherIsWorse);
        QFETCH(double, warning);
        QFETCH(double, critical);
        QFETCH(double, value);
        QFETCH(Verdict, expected);
        Threshold threshold;
        threshold.warning = warning;
        threshold.critical = critical;
        threshold.direction =
            higherIsWorse ? Threshold::Direction::Above : Threshold::Direction::Below;
        QCOMPARE(judge(value, threshold), expected);
    }

    void exitCodesAsMonitoringPlugins()
    {
        QCOMPARE(exitCodeFor(Verdict::Ok), 0);
        QCOMPARE(exitCodeFor(Verdict::Warning), 1);
        QCOMPARE(exitCodeFor(Verdict::Critical), 2);
        QCOMPARE(exitCodeFor(Verdict::Unknown), 3);
        QCOMPARE(worseForExitCode(Verdict::Ok, Verdict::Warning), Verdict::Warning);
        QCOMPARE(worseForExitCode(Verdict::Critical, Verdict::Warning), Verdict::Critical);
        QCOMPARE(worseForExitCode(Verdict::Critical, Verdict::Unknown), Verdict::Unknown);
        QCOMPARE(verdictId(Verdict::Critical), QStringLiteral("CRITICAL"));
    }
};

QTEST_GUILESS_MAIN(CheckResultTest)
#include "tst_checkresult.moc"
