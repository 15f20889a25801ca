// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace database reached through an SSH tunnel: the PostgreSQL of
// tests/scripts/postgres-fixture.sh seen from a host reached over the real sshd of
// tests/scripts/sshd-fixture.sh. Owned by that host (its password from the keychain, bound to the
// host's address), or owned by a local host and naming it as `via`: either way the session opens
// through the tunnel and its views read.
#include "databasetesting.h"
#include "models/database/databasesession.h"
#include "models/remote/hostregistry.h"
#include "models/secrets/credentialstore.h"
#include "models/workspace/workspaceloader.h"
#include "postgresfixture.h"
#include "sshfixture.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace DatabaseTesting;
using namespace Qt::StringLiterals;

class DatabaseTunnelTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<HostRegistry> m_registry;
    Workspace m_workspace;

    Database database(const QString &name) const
    {
        Database database;
        database.name = name;
        // As the SSH host sees it: the server listens on its loopback only.
        database.host = u"127.0.0.1"_s;
        database.port = m_postgres->value(u"PORT"_s).toInt();
        database.database = m_postgres->value(u"DATABASE"_s);
        database.user = m_postgres->value(u"USER"_s);
        database.sslMode = u"disable"_s;
        return database;
    }

    DatabaseServices services() const
    {
        DatabaseServices services;
        HostRegistry *registry = m_registry.get();
        services.executorFor = [registry](const QString &host) { return registry->executor(host); };
        services.credentials = m_credentials.get();
        services.workspace = m_workspace;
        return services;
    }

    // Activity read through the session: rows, among them our own session, arriving from the
    // SSH host's side of the tunnel.
    static void checkActivity(DatabaseSession &session)
    {
        QVERIFY(refreshed(session, DatabaseView::Activity));
        const DatabaseSnapshot snapshot = session.lastSnapshot(DatabaseView::Activity);
        QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
        QVERIFY(session.activity()->rowCount() > 0);
        const int own = session.activity()->rowOf(QString::number(session.server().ownPid));
        QVERIFY(own >= 0);
        QVERIFY(session.activity()->rowAt(own).own);
        QCOMPARE(session.activity()->rowAt(own).client, u"127.0.0.1"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DatabaseView>();
        // No session bus: the keychain is memory-only, so the test's password reaches no file.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/opsdeck-test-bus");
        m_credentials = std::make_unique<CredentialStore>();
        m_credentials->setProbeTimeout(std::chrono::milliseconds(2000));
        QSignalSpy probed(m_credentials.get(), &CredentialStore::probed);
        m_credentials->probe();
        QVERIFY(probed.wait(10000));
        QVERIFY(m_credentials->isMemoryOnly());

        m_postgres = std::make_unique<PostgresFixture>();
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        m_sshd = std::make_unique<SshFixture>();
        QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
        const QByteArray text = QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                                        m_sshd->workspaceHost(u"fixture"_s) +
                                        u"      - {name: here, connection: local}\n"_s)
                                    .toUtf8();
        const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        m_workspace = loaded.workspace;
        QList<Host> &hosts = m_workspace.environments.first().hosts;
        QCOMPARE(hosts.size(), 2);
        QVERIFY(!hosts.at(0).isLocal());
        Database owned = database(u"orders"_s);
        owned.password.entry = u"lab/orders-db"_s;
        hosts[0].databases.append(owned);
        Database via = database(u"reports"_s);
        via.viaHost = u"fixture"_s;
        hosts[1].databases.append(via);
        m_registry = std::make_unique<HostRegistry>(nullptr);
        m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
        m_registry->setWorkspace(m_workspace);
    }

    void cleanupTestCase()
    {
        m_registry.reset();
        m_credentials.reset();
        m_sshd.reset();
        m_postgres.reset();
    }

    void ownedBySshHostWithKeychainPassword()
    {
        // The password is bound to the server as its host reaches it: the host's address.
        QSignalSpy written(m_credentials.get(), &CredentialStore::written);
        m_credentials->write(u"lab/orders-db"_s, m_postgres->value(u"PASSWORD"_s),
                             secretAddress(u"127.0.0.1"_s, m_postgres->value(u"PORT"_s).toInt()));
        QVERIFY(written.wait(5000));

        DatabaseMonitor monitor(services());
        QCOMPARE(monitor.databases().size(), 2);
        DatabaseSession *session = monitor.session(u"orders"_s);
        QVERIFY(session);
        QSignalSpy passwordNeeded(session, &DatabaseSession::passwordNeeded);
        session->start();
        QVERIFY2(waitState(*session, DatabaseConnectionState::Open, 30000),
                 qPrintable(session->error()));
        QCOMPARE(passwordNeeded.size(), 0);
        QVERIFY2(session->title().endsWith(u"through fixture"_s), qPrintable(session->title()));
        checkActivity(*session);
        QVERIFY(refreshed(*session, DatabaseView::Overview));
        QVERIFY(session->databaseStats()->rowOf(m_postgres->value(u"DATABASE"_s)) >= 0);
    }

    void ownedLocallyViaSshHost()
    {
        DatabaseMonitor monitor(services());
        DatabaseSession *session = monitor.session(u"reports"_s);
        QVERIFY(session);
        session->providePassword(m_postgres->value(u"PASSWORD"_s), false);
        QVERIFY2(waitState(*session, DatabaseConnectionState::Open, 30000),
                 qPrintable(session->error()));
        QCOMPARE(session->title(), u"reports opsdeck@127.0.0.1:%1 through fixture"_s.arg(
                                       m_postgres->value(u"PORT"_s)));
        checkActivity(*session);
    }

    void unknownViaHostIsNamed()
    {
        Workspace workspace = m_workspace;
        workspace.environments.first().hosts[1].databases.first().viaHost = u"nowhere"_s;
        DatabaseServices broken = services();
        broken.workspace = workspace;
        DatabaseMonitor monitor(broken);
        DatabaseSession *session = monitor.session(u"reports"_s);
        QVERIFY(session);
        session->providePassword(m_postgres->value(u"PASSWORD"_s), false);
        QVERIFY(waitState(*session, DatabaseConnectionState::Failed));
        QCOMPARE(session->error(),
                 u"Database reports: cannot reach host nowhere to connect through it"_s);
    }
};

QTEST_GUILESS_MAIN(DatabaseTunnelTest)
#include "tst_databasetunnel.moc"
