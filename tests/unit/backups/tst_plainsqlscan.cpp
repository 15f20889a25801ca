// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/plainsqlscan.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/backups/plainsql/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return file.readAll();
}

// "3:1 !" for each finding: where and what, the way the rows below expect them.
QStringList where(const PlainSqlScanResult &result)
{
    QStringList list;
    for (const PlainSqlFinding &finding : result.findings)
        list << u"%1:%2 %3"_s.arg(finding.line).arg(finding.column).arg(finding.command);
    return list;
}

const QByteArray restrictLine = "\\restrict AbC123\n";

} // namespace

class PlainSqlScanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsMetaCommands_data();
    void findsMetaCommands();
    void anyChunkingGivesTheSameResult_data() { findsMetaCommands_data(); }
    void anyChunkingGivesTheSameResult();
    void realDumpsAreCleanAndRestricted_data();
    void realDumpsAreCleanAndRestricted();
    void crlfDumpIsClean();
    void findingsAreBounded();
    void psqlVersions_data();
    void psqlVersions();
    void verdict_data();
    void verdict();
    void throughput();
};

void PlainSqlScanTest::findsMetaCommands_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("restrictFirst");

    const auto row = [](const char *name, const QByteArray &text, const QStringList &expected,
                        bool restrictFirst = true) {
        QTest::newRow(name) << QByteArray(restrictLine + text) << expected << restrictFirst;
    };
    // Each kind of meta-command a hostile dump could hide (line 1 is \restrict).
    row("shell", "SELECT 1;\n\\! touch /tmp/canary\n", {u"3:1 !"_s});
    row("shell, no space", "\\!touch /tmp/canary\n", {u"2:1 !touch"_s});
    row("output to pipe", "\\o | sh\n", {u"2:1 o"_s});
    row("copy program", "\\copy t from program 'id'\n", {u"2:1 copy"_s});
    row("gexec", "SELECT 'DROP TABLE x' \\gexec\n", {u"2:23 gexec"_s});
    row("set with backticks", "\\set x `id`\n", {u"2:1 set"_s});
    row("include", "\\i /etc/passwd\n\\ir x.sql\n\\include_relative y\n",
        {u"2:1 i"_s, u"3:1 ir"_s, u"4:1 include_relative"_s});
    row("query to pipe", "SELECT 1 \\g |sh\n", {u"2:10 g"_s});
    row("write buffer", "\\w /tmp/x\n", {u"2:1 w"_s});
    row("setenv", "\\setenv PAGER 'sh -c id'\n", {u"2:1 setenv"_s});
    row("large object", "\\lo_import /etc/shadow\n", {u"2:1 lo_import"_s});
    row("encoding", "\\encoding SJIS\n", {u"2:1 encoding"_s});
    row("pg_dumpall's encoding", "\\encoding SQL_ASCII\n", {});
    row("lone backslash", "\\\n", {u"2:1 "_s});
    // Where psql sees a meta-command and where it does not.
    row("after a string on the same line", "SELECT 'it''s'; \\! touch /tmp/c\n", {u"2:17 !"_s});
    row("inside a string", "SELECT 'a \\! b';\n", {});
    row("backslash ends a standard string", "SELECT 'a\\'; \\! x\n--'\n", {u"2:14 !"_s});
    row("escaped quote in E string", "SELECT E'a\\' \\! no';\n", {});
    row("e after identifier is not E string", "SELECT xe'a\\' \\! yes';\n", {u"2:15 !"_s});
    row("inside an identifier", "SELECT 1 AS \"a \\! b\";\n", {});
    row("inside a line comment", "-- \\! not run\nSELECT 1;\n", {});
    row("after a carriage return in a comment", "-- note\r\\! touch x\n", {u"2:9 !"_s});
    row("inside nested comments", "/* a /* b */ \\! no */ SELECT 1;\n", {});
    row("after nested comments", "/* a /* b */ c */ \\! yes\n", {u"2:19 !"_s});
    row("dollar-quoted body",
        "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT '\\! no' $$;\n"
        "CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n"
        "  RETURN $x$ \\! no $x$ || $$\\! no$$;\nEND\n$body$;\n",
        {});
    row("after a dollar-quoted body", "SELECT $q$ a $q$; \\! yes\n", {u"2:19 !"_s});
    row("dollar in identifier is not a quote", "SELECT a$b$ \\! yes\n", {u"2:13 !"_s});
    row("parameter is not a quote", "SELECT $1 \\! yes $x\n", {u"2:11 !"_s});
    row("copy data", "COPY t (a) FROM stdin;\n\\! in data\n\\.\nSELECT 1;\n", {});
    row("right after copy data",
        "COPY public.t (a, b) FROM stdin;\n1\t\\\\! x\n\\.\n\\! touch /tmp/canary\n", {u"5:1 !"_s});
    row("copy with options and comments",
        "copy /* c */ t FROM\n  STDIN WITH (FORMAT csv);\n\\! data\n\\.\n", {});
    row("rest of the copy line before its data",
        "COPY t FROM stdin; \\! after the copy\n\\! data\n\\.\n", {u"2:20 !"_s});
    row("two copies on one line", "COPY a FROM stdin; COPY b FROM stdin;\n\\! x\n\\.\n\\! y\n\\.\n",
        {});
    row("copy to stdout has no data", "COPY (SELECT 1 FROM stdin) TO stdout;\n\\! yes\n\\.\n",
        {u"3:1 !"_s, u"4:1 ."_s});
    row("backslash dot outside copy", "\\.\n", {u"2:1 ."_s});
    row("copy in parentheses is not sent", "SELECT (1; COPY t FROM stdin;\n\\! yes\n);\n",
        {u"3:1 !"_s});
    row("semicolon in BEGIN ATOMIC",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; COPY t FROM "
        "stdin; END;\n\\! yes\n",
        {u"3:1 !"_s});
    row("escaped semicolon joins statements", "SELECT 1 \\; COPY t FROM stdin;\n\\! data\n\\.\n",
        {});
    // The allow-list and its arguments.
    row("connect", "\\connect template1\n\\c postgres\n", {});
    row("connect with a connection string",
        "\\connect -reuse-previous=on \"dbname='my \"\"odd\"\" db'\"\n", {});
    row("connect with backticks", "\\connect `touch /tmp/c`\n", {u"2:1 connect"_s});
    row("connect with variable", "\\connect :db\n", {u"2:1 connect"_s});
    row("connect then another command", "\\c db \\! touch x\n", {u"2:7 !"_s});
    row("double backslash ends arguments", "\\c db \\\\ \\! touch x\n", {u"2:10 !"_s});
    row("unrestrict then shell", "\\unrestrict AbC123\n\\! id\n", {u"3:1 !"_s});
    row("restrict with odd key", "\\restrict `id`\n", {u"2:1 restrict"_s});
    row("escaped colon is no command", "SELECT 1\\:\\:int;\n", {});
    // Settings that would change how psql reads what follows.
    row("pg_dump's settings",
        "SET standard_conforming_strings = on;\nSET client_encoding = "
        "'UTF8';\n",
        {});
    row("standard strings off", "SET standard_conforming_strings = off;\n",
        {u"2:5 standard_conforming_strings"_s});
    row("set_config of standard strings",
        "SELECT set_config('standard_conforming_strings', 'off', false);\n",
        {u"2:20 standard_conforming_strings"_s});
    row("client encoding SJIS", "SET client_encoding = 'SJIS';\n", {u"2:5 client_encoding"_s});
    row("number then E string", "SELECT 1e'\\' \\! x';\n", {u"2:9 e'"_s});
    row("E string continued on a new line", "SELECT E'a'\n'b';\n", {u"3:1 '"_s});
    // Where \restrict is.
    QTest::newRow("no restrict") << QByteArray("SELECT 1;\n") << QStringList{} << false;
    QTest::newRow("restrict after comments")
        << QByteArray("--\n-- PostgreSQL database dump\n--\n\n\\restrict k\n\nSET x = 1;\n")
        << QStringList{} << true;
    QTest::newRow("restrict after SQL")
        << QByteArray("SET x = 1;\n\\restrict k\n") << QStringList{} << false;
}

