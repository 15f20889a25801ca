// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/containers/containerspage.h"

#include "models/containers/containerdetails.h"
#include "models/containers/containerfilter.h"
#include "models/containers/containergroupmodel.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containermonitor.h"
#include "models/containers/containersourcesmodel.h"
#include "models/core/risk.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/remote/commandrunner.h"
#include "models/remote/shellquote.h"
#include "widgets/common/confirmation.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/containers/describehighlighter.h"
#include "widgets/containers/jsonhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTime>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

Verdict verdictFor(ContainerCondition condition)
{
    switch (condition) {
    case ContainerCondition::Running:
        return Verdict::Ok;
    case ContainerCondition::Progressing:
        return Verdict::Warning;
    case ContainerCondition::Failing:
        return Verdict::Critical;
    case ContainerCondition::Stopped:
    case ContainerCondition::Unknown:
        return Verdict::Unknown;
    }
    return Verdict::Unknown;
}

// The list's look: the status column in its condition's colour with its icon (colour never
// stands alone), stale rows grey and italic, a source's error in the failure colour, groups bold.
class ContainerDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QPalette &palette = option->palette;
        if (index.data(ContainerGroupModel::GroupRole).toBool()) {
            option->font.setBold(true);
            const auto worst =
                ContainerCondition(index.data(ContainerListModel::ConditionRole).toInt());
            if (index.column() == 0) {
                option->features |= QStyleOptionViewItem::HasDecoration;
                option->icon = themedIcon(StatusColours::verdictIconName(verdictFor(worst)));
                if (worst == ContainerCondition::Failing)
                    option->palette.setColor(QPalette::Text, StatusColours::bad(palette));
            }
            return;
        }
        if (index.data(ContainerListModel::PlaceholderRole).toBool()) {
            option->palette.setColor(QPalette::Text, StatusColours::bad(palette));
            if (index.column() == ContainerListModel::StatusColumn) {
                option->features |= QStyleOptionViewItem::HasDecoration;
                option->icon = themedIcon(u"error"_s);
            }
            return;
        }
        if (index.data(ContainerListModel::StaleRole).toBool()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text,
                                     palette.color(QPalette::Disabled, QPalette::Text));
            return;
        }
        if (index.column() == ContainerListModel::StatusColumn) {
            const auto condition =
                ContainerCondition(index.data(ContainerListModel::ConditionRole).toInt());
            const Verdict verdict = verdictFor(condition);
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = themedIcon(StatusColours::verdictIconName(verdict));
            option->palette.setColor(QPalette::Text, StatusColours::forVerdict(verdict, palette));
        }
    }
};

// The source tree's look: failed sources in the failure colour, absent and waiting ones grey.
class SourceDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int state = index.data(ContainerSourcesModel::StateRole).toInt();
        option->features |= QStyleOptionViewItem::HasDecoration;
        if (state < 0) {
            option->icon = themedIcon(u"host"_s);
            return;
        }
        switch (ContainerSource::State(state)) {
        case ContainerSource::State::Failed:
            option->icon = themedIcon(u"error"_s);
            option->palette.setColor(QPalette::Text, StatusColours::bad(option->palette));
            break;
        case ContainerSource::State::Ready:
            option->icon = themedIcon(u"ok"_s);
            break;
        case ContainerSource::State::Loading:
            option->icon = themedIcon(u"reload"_s);
            break;
        case ContainerSource::State::Waiting:
        case ContainerSource::State::Absent:
            option->icon = themedIcon(u"unknown"_s);
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::Disabled, QPalette::Text));
            break;
        }
    }
};

QTableWidget *detailTable(QWidget *parent, const QString &objectName)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

