// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttesting.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <signal.h>
#include <sys/types.h>

using namespace OpsDeck;
using namespace StateTesting;
using namespace IncidentTesting;
using namespace Qt::StringLiterals;

namespace {

// Waits until the session has confirmed `count` more lines, or failed.
bool waitForEvents(IncidentSession &session, qsizetype count)
{
    const qsizetype target = session.events().size() + count;
    QSignalSpy failed(&session, &IncidentSession::failed);
    const bool settled = QTest::qWaitFor(
        [&] { return session.events().size() >= target || !failed.isEmpty(); }, 20000);
    if (!settled)
        qWarning() << "timed out waiting for" << count << "lines";
    if (!failed.isEmpty())
        qWarning() << "session failed:" << failed.at(0).at(0).toString();
    return failed.isEmpty() && session.events().size() == target;
}

bool waitUntilOpen(IncidentSession &session)
{
    QSignalSpy failed(&session, &IncidentSession::failed);
    const bool settled =
        QTest::qWaitFor([&] { return session.hasIncident() || !failed.isEmpty(); }, 20000);
    if (!settled)
        qWarning() << "timed out waiting for the incident";
    if (!failed.isEmpty())
        qWarning() << "session failed:" << failed.at(0).at(0).toString();
    return session.hasIncident();
}

CommandResult exited(int code, qint64 durationMs)
{
    CommandResult result;
    result.outcome = CommandResult::Outcome::Exited;
    result.exitCode = code;
    result.durationMs = durationMs;
    return result;
}

std::optional<QList<Incident>> queryIncidents(IncidentStore &store, bool openOnly)
{
    const auto answer = waitFor<QList<Incident>>(
        [&](QObject *context, auto done) { store.query(openOnly, context, std::move(done)); });
    if (!answer || !answer->ok())
        return std::nullopt;
    return answer->value();
}

QStringList kinds(const QList<IncidentEvent> &events)
{
    QStringList result;
    for (const IncidentEvent &event : events)
        result.append(incidentEventKindId(event.kind));
    return result;
}

} // namespace

class tst_IncidentSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storeNotOpen();
    void recordsAndResumes();
    void eventsAppearOnlyAfterCommit();
    void firstNoteFollowsTheDeclaration();
    void refusesWhatIsNotAllowed();
    void failedUpdateLeavesRecordAsCommitted();
    void timelineModel();
    void remindersFollowSession();
    void survivesSigkill();

