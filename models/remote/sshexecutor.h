// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"
#include "models/remote/remotefile.h"
#include "models/workspace/workspace.h"

#include <QHash>
#include <QPointer>

#include <memory>

namespace OpsDeck {

class SshAbortSwitch;
class SshConnection;
class SshRun;

// How to reach one SSH host, resolved from the workspace (and later ~/.ssh/config).
struct SshSettings {
    QString hostName; // the workspace's name for the host, for messages and the audit log
    QString address;
    int port = 22;
    QString user;
    QList<AuthMethod> methods{AuthMethod::Agent, AuthMethod::Key, AuthMethod::Password,
                              AuthMethod::KeyboardInteractive};
    QStringList identityFiles; // empty: OpenSSH's defaults in ~/.ssh
    QString agentSocket;       // empty: $SSH_AUTH_SOCK
    QString password;          // from the keychain or a prompt; never written anywhere
    // The password is on its way from the keychain: queue commands, connect once it is here.
    bool waitForPassword = false;
    // Where to open the TCP connection when it is not address:port: the local end of a
    // tunnel through a jump host. Host keys are still checked for address:port.
    QString routeAddress;
    int routePort = 0;
    // The route is on its way (the jump host's tunnel): queue commands until it is set.
    bool waitForRoute = false;
    QString passphrase;
    // Host keys (see hostkeypolicy.h). OpsDeck's own known_hosts files, read first; the first
    // is where accepted keys are remembered.
    QStringList knownHostsFiles;
    // OpenSSH's user and global known_hosts files, unless ssh_config's UserKnownHostsFile or
    // GlobalKnownHostsFile name others. Empty here; sshSettingsFor() gives OpenSSH's defaults.
    QStringList userKnownHostsFiles;
    QStringList globalKnownHostsFiles;
    // The OpenSSH client configurations asked for UserKnownHostsFile, GlobalKnownHostsFile,
    // HostKeyAlias and StrictHostKeyChecking, the first that sets one wins (as ssh reads
    // ~/.ssh/config before /etc/ssh/ssh_config); and the name their Host blocks are matched
    // against, as it would be typed after `ssh`: the alias of a host from ~/.ssh/config, else
    // the address. Empty: no configuration is read.
    QStringList sshConfigFiles;
    QString sshConfigName;
    // Headless use (tests, CLI): accept a key no known_hosts file mentions, once. A changed or
    // revoked key, and an unknown one under StrictHostKeyChecking yes, is refused whatever
    // this says.
    bool acceptUnknownHostKeys = false;
    int connectTimeoutMs = 10000;
    int keepaliveIntervalMs = 15000;
    int maxParallelCommands = 8; // remote shells kept open per host
    bool reconnect = true;       // after a lost connection, with backoff
};

// A key no known_hosts file has, with what the user needs to judge it.
struct HostKeyQuestion {
    QString hostName; // the workspace's name for the host
    QString address;  // where OpsDeck connects (through a jump host: the far end)
    int port = 22;
    QString keyAlias; // HostKeyAlias: the name the key is looked up and remembered under
    QString keyType;
    QString fingerprint;  // "SHA256:..."
    QString rememberFile; // where "accept and remember" writes; empty: nowhere

    friend bool operator==(const HostKeyQuestion &, const HostKeyQuestion &) = default;
};

// Where OpsDeck's own known_hosts lives.
QStringList defaultKnownHostsFiles();
// OpenSSH's: ~/.ssh/known_hosts and ~/.ssh/known_hosts2; /etc/ssh/ssh_known_hosts and
// /etc/ssh/ssh_known_hosts2; ~/.ssh/config and /etc/ssh/ssh_config.
QStringList defaultUserKnownHostsFiles();
QStringList defaultGlobalKnownHostsFiles();
QStringList defaultSshConfigFiles();

// Runs commands on one host over one libssh session that lives in its own thread. Each
// command goes to one of a few long-lived remote shells, so a command costs a round trip
// rather than a channel set-up and a shell start.
//
// Deleting the executor never waits for that thread: its commands fail at once, a blocking
// libssh call there (a silent host, a stalled read) is aborted, and the thread ends by itself.
// At process exit, session threads still running get a bounded wait (SessionThreadExitWaitMs).
class SshExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshExecutor)