ContainersPage::ContainersPage(const Services &services, QWidget *parent)
    : QWidget(parent)
    , m_monitor(services.monitor)
    , m_list(services.list      ? services.list
             : services.monitor ? services.monitor->list()
                                : new ContainerListModel(this))
    , m_runner(services.runner)
    , m_executors(services.executors)
    , m_readOnly(services.readOnly)
    , m_incidents(services.incidents)
    , m_filter(new ContainerFilterModel(this))
    , m_groups(new ContainerGroupModel(this))
    , m_sources(new ContainerSourcesModel(this))
    , m_details(new ContainerDetails(services.runner, services.executors, this))
    , m_toolBar(new QToolBar(this))
    , m_filterInput(new QLineEdit(this))
    , m_condition(new QComboBox(this))
    , m_selector(new QLineEdit(this))
    , m_selectorError(new QLabel(this))
    , m_groupBy(new QComboBox(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_centre(new QSplitter(Qt::Vertical, this))
    , m_sourcesView(new QTreeView(this))
    , m_view(new QTreeView(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new QTextBrowser(this))
    , m_inspect(new QPlainTextEdit(this))
    , m_events(detailTable(this, u"events"_s))
    , m_environment(detailTable(this, u"environment"_s))
    , m_mounts(detailTable(this, u"mounts"_s))
    , m_ports(detailTable(this, u"ports"_s))
    , m_resources(detailTable(this, u"resources"_s))
    , m_describePane(new QWidget(this))
    , m_describe(new QPlainTextEdit(this))
    , m_describeState(new QLabel(this))
    , m_describeRefresh(new QPushButton(this))
    , m_detailsState(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_filter->setSourceModel(m_list);
    m_groups->setSourceModel(m_filter);
    m_sources->setListModel(m_list);

    m_sourcesView->setObjectName(u"containerSources"_s);
    m_sourcesView->setAccessibleName(tr("Container sources"));
    m_sourcesView->setModel(m_sources);
    m_sourcesView->setHeaderHidden(true);
    m_sourcesView->setItemDelegate(new SourceDelegate(m_sourcesView));
    m_sourcesView->setTextElideMode(Qt::ElideRight);
    m_sourcesView->setExpandsOnDoubleClick(true);
    connect(m_sources, &QAbstractItemModel::rowsInserted, m_sourcesView,
            [this](const QModelIndex &under) {
                if (!under.isValid())
                    m_sourcesView->expandAll();
            });
    connect(m_sources, &QAbstractItemModel::modelReset, m_sourcesView, &QTreeView::expandAll);
    connect(m_sourcesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ContainersPage::onSourceSelected);
    m_sourcesView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_sourcesView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu *menu = createSourceMenu(m_sourcesView->indexAt(at), this);
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_sourcesView->viewport()->mapToGlobal(at));
    });

    m_view->setObjectName(u"containerList"_s);
    m_view->setAccessibleName(tr("Containers and pods"));
    m_view->setModel(m_groups);
    m_view->setItemDelegate(new ContainerDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::HostColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setSectionsMovable(true);
    m_view->header()->setStretchLastSection(false);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!currentRow())
            return;
        QMenu menu(this);
        menu.addActions(menuActions());
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ContainersPage::onCurrentChanged);
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_collapsed.append(index.data(ContainerGroupModel::GroupKeyRole).toString());
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsed.removeAll(index.data(ContainerGroupModel::GroupKeyRole).toString());
    });
    connect(m_groups, &QAbstractItemModel::layoutChanged, this, &ContainersPage::applyGroupSpans);
    connect(m_groups, &QAbstractItemModel::modelReset, this, &ContainersPage::applyGroupSpans);
    // The current row's fields follow the refreshes; its inspect is loaded once per selection.
    connect(m_list, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_list->rowOfKey(m_detailsKey);
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    updateOverview();
                    updateActions();
                }
            });
    connect(m_details, &ContainerDetails::changed, this, &ContainersPage::updateDetails);
    connect(m_details, &ContainerDetails::describeChanged, this, &ContainersPage::updateDescribe);
    // Contexts watched from an earlier session: the monitor polls them from its next start.
    if (m_monitor) {
        const QVariantMap watched = QSettings().value(u"containers/watchedContexts"_s).toMap();
        for (auto it = watched.begin(); it != watched.end(); ++it)
            m_monitor->setWatchedContexts(it.key(), it.value().toStringList());
    }

    createActions();

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view);
    m_centre->addWidget(listPane);
    m_centre->addWidget(createDetails());
    m_centre->setStretchFactor(0, 3);
    m_centre->setStretchFactor(1, 2);
    // The source tree narrows the list; "All Sources" widens it again.
    auto *sourcesPane = new QWidget(this);
    auto *sourcesLayout = new QVBoxLayout(sourcesPane);
    sourcesLayout->setContentsMargins(0, 0, 0, 0);
    sourcesLayout->setSpacing(2);
    auto *allSources = new QPushButton(tr("All Sources"), sourcesPane);
    allSources->setObjectName(u"allSources"_s);
    allSources->setFlat(true);
    connect(allSources, &QPushButton::clicked, this, [this] {
        m_sourcesView->selectionModel()->clear();
        m_sourcesView->setCurrentIndex({});
        onSourceSelected();
    });
    sourcesLayout->addWidget(allSources, 0, Qt::AlignLeft);
    sourcesLayout->addWidget(m_sourcesView, 1);
    m_splitter->addWidget(sourcesPane);
    m_splitter->addWidget(m_centre);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setSizes({300, 1100});

    m_status->setObjectName(u"containerStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(createTopBar());
    layout->addWidget(m_toolBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    restoreState();
    applyGroupSpans();
    m_sourcesView->expandAll();
    updateActions();
    updateDetails();
}

ContainersPage::~ContainersPage()
{
    saveState();
}

void ContainersPage::createActions()
{
    m_toolBar->setObjectName(u"containerActions"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    const auto make = [this](const QString &objectName, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!icon.isEmpty())
            action->setIcon(themedIcon(icon));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(u"%1 (%2)"_s.arg(text, shortcut.toString(QKeySequence::NativeText)));
        }
        // Only while the page has the focus: other pages use the same keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_refresh = make(u"refreshContainers"_s, tr("Refresh"), u"reload"_s,
                     QKeySequence(Qt::CTRL | Qt::Key_R), [this] { refresh(); });
    m_find = make(u"findContainers"_s, tr("Filter"), u"filter"_s, QKeySequence::Find, [this] {
        m_filterInput->setFocus();
        m_filterInput->selectAll();
    });
    m_copy =
        make(u"copyContainers"_s, tr("Copy"), {}, QKeySequence::Copy, [this] { copySelection(); });
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_copy);
    removeAction(m_copy);

    struct Entry {
        ContainerActionKind kind;
        QString icon;
        QKeySequence shortcut;
    };
    // F5 reloads the workspace and Ctrl+L filters the workspace tree, window-wide: these keys
    // are free everywhere.
    const QList<Entry> entries{
        {ContainerActionKind::Logs, u"log"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        {ContainerActionKind::PreviousLogs, u"log"_s, {}},
        {ContainerActionKind::Restart, u"reload"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
        {ContainerActionKind::Stop, u"pause"_s, {}},
        {ContainerActionKind::Start, u"follow"_s, {}},
        {ContainerActionKind::Delete, u"error"_s, QKeySequence(Qt::Key_Delete)},
        {ContainerActionKind::Scale, u"settings"_s, {}},
        {ContainerActionKind::RestartService, u"service"_s, {}},
        {ContainerActionKind::ComposeUp, u"follow"_s, {}},
        {ContainerActionKind::ComposeDown, u"pause"_s, {}},
    };
    for (const Entry &entry : entries) {
        QAction *action =
            make(u"container-"_s + containerActionId(entry.kind), containerActionName(entry.kind),
                 entry.icon, entry.shortcut, [this, kind = entry.kind] { runAction(kind); });
        m_actions.insert(int(entry.kind), action);
    }
    // Del edits text in the filter fields: it deletes a container only from the list.
    QAction *remove = action(ContainerActionKind::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    removeAction(remove);
    m_view->addAction(remove);
    m_exec = make(u"container-exec"_s, tr("Exec…"), u"command"_s,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
                      if (const std::optional<ContainerRow> row = currentRow())
                          openExecFor(*row);
                  });

    m_describeAction =
        make(u"container-describe"_s, tr("Describe"), u"search"_s,
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { describeCurrent(); });

    m_toolBar->addAction(m_refresh);
    m_toolBar->addSeparator();
    m_toolBar->addAction(action(ContainerActionKind::Logs));
    m_toolBar->addAction(m_exec);
    m_toolBar->addSeparator();
    for (ContainerActionKind kind :
         {ContainerActionKind::Restart, ContainerActionKind::Stop, ContainerActionKind::Start,
          ContainerActionKind::Scale, ContainerActionKind::Delete})
        m_toolBar->addAction(action(kind));
}

QWidget *ContainersPage::createTopBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_filterInput->setObjectName(u"containerFilter"_s);
    m_filterInput->setPlaceholderText(tr("Filter by name, image, host, status… (Ctrl+F)"));
    m_filterInput->setClearButtonEnabled(true);
    m_filterInput->setAccessibleName(tr("Filter"));
    connect(m_filterInput, &QLineEdit::textChanged, m_filter, &ContainerFilterModel::setText);

    m_condition->setObjectName(u"containerCondition"_s);
    m_condition->setAccessibleName(tr("Condition"));
    m_condition->addItem(tr("All"), -1);
    for (ContainerCondition condition :
         {ContainerCondition::Failing, ContainerCondition::Progressing, ContainerCondition::Running,
          ContainerCondition::Stopped})
        m_condition->addItem(themedIcon(StatusColours::verdictIconName(verdictFor(condition))),
                             containerConditionName(condition), int(condition));
    connect(m_condition, &QComboBox::currentIndexChanged, this, [this] {
        const int condition = m_condition->currentData().toInt();
        m_filter->setConditions(condition < 0
                                    ? QSet<ContainerCondition>{}
                                    : QSet<ContainerCondition>{ContainerCondition(condition)});
    });

    m_selector->setObjectName(u"labelSelector"_s);
    m_selector->setAccessibleName(tr("Label selector"));
    m_selector->setPlaceholderText(tr("Labels: app=web,tier!=cache"));
    m_selector->setClearButtonEnabled(true);
    m_selectorError->setObjectName(u"labelSelectorError"_s);
    {
        QPalette palette = m_selectorError->palette();
        palette.setColor(QPalette::WindowText, StatusColours::bad(palette));
        m_selectorError->setPalette(palette);
    }
    m_selectorError->hide();
    connect(m_selector, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString error = m_filter->setLabelSelector(text);
        m_selectorError->setText(error);
        m_selectorError->setVisible(!error.isEmpty());
        m_selector->setToolTip(error);
    });

    m_groupBy->setObjectName(u"containerGroupBy"_s);
    m_groupBy->setAccessibleName(tr("Group by"));
    m_groupBy->addItem(tr("No grouping"), int(ContainerGroupModel::Grouping::None));
    m_groupBy->addItem(tr("By host"), int(ContainerGroupModel::Grouping::Host));
    m_groupBy->addItem(tr("By project or workload"), int(ContainerGroupModel::Grouping::Project));
    m_groupBy->addItem(tr("By namespace"), int(ContainerGroupModel::Grouping::Namespace));
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        m_collapsed.clear();
        m_groups->setGrouping(ContainerGroupModel::Grouping(m_groupBy->currentData().toInt()));
        QSettings().setValue(u"containers/groupBy"_s,
                             ContainerGroupModel::groupingId(m_groups->grouping()));
    });

    layout->addWidget(m_filterInput, 3);
    layout->addWidget(m_condition);
    layout->addWidget(m_selector, 2);
    layout->addWidget(m_selectorError);
    layout->addWidget(m_groupBy);
    return bar;
}

