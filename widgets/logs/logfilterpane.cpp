// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logfilterpane.h"

#include "models/logs/logformats.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/logs/logpatternedit.h"
#include "widgets/logs/logview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {
constexpr int TypingPauseMs = 300;
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
} // namespace

LogFilterPane::LogFilterPane(QWidget *parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_level(new QComboBox(this))
    , m_sinceEnabled(new QCheckBox(tr("Since"), this))
    , m_since(new QDateTimeEdit(this))
    , m_untilEnabled(new QCheckBox(tr("Until"), this))
    , m_until(new QDateTimeEdit(this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_view(new LogView(this))
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(TypingPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &LogFilterPane::queryChanged);
    const auto changed = [this] { m_pause.start(); };

    auto *criteria = new QWidget(this);
    criteria->setObjectName(QStringLiteral("logFilterCriteria"));
    auto *criteriaLayout = new QVBoxLayout(criteria);
    criteriaLayout->setContentsMargins(4, 4, 4, 4);
    criteriaLayout->setSpacing(4);
    auto *title = new QLabel(tr("Filter"), criteria);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    criteriaLayout->addWidget(title);
    m_rowsLayout->setSpacing(2);
    criteriaLayout->addLayout(m_rowsLayout);
    auto *add = new QPushButton(themedIcon(QStringLiteral("add")), tr("Add Pattern"), criteria);
    add->setObjectName(QStringLiteral("logFilterAddPattern"));
    connect(add, &QPushButton::clicked, this, [this] {
        LogPatternEdit *edit = addPattern();
        edit->setFocus();
    });
    criteriaLayout->addWidget(add, 0, Qt::AlignLeft);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 4, 0, 0);
    m_level->setObjectName(QStringLiteral("logFilterLevel"));
    m_level->addItem(tr("Any level"));
    for (LogLevel level :
         {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Notice, LogLevel::Warning,
          LogLevel::Error, LogLevel::Critical, LogLevel::Alert, LogLevel::Emergency})
        m_level->addItem(level == LogLevel::Emergency ? logLevelName(level)
                                                      : tr("%1 and above").arg(logLevelName(level)),
                         int(level));
    connect(m_level, &QComboBox::currentIndexChanged, this, changed);
    form->addRow(tr("Level:"), m_level);
    for (auto [enabled, edit] : {std::pair{m_sinceEnabled, m_since}, {m_untilEnabled, m_until}}) {
        edit->setDisplayFormat(DateTimeFormat);
        edit->setCalendarPopup(true);
        edit->setDateTime(QDateTime::currentDateTime());
        edit->setEnabled(false);
        connect(enabled, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(enabled, &QCheckBox::toggled, this, changed);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, enabled = enabled] {
            if (enabled->isChecked())
                m_pause.start();
        });
        form->addRow(enabled, edit);
    }
    m_since->setObjectName(QStringLiteral("logFilterSince"));
    m_until->setObjectName(QStringLiteral("logFilterUntil"));
    m_since->setTime(QTime(0, 0));
    criteriaLayout->addLayout(form);
    m_problem->setObjectName(QStringLiteral("logFilterProblem"));
    m_problem->setWordWrap(true);
    QPalette problemColours = m_problem->palette();
    problemColours.setColor(QPalette::WindowText, StatusColours::bad(problemColours));
    m_problem->setPalette(problemColours);
    m_problem->hide();
    criteriaLayout->addWidget(m_problem);
    criteriaLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(criteria);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(330);
    scroll->setMaximumWidth(420);

    m_status->setObjectName(QStringLiteral("logFilterStatus"));
    m_status->setText(tr("Type a pattern, choose a level or a time range: the lines that match "
                         "appear here."));
    m_export->setObjectName(QStringLiteral("logFilterExport"));
    m_export->setToolTip(tr("Save the lines the filter keeps to a file"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &LogFilterPane::exportRequested);
    m_view->setObjectName(QStringLiteral("logFilterView"));
    m_view->setAccessibleName(tr("Lines the filter keeps"));

    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 0);
    header->addWidget(m_status, 1);
    header->addWidget(m_export);
    resultsLayout->addLayout(header);
    resultsLayout->addWidget(m_view, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(scroll);
    layout->addWidget(results, 1);

    addPattern();
}

LogFilterPane::~LogFilterPane() = default;

LogPatternEdit *LogFilterPane::addPattern(const LogPattern &pattern)
{
    auto *widget = new QWidget(this);
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *combine = new QComboBox(widget);
    combine->addItem(tr("Or"), int(LogPattern::Combine::Or));
    combine->addItem(tr("And"), int(LogPattern::Combine::And));
    combine->addItem(tr("Not"), int(LogPattern::Combine::Not));
    combine->setToolTip(tr("Or: any of these patterns; And: every one of these; Not: none of "
                           "these"));
    combine->setCurrentIndex(combine->findData(int(pattern.combine)));
    auto *edit = new LogPatternEdit(widget);
    edit->setPattern(pattern);
    edit->field()->setPlaceholderText(tr("Pattern"));
    auto *remove = new QToolButton(widget);
    remove->setAutoRaise(true);
    remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    remove->setToolTip(tr("Remove this pattern"));
    remove->setAccessibleName(tr("Remove pattern"));
    layout->addWidget(combine);
    layout->addWidget(edit, 1);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(widget);
    m_rows.append({widget, combine, edit});
    connect(combine, &QComboBox::currentIndexChanged, this, [this] { m_pause.start(); });
    connect(edit, &LogPatternEdit::changed, this, [this] { m_pause.start(); });
    connect(edit->field(), &QLineEdit::returnPressed, this, [this] {
        m_pause.stop();
        Q_EMIT queryChanged();
    });
    connect(remove, &QToolButton::clicked, this, [this, widget] { removeRow(widget); });
    if (!pattern.text.isEmpty())
        m_pause.start();
    return edit;
}

void LogFilterPane::removeRow(QWidget *rowWidget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].widget != rowWidget)
            continue;
        const bool hadText = !m_rows[i].edit->pattern().text.isEmpty();
        m_rows.removeAt(i);
        rowWidget->deleteLater();
        if (m_rows.isEmpty())
            addPattern();
        if (hadText)
            m_pause.start();
        return;
    }
}

