// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentstore.h"

#include "models/persistence/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace OpsDeck {

using namespace SqlValues;

namespace {

// Service names as a JSON array: names may contain commas or spaces.
QString servicesText(const QStringList &services)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(services)).toJson(QJsonDocument::Compact));
}

QStringList servicesFromText(const QVariant &value)
{
    QStringList services;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        services.append(item.toString());
    return services;
}

constexpr auto IncidentColumns = "id, title, severity, status, services, commander, declared_at,"
                                 " resolved_at, closed_at, runbook, impact, root_cause, detection,"
                                 " lessons, action_items";

// Binds every column of IncidentColumns but id, in that order.
void bindIncident(QSqlQuery &query, const Incident &incident)
{
    query.addBindValue(incident.title);
    query.addBindValue(severityName(incident.severity));
    query.addBindValue(incidentStatusId(incident.status));
    query.addBindValue(servicesText(incident.services));
    query.addBindValue(nullIfEmpty(incident.commander));
    query.addBindValue(timeText(incident.declaredAt));
    query.addBindValue(timeText(incident.resolvedAt));
    query.addBindValue(timeText(incident.closedAt));
    query.addBindValue(nullIfEmpty(incident.runbook));
    query.addBindValue(nullIfEmpty(incident.impact));
    query.addBindValue(nullIfEmpty(incident.rootCause));
    query.addBindValue(nullIfEmpty(incident.detection));
    query.addBindValue(nullIfEmpty(incident.lessons));
    query.addBindValue(nullIfEmpty(incident.actionItems));
}

Incident incidentFromRow(const QSqlQuery &query)
{
    Incident incident;
    incident.id = query.value(0).toLongLong();
    incident.title = query.value(1).toString();
    // CHECK constraints keep severity and status to the known names.
    incident.severity =
        severityFromName(query.value(2).toString()).value_or(IncidentSeverity::Sev1);
    incident.status =
        incidentStatusFromId(query.value(3).toString()).value_or(IncidentStatus::Investigating);
    incident.services = servicesFromText(query.value(4));
    incident.commander = query.value(5).toString();
    incident.declaredAt = timeFromText(query.value(6));
    incident.resolvedAt = timeFromText(query.value(7));
    incident.closedAt = timeFromText(query.value(8));
    incident.runbook = query.value(9).toString();
    incident.impact = query.value(10).toString();
    incident.rootCause = query.value(11).toString();
    incident.detection = query.value(12).toString();
    incident.lessons = query.value(13).toString();
    incident.actionItems = query.value(14).toString();
    return incident;
}

IncidentEvent eventFromRow(const QSqlQuery &query)
{
    IncidentEvent event;
    event.id = query.value(0).toLongLong();
    event.incidentId = query.value(1).toLongLong();
    event.at = timeFromText(query.value(2));
    event.kind =
        incidentEventKindFromId(query.value(3).toString()).value_or(IncidentEvent::Kind::Note);
    event.subject = query.value(4).toString();
    event.summary = query.value(5).toString();
    event.host = query.value(6).toString();
    event.command = query.value(7).toString();
    event.exitCode = optionalFrom<int>(query.value(8));
    event.durationMs = query.value(9).toLongLong();
    event.output = query.value(10).toString();
    event.author = query.value(11).toString();
    return event;
}

