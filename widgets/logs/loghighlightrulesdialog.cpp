// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/loghighlightrulesdialog.h"

#include "widgets/common/themedicon.h"
#include "widgets/logs/logcolours.h"
#include "widgets/logs/logpatternedit.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(140));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

struct LogHighlightRulesDialog::Row {
    QWidget *widget = nullptr;
    QCheckBox *enabled = nullptr;
    LogPatternEdit *edit = nullptr;
    QToolButton *colour = nullptr;
    QComboBox *scope = nullptr;
    QColor chosen;

    void setColour(const QColor &value)
    {
        chosen = value;
        colour->setIcon(swatch(value));
        colour->setToolTip(value.name());
    }
};

LogHighlightRulesDialog::LogHighlightRulesDialog(const QList<LogHighlightRule> &rules,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_rowsLayout(new QVBoxLayout)
{
    setWindowTitle(tr("Highlight Rules"));
    setObjectName(QStringLiteral("logHighlightRulesDialog"));
    auto *intro = new QLabel(tr("Lines, or only the text, that match a rule get its colour in "
                                "every open log. The first whole-line rule that matches wins."),
                             this);
    intro->setWordWrap(true);

    auto *rowsWidget = new QWidget(this);
    auto *rowsOuter = new QVBoxLayout(rowsWidget);
    rowsOuter->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    rowsOuter->addLayout(m_rowsLayout);
    rowsOuter->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(rowsWidget);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(200);

    auto *add = new QPushButton(themedIcon(QStringLiteral("add")), tr("Add Rule"), this);
    add->setObjectName(QStringLiteral("logHighlightAddRule"));
    connect(add, &QPushButton::clicked, this, [this] {
        LogHighlightRule rule;
        const QList<QColor> presets = LogColours::rulePresets();
        rule.colour = presets[m_rows.size() % presets.size()];
        addRule(rule);
        m_rows.constLast()->edit->setFocus();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addWidget(buttons);
    resize(720, 380);

    for (const LogHighlightRule &rule : rules)
        addRule(rule);
}

LogHighlightRulesDialog::~LogHighlightRulesDialog()
{
    qDeleteAll(m_rows);
}

void LogHighlightRulesDialog::addRule(const LogHighlightRule &rule)
{
    auto *row = new Row;
    row->widget = new QWidget(this);
    auto *layout = new QHBoxLayout(row->widget);
    layout->setContentsMargins(0, 0, 0, 0);
    row->enabled = new QCheckBox(row->widget);
    row->enabled->setChecked(rule.enabled);
    row->enabled->setToolTip(tr("Use this rule"));
    row->edit = new LogPatternEdit(row->widget);
    row->edit->setPattern(rule.pattern);
    row->edit->field()->setPlaceholderText(tr("Pattern"));
    row->colour = new QToolButton(row->widget);
    row->colour->setPopupMode(QToolButton::InstantPopup);
    row->colour->setAccessibleName(tr("Colour"));
    auto *menu = new QMenu(row->colour);
    for (const QColor &preset : LogColours::rulePresets())
        menu->addAction(swatch(preset), preset.name(), row->widget,
                        [row, preset] { row->setColour(preset); });
    menu->addSeparator();
    menu->addAction(tr("Other Colour…"), row->widget, [this, row] {
        const QColor chosen = QColorDialog::getColor(row->chosen, this, tr("Rule Colour"));
        if (chosen.isValid())
            row->setColour(chosen);
    });
    row->colour->setMenu(menu);
    row->setColour(rule.colour.isValid() ? rule.colour : LogColours::rulePresets().constFirst());
    row->scope = new QComboBox(row->widget);
    row->scope->addItem(tr("Whole line"), true);
    row->scope->addItem(tr("Matching text"), false);
    row->scope->setCurrentIndex(rule.wholeLine ? 0 : 1);
    auto *remove = new QToolButton(row->widget);
    remove->setAutoRaise(true);
    remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    remove->setToolTip(tr("Remove this rule"));
    remove->setAccessibleName(tr("Remove rule"));
    connect(remove, &QToolButton::clicked, this,
            [this, widget = row->widget] { removeRow(widget); });
    layout->addWidget(row->enabled);
    layout->addWidget(row->edit, 1);
    layout->addWidget(row->colour);
    layout->addWidget(row->scope);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(row->widget);
    m_rows.append(row);
}

void LogHighlightRulesDialog::removeRow(QWidget *rowWidget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->widget == rowWidget) {
            rowWidget->deleteLater();
            delete m_rows.takeAt(i);
            return;
        }
    }
}

QList<LogHighlightRule> LogHighlightRulesDialog::rules() const
{
    QList<LogHighlightRule> rules;
    for (const Row *row : m_rows) {
        LogHighlightRule rule;
        rule.pattern = row->edit->pattern();
        if (rule.pattern.text.isEmpty())
            continue;
        rule.colour = row->chosen;
        rule.wholeLine = row->scope->currentData().toBool();
        rule.enabled = row->enabled->isChecked();
        rules.append(rule);
    }
    return rules;
}

QVariant highlightRulesToSettings(const QList<LogHighlightRule> &rules)
{
    QVariantList list;
    for (const LogHighlightRule &rule : rules) {
        list.append(QVariantMap{
            {QStringLiteral("pattern"), rule.pattern.text},
            {QStringLiteral("regularExpression"), rule.pattern.regularExpression},
            {QStringLiteral("caseSensitive"), rule.pattern.caseSensitive},
            {QStringLiteral("wholeWord"), rule.pattern.wholeWord},
            {QStringLiteral("colour"), rule.colour.name()},
            {QStringLiteral("wholeLine"), rule.wholeLine},
            {QStringLiteral("enabled"), rule.enabled},
        });
    }
    return list;
}

QList<LogHighlightRule> highlightRulesFromSettings(const QVariant &value)
{
    QList<LogHighlightRule> rules;
    const QVariantList list = value.toList();
    for (const QVariant &item : list) {
        const QVariantMap map = item.toMap();
        LogHighlightRule rule;
        rule.pattern.text = map.value(QStringLiteral("pattern")).toString();
        rule.pattern.regularExpression = map.value(QStringLiteral("regularExpression")).toBool();
        rule.pattern.caseSensitive = map.value(QStringLiteral("caseSensitive"), true).toBool();
        rule.pattern.wholeWord = map.value(QStringLiteral("wholeWord")).toBool();
        rule.colour = QColor::fromString(map.value(QStringLiteral("colour")).toString());
        rule.wholeLine = map.value(QStringLiteral("wholeLine"), true).toBool();
        rule.enabled = map.value(QStringLiteral("enabled"), true).toBool();
        if (!rule.pattern.text.isEmpty() && rule.colour.isValid())
            rules.append(rule);
    }
    return rules;
}

} // namespace OpsDeck
