// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/remote/shellquote.h"
#include "models/runbooks/runbooksession.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
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

// Says yes to every confirmation the session asks for, as an operator would; returns how many
// it answered.
std::shared_ptr<int> confirmAll(RunbookSession *session)
{
    auto answered = std::make_shared<int>(0);
    QObject::connect(session, &RunbookSession::confirmationRequested, session,
                     [session, answered](const ConfirmationRequest &request) {
                         ++*answered;
                         session->answerConfirmation(request.id, true);
                     });
    return answered;
}

} // namespace

class RunbookSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void filledValuesReachTheShellVerbatim_data();
    void filledValuesReachTheShellVerbatim();
    void valuesRunAsVariablesWherever_data();
    void valuesRunAsVariablesWherever();
    void sqlValuesAreQuotedOrRefused_data();
    void sqlValuesAreQuotedOrRefused();
    void partialLinesShowWhileRunning();
    void outputCannotForgeVariables();
    void earlierVariablesMustHaveBeenSet();
    void onlyUsedVariablesAreCarried();
    void sectionEndsWhenAHostIsMissing();
    void anotherRunbookForgetsTheRunningStep();

    void runsAStepAndKeepsItsOutput();
    void variablesCarryToLaterSteps();
    void placeholdersMustBeFilledAndAreRemembered();
    void positionalAndVariablePlaceholders();
    void runLineRunsOnlyThatCommand();
    void runSectionStopsAtTheFirstFailure();
    void stopCancelsTheRunningStep();
    void riskyStepsNeedConfirmation();
    void confirmationIsAnsweredLater();
    void sectionWaitsForTheAnswer();
    void stopWithdrawsTheRequest();
    void readOnlyModeRefusesChanges();
    void unterminatedHeredocIsRefusedAsAWhole();
    void manualChecksCountTowardsProgress();
    void blockReadingStdinDoesNotSwallowTheScript();
    void seedStepsPrepareToValidShell_data();
    void seedStepsPrepareToValidShell();
    void linesTypedInAPodRunThereVerbatim();
    void streamingStepRunsUntilStop();
    void ordinaryStepsTimeOut();
    void streamedOutputKeepsTheNewest();
    void runSectionSkipsStreamingAndTerminalSteps();
    void terminalStepsAreRefusedWithTheirReason();

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

void RunbookSessionTest::valuesRunAsVariablesWherever_data()
{
    QTest::addColumn<QString>("script"); // prints the placeholder <value> in some context
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    const QString nasty = u"a b'c\"d$(id)`id`\\e;rm -rf /tmp/none *"_s;
    QTest::newRow("bare word") << u"printf '%s' <value>"_s << nasty << nasty;
    QTest::newRow("double quotes")
        << u"printf '%s' \"[<value>]\""_s << nasty << u"["_s + nasty + u"]"_s;
    QTest::newRow("single quotes")
        << u"printf '%s' 'x<value>y'"_s << nasty << u"x"_s + nasty + u"y"_s;
    QTest::newRow("inside $( ) in double quotes")
        << u"printf '%s' \"$(printf '%s' <value>)\""_s << u"prod; id"_s << u"prod; id"_s;
    QTest::newRow("quotes inside $( ) inside quotes")
        << u"printf '%s' \"$(printf '%s' \"<value>\")\""_s << u"$(id)"_s << u"$(id)"_s;
    QTest::newRow("backticks") << u"printf '%s' `printf '%s' <value>`"_s << u"x;id"_s << u"x;id"_s;
    QTest::newRow("expanding heredoc") << u"cat <<EOF\n<value>\nEOF"_s << u"hi\nEOF\necho escaped"_s
                                       << u"hi\nEOF\necho escaped\n"_s;
    QTest::newRow("heredoc with backslash delimiter")
        << u"cat <<\\EOF\nDon't panic\nEOF\nprintf '%s' <value>"_s << u"x; id"_s
        << u"Don't panic\nx; id"_s;
    QTest::newRow("literal heredoc")
        << u"cat <<'EOF'\n<value>\nEOF"_s << u"$(id) `x`"_s << u"$(id) `x`\n"_s;
}

