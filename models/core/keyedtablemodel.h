// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <utility>

namespace OpsDeck {

// Roles every KeyedTableModel answers besides display, tooltip and alignment.
namespace KeyedTableRole {
enum : int {
    Key = Qt::UserRole + 1, // the row's stable key: selection follows it across refreshes
    Sort,                   // numbers for numeric columns, text otherwise
    Verdict,                // int: 0 fine, 1 warning, 2 critical; the view colours it
    Raw,                    // the full text behind an elided cell (a query), for copy
};
}

// A table of plain rows described by its columns, refreshed in place by key: rows whose key is
// still there are updated where they are (a sorted view keeps its selection and scroll
// position), gone ones are removed, new ones appended. The columns are data, so a view's shape
// is one list, not a model class.
template<typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    struct Column {
        QString title;
        std::function<QVariant(const Row &)> display;
        // Defaults to display; return numbers for numeric columns.
        std::function<QVariant(const Row &)> sortKey = {};
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
        std::function<QString(const Row &)> toolTip = {};
        std::function<int(const Row &)> verdict = {}; // warning/critical of this cell
        std::function<QString(const Row &)> raw = {};
    };

    KeyedTableModel(QList<Column> columns, std::function<QString(const Row &)> key,
                    QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_columns(std::move(columns))
        , m_key(std::move(key))
    {
    }

    const QList<Row> &rows() const { return m_rows; }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    int columnOf(const QString &title) const
    {
        for (int column = 0; column < m_columns.size(); ++column) {
            if (m_columns.at(column).title == title)
                return column;
        }
        return -1;
    }
    // The row with this key, or -1.
    int rowOf(const QString &key) const { return m_index.value(key, -1); }

    // A key is one row: of rows sharing a key only the first is shown (else each refresh would
    // append the others again and the table would grow).
    void setRows(const QList<Row> &rows)
    {
        QHash<QString, int> incoming;
        QList<bool> placed(rows.size(), false);
        for (int row = 0; row < rows.size(); ++row) {
            const QString key = m_key(rows.at(row));
            if (incoming.contains(key))
                placed[row] = true; // a later duplicate: never added
            else
                incoming.insert(key, row);
        }
        // Gone rows, from the back so earlier indexes stay valid; contiguous runs at once.
        for (int row = int(m_rows.size()) - 1; row >= 0;) {
            if (incoming.contains(m_key(m_rows.at(row)))) {
                --row;
                continue;
            }
            int first = row;
            while (first > 0 && !incoming.contains(m_key(m_rows.at(first - 1))))
                --first;
            beginRemoveRows({}, first, row);
            m_rows.remove(first, row - first + 1);
            endRemoveRows();
            row = first - 1;
        }
        for (int row = 0; row < m_rows.size(); ++row) {
            const int from = incoming.value(m_key(m_rows.at(row)));
            m_rows[row] = rows.at(from);
            placed[from] = true;
        }
        if (!m_rows.isEmpty() && !m_columns.isEmpty())
            Q_EMIT dataChanged(index(0, 0),
                               index(int(m_rows.size()) - 1, int(m_columns.size()) - 1));
        QList<Row> added;
        for (int row = 0; row < rows.size(); ++row) {
            if (!placed.at(row))
                added.append(rows.at(row));
        }
        if (!added.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
            m_rows.append(added);
            endInsertRows();
        }
        m_index.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_index.insert(m_key(m_rows.at(row)), row);
    }

    void clear() { setRows({}); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row &row = m_rows.at(index.row());
        const Column &column = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return column.display(row);
        case Qt::ToolTipRole:
            return column.toolTip ? QVariant(column.toolTip(row)) : QVariant();
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(column.alignment);
        case KeyedTableRole::Key:
            return m_key(row);
        case KeyedTableRole::Sort:
            return column.sortKey ? column.sortKey(row) : column.display(row);
        case KeyedTableRole::Verdict:
            return column.verdict ? column.verdict(row) : 0;
        case KeyedTableRole::Raw:
            return column.raw ? QVariant(column.raw(row)) : column.display(row);
        default:
            return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_columns.at(section).title;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(m_columns.at(section).alignment);
        return {};
    }

private:
    QList<Column> m_columns;
    std::function<QString(const Row &)> m_key;
    QList<Row> m_rows;
    QHash<QString, int> m_index;
};

} // namespace OpsDeck
