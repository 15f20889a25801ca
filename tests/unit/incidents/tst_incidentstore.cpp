// SPDX-License-Identifier: GPL-3.0-or-later
// The incidents' tables in the state store: schema, writes in one transaction with their
// timeline line, reads, and what is refused.
#include "incidenttesting.h"
#include "models/incidents/incidentstore.h"
#include "models/persistence/migrations.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace StateTesting;
using namespace IncidentTesting;
using namespace Qt::StringLiterals;

namespace {

std::optional<StoreResult<IncidentEvent>> create(IncidentStore &store, const Incident &incident)
{
    return waitFor<IncidentEvent>(
        [&](QObject *context, auto done) { store.create(incident, context, std::move(done)); });
}

std::optional<StoreResult<qint64>> update(IncidentStore &store, const Incident &incident,
                                          const std::optional<IncidentEvent> &event = {})
{
    return waitFor<qint64>([&](QObject *context, auto done) {
        store.update(incident, event, context, std::move(done));
    });
}

std::optional<StoreResult<qint64>> append(IncidentStore &store, const IncidentEvent &event)
{
    return waitFor<qint64>(
        [&](QObject *context, auto done) { store.appendEvent(event, context, std::move(done)); });
}

std::optional<StoreResult<IncidentRecord>> load(IncidentStore &store, qint64 incidentId)
{
    return waitFor<IncidentRecord>(
        [&](QObject *context, auto done) { store.load(incidentId, context, std::move(done)); });
}

std::optional<QList<Incident>> query(IncidentStore &store, bool openOnly)
{
    const auto answer = waitFor<QList<Incident>>(
        [&](QObject *context, auto done) { store.query(openOnly, context, std::move(done)); });
    if (!answer || !answer->ok())
        return std::nullopt;
    return answer->value();
}

} // namespace

class tst_IncidentStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void schemaOfIncidents();
    void upgradesVersionOneDatabase();
    void storeNotOpen();
    void roundTrip();
    void refusesBadWrites();
    void writtenWithoutTheCaller();

private:
    QString databasePath() const { return m_dir->filePath(u"state.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_IncidentStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_IncidentStore::cleanup()
{
    m_dir.reset();
}

void tst_IncidentStore::schemaOfIncidents()
{
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
    }
    PlainConnection db(databasePath());
    QVERIFY(db.isOpen());
    QVERIFY(Migrations::latestVersion() >= 2);
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
    QCOMPARE(
        db.column(u"SELECT name FROM pragma_table_info('incidents')"_s),
        (QStringList{u"id"_s, u"title"_s, u"severity"_s, u"status"_s, u"services"_s, u"commander"_s,
                     u"declared_at"_s, u"resolved_at"_s, u"closed_at"_s, u"runbook"_s, u"impact"_s,
                     u"root_cause"_s, u"detection"_s, u"lessons"_s, u"action_items"_s}));
    QCOMPARE(db.column(u"SELECT name FROM pragma_table_info('incident_events')"_s),
             (QStringList{u"id"_s, u"incident_id"_s, u"at"_s, u"kind"_s, u"subject"_s, u"summary"_s,
                          u"host"_s, u"command"_s, u"exit_code"_s, u"duration_ms"_s, u"output"_s,
                          u"author"_s}));
    QCOMPARE(db.column(u"SELECT \"table\" || '.' || \"from\" || ' -> ' || \"to\""
                       " FROM pragma_foreign_key_list('incident_events')"_s),
             QStringList{u"incidents.incident_id -> id"_s});
    QCOMPARE(db.column(u"SELECT ii.name FROM pragma_index_list('incident_events') AS il,"
                       " pragma_index_info(il.name) AS ii WHERE il.origin = 'c'"_s),
             QStringList{u"incident_id"_s});

    // CHECK constraints, the foreign key and the append-only triggers hold without the store.
    QVERIFY(db.exec(u"PRAGMA foreign_keys = ON"_s));
    QVERIFY(!db.exec(u"INSERT INTO incidents (title, severity, status, declared_at)"
                     " VALUES ('t', 'SEV-9', 'investigating', 'x')"_s,
                     true));
    QVERIFY(!db.exec(u"INSERT INTO incidents (title, severity, status, declared_at)"
                     " VALUES ('t', 'SEV-1', 'panicking', 'x')"_s,
                     true));
    QVERIFY(!db.exec(u"INSERT INTO incident_events (incident_id, at, kind, summary)"
                     " VALUES (999, 'x', 'note', 's')"_s,
                     true));
    QVERIFY(db.exec(u"INSERT INTO incidents (id, title, severity, status, declared_at)"
                    " VALUES (1, 't', 'SEV-1', 'investigating', 'x')"_s));
    QVERIFY(!db.exec(u"INSERT INTO incident_events (incident_id, at, kind, summary)"
                     " VALUES (1, 'x', 'gossip', 's')"_s,
                     true));
    QVERIFY(db.exec(u"INSERT INTO incident_events (incident_id, at, kind, summary)"
                    " VALUES (1, 'x', 'note', 's')"_s));
    QVERIFY(!db.exec(u"UPDATE incident_events SET summary = 'rewritten'"_s, true));
    QVERIFY(!db.exec(u"DELETE FROM incident_events"_s, true));
    QCOMPARE(db.scalar(u"SELECT summary FROM incident_events"_s).toString(), u"s"_s);
}

void tst_IncidentStore::upgradesVersionOneDatabase()
{
    // A state database from before incidents existed: audit rows only.
    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QString error;
        QVERIFY2(Migrations::apply(db.database(), {Migrations::steps().at(0)}, &error),
                 qPrintable(error));
        QVERIFY(db.exec(u"INSERT INTO audit_log (started_at, host, command, risk, status)"
                        " VALUES ('2024-03-01T12:00:00.000Z', 'web-1', 'uptime', 'read',"
                        " 'finished')"_s));
        QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), 1);
    }
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        IncidentStore incidents(&store);
        const auto declared = create(incidents, newIncident());
        QVERIFY(declared && declared->ok());
    }
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
    QCOMPARE(db.scalar(u"SELECT command FROM audit_log"_s).toString(), u"uptime"_s);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM incidents"_s).toInt(), 1);
    QCOMPARE(db.scalar(u"SELECT kind FROM incident_events"_s).toString(), u"declared"_s);
}