// What runs is judged by a real sh: the value arrives as written, never as shell.
void RunbookSessionTest::valuesRunAsVariablesWherever()
{
    QFETCH(QString, script);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QString error;
    const QString body = fillTextPlaceholdersByReference(
        script, {{u"<value>"_s, u"__opsdeck_value"_s}}, {{u"<value>"_s, value}}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!body.contains(u"<value>"_s));
    QCOMPARE(shellOutput(u"__opsdeck_value="_s + shellQuote(value) + u'\n' + body), expected);
}

void RunbookSessionTest::sqlValuesAreQuotedOrRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("in a string") << u"SELECT '<user>';"_s << u"x' OR 'a'='a"_s
                                 << u"SELECT 'x'' OR ''a''=''a';"_s;
    QTest::newRow("after a comment with a quote")
        << u"-- don't run on the replica\nDELETE FROM s WHERE login='<user>';"_s
        << u"x' OR 'a'='a"_s
        << u"-- don't run on the replica\nDELETE FROM s WHERE login='x'' OR ''a''=''a';"_s;
    QTest::newRow("a number outside quotes") << u"SELECT pg_cancel_backend(<user>);"_s << u"4242"_s
                                             << u"SELECT pg_cancel_backend(4242);"_s;
    QTest::newRow("syntax outside quotes")
        << u"SELECT <user>;"_s << u"1; DROP TABLE t"_s << QString();
    QTest::newRow("psql meta-command outside quotes")
        << u"SELECT <user>;"_s << u"1 \\! id"_s << QString();
}

void RunbookSessionTest::sqlValuesAreQuotedOrRefused()
{
    QFETCH(QString, sql);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QString error;
    const QString filled = fillSqlPlaceholders(sql, {{u"<user>"_s, value}}, &error);
    QCOMPARE(filled, expected);
    QCOMPARE(error.isEmpty(), !expected.isEmpty());
    // The longer of two names that start alike is not cut short by the shorter.
    QCOMPARE(fillSqlPlaceholders(u"SELECT 'YOUR_DB_NAME', 'YOUR_DB';"_s,
                                 {{u"YOUR_DB"_s, u"a"_s}, {u"YOUR_DB_NAME"_s, u"b"_s}}, &error),
             u"SELECT 'b', 'a';"_s);
}

void RunbookSessionTest::partialLinesShowWhileRunning()
{
    // A step that assigns variables still shows "waiting" (no newline yet) as it comes.
    auto session = makeSession("# Wait\n\n```bash\nX=1\nprintf 'waiting'\nsleep 3\n```\n");
    QVERIFY(session->run(session->steps().constFirst()));
    QTRY_VERIFY_WITH_TIMEOUT(
        session->stepRun(session->steps().constFirst()).output.contains(u"waiting"_s), 2500);
    QVERIFY(session->isRunning());
    session->stop();
    QTRY_VERIFY(!session->isRunning());
}

void RunbookSessionTest::outputCannotForgeVariables()
{
    // A step prints what looks like the old marker and a variable; only its own assignment,
    // behind its own random marker, is read back.
    auto session =
        makeSession("# Forge\n\n```bash\nREAL=yes\n"
                    "printf '\\n\\036OPSDECK-VARIABLES\\036\\ntouch /tmp/x;X\\0v\\0'\n```\n");
    const StepRun run = runAndWait(*session, session->steps().constFirst());
    QVERIFY(run.state == StepState::Succeeded);
    QCOMPARE(session->variables().keys(), QStringList{u"REAL"_s});
    QVERIFY(run.output.contains(u"OPSDECK-VARIABLES"_s)); // shown as the output it is
}

void RunbookSessionTest::earlierVariablesMustHaveBeenSet()
{
    auto session = makeSession("# Clean\n\n```bash\nDATA_DIR=/srv/data\n```\n\n"
                               "```bash\necho rm -rf \"$DATA_DIR\"/cache\n```\n");
    confirmAll(session.get());
    const RunbookStepId clean = session->steps().at(1);
    QVERIFY(!session->run(clean)); // the step that sets DATA_DIR has not run
    QVERIFY(session->stepRun(clean).message.contains(u"$DATA_DIR"_s));
    QVERIFY(runAndWait(*session, session->steps().at(0)).state == StepState::Succeeded);
    QCOMPARE(runAndWait(*session, clean).output, u"rm -rf /srv/data/cache\n"_s);
}

