// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshconnection.h"

#include "models/core/paths.h"
#include "models/openssh/knownhosts.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>

#include <array>
#include <fcntl.h>
#include <libssh/sftp.h>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(SshConnection)
};

constexpr int PollIntervalMs = 20;
constexpr int MaximumReconnectDelayMs = 60000;
constexpr int ReadChunk = 64 * 1024;
constexpr qint64 MaximumFileRead = 64 * 1024 * 1024;

RemoteFileInfo toInfo(const sftp_attributes attributes, const QString &fallbackName)
{
    RemoteFileInfo info;
    info.name = attributes->name ? QString::fromUtf8(attributes->name) : fallbackName;
    info.size = qint64(attributes->size);
    info.modified = QDateTime::fromSecsSinceEpoch(
        qint64(attributes->mtime64 ? attributes->mtime64 : attributes->mtime), Qt::UTC);
    info.permissions = attributes->permissions;
    info.isDirectory = attributes->type == SSH_FILEXFER_TYPE_DIRECTORY;
    info.isSymlink = attributes->type == SSH_FILEXFER_TYPE_SYMLINK;
    info.owner = attributes->owner ? QString::fromUtf8(attributes->owner) : QString();
    info.group = attributes->group ? QString::fromUtf8(attributes->group) : QString();
    info.uid = attributes->uid;
    info.gid = attributes->gid;
    return info;
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &byte : raw)
        byte = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

QString authMethodName(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Agent:
        return Text::tr("agent");
    case AuthMethod::Key:
        return Text::tr("key");
    case AuthMethod::Password:
        return Text::tr("password");
    case AuthMethod::KeyboardInteractive:
        return Text::tr("keyboard-interactive");
    }
    return {};
}

QStringList serverMethodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names.append(QStringLiteral("publickey"));
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names.append(QStringLiteral("password"));
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names.append(QStringLiteral("keyboard-interactive"));
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names.append(QStringLiteral("hostbased"));
    return names;
}

QStringList defaultIdentityFiles()
{
    QStringList files;
    for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        const QString path = QDir::homePath() + u"/.ssh/" + QLatin1String(name);
        if (QFileInfo::exists(path))
            files.append(path);
    }
    return files;
}

} // namespace

SshConnection::SshConnection(SshSettings settings)
    : m_settings(std::move(settings))
    , m_pollTimer(this) // children, so moveToThread() takes the timers along
    , m_keepaliveTimer(this)
    , m_reconnectTimer(this)
{
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &SshConnection::pump);
    m_keepaliveTimer.setInterval(m_settings.keepaliveIntervalMs);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshConnection::keepalive);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SshConnection::connectToHost);
}

SshConnection::~SshConnection()
{
    closeSession();
}

void SshConnection::setState(ConnectionState state, const QString &reason)
{
    m_state = state;
    Q_EMIT stateChanged(state, reason);
}

