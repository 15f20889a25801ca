// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace OpsDeck {

class DiagnosticsModel;

// Problems found in the workspace file, one row each with line and column, sortable and
// copyable (Ctrl+C copies the selected rows as file:line:column lines).
class ProblemsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPage)

public:
    explicit ProblemsPage(QWidget *parent = nullptr);
    ~ProblemsPage() override;

    void setDiagnostics(const Diagnostics &diagnostics, bool showingStaleWorkspace);
    QTableView *view() const { return m_view; }

private:
    void copySelection();

    DiagnosticsModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace OpsDeck
