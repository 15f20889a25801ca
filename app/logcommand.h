// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace OpsDeck::CommandLine {

// `opsdeck logs stats|grep …`: the log viewer's engines without a window. arguments are the
// words after "logs". Exit status like grep's: 0 lines found, 1 none, 2 an error.
int runLogCommand(const QStringList &arguments);

} // namespace OpsDeck::CommandLine
