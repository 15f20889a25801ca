// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/commandpalettemodel.h"

#include <QFrame>

class QLineEdit;
class QListView;

namespace OpsDeck {

// The Ctrl+K popup: type to filter pages, hosts and actions; Enter runs the highlighted one,
// Escape closes. The owner fills the entries and reacts to `chosen`.
class CommandPalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    explicit CommandPalette(QWidget *parent);
    ~CommandPalette() override;

    void open(QList<CommandPaletteModel::Entry> entries);
    CommandPaletteModel *model() const { return m_model; }
    QLineEdit *input() const { return m_input; }

Q_SIGNALS:
    void chosen(const OpsDeck::CommandPaletteModel::Entry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(int row);
    void placeOverParent();

    CommandPaletteModel *m_model;
    QLineEdit *m_input;
    QListView *m_list;
};

} // namespace OpsDeck
