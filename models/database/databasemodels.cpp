// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/databasemodels.h"

#include "models/core/units.h"
#include "models/health/httpcheck.h"

#include <QCoreApplication>
#include <QLocale>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseModels)
};

constexpr Qt::Alignment kNumber = Qt::AlignRight | Qt::AlignVCenter;
constexpr double kMiB = 1024.0 * 1024.0;

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString milliseconds(double value)
{
    return value >= 1000 ? formatDuration(qint64(value))
                         : Text::tr("%1 ms").arg(QLocale().toString(value, 'f', 2));
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : Text::tr("never");
}

QString bytesOrEmpty(qint64 bytes)
{
    return bytes < 0 ? QString() : formatBytes(bytes);
}

// One line of a query for a table cell; the whole text is the tooltip and the Raw role.
QString oneLine(const QString &query)
{
    QString line = query.simplified();
    if (line.size() > 300)
        line = line.left(300) + u'…';
    return line;
}

} // namespace

int verdictOf(double value, const Threshold &threshold)
{
    const bool above = threshold.direction == Threshold::Direction::Above;
    const auto beyond = [&](double limit) { return above ? value >= limit : value <= limit; };
    if (threshold.critical > 0 && beyond(threshold.critical))
        return int(DatabaseVerdict::Critical);
    if (threshold.warning > 0 && beyond(threshold.warning))
        return int(DatabaseVerdict::Warning);
    return int(DatabaseVerdict::Fine);
}

DatabaseThresholds DatabaseThresholds::fromWorkspace(const Workspace &workspace)
{
    DatabaseThresholds thresholds;
    thresholds.connections =
        thresholdFor(workspace, u"connections_usage"_s,
                     {u"connections_usage"_s, 80, 95, u"%"_s, Threshold::Direction::Above, {}});
    thresholds.longRunning =
        thresholdFor(workspace, u"long_running_query"_s,
                     {u"long_running_query"_s, 5, 30, u"min"_s, Threshold::Direction::Above, {}});
    thresholds.idleInTransaction =
        thresholdFor(workspace, u"idle_in_transaction"_s,
                     {u"idle_in_transaction"_s, 5, 30, u"min"_s, Threshold::Direction::Above, {}});
    thresholds.slotRetained = thresholdFor(
        workspace, u"replication_slot_retained"_s,
        {u"replication_slot_retained"_s, 1024, 10240, u"MiB"_s, Threshold::Direction::Above, {}});
    thresholds.replicationLag =
        thresholdFor(workspace, u"replication_lag"_s,
                     {u"replication_lag"_s, 16, 1024, u"MiB"_s, Threshold::Direction::Above, {}});
    return thresholds;
}

QString ageText(qint64 milliseconds)
{
    return milliseconds < 0 ? QString() : formatDuration(milliseconds);
}

qint64 activityBusyMs(const ActivityRow &row)
{
    return row.state == u"active"_s ? row.queryAgeMs : row.stateAgeMs;
}

bool activityRowShown(const ActivityRow &row, bool hideIdle, qint64 minimumMs)
{
    if (hideIdle && row.state == u"idle"_s)
        return false;
    return minimumMs <= 0 || activityBusyMs(row) >= minimumMs;
}

QString activityStateText(const ActivityRow &row)
{
    QString state = row.state.isEmpty() ? row.backendType : row.state;
    if (!row.waitEventType.isEmpty())
        state += u" — %1: %2"_s.arg(row.waitEventType, row.waitEvent);
    return state;
}

namespace {

// How long this session has been doing what it does now: the query while active, the
// transaction while idle in it.
int activityVerdict(const ActivityRow &row, const DatabaseThresholds &thresholds)
{
    if (row.state == u"active"_s && row.queryAgeMs >= 0 && !row.own)
        return verdictOf(row.queryAgeMs / 60000.0, thresholds.longRunning);
    if (row.state.startsWith(u"idle in transaction"_s) && row.stateAgeMs >= 0)
        return verdictOf(row.stateAgeMs / 60000.0, thresholds.idleInTransaction);
    return 0;
}

} // namespace

