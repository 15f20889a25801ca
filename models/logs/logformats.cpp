// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logformats.h"

#include "models/logs/logscan.h"

#include <QCoreApplication>
#include <QDate>
#include <QTime>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string_view>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace LogScan {
namespace {

// ---- small readers ------------------------------------------------------------------------

// Exactly count digits at pos.
template<typename Char>
bool readDigits(Text<Char> t, qsizetype pos, int count, int &value)
{
    int result = 0;
    for (int i = 0; i < count; ++i) {
        const unsigned c = t[pos + i];
        if (!isDigit(c))
            return false;
        result = result * 10 + int(c - '0');
    }
    value = result;
    return true;
}

template<typename Char, std::size_t N>
bool matchesAt(Text<Char> t, qsizetype pos, const char (&literal)[N])
{
    for (std::size_t i = 0; i + 1 < N; ++i) {
        if (t[pos + qsizetype(i)] != static_cast<unsigned char>(literal[i]))
            return false;
    }
    return true;
}

// Exact, or with the text lower-cased when the name is written in lower case.
template<typename Char, std::size_t N>
bool rangeIs(Text<Char> t, Range range, const char (&name)[N], bool anyCase)
{
    if (range.end - range.start != qsizetype(N - 1))
        return false;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        unsigned c = t[range.start + qsizetype(i)];
        if (anyCase)
            c = toLower(c);
        if (c != static_cast<unsigned char>(name[i]))
            return false;
    }
    return true;
}

template<typename Char>
qsizetype tokenEnd(Text<Char> t, qsizetype i)
{
    while (i < t.size && t[i] != ' ')
        ++i;
    return i;
}

template<typename Char>
bool allUpper(Text<Char> t, qsizetype start, qsizetype end)
{
    for (qsizetype i = start; i < end; ++i) {
        if (isLower(t[i]))
            return false;
    }
    return end > start;
}

// ---- times --------------------------------------------------------------------------------

template<typename Char>
int monthAt(Text<Char> t, qsizetype pos)
{
    static constexpr char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const unsigned a = toLower(t[pos]), b = toLower(t[pos + 1]), c = toLower(t[pos + 2]);
    for (int month = 0; month < 12; ++month) {
        if (a == unsigned(names[3 * month]) && b == unsigned(names[3 * month + 1]) &&
            c == unsigned(names[3 * month + 2]))
            return month + 1;
    }
    return 0;
}

template<typename Char>
bool weekdayAt(Text<Char> t, qsizetype pos)
{
    static constexpr char names[] = "sunmontuewedthufrisat";
    const unsigned a = toLower(t[pos]), b = toLower(t[pos + 1]), c = toLower(t[pos + 2]);
    for (int day = 0; day < 7; ++day) {
        if (a == unsigned(names[3 * day]) && b == unsigned(names[3 * day + 1]) &&
            c == unsigned(names[3 * day + 2]))
            return true;
    }
    return false;
}

// "HH:MM:SS" with an optional fraction (".123456", log4j's ",123"); milliseconds kept.
template<typename Char>
qsizetype scanClock(Text<Char> t, qsizetype pos, TimeValue &value, bool commaFraction)
{
    if (!readDigits(t, pos, 2, value.hour) || t[pos + 2] != ':' ||
        !readDigits(t, pos + 3, 2, value.minute) || t[pos + 5] != ':' ||
        !readDigits(t, pos + 6, 2, value.second))
        return -1;
    if (value.hour > 23 || value.minute > 59 || value.second > 60)
        return -1;
    qsizetype i = pos + 8;
    value.msec = 0;
    if ((t[i] == '.' || (commaFraction && t[i] == ',')) && isDigit(t[i + 1])) {
        int digits = 0;
        for (++i; isDigit(t[i]); ++i, ++digits) {
            if (digits < 3)
                value.msec = value.msec * 10 + int(t[i] - '0');
        }
        for (; digits < 3; ++digits)
            value.msec *= 10;
    }
    return i;
}

// "Z", "+05:30", "+0530", "-05" at pos.
template<typename Char>
qsizetype scanOffset(Text<Char> t, qsizetype pos, int &seconds)
{
    const unsigned sign = t[pos];
    if (sign == 'Z') {
        seconds = 0;
        return pos + 1;
    }
    if (sign != '+' && sign != '-')
        return -1;
    int hours = 0;
    int minutes = 0;
    if (!readDigits(t, pos + 1, 2, hours))
        return -1;
    qsizetype i = pos + 3;
    if (t[i] == ':' && readDigits(t, i + 1, 2, minutes))
        i += 3;
    else if (readDigits(t, i, 2, minutes))
        i += 2;
    if (hours > 18 || minutes > 59 || isDigit(t[i]))
        return -1;
    seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
    return i;
}

struct ZoneName {
    std::string_view name;
    int offsetSeconds;
};

// Abbreviations that name one offset. Others (IST, CST: several zones) leave the time local.
constexpr ZoneName zoneNames[] = {
    {"UTC", 0},       {"GMT", 0},       {"UT", 0},       {"WET", 0},      {"WEST", 3600},
    {"BST", 3600},    {"CET", 3600},    {"CEST", 7200},  {"MET", 3600},   {"MEST", 7200},
    {"EET", 7200},    {"EEST", 10800},  {"MSK", 10800},  {"EST", -18000}, {"EDT", -14400},
    {"CDT", -18000},  {"MST", -25200},  {"MDT", -21600}, {"PST", -28800}, {"PDT", -25200},
    {"AKST", -32400}, {"AKDT", -28800}, {"HST", -36000}, {"JST", 32400},  {"KST", 32400},
    {"HKT", 28800},   {"SGT", 28800},   {"AWST", 28800}, {"ACST", 34200}, {"ACDT", 37800},
    {"AEST", 36000},  {"AEDT", 39600},  {"NZST", 43200}, {"NZDT", 46800},
};

// An upper-case zone abbreviation at pos; known says whether its offset is.
template<typename Char>
qsizetype scanZoneName(Text<Char> t, qsizetype pos, bool &known, int &seconds)
{
    qsizetype end = pos;
    while (isUpper(t[end]) && end - pos < 6)
        ++end;
    const qsizetype length = end - pos;
    if (length < 2 || isAlnum(t[end]))
        return -1;
    known = false;
    for (const ZoneName &zone : zoneNames) {
        if (qsizetype(zone.name.size()) != length)
            continue;
        bool same = true;
        for (qsizetype i = 0; i < length && same; ++i)
            same = t[pos + i] == static_cast<unsigned char>(zone.name[std::size_t(i)]);
        if (same) {
            known = true;
            seconds = zone.offsetSeconds;
            break;
        }
    }
    return end;
}

enum IsoFlag {
    IsoRequireT = 1,   // RFC 3339 proper: 'T' between date and time
    IsoAllowSlash = 2, // "2024/05/01 12:00:00" (Go's log package) as well
    IsoSlashOnly = 4,  // nginx's error log
    IsoSpaceZone = 8,  // " +0000" (gunicorn) and a known " UTC" after the time
};

// "2024-05-01T12:00:00.123+02:00" and its relatives at pos.
template<typename Char>
qsizetype scanIsoDateTime(Text<Char> t, qsizetype pos, TimeValue &value, int flags)
{
    TimeValue result;
    result.kind = TimeValue::Kind::Civil;
    if (!readDigits(t, pos, 4, result.year))
        return -1;
    const unsigned separator = t[pos + 4];
    if (flags & IsoSlashOnly) {
        if (separator != '/')
            return -1;
    } else if (separator != '-' && !(separator == '/' && (flags & IsoAllowSlash))) {
        return -1;
    }
    if (!readDigits(t, pos + 5, 2, result.month) || t[pos + 7] != separator ||
        !readDigits(t, pos + 8, 2, result.day))
        return -1;
    const unsigned between = t[pos + 10];
    if (between != 'T' && (between != ' ' || (flags & IsoRequireT)))
        return -1;
    qsizetype i = scanClock(t, pos + 11, result, true);
    if (i < 0 || result.month < 1 || result.month > 12 || result.day < 1 || result.day > 31)
        return -1;
    int seconds = 0;
    if (const qsizetype zoneEnd = scanOffset(t, i, seconds); zoneEnd > 0) {
        result.hasZone = true;
        result.offsetSeconds = seconds;
        i = zoneEnd;
    } else if ((flags & IsoSpaceZone) && t[i] == ' ') {
        bool known = false;
        if (const qsizetype offsetEnd = scanOffset(t, i + 1, seconds);
            offsetEnd > 0 && t[i + 1] != 'Z') {
            result.hasZone = true;
            result.offsetSeconds = seconds;
            i = offsetEnd;
        } else if (const qsizetype nameEnd = scanZoneName(t, i + 1, known, seconds);
                   nameEnd > 0 && known) {
            result.hasZone = true;
            result.offsetSeconds = seconds;
            i = nameEnd;
        }
    }
    value = result;
    return i;
}

