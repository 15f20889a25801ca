// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace OpsDeck {

// ---- Severity ------------------------------------------------------------------------------

enum class IncidentSeverity { Sev1 = 1, Sev2, Sev3, Sev4 };

struct SeverityDefinition {
    IncidentSeverity severity = IncidentSeverity::Sev4;
    QString name;    // "SEV-1": the same in every language, also the stored form
    QString meaning; // "Critical – service down", translated
    QString examples;
    int responseMinutes = 0;    // how soon someone must be working on it
    int updateEveryMinutes = 0; // how often stakeholders hear from the commander
};

// SEV-1 to SEV-4, in that order. Built once, after the translators are installed (a language
// change takes effect at the next start anyway).
const QList<SeverityDefinition> &severityDefinitions();
const SeverityDefinition &severityDefinition(IncidentSeverity severity);
// "SEV-1" ... "SEV-4".
QString severityName(IncidentSeverity severity);
// Accepts "SEV-1", "sev-1", "SEV1" and "1"; std::nullopt for anything else.
std::optional<IncidentSeverity> severityFromName(QStringView name);

// ---- Status --------------------------------------------------------------------------------

// The flow of an incident, in order.
enum class IncidentStatus { Investigating, Identified, Monitoring, Resolved, Closed };

QList<IncidentStatus> allIncidentStatuses();
// The stored spelling ("investigating", ...): an identifier, never translated.
QString incidentStatusId(IncidentStatus status);
std::optional<IncidentStatus> incidentStatusFromId(QStringView id);
// "Investigating", ... translated.
QString incidentStatusText(IncidentStatus status);
// Forward along the flow (skipping is fine: a false alarm may be closed at once), and back from
// Monitoring or Resolved to Investigating or Identified (the fix did not hold). Nothing leaves
// Closed, and staying put is not a transition.
bool isAllowedTransition(IncidentStatus from, IncidentStatus to);

// ---- The record ----------------------------------------------------------------------------

// The fields of an incident that are edited as text; their ids are stored in FieldChanged
// events.
enum class IncidentField {
    Title,
    Services,
    Commander,
    Runbook,
    Impact,
    RootCause,
    Detection,
    Lessons,
    ActionItems
};

QString incidentFieldId(IncidentField field); // "root_cause", ...
std::optional<IncidentField> incidentFieldFromId(QStringView id);
QString incidentFieldText(IncidentField field); // "Root cause", ... translated

struct Incident {
    qint64 id = 0; // assigned by the state store
    QString title;
    IncidentSeverity severity = IncidentSeverity::Sev3;
    IncidentStatus status = IncidentStatus::Investigating;
    QStringList services;
    QString commander;
    QDateTime declaredAt; // invalid = now, when declared
    QDateTime resolvedAt; // invalid while not resolved
    QDateTime closedAt;
    QString runbook; // path or resource of the runbook followed
    QString impact;
    QString rootCause;
    QString detection;
    QString lessons;
    QString actionItems;

    bool isOpen() const { return status != IncidentStatus::Closed; }
    // "INC-42"; empty before the store assigned an id.
    QString reference() const;
    QString field(IncidentField which) const;                 // Services joined with ", "
    void setField(IncidentField which, const QString &value); // Services split at commas

    friend bool operator==(const Incident &, const Incident &) = default;
};

// One line of an incident's timeline. Events are append-only history.
struct IncidentEvent {
    enum class Kind {
        Declared,
        StatusChanged,
        SeverityChanged,
        StepRun,
        Note,
        Escalation,
        Communication,
        FieldChanged
    };

    qint64 id = 0; // assigned by the state store; also the order of the timeline
    qint64 incidentId = 0;
    QDateTime at; // invalid = now, when appended
    Kind kind = Kind::Note;
    // What the event is about, as an identifier that code can match: the new status id, the
    // new severity name, who was notified, the template id, the field id. Empty for steps and
    // notes.
    QString subject;
    QString summary; // a human sentence, in the language it was recorded in
    QString host;
    QString command;
    std::optional<int> exitCode;
    qint64 durationMs = 0;
    QString output; // in full: step output, message text, new field value
    QString author;

    friend bool operator==(const IncidentEvent &, const IncidentEvent &) = default;
};

QString incidentEventKindId(IncidentEvent::Kind kind); // "step_run", ... never translated
std::optional<IncidentEvent::Kind> incidentEventKindFromId(QStringView id);
QString incidentEventKindText(IncidentEvent::Kind kind); // "Step run", ... translated

// The Declared event the state store writes together with a new incident.
IncidentEvent declarationEvent(const Incident &incident);

// ---- Formatting ----------------------------------------------------------------------------

// Time since declaration as on a war-room whiteboard: "T+00:00", "T+12:05", from an hour on
// "T+1:02:03"; before the declaration "T-00:05". Seconds are cut, not rounded. Empty when
// either time is invalid.
QString elapsedLabel(const QDateTime &declaredAt, const QDateTime &at);

// A short preview of command output: all of it when it has at most maxLines + 1 lines (a marker
// never stands for a single line), else the first and last lines around "… N more lines …".
// Trailing blank lines are dropped, CRLF is read as a line break, and very long lines are cut
// so a tooltip stays small.
QString outputDigest(const QString &output, int maxLines = 6);

// "(not recorded)", translated: what reports and messages show for an empty field.
QString notRecordedText();

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::Incident)
Q_DECLARE_METATYPE(OpsDeck::IncidentEvent)
