// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace OpsDeck::Migrations {

// One schema step: the statements that take the database from version - 1 to version, then,
// for data SQL cannot compute, code (same connection, same transaction; false and *error to
// fail the step). Steps are append-only: once released, a step is never edited, a new one is
// added instead.
struct Step {
    int version = 0;
    QStringList statements;
    std::function<bool(const QSqlDatabase &db, QString *error)> code = {};
};

// The application's steps, ordered, versions 1..latestVersion() without gaps.
const QList<Step> &steps();
int latestVersion();

// The audit log's hash chains (schema version 3), which models/audit computes and checks and
// the migration applies to the rows that existed before it:
//   audit_log.row_hash   = RecordHash::of(auditContentColumns() values..., previous_hash)
//   audit_log.final_hash = RecordHash::of(row_hash, auditOutcomeColumns() values...), once
//                          finished
//   audit_completion.completion_hash
//                        = RecordHash::of(auditCompletionColumns() values..., previous_hash)
// previous_hash is the row_hash (completion_hash) of the row before by id (seq), and
// RecordHash::genesis() for the first.
const QStringList &auditContentColumns();
const QStringList &auditOutcomeColumns();
const QStringList &auditCompletionColumns();
// The triggers that keep audit_log and audit_completion append-only (schema version 4).
const QStringList &auditTriggers();

// PRAGMA user_version of an open database; std::nullopt (and *error) when it cannot be read.
std::optional<int> schemaVersion(const QSqlDatabase &db, QString *error);

// Fails with a message naming the file and both versions when the database was written by a
// newer OpsDeck. Reads only, so a refused database is left byte for byte as it was.
bool checkNotNewer(const QSqlDatabase &db, int latest, QString *error);

// Applies the missing steps, each in its own IMMEDIATE transaction together with the new
// user_version, so a failure leaves the database at the last complete version. Safe when two
// processes open the same file at once: the version is re-read under the write lock.
bool apply(const QSqlDatabase &db, QString *error);
bool apply(const QSqlDatabase &db, const QList<Step> &steps, QString *error);

} // namespace OpsDeck::Migrations
