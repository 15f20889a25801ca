// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containergroupmodel.h"

#include "models/containers/containerlistmodel.h"

namespace OpsDeck {

namespace {

// Top-level nodes (groups, or every row when not grouped) carry 0; a group's rows their
// group's row + 1.
constexpr quintptr TopLevelId = 0;

// Trouble first: a group shows the worst of its rows.
int conditionRank(ContainerCondition condition)
{
    switch (condition) {
    case ContainerCondition::Running:
        return 0;
    case ContainerCondition::Stopped:
        return 1;
    case ContainerCondition::Unknown:
        return 2;
    case ContainerCondition::Progressing:
        return 3;
    case ContainerCondition::Failing:
        return 4;
    }
    return 2;
}

} // namespace

ContainerGroupModel::ContainerGroupModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

ContainerGroupModel::~ContainerGroupModel() = default;

QString ContainerGroupModel::groupingId(Grouping grouping)
{
    switch (grouping) {
    case Grouping::None:
        return QStringLiteral("none");
    case Grouping::Host:
        return QStringLiteral("host");
    case Grouping::Project:
        return QStringLiteral("project");
    case Grouping::Namespace:
        return QStringLiteral("namespace");
    }
    return QStringLiteral("none");
}

ContainerGroupModel::Grouping ContainerGroupModel::groupingFromId(QStringView id)
{
    for (Grouping grouping :
         {Grouping::None, Grouping::Host, Grouping::Project, Grouping::Namespace}) {
        if (groupingId(grouping) == id)
            return grouping;
    }
    return Grouping::None;
}

void ContainerGroupModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = source;
    if (source) {
        const auto layoutBegin = [this] { beginLayout(); };
        const auto layoutEnd = [this] { endLayout(); };
        m_connections = {
            connect(source, &QAbstractItemModel::dataChanged, this,
                    &ContainerGroupModel::onDataChanged),
            connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, layoutBegin),
            connect(source, &QAbstractItemModel::layoutChanged, this, layoutEnd),
            connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, layoutBegin),
            connect(source, &QAbstractItemModel::rowsInserted, this, layoutEnd),
            connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, layoutBegin),
            connect(source, &QAbstractItemModel::rowsRemoved, this, layoutEnd),
            connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, layoutBegin),
            connect(source, &QAbstractItemModel::rowsMoved, this, layoutEnd),
            connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
                    [this] { beginResetModel(); }),
            connect(source, &QAbstractItemModel::modelReset, this,
                    [this] {
                        rebuild();
                        endResetModel();
                    }),
        };
    }
    rebuild();
    endResetModel();
}

void ContainerGroupModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

QString ContainerGroupModel::groupKeyOf(int sourceRow) const
{
    int column = ContainerListModel::HostColumn;
    if (m_grouping == Grouping::Project)
        column = ContainerListModel::ProjectColumn;
    else if (m_grouping == Grouping::Namespace)
        column = ContainerListModel::NamespaceColumn;
    QString key = m_source->index(sourceRow, column).data().toString();
    // Hosts can share a project or namespace name; the group is one per host.
    if (m_grouping != Grouping::Host && !key.isEmpty())
        key = m_source->index(sourceRow, ContainerListModel::HostColumn).data().toString() +
              u" / " + key;
    return key;
}

