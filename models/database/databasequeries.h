// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databaserows.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

// The SQL of the DBA views, chosen by server and extension version, and how their rows are
// read. Pure text apart from read*(), which run it on an open connection; the connection's
// worker thread calls them inside a read-only transaction.
namespace OpsDeck {

// Who we are and what the server offers; one row.
QString serverInfoSql();
QString activitySql(const ServerInfo &server);
// pg_stat_statements: the column names of its version (total_time before 1.8, then
// total_exec_time), schema-qualified; empty when the extension is missing.
// For every session another waits for: the granted lock it holds on what its waiters want
// (pid, mode, lock type, relation or transaction); read in the same transaction as Activity.
QString heldLocksSql();
QString statementsSql(const ServerInfo &server, int limit = 500);
QString tablesSql(int limit = 1000);
QString indexesSql(int limit = 1000);
QString replicasSql(const ServerInfo &server);
QString slotsSql(const ServerInfo &server);
QString archiverSql();
QString connectionCountsSql();
QString databaseStatsSql();
// pg_stat_io summed by backend type; empty before PostgreSQL 16, which has no such view.
QString ioSql(const ServerInfo &server);

// What an operator must do to read slow statements here: nothing (empty) when the extension is
// there, else the exact steps (shared_preload_libraries, restart, CREATE EXTENSION).
QString statementsEnableHint(const ServerInfo &server);

// A view that shows less than everything for lack of a grant: what is missing and which role
// unlocks it. Empty for a superuser.
struct GrantHint {
    // pg_read_all_stats, pg_signal_backend, EXECUTE ON FUNCTION public.pg_stat_statements_reset:
    // what follows GRANT in the statement that unlocks it
    QString grant;
    QString what; // what it lets the role do: "cancel and terminate other users' sessions"
};
QList<GrantHint> grantHints(const ServerInfo &server);
// The sentence the page's banner and `opsdeck db` show: "Grant pg_signal_backend to app to
// cancel and terminate other users' sessions."
QString grantHintText(const GrantHint &hint, const QString &role);

// The version as a DBA writes it: 150010 -> "15.10", 90624 -> "9.6.24".
QString versionText(int versionNumber);

// Runs the statements of view on db (already inside a read-only transaction) into snapshot.
// Returns false with error filled by the failing statement's message.
bool readView(QSqlDatabase &db, DatabaseView view, DatabaseSnapshot &snapshot, QString *error);
bool readServerInfo(QSqlDatabase &db, ServerInfo &server, QString *error);

// A query text as OpsDeck shows it: the literal after PASSWORD (CREATE/ALTER ROLE … PASSWORD
// '…', as pg_stat_activity and pg_stat_statements keep it) and credentials that look secret by
// their form (a URL's password, a bearer token) replaced by the secret mask.
QString maskQuerySecrets(const QString &query);

// "{12,34}" or "12,34" -> {12, 34}: int arrays as the QPSQL driver hands them over.
QList<int> parseIntArray(QStringView text);

} // namespace OpsDeck
