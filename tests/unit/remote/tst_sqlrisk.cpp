// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL lexer (PostgreSQL's and psql's lexical rules) and the allow-list risk of SQL and psql
// scripts: what is Read, Change, Unknown or Destroy, and the reason that names why.
#include "models/remote/sqlrisk.h"
#include "sqllexerchecks.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const int Read = int(Risk::Read);
const int Change = int(Risk::Change);
const int Unknown = int(Risk::Unknown);
const int Destroy = int(Risk::Destroy);

QString shown(QStringView text)
{
    return text.toString().replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s);
}

// The tokens without whitespace: "identifier:SELECT number:1 semicolon:;", with "…" after an
// unterminated one.
QString described(QStringView text, const SqlLexResult &lexed)
{
    QStringList entries;
    for (const SqlToken &token : lexed.tokens) {
        if (token.kind == SqlToken::Kind::Whitespace)
            continue;
        entries.append(sqlTokenKindName(token.kind) + u':' + shown(token.in(text)) +
                       (token.terminated ? u""_s : u"…"_s));
    }
    return entries.join(u' ');
}

QString problemName(SqlLexProblem::Kind kind)
{
    switch (kind) {
    case SqlLexProblem::Kind::UnterminatedString:
        return u"string"_s;
    case SqlLexProblem::Kind::UnterminatedQuotedIdentifier:
        return u"quoted name"_s;
    case SqlLexProblem::Kind::UnterminatedComment:
        return u"comment"_s;
    case SqlLexProblem::Kind::UnterminatedDollarQuote:
        return u"dollar quote"_s;
    }
    return {};
}

QString riskText(int risk)
{
    return riskId(Risk(risk));
}

void addRiskColumns()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("risk");
    QTest::addColumn<QString>("reason"); // a part of the reason
}

void checkAssessment(const RiskAssessment &assessment, int risk, const QString &reason)
{
    QVERIFY2(int(assessment.risk) == risk,
             qPrintable(u"%1 (%2), expected %3"_s.arg(riskId(assessment.risk), assessment.reason,
                                                      riskText(risk))));
    QVERIFY2(assessment.reason.contains(reason),
             qPrintable(u"reason \"%1\" lacks \"%2\""_s.arg(assessment.reason, reason)));
}

} // namespace

class SqlRiskTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void spans();
    void problems_data();
    void problems();
    void metaCommands_data();
    void metaCommands();
    void sql_data();
    void sql();
    void psql_data();
    void psql();
    void seeds_data();
    void seeds();
    void builtInRunbooks();
    void readScriptsStayRead();
    void trailingDropIsAlwaysSeen();
};

void SqlRiskTest::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("psql");
    QTest::addColumn<QString>("tokens");
    auto row = [](const char *name, const QString &text, const QString &tokens, bool psql = false) {
        QTest::addRow("%s", name) << text << psql << tokens;
    };
    row("statement", u"SELECT 1;"_s, u"identifier:SELECT number:1 semicolon:;"_s);
    row("line comment", u"-- drop\nSELECT"_s, u"line-comment:-- drop identifier:SELECT"_s);
    row("nested block comment", u"/* a /* b */ c */x"_s,
        u"block-comment:/* a /* b */ c */ identifier:x"_s);
    row("comment after an operator", u"1+/*c*/2"_s,
        u"number:1 operator:+ block-comment:/*c*/ number:2"_s);
    row("doubled quote", u"'it''s'"_s, u"string:'it''s'"_s);
    row("backslash in a plain string", u"'a\\' y'"_s, u"string:'a\\' identifier:y string:'…"_s);
    row("b before a quote", u"'a' b'1'"_s, u"string:'a' bit-string:b'1'"_s);
    row("escape string", u"E'\\';DROP'"_s, u"escape-string:E'\\';DROP'"_s);
    row("escaped backslash", u"e'\\\\' x"_s, u"escape-string:e'\\\\' identifier:x"_s);
    row("unicode string", u"U&'d\\0061t'"_s, u"unicode-string:U&'d\\0061t'"_s);
    row("bit strings", u"B'101' X'1F'"_s, u"bit-string:B'101' bit-string:X'1F'"_s);
    row("national string", u"N'x'"_s, u"string:N'x'"_s);
    row("continued string", u"'a'\n  'b'"_s, u"string:'a'\\n  'b'"_s);
    row("no continuation on one line", u"'a' 'b'"_s, u"string:'a' string:'b'"_s);
    row("continued escape string", u"E'a'\n'\\''"_s, u"escape-string:E'a'\\n'\\''"_s);
    row("quoted identifier", u"\"delete\" \"a\"\"b\""_s,
        u"quoted-identifier:\"delete\" quoted-identifier:\"a\"\"b\""_s);
    row("unicode identifier", u"U&\"d\\0061t\""_s, u"quoted-identifier:U&\"d\\0061t\""_s);
    row("dollar quote", u"$$;DROP$$"_s, u"dollar-string:$$;DROP$$"_s);
    row("tagged dollar quote", u"$fn$ a $$ b $fn$"_s, u"dollar-string:$fn$ a $$ b $fn$"_s);
    row("other tag inside", u"$a$x$b$a$"_s, u"dollar-string:$a$x$b$a$"_s);
    row("positional parameter", u"$1 + $12"_s, u"parameter:$1 operator:+ parameter:$12"_s);
    row("dollar inside a name", u"a$$b$$"_s, u"identifier:a$$b$$"_s);
    row("stray dollar", u"$foo"_s, u"other:$ identifier:foo"_s);
    row("numbers", u"1.5e-3 .5 0x1F 1_000 1..10"_s,
        u"number:1.5e-3 number:.5 number:0x1F number:1_000 number:1 punctuation:.. number:10"_s);
    row("cast", u"x::int"_s, u"identifier:x punctuation::: identifier:int"_s);
    row("operators", u"a<=b a=-1 x:=1 j->>'k'"_s,
        u"identifier:a operator:<= identifier:b identifier:a operator:= operator:- number:1 "
        u"identifier:x operator::= number:1 identifier:j operator:->> string:'k'"_s);
    row("punctuation", u"f(a[1], b.c)"_s,
        u"identifier:f punctuation:( identifier:a punctuation:[ number:1 punctuation:] "
        u"punctuation:, identifier:b punctuation:. identifier:c punctuation:)"_s);
    row("colon for the server", u":name"_s, u"punctuation:: identifier:name"_s);
    row("backslash for the server", u"select \\x"_s, u"identifier:select other:\\ identifier:x"_s);
    row("braces", u"{x}"_s, u"other:{ identifier:x other:}"_s);
    row("letters outside ASCII", u"SELECT ｘ, DRОP"_s,
        u"identifier:SELECT identifier:ｘ punctuation:, identifier:DRОP"_s);
    // psql
    row("variables", u":name :'name' :\"name\" :{?name}"_s,
        u"variable::name variable::'name' variable::\"name\" variable::{?name}"_s, true);
    row("cast is not a variable", u"x::int"_s, u"identifier:x punctuation::: identifier:int"_s,
        true);
    row("slice holds a variable", u"a[1:2]"_s,
        u"identifier:a punctuation:[ number:1 variable::2 punctuation:]"_s, true);
    row("meta-command", u"\\d+ t\nselect"_s, u"meta-command:\\d+ t identifier:select"_s, true);
    row("meta-command after SQL", u"select 1 \\gexec"_s,
        u"identifier:select number:1 meta-command:\\gexec"_s, true);
    row("double backslash", u"\\x \\\\ select 1;"_s,
        u"meta-command:\\x \\\\ identifier:select number:1 semicolon:;"_s, true);
    row("two meta-commands", u"\\set a 1 \\echo :a"_s,
        u"meta-command:\\set a 1 meta-command:\\echo :a"_s, true);
    row("escaped semicolon", u"select 1 \\; select 2"_s,
        u"identifier:select number:1 semicolon:\\; identifier:select number:2"_s, true);
    row("backslash in a string", u"select '\\x'"_s, u"identifier:select string:'\\x'"_s, true);
    row("backslash in a comment", u"-- \\! rm\n/* \\! rm */"_s,
        u"line-comment:-- \\! rm block-comment:/* \\! rm */"_s, true);
    row("whole line", u"\\! rm -rf / \\\\ select"_s, u"meta-command:\\! rm -rf / \\\\ select"_s,
        true);
    row("pipe takes the line", u"\\o |cat \\\\ x\nselect"_s,
        u"meta-command:\\o |cat \\\\ x identifier:select"_s, true);
    row("copy takes the line", u"\\copy t to 'f' \\\\ x"_s,
        u"meta-command:\\copy t to 'f' \\\\ x"_s, true);
    row("quoted backslash in an argument", u"\\echo 'a\\\\b' x"_s,
        u"meta-command:\\echo 'a\\\\b' x"_s, true);
}

