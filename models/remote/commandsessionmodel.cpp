// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandsessionmodel.h"

#include <QLocale>

namespace OpsDeck {

CommandSessionModel::CommandSessionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

CommandSessionModel::~CommandSessionModel() = default;

void CommandSessionModel::begin(const QString &commandText, const QStringList &hosts)
{
    beginResetModel();
    m_commandText = commandText;
    m_rows.clear();
    for (const QString &host : hosts)
        m_rows.append(Row{host, Status::Waiting, {}, {}, 0, false});
    endResetModel();
}

int CommandSessionModel::rowForHost(const QString &host) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].host == host)
            return i;
    }
    return -1;
}

bool CommandSessionModel::isRunning() const
{
    return std::ranges::any_of(m_rows,
                               [](const Row &row) { return row.status != Status::Finished; });
}

void CommandSessionModel::markRunning(int row)
{
    m_rows[row].status = Status::Running;
    rowChanged(row);
}

void CommandSessionModel::appendOutput(int row, const QByteArray &data, bool isStandardError)
{
    Row &entry = m_rows[row];
    if (!entry.output.isEmpty() && entry.output.back().isStandardError == isStandardError)
        entry.output.back().data += data;
    else
        entry.output.append({isStandardError, data});
    entry.keptBytes += data.size();
    while (entry.keptBytes > MaximumOutputPerHost && entry.output.size() > 1) {
        entry.keptBytes -= entry.output.front().data.size();
        entry.output.removeFirst();
        entry.truncated = true;
    }
    Q_EMIT outputAppended(row, data, isStandardError);
    rowChanged(row);
}

void CommandSessionModel::finish(int row, const CommandResult &result)
{
    m_rows[row].status = Status::Finished;
    m_rows[row].result = result;
    rowChanged(row);
    if (!isRunning())
        Q_EMIT allFinished();
}

QString CommandSessionModel::transcript() const
{
    QString text;
    for (const Row &row : m_rows) {
        text += u"=== " + row.host + u" (" +
                (row.status == Status::Finished ? row.result.summary() : tr("running")) + u")\n";
        for (const Chunk &chunk : row.output)
            text += QString::fromUtf8(chunk.data);
        if (!text.endsWith(u'\n'))
            text += u'\n';
    }
    return text;
}

void CommandSessionModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int CommandSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandSessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandSessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const bool finished = row.status == Status::Finished;
    switch (role) {
    case SucceededRole:
        return finished && row.result.succeeded();
    case FinishedRole:
        return finished;
    case HostRole:
        return row.host;
    case Qt::ToolTipRole:
        return finished ? row.result.summary() : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case HostColumn:
        return row.host;
    case StatusColumn:
        switch (row.status) {
        case Status::Waiting:
            return tr("waiting");
        case Status::Running:
            return tr("running");
        case Status::Finished:
            return row.result.succeeded() ? tr("ok") : tr("failed");
        }
        return {};
    case ResultColumn:
        return finished ? row.result.summary() : QString();
    case DurationColumn:
        return finished ? tr("%1 s").arg(double(row.result.durationMs) / 1000.0, 0, 'f', 2)
                        : QString();
    case OutputColumn:
        return QString(QLocale().formattedDataSize(row.keptBytes) +
                       (row.truncated ? tr(" (start dropped)") : QString()));
    default:
        return {};
    }
}

QVariant CommandSessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case StatusColumn:
        return tr("Status");
    case ResultColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    case OutputColumn:
        return tr("Output");
    default:
        return {};
    }
}

} // namespace OpsDeck
