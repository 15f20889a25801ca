// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/runbookoutlinemodel.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/runbooksession.h"
#include "models/workspace/workspace.h"
#include "screenshots.h"
#include "statetesting.h"
#include "widgets/runbooks/runbookconfirmation.h"
#include "widgets/runbooks/runbookstepcard.h"
#include "widgets/runbooks/runbookview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString sampleFile(const QString &name)
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/") + name;
}

// Answers the next modal dialog from the event loop.
void whenDialogOpens(const std::function<void(QWidget *)> &act)
{
    QTimer::singleShot(0, [act] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        act(QApplication::activeModalWidget());
    });
}

// Takes the URLs QDesktopServices would hand to a browser or another program, so that a test
// sees what would have opened and nothing really does.
class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    static const QStringList &schemes()
    {
        static const QStringList all{u"http"_s, u"https"_s, u"file"_s,   u"javascript"_s,
                                     u"data"_s, u"ssh"_s,   u"vscode"_s, u"mailto"_s};
        return all;
    }
    UrlCatcher()
    {
        for (const QString &scheme : schemes())
            QDesktopServices::setUrlHandler(scheme, this, "open");
    }
    ~UrlCatcher() override
    {
        for (const QString &scheme : schemes())
            QDesktopServices::unsetUrlHandler(scheme);
    }
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// Where the steps of view-sample.md are: {section, block}.
const RunbookStepId Hello{1, 1};
const RunbookStepId ChooseGreeting{1, 3};
const RunbookStepId Greet{1, 5};
const RunbookStepId Goodbye{1, 7};
const RunbookStepId Fails{2, 0};
const RunbookStepId FriendlyCheck{2, 1};
const RunbookStepId TwoLines{2, 3};
const RunbookStepId Sleeps{2, 5};

bool isInViewport(const RunbookView &view, const QWidget *card)
{
    const QScrollArea *area = view.documentArea();
    const QPoint topLeft = card->mapTo(area->viewport(), QPoint(0, 0));
    const QRect inViewport(topLeft, card->size());
    return area->viewport()->rect().intersects(inViewport) &&
           inViewport.top() >= -1; // its top (Run, the code) is on screen
}

} // namespace

class RunbookViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsOutlineDocumentAndProgress();
    void runsStepsAndCarriesVariablesAndPlaceholders();
    void runSectionStopsAtTheFailingStep();
    void stopCancelsARunningStep();
    void runLineRunsOnlyTheLineUnderTheCursor();
    void keyboardRunsTheFocusedCardAndFiltersSections();
    void destructiveStepWantsTheHostNameTyped();
    void confirmationDoesNotBlock();
    void showsTheRunbooksWarnings();
    void sectionFilterAndHiddenOutline();
    void splitterIsRemembered();
    void rendersASeedWithoutCuttingCode();
    void proseLinksOpenOnlyWebPagesAfterAsking_data();
    void proseLinksOpenOnlyWebPagesAfterAsking();
    void showsHowWildStepsRun();
    void streamingStepEndsWithStop();

private:
    void createView(const Runbook &runbook, const QString &sourceId);
    RunbookStepCard *card(RunbookStepId step) const;
    QString hostName() const { return m_workspace.environments[0].hosts[0].name; }

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<LocalExecutor> m_local;
    std::unique_ptr<CommandRunner> m_runner;
    std::unique_ptr<RunbookSession> m_session;
    std::unique_ptr<RunbookView> m_view;
    Workspace m_workspace;
};

void RunbookViewTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
}

void RunbookViewTest::init()
{
    QSettings().clear();
    m_directory = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<StateStore>();
    QVERIFY(StateTesting::openStore(*m_store, m_directory->filePath(u"state.sqlite"_s)));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_readOnly = std::make_unique<ReadOnlyMode>(false);
    m_runner = std::make_unique<CommandRunner>(m_auditLog.get(), m_readOnly.get());
    m_workspace = builtInWorkspace();
    // A second name for this computer, so steps have a host to choose.
    Host spare = m_workspace.environments[0].hosts[0];
    spare.name = u"spare"_s;
    m_workspace.environments[0].hosts.append(spare);
    m_local = std::make_unique<LocalExecutor>(hostName());
    m_session =
        std::make_unique<RunbookSession>(m_runner.get(), [this](const QString &host) -> Executor * {
            return host == hostName() || host == u"spare"_s ? m_local.get() : nullptr;
        });
    m_session->setWorkspace(m_workspace);
}

void RunbookViewTest::cleanup()
{
    if (m_session)
        m_session->stop();
    m_view.reset();
    m_session.reset();
    m_runner.reset();
    m_local.reset();
    m_auditLog.reset();
    m_store.reset();
}