QWidget *ContainersPage::createDetails()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_detailsState->setObjectName(u"detailsState"_s);
    m_detailsState->setWordWrap(true);
    m_tabs->setObjectName(u"containerDetails"_s);
    m_tabs->setDocumentMode(true);
    m_overview->setObjectName(u"overview"_s);
    m_overview->setOpenLinks(false);
    m_inspect->setObjectName(u"inspect"_s);
    m_inspect->setReadOnly(true);
    m_inspect->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_inspect->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(m_inspect->document());
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_inspect, tr("Inspect"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_describePane, tr("Describe"));
    m_tabs->addTab(m_environment, tr("Environment"));
    m_tabs->addTab(m_mounts, tr("Mounts"));
    m_tabs->addTab(m_ports, tr("Ports"));
    m_tabs->addTab(m_resources, tr("Resources"));
    m_events->setColumnCount(5);
    m_events->setHorizontalHeaderLabels(
        {tr("Last seen"), tr("Type"), tr("Reason"), tr("Count"), tr("Message")});
    layout->addWidget(m_detailsState);
    layout->addWidget(m_tabs, 1);

    // Describe: kubectl's own summary of a pod, its events last. Read when the tab is shown.
    m_describePane->setObjectName(u"describePane"_s);
    m_describe->setObjectName(u"describe"_s);
    m_describe->setAccessibleName(tr("kubectl describe"));
    m_describe->setReadOnly(true);
    m_describe->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_describe->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DescribeHighlighter(m_describe->document(), m_describe);
    m_describeState->setObjectName(u"describeState"_s);
    m_describeState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_describeRefresh->setObjectName(u"describeAgain"_s);
    m_describeRefresh->setText(tr("Describe Again"));
    m_describeRefresh->setIcon(themedIcon(u"reload"_s));
    m_describeRefresh->setToolTip(
        tr("Read kubectl describe again (%1)")
            .arg(
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D).toString(QKeySequence::NativeText)));
    connect(m_describeRefresh, &QPushButton::clicked, m_details, &ContainerDetails::loadDescribe);
    auto *describeBar = new QHBoxLayout;
    describeBar->setContentsMargins(4, 2, 4, 0);
    describeBar->addWidget(m_describeState, 1);
    describeBar->addWidget(m_describeRefresh);
    auto *describeLayout = new QVBoxLayout(m_describePane);
    describeLayout->setContentsMargins(0, 0, 0, 0);
    describeLayout->setSpacing(2);
    describeLayout->addLayout(describeBar);
    describeLayout->addWidget(m_describe, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ContainersPage::loadDescribeIfShown);
    return pane;
}