QList<ContainerGroupModel::Group> ContainerGroupModel::buildGroups() const
{
    QList<Group> groups;
    if (!m_source || m_grouping == Grouping::None)
        return groups;
    QHash<QString, int> byKey;
    const int rows = m_source->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QString key = groupKeyOf(row);
        int at = byKey.value(key, -1);
        if (at < 0) {
            at = int(groups.size());
            byKey.insert(key, at);
            groups.append({key, {}, -1, -1});
        }
        Group &group = groups[at];
        group.rows.append(row);
        const QModelIndex index = m_source->index(row, 0);
        const auto condition =
            index.data(ContainerListModel::PlaceholderRole).toBool()
                ? ContainerCondition::Failing
                : ContainerCondition(index.data(ContainerListModel::ConditionRole).toInt());
        if (conditionRank(condition) > group.worst) {
            group.worst = conditionRank(condition);
            group.worstCondition = int(condition);
        }
    }
    // Groups by name (rows without a project or namespace last), so they stay where they are
    // while the rows inside follow the sort.
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        if (a.key.isEmpty() != b.key.isEmpty())
            return b.key.isEmpty();
        return QString::localeAwareCompare(a.key, b.key) < 0;
    });
    return groups;
}

void ContainerGroupModel::rebuild()
{
    // Fresh groups have fresh worst conditions; old group numbers mean nothing now.
    m_dirtyGroups.clear();
    m_groups = buildGroups();
    m_place.clear();
    if (!m_source)
        return;
    m_place.resize(m_source->rowCount(), {-1, -1});
    for (int group = 0; group < m_groups.size(); ++group) {
        const QList<int> &rows = m_groups[group].rows;
        for (int position = 0; position < rows.size(); ++position)
            m_place[rows[position]] = {group, position};
    }
}

void ContainerGroupModel::beginLayout()
{
    // Nested changes (rows removed inside a layout change) make one layout change here.
    if (m_layoutDepth++ > 0)
        return;
    Q_EMIT layoutAboutToBeChanged();
    m_anchors.clear();
    const QModelIndexList indexes = persistentIndexList();
    for (const QModelIndex &index : indexes) {
        Anchor anchor;
        anchor.column = index.column();
        if (m_grouping != Grouping::None && index.internalId() == TopLevelId) {
            anchor.group = true;
            anchor.groupKey = m_groups.value(index.row()).key;
        } else
            anchor.source = QPersistentModelIndex(mapToSource(index));
        m_anchors.append({QPersistentModelIndex(index), anchor});
    }
}

void ContainerGroupModel::endLayout()
{
    if (m_layoutDepth == 0 || --m_layoutDepth > 0)
        return;
    rebuild();
    QModelIndexList from;
    QModelIndexList to;
    for (const auto &[old, anchor] : std::as_const(m_anchors)) {
        QModelIndex now;
        if (anchor.group) {
            for (int group = 0; group < m_groups.size(); ++group) {
                if (m_groups[group].key == anchor.groupKey)
                    now = index(group, anchor.column);
            }
        } else if (anchor.source.isValid()) {
            now = mapFromSource(anchor.source);
        }
        from.append(old);
        to.append(now);
    }
    m_anchors.clear();
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

void ContainerGroupModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                        const QList<int> &roles)
{
    if (!topLeft.isValid() || m_layoutDepth > 0)
        return;
    if (m_grouping == Grouping::None) {
        Q_EMIT dataChanged(mapFromSource(topLeft), mapFromSource(bottomRight), roles);
        return;
    }
    // A row whose group changed moves: a layout change. Otherwise the rows and their groups'
    // counts and worst conditions change in place.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const auto [group, position] = m_place.value(row, {-1, -1});
        if (group < 0 || groupKeyOf(row) != m_groups[group].key) {
            beginLayout();
            endLayout();
            return;
        }
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const auto [group, position] = m_place[row];
        const QModelIndex parent = index(group, 0);
        Q_EMIT dataChanged(index(position, topLeft.column(), parent),
                           index(position, bottomRight.column(), parent), roles);
        m_dirtyGroups.insert(group);
    }
    // A refresh changes rows one by one: the groups' worst conditions are worked out once,
    // after the burst, not once per row.
    if (!m_recountQueued) {
        m_recountQueued = true;
        QMetaObject::invokeMethod(this, &ContainerGroupModel::recountDirtyGroups,
                                  Qt::QueuedConnection);
    }
}

