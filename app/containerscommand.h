// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace OpsDeck::CommandLine {

// `opsdeck [--workspace FILE] containers [HOST...] [--runtime R] [--context C] [-n NS] [--json]`:
// every container and pod of the workspace's hosts (or those named) read once, through the
// same poll script, parsers and list model as the Containers page, as a table or JSON. Exit
// status 0, 1 when any source failed (the rest is still printed), 2 on a usage error. It parses
// its own options (-n takes a namespace here, unlike `logs grep -n`).
int runContainersCommand(const QStringList &arguments);

// Whether arguments (argv) name the containers command: the first word that is not an option
// or an option's value is "containers".
bool isContainersCommand(const QStringList &arguments);

} // namespace OpsDeck::CommandLine
