// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containersourcesmodel.h"

#include "models/containers/containerlistmodel.h"

#include <QLocale>

namespace OpsDeck {

namespace {

// Host nodes carry 0 as internal id; source nodes their host's row + 1.
constexpr quintptr HostNodeId = 0;

} // namespace

ContainerSourcesModel::ContainerSourcesModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

ContainerSourcesModel::~ContainerSourcesModel() = default;

void ContainerSourcesModel::setListModel(ContainerListModel *list)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_list = list;
    m_rowCountsValid = false;
    if (list) {
        const auto invalidate = [this] { m_rowCountsValid = false; };
        m_connections = {
            // First, so the counts are fresh for whatever follows.
            connect(list, &QAbstractItemModel::rowsInserted, this, invalidate),
            connect(list, &QAbstractItemModel::rowsRemoved, this, invalidate),
            connect(list, &QAbstractItemModel::modelReset, this, invalidate),
            connect(list, &ContainerListModel::sourceChanged, this, invalidate),
            connect(list, &ContainerListModel::sourceChanged, this,
                    &ContainerSourcesModel::onSourceChanged),
            // removeHost() and clear() drop sources without a sourceChanged.
            connect(list, &QAbstractItemModel::rowsRemoved, this, &ContainerSourcesModel::reload),
            connect(list, &QAbstractItemModel::modelReset, this, &ContainerSourcesModel::reload),
            // Row counts change with the rows, after sourceChanged may have been sent.
            connect(list, &QAbstractItemModel::rowsInserted, this,
                    [this] {
                        if (!m_hosts.isEmpty())
                            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
                        for (int host = 0; host < m_hosts.size(); ++host) {
                            const QModelIndex parent = index(host, 0);
                            if (const int count = rowCount(parent))
                                Q_EMIT dataChanged(index(0, 0, parent),
                                                   index(count - 1, 0, parent));
                        }
                    }),
        };
    }
    reload();
}

void ContainerSourcesModel::reload()
{
    QList<HostNode> hosts;
    if (m_list) {
        QList<ContainerSource> sources = m_list->sources();
        for (const ContainerSource &source : std::as_const(sources)) {
            auto host = std::find_if(hosts.begin(), hosts.end(), [&](const HostNode &node) {
                return node.name == source.host;
            });
            if (host == hosts.end()) {
                hosts.append({source.host, {}});
                host = std::prev(hosts.end());
            }
            ContainerSource kept = source;
            kept.rows.clear();
            host->sources.append(kept);
        }
    }
    // A stable order: hosts and their sources by name, as the workspace tree lists them.
    std::sort(hosts.begin(), hosts.end(), [](const HostNode &a, const HostNode &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (HostNode &host : hosts)
        std::sort(host.sources.begin(), host.sources.end(),
                  [](const ContainerSource &a, const ContainerSource &b) {
                      return sourceTitle(a) < sourceTitle(b);
                  });
    // Unchanged structure: only the texts changed, and selections must stay.
    bool sameShape = hosts.size() == m_hosts.size();
    for (int i = 0; sameShape && i < hosts.size(); ++i) {
        sameShape = hosts[i].name == m_hosts[i].name &&
                    hosts[i].sources.size() == m_hosts[i].sources.size();
        for (int j = 0; sameShape && j < hosts[i].sources.size(); ++j)
            sameShape = hosts[i].sources[j].key() == m_hosts[i].sources[j].key();
    }
    if (sameShape) {
        m_hosts = hosts;
        if (!m_hosts.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
        for (int host = 0; host < m_hosts.size(); ++host) {
            const QModelIndex parent = index(host, 0);
            if (const int count = rowCount(parent))
                Q_EMIT dataChanged(index(0, 0, parent), index(count - 1, 0, parent));
        }
        return;
    }
    beginResetModel();
    m_hosts = hosts;
    endResetModel();
}

void ContainerSourcesModel::onSourceChanged(const QString &sourceKey)
{
    if (!m_list)
        return;
    const std::optional<ContainerSource> changed = m_list->source(sourceKey);
    if (!changed) {
        reload();
        return;
    }
    ContainerSource source = *changed;
    source.rows.clear();
    int hostRow = -1;
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].name == source.host)
            hostRow = i;
    }
    if (hostRow < 0) {
        // A new host goes where the name order puts it.
        int at = 0;
        while (at < m_hosts.size() &&
               QString::localeAwareCompare(m_hosts[at].name, source.host) < 0)
            ++at;
        beginInsertRows({}, at, at);
        m_hosts.insert(at, {source.host, {}});
        endInsertRows();
        hostRow = at;
    }
    HostNode &host = m_hosts[hostRow];
    const QModelIndex hostIndex = index(hostRow, 0);
    for (int i = 0; i < host.sources.size(); ++i) {
        if (host.sources[i].key() == sourceKey) {
            host.sources[i] = source;
            Q_EMIT dataChanged(index(i, 0, hostIndex), index(i, 0, hostIndex));
            Q_EMIT dataChanged(hostIndex, hostIndex);
            return;
        }
    }
    int at = 0;
    while (at < host.sources.size() && sourceTitle(host.sources[at]) < sourceTitle(source))
        ++at;
    beginInsertRows(hostIndex, at, at);
    host.sources.insert(at, source);
    endInsertRows();
    Q_EMIT dataChanged(hostIndex, hostIndex);
}

QModelIndex ContainerSourcesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, HostNodeId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ContainerSourcesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == HostNodeId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, HostNodeId);
}

int ContainerSourcesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.column() != 0 || parent.internalId() != HostNodeId)
        return 0;
    return int(m_hosts.at(parent.row()).sources.size());
}

int ContainerSourcesModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ContainerSourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == HostNodeId)
        return hostData(m_hosts.at(index.row()), role);
    const HostNode &host = m_hosts.at(int(index.internalId() - 1));
    return sourceData(host.sources.at(index.row()), role);
}

int ContainerSourcesModel::rowsOf(const QString &sourceKey) const
{
    if (!m_list)
        return 0;
    if (!m_rowCountsValid) {
        m_rowCounts.clear();
        for (int row = 0; row < m_list->rowCount(); ++row) {
            if (m_list->isPlaceholder(row))
                continue;
            const ContainerRow &entry = m_list->rowAt(row);
            ContainerSource key;
            key.host = entry.host;
            key.runtime = entry.runtime;
            key.context = entry.context;
            ++m_rowCounts[key.key()];
        }
        m_rowCountsValid = true;
    }
    return m_rowCounts.value(sourceKey);
}

QVariant ContainerSourcesModel::hostData(const HostNode &host, int role) const
{
    switch (role) {
    case Qt::DisplayRole: {
        int failed = 0;
        for (const ContainerSource &source : host.sources)
            failed += source.state == ContainerSource::State::Failed ? 1 : 0;
        return failed ? tr("%1 (%n failing)", nullptr, failed).arg(host.name) : host.name;
    }
    case Qt::ToolTipRole:
    case ErrorRole: {
        QStringList errors;
        for (const ContainerSource &source : host.sources) {
            if (!source.error.isEmpty())
                errors.append(sourceTitle(source) + u": " + source.error);
        }
        return errors.join(u'\n');
    }
    case HostRole:
        return host.name;
    case SourceKeyRole:
        return QString();
    case StateRole:
        return -1;
    default:
        return {};
    }
}

QStringList ContainerSourcesModel::unpolledContexts(const ContainerSource &source) const
{
    if (source.runtime != ContainerRuntime::Kubernetes)
        return {};
    QStringList polled;
    for (const HostNode &host : m_hosts) {
        if (host.name != source.host)
            continue;
        for (const ContainerSource &other : host.sources) {
            if (other.runtime == ContainerRuntime::Kubernetes)
                polled.append(other.context);
        }
    }
    QStringList others;
    for (const QString &context : source.availableContexts) {
        if (!polled.contains(context))
            others.append(context);
    }
    return others;
}

QVariant ContainerSourcesModel::sourceData(const ContainerSource &source, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2").arg(sourceTitle(source), stateText(source, rowsOf(source.key())));
    case Qt::ToolTipRole: {
        QString text =
            source.error.isEmpty() ? stateText(source, rowsOf(source.key())) : source.error;
        if (const QString next = containerNextAttemptText(source, QDateTime::currentDateTimeUtc());
            !next.isEmpty())
            text += u'\n' + next;
        if (const QStringList others = unpolledContexts(source); !others.isEmpty())
            text += u'\n' + tr("Also in the kubeconfig: %1 (add one with Watch Context in "
                               "this node's menu)")
                                .arg(others.join(u", "));
        return text;
    }
    case HostRole:
        return source.host;
    case SourceKeyRole:
        return source.key();
    case StateRole:
        return int(source.state);
    case ErrorRole:
        return source.error;
    default:
        return {};
    }
}

QString ContainerSourcesModel::sourceTitle(const ContainerSource &source)
{
    if (source.runtime == ContainerRuntime::Kubernetes && !source.context.isEmpty())
        return tr("Kubernetes %1").arg(source.context);
    return containerRuntimeName(source.runtime);
}

QString ContainerSourcesModel::stateText(const ContainerSource &source, int rows)
{
    const QLocale locale;
    switch (source.state) {
    case ContainerSource::State::Waiting:
        return tr("waiting");
    case ContainerSource::State::Loading:
        if (source.expected > 0)
            return tr("loading, %1 of %2 loaded")
                .arg(locale.toString(source.loaded), locale.toString(source.expected));
        return source.loaded > 0 ? tr("loading, %1 loaded").arg(locale.toString(source.loaded))
                                 : tr("loading");
    case ContainerSource::State::Ready: {
        const QString updated =
            source.updated.isValid()
                ? locale.toString(source.updated.toLocalTime().time(), QLocale::ShortFormat)
                : QString();
        return updated.isEmpty() ? tr("ready, %n row(s)", nullptr, rows)
                                 : tr("ready, %n row(s), updated %1", nullptr, rows).arg(updated);
    }
    case ContainerSource::State::Failed: {
        const QString next = containerNextAttemptText(source, QDateTime::currentDateTimeUtc());
        return next.isEmpty() ? tr("failed: %1").arg(source.error)
                              : tr("failed: %1 — %2").arg(source.error, next);
    }
    case ContainerSource::State::Absent:
        return tr("not installed");
    }
    return {};
}

QModelIndex ContainerSourcesModel::indexOfSource(const QString &sourceKey) const
{
    for (int host = 0; host < m_hosts.size(); ++host) {
        for (int row = 0; row < m_hosts[host].sources.size(); ++row) {
            if (m_hosts[host].sources[row].key() == sourceKey)
                return index(row, 0, index(host, 0));
        }
    }
    return {};
}

QModelIndex ContainerSourcesModel::indexOfHost(const QString &host) const
{
    for (int row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts[row].name == host)
            return index(row, 0);
    }
    return {};
}

} // namespace OpsDeck