void ContainersPage::restoreState()
{
    const QSettings settings;
    m_view->header()->restoreState(settings.value(u"containers/header"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"containers/splitter"_s).toByteArray());
    m_centre->restoreState(settings.value(u"containers/detailsSplitter"_s).toByteArray());
    const auto grouping =
        ContainerGroupModel::groupingFromId(settings.value(u"containers/groupBy"_s).toString());
    m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findData(int(grouping))));
    if (settings.value(u"containers/header"_s).isNull()) {
        // First run: the context and node columns are for clusters; the rest fits.
        QHeaderView *header = m_view->header();
        header->resizeSection(ContainerListModel::HostColumn, 120);
        header->resizeSection(ContainerListModel::RuntimeColumn, 85);
        header->resizeSection(ContainerListModel::NamespaceColumn, 90);
        header->resizeSection(ContainerListModel::ProjectColumn, 160);
        header->resizeSection(ContainerListModel::NameColumn, 200);
        header->resizeSection(ContainerListModel::ImageColumn, 170);
        header->resizeSection(ContainerListModel::StatusColumn, 180);
        header->resizeSection(ContainerListModel::RestartsColumn, 110);
        for (int column : {int(ContainerListModel::ReadyColumn), int(ContainerListModel::CpuColumn),
                           int(ContainerListModel::AgeColumn)})
            header->resizeSection(column, 60);
        m_view->header()->hideSection(ContainerListModel::ContextColumn);
        m_view->header()->hideSection(ContainerListModel::NodeColumn);
    }
}

void ContainersPage::saveState() const
{
    QSettings settings;
    settings.setValue(u"containers/header"_s, m_view->header()->saveState());
    settings.setValue(u"containers/splitter"_s, m_splitter->saveState());
    settings.setValue(u"containers/detailsSplitter"_s, m_centre->saveState());
}

void ContainersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Hidden pages cost the hosts nothing: the pollers run while the page is shown.
    if (m_monitor)
        m_monitor->setActive(true);
}

void ContainersPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_monitor)
        m_monitor->setActive(false);
    saveState();
}

void ContainersPage::applyGroupSpans()
{
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        const QModelIndex group = m_groups->index(row, 0);
        if (!group.data(ContainerGroupModel::GroupRole).toBool())
            break; // not grouped: no spans, no children
        m_view->setFirstColumnSpanned(row, {}, true);
        m_view->setExpanded(
            group, !m_collapsed.contains(group.data(ContainerGroupModel::GroupKeyRole).toString()));
    }
}

void ContainersPage::onSourceSelected()
{
    const QModelIndex index = m_sourcesView->currentIndex();
    m_filter->setScope(index.data(ContainerSourcesModel::HostRole).toString(),
                       index.data(ContainerSourcesModel::SourceKeyRole).toString());
    applyGroupSpans();
}

