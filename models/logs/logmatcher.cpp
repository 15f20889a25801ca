// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logmatcher.h"

#include <QCoreApplication>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cstring>
#include <hs/hs.h>
#include <pcre2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LogSearch)
};

// Appends text to out, each character mapped to column.
void emit(QString &out, std::vector<int> *columns, QStringView text, int column)
{
    out += text;
    if (columns)
        columns->insert(columns->end(), size_t(text.size()), column);
}

// A literal character for PCRE2: punctuation escaped, everything else as is.
void emitLiteral(QString &out, std::vector<int> *columns, QChar c, int column)
{
    if (c.unicode() < 128 && !c.isLetterOrNumber() && c != QLatin1Char(' ') &&
        c != QLatin1Char('_')) {
        const QChar escaped[2] = {QLatin1Char('\\'), c};
        emit(out, columns, QStringView(escaped, 2), column);
    } else {
        emit(out, columns, QStringView(&c, 1), column);
    }
}

// Length of a valid interval "{n}", "{n,}", "{,m}", "{n,m}" starting at `open` (the '{'), for
// ERE; 0 when it is not one (grep then reads the brace as itself). For BRE the caller passes
// the position after "\{" and the interval ends at "\}".
qsizetype intervalLength(QStringView pattern, qsizetype open, bool extended)
{
    qsizetype at = open + 1;
    bool digits = false;
    bool comma = false;
    while (at < pattern.size()) {
        const QChar c = pattern.at(at);
        if (c.isDigit() && c.unicode() < 128) {
            digits = true;
        } else if (c == QLatin1Char(',') && !comma) {
            comma = true;
        } else if (extended && c == QLatin1Char('}')) {
            return digits ? at - open + 1 : 0;
        } else if (!extended && c == QLatin1Char('\\') && at + 1 < pattern.size() &&
                   pattern.at(at + 1) == QLatin1Char('}')) {
            return digits ? at - open + 2 : 0;
        } else {
            return 0;
        }
        ++at;
    }
    return 0;
}

} // namespace

