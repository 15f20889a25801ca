// SPDX-License-Identifier: GPL-3.0-or-later
// Port forwarding and jump hosts against real servers: two sshd instances and a PostgreSQL.
#include "models/remote/hostregistry.h"
#include "models/remote/sshexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "postgresfixture.h"
#include "sshfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

SshSettings settingsFor(const SshFixture &sshd)
{
    SshSettings s;
    s.hostName = u"fixture"_s;
    s.address = u"127.0.0.1"_s;
    s.port = sshd.port();
    s.user = sshd.value(u"USER"_s);
    s.methods = {AuthMethod::Key};
    s.identityFiles = {sshd.value(u"KEY"_s)};
    s.knownHostsFiles = {sshd.value(u"KNOWN_HOSTS"_s)};
    return s;
}

CommandResult runOn(Executor *executor, const QString &script, QByteArray *output = nullptr)
{
    CommandRequest request;
    request.script = script;
    std::unique_ptr<CommandRun> run(executor->start(request, nullptr));
    if (output)
        QObject::connect(run.get(), &CommandRun::standardOutput,
                         [output](const QByteArray &d) { *output += d; });
    QSignalSpy finished(run.get(), &CommandRun::finished);
    if (!run->isFinished())
        finished.wait(30000);
    return run->result();
}

// Which processes own established TCP connections to this port.
QString connectionOwners(int port)
{
    QProcess ss;
    ss.start(u"ss"_s, {u"-tnpH"_s, u"state"_s, u"established"_s, u"( dport = :%1 )"_s.arg(port)});
    ss.waitForFinished(5000);
    return QString::fromLocal8Bit(ss.readAllStandardOutput());
}

} // namespace

class SshTunnelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tunnelReachesARealPostgres();
    void jumpHostsOneAndTwoHops();
    void tunnelDeliversEverythingBeforeTheServerCloses();

private:
    std::unique_ptr<SshFixture> m_first;
    std::unique_ptr<SshFixture> m_second;
};

void SshTunnelsTest::initTestCase()
{
    m_first = std::make_unique<SshFixture>();
    QVERIFY2(m_first->isRunning(), qPrintable(m_first->error()));
    m_second = std::make_unique<SshFixture>();
    QVERIFY2(m_second->isRunning(), qPrintable(m_second->error()));
}

void SshTunnelsTest::tunnelReachesARealPostgres()
{
    PostgresFixture postgres;
    QVERIFY2(postgres.ok(), qPrintable(postgres.error()));
    SshExecutor executor(settingsFor(*m_first));
    QSignalSpy opened(&executor, &SshExecutor::tunnelOpened);
    const quint64 tunnel = executor.openTunnel(u"127.0.0.1"_s, postgres.value(u"PORT"_s).toInt());
    QVERIFY(opened.wait(5000));
    QCOMPARE(opened.at(0).at(0).toULongLong(), tunnel);
    const int localPort = opened.at(0).at(1).toInt();
    QVERIFY(localPort > 0 && localPort != postgres.value(u"PORT"_s).toInt());
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QPSQL"_s, u"through-ssh"_s);
        database.setHostName(u"127.0.0.1"_s);
        database.setPort(localPort);
        database.setUserName(postgres.value(u"USER"_s));
        database.setPassword(postgres.value(u"PASSWORD"_s));
        database.setDatabaseName(postgres.value(u"DATABASE"_s));
        QVERIFY2(database.open(), qPrintable(database.lastError().text()));
        QSqlQuery query(database);
        QVERIFY(query.exec(u"select inet_server_port(), current_user"_s));
        QVERIFY(query.next());
        // The server sees its own port: the bytes really went through the SSH tunnel.
        QCOMPARE(query.value(0).toInt(), postgres.value(u"PORT"_s).toInt());
        QCOMPARE(query.value(1).toString(), postgres.value(u"USER"_s));
        QVERIFY(query.exec(u"select repeat('x', 1000000)"_s)); // a megabyte back through it
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString().size(), 1000000);
        database.close();
    }
    QSqlDatabase::removeDatabase(u"through-ssh"_s);
    // The state arrives by queued signal; the SQL above ran without an event loop.
    QTRY_COMPARE(executor.state(), ConnectionState::Ready);
}

