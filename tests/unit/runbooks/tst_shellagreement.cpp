// SPDX-License-Identifier: GPL-3.0-or-later
// Risk, placeholders, here-documents and Run Line read shell through one lexer. These tests
// hold them to agreeing with each other, and with bash, on what is a command, what a comment
// and what text, for tricky lines and for every block of the seed and built-in runbooks.
#include "models/remote/commandrisk.h"
#include "models/remote/shelllexer.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/stepscript.h"
#include "shelllexerchecks.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// Where the probe stands: a command the shell runs, a comment, or text (quoted, or a
// here-document's body) that another program gets.
enum class Where { Command, Comment, Text };

// OpsDeck's probe: a destructive command with a placeholder.
const QString Probe = u"rm [probe-x]"_s;

QString bashOutput(const QString &script, int *exitCode)
{
    QProcess bash;
    bash.start(u"bash"_s, {u"-c"_s, script});
    if (!bash.waitForFinished(10000))
        return {};
    *exitCode = bash.exitCode();
    return QString::fromUtf8(bash.readAllStandardOutput());
}

bool parsesAsShell(const QString &interpreter, const QString &script, QString *error)
{
    QProcess shell;
    // A zsh fence runs with zsh; where this machine has none, bash judges its syntax.
    shell.start(QStandardPaths::findExecutable(interpreter).isEmpty() ? u"bash"_s : interpreter,
                {u"-n"_s, u"-c"_s, script});
    if (!shell.waitForFinished(10000))
        return false;
    *error = QString::fromUtf8(shell.readAllStandardError());
    return shell.exitCode() == 0;
}

QStringList linesOf(const QList<ShellLine> &lines)
{
    QStringList entries;
    for (const ShellLine &line : lines)
        entries.append(u"%1-%2"_s.arg(line.firstLine).arg(line.lastLine));
    return entries;
}

QList<ShellSpan> commentSpans(const ShellLexResult &lexed)
{
    QList<ShellSpan> spans;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (token.kind == ShellToken::Kind::Comment)
            spans.append(token.span);
    });
    return spans;
}

