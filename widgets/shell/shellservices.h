// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace OpsDeck {

class ActionGate;
class BackupActions;
class AuditLog;
class BackupCatalog;
class BackupVerifier;
class CommandRunner;
class ContainerMonitor;
class DatabaseMonitor;
class CredentialStore;
class HealthMonitor;
class HostRegistry;
class IncidentResponse;
class ReadOnlyMode;
class RunbookLibrary;
class StateStore;
class VerificationStore;

// What the main window works with. Built once by the application's composition root (app/),
// which owns every service and outlives the window; none is null.
struct ShellServices {
    StateStore *stateStore = nullptr;
    AuditLog *auditLog = nullptr;
    CredentialStore *credentials = nullptr;
    HostRegistry *hosts = nullptr;
    ReadOnlyMode *readOnly = nullptr;
    CommandRunner *runner = nullptr;
    ActionGate *actionGate = nullptr; // silences and other declared actions
    RunbookLibrary *runbooks = nullptr;
    IncidentResponse *incidentResponse = nullptr;
    // The checks behind the Dashboard; the window gives it each workspace. The one service that
    // may be null: the Dashboard then shows the workspace's checks as waiting, with no polling.
    HealthMonitor *health = nullptr;
    // The Containers page's pollers and list; the window gives it each workspace and turns it on
    // while the page is shown.
    ContainerMonitor *containers = nullptr;
    // The Databases page's sessions; the window gives it each workspace.
    DatabaseMonitor *databases = nullptr;
    // The Backups page's catalog, verification records and ladder; the window gives the
    // catalog each workspace.
    BackupCatalog *backupCatalog = nullptr;
    VerificationStore *verifications = nullptr;
    BackupVerifier *backupVerifier = nullptr;
    BackupActions *backupActions = nullptr; // restore, create, retention delete
};

} // namespace OpsDeck
