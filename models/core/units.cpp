// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/units.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace OpsDeck {

QString formatDuration(qint64 milliseconds)
{
    const QLocale locale;
    const qint64 ms = std::max<qint64>(milliseconds, 0);
    if (ms < 1000)
        return QCoreApplication::translate("Units", "%1 ms").arg(locale.toString(ms));
    if (ms < 60 * 1000) // tenths, cut rather than rounded: 59.99 s is not a minute yet
        return QCoreApplication::translate("Units", "%1 s")
            .arg(locale.toString(double(ms / 100) / 10.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    if (seconds < 60 * 60)
        return QCoreApplication::translate("Units", "%1 min %2 s")
            .arg(locale.toString(seconds / 60))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const qint64 minutes = seconds / 60;
    return QCoreApplication::translate("Units", "%1 h %2 min")
        .arg(locale.toString(minutes / 60))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatBytes(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return QCoreApplication::translate("Units", "%1 B")
            .arg(locale.toString(std::max<qint64>(bytes, 0)));
    // Rounded to one decimal below 10 and to whole units above; a value that rounds up to
    // 1024 moves on to the next unit, so "1024 KiB" never shows.
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    int decimals = std::round(value * 10.0) < 100.0 ? 1 : 0;
    if (decimals == 0 && std::round(value) >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
        decimals = 1;
    }
    const QString number = locale.toString(value, 'f', decimals);
    switch (unit) {
    case 1:
        return QCoreApplication::translate("Units", "%1 KiB").arg(number);
    case 2:
        return QCoreApplication::translate("Units", "%1 MiB").arg(number);
    case 3:
        return QCoreApplication::translate("Units", "%1 GiB").arg(number);
    case 4:
        return QCoreApplication::translate("Units", "%1 TiB").arg(number);
    default:
        return QCoreApplication::translate("Units", "%1 PiB").arg(number);
    }
}

} // namespace OpsDeck
