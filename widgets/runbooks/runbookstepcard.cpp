// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/runbooks/runbookstepcard.h"

#include "models/core/units.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QVBoxLayout>

namespace OpsDeck {

QColor stepStateColour(StepState state, const QPalette &palette)
{
    switch (state) {
    case StepState::Succeeded:
        return StatusColours::good(palette);
    case StepState::Failed:
        return StatusColours::bad(palette);
    case StepState::Cancelled:
    case StepState::Refused:
        return StatusColours::caution(palette);
    case StepState::Running:
        return palette.color(QPalette::Highlight);
    case StepState::NotRun:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

namespace {

QLabel *smallGreyLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(palette);
    return label;
}

} // namespace

FittedTextView::FittedTextView(int minimumLines, int maximumLines, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_minimumLines(minimumLines)
    , m_maximumLines(maximumLines)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGeometry(); });
    // The horizontal scroll bar takes room when a line is wider than the view.
    connect(horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this] { updateGeometry(); });
}

FittedTextView::~FittedTextView() = default;

QSize FittedTextView::sizeHint() const
{
    const int lines = std::clamp(blockCount(), m_minimumLines, m_maximumLines);
    const QMargins margins = contentsMargins();
    int height = lines * fontMetrics().lineSpacing() + 2 * int(document()->documentMargin()) +
                 margins.top() + margins.bottom() + 2;
    if (horizontalScrollBar()->maximum() > 0)
        height += horizontalScrollBar()->sizeHint().height();
    return {QPlainTextEdit::sizeHint().width(), height};
}

QSize FittedTextView::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), sizeHint().height()};
}

