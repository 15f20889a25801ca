// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/workspace/workspace.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace OpsDeck {

// The workspace as a tree: environments → hosts → services, databases, Redis, log sources and
// backup locations. One column. Icons are the view's business: it maps KindRole to a picture.
class WorkspaceModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceModel)

public:
    enum class ItemKind { Environment, Host, Service, Database, Redis, LogSource, BackupLocation };
    Q_ENUM(ItemKind)

    enum Role {
        KindRole = Qt::UserRole + 1, // ItemKind
        IdRole,                      // stable path such as "production/web-1/database:wiki"
        HostNameRole,                // the host an item belongs to (empty for environments)
        ConnectionStateRole,         // ConnectionState, for hosts
        SourceLineRole,              // line in the workspace file, 0 when built in
        SearchTextRole,              // everything a filter should match: name, address, tags
    };

    explicit WorkspaceModel(QObject *parent = nullptr);
    ~WorkspaceModel() override;

    void setWorkspace(const Workspace &workspace);
    // Updates one host's state in place (no reset), as connections come and go.
    void setConnectionState(const QString &hostName, ConnectionState state);
    ConnectionState connectionState(const QString &hostName) const;

    QModelIndex indexForId(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node {
        ItemKind kind;
        QString name;
        QString id;
        QString hostName;
        QString detail; // tooltip text
        QString searchText;
        int sourceLine = 0;
        int parent = -1; // index into m_nodes, -1 for top level
        int row = 0;     // row under its parent
        QList<int> children;
    };

    int addNode(Node node);
    const Node *nodeFor(const QModelIndex &index) const;

    QList<Node> m_nodes;
    QList<int> m_topLevel;
    QHash<QString, ConnectionState> m_states;
    QHash<QString, int> m_hostNodes; // host name -> node, for state updates
};

} // namespace OpsDeck