ActivityModel *newActivityModel(const DatabaseThresholds &thresholds, QObject *parent)
{
    using C = ActivityModel::Column;
    const auto ageColumn = [](const QString &title, qint64 ActivityRow::*field) {
        return C{title, [field](const ActivityRow &r) { return QVariant(ageText(r.*field)); },
                 [field](const ActivityRow &r) { return QVariant(r.*field); }, kNumber};
    };
    QList<C> columns{
        {Text::tr("PID"),
         [](const ActivityRow &r) { return QVariant(r.pid); },
         {},
         kNumber,
         [](const ActivityRow &r) {
             return r.own ? Text::tr("Opened by OpsDeck: never a target of its actions")
                          : QString();
         }},
        {Text::tr("User"), [](const ActivityRow &r) { return QVariant(r.user); }},
        {Text::tr("Database"), [](const ActivityRow &r) { return QVariant(r.database); }},
        {Text::tr("Client"), [](const ActivityRow &r) { return QVariant(r.client); }},
        {Text::tr("Application"),
         [](const ActivityRow &r) {
             return QVariant(r.own ? Text::tr("%1 (OpsDeck)").arg(r.application) : r.application);
         }},
        {Text::tr("State"),
         [](const ActivityRow &r) { return QVariant(activityStateText(r)); },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         {},
         [thresholds](const ActivityRow &r) { return activityVerdict(r, thresholds); }},
        {Text::tr("Blocked by"),
         [](const ActivityRow &r) {
             QStringList pids;
             for (int pid : r.blockedBy)
                 pids.append(QString::number(pid));
             return QVariant(pids.join(u", "_s));
         },
         [](const ActivityRow &r) { return QVariant(r.blockedBy.size()); }},
        ageColumn(Text::tr("Query age"), &ActivityRow::queryAgeMs),
        ageColumn(Text::tr("Transaction age"), &ActivityRow::transactionAgeMs),
        ageColumn(Text::tr("Backend age"), &ActivityRow::backendAgeMs),
        {Text::tr("Query"),
         [](const ActivityRow &r) { return QVariant(oneLine(r.query)); },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         [](const ActivityRow &r) { return r.query; },
         {},
         [](const ActivityRow &r) { return r.query; }},
    };
    columns[7].verdict = [thresholds](const ActivityRow &r) {
        return activityVerdict(r, thresholds);
    };
    return new ActivityModel(
        columns, [](const ActivityRow &r) { return QString::number(r.pid); }, parent);
}

StatementsModel *newStatementsModel(QObject *parent)
{
    using C = StatementsModel::Column;
    QList<C> columns{
        {Text::tr("Calls"), [](const StatementRow &r) { return QVariant(number(r.calls)); },
         [](const StatementRow &r) { return QVariant(r.calls); }, kNumber},
        {Text::tr("Total time"),
         [](const StatementRow &r) { return QVariant(milliseconds(r.totalMs)); },
         [](const StatementRow &r) { return QVariant(r.totalMs); }, kNumber},
        {Text::tr("Mean"), [](const StatementRow &r) { return QVariant(milliseconds(r.meanMs)); },
         [](const StatementRow &r) { return QVariant(r.meanMs); }, kNumber},
        {Text::tr("Max"), [](const StatementRow &r) { return QVariant(milliseconds(r.maxMs)); },
         [](const StatementRow &r) { return QVariant(r.maxMs); }, kNumber},
        {Text::tr("Rows"), [](const StatementRow &r) { return QVariant(number(r.rows)); },
         [](const StatementRow &r) { return QVariant(r.rows); }, kNumber},
        {Text::tr("Cache hits"),
         [](const StatementRow &r) {
             const double hit = r.hitPercent();
             return QVariant(hit < 0 ? QString()
                                     : Text::tr("%1 %").arg(QLocale().toString(hit, 'f', 1)));
         },
         [](const StatementRow &r) { return QVariant(r.hitPercent()); }, kNumber},
        {Text::tr("Temp blocks"),
         [](const StatementRow &r) { return QVariant(number(r.tempBlocks)); },
         [](const StatementRow &r) { return QVariant(r.tempBlocks); }, kNumber},
        {Text::tr("User"), [](const StatementRow &r) { return QVariant(r.user); }},
        {Text::tr("Database"), [](const StatementRow &r) { return QVariant(r.database); }},
        {Text::tr("Query"),
         [](const StatementRow &r) { return QVariant(oneLine(r.query)); },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         [](const StatementRow &r) { return r.query; },
         {},
         [](const StatementRow &r) { return r.query; }},
    };
    return new StatementsModel(
        columns,
        [](const StatementRow &r) -> QString {
            return r.queryId + u'/' + r.user + u'/' + r.database;
        },
        parent);
}

