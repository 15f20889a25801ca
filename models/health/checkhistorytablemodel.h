// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace OpsDeck {

// One check's recent results as a table, newest first: time, verdict, summary, then one column
// per value name the results carry (in the order they first appear). What the details table
// shows and what the details chart reads its series from (ValueRole, TimeRole).
class CheckHistoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckHistoryTableModel)

public:
    enum Column { TimeColumn, VerdictColumn, SummaryColumn, FirstValueColumn };
    enum Role {
        TimeRole = Qt::UserRole + 1, // msecs since the epoch (UTC) of the row's result
        ValueRole,                   // double, or invalid when the result lacks that value
        VerdictRole,                 // Verdict as int, of the result or of the value
        UnitRole,                    // the value column's unit
        PlainNumberRole,             // bool: the value is a number without a text ("200 OK")
    };

    explicit CheckHistoryTableModel(QObject *parent = nullptr);

    // history is oldest first, as HealthBoardModel keeps it.
    void setHistory(const QList<CheckResult> &history);
    void clear() { setHistory({}); }

    int valueColumnCount() const { return int(m_valueNames.size()); }
    QString valueName(int column) const;
    QString valueUnit(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const CheckValue *valueAt(int row, int column) const;

    QList<CheckResult> m_rows; // newest first
    QStringList m_valueNames;
    QStringList m_valueUnits;
};

// A value as people read it: its text when it has one, else the number with its unit.
QString checkValueText(const CheckValue &value);

} // namespace OpsDeck
