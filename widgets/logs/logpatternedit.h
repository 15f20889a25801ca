// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logquery.h"

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace OpsDeck {

// One pattern as typed: the text and its regular-expression, match-case and whole-word toggles.
// The search bar, the filter's rows and the highlight rules all edit patterns with it.
class LogPatternEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPatternEdit)

public:
    explicit LogPatternEdit(QWidget *parent = nullptr);
    ~LogPatternEdit() override;

    // combine is not edited here; pattern() leaves it at its default.
    LogPattern pattern() const;
    void setPattern(const LogPattern &pattern);
    QLineEdit *field() const { return m_field; }
    QToolButton *regularExpressionButton() const { return m_regularExpression; }
    QToolButton *caseSensitiveButton() const { return m_caseSensitive; }
    QToolButton *wholeWordButton() const { return m_wholeWord; }
    // Marks the field as holding a bad pattern (the message says why) or clears the mark.
    void setProblem(const QString &message);

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_field;
    QToolButton *m_regularExpression;
    QToolButton *m_caseSensitive;
    QToolButton *m_wholeWord;
};

} // namespace OpsDeck
