// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerpoller.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace OpsDeck {

class ContainerListModel;

// The Containers page's source tree: each host, and under it each runtime or Kubernetes context
// with its state (waiting, loading "N of M", ready with its row count and last update, failed
// with the error, not installed). Follows ContainerListModel::sourceChanged; nodes are added in
// place and never reordered, so a selection stays put while sources answer.
class ContainerSourcesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerSourcesModel)

public:
    enum Role {
        HostRole = Qt::UserRole + 1, // the host's name, on both levels
        SourceKeyRole,               // ContainerSource::key(); empty on host nodes
        StateRole,                   // ContainerSource::State as int; -1 on host nodes
        ErrorRole,                   // the source's error (a host: its sources', joined)
    };

    explicit ContainerSourcesModel(QObject *parent = nullptr);
    ~ContainerSourcesModel() override;

    // null: no sources. The model reads the list's sources() as they change.
    void setListModel(ContainerListModel *list);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "Docker", "Kubernetes prod-eu": the node's title.
    static QString sourceTitle(const ContainerSource &source);
    // "ready, 12 containers, updated 14:05:12", "loading, 500 of 1,200", "failed: ..."
    static QString stateText(const ContainerSource &source, int rows);
    QModelIndex indexOfSource(const QString &sourceKey) const;
    QModelIndex indexOfHost(const QString &host) const;

private:
    struct HostNode {
        QString name;
        QList<ContainerSource> sources; // without rows
    };
    void onSourceChanged(const QString &sourceKey);
    void reload();
    int rowsOf(const QString &sourceKey) const;
    QVariant hostData(const HostNode &host, int role) const;
    QVariant sourceData(const ContainerSource &source, int role) const;
    // Kubernetes: the kubeconfig's contexts that no source of the host polls.
    QStringList unpolledContexts(const ContainerSource &source) const;

    QPointer<ContainerListModel> m_list;
    // Rows per source, counted once after the list changed (data() is asked on every paint).
    mutable QHash<QString, int> m_rowCounts;
    mutable bool m_rowCountsValid = false;
    QList<HostNode> m_hosts;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace OpsDeck
