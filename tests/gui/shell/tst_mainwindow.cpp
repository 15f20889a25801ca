// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"
#include "models/audit/auditlog.h"
#include "models/containers/containerlistmodel.h"
#include "models/core/paths.h"
#include "models/core/risk.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "models/workspace/workspacedocument.h"
#include "models/workspace/workspacemodel.h"
#include "screenshots.h"
#include "testfiles.h"
#include "widgets/common/appearance.h"
#include "widgets/containers/containerspage.h"
#include "widgets/dashboard/checkdetails.h"
#include "widgets/dashboard/dashboardpage.h"
#include "widgets/incidents/incidentpage.h"
#include "widgets/incidents/incidentwizard.h"
#include "widgets/logs/logpage.h"
#include "widgets/logs/logtab.h"
#include "widgets/remote/runcommandpage.h"
#include "widgets/runbooks/runbookspage.h"
#include "widgets/shell/commandpalette.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/workspace/hosteditdialog.h"
#include "widgets/workspace/workspacetree.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QAction *action(QWidget &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}

QStringList visibleTreeTexts(QTreeView *view)
{
    QStringList texts;
    for (QModelIndex index = view->model()->index(0, 0); index.isValid();
         index = view->indexBelow(index))
        texts.append(index.data().toString());
    return texts;
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensOnThisComputer();
    void showsWorkspaceFileAndItsDetails();
    void brokenWorkspaceShowsProblemsWithLocations();
    void commandPaletteJumpsToPagesHostsAndActions();
    void readOnlyModeBlocksWorkspaceEdits();
    void editHostDialogChangesOnlyThoseLines();
    void windowStateIsRemembered();
    void keyboardReachesEverything();
    void settingsSwitchToDarkPalette();
    void lostAuditWriteIsShown();
    void logSourceOpensOnTheLogsPage();
    void containersPagePollsWhileShownAndOpensExec();
    void redCheckLeadsToItsRunbookAndAnIncident();

private:
    std::unique_ptr<QTemporaryDir> m_directory;
};

void MainWindowTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
}

void MainWindowTest::init()
{
    QSettings().clear();
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
}

void MainWindowTest::opensOnThisComputer()
{
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.document()->workspace().isBuiltIn());
    QCOMPARE(window.windowTitle(), u"This computer"_s);
    // Only pages that exist: no placeholders for features still to come.
    QCOMPARE(window.pageIds(), (QStringList{u"dashboard"_s, u"overview"_s, u"console"_s, u"audit"_s,
                                            u"problems"_s, u"runbooks"_s, u"incident"_s, u"logs"_s,
                                            u"containers"_s, u"databases"_s, u"backups"_s}));
    QCOMPARE(window.currentPageId(), u"dashboard"_s);
    // The tenth page is Ctrl+0, as on the keyboard's number row.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_0));
    QCOMPARE(window.currentPageId(), u"databases"_s);
    // The eleventh has no digit left: Ctrl+Shift+B.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QCOMPARE(window.currentPageId(), u"backups"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
    QCOMPARE(window.currentPageId(), u"dashboard"_s);

    QTreeView *tree = window.workspaceTree()->view();
    new QAbstractItemModelTester(tree->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, tree);
    const QStringList rows = visibleTreeTexts(tree);
    QCOMPARE(rows.size(), 2); // the environment, expanded, and this computer under it
    QCOMPARE(rows.at(0), u"This computer"_s);
    auto *connections = window.findChild<QLabel *>(u"connectionsStatus"_s);
    QCOMPARE(connections->text(), u"Hosts: 1 local · 0 connected"_s);
    // The state store opens in the background under the XDG data directory.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(Paths::stateDatabaseFile()), 5000);
    saveScreenshot(window, u"main-window-this-computer"_s);
}

