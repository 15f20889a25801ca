// SPDX-License-Identifier: GPL-3.0-or-later
// The evidence trail without a window: steps run through a real RunbookSession on this
// computer (LocalExecutor through the audited command runner), and what they leave is read back
// from the real IncidentStore.
#include "commandtesting.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "statetesting.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using StateTesting::waitFor;

namespace {

const QString ThisComputer = u"this-computer"_s;

// A symptom to tick, a command that succeeds and one that fails.
constexpr QByteArrayView DrillRunbook = R"(# Disk full drill

## Symptoms

- [ ] The disk dashboard is red

## Diagnosis

```sh
printf 'root at %s\n' 91%
```

```sh
echo 'no space left on device' >&2
exit 3
```
)";

QStringList kinds(const QList<IncidentEvent> &events)
{
    QStringList result;
    for (const IncidentEvent &event : events)
        result.append(incidentEventKindId(event.kind));
    return result;
}

QStringList summaries(const QList<IncidentEvent> &events, IncidentEvent::Kind kind)
{
    QStringList result;
    for (const IncidentEvent &event : events) {
        if (event.kind == kind)
            result.append(event.summary);
    }
    return result;
}

// Lets every piece of work in the thread pool end and delivers what it answered, so a test can
// tell that nothing more is coming from there.
bool settleBackgroundWork()
{
    if (!QThreadPool::globalInstance()->waitForDone(10000))
        return false;
    QCoreApplication::sendPostedEvents();
    return true;
}

} // namespace

class IncidentResponseTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void finishedStepsAreRecorded();
    void secretValuesAreMaskedOnTheTimeline_data();
    void secretValuesAreMaskedOnTheTimeline();
    void notesAndTickedChecksAreRecorded();
    void nothingIsRecordedWithoutAnActiveIncident();
    void escalationsAreRecordedOnce();
    void declaringFollowsTheChosenRunbook();
    void resumedIncidentGetsItsRunbookBack_data();
    void resumedIncidentGetsItsRunbookBack();
    void unreadableRunbookIsReported();

private:
    std::unique_ptr<IncidentResponse> makeResponse();
    // Declares an incident through response and waits until it is written.
    bool declare(IncidentResponse &response, Incident incident = {});
    // Writes an open incident following runbookPath, as an earlier OpsDeck would have left it.
    qint64 leaveOpenIncident(const QString &runbookPath);
    void followDrill(IncidentResponse &response);
    // Runs step and waits for its end; the step's run afterwards.
    StepRun runAndWait(RunbookSession &session, RunbookStepId step);
    // The incident's timeline as the state store holds it. The store answers in the order it
    // is asked, so every line recorded before this call is in it.
    QList<IncidentEvent> storedTimeline(qint64 incidentId);

    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<IncidentStore> m_incidents;
    std::unique_ptr<LocalExecutor> m_executor;
    std::unique_ptr<RunbookLibrary> m_library;
};

void IncidentResponseTest::init()
{
    QSettings().clear();
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_incidents = std::make_unique<IncidentStore>(&m_audited->store);
    m_executor = std::make_unique<LocalExecutor>(ThisComputer);
    m_library = std::make_unique<RunbookLibrary>();
}

void IncidentResponseTest::cleanup()
{
    m_library.reset();
    m_executor.reset();
    m_incidents.reset();
    m_audited.reset();
}

std::unique_ptr<IncidentResponse> IncidentResponseTest::makeResponse()
{
    auto response = std::make_unique<IncidentResponse>(
        m_incidents.get(), &m_audited->runner,
        [this](const QString &host) -> Executor * {
            return host == m_executor->hostName() ? m_executor.get() : nullptr;
        },
        m_library.get());
    response->setWorkspace(CommandTesting::localWorkspace(ThisComputer));
    return response;
}

bool IncidentResponseTest::declare(IncidentResponse &response, Incident incident)
{
    if (incident.title.isEmpty())
        incident.title = u"Root file system full on web-1"_s;
    if (!response.declare(incident))
        return false;
    return QTest::qWaitFor([&] { return response.incident()->isActive(); }, 10000);
}

