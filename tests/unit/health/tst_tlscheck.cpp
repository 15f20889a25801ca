// SPDX-License-Identifier: GPL-3.0-or-later
// TCP and TLS checks against real servers, each serving in turn the five certificates made by
// openssl (tests/scripts/tls-certs.sh: valid, expiring in 3 days, expired, wrong host,
// self-signed): an HTTPS health endpoint in this process (the TLS check and the HTTP health
// check), a real redis-server with TLS (the TLS check and the Redis check) and a real PostgreSQL
// with ssl=on (the SSLRequest path); and TLS and SMTP STARTTLS servers in this process.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/httpcheck.h"
#include "models/health/redischeck.h"
#include "models/health/tlscheck.h"
#include "postgresfixture.h"
#include "redisfixture.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

// Speaks TLS from the first byte, or SMTP up to STARTTLS first; or, with no certificate,
// accepts and stays silent (a handshake that never comes).
class TlsServer : public QTcpServer
{
public:
    enum class Mode { Direct, Smtp, SmtpWithoutStartTls, Silent };

    TlsServer(Mode mode, const QString &certificateFile = {}, const QString &keyFile = {})
        : m_mode(mode)
    {
        if (!certificateFile.isEmpty()) {
            m_certificate = QSslCertificate::fromPath(certificateFile).value(0);
            QFile key(keyFile);
            if (key.open(QIODevice::ReadOnly))
                m_key = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem);
        }
    }

    bool loaded() const { return !m_certificate.isNull() && !m_key.isNull(); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        switch (m_mode) {
        case Mode::Direct:
            socket->startServerEncryption();
            break;
        case Mode::Silent:
            break;
        case Mode::Smtp:
        case Mode::SmtpWithoutStartTls:
            socket->write("220 mail.test ESMTP ready\r\n");
            connect(socket, &QSslSocket::readyRead, this, [this, socket] { smtp(socket); });
            break;
        }
    }

