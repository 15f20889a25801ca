// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shell/mainwindow.h"

#include "models/audit/auditlog.h"
#include "models/containers/containermonitor.h"
#include "models/core/risk.h"
#include "models/core/versions.h"
#include "models/database/databasesession.h"
#include "models/health/checkplan.h"
#include "models/health/healthboardmodel.h"
#include "models/health/healthmonitor.h"
#include "models/incidents/incidentresponse.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "models/secrets/credentialstore.h"
#include "models/workspace/workspacedocument.h"
#include "models/workspace/workspacemodel.h"
#include "widgets/audit/auditpage.h"
#include "widgets/backups/backupspage.h"
#include "widgets/common/passwordprompt.h"
#include "widgets/common/themedicon.h"
#include "widgets/containers/containerspage.h"
#include "widgets/dashboard/dashboardpage.h"
#include "widgets/dashboard/morningcheckdialog.h"
#include "widgets/database/databasespage.h"
#include "widgets/incidents/incidentpage.h"
#include "widgets/incidents/incidentwizard.h"
#include "widgets/logs/logpage.h"
#include "widgets/remote/credentialdialog.h"
#include "widgets/remote/hostkeydialog.h"
#include "widgets/remote/runcommandpage.h"
#include "widgets/remote/secretaddressdialog.h"
#include "widgets/runbooks/runbookspage.h"
#include "widgets/shell/commandpalette.h"
#include "widgets/shell/overviewpage.h"
#include "widgets/shell/problemspage.h"
#include "widgets/shell/settingsdialog.h"
#include "widgets/workspace/hosteditdialog.h"
#include "widgets/workspace/workspacetree.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {
constexpr int PageIdRole = Qt::UserRole + 1;
const QString DashboardPageId = QStringLiteral("dashboard");
const QString OverviewPageId = QStringLiteral("overview");
const QString ProblemsPageId = QStringLiteral("problems");
const QString ConsolePageId = QStringLiteral("console");
const QString RunbooksPageId = QStringLiteral("runbooks");
const QString IncidentsPageId = QStringLiteral("incident");
const QString LogsPageId = QStringLiteral("logs");
const QString ContainersPageId = QStringLiteral("containers");
const QString DatabasesPageId = QStringLiteral("databases");
const QString BackupsPageId = QStringLiteral("backups");

// A workspace database's password from the keychain, bound to the server as its owning host
// reaches it (a loopback address of a remote host is that host's). When the keychain has none,
// the operator is asked (window-modal) and may have it remembered.
void readDatabasePassword(CredentialStore *credentials, QWidget *window, const Workspace &workspace,
                          const QString &ownerHost, const Database &database, QObject *context,
                          const std::function<void(const QString &, const QString &)> &answer)
{
    if (database.password.isEmpty()) {
        answer({}, {});
        return;
    }
    if (!credentials) {
        answer({}, MainWindow::tr("Database %1 needs the password in keychain entry '%2', and no "
                                  "keychain is open here.")
                       .arg(database.name, database.password.entry));
        return;
    }
    const QString address = databaseSecretAddress(workspace, ownerHost, database);
    const quint64 request = credentials->readFor(database.password.entry, address);
    auto *job = new QObject(context);
    QPointer<QWidget> parent(window);
    QPointer<QObject> guard(context);
    QPointer<CredentialStore> store(credentials);
    QObject::connect(
        credentials, &CredentialStore::readFinished, job,
        [job, request, answer, database, address, parent, guard,
         store](quint64 id, const QString &, bool found, const QString &password) {
            if (id != request)
                return;
            job->deleteLater();
            if (found) {
                answer(password, {});
                return;
            }
            const QString missing =
                MainWindow::tr("no password in keychain entry '%1' for database %2")
                    .arg(database.password.entry, database.name);
            if (!parent) {
                answer({}, missing);
                return;
            }
            askForPassword(
                parent, MainWindow::tr("Database Password"),
                MainWindow::tr("The keychain has no password for database %1 on %2 (entry '%3').")
                    .arg(database.name, address, database.password.entry),
                [answer, missing, database, address, guard,
                 store](const std::optional<QString> &typed, bool remember) {
                    if (!guard)
                        return;
                    if (!typed) {
                        answer({}, missing);
                        return;
                    }
                    if (remember && store)
                        store->write(database.password.entry, *typed, address);
                    answer(*typed, {});
                });
        });
    QObject::connect(
        credentials, &CredentialStore::failed, job,
        [job, request, answer, database](quint64 id, const QString &, const QString &message) {
            if (id != request)
                return;
            job->deleteLater();
            answer({}, MainWindow::tr("Database %1: %2").arg(database.name, message));
        });
}
} // namespace

