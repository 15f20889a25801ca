// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The one way OpsDeck writes durations and sizes, in the user's locale.
namespace OpsDeck {

// "350 ms", "1.2 s" (tenths cut, so 59.99 s is not a minute yet), "2 min 05 s", "2 h 03 min".
// Negative values (clock skew) show as 0 ms.
QString formatDuration(qint64 milliseconds);
// "512 B", "1.5 KiB", "12 KiB", "3.4 MiB": one decimal below 10, whole units above; never
// "1024 KiB".
QString formatBytes(qint64 bytes);

} // namespace OpsDeck