void SshConnection::connectToHost()
{
    if (m_session || m_shuttingDown || m_settings.waitForPassword || m_settings.waitForRoute ||
        m_waitingForCredential)
        return; // connected, a host-key question is pending, or a password or route is coming
    m_reconnectTimer.stop();
    setState(ConnectionState::Connecting);
    m_session = ssh_new();
    // Through a jump host the TCP connection goes to the tunnel's local end.
    const bool routed = !m_settings.routeAddress.isEmpty();
    const QByteArray address = (routed ? m_settings.routeAddress : m_settings.address).toUtf8();
    const unsigned int port = unsigned(routed ? m_settings.routePort : m_settings.port);
    const long timeoutSeconds = std::max(1L, long((m_settings.connectTimeoutMs + 999) / 1000));
    const bool processConfig = false; // OpsDeck imports ~/.ssh/config itself
    ssh_options_set(m_session, SSH_OPTIONS_HOST, address.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    if (!m_settings.user.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_USER, m_settings.user.toUtf8().constData());
    if (!m_settings.agentSocket.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT,
                        m_settings.agentSocket.toUtf8().constData());
    if (ssh_connect(m_session) != SSH_OK) {
        fail(describeConnectError());
        return;
    }
    if (checkHostKey())
        authenticate();
}

QString SshConnection::describeConnectError() const
{
    const QString detail = QString::fromUtf8(ssh_get_error(m_session));
    const QString where = QStringLiteral("%1:%2").arg(m_settings.address).arg(m_settings.port);
    if (detail.contains(u"resolve", Qt::CaseInsensitive))
        return Text::tr("Cannot resolve the host name %1 (DNS): %2")
            .arg(m_settings.address, detail);
    if (detail.contains(u"refused", Qt::CaseInsensitive))
        return Text::tr("Connection to %1 refused: is sshd running and listening on that port?")
            .arg(where);
    if (detail.contains(u"timeout", Qt::CaseInsensitive) ||
        detail.contains(u"timed out", Qt::CaseInsensitive))
        return Text::tr("No answer from %1 within %2 s: the host is down or a firewall drops "
                        "the connection.")
            .arg(where)
            .arg(m_settings.connectTimeoutMs / 1000);
    return Text::tr("Cannot connect to %1: %2").arg(where, detail);
}

bool SshConnection::checkHostKey()
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK) {
        fail(Text::tr("The server %1 sent no usable host key.").arg(m_settings.hostName));
        return false;
    }
    char *base64 = nullptr;
    ssh_pki_export_pubkey_base64(key, &base64);
    m_pendingKeyType = QByteArray(ssh_key_type_to_char(ssh_key_type(key)));
    m_pendingKeyBlob = QByteArray::fromBase64(QByteArray(base64 ? base64 : ""));
    ssh_string_free_char(base64);
    ssh_key_free(key);

    QList<KnownHostEntry> entries;
    for (const QString &file : std::as_const(m_settings.knownHostsFiles)) {
        QFile known(Paths::expandHome(file));
        if (known.open(QIODevice::ReadOnly))
            entries += parseKnownHosts(known.readAll(), known.fileName()).entries;
    }
    const QString keyType = QString::fromLatin1(m_pendingKeyType);
    const QString fingerprint = sha256Fingerprint(m_pendingKeyBlob);
    const HostKeyVerdict verdict =
        verifyHostKey(entries, m_settings.address, m_settings.port, keyType, m_pendingKeyBlob);
    switch (verdict.status) {
    case HostKeyVerdict::Trusted:
        return true;
    case HostKeyVerdict::Revoked:
        fail(Text::tr("The %1 host key of %2 (%3) is marked @revoked in %4 line %5. OpsDeck "
                      "refuses to connect.")
                 .arg(keyType, m_settings.hostName, fingerprint, verdict.file)
                 .arg(verdict.line));
        return false;
    case HostKeyVerdict::Changed:
        fail(Text::tr("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for %1 (%2 port %3)! "
                      "Someone could be eavesdropping on you right now (man-in-the-middle "
                      "attack), or the host key has just been changed. The %4 key sent by the "
                      "server has fingerprint %5. The known key is in %6 line %7. OpsDeck "
                      "refuses to connect. If the change is expected, remove that line (for "
                      "example with: ssh-keygen -R %8 -f %6) and connect again.")
                 .arg(m_settings.hostName, m_settings.address)
                 .arg(m_settings.port)
                 .arg(keyType, fingerprint, verdict.file)
                 .arg(verdict.line)
                 .arg(m_settings.port == 22 ? m_settings.address
                                            : QStringLiteral("'[%1]:%2'")
                                                  .arg(m_settings.address)
                                                  .arg(m_settings.port)));
        return false;
    case HostKeyVerdict::Unknown:
        break;
    }
    if (m_settings.acceptUnknownHostKeys)
        return true;
    setState(ConnectionState::Connecting, Text::tr("waiting for the host key to be accepted"));
    Q_EMIT hostKeyQuestion(m_settings.hostName, keyType, fingerprint);
    return false; // answerHostKey() goes on
}

void SshConnection::answerHostKey(SshExecutor::HostKeyAnswer answer)
{
    if (!m_session || m_state != ConnectionState::Connecting)
        return;
    if (answer == SshExecutor::HostKeyAnswer::Reject) {
        fail(Text::tr("The host key of %1 was not accepted.").arg(m_settings.hostName));
        return;
    }
    if (answer == SshExecutor::HostKeyAnswer::Unattended) {
        fail(Text::tr("The authenticity of %1 (%2 port %3) cannot be established: its %4 key %5 "
                      "is in no known_hosts file, and nobody is here to accept it.")
                 .arg(m_settings.hostName, m_settings.address)
                 .arg(m_settings.port)
                 .arg(QString::fromLatin1(m_pendingKeyType), sha256Fingerprint(m_pendingKeyBlob)));
        return;
    }
    if (answer == SshExecutor::HostKeyAnswer::AcceptAndRemember &&
        !m_settings.knownHostsFiles.isEmpty()) {
        QFile known(Paths::expandHome(m_settings.knownHostsFiles.constFirst()));
        QDir().mkpath(QFileInfo(known).absolutePath());
        const bool needsNewline = known.exists() && known.size() > 0 && [&] {
            QFile reader(known.fileName());
            return reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1) &&
                   reader.read(1) != "\n";
        }();
        if (known.open(QIODevice::Append)) {
            if (needsNewline)
                known.write("\n");
            known.write(formatKnownHostsLine(m_settings.address, m_settings.port,
                                             QString::fromLatin1(m_pendingKeyType),
                                             m_pendingKeyBlob, true) +
                        '\n');
        }
    }
    authenticate();
}

