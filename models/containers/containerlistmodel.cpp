// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerlistmodel.h"

#include "models/core/units.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

ContainerListModel::ContainerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ContainerListModel::~ContainerListModel() = default;

int ContainerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case HostColumn:
        return tr("Host");
    case RuntimeColumn:
        return tr("Runtime");
    case ContextColumn:
        return tr("Context");
    case NamespaceColumn:
        return tr("Namespace");
    case ProjectColumn:
        return tr("Project");
    case NameColumn:
        return tr("Name");
    case ImageColumn:
        return tr("Image");
    case StatusColumn:
        return tr("Status");
    case ReadyColumn:
        return tr("Ready");
    case RestartsColumn:
        return tr("Restarts");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case PortsColumn:
        return tr("Ports");
    case NodeColumn:
        return tr("Node");
    case AgeColumn:
        return tr("Age");
    case ColumnCount:
        break;
    }
    return {};
}

QString ContainerListModel::cpuText(double millicores)
{
    if (millicores < 0)
        return {};
    if (millicores < 1000)
        return tr("%1m").arg(qRound(millicores));
    return tr("%1 cores").arg(QLocale().toString(millicores / 1000.0, 'f', 2));
}

QString ContainerListModel::memoryText(qint64 bytes, qint64 limitBytes)
{
    if (bytes < 0)
        return {};
    if (limitBytes <= 0)
        return formatBytes(bytes);
    return tr("%1 of %2 (%3%)")
        .arg(formatBytes(bytes), formatBytes(limitBytes))
        .arg(qRound(100.0 * double(bytes) / double(limitBytes)));
}

QString ContainerListModel::ageText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return {};
    // kubectl's way: the largest unit, and a second one while the first is small.
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (seconds < 120)
        return tr("%1s").arg(seconds);
    if (minutes < 10)
        return seconds % 60 ? tr("%1m%2s").arg(minutes).arg(seconds % 60) : tr("%1m").arg(minutes);
    if (minutes < 60)
        return tr("%1m").arg(minutes);
    if (hours < 3)
        return minutes % 60 ? tr("%1h%2m").arg(hours).arg(minutes % 60) : tr("%1h").arg(hours);
    if (hours < 48)
        return tr("%1h").arg(hours);
    if (days < 8)
        return hours % 24 ? tr("%1d%2h").arg(days).arg(hours % 24) : tr("%1d").arg(days);
    if (days < 365 * 2)
        return tr("%1d").arg(days);
    return tr("%1y").arg(days / 365);
}

QString ContainerListModel::statusText(const ContainerRow &row)
{
    QString text = row.status;
    // docker's "Exited (137)" does not say the kernel killed it for memory; "Error" adds
    // nothing to an exit code that is shown.
    const bool reasonShown = row.reason.isEmpty() || text.contains(row.reason) ||
                             (row.reason == u"Error" && row.exitCode >= 0);
    if (!reasonShown)
        text = tr("%1 (%2)").arg(text, row.reason);
    // "CrashLoopBackOff" says it loops; the last instance's end says why.
    if (!row.lastRestartReason.isEmpty() && row.condition == ContainerCondition::Failing &&
        !text.contains(row.lastRestartReason))
        text = tr("%1 (last: %2)").arg(text, row.lastRestartReason);
    return text;
}

QString ContainerListModel::restartsText(const ContainerRow &row, const QDateTime &now)
{
    if (row.restarts < 0)
        return {};
    if (row.restarts == 0 || !row.lastRestartTime.isValid())
        return QString::number(row.restarts);
    return tr("%1 (%2 ago)").arg(row.restarts).arg(ageText(row.lastRestartTime, now));
}

QString ContainerListModel::readyText(const ContainerRow &row)
{
    if (row.ready < 0 || row.readyTotal < 0)
        return {};
    return u"%1/%2"_s.arg(row.ready).arg(row.readyTotal);
}

