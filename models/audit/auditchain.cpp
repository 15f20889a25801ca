// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditchain.h"

#include "models/persistence/migrations.h"
#include "models/persistence/recordhash.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace OpsDeck {

namespace AuditChain {

namespace {

QVariantList inOrder(const QStringList &columns, const QVariantHash &values)
{
    QVariantList ordered;
    ordered.reserve(columns.size());
    for (const QString &column : columns) {
        Q_ASSERT_X(values.contains(column), "AuditChain", "a hashed column has no value");
        ordered.append(values.value(column));
    }
    return ordered;
}

} // namespace

QString rowHash(const QVariantHash &content, const QString &previousHash)
{
    return RecordHash::of(inOrder(Migrations::auditContentColumns(), content) << previousHash);
}

QString finalHash(const QString &rowHash, const QVariantHash &outcome)
{
    return RecordHash::of(QVariantList{rowHash} +
                          inOrder(Migrations::auditOutcomeColumns(), outcome));
}

QString completionHash(qint64 seq, qint64 auditId, const QString &finalHash,
                       const QString &previousHash)
{
    const QVariantHash values{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("audit_id"), auditId},
        {QStringLiteral("final_hash"), finalHash},
    };
    return RecordHash::of(inOrder(Migrations::auditCompletionColumns(), values) << previousHash);
}

} // namespace AuditChain

QString AuditChainReport::summary() const
{
    if (!intact())
        return message;
    return AuditChainVerifier::tr("%n row(s), chain intact", nullptr, int(rows));
}

QJsonObject AuditChainReport::toJson() const
{
    QJsonObject json{
        {QStringLiteral("intact"), intact()},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("head"), headHash},
    };
    if (!intact()) {
        json.insert(QStringLiteral("row"), row);
        json.insert(QStringLiteral("problem"), auditProblemId(problem));
        json.insert(QStringLiteral("message"), message);
    }
    return json;
}

QString auditProblemId(AuditChainReport::Problem problem)
{
    switch (problem) {
    case AuditChainReport::Problem::None:
        return {};
    case AuditChainReport::Problem::Edited:
        return QStringLiteral("edited");
    case AuditChainReport::Problem::OutcomeEdited:
        return QStringLiteral("outcome-edited");
    case AuditChainReport::Problem::Removed:
        return QStringLiteral("removed");
    case AuditChainReport::Problem::Reordered:
        return QStringLiteral("reordered");
    case AuditChainReport::Problem::Unprotected:
        return QStringLiteral("unprotected");
    }
    return {};
}

void AuditChainVerifier::fail(AuditChainReport::Problem problem, qint64 row, const QString &message)
{
    m_report.problem = problem;
    m_report.row = row;
    m_report.message = message;
}

StoreResult<bool> AuditChainVerifier::step(StoreConnection &db, int maxRows)
{
    Q_ASSERT(maxRows > 0);
    if (m_expectedPrevious.isEmpty()) {
        m_expectedPrevious = RecordHash::genesis();
        m_expectedPreviousCompletion = RecordHash::genesis();
    }
    // One snapshot per step: the rows, and the end checks after the last of them.
    return db.inTransaction(StoreConnection::Transaction::Read, [&]() -> StoreResult<bool> {
        switch (m_phase) {
        case Phase::Rows:
            return stepRows(db, maxRows);
        case Phase::Completions:
            return stepCompletions(db, maxRows);
        case Phase::Ends:
            return checkEnds(db);
        }
        return true;
    });
}

StoreResult<bool> AuditChainVerifier::stepRows(StoreConnection &db, int maxRows)
{
    const QStringList &content = Migrations::auditContentColumns();
    const QStringList &outcome = Migrations::auditOutcomeColumns();
    QSqlQuery query(db.database());
    query.setForwardOnly(true);
    // Only our own column names are joined into the statement; values are bound.
    query.prepare(QStringLiteral("SELECT %1, previous_hash, row_hash, %2, final_hash"
                                 " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?")
                      .arg(content.join(u", "), outcome.join(u", ")));
    query.addBindValue(m_lastId);
    query.addBindValue(maxRows);
    if (!query.exec()) {
        return StoreError{
            tr("Cannot read the audit log from %1: %2").arg(db.path(), query.lastError().text())};
    }
    const int previousColumn = int(content.size());
    const int outcomeStart = previousColumn + 2;
    const int finalColumn = outcomeStart + int(outcome.size());
    int read = 0;
    while (query.next()) {
        ++read;
        QVariantHash contentValues;
        for (int i = 0; i < content.size(); ++i)
            contentValues.insert(content.at(i), query.value(i));
        QVariantHash outcomeValues;
        for (int i = 0; i < outcome.size(); ++i)
            outcomeValues.insert(outcome.at(i), query.value(outcomeStart + i));
        if (!checkRow(contentValues, query.value(previousColumn).toString(),
                      query.value(previousColumn + 1).toString(), outcomeValues,
                      query.value(finalColumn)))
            return true;
    }
    if (query.lastError().isValid()) {
        return StoreError{
            tr("Cannot read the audit log from %1: %2").arg(db.path(), query.lastError().text())};
    }
    if (read < maxRows)
        m_phase = Phase::Completions;
    return false;
}