void RunbookViewTest::createView(const Runbook &runbook, const QString &sourceId)
{
    m_session->setRunbook(runbook, sourceId);
    m_view = std::make_unique<RunbookView>(m_session.get());
    m_view->resize(1280, 860);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

RunbookStepCard *RunbookViewTest::card(RunbookStepId step) const
{
    RunbookStepCard *found = m_view->cardFor(step);
    if (!found)
        qWarning("no card for step %d/%d", step.section, step.block);
    return found;
}

void RunbookViewTest::showsOutlineDocumentAndProgress()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    QCOMPARE(m_view->findChild<QLabel *>(u"runbookTitle"_s)->text(), u"Greeting service runbook"_s);
    QCOMPARE(m_view->hostCombo()->currentText(), hostName());
    QCOMPARE(m_view->hostCombo()->count(), 2);
    QVERIFY(!m_view->databaseCombo()->isEnabled()); // no SQL steps
    QVERIFY(!m_view->warningLabel()->isVisibleTo(m_view.get()));

    // The outline nests the "##" sections under the title; the first section with text is
    // chosen, and its page shows everything under it.
    const QAbstractItemModel *outline = m_view->outlineView()->model();
    QCOMPARE(outline->rowCount(), 1);
    QCOMPARE(outline->rowCount(outline->index(0, 0)), 2);
    QCOMPARE(outline->index(1, 0, outline->index(0, 0)).data().toString(), u"Checks"_s);
    QCOMPARE(m_view->currentSection(), 0);
    QCOMPARE(m_view->shownSections(), (QList<int>{0, 1, 2}));
    QCOMPARE(m_view->cards().size(), 8);
    for (const RunbookStepId &step :
         {Hello, ChooseGreeting, Greet, Goodbye, Fails, FriendlyCheck, TwoLines, Sleeps})
        QVERIFY(card(step));
    QVERIFY(m_session->block(FriendlyCheck).kind == RunbookBlock::ManualCheck);
    QCOMPARE(m_view->progressBar()->text(), u"0 of 8 steps done"_s);

    // Risk badge, placeholder form, prose with its link.
    QCOMPARE(card(Hello)->riskBadge()->text(), u"Read"_s);
    QVERIFY(card(Greet)->placeholderEdit(u"<name>"_s));
    QVERIFY(!card(Greet)->placeholderEdit(u"$GREETING"_s)); // assigned by an earlier step
    QVERIFY(!card(Hello)->runLineButton()->isVisibleTo(card(Hello)));
    QVERIFY(card(TwoLines)->runLineButton()->isVisibleTo(card(TwoLines)));
    bool linked = false;
    for (const QLabel *label : m_view->findChildren<QLabel *>(u"prose"_s))
        linked = linked || (label->textFormat() == Qt::MarkdownText &&
                            label->text().contains(u"https://example.org/dashboards/greeting"_s));
    QVERIFY(linked);
    saveScreenshot(*m_view, u"runbook-view"_s);
}

