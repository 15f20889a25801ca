// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace OpsDeck {

// One run of a set of checks, as the morning check and `opsdeck check` report it.
struct CheckReport {
    QString workspace;   // its name
    QString environment; // empty: every environment
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    QList<CheckSpec> plan;
    QHash<QString, CheckResult> results; // by check id; a planned check without one is unknown

    // The result of spec, or an Unknown one saying it did not answer.
    CheckResult resultFor(const CheckSpec &spec) const;
    Verdict overall() const;
};

// The morning check as a document: what was checked, the values, the thresholds they were
// judged against and the verdicts, problems first, then every check by environment and group
// (the seeds' daily checklist, filled in). Times in UTC. Markdown (GitHub tables) and a
// standalone HTML page, in the style of the incident report.
QString checkReportMarkdown(const CheckReport &report);
QString checkReportHtml(const CheckReport &report);

// `opsdeck check --json`: {"workspace","environment","started","finished","status","exit_code",
// "counts":{"ok","warning","critical","unknown"},"checks":[{"id","kind","environment","host",
// "title","via","parent","status","summary","error","duration_ms","time","values":[{"name",
// "value","unit","text","status","warning","critical"}]}]}; "parent" is the id of the check
// whose health document lists a dependency row, empty for the others.
QJsonObject checkReportJson(const CheckReport &report);
// `opsdeck check`: one line per check, aligned, worst verdicts marked, then a total line.
QString checkReportTable(const CheckReport &report);

// "42 ms", "87.5 %", "12 days", "200 OK": a value as people read it.
QString formatCheckValue(const CheckValue &value);

} // namespace OpsDeck
