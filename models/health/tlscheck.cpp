// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/tlscheck.h"

#include "models/core/units.h"

#include <QCoreApplication>
#include <QHash>
#include <QSslConfiguration>
#include <QtEndian>

#include <cmath>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthTls)
};

// An SMTP reply line is at most 512 bytes; a peer sending far more is not an SMTP server.
constexpr qint64 maxSmtpLine = 4096;

QString endpoint(const QString &host, quint16 port)
{
    // IPv6 literals in brackets, so the port stays readable.
    return host.contains(u':') ? u"[%1]:%2"_s.arg(host).arg(port) : u"%1:%2"_s.arg(host).arg(port);
}

QString socketErrorText(QAbstractSocket::SocketError error, const QString &host, quint16 port,
                        const QString &detail)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return Text::tr("connection refused by %1").arg(endpoint(host, port));
    case QAbstractSocket::HostNotFoundError:
        return Text::tr("host %1 not found").arg(host);
    case QAbstractSocket::RemoteHostClosedError:
        return Text::tr("%1 closed the connection").arg(endpoint(host, port));
    case QAbstractSocket::NetworkError:
        return Text::tr("network error reaching %1: %2").arg(endpoint(host, port), detail);
    case QAbstractSocket::SslHandshakeFailedError:
        return Text::tr("TLS handshake with %1 failed: %2").arg(endpoint(host, port), detail);
    default:
        return Text::tr("%1: %2").arg(endpoint(host, port), detail);
    }
}

QString commonName(const QSslCertificate &certificate)
{
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? certificate.subjectDisplayName() : names.constFirst();
}

// Days to expiry, to a tenth: "3 days" for a certificate made three days long a second ago.
double daysLeft(const QSslCertificate &certificate, const QDateTime &now)
{
    return std::round(double(now.secsTo(certificate.expiryDate())) / 8640.0) / 10.0;
}

QString shortError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
        return Text::tr("self-signed");
    case QSslError::SelfSignedCertificateInChain:
        return Text::tr("self-signed certificate in the chain");
    case QSslError::CertificateExpired:
        return Text::tr("expired");
    case QSslError::CertificateNotYetValid:
        return Text::tr("not yet valid");
    case QSslError::HostNameMismatch:
        return Text::tr("host name mismatch");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return Text::tr("untrusted issuer");
    case QSslError::CertificateRevoked:
        return Text::tr("revoked");
    default:
        return Text::tr("invalid");
    }
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    default:
        return Text::tr("older than TLS 1.2");
    }
}

} // namespace

Threshold defaultCertificateThreshold()
{
    return {u"certificate_days_left"_s, 30, 7, u"days"_s, Threshold::Direction::Below, {}};
}

Threshold defaultConnectTimeThreshold()
{
    return {u"connect_time"_s, 200, 1000, u"ms"_s, Threshold::Direction::Above, {}};
}