void SshConnection::setPassword(const QString &password)
{
    // The keychain entry of a host holds its password or its key's passphrase.
    m_settings.password = password;
    if (m_settings.passphrase.isEmpty())
        m_settings.passphrase = password;
    m_settings.waitForPassword = false;
    if (!m_queue.isEmpty() && !m_session)
        connectToHost();
}

void SshConnection::provideCredential(SshExecutor::Credential kind, const QString &secret)
{
    if (!m_waitingForCredential)
        return;
    m_waitingForCredential = false;
    if (secret.isEmpty()) {
        fail(m_lastAuthenticationError);
        return;
    }
    if (kind == SshExecutor::Credential::Password)
        m_settings.password = secret;
    else
        m_settings.passphrase = secret;
    if (!m_queue.isEmpty() || !m_fileRequests.isEmpty() || !m_forwards.isEmpty())
        connectToHost();
}

void SshConnection::setRoute(const QString &address, int port)
{
    m_settings.routeAddress = address;
    m_settings.routePort = port;
    m_settings.waitForRoute = false;
    if (!m_queue.isEmpty() && !m_session)
        connectToHost();
}

void SshConnection::openTunnel(quint64 id, const QString &remoteHost, int remotePort)
{
    auto *tunnel = new Tunnel{id, new QTcpServer(this), remoteHost, remotePort};
    if (!tunnel->server->listen(QHostAddress::LocalHost, 0)) {
        Q_EMIT tunnelFailed(
            id, Text::tr("Cannot listen on a local port: %1").arg(tunnel->server->errorString()));
        delete tunnel->server;
        delete tunnel;
        return;
    }
    connect(tunnel->server, &QTcpServer::newConnection, this,
            [this, tunnel] { acceptForwards(tunnel); });
    m_tunnels.append(tunnel);
    Q_EMIT tunnelOpened(id, tunnel->server->serverPort());
}

void SshConnection::closeTunnel(quint64 id)
{
    for (qsizetype i = 0; i < m_tunnels.size(); ++i) {
        Tunnel *tunnel = m_tunnels[i];
        if (tunnel->id != id)
            continue;
        const QList<Forward *> forwards = m_forwards;
        for (Forward *forward : forwards) {
            if (forward->tunnel == tunnel)
                closeForward(forward);
        }
        delete tunnel->server;
        delete tunnel;
        m_tunnels.removeAt(i);
        return;
    }
}

void SshConnection::acceptForwards(Tunnel *tunnel)
{
    while (QTcpSocket *socket = tunnel->server->nextPendingConnection()) {
        auto *forward = new Forward{tunnel, socket, nullptr, {}};
        m_forwards.append(forward);
        connect(socket, &QTcpSocket::readyRead, this, [this, forward] {
            const QByteArray data = forward->socket->readAll();
            if (!forward->channel) {
                forward->toChannel += data;
                return;
            }
            if (ssh_channel_write(forward->channel, data.constData(), uint32_t(data.size())) !=
                int(data.size()))
                closeForward(forward);
        });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, forward] { closeForward(forward); });
        if (m_state == ConnectionState::Ready)
            openForwardChannel(forward);
        else if (!m_session)
            connectToHost(); // the first user of a tunnel brings the connection up
    }
}

void SshConnection::openForwardChannel(Forward *forward)
{
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel ||
        ssh_channel_open_forward(channel, forward->tunnel->remoteHost.toUtf8().constData(),
                                 forward->tunnel->remotePort, "127.0.0.1",
                                 forward->socket->peerPort()) != SSH_OK) {
        if (channel)
            ssh_channel_free(channel);
        closeForward(forward);
        return;
    }
    forward->channel = channel;
    if (!forward->toChannel.isEmpty()) {
        ssh_channel_write(channel, forward->toChannel.constData(),
                          uint32_t(forward->toChannel.size()));
        forward->toChannel.clear();
    }
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SshConnection::closeForward(Forward *forward)
{
    if (!m_forwards.removeOne(forward))
        return;
    if (forward->channel) {
        ssh_channel_close(forward->channel);
        ssh_channel_free(forward->channel);
    }
    forward->socket->disconnect(this);
    forward->socket->abort();
    forward->socket->deleteLater();
    delete forward;
}

