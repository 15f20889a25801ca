// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <mutex>

namespace OpsDeck {

// Lets any thread break an SSH session's thread out of a blocking libssh call (ssh_connect
// waiting for a silent host, authentication, a channel or SFTP read) by shutting the session's
// socket down: the call returns with an error at once. The caller never waits on the network.
class SshAbortSwitch final
{
    Q_DISABLE_COPY_MOVE(SshAbortSwitch)

public:
    SshAbortSwitch() = default;
    ~SshAbortSwitch();

    // Session thread: the socket the session uses now (-1: none). A duplicate is kept, so the
    // abort reaches that socket even when libssh has closed or reused its descriptor.
    void watch(int socket);
    // Any thread: shuts the watched socket (and any watched later) down for good.
    void abort();
    bool isAborted() const;

private:
    void closeDuplicate();

    mutable std::mutex m_mutex;
    int m_watched = -1;   // libssh's descriptor
    int m_duplicate = -1; // ours, on the same socket
    bool m_aborted = false;
};

} // namespace OpsDeck