std::optional<TlsCheckOptions> tlsCheckOptionsForUrl(const QUrl &url, QString *error)
{
    struct Scheme {
        TlsStart start;
        quint16 port;
    };
    static const QHash<QString, Scheme> schemes = {
        {u"https"_s, {TlsStart::Direct, 443}},
        {u"rediss"_s, {TlsStart::Direct, 6379}},
        {u"amqps"_s, {TlsStart::Direct, 5671}},
        {u"ldaps"_s, {TlsStart::Direct, 636}},
        {u"smtps"_s, {TlsStart::Direct, 465}},
        {u"imaps"_s, {TlsStart::Direct, 993}},
        {u"pop3s"_s, {TlsStart::Direct, 995}},
        {u"ftps"_s, {TlsStart::Direct, 990}},
        {u"tls"_s, {TlsStart::Direct, 0}},
        {u"postgres"_s, {TlsStart::PostgreSql, 5432}},
        {u"postgresql"_s, {TlsStart::PostgreSql, 5432}},
        {u"smtp"_s, {TlsStart::SmtpStartTls, 25}},
        {u"submission"_s, {TlsStart::SmtpStartTls, 587}},
    };
    const auto it = schemes.constFind(url.scheme().toLower());
    const auto failed = [&](const QString &text) -> std::optional<TlsCheckOptions> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (it == schemes.constEnd())
        return failed(Text::tr("no TLS check for a %1 URL: %2")
                          .arg(url.scheme(), url.toDisplayString(QUrl::RemoveUserInfo)));
    if (url.host().isEmpty())
        return failed(Text::tr("no host in %1").arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    const int port = url.port(it->port);
    if (port <= 0)
        return failed(Text::tr("no port in %1").arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    TlsCheckOptions options;
    options.host = url.host();
    options.port = quint16(port);
    options.start = it->start;
    return options;
}

QList<CheckValue> certificateValues(const QList<QSslCertificate> &chain,
                                    const QList<QSslError> &errors, const Threshold &threshold,
                                    const QDateTime &now)
{
    QList<CheckValue> values;
    if (chain.isEmpty()) {
        values.append({Text::tr("certificate"),
                       0,
                       {},
                       Text::tr("the server presented no certificate"),
                       Verdict::Critical,
                       {},
                       {}});
        return values;
    }
    const auto expiryValue = [&](const QString &name, const QSslCertificate &certificate) {
        const double days = daysLeft(certificate, now);
        return CheckValue{name,
                          days,
                          u"days"_s,
                          Text::tr("%1, valid until %2")
                              .arg(commonName(certificate),
                                   certificate.expiryDate().toUTC().toString(Qt::ISODate)),
                          judge(days, threshold),
                          threshold.warning,
                          threshold.critical};
    };
    const QSslCertificate &leaf = chain.constFirst();
    values.append(expiryValue(Text::tr("days left"), leaf));
    // An intermediate expiring before the leaf breaks the chain first.
    const QSslCertificate *earliest = nullptr;
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (!earliest || chain[i].expiryDate() < earliest->expiryDate())
            earliest = &chain[i];
    }
    if (earliest && earliest->expiryDate() < leaf.expiryDate())
        values.append(expiryValue(Text::tr("days left (chain)"), *earliest));

    QList<QSslError::SslError> seen;
    for (const QSslError &error : errors) {
        if (seen.contains(error.error()))
            continue;
        seen.append(error.error());
        QString text = shortError(error.error());
        if (!error.certificate().isNull())
            text = u"%1 (%2)"_s.arg(text, commonName(error.certificate()));
        values.append({Text::tr("verification"),
                       double(error.error()),
                       {},
                       u"%1: %2"_s.arg(text, error.errorString()),
                       Verdict::Critical,
                       {},
                       {}});
    }
    if (seen.isEmpty()) {
        values.append({Text::tr("verification"),
                       double(QSslError::NoError),
                       {},
                       Text::tr("trusted chain, name matches"),
                       Verdict::Ok,
                       {},
                       {}});
    }
    return values;
}

TcpCheck::TcpCheck(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Text::tr("no TCP connection to %1 within %2")
                 .arg(endpoint(m_host, m_port), formatDuration(m_timeoutMs)));
    });
}

TcpCheck::~TcpCheck()
{
    abort();
}

void TcpCheck::start(const QString &checkId, const QString &host, quint16 port, int timeoutMs,
                     const Threshold &latency)
{
    abort();
    m_result = {};
    m_result.checkId = checkId;
    m_result.time = QDateTime::currentDateTimeUtc();
    m_host = host;
    m_port = port;
    m_latency = latency;
    m_timeoutMs = timeoutMs;
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        CheckResult result = m_result;
        result.durationMs = m_elapsed.elapsed();
        const CheckValue value{Text::tr("connect"),
                               double(result.durationMs),
                               u"ms"_s,
                               {},
                               judge(double(result.durationMs), m_latency),
                               m_latency.warning,
                               m_latency.critical};
        result.values = {value};
        result.verdict = value.verdict;
        result.summary = Text::tr("%1 accepts connections, in %2")
                             .arg(endpoint(m_host, m_port), formatDuration(result.durationMs));
        abort();
        Q_EMIT finished(result);
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        fail(socketErrorText(error, m_host, m_port, m_socket->errorString()));
    });
    m_elapsed.start();
    m_timeout.start(timeoutMs);
    m_socket->connectToHost(host, port);
}

