// SPDX-License-Identifier: GPL-3.0-or-later
// TCP and TLS checks against real servers: TLS and SMTP STARTTLS servers in this process with
// certificates made by openssl (tests/scripts/tls-certs.sh: valid, expiring in 3 days, expired,
// wrong host, self-signed), and a real PostgreSQL switched to ssl=on for the SSLRequest path.
#include "checktesting.h"
#include "models/health/tlscheck.h"
#include "postgresfixture.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

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

    void directValid()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"valid.pem"_s), file(u"valid.key"_s));
        QVERIFY(server.loaded());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const CheckResult result = runTls(direct(server));
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(result.checkId, u"test:tls"_s);
        const CheckValue *days = findValue(result, u"days left"_s);
        QVERIFY(days);
        QVERIFY2(days->value > 364 && days->value <= 365, qPrintable(describe(result)));
        QCOMPARE(days->unit, u"days"_s);
        QCOMPARE(days->warning, std::optional<double>(30));
        QCOMPARE(days->critical, std::optional<double>(7));
        QVERIFY(verificationErrors(result).isEmpty());
        QVERIFY(findValue(result, u"protocol"_s)->text.startsWith(u"TLS 1."_s));
    }

    void directExpiringInThreeDays()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"expiring.pem"_s), file(u"expiring.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const CheckResult result = runTls(direct(server));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"days left"_s)->value, 3.0);
        QCOMPARE(findValue(result, u"days left"_s)->verdict, Verdict::Critical);
        QVERIFY2(verificationErrors(result).isEmpty(), qPrintable(describe(result)));
        QVERIFY2(result.summary.contains(u"expires in 3 days"_s), qPrintable(result.summary));

        // Below the warning level but above the critical one of a workspace's own threshold.
        TlsCheckOptions lenient = direct(server);
        lenient.daysLeft = {u"certificate_days_left"_s,  14, 2, u"days"_s,
                            Threshold::Direction::Below, {}};
        QCOMPARE(runTls(lenient).verdict, Verdict::Warning);
    }

    void directExpired()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"expired.pem"_s), file(u"expired.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const CheckResult result = runTls(direct(server));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"days left"_s)->value, -10.0);
        QVERIFY2(verificationErrors(result).contains(int(QSslError::CertificateExpired)),
                 qPrintable(describe(result)));
        QVERIFY2(result.summary.contains(u"expired 10 days ago"_s), qPrintable(result.summary));
    }

    void directWrongHost()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"wronghost.pem"_s),
                         file(u"wronghost.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const CheckResult result = runTls(direct(server));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QCOMPARE(verificationErrors(result), QList<int>{int(QSslError::HostNameMismatch)});
        QCOMPARE(findValue(result, u"days left"_s)->verdict, Verdict::Ok);
        QVERIFY2(result.summary.contains(u"host name mismatch"_s), qPrintable(result.summary));
    }

    void directSelfSigned()
    {
        TlsServer server(TlsServer::Mode::Direct, file(u"selfsigned.pem"_s),
                         file(u"selfsigned.key"_s));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const CheckResult result = runTls(direct(server));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(verificationErrors(result).contains(int(QSslError::SelfSignedCertificate)),
                 qPrintable(describe(result)));
        QVERIFY2(result.summary.contains(u"self-signed"_s), qPrintable(result.summary));
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

    // A real PostgreSQL: first with ssl off (it answers N), then on with the test's certificate.
    void postgresSslRequest()
    {
        PostgresFixture postgres;
        QVERIFY2(postgres.ok(), qPrintable(postgres.error()));
        TlsCheckOptions options;
        options.host = postgres.value(u"HOST"_s);
        options.port = quint16(postgres.value(u"PORT"_s).toUInt());
        options.start = TlsStart::PostgreSql;
        options.verifyName = u"localhost"_s;
        options.caCertificates = {m_ca};
        const QString where = u"%1:%2"_s.arg(options.host).arg(options.port);

        CheckResult result = runTls(options);
        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.startsWith(u"PostgreSQL at %1 does not accept TLS"_s.arg(where)),
                 qPrintable(result.error));

        // The server reads server.crt and server.key from its data directory; the key must be
        // the postgres user's own and private.
        const QString data = postgres.value(u"DATA"_s);
        QFile::remove(data + u"/server.crt"_s);
        QFile::remove(data + u"/server.key"_s);
        QVERIFY(QFile::copy(file(u"expiring.pem"_s), data + u"/server.crt"_s));
        QVERIFY(QFile::copy(file(u"expiring.key"_s), data + u"/server.key"_s));
        QString output;
        QVERIFY2(run(u"chown"_s, {u"postgres:"_s, data + u"/server.crt"_s, data + u"/server.key"_s},
                     &output),
                 qPrintable(output));
        QVERIFY(
            QFile::setPermissions(data + u"/server.key"_s, QFile::ReadOwner | QFile::WriteOwner));
        const QStringList psql{u"-u"_s, u"postgres"_s,
                               u"--"_s, u"psql"_s,
                               u"-X"_s, u"-q"_s,
                               u"-v"_s, u"ON_ERROR_STOP=1"_s,
                               u"-h"_s, postgres.value(u"SOCKET_DIR"_s),
                               u"-p"_s, postgres.value(u"PORT"_s),
                               u"-U"_s, u"postgres"_s,
                               u"-d"_s, u"postgres"_s,
                               u"-c"_s, u"ALTER SYSTEM SET ssl = on"_s,
                               u"-c"_s, u"SELECT pg_reload_conf()"_s};
        QVERIFY2(run(u"runuser"_s, psql, &output), qPrintable(output));

        // The reload is asynchronous: the postmaster takes the new setting a moment later.
        QTRY_VERIFY_WITH_TIMEOUT((result = runTls(options)).error.isEmpty(), 10000);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"days left"_s)->value, 3.0);
        QVERIFY2(verificationErrors(result).isEmpty(), qPrintable(describe(result)));
        QVERIFY2(result.summary.startsWith(u"certificate of %1 expires in 3 days"_s.arg(where)),
                 qPrintable(result.summary));
    }
};

QTEST_GUILESS_MAIN(TestTlsCheck)
#include "tst_tlscheck.moc"
