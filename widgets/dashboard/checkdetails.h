// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QPointer>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QUrl;

namespace OpsDeck {

class CheckHistoryTableModel;
class HealthBoardModel;

// One check in detail: its verdict and summary, a chart of its values over a chosen time range
// (rubber-band zoom, reset) and its last results in a table. From a red check, the runbook the
// workspace names for it and "declare incident" with the check's evidence.
class CheckDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckDetails)

public:
    explicit CheckDetails(HealthBoardModel *model, QWidget *parent = nullptr);
    ~CheckDetails() override;

    // Shows the check with this id (empty: nothing chosen).
    void showCheck(const QString &checkId);
    QString checkId() const { return m_checkId; }
    // The chart's time range in minutes (15, 60, 360 or 1440).
    void setRangeMinutes(int minutes);
    int rangeMinutes() const;

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_chartView; }
    QTableView *table() const { return m_table; }
    CheckHistoryTableModel *historyModel() const { return m_history; }
    QSplitter *splitter() const { return m_splitter; }
    QPushButton *runbookButton() const { return m_runbookButton; }
    QPushButton *incidentButton() const { return m_incidentButton; }
    QPushButton *alertsButton() const { return m_alertsButton; }
    // The Alertmanager of the shown check's environment (its alerts check's URL), or empty.
    QUrl alertmanagerUrl() const;

Q_SIGNALS:
    void openRunbookRequested(const QString &runbook);
    // title names the incident; evidence is the check's verdict, summary, values and time.
    void declareIncidentRequested(const QString &title, const QString &evidence);
    // "Alerts and Silences…": the Alertmanager at url, with its alerts and silences.
    void alertsRequested(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyChartColours();
    void reload();
    void fillChart();
    QString evidence() const;

    QPointer<HealthBoardModel> m_model;
    QString m_checkId;
    CheckHistoryTableModel *m_history;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_error;
    QLabel *m_alerts; // the Alertmanager alerts about this check
    QPushButton *m_runbookButton;
    QPushButton *m_incidentButton;
    QPushButton *m_alertsButton;
    QComboBox *m_range;
    QPushButton *m_resetZoom;
    QChart *m_chart;
    QChartView *m_chartView;
    QTableView *m_table;
    QSplitter *m_splitter;
    QWidget *m_content;
    QLabel *m_empty;
};

// The evidence text of a check's result for the incident timeline: title, verdict, time,
// summary, error and each value with its thresholds.
QString checkEvidence(const QString &title, const CheckResult &result);

} // namespace OpsDeck