void SshConnection::pumpForwards()
{
    std::array<char, ReadChunk> buffer{};
    const QList<Forward *> forwards = m_forwards;
    for (Forward *forward : forwards) {
        if (!forward->channel)
            continue;
        int read = 0;
        while ((read = ssh_channel_read_nonblocking(forward->channel, buffer.data(),
                                                    uint32_t(buffer.size()), 0)) > 0)
            forward->socket->write(buffer.data(), read);
        if (read == SSH_ERROR || ssh_channel_is_eof(forward->channel)) {
            forward->socket->flush();
            closeForward(forward);
        }
    }
}

void SshConnection::listDirectory(quint64 id, const QString &path)
{
    queueFileRequest({FileRequest::Kind::List, id, path, 0, 0});
}

void SshConnection::statPath(quint64 id, const QString &path)
{
    queueFileRequest({FileRequest::Kind::Stat, id, path, 0, 0});
}

void SshConnection::readFile(quint64 id, const QString &path, qint64 offset, qint64 length)
{
    queueFileRequest({FileRequest::Kind::Read, id, path, offset, length});
}

void SshConnection::queueFileRequest(const FileRequest &request)
{
    if (m_state == ConnectionState::Ready) {
        serveFileRequest(request);
        return;
    }
    m_fileRequests.append(request);
    if (!m_session)
        connectToHost();
}

void SshConnection::answerFileRequest(const FileRequest &request, const QString &error)
{
    switch (request.kind) {
    case FileRequest::Kind::List:
        Q_EMIT directoryListed(request.id, {}, error);
        break;
    case FileRequest::Kind::Stat:
        Q_EMIT pathStatted(request.id, {}, error);
        break;
    case FileRequest::Kind::Read:
        Q_EMIT fileRead(request.id, {}, error);
        break;
    }
}

QString SshConnection::sftpError(const QString &path) const
{
    switch (m_sftp ? sftp_get_error(m_sftp) : -1) {
    case SSH_FX_NO_SUCH_FILE:
        return Text::tr("%1 on %2: no such file or directory").arg(path, m_settings.hostName);
    case SSH_FX_PERMISSION_DENIED:
        return Text::tr("%1 on %2: permission denied").arg(path, m_settings.hostName);
    default:
        return Text::tr("%1 on %2: %3")
            .arg(path, m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session)));
    }
}

