// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/persistence/statestore.h"

#include "models/core/paths.h"
#include "models/persistence/migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace OpsDeck {

namespace {

// ISO-8601 UTC with milliseconds: sorts as text, so range filters and ORDER BY use the index.
QVariant timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

template<typename T>
QVariant nullIfUnset(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

template<typename T>
std::optional<T> optionalFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<T>();
}

// LIKE treats % and _ as wildcards; the user's text is meant literally.
QString likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += u'%';
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    escaped += u'%';
    return escaped;
}

std::atomic<quint64> s_connectionCounter{0};

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

} // namespace

// Owns the connection; every member runs in the store's worker thread.
class StateStoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateStoreWorker)

public:
    explicit StateStoreWorker(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {
    }

    void open(quint64 requestId, const QString &requestedPath);
    void beginAudit(quint64 requestId, const AuditEntry &entry);
    void finishAudit(quint64 requestId, qint64 rowId, std::optional<int> exitCode,
                     const QString &signalName, qint64 durationMs, qint64 outputBytes,
                     AuditStatus status, const QDateTime &finishedAt);
    void queryAudit(quint64 requestId, const AuditQuery &query);
    void createIncident(quint64 requestId, const Incident &incident);
    void updateIncident(quint64 requestId, const Incident &incident,
                        const std::optional<IncidentEvent> &event);
    void appendIncidentEvent(quint64 requestId, const IncidentEvent &event);
    void loadIncident(quint64 requestId, qint64 incidentId);
    void queryIncidents(quint64 requestId, bool openOnly);
    void close();

Q_SIGNALS:
    void opened(quint64 requestId, bool ok, const QString &error);
    void auditStarted(quint64 requestId, qint64 rowId);
    void auditFinished(quint64 requestId, qint64 rowId);
    void auditQueried(quint64 requestId, const QList<OpsDeck::AuditEntry> &entries);
    void incidentCreated(quint64 requestId, qint64 incidentId,
                         const OpsDeck::IncidentEvent &declaration);
    void incidentUpdated(quint64 requestId, qint64 incidentId, qint64 eventId);
    void incidentEventAppended(quint64 requestId, qint64 eventId);
    void incidentLoaded(quint64 requestId, const OpsDeck::Incident &incident,
                        const QList<OpsDeck::IncidentEvent> &events);
    void incidentsQueried(quint64 requestId, const QList<OpsDeck::Incident> &incidents);
    void failed(quint64 requestId, const QString &message);

private:
    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }
    // Runs work between BEGIN and COMMIT (IMMEDIATE: take the write lock up front, so the
    // busy timeout applies instead of a deadlock error on the first write). Returns SQLite's
    // error, empty once committed; anything else is rolled back.
    QString inTransaction(const QString &begin, const std::function<QString()> &work);
    // Inserts one timeline line; its id, or 0 and *error.
    qint64 insertEvent(const IncidentEvent &event, QString *error);
    QString configure(const QSqlDatabase &db) const;
    bool ensureOpen(quint64 requestId);
    void assertThread() const { Q_ASSERT(QThread::currentThread() == thread()); }

    QString m_connectionName;
    QString m_path;
    bool m_open = false;
};

void StateStoreWorker::open(quint64 requestId, const QString &requestedPath)
{
    assertThread();
    close();
    m_path = requestedPath.isEmpty() ? Paths::stateDatabaseFile() : requestedPath;

    QString error;
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(directory)) {
        error = tr("Cannot create the folder %1 for the state database %2.")
                    .arg(QDir::toNativeSeparators(directory), m_path);
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        if (!db.isValid()) {
            error = tr("Cannot open the state database %1: the Qt SQLite driver (QSQLITE) is "
                       "not installed.")
                        .arg(m_path);
        } else if (!db.open()) {
            error = tr("Cannot open the state database %1: %2").arg(m_path, db.lastError().text());
        } else {
            error = configure(db);
        }
    }

    if (!error.isEmpty()) {
        close();
        Q_EMIT opened(requestId, false, error);
        return;
    }
    m_open = true;
    Q_EMIT opened(requestId, true, {});
}