QString grepPatternToPcre(QStringView pattern, bool extended, std::vector<int> *columns,
                          LogQueryProblem *problem)
{
    QString out;
    out.reserve(pattern.size() + 8);
    if (columns)
        columns->clear();
    // Where a repetition operator has nothing to repeat and grep reads it literally.
    bool atExpressionStart = true;
    const auto fail = [&](qsizetype at, const QString &message) {
        if (problem) {
            problem->column = int(at) + 1;
            problem->message = message;
        }
        if (columns)
            columns->clear();
        return QString();
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        const int column = int(i) + 1;
        const bool wasAtStart = atExpressionStart;
        atExpressionStart = false;
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= pattern.size())
                return fail(i, Text::tr("trailing backslash"));
            const QChar next = pattern.at(++i);
            switch (next.unicode()) {
            case '<':
                emit(out, columns, u"\\b(?=\\w)", column);
                break;
            case '>':
                emit(out, columns, u"\\b(?<=\\w)", column);
                break;
            case '`':
                emit(out, columns, u"^", column);
                break;
            case '\'':
                emit(out, columns, u"$", column);
                break;
            case 'b':
            case 'B':
            case 'w':
            case 'W':
            case 's':
            case 'S': {
                const QChar escaped[2] = {QLatin1Char('\\'), next};
                emit(out, columns, QStringView(escaped, 2), column);
                break;
            }
            default:
                if (next.unicode() >= '1' && next.unicode() <= '9') {
                    const QChar escaped[2] = {QLatin1Char('\\'), next};
                    emit(out, columns, QStringView(escaped, 2), column);
                } else if (!extended && next == QLatin1Char('(')) {
                    emit(out, columns, u"(", column);
                    atExpressionStart = true;
                } else if (!extended && next == QLatin1Char(')')) {
                    emit(out, columns, u")", column);
                } else if (!extended && next == QLatin1Char('|')) {
                    emit(out, columns, u"|", column);
                    atExpressionStart = true;
                } else if (!extended && (next == QLatin1Char('+') || next == QLatin1Char('?'))) {
                    if (wasAtStart)
                        emitLiteral(out, columns, next, column);
                    else
                        emit(out, columns, QStringView(&next, 1), column);
                } else if (!extended && next == QLatin1Char('{')) {
                    const qsizetype length = intervalLength(pattern, i, false);
                    if (length == 0 || wasAtStart) {
                        emitLiteral(out, columns, next, column);
                    } else {
                        QString interval = pattern.mid(i, length).toString();
                        interval.remove(QLatin1Char('\\'));
                        if (interval.startsWith(u"{,"))
                            interval.insert(1, QLatin1Char('0'));
                        emit(out, columns, interval, column);
                        i += length - 1;
                    }
                } else {
                    // grep reads any other escaped character as itself.
                    emitLiteral(out, columns, next, column);
                }
            }
            continue;
        }
        if (c == QLatin1Char('[')) {
            qsizetype at = i + 1;
            QString bracket = QStringLiteral("[");
            if (at < pattern.size() && pattern.at(at) == QLatin1Char('^')) {
                bracket += QLatin1Char('^');
                ++at;
            }
            if (at < pattern.size() && pattern.at(at) == QLatin1Char(']')) {
                bracket += u"\\]";
                ++at;
            }
            bool closed = false;
            while (at < pattern.size()) {
                const QChar b = pattern.at(at);
                if (b == QLatin1Char(']')) {
                    closed = true;
                    break;
                }
                if (b == QLatin1Char('[') && at + 1 < pattern.size() &&
                    (pattern.at(at + 1) == QLatin1Char(':') ||
                     pattern.at(at + 1) == QLatin1Char('=') ||
                     pattern.at(at + 1) == QLatin1Char('.'))) {
                    const QChar kind = pattern.at(at + 1);
                    const QChar end[2] = {kind, QLatin1Char(']')};
                    const qsizetype close = pattern.indexOf(QStringView(end, 2), at + 2);
                    if (close < 0)
                        return fail(i, Text::tr("unmatched ["));
                    bracket += pattern.mid(at, close + 2 - at);
                    at = close + 2;
                    continue;
                }
                // Inside brackets a backslash is itself in grep; PCRE2 needs it escaped.
                if (b == QLatin1Char('\\') || b == QLatin1Char('['))
                    bracket += QLatin1Char('\\');
                bracket += b;
                ++at;
            }
            if (!closed)
                return fail(i, Text::tr("unmatched ["));
            bracket += QLatin1Char(']');
            emit(out, columns, bracket, column);
            i = at;
            continue;
        }
        if (c == QLatin1Char('*')) {
            if (wasAtStart)
                emitLiteral(out, columns, c, column);
            else
                emit(out, columns, u"*", column);
            continue;
        }
        if (c == QLatin1Char('.')) {
            emit(out, columns, u".", column);
            continue;
        }
        if (c == QLatin1Char('^')) {
            if (extended || wasAtStart) {
                emit(out, columns, u"^", column);
                atExpressionStart = !extended || wasAtStart;
            } else {
                emitLiteral(out, columns, c, column);
            }
            continue;
        }
        if (c == QLatin1Char('$')) {
            const QStringView rest = pattern.mid(i + 1);
            const bool anchors =
                extended || rest.isEmpty() || rest.startsWith(u"\\)") || rest.startsWith(u"\\|");
            if (anchors)
                emit(out, columns, u"$", column);
            else
                emitLiteral(out, columns, c, column);
            continue;
        }
        if (extended) {
            switch (c.unicode()) {
            case '(':
                emit(out, columns, u"(", column);
                atExpressionStart = true;
                continue;
            case '|':
                emit(out, columns, u"|", column);
                atExpressionStart = true;
                continue;
            case ')':
                emit(out, columns, u")", column);
                continue;
            case '+':
            case '?':
                if (wasAtStart)
                    emitLiteral(out, columns, c, column);
                else
                    emit(out, columns, QStringView(&c, 1), column);
                continue;
            case '{': {
                const qsizetype length = intervalLength(pattern, i, true);
                if (length == 0 || wasAtStart) {
                    emitLiteral(out, columns, c, column);
                } else {
                    QString interval = pattern.mid(i, length).toString();
                    if (interval.startsWith(u"{,"))
                        interval.insert(1, QLatin1Char('0'));
                    emit(out, columns, interval, column);
                    i += length - 1;
                }
                continue;
            }
            default:
                break;
            }
        }
        emitLiteral(out, columns, c, column);
    }
    return out;
}

