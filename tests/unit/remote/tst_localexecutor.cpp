// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "models/remote/localexecutor.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using namespace CommandTesting;

namespace {

bool processWithMarkerAlive(const QString &marker)
{
    QProcess pgrep;
    pgrep.start(u"pgrep"_s, {u"-f"_s, marker});
    pgrep.waitForFinished(5000);
    return pgrep.exitCode() == 0;
}

} // namespace

class LocalExecutorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void separatesOutputAndReportsExitCode();
    void sendsScriptOnStdin();
    void passesEnvironmentAndWorkingDirectory();
    void keepsTenMegabytesIntact();
    void timesOutAndKillsChildren();
    void cancelStopsTheWholeProcessGroup();
    void deletingARunStopsIt();
    void reportsDurationAndBytes();
    void startIsAsynchronous();
};

void LocalExecutorTest::separatesOutputAndReportsExitCode()
{
    LocalExecutor executor(u"this-computer"_s);
    const Collected c = runToEnd(executor, script(u"echo out; echo err >&2; exit 7"_s));
    QCOMPARE(c.out, QByteArray("out\n"));
    QCOMPARE(c.err, QByteArray("err\n"));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Exited);
    QCOMPARE(c.result.exitCode, 7);
    QCOMPARE(c.result.summary(), u"exit 7"_s);
}

void LocalExecutorTest::sendsScriptOnStdin()
{
    LocalExecutor executor(u"this-computer"_s);
    // A script far larger than any command line could hold travels on stdin.
    QString text;
    for (int i = 0; i < 20000; ++i)
        text += u"x=%1\n"_s.arg(i);
    text += u"echo \"$x\"\n"_s;
    const Collected c = runToEnd(executor, script(text));
    QCOMPARE(c.out, QByteArray("19999\n"));
}

void LocalExecutorTest::passesEnvironmentAndWorkingDirectory()
{
    LocalExecutor executor(u"this-computer"_s);
    QTemporaryDir directory;
    CommandRequest request = script(u"pwd; printf '%s\\n' \"$GREETING\""_s);
    request.workingDirectory = directory.path();
    request.environment.insert(u"GREETING"_s, u"it's $(not) run"_s);
    const Collected c = runToEnd(executor, request);
    QCOMPARE(c.out, (directory.path() + u"\nit's $(not) run\n"_s).toUtf8());
}

void LocalExecutorTest::keepsTenMegabytesIntact()
{
    LocalExecutor executor(u"this-computer"_s);
    const Collected c =
        runToEnd(executor, argv({u"head"_s, u"-c"_s, u"10485760"_s, u"/dev/urandom"_s}));
    QCOMPARE(c.out.size(), 10485760);
    // The same bytes again, through sha256sum on the other side, must match what arrived.
    QTemporaryDir directory;
    const QString file = directory.filePath(u"data"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(c.out);
    out.close();
    const Collected sum = runToEnd(executor, argv({u"sha256sum"_s, file}));
    QCOMPARE(sum.out.left(64), QCryptographicHash::hash(c.out, QCryptographicHash::Sha256).toHex());
    QCOMPARE(c.result.outputBytes, 10485760);
}

void LocalExecutorTest::timesOutAndKillsChildren()
{
    LocalExecutor executor(u"this-computer"_s);
    const QString marker = u"opsdeck-timeout-%1"_s.arg(QCoreApplication::applicationPid());
    CommandRequest request = script(u"sleep 300 & wait # %1"_s.arg(marker));
    request.script = u"sh -c 'sleep 300; : %1' & wait"_s.arg(marker);
    request.timeoutMs = 300;
    const Collected c = runToEnd(executor, request);
    QVERIFY(c.result.outcome == CommandResult::Outcome::TimedOut);
    QVERIFY2(c.result.durationMs < 5000, qPrintable(QString::number(c.result.durationMs)));
    QTRY_VERIFY_WITH_TIMEOUT(!processWithMarkerAlive(marker), 5000);
}

void LocalExecutorTest::cancelStopsTheWholeProcessGroup()
{
    LocalExecutor executor(u"this-computer"_s);
    const QString marker = u"opsdeck-cancel-%1"_s.arg(QCoreApplication::applicationPid());
    std::unique_ptr<CommandRun> run(executor.start(
        script(u"sh -c 'sleep 300; : %1' & echo started; wait"_s.arg(marker)), nullptr));
    QSignalSpy output(run.get(), &CommandRun::standardOutput);
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(output.wait(5000));
    // "started" can come before the background sh has been exec'd with the marker in its argv.
    QTRY_VERIFY_WITH_TIMEOUT(processWithMarkerAlive(marker), 5000);
    run->cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!processWithMarkerAlive(marker), 5000);
}

void LocalExecutorTest::deletingARunStopsIt()
{
    LocalExecutor executor(u"this-computer"_s);
    const QString marker = u"opsdeck-delete-%1"_s.arg(QCoreApplication::applicationPid());
    auto *run = executor.start(
        script(u"sh -c 'sleep 300; : %1' & echo started; wait"_s.arg(marker)), nullptr);
    QSignalSpy output(run, &CommandRun::standardOutput);
    QVERIFY(output.wait(5000));
    delete run;
    QTRY_VERIFY_WITH_TIMEOUT(!processWithMarkerAlive(marker), 5000);
}

void LocalExecutorTest::reportsDurationAndBytes()
{
    LocalExecutor executor(u"this-computer"_s);
    const Collected c = runToEnd(executor, script(u"sleep 0.2; printf 12345; printf 678 >&2"_s));
    QVERIFY(c.result.durationMs >= 200);
    QCOMPARE(c.result.outputBytes, 8);
}

void LocalExecutorTest::startIsAsynchronous()
{
    LocalExecutor executor(u"this-computer"_s);
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<CommandRun> run(executor.start(script(u"sleep 1"_s), nullptr));
    // start() hands the work over and returns; the result comes later, by signal.
    QVERIFY(!run->isFinished());
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(clock.elapsed() >= 1000);
}

QTEST_GUILESS_MAIN(LocalExecutorTest)
#include "tst_localexecutor.moc"
