// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/database/databasespage.h"

#include "models/core/risk.h"
#include "models/core/units.h"
#include "models/database/databasequeries.h"
#include "models/database/databasesession.h"
#include "widgets/common/confirmation.h"
#include "widgets/common/passwordprompt.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/dashboard/timecharts.h"
#include "widgets/database/databasefilters.h"
#include "widgets/database/sqlhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

constexpr int DatabaseNameRole = Qt::UserRole + 1;

DatabaseView viewOf(DatabasesPage::Tab tab)
{
    switch (tab) {
    case DatabasesPage::Tab::Overview:
        return DatabaseView::Overview;
    case DatabasesPage::Tab::Activity:
    case DatabasesPage::Tab::Locks:
    case DatabasesPage::Tab::LongRunning:
        return DatabaseView::Activity;
    case DatabasesPage::Tab::Statements:
        return DatabaseView::Statements;
    case DatabasesPage::Tab::Tables:
        return DatabaseView::Tables;
    case DatabasesPage::Tab::Replication:
        return DatabaseView::Replication;
    }
    return DatabaseView::Overview;
}

Verdict verdictFromInt(int verdict)
{
    return verdict >= int(DatabaseVerdict::Critical)  ? Verdict::Critical
           : verdict == int(DatabaseVerdict::Warning) ? Verdict::Warning
                                                      : Verdict::Ok;
}

// The tables' look: a cell with a warning or critical verdict in its colour with its icon
// (colour never stands alone); OpsDeck's own sessions grey and italic.
class VerdictDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ActivityFilter::OwnRole).toBool()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::Disabled, QPalette::Text));
            return;
        }
        const int verdict = index.data(KeyedTableRole::Verdict).toInt();
        if (verdict <= 0)
            return;
        const Verdict as = verdictFromInt(verdict);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = themedIcon(StatusColours::verdictIconName(as));
        option->palette.setColor(QPalette::Text, StatusColours::forVerdict(as, option->palette));
    }
};

// The lock tree's look: a root blocker bold with a warning icon and the words "root blocker";
// a ring of waiters in the failure colour.
class LockDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool root = index.data(LockTreeModel::IsRootRole).toBool();
        const bool cycle = index.data(LockTreeModel::IsCycleRole).toBool();
        if (root)
            option->font.setBold(true);
        if (cycle)
            option->palette.setColor(QPalette::Text, StatusColours::bad(option->palette));
        if (index.column() != LockTreeModel::Pid || (!root && !cycle))
            return;
        option->features |= QStyleOptionViewItem::HasDecoration;
        if (root && cycle) {
            option->icon = themedIcon(u"error"_s);
            option->text = DatabasesPage::tr("%1 · ring of waiters").arg(option->text);
        } else if (root) {
            option->icon = themedIcon(u"warning"_s);
            option->text = DatabasesPage::tr("%1 · root blocker").arg(option->text);
        } else {
            option->icon = themedIcon(u"error"_s);
        }
    }
};

QLabel *banner(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAutoFillBackground(true);
    label->setMargin(6);
    label->hide();
    return label;
}

void colourBanner(QLabel *label, const QColor &accent)
{
    QPalette palette = label->palette();
    QColor background = accent;
    background.setAlpha(40);
    palette.setColor(QPalette::Window, background);
    label->setPalette(palette);
}

QString stateName(DatabaseConnectionState state)
{
    switch (state) {
    case DatabaseConnectionState::Idle:
        return DatabasesPage::tr("not connected");
    case DatabaseConnectionState::Connecting:
        return DatabasesPage::tr("connecting");
    case DatabaseConnectionState::Open:
        return DatabasesPage::tr("open");
    case DatabaseConnectionState::Lost:
        return DatabasesPage::tr("lost");
    case DatabaseConnectionState::Failed:
        return DatabasesPage::tr("failed");
    }
    return {};
}

QString stateIcon(DatabaseConnectionState state)
{
    switch (state) {
    case DatabaseConnectionState::Idle:
        return u"unknown"_s;
    case DatabaseConnectionState::Connecting:
        return u"reload"_s;
    case DatabaseConnectionState::Open:
        return u"ok"_s;
    case DatabaseConnectionState::Lost:
        return u"warning"_s;
    case DatabaseConnectionState::Failed:
        return u"error"_s;
    }
    return u"unknown"_s;
}

QLineSeries *mappedSeries(QChart *chart, QAbstractItemModel *model, int column, const QString &name,
                          QList<QObject *> &mappers)
{
    auto *series = new QLineSeries;
    series->setName(name);
    chart->addSeries(series);
    auto *mapper = new QVXYModelMapper(chart);
    mapper->setXColumn(OverviewHistoryModel::Time);
    mapper->setYColumn(column);
    mapper->setSeries(series);
    mapper->setModel(model);
    mappers.append(mapper);
    return series;
}

} // namespace

