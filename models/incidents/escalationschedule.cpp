// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/escalationschedule.h"

#include <QCoreApplication>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(EscalationSchedule)
};

// A laptop may sleep through a timer: waking up at least this often notices due reminders
// within a minute of resuming.
constexpr int LongestWaitMs = 60 * 1000;

EscalationPolicy policy(IncidentSeverity severity, const QList<std::pair<int, QString>> &steps)
{
    EscalationPolicy result;
    result.severity = severityName(severity);
    for (const auto &[minutes, notify] : steps) {
        EscalationStep step;
        step.afterMinutes = minutes;
        step.notify = notify;
        result.steps.append(step);
    }
    return result;
}

QString contactText(const Contact &contact)
{
    QStringList reach;
    for (const QString &way : {contact.phone, contact.chat, contact.email}) {
        if (!way.trimmed().isEmpty())
            reach.append(way.trimmed());
    }
    return reach.isEmpty() ? contact.name
                           : Text::tr("%1 (%2)").arg(contact.name, reach.join(u", "));
}

} // namespace

QList<EscalationPolicy> defaultEscalationPolicies()
{
    // Role names, not prose: they are matched against the workspace's contact roles and
    // stored on the timeline as the escalation's subject, so they must not change with the
    // interface language (a reminder already recorded would come again).
    const QString onCall = u"On-call"_s;
    const QString lead = u"Platform Lead"_s;
    const QString cto = u"CTO"_s;
    const QString ceo = u"CEO"_s;
    return {
        policy(IncidentSeverity::Sev1, {{0, onCall}, {15, lead}, {60, cto}, {4 * 60, ceo}}),
        policy(IncidentSeverity::Sev2, {{15, onCall}, {60, lead}, {4 * 60, cto}}),
        policy(IncidentSeverity::Sev3, {{4 * 60, onCall}, {24 * 60, lead}}),
        // Low impact goes into normal planning; the lead only looks at it the next day.
        policy(IncidentSeverity::Sev4, {{24 * 60, lead}}),
    };
}

QString escalationDelayText(int minutes)
{
    if (minutes <= 0)
        return Text::tr("now");
    if (minutes < 120)
        return Text::tr("%1 min").arg(minutes);
    if (minutes % (24 * 60) == 0)
        return Text::tr("%1 d").arg(minutes / (24 * 60));
    if (minutes % 60 == 0)
        return Text::tr("%1 h").arg(minutes / 60);
    return Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

EscalationSchedule::EscalationSchedule()
    : m_policies(defaultEscalationPolicies())
{
}

EscalationSchedule::EscalationSchedule(const QList<EscalationPolicy> &policies,
                                       const QList<Contact> &contacts)
    : m_policies(policies.isEmpty() ? defaultEscalationPolicies() : policies)
    , m_contacts(contacts)
    , m_usesDefaults(policies.isEmpty())
{
}

QList<EscalationStep> EscalationSchedule::steps(IncidentSeverity severity) const
{
    QList<EscalationStep> result;
    for (const EscalationPolicy &candidate : m_policies) {
        if (severityFromName(candidate.severity) == severity)
            result.append(candidate.steps);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const EscalationStep &a, const EscalationStep &b) {
                         return a.afterMinutes < b.afterMinutes;
                     });
    return result;
}

QString EscalationSchedule::describe(IncidentSeverity severity) const
{
    const QList<EscalationStep> list = steps(severity);
    if (list.isEmpty())
        return Text::tr("%1: no escalation").arg(severityName(severity));
    QStringList parts;
    for (const EscalationStep &step : list) {
        parts.append(
            step.afterMinutes <= 0
                ? Text::tr("%1 now").arg(step.notify)
                : Text::tr("%1 at %2").arg(step.notify, escalationDelayText(step.afterMinutes)));
    }
    return Text::tr("%1: notify %2").arg(severityName(severity), parts.join(u", "));
}