QList<int> LogFilterPane::usedRows() const
{
    QList<int> used;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].edit->pattern().text.isEmpty())
            used.append(i);
    }
    return used;
}

LogQuery LogFilterPane::query() const
{
    LogQuery query;
    for (const int i : usedRows()) {
        LogPattern pattern = m_rows[i].edit->pattern();
        pattern.combine = LogPattern::Combine(m_rows[i].combine->currentData().toInt());
        query.patterns.append(pattern);
    }
    if (m_level->currentIndex() > 0)
        query.minimumLevel = LogLevel(m_level->currentData().toInt());
    if (m_sinceEnabled->isChecked())
        query.since = m_since->dateTime();
    if (m_untilEnabled->isChecked())
        query.until = m_until->dateTime();
    return query;
}

void LogFilterPane::setQuery(const LogQuery &query)
{
    const QSignalBlocker blocker(this);
    while (!m_rows.isEmpty()) {
        delete m_rows.constLast().widget;
        m_rows.removeLast();
    }
    for (const LogPattern &pattern : query.patterns)
        addPattern(pattern);
    if (m_rows.isEmpty())
        addPattern();
    m_level->setCurrentIndex(query.minimumLevel ? m_level->findData(int(*query.minimumLevel)) : 0);
    m_sinceEnabled->setChecked(query.since.has_value());
    if (query.since)
        m_since->setDateTime(*query.since);
    m_untilEnabled->setChecked(query.until.has_value());
    if (query.until)
        m_until->setDateTime(*query.until);
    m_pause.stop();
}

void LogFilterPane::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString LogFilterPane::statusText() const
{
    return m_status->text();
}

void LogFilterPane::setProblem(const LogQueryProblem &problem)
{
    const QString text = problem.column > 0
                             ? tr("Column %1: %2").arg(problem.column).arg(problem.message)
                             : problem.message;
    const QList<int> used = usedRows();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows[i].edit->setProblem(problem.patternIndex >= 0 &&
                                           problem.patternIndex < used.size() &&
                                           used[problem.patternIndex] == i
                                       ? text
                                       : QString());
    m_problem->setText(text);
    m_problem->show();
}

void LogFilterPane::clearProblem()
{
    for (const Row &row : std::as_const(m_rows))
        row.edit->setProblem({});
    m_problem->clear();
    m_problem->hide();
}

QString LogFilterPane::problemText() const
{
    return m_problem->text();
}

void LogFilterPane::setExportEnabled(bool enabled)
{
    m_export->setEnabled(enabled);
}

QList<LogPatternEdit *> LogFilterPane::patternEdits() const
{
    QList<LogPatternEdit *> edits;
    for (const Row &row : m_rows)
        edits.append(row.edit);
    return edits;
}

} // namespace OpsDeck
