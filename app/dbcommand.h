// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace OpsDeck::CommandLine {

// `opsdeck [--workspace FILE] db VIEW DATABASE [--json] [--password-stdin]`, VIEW one of
// overview, activity, locks, slow, tables, replication: one refresh of that DBA view of a
// workspace database, through the same session and models as the Databases page, printed as a
// table or JSON. And the actions, through the same safety gate and audit log:
//   db cancel DATABASE PID --yes
//   db terminate DATABASE PID --confirm PID
//   db terminate-idle DATABASE --older-than MIN [--confirm DATABASE]   (a preview without)
// Passwords come from standard input only (--password-stdin), never from argv or the
// environment; the command line opens no keychain, as `opsdeck check`. Exit status 0, 1 when
// the database could not be read or the action was refused or failed, 2 on a usage error
// (unknown database, missing password, bad option). Parses its own options.
int runDbCommand(const QStringList &arguments);

// Whether arguments (argv) name the db command: the first word that is not an option or an
// option's value is "db".
bool isDbCommand(const QStringList &arguments);

} // namespace OpsDeck::CommandLine
