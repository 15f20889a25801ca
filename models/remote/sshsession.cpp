// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshsession.h"

#include "models/core/paths.h"
#include "models/openssh/knownhosts.h"
#include "models/remote/hostkeypolicy.h"
#include "models/remote/sshabortswitch.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaMethod>
#include <QSocketNotifier>

namespace OpsDeck {

namespace {

constexpr int PollIntervalMs = 20;
constexpr int MaximumReconnectDelayMs = 60000;

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

SshSession::SshSession(SshSettings settings, std::shared_ptr<SshAbortSwitch> abortSwitch,
                       QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_abort(std::move(abortSwitch))
    , m_pollTimer(this) // children, so moveToThread() takes the timers along
    , m_keepaliveTimer(this)
    , m_reconnectTimer(this)
{
    ssh_callbacks_init(&m_callbacks);
    m_callbacks.userdata = this;
    m_callbacks.connect_status_function = &SshSession::onConnectProgress;
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &SshSession::pump);
    m_keepaliveTimer.setInterval(m_settings.keepaliveIntervalMs);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshSession::keepalive);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SshSession::connectToHost);
}

SshSession::~SshSession()
{
    m_abort->watch(-1);
}

QString SshSession::lastError() const
{
    return m_handle ? QString::fromUtf8(ssh_get_error(m_handle.get())) : QString();
}

void SshSession::setState(ConnectionState state, const QString &reason)
{
    m_state = state;
    Q_EMIT stateChanged(state, reason);
}

void SshSession::onConnectProgress(void *self, float progress)
{
    Q_UNUSED(progress)
    // Called from inside ssh_connect() once the socket exists: from now on another thread can
    // break the wait for a silent host.
    auto *session = static_cast<SshSession *>(self);
    session->m_abort->watch(ssh_get_fd(session->m_handle.get()));
}

