// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/remote/remotefile.h"
#include "models/remote/sshexecutor.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

namespace OpsDeck {

// The libssh side of an SshExecutor. Lives in the executor's thread and is only ever called
// through queued invocations; results go back as signals. Never used directly.
class SshConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshConnection)

public:
    explicit SshConnection(SshSettings settings);
    ~SshConnection() override;

    void connectToHost();
    void answerHostKey(SshExecutor::HostKeyAnswer answer);
    void setPassword(const QString &password);
    void provideCredential(SshExecutor::Credential kind, const QString &secret);
    void setRoute(const QString &address, int port);
    void openTunnel(quint64 id, const QString &remoteHost, int remotePort);
    void closeTunnel(quint64 id);
    void listDirectory(quint64 id, const QString &path);
    void statPath(quint64 id, const QString &path);
    void readFile(quint64 id, const QString &path, qint64 offset, qint64 length);
    void startJob(quint64 id, const QString &command, const QString &script);
    void cancelJob(quint64 id);
    void shutdown();

Q_SIGNALS:
    void stateChanged(OpsDeck::ConnectionState state, const QString &reason);
    void hostKeyQuestion(const QString &host, const QString &keyType, const QString &fingerprint);
    void jobStarted(quint64 id);
    void jobOutput(quint64 id, const QByteArray &data, bool isStandardError);
    // exitCode is the command's status; -1 with error set when it could not run to its end.
    void jobFinished(quint64 id, int exitCode, const QString &error);
    void credentialNeeded(OpsDeck::SshExecutor::Credential kind, const QString &what);
    void tunnelOpened(quint64 id, int localPort);
    void tunnelFailed(quint64 id, const QString &error);
    void directoryListed(quint64 id, const QList<OpsDeck::RemoteFileInfo> &entries,
                         const QString &error);
    void pathStatted(quint64 id, const OpsDeck::RemoteFileInfo &info, const QString &error);
    void fileRead(quint64 id, const QByteArray &data, const QString &error);

private:
    struct Job {
        quint64 id = 0;
        QString command;
        QString script;
        qint64 remotePid = 0;
        bool cancelRequested = false;
    };
    // A long-lived remote `sh` that runs one job at a time.
    struct Runner {
        ssh_channel channel = nullptr;
        Job job;        // job.id == 0: idle
        QByteArray out; // bytes not yet delivered: they may hold the start of a marker
        QByteArray err;
        int exitCode = -1;
        bool outEnded = false;
        bool errEnded = false;
    };

    // A local listening port whose connections are carried to remoteHost:remotePort.
    struct Tunnel {
        quint64 id = 0;
        QTcpServer *server = nullptr;
        QString remoteHost;
        int remotePort = 0;
    };
    // One accepted connection of a tunnel and its direct-tcpip channel.
    struct Forward {
        Tunnel *tunnel = nullptr;
        QTcpSocket *socket = nullptr;
        ssh_channel channel = nullptr;
        QByteArray toChannel; // arrived before the channel was open
    };

    // An SFTP request waiting for the session, or being served.
    struct FileRequest {
        enum class Kind { List, Stat, Read };
        Kind kind = Kind::Stat;
        quint64 id = 0;
        QString path;
        qint64 offset = 0;
        qint64 length = 0;
    };
    void queueFileRequest(const FileRequest &request);
    void serveFileRequest(const FileRequest &request);
    void answerFileRequest(const FileRequest &request, const QString &error);
    QString sftpError(const QString &path) const;

    void acceptForwards(Tunnel *tunnel);
    void openForwardChannel(Forward *forward);
    void closeForward(Forward *forward);
    void pumpForwards();

    void setState(ConnectionState state, const QString &reason = {});
    bool checkHostKey(); // false: refused, or waiting for answerHostKey()
    void authenticate();
    void becomeReady();
    void fail(const QString &reason);
    void closeSession();
    void scheduleReconnect();

    void dispatchJobs();
    Runner *openRunner();
    void sendJob(Runner &runner);
    void pump();
    void readChannel(Runner &runner, bool isStandardError);
    void deliver(Runner &runner, QByteArray &buffer, bool isStandardError, bool flushAll);
    void finishJobIfDone(Runner &runner);
    void sendKill(qint64 pid);
    void keepalive();

    QString describeConnectError() const;

    SshSettings m_settings;
    ssh_session m_session = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_pollTimer;
    QTimer m_keepaliveTimer;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 1000;
    ConnectionState m_state = ConnectionState::Disconnected;
    QByteArray m_marker; // "\x1fOPSDECK:<random>:", unguessable by command output
    QList<Runner *> m_runners;
    QList<ssh_channel> m_killChannels;
    QList<Job> m_queue;
    QList<Tunnel *> m_tunnels;
    QList<Forward *> m_forwards;
    QList<FileRequest> m_fileRequests;
    sftp_session m_sftp = nullptr;
    QByteArray m_pendingKeyType;
    QByteArray m_pendingKeyBlob;
    bool m_shuttingDown = false;
    // A prompt is out: commands wait for provideCredential(). Asked once per missing secret.
    bool m_waitingForCredential = false;
    bool m_askedForPassword = false;
    bool m_askedForPassphrase = false;
    QString m_lastAuthenticationError;
};

} // namespace OpsDeck