void SshTunnelsTest::jumpHostsOneAndTwoHops()
{
    // a: the first sshd; b: the second, reached through a; c: the first again, through b
    // (two hops: a tunnel on b, which itself runs through a tunnel on a).
    const QString key = m_first->value(u"KEY"_s);
    const QString user = m_first->value(u"USER"_s);
    const QByteArray text =
        u"environments:\n  - name: lab\n    hosts:\n"
        "      - {name: a, address: 127.0.0.1, port: %1, user: %3, auth: key, key: %4}\n"
        "      - {name: b, address: 127.0.0.1, port: %2, user: %3, auth: key, key: %5, jump: a}\n"
        "      - {name: c, address: 127.0.0.1, port: %1, user: %3, auth: key, key: %4, jump: b}\n"_s
            .arg(m_first->port())
            .arg(m_second->port())
            .arg(user, key, m_second->value(u"KEY"_s))
            .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));

    HostRegistry registry(nullptr);
    // Both servers' keys, as a team's known_hosts would hold them.
    QFile known(m_first->directory() + u"/both_known_hosts"_s);
    QVERIFY(known.open(QIODevice::WriteOnly));
    for (const SshFixture *sshd : {m_first.get(), m_second.get()}) {
        QFile part(sshd->value(u"KNOWN_HOSTS"_s));
        QVERIFY(part.open(QIODevice::ReadOnly));
        known.write(part.readAll());
    }
    known.close();
    registry.setKnownHostsFiles({known.fileName()});
    registry.setWorkspace(loaded.workspace);

    QByteArray output;
    const CommandResult b = runOn(registry.executor(u"b"_s), u"echo via-a"_s, &output);
    QVERIFY2(b.succeeded(), qPrintable(b.summary()));
    QCOMPARE(output, QByteArray("via-a\n"));
    // The connection to the second server belongs to the first server's sshd, not to us.
    const QString owners = connectionOwners(m_second->port());
    QVERIFY2(owners.contains(u"\"sshd\""), qPrintable(owners));
    QVERIFY2(!owners.contains(u"tst_sshtunnels"), qPrintable(owners));

    output.clear();
    const CommandResult c = runOn(registry.executor(u"c"_s), u"echo via-b"_s, &output);
    QVERIFY2(c.succeeded(), qPrintable(c.summary()));
    QCOMPARE(output, QByteArray("via-b\n"));
    QCOMPARE(registry.state(u"a"_s), ConnectionState::Ready);
    QCOMPARE(registry.state(u"b"_s), ConnectionState::Ready);
    QCOMPARE(registry.state(u"c"_s), ConnectionState::Ready);
}

void SshTunnelsTest::tunnelDeliversEverythingBeforeTheServerCloses()
{
    // A server that answers with 8 MiB and hangs up at once, as an HTTP/1.0 server does, to a
    // client that reads slowly: when the channel reports EOF the end of the answer is still
    // waiting in the tunnel's socket, and must still arrive.
    QByteArray payload(8 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char('a' + (i * 7 + i / 4096) % 26);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    bool serverDone = false;
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::disconnected, &server, [&serverDone] { serverDone = true; });
        peer->write(payload);
        peer->disconnectFromHost();
    });

    SshExecutor executor(settingsFor(*m_first));
    QSignalSpy opened(&executor, &SshExecutor::tunnelOpened);
    executor.openTunnel(u"127.0.0.1"_s, server.serverPort());
    QVERIFY(opened.wait(5000));
    QTcpSocket client;
    client.setReadBufferSize(64 * 1024); // reads nothing more until the test takes it
    client.connectToHost(QHostAddress::LocalHost, quint16(opened.at(0).at(1).toInt()));
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(serverDone, 30000);

    QByteArray received;
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    connect(&client, &QTcpSocket::readyRead, &client, [&] { received += client.readAll(); });
    received += client.readAll();
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 30000);
    received += client.readAll();
    QCOMPARE(received.size(), payload.size());
    QVERIFY(received == payload);
}

QTEST_GUILESS_MAIN(SshTunnelsTest)
#include "tst_sshtunnels.moc"
