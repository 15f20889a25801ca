// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"

#include "models/persistence/sqlvalues.h"

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

namespace OpsDeck {

using namespace SqlValues;

AuditLog::AuditLog(StateStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(store);
}

AuditLog::~AuditLog() = default;

void AuditLog::write(StateStore::Work<qint64> work, QObject *context, Done<qint64> done)
{
    Q_ASSERT_X(!done || context, "AuditLog", "an answer needs a context");
    Q_ASSERT_X(!context || context->thread() == thread(), "AuditLog",
               "the context must live in the log's thread");
    // Answered to the log first, so rowWritten() is emitted even when the caller is gone.
    m_store->submit<qint64>(this, std::move(work),
                            [this, caller = QPointer<QObject>(context),
                             done = std::move(done)](const StoreResult<qint64> &result) {
                                if (result)
                                    Q_EMIT rowWritten(*result);
                                if (done && caller)
                                    done(result);
                            });
}

void AuditLog::begin(const AuditEntry &entry, QObject *context, Done<qint64> done)
{
    AuditEntry row = entry;
    // Taken here, not on the store's thread: the time the command was asked for, not when the
    // row was written.
    if (!row.startedAt.isValid())
        row.startedAt = QDateTime::currentDateTimeUtc();
    write(
        [row](StoreConnection &db) -> StoreResult<qint64> {
            if (row.host.isEmpty() || row.command.isEmpty()) {
                return StoreError{tr("Cannot write an audit entry without host or command to the "
                                     "state database %1.")
                                      .arg(db.path())};
            }
            QSqlQuery query(db.database());
            query.prepare(QStringLiteral("INSERT INTO audit_log (started_at, host, remote_user,"
                                         " command, risk, incident_id, status)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            query.addBindValue(timeText(row.startedAt));
            query.addBindValue(row.host);
            query.addBindValue(nullIfEmpty(row.remoteUser));
            query.addBindValue(row.command);
            query.addBindValue(riskId(row.risk));
            query.addBindValue(nullIfUnset(row.incidentId));
            query.addBindValue(auditStatusName(AuditStatus::Running));
            // Autocommit: exec() returning true means the row is committed to the WAL.
            if (!query.exec()) {
                return StoreError{
                    tr("Cannot write the start of '%1' on %2 to the audit log in %3: %4")
                        .arg(row.command, row.host, db.path(), query.lastError().text())};
            }
            return query.lastInsertId().toLongLong();
        },
        context, std::move(done));
}

void AuditLog::finish(qint64 rowId, const AuditOutcome &outcome, QObject *context,
                      Done<qint64> done)
{
    const QDateTime finishedAt = QDateTime::currentDateTimeUtc();
    write(
        [rowId, outcome, finishedAt](StoreConnection &db) -> StoreResult<qint64> {
            if (outcome.status == AuditStatus::Running) {
                return StoreError{tr("Cannot finish audit entry %1 in %2 with status 'running'.")
                                      .arg(rowId)
                                      .arg(db.path())};
            }
            QSqlQuery query(db.database());
            query.prepare(QStringLiteral(
                "UPDATE audit_log SET finished_at = ?, exit_code = ?, signal_name = ?,"
                " duration_ms = ?, output_bytes = ?, status = ? WHERE id = ? AND status = ?"));
            query.addBindValue(timeText(finishedAt));
            query.addBindValue(nullIfUnset(outcome.exitCode));
            query.addBindValue(nullIfEmpty(outcome.signalName));
            query.addBindValue(outcome.durationMs);
            query.addBindValue(outcome.outputBytes);
            query.addBindValue(auditStatusName(outcome.status));
            query.addBindValue(rowId);
            query.addBindValue(auditStatusName(AuditStatus::Running));
            if (!query.exec()) {
                return StoreError{
                    tr("Cannot write the end of audit entry %1 to %2: %3")
                        .arg(QString::number(rowId), db.path(), query.lastError().text())};
            }
            if (query.numRowsAffected() != 1) {
                return StoreError{tr("Audit entry %1 in %2 does not exist or is already finished.")
                                      .arg(QString::number(rowId), db.path())};
            }
            return rowId;
        },
        context, std::move(done));
}

void AuditLog::query(const AuditQuery &filter, QObject *context, Done<QList<AuditEntry>> done)
{
    m_store->submit<QList<AuditEntry>>(
        context,
        [filter](StoreConnection &db) -> StoreResult<QList<AuditEntry>> {
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

            QSqlQuery query(db.database());
            query.setForwardOnly(true);
            query.prepare(sql);
            for (const QVariant &value : std::as_const(values))
                query.addBindValue(value);
            if (!query.exec()) {
                return StoreError{tr("Cannot read the audit log from %1: %2")
                                      .arg(db.path(), query.lastError().text())};
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
            return entries;
        },
        std::move(done));
}

} // namespace OpsDeck
