// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/checkdetails.h"

#include "models/health/checkhistorytablemodel.h"
#include "models/health/healthboardmodel.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/dashboard/timecharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {
// A chart with more lines than this is unreadable; the table has the rest.
constexpr int MaxSeries = 6;
} // namespace

CheckDetails::CheckDetails(HealthBoardModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_history(new CheckHistoryTableModel(this))
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_alerts(new QLabel(this))
    , m_runbookButton(new QPushButton(themedIcon(u"runbook"_s), tr("Open &Runbook"), this))
    , m_incidentButton(new QPushButton(themedIcon(u"incident"_s), tr("&Declare Incident…"), this))
    , m_alertsButton(new QPushButton(tr("&Alerts and Silences…"), this))
    , m_range(new QComboBox(this))
    , m_resetZoom(new QPushButton(tr("Reset &Zoom"), this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_content(new QWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(u"checkDetails"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setObjectName(u"checkDetailsTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(u"checkDetailsSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_alerts->setWordWrap(true);
    m_alerts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_alerts->setObjectName(u"checkDetailsAlerts"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runbookButton->setObjectName(u"openCheckRunbook"_s);
    m_incidentButton->setObjectName(u"declareCheckIncident"_s);
    m_alertsButton->setObjectName(u"openCheckAlerts"_s);
    m_alertsButton->setToolTip(tr("The environment's Alertmanager: its alerts and silences"));

    m_range->setObjectName(u"checkRange"_s);
    TimeCharts::addRanges(m_range);
    m_resetZoom->setObjectName(u"checkResetZoom"_s);
    m_resetZoom->setToolTip(tr("Drag a rectangle over the chart to zoom in"));

    TimeCharts::setUp(m_chart, m_chartView);
    m_chartView->setMinimumHeight(180);
    applyChartColours();

    m_table->setModel(m_history);
    m_table->setObjectName(u"checkHistoryTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_icon);
    header->addWidget(m_title, 1);
    header->addWidget(m_runbookButton);
    header->addWidget(m_incidentButton);
    header->addWidget(m_alertsButton);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_range);
    controls->addStretch(1);
    controls->addWidget(m_resetZoom);

    auto *chartPane = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(controls);
    chartLayout->addWidget(m_chartView, 1);
    m_splitter->setObjectName(u"checkDetailsSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(chartPane);
    m_splitter->addWidget(m_table);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(m_alerts);
    contentLayout->addWidget(m_splitter, 1);

    m_empty->setText(tr("Choose a check to see its results over time.\n\nArrow keys move "
                        "between checks, Enter opens one."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_empty);
    stack->addWidget(m_content);

    connect(m_range, &QComboBox::currentIndexChanged, this, &CheckDetails::fillChart);
    connect(m_resetZoom, &QPushButton::clicked, m_chart, [this] { m_chart->zoomReset(); });
    connect(m_runbookButton, &QPushButton::clicked, this, [this] {
        const int row = m_model ? m_model->rowOf(m_checkId) : -1;
        if (row >= 0)
            Q_EMIT openRunbookRequested(m_model->spec(row).runbook);
    });
    connect(m_incidentButton, &QPushButton::clicked, this, [this] {
        const int row = m_model ? m_model->rowOf(m_checkId) : -1;
        if (row >= 0 && m_model->latest(row)) {
            const QString title = m_model->spec(row).title;
            Q_EMIT declareIncidentRequested(
                tr("%1: %2").arg(title, verdictName(m_model->latest(row)->verdict)), evidence());
        }
    });
    connect(m_alertsButton, &QPushButton::clicked, this, [this] {
        if (const QUrl url = alertmanagerUrl(); url.isValid())
            Q_EMIT alertsRequested(url);
    });
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    const int row = m_model->rowOf(m_checkId);
                    if (row >= from.row() && row <= to.row())
                        reload();
                });
        connect(model, &QAbstractItemModel::modelReset, this, &CheckDetails::reload);
    }
    showCheck({});
}

CheckDetails::~CheckDetails() = default;

void CheckDetails::showCheck(const QString &checkId)
{
    m_checkId = checkId;
    m_chart->zoomReset();
    reload();
}

QUrl CheckDetails::alertmanagerUrl() const
{
    const int row = m_model && !m_checkId.isEmpty() ? m_model->rowOf(m_checkId) : -1;
    if (row < 0)
        return {};
    const CheckSpec &shown = m_model->spec(row);
    if (shown.kind == CheckKind::Alerts)
        return shown.url;
    for (int other = 0; other < m_model->rowCount(); ++other) {
        const CheckSpec &spec = m_model->spec(other);
        if (spec.kind == CheckKind::Alerts && spec.environment == shown.environment)
            return spec.url;
    }
    return {};
}

void CheckDetails::setRangeMinutes(int minutes)
{
    const int index = m_range->findData(minutes);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

int CheckDetails::rangeMinutes() const
{
    return m_range->currentData().toInt();
}

void CheckDetails::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyChartColours();
        reload();
    }
}

void CheckDetails::applyChartColours()
{
    TimeCharts::applyPalette(m_chart, m_chartView, palette());
}

void CheckDetails::reload()
{
    auto *stack = static_cast<QStackedLayout *>(layout());
    const int row = m_model && !m_checkId.isEmpty() ? m_model->rowOf(m_checkId) : -1;
    if (row < 0) {
        m_history->clear();
        m_chart->removeAllSeries();
        stack->setCurrentWidget(m_empty);
        return;
    }
    stack->setCurrentWidget(m_content);
    const CheckSpec &spec = m_model->spec(row);
    const CheckResult *latest = m_model->latest(row);
    const Verdict verdict = latest ? latest->verdict : Verdict::Unknown;
    m_icon->setPixmap(themedIcon(StatusColours::verdictIconName(verdict))
                          .pixmap(QSize(22, 22), devicePixelRatio()));
    m_title->setText(spec.title);
    QString where = spec.environment;
    if (!spec.host.isEmpty())
        where += u" / "_s + spec.host;
    if (!spec.viaHost.isEmpty())
        where += tr(" (via %1)").arg(spec.viaHost);
    if (latest) {
        m_summary->setText(
            tr("%1 · %2 · %3 · %4")
                .arg(verdictName(verdict), latest->summary, where,
                     QLocale().toString(latest->time.toLocalTime(), QLocale::ShortFormat)));
    } else {
        m_summary->setText(tr("%1 · not run yet").arg(where));
    }
    m_error->setText(latest ? latest->error : QString());
    m_error->setVisible(latest && !latest->error.isEmpty() && latest->error != latest->summary);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, StatusColours::forVerdict(verdict, palette()));
    m_error->setPalette(errorPalette);

    QStringList alerts;
    for (const AlertMatch &match : m_model->alertsFor(row))
        alerts.append(HealthBoardModel::describeAlert(match));
    m_alerts->setText(alerts.isEmpty() ? QString() : tr("Alerts: %1").arg(alerts.join(u"; "_s)));
    m_alerts->setVisible(!alerts.isEmpty());

    // The way out of a red check: its runbook, or an incident with the evidence.
    const bool red = verdict == Verdict::Critical;
    m_runbookButton->setVisible(red);
    m_runbookButton->setEnabled(!spec.runbook.isEmpty());
    m_runbookButton->setToolTip(spec.runbook.isEmpty()
                                    ? tr("The workspace names no runbook for this check")
                                    : spec.runbook);
    m_incidentButton->setVisible(red);
    // An Alertmanager check, or a red check its alerts are about, leads to them.
    const QList<AlertMatch> matches = m_model->alertsFor(row);
    m_alertsButton->setVisible(alertmanagerUrl().isValid() &&
                               (spec.kind == CheckKind::Alerts || (red && !matches.isEmpty())));

    m_history->setHistory(m_model->history(row));
    m_table->resizeColumnsToContents();
    fillChart();
}

void CheckDetails::fillChart()
{
    TimeCharts::clear(m_chart);
    if (m_history->rowCount() == 0)
        return;

    // One axis, one unit: the columns sharing the unit of the first plain number (values with
    // a text, such as "200 OK", are better read in the table).
    QList<int> columns;
    QString unit;
    bool chosen = false;
    const QModelIndex newest = m_history->index(0, 0);
    for (int column = CheckHistoryTableModel::FirstValueColumn;
         column < m_history->columnCount() && columns.size() < MaxSeries; ++column) {
        const QModelIndex cell = m_history->index(newest.row(), column);
        const bool plainNumber = cell.data(CheckHistoryTableModel::PlainNumberRole).toBool();
        if (!chosen && plainNumber) {
            unit = m_history->valueUnit(column);
            chosen = true;
        }
        if (chosen && m_history->valueUnit(column) == unit)
            columns.append(column);
    }
    if (!chosen) {
        for (int column = CheckHistoryTableModel::FirstValueColumn;
             column < m_history->columnCount() && columns.size() < MaxSeries; ++column)
            columns.append(column);
        unit = columns.isEmpty() ? QString() : m_history->valueUnit(columns.constFirst());
    }

    const qint64 newestMs = newest.data(CheckHistoryTableModel::TimeRole).toLongLong();
    const qint64 endMs = std::max(newestMs, QDateTime::currentMSecsSinceEpoch());
    const qint64 startMs = endMs - qint64(rangeMinutes()) * 60 * 1000;
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();

    QDateTimeAxis *timeAxis = TimeCharts::addTimeAxis(m_chart, startMs, endMs, rangeMinutes());
    QValueAxis *valueAxis = TimeCharts::addValueAxis(m_chart, unit);
    applyChartColours();

    for (int column : std::as_const(columns)) {
        auto *series = new QLineSeries;
        series->setName(m_history->valueName(column));
        // Rows are newest first; a line is drawn oldest first.
        for (int row = m_history->rowCount() - 1; row >= 0; --row) {
            const QModelIndex cell = m_history->index(row, column);
            const QVariant value = cell.data(CheckHistoryTableModel::ValueRole);
            const qint64 time = cell.data(CheckHistoryTableModel::TimeRole).toLongLong();
            if (!value.isValid() || time < startMs)
                continue;
            series->append(double(time), value.toDouble());
            low = std::min(low, value.toDouble());
            high = std::max(high, value.toDouble());
        }
        series->setPointsVisible(series->count() < 40);
        m_chart->addSeries(series);
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    TimeCharts::fitValueAxis(valueAxis, low, high, unit);
    m_chart->legend()->setVisible(columns.size() > 1);
    m_chart->setTitle(columns.size() == 1 ? m_history->valueName(columns.constFirst()) : QString());
}

QString CheckDetails::evidence() const
{
    const int row = m_model ? m_model->rowOf(m_checkId) : -1;
    if (row < 0 || !m_model->latest(row))
        return {};
    QString text = checkEvidence(m_model->spec(row).title, *m_model->latest(row));
    for (const AlertMatch &match : m_model->alertsFor(row))
        text += u'\n' + tr("Alert: %1").arg(HealthBoardModel::describeAlert(match));
    return text;
}

QString checkEvidence(const QString &title, const CheckResult &result)
{
    QStringList lines;
    lines.append(CheckDetails::tr("Check %1 (%2): %3 at %4")
                     .arg(title, result.checkId, verdictName(result.verdict),
                          result.time.toUTC().toString(Qt::ISODate)));
    if (!result.summary.isEmpty())
        lines.append(result.summary);
    if (!result.error.isEmpty() && result.error != result.summary)
        lines.append(result.error);
    for (const CheckValue &value : result.values) {
        QString line =
            u"- %1: %2 (%3)"_s.arg(value.name, checkValueText(value), verdictName(value.verdict));
        if (value.warning || value.critical) {
            QStringList limits;
            if (value.warning)
                limits.append(CheckDetails::tr("warning at %1").arg(*value.warning));
            if (value.critical)
                limits.append(CheckDetails::tr("critical at %1").arg(*value.critical));
            line += u"; "_s + limits.join(u", "_s);
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

} // namespace OpsDeck