// The runbooks whose blocks are checked: the seeds our users sent, the built-in ones, and the
// wild ones written as teams write them.
QStringList runbookFiles()
{
    QStringList files;
    const QDir seeds(QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds"));
    for (const QString &name : seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
        files.append(seeds.filePath(name));
    const QDir builtIn(QStringLiteral(OPSDECK_SOURCE_DIR "/resources/runbooks"));
    for (const QString &name : builtIn.entryList({u"*.md"_s}, QDir::Files, QDir::Name))
        files.append(builtIn.filePath(name));
    const QDir wild(QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/wild"));
    for (const QString &name : wild.entryList({u"*.md"_s}, QDir::Files, QDir::Name))
        files.append(wild.filePath(name));
    return files;
}

} // namespace

class ShellAgreementTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probes_data();
    void probes();
    void runbookBlocks_data();
    void runbookBlocks();
    void runLinesParse_data();
    void runLinesParse();
};

void ShellAgreementTest::probes_data()
{
    QTest::addColumn<QString>("text"); // PROBE marks where the probe command goes
    QTest::addColumn<int>("where");
    QTest::addColumn<QStringList>("lines"); // Run Line's logical lines

    const int command = int(Where::Command), comment = int(Where::Comment), text = int(Where::Text);
    const QStringList one{u"0-0"_s};
    QTest::addRow("quoted hash") << u"echo '#'; PROBE"_s << command << one;
    QTest::addRow("hash inside a word") << u"echo a#b; PROBE"_s << command << one;
    QTest::addRow("hash after a blank") << u"echo a #b; PROBE"_s << comment << one;
    QTest::addRow("hash right after ;") << u"true;#PROBE"_s << comment << one;
    QTest::addRow("hash after a redirection") << u"echo a >/dev/null #PROBE"_s << comment << one;
    QTest::addRow("quoted parenthesis in a quoted substitution")
        << u"echo \"$(echo ')')\"; PROBE"_s << command << one;
    QTest::addRow("quoted hash in a quoted substitution")
        << u"echo \"$(echo '#')\" # x\nPROBE"_s << command << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::addRow("escaped hash") << u"echo \\#; PROBE"_s << command << one;
    QTest::addRow("hash in a parameter") << u"x=a/b; echo ${x#*/}; PROBE"_s << command << one;
    QTest::addRow("$#") << u"echo $#; PROBE"_s << command << one;
    QTest::addRow("base in arithmetic") << u"echo $((2#101)); PROBE"_s << command << one;
    QTest::addRow("hash in braces") << u"echo {a,#b}; PROBE"_s << command << one;
    QTest::addRow("escaped quote in double quotes")
        << u"echo \"a\\\"#\" ; PROBE"_s << command << one;
    QTest::addRow("ansi-c quote") << u"echo $'it\\'s' # x; PROBE"_s << comment << one;
    QTest::addRow("backticks") << u"echo `echo '#'`; PROBE"_s << command << one;
    QTest::addRow("apostrophe in a comment")
        << u"# don't\nPROBE"_s << command << QStringList{u"0-0"_s, u"1-1"_s};
    QTest::addRow("comment in a substitution")
        << u"x=$(echo a # )\n); PROBE"_s << command << QStringList{u"0-1"_s};
    QTest::addRow("quote across lines")
        << u": 'a\n#b\n'; PROBE"_s << command << QStringList{u"0-2"_s};
    QTest::addRow("after a continuation")
        << u"echo a \\\n # b; PROBE"_s << comment << QStringList{u"0-1"_s};
    QTest::addRow("after esac") << u"case x in x) echo x;; esac # PROBE"_s << comment << one;
    QTest::addRow("here-document with # and quotes")
        << u": <<EOF\n# it's \"quoted\nEOF\nPROBE"_s << command << QStringList{u"0-2"_s, u"3-3"_s};
    QTest::addRow("literal here-document body")
        << u": <<'EOF'\n# PROBE\nEOF"_s << text << QStringList{u"0-2"_s};
    QTest::addRow("expanding here-document body")
        << u": <<EOF\nPROBE # x\nEOF"_s << text << QStringList{u"0-2"_s};
    QTest::addRow("single quotes") << u": 'PROBE'"_s << text << one;
    QTest::addRow("double quotes across lines")
        << u": \"\n# PROBE\n\""_s << text << QStringList{u"0-2"_s};
}

void ShellAgreementTest::probes()
{
    QFETCH(QString, text);
    QFETCH(int, where);
    QFETCH(QStringList, lines);
    const bool isCommand = where == int(Where::Command);
    const bool isComment = where == int(Where::Comment);

    // bash first: what it runs is what the others must agree with.
    const QString forBash = QString(text).replace(u"PROBE"_s, u"echo PROBE-RAN"_s);
    QString error;
    QVERIFY2(parsesAsShell(u"bash"_s, forBash, &error), qPrintable(error));
    int exitCode = -1;
    const QString output = bashOutput(forBash, &exitCode);
    QCOMPARE(output.contains(u"PROBE-RAN"_s), isCommand);

    const QString script = QString(text).replace(u"PROBE"_s, Probe);
    const ShellLexResult lexed = lexShell(script);
    QVERIFY(lexed.problems.isEmpty());
    QVERIFY(ShellLexerChecks::brokenRule(lexed).isEmpty());
    const qsizetype probe = script.indexOf(Probe);
    bool inComment = false;
    for (const ShellSpan &span : commentSpans(lexed))
        inComment = inComment || span.contains(probe);
    QCOMPARE(inComment, isComment);
    bool runs = false;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        runs = runs || (token.span.start == probe && token.isWord(u"rm") && token.commandPosition);
    });
    QCOMPARE(runs, isCommand);

    // The gate sees every rm that bash runs, and never one in a comment. Text that another
    // program gets (cat's here-document) may go either way: it is not run.
    const RiskAssessment risk = assessCommandRisk(script);
    if (isCommand) {
        QVERIFY(risk.risk == Risk::Destroy);
        QVERIFY2(risk.reason.contains(u"`rm`"_s), qPrintable(risk.reason));
    }
    if (isComment)
        QVERIFY(risk.risk != Risk::Destroy);
    QCOMPARE(withoutShellComments(lexed).contains(Probe), !isComment);

    // The placeholder is asked for unless it is a comment, quoted for where it stands.
    QSet<QString> known;
    QCOMPARE(findPlaceholders(script, &known).contains(u"[probe-x]"_s), !isComment);
    const QList<PlaceholderOccurrence> occurrences = placeholderOccurrences(script, nullptr);
    QCOMPARE(occurrences.size(), isComment ? 0 : 1);
    if (!isComment)
        QCOMPARE(occurrences.constFirst().quoting == PlaceholderOccurrence::Quoting::None,
                 isCommand);
    QVERIFY(unterminatedHeredocs(script).isEmpty());

    // Run Line takes whole commands, the same way bash reads them.
    QCOMPARE(linesOf(logicalShellLines(script)), lines);
}

void ShellAgreementTest::runbookBlocks_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = runbookFiles();
    QVERIFY(files.size() >= 5 + 12 + 15);
    for (const QString &file : files)
        QTest::addRow("%s", qPrintable(QFileInfo(file).fileName())) << file;
}

