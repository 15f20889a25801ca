// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/metricscharts.h"

#include "widgets/common/statuscolours.h"
#include "widgets/dashboard/timecharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {
// About as many points as a small chart has pixels across; chooseRangeStep() rounds the step.
constexpr int DesiredPoints = 300;
// A small chart with more lines than this is unreadable (a request rate for fifty jobs).
constexpr int MaxSeries = 6;
// Five charts in two rows: they fit a window's height without scrolling.
constexpr int ChartColumns = 3;
constexpr int QueryTimeoutMs = 20000;
} // namespace

MetricsCharts::MetricsCharts(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_range(new QComboBox(this))
    , m_resetZoom(new QPushButton(tr("Reset &Zoom"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_chartsPane(new QWidget(this))
{
    setObjectName(u"metricsCharts"_s);
    m_range->setObjectName(u"metricsRange"_s);
    TimeCharts::addRanges(m_range);
    m_resetZoom->setObjectName(u"metricsResetZoom"_s);
    m_resetZoom->setToolTip(tr("Drag a rectangle over a chart to zoom in"));
    m_refresh->setObjectName(u"metricsRefresh"_s);
    m_refresh->setToolTip(tr("Ask Prometheus again for every metric"));
    m_status->setObjectName(u"metricsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setObjectName(u"metricsHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *grid = new QGridLayout(m_chartsPane);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<KeyMetricQuery> queries = defaultKeyMetricQueries();
    for (const KeyMetricQuery &query : queries) {
        Metric metric;
        metric.query = query;
        metric.model = new MetricSeriesModel(this);
        metric.chart = new QChart;
        metric.view = new QChartView(metric.chart, m_chartsPane);
        metric.view->setObjectName(u"metricsChart_"_s + query.id);
        metric.view->setMinimumHeight(150);
        metric.view->setAccessibleName(query.title);
        TimeCharts::setUp(metric.chart, metric.view);
        metric.chart->setTitle(query.title);
        metric.status = new QLabel(m_chartsPane);
        metric.status->setObjectName(u"metricsChartStatus_"_s + query.id);
        metric.status->setWordWrap(true);
        metric.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(metric.view, 1);
        cell->addWidget(metric.status);
        const int index = int(m_metrics.size());
        grid->addLayout(cell, index / ChartColumns, index % ChartColumns);
        m_metrics.append(metric);
    }
    for (int column = 0; column < ChartColumns; ++column)
        grid->setColumnStretch(column, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_chartsPane);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroll);
    m_stack->addWidget(m_hint);

    auto *controls = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Show:"), this);
    rangeLabel->setBuddy(m_range);
    controls->addWidget(rangeLabel);
    controls->addWidget(m_range);
    controls->addStretch(1);
    controls->addWidget(m_resetZoom);
    controls->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &MetricsCharts::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &MetricsCharts::refresh);
    connect(m_resetZoom, &QPushButton::clicked, this, [this] {
        for (const Metric &metric : std::as_const(m_metrics))
            metric.chart->zoomReset();
    });
    for (Metric &metric : m_metrics)
        TimeCharts::applyPalette(metric.chart, metric.view, palette());
    chooseServer();
}

MetricsCharts::~MetricsCharts() = default;

void MetricsCharts::setServers(const QHash<QString, QUrl> &servers)
{
    m_servers = servers;
    chooseServer();
}

void MetricsCharts::setEnvironment(const QString &environment)
{
    m_environment = environment;
    chooseServer();
}

void MetricsCharts::setRangeMinutes(int minutes)
{
    const int index = m_range->findData(minutes);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

int MetricsCharts::rangeMinutes() const
{
    return m_range->currentData().toInt();
}

void MetricsCharts::chooseServer()
{
    QUrl url;
    if (!m_environment.isEmpty())
        url = m_servers.value(m_environment);
    else if (m_servers.size() == 1)
        url = m_servers.cbegin().value();

    if (url.isEmpty()) {
        if (m_environment.isEmpty() && m_servers.size() > 1)
            m_hint->setText(tr("Choose an environment to see the metrics of its Prometheus."));
        else
            m_hint->setText(tr("%1 names no Prometheus: add “prometheus: http://host:9090” to "
                               "the environment in the workspace file to see its metrics here.")
                                .arg(m_environment.isEmpty()
                                         ? tr("The workspace")
                                         : tr("Environment %1").arg(m_environment)));
    }
    m_stack->setCurrentWidget(url.isEmpty() ? static_cast<QWidget *>(m_hint) : m_stack->widget(0));
    m_range->setEnabled(!url.isEmpty());
    m_refresh->setEnabled(!url.isEmpty());
    m_resetZoom->setEnabled(!url.isEmpty());
    if (url == m_serverUrl && m_client)
        return;
    m_serverUrl = url;
    delete m_client;
    m_client = nullptr;
    if (!url.isEmpty()) {
        m_client = new PrometheusClient(m_network, url, this);
        m_client->setTimeoutMs(QueryTimeoutMs);
    }
    refresh();
}

void MetricsCharts::refresh()
{
    // A new round: whatever is still on its way belongs to the old one.
    ++m_round;
    m_pending = 0;
    m_failed = 0;
    m_firstError.clear();
    for (Metric &metric : m_metrics) {
        metric.model->setSeries({});
        metric.chart->zoomReset();
        fillChart(metric);
        setChartStatus(metric, {}, false);
    }
    if (!m_client) {
        m_start = m_end = {};
        m_step = 0;
        updateStatusLine();
        return;
    }
    if (!isVisible()) {
        m_stale = true;
        updateStatusLine();
        return;
    }
    m_stale = false;
    query();
}

void MetricsCharts::query()
{
    m_end = QDateTime::currentDateTimeUtc();
    m_start = m_end.addSecs(-qint64(rangeMinutes()) * 60);
    m_step = chooseRangeStep(m_start, m_end, DesiredPoints);
    const int round = m_round;
    for (qsizetype i = 0; i < m_metrics.size(); ++i) {
        ++m_pending;
        setChartStatus(m_metrics[i], tr("Loading…"), false);
        m_client->rangeQuery(m_metrics.at(i).query.expr, m_start, m_end, m_step, this,
                             [this, round, i](const PrometheusQueryResult &result) {
                                 if (round != m_round)
                                     return;
                                 answer(m_metrics[i], result);
                             });
    }
    updateStatusLine();
}

void MetricsCharts::answer(Metric &metric, const PrometheusQueryResult &result)
{
    --m_pending;
    if (!result.ok()) {
        ++m_failed;
        if (m_firstError.isEmpty())
            m_firstError = result.error;
        metric.model->setSeries({});
        setChartStatus(metric, result.error, true);
    } else {
        metric.model->setSeries(result.series);
        // An expression over metrics the server does not have is an empty answer, not an
        // error: a node-only Prometheus has no request rate.
        QString text = tr("No data");
        if (result.series.size() == 1 && !result.series.constFirst().points.isEmpty()) {
            text = tr("Latest: %1 %2")
                       .arg(QLocale().toString(result.series.constFirst().points.constLast().value,
                                               'g', 4),
                            metric.query.unit);
        } else if (result.series.size() > 1) {
            text = tr("%1 series").arg(result.series.size());
        }
        setChartStatus(metric, text, false);
    }
    fillChart(metric);
    updateStatusLine();
    if (m_pending == 0)
        Q_EMIT updated();
}

void MetricsCharts::fillChart(Metric &metric)
{
    QChart *chart = metric.chart;
    TimeCharts::clear(chart);
    if (!m_start.isValid()) {
        TimeCharts::applyPalette(chart, metric.view, palette());
        return;
    }
    QDateTimeAxis *timeAxis = TimeCharts::addTimeAxis(chart, m_start.toMSecsSinceEpoch(),
                                                      m_end.toMSecsSinceEpoch(), rangeMinutes());
    QValueAxis *valueAxis = TimeCharts::addValueAxis(chart, metric.query.unit);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    const MetricSeriesModel *model = metric.model;
    const int columns = std::min(model->columnCount(), MaxSeries + 1);
    for (int column = 1; column < columns; ++column) {
        auto *series = new QLineSeries;
        series->setName(model->headerData(column, Qt::Horizontal).toString());
        // Filled from the model rather than a QVXYModelMapper, which would draw a time where
        // this series has no point (another series has) as a zero.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QVariant value = model->data(model->index(row, column));
            if (!value.isValid() || !std::isfinite(value.toDouble()))
                continue;
            const double y = value.toDouble();
            series->append(double(model->data(model->index(row, 0)).toLongLong()), y);
            low = std::min(low, y);
            high = std::max(high, y);
        }
        series->setPointsVisible(series->count() < 20);
        chart->addSeries(series);
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    TimeCharts::fitValueAxis(valueAxis, low, high, metric.query.unit);
    // One line needs no legend; the labels of several (by job, by instance) do.
    chart->legend()->setVisible(columns > 2);
    TimeCharts::applyPalette(chart, metric.view, palette());
}

void MetricsCharts::setChartStatus(Metric &metric, const QString &text, bool error)
{
    // Always there, if empty, so the charts of a row stay the same height.
    metric.status->setText(text);
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText,
                     error ? StatusColours::forVerdict(Verdict::Critical, palette())
                           : palette().color(QPalette::PlaceholderText));
    metric.status->setPalette(colours);
}

void MetricsCharts::updateStatusLine()
{
    QString text;
    bool error = false;
    if (!m_client) {
        text.clear();
    } else if (!m_start.isValid() || (m_stale && m_pending == 0)) {
        text = tr("Prometheus %1").arg(m_serverUrl.toDisplayString());
    } else if (m_pending > 0) {
        text = tr("Asking %1…").arg(m_serverUrl.toDisplayString());
    } else if (m_failed > 0) {
        text =
            tr("%1 of %2 queries failed: %3").arg(m_failed).arg(m_metrics.size()).arg(m_firstError);
        error = true;
    } else {
        text = tr("From %1 at %2, one point every %3 s")
                   .arg(m_serverUrl.toDisplayString(),
                        QLocale().toString(m_end.toLocalTime().time(), QLocale::ShortFormat))
                   .arg(m_step);
    }
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText,
                     error ? StatusColours::forVerdict(Verdict::Critical, palette())
                           : palette().color(QPalette::WindowText));
    m_status->setPalette(colours);
}

void MetricsCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_client)
        refresh();
}

void MetricsCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (Metric &metric : m_metrics)
            TimeCharts::applyPalette(metric.chart, metric.view, palette());
    }
}

QStringList MetricsCharts::metricIds() const
{
    QStringList ids;
    for (const Metric &metric : m_metrics)
        ids.append(metric.query.id);
    return ids;
}

MetricsCharts::Metric *MetricsCharts::find(const QString &id)
{
    for (Metric &metric : m_metrics) {
        if (metric.query.id == id)
            return &metric;
    }
    return nullptr;
}

const MetricsCharts::Metric *MetricsCharts::find(const QString &id) const
{
    for (const Metric &metric : m_metrics) {
        if (metric.query.id == id)
            return &metric;
    }
    return nullptr;
}

QChart *MetricsCharts::chart(const QString &id) const
{
    const Metric *metric = find(id);
    return metric ? metric->chart : nullptr;
}

QChartView *MetricsCharts::chartView(const QString &id) const
{
    const Metric *metric = find(id);
    return metric ? metric->view : nullptr;
}

MetricSeriesModel *MetricsCharts::model(const QString &id) const
{
    const Metric *metric = find(id);
    return metric ? metric->model : nullptr;
}

QString MetricsCharts::chartStatus(const QString &id) const
{
    const Metric *metric = find(id);
    return metric ? metric->status->text() : QString();
}

QString MetricsCharts::statusText() const
{
    return m_status->text();
}

QString MetricsCharts::hintText() const
{
    return m_stack->currentWidget() == m_hint ? m_hint->text() : QString();
}

} // namespace OpsDeck