void RunbookViewTest::runsStepsAndCarriesVariablesAndPlaceholders()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_view->selectSection(1);
    QCOMPARE(m_view->shownSections(), QList<int>{1});
    QVERIFY(!m_view->cardFor(Fails));

    QTest::mouseClick(card(Hello)->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(Hello).state == StepState::Succeeded, 10000);
    QCOMPARE(card(Hello)->outputView()->toPlainText(), u"hello\n"_s);
    QVERIFY2(card(Hello)->statusLabel()->text().startsWith(u"exit 0 · "_s),
             qPrintable(card(Hello)->statusLabel()->text()));
    QVERIFY(card(Hello)->statusLabel()->text().endsWith(u" ms"_s) ||
            card(Hello)->statusLabel()->text().endsWith(u" s"_s));
    QVERIFY(card(Hello)->doneBox()->isChecked());
    QCOMPARE(m_view->progressBar()->text(), u"1 of 8 steps done"_s);

    // Without a value for <name> Run waits, and the card says for which value.
    QVERIFY(!card(Greet)->runButton()->isEnabled());
    auto *missing = card(Greet)->findChild<QLabel *>(u"missingValues"_s);
    QVERIFY(missing && missing->isVisibleTo(card(Greet)));
    QCOMPARE(missing->text(), u"Fill in <name> to run this step."_s);
    // Run anyway (Ctrl+Return): refused, and says why.
    card(Greet)->run();
    QVERIFY(m_session->stepRun(Greet).state == StepState::Refused);
    QVERIFY2(card(Greet)->statusLabel()->text().startsWith(u"refused: "_s),
             qPrintable(card(Greet)->statusLabel()->text()));
    QVERIFY(card(Greet)->statusLabel()->text().contains(u"<name>"_s));

    QTest::mouseClick(card(ChooseGreeting)->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(ChooseGreeting).state == StepState::Succeeded,
                             10000);
    QCOMPARE(m_session->variables().value(u"GREETING"_s), u"hi"_s);
    QCOMPARE(card(ChooseGreeting)->outputView()->toPlainText(), u"greeting chosen\n"_s);

    // One value for the whole runbook: typing it in one card fills the other.
    QTest::keyClicks(card(Greet)->placeholderEdit(u"<name>"_s), u"world"_s);
    QCOMPARE(m_session->placeholderValue(u"<name>"_s), u"world"_s);
    QCOMPARE(card(Goodbye)->placeholderEdit(u"<name>"_s)->text(), u"world"_s);

    QVERIFY(card(Greet)->runButton()->isEnabled());
    QVERIFY(!missing->isVisibleTo(card(Greet)));
    QTest::mouseClick(card(Greet)->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(Greet).state == StepState::Succeeded, 10000);
    QCOMPARE(card(Greet)->outputView()->toPlainText(), u"hi world\n"_s);

    // The step's own host: "spare" is this computer under another name.
    QComboBox *target = card(Goodbye)->targetCombo();
    QVERIFY(target->isVisibleTo(card(Goodbye)));
    QCOMPARE(target->itemText(0), u"Default host (%1)"_s.arg(hostName()));
    target->setCurrentIndex(target->findData(u"spare"_s));
    Q_EMIT target->activated(target->currentIndex());
    QCOMPARE(m_session->targetOf(Goodbye), u"spare"_s);
    QTest::mouseClick(card(Goodbye)->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(Goodbye).state == StepState::Succeeded, 10000);
    QCOMPARE(m_session->stepRun(Goodbye).target, u"spare"_s);
    QCOMPARE(card(Goodbye)->outputView()->toPlainText(), u"goodbye world\n"_s);

    QTest::keyClicks(card(Goodbye)->notesEdit(), u"said goodbye"_s);
    QCOMPARE(m_session->stepRun(Goodbye).notes, u"said goodbye"_s);
    QCOMPARE(m_view->progressBar()->text(), u"4 of 8 steps done"_s);
    const QModelIndex sayHello = m_view->outlineModel()->indexOfSection(1);
    QCOMPARE(sayHello.siblingAtColumn(RunbookOutlineModel::StepsColumn).data().toString(),
             u"4/4"_s);
    QVERIFY(sayHello.data(RunbookOutlineModel::AllDoneRole).toBool());

    // Unticking a step takes it off the progress.
    card(Hello)->doneBox()->click();
    QVERIFY(!m_session->stepRun(Hello).done);
    QCOMPARE(m_view->progressBar()->text(), u"3 of 8 steps done"_s);
    saveScreenshot(*m_view, u"runbook-view-ran"_s);
}

void RunbookViewTest::runSectionStopsAtTheFailingStep()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_session->setPlaceholderValue(u"<name>"_s, u"team"_s);
    // The whole runbook is on the page; the failing step is far below the first screen.
    QCOMPARE(m_view->currentSection(), 0);
    QVERIFY(!isInViewport(*m_view, card(Fails)));

    QSignalSpy finished(m_session.get(), &RunbookSession::sectionFinished);
    QVERIFY(m_view->runSectionButton()->isEnabled());
    QTest::mouseClick(m_view->runSectionButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(1).toBool(), false);

    for (const RunbookStepId &step : {Hello, ChooseGreeting, Greet, Goodbye})
        QVERIFY(m_session->stepRun(step).state == StepState::Succeeded);
    QCOMPARE(card(Greet)->outputView()->toPlainText(), u"hi team\n"_s);
    QVERIFY(m_session->stepRun(Fails).state == StepState::Failed);
    QVERIFY2(card(Fails)->statusLabel()->text().startsWith(u"exit 1 · "_s),
             qPrintable(card(Fails)->statusLabel()->text()));
    QVERIFY(!card(Fails)->doneBox()->isChecked());
    QVERIFY(m_session->stepRun(TwoLines).state == StepState::NotRun);
    QVERIFY(m_session->stepRun(Sleeps).state == StepState::NotRun);
    QCOMPARE(m_view->progressBar()->text(), u"4 of 8 steps done"_s);
    // The page scrolled to where the run stopped.
    QTRY_VERIFY(isInViewport(*m_view, card(Fails)));
    QVERIFY(!card(Fails)->isHighlighted());
    QVERIFY(m_view->runSectionButton()->isEnabled());
    QVERIFY(!m_view->stopButton()->isEnabled());
    saveScreenshot(*m_view, u"runbook-view-section-failed"_s);

    // Run Section on "Say hello" alone succeeds.
    m_view->selectSection(1);
    finished.clear();
    QTest::mouseClick(m_view->runSectionButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(1).toBool(), true);
}