void SshSession::connectToHost()
{
    if (m_handle || m_abort->isAborted() || m_settings.waitForPassword || m_settings.waitForRoute ||
        m_waitingForCredential)
        return; // connected, a host-key question is pending, or a password or route is coming
    m_reconnectTimer.stop();
    setState(ConnectionState::Connecting);
    m_handle = makeSshSession();
    ssh_session session = m_handle.get();
    if (!session) {
        fail(describeConnectError());
        return;
    }
    // Through a jump host the TCP connection goes to the tunnel's local end.
    const bool routed = !m_settings.routeAddress.isEmpty();
    const QByteArray address = (routed ? m_settings.routeAddress : m_settings.address).toUtf8();
    const unsigned int port = unsigned(routed ? m_settings.routePort : m_settings.port);
    const long timeoutSeconds = std::max(1L, long((m_settings.connectTimeoutMs + 999) / 1000));
    const bool processConfig = false; // OpsDeck imports ~/.ssh/config itself
    ssh_options_set(session, SSH_OPTIONS_HOST, address.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    if (!m_settings.user.isEmpty())
        ssh_options_set(session, SSH_OPTIONS_USER, m_settings.user.toUtf8().constData());
    if (!m_settings.agentSocket.isEmpty())
        ssh_options_set(session, SSH_OPTIONS_IDENTITY_AGENT,
                        m_settings.agentSocket.toUtf8().constData());
    ssh_set_callbacks(session, &m_callbacks);
    if (ssh_connect(session) != SSH_OK) {
        fail(describeConnectError());
        return;
    }
    if (checkHostKey())
        authenticate();
}

QString SshSession::describeConnectError() const
{
    const QString detail = lastError();
    const QString where = QStringLiteral("%1:%2").arg(m_settings.address).arg(m_settings.port);
    if (detail.contains(u"resolve", Qt::CaseInsensitive))
        return tr("Cannot resolve the host name %1 (DNS): %2").arg(m_settings.address, detail);
    if (detail.contains(u"refused", Qt::CaseInsensitive))
        return tr("Connection to %1 refused: is sshd running and listening on that port?")
            .arg(where);
    if (detail.contains(u"timeout", Qt::CaseInsensitive) ||
        detail.contains(u"timed out", Qt::CaseInsensitive))
        return tr("No answer from %1 within %2 s: the host is down or a firewall drops "
                  "the connection.")
            .arg(where)
            .arg(m_settings.connectTimeoutMs / 1000);
    return tr("Cannot connect to %1: %2").arg(where, detail);
}

QString SshSession::describeHost() const
{
    if (!m_hostKeyAlias.isEmpty()) {
        return tr("%1 (%2 port %3, host key alias %4)")
            .arg(m_settings.hostName, m_settings.address)
            .arg(m_settings.port)
            .arg(m_hostKeyAlias);
    }
    return tr("%1 (%2 port %3)").arg(m_settings.hostName, m_settings.address).arg(m_settings.port);
}

bool SshSession::checkHostKey()
{
    ssh_key rawKey = nullptr;
    const int got = ssh_get_server_publickey(m_handle.get(), &rawKey);
    const SshKeyHandle key(rawKey);
    if (got != SSH_OK) {
        fail(tr("The server %1 sent no usable host key.").arg(m_settings.hostName));
        return false;
    }
    char *rawBase64 = nullptr;
    ssh_pki_export_pubkey_base64(key.get(), &rawBase64);
    const SshCharHandle base64(rawBase64);
    m_pendingKeyType = QByteArray(ssh_key_type_to_char(ssh_key_type(key.get())));
    m_pendingKeyBlob = QByteArray::fromBase64(QByteArray(base64 ? base64.get() : ""));

    // Read here, on the session's thread, each time: a file edited meanwhile counts.
    const HostKeyPolicy policy = hostKeyPolicyFor(m_settings);
    m_hostKeyAlias = policy.alias;
    m_rememberFile = policy.rememberFile;
    if (!policy.configErrors.isEmpty()) {
        fail(tr("Cannot check the host key of %1: the ssh configuration has an error: %2")
                 .arg(describeHost(), policy.configErrors.constFirst().toString()));
        return false;
    }
    const QString keyType = QString::fromLatin1(m_pendingKeyType);
    const QString fingerprint = sha256Fingerprint(m_pendingKeyBlob);
    const HostKeyCheck check = checkHostKeyAgainstKnownHosts(
        policy, m_settings.address, m_settings.port, keyType, m_pendingKeyBlob);
    if (!check.blockingErrors.isEmpty()) {
        // Never "unknown": that would let the user accept a key the unread part may revoke.
        fail(tr("Cannot check the host key of %1: %2. OpsDeck does not connect while a "
                "known_hosts file cannot be read completely; fix or remove it.")
                 .arg(describeHost(), check.blockingErrors.constFirst().toString()));
        return false;
    }
    const HostKeyVerdict &verdict = check.verdict;
    const QString lookupName = hostKeyLookupName(policy, m_settings.address, m_settings.port);
    switch (verdict.status) {
    case HostKeyVerdict::Trusted:
        return true;
    case HostKeyVerdict::Revoked:
        fail(tr("The %1 host key of %2 (%3) is marked @revoked in %4 line %5. OpsDeck "
                "refuses to connect.")
                 .arg(keyType, m_settings.hostName, fingerprint, verdict.file)
                 .arg(verdict.line));
        return false;
    case HostKeyVerdict::CertificateAuthority:
        fail(tr("The host %1 is to be checked against the certificate authority in %2 line %3, "
                "but OpsDeck does not verify host certificates, so it refuses to connect. Its "
                "%4 key has fingerprint %5; if you trust it, add it to a known_hosts file for "
                "%6.")
                 .arg(describeHost(), verdict.file)
                 .arg(verdict.line)
                 .arg(keyType, fingerprint, lookupName));
        return false;
    case HostKeyVerdict::Changed:
        fail(tr("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for %1! "
                "Someone could be eavesdropping on you right now (man-in-the-middle "
                "attack), or the host key has just been changed. The %2 key sent by the "
                "server has fingerprint %3. The known key is in %4 line %5. OpsDeck "
                "refuses to connect. If the change is expected, remove that line (for "
                "example with: ssh-keygen -R %6 -f %4) and connect again.")
                 .arg(describeHost(), keyType, fingerprint, verdict.file)
                 .arg(verdict.line)
                 .arg(lookupName.contains(u'[') ? u'\'' + lookupName + u'\'' : lookupName));
        return false;
    case HostKeyVerdict::Unknown:
        break;
    }
    switch (policy.strictness) {
    case SshStrictHostKeyChecking::Yes:
        fail(tr("The %1 key %2 of %3 is in no known_hosts file, and StrictHostKeyChecking is "
                "yes in the ssh configuration: OpsDeck refuses to connect. Add the key to a "
                "known_hosts file once you have checked it.")
                 .arg(keyType, fingerprint, describeHost()));
        return false;
    case SshStrictHostKeyChecking::AcceptNew:
    case SshStrictHostKeyChecking::No:
        // What ssh does: take the new key and remember it, without asking. Not being able to
        // write it down only means the same happens next time.
        if (const QString error = rememberHostKey(); !error.isEmpty())
            qWarning("OpsDeck: %s", qPrintable(error));
        return true;
    case SshStrictHostKeyChecking::Ask:
        break;
    }
    if (m_settings.acceptUnknownHostKeys)
        return true;
    setState(ConnectionState::Connecting, tr("waiting for the host key to be accepted"));
    HostKeyQuestion question;
    question.hostName = m_settings.hostName;
    question.address = m_settings.address;
    question.port = m_settings.port;
    question.keyAlias = m_hostKeyAlias;
    question.keyType = keyType;
    question.fingerprint = fingerprint;
    question.rememberFile = m_rememberFile;
    Q_EMIT hostKeyQuestion(question);
    return false; // answerHostKey() goes on
}

QString SshSession::rememberHostKey()
{
    if (m_rememberFile.isEmpty())
        return {};
    // Under the alias when there is one, as ssh stores it.
    const QByteArray line =
        m_hostKeyAlias.isEmpty()
            ? formatKnownHostsLine(m_settings.address, m_settings.port,
                                   QString::fromLatin1(m_pendingKeyType), m_pendingKeyBlob, true)
            : formatKnownHostsLine(m_hostKeyAlias, 22, QString::fromLatin1(m_pendingKeyType),
                                   m_pendingKeyBlob, true);
    QString error = line.isEmpty() ? tr("the host name cannot be written in a known_hosts line")
                                   : appendKnownHostsLine(m_rememberFile, line);
    if (error.isEmpty())
        return {};
    return tr("Cannot remember the host key of %1 in %2: %3")
        .arg(describeHost(), m_rememberFile, error);
}

void SshSession::answerHostKey(SshExecutor::HostKeyAnswer answer)
{
    if (!m_handle || m_state != ConnectionState::Connecting)
        return;
    if (answer == SshExecutor::HostKeyAnswer::Reject) {
        fail(tr("The host key of %1 was not accepted.").arg(m_settings.hostName));
        return;
    }
    if (answer == SshExecutor::HostKeyAnswer::Unattended) {
        fail(tr("The authenticity of %1 cannot be established: its %2 key %3 "
                "is in no known_hosts file, and nobody is here to accept it.")
                 .arg(describeHost(), QString::fromLatin1(m_pendingKeyType),
                      sha256Fingerprint(m_pendingKeyBlob)));
        return;
    }
    if (answer == SshExecutor::HostKeyAnswer::AcceptAndRemember) {
        // The user asked for it to be remembered: going on without would surprise them later.
        if (const QString error = rememberHostKey(); !error.isEmpty()) {
            fail(error);
            return;
        }
    }
    authenticate();
}

void SshSession::setPassword(const QString &password, const QString &whyNone)
{
    m_passwordWithheld = whyNone;
    // The keychain entry of a host holds its password or its key's passphrase.
    m_settings.password = password;
    if (m_settings.passphrase.isEmpty())
        m_settings.passphrase = password;
    m_settings.waitForPassword = false;
}

void SshSession::setRoute(const QString &address, int port)
{
    m_settings.routeAddress = address;
    m_settings.routePort = port;
    m_settings.waitForRoute = false;
}

bool SshSession::provideCredential(SshExecutor::Credential kind, const QString &secret)
{
    if (!m_waitingForCredential)
        return false;
    m_waitingForCredential = false;
    if (secret.isEmpty()) {
        fail(m_lastAuthenticationError);
        return false;
    }
    if (kind == SshExecutor::Credential::Password)
        m_settings.password = secret;
    else
        m_settings.passphrase = secret;
    return true;
}

void SshSession::authenticate()
{
    setState(ConnectionState::Authenticating);
    ssh_session session = m_handle.get();
    int rc = ssh_userauth_none(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        becomeReady();
        return;
    }
    const int offered = ssh_userauth_list(session, nullptr);
    QStringList tried;
    QString lockedKey; // a key file that needs a passphrase OpsDeck does not have
    bool passwordMissing = false;
    for (const AuthMethod method : std::as_const(m_settings.methods)) {
        switch (method) {
        case AuthMethod::Agent: {
            if (!(offered & SSH_AUTH_METHOD_PUBLICKEY))
                continue;
            const bool haveAgent =
                !m_settings.agentSocket.isEmpty() || qEnvironmentVariableIsSet("SSH_AUTH_SOCK");
            if (!haveAgent) {
                tried.append(tr("agent (no SSH_AUTH_SOCK)"));
                continue;
            }
            rc = ssh_userauth_agent(session, nullptr);
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(tr("agent (no key accepted)"));
            break;
        }
        case AuthMethod::Key: {
            if (!(offered & SSH_AUTH_METHOD_PUBLICKEY))
                continue;
            const QStringList files = m_settings.identityFiles.isEmpty() ? defaultIdentityFiles()
                                                                         : m_settings.identityFiles;
            if (files.isEmpty())
                tried.append(tr("key (no key file)"));
            for (const QString &file : files) {
                const QString path = Paths::expandHome(file);
                const QByteArray passphrase = m_settings.passphrase.toUtf8();
                ssh_key rawKey = nullptr;
                const int imported = ssh_pki_import_privkey_file(
                    path.toUtf8().constData(),
                    passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr, nullptr,
                    &rawKey);
                const SshKeyHandle key(rawKey);
                if (imported != SSH_OK) {
                    if (QFileInfo::exists(path) && m_settings.passphrase.isEmpty() &&
                        lockedKey.isEmpty())
                        lockedKey = file;
                    tried.append(QFileInfo::exists(path)
                                     ? tr("key %1 (cannot be read: wrong or missing "
                                          "passphrase?)")
                                           .arg(file)
                                     : tr("key %1 (no such file)").arg(file));
                    continue;
                }
                rc = ssh_userauth_publickey(session, nullptr, key.get());
                if (rc == SSH_AUTH_SUCCESS) {
                    becomeReady();
                    return;
                }
                tried.append(tr("key %1 (refused)").arg(file));
            }
            break;
        }
        case AuthMethod::Password: {
            if (!(offered & SSH_AUTH_METHOD_PASSWORD))
                continue;
            if (m_settings.password.isEmpty()) {
                passwordMissing = true;
                tried.append(m_passwordWithheld.isEmpty()
                                 ? tr("password (none given)")
                                 : tr("password (none given: %1)").arg(m_passwordWithheld));
                continue;
            }
            rc = ssh_userauth_password(session, nullptr, m_settings.password.toUtf8().constData());
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(tr("password (refused)"));
            break;
        }
        case AuthMethod::KeyboardInteractive: {
            if (!(offered & SSH_AUTH_METHOD_INTERACTIVE))
                continue;
            if (m_settings.password.isEmpty()) {
                passwordMissing = true;
                continue;
            }
            rc = ssh_userauth_kbdint(session, nullptr, nullptr);
            // Answer every prompt with the password: the common one-question challenge.
            for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
                const int prompts = ssh_userauth_kbdint_getnprompts(session);
                for (int i = 0; i < prompts; ++i)
                    ssh_userauth_kbdint_setanswer(session, unsigned(i),
                                                  m_settings.password.toUtf8().constData());
                rc = ssh_userauth_kbdint(session, nullptr, nullptr);
            }
            if (rc == SSH_AUTH_SUCCESS) {
                becomeReady();
                return;
            }
            tried.append(tr("keyboard-interactive (refused)"));
            break;
        }
        }
        if (rc == SSH_AUTH_ERROR) {
            fail(tr("Authentication with %1 broke off: %2").arg(m_settings.hostName, lastError()));
            return;
        }
    }
    const QString user = m_settings.user.isEmpty() ? qEnvironmentVariable("USER") : m_settings.user;
    m_lastAuthenticationError =
        tr("Authentication failed for %1@%2. Tried: %3. The server accepts: %4.")
            .arg(user, m_settings.hostName,
                 tried.isEmpty() ? tr("nothing that the server offers") : tried.join(u"; "),
                 serverMethodNames(offered).join(u", "));
    // Only a secret is missing: ask for it once, with the commands kept waiting, if someone
    // is there to answer.
    const bool canAsk = isSignalConnected(QMetaMethod::fromSignal(&SshSession::credentialNeeded));
    if (canAsk && !lockedKey.isEmpty() && !m_askedForPassphrase) {
        m_askedForPassphrase = true;
        askForCredential(SshExecutor::Credential::Passphrase, lockedKey);
        return;
    }
    if (canAsk && passwordMissing && !m_askedForPassword) {
        m_askedForPassword = true;
        askForCredential(SshExecutor::Credential::Password, user + u'@' + m_settings.hostName);
        return;
    }
    fail(m_lastAuthenticationError);
}