void tst_IncidentStore::storeNotOpen()
{
    StateStore store; // never opened
    IncidentStore incidents(&store);
    const QString message = errorOf(create(incidents, newIncident()));
    QVERIFY2(message.contains(u"not open"), qPrintable(message));
    QVERIFY(errorOf(load(incidents, 1)).contains(u"not open"));
    QVERIFY(!query(incidents, false));
}

void tst_IncidentStore::roundTrip()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);

    Incident incident = newIncident();
    incident.declaredAt =
        QDateTime(QDate(2024, 3, 1), QTime(13, 0, 0, 250), Qt::OffsetFromUTC, 3600);
    incident.services = {u"a, with comma"_s, u"b"_s};
    const auto created = create(incidents, incident);
    QVERIFY(created && created->ok());
    const IncidentEvent declaration = created->value();
    const qint64 incidentId = declaration.incidentId;
    QVERIFY(incidentId > 0);
    QVERIFY(declaration.id > 0);
    QVERIFY(declaration.kind == IncidentEvent::Kind::Declared);
    QCOMPARE(declaration.at, incident.declaredAt);

    {
        PlainConnection db(databasePath());
        QCOMPARE(
            db.scalar(u"SELECT declared_at FROM incidents WHERE id = ?"_s, {incidentId}).toString(),
            u"2024-03-01T12:00:00.250Z"_s);
        QCOMPARE(db.scalar(u"SELECT services FROM incidents"_s).toString(),
                 u"[\"a, with comma\",\"b\"]"_s);
    }

    // A second, older incident, closed.
    Incident older = newIncident();
    older.title = u"Old"_s;
    older.declaredAt = incident.declaredAt.addDays(-1);
    older.status = IncidentStatus::Closed;
    const auto olderCreated = create(incidents, older);
    QVERIFY(olderCreated && olderCreated->ok());
    const qint64 olderId = olderCreated->value().incidentId;

    // Update with a line, in one transaction.
    Incident changed = incident;
    changed.id = incidentId;
    changed.status = IncidentStatus::Resolved;
    changed.resolvedAt = incident.declaredAt.addSecs(600);
    changed.rootCause = u"a bad deploy"_s;
    IncidentEvent line;
    line.kind = IncidentEvent::Kind::StatusChanged;
    line.summary = u"Status changed"_s;
    line.subject = u"resolved"_s;
    const qint64 lineId = valueOr(update(incidents, changed, line), qint64(0));
    QVERIFY(lineId > declaration.id);

    // And one without.
    QCOMPARE(valueOr(update(incidents, changed), qint64(-1)), qint64(0));

    IncidentEvent step;
    step.incidentId = incidentId;
    step.kind = IncidentEvent::Kind::StepRun;
    step.summary = u"Ran on web-1: exit 3 in 5 ms"_s;
    step.host = u"web-1"_s;
    step.command = u"false"_s;
    step.exitCode = 3;
    step.durationMs = 5;
    step.output = u"out\nput"_s;
    step.author = u"me"_s;
    const qint64 stepId = valueOr(append(incidents, step), qint64(0));
    QVERIFY(stepId > lineId);

    const auto loaded = load(incidents, incidentId);
    QVERIFY(loaded && loaded->ok());
    QVERIFY(loaded->value().incident == changed);
    const QList<IncidentEvent> &events = loaded->value().events;
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0), declaration);
    QCOMPARE(events.at(1).id, lineId);
    QCOMPARE(events.at(1).subject, u"resolved"_s);
    QVERIFY(!events.at(1).exitCode);
    QVERIFY(events.at(1).at.isValid());
    IncidentEvent expectedStep = step;
    expectedStep.id = stepId;
    expectedStep.at = events.at(2).at; // stamped by the store when appended
    QCOMPARE(events.at(2), expectedStep);
    QVERIFY(events.at(2).at >= events.at(1).at);

    const auto all = query(incidents, false);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, incidentId); // newest first
    QCOMPARE(all->at(1).id, olderId);
    const auto open = query(incidents, true);
    QVERIFY(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->at(0).id, incidentId);
}

