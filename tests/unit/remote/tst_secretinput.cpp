// SPDX-License-Identifier: GPL-3.0-or-later
// Standard input for commands, and secrets kept off command lines: on this computer and through
// a real sshd, watched with ps and /proc while the command runs.
#include "commandlinewatch.h"
#include "commandtesting.h"
#include "models/remote/localexecutor.h"
#include "models/remote/sshexecutor.h"
#include "sshfixture.h"

#include <QRandomGenerator>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using namespace CommandTesting;

Q_DECLARE_METATYPE(OpsDeck::CommandRequest)

class SecretInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestsThatWouldLeakAreRefused_data();
    void requestsThatWouldLeakAreRefused();
    void standardInputArrivesVerbatim_data();
    void standardInputArrivesVerbatim();
    void theWatchSeesAMarkerOnACommandLine();
    void secretsStayOffTheCommandLine_data();
    void secretsStayOffTheCommandLine();

private:
    std::unique_ptr<Executor> executor(const QString &kind) const;
    std::unique_ptr<SshFixture> m_sshd;
};

void SecretInputTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
}

std::unique_ptr<Executor> SecretInputTest::executor(const QString &kind) const
{
    if (kind == u"local")
        return std::make_unique<LocalExecutor>(u"this computer"_s);
    SshSettings s;
    s.hostName = u"fixture"_s;
    s.address = u"127.0.0.1"_s;
    s.port = m_sshd->port();
    s.user = m_sshd->value(u"USER"_s);
    s.methods = {AuthMethod::Key};
    s.identityFiles = {m_sshd->value(u"KEY"_s)};
    s.knownHostsFiles = {m_sshd->value(u"KNOWN_HOSTS"_s)};
    s.connectTimeoutMs = 5000;
    return std::make_unique<SshExecutor>(s);
}

void SecretInputTest::requestsThatWouldLeakAreRefused_data()
{
    QTest::addColumn<CommandRequest>("request");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    CommandRequest scriptWithInput = script(u"cat"_s);
    scriptWithInput.standardInput = "data";
    QTest::newRow("script and standard input") << scriptWithInput << u"standard input"_s;
    CommandRequest argvWithSecret = argv({u"deploy"_s});
    argvWithSecret.environment.insert(u"API_TOKEN"_s, u"t"_s);
    QTest::newRow("argv with a secret-named variable") << argvWithSecret << u"API_TOKEN"_s;
    CommandRequest scriptWithSecret = script(u"deploy"_s);
    scriptWithSecret.environment.insert(u"API_TOKEN"_s, u"t"_s);
    QTest::newRow("script with a secret-named variable") << scriptWithSecret << QString();
    CommandRequest argvWithPlain = argv({u"deploy"_s});
    argvWithPlain.environment.insert(u"PGSSLMODE"_s, u"require"_s);
    argvWithPlain.standardInput = "data";
    QTest::newRow("argv with input and a plain variable") << argvWithPlain << QString();
}

void SecretInputTest::requestsThatWouldLeakAreRefused()
{
    QFETCH(CommandRequest, request);
    QFETCH(QString, refusal);
    const QString invalid = validateRequest(request);
    if (refusal.isEmpty())
        QCOMPARE(invalid, QString());
    else
        QVERIFY2(invalid.contains(refusal), qPrintable(invalid));
    // Whatever is accepted puts no secret-named value on the command line.
    QVERIFY(!composeShellCommand(request).contains(u"API_TOKEN"_s));
}

void SecretInputTest::standardInputArrivesVerbatim_data()
{
    QTest::addColumn<QString>("executor");
    QTest::addColumn<QByteArray>("input");
    QByteArray everyByte;
    for (int byte = 0; byte < 256; ++byte)
        everyByte += char(byte);
    QByteArray large(300 * 1024, Qt::Uninitialized);
    for (char &byte : large)
        byte = char(QRandomGenerator::global()->bounded(256));
    for (const QString &kind : {u"local"_s, u"ssh"_s}) {
        QTest::addRow("%s: every byte", qPrintable(kind)) << kind << everyByte;
        QTest::addRow("%s: trailing newlines", qPrintable(kind)) << kind << QByteArray("a\n\n\n");
        QTest::addRow("%s: lines like markers", qPrintable(kind))
            << kind << QByteArray("OPSDECK_IN_0\n\x1fOPSDECK:x\n%s%b\\0101\n");
        QTest::addRow("%s: 300 KiB of random bytes", qPrintable(kind)) << kind << large;
    }
}

