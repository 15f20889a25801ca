// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logquery.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace OpsDeck {

class LogPatternEdit;

// Find in a log (Ctrl+F): the pattern with its toggles, previous and next, "12 of 340", and a
// bad regular expression's message with its column, inline.
class LogSearchBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSearchBar)

public:
    explicit LogSearchBar(QWidget *parent = nullptr);
    ~LogSearchBar() override;

    LogPattern pattern() const;
    void setPattern(const LogPattern &pattern);
    LogPatternEdit *patternEdit() const { return m_edit; }
    // Shows the bar and puts the cursor in the field, its text selected.
    void activate();
    void setCount(const QString &text);
    QString countText() const;
    void setProblem(const LogQueryProblem &problem);
    void clearProblem();
    QString problemText() const;

Q_SIGNALS:
    // The pattern changed and the typing paused.
    void patternChanged(const OpsDeck::LogPattern &pattern);
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LogPatternEdit *m_edit;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_count;
    QLabel *m_problem;
    QToolButton *m_close;
    QTimer m_pause;
};

} // namespace OpsDeck