namespace {

// The literal alternatives a pattern stands for ("ERROR|CRITICAL" -> both), or none when it
// uses any operator beyond alternation.
std::optional<QList<QByteArray>> literalAlternatives(const LogPattern &pattern)
{
    if (!pattern.regularExpression && !pattern.basicSyntax) {
        if (pattern.text.isEmpty() || pattern.text.contains(QLatin1Char('\n')))
            return std::nullopt;
        return QList<QByteArray>{pattern.text.toUtf8()};
    }
    const QString separator =
        pattern.regularExpression ? QStringLiteral("|") : QStringLiteral("\\|");
    const QString special =
        pattern.regularExpression ? QStringLiteral("\\.[]()*+?{}^$") : QStringLiteral("\\.[]*^$");
    QList<QByteArray> literals;
    for (const QString &alternative : pattern.text.split(separator)) {
        if (alternative.isEmpty())
            return std::nullopt;
        for (const QChar c : alternative) {
            if (special.contains(c) || c == QLatin1Char('\n'))
                return std::nullopt;
        }
        literals.append(alternative.toUtf8());
    }
    return literals;
}

bool isAscii(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return (uchar(c) & 0x80) == 0; });
}

struct PcreCodeDeleter {
    void operator()(pcre2_code *code) const { pcre2_code_free(code); }
};
using PcreCode = std::unique_ptr<pcre2_code, PcreCodeDeleter>;

} // namespace

struct LogMatcher::Compiled {
    struct Pattern {
        PcreCode lineCode; // matches within one line
        LogPattern::Combine combine = LogPattern::Combine::Or;
    };
    std::vector<Pattern> patterns;
    bool hasOr = false;
    // Candidate finders.
    PcreCode blockCode; // multi-line: finds lines that may match
    hs_database_t *hyperscan = nullptr;
    hs_scratch_t *hyperscanPrototype = nullptr;
    QByteArray memmemNeedle;

    ~Compiled()
    {
        if (hyperscanPrototype)
            hs_free_scratch(hyperscanPrototype);
        if (hyperscan)
            hs_free_database(hyperscan);
    }
};

class LogMatcher::Scratch
{
public:
    ~Scratch()
    {
        if (matchData)
            pcre2_match_data_free(matchData);
        if (jitStack)
            pcre2_jit_stack_free(jitStack);
        if (context)
            pcre2_match_context_free(context);
        if (hyperscan)
            hs_free_scratch(hyperscan);
    }
    pcre2_match_data *matchData = nullptr;
    pcre2_jit_stack *jitStack = nullptr;
    pcre2_match_context *context = nullptr;
    hs_scratch_t *hyperscan = nullptr;
};

LogMatcher::~LogMatcher() = default;

namespace {

PcreCode compilePcre(const QString &expression, uint32_t options, int *errorCode,
                     PCRE2_SIZE *errorOffset)
{
    const QByteArray utf8 = expression.toUtf8();
    pcre2_code *code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(utf8.constData()), PCRE2_SIZE(utf8.size()),
                      options, errorCode, errorOffset, nullptr);
    if (code)
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return PcreCode(code);
}

QString pcreErrorText(int errorCode)
{
    PCRE2_UCHAR buffer[256];
    const int length = pcre2_get_error_message(errorCode, buffer, sizeof buffer);
    return length > 0 ? QString::fromUtf8(reinterpret_cast<const char *>(buffer), length)
                      : QString();
}

} // namespace