void SqlRiskTest::tokens()
{
    QFETCH(QString, text);
    QFETCH(bool, psql);
    QFETCH(QString, tokens);
    const SqlLexResult lexed =
        tokenizeSql(text, {psql ? SqlDialect::Psql : SqlDialect::Server, true});
    const QString broken = SqlLexerChecks::brokenRule(text, lexed);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    QCOMPARE(described(text, lexed), tokens);
}

void SqlRiskTest::spans()
{
    const QString text = u"SELECT E'a', $q$b$q$, \"c\" -- d\n/* e */ :'v';"_s;
    const SqlLexResult lexed = tokenizeSql(text);
    QStringList spans;
    for (const SqlToken &token : lexed.tokens) {
        if (token.kind != SqlToken::Kind::Whitespace)
            spans.append(
                u"%1@%2+%3"_s.arg(sqlTokenKindName(token.kind)).arg(token.start).arg(token.length));
    }
    QCOMPARE(spans.join(u' '),
             u"identifier@0+6 escape-string@7+4 punctuation@11+1 dollar-string@13+7 "
             u"punctuation@20+1 quoted-identifier@22+3 line-comment@26+4 block-comment@31+7 "
             u"variable@39+4 semicolon@43+1"_s);
    // Standard conforming strings off: a backslash escapes in '…' too.
    const QString legacy = u"'\\' || 'y'"_s;
    QCOMPARE(described(legacy, tokenizeSql(legacy, {SqlDialect::Server, false})),
             u"string:'\\' || ' identifier:y string:'…"_s);
    QCOMPARE(described(legacy, tokenizeSql(legacy, {SqlDialect::Server, true})),
             u"string:'\\' operator:|| string:'y'"_s);
}

void SqlRiskTest::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("problems");
    QTest::addRow("string") << u"SELECT 'abc"_s << QStringList{u"string@7"_s};
    QTest::addRow("escape string") << u"SELECT E'\\'"_s << QStringList{u"string@7"_s};
    QTest::addRow("bit string") << u"x B'01"_s << QStringList{u"string@2"_s};
    QTest::addRow("quoted name") << u"SELECT \"abc"_s << QStringList{u"quoted name@7"_s};
    QTest::addRow("comment") << u"SELECT 1 /* a /* b */"_s << QStringList{u"comment@9"_s};
    QTest::addRow("dollar quote") << u"DO $body$ BEGIN $$ END"_s
                                  << QStringList{u"dollar quote@3"_s};
    QTest::addRow("closed") << u"SELECT 'a', \"b\", $$c$$ /* d */"_s << QStringList{};
    QTest::addRow("line comment needs no end") << u"SELECT 1 -- x"_s << QStringList{};
}

void SqlRiskTest::problems()
{
    QFETCH(QString, text);
    QFETCH(QStringList, problems);
    const SqlLexResult lexed = tokenizeSql(text);
    QVERIFY(SqlLexerChecks::brokenRule(text, lexed).isEmpty());
    QStringList found;
    for (const SqlLexProblem &problem : lexed.problems)
        found.append(problemName(problem.kind) + u'@' + QString::number(problem.position));
    QCOMPARE(found, problems);
}

void SqlRiskTest::metaCommands_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("wholeLine");
    QTest::addColumn<bool>("variable");
    QTest::addColumn<bool>("backquoted");
    QTest::addRow("describe") << u"\\d+ public.t"_s << u"d+"_s << QStringList{u"public.t"_s}
                              << false << false << false;
    QTest::addRow("quotes and escapes")
        << u"\\set x 'it''s\\n' \"a b\""_s << u"set"_s
        << QStringList{u"x"_s, u"it's\n"_s, u"\"a b\""_s} << false << false << false;
    QTest::addRow("backquotes") << u"\\echo `date` x"_s << u"echo"_s
                                << QStringList{u"`date`"_s, u"x"_s} << false << false << true;
    QTest::addRow("variable") << u"\\o :target"_s << u"o"_s << QStringList{u":target"_s} << false
                              << true << false;
    QTest::addRow("quoted pipe") << u"\\o '|sh'"_s << u"o"_s << QStringList{u"|sh"_s} << false
                                 << false << false;
    QTest::addRow("pipe") << u"\\o | sh -c 'x'"_s << u"o"_s << QStringList{u"| sh -c 'x'"_s}
                          << false << false << false;
    QTest::addRow("shell") << u"\\!  rm -rf / \\\\ x"_s << u"!"_s
                           << QStringList{u"rm -rf / \\\\ x"_s} << true << false << false;
    QTest::addRow("copy") << u"\\COPY t from stdin"_s << u"COPY"_s << QStringList{u"t from stdin"_s}
                          << true << false << false;
    QTest::addRow("options of \\g")
        << u"\\g (format=csv) out.csv"_s << u"g"_s << QStringList{u"(format=csv)"_s, u"out.csv"_s}
        << false << false << false;
    QTest::addRow("ends at the next command")
        << u"\\x on \\timing"_s << u"x"_s << QStringList{u"on"_s} << false << false << false;
    QTest::addRow("octal and hex")
        << u"\\echo '\\101\\x42'"_s << u"echo"_s << QStringList{u"AB"_s} << false << false << false;
}