MainWindow::MainWindow(const ShellServices &services, const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_document(new WorkspaceDocument(this))
    , m_model(new WorkspaceModel(this))
    , m_readOnly(services.readOnly)
    , m_stateStore(services.stateStore)
    , m_credentials(services.credentials)
    , m_hostRegistry(services.hosts)
    , m_runner(services.runner)
    , m_library(services.runbooks)
    , m_incidentResponse(services.incidentResponse)
    , m_recentFiles(QStringLiteral("workspace/recent"))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_navigation(new QListWidget(this))
    , m_tree(new WorkspaceTree(m_model, this))
    , m_stack(new QStackedWidget(this))
    , m_monitor(services.health)
    , m_health(m_monitor ? m_monitor->board() : new HealthBoardModel(this))
    , m_dashboard(new DashboardPage(m_health, m_monitor ? m_monitor->scheduler() : nullptr, this))
    , m_overview(new OverviewPage(this))
    , m_problems(new ProblemsPage(this))
    , m_console(new RunCommandPage(m_hostRegistry, m_runner, m_readOnly, this))
    , m_audit(new AuditPage(services.auditLog, this))
    , m_runbooks(new RunbooksPage(
          m_runner, [this](const QString &host) { return m_hostRegistry->executor(host); },
          m_library, this))
    , m_incidents(new IncidentPage(m_incidentResponse, this))
    , m_logs(new LogPage(
          m_incidentResponse, m_runner,
          [this](const QString &host) { return m_hostRegistry->executor(host); }, this))
    , m_containerMonitor(services.containers)
    , m_containers(new ContainersPage(
          {.monitor = services.containers,
           .list = nullptr,
           .runner = m_runner,
           .executors = [this](const QString &host) { return m_hostRegistry->executor(host); },
           .readOnly = m_readOnly,
           .incidents = m_incidentResponse},
          this))
    , m_databaseMonitor(services.databases)
    , m_databases(new DatabasesPage(services.databases, m_readOnly, this))
    , m_backups(new BackupsPage(
          {.catalog = services.backupCatalog,
           .actions = services.backupActions,
           .executorFor = [this](const QString &host) { return m_hostRegistry->executor(host); },
           .store = services.verifications,
           .verifier = services.backupVerifier,
           .readOnly = m_readOnly,
           .passwords =
               [this](const QString &ownerHost, const Database &database, QObject *context,
                      std::function<void(const QString &, const QString &)> answer) {
                   readDatabasePassword(m_credentials, this, m_document->workspace(), ownerHost,
                                        database, context, answer);
               }},
          this))
    , m_palette(new CommandPalette(this))
    , m_workspaceLabel(new QLabel(this))
    , m_problemsButton(new QToolButton(this))
    , m_connectionsLabel(new QLabel(this))
    , m_readOnlyButton(new QToolButton(this))
    , m_secretsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opsdeck.svg")));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_navigation->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);

    addPage(DashboardPageId, tr("Dashboard"), QStringLiteral("dashboard"), m_dashboard);
    addPage(OverviewPageId, tr("Overview"), QStringLiteral("overview"), m_overview);
    addPage(ConsolePageId, tr("Run Command"), QStringLiteral("command"), m_console);
    addPage(QStringLiteral("audit"), tr("Audit"), QStringLiteral("audit"), m_audit);
    addPage(ProblemsPageId, tr("Problems"), QStringLiteral("problems"), m_problems);
    addPage(RunbooksPageId, tr("Runbooks"), QStringLiteral("runbook"), m_runbooks);
    addPage(IncidentsPageId, tr("Incident"), QStringLiteral("incident"), m_incidents);
    addPage(LogsPageId, tr("Logs"), QStringLiteral("log"), m_logs);
    addPage(ContainersPageId, tr("Containers"), QStringLiteral("container"), m_containers);
    addPage(DatabasesPageId, tr("Databases"), QStringLiteral("database"), m_databases);
    addPage(BackupsPageId, tr("Backups"), QStringLiteral("backup"), m_backups);
    {
        // The eleventh page: the number row has run out.
        auto *shortcut = new QAction(this);
        shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        connect(shortcut, &QAction::triggered, this, [this] { showPage(BackupsPageId); });
        addAction(shortcut);
        m_navigation->item(int(m_pages.size()) - 1)->setToolTip(tr("Backups (Ctrl+Shift+B)"));
    }

    auto *sidebar = new QWidget(this);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(6, 6, 0, 6);
    sidebarLayout->setSpacing(6);
    sidebarLayout->addWidget(m_navigation);
    auto *treeTitle = new QLabel(tr("Workspace"), sidebar);
    QFont titleFont = treeTitle->font();
    titleFont.setBold(true);
    treeTitle->setFont(titleFont);
    sidebarLayout->addWidget(treeTitle);
    sidebarLayout->addWidget(m_tree, 1);
    // Fit the page list to its rows so the tree gets the rest of the height.
    m_navigation->setFixedHeight(m_navigation->sizeHintForRow(0) * int(m_pages.size()) +
                                 2 * m_navigation->frameWidth() + 4);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 900});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_document, &WorkspaceDocument::workspaceChanged, this,
            &MainWindow::onWorkspaceChanged);
    connect(m_document, &WorkspaceDocument::diagnosticsChanged, this,
            &MainWindow::onDiagnosticsChanged);
    connect(m_document, &WorkspaceDocument::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_workspaceLabel->setText(
                tr("Loading %1…").arg(QFileInfo(m_document->filePath()).fileName()));
        else
            updateWorkspaceStatus();
    });
    connect(m_document, &WorkspaceDocument::loadFailed, this, [this](const QString &path) {
        if (!QFileInfo::exists(path))
            m_recentFiles.remove(path);
        rebuildRecentMenu();
        showPage(ProblemsPageId);
    });
    connect(m_tree, &WorkspaceTree::currentItemChanged, m_overview, &OverviewPage::showItem);
    connect(m_tree, &WorkspaceTree::editHostRequested, this, &MainWindow::editHost);
    connect(m_tree, &WorkspaceTree::addHostRequested, this, &MainWindow::addHost);
    connect(m_tree, &WorkspaceTree::runCommandRequested, this, [this](const QString &host) {
        m_console->checkOnly(host);
        showPage(ConsolePageId);
        m_console->setFocus();
    });
    connect(m_hostRegistry, &HostRegistry::stateChanged, this,
            [this](const QString &host, ConnectionState state, const QString &reason) {
                m_model->setConnectionState(host, state);
                m_console->setHostState(host, state, reason);
                if (state == ConnectionState::Failed && !reason.isEmpty())
                    statusBar()->showMessage(tr("%1: %2").arg(host, reason), 15000);
            });
    connect(m_hostRegistry, &HostRegistry::hostKeyQuestion, this, &MainWindow::askHostKey);
    connect(m_hostRegistry, &HostRegistry::credentialNeeded, this,
            [this](SshExecutor *executor, const QString &host, SshExecutor::Credential kind,
                   const QString &what, const QString &entry, const QString &address) {
                askCredential(executor, host, int(kind), what, entry, address);
            });
    connect(m_credentials, &CredentialStore::addressQuestion, this, &MainWindow::askSecretAddress);
    connect(m_credentials, &CredentialStore::memoryOnlyChanged, this, [this](bool memoryOnly) {
        m_secretsLabel->setVisible(memoryOnly);
        m_secretsLabel->setToolTip(m_credentials->memoryOnlyReason());
    });
    m_credentials->probe();
    connect(m_tree->view(), &QTreeView::activated, this, [this](const QModelIndex &index) {
        // A log source opens on the Logs page (openLogRequested); the rest shows its overview.
        if (index.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>() !=
            WorkspaceModel::ItemKind::LogSource)
            showPage(OverviewPageId);
    });
    connect(m_tree, &WorkspaceTree::openLogRequested, this,
            [this](const QString &host, const QString &log) {
                showPage(LogsPageId);
                m_logs->openSource(host, log);
            });
    connect(m_logs, &LogPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_containers, &ContainersPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_backups, &BackupsPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_databases, &DatabasesPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_containers, &ContainersPage::openLog, this,
            [this](const LiveLogSpec &spec, const QString &title, const QString &description) {
                showPage(LogsPageId);
                m_logs->openLiveSpec(spec, title, description);
            });
    connect(m_containers, &ContainersPage::openExec, this,
            [this](const QString &host, const QString &commandLine) {
                m_console->checkOnly(host);
                m_console->commandInput()->setText(commandLine);
                showPage(ConsolePageId);
                m_console->commandInput()->setFocus();
                m_console->commandInput()->end(false);
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateConnectionSummary);
    connect(m_readOnly, &ReadOnlyMode::changed, this, &MainWindow::updateReadOnlyState);
    connect(m_palette, &CommandPalette::chosen, this,
            [this](const CommandPaletteModel::Entry &entry) {
                switch (entry.kind) {
                case CommandPaletteModel::Kind::Page:
                    showPage(entry.id);
                    break;
                case CommandPaletteModel::Kind::Host:
                    m_tree->selectId(entry.id);
                    showPage(OverviewPageId);
                    m_tree->setFocus();
                    break;
                case CommandPaletteModel::Kind::Action: {
                    const QList<QAction *> all = findChildren<QAction *>();
                    for (QAction *action : all) {
                        if (action->objectName() == entry.id && action->isEnabled())
                            action->trigger();
                    }
                    break;
                }
                }
            });

    // Opened in the background by the application; a store that cannot open (a newer schema, a
    // full disk) is reported and OpsDeck goes on without history.
    m_stateStore->whenOpen(this, [this](const StoreResult<QString> &opened) {
        if (!opened)
            statusBar()->showMessage(tr("History is not kept: %1").arg(opened.error()));
    });
    m_runbooks->session()->setCredentialStore(m_credentials);
    m_dashboard->setActionGate(services.actionGate);
    // Queued behind the open: the incident that was open when OpsDeck stopped comes back.
    m_incidentResponse->resumeOpenIncident();
    // The page takes host samples from the scheduler itself.
    if (m_monitor) {
        connect(m_monitor, &HealthMonitor::historyProblem, this,
                [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    }
    connect(m_dashboard, &DashboardPage::morningCheckRequested, this,
            [this](const QString &environment) {
                if (!m_monitor) {
                    statusBar()->showMessage(tr("Checks cannot run in this window."), 10000);
                    return;
                }
                auto *dialog = new MorningCheckDialog(m_monitor->executor(), m_monitor->workspace(),
                                                      environment, this);
                dialog->show();
                dialog->start();
            });
    connect(m_dashboard, &DashboardPage::openRunbookRequested, this,
            &MainWindow::openRunbookByName);
    connect(m_dashboard, &DashboardPage::declareIncidentRequested, this,
            [this](const QString &title, const QString &evidence) {
                showPage(IncidentsPageId);
                if (IncidentWizard *wizard = m_incidents->startWizard()) {
                    wizard->titleEdit()->setText(title);
                    wizard->titleEdit()->setToolTip(evidence);
                    // On the timeline as the first note once the incident is declared.
                    wizard->setEvidence(evidence);
                }
            });
    connect(m_runbooks, &RunbooksPage::incidentRequested, this, [this](const QString &path) {
        showPage(IncidentsPageId);
        m_incidents->startWizard(path);
    });
    // A command whose end could not be written to the audit log, even after retrying: said
    // until another message replaces it, and the window asks for attention.
    connect(services.auditLog, &AuditLog::writeFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Audit log incomplete: %1").arg(message));
        QApplication::alert(this);
    });
    connect(m_incidents, &IncidentPage::notification, this, [this](const QString &text) {
        statusBar()->showMessage(text, 60000);
        QApplication::alert(this);
    });

    onWorkspaceChanged();
    onDiagnosticsChanged();
    updateReadOnlyState(m_readOnly->isEnabled());
    restoreWindowState();
    rebuildRecentMenu();

    QString startFile = options.workspaceFile;
    if (startFile.isEmpty() &&
        QSettings().value(QStringLiteral("startup/reopenWorkspace"), true).toBool() &&
        !m_recentFiles.files().isEmpty() && QFileInfo::exists(m_recentFiles.files().constFirst()))
        startFile = m_recentFiles.files().constFirst();
    if (!startFile.isEmpty())
        openWorkspace(startFile);
}

MainWindow::~MainWindow() = default;

// A check names its runbook by file or by title (workspace `runbook:`).
void MainWindow::openRunbookByName(const QString &runbook)
{
    showPage(RunbooksPageId);
    for (const RunbookEntry &entry : m_library->entries()) {
        if (entry.title.compare(runbook, Qt::CaseInsensitive) == 0) {
            m_runbooks->openFile(entry.path);
            return;
        }
    }
    m_runbooks->openFile(runbook);
}

void MainWindow::addPage(const QString &id, const QString &title, const QString &icon,
                         QWidget *widget)
{
    widget->setObjectName(id + u"Page");
    m_pages.append({id, title, icon, widget});
    m_stack->addWidget(widget);
    auto *item = new QListWidgetItem(themedIcon(icon), title, m_navigation);
    item->setData(PageIdRole, id);
    // Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth page, as on the keyboard's number row.
    const int number = int(m_pages.size());
    if (number > 10)
        return;
    const int digit = number % 10;
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(digit));
    auto *shortcut = new QAction(this);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + digit)));
    connect(shortcut, &QAction::triggered, this, [this, id] { showPage(id); });
    addAction(shortcut);
}

