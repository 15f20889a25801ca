// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logspans.h"

namespace OpsDeck {

namespace {

// grep -E text as PCRE2 reads it: the two GNU word anchors have no PCRE spelling, the rest of
// what users type (classes, \w, \b, intervals, alternation) reads the same.
QString perlFromExtended(QStringView text)
{
    QString result;
    result.reserve(text.size() + 8);
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text[i + 1];
            if (next == u'<')
                result += u"\\b(?=\\w)";
            else if (next == u'>')
                result += u"\\b(?<=\\w)";
            else
                result += text.mid(i, 2);
            i += 2;
            continue;
        }
        if (c == u'[') {
            // A bracket expression is copied whole: "\<" or "]" inside it mean themselves.
            qsizetype end = i + 1;
            if (end < text.size() && text[end] == u'^')
                ++end;
            if (end < text.size() && text[end] == u']')
                ++end;
            while (end < text.size() && text[end] != u']') {
                if (text[end] == u'[' && end + 1 < text.size() && text[end + 1] == u':') {
                    const qsizetype close = text.indexOf(u":]", end + 2);
                    end = close < 0 ? text.size() : close + 2;
                    continue;
                }
                ++end;
            }
            end = std::min(end + 1, text.size());
            result += text.mid(i, end - i);
            i = end;
            continue;
        }
        result += c;
        ++i;
    }
    return result;
}

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
    QString body = pattern.regularExpression ? perlFromExtended(pattern.text)
                                             : QRegularExpression::escape(pattern.text);
    if (pattern.wholeWord)
        body = u"(?<!\\w)(?:" + body + u")(?!\\w)";
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
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
