// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QTableWidget;

namespace OpsDeck {

// What the workspace holds (counts), the selected tree item's properties, and
// the thresholds and escalation the team agreed on.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(QWidget *parent = nullptr);
    ~OverviewPage() override;

    void setWorkspace(const Workspace &workspace);
    // Shows the properties of the item with this WorkspaceModel id.
    void showItem(const QString &id);

private:
    void fillCounts();
    void fillThresholds();
    void fillEscalation();

    Workspace m_workspace;
    QLabel *m_title;
    QLabel *m_subtitle;
    QList<QLabel *> m_countValues;
    QGroupBox *m_detailsBox;
    QFormLayout *m_details;
    QTableWidget *m_thresholds;
    QTableWidget *m_escalation;
};

} // namespace OpsDeck
