// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"
#include "models/health/hostmetrics.h"

#include <QList>
#include <QSize>
#include <QString>

class QPainter;
class QPalette;
class QRect;

namespace OpsDeck {

// Network rates of one poll. Results do not carry them (they are shown, not judged), so the
// dashboard keeps them from the scheduler's samples.
struct NetworkSample {
    double receivedBytesPerSecond = 0;
    double sentBytesPerSecond = 0;
};
std::optional<NetworkSample> networkSampleOf(const HostMetrics &metrics);

// One line of a host card: the latest value and the recent ones for its sparkline.
struct HostCardMetric {
    QString label; // "CPU", "memory", "load", "disk /var", "network"
    QString text;  // "37 %", "0.52 on 4 CPUs", "1.2 MiB/s in · 80 KiB/s out"
    Verdict verdict = Verdict::Unknown;
    QList<double> samples; // oldest first
    double scaleMax = 0;   // 100 for percentages, 0 to scale to the samples
    bool judged = true;    // false: shown only (network), drawn in the accent colour
};

// What a host card shows, built from the host check's history. Plain data: painting 50 cards
// reads it, nothing is computed per paint.
struct HostCard {
    QString title;
    Verdict verdict = Verdict::Unknown;
    bool hasResult = false;
    QString summary; // the error when the host could not be read
    QList<HostCardMetric> metrics;
    QString failedUnits; // "2 failed units: nginx, cron" or empty
    Verdict failedUnitsVerdict = Verdict::Ok;
};

// How many recent samples a card's sparklines show.
inline constexpr int HostCardSamples = 60;

HostCard makeHostCard(const CheckSpec &spec, const QList<CheckResult> &history,
                      const QList<NetworkSample> &network);

// The size a card needs in the grid (the width may grow to fill a row).
QSize hostCardSize();
// Paints card into rect; age is the latest result's age ("12 s ago").
void paintHostCard(QPainter &painter, const QRect &rect, const HostCard &card,
                   const QPalette &palette, const QString &age);

} // namespace OpsDeck