std::optional<ContainerRow> ContainersPage::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.data(ContainerGroupModel::GroupRole).toBool())
        return std::nullopt;
    const QModelIndex inFilter = m_groups->mapToSource(index);
    const QModelIndex inList = m_filter->mapToSource(inFilter);
    if (!inList.isValid() || m_list->isPlaceholder(inList.row()))
        return std::nullopt;
    return m_list->rowAt(inList.row());
}

bool ContainersPage::selectKey(const QString &key)
{
    const int row = m_list->rowOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex index =
        m_groups->mapFromSource(m_filter->mapFromSource(m_list->index(row, 0)));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ContainersPage::onCurrentChanged()
{
    const std::optional<ContainerRow> row = currentRow();
    const QString key = row ? row->key() : QString();
    if (key != m_detailsKey) {
        m_detailsKey = key;
        if (row)
            m_details->load(*row, settingsFor(row->host));
        else
            m_details->clear();
        loadDescribeIfShown();
    }
    updateOverview();
    updateActions();
}

QList<QAction *> ContainersPage::menuActions() const
{
    QList<QAction *> actions;
    const std::optional<ContainerRow> row = currentRow();
    if (!row)
        return actions;
    for (ContainerActionKind kind : containerActionsFor(*row)) {
        if (QAction *found = action(kind))
            actions.append(found);
        if (kind == ContainerActionKind::Logs || kind == ContainerActionKind::PreviousLogs) {
            if (!actions.contains(m_exec) && containerCanExec(*row))
                actions.append(m_exec);
        }
    }
    if (row->runtime == ContainerRuntime::Kubernetes)
        actions.append(m_describeAction);
    actions.append(m_copy);
    return actions;
}

void ContainersPage::updateActions()
{
    const std::optional<ContainerRow> row = currentRow();
    const QList<ContainerActionKind> kinds =
        row ? containerActionsFor(*row) : QList<ContainerActionKind>{};
    // Read-only mode does not grey these out: the runner refuses and says why.
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it) {
        const bool applies = kinds.contains(ContainerActionKind(it.key()));
        it.value()->setEnabled(applies);
        it.value()->setVisible(applies || m_toolBar->actions().contains(it.value()));
    }
    m_exec->setEnabled(row && containerCanExec(*row));
    m_describeAction->setEnabled(row && row->runtime == ContainerRuntime::Kubernetes);
    m_copy->setEnabled(m_view->selectionModel()->hasSelection());
}

void ContainersPage::updateOverview()
{
    const int at = m_list->rowOfKey(m_detailsKey);
    if (at < 0) {
        m_overview->setHtml(u"<p>%1</p>"_s.arg(
            tr("Select a container or pod to see its details.").toHtmlEscaped()));
        return;
    }
    const ContainerRow &row = m_list->rowAt(at);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<std::pair<QString, QString>> fields{
        {tr("Name"), row.name},
        {tr("Host"), row.host},
        {tr("Runtime"), containerRuntimeName(row.runtime)},
        {tr("Context"), row.context},
        {tr("Namespace"), row.kubeNamespace},
        {tr("Project or workload"), row.project},
        {tr("Service"), row.service},
        {tr("Image"), row.image},
        {tr("ID"), row.id},
        {tr("Condition"), containerConditionName(row.condition)},
        {tr("State"), row.state},
        {tr("Status"), ContainerListModel::statusText(row)},
        {tr("Reason"), row.reason},
        {tr("Exit code"), row.exitCode >= 0 ? QString::number(row.exitCode) : QString()},
        {tr("Ready"), ContainerListModel::readyText(row)},
        {tr("Restarts"), ContainerListModel::restartsText(row, now)},
        {tr("Last restart reason"), row.lastRestartReason},
        {tr("CPU"), ContainerListModel::cpuText(row.cpuMillicores)},
        {tr("Memory"), ContainerListModel::memoryText(row.memoryBytes, row.memoryLimitBytes)},
        {tr("Ports"), row.ports},
        {tr("Node"), row.node},
        {tr("Pod IP"), row.podIp},
        {tr("Containers"), row.containers.join(u", ")},
        {tr("Compose directory"), row.composeWorkingDirectory},
        {tr("Compose files"), row.composeFiles.join(u", ")},
        {tr("Created"), row.created.isValid()
                            ? QLocale().toString(row.created.toLocalTime(), QLocale::ShortFormat)
                            : QString()},
    };
    QStringList labels;
    for (auto it = row.labels.begin(); it != row.labels.end(); ++it)
        labels.append(QString(it.key() + u'=' + it.value()).toHtmlEscaped());
    QString html = u"<table cellspacing='0' cellpadding='3'>"_s;
    for (const auto &[name, value] : fields) {
        if (value.isEmpty())
            continue;
        html += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(name.toHtmlEscaped(),
                                                                value.toHtmlEscaped());
    }
    if (!labels.isEmpty())
        html += u"<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>"_s.arg(
            tr("Labels").toHtmlEscaped(), labels.join(u"<br>"));
    html += u"</table>"_s;
    m_overview->setHtml(html);
}