void SqlRiskTest::metaCommands()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QStringList, arguments);
    QFETCH(bool, wholeLine);
    QFETCH(bool, variable);
    QFETCH(bool, backquoted);
    const PsqlMetaCommand command = parsePsqlMetaCommand(text);
    QCOMPARE(command.name, name);
    QStringList values;
    bool anyVariable = false;
    for (const PsqlMetaCommand::Argument &argument : command.arguments) {
        values.append(argument.value);
        anyVariable = anyVariable || argument.variable;
        QVERIFY(argument.start > 0 && argument.start + argument.length <= text.size());
    }
    QCOMPARE(values, arguments);
    QCOMPARE(command.wholeLine, wholeLine);
    QCOMPARE(anyVariable, variable);
    QCOMPARE(command.backquoted(), backquoted);
}

void SqlRiskTest::sql_data()
{
    addRiskColumns();
    auto row = [](const char *name, const QString &sql, int risk, const QString &reason) {
        QTest::addRow("%s", name) << sql << risk << reason;
    };
    // Read
    row("select", u"SELECT 1"_s, Read, u"`SELECT` only reads"_s);
    row("mixed case", u"SeLeCt 1"_s, Read, u"`SELECT`"_s);
    row("keyword in a string", u"SELECT 'drop table x'"_s, Read, u"`SELECT`"_s);
    row("keyword as a quoted name", u"SELECT \"delete\" FROM t"_s, Read, u"`SELECT`"_s);
    row("statement in dollar quotes", u"SELECT $$;DROP TABLE t$$"_s, Read, u"`SELECT`"_s);
    row("escaped quote", u"SELECT E'\\';DROP TABLE t;'"_s, Read, u"`SELECT`"_s);
    row("line comment", u"SELECT 1 -- ; DROP TABLE t"_s, Read, u"`SELECT`"_s);
    row("nested comment", u"SELECT /* nested /* */ DROP TABLE t */ 1"_s, Read, u"`SELECT`"_s);
    row("with", u"WITH x AS (SELECT 1) SELECT * FROM x"_s, Read, u"`WITH` only reads"_s);
    row("recursive with",
        u"WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t "
        u"WHERE n < 5) SELECT sum(n) FROM t"_s,
        Read, u"`WITH`"_s);
    row("materialized with", u"WITH x(a) AS NOT MATERIALIZED (SELECT 1) SELECT a FROM x"_s, Read,
        u"`WITH`"_s);
    row("table", u"TABLE pg_stat_activity"_s, Read, u"`TABLE` only reads"_s);
    row("values", u"VALUES (1, 'a'), (2, 'b')"_s, Read, u"`VALUES`"_s);
    row("parenthesised", u"(SELECT 1) UNION (SELECT 2)"_s, Read, u"`SELECT`"_s);
    row("show", u"SHOW max_connections"_s, Read, u"`SHOW` only reads"_s);
    row("explain", u"EXPLAIN SELECT * FROM t"_s, Read, u"`EXPLAIN` only shows the plan"_s);
    row("explain a delete", u"EXPLAIN DELETE FROM t"_s, Read, u"`EXPLAIN`"_s);
    row("explain with options", u"EXPLAIN (COSTS OFF, VERBOSE) UPDATE t SET x = 1"_s, Read,
        u"`EXPLAIN`"_s);
    row("explain analyze off", u"EXPLAIN (ANALYZE false) DELETE FROM t"_s, Read, u"`EXPLAIN`"_s);
    row("explain analyze a select", u"EXPLAIN ANALYZE SELECT * FROM t"_s, Read, u"`SELECT`"_s);
    row("begin", u"BEGIN"_s, Read, u"`BEGIN` changes no data by itself"_s);
    row("read-only transaction", u"START TRANSACTION READ ONLY; SELECT 1; COMMIT;"_s, Read,
        u"`START`"_s);
    row("rollback", u"ROLLBACK"_s, Read, u"`ROLLBACK`"_s);
    row("functions", u"SELECT now() - query_start, coalesce(x, 0), left(query, 80) FROM t"_s, Read,
        u"`SELECT`"_s);
    row("pg_catalog function", u"SELECT pg_catalog.count(*) FROM t"_s, Read, u"`SELECT`"_s);
    row("types with modifiers", u"SELECT x::numeric(10, 2), CAST(y AS varchar(20)) FROM t"_s, Read,
        u"`SELECT`"_s);
    row("alias with columns", u"SELECT g.n FROM generate_series(1, 3) g(n)"_s, Read, u"`SELECT`"_s);
    row("filter and over", u"SELECT count(*) FILTER (WHERE x > 0) OVER (PARTITION BY y) FROM t"_s,
        Read, u"`SELECT`"_s);
    row("within group", u"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t"_s, Read,
        u"`SELECT`"_s);
    row("in and exists", u"SELECT * FROM t WHERE x IN (1, 2) AND EXISTS (SELECT 1)"_s, Read,
        u"`SELECT`"_s);
    row("parameter", u"SELECT $1::int"_s, Read, u"`SELECT`"_s);
    row("special syntax",
        u"SELECT extract(epoch FROM now()), substring('abc' FROM 1 FOR 2), trim(both ' ' FROM s)"_s,
        Read, u"`SELECT`"_s);
    row("tablesample", u"SELECT * FROM t TABLESAMPLE bernoulli(10) REPEATABLE (1)"_s, Read,
        u"`SELECT`"_s);
    row("value functions",
        u"SELECT jsonb_pretty(x), array_length(a, 1), regexp_replace(s, 'a', 'b') FROM t"_s, Read,
        u"`SELECT`"_s);
    row("privilege functions",
        u"SELECT has_table_privilege('t', 'SELECT'), pg_table_is_visible(1)"_s, Read,
        u"`SELECT`"_s);
    row("sizes", u"SELECT pg_size_pretty(pg_database_size(current_database()))"_s, Read,
        u"`SELECT`"_s);
    row("replication",
        u"SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn(), "
        u"pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')"_s,
        Read, u"`SELECT`"_s);
    row("version", u"SELECT version(), current_setting('server_version')"_s, Read, u"`SELECT`"_s);
    row("dates", u"SELECT date_trunc('hour', now()), to_char(now(), 'YYYY'), age(now(), now())"_s,
        Read, u"`SELECT`"_s);
    row("statistics", u"SELECT * FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 10"_s,
        Read, u"`SELECT`"_s);
    row("copy to stdout", u"COPY t TO STDOUT"_s, Read, u"`COPY … TO STDOUT` only reads"_s);
    row("copy a query to stdout", u"COPY (SELECT * FROM t) TO STDOUT WITH (FORMAT csv)"_s, Read,
        u"`SELECT`"_s);
    row("prepared select", u"PREPARE q(int) AS SELECT $1; EXECUTE q(1)"_s, Read, u"`PREPARE`"_s);
    row("cursor", u"DECLARE c CURSOR FOR SELECT * FROM t; FETCH 10 FROM c; CLOSE c"_s, Read,
        u"`SELECT`"_s);
    row("empty", u""_s, Read, u""_s);
    row("only separators and comments", u"  ;; -- nothing\n"_s, Read, u""_s);
    // Change
    row("insert", u"INSERT INTO t (a, b) VALUES (1, 2)"_s, Change, u"`INSERT` adds rows"_s);
    row("update", u"UPDATE t SET x = 1"_s, Change, u"`UPDATE` changes rows"_s);
    row("upsert", u"INSERT INTO t SELECT * FROM s ON CONFLICT (id) DO UPDATE SET x = excluded.x"_s,
        Change, u"`INSERT`"_s);
    row("merge", u"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x"_s,
        Change, u"`MERGE` changes rows"_s);
    row("create table", u"CREATE TABLE t (id int)"_s, Change,
        u"`CREATE TABLE` creates database objects"_s);
    row("create function",
        u"CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ DELETE FROM t; "
        u"SELECT 1 $$ LANGUAGE sql"_s,
        Change, u"`CREATE FUNCTION`"_s);
    row("create index", u"CREATE UNIQUE INDEX CONCURRENTLY i ON t (lower(x))"_s, Change,
        u"`CREATE INDEX`"_s);
    row("alter table", u"ALTER TABLE t ADD COLUMN c int"_s, Change,
        u"`ALTER TABLE` changes database objects"_s);
    row("drop not null", u"ALTER TABLE t ALTER COLUMN c DROP NOT NULL"_s, Change,
        u"`ALTER TABLE`"_s);
    row("drop constraint", u"ALTER TABLE t DROP CONSTRAINT c"_s, Change, u"`ALTER TABLE`"_s);
    row("alter system", u"ALTER SYSTEM SET work_mem = '64MB'"_s, Change,
        u"`ALTER SYSTEM` changes the server's configuration"_s);
    row("grant", u"GRANT SELECT ON t TO bob"_s, Change, u"`GRANT` changes privileges"_s);
    row("revoke", u"REVOKE ALL ON t FROM bob"_s, Change, u"`REVOKE`"_s);
    row("grant on a function", u"GRANT EXECUTE ON FUNCTION pg_terminate_backend(integer) TO ops"_s,
        Change, u"`GRANT`"_s);
    row("comment", u"COMMENT ON TABLE t IS 'x'"_s, Change, u"`COMMENT ON` changes database"_s);
    row("set", u"SET search_path = public"_s, Change, u"`SET` changes settings of this session"_s);
    row("reset", u"RESET ALL"_s, Change, u"`RESET`"_s);
    row("vacuum", u"VACUUM FULL t"_s, Change, u"`VACUUM` does maintenance"_s);
    row("reindex", u"REINDEX TABLE t"_s, Change, u"`REINDEX`"_s);
    row("cluster", u"CLUSTER t USING i"_s, Change, u"`CLUSTER`"_s);
    row("refresh", u"REFRESH MATERIALIZED VIEW mv"_s, Change, u"`REFRESH MATERIALIZED VIEW`"_s);
    row("copy from stdin", u"COPY t FROM STDIN"_s, Change, u"`COPY … FROM` adds rows"_s);
    row("copy from a file", u"COPY t (a, b) FROM '/tmp/x.csv' WITH (FORMAT csv)"_s, Change,
        u"`COPY … FROM`"_s);
    row("copy to a file", u"COPY t TO '/tmp/x.csv'"_s, Change,
        u"`COPY … TO` writes a file on the database server"_s);
    row("lock", u"LOCK TABLE t IN ACCESS EXCLUSIVE MODE"_s, Change, u"`LOCK` locks tables"_s);
    row("select into", u"SELECT * INTO new_t FROM t"_s, Change,
        u"`SELECT … INTO` creates a table"_s);
    row("for update", u"SELECT * FROM t FOR UPDATE"_s, Change, u"`FOR UPDATE` locks rows"_s);
    row("for no key update", u"SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED"_s, Change,
        u"`FOR NO KEY UPDATE`"_s);
    row("for key share", u"SELECT * FROM t FOR KEY SHARE"_s, Change, u"`FOR KEY SHARE`"_s);
    row("cursor for update", u"DECLARE c CURSOR FOR SELECT * FROM t FOR SHARE"_s, Change,
        u"`FOR SHARE`"_s);
    row("call", u"CALL do_things()"_s, Change, u"`CALL` runs a procedure"_s);
    row("do", u"DO $$ BEGIN RAISE NOTICE 'x'; END $$"_s, Change, u"`DO` runs a block of code"_s);
    row("do with a quoted language", u"DO LANGUAGE 'plpgsql' $$ BEGIN NULL; END $$"_s, Change,
        u"`DO` runs a block of code"_s);
    row("nextval", u"SELECT nextval('s')"_s, Change, u"`nextval` changes a sequence"_s);
    row("setval", u"SELECT setval('s', 1)"_s, Change, u"`setval`"_s);
    row("cancel", u"SELECT pg_cancel_backend(123)"_s, Change,
        u"`pg_cancel_backend` cancels other sessions' queries"_s);
    row("reload", u"SELECT pg_reload_conf()"_s, Change, u"`pg_reload_conf`"_s);
    row("set_config", u"SELECT set_config('work_mem', '1GB', false)"_s, Change,
        u"`set_config` changes a setting"_s);
    row("advisory lock", u"SELECT pg_try_advisory_xact_lock(1)"_s, Change, u"advisory lock"_s);
    row("rotate", u"SELECT pg_rotate_logfile()"_s, Change, u"`pg_rotate_logfile`"_s);
    row("switch wal", u"SELECT pg_switch_wal()"_s, Change, u"`pg_switch_wal`"_s);
    row("restore point", u"SELECT pg_create_restore_point('x')"_s, Change,
        u"`pg_create_restore_point`"_s);
    row("large object", u"SELECT lo_import('/etc/passwd')"_s, Change,
        u"`lo_import` changes large objects"_s);
    row("dblink_exec", u"SELECT dblink_exec('c', 'DELETE FROM t')"_s, Change,
        u"`dblink_exec` runs SQL on another database"_s);
    row("promote", u"SELECT pg_promote()"_s, Change, u"`pg_promote`"_s);
    row("reset statistics", u"SELECT pg_stat_reset()"_s, Change, u"resets statistics"_s);
    row("notify", u"NOTIFY jobs"_s, Change, u"`NOTIFY` signals other sessions"_s);
    row("prepare transaction", u"PREPARE TRANSACTION 'x'"_s, Change, u"`PREPARE TRANSACTION`"_s);
    row("commit prepared", u"COMMIT PREPARED 'x'"_s, Change, u"`COMMIT PREPARED`"_s);
    row("writable with", u"WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i"_s,
        Change, u"`INSERT` adds rows"_s);
    row("explain analyze an update", u"EXPLAIN (ANALYZE true) UPDATE t SET x = 1"_s, Change,
        u"`EXPLAIN ANALYZE` runs the statement: `UPDATE` changes rows"_s);
    row("explain analyze an insert", u"EXPLAIN ANALYZE VERBOSE INSERT INTO t VALUES (1)"_s, Change,
        u"`INSERT`"_s);
    // Destroy
    row("drop", u"DROP TABLE x"_s, Destroy, u"`DROP TABLE` drops database objects"_s);
    row("comment inside drop", u"DROP /* comment */ TABLE x"_s, Destroy, u"`DROP TABLE`"_s);
    row("line comment inside drop", u"drop\n-- c\ntable x"_s, Destroy, u"`DROP TABLE`"_s);
    row("drop materialized view", u"DROP MATERIALIZED VIEW IF EXISTS mv"_s, Destroy,
        u"`DROP MATERIALIZED VIEW`"_s);
    row("drop owned", u"DROP OWNED BY bob"_s, Destroy, u"`DROP OWNED`"_s);
    row("truncate", u"TRUNCATE TABLE a, b CASCADE"_s, Destroy, u"`TRUNCATE` empties tables"_s);
    row("delete", u"DELETE FROM t WHERE id = 1"_s, Destroy, u"`DELETE` deletes rows"_s);
    row("second statement", u"select 1; drop table x"_s, Destroy, u"`DROP TABLE`"_s);
    row("no space after the semicolon", u"SELECT 1;DROP TABLE x"_s, Destroy, u"`DROP TABLE`"_s);
    row("writable with that deletes", u"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"_s,
        Destroy, u"`DELETE` deletes rows"_s);
    row("with then delete", u"WITH x AS (SELECT 1) DELETE FROM t"_s, Destroy, u"`DELETE`"_s);
    row("merge that deletes", u"MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE"_s, Destroy,
        u"`DELETE`"_s);
    row("drop column", u"ALTER TABLE t DROP COLUMN c"_s, Destroy,
        u"`ALTER TABLE … DROP COLUMN` drops a column and its data"_s);
    row("drop column without the word", u"ALTER TABLE IF EXISTS t DROP c"_s, Destroy,
        u"`ALTER TABLE … DROP COLUMN`"_s);
    row("terminate", u"select pg_terminate_backend(pid) from pg_stat_activity"_s, Destroy,
        u"`pg_terminate_backend` ends other sessions"_s);
    row("qualified terminate", u"SELECT pg_catalog.pg_terminate_backend(1)"_s, Destroy,
        u"`pg_catalog.pg_terminate_backend`"_s);
    row("quoted terminate", u"SELECT \"pg_terminate_backend\"(1)"_s, Destroy,
        u"ends other sessions"_s);
    row("terminate in capitals", u"SELECT PG_TERMINATE_BACKEND (1)"_s, Destroy,
        u"ends other sessions"_s);
    row("comment before the parenthesis", u"SELECT pg_terminate_backend/**/(1)"_s, Destroy,
        u"ends other sessions"_s);
    row("terminate in an update", u"UPDATE t SET x = pg_terminate_backend(1)"_s, Destroy,
        u"ends other sessions"_s);
    row("drop slot", u"SELECT pg_drop_replication_slot('s')"_s, Destroy,
        u"`pg_drop_replication_slot`"_s);
    row("lo_unlink", u"SELECT lo_unlink(123)"_s, Destroy, u"`lo_unlink` deletes large objects"_s);
    row("copy to program", u"COPY t TO PROGRAM 'rm -rf /'"_s, Destroy,
        u"`COPY … PROGRAM` runs a shell command on the database server"_s);
    row("copy from program", u"COPY t FROM PROGRAM 'curl x'"_s, Destroy, u"`COPY … PROGRAM`"_s);
    row("copy a delete", u"COPY (DELETE FROM t RETURNING *) TO STDOUT"_s, Destroy, u"`DELETE`"_s);
    row("explain analyze a delete", u"EXPLAIN ANALYZE DELETE FROM t"_s, Destroy,
        u"`EXPLAIN ANALYZE` runs the statement: `DELETE` deletes rows"_s);
    row("explain with analyze", u"EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t"_s, Destroy,
        u"`DELETE`"_s);
    row("prepared delete", u"PREPARE p AS DELETE FROM t; EXECUTE p;"_s, Destroy,
        u"`EXECUTE p` runs the prepared statement: `DELETE` deletes rows"_s);
    row("do that deletes", u"DO $$ BEGIN DELETE FROM t; END $$"_s, Destroy, u"`DELETE`"_s);
    row("do that terminates", u"DO 'BEGIN PERFORM pg_terminate_backend(1); END'"_s, Destroy,
        u"`pg_terminate_backend`"_s);
    row("legacy strings", u"SELECT '\\' || '; DROP TABLE t; --'"_s, Destroy, u"`DROP TABLE`"_s);
    row("continued escape string", u"SELECT E'a'\n'\\'' ; DROP TABLE t; --'"_s, Destroy,
        u"`DROP TABLE`"_s);
    row("unterminated after a drop", u"DROP TABLE t; SELECT 'x"_s, Destroy, u"`DROP TABLE`"_s);
    // Unknown
    row("unknown function", u"SELECT my_func()"_s, Unknown,
        u"`my_func` is not known to be read-only"_s);
    row("unknown function in an update", u"UPDATE t SET x = my_func(x)"_s, Unknown, u"`my_func`"_s);
    row("function in another schema", u"SELECT public.count(*)"_s, Unknown,
        u"`public.count` is not known"_s);
    row("own function with a common prefix", u"SELECT make_room(), json_cleanup()"_s, Unknown,
        u"`make_room` is not known to be read-only"_s);
    row("dblink", u"SELECT * FROM dblink('c', 'select 1') AS t(a int)"_s, Unknown, u"`dblink`"_s);
    row("quoted function name", u"SELECT \"Count\"(*) FROM t"_s, Unknown, u"`\"Count\"`"_s);
    row("explain an unknown function", u"EXPLAIN SELECT my_func()"_s, Unknown, u"`my_func`"_s);
    row("unknown statement", u"FROBNICATE t"_s, Unknown,
        u"`FROBNICATE` is not a known statement"_s);
    row("load", u"LOAD 'evil'"_s, Unknown, u"`LOAD`"_s);
    row("look-alike letter", u"DRОP TABLE t"_s, Unknown, u"is not a known statement"_s);
    row("unterminated string", u"SELECT 'abc"_s, Unknown,
        u"The string at line 1, column 8 is not closed"_s);
    row("unterminated string as the statement", u"'abc; DROP"_s, Unknown,
        u"The string at line 1, column 1 is not closed"_s);
    row("unterminated name", u"SELECT 1;\n  SELECT \"abc"_s, Unknown,
        u"The quoted name at line 2, column 10 is not closed"_s);
    row("unterminated comment", u"SELECT 1 /* x"_s, Unknown, u"The comment at line 1"_s);
    row("unterminated dollar quote", u"SELECT $$x"_s, Unknown, u"The dollar-quoted text"_s);
    row("execute unknown", u"EXECUTE somewhere"_s, Unknown,
        u"`EXECUTE somewhere` runs a prepared statement that is not in this text"_s);
    row("stray character", u"SELECT {1}"_s, Unknown, u"`{` is not SQL"_s);
    row("meta-command sent to the server", u"SELECT 1 \\gexec"_s, Unknown, u"`\\` is not SQL"_s);
    row("dynamic SQL in do", u"DO $$ BEGIN EXECUTE 'DROP TABLE ' || t; END $$"_s, Unknown,
        u"`EXECUTE` in a `DO` block runs SQL made while it runs"_s);
    row("do in another language", u"DO LANGUAGE plpython3u $$ import os $$"_s, Unknown,
        u"`DO … LANGUAGE plpython3u`"_s);
}

