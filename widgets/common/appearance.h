// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QPalette>
#include <QString>

namespace OpsDeck::Appearance {

// "system" (the default) keeps the desktop's palette; "light" and "dark" use Fusion with our
// palettes, for desktops that give Qt no dark palette.
void apply(const QString &theme);
QString currentSetting();
// The palette "dark" applies.
QPalette darkPalette();
// The fixed-width font for logs, command output and code: the desktop's own.
QFont monospaceFont();

} // namespace OpsDeck::Appearance