void MainWindowTest::showsWorkspaceFileAndItsDetails()
{
    Desktop desktop(
        {QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"), false});
    MainWindow &window = desktop.window();
    // One load, one rebuild of the views (not one per signal the load sends).
    QSignalSpy resets(window.workspaceTree()->view()->model(), &QAbstractItemModel::modelReset);
    window.resize(1180, 740);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->workspace().name, u"Acme"_s, 5000);
    QCoreApplication::processEvents(); // the load's signals all come from one handler
    QCOMPARE(resets.size(), 1);
    QCOMPARE(window.windowTitle(), u"Acme"_s);
    QTreeView *tree = window.workspaceTree()->view();
    QTRY_COMPARE(visibleTreeTexts(tree),
                 (QStringList{u"production"_s, u"bastion"_s, u"web-1"_s, u"db-1"_s}));

    window.workspaceTree()->selectId(u"production/db-1"_s);
    tree->expand(tree->currentIndex());
    window.workspaceTree()->selectId(u"production/db-1/database:wiki"_s);
    auto *overview = window.findChild<QWidget *>(u"overviewPage"_s);
    QStringList labels;
    const QList<QLabel *> all = overview->findChildren<QLabel *>();
    for (const QLabel *label : all)
        labels.append(label->text());
    QVERIFY2(labels.contains(u"127.0.0.1:5432"_s), qPrintable(labels.join(u" | ")));
    QVERIFY(labels.contains(u"require"_s));

    // Filter by tag: only web-1 and its environment remain.
    window.workspaceTree()->focusFilter();
    QTest::keyClicks(QApplication::focusWidget(), u"frontend"_s);
    QTRY_COMPARE(visibleTreeTexts(tree), (QStringList{u"production"_s, u"web-1"_s}));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    qobject_cast<QLineEdit *>(QApplication::focusWidget())->clear();
    window.workspaceTree()->selectId(u"production/web-1"_s);
    saveScreenshot(window, u"main-window-workspace"_s);
}

void MainWindowTest::brokenWorkspaceShowsProblemsWithLocations()
{
    const QString path = m_directory->filePath(u"broken.yaml"_s);
    QFile::copy(
        QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/broken/thresholds-escalation.yaml"), path);
    const QByteArray before = readFile(path);
    Desktop desktop({path, false});
    MainWindow &window = desktop.window();
    window.resize(1180, 600);
    window.show();
    QSignalSpy failed(window.document(), &WorkspaceDocument::loadFailed);
    QVERIFY(failed.wait(5000));
    QCOMPARE(window.currentPageId(), u"problems"_s);
    QVERIFY(window.document()->workspace().isBuiltIn()); // nothing broken replaces it
    auto *table = window.findChild<QWidget *>(u"problemsPage"_s)->findChild<QTableView *>();
    new QAbstractItemModelTester(table->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, table);
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->index(0, 2).data().toInt(), 4);
    QCOMPARE(table->model()->index(0, 3).data().toInt(), 24);
    auto *problems = window.findChild<QToolButton *>(u"problemsStatus"_s);
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->text(), u"Errors: 4 · Warnings: 0"_s);
    QCOMPARE(readFile(path), before);
    saveScreenshot(window, u"problems-page"_s);
}

