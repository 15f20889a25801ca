// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databasesession.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QToolBar;
class QTreeView;
class QTreeWidget;
class QValueAxis;

namespace OpsDeck {

class ActivityFilter;
class DatabaseTableFilter;
class SqlHighlighter;
class ReadOnlyMode;

// The Databases page: the workspace's PostgreSQL databases on the left (by environment, with
// their connection state), the DBA views of the chosen one in tabs (Overview, Activity, Locks,
// Long-running, Slow queries, Tables, Replication), refreshed by its session every interval
// while the page is shown. Actions (cancel, terminate, terminate idle, VACUUM, reset
// statistics) are confirmed here as their risk wants and run through the session's safety
// gate, which refuses them in read-only mode; the outcome goes to the status line and message().
class DatabasesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabasesPage)

public:
    enum class Tab { Overview, Activity, Locks, LongRunning, Statements, Tables, Replication };
    enum class Action { Cancel, Terminate, TerminateIdle, Vacuum, ResetStatements };

    // readOnly may be null; when it refuses changes, actions skip the question and go straight
    // to the gate, which refuses them and says why.
    DatabasesPage(DatabaseMonitor *monitor, ReadOnlyMode *readOnly, QWidget *parent = nullptr);
    ~DatabasesPage() override;

    // The database shown, or null.
    DatabaseSession *session() const { return m_session; }
    bool selectDatabase(const QString &name);
    void showTab(Tab tab);
    Tab currentTab() const;

    QTreeWidget *databaseList() const { return m_databases; }
    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *view(Tab tab) const;
    QTreeView *databaseStatsView() const { return m_statsView; }
    QTreeView *indexesView() const { return m_indexesView; }
    QTreeView *slotsView() const { return m_slotsView; }
    ActivityFilter *activityFilter() const { return m_activityFilter; }
    ActivityFilter *longRunningFilter() const { return m_longRunningFilter; }
    DatabaseTableFilter *locksFilter() const { return m_locksFilter; }
    DatabaseTableFilter *statementsFilter() const { return m_statementsFilter; }
    QLineEdit *filterInput() const { return m_filterInput; }
    QComboBox *intervalBox() const { return m_interval; }
    QCheckBox *hideIdleBox() const { return m_hideIdle; }
    QSpinBox *minimumDurationBox() const { return m_minimumDuration; }
    QLabel *stateBanner() const { return m_stateBanner; }
    QLabel *hintBanner() const { return m_hintBanner; }
    QLabel *locksEmptyLabel() const { return m_locksEmpty; }
    QLabel *statementsUnavailableLabel() const { return m_statementsUnavailable; }
    QLabel *archiverLabel() const { return m_archiver; }
    QLabel *figuresLabel(const QString &name) const { return m_figures.value(name); }
    QPlainTextEdit *queryDetails() const { return m_details; }
    QChartView *connectionsChart() const { return m_connectionsView; }
    QChartView *transactionsChart() const { return m_transactionsView; }
    QLabel *statusLine() const { return m_status; }
    QAction *pauseAction() const { return m_pause; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *action(Action kind) const { return m_actions.value(int(kind)); }

    // The pid of the current row of the current tab (Activity, Locks, Long-running), or 0.
    int currentPid() const;
    // Runs kind on the current row after asking as its risk wants (the gate decides).
    void runAction(Action kind);
    void copySelection() const;

Q_SIGNALS:
    void message(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    QToolBar *createToolBar();
    QWidget *createOverviewTab();
    QWidget *createActivityTab();
    QWidget *createLocksTab();
    QWidget *createLongRunningTab();
    QWidget *createStatementsTab();
    QWidget *createTablesTab();
    QWidget *createReplicationTab();
    QTreeView *newTable(const QString &objectName, const QString &accessibleName);
    void rebuildDatabaseList();
    void onDatabaseSelected();
    void setSession(DatabaseSession *session);
    void updateDatabaseStates();
    void updateBanners();
    void updateOverview();
    void updateCharts();
    void updateStatements();
    void updateReplication();
    void updateLocksState();
    void updateDetails();
    void updateActions();
    void onRefreshed(DatabaseView view);
    void restoreState();
    void saveState() const;
    QTreeView *currentView() const;
    QList<QTreeView *> tableViews() const;
    DatabaseTableFilter *filterOf(QTreeView *view) const;
    void askPassword(DatabaseSession *session, const QString &entry);
    void confirmPidAction(Action kind, int pid);
    void askIdleMinutes();
    void confirmIdle(int minutes, const QList<ActivityRow> &rows);
    void confirmVacuum();
    void confirmReset();
    void report(const QString &what, const QString &error);

    QPointer<DatabaseMonitor> m_monitor;
    QPointer<DatabaseSession> m_session;
    QString m_sessionName; // of m_session, kept when a new workspace deletes it
    ReadOnlyMode *m_readOnly;
    QHash<QString, bool> m_askingPassword; // per database: a dialog is open

    QTreeWidget *m_databases;
    QToolBar *m_toolBar;
    QComboBox *m_interval;
    QLineEdit *m_filterInput;
    QLabel *m_stateBanner;
    QLabel *m_hintBanner;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    QSplitter *m_detailsSplitter;
    QPlainTextEdit *m_details;
    SqlHighlighter *m_highlighter = nullptr;
    QLabel *m_status;

    // Overview
    QHash<QString, QLabel *> m_figures;
    QTreeView *m_statsView;
    QTreeView *m_ioView; // pg_stat_io, shown where the server has it (16+)
    QChart *m_connectionsChart;
    QChartView *m_connectionsView;
    QDateTimeAxis *m_connectionsTime = nullptr;
    QValueAxis *m_connectionsValues = nullptr;
    QChart *m_transactionsChart;
    QChartView *m_transactionsView;
    QDateTimeAxis *m_transactionsTime = nullptr;
    QValueAxis *m_transactionsValues = nullptr;
    QList<QObject *> m_mappers;

    // Activity, Locks, Long-running
    ActivityFilter *m_activityFilter;
    ActivityFilter *m_longRunningFilter;
    DatabaseTableFilter *m_locksFilter;
    QTreeView *m_activityView;
    QTreeView *m_locksView;
    int m_locksSelectedPid = 0; // kept across a reset of the lock tree
    QTreeView *m_longRunningView;
    QCheckBox *m_hideIdle;
    QSpinBox *m_minimumDuration;
    QLabel *m_locksEmpty;
    QLabel *m_longRunningNote;

    // Slow queries
    DatabaseTableFilter *m_statementsFilter;
    QTreeView *m_statementsView;
    QLabel *m_statementsUnavailable;

    // Tables
    DatabaseTableFilter *m_tablesFilter;
    DatabaseTableFilter *m_indexesFilter;
    QTreeView *m_tablesView;
    QTreeView *m_indexesView;

    // Replication
    DatabaseTableFilter *m_replicasFilter;
    DatabaseTableFilter *m_slotsFilter;
    DatabaseTableFilter *m_statsFilter;
    DatabaseTableFilter *m_ioFilter;
    QTreeView *m_replicasView;
    QTreeView *m_slotsView;
    QLabel *m_archiver;
    QLabel *m_replicasTitle = nullptr;

    QHash<int, QAction *> m_actions;
    QAction *m_pause = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_find = nullptr;
    bool m_shown = false;
};

} // namespace OpsDeck
