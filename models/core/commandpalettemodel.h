// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>

namespace OpsDeck {

// What the command palette (Ctrl+K) offers: pages, hosts and actions, filtered by a typed
// pattern with fuzzy matching and ranked best first.
class CommandPaletteModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPaletteModel)

public:
    enum class Kind { Page, Host, Action };
    Q_ENUM(Kind)

    struct Entry {
        Kind kind = Kind::Action;
        QString title;
        QString detail; // shown dimmed: a shortcut, an address, the page's purpose
        QString id;     // what the palette's owner acts on
        bool enabled = true;
    };

    enum Role { KindRole = Qt::UserRole + 1, IdRole, DetailRole, ScoreRole };

    explicit CommandPaletteModel(QObject *parent = nullptr);
    ~CommandPaletteModel() override;

    void setEntries(QList<Entry> entries);
    void setPattern(const QString &pattern);
    QString pattern() const { return m_pattern; }
    const Entry &entryAt(int row) const { return m_entries[m_visible[row].entry]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void refilter();

    struct Match {
        int entry;
        int score;
    };
    QList<Entry> m_entries;
    QList<Match> m_visible;
    QString m_pattern;
};

} // namespace OpsDeck
