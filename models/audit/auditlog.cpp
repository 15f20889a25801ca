// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"

#include "models/persistence/recordhash.h"
#include "models/persistence/sqlvalues.h"

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace OpsDeck {

using namespace SqlValues;

namespace {

// Rows per verification job: long enough to be quick, short enough that a command waiting for
// its audit row does not notice.
constexpr int VerifyRowsPerJob = 1000;

// The id and row_hash a new row follows. The id comes after the highest one ever given out
// (sqlite_sequence), not after the highest one still there: a row removed from the end stays a
// gap that verification reports.
StoreResult<std::pair<qint64, QString>> chainEnd(StoreConnection &db)
{
    QSqlQuery last(db.database());
    if (!last.exec(QStringLiteral("SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return StoreError{last.lastError().text()};
    qint64 lastId = 0;
    QString previous = RecordHash::genesis();
    if (last.next()) {
        lastId = last.value(0).toLongLong();
        previous = last.value(1).toString();
    }
    QSqlQuery sequence(db.database());
    if (!sequence.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")))
        return StoreError{sequence.lastError().text()};
    const qint64 highest = sequence.next() ? sequence.value(0).toLongLong() : 0;
    return std::pair{std::max(lastId, highest), previous};
}

// The seq and completion_hash a new completion record follows, like chainEnd().
StoreResult<std::pair<qint64, QString>> completionChainEnd(StoreConnection &db)
{
    QSqlQuery last(db.database());
    if (!last.exec(QStringLiteral(
            "SELECT seq, completion_hash FROM audit_completion ORDER BY seq DESC LIMIT 1")))
        return StoreError{last.lastError().text()};
    qint64 lastSeq = 0;
    QString previous = RecordHash::genesis();
    if (last.next()) {
        lastSeq = last.value(0).toLongLong();
        previous = last.value(1).toString();
    }
    QSqlQuery sequence(db.database());
    if (!sequence.exec(
            QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_completion'")))
        return StoreError{sequence.lastError().text()};
    const qint64 highest = sequence.next() ? sequence.value(0).toLongLong() : 0;
    return std::pair{std::max(lastSeq, highest), previous};
}

} // namespace

AuditLog::AuditLog(StateStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(store);
}

AuditLog::~AuditLog() = default;

void AuditLog::write(StateStore::Work<qint64> work, QObject *context, Done<qint64> done,
                     OnFailure onFailure)
{
    Q_ASSERT_X(!done || context, "AuditLog", "an answer needs a context");
    Q_ASSERT_X(!context || context->thread() == thread(), "AuditLog",
               "the context must live in the log's thread");
    // Answered to the log first, so rowWritten() and writeFailed() are emitted even when the
    // caller is gone.
    m_store->submit<qint64>(this, std::move(work),
                            [this, onFailure, caller = QPointer<QObject>(context),
                             done = std::move(done)](const StoreResult<qint64> &result) {
                                if (result)
                                    Q_EMIT rowWritten(*result);
                                else if (onFailure == OnFailure::Report)
                                    Q_EMIT writeFailed(result.error());
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
            // One write transaction from reading the chain's end to the insert: another process
            // writing to the same file cannot slip a row in between.
            const StoreResult<qint64> written =
                db.inTransaction(StoreConnection::Transaction::Write, [&]() -> StoreResult<qint64> {
                    const auto end = chainEnd(db);
                    if (!end)
                        return StoreError{end.error()};
                    const qint64 id = end->first + 1;
                    const QVariantHash content{
                        {QStringLiteral("id"), id},
                        {QStringLiteral("started_at"), timeText(row.startedAt)},
                        {QStringLiteral("host"), row.host},
                        {QStringLiteral("remote_user"), nullIfEmpty(row.remoteUser)},
                        {QStringLiteral("command"), row.command},
                        {QStringLiteral("risk"), riskId(row.risk)},
                        {QStringLiteral("incident_id"), nullIfUnset(row.incidentId)},
                    };
                    QSqlQuery query(db.database());
                    query.prepare(QStringLiteral(
                        "INSERT INTO audit_log (id, started_at, host, remote_user, command, risk,"
                        " incident_id, status, previous_hash, row_hash)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                    for (const char *column : {"id", "started_at", "host", "remote_user", "command",
                                               "risk", "incident_id"})
                        query.addBindValue(content.value(QLatin1StringView(column)));
                    query.addBindValue(auditStatusName(AuditStatus::Running));
                    query.addBindValue(end->second);
                    query.addBindValue(AuditChain::rowHash(content, end->second));
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    return id;
                });
            // Returned only once committed: the command may start when the id arrives.
            if (!written) {
                return StoreError{
                    tr("Cannot write the start of '%1' on %2 to the audit log in %3: %4")
                        .arg(row.command, row.host, db.path(), written.error())};
            }
            return written;
        },
        context, std::move(done));
}

void AuditLog::finish(qint64 rowId, const AuditOutcome &outcome, QObject *context,
                      Done<qint64> done)
{
    const QDateTime finishedAt = QDateTime::currentDateTimeUtc();
    write(
        [rowId, outcome, finishedAt,
         delays = m_finishRetryDelays](StoreConnection &db) -> StoreResult<qint64> {
            if (outcome.status == AuditStatus::Running) {
                return StoreError{tr("Cannot finish audit entry %1 in %2 with status 'running'.")
                                      .arg(rowId)
                                      .arg(db.path())};
            }
            const QVariantHash values{
                {QStringLiteral("finished_at"), timeText(finishedAt)},
                {QStringLiteral("exit_code"), nullIfUnset(outcome.exitCode)},
                {QStringLiteral("signal_name"), nullIfEmpty(outcome.signalName)},
                {QStringLiteral("duration_ms"), outcome.durationMs},
                {QStringLiteral("output_bytes"), outcome.outputBytes},
                {QStringLiteral("status"), auditStatusName(outcome.status)},
            };
            for (qsizetype attempt = 0;; ++attempt) {
                bool notRunning = false;
                const StoreResult<qint64> written = db.inTransaction(
                    StoreConnection::Transaction::Write, [&]() -> StoreResult<qint64> {
                        QSqlQuery row(db.database());
                        row.prepare(QStringLiteral(
                            "SELECT row_hash FROM audit_log WHERE id = ? AND status = ?"));
                        row.addBindValue(rowId);
                        row.addBindValue(auditStatusName(AuditStatus::Running));
                        if (!row.exec())
                            return StoreError{row.lastError().text()};
                        if (!row.next()) {
                            notRunning = true;
                            return StoreError{QString()};
                        }
                        const QString finalHash =
                            AuditChain::finalHash(row.value(0).toString(), values);
                        QSqlQuery query(db.database());
                        query.prepare(QStringLiteral(
                            "UPDATE audit_log SET finished_at = ?, exit_code = ?,"
                            " signal_name = ?, duration_ms = ?, output_bytes = ?, status = ?,"
                            " final_hash = ? WHERE id = ?"));
                        for (const char *column : {"finished_at", "exit_code", "signal_name",
                                                   "duration_ms", "output_bytes", "status"})
                            query.addBindValue(values.value(QLatin1StringView(column)));
                        query.addBindValue(finalHash);
                        query.addBindValue(rowId);
                        if (!query.exec())
                            return StoreError{query.lastError().text()};
                        // And in the order of completions, so an outcome erased later from the
                        // row is still on record.
                        const auto end = completionChainEnd(db);
                        if (!end)
                            return StoreError{end.error()};
                        const qint64 seq = end->first + 1;
                        QSqlQuery record(db.database());
                        record.prepare(QStringLiteral(
                            "INSERT INTO audit_completion (seq, audit_id, final_hash,"
                            " previous_hash, completion_hash) VALUES (?, ?, ?, ?, ?)"));
                        record.addBindValue(seq);
                        record.addBindValue(rowId);
                        record.addBindValue(finalHash);
                        record.addBindValue(end->second);
                        record.addBindValue(
                            AuditChain::completionHash(seq, rowId, finalHash, end->second));
                        if (!record.exec())
                            return StoreError{record.lastError().text()};
                        return rowId;
                    });
                if (written)
                    return written;
                if (notRunning) {
                    return StoreError{
                        tr("Audit entry %1 in %2 does not exist or is already finished.")
                            .arg(QString::number(rowId), db.path())};
                }
                if (attempt >= delays.size()) {
                    return StoreError{
                        tr("Cannot write the end of audit entry %1 to %2 (%n attempt(s)): %3",
                           nullptr, int(attempt + 1))
                            .arg(QString::number(rowId), db.path(), written.error())};
                }
                // On the store's thread, which nobody waits for: the GUI goes on, and the jobs
                // behind this one wait, as they would for the lock that is likely the cause.
                QThread::msleep(ulong(std::max(0, delays.at(attempt))));
            }
        },
        context, std::move(done), OnFailure::Report);
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

void AuditLog::verify(QObject *context, Done<AuditChainReport> done)
{
    Q_ASSERT(context && done);
    verifyMore(std::make_shared<AuditChainVerifier>(), context, std::move(done));
}

void AuditLog::verifyMore(const std::shared_ptr<AuditChainVerifier> &verifier, QObject *context,
                          Done<AuditChainReport> done)
{
    // Used by one job at a time: the store's thread runs a step, this thread asks for the next
    // one only after its answer.
    m_store->submit<bool>(
        this, [verifier](StoreConnection &db) { return verifier->step(db, VerifyRowsPerJob); },
        [this, verifier, caller = QPointer<QObject>(context),
         done = std::move(done)](const StoreResult<bool> &finished) {
            if (!caller)
                return;
            if (!finished)
                done(StoreError{finished.error()});
            else if (*finished)
                done(verifier->report());
            else
                verifyMore(verifier, caller, done);
        });
}

} // namespace OpsDeck
