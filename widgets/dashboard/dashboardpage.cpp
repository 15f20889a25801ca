// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/dashboardpage.h"

#include "models/health/checkscheduler.h"
#include "models/health/healthboardmodel.h"
#include "models/workspace/workspace.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/dashboard/checkdetails.h"
#include "widgets/dashboard/dashboardgrid.h"
#include "widgets/dashboard/metricscharts.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {
const QString SplitterKey = u"dashboardPage/splitter"_s;
const QString EnvironmentKey = u"dashboardPage/environment"_s;
const QString RangeKey = u"dashboardPage/range"_s;
const QString MetricsRangeKey = u"dashboardPage/metricsRange"_s;
constexpr int AgeRepaintMs = 15000;
} // namespace

DashboardPage::DashboardPage(HealthBoardModel *board, CheckScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_scheduler(scheduler)
    , m_toolBar(new QToolBar(this))
    , m_environment(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_onlyProblems(new QCheckBox(tr("Only &problems"), this))
    , m_views(new QStackedWidget(this))
    , m_checksView(new QToolButton(this))
    , m_metricsView(new QToolButton(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_grid(new DashboardGrid(board, this))
    , m_details(new CheckDetails(board, this))
    , m_metrics(new MetricsCharts(this))
{
    setObjectName(u"dashboardPage"_s);

    m_refresh = m_toolBar->addAction(themedIcon(u"reload"_s), tr("&Refresh Now"));
    m_refresh->setObjectName(u"dashboardRefresh"_s);
    m_refresh->setToolTip(tr("Run every check now (F5)"));
    m_pause = m_toolBar->addAction(themedIcon(u"pause"_s), tr("&Pause"));
    m_pause->setObjectName(u"dashboardPause"_s);
    m_pause->setCheckable(true);
    m_morningCheck = m_toolBar->addAction(themedIcon(u"checklist"_s), tr("&Morning Check…"));
    m_morningCheck->setObjectName(u"dashboardMorningCheck"_s);
    m_morningCheck->setToolTip(
        tr("Run every check of the environment once and write a report of what was checked"));
    m_refresh->setEnabled(scheduler != nullptr);
    m_pause->setEnabled(scheduler != nullptr);
    m_toolBar->addSeparator();
    auto *environmentLabel = new QLabel(tr("&Environment:"), this);
    environmentLabel->setBuddy(m_environment);
    m_toolBar->addWidget(environmentLabel);
    m_environment->setObjectName(u"dashboardEnvironment"_s);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolBar->addWidget(m_environment);
    m_toolBar->addSeparator();
    m_filter->setObjectName(u"dashboardFilter"_s);
    m_filter->setPlaceholderText(tr("Filter checks"));
    m_filter->setAccessibleName(tr("Filter checks"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_toolBar->addWidget(m_filter);
    m_onlyProblems->setObjectName(u"dashboardOnlyProblems"_s);
    m_toolBar->addWidget(m_onlyProblems);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    // The summary strip: one box per verdict with its icon, count and name.
    auto *strip = new QFrame(this);
    strip->setObjectName(u"dashboardSummary"_s);
    auto *stripLayout = new QHBoxLayout(strip);
    stripLayout->setContentsMargins(12, 6, 12, 6);
    stripLayout->setSpacing(24);
    for (const Verdict verdict :
         {Verdict::Critical, Verdict::Warning, Verdict::Unknown, Verdict::Ok}) {
        auto *icon = new QLabel(strip);
        auto *label = new QLabel(strip);
        label->setObjectName(u"summary"_s + verdictId(verdict));
        QFont big = label->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        label->setFont(big);
        auto *item = new QHBoxLayout;
        item->setSpacing(6);
        item->addWidget(icon);
        item->addWidget(label);
        stripLayout->addLayout(item);
        m_summary.append({verdict, icon, label});
    }
    stripLayout->addStretch(1);
    // Checks or metrics: a switch in the strip's spare room rather than a tab bar, which would
    // take the grid a row of height.
    auto *views = new QButtonGroup(this);
    views->setExclusive(true);
    auto *viewLayout = new QHBoxLayout;
    viewLayout->setSpacing(0);
    for (QToolButton *button : {m_checksView, m_metricsView}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        views->addButton(button);
        viewLayout->addWidget(button);
    }
    m_checksView->setText(tr("Checks"));
    m_checksView->setObjectName(u"dashboardChecksView"_s);
    m_checksView->setToolTip(tr("Every check as a tile, and the chosen one's details"));
    m_checksView->setChecked(true);
    m_metricsView->setText(tr("Metrics"));
    m_metricsView->setObjectName(u"dashboardMetricsView"_s);
    m_metricsView->setToolTip(tr("The environment's key metrics from its Prometheus"));
    stripLayout->addLayout(viewLayout);

    m_splitter->setObjectName(u"dashboardSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_grid);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({700, 460});
    m_splitter->restoreState(QSettings().value(SplitterKey).toByteArray());
    m_details->setRangeMinutes(QSettings().value(RangeKey, 60).toInt());
    m_savedEnvironment = QSettings().value(EnvironmentKey).toString();
    m_metrics->setRangeMinutes(QSettings().value(MetricsRangeKey, 60).toInt());

    // The metrics get the page's whole width: five charts beside the details would be slivers.
    m_views->setObjectName(u"dashboardViews"_s);
    m_views->addWidget(m_splitter);
    m_views->addWidget(m_metrics);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(strip);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_views, 1);
    setFocusProxy(m_grid);

    m_grid->setNetworkSamples(&m_network);
    connect(m_grid, &DashboardGrid::activated, this, [this](int row) {
        if (m_board)
            m_details->showCheck(m_board->spec(row).id);
    });
    connect(m_details, &CheckDetails::openRunbookRequested, this,
            &DashboardPage::openRunbookRequested);
    connect(m_details, &CheckDetails::declareIncidentRequested, this,
            &DashboardPage::declareIncidentRequested);
    connect(m_details, &CheckDetails::alertsRequested, this, &DashboardPage::openAlerts);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        applyFilter();
        m_metrics->setEnvironment(environment());
        updateSummary();
        if (m_environment->currentIndex() >= 0) {
            m_savedEnvironment = environment();
            QSettings().setValue(EnvironmentKey, m_savedEnvironment);
        }
    });
    connect(m_metricsView, &QToolButton::toggled, this, &DashboardPage::showMetrics);
    connect(m_filter, &QLineEdit::textChanged, this, &DashboardPage::applyFilter);
    connect(m_onlyProblems, &QCheckBox::toggled, this, &DashboardPage::applyFilter);
    connect(m_morningCheck, &QAction::triggered, this,
            [this] { Q_EMIT morningCheckRequested(environment()); });
    if (scheduler) {
        connect(m_refresh, &QAction::triggered, scheduler,
                qOverload<>(&CheckScheduler::refreshNow));
        connect(m_pause, &QAction::toggled, scheduler, [this](bool pause) {
            if (pause)
                m_scheduler->pause();
            else
                m_scheduler->start();
        });
        connect(scheduler, &CheckScheduler::pausedChanged, this, &DashboardPage::updatePauseAction);
        connect(scheduler, &CheckScheduler::hostSampled, this, &DashboardPage::addHostSample);
        updatePauseAction(scheduler->isPaused());
    }
    if (board) {
        connect(board, &HealthBoardModel::countsChanged, this, &DashboardPage::updateSummary);
        connect(board, &QAbstractItemModel::modelReset, this, &DashboardPage::updateEnvironments);
        connect(board, &QAbstractItemModel::rowsInserted, this, &DashboardPage::updateEnvironments);
        connect(board, &QAbstractItemModel::rowsRemoved, this, &DashboardPage::updateEnvironments);
    }
    m_ages.setInterval(AgeRepaintMs);
    connect(&m_ages, &QTimer::timeout, m_grid->viewport(), qOverload<>(&QWidget::update));
    m_ages.start();

    updateEnvironments();
    updateSummary();
}

DashboardPage::~DashboardPage()
{
    // Once, not on every drag step: each QSettings write goes to disk.
    QSettings settings;
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(RangeKey, m_details->rangeMinutes());
    settings.setValue(MetricsRangeKey, m_metrics->rangeMinutes());
}

QAction *DashboardPage::action(const QString &objectName) const
{
    for (QAction *candidate : {m_refresh, m_pause, m_morningCheck}) {
        if (candidate->objectName() == objectName)
            return candidate;
    }
    return nullptr;
}

void DashboardPage::addHostSample(const QString &checkId, const HostMetrics &metrics)
{
    const std::optional<NetworkSample> sample = networkSampleOf(metrics);
    if (!sample)
        return;
    QList<NetworkSample> &samples = m_network[checkId];
    samples.append(*sample);
    if (samples.size() > HostCardSamples)
        samples.remove(0, samples.size() - HostCardSamples);
    m_grid->refreshCard(checkId);
}

AlertsDialog *DashboardPage::openAlerts(const QUrl &url)
{
    // One at a time: a second Alertmanager replaces the first.
    if (m_alertsDialog && m_alertsDialog->client()->baseUrl() != url)
        m_alertsDialog->close();
    if (!m_alertsDialog) {
        m_alertsDialog = new AlertsDialog(url, m_gate, this);
        m_alertsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_alertsDialog->show();
    m_alertsDialog->raise();
    m_alertsDialog->activateWindow();
    return m_alertsDialog;
}

void DashboardPage::setWorkspace(const Workspace &workspace)
{
    QHash<QString, QUrl> servers;
    for (const Environment &environment : workspace.environments) {
        if (!environment.prometheusUrl.isEmpty())
            servers.insert(environment.name, environment.prometheusUrl);
    }
    m_metrics->setServers(servers);
}

void DashboardPage::showMetrics(bool show)
{
    m_metricsView->setChecked(show);
    m_checksView->setChecked(!show);
    m_views->setCurrentWidget(show ? static_cast<QWidget *>(m_metrics) : m_splitter);
}

bool DashboardPage::metricsShown() const
{
    return m_views->currentWidget() == m_metrics;
}

void DashboardPage::openDetails(const QString &checkId)
{
    if (!m_board || m_board->rowOf(checkId) < 0)
        return;
    showMetrics(false);
    m_grid->setCurrentRow(m_board->rowOf(checkId));
    m_details->showCheck(checkId);
}

QString DashboardPage::environment() const
{
    return m_environment->currentData().toString();
}

void DashboardPage::setEnvironment(const QString &environment)
{
    const int index = m_environment->findData(environment);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

void DashboardPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void DashboardPage::setOnlyProblems(bool only)
{
    m_onlyProblems->setChecked(only);
}

int DashboardPage::shownCount(Verdict verdict) const
{
    for (const SummaryItem &item : m_summary) {
        if (item.verdict == verdict)
            return item.count;
    }
    return -1;
}

void DashboardPage::updateEnvironments()
{
    const QStringList environments = m_board ? m_board->environments() : QStringList();
    const QString wanted = m_savedEnvironment;
    const QSignalBlocker blocker(m_environment);
    m_environment->clear();
    m_environment->addItem(tr("All environments"), QString());
    for (const QString &environment : environments)
        m_environment->addItem(environment, environment);
    m_environment->setCurrentIndex(std::max(0, m_environment->findData(wanted)));
    m_environment->setEnabled(environments.size() > 1);
    m_metrics->setEnvironment(environment());
    applyFilter();
    updateSummary();
}

void DashboardPage::applyFilter()
{
    m_grid->setFilter({environment(), m_filter->text().trimmed(), m_onlyProblems->isChecked()});
}

void DashboardPage::updateSummary()
{
    const VerdictCounts counts = m_board ? m_board->counts(environment()) : VerdictCounts();
    for (SummaryItem &item : m_summary) {
        switch (item.verdict) {
        case Verdict::Ok:
            item.count = counts.ok;
            break;
        case Verdict::Warning:
            item.count = counts.warning;
            break;
        case Verdict::Critical:
            item.count = counts.critical;
            break;
        case Verdict::Unknown:
            item.count = counts.unknown;
            break;
        }
        item.label->setText(tr("%1 %2").arg(item.count).arg(verdictName(item.verdict)));
        item.icon->setPixmap(themedIcon(StatusColours::verdictIconName(item.verdict))
                                 .pixmap(QSize(22, 22), devicePixelRatio()));
        // A verdict nobody is in stays grey: the eye goes to the boxes that count.
        QPalette colours = item.label->palette();
        colours.setColor(QPalette::WindowText,
                         item.count > 0 ? StatusColours::forVerdict(item.verdict, palette())
                                        : palette().color(QPalette::PlaceholderText));
        item.label->setPalette(colours);
        item.icon->setEnabled(item.count > 0);
        item.label->setAccessibleName(item.label->text());
    }
}

// F5 reloads the workspace elsewhere; on this page it runs the checks again, as a browser's
// F5 reloads the page in front of you. Without a scheduler it stays the window's.
bool DashboardPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && m_refresh->isEnabled() &&
        static_cast<QKeyEvent *>(event)->keyCombination() == QKeyCombination(Qt::Key_F5)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void DashboardPage::keyPressEvent(QKeyEvent *event)
{
    if (m_refresh->isEnabled() && event->keyCombination() == QKeyCombination(Qt::Key_F5)) {
        m_refresh->trigger();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The strip's colours come from the palette: light and dark shades differ.
    if (event->type() == QEvent::PaletteChange)
        updateSummary();
}

void DashboardPage::updatePauseAction(bool paused)
{
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Res&ume") : tr("&Pause"));
    m_pause->setToolTip(paused ? tr("Checks are paused: resume running them")
                               : tr("Stop running checks until resumed"));
}

} // namespace OpsDeck