private:
    QString databasePath() const { return m_dir->filePath(u"state.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_IncidentSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_IncidentSession::cleanup()
{
    m_dir.reset();
}

void tst_IncidentSession::storeNotOpen()
{
    StateStore store; // never opened
    IncidentStore incidents(&store);
    IncidentSession session(&incidents);
    QSignalSpy failed(&session, &IncidentSession::failed);
    QVERIFY(session.declare(newIncident()));
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().contains(u"not open"),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!session.isOpening());
    QVERIFY(!session.hasIncident());
    QCOMPARE(session.timelineModel()->rowCount(), 0);

    // Once the store works, the same session can declare.
    QVERIFY(openStore(store, databasePath()));
    QVERIFY(session.declare(newIncident()));
    QVERIFY(waitUntilOpen(session));
}

void tst_IncidentSession::recordsAndResumes()
{
    Incident finalRecord;
    QList<IncidentEvent> finalEvents;
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        IncidentStore incidents(&store);
        IncidentSession session(&incidents);
        session.setAuthor(u"tester"_s);
        QVERIFY(!session.hasIncident());
        QVERIFY(!session.isActive());

        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(session.declare(newIncident()));
        QVERIFY(session.isOpening());
        QVERIFY(waitUntilOpen(session));
        QVERIFY(session.isActive());
        QVERIFY(!session.isOpening());
        QVERIFY(session.incident().id > 0);
        QVERIFY(session.incident().declaredAt >= before);
        QCOMPARE(session.events().size(), 1);
        QVERIFY(session.events().at(0).kind == IncidentEvent::Kind::Declared);

        QVERIFY(session.setStatus(IncidentStatus::Identified));
        QVERIFY(session.setSeverity(IncidentSeverity::Sev1));
        QVERIFY(session.addNote(u"  Rolled back to v1.4  \n"_s));
        QVERIFY(session.recordStepRun(u"web-1"_s, u"systemctl restart nginx"_s, exited(0, 1234),
                                      u"restarted\n"_s));
        CommandResult lost;
        lost.outcome = CommandResult::Outcome::Failed;
        lost.error = u"connection refused"_s;
        QVERIFY(session.recordStepRun(u"db-1"_s, u"pg_isready"_s, lost, {}));
        QVERIFY(session.recordEscalation(u"Platform Lead"_s, u"called +49 170 1"_s));
        QVERIFY(session.recordCommunication(u"update"_s, u"We are on it."_s));
        QVERIFY(session.setRootCause(u"A bad deploy"_s));
        QVERIFY(session.setRootCause(u"A bad deploy"_s)); // unchanged: no line
        QVERIFY(session.setServices({u"api"_s, u" "_s, u"payments, EU"_s}));
        QVERIFY(session.setStatus(IncidentStatus::Monitoring));
        QVERIFY(session.setStatus(IncidentStatus::Resolved));
        // Nothing is shown before the store confirmed it.
        QCOMPARE(session.events().size(), 1);
        QVERIFY(session.incident().status == IncidentStatus::Investigating);
        QVERIFY(waitForEvents(session, 11));
        QVERIFY(session.incident().status == IncidentStatus::Resolved);
        QVERIFY(session.incident().resolvedAt.isValid());
        const QDateTime firstResolution = session.incident().resolvedAt;

        // Reopen, resolve again, close.
        QVERIFY(session.setStatus(IncidentStatus::Investigating));
        QVERIFY(waitForEvents(session, 1));
        QVERIFY(!session.incident().resolvedAt.isValid());
        QVERIFY(session.isActive());
        QVERIFY(session.setStatus(IncidentStatus::Resolved));
        QVERIFY(session.setStatus(IncidentStatus::Closed));
        QVERIFY(waitForEvents(session, 2));
        QVERIFY(session.incident().resolvedAt >= firstResolution);
        QVERIFY(session.incident().closedAt >= session.incident().resolvedAt);
        QVERIFY(!session.isActive());
        QVERIFY(session.hasIncident());

        const Incident &record = session.incident();
        QCOMPARE(record.title, newIncident().title);
        QVERIFY(record.severity == IncidentSeverity::Sev1);
        QCOMPARE(record.rootCause, u"A bad deploy"_s);
        QCOMPARE(record.services, (QStringList{u"api"_s, u"payments, EU"_s}));

        const QList<IncidentEvent> &events = session.events();
        QCOMPARE(kinds(events),
                 (QStringList{u"declared"_s, u"status_changed"_s, u"severity_changed"_s, u"note"_s,
                              u"step_run"_s, u"step_run"_s, u"escalation"_s, u"communication"_s,
                              u"field_changed"_s, u"field_changed"_s, u"status_changed"_s,
                              u"status_changed"_s, u"status_changed"_s, u"status_changed"_s,
                              u"status_changed"_s}));
        QStringList summaries;
        for (const IncidentEvent &event : events)
            summaries.append(event.summary);
        QCOMPARE(summaries.mid(1),
                 (QStringList{u"Status changed from Investigating to Identified"_s,
                              u"Severity changed from SEV-2 to SEV-1 (Critical – service down)"_s,
                              u"Rolled back to v1.4"_s, u"Ran on web-1: exit 0 in 1.2 s"_s,
                              u"Could not run on db-1: connection refused"_s,
                              u"Notified Platform Lead: called +49 170 1"_s,
                              u"Sent the message: Update"_s, u"Root cause updated"_s,
                              u"Affected services: api, payments, EU"_s,
                              u"Status changed from Identified to Monitoring"_s,
                              u"Status changed from Monitoring to Resolved"_s,
                              u"Reopened: status changed from Resolved to Investigating"_s,
                              u"Status changed from Investigating to Resolved"_s,
                              u"Status changed from Resolved to Closed"_s}));
        for (qsizetype i = 0; i < events.size(); ++i) {
            QCOMPARE(events.at(i).incidentId, record.id);
            if (i > 0) {
                QVERIFY(events.at(i).id > events.at(i - 1).id);
                QVERIFY(events.at(i).at >= events.at(i - 1).at);
                QCOMPARE(events.at(i).author, u"tester"_s);
            }
        }
        const IncidentEvent &step = events.at(4);
        QCOMPARE(step.host, u"web-1"_s);
        QCOMPARE(step.command, u"systemctl restart nginx"_s);
        QCOMPARE(step.exitCode, std::optional<int>(0));
        QCOMPARE(step.durationMs, 1234);
        QCOMPARE(step.output, u"restarted\n"_s);
        QVERIFY(!events.at(5).exitCode);
        QCOMPARE(events.at(6).subject, u"Platform Lead"_s);
        QCOMPARE(events.at(7).subject, u"update"_s);
        QCOMPARE(events.at(7).output, u"We are on it."_s);
        QCOMPARE(events.at(8).subject, u"root_cause"_s);
        QCOMPARE(events.at(8).output, u"A bad deploy"_s);
        QCOMPARE(events.last().subject, u"closed"_s);
        QCOMPARE(session.timelineModel()->rowCount(), events.size());

        finalRecord = session.incident();
        finalEvents = session.events();
    }

    // The next start: a new store and session find everything, in order.
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    const auto open = queryIncidents(incidents, true);
    QVERIFY(open);
    QVERIFY(open->isEmpty()); // it was closed
    IncidentSession session(&incidents);
    QSignalSpy changed(&session, &IncidentSession::changed);
    QVERIFY(session.resume(finalRecord.id));
    QVERIFY(waitUntilOpen(session));
    QCOMPARE(changed.size(), 1);
    QVERIFY(session.incident() == finalRecord);
    QCOMPARE(session.events(), finalEvents);
    QCOMPARE(session.timelineModel()->rowCount(), finalEvents.size());
    QCOMPARE(session.timelineModel()->declaredAt(), finalRecord.declaredAt);
    QVERIFY(!session.isActive());
}