// BSD syslog's "Dec  6 08:01:02" (no year).
template<typename Char>
qsizetype scanSyslogDate(Text<Char> t, qsizetype pos, TimeValue &value)
{
    TimeValue result;
    result.kind = TimeValue::Kind::Civil;
    result.month = monthAt(t, pos);
    if (result.month == 0 || t[pos + 3] != ' ')
        return -1;
    qsizetype i = pos + 4;
    if (t[i] == ' ')
        ++i;
    if (!isDigit(t[i]))
        return -1;
    result.day = int(t[i] - '0');
    if (isDigit(t[++i]))
        result.day = result.day * 10 + int(t[i++] - '0');
    if (t[i] != ' ' || result.day < 1 || result.day > 31)
        return -1;
    i = scanClock(t, i + 1, result, false);
    if (i < 0)
        return -1;
    value = result;
    return i;
}

// Access logs' "06/Dec/2026:08:05:16 +0000".
template<typename Char>
qsizetype scanAccessDate(Text<Char> t, qsizetype pos, TimeValue &value)
{
    TimeValue result;
    result.kind = TimeValue::Kind::Civil;
    if (!readDigits(t, pos, 2, result.day) || t[pos + 2] != '/')
        return -1;
    result.month = monthAt(t, pos + 3);
    if (result.month == 0 || t[pos + 6] != '/' || !readDigits(t, pos + 7, 4, result.year) ||
        t[pos + 11] != ':')
        return -1;
    qsizetype i = scanClock(t, pos + 12, result, false);
    if (i < 0)
        return -1;
    int seconds = 0;
    if (t[i] == ' ') {
        if (const qsizetype zoneEnd = scanOffset(t, i + 1, seconds); zoneEnd > 0) {
            result.hasZone = true;
            result.offsetSeconds = seconds;
            i = zoneEnd;
        }
    }
    value = result;
    return i;
}

// Apache's "Sun Dec 06 08:05:16.123456 2026" (local time).
template<typename Char>
qsizetype scanApacheDate(Text<Char> t, qsizetype pos, TimeValue &value)
{
    if (!weekdayAt(t, pos) || t[pos + 3] != ' ')
        return -1;
    TimeValue result;
    result.kind = TimeValue::Kind::Civil;
    result.month = monthAt(t, pos + 4);
    if (result.month == 0 || t[pos + 7] != ' ')
        return -1;
    qsizetype i = pos + 8;
    if (t[i] == ' ' && isDigit(t[i + 1])) {
        result.day = int(t[i + 1] - '0');
        i += 2;
    } else if (readDigits(t, i, 2, result.day)) {
        i += 2;
    } else {
        return -1;
    }
    if (t[i] != ' ' || result.day < 1 || result.day > 31)
        return -1;
    i = scanClock(t, i + 1, result, false);
    if (i < 0 || t[i] != ' ' || !readDigits(t, i + 1, 4, result.year))
        return -1;
    value = result;
    return i + 5;
}

// "1714564800.123" in seconds, or milliseconds, microseconds, nanoseconds told by magnitude.
template<typename Char>
bool parseEpoch(Text<Char> t, qsizetype start, qsizetype end, qint64 &msecs)
{
    qsizetype i = start;
    quint64 whole = 0;
    int digits = 0;
    for (; i < end && isDigit(t[i]); ++i, ++digits) {
        if (digits < 19)
            whole = whole * 10 + (t[i] - '0');
    }
    if (digits == 0 || digits > 19)
        return false;
    qint64 fraction = 0;
    if (i < end && t[i] == '.') {
        int fractionDigits = 0;
        for (++i; i < end && isDigit(t[i]); ++i, ++fractionDigits) {
            if (fractionDigits < 3)
                fraction = fraction * 10 + (t[i] - '0');
        }
        for (; fractionDigits < 3; ++fractionDigits)
            fraction *= 10;
    }
    if (i != end)
        return false;
    if (digits <= 11)
        msecs = qint64(whole) * 1000 + fraction;
    else if (digits <= 14)
        msecs = qint64(whole);
    else if (digits <= 17)
        msecs = qint64(whole / 1000);
    else
        msecs = qint64(whole / 1000000);
    return true;
}

template<typename Char>
bool readTimeValue(Text<Char> t, qsizetype start, qsizetype end, TimeValue &value)
{
    if (isDigit(t[start]) && scanIsoDateTime(t, start, value, IsoAllowSlash | IsoSpaceZone) > 0)
        return true;
    qint64 msecs = 0;
    if (!parseEpoch(t, start, end, msecs))
        return false;
    value = {};
    value.kind = TimeValue::Kind::Epoch;
    value.epochMsecs = msecs;
    return true;
}

// ---- levels -------------------------------------------------------------------------------

constexpr LogLevel syslogSeverity(int severity)
{
    constexpr LogLevel levels[] = {LogLevel::Emergency, LogLevel::Alert,   LogLevel::Critical,
                                   LogLevel::Error,     LogLevel::Warning, LogLevel::Notice,
                                   LogLevel::Info,      LogLevel::Debug};
    return severity >= 0 && severity < 8 ? levels[severity] : LogLevel::None;
}

// Numbers as JSON loggers write them: syslog 0-7, pino/bunyan 10-60, Monolog 100-600.
LogLevel numericLevel(qint64 value)
{
    if (value >= 0 && value < 8)
        return syslogSeverity(int(value));
    switch (value) {
    case 10:
        return LogLevel::Trace;
    case 20:
    case 100:
        return LogLevel::Debug;
    case 30:
    case 200:
        return LogLevel::Info;
    case 250:
        return LogLevel::Notice;
    case 40:
    case 300:
        return LogLevel::Warning;
    case 50:
    case 400:
        return LogLevel::Error;
    case 60:
    case 500:
        return LogLevel::Critical;
    case 550:
        return LogLevel::Alert;
    case 600:
        return LogLevel::Emergency;
    default:
        return LogLevel::None;
    }
}

// The lower-cased ASCII word, or an empty view (too long, not ASCII).
template<typename Char>
std::string_view lowerWord(const Char *word, qsizetype length, char (&buffer)[16])
{
    if (length < 1 || length > qsizetype(sizeof buffer))
        return {};
    for (qsizetype i = 0; i < length; ++i) {
        const unsigned c = unsigned(std::make_unsigned_t<Char>(word[i]));
        if (c >= 128)
            return {};
        buffer[i] = char(toLower(c));
    }
    return {buffer, std::size_t(length)};
}

LogLevel levelOfLowerWord(std::string_view w)
{
    switch (w.size()) {
    case 3:
        if (w == "err")
            return LogLevel::Error;
        if (w == "inf" || w == "log")
            return LogLevel::Info;
        if (w == "wrn")
            return LogLevel::Warning;
        if (w == "dbg")
            return LogLevel::Debug;
        if (w == "trc" || w == "vrb")
            return LogLevel::Trace;
        if (w == "crt" || w == "ftl")
            return LogLevel::Critical;
        break;
    case 4:
        if (w == "info")
            return LogLevel::Info;
        if (w == "warn")
            return LogLevel::Warning;
        if (w == "crit")
            return LogLevel::Critical;
        if (w == "note")
            return LogLevel::Notice;
        if (w == "eror") // log15 and Grafana
            return LogLevel::Error;
        if (w == "dbug")
            return LogLevel::Debug;
        if (w == "fine")
            return LogLevel::Debug;
        break;
    case 5:
        if (w == "error")
            return LogLevel::Error;
        if (w == "debug")
            return LogLevel::Debug;
        if (w == "trace" || w == "finer")
            return LogLevel::Trace;
        if (w == "fatal")
            return LogLevel::Critical;
        if (w == "alert")
            return LogLevel::Alert;
        if (w == "emerg" || w == "panic")
            return LogLevel::Emergency;
        break;
    case 6:
        if (w == "notice")
            return LogLevel::Notice;
        if (w == "severe")
            return LogLevel::Error;
        if (w == "finest")
            return LogLevel::Trace;
        if (w == "dpanic")
            return LogLevel::Critical;
        // PostgreSQL's DEBUG1-5, Apache's trace1-8
        if (w.starts_with("debug") && w[5] >= '1' && w[5] <= '5')
            return LogLevel::Debug;
        if (w.starts_with("trace") && w[5] >= '1' && w[5] <= '8')
            return LogLevel::Trace;
        break;
    case 7:
        if (w == "warning")
            return LogLevel::Warning;
        if (w == "verbose")
            return LogLevel::Trace;
        break;
    case 8:
        if (w == "critical")
            return LogLevel::Critical;
        break;
    case 9:
        if (w == "emergency")
            return LogLevel::Emergency;
        break;
    case 11:
        if (w == "information")
            return LogLevel::Info;
        break;
    case 13:
        if (w == "informational")
            return LogLevel::Info;
        break;
    default:
        break;
    }
    return LogLevel::None;
}

