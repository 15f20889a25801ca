// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace OpsDeck {

// A check's answer. Combined for exit codes with worseForExitCode (the monitoring-plugin
// convention 0, 1, 2, 3: Unknown counts worst).
enum class Verdict { Ok, Warning, Critical, Unknown };

// One measured value of a check (a check may give several: latency and status, each
// dependency of a health document, days left of each certificate in a chain).
struct CheckValue {
    QString name; // "latency", "status", "days left", "database", "memory used"
    double value = 0;
    QString unit; // "ms", "%", "days", "" for a count
    QString text; // what to show instead of the number ("healthy", "200 OK"), if any
    Verdict verdict = Verdict::Ok;
    std::optional<double> warning; // the thresholds it was judged against, if any
    std::optional<double> critical;
};

// What one run of one check found.
struct CheckResult {
    QString checkId; // stable across runs: "env/host/service:health" — the key of its history
    QDateTime time;  // when it ran (UTC)
    qint64 durationMs = 0;
    Verdict verdict = Verdict::Unknown;
    QString summary; // one line for the grid: "200 OK in 42 ms", "certificate expires in 3 days"
    // What went wrong, with host and port: "connection refused" (Critical: the service is not
    // there, as check_http says), or why it could not be judged at all (Unknown: a bad URL).
    QString error;
    QList<CheckValue> values;
    // An HTTP check that read a health document: the names of its dependencies, in the
    // document's order. Their values are the last ones of values, and each dependency is a row
    // of its own on the board and in reports (healthdependencies.h). nullopt: no health
    // document was read (the service did not answer, or not with JSON).
    std::optional<QStringList> dependencies;
};

// value against a threshold from the workspace: Above (higher is worse) or Below.
Verdict judge(double value, const Threshold &threshold);
// The worse of two for exit codes and summaries (Unknown worst, as monitoring plugins count).
Verdict worseForExitCode(Verdict a, Verdict b);
// Exit status for `opsdeck check`: 0 OK, 1 warning, 2 critical, 3 unknown.
int exitCodeFor(Verdict verdict);
// "OK", "WARNING", "CRITICAL", "UNKNOWN" for --json and logs; verdictName() for people (tr).
QString verdictId(Verdict verdict);
// The verdict of a verdictId() text; Unknown for anything else.
Verdict verdictFromId(QStringView id);
QString verdictName(Verdict verdict);

} // namespace OpsDeck
