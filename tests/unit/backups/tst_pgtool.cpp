// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/backups/pgtool.h"
#include "models/remote/localexecutor.h"
#include "models/remote/shellquote.h"
#include "postgresfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

class PgToolTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesValuesForLibpq_data();
    void quotesValuesForLibpq();
    void connectionStringNamesEveryPart();
    void passwordStaysOutOfTheScriptText();
    void lineBreakInPasswordIsRefused();
    void hostileNamesReachTheRightDatabaseAndNothingRuns();
};

void PgToolTest::quotesValuesForLibpq_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"wiki"_s << u"'wiki'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("space") << u"my db"_s << u"'my db'"_s;
    QTest::newRow("quote") << u"o'brien"_s << u"'o\\'brien'"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"'a\\\\b'"_s;
    QTest::newRow("looks like a keyword") << u"x host=evil"_s << u"'x host=evil'"_s;
    QTest::newRow("uri") << u"postgresql://evil/db"_s << u"'postgresql://evil/db'"_s;
    QTest::newRow("line break") << u"a\nb"_s << u"'a\nb'"_s;
}

void PgToolTest::quotesValuesForLibpq()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(libpqQuote(value), quoted);
}

void PgToolTest::connectionStringNamesEveryPart()
{
    PgServer server;
    server.host = u"10.0.0.21"_s;
    server.port = 6543;
    server.user = u"wiki"_s;
    server.sslMode = u"require"_s;
    QCOMPARE(pgConnectionString(server, u"wiki db"_s),
             u"host='10.0.0.21' port=6543 user='wiki' dbname='wiki db' sslmode='require'"_s);
    server.user.clear();
    server.sslMode.clear();
    QCOMPARE(pgConnectionString(server, u"x"_s), u"host='10.0.0.21' port=6543 dbname='x'"_s);
}

void PgToolTest::passwordStaysOutOfTheScriptText()
{
    const QString password = u"s3cr:et\\pw"_s;
    const auto made = pgToolRequest(u"pg_restore --list /srv/x.dump\n"_s, password);
    QVERIFY(std::holds_alternative<CommandRequest>(made));
    const CommandRequest request = std::get<CommandRequest>(made);
    QVERIFY(!request.script.contains(password));
    QVERIFY(!request.script.contains(u"s3cr"_s));
    QVERIFY(request.script.endsWith(u"pg_restore --list /srv/x.dump\n"_s));
    QCOMPARE(request.environment.value(PgPassVariable.toString()), u"*:*:*:*:s3cr\\:et\\\\pw"_s);
    QVERIFY(request.secrets.contains(password));
    QVERIFY(!request.displayText().contains(u"s3cr"_s));
    // No password: the body alone, nothing to hide.
    const auto plain = pgToolRequest(u"pg_restore --list x\n"_s, {});
    QCOMPARE(std::get<CommandRequest>(plain).script, u"pg_restore --list x\n"_s);
    QVERIFY(std::get<CommandRequest>(plain).environment.isEmpty());
}

void PgToolTest::lineBreakInPasswordIsRefused()
{
    const auto made = pgToolRequest(u"psql -c 'select 1'\n"_s, u"first\nsecond"_s);
    QVERIFY(std::holds_alternative<QString>(made));
    QVERIFY(std::get<QString>(made).contains(u"line break"_s));
}

void PgToolTest::hostileNamesReachTheRightDatabaseAndNothingRuns()
{
    PostgresFixture postgres;
    QVERIFY2(postgres.ok(), qPrintable(postgres.error()));
    // Names stay under PostgreSQL's 63 bytes: a longer one would be cut, not refused.
    QTemporaryDir scratch(u"/tmp/pgt-XXXXXX"_s);
    QVERIFY(scratch.isValid());
    const QString canary = scratch.filePath(u"c"_s);
    const QString dollar = u"$(touch "_s + canary + u')';
    const QString backticks = u"`touch "_s + canary + u'`';
    const QString role = u"op 'q\" "_s + dollar;
    const QString password = u"pw ' \" \\ : "_s + dollar + backticks;
    const QString database = u"db 'x\" \n"_s + backticks;
    QVERIFY(role.toUtf8().size() < 64 && database.toUtf8().size() < 64);
    const auto ident = [](const QString &name) -> QString {
        return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
    };
    const auto literal = [](const QString &text) -> QString {
        return u'\'' + QString(text).replace(u'\'', u"''"_s) + u'\'';
    };
    DatabaseTesting::superuserQuery(postgres, u"CREATE ROLE "_s + ident(role) +
                                                  u" LOGIN PASSWORD "_s + literal(password));
    DatabaseTesting::superuserQuery(postgres, u"CREATE DATABASE "_s + ident(database) +
                                                  u" OWNER "_s + ident(role));
    QCOMPARE(
        DatabaseTesting::superuserQuery(
            postgres, u"SELECT count(*) FROM pg_database WHERE datname = "_s + literal(database)),
        u"1"_s);

    PgServer server;
    server.host = postgres.value(u"HOST"_s);
    server.port = postgres.value(u"PORT"_s).toInt();
    server.user = role;
    server.sslMode = u"disable"_s;
    // md5 of each name: the database's has a line break, which would split psql's line.
    const QString body = u"psql -X -At --dbname="_s +
                         shellQuote(pgConnectionString(server, database)) +
                         u" -c 'SELECT md5(current_database()), md5(current_user)'\n"
                         "ls -A \"${TMPDIR}\" | wc -l\n"_s;
    auto made = pgToolRequest(body, password);
    QVERIFY(std::holds_alternative<CommandRequest>(made));
    CommandRequest request = std::get<CommandRequest>(made);
    const QString tmp = scratch.filePath(u"tmp"_s);
    QVERIFY(QDir().mkpath(tmp));
    request.environment.insert(u"TMPDIR"_s, tmp);
    LocalExecutor executor(u"here"_s);
    const CommandTesting::Collected ran = CommandTesting::runToEnd(executor, request);
    QVERIFY(ran.finished);
    QVERIFY2(ran.result.succeeded(), ran.err.constData());
    const QStringList lines = QString::fromUtf8(ran.out).trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    const auto md5 = [](const QString &text) {
        return QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
    };
    QCOMPARE(lines.at(0), md5(database) + u'|' + md5(role));
    QCOMPARE(lines.at(1), u"1"_s); // the .pgpass file while the script ran
    QVERIFY(QDir(tmp).isEmpty());  // and removed afterwards
    QVERIFY2(!QFile::exists(canary), "a name or the password was run as a command");
    QVERIFY(!ran.err.contains(password.toUtf8()));
}

QTEST_GUILESS_MAIN(PgToolTest)
#include "tst_pgtool.moc"