// Words that are a level where a format puts one, and plain words elsewhere.
bool isWeakLevelWord(std::string_view w)
{
    return w == "log" || w == "note" || w == "fine" || w == "finer" || w == "finest" ||
           w == "verbose";
}

template<typename Char>
LogLevel levelInRange(Text<Char> t, Range range)
{
    return range.end > range.start ? levelWord(t.data + range.start, range.end - range.start)
                                   : LogLevel::None;
}

// A JSON or logfmt value naming a level: a word, or a number ("30", 4).
template<typename Char>
LogLevel levelOfValue(Text<Char> t, Range content)
{
    if (const LogLevel level = levelInRange(t, content); level != LogLevel::None)
        return level;
    qint64 number = 0;
    if (content.end - content.start < 1 || content.end - content.start > 4)
        return LogLevel::None;
    for (qsizetype i = content.start; i < content.end; ++i) {
        if (!isDigit(t[i]))
            return LogLevel::None;
        number = number * 10 + (t[i] - '0');
    }
    return numericLevel(number);
}

template<typename Char>
bool isLevelKey(Text<Char> t, Range key)
{
    return rangeIs(t, key, "level", true) || rangeIs(t, key, "lvl", true) ||
           rangeIs(t, key, "severity", true) || rangeIs(t, key, "levelname", true) ||
           rangeIs(t, key, "loglevel", true) || rangeIs(t, key, "level_name", true);
}