// Inserts one timeline line; its id, or SQLite's error (bare, for the caller's sentence).
StoreResult<qint64> insertEvent(StoreConnection &db, const IncidentEvent &event)
{
    if (event.summary.trimmed().isEmpty())
        return StoreError{IncidentStore::tr("a timeline event needs a summary")};
    QSqlQuery query(db.database());
    query.prepare(QStringLiteral(
        "INSERT INTO incident_events (incident_id, at, kind, subject, summary, host, command,"
        " exit_code, duration_ms, output, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(event.incidentId);
    query.addBindValue(timeText(event.at));
    query.addBindValue(incidentEventKindId(event.kind));
    query.addBindValue(nullIfEmpty(event.subject));
    query.addBindValue(event.summary);
    query.addBindValue(nullIfEmpty(event.host));
    query.addBindValue(nullIfEmpty(event.command));
    query.addBindValue(nullIfUnset(event.exitCode));
    query.addBindValue(event.durationMs);
    query.addBindValue(nullIfEmpty(event.output));
    query.addBindValue(nullIfEmpty(event.author));
    if (!query.exec())
        return StoreError{query.lastError().text()};
    return query.lastInsertId().toLongLong();
}

} // namespace

IncidentStore::IncidentStore(StateStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(store);
}

IncidentStore::~IncidentStore() = default;

void IncidentStore::create(const Incident &incident, QObject *context, Done<IncidentEvent> done)
{
    Incident record = incident;
    record.id = 0;
    // Taken here, not on the store's thread: the moment it was declared, not when it was written.
    if (!record.declaredAt.isValid())
        record.declaredAt = QDateTime::currentDateTimeUtc();
    m_store->submit<IncidentEvent>(
        context,
        [record](StoreConnection &db) -> StoreResult<IncidentEvent> {
            if (record.title.trimmed().isEmpty()) {
                return StoreError{
                    tr("Cannot declare an incident without a title in the state database %1.")
                        .arg(db.path())};
            }
            const StoreResult<IncidentEvent> declared = db.inTransaction(
                StoreConnection::Transaction::Write, [&]() -> StoreResult<IncidentEvent> {
                    QSqlQuery query(db.database());
                    query.prepare(QStringLiteral(
                        "INSERT INTO incidents (title, severity, status, services, commander,"
                        " declared_at, resolved_at, closed_at, runbook, impact, root_cause,"
                        " detection, lessons, action_items)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                    bindIncident(query, record);
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    Incident created = record;
                    created.id = query.lastInsertId().toLongLong();
                    IncidentEvent declaration = declarationEvent(created);
                    const StoreResult<qint64> eventId = insertEvent(db, declaration);
                    if (!eventId)
                        return StoreError{eventId.error()};
                    declaration.id = *eventId;
                    return declaration;
                });
            if (!declared) {
                return StoreError{
                    tr("Cannot declare the incident '%1' in the state database %2: %3")
                        .arg(record.title, db.path(), declared.error())};
            }
            return declared;
        },
        std::move(done));
}

void IncidentStore::update(const Incident &incident, const std::optional<IncidentEvent> &event,
                           QObject *context, Done<qint64> done)
{
    std::optional<IncidentEvent> line = event;
    if (line) {
        line->incidentId = incident.id;
        if (!line->at.isValid())
            line->at = QDateTime::currentDateTimeUtc();
    }
    m_store->submit<qint64>(
        context,
        [incident, line](StoreConnection &db) -> StoreResult<qint64> {
            bool found = true;
            const StoreResult<qint64> written =
                db.inTransaction(StoreConnection::Transaction::Write, [&]() -> StoreResult<qint64> {
                    QSqlQuery query(db.database());
                    query.prepare(QStringLiteral(
                        "UPDATE incidents SET title = ?, severity = ?, status = ?, services = ?,"
                        " commander = ?, declared_at = ?, resolved_at = ?, closed_at = ?,"
                        " runbook = ?, impact = ?, root_cause = ?, detection = ?, lessons = ?,"
                        " action_items = ? WHERE id = ?"));
                    bindIncident(query, incident);
                    query.addBindValue(incident.id);
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    if (query.numRowsAffected() != 1) {
                        found = false;
                        return StoreError{tr("no such incident")};
                    }
                    if (!line)
                        return qint64(0);
                    return insertEvent(db, *line);
                });
            if (!found) {
                return StoreError{tr("Incident %1 does not exist in the state database %2.")
                                      .arg(QString::number(incident.id), db.path())};
            }
            if (!written) {
                return StoreError{
                    tr("Cannot update incident %1 in the state database %2: %3")
                        .arg(QString::number(incident.id), db.path(), written.error())};
            }
            return written;
        },
        std::move(done));
}

void IncidentStore::appendEvent(const IncidentEvent &event, QObject *context, Done<qint64> done)
{
    IncidentEvent line = event;
    if (!line.at.isValid())
        line.at = QDateTime::currentDateTimeUtc();
    m_store->submit<qint64>(
        context,
        [line](StoreConnection &db) -> StoreResult<qint64> {
            // Autocommit: a single INSERT is its own transaction, committed when exec() returns.
            const StoreResult<qint64> eventId = insertEvent(db, line);
            if (!eventId) {
                return StoreError{
                    tr("Cannot add to the timeline of incident %1 in the state database %2: %3")
                        .arg(QString::number(line.incidentId), db.path(), eventId.error())};
            }
            return eventId;
        },
        std::move(done));
}

void IncidentStore::load(qint64 incidentId, QObject *context, Done<IncidentRecord> done)
{
    m_store->submit<IncidentRecord>(
        context,
        [incidentId](StoreConnection &db) -> StoreResult<IncidentRecord> {
            bool found = false;
            // One read transaction: the row and its timeline from the same moment.
            const StoreResult<IncidentRecord> loaded = db.inTransaction(
                StoreConnection::Transaction::Read, [&]() -> StoreResult<IncidentRecord> {
                    IncidentRecord record;
                    QSqlQuery query(db.database());
                    query.setForwardOnly(true);
                    query.prepare(QStringLiteral("SELECT %1 FROM incidents WHERE id = ?")
                                      .arg(QLatin1String(IncidentColumns)));
                    query.addBindValue(incidentId);
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    if (!query.next())
                        return record;
                    found = true;
                    record.incident = incidentFromRow(query);

                    QSqlQuery lines(db.database());
                    lines.setForwardOnly(true);
                    lines.prepare(QStringLiteral(
                        "SELECT id, incident_id, at, kind, subject, summary, host, command,"
                        " exit_code, duration_ms, output, author FROM incident_events"
                        " WHERE incident_id = ? ORDER BY id"));
                    lines.addBindValue(incidentId);
                    if (!lines.exec())
                        return StoreError{lines.lastError().text()};
                    while (lines.next())
                        record.events.append(eventFromRow(lines));
                    return record;
                });
            if (!loaded) {
                return StoreError{tr("Cannot read incident %1 from the state database %2: %3")
                                      .arg(QString::number(incidentId), db.path(), loaded.error())};
            }
            if (!found) {
                return StoreError{tr("Incident %1 does not exist in the state database %2.")
                                      .arg(QString::number(incidentId), db.path())};
            }
            return loaded;
        },
        std::move(done));
}

void IncidentStore::query(bool openOnly, QObject *context, Done<QList<Incident>> done)
{
    m_store->submit<QList<Incident>>(
        context,
        [openOnly](StoreConnection &db) -> StoreResult<QList<Incident>> {
            QString sql =
                QStringLiteral("SELECT %1 FROM incidents").arg(QLatin1String(IncidentColumns));
            if (openOnly)
                sql += u" WHERE status <> ?";
            sql += u" ORDER BY declared_at DESC, id DESC";

            QSqlQuery query(db.database());
            query.setForwardOnly(true);
            query.prepare(sql);
            if (openOnly)
                query.addBindValue(incidentStatusId(IncidentStatus::Closed));
            if (!query.exec()) {
                return StoreError{tr("Cannot read the incidents from the state database %1: %2")
                                      .arg(db.path(), query.lastError().text())};
            }
            QList<Incident> incidents;
            while (query.next())
                incidents.append(incidentFromRow(query));
            return incidents;
        },
        std::move(done));
}

} // namespace OpsDeck
