// SPDX-License-Identifier: GPL-3.0-or-later
// The SSH executor against a real OpenSSH server on loopback: no mocks.
#include "commandtesting.h"
#include "models/openssh/knownhosts.h"
#include "models/remote/shellquote.h"
#include "models/remote/sshexecutor.h"
#include "sshfixture.h"
#include "stallmeter.h"
#include "threadtesting.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using namespace CommandTesting;

namespace {

bool remoteProcessAlive(const QString &marker)
{
    QProcess pgrep;
    pgrep.start(u"pgrep"_s, {u"-f"_s, marker});
    pgrep.waitForFinished(5000);
    return pgrep.exitCode() == 0;
}

// Passes bytes between SSH clients and the sshd until frozen; from then on it keeps what the
// clients send and answers nothing, like a host that stopped mid-session (a hung kernel, a
// dropped route).
class FreezingProxy
{
public:
    explicit FreezingProxy(quint16 sshdPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this, sshdPort] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, sshdPort);
                QObject::connect(client, &QTcpSocket::readyRead, [this, client, upstream] {
                    if (m_frozen)
                        m_held += client->readAll();
                    else
                        upstream->write(client->readAll());
                });
                QObject::connect(upstream, &QTcpSocket::readyRead, [this, client, upstream] {
                    if (!m_frozen)
                        client->write(upstream->readAll());
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void freeze() { m_frozen = true; }
    qsizetype heldBytes() const { return m_held.size(); }

private:
    QTcpServer m_server;
    bool m_frozen = false;
    QByteArray m_held;
};

} // namespace

class SshExecutorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void runsCommandsAndSeparatesStreams();
    void sendsScriptOnStdinAndKeepsVariablesInside();
    void argumentsArriveVerbatim();
    void tenMegabytesArriveIntact();
    void runsCommandsInParallel();
    void timeoutStopsRemoteCommand();
    void cancelKillsRemoteProcessGroup();
    void sudoPasswordPromptIsAnError();
    void passwordAuthentication();
    void passphraseProtectedKey();
    void keyboardInteractiveWithPam();
    void agentAuthentication();
    void wrongKeyAndWrongPasswordSayWhatWasTried();
    void unknownHostKeyIsRefusedHeadless();
    void unknownHostKeyAcceptedAndRemembered();
    void changedHostKeyIsRefusedWithFileAndLine();
    void revokedHostKeyIsRefused();
    void connectionRefusedAndDnsErrorsAreClear();
    void silentServerTimesOut();
    void killedServerFailsFastWithoutBlockingTheEventLoop();
    void deletingDuringAStalledReadDoesNotWait();
    void reconnectsAfterServerRestart();
    void twentySessionsAtOnce();
    void sftpListsStatsAndReadsRanges();

private:
    SshSettings settings() const;
    std::unique_ptr<SshFixture> m_sshd;
};

void SshExecutorTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
}

void SshExecutorTest::init()
{
    // Tests that break the server leave it for the next one to find running.
    if (!remoteProcessAlive(m_sshd->directory() + u"/sshd_config"_s))
        QVERIFY(m_sshd->run(
            {u"start"_s, m_sshd->directory(), u"--port"_s, QString::number(m_sshd->port())}));
}

SshSettings SshExecutorTest::settings() const
{
    SshSettings s;
    s.hostName = u"fixture"_s;
    s.address = u"127.0.0.1"_s;
    s.port = m_sshd->port();
    s.user = m_sshd->value(u"USER"_s);
    s.methods = {AuthMethod::Key};
    s.identityFiles = {m_sshd->value(u"KEY"_s)};
    s.knownHostsFiles = {m_sshd->value(u"KNOWN_HOSTS"_s)};
    s.connectTimeoutMs = 5000;
    return s;
}

void SshExecutorTest::runsCommandsAndSeparatesStreams()
{
    SshExecutor executor(settings());
    const Collected c = runToEnd(executor, script(u"echo out; echo err >&2; exit 3"_s));
    QVERIFY2(c.finished, "no result");
    QCOMPARE(c.result.error, QString());
    QCOMPARE(c.out, QByteArray("out\n"));
    QCOMPARE(c.err, QByteArray("err\n"));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Exited);
    QCOMPARE(c.result.exitCode, 3);
    QCOMPARE(executor.state(), ConnectionState::Ready);
    // Output without a final newline stays exactly as it is.
    QCOMPARE(runToEnd(executor, argv({u"printf"_s, u"no newline"_s})).out,
             QByteArray("no newline"));
    QCOMPARE(runToEnd(executor, argv({u"id"_s, u"-un"_s})).out,
             (m_sshd->value(u"USER"_s) + u'\n').toUtf8());
}