void SqlRiskTest::sql()
{
    QFETCH(QString, sql);
    QFETCH(int, risk);
    QFETCH(QString, reason);
    const QString broken = SqlLexerChecks::brokenRule(sql, tokenizeSql(sql, {SqlDialect::Server}));
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    checkAssessment(assessSql(sql), risk, reason);
}

void SqlRiskTest::psql_data()
{
    addRiskColumns();
    auto row = [](const char *name, const QString &sql, int risk, const QString &reason) {
        QTest::addRow("%s", name) << sql << risk << reason;
    };
    // Read
    for (const char *command : {"\\d+ t", "\\dt", "\\di", "\\dn", "\\du", "\\df", "\\dv", "\\dx",
                                "\\dp", "\\dS+", "\\dconfig"}) {
        const QString text = QString::fromLatin1(command);
        QTest::addRow("%s", command)
            << text << Read << (u'`' + text.section(u' ', 0, 0) + u"` only reads"_s);
    }
    row("list databases", u"\\l+"_s, Read, u"`\\l+` changes no data by itself"_s);
    row("expanded", u"\\x\nSELECT 1;"_s, Read, u"`\\x`"_s);
    row("settings", u"\\timing on\n\\pset format csv\n\\set v 1\n\\unset v\n\\encoding UTF8"_s,
        Read, u"`\\timing`"_s);
    row("echo and connect", u"\\echo hello\n\\conninfo\n\\c otherdb\n\\q"_s, Read, u"`\\echo`"_s);
    row("help", u"\\?\n\\h SELECT"_s, Read, u"`\\?`"_s);
    row("watch", u"SELECT count(*) FROM pg_stat_activity \\watch 5"_s, Read, u"`SELECT`"_s);
    row("quoted variables", u"SELECT * FROM :\"tbl\" WHERE name = :'name';"_s, Read, u"`SELECT`"_s);
    row("defined test", u"\\if :{?x}\n\\echo yes\n\\endif"_s, Read, u"`\\if`"_s);
    row("output reset", u"\\o"_s, Read, u"`\\o`"_s);
    row("output to /dev/null", u"\\o /dev/null"_s, Read, u"`\\o`"_s);
    row("cast is no variable", u"SELECT x::int FROM t"_s, Read, u"`SELECT`"_s);
    row("backslash in a string", u"SELECT '\\! rm -rf /'"_s, Read, u"`SELECT`"_s);
    row("backslash in dollar quotes", u"SELECT $$\\! rm$$"_s, Read, u"`SELECT`"_s);
    row("backslash in comments", u"-- \\! rm -rf /\n/* \\! rm */ SELECT 1"_s, Read, u"`SELECT`"_s);
    row("copy to stdout", u"\\copy (SELECT * FROM t) to stdout"_s, Read, u"`SELECT`"_s);
    row("COPY in capitals", u"\\COPY t TO STDOUT"_s, Read, u"`\\copy … TO STDOUT` only reads"_s);
    row("gset", u"SELECT 1 AS x \\gset\nSELECT :'x';"_s, Read, u"`SELECT`"_s);
    row("a whole script", u"\\x\n\\timing\nSELECT * FROM pg_stat_activity;\n\\dt+\n"_s, Read,
        u"`\\x`"_s);
    // Change
    row("output to a file", u"\\o /tmp/out.txt"_s, Change, u"`\\o` writes a file"_s);
    row("query to a file", u"SELECT 1 \\g /tmp/x"_s, Change, u"`\\g` writes a file"_s);
    row("buffer to a file", u"\\w /tmp/q.sql"_s, Change, u"`\\w` writes a file"_s);
    row("copy to a file", u"\\copy t to '/tmp/t.csv' csv"_s, Change,
        u"`\\copy … to` writes a file"_s);
    row("copy from a file", u"\\copy t from '/tmp/t.csv'"_s, Change,
        u"`\\copy … from` adds rows"_s);
    row("history to a file", u"\\s /tmp/history"_s, Change, u"`\\s` writes a file"_s);
    row("double-quoted pipe is a file name", u"\\o \"|sh\""_s, Change, u"`\\o` writes a file"_s);
    row("password", u"\\password bob"_s, Change, u"`\\password` changes a password"_s);
    row("import a large object", u"\\lo_import /etc/passwd"_s, Change, u"`\\lo_import`"_s);
    row("export a large object", u"\\lo_export 1 /tmp/x"_s, Change, u"`\\lo_export`"_s);
    // Destroy
    row("shell", u"\\! rm -rf /"_s, Destroy, u"`\\!` runs a shell command"_s);
    row("output to a pipe", u"\\o |sh"_s, Destroy, u"`\\o |` runs a shell command"_s);
    row("output to a pipe after spaces", u"\\o   | mail root"_s, Destroy, u"`\\o |`"_s);
    row("quoted pipe", u"\\o '|sh'"_s, Destroy, u"`\\o |`"_s);
    row("query to a pipe", u"SELECT 1 \\g |sh"_s, Destroy, u"`\\g |`"_s);
    row("query with options to a pipe", u"SELECT 1 \\g (format=csv) |cat"_s, Destroy, u"`\\g |`"_s);
    row("buffer to a pipe", u"\\w |sh"_s, Destroy, u"`\\w |`"_s);
    row("copy to a program", u"\\copy t to program 'x'"_s, Destroy,
        u"`\\copy … program` runs a shell command"_s);
    row("copy from a program", u"\\copy t from program 'curl x'"_s, Destroy,
        u"`\\copy … program`"_s);
    row("gexec", u"select 1 \\gexec"_s, Destroy,
        u"`\\gexec` runs the results of the query as SQL"_s);
    row("backquotes", u"\\set x `rm -rf /`"_s, Destroy,
        u"Backquotes in `\\set` run a shell command"_s);
    row("backquotes in echo", u"\\echo `date`"_s, Destroy, u"`\\echo`"_s);
    row("unlink a large object", u"\\lo_unlink 123"_s, Destroy, u"`\\lo_unlink`"_s);
    row("meta-command inside a statement", u"DROP \\x\nTABLE t;"_s, Destroy, u"`DROP TABLE`"_s);
    row("meta-command between name and call", u"SELECT pg_terminate_backend \\x\n(1);"_s, Destroy,
        u"`pg_terminate_backend`"_s);
    row("\\g ends the statement", u"SELECT 1 \\g\nDROP TABLE t;"_s, Destroy, u"`DROP TABLE`"_s);
    row("\\r ends the statement", u"SELECT 1 \\r\nDROP TABLE t;"_s, Destroy, u"`DROP TABLE`"_s);
    row("escaped semicolon", u"select 1 \\; drop table x"_s, Destroy, u"`DROP TABLE`"_s);
    row("SQL after \\\\", u"\\x \\\\ DROP TABLE t;"_s, Destroy, u"`DROP TABLE`"_s);
    row("second command on a line", u"\\set a 1 \\! rm -rf /"_s, Destroy, u"`\\!`"_s);
    row("drop after copy data", u"COPY t FROM STDIN;\nit's data\n\\.\nDROP TABLE t;"_s, Destroy,
        u"`DROP TABLE`"_s);
    row("drop after \\copy data", u"\\copy t from stdin\nx\n\\.\nDROP TABLE t;"_s, Destroy,
        u"`DROP TABLE`"_s);
    // Unknown
    row("raw variable", u"SELECT :name"_s, Unknown,
        u"`:name` is pasted into the SQL as raw text"_s);
    row("variable as a function", u"SELECT :\"fn\"(1)"_s, Unknown,
        u"`:\"fn\"` is not known to be read-only"_s);
    row("include", u"\\i /tmp/x.sql"_s, Unknown, u"`\\i` runs the SQL in another file"_s);
    row("include relative", u"\\ir x.sql"_s, Unknown, u"`\\ir`"_s);
    row("editor", u"\\e"_s, Unknown, u"`\\e` opens an editor"_s);
    row("environment", u"\\setenv PAGER less"_s, Unknown, u"`\\setenv`"_s);
    row("unknown command", u"\\frobnicate"_s, Unknown,
        u"`\\frobnicate` is not a known psql command"_s);
    row("output named by a variable", u"\\o :target"_s, Unknown,
        u"`\\o` writes to a file or command named by a variable"_s);
    // If the COPY fails, psql runs its data lines as SQL.
    row("copy data", u"COPY t FROM STDIN;\n1\tfoo\n\\.\nSELECT 1;"_s, Unknown, u"not a known"_s);
}