DatabasesPage::DatabasesPage(DatabaseMonitor *monitor, ReadOnlyMode *readOnly, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_readOnly(readOnly)
    , m_databases(new QTreeWidget(this))
    , m_toolBar(new QToolBar(this))
    , m_interval(new QComboBox(this))
    , m_filterInput(new QLineEdit(this))
    , m_stateBanner(banner(this, u"databaseState"_s))
    , m_hintBanner(banner(this, u"databaseHints"_s))
    , m_tabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_detailsSplitter(new QSplitter(Qt::Vertical, this))
    , m_details(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_statsView(nullptr)
    , m_ioView(nullptr)
    , m_connectionsChart(new QChart)
    , m_connectionsView(new QChartView(m_connectionsChart, this))
    , m_transactionsChart(new QChart)
    , m_transactionsView(new QChartView(m_transactionsChart, this))
    , m_activityFilter(new ActivityFilter(ActivityFilter::Mode::All, this))
    , m_longRunningFilter(new ActivityFilter(ActivityFilter::Mode::LongRunning, this))
    , m_locksFilter(new DatabaseTableFilter(this))
    , m_hideIdle(new QCheckBox(tr("Hide idle"), this))
    , m_minimumDuration(new QSpinBox(this))
    , m_locksEmpty(new QLabel(tr("No session waits for a lock."), this))
    , m_longRunningNote(new QLabel(this))
    , m_statementsFilter(new DatabaseTableFilter(this))
    , m_statementsUnavailable(new QLabel(this))
    , m_tablesFilter(new DatabaseTableFilter(this))
    , m_indexesFilter(new DatabaseTableFilter(this))
    , m_replicasFilter(new DatabaseTableFilter(this))
    , m_slotsFilter(new DatabaseTableFilter(this))
    , m_statsFilter(new DatabaseTableFilter(this))
    , m_ioFilter(new DatabaseTableFilter(this))
    , m_archiver(new QLabel(this))
{
    m_databases->setObjectName(u"databaseList"_s);
    m_databases->setAccessibleName(tr("Databases"));
    m_databases->setColumnCount(2);
    m_databases->setHeaderLabels({tr("Database"), tr("State")});
    m_databases->setRootIsDecorated(true);
    m_databases->header()->setStretchLastSection(true);
    m_databases->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_databases->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_databases->header()->setStretchLastSection(false);
    connect(m_databases, &QTreeWidget::currentItemChanged, this,
            &DatabasesPage::onDatabaseSelected);

    createActions();

    m_tabs->setObjectName(u"databaseTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverviewTab(), themedIcon(u"overview"_s), tr("Overview"));
    m_tabs->addTab(createActivityTab(), tr("Activity"));
    m_tabs->addTab(createLocksTab(), themedIcon(u"lock"_s), tr("Locks"));
    m_tabs->addTab(createLongRunningTab(), tr("Long-running"));
    m_tabs->addTab(createStatementsTab(), tr("Slow queries"));
    m_tabs->addTab(createTablesTab(), tr("Tables"));
    m_tabs->addTab(createReplicationTab(), tr("Replication"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_session)
            m_session->setActiveView(viewOf(currentTab()));
        updateBanners();
        updateDetails();
        updateActions();
    });

    m_details->setObjectName(u"queryDetails"_s);
    m_details->setAccessibleName(tr("Query text"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a session or statement to see its whole query."));
    m_highlighter = new SqlHighlighter(m_details->document(), this);

    m_detailsSplitter->setObjectName(u"databaseDetailsSplitter"_s);
    m_detailsSplitter->addWidget(m_tabs);
    m_detailsSplitter->addWidget(m_details);
    m_detailsSplitter->setStretchFactor(0, 4);
    m_detailsSplitter->setStretchFactor(1, 1);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(4);
    centreLayout->addWidget(m_stateBanner);
    centreLayout->addWidget(m_hintBanner);
    centreLayout->addWidget(m_detailsSplitter, 1);

    m_splitter->setObjectName(u"databasesSplitter"_s);
    m_splitter->addWidget(m_databases);
    m_splitter->addWidget(centre);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setSizes({260, 1140});

    m_status->setObjectName(u"databaseStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(createToolBar());
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    if (m_monitor)
        connect(m_monitor, &DatabaseMonitor::databasesChanged, this,
                &DatabasesPage::rebuildDatabaseList);
    restoreState();
    rebuildDatabaseList();
    updateBanners();
    updateActions();
}

DatabasesPage::~DatabasesPage()
{
    saveState();
}

// --- Construction ----------------------------------------------------------------------------

void DatabasesPage::createActions()
{
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
    // F5 is the window's (reload the workspace) elsewhere: here keyPressEvent() takes it.
    m_refresh = make(u"refreshDatabase"_s, tr("Refresh now"), u"reload"_s, {}, [this] {
        if (m_session)
            m_session->refreshNow();
    });
    m_refresh->setToolTip(tr("Read the shown view now (F5)"));
    m_pause = make(u"pauseDatabase"_s, tr("Pause"), u"pause"_s, {}, [this](bool paused) {
        if (m_session)
            m_session->setPaused(paused || !m_shown);
        m_status->setText(paused ? tr("Refresh paused.") : QString());
    });
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop refreshing; Refresh now still reads once"));
    m_find = make(u"findDatabase"_s, tr("Filter"), u"filter"_s, QKeySequence::Find, [this] {
        m_filterInput->setFocus();
        m_filterInput->selectAll();
    });
    m_copy =
        make(u"copyDatabase"_s, tr("Copy"), {}, QKeySequence::Copy, [this] { copySelection(); });

    m_actions.insert(int(Action::Cancel), make(u"cancelQuery"_s, tr("Cancel Query…"), u"pause"_s,
                                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                               [this] { runAction(Action::Cancel); }));
    m_actions.insert(int(Action::Terminate),
                     make(u"terminateBackend"_s, tr("Terminate Session…"), u"error"_s,
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                          [this] { runAction(Action::Terminate); }));
    m_actions.insert(int(Action::TerminateIdle),
                     make(u"terminateIdle"_s, tr("Terminate Idle…"), u"warning"_s, {},
                          [this] { runAction(Action::TerminateIdle); }));
    m_actions.insert(int(Action::Vacuum),
                     make(u"vacuumTable"_s, tr("VACUUM ANALYZE…"), u"service"_s, {},
                          [this] { runAction(Action::Vacuum); }));
    m_actions.insert(int(Action::ResetStatements),
                     make(u"resetStatements"_s, tr("Reset Statistics…"), u"reload"_s, {},
                          [this] { runAction(Action::ResetStatements); }));
    action(Action::TerminateIdle)
        ->setToolTip(tr("Terminate the client sessions idle for longer than some minutes; the "
                        "list is shown before anything happens"));
}

QToolBar *DatabasesPage::createToolBar()
{
    m_toolBar->setObjectName(u"databaseToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));

    m_interval->setObjectName(u"refreshInterval"_s);
    m_interval->setAccessibleName(tr("Refresh interval"));
    m_interval->setToolTip(tr("How often the shown view is read"));
    m_interval->addItem(tr("Every 2 s"), 2000);
    m_interval->addItem(tr("Every 5 s"), 5000);
    m_interval->addItem(tr("Every 10 s"), 10000);
    m_interval->addItem(tr("Every 30 s"), 30000);
    m_interval->addItem(tr("Every minute"), 60000);
    m_interval->setCurrentIndex(1);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        if (m_session)
            m_session->setInterval(m_interval->currentData().toInt());
        QSettings().setValue(u"databases/interval"_s, m_interval->currentData().toInt());
    });

    m_filterInput->setObjectName(u"databaseFilter"_s);
    m_filterInput->setAccessibleName(tr("Filter"));
    m_filterInput->setPlaceholderText(tr("Filter the rows (Ctrl+F)"));
    m_filterInput->setClearButtonEnabled(true);
    connect(m_filterInput, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (DatabaseTableFilter *filter :
             {static_cast<DatabaseTableFilter *>(m_activityFilter),
              static_cast<DatabaseTableFilter *>(m_longRunningFilter), m_locksFilter,
              m_statementsFilter, m_tablesFilter, m_indexesFilter, m_replicasFilter, m_slotsFilter,
              m_statsFilter, m_ioFilter})
            filter->setText(text);
        m_locksView->expandAll();
    });

    m_toolBar->addWidget(m_interval);
    m_toolBar->addAction(m_pause);
    m_toolBar->addAction(m_refresh);
    m_toolBar->addSeparator();
    m_toolBar->addAction(action(Action::Cancel));
    m_toolBar->addAction(action(Action::Terminate));
    m_toolBar->addAction(action(Action::TerminateIdle));
    m_toolBar->addSeparator();
    auto *filterBox = new QWidget(m_toolBar);
    auto *filterLayout = new QHBoxLayout(filterBox);
    filterLayout->setContentsMargins(6, 0, 0, 0);
    filterLayout->addWidget(m_filterInput);
    m_filterInput->setMinimumWidth(260);
    m_toolBar->addWidget(filterBox);
    return m_toolBar;
}

QTreeView *DatabasesPage::newTable(const QString &objectName, const QString &accessibleName)
{
    auto *view = new QTreeView(this);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setSortingEnabled(true);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setAllColumnsShowFocus(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setItemDelegate(new VerdictDelegate(view));
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->header()->setSectionsMovable(true);
    view->header()->setStretchLastSection(true);
    view->header()->setSortIndicator(0, Qt::AscendingOrder);
    view->addAction(m_copy);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &at) {
        if (!view->indexAt(at).isValid())
            return;
        QMenu menu(this);
        if (view == m_activityView || view == m_locksView || view == m_longRunningView) {
            menu.addAction(action(Action::Cancel));
            menu.addAction(action(Action::Terminate));
            menu.addSeparator();
        } else if (view == m_tablesView) {
            menu.addAction(action(Action::Vacuum));
            menu.addSeparator();
        } else if (view == m_statementsView) {
            menu.addAction(action(Action::ResetStatements));
            menu.addSeparator();
        }
        menu.addAction(m_copy);
        menu.exec(view->viewport()->mapToGlobal(at));
    });
    return view;
}

QWidget *DatabasesPage::createOverviewTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"overviewTab"_s);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);

    auto *figures = new QWidget(page);
    auto *grid = new QGridLayout(figures);
    grid->setContentsMargins(4, 0, 4, 0);
    grid->setHorizontalSpacing(24);
    const QList<std::pair<QString, QString>> names{
        {u"version"_s, tr("Version")},
        {u"uptime"_s, tr("Up for")},
        {u"connections"_s, tr("Connections")},
        {u"cacheHit"_s, tr("Cache hit ratio")},
        {u"transactions"_s, tr("Transactions/s")},
        {u"rollbacks"_s, tr("Rollbacks")},
        {u"deadlocks"_s, tr("Deadlocks")},
        {u"tempFiles"_s, tr("Temp files")},
    };
    for (int at = 0; at < names.size(); ++at) {
        auto *title = new QLabel(names[at].second, figures);
        QPalette palette = title->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::Text));
        title->setPalette(palette);
        auto *value = new QLabel(u"–"_s, figures);
        value->setObjectName(u"figure-"_s + names[at].first);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        font.setBold(true);
        value->setFont(font);
        m_figures.insert(names[at].first, value);
        grid->addWidget(title, (at / 4) * 2, at % 4);
        grid->addWidget(value, (at / 4) * 2 + 1, at % 4);
    }
    for (int column = 0; column < 4; ++column)
        grid->setColumnStretch(column, 1);

    // Connections by state and throughput over the session's refreshes.
    for (QChartView *view : {m_connectionsView, m_transactionsView}) {
        TimeCharts::setUp(view->chart(), view);
        view->setMinimumHeight(180);
    }
    m_connectionsView->setObjectName(u"connectionsChart"_s);
    m_connectionsChart->setTitle(tr("Connections by state"));
    m_transactionsView->setObjectName(u"transactionsChart"_s);
    m_transactionsChart->setTitle(tr("Transactions per second"));
    m_connectionsTime = TimeCharts::addTimeAxis(m_connectionsChart, 0, 60000, 15);
    m_connectionsValues = TimeCharts::addValueAxis(m_connectionsChart, tr("sessions"));
    m_transactionsTime = TimeCharts::addTimeAxis(m_transactionsChart, 0, 60000, 15);
    m_transactionsValues = TimeCharts::addValueAxis(m_transactionsChart, tr("/s"));
    for (QDateTimeAxis *axis : {m_connectionsTime, m_transactionsTime})
        axis->setFormat(u"HH:mm:ss"_s);
    auto *charts = new QSplitter(Qt::Horizontal, page);
    charts->addWidget(m_connectionsView);
    charts->addWidget(m_transactionsView);

    m_statsView = newTable(u"databaseStats"_s, tr("Databases of the server"));
    m_statsView->setModel(m_statsFilter);
    m_statsView->header()->setStretchLastSection(false);
    auto *lower = new QSplitter(Qt::Vertical, page);
    lower->setObjectName(u"overviewSplitter"_s);
    lower->addWidget(charts);
    lower->addWidget(m_statsView);
    m_ioView = newTable(u"ioView"_s, tr("I/O by backend type (pg_stat_io)"));
    m_ioView->setModel(m_ioFilter);
    m_ioView->setVisible(false);
    lower->addWidget(m_ioView);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({420, 200});

    layout->addWidget(figures);
    layout->addWidget(lower, 1);
    return page;
}