void ContainersPage::fillTable(QTableWidget *table, const ContainerDetailTable &data)
{
    table->clear();
    table->setColumnCount(int(data.headers.size()));
    table->setHorizontalHeaderLabels(data.headers);
    table->setRowCount(int(data.rows.size()));
    for (int row = 0; row < data.rows.size(); ++row) {
        for (int column = 0; column < data.rows[row].size(); ++column)
            table->setItem(row, column, new QTableWidgetItem(data.rows[row][column]));
    }
    table->resizeColumnsToContents();
}

void ContainersPage::updateDetails()
{
    const ContainerDetailSections &sections = m_details->sections();
    QString state;
    if (m_detailsKey.isEmpty())
        state = tr("Nothing selected.");
    else if (m_details->isLoading())
        state = tr("Loading details of %1…").arg(m_details->row().name);
    if (!m_details->error().isEmpty())
        state = tr("Details: %1").arg(m_details->error());
    m_detailsState->setText(state);
    m_detailsState->setVisible(!state.isEmpty());
    if (m_inspect->toPlainText() != sections.prettyJson)
        m_inspect->setPlainText(sections.prettyJson);
    fillTable(m_environment, sections.environment);
    fillTable(m_mounts, sections.mounts);
    fillTable(m_ports, sections.ports);
    fillTable(m_resources, sections.resources);

    const QList<ContainerEvent> &events = m_details->events();
    m_events->setRowCount(int(events.size()));
    for (int row = 0; row < events.size(); ++row) {
        const ContainerEvent &event = events[row];
        const QStringList cells{event.time.isValid() ? QLocale().toString(event.time.toLocalTime(),
                                                                          QLocale::ShortFormat)
                                                     : QString(),
                                event.type, event.reason, QString::number(event.count),
                                event.message};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (event.type == u"Warning")
                item->setForeground(StatusColours::caution(m_events->palette()));
            m_events->setItem(row, column, item);
        }
    }
    m_events->resizeColumnsToContents();
    // The selected row's runtime: while a load starts, the details have no row for a moment, and
    // hiding the Describe tab then would move the operator off it.
    const int at = m_list->rowOfKey(m_detailsKey);
    const bool pod = at >= 0 && m_list->rowAt(at).runtime == ContainerRuntime::Kubernetes;
    m_tabs->setTabEnabled(m_tabs->indexOf(m_events), pod || m_detailsKey.isEmpty());
    // Docker and podman have no describe: their Inspect tab is all they can say.
    m_tabs->setTabVisible(m_tabs->indexOf(m_describePane), pod || m_detailsKey.isEmpty());
}

ContainerSettings ContainersPage::settingsFor(const QString &host) const
{
    return m_monitor ? m_monitor->settingsFor(host) : ContainerSettings{};
}

int ContainersPage::currentReplicas(const ContainerRow &row) const
{
    if (row.runtime == ContainerRuntime::Kubernetes) {
        const std::optional<KubeWorkload> workload = m_list->workloadOf(row);
        return workload && workload->desired >= 0 ? workload->desired : 1;
    }
    // Compose: the service's containers that the list knows.
    int count = 0;
    for (int at = 0; at < m_list->rowCount(); ++at) {
        if (m_list->isPlaceholder(at))
            continue;
        const ContainerRow &other = m_list->rowAt(at);
        count += other.host == row.host && other.runtime == row.runtime &&
                         other.project == row.project && other.service == row.service
                     ? 1
                     : 0;
    }
    return std::max(count, 1);
}

void ContainersPage::runAction(ContainerActionKind kind)
{
    const std::optional<ContainerRow> row = currentRow();
    if (!row)
        return;
    if (!containerActionsFor(*row).contains(kind)) {
        m_status->setText(tr("%1 does not apply to %2.").arg(containerActionName(kind), row->name));
        return;
    }
    if (kind == ContainerActionKind::Logs || kind == ContainerActionKind::PreviousLogs) {
        const bool previous = kind == ContainerActionKind::PreviousLogs;
        LiveLogSpec spec = containerLogSpec(*row, settingsFor(row->host), previous);
        const QString title = previous ? tr("%1 (previous) on %2").arg(row->name, row->host)
                                       : tr("%1 on %2").arg(row->name, row->host);
        Q_EMIT openLog(spec, title,
                       tr("%1 %2 on %3%4")
                           .arg(containerRuntimeName(row->runtime), row->name, row->host,
                                previous ? tr(", previous instance") : QString()));
        return;
    }
    if (kind == ContainerActionKind::Scale) {
        askReplicas(*row);
        return;
    }
    confirmAndRun(*row, kind, {});
}

void ContainersPage::askReplicas(const ContainerRow &row)
{
    // Not exec(): the page keeps updating while the operator thinks.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"scaleDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Scale"));
    const QString what = row.runtime == ContainerRuntime::Kubernetes ? row.project : row.service;
    dialog->setLabelText(tr("Replicas of %1:").arg(what));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, 1000);
    dialog->setIntValue(currentReplicas(row));
    connect(dialog, &QInputDialog::intValueSelected, this, [this, row](int replicas) {
        ContainerActionInput input;
        input.replicas = replicas;
        confirmAndRun(row, ContainerActionKind::Scale, input);
    });
    dialog->open();
}

