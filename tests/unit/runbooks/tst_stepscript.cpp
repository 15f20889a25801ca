// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/risk.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/stepscript.h"

#include <QProcess>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Token = "7e57";
const QString Marker =
    u"\n__opsdeck_status=$?\nprintf '\\n\\036OPSDECK-VARIABLES-7e57\\036\\n'\n"_s;

// One host with one database, "db/main".
Workspace workspace()
{
    Database database;
    database.name = u"main"_s;
    database.host = u"10.0.0.5"_s;
    database.database = u"app"_s;
    database.user = u"app"_s;
    database.sslMode = u"require"_s;
    Host host;
    host.name = u"db"_s;
    host.databases.append(database);
    Environment environment;
    environment.name = u"prod"_s;
    environment.hosts.append(host);
    Workspace workspace;
    workspace.environments.append(environment);
    return workspace;
}

// "key=value" entries as a map.
QMap<QString, QString> mapOf(const QStringList &entries)
{
    QMap<QString, QString> map;
    for (const QString &entry : entries)
        map.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    return map;
}

// The last block of a runbook whose earlier blocks are `before` (shell) and whose last is code
// under a fence of `language` ("check": a task-list item).
RunbookBlock blockOf(const QString &before, const QString &language, const QString &code)
{
    QString markdown = u"# Steps\n\n"_s;
    if (!before.isEmpty())
        markdown += u"```bash\n"_s + before + u"\n```\n\n"_s;
    if (language == u"check")
        markdown += u"- [ ] "_s + code + u'\n';
    else
        markdown += u"```"_s + language + u'\n' + code + u"\n```\n"_s;
    const Runbook runbook = parseRunbook(markdown.toUtf8(), u"steps.md"_s);
    return runbook.sections.constLast().blocks.constLast();
}

} // namespace

class StepScriptTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prepares_data();
    void prepares();
    void capturedVariablesEndTheScript();
    void sameInputsSameStep();
    void scriptsParse_data();
    void scriptsParse();
    void logicalLines_data();
    void logicalLines();
    void otherShells_data();
    void otherShells();
};