QString MainWindow::currentPageId() const
{
    const int index = m_stack->currentIndex();
    return index >= 0 && index < m_pages.size() ? m_pages[index].id : QString();
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const Page &page : m_pages)
        ids.append(page.id);
    return ids;
}

void MainWindow::showPage(const QString &id)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].id == id)
            m_navigation->setCurrentRow(i);
    }
}

void MainWindow::createActions()
{
    const auto make = [this](const char *name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!icon.isEmpty())
            action->setIcon(themedIcon(icon));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_openAction = make("openWorkspace", tr("&Open Workspace…"), QStringLiteral("open"),
                        QKeySequence::Open, [this] { openWorkspaceDialog(); });
    m_reloadAction = make("reloadWorkspace", tr("&Reload Workspace"), QStringLiteral("reload"),
                          QKeySequence(Qt::Key_F5), [this] { m_document->reload(); });
    m_builtInAction = make("useBuiltInWorkspace", tr("Use &This Computer"),
                           QStringLiteral("host-local"), {}, [this] { m_document->useBuiltIn(); });
    m_quitAction =
        make("quit", tr("&Quit"), {}, QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_addHostAction = make("addHost", tr("&Add Host…"), QStringLiteral("add"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] {
                               const QString id = m_tree->currentId();
                               addHost(id.section(u'/', 0, 0));
                           });
    m_editHostAction =
        make("editHost", tr("&Edit Host…"), QStringLiteral("edit"), QKeySequence(Qt::Key_F2),
             [this] { editHost(m_tree->currentHostName()); });
    m_settingsAction = make("settings", tr("&Settings…"), QStringLiteral("settings"),
                            QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { showSettings(); });
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_paletteAction = make("commandPalette", tr("&Command Palette…"), QStringLiteral("command"),
                           QKeySequence(Qt::CTRL | Qt::Key_K), [this] { openCommandPalette(); });
    m_readOnlyAction = make("toggleReadOnly", tr("&Read-Only Mode"), QStringLiteral("lock"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                            [this](bool checked) { m_readOnly->setEnabled(checked); });
    m_readOnlyAction->setCheckable(true);
    m_filterAction = make("filterWorkspace", tr("&Filter Workspace"), QStringLiteral("search"),
                          QKeySequence(Qt::CTRL | Qt::Key_L), [this] { m_tree->focusFilter(); });
    m_sidebarAction =
        make("toggleSidebar", tr("Show &Sidebar"), {}, QKeySequence(Qt::CTRL | Qt::Key_B),
             [this](bool checked) { m_splitter->widget(0)->setVisible(checked); });
    m_sidebarAction->setCheckable(true);
    m_sidebarAction->setChecked(true);
    m_fullScreenAction = make("toggleFullScreen", tr("&Full Screen"), {}, QKeySequence::FullScreen,
                              [this](bool checked) {
                                  setWindowState(checked ? windowState() | Qt::WindowFullScreen
                                                         : windowState() & ~Qt::WindowFullScreen);
                              });
    m_fullScreenAction->setCheckable(true);
    m_declareIncidentAction =
        make("declareIncident", tr("&Declare Incident…"), QStringLiteral("incident"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] {
                 showPage(IncidentsPageId);
                 m_incidents->startWizard();
             });
    m_openRunbookAction = make("openRunbook", tr("Open R&unbook…"), QStringLiteral("runbook"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
                                   showPage(RunbooksPageId);
                                   m_runbooks->openFileDialog();
                               });
    m_openLogAction = make("openLog", tr("Open &Log File…"), QStringLiteral("log"), {}, [this] {
        showPage(LogsPageId);
        m_logs->openFileDialog();
    });
    m_aboutAction =
        make("about", tr("&About OpsDeck"), QStringLiteral("about"), {}, [this] { showAbout(); });
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = make("aboutQt", tr("About &Qt"), {}, {}, [] { QApplication::aboutQt(); });
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_reloadAction);
    file->addAction(m_builtInAction);
    file->addSeparator();
    file->addAction(m_openRunbookAction);
    file->addAction(m_openLogAction);
    file->addAction(m_declareIncidentAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_addHostAction);
    edit->addAction(m_editHostAction);
    edit->addSeparator();
    edit->addAction(m_readOnlyAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_paletteAction);
    view->addAction(m_filterAction);
    view->addSeparator();
    QMenu *pages = view->addMenu(tr("&Go To Page"));
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction *go = pages->addAction(themedIcon(m_pages[i].icon), m_pages[i].title, this,
                                       [this, id = m_pages[i].id] { showPage(id); });
        if (i < 9)
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        go->setShortcutContext(Qt::WidgetShortcut); // the window-wide shortcut lives elsewhere
    }
    view->addSeparator();
    view->addAction(m_sidebarAction);
    view->addAction(m_fullScreenAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_reloadAction);
    toolBar->addSeparator();
    toolBar->addAction(m_paletteAction);
    toolBar->addAction(m_declareIncidentAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_readOnlyAction);
}