void RunbookViewTest::stopCancelsARunningStep()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_view->selectSection(2);
    RunbookStepCard *sleeper = card(Sleeps);
    QVERIFY(!sleeper->stopButton()->isEnabled());
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(sleeper->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_session->isRunning());
    QVERIFY(m_session->stepRun(Sleeps).state == StepState::Running);
    QVERIFY(sleeper->isHighlighted());
    QVERIFY(sleeper->stopButton()->isEnabled());
    QVERIFY(m_view->stopButton()->isEnabled());
    QVERIFY(!card(TwoLines)->runButton()->isEnabled()); // one step at a time
    QVERIFY(!m_view->runSectionButton()->isEnabled());
    QVERIFY(sleeper->statusLabel()->text().startsWith(u"running on "_s));
    saveScreenshot(*m_view, u"runbook-view-running"_s);

    QTest::mouseClick(sleeper->stopButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isRunning(), 10000);
    QVERIFY(clock.elapsed() < 20000);
    QVERIFY(m_session->stepRun(Sleeps).state == StepState::Cancelled);
    QVERIFY2(sleeper->statusLabel()->text().startsWith(u"cancelled · "_s),
             qPrintable(sleeper->statusLabel()->text()));
    QVERIFY(!sleeper->isHighlighted());
    QVERIFY(card(TwoLines)->runButton()->isEnabled());

    // Esc stops too, while something runs.
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::mouseClick(sleeper->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_session->isRunning());
    sleeper->codeView()->setFocus();
    QTest::keyClick(sleeper->codeView(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isRunning(), 10000);
    QVERIFY(m_session->stepRun(Sleeps).state == StepState::Cancelled);
}

void RunbookViewTest::runLineRunsOnlyTheLineUnderTheCursor()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_view->selectSection(2);
    RunbookStepCard *twoLines = card(TwoLines);
    QPlainTextEdit *code = twoLines->codeView();
    code->setTextCursor(QTextCursor(code->document()->findBlockByNumber(1)));
    QCOMPARE(twoLines->lineUnderCursor(), 1);
    QVERIFY(twoLines->runLineButton()->isEnabled());
    QTest::mouseClick(twoLines->runLineButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(TwoLines).state == StepState::Succeeded, 10000);
    QCOMPARE(twoLines->outputView()->toPlainText(), u"second\n"_s);
    QCOMPARE(m_session->stepRun(TwoLines).command, u"echo second"_s);

    // The whole block runs both.
    QTest::mouseClick(twoLines->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(TwoLines).state == StepState::Succeeded &&
                                 !m_session->isRunning(),
                             10000);
    QCOMPARE(twoLines->outputView()->toPlainText(), u"first\nsecond\n"_s);
}

void RunbookViewTest::keyboardRunsTheFocusedCardAndFiltersSections()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_view->selectSection(1);

    // Ctrl+Return runs the card that has the focus.
    card(Hello)->codeView()->setFocus();
    QTest::keyClick(card(Hello)->codeView(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(Hello).state == StepState::Succeeded, 10000);
    QVERIFY(m_session->stepRun(ChooseGreeting).state == StepState::NotRun);

    // Ctrl+Shift+Return runs the chosen section: "Say hello" stops at the empty <name>.
    QSignalSpy finished(m_session.get(), &RunbookSession::sectionFinished);
    QTest::keyClick(card(Hello)->codeView(), Qt::Key_Return,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QVERIFY(m_session->stepRun(Greet).state == StepState::Refused);

    // Ctrl+F goes to the filter; typing keeps the matching sections and their parents.
    QTest::keyClick(m_view.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_view->outlineFilter()->hasFocus());
    QTest::keyClicks(m_view->outlineFilter(), u"check"_s);
    const QAbstractItemModel *outline = m_view->outlineView()->model();
    QCOMPARE(outline->rowCount(), 1);
    QCOMPARE(outline->rowCount(outline->index(0, 0)), 1);
    QCOMPARE(outline->index(0, 0, outline->index(0, 0)).data().toString(), u"Checks"_s);
    QCOMPARE(m_view->shownSections(), QList<int>{1}); // the page stays until a row is chosen
    QVERIFY(!m_view->outlineView()->currentIndex().isValid()); // "Say hello" is filtered out
    saveScreenshot(*m_view, u"runbook-view-filtered"_s);
    m_view->outlineView()->setCurrentIndex(outline->index(0, 0, outline->index(0, 0)));
    QCOMPARE(m_view->currentSection(), 2);
    QCOMPARE(m_view->shownSections(), QList<int>{2});
}

void RunbookViewTest::destructiveStepWantsTheHostNameTyped()
{
    const QString victim = m_directory->filePath(u"remove-me"_s);
    QVERIFY(QFile(victim).open(QIODevice::WriteOnly));
    const QByteArray text = "# Clean up\n\n```bash\nrm -f '" + victim.toUtf8() + "'\n```\n";
    createView(parseRunbook(text, u"cleanup.md"_s), QString());
    const RunbookStepId remove{0, 0};
    QVERIFY(m_session->block(remove).risk == Risk::Destroy);
    QCOMPARE(card(remove)->riskBadge()->text(), u"Destroy"_s);

    whenDialogOpens([](QWidget *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), u"not-the-host"_s);
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(card(remove)->runButton(), Qt::LeftButton);
    // The dialog does not block: it is answered from the event loop after the click.
    QTRY_VERIFY(m_session->stepRun(remove).state == StepState::Refused);
    QTRY_COMPARE(card(remove)->statusLabel()->text(), u"refused: not confirmed"_s);
    QVERIFY(QFile::exists(victim));

    QString shown;
    whenDialogOpens([this, &shown](QWidget *dialog) {
        shown = dialog->findChild<QLabel *>()->text();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), hostName());
        qobject_cast<QDialog *>(dialog)->accept();
    });
    QTest::mouseClick(card(remove)->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(remove).state == StepState::Succeeded, 10000);
    QVERIFY(!QFile::exists(victim));
    QVERIFY2(shown.contains(hostName()), qPrintable(shown));
    QVERIFY(shown.contains(u"line 4"_s));
}