void StepScriptTest::prepares_data()
{
    QTest::addColumn<QString>("before");   // an earlier block of the runbook, if any
    QTest::addColumn<QString>("language"); // of the block prepared
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("values");    // placeholder=value
    QTest::addColumn<QStringList>("variables"); // carried NAME=value
    // What comes out: an error (its start), the placeholders without a value, or what is
    // shown and what runs (argv[2] for shell, the psql script for SQL).
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("risk");
    QTest::addColumn<int>("chosenLine");

    const int read = int(Risk::Read), change = int(Risk::Change), destroy = int(Risk::Destroy),
              unknown = int(Risk::Unknown);
    const QString host = u"web-1"_s;
    QTest::addRow("plain") << QString() << u"bash"_s << u"echo hello"_s << host << -1
                           << QStringList{} << QStringList{} << QString() << QStringList{}
                           << u"echo hello"_s << u"echo hello"_s << read << -1;
    QTest::addRow("value in a variable of its own")
        << QString() << u"bash"_s << u"kubectl logs <pod-name> | tail"_s << host << -1
        << QStringList{u"<pod-name>=api 7"_s} << QStringList{} << QString() << QStringList{}
        << u"kubectl logs 'api 7' | tail"_s
        << u"__opsdeck_pod_name='api 7'\nkubectl logs \"${__opsdeck_pod_name}\" | tail"_s << read
        << -1;
    QTest::addRow("value in quotes")
        << QString() << u"bash"_s << u"echo \"pod=<pod-name>\" '[ns]'"_s << host << -1
        << QStringList{u"<pod-name>=a$b"_s, u"[ns]=it's"_s} << QStringList{} << QString()
        << QStringList{} << u"echo \"pod=a\\$b\" 'it'\\''s'"_s
        << u"__opsdeck_pod_name='a$b'\n__opsdeck_ns='it'\\''s'\n"
           "echo \"pod=${__opsdeck_pod_name}\" ''\"${__opsdeck_ns}\"''"_s
        << read << -1;
    QTest::addRow("missing value")
        << QString() << u"bash"_s << u"kubectl delete pod <pod>"_s << host << -1 << QStringList{}
        << QStringList{} << QString() << QStringList{u"<pod>"_s} << u"kubectl delete pod <pod>"_s
        << u"kubectl delete pod <pod>"_s << destroy << -1;
    QTest::addRow("positional") << QString() << u"bash"_s << u"./restore.sh \"$1\" \"$2\""_s << host
                                << -1 << QStringList{u"$1=a"_s, u"$2=b c"_s} << QStringList{}
                                << QString() << QStringList{} << u"./restore.sh \"$1\" \"$2\""_s
                                << u"set -- a 'b c'\n./restore.sh \"$1\" \"$2\""_s << destroy << -1;
    QTest::addRow("variable placeholder")
        << QString() << u"bash"_s << u"echo \"${BACKUP_DATE}\""_s << host << -1
        << QStringList{u"$BACKUP_DATE=2026-11-30"_s} << QStringList{} << QString() << QStringList{}
        << u"echo \"${BACKUP_DATE}\""_s << u"BACKUP_DATE=2026-11-30\necho \"${BACKUP_DATE}\""_s
        << read << -1;
    QTest::addRow("variable an earlier step set")
        << u"BACKUP_DATE=$(date +%F)"_s << u"bash"_s << u"ls \"/backups/$BACKUP_DATE\""_s << host
        << -1 << QStringList{u"$BACKUP_DATE=typed"_s}
        << QStringList{u"BACKUP_DATE=2026-12-01"_s, u"UNUSED=x"_s} << QString() << QStringList{}
        << u"ls \"/backups/$BACKUP_DATE\""_s
        << u"BACKUP_DATE=2026-12-01\nls \"/backups/$BACKUP_DATE\""_s << read << -1;
    QTest::addRow("variable an earlier step sets, not run yet")
        << u"DATA_DIR=/srv/data"_s << u"bash"_s << u"rm -rf \"$DATA_DIR\"/cache"_s << host << -1
        << QStringList{} << QStringList{}
        << u"$DATA_DIR is set by an earlier step that has not run yet"_s << QStringList{}
        << QString() << QString() << destroy << -1;
    QTest::addRow("run line: the whole logical line")
        << QString() << u"bash"_s << u"echo first\necho second \\\n  continued\nrm -f x"_s << host
        << 2 << QStringList{} << QStringList{} << QString() << QStringList{}
        << u"echo second \\\n  continued"_s << u"echo second \\\n  continued"_s << read << 1;
    QTest::addRow("run line: its own risk")
        << QString() << u"bash"_s << u"echo first\nsystemctl restart nginx"_s << host << 1
        << QStringList{} << QStringList{} << QString() << QStringList{}
        << u"systemctl restart nginx"_s << u"systemctl restart nginx"_s << change << 1;
    QTest::addRow("run line: nothing there")
        << QString() << u"bash"_s << u"echo first\n\necho third"_s << host << 1 << QStringList{}
        << QStringList{} << u"line 2 of this step holds no command"_s << QStringList{} << QString()
        << QString() << read << -1;
    QTest::addRow("run line: only its placeholders")
        << QString() << u"bash"_s << u"echo <first>\necho <second>"_s << host << 1
        << QStringList{u"<second>=x"_s} << QStringList{} << QString() << QStringList{}
        << u"echo x"_s << u"__opsdeck_second=x\necho \"${__opsdeck_second}\""_s << read << 1;
    QTest::addRow("unterminated here-document, whole")
        << QString() << u"bash"_s << u"echo before\ncat <<EOF\nkey=1"_s << host << -1
        << QStringList{} << QStringList{} << u"the here-document 'EOF' has no terminating line"_s
        << QStringList{} << QString() << QString() << unknown << -1;
    QTest::addRow("unterminated here-document, a line")
        << QString() << u"bash"_s << u"echo before\ncat <<EOF\nkey=1"_s << host << 0
        << QStringList{} << QStringList{} << QString() << QStringList{} << u"echo before"_s
        << u"echo before"_s << read << 0;
    QTest::addRow("no host") << QString() << u"bash"_s << u"uptime"_s << QString() << -1
                             << QStringList{} << QStringList{} << u"choose a host for this step"_s
                             << QStringList{} << QString() << QString() << read << -1;
    QTest::addRow("manual check") << QString() << u"check"_s << u"Dashboards are green"_s << host
                                  << -1 << QStringList{} << QStringList{}
                                  << u"this step is a manual check"_s << QStringList{} << QString()
                                  << QString() << read << -1;
    QTest::addRow("NUL in a value")
        << QString() << u"bash"_s << u"echo <x>"_s << host << -1 << QStringList{u"<x>=a\u0000b"_s}
        << QStringList{} << u"the value of <x> holds a NUL character"_s << QStringList{}
        << QString() << QString() << read << -1;
    QTest::addRow("literal here-document takes one line")
        << QString() << u"bash"_s << u"cat <<'EOF'\n<x>\nEOF"_s << host << -1
        << QStringList{u"<x>=a\nb"_s} << QStringList{}
        << u"the value of <x> goes into a here-document line by line"_s << QStringList{}
        << QString() << QString() << read << -1;
    QTest::addRow("sql")
        << QString() << u"sql"_s << u"SELECT * FROM s WHERE login = '<user>';"_s << u"db/main"_s
        << -1 << QStringList{u"<user>=o'brien"_s} << QStringList{} << QString() << QStringList{}
        << u"SELECT * FROM s WHERE login = 'o''brien';"_s
        << u"psql -X -v 'ON_ERROR_STOP=1' -h 10.0.0.5 -p 5432 -U app -d app <<'OPSDECK_SQL'\n"
           "\\set opsdeck_user 'o''brien'\n"
           "SELECT * FROM s WHERE login = :'opsdeck_user';\nOPSDECK_SQL\n"_s
        << read << -1;
    QTest::addRow("sql values as psql variables")
        << QString() << u"sql"_s
        << u"SELECT \"<col>\", '<user>' FROM t WHERE note = 'by <user>' -- '<user>'\n"
           "  AND id = <id> AND a = '<user>';"_s
        << u"db/main"_s << -1
        << QStringList{u"<col>=Full \"Name\""_s, u"<user>=a\\b\nc'd"_s, u"<id>=42"_s}
        << QStringList{} << QString() << QStringList{}
        << u"SELECT \"Full \"\"Name\"\"\", 'a\\b\nc''d' FROM t WHERE note = 'by a\\b\nc''d' "
           "-- '<user>'\n  AND id = 42 AND a = 'a\\b\nc''d';"_s
        << u"psql -X -v 'ON_ERROR_STOP=1' -h 10.0.0.5 -p 5432 -U app -d app <<'OPSDECK_SQL'\n"
           "\\set opsdeck_col 'Full \"Name\"'\n"
           "\\set opsdeck_user 'a\\\\b\\nc''d'\n"
           "\\set opsdeck_string 'by a\\\\b\\nc''d'\n"
           "SELECT :\"opsdeck_col\", :'opsdeck_user' FROM t WHERE note = :'opsdeck_string' -- "
           "'<user>'\n  AND id = 42 AND a = :'opsdeck_user';\nOPSDECK_SQL\n"_s
        << read << -1;
    QTest::addRow("sql name outside quotes")
        << QString() << u"sql"_s << u"SELECT count(*) FROM <table-name>;"_s << u"db/main"_s << -1
        << QStringList{u"<table-name>=public.users"_s} << QStringList{} << QString()
        << QStringList{} << u"SELECT count(*) FROM public.users;"_s
        << u"psql -X -v 'ON_ERROR_STOP=1' -h 10.0.0.5 -p 5432 -U app -d app <<'OPSDECK_SQL'\n"
           "SELECT count(*) FROM public.users;\nOPSDECK_SQL\n"_s
        << read << -1;
    QTest::addRow("sql variable outside quotes")
        << QString() << u"sql"_s << u"SELECT <n>;"_s << u"db/main"_s << -1
        << QStringList{u"<n>=:x"_s} << QStringList{} << u"<n> stands outside quotes in this SQL"_s
        << QStringList{} << QString() << QString() << read << -1;
    QTest::addRow("sql value in a dollar quote")
        << QString() << u"sql"_s << u"SELECT $$<x>$$;"_s << u"db/main"_s << -1
        << QStringList{u"<x>=a$$; DROP TABLE t; --"_s} << QStringList{}
        << u"<x> stands in quotes that psql passes no variables into"_s << QStringList{}
        << QString() << QString() << read << -1;
    QTest::addRow("sql delimiter in the text")
        << QString() << u"sql"_s << u"SELECT 'OPSDECK_SQL';"_s << u"db/main"_s << -1
        << QStringList{} << QStringList{} << QString() << QStringList{}
        << u"SELECT 'OPSDECK_SQL';"_s
        << u"psql -X -v 'ON_ERROR_STOP=1' -h 10.0.0.5 -p 5432 -U app -d app <<'OPSDECK_SQL_'\n"
           "SELECT 'OPSDECK_SQL';\nOPSDECK_SQL_\n"_s
        << read << -1;
    QTest::addRow("sql value outside quotes")
        << QString() << u"sql"_s << u"SELECT pg_cancel_backend(<pid>);"_s << u"db/main"_s << -1
        << QStringList{u"<pid>=1; DROP TABLE t"_s} << QStringList{}
        << u"<pid> stands outside quotes in this SQL"_s << QStringList{} << QString() << QString()
        << change << -1;
    QTest::addRow("sql without a database")
        << QString() << u"sql"_s << u"SELECT 1;"_s << QString() << -1 << QStringList{}
        << QStringList{} << u"choose a database for this SQL step"_s << QStringList{} << QString()
        << QString() << read << -1;
    QTest::addRow("sql on an unknown database")
        << QString() << u"sql"_s << u"SELECT 1;"_s << u"db/other"_s << -1 << QStringList{}
        << QStringList{} << u"the workspace has no database 'db/other'"_s << QStringList{}
        << QString() << QString() << read << -1;
    QTest::addRow("too long for a command line")
        << QString() << u"bash"_s << u"echo <x>"_s << host << -1
        << QStringList{u"<x>="_s + QString(130 * 1024, u'x')} << QStringList{}
        << u"this step with its values and carried variables is 130 KiB"_s << QStringList{}
        << QString() << QString() << read << -1;
}

