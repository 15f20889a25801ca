// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/hostregistry.h"

#include "models/remote/localexecutor.h"
#include "models/secrets/credentialstore.h"

#include <QHostAddress>
#include <QMetaMethod>

namespace OpsDeck {

namespace {

// The connection-relevant part of a host: a change here means a new connection.
bool sameConnection(const Host &a, const Host &b)
{
    return a.connection == b.connection && a.address == b.address && a.port == b.port &&
           a.user == b.user && a.auth == b.auth && a.identityFile == b.identityFile &&
           a.jumpHost == b.jumpHost && a.secret == b.secret && a.sshConfigAlias == b.sshConfigAlias;
}

} // namespace

SshSettings sshSettingsFor(const Host &host)
{
    SshSettings settings;
    settings.hostName = host.name;
    settings.address = host.address;
    settings.port = host.port;
    settings.user = host.user;
    // The workspace's method first, then the others, as ssh tries what it can.
    settings.methods.removeAll(host.auth);
    settings.methods.prepend(host.auth);
    if (!host.identityFile.isEmpty())
        settings.identityFiles = {host.identityFile};
    settings.knownHostsFiles = defaultKnownHostsFiles();
    settings.userKnownHostsFiles = defaultUserKnownHostsFiles();
    settings.globalKnownHostsFiles = defaultGlobalKnownHostsFiles();
    settings.sshConfigFiles = defaultSshConfigFiles();
    settings.sshConfigName = host.sshConfigAlias.isEmpty() ? host.address : host.sshConfigAlias;
    return settings;
}

QString secretAddressFor(const Host &host)
{
    return secretAddress(host.address, host.port);
}

QString databaseSecretAddress(const Host &host, const Database &database)
{
    const QString server = database.host.toLower();
    const bool loopback = server == u"localhost" || QHostAddress(server).isLoopback();
    return secretAddress(loopback && !host.isLocal() ? host.address : server, database.port);
}

QString databaseSecretAddress(const Workspace &workspace, const QString &ownerHost,
                              const Database &database)
{
    if (const Host *owner = workspace.findHost(ownerHost))
        return databaseSecretAddress(*owner, database);
    return secretAddress(database.host.toLower(), database.port);
}

QString keychainEntryFor(const Host &host)
{
    if (!host.secret.isEmpty())
        return host.secret.entry;
    return QStringLiteral("ssh/%1@%2:%3").arg(host.user, host.address).arg(host.port);
}

HostRegistry::HostRegistry(CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{
}

HostRegistry::~HostRegistry() = default;

void HostRegistry::setWorkspace(const Workspace &workspace)
{
    std::map<QString, Entry> next;
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            Entry entry;
            entry.host = host;
            entry.state = host.isLocal() ? ConnectionState::Local : ConnectionState::Disconnected;
            auto old = m_hosts.find(host.name);
            if (old != m_hosts.end() && sameConnection(old->second.host, host)) {
                entry.executor = std::move(old->second.executor);
                entry.state = old->second.state;
                entry.reason = old->second.reason;
            }
            next.insert_or_assign(host.name, std::move(entry));
        }
    }
    // A host reached through a jump host whose connection is new needs a new route too.
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto &[name, entry] : next) {
            const auto jump = next.find(entry.host.jumpHost);
            if (entry.executor && jump != next.end() && !jump->second.executor) {
                entry.executor.reset();
                entry.state = ConnectionState::Disconnected;
                dropped = true;
            }
        }
    }
    // Executors of hosts that left or changed go now: their commands fail with a reason.
    m_hosts = std::move(next);
}

QStringList HostRegistry::hostNames() const
{
    QStringList names;
    for (const auto &[name, entry] : m_hosts)
        names.append(name);
    return names;
}

Executor *HostRegistry::executor(const QString &hostName)
{
    const auto entry = m_hosts.find(hostName);
    if (entry == m_hosts.end())
        return nullptr;
    if (!entry->second.executor)
        entry->second.executor = makeExecutor(entry->second.host);
    return entry->second.executor.get();
}

