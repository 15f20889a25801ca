// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditmodel.h"

#include "models/core/units.h"

#include <QHash>
#include <QLocale>

#include <cmath>

namespace OpsDeck {

namespace {

// Sorts rows killed by a signal after every exit code (codes are 0..255 on Unix).
constexpr qint64 SignalExitSortKey = 1'000'000;

// Scripts span lines; a table row shows one, with a visible mark where the lines were joined.
QString singleLine(const QString &text)
{
    if (!text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString line = text;
    line.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    line.replace(u'\r', u'\n');
    line.replace(u'\n', QStringLiteral(" \u21B5 "));
    return line;
}

// Local time to the second: what people compare with their clock and other logs.
QString localTimeText(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

template<typename T>
QVariant optionalVariant(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

} // namespace

AuditModel::AuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

AuditModel::~AuditModel() = default;

void AuditModel::setEntries(const QList<AuditEntry> &entries)
{
    QHash<qint64, qsizetype> newPositions;
    newPositions.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        newPositions.insert(entries[i].id, i);

    // An update in place needs unique ids and the rows that stay in the same relative order
    // (queryAudit's order never changes for a row). Anything else is a new picture: reset.
    bool canUpdate = newPositions.size() == entries.size();
    qsizetype lastPosition = -1;
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        if (!canUpdate)
            break;
        const auto found = newPositions.constFind(entry.id);
        if (found == newPositions.constEnd())
            continue;
        canUpdate = *found > lastPosition;
        lastPosition = *found;
    }
    if (!canUpdate) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        return;
    }

    // 1. Rows that are no longer in the answer (filter changed, fell out of the limit), bottom up.
    for (int row = rowCount() - 1; row >= 0;) {
        if (newPositions.contains(m_entries[row].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !newPositions.contains(m_entries[first - 1].id))
            --first;
        beginRemoveRows({}, first, row);
        m_entries.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. What is left is a subsequence of entries: walk both, updating matches and inserting
    // each run of new entries in front of the next row already shown.
    int row = 0;
    for (qsizetype i = 0; i < entries.size();) {
        if (row < m_entries.size() && m_entries[row].id == entries[i].id) {
            if (m_entries[row] != entries[i]) {
                m_entries[row] = entries[i];
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < entries.size() &&
               (row >= m_entries.size() || entries[end].id != m_entries[row].id))
            ++end;
        const int count = int(end - i);
        beginInsertRows({}, row, row + count - 1);
        m_entries = m_entries.mid(0, row) + entries.mid(i, count) + m_entries.mid(row);
        endInsertRows();
        row += count;
        i = end;
    }
    Q_ASSERT(m_entries.size() == entries.size());
}

int AuditModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].id == id)
            return int(row);
    }
    return -1;
}

QString AuditModel::formatExit(const AuditEntry &entry)
{
    if (!entry.signalName.isEmpty())
        return entry.signalName;
    if (entry.exitCode)
        return QString::number(*entry.exitCode);
    return {};
}

QString AuditModel::statusText(AuditStatus status)
{
    switch (status) {
    case AuditStatus::Running:
        return tr("Running");
    case AuditStatus::Finished:
        return tr("Finished");
    case AuditStatus::Failed:
        return tr("Failed");
    case AuditStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case SortRole:
        return sortData(entry, index.column());
    case EntryIdRole:
        return entry.id;
    case RiskRole:
        return int(entry.risk);
    case StatusRole:
        return int(entry.status);
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn)
            return entry.command;
        if (index.column() == StartedColumn && entry.finishedAt.isValid())
            return tr("Finished %1").arg(localTimeText(entry.finishedAt));
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case ExitColumn:
        case DurationColumn:
        case OutputColumn:
        case IncidentColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AuditModel::displayData(const AuditEntry &entry, int column) const
{
    switch (column) {
    case StartedColumn:
        return localTimeText(entry.startedAt);
    case HostColumn:
        return entry.host;
    case UserColumn:
        return entry.remoteUser;
    case CommandColumn:
        return singleLine(entry.command);
    case RiskColumn:
        return riskName(entry.risk);
    case StatusColumn:
        return statusText(entry.status);
    case ExitColumn:
        return formatExit(entry);
    case DurationColumn:
        return entry.durationMs ? formatDuration(*entry.durationMs) : QString();
    case OutputColumn:
        return entry.outputBytes ? formatBytes(*entry.outputBytes) : QString();
    case IncidentColumn:
        return entry.incidentId ? QString::number(*entry.incidentId) : QString();
    default:
        return {};
    }
}

QVariant AuditModel::sortData(const AuditEntry &entry, int column) const
{
    switch (column) {
    case StartedColumn:
        return entry.startedAt.isValid() ? QVariant(entry.startedAt.toMSecsSinceEpoch())
                                         : QVariant();
    case HostColumn:
        return entry.host;
    case UserColumn:
        return entry.remoteUser;
    case CommandColumn:
        return entry.command;
    case RiskColumn:
        return int(entry.risk);
    case StatusColumn:
        return int(entry.status);
    case ExitColumn:
        if (!entry.signalName.isEmpty())
            return SignalExitSortKey;
        return entry.exitCode ? QVariant(qint64(*entry.exitCode)) : QVariant();
    case DurationColumn:
        return optionalVariant(entry.durationMs);
    case OutputColumn:
        return optionalVariant(entry.outputBytes);
    case IncidentColumn:
        return optionalVariant(entry.incidentId);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case HostColumn:
        return tr("Host");
    case UserColumn:
        return tr("User");
    case CommandColumn:
        return tr("Command");
    case RiskColumn:
        return tr("Risk");
    case StatusColumn:
        return tr("Status");
    case ExitColumn:
        return tr("Exit");
    case DurationColumn:
        return tr("Duration");
    case OutputColumn:
        return tr("Output");
    case IncidentColumn:
        return tr("Incident");
    default:
        return {};
    }
}

} // namespace OpsDeck