QString EscalationSchedule::who(const QString &notify) const
{
    const QString target = notify.trimmed();
    QStringList byRole;
    for (const Contact &contact : m_contacts) {
        if (contact.name.compare(target, Qt::CaseInsensitive) == 0)
            return contactText(contact);
        if (contact.role.compare(target, Qt::CaseInsensitive) == 0)
            byRole.append(contactText(contact));
    }
    if (byRole.isEmpty())
        return target;
    return Text::tr("%1: %2").arg(target, byRole.join(u"; "));
}

bool EscalationSchedule::isRecorded(const QString &notify, const QList<IncidentEvent> &timeline)
{
    return std::ranges::any_of(timeline, [&](const IncidentEvent &event) {
        return event.kind == IncidentEvent::Kind::Escalation &&
               event.subject.compare(notify.trimmed(), Qt::CaseInsensitive) == 0;
    });
}

QList<EscalationReminder> EscalationSchedule::reminders(const Incident &incident,
                                                        const QList<IncidentEvent> &timeline) const
{
    QList<EscalationReminder> result;
    if (!incident.declaredAt.isValid() || incident.status >= IncidentStatus::Resolved)
        return result;
    for (const EscalationStep &step : steps(incident.severity)) {
        if (isRecorded(step.notify, timeline))
            continue;
        result.append(
            {step, who(step.notify), incident.declaredAt.addSecs(qint64(step.afterMinutes) * 60)});
    }
    return result;
}

EscalationReminders::EscalationReminders(QObject *parent)
    : QObject(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EscalationReminders::checkNow);
}

EscalationReminders::~EscalationReminders() = default;

void EscalationReminders::setClock(Clock now)
{
    m_now = std::move(now);
    startTimer();
}

void EscalationReminders::setSchedule(const EscalationSchedule &schedule)
{
    m_schedule = schedule;
    replan();
}

void EscalationReminders::setIncident(const Incident &incident,
                                      const QList<IncidentEvent> &timeline)
{
    if (incident.id != m_incident.id)
        m_reminded.clear();
    m_incident = incident;
    m_timeline = timeline;
    replan();
}

void EscalationReminders::clear()
{
    m_incident = {};
    m_timeline.clear();
    m_reminded.clear();
    replan();
}

QDateTime EscalationReminders::nextDueAt() const
{
    return m_pending.isEmpty() ? QDateTime() : m_pending.constFirst().dueAt;
}

void EscalationReminders::replan()
{
    QList<EscalationReminder> plan;
    if (m_incident.id > 0 || m_incident.declaredAt.isValid()) {
        for (const EscalationReminder &reminder : m_schedule.reminders(m_incident, m_timeline)) {
            if (!m_reminded.contains(reminder.step.notify.trimmed().toLower()))
                plan.append(reminder);
        }
    }
    const bool changed =
        plan.size() != m_pending.size() ||
        !std::equal(plan.cbegin(), plan.cend(), m_pending.cbegin(),
                    [](const EscalationReminder &a, const EscalationReminder &b) {
                        return a.step.notify == b.step.notify && a.dueAt == b.dueAt;
                    });
    m_pending = plan;
    startTimer();
    if (changed)
        Q_EMIT planChanged();
}

void EscalationReminders::startTimer()
{
    if (m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    // Never emitted from inside setIncident(): receivers may be in the middle of an update.
    const qint64 wait = std::clamp<qint64>(m_now().msecsTo(nextDueAt()), 0, LongestWaitMs);
    m_timer.start(int(wait));
}

void EscalationReminders::checkNow()
{
    const QDateTime now = m_now();
    QList<EscalationReminder> due;
    while (!m_pending.isEmpty() && m_pending.constFirst().dueAt <= now)
        due.append(m_pending.takeFirst());
    for (const EscalationReminder &reminder : std::as_const(due))
        m_reminded.append(reminder.step.notify.trimmed().toLower());
    startTimer();
    if (!due.isEmpty())
        Q_EMIT planChanged();
    for (const EscalationReminder &reminder : std::as_const(due))
        Q_EMIT reminderDue(reminder.step, reminder.who);
}

} // namespace OpsDeck