QWidget *DatabasesPage::createActivityTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    m_hideIdle->setObjectName(u"hideIdle"_s);
    connect(m_hideIdle, &QCheckBox::toggled, m_activityFilter, &ActivityFilter::setHideIdle);
    m_minimumDuration->setObjectName(u"minimumDuration"_s);
    m_minimumDuration->setAccessibleName(tr("Minimum duration"));
    m_minimumDuration->setRange(0, 24 * 3600);
    m_minimumDuration->setSuffix(tr(" s"));
    m_minimumDuration->setSpecialValueText(tr("any"));
    m_minimumDuration->setToolTip(
        tr("Only sessions that have run their query (or been in their state) this long"));
    connect(m_minimumDuration, &QSpinBox::valueChanged, m_activityFilter,
            &ActivityFilter::setMinimumSeconds);
    bar->addWidget(m_hideIdle);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Minimum duration:"), page));
    bar->addWidget(m_minimumDuration);
    bar->addStretch(1);
    m_activityView = newTable(u"activityView"_s, tr("Sessions"));
    m_activityView->setModel(m_activityFilter);
    connect(m_activityView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    layout->addLayout(bar);
    layout->addWidget(m_activityView, 1);
    return page;
}

QWidget *DatabasesPage::createLocksTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_locksView = newTable(u"locksView"_s, tr("Lock waits"));
    m_locksView->setRootIsDecorated(true);
    m_locksView->setItemDelegate(new LockDelegate(m_locksView));
    m_locksView->setModel(m_locksFilter);
    connect(m_locksView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    // A tree whose shape changed comes anew: open every level again and select the session
    // that was selected, wherever it is now.
    connect(m_locksFilter, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_locksView->currentIndex();
        m_locksSelectedPid = current.isValid() ? current.data(LockTreeModel::PidRole).toInt() : 0;
    });
    connect(m_locksFilter, &QAbstractItemModel::modelReset, m_locksView, &QTreeView::expandAll);
    connect(m_locksFilter, &QAbstractItemModel::modelReset, this, [this] {
        if (m_locksSelectedPid == 0)
            return;
        const QModelIndexList found =
            m_locksFilter->match(m_locksFilter->index(0, 0), LockTreeModel::PidRole,
                                 m_locksSelectedPid, 1, Qt::MatchExactly | Qt::MatchRecursive);
        if (!found.isEmpty())
            m_locksView->setCurrentIndex(found.first());
    });
    connect(m_locksFilter, &QAbstractItemModel::rowsInserted, m_locksView, &QTreeView::expandAll);
    connect(m_locksFilter, &QAbstractItemModel::modelReset, this, &DatabasesPage::updateLocksState);
    m_locksEmpty->setObjectName(u"locksEmpty"_s);
    m_locksEmpty->setAlignment(Qt::AlignCenter);
    auto *stack = new QStackedWidget(page);
    stack->setObjectName(u"locksStack"_s);
    stack->addWidget(m_locksView);
    stack->addWidget(m_locksEmpty);
    layout->addWidget(stack, 1);
    return page;
}

QWidget *DatabasesPage::createLongRunningTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_longRunningNote->setObjectName(u"longRunningNote"_s);
    m_longRunningNote->setWordWrap(true);
    m_longRunningView = newTable(u"longRunningView"_s, tr("Long-running sessions"));
    m_longRunningView->setModel(m_longRunningFilter);
    connect(m_longRunningView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] {
                updateDetails();
                updateActions();
            });
    layout->addWidget(m_longRunningNote);
    layout->addWidget(m_longRunningView, 1);
    return page;
}

QWidget *DatabasesPage::createStatementsTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_statementsUnavailable->setObjectName(u"statementsUnavailable"_s);
    m_statementsUnavailable->setWordWrap(true);
    m_statementsUnavailable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statementsUnavailable->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_statementsUnavailable->hide();
    m_statementsView = newTable(u"statementsView"_s, tr("Statements"));
    m_statementsView->setModel(m_statementsFilter);
    m_statementsView->sortByColumn(1, Qt::DescendingOrder); // total time: the heaviest first
    connect(m_statementsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateDetails(); });
    auto *bar = new QHBoxLayout;
    auto *reset = new QPushButton(action(Action::ResetStatements)->icon(),
                                  action(Action::ResetStatements)->text(), page);
    reset->setObjectName(u"resetStatementsButton"_s);
    connect(reset, &QPushButton::clicked, action(Action::ResetStatements), &QAction::trigger);
    bar->addWidget(new QLabel(tr("pg_stat_statements since its last reset"), page));
    bar->addStretch(1);
    bar->addWidget(reset);
    layout->addLayout(bar);
    layout->addWidget(m_statementsUnavailable);
    layout->addWidget(m_statementsView, 1);
    return page;
}