void RunbookSessionTest::onlyUsedVariablesAreCarried()
{
    auto session = makeSession("# Carry\n\n```bash\nBIG=$(head -c 200000 /dev/zero | tr '\\0' x)\n"
                               "SMALL=ok\n```\n\n```bash\necho \"$SMALL\"\n```\n");
    QVERIFY(runAndWait(*session, session->steps().at(0)).state == StepState::Succeeded);
    QCOMPARE(session->variables().value(u"BIG"_s).size(), 200000);
    // BIG is not used by the second step, so its 200 kB do not travel with it.
    const PreparedStep next = session->prepare(session->steps().at(1));
    QVERIFY2(next.canRun(), qPrintable(next.error));
    QVERIFY(!next.request.argv.value(2).contains(u"BIG="_s));
    QCOMPARE(runAndWait(*session, session->steps().at(1)).output, u"ok\n"_s);
}

void RunbookSessionTest::sectionEndsWhenAHostIsMissing()
{
    auto session = makeSession("# Two\n\n```bash\necho a\n```\n\n```bash\necho b\n```\n");
    session->setStepTarget(session->steps().at(1), u"gone-host"_s);
    QSignalSpy sectionFinished(session.get(), &RunbookSession::sectionFinished);
    QVERIFY(session->runSection(0));
    QTRY_COMPARE_WITH_TIMEOUT(sectionFinished.size(), 1, 20000);
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), false);
    QVERIFY(session->stepRun(session->steps().at(1)).message.contains(u"gone-host"_s));
    QVERIFY(!session->isRunning());
    QVERIFY(session->runSection(0)); // the session is not stuck
}

void RunbookSessionTest::anotherRunbookForgetsTheRunningStep()
{
    auto session = makeSession("# Slow\n\n```bash\nsleep 30\n```\n");
    QVERIFY(session->run(session->steps().constFirst()));
    QVERIFY(session->isRunning());
    QSignalSpy finished(session.get(), &RunbookSession::stepFinished);
    session->setRunbook(parseRunbook("# Other\n\n```bash\necho other\n```\n", u"o.md"_s),
                        u"o.md"_s);
    QVERIFY(!session->isRunning());
    QTest::qWait(300);
    QVERIFY(finished.isEmpty()); // the old step's end does not land on the new runbook
    QVERIFY(session->stepRun(session->steps().constFirst()).state == StepState::NotRun);
    QCOMPARE(runAndWait(*session, session->steps().constFirst()).output, u"other\n"_s);
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

    // A value that looks like a secret is not kept in the settings file.
    const QByteArray secret = "# Token\n\n```bash\ncurl -H \"Authorization: <api-token>\" x\n```\n";
    makeSession(secret, u"token.md"_s)->setPlaceholderValue(u"<api-token>"_s, u"s3cr3t"_s);
    QVERIFY(makeSession(secret, u"token.md"_s)->placeholderValue(u"<api-token>"_s).isEmpty());
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
    QCOMPARE(session->prepare(step, 2).line, 1); // the command starts on the line before
    QCOMPARE(session->prepare(step).line, -1);
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
    QSignalSpy asked(session.get(), &RunbookSession::confirmationRequested);
    QSignalSpy settled(session.get(), &RunbookSession::confirmationSettled);

    // Asked and declined: refused, nothing ran.
    QVERIFY(session->run(step));
    QCOMPARE(asked.size(), 1);
    const auto request = asked.at(0).at(0).value<ConfirmationRequest>();
    QVERIFY(request.id != 0);
    QCOMPARE(request.step, step);
    QVERIFY(request.risk == Risk::Change);
    QVERIFY2(request.reason.contains(u"`systemctl restart`"_s), qPrintable(request.reason));
    QCOMPARE(request.target, u"this-computer"_s);
    QCOMPARE(request.line, -1);
    QVERIFY(request.command.startsWith(u"systemctl restart opsdeck-none"_s));
    QVERIFY(request.typedConfirmation.isEmpty()); // a change needs a yes, no name typed
    QVERIFY(session->isRunning());
    QCOMPARE(session->pendingConfirmation()->id, request.id);
    QVERIFY(session->stepRun(step).state == StepState::NotRun);
    session->answerConfirmation(request.id, false);
    QVERIFY(session->stepRun(step).state == StepState::Refused);
    QCOMPARE(session->stepRun(step).message, u"not confirmed"_s);
    QCOMPARE(settled.size(), 1);
    QCOMPARE(settled.at(0).at(0).value<quint64>(), request.id);
    QVERIFY(!session->isRunning());
    QVERIFY(!session->pendingConfirmation());

    // Asked again, a new request; the old answer is stale and changes nothing.
    QVERIFY(session->run(step));
    QCOMPARE(asked.size(), 2);
    const auto again = asked.at(1).at(0).value<ConfirmationRequest>();
    QVERIFY(again.id != request.id);
    session->answerConfirmation(request.id, true);
    QVERIFY(session->pendingConfirmation());
    QVERIFY(session->stepRun(step).state == StepState::Refused); // still the earlier refusal
    QSignalSpy finished(session.get(), &RunbookSession::stepFinished);
    session->answerConfirmation(again.id, true);
    QVERIFY(!session->pendingConfirmation());
    QVERIFY(session->stepRun(step).state == StepState::Running);
    QVERIFY(finished.wait(20000));
    QVERIFY(session->stepRun(step).state == StepState::Succeeded);
    session->answerConfirmation(again.id, false); // answered twice: the second is stale
    QVERIFY(session->stepRun(step).state == StepState::Succeeded);
    QCOMPARE(settled.size(), 2);
}

