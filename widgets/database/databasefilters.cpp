// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/database/databasefilters.h"

namespace OpsDeck {

using namespace Qt::StringLiterals;

DatabaseTableFilter::DatabaseTableFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(KeyedTableRole::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

DatabaseTableFilter::~DatabaseTableFilter() = default;

void DatabaseTableFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool DatabaseTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QModelIndex index = model->index(sourceRow, column, sourceParent);
        if (index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

ActivityFilter::ActivityFilter(Mode mode, QObject *parent)
    : DatabaseTableFilter(parent)
    , m_mode(mode)
{
}

ActivityFilter::~ActivityFilter() = default;

void ActivityFilter::setActivityModel(ActivityModel *model)
{
    m_activity = model;
    setSourceModel(model);
}

void ActivityFilter::setHideIdle(bool hide)
{
    if (hide == m_hideIdle)
        return;
    m_hideIdle = hide;
    invalidateRowsFilter();
}

void ActivityFilter::setMinimumSeconds(int seconds)
{
    if (seconds == m_minimumSeconds)
        return;
    m_minimumSeconds = seconds;
    invalidateRowsFilter();
}

void ActivityFilter::setThresholds(const DatabaseThresholds &thresholds)
{
    m_thresholds = thresholds;
    invalidateRowsFilter();
}

bool ActivityFilter::isLongRunning(const ActivityRow &row, const DatabaseThresholds &thresholds)
{
    if (row.own)
        return false;
    if (row.state == u"active"_s && row.queryAgeMs >= 0)
        return row.queryAgeMs >= thresholds.longRunning.warning * 60000.0;
    if (row.state.startsWith(u"idle in transaction"_s) && row.stateAgeMs >= 0)
        return row.stateAgeMs >= thresholds.idleInTransaction.warning * 60000.0;
    return false;
}

QVariant ActivityFilter::data(const QModelIndex &index, int role) const
{
    if (role != OwnRole)
        return DatabaseTableFilter::data(index, role);
    const QModelIndex source = mapToSource(index);
    if (!m_activity || !source.isValid())
        return false;
    return m_activity->rowAt(source.row()).own;
}

bool ActivityFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_activity && sourceRow < m_activity->rowCount()) {
        const ActivityRow &row = m_activity->rowAt(sourceRow);
        if (m_mode == Mode::LongRunning && !isLongRunning(row, m_thresholds))
            return false;
        if (!activityRowShown(row, m_hideIdle, qint64(m_minimumSeconds) * 1000))
            return false;
    }
    return DatabaseTableFilter::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace OpsDeck