QWidget *DatabasesPage::createTablesTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_tablesView = newTable(u"tablesView"_s, tr("Tables"));
    m_tablesView->setModel(m_tablesFilter);
    m_tablesView->sortByColumn(2, Qt::DescendingOrder); // total size
    m_tablesView->header()->setStretchLastSection(false);
    m_indexesView = newTable(u"indexesView"_s, tr("Indexes"));
    m_indexesView->setModel(m_indexesFilter);
    m_indexesView->sortByColumn(3, Qt::DescendingOrder);
    connect(m_tablesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatabasesPage::updateActions);
    auto *bar = new QHBoxLayout;
    auto *vacuum =
        new QPushButton(action(Action::Vacuum)->icon(), action(Action::Vacuum)->text(), page);
    vacuum->setObjectName(u"vacuumButton"_s);
    connect(vacuum, &QPushButton::clicked, action(Action::Vacuum), &QAction::trigger);
    connect(action(Action::Vacuum), &QAction::changed, vacuum, [vacuum, this] {
        vacuum->setEnabled(action(Action::Vacuum)->isEnabled());
        vacuum->setToolTip(action(Action::Vacuum)->toolTip());
    });
    bar->addWidget(new QLabel(tr("Tables"), page));
    bar->addStretch(1);
    bar->addWidget(vacuum);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->setObjectName(u"tablesSplitter"_s);
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_tablesView, 1);
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Indexes"), bottom));
    bottomLayout->addWidget(m_indexesView, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    layout->addWidget(split, 1);
    return page;
}

QWidget *DatabasesPage::createReplicationTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    m_archiver->setObjectName(u"archiverStatus"_s);
    m_archiver->setWordWrap(true);
    m_archiver->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_replicasView = newTable(u"replicasView"_s, tr("Replicas"));
    m_replicasView->setModel(m_replicasFilter);
    m_slotsView = newTable(u"slotsView"_s, tr("Replication slots"));
    m_slotsView->setModel(m_slotsFilter);
    layout->addWidget(m_archiver);
    m_replicasTitle = new QLabel(tr("Replicas"), page);
    m_replicasTitle->setObjectName(u"replicasTitle"_s);
    layout->addWidget(m_replicasTitle);
    layout->addWidget(m_replicasView, 1);
    layout->addWidget(new QLabel(tr("Replication slots"), page));
    layout->addWidget(m_slotsView, 1);
    return page;
}

// --- Databases and sessions ------------------------------------------------------------------

void DatabasesPage::rebuildDatabaseList()
{
    // A new workspace has new sessions: the old one is gone, its name may come back.
    const QString current = m_sessionName;
    if (!m_session && !current.isEmpty())
        setSession(nullptr);
    const QSignalBlocker blocker(m_databases);
    m_databases->clear();
    if (!m_monitor)
        return;
    QHash<QString, QTreeWidgetItem *> environments;
    for (const DatabaseMonitor::Entry &entry : m_monitor->databases()) {
        QTreeWidgetItem *&group = environments[entry.environment];
        if (!group) {
            group = new QTreeWidgetItem(m_databases, {entry.environment});
            group->setIcon(0, themedIcon(u"environment"_s));
            group->setFlags(Qt::ItemIsEnabled);
            QFont font = group->font(0);
            font.setBold(true);
            group->setFont(0, font);
        }
        auto *item = new QTreeWidgetItem(group, {entry.database.name});
        item->setData(0, DatabaseNameRole, entry.database.name);
        item->setIcon(0, themedIcon(u"database"_s));
        if (DatabaseSession *session = m_monitor->session(entry.database.name)) {
            item->setToolTip(0, session->title());
            connect(session, &DatabaseSession::stateChanged, this,
                    &DatabasesPage::updateDatabaseStates, Qt::UniqueConnection);
            disconnect(session, &DatabaseSession::passwordNeeded, this, nullptr);
            connect(session, &DatabaseSession::passwordNeeded, this,
                    [this, session](const QString &keychainEntry) {
                        askPassword(session, keychainEntry);
                    });
        }
    }
    m_databases->expandAll();
    updateDatabaseStates();
    // The database shown before (a workspace reload, a restart) is shown again.
    const QString wanted =
        current.isEmpty() ? QSettings().value(u"databases/current"_s).toString() : current;
    if (!wanted.isEmpty() && m_shown)
        selectDatabase(wanted);
}

void DatabasesPage::updateDatabaseStates()
{
    if (!m_monitor)
        return;
    for (int group = 0; group < m_databases->topLevelItemCount(); ++group) {
        QTreeWidgetItem *environment = m_databases->topLevelItem(group);
        for (int at = 0; at < environment->childCount(); ++at) {
            QTreeWidgetItem *item = environment->child(at);
            DatabaseSession *session =
                m_monitor->session(item->data(0, DatabaseNameRole).toString());
            if (!session)
                continue;
            const DatabaseConnectionState state = session->state();
            item->setText(1, stateName(state));
            item->setIcon(1, themedIcon(stateIcon(state)));
            item->setToolTip(1, session->error());
            const QColor colour =
                state == DatabaseConnectionState::Failed || state == DatabaseConnectionState::Lost
                    ? StatusColours::bad(palette())
                    : palette().color(QPalette::Text);
            item->setForeground(1, colour);
        }
    }
    updateBanners();
    updateActions();
}

bool DatabasesPage::selectDatabase(const QString &name)
{
    for (int group = 0; group < m_databases->topLevelItemCount(); ++group) {
        QTreeWidgetItem *environment = m_databases->topLevelItem(group);
        for (int at = 0; at < environment->childCount(); ++at) {
            if (environment->child(at)->data(0, DatabaseNameRole).toString() == name) {
                m_databases->setCurrentItem(environment->child(at));
                if (!m_session || m_session->name() != name)
                    onDatabaseSelected();
                return true;
            }
        }
    }
    return false;
}

void DatabasesPage::onDatabaseSelected()
{
    QTreeWidgetItem *item = m_databases->currentItem();
    const QString name = item ? item->data(0, DatabaseNameRole).toString() : QString();
    if (name.isEmpty() || !m_monitor)
        return;
    DatabaseSession *session = m_monitor->session(name);
    if (session == m_session)
        return;
    setSession(session);
    QSettings().setValue(u"databases/current"_s, name);
}

void DatabasesPage::setSession(DatabaseSession *session)
{
    if (m_session) {
        // Only the database looked at is read.
        m_session->setPaused(true);
        disconnect(m_session, &DatabaseSession::refreshed, this, nullptr);
    }
    m_session = session;
    m_sessionName = session ? session->name() : QString();
    m_activityFilter->setActivityModel(session ? session->activity() : nullptr);
    m_longRunningFilter->setActivityModel(session ? session->activity() : nullptr);
    m_locksFilter->setSourceModel(session ? session->locks() : nullptr);
    m_statementsFilter->setSourceModel(session ? session->statements() : nullptr);
    m_tablesFilter->setSourceModel(session ? session->tables() : nullptr);
    m_indexesFilter->setSourceModel(session ? session->indexes() : nullptr);
    m_replicasFilter->setSourceModel(session ? session->replicas() : nullptr);
    m_slotsFilter->setSourceModel(session ? session->slots() : nullptr);
    m_statsFilter->setSourceModel(session ? session->databaseStats() : nullptr);
    m_ioFilter->setSourceModel(session ? session->io() : nullptr);
    for (QObject *object : std::as_const(m_mappers))
        static_cast<QVXYModelMapper *>(object)->setModel(nullptr);
    m_connectionsChart->removeAllSeries();
    m_transactionsChart->removeAllSeries();
    m_mappers.clear();
    if (session) {
        QAbstractItemModel *history = session->history();
        QList<QLineSeries *> series{
            mappedSeries(m_connectionsChart, history, OverviewHistoryModel::Active, tr("active"),
                         m_mappers),
            mappedSeries(m_connectionsChart, history, OverviewHistoryModel::Idle, tr("idle"),
                         m_mappers),
            mappedSeries(m_connectionsChart, history, OverviewHistoryModel::IdleInTransaction,
                         tr("idle in transaction"), m_mappers),
            mappedSeries(m_connectionsChart, history, OverviewHistoryModel::Other, tr("other"),
                         m_mappers),
        };
        for (QLineSeries *line : series) {
            line->attachAxis(m_connectionsTime);
            line->attachAxis(m_connectionsValues);
        }
        series[0]->setColor(StatusColours::good(palette()));
        series[1]->setColor(palette().color(QPalette::Disabled, QPalette::Text));
        series[2]->setColor(StatusColours::caution(palette()));
        for (QLineSeries *line :
             {mappedSeries(m_transactionsChart, history,
                           OverviewHistoryModel::TransactionsPerSecond, tr("transactions"),
                           m_mappers),
              mappedSeries(m_transactionsChart, history, OverviewHistoryModel::RollbacksPerSecond,
                           tr("rollbacks"), m_mappers)}) {
            line->attachAxis(m_transactionsTime);
            line->attachAxis(m_transactionsValues);
        }
        connect(history, &QAbstractItemModel::rowsInserted, this, &DatabasesPage::updateCharts,
                Qt::UniqueConnection);
        connect(history, &QAbstractItemModel::modelReset, this, &DatabasesPage::updateCharts,
                Qt::UniqueConnection);
        m_activityFilter->setThresholds(session->thresholds());
        m_longRunningFilter->setThresholds(session->thresholds());
        connect(session, &DatabaseSession::refreshed, this, &DatabasesPage::onRefreshed);
        session->setInterval(m_interval->currentData().toInt());
        session->setActiveView(viewOf(currentTab()));
        session->setPaused(m_pause->isChecked() || !m_shown);
        session->start();
    }
    TimeCharts::applyPalette(m_connectionsChart, m_connectionsView, palette());
    TimeCharts::applyPalette(m_transactionsChart, m_transactionsView, palette());
    m_locksView->expandAll();
    const DatabaseThresholds thresholds = session ? session->thresholds() : DatabaseThresholds{};
    m_longRunningNote->setText(
        tr("Active queries running longer than %1 min and sessions idle in a transaction longer "
           "than %2 min (the workspace's long_running_query and idle_in_transaction thresholds).")
            .arg(QLocale().toString(thresholds.longRunning.warning))
            .arg(QLocale().toString(thresholds.idleInTransaction.warning)));
    updateOverview();
    updateCharts();
    updateStatements();
    updateReplication();
    updateLocksState();
    updateBanners();
    updateDetails();
    updateActions();
}

