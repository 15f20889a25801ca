// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/retention.h"

#include "models/workspace/workspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Retention)
};

bool newerFirst(const BackupFile &a, const BackupFile &b)
{
    if (a.modified != b.modified)
        return a.modified > b.modified;
    return a.path > b.path; // a fixed order for files of the same second
}

// "000000010000000A000000FE" (a segment, a .partial, or the start of a backup label) → its
// position in the WAL stream, "0000000A000000FE"; the timeline is left out so a new
// timeline's segments sort after the old one's at the same place. Empty when not a WAL name.
QString walPosition(const BackupFile &file)
{
    static const QRegularExpression form(u"^[0-9A-F]{8}([0-9A-F]{16})(?:\\.|$)"_s);
    const QRegularExpressionMatch match = form.match(file.name());
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

RetentionRules retentionRulesOf(const BackupLocation &location)
{
    return {location.retentionDays, location.keepDaily, location.keepWeekly};
}

QStringList RetentionPlan::pathsToDelete() const
{
    QStringList paths;
    for (const BackupFile &file : toDelete)
        paths << file.path;
    return paths;
}

RetentionPlan planRetention(const QList<BackupFile> &files, const RetentionRules &rules,
                            const QDateTime &now, const QTimeZone &zone)
{
    QList<BackupFile> base;
    QList<BackupFile> wal;
    for (const BackupFile &file : files)
        (file.isWal() ? wal : base).append(file);
    std::sort(base.begin(), base.end(), newerFirst);
    std::sort(wal.begin(), wal.end(), newerFirst);

    RetentionPlan plan;
    QList<QStringList> keptBy(base.size());
    if (!base.isEmpty())
        keptBy[0] << Text::tr("the newest backup: never deleted");
    if (!rules.any()) {
        for (qsizetype i = 1; i < base.size(); ++i)
            keptBy[i] << Text::tr("no retention rule: nothing is deleted");
    }
    // Newest first, so the first file of each day or week is that period's newest.
    QList<QDate> days;
    QList<std::pair<int, int>> weeks;
    for (qsizetype i = 0; i < base.size(); ++i) {
        const QDateTime local = base.at(i).modified.toTimeZone(zone);
        const QDate day = local.date();
        if (rules.keepDaily > 0 && !days.contains(day) && days.size() < rules.keepDaily) {
            days.append(day);
            keptBy[i] << Text::tr("daily: the newest of %1").arg(day.toString(Qt::ISODate));
        }
        int weekYear = 0;
        const int week = day.weekNumber(&weekYear);
        const std::pair weekKey{weekYear, week};
        if (rules.keepWeekly > 0 && !weeks.contains(weekKey)) {
            if (weeks.size() < rules.keepWeekly)
                keptBy[i] << Text::tr("weekly: the newest of week %1-W%2")
                                 .arg(weekYear)
                                 .arg(week, 2, 10, QChar(u'0'));
            weeks.append(weekKey);
        }
        if (rules.retentionDays > 0 &&
            local >= now.toTimeZone(zone).addDays(-qint64(rules.retentionDays)))
            keptBy[i] << Text::tr("younger than %n day(s)", nullptr, rules.retentionDays);
    }
    QDateTime oldestKept;
    for (qsizetype i = 0; i < base.size(); ++i) {
        RetentionDecision decision;
        decision.file = base.at(i);
        decision.keep = !keptBy.at(i).isEmpty();
        decision.reasons = decision.keep ? keptBy.at(i) : QStringList{Text::tr("no rule keeps it")};
        if (decision.keep)
            oldestKept = decision.file.modified;
        else
            plan.toDelete.append(decision.file);
        plan.decisions.append(decision);
    }

    if (!wal.isEmpty()) {
        plan.windowEnd = wal.first().modified;
        if (!base.isEmpty()) {
            plan.windowStartBefore = base.last().modified;
            plan.windowStartAfter = oldestKept;
        }
        // The backup label of the oldest kept base backup: the newest one archived no later
        // than that backup's file was written. An earlier label only keeps more WAL.
        QString cut;
        for (const BackupFile &file : wal) {
            if (file.format != BackupFormat::WalBackupLabel || !oldestKept.isValid() ||
                file.modified > oldestKept)
                continue;
            cut = walPosition(file);
            break; // newest first
        }
        if (cut.isEmpty())
            plan.walNote = Text::tr("No backup label (….backup) was archived before the oldest "
                                    "kept base backup, so where its WAL starts is unknown: all "
                                    "WAL is kept.");
        for (const BackupFile &file : wal) {
            RetentionDecision decision;
            decision.file = file;
            const QString position = walPosition(file);
            if (file.format == BackupFormat::WalHistory) {
                decision.reasons << Text::tr("timeline history: always kept");
            } else if (cut.isEmpty() || position.isEmpty()) {
                decision.reasons << Text::tr("WAL: kept while its need is unknown");
            } else if (position < cut) {
                decision.keep = false;
                decision.reasons << Text::tr("WAL from before the oldest kept base backup "
                                             "(which starts at %1)")
                                        .arg(cut);
            } else {
                decision.reasons << Text::tr("WAL for point-in-time recovery from %1")
                                        .arg(oldestKept.toString(Qt::ISODate));
            }
            if (!decision.keep)
                plan.toDelete.append(file);
            plan.decisions.append(decision);
        }
    }
    for (const BackupFile &file : std::as_const(plan.toDelete))
        plan.bytesFreed += qMax<qint64>(0, file.size);
    return plan;
}

} // namespace OpsDeck