void PlainSqlScanTest::findsMetaCommands()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(bool, restrictFirst);
    const PlainSqlScanResult result = scanPlainSql(text);
    QCOMPARE(where(result), expected);
    QCOMPARE(result.restrictFirst, restrictFirst);
    for (const PlainSqlFinding &finding : result.findings)
        QVERIFY2(!finding.reason.isEmpty(), qPrintable(finding.command));
}

void PlainSqlScanTest::anyChunkingGivesTheSameResult()
{
    QFETCH(QByteArray, text);
    const PlainSqlScanResult whole = scanPlainSql(text);
    QRandomGenerator random(7);
    for (int size : {1, 2, 3, 5, 0}) {
        PlainSqlScanner scanner;
        qsizetype at = 0;
        while (at < text.size()) {
            const qsizetype step = size > 0 ? size : 1 + random.bounded(9);
            scanner.feed(QByteArrayView(text).sliced(at, qMin(step, text.size() - at)));
            at += step;
        }
        const PlainSqlScanResult chunked = scanner.finish();
        QCOMPARE(where(chunked), where(whole));
        QCOMPARE(chunked.restrictFirst, whole.restrictFirst);
        QCOMPARE(chunked.copyBlocks, whole.copyBlocks);
        QCOMPARE(chunked.lines, whole.lines);
    }
}

