// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;

namespace OpsDeck {

// Chooses log sources of the workspace to follow together in one merged view, ordered by time,
// each line tagged with its source.
class LogSourcePicker final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSourcePicker)

public:
    struct Choice {
        QString host;
        QString log;
        friend bool operator==(const Choice &, const Choice &) = default;
    };

    explicit LogSourcePicker(const Workspace &workspace, QWidget *parent = nullptr);
    ~LogSourcePicker() override;

    QList<Choice> chosen() const;
    void setChosen(const Choice &choice, bool chosen);
    QTreeWidget *tree() const { return m_tree; }

private:
    void updateButtons();

    QTreeWidget *m_tree;
    QDialogButtonBox *m_buttons;
};

} // namespace OpsDeck