void SshConnection::serveFileRequest(const FileRequest &request)
{
    if (!m_sftp) {
        m_sftp = sftp_new(m_session);
        if (!m_sftp || sftp_init(m_sftp) != SSH_OK) {
            if (m_sftp)
                sftp_free(m_sftp);
            m_sftp = nullptr;
            answerFileRequest(request, Text::tr("%1 offers no SFTP: %2")
                                           .arg(m_settings.hostName,
                                                QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
    }
    const QByteArray path = request.path.toUtf8();
    switch (request.kind) {
    case FileRequest::Kind::List: {
        sftp_dir directory = sftp_opendir(m_sftp, path.constData());
        if (!directory) {
            answerFileRequest(request, sftpError(request.path));
            return;
        }
        QList<RemoteFileInfo> entries;
        while (sftp_attributes attributes = sftp_readdir(m_sftp, directory)) {
            const QString name = QString::fromUtf8(attributes->name);
            if (name != u"." && name != u"..")
                entries.append(toInfo(attributes, name));
            sftp_attributes_free(attributes);
        }
        const bool complete = sftp_dir_eof(directory);
        sftp_closedir(directory);
        if (!complete) {
            answerFileRequest(request, sftpError(request.path));
            return;
        }
        std::ranges::sort(entries, [](const RemoteFileInfo &a, const RemoteFileInfo &b) {
            return a.name < b.name;
        });
        Q_EMIT directoryListed(request.id, entries, {});
        return;
    }
    case FileRequest::Kind::Stat: {
        sftp_attributes attributes = sftp_stat(m_sftp, path.constData());
        if (!attributes) {
            answerFileRequest(request, sftpError(request.path));
            return;
        }
        RemoteFileInfo info = toInfo(attributes, request.path.section(u'/', -1));
        sftp_attributes_free(attributes);
        Q_EMIT pathStatted(request.id, info, {});
        return;
    }
    case FileRequest::Kind::Read: {
        if (request.offset < 0 || request.length < 0 || request.length > MaximumFileRead) {
            answerFileRequest(request, Text::tr("a read of %1 bytes at %2 is out of range (at most "
                                                "%3 bytes)")
                                           .arg(request.length)
                                           .arg(request.offset)
                                           .arg(MaximumFileRead));
            return;
        }
        sftp_file file = sftp_open(m_sftp, path.constData(), O_RDONLY, 0);
        if (!file || sftp_seek64(file, quint64(request.offset)) != 0) {
            if (file)
                sftp_close(file);
            answerFileRequest(request, sftpError(request.path));
            return;
        }
        QByteArray data;
        std::array<char, ReadChunk> buffer{};
        while (data.size() < request.length) {
            const ssize_t read =
                sftp_read(file, buffer.data(),
                          size_t(std::min<qint64>(buffer.size(), request.length - data.size())));
            if (read < 0) {
                sftp_close(file);
                answerFileRequest(request, sftpError(request.path));
                return;
            }
            if (read == 0)
                break; // end of file
            data.append(buffer.data(), read);
        }
        sftp_close(file);
        Q_EMIT fileRead(request.id, data, {});
        return;
    }
    }
}

void SshConnection::authenticate()
{
    setState(ConnectionState::Authenticating);
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        becomeReady();
        return;
    }
    const int offered = ssh_userauth_list(m_session, nullptr);
    QStringList tried;
    QString lockedKey; // a key file that needs a passphrase OpsDeck does not have
    bool passwordMissing = false;
    for (const AuthMethod method : std::as_const(m_settings.methods)) {
        const QString name = authMethodName(method);
        switch (method) {
        case AuthMethod::Agent: {
            if (!(offered & SSH_AUTH_METHOD_PUBLICKEY))
                continue;
            const bool haveAgent =
                !m_settings.agentSocket.isEmpty() || qEnvironmentVariableIsSet("SSH_AUTH_SOCK");
            if (!haveAgent) {
                tried.append(Text::tr("agent (no SSH_AUTH_SOCK)"));
                continue;
            }
            rc = ssh_userauth_agent(m_session, nullptr);
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(Text::tr("agent (no key accepted)"));
            break;
        }
        case AuthMethod::Key: {
            if (!(offered & SSH_AUTH_METHOD_PUBLICKEY))
                continue;
            const QStringList files = m_settings.identityFiles.isEmpty() ? defaultIdentityFiles()
                                                                         : m_settings.identityFiles;
            if (files.isEmpty())
                tried.append(Text::tr("key (no key file)"));
            for (const QString &file : files) {
                const QString path = Paths::expandHome(file);
                ssh_key key = nullptr;
                const QByteArray passphrase = m_settings.passphrase.toUtf8();
                if (ssh_pki_import_privkey_file(path.toUtf8().constData(),
                                                passphrase.isEmpty() ? nullptr
                                                                     : passphrase.constData(),
                                                nullptr, nullptr, &key) != SSH_OK) {
                    if (QFileInfo::exists(path) && m_settings.passphrase.isEmpty() &&
                        lockedKey.isEmpty())
                        lockedKey = file;
                    tried.append(QFileInfo::exists(path)
                                     ? Text::tr("key %1 (cannot be read: wrong or missing "
                                                "passphrase?)")
                                           .arg(file)
                                     : Text::tr("key %1 (no such file)").arg(file));
                    continue;
                }
                rc = ssh_userauth_publickey(m_session, nullptr, key);
                ssh_key_free(key);
                if (rc == SSH_AUTH_SUCCESS) {
                    becomeReady();
                    return;
                }
                tried.append(Text::tr("key %1 (refused)").arg(file));
            }
            break;
        }
        case AuthMethod::Password: {
            if (!(offered & SSH_AUTH_METHOD_PASSWORD))
                continue;
            if (m_settings.password.isEmpty()) {
                passwordMissing = true;
                tried.append(Text::tr("password (none given)"));
                continue;
            }
            rc =
                ssh_userauth_password(m_session, nullptr, m_settings.password.toUtf8().constData());
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(Text::tr("password (refused)"));
            break;
        }
        case AuthMethod::KeyboardInteractive: {
            if (!(offered & SSH_AUTH_METHOD_INTERACTIVE))
                continue;
            if (m_settings.password.isEmpty()) {
                passwordMissing = true;
                continue;
            }
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            // Answer every prompt with the password: the common one-question challenge.
            for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
                const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
                for (int i = 0; i < prompts; ++i)
                    ssh_userauth_kbdint_setanswer(m_session, unsigned(i),
                                                  m_settings.password.toUtf8().constData());
                rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            }
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(Text::tr("keyboard-interactive (refused)"));
            break;
        }
        }
        if (rc == SSH_AUTH_ERROR) {
            fail(Text::tr("Authentication with %1 broke off: %2")
                     .arg(m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        Q_UNUSED(name)
    }
    const QString user = m_settings.user.isEmpty() ? qEnvironmentVariable("USER") : m_settings.user;
    m_lastAuthenticationError =
        Text::tr("Authentication failed for %1@%2. Tried: %3. The server accepts: %4.")
            .arg(user, m_settings.hostName,
                 tried.isEmpty() ? Text::tr("nothing that the server offers") : tried.join(u"; "),
                 serverMethodNames(offered).join(u", "));
    // Only a secret is missing: ask for it once, with the commands kept waiting, if someone
    // is there to answer.
    const bool canAsk =
        isSignalConnected(QMetaMethod::fromSignal(&SshConnection::credentialNeeded));
    const auto ask = [&](SshExecutor::Credential kind, const QString &what) {
        m_waitingForCredential = true;
        closeSession();
        setState(ConnectionState::Authenticating,
                 kind == SshExecutor::Credential::Password
                     ? Text::tr("waiting for the password")
                     : Text::tr("waiting for the key's passphrase"));
        Q_EMIT credentialNeeded(kind, what);
    };
    if (canAsk && !lockedKey.isEmpty() && !m_askedForPassphrase) {
        m_askedForPassphrase = true;
        ask(SshExecutor::Credential::Passphrase, lockedKey);
        return;
    }
    if (canAsk && passwordMissing && !m_askedForPassword) {
        m_askedForPassword = true;
        ask(SshExecutor::Credential::Password, user + u'@' + m_settings.hostName);
        return;
    }
    fail(m_lastAuthenticationError);
}

void SshConnection::becomeReady()
{
    m_marker = QByteArray("\x1fOPSDECK:") + randomHex(16) + ':';
    m_notifier = new QSocketNotifier(qintptr(ssh_get_fd(m_session)), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshConnection::pump);
    m_keepaliveTimer.start();
    m_reconnectDelayMs = 1000;
    setState(ConnectionState::Ready);
    const QList<FileRequest> fileRequests = std::exchange(m_fileRequests, {});
    for (const FileRequest &request : fileRequests)
        serveFileRequest(request);
    const QList<Forward *> waiting = m_forwards;
    for (Forward *forward : waiting) {
        if (!forward->channel)
            openForwardChannel(forward);
    }
    dispatchJobs();
}

void SshConnection::fail(const QString &reason)
{
    const bool wasReady = m_state == ConnectionState::Ready;
    // Jobs still waiting would wait forever on a connection that failed to come up; after a
    // loss they fail too, since the host state is unknown.
    QList<quint64> failed;
    for (const Runner *runner : std::as_const(m_runners)) {
        if (runner->job.id != 0)
            failed.append(runner->job.id);
    }
    for (const Job &job : std::as_const(m_queue))
        failed.append(job.id);
    m_queue.clear();
    closeSession();
    // The state first: whoever sees a job fail sees the host as failed too.
    setState(ConnectionState::Failed, reason);
    for (const quint64 id : std::as_const(failed))
        Q_EMIT jobFinished(id, -1, reason);
    for (const FileRequest &request : std::exchange(m_fileRequests, {}))
        answerFileRequest(request, reason);
    // A lost connection comes back by itself; a refused one (keys, passwords) waits for the
    // next command, as retrying cannot fix it.
    if (wasReady)
        scheduleReconnect();
}

void SshConnection::scheduleReconnect()
{
    if (!m_settings.reconnect || m_shuttingDown)
        return;
    m_reconnectTimer.start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, MaximumReconnectDelayMs);
}

void SshConnection::closeSession()
{
    m_pollTimer.stop();
    m_keepaliveTimer.stop();
    delete m_notifier;
    m_notifier = nullptr;
    for (Runner *runner : std::as_const(m_runners)) {
        if (runner->channel) {
            ssh_channel_close(runner->channel);
            ssh_channel_free(runner->channel);
        }
        delete runner;
    }
    m_runners.clear();
    for (ssh_channel channel : std::as_const(m_killChannels))
        ssh_channel_free(channel);
    m_killChannels.clear();
    if (m_sftp) {
        sftp_free(m_sftp);
        m_sftp = nullptr;
    }
    // Connections through tunnels die with the session; the listening ports stay.
    while (!m_forwards.isEmpty())
        closeForward(m_forwards.front());
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
}

void SshConnection::shutdown()
{
    m_shuttingDown = true;
    m_reconnectTimer.stop();
    closeSession();
    while (!m_tunnels.isEmpty())
        closeTunnel(m_tunnels.front()->id);
}

void SshConnection::startJob(quint64 id, const QString &command, const QString &script)
{
    m_queue.append({id, command, script, 0, false});
    if (m_state == ConnectionState::Ready)
        dispatchJobs();
    else if (!m_session)
        connectToHost(); // also cuts a pending reconnect back-off short
}

void SshConnection::cancelJob(quint64 id)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].id == id) {
            m_queue.removeAt(i);
            Q_EMIT jobFinished(id, -1, Text::tr("cancelled before it started"));
            return;
        }
    }
    for (Runner *runner : std::as_const(m_runners)) {
        if (runner->job.id == id) {
            runner->job.cancelRequested = true;
            if (runner->job.remotePid > 0)
                sendKill(runner->job.remotePid);
            return;
        }
    }
}

