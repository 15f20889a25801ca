// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/keyedtablemodel.h"
#include "models/database/databaserows.h"
#include "models/database/locktree.h"
#include "models/workspace/workspace.h"

#include <QAbstractItemModel>

// The item models of the DBA views: flat tables are KeyedTableModels described by their
// columns; the lock tree is a tree model of its own.
namespace OpsDeck {

// Warning and critical levels of the database views, from the workspace's thresholds.
struct DatabaseThresholds {
    Threshold connections;       // connections_usage, % of max_connections usable
    Threshold longRunning;       // long_running_query, minutes a query has run
    Threshold idleInTransaction; // idle_in_transaction, minutes
    Threshold slotRetained;      // replication_slot_retained, MiB of WAL an idle slot keeps
    Threshold replicationLag;    // replication_lag, MiB behind
    static DatabaseThresholds fromWorkspace(const Workspace &workspace);
};

// Verdicts as the models' Verdict role gives them.
enum class DatabaseVerdict : int { Fine = 0, Warning = 1, Critical = 2 };
int verdictOf(double value, const Threshold &threshold);

using ActivityModel = KeyedTableModel<ActivityRow>;
using StatementsModel = KeyedTableModel<StatementRow>;
using TablesModel = KeyedTableModel<TableRow>;
using IndexesModel = KeyedTableModel<IndexRow>;
using ReplicasModel = KeyedTableModel<ReplicaRow>;
using SlotsModel = KeyedTableModel<SlotRow>;
using DatabaseStatsModel = KeyedTableModel<DatabaseStatsRow>;
using IoModel = KeyedTableModel<IoRow>;

// Column titles the code refers to (the models' column lists are the one place they are made).
ActivityModel *newActivityModel(const DatabaseThresholds &thresholds, QObject *parent);
StatementsModel *newStatementsModel(QObject *parent);
TablesModel *newTablesModel(QObject *parent);
IndexesModel *newIndexesModel(QObject *parent);
ReplicasModel *newReplicasModel(const DatabaseThresholds &thresholds, QObject *parent);
SlotsModel *newSlotsModel(const DatabaseThresholds &thresholds, QObject *parent);
DatabaseStatsModel *newDatabaseStatsModel(QObject *parent);
IoModel *newIoModel(QObject *parent);

// The state column as an operator reads it: "active", "idle in transaction (aborted)", plus the
// wait: "active — Lock: transactionid".
QString activityStateText(const ActivityRow &row);
// -1 -> "", else formatDuration.
QString ageText(qint64 milliseconds);

// How long the session has been doing what it does now: its query while active, else its
// state (idle, idle in transaction); -1 when unknown.
qint64 activityBusyMs(const ActivityRow &row);
// The Activity filters, one meaning for the page and `opsdeck db activity`: idle sessions left
// out when hideIdle, and with minimumMs > 0 every session busy for less (or for an unknown time).
bool activityRowShown(const ActivityRow &row, bool hideIdle, qint64 minimumMs);

// The lock tree as a tree: roots are root blockers (IsRootRole, with how many sessions they
// hold up; the view makes them stand out), children the sessions waiting for them.
class LockTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        Pid,
        Blocks,
        User,
        Database,
        State,
        WaitsFor,
        Waiting,
        Transaction,
        Query,
        ColumnCount
    };
    enum Role {
        SortRole = KeyedTableRole::Sort, // the same role the flat tables sort by
        PidRole = KeyedTableRole::Raw + 1,
        IsRootRole,  // bool: a root blocker
        IsCycleRole, // bool: part of a ring of waiters
    };

    explicit LockTreeModel(QObject *parent = nullptr);

    // Rebuilds from an Activity snapshot. A tree's shape changes as a whole, so this resets.
    void setActivity(const QList<ActivityRow> &activity);
    const LockTree &tree() const { return m_tree; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const QList<int> &childrenOf(const QModelIndex &parent) const;
    LockTree m_tree;
};

// Connection and throughput figures over time for the Overview's charts, one row per refresh:
// a table so Qt Charts' model mappers can draw it. Keeps the last `capacity` samples.
struct OverviewSample {
    QDateTime at;
    int active = 0;
    int idle = 0;
    int idleInTransaction = 0;
    int other = 0;
    double transactionsPerSecond = -1; // -1 for the first sample (no delta yet)
    double rollbacksPerSecond = -1;
};

class OverviewHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Active,
        Idle,
        IdleInTransaction,
        Other,
        TransactionsPerSecond,
        RollbacksPerSecond,
        ColumnCount
    };
    explicit OverviewHistoryModel(int capacity = 360, QObject *parent = nullptr);

    // Adds the sample a snapshot makes, its rates from the previous snapshot's counters.
    void addSnapshot(const DatabaseSnapshot &snapshot);
    const QList<OverviewSample> &samples() const { return m_samples; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    QList<OverviewSample> m_samples;
    QDateTime m_lastAt;
    qint64 m_lastCommits = -1;
    qint64 m_lastRollbacks = -1;
};

// The Overview's headline figures from the latest snapshot.
struct OverviewFigures {
    int clientConnections = 0;
    int usableConnections = 0;
    double connectionsPercent = 0;
    int connectionsVerdict = 0;
    double cacheHitPercent = -1;
    qint64 deadlocks = 0;
    qint64 tempFiles = 0;
    qint64 tempBytes = 0;
    qint64 rollbacks = 0;
};
OverviewFigures overviewFigures(const DatabaseSnapshot &snapshot,
                                const DatabaseThresholds &thresholds);

} // namespace OpsDeck
