// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "core/risk.h"
#include "remote/commandrunner.h"
#include "remote/localexecutor.h"
#include "runbooks/runbooksession.h"
#include "state/statestore.h"

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using CommandTesting::localWorkspace;

namespace {

// What a real sh prints for `printf '%s' <text>`, so quoting is judged by the shell itself.
QString shellOutput(const QString &script)
{
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, script});
    sh.waitForFinished(10000);
    return QString::fromUtf8(sh.readAllStandardOutput());
}

} // namespace

class RunbookSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void logicalLines_data();
    void logicalLines();
    void filledValuesReachTheShellVerbatim_data();
    void filledValuesReachTheShellVerbatim();

    void runsAStepAndKeepsItsOutput();
    void variablesCarryToLaterSteps();
    void placeholdersMustBeFilledAndAreRemembered();
    void positionalAndVariablePlaceholders();
    void runLineRunsOnlyThatCommand();
    void runSectionStopsAtTheFirstFailure();
    void stopCancelsTheRunningStep();
    void riskyStepsNeedConfirmation();
    void readOnlyModeRefusesChanges();
    void unterminatedHeredocIsRefusedAsAWhole();
    void manualChecksCountTowardsProgress();
    void blockReadingStdinDoesNotSwallowTheScript();
    void seedStepsPrepareToValidShell_data();
    void seedStepsPrepareToValidShell();

private:
    std::unique_ptr<RunbookSession> makeSession(const QByteArray &markdown,
                                                const QString &sourceId = u"test.md"_s);
    // Runs step and waits for its end; the step's run afterwards.
    StepRun runAndWait(RunbookSession &session, RunbookStepId step, int line = -1);

    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<LocalExecutor> m_executor;
};

void RunbookSessionTest::init()
{
    QSettings().clear();
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_executor = std::make_unique<LocalExecutor>(u"this-computer"_s);
}

void RunbookSessionTest::cleanup()
{
    m_executor.reset();
    m_audited.reset();
}

std::unique_ptr<RunbookSession> RunbookSessionTest::makeSession(const QByteArray &markdown,
                                                                const QString &sourceId)
{
    auto session = std::make_unique<RunbookSession>(
        &m_audited->runner, [this](const QString &host) -> Executor * {
            return host == m_executor->hostName() ? m_executor.get() : nullptr;
        });
    session->setWorkspace(localWorkspace(u"this-computer"_s));
    session->setRunbook(parseRunbook(markdown, sourceId), sourceId);
    return session;
}

StepRun RunbookSessionTest::runAndWait(RunbookSession &session, RunbookStepId step, int line)
{
    QSignalSpy finished(&session, &RunbookSession::stepFinished);
    if (session.run(step, line))
        finished.wait(20000);
    return session.stepRun(step);
}

void RunbookSessionTest::logicalLines_data()
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
}

void RunbookSessionTest::logicalLines()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const ShellLine &line : logicalShellLines(script))
        actual.append(u"%1-%2"_s.arg(line.firstLine).arg(line.lastLine));
    QCOMPARE(actual, expected);
}

void RunbookSessionTest::filledValuesReachTheShellVerbatim_data()
{
    QTest::addColumn<QString>("script"); // prints the placeholder <value> in some quoting
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    const QString nasty = u"a b'c\"d$(id)`id`\\e;rm -rf /"_s;
    QTest::newRow("bare word") << u"printf '%s' <value>"_s << nasty << nasty;
    QTest::newRow("inside double quotes")
        << u"printf '%s' \"[<value>]\""_s << nasty << u"["_s + nasty + u"]"_s;
    QTest::newRow("inside single quotes")
        << u"printf '%s' 'x<value>y'"_s << nasty << u"x"_s + nasty + u"y"_s;
    QTest::newRow("expanding heredoc") << u"cat <<EOF\n<value>\nEOF"_s << nasty << nasty + u"\n"_s;
    QTest::newRow("literal heredoc")
        << u"cat <<'EOF'\n<value>\nEOF"_s << u"$(id) `x`"_s << u"$(id) `x`\n"_s;
    QTest::newRow("plain value stays readable")
        << u"printf '%s' <value>"_s << u"web-1"_s << u"web-1"_s;
}

void RunbookSessionTest::filledValuesReachTheShellVerbatim()
{
    QFETCH(QString, script);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QString filled = fillTextPlaceholders(script, {{u"<value>"_s, value}});
    QVERIFY(!filled.contains(u"<value>"_s));
    QCOMPARE(shellOutput(filled), expected);
}

