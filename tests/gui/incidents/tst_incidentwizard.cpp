// SPDX-License-Identifier: GPL-3.0-or-later
// An incident commander's walk through the wizard, offscreen and on this computer: symptom,
// severity (declares), diagnosis, resolution, verification, communication, report. Every page
// is saved as a screenshot; the exported report's timeline must match what was done.
#include "commandtesting.h"
#include "models/core/risk.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "screenshots.h"
#include "testfiles.h"
#include "widgets/incidents/communicationpanel.h"
#include "widgets/incidents/incidentpage.h"
#include "widgets/incidents/incidentreportpanel.h"
#include "widgets/incidents/incidentwizard.h"
#include "widgets/runbooks/runbookview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class IncidentWizardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void phasesFollowTheChapters();
    void walksFromDeclarationToReport();
    void openIncidentIsResumedOnStart();
    void escalationRemindersReachTheTimeline();

private:
    QTemporaryDir m_directory;
};

void IncidentWizardTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck-test"_s);
    QSettings().clear();
}

void IncidentWizardTest::phasesFollowTheChapters()
{
    const Runbook drill =
        loadRunbookFile(QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill/incident-drill.md"));
    QCOMPARE(drill.sections.size(), 10);
    // "### Load" and "### Root file system" belong to "## Diagnosis".
    QCOMPARE(sectionsOfPhase(drill, RunbookPhase::Diagnosis), (QList<int>{2, 3, 4}));
    QCOMPARE(sectionsOfPhase(drill, RunbookPhase::Resolution), (QList<int>{5, 6}));
    QCOMPARE(sectionsOfPhase(drill, RunbookPhase::Verification), (QList<int>{7, 8}));
    QCOMPARE(sectionsOfPhase(drill, RunbookPhase::Symptoms), (QList<int>{1}));
    // A runbook without those chapters (a seed) is diagnosis throughout.
    const Runbook plain = parseRunbook("# Ops\n\n## Restart\n\n```bash\nls\n```\n", u"x.md"_s);
    QCOMPARE(sectionsOfPhase(plain, RunbookPhase::Diagnosis), (QList<int>{0, 1}));
    QVERIFY(sectionsOfPhase(plain, RunbookPhase::Resolution).isEmpty());
}

void IncidentWizardTest::walksFromDeclarationToReport()
{
    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    IncidentStore incidents(&audited.store);
    LocalExecutor executor(u"this-computer"_s);
    RunbookLibrary library;
    QSignalSpy scanned(&library, &RunbookLibrary::scanned);
    library.setFolders({QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill")});
    QVERIFY(scanned.wait(10000));
    const QString drillPath =
        QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill/incident-drill.md");
    QVERIFY(library.rowOfPath(drillPath) >= 0);
    QVERIFY(library.rowOfPath(u":/runbooks/service-down.md"_s) >= 0);

    const Workspace workspace = CommandTesting::localWorkspace(u"this-computer"_s);

    IncidentResponse response(
        &incidents, &audited.runner,
        [&](const QString &name) -> Executor * {
            return name == executor.hostName() ? &executor : nullptr;
        },
        &library);
    response.setWorkspace(workspace);
    IncidentPage page(&response);
    page.setWorkspace(workspace);
    page.resize(1100, 720);
    page.show();

    IncidentWizard *wizard = page.startWizard(drillPath);
    QVERIFY(wizard);
    wizard->resize(1060, 760);
    RunbookSession *steps = response.runbookSession();
    // Confirmations are answered the way the operator does: Yes in the dialog the wizard opens.
    int confirmations = 0;
    const auto confirmAll = [&] {
        QObject::connect(steps, &RunbookSession::confirmationRequested, &page, [&] {
            ++confirmations;
            QTimer::singleShot(0, &page, [] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(QMessageBox::Yes)->click();
            });
        });
    };

    // 1. Symptom: the runbook chosen from the runbooks page, its title taken over.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::SymptomPageId));
    QTRY_COMPARE(wizard->titleEdit()->text(), u"Drill service unhealthy"_s);
    wizard->servicesEdit()->setText(u"drill, api"_s);
    wizard->commanderEdit()->setText(u"Dana"_s);
    saveScreenshot(*wizard, u"incident-wizard-1-symptom"_s);
    wizard->next();

    // 2. Severity: the runbook suggests SEV-2; declaring writes the incident.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::SeverityPageId));
    QCOMPARE(wizard->severityButtons()->checkedId(), int(IncidentSeverity::Sev2));
    saveScreenshot(*wizard, u"incident-wizard-2-severity"_s);
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(response.incident()->isActive(), 5000);
    const Incident declared = response.incident()->incident();
    QCOMPARE(declared.title, u"Drill service unhealthy"_s);
    QVERIFY(declared.severity == IncidentSeverity::Sev2);
    QCOMPARE(declared.services, (QStringList{u"drill"_s, u"api"_s}));
    QCOMPARE(declared.commander, u"Dana"_s);
    QCOMPARE(steps->sourceId(), drillPath);

    // 3. Diagnosis: both checks run as a section; each lands on the timeline.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::DiagnosisPageId));
    confirmAll();
    steps->setPlaceholderValue(u"$DRILL_DIR"_s, m_directory.filePath(u"drill"_s));
    steps->setPlaceholderValue(u"<service>"_s, u"drill-api"_s);
    RunbookView *diagnosis = wizard->stepsView(IncidentWizard::DiagnosisPageId);
    QVERIFY(diagnosis->shownSections().contains(3));
    QVERIFY(!diagnosis->shownSections().contains(6));
    QSignalSpy sectionDone(steps, &RunbookSession::sectionFinished);
    QVERIFY(steps->runSection(2));
    QVERIFY(sectionDone.wait(20000));
    QCOMPARE(sectionDone.last().at(1).toBool(), true);
    QTRY_COMPARE(response.incident()->timelineModel()->rowCount(), 3); // declared + 2 steps
    // A symptom ticked and a note beside a step go on the record as notes.
    const RunbookStepId symptom = steps->stepsOfSection(1).constFirst();
    QVERIFY(steps->block(symptom).kind == RunbookBlock::ManualCheck);
    steps->setDone(symptom, true);
    QTRY_COMPARE(response.incident()->timelineModel()->rowCount(), 4);
    QVERIFY(response.incident()->events().constLast().output.contains(
                u"The drill dashboard is red"_s) ||
            response.incident()->events().constLast().summary.contains(
                u"The drill dashboard is red"_s));
    const RunbookStepId loadStep = steps->stepsOfSection(3).constFirst();
    steps->setNotes(loadStep, u"load is normal for a Monday"_s);
    steps->commitNotes(loadStep);
    QTRY_COMPARE(response.incident()->timelineModel()->rowCount(), 5);
    QVERIFY(steps->variables().value(u"ROOT_USE"_s).endsWith(u'%'));
    saveScreenshot(*wizard, u"incident-wizard-3-diagnosis"_s);
    wizard->next();

    // 4. Resolution: the status moves to Identified; the change step asks first.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::ResolutionPageId));
    QTRY_VERIFY(response.incident()->incident().status == IncidentStatus::Identified);
    QVERIFY(steps->runSection(5));
    QVERIFY(sectionDone.wait(20000));
    QCOMPARE(sectionDone.last().at(1).toBool(), true);
    QCOMPARE(confirmations, 1);
    const QList<RunbookStepId> fix = steps->stepsOfSection(5);
    QVERIFY(
        steps->stepRun(fix.constFirst()).output.contains(u"restarted drill-api (root was at "_s));
    saveScreenshot(*wizard, u"incident-wizard-4-resolution"_s);
    wizard->next();

    // 5. Verification: Monitoring.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::VerificationPageId));
    QTRY_VERIFY(response.incident()->incident().status == IncidentStatus::Monitoring);
    QVERIFY(steps->runSection(7));
    QVERIFY(sectionDone.wait(20000));
    QCOMPARE(sectionDone.last().at(1).toBool(), true);
    saveScreenshot(*wizard, u"incident-wizard-5-verification"_s);
    wizard->next();

    // 6. Communication: copying a message records it.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::CommunicationPageId));
    // Counting rows would race with step lines of the verification still being written.
    const auto communications = [&response] {
        const QList<IncidentEvent> events = response.incident()->events();
        return std::count_if(events.cbegin(), events.cend(), [](const IncidentEvent &event) {
            return event.kind == IncidentEvent::Kind::Communication;
        });
    };
    QCOMPARE(communications(), 0);
    QTest::mouseClick(wizard->communicationPanel()->copyButton(), Qt::LeftButton);
    QTRY_COMPARE(communications(), 1);
    QVERIFY(QApplication::clipboard()->text().contains(u"Drill service unhealthy"_s));
    saveScreenshot(*wizard, u"incident-wizard-6-communication"_s);
    wizard->next();

    // 7. Report: the root cause is saved, the export holds what happened, Finish resolves.
    QCOMPARE(wizard->currentId(), int(IncidentWizard::ReportPageId));
    QVERIFY(response.incident()->setRootCause(u"The drill service ran out of patience."_s));
    QTRY_COMPARE(response.incident()->incident().rootCause,
                 u"The drill service ran out of patience."_s);
    saveScreenshot(*wizard, u"incident-wizard-7-report"_s);

    const QString reportPath = m_directory.filePath(u"report.md"_s);
    QSignalSpy exported(wizard->reportPanel(), &IncidentReportPanel::exported);
    wizard->reportPanel()->exportTo(reportPath, IncidentReportPanel::Format::Markdown);
    QVERIFY(exported.wait(10000));
    QVERIFY2(exported.at(0).at(1).toBool(), qPrintable(exported.at(0).at(2).toString()));
    const QString report = QString::fromUtf8(readFile(reportPath));
    // Kept beside the screenshots, for people to read what the walk produced.
    QFile::remove(QStringLiteral(OPSDECK_BINARY_DIR "/screenshots/incident-report.md"));
    QFile::copy(reportPath, QStringLiteral(OPSDECK_BINARY_DIR "/screenshots/incident-report.md"));
    // The timeline in the report is the record: the steps in the order they ran, on the host.
    const qsizetype load = report.indexOf(u"/proc/loadavg"_s);
    const qsizetype restart = report.indexOf(u"drill-api.restarted"_s);
    const qsizetype verify = report.indexOf(u"drill-api healthy"_s);
    QVERIFY2(load > 0 && restart > load && verify > restart, qPrintable(report));
    QVERIFY(report.contains(u"this-computer"_s));
    QVERIFY(report.contains(u"T+00:"_s));
    QVERIFY(report.contains(u"The drill service ran out of patience."_s));
    QVERIFY(report.contains(u"SEV-2"_s));
    QVERIFY(report.contains(u"load is normal for a Monday"_s));

    wizard->button(QWizard::FinishButton)->click(); // closes and deletes the wizard
    QTRY_VERIFY(response.incident()->incident().status == IncidentStatus::Resolved);
    page.tabs()->setCurrentIndex(0);
    saveScreenshot(page, u"incident-page-timeline"_s);
}

void IncidentWizardTest::openIncidentIsResumedOnStart()
{
    const QString database = m_directory.filePath(u"resume.sqlite"_s);
    {
        StateStore store;
        store.open(database);
        IncidentStore incidents(&store);
        IncidentSession session(&incidents);
        Incident incident;
        incident.title = u"Queue backlog on workers"_s;
        incident.severity = IncidentSeverity::Sev3;
        incident.runbook = u":/runbooks/queue-backlog.md"_s;
        QVERIFY(session.declare(incident));
        QTRY_VERIFY(session.isActive());
        QVERIFY(session.addNote(u"workers scaled to 6"_s));
        QTRY_COMPARE(session.events().size(), 2);
    } // OpsDeck stops here with the incident open

    StateStore store;
    store.open(database);
    AuditLog auditLog(&store);
    IncidentStore incidents(&store);
    ReadOnlyMode readOnly(false);
    CommandRunner runner(&auditLog, &readOnly);
    RunbookLibrary library;
    IncidentResponse response(
        &incidents, &runner, [](const QString &) { return nullptr; }, &library);
    IncidentPage page(&response);
    page.resize(1000, 600);
    page.show();
    response.resumeOpenIncident();
    QTRY_VERIFY_WITH_TIMEOUT(response.incident()->isActive(), 5000);
    QCOMPARE(response.incident()->incident().title, u"Queue backlog on workers"_s);
    // The runbook it followed comes back with it, once the library has been read.
    library.setFolders({});
    QTRY_COMPARE(response.runbookSession()->sourceId(), u":/runbooks/queue-backlog.md"_s);
    QVERIFY(response.runbookSession()->stepCount() > 0);
    QCOMPARE(response.incident()->timelineModel()->rowCount(), 2);
    const IncidentEvent &note = response.incident()->events().constLast();
    QVERIFY(note.kind == IncidentEvent::Kind::Note);
    QVERIFY(note.output.contains(u"workers scaled to 6"_s) ||
            note.summary.contains(u"workers scaled to 6"_s));
    saveScreenshot(page, u"incident-page-resumed"_s);

    // The wizard opened on the resumed incident knows its runbook: it picks up at diagnosis and
    // never claims that no runbook was chosen.
    IncidentWizard *resumed = page.startWizard();
    QVERIFY(resumed);
    QCOMPARE(resumed->currentId(), int(IncidentWizard::DiagnosisPageId));
    for (const QLabel *label : resumed->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(u"No runbook was chosen"_s), qPrintable(label->text()));
    resumed->reject();
    QTRY_VERIFY(!page.findChild<IncidentWizard *>());

    // Closed, it is history: the page goes back to the list and a new incident can start.
    QVERIFY(response.incident()->setStatus(IncidentStatus::Closed));
    QTRY_VERIFY(!response.incident()->isActive());
    QPushButton *back = nullptr;
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->text().contains(u"All"_s) && button->isVisibleTo(&page))
            back = button;
    }
    QVERIFY(back);
    back->click();
    QVERIFY(!response.incident()->hasIncident());
    IncidentWizard *wizard = page.startWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(IncidentWizard::SymptomPageId));
    wizard->titleEdit()->setText(u"Second incident"_s);
    wizard->next();
    wizard->next(); // declares
    QTRY_VERIFY(response.incident()->isActive());
    QCOMPARE(response.incident()->incident().title, u"Second incident"_s);
    QVERIFY(response.incident()->incident().id > 1);
    QVERIFY(response.runbookSession()->runbook().sections.isEmpty()); // no runbook was chosen
    wizard->reject();
}

