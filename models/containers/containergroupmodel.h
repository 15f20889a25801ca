// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"

#include <QAbstractItemModel>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>

namespace OpsDeck {

// The container list in groups: a two-level tree over a flat table with ContainerListModel's
// columns and roles (usually the ContainerFilterModel), each group with its row count and its
// worst condition. Grouping None passes the rows through flat. Rows move between groups in place
// (layout changes), so a selection and the scroll position survive the source's refreshes.
class ContainerGroupModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerGroupModel)

public:
    enum class Grouping { None, Host, Project, Namespace };
    enum Role {
        // Roles of its own, beyond the source's (which leaves pass through).
        GroupRole = Qt::UserRole + 100, // bool: a group's row
        GroupCountRole,                 // int: rows in the group
        GroupKeyRole,                   // the group's value (host, project, namespace)
    };

    explicit ContainerGroupModel(QObject *parent = nullptr);
    ~ContainerGroupModel() override;

    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const { return m_source; }
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    static QString groupingId(Grouping grouping); // "none", "host", "project", "namespace"
    static Grouping groupingFromId(QStringView id);

    QModelIndex mapToSource(const QModelIndex &index) const;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Sorts the source (the filter model): groups keep their name order, rows follow the sort.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Group {
        QString key;
        QList<int> rows; // source rows, in the source's order
        int worst = 0;   // the worst condition's rank (see conditionRank)
        int worstCondition = -1;
    };
    // What a persistent index pointed at, to find it again after a rebuild.
    struct Anchor {
        QPersistentModelIndex source; // a leaf's source index
        QString groupKey;             // or a group's key
        bool group = false;
        int column = 0;
    };
    QString groupKeyOf(int sourceRow) const;
    QList<Group> buildGroups() const;
    void rebuild();
    void beginLayout();
    void endLayout();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void recountDirtyGroups();
    ContainerCondition conditionOf(int sourceRow) const;

    QPointer<QAbstractItemModel> m_source;
    QList<QMetaObject::Connection> m_connections;
    Grouping m_grouping = Grouping::None;
    QList<Group> m_groups;
    QList<QPair<int, int>> m_place; // source row -> (group, position)
    QList<QPair<QPersistentModelIndex, Anchor>> m_anchors;
    int m_layoutDepth = 0;
    QSet<int> m_dirtyGroups; // groups whose rows changed: worst condition to work out again
    bool m_recountQueued = false;
};

} // namespace OpsDeck