qint64 IncidentResponseTest::leaveOpenIncident(const QString &runbookPath)
{
    IncidentSession earlier(m_incidents.get());
    Incident incident;
    incident.title = u"Queue backlog on workers"_s;
    incident.severity = IncidentSeverity::Sev3;
    incident.runbook = runbookPath;
    if (!earlier.declare(incident) || !QTest::qWaitFor([&] { return earlier.isActive(); }, 10000))
        return 0;
    return earlier.incident().id;
}

void IncidentResponseTest::followDrill(IncidentResponse &response)
{
    response.runbookSession()->setRunbook(parseRunbook(DrillRunbook.toByteArray(), u"drill.md"_s),
                                          u"drill.md"_s);
}

StepRun IncidentResponseTest::runAndWait(RunbookSession &session, RunbookStepId step)
{
    QSignalSpy finished(&session, &RunbookSession::stepFinished);
    if (session.run(step))
        finished.wait(20000);
    return session.stepRun(step);
}

QList<IncidentEvent> IncidentResponseTest::storedTimeline(qint64 incidentId)
{
    const auto loaded = waitFor<IncidentRecord>([&](QObject *context, auto done) {
        m_incidents->load(incidentId, context, std::move(done));
    });
    return StateTesting::valueOr(loaded, IncidentRecord()).events;
}

void IncidentResponseTest::finishedStepsAreRecorded()
{
    const auto response = makeResponse();
    QVERIFY(declare(*response));
    const qint64 incidentId = response->incident()->incident().id;
    followDrill(*response);
    RunbookSession &session = *response->runbookSession();
    const QList<RunbookStepId> diagnosis = session.stepsOfSection(2);
    QCOMPARE(diagnosis.size(), 2);

    const StepRun succeeded = runAndWait(session, diagnosis.at(0));
    QVERIFY(succeeded.state == StepState::Succeeded);
    const StepRun failed = runAndWait(session, diagnosis.at(1));
    QVERIFY(failed.state == StepState::Failed);

    const QList<IncidentEvent> timeline = storedTimeline(incidentId);
    QCOMPARE(kinds(timeline), (QStringList{u"declared"_s, u"step_run"_s, u"step_run"_s}));
    // Host, command, exit, duration and the whole output, as the step ran.
    const IncidentEvent &first = timeline.at(1);
    QCOMPARE(first.host, ThisComputer);
    QCOMPARE(first.command, succeeded.command);
    QVERIFY2(first.command.contains(u"printf 'root at %s\\n' 91%"_s), qPrintable(first.command));
    QCOMPARE(first.exitCode, std::optional<int>(0));
    QCOMPARE(first.durationMs, succeeded.result.durationMs);
    QCOMPARE(first.output, succeeded.output);
    QVERIFY2(first.output.contains(u"root at 91%"_s), qPrintable(first.output));
    QVERIFY2(first.summary.contains(ThisComputer), qPrintable(first.summary));
    const IncidentEvent &second = timeline.at(2);
    QCOMPARE(second.host, ThisComputer);
    QCOMPARE(second.command, failed.command);
    QCOMPARE(second.exitCode, std::optional<int>(3));
    QCOMPARE(second.durationMs, failed.result.durationMs);
    QVERIFY2(second.output.contains(u"no space left on device"_s), qPrintable(second.output));

    // The session shows what the store holds, and the runs carry the incident to the audit log.
    QTRY_COMPARE(response->incident()->events(), timeline);
    const auto audit = m_audited->entries();
    QVERIFY(audit);
    QCOMPARE(audit->size(), 2);
    for (const AuditEntry &entry : *audit)
        QCOMPARE(entry.incidentId, std::optional<qint64>(incidentId));
}

void IncidentResponseTest::secretValuesAreMaskedOnTheTimeline_data()
{
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<QString>("value");
    QTest::newRow("by name") << u"<api-token>"_s << u"tok-%1"_s;
    QTest::newRow("url with credentials") << u"<endpoint>"_s << u"https://ops:pw-%1@api.local/"_s;
}