namespace {

QString bloatExplanation(const TableRow &row)
{
    if (row.bloatBytes < 0)
        return Text::tr("Unknown: no statistics for every column (ANALYZE the table; pg_stats "
                        "shows only the columns this role may SELECT), or no storage of its own");
    return Text::tr("Estimated space beyond what the rows need, from the pages and the column "
                    "widths of the last ANALYZE: VACUUM FULL or pg_repack gives it back");
}

// Worth a look from 30 % of the heap, bad from 60 %; under a mebibyte the estimate's error is
// larger than what there is to gain.
int tableBloatVerdict(const TableRow &row)
{
    if (row.bloatBytes < 1024 * 1024)
        return int(DatabaseVerdict::Fine);
    if (row.bloatPercent >= 60)
        return int(DatabaseVerdict::Critical);
    return row.bloatPercent >= 30 ? int(DatabaseVerdict::Warning) : int(DatabaseVerdict::Fine);
}

} // namespace

TablesModel *newTablesModel(QObject *parent)
{
    using C = TablesModel::Column;
    const auto bytesColumn = [](const QString &title, qint64 TableRow::*field) {
        return C{title, [field](const TableRow &r) { return QVariant(formatBytes(r.*field)); },
                 [field](const TableRow &r) { return QVariant(r.*field); }, kNumber};
    };
    const auto countColumn = [](const QString &title, qint64 TableRow::*field) {
        return C{title, [field](const TableRow &r) { return QVariant(number(r.*field)); },
                 [field](const TableRow &r) { return QVariant(r.*field); }, kNumber};
    };
    const auto maintenance = [](const QString &title, QDateTime TableRow::*time,
                                bool TableRow::*wasAuto) {
        return C{title,
                 [time, wasAuto](const TableRow &r) {
                     const QString when = timeText(r.*time);
                     return QVariant(r.*wasAuto ? Text::tr("%1 (auto)").arg(when) : when);
                 },
                 [time](const TableRow &r) {
                     return QVariant((r.*time).isValid() ? (r.*time).toMSecsSinceEpoch() : 0);
                 }};
    };
    QList<C> columns{
        {Text::tr("Schema"), [](const TableRow &r) { return QVariant(r.schema); }},
        {Text::tr("Table"), [](const TableRow &r) { return QVariant(r.name); }},
        bytesColumn(Text::tr("Total"), &TableRow::totalBytes),
        bytesColumn(Text::tr("Table size"), &TableRow::tableBytes),
        bytesColumn(Text::tr("Indexes"), &TableRow::indexBytes),
        bytesColumn(Text::tr("TOAST"), &TableRow::toastBytes),
        countColumn(Text::tr("Live rows"), &TableRow::liveTuples),
        countColumn(Text::tr("Dead rows"), &TableRow::deadTuples),
        {Text::tr("Dead %"),
         [](const TableRow &r) { return QVariant(QLocale().toString(r.deadPercent(), 'f', 1)); },
         [](const TableRow &r) { return QVariant(r.deadPercent()); }, kNumber,
         [](const TableRow &) {
             return Text::tr("Dead rows as a share of all rows: the bloat that VACUUM can reclaim");
         },
         [](const TableRow &r) {
             // A table worth vacuuming: a fifth dead and enough rows to matter.
             if (r.deadTuples < 1000)
                 return 0;
             return r.deadPercent() >= 50 ? 2 : r.deadPercent() >= 20 ? 1 : 0;
         }},
        {Text::tr("Bloat"), [](const TableRow &r) { return QVariant(bytesOrEmpty(r.bloatBytes)); },
         [](const TableRow &r) { return QVariant(r.bloatBytes); }, kNumber, bloatExplanation,
         tableBloatVerdict},
        {Text::tr("Bloat %"),
         [](const TableRow &r) {
             return QVariant(r.bloatPercent < 0 ? QString()
                                                : QLocale().toString(r.bloatPercent, 'f', 1));
         },
         [](const TableRow &r) { return QVariant(r.bloatPercent); }, kNumber, bloatExplanation,
         tableBloatVerdict},
        countColumn(Text::tr("Seq scans"), &TableRow::sequentialScans),
        countColumn(Text::tr("Index scans"), &TableRow::indexScans),
        maintenance(Text::tr("Last vacuum"), &TableRow::lastVacuum, &TableRow::lastVacuumWasAuto),
        maintenance(Text::tr("Last analyze"), &TableRow::lastAnalyze,
                    &TableRow::lastAnalyzeWasAuto),
    };
    return new TablesModel(
        columns, [](const TableRow &r) { return r.qualifiedName(); }, parent);
}

