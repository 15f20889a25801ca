// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/pgtool.h"

#include "models/workspace/workspace.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(PgTool)
};

// A .pgpass field: backslash and colon are escaped, the rest is literal.
QString pgPassField(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\' || c == u':')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

} // namespace

PgServer pgServerOf(const Database &database)
{
    PgServer server;
    server.host = database.host;
    server.port = database.port;
    server.user = database.user;
    server.sslMode = database.sslMode;
    return server;
}

QString libpqQuote(const QString &value)
{
    QString quoted = u"'"_s;
    for (const QChar c : value) {
        if (c == u'\\' || c == u'\'')
            quoted += u'\\';
        quoted += c;
    }
    return quoted + u'\'';
}

QString pgConnectionString(const PgServer &server, const QString &database)
{
    QStringList parts;
    parts << u"host="_s + libpqQuote(server.host) << u"port="_s + QString::number(server.port);
    if (!server.user.isEmpty())
        parts << u"user="_s + libpqQuote(server.user);
    parts << u"dbname="_s + libpqQuote(database);
    if (!server.sslMode.isEmpty())
        parts << u"sslmode="_s + libpqQuote(server.sslMode);
    return parts.join(u' ');
}

std::variant<CommandRequest, QString> pgToolRequest(const QString &body, const QString &password)
{
    CommandRequest request;
    if (password.isEmpty()) {
        request.script = body;
        return request;
    }
    if (password.contains(u'\n') || password.contains(u'\r'))
        return Text::tr("The password has a line break, which a .pgpass file cannot hold; "
                        "OpsDeck does not hand it to pg tools any other way");
    const QString variable = PgPassVariable.toString();
    // Every server, port, database and user: the file exists only for this one script.
    request.environment.insert(variable, u"*:*:*:*:"_s + pgPassField(password));
    request.secrets << password << request.environment.value(variable);
    request.script =
        u"umask 077\n"
        "opsdeck_pgpass=$(mktemp \"${TMPDIR:-/tmp}/opsdeck-pgpass.XXXXXX\") || exit 125\n"
        "trap 'rm -f \"$opsdeck_pgpass\"' EXIT\n"
        "trap 'exit 130' HUP INT TERM\n"
        "printf '%s\\n' \"$"_s +
        variable +
        u"\" > \"$opsdeck_pgpass\"\n"
        "unset "_s +
        variable +
        u"\n"
        "export PGPASSFILE=\"$opsdeck_pgpass\"\n"_s +
        body;
    return request;
}

} // namespace OpsDeck