void MainWindow::createStatusBar()
{
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceStatus"));
    m_problemsButton->setObjectName(QStringLiteral("problemsStatus"));
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setToolTip(tr("Show the problems in the workspace file"));
    connect(m_problemsButton, &QToolButton::clicked, this, [this] { showPage(ProblemsPageId); });
    m_connectionsLabel->setObjectName(QStringLiteral("connectionsStatus"));
    m_readOnlyButton->setObjectName(QStringLiteral("readOnlyStatus"));
    m_readOnlyButton->setDefaultAction(m_readOnlyAction);
    m_readOnlyButton->setAutoRaise(true);
    m_readOnlyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addWidget(m_workspaceLabel);
    statusBar()->addWidget(m_problemsButton);
    m_secretsLabel->setObjectName(QStringLiteral("secretsStatus"));
    m_secretsLabel->setText(tr("Passwords in memory only"));
    m_secretsLabel->hide();
    statusBar()->addPermanentWidget(m_secretsLabel);
    statusBar()->addPermanentWidget(m_connectionsLabel);
    statusBar()->addPermanentWidget(m_readOnlyButton);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 740);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    const bool sidebar = settings.value(QStringLiteral("window/sidebar"), true).toBool();
    m_sidebarAction->setChecked(sidebar);
    m_splitter->widget(0)->setVisible(sidebar);
    showPage(settings.value(QStringLiteral("window/page"), DashboardPageId).toString());
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/sidebar"), m_sidebarAction->isChecked());
    settings.setValue(QStringLiteral("window/page"), currentPageId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::openWorkspaceDialog()
{
    const QString start = m_document->filePath().isEmpty()
                              ? QString()
                              : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), start, tr("Workspace files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::openWorkspace(const QString &path)
{
    m_recentFiles.add(path);
    rebuildRecentMenu();
    m_document->open(path);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles.files();
    for (int i = 0; i < files.size(); ++i) {
        const QString label = tr("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName());
        QAction *action =
            m_recentMenu->addAction(label, this, [this, path = files[i]] { openWorkspace(path); });
        action->setToolTip(files[i]);
        action->setStatusTip(files[i]);
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        m_recentFiles.clear();
        rebuildRecentMenu();
    });
}

void MainWindow::onWorkspaceChanged()
{
    const Workspace &workspace = m_document->workspace();
    m_hostRegistry->setWorkspace(workspace);
    m_model->setWorkspace(workspace);
    QStringList hostNames;
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            hostNames.append(host.name);
            m_model->setConnectionState(host.name, m_hostRegistry->state(host.name));
        }
    }
    m_console->setHosts(hostNames);
    m_audit->setHostNames(hostNames);
    if (m_monitor)
        m_monitor->setWorkspace(workspace);
    if (m_containerMonitor)
        m_containerMonitor->setWorkspace(workspace);
    if (m_databaseMonitor)
        m_databaseMonitor->setWorkspace(workspace);
    else
        m_health->setPlan(planChecks(workspace));
    m_backups->setWorkspace(workspace);
    m_overview->setWorkspace(workspace);
    m_dashboard->setWorkspace(workspace);
    m_overview->showItem(m_tree->currentId());
    m_runbooks->setWorkspace(workspace);
    m_incidentResponse->setWorkspace(workspace); // before the page, which shows its steps
    m_incidents->setWorkspace(workspace);
    m_logs->setWorkspace(workspace);
    setWindowTitle(workspace.name);
    updateWorkspaceStatus();
    updateConnectionSummary();
}

