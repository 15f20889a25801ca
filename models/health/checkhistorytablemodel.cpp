// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkhistorytablemodel.h"

#include <QLocale>

#include <algorithm>
#include <ranges>

namespace OpsDeck {

using namespace Qt::StringLiterals;

CheckHistoryTableModel::CheckHistoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CheckHistoryTableModel::setHistory(const QList<CheckResult> &history)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(history.size());
    std::ranges::reverse_copy(history, std::back_inserter(m_rows));
    m_valueNames.clear();
    m_valueUnits.clear();
    for (const CheckResult &result : history) {
        for (const CheckValue &value : result.values) {
            if (!m_valueNames.contains(value.name)) {
                m_valueNames.append(value.name);
                m_valueUnits.append(value.unit);
            }
        }
    }
    endResetModel();
}

QString CheckHistoryTableModel::valueName(int column) const
{
    const int index = column - FirstValueColumn;
    return index >= 0 && index < m_valueNames.size() ? m_valueNames.at(index) : QString();
}

QString CheckHistoryTableModel::valueUnit(int column) const
{
    const int index = column - FirstValueColumn;
    return index >= 0 && index < m_valueUnits.size() ? m_valueUnits.at(index) : QString();
}

int CheckHistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckHistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstValueColumn + int(m_valueNames.size());
}

const CheckValue *CheckHistoryTableModel::valueAt(int row, int column) const
{
    const QString name = valueName(column);
    const QList<CheckValue> &values = m_rows.at(row).values;
    const auto found = std::ranges::find(values, name, &CheckValue::name);
    return found == values.end() ? nullptr : &*found;
}

QVariant CheckHistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult &result = m_rows.at(index.row());
    if (role == TimeRole)
        return result.time.toMSecsSinceEpoch();
    const int column = index.column();
    if (column >= FirstValueColumn) {
        const CheckValue *value = valueAt(index.row(), column);
        switch (role) {
        case Qt::DisplayRole:
            return value ? checkValueText(*value) : QString();
        case Qt::ToolTipRole:
            return value ? u"%1: %2"_s.arg(value->name, checkValueText(*value)) : QVariant();
        case ValueRole:
            return value ? QVariant(value->value) : QVariant();
        case VerdictRole:
            return value ? QVariant(int(value->verdict)) : QVariant();
        case UnitRole:
            return valueUnit(column);
        case PlainNumberRole:
            return value != nullptr && value->text.isEmpty();
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == TimeColumn)
            return QLocale().toString(result.time.toLocalTime(), QLocale::ShortFormat);
        if (column == VerdictColumn)
            return verdictName(result.verdict);
        return result.summary.isEmpty() ? result.error : result.summary;
    case Qt::ToolTipRole:
        if (column == SummaryColumn && !result.error.isEmpty())
            return result.error;
        return {};
    case VerdictRole:
        return int(result.verdict);
    default:
        return {};
    }
}

QVariant CheckHistoryTableModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case VerdictColumn:
        return tr("Verdict");
    case SummaryColumn:
        return tr("Summary");
    default: {
        const QString unit = valueUnit(section);
        return unit.isEmpty() ? valueName(section) : tr("%1 (%2)").arg(valueName(section), unit);
    }
    }
}

QString checkValueText(const CheckValue &value)
{
    if (!value.text.isEmpty())
        return value.text;
    // No group separators: "2350 ms" reads as a measurement, "2,350 ms" as two numbers.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const QString number = locale.toString(value.value, 'f', std::abs(value.value) < 10 ? 2 : 0);
    if (value.unit.isEmpty())
        return number;
    if (value.unit == u"%")
        return number + u" %"_s;
    return number + u' ' + value.unit;
}

} // namespace OpsDeck