RunbookStepCard::RunbookStepCard(RunbookSession *session, RunbookStepId step, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_step(step)
{
    setObjectName(QStringLiteral("stepCard"));
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    const RunbookBlock &block = session->block(step);
    if (block.kind == RunbookBlock::ManualCheck)
        buildManualCheck(block);
    else
        buildRunnable(block);
    updateFromSession();
}

RunbookStepCard::~RunbookStepCard() = default;

void RunbookStepCard::buildRunnable(const RunbookBlock &block)
{
    m_isSql = block.kind == RunbookBlock::Sql;
    if (!m_isSql)
        m_lines = logicalShellLines(block.text);

    // Header: risk badge and reason, where the block is in the file, target, copy.
    m_riskBadge = new QLabel(riskName(block.risk), this);
    m_riskBadge->setObjectName(QStringLiteral("riskBadge"));
    const QColor riskColour = StatusColours::forRisk(block.risk, palette());
    m_riskBadge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; "
                       "padding: 1px 7px; font-weight: bold; }")
            .arg(riskColour.name(), StatusColours::textOn(riskColour).name()));
    m_riskBadge->setToolTip(block.riskReason.isEmpty() ? tr("Only reads; runs without asking")
                                                       : block.riskReason);
    auto *reason = new QLabel(block.riskReason, this);
    reason->setObjectName(QStringLiteral("riskReason"));
    reason->setTextFormat(Qt::PlainText);
    reason->setWordWrap(true);
    reason->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    if (block.risk != Risk::Read) {
        QPalette palette = reason->palette();
        palette.setColor(QPalette::WindowText, riskColour);
        reason->setPalette(palette);
    }
    const QString where = block.language.isEmpty()
                              ? tr("line %1").arg(block.line)
                              : tr("line %1 · %2").arg(block.line).arg(block.language);
    auto *location = smallGreyLabel(where, this);
    location->setToolTip(tr("Where this block is in the runbook file"));

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("stepTarget"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_target->setAccessibleName(m_isSql ? tr("Database for this step") : tr("Host for this step"));
    m_target->setToolTip(m_isSql ? tr("The database this step runs on")
                                 : tr("The host this step runs on"));
    connect(m_target, &QComboBox::activated, this, [this](int index) {
        if (m_session)
            m_session->setStepTarget(m_step, m_target->itemData(index).toString());
    });

    m_copyButton = new QPushButton(tr("Copy"), this);
    m_copyButton->setToolTip(tr("Copy the command with the values filled in"));
    connect(m_copyButton, &QPushButton::clicked, this, &RunbookStepCard::copyCommand);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_riskBadge, 0, Qt::AlignTop);
    // How the step runs, when not as an ordinary command: until Stop, or not here at all.
    const auto badge = [this](const QString &text, const QString &name, const QColor &colour) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        label->setStyleSheet(QStringLiteral("QLabel { border: 1px solid %1; color: %1; "
                                            "border-radius: 3px; padding: 0px 6px; }")
                                 .arg(colour.name()));
        return label;
    };
    if (!block.streams.isEmpty()) {
        m_streamsBadge = badge(tr("streams until Stop"), QStringLiteral("streamsBadge"),
                               palette().color(QPalette::Highlight));
        m_streamsBadge->setToolTip(block.streams);
        header->addWidget(m_streamsBadge, 0, Qt::AlignTop);
    }
    m_terminalOnly = block.isTerminalOnly();
    if (m_terminalOnly) {
        m_terminalBadge = badge(tr("run in a terminal"), QStringLiteral("terminalBadge"),
                                StatusColours::caution(palette()));
        m_terminalBadge->setToolTip(block.terminalReason());
        header->addWidget(m_terminalBadge, 0, Qt::AlignTop);
    }
    header->addWidget(reason, 1);
    header->addWidget(location);
    header->addWidget(m_target);
    header->addWidget(m_copyButton);

    m_code = new FittedTextView(1, 24, this);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setAccessibleName(m_isSql ? tr("SQL") : tr("Command"));
    m_code->setPlainText(block.text);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette codePalette = m_code->palette();
    codePalette.setColor(QPalette::Base, codePalette.color(QPalette::AlternateBase));
    m_code->setPalette(codePalette);
    connect(m_code, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        highlightLineUnderCursor();
        updateButtons();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 12, 10);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_code);

    const auto note = [this, layout](const QString &text, const QString &name, bool caution) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText,
                         caution ? StatusColours::caution(palette)
                                 : palette.color(QPalette::Disabled, QPalette::WindowText));
        label->setPalette(palette);
        layout->addWidget(label);
        return label;
    };
    if (!block.warnings.isEmpty())
        note(block.warnings.join(u'\n'), QStringLiteral("blockWarnings"), true);
    for (const RunbookContextSwitch &contextSwitch : block.contextSwitches) {
        const int first = contextSwitch.openerEnd + 2;
        const int last =
            contextSwitch.exitLine >= 0 ? contextSwitch.exitLine : contextSwitch.lastLine + 1;
        if (contextSwitch.runsInside) {
            note(tr("Lines %1–%2 are typed in the shell that line %3 opens: they run inside it, "
                    "as %4 '…'")
                     .arg(first)
                     .arg(last)
                     .arg(contextSwitch.line + 1)
                     .arg(contextSwitch.runInside),
                 QStringLiteral("runsInsideNote"), false);
        }
    }
    if (m_terminalOnly) {
        note(tr("Run this in a terminal: %1. Copy puts the command on the clipboard with the "
                "values filled in.")
                 .arg(block.terminalReason()),
             QStringLiteral("terminalNote"), true);
        m_copyButton->setDefault(true);
    }

    m_cannotRunWhole = !block.wholeRunProblem.isEmpty() || m_terminalOnly;
    if (!block.wholeRunProblem.isEmpty()) {
        auto *warning = new QLabel(tr("This block cannot run as a whole: %1. Run its lines one "
                                      "at a time, or fix the runbook.")
                                       .arg(block.wholeRunProblem),
                                   this);
        warning->setWordWrap(true);
        QPalette palette = warning->palette();
        palette.setColor(QPalette::WindowText, StatusColours::caution(palette));
        warning->setPalette(palette);
        layout->addWidget(warning);
    }

    // Placeholders: one field each; the session shares values across the runbook.
    // The parser lists each placeholder once.
    const QStringList &placeholders = block.placeholders;
    if (!placeholders.isEmpty()) {
        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        for (const QString &placeholder : std::as_const(placeholders)) {
            auto *edit = new QLineEdit(this);
            edit->setObjectName(u"placeholder:" + placeholder);
            edit->setAccessibleName(tr("Value for %1").arg(placeholder));
            edit->setPlaceholderText(tr("value for %1, shared by every step").arg(placeholder));
            edit->setClearButtonEnabled(true);
            connect(edit, &QLineEdit::textEdited, this, [this, placeholder](const QString &text) {
                if (m_session)
                    m_session->setPlaceholderValue(placeholder, text);
            });
            auto *label = new QLabel(placeholder, this);
            label->setTextFormat(Qt::PlainText);
            label->setFont(fixed);
            label->setBuddy(edit);
            form->addRow(label, edit);
            m_placeholders.insert(placeholder, edit);
        }
        layout->addLayout(form);
        m_missing = new QLabel(this);
        m_missing->setObjectName(QStringLiteral("missingValues"));
        m_missing->setTextFormat(Qt::PlainText);
        m_missing->setWordWrap(true);
        QPalette palette = m_missing->palette();
        palette.setColor(QPalette::WindowText, StatusColours::caution(palette));
        m_missing->setPalette(palette);
        layout->addWidget(m_missing);
    }

    m_runButton = new QPushButton(themedIcon(QStringLiteral("command")), tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("runStep"));
    m_runButton->setToolTip(tr("Run this step (Ctrl+Return)"));
    m_runLineButton = new QPushButton(tr("Run Line"), this);
    m_runLineButton->setObjectName(QStringLiteral("runLine"));
    m_runLineButton->setToolTip(
        tr("Run only the command under the cursor in the code above (with its continuation "
           "lines and here-document)"));
    // A block that cannot run whole is run line by line, even when it is a single line. A
    // step for a terminal has no Run: Copy is its button; Run Line only for lines outside
    // what is typed in the terminal.
    const bool lineOutsideTerminal = std::ranges::any_of(m_lines, [&](const ShellLine &line) {
        return std::ranges::none_of(block.contextSwitches, [&](const RunbookContextSwitch &s) {
            return !s.runsInside && s.covers(line.firstLine);
        });
    });
    m_runLineButton->setVisible((m_lines.size() > 1 || m_cannotRunWhole) && lineOutsideTerminal);
    m_runButton->setVisible(!m_terminalOnly);
    if (m_cannotRunWhole)
        m_runButton->setToolTip(tr("This block cannot run as a whole (see the warning above); "
                                   "put the cursor on a command and use Run Line"));
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopStep"));
    m_stopButton->setToolTip(tr("Stop this step (Esc)"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("stepStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_runButton, &QPushButton::clicked, this, &RunbookStepCard::run);
    connect(m_runLineButton, &QPushButton::clicked, this, &RunbookStepCard::runLine);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_session && m_session->currentStep() == m_step)
            m_session->stop();
    });
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_runLineButton);
    buttons->addWidget(m_stopButton);
    buttons->addSpacing(8);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);

    m_expectedTitle = smallGreyLabel(tr("Expected output"), this);
    m_expected = new FittedTextView(1, 12, this);
    m_expected->setObjectName(QStringLiteral("expectedOutput"));
    m_expected->setAccessibleName(tr("Expected output"));
    QPalette expectedPalette = m_expected->palette();
    expectedPalette.setColor(QPalette::Text,
                             expectedPalette.color(QPalette::Disabled, QPalette::Text));
    expectedPalette.setColor(QPalette::Base, expectedPalette.color(QPalette::Window));
    m_expected->setPalette(expectedPalette);
    m_expectedTitle->hide();
    m_expected->hide();
    layout->addWidget(m_expectedTitle);
    layout->addWidget(m_expected);

    m_output = new FittedTextView(2, 16, this);
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setAccessibleName(tr("Output"));
    m_output->setMaximumBlockCount(MaximumOutputLines); // the session keeps all of it
    m_output->hide();
    layout->addWidget(m_output);

    m_done = new QCheckBox(tr("Done"), this);
    m_done->setObjectName(QStringLiteral("stepDone"));
    m_done->setToolTip(tr("Ticked when the step succeeds; tick it yourself when you did it "
                          "another way"));
    connect(m_done, &QCheckBox::toggled, this, [this](bool checked) {
        if (m_session)
            m_session->setDone(m_step, checked);
    });
    m_notes = new QLineEdit(this);
    m_notes->setObjectName(QStringLiteral("stepNotes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("Notes on this step, for the incident record"));
    connect(m_notes, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_session)
            m_session->setNotes(m_step, text);
    });
    connect(m_notes, &QLineEdit::editingFinished, this, [this] {
        if (m_session)
            m_session->commitNotes(m_step);
    });
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_done);
    footer->addWidget(m_notes, 1);
    layout->addLayout(footer);

    auto *runShortcut = new QAction(this);
    runShortcut->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QAction::triggered, this, &RunbookStepCard::run);
    addAction(runShortcut);

    updateTargets();
    updatePlaceholders();
    highlightLineUnderCursor();
}