void SshExecutorTest::sendsScriptOnStdinAndKeepsVariablesInside()
{
    SshExecutor executor(settings());
    const Collected c = runToEnd(executor, script(u"x=41\nx=$((x+1))\ncat <<EOF\n$x\nEOF\n"_s));
    QCOMPARE(c.out, QByteArray("42\n"));
    // Each command runs in its own shell: nothing leaks into the next one.
    QCOMPARE(runToEnd(executor, script(u"echo \"[${x:-unset}]\""_s)).out, QByteArray("[unset]\n"));
}

void SshExecutorTest::argumentsArriveVerbatim()
{
    SshExecutor executor(settings());
    const QStringList corpus = {
        u"; rm -rf / ;"_s, u"$(id)"_s, u"`id`"_s, u"it's"_s, u"\"quoted\""_s, u"new\nline"_s,
        u"-leading"_s,     u"*"_s,     u"~"_s,    u""_s,     u"Grüße"_s,      u"a\\b"_s};
    const Collected c = runToEnd(executor, argv(QStringList{u"printf"_s, u"%s\\0"_s} + corpus));
    QByteArray expected;
    for (const QString &argument : corpus)
        expected += argument.toUtf8() + '\0';
    QCOMPARE(c.out, expected);
    CommandRequest request = argv({u"printf"_s, u"%s|%s"_s, u"$GREETING"_s});
    request.environment.insert(u"GREETING"_s, u"it's $(not) run"_s);
    request.argv = {u"sh"_s, u"-c"_s, u"printf '%s' \"$GREETING\""_s};
    request.workingDirectory = u"/"_s;
    QCOMPARE(runToEnd(executor, request).out, QByteArray("it's $(not) run"));
}

void SshExecutorTest::tenMegabytesArriveIntact()
{
    SshExecutor executor(settings());
    const QString blob = m_sshd->value(u"WORKDIR"_s) + u"/blob"_s;
    QVERIFY(runToEnd(executor, script(u"head -c 10485760 /dev/urandom > %1"_s.arg(blob)))
                .result.succeeded());
    QFile file(blob);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QCOMPARE(original.size(), 10485760);
    const Collected c = runToEnd(executor, argv({u"cat"_s, blob}));
    QCOMPARE(c.out.size(), original.size());
    QCOMPARE(QCryptographicHash::hash(c.out, QCryptographicHash::Sha256),
             QCryptographicHash::hash(original, QCryptographicHash::Sha256));
    QCOMPARE(c.result.outputBytes, 10485760);
}

void SshExecutorTest::runsCommandsInParallel()
{
    SshExecutor executor(settings());
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<CommandRun>> runs;
    for (int i = 0; i < 6; ++i)
        runs.emplace_back(executor.start(script(u"sleep 1; echo %1"_s.arg(i)), nullptr));
    for (auto &run : runs) {
        if (!run->isFinished()) {
            QSignalSpy finished(run.get(), &CommandRun::finished);
            QVERIFY(finished.wait(20000));
        }
        QVERIFY(run->result().succeeded());
    }
    // Six one-second commands side by side, not one after another.
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
}

void SshExecutorTest::timeoutStopsRemoteCommand()
{
    SshExecutor executor(settings());
    const QString marker = u"opsdeck-ssh-timeout-%1"_s.arg(QCoreApplication::applicationPid());
    CommandRequest request = script(u"sh -c 'sleep 300; : %1' & wait"_s.arg(marker));
    request.timeoutMs = 1000;
    const Collected c = runToEnd(executor, request);
    QVERIFY(c.result.outcome == CommandResult::Outcome::TimedOut);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteProcessAlive(marker), 8000);
}

