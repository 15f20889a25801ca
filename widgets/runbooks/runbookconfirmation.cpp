// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/runbooks/runbookconfirmation.h"

#include "widgets/common/confirmation.h"
#include "widgets/runbooks/runbookview.h"

#include <QDialog>

#include <algorithm>

namespace OpsDeck {

namespace {

constexpr int ShownCommandLength = 600;

} // namespace

RunbookConfirmation *RunbookConfirmation::of(RunbookSession *session)
{
    if (auto *existing =
            session->findChild<RunbookConfirmation *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new RunbookConfirmation(session);
}

RunbookConfirmation::RunbookConfirmation(RunbookSession *session)
    : QObject(session)
    , m_session(session)
{
    connect(session, &RunbookSession::confirmationRequested, this,
            [this](const ConfirmationRequest &request) { ask(request); });
    connect(session, &RunbookSession::confirmationSettled, this, &RunbookConfirmation::settle);
}

void RunbookConfirmation::addView(QWidget *view)
{
    m_views.removeAll(nullptr);
    if (!m_views.contains(view))
        m_views.append(view);
}

void RunbookConfirmation::offer()
{
    if (const std::optional<ConfirmationRequest> request = m_session->pendingConfirmation())
        ask(*request);
}

QWidget *RunbookConfirmation::dialogParent() const
{
    QWidget *visible = nullptr;
    for (auto it = m_views.crbegin(); it != m_views.crend(); ++it) {
        QWidget *view = *it;
        if (!view || !view->isVisible())
            continue;
        if (view->window()->isActiveWindow())
            return view;
        if (!visible)
            visible = view;
    }
    return visible;
}

void RunbookConfirmation::ask(const ConfirmationRequest &request)
{
    const std::optional<ConfirmationRequest> pending = m_session->pendingConfirmation();
    if (!pending || pending->id != request.id || (m_dialog && m_shown == request.id))
        return; // answered already, or on screen
    QWidget *parent = dialogParent();
    if (!parent)
        return; // asked when a view of the session shows (offer())
    QString command = request.command;
    if (command.size() > ShownCommandLength)
        command = command.left(ShownCommandLength) + QStringLiteral("…");
    const RunbookBlock &block = m_session->block(request.step);
    const QString action =
        RunbookView::tr("Run the step at line %1 of “%2” on %3:\n\n%4")
            .arg(block.line + std::max(request.line, 0)) // Run Line: the chosen line
            .arg(RunbookView::sectionTitle(m_session, request.step.section), request.target,
                 command);
    const quint64 id = request.id;
    m_shown = id;
    m_dialog =
        askToConfirmRisk(parent, request.risk, action, request.reason, request.typedConfirmation,
                         [session = QPointer<RunbookSession>(m_session), id](bool accepted) {
                             if (session)
                                 session->answerConfirmation(id, accepted);
                         });
    if (!m_dialog)
        return;
    connect(m_dialog, &QObject::destroyed, this, [this, id] {
        if (m_shown != id)
            return;
        // Gone unanswered with the view it stood over: ask over another one.
        m_shown = 0;
        QMetaObject::invokeMethod(this, &RunbookConfirmation::offer, Qt::QueuedConnection);
    });
}

void RunbookConfirmation::settle(quint64 id)
{
    if (m_shown != id)
        return;
    m_shown = 0;
    // Answered (the dialog is closing already) or withdrawn (it closes now, its answer stale).
    if (m_dialog && m_dialog->isVisible())
        m_dialog->reject();
}

} // namespace OpsDeck