void SqlRiskTest::psql()
{
    QFETCH(QString, sql);
    QFETCH(int, risk);
    QFETCH(QString, reason);
    const QString broken = SqlLexerChecks::brokenRule(sql, tokenizeSql(sql));
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    checkAssessment(assessPsqlScript(sql), risk, reason);
}

// Every query of the five seed runbooks (../shared/seeds), as the runbooks write them: in
// `psql -c "…"`, in sql blocks and in bash blocks that hold SQL.
void SqlRiskTest::seeds_data()
{
    addRiskColumns();
    auto row = [](const char *name, const QString &sql, int risk, const QString &reason) {
        QTest::addRow("%s", name) << sql << risk << reason;
    };
    // 000: wiki operations runbook
    row("000 integrity",
        u"\nSELECT schemaname, tablename, n_tup_ins, n_tup_upd, n_tup_del \nFROM "
        u"pg_stat_user_tables \nORDER BY n_tup_ins DESC LIMIT 10;"_s,
        Read, u"`SELECT`"_s);
    row("000 python check", u"SELECT 1"_s, Read, u"`SELECT`"_s);
    row("000 slow queries",
        u"\nSELECT query, mean_time, calls, total_time\nFROM pg_stat_statements \nORDER BY "
        u"mean_time DESC \nLIMIT 10;"_s,
        Read, u"`SELECT`"_s);
    row("000 active connections",
        u"\nSELECT count(*) as active_connections, state \nFROM pg_stat_activity \nWHERE datname "
        u"= 'wiki' \nGROUP BY state;"_s,
        Read, u"`SELECT`"_s);
    row("000 kill long-running",
        u"\nSELECT pg_terminate_backend(pid) \nFROM pg_stat_activity \nWHERE datname = 'wiki' "
        u"\nAND state = 'active' \nAND query_start < now() - interval '5 minutes';"_s,
        Destroy, u"`pg_terminate_backend` ends other sessions"_s);
    row("000 locks",
        u"\nSELECT blocked_locks.pid AS blocked_pid,\n       blocked_activity.usename AS "
        u"blocked_user,\n       blocking_locks.pid AS blocking_pid,\n       "
        u"blocking_activity.usename AS blocking_user,\n       blocked_activity.query AS "
        u"blocked_statement,\n       blocking_activity.query AS "
        u"current_statement_in_blocking_process\nFROM pg_catalog.pg_locks blocked_locks\nJOIN "
        u"pg_catalog.pg_stat_activity blocked_activity ON blocked_activity.pid = "
        u"blocked_locks.pid\nJOIN pg_catalog.pg_locks blocking_locks ON blocking_locks.locktype "
        u"= blocked_locks.locktype\nJOIN pg_catalog.pg_stat_activity blocking_activity ON "
        u"blocking_activity.pid = blocking_locks.pid\nWHERE NOT blocked_locks.granted;"_s,
        Read, u"`SELECT`"_s);
    row("000 kill blocking", u"\nSELECT pg_terminate_backend([blocking_pid]);"_s, Destroy,
        u"`pg_terminate_backend`"_s);
    row("000 analyze", u"ANALYZE;"_s, Change, u"`ANALYZE` does maintenance"_s);
    row("000 index usage",
        u"\nSELECT schemaname, tablename, indexname, idx_scan, idx_tup_read, idx_tup_fetch\nFROM "
        u"pg_stat_user_indexes\nORDER BY idx_scan DESC;"_s,
        Read, u"`SELECT`"_s);
    row("000 vacuum analyze", u"VACUUM ANALYZE;"_s, Change, u"`VACUUM`"_s);
    // 002: memo app
    row("002 connectivity", u"SELECT 1;"_s, Read, u"`SELECT`"_s);
    row("002 diagnosis block",
        u"-- Check slow queries\nSELECT query, mean_time, calls \nFROM pg_stat_statements "
        u"\nORDER BY mean_time DESC \nLIMIT 10;\n\n-- Check active connections\nSELECT * FROM "
        u"pg_stat_activity;\n"_s,
        Read, u"`SELECT`"_s);
    // 003: file service
    row("003 wal position", u"SELECT pg_current_wal_lsn();"_s, Read, u"`SELECT`"_s);
    row("003 connections", u"SELECT count(*) FROM pg_stat_activity;"_s, Read, u"`SELECT`"_s);
    row("003 locks", u"SELECT * FROM pg_locks WHERE NOT granted;"_s, Read, u"`SELECT`"_s);
    row("003 replication", u"SELECT * FROM pg_stat_replication;"_s, Read, u"`SELECT`"_s);
    row("003 slow queries",
        u"SELECT query, state_change FROM pg_stat_activity WHERE state = 'active' LIMIT 10;"_s,
        Read, u"`SELECT`"_s);
    row("003 vacuum", u"VACUUM ANALYZE;"_s, Change, u"`VACUUM`"_s);
    row("003 indexes", u"SELECT indexname FROM pg_indexes WHERE tablename = 'files';"_s, Read,
        u"`SELECT`"_s);
    row("003 bloat",
        u"SELECT schemaname, tablename, \n  "
        u"pg_size_pretty(pg_relation_size(schemaname||'.'||tablename)) as size,\n  "
        u"pg_size_pretty(pg_total_relation_size(schemaname||'.'||tablename)) as total\nFROM "
        u"pg_tables WHERE schemaname = 'public';"_s,
        Read, u"`SELECT`"_s);
    row("003 drop test database", u"DROP DATABASE IF EXISTS test_restore;"_s, Destroy,
        u"`DROP DATABASE` drops database objects"_s);
    row("003 create test database", u"CREATE DATABASE test_restore;"_s, Change,
        u"`CREATE DATABASE`"_s);
    row("003 count files", u"SELECT COUNT(*) FROM files;"_s, Read, u"`SELECT`"_s);
    row("003 count users", u"SELECT COUNT(*) FROM users;"_s, Read, u"`SELECT`"_s);
    row("003 cleanup", u"DROP DATABASE test_restore;"_s, Destroy, u"`DROP DATABASE`"_s);
    row("003 database block", u"SELECT count(*) FROM pg_stat_activity;\n"_s, Read, u"`SELECT`"_s);
    row("003 kill idle",
        u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity \n  WHERE state = 'idle' AND "
        u"query_start < NOW() - INTERVAL '1 hour';"_s,
        Destroy, u"`pg_terminate_backend`"_s);
    row("003 table sizes",
        u"SELECT schemaname, tablename, \n  "
        u"pg_size_pretty(pg_total_relation_size(schemaname||'.'||tablename)) as size\nFROM "
        u"pg_tables WHERE schemaname = 'public';"_s,
        Read, u"`SELECT`"_s);
    // 004: blog engine
    row("004 slow queries",
        u"\n  SELECT query, mean_exec_time, calls\n  FROM pg_stat_statements\n  ORDER BY "
        u"mean_exec_time DESC\n  LIMIT 10;"_s,
        Read, u"`SELECT`"_s);
    row("004 connections", u"\n  SELECT count(*) FROM pg_stat_activity;"_s, Read, u"`SELECT`"_s);
    row("004 kill long-running",
        u"\n  SELECT pg_terminate_backend(pid)\n  FROM pg_stat_activity\n  WHERE state = 'idle' "
        u"AND state_change < NOW() - INTERVAL '10 minutes';"_s,
        Destroy, u"`pg_terminate_backend`"_s);
    row("004 vacuum", u"VACUUM ANALYZE;"_s, Change, u"`VACUUM`"_s);
    row("004 count posts", u"SELECT COUNT(*) FROM posts;"_s, Read, u"`SELECT`"_s);
    row("004 missing indexes",
        u"-- Identify missing indexes\nSELECT schemaname, tablename, attname, n_distinct, "
        u"correlation\nFROM pg_stats\nWHERE schemaname = 'public'\n  AND n_distinct > 100\n  AND "
        u"correlation < 0.1;"_s,
        Read, u"`SELECT`"_s);
    row("004 tuning block",
        u"-- Identify missing indexes\nSELECT schemaname, tablename, attname, n_distinct, "
        u"correlation\nFROM pg_stats\nWHERE schemaname = 'public'\n  AND n_distinct > 100\n  AND "
        u"correlation < 0.1;\n\n-- Create index for slow query\nCREATE INDEX "
        u"idx_posts_author_created \nON posts(author_id, created_at DESC);\n\n-- Analyze table "
        u"statistics\nANALYZE posts;\n"_s,
        Change, u"`CREATE INDEX` creates database objects"_s);
}

