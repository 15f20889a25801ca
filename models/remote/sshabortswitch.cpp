// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshabortswitch.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace OpsDeck {

SshAbortSwitch::~SshAbortSwitch()
{
    closeDuplicate();
}

void SshAbortSwitch::watch(int socket)
{
    const std::lock_guard lock(m_mutex);
    if (socket == m_watched)
        return;
    closeDuplicate();
    m_watched = socket;
    if (socket < 0)
        return;
    m_duplicate = ::fcntl(socket, F_DUPFD_CLOEXEC, 0);
    if (m_aborted && m_duplicate >= 0)
        ::shutdown(m_duplicate, SHUT_RDWR);
}

void SshAbortSwitch::abort()
{
    const std::lock_guard lock(m_mutex);
    m_aborted = true;
    // On a socket still connecting, this aborts the connect too (Linux).
    if (m_duplicate >= 0)
        ::shutdown(m_duplicate, SHUT_RDWR);
}

bool SshAbortSwitch::isAborted() const
{
    const std::lock_guard lock(m_mutex);
    return m_aborted;
}

void SshAbortSwitch::closeDuplicate()
{
    if (m_duplicate >= 0)
        ::close(m_duplicate);
    m_duplicate = -1;
    m_watched = -1;
}

} // namespace OpsDeck
