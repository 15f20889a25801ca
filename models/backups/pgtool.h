// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"

#include <QString>

#include <variant>

namespace OpsDeck {

struct Database;

// A PostgreSQL server as a pg_dump, pg_restore or psql on a host reaches it.
struct PgServer {
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString sslMode = QStringLiteral("prefer");
};

PgServer pgServerOf(const Database &database);

// One value of a libpq connection string: always single-quoted, with backslash and quote
// escaped, so spaces, quotes, `$()` and line breaks stay inside it (libpq's own rules).
QString libpqQuote(const QString &value);

// `host='…' port='…' user='…' dbname='…' sslmode='…'` for --dbname / -d: a database name is
// never read as a connection string or URI of its own (pgAdmin #10388).
QString pgConnectionString(const PgServer &server, const QString &database);

// A script for the host that runs pg tools with the password in a private .pgpass file: the
// file is made mode 0600 in the host's TMPDIR, filled from a variable the executor sets on
// stdin (never argv, never the script's text), and removed when the script ends however it
// ends. The password is among the request's secrets, masked wherever the command is shown.
// Without a password the body runs as it is (peer or trust authentication, or the host's own
// ~/.pgpass). A password libpq cannot take from a .pgpass line (one with a line break) is an
// error, not a half-working command.
std::variant<CommandRequest, QString> pgToolRequest(const QString &body, const QString &password);

// The name of the variable that carries the .pgpass line: tests look for its value leaking.
inline constexpr QStringView PgPassVariable = u"OPSDECK_PGPASS_SECRET";

} // namespace OpsDeck