void SshExecutorTest::cancelKillsRemoteProcessGroup()
{
    SshExecutor executor(settings());
    const QString marker = u"opsdeck-ssh-cancel-%1"_s.arg(QCoreApplication::applicationPid());
    std::unique_ptr<CommandRun> run(executor.start(
        script(u"sh -c 'sleep 300; : %1' & echo started; wait"_s.arg(marker)), nullptr));
    QSignalSpy output(run.get(), &CommandRun::standardOutput);
    QVERIFY(output.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(remoteProcessAlive(marker), 5000);
    QSignalSpy finished(run.get(), &CommandRun::finished);
    run->cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteProcessAlive(marker), 8000);
    // The session is still good for the next command.
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
}

void SshExecutorTest::sudoPasswordPromptIsAnError()
{
    SshExecutor executor(settings());
    CommandRequest request = argv({u"id"_s});
    request.sudo = true;
    QElapsedTimer clock;
    clock.start();
    const Collected c = runToEnd(executor, request, 15000);
    QVERIFY2(c.finished, "sudo hung");
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QVERIFY2(c.result.error.startsWith(u"sudo on fixture asks for a password"),
             qPrintable(c.result.error + u" / "_s + QString::fromUtf8(c.err)));
}

void SshExecutorTest::passwordAuthentication()
{
    SshSettings s = settings();
    s.methods = {AuthMethod::Password};
    s.password = m_sshd->value(u"PASSWORD"_s);
    SshExecutor executor(s);
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
}

void SshExecutorTest::passphraseProtectedKey()
{
    SshSettings s = settings();
    s.identityFiles = {m_sshd->value(u"KEY_WITH_PASSPHRASE"_s)};
    s.passphrase = m_sshd->value(u"PASSPHRASE"_s);
    SshExecutor executor(s);
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
}

void SshExecutorTest::keyboardInteractiveWithPam()
{
    SshFixture pam({u"--pam"_s});
    QVERIFY2(pam.isRunning(), qPrintable(pam.error()));
    SshSettings s = settings();
    s.port = pam.port();
    s.knownHostsFiles = {pam.value(u"KNOWN_HOSTS"_s)};
    s.methods = {AuthMethod::KeyboardInteractive};
    s.password = pam.value(u"PASSWORD"_s);
    SshExecutor executor(s);
    const Collected c = runToEnd(executor, argv({u"id"_s, u"-un"_s}));
    QVERIFY2(c.result.succeeded(), qPrintable(c.result.summary()));
    QCOMPARE(c.out, (pam.value(u"USER"_s) + u'\n').toUtf8());
    // A wrong answer is refused and said so.
    s.password = u"wrong"_s;
    SshExecutor refused(s);
    const Collected d = runToEnd(refused, argv({u"true"_s}));
    QVERIFY2(d.result.error.contains(u"keyboard-interactive (refused)"),
             qPrintable(d.result.error));
}

void SshExecutorTest::agentAuthentication()
{
    QVERIFY(m_sshd->run({u"agent"_s, m_sshd->directory()}));
    SshSettings s = settings();
    s.methods = {AuthMethod::Agent};
    s.agentSocket = m_sshd->value(u"SSH_AUTH_SOCK"_s);
    QVERIFY(!s.agentSocket.isEmpty());
    SshExecutor executor(s);
    const Collected c = runToEnd(executor, argv({u"true"_s}));
    m_sshd->run({u"agent-stop"_s, m_sshd->directory()});
    QVERIFY2(c.result.succeeded(), qPrintable(c.result.summary()));
}

void SshExecutorTest::wrongKeyAndWrongPasswordSayWhatWasTried()
{
    SshSettings s = settings();
    s.methods = {AuthMethod::Key, AuthMethod::Password};
    s.identityFiles = {m_sshd->value(u"WRONG_KEY"_s)};
    s.password = u"not-the-password"_s;
    SshExecutor executor(s);
    const Collected c = runToEnd(executor, argv({u"true"_s}));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QCOMPARE(c.result.error,
             u"Authentication failed for %1@fixture. Tried: key %2 (refused); password "
             "(refused). The server accepts: publickey, password, keyboard-interactive."_s.arg(
                 m_sshd->value(u"USER"_s), m_sshd->value(u"WRONG_KEY"_s)));
    QCOMPARE(executor.state(), ConnectionState::Failed);
}