void MainWindowTest::commandPaletteJumpsToPagesHostsAndActions()
{
    Desktop desktop(
        {QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"), false});
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->workspace().name, u"Acme"_s, 5000);

    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_K));
    CommandPalette *palette = window.commandPalette();
    QTRY_VERIFY(palette->isVisible());
    new QAbstractItemModelTester(palette->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, palette);
    QTest::keyClicks(palette->input(), u"probl"_s);
    QCOMPARE(palette->model()->index(0).data().toString(), u"Problems"_s);
    saveScreenshot(window, u"command-palette-window"_s);
    saveScreenshot(*palette, u"command-palette"_s);
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QCOMPARE(window.currentPageId(), u"problems"_s);

    // A host by part of its address.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_K));
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->input(), u"db-1"_s);
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QCOMPARE(window.currentPageId(), u"overview"_s);
    QCOMPARE(window.workspaceTree()->currentId(), u"production/db-1"_s);

    // An action: read-only mode.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_K));
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->input(), u"read-only"_s);
    QCOMPARE(palette->model()->index(0).data().toString(), u"Turn On Read-Only Mode"_s);
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QVERIFY(window.readOnlyMode()->isEnabled());

    // Escape closes without acting.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_K));
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClick(palette->input(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QVERIFY(window.readOnlyMode()->isEnabled());
}

void MainWindowTest::readOnlyModeBlocksWorkspaceEdits()
{
    Desktop desktop(
        {QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"), true});
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.readOnlyMode()->isEnabled());
    QVERIFY(!action(window, "editHost")->isEnabled());
    QVERIFY(!action(window, "addHost")->isEnabled());
    QVERIFY(action(window, "toggleReadOnly")->isChecked());
    QVERIFY(!window.readOnlyMode()->permits(Risk::Change));
    QVERIFY(window.readOnlyMode()->permits(Risk::Read));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY(!window.readOnlyMode()->isEnabled());
    QVERIFY(action(window, "editHost")->isEnabled());
    QVERIFY(!action(window, "toggleReadOnly")->isChecked());
}

void MainWindowTest::editHostDialogChangesOnlyThoseLines()
{
    const QString path = m_directory->filePath(u"workspace.yaml"_s);
    QVERIFY(
        QFile::copy(QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = readFile(path);
    Desktop desktop({path, false});
    MainWindow &window = desktop.window();
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->workspace().name, u"Acme"_s, 5000);
    window.workspaceTree()->selectId(u"production/web-1"_s);

    // An edit the file cannot take: web-1 renamed to a name db-1 has. The dialog stays open
    // with the reason, and the file is not touched.
    action(window, "editHost")->trigger();
    auto *dialog = qobject_cast<HostEditDialog *>(QApplication::activeModalWidget());
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>();
    QVERIFY(name);
    QCOMPARE(name->text(), u"web-1"_s);
    name->setText(u"db-1"_s);
    QMetaObject::invokeMethod(dialog, "accept");
    QVERIFY(dialog->isSaving()); // the answer comes from the worker
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSaving(), 5000);
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(u"hostEditError"_s);
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"so it was not saved"_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"db-1"_s), qPrintable(error->text()));
    QCOMPARE(readFile(path), before);
    const QPointer<QWidget> rejected(dialog);
    dialog->reject();
    QTRY_VERIFY(rejected.isNull()); // deleted on close

    // Change the port, save: the dialog closes once the file is written.
    action(window, "editHost")->trigger();
    dialog = qobject_cast<HostEditDialog *>(QApplication::activeModalWidget());
    QVERIFY(dialog);
    saveScreenshot(*dialog, u"edit-host-dialog"_s);
    auto *port = dialog->findChild<QSpinBox *>();
    QVERIFY(port);
    port->setValue(2222);
    const QPointer<QWidget> saved(dialog);
    QMetaObject::invokeMethod(dialog, "accept");
    QTRY_VERIFY_WITH_TIMEOUT(saved.isNull(), 5000);
    QCOMPARE(window.document()->workspace().findHost(u"web-1")->port, 2222);
    QByteArray expected = before;
    expected.replace("        jump: bastion\n        tags: [web, frontend]\n",
                     "        jump: bastion\n        tags: [web, frontend]\n        port: 2222\n");
    QCOMPARE(readFile(path), expected);
}

void MainWindowTest::windowStateIsRemembered()
{
    {
        Desktop desktop;
        MainWindow &window = desktop.window();
        window.resize(1000, 650);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(u"problems"_s);
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_B)); // hide the sidebar
        window.close();
    }
    Desktop againDesktop;
    MainWindow &again = againDesktop.window();
    again.show();
    again.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    QCOMPARE(again.size(), QSize(1000, 650));
    QCOMPARE(again.currentPageId(), u"problems"_s);
    QVERIFY(!again.workspaceTree()->isVisible());
    QVERIFY(!action(again, "toggleSidebar")->isChecked());
}

void MainWindowTest::keyboardReachesEverything()
{
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_5));
    QCOMPARE(window.currentPageId(), u"problems"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_4));
    QCOMPARE(window.currentPageId(), u"audit"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_3));
    QCOMPARE(window.currentPageId(), u"console"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_2));
    QCOMPARE(window.currentPageId(), u"overview"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
    QCOMPARE(window.currentPageId(), u"dashboard"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_L));
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // into the tree
    QCOMPARE(QApplication::focusWidget(), window.workspaceTree()->view());
    QVERIFY(!window.workspaceTree()->currentId().isEmpty());
    // Every menu action has a text, and the ones users reach for have shortcuts.
    for (const char *name : {"openWorkspace", "reloadWorkspace", "quit", "settings",
                             "commandPalette", "toggleReadOnly", "filterWorkspace", "editHost",
                             "addHost", "toggleSidebar", "toggleFullScreen"})
        QVERIFY2(!action(window, name)->shortcut().isEmpty(), name);
}