void tst_IncidentSession::eventsAppearOnlyAfterCommit()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    PlainConnection other(databasePath());
    QVERIFY(other.isOpen());
    IncidentSession session(&incidents);

    // Checked the moment each line is announced, from another connection.
    QList<qint64> invisible;
    int announced = 0;
    connect(&session, &IncidentSession::eventRecorded, this, [&](const IncidentEvent &event) {
        ++announced;
        if (other
                .scalar(u"SELECT count(*) FROM incident_events WHERE id = ? AND summary = ?"_s,
                        {event.id, event.summary})
                .toInt() != 1)
            invisible.append(event.id);
    });
    // The store may run ahead of what is shown, never behind: the moment the session shows
    // the new status, the row has it.
    QString statusSeen;
    connect(&session, &IncidentSession::changed, this, [&] {
        if (session.incident().status == IncidentStatus::Monitoring && statusSeen.isEmpty()) {
            statusSeen =
                other
                    .scalar(u"SELECT status FROM incidents WHERE id = ?"_s, {session.incident().id})
                    .toString();
        }
    });

    QVERIFY(session.declare(newIncident()));
    QVERIFY(waitUntilOpen(session));
    for (int i = 0; i < 20; ++i)
        QVERIFY(session.addNote(u"note %1"_s.arg(i)));
    QVERIFY(session.setStatus(IncidentStatus::Monitoring));
    QVERIFY(waitForEvents(session, 21));
    QCOMPARE(announced, 22);
    QCOMPARE(invisible, QList<qint64>());
    QCOMPARE(statusSeen, u"monitoring"_s);
}

void tst_IncidentSession::firstNoteFollowsTheDeclaration()
{
    // The store answers declare() later; a note given with it is written once there is an
    // incident, right after the Declared line (a red check's evidence from the Dashboard).
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    IncidentSession session(&incidents);
    QSignalSpy failed(&session, &IncidentSession::failed);
    QVERIFY(session.declare(newIncident(), u"Check api health: Critical\nHTTP 503 in 2350 ms"_s));
    QVERIFY(waitUntilOpen(session));
    QTRY_COMPARE(session.events().size(), 2);
    QCOMPARE(session.events().at(0).kind, IncidentEvent::Kind::Declared);
    QCOMPARE(session.events().at(1).kind, IncidentEvent::Kind::Note);
    QCOMPARE(session.events().at(1).summary, u"Check api health: Critical\nHTTP 503 in 2350 ms"_s);
    QCOMPARE(failed.count(), 0);
}