QVariant ContainerListModel::displayData(const Entry &entry, int column) const
{
    const ContainerRow &row = entry.row;
    // A placeholder's row holds only host, runtime and context: the other columns stay empty.
    if (entry.placeholder && column == StatusColumn)
        return tr("Cannot list: %1").arg(entry.error);
    switch (Column(column)) {
    case HostColumn:
        return row.host;
    case RuntimeColumn:
        return containerRuntimeName(row.runtime);
    case ContextColumn:
        return row.context;
    case NamespaceColumn:
        return row.kubeNamespace;
    case ProjectColumn:
        return row.project;
    case NameColumn:
        return row.service.isEmpty() || row.name.contains(row.service)
                   ? row.name
                   : tr("%1 (%2)").arg(row.name, row.service);
    case ImageColumn:
        return row.image;
    case StatusColumn:
        return entry.stale ? tr("%1 (stale)").arg(statusText(row)) : statusText(row);
    case ReadyColumn:
        return readyText(row);
    case RestartsColumn:
        return restartsText(row, QDateTime::currentDateTimeUtc());
    case CpuColumn:
        return cpuText(row.cpuMillicores);
    case MemoryColumn:
        return memoryText(row.memoryBytes, row.memoryLimitBytes);
    case PortsColumn:
        return row.ports;
    case NodeColumn:
        return row.node;
    case AgeColumn:
        return ageText(row.created, QDateTime::currentDateTimeUtc());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ContainerListModel::sortData(const Entry &entry, int column) const
{
    const ContainerRow &row = entry.row;
    switch (Column(column)) {
    case StatusColumn:
        // Trouble first when sorted ascending: failing, progressing, unknown, stopped, running.
        switch (row.condition) {
        case ContainerCondition::Failing:
            return 0;
        case ContainerCondition::Progressing:
            return 1;
        case ContainerCondition::Unknown:
            return 2;
        case ContainerCondition::Stopped:
            return 3;
        case ContainerCondition::Running:
            return 4;
        }
        return 5;
    case ReadyColumn:
        return row.readyTotal > 0 ? double(row.ready) / row.readyTotal : -1.0;
    case RestartsColumn:
        return row.restarts;
    case CpuColumn:
        return row.cpuMillicores;
    case MemoryColumn:
        return row.memoryBytes;
    case AgeColumn:
        // Oldest first when ascending, as an age column reads.
        return row.created.isValid() ? -row.created.toSecsSinceEpoch()
                                     : std::numeric_limits<qint64>::min();
    default:
        return displayData(entry, column).toString().toLower();
    }
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole: {
        QStringList lines;
        if (entry.placeholder || entry.stale) {
            QString failure =
                tr("%1 on %2 failed: %3")
                    .arg(containerRuntimeName(entry.row.runtime), entry.row.host, entry.error);
            const QString next = containerNextAttemptText(m_sources.value(entry.sourceKey),
                                                          QDateTime::currentDateTimeUtc());
            if (!next.isEmpty())
                failure = tr("%1 — %2").arg(failure, next);
            lines.append(failure);
        }
        if (!entry.placeholder && !entry.row.reason.isEmpty())
            lines.append(tr("Reason: %1").arg(entry.row.reason));
        if (!entry.placeholder && entry.row.exitCode >= 0 &&
            entry.row.condition != ContainerCondition::Running)
            lines.append(tr("Exit code: %1").arg(entry.row.exitCode));
        if (!lines.isEmpty())
            return lines.join(u'\n');
        const QVariant shown = displayData(entry, index.column());
        return shown.toString().isEmpty() ? QVariant() : shown;
    }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case ReadyColumn:
        case RestartsColumn:
        case CpuColumn:
        case MemoryColumn:
        case AgeColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case KeyRole:
        return entry.key;
    case ConditionRole:
        return int(entry.placeholder ? ContainerCondition::Unknown : entry.row.condition);
    case SortRole:
        return sortData(entry, index.column());
    case StaleRole:
        return entry.stale;
    case SourceErrorRole:
        return entry.error;
    case PlaceholderRole:
        return entry.placeholder;
    case LabelsRole: {
        QVariantMap labels;
        for (auto it = entry.row.labels.cbegin(); it != entry.row.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        return labels;
    }
    case RuntimeRole:
        return int(entry.row.runtime);
    default:
        return {};
    }
}

std::optional<ContainerSource> ContainerListModel::source(const QString &sourceKey) const
{
    const auto found = m_sources.constFind(sourceKey);
    if (found == m_sources.cend())
        return std::nullopt;
    return *found;
}

std::optional<KubeWorkload> ContainerListModel::workloadOf(const ContainerRow &row) const
{
    if (row.runtime != ContainerRuntime::Kubernetes || row.project.isEmpty())
        return std::nullopt;
    ContainerSource probe;
    probe.host = row.host;
    probe.runtime = row.runtime;
    probe.context = row.context;
    const auto found = m_sources.constFind(probe.key());
    if (found == m_sources.cend())
        return std::nullopt;
    for (const KubeWorkload &workload : found->workloads) {
        if (workload.kubeNamespace == row.kubeNamespace && workload.qualifiedName() == row.project)
            return workload;
    }
    return std::nullopt;
}

void ContainerListModel::updateSource(const ContainerSource &source)
{
    const QString sourceKey = source.key();
    ContainerSource kept = source;
    kept.rows.clear(); // the entries hold them
    kept.rowsAreMore = false;
    m_sources.insert(sourceKey, kept);
    if (source.rowsAreMore) {
        appendRows(sourceKey, source);
        Q_EMIT sourceChanged(sourceKey);
        return;
    }

    const bool stale = source.state == ContainerSource::State::Failed;
    const bool wantsPlaceholder = stale && source.rows.isEmpty();
    const auto positionOf = [this, &sourceKey](const QString &key) {
        const int position = m_rowOfKey.value(key, -1);
        return position >= 0 && m_entries.at(position).sourceKey == sourceKey ? position : -1;
    };
    const auto isSameRow = [&sourceKey](const Entry &entry, const ContainerRow &row) {
        return !entry.placeholder && entry.sourceKey == sourceKey && entry.row.name == row.name &&
               entry.row.kubeNamespace == row.kubeNamespace && entry.row.host == row.host &&
               entry.row.runtime == row.runtime && entry.row.context == row.context;
    };

    // Where each of the source's rows is now (-1: new). Rows mostly come back in the order they
    // were listed, so the entry after the last one found is tried first: a refresh of a large
    // cluster (and every page while one loads) compares rows instead of making a key and a
    // lookup for each.
    const qsizetype count = source.rows.size();
    QList<int> positions(count, -1);
    QList<bool> claimed(m_entries.size(), false);
    int next = -1;
    for (qsizetype at = 0; at < count; ++at) {
        const ContainerRow &row = source.rows.at(at);
        int position = -1;
        if (next >= 0 && next < m_entries.size() && !claimed.at(next) &&
            isSameRow(m_entries.at(next), row))
            position = next;
        if (position < 0) {
            position = positionOf(row.key());
            if (position >= 0 && claimed.at(position))
                position = -1; // the same key twice: the second is a row of its own
        }
        if (position >= 0) {
            claimed[position] = true;
            next = position + 1;
        }
        positions[at] = position;
    }
    int placeholderAt = wantsPlaceholder ? positionOf(sourceKey) : -1;
    if (placeholderAt >= 0)
        claimed[placeholderAt] = true;

    // Gone rows first, then changes in place, then new rows at the end.
    QList<int> gone;
    for (int index = 0; index < m_entries.size(); ++index) {
        if (m_entries.at(index).sourceKey == sourceKey && !claimed.at(index))
            gone.append(index);
    }
    if (!gone.isEmpty()) {
        removeEntries(gone);
        const auto shifted = [&gone](int position) {
            return position -
                   int(std::lower_bound(gone.cbegin(), gone.cend(), position) - gone.cbegin());
        };
        for (int &position : positions) {
            if (position >= 0)
                position = shifted(position);
        }
        if (placeholderAt >= 0)
            placeholderAt = shifted(placeholderAt);
    }

    QList<Entry> added;
    for (qsizetype at = 0; at < count; ++at) {
        const ContainerRow &row = source.rows.at(at);
        const int position = positions.at(at);
        if (position < 0) {
            added.append({row, row.key(), sourceKey, false, stale, source.error});
            continue;
        }
        Entry &entry = m_entries[position];
        if (entry.row == row && entry.stale == stale && entry.error == source.error)
            continue;
        entry.row = row;
        entry.stale = stale;
        entry.error = source.error;
        Q_EMIT dataChanged(index(position, 0), index(position, ColumnCount - 1));
    }
    if (wantsPlaceholder) {
        Entry placeholder;
        placeholder.row.host = source.host;
        placeholder.row.runtime = source.runtime;
        placeholder.row.context = source.context;
        placeholder.key = sourceKey;
        placeholder.sourceKey = sourceKey;
        placeholder.placeholder = true;
        placeholder.stale = true;
        placeholder.error = source.error;
        if (placeholderAt < 0) {
            added.append(placeholder);
        } else if (Entry &entry = m_entries[placeholderAt]; entry.row != placeholder.row ||
                                                            !entry.stale ||
                                                            entry.error != placeholder.error) {
            entry = placeholder;
            Q_EMIT dataChanged(index(placeholderAt, 0), index(placeholderAt, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_entries.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (Entry &entry : added) {
            m_rowOfKey.insert(entry.key, int(m_entries.size()));
            m_entries.append(std::move(entry));
        }
        endInsertRows();
    }
    Q_EMIT sourceChanged(sourceKey);
}

void ContainerListModel::appendRows(const QString &sourceKey, const ContainerSource &source)
{
    QList<Entry> added;
    added.reserve(source.rows.size());
    for (const ContainerRow &row : source.rows) {
        QString key = row.key();
        if (m_rowOfKey.contains(key))
            continue; // a page that came twice: the rows stay as they are
        added.append({row, std::move(key), sourceKey, false, false, source.error});
    }
    if (added.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (Entry &entry : added) {
        m_rowOfKey.insert(entry.key, int(m_entries.size()));
        m_entries.append(std::move(entry));
    }
    endInsertRows();
}

void ContainerListModel::removeHost(const QString &host)
{
    removeSourcesWhere([&](const ContainerSource &source) { return source.host == host; });
}

void ContainerListModel::removeSource(const QString &sourceKey)
{
    removeSourcesWhere([&](const ContainerSource &source) { return source.key() == sourceKey; });
}

void ContainerListModel::removeSourcesWhere(
    const std::function<bool(const ContainerSource &)> &gone)
{
    QStringList removed;
    for (auto it = m_sources.begin(); it != m_sources.end();) {
        if (gone(*it)) {
            removed.append(it.key());
            it = m_sources.erase(it);
        } else {
            ++it;
        }
    }
    QList<int> rows;
    for (int index = 0; index < m_entries.size(); ++index) {
        if (removed.contains(m_entries.at(index).sourceKey))
            rows.append(index);
    }
    removeEntries(rows);
    // Sources without rows leave no rowsRemoved behind: say so, for the source tree.
    for (const QString &key : std::as_const(removed))
        Q_EMIT sourceChanged(key);
}

void ContainerListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_rowOfKey.clear();
    m_sources.clear();
    endResetModel();
}

void ContainerListModel::removeEntries(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Contiguous runs from the end, so earlier indexes stay valid.
    qsizetype last = rows.size() - 1;
    while (last >= 0) {
        qsizetype first = last;
        while (first > 0 && rows.at(first - 1) == rows.at(first) - 1)
            --first;
        beginRemoveRows({}, rows.at(first), rows.at(last));
        m_entries.remove(rows.at(first), last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    reindex();
}

void ContainerListModel::reindex()
{
    m_rowOfKey.clear();
    m_rowOfKey.reserve(m_entries.size());
    for (int index = 0; index < m_entries.size(); ++index) {
        const Entry &entry = m_entries.at(index);
        m_rowOfKey.insert(entry.key, index);
    }
}

} // namespace OpsDeck