std::variant<std::shared_ptr<const LogMatcher>, LogQueryProblem>
LogMatcher::compile(const LogQuery &query, Engine engine)
{
    std::shared_ptr<LogMatcher> matcher(new LogMatcher);
    matcher->m_query = query;
    matcher->m_compiled = std::make_unique<Compiled>();
    Compiled &compiled = *matcher->m_compiled;

    // Each pattern as a PCRE2 expression, and its UTF-8 byte offsets mapped back to columns.
    QStringList expressions;
    for (qsizetype index = 0; index < query.patterns.size(); ++index) {
        const LogPattern &pattern = query.patterns.at(index);
        std::vector<int> columns;
        QString expression;
        if (pattern.regularExpression || pattern.basicSyntax) {
            LogQueryProblem problem;
            expression =
                grepPatternToPcre(pattern.text, pattern.regularExpression, &columns, &problem);
            if (!problem.message.isEmpty()) {
                problem.patternIndex = int(index);
                return problem;
            }
        } else {
            for (qsizetype i = 0; i < pattern.text.size(); ++i)
                emitLiteral(expression, &columns, pattern.text.at(i), int(i) + 1);
        }
        if (pattern.wholeWord)
            expression = QStringLiteral("(?<!\\w)(?:") + expression + QStringLiteral(")(?!\\w)");
        uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP;
        if (!pattern.caseSensitive)
            options |= PCRE2_CASELESS;
        int errorCode = 0;
        PCRE2_SIZE errorOffset = 0;
        PcreCode code = compilePcre(expression, options, &errorCode, &errorOffset);
        if (!code) {
            // errorOffset counts UTF-8 bytes of the expression: back to its characters, then
            // to the operator's column.
            const qsizetype character =
                QString::fromUtf8(expression.toUtf8().left(qsizetype(errorOffset))).size();
            int column = 0;
            if (!columns.empty())
                column = columns.at(std::min<size_t>(
                    size_t(std::max<qsizetype>(character - (pattern.wholeWord ? 10 : 0), 0)),
                    columns.size() - 1));
            return LogQueryProblem{int(index), column, pcreErrorText(errorCode)};
        }
        compiled.patterns.push_back({std::move(code), pattern.combine});
        compiled.hasOr = compiled.hasOr || pattern.combine == LogPattern::Combine::Or;
        expressions.append(expression);
    }

    // Which patterns a line must contain for the query to keep it: the first And pattern, or
    // every Or pattern when there is no And pattern. Without either (only Not patterns, or only
    // level and time), every line is a candidate.
    QList<qsizetype> required;
    for (qsizetype i = 0; i < query.patterns.size(); ++i) {
        if (query.patterns.at(i).combine == LogPattern::Combine::And) {
            required = {i};
            break;
        }
        if (query.patterns.at(i).combine == LogPattern::Combine::Or)
            required.append(i);
    }
    if (required.isEmpty())
        return std::shared_ptr<const LogMatcher>(std::move(matcher));

    // Literals for Vectorscan: every required pattern must be literal text (or an alternation
    // of literals), ASCII when case is ignored (Vectorscan folds ASCII case only).
    QList<QByteArray> literals;
    QList<unsigned> literalFlags;
    bool allLiteral = engine != Engine::Pcre2;
    for (qsizetype i : required) {
        const LogPattern &pattern = query.patterns.at(i);
        const auto alternatives = literalAlternatives(pattern);
        if (!alternatives) {
            allLiteral = false;
            break;
        }
        for (const QByteArray &literal : *alternatives) {
            if (!pattern.caseSensitive && !isAscii(literal)) {
                allLiteral = false;
                break;
            }
            literals.append(literal);
            literalFlags.append(pattern.caseSensitive ? 0u : unsigned(HS_FLAG_CASELESS));
        }
    }
    const bool onlyOnePattern =
        query.patterns.size() == 1 && !query.patterns.constFirst().wholeWord;

    if (allLiteral && engine == Engine::Memmem && literals.size() == 1 &&
        literalFlags.constFirst() == 0) {
        compiled.memmemNeedle = literals.constFirst();
        matcher->m_finder = CandidateFinder::Memmem;
        matcher->m_candidatesAreExact = onlyOnePattern;
        return std::shared_ptr<const LogMatcher>(std::move(matcher));
    }
    if (allLiteral) {
        std::vector<const char *> pointers;
        std::vector<size_t> lengths;
        std::vector<unsigned> ids;
        for (qsizetype i = 0; i < literals.size(); ++i) {
            pointers.push_back(literals.at(i).constData());
            lengths.push_back(size_t(literals.at(i).size()));
            ids.push_back(unsigned(i));
        }
        hs_compile_error_t *error = nullptr;
        if (hs_compile_lit_multi(pointers.data(), literalFlags.constData(), ids.data(),
                                 lengths.data(), unsigned(literals.size()), HS_MODE_BLOCK, nullptr,
                                 &compiled.hyperscan, &error) == HS_SUCCESS &&
            hs_alloc_scratch(compiled.hyperscan, &compiled.hyperscanPrototype) == HS_SUCCESS) {
            matcher->m_finder = CandidateFinder::Hyperscan;
            matcher->m_candidatesAreExact = onlyOnePattern;
            return std::shared_ptr<const LogMatcher>(std::move(matcher));
        }
        // A CPU without SSSE3 or another refusal: PCRE2 below does the same job, slower.
        if (error)
            hs_free_compile_error(error);
    }
    // One multi-line PCRE2 expression that finds candidate lines. Several Or regexes are not
    // joined into one (their back-references would renumber): every line is checked instead.
    if (required.size() == 1) {
        const LogPattern &pattern = query.patterns.at(required.constFirst());
        uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP | PCRE2_MULTILINE;
        if (!pattern.caseSensitive)
            options |= PCRE2_CASELESS;
        int errorCode = 0;
        PCRE2_SIZE errorOffset = 0;
        compiled.blockCode =
            compilePcre(expressions.at(required.constFirst()), options, &errorCode, &errorOffset);
        // A pattern that can match nothing at all (empty, `^`, `x*`, an empty whole word) finds
        // empty hits where PCRE2 splits the block at invalid UTF-8, which a line on its own
        // does not (fuzz_log_search found it): such patterns keep most lines anyway, so every
        // line is checked instead.
        uint32_t shortest = 0;
        if (compiled.blockCode &&
            pcre2_pattern_info(compiled.blockCode.get(), PCRE2_INFO_MINLENGTH, &shortest) == 0 &&
            shortest > 0)
            matcher->m_finder = CandidateFinder::Pcre2;
    }
    return std::shared_ptr<const LogMatcher>(std::move(matcher));
}

