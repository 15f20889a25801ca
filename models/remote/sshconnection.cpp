// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshconnection.h"

#include <QThread>

namespace OpsDeck {

SshConnection::SshConnection(SshSettings settings, std::shared_ptr<SshAbortSwitch> abortSwitch)
    : m_session(std::move(settings), std::move(abortSwitch), this) // children: moveToThread()
    , m_shells(&m_session, this)                                   // takes them along
    , m_tunnels(&m_session, this)
    , m_files(&m_session, this)
{
}

SshConnection::~SshConnection() = default;

bool SshConnection::hasWaitingWork() const
{
    return m_shells.hasQueuedJobs() || m_files.hasWaitingRequests() ||
           m_tunnels.hasWaitingForwards();
}

void SshConnection::setPassword(const QString &password, const QString &whyNone)
{
    m_session.setPassword(password, whyNone);
    if (hasWaitingWork())
        m_session.connectToHost();
}

void SshConnection::provideCredential(SshExecutor::Credential kind, const QString &secret)
{
    if (m_session.provideCredential(kind, secret) && hasWaitingWork())
        m_session.connectToHost();
}

void SshConnection::setRoute(const QString &address, int port)
{
    m_session.setRoute(address, port);
    if (hasWaitingWork())
        m_session.connectToHost();
}

void SshConnection::shutdown()
{
    m_session.shutdown();
    // The listening ports go now, in this thread, rather than at the thread's end.
    m_tunnels.closeAll();
    thread()->quit();
}

} // namespace OpsDeck