void RunbookSessionTest::confirmationIsAnsweredLater()
{
    // A destructive step: the host's name is what the operator types; nothing runs while the
    // question is open, and another step cannot start meanwhile.
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"victim"_s);
    QVERIFY(QFile(victim).open(QIODevice::WriteOnly));
    auto session = makeSession("# Clean\n\n```bash\necho keep\nrm -f '" + victim.toUtf8() +
                               "'\n```\n\n```bash\nuptime\n```\n");
    const RunbookStepId remove = session->steps().at(0);
    QSignalSpy asked(session.get(), &RunbookSession::confirmationRequested);
    QSignalSpy running(session.get(), &RunbookSession::runningChanged);
    QVERIFY(session->run(remove, 1)); // Run Line: only the rm
    QCOMPARE(asked.size(), 1);
    const auto request = asked.at(0).at(0).value<ConfirmationRequest>();
    QVERIFY(request.risk == Risk::Destroy);
    QCOMPARE(request.typedConfirmation, u"this-computer"_s);
    QCOMPARE(request.line, 1);
    QCOMPARE(request.command, u"rm -f '"_s + victim + u'\'');
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QVERIFY(!session->run(session->steps().at(1)));
    QVERIFY(session->stepRun(session->steps().at(1)).message.contains(u"another step"_s));
    QTest::qWait(200);
    QVERIFY(QFile::exists(victim));
    QSignalSpy finished(session.get(), &RunbookSession::stepFinished);
    session->answerConfirmation(request.id, true);
    QVERIFY(finished.wait(20000));
    QVERIFY(!QFile::exists(victim));
    QCOMPARE(session->stepRun(remove).command, u"rm -f '"_s + victim + u'\'');
}

void RunbookSessionTest::sectionWaitsForTheAnswer()
{
    auto session = makeSession("# Fix\n\n```bash\necho first\n```\n\n```bash\n"
                               "systemctl restart opsdeck-none 2>/dev/null || echo second\n```\n"
                               "\n```bash\necho third\n```\n");
    const QList<RunbookStepId> steps = session->steps();
    QSignalSpy asked(session.get(), &RunbookSession::confirmationRequested);
    QSignalSpy sectionFinished(session.get(), &RunbookSession::sectionFinished);
    QVERIFY(session->runSection(0));
    QVERIFY(asked.wait(20000)); // after the first step, the second asks
    QVERIFY(session->stepRun(steps[0]).state == StepState::Succeeded);
    QTest::qWait(200);
    QVERIFY(session->stepRun(steps[1]).state == StepState::NotRun); // waits for the answer
    QVERIFY(session->stepRun(steps[2]).state == StepState::NotRun);
    QVERIFY(sectionFinished.isEmpty());
    session->answerConfirmation(asked.at(0).at(0).value<ConfirmationRequest>().id, true);
    QVERIFY(sectionFinished.wait(20000));
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), true);
    QCOMPARE(session->stepRun(steps[2]).output, u"third\n"_s);

    // Declined, the section ends there.
    asked.clear();
    sectionFinished.clear();
    QVERIFY(session->runSection(0));
    QVERIFY(asked.wait(20000));
    session->answerConfirmation(asked.at(0).at(0).value<ConfirmationRequest>().id, false);
    QCOMPARE(sectionFinished.size(), 1);
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), false);
    QVERIFY(session->stepRun(steps[1]).state == StepState::Refused);
    QVERIFY(!session->isRunning());
}

