// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/recentfiles.h"
#include "widgets/shell/shellservices.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace OpsDeck {

class AuditPage;
class CommandPalette;
class BackupsPage;
class ContainersPage;
class DatabaseMonitor;
class DatabasesPage;
class IncidentPage;
class LogPage;
class RunbooksPage;
class RunCommandPage;
class DashboardPage;
class HealthBoardModel;
class HealthMonitor;
class OverviewPage;
class ProblemsPage;
class SshExecutor;
struct HostKeyQuestion;
class WorkspaceDocument;
class WorkspaceModel;
class WorkspaceTree;

// The shell: navigation sidebar with the workspace tree, pages in the middle, connection and
// safety state in the status bar, Ctrl+K command palette. Later features add pages through
// addPage() and their own actions; nothing else needs to change.
//
// The services (state store, command runner, hosts, …) come from the application's
// composition root (app/), which builds them once and keeps them beyond the window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options {
        QString workspaceFile; // empty: the last one (if the setting says so), else built-in
    };

    MainWindow(const ShellServices &services, const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument *document() const { return m_document; }
    ReadOnlyMode *readOnlyMode() const { return m_readOnly; }
    StateStore *stateStore() const { return m_stateStore; }
    HostRegistry *hostRegistry() const { return m_hostRegistry; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    RunCommandPage *runCommandPage() const { return m_console; }
    RunbooksPage *runbooksPage() const { return m_runbooks; }
    IncidentPage *incidentPage() const { return m_incidents; }
    LogPage *logPage() const { return m_logs; }
    ContainersPage *containersPage() const { return m_containers; }
    DatabasesPage *databasesPage() const { return m_databases; }
    BackupsPage *backupsPage() const { return m_backups; }
    RunbookLibrary *runbookLibrary() const { return m_library; }
    WorkspaceTree *workspaceTree() const { return m_tree; }
    CommandPalette *commandPalette() const { return m_palette; }
    QString currentPageId() const;
    void showPage(const QString &id);
    QStringList pageIds() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Page {
        QString id;
        QString title;
        QString icon;
        QWidget *widget;
    };

    void addPage(const QString &id, const QString &title, const QString &icon, QWidget *widget);
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void restoreWindowState();
    void saveWindowState() const;

    void openWorkspaceDialog();
    void openWorkspace(const QString &path);
    void rebuildRecentMenu();
    void onWorkspaceChanged();
    void onDiagnosticsChanged();
    void updateWorkspaceStatus();
    void updateConnectionSummary();
    void updateReadOnlyState(bool enabled);
    void openCommandPalette();
    void editHost(const QString &hostName);
    void addHost(const QString &environmentName);
    void showSettings();
    void showAbout();
    void showError(const QString &title, const QString &message);
    void askHostKey(SshExecutor *executor, const HostKeyQuestion &question);
    void askCredential(SshExecutor *executor, const QString &host, int kind, const QString &what,
                       const QString &keychainEntry, const QString &secretAddress);
    void openRunbookByName(const QString &runbook);
    void askSecretAddress(quint64 requestId, const QString &entry, const QString &boundAddress,
                          const QString &address);

    WorkspaceDocument *m_document;
    WorkspaceModel *m_model;
    ReadOnlyMode *m_readOnly;
    StateStore *m_stateStore;
    CredentialStore *m_credentials;
    HostRegistry *m_hostRegistry;
    CommandRunner *m_runner;
    RunbookLibrary *m_library;
    IncidentResponse *m_incidentResponse;
    RecentFiles m_recentFiles;
    QList<Page> m_pages;

    QSplitter *m_splitter;
    QListWidget *m_navigation;
    WorkspaceTree *m_tree;
    QStackedWidget *m_stack;
    HealthMonitor *m_monitor;
    HealthBoardModel *m_health;
    DashboardPage *m_dashboard;
    OverviewPage *m_overview;
    ProblemsPage *m_problems;
    RunCommandPage *m_console;
    AuditPage *m_audit;
    RunbooksPage *m_runbooks;
    IncidentPage *m_incidents;
    LogPage *m_logs;
    ContainerMonitor *m_containerMonitor;
    ContainersPage *m_containers;
    DatabaseMonitor *m_databaseMonitor;
    DatabasesPage *m_databases;
    BackupsPage *m_backups;
    CommandPalette *m_palette;

    QLabel *m_workspaceLabel;
    QToolButton *m_problemsButton;
    QLabel *m_connectionsLabel;
    QToolButton *m_readOnlyButton;
    QLabel *m_secretsLabel;

    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_builtInAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_addHostAction = nullptr;
    QAction *m_editHostAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_readOnlyAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_sidebarAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_declareIncidentAction = nullptr;
    QAction *m_openRunbookAction = nullptr;
    QAction *m_openLogAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace OpsDeck