void SshConnection::dispatchJobs()
{
    while (!m_queue.isEmpty() && m_state == ConnectionState::Ready) {
        Runner *idle = nullptr;
        for (Runner *runner : std::as_const(m_runners)) {
            if (runner->job.id == 0) {
                idle = runner;
                break;
            }
        }
        if (!idle && m_runners.size() < m_settings.maxParallelCommands)
            idle = openRunner();
        if (!idle)
            return; // all shells busy: the next finished job picks the queue up
        idle->job = m_queue.takeFirst();
        sendJob(*idle);
    }
}

SshConnection::Runner *SshConnection::openRunner()
{
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel)
        return nullptr;
    if (ssh_channel_open_session(channel) != SSH_OK ||
        ssh_channel_request_exec(channel, "exec sh") != SSH_OK) {
        ssh_channel_free(channel);
        // The server's session limit is reached: run what we have. Only with no shell at all
        // is this an error.
        if (m_runners.isEmpty())
            fail(Text::tr("%1 refused to start a shell: %2")
                     .arg(m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session))));
        return nullptr;
    }
    // setsid gives every job its own process group, so cancel reaches all it started.
    static const QByteArray setup = "S=; command -v setsid >/dev/null 2>&1 && S=setsid\n";
    ssh_channel_write(channel, setup.constData(), uint32_t(setup.size()));
    auto *runner = new Runner;
    runner->channel = channel;
    m_runners.append(runner);
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
    return runner;
}