void RunbookStepCard::buildManualCheck(const RunbookBlock &block)
{
    m_done = new QCheckBox(this);
    m_done->setObjectName(QStringLiteral("stepDone"));
    m_done->setAccessibleName(block.text);
    connect(m_done, &QCheckBox::toggled, this, [this](bool checked) {
        if (m_session)
            m_session->setDone(m_step, checked);
    });
    // A label next to the box, because a QCheckBox's own text does not wrap.
    m_checkText = new QLabel(block.text, this);
    m_checkText->setObjectName(QStringLiteral("checkText"));
    m_checkText->setTextFormat(Qt::PlainText);
    m_checkText->setWordWrap(true);
    m_checkText->setCursor(Qt::PointingHandCursor);
    m_checkText->installEventFilter(this);
    auto *kind = smallGreyLabel(tr("check"), this);
    kind->setToolTip(tr("A manual check: tick it when it is true"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 8);
    layout->setSpacing(8);
    layout->addWidget(m_done, 0, Qt::AlignTop);
    layout->addWidget(m_checkText, 1);
    layout->addWidget(kind, 0, Qt::AlignTop);
}

bool RunbookStepCard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_checkText && event->type() == QEvent::MouseButtonRelease &&
        static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        m_done->toggle();
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

QLineEdit *RunbookStepCard::placeholderEdit(const QString &placeholder) const
{
    return m_placeholders.value(placeholder);
}

void RunbookStepCard::setExpectedOutput(const QString &text)
{
    if (!m_expected)
        return;
    m_expected->setPlainText(text);
    m_expected->setVisible(!text.isEmpty());
    m_expectedTitle->setVisible(!text.isEmpty());
}

void RunbookStepCard::updateFromSession()
{
    if (!m_session)
        return;
    const StepRun &run = m_session->stepRun(m_step);
    {
        const QSignalBlocker blocker(m_done);
        m_done->setChecked(run.done);
    }
    if (m_notes && m_notes->text() != run.notes)
        m_notes->setText(run.notes);

    if (m_status) {
        // A new run starts with what the session holds; later output arrives by appendOutput().
        if (run.state == StepState::Running && m_shownState != StepState::Running)
            resetOutput(run.output);
        else if (m_shownState == StepState::NotRun && run.state != StepState::Running &&
                 m_output->document()->isEmpty() && !run.output.isEmpty())
            resetOutput(run.output); // a card built after the step ran
        m_output->setVisible(run.state == StepState::Running || !m_output->document()->isEmpty());

        QString status;
        const QString duration = formatDuration(run.result.durationMs);
        switch (run.state) {
        case StepState::NotRun:
            break;
        case StepState::Running:
            status = m_streamsBadge ? tr("streaming from %1 until you press Stop…").arg(run.target)
                                    : tr("running on %1…").arg(run.target);
            break;
        case StepState::Succeeded:
        case StepState::Failed:
        case StepState::Cancelled:
            status = run.streamed ? tr("streamed for %1, stopped").arg(duration)
                                  : tr("%1 · %2").arg(run.result.summary(), duration);
            break;
        case StepState::Refused:
            status = tr("refused: %1").arg(run.message);
            break;
        }
        m_status->setText(status);
        QPalette palette = m_status->palette();
        palette.setColor(QPalette::WindowText,
                         run.state == StepState::NotRun || run.state == StepState::Running
                             ? QApplication::palette().color(QPalette::WindowText)
                             : stepStateColour(run.state, palette));
        m_status->setPalette(palette);
        m_status->setToolTip(
            run.startedAt.isValid() && run.state != StepState::Refused
                ? tr("Ran on %1 at %2")
                      .arg(run.target, QLocale().toString(run.startedAt, QLocale::LongFormat))
                : QString());
        if (m_target && m_target->currentIndex() >= 0) {
            // The session may have been given a target elsewhere (another view, a wizard).
            const QString own = m_target->currentData().toString();
            const QString effective = m_session->targetOf(m_step);
            if (!own.isEmpty() && own != effective)
                updateTargets();
        }
    }
    m_shownState = run.state;
    updateButtons();
    update();
}

void RunbookStepCard::resetOutput(const QString &text)
{
    m_output->setPlainText(text);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void RunbookStepCard::appendOutput(const QString &text)
{
    if (!m_output || text.isEmpty())
        return;
    QScrollBar *bar = m_output->verticalScrollBar();
    // Follow new output only while the reader is at the end, not when they scrolled up to read.
    const bool following = bar->value() >= bar->maximum() - 1;
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_output->show();
    if (following)
        bar->setValue(bar->maximum());
}

void RunbookStepCard::updatePlaceholders()
{
    if (!m_session)
        return;
    for (auto it = m_placeholders.cbegin(); it != m_placeholders.cend(); ++it) {
        const QString value = m_session->placeholderValue(it.key());
        if (it.value()->text() != value)
            it.value()->setText(value);
    }
    if (m_missing) {
        const QStringList missing = m_session->prepare(m_step).missingValues;
        m_missingValues = !missing.isEmpty();
        m_missing->setText(
            missing.isEmpty()
                ? QString()
                : tr("Fill in %1 to run this step.").arg(missing.join(QStringLiteral(", "))));
        m_missing->setVisible(!missing.isEmpty());
        updateButtons();
    }
}

void RunbookStepCard::updateTargets()
{
    if (!m_target || !m_session)
        return;
    const QStringList choices = m_isSql ? m_session->databaseChoices() : m_session->hostChoices();
    const QString fallback = m_isSql ? m_session->defaultDatabase() : m_session->defaultHost();
    const QString effective = m_session->targetOf(m_step);
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    m_target->addItem(
        fallback.isEmpty()
            ? (m_isSql ? tr("Default database") : tr("Default host"))
            : (m_isSql ? tr("Default database (%1)") : tr("Default host (%1)")).arg(fallback),
        QString());
    for (const QString &choice : choices)
        m_target->addItem(choice, choice);
    const int own = effective == fallback ? -1 : m_target->findData(effective);
    m_target->setCurrentIndex(own > 0 ? own : 0);
    // With one choice there is nothing to pick beyond the default.
    m_target->setVisible(choices.size() > 1 || own > 0);
}

void RunbookStepCard::updateButtons()
{
    if (!m_runButton || !m_session)
        return;
    const bool running = m_session->isRunning();
    const bool thisRunning = running && m_session->currentStep() == m_step;
    // An unfilled placeholder blocks Run; the line under the form says which.
    m_runButton->setEnabled(!running && !m_cannotRunWhole && !m_missingValues);
    if (!m_cannotRunWhole) {
        m_runButton->setToolTip(m_missingValues ? tr("Fill in the values named below first")
                                                : tr("Run this step (Ctrl+Return)"));
    }
    const int index = lineUnderCursor();
    const auto inTerminal = [&](int line) {
        return std::ranges::any_of(
            m_session->block(m_step).contextSwitches,
            [line](const RunbookContextSwitch &s) { return !s.runsInside && s.covers(line); });
    };
    m_runLineButton->setEnabled(!running && index >= 0 && !inTerminal(m_lines[index].firstLine));
    m_stopButton->setEnabled(thisRunning);
}

int RunbookStepCard::lineUnderCursor() const
{
    if (!m_code || m_isSql)
        return -1;
    const int physical = m_code->textCursor().blockNumber();
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (physical >= m_lines[i].firstLine && physical <= m_lines[i].lastLine)
            return int(i);
    }
    return -1;
}

void RunbookStepCard::highlightLineUnderCursor()
{
    if (!m_code || m_lines.size() < 2)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    const int index = lineUnderCursor();
    if (index >= 0) {
        QColor background = palette().color(QPalette::Highlight);
        background.setAlpha(40);
        for (int line = m_lines[index].firstLine; line <= m_lines[index].lastLine; ++line) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_code->document()->findBlockByNumber(line));
            selection.format.setBackground(background);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
    }
    m_code->setExtraSelections(selections);
}

