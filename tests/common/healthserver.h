// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QHash>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

// A real HTTP server in the test's process, answering the paths a health endpoint is seen to
// answer with: /healthy, /degraded, /slow (300 ms), /error (500), /invalid (broken JSON),
// /loop-a and /loop-b (a redirect loop), /chain/N (endless redirects), /moved, /text, /hang
// (never answers) and /huge (an endless body); for metrics scrapes /metrics/FILE (a capture of
// tests/data/health/prometheus/, as an exporter serves it) and /metrics-broken (a body the
// exposition parser rejects on line 4). One request per connection. With serveTls(), the
// same answers over HTTPS, with the certificate given.
inline constexpr qint64 hugeBodyBytes = 512LL * 1024 * 1024;
// What /metrics-broken serves: three good lines, then a label set never closed.
inline constexpr char brokenExposition[] = "# HELP up Whether the target is up.\n"
                                           "# TYPE up gauge\n"
                                           "up 1\n"
                                           "node_load1{cpu=\"0\" 0.5\n";

// Serves one canned answer per path, one request per connection (Connection: close).
class HealthServer : public QTcpServer
{
public:
    HealthServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
    }

    // From now on every connection speaks TLS with this certificate and its key (PEM files).
    bool serveTls(const QString &certificateFile, const QString &keyFile)
    {
        m_certificate = QSslCertificate::fromPath(certificateFile).value(0);
        QFile key(keyFile);
        m_key =
            key.open(QIODevice::ReadOnly) ? QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem) : QSslKey();
        return !m_certificate.isNull() && !m_key.isNull();
    }

    qint64 hugeBytesSent = 0;
    bool hugeDisconnected = false;
    int requests = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_certificate.isNull()) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        // The request arrives once the handshake is done; QTcpServer announces the connection.
        socket->startServerEncryption();
        addPendingConnection(socket);
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        ++requests;
        const QByteArray path = buffer.split(' ').value(1);
        m_buffers.remove(socket);
        answer(socket, path);
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &reason,
                        const QByteArray &body, const QByteArray &extraHeaders = {},
                        const QByteArray &type = "application/json")
    {
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        response += "Content-Type: " + type +
                    "\r\nContent-Length: " + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    void answer(QTcpSocket *socket, const QByteArray &path)
    {
        if (path == "/healthy") {
            respond(socket, 200, "OK",
                    R"({"status":"healthy","version":"1.2.0","checks":{)"
                    R"("database":{"status":"healthy","responseTime":3},)"
                    R"("redis":{"status":"healthy"}}})");
        } else if (path == "/degraded") {
            respond(socket, 200, "OK",
                    R"({"status":"degraded","checks":{"database":{"status":"healthy"},)"
                    R"("redis":{"status":"degraded","error":"latency 800 ms"}}})");
        } else if (path == "/slow") {
            QTimer::singleShot(300, socket,
                               [socket] { respond(socket, 200, "OK", R"({"status":"healthy"})"); });
        } else if (path == "/error") {
            respond(socket, 500, "Internal Server Error",
                    R"({"status":"unhealthy","checks":{"database":{"status":"unhealthy",)"
                    R"("error":"connection refused"},"redis":{"status":"healthy"}}})");
        } else if (path == "/invalid") {
            respond(socket, 200, "OK", R"({"status": "healthy", "checks": {"database": )");
        } else if (path == "/loop-a") {
            respond(socket, 302, "Found", {}, "Location: /loop-b\r\n");
        } else if (path == "/loop-b") {
            respond(socket, 302, "Found", {}, "Location: /loop-a\r\n");
        } else if (path.startsWith("/chain/")) {
            // Every hop a new URL: no loop, only too many redirects.
            const int hop = path.mid(7).toInt();
            respond(socket, 301, "Moved Permanently", {},
                    "Location: /chain/" + QByteArray::number(hop + 1) + "\r\n");
        } else if (path == "/moved") {
            respond(socket, 301, "Moved Permanently", {}, "Location: /healthy\r\n");
        } else if (path.startsWith("/metrics/") && !path.contains("..")) {
            QFile capture(QStringLiteral(OPSDECK_TEST_DATA_DIR "/health/prometheus/") +
                          QString::fromUtf8(path.mid(9)));
            if (capture.open(QIODevice::ReadOnly))
                respond(socket, 200, "OK", capture.readAll(), {},
                        "text/plain; version=0.0.4; charset=utf-8");
            else
                respond(socket, 404, "Not Found", "no such capture", {}, "text/plain");
        } else if (path == "/metrics-broken") {
            respond(socket, 200, "OK", brokenExposition, {},
                    "text/plain; version=0.0.4; charset=utf-8");
        } else if (path == "/text") {
            respond(socket, 200, "OK", "pong from api-1\n", {}, "text/plain");
        } else if (path == "/hang") {
            // Reads the request and never answers.
        } else if (path == "/huge") {
            // No length, ended by closing: the client can only stop by counting what it read.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n{\"status\":\"healthy\",\"padding\":\"");
            connect(socket, &QTcpSocket::disconnected, this, [this] { hugeDisconnected = true; });
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
                if (socket->bytesToWrite() > 0 || socket->state() != QTcpSocket::ConnectedState)
                    return;
                if (hugeBytesSent >= hugeBodyBytes) {
                    socket->disconnectFromHost();
                    return;
                }
                const QByteArray chunk(64 * 1024, 'x');
                hugeBytesSent += socket->write(chunk);
            });
        } else {
            respond(socket, 404, "Not Found", "no such path", {}, "text/plain");
        }
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSslCertificate m_certificate;
    QSslKey m_key;
};
