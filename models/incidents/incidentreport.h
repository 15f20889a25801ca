// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"

namespace OpsDeck {

// The post-incident report, filled from the record and its timeline, with the structure of
// the report template our users' runbooks share: summary table, impact, root cause, timeline,
// detection, response, lessons learned, action items. Times are UTC (the report travels
// between time zones); empty fields read "(not recorded)".
//
// Markdown (GitHub flavoured: tables, <br> inside cells): the record's own texts (impact,
// root cause, ...) are kept as written, since people write them in Markdown; everything that
// lands in a table cell or the heading is escaped, commands and output go in code spans.
QString incidentReportMarkdown(const Incident &incident, const QList<IncidentEvent> &events);

// A complete, standalone HTML document with a little CSS; every text is escaped.
QString incidentReportHtml(const Incident &incident, const QList<IncidentEvent> &events);

// Helpers the report uses, public for tests and for other Markdown exports.
// Plain text for a Markdown table cell or heading: CommonMark's inline punctuation and '|'
// backslash-escaped, line breaks as <br>.
QString markdownInlineText(const QString &text);
// text as a code span that survives backticks inside it and '|' inside a table.
// Line breaks become separate spans joined by <br>, as a table row has one line.
QString markdownCodeSpan(const QString &text);

} // namespace OpsDeck