void SshExecutorTest::unknownHostKeyIsRefusedHeadless()
{
    SshSettings s = settings();
    s.knownHostsFiles = {m_sshd->directory() + u"/empty_known_hosts"_s};
    SshExecutor executor(s);
    const Collected c = runToEnd(executor, argv({u"true"_s}));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QVERIFY2(c.result.error.startsWith(u"The authenticity of fixture (127.0.0.1 port %1) cannot "
                                       "be established: its ssh-ed25519 key %2 is in no "
                                       "known_hosts file"_s.arg(m_sshd->port())
                                           .arg(m_sshd->value(u"HOST_KEY_ED25519_FP"_s))),
             qPrintable(c.result.error));
}

void SshExecutorTest::unknownHostKeyAcceptedAndRemembered()
{
    SshSettings s = settings();
    const QString known = m_sshd->directory() + u"/remembered_known_hosts"_s;
    QFile::remove(known);
    s.knownHostsFiles = {known};
    {
        SshExecutor executor(s);
        HostKeyQuestion asked;
        connect(&executor, &SshExecutor::hostKeyQuestion, this,
                [&](const HostKeyQuestion &question) {
                    asked = question;
                    executor.answerHostKey(SshExecutor::HostKeyAnswer::AcceptAndRemember);
                });
        QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
        HostKeyQuestion expected;
        expected.hostName = u"fixture"_s;
        expected.address = u"127.0.0.1"_s;
        expected.port = m_sshd->port();
        expected.keyType = u"ssh-ed25519"_s;
        expected.fingerprint = m_sshd->value(u"HOST_KEY_ED25519_FP"_s);
        expected.rememberFile = known;
        QCOMPARE(asked, expected);
    }
    // Remembered, hashed like ssh-keygen -H: the next connection asks nothing.
    QFile file(known);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("|1|"));
    SshExecutor again(s);
    connect(&again, &SshExecutor::hostKeyQuestion, this, [] { QFAIL("asked twice"); });
    QVERIFY(runToEnd(again, argv({u"true"_s})).result.succeeded());
}

void SshExecutorTest::changedHostKeyIsRefusedWithFileAndLine()
{
    SshExecutor executor(settings());
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
    QVERIFY(m_sshd->run({u"rotate-hostkey"_s, m_sshd->directory()}));
    SshExecutor after(settings());
    const Collected c = runToEnd(after, argv({u"true"_s}));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QVERIFY2(c.result.error.startsWith(u"WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for "
                                       "fixture (127.0.0.1 port %1)!"_s.arg(m_sshd->port())),
             qPrintable(c.result.error));
    QVERIFY2(c.result.error.contains(
                 u"The known key is in %1 line "_s.arg(m_sshd->value(u"KNOWN_HOSTS"_s))),
             qPrintable(c.result.error));
    // Put the trusted keys back for the other tests.
    QFile::remove(m_sshd->value(u"KNOWN_HOSTS"_s));
    QVERIFY(QFile::copy(m_sshd->value(u"KNOWN_HOSTS_CURRENT"_s), m_sshd->value(u"KNOWN_HOSTS"_s)));
}

void SshExecutorTest::revokedHostKeyIsRefused()
{
    const QString revoked = m_sshd->directory() + u"/revoked_known_hosts"_s;
    QFile current(m_sshd->value(u"KNOWN_HOSTS"_s));
    QVERIFY(current.open(QIODevice::ReadOnly));
    const QByteArray trusted = current.readAll();
    QFile pub(m_sshd->value(u"HOST_KEY_ED25519_PUB"_s));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QList<QByteArray> fields = pub.readAll().trimmed().split(' ');
    QFile out(revoked);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // The key is trusted by its host line and revoked below it: revocation wins.
    out.write(trusted + "@revoked * " + fields.value(0) + ' ' + fields.value(1) + '\n');
    out.close();
    const int revokedLine = int(trusted.count('\n')) + 1;
    SshSettings s = settings();
    s.knownHostsFiles = {revoked};
    SshExecutor executor(s);
    const Collected c = runToEnd(executor, argv({u"true"_s}));
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QCOMPARE(c.result.error, u"The ssh-ed25519 host key of fixture (%1) is marked @revoked in %2 "
                             "line %3. OpsDeck refuses to connect."_s
                                 .arg(m_sshd->value(u"HOST_KEY_ED25519_FP"_s), revoked)
                                 .arg(revokedLine));
}