void RunbookSessionTest::runsAStepAndKeepsItsOutput()
{
    auto session = makeSession("# Check\n\n```bash\necho hello\necho oops >&2\n```\n");
    QCOMPARE(session->stepCount(), 1);
    const RunbookStepId step = session->steps().constFirst();
    QSignalSpy output(session.get(), &RunbookSession::stepOutput);
    const StepRun run = runAndWait(*session, step);
    QVERIFY(run.state == StepState::Succeeded);
    QVERIFY(run.output.contains(u"hello\n"_s));
    QVERIFY(run.output.contains(u"oops\n"_s));
    QVERIFY(!output.isEmpty());
    QCOMPARE(run.target, u"this-computer"_s);
    QCOMPARE(run.result.exitCode, 0);
    QVERIFY(run.done);
    QCOMPARE(session->completedCount(), 1);
}

void RunbookSessionTest::variablesCarryToLaterSteps()
{
    auto session = makeSession("# Run\n\n```bash\nGREETING='hi there'\nCOUNT=$((1 + 2))\n"
                               "echo set\n```\n\n```bash\necho \"[$GREETING] [$COUNT]\"\n```\n");
    const QList<RunbookStepId> steps = session->steps();
    QCOMPARE(steps.size(), 2);
    // The second block's $GREETING is no placeholder: an earlier block assigns it.
    QVERIFY(session->block(steps[1]).placeholders.isEmpty());
    const StepRun first = runAndWait(*session, steps[0]);
    QVERIFY2(first.state == StepState::Succeeded,
             qPrintable(first.output + first.message + first.result.summary()));
    QCOMPARE(first.output, u"set\n"_s); // the variables marker is not shown
    QCOMPARE(session->variables().value(u"GREETING"_s), u"hi there"_s);
    QCOMPARE(session->variables().value(u"COUNT"_s), u"3"_s);
    const StepRun second = runAndWait(*session, steps[1]);
    QCOMPARE(second.output, u"[hi there] [3]\n"_s);

    session->clearVariables();
    QVERIFY(session->variables().isEmpty());
}

void RunbookSessionTest::placeholdersMustBeFilledAndAreRemembered()
{
    const QByteArray markdown = "# Logs\n\n```bash\necho \"pod=<pod-name>\"\n```\n";
    {
        auto session = makeSession(markdown);
        const RunbookStepId step = session->steps().constFirst();
        QCOMPARE(session->placeholders(), QStringList{u"<pod-name>"_s});
        QVERIFY(!session->run(step));
        QVERIFY(session->stepRun(step).state == StepState::Refused);
        QVERIFY(session->stepRun(step).message.contains(u"<pod-name>"_s));

        session->setPlaceholderValue(u"<pod-name>"_s, u"api-7f9c"_s);
        QCOMPARE(session->prepare(step).shownCommand, u"echo \"pod=api-7f9c\""_s);
        const StepRun run = runAndWait(*session, step);
        QCOMPARE(run.output, u"pod=api-7f9c\n"_s);
    }
    // Another session on the same runbook and host gets the value back; another runbook not.
    auto again = makeSession(markdown);
    QCOMPARE(again->placeholderValue(u"<pod-name>"_s), u"api-7f9c"_s);
    auto other = makeSession(markdown, u"other.md"_s);
    QVERIFY(other->placeholderValue(u"<pod-name>"_s).isEmpty());
}