void StepScriptTest::prepares()
{
    QFETCH(QString, before);
    QFETCH(QString, language);
    QFETCH(QString, code);
    QFETCH(QString, target);
    QFETCH(int, line);
    QFETCH(QStringList, values);
    QFETCH(QStringList, variables);
    QFETCH(QString, error);
    QFETCH(QStringList, missing);
    QFETCH(QString, shown);
    QFETCH(QString, script);
    QFETCH(int, risk);
    QFETCH(int, chosenLine);

    const RunbookBlock block = blockOf(before, language, code);
    StepInputs inputs;
    inputs.target = target;
    inputs.line = line;
    inputs.values = mapOf(values);
    inputs.variables = mapOf(variables);
    inputs.markerToken = Token;
    const PreparedStep prepared = prepareStep(block, workspace(), inputs);

    QVERIFY2(error.isEmpty() ? prepared.error.isEmpty() : prepared.error.startsWith(error),
             qPrintable(prepared.error));
    QCOMPARE(prepared.missingValues, missing);
    QCOMPARE(prepared.canRun(), error.isEmpty() && missing.isEmpty());
    QCOMPARE(prepared.target, target);
    QCOMPARE(int(prepared.request.risk), risk);
    QCOMPARE(prepared.riskReason.isEmpty(), risk == int(Risk::Read));
    QCOMPARE(prepared.line, chosenLine);
    QVERIFY(!prepared.step.isValid()); // the session names the step
    if (!error.isEmpty())
        return;
    QCOMPARE(prepared.shownCommand, shown);
    if (language == u"sql") {
        QCOMPARE(prepared.request.script, script);
        QVERIFY(prepared.request.argv.isEmpty());
        QCOMPARE(prepared.request.environment.value(u"PGSSLMODE"_s), u"require"_s);
        QCOMPARE(prepared.request.environment.value(u"PGCONNECT_TIMEOUT"_s), u"10"_s);
    } else {
        QCOMPARE(prepared.request.argv.value(0), u"bash"_s);
        QCOMPARE(prepared.request.argv.value(1), u"-c"_s);
        QCOMPARE(prepared.request.argv.value(2), script);
        QVERIFY(prepared.request.script.isEmpty());
        QVERIFY(prepared.capturedVariables.isEmpty());
    }
}

