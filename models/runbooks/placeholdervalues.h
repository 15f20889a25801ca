// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace OpsDeck {

// A value no interpreter reads as syntax: letters, digits and . _ - / : @ +, not starting with
// '-' (ASCII only, not empty).
bool isPlainValue(const QString &value);

// Why a placeholder's value cannot go where it stands in shell text; empty when every value can.
// values: by placeholder ("<pod>", "[ns]", "YOUR_X", "$NAME", "$1"). Refused are
// - a value that a second interpreter reads again (the script of `sh -c`, `bash -c`, `su -c`,
//   `eval`, `watch`, the command words of `ssh HOST …`, a `psql -c` string, a here-document or
//   a pipe fed to a shell, `psql`, `ssh`, `mysql` or `redis-cli`, also through `sudo`,
//   `kubectl exec … --` and `docker exec`) unless it is plain (isPlainValue());
// - a value starting with '-' that stands as a whole argument where the command reads options
//   (before `--`), so `find <dir>` given `-delete` does not delete.
// The context comes from the shell lexer and parser, never from patterns on the raw text.
QString shellValueProblem(const QString &text, const QMap<QString, QString> &values);

// SQL for psql with the values kept out of the SQL text: a placeholder that is a whole '…'
// string becomes :'opsdeck_name', a whole "…" name :"opsdeck_name" (a string or name with more
// around the placeholder gets a variable for all of it), set by `\set` lines at the top of the
// script, which goes to psql on stdin so that no value is on a command line. Outside quotes (and
// where psql takes no variables: E'…', $$…$$, meta-commands) a value is written in and must be a
// number or a (dotted) name. shown has every value written in, quoted for where it stands.
struct SqlWithValues {
    QString script; // the \set lines, then the SQL with variable references
    QString shown;
    QString error; // which placeholder cannot go where it stands, and why; then the rest is empty
};
SqlWithValues sqlWithValueVariables(const QString &sql, const QMap<QString, QString> &values);

// The value written as one single-quoted argument of a psql backslash command (\set): '' for a
// quote, \\ for a backslash, \n and \r for line breaks, so the command stays on one line.
QString psqlMetaQuote(const QString &value);

} // namespace OpsDeck