private:
    void smtp(QSslSocket *socket)
    {
        while (!socket->isEncrypted() && socket->canReadLine()) {
            const QByteArray line = socket->readLine().trimmed().toUpper();
            if (line.startsWith("EHLO")) {
                socket->write("250-mail.test greets you\r\n250-PIPELINING\r\n");
                socket->write(m_mode == Mode::Smtp ? "250 STARTTLS\r\n" : "250 8BITMIME\r\n");
            } else if (line == "STARTTLS") {
                socket->write("220 2.0.0 Ready to start TLS\r\n");
                socket->startServerEncryption();
            } else {
                socket->write("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    }

    Mode m_mode;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

CheckResult runTls(const TlsCheckOptions &options)
{
    TlsCheck check;
    QSignalSpy spy(&check, &TlsCheck::finished);
    check.start(u"test:tls"_s, options);
    if (!spy.wait(20000))
        return {};
    return spy.constFirst().constFirst().value<CheckResult>();
}

QList<int> verificationErrors(const CheckResult &result)
{
    QList<int> errors;
    for (const CheckValue &value : result.values) {
        if (value.name == "verification"_L1 && value.verdict != Verdict::Ok)
            errors.append(int(value.value));
    }
    return errors;
}

CheckResult runHttp(const HttpCheckOptions &options)
{
    HttpCheck check;
    QSignalSpy spy(&check, &HttpCheck::finished);
    check.start(u"test:http"_s, options);
    if (!spy.wait(20000))
        return {};
    return spy.constFirst().constFirst().value<CheckResult>();
}

CheckResult runRedis(const RedisCheckOptions &options)
{
    RedisCheck check;
    QSignalSpy spy(&check, &RedisCheck::finished);
    check.start(u"test:redis"_s, options);
    if (!spy.wait(20000))
        return {};
    return spy.constFirst().constFirst().value<CheckResult>();
}

// What a client that verifies (HTTP, Redis) is told when it refuses the certificate.
QString refusal(int error)
{
    return QSslError(QSslError::SslError(error)).errorString();
}

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(60000) &&
                    process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

} // namespace

class TestTlsCheck : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certificates;
    QSslCertificate m_ca;
    // Started by the first test that needs them, one for every certificate in turn.
    std::unique_ptr<RedisFixture> m_redis;
    std::unique_ptr<PostgresFixture> m_postgres;
    bool m_postgresSslOn = false;

    QString file(const QString &name) const { return m_certificates.filePath(name); }
    QSslCertificate certificate(const QString &name) const
    {
        return QSslCertificate::fromPath(file(name + u".pem"_s)).value(0);
    }

    TlsCheckOptions direct(const TlsServer &server) const
    {
        TlsCheckOptions options;
        options.host = u"127.0.0.1"_s;
        options.port = server.serverPort();
        options.verifyName = u"localhost"_s;
        options.caCertificates = {m_ca};
        options.timeoutMs = 10000;
        return options;
    }

    // The five certificates, a row each, and what a TLS check reads from each with the default
    // threshold (warning below 30 days, critical below 7).
    static void certificateRows()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<double>("daysLeft"); // a year: anywhere in its last day
        QTest::addColumn<int>("daysVerdict");
        QTest::addColumn<int>("error"); // the verification error; NoError: trusted, name matches
        QTest::addColumn<QString>("summary"); // a piece of the TLS check's summary
        QTest::newRow("valid") << u"valid"_s << 365.0 << int(Verdict::Ok) << int(QSslError::NoError)
                               << u"expires in"_s;
        QTest::newRow("expiring in 3 days") << u"expiring"_s << 3.0 << int(Verdict::Critical)
                                            << int(QSslError::NoError) << u"expires in 3 days"_s;
        QTest::newRow("expired") << u"expired"_s << -10.0 << int(Verdict::Critical)
                                 << int(QSslError::CertificateExpired)
                                 << u"expired 10 days ago; expired"_s;
        QTest::newRow("wrong host") << u"wronghost"_s << 365.0 << int(Verdict::Ok)
                                    << int(QSslError::HostNameMismatch) << u"host name mismatch"_s;
        QTest::newRow("self-signed") << u"selfsigned"_s << 365.0 << int(Verdict::Ok)
                                     << int(QSslError::SelfSignedCertificate) << u"self-signed"_s;
    }

    // Whether the leaf a TLS check read is the named certificate, by its name, its expiry and
    // its verification error (valid and self-signed may share the first two).
    bool presents(const CheckResult &result, const QString &name, int error) const
    {
        const QSslCertificate expected = certificate(name);
        const CheckValue *days = findValue(result, u"days left"_s);
        const QList<int> errors = verificationErrors(result);
        return days &&
               days->text == u"%1, valid until %2"_s.arg(
                                 expected.subjectInfo(QSslCertificate::CommonName).value(0),
                                 expected.expiryDate().toUTC().toString(Qt::ISODate)) &&
               (error == int(QSslError::NoError) ? errors.isEmpty() : errors.contains(error));
    }

    // A TLS check's result for the current row's certificate served at where (host:port).
    void verifyCertificateRead(const CheckResult &result, const QString &where) const
    {
        QFETCH(QString, certificate);
        QFETCH(double, daysLeft);
        QFETCH(int, daysVerdict);
        QFETCH(int, error);
        QFETCH(QString, summary);
        QVERIFY2(result.error.isEmpty(), qPrintable(describe(result)));
        QVERIFY2(presents(result, certificate, error), qPrintable(describe(result)));
        const CheckValue *days = findValue(result, u"days left"_s);
        if (daysLeft > 300)
            QVERIFY2(days->value > daysLeft - 1 && days->value <= daysLeft,
                     qPrintable(describe(result)));
        else
            QCOMPARE(days->value, daysLeft);
        QCOMPARE(int(days->verdict), daysVerdict);
        QCOMPARE(days->warning, std::optional<double>(30));
        QCOMPARE(days->critical, std::optional<double>(7));
        if (error == int(QSslError::NoError))
            QCOMPARE(findValue(result, u"verification"_s)->text, u"trusted chain, name matches"_s);
        const Verdict verdict =
            error == int(QSslError::NoError) ? Verdict(daysVerdict) : Verdict::Critical;
        QVERIFY2(result.verdict == verdict, qPrintable(describe(result)));
        QVERIFY2(result.summary.startsWith(u"certificate of %1 "_s.arg(where)),
                 qPrintable(result.summary));
        QVERIFY2(result.summary.contains(summary), qPrintable(result.summary));
    }

    // Runs one statement as the server's superuser, over its socket.
    bool postgresStatement(const QString &statement, QString *output) const
    {
        return run(u"runuser"_s,
                   {u"-u"_s, u"postgres"_s, u"--"_s, u"psql"_s, u"-X"_s, u"-q"_s, u"-v"_s,
                    u"ON_ERROR_STOP=1"_s, u"-h"_s, m_postgres->value(u"SOCKET_DIR"_s), u"-p"_s,
                    m_postgres->value(u"PORT"_s), u"-U"_s, u"postgres"_s, u"-d"_s, u"postgres"_s,
                    u"-c"_s, statement},
                   output);
    }

    TlsCheckOptions postgresTls() const
    {
        // As the plan asks for a database with sslmode require: postgres://HOST:PORT, the
        // certificate naming that address (tls-certs.sh gives 127.0.0.1 as a name too).
        TlsCheckOptions options = *tlsCheckOptionsForUrl(QUrl(
            u"postgres://%1:%2"_s.arg(m_postgres->value(u"HOST"_s), m_postgres->value(u"PORT"_s))));
        options.caCertificates = {m_ca};
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CheckResult>();
        QVERIFY(m_certificates.isValid());
        QString output;
        QVERIFY2(run(u"bash"_s,
                     {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/tls-certs.sh"),
                      m_certificates.path()},
                     &output),
                 qPrintable(output));
        m_ca = certificate(u"ca"_s);
        QVERIFY(!m_ca.isNull());
    }

    void cleanupTestCase()
    {
        m_redis.reset();
        m_postgres.reset();
    }

    void optionsFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("start"); // -1: no TLS check
        QTest::addColumn<int>("port");
        QTest::newRow("https") << u"https://api.example.org/health"_s << int(TlsStart::Direct)
                               << 443;
        QTest::newRow("rediss") << u"rediss://cache.internal:6380/0"_s << int(TlsStart::Direct)
                                << 6380;
        QTest::newRow("amqps") << u"amqps://mq.internal"_s << int(TlsStart::Direct) << 5671;
        QTest::newRow("postgresql")
            << u"postgresql://db.internal/app"_s << int(TlsStart::PostgreSql) << 5432;
        QTest::newRow("smtp") << u"smtp://mail.internal"_s << int(TlsStart::SmtpStartTls) << 25;
        QTest::newRow("submission")
            << u"submission://mail.internal"_s << int(TlsStart::SmtpStartTls) << 587;
        QTest::newRow("smtps") << u"smtps://mail.internal"_s << int(TlsStart::Direct) << 465;
        QTest::newRow("http has no TLS") << u"http://api.example.org/"_s << -1 << 0;
        QTest::newRow("tls needs a port") << u"tls://gateway.internal"_s << -1 << 0;
    }

    void optionsFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(int, start);
        QFETCH(int, port);
        QString error;
        const std::optional<TlsCheckOptions> options = tlsCheckOptionsForUrl(QUrl(url), &error);
        if (start < 0) {
            QVERIFY(!options);
            QVERIFY2(error.contains(QUrl(url).host()), qPrintable(error));
            return;
        }
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(int(options->start), start);
        QCOMPARE(int(options->port), port);
        QCOMPARE(options->host, QUrl(url).host());
        QCOMPARE(options->daysLeft.warning, 30.0);
        QCOMPARE(options->daysLeft.critical, 7.0);
    }

    void certificateValuesFromAChain()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // A leaf with a year left issued by one with three days left: the chain breaks first.
        const QList<CheckValue> values =
            certificateValues({certificate(u"valid"_s), certificate(u"expiring"_s)}, {},
                              defaultCertificateThreshold(), now);
        QCOMPARE(values.size(), 3);
        QCOMPARE(values[0].name, u"days left"_s);
        QVERIFY(values[0].value > 360 && values[0].value <= 365);
        QCOMPARE(values[0].verdict, Verdict::Ok);
        QCOMPARE(values[1].name, u"days left (chain)"_s);
        QCOMPARE(values[1].value, 3.0);
        QCOMPARE(values[1].verdict, Verdict::Critical);
        QCOMPARE(values[2].name, u"verification"_s);
        QCOMPARE(values[2].verdict, Verdict::Ok);

        const QList<CheckValue> monthLeft = certificateValues(
            {certificate(u"valid"_s)}, {}, defaultCertificateThreshold(), now.addDays(345));
        QCOMPARE(monthLeft[0].verdict, Verdict::Warning);
        const QList<CheckValue> none =
            certificateValues({}, {}, defaultCertificateThreshold(), now);
        QCOMPARE(none.size(), 1);
        QCOMPARE(none[0].verdict, Verdict::Critical);
    }

    // Below the warning level but above the critical one of a workspace's own threshold.
    void expiringJudgedByTheWorkspaceThreshold()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"expiring.pem"_s), file(u"expiring.key"_s));
        QVERIFY(server.loaded());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TlsCheckOptions lenient = direct(server);
        lenient.daysLeft = {u"certificate_days_left"_s,  14, 2, u"days"_s,
                            Threshold::Direction::Below, {}};
        const CheckResult result = runTls(lenient);
        QVERIFY2(result.verdict == Verdict::Warning, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"days left"_s)->value, 3.0);
        QCOMPARE(findValue(result, u"days left"_s)->warning, std::optional<double>(14));
    }

    void untrustedWithoutTheCa()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"valid.pem"_s), file(u"valid.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TlsCheckOptions options = direct(server);
        options.caCertificates.clear();
        const CheckResult result = runTls(options);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(!verificationErrors(result).isEmpty(), qPrintable(describe(result)));
        QVERIFY2(result.summary.contains(u"untrusted issuer"_s), qPrintable(result.summary));
    }

    void smtpStartTls()
    {
        TlsServer server(TlsServer::Mode::Smtp, file(u"valid.pem"_s), file(u"valid.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TlsCheckOptions options = direct(server);
        options.start = TlsStart::SmtpStartTls;
        const CheckResult result = runTls(options);
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QVERIFY(findValue(result, u"days left"_s)->value > 364);
    }

    void smtpWithoutStartTls()
    {
        TlsServer server(TlsServer::Mode::SmtpWithoutStartTls, file(u"valid.pem"_s),
                         file(u"valid.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TlsCheckOptions options = direct(server);
        options.start = TlsStart::SmtpStartTls;
        const CheckResult result = runTls(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error,
                 u"SMTP server at 127.0.0.1:%1 does not offer STARTTLS"_s.arg(server.serverPort()));
    }

    void handshakeTimeout()
    {
        TlsServer server(TlsServer::Mode::Silent);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TlsCheckOptions options = direct(server);
        options.timeoutMs = 300;
        const CheckResult result = runTls(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error,
                 u"no TLS handshake with 127.0.0.1:%1 within 300 ms"_s.arg(server.serverPort()));
    }

    void refused()
    {
        const quint16 port = closedPort();
        TlsCheckOptions options;
        options.host = u"127.0.0.1"_s;
        options.port = port;
        const CheckResult tls = runTls(options);
        QCOMPARE(tls.verdict, Verdict::Critical);
        QCOMPARE(tls.error, u"connection refused by 127.0.0.1:%1"_s.arg(port));

        TcpCheck tcp;
        QSignalSpy spy(&tcp, &TcpCheck::finished);
        tcp.start(u"test:tcp"_s, u"127.0.0.1"_s, port);
        QVERIFY(spy.wait(10000));
        const CheckResult result = spy.constFirst().constFirst().value<CheckResult>();
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error, u"connection refused by 127.0.0.1:%1"_s.arg(port));
    }

    void tcpConnect()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        TcpCheck tcp;
        QSignalSpy spy(&tcp, &TcpCheck::finished);
        tcp.start(u"test:tcp"_s, u"127.0.0.1"_s, server.serverPort(), 10000,
                  {u"connect_time"_s, 5000, 9000, u"ms"_s, Threshold::Direction::Above, {}});
        QVERIFY(spy.wait(10000));
        const CheckResult result = spy.constFirst().constFirst().value<CheckResult>();
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(result.values.size(), 1);
        QCOMPARE(result.values[0].name, u"connect"_s);
        QCOMPARE(result.values[0].unit, u"ms"_s);
        QVERIFY(result.values[0].value < 5000);
        QCOMPARE(result.values[0].warning, std::optional<double>(5000));
    }

    // An HTTPS health endpoint: the certificate check the plan adds for an https health URL,
    // and the health check itself, which gets its request through only on a certificate it
    // trusts (an expiring one is the certificate check's to judge).
    void httpsHealthEndpoint_data() { certificateRows(); }
    void httpsHealthEndpoint()
    {
        QFETCH(QString, certificate);
        QFETCH(int, error);
        HealthServer server;
        QVERIFY(server.serveTls(file(certificate + u".pem"_s), file(certificate + u".key"_s)));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QUrl url(u"https://localhost:%1/healthy"_s.arg(server.serverPort()));
        const QString where = u"localhost:%1"_s.arg(server.serverPort());

        QString why;
        std::optional<TlsCheckOptions> tls = tlsCheckOptionsForUrl(url, &why);
        QVERIFY2(tls, qPrintable(why));
        tls->caCertificates = {m_ca};
        verifyCertificateRead(runTls(*tls), where);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(server.requests, 0);

        HttpCheckOptions http;
        http.url = url;
        http.caCertificates = {m_ca};
        // Generous, so a loaded test machine does not turn "healthy" into a latency warning.
        http.latency = {u"response_time"_s, 5000, 9000, u"ms"_s, Threshold::Direction::Above, {}};
        const CheckResult health = runHttp(http);
        if (error == int(QSslError::NoError)) {
            QVERIFY2(health.verdict == Verdict::Ok, qPrintable(describe(health)));
            QCOMPARE(findValue(health, u"status"_s)->value, 200.0);
            QCOMPARE(findValue(health, u"database"_s)->verdict, Verdict::Ok);
            QCOMPARE(server.requests, 1);
        } else {
            QVERIFY2(health.verdict == Verdict::Critical, qPrintable(describe(health)));
            QVERIFY2(health.error.startsWith(u"TLS handshake with %1 failed: "_s.arg(where)),
                     qPrintable(health.error));
            QVERIFY2(health.error.contains(refusal(error)), qPrintable(health.error));
            QVERIFY(health.values.isEmpty());
            // Nothing was asked over a connection the check did not trust.
            QCOMPARE(server.requests, 0);
        }
    }

    // A real redis-server with TLS, its certificate swapped with CONFIG SET: the certificate
    // check the plan adds for `tls: true` (rediss://), and the Redis check, which refuses a
    // certificate it does not trust.
    void redisTls_data() { certificateRows(); }
    void redisTls()
    {
        QFETCH(QString, certificate);
        QFETCH(int, error);
        if (!m_redis)
            m_redis = std::make_unique<RedisFixture>();
        QVERIFY2(m_redis->ok(), qPrintable(m_redis->error()));
        QString failure;
        // Certificate and key in one CONFIG SET: redis loads both or keeps the old pair.
        m_redis->command({u"CONFIG"_s, u"SET"_s, u"tls-cert-file"_s, file(certificate + u".pem"_s),
                          u"tls-key-file"_s, file(certificate + u".key"_s)},
                         &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const quint16 port = quint16(m_redis->value(u"TLS_PORT"_s).toUInt());
        const QString where = u"127.0.0.1:%1"_s.arg(port);

        std::optional<TlsCheckOptions> tls =
            tlsCheckOptionsForUrl(QUrl(u"rediss://127.0.0.1:%1"_s.arg(port)));
        QVERIFY(tls);
        tls->caCertificates = {m_ca};
        verifyCertificateRead(runTls(*tls), where);
        if (QTest::currentTestFailed())
            return;

        RedisCheckOptions options;
        options.host = u"127.0.0.1"_s;
        options.port = port;
        options.tls = true;
        options.caCertificates = {m_ca};
        options.password = m_redis->value(u"PASSWORD"_s);
        const CheckResult result = runRedis(options);
        if (error == int(QSslError::NoError)) {
            QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
            QVERIFY2(findValue(result, u"memory used"_s), qPrintable(describe(result)));
        } else {
            QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
            QVERIFY2(
                result.error.startsWith(u"TLS handshake with redis at %1 failed: "_s.arg(where)),
                qPrintable(result.error));
            QVERIFY2(result.error.contains(refusal(error)), qPrintable(result.error));
        }
    }

    // A real PostgreSQL with ssl off answers the SSLRequest with N.
    void postgresWithoutSsl()
    {
        m_postgres = std::make_unique<PostgresFixture>();
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        const TlsCheckOptions options = postgresTls();
        const CheckResult result = runTls(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.startsWith(u"PostgreSQL at %1:%2 does not accept TLS"_s.arg(
                     options.host, QString::number(options.port))),
                 qPrintable(result.error));
    }

    // Then ssl=on, with each certificate in turn as server.crt, read again on a reload.
    void postgresSslRequest_data() { certificateRows(); }
    void postgresSslRequest()
    {
        QFETCH(QString, certificate);
        QFETCH(int, error);
        QVERIFY(m_postgres);
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        // The server reads server.crt and server.key from its data directory; the key must be
        // the postgres user's own and private.
        const QString data = m_postgres->value(u"DATA"_s);
        QFile::remove(data + u"/server.crt"_s);
        QFile::remove(data + u"/server.key"_s);
        QVERIFY(QFile::copy(file(certificate + u".pem"_s), data + u"/server.crt"_s));
        QVERIFY(QFile::copy(file(certificate + u".key"_s), data + u"/server.key"_s));
        QString output;
        QVERIFY2(run(u"chown"_s, {u"postgres:"_s, data + u"/server.crt"_s, data + u"/server.key"_s},
                     &output),
                 qPrintable(output));
        QVERIFY(
            QFile::setPermissions(data + u"/server.key"_s, QFile::ReadOwner | QFile::WriteOwner));
        if (!m_postgresSslOn) {
            QVERIFY2(postgresStatement(u"ALTER SYSTEM SET ssl = on"_s, &output),
                     qPrintable(output));
            m_postgresSslOn = true;
        }
        QVERIFY2(postgresStatement(u"SELECT pg_reload_conf()"_s, &output), qPrintable(output));

        // The reload is asynchronous: the postmaster takes the new files a moment later.
        const TlsCheckOptions options = postgresTls();
        CheckResult result;
        QTRY_VERIFY2_WITH_TIMEOUT(presents(result = runTls(options), certificate, error),
                                  qPrintable(describe(result)), 10000);
        verifyCertificateRead(result, u"%1:%2"_s.arg(options.host, QString::number(options.port)));
    }
};

QTEST_GUILESS_MAIN(TestTlsCheck)
#include "tst_tlscheck.moc"