void StepScriptTest::capturedVariablesEndTheScript()
{
    const RunbookBlock block =
        blockOf({}, u"sh"_s, u"PID=$(pgrep nginx)\nfor f in a b; do :; done\necho \"$PID\""_s);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.markerToken = Token;
    const PreparedStep prepared = prepareStep(block, workspace(), inputs);
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QCOMPARE(prepared.capturedVariables, (QStringList{u"PID"_s, u"f"_s}));
    QCOMPARE(prepared.variablesMarker, QByteArray("\n\036OPSDECK-VARIABLES-7e57\036\n"));
    QCOMPARE(prepared.request.argv.value(0), u"sh"_s);
    QCOMPARE(prepared.request.argv.value(2),
             u"PID=$(pgrep nginx)\nfor f in a b; do :; done\necho \"$PID\""_s + Marker +
                 u"[ \"${PID+set}\" = set ] && printf '%s\\0%s\\0' PID \"$PID\"\n"
                 "[ \"${f+set}\" = set ] && printf '%s\\0%s\\0' f \"$f\"\n"
                 "exit $__opsdeck_status"_s);
}

void StepScriptTest::sameInputsSameStep()
{
    const RunbookBlock block = blockOf({}, u"bash"_s, u"X=<x>\necho \"$X\" $1"_s);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.values = mapOf({u"<x>=1"_s, u"$1=2"_s});
    inputs.markerToken = Token;
    const PreparedStep first = prepareStep(block, workspace(), inputs);
    const PreparedStep second = prepareStep(block, workspace(), inputs);
    QVERIFY(first.canRun());
    QCOMPARE(first.request.argv, second.request.argv);
    QCOMPARE(first.variablesMarker, second.variablesMarker);
    inputs.markerToken = "other";
    QVERIFY(prepareStep(block, workspace(), inputs).request.argv != first.request.argv);
}