void SqlRiskTest::seeds()
{
    QFETCH(QString, sql);
    QFETCH(int, risk);
    QFETCH(QString, reason);
    checkAssessment(assessPsqlScript(sql), risk, reason);
    checkAssessment(assessSql(sql), risk, reason);
}

// Every sql block of the built-in runbooks: Read, except the steps that are meant to change
// something, which must say so with their own reason.
void SqlRiskTest::builtInRunbooks()
{
    const QList<std::pair<QString, int>> expectedChanges = {
        {u"ALTER DATABASE <database> SET"_s, Change},
        {u"SET default_transaction_read_only = off"_s, Change},
        {u"ALTER ROLE"_s, Change},
        {u"pg_cancel_backend"_s, Change},
        {u"ANALYZE <table-name>"_s, Change},
        {u"pg_terminate_backend"_s, Destroy},
    };
    const QDir folder(u":/runbooks"_s);
    const QStringList names = folder.entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    QVERIFY(!names.isEmpty());
    static const QRegularExpression block(u"^```sql\\n(.*?)^```"_s,
                                          QRegularExpression::MultilineOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    int blocks = 0;
    int reads = 0;
    for (const QString &name : names) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QRegularExpressionMatch &match : block.globalMatch(text)) {
            const QString sql = match.captured(1);
            ++blocks;
            int expected = Read;
            for (const auto &[marker, risk] : expectedChanges) {
                if (sql.contains(marker))
                    expected = std::max(expected, risk);
            }
            reads += expected == Read ? 1 : 0;
            const RiskAssessment assessment = assessPsqlScript(sql);
            QVERIFY2(
                int(assessment.risk) == expected,
                qPrintable(u"%1: %2 is %3 (%4), expected %5"_s.arg(
                    name, sql, riskId(assessment.risk), assessment.reason, riskText(expected))));
        }
    }
    QVERIFY2(blocks >= 25, qPrintable(QString::number(blocks)));
    QVERIFY2(reads >= 20, qPrintable(QString::number(reads)));
}

