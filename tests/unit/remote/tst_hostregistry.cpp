// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/hostregistry.h"
#include "models/remote/localexecutor.h"
#include "models/workspace/workspaceloader.h"

#include <QPointer>
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
    QCOMPARE(settings.knownHostsFiles.size(), 2);
    QVERIFY(settings.knownHostsFiles.back().endsWith(u".ssh/known_hosts"));
}

QTEST_GUILESS_MAIN(HostRegistryTest)
#include "tst_hostregistry.moc"