IndexesModel *newIndexesModel(QObject *parent)
{
    using C = IndexesModel::Column;
    QList<C> columns{
        {Text::tr("Schema"), [](const IndexRow &r) { return QVariant(r.schema); }},
        {Text::tr("Table"), [](const IndexRow &r) { return QVariant(r.table); }},
        {Text::tr("Index"),
         [](const IndexRow &r) { return QVariant(r.name); },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         [](const IndexRow &r) { return r.definition; }},
        {Text::tr("Size"), [](const IndexRow &r) { return QVariant(formatBytes(r.bytes)); },
         [](const IndexRow &r) { return QVariant(r.bytes); }, kNumber},
        {Text::tr("Scans"), [](const IndexRow &r) { return QVariant(number(r.scans)); },
         [](const IndexRow &r) { return QVariant(r.scans); }, kNumber},
        {Text::tr("Finding"),
         [](const IndexRow &r) {
             QStringList findings;
             if (r.unused())
                 findings.append(Text::tr("unused"));
             if (!r.duplicates.isEmpty())
                 findings.append(Text::tr("duplicate of %1").arg(r.duplicates.join(u", "_s)));
             return QVariant(findings.join(u"; "_s));
         },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         [](const IndexRow &r) {
             return r.unused() ? Text::tr("Never scanned since the statistics were reset, and no "
                                          "constraint needs it")
                               : QString();
         },
         [](const IndexRow &r) { return r.unused() || !r.duplicates.isEmpty() ? 1 : 0; }},
        {Text::tr("Definition"), [](const IndexRow &r) { return QVariant(r.definition); }},
    };
    return new IndexesModel(
        columns, [](const IndexRow &r) -> QString { return r.schema + u'.' + r.name; }, parent);
}

ReplicasModel *newReplicasModel(const DatabaseThresholds &thresholds, QObject *parent)
{
    using C = ReplicasModel::Column;
    const auto lagColumn = [](const QString &title, qint64 ReplicaRow::*field) {
        return C{title, [field](const ReplicaRow &r) { return QVariant(ageText(r.*field)); },
                 [field](const ReplicaRow &r) { return QVariant(r.*field); }, kNumber};
    };
    QList<C> columns{
        {Text::tr("Replica"), [](const ReplicaRow &r) { return QVariant(r.name); }},
        {Text::tr("Client"), [](const ReplicaRow &r) { return QVariant(r.client); }},
        {Text::tr("State"), [](const ReplicaRow &r) { return QVariant(r.state); }},
        {Text::tr("Sync"), [](const ReplicaRow &r) { return QVariant(r.syncState); }},
        {Text::tr("Lag"),
         [](const ReplicaRow &r) { return QVariant(bytesOrEmpty(r.lagBytes)); },
         [](const ReplicaRow &r) { return QVariant(r.lagBytes); },
         kNumber,
         {},
         [thresholds](const ReplicaRow &r) {
             return r.lagBytes < 0 ? 0 : verdictOf(r.lagBytes / kMiB, thresholds.replicationLag);
         }},
        lagColumn(Text::tr("Write lag"), &ReplicaRow::writeLagMs),
        lagColumn(Text::tr("Flush lag"), &ReplicaRow::flushLagMs),
        lagColumn(Text::tr("Replay lag"), &ReplicaRow::replayLagMs),
        {Text::tr("Sent LSN"), [](const ReplicaRow &r) { return QVariant(r.sentLsn); }},
        {Text::tr("Replayed LSN"), [](const ReplicaRow &r) { return QVariant(r.replayLsn); }},
    };
    return new ReplicasModel(
        columns, [](const ReplicaRow &r) -> QString { return r.name + u'/' + r.client; }, parent);
}