void RunbookStepCard::run()
{
    if (m_session && m_runButton && !m_session->isRunning())
        m_session->run(m_step);
}

void RunbookStepCard::runLine()
{
    const int index = lineUnderCursor();
    if (m_session && index >= 0 && !m_session->isRunning())
        m_session->run(m_step, m_lines[index].firstLine);
}

void RunbookStepCard::copyCommand()
{
    if (!m_session)
        return;
    const PreparedStep prepared = m_session->prepare(m_step);
    QApplication::clipboard()->setText(
        prepared.shownCommand.isEmpty() ? m_session->block(m_step).text : prepared.shownCommand);
}

void RunbookStepCard::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QColor RunbookStepCard::accentColour() const
{
    return stepStateColour(m_shownState, palette());
}

void RunbookStepCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    QPainterPath outline;
    outline.addRoundedRect(box, 6, 6);
    painter.fillPath(outline, palette().color(QPalette::Base));
    // A stripe on the left says how the step went, at a glance down the page.
    if (m_shownState != StepState::NotRun || (m_done && m_done->isChecked())) {
        const QColor stripe =
            m_shownState == StepState::NotRun ? StatusColours::good(palette()) : accentColour();
        painter.save();
        painter.setClipPath(outline);
        painter.fillRect(QRectF(box.left(), box.top(), 5, box.height()), stripe);
        painter.restore();
    }
    QPen pen(m_highlighted ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid));
    pen.setWidthF(m_highlighted ? 2.0 : 1.0);
    painter.setPen(pen);
    painter.drawPath(outline);
}

} // namespace OpsDeck
