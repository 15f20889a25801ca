// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidenttimelinemodel.h"

#include <QLocale>

namespace OpsDeck {

using namespace Qt::StringLiterals;

IncidentTimelineModel::IncidentTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

IncidentTimelineModel::~IncidentTimelineModel() = default;

void IncidentTimelineModel::setDeclaredAt(const QDateTime &declaredAt)
{
    if (declaredAt == m_declaredAt)
        return;
    m_declaredAt = declaredAt;
    if (!m_events.isEmpty()) {
        // The date in front of the time depends on the declaration's day too.
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, ElapsedColumn));
    }
}

void IncidentTimelineModel::setEvents(const QList<IncidentEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

void IncidentTimelineModel::appendEvent(const IncidentEvent &event)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_events.append(event);
    endInsertRows();
}

void IncidentTimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_declaredAt = {};
    endResetModel();
}

QString IncidentTimelineModel::wallTimeText(const QDateTime &at) const
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QString time = local.toString(u"HH:mm:ss"_s);
    if (m_declaredAt.isValid() && local.date() == m_declaredAt.toLocalTime().date())
        return time;
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' + time;
}

int IncidentTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int IncidentTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(event, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn)
            return toolTip(event);
        if (index.column() == TimeColumn && event.at.isValid())
            return QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat);
        return {};
    case EventIdRole:
        return event.id;
    case KindRole:
        return int(event.kind);
    case OutputRole:
        return event.output;
    case OutputDigestRole:
        return outputDigest(event.output);
    case CommandRole:
        return event.command;
    case AtRole:
        return event.at;
    default:
        return {};
    }
}

QVariant IncidentTimelineModel::displayData(const IncidentEvent &event, int column) const
{
    switch (column) {
    case TimeColumn:
        return wallTimeText(event.at);
    case ElapsedColumn:
        return elapsedLabel(m_declaredAt, event.at);
    case KindColumn:
        return incidentEventKindText(event.kind);
    case SummaryColumn: {
        // A table row has one line: the first line of a note or of a multi-line command.
        const QString summary = event.summary.section(u'\n', 0, 0);
        if (event.command.isEmpty())
            return summary;
        return tr("%1 — %2").arg(event.command.section(u'\n', 0, 0), summary);
    }
    case HostColumn:
        return event.host;
    case ExitColumn:
        return event.exitCode ? QString::number(*event.exitCode) : QString();
    default:
        return {};
    }
}

QString IncidentTimelineModel::toolTip(const IncidentEvent &event) const
{
    QStringList parts;
    if (!event.command.isEmpty())
        parts.append(event.command);
    else if (event.summary.contains(u'\n'))
        parts.append(event.summary);
    const QString digest = outputDigest(event.output);
    if (!digest.isEmpty())
        parts.append(digest);
    return parts.join(u"\n\n");
}

QVariant IncidentTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ElapsedColumn:
        return tr("Elapsed");
    case KindColumn:
        return tr("Kind");
    case SummaryColumn:
        return tr("Summary");
    case HostColumn:
        return tr("Host");
    case ExitColumn:
        return tr("Exit");
    default:
        return {};
    }
}

} // namespace OpsDeck