namespace {
int slotVerdict(const SlotRow &row, const DatabaseThresholds &thresholds);
}

SlotsModel *newSlotsModel(const DatabaseThresholds &thresholds, QObject *parent)
{
    using C = SlotsModel::Column;
    QList<C> columns{
        {Text::tr("Slot"), [](const SlotRow &r) { return QVariant(r.name); }},
        {Text::tr("Type"), [](const SlotRow &r) { return QVariant(r.type); }},
        {Text::tr("Database"), [](const SlotRow &r) { return QVariant(r.database); }},
        {Text::tr("Active"),
         [](const SlotRow &r) {
             return QVariant(r.active ? Text::tr("yes (pid %1)").arg(r.activePid) : Text::tr("no"));
         },
         {},
         Qt::AlignLeft | Qt::AlignVCenter,
         {},
         [thresholds](const SlotRow &r) { return r.active ? 0 : slotVerdict(r, thresholds); }},
        {Text::tr("Retained WAL"),
         [](const SlotRow &r) { return QVariant(bytesOrEmpty(r.retainedBytes)); },
         [](const SlotRow &r) { return QVariant(r.retainedBytes); }, kNumber,
         [](const SlotRow &r) {
             return r.active ? QString()
                             : Text::tr("Nobody reads this slot: the server keeps every WAL "
                                        "segment since its position, until the disk fills. "
                                        "Drop the slot if its consumer is gone.");
         },
         [thresholds](const SlotRow &r) { return slotVerdict(r, thresholds); }},
        {Text::tr("WAL status"), [](const SlotRow &r) { return QVariant(r.walStatus); }},
    };
    return new SlotsModel(
        columns, [](const SlotRow &r) { return r.name; }, parent);
}

namespace {
// An inactive slot is a warning at once (it only grows); past the thresholds, or once the
// server has had to give up WAL for it, worse.
int slotVerdict(const SlotRow &row, const DatabaseThresholds &thresholds)
{
    if (row.walStatus == u"lost"_s || row.walStatus == u"unreserved"_s)
        return int(DatabaseVerdict::Critical);
    const int bySize =
        row.retainedBytes < 0 ? 0 : verdictOf(row.retainedBytes / kMiB, thresholds.slotRetained);
    if (row.active)
        return bySize;
    return std::max(bySize, int(DatabaseVerdict::Warning));
}
} // namespace

DatabaseStatsModel *newDatabaseStatsModel(QObject *parent)
{
    using C = DatabaseStatsModel::Column;
    const auto countColumn = [](const QString &title, qint64 DatabaseStatsRow::*field) {
        return C{title, [field](const DatabaseStatsRow &r) { return QVariant(number(r.*field)); },
                 [field](const DatabaseStatsRow &r) { return QVariant(r.*field); }, kNumber};
    };
    QList<C> columns{
        {Text::tr("Database"), [](const DatabaseStatsRow &r) { return QVariant(r.name); }},
        {Text::tr("Size"),
         [](const DatabaseStatsRow &r) { return QVariant(bytesOrEmpty(r.bytes)); },
         [](const DatabaseStatsRow &r) { return QVariant(r.bytes); }, kNumber},
        countColumn(Text::tr("Commits"), &DatabaseStatsRow::commits),
        countColumn(Text::tr("Rollbacks"), &DatabaseStatsRow::rollbacks),
        {Text::tr("Cache hits"),
         [](const DatabaseStatsRow &r) {
             const qint64 all = r.blocksHit + r.blocksRead;
             return QVariant(all == 0 ? QString()
                                      : Text::tr("%1 %").arg(QLocale().toString(
                                            100.0 * double(r.blocksHit) / double(all), 'f', 2)));
         },
         [](const DatabaseStatsRow &r) {
             const qint64 all = r.blocksHit + r.blocksRead;
             return QVariant(all == 0 ? -1.0 : double(r.blocksHit) / double(all));
         },
         kNumber},
        countColumn(Text::tr("Deadlocks"), &DatabaseStatsRow::deadlocks),
        countColumn(Text::tr("Temp files"), &DatabaseStatsRow::tempFiles),
        {Text::tr("Temp bytes"),
         [](const DatabaseStatsRow &r) { return QVariant(formatBytes(r.tempBytes)); },
         [](const DatabaseStatsRow &r) { return QVariant(r.tempBytes); }, kNumber},
    };
    return new DatabaseStatsModel(
        columns, [](const DatabaseStatsRow &r) { return r.name; }, parent);
}

