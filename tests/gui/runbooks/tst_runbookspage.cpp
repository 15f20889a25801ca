// SPDX-License-Identifier: GPL-3.0-or-later
// The runbooks page: the library (built-in runbooks and a folder), opening one from the list
// and any Markdown file from disk, in the background.
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "screenshots.h"
#include "widgets/runbooks/runbookspage.h"
#include "widgets/runbooks/runbookview.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RunbooksPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsOpensAndReportsErrors();
};

void RunbooksPageTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck-test"_s);
    QSettings().clear();
}

void RunbooksPageTest::listsOpensAndReportsErrors()
{
    QTemporaryDir directory;
    StateStore store;
    store.open(directory.filePath(u"state.sqlite"_s));
    AuditLog auditLog(&store);
    ReadOnlyMode readOnly(false);
    CommandRunner runner(&auditLog, &readOnly);
    RunbookLibrary library;
    RunbooksPage page(
        &runner, [](const QString &) { return nullptr; }, &library);
    page.resize(1180, 700);
    page.show();

    Workspace workspace = builtInWorkspace();
    workspace.filePath = QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/workspace.yaml");
    workspace.runbookFolders = {u"drill"_s}; // relative to the workspace file's folder
    QSignalSpy scanned(&library, &RunbookLibrary::scanned);
    page.setWorkspace(workspace);
    QVERIFY(scanned.wait(10000));
    QCOMPARE(library.rowCount(), 13); // twelve built in, one in the folder
    QCOMPARE(page.list()->model()->rowCount(), 13);

    // Choosing a runbook in the list opens it.
    const QModelIndex drill = page.list()->model()->index(12, 0);
    QCOMPARE(drill.data().toString(), u"Drill service unhealthy"_s);
    page.list()->setCurrentIndex(drill);
    QCOMPARE(page.session()->runbook().title, u"Drill service unhealthy"_s);
    QCOMPARE(page.openPath(),
             QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill/incident-drill.md"));

    // A seed from disk, read in the background.
    const QString seed =
        QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/002_0c5c8760a781de0d.txt");
    page.openFile(seed);
    QTRY_COMPARE(page.openPath(), seed);
    QVERIFY(page.session()->stepCount() > 40); // 18 steps and 28 checks
    saveScreenshot(page, u"runbooks-page-seed"_s);

    // The seed's table of contents links to its sections by anchor.
    QLabel *contents = nullptr;
    for (QLabel *label : page.view()->findChildren<QLabel *>(u"prose"_s)) {
        if (label->text().contains(u"(#backup-and-recovery)"_s))
            contents = label;
    }
    QVERIFY(contents);
    Q_EMIT contents->linkActivated(u"#backup-and-recovery"_s);
    QCOMPARE(page.session()->runbook().sections.at(page.view()->currentSection()).title,
             u"Backup and Recovery"_s);

    // A file that is not there: the page says which and why; the open runbook stays.
    const QString missing = directory.filePath(u"nope.md"_s);
    page.openFile(missing);
    QTRY_VERIFY(page.findChild<QLabel *>() != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QLabel *label : page.findChildren<QLabel *>()) {
                if (label->text().contains(missing))
                    return true;
            }
            return false;
        }(),
        5000);
    QCOMPARE(page.openPath(), seed);
}

QTEST_MAIN(RunbooksPageTest)
#include "tst_runbookspage.moc"