void IncidentResponseTest::secretValuesAreMaskedOnTheTimeline()
{
    QFETCH(QString, placeholder);
    QFETCH(QString, value);
    const QString marker = u"opsdeck-secret-%1"_s.arg(QCoreApplication::applicationPid());
    value = value.arg(marker);
    const auto response = makeResponse();
    QVERIFY(declare(*response));
    const qint64 incidentId = response->incident()->incident().id;
    RunbookSession &session = *response->runbookSession();
    session.setRunbook(
        parseRunbook(
            u"# Call\n\n```sh\nprintf '%.0scalled\\n' \"%1\"\n```\n"_s.arg(placeholder).toUtf8(),
            u"call.md"_s),
        u"call.md"_s);
    session.setPlaceholderValue(placeholder, value);
    const StepRun run = runAndWait(session, session.steps().constFirst());
    QVERIFY2(run.state == StepState::Succeeded, qPrintable(run.message + run.output));
    QCOMPARE(run.output, u"called\n"_s);

    const QList<IncidentEvent> timeline = storedTimeline(incidentId);
    QCOMPARE(kinds(timeline), (QStringList{u"declared"_s, u"step_run"_s}));
    const IncidentEvent &step = timeline.at(1);
    QVERIFY2(!step.command.contains(marker), qPrintable(step.command));
    QCOMPARE(step.command, u"printf '%.0scalled\\n' \"********\""_s);
    const auto audit = m_audited->entries();
    QVERIFY(audit && audit->size() == 1);
    QVERIFY2(!audit->constFirst().command.contains(marker),
             qPrintable(audit->constFirst().command));
}

void IncidentResponseTest::notesAndTickedChecksAreRecorded()
{
    const auto response = makeResponse();
    QVERIFY(declare(*response));
    const qint64 incidentId = response->incident()->incident().id;
    followDrill(*response);
    RunbookSession &session = *response->runbookSession();
    const RunbookStepId symptom = session.stepsOfSection(1).constFirst();
    QVERIFY(session.block(symptom).kind == RunbookBlock::ManualCheck);
    const RunbookStepId command = session.stepsOfSection(2).constFirst();

    session.setNotes(command, u"load is normal for a Monday"_s);
    session.commitNotes(command);
    session.setDone(symptom, true);
    // Neither unticking a check nor ticking a command is evidence.
    session.setDone(symptom, false);
    session.setDone(command, true);
    QVERIFY(response->incident()->addNote(u"end of the operator's actions"_s));

    const QList<IncidentEvent> timeline = storedTimeline(incidentId);
    QCOMPARE(kinds(timeline), (QStringList{u"declared"_s, u"note"_s, u"note"_s, u"note"_s}));
    QCOMPARE(
        summaries(timeline, IncidentEvent::Kind::Note),
        (QStringList{u"On the step at line %1 of the runbook: load is normal for a Monday"_s.arg(
                         session.block(command).line),
                     u"Checked: The disk dashboard is red"_s, u"end of the operator's actions"_s}));
}

void IncidentResponseTest::nothingIsRecordedWithoutAnActiveIncident()
{
    const auto response = makeResponse();
    RunbookSession &session = *response->runbookSession();
    QSignalSpy refused(response->incident(), &IncidentSession::failed);
    QSignalSpy ran(&session, &RunbookSession::stepFinished);
    QSignalSpy noted(&session, &RunbookSession::notesCommitted);
    QSignalSpy ticked(&session, &RunbookSession::markedDone);
    // Runs a command, writes a note beside it and ticks the symptom; the state of the run.
    const auto operatorWorks = [&](const QString &note) {
        followDrill(*response); // the runbook afresh: nothing run, ticked or noted yet
        const RunbookStepId symptom = session.stepsOfSection(1).constFirst();
        const RunbookStepId command = session.stepsOfSection(2).constFirst();
        const StepState state = runAndWait(session, command).state;
        session.setNotes(command, note);
        session.commitNotes(command);
        session.setDone(symptom, true);
        return state;
    };

    // No incident at all: nothing is even tried.
    QVERIFY(operatorWorks(u"looked fine"_s) == StepState::Succeeded);
    QCOMPARE(ran.size(), 1);
    QCOMPARE(noted.size(), 1);
    QCOMPARE(ticked.size(), 1);
    QVERIFY(refused.isEmpty());
    const auto incidents = waitFor<QList<Incident>>(
        [&](QObject *context, auto done) { m_incidents->query(false, context, std::move(done)); });
    QVERIFY(incidents && incidents->ok());
    QVERIFY(incidents->value().isEmpty());

    // A closed incident is history: its timeline stays as it was closed.
    QVERIFY(declare(*response));
    const qint64 incidentId = response->incident()->incident().id;
    QVERIFY(response->incident()->setStatus(IncidentStatus::Closed));
    QTRY_VERIFY(!response->incident()->isActive());
    QVERIFY(operatorWorks(u"still fine"_s) == StepState::Succeeded);
    QCOMPARE(ran.size(), 2);
    QCOMPARE(noted.size(), 2);
    QCOMPARE(ticked.size(), 2);
    QVERIFY(refused.isEmpty());
    QCOMPARE(kinds(storedTimeline(incidentId)), (QStringList{u"declared"_s, u"status_changed"_s}));
}

