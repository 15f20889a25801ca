// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/persistence/migrations.h"

#include "models/persistence/recordhash.h"

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

QString failedChaining(const QSqlDatabase &db, const QSqlQuery &query)
{
    return QCoreApplication::translate(
               "Migrations",
               "Cannot chain the existing audit log rows in the state database %1: %2")
        .arg(db.databaseName(), query.lastError().text());
}

// Schema version 3 for the rows written before it: they are chained in id order as they are,
// and the finished ones get completion records in that order, so verification covers them from
// then on (what was changed before cannot be told any more).
bool chainExistingAuditRows(const QSqlDatabase &db, QString *error)
{
    struct Row {
        qint64 id = 0;
        QString previousHash;
        QString rowHash;
        QString finalHash; // empty while running
    };
    const QStringList &content = auditContentColumns();
    const QStringList &outcome = auditOutcomeColumns();
    QSqlQuery select(db);
    select.setForwardOnly(true);
    // Only our own column names are joined into the statement.
    if (!select.exec(QStringLiteral("SELECT %1, %2 FROM audit_log ORDER BY id")
                         .arg(content.join(u", "), outcome.join(u", ")))) {
        *error = failedChaining(db, select);
        return false;
    }
    const int idColumn = int(content.indexOf(u"id"));
    const int statusColumn = int(content.size() + outcome.indexOf(u"status"));
    // Read first, written after: the rows are not changed under an open SELECT.
    QList<Row> rows;
    QString previous = RecordHash::genesis();
    while (select.next()) {
        QVariantList contentValues;
        for (int i = 0; i < content.size(); ++i)
            contentValues.append(select.value(i));
        QVariantList outcomeValues;
        for (int i = 0; i < outcome.size(); ++i)
            outcomeValues.append(select.value(int(content.size()) + i));
        Row row;
        row.id = select.value(idColumn).toLongLong();
        row.previousHash = previous;
        row.rowHash = RecordHash::of(contentValues << previous);
        if (select.value(statusColumn).toString() != u"running")
            row.finalHash = RecordHash::of(QVariantList{row.rowHash} + outcomeValues);
        previous = row.rowHash;
        rows.append(row);
    }
    if (select.lastError().isValid()) {
        *error = failedChaining(db, select);
        return false;
    }
    select.finish();

    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE audit_log SET previous_hash = ?, row_hash = ?, final_hash = ? WHERE id = ?"));
    QSqlQuery complete(db);
    complete.prepare(QStringLiteral("INSERT INTO audit_completion (seq, audit_id, final_hash,"
                                    " previous_hash, completion_hash) VALUES (?, ?, ?, ?, ?)"));
    qint64 seq = 0;
    QString previousCompletion = RecordHash::genesis();
    for (const Row &row : std::as_const(rows)) {
        update.addBindValue(row.previousHash);
        update.addBindValue(row.rowHash);
        update.addBindValue(row.finalHash.isEmpty() ? QVariant() : QVariant(row.finalHash));
        update.addBindValue(row.id);
        if (!update.exec()) {
            *error = failedChaining(db, update);
            return false;
        }
        if (row.finalHash.isEmpty())
            continue;
        ++seq;
        const QString completionHash =
            RecordHash::of({seq, row.id, row.finalHash, previousCompletion});
        for (const QVariant &value : {QVariant(seq), QVariant(row.id), QVariant(row.finalHash),
                                      QVariant(previousCompletion), QVariant(completionHash)})
            complete.addBindValue(value);
        if (!complete.exec()) {
            *error = failedChaining(db, complete);
            return false;
        }
        previousCompletion = completionHash;
    }
    return true;
}

} // namespace

const QStringList &auditContentColumns()
{
    static const QStringList columns{
        QStringLiteral("id"),          QStringLiteral("started_at"), QStringLiteral("host"),
        QStringLiteral("remote_user"), QStringLiteral("command"),    QStringLiteral("risk"),
        QStringLiteral("incident_id"),
    };
    return columns;
}

