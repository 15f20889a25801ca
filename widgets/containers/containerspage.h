// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containeractions.h"
#include "models/containers/containerrow.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTextBrowser;
class QToolBar;
class QTreeView;

namespace OpsDeck {

class CommandRunner;
class ContainerDetails;
class ContainerFilterModel;
class ContainerGroupModel;
class ContainerListModel;
class ContainerMonitor;
class ContainerSourcesModel;
class Executor;
class IncidentResponse;
class ReadOnlyMode;
struct ContainerDetailTable;

// The Containers page: every container and pod of the workspace in one list. Left, the sources
// (host, then runtime or Kubernetes context, each with its state); on top, the filter, the
// condition, a label selector and the grouping; in the middle the list; below it the selected
// row's details (overview, inspect, events, environment, mounts, ports, resources). Actions run
// through the CommandRunner after the confirmation their risk wants; read-only mode is the
// runner's to enforce, and its refusal is shown in the status line.
class ContainersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainersPage)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;
    struct Services {
        ContainerMonitor *monitor = nullptr; // null: list (or an empty one) without polling
        ContainerListModel *list = nullptr;  // null: the monitor's
        CommandRunner *runner = nullptr;
        ExecutorLookup executors;
        ReadOnlyMode *readOnly = nullptr;
        IncidentResponse *incidents = nullptr; // runs go on the active incident's timeline
    };

    explicit ContainersPage(const Services &services, QWidget *parent = nullptr);
    ~ContainersPage() override;

    ContainerListModel *listModel() const { return m_list; }
    ContainerFilterModel *filterModel() const { return m_filter; }
    ContainerGroupModel *groupModel() const { return m_groups; }
    ContainerSourcesModel *sourcesModel() const { return m_sources; }
    ContainerDetails *details() const { return m_details; }
    QTreeView *listView() const { return m_view; }
    QTreeView *sourcesView() const { return m_sourcesView; }
    QTabWidget *detailTabs() const { return m_tabs; }
    QLineEdit *filterInput() const { return m_filterInput; }
    QComboBox *conditionBox() const { return m_condition; }
    QLineEdit *selectorInput() const { return m_selector; }
    QLabel *selectorError() const { return m_selectorError; }
    QComboBox *groupBox() const { return m_groupBy; }
    QLabel *statusLine() const { return m_status; }
    QAction *action(ContainerActionKind kind) const { return m_actions.value(int(kind)); }
    QAction *execAction() const { return m_exec; }
    QAction *describeAction() const { return m_describeAction; }
    QPlainTextEdit *describeView() const { return m_describe; }

    // The selected row (not a group, not a source's error), if any.
    std::optional<ContainerRow> currentRow() const;
    bool selectKey(const QString &key);
    // The actions the context menu offers for the current row.
    QList<QAction *> menuActions() const;
    // Runs kind on the current row: asks first when its risk wants it, then the runner decides.
    void runAction(ContainerActionKind kind);
    void copySelection() const;
    void refresh();

    // Shows the Describe tab and reads `kubectl describe pod` for the current pod again.
    void describeCurrent();
    // The sources tree's menu for the host or cluster node at index: Watch Context ▸ with the
    // host's kubeconfig contexts that are not polled, Stop Watching ▸ with those added here.
    QMenu *createSourceMenu(const QModelIndex &index, QWidget *parent);
    // Kubernetes contexts watched on host from this page, besides its workspace kube-contexts.
    // Kept per host in QSettings (the workspace file is not rewritten) and handed to the
    // monitor, which restarts the host's poller.
    QStringList watchedContexts(const QString &host) const;
    void setContextWatched(const QString &host, const QString &context, bool watched);

Q_SIGNALS:
    // Follow a container's log in the Logs page.
    void openLog(const OpsDeck::LiveLogSpec &spec, const QString &title,
                 const QString &description);
    // The Run Command console on host, with commandLine typed in.
    void openExec(const QString &host, const QString &commandLine);
    void message(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    QWidget *createTopBar();
    QWidget *createDetails();
    void restoreState();
    void saveState() const;
    void onCurrentChanged();
    void updateActions();
    void updateOverview();
    void updateDetails();
    void applyGroupSpans();
    void onSourceSelected();
    void askReplicas(const ContainerRow &row);
    void confirmAndRun(const ContainerRow &row, ContainerActionKind kind,
                       const ContainerActionInput &input);
    void startRun(const ContainerRow &row, ContainerActionKind kind, CommandRequest request);
    void openExecFor(const ContainerRow &row);
    void emitExec(const ContainerRow &row, const QString &kubeContainer);
    void loadDescribeIfShown();
    void updateDescribe();
    QStringList unpolledContexts(const QString &host) const;
    ContainerSettings settingsFor(const QString &host) const;
    int currentReplicas(const ContainerRow &row) const;
    static void fillTable(QTableWidget *table, const ContainerDetailTable &data);

    ContainerMonitor *m_monitor;
    ContainerListModel *m_list;
    CommandRunner *m_runner;
    ExecutorLookup m_executors;
    ReadOnlyMode *m_readOnly;
    IncidentResponse *m_incidents;
    ContainerFilterModel *m_filter;
    ContainerGroupModel *m_groups;
    ContainerSourcesModel *m_sources;
    ContainerDetails *m_details;
    QString m_detailsKey;    // the row whose details are loaded
    QString m_describedKey;  // the row whose describe text is shown
    QStringList m_collapsed; // groups the operator closed

    QToolBar *m_toolBar;
    QLineEdit *m_filterInput;
    QComboBox *m_condition;
    QLineEdit *m_selector;
    QLabel *m_selectorError;
    QComboBox *m_groupBy;
    QSplitter *m_splitter;
    QSplitter *m_centre;
    QTreeView *m_sourcesView;
    QTreeView *m_view;
    QTabWidget *m_tabs;
    QTextBrowser *m_overview;
    QPlainTextEdit *m_inspect;
    QTableWidget *m_events;
    QTableWidget *m_environment;
    QTableWidget *m_mounts;
    QTableWidget *m_ports;
    QTableWidget *m_resources;
    QWidget *m_describePane;
    QPlainTextEdit *m_describe;
    QLabel *m_describeState;
    QPushButton *m_describeRefresh;
    QLabel *m_detailsState;
    QLabel *m_status;
    QHash<int, QAction *> m_actions;
    QAction *m_exec = nullptr;
    QAction *m_describeAction = nullptr;
    // The container last chosen for exec, per pod key, for this session.
    QHash<QString, QString> m_execContainers;
    QAction *m_copy = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_find = nullptr;
};

} // namespace OpsDeck