QString StateStoreWorker::configure(const QSqlDatabase &db) const
{
    const auto pragma = [&](const QString &statement, QString *result) -> QString {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            return tr("Cannot configure the state database %1 (%2): %3")
                .arg(m_path, statement, query.lastError().text());
        }
        if (result)
            *result = query.next() ? query.value(0).toString() : QString();
        return {};
    };

    // First, so that a file locked by another process is waited for instead of failing.
    QString error = pragma(QStringLiteral("PRAGMA busy_timeout = 5000"), nullptr);
    if (!error.isEmpty())
        return error;

    // Before anything that writes: switching to WAL rewrites the header of a file we may have
    // to refuse, and a refused file must stay exactly as it was.
    if (!Migrations::checkNotNewer(db, Migrations::latestVersion(), &error))
        return error;

    QString journalMode;
    error = pragma(QStringLiteral("PRAGMA journal_mode = WAL"), &journalMode);
    if (!error.isEmpty())
        return error;
    // SQLite silently keeps the old mode where WAL cannot work (e.g. some network file systems).
    if (journalMode.compare(u"wal", Qt::CaseInsensitive) != 0) {
        return tr("Cannot switch the state database %1 to write-ahead logging: SQLite kept "
                  "journal mode '%2'. Is the file on a network or read-only file system?")
            .arg(m_path, journalMode);
    }
    // In WAL mode NORMAL loses no committed transaction when the application crashes; only a
    // power cut can drop the last ones, which is the accepted price for not syncing each write.
    for (const QString &statement : {QStringLiteral("PRAGMA synchronous = NORMAL"),
                                     QStringLiteral("PRAGMA foreign_keys = ON")}) {
        error = pragma(statement, nullptr);
        if (!error.isEmpty())
            return error;
    }

    if (!Migrations::apply(db, &error))
        return error;
    return {};
}

bool StateStoreWorker::ensureOpen(quint64 requestId)
{
    if (m_open)
        return true;
    Q_EMIT failed(requestId, m_path.isEmpty()
                                 ? tr("The state database is not open.")
                                 : tr("The state database %1 is not open.").arg(m_path));
    return false;
}

void StateStoreWorker::beginAudit(quint64 requestId, const AuditEntry &entry)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;
    if (entry.host.isEmpty() || entry.command.isEmpty()) {
        Q_EMIT failed(requestId, tr("Cannot write an audit entry without host or command to the "
                                    "state database %1.")
                                     .arg(m_path));
        return;
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO audit_log (started_at, host, remote_user, command, risk, incident_id, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(timeText(entry.startedAt));
    query.addBindValue(entry.host);
    query.addBindValue(nullIfEmpty(entry.remoteUser));
    query.addBindValue(entry.command);
    query.addBindValue(riskId(entry.risk));
    query.addBindValue(nullIfUnset(entry.incidentId));
    query.addBindValue(auditStatusName(AuditStatus::Running));
    // Autocommit: exec() returning true means the row is committed to the WAL.
    if (!query.exec()) {
        Q_EMIT failed(requestId,
                      tr("Cannot write the start of '%1' on %2 to the audit log in %3: %4")
                          .arg(entry.command, entry.host, m_path, query.lastError().text()));
        return;
    }
    Q_EMIT auditStarted(requestId, query.lastInsertId().toLongLong());
}

void StateStoreWorker::finishAudit(quint64 requestId, qint64 rowId, std::optional<int> exitCode,
                                   const QString &signalName, qint64 durationMs, qint64 outputBytes,
                                   AuditStatus status, const QDateTime &finishedAt)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;
    if (status == AuditStatus::Running) {
        Q_EMIT failed(
            requestId,
            tr("Cannot finish audit entry %1 in %2 with status 'running'.").arg(rowId).arg(m_path));
        return;
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "UPDATE audit_log SET finished_at = ?, exit_code = ?, signal_name = ?, duration_ms = ?,"
        " output_bytes = ?, status = ? WHERE id = ? AND status = ?"));
    query.addBindValue(timeText(finishedAt));
    query.addBindValue(nullIfUnset(exitCode));
    query.addBindValue(nullIfEmpty(signalName));
    query.addBindValue(durationMs);
    query.addBindValue(outputBytes);
    query.addBindValue(auditStatusName(status));
    query.addBindValue(rowId);
    query.addBindValue(auditStatusName(AuditStatus::Running));
    if (!query.exec()) {
        Q_EMIT failed(requestId,
                      tr("Cannot write the end of audit entry %1 to %2: %3")
                          .arg(QString::number(rowId), m_path, query.lastError().text()));
        return;
    }
    if (query.numRowsAffected() != 1) {
        Q_EMIT failed(requestId, tr("Audit entry %1 in %2 does not exist or is already finished.")
                                     .arg(QString::number(rowId), m_path));
        return;
    }
    Q_EMIT auditFinished(requestId, rowId);
}

