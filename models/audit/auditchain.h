// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/persistence/statestore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QVariantHash>

namespace OpsDeck {

// The audit log's hash chain. Each row carries previous_hash (the row_hash of the row before it,
// by id) and row_hash, a SHA-256 over what the row says when it is written (id, start, host,
// user, command, risk, incident) and previous_hash. A row is completed later, when its command
// ends: final_hash, a SHA-256 over row_hash and the outcome (end, exit code, signal, duration,
// output size, status), covers that part, and the completion is also appended to
// audit_completion, a second chain in the order rows were completed. The columns each hash
// covers are in Migrations::auditContentColumns() and its neighbours; the encoding is RecordHash.
//
// So an edited row no longer matches its own hash; a removed, inserted or moved row breaks the
// link of the row after it or leaves a gap in the ids; an outcome erased (the row made to look
// as if still running) contradicts its completion record. The chains need no secret: whoever
// can write the file and knows this scheme can rebuild them. They catch edits made with anything
// else (an SQLite shell, a script); to catch a rebuilt chain, note the head hash somewhere else
// from time to time (`opsdeck audit verify` prints it) and compare.
namespace AuditChain {

// content and outcome: column name -> value as bound to the statement.
QString rowHash(const QVariantHash &content, const QString &previousHash);
QString finalHash(const QString &rowHash, const QVariantHash &outcome);
QString completionHash(qint64 seq, qint64 auditId, const QString &finalHash,
                       const QString &previousHash);

} // namespace AuditChain

// What verifying the chain found: the first problem, or that it is intact.
struct AuditChainReport {
    enum class Problem {
        None,
        Edited,        // a row's (or completion record's) content does not match its hash
        OutcomeEdited, // its outcome does not match its final_hash or its completion record
        Removed,       // ids are missing: in the middle, at the start or at the end
        Reordered,     // previous_hash does not name the row before: removed, inserted, moved
        Unprotected,   // the chains hold, but the append-only triggers were dropped
    };

    qint64 rows = 0;  // rows checked
    QString headHash; // row_hash of the last row checked
    Problem problem = Problem::None;
    qint64 row = 0;  // the first bad (or first missing) row's id; 0 when no row can be named
    QString message; // a sentence naming the row and what is wrong; empty when intact

    bool intact() const { return problem == Problem::None; }
    // "N rows, chain intact" or the message.
    QString summary() const;
    // {"intact", "rows", "head", and when broken "row", "problem", "message"}.
    QJsonObject toJson() const;
};

// "edited", "outcome-edited", "removed", "reordered", "unprotected"; empty for None.
QString auditProblemId(AuditChainReport::Problem problem);

// Walks the rows from the first, then the completion records, then checks the ends of both and
// the triggers; some rows per call, so the state store can run other work (a command's audit
// row) between the calls. Runs on the store's thread only.
class AuditChainVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(AuditChainVerifier)

public:
    // Checks up to maxRows more rows in one read transaction. True when the walk is over (the
    // end reached, or a problem found): report() is then final. An error when the database
    // cannot be read.
    StoreResult<bool> step(StoreConnection &db, int maxRows);
    const AuditChainReport &report() const { return m_report; }

private:
    enum class Phase { Rows, Completions, Ends };

    StoreResult<bool> stepRows(StoreConnection &db, int maxRows);
    StoreResult<bool> stepCompletions(StoreConnection &db, int maxRows);
    StoreResult<bool> checkEnds(StoreConnection &db);
    bool checkRow(const QVariantHash &content, const QString &previousHash, const QString &rowHash,
                  const QVariantHash &outcome, const QVariant &finalHash);
    // The first finished row that has no completion record, or 0.
    StoreResult<qint64> rowWithoutCompletion(StoreConnection &db) const;
    void fail(AuditChainReport::Problem problem, qint64 row, const QString &message);

    Phase m_phase = Phase::Rows;
    qint64 m_lastId = 0;
    QString m_expectedPrevious;
    qint64 m_lastSeq = 0;
    QString m_expectedPreviousCompletion;
    QSet<qint64> m_completed; // rows with a completion record
    AuditChainReport m_report;
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::AuditChainReport)
