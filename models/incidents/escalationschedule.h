// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/workspace/workspace.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace OpsDeck {

// The matrix OpsDeck uses when the workspace has no `escalation:` of its own, after the one
// our users' runbooks share: SEV-1 calls the on-call engineer at once, the platform lead at
// 15 min, the CTO at 1 h and the CEO at 4 h; lower severities escalate later and to fewer
// people.
QList<EscalationPolicy> defaultEscalationPolicies();

// "now", "15 min", "60 min", "4 h", "1 d", "1 h 30 min"... after the declaration.
QString escalationDelayText(int minutes);

// One escalation step of an incident, with when it falls due.
struct EscalationReminder {
    EscalationStep step;
    QString who; // step.notify with the contacts it names and how to reach them
    QDateTime dueAt;
};

// Which steps apply to an incident and when. Steps count from the declaration, as in the
// runbooks ("SEV-1: lead at T+15 min"), also after the severity changed.
class EscalationSchedule
{
public:
    // The default matrix and no contacts.
    EscalationSchedule();
    // An empty policies list means the default matrix; a workspace that lists some
    // severities only has no reminders for the others.
    EscalationSchedule(const QList<EscalationPolicy> &policies, const QList<Contact> &contacts);

    bool usesDefaultMatrix() const { return m_usesDefaults; }
    // The severity's steps, earliest first.
    QList<EscalationStep> steps(IncidentSeverity severity) const;
    // "SEV-1: notify On-call now, Platform Lead at 15 min, CTO at 60 min".
    QString describe(IncidentSeverity severity) const;
    // "Platform Lead: Jane Doe (+49 170 1234567, @jane)"; the notify text alone when no
    // contact has that name or role.
    QString who(const QString &notify) const;

    // The steps of the incident's current severity that are not on its timeline yet, earliest
    // first; none once the incident is resolved or closed.
    QList<EscalationReminder> reminders(const Incident &incident,
                                        const QList<IncidentEvent> &timeline) const;
    // Whether an Escalation line on the timeline notified `notify` (case-insensitive).
    static bool isRecorded(const QString &notify, const QList<IncidentEvent> &timeline);

private:
    QList<EscalationPolicy> m_policies;
    QList<Contact> m_contacts;
    bool m_usesDefaults = true;
};

// Emits reminderDue() when an escalation step of the incident falls due by the wall clock.
//
// Feed it the incident and its timeline whenever they change (IncidentSession::changed());
// it re-plans then, so a new severity brings its own steps, and steps already recorded on the
// timeline (IncidentSession::recordEscalation(step.notify)) or already reminded of are never
// repeated. Steps that fell due while OpsDeck was not running come at once.
class EscalationReminders final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalationReminders)

public:
    using Clock = std::function<QDateTime()>;

    explicit EscalationReminders(QObject *parent = nullptr);
    ~EscalationReminders() override;

    // For tests: the wall clock to plan with (default: the current time).
    void setClock(Clock now);
    void setSchedule(const EscalationSchedule &schedule);
    const EscalationSchedule &schedule() const { return m_schedule; }
    void setIncident(const Incident &incident, const QList<IncidentEvent> &timeline);
    // No incident any more: nothing is reminded.
    void clear();

    // What is still to come (or due but not emitted yet), earliest first.
    const QList<EscalationReminder> &pending() const { return m_pending; }
    QDateTime nextDueAt() const;
    bool isTimerActive() const { return m_timer.isActive(); }

public Q_SLOTS:
    // Emits every reminder that is due by the clock, then waits for the next one.
    void checkNow();

Q_SIGNALS:
    void reminderDue(const OpsDeck::EscalationStep &step, const QString &who);
    // pending() changed.
    void planChanged();

private:
    void replan();
    void startTimer();

    Clock m_now;
    EscalationSchedule m_schedule;
    Incident m_incident;
    QList<IncidentEvent> m_timeline;
    QList<EscalationReminder> m_pending;
    QStringList m_reminded; // notify texts, lower case, of this incident
    QTimer m_timer;
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::EscalationStep)