void RunbookSessionTest::positionalAndVariablePlaceholders()
{
    auto session = makeSession("# Args\n\n```bash\necho \"$1/$2 ${BACKUP_DATE}\"\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    QCOMPARE(session->placeholders(), (QStringList{u"$1"_s, u"$2"_s, u"$BACKUP_DATE"_s}));
    session->setPlaceholderValue(u"$1"_s, u"one"_s);
    session->setPlaceholderValue(u"$2"_s, u"two words"_s);
    session->setPlaceholderValue(u"$BACKUP_DATE"_s, u"2026-11-30"_s);
    QCOMPARE(runAndWait(*session, step).output, u"one/two words 2026-11-30\n"_s);
}

void RunbookSessionTest::runLineRunsOnlyThatCommand()
{
    auto session = makeSession("# Lines\n\n```bash\necho first\necho second \\\n  continued\n"
                               "echo third\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    // Line 2 (0-based) is the continuation of line 1: the whole logical line runs.
    QCOMPARE(runAndWait(*session, step, 2).output, u"second continued\n"_s);
    QCOMPARE(runAndWait(*session, step, 3).output, u"third\n"_s);
    QVERIFY(!session->run(step, 9));
    QVERIFY(session->stepRun(step).state == StepState::Refused);
}

void RunbookSessionTest::runSectionStopsAtTheFirstFailure()
{
    auto session = makeSession("# Diagnosis\n\n## One\n\n```bash\necho a\n```\n\n## Two\n\n"
                               "```bash\necho b; exit 3\n```\n\n```bash\necho c\n```\n\n"
                               "# Other\n\n```bash\necho other\n```\n");
    const QList<RunbookStepId> steps = session->stepsOfSection(0);
    QCOMPARE(steps.size(), 3); // the level-1 section includes its sub-sections, not "Other"
    QSignalSpy sectionFinished(session.get(), &RunbookSession::sectionFinished);
    QVERIFY(session->runSection(0));
    QVERIFY(sectionFinished.wait(20000));
    QCOMPARE(sectionFinished.at(0).at(0).toInt(), 0);
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), false);
    QVERIFY(session->stepRun(steps[0]).state == StepState::Succeeded);
    QVERIFY(session->stepRun(steps[1]).state == StepState::Failed);
    QCOMPARE(session->stepRun(steps[1]).result.exitCode, 3);
    QVERIFY(session->stepRun(steps[2]).state == StepState::NotRun);

    auto passing = makeSession("# All good\n\n```bash\necho a\n```\n\n```bash\necho b\n```\n");
    QSignalSpy passed(passing.get(), &RunbookSession::sectionFinished);
    QVERIFY(passing->runSection(0));
    QVERIFY(passed.wait(20000));
    QCOMPARE(passed.at(0).at(1).toBool(), true);
    QCOMPARE(passing->completedCount(), 2);
}

void RunbookSessionTest::stopCancelsTheRunningStep()
{
    auto session = makeSession("# Wait\n\n```bash\necho waiting; sleep 30\n```\n\n"
                               "```bash\necho never\n```\n");
    QSignalSpy output(session.get(), &RunbookSession::stepOutput);
    QSignalSpy sectionFinished(session.get(), &RunbookSession::sectionFinished);
    QVERIFY(session->runSection(0));
    QVERIFY(session->isRunning());
    QVERIFY(output.wait(10000));
    session->stop();
    QVERIFY(sectionFinished.wait(10000));
    QVERIFY(!session->isRunning());
    QVERIFY(session->stepRun(session->steps()[0]).state == StepState::Cancelled);
    QVERIFY(session->stepRun(session->steps()[1]).state == StepState::NotRun);
}

void RunbookSessionTest::riskyStepsNeedConfirmation()
{
    auto session = makeSession("# Fix\n\n```bash\nsystemctl restart opsdeck-none 2>/dev/null "
                               "|| echo restarted\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    QVERIFY(session->block(step).risk == Risk::Change);
    QVERIFY(!session->run(step)); // no one to ask: refused
    QVERIFY(session->stepRun(step).state == StepState::Refused);

    QList<PreparedStep> asked;
    session->setConfirmation([&](const PreparedStep &prepared) {
        asked.append(prepared);
        return false;
    });
    QVERIFY(!session->run(step));
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked[0].request.risk == Risk::Change);
    QVERIFY(!asked[0].riskReason.isEmpty());

    session->setConfirmation([](const PreparedStep &) { return true; });
    QVERIFY(runAndWait(*session, step).state != StepState::Refused);
}

void RunbookSessionTest::readOnlyModeRefusesChanges()
{
    m_audited->readOnly.setEnabled(true);
    auto session = makeSession("# Fix\n\n```bash\nkill -9 999999\n```\n");
    session->setConfirmation([](const PreparedStep &) { return true; });
    const StepRun run = runAndWait(*session, session->steps().constFirst());
    QVERIFY(run.state == StepState::Failed);
    QVERIFY(run.result.outcome == CommandResult::Outcome::Failed);
    QVERIFY(!run.message.isEmpty());
}

