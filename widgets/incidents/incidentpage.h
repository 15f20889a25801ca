// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbookparser.h"
#include "models/workspace/workspace.h"
#include "widgets/incidents/incidentwizard.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace OpsDeck {

class CommandRunner;
class CommunicationPanel;
class EscalationReminders;
class IncidentReportPanel;
class IncidentSession;
class IncidentStore;
class IncidentTimelinePanel;
class RunbookLibrary;
class RunbookSession;
class RunbookView;

// The incident being handled: severity, status and the clock since declaration on top; the
// runbook, the timeline, communication and the report in tabs. It owns the incident and the
// runbook sessions, records every step run on the timeline, reminds of escalations when they
// fall due, and on start resumes the incident that was open when OpsDeck last stopped.
class IncidentPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentPage)

public:
    using ExecutorProvider = std::function<class Executor *(const QString &hostName)>;

    IncidentPage(IncidentStore *store, CommandRunner *runner, ExecutorProvider executors,
                 RunbookLibrary *library, QWidget *parent = nullptr);
    ~IncidentPage() override;

    void setWorkspace(const Workspace &workspace);
    // Looks for an open incident in the state store and resumes the newest.
    void resumeOpenIncident();
    // Opens the wizard (non-modal); runbookPath preselects a runbook.
    IncidentWizard *startWizard(const QString &runbookPath = {});

    IncidentSession *incident() const { return m_incident; }
    RunbookSession *runbookSession() const { return m_runbook; }
    EscalationReminders *reminders() const { return m_reminders; }
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
    void onReminderDue(const EscalationStep &step, const QString &who);
    void restoreRunbook(const QString &path);

    IncidentStore *m_store;
    IncidentSession *m_incident;
    RunbookSession *m_runbook;
    EscalationReminders *m_reminders;
    RunbookLibrary *m_library;
    Workspace m_workspace;
    QPointer<IncidentWizard> m_wizard;
    QFutureWatcher<Runbook> m_runbookLoad;
    QString m_runbookToRestore;     // waiting for the library's scan or the file's reading
    bool m_resumeOpen = false;      // the next history answer also resumes the newest open incident
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
