// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace OpsDeck {

// "Qt 6.4.2", "libssh 0.10.6", ...: what the about dialog and bug reports name.
QStringList componentVersions();

} // namespace OpsDeck