void DatabasesPage::onRefreshed(DatabaseView view)
{
    switch (view) {
    case DatabaseView::Overview:
        updateOverview();
        break;
    case DatabaseView::Activity:
        updateLocksState();
        updateDetails();
        // Rows beyond a threshold can appear as time passes, with no row changing shape.
        m_longRunningFilter->invalidate();
        break;
    case DatabaseView::Statements:
        updateStatements();
        break;
    case DatabaseView::Tables:
        break;
    case DatabaseView::Replication:
        updateReplication();
        break;
    }
    updateBanners();
    updateActions();
}

// --- Views -----------------------------------------------------------------------------------

void DatabasesPage::updateBanners()
{
    QString state;
    QColor accent = StatusColours::caution(palette());
    if (!m_session) {
        state = m_monitor && !m_monitor->databases().isEmpty()
                    ? tr("Choose a database on the left.")
                    : tr("The workspace lists no database. Add one under a host's databases: in "
                         "the workspace file.");
        accent = palette().color(QPalette::Mid);
    } else {
        switch (m_session->state()) {
        case DatabaseConnectionState::Idle:
        case DatabaseConnectionState::Connecting:
            state = tr("Connecting to %1…").arg(m_session->title());
            accent = palette().color(QPalette::Mid);
            break;
        case DatabaseConnectionState::Lost:
            state = tr("Connection to %1 lost: %2. The next refresh reconnects.")
                        .arg(m_session->title(), m_session->error());
            accent = StatusColours::bad(palette());
            break;
        case DatabaseConnectionState::Failed:
            state = tr("Cannot connect to %1: %2").arg(m_session->title(), m_session->error());
            accent = StatusColours::bad(palette());
            break;
        case DatabaseConnectionState::Open: {
            const QString error = m_session->lastSnapshot(viewOf(currentTab())).error;
            if (!error.isEmpty()) {
                state = tr("Reading %1 failed: %2").arg(m_session->name(), error);
                accent = StatusColours::bad(palette());
            }
            break;
        }
        }
    }
    m_stateBanner->setText(state);
    m_stateBanner->setVisible(!state.isEmpty());
    colourBanner(m_stateBanner, accent);

    QStringList hints;
    if (m_session && m_session->state() == DatabaseConnectionState::Open) {
        for (const GrantHint &hint : grantHints(m_session->server()))
            hints.append(grantHintText(hint, m_session->server().user));
    }
    m_hintBanner->setText(hints.join(u'\n'));
    m_hintBanner->setVisible(!hints.isEmpty());
    colourBanner(m_hintBanner, palette().color(QPalette::Highlight));
}

void DatabasesPage::updateOverview()
{
    const auto set = [this](const QString &name, const QString &text, int verdict = 0,
                            const QString &toolTip = {}) {
        QLabel *label = m_figures.value(name);
        label->setText(text.isEmpty() ? u"–"_s : text);
        label->setToolTip(toolTip);
        QPalette colours = palette();
        if (verdict > 0)
            colours.setColor(QPalette::WindowText,
                             StatusColours::forVerdict(verdictFromInt(verdict), colours));
        label->setPalette(colours);
    };
    // PostgreSQL 16 and later count I/O per kind of backend; older servers have no such view.
    m_ioView->setVisible(m_session && m_session->server().hasStatIo());
    if (!m_session || !m_session->lastSnapshot(DatabaseView::Overview).takenAt.isValid()) {
        for (auto it = m_figures.cbegin(); it != m_figures.cend(); ++it)
            set(it.key(), {});
        return;
    }
    const DatabaseSnapshot snapshot = m_session->lastSnapshot(DatabaseView::Overview);
    const OverviewFigures figures = overviewFigures(snapshot, m_session->thresholds());
    const ServerInfo &server =
        snapshot.server.versionNumber ? snapshot.server : m_session->server();
    set(u"version"_s,
        server.versionNumber ? u"PostgreSQL "_s + versionText(server.versionNumber) : QString(), 0,
        server.version);
    if (server.startedAt.isValid())
        set(u"uptime"_s,
            formatDuration(std::max<qint64>(0, server.startedAt.msecsTo(snapshot.takenAt))), 0,
            tr("Started %1")
                .arg(QLocale().toString(server.startedAt.toLocalTime(), QLocale::ShortFormat)));
    QStringList byState;
    for (const ConnectionCount &count : snapshot.connections)
        byState.append(
            tr("%1: %2").arg(count.state.isEmpty() ? tr("other") : count.state).arg(count.count));
    set(u"connections"_s,
        tr("%1 of %2 (%3 %)")
            .arg(figures.clientConnections)
            .arg(figures.usableConnections)
            .arg(QLocale().toString(figures.connectionsPercent, 'f', 0)),
        figures.connectionsVerdict,
        tr("Client connections against max_connections less the reserved ones\n%1")
            .arg(byState.join(u'\n')));
    const int cacheVerdict = figures.cacheHitPercent < 0    ? 0
                             : figures.cacheHitPercent < 85 ? 2
                             : figures.cacheHitPercent < 95 ? 1
                                                            : 0;
    set(u"cacheHit"_s,
        figures.cacheHitPercent < 0
            ? QString()
            : tr("%1 %").arg(QLocale().toString(figures.cacheHitPercent, 'f', 2)),
        cacheVerdict,
        tr("Blocks found in shared buffers, over every database since the "
           "statistics were reset"));
    const QList<OverviewSample> &samples = m_session->history()->samples();
    const double tps = samples.isEmpty() ? -1 : samples.last().transactionsPerSecond;
    set(u"transactions"_s, tps < 0 ? QString() : QLocale().toString(tps, 'f', 1));
    set(u"rollbacks"_s, QLocale().toString(figures.rollbacks));
    set(u"deadlocks"_s, QLocale().toString(figures.deadlocks), figures.deadlocks > 0 ? 1 : 0,
        tr("Since the statistics were reset"));
    set(u"tempFiles"_s,
        tr("%1 (%2)").arg(QLocale().toString(figures.tempFiles), formatBytes(figures.tempBytes)), 0,
        tr("Sorts and hashes that did not fit work_mem and spilled to disk"));
}