IoModel *newIoModel(QObject *parent)
{
    using C = IoModel::Column;
    const auto countColumn = [](const QString &title, qint64 IoRow::*field) {
        return C{title, [field](const IoRow &r) { return QVariant(number(r.*field)); },
                 [field](const IoRow &r) { return QVariant(r.*field); }, kNumber};
    };
    QList<C> columns{
        {Text::tr("Backend type"), [](const IoRow &r) { return QVariant(r.backendType); }},
        countColumn(Text::tr("Reads"), &IoRow::reads),
        countColumn(Text::tr("Hits"), &IoRow::hits),
        countColumn(Text::tr("Writes"), &IoRow::writes),
        countColumn(Text::tr("Extends"), &IoRow::extends),
        countColumn(Text::tr("Evictions"), &IoRow::evictions),
        countColumn(Text::tr("Fsyncs"), &IoRow::fsyncs),
    };
    return new IoModel(
        columns, [](const IoRow &r) { return r.backendType; }, parent);
}

// --- LockTreeModel -----------------------------------------------------------------------

LockTreeModel::LockTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

namespace {

// The same sessions in the same places: only ages, states and texts may differ.
bool sameShape(const LockTree &before, const LockTree &after)
{
    if (before.roots != after.roots || before.nodes.size() != after.nodes.size())
        return false;
    for (qsizetype node = 0; node < before.nodes.size(); ++node) {
        const LockTreeNode &old = before.nodes.at(node);
        const LockTreeNode &now = after.nodes.at(node);
        if (old.parent != now.parent || old.children != now.children ||
            old.closesCycle != now.closesCycle || old.inCycle != now.inCycle ||
            old.shownUnder != now.shownUnder ||
            before.sessions.at(old.session).pid != after.sessions.at(now.session).pid)
            return false;
    }
    return true;
}

} // namespace

void LockTreeModel::setActivity(const QList<ActivityRow> &activity)
{
    LockTree next = buildLockTree(activity);
    // Every refresh rebuilds the tree; while its shape stays, the rows are updated where they
    // are, so a selected blocker stays selected and an expanded branch stays open.
    if (sameShape(m_tree, next)) {
        m_tree = std::move(next);
        const auto changed = [this](const QModelIndex &parent, qsizetype rows) {
            if (rows > 0)
                Q_EMIT dataChanged(index(0, 0, parent),
                                   index(int(rows) - 1, ColumnCount - 1, parent));
        };
        changed({}, m_tree.roots.size());
        for (int node = 0; node < m_tree.nodes.size(); ++node) {
            const LockTreeNode &parent = m_tree.nodes.at(node);
            if (parent.children.isEmpty())
                continue;
            const int grandParent = parent.parent;
            const QList<int> &siblings =
                grandParent < 0 ? m_tree.roots : m_tree.nodes.at(grandParent).children;
            changed(createIndex(int(siblings.indexOf(node)), 0, quintptr(node)),
                    parent.children.size());
        }
        return;
    }
    beginResetModel();
    m_tree = std::move(next);
    endResetModel();
}

const QList<int> &LockTreeModel::childrenOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_tree.roots;
    return m_tree.nodes.at(int(parent.internalId())).children;
}