void IncidentResponseTest::escalationsAreRecordedOnce()
{
    Workspace workspace = CommandTesting::localWorkspace(ThisComputer);
    Contact onCall;
    onCall.name = u"Jane Doe"_s;
    onCall.role = u"On-call"_s;
    onCall.phone = u"+49 170 1234567"_s;
    workspace.contacts.append(onCall);
    QDateTime now = QDateTime::currentDateTimeUtc();
    const auto response = makeResponse();
    response->setWorkspace(workspace); // no escalation matrix: the default one applies
    response->reminders()->setClock([&now] { return now; });
    QSignalSpy due(response.get(), &IncidentResponse::escalationDue);

    // SEV-1 calls the on-call engineer at once, and says who that is.
    Incident incident;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = now;
    QVERIFY(declare(*response, incident));
    const qint64 incidentId = response->incident()->incident().id;
    QTRY_COMPARE(due.size(), 1);
    QVERIFY2(due.at(0).at(0).toString().contains(u"Jane Doe"_s),
             qPrintable(due.at(0).at(0).toString()));
    const auto escalations = [&] {
        QStringList who;
        for (const IncidentEvent &event : storedTimeline(incidentId)) {
            if (event.kind == IncidentEvent::Kind::Escalation)
                who.append(event.subject);
        }
        return who;
    };
    QCOMPARE(escalations(), QStringList{u"On-call"_s});
    QVERIFY(summaries(storedTimeline(incidentId), IncidentEvent::Kind::Escalation)
                .constFirst()
                .contains(u"+49 170 1234567"_s));

    // Fifteen minutes on, the platform lead; nobody twice, however often the clock is read.
    now = now.addSecs(16 * 60);
    response->reminders()->checkNow();
    response->reminders()->checkNow();
    QCOMPARE(due.size(), 2);
    QVERIFY(due.at(1).at(0).toString().contains(u"Platform Lead"_s));
    QCOMPARE(escalations(), (QStringList{u"On-call"_s, u"Platform Lead"_s}));

    // After a restart, what is on the timeline is not reminded of again.
    QTRY_VERIFY(response->incident()->release());
    const auto restarted = makeResponse();
    restarted->setWorkspace(workspace);
    restarted->reminders()->setClock([&now] { return now; });
    QSignalSpy dueAgain(restarted.get(), &IncidentResponse::escalationDue);
    restarted->resumeOpenIncident();
    QTRY_VERIFY(restarted->incident()->isActive());
    QCOMPARE(restarted->incident()->incident().id, incidentId);
    restarted->reminders()->checkNow();
    QVERIFY(dueAgain.isEmpty());
    QCOMPARE(restarted->reminders()->pending().constFirst().step.notify, u"CTO"_s);
    QCOMPARE(escalations(), (QStringList{u"On-call"_s, u"Platform Lead"_s}));
}

