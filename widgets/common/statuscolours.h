// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/core/risk.h"
#include "models/health/checkresult.h"

#include <QColor>
#include <QPalette>

// The one table of status and risk colours: every page asks here, so light and dark palettes
// read the same everywhere and a colour changes in one place.
namespace OpsDeck::StatusColours {

// The palette's base is dark (our dark theme, or a dark desktop theme).
bool isDark(const QPalette &palette);

// Healthy, succeeded, read-only.
QColor good(const QPalette &palette);
// Needs attention: changes, warnings, cancelled or refused.
QColor caution(const QPalette &palette);
// Broken or destructive: failures, errors, destroy.
QColor bad(const QPalette &palette);

QColor forRisk(Risk risk, const QPalette &palette);
QColor forConnection(ConnectionState state, const QPalette &palette);
// A check's verdict: good, caution, bad, and the disabled text grey for unknown.
QColor forVerdict(Verdict verdict, const QPalette &palette);
// The icon that goes with a verdict's colour (for themedIcon): colour never stands alone.
QString verdictIconName(Verdict verdict);

// Black or white, whichever reads better on background.
QColor textOn(const QColor &background);

} // namespace OpsDeck::StatusColours