void SshConnection::sendJob(Runner &runner)
{
    runner.out.clear();
    runner.err.clear();
    runner.exitCode = -1;
    runner.outEnded = false;
    runner.errEnded = false;
    const QByteArray marker = m_marker + QByteArray::number(runner.job.id) + ':';
    QByteArray text = "$S sh -c " + shellQuote(runner.job.command).toUtf8();
    if (runner.job.script.isEmpty()) {
        text += " </dev/null &\n";
    } else {
        const QByteArray delimiter = "OPSDECK_END_" + randomHex(8);
        QByteArray script = runner.job.script.toUtf8();
        if (!script.endsWith('\n'))
            script += '\n';
        text += " <<'" + delimiter + "' &\n" + script + delimiter + '\n';
    }
    text += "p=$!\nprintf '%s%s\\n' '" + marker +
            "pid:' \"$p\"\n"
            "wait \"$p\"; r=$?\n"
            "printf '%s%s\\n' '" +
            marker + "end:' \"$r\"; printf '%s\\n' '" + marker + "end' >&2\n";
    if (ssh_channel_write(runner.channel, text.constData(), uint32_t(text.size())) !=
        int(text.size())) {
        fail(Text::tr("Connection to %1 lost: %2")
                 .arg(m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session))));
        return;
    }
    Q_EMIT jobStarted(runner.job.id);
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SshConnection::pump()
{
    if (!m_session)
        return;
    // Copy: a lost connection inside readChannel() clears m_runners.
    const QList<Runner *> runners = m_runners;
    for (Runner *runner : runners) {
        readChannel(*runner, false);
        if (!m_session)
            return;
        readChannel(*runner, true);
        if (!m_session)
            return;
        if (ssh_channel_is_eof(runner->channel) || !ssh_channel_is_open(runner->channel)) {
            // The remote shell went away (killed, or sshd closed it): forget it.
            if (runner->job.id != 0)
                Q_EMIT jobFinished(
                    runner->job.id, -1,
                    Text::tr("the remote shell on %1 ended unexpectedly").arg(m_settings.hostName));
            ssh_channel_free(runner->channel);
            m_runners.removeOne(runner);
            delete runner;
        }
    }
    for (qsizetype i = m_killChannels.size() - 1; i >= 0; --i) {
        std::array<char, 256> discard{};
        while (ssh_channel_read_nonblocking(m_killChannels[i], discard.data(), discard.size(), 0) >
               0) {
        }
        if (ssh_channel_is_eof(m_killChannels[i])) {
            ssh_channel_close(m_killChannels[i]);
            ssh_channel_free(m_killChannels[i]);
            m_killChannels.removeAt(i);
        }
    }
    pumpForwards();
    if (!m_session)
        return;
    const int status = ssh_get_status(m_session);
    if ((status & (SSH_CLOSED | SSH_CLOSED_ERROR)) || !ssh_is_connected(m_session)) {
        fail(Text::tr("Connection to %1 lost: the server closed it.").arg(m_settings.hostName));
        return;
    }
    const bool busy =
        !m_killChannels.isEmpty() || !m_forwards.isEmpty() ||
        std::ranges::any_of(m_runners, [](const Runner *r) { return r->job.id != 0; });
    if (!busy)
        m_pollTimer.stop();
    dispatchJobs();
}

