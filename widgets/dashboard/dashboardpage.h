// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"
#include "widgets/dashboard/alertsdialog.h"
#include "widgets/dashboard/hostcard.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QToolBar;

namespace OpsDeck {

class ActionGate;
class CheckDetails;
class CheckScheduler;
class DashboardGrid;
class HealthBoardModel;
class MetricsCharts;
struct Workspace;

// The first page: how many checks are OK, warning, critical or unknown, then every check of
// the workspace as a tile grouped by environment and category (hosts as cards with
// sparklines), and the chosen check's details beside them; or, switched to Metrics, the
// environment's key metrics from its Prometheus.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    // scheduler runs the checks (Refresh now, Pause); null: the page only shows the board.
    DashboardPage(HealthBoardModel *board, CheckScheduler *scheduler, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // A host poll's network rates for its card (results do not carry them).
    void addHostSample(const QString &checkId, const HostMetrics &metrics);
    // The gate silences go through (none: the alerts dialog only shows them).
    void setActionGate(ActionGate *gate) { m_gate = gate; }
    // Opens (or raises) the alerts and silences of the Alertmanager at url.
    AlertsDialog *openAlerts(const QUrl &url);
    AlertsDialog *alertsDialog() const { return m_alertsDialog; }
    // Opens the details of checkId and makes its tile current.
    void openDetails(const QString &checkId);

    DashboardGrid *grid() const { return m_grid; }
    CheckDetails *details() const { return m_details; }
    MetricsCharts *metrics() const { return m_metrics; }
    // Metrics instead of the checks (the switch at the summary strip's end).
    void showMetrics(bool show);
    bool metricsShown() const;
    // Each environment's Prometheus for the metrics tab.
    void setWorkspace(const Workspace &workspace);
    QAction *action(const QString &objectName) const;
    // The count shown on the summary strip for verdict.
    int shownCount(Verdict verdict) const;
    QString environment() const;
    void setEnvironment(const QString &environment);
    void setFilterText(const QString &text);
    void setOnlyProblems(bool only);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void morningCheckRequested(const QString &environment);
    void openRunbookRequested(const QString &runbook);
    void declareIncidentRequested(const QString &title, const QString &evidence);

private:
    void updateSummary();
    void updateEnvironments();
    void applyFilter();
    void updatePauseAction(bool paused);

    QPointer<HealthBoardModel> m_board;
    QPointer<CheckScheduler> m_scheduler;
    QToolBar *m_toolBar;
    QAction *m_refresh;
    QAction *m_pause;
    QAction *m_morningCheck;
    QComboBox *m_environment;
    QLineEdit *m_filter;
    QCheckBox *m_onlyProblems;
    struct SummaryItem {
        Verdict verdict;
        QLabel *icon;
        QLabel *label;
        int count = 0;
    };
    QList<SummaryItem> m_summary;
    QStackedWidget *m_views;
    QToolButton *m_checksView;
    QToolButton *m_metricsView;
    QSplitter *m_splitter;
    DashboardGrid *m_grid;
    CheckDetails *m_details;
    MetricsCharts *m_metrics;
    QHash<QString, QList<NetworkSample>> m_network;
    QTimer m_ages; // tiles say how old their result is: repaint them now and then
    QString m_savedEnvironment;
    ActionGate *m_gate = nullptr;
    QPointer<AlertsDialog> m_alertsDialog;
};

} // namespace OpsDeck
