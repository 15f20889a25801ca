// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/diagnosticsmodel.h"

#include <QFileInfo>

namespace OpsDeck {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

DiagnosticsModel::~DiagnosticsModel() = default;

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount())
        return {};
    const Diagnostic &diagnostic = m_diagnostics[index.row()];
    if (role == IsErrorRole)
        return diagnostic.isError();
    if (role == DiagnosticTextRole)
        return diagnostic.toString();
    if (role == Qt::ToolTipRole)
        return diagnostic.toString();
    if (role == Qt::TextAlignmentRole &&
        (index.column() == LineColumn || index.column() == ColumnColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return diagnostic.isError() ? tr("Error") : tr("Warning");
    case FileColumn:
        return QFileInfo(diagnostic.file).fileName();
    case LineColumn:
        return diagnostic.line > 0 ? QVariant(diagnostic.line) : QVariant();
    case ColumnColumn:
        return diagnostic.column > 0 ? QVariant(diagnostic.column) : QVariant();
    case MessageColumn:
        return diagnostic.message;
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case ColumnColumn:
        return tr("Column");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace OpsDeck
