// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspacemodel.h"

namespace OpsDeck {

WorkspaceModel::WorkspaceModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

WorkspaceModel::~WorkspaceModel() = default;

int WorkspaceModel::addNode(Node node)
{
    const int id = int(m_nodes.size());
    QList<int> &siblings = node.parent < 0 ? m_topLevel : m_nodes[node.parent].children;
    node.row = int(siblings.size());
    siblings.append(id);
    m_nodes.append(std::move(node));
    return id;
}

void WorkspaceModel::setWorkspace(const Workspace &workspace)
{
    beginResetModel();
    m_nodes.clear();
    m_topLevel.clear();
    m_hostNodes.clear();

    for (const Environment &environment : workspace.environments) {
        const int environmentNode = addNode({ItemKind::Environment,
                                             environment.name,
                                             environment.name,
                                             {},
                                             environment.description,
                                             environment.name,
                                             environment.location.line,
                                             -1,
                                             0,
                                             {}});
        for (const Host &host : environment.hosts) {
            const QString hostId = environment.name + u'/' + host.name;
            const QString where = host.isLocal()
                                      ? tr("this computer, without SSH")
                                      : (host.user.isEmpty() ? QString() : host.user + u'@') +
                                            host.address + u':' + QString::number(host.port);
            QString detail = where;
            if (!host.jumpHost.isEmpty())
                detail += u'\n' + tr("through %1").arg(host.jumpHost);
            if (!host.tags.isEmpty())
                detail += u'\n' + tr("tags: %1").arg(host.tags.join(u", "));
            const int hostNode =
                addNode({ItemKind::Host,
                         host.name,
                         hostId,
                         host.name,
                         detail,
                         host.name + u' ' + host.address + u' ' + host.tags.join(u' '),
                         host.location.line,
                         environmentNode,
                         0,
                         {}});
            m_hostNodes.insert(host.name, hostNode);
            if (!m_states.contains(host.name))
                m_states.insert(host.name, host.isLocal() ? ConnectionState::Local
                                                          : ConnectionState::Disconnected);
            const auto child = [&](ItemKind kind, const QString &prefix, const QString &name,
                                   const QString &itemDetail, const SourceLocation &location) {
                addNode({kind,
                         name,
                         hostId + u'/' + prefix + u':' + name,
                         host.name,
                         itemDetail,
                         name + u' ' + itemDetail,
                         location.line,
                         hostNode,
                         0,
                         {}});
            };
            for (const Service &service : host.services)
                child(ItemKind::Service, QStringLiteral("service"), service.name,
                      service.healthUrl.toDisplayString(), service.location);
            for (const Database &database : host.databases)
                child(ItemKind::Database, QStringLiteral("database"), database.name,
                      tr("PostgreSQL %1 on %2:%3")
                          .arg(database.database, database.host)
                          .arg(database.port),
                      database.location);
            for (const RedisInstance &redis : host.redis)
                child(ItemKind::Redis, QStringLiteral("redis"), redis.name,
                      redis.socketPath.isEmpty()
                          ? tr("Redis on %1:%2").arg(redis.host).arg(redis.port)
                          : tr("Redis on %1").arg(redis.socketPath),
                      redis.location);
            for (const LogSource &log : host.logs)
                child(ItemKind::LogSource, QStringLiteral("log"), log.name,
                      toString(log.kind) + (log.target.isEmpty() ? QString() : u' ' + log.target),
                      log.location);
            for (const BackupLocation &backup : host.backups)
                child(ItemKind::BackupLocation, QStringLiteral("backup"), backup.name,
                      backup.directory + u'/' + backup.glob, backup.location);
        }
    }
    // Forget states of hosts that left the workspace.
    for (auto it = m_states.begin(); it != m_states.end();) {
        if (m_hostNodes.contains(it.key()))
            ++it;
        else
            it = m_states.erase(it);
    }
    endResetModel();
}

void WorkspaceModel::setConnectionState(const QString &hostName, ConnectionState state)
{
    const auto node = m_hostNodes.constFind(hostName);
    if (node == m_hostNodes.constEnd() || m_states.value(hostName) == state)
        return;
    m_states.insert(hostName, state);
    const QModelIndex changed = createIndex(m_nodes[*node].row, 0, quintptr(*node));
    Q_EMIT dataChanged(changed, changed, {ConnectionStateRole, Qt::ToolTipRole});
}

ConnectionState WorkspaceModel::connectionState(const QString &hostName) const
{
    return m_states.value(hostName, ConnectionState::Disconnected);
}

QModelIndex WorkspaceModel::indexForId(const QString &id) const
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].id == id)
            return createIndex(m_nodes[i].row, 0, quintptr(i));
    }
    return {};
}

const WorkspaceModel::Node *WorkspaceModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes[qsizetype(index.internalId())];
}

QModelIndex WorkspaceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const QList<int> *siblings = &m_topLevel;
    if (parent.isValid()) {
        const Node *parentNode = nodeFor(parent);
        if (!parentNode)
            return {};
        siblings = &parentNode->children;
    }
    if (row >= siblings->size())
        return {};
    return createIndex(row, 0, quintptr(siblings->at(row)));
}

QModelIndex WorkspaceModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_nodes[node->parent].row, 0, quintptr(node->parent));
}

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int WorkspaceModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeFor(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return node->name;
    case Qt::ToolTipRole:
        if (node->kind == ItemKind::Host)
            return QString(node->detail + u'\n' +
                           tr("connection: %1").arg(displayName(connectionState(node->hostName))));
        return node->detail.isEmpty() ? QVariant() : QVariant(node->detail);
    case KindRole:
        return QVariant::fromValue(node->kind);
    case IdRole:
        return node->id;
    case HostNameRole:
        return node->hostName;
    case ConnectionStateRole:
        if (node->kind != ItemKind::Host)
            return {};
        return QVariant::fromValue(connectionState(node->hostName));
    case SourceLineRole:
        return node->sourceLine;
    case SearchTextRole:
        return node->searchText;
    default:
        return {};
    }
}

QVariant WorkspaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Workspace");
    return {};
}

QHash<int, QByteArray> WorkspaceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(IdRole, "id");
    names.insert(HostNameRole, "hostName");
    names.insert(ConnectionStateRole, "connectionState");
    names.insert(SourceLineRole, "sourceLine");
    names.insert(SearchTextRole, "searchText");
    return names;
}

} // namespace OpsDeck