void RunbookSessionTest::unterminatedHeredocIsRefusedAsAWhole()
{
    auto session = makeSession("# Config\n\n```bash\necho before\ncat <<EOF\nkey=1\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    QVERIFY(session->block(step).unterminatedHeredoc);
    QVERIFY(!session->run(step));
    QVERIFY(session->stepRun(step).message.contains(u"here-document"_s));
    QCOMPARE(runAndWait(*session, step, 0).output, u"before\n"_s);
}

void RunbookSessionTest::manualChecksCountTowardsProgress()
{
    auto session = makeSession("# Daily\n\n- [ ] Check dashboards\n- [ ] Check backups\n\n"
                               "```bash\ntrue\n```\n");
    QCOMPARE(session->stepCount(), 3);
    QSignalSpy progress(session.get(), &RunbookSession::progressChanged);
    session->setDone(session->steps()[0], true);
    QCOMPARE(session->completedCount(), 1);
    QCOMPARE(progress.last().at(0).toInt(), 1);
    QCOMPARE(progress.last().at(1).toInt(), 3);
    QVERIFY(!session->run(session->steps()[0])); // a manual check does not run
    QSignalSpy marked(session.get(), &RunbookSession::markedDone);
    QSignalSpy committed(session.get(), &RunbookSession::notesCommitted);
    session->setDone(session->steps()[1], true);
    QCOMPARE(marked.size(), 1);
    QCOMPARE(marked.at(0).at(1).toBool(), true);
    session->setNotes(session->steps()[1], u"backup of 03:00 missing"_s);
    QCOMPARE(session->stepRun(session->steps()[1]).notes, u"backup of 03:00 missing"_s);
    QVERIFY(committed.isEmpty()); // typing is not yet a note for the record
    session->commitNotes(session->steps()[1]);
    session->commitNotes(session->steps()[1]); // unchanged: once is enough
    QCOMPARE(committed.size(), 1);
    QCOMPARE(committed.at(0).at(1).toString(), u"backup of 03:00 missing"_s);
    session->setNotes(session->steps()[2], u"   "_s);
    session->commitNotes(session->steps()[2]); // blank notes are nothing to record
    QCOMPARE(committed.size(), 1);
}

void RunbookSessionTest::blockReadingStdinDoesNotSwallowTheScript()
{
    // Fed on stdin, `cat` would eat the lines after it; as an argument it sees end of input.
    auto session = makeSession("# Stdin\n\n```bash\nX=$(cat)\necho \"after [$X]\"\n```\n");
    const StepRun run = runAndWait(*session, session->steps().constFirst());
    QCOMPARE(run.output, u"after []\n"_s);
    QCOMPARE(session->variables().value(u"X"_s), QString());
}

void RunbookSessionTest::seedStepsPrepareToValidShell_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("flagged"); // blocks that only run line by line
    QTest::newRow("000") << u"000_fd0a1e1682d72f15.txt"_s << 0;
    QTest::newRow("001") << u"001_85a77e70dee42870.txt"_s << 0;
    QTest::newRow("002") << u"002_0c5c8760a781de0d.txt"_s << 0;
    // recovery.conf (lost <<EOF), and psql followed by the statements to type in it
    QTest::newRow("003") << u"003_b05b49d288a4692d.txt"_s << 2;
    QTest::newRow("004") << u"004_d84d9a38bb43653f.txt"_s << 0;
}

// Every step of every seed, with its placeholders filled, is a script the shell accepts: what
// an operator runs step by step is what the seed says, nothing lost or mangled on the way.
void RunbookSessionTest::seedStepsPrepareToValidShell()
{
    QFETCH(QString, file);
    QFETCH(int, flagged);
    const QString path = QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/") + file;
    QFile seed(path);
    QVERIFY(seed.open(QIODevice::ReadOnly));
    auto session = makeSession(seed.readAll(), path);
    Workspace workspace = localWorkspace(u"this-computer"_s);
    Database database;
    database.name = u"main"_s;
    database.database = u"app"_s;
    database.user = u"app"_s;
    workspace.environments[0].hosts[0].databases.append(database);
    session->setWorkspace(workspace);
    for (const QString &placeholder : session->placeholders())
        session->setPlaceholderValue(placeholder, u"value with 'quotes' and $(x)"_s);

    int prepared = 0;
    int refused = 0;
    for (const RunbookStepId &step : session->steps()) {
        if (!session->block(step).isRunnable())
            continue;
        const PreparedStep ready = session->prepare(step);
        if (!ready.canRun()) {
            QVERIFY2(!session->block(step).wholeRunProblem.isEmpty(), qPrintable(ready.error));
            ++refused;
            continue;
        }
        ++prepared;
        // bash -n parses without running; a psql step is an sh script with a here-document.
        const QString shell = ready.request.argv.isEmpty() ? u"sh"_s : ready.request.argv[0];
        const QString script =
            ready.request.argv.isEmpty() ? ready.request.script : ready.request.argv[2];
        QProcess check;
        check.start(shell, {u"-n"_s, u"-c"_s, script});
        QVERIFY(check.waitForFinished(10000));
        QVERIFY2(check.exitCode() == 0,
                 qPrintable(u"line %1: %2\n%3"_s.arg(session->block(step).line)
                                .arg(QString::fromUtf8(check.readAllStandardError()), script)));
    }
    QCOMPARE(refused, flagged);
    QVERIFY(prepared > 0);
}

QTEST_GUILESS_MAIN(RunbookSessionTest)
#include "tst_runbooksession.moc"
