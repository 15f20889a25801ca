// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace OpsDeck::Migrations {

// One schema step: the statements that take the database from version - 1 to version.
// Steps are append-only: once released, a step is never edited, a new one is added instead.
struct Step {
    int version = 0;
    QStringList statements;
};

// The application's steps, ordered, versions 1..latestVersion() without gaps.
const QList<Step> &steps();
int latestVersion();

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