void tst_IncidentSession::refusesWhatIsNotAllowed()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    IncidentSession session(&incidents);
    QSignalSpy failed(&session, &IncidentSession::failed);

    // Nothing to act on yet.
    QVERIFY(!session.addNote(u"hello"_s));
    QVERIFY(!session.setStatus(IncidentStatus::Resolved));
    QCOMPARE(failed.size(), 2);
    QVERIFY(!session.declare(Incident{}));
    QCOMPARE(failed.size(), 3);

    QVERIFY(session.declare(newIncident()));
    QVERIFY(!session.declare(newIncident())); // one incident per session
    QVERIFY(!session.resume(1));
    QCOMPARE(failed.size(), 5);
    QVERIFY(waitUntilOpen(session));
    failed.clear();

    QVERIFY(!session.addNote(u"   "_s));
    QVERIFY(!session.recordEscalation(u" "_s));
    QVERIFY(!session.recordCommunication(u"update"_s, QString()));
    QVERIFY(!session.setField(IncidentField::Title, u" "_s));
    QCOMPARE(failed.size(), 4);
    failed.clear();

    // The same status and severity are no-ops, not errors.
    QVERIFY(session.setStatus(IncidentStatus::Investigating));
    QVERIFY(session.setSeverity(IncidentSeverity::Sev2));
    QVERIFY(failed.isEmpty());

    QVERIFY(session.setStatus(IncidentStatus::Identified));
    QVERIFY(!session.setStatus(IncidentStatus::Investigating)); // back only once mitigated
    QCOMPARE(failed.size(), 1);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(u"Identified") && message.contains(u"Investigating") &&
                 message.contains(session.incident().reference()),
             qPrintable(message));
    failed.clear();

    QVERIFY(session.setStatus(IncidentStatus::Closed));
    QVERIFY(waitForEvents(session, 2));
    for (const IncidentStatus status : {IncidentStatus::Investigating, IncidentStatus::Identified,
                                        IncidentStatus::Monitoring, IncidentStatus::Resolved}) {
        QVERIFY(!session.setStatus(status));
    }
    QCOMPARE(failed.size(), 4);
    QVERIFY(failed.at(0).at(0).toString().contains(u"closed"));
    // Closing without resolving first still says when it ended.
    QVERIFY(session.incident().resolvedAt.isValid());
    QVERIFY(session.incident().closedAt.isValid());

    // The post-incident review still writes to the record of a closed incident.
    failed.clear();
    QVERIFY(session.setLessons(u"Alert earlier"_s));
    QVERIFY(waitForEvents(session, 1));
    QCOMPARE(session.incident().lessons, u"Alert earlier"_s);
}

void tst_IncidentSession::failedUpdateLeavesRecordAsCommitted()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    IncidentSession session(&incidents);
    QVERIFY(session.declare(newIncident()));
    QVERIFY(waitUntilOpen(session));
    QSignalSpy failed(&session, &IncidentSession::failed);
    QSignalSpy recorded(&session, &IncidentSession::eventRecorded);

    // Another process holds the write lock past the busy timeout: the change cannot be
    // committed, so it must not show, and the session must not believe it happened.
    {
        PlainConnection locker(databasePath());
        QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));
        QVERIFY(session.setStatus(IncidentStatus::Monitoring));
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QVERIFY(locker.exec(u"COMMIT"_s));
    }
    QVERIFY2(failed.at(0).at(0).toString().contains(databasePath()),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(recorded.isEmpty());
    QVERIFY(session.incident().status == IncidentStatus::Investigating);
    QCOMPARE(session.events().size(), 1);

    // The same wish again is a real change, not a no-op, and now it goes through.
    QVERIFY(session.setStatus(IncidentStatus::Monitoring));
    QVERIFY(waitForEvents(session, 1));
    QVERIFY(session.incident().status == IncidentStatus::Monitoring);
    QCOMPARE(session.events().last().summary, u"Status changed from Investigating to Monitoring"_s);
}