StoreResult<bool> AuditChainVerifier::stepCompletions(StoreConnection &db, int maxRows)
{
    QSqlQuery query(db.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT c.seq, c.audit_id, c.final_hash, c.previous_hash, c.completion_hash, a.status,"
        " a.final_hash FROM audit_completion AS c LEFT JOIN audit_log AS a ON a.id = c.audit_id"
        " WHERE c.seq > ? ORDER BY c.seq LIMIT ?"));
    query.addBindValue(m_lastSeq);
    query.addBindValue(maxRows);
    if (!query.exec()) {
        return StoreError{
            tr("Cannot read the audit log from %1: %2").arg(db.path(), query.lastError().text())};
    }
    int read = 0;
    while (query.next()) {
        ++read;
        const qint64 seq = query.value(0).toLongLong();
        const qint64 auditId = query.value(1).toLongLong();
        const QString finalHash = query.value(2).toString();
        const QString previousHash = query.value(3).toString();
        const QString completionHash = query.value(4).toString();
        if (seq != m_lastSeq + 1) {
            // The row it completed may still show its outcome; then it can be named.
            const StoreResult<qint64> orphan = rowWithoutCompletion(db);
            if (!orphan)
                return StoreError{orphan.error()};
            fail(AuditChainReport::Problem::Removed, *orphan,
                 *orphan > 0 ? tr("Row %1 was edited: its completion record was removed (the "
                                  "completion records jump from %2 to %3).")
                                   .arg(*orphan)
                                   .arg(m_lastSeq)
                                   .arg(seq)
                             : tr("Completion records were removed (they jump from %1 to %2): a "
                                  "row shown as running was finished.")
                                   .arg(m_lastSeq)
                                   .arg(seq));
            return true;
        }
        if (previousHash != m_expectedPreviousCompletion) {
            fail(AuditChainReport::Problem::Reordered, auditId,
                 tr("Row %1 was edited: its completion record %2 does not follow record %3, so "
                    "completion records were removed, inserted or reordered.")
                     .arg(auditId)
                     .arg(seq)
                     .arg(m_lastSeq));
            return true;
        }
        if (AuditChain::completionHash(seq, auditId, finalHash, previousHash) != completionHash ||
            m_completed.contains(auditId)) {
            fail(AuditChainReport::Problem::Edited, auditId,
                 tr("Row %1 was edited: its completion record %2 does not match its hash.")
                     .arg(auditId)
                     .arg(seq));
            return true;
        }
        const QVariant rowStatus = query.value(5);
        if (rowStatus.isNull()) {
            fail(AuditChainReport::Problem::Removed, auditId,
                 tr("Row %1 is missing: it was removed (its completion record %2 is still "
                    "there).")
                     .arg(auditId)
                     .arg(seq));
            return true;
        }
        if (rowStatus.toString() == u"running" || query.value(6).toString() != finalHash) {
            fail(AuditChainReport::Problem::OutcomeEdited, auditId,
                 tr("Row %1 was edited: it was completed (completion record %2), but its outcome "
                    "is not that completion any more.")
                     .arg(auditId)
                     .arg(seq));
            return true;
        }
        m_completed.insert(auditId);
        m_lastSeq = seq;
        m_expectedPreviousCompletion = completionHash;
    }
    if (query.lastError().isValid()) {
        return StoreError{
            tr("Cannot read the audit log from %1: %2").arg(db.path(), query.lastError().text())};
    }
    if (read < maxRows) {
        m_phase = Phase::Ends;
        return checkEnds(db);
    }
    return false;
}