// The cheap level every line gets when its format gives none: "[ERROR]", "error:",
// "WARN", "level=error", "\"level\":\"error\"" among the first characters from `from`.
template<typename Char>
LogLevel fallbackLevel(Text<Char> t, qsizetype from, qsizetype window, Range &where)
{
    const qsizetype stop = std::min(t.size, from + window);
    qsizetype i = std::max<qsizetype>(from, 0);
    while (i < stop) {
        if (!isAlpha(t[i]) || isAlnum(t[i - 1])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool upper = true;
        for (; isAlnum(t[i]); ++i)
            upper = upper && !isLower(t[i]);
        const qsizetype length = i - start;
        if (length < 3 || length > 13)
            continue;
        const unsigned before = t[start - 1];
        const unsigned after = t[i];
        // Most words are prose: only a word placed like a level is looked up.
        if ((after == '=' || after == ':' || after == '"') && isLevelKey(t, {start, i})) {
            qsizetype value = after == '"' ? i + 1 : i;
            if (t[value] != '=' && t[value] != ':')
                continue;
            ++value;
            while (t[value] == ' ' || t[value] == '"')
                ++value;
            qsizetype valueEnd = value;
            while (isAlnum(t[valueEnd]))
                ++valueEnd;
            if (const LogLevel level = levelInRange(t, {value, valueEnd});
                level != LogLevel::None) {
                where = {value, valueEnd};
                return level;
            }
            continue;
        }
        if (!upper && before != '[' && before != '<' && after != ':' && after != ']' &&
            after != '>')
            continue;
        if (const LogLevel level = looseLevelWord(t.data + start, length);
            level != LogLevel::None) {
            where = {start, i};
            return level;
        }
    }
    return LogLevel::None;
}

// ---- continuations ------------------------------------------------------------------------

// "java.lang.IllegalStateException: ...", "ZeroDivisionError: division by zero": the
// exception line under a log entry (a bare "Error: x" is not one).
template<typename Char>
bool isExceptionLine(Text<Char> t)
{
    if (!isAlpha(t[0]) && t[0] != '_')
        return false;
    qsizetype end = 0;
    while (isAlnum(t[end]) || t[end] == '_' || t[end] == '.' || t[end] == '$')
        ++end;
    if (end < t.size && t[end] != ':')
        return false;
    auto endsWith = [&](std::string_view suffix) {
        const qsizetype length = qsizetype(suffix.size());
        if (end <= length)
            return false;
        for (qsizetype i = 0; i < length; ++i) {
            if (t[end - length + i] != static_cast<unsigned char>(suffix[std::size_t(i)]))
                return false;
        }
        return true;
    };
    return endsWith("Exception") || endsWith("Error");
}

// Lines that continue the entry before them in any format: indented lines (stack frames,
// wrapped messages), and the lines Java, Python and Go print around a stack trace.
template<typename Char>
bool looksLikeContinuation(Text<Char> t)
{
    if (t.size == 0 || isBlank(t[0]))
        return true;
    switch (t[0]) {
    case 'C':
        if (matchesAt(t, 0, "Caused by:"))
            return true;
        break;
    case 'S':
        if (matchesAt(t, 0, "Suppressed: "))
            return true;
        break;
    case 'T':
        if (matchesAt(t, 0, "Traceback (most recent call last):") ||
            matchesAt(t, 0, "The above exception was the direct cause"))
            return true;
        break;
    case 'D':
        if (matchesAt(t, 0, "During handling of the above exception"))
            return true;
        break;
    case '.':
        if (matchesAt(t, 0, "... ") && isDigit(t[4]))
            return true;
        break;
    case 'g':
        if (matchesAt(t, 0, "goroutine ") && isDigit(t[10]))
            return true;
        break;
    default:
        break;
    }
    return isExceptionLine(t);
}

// ---- formats ------------------------------------------------------------------------------

// "<34>": the PRI's end (0 without one).
template<typename Char>
qsizetype scanPri(Text<Char> t, int &pri)
{
    if (t[0] != '<')
        return 0;
    int value = 0;
    qsizetype i = 1;
    for (; i <= 3 && isDigit(t[i]); ++i)
        value = value * 10 + int(t[i] - '0');
    if (i == 1 || t[i] != '>' || value > 191)
        return 0;
    pri = value;
    return i + 1;
}

// "sshd[123]:" or "kernel:" in [start, end): where the name ends and where "name[pid]" does.
template<typename Char>
bool syslogTag(Text<Char> t, qsizetype start, qsizetype end, qsizetype &nameEnd, qsizetype &tagEnd)
{
    if (end - start < 2 || t[end - 1] != ':')
        return false;
    qsizetype i = start;
    while (i < end - 1 && t[i] != '[' && t[i] != ':')
        ++i;
    if (i == start || i - start > 64)
        return false;
    nameEnd = i;
    if (t[i] == '[') {
        qsizetype close = i + 1;
        while (close < end && t[close] != ']')
            ++close;
        if (close != end - 2)
            return false;
        tagEnd = end - 1;
        return true;
    }
    if (i != end - 1)
        return false;
    tagEnd = end - 1;
    return true;
}

// "<34>Dec  6 08:01:02 host sshd[123]: message", and rsyslog's RFC 3339 file format
// "2026-12-06T08:01:02.123456+00:00 host sshd[123]: message" (Debian's default since 12): the
// same fields after a better timestamp, so the same format.
template<typename Char>
bool scanSyslog3164(Text<Char> t, ScannedLine &r)
{
    int pri = -1;
    const qsizetype timeStart = scanPri(t, pri);
    TimeValue time;
    bool iso = false;
    qsizetype i = scanSyslogDate(t, timeStart, time);
    if (i < 0) {
        i = scanIsoDateTime(t, timeStart, time, IsoRequireT);
        if (i < 0 || !time.hasZone)
            return false;
        iso = true;
    }
    if (t[i] != ' ')
        return false;
    r.time = time;
    r.timestamp = {timeStart, i};
    while (t[i] == ' ')
        ++i;
    const qsizetype first = i;
    const qsizetype firstEnd = tokenEnd(t, first);
    qsizetype nameEnd = 0;
    qsizetype tagEnd = 0;
    qsizetype tagStart = -1;
    qsizetype messageStart = first;
    if (syslogTag(t, first, firstEnd, nameEnd, tagEnd)) { // no host: "<13>Dec  6 ... root: x"
        tagStart = first;
        messageStart = firstEnd + 1;
    } else {
        // An ISO-timestamped application line ("... ERROR Something: failed") is no syslog.
        if (iso &&
            (firstEnd == first || levelWord(t.data + first, firstEnd - first) != LogLevel::None))
            return false;
        qsizetype second = firstEnd;
        while (t[second] == ' ')
            ++second;
        const qsizetype secondEnd = tokenEnd(t, second);
        if (syslogTag(t, second, secondEnd, nameEnd, tagEnd)) {
            tagStart = second;
            messageStart = secondEnd + 1;
        } else if (iso) {
            return false;
        } else {
            messageStart = second;
        }
    }
    if (tagStart >= 0) {
        r.source = {tagStart, nameEnd};
        r.sourceText = {tagStart, tagEnd};
    }
    r.messageStart = std::min(messageStart, t.size);
    if (pri >= 0)
        r.level = syslogSeverity(pri & 7);
    return true;
}

// "<165>1 2003-10-11T22:14:15.003Z host app 1234 ID47 [sd] message"
template<typename Char>
bool scanSyslog5424(Text<Char> t, ScannedLine &r)
{
    int pri = -1;
    qsizetype i = scanPri(t, pri);
    const qsizetype versionStart = i;
    while (isDigit(t[i]) && i - versionStart < 3)
        ++i;
    if (i == versionStart || t[versionStart] == '0' || t[i] != ' ')
        return false;
    if (pri < 0 && !(i - versionStart == 1 && t[versionStart] == '1'))
        return false;
    ++i;
    if (t[i] == '-') {
        if (t[i + 1] != ' ')
            return false;
        i += 2;
    } else {
        TimeValue time;
        const qsizetype end = scanIsoDateTime(t, i, time, IsoRequireT);
        if (end < 0 || t[end] != ' ')
            return false;
        r.time = time;
        r.timestamp = {i, end};
        i = end + 1;
    }
    Range fields[4]; // hostname, app-name, procid, msgid
    for (Range &field : fields) {
        const qsizetype end = tokenEnd(t, i);
        if (end == i || t[end] != ' ')
            return false;
        field = {i, end};
        i = end + 1;
    }
    if (t[i] == '-') {
        ++i;
    } else if (t[i] == '[') {
        while (t[i] == '[') {
            for (++i; i < t.size && t[i] != ']'; ++i) {
                if (t[i] != '"')
                    continue;
                for (++i; i < t.size && t[i] != '"'; ++i) {
                    if (t[i] == '\\')
                        ++i;
                }
            }
            if (i >= t.size)
                return false;
            ++i;
        }
    } else {
        return false;
    }
    if (i < t.size && t[i] != ' ')
        return false;
    qsizetype message = std::min(i + 1, t.size);
    if (t[message] == 0xFEFF)
        message += 1;
    else if (t[message] == 0xEF && t[message + 1] == 0xBB && t[message + 2] == 0xBF)
        message += 3;
    r.messageStart = std::min(message, t.size);
    if (!rangeIs(t, fields[1], "-", false)) {
        r.source = fields[1];
        r.sourceText = fields[1];
    }
    if (pri >= 0)
        r.level = syslogSeverity(pri & 7);
    return true;
}

constexpr bool isIsoSeparator(unsigned c)
{
    return c == ' ' || c == '\t' || c == ']' || c == '-' || c == '|' || c == ':' || c == ',' ||
           c == '/' || c == '(' || c == ')';
}

// Application logs that open with an ISO 8601 time: the level is among the first words after
// it ("ERROR", "[main] WARN", "- name - ERROR -", "[INFO ]", "INFO 1234 --- [main]").
template<typename Char>
bool scanIso8601(Text<Char> t, ScannedLine &r)
{
    const qsizetype start = t[0] == '[' ? 1 : 0;
    TimeValue time;
    const qsizetype end = scanIsoDateTime(t, start, time, IsoAllowSlash | IsoSpaceZone);
    if (end < 0)
        return false;
    r.time = time;
    r.timestamp = {start, end};
    const qsizetype limit = std::min(t.size, end + 100);
    qsizetype i = end;
    qsizetype messageStart = -1;
    for (int words = 0; words < 6 && i < limit;) {
        while (i < limit && isIsoSeparator(t[i]))
            ++i;
        if (i >= limit)
            break;
        if (t[i] == '[') { // a thread name or pid, or the level in brackets
            qsizetype close = i + 1;
            while (close < t.size && t[close] != ']' && close - i < 80)
                ++close;
            if (t[close] != ']')
                break;
            qsizetype wordStart = i + 1;
            qsizetype wordEnd = close;
            while (wordStart < wordEnd && isBlank(t[wordStart]))
                ++wordStart;
            while (wordEnd > wordStart && isBlank(t[wordEnd - 1]))
                --wordEnd;
            if (const LogLevel level = levelInRange(t, {wordStart, wordEnd});
                level != LogLevel::None) {
                r.level = level;
                r.levelText = {wordStart, wordEnd};
                messageStart = close + 1;
                break;
            }
            i = close + 1;
            continue;
        }
        const qsizetype wordStart = i;
        while (i < t.size && !isIsoSeparator(t[i]) && t[i] != '[')
            ++i;
        const LogLevel level = levelInRange(t, {wordStart, i});
        // Only the first word in any case: later ones must look like a level, not prose.
        if (level != LogLevel::None &&
            (words == 0 || allUpper(t, wordStart, i) || t[i] == ':' || t[i] == ']')) {
            r.level = level;
            r.levelText = {wordStart, i};
            messageStart = i;
            if (t[messageStart] == '/') { // Celery's "ERROR/ForkPoolWorker-1]"
                while (messageStart < t.size && t[messageStart] != ']' && t[messageStart] != ' ')
                    ++messageStart;
            }
            break;
        }
        ++words;
    }
    if (messageStart < 0)
        messageStart = end;
    while (messageStart < t.size &&
           (t[messageStart] == ' ' || t[messageStart] == ':' || t[messageStart] == ']' ||
            t[messageStart] == '-' || t[messageStart] == '|'))
        ++messageStart;
    r.messageStart = messageStart;
    return true;
}

// "127.0.0.1 - alice [06/Dec/2026:08:05:16 +0000] "GET / HTTP/1.1" 200 3 ..." (common,
// combined, and vhost_combined with the virtual host first)
template<typename Char>
bool scanAccessLog(Text<Char> t, ScannedLine &r)
{
    qsizetype i = 0;
    int fields = 0;
    while (fields < 5 && t[i] != '[') {
        const qsizetype end = tokenEnd(t, i);
        if (end == i || end - i > 255 || t[end] != ' ')
            return false;
        ++fields;
        i = end + 1;
    }
    if (fields < 3 || t[i] != '[')
        return false;
    TimeValue time;
    const qsizetype dateEnd = scanAccessDate(t, i + 1, time);
    if (dateEnd < 0 || t[dateEnd] != ']' || t[dateEnd + 1] != ' ' || t[dateEnd + 2] != '"')
        return false;
    const qsizetype request = dateEnd + 2;
    qsizetype requestEnd = request + 1;
    for (; requestEnd < t.size && t[requestEnd] != '"'; ++requestEnd) {
        if (t[requestEnd] == '\\')
            ++requestEnd;
    }
    int status = 0;
    if (requestEnd >= t.size || t[requestEnd + 1] != ' ' ||
        !readDigits(t, requestEnd + 2, 3, status) || isAlnum(t[requestEnd + 5]))
        return false;
    r.time = time;
    r.timestamp = {i + 1, dateEnd};
    r.status = {requestEnd + 2, requestEnd + 5};
    r.statusCode = status;
    r.level = status >= 500 ? LogLevel::Error : status >= 400 ? LogLevel::Warning : LogLevel::Info;
    r.messageStart = request;
    return true;
}

// nginx "2026/12/06 08:05:16 [error] 6269#6269: *3 message" and Apache 2.4
// "[Sun Dec 06 08:05:16.123456 2026] [core:error] [pid 1:tid 2] [client 1.2.3.4:5] message"
// (2.2: "[error]" without the module).
template<typename Char>
bool scanErrorLog(Text<Char> t, ScannedLine &r)
{
    TimeValue time;
    if (isDigit(t[0])) {
        const qsizetype end = scanIsoDateTime(t, 0, time, IsoSlashOnly);
        if (end < 0 || t[end] != ' ' || t[end + 1] != '[')
            return false;
        const qsizetype levelStart = end + 2;
        qsizetype levelEnd = levelStart;
        while (isAlpha(t[levelEnd]))
            ++levelEnd;
        const LogLevel level = levelInRange(t, {levelStart, levelEnd});
        if (t[levelEnd] != ']' || level == LogLevel::None)
            return false;
        r.time = time;
        r.timestamp = {0, end};
        r.level = level;
        r.levelText = {levelStart, levelEnd};
        qsizetype message = levelEnd + 1;
        if (t[message] == ' ')
            ++message;
        qsizetype pid = message;
        while (isDigit(t[pid]))
            ++pid;
        if (pid > message && t[pid] == '#') {
            for (++pid; isDigit(t[pid]);)
                ++pid;
            if (t[pid] == ':') {
                message = pid + 1;
                if (t[message] == ' ')
                    ++message;
            }
        }
        r.messageStart = message;
        return true;
    }
    if (t[0] != '[')
        return false;
    const qsizetype end = scanApacheDate(t, 1, time);
    if (end < 0 || t[end] != ']' || t[end + 1] != ' ' || t[end + 2] != '[')
        return false;
    qsizetype close = end + 3;
    while (close < t.size && t[close] != ']' && close - end < 64)
        ++close;
    if (t[close] != ']')
        return false;
    qsizetype levelStart = close;
    while (levelStart > end + 3 && t[levelStart - 1] != ':')
        --levelStart;
    const LogLevel level = levelInRange(t, {levelStart, close});
    if (level == LogLevel::None)
        return false;
    r.time = time;
    r.timestamp = {1, end};
    r.level = level;
    r.levelText = {levelStart, close};
    // "[pid ...]" and "[client ...]" say where it happened; the message follows them.
    qsizetype message = close + 1;
    for (;;) {
        const qsizetype open = t[message] == ' ' ? message + 1 : message;
        if (t[open] != '[' ||
            !(matchesAt(t, open + 1, "pid ") || matchesAt(t, open + 1, "client ") ||
              matchesAt(t, open + 1, "remote ")))
            break;
        qsizetype groupEnd = open;
        while (groupEnd < t.size && t[groupEnd] != ']')
            ++groupEnd;
        if (groupEnd >= t.size)
            break;
        message = groupEnd + 1;
    }
    if (t[message] == ' ')
        ++message;
    r.messageStart = std::min(message, t.size);
    return true;
}

// ---- JSON ---------------------------------------------------------------------------------

template<typename Char>
qsizetype skipJsonBlanks(Text<Char> t, qsizetype i)
{
    while (isBlank(t[i]))
        ++i;
    return i;
}

// i at an opening quote: the index after the closing one, or -1. Bytes are searched with
// memchr: journald lines are kilobytes of strings.
template<typename Char>
qsizetype skipJsonString(Text<Char> t, qsizetype i)
{
    if constexpr (sizeof(Char) == 1) {
        const char *begin = reinterpret_cast<const char *>(t.data);
        const char *from = begin + i + 1;
        const char *end = begin + t.size;
        while (from < end) {
            const auto *quote = static_cast<const char *>(std::memchr(from, '"', end - from));
            if (!quote)
                return -1;
            qsizetype backslashes = 0;
            while (quote - backslashes > begin + i + 1 && quote[-backslashes - 1] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0)
                return quote - begin + 1;
            from = quote + 1;
        }
        return -1;
    } else {
        for (++i; i < t.size; ++i) {
            const unsigned c = t[i];
            if (c == '"')
                return i + 1;
            if (c == '\\')
                ++i;
        }
        return -1;
    }
}

template<typename Char>
qsizetype skipJsonValue(Text<Char> t, qsizetype i)
{
    const unsigned first = t[i];
    if (first == '"')
        return skipJsonString(t, i);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (i < t.size) {
            const unsigned c = t[i];
            if (c == '"') {
                i = skipJsonString(t, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    const qsizetype start = i;
    while (isAlnum(t[i]) || t[i] == '.' || t[i] == '-' || t[i] == '+')
        ++i;
    return i > start ? i : -1;
}

struct JsonMember {
    Range key;   // without its quotes
    Range value; // as written
};

// The value without its quotes when it is a string.
template<typename Char>
Range jsonContent(Text<Char> t, Range value)
{
    if (t[value.start] == '"' && value.end - value.start >= 2)
        return {value.start + 1, value.end - 1};
    return value;
}

// Calls visit for each member of the object at open, as far as it is well-formed.
template<typename Char, typename Visit>
void forEachJsonMember(Text<Char> t, qsizetype open, Visit &&visit)
{
    qsizetype i = skipJsonBlanks(t, open + 1);
    while (i < t.size && t[i] == '"') {
        const qsizetype keyEnd = skipJsonString(t, i);
        if (keyEnd < 0)
            return;
        qsizetype value = skipJsonBlanks(t, keyEnd);
        if (t[value] != ':')
            return;
        value = skipJsonBlanks(t, value + 1);
        const qsizetype valueEnd = skipJsonValue(t, value);
        if (valueEnd < 0)
            return;
        visit(JsonMember{{i + 1, keyEnd - 1}, {value, valueEnd}});
        i = skipJsonBlanks(t, valueEnd);
        if (t[i] != ',')
            return;
        i = skipJsonBlanks(t, i + 1);
    }
}

// One JSON object a line, as most structured loggers write them (zap, zerolog, logrus, pino,
// bunyan, structlog, python-json-logger, Monolog, Serilog's CLEF, ECS, .NET's JSON console).
template<typename Char>
bool scanJsonLines(Text<Char> t, ScannedLine &r)
{
    const qsizetype open = skipJsonBlanks(t, 0);
    if (t[open] != '{')
        return false;
    bool known = false;
    bool clef = false;
    int levelRank = 0;   // a word beats a number (Monolog writes both)
    int messageRank = 0; // "@m" beats "msg"/"message" beats "@mt"
    auto takeLevel = [&](Range value) {
        const Range content = jsonContent(t, value);
        const LogLevel level = levelOfValue(t, content);
        const int rank = level == LogLevel::None ? 0 : isDigit(t[content.start]) ? 1 : 2;
        if (rank > levelRank) {
            levelRank = rank;
            r.level = level;
            r.levelText = value;
        }
    };
    auto takeMessage = [&](Range value, int rank) {
        if (rank <= messageRank)
            return;
        messageRank = rank;
        const Range content = jsonContent(t, value);
        r.messageStart = content.start;
        r.messageEnd = content.end;
    };
    forEachJsonMember(t, open, [&](const JsonMember &member) {
        const Range key = member.key;
        if (isLevelKey(t, key) || rangeIs(t, key, "log.level", true) ||
            rangeIs(t, key, "@l", false)) {
            known = true;
            clef = clef || rangeIs(t, key, "@l", false);
            takeLevel(member.value);
        } else if (rangeIs(t, key, "msg", true) || rangeIs(t, key, "message", true)) {
            known = true;
            takeMessage(member.value, 2);
        } else if (rangeIs(t, key, "@m", false) || rangeIs(t, key, "@mt", false)) {
            known = clef = true;
            takeMessage(member.value, rangeIs(t, key, "@m", false) ? 3 : 1);
        } else if (rangeIs(t, key, "time", true) || rangeIs(t, key, "timestamp", true) ||
                   rangeIs(t, key, "ts", true) || rangeIs(t, key, "@timestamp", true) ||
                   rangeIs(t, key, "datetime", true) || rangeIs(t, key, "@t", false)) {
            known = true;
            clef = clef || rangeIs(t, key, "@t", false);
            const Range content = jsonContent(t, member.value);
            TimeValue time;
            if (r.time.kind == TimeValue::Kind::None &&
                readTimeValue(t, content.start, content.end, time)) {
                r.time = time;
                r.timestamp = member.value;
            }
        } else if (rangeIs(t, key, "log", true) && t[member.value.start] == '{') {
            forEachJsonMember(t, member.value.start, [&](const JsonMember &inner) { // ECS
                if (rangeIs(t, inner.key, "level", true)) {
                    known = true;
                    takeLevel(inner.value);
                }
            });
        }
    });
    if (!known)
        return false;
    // Serilog's compact JSON leaves the level out when it is Information.
    if (clef && levelRank == 0)
        r.level = LogLevel::Info;
    return true;
}

// journalctl -o json: every value a string (or an array of bytes, or null).
template<typename Char>
bool scanJournald(Text<Char> t, ScannedLine &r)
{
    const qsizetype open = skipJsonBlanks(t, 0);
    if (t[open] != '{')
        return false;
    bool journal = false;
    bool message = false;
    bool priority = false;
    int sourceRank = 99;
    auto takeSource = [&](Range value, int rank) {
        if (rank >= sourceRank || t[value.start] != '"')
            return;
        sourceRank = rank;
        r.source = jsonContent(t, value);
        r.sourceText = value;
    };
    forEachJsonMember(t, open, [&](const JsonMember &member) {
        const Range key = member.key;
        const Range content = jsonContent(t, member.value);
        if (rangeIs(t, key, "__REALTIME_TIMESTAMP", false)) {
            journal = true;
            // Microseconds since the epoch, as a string of at most 18 digits.
            qint64 usecs = 0;
            qsizetype i = content.start;
            for (; i < content.end && i - content.start < 18 && isDigit(t[i]); ++i)
                usecs = usecs * 10 + (t[i] - '0');
            if (i > content.start && i == content.end) {
                r.time = {};
                r.time.kind = TimeValue::Kind::Epoch;
                r.time.epochMsecs = usecs / 1000;
                r.timestamp = member.value;
            }
        } else if (rangeIs(t, key, "__CURSOR", false)) {
            journal = true;
        } else if (rangeIs(t, key, "PRIORITY", false)) {
            priority = true;
            if (content.end - content.start == 1 && isDigit(t[content.start])) {
                r.level = syslogSeverity(int(t[content.start] - '0'));
                r.levelText = member.value;
            }
        } else if (rangeIs(t, key, "MESSAGE", false)) {
            message = true;
            r.messageStart = content.start;
            r.messageEnd = content.end;
        } else if (rangeIs(t, key, "_SYSTEMD_USER_UNIT", false)) {
            takeSource(member.value, 1);
        } else if (rangeIs(t, key, "_SYSTEMD_UNIT", false)) {
            // A session scope says less than the program that logged (sudo, sshd).
            const bool scope = content.end - content.start > 6 &&
                               rangeIs(t, {content.end - 6, content.end}, ".scope", false);
            takeSource(member.value, scope ? 4 : 2);
        } else if (rangeIs(t, key, "SYSLOG_IDENTIFIER", false)) {
            takeSource(member.value, 3);
        } else if (rangeIs(t, key, "_COMM", false)) {
            takeSource(member.value, 5);
        }
    });
    return journal || (message && priority);
}

// ---- logfmt -------------------------------------------------------------------------------

constexpr bool isLogfmtKeyChar(unsigned c)
{
    return isAlnum(c) || c == '_' || c == '.' || c == '-' || c == '@' || c == '/';
}

// time=2024-05-01T12:00:00Z level=info msg="started" (logrus, slog, log15, Heroku's router)
template<typename Char>
bool scanLogfmt(Text<Char> t, ScannedLine &r)
{
    int pairs = 0;
    qsizetype i = 0;
    while (i < t.size) {
        while (isBlank(t[i]))
            ++i;
        if (i >= t.size)
            break;
        const qsizetype keyStart = i;
        if (isAlpha(t[i]) || t[i] == '_' || t[i] == '@') {
            while (isLogfmtKeyChar(t[i]))
                ++i;
        }
        if (i == keyStart || t[i] != '=') {
            if (pairs == 0)
                return false;
            while (i < t.size && !isBlank(t[i]))
                ++i;
            continue;
        }
        const Range key{keyStart, i};
        ++i;
        Range value{i, i};
        Range content{i, i};
        if (t[i] == '"') {
            qsizetype end = skipJsonString(t, i);
            const bool closed = end > 0;
            if (!closed)
                end = t.size;
            value = {i, end};
            content = {i + 1, closed ? end - 1 : end};
            i = end;
        } else {
            while (i < t.size && !isBlank(t[i]))
                ++i;
            value = content = {value.start, i};
        }
        ++pairs;
        if (isLevelKey(t, key) || rangeIs(t, key, "at", true)) {
            if (r.level == LogLevel::None) {
                r.level = levelInRange(t, content);
                if (r.level != LogLevel::None)
                    r.levelText = value;
            }
        } else if (rangeIs(t, key, "msg", true) || rangeIs(t, key, "message", true)) {
            if (r.messageEnd < 0) {
                r.messageStart = content.start;
                r.messageEnd = content.end;
            }
        } else if (rangeIs(t, key, "time", true) || rangeIs(t, key, "ts", true) ||
                   rangeIs(t, key, "t", true) || rangeIs(t, key, "timestamp", true)) {
            TimeValue time;
            if (r.time.kind == TimeValue::Kind::None &&
                readTimeValue(t, content.start, content.end, time)) {
                r.time = time;
                r.timestamp = value;
            }
        }
    }
    return pairs >= 2;
}

// ---- PostgreSQL ---------------------------------------------------------------------------

enum class PostgresWord { None, Level, Continuation };

// LOG, ERROR, ...; DETAIL, HINT, CONTEXT, STATEMENT (and QUERY, LOCATION when verbose) belong
// to the entry before them.
template<typename Char>
PostgresWord postgresWord(Text<Char> t, Range word, LogLevel &level)
{
    char buffer[16];
    const std::string_view w = lowerWord(t.data + word.start, word.end - word.start, buffer);
    if (!allUpper(t, word.start, word.end))
        return PostgresWord::None;
    if (w == "detail" || w == "hint" || w == "context" || w == "statement" || w == "query" ||
        w == "location")
        return PostgresWord::Continuation;
    if (w == "log" || w == "info" || w == "notice" || w == "warning" || w == "error" ||
        w == "fatal" || w == "panic" || w == "debug" || (w.size() == 6 && w.starts_with("debug"))) {
        level = levelOfLowerWord(w);
        return level == LogLevel::None ? PostgresWord::None : PostgresWord::Level;
    }
    return PostgresWord::None;
}

// %m "2026-12-06 08:04:49.254 UTC", %t (no milliseconds), %n "1765008289.254"; clockEnd is
// where the time of day ends (before the zone).
template<typename Char>
qsizetype scanPostgresTime(Text<Char> t, TimeValue &value, qsizetype &clockEnd)
{
    TimeValue time;
    qsizetype i = scanIsoDateTime(t, 0, time, 0);
    if (i > 0) {
        clockEnd = i;
        int seconds = 0;
        bool known = false;
        if (!time.hasZone && t[i] == ' ') {
            if (const qsizetype offsetEnd = scanOffset(t, i + 1, seconds);
                offsetEnd > 0 && t[i + 1] != 'Z') {
                time.hasZone = true;
                time.offsetSeconds = seconds;
                i = offsetEnd;
            } else if (const qsizetype nameEnd = scanZoneName(t, i + 1, known, seconds);
                       nameEnd > 0) {
                // An unknown abbreviation is log_timezone's; taken as this computer's zone.
                time.hasZone = known;
                time.offsetSeconds = known ? seconds : 0;
                i = nameEnd;
            }
        }
        value = time;
        return i;
    }
    qsizetype end = 0;
    while (isDigit(t[end]))
        ++end;
    if (end < 9 || end > 11 || t[end] != '.' || !isDigit(t[end + 1]))
        return -1;
    for (++end; isDigit(t[end]);)
        ++end;
    qint64 msecs = 0;
    if (!parseEpoch(t, 0, end, msecs))
        return -1;
    value = {};
    value.kind = TimeValue::Kind::Epoch;
    value.epochMsecs = msecs;
    clockEnd = end;
    return end;
}

// "2026-12-06 08:04:49.254 UTC [4955] ERROR:  duplicate key ..." with the default
// log_line_prefix '%m [%p] ' or any other ('%m [%p] %q%u@%d ', '%t [%p]: [%l-1] user=%u,...'),
// and without one ("LOG:  ..."): the level is the upper-case word before ":  ".
template<typename Char>
bool scanPostgresStderr(Text<Char> t, ScannedLine &r)
{
    TimeValue time;
    qsizetype clockEnd = 0;
    const qsizetype timeEnd = scanPostgresTime(t, time, clockEnd);
    const qsizetype from = timeEnd > 0 ? clockEnd : 0;
    const qsizetype limit = std::min(t.size, from + 320);
    for (qsizetype colon = from; colon < limit; ++colon) {
        if (t[colon] != ':' || t[colon + 1] != ' ' || t[colon + 2] != ' ')
            continue;
        qsizetype word = colon;
        while (word > from && (isUpper(t[word - 1]) || isDigit(t[word - 1])))
            --word;
        if (word == colon || (word > 0 && t[word - 1] != ' '))
            continue;
        if (timeEnd < 0 && word != 0)
            return false;
        LogLevel level = LogLevel::None;
        const PostgresWord kind = postgresWord(t, {word, colon}, level);
        if (kind == PostgresWord::None)
            continue;
        if (timeEnd > 0) {
            r.time = time;
            r.timestamp = {0, timeEnd};
        }
        r.messageStart = std::min(colon + 3, t.size);
        if (kind == PostgresWord::Continuation) {
            r.continuation = true;
        } else {
            r.level = level;
            r.levelText = {word, colon};
        }
        return true;
    }
    return false;
}

// csvlog: time, user, database, pid, connection, session id, line number, command tag,
// session start, virtual xid, xid, severity, SQL state, message, detail, ... A quoted field may
// hold line breaks: its later physical lines do not start with a time and continue the entry.
template<typename Char>
bool scanPostgresCsv(Text<Char> t, ScannedLine &r)
{
    TimeValue time;
    qsizetype clockEnd = 0;
    const qsizetype timeEnd = scanPostgresTime(t, time, clockEnd);
    if (timeEnd < 0 || t[timeEnd] != ',')
        return false;
    r.time = time;
    r.timestamp = {0, timeEnd};
    qsizetype i = timeEnd + 1;
    for (int field = 1; field <= 13; ++field) {
        Range content{i, i};
        qsizetype end = i;
        if (t[i] == '"') {
            qsizetype j = i + 1;
            for (;;) {
                if (j >= t.size) { // the field goes on in the next physical line
                    content = {i + 1, t.size};
                    end = t.size;
                    break;
                }
                if (t[j] == '"') {
                    if (t[j + 1] == '"') {
                        j += 2;
                        continue;
                    }
                    content = {i + 1, j};
                    end = j + 1;
                    break;
                }
                ++j;
            }
        } else {
            while (end < t.size && t[end] != ',')
                ++end;
            content = {i, end};
        }
        if (field == 11) {
            LogLevel level = LogLevel::None;
            if (postgresWord(t, content, level) == PostgresWord::Level) {
                r.level = level;
                r.levelText = content;
            }
        } else if (field == 13) {
            r.messageStart = content.start;
            r.messageEnd = content.end;
        }
        if (t[end] != ',')
            break;
        i = end + 1;
    }
    return true;
}

// ---- docker compose -----------------------------------------------------------------------

template<typename Char>
qsizetype skipAnsi(Text<Char> t, qsizetype i)
{
    while (t[i] == 0x1b && t[i + 1] == '[') {
        qsizetype j = i + 2;
        while (isDigit(t[j]) || t[j] == ';')
            ++j;
        if (t[j] != 'm')
            break;
        i = j + 1;
    }
    return i;
}

// "web-1  | " (compose v2), "web_1  | " (v1), coloured or not: the service and where the
// container's own line begins.
template<typename Char>
bool scanComposePrefix(Text<Char> t, Range &service, qsizetype &rest)
{
    qsizetype i = skipAnsi(t, 0);
    const qsizetype start = i;
    if (!isAlnum(t[i]))
        return false;
    while (isAlnum(t[i]) || t[i] == '_' || t[i] == '.' || t[i] == '-')
        ++i;
    const qsizetype end = i;
    if (t[i] != ' ' || end - start > 128)
        return false;
    while (t[i] == ' ')
        ++i;
    i = skipAnsi(t, i);
    if (t[i] != '|')
        return false;
    i = skipAnsi(t, i + 1);
    if (t[i] == ' ')
        ++i;
    service = {start, end};
    rest = std::min(i, t.size);
    return true;
}

// ---- one line -----------------------------------------------------------------------------

// Most specific first: a line that fits several is read as the first.
constexpr LogFormat detectionOrder[] = {
    LogFormat::JournaldJson,   LogFormat::JsonLines,  LogFormat::PostgresCsv,
    LogFormat::PostgresStderr, LogFormat::Syslog5424, LogFormat::Syslog3164,
    LogFormat::ErrorLog,       LogFormat::AccessLog,  LogFormat::ComposePrefix,
    LogFormat::Iso8601,        LogFormat::Logfmt,
};

template<typename Char>
bool scanAs(LogFormat format, Text<Char> t, ScannedLine &r)
{
    switch (format) {
    case LogFormat::Syslog3164:
        return scanSyslog3164(t, r);
    case LogFormat::Syslog5424:
        return scanSyslog5424(t, r);
    case LogFormat::Iso8601:
        return scanIso8601(t, r);
    case LogFormat::AccessLog:
        return scanAccessLog(t, r);
    case LogFormat::ErrorLog:
        return scanErrorLog(t, r);
    case LogFormat::JsonLines:
        return scanJsonLines(t, r);
    case LogFormat::Logfmt:
        return scanLogfmt(t, r);
    case LogFormat::PostgresStderr:
        return scanPostgresStderr(t, r);
    case LogFormat::PostgresCsv:
        return scanPostgresCsv(t, r);
    case LogFormat::JournaldJson:
        return scanJournald(t, r);
    case LogFormat::ComposePrefix: {
        Range service;
        qsizetype rest = 0;
        return scanComposePrefix(t, service, rest);
    }
    case LogFormat::Plain:
        break;
    }
    return false;
}

// Formats whose lines may say no level: their message is searched for one.
constexpr bool searchesMessageForLevel(LogFormat format)
{
    return format == LogFormat::Syslog3164 || format == LogFormat::Syslog5424 ||
           format == LogFormat::Iso8601;
}

// Formats whose entries span lines: a line without a time or level of its own continues one.
constexpr bool hasMultilineEntries(LogFormat format)
{
    return format == LogFormat::Iso8601 || format == LogFormat::PostgresStderr;
}

// A line that has its format's shape: a format that may leave the level out gets one from
// the message.
template<typename Char>
void finishFitting(Text<Char> t, ScannedLine &r)
{
    r.fits = true;
    if (r.level == LogLevel::None && !r.continuation && searchesMessageForLevel(r.format))
        r.level = fallbackLevel(t, r.messageStart, 64, r.levelText);
}

template<typename Char>
ScannedLine scanUnder(LogFormat format, Text<Char> t)
{
    ScannedLine r;
    r.format = format;
    if (format != LogFormat::Plain && scanAs(format, t, r)) {
        finishFitting(t, r);
        return r;
    }
    r = {};
    r.format = format;
    if (format == LogFormat::PostgresCsv || looksLikeContinuation(t)) {
        r.continuation = true;
        return r;
    }
    r.level = fallbackLevel(t, 0, 96, r.levelText);
    if (r.level == LogLevel::None && hasMultilineEntries(format) && !isDigit(t[0]) && t[0] != '[' &&
        t[0] != '{' && t[0] != '<')
        r.continuation = true;
    return r;
}

// A line of unknown format (a compose service's): read as the first format that fits.
template<typename Char>
ScannedLine scanAnyFormat(Text<Char> t)
{
    if (!looksLikeContinuation(t)) {
        for (const LogFormat format : detectionOrder) {
            ScannedLine r;
            r.format = format;
            if (format != LogFormat::ComposePrefix && scanAs(format, t, r)) {
                finishFitting(t, r);
                return r;
            }
        }
    }
    return scanUnder(LogFormat::Plain, t);
}

void shift(Range &range, qsizetype by)
{
    if (range.start >= 0) {
        range.start += by;
        range.end += by;
    }
}

template<typename Char>
ScannedLine scanCompose(Text<Char> t)
{
    Range service;
    qsizetype rest = 0;
    if (!scanComposePrefix(t, service, rest))
        return scanUnder(LogFormat::Plain, t);
    ScannedLine r = scanAnyFormat(Text<Char>{t.data + rest, t.size - rest});
    for (Range *range : {&r.timestamp, &r.levelText, &r.source, &r.sourceText, &r.status})
        shift(*range, rest);
    r.messageStart += rest;
    if (r.messageEnd >= 0)
        r.messageEnd += rest;
    r.service = service;
    r.fits = true;
    return r;
}

} // namespace

template<typename Char>
LogLevel levelWord(const Char *word, qsizetype length)
{
    char buffer[16];
    return levelOfLowerWord(lowerWord(word, length, buffer));
}

template<typename Char>
LogLevel looseLevelWord(const Char *word, qsizetype length)
{
    char buffer[16];
    const std::string_view lower = lowerWord(word, length, buffer);
    return isWeakLevelWord(lower) ? LogLevel::None : levelOfLowerWord(lower);
}

template<typename Char>
qsizetype matchTimestamp(const Char *text, qsizetype size, qsizetype pos)
{
    const Text<Char> t{text, size};
    TimeValue ignored;
    if (isDigit(t[pos])) {
        if (const qsizetype end = scanIsoDateTime(t, pos, ignored, IsoAllowSlash | IsoSpaceZone);
            end > 0)
            return end;
        if (const qsizetype end = scanAccessDate(t, pos, ignored); end > 0)
            return end;
        // A time of day on its own ("12:00:00.250"), not a longer run of colons.
        const qsizetype end = scanClock(t, pos, ignored, false);
        return end > 0 && t[end] != ':' && !isAlnum(t[end]) ? end : -1;
    }
    if (const qsizetype end = scanSyslogDate(t, pos, ignored); end > 0)
        return end;
    return scanApacheDate(t, pos, ignored);
}

template<typename Char>
ScannedLine scanLogLine(LogFormat format, const Char *text, qsizetype size)
{
    while (size > 0 && (text[size - 1] == '\r' || text[size - 1] == '\n'))
        --size;
    const Text<Char> t{text, size};
    return format == LogFormat::ComposePrefix ? scanCompose(t) : scanUnder(format, t);
}

template ScannedLine scanLogLine<char>(LogFormat, const char *, qsizetype);
template ScannedLine scanLogLine<char16_t>(LogFormat, const char16_t *, qsizetype);
template qsizetype matchTimestamp<char>(const char *, qsizetype, qsizetype);
template qsizetype matchTimestamp<char16_t>(const char16_t *, qsizetype, qsizetype);
template LogLevel levelWord<char>(const char *, qsizetype);
template LogLevel levelWord<char16_t>(const char16_t *, qsizetype);
template LogLevel looseLevelWord<char>(const char *, qsizetype);
template LogLevel looseLevelWord<char16_t>(const char16_t *, qsizetype);

} // namespace LogScan

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LogFormats)
};

