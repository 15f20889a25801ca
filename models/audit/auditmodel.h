// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditentry.h"

#include <QAbstractTableModel>

namespace OpsDeck {

// The audit log as a table, newest first, as AuditLog::query() returns it.
//
// Fed in bulk by setEntries(), which is called again and again while commands run: rows whose
// id is already shown are updated in place (dataChanged), rows that are gone are removed and
// new rows are inserted where they belong, so views keep their selection and scroll position.
//
// Display text only; colours and fonts belong to the widgets layer, which reads RiskRole and
// StatusRole (this library does not link QtGui).
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column {
        StartedColumn,
        HostColumn,
        UserColumn,
        CommandColumn,
        RiskColumn,
        StatusColumn,
        ExitColumn,
        DurationColumn,
        OutputColumn,
        IncidentColumn,
        ColumnCount
    };
    enum Role {
        EntryIdRole = Qt::UserRole, // qint64, the row id in the audit log
        SortRole,                   // raw value of the column: ms since epoch, bytes, code, ...
        RiskRole,                   // int(Risk)
        StatusRole,                 // int(AuditStatus)
    };

    explicit AuditModel(QObject *parent = nullptr);
    ~AuditModel() override;

    // entries: newest first, ids unique. Rows whose relative order changed (or duplicate ids)
    // cannot be updated in place and reset the model instead.
    void setEntries(const QList<AuditEntry> &entries);
    const QList<AuditEntry> &entries() const { return m_entries; }
    const AuditEntry &entryAt(int row) const { return m_entries.at(row); }
    // Row of the entry with this id, or -1.
    int rowOfId(qint64 id) const;
    // The signal's name when the command died of one, else the exit code, else empty.
    static QString formatExit(const AuditEntry &entry);
    static QString statusText(AuditStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const AuditEntry &entry, int column) const;
    QVariant sortData(const AuditEntry &entry, int column) const;

    QList<AuditEntry> m_entries;
};

} // namespace OpsDeck