void RunbookViewTest::confirmationDoesNotBlock()
{
    createView(parseRunbook("# Restart\n\n```bash\nsystemctl restart opsdeck-none 2>/dev/null "
                            "|| echo restarted\n```\n",
                            u"restart.md"_s),
               QString());
    const RunbookStepId restart{0, 0};
    QVERIFY(m_session->block(restart).risk == Risk::Change);
    RunbookConfirmation *confirmation = RunbookConfirmation::of(m_session.get());
    QCOMPARE(RunbookConfirmation::of(m_session.get()), confirmation); // one per session

    // The click returns with the question open: no nested event loop ran it.
    QTest::mouseClick(card(restart)->runButton(), Qt::LeftButton);
    auto *box = qobject_cast<QMessageBox *>(confirmation->dialog());
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QVERIFY2(box->text().contains(u"line 4"_s), qPrintable(box->text()));
    QVERIFY2(box->text().contains(u"`systemctl restart`"_s), qPrintable(box->text()));
    QVERIFY(m_session->pendingConfirmation());
    QVERIFY(m_session->stepRun(restart).state == StepState::NotRun);
    QVERIFY(!m_view->runSectionButton()->isEnabled()); // waiting counts as running

    // Withdrawn by Stop: the dialog closes, and its late answer counts for nothing.
    m_session->stop();
    QTRY_VERIFY(!confirmation->dialog());
    QCOMPARE(m_session->stepRun(restart).message, u"stopped before it started"_s);
    QVERIFY(!m_session->isRunning());

    // Asked while no view shows the session: the question waits for one.
    m_view->hide();
    QVERIFY(m_session->run(restart));
    QVERIFY(!confirmation->dialog());
    m_view->show();
    QTRY_VERIFY(confirmation->dialog());
    box = qobject_cast<QMessageBox *>(confirmation->dialog());
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->stepRun(restart).state == StepState::Succeeded, 10000);
    QVERIFY(m_session->stepRun(restart).output.contains(u"restarted"_s));
    QTRY_VERIFY(!confirmation->dialog());
}

void RunbookViewTest::showsTheRunbooksWarnings()
{
    createView(loadRunbookFile(sampleFile(u"heredocs.md"_s)), QString());
    QLabel *warning = m_view->warningLabel();
    QVERIFY(warning->isVisibleTo(m_view.get()));
    QVERIFY2(warning->text().startsWith(u"Line 13: the here-document 'EOF'"_s),
             qPrintable(warning->text()));
    // The block that cannot run whole says so on its card.
    const RunbookStepId unterminated{0, 1};
    QVERIFY(m_session->block(unterminated).unterminatedHeredoc);
    QVERIFY(card(unterminated));
    QVERIFY(!card(unterminated)->runButton()->isEnabled());
    QVERIFY(card(unterminated)->runLineButton()->isVisibleTo(card(unterminated)));
    QVERIFY(card(unterminated)->runLineButton()->isEnabled());
    saveScreenshot(*m_view, u"runbook-view-warnings"_s);
    QTest::mouseClick(m_view->findChild<QToolButton *>(u"dismissWarnings"_s), Qt::LeftButton);
    QVERIFY(!warning->isVisibleTo(m_view.get()));

    m_session->setRunbook(loadRunbookFile(sampleFile(u"double-encoded.md"_s)), QString());
    m_view->reload();
    QVERIFY(warning->isVisibleTo(m_view.get()));
    QCOMPARE(warning->text(), u"Repaired double-encoded UTF-8 in 4 place(s)"_s);
}