void TcpCheck::abort()
{
    m_timeout.stop();
    if (m_socket) {
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void TcpCheck::fail(const QString &error)
{
    if (!m_socket)
        return;
    abort();
    CheckResult result = m_result;
    result.durationMs = m_elapsed.elapsed();
    result.verdict = Verdict::Critical;
    result.error = error;
    result.summary = error;
    Q_EMIT finished(result);
}

TlsCheck::TlsCheck(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &TlsCheck::onTimeout);
}

TlsCheck::~TlsCheck()
{
    abort();
}

void TlsCheck::start(const QString &checkId, const TlsCheckOptions &options)
{
    abort();
    m_options = options;
    if (m_options.verifyName.isEmpty())
        m_options.verifyName = options.host;
    m_result = {};
    m_result.checkId = checkId;
    m_result.time = QDateTime::currentDateTimeUtc();
    m_sslErrors.clear();
    m_smtpLines.clear();
    m_connectMs = 0;

    m_socket = new QSslSocket(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(options.caCertificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(configuration);
    m_socket->setPeerVerifyName(m_options.verifyName);
    connect(m_socket, &QSslSocket::connected, this, &TlsCheck::onConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &TlsCheck::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &TlsCheck::onEncrypted);
    connect(m_socket, &QSslSocket::errorOccurred, this, &TlsCheck::onError);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Reported, not fatal: the point is to read the chain of a broken setup too.
        m_sslErrors = errors;
        m_socket->ignoreSslErrors();
    });
    m_phase = Phase::Connecting;
    m_elapsed.start();
    m_timeout.start(options.timeoutMs);
    m_socket->connectToHost(options.host, options.port);
}

void TlsCheck::abort()
{
    m_timeout.stop();
    m_phase = Phase::Idle;
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

QString TlsCheck::where() const
{
    return endpoint(m_options.host, m_options.port);
}

void TlsCheck::onConnected()
{
    m_connectMs = m_elapsed.elapsed();
    switch (m_options.start) {
    case TlsStart::Direct:
        startHandshake();
        break;
    case TlsStart::PostgreSql: {
        // SSLRequest: length 8, then the code 1234 5679 (80877103), both big-endian.
        char request[8];
        qToBigEndian<quint32>(8, request);
        qToBigEndian<quint32>(80877103, request + 4);
        m_phase = Phase::SslRequest;
        m_socket->write(request, sizeof request);
        break;
    }
    case TlsStart::SmtpStartTls:
        m_phase = Phase::SmtpGreeting;
        break;
    }
}

void TlsCheck::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_phase == Phase::SslRequest) {
        char answer = 0;
        if (!m_socket->getChar(&answer))
            return;
        if (answer == 'N') {
            fail(Text::tr("PostgreSQL at %1 does not accept TLS (it answered N to the "
                          "SSLRequest: ssl is off)")
                     .arg(where()));
        } else if (answer != 'S') {
            fail(Text::tr("%1 answered the PostgreSQL SSLRequest with %2, not S or N: not a "
                          "PostgreSQL server?")
                     .arg(where(), QString::fromLatin1(QByteArray(1, answer).toHex())));
        } else if (m_socket->bytesAvailable() > 0) {
            // Bytes before the handshake would be trusted as if encrypted (CVE-2021-23222).
            fail(Text::tr("%1 sent unencrypted data after accepting TLS").arg(where()));
        } else {
            startHandshake();
        }
        return;
    }
    if (m_phase != Phase::SmtpGreeting && m_phase != Phase::SmtpEhlo &&
        m_phase != Phase::SmtpStartTls)
        return;
    while (m_socket && m_socket->canReadLine()) {
        const QString line = QString::fromLatin1(m_socket->readLine(maxSmtpLine)).trimmed();
        bool numeric = false;
        const int code = line.left(3).toInt(&numeric);
        if (!numeric || line.size() < 3) {
            fail(Text::tr("%1 does not speak SMTP: %2").arg(where(), line.left(80)));
            return;
        }
        m_smtpLines.append(line);
        // "250-..." continues a reply, "250 ..." (or a bare "250") ends it.
        if (line.size() > 3 && line.at(3) == u'-')
            continue;
        const QStringList lines = m_smtpLines;
        m_smtpLines.clear();
        onSmtpReply(code, lines);
    }
    if (m_socket && m_socket->bytesAvailable() > maxSmtpLine)
        fail(Text::tr("%1 sent a line longer than %2 bytes: not an SMTP server")
                 .arg(where())
                 .arg(maxSmtpLine));
}