void ContainersPage::confirmAndRun(const ContainerRow &row, ContainerActionKind kind,
                                   const ContainerActionInput &input)
{
    QString whyNot;
    std::optional<CommandRequest> request =
        containerActionRequest(row, kind, settingsFor(row.host), input, &whyNot);
    if (!request) {
        m_status->setText(whyNot);
        return;
    }
    // No question about a host that cannot be reached from here.
    if (!m_runner || !m_executors || !m_executors(row.host)) {
        m_status->setText(tr("%1: no connection to %2.").arg(containerActionName(kind), row.host));
        return;
    }
    const RiskAssessment risk = CommandRunner::assess(*request);
    // In read-only mode there is nothing to confirm: the runner refuses, and says so.
    if (m_readOnly && !m_readOnly->refusal(risk.risk).isEmpty()) {
        startRun(row, kind, *request);
        return;
    }
    const QString target = containerActionTarget(row, kind);
    const QString question =
        tr("%1 %2 on %3:\n%4")
            .arg(containerActionName(kind), target, row.host, request->displayText());
    askToConfirmRisk(
        this, risk.risk, question, risk.reason, target,
        [this, row, kind, request = *request, risk = risk.risk](bool confirmed) mutable {
            if (!confirmed) {
                m_status->setText(tr("%1 cancelled.").arg(containerActionName(kind)));
                return;
            }
            request.confirmedRisk = risk;
            request.confirmedHosts = {row.host};
            startRun(row, kind, request);
        });
}

void ContainersPage::startRun(const ContainerRow &row, ContainerActionKind kind,
                              CommandRequest request)
{
    Executor *executor = m_runner && m_executors ? m_executors(row.host) : nullptr;
    if (!executor) {
        m_status->setText(tr("%1: no connection to %2.").arg(containerActionName(kind), row.host));
        return;
    }
    std::optional<qint64> incident;
    if (m_incidents && m_incidents->incident() && m_incidents->incident()->isActive())
        incident = m_incidents->incident()->incident().id;
    const QString what =
        tr("%1 %2").arg(containerActionName(kind), containerActionTarget(row, kind));
    m_status->setText(tr("%1: running…").arg(what));
    CommandRun *run = m_runner->run(executor, request, this, incident);
    auto errors = std::make_shared<QByteArray>();
    connect(run, &CommandRun::standardError, this,
            [errors](const QByteArray &bytes) { errors->append(bytes.left(16 * 1024)); });
    connect(run, &CommandRun::finished, this,
            [this, run, errors, what, host = row.host](const CommandResult &result) {
                run->deleteLater();
                const QString stderrText = QString::fromUtf8(*errors).trimmed();
                QString text;
                switch (result.outcome) {
                case CommandResult::Outcome::Exited:
                    text = result.exitCode == 0
                               ? tr("%1: done.").arg(what)
                               : tr("%1: failed with exit code %2.").arg(what).arg(result.exitCode);
                    break;
                case CommandResult::Outcome::Failed:
                    text = tr("%1: not run: %2").arg(what, result.error);
                    break;
                default:
                    text =
                        tr("%1: stopped (%2).")
                            .arg(what, result.error.isEmpty() ? result.signalName : result.error);
                    break;
                }
                if (!stderrText.isEmpty())
                    text += u'\n' + stderrText;
                m_status->setText(text);
                Q_EMIT message(text.section(u'\n', 0, 0));
                if (m_monitor && result.outcome == CommandResult::Outcome::Exited)
                    m_monitor->refreshHost(host);
            });
}

void ContainersPage::openExecFor(const ContainerRow &row)
{
    const QStringList choices = containerExecChoices(row);
    if (choices.size() <= 1) {
        emitExec(row, choices.value(0));
        return;
    }
    // Sidecars and running init containers: which one is the operator's to say. Not exec():
    // the page keeps updating while they choose.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"execContainerDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Exec"));
    dialog->setLabelText(tr("Container of %1 to run the command in:").arg(row.name));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setComboBoxItems(choices);
    dialog->setComboBoxEditable(false);
    const QString last = m_execContainers.value(row.key());
    dialog->setTextValue(choices.contains(last) ? last : choices.first());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, row](const QString &container) {
        m_execContainers.insert(row.key(), container);
        emitExec(row, container);
    });
    dialog->open();
}

void ContainersPage::emitExec(const ContainerRow &row, const QString &kubeContainer)
{
    const QStringList prefix = containerExecPrefix(row, settingsFor(row.host), kubeContainer);
    Q_EMIT openExec(row.host, shellJoin(prefix) + u' ');
}

void ContainersPage::describeCurrent()
{
    const std::optional<ContainerRow> row = currentRow();
    if (!row || row->runtime != ContainerRuntime::Kubernetes) {
        m_status->setText(tr("Describe is for Kubernetes pods: select a pod."));
        return;
    }
    // Showing the tab reads it the first time; asked again, it is read again.
    const bool readBefore = m_details->hasDescribe();
    m_tabs->setCurrentWidget(m_describePane);
    if (readBefore)
        m_details->loadDescribe();
}

void ContainersPage::loadDescribeIfShown()
{
    if (m_tabs->currentWidget() != m_describePane || m_detailsKey.isEmpty() ||
        m_details->hasDescribe() || m_details->row().runtime != ContainerRuntime::Kubernetes)
        return;
    m_details->loadDescribe();
}

