// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shell/problemspage.h"

#include "models/core/diagnosticsmodel.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

// Adds the severity icon the models layer cannot provide.
class SeverityIconProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == DiagnosticsModel::SeverityColumn)
            return themedIcon(index.data(DiagnosticsModel::IsErrorRole).toBool()
                                  ? QStringLiteral("error")
                                  : QStringLiteral("warning"));
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

ProblemsPage::ProblemsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
{
    auto *icons = new SeverityIconProxy(this);
    icons->setSourceModel(m_model);
    auto *sorter = new QSortFilterProxyModel(this);
    sorter->setSourceModel(icons);
    m_view->setModel(sorter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DiagnosticsModel::LineColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Problems"));

    auto *copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ProblemsPage::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);
    setDiagnostics({}, false);
}

ProblemsPage::~ProblemsPage() = default;

void ProblemsPage::setDiagnostics(const Diagnostics &diagnostics, bool showingStaleWorkspace)
{
    m_model->setDiagnostics(diagnostics);
    const qsizetype errors = countErrors(diagnostics);
    const qsizetype warnings = diagnostics.size() - errors;
    if (diagnostics.isEmpty())
        m_summary->setText(tr("No problems in the workspace file."));
    else if (showingStaleWorkspace)
        m_summary->setText(tr("Problems in the workspace file: errors: %1, warnings: %2. "
                              "OpsDeck keeps showing the last version that loaded; fix the file "
                              "and it reloads by itself.")
                               .arg(errors)
                               .arg(warnings));
    else
        m_summary->setText(
            tr("The workspace file has %1 error(s) and %2 warning(s).").arg(errors).arg(warnings));
    m_view->resizeColumnsToContents();
}

void ProblemsPage::copySelection()
{
    QStringList lines;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        lines.append(row.data(DiagnosticsModel::DiagnosticTextRole).toString());
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

} // namespace OpsDeck