void TlsCheck::onSmtpReply(int code, const QStringList &lines)
{
    const QString last = lines.constLast();
    switch (m_phase) {
    case Phase::SmtpGreeting:
        if (code != 220) {
            fail(Text::tr("SMTP server at %1 greeted with: %2").arg(where(), last));
            return;
        }
        m_phase = Phase::SmtpEhlo;
        m_socket->write("EHLO opsdeck.invalid\r\n");
        break;
    case Phase::SmtpEhlo: {
        if (code != 250) {
            fail(Text::tr("SMTP server at %1 refused EHLO: %2").arg(where(), last));
            return;
        }
        bool offered = false;
        for (const QString &line : lines)
            offered =
                offered || line.mid(4).trimmed().compare("STARTTLS"_L1, Qt::CaseInsensitive) == 0;
        if (!offered) {
            fail(Text::tr("SMTP server at %1 does not offer STARTTLS").arg(where()));
            return;
        }
        m_phase = Phase::SmtpStartTls;
        m_socket->write("STARTTLS\r\n");
        break;
    }
    case Phase::SmtpStartTls:
        if (code != 220) {
            fail(Text::tr("SMTP server at %1 refused STARTTLS: %2").arg(where(), last));
            return;
        }
        if (m_socket->bytesAvailable() > 0) {
            fail(Text::tr("%1 sent unencrypted data after accepting TLS").arg(where()));
            return;
        }
        startHandshake();
        break;
    default:
        break;
    }
}

void TlsCheck::startHandshake()
{
    m_phase = Phase::Handshake;
    m_socket->startClientEncryption();
}

void TlsCheck::onEncrypted()
{
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    CheckResult result = m_result;
    result.durationMs = m_elapsed.elapsed();
    result.values =
        certificateValues(chain, m_sslErrors, m_options.daysLeft, QDateTime::currentDateTimeUtc());
    result.values.append({Text::tr("protocol"),
                          0,
                          {},
                          protocolName(m_socket->sessionProtocol()),
                          Verdict::Ok,
                          {},
                          {}});
    result.values.append({Text::tr("handshake"),
                          double(result.durationMs - m_connectMs),
                          u"ms"_s,
                          {},
                          Verdict::Ok,
                          {},
                          {}});
    result.verdict = Verdict::Ok;
    QStringList problems;
    for (const CheckValue &value : std::as_const(result.values)) {
        result.verdict = worseForExitCode(result.verdict, value.verdict);
        if (value.name == "verification"_L1 && value.verdict != Verdict::Ok)
            problems.append(value.text.section(u':', 0, 0));
    }
    if (!chain.isEmpty()) {
        const double days = result.values.constFirst().value;
        result.summary = days < 0 ? Text::tr("certificate of %1 expired %2 days ago")
                                        .arg(where(), QLocale().toString(-days))
                                  : Text::tr("certificate of %1 expires in %2 days")
                                        .arg(where(), QLocale().toString(days));
    } else {
        result.summary = Text::tr("%1 presented no certificate").arg(where());
    }
    if (!problems.isEmpty())
        result.summary += u"; "_s + problems.join(u", "_s);
    finish(result);
}

void TlsCheck::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    QString text = socketErrorText(error, m_options.host, m_options.port, m_socket->errorString());
    if (error == QAbstractSocket::RemoteHostClosedError) {
        if (m_phase == Phase::Handshake)
            text = Text::tr("%1 closed the connection during the TLS handshake").arg(where());
        else if (m_phase == Phase::SslRequest)
            text =
                Text::tr("%1 closed the connection after the PostgreSQL SSLRequest").arg(where());
        else if (m_phase != Phase::Connecting)
            text = Text::tr("%1 closed the connection before STARTTLS").arg(where());
    }
    fail(text);
}

void TlsCheck::onTimeout()
{
    QString stage;
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Connecting:
        stage = Text::tr("no TCP connection to %1 within %2");
        break;
    case Phase::SslRequest:
        stage = Text::tr("no answer to the PostgreSQL SSLRequest from %1 within %2");
        break;
    case Phase::SmtpGreeting:
    case Phase::SmtpEhlo:
    case Phase::SmtpStartTls:
        stage = Text::tr("no SMTP answer from %1 within %2");
        break;
    case Phase::Handshake:
        stage = Text::tr("no TLS handshake with %1 within %2");
        break;
    }
    fail(stage.arg(where(), formatDuration(m_options.timeoutMs)));
}

void TlsCheck::fail(const QString &error)
{
    CheckResult result = m_result;
    result.durationMs = m_elapsed.elapsed();
    result.verdict = Verdict::Critical;
    result.error = error;
    result.summary = error;
    finish(result);
}

void TlsCheck::finish(CheckResult result)
{
    abort();
    Q_EMIT finished(result);
}

} // namespace OpsDeck