constexpr LogFormat allFormats[] = {
    LogFormat::Plain,       LogFormat::Syslog3164,   LogFormat::Syslog5424,
    LogFormat::Iso8601,     LogFormat::AccessLog,    LogFormat::ErrorLog,
    LogFormat::JsonLines,   LogFormat::Logfmt,       LogFormat::PostgresStderr,
    LogFormat::PostgresCsv, LogFormat::JournaldJson, LogFormat::ComposePrefix,
};

constexpr LogLevel allLevels[] = {
    LogLevel::None,    LogLevel::Trace, LogLevel::Debug,    LogLevel::Info,  LogLevel::Notice,
    LogLevel::Warning, LogLevel::Error, LogLevel::Critical, LogLevel::Alert, LogLevel::Emergency,
};

qint64 floorDivide(qint64 value, qint64 divisor)
{
    return value / divisor - (value % divisor < 0 ? 1 : 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (March-based years put the leap day last).
qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = floorDivide(y, 400);
    const qint64 yearOfEra = y - era * 400;
    const qint64 monthFromMarch = month > 2 ? month - 3 : month + 9;
    const qint64 dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// For year-less syslog lines read without a reference year.
int currentYear()
{
    thread_local qint64 validUntil = 0;
    thread_local int year = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now >= validUntil) {
        year = QDate::currentDate().year();
        validUntil = now + 60 * 1000;
    }
    return year;
}

// The local zone's offset at a wall-clock time. Qt takes microseconds for one local time, so
// each thread keeps the offsets of the last wall-clock hours it read, a few slots by hour:
// lines come in order, and a merged or shuffled file still meets only a few hours at a time.
int localOffsetSeconds(qint64 wallClockMsecs)
{
    struct Slot {
        qint64 hour = std::numeric_limits<qint64>::min();
        int offsetSeconds = 0;
    };
    thread_local std::array<Slot, 16> recentHours;
    const qint64 hour = floorDivide(wallClockMsecs, 3600 * 1000);
    // Fibonacci hashing: hours a day or ten apart do not share a slot.
    Slot &slot = recentHours[std::size_t((quint64(hour) * 0x9E3779B97F4A7C15ull) >> 60)];
    if (slot.hour != hour) {
        const qint64 days = floorDivide(hour, 24);
        const QDateTime local(QDate::fromJulianDay(days + 2440588), QTime(int(hour - days * 24), 0),
                              Qt::LocalTime);
        slot.offsetSeconds = local.isValid()
                                 ? local.offsetFromUtc()
                                 : QDateTime::fromMSecsSinceEpoch(hour * 3600 * 1000, Qt::UTC)
                                       .toLocalTime()
                                       .offsetFromUtc();
        slot.hour = hour;
    }
    return slot.offsetSeconds;
}

std::optional<QDateTime> toDateTime(const LogScan::TimeValue &time, int referenceYear)
{
    qint64 msecs = 0;
    switch (time.kind) {
    case LogScan::TimeValue::Kind::None:
        return std::nullopt;
    case LogScan::TimeValue::Kind::Epoch:
        msecs = time.epochMsecs;
        break;
    case LogScan::TimeValue::Kind::Civil: {
        const int year = time.year > 0       ? time.year
                         : referenceYear > 0 ? referenceYear
                                             : currentYear();
        if (year < 1 || year > 9999 || time.month < 1 || time.month > 12 || time.day < 1 ||
            time.day > daysInMonth(year, time.month))
            return std::nullopt;
        // A leap second (":60") is shown as the second before it.
        const qint64 secondOfDay = (time.hour * 60 + time.minute) * 60 + std::min(time.second, 59);
        const qint64 wallClock =
            daysFromCivil(year, time.month, time.day) * 86400000 + secondOfDay * 1000 + time.msec;
        const qint64 offset = time.hasZone ? time.offsetSeconds : localOffsetSeconds(wallClock);
        msecs = wallClock - offset * 1000;
        break;
    }
    }
    QDateTime result = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    if (!result.isValid())
        return std::nullopt;
    return result;
}

} // namespace