void MainWindowTest::settingsSwitchToDarkPalette()
{
    Desktop desktop(
        {QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"), false});
    MainWindow &window = desktop.window();
    window.resize(1180, 740);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->workspace().name, u"Acme"_s, 5000);
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        const QList<QComboBox *> combos = dialog->findChildren<QComboBox *>();
        QCOMPARE(combos.size(), 2); // language, appearance
        QComboBox *theme = combos.at(1);
        theme->setCurrentIndex(theme->findData(u"dark"_s));
        saveScreenshot(*dialog, u"settings-dialog"_s);
        QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
    });
    action(window, "settings")->trigger();
    QCOMPARE(QSettings().value(u"ui/theme"_s).toString(), u"dark"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    window.workspaceTree()->selectId(u"production/db-1"_s);
    saveScreenshot(window, u"main-window-dark"_s);
    // Back to the desktop's palette for the tests that follow.
    Appearance::apply(u"system"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
}

void MainWindowTest::lostAuditWriteIsShown()
{
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // What AuditLog reports once the end of a command could not be written, retries and all.
    const QString message = u"Cannot write the end of audit entry 12 to state.sqlite: disk full"_s;
    Q_EMIT desktop.services().auditLog()->writeFailed(message);
    QCOMPARE(window.statusBar()->currentMessage(), u"Audit log incomplete: "_s + message);
    // It stays until something else is said: no timeout hides it.
    QTest::qWait(200);
    QCOMPARE(window.statusBar()->currentMessage(), u"Audit log incomplete: "_s + message);
}

void MainWindowTest::containersPagePollsWhileShownAndOpensExec()
{
    // The fake kubectl stands in on this computer; docker and podman are whatever is installed.
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
    qputenv("OPSDECK_FAKE_KUBECTL_PODS",
            OPSDECK_SOURCE_DIR "/tests/data/containers/kubectl/pods-list.json");
    qputenv("OPSDECK_FAKE_KUBECTL_WORKLOADS",
            OPSDECK_SOURCE_DIR "/tests/data/containers/kubectl/workloads.json");
    const auto restore = qScopeGuard([&] {
        qputenv("PATH", path);
        qunsetenv("OPSDECK_FAKE_KUBECTL_PODS");
        qunsetenv("OPSDECK_FAKE_KUBECTL_WORKLOADS");
    });
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ContainersPage *page = window.containersPage();
    QCOMPARE(page->listModel()->rowCount(), 0); // hidden: nothing is read
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_9));
    QCOMPARE(window.currentPageId(), u"containers"_s);
    const QString host = window.document()->workspace().environments[0].hosts[0].name;
    const auto podRow = [&] {
        for (int row = 0; row < page->listModel()->rowCount(); ++row) {
            if (!page->listModel()->isPlaceholder(row) &&
                page->listModel()->rowAt(row).name == u"web-7c9f8d6b5-abcde")
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(podRow() >= 0, 20000);
    QVERIFY(page->selectKey(page->listModel()->rowAt(podRow()).key()));
    QCOMPARE(page->currentRow()->host, host);
    page->execAction()->trigger();
    QCOMPARE(window.currentPageId(), u"console"_s);
    QCOMPARE(window.runCommandPage()->checkedHosts(), QStringList{host});
    const QString typed = window.runCommandPage()->commandInput()->text();
    QVERIFY2(typed.startsWith(u"kubectl "_s) && typed.contains(u" exec "_s) &&
                 typed.endsWith(u"-- "_s),
             qPrintable(typed));
}

void MainWindowTest::redCheckLeadsToItsRunbookAndAnIncident()
{
    // A service nobody answers for: its health check turns red on the Dashboard.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const QString runbook = m_directory->filePath(u"api-outage.md"_s);
    QFile runbookFile(runbook);
    QVERIFY(runbookFile.open(QIODevice::WriteOnly));
    runbookFile.write("# API Outage\n\n## Diagnosis\n\n```bash\nuptime\n```\n");
    runbookFile.close();
    const QString workspace = m_directory->filePath(u"red.yaml"_s);
    QFile workspaceFile(workspace);
    QVERIFY(workspaceFile.open(QIODevice::WriteOnly));
    workspaceFile.write("environments:\n"
                        "  - name: here\n"
                        "    hosts:\n"
                        "      - name: box\n"
                        "        connection: local\n"
                        "        metrics: false\n"
                        "        services:\n"
                        "          - name: api\n"
                        "            health: http://127.0.0.1:" +
                        QByteArray::number(port) +
                        "/health\n"
                        "            runbook: " +
                        runbook.toUtf8() + "\n");
    workspaceFile.close();

    // A state store of its own: the incident this test declares stays out of the other tests'.
    const QByteArray dataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_directory->filePath(u"data"_s)));
    const auto restoreDataHome = qScopeGuard([&] { qputenv("XDG_DATA_HOME", dataHome); });
    Desktop desktop({workspace, false});
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    DashboardPage *dashboard = window.dashboardPage();
    const QString checkId = u"here/box/api:health"_s;
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->shownCount(Verdict::Critical) == 1, 30000);
    dashboard->openDetails(checkId);
    CheckDetails *details = dashboard->details();
    QVERIFY(details->runbookButton()->isVisible());
    QVERIFY(details->runbookButton()->isEnabled());

    // Open Runbook: the Runbooks page with the check's runbook.
    details->runbookButton()->click();
    QCOMPARE(window.currentPageId(), u"runbooks"_s);
    QTRY_COMPARE(window.runbooksPage()->openPath(), runbook);

    // Declare Incident: the wizard with the check's title; once declared, the evidence is the
    // first note on the timeline.
    window.showPage(u"dashboard"_s);
    QVERIFY(details->incidentButton()->isVisible());
    details->incidentButton()->click();
    QCOMPARE(window.currentPageId(), u"incident"_s);
    IncidentWizard *wizard = window.incidentPage()->wizard();
    QVERIFY(wizard);
    QVERIFY2(wizard->titleEdit()->text().contains(u"api"_s),
             qPrintable(wizard->titleEdit()->text()));
    QCOMPARE(wizard->currentId(), int(IncidentWizard::SymptomPageId));
    wizard->next();
    wizard->next(); // declares
    IncidentResponse *response = window.incidentPage()->response();
    QTRY_VERIFY_WITH_TIMEOUT(response->incident()->isActive(), 10000);
    IncidentTimelineModel *timeline = response->incident()->timelineModel();
    const auto timelineTexts = [&] {
        QStringList texts;
        for (int row = 0; row < timeline->rowCount(); ++row) {
            const QModelIndex index = timeline->index(row, IncidentTimelineModel::SummaryColumn);
            texts.append(index.data().toString() + u'\n' +
                         index.data(IncidentTimelineModel::OutputRole).toString());
        }
        return texts;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(
        timelineTexts().join(u'\n').contains(u"Check api health ("_s + checkId + u"): Critical"_s),
        qPrintable(timelineTexts().join(u" | "_s)), 10000);
    wizard->reject();
}

