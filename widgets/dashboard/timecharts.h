// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QPalette;
class QValueAxis;

namespace OpsDeck {

// What every chart of values over time on the Dashboard shares (a check's details, the
// Prometheus metrics): the same look, zoom, time ranges and axes, so they read alike.
class TimeCharts
{
    Q_DECLARE_TR_FUNCTIONS(TimeCharts)

public:
    // Margins, square corners, antialiasing and rubber-band zoom (reset with zoomReset()).
    static void setUp(QChart *chart, QChartView *view);
    // The chart in the window's palette, not Qt Charts' own light theme; again after the axes
    // change, which come in Qt Charts' colours.
    static void applyPalette(QChart *chart, QChartView *view, const QPalette &colours);
    // 15 minutes, 1 hour, 6 hours and 24 hours, the minutes as item data; 1 hour chosen.
    static void addRanges(QComboBox *range);
    // Removes every series and axis.
    static void clear(QChart *chart);
    // A time axis from startMs to endMs with labels that fit the range, added at the bottom.
    static QDateTimeAxis *addTimeAxis(QChart *chart, qint64 startMs, qint64 endMs,
                                      int rangeMinutes);
    // A value axis titled unit, added on the left.
    static QValueAxis *addValueAxis(QChart *chart, const QString &unit);
    // From zero (or the lowest value below it) to a little above the highest, a percentage at
    // least to 100; 0..1 without values (low > high).
    static void fitValueAxis(QValueAxis *axis, double low, double high, const QString &unit);
};

} // namespace OpsDeck