// The status bar's workspace label and the actions that depend on the file: cheap, and all a
// finished load or new diagnostics need when the workspace itself did not change.
void MainWindow::updateWorkspaceStatus()
{
    const Workspace &workspace = m_document->workspace();
    QString label = workspace.isBuiltIn() ? tr("Workspace: %1 (built in)").arg(workspace.name)
                                          : tr("Workspace: %1").arg(workspace.name);
    if (m_document->isShowingStaleWorkspace())
        label += u' ' + tr("(last good version)");
    m_workspaceLabel->setText(label);
    m_workspaceLabel->setToolTip(workspace.isBuiltIn() ? tr("This computer, without SSH")
                                                       : workspace.filePath);
    m_reloadAction->setEnabled(!m_document->filePath().isEmpty());
    m_builtInAction->setEnabled(!workspace.isBuiltIn() || !m_document->filePath().isEmpty());
}

void MainWindow::onDiagnosticsChanged()
{
    const Diagnostics &diagnostics = m_document->diagnostics();
    m_problems->setDiagnostics(diagnostics, m_document->isShowingStaleWorkspace());
    const qsizetype errors = countErrors(diagnostics);
    const qsizetype warnings = diagnostics.size() - errors;
    m_problemsButton->setVisible(!diagnostics.isEmpty());
    m_problemsButton->setIcon(
        themedIcon(errors > 0 ? QStringLiteral("error") : QStringLiteral("warning")));
    m_problemsButton->setText(tr("Errors: %1 · Warnings: %2").arg(errors).arg(warnings));
    QListWidgetItem *problemsItem = m_navigation->item(int(pageIds().indexOf(ProblemsPageId)));
    problemsItem->setText(diagnostics.isEmpty() ? tr("Problems")
                                                : tr("Problems (%1)").arg(diagnostics.size()));
    updateWorkspaceStatus();
}