void ContainersPage::updateDescribe()
{
    QString state;
    if (m_details->isDescribing())
        state = tr("Reading kubectl describe pod %1…").arg(m_details->row().name);
    else if (!m_details->describeError().isEmpty())
        state = tr("Describe: %1").arg(m_details->describeError());
    else if (m_details->hasDescribe())
        state = tr("kubectl describe pod %1, read at %2")
                    .arg(m_details->row().name,
                         QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
    m_describeState->setText(state);
    m_describeRefresh->setEnabled(!m_detailsKey.isEmpty() &&
                                  m_details->row().runtime == ContainerRuntime::Kubernetes);
    // Another pod's text goes at once; the same pod's stays while it is read again.
    const QString key = m_details->hasDescribe() ? m_details->row().key() : QString();
    if (key != m_describedKey) {
        m_describedKey = key;
        m_describe->clear();
    }
    const QString text = m_details->describeText();
    if (m_details->isDescribing() || m_describe->toPlainText() == text)
        return;
    m_describe->setPlainText(text);
    // The events are what an operator opens describe for: the view ends with them, their
    // heading in sight, the rest above.
    m_describe->moveCursor(QTextCursor::End);
    m_describe->ensureCursorVisible();
    const QTextCursor events = m_describe->document()->find(QRegularExpression(u"^Events:"_s));
    if (!events.isNull()) {
        QTextCursor heading(events.block());
        m_describe->setTextCursor(heading);
        m_describe->ensureCursorVisible();
    }
}

QStringList ContainersPage::watchedContexts(const QString &host) const
{
    return QSettings().value(u"containers/watchedContexts"_s).toMap().value(host).toStringList();
}

void ContainersPage::setContextWatched(const QString &host, const QString &context, bool watched)
{
    QSettings settings;
    QVariantMap all = settings.value(u"containers/watchedContexts"_s).toMap();
    QStringList contexts = all.value(host).toStringList();
    if (watched && !contexts.contains(context))
        contexts.append(context);
    if (!watched)
        contexts.removeAll(context);
    if (contexts.isEmpty())
        all.remove(host);
    else
        all.insert(host, contexts);
    settings.setValue(u"containers/watchedContexts"_s, all);
    if (m_monitor)
        m_monitor->setWatchedContexts(host, contexts);
    // Two clusters' pods share names: the context column tells them apart.
    if (watched)
        m_view->header()->showSection(ContainerListModel::ContextColumn);
    m_status->setText(watched
                          ? tr("Watching Kubernetes context %1 on %2: its pods follow "
                               "with the next read.")
                                .arg(context, host)
                          : tr("Stopped watching Kubernetes context %1 on %2.").arg(context, host));
}

QStringList ContainersPage::unpolledContexts(const QString &host) const
{
    QStringList polled = watchedContexts(host);
    QStringList available;
    const QList<ContainerSource> sources = m_list->sources();
    for (const ContainerSource &source : sources) {
        if (source.host != host || source.runtime != ContainerRuntime::Kubernetes)
            continue;
        polled.append(source.context);
        for (const QString &context : source.availableContexts) {
            if (!available.contains(context))
                available.append(context);
        }
    }
    QStringList others;
    for (const QString &context : std::as_const(available)) {
        if (!polled.contains(context))
            others.append(context);
    }
    return others;
}

QMenu *ContainersPage::createSourceMenu(const QModelIndex &index, QWidget *parent)
{
    const QString host = index.data(ContainerSourcesModel::HostRole).toString();
    if (host.isEmpty())
        return nullptr;
    auto *menu = new QMenu(parent);
    menu->setObjectName(u"sourceMenu"_s);
    QMenu *watch = menu->addMenu(themedIcon(u"follow"_s), tr("Watch Context"));
    watch->setObjectName(u"watchContextMenu"_s);
    const QStringList others = unpolledContexts(host);
    for (const QString &context : others) {
        QAction *action = watch->addAction(context);
        action->setObjectName(u"watch:"_s + context);
        connect(action, &QAction::triggered, this,
                [this, host, context] { setContextWatched(host, context, true); });
    }
    // Without a monitor nothing would poll the context.
    watch->setEnabled(m_monitor && !others.isEmpty());
    QMenu *stop = menu->addMenu(themedIcon(u"pause"_s), tr("Stop Watching"));
    stop->setObjectName(u"stopWatchingMenu"_s);
    const QStringList watched = watchedContexts(host);
    for (const QString &context : watched) {
        QAction *action = stop->addAction(context);
        action->setObjectName(u"stop:"_s + context);
        connect(action, &QAction::triggered, this,
                [this, host, context] { setContextWatched(host, context, false); });
    }
    stop->setEnabled(!watched.isEmpty());
    return menu;
}

void ContainersPage::copySelection() const
{
    QStringList lines;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.data(ContainerGroupModel::GroupRole).toBool())
            continue;
        QStringList cells;
        for (int column = 0; column < m_groups->columnCount(); ++column)
            cells.append(index.siblingAtColumn(column).data().toString());
        lines.append(cells.join(u'\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void ContainersPage::refresh()
{
    if (m_monitor)
        m_monitor->refreshNow();
}

} // namespace OpsDeck
