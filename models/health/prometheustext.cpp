// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/prometheustext.h"

#include "models/core/textlines.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusText)
};

constexpr int maximumErrors = 100;

bool isMetricNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isMetricNameChar(char c)
{
    return isMetricNameStart(c) || (c >= '0' && c <= '9');
}

bool isLabelNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isLabelNameChar(char c)
{
    return isLabelNameStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view view(QByteArrayView bytes)
{
    return {bytes.data(), size_t(bytes.size())};
}

struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template<typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;

// Names and label values repeat on almost every line of a scrape: each distinct one is decoded
// once and its QString shared.
class Interner
{
public:
    const QString &operator()(QByteArrayView bytes)
    {
        auto found = m_strings.find(view(bytes));
        if (found == m_strings.end())
            found = m_strings.emplace(std::string(view(bytes)), QString::fromUtf8(bytes)).first;
        return found->second;
    }

private:
    StringMap<QString> m_strings;
};

// Go's strconv.ParseFloat as the exposition writers use it: a leading '+', "Inf", "NaN" in any
// case; the whole token must be the number.
std::optional<double> parseFloat(QByteArrayView token)
{
    const char *begin = token.data();
    const char *end = begin + token.size();
    if (begin != end && *begin == '+') {
        ++begin;
        if (begin != end && (*begin == '-' || *begin == '+'))
            return std::nullopt;
    }
    if (begin == end)
        return std::nullopt;
    double value = 0;
    const auto [last, error] = std::from_chars(begin, end, value, std::chars_format::general);
    if (error != std::errc() || last != end)
        return std::nullopt;
    return value;
}

std::optional<qint64> parseInteger(QByteArrayView token)
{
    const char *begin = token.data();
    const char *end = begin + token.size();
    if (begin != end && *begin == '+')
        ++begin;
    if (begin == end || *begin == '+')
        return std::nullopt;
    qint64 value = 0;
    const auto [last, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || last != end)
        return std::nullopt;
    return value;
}

bool hasSuffix(QByteArrayView name, qsizetype stemLength, std::string_view suffix)
{
    return name.size() == stemLength + qsizetype(suffix.size()) &&
           view(name.sliced(stemLength)) == suffix;
}

// Whether a sample called name is one of the series of family, by the format's suffixes.
bool belongsTo(const MetricFamily &family, QByteArrayView familyName, QByteArrayView name)
{
    if (name == familyName) {
        switch (family.type) {
        case MetricType::Histogram:
        case MetricType::GaugeHistogram:
        case MetricType::Info:
            return false;
        default:
            return true;
        }
    }
    const qsizetype stem = familyName.size();
    if (name.size() <= stem + 1 || !name.startsWith(familyName) || name[stem] != '_')
        return false;
    switch (family.type) {
    case MetricType::Counter:
        return hasSuffix(name, stem, "_total") || hasSuffix(name, stem, "_created");
    case MetricType::Histogram:
        return hasSuffix(name, stem, "_bucket") || hasSuffix(name, stem, "_sum") ||
               hasSuffix(name, stem, "_count") || hasSuffix(name, stem, "_created");
    case MetricType::GaugeHistogram:
        return hasSuffix(name, stem, "_bucket") || hasSuffix(name, stem, "_gsum") ||
               hasSuffix(name, stem, "_gcount");
    case MetricType::Summary:
        return hasSuffix(name, stem, "_sum") || hasSuffix(name, stem, "_count") ||
               hasSuffix(name, stem, "_created");
    case MetricType::Info:
        return hasSuffix(name, stem, "_info");
    default:
        return false;
    }
}

constexpr std::string_view seriesSuffixes[] = {"_bucket",  "_sum",    "_count", "_total",
                                               "_created", "_gcount", "_gsum",  "_info"};

struct TypeWord {
    std::string_view word;
    MetricType type;
    bool openMetrics;
    bool prometheusText;
};

constexpr TypeWord typeWords[] = {
    {"counter", MetricType::Counter, true, true},
    {"gauge", MetricType::Gauge, true, true},
    {"histogram", MetricType::Histogram, true, true},
    {"summary", MetricType::Summary, true, true},
    {"untyped", MetricType::Untyped, false, true},
    {"unknown", MetricType::Unknown, true, false},
    {"info", MetricType::Info, true, false},
    {"stateset", MetricType::StateSet, true, false},
    {"gaugehistogram", MetricType::GaugeHistogram, true, false},
};

// The lines of a family's metadata, to name the first when a second one comes.
struct FamilyLines {
    std::string name;
    int help = 0;
    int type = 0;
    int unit = 0;
};

class ExpositionParser
{
public:
    ExpositionParser(const QString &fileName, ExpositionFormat format)
        : m_fileName(fileName)
        , m_openMetrics(format == ExpositionFormat::OpenMetrics)
    {
        m_result.format = format;
    }

    ExpositionParseResult parse(QByteArrayView text)
    {
        int lastLine = 0;
        forEachLine(text, [&](QByteArrayView line, int lineNumber) {
            if (m_stopped)
                return;
            lastLine = lineNumber;
            m_line = line;
            m_lineNumber = lineNumber;
            m_pos = 0;
            m_error.reset();
            parseLine();
            if (m_error)
                report(m_error->offset, m_error->message);
        });
        if (m_openMetrics && !m_eofSeen && !m_stopped) {
            m_line = {};
            m_lineNumber = lastLine + 1;
            report(0, Text::tr("expected '# EOF' at the end of an OpenMetrics exposition"));
        }
        return std::move(m_result);
    }

private:
    struct LineError {
        qsizetype offset;
        QString message;
    };

    void report(qsizetype offset, const QString &message)
    {
        // Columns count characters, not bytes, as an editor shows them.
        int column = 1;
        for (qsizetype i = 0; i < offset && i < m_line.size(); ++i) {
            if ((uchar(m_line[i]) & 0xC0) != 0x80)
                ++column;
        }
        Diagnostic diagnostic;
        diagnostic.file = m_fileName;
        diagnostic.line = m_lineNumber;
        diagnostic.column = column;
        diagnostic.message = message;
        m_result.diagnostics.append(diagnostic);
        if (++m_errors >= maximumErrors) {
            m_stopped = true;
            diagnostic.message = Text::tr("too many errors; the rest of the file is not read");
            m_result.diagnostics.append(diagnostic);
        }
    }

    bool fail(qsizetype offset, const QString &message)
    {
        if (!m_error)
            m_error = LineError{offset, message};
        return false;
    }

    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek() const { return atEnd() ? '\0' : m_line[m_pos]; }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(m_line[m_pos]))
            ++m_pos;
    }
    QByteArrayView takeWhile(bool (*accept)(char))
    {
        const qsizetype start = m_pos;
        while (!atEnd() && accept(m_line[m_pos]))
            ++m_pos;
        return m_line.sliced(start, m_pos - start);
    }
    QByteArrayView takeMetricName()
    {
        if (atEnd() || !isMetricNameStart(m_line[m_pos]))
            return {};
        return takeWhile(isMetricNameChar);
    }
    QByteArrayView takeToken()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !isBlank(m_line[m_pos]))
            ++m_pos;
        return m_line.sliced(start, m_pos - start);
    }

    void parseLine()
    {
        skipBlanks();
        if (atEnd())
            return; // blank lines separate nothing
        if (m_eofSeen) {
            fail(m_pos, Text::tr("text after '# EOF', which ends an OpenMetrics exposition"));
            m_stopped = true;
            return;
        }
        if (m_line[m_pos] == '#')
            parseComment();
        else
            parseSample();
    }

    // Reads text up to the end of the line or the terminator, unescaping \\, \" and \n into out
    // when there is a backslash (escaped), else leaving the text where it is (from m_plainStart
    // to m_pos). Returns false with an error at the backslash of an unknown escape.
    bool readEscaped(char terminator, QByteArray &out, bool &escaped)
    {
        escaped = false;
        m_plainStart = m_pos;
        qsizetype runStart = m_pos;
        while (!atEnd() && m_line[m_pos] != terminator) {
            if (m_line[m_pos] != '\\') {
                ++m_pos;
                continue;
            }
            if (!escaped) {
                out.clear();
                escaped = true;
            }
            out.append(m_line.sliced(runStart, m_pos - runStart));
            const bool hasNext = m_pos + 1 < m_line.size();
            const char next = hasNext ? m_line[m_pos + 1] : '\0';
            if (next == '\\' || next == '"')
                out.append(next);
            else if (next == 'n')
                out.append('\n');
            else
                return fail(m_pos,
                            Text::tr("unknown escape sequence '\\%1'; expected \\\\, "
                                     "\\\" or \\n")
                                .arg(QString::fromUtf8(m_line.sliced(m_pos + 1, hasNext ? 1 : 0))));
            m_pos += 2;
            runStart = m_pos;
        }
        if (escaped)
            out.append(m_line.sliced(runStart, m_pos - runStart));
        return true;
    }

    void parseComment()
    {
        ++m_pos; // '#'
        const qsizetype keywordAt = m_pos;
        skipBlanks();
        const qsizetype wordStart = m_pos;
        const QByteArrayView word = takeToken();
        enum { Help, Type, Unit } kind;
        if (word == "HELP")
            kind = Help;
        else if (word == "TYPE")
            kind = Type;
        else if (word == "UNIT" && m_openMetrics)
            kind = Unit;
        else if (word == "EOF" && m_openMetrics) {
            skipBlanks();
            if (!atEnd())
                fail(m_pos, Text::tr("expected the end of the line after '# EOF'"));
            m_eofSeen = true;
            return;
        } else {
            // 0.0.4 lets any other comment be; OpenMetrics has no comments.
            if (m_openMetrics)
                fail(word.isEmpty() ? keywordAt : wordStart,
                     Text::tr("expected HELP, TYPE, UNIT or EOF after '#'; OpenMetrics has no "
                              "other comments"));
            return;
        }
        if (atEnd() || !isBlank(m_line[m_pos]))
            return void(fail(
                m_pos,
                Text::tr("expected a metric name after '# %1'").arg(QString::fromLatin1(word))));
        skipBlanks();
        const qsizetype nameAt = m_pos;
        const QByteArrayView name = takeMetricName();
        if (name.isEmpty() || (!atEnd() && !isBlank(m_line[m_pos])))
            return void(fail(
                name.isEmpty() ? nameAt : m_pos,
                Text::tr("expected a metric name after '# %1'").arg(QString::fromLatin1(word))));
        const int index = familyIndex(name, true);
        MetricFamily &family = m_result.families[index];
        FamilyLines &lines = m_lines[size_t(index)];
        const QString nameText = family.name;
        switch (kind) {
        case Help: {
            if (lines.help)
                return void(fail(nameAt, Text::tr("second HELP line for '%1'; the first is on "
                                                  "line %2")
                                             .arg(nameText)
                                             .arg(lines.help)));
            if (!atEnd())
                ++m_pos; // the one blank that separates the name from the text
            QByteArray unescaped;
            bool escaped = false;
            if (!readEscaped('\n', unescaped, escaped))
                return;
            family.help = escaped ? QString::fromUtf8(unescaped)
                                  : QString::fromUtf8(m_line.sliced(m_plainStart));
            lines.help = m_lineNumber;
            break;
        }
        case Type: {
            skipBlanks();
            const qsizetype typeAt = m_pos;
            const QByteArrayView typeWord = takeToken();
            skipBlanks();
            const TypeWord *found = nullptr;
            for (const TypeWord &candidate : typeWords) {
                if (view(typeWord) == candidate.word &&
                    (m_openMetrics ? candidate.openMetrics : candidate.prometheusText))
                    found = &candidate;
            }
            if (!found || !atEnd())
                return void(fail(
                    found ? m_pos : typeAt,
                    m_openMetrics ? Text::tr("expected a metric type: counter, gauge, histogram, "
                                             "gaugehistogram, summary, info, stateset or unknown")
                                  : Text::tr("expected a metric type: counter, gauge, histogram, "
                                             "summary or untyped")));
            if (lines.type)
                return void(fail(nameAt, Text::tr("second TYPE line for '%1'; the first is on "
                                                  "line %2")
                                             .arg(nameText)
                                             .arg(lines.type)));
            if (!family.samples.isEmpty())
                return void(fail(nameAt, Text::tr("the TYPE line for '%1' comes after its "
                                                  "samples; it must come before them")
                                             .arg(nameText)));
            family.type = found->type;
            lines.type = m_lineNumber;
            break;
        }
        case Unit: {
            if (lines.unit)
                return void(fail(nameAt, Text::tr("second UNIT line for '%1'; the first is on "
                                                  "line %2")
                                             .arg(nameText)
                                             .arg(lines.unit)));
            skipBlanks();
            family.unit = QString::fromUtf8(takeToken());
            skipBlanks();
            if (!atEnd())
                return void(fail(m_pos, Text::tr("expected the end of the line after the unit")));
            lines.unit = m_lineNumber;
            break;
        }
        }
        m_current = index;
    }

    // The family of a metadata line (create) or of a sample, -1 when there is none yet.
    int familyIndex(QByteArrayView name, bool create)
    {
        const auto found = m_byName.find(view(name));
        if (found != m_byName.end())
            return found->second;
        if (!create)
            return -1;
        MetricFamily family;
        family.name = m_strings(name);
        family.type = m_openMetrics ? MetricType::Unknown : MetricType::Untyped;
        m_result.families.append(std::move(family));
        const int index = int(m_result.families.size() - 1);
        m_lines.push_back(FamilyLines{std::string(view(name))});
        m_byName.emplace(std::string(view(name)), index);
        return index;
    }

    bool belongs(int index, QByteArrayView name) const
    {
        const std::string &familyName = m_lines[size_t(index)].name;
        return belongsTo(m_result.families[index],
                         QByteArrayView(familyName.data(), qsizetype(familyName.size())), name);
    }

    // The family a sample belongs to; -1 with an error when its name is taken by a family of
    // a type that has no such series.
    int familyOfSample(QByteArrayView name, qsizetype nameAt)
    {
        if (m_current >= 0 && belongs(m_current, name))
            return m_current;
        const int exact = familyIndex(name, false);
        if (exact >= 0) {
            if (belongs(exact, name))
                return exact;
            fail(nameAt, Text::tr("'%1' is a %2; its samples are named with a suffix such as "
                                  "_bucket, _count or _info")
                             .arg(m_result.families[exact].name,
                                  metricTypeId(m_result.families[exact].type)));
            return -1;
        }
        for (const std::string_view suffix : seriesSuffixes) {
            if (!name.endsWith(QByteArrayView(suffix.data(), qsizetype(suffix.size()))))
                continue;
            const int stem = familyIndex(name.chopped(qsizetype(suffix.size())), false);
            if (stem >= 0 && belongs(stem, name))
                return stem;
        }
        return familyIndex(name, true);
    }

    bool parseLabels(QList<MetricLabel> &labels)
    {
        ++m_pos; // '{'
        while (true) {
            skipBlanks();
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            const qsizetype nameAt = m_pos;
            if (atEnd() || !isLabelNameStart(m_line[m_pos]))
                return fail(nameAt, Text::tr("expected a label name or '}'"));
            const QByteArrayView labelName = takeWhile(isLabelNameChar);
            skipBlanks();
            if (peek() != '=')
                return fail(m_pos, Text::tr("expected '=' after the label name '%1'")
                                       .arg(QString::fromUtf8(labelName)));
            ++m_pos;
            skipBlanks();
            if (peek() != '"')
                return fail(m_pos, Text::tr("expected '\"' to open the value of label '%1'")
                                       .arg(QString::fromUtf8(labelName)));
            const qsizetype quoteAt = m_pos;
            ++m_pos;
            QByteArray unescaped;
            bool escaped = false;
            if (!readEscaped('"', unescaped, escaped))
                return false;
            if (atEnd())
                return fail(quoteAt, Text::tr("the value of label '%1' has no closing '\"'")
                                         .arg(QString::fromUtf8(labelName)));
            const QByteArrayView plain = m_line.sliced(m_plainStart, m_pos - m_plainStart);
            ++m_pos; // '"'
            const QString &nameText = m_strings(labelName);
            for (const MetricLabel &label : std::as_const(labels)) {
                if (label.name == nameText)
                    return fail(nameAt,
                                Text::tr("label '%1' appears twice in one sample").arg(nameText));
            }
            labels.append({nameText, escaped ? QString::fromUtf8(unescaped) : m_strings(plain)});
            skipBlanks();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail(
                m_pos, Text::tr("expected ',' or '}' after the value of label '%1'").arg(nameText));
        }
    }

    // The value after a sample's name and labels, or after an exemplar's labels (no name).
    std::optional<double> takeValue(QByteArrayView sampleName)
    {
        skipBlanks();
        const qsizetype valueAt = m_pos;
        const QByteArrayView token = takeToken();
        if (token.isEmpty()) {
            fail(valueAt,
                 sampleName.isEmpty()
                     ? Text::tr("expected a value after the exemplar's labels")
                     : Text::tr("expected a value after '%1'").arg(QString::fromUtf8(sampleName)));
            return std::nullopt;
        }
        const std::optional<double> value = parseFloat(token);
        if (!value)
            fail(valueAt, Text::tr("'%1' is not a number; expected a value such as 42, 1.5e-3, "
                                   "+Inf, -Inf or NaN")
                              .arg(QString::fromUtf8(token)));
        return value;
    }

    // 0.0.4: integer milliseconds; OpenMetrics: seconds, fractions allowed.
    bool takeTimestamp(std::optional<qint64> &timestampMs)
    {
        const qsizetype timestampAt = m_pos;
        const QByteArrayView token = takeToken();
        if (m_openMetrics) {
            const std::optional<double> seconds = parseFloat(token);
            if (!seconds || !std::isfinite(*seconds) || std::abs(*seconds) > 9.0e15)
                return fail(timestampAt, Text::tr("'%1' is not a timestamp; expected seconds "
                                                  "since 1970 such as 1700000000.25")
                                             .arg(QString::fromUtf8(token)));
            timestampMs = qint64(std::llround(*seconds * 1000.0));
            return true;
        }
        timestampMs = parseInteger(token);
        if (!timestampMs)
            return fail(timestampAt, Text::tr("'%1' is not a timestamp; expected milliseconds "
                                              "since 1970 such as 1700000000000")
                                         .arg(QString::fromUtf8(token)));
        return true;
    }

    // " # {trace_id="…"} 0.5 1700000000.1" after an OpenMetrics sample.
    bool takeExemplar(std::optional<MetricExemplar> &exemplar)
    {
        const qsizetype hashAt = m_pos;
        ++m_pos; // '#'
        skipBlanks();
        if (peek() != '{')
            return fail(hashAt, Text::tr("expected an exemplar '# {labels} value' or the end "
                                         "of the line"));
        MetricExemplar result;
        if (!parseLabels(result.labels))
            return false;
        const std::optional<double> value = takeValue({});
        if (!value)
            return false;
        result.value = *value;
        skipBlanks();
        if (!atEnd() && !takeTimestamp(result.timestampMs))
            return false;
        skipBlanks();
        if (!atEnd())
            return fail(m_pos, Text::tr("expected the end of the line after the exemplar"));
        exemplar = std::move(result);
        return true;
    }

    void parseSample()
    {
        const qsizetype nameAt = m_pos;
        const QByteArrayView name = takeMetricName();
        if (name.isEmpty())
            return void(fail(nameAt, Text::tr("expected a metric name or '#'")));
        MetricSample sample;
        skipBlanks();
        if (peek() == '{' && !parseLabels(sample.labels))
            return;
        const std::optional<double> value = takeValue(name);
        if (!value)
            return;
        sample.value = *value;
        skipBlanks();
        if (!atEnd() && peek() != '#' && !takeTimestamp(sample.timestampMs))
            return;
        skipBlanks();
        if (!atEnd()) {
            if (peek() != '#' || !m_openMetrics)
                return void(fail(m_pos, sample.timestampMs
                                            ? Text::tr("expected the end of the line after "
                                                       "the timestamp")
                                            : Text::tr("expected a timestamp or the end of "
                                                       "the line after the value")));
            if (!takeExemplar(sample.exemplar))
                return;
        }
        const int index = familyOfSample(name, nameAt);
        if (index < 0)
            return;
        MetricFamily &family = m_result.families[index];
        const bool bucket =
            (family.type == MetricType::Histogram || family.type == MetricType::GaugeHistogram) &&
            name.endsWith("_bucket");
        if (bucket && sample.label(u"le").isNull())
            return void(fail(nameAt, Text::tr("'%1' has no label 'le', which every histogram "
                                              "bucket needs")
                                         .arg(QString::fromUtf8(name))));
        if (family.type == MetricType::Summary && name.size() == family.name.size() &&
            sample.label(u"quantile").isNull())
            return void(fail(nameAt, Text::tr("'%1' has no label 'quantile', which every "
                                              "quantile of a summary needs")
                                         .arg(QString::fromUtf8(name))));
        sample.name = view(name) == m_lines[size_t(index)].name ? family.name : m_strings(name);
        family.samples.append(std::move(sample));
        m_current = index;
    }

    QString m_fileName;
    bool m_openMetrics = false;
    ExpositionParseResult m_result;
    std::vector<FamilyLines> m_lines; // one per family
    StringMap<int> m_byName;
    Interner m_strings;
    int m_current = -1;
    int m_errors = 0;
    bool m_stopped = false;
    bool m_eofSeen = false;

    QByteArrayView m_line;
    int m_lineNumber = 0;
    qsizetype m_pos = 0;
    qsizetype m_plainStart = 0; // where the text readEscaped() went over begins
    std::optional<LineError> m_error;
};

