// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbooklibrary.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RunbookLibraryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansBuiltInAndFolders();
    void modelFollowsTheFolders();
};

void RunbookLibraryTest::scansBuiltInAndFolders()
{
    QTemporaryDir empty;
    const QList<RunbookEntry> entries =
        scanRunbookFolders({QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill"), empty.path(),
                            empty.filePath(u"does-not-exist"_s)});
    QCOMPARE(entries.size(), 13);
    // Built-in ones first, sorted by title; then the folder's.
    QVERIFY(entries.constFirst().isBuiltIn());
    QCOMPARE(entries.constFirst().title, u"Complete outage"_s);
    QCOMPARE(entries.constFirst().severity, u"SEV-1"_s);
    QVERIFY(!entries.constFirst().symptom.isEmpty());
    QVERIFY(entries.constFirst().folder.isEmpty());
    const RunbookEntry &drill = entries.constLast();
    QVERIFY(!drill.isBuiltIn());
    QCOMPARE(drill.title, u"Drill service unhealthy"_s);
    QCOMPARE(drill.runnableSteps, 4);
    QCOMPARE(drill.warnings, 0);
    QCOMPARE(drill.runbook.sections.size(), 10); // parsed once, kept for opening
    QCOMPARE(drill.folder, QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill"));

    // A file without a title is listed under its name; non-Markdown files are not listed.
    QFile untitled(empty.filePath(u"notes.md"_s));
    QVERIFY(untitled.open(QIODevice::WriteOnly));
    untitled.write("no heading here\n");
    untitled.close();
    QFile other(empty.filePath(u"script.sh"_s));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    const QList<RunbookEntry> mine = scanRunbookFolders({empty.path()}, false);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.constFirst().title, u"notes"_s);
}

void RunbookLibraryTest::modelFollowsTheFolders()
{
    RunbookLibrary library;
    QAbstractItemModelTester tester(&library,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy scanned(&library, &RunbookLibrary::scanned);
    library.setFolders({u"drill"_s}, QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks"));
    // A second request while the first scan runs is not lost: the newest folders win.
    library.setFolders({}, {});
    QVERIFY(scanned.wait(10000));
    QTRY_COMPARE(library.rowCount(), 12);
    QVERIFY(!library.isScanning());

    library.setFolders({u"drill"_s}, QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks"));
    QVERIFY(scanned.wait(10000));
    QCOMPARE(library.rowCount(), 13);
    const int row = library.rowOfPath(
        QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill/incident-drill.md"));
    QCOMPARE(row, 12);
    QCOMPARE(library.index(row, RunbookLibrary::SeverityColumn).data().toString(), u"SEV-2"_s);
    QCOMPARE(library.index(0, RunbookLibrary::SourceColumn).data().toString(), u"Built in"_s);
    QVERIFY(library.index(0, 0).data(RunbookLibrary::BuiltInRole).toBool());
    QCOMPARE(library.rowOfPath(u"/nowhere.md"_s), -1);

    library.setFolders({u"~/runbooks"_s, u"/abs"_s}, u"/base"_s);
    QCOMPARE(library.folders(), (QStringList{QDir::homePath() + u"/runbooks"_s, u"/abs"_s}));
}

QTEST_GUILESS_MAIN(RunbookLibraryTest)
#include "tst_runbooklibrary.moc"
