// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/commandrisk.h"
#include "models/remote/sqllexer.h"

#include <QString>

namespace OpsDeck {

// How much harm SQL can do, by allow-list on its tokens (sqllexer.h): Read only when every
// statement is known to read only (SELECT, WITH … SELECT, TABLE, VALUES without INTO, locking
// clauses or data-modifying parts, calling only functions known to read; SHOW; EXPLAIN without
// ANALYZE; transaction control); known writers are Change, known destroyers Destroy, and the
// rest Unknown. The text is judged as it would be run: comments, strings, dollar quotes and
// quoted names are data, never keywords. The risk is the highest of its statements'; the reason
// names what decided it ("`DROP TABLE` drops database objects").

// SQL as the server receives it (no psql meta-commands, no :variables).
RiskAssessment assessSql(const QString &sql);

// psql input (what `psql -c` or a script on psql's standard input holds): SQL plus backslash
// meta-commands (\d, \x, \!, \o, \copy, \gexec, …) and :variables.
RiskAssessment assessPsqlScript(const QString &script);

} // namespace OpsDeck