void RunbookSessionTest::stopWithdrawsTheRequest()
{
    auto session = makeSession("# Fix\n\n```bash\nkill -9 999999\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    QSignalSpy asked(session.get(), &RunbookSession::confirmationRequested);
    QSignalSpy settled(session.get(), &RunbookSession::confirmationSettled);
    QVERIFY(session->run(step));
    const quint64 id = asked.at(0).at(0).value<ConfirmationRequest>().id;
    session->stop();
    QCOMPARE(settled.size(), 1);
    QCOMPARE(settled.at(0).at(0).value<quint64>(), id);
    QVERIFY(!session->isRunning());
    QCOMPARE(session->stepRun(step).message, u"stopped before it started"_s);
    session->answerConfirmation(id, true); // too late: nothing starts
    QVERIFY(!session->isRunning());
    QVERIFY(session->stepRun(step).state == StepState::Refused);

    // Another runbook withdraws it too.
    QVERIFY(session->run(step));
    const quint64 second = asked.at(1).at(0).value<ConfirmationRequest>().id;
    session->setRunbook(parseRunbook("# Other\n\n```bash\necho other\n```\n", u"o.md"_s),
                        u"o.md"_s);
    QCOMPARE(settled.size(), 2);
    QCOMPARE(settled.at(1).at(0).value<quint64>(), second);
    QVERIFY(!session->pendingConfirmation());
    session->answerConfirmation(second, true);
    QVERIFY(!session->isRunning());
}

void RunbookSessionTest::readOnlyModeRefusesChanges()
{
    m_audited->readOnly.setEnabled(true);
    auto session = makeSession("# Fix\n\n```bash\nkill -9 999999\n```\n");
    const std::shared_ptr<int> answered = confirmAll(session.get());
    const StepRun run = runAndWait(*session, session->steps().constFirst());
    QCOMPARE(*answered, 1); // confirmed, then refused by read-only mode
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
    QTest::addColumn<int>("flagged");  // blocks that only run line by line
    QTest::addColumn<int>("terminal"); // blocks for a terminal, shown with Copy
    QTest::newRow("000") << u"000_fd0a1e1682d72f15.txt"_s << 0 << 0;
    QTest::newRow("001") << u"001_85a77e70dee42870.txt"_s << 0 << 0;
    QTest::newRow("002") << u"002_0c5c8760a781de0d.txt"_s << 0 << 0;
    // recovery.conf (lost <<EOF) only runs line by line; `psql $DATABASE_URL` followed by the
    // statements to type at its prompt, and the block ending in `kubectl exec -it … --
    // /bin/bash`, are for a terminal.
    QTest::newRow("003") << u"003_b05b49d288a4692d.txt"_s << 1 << 2;
    QTest::newRow("004") << u"004_d84d9a38bb43653f.txt"_s << 0 << 0;
}

// Every step of every seed, with its placeholders filled, is a script the shell accepts: what
// an operator runs step by step is what the seed says, nothing lost or mangled on the way.
void RunbookSessionTest::seedStepsPrepareToValidShell()
{
    QFETCH(QString, file);
    QFETCH(int, flagged);
    QFETCH(int, terminal);
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
    int forATerminal = 0;
    for (const RunbookStepId &step : session->steps()) {
        if (!session->block(step).isRunnable())
            continue;
        const PreparedStep ready = session->prepare(step);
        if (ready.terminalOnly) {
            QVERIFY(session->block(step).isTerminalOnly());
            QVERIFY(ready.error.startsWith(u"run this step in a terminal: "_s));
            QVERIFY(!ready.shownCommand.isEmpty()); // what Copy takes
            ++forATerminal;
            continue;
        }
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
    QCOMPARE(forATerminal, terminal);
    QVERIFY(prepared > 0);
}

// `kubectl exec -it POD -- sh` and the lines after it run as `kubectl exec POD -- sh -c '…'`;
// a fake kubectl on PATH runs what follows "--" here. A value typed for a placeholder reaches
// the shell inside verbatim, quotes, $( ) and all, and the pod's own $VARIABLES stay its own.
void RunbookSessionTest::linesTypedInAPodRunThereVerbatim()
{
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile kubectl(bin.filePath(u"kubectl"_s));
    QVERIFY(kubectl.open(QIODevice::WriteOnly));
    kubectl.write("#!/bin/sh\n"
                  "# Plays kubectl exec [options] POD -- COMMAND: runs COMMAND here.\n"
                  "printf 'pod=%s\\n' \"$2\"\n"
                  "while [ $# -gt 0 ] && [ \"$1\" != -- ]; do shift; done\n"
                  "shift\n"
                  "POD_ONLY=inside exec \"$@\"\n");
    kubectl.close();
    QVERIFY(kubectl.setPermissions(kubectl.permissions() | QFileDevice::ExeOwner));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(bin.path()) + ':' + path);
    const auto restorePath = qScopeGuard([&] { qputenv("PATH", path); });

    auto session = makeSession("# In the pod\n\n```bash\n"
                               "kubectl exec -it <POD NAME> -- sh\n"
                               "printf '%s\\n' \"<VALUE>\" '<VALUE>' <VALUE>\n"
                               "echo \"pod's own: $POD_ONLY\"\n"
                               "exit\n"
                               "echo back\n```\n");
    confirmAll(session.get());
    const RunbookStepId step = session->steps().constFirst();
    const RunbookBlock &block = session->block(step);
    QCOMPARE(block.placeholders, (QStringList{u"<POD NAME>"_s, u"<VALUE>"_s}));
    QCOMPARE(block.contextSwitches.size(), 1);
    QVERIFY(block.contextSwitches.constFirst().runsInside);
    const QString value = u"x'y\"z $(id) `w` ;|& \\ $HOME"_s;
    session->setPlaceholderValue(u"<POD NAME>"_s, u"api 0"_s);
    session->setPlaceholderValue(u"<VALUE>"_s, value);
    const StepRun run = runAndWait(*session, step);
    QVERIFY2(run.state == StepState::Succeeded, qPrintable(run.message + run.output));
    QCOMPARE(run.output, u"pod=api 0\n"_s + value + u'\n' + value + u'\n' + value +
                             u"\npod's own: inside\nback\n"_s);
    QVERIFY2(run.command.startsWith(u"kubectl exec 'api 0' -- sh -c "_s), qPrintable(run.command));

    // Run Line inside: only that line, still in the pod.
    const StepRun line = runAndWait(*session, step, 2);
    QVERIFY2(line.state == StepState::Succeeded, qPrintable(line.message));
    QCOMPARE(line.output, u"pod=api 0\npod's own: inside\n"_s);
    // The exit line runs nothing on its own.
    QVERIFY(!session->prepare(step, 3).canRun());
}

void RunbookSessionTest::streamingStepRunsUntilStop()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(u"app.log"_s);
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first line\n");
    file.close();
    auto session = makeSession("# Follow\n\n```bash\ntail -f " + log.toUtf8() + "\n```\n");
    session->setStepTimeout(300);
    const RunbookStepId step = session->steps().constFirst();
    QVERIFY(!session->block(step).streams.isEmpty());
    QCOMPARE(session->prepare(step).request.timeoutMs, 0);
    QSignalSpy output(session.get(), &RunbookSession::stepOutput);
    QSignalSpy finished(session.get(), &RunbookSession::stepFinished);
    QVERIFY(session->run(step));
    QVERIFY(output.wait(10000));
    QTest::qWait(800); // well past the step timeout
    QVERIFY(session->isRunning());
    QVERIFY(finished.isEmpty());
    session->stop();
    QVERIFY(finished.wait(10000));
    const StepRun &run = session->stepRun(step);
    QVERIFY(run.state == StepState::Cancelled);
    QVERIFY(run.streamed);
    QVERIFY(run.done); // stopping is how it ends
    QCOMPARE(run.output, u"first line\n"_s);
    QCOMPARE(session->completedCount(), 1);
}