StoreResult<qint64> AuditChainVerifier::rowWithoutCompletion(StoreConnection &db) const
{
    QSqlQuery query(db.database());
    if (!query.exec(
            QStringLiteral("SELECT id FROM audit_log WHERE status IS NOT 'running' AND id NOT IN"
                           " (SELECT audit_id FROM audit_completion) ORDER BY id LIMIT 1"))) {
        return StoreError{
            tr("Cannot read the audit log from %1: %2").arg(db.path(), query.lastError().text())};
    }
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

bool AuditChainVerifier::checkRow(const QVariantHash &content, const QString &previousHash,
                                  const QString &rowHash, const QVariantHash &outcome,
                                  const QVariant &finalHash)
{
    const qint64 id = content.value(QStringLiteral("id")).toLongLong();
    const qint64 expectedId = m_lastId + 1;
    // Ids are given out one after the other and rows are never deleted: a gap is a removal.
    if (id != expectedId) {
        const QString message =
            id - 1 == expectedId
                ? tr("Row %1 is missing: it was removed (the ids jump from %2 to %3).")
                      .arg(expectedId)
                      .arg(m_lastId)
                      .arg(id)
                : tr("Rows %1 to %2 are missing: they were removed (the ids jump from %3 to %4).")
                      .arg(expectedId)
                      .arg(id - 1)
                      .arg(m_lastId)
                      .arg(id);
        fail(AuditChainReport::Problem::Removed, expectedId, message);
        return false;
    }
    if (previousHash != m_expectedPrevious) {
        const QString message =
            m_lastId == 0
                ? tr("Row %1 does not start the chain: its previous_hash is not the chain's "
                     "start, so rows were removed, inserted or reordered.")
                      .arg(id)
                : tr("Row %1 does not follow row %2: its previous_hash is not the row_hash of "
                     "row %2, so rows were removed, inserted or reordered.")
                      .arg(id)
                      .arg(m_lastId);
        fail(AuditChainReport::Problem::Reordered, id, message);
        return false;
    }
    if (AuditChain::rowHash(content, previousHash) != rowHash) {
        fail(AuditChainReport::Problem::Edited, id,
             tr("Row %1 was edited: its host, user, command, risk, start or incident does not "
                "match its row_hash.")
                 .arg(id));
        return false;
    }
    const bool running = outcome.value(QStringLiteral("status")).toString() == u"running";
    bool outcomeIntact = false;
    if (running) {
        // Nothing of an outcome may be there before the row is completed.
        outcomeIntact = finalHash.isNull();
        for (auto value = outcome.cbegin(); value != outcome.cend(); ++value) {
            if (value.key() != u"status" && !value.value().isNull())
                outcomeIntact = false;
        }
    } else {
        outcomeIntact = AuditChain::finalHash(rowHash, outcome) == finalHash.toString();
    }
    if (!outcomeIntact) {
        fail(AuditChainReport::Problem::OutcomeEdited, id,
             tr("Row %1 was edited: its outcome (end, exit code, signal, duration, output size "
                "or status) does not match its final_hash.")
                 .arg(id));
        return false;
    }
    m_lastId = id;
    m_expectedPrevious = rowHash;
    m_report.rows += 1;
    m_report.headHash = rowHash;
    return true;
}

StoreResult<bool> AuditChainVerifier::checkEnds(StoreConnection &db)
{
    // AUTOINCREMENT keeps the highest id ever given out, also when the last rows were deleted.
    QSqlQuery sequence(db.database());
    if (!sequence.exec(QStringLiteral("SELECT name, seq FROM sqlite_sequence"
                                      " WHERE name IN ('audit_log', 'audit_completion')"))) {
        return StoreError{tr("Cannot read the audit log from %1: %2")
                              .arg(db.path(), sequence.lastError().text())};
    }
    qint64 highestId = 0;
    qint64 highestSeq = 0;
    while (sequence.next()) {
        if (sequence.value(0).toString() == u"audit_log")
            highestId = sequence.value(1).toLongLong();
        else
            highestSeq = sequence.value(1).toLongLong();
    }
    if (highestId > m_lastId) {
        const qint64 first = m_lastId + 1;
        fail(AuditChainReport::Problem::Removed, first,
             highestId == first ? tr("Row %1 is missing: it was removed from the end (the highest "
                                     "id given out is %1).")
                                      .arg(first)
                                : tr("Rows %1 to %2 are missing: they were removed from the end "
                                     "(the highest id given out is %2).")
                                      .arg(first)
                                      .arg(highestId));
        return true;
    }

    // A finished row without a completion record: its record was removed from the end, or the
    // row was finished by hand.
    const StoreResult<qint64> orphan = rowWithoutCompletion(db);
    if (!orphan)
        return StoreError{orphan.error()};
    if (*orphan > 0) {
        fail(AuditChainReport::Problem::OutcomeEdited, *orphan,
             tr("Row %1 was edited: it shows an outcome, but no completion record of it is left.")
                 .arg(*orphan));
        return true;
    }
    if (highestSeq > m_lastSeq) {
        fail(AuditChainReport::Problem::Removed, 0,
             tr("Completion records %1 to %2 were removed from the end: a row shown as running "
                "was finished.")
                 .arg(m_lastSeq + 1)
                 .arg(highestSeq));
        return true;
    }

    QSqlQuery triggers(db.database());
    if (!triggers.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"))) {
        return StoreError{tr("Cannot read the audit log from %1: %2")
                              .arg(db.path(), triggers.lastError().text())};
    }
    QSet<QString> present;
    while (triggers.next())
        present.insert(triggers.value(0).toString());
    QStringList missing;
    for (const QString &name : Migrations::auditTriggers()) {
        if (!present.contains(name))
            missing.append(name);
    }
    if (!missing.isEmpty()) {
        fail(AuditChainReport::Problem::Unprotected, 0,
             tr("The rows are chained intact, but the audit log in %1 is no longer append-only: "
                "its triggers %2 were dropped.")
                 .arg(db.path(), missing.join(u", ")));
    }
    return true;
}

} // namespace OpsDeck
