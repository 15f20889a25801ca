// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"

#include <QAbstractTableModel>

namespace OpsDeck {

// An incident's timeline as a table, oldest first (the order the events were written in).
//
// Display text only: icons and colours per kind belong to the widgets layer, which reads
// KindRole. The Summary column's tooltip holds the command and a digest of its output;
// OutputRole holds the output in full.
class IncidentTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentTimelineModel)

public:
    enum Column {
        TimeColumn,
        ElapsedColumn,
        KindColumn,
        SummaryColumn,
        HostColumn,
        ExitColumn,
        ColumnCount
    };
    enum Role {
        EventIdRole = Qt::UserRole, // qint64
        KindRole,                   // int(IncidentEvent::Kind)
        OutputRole,                 // QString, the whole output (or message, or field value)
        OutputDigestRole,           // QString, outputDigest() of it
        CommandRole,                // QString
        AtRole,                     // QDateTime of the event
    };

    explicit IncidentTimelineModel(QObject *parent = nullptr);
    ~IncidentTimelineModel() override;

    // The reference for the Elapsed column.
    void setDeclaredAt(const QDateTime &declaredAt);
    QDateTime declaredAt() const { return m_declaredAt; }
    void setEvents(const QList<IncidentEvent> &events);
    void appendEvent(const IncidentEvent &event);
    void clear();
    const QList<IncidentEvent> &events() const { return m_events; }
    const IncidentEvent &eventAt(int row) const { return m_events.at(row); }

    // "14:03:27" in local time; with the date in front when it is not the declaration's day.
    QString wallTimeText(const QDateTime &at) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const IncidentEvent &event, int column) const;
    QString toolTip(const IncidentEvent &event) const;

    QDateTime m_declaredAt;
    QList<IncidentEvent> m_events;
};

} // namespace OpsDeck
