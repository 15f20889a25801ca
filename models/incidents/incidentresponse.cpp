// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentresponse.h"

#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"

namespace OpsDeck {

IncidentResponse::IncidentResponse(IncidentStore *store, CommandRunner *runner,
                                   ExecutorProvider executors, RunbookLibrary *library,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_library(library)
    , m_incident(new IncidentSession(store, this))
    , m_runbook(new RunbookSession(runner, std::move(executors), this))
    , m_reminders(new EscalationReminders(this))
{
    Q_ASSERT(library);
    connect(m_incident, &IncidentSession::changed, this, &IncidentResponse::onIncidentChanged);
    connect(m_runbook, &RunbookSession::stepFinished, this,
            [this](RunbookStepId, const StepRun &run) { onStepFinished(run); });
    connect(m_runbook, &RunbookSession::notesCommitted, this, &IncidentResponse::onNotesCommitted);
    connect(m_runbook, &RunbookSession::markedDone, this, &IncidentResponse::onMarkedDone);
    connect(m_reminders, &EscalationReminders::reminderDue, this, &IncidentResponse::onReminderDue);
    connect(m_library, &RunbookLibrary::scanned, this, [this] {
        if (!m_runbookToRestore.isEmpty())
            restoreRunbook();
    });
}

IncidentResponse::~IncidentResponse() = default;

void IncidentResponse::setWorkspace(const Workspace &workspace)
{
    m_runbook->setWorkspace(workspace);
    m_reminders->setSchedule(EscalationSchedule(workspace.escalation, workspace.contacts));
}

bool IncidentResponse::declare(const Incident &incident, const QString &firstNote)
{
    if (!m_incident->declare(incident, firstNote))
        return false;
    const int row = m_library->rowOfPath(incident.runbook);
    m_runbook->setRunbook(row >= 0 ? m_library->entries().at(row).runbook : Runbook(),
                          row >= 0 ? incident.runbook : QString());
    return true;
}

void IncidentResponse::resumeOpenIncident()
{
    m_store->query(true, this, [this](const StoreResult<QList<Incident>> &open) {
        // A store that cannot be read is reported where it is opened: nothing to resume then.
        if (!open || open->isEmpty() || m_incident->hasIncident() || m_incident->isOpening())
            return;
        m_incident->resume(open->constFirst().id); // newest first
    });
}

void IncidentResponse::onIncidentChanged()
{
    if (m_incident->hasIncident()) {
        m_runbook->setIncidentId(m_incident->incident().id);
    } else {
        m_runbook->setIncidentId({});
        // Released: resuming it later brings its runbook back again.
        m_restoredIncident = 0;
        m_restoredPath.clear();
        m_runbookToRestore.clear();
    }
    restoreRunbook();
    m_reminders->setIncident(m_incident->incident(), m_incident->events());
}

void IncidentResponse::onStepFinished(const StepRun &run)
{
    if (m_incident->isActive())
        m_incident->recordStepRun(run.target, run.command, run.result, run.output);
}

void IncidentResponse::onNotesCommitted(RunbookStepId step, const QString &notes)
{
    if (m_incident->isActive())
        m_incident->addNote(tr("On the step at line %1 of the runbook: %2")
                                .arg(m_runbook->block(step).line)
                                .arg(notes));
}

void IncidentResponse::onMarkedDone(RunbookStepId step, bool done)
{
    // Commands that ran are on the timeline already; a check is only there once it is ticked.
    const RunbookBlock &block = m_runbook->block(step);
    if (m_incident->isActive() && done && block.kind == RunbookBlock::ManualCheck)
        m_incident->addNote(tr("Checked: %1").arg(block.text));
}

void IncidentResponse::onReminderDue(const EscalationStep &step, const QString &who)
{
    if (!m_incident->isActive())
        return;
    // On the timeline at once, so a restart does not remind again.
    m_incident->recordEscalation(step.notify, who);
    Q_EMIT escalationDue(tr("Escalate now: notify %1 (%2 after declaration).")
                             .arg(who, escalationDelayText(step.afterMinutes)));
}

void IncidentResponse::restoreRunbook()
{
    if (!m_incident->hasIncident())
        return;
    const Incident &incident = m_incident->incident();
    if (m_runbookToRestore.isEmpty() && incident.id == m_restoredIncident &&
        incident.runbook == m_restoredPath)
        return; // done (or failed) already
    m_restoredIncident = incident.id;
    m_restoredPath = incident.runbook;
    const QString path = incident.runbook;
    m_runbookToRestore.clear();
    if (path.isEmpty() || m_runbook->sourceId() == path)
        return;
    if (const int row = m_library->rowOfPath(path); row >= 0) {
        m_runbook->setRunbook(m_library->entries().at(row).runbook, path);
        return;
    }
    m_runbookToRestore = path;
    // A built-in one, or the library is still reading folders that may hold it: scanned()
    // comes back here.
    if (path.startsWith(u':') || m_library->isScanning() || m_runbookBeingRead == path)
        return;
    m_runbookBeingRead = path;
    RunbookLibrary::readFile(
        path, this, [this, path](const Runbook &runbook) { onRunbookRead(path, runbook); });
}

void IncidentResponse::onRunbookRead(const QString &path, const Runbook &runbook)
{
    if (m_runbookBeingRead == path)
        m_runbookBeingRead.clear();
    if (m_runbookToRestore != path)
        return; // another incident by now, or the library had it meanwhile
    m_runbookToRestore.clear();
    if (!runbook.diagnostics.isEmpty() && runbook.diagnostics.constFirst().isError()) {
        Q_EMIT runbookUnavailable(tr("The runbook of this incident cannot be opened: %1")
                                      .arg(runbook.diagnostics.constFirst().toString()));
        return;
    }
    m_runbook->setRunbook(runbook, path);
}

} // namespace OpsDeck
