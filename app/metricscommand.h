// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace OpsDeck::CommandLine {

// `opsdeck metrics parse FILE|URL [--json]`: what the Prometheus exposition parser reads from a
// file or a scrape (http, https, file URLs), as a table or JSON. Errors go to stderr as
// FILE:line:column, after what parsed is printed. Exit status 0, 1 when the text has errors, 2
// when it could not be read or fetched. timeoutSeconds 0 means 10 seconds.
int parseMetrics(const QString &source, bool json, int timeoutSeconds);

} // namespace OpsDeck::CommandLine