void ContainerGroupModel::recountDirtyGroups()
{
    m_recountQueued = false;
    const QSet<int> dirty = std::exchange(m_dirtyGroups, {});
    if (!m_source || m_grouping == Grouping::None)
        return;
    for (int group : dirty) {
        if (group < 0 || group >= m_groups.size())
            continue;
        Group &entry = m_groups[group];
        int worst = -1;
        int worstCondition = -1;
        for (int row : std::as_const(entry.rows)) {
            const ContainerCondition condition = conditionOf(row);
            if (conditionRank(condition) > worst) {
                worst = conditionRank(condition);
                worstCondition = int(condition);
            }
        }
        if (worstCondition != entry.worstCondition) {
            entry.worst = worst;
            entry.worstCondition = worstCondition;
            Q_EMIT dataChanged(index(group, 0), index(group, columnCount() - 1));
        }
    }
}

ContainerCondition ContainerGroupModel::conditionOf(int sourceRow) const
{
    const QModelIndex index = m_source->index(sourceRow, 0);
    return index.data(ContainerListModel::PlaceholderRole).toBool()
               ? ContainerCondition::Failing
               : ContainerCondition(index.data(ContainerListModel::ConditionRole).toInt());
}

QModelIndex ContainerGroupModel::mapToSource(const QModelIndex &index) const
{
    if (!m_source || !index.isValid() || index.model() != this)
        return {};
    if (m_grouping == Grouping::None)
        return m_source->index(index.row(), index.column());
    if (index.internalId() == TopLevelId)
        return {};
    const Group &group = m_groups.at(int(index.internalId() - 1));
    return m_source->index(group.rows.at(index.row()), index.column());
}

QModelIndex ContainerGroupModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    if (m_grouping == Grouping::None)
        return index(sourceIndex.row(), sourceIndex.column());
    const auto [group, position] = m_place.value(sourceIndex.row(), {-1, -1});
    if (group < 0)
        return {};
    return index(position, sourceIndex.column(), index(group, 0));
}

QModelIndex ContainerGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevelId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ContainerGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevelId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, TopLevelId);
}

int ContainerGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!m_source)
        return 0;
    if (m_grouping == Grouping::None)
        return parent.isValid() ? 0 : m_source->rowCount();
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != TopLevelId)
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int ContainerGroupModel::columnCount(const QModelIndex &) const
{
    return m_source ? m_source->columnCount() : 0;
}

QVariant ContainerGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isGroup = m_grouping != Grouping::None && index.internalId() == TopLevelId;
    if (!isGroup) {
        if (role == GroupRole)
            return false;
        return mapToSource(index).data(role);
    }
    const Group &group = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() != 0)
            return {};
        if (group.key.isEmpty())
            return m_grouping == Grouping::Project
                       ? tr("No project (%n)", nullptr, int(group.rows.size()))
                       : tr("No namespace (%n)", nullptr, int(group.rows.size()));
        return tr("%1 (%2)").arg(group.key).arg(group.rows.size());
    case Qt::ToolTipRole:
        if (index.column() != 0)
            return {};
        return tr("%n row(s); worst: %1", nullptr, int(group.rows.size()))
            .arg(containerConditionName(ContainerCondition(group.worstCondition)));
    case GroupRole:
        return true;
    case GroupCountRole:
        return int(group.rows.size());
    case GroupKeyRole:
        return group.key;
    case ContainerListModel::ConditionRole:
        return group.worstCondition;
    case ContainerListModel::SortRole:
        return group.key;
    default:
        return {};
    }
}

QVariant ContainerGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_source ? m_source->headerData(section, orientation, role) : QVariant();
}

Qt::ItemFlags ContainerGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (m_grouping != Grouping::None && index.internalId() == TopLevelId)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return mapToSource(index).flags();
}

void ContainerGroupModel::sort(int column, Qt::SortOrder order)
{
    if (m_source)
        m_source->sort(column, order);
}

} // namespace OpsDeck
