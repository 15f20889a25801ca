// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logformats.h"

#include <QList>
#include <QStringView>

namespace OpsDeck {

// What a span of a log line is; widgets map roles to colours (light and dark).
enum class LogHighlightRole {
    Timestamp,
    LevelTrace,
    LevelDebug,
    LevelInfo,
    LevelWarning,
    LevelError, // Error and above
    IpAddress,
    Url,
    QuotedString,
    HttpSuccess,     // 2xx
    HttpRedirect,    // 3xx
    HttpClientError, // 4xx
    HttpServerError, // 5xx
    Number,
    Source, // compose service, program[pid]
};

struct LogHighlightSpan {
    qsizetype start = 0; // in the decoded line (QString positions)
    qsizetype length = 0;
    LogHighlightRole role = LogHighlightRole::Number;
};

// The built-in highlighter: spans for one decoded line, sorted by start, never overlapping.
// This is what runs when KSyntaxHighlighting (KF6) is not found, and what the tests check.
QList<LogHighlightSpan> highlightLogLine(QStringView line, LogFormat format);

} // namespace OpsDeck
