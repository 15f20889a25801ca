// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/commandpalettemodel.h"

#include "models/core/fuzzymatch.h"

namespace OpsDeck {

CommandPaletteModel::CommandPaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

CommandPaletteModel::~CommandPaletteModel() = default;

void CommandPaletteModel::setEntries(QList<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_visible.clear();
    endResetModel();
    refilter();
}

void CommandPaletteModel::setPattern(const QString &pattern)
{
    if (pattern == m_pattern)
        return;
    m_pattern = pattern;
    refilter();
}

void CommandPaletteModel::refilter()
{
    QList<Match> matches;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        // The title decides; the detail (an address, say) only adds a little.
        std::optional<int> score = fuzzyMatchScore(m_pattern, entry.title);
        if (!score) {
            if (const auto detailScore = fuzzyMatchScore(m_pattern, entry.detail))
                score = *detailScore - 20;
        }
        if (score)
            matches.append({i, *score});
    }
    // Stable: equal scores keep the order the owner gave (pages, then hosts, then actions).
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match &a, const Match &b) { return a.score > b.score; });
    beginResetModel();
    m_visible = std::move(matches);
    endResetModel();
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount())
        return {};
    const Entry &entry = entryAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::ToolTipRole:
    case DetailRole:
        return entry.detail;
    case KindRole:
        return QVariant::fromValue(entry.kind);
    case IdRole:
        return entry.id;
    case ScoreRole:
        return m_visible[index.row()].score;
    default:
        return {};
    }
}

Qt::ItemFlags CommandPaletteModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount())
        return Qt::NoItemFlags;
    return entryAt(index.row()).enabled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                        : Qt::NoItemFlags;
}

} // namespace OpsDeck