void StepScriptTest::scriptsParse_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addRow("quotes everywhere")
        << u"echo \"<v>\" '<v>' <v> $(echo <v>) `echo <v>` \"$(echo \"<v>\")\""_s << -1;
    QTest::addRow("heredocs") << u"cat <<EOF\n<v>\nEOF\ncat <<'EOF'\n<v>\nEOF"_s << -1;
    QTest::addRow("a line of a loop")
        << u"for h in a b; do\n  stat \"$h\" <v>\ndone\necho <v>"_s << 1;
    QTest::addRow("a pipeline over lines") << u"ps aux |\n  grep <v> |\n  head\nid"_s << 1;
}

// What runs parses as shell, value and all (bash -n reads without running).
void StepScriptTest::scriptsParse()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.line = line;
    inputs.values = mapOf({u"<v>=x'y\"z$(id)`w` ;|&\\"_s});
    inputs.markerToken = Token;
    const PreparedStep prepared = prepareStep(blockOf({}, u"bash"_s, code), workspace(), inputs);
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QVERIFY(!prepared.request.argv.value(2).contains(u"<v>"_s)); // every one filled
    QProcess bash;
    bash.start(u"bash"_s, {u"-n"_s, u"-c"_s, prepared.request.argv.value(2)});
    QVERIFY(bash.waitForFinished(10000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
}

void StepScriptTest::logicalLines_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected"); // "first-last" per logical line

    QTest::newRow("plain lines") << u"uptime\nfree -m"_s << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::newRow("blank lines skipped")
        << u"uptime\n\n  \nfree -m"_s << QStringList{u"0-0"_s, u"3-3"_s};
    QTest::newRow("continuation") << u"curl -fsS \\\n  -o /dev/null \\\n  http://x\nid"_s
                                  << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("heredoc body belongs to its command")
        << u"cat > f <<'EOF'\na=1\nEOF\necho done"_s << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("two heredocs on one line")
        << u"paste <<A <<B\n1\nA\n2\nB\nls"_s << QStringList{u"0-4"_s, u"5-5"_s};
    QTest::newRow("unclosed heredoc runs to the end")
        << u"cat <<EOF\nx\ny"_s << QStringList{u"0-2"_s};
    QTest::newRow("quote across lines")
        << u"kubectl exec api -- sh -c '\n  rm -rf /tmp/cache\n'\nuptime"_s
        << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("loop") << u"for dir in a b; do\n  rm -rf \"$dir\"/tmp\ndone\nls"_s
                          << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("if with else") << u"if pgrep nginx; then\n  echo up\nelse\n  echo down\nfi"_s
                                  << QStringList{u"0-4"_s};
    QTest::newRow("case patterns") << u"case $x in\n  a) echo a ;;\n  *) echo b ;;\nesac\nid"_s
                                   << QStringList{u"0-3"_s, u"4-4"_s};
    QTest::newRow("done as an argument")
        << u"echo done\necho fi"_s << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::newRow("group and subshell") << u"{\n  echo a\n}\n(\n  cd /tmp && ls\n)\nid"_s
                                        << QStringList{u"0-2"_s, u"3-5"_s, u"6-6"_s};
    QTest::newRow("heredoc in a loop") << u"while read l; do\n  cat <<EOF\ndone\nEOF\ndone\nid"_s
                                       << QStringList{u"0-4"_s, u"5-5"_s};
    QTest::newRow("comment with a quote") << u"# don't\nid"_s << QStringList{u"0-0"_s, u"1-1"_s};
    // The shell reads on after a line that ends in | && or ||.
    QTest::newRow("pipe at the end of a line")
        << u"ps aux |\n  grep nginx &&\n  echo found\nid"_s << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("comment after a pipe")
        << u"ps aux | # all\n  head\nid"_s << QStringList{u"0-1"_s, u"2-2"_s};
    QTest::newRow("case in a subshell")
        << u"(\n  case $1 in\n    a) echo a ;;\n  esac\n)\nid"_s << QStringList{u"0-4"_s, u"5-5"_s};
    QTest::newRow("brace group on one line")
        << u"{ echo a; echo b; } > log\nid"_s << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::newRow("function") << u"f() {\n  echo hi\n}\nf"_s << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::newRow("escaped backslash ends the line")
        << u"echo a\\\\\necho b"_s << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::newRow("heredoc opened in a substitution")
        << u"x=$(cat <<EOF\n)\nEOF\n)\necho \"$x\""_s << QStringList{u"0-3"_s, u"4-4"_s};
}