bool endsWithEof(QByteArrayView text)
{
    qsizetype end = text.size();
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || isBlank(text[end - 1])))
        --end;
    if (end == 0)
        return false;
    const qsizetype start = text.lastIndexOf('\n', end - 1) + 1;
    QByteArrayView last = text.sliced(start, end - start);
    while (!last.isEmpty() && isBlank(last.front()))
        last = last.sliced(1);
    return last == "# EOF";
}

} // namespace

QString MetricSample::label(QStringView labelName) const
{
    for (const MetricLabel &label : labels) {
        if (label.name == labelName)
            return label.value.isNull() ? QStringLiteral("") : label.value;
    }
    return {};
}

qsizetype ExpositionParseResult::sampleCount() const
{
    qsizetype count = 0;
    for (const MetricFamily &family : families)
        count += family.samples.size();
    return count;
}

const MetricFamily *ExpositionParseResult::family(QStringView name) const
{
    for (const MetricFamily &candidate : families) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

ExpositionParseResult parseExposition(QByteArrayView text, const QString &fileName,
                                      ExpositionFormat format)
{
    if (format == ExpositionFormat::Detect)
        format =
            endsWithEof(text) ? ExpositionFormat::OpenMetrics : ExpositionFormat::PrometheusText;
    return ExpositionParser(fileName, format).parse(text);
}

ExpositionFormat expositionFormatForContentType(QByteArrayView contentType)
{
    return contentType.toByteArray().toLower().contains("application/openmetrics-text")
               ? ExpositionFormat::OpenMetrics
               : ExpositionFormat::Detect;
}

QString metricTypeId(MetricType type)
{
    switch (type) {
    case MetricType::Untyped:
        return QStringLiteral("untyped");
    case MetricType::Counter:
        return QStringLiteral("counter");
    case MetricType::Gauge:
        return QStringLiteral("gauge");
    case MetricType::Histogram:
        return QStringLiteral("histogram");
    case MetricType::Summary:
        return QStringLiteral("summary");
    case MetricType::Unknown:
        return QStringLiteral("unknown");
    case MetricType::Info:
        return QStringLiteral("info");
    case MetricType::StateSet:
        return QStringLiteral("stateset");
    case MetricType::GaugeHistogram:
        return QStringLiteral("gaugehistogram");
    }
    return {};
}

QString formatMetricValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

namespace {

QJsonValue valueToJson(double value)
{
    if (std::isfinite(value))
        return value;
    return formatMetricValue(value);
}

QJsonObject labelsToJson(const QList<MetricLabel> &labels)
{
    QJsonObject object;
    for (const MetricLabel &label : labels)
        object.insert(label.name, label.value);
    return object;
}

QJsonValue timestampToJson(const std::optional<qint64> &timestampMs)
{
    return timestampMs ? QJsonValue(double(*timestampMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject toJson(const QList<MetricFamily> &families)
{
    QJsonArray familiesJson;
    for (const MetricFamily &family : families) {
        QJsonArray samples;
        for (const MetricSample &sample : family.samples) {
            QJsonObject sampleJson{
                {QStringLiteral("name"), sample.name},
                {QStringLiteral("labels"), labelsToJson(sample.labels)},
                {QStringLiteral("value"), valueToJson(sample.value)},
                {QStringLiteral("timestamp"), timestampToJson(sample.timestampMs)}};
            if (sample.exemplar)
                sampleJson.insert(
                    QStringLiteral("exemplar"),
                    QJsonObject{{QStringLiteral("labels"), labelsToJson(sample.exemplar->labels)},
                                {QStringLiteral("value"), valueToJson(sample.exemplar->value)},
                                {QStringLiteral("timestamp"),
                                 timestampToJson(sample.exemplar->timestampMs)}});
            samples.append(sampleJson);
        }
        familiesJson.append(QJsonObject{{QStringLiteral("name"), family.name},
                                        {QStringLiteral("type"), metricTypeId(family.type)},
                                        {QStringLiteral("help"), family.help},
                                        {QStringLiteral("unit"), family.unit},
                                        {QStringLiteral("samples"), samples}});
    }
    return QJsonObject{{QStringLiteral("families"), familiesJson}};
}

} // namespace OpsDeck