void RunbookSessionTest::ordinaryStepsTimeOut()
{
    auto session = makeSession("# Slow\n\n```bash\nsleep 20\n```\n");
    QCOMPARE(session->stepTimeout(), RunbookSession::DefaultStepTimeoutMs);
    session->setStepTimeout(300);
    const RunbookStepId step = session->steps().constFirst();
    QCOMPARE(session->prepare(step).request.timeoutMs, 300);
    const StepRun run = runAndWait(*session, step);
    QVERIFY(run.state == StepState::Failed);
    QVERIFY(run.result.outcome == CommandResult::Outcome::TimedOut);
    QVERIFY(!run.streamed && !run.done);
}

void RunbookSessionTest::streamedOutputKeepsTheNewest()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(u"big.log"_s);
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line = QByteArray(99, 'x') + '\n';
    for (int i = 0; i < 60000; ++i) // 6 MB, more than a stream keeps
        file.write(line);
    file.write("the end\n");
    file.close();
    auto session = makeSession("# Follow\n\n```bash\ntail -c +1 -f " + log.toUtf8() + "\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    QSignalSpy finished(session.get(), &RunbookSession::stepFinished);
    QVERIFY(session->run(step));
    QTRY_VERIFY_WITH_TIMEOUT(session->stepRun(step).output.endsWith(u"the end\n"_s), 20000);
    session->stop();
    QVERIFY(finished.wait(10000));
    const QString &output = session->stepRun(step).output;
    QVERIFY(output.size() <= RunbookSession::MaximumStreamedOutput);
    QVERIFY(output.startsWith(QString(99, u'x') + u'\n')); // cut at a line's start
}