void DatabasesPage::updateCharts()
{
    const QList<OverviewSample> samples =
        m_session ? m_session->history()->samples() : QList<OverviewSample>{};
    if (samples.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_connectionsTime->setRange(QDateTime::fromMSecsSinceEpoch(now - 60000),
                                    QDateTime::fromMSecsSinceEpoch(now));
        m_transactionsTime->setRange(m_connectionsTime->min(), m_connectionsTime->max());
        TimeCharts::fitValueAxis(m_connectionsValues, 1, 0, {});
        TimeCharts::fitValueAxis(m_transactionsValues, 1, 0, {});
        return;
    }
    // At least a minute wide, so the first samples do not fill the chart edge to edge.
    const QDateTime last = samples.last().at;
    const QDateTime first = std::min(samples.first().at, last.addSecs(-60));
    m_connectionsTime->setRange(first, last);
    m_transactionsTime->setRange(first, last);
    double connections = 0;
    double rate = 0;
    for (const OverviewSample &sample : samples) {
        connections = std::max<double>({connections, double(sample.active), double(sample.idle),
                                        double(sample.idleInTransaction), double(sample.other)});
        rate = std::max({rate, sample.transactionsPerSecond, sample.rollbacksPerSecond});
    }
    TimeCharts::fitValueAxis(m_connectionsValues, 0, connections, {});
    TimeCharts::fitValueAxis(m_transactionsValues, 0, rate, {});
    updateOverview();
}

void DatabasesPage::updateStatements()
{
    const QString why =
        m_session ? m_session->lastSnapshot(DatabaseView::Statements).statementsUnavailable
                  : QString();
    m_statementsUnavailable->setText(why);
    m_statementsUnavailable->setVisible(!why.isEmpty());
    m_statementsView->setVisible(why.isEmpty());
}

void DatabasesPage::updateReplication()
{
    if (!m_session) {
        m_archiver->clear();
        return;
    }
    const DatabaseSnapshot snapshot = m_session->lastSnapshot(DatabaseView::Replication);
    QStringList lines;
    if (snapshot.server.inRecovery || m_session->server().inRecovery)
        lines.append(snapshot.standbyReplayDelayMs >= 0
                         ? tr("This server is a standby; it last replayed a transaction %1 ago.")
                               .arg(formatDuration(snapshot.standbyReplayDelayMs))
                         : tr("This server is a standby."));
    if (snapshot.archiver) {
        const ArchiverStatus &archiver = *snapshot.archiver;
        const auto when = [](const QDateTime &at) {
            return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)
                                : tr("never");
        };
        QString line =
            archiver.archivedCount > 0
                ? tr("WAL archiving: archive_mode %1; %2 segments archived, the last %3 at %4")
                      .arg(archiver.mode)
                      .arg(archiver.archivedCount)
                      .arg(archiver.lastArchivedWal, when(archiver.lastArchivedAt))
                : tr("WAL archiving: archive_mode %1; nothing archived yet").arg(archiver.mode);
        if (archiver.failedCount > 0)
            line += tr("; %1 failed (last %2 at %3)")
                        .arg(archiver.failedCount)
                        .arg(archiver.lastFailedWal, when(archiver.lastFailedAt));
        lines.append(line);
        QPalette colours = palette();
        // A failure after the last success: archiving is stuck and WAL piles up.
        if (archiver.failedCount > 0 &&
            (!archiver.lastArchivedAt.isValid() || archiver.lastFailedAt > archiver.lastArchivedAt))
            colours.setColor(QPalette::WindowText, StatusColours::bad(colours));
        m_archiver->setPalette(colours);
    } else if (snapshot.takenAt.isValid()) {
        lines.append(tr("WAL archiving: not readable here."));
    }
    m_archiver->setText(lines.join(u'\n'));
    m_replicasTitle->setText(m_session->replicas()->rowCount() > 0
                                 ? tr("Replicas")
                                 : tr("Replicas: none streams from this server"));
}

void DatabasesPage::updateLocksState()
{
    auto *stack = qobject_cast<QStackedWidget *>(m_locksView->parentWidget());
    const bool empty = m_locksFilter->rowCount() == 0;
    if (stack)
        stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_locksEmpty) : m_locksView);
    m_locksView->expandAll();
}

void DatabasesPage::updateDetails()
{
    QString query;
    const QTreeView *view = currentView();
    const Tab tab = currentTab();
    if (view && view->currentIndex().isValid()) {
        const QModelIndex index = view->currentIndex();
        if (tab == Tab::Locks)
            query = index.siblingAtColumn(LockTreeModel::Query).data(Qt::ToolTipRole).toString();
        else if (tab == Tab::Activity || tab == Tab::LongRunning || tab == Tab::Statements)
            query = index.siblingAtColumn(view->model()->columnCount() - 1)
                        .data(KeyedTableRole::Raw)
                        .toString();
    }
    const bool shows = tab == Tab::Activity || tab == Tab::Locks || tab == Tab::LongRunning ||
                       tab == Tab::Statements;
    m_details->setVisible(shows);
    if (m_details->toPlainText() != query)
        m_details->setPlainText(query);
}

void DatabasesPage::updateActions()
{
    const Tab tab = currentTab();
    const bool open = m_session && m_session->state() == DatabaseConnectionState::Open;
    const bool sessions = tab == Tab::Activity || tab == Tab::Locks || tab == Tab::LongRunning;
    const int pid = currentPid();
    const QString refusal = m_session && pid > 0 ? m_session->pidRefusal(pid) : QString();
    for (Action kind : {Action::Cancel, Action::Terminate}) {
        QAction *act = action(kind);
        act->setEnabled(open && sessions && pid > 0 && refusal.isEmpty());
        act->setToolTip(
            !refusal.isEmpty()      ? refusal
            : !sessions || pid <= 0 ? tr("Select a session in Activity, Locks or "
                                         "Long-running first")
            : kind == Action::Cancel
                ? tr("Cancel the running query of session %1; the session stays").arg(pid)
                : tr("End session %1: its transaction is rolled back").arg(pid));
    }
    action(Action::TerminateIdle)->setEnabled(open);
    const bool table = tab == Tab::Tables && m_tablesView->currentIndex().isValid();
    action(Action::Vacuum)->setEnabled(open && table);
    action(Action::Vacuum)
        ->setToolTip(
            table ? tr("VACUUM (ANALYZE) %1.%2")
                        .arg(m_tablesView->currentIndex().siblingAtColumn(0).data().toString(),
                             m_tablesView->currentIndex().siblingAtColumn(1).data().toString())
                  : tr("Select a table first"));
    action(Action::ResetStatements)->setEnabled(open && m_session->server().hasStatements());
    m_refresh->setEnabled(!m_session.isNull());
}

// --- Helpers ---------------------------------------------------------------------------------

DatabasesPage::Tab DatabasesPage::currentTab() const
{
    return Tab(std::max(0, m_tabs->currentIndex()));
}

void DatabasesPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QTreeView *DatabasesPage::view(Tab tab) const
{
    switch (tab) {
    case Tab::Overview:
        return m_statsView;
    case Tab::Activity:
        return m_activityView;
    case Tab::Locks:
        return m_locksView;
    case Tab::LongRunning:
        return m_longRunningView;
    case Tab::Statements:
        return m_statementsView;
    case Tab::Tables:
        return m_tablesView;
    case Tab::Replication:
        return m_replicasView;
    }
    return nullptr;
}

QTreeView *DatabasesPage::currentView() const
{
    // The table with the focus when a tab has two, else the tab's main one.
    for (QTreeView *second : {m_indexesView, m_slotsView}) {
        if (second->hasFocus() && second->isVisible())
            return second;
    }
    return view(currentTab());
}

