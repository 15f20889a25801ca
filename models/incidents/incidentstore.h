// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/persistence/statestore.h"

#include <QObject>

#include <optional>

namespace OpsDeck {

// An incident with its timeline, in the order written.
struct IncidentRecord {
    Incident incident;
    QList<IncidentEvent> events;
};

// The incidents and their timelines (tables incidents, incident_events) in the state store.
//
// Every write is committed before its answer arrives, so whatever a caller shows after the
// answer survives a crash, SIGKILL included. The timeline is append-only (SQLite refuses to
// rewrite or drop a line of it).
//
// Each operation answers its own caller: done gets the result (or the error, naming the
// database file) in context's thread, never after context is destroyed. Operations run on the
// store's thread in the order asked for, and writes are written even when their context is gone
// by then.
class IncidentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStore)

public:
    template<typename T>
    using Done = StateStore::Done<T>;

    explicit IncidentStore(StateStore *store, QObject *parent = nullptr);
    ~IncidentStore() override;

    StateStore *store() const { return m_store; }

    // Inserts the incident (its id is ignored; declaredAt invalid = now) together with its
    // Declared event (declarationEvent()) in one transaction. done gets that event as written:
    // its id, and the new incident's id as incidentId.
    void create(const Incident &incident, QObject *context, Done<IncidentEvent> done);
    // Rewrites the row incident.id and, when given, appends event (its incidentId is set; at
    // invalid = now) in the same transaction, so a status change and its line in the timeline
    // are never apart. done gets the id of that event, 0 when there was none. An unknown id
    // fails.
    void update(const Incident &incident, const std::optional<IncidentEvent> &event,
                QObject *context, Done<qint64> done);
    // Appends one line to the incident's timeline (at invalid = now); done gets its id. An
    // unknown incident fails.
    void appendEvent(const IncidentEvent &event, QObject *context, Done<qint64> done);
    // The incident and its timeline, read in one transaction. An unknown id fails.
    void load(qint64 incidentId, QObject *context, Done<IncidentRecord> done);
    // Newest declaration first. Open: not closed.
    void query(bool openOnly, QObject *context, Done<QList<Incident>> done);

private:
    StateStore *m_store;
};

} // namespace OpsDeck