void SecretInputTest::standardInputArrivesVerbatim()
{
    QFETCH(QString, executor);
    QFETCH(QByteArray, input);
    const std::unique_ptr<Executor> host = this->executor(executor);
    CommandRequest request = argv({u"cat"_s});
    request.standardInput = input;
    const Collected c = runToEnd(*host, request, 60000);
    QVERIFY2(c.finished && c.result.succeeded(),
             qPrintable(c.result.summary() + QString::fromUtf8(c.err)));
    QCOMPARE(c.out.size(), input.size());
    QVERIFY(c.out == input);
    // Without input, a command still reads end of file at once.
    QCOMPARE(runToEnd(*host, argv({u"wc"_s, u"-c"_s})).out.trimmed(), QByteArray("0"));
}

void SecretInputTest::theWatchSeesAMarkerOnACommandLine()
{
    // The negative results below mean something only if the watch finds what is there.
    const QByteArray marker =
        "opsdeck-visible-" + QByteArray::number(QRandomGenerator::global()->generate());
    const std::unique_ptr<Executor> host = executor(u"local"_s);
    CommandRequest request =
        argv({u"sh"_s, u"-c"_s, u"sleep 1 # "_s + QString::fromLatin1(marker)});
    std::unique_ptr<CommandRun> run(host->start(request, nullptr));
    CommandLineWatch watch(marker);
    QVERIFY(watch.watchUntil(run.get(), &CommandRun::finished));
    QVERIFY(watch.sawMarker());
}

void SecretInputTest::secretsStayOffTheCommandLine_data()
{
    QTest::addColumn<QString>("executor");
    QTest::addColumn<bool>("throughEnvironment"); // else on standardInput
    for (const QString &kind : {u"local"_s, u"ssh"_s}) {
        QTest::addRow("%s: standard input", qPrintable(kind)) << kind << false;
        QTest::addRow("%s: secret-named environment variable", qPrintable(kind)) << kind << true;
    }
}

void SecretInputTest::secretsStayOffTheCommandLine()
{
    QFETCH(QString, executor);
    QFETCH(bool, throughEnvironment);
    const QByteArray marker =
        "opsdeck-secret-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const std::unique_ptr<Executor> host = this->executor(executor);
    CommandRequest request;
    if (throughEnvironment) {
        request.script = u"sleep 2; printf '%s' \"$DEPLOY_TOKEN\""_s;
        request.environment.insert(u"DEPLOY_TOKEN"_s, QString::fromLatin1(marker));
    } else {
        request.argv = {u"sh"_s, u"-c"_s, u"IFS= read -r v; sleep 2; printf '%s' \"$v\""_s};
        request.standardInput = marker + '\n';
    }
    QCOMPARE(validateRequest(request), QString());
    std::unique_ptr<CommandRun> run(host->start(request, nullptr));
    QByteArray out;
    connect(run.get(), &CommandRun::standardOutput, this,
            [&out](const QByteArray &data) { out += data; });
    CommandLineWatch watch(marker);
    QVERIFY(watch.watchUntil(run.get(), &CommandRun::finished));
    QVERIFY2(run->result().succeeded(), qPrintable(run->result().summary()));
    QCOMPARE(out, marker);
    QVERIFY2(watch.samples() >= 5, "the command ended before it could be watched");
    QVERIFY2(!watch.sawMarker(), qPrintable(watch.sightings()));
}

QTEST_GUILESS_MAIN(SecretInputTest)
#include "tst_secretinput.moc"
