// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/retention.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace OpsDeck {

// A retention dry run of one location: every file with "keep" or "delete" and why, the bytes
// freed and the point-in-time recovery window before and after. Nothing is deleted here: the
// "Delete N Files…" button accepts the dialog, and the page asks for the location's name typed
// before it deletes exactly plan().toDelete.
class RetentionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionDialog)

public:
    RetentionDialog(const QString &host, const QString &location, const RetentionRules &rules,
                    const RetentionPlan &plan, const QTimeZone &zone, QWidget *parent = nullptr);

    const RetentionPlan &plan() const { return m_plan; }
    QTreeWidget *decisionsView() const { return m_decisions; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *deleteButton() const { return m_delete; }

    // "keep 7 daily, 4 weekly, everything younger than 30 days", translated.
    static QString describeRules(const RetentionRules &rules);

private:
    RetentionPlan m_plan;
    QLabel *m_summary;
    QTreeWidget *m_decisions;
    QPushButton *m_delete;
};

} // namespace OpsDeck