QModelIndex LockTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex LockTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_tree.nodes.at(int(child.internalId())).parent;
    if (parentNode < 0)
        return {};
    const int grandParent = m_tree.nodes.at(parentNode).parent;
    const QList<int> &siblings =
        grandParent < 0 ? m_tree.roots : m_tree.nodes.at(grandParent).children;
    return createIndex(int(siblings.indexOf(parentNode)), 0, quintptr(parentNode));
}

int LockTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int LockTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant LockTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int nodeIndex = int(index.internalId());
    const LockTreeNode &node = m_tree.nodes.at(nodeIndex);
    const ActivityRow &session = m_tree.sessions.at(node.session);
    const bool root = node.parent < 0;
    switch (role) {
    case PidRole:
        return session.pid;
    case IsRootRole:
        return root;
    case IsCycleRole:
        return node.inCycle || node.closesCycle;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Pid || index.column() == Blocks ||
                                           index.column() == Waiting ||
                                           index.column() == Transaction
                                       ? kNumber
                                       : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (index.column() == Query)
            return session.query;
        if (node.closesCycle)
            return Text::tr("Waits for a session above it: these sessions wait for each other "
                            "in a ring. PostgreSQL's deadlock detector ends one of them.");
        if (root && node.inCycle)
            return Text::tr("A ring of sessions waiting for each other: none is the root; the "
                            "lowest pid is shown first.");
        if (root)
            return Text::tr("Root blocker: holds the lock the sessions beneath it wait for, and "
                            "waits for nobody. Cancelling its query or terminating it frees them.");
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sorting = role == SortRole;
    switch (Column(index.column())) {
    case Pid:
        if (sorting)
            return session.pid;
        if (node.closesCycle)
            return Text::tr("%1 (cycle)").arg(session.pid);
        if (node.shownUnder >= 0)
            return Text::tr("%1 (also above)").arg(session.pid);
        return session.pid;
    case Blocks:
        if (sorting)
            return node.blockedTotal;
        return node.blockedTotal > 0 ? QVariant(node.blockedTotal) : QVariant(QString());
    case User:
        return session.user;
    case Database:
        return session.database;
    case State:
        return activityStateText(session);
    case WaitsFor:
        // A root waits for nothing: what it holds is what the sessions beneath it want.
        if (session.waitingMode.isEmpty() && !session.heldMode.isEmpty())
            return Text::tr("holds %1 on %2")
                .arg(session.heldMode,
                     session.heldRelation.isEmpty() ? session.heldLockType : session.heldRelation);
        if (session.waitingMode.isEmpty())
            return QString();
        return session.waitingRelation.isEmpty()
                   ? Text::tr("%1 on %2").arg(session.waitingMode, session.waitingLockType)
                   : Text::tr("%1 on %2 %3")
                         .arg(session.waitingMode, session.waitingLockType,
                              session.waitingRelation);
    case Waiting: {
        // A waiter has waited since its state last changed; a root shows its query's age.
        const qint64 age = session.blockedBy.isEmpty() ? session.queryAgeMs : session.stateAgeMs;
        return sorting ? QVariant(age) : QVariant(ageText(age));
    }
    case Transaction:
        return sorting ? QVariant(session.transactionAgeMs)
                       : QVariant(ageText(session.transactionAgeMs));
    case Query:
        return oneLine(session.query);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LockTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Pid:
        return Text::tr("PID");
    case Blocks:
        return Text::tr("Blocks");
    case User:
        return Text::tr("User");
    case Database:
        return Text::tr("Database");
    case State:
        return Text::tr("State");
    case WaitsFor:
        return Text::tr("Waits for");
    case Waiting:
        return Text::tr("Waiting / running");
    case Transaction:
        return Text::tr("Transaction age");
    case Query:
        return Text::tr("Query");
    case ColumnCount:
        break;
    }
    return {};
}

// --- Overview -----------------------------------------------------------------------------

OverviewHistoryModel::OverviewHistoryModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(2, capacity))
{
}

