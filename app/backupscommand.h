// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace OpsDeck::CommandLine {

// `opsdeck [--workspace FILE] backups list [LOCATION...] [--json]`: every backup location of the
// workspace (or those named) listed once through the same catalog and models as the Backups
// page, with each file's last verification from the state store. Exit status 1 when a location
// is stale (warning or critical) or could not be listed.
//
// `opsdeck [--workspace FILE] backups verify FILE|LOCATION --level 0..3 [--json]`: the
// verification ladder up to that level for one file (a local path or HOST:PATH) or every file
// of a location, recorded in the state store as the page records it. Level 3 (a test restore,
// a Change action) needs --scratch DATABASE and --confirm, and is refused with --read-only.
// Exit status 1 when a level failed or could not run, 2 on a usage error.
int runBackupsCommand(const QStringList &arguments);

// Whether arguments (argv) name the backups command.
bool isBackupsCommand(const QStringList &arguments);

} // namespace OpsDeck::CommandLine
