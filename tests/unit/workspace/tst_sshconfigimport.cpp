// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/openssh/sshconfig.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspacedocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QByteArray config = R"(Host bastion
    HostName bastion.example.com
    User ops
    IdentityFile ~/.ssh/ops_ed25519
    IdentitiesOnly yes

Host db-*
    User postgres

Host db-1
    HostName 10.0.0.21
    Port 2222
    ProxyJump bastion

Host deep
    HostName 10.9.9.9
    ProxyJump admin@gate.example.com:2200,bastion

Host web-1 taken
    HostName 10.0.0.11
)";

} // namespace

class SshConfigImportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostsBecomeAnEnvironment();
    void documentShowsThemAfterTheWorkspace();
};

void SshConfigImportTest::hostsBecomeAnEnvironment()
{
    const SshConfig parsed = SshConfig::parse(config, u"config"_s);
    const Environment environment = environmentFromSshConfig(parsed, {u"taken"_s});
    QVERIFY(environment.imported);
    QStringList names;
    for (const Host &host : environment.hosts)
        names.append(host.name);
    // Patterns are not hosts; a name the workspace has stays the workspace's.
    QCOMPARE(names, (QStringList{u"bastion"_s, u"db-1"_s, u"admin@gate.example.com:2200"_s,
                                 u"deep"_s, u"web-1"_s}));
    const Host &bastion = environment.hosts[0];
    QCOMPARE(bastion.address, u"bastion.example.com"_s);
    QCOMPARE(bastion.user, u"ops"_s);
    QVERIFY(bastion.auth == AuthMethod::Key);
    QVERIFY(bastion.identityFile.endsWith(u"/.ssh/ops_ed25519"));
    const Host &db = environment.hosts[1];
    QCOMPARE(db.address, u"10.0.0.21"_s);
    QCOMPARE(db.port, 2222);
    QCOMPARE(db.user, u"postgres"_s); // from the db-* pattern
    QCOMPARE(db.jumpHost, u"bastion"_s);
    // ProxyJump a,b: a hop that is no alias becomes a host; the target goes through the last.
    const Host &gate = environment.hosts[2];
    QCOMPARE(gate.address, u"gate.example.com"_s);
    QCOMPARE(gate.port, 2200);
    QCOMPARE(gate.user, u"admin"_s);
    QCOMPARE(environment.hosts[3].jumpHost, u"bastion"_s);
    // ssh_config's Host blocks match an alias as `ssh db-1` would; a bare hop by its address.
    QCOMPARE(db.sshConfigAlias, u"db-1"_s);
    QCOMPARE(gate.sshConfigAlias, QString());
}

void SshConfigImportTest::documentShowsThemAfterTheWorkspace()
{
    QTemporaryDir directory;
    const QString configPath = directory.filePath(u"ssh_config"_s);
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config);
    file.close();
    WorkspaceDocument document;
    document.setSshConfigPath(configPath);
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.reload();
    QVERIFY(changed.wait(5000));
    const Workspace &workspace = document.workspace();
    QVERIFY(workspace.isBuiltIn());
    QCOMPARE(workspace.environments.size(), 2);
    QCOMPARE(workspace.environments[1].name, u"~/.ssh/config"_s);
    QVERIFY(workspace.findHost(u"db-1"));
    QVERIFY(workspace.findHost(u"taken"));
}

QTEST_GUILESS_MAIN(SshConfigImportTest)
#include "tst_sshconfigimport.moc"