void LogMatcher::ScratchDeleter::operator()(Scratch *scratch) const
{
    delete scratch;
}

LogMatcher::ScratchPointer LogMatcher::newScratch() const
{
    ScratchPointer scratch(new Scratch);
    scratch->matchData = pcre2_match_data_create(1, nullptr);
    // Deeply nested or backtracking-heavy patterns need more than JIT's 32 KiB default stack.
    scratch->jitStack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr);
    scratch->context = pcre2_match_context_create(nullptr);
    pcre2_jit_stack_assign(scratch->context, nullptr, scratch->jitStack);
    if (m_compiled->hyperscanPrototype)
        hs_clone_scratch(m_compiled->hyperscanPrototype, &scratch->hyperscan);
    return scratch;
}

QString LogMatcher::candidateEngineName() const
{
    switch (m_finder) {
    case CandidateFinder::EveryLine:
        return QStringLiteral("every line");
    case CandidateFinder::Hyperscan:
        return QStringLiteral("vectorscan");
    case CandidateFinder::Memmem:
        return QStringLiteral("memmem");
    case CandidateFinder::Pcre2:
        return QStringLiteral("pcre2");
    }
    return {};
}

bool LogMatcher::patternsKeep(Scratch &scratch, QByteArrayView line) const
{
    bool anyOr = false;
    for (const Compiled::Pattern &pattern : m_compiled->patterns) {
        if (pattern.combine == LogPattern::Combine::Or && anyOr)
            continue;
        const int result =
            pcre2_match(pattern.lineCode.get(), reinterpret_cast<PCRE2_SPTR>(line.data()),
                        PCRE2_SIZE(line.size()), 0, 0, scratch.matchData, scratch.context);
        const bool matched = result >= 0;
        switch (pattern.combine) {
        case LogPattern::Combine::And:
            if (!matched)
                return false;
            break;
        case LogPattern::Combine::Not:
            if (matched)
                return false;
            break;
        case LogPattern::Combine::Or:
            anyOr = matched;
            break;
        }
    }
    return !m_compiled->hasOr || anyOr;
}

bool LogMatcher::fieldsKeep(const LogFields &fields) const
{
    if (m_query.minimumLevel &&
        (fields.level == LogLevel::None || fields.level < *m_query.minimumLevel))
        return false;
    if (m_query.since || m_query.until) {
        if (!fields.timestamp)
            return false;
        if (m_query.since && *fields.timestamp < *m_query.since)
            return false;
        if (m_query.until && *fields.timestamp > *m_query.until)
            return false;
    }
    return true;
}

bool LogMatcher::keepsLine(Scratch &scratch, QByteArrayView line, const LogFields *fields) const
{
    if (fields && !fieldsKeep(*fields))
        return false;
    return patternsKeep(scratch, line);
}

void LogMatcher::reportLine(Scratch &scratch, QByteArrayView block, qsizetype position,
                            qsizetype &nextLineStart,
                            const std::function<void(qsizetype, qsizetype)> &kept) const
{
    if (position < nextLineStart)
        return; // another hit on a line already decided
    const char *data = block.data();
    qsizetype lineStart = nextLineStart;
    if (position > nextLineStart) {
        const void *newline = memrchr(data + nextLineStart, '\n', size_t(position - nextLineStart));
        if (newline)
            lineStart = static_cast<const char *>(newline) - data + 1;
    }
    const void *newline = std::memchr(data + position, '\n', size_t(block.size() - position));
    const qsizetype lineEnd = newline ? static_cast<const char *>(newline) - data : block.size();
    nextLineStart = lineEnd + 1;
    const QByteArrayView line(data + lineStart, lineEnd - lineStart);
    if (m_candidatesAreExact || patternsKeep(scratch, line))
        kept(lineStart, lineEnd - lineStart);
}

