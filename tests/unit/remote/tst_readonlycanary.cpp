// SPDX-License-Identifier: GPL-3.0-or-later
// Every command of the safety corpus that is not Read, sent for real in read-only mode (with
// every confirmation given) to this computer and through a real sshd: the canary file must
// stay as it is. A control run without read-only mode shows the canary would notice.
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/remote/sshexecutor.h"
#include "safetycorpus.h"
#include "sshfixture.h"
#include "statetesting.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace OpsDeck::Testing;
using namespace Qt::StringLiterals;

class ReadOnlyCanaryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void canarySurvives_data();
    void canarySurvives();
    void canaryNoticesADeletion_data();
    void canaryNoticesADeletion();

private:
    Executor *executor(const QString &where) const;
    CommandResult runAndWait(Executor *executor, const QString &command);
    bool canaryIntact(QString *why) const;

    QTemporaryDir m_stateDirectory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<CommandRunner> m_runner;
    std::unique_ptr<LocalExecutor> m_local;
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<SshExecutor> m_remote;
    std::unique_ptr<QTemporaryDir> m_canaryDirectory;
};

namespace {
const QByteArray CanaryContent = "the canary is alive\n";
}

void ReadOnlyCanaryTest::initTestCase()
{
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(
        StateTesting::openStore(*m_store, m_stateDirectory.filePath(u"state.sqlite"_s), &error),
        qPrintable(error));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_readOnly = std::make_unique<ReadOnlyMode>(true);
    m_runner = std::make_unique<CommandRunner>(m_auditLog.get(), m_readOnly.get());
    m_local = std::make_unique<LocalExecutor>(u"this-computer"_s);
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    SshSettings s;
    s.hostName = u"fixture"_s;
    s.address = u"127.0.0.1"_s;
    s.port = m_sshd->port();
    s.user = m_sshd->value(u"USER"_s);
    s.methods = {AuthMethod::Key};
    s.identityFiles = {m_sshd->value(u"KEY"_s)};
    s.knownHostsFiles = {m_sshd->value(u"KNOWN_HOSTS"_s)};
    s.connectTimeoutMs = 5000;
    m_remote = std::make_unique<SshExecutor>(s);
}

void ReadOnlyCanaryTest::cleanupTestCase()
{
    m_remote.reset();
    m_runner.reset();
    m_auditLog.reset();
    m_store.reset();
}

void ReadOnlyCanaryTest::init()
{
    // World-writable, so that the sshd fixture's user could change it too.
    m_canaryDirectory = std::make_unique<QTemporaryDir>(u"/tmp/opsdeck-canary-XXXXXX"_s);
    QVERIFY(m_canaryDirectory->isValid());
    QFile::setPermissions(m_canaryDirectory->path(), QFile::Permissions(0x7777));
    QFile canary(m_canaryDirectory->filePath(u"canary"_s));
    QVERIFY(canary.open(QIODevice::WriteOnly));
    canary.write(CanaryContent);
    canary.close();
    canary.setPermissions(QFile::Permissions(0x6666));
}

Executor *ReadOnlyCanaryTest::executor(const QString &where) const
{
    return where == u"local" ? static_cast<Executor *>(m_local.get()) : m_remote.get();
}

CommandResult ReadOnlyCanaryTest::runAndWait(Executor *executor, const QString &command)
{
    CommandRequest request;
    request.script = command;
    request.timeoutMs = 10000;
    // Everything confirmed: only read-only mode stands in the way.
    request.confirmedRisk = Risk::Destroy;
    request.confirmedHosts = {executor->hostName()};
    std::unique_ptr<CommandRun> run(m_runner->run(executor, request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    if (!finished.wait(20000))
        return {};
    return run->result();
}

bool ReadOnlyCanaryTest::canaryIntact(QString *why) const
{
    const QDir directory(m_canaryDirectory->path());
    const QStringList entries =
        directory.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (entries != QStringList{u"canary"_s}) {
        *why = u"the canary's directory holds: "_s + entries.join(u", "_s);
        return false;
    }
    QFile canary(directory.filePath(u"canary"_s));
    if (!canary.open(QIODevice::ReadOnly) || canary.readAll() != CanaryContent) {
        *why = u"the canary file was changed"_s;
        return false;
    }
    if (QFileInfo(canary).permissions() != QFile::Permissions(0x6666)) {
        *why = u"the canary's permissions were changed"_s;
        return false;
    }
    return true;
}

void ReadOnlyCanaryTest::canarySurvives_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("command");
    for (const QString &where : {u"local"_s, u"ssh"_s}) {
        for (const SafetyCase &row : loadSafetyCorpus()) {
            if (row.risk == Risk::Read)
                continue;
            QTest::addRow("%s, line %d: %s", qPrintable(where), row.line,
                          qPrintable(row.command.left(50)))
                << where << row.command;
        }
    }
}

void ReadOnlyCanaryTest::canarySurvives()
{
    QFETCH(QString, where);
    QFETCH(QString, command);
    const QString filled =
        withCanary(command, m_canaryDirectory->filePath(u"canary"_s), m_canaryDirectory->path());
    const CommandResult result = runAndWait(executor(where), filled);
    QVERIFY2(result.outcome == CommandResult::Outcome::Failed, qPrintable(result.summary()));
    QVERIFY2(result.error.startsWith(u"Read-only mode is on"), qPrintable(result.error));
    QString why;
    QVERIFY2(canaryIntact(&why), qPrintable(why));
}

void ReadOnlyCanaryTest::canaryNoticesADeletion_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("local") << u"local"_s;
    QTest::newRow("ssh") << u"ssh"_s;
}

void ReadOnlyCanaryTest::canaryNoticesADeletion()
{
    QFETCH(QString, where);
    m_readOnly->setEnabled(false);
    const CommandResult result =
        runAndWait(executor(where), u"rm -f "_s + m_canaryDirectory->filePath(u"canary"_s));
    m_readOnly->setEnabled(true);
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + u' ' + result.error));
    QString why;
    QVERIFY(!canaryIntact(&why));
}

QTEST_GUILESS_MAIN(ReadOnlyCanaryTest)
#include "tst_readonlycanary.moc"
