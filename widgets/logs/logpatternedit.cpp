// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logpatternedit.h"

#include "widgets/common/statuscolours.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace OpsDeck {

LogPatternEdit::LogPatternEdit(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_regularExpression(new QToolButton(this))
    , m_caseSensitive(new QToolButton(this))
    , m_wholeWord(new QToolButton(this))
{
    m_field->setClearButtonEnabled(true);
    const auto toggle = [this](QToolButton *button, const QString &symbol, const QString &name,
                               const QString &tip) {
        button->setText(symbol);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setAccessibleName(name);
        button->setToolTip(tip);
        connect(button, &QToolButton::toggled, this, &LogPatternEdit::changed);
    };
    toggle(m_regularExpression, QStringLiteral(".*"), tr("Regular expression"),
           tr("Regular expression (grep -E: classes, alternation, \\< \\> \\b \\w)"));
    toggle(m_caseSensitive, QStringLiteral("Aa"), tr("Match case"), tr("Match case"));
    toggle(m_wholeWord, QStringLiteral("ab"), tr("Whole words"), tr("Whole words only"));
    QFont underlined = m_wholeWord->font();
    underlined.setUnderline(true);
    m_wholeWord->setFont(underlined);
    connect(m_field, &QLineEdit::textChanged, this, &LogPatternEdit::changed);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_regularExpression);
    layout->addWidget(m_caseSensitive);
    layout->addWidget(m_wholeWord);
    setFocusProxy(m_field);
}

LogPatternEdit::~LogPatternEdit() = default;

LogPattern LogPatternEdit::pattern() const
{
    LogPattern pattern;
    pattern.text = m_field->text();
    pattern.regularExpression = m_regularExpression->isChecked();
    pattern.caseSensitive = m_caseSensitive->isChecked();
    pattern.wholeWord = m_wholeWord->isChecked();
    return pattern;
}

void LogPatternEdit::setPattern(const LogPattern &pattern)
{
    const QSignalBlocker blocker(this);
    m_field->setText(pattern.text);
    m_regularExpression->setChecked(pattern.regularExpression);
    m_caseSensitive->setChecked(pattern.caseSensitive);
    m_wholeWord->setChecked(pattern.wholeWord);
}

void LogPatternEdit::setProblem(const QString &message)
{
    QPalette colours = palette();
    if (!message.isEmpty())
        colours.setColor(QPalette::Text, StatusColours::bad(colours));
    m_field->setPalette(colours);
    m_field->setToolTip(message);
}

} // namespace OpsDeck
