// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/loghighlighter.h"

#include "models/logs/logscan.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace OpsDeck {

namespace {

using LogScan::isAlnum;
using LogScan::isAlpha;
using LogScan::isDigit;
using LogScan::isHexDigit;
using LogScan::isUpper;
using LogScan::Range;
using Line = LogScan::Text<char16_t>;

// A minified megabyte on one line is coloured as far as anyone reads it, not further.
constexpr qsizetype MaximumHighlightedLength = 64 * 1024;
// A single quote opens a string only if it closes soon: "don't" and "it's" are prose.
constexpr qsizetype MaximumSingleQuotedLength = 256;

constexpr bool isWordChar(unsigned c)
{
    return isAlnum(c) || c == '_';
}

LogHighlightRole roleOfLevel(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return LogHighlightRole::LevelTrace;
    case LogLevel::Debug:
        return LogHighlightRole::LevelDebug;
    case LogLevel::None:
    case LogLevel::Info:
    case LogLevel::Notice:
        return LogHighlightRole::LevelInfo;
    case LogLevel::Warning:
        return LogHighlightRole::LevelWarning;
    case LogLevel::Error:
    case LogLevel::Critical:
    case LogLevel::Alert:
    case LogLevel::Emergency:
        break;
    }
    return LogHighlightRole::LevelError;
}

LogHighlightRole roleOfStatus(int status)
{
    if (status >= 500)
        return LogHighlightRole::HttpServerError;
    if (status >= 400)
        return LogHighlightRole::HttpClientError;
    if (status >= 300)
        return LogHighlightRole::HttpRedirect;
    return LogHighlightRole::HttpSuccess;
}

// "192.168.1.10" (each part at most 255), not part of a longer dotted number.
qsizetype matchIpv4(Line t, qsizetype i)
{
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (t[i] != '.')
                return -1;
            ++i;
        }
        int value = 0;
        int digits = 0;
        for (; isDigit(t[i]) && digits < 4; ++i, ++digits)
            value = value * 10 + int(t[i] - '0');
        if (digits == 0 || digits > 3 || value > 255)
            return -1;
    }
    if (isWordChar(t[i]) || (t[i] == '.' && isDigit(t[i + 1])))
        return -1;
    return i;
}

