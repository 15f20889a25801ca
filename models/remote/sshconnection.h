// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/sftpclient.h"
#include "models/remote/sshexecutor.h"
#include "models/remote/sshsession.h"
#include "models/remote/sshshellpool.h"
#include "models/remote/sshtunnels.h"

#include <QObject>

#include <memory>

namespace OpsDeck {

class SshAbortSwitch;

// The libssh side of an SshExecutor: one session and the parts that share it. Lives in its own
// thread (the session's) and is only called through queued invocations; results go back as
// the parts' signals. Never used directly.
class SshConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshConnection)

public:
    SshConnection(SshSettings settings, std::shared_ptr<SshAbortSwitch> abortSwitch);
    ~SshConnection() override;

    SshSession *session() { return &m_session; }
    SshShellPool *shells() { return &m_shells; }
    SshTunnels *tunnels() { return &m_tunnels; }
    SftpClient *files() { return &m_files; }

    // What the session waited for has come: connect when there is work.
    void setPassword(const QString &password, const QString &whyNone);
    void provideCredential(SshExecutor::Credential kind, const QString &secret);
    void setRoute(const QString &address, int port);
    // Closes everything and ends the thread the connection lives in, which deletes it.
    void shutdown();

private:
    bool hasWaitingWork() const;

    // Declared first, so destroyed last; the channels and SFTP handles of the parts hold the
    // libssh session anyway until they are freed.
    SshSession m_session;
    SshShellPool m_shells;
    SshTunnels m_tunnels;
    SftpClient m_files;
};

} // namespace OpsDeck
