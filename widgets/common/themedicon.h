// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace OpsDeck {

// An icon from :/icons/NAME.svg. Monochrome icons draw with #000000, which is replaced by the
// palette's text colour at paint time, so icons follow light and dark palettes and stay sharp
// at any device pixel ratio. Accent colours in the SVG are kept.
QIcon themedIcon(const QString &name);

} // namespace OpsDeck