void RunbookViewTest::sectionFilterAndHiddenOutline()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), sampleFile(u"view-sample.md"_s));
    m_view->setSectionFilter(
        [](const RunbookSection &section) { return section.title == u"Checks"; });
    QCOMPARE(m_view->shownSections(), QList<int>{2});
    QVERIFY(!m_view->cardFor(Hello));
    QVERIFY(card(Fails));
    // The title row stays as the way to "Checks"; "Say hello" is gone.
    const QAbstractItemModel *outline = m_view->outlineView()->model();
    QCOMPARE(outline->rowCount(outline->index(0, 0)), 1);

    m_view->showOnlySections({1, 2});
    m_view->setOutlineVisible(false);
    QCOMPARE(m_view->shownSections(), (QList<int>{1, 2}));
    QCOMPARE(m_view->currentSection(), -1);
    QVERIFY(card(Hello) && card(Sleeps));
    // Each section on the page has its own Run Section button.
    QCOMPARE(m_view->findChildren<QPushButton *>(u"runThisSection"_s).size(), 2);
    saveScreenshot(*m_view, u"runbook-view-wizard"_s);

    m_view->showStep(Sleeps);
    QTRY_VERIFY(isInViewport(*m_view, card(Sleeps)));
}

void RunbookViewTest::splitterIsRemembered()
{
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), QString());
    auto *splitter = m_view->findChild<QSplitter *>(u"runbookSplitter"_s);
    splitter->setSizes({400, 800});
    const int outlineWidth = splitter->sizes().constFirst();
    m_view.reset();
    createView(loadRunbookFile(sampleFile(u"view-sample.md"_s)), QString());
    QCOMPARE(m_view->findChild<QSplitter *>(u"runbookSplitter"_s)->sizes().constFirst(),
             outlineWidth);
}

void RunbookViewTest::rendersASeedWithoutCuttingCode()
{
    const QString seed =
        QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/003_b05b49d288a4692d.txt");
    QVERIFY2(QFile::exists(seed), qPrintable(seed));
    createView(loadRunbookFile(seed), seed);
    // The seed's headings were double-encoded; the view says they were repaired.
    QVERIFY2(m_view->warningLabel()->text().startsWith(u"Repaired double-encoded UTF-8"_s),
             qPrintable(m_view->warningLabel()->text()));
    int common = -1;
    for (int section = 0; section < m_session->runbook().sections.size(); ++section) {
        if (m_session->runbook().sections[section].title == u"Common Incidents")
            common = section;
    }
    QVERIFY(common >= 0);
    m_view->selectSection(common);
    QCOMPARE(m_view->shownSections().size(), 4); // and its three "####" incidents
    QCOMPARE(m_view->cards().size(), int(m_session->stepsOfSection(common).size()));
    QVERIFY(m_view->cards().size() >= 3);
    QCoreApplication::processEvents();
    for (const RunbookStepCard *shown : m_view->cards()) {
        const QPlainTextEdit *code = shown->codeView();
        if (!code || code->blockCount() > 24)
            continue;
        // Every line of the code is on screen without scrolling inside the card.
        QCOMPARE(code->verticalScrollBar()->maximum(), 0);
        QVERIFY(code->viewport()->height() >=
                code->blockCount() * code->fontMetrics().lineSpacing());
    }
    saveScreenshot(*m_view, u"runbook-view-seed"_s);
}