void StateStoreWorker::queryAudit(quint64 requestId, const AuditQuery &filter)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;

    // Only fixed SQL fragments are joined; every value goes in as a bound parameter.
    QStringList conditions;
    QVariantList values;
    if (!filter.host.isEmpty()) {
        conditions.append(QStringLiteral("host = ?"));
        values.append(filter.host);
    }
    if (!filter.text.isEmpty()) {
        conditions.append(QStringLiteral("command LIKE ? ESCAPE '\\'"));
        values.append(likePattern(filter.text));
    }
    if (filter.from.isValid()) {
        conditions.append(QStringLiteral("started_at >= ?"));
        values.append(timeText(filter.from));
    }
    if (filter.to.isValid()) {
        conditions.append(QStringLiteral("started_at < ?"));
        values.append(timeText(filter.to));
    }
    QString sql = QStringLiteral(
        "SELECT id, started_at, finished_at, host, remote_user, command, risk, exit_code,"
        " signal_name, duration_ms, output_bytes, incident_id, status FROM audit_log");
    if (!conditions.isEmpty())
        sql += u" WHERE " + conditions.join(u" AND ");
    sql += u" ORDER BY started_at DESC, id DESC";
    if (filter.limit > 0) {
        sql += u" LIMIT ?";
        values.append(filter.limit);
    }

    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        Q_EMIT failed(
            requestId,
            tr("Cannot read the audit log from %1: %2").arg(m_path, query.lastError().text()));
        return;
    }

    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.startedAt = timeFromText(query.value(1));
        entry.finishedAt = timeFromText(query.value(2));
        entry.host = query.value(3).toString();
        entry.remoteUser = query.value(4).toString();
        entry.command = query.value(5).toString();
        // CHECK constraints keep both columns to the known names.
        entry.risk = riskFromId(query.value(6).toString()).value_or(Risk::Destroy);
        entry.exitCode = optionalFrom<int>(query.value(7));
        entry.signalName = query.value(8).toString();
        entry.durationMs = optionalFrom<qint64>(query.value(9));
        entry.outputBytes = optionalFrom<qint64>(query.value(10));
        entry.incidentId = optionalFrom<qint64>(query.value(11));
        entry.status =
            auditStatusFromName(query.value(12).toString()).value_or(AuditStatus::Failed);
        entries.append(std::move(entry));
    }
    Q_EMIT auditQueried(requestId, entries);
}

QString StateStoreWorker::inTransaction(const QString &begin, const std::function<QString()> &work)
{
    QSqlDatabase db = database();
    {
        QSqlQuery query(db);
        if (!query.exec(begin))
            return query.lastError().text();
    }
    QString error = work();
    if (error.isEmpty()) {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("COMMIT")))
            return {};
        error = query.lastError().text();
    }
    QSqlQuery rollback(db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return error;
}

