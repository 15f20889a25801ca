// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/remote/sshexecutor.h"
#include "models/remote/sshhandles.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <libssh/callbacks.h>
#include <memory>

class QSocketNotifier;

namespace OpsDeck {

class SshAbortSwitch;

// One libssh session to a host: connection, host-key policy, authentication, keepalive and
// reconnect. The shell pool, the tunnels and SFTP share it (see SshConnection); they all live
// in the session's thread. Through the abort switch, another thread can break a blocking call.
class SshSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshSession)

public:
    SshSession(SshSettings settings, std::shared_ptr<SshAbortSwitch> abortSwitch,
               QObject *parent = nullptr);
    ~SshSession() override;

    const SshSettings &settings() const { return m_settings; }
    ConnectionState state() const { return m_state; }
    bool isReady() const { return m_state == ConnectionState::Ready; }
    // The open session, null when there is none. Channels and SFTP sessions hold a copy.
    const SshSessionHandle &handle() const { return m_handle; }
    // libssh's text for the last error on the session.
    QString lastError() const;

    // Opens the session unless it is open or waits for a password, a route, a host-key answer
    // or a credential, or the session was aborted; cuts a pending reconnect short.
    void connectToHost();
    void answerHostKey(SshExecutor::HostKeyAnswer answer);
    void setPassword(const QString &password, const QString &whyNone = {});
    void setRoute(const QString &address, int port);
    // True when a prompt was out and the secret was taken: connect again. An empty secret gives
    // up and fails with the authentication error.
    bool provideCredential(SshExecutor::Credential kind, const QString &secret);

    // The session is no use: the state is Failed with this reason, what waits fails, and a
    // session that was up comes back by itself.
    void fail(const QString &reason);
    // fail() with "Connection to HOST lost: <what libssh says>".
    void failLost();
    // Fails when libssh saw the connection end; true while it is up.
    bool checkAlive();
    // A user of the session has data in flight: read again soon, not only when the socket
    // says so (libssh may already hold what arrived). Asked again on each activity().
    void keepPolling();
    // For good: closes the session and opens no other.
    void shutdown();

Q_SIGNALS:
    void stateChanged(OpsDeck::ConnectionState state, const QString &reason);
    void hostKeyQuestion(const OpsDeck::HostKeyQuestion &question);
    void credentialNeeded(OpsDeck::SshExecutor::Credential kind, const QString &what);
    // Authenticated: serve what waited.
    void ready();
    // The socket has something, a poll is due, or a keepalive went out: read your channels.
    void activity();
    // The state is Failed: fail what waits or runs, with this reason.
    void failed(const QString &reason);
    // The session is about to go: let go of every channel and SFTP handle now.
    void closing();

private:
    static void onConnectProgress(void *self, float progress);
    void setState(ConnectionState state, const QString &reason = {});
    QString describeConnectError() const;
    bool checkHostKey(); // false: refused, or waiting for answerHostKey()
    // The host as messages name it: "name (address port N)", with the HostKeyAlias if any.
    QString describeHost() const;
    // Appends the pending key to the policy's file; why it could not, empty when it did.
    QString rememberHostKey();
    void authenticate();
    void becomeReady();
    void askForCredential(SshExecutor::Credential kind, const QString &what);
    void close();
    void scheduleReconnect();
    void pump();
    void keepalive();

    SshSettings m_settings;
    std::shared_ptr<SshAbortSwitch> m_abort;
    ssh_callbacks_struct m_callbacks{};
    SshSessionHandle m_handle;
    std::unique_ptr<QSocketNotifier> m_notifier; // on m_handle's socket: declared after it
    QTimer m_pollTimer;
    QTimer m_keepaliveTimer;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 1000;
    bool m_pollRequested = false;
    ConnectionState m_state = ConnectionState::Disconnected;
    QByteArray m_pendingKeyType;
    QByteArray m_pendingKeyBlob;
    QString m_hostKeyAlias; // HostKeyAlias of the last check; empty when none
    QString m_rememberFile; // where an accepted key goes
    // A prompt is out: nothing connects until provideCredential(). Asked once per missing secret.
    bool m_waitingForCredential = false;
    bool m_askedForPassword = false;
    bool m_askedForPassphrase = false;
    QString m_lastAuthenticationError;
    QString m_passwordWithheld; // why the keychain's password was not handed over
};

} // namespace OpsDeck
