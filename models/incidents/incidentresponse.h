// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/runbooks/runbookparser.h"
#include "models/workspace/workspace.h"

#include <QObject>

#include <functional>

namespace OpsDeck {

class CommandRunner;
class EscalationReminders;
class Executor;
class IncidentSession;
class IncidentStore;
class RunbookLibrary;
class RunbookSession;
struct RunbookStepId;
struct StepRun;

// Responding to an incident: the incident being handled (an IncidentSession), the runbook
// session that follows it and its escalation reminders, tied together so that the evidence
// trail writes itself, with or without a window.
//
// While the incident is active (declared or resumed, not closed), its timeline gets
//  - every step that ran in the runbook session: host, command, exit, duration and output;
//  - the notes written beside a step, once committed, and each manual check ticked done;
//  - each escalation step that falls due, once (escalationDue() says whom to notify now).
// Nothing is recorded without an active incident. The runbook session carries the incident's
// id to the audit log, and a resumed incident gets back the runbook it was following: from the
// library once it has been read, or from its file, read in the background.
//
// Built once by the composition root, for the desktop and the command line alike.
class IncidentResponse final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentResponse)

public:
    using ExecutorProvider = std::function<Executor *(const QString &hostName)>;

    IncidentResponse(IncidentStore *store, CommandRunner *runner, ExecutorProvider executors,
                     RunbookLibrary *library, QObject *parent = nullptr);
    ~IncidentResponse() override;

    IncidentStore *store() const { return m_store; }
    RunbookLibrary *library() const { return m_library; }
    IncidentSession *incident() const { return m_incident; }
    RunbookSession *runbookSession() const { return m_runbook; }
    EscalationReminders *reminders() const { return m_reminders; }

    // The hosts and databases the runbook's steps run on; the escalation matrix and contacts.
    void setWorkspace(const Workspace &workspace);

    // Declares incident (see IncidentSession::declare()) and follows its runbook: the library's
    // entry incident.runbook names, or none, so a previous incident's steps do not linger.
    bool declare(const Incident &incident, const QString &firstNote = {});
    // Resumes the newest open incident in the store, the one that was open when OpsDeck last
    // stopped; nothing when there is none, or when an incident is shown or opening by then.
    void resumeOpenIncident();

Q_SIGNALS:
    // An escalation step fell due and is being recorded on the timeline; message says whom to
    // notify now. Once per step and incident.
    void escalationDue(const QString &message);
    // The runbook a resumed incident was following cannot be read; message says why.
    void runbookUnavailable(const QString &message);

private:
    void onIncidentChanged();
    void onStepFinished(const StepRun &run);
    void onNotesCommitted(RunbookStepId step, const QString &notes);
    void onMarkedDone(RunbookStepId step, bool done);
    void onReminderDue(const EscalationStep &step, const QString &who);
    // Gives the runbook session the incident's runbook when it holds another one.
    void restoreRunbook();
    void onRunbookRead(const QString &path, const Runbook &runbook);

    IncidentStore *m_store;
    RunbookLibrary *m_library;
    IncidentSession *m_incident;
    RunbookSession *m_runbook;
    EscalationReminders *m_reminders;
    // The incident whose runbook was last restored (or tried): each comes back once, not on
    // every line of its timeline.
    qint64 m_restoredIncident = 0;
    QString m_restoredPath;
    QString m_runbookToRestore; // waiting for the library's scan or the file's reading
    QString m_runbookBeingRead; // a file read on its way
};

} // namespace OpsDeck
