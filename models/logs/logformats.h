// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace OpsDeck {

// Severity, ordered: a level filter "Warning and above" keeps every value >= Warning.
// Names follow syslog; each format's words map onto them (WARN, warning, W, 4, ...).
enum class LogLevel {
    None,
    Trace,
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency
};

// The formats OpsDeck recognises; Plain is every other text.
enum class LogFormat {
    Plain,
    Syslog3164,     // <34>Oct 11 22:14:15 host app[pid]: message (the <PRI> is optional)
    Syslog5424,     // <165>1 2003-10-11T22:14:15.003Z host app pid msgid [sd] message
    Iso8601,        // 2024-05-01T12:00:00.123Z [ERROR] message, "2024-05-01 12:00:00,123 ERROR ..."
    AccessLog,      // nginx/Apache combined and common access logs
    ErrorLog,       // nginx "2024/05/01 12:00:00 [error] 123#0: ..." and Apache "[Wed Oct ...]
                    // [core:error]"
    JsonLines,      // one JSON object per line; level/msg/time under their common names
    Logfmt,         // time=... level=... msg="..."
    PostgresStderr, // 2024-05-01 12:00:00.123 UTC [1234] LOG:  message
    PostgresCsv,    // csvlog
    JournaldJson,   // journalctl -o json
    ComposePrefix,  // "web-1  | ..." from docker compose logs; the rest is parsed as its own format
};

// What one line says, as far as its format tells. Offsets are into the line's bytes.
struct LogFields {
    // Always in UTC (Qt::UTC): a time written without a zone is read as this computer's local
    // time and converted, because local-time QDateTimes cost microseconds to make and compare.
    std::optional<QDateTime> timestamp;
    LogLevel level = LogLevel::None;
    qsizetype messageStart = 0;   // where the message proper begins
    qsizetype messageLength = -1; // -1: to the end of the line
    // A line that continues the entry before it (a Java stack frame, "Caused by:", an indented
    // continuation): it takes that entry's timestamp and level.
    bool continuation = false;
    QString source; // compose service, journald unit or syslog program, when the line names one
};

// Sample lines' format: the one most of them parse as (continuation lines do not count),
// Plain when none is clear.
LogFormat detectLogFormat(const QList<QByteArrayView> &sampleLines);

// One line's fields under format. Never fails: a line the format does not fit gives what could
// be read (often nothing). `referenceYear` completes timestamps without a year (RFC 3164); 0
// takes the current one.
LogFields parseLogLine(LogFormat format, QByteArrayView line, int referenceYear = 0);

// Stable ids for --json and settings ("syslog-rfc3164", "json", ...), and names for people (tr).
QString logFormatId(LogFormat format);
QString logFormatName(LogFormat format);
std::optional<LogFormat> logFormatFromId(QStringView id);

// "ERROR", "WARNING", ... for --json and filters; people see logLevelName (tr).
QString logLevelId(LogLevel level);
QString logLevelName(LogLevel level);
// Accepts ids, common spellings and syslog numbers ("err", "warn", "FATAL", "3"); case-insensitive.
std::optional<LogLevel> logLevelFromText(QStringView text);

} // namespace OpsDeck
