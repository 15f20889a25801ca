// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbooksession.h"

#include <QDialog>
#include <QList>
#include <QObject>
#include <QPointer>

namespace OpsDeck {

// Shows a runbook session's confirmation requests as dialogs that do not block (open(), never
// exec()) over the view of the session the operator sees, and gives the session the answer.
// One per session, shared by its views: an incident shows the same session on its page and in
// the wizard, and the operator is asked once.
class RunbookConfirmation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookConfirmation)

public:
    // The one of session, made on first use; the session owns it.
    static RunbookConfirmation *of(RunbookSession *session);

    // view shows the session: questions open over it while it is visible (the one in the
    // active window first, else the one added last).
    void addView(QWidget *view);
    // A view became visible: a question no dialog shows yet opens now.
    void offer();

    QDialog *dialog() const { return m_dialog; } // the open question, if any

private:
    explicit RunbookConfirmation(RunbookSession *session);
    QWidget *dialogParent() const;
    void ask(const ConfirmationRequest &request);
    void settle(quint64 id);

    RunbookSession *m_session;
    QList<QPointer<QWidget>> m_views;
    QPointer<QDialog> m_dialog;
    quint64 m_shown = 0; // the request m_dialog asks
};

} // namespace OpsDeck