int DatabasesPage::currentPid() const
{
    const Tab tab = currentTab();
    const QTreeView *shown = view(tab);
    if (!shown || !shown->currentIndex().isValid())
        return 0;
    const QModelIndex index = shown->currentIndex();
    if (tab == Tab::Locks)
        return index.data(LockTreeModel::PidRole).toInt();
    if (tab == Tab::Activity || tab == Tab::LongRunning)
        return index.data(KeyedTableRole::Key).toInt();
    return 0;
}

void DatabasesPage::copySelection() const
{
    const QTreeView *view = currentView();
    if (!view)
        return;
    QStringList lines;
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        QStringList cells;
        for (int column = 0; column < view->model()->columnCount(index.parent()); ++column)
            cells.append(
                index.siblingAtColumn(column).data(KeyedTableRole::Raw).toString().isEmpty()
                    ? index.siblingAtColumn(column).data().toString()
                    : index.siblingAtColumn(column).data(KeyedTableRole::Raw).toString());
        lines.append(cells.join(u'\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void DatabasesPage::restoreState()
{
    const QSettings settings;
    m_splitter->restoreState(settings.value(u"databases/splitter"_s).toByteArray());
    m_detailsSplitter->restoreState(settings.value(u"databases/detailsSplitter"_s).toByteArray());
    const int interval = settings.value(u"databases/interval"_s, 5000).toInt();
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(interval)));
    // A header is restored (or fitted to its contents) once its view first has rows: before
    // that, a proxy without a source has no columns to restore.
    for (QTreeView *view : tableViews()) {
        QAbstractItemModel *model = view->model();
        const auto fit = [view, model] {
            if (view->property("columnsFitted").toBool() || model->rowCount() == 0)
                return;
            view->setProperty("columnsFitted", true);
            const QVariant state = QSettings().value(u"databases/header/"_s + view->objectName());
            if (!state.isNull() && view->header()->restoreState(state.toByteArray()))
                return;
            int total = 0;
            for (int column = 0; column + 1 < model->columnCount(); ++column) {
                view->resizeColumnToContents(column);
                view->setColumnWidth(column, std::min(view->columnWidth(column), 220));
                total += view->columnWidth(column);
            }
            // The last column (the query, a definition) keeps room to be read: wide columns
            // give up width in proportion.
            int room = view->viewport()->width() - 320;
            if (total <= room || room <= 0)
                return;
            // The first column names the row (the pid, a root blocker's mark): it keeps its width.
            total -= view->columnWidth(0);
            room -= view->columnWidth(0);
            if (room <= 0 || total <= 0)
                return;
            for (int column = 1; column + 1 < model->columnCount(); ++column) {
                const int width = view->columnWidth(column);
                if (width > 100)
                    view->setColumnWidth(column,
                                         std::max(100, width - (total - room) * width / total));
            }
        };
        // Queued: restoring a header sorts, which must not happen inside the model's signal.
        connect(model, &QAbstractItemModel::rowsInserted, view, fit, Qt::QueuedConnection);
        connect(model, &QAbstractItemModel::modelReset, view, fit, Qt::QueuedConnection);
        connect(model, &QAbstractItemModel::layoutChanged, view, fit, Qt::QueuedConnection);
    }
}

QList<QTreeView *> DatabasesPage::tableViews() const
{
    return {m_statsView,  m_activityView, m_locksView,    m_longRunningView, m_statementsView,
            m_tablesView, m_indexesView,  m_replicasView, m_slotsView,       m_ioView};
}

void DatabasesPage::saveState() const
{
    QSettings settings;
    settings.setValue(u"databases/splitter"_s, m_splitter->saveState());
    settings.setValue(u"databases/detailsSplitter"_s, m_detailsSplitter->saveState());
    for (QTreeView *view : tableViews()) {
        if (view->property("columnsFitted").toBool())
            settings.setValue(u"databases/header/"_s + view->objectName(),
                              view->header()->saveState());
    }
}

void DatabasesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true;
    if (!m_session && m_databases->topLevelItemCount() > 0) {
        // The database shown last time, else the first one.
        const QString last = QSettings().value(u"databases/current"_s).toString();
        if (last.isEmpty() || !selectDatabase(last)) {
            QTreeWidgetItem *first = m_databases->topLevelItem(0);
            if (first->childCount() > 0)
                m_databases->setCurrentItem(first->child(0));
        }
    }
    // Hidden pages cost the servers nothing: the session refreshes while the page is shown.
    if (m_session)
        m_session->setPaused(m_pause->isChecked());
}

// F5 reloads the workspace elsewhere; on this page it reads the database again, as a browser's
// F5 reloads the page in front of you.
bool DatabasesPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && m_refresh->isEnabled() &&
        static_cast<QKeyEvent *>(event)->keyCombination() == QKeyCombination(Qt::Key_F5)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void DatabasesPage::keyPressEvent(QKeyEvent *event)
{
    if (m_refresh->isEnabled() && event->keyCombination() == QKeyCombination(Qt::Key_F5)) {
        m_refresh->trigger();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DatabasesPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !m_highlighter)
        return;
    // Colours picked from the palette follow a switch between light and dark.
    m_highlighter->rehighlight();
    TimeCharts::applyPalette(m_connectionsChart, m_connectionsView, palette());
    TimeCharts::applyPalette(m_transactionsChart, m_transactionsView, palette());
    updateDatabaseStates();
    updateOverview();
    updateReplication();
}

void DatabasesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_shown = false;
    if (m_session)
        m_session->setPaused(true);
    saveState();
}

// --- Password --------------------------------------------------------------------------------

void DatabasesPage::askPassword(DatabaseSession *session, const QString &entry)
{
    const QString name = session->name();
    if (m_askingPassword.value(name))
        return;
    m_askingPassword.insert(name, true);
    QPointer<DatabaseSession> target(session);
    QDialog *dialog = askForPassword(
        this, tr("Database Password"),
        tr("The keychain has no password for %1 (entry '%2').").arg(session->title(), entry),
        [this, name, target](const std::optional<QString> &password, bool remember) {
            m_askingPassword.remove(name);
            if (password && target)
                target->providePassword(*password, remember);
            else
                m_status->setText(tr("%1: no password given; not connected.").arg(name));
        });
    dialog->setObjectName(u"databasePasswordDialog"_s);
}

// --- Actions ---------------------------------------------------------------------------------

void DatabasesPage::report(const QString &what, const QString &error)
{
    const QString text =
        error.isEmpty() ? tr("%1: done.").arg(what) : tr("%1: not done: %2").arg(what, error);
    m_status->setText(text);
    Q_EMIT message(text);
}

void DatabasesPage::runAction(Action kind)
{
    if (!m_session) {
        m_status->setText(tr("Choose a database first."));
        return;
    }
    switch (kind) {
    case Action::Cancel:
    case Action::Terminate: {
        const int pid = currentPid();
        if (pid <= 0) {
            m_status->setText(tr("Select a session first."));
            return;
        }
        if (const QString refusal = m_session->pidRefusal(pid); !refusal.isEmpty()) {
            m_status->setText(refusal);
            return;
        }
        confirmPidAction(kind, pid);
        return;
    }
    case Action::TerminateIdle:
        askIdleMinutes();
        return;
    case Action::Vacuum:
        confirmVacuum();
        return;
    case Action::ResetStatements:
        confirmReset();
        return;
    }
}