// Every shell block of every runbook: the lexer keeps its rules; no placeholder is asked for
// in a comment; Run Line's logical lines cover each line once, never cut a token, and each is
// a whole command on its own; the unterminated here-documents are the lexer's.
void ShellAgreementTest::runbookBlocks()
{
    QFETCH(QString, file);
    const Runbook runbook = loadRunbookFile(file);
    int blocks = 0;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind != RunbookBlock::Command)
                continue;
            ++blocks;
            const QString where = u"%1:%2"_s.arg(QFileInfo(file).fileName()).arg(block.line);
            const ShellLexResult lexed = lexShell(block.text);
            const QString broken = ShellLexerChecks::brokenRule(lexed);
            QVERIFY2(broken.isEmpty(), qPrintable(where + u": "_s + broken));

            const QList<ShellSpan> comments = commentSpans(lexed);
            for (const PlaceholderOccurrence &occurrence :
                 placeholderOccurrences(block.text, nullptr)) {
                const qsizetype at = lexed.lineStarts.value(occurrence.line) + occurrence.column;
                for (const ShellSpan &comment : comments)
                    QVERIFY2(!comment.contains(at),
                             qPrintable(where + u": "_s + occurrence.placeholder));
            }

            QStringList unterminated;
            for (const ShellLexProblem &problem : lexed.problems) {
                if (problem.kind == ShellLexProblem::Kind::UnterminatedHereDocument)
                    unterminated.append(problem.delimiter);
            }
            QCOMPARE(unterminatedHeredocs(block.text), unterminated);

            const QList<ShellLine> lines = logicalShellLines(block.text);
            QList<int> owner(lexed.lineStarts.size(), -1);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                QVERIFY(lines[i].firstLine <= lines[i].lastLine);
                for (int line = lines[i].firstLine; line <= lines[i].lastLine; ++line) {
                    QVERIFY2(owner[line] < 0, qPrintable(where));
                    owner[line] = int(i);
                }
                // A logical line is a whole command: alone it leaves nothing open, unless the
                // block itself does.
                if (lexed.problems.isEmpty())
                    QVERIFY2(lexShell(lines[i].text).problems.isEmpty(),
                             qPrintable(where + u": "_s + lines[i].text));
            }
            const QStringList physical = block.text.split(u'\n');
            for (qsizetype line = 0; line < physical.size(); ++line) {
                if (!physical[line].trimmed().isEmpty())
                    QVERIFY2(owner[line] >= 0,
                             qPrintable(where + u" line "_s + QString::number(line)));
            }
            for (const ShellToken &token : lexed.tokens) {
                if (token.kind == ShellToken::Kind::Operator) // a newline ends its line
                    continue;
                const int first = owner.value(lexed.lineOf(token.span.start));
                const int last = owner.value(lexed.lineOf(token.span.end() - 1));
                QVERIFY2(first == last, qPrintable(where + u": "_s + token.text));
            }
        }
    }
    QVERIFY(blocks > 0);
}

void ShellAgreementTest::runLinesParse_data()
{
    runbookBlocks_data();
}

// Each logical line of each block runs on its own (Run Line), values filled in: bash (or sh)
// accepts every one of them, so Run Line never hands the shell half a command.
void ShellAgreementTest::runLinesParse()
{
    QFETCH(QString, file);
    const Runbook runbook = loadRunbookFile(file);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.markerToken = "7e57";
    QSet<QString> assigned;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind == RunbookBlock::Command)
                findPlaceholders(block.text, &assigned);
            for (const QString &placeholder : block.placeholders)
                inputs.values.insert(placeholder, u"value with 'quotes' and $(x)"_s);
        }
    }
    for (const QString &name : std::as_const(assigned))
        inputs.variables.insert(name, u"carried"_s);
    int checked = 0;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind != RunbookBlock::Command || !block.wholeRunProblem.isEmpty())
                continue;
            for (const ShellLine &line : logicalShellLines(block.text)) {
                inputs.line = line.firstLine;
                const PreparedStep prepared = prepareStep(block, Workspace(), inputs);
                const QString where =
                    u"%1:%2"_s.arg(QFileInfo(file).fileName()).arg(block.line + line.firstLine);
                if (std::ranges::any_of(block.contextSwitches, [&](const RunbookContextSwitch &s) {
                        return s.exitLine == line.firstLine;
                    })) {
                    // `exit` leaves the shell opened above: it runs only with the lines there.
                    QVERIFY(!prepared.canRun());
                    continue;
                }
                if (prepared.terminalOnly) {
                    // Typed at an interactive program's prompt: for a terminal, not for Run.
                    QVERIFY2(std::ranges::any_of(block.contextSwitches,
                                                 [&](const RunbookContextSwitch &s) {
                                                     return !s.runsInside &&
                                                            s.covers(line.firstLine);
                                                 }),
                             qPrintable(where));
                    continue;
                }
                QVERIFY2(prepared.canRun(), qPrintable(where + u": "_s + prepared.error));
                QString error;
                QVERIFY2(parsesAsShell(prepared.request.argv.value(0),
                                       prepared.request.argv.value(2), &error),
                         qPrintable(where + u": "_s + error + line.text));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(ShellAgreementTest)
#include "tst_shellagreement.moc"