void RunbookSessionTest::runSectionSkipsStreamingAndTerminalSteps()
{
    auto session = makeSession("# Diagnosis\n\n```bash\necho a\n```\n\n"
                               "```bash\njournalctl -f\n```\n\n```bash\npsql -h db\n```\n\n"
                               "```bash\necho b\n```\n");
    const QList<RunbookStepId> steps = session->steps();
    QCOMPARE(steps.size(), 4);
    QSignalSpy sectionFinished(session.get(), &RunbookSession::sectionFinished);
    QVERIFY(session->runSection(0));
    QVERIFY(sectionFinished.wait(20000));
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), true);
    QVERIFY(session->stepRun(steps[0]).state == StepState::Succeeded);
    QVERIFY(session->stepRun(steps[1]).state == StepState::Refused);
    QVERIFY(session->stepRun(steps[1]).message.contains(u"streams until Stop"_s));
    QVERIFY(session->stepRun(steps[2]).state == StepState::Refused);
    QVERIFY(session->stepRun(steps[2]).message.contains(u"terminal"_s));
    QVERIFY(session->stepRun(steps[3]).state == StepState::Succeeded);
}

void RunbookSessionTest::terminalStepsAreRefusedWithTheirReason()
{
    auto session = makeSession("# Look\n\n```bash\necho before\nredis-cli -h <HOST>\n"
                               "INFO memory\n```\n");
    const RunbookStepId step = session->steps().constFirst();
    session->setPlaceholderValue(u"<HOST>"_s, u"cache-1"_s);
    QVERIFY(session->block(step).isTerminalOnly());
    QVERIFY(!session->run(step));
    QVERIFY(session->stepRun(step).state == StepState::Refused);
    QCOMPARE(session->stepRun(step).message,
             u"run this step in a terminal: redis-cli waits for what is typed at its prompt; the "
             "1 line(s) after it are typed there"_s);
    // Copy takes the command with the value written in.
    QCOMPARE(session->prepare(step).shownCommand,
             u"echo before\nredis-cli -h cache-1\nINFO memory"_s);
    // The line before it still runs on its own; the lines of the client do not.
    const StepRun before = runAndWait(*session, step, 0);
    QVERIFY(before.state == StepState::Succeeded);
    QVERIFY(session->prepare(step, 2).terminalOnly);
}

QTEST_GUILESS_MAIN(RunbookSessionTest)
#include "tst_runbooksession.moc"
