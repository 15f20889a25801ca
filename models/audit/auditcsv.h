// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditentry.h"

#include <QList>
#include <QString>

namespace OpsDeck {

// The audit log as CSV (RFC 4180) for spreadsheets and scripts: a header row
//   started_at,finished_at,host,remote_user,command,risk,status,exit_code,signal,duration_ms,
//   output_bytes,incident_id
// then one record per entry in the given order. Times are ISO-8601 UTC with milliseconds, risk
// and status use the database names ('destroy', 'running'), unset values are empty fields.
// Fields holding a comma, a semicolon, a tab, a double quote, CR or LF are quoted with inner
// quotes doubled; every record ends with CRLF. A cell that a spreadsheet could run as a formula
// (starting with = + - @, also after blanks or quotes, or with a tab or CR) gets a leading ',
// in every column (see the .cpp). Write the result as UTF-8.
QString auditEntriesToCsv(const QList<AuditEntry> &entries);

} // namespace OpsDeck