LogFormat detectLogFormat(const QList<QByteArrayView> &sampleLines)
{
    std::array<int, std::size(allFormats)> votes{};
    int counted = 0;
    for (QByteArrayView line : sampleLines) {
        while (line.endsWith('\r') || line.endsWith('\n'))
            line.chop(1);
        const LogScan::Text<char> t{line.data(), line.size()};
        if (LogScan::looksLikeContinuation(t))
            continue;
        ++counted;
        for (const LogFormat format : LogScan::detectionOrder) {
            LogScan::ScannedLine ignored;
            if (LogScan::scanAs(format, t, ignored)) {
                ++votes[std::size_t(format)];
                break;
            }
        }
    }
    LogFormat best = LogFormat::Plain;
    int bestVotes = 0;
    for (const LogFormat format : LogScan::detectionOrder) {
        if (votes[std::size_t(format)] > bestVotes) {
            best = format;
            bestVotes = votes[std::size_t(format)];
        }
    }
    return bestVotes > 0 && bestVotes * 2 >= counted ? best : LogFormat::Plain;
}

LogFields parseLogLine(LogFormat format, QByteArrayView line, int referenceYear)
{
    const LogScan::ScannedLine scanned = LogScan::scanLogLine(format, line.data(), line.size());
    LogFields fields;
    fields.timestamp = toDateTime(scanned.time, referenceYear);
    fields.level = scanned.level;
    fields.continuation = scanned.continuation;
    fields.messageStart = std::min(scanned.messageStart, line.size());
    if (scanned.messageEnd >= 0)
        fields.messageLength = std::max<qsizetype>(scanned.messageEnd - fields.messageStart, 0);
    const LogScan::Range source = scanned.service.isValid() ? scanned.service : scanned.source;
    if (source.isValid())
        fields.source = QString::fromUtf8(line.sliced(source.start, source.end - source.start));
    return fields;
}

