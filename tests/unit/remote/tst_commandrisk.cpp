// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrisk.h"
#include "safetycorpus.h"

#include <QTest>

using namespace OpsDeck;
using namespace OpsDeck::Testing;
using namespace Qt::StringLiterals;

class CommandRiskTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusIsLargeAndCoversEveryLevel();
    void classifies_data();
    void classifies();
    void argvIsJudgedWithoutAShell_data();
    void argvIsJudgedWithoutAShell();
};

void CommandRiskTest::corpusIsLargeAndCoversEveryLevel()
{
    const QList<SafetyCase> corpus = loadSafetyCorpus();
    QVERIFY2(corpus.size() >= 150, qPrintable(QString::number(corpus.size())));
    for (const Risk risk : {Risk::Read, Risk::Change, Risk::Unknown, Risk::Destroy})
        QVERIFY(std::ranges::count(corpus, risk, &SafetyCase::risk) >= 20);
}

void CommandRiskTest::classifies_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("risk");
    QTest::addColumn<QString>("reason");
    for (const SafetyCase &row : loadSafetyCorpus()) {
        QTest::addRow("line %d: %s", row.line, qPrintable(row.command.left(60)))
            << withCanary(row.command, u"/tmp/canary/file"_s, u"/tmp/canary"_s) << riskId(row.risk)
            << withCanary(row.reason, u"/tmp/canary/file"_s, u"/tmp/canary"_s);
    }
}

void CommandRiskTest::classifies()
{
    QFETCH(QString, command);
    QFETCH(QString, risk);
    QFETCH(QString, reason);
    const RiskAssessment assessment = assessCommandRisk(command);
    QCOMPARE(riskId(assessment.risk), risk);
    if (reason.isEmpty())
        QVERIFY2(assessment.reason.isEmpty(), qPrintable(assessment.reason));
    else
        QVERIFY2(assessment.reason.contains(reason, Qt::CaseInsensitive),
                 qPrintable(assessment.reason));
}

void CommandRiskTest::argvIsJudgedWithoutAShell_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("risk");
    // No shell reads these words: a ';' or '$' in an argument is only text.
    QTest::newRow("ls") << QStringList{u"ls"_s, u"-la"_s, u"/tmp"_s} << u"read"_s;
    QTest::newRow("semicolon is text") << QStringList{u"echo"_s, u"a; rm -f /tmp/x"_s} << u"read"_s;
    QTest::newRow("dollar is text") << QStringList{u"cat"_s, u"$(rm x)"_s} << u"read"_s;
    QTest::newRow("rm") << QStringList{u"rm"_s, u"-f"_s, u"/tmp/x"_s} << u"destroy"_s;
    QTest::newRow("sh -c") << QStringList{u"sh"_s, u"-c"_s, u"rm -f /tmp/x"_s} << u"destroy"_s;
    QTest::newRow("unknown") << QStringList{u"frobnicate"_s} << u"unknown"_s;
    // The backup catalog reads the start of lz4 files like the other compressors'.
    QTest::newRow("lz4 -dc") << QStringList{u"lz4"_s, u"-dcq"_s, u"--"_s, u"a.lz4"_s} << u"read"_s;
    QTest::newRow("lz4 in place") << QStringList{u"lz4"_s, u"-d"_s, u"a.lz4"_s} << u"change"_s;
}

void CommandRiskTest::argvIsJudgedWithoutAShell()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, risk);
    QCOMPARE(riskId(assessArgv(argv).risk), risk);
}

QTEST_GUILESS_MAIN(CommandRiskTest)
#include "tst_commandrisk.moc"