void tst_IncidentStore::refusesBadWrites()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    IncidentStore incidents(&store);

    QVERIFY(errorOf(create(incidents, Incident{})).contains(databasePath()));

    Incident ghost = newIncident();
    ghost.id = 4242;
    ghost.declaredAt = QDateTime::currentDateTimeUtc();
    QString message = errorOf(update(incidents, ghost));
    QVERIFY2(message.contains(u"4242") && message.contains(databasePath()), qPrintable(message));

    IncidentEvent orphan;
    orphan.incidentId = 4242;
    orphan.summary = u"nobody's"_s;
    message = errorOf(append(incidents, orphan));
    QVERIFY2(message.contains(u"4242"), qPrintable(message));

    QVERIFY(errorOf(load(incidents, 4242)).contains(u"4242"));

    // An update whose line cannot be written leaves the row as it was.
    const auto created = create(incidents, newIncident());
    QVERIFY(created && created->ok());
    Incident real = newIncident();
    real.id = created->value().incidentId;
    real.declaredAt = created->value().at;
    real.title = u"Changed"_s;
    IncidentEvent empty; // no summary
    QVERIFY(!errorOf(update(incidents, real, empty)).isEmpty());
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"SELECT title FROM incidents WHERE id = ?"_s, {real.id}).toString(),
             newIncident().title);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM incident_events"_s).toInt(), 1);
}

void tst_IncidentStore::writtenWithoutTheCaller()
{
    // The caller is gone before the answers: everything asked for is written, in order, and
    // nobody is called back.
    qint64 incidentId = 0;
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        IncidentStore incidents(&store);
        const auto created = create(incidents, newIncident());
        QVERIFY(created && created->ok());
        incidentId = created->value().incidentId;

        bool answered = false;
        auto caller = std::make_unique<QObject>();
        for (int i = 0; i < 20; ++i) {
            IncidentEvent note;
            note.incidentId = incidentId;
            note.kind = IncidentEvent::Kind::Note;
            note.summary = u"note %1"_s.arg(i);
            incidents.appendEvent(note, caller.get(),
                                  [&answered](const StoreResult<qint64> &) { answered = true; });
        }
        caller.reset();
        QCoreApplication::processEvents();
        QVERIFY(!answered);
    } // the store's destructor runs what is still queued
    PlainConnection db(databasePath());
    QCOMPARE(
        db.scalar(u"SELECT count(*) FROM incident_events WHERE incident_id = ?"_s, {incidentId})
            .toInt(),
        21);
    QCOMPARE(
        db.scalar(u"SELECT summary FROM incident_events ORDER BY id DESC LIMIT 1"_s).toString(),
        u"note 19"_s);
}

QTEST_GUILESS_MAIN(tst_IncidentStore)
#include "tst_incidentstore.moc"