qint64 StateStoreWorker::insertEvent(const IncidentEvent &event, QString *error)
{
    if (event.summary.trimmed().isEmpty()) {
        *error = tr("a timeline event needs a summary");
        return 0;
    }
    QSqlQuery query(database());
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
    if (!query.exec()) {
        *error = query.lastError().text();
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

void StateStoreWorker::createIncident(quint64 requestId, const Incident &incident)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;
    if (incident.title.trimmed().isEmpty()) {
        Q_EMIT failed(
            requestId,
            tr("Cannot declare an incident without a title in the state database %1.").arg(m_path));
        return;
    }

    IncidentEvent declaration;
    const QString error = inTransaction(QStringLiteral("BEGIN IMMEDIATE"), [&]() -> QString {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("INSERT INTO incidents (title, severity, status, services,"
                                     " commander, declared_at, resolved_at, closed_at, runbook,"
                                     " impact, root_cause, detection, lessons, action_items)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindIncident(query, incident);
        if (!query.exec())
            return query.lastError().text();
        Incident created = incident;
        created.id = query.lastInsertId().toLongLong();
        declaration = declarationEvent(created);
        QString eventError;
        declaration.id = insertEvent(declaration, &eventError);
        return eventError;
    });
    if (!error.isEmpty()) {
        Q_EMIT failed(requestId, tr("Cannot declare the incident '%1' in the state database %2: %3")
                                     .arg(incident.title, m_path, error));
        return;
    }
    Q_EMIT incidentCreated(requestId, declaration.incidentId, declaration);
}

void StateStoreWorker::updateIncident(quint64 requestId, const Incident &incident,
                                      const std::optional<IncidentEvent> &event)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;

    qint64 eventId = 0;
    bool found = true;
    const QString error = inTransaction(QStringLiteral("BEGIN IMMEDIATE"), [&]() -> QString {
        QSqlQuery query(database());
        query.prepare(QStringLiteral(
            "UPDATE incidents SET title = ?, severity = ?, status = ?, services = ?,"
            " commander = ?, declared_at = ?, resolved_at = ?, closed_at = ?, runbook = ?,"
            " impact = ?, root_cause = ?, detection = ?, lessons = ?, action_items = ?"
            " WHERE id = ?"));
        bindIncident(query, incident);
        query.addBindValue(incident.id);
        if (!query.exec())
            return query.lastError().text();
        if (query.numRowsAffected() != 1) {
            found = false;
            return tr("no such incident");
        }
        if (!event)
            return {};
        IncidentEvent line = *event;
        line.incidentId = incident.id;
        QString eventError;
        eventId = insertEvent(line, &eventError);
        return eventError;
    });
    if (!found) {
        Q_EMIT failed(requestId, tr("Incident %1 does not exist in the state database %2.")
                                     .arg(QString::number(incident.id), m_path));
        return;
    }
    if (!error.isEmpty()) {
        Q_EMIT failed(requestId, tr("Cannot update incident %1 in the state database %2: %3")
                                     .arg(QString::number(incident.id), m_path, error));
        return;
    }
    Q_EMIT incidentUpdated(requestId, incident.id, eventId);
}

void StateStoreWorker::appendIncidentEvent(quint64 requestId, const IncidentEvent &event)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;
    // Autocommit: a single INSERT is its own transaction, committed when exec() returns.
    QString error;
    const qint64 eventId = insertEvent(event, &error);
    if (eventId <= 0) {
        Q_EMIT failed(requestId,
                      tr("Cannot add to the timeline of incident %1 in the state database %2: %3")
                          .arg(QString::number(event.incidentId), m_path, error));
        return;
    }
    Q_EMIT incidentEventAppended(requestId, eventId);
}

void StateStoreWorker::loadIncident(quint64 requestId, qint64 incidentId)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;

    Incident incident;
    QList<IncidentEvent> events;
    bool found = false;
    // One read transaction: the row and its timeline from the same moment.
    const QString error = inTransaction(QStringLiteral("BEGIN"), [&]() -> QString {
        QSqlQuery query(database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM incidents WHERE id = ?")
                          .arg(QLatin1String(IncidentColumns)));
        query.addBindValue(incidentId);
        if (!query.exec())
            return query.lastError().text();
        if (!query.next())
            return {};
        found = true;
        incident = incidentFromRow(query);

        QSqlQuery lines(database());
        lines.setForwardOnly(true);
        lines.prepare(QStringLiteral(
            "SELECT id, incident_id, at, kind, subject, summary, host, command, exit_code,"
            " duration_ms, output, author FROM incident_events WHERE incident_id = ? ORDER BY id"));
        lines.addBindValue(incidentId);
        if (!lines.exec())
            return lines.lastError().text();
        while (lines.next())
            events.append(eventFromRow(lines));
        return {};
    });
    if (!error.isEmpty()) {
        Q_EMIT failed(requestId, tr("Cannot read incident %1 from the state database %2: %3")
                                     .arg(QString::number(incidentId), m_path, error));
        return;
    }
    if (!found) {
        Q_EMIT failed(requestId, tr("Incident %1 does not exist in the state database %2.")
                                     .arg(QString::number(incidentId), m_path));
        return;
    }
    Q_EMIT incidentLoaded(requestId, incident, events);
}

void StateStoreWorker::queryIncidents(quint64 requestId, bool openOnly)
{
    assertThread();
    if (!ensureOpen(requestId))
        return;
    QString sql = QStringLiteral("SELECT %1 FROM incidents").arg(QLatin1String(IncidentColumns));
    if (openOnly)
        sql += u" WHERE status <> 'closed'";
    sql += u" ORDER BY declared_at DESC, id DESC";

    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        Q_EMIT failed(requestId, tr("Cannot read the incidents from the state database %1: %2")
                                     .arg(m_path, query.lastError().text()));
        return;
    }
    QList<Incident> incidents;
    while (query.next())
        incidents.append(incidentFromRow(query));
    Q_EMIT incidentsQueried(requestId, incidents);
}