void IncidentResponseTest::declaringFollowsTheChosenRunbook()
{
    QSignalSpy scanned(m_library.get(), &RunbookLibrary::scanned);
    m_library->setFolders({});
    QVERIFY(scanned.wait(10000));
    const QString serviceDown = u":/runbooks/service-down.md"_s;
    QVERIFY(m_library->rowOfPath(serviceDown) >= 0);

    const auto response = makeResponse();
    Incident incident;
    incident.runbook = serviceDown;
    QVERIFY(declare(*response, incident));
    QCOMPARE(response->runbookSession()->sourceId(), serviceDown);
    QVERIFY(response->runbookSession()->stepCount() > 0);

    // The next incident, declared without a runbook, does not inherit this one's steps.
    QVERIFY(response->incident()->setStatus(IncidentStatus::Closed));
    QTRY_VERIFY(!response->incident()->isActive());
    QTRY_VERIFY(response->incident()->release());
    QVERIFY(declare(*response, Incident()));
    QVERIFY(response->runbookSession()->sourceId().isEmpty());
    QCOMPARE(response->runbookSession()->stepCount(), 0);
}

void IncidentResponseTest::resumedIncidentGetsItsRunbookBack_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("fromFile"); // outside the library: read in the background

    QTest::newRow("built in, once the library is read")
        << u":/runbooks/queue-backlog.md"_s << false;
    QTest::newRow("a file the library does not list")
        << QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/drill/incident-drill.md") << true;
}

void IncidentResponseTest::resumedIncidentGetsItsRunbookBack()
{
    QFETCH(QString, path);
    QFETCH(bool, fromFile);
    const qint64 incidentId = leaveOpenIncident(path);
    QVERIFY(incidentId > 0);

    // What the runbook session holds the moment the incident is back: a file is still being
    // read then (never on this thread), a built-in one waits for the library.
    QStringList heldWhenResumed;
    const auto response = makeResponse();
    connect(response->incident(), &IncidentSession::changed, this,
            [&] { heldWhenResumed.append(response->runbookSession()->sourceId()); });
    QSignalSpy runbookChanged(response->runbookSession(), &RunbookSession::runbookChanged);
    response->resumeOpenIncident();
    QTRY_VERIFY(response->incident()->isActive());
    QCOMPARE(response->incident()->incident().id, incidentId);
    QCOMPARE(heldWhenResumed, QStringList{QString()});
    if (!fromFile) {
        QVERIFY(settleBackgroundWork());
        QVERIFY(response->runbookSession()->sourceId().isEmpty());
        m_library->setFolders({});
    }

    QTRY_COMPARE(response->runbookSession()->sourceId(), path);
    QCOMPARE(response->runbookSession()->runbook().sections.size(),
             loadRunbookFile(path).sections.size());
    QVERIFY(response->runbookSession()->stepCount() > 0);
    QCOMPARE(runbookChanged.size(), 1);
    // Its steps run for this incident and land on its timeline.
    QVERIFY(response->incident()->addNote(u"carrying on"_s));
    QCOMPARE(kinds(storedTimeline(incidentId)), (QStringList{u"declared"_s, u"note"_s}));
}

void IncidentResponseTest::unreadableRunbookIsReported()
{
    const QString missing = m_audited->directory.filePath(u"gone.md"_s);
    QVERIFY(leaveOpenIncident(missing) > 0);

    const auto response = makeResponse();
    QSignalSpy unavailable(response.get(), &IncidentResponse::runbookUnavailable);
    response->resumeOpenIncident();
    QVERIFY(unavailable.wait(10000));
    QVERIFY2(unavailable.at(0).at(0).toString().contains(missing),
             qPrintable(unavailable.at(0).at(0).toString()));
    QVERIFY(response->incident()->isActive());
    QVERIFY(response->runbookSession()->sourceId().isEmpty());
    // Once per incident: later lines on its timeline do not read the file again.
    QVERIFY(response->incident()->addNote(u"runbook is gone, carrying on"_s));
    QTRY_COMPARE(response->incident()->events().size(), 2);
    QVERIFY(settleBackgroundWork());
    QCOMPARE(unavailable.size(), 1);
}

QTEST_GUILESS_MAIN(IncidentResponseTest)
#include "tst_incidentresponse.moc"