void MainWindowTest::logSourceOpensOnTheLogsPage()
{
    const QString log = m_directory->filePath(u"app.log"_s);
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::WriteOnly));
    for (int i = 0; i < 50; ++i)
        logFile.write("2024-05-01T12:00:00Z INFO request " + QByteArray::number(i) + '\n');
    logFile.close();
    const QString workspace = m_directory->filePath(u"logs.yaml"_s);
    QFile workspaceFile(workspace);
    QVERIFY(workspaceFile.open(QIODevice::WriteOnly));
    workspaceFile.write("environments:\n"
                        "  - name: here\n"
                        "    hosts:\n"
                        "      - name: box\n"
                        "        connection: local\n"
                        "        logs:\n"
                        "          - name: app\n"
                        "            kind: file\n"
                        "            target: " +
                        log.toUtf8() + "\n");
    workspaceFile.close();

    Desktop desktop({workspace, false});
    MainWindow &window = desktop.window();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->workspace().findHost(u"box"_s), 5000);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_8));
    QCOMPARE(window.currentPageId(), u"logs"_s);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));

    // Enter on the log source in the tree opens it on the Logs page.
    window.workspaceTree()->selectId(u"here/box/log:app"_s);
    window.workspaceTree()->view()->setFocus();
    QTest::keyClick(window.workspaceTree()->view(), Qt::Key_Return);
    QCOMPARE(window.currentPageId(), u"logs"_s);
    LogPage *logs = window.logPage();
    QCOMPARE(logs->tabCount(), 1);
    LogTab *tab = logs->currentTab();
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 50, 5000);

    // In the log, Ctrl+B is a bookmark; elsewhere it is still the sidebar.
    tab->view()->setFocus();
    tab->view()->setCurrentLine(3);
    QTest::keyClick(tab->view(), Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(tab->view()->bookmarks(), QList<qint64>{3});
    QVERIFY(window.workspaceTree()->isVisible());
    window.workspaceTree()->view()->setFocus();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_B));
    QVERIFY(!window.workspaceTree()->isVisible());
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