void SshExecutorTest::connectionRefusedAndDnsErrorsAreClear()
{
    SshSettings s = settings();
    s.port = 1; // nothing listens there
    SshExecutor refused(s);
    const Collected c = runToEnd(refused, argv({u"true"_s}));
    QCOMPARE(c.result.error, u"Connection to 127.0.0.1:1 refused: is sshd running and listening "
                             "on that port?"_s);
    s = settings();
    s.address = u"no-such-host.invalid"_s;
    SshExecutor unresolved(s);
    const Collected d = runToEnd(unresolved, argv({u"true"_s}));
    QVERIFY2(d.result.error.startsWith(u"Cannot resolve the host name no-such-host.invalid"),
             qPrintable(d.result.error));
}

void SshExecutorTest::silentServerTimesOut()
{
    // Accepts the TCP connection and never says a word, like a host behind a broken proxy.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    SshSettings s = settings();
    s.port = silent.serverPort();
    s.connectTimeoutMs = 1000;
    SshExecutor executor(s);
    QElapsedTimer clock;
    clock.start();
    const Collected c = runToEnd(executor, argv({u"true"_s}), 15000);
    QVERIFY2(c.finished, "no answer at all");
    QVERIFY(c.result.outcome == CommandResult::Outcome::Failed);
    QCOMPARE(c.result.error, u"No answer from 127.0.0.1:%1 within 1 s: the host is down or a "
                             "firewall drops the connection."_s.arg(silent.serverPort()));
    QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
}

void SshExecutorTest::killedServerFailsFastWithoutBlockingTheEventLoop()
{
    SshExecutor executor(settings());
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
    std::unique_ptr<CommandRun> run(executor.start(script(u"echo started; sleep 300"_s), nullptr));
    QSignalSpy output(run.get(), &CommandRun::standardOutput);
    QVERIFY(output.wait(10000));
    // Kill the listener and the connection's own sshd process: the host is gone.
    QProcess::execute(u"pkill"_s, {u"-KILL"_s, u"-f"_s, u"sshd.*"_s + m_sshd->directory()});
    QProcess::execute(u"pkill"_s, {u"-KILL"_s, u"-u"_s, m_sshd->value(u"USER"_s), u"sshd"_s});
    // From here on: the two pkill runs above block this loop themselves (50-80 ms on a
    // loaded machine), which is the test's doing, not OpsDeck's.
    StallMeter meter;
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(run->isFinished() || finished.wait(10000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Failed);
    QVERIFY2(run->result().error.startsWith(u"Connection to fixture lost"),
             qPrintable(run->result().error));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(meter.longestMs() < 50,
             qPrintable(u"event loop stalled %1 ms"_s.arg(meter.longestMs())));
    QCOMPARE(executor.state(), ConnectionState::Failed);
}

void SshExecutorTest::deletingDuringAStalledReadDoesNotWait()
{
    FreezingProxy proxy(quint16(m_sshd->port()));
    SshSettings s = settings();
    s.port = proxy.port();
    s.acceptUnknownHostKeys = true; // known_hosts names the sshd's own port
    QTRY_COMPARE_WITH_TIMEOUT(SshExecutor::runningSessionThreads(), 0, 3000);
    auto executor = std::make_unique<SshExecutor>(s);
    QVERIFY(runToEnd(*executor, argv({u"true"_s})).result.succeeded());
    proxy.freeze();
    // SFTP opens a channel and waits for the answer (libssh's timeout: 5 s) in a blocking call.
    executor->listDirectory(u"/"_s);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.heldBytes() > 0, 5000);

    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    executor.reset();
    QVERIFY2(clock.elapsed() < 100, qPrintable(u"deleting took %1 ms"_s.arg(clock.elapsed())));
    // The read was aborted: the thread ends long before libssh would have given up.
    QTRY_COMPARE_WITH_TIMEOUT(SshExecutor::runningSessionThreads(), 0, 2000);
    QCOMPARE(threadsNamed(u"ssh:fixture"_s), 0);
    QVERIFY2(meter.longestMs() < 100,
             qPrintable(u"event loop stalled %1 ms"_s.arg(meter.longestMs())));
}