void DatabasesPage::confirmPidAction(Action kind, int pid)
{
    const bool cancel = kind == Action::Cancel;
    const Risk risk = cancel ? Risk::Change : Risk::Destroy;
    QString who;
    for (const ActivityRow &row : m_session->activity()->rows()) {
        if (row.pid == pid)
            who = tr("%1 of %2 (%3)")
                      .arg(row.user, row.application.isEmpty() ? row.client : row.application,
                           activityStateText(row));
    }
    const QString what = cancel ? tr("Cancel the query of session %1").arg(pid)
                                : tr("Terminate session %1").arg(pid);
    QPointer<DatabaseSession> session(m_session);
    const auto go = [this, session, pid, cancel, risk, what](bool confirmed) {
        if (!confirmed) {
            m_status->setText(tr("%1: cancelled.").arg(what));
            return;
        }
        if (!session)
            return;
        ActionConfirmation confirmation{risk, {QString::number(pid)}};
        m_status->setText(tr("%1: running…").arg(what));
        auto done = [this, what](const ActionOutcome &outcome) { report(what, outcome.error); };
        if (cancel)
            session->cancelQuery(pid, confirmation, this, done);
        else
            session->terminateBackend(pid, confirmation, this, done);
    };
    // In read-only mode there is nothing to ask: the gate refuses, and says why.
    if (m_readOnly && !m_readOnly->permits(risk)) {
        go(true);
        return;
    }
    askToConfirmRisk(this, risk, tr("%1 on %2\n%3").arg(what, m_session->title(), who),
                     cancel ? tr("the running statement stops with an error; the session and "
                                 "its transaction stay")
                            : tr("the session ends and its open transaction is rolled back"),
                     QString::number(pid), go);
}

void DatabasesPage::askIdleMinutes()
{
    QPointer<DatabaseSession> session(m_session);
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"terminateIdleDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Terminate Idle Sessions"));
    auto *minutes = new QSpinBox(dialog);
    minutes->setObjectName(u"idleMinutes"_s);
    minutes->setRange(1, 7 * 24 * 60);
    minutes->setValue(QSettings().value(u"databases/idleMinutes"_s, 60).toInt());
    minutes->setSuffix(tr(" min"));
    auto *preview = new QPushButton(tr("Preview"), dialog);
    preview->setObjectName(u"previewIdle"_s);
    auto *list = new QTreeWidget(dialog);
    list->setObjectName(u"idleSessions"_s);
    list->setRootIsDecorated(false);
    list->setHeaderLabels(
        {tr("PID"), tr("User"), tr("Application"), tr("Client"), tr("Idle for"), tr("Last query")});
    auto *state = new QLabel(tr("Preview lists the sessions that would end."), dialog);
    state->setObjectName(u"idleState"_s);
    state->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *terminate =
        buttons->addButton(tr("Terminate These…"), QDialogButtonBox::AcceptRole);
    terminate->setObjectName(u"terminateListed"_s);
    terminate->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);

    auto rows = std::make_shared<QList<ActivityRow>>();
    auto listedMinutes = std::make_shared<int>(0);
    connect(preview, &QPushButton::clicked, dialog,
            [dialog, session, minutes, list, state, terminate, rows, listedMinutes] {
                if (!session)
                    return;
                terminate->setEnabled(false);
                list->clear();
                state->setText(tr("Reading…"));
                const int asked = minutes->value();
                session->previewIdle(
                    asked, dialog,
                    [list, state, terminate, rows, listedMinutes,
                     asked](const QList<ActivityRow> &found, const QString &error) {
                        *rows = found;
                        *listedMinutes = asked;
                        for (const ActivityRow &row : found) {
                            auto *item = new QTreeWidgetItem(
                                list,
                                {QString::number(row.pid), row.user, row.application, row.client,
                                 ageText(row.stateAgeMs), row.query.simplified().left(200)});
                            item->setToolTip(5, row.query);
                        }
                        for (int column = 0; column < 5; ++column)
                            list->resizeColumnToContents(column);
                        state->setText(!error.isEmpty() ? error
                                       : found.isEmpty()
                                           ? tr("No client session has been idle longer than %n "
                                                "minute(s).",
                                                nullptr, asked)
                                           : tr("%n session(s) would be terminated.", nullptr,
                                                int(found.size())));
                        terminate->setEnabled(error.isEmpty() && !found.isEmpty());
                    });
            });
    connect(minutes, &QSpinBox::valueChanged, dialog, [terminate, list] {
        // A new limit needs a new preview: exactly what was listed is what ends.
        terminate->setEnabled(false);
        list->clear();
    });
    connect(terminate, &QPushButton::clicked, dialog, [this, dialog, rows, listedMinutes] {
        QSettings().setValue(u"databases/idleMinutes"_s, *listedMinutes);
        dialog->accept();
        confirmIdle(*listedMinutes, *rows);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Client sessions idle longer than"), dialog));
    top->addWidget(minutes);
    top->addWidget(preview);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(top);
    layout->addWidget(list, 1);
    layout->addWidget(state);
    layout->addWidget(buttons);
    dialog->resize(720, 380);
    dialog->open();
}

void DatabasesPage::confirmIdle(int minutes, const QList<ActivityRow> &rows)
{
    if (!m_session)
        return;
    QList<int> pids;
    QStringList listed;
    for (const ActivityRow &row : rows) {
        pids.append(row.pid);
        listed.append(tr("%1 (%2, %3, idle %4)")
                          .arg(row.pid)
                          .arg(row.user, row.application, ageText(row.stateAgeMs)));
    }
    const QString name = m_session->name();
    const QString what =
        tr("Terminate %n idle session(s) of %1", nullptr, int(pids.size())).arg(name);
    QPointer<DatabaseSession> session(m_session);
    const auto go = [this, session, minutes, pids, name, what](bool confirmed) {
        if (!confirmed) {
            m_status->setText(tr("%1: cancelled.").arg(what));
            return;
        }
        if (!session)
            return;
        m_status->setText(tr("%1: running…").arg(what));
        session->terminateIdle(
            minutes, pids, {Risk::Destroy, {name}}, this,
            [this, what](const ActionOutcome &outcome) { report(what, outcome.error); });
    };
    if (m_readOnly && !m_readOnly->permits(Risk::Destroy)) {
        go(true);
        return;
    }
    askToConfirmRisk(this, Risk::Destroy, tr("%1:\n%2").arg(what, listed.join(u'\n')),
                     tr("these sessions end; a connection pool opens new ones"), name, go);
}

void DatabasesPage::confirmVacuum()
{
    const QModelIndex index = m_tablesView->currentIndex();
    if (!index.isValid()) {
        m_status->setText(tr("Select a table first."));
        return;
    }
    const QString schema = index.siblingAtColumn(0).data().toString();
    const QString table = index.siblingAtColumn(1).data().toString();
    const QString what = tr("VACUUM (ANALYZE) %1.%2").arg(schema, table);
    QPointer<DatabaseSession> session(m_session);
    const auto go = [this, session, schema, table, what](bool confirmed) {
        if (!confirmed) {
            m_status->setText(tr("%1: cancelled.").arg(what));
            return;
        }
        if (!session)
            return;
        m_status->setText(tr("%1: running…").arg(what));
        session->vacuumTable(
            schema, table, true, {Risk::Change, {}}, this,
            [this, what](const ActionOutcome &outcome) { report(what, outcome.error); });
    };
    if (m_readOnly && !m_readOnly->permits(Risk::Change)) {
        go(true);
        return;
    }
    askToConfirmRisk(this, Risk::Change, tr("%1 on %2").arg(what, m_session->title()),
                     tr("VACUUM reads the whole table and adds I/O while it runs"),
                     schema + u'.' + table, go);
}

void DatabasesPage::confirmReset()
{
    const QString what = tr("Reset pg_stat_statements of %1").arg(m_session->name());
    QPointer<DatabaseSession> session(m_session);
    const auto go = [this, session, what](bool confirmed) {
        if (!confirmed) {
            m_status->setText(tr("%1: cancelled.").arg(what));
            return;
        }
        if (!session)
            return;
        m_status->setText(tr("%1: running…").arg(what));
        session->resetStatements(
            {Risk::Change, {}}, this,
            [this, what](const ActionOutcome &outcome) { report(what, outcome.error); });
    };
    if (m_readOnly && !m_readOnly->permits(Risk::Change)) {
        go(true);
        return;
    }
    askToConfirmRisk(this, Risk::Change, tr("%1 on %2").arg(what, m_session->title()),
                     tr("every statement's statistics start again from zero, for everybody"),
                     m_session->name(), go);
}

} // namespace OpsDeck
