// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

namespace OpsDeck::Appearance {

// "system" (the default) keeps the desktop's palette; "light" and "dark" use Fusion with our
// palettes, for desktops that give Qt no dark palette.
void apply(const QString &theme);
QString currentSetting();
// The palette "dark" applies.
QPalette darkPalette();

} // namespace OpsDeck::Appearance