void SqlRiskTest::readScriptsStayRead()
{
    QString script;
    for (int i = 0; i < 500; ++i)
        script += u"SELECT 1;"_s;
    QCOMPARE(assessSql(script).risk, Risk::Read);
    QCOMPARE(assessPsqlScript(script + u"\n\\x\n"_s).risk, Risk::Read);
}

// Nothing before a DROP on a line of its own can hide it, unless the lexer says the text ends
// inside something (and that is Unknown by itself).
void SqlRiskTest::trailingDropIsAlwaysSeen()
{
    const QStringList prefixes = {u"SELECT 'it''s'"_s,
                                  u"SELECT E'\\''"_s,
                                  u"SELECT $a$ $$ $a$"_s,
                                  u"/* /* */ */"_s,
                                  u"-- x"_s,
                                  u"\\! ls"_s,
                                  u"\\set x 'a"_s,
                                  u"\\copy t to 'f'"_s,
                                  u"SELECT \"a\"\"\""_s,
                                  u"SELECT (1"_s,
                                  u"SELECT x$$"_s,
                                  u"SELECT :'v'"_s,
                                  u"\\o |cat"_s,
                                  u"COPY t FROM STDIN"_s};
    for (const QString &prefix : prefixes) {
        const QString script = prefix + u"\n;DROP TABLE t;"_s;
        QVERIFY2(tokenizeSql(prefix).problems.isEmpty(), qPrintable(prefix));
        QCOMPARE(assessPsqlScript(script).risk, Risk::Destroy);
        if (tokenizeSql(prefix, {SqlDialect::Server}).problems.isEmpty())
            QCOMPARE(assessSql(script).risk, Risk::Destroy);
    }
}

QTEST_GUILESS_MAIN(SqlRiskTest)
#include "tst_sqlrisk.moc"