QString logFormatId(LogFormat format)
{
    switch (format) {
    case LogFormat::Plain:
        return u"plain"_s;
    case LogFormat::Syslog3164:
        return u"syslog-rfc3164"_s;
    case LogFormat::Syslog5424:
        return u"syslog-rfc5424"_s;
    case LogFormat::Iso8601:
        return u"iso8601"_s;
    case LogFormat::AccessLog:
        return u"access-log"_s;
    case LogFormat::ErrorLog:
        return u"error-log"_s;
    case LogFormat::JsonLines:
        return u"json"_s;
    case LogFormat::Logfmt:
        return u"logfmt"_s;
    case LogFormat::PostgresStderr:
        return u"postgresql"_s;
    case LogFormat::PostgresCsv:
        return u"postgresql-csv"_s;
    case LogFormat::JournaldJson:
        return u"journald-json"_s;
    case LogFormat::ComposePrefix:
        return u"compose"_s;
    }
    return {};
}

QString logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Plain:
        return Text::tr("Plain text");
    case LogFormat::Syslog3164:
        return Text::tr("Syslog (RFC 3164)");
    case LogFormat::Syslog5424:
        return Text::tr("Syslog (RFC 5424)");
    case LogFormat::Iso8601:
        return Text::tr("Application log (ISO 8601 times)");
    case LogFormat::AccessLog:
        return Text::tr("Web server access log");
    case LogFormat::ErrorLog:
        return Text::tr("Web server error log");
    case LogFormat::JsonLines:
        return Text::tr("JSON lines");
    case LogFormat::Logfmt:
        return Text::tr("logfmt");
    case LogFormat::PostgresStderr:
        return Text::tr("PostgreSQL log");
    case LogFormat::PostgresCsv:
        return Text::tr("PostgreSQL CSV log");
    case LogFormat::JournaldJson:
        return Text::tr("systemd journal (JSON)");
    case LogFormat::ComposePrefix:
        return Text::tr("Docker Compose output");
    }
    return {};
}