void StateStoreWorker::close()
{
    assertThread();
    m_open = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        // Every QSqlDatabase copy must be gone before removeDatabase().
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

StateStore::StateStore(QObject *parent)
    : QObject(parent)
    , m_worker(new StateStoreWorker(QStringLiteral("opsdeck-state-%1").arg(++s_connectionCounter)))
{
    m_thread.setObjectName(QStringLiteral("OpsDeck state store"));
    m_worker->moveToThread(&m_thread);

    // Queued: the worker emits in its thread, receivers get the signals in ours.
    connect(m_worker, &StateStoreWorker::opened, this, &StateStore::opened, Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::auditStarted, this, &StateStore::auditStarted,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::auditFinished, this, &StateStore::auditFinished,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::auditQueried, this, &StateStore::auditQueried,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::incidentCreated, this, &StateStore::incidentCreated,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::incidentUpdated, this, &StateStore::incidentUpdated,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::incidentEventAppended, this,
            &StateStore::incidentEventAppended, Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::incidentLoaded, this, &StateStore::incidentLoaded,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::incidentsQueried, this, &StateStore::incidentsQueried,
            Qt::QueuedConnection);
    connect(m_worker, &StateStoreWorker::failed, this, &StateStore::failed, Qt::QueuedConnection);

    m_thread.start();
}

StateStore::~StateStore()
{
    // Queued behind every request already made, so none is lost; the thread ends itself once
    // the connection is closed, because QThread::quit() from here could skip queued requests.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->close();
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

template<typename Work>
quint64 StateStore::enqueue(Work work)
{
    const quint64 id = nextRequestId();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, work = std::move(work)] { work(worker, id); },
        Qt::QueuedConnection);
    return id;
}

quint64 StateStore::open(const QString &path)
{
    return enqueue([path](StateStoreWorker *worker, quint64 id) { worker->open(id, path); });
}

quint64 StateStore::beginAudit(const AuditEntry &entry)
{
    AuditEntry copy = entry;
    // Taken here, not in the worker: the time the command was asked for, not when it was queued.
    if (!copy.startedAt.isValid())
        copy.startedAt = QDateTime::currentDateTimeUtc();
    return enqueue([copy](StateStoreWorker *worker, quint64 id) { worker->beginAudit(id, copy); });
}

quint64 StateStore::finishAudit(qint64 rowId, std::optional<int> exitCode,
                                const QString &signalName, qint64 durationMs, qint64 outputBytes,
                                AuditStatus status)
{
    const QDateTime finishedAt = QDateTime::currentDateTimeUtc();
    return enqueue([=](StateStoreWorker *worker, quint64 id) {
        worker->finishAudit(id, rowId, exitCode, signalName, durationMs, outputBytes, status,
                            finishedAt);
    });
}

quint64 StateStore::queryAudit(const AuditQuery &query)
{
    return enqueue(
        [query](StateStoreWorker *worker, quint64 id) { worker->queryAudit(id, query); });
}

quint64 StateStore::createIncident(const Incident &incident)
{
    Incident copy = incident;
    copy.id = 0;
    // Taken here, not in the worker: the moment it was declared, not when it was written.
    if (!copy.declaredAt.isValid())
        copy.declaredAt = QDateTime::currentDateTimeUtc();
    return enqueue(
        [copy](StateStoreWorker *worker, quint64 id) { worker->createIncident(id, copy); });
}

quint64 StateStore::updateIncident(const Incident &incident,
                                   const std::optional<IncidentEvent> &event)
{
    std::optional<IncidentEvent> line = event;
    if (line && !line->at.isValid())
        line->at = QDateTime::currentDateTimeUtc();
    return enqueue([incident, line](StateStoreWorker *worker, quint64 id) {
        worker->updateIncident(id, incident, line);
    });
}

quint64 StateStore::appendIncidentEvent(const IncidentEvent &event)
{
    IncidentEvent copy = event;
    if (!copy.at.isValid())
        copy.at = QDateTime::currentDateTimeUtc();
    return enqueue(
        [copy](StateStoreWorker *worker, quint64 id) { worker->appendIncidentEvent(id, copy); });
}

quint64 StateStore::loadIncident(qint64 incidentId)
{
    return enqueue([incidentId](StateStoreWorker *worker, quint64 id) {
        worker->loadIncident(id, incidentId);
    });
}

quint64 StateStore::queryIncidents(bool openOnly)
{
    return enqueue(
        [openOnly](StateStoreWorker *worker, quint64 id) { worker->queryIncidents(id, openOnly); });
}

} // namespace OpsDeck

#include "statestore.moc"
