// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/workspace/workspace.h"
#include "widgets/incidents/incidentwizard.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace OpsDeck {

class CommunicationPanel;
class EscalationReminders;
class IncidentReportPanel;
class IncidentResponse;
class IncidentSession;
class IncidentTimelinePanel;
class RunbookSession;
class RunbookView;

// The incident being handled: severity, status and the clock since declaration on top; the
// runbook, the timeline, communication and the report in tabs; the earlier incidents when none
// is open. It shows what the IncidentResponse records (the page writes no evidence itself) and
// passes its escalation reminders on as notifications.
class IncidentPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentPage)

public:
    explicit IncidentPage(IncidentResponse *response, QWidget *parent = nullptr);
    ~IncidentPage() override;

    // For the communication templates and the wizard. Give the response the workspace first:
    // the runbook tab shows the hosts its session got.
    void setWorkspace(const Workspace &workspace);
    // Opens the wizard (non-modal); runbookPath preselects a runbook.
    IncidentWizard *startWizard(const QString &runbookPath = {});

    IncidentResponse *response() const { return m_response; }
    IncidentWizard *wizard() const { return m_wizard; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // Something the commander must see now (an escalation falling due): the window shows it.
    void notification(const QString &text);
    // The incident shown changed (declared, resumed, closed): for the window title and status.
    void incidentChanged();

private:
    QWidget *createEmptyState();
    QWidget *createIncidentView();
    void updateHeader();
    void updateClock();
    void refreshHistory();
    void showHistory(const QList<Incident> &incidents);
    void showNotice(const QString &text);

    IncidentResponse *m_response;
    IncidentSession *m_incident;
    RunbookSession *m_runbook;
    EscalationReminders *m_reminders;
    Workspace m_workspace;
    QPointer<IncidentWizard> m_wizard;
    quint64 m_lastHistoryQuery = 0; // the newest query's number; only its answer is shown
    bool m_updatingHeader = false;

    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_titleLabel = nullptr;
    QComboBox *m_severityCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QLabel *m_clock = nullptr;
    QPushButton *m_backButton = nullptr;
    QLabel *m_escalationLabel = nullptr;
    QLabel *m_notice = nullptr;
    QTimer *m_clockTimer = nullptr;
    QTabWidget *m_tabs = nullptr;
    RunbookView *m_runbookView = nullptr;
    IncidentTimelinePanel *m_timeline = nullptr;
    CommunicationPanel *m_communication = nullptr;
    IncidentReportPanel *m_report = nullptr;
};

} // namespace OpsDeck