void MainWindow::updateConnectionSummary()
{
    int local = 0, ready = 0, failed = 0, other = 0;
    const Workspace &workspace = m_document->workspace();
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            switch (m_model->connectionState(host.name)) {
            case ConnectionState::Local:
                ++local;
                break;
            case ConnectionState::Ready:
                ++ready;
                break;
            case ConnectionState::Failed:
                ++failed;
                break;
            default:
                ++other;
                break;
            }
        }
    }
    QStringList parts;
    if (local > 0)
        parts.append(tr("%1 local").arg(local));
    parts.append(tr("%1 connected").arg(ready));
    if (failed > 0)
        parts.append(tr("%1 failed").arg(failed));
    if (other > 0)
        parts.append(tr("%1 not connected").arg(other));
    m_connectionsLabel->setText(tr("Hosts: %1").arg(parts.join(QStringLiteral(" · "))));
}

void MainWindow::updateReadOnlyState(bool enabled)
{
    const QSignalBlocker blocker(m_readOnlyAction);
    m_readOnlyAction->setChecked(enabled);
    m_readOnlyAction->setIcon(
        themedIcon(enabled ? QStringLiteral("lock") : QStringLiteral("unlock")));
    // The label stays "Read-Only Mode" (with its accelerator); the icon and the checked state
    // show which way it is set, the tooltip says it in words.
    m_readOnlyAction->setToolTip(enabled ? tr("Read-only mode is on: nothing that changes a "
                                              "system or the workspace runs. Click to allow "
                                              "changes.")
                                         : tr("Read-only mode is off: changes are allowed. Click "
                                              "to block them."));
    m_addHostAction->setEnabled(!enabled);
    m_editHostAction->setEnabled(!enabled);
}

