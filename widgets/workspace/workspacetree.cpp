// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workspace/workspacetree.h"

#include "models/workspace/workspacemodel.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

QString iconName(WorkspaceModel::ItemKind kind, bool local)
{
    switch (kind) {
    case WorkspaceModel::ItemKind::Environment:
        return QStringLiteral("environment");
    case WorkspaceModel::ItemKind::Host:
        return local ? QStringLiteral("host-local") : QStringLiteral("host");
    case WorkspaceModel::ItemKind::Service:
        return QStringLiteral("service");
    case WorkspaceModel::ItemKind::Database:
        return QStringLiteral("database");
    case WorkspaceModel::ItemKind::Redis:
        return QStringLiteral("redis");
    case WorkspaceModel::ItemKind::LogSource:
        return QStringLiteral("log");
    case WorkspaceModel::ItemKind::BackupLocation:
        return QStringLiteral("backup");
    }
    return {};
}

// Paints a small connection dot at the right edge of host rows.
class ConnectionDotDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant state = index.data(WorkspaceModel::ConnectionStateRole);
        if (!state.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem narrowed = option;
        const int dot = option.fontMetrics.height() / 2;
        narrowed.rect.setRight(option.rect.right() - dot * 2 - 4);
        QStyledItemDelegate::paint(painter, narrowed, index);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor colour =
            StatusColours::forConnection(state.value<ConnectionState>(), option.palette);
        painter->setPen(colour);
        painter->setBrush(state.value<ConnectionState>() == ConnectionState::Disconnected
                              ? QBrush(Qt::NoBrush)
                              : QBrush(colour));
        const QRect circle(option.rect.right() - dot - dot / 2 - 2,
                           option.rect.center().y() - dot / 2, dot, dot);
        painter->drawEllipse(circle);
        painter->restore();
    }
};

} // namespace

// Filters on everything a host is known by (name, address, tags) and keeps the parents of
// matches; adds the icons the models layer must not know about.
class WorkspaceTreeProxy final : public QSortFilterProxyModel
{
public:
    explicit WorkspaceTreeProxy(QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        setRecursiveFilteringEnabled(true);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setFilterRole(WorkspaceModel::SearchTextRole);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole) {
            const auto kind =
                index.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>();
            const bool local =
                index.data(WorkspaceModel::ConnectionStateRole).value<ConnectionState>() ==
                ConnectionState::Local;
            return themedIcon(iconName(kind, local));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

WorkspaceTree::WorkspaceTree(WorkspaceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new WorkspaceTreeProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setPlaceholderText(tr("Filter hosts, services, tags…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter the workspace tree"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });

    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setItemDelegate(new ConnectionDotDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Workspace"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view, &QWidget::customContextMenuRequested, this, &WorkspaceTree::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_selectedId = current.data(WorkspaceModel::IdRole).toString();
                Q_EMIT currentItemChanged(m_selectedId);
            });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>() ==
            WorkspaceModel::ItemKind::LogSource)
            Q_EMIT openLogRequested(index.data(WorkspaceModel::HostNameRole).toString(),
                                    index.data().toString());
    });
    // Enter in the filter moves to the first match; Down does too.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_view->setFocus();
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    });

    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            &WorkspaceTree::rememberExpansion);
    connect(model, &QAbstractItemModel::modelReset, this, &WorkspaceTree::restoreExpansion);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
    restoreExpansion();
}

WorkspaceTree::~WorkspaceTree() = default;

void WorkspaceTree::rememberExpansion()
{
    m_expandedIds.clear();
    m_previousEnvironments.clear();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex environment = m_proxy->index(row, 0);
        m_previousEnvironments.append(environment.data(WorkspaceModel::IdRole).toString());
        if (m_view->isExpanded(environment))
            m_expandedIds.append(m_previousEnvironments.constLast());
        for (int hostRow = 0; hostRow < m_proxy->rowCount(environment); ++hostRow) {
            const QModelIndex host = m_proxy->index(hostRow, 0, environment);
            if (m_view->isExpanded(host))
                m_expandedIds.append(host.data(WorkspaceModel::IdRole).toString());
        }
    }
}

void WorkspaceTree::restoreExpansion()
{
    // The same workspace reloaded: keep what the user opened. Another workspace (or the first
    // one): open its environments so hosts show at once.
    const bool sameWorkspace =
        std::ranges::any_of(m_previousEnvironments, [this](const QString &id) {
            return m_model->indexForId(id).isValid();
        });
    if (sameWorkspace) {
        for (const QString &id : std::as_const(m_expandedIds))
            m_view->expand(m_proxy->mapFromSource(m_model->indexForId(id)));
    } else {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            m_view->expand(m_proxy->index(row, 0));
    }
    if (!m_selectedId.isEmpty())
        selectId(m_selectedId);
}

void WorkspaceTree::selectId(const QString &id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForId(id));
    if (!index.isValid())
        return;
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
}

QString WorkspaceTree::currentId() const
{
    return m_view->currentIndex().data(WorkspaceModel::IdRole).toString();
}

QString WorkspaceTree::currentHostName() const
{
    return m_view->currentIndex().data(WorkspaceModel::HostNameRole).toString();
}

void WorkspaceTree::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void WorkspaceTree::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const auto kind = index.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>();
    const QString hostName = index.data(WorkspaceModel::HostNameRole).toString();
    if (kind == WorkspaceModel::ItemKind::LogSource) {
        menu.addAction(themedIcon(QStringLiteral("log")), tr("&Open Log"), this,
                       [this, hostName, logName = index.data().toString()] {
                           Q_EMIT openLogRequested(hostName, logName);
                       });
    }
    if (kind == WorkspaceModel::ItemKind::Host) {
        menu.addAction(themedIcon(QStringLiteral("command")), tr("&Run Command on This Host…"),
                       this, [this, hostName] { Q_EMIT runCommandRequested(hostName); });
        // The host's log sources, one entry each.
        QMenu *logs = nullptr;
        for (int row = 0; row < m_proxy->rowCount(index); ++row) {
            const QModelIndex child = m_proxy->index(row, 0, index);
            if (child.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>() !=
                WorkspaceModel::ItemKind::LogSource)
                continue;
            if (!logs)
                logs = menu.addMenu(themedIcon(QStringLiteral("log")), tr("Open &Log"));
            logs->addAction(child.data().toString(), this,
                            [this, hostName, logName = child.data().toString()] {
                                Q_EMIT openLogRequested(hostName, logName);
                            });
        }
        menu.addAction(themedIcon(QStringLiteral("edit")), tr("&Edit Host…"), this,
                       [this, hostName] { Q_EMIT editHostRequested(hostName); });
    }
    if (kind == WorkspaceModel::ItemKind::Environment) {
        const QString environment = index.data().toString();
        menu.addAction(themedIcon(QStringLiteral("add")), tr("&Add Host…"), this,
                       [this, environment] { Q_EMIT addHostRequested(environment); });
    }
    menu.addAction(tr("&Copy Name"), this,
                   [name = index.data().toString()] { QApplication::clipboard()->setText(name); });
    const QString detail = index.data(Qt::ToolTipRole).toString().section(u'\n', 0, 0);
    if (!detail.isEmpty()) {
        menu.addAction(tr("Copy &Details"), this,
                       [detail] { QApplication::clipboard()->setText(detail); });
    }
    if (m_proxy->hasChildren(index)) {
        menu.addSeparator();
        menu.addAction(tr("E&xpand All Below"), this,
                       [this, index] { m_view->expandRecursively(index); });
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace OpsDeck
