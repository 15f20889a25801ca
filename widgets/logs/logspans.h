// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/loghighlighter.h"
#include "models/logs/logquery.h"

#include <QList>
#include <QRegularExpression>
#include <QStringView>

#include <memory>

namespace OpsDeck {

// Where a pattern matches in one shown line, for painting: the scan that decides which lines
// match runs in models/ (LogSearch); this only marks the text of the few lines on screen.
struct TextSpan {
    qsizetype start = 0;
    qsizetype length = 0;
};

// The pattern as a QRegularExpression (PCRE2, like the search, through the search's own
// grepPatternToPcre): whole words and case as the pattern says. Empty for a bad expression
// (the search bar says why, from LogSearch::check()).
QRegularExpression logPatternExpression(const LogPattern &pattern);
// Non-empty matches in line, in order, at most maxSpans of them.
QList<TextSpan> matchSpans(const QRegularExpression &expression, QStringView line,
                           int maxSpans = 256);

// What colours a line by its format: the built-in highlighter (models/logs/loghighlighter.h),
// or KSyntaxHighlighting where it was found at build time. Spans are sorted and never overlap.
class LogSpanHighlighter
{
public:
    virtual ~LogSpanHighlighter();
    virtual QList<LogHighlightSpan> spans(QStringView line, LogFormat format) const = 0;
};

// The best highlighter this build has.
std::unique_ptr<LogSpanHighlighter> createLogSpanHighlighter();
// The built-in one, always there (tests compare against it).
std::unique_ptr<LogSpanHighlighter> createBuiltInLogSpanHighlighter();

} // namespace OpsDeck