void SshConnection::readChannel(Runner &runner, bool isStandardError)
{
    std::array<char, ReadChunk> buffer{};
    while (true) {
        const int read = ssh_channel_read_nonblocking(runner.channel, buffer.data(),
                                                      uint32_t(buffer.size()), isStandardError);
        if (read == SSH_ERROR) {
            fail(Text::tr("Connection to %1 lost: %2")
                     .arg(m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        if (read <= 0)
            return;
        QByteArray &pending = isStandardError ? runner.err : runner.out;
        pending.append(buffer.data(), read);
        if (runner.job.id != 0)
            deliver(runner, pending, isStandardError, false);
        else
            pending.clear(); // an idle shell has nothing to say; drop stray bytes
    }
}

void SshConnection::deliver(Runner &runner, QByteArray &buffer, bool isStandardError, bool flushAll)
{
    const QByteArray marker = m_marker + QByteArray::number(runner.job.id) + ':';
    while (!buffer.isEmpty()) {
        const qsizetype at = buffer.indexOf(marker);
        if (at < 0) {
            // Keep a tail that may be the beginning of a marker split across reads.
            qsizetype keep = 0;
            if (!flushAll) {
                const qsizetype start = buffer.lastIndexOf('\x1f');
                if (start >= 0 && buffer.size() - start < marker.size() &&
                    marker.startsWith(buffer.mid(start)))
                    keep = buffer.size() - start;
            }
            const QByteArray data = buffer.left(buffer.size() - keep);
            if (!data.isEmpty())
                Q_EMIT jobOutput(runner.job.id, data, isStandardError);
            buffer.remove(0, data.size());
            return;
        }
        const qsizetype lineEnd = buffer.indexOf('\n', at);
        if (at > 0)
            Q_EMIT jobOutput(runner.job.id, buffer.left(at), isStandardError);
        if (lineEnd < 0) {
            buffer.remove(0, at); // the rest of the marker line is on its way
            return;
        }
        const QByteArray field = buffer.mid(at + marker.size(), lineEnd - at - marker.size());
        buffer.remove(0, lineEnd + 1);
        if (isStandardError) {
            runner.errEnded = field == "end";
        } else if (field.startsWith("pid:")) {
            runner.job.remotePid = field.mid(4).toLongLong();
            if (runner.job.cancelRequested)
                sendKill(runner.job.remotePid);
        } else if (field.startsWith("end:")) {
            runner.exitCode = field.mid(4).toInt();
            runner.outEnded = true;
        }
        finishJobIfDone(runner);
        if (runner.job.id == 0)
            return;
    }
}

void SshConnection::finishJobIfDone(Runner &runner)
{
    if (!runner.outEnded || !runner.errEnded || runner.job.id == 0)
        return;
    const quint64 id = runner.job.id;
    runner.job = Job{};
    runner.out.clear();
    runner.err.clear();
    Q_EMIT jobFinished(id, runner.exitCode, {});
}

void SshConnection::sendKill(qint64 pid)
{
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel)
        return;
    // The job leads its own process group (setsid): signal the group, then make sure.
    const QByteArray number = QByteArray::number(pid);
    const QByteArray command = "kill -TERM -" + number + " 2>/dev/null || kill -TERM " + number +
                               " 2>/dev/null; sleep 2; kill -KILL -" + number +
                               " 2>/dev/null; kill -KILL " + number + " 2>/dev/null; true";
    if (ssh_channel_open_session(channel) != SSH_OK ||
        ssh_channel_request_exec(channel, command.constData()) != SSH_OK) {
        ssh_channel_free(channel);
        return;
    }
    m_killChannels.append(channel);
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SshConnection::keepalive()
{
    if (!m_session || m_state != ConnectionState::Ready)
        return;
    if (ssh_send_ignore(m_session, "") != SSH_OK) {
        fail(Text::tr("Connection to %1 lost: %2")
                 .arg(m_settings.hostName, QString::fromUtf8(ssh_get_error(m_session))));
        return;
    }
    pump();
}

} // namespace OpsDeck