void SshSession::askForCredential(SshExecutor::Credential kind, const QString &what)
{
    m_waitingForCredential = true;
    close();
    setState(ConnectionState::Authenticating, kind == SshExecutor::Credential::Password
                                                  ? tr("waiting for the password")
                                                  : tr("waiting for the key's passphrase"));
    Q_EMIT credentialNeeded(kind, what);
}

void SshSession::becomeReady()
{
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(ssh_get_fd(m_handle.get())),
                                                   QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &SshSession::pump);
    m_keepaliveTimer.start();
    m_reconnectDelayMs = 1000;
    setState(ConnectionState::Ready);
    Q_EMIT ready();
}

void SshSession::fail(const QString &reason)
{
    const bool wasReady = m_state == ConnectionState::Ready;
    // The state first: whoever sees a job fail sees the host as failed too. Work waiting for a
    // connection that failed to come up would wait forever; after a loss it fails too, since
    // the host state is unknown.
    setState(ConnectionState::Failed, reason);
    Q_EMIT failed(reason);
    close();
    // A lost connection comes back by itself; a refused one (keys, passwords) waits for the
    // next command, as retrying cannot fix it.
    if (wasReady)
        scheduleReconnect();
}

void SshSession::failLost()
{
    fail(tr("Connection to %1 lost: %2").arg(m_settings.hostName, lastError()));
}

