// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "models/remote/hostregistry.h"
#include "models/remote/localexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "stallmeter.h"
#include "threadtesting.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

Workspace workspaceWith(const QByteArray &hosts)
{
    const WorkspaceLoadResult result =
        parseWorkspace("environments:\n  - name: prod\n    hosts:\n" + hosts, u"w.yaml"_s);
    if (!result.ok())
        qFatal("bad test workspace: %s", qPrintable(result.diagnostics.value(0).toString()));
    return result.workspace;
}

} // namespace

class HostRegistryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makesTheRightExecutor();
    void keepsConnectionsAcrossReloads();
    void settingsFollowTheWorkspace();
    void deadHostNeverFreezesTheWindow();
};

void HostRegistryTest::makesTheRightExecutor()
{
    HostRegistry registry(nullptr);
    registry.setWorkspace(workspaceWith("      - name: here\n        connection: local\n"
                                        "      - name: there\n        address: 10.9.9.9\n"));
    QCOMPARE(registry.state(u"here"_s), ConnectionState::Local);
    QCOMPARE(registry.state(u"there"_s), ConnectionState::Disconnected);
    QVERIFY(qobject_cast<LocalExecutor *>(registry.executor(u"here"_s)));
    QVERIFY(qobject_cast<SshExecutor *>(registry.executor(u"there"_s)));
    QVERIFY(!registry.executor(u"nowhere"_s));
}

void HostRegistryTest::keepsConnectionsAcrossReloads()
{
    HostRegistry registry(nullptr);
    registry.setWorkspace(workspaceWith("      - name: a\n        address: 10.0.0.1\n"
                                        "      - name: b\n        address: 10.0.0.2\n"));
    Executor *a = registry.executor(u"a"_s);
    const QPointer<Executor> b = registry.executor(u"b"_s);
    // The file was saved with a new tag on a and a new port on b.
    registry.setWorkspace(
        workspaceWith("      - name: a\n        address: 10.0.0.1\n        tags: [x]\n"
                      "      - name: b\n        address: 10.0.0.2\n        port: 2222\n"));
    QCOMPARE(registry.executor(u"a"_s), a); // same connection settings: kept
    QVERIFY(b.isNull());                    // new port: the old connection is gone
    QVERIFY(registry.executor(u"b"_s));
    registry.setWorkspace(workspaceWith("      - name: c\n"));
    QCOMPARE(registry.hostNames(), QStringList{u"c"_s});
}

void HostRegistryTest::settingsFollowTheWorkspace()
{
    const Workspace workspace =
        workspaceWith("      - name: web\n        address: 10.0.0.5\n"
                      "        port: 2200\n        user: deploy\n"
                      "        auth: password\n        key: ~/.ssh/deploy\n");
    const SshSettings settings = sshSettingsFor(workspace.environments[0].hosts[0]);
    QCOMPARE(settings.address, u"10.0.0.5"_s);
    QCOMPARE(settings.port, 2200);
    QCOMPARE(settings.user, u"deploy"_s);
    QVERIFY(settings.methods.front() == AuthMethod::Password); // the workspace's choice first
    QCOMPARE(settings.methods.size(), 4);
    QCOMPARE(settings.identityFiles, QStringList{u"~/.ssh/deploy"_s});
    QCOMPARE(settings.knownHostsFiles.size(), 1);
    QVERIFY(settings.knownHostsFiles.front().endsWith(u"/known_hosts"));
    QVERIFY(!settings.knownHostsFiles.front().contains(u"/.ssh/"));
    // OpenSSH's files and configuration, as `ssh -p 2200 deploy@10.0.0.5` reads them.
    QCOMPARE(settings.userKnownHostsFiles,
             (QStringList{u"~/.ssh/known_hosts"_s, u"~/.ssh/known_hosts2"_s}));
    QCOMPARE(settings.globalKnownHostsFiles,
             (QStringList{u"/etc/ssh/ssh_known_hosts"_s, u"/etc/ssh/ssh_known_hosts2"_s}));
    QCOMPARE(settings.sshConfigFiles, (QStringList{u"~/.ssh/config"_s, u"/etc/ssh/ssh_config"_s}));
    QCOMPARE(settings.sshConfigName, u"10.0.0.5"_s);
    // A host from ~/.ssh/config is matched by its alias, as `ssh alias` would be.
    Host imported = workspace.environments[0].hosts[0];
    imported.sshConfigAlias = u"web-alias"_s;
    QCOMPARE(sshSettingsFor(imported).sshConfigName, u"web-alias"_s);
}

void HostRegistryTest::deadHostNeverFreezesTheWindow()
{
    // Takes the TCP connection and never says a word, like a host that died after the
    // handshake: the client sits in ssh_connect() waiting for the banner for the whole
    // connect timeout (10 s).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connected(&silent, &QTcpServer::newConnection);
    const QByteArray host = "      - name: blackhole\n        address: 127.0.0.1\n        port: " +
                            QByteArray::number(silent.serverPort()) + '\n';
    // The executors of the other tests are gone: so are their threads.
    QTRY_COMPARE_WITH_TIMEOUT(SshExecutor::runningSessionThreads(), 0, 3000);

    auto registry = std::make_unique<HostRegistry>(nullptr);
    registry->setWorkspace(workspaceWith(host));
    std::unique_ptr<CommandRun> first(
        registry->executor(u"blackhole"_s)->start(CommandTesting::argv({u"true"_s}), nullptr));
    QVERIFY(connected.wait(5000)); // the session thread is in ssh_connect() now
    QCOMPARE(SshExecutor::runningSessionThreads(), 1);
    QCOMPARE(threadsNamed(u"ssh:blackhole"_s), 1);

    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    // The host is edited: its executor is replaced while the old connect is still blocked.
    registry->setWorkspace(workspaceWith(host + "        user: someone-else\n"));
    const qint64 replaceMs = clock.elapsed();
    QVERIFY2(replaceMs < 100, qPrintable(u"replacing took %1 ms"_s.arg(replaceMs)));
    // Its command fails at once, and says why.
    QVERIFY(first->isFinished());
    QVERIFY(first->result().outcome == CommandResult::Outcome::Failed);
    QCOMPARE(first->result().error, u"OpsDeck is closing the connection to blackhole"_s);

    // The new executor goes to the same silent host.
    std::unique_ptr<CommandRun> second(
        registry->executor(u"blackhole"_s)->start(CommandTesting::argv({u"true"_s}), nullptr));
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.size(), 2);
    clock.restart();
    registry.reset(); // and the window closes
    const qint64 destroyMs = clock.elapsed();
    QVERIFY2(destroyMs < 100, qPrintable(u"destroying took %1 ms"_s.arg(destroyMs)));
    QVERIFY(second->isFinished());
    QCOMPARE(second->result().error, u"OpsDeck is closing the connection to blackhole"_s);

    // Both session threads end by themselves, long before their 10 s connect timeout: the
    // connect was aborted, not waited for.
    QTRY_COMPARE_WITH_TIMEOUT(SshExecutor::runningSessionThreads(), 0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(threadsNamed(u"ssh:blackhole"_s), 0, 1000);
    QVERIFY2(meter.longestMs() < 100,
             qPrintable(u"event loop stalled %1 ms"_s.arg(meter.longestMs())));
}

QTEST_GUILESS_MAIN(HostRegistryTest)
#include "tst_hostregistry.moc"