namespace {

struct HyperscanContext {
    const LogMatcher *matcher;
    LogMatcher::Scratch *scratch;
    QByteArrayView block;
    qsizetype *nextLineStart;
    const std::function<void(qsizetype, qsizetype)> *kept;
    void (*report)(HyperscanContext &, qsizetype);
};

} // namespace

void LogMatcher::scanBlock(Scratch &scratch, QByteArrayView block,
                           const std::function<void(qsizetype, qsizetype)> &kept) const
{
    qsizetype nextLineStart = 0;
    const char *data = block.data();
    switch (m_finder) {
    case CandidateFinder::EveryLine:
        while (nextLineStart < block.size()) {
            const void *newline =
                std::memchr(data + nextLineStart, '\n', size_t(block.size() - nextLineStart));
            const qsizetype lineEnd =
                newline ? static_cast<const char *>(newline) - data : block.size();
            if (patternsKeep(scratch,
                             QByteArrayView(data + nextLineStart, lineEnd - nextLineStart)))
                kept(nextLineStart, lineEnd - nextLineStart);
            nextLineStart = lineEnd + 1;
        }
        return;
    case CandidateFinder::Memmem: {
        const QByteArray &needle = m_compiled->memmemNeedle;
        while (nextLineStart < block.size()) {
            const void *hit = memmem(data + nextLineStart, size_t(block.size() - nextLineStart),
                                     needle.constData(), size_t(needle.size()));
            if (!hit)
                return;
            reportLine(scratch, block, static_cast<const char *>(hit) - data, nextLineStart, kept);
        }
        return;
    }
    case CandidateFinder::Hyperscan: {
        HyperscanContext context{this,
                                 &scratch,
                                 block,
                                 &nextLineStart,
                                 &kept,
                                 [](HyperscanContext &self, qsizetype end) {
                                     self.matcher->reportLine(*self.scratch, self.block, end - 1,
                                                              *self.nextLineStart, *self.kept);
                                 }};
        hs_scan(
            m_compiled->hyperscan, data, unsigned(block.size()), 0, scratch.hyperscan,
            [](unsigned, unsigned long long, unsigned long long to, unsigned, void *opaque) -> int {
                auto &self = *static_cast<HyperscanContext *>(opaque);
                self.report(self, qsizetype(to));
                return 0;
            },
            &context);
        return;
    }
    case CandidateFinder::Pcre2:
        while (nextLineStart <= block.size()) {
            const int result =
                pcre2_match(m_compiled->blockCode.get(), reinterpret_cast<PCRE2_SPTR>(data),
                            PCRE2_SIZE(block.size()), PCRE2_SIZE(nextLineStart), 0,
                            scratch.matchData, scratch.context);
            if (result < 0)
                return;
            const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(scratch.matchData);
            const qsizetype start = qsizetype(ovector[0]);
            if (start >= block.size()) {
                // An empty match at the very end: the block's last line, if it has no '\n'.
                if (start > 0 && data[start - 1] != '\n')
                    reportLine(scratch, block, start - 1, nextLineStart, kept);
                return;
            }
            const qsizetype before = nextLineStart;
            reportLine(scratch, block, start, nextLineStart, kept);
            if (nextLineStart == before) // cannot happen: a hit always decides its line
                return;
        }
        return;
    }
}

qint64 countNewlines(const char *data, qint64 size)
{
    qint64 count = 0;
    qint64 at = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    while (at + 64 <= size) {
        const auto *p = reinterpret_cast<const __m128i *>(data + at);
        const unsigned mask0 =
            unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p), newline)));
        const unsigned mask1 =
            unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p + 1), newline)));
        const unsigned mask2 =
            unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p + 2), newline)));
        const unsigned mask3 =
            unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p + 3), newline)));
        count += __builtin_popcountll((quint64(mask0) | (quint64(mask1) << 16) |
                                       (quint64(mask2) << 32) | (quint64(mask3) << 48)));
        at += 64;
    }
#endif
    for (; at < size; ++at)
        count += data[at] == '\n';
    return count;
}

} // namespace OpsDeck