void RunbookViewTest::proseLinksOpenOnlyWebPagesAfterAsking_data()
{
    QTest::addColumn<QString>("href");
    QTest::addColumn<QString>("dialog"); // "openLink", "refusedLink" or none
    QTest::addColumn<QString>("shown");  // the address the dialog shows; "xn--": punycode
    QTest::addColumn<bool>("accept");    // openLink: Open (true) or Cancel
    QTest::addColumn<QString>("opened"); // what reached the browser
    QTest::addColumn<QString>("reason"); // refusedLink: part of the message

    const QString dashboard = u"https://example.org/dashboards/greeting?from=now-1h"_s;
    QTest::newRow("https, opened")
        << dashboard << u"openLink"_s << dashboard << true << dashboard << QString();
    QTest::newRow("https, cancelled")
        << dashboard << u"openLink"_s << dashboard << false << QString() << QString();
    QTest::newRow("http") << u"http://grafana.internal:3000/d/abc"_s << u"openLink"_s
                          << u"http://grafana.internal:3000/d/abc"_s << true
                          << u"http://grafana.internal:3000/d/abc"_s << QString();
    QTest::newRow("scheme and host in capitals")
        << u"HTTPS://EXAMPLE.ORG/Status"_s << u"openLink"_s << u"https://example.org/Status"_s
        << true << u"https://example.org/Status"_s << QString();
    // The user sees which host it really is.
    QTest::newRow("user info before the host")
        << u"https://example.org@evil.example.net/login"_s << u"openLink"_s
        << u"https://example.org@evil.example.net/login"_s << false << QString() << QString();
    QTest::newRow("look-alike host (Cyrillic a)") << u"https://ex\u0430mple.org/"_s << u"openLink"_s
                                                  << u"xn--"_s << false << QString() << QString();
    QTest::newRow("anchor") << u"#checks"_s << QString() << QString() << false << QString()
                            << QString();
    QTest::newRow("file") << u"file:///etc/passwd"_s << u"refusedLink"_s << u"file:///etc/passwd"_s
                          << false << QString() << u"file: links open files on this computer"_s;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << u"refusedLink"_s
                                << u"javascript:alert(1)"_s << false << QString()
                                << u"javascript: links run code"_s;
    QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD4="_s << u"refusedLink"_s
                          << u"data:text/html;base64,PHNjcmlwdD4="_s << false << QString()
                          << u"data: links carry their own content"_s;
    QTest::newRow("ssh") << u"ssh://root@db1.example.com"_s << u"refusedLink"_s
                         << u"ssh://root@db1.example.com"_s << false << QString()
                         << u"ssh: links hand the address to another program"_s;
    QTest::newRow("custom scheme")
        << u"vscode://file/etc/passwd"_s << u"refusedLink"_s << u"vscode://file/etc/passwd"_s
        << false << QString() << u"vscode: links hand the address to another program"_s;
    QTest::newRow("relative link")
        << u"other-runbook.md"_s << u"refusedLink"_s << u"other-runbook.md"_s << false << QString()
        << u"it has no http:// or https:// in front"_s;
}

void RunbookViewTest::proseLinksOpenOnlyWebPagesAfterAsking()
{
    QFETCH(QString, href);
    QFETCH(QString, dialog);
    QFETCH(QString, shown);
    QFETCH(bool, accept);
    QFETCH(QString, opened);
    QFETCH(QString, reason);
    UrlCatcher catcher;
    createView(parseRunbook(u"# Links\n\n[Follow this link](%1) for more.\n\n## Checks\n\n"
                            "Nothing to run here.\n"_s.arg(href)
                                .toUtf8(),
                            u"links.md"_s),
               u"links.md"_s);
    QCOMPARE(m_view->currentSection(), 0);
    QLabel *prose = m_view->findChild<QLabel *>(u"prose"_s);
    QVERIFY(prose);
    QVERIFY2(prose->text().contains(href), qPrintable(prose->text()));
    // A real click on the link's first words.
    QTest::mouseClick(prose, Qt::LeftButton, {}, QPoint(12, prose->height() / 2));

    if (dialog.isEmpty()) {
        QTRY_COMPARE(m_view->currentSection(), 1); // "#checks" is the Checks section
        QTest::qWait(50);
        QVERIFY(!m_view->findChild<QMessageBox *>());
        QVERIFY(catcher.opened.isEmpty());
        return;
    }
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(dialog)) != nullptr);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(m_view->findChildren<QMessageBox *>().size(), 1); // one dialog, no second question
    if (shown == u"xn--")
        QVERIFY2(box->informativeText().startsWith(u"https://xn--"),
                 qPrintable(box->informativeText()));
    else
        QCOMPARE(box->informativeText(), shown);
    if (!reason.isEmpty())
        QVERIFY2(box->text().contains(reason), qPrintable(box->text()));
    if (dialog == u"openLink") {
        // Cancel is what Enter does.
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        if (accept)
            box->findChild<QPushButton *>(u"openLinkButton"_s)->click();
        else
            box->button(QMessageBox::Cancel)->click();
    } else {
        QVERIFY(!box->findChild<QPushButton *>(u"openLinkButton"_s));
        box->button(QMessageBox::Ok)->click();
    }
    QTRY_VERIFY(!m_view->findChild<QMessageBox *>());
    QCOMPARE(catcher.opened, opened.isEmpty() ? QList<QUrl>{} : QList<QUrl>{QUrl(opened)});
    QCOMPARE(m_view->currentSection(), 0);
}

// The step found by the line its block starts on.
static RunbookStepId stepAtLine(const RunbookSession &session, int line)
{
    for (const RunbookStepId &step : session.steps()) {
        if (session.block(step).line == line)
            return step;
    }
    return {};
}

