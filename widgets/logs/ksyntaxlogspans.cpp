// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled only where CMake found KF6SyntaxHighlighting (OPSDECK_HAVE_KSYNTAXHIGHLIGHTING).
#include "widgets/logs/logspans.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <algorithm>
#include <optional>

namespace OpsDeck {

namespace {

namespace Ksh = KSyntaxHighlighting;

// KDE's log definitions know many programs' words; OpsDeck's own highlighter knows the formats
// it detects. Each line is highlighted on its own: log lines do not continue each other's state.
class SpanCollector final : public Ksh::AbstractHighlighter
{
public:
    QList<LogHighlightSpan> collect(QStringView line)
    {
        m_spans.clear();
        highlightLine(line.toString(), Ksh::State()); // QString: KF5 and KF6 both take it
        std::ranges::sort(m_spans, {}, &LogHighlightSpan::start);
        return m_spans;
    }

protected:
    void applyFormat(int offset, int length, const Ksh::Format &format) override
    {
        if (length <= 0)
            return;
        if (const std::optional<LogHighlightRole> role = roleFor(format.textStyle()))
            m_spans.append({offset, length, *role});
    }

private:
    static std::optional<LogHighlightRole> roleFor(Ksh::Theme::TextStyle style)
    {
        using Style = Ksh::Theme::TextStyle;
        switch (style) {
        case Style::Error:
        case Style::Alert:
            return LogHighlightRole::LevelError;
        case Style::Warning:
            return LogHighlightRole::LevelWarning;
        case Style::Information:
            return LogHighlightRole::LevelInfo;
        case Style::Comment:
        case Style::Documentation:
            return LogHighlightRole::LevelDebug;
        case Style::DataType:
        case Style::Preprocessor:
            return LogHighlightRole::Timestamp;
        case Style::String:
        case Style::VerbatimString:
        case Style::SpecialString:
            return LogHighlightRole::QuotedString;
        case Style::DecVal:
        case Style::BaseN:
        case Style::Float:
            return LogHighlightRole::Number;
        case Style::Function:
        case Style::Attribute:
            return LogHighlightRole::Source;
        default:
            return std::nullopt;
        }
    }

    QList<LogHighlightSpan> m_spans;
};

class KSyntaxLogSpanHighlighter final : public LogSpanHighlighter
{
public:
    KSyntaxLogSpanHighlighter(std::unique_ptr<LogSpanHighlighter> builtIn,
                              const Ksh::Definition &definition)
        : m_builtIn(std::move(builtIn))
    {
        m_collector.setDefinition(definition);
    }

    QList<LogHighlightSpan> spans(QStringView line, LogFormat format) const override
    {
        if (format != LogFormat::Plain)
            return m_builtIn->spans(line, format);
        return m_collector.collect(line);
    }

private:
    std::unique_ptr<LogSpanHighlighter> m_builtIn;
    mutable SpanCollector m_collector;
};

Ksh::Repository &repository()
{
    static Ksh::Repository shared; // reads every definition: once per process
    return shared;
}

} // namespace

std::unique_ptr<LogSpanHighlighter> createLogSpanHighlighter()
{
    // KDE's log definitions by name, else whichever definition claims *.log files.
    Ksh::Definition definition;
    for (const char *name : {"Log File (advanced)", "Log File (simplified)"}) {
        definition = repository().definitionForName(QString::fromLatin1(name));
        if (definition.isValid())
            break;
    }
    if (!definition.isValid())
        definition = repository().definitionForFileName(QStringLiteral("messages.log"));
    if (!definition.isValid())
        return createBuiltInLogSpanHighlighter();
    return std::make_unique<KSyntaxLogSpanHighlighter>(createBuiltInLogSpanHighlighter(),
                                                       definition);
}

} // namespace OpsDeck
