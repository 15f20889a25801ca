// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <memory>
#include <utility>

// Owners for libssh's C handles: each frees its handle once, with libssh's own function.
namespace OpsDeck {

template<auto Free>
struct SshFree {
    template<typename Struct>
    void operator()(Struct *handle) const
    {
        Free(handle);
    }
};

template<typename Struct, auto Free>
using SshOwned = std::unique_ptr<Struct, SshFree<Free>>;

using SshKeyHandle = SshOwned<ssh_key_struct, ssh_key_free>;
using SshCharHandle = SshOwned<char, ssh_string_free_char>; // strings libssh allocated
using SftpAttributesHandle = SshOwned<sftp_attributes_struct, sftp_attributes_free>;
// Function-local: opened and closed while their SFTP session is held.
using SftpFileHandle = SshOwned<sftp_file_struct, sftp_close>;
using SftpDirHandle = SshOwned<sftp_dir_struct, sftp_closedir>;

// A session is disconnected, then freed, when its last owner lets go. Its channels and its SFTP
// session are owners too (SshBoundHandle): ssh_disconnect() and ssh_free() free every channel
// of the session, so a channel must never outlive it.
using SshSessionHandle = std::shared_ptr<ssh_session_struct>;

inline SshSessionHandle makeSshSession()
{
    ssh_session session = ssh_new();
    if (!session)
        return {};
    return SshSessionHandle(session, [](ssh_session owned) {
        ssh_disconnect(owned);
        ssh_free(owned);
    });
}

// A handle that belongs to a session (a channel, an SFTP session): freed first, then its hold on
// the session dropped.
template<typename Struct, auto Free>
class SshBoundHandle
{
public:
    SshBoundHandle() = default;
    // Takes `handle` (null allowed), made on `session`.
    SshBoundHandle(SshSessionHandle session, Struct *handle)
        : m_session(handle ? std::move(session) : SshSessionHandle())
        , m_handle(handle)
    {
    }
    SshBoundHandle(SshBoundHandle &&other) noexcept = default;
    SshBoundHandle &operator=(SshBoundHandle &&other) noexcept
    {
        // Member-wise assignment would let go of the old session before the old handle.
        m_handle = std::move(other.m_handle);
        m_session = std::move(other.m_session);
        return *this;
    }
    SshBoundHandle(const SshBoundHandle &) = delete;
    SshBoundHandle &operator=(const SshBoundHandle &) = delete;
    ~SshBoundHandle() = default; // m_handle, declared last, goes first

    Struct *get() const { return m_handle.get(); }
    explicit operator bool() const { return bool(m_handle); }
    void reset() { *this = SshBoundHandle(); }

private:
    SshSessionHandle m_session;
    SshOwned<Struct, Free> m_handle;
};

using SshChannelHandle = SshBoundHandle<ssh_channel_struct, ssh_channel_free>;
using SftpSessionHandle = SshBoundHandle<sftp_session_struct, sftp_free>;

// A new channel on `session`; null when libssh cannot make one.
inline SshChannelHandle makeSshChannel(const SshSessionHandle &session)
{
    return SshChannelHandle(session, session ? ssh_channel_new(session.get()) : nullptr);
}

} // namespace OpsDeck
