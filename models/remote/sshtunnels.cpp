// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshtunnels.h"

#include "models/remote/sshsession.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <array>

namespace OpsDeck {

namespace {

constexpr int ReadChunk = 64 * 1024;

} // namespace

SshTunnels::SshTunnels(SshSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &SshSession::ready, this, &SshTunnels::onReady);
    connect(session, &SshSession::activity, this, &SshTunnels::pump);
    // Connections through the tunnels die with the session; the listening ports stay.
    connect(session, &SshSession::closing, this, [this] {
        while (!m_forwards.empty())
            closeForward(m_forwards.front().get());
    });
}

SshTunnels::~SshTunnels()
{
    closeAll();
}

void SshTunnels::openTunnel(quint64 id, const QString &remoteHost, int remotePort)
{
    auto tunnel = std::make_unique<Tunnel>(
        Tunnel{id, std::make_unique<QTcpServer>(), remoteHost, remotePort});
    if (!tunnel->server->listen(QHostAddress::LocalHost, 0)) {
        Q_EMIT tunnelFailed(
            id, tr("Cannot listen on a local port: %1").arg(tunnel->server->errorString()));
        return;
    }
    Tunnel *listening = tunnel.get();
    connect(listening->server.get(), &QTcpServer::newConnection, this,
            [this, listening] { acceptForwards(listening); });
    m_tunnels.push_back(std::move(tunnel));
    Q_EMIT tunnelOpened(id, listening->server->serverPort());
}

void SshTunnels::closeTunnel(quint64 id)
{
    const auto tunnel = std::ranges::find_if(
        m_tunnels, [id](const std::unique_ptr<Tunnel> &candidate) { return candidate->id == id; });
    if (tunnel == m_tunnels.end())
        return;
    std::vector<Forward *> through;
    for (const std::unique_ptr<Forward> &forward : m_forwards) {
        if (forward->tunnel == tunnel->get())
            through.push_back(forward.get());
    }
    for (Forward *forward : through)
        closeForward(forward);
    m_tunnels.erase(tunnel); // the server takes its sockets along
}

void SshTunnels::closeAll()
{
    while (!m_tunnels.empty())
        closeTunnel(m_tunnels.front()->id);
}

bool SshTunnels::hasWaitingForwards() const
{
    return std::ranges::any_of(m_forwards,
                               [](const std::unique_ptr<Forward> &f) { return !f->channel; });
}

void SshTunnels::acceptForwards(Tunnel *tunnel)
{
    while (QTcpSocket *socket = tunnel->server->nextPendingConnection()) {
        Forward *forward =
            m_forwards.emplace_back(std::make_unique<Forward>(Forward{tunnel, socket, {}, {}}))
                .get();
        connect(socket, &QTcpSocket::readyRead, this, [this, forward] {
            const QByteArray data = forward->socket->readAll();
            if (!forward->channel) {
                forward->toChannel += data;
                return;
            }
            if (ssh_channel_write(forward->channel.get(), data.constData(),
                                  uint32_t(data.size())) != int(data.size())) {
                closeForward(forward);
                m_session->checkAlive(); // the connection may be what broke
            }
        });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, forward] { closeForward(forward); });
        if (m_session->isReady())
            openForwardChannel(forward);
        else
            m_session->connectToHost(); // the first user of a tunnel brings the connection up
    }
}

void SshTunnels::openForwardChannel(Forward *forward)
{
    SshChannelHandle channel = makeSshChannel(m_session->handle());
    if (!channel ||
        ssh_channel_open_forward(channel.get(), forward->tunnel->remoteHost.toUtf8().constData(),
                                 forward->tunnel->remotePort, "127.0.0.1",
                                 forward->socket->peerPort()) != SSH_OK) {
        closeForward(forward);
        m_session->checkAlive(); // the connection may be what broke
        return;
    }
    forward->channel = std::move(channel);
    if (!forward->toChannel.isEmpty()) {
        ssh_channel_write(forward->channel.get(), forward->toChannel.constData(),
                          uint32_t(forward->toChannel.size()));
        forward->toChannel.clear();
    }
    m_session->keepPolling();
}

void SshTunnels::closeForward(Forward *forward, Ending ending)
{
    const auto found = std::ranges::find_if(
        m_forwards, [forward](const std::unique_ptr<Forward> &f) { return f.get() == forward; });
    if (found == m_forwards.end())
        return;
    const std::unique_ptr<Forward> closing = std::move(*found);
    m_forwards.erase(found);
    QTcpSocket *socket = closing->socket;
    socket->disconnect(this);
    if (ending == Ending::Drain && socket->state() == QAbstractSocket::ConnectedState) {
        // Closes once everything written to it has reached the client.
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void SshTunnels::onReady()
{
    std::vector<Forward *> waiting;
    for (const std::unique_ptr<Forward> &forward : m_forwards) {
        if (!forward->channel)
            waiting.push_back(forward.get());
    }
    for (Forward *forward : waiting) {
        if (!m_session->isReady())
            return; // the connection broke, and took the forwards along
        openForwardChannel(forward);
    }
}

void SshTunnels::pump()
{
    std::array<char, ReadChunk> buffer{};
    std::vector<Forward *> open;
    for (const std::unique_ptr<Forward> &forward : m_forwards) {
        if (forward->channel)
            open.push_back(forward.get());
    }
    for (Forward *forward : open) {
        int read = 0;
        while ((read = ssh_channel_read_nonblocking(forward->channel.get(), buffer.data(),
                                                    uint32_t(buffer.size()), 0)) > 0)
            forward->socket->write(buffer.data(), read);
        if (read == SSH_ERROR)
            closeForward(forward, Ending::Abort);
        else if (ssh_channel_is_eof(forward->channel.get()))
            closeForward(forward, Ending::Drain);
    }
    if (!m_forwards.empty())
        m_session->keepPolling();
}

} // namespace OpsDeck
