// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/httpcheck.h"

namespace OpsDeck {

// A service's Prometheus /metrics endpoint, scraped like its health URL (the same timeout,
// redirect and size limits, from here or with curl on its via host) and read with the
// exposition parser (prometheustext.h).

// The options for a workspace service's metrics URL: status 200, the workspace's
// "response_time" threshold for the scrape's latency.
HttpCheckOptions scrapeCheckOptions(const Service &service, const Workspace &workspace);

// Critical when the answer is not 200 or the body is not a valid exposition (the first error's
// line and column in the error); otherwise OK, with the scrape latency, the families and
// samples counts and, when the endpoint has them, the process' resident memory and CPU time.
// Pure, but it parses the whole body: run it off the GUI thread.
CheckResult judgeScrapeAnswer(const HttpCheckOptions &options, const HttpAnswer &answer);

} // namespace OpsDeck