void StepScriptTest::logicalLines()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const ShellLine &line : logicalShellLines(script))
        actual.append(u"%1-%2"_s.arg(line.firstLine).arg(line.lastLine));
    QCOMPARE(actual, expected);
}

void StepScriptTest::otherShells_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("error"); // its start; empty: it runs
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("streams");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("script"); // argv[2], when it runs

    const QString pod =
        u"kubectl exec -it <pod> -- sh\nls <dir>\ntail -f /tmp/x.log\nexit\nuptime"_s;
    const QStringList values{u"<pod>=api-0"_s, u"<dir>=a b"_s};
    // In the pod's shell `ls <dir>` reads ls 'a b'; the whole script is quoted once more for
    // the shell that runs kubectl.
    const QString lines = uR"('ls '\''a b'\''
tail -f /tmp/x.log')"_s;
    const QString prologue = u"__opsdeck_dir='a b'\n__opsdeck_pod=api-0\n"_s;
    QTest::addRow("whole: the lines typed in the pod are one script")
        << pod << -1 << values << QString() << false << true
        << u"kubectl exec api-0 -- sh -c "_s + lines + u"\nuptime"_s
        << prologue + u"kubectl exec \"${__opsdeck_pod}\" -- sh -c "_s + lines + u"\nuptime"_s;
    QTest::addRow("a line typed in the pod, alone")
        << pod << 1 << values << QString() << false << false
        << uR"(kubectl exec api-0 -- sh -c 'ls '\''a b'\''')"_s
        << prologue + uR"(kubectl exec "${__opsdeck_pod}" -- sh -c 'ls '\''a b'\''')"_s;
    QTest::addRow("the streaming line in the pod")
        << pod << 2 << values << QString() << false << true
        << u"kubectl exec api-0 -- sh -c 'tail -f /tmp/x.log'"_s
        << u"__opsdeck_pod=api-0\nkubectl exec \"${__opsdeck_pod}\" -- sh -c 'tail -f /tmp/x.log'"_s;
    QTest::addRow("the opener's line: everything typed there")
        << pod << 0 << values << QString() << false << true
        << u"kubectl exec api-0 -- sh -c "_s + lines
        << prologue + u"kubectl exec \"${__opsdeck_pod}\" -- sh -c "_s + lines;
    QTest::addRow("the exit line") << pod << 3 << values << u"line 4 leaves the shell"_s << false
                                   << false << QString() << QString();
    QTest::addRow("a line after the exit runs here")
        << pod << 4 << values << QString() << false << false << u"uptime"_s << u"uptime"_s;
    const QString client = u"psql -h <db>\nSELECT 1;\n\\q"_s;
    QTest::addRow("for a terminal, shown for Copy")
        << client << -1 << QStringList{u"<db>=db-1"_s} << u"run this step in a terminal: psql"_s
        << true << false << u"psql -h db-1\nSELECT 1;\n\\q"_s << QString();
    QTest::addRow("a line typed at the client's prompt")
        << client << 1 << QStringList{u"<db>=db-1"_s} << u"run this line in a terminal: psql"_s
        << true << false << u"SELECT 1;"_s << QString();
}

