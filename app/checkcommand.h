// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace OpsDeck::CommandLine {

struct CheckCommandOptions {
    QString workspaceFile; // empty: the built-in workspace (this computer)
    QString environment;   // empty: every environment
    QStringList only;      // kind ids ("http", "host", ...); empty: every kind
    bool json = false;
    QString reportFile; // a Markdown (.md) or HTML (.html) morning-check report to write
    bool acceptUnknownHostKeys = false;
};

// `opsdeck check`: every check of the workspace once, concurrently; a table or JSON on stdout;
// exit status 0 OK, 1 warning, 2 critical, 3 unknown (the monitoring-plugin convention, so it
// runs from cron and CI). A workspace or option that is wrong is said on stderr, exit 3.
int runChecks(const CheckCommandOptions &options);

} // namespace OpsDeck::CommandLine
