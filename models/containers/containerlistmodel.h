// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerpoller.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace OpsDeck {

// Every container and pod of the workspace in one table, merged across hosts, runtimes and
// clusters. Sources replace their rows as they answer; rows update in place by key, so a
// selection and the scroll position survive refreshes. A source that fails keeps its last rows
// (marked stale, its error on them); one that never answered shows one row with the error.
class ContainerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerListModel)

public:
    enum Column {
        HostColumn,
        RuntimeColumn,
        ContextColumn,
        NamespaceColumn,
        ProjectColumn,
        NameColumn,
        ImageColumn,
        StatusColumn,
        ReadyColumn,
        RestartsColumn,
        CpuColumn,
        MemoryColumn,
        PortsColumn,
        NodeColumn,
        AgeColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, // ContainerRow::key()
        ConditionRole,              // ContainerCondition as int
        SortRole,                   // numbers for numeric columns, text otherwise
        StaleRole,                  // bool: its source failed; the row is the last known
        SourceErrorRole,            // why its source failed, or what it could not read
        PlaceholderRole,            // bool: not a container, a source's error
        LabelsRole,                 // QVariantMap of labels
        RuntimeRole,                // ContainerRuntime as int
    };

    explicit ContainerListModel(QObject *parent = nullptr);
    ~ContainerListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The source's rows replace what it had before.
    void updateSource(const ContainerSource &source);
    // Drops a host's rows (it left the workspace).
    void removeHost(const QString &host);
    // Drops one source and its rows (a Kubernetes context no longer watched).
    void removeSource(const QString &sourceKey);
    void clear();

    const ContainerRow &rowAt(int row) const { return m_entries.at(row).row; }
    bool isPlaceholder(int row) const { return m_entries.at(row).placeholder; }
    int rowOfKey(const QString &key) const { return m_rowOfKey.value(key, -1); }
    QList<ContainerSource> sources() const { return m_sources.values(); }
    std::optional<ContainerSource> source(const QString &sourceKey) const;
    // Kubernetes: the workload that owns a pod row (for scale and rollout restart).
    std::optional<KubeWorkload> workloadOf(const ContainerRow &row) const;

    // "1.2 cores" style texts the table, the details and the headless command share.
    static QString cpuText(double millicores);
    static QString memoryText(qint64 bytes, qint64 limitBytes);
    static QString ageText(const QDateTime &since, const QDateTime &now);
    static QString statusText(const ContainerRow &row);
    static QString restartsText(const ContainerRow &row, const QDateTime &now);
    static QString readyText(const ContainerRow &row);

Q_SIGNALS:
    // A source's state, error or progress changed (also when its rows did not), or it left
    // (removeHost(): source() has it no more).
    void sourceChanged(const QString &sourceKey);

private:
    struct Entry {
        ContainerRow row;
        QString key; // row.key(), or the source's key for a placeholder
        QString sourceKey;
        bool placeholder = false;
        bool stale = false;
        QString error;
    };
    QVariant displayData(const Entry &entry, int column) const;
    QVariant sortData(const Entry &entry, int column) const;
    void appendRows(const QString &sourceKey, const ContainerSource &source);
    void removeEntries(QList<int> rows);
    void removeSourcesWhere(const std::function<bool(const ContainerSource &)> &gone);
    void reindex();

    QList<Entry> m_entries;
    QHash<QString, int> m_rowOfKey;
    QHash<QString, ContainerSource> m_sources; // without rows: the entries hold them
};

} // namespace OpsDeck
