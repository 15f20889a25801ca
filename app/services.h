// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkexecutor.h"
#include "models/persistence/statestore.h"
#include "widgets/shell/shellservices.h"

#include <QString>

#include <memory>

namespace OpsDeck {

class ActionGate;
class BackupActions;
class AuditLog;
class BackupCatalog;
class BackupHealthFeed;
class BackupVerifier;
class HealthMonitor;
class CommandRunner;
class ContainerMonitor;
class DatabaseMonitor;
class CredentialStore;
class HostRegistry;
class IncidentResponse;
class IncidentStore;
class ReadOnlyMode;
class RunbookLibrary;
class StateStore;
class VerificationStore;

struct ServiceOptions {
    QString stateDatabase; // empty: Paths::stateDatabaseFile()
    bool readOnly = false; // start in read-only mode
    // SSH passwords remembered in the desktop keychain (the desktop). Without, the command line
    // never waits for a keychain that may not exist.
    bool keychain = true;
    // Accept a host key that no known_hosts file has, where nobody can be asked (headless).
    bool acceptUnknownHostKeys = false;
};

// The composition root: builds the services OpsDeck runs on (state store and the domain stores
// on it, credentials, hosts, read-only mode, command runner, runbook library, incident
// response) once, in the order they depend on each other, for the desktop and the command line
// alike, and starts opening the state database: whatever is submitted to it afterwards waits
// for the open.
//
// Destroyed in the reverse order, the state store last: its destructor runs the writes still
// queued (audit rows are not lost).
class Services final
{
    Q_DISABLE_COPY_MOVE(Services)

public:
    explicit Services(const ServiceOptions &options = {});
    ~Services();

    StateStore *stateStore() const { return m_stateStore.get(); }
    AuditLog *auditLog() const { return m_auditLog.get(); }
    IncidentStore *incidentStore() const { return m_incidentStore.get(); }
    CredentialStore *credentials() const { return m_credentials.get(); } // null without keychain
    HostRegistry *hosts() const { return m_hosts.get(); }
    ReadOnlyMode *readOnly() const { return m_readOnly.get(); }
    CommandRunner *runner() const { return m_runner.get(); }
    // The gate for actions that are not commands (silences), on the same audit log and mode.
    ActionGate *actionGate() const { return m_actionGate.get(); }
    RunbookLibrary *runbooks() const { return m_runbooks.get(); }
    // The incident being handled, the runbook session following it and its escalations.
    IncidentResponse *incidentResponse() const { return m_incidentResponse.get(); }
    // The dashboard's checks, scheduled once the main window gives it the workspace. Only
    // with the keychain (the desktop); null on the command line, which runs checks once.
    HealthMonitor *health() const { return m_health.get(); }
    // The Containers page's engine and `opsdeck containers`' (idle until made active).
    ContainerMonitor *containers() const { return m_containers.get(); }
    // The Databases page's sessions and `opsdeck db`'s; the window gives it each workspace.
    DatabaseMonitor *databases() const { return m_databases.get(); }
    // The backup catalog of the Backups page and, with the keychain, of the Dashboard's backup
    // checks (a feed gives it each workspace); the verification records in the state store,
    // and the ladder that writes them.
    BackupCatalog *backupCatalog() const { return m_backupCatalog.get(); }
    VerificationStore *verifications() const { return m_verifications.get(); }
    BackupVerifier *backupVerifier() const { return m_backupVerifier.get(); }
    BackupActions *backupActions() const { return m_backupActions.get(); }

    // What the main window needs (with the keychain).
    ShellServices shell() const;
    // What health checks need: this runner, these hosts' executors, the keychain, network.
    CheckServices checkServices(QNetworkAccessManager *network, const Workspace &workspace) const;

    // Waits, in a local event loop, until the state database is open: the file, or why it
    // cannot be used.
    StoreResult<QString> waitUntilOpen() const;

private:
    std::unique_ptr<StateStore> m_stateStore;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<IncidentStore> m_incidentStore;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<HostRegistry> m_hosts;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<CommandRunner> m_runner;
    std::unique_ptr<ActionGate> m_actionGate;
    std::unique_ptr<RunbookLibrary> m_runbooks;
    std::unique_ptr<IncidentResponse> m_incidentResponse;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HealthMonitor> m_health;
    std::unique_ptr<ContainerMonitor> m_containers;
    std::unique_ptr<DatabaseMonitor> m_databases;
    std::unique_ptr<BackupCatalog> m_backupCatalog;
    std::unique_ptr<VerificationStore> m_verifications;
    std::unique_ptr<BackupVerifier> m_backupVerifier;
    std::unique_ptr<BackupActions> m_backupActions;
    std::unique_ptr<BackupHealthFeed> m_backupFeed; // after the catalog: it uses it
};

} // namespace OpsDeck
