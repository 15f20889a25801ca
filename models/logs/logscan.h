// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logformats.h"

#include <type_traits>

// The hand-written scanners behind parseLogLine and highlightLogLine, over UTF-8 bytes (char)
// and decoded text (char16_t): one reading of each format, so what is parsed and what is
// coloured agree. Internal to models/logs; instantiated for both types in logformats.cpp.
namespace OpsDeck::LogScan {

// A line's characters by index, as code units; 0 past either end, so lookahead needs no bounds
// checks (a NUL in the line is just a character that matches nothing).
template<typename Char>
struct Text {
    const Char *data = nullptr;
    qsizetype size = 0;

    unsigned operator[](qsizetype i) const
    {
        return i >= 0 && i < size ? unsigned(std::make_unsigned_t<Char>(data[i])) : 0u;
    }
};

// ASCII only: a log's structure is ASCII, whatever its messages are written in.
constexpr bool isDigit(unsigned c)
{
    return c - '0' < 10u;
}
constexpr bool isUpper(unsigned c)
{
    return c - 'A' < 26u;
}
constexpr bool isLower(unsigned c)
{
    return c - 'a' < 26u;
}
constexpr bool isAlpha(unsigned c)
{
    return isUpper(c) || isLower(c);
}
constexpr bool isAlnum(unsigned c)
{
    return isDigit(c) || isAlpha(c);
}
constexpr bool isHexDigit(unsigned c)
{
    return isDigit(c) || (c | 0x20u) - 'a' < 6u;
}
constexpr bool isBlank(unsigned c)
{
    return c == ' ' || c == '\t';
}
constexpr unsigned toLower(unsigned c)
{
    return isUpper(c) ? c + 32 : c;
}

// [start, end) in the scanned text; start < 0 when absent.
struct Range {
    qsizetype start = -1;
    qsizetype end = -1;

    bool isValid() const { return start >= 0 && end > start; }
};

// A time as written: a civil date and time (year 0 when the line has none), or an epoch number.
struct TimeValue {
    enum class Kind { None, Civil, Epoch };
    Kind kind = Kind::None;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int msec = 0;
    bool hasZone = false; // else local time
    int offsetSeconds = 0;
    qint64 epochMsecs = 0;
};

// One line as its format reads it: values and where they are written.
struct ScannedLine {
    LogFormat format = LogFormat::Plain; // as read (inside a compose prefix: the line's own)
    bool fits = false;                   // the line has the format's shape
    bool continuation = false;
    LogLevel level = LogLevel::None;
    TimeValue time;
    Range timestamp;  // JSON and logfmt: the whole value, quotes included
    Range levelText;  // the word (or value) the level was read from
    Range service;    // compose service
    Range source;     // program, app name or unit: what LogFields::source says
    Range sourceText; // what is shown as the source: program[pid]
    Range status;     // access log HTTP status
    int statusCode = 0;
    qsizetype messageStart = 0;
    qsizetype messageEnd = -1; // -1: the end of the line
};

// Reads one line (without its line end; a trailing '\r' is ignored) under format.
template<typename Char>
ScannedLine scanLogLine(LogFormat format, const Char *text, qsizetype size);

// The end of a timestamp written at pos in any of the formats' ways (or a bare time of day),
// or -1.
template<typename Char>
qsizetype matchTimestamp(const Char *text, qsizetype size, qsizetype pos);

// The level a word names in any format's spelling ("WARN", "err", "Information", "trace3"),
// None for other words.
template<typename Char>
LogLevel levelWord(const Char *word, qsizetype length);
// The same for a word in free text: not the words that are levels only where a format puts
// them ("log", "note", "fine", "verbose").
template<typename Char>
LogLevel looseLevelWord(const Char *word, qsizetype length);

} // namespace OpsDeck::LogScan