// "2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a": eight groups, or fewer around one "::".
// Times ("12:00:00") and MAC addresses have neither.
qsizetype matchIpv6(Line t, qsizetype i)
{
    int groups = 0;
    bool compressed = false;
    if (t[i] == ':') {
        if (t[i + 1] != ':')
            return -1;
        compressed = true;
        i += 2;
    }
    for (;;) {
        const qsizetype start = i;
        while (isHexDigit(t[i]) && i - start < 5)
            ++i;
        if (i == start)
            break;
        if (i - start > 4)
            return -1;
        ++groups;
        if (t[i] != ':')
            break;
        if (t[i + 1] == ':') {
            if (compressed)
                return -1;
            compressed = true;
            i += 2;
        } else if (isHexDigit(t[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    if (groups == 0 || isWordChar(t[i]) || groups > 8 || (!compressed && groups != 8) ||
        (compressed && groups > 7))
        return -1;
    return i;
}

constexpr bool endsUrl(unsigned c)
{
    return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '{' ||
           c == '}' || c == '|' || c == '\\' || c == '^';
}

// "https://example.org/path?q=1" without the sentence's closing punctuation.
qsizetype matchUrl(Line t, qsizetype i)
{
    qsizetype j = i;
    while (isAlnum(t[j]) || t[j] == '+' || t[j] == '-' || t[j] == '.')
        ++j;
    if (j - i < 2 || j - i > 16 || t[j] != ':' || t[j + 1] != '/' || t[j + 2] != '/')
        return -1;
    j += 3;
    const qsizetype rest = j;
    while (j < t.size && !endsUrl(t[j]))
        ++j;
    while (j > rest &&
           std::u16string_view(u".,;:!?)]").find(char16_t(t[j - 1])) != std::u16string_view::npos)
        --j;
    return j > rest ? j : -1;
}

bool isUnit(Line t, qsizetype start, qsizetype end)
{
    static constexpr std::string_view units[] = {"ms", "s",   "us",  "ns",  "m",   "h",
                                                 "d",  "b",   "k",   "kb",  "mb",  "gb",
                                                 "tb", "kib", "mib", "gib", "tib", "x"};
    for (const std::string_view unit : units) {
        if (qsizetype(unit.size()) != end - start)
            continue;
        bool same = true;
        for (qsizetype i = start; i < end && same; ++i)
            same =
                LogScan::toLower(t[i]) == static_cast<unsigned char>(unit[std::size_t(i - start)]);
        if (same)
            return true;
    }
    return false;
}

// "42", "0.929", "1.2.3", "0x7f", "250ms", "3.4GiB"; not the digits inside "sha256" or a hex id.
qsizetype matchNumber(Line t, qsizetype i)
{
    if (t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X') && isHexDigit(t[i + 2])) {
        qsizetype j = i + 2;
        while (isHexDigit(t[j]))
            ++j;
        return isWordChar(t[j]) ? -1 : j;
    }
    qsizetype j = i;
    while (isDigit(t[j]))
        ++j;
    while (t[j] == '.' && isDigit(t[j + 1])) {
        for (++j; isDigit(t[j]);)
            ++j;
    }
    if (!isWordChar(t[j]))
        return j;
    qsizetype unitEnd = j;
    while (isAlpha(t[unitEnd]) && unitEnd - j < 4)
        ++unitEnd;
    return !isWordChar(t[unitEnd]) && isUnit(t, j, unitEnd) ? unitEnd : -1;
}

// i at a quote: the index after the closing one, or -1.
qsizetype matchQuoted(Line t, qsizetype i)
{
    const unsigned quote = t[i];
    if (quote == '"') {
        for (qsizetype j = i + 1; j < t.size; ++j) {
            if (t[j] == '\\')
                ++j;
            else if (t[j] == '"')
                return j + 1;
        }
        return -1;
    }
    const qsizetype limit = std::min(t.size, i + MaximumSingleQuotedLength);
    for (qsizetype j = i + 1; j < limit; ++j) {
        if (t[j] == '\'' && !isWordChar(t[j + 1]))
            return j > i + 1 ? j + 1 : -1;
    }
    return -1;
}

class SpanList
{
public:
    explicit SpanList(QList<LogHighlightSpan> &spans)
        : m_spans(spans)
    {
    }

    void add(qsizetype start, qsizetype end, LogHighlightRole role)
    {
        if (end > start)
            m_spans.append({start, end - start, role});
    }

private:
    QList<LogHighlightSpan> &m_spans;
};

// A level word in free text: an upper-case one, or one a bracket, '=' or ':' marks as a level.
bool isMarkedLevel(Line t, qsizetype start, qsizetype end)
{
    const unsigned before = t[start - 1];
    const unsigned after = t[end];
    if (before == '[' || before == '<' || before == '(' || before == '=' || after == ':' ||
        after == ']' || after == '>' || after == ')')
        return true;
    for (qsizetype i = start; i < end; ++i) {
        if (LogScan::isLower(t[i]))
            return false;
    }
    return true;
}

// A quoted string that holds exactly a level, a time or a URL is coloured as that.
void addQuoted(Line t, qsizetype start, qsizetype end, SpanList &spans)
{
    const qsizetype contentStart = start + 1;
    const qsizetype contentEnd = end - 1;
    if (contentEnd > contentStart) {
        const LogLevel level = LogScan::levelWord(t.data + contentStart, contentEnd - contentStart);
        if (level != LogLevel::None) {
            spans.add(contentStart, contentEnd, roleOfLevel(level));
            return;
        }
        if (LogScan::matchTimestamp(t.data, contentEnd, contentStart) == contentEnd) {
            spans.add(contentStart, contentEnd, LogHighlightRole::Timestamp);
            return;
        }
        if (isAlpha(t[contentStart]) &&
            matchUrl(Line{t.data, contentEnd}, contentStart) == contentEnd) {
            spans.add(contentStart, contentEnd, LogHighlightRole::Url);
            return;
        }
    }
    spans.add(start, end, LogHighlightRole::QuotedString);
}

// Times, addresses, URLs, strings, level words and numbers in [from, to), where the format
// put nothing.
void scanFreeText(const char16_t *data, qsizetype from, qsizetype to, bool jsonKeys,
                  SpanList &spans)
{
    const Line t{data, to};
    qsizetype i = from;
    while (i < to) {
        const unsigned c = t[i];
        const bool atWordStart = !isWordChar(t[i - 1]);
        if (c == '"' || (c == '\'' && atWordStart)) {
            const qsizetype end = matchQuoted(t, i);
            if (end < 0) {
                ++i;
                continue;
            }
            qsizetype after = end;
            while (LogScan::isBlank(t[after]))
                ++after;
            if (!(jsonKeys && c == '"' && t[after] == ':')) // a JSON key is no string to show
                addQuoted(t, i, end, spans);
            i = end;
            continue;
        }
        if (!atWordStart || !(isAlnum(c) || c == ':')) {
            ++i;
            continue;
        }
        qsizetype end = -1;
        if ((isDigit(c) || isUpper(c)) && (end = LogScan::matchTimestamp(data, to, i)) > 0) {
            spans.add(i, end, LogHighlightRole::Timestamp);
        } else if (isDigit(c) && (end = matchIpv4(t, i)) > 0) {
            spans.add(i, end, LogHighlightRole::IpAddress);
        } else if ((isHexDigit(c) || c == ':') && (end = matchIpv6(t, i)) > 0) {
            spans.add(i, end, LogHighlightRole::IpAddress);
        } else if (isAlpha(c) && (end = matchUrl(t, i)) > 0) {
            spans.add(i, end, LogHighlightRole::Url);
        } else if (isDigit(c) && (end = matchNumber(t, i)) > 0) {
            spans.add(i, end, LogHighlightRole::Number);
        } else if (isAlnum(c)) {
            end = i;
            while (isWordChar(t[end]))
                ++end;
            const LogLevel level = LogScan::looseLevelWord(data + i, end - i);
            if (level != LogLevel::None && isMarkedLevel(t, i, end))
                spans.add(i, end, roleOfLevel(level));
            // "v1.2.3", "com.example.App": the digits after a dot are part of the name.
            while (t[end] == '.' && isWordChar(t[end + 1])) {
                for (++end; isWordChar(t[end]);)
                    ++end;
            }
        } else {
            end = i + 1;
        }
        i = end;
    }
}

struct Part {
    Range range;
    LogHighlightRole role;
};

} // namespace

QList<LogHighlightSpan> highlightLogLine(QStringView line, LogFormat format)
{
    const char16_t *data = line.utf16();
    qsizetype size = std::min(line.size(), MaximumHighlightedLength);
    while (size > 0 && (data[size - 1] == u'\r' || data[size - 1] == u'\n'))
        --size;
    const LogScan::ScannedLine scanned = LogScan::scanLogLine(format, data, size);

    // What the format says comes first; free text is searched between those parts.
    std::array<Part, 5> parts;
    std::size_t partCount = 0;
    auto take = [&](Range range, LogHighlightRole role) {
        if (range.isValid() && range.end <= size)
            parts[partCount++] = {range, role};
    };
    take(scanned.service, LogHighlightRole::Source);
    take(scanned.timestamp, LogHighlightRole::Timestamp);
    take(scanned.sourceText, LogHighlightRole::Source);
    if (scanned.level != LogLevel::None)
        take(scanned.levelText, roleOfLevel(scanned.level));
    if (scanned.status.isValid())
        take(scanned.status, roleOfStatus(scanned.statusCode));
    // By start. Insertion by hand: five parts at most, and GCC 12 at -O2 warns (wrongly) that
    // std::sort's unrolled insertion reads past a std::array this small.
    for (std::size_t i = 1; i < partCount; ++i) {
        for (std::size_t j = i; j > 0 && parts[j].range.start < parts[j - 1].range.start; --j)
            std::swap(parts[j], parts[j - 1]);
    }

    const bool json =
        scanned.format == LogFormat::JsonLines || scanned.format == LogFormat::JournaldJson;
    QList<LogHighlightSpan> spans;
    SpanList list(spans);
    qsizetype done = 0;
    for (std::size_t i = 0; i < partCount; ++i) {
        const Range range = parts[i].range;
        if (range.start < done)
            continue;
        scanFreeText(data, done, range.start, json, list);
        list.add(range.start, range.end, parts[i].role);
        done = range.end;
    }
    scanFreeText(data, done, size, json, list);
    return spans;
}

} // namespace OpsDeck