bool SshSession::checkAlive()
{
    if (!m_handle)
        return false;
    const int status = ssh_get_status(m_handle.get());
    if ((status & (SSH_CLOSED | SSH_CLOSED_ERROR)) || !ssh_is_connected(m_handle.get())) {
        fail(tr("Connection to %1 lost: the server closed it.").arg(m_settings.hostName));
        return false;
    }
    return true;
}

void SshSession::scheduleReconnect()
{
    if (!m_settings.reconnect || m_abort->isAborted())
        return;
    m_reconnectTimer.start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, MaximumReconnectDelayMs);
}

void SshSession::close()
{
    m_pollTimer.stop();
    m_keepaliveTimer.stop();
    m_notifier.reset(); // before libssh closes the socket under it
    // The parts let go of their channels and SFTP now; the session itself goes with the last
    // handle on it (a caller's local channel may still hold it for a moment).
    Q_EMIT closing();
    m_handle.reset();
    m_abort->watch(-1);
}

void SshSession::shutdown()
{
    m_abort->abort();
    m_reconnectTimer.stop();
    close();
}

void SshSession::keepPolling()
{
    m_pollRequested = true;
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SshSession::pump()
{
    if (!m_handle)
        return;
    m_pollRequested = false;
    Q_EMIT activity();
    if (!checkAlive())
        return;
    if (!m_pollRequested)
        m_pollTimer.stop();
}

void SshSession::keepalive()
{
    if (!m_handle || m_state != ConnectionState::Ready)
        return;
    if (ssh_send_ignore(m_handle.get(), "") != SSH_OK) {
        failLost();
        return;
    }
    pump();
}

} // namespace OpsDeck