// Lines typed in another shell run inside it, values quoted for that shell; steps for a
// terminal are refused but shown with their values for Copy.
void StepScriptTest::otherShells()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(QStringList, values);
    QFETCH(QString, error);
    QFETCH(bool, terminal);
    QFETCH(bool, streams);
    QFETCH(QString, shown);
    QFETCH(QString, script);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.line = line;
    inputs.values = mapOf(values);
    inputs.markerToken = Token;
    const PreparedStep prepared = prepareStep(blockOf({}, u"bash"_s, code), workspace(), inputs);
    QVERIFY2(error.isEmpty() ? prepared.error.isEmpty() : prepared.error.startsWith(error),
             qPrintable(prepared.error));
    QCOMPARE(prepared.terminalOnly, terminal);
    QCOMPARE(!prepared.streams.isEmpty(), streams);
    QCOMPARE(prepared.shownCommand, shown);
    if (!error.isEmpty())
        return;
    QCOMPARE(prepared.request.argv.value(2), script);
    QProcess bash;
    bash.start(u"bash"_s, {u"-n"_s, u"-c"_s, script});
    QVERIFY(bash.waitForFinished(10000));
    QCOMPARE(bash.exitCode(), 0);
}

QTEST_GUILESS_MAIN(StepScriptTest)
#include "tst_stepscript.moc"