ConnectionState HostRegistry::state(const QString &hostName) const
{
    const auto entry = m_hosts.find(hostName);
    return entry == m_hosts.end() ? ConnectionState::Disconnected : entry->second.state;
}

QString HostRegistry::stateReason(const QString &hostName) const
{
    const auto entry = m_hosts.find(hostName);
    return entry == m_hosts.end() ? QString() : entry->second.reason;
}

std::unique_ptr<Executor> HostRegistry::makeExecutor(const Host &host)
{
    if (host.isLocal())
        return std::make_unique<LocalExecutor>(host.name);
    SshSettings settings = sshSettingsFor(host);
    if (!m_knownHostsFiles.isEmpty())
        settings.knownHostsFiles = m_knownHostsFiles;
    settings.acceptUnknownHostKeys = m_acceptUnknownHostKeys;
    // A remembered password is looked up before connecting: the workspace's entry or ours.
    settings.waitForPassword = m_credentials != nullptr;
    settings.waitForRoute =
        !host.jumpHost.isEmpty() && qobject_cast<SshExecutor *>(executor(host.jumpHost)) != nullptr;
    auto made = std::make_unique<SshExecutor>(settings);
    SshExecutor *ssh = made.get();
    const QString name = host.name;
    connect(ssh, &Executor::stateChanged, this,
            [this, name](ConnectionState state, const QString &reason) {
                const auto entry = m_hosts.find(name);
                if (entry == m_hosts.end())
                    return;
                entry->second.state = state;
                entry->second.reason = reason;
                Q_EMIT stateChanged(name, state, reason);
            });
    // Relayed only when someone listens here; headless use refuses at once instead of
    // waiting for an answer that never comes.
    connect(ssh, &SshExecutor::credentialNeeded, this,
            [this, ssh, entry = keychainEntryFor(host), address = secretAddressFor(host),
             name = host.name](SshExecutor::Credential kind, const QString &what) {
                if (isSignalConnected(QMetaMethod::fromSignal(&HostRegistry::credentialNeeded)))
                    Q_EMIT credentialNeeded(ssh, name, kind, what, entry, address);
                else
                    ssh->provideCredential(kind, {});
            });
    connect(ssh, &SshExecutor::hostKeyQuestion, this, [this, ssh](const HostKeyQuestion &question) {
        if (isSignalConnected(QMetaMethod::fromSignal(&HostRegistry::hostKeyQuestion)))
            Q_EMIT hostKeyQuestion(ssh, question);
        else
            ssh->answerHostKey(SshExecutor::HostKeyAnswer::Unattended);
    });
    // Through a jump host: a tunnel on it to this host's SSH port, and the connection goes to
    // the tunnel's local end. The jump host may itself be reached through another one.
    if (auto *jump = qobject_cast<SshExecutor *>(executor(host.jumpHost))) {
        const quint64 tunnel = jump->openTunnel(host.address, host.port);
        const QPointer<SshExecutor> target(ssh);
        connect(jump, &SshExecutor::tunnelOpened, ssh, [target, tunnel](quint64 id, int localPort) {
            if (id == tunnel && target)
                target->setRoute(QStringLiteral("127.0.0.1"), localPort);
        });
    }
    if (settings.waitForPassword) {
        // Bound to this address: a workspace that points the entry at another host gets it only
        // with the user's consent (CredentialStore::addressQuestion()).
        const quint64 request =
            m_credentials->readFor(keychainEntryFor(host), secretAddressFor(host));
        const QPointer<SshExecutor> target(ssh);
        connect(m_credentials, &CredentialStore::readFinished, ssh,
                [target, request](quint64 id, const QString &, bool found, const QString &secret) {
                    if (id == request && target)
                        target->setPassword(found ? secret : QString());
                });
        connect(m_credentials, &CredentialStore::failed, ssh,
                [target, request](quint64 id, const QString &, const QString &message) {
                    if (id == request && target)
                        target->setPassword({}, message);
                });
    }
    return made;
}

} // namespace OpsDeck
