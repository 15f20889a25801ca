// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logformats.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace OpsDeck {

// One pattern of a search or filter.
struct LogPattern {
    enum class Combine {
        And, // the line must match it
        Or,  // the line must match at least one of the Or patterns
        Not, // the line must not match it
    };
    QString text;
    bool regularExpression = false; // grep -E syntax (POSIX extended, GNU's \< \> \b \w)
    // With regularExpression false: grep's default basic syntax instead of plain text (what
    // `opsdeck logs grep` without -E reads, as grep does).
    bool basicSyntax = false;
    bool caseSensitive = true;
    bool wholeWord = false;
    Combine combine = Combine::Or;
};

// What lines a filter keeps: patterns combined (a line is kept when it matches every And
// pattern, at least one Or pattern if there are any, and no Not pattern), a least level and
// a time range. Lines the format marks as continuations (stack frames) take their entry's
// level and time.
struct LogQuery {
    QList<LogPattern> patterns;
    std::optional<LogLevel> minimumLevel;
    std::optional<QDateTime> since;      // inclusive
    std::optional<QDateTime> until;      // inclusive
    LogFormat format = LogFormat::Plain; // how level and time are read

    bool isEmpty() const { return patterns.isEmpty() && !minimumLevel && !since && !until; }
    bool needsFields() const { return minimumLevel || since || until; }
};

// A query checked and compiled, or the reason it cannot be: a bad regular expression says
// which pattern and at which column.
struct LogQueryProblem {
    int patternIndex = -1;
    int column = 0; // 1-based in the pattern's text, 0 when unknown
    QString message;
};

} // namespace OpsDeck