void IncidentWizardTest::escalationRemindersReachTheTimeline()
{
    StateStore store;
    store.open(m_directory.filePath(u"escalation.sqlite"_s));
    AuditLog auditLog(&store);
    IncidentStore incidents(&store);
    ReadOnlyMode readOnly(false);
    CommandRunner runner(&auditLog, &readOnly);
    RunbookLibrary library;
    IncidentResponse response(
        &incidents, &runner, [](const QString &) { return nullptr; }, &library);
    IncidentPage page(&response);
    response.setWorkspace(builtInWorkspace()); // no escalation matrix: the seeds' one applies
    page.setWorkspace(builtInWorkspace());
    QDateTime now = QDateTime::currentDateTimeUtc();
    response.reminders()->setClock([&now] { return now; });
    QSignalSpy notified(&page, &IncidentPage::notification);

    Incident incident;
    incident.title = u"Checkout is down"_s;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = now;
    QVERIFY(response.incident()->declare(incident));
    // SEV-1 calls the on-call engineer at once: a notification, and a line on the timeline.
    QVERIFY(notified.wait(5000));
    QVERIFY(notified.at(0).at(0).toString().contains(u"On-call"_s));
    const auto escalations = [&] {
        QStringList who;
        for (const IncidentEvent &event : response.incident()->events()) {
            if (event.kind == IncidentEvent::Kind::Escalation)
                who.append(event.subject);
        }
        return who;
    };
    QTRY_COMPARE(escalations(), QStringList{u"On-call"_s});

    // Fifteen minutes on, the platform lead; nobody twice.
    now = now.addSecs(16 * 60);
    response.reminders()->checkNow();
    QTRY_COMPARE(escalations(), (QStringList{u"On-call"_s, u"Platform Lead"_s}));
    response.reminders()->checkNow();
    QTest::qWait(100);
    QCOMPARE(escalations().size(), 2);
    QCOMPARE(notified.size(), 2);
}

QTEST_MAIN(IncidentWizardTest)
#include "tst_incidentwizard.moc"