void PlainSqlScanTest::realDumpsAreCleanAndRestricted_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("copyBlocks");
    QTest::addColumn<qint64>("known");
    // pg_dump 15.18 (Debian 12) writes \restrict and \unrestrict around every dump.
    QTest::newRow("pg_dump tables") << u"pgdump15-tables.sql"_s << qint64(2) << qint64(2);
    QTest::newRow("pg_dump with a function") << u"pgdump15-full.sql"_s << qint64(2) << qint64(2);
    QTest::newRow("pg_dump --inserts") << u"pgdump15-inserts.sql"_s << qint64(0) << qint64(2);
    // pg_dumpall: \connect between databases, each with its own \restrict key.
    QTest::newRow("pg_dumpall") << u"pgdumpall15-schema.sql"_s << qint64(0) << qint64(19);
}

void PlainSqlScanTest::realDumpsAreCleanAndRestricted()
{
    QFETCH(QString, file);
    QFETCH(qint64, copyBlocks);
    QFETCH(qint64, known);
    const PlainSqlScanResult result = scanPlainSql(sample(file));
    QVERIFY2(result.clean(), qPrintable(describeFindings(result).join(u'\n')));
    QVERIFY(result.hasRestrict);
    QVERIFY(result.restrictFirst);
    QCOMPARE(result.copyBlocks, copyBlocks);
    QCOMPARE(result.knownCommands, known + copyBlocks);
    if (!file.startsWith(u"pgdumpall"_s))
        QCOMPARE(result.pgDumpVersion, u"15.18"_s);
}

void PlainSqlScanTest::crlfDumpIsClean()
{
    QByteArray text = sample(u"pgdump15-tables.sql"_s);
    text.replace("\n", "\r\n");
    const PlainSqlScanResult result = scanPlainSql(text);
    QVERIFY2(result.clean(), qPrintable(describeFindings(result).join(u'\n')));
    QVERIFY(result.restrictFirst);
    QCOMPARE(result.copyBlocks, 2);
    QCOMPARE(result.serverVersion, u"15.18"_s);
    // And a command after CRLF COPY data still counts.
    const PlainSqlScanResult hostile =
        scanPlainSql("\\restrict k\r\nCOPY t FROM stdin;\r\n1\r\n\\.\r\n\\! id\r\n");
    QCOMPARE(where(hostile), QStringList{u"5:1 !"_s});
}

void PlainSqlScanTest::findingsAreBounded()
{
    PlainSqlScanner scanner;
    for (int i = 0; i < 1000; ++i)
        scanner.feed("\\! x\n");
    const PlainSqlScanResult result = scanner.finish();
    QCOMPARE(result.findings.size(), PlainSqlScanResult::MaxFindings);
    QCOMPARE(result.findingsOmitted, 1000 - PlainSqlScanResult::MaxFindings);
    QCOMPARE(result.lines, 1000);
}

