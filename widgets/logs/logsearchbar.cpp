// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logsearchbar.h"

#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/logs/logpatternedit.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace OpsDeck {

namespace {
constexpr int TypingPauseMs = 250;
}

LogSearchBar::LogSearchBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new LogPatternEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_close(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("logSearchPattern"));
    m_edit->field()->setPlaceholderText(tr("Find in the log (Enter: next, Shift+Enter: previous)"));
    m_edit->field()->setAccessibleName(tr("Find"));
    m_edit->field()->installEventFilter(this);
    m_edit->setMinimumWidth(280);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setAutoRaise(true);
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setAutoRaise(true);
    m_count->setObjectName(QStringLiteral("logSearchCount"));
    m_count->setMinimumWidth(
        m_count->fontMetrics().horizontalAdvance(QStringLiteral("0000 of 00000000")));
    m_problem->setObjectName(QStringLiteral("logSearchProblem"));
    m_problem->setWordWrap(false);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemColours = m_problem->palette();
    problemColours.setColor(QPalette::WindowText, StatusColours::bad(problemColours));
    m_problem->setPalette(problemColours);
    m_problem->hide();
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close the search (Escape)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);

    m_pause.setSingleShot(true);
    m_pause.setInterval(TypingPauseMs);
    connect(m_edit, &LogPatternEdit::changed, this, [this] { m_pause.start(); });
    connect(&m_pause, &QTimer::timeout, this, [this] { Q_EMIT patternChanged(pattern()); });
    connect(m_previous, &QToolButton::clicked, this, &LogSearchBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &LogSearchBar::nextRequested);
    connect(m_close, &QToolButton::clicked, this, &LogSearchBar::closeRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 2);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);
    layout->addWidget(m_problem, 1);
    layout->addStretch();
    layout->addWidget(m_close);
    setFocusProxy(m_edit);
}

LogSearchBar::~LogSearchBar() = default;

LogPattern LogSearchBar::pattern() const
{
    return m_edit->pattern();
}

void LogSearchBar::setPattern(const LogPattern &pattern)
{
    m_edit->setPattern(pattern);
}

void LogSearchBar::activate()
{
    show();
    m_edit->field()->setFocus(Qt::ShortcutFocusReason);
    m_edit->field()->selectAll();
}

void LogSearchBar::setCount(const QString &text)
{
    m_count->setText(text);
}

QString LogSearchBar::countText() const
{
    return m_count->text();
}

void LogSearchBar::setProblem(const LogQueryProblem &problem)
{
    const QString text = problem.column > 0
                             ? tr("Column %1: %2").arg(problem.column).arg(problem.message)
                             : problem.message;
    m_problem->setText(text);
    m_problem->show();
    m_edit->setProblem(text);
    m_count->clear();
}

void LogSearchBar::clearProblem()
{
    m_problem->clear();
    m_problem->hide();
    m_edit->setProblem({});
}

QString LogSearchBar::problemText() const
{
    return m_problem->text();
}

bool LogSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit->field() && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // What was typed counts at once, without waiting for the pause.
            if (m_pause.isActive()) {
                m_pause.stop();
                Q_EMIT patternChanged(pattern());
            }
            if (key->modifiers().testFlag(Qt::ShiftModifier))
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT closeRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace OpsDeck
