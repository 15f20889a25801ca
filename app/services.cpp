// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/services.h"

#include "models/audit/auditlog.h"
#include "models/backups/backupactions.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backuphealthfeed.h"
#include "models/backups/backupverifier.h"
#include "models/backups/verificationstore.h"
#include "models/containers/containermonitor.h"
#include "models/core/risk.h"
#include "models/database/databasesession.h"
#include "models/health/healthmonitor.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/remote/actiongate.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "models/secrets/credentialstore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace OpsDeck {

Services::Services(const ServiceOptions &options)
    : m_stateStore(std::make_unique<StateStore>())
    , m_auditLog(std::make_unique<AuditLog>(m_stateStore.get()))
    , m_incidentStore(std::make_unique<IncidentStore>(m_stateStore.get()))
    , m_credentials(options.keychain ? std::make_unique<CredentialStore>() : nullptr)
    , m_hosts(std::make_unique<HostRegistry>(m_credentials.get()))
    , m_readOnly(std::make_unique<ReadOnlyMode>(options.readOnly))
    , m_runner(std::make_unique<CommandRunner>(m_auditLog.get(), m_readOnly.get()))
    , m_actionGate(std::make_unique<ActionGate>(m_auditLog.get(), m_readOnly.get()))
    , m_runbooks(std::make_unique<RunbookLibrary>())
    , m_incidentResponse(std::make_unique<IncidentResponse>(
          m_incidentStore.get(), m_runner.get(),
          [hosts = m_hosts.get()](const QString &host) { return hosts->executor(host); },
          m_runbooks.get()))
    , m_containers(std::make_unique<ContainerMonitor>(
          m_runner.get(),
          [hosts = m_hosts.get()](const QString &host) { return hosts->executor(host); }))
{
    m_hosts->setAcceptUnknownHostKeys(options.acceptUnknownHostKeys);
    DatabaseServices databaseServices;
    databaseServices.executorFor = [hosts = m_hosts.get()](const QString &host) {
        return hosts->executor(host);
    };
    databaseServices.credentials = m_credentials.get();
    databaseServices.gate = m_actionGate.get();
    databaseServices.incident = m_incidentResponse->incident();
    m_databases = std::make_unique<DatabaseMonitor>(databaseServices);
    m_incidentResponse->runbookSession()->setCredentialStore(m_credentials.get());
    const auto executorFor = [hosts = m_hosts.get()](const QString &host) {
        return hosts->executor(host);
    };
    m_backupCatalog = std::make_unique<BackupCatalog>(m_runner.get(), executorFor);
    m_verifications = std::make_unique<VerificationStore>(m_stateStore.get());
    VerifierServices verifierServices;
    verifierServices.runner = m_runner.get();
    verifierServices.executorFor = executorFor;
    verifierServices.store = m_verifications.get();
    verifierServices.restore = TestRestoreServices{.gate = m_actionGate.get(),
                                                   .executorFor = executorFor,
                                                   .incident = m_incidentResponse->incident()};
    m_backupVerifier = std::make_unique<BackupVerifier>(verifierServices);
    m_backupActions = std::make_unique<BackupActions>(m_runner.get(), m_actionGate.get());
    m_backupActions->setIncident(m_incidentResponse->incident());
    // First in the store's queue: every job submitted from here on waits for it.
    m_stateStore->open(options.stateDatabase);
    if (m_credentials) {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_health =
            std::make_unique<HealthMonitor>(checkServices(m_network.get(), {}), m_stateStore.get());
        m_backupFeed = std::make_unique<BackupHealthFeed>(m_backupCatalog.get(), m_health.get());
    }
}

// Members go in reverse order: users first, the state store (draining its queue) last.
Services::~Services() = default;

ShellServices Services::shell() const
{
    Q_ASSERT_X(m_credentials, "Services::shell", "the main window needs the keychain");
    return {.stateStore = m_stateStore.get(),
            .auditLog = m_auditLog.get(),
            .credentials = m_credentials.get(),
            .hosts = m_hosts.get(),
            .readOnly = m_readOnly.get(),
            .runner = m_runner.get(),
            .actionGate = m_actionGate.get(),
            .runbooks = m_runbooks.get(),
            .incidentResponse = m_incidentResponse.get(),
            .health = m_health.get(),
            .containers = m_containers.get(),
            .databases = m_databases.get(),
            .backupCatalog = m_backupCatalog.get(),
            .verifications = m_verifications.get(),
            .backupVerifier = m_backupVerifier.get(),
            .backupActions = m_backupActions.get()};
}

StoreResult<QString> Services::waitUntilOpen() const
{
    QEventLoop loop;
    std::optional<StoreResult<QString>> answer;
    m_stateStore->whenOpen(&loop, [&](const StoreResult<QString> &opened) {
        answer = opened;
        loop.quit();
    });
    loop.exec();
    return *answer;
}

CheckServices Services::checkServices(QNetworkAccessManager *network,
                                      const Workspace &workspace) const
{
    CheckServices services;
    services.network = network;
    services.runner = m_runner.get();
    HostRegistry *hosts = m_hosts.get();
    services.executorFor = [hosts](const QString &hostName) { return hosts->executor(hostName); };
    services.credentials = m_credentials.get();
    services.workspace = workspace;
    return services;
}

} // namespace OpsDeck