std::optional<LogFormat> logFormatFromId(QStringView id)
{
    for (const LogFormat format : allFormats) {
        if (id.compare(logFormatId(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QString logLevelId(LogLevel level)
{
    switch (level) {
    case LogLevel::None:
        return u"NONE"_s;
    case LogLevel::Trace:
        return u"TRACE"_s;
    case LogLevel::Debug:
        return u"DEBUG"_s;
    case LogLevel::Info:
        return u"INFO"_s;
    case LogLevel::Notice:
        return u"NOTICE"_s;
    case LogLevel::Warning:
        return u"WARNING"_s;
    case LogLevel::Error:
        return u"ERROR"_s;
    case LogLevel::Critical:
        return u"CRITICAL"_s;
    case LogLevel::Alert:
        return u"ALERT"_s;
    case LogLevel::Emergency:
        return u"EMERGENCY"_s;
    }
    return {};
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::None:
        return Text::tr("No level");
    case LogLevel::Trace:
        return Text::tr("Trace");
    case LogLevel::Debug:
        return Text::tr("Debug");
    case LogLevel::Info:
        return Text::tr("Info");
    case LogLevel::Notice:
        return Text::tr("Notice");
    case LogLevel::Warning:
        return Text::tr("Warning");
    case LogLevel::Error:
        return Text::tr("Error");
    case LogLevel::Critical:
        return Text::tr("Critical");
    case LogLevel::Alert:
        return Text::tr("Alert");
    case LogLevel::Emergency:
        return Text::tr("Emergency");
    }
    return {};
}

std::optional<LogLevel> logLevelFromText(QStringView text)
{
    const QStringView word = text.trimmed();
    if (word.size() == 1 && word[0] >= u'0' && word[0] <= u'7')
        return LogScan::syslogSeverity(word[0].unicode() - u'0');
    for (const LogLevel level : allLevels) {
        if (word.compare(logLevelId(level), Qt::CaseInsensitive) == 0)
            return level;
    }
    if (const LogLevel level = LogScan::levelWord(word.utf16(), word.size());
        level != LogLevel::None)
        return level;
    return std::nullopt;
}

} // namespace OpsDeck
