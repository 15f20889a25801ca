// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/persistence/migrations.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace OpsDeck::Migrations {

namespace {

bool exec(const QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error) {
        *error = QCoreApplication::translate(
                     "Migrations", "Cannot update the schema of the state database %1: %2 (in: %3)")
                     .arg(db.databaseName(), query.lastError().text(), statement);
    }
    return false;
}

void rollback(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace

const QList<Step> &steps()
{
    static const QList<Step> all = {
        {1,
         {
             QStringLiteral("CREATE TABLE audit_log ("
                            " id INTEGER PRIMARY KEY,"
                            " started_at TEXT NOT NULL,"
                            " finished_at TEXT,"
                            " host TEXT NOT NULL,"
                            " remote_user TEXT,"
                            " command TEXT NOT NULL,"
                            " risk TEXT NOT NULL CHECK (risk IN ('read', 'change', 'destroy')),"
                            " exit_code INTEGER,"
                            " signal_name TEXT,"
                            " duration_ms INTEGER,"
                            " output_bytes INTEGER,"
                            " incident_id INTEGER,"
                            " status TEXT NOT NULL CHECK (status IN"
                            "  ('running', 'finished', 'failed', 'cancelled')))"),
             QStringLiteral("CREATE INDEX audit_log_started_at ON audit_log (started_at)"),
             QStringLiteral("CREATE INDEX audit_log_host ON audit_log (host)"),
         }},
        {2,
         {
             // services: a JSON array of names; times: ISO-8601 UTC with milliseconds.
             QStringLiteral(
                 "CREATE TABLE incidents ("
                 " id INTEGER PRIMARY KEY,"
                 " title TEXT NOT NULL,"
                 " severity TEXT NOT NULL CHECK (severity IN ('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4')),"
                 " status TEXT NOT NULL CHECK (status IN"
                 "  ('investigating', 'identified', 'monitoring', 'resolved', 'closed')),"
                 " services TEXT NOT NULL DEFAULT '[]',"
                 " commander TEXT,"
                 " declared_at TEXT NOT NULL,"
                 " resolved_at TEXT,"
                 " closed_at TEXT,"
                 " runbook TEXT,"
                 " impact TEXT,"
                 " root_cause TEXT,"
                 " detection TEXT,"
                 " lessons TEXT,"
                 " action_items TEXT)"),
             QStringLiteral("CREATE INDEX incidents_declared_at ON incidents (declared_at)"),
             QStringLiteral(
                 "CREATE TABLE incident_events ("
                 " id INTEGER PRIMARY KEY,"
                 " incident_id INTEGER NOT NULL REFERENCES incidents (id),"
                 " at TEXT NOT NULL,"
                 " kind TEXT NOT NULL CHECK (kind IN ('declared', 'status_changed',"
                 "  'severity_changed', 'step_run', 'note', 'escalation', 'communication',"
                 "  'field_changed')),"
                 " subject TEXT,"
                 " summary TEXT NOT NULL,"
                 " host TEXT,"
                 " command TEXT,"
                 " exit_code INTEGER,"
                 " duration_ms INTEGER NOT NULL DEFAULT 0,"
                 " output TEXT,"
                 " author TEXT)"),
             QStringLiteral(
                 "CREATE INDEX incident_events_incident_id ON incident_events (incident_id)"),
             // The timeline is history: SQLite itself refuses to rewrite or drop a line of it.
             QStringLiteral("CREATE TRIGGER incident_events_append_only_update"
                            " BEFORE UPDATE ON incident_events"
                            " BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END"),
             QStringLiteral("CREATE TRIGGER incident_events_append_only_delete"
                            " BEFORE DELETE ON incident_events"
                            " BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END"),
         }},
    };
    return all;
}

int latestVersion()
{
    return steps().isEmpty() ? 0 : steps().constLast().version;
}

std::optional<int> schemaVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    if (error) {
        *error = QCoreApplication::translate(
                     "Migrations", "Cannot read the schema version of the state database %1: %2")
                     .arg(db.databaseName(), query.lastError().text());
    }
    return std::nullopt;
}

bool checkNotNewer(const QSqlDatabase &db, int latest, QString *error)
{
    const std::optional<int> version = schemaVersion(db, error);
    if (!version)
        return false;
    if (*version <= latest)
        return true;
    if (error) {
        *error = QCoreApplication::translate(
                     "Migrations",
                     "The state database %1 has schema version %2, but this version of OpsDeck "
                     "knows versions up to %3 only. It was left unchanged; use a newer OpsDeck "
                     "or move the file away.")
                     .arg(db.databaseName())
                     .arg(*version)
                     .arg(latest);
    }
    return false;
}

bool apply(const QSqlDatabase &db, QString *error)
{
    return apply(db, steps(), error);
}

bool apply(const QSqlDatabase &db, const QList<Step> &steps, QString *error)
{
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        // A gap or reordering would silently skip schema: refuse rather than guess.
        if (steps.at(i).version != i + 1) {
            if (error) {
                *error = QCoreApplication::translate(
                             "Migrations",
                             "Internal error: schema steps for %1 are not numbered 1, 2, 3, ...")
                             .arg(db.databaseName());
            }
            return false;
        }
    }
    if (!checkNotNewer(db, latest, error))
        return false;

    for (const Step &step : steps) {
        // Cheap check outside a transaction, so reopening an up-to-date file writes nothing.
        std::optional<int> version = schemaVersion(db, error);
        if (!version)
            return false;
        if (*version >= step.version)
            continue;

        if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        // Another process may have migrated between our read and the write lock.
        version = schemaVersion(db, error);
        if (!version) {
            rollback(db);
            return false;
        }
        if (*version > latest) {
            rollback(db);
            return checkNotNewer(db, latest, error);
        }
        if (*version >= step.version) {
            rollback(db);
            continue;
        }
        for (const QString &statement : step.statements) {
            if (!exec(db, statement, error)) {
                rollback(db);
                return false;
            }
        }
        // PRAGMA takes no bound parameters; the value is our own integer, never user input.
        if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version), error) ||
            !exec(db, QStringLiteral("COMMIT"), error)) {
            rollback(db);
            return false;
        }
    }
    return true;
}

} // namespace OpsDeck::Migrations
