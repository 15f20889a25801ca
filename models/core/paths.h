// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace OpsDeck {

// Where OpsDeck keeps its own files. All follow the XDG base directories through
// QStandardPaths, so tests redirect them with XDG_DATA_HOME / XDG_CONFIG_HOME.
namespace Paths {
QString dataDirectory();                 // created on first use, private (0700)
QString stateDatabaseFile();             // SQLite state store inside dataDirectory()
QString expandHome(const QString &path); // "~/x" -> "$HOME/x"
} // namespace Paths

} // namespace OpsDeck