void MainWindow::openCommandPalette()
{
    QList<CommandPaletteModel::Entry> entries;
    for (int i = 0; i < m_pages.size(); ++i)
        entries.append({CommandPaletteModel::Kind::Page, m_pages[i].title,
                        i < 10 ? QStringLiteral("Ctrl+%1").arg((i + 1) % 10) : QString(),
                        m_pages[i].id, true});
    for (const Environment &environment : m_document->workspace().environments) {
        for (const Host &host : environment.hosts) {
            entries.append(
                {CommandPaletteModel::Kind::Host, host.name,
                 host.isLocal() ? environment.name : environment.name + u" · " + host.address,
                 environment.name + u'/' + host.name, true});
        }
    }
    const QList<QAction *> actions = {
        m_openAction,       m_openLogAction,  m_reloadAction, m_builtInAction,  m_addHostAction,
        m_editHostAction,   m_readOnlyAction, m_filterAction, m_settingsAction, m_sidebarAction,
        m_fullScreenAction, m_aboutAction,    m_quitAction};
    for (QAction *action : actions) {
        QString title = action->text().remove(u'&');
        if (title.endsWith(u'…'))
            title.chop(1);
        if (action == m_readOnlyAction)
            title = m_readOnly->isEnabled() ? tr("Turn Off Read-Only Mode")
                                            : tr("Turn On Read-Only Mode");
        entries.append({CommandPaletteModel::Kind::Action, title,
                        action->shortcut().toString(QKeySequence::NativeText), action->objectName(),
                        action->isEnabled()});
    }
    m_palette->open(entries);
}

void MainWindow::editHost(const QString &hostName)
{
    if (const QString refusal = m_readOnly->refusal(Risk::Change); !refusal.isEmpty())
        return showError(tr("Edit Host"), refusal);
    const Workspace &workspace = m_document->workspace();
    const Host *host = nullptr;
    bool imported = false;
    QStringList hostNames;
    for (const Environment &environment : workspace.environments) {
        for (const Host &candidate : environment.hosts) {
            hostNames.append(candidate.name);
            if (candidate.name == hostName) {
                host = &candidate;
                imported = environment.imported;
            }
        }
    }
    if (!host)
        return showError(tr("Edit Host"), tr("Select a host in the workspace tree first."));
    if (imported)
        return showError(tr("Edit Host"),
                         tr("%1 comes from ~/.ssh/config; edit it there.").arg(hostName));
    auto *dialog = new HostEditDialog(host, hostNames, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HostEditDialog::saveRequested, this, [this, dialog, hostName] {
        const auto changes = dialog->changes();
        if (changes.isEmpty())
            return dialog->finishSaving({});
        if (const QString refusal = m_readOnly->refusal(Risk::Change); !refusal.isEmpty())
            return dialog->finishSaving(refusal);
        // Where the host is now: the file may have been reloaded while the dialog was open.
        const Workspace &current = m_document->workspace();
        int environmentIndex = -1, hostIndex = -1;
        for (int e = 0; e < current.environments.size() && environmentIndex < 0; ++e) {
            const QList<Host> &hosts = current.environments[e].hosts;
            for (int h = 0; h < hosts.size(); ++h) {
                if (hosts[h].name == hostName && !current.environments[e].imported) {
                    environmentIndex = e;
                    hostIndex = h;
                    break;
                }
            }
        }
        if (environmentIndex < 0)
            return dialog->finishSaving(tr("%1 is no longer in the workspace.").arg(hostName));
        // Runs on a worker thread: everything it needs is copied in.
        const auto edit = [changes, environmentIndex, hostIndex](const QByteArray &text) {
            YamlTextEdit::Result result{text, {}};
            for (const auto &[key, value] : changes) {
                result = YamlTextEdit::setValue(result.text,
                                                {QStringLiteral("environments"), environmentIndex,
                                                 QStringLiteral("hosts"), hostIndex, key},
                                                value);
                if (!result.ok())
                    break;
            }
            return result;
        };
        m_document->applyEdit(edit, dialog,
                              [dialog](const QString &error) { dialog->finishSaving(error); });
    });
    dialog->open();
}

