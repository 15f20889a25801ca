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
        return builtInSpans(line, format);
    }

    static QList<LogHighlightSpan> builtInSpans(QStringView line, LogFormat format);
};

QList<LogHighlightSpan> BuiltInLogSpanHighlighter::builtInSpans(QStringView line, LogFormat format)
{
    // The built-in highlighter (models/logs/loghighlighter.h) arrives from another branch; until
    // then lines are shown uncoloured.
    Q_UNUSED(line);
    Q_UNUSED(format);
    return {};
}

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
