// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace OpsDeck {

// "certificate_days_left": the seeds renew below 30 days; below 7 is critical. Lower is worse.
Threshold defaultCertificateThreshold();
// "connect_time": a TCP handshake on a working network takes well under 200 ms.
Threshold defaultConnectTimeThreshold();

// How a connection turns into TLS before the handshake.
enum class TlsStart {
    Direct,       // TLS from the first byte: HTTPS, rediss, AMQPS (5671), LDAPS, SMTPS, IMAPS
    PostgreSql,   // the 8-byte SSLRequest, the server answers 'S', then TLS on the same socket
    SmtpStartTls, // 220 greeting, EHLO, STARTTLS, 220, then TLS
};

struct TlsCheckOptions {
    QString host;
    quint16 port = 0;
    TlsStart start = TlsStart::Direct;
    QString verifyName; // the name the certificate must carry; empty: host
    Threshold daysLeft = defaultCertificateThreshold();
    int timeoutMs = 10000;
    // Extra certificate authorities to trust (an internal CA); the system ones always count.
    QList<QSslCertificate> caCertificates;
};

// From a URL's scheme (and default port): https, rediss, amqps, ldaps, smtps, imaps, pop3s,
// ftps and tls are direct; postgres and postgresql send the SSLRequest; smtp and submission
// use STARTTLS. Empty, with error set, for a scheme without TLS or no host.
std::optional<TlsCheckOptions> tlsCheckOptionsForUrl(const QUrl &url, QString *error = nullptr);

// The values a peer chain gives, judged at now: days left of the leaf (and of the first to
// expire in the rest of the chain when that is earlier), and every verification error (self-
// signed, expired, host mismatch, untrusted) as a critical value — or one OK "verification".
// Pure, so it is tested without a server.
QList<CheckValue> certificateValues(const QList<QSslCertificate> &chain,
                                    const QList<QSslError> &errors, const Threshold &daysLeft,
                                    const QDateTime &now);

// A TCP connect: the time it takes, or refused/timeout with host:port. finished() once.
class TcpCheck : public QObject
{
    Q_OBJECT
public:
    explicit TcpCheck(QObject *parent = nullptr);
    ~TcpCheck() override;

    void start(const QString &checkId, const QString &host, quint16 port, int timeoutMs = 10000,
               const Threshold &latency = defaultConnectTimeThreshold());
    // Stops a running check; finished() is not emitted.
    void abort();

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);

private:
    void fail(const QString &error);

    QTcpSocket *m_socket = nullptr;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    CheckResult m_result;
    QString m_host;
    quint16 m_port = 0;
    Threshold m_latency;
    int m_timeoutMs = 0;
};

// Connects, starts TLS the way the protocol wants, and reads the peer's chain without failing
// on verification errors: they are reported as values. finished() once.
class TlsCheck : public QObject
{
    Q_OBJECT
public:
    explicit TlsCheck(QObject *parent = nullptr);
    ~TlsCheck() override;

    void start(const QString &checkId, const TlsCheckOptions &options);
    // Stops a running check; finished() is not emitted.
    void abort();

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);

private:
    enum class Phase {
        Idle,
        Connecting,
        SslRequest,
        SmtpGreeting,
        SmtpEhlo,
        SmtpStartTls,
        Handshake
    };

    void onConnected();
    void onReadyRead();
    void onSmtpReply(int code, const QStringList &lines);
    void onEncrypted();
    void onError(QAbstractSocket::SocketError error);
    void onTimeout();
    void startHandshake();
    void fail(const QString &error);
    void finish(CheckResult result);
    QString where() const;

    QSslSocket *m_socket = nullptr;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    TlsCheckOptions m_options;
    CheckResult m_result;
    Phase m_phase = Phase::Idle;
    qint64 m_connectMs = 0;
    QList<QSslError> m_sslErrors;
    QStringList m_smtpLines; // the lines of a multi-line SMTP reply so far
};

} // namespace OpsDeck
