// SPDX-License-Identifier: GPL-3.0-or-later
// Redis checks: INFO answers captured from a real redis-server 7.0 (tests/data/health/redis/)
// read and judged, and the check against a real redis-server (tests/scripts/redis-fixture.sh)
// over TCP, TLS and its Unix socket, with the right, a wrong and no password, filled towards
// maxmemory; and against servers in this test that refuse, stay silent or speak HTTP.
#include "checktesting.h"
#include "models/health/redischeck.h"
#include "redisfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/health/redis/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Accepts connections and answers whatever comes with reply (or nothing, when empty).
class FakeServer : public QTcpServer
{
public:
    explicit FakeServer(QByteArray reply)
        : m_reply(std::move(reply))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!m_reply.isEmpty())
                        socket->write(m_reply);
                });
            }
        });
    }

private:
    QByteArray m_reply;
};

} // namespace

class RedisCheckTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RedisFixture> m_redis;

    RedisCheckOptions tcp() const
    {
        RedisCheckOptions options;
        options.host = m_redis->value(u"HOST"_s);
        options.port = m_redis->port();
        options.password = m_redis->value(u"PASSWORD"_s);
        options.timeoutMs = 10000;
        return options;
    }

    RedisCheckOptions tls(const QString &caFile) const
    {
        RedisCheckOptions options = tcp();
        options.port = quint16(m_redis->value(u"TLS_PORT"_s).toUInt());
        options.tls = true;
        options.verifyName = u"localhost"_s;
        options.caCertificates =
            QSslCertificate::fromPath(m_redis->value(u"CERTS"_s) + u"/"_s + caFile);
        return options;
    }

    static CheckResult run(const RedisCheckOptions &options)
    {
        RedisCheck check;
        QSignalSpy spy(&check, &RedisCheck::finished);
        check.start(u"test:redis"_s, options);
        if (!spy.wait(20000))
            return {};
        // Exactly once: nothing more arrives after the first.
        QTest::qWait(20);
        if (spy.size() != 1)
            return {};
        return spy.constFirst().constFirst().value<CheckResult>();
    }

    double memoryShare(const RedisCheckOptions &options)
    {
        const CheckResult result = run(options);
        const CheckValue *memory = findValue(result, u"memory used"_s);
        return memory ? memory->value : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CheckResult>();
        m_redis = std::make_unique<RedisFixture>();
        QVERIFY2(m_redis->ok(), qPrintable(m_redis->error()));
    }

    void parseInfo_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("databases");
        QTest::addColumn<qint64>("keysDb0");
        QTest::addColumn<qint64>("expiresDb0");
        QTest::addColumn<QString>("memoryUnit"); // "%" with maxmemory, "B" without
        QTest::addColumn<Verdict>("memoryVerdict");
        QTest::addColumn<Verdict>("roleVerdict");

        QTest::newRow("master with maxmemory")
            << sample(u"master-7.0-maxmemory.txt"_s) << true << u"7.0.15"_s << u"master"_s << 2
            << qint64(2) << qint64(1) << u"%"_s << Verdict::Ok << Verdict::Ok;
        QTest::newRow("master with a replica")
            << sample(u"master-7.0-with-replica.txt"_s) << true << u"7.0.15"_s << u"master"_s << 2
            << qint64(2) << qint64(1) << u"%"_s << Verdict::Ok << Verdict::Ok;
        QTest::newRow("replica, link up")
            << sample(u"replica-7.0-link-up.txt"_s) << true << u"7.0.15"_s << u"slave"_s << 2
            << qint64(2) << qint64(1) << u"B"_s << Verdict::Ok << Verdict::Ok;
        QTest::newRow("replica, link down")
            << sample(u"replica-7.0-link-down.txt"_s) << true << u"7.0.15"_s << u"slave"_s << 2
            << qint64(2) << qint64(1) << u"B"_s << Verdict::Ok << Verdict::Critical;
        QTest::newRow("replica, link down, LF lines")
            << sample(u"replica-7.0-link-down-lf.txt"_s) << true << u"7.0.15"_s << u"slave"_s << 2
            << qint64(2) << qint64(1) << u"B"_s << Verdict::Ok << Verdict::Critical;
        QTest::newRow("near full")
            << sample(u"master-7.0-derived-near-full.txt"_s) << true << u"7.0.15"_s << u"master"_s
            << 2 << qint64(2) << qint64(1) << u"%"_s << Verdict::Critical << Verdict::Ok;
        QTest::newRow("one section") << "# Memory\r\nused_memory:1000\r\nmaxmemory:1250\r\n"_ba
                                     << true << QString() << QString() << 0 << qint64(0)
                                     << qint64(0) << u"%"_s << Verdict::Warning << Verdict::Ok;
        QTest::newRow("keyspace, odd entries")
            << "# Keyspace\ndb0:keys=5,expires=2,avg_ttl=10\ndbx:keys=1\ndb3:expires=1\ndb-1:keys=1\n"_ba
            << true << QString() << QString() << 1 << qint64(5) << qint64(2) << QString()
            << Verdict::Ok << Verdict::Ok;
        QTest::newRow("HTTP, not INFO")
            << "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"_ba << true << QString()
            << QString() << 0 << qint64(0) << qint64(0) << QString() << Verdict::Ok << Verdict::Ok;
        QTest::newRow("words") << "hello there\r\n"_ba << false << QString() << QString() << 0
                               << qint64(0) << qint64(0) << QString() << Verdict::Ok << Verdict::Ok;
        QTest::newRow("empty") << QByteArray() << false << QString() << QString() << 0 << qint64(0)
                               << qint64(0) << QString() << Verdict::Ok << Verdict::Ok;
    }

    void parseInfo()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QString, version);
        QFETCH(QString, role);
        QFETCH(int, databases);
        QFETCH(qint64, keysDb0);
        QFETCH(qint64, expiresDb0);
        QFETCH(QString, memoryUnit);
        QFETCH(Verdict, memoryVerdict);
        QFETCH(Verdict, roleVerdict);
        QVERIFY(!text.isNull() || !valid);

        const RedisInfo info = parseRedisInfo(text);
        QCOMPARE(info.isValid(), valid);
        if (!valid)
            return;
        QCOMPARE(info.value(u"redis_version"_s), version);
        QCOMPARE(info.value(u"role"_s), role);
        QCOMPARE(info.keyspace.size(), databases);
        if (databases > 0) {
            QCOMPARE(info.keyspace[0].database, 0);
            QCOMPARE(info.keyspace[0].keys, keysDb0);
            QCOMPARE(info.keyspace[0].expires, expiresDb0);
        }
        if (!version.isEmpty()) {
            // Every captured answer has the sections Redis 7 writes for INFO everything.
            QStringList names;
            for (const RedisInfoSection &section : info.sections)
                names.append(section.name);
            for (const QString &name :
                 {u"Server"_s, u"Clients"_s, u"Memory"_s, u"Replication"_s, u"Keyspace"_s})
                QVERIFY2(names.contains(name), qPrintable(names.join(u", "_s)));
            QCOMPARE(info.ignoredLines, 0);
        }

        const QList<CheckValue> values = redisInfoValues(info, RedisThresholds{});
        const CheckValue *memory = findValue(values, u"memory used"_s);
        if (memoryUnit.isEmpty()) {
            QVERIFY(!memory);
        } else {
            QVERIFY(memory);
            QCOMPARE(memory->unit, memoryUnit);
            QCOMPARE(memory->verdict, memoryVerdict);
            // Judged against maxmemory only when there is one.
            QCOMPARE(memory->warning.has_value(), memoryUnit == "%"_L1);
        }
        const CheckValue *roleValue = findValue(values, u"role"_s);
        QCOMPARE(roleValue != nullptr, !role.isEmpty());
        if (roleValue) {
            QCOMPARE(roleValue->verdict, roleVerdict);
            if (role == "slave"_L1)
                QVERIFY2(roleValue->text.contains(u"replica of 127.0.0.1:"_s),
                         qPrintable(roleValue->text));
        }
        if (databases > 0)
            QCOMPARE(findValue(values, u"keys db0"_s)->value, double(keysDb0));
    }

    void valuesJudgedOnlyWhereTheWorkspaceSaysSo()
    {
        const RedisInfo info = parseRedisInfo(sample(u"master-7.0-derived-near-full.txt"_s));
        const QList<CheckValue> plain = redisInfoValues(info, RedisThresholds{});
        QCOMPARE(findValue(plain, u"clients"_s)->value, 950.0);
        QCOMPARE(findValue(plain, u"clients"_s)->verdict, Verdict::Ok);
        QVERIFY(!findValue(plain, u"clients"_s)->warning);
        QCOMPARE(findValue(plain, u"evicted keys"_s)->value, 42.0);
        QCOMPARE(findValue(plain, u"evicted keys"_s)->verdict, Verdict::Ok);
        QCOMPARE(findValue(plain, u"rejected connections"_s)->value, 3.0);
        QCOMPARE(findValue(plain, u"memory used"_s)->value, 96.6);

        Workspace workspace;
        workspace.thresholds = {
            {u"redis_clients"_s, 500, 1000, {}, Threshold::Direction::Above, {}},
            {u"redis_evictions"_s, 1, 100, {}, Threshold::Direction::Above, {}},
            {u"redis_memory_usage"_s, 97, 99, u"%"_s, Threshold::Direction::Above, {}},
            {u"response_time"_s, 5, 10, u"ms"_s, Threshold::Direction::Above, {}},
        };
        const RedisThresholds thresholds = redisThresholds(workspace);
        QCOMPARE(thresholds.latency.warning, 5.0);
        const QList<CheckValue> judgedValues = redisInfoValues(info, thresholds);
        QCOMPARE(findValue(judgedValues, u"clients"_s)->verdict, Verdict::Warning);
        QCOMPARE(findValue(judgedValues, u"evicted keys"_s)->verdict, Verdict::Warning);
        QCOMPARE(findValue(judgedValues, u"memory used"_s)->verdict, Verdict::Ok);
    }

    void optionsFromTheWorkspace()
    {
        RedisInstance redis;
        redis.name = u"cache"_s;
        redis.host = u"cache.internal"_s;
        redis.port = 6380;
        redis.tls = true;
        redis.databaseIndex = 3;
        Workspace workspace;
        workspace.thresholds = {
            {u"redis_memory_usage"_s, 70, 90, u"%"_s, Threshold::Direction::Above, {}}};
        const RedisCheckOptions options = redisCheckOptions(redis, workspace);
        QCOMPARE(options.host, u"cache.internal"_s);
        QCOMPARE(options.port, quint16(6380));
        QVERIFY(options.tls);
        QCOMPARE(options.databaseIndex, 3);
        QVERIFY(options.password.isEmpty());
        QCOMPARE(options.thresholds.memory.warning, 70.0);
        QCOMPARE(options.thresholds.latency.warning, 500.0);
        QVERIFY(!options.thresholds.clients);
    }

    void liveOk()
    {
        const CheckResult result = run(tcp());
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(result.checkId, u"test:redis"_s);
        QVERIFY(result.error.isEmpty());
        QVERIFY2(result.summary.contains(u"7.0"_s) &&
                     result.summary.contains(u"127.0.0.1:%1"_s.arg(m_redis->port())),
                 qPrintable(result.summary));
        QCOMPARE(result.values.constFirst().name, u"ping"_s);
        QCOMPARE(result.values.constFirst().unit, u"ms"_s);
        const CheckValue *memory = findValue(result, u"memory used"_s);
        QVERIFY(memory);
        QCOMPARE(memory->unit, u"%"_s);
        QVERIFY(memory->value > 0 && memory->value < 80);
        QVERIFY(findValue(result, u"role"_s)->text.startsWith(u"master, 0 replica"_s));
        QVERIFY(findValue(result, u"clients"_s)->value >= 1);
        QVERIFY(!describe(result).contains(m_redis->value(u"PASSWORD"_s)));
    }

    void liveDatabaseIndex()
    {
        RedisCheckOptions options = tcp();
        options.databaseIndex = 2;
        QCOMPARE(run(options).verdict, Verdict::Ok);
        options.databaseIndex = 99; // redis-server has 16 by default
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.contains(u"database 99"_s), qPrintable(result.error));
    }

    void liveWrongPassword()
    {
        RedisCheckOptions options = tcp();
        options.password = u"not-the-password-4711"_s;
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.startsWith(
                     u"authentication failed for redis at 127.0.0.1:%1"_s.arg(m_redis->port())),
                 qPrintable(result.error));
        QVERIFY(!describe(result).contains(u"4711"_s));
        QVERIFY(!describe(result).contains(m_redis->value(u"PASSWORD"_s)));

        options.username = u"nobody"_s; // ACL: AUTH user password
        const CheckResult acl = run(options);
        QCOMPARE(acl.verdict, Verdict::Critical);
        QVERIFY2(acl.error.startsWith(u"authentication failed"_s), qPrintable(acl.error));
    }

    void liveNoPassword()
    {
        RedisCheckOptions options = tcp();
        options.password.clear();
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.contains(u"none is configured"_s), qPrintable(result.error));
        QVERIFY(result.error.contains(u"127.0.0.1:%1"_s.arg(m_redis->port())));
    }

    void liveRefused()
    {
        RedisCheckOptions options = tcp();
        options.port = closedPort();
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error, u"connection refused by redis at 127.0.0.1:%1"_s.arg(options.port));
    }

    void silentServerTimesOut()
    {
        FakeServer server({});
        QVERIFY(server.listen(QHostAddress::LocalHost));
        RedisCheckOptions options = tcp();
        options.port = server.serverPort();
        options.timeoutMs = 300;
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.startsWith(u"no answer from redis at 127.0.0.1:"_s),
                 qPrintable(result.error));
    }

    void garbageIsUnknown()
    {
        FakeServer server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"_ba);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        RedisCheckOptions options = tcp();
        options.port = server.serverPort();
        options.password.clear();
        const CheckResult result = run(options);
        QCOMPARE(result.verdict, Verdict::Unknown);
        QVERIFY2(result.error.contains(u"does not speak the Redis protocol"_s),
                 qPrintable(result.error));

        // A valid reply of the wrong kind: not a Redis server either.
        FakeServer echo("+HELLO\r\n"_ba);
        QVERIFY(echo.listen(QHostAddress::LocalHost));
        options.port = echo.serverPort();
        QCOMPARE(run(options).verdict, Verdict::Unknown);
    }

    void liveTls()
    {
        const CheckResult result = run(tls(u"ca.pem"_s));
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QVERIFY(findValue(result, u"memory used"_s));
    }

    void liveTlsWrongCa()
    {
        // selfsigned.pem did not issue the server's certificate.
        const CheckResult result = run(tls(u"selfsigned.pem"_s));
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.startsWith(u"TLS handshake with redis at 127.0.0.1:%1 failed"_s.arg(
                     m_redis->value(u"TLS_PORT"_s))),
                 qPrintable(result.error));
    }

    void liveUnixSocket()
    {
        RedisCheckOptions options = tcp();
        options.socketPath = m_redis->value(u"SOCKET"_s);
        options.port = closedPort(); // not used for a socket
        const CheckResult result = run(options);
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QVERIFY2(result.summary.contains(options.socketPath), qPrintable(result.summary));

        options.socketPath += u".missing"_s;
        const CheckResult missing = run(options);
        QCOMPARE(missing.verdict, Verdict::Critical);
        QVERIFY2(missing.error.contains(options.socketPath), qPrintable(missing.error));
    }

    void liveNeedlessPassword()
    {
        // The server stops asking for a password: it works, but not as the workspace says.
        QString error;
        m_redis->command({u"CONFIG"_s, u"SET"_s, u"requirepass"_s, u""_s}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CheckResult result = run(tcp());
        m_redis->command({u"CONFIG"_s, u"SET"_s, u"requirepass"_s}, &error,
                         m_redis->value(u"PASSWORD"_s).toUtf8());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(result.verdict, Verdict::Warning);
        QCOMPARE(findValue(result, u"authentication"_s)->verdict, Verdict::Warning);
        QVERIFY(findValue(result, u"memory used"_s));
        // The password is wanted again.
        RedisCheckOptions without = tcp();
        without.password.clear();
        QCOMPARE(run(without).verdict, Verdict::Critical);
    }

    // Last: it fills the server up to maxmemory and empties it again.
    void liveMemoryNearFull()
    {
        const RedisCheckOptions options = tcp();
        bool sawWarning = false;
        double share = memoryShare(options);
        QVERIFY(share > 0 && share < 80);
        for (int round = 0; round < 60 && share < 95; ++round) {
            QString error;
            // 300 keys of 1 KB: about 4 % of the 8 MiB each round, so the warning band (80 to
            // 95 %) cannot be stepped over.
            m_redis->command(
                {u"DEBUG"_s, u"POPULATE"_s, u"300"_s, u"fill%1"_s.arg(round), u"1000"_s}, &error);
            QVERIFY2(error.isEmpty() || error.contains(u"OOM"_s), qPrintable(error));
            share = memoryShare(options);
            const CheckResult result = run(options);
            if (share >= 80 && share < 95) {
                QCOMPARE(result.verdict, Verdict::Warning);
                QVERIFY2(result.summary.contains(u"memory used"_s), qPrintable(result.summary));
                sawWarning = true;
            }
        }
        QVERIFY(sawWarning);
        QVERIFY2(share >= 95, qPrintable(QString::number(share)));
        const CheckResult full = run(options);
        QCOMPARE(full.verdict, Verdict::Critical);
        QCOMPARE(findValue(full, u"memory used"_s)->verdict, Verdict::Critical);
        QVERIFY(full.error.isEmpty()); // it answers: full, not down
        m_redis->command({u"FLUSHALL"_s});
    }
};

QTEST_GUILESS_MAIN(RedisCheckTest)
#include "tst_redischeck.moc"