void tst_IncidentSession::timelineModel()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    IncidentSession session(&incidents);
    IncidentTimelineModel *model = session.timelineModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

    QCOMPARE(model->columnCount(), int(IncidentTimelineModel::ColumnCount));
    QCOMPARE(model->headerData(IncidentTimelineModel::TimeColumn, Qt::Horizontal).toString(),
             u"Time"_s);
    QCOMPARE(model->headerData(IncidentTimelineModel::ElapsedColumn, Qt::Horizontal).toString(),
             u"Elapsed"_s);
    QCOMPARE(model->headerData(IncidentTimelineModel::ExitColumn, Qt::Horizontal).toString(),
             u"Exit"_s);

    QVERIFY(session.declare(newIncident()));
    QVERIFY(waitUntilOpen(session));
    QVERIFY(session.addNote(u"first line\nsecond line"_s));
    QString output;
    for (int i = 1; i <= 20; ++i)
        output += u"line %1\n"_s.arg(i);
    QVERIFY(session.recordStepRun(u"web-1"_s, u"journalctl -u nginx\n| tail"_s, exited(3, 250),
                                  output));
    QVERIFY(waitForEvents(session, 2));
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(inserted.size(), 3); // the declaration and each line, one row at a time

    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model->data(model->index(row, column), role);
    };
    static const QRegularExpression elapsed(u"^T\\+00:0\\d$"_s);
    static const QRegularExpression wallTime(u"^\\d\\d:\\d\\d:\\d\\d$"_s);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(
            elapsed.match(cell(row, IncidentTimelineModel::ElapsedColumn).toString()).hasMatch());
        QVERIFY(wallTime.match(cell(row, IncidentTimelineModel::TimeColumn).toString()).hasMatch());
        QCOMPARE(cell(row, 0, IncidentTimelineModel::EventIdRole).toLongLong(),
                 session.events().at(row).id);
        QCOMPARE(cell(row, 0, IncidentTimelineModel::AtRole).toDateTime(),
                 session.events().at(row).at);
    }
    QCOMPARE(cell(0, IncidentTimelineModel::KindColumn).toString(), u"Declared"_s);
    QCOMPARE(cell(0, 0, IncidentTimelineModel::KindRole).toInt(),
             int(IncidentEvent::Kind::Declared));

    // A note shows its first line; the tooltip has all of it.
    QCOMPARE(cell(1, IncidentTimelineModel::SummaryColumn).toString(), u"first line"_s);
    QCOMPARE(cell(1, IncidentTimelineModel::SummaryColumn, Qt::ToolTipRole).toString(),
             u"first line\nsecond line"_s);
    QCOMPARE(cell(1, IncidentTimelineModel::ExitColumn).toString(), QString());

    // A step: command and outcome, host, exit; digest in the tooltip, output in full.
    QCOMPARE(cell(2, IncidentTimelineModel::KindColumn).toString(), u"Step run"_s);
    QCOMPARE(cell(2, IncidentTimelineModel::SummaryColumn).toString(),
             u"journalctl -u nginx — Ran on web-1: exit 3 in 250 ms"_s);
    QCOMPARE(cell(2, IncidentTimelineModel::HostColumn).toString(), u"web-1"_s);
    QCOMPARE(cell(2, IncidentTimelineModel::ExitColumn).toString(), u"3"_s);
    QCOMPARE(cell(2, 0, IncidentTimelineModel::OutputRole).toString(), output);
    QCOMPARE(cell(2, 0, IncidentTimelineModel::CommandRole).toString(),
             u"journalctl -u nginx\n| tail"_s);
    const QString digest = outputDigest(output);
    QCOMPARE(cell(2, 0, IncidentTimelineModel::OutputDigestRole).toString(), digest);
    QVERIFY(digest.contains(u"14 more line"));
    QCOMPARE(cell(2, IncidentTimelineModel::SummaryColumn, Qt::ToolTipRole).toString(),
             u"journalctl -u nginx\n| tail\n\n"_s + digest);
    QVERIFY(!cell(2, IncidentTimelineModel::TimeColumn, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model->index(0, 0, model->index(0, 0)).isValid());

    // Another day than the declaration's: the date goes in front.
    const QDateTime declared = session.incident().declaredAt;
    QVERIFY(model->wallTimeText(declared.addDays(1)).size() > 8);
    QCOMPARE(model->wallTimeText(declared), declared.toLocalTime().toString(u"HH:mm:ss"_s));

    // Resuming fills the model in one go; clear() empties it.
    IncidentSession resumed(&incidents);
    QAbstractItemModelTester resumedTester(resumed.timelineModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(resumed.resume(session.incident().id));
    QVERIFY(waitUntilOpen(resumed));
    QCOMPARE(resumed.timelineModel()->rowCount(), 3);
    QCOMPARE(resumed.timelineModel()->data(resumed.timelineModel()->index(2, 4)).toString(),
             u"web-1"_s);
    resumed.timelineModel()->clear();
    QCOMPARE(resumed.timelineModel()->rowCount(), 0);
}

void tst_IncidentSession::remindersFollowSession()
{
    // The wiring the incident page uses: the session feeds the reminders, a due reminder is
    // recorded on the timeline, and a resumed incident is not reminded again.
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    qint64 incidentId = 0;
    {
        IncidentSession session(&incidents);
        EscalationReminders reminders;
        connect(&session, &IncidentSession::changed, &reminders,
                [&] { reminders.setIncident(session.incident(), session.events()); });
        connect(&reminders, &EscalationReminders::reminderDue, &session,
                [&](const EscalationStep &step, const QString &who) {
                    session.recordEscalation(step.notify, who);
                });
        Incident incident = newIncident();
        incident.severity = IncidentSeverity::Sev1;
        incident.declaredAt = QDateTime::currentDateTimeUtc().addSecs(-20 * 60);
        QVERIFY(session.declare(incident));
        // On-call (now) and Platform Lead (15 min) are due already.
        QTRY_COMPARE_WITH_TIMEOUT(session.events().size(), 3, 20000);
        QCOMPARE(session.events().at(1).subject, u"On-call"_s);
        QCOMPARE(session.events().at(2).subject, u"Platform Lead"_s);
        QCOMPARE(reminders.pending().size(), 2); // CTO, CEO
        incidentId = session.incident().id;
    }

    IncidentSession session(&incidents);
    EscalationReminders reminders;
    QSignalSpy due(&reminders, &EscalationReminders::reminderDue);
    connect(&session, &IncidentSession::changed, &reminders,
            [&] { reminders.setIncident(session.incident(), session.events()); });
    QVERIFY(session.resume(incidentId));
    QVERIFY(waitUntilOpen(session));
    QCOMPARE(reminders.pending().size(), 2);
    QCOMPARE(reminders.pending().at(0).step.notify, u"CTO"_s);
    QTest::qWait(200);
    QVERIFY(due.isEmpty());
}

void tst_IncidentSession::survivesSigkill()
{
    KilledWriter writer;
    QString writerError;
    QVERIFY2(
        writer.runAndKill(QStringLiteral(INCIDENT_WRITER), {databasePath()}, 300, &writerError),
        qPrintable(writerError));
    QCOMPARE(writer.badLines(), QStringList());
    const qint64 incidentId = writer.value("incident").toLongLong();
    QVERIFY(incidentId > 0);
    const QList<qint64> printed = writer.ids();
    QVERIFY(printed.size() >= 300);

    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        QList<qint64> missing;
        for (const qint64 id : std::as_const(printed)) {
            if (db.scalar(
                      u"SELECT count(*) FROM incident_events WHERE id = ? AND incident_id = ?"_s,
                      {id, incidentId})
                    .toInt() != 1)
                missing.append(id);
        }
        QCOMPARE(missing, QList<qint64>());
    }

    // The next start finds the open incident and resumes it with everything shown before.
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);
    const auto open = queryIncidents(incidents, true);
    QVERIFY(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->at(0).id, incidentId);

    IncidentSession session(&incidents);
    QVERIFY(session.resume(incidentId));
    QVERIFY(waitUntilOpen(session));
    QVERIFY(session.isActive());
    QCOMPARE(session.incident().title, u"Writer incident"_s);
    QList<qint64> resumedIds;
    for (const IncidentEvent &event : session.events())
        resumedIds.append(event.id);
    qInfo("writer killed after %lld confirmed lines; %lld more were committed but not printed",
          static_cast<long long>(printed.size()),
          static_cast<long long>(resumedIds.size() - printed.size()));
    QVERIFY(std::is_sorted(resumedIds.cbegin(), resumedIds.cend()));
    // Everything printed, in the order printed; at most the lines in flight come on top.
    QVERIFY(resumedIds.size() >= printed.size());
    QCOMPARE(resumedIds.mid(0, printed.size()), printed);
    QVERIFY(resumedIds.size() - printed.size() <= 5);
    QCOMPARE(session.timelineModel()->rowCount(), resumedIds.size());

    // Each status change went in with its line: the row agrees with the last line about it.
    QString lastStatus = u"investigating"_s;
    for (const IncidentEvent &event : session.events()) {
        if (event.kind == IncidentEvent::Kind::StatusChanged)
            lastStatus = event.subject;
    }
    QCOMPARE(incidentStatusId(session.incident().status), lastStatus);
    QVERIFY(lastStatus != u"investigating"_s);

    // And it can go on.
    QVERIFY(session.addNote(u"after the crash"_s));
    QVERIFY(waitForEvents(session, 1));
}

QTEST_GUILESS_MAIN(tst_IncidentSession)
#include "tst_incidentsession.moc"
