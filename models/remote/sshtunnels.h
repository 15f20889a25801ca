// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/sshhandles.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace OpsDeck {

class SshSession;

// Local forwards (as ssh -L) over a session: a listening port on 127.0.0.1 whose connections
// are each carried by a direct-tcpip channel to a remote host and port. The listening ports
// outlive a lost session; the connections through them do not. Lives in the session's thread.
class SshTunnels final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshTunnels)

public:
    explicit SshTunnels(SshSession *session, QObject *parent = nullptr);
    ~SshTunnels() override;

    // Answered by tunnelOpened() or tunnelFailed().
    void openTunnel(quint64 id, const QString &remoteHost, int remotePort);
    void closeTunnel(quint64 id);
    void closeAll();
    // Connections accepted before the session was up wait for it.
    bool hasWaitingForwards() const;

Q_SIGNALS:
    void tunnelOpened(quint64 id, int localPort);
    void tunnelFailed(quint64 id, const QString &error);

private:
    struct Tunnel {
        quint64 id = 0;
        std::unique_ptr<QTcpServer> server;
        QString remoteHost;
        int remotePort = 0;
    };
    // One accepted connection of a tunnel and its channel.
    struct Forward {
        Tunnel *tunnel = nullptr;
        QTcpSocket *socket = nullptr; // the server's child
        SshChannelHandle channel;     // null until the session is up
        QByteArray toChannel;         // arrived before the channel was open
    };

    void acceptForwards(Tunnel *tunnel);
    void openForwardChannel(Forward *forward);
    // Abort drops what the client has not taken yet (errors, the session going away); Drain
    // hands it over first (the far end finished).
    enum class Ending { Abort, Drain };
    void closeForward(Forward *forward, Ending ending = Ending::Abort);
    void onReady();
    void pump();

    SshSession *m_session;
    std::vector<std::unique_ptr<Tunnel>> m_tunnels;
    std::vector<std::unique_ptr<Forward>> m_forwards;
};

} // namespace OpsDeck