void RunbookViewTest::showsHowWildStepsRun()
{
    // A troubleshooting guide as teams write it: a full-screen program, a command that keeps
    // printing, lines typed in a container.
    createView(loadRunbookFile(sampleFile(u"wild/high-cpu-jvm.md"_s)), QString());
    m_view->showOnlySections({1, 2, 3});
    m_view->setOutlineVisible(false);
    const RunbookStepId htop = stepAtLine(*m_session, 8);
    const RunbookStepId top = stepAtLine(*m_session, 20);
    const RunbookStepId exec = stepAtLine(*m_session, 35);
    QVERIFY(card(htop) && card(top) && card(exec));

    // For a terminal: a badge, why, Copy and no Run.
    QVERIFY(card(htop)->terminalBadge());
    QVERIFY(card(htop)->terminalBadge()->isVisibleTo(card(htop)));
    QVERIFY(!card(htop)->runButton()->isVisibleTo(card(htop)));
    QVERIFY(!card(htop)->runLineButton()->isVisibleTo(card(htop)));
    QVERIFY(card(htop)->copyButton()->isEnabled());
    auto *note = card(htop)->findChild<QLabel *>(u"terminalNote"_s);
    QVERIFY(note);
    QVERIFY2(note->text().startsWith(u"Run this in a terminal: htop is a full-screen program"_s),
             qPrintable(note->text()));
    QTest::mouseClick(card(htop)->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"htop"_s);
    QVERIFY(!card(htop)->streamsBadge());

    // Streams until Stop: the badge says so, and which command.
    QVERIFY(card(top)->streamsBadge());
    QCOMPARE(card(top)->streamsBadge()->text(), u"streams until Stop"_s);
    QVERIFY(card(top)->streamsBadge()->toolTip().startsWith(u"top keeps running"_s));
    QVERIFY(card(top)->runButton()->isVisibleTo(card(top)));
    QVERIFY(!card(top)->terminalBadge());

    // Lines typed in the container: they run inside it, and the card says how.
    auto *inside = card(exec)->findChild<QLabel *>(u"runsInsideNote"_s);
    QVERIFY(inside);
    QVERIFY2(inside->text().contains(u"docker exec <container> bash -c"_s),
             qPrintable(inside->text()));
    QVERIFY(!card(exec)->runButton()->isEnabled()); // <container> has no value yet
    QTest::keyClicks(card(exec)->placeholderEdit(u"<container>"_s), u"jvm-1"_s);
    QVERIFY(card(exec)->runButton()->isEnabled());
    saveScreenshot(*m_view, u"runbook-view-wild"_s);

    // Warnings: on the card of the block, and as an icon and tooltip in the outline.
    createView(loadRunbookFile(sampleFile(u"wild/memory-oom.md"_s)), QString());
    const RunbookStepId limits = stepAtLine(*m_session, 41);
    m_view->showStep(limits);
    auto *warnings = card(limits)->findChild<QLabel *>(u"blockWarnings"_s);
    QVERIFY(warnings);
    QVERIFY2(warnings->text().startsWith(u"line 41, column 62: NON-BREAKING HYPHEN (U+2011)"_s),
             qPrintable(warnings->text()));
    const QAbstractItemModel *outline = m_view->outlineView()->model();
    const QModelIndex title = outline->index(0, 0);
    int warned = 0;
    for (int row = 0; row < outline->rowCount(title); ++row) {
        const QModelIndex child = outline->index(row, 0, title);
        if (!child.data(RunbookOutlineModel::WarningsRole).toStringList().isEmpty()) {
            ++warned;
            QCOMPARE(child.data().toString(), u"Raise the limit"_s);
            QVERIFY(!child.data(Qt::DecorationRole).isNull());
            QVERIFY(child.data(Qt::ToolTipRole).toString().contains(u"line 41, column 63"_s));
        }
    }
    QCOMPARE(warned, 1);
    QVERIFY(m_view->warningLabel()->text().startsWith(u"Line 41, column 62: "_s));
}

void RunbookViewTest::streamingStepEndsWithStop()
{
    QTemporaryDir directory;
    const QString log = directory.filePath(u"app.log"_s);
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("started\n");
    file.close();
    createView(parseRunbook("# Follow\n\n```bash\ntail -f " + log.toUtf8() + "\n```\n", u"f.md"_s),
               QString());
    const RunbookStepId follow{0, 0};
    QTest::mouseClick(card(follow)->runButton(), Qt::LeftButton);
    QTRY_COMPARE(card(follow)->outputView()->toPlainText(), u"started\n"_s);
    QVERIFY2(card(follow)->statusLabel()->text().startsWith(u"streaming from "_s),
             qPrintable(card(follow)->statusLabel()->text()));
    QVERIFY(card(follow)->stopButton()->isEnabled());
    QTest::mouseClick(card(follow)->stopButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_session->isRunning());
    QVERIFY2(card(follow)->statusLabel()->text().startsWith(u"streamed for "_s),
             qPrintable(card(follow)->statusLabel()->text()));
    QVERIFY(card(follow)->doneBox()->isChecked());
}

QTEST_MAIN(RunbookViewTest)
#include "tst_runbookview.moc"