const QStringList &auditOutcomeColumns()
{
    static const QStringList columns{
        QStringLiteral("finished_at"),  QStringLiteral("exit_code"),
        QStringLiteral("signal_name"),  QStringLiteral("duration_ms"),
        QStringLiteral("output_bytes"), QStringLiteral("status"),
    };
    return columns;
}

const QStringList &auditCompletionColumns()
{
    static const QStringList columns{
        QStringLiteral("seq"),
        QStringLiteral("audit_id"),
        QStringLiteral("final_hash"),
    };
    return columns;
}

const QStringList &auditTriggers()
{
    static const QStringList triggers{
        QStringLiteral("audit_log_append_only_insert"),
        QStringLiteral("audit_log_append_only_finished"),
        QStringLiteral("audit_log_append_only_completion"),
        QStringLiteral("audit_log_append_only_delete"),
        QStringLiteral("audit_completion_append_only_insert"),
        QStringLiteral("audit_completion_append_only_update"),
        QStringLiteral("audit_completion_append_only_delete"),
    };
    return triggers;
}

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
                 " summary TEXT,"
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
        {3,
         {
             // Rebuilt, because SQLite cannot change a CHECK constraint in place: the hash
             // chain's columns; risk 'unknown'; AUTOINCREMENT, so that sqlite_sequence keeps the
             // highest id ever used and a removed last row shows as missing.
             QStringLiteral(
                 "CREATE TABLE audit_log_chained ("
                 " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                 " started_at TEXT NOT NULL,"
                 " finished_at TEXT,"
                 " host TEXT NOT NULL,"
                 " remote_user TEXT,"
                 " command TEXT NOT NULL,"
                 " risk TEXT NOT NULL CHECK (risk IN ('read', 'change', 'unknown', 'destroy')),"
                 " exit_code INTEGER,"
                 " signal_name TEXT,"
                 " duration_ms INTEGER,"
                 " output_bytes INTEGER,"
                 " incident_id INTEGER,"
                 " status TEXT NOT NULL CHECK (status IN"
                 "  ('running', 'finished', 'failed', 'cancelled')),"
                 " previous_hash TEXT,"
                 " row_hash TEXT,"
                 " final_hash TEXT)"),
             QStringLiteral("INSERT INTO audit_log_chained (id, started_at, finished_at, host,"
                            " remote_user, command, risk, exit_code, signal_name, duration_ms,"
                            " output_bytes, incident_id, status)"
                            " SELECT id, started_at, finished_at, host, remote_user, command,"
                            " risk, exit_code, signal_name, duration_ms, output_bytes,"
                            " incident_id, status FROM audit_log ORDER BY id"),
             QStringLiteral("DROP TABLE audit_log"),
             QStringLiteral("ALTER TABLE audit_log_chained RENAME TO audit_log"),
             QStringLiteral("CREATE INDEX audit_log_started_at ON audit_log (started_at)"),
             QStringLiteral("CREATE INDEX audit_log_host ON audit_log (host)"),
             // One record per completed row, in the order they were completed, chained like the
             // rows: a completion erased from audit_log (the row made 'running' again) is still
             // here, and one removed from here leaves a gap.
             QStringLiteral("CREATE TABLE audit_completion ("
                            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " audit_id INTEGER NOT NULL,"
                            " final_hash TEXT NOT NULL,"
                            " previous_hash TEXT NOT NULL,"
                            " completion_hash TEXT NOT NULL)"),
             QStringLiteral("CREATE UNIQUE INDEX audit_completion_audit_id"
                            " ON audit_completion (audit_id)"),
         },
         chainExistingAuditRows},
        {4,
         {
             // The audit log is history. A row is inserted as 'running' after every row there
             // is; completed once, with its outcome only; never changed after and never deleted.
             // The checks on id also stop INSERT OR REPLACE, which deletes without the DELETE
             // trigger.
             QStringLiteral(
                 "CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log"
                 " WHEN NEW.id <= (SELECT ifnull(max(id), 0) FROM audit_log)"
                 "  OR NEW.status IS NOT 'running' OR NEW.finished_at IS NOT NULL"
                 "  OR NEW.exit_code IS NOT NULL OR NEW.signal_name IS NOT NULL"
                 "  OR NEW.duration_ms IS NOT NULL OR NEW.output_bytes IS NOT NULL"
                 "  OR NEW.final_hash IS NOT NULL OR NEW.previous_hash IS NULL"
                 "  OR NEW.row_hash IS NULL"
                 " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a row is added as"
                 " running, with its hashes and an id after every other row'); END"),
             QStringLiteral(
                 "CREATE TRIGGER audit_log_append_only_finished BEFORE UPDATE ON audit_log"
                 " WHEN OLD.status IS NOT 'running'"
                 " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a finished row cannot"
                 " be changed'); END"),
             QStringLiteral(
                 "CREATE TRIGGER audit_log_append_only_completion BEFORE UPDATE ON audit_log"
                 " WHEN OLD.status IS 'running' AND (NEW.id IS NOT OLD.id"
                 "  OR NEW.started_at IS NOT OLD.started_at OR NEW.host IS NOT OLD.host"
                 "  OR NEW.remote_user IS NOT OLD.remote_user OR NEW.command IS NOT OLD.command"
                 "  OR NEW.risk IS NOT OLD.risk OR NEW.incident_id IS NOT OLD.incident_id"
                 "  OR NEW.previous_hash IS NOT OLD.previous_hash"
                 "  OR NEW.row_hash IS NOT OLD.row_hash OR NEW.status IS 'running'"
                 "  OR NEW.finished_at IS NULL OR NEW.final_hash IS NULL)"
                 " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a running row can only"
                 " be completed, once, with its outcome'); END"),
             QStringLiteral("CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be"
                            " deleted'); END"),
             QStringLiteral(
                 "CREATE TRIGGER audit_completion_append_only_insert"
                 " BEFORE INSERT ON audit_completion"
                 " WHEN NEW.seq <= (SELECT ifnull(max(seq), 0) FROM audit_completion)"
                 " BEGIN SELECT RAISE(ABORT, 'audit_completion is append-only: a record is added"
                 " with a seq after every other record'); END"),
             QStringLiteral("CREATE TRIGGER audit_completion_append_only_update"
                            " BEFORE UPDATE ON audit_completion"
                            " BEGIN SELECT RAISE(ABORT, 'audit_completion is append-only: records"
                            " cannot be changed'); END"),
             QStringLiteral("CREATE TRIGGER audit_completion_append_only_delete"
                            " BEFORE DELETE ON audit_completion"
                            " BEGIN SELECT RAISE(ABORT, 'audit_completion is append-only: records"
                            " cannot be deleted'); END"),
         }},
        {5,
         {
             // Recent check results: a ring of slots per check (slot = sequence modulo the
             // ring size), so the table never grows past checks x ring size.
             QStringLiteral("CREATE TABLE health_results ("
                            " check_id TEXT NOT NULL,"
                            " slot INTEGER NOT NULL,"
                            " sequence INTEGER NOT NULL,"
                            " checked_at TEXT NOT NULL,"
                            " duration_ms INTEGER NOT NULL,"
                            " verdict TEXT NOT NULL,"
                            " summary TEXT,"
                            " error TEXT,"
                            " check_values TEXT NOT NULL,"
                            " PRIMARY KEY (check_id, slot))"),
             QStringLiteral("CREATE INDEX health_results_checked_at"
                            " ON health_results (checked_at)"),
         }},
        {6,
         {
             // Every verification of a backup file (models/backups): the file as it was (size,
             // mtime), the level, what was found. Kept, not a ring: it is the proof.
             QStringLiteral("CREATE TABLE backup_verifications ("
                            " id INTEGER PRIMARY KEY,"
                            " host TEXT NOT NULL,"
                            " path TEXT NOT NULL,"
                            " size INTEGER NOT NULL,"
                            " modified TEXT,"
                            " level INTEGER NOT NULL,"
                            " verdict TEXT NOT NULL,"
                            " detail TEXT,"
                            " verified_at TEXT NOT NULL,"
                            " duration_ms INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX backup_verifications_file"
                            " ON backup_verifications (host, path, level, verified_at)"),
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
        if (step.code && !step.code(db, error)) {
            rollback(db);
            return false;
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