void SshExecutorTest::reconnectsAfterServerRestart()
{
    SshExecutor executor(settings());
    QVERIFY(runToEnd(executor, argv({u"true"_s})).result.succeeded());
    QVERIFY(m_sshd->run({u"restart"_s, m_sshd->directory()}));
    QProcess::execute(u"pkill"_s, {u"-KILL"_s, u"-u"_s, m_sshd->value(u"USER"_s), u"sshd"_s});
    QTRY_COMPARE_WITH_TIMEOUT(executor.state(), ConnectionState::Failed, 10000);
    // The next command connects again by itself.
    const Collected c = runToEnd(executor, argv({u"echo"_s, u"back"_s}));
    QVERIFY2(c.result.succeeded(), qPrintable(c.result.summary()));
    QCOMPARE(c.out, QByteArray("back\n"));
    QCOMPARE(executor.state(), ConnectionState::Ready);
}

void SshExecutorTest::twentySessionsAtOnce()
{
    std::vector<std::unique_ptr<SshExecutor>> executors;
    std::vector<std::unique_ptr<CommandRun>> runs;
    for (int i = 0; i < 20; ++i) {
        SshSettings s = settings();
        s.hostName = u"fixture-%1"_s.arg(i);
        executors.push_back(std::make_unique<SshExecutor>(s));
        runs.emplace_back(executors.back()->start(argv({u"echo"_s, QString::number(i)}), nullptr));
    }
    for (int i = 0; i < 20; ++i) {
        if (!runs[i]->isFinished()) {
            QSignalSpy finished(runs[i].get(), &CommandRun::finished);
            QVERIFY(finished.wait(30000));
        }
        QVERIFY2(runs[i]->result().succeeded(), qPrintable(runs[i]->result().summary()));
        QCOMPARE(executors[i]->state(), ConnectionState::Ready);
    }
}

void SshExecutorTest::sftpListsStatsAndReadsRanges()
{
    SshExecutor executor(settings());
    const QString work = m_sshd->value(u"WORKDIR"_s) + u"/sftp"_s;
    QVERIFY(
        runToEnd(executor, script(u"rm -rf %1 && mkdir -p %1/dir && printf 0123456789 > %1/ten && "
                                  "chmod 640 %1/ten && ln -s ten %1/link"_s.arg(work)))
            .result.succeeded());

    QSignalSpy listed(&executor, &SshExecutor::directoryListed);
    const quint64 listId = executor.listDirectory(work);
    QVERIFY(listed.wait(10000));
    QCOMPARE(listed.at(0).at(0).toULongLong(), listId);
    QCOMPARE(listed.at(0).at(2).toString(), QString());
    const auto entries = listed.at(0).at(1).value<QList<RemoteFileInfo>>();
    QStringList names;
    for (const RemoteFileInfo &entry : entries)
        names.append(entry.name);
    QCOMPARE(names, (QStringList{u"dir"_s, u"link"_s, u"ten"_s}));
    QVERIFY(entries[0].isDirectory);
    QVERIFY(entries[1].isSymlink);
    QCOMPARE(entries[2].size, 10);
    QCOMPARE(entries[2].permissions & 0777, 0640u);
    QVERIFY(qAbs(entries[2].modified.secsTo(QDateTime::currentDateTimeUtc())) < 300);

    QSignalSpy statted(&executor, &SshExecutor::pathStatted);
    executor.statPath(work + u"/link"_s); // follows the link, as stat does
    QVERIFY(statted.wait(10000));
    QCOMPARE(statted.at(0).at(1).value<RemoteFileInfo>().size, 10);

    QSignalSpy read(&executor, &SshExecutor::fileRead);
    executor.readFile(work + u"/ten"_s, 3, 4);
    QVERIFY(read.wait(10000));
    QCOMPARE(read.at(0).at(1).toByteArray(), QByteArray("3456"));
    executor.readFile(work + u"/ten"_s, 8, 100); // past the end: what is there
    QVERIFY(read.wait(10000));
    QCOMPARE(read.at(1).at(1).toByteArray(), QByteArray("89"));

    executor.statPath(work + u"/missing"_s);
    QVERIFY(statted.wait(10000));
    QCOMPARE(statted.at(1).at(2).toString(),
             u"%1/missing on fixture: no such file or directory"_s.arg(work));
}

QTEST_GUILESS_MAIN(SshExecutorTest)
#include "tst_sshexecutor.moc"
