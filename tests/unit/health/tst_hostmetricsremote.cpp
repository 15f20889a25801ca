// SPDX-License-Identifier: GPL-3.0-or-later
// Host metrics over a real sshd (tests/scripts/sshd-fixture.sh) on this same machine: the
// script's values through SSH equal those read from /proc here at the same moment, it runs in
// read-only mode, and the poller streams samples through one audited command.
#include "commandtesting.h"
#include "models/health/hostmetricspoller.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"
#include "mountpoints.h"
#include "sshfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const FilesystemUsage *root(const HostSnapshot &snapshot)
{
    if (!snapshot.filesystems)
        return nullptr;
    for (const FilesystemUsage &fs : *snapshot.filesystems) {
        if (fs.mountPoint == u"/")
            return &fs;
    }
    return nullptr;
}

} // namespace

class HostMetricsRemoteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sshValuesEqualLocalOnes();
    void pollerStreamsSamplesThroughOneAuditedCommand();
    void unreachableHostBacksOff();

private:
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
};

void HostMetricsRemoteTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    const QByteArray text =
        QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                m_sshd->workspaceHost(u"fixture"_s) + m_sshd->workspaceHost(u"gone"_s, 1))
            .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);
}

void HostMetricsRemoteTest::cleanupTestCase()
{
    m_registry.reset();
    m_audited.reset();
    m_sshd.reset();
}

void HostMetricsRemoteTest::sshValuesEqualLocalOnes()
{
    CommandRequest request;
    request.script = hostMetricsScript();
    QCOMPARE(CommandRunner::assess(request).risk, Risk::Read);
    // Read-only mode lets it run: the gate judged it Read from its text.
    m_audited->readOnly.setEnabled(true);
    QByteArray output;
    std::unique_ptr<CommandRun> run(
        m_audited->runner.run(m_registry->executor(u"fixture"_s), request, nullptr));
    connect(run.get(), &CommandRun::standardOutput, this,
            [&output](const QByteArray &data) { output += data; });
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(60000));
    m_audited->readOnly.setEnabled(false);
    QVERIFY2(run->result().succeeded(), qPrintable(run->result().error + run->result().summary()));
    const HostSnapshot local = parseHostSnapshot(readLocalHostMetricsOutput());
    const HostSnapshot remote = parseHostSnapshot(output);

    QVERIFY(remote.memory && local.memory);
    QCOMPARE(remote.memory->totalKiB, local.memory->totalKiB);
    QVERIFY(remote.cpuCount && local.cpuCount);
    QCOMPARE(*remote.cpuCount, *local.cpuCount);
    QCOMPARE(remote.cpus.size(), local.cpus.size());
    QCOMPARE(remote.hostName, local.hostName);
    // The root filesystem's size, where "/" is a mount point (not in a chroot, such as the fresh
    // Debian root the setup is proven in); the same filesystems seen either way in any case.
    if (visibleMountPoints().contains(u"/"_s)) {
        QVERIFY(root(remote) && root(local));
        QCOMPARE(root(remote)->sizeKiB, root(local)->sizeKiB);
        QVERIFY(qAbs(root(remote)->usedKiB - root(local)->usedKiB) < 1024 * 1024); // builds write
    }
    QVERIFY(remote.filesystems && local.filesystems);
    QVERIFY(remote.load && local.load);
    QVERIFY2(qAbs(remote.load->one - local.load->one) < 1.0,
             qPrintable(u"%1 %2"_s.arg(remote.load->one).arg(local.load->one)));
    QVERIFY(qAbs(*remote.uptimeSeconds - *local.uptimeSeconds) < 30);
    QVERIFY(remote.interfaces && local.interfaces);
    QCOMPARE(remote.interfaces->size(), local.interfaces->size());
    QVERIFY(remote.disks && local.disks);
    QCOMPARE(remote.disks->size(), local.disks->size());
    // systemd: whatever this machine answers, it is never "0 failed units" without asking.
    QVERIFY(remote.failedUnits || remote.errors.contains(u"systemd"_s));
    // This computer asks its systemctl as the script does: the same answer.
    QCOMPARE(local.failedUnits.has_value(), remote.failedUnits.has_value());
    if (local.failedUnits)
        QCOMPARE(*local.failedUnits, *remote.failedUnits);
}

void HostMetricsRemoteTest::pollerStreamsSamplesThroughOneAuditedCommand()
{
    const std::optional<QList<AuditEntry>> before = m_audited->entries();
    QVERIFY(before);
    HostMetricsPoller poller(
        u"fixture"_s, &m_audited->runner,
        [this](const QString &host) { return m_registry->executor(host); }, 1);
    QSignalSpy samples(&poller, &HostMetricsPoller::sampled);
    QSignalSpy failures(&poller, &HostMetricsPoller::failed);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 3, 60000);
    QCOMPARE(failures.size(), 0);
    const auto first = samples.at(0).at(0).value<HostMetrics>();
    const auto third = samples.at(2).at(0).value<HostMetrics>();
    QVERIFY(!first.cpu); // nothing to compare with yet
    QVERIFY(third.cpu);
    QVERIFY(third.cpu->busy >= 0 && third.cpu->busy <= 100);
    QVERIFY(third.elapsedSeconds > 0.5 && third.elapsedSeconds < 10);
    QVERIFY(third.receivedBytesPerSecond);
    QVERIFY(poller.lastSnapshot());

    poller.pause();
    const int count = int(samples.size());
    QTest::qWait(2500);
    QCOMPARE(samples.size(), count);
    // Three polls and more, one audit row: the session, closed when paused.
    std::optional<QList<AuditEntry>> after;
    QTRY_VERIFY_WITH_TIMEOUT((after = m_audited->entries()) &&
                                 after->size() == before->size() + 1 &&
                                 after->first().finishedAt.isValid(),
                             20000);
    QCOMPARE(after->first().host, u"fixture"_s);
    QVERIFY(after->first().command.contains(u"@@snapshot"_s));

    poller.resume();
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() > count, 60000);
    poller.pause();
}

void HostMetricsRemoteTest::unreachableHostBacksOff()
{
    HostMetricsPoller poller(
        u"gone"_s, &m_audited->runner,
        [this](const QString &host) { return m_registry->executor(host); }, 1);
    poller.setRetryDelays(100, 400);
    QSignalSpy failures(&poller, &HostMetricsPoller::failed);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(failures.size() >= 3, 60000);
    QCOMPARE(poller.retryDelayMs(), 400); // 100, 200, 400 and no further
    poller.pause();
}

QTEST_GUILESS_MAIN(HostMetricsRemoteTest)
#include "tst_hostmetricsremote.moc"
