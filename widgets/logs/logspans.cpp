// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logspans.h"

#include "models/logs/logmatcher.h"

namespace OpsDeck {

namespace {

class BuiltInLogSpanHighlighter final : public LogSpanHighlighter
{
public:
    QList<LogHighlightSpan> spans(QStringView line, LogFormat format) const override
    {
        // Very long lines are coloured in their first part only: the rest is rarely looked at,
        // and the highlighter's cost grows with the line.
        constexpr qsizetype HighlightedCharacters = 4096;
        return highlightLogLine(line.first(std::min(line.size(), HighlightedCharacters)), format);
    }
};

} // namespace

QRegularExpression logPatternExpression(const LogPattern &pattern)
{
    // The search's own translation of grep's syntax: the marks agree with the lines it finds.
    QString body = pattern.regularExpression || pattern.basicSyntax
                       ? grepPatternToPcre(pattern.text, pattern.regularExpression)
                       : QRegularExpression::escape(pattern.text);
    if (body.isEmpty())
        return {};
    if (pattern.wholeWord)
        body = u"(?<!\\w)(?:" + body + u")(?!\\w)";
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!pattern.caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(body, options);
}

QList<TextSpan> matchSpans(const QRegularExpression &expression, QStringView line, int maxSpans)
{
    QList<TextSpan> spans;
    if (!expression.isValid() || expression.pattern().isEmpty())
        return spans;
    QRegularExpressionMatchIterator it = expression.globalMatch(line);
    while (it.hasNext() && spans.size() < maxSpans) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() > 0)
            spans.append({match.capturedStart(), match.capturedLength()});
    }
    return spans;
}

LogSpanHighlighter::~LogSpanHighlighter() = default;

std::unique_ptr<LogSpanHighlighter> createBuiltInLogSpanHighlighter()
{
    return std::make_unique<BuiltInLogSpanHighlighter>();
}

#if !OPSDECK_HAVE_KSYNTAXHIGHLIGHTING
std::unique_ptr<LogSpanHighlighter> createLogSpanHighlighter()
{
    return createBuiltInLogSpanHighlighter();
}
#endif

} // namespace OpsDeck
