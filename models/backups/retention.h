// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace OpsDeck {

struct BackupLocation;

// A location's retention rules (workspace keys retention-days, keep-daily, keep-weekly).
struct RetentionRules {
    int retentionDays = 0; // keep everything younger than this many days; 0: no age rule
    int keepDaily = 0;     // the newest file of each of the last N days that have files
    int keepWeekly = 0;    // the newest file of each of the last N ISO weeks that have files

    bool any() const { return retentionDays > 0 || keepDaily > 0 || keepWeekly > 0; }
};
RetentionRules retentionRulesOf(const BackupLocation &location);

struct RetentionDecision {
    BackupFile file;
    bool keep = true;
    QStringList reasons; // why it is kept (every rule that keeps it) or why it goes, translated
};

// What a retention run would do. Pure: the same files, rules, time and zone give the same plan.
struct RetentionPlan {
    QList<RetentionDecision> decisions; // newest first; WAL after the base backups
    QList<BackupFile> toDelete;         // in the order of decisions
    qint64 bytesFreed = 0;
    // With a WAL archive: the point-in-time recovery window before and after the run, from the
    // oldest base backup (kept) to the newest WAL segment. Invalid without WAL.
    QDateTime windowStartBefore;
    QDateTime windowStartAfter;
    QDateTime windowEnd;
    QString walNote; // when WAL is kept for want of a backup label, says so

    QStringList pathsToDelete() const;
};

// Days and ISO weeks are those of zone (the host's clock), so a backup at 00:30 local time
// belongs to that day, across daylight saving changes too. A file is kept when any rule keeps
// it; without any rule nothing is deleted; the newest base backup is never deleted. WAL older
// than the start of the oldest kept base backup goes (the start is read from the backup
// label, `…08.00000028.backup`, written before that base backup), nothing newer; timeline
// history files stay.
RetentionPlan planRetention(const QList<BackupFile> &files, const RetentionRules &rules,
                            const QDateTime &now, const QTimeZone &zone = QTimeZone::utc());

} // namespace OpsDeck
