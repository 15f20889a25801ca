// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/remote/sshexecutor.h"
#include "models/workspace/workspace.h"

#include <QObject>

#include <map>
#include <memory>

namespace OpsDeck {

class CredentialStore;

// One executor per host of the workspace, made on first use and kept while the host's
// connection settings stay the same (a workspace reload does not drop connections).
// Passwords come from the keychain entry the host names.
class HostRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostRegistry)

public:
    explicit HostRegistry(CredentialStore *credentials, QObject *parent = nullptr);
    ~HostRegistry() override;

    void setWorkspace(const Workspace &workspace);
    // For tests and headless tools: SSH settings applied to every host made from now on.
    // OpsDeck's own known_hosts files (OpenSSH's and ssh_config are still read).
    void setKnownHostsFiles(const QStringList &files) { m_knownHostsFiles = files; }
    // Headless use only: take keys no known_hosts file has (changed or revoked keys are still
    // refused).
    void setAcceptUnknownHostKeys(bool accept) { m_acceptUnknownHostKeys = accept; }

    QStringList hostNames() const;
    // Made on first call; null for a name the workspace does not have.
    Executor *executor(const QString &hostName);
    ConnectionState state(const QString &hostName) const;
    QString stateReason(const QString &hostName) const;

Q_SIGNALS:
    void stateChanged(const QString &hostName, OpsDeck::ConnectionState state,
                      const QString &reason);
    // An SSH host showed a key no known_hosts file has: answer through the executor.
    void hostKeyQuestion(OpsDeck::SshExecutor *executor, const OpsDeck::HostKeyQuestion &question);
    // A password or passphrase is needed; answer through the executor. `keychainEntry` is
    // where "remember" stores it (the host's `secret:` entry, or OpsDeck's default one), bound
    // to secretAddress.
    void credentialNeeded(OpsDeck::SshExecutor *executor, const QString &hostName,
                          OpsDeck::SshExecutor::Credential kind, const QString &what,
                          const QString &keychainEntry, const QString &secretAddress);

private:
    struct Entry {
        Host host;
        std::unique_ptr<Executor> executor;
        ConnectionState state = ConnectionState::Disconnected;
        QString reason;
    };
    std::unique_ptr<Executor> makeExecutor(const Host &host);

    CredentialStore *m_credentials;
    std::map<QString, Entry> m_hosts; // move-only values: QHash would copy
    QStringList m_knownHostsFiles;
    bool m_acceptUnknownHostKeys = false;
};

// The SSH settings a workspace host asks for (without its password).
SshSettings sshSettingsFor(const Host &host);
// The keychain entry that holds a host's password or passphrase: the workspace's `secret:`
// entry, else "ssh/user@address:port".
QString keychainEntryFor(const Host &host);
// The address that entry is bound to (CredentialStore): "address:port" of the host.
QString secretAddressFor(const Host &host);
// The address a database's password is bound to: the database server's host and port, a
// loopback one on a remote host being that host's address ("db1.example.com:5432").
QString databaseSecretAddress(const Host &host, const Database &database);
// The same for the database of the workspace host ownerHost; a host the workspace does not
// name leaves the server's own address.
QString databaseSecretAddress(const Workspace &workspace, const QString &ownerHost,
                              const Database &database);

} // namespace OpsDeck
