// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/timecharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

void TimeCharts::setUp(QChart *chart, QChartView *view)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    view->setRenderHint(QPainter::Antialiasing);
    view->setRubberBand(QChartView::RectangleRubberBand);
}

void TimeCharts::applyPalette(QChart *chart, QChartView *view, const QPalette &colours)
{
    chart->setBackgroundBrush(colours.color(QPalette::Base));
    chart->setBackgroundPen(QPen(colours.color(QPalette::Mid)));
    chart->setTitleBrush(colours.color(QPalette::Text));
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    view->setBackgroundBrush(colours.color(QPalette::Window));
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(colours.color(QPalette::Text));
        axis->setTitleBrush(colours.color(QPalette::Text));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
}

void TimeCharts::addRanges(QComboBox *range)
{
    range->setAccessibleName(tr("Time range"));
    range->addItem(tr("Last 15 minutes"), 15);
    range->addItem(tr("Last hour"), 60);
    range->addItem(tr("Last 6 hours"), 360);
    range->addItem(tr("Last 24 hours"), 1440);
    range->setCurrentIndex(1);
}

void TimeCharts::clear(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QDateTimeAxis *TimeCharts::addTimeAxis(QChart *chart, qint64 startMs, qint64 endMs,
                                       int rangeMinutes)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(rangeMinutes > 360 ? u"dd.MM. HH:mm"_s : u"HH:mm"_s);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(startMs), QDateTime::fromMSecsSinceEpoch(endMs));
    axis->setTickCount(rangeMinutes > 15 ? 7 : 6);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis *TimeCharts::addValueAxis(QChart *chart, const QString &unit)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(unit);
    axis->setLabelFormat(u"%.4g"_s);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

void TimeCharts::fitValueAxis(QValueAxis *axis, double low, double high, const QString &unit)
{
    if (low > high) {
        axis->setRange(0, 1);
        return;
    }
    const double bottom = low >= 0 ? 0 : low;
    double top = unit == u"%" ? std::max(100.0, high) : high + (high - bottom) * 0.1;
    if (top <= bottom)
        top = bottom + 1;
    axis->setRange(bottom, top);
    axis->applyNiceNumbers();
}

} // namespace OpsDeck
