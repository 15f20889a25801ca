// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"

#include <QAbstractTableModel>

namespace OpsDeck {

// Diagnostics as a table: severity, location, message. Fed in bulk.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column {
        SeverityColumn,
        FileColumn,
        LineColumn,
        ColumnColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { IsErrorRole = Qt::UserRole + 1, DiagnosticTextRole };

    explicit DiagnosticsModel(QObject *parent = nullptr);
    ~DiagnosticsModel() override;

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace OpsDeck
