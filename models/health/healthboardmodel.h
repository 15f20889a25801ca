// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/alertmanager.h"
#include "models/health/checkplan.h"
#include "models/health/checkresult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace OpsDeck {

// How many checks are in each verdict, for the summary strip and the window title.
struct VerdictCounts {
    int ok = 0;
    int warning = 0;
    int critical = 0;
    int unknown = 0; // unknown, and planned checks that have not answered yet
    int total() const { return ok + warning + critical + unknown; }
    friend bool operator==(const VerdictCounts &, const VerdictCounts &) = default;
};

// Every planned check with its latest result and a short in-memory history (for sparklines
// and the details chart): what the Dashboard grid, the summary strip and `opsdeck check`
// show. Rows are the plan's checks in plan order; results update their row in place.
class HealthBoardModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthBoardModel)

public:
    enum Column {
        EnvironmentColumn,
        CategoryColumn,
        CheckColumn,
        VerdictColumn,
        SummaryColumn,
        LastRunColumn,
        ColumnCount
    };
    enum Role {
        CheckIdRole = Qt::UserRole + 1,
        KindRole,     // CheckKind as int
        CategoryRole, // CheckCategory as int
        EnvironmentRole,
        HostRole,
        VerdictRole,   // Verdict as int; Unknown before the first result
        HasResultRole, // bool
        SummaryRole,
        ErrorRole,
        LastRunRole, // QDateTime (UTC), invalid before the first result
        RunbookRole,
        SortRole, // for sorting: verdict worst first, times as numbers
    };

    explicit HealthBoardModel(QObject *parent = nullptr);

    // Rows for plan; results of checks that stay are kept.
    void setPlan(const QList<CheckSpec> &plan);
    // Updates the row of result.checkId (ignored when the check is not planned) and appends it
    // to that check's history (at most historyLimit() results).
    void addResult(const CheckResult &result);
    // Fills histories from the store at start; the last one becomes the current result.
    void addHistory(const QHash<QString, QList<CheckResult>> &history);
    void setHistoryLimit(int limit);
    int historyLimit() const { return m_historyLimit; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The alerts an environment's Alertmanager reports now, to show with the checks they are
    // about.
    void setAlerts(const QString &environment, const QList<AlertmanagerAlert> &alerts);
    // The alerts about a row's check: "HighLatency (critical) since 10:02 UTC, silenced".
    QList<AlertMatch> alertsFor(int row) const;
    static QString describeAlert(const AlertMatch &match);

    int rowOf(const QString &checkId) const { return m_rows.value(checkId, -1); }
    const CheckSpec &spec(int row) const { return m_items.at(row).spec; }
    // The latest result of a row; null before the first one.
    const CheckResult *latest(int row) const;
    const QList<CheckResult> &history(int row) const { return m_items.at(row).history; }
    // Counts over every row, or one environment's rows.
    VerdictCounts counts(const QString &environment = {}) const;
    QStringList environments() const;

Q_SIGNALS:
    void countsChanged();

private:
    struct Item {
        CheckSpec spec;
        QList<CheckResult> history; // oldest first; the last is the latest
    };
    void rebuildIndex();

    QList<Item> m_items;
    QHash<QString, QList<AlertmanagerAlert>> m_alerts; // by environment
    QHash<QString, int> m_rows;
    int m_historyLimit = 360;
};

} // namespace OpsDeck