void OverviewHistoryModel::addSnapshot(const DatabaseSnapshot &snapshot)
{
    if (!snapshot.error.isEmpty() || !snapshot.takenAt.isValid())
        return;
    OverviewSample sample;
    sample.at = snapshot.takenAt;
    for (const ConnectionCount &count : snapshot.connections) {
        if (count.state == u"active"_s)
            sample.active += count.count;
        else if (count.state == u"idle"_s)
            sample.idle += count.count;
        else if (count.state.startsWith(u"idle in transaction"_s))
            sample.idleInTransaction += count.count;
        else
            sample.other += count.count;
    }
    qint64 commits = 0;
    qint64 rollbacks = 0;
    for (const DatabaseStatsRow &row : snapshot.databases) {
        commits += row.commits;
        rollbacks += row.rollbacks;
    }
    const qint64 elapsedMs = m_lastAt.isValid() ? m_lastAt.msecsTo(sample.at) : 0;
    // Counters going down mean a stats reset or another server: no rate from that pair.
    if (elapsedMs > 0 && commits >= m_lastCommits && m_lastCommits >= 0 &&
        rollbacks >= m_lastRollbacks) {
        sample.transactionsPerSecond =
            double(commits + rollbacks - m_lastCommits - m_lastRollbacks) * 1000.0 /
            double(elapsedMs);
        sample.rollbacksPerSecond =
            double(rollbacks - m_lastRollbacks) * 1000.0 / double(elapsedMs);
    }
    m_lastAt = sample.at;
    m_lastCommits = commits;
    m_lastRollbacks = rollbacks;
    if (m_samples.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_samples.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_samples.size()), int(m_samples.size()));
    m_samples.append(sample);
    endInsertRows();
}

void OverviewHistoryModel::clear()
{
    beginResetModel();
    m_samples.clear();
    m_lastAt = {};
    m_lastCommits = -1;
    m_lastRollbacks = -1;
    endResetModel();
}

int OverviewHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int OverviewHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverviewHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const OverviewSample &sample = m_samples.at(index.row());
    switch (Column(index.column())) {
    case Time:
        // Milliseconds since the epoch: what a QDateTimeAxis series wants as x.
        return double(sample.at.toMSecsSinceEpoch());
    case Active:
        return sample.active;
    case Idle:
        return sample.idle;
    case IdleInTransaction:
        return sample.idleInTransaction;
    case Other:
        return sample.other;
    case TransactionsPerSecond:
        return std::max(0.0, sample.transactionsPerSecond);
    case RollbacksPerSecond:
        return std::max(0.0, sample.rollbacksPerSecond);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OverviewHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return Text::tr("Time");
    case Active:
        return Text::tr("Active");
    case Idle:
        return Text::tr("Idle");
    case IdleInTransaction:
        return Text::tr("Idle in transaction");
    case Other:
        return Text::tr("Other");
    case TransactionsPerSecond:
        return Text::tr("Transactions/s");
    case RollbacksPerSecond:
        return Text::tr("Rollbacks/s");
    case ColumnCount:
        break;
    }
    return {};
}

OverviewFigures overviewFigures(const DatabaseSnapshot &snapshot,
                                const DatabaseThresholds &thresholds)
{
    OverviewFigures figures;
    for (const ConnectionCount &count : snapshot.connections)
        figures.clientConnections += count.count;
    figures.usableConnections =
        std::max(1, snapshot.server.maxConnections - snapshot.server.reservedConnections);
    figures.connectionsPercent = 100.0 * figures.clientConnections / figures.usableConnections;
    figures.connectionsVerdict = verdictOf(figures.connectionsPercent, thresholds.connections);
    qint64 hit = 0;
    qint64 read = 0;
    for (const DatabaseStatsRow &row : snapshot.databases) {
        hit += row.blocksHit;
        read += row.blocksRead;
        figures.deadlocks += row.deadlocks;
        figures.tempFiles += row.tempFiles;
        figures.tempBytes += row.tempBytes;
        figures.rollbacks += row.rollbacks;
    }
    if (hit + read > 0)
        figures.cacheHitPercent = 100.0 * double(hit) / double(hit + read);
    return figures;
}

} // namespace OpsDeck