void PlainSqlScanTest::psqlVersions_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("understands");
    QTest::newRow("debian 15.18") << u"psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n"_s << 15
                                  << 18 << true;
    QTest::newRow("15.13") << u"psql (PostgreSQL) 15.13"_s << 15 << 13 << false;
    QTest::newRow("15.14") << u"psql (PostgreSQL) 15.14"_s << 15 << 14 << true;
    QTest::newRow("17.5") << u"psql (PostgreSQL) 17.5 (Ubuntu 17.5-1.pgdg24.04+1)"_s << 17 << 5
                          << false;
    QTest::newRow("17.6") << u"psql (PostgreSQL) 17.6"_s << 17 << 6 << true;
    QTest::newRow("16.10") << u"psql (PostgreSQL) 16.10"_s << 16 << 10 << true;
    QTest::newRow("16.9") << u"psql (PostgreSQL) 16.9"_s << 16 << 9 << false;
    QTest::newRow("14.19") << u"psql (PostgreSQL) 14.19"_s << 14 << 19 << true;
    QTest::newRow("13.21") << u"psql (PostgreSQL) 13.21"_s << 13 << 21 << false;
    QTest::newRow("13.22") << u"psql (PostgreSQL) 13.22"_s << 13 << 22 << true;
    QTest::newRow("12.22") << u"psql (PostgreSQL) 12.22"_s << 12 << 22 << false;
    QTest::newRow("9.6") << u"psql (PostgreSQL) 9.6.24"_s << 9 << 6 << false;
    QTest::newRow("18 beta") << u"psql (PostgreSQL) 18beta1"_s << 18 << 0 << true;
    QTest::newRow("18.1") << u"psql (PostgreSQL) 18.1"_s << 18 << 1 << true;
}

void PlainSqlScanTest::psqlVersions()
{
    QFETCH(QString, output);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(bool, understands);
    const std::optional<PsqlVersion> version = parsePsqlVersion(output);
    QVERIFY(version);
    QCOMPARE(version->major, major);
    QCOMPARE(version->minor, minor);
    QCOMPARE(psqlUnderstandsRestrict(*version), understands);
    QVERIFY(!parsePsqlVersion(u"sh: 1: psql: not found"_s));
}

void PlainSqlScanTest::verdict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("psql");
    QTest::addColumn<QString>("refusalContains"); // empty: allowed
    const QString good = u"psql (PostgreSQL) 15.18"_s;
    QTest::newRow("real dump, new psql") << sample(u"pgdump15-full.sql"_s) << good << QString();
    QTest::newRow("real dump, old psql")
        << sample(u"pgdump15-full.sql"_s) << u"psql (PostgreSQL) 15.13"_s << u"15.13"_s;
    QTest::newRow("unknown psql") << sample(u"pgdump15-full.sql"_s) << u"bash: psql: not found"_s
                                  << u"did not say its version"_s;
    QTest::newRow("no restrict") << QByteArray("SELECT 1;\n") << good << u"no \\restrict"_s;
    QTest::newRow("shell") << QByteArray(restrictLine + "SELECT 1; \\! id\n") << good
                           << u"line 2, column 11"_s;
    // Allowed in a dump, but a restore into one database must stay in it.
    QTest::newRow("pg_dumpall") << sample(u"pgdumpall15-schema.sql"_s) << good
                                << u"\\connect at line 47"_s;
}

void PlainSqlScanTest::verdict()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, psql);
    QFETCH(QString, refusalContains);
    const QString refusal = plainRestoreRefusal(scanPlainSql(text), psql);
    if (refusalContains.isEmpty())
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    else
        QVERIFY2(refusal.contains(refusalContains), qPrintable(refusal));
}

// Prints how fast the scanner reads a COPY-heavy dump fed in 64 KiB chunks (as a command's
// output arrives): the rate a host's gzip -dc may deliver before chunks wait.
void PlainSqlScanTest::throughput()
{
    QByteArray block;
    for (int i = 0; i < 1000; ++i)
        block += "12345\tsome text with \\\\ backslashes, 'quotes', $$ and -- dashes\n";
    QElapsedTimer clock;
    clock.start();
    PlainSqlScanner scanner;
    scanner.feed(QByteArray(restrictLine + "COPY t (a, b) FROM stdin;\n"));
    qint64 fed = 0;
    while (fed < 64 * 1024 * 1024) {
        for (qsizetype at = 0; at < block.size(); at += 65536)
            scanner.feed(
                QByteArrayView(block).sliced(at, qMin<qsizetype>(65536, block.size() - at)));
        fed += block.size();
    }
    scanner.feed("\\.\nSELECT $$ a $$, 'b', \"c\";\n");
    const PlainSqlScanResult result = scanner.finish();
    QVERIFY(result.clean());
    QCOMPARE(result.copyBlocks, 1);
    const double seconds = qMax<qint64>(1, clock.elapsed()) / 1000.0;
    qInfo("scanned %lld MiB in %.2f s: %.0f MiB/s", fed / (1024 * 1024), seconds,
          fed / (1024.0 * 1024.0) / seconds);
}

QTEST_GUILESS_MAIN(PlainSqlScanTest)
#include "tst_plainsqlscan.moc"
