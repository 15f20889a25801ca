// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"
#include "app/services.h"
#include "models/audit/auditlog.h"
#include "models/core/paths.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandsessionmodel.h"
#include "models/workspace/workspacedocument.h"
#include "screenshots.h"
#include "widgets/remote/runcommandpage.h"
#include "widgets/shell/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// Answers the next modal dialog from the event loop.
void whenDialogOpens(const std::function<void(QWidget *)> &act)
{
    QTimer::singleShot(0, [act] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        act(QApplication::activeModalWidget());
    });
}

} // namespace

class RunCommandPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void runsOnThisComputerAndStreamsOutput();
    void readOnlyModeRefusesADestructiveCommand();
    void destructiveCommandNeedsTheHostNameTyped();
    void historyWalksWithUpAndDown();
    void secretsAreMaskedInHistoryAndAudit_data();
    void secretsAreMaskedInHistoryAndAudit();
};

void RunCommandPageTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
}

void RunCommandPageTest::init()
{
    QSettings().clear();
}

void RunCommandPageTest::runsOnThisComputerAndStreamsOutput()
{
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.resize(1180, 740);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(u"console"_s);
    RunCommandPage *page = window.runCommandPage();
    new QAbstractItemModelTester(page->session(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, page);
    QCOMPARE(page->checkedHosts(), QStringList{});
    const QString host = window.document()->workspace().environments[0].hosts[0].name;
    page->checkOnly(host);
    page->commandInput()->setText(u"echo hello; echo oops >&2; exit 2"_s);
    QTest::keyClick(page->commandInput(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 10000);
    QCOMPARE(page->session()->rowAt(0).result.exitCode, 2);
    QCOMPARE(page->session()->index(0, CommandSessionModel::ResultColumn).data().toString(),
             u"exit 2"_s);
    QCOMPARE(page->outputView()->toPlainText(), u"hello\noops\n"_s);
    saveScreenshot(window, u"run-command-page"_s);
}

void RunCommandPageTest::readOnlyModeRefusesADestructiveCommand()
{
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"keep"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    Desktop desktop({QString(), true});
    MainWindow &window = desktop.window();
    window.show();
    RunCommandPage *page = window.runCommandPage();
    page->checkOnly(window.document()->workspace().environments[0].hosts[0].name);
    page->commandInput()->setText(u"rm -f "_s + victim);
    QString shown;
    whenDialogOpens([&](QWidget *dialog) {
        shown = qobject_cast<QMessageBox *>(dialog)->text();
        qobject_cast<QDialog *>(dialog)->reject();
    });
    page->run();
    QVERIFY2(shown.startsWith(u"Read-only mode is on"), qPrintable(shown));
    QVERIFY2(shown.contains(u"`rm` deletes or overwrites data"), qPrintable(shown));
    QVERIFY(QFile::exists(victim));
    QCOMPARE(page->session()->rowCount(), 0);
}

void RunCommandPageTest::destructiveCommandNeedsTheHostNameTyped()
{
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"remove-me"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    RunCommandPage *page = window.runCommandPage();
    const QString host = window.document()->workspace().environments[0].hosts[0].name;
    page->checkOnly(host);
    page->commandInput()->setText(u"rm -f "_s + victim);

    // A wrong name keeps the Run button disabled; cancelling runs nothing.
    whenDialogOpens([](QWidget *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), u"not-the-host"_s);
        qobject_cast<QDialog *>(dialog)->reject();
    });
    page->run();
    QVERIFY(QFile::exists(victim));

    whenDialogOpens([host](QWidget *dialog) {
        saveScreenshot(*dialog, u"destroy-confirmation"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), host);
        qobject_cast<QDialog *>(dialog)->accept();
    });
    page->run();
    QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 10000);
    QVERIFY(page->session()->rowAt(0).result.succeeded());
    QVERIFY(!QFile::exists(victim));
}

void RunCommandPageTest::historyWalksWithUpAndDown()
{
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    RunCommandPage *page = window.runCommandPage();
    page->checkOnly(window.document()->workspace().environments[0].hosts[0].name);
    for (const QString &command : {u"echo one"_s, u"echo two"_s}) {
        page->commandInput()->setText(command);
        page->run();
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 10000);
    }
    page->commandInput()->clear();
    QTest::keyClick(page->commandInput(), Qt::Key_Up);
    QCOMPARE(page->commandInput()->text(), u"echo two"_s);
    QTest::keyClick(page->commandInput(), Qt::Key_Up);
    QCOMPARE(page->commandInput()->text(), u"echo one"_s);
    QTest::keyClick(page->commandInput(), Qt::Key_Down);
    QCOMPARE(page->commandInput()->text(), u"echo two"_s);
}

void RunCommandPageTest::secretsAreMaskedInHistoryAndAudit_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("shown");
    QTest::newRow("PGPASSWORD") << u"PGPASSWORD=pw-%1; echo set"_s
                                << u"PGPASSWORD=********; echo set"_s;
    QTest::newRow("url with credentials")
        << u"echo https://ops:pw-%1@api.local/"_s << u"echo https://ops:********@api.local/"_s;
    QTest::newRow("bearer token") << u"echo 'Authorization: Bearer tok-%1'"_s
                                  << u"echo 'Authorization: Bearer ********'"_s;
}

void RunCommandPageTest::secretsAreMaskedInHistoryAndAudit()
{
    QFETCH(QString, command);
    QFETCH(QString, shown);
    const QString marker = u"opsdeck%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    Desktop desktop;
    MainWindow &window = desktop.window();
    window.show();
    RunCommandPage *page = window.runCommandPage();
    page->checkOnly(window.document()->workspace().environments[0].hosts[0].name);
    page->commandInput()->setText(command.arg(marker));
    page->run();
    QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 10000);
    QVERIFY(page->session()->rowAt(0).result.succeeded());
    QCOMPARE(page->session()->commandText(), shown);

    page->commandInput()->clear();
    QTest::keyClick(page->commandInput(), Qt::Key_Up);
    QCOMPARE(page->commandInput()->text(), shown);
    QCOMPARE(QSettings().value(u"console/history"_s).toStringList().value(0), shown);

    std::optional<StoreResult<QList<AuditEntry>>> answer;
    QObject context;
    desktop.services().auditLog()->query(
        {}, &context, [&answer](const StoreResult<QList<AuditEntry>> &result) { answer = result; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY(answer->ok() && !answer->value().isEmpty());
    QCOMPARE(answer->value().constFirst().command, shown);
}

QTEST_MAIN(RunCommandPageTest)
#include "tst_runcommandpage.moc"
