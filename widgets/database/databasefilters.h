// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databasemodels.h"

#include <QSortFilterProxyModel>

namespace OpsDeck {

// The filter line of the Databases page over any of its tables (or the lock tree): a row stays
// when any column contains the text, case-insensitively; sorting uses KeyedTableRole::Sort, so
// sizes and durations sort as numbers. In a tree, a row stays when one below it matches.
class DatabaseTableFilter : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseTableFilter)

public:
    explicit DatabaseTableFilter(QObject *parent = nullptr);
    ~DatabaseTableFilter() override;

    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

// Activity as the operator narrows it: idle sessions hidden, only sessions busy for at least a
// minimum duration, or only the long-running ones (active queries older than the long-running
// threshold, idle-in-transaction sessions older than theirs).
class ActivityFilter final : public DatabaseTableFilter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilter)

public:
    enum class Mode { All, LongRunning };
    // bool: the row is one of OpsDeck's own sessions (never a target of an action).
    enum Role { OwnRole = KeyedTableRole::Raw + 20 };
    explicit ActivityFilter(Mode mode, QObject *parent = nullptr);
    ~ActivityFilter() override;

    // The model must be the session's ActivityModel (its rows are read), or null.
    void setActivityModel(ActivityModel *model);
    ActivityModel *activityModel() const { return m_activity; }
    void setHideIdle(bool hide);
    bool hideIdle() const { return m_hideIdle; }
    void setMinimumSeconds(int seconds);
    int minimumSeconds() const { return m_minimumSeconds; }
    void setThresholds(const DatabaseThresholds &thresholds);

    // Whether the Long-running tab lists row.
    static bool isLongRunning(const ActivityRow &row, const DatabaseThresholds &thresholds);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Mode m_mode;
    ActivityModel *m_activity = nullptr;
    bool m_hideIdle = false;
    int m_minimumSeconds = 0;
    DatabaseThresholds m_thresholds;
};

} // namespace OpsDeck