void MainWindow::addHost(const QString &environmentName)
{
    if (const QString refusal = m_readOnly->refusal(Risk::Change); !refusal.isEmpty())
        return showError(tr("Add Host"), refusal);
    const Workspace &workspace = m_document->workspace();
    int environmentIndex = -1;
    QStringList hostNames;
    for (int e = 0; e < workspace.environments.size(); ++e) {
        if (workspace.environments[e].name == environmentName)
            environmentIndex = e;
        for (const Host &host : workspace.environments[e].hosts)
            hostNames.append(host.name);
    }
    if (environmentIndex < 0 && workspace.environments.size() == 1)
        environmentIndex = 0;
    if (environmentIndex < 0 || workspace.environments[environmentIndex].imported)
        return showError(tr("Add Host"),
                         tr("In the workspace tree, select the environment for the new host."));
    const QString environment = workspace.environments[environmentIndex].name;
    auto *dialog = new HostEditDialog(nullptr, hostNames, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HostEditDialog::saveRequested, this, [this, dialog, environment] {
        if (const QString refusal = m_readOnly->refusal(Risk::Change); !refusal.isEmpty())
            return dialog->finishSaving(refusal);
        // Where the environment is now: the file may have been reloaded meanwhile.
        const Workspace &current = m_document->workspace();
        int index = -1;
        for (int e = 0; e < current.environments.size() && index < 0; ++e) {
            if (current.environments[e].name == environment && !current.environments[e].imported)
                index = e;
        }
        if (index < 0)
            return dialog->finishSaving(
                tr("The environment %1 is no longer in the workspace.").arg(environment));
        const auto entries = dialog->changes();
        // Runs on a worker thread: everything it needs is copied in.
        const auto edit = [entries, index](const QByteArray &text) {
            return YamlTextEdit::appendMapping(
                text, {QStringLiteral("environments"), index, QStringLiteral("hosts")}, entries);
        };
        const QString newHostId = environment + u'/' + entries.constFirst().second;
        m_document->applyEdit(edit, dialog, [this, dialog, newHostId](const QString &error) {
            if (error.isEmpty())
                m_tree->selectId(newHostId);
            dialog->finishSaving(error);
        });
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About OpsDeck"),
        tr("<h3>OpsDeck %1</h3>"
           "<p>The operations console: your runbooks, hosts, containers, logs, databases and "
           "backups in one desktop application.</p>"
           "<p>Built with %2.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion(),
                 componentVersions().join(QStringLiteral(", ")).toHtmlEscaped()));
}

void MainWindow::askHostKey(SshExecutor *executor, const HostKeyQuestion &question)
{
    auto *dialog = new HostKeyDialog(question, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<SshExecutor> target(executor);
    connect(dialog, &QDialog::finished, this, [dialog, target] {
        if (target)
            target->answerHostKey(dialog->answer());
    });
    dialog->open();
}

void MainWindow::askCredential(SshExecutor *executor, const QString &, int kind,
                               const QString &what, const QString &keychainEntry,
                               const QString &secretAddress)
{
    const auto credential = SshExecutor::Credential(kind);
    auto *dialog =
        new CredentialDialog(credential, what, keychainEntry, m_credentials->isMemoryOnly(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<SshExecutor> target(executor);
    connect(dialog, &QDialog::finished, this,
            [this, dialog, target, credential, keychainEntry, secretAddress](int result) {
                const QString secret = result == QDialog::Accepted ? dialog->secret() : QString();
                if (target)
                    target->provideCredential(credential, secret);
                if (!secret.isEmpty() && dialog->remember())
                    m_credentials->write(keychainEntry, secret, secretAddress);
            });
    dialog->open();
}

void MainWindow::askSecretAddress(quint64 requestId, const QString &entry,
                                  const QString &boundAddress, const QString &address)
{
    auto *dialog = new SecretAddressDialog(entry, boundAddress, address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, requestId](int result) {
        m_credentials->answerAddressQuestion(requestId, result == QDialog::Accepted);
    });
    dialog->open();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

} // namespace OpsDeck