public:
    // Unattended: nobody listens to hostKeyQuestion() (headless use); the key is refused.
    enum class HostKeyAnswer { Reject, AcceptOnce, AcceptAndRemember, Unattended };
    Q_ENUM(HostKeyAnswer)
    enum class Credential { Password, Passphrase };
    Q_ENUM(Credential)

    explicit SshExecutor(SshSettings settings, QObject *parent = nullptr);
    ~SshExecutor() override;

    // Session threads still running, those of deleted executors included.
    static int runningSessionThreads();
    static constexpr int SessionThreadExitWaitMs = 3000;

    QString hostName() const override { return m_settings.hostName; }
    ConnectionState state() const override { return m_state; }
    QString stateReason() const { return m_stateReason; }
    QString userName() const override { return m_settings.user; }
    CommandRun *start(const CommandRequest &request, QObject *owner) override;

    // Connects now rather than on the first command.
    void connectToHost();
    // The answer to hostKeyQuestion().
    void answerHostKey(HostKeyAnswer answer);
    // Delivers the password (see SshSettings::waitForPassword); empty when there is none, and
    // then whyNone may say why (the keychain refused it), for the authentication error.
    void setPassword(const QString &password, const QString &whyNone = {});
    // The answer to credentialNeeded(): the secret, or an empty one to give up (the waiting
    // commands then fail with the authentication error).
    void provideCredential(Credential kind, const QString &secret);
    // Delivers the route (see SshSettings::waitForRoute).
    void setRoute(const QString &address, int port);

    // Listens on a free port of 127.0.0.1; each connection to it is carried through this
    // host to remoteHost:remotePort (as ssh -L). Answered by tunnelOpened() or tunnelFailed().
    quint64 openTunnel(const QString &remoteHost, int remotePort);
    void closeTunnel(quint64 id);

    // SFTP, connecting first when needed; answered by the signals below (error empty on
    // success). readFile() returns at most `length` bytes from `offset` (at most 64 MiB).
    quint64 listDirectory(const QString &path);
    quint64 statPath(const QString &path);
    quint64 readFile(const QString &path, qint64 offset, qint64 length);

Q_SIGNALS:
    // The server's key is in no known_hosts file and StrictHostKeyChecking is ask: the user
    // decides (see answerHostKey()).
    void hostKeyQuestion(const OpsDeck::HostKeyQuestion &question);
    // Authentication needs a password (or a key's passphrase) OpsDeck does not have; commands
    // wait until provideCredential(). `what` is "user@host" or the key file.
    void credentialNeeded(OpsDeck::SshExecutor::Credential kind, const QString &what);
    void tunnelOpened(quint64 id, int localPort);
    void tunnelFailed(quint64 id, const QString &error);
    void directoryListed(quint64 id, const QList<OpsDeck::RemoteFileInfo> &entries,
                         const QString &error);
    void pathStatted(quint64 id, const OpsDeck::RemoteFileInfo &info, const QString &error);
    void fileRead(quint64 id, const QByteArray &data, const QString &error);

private:
    friend class SshRun;
    // Calls function(connection) in the connection's thread.
    template<typename Function>
    void post(Function function);
    void cancelJob(quint64 id);
    void onJobOutput(quint64 id, const QByteArray &data, bool isStandardError);
    void onJobFinished(quint64 id, int exitCode, const QString &error);

    SshSettings m_settings;
    std::shared_ptr<SshAbortSwitch> m_abort; // shared with the session
    SshConnection *m_connection;             // lives in its own thread, which deletes it
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_stateReason;
    quint64 m_lastJobId = 0;
    quint64 m_lastTunnelId = 0;
    quint64 m_lastFileRequestId = 0;
    QHash<quint64, QPointer<SshRun>> m_runs;
};

} // namespace OpsDeck
