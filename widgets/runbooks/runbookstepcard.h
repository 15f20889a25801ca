// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbooksession.h"

#include <QFrame>
#include <QMap>
#include <QPlainTextEdit>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace OpsDeck {

// A read-only text view as tall as its lines (between minimumLines and maximumLines, beyond
// that it scrolls), for code and output inside a scrolling document.
class FittedTextView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FittedTextView)

public:
    FittedTextView(int minimumLines, int maximumLines, QWidget *parent = nullptr);
    ~FittedTextView() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    int m_minimumLines;
    int m_maximumLines;
};

// One step of a runbook as a card: a command or SQL block with its risk, placeholder form,
// target, Run / Run Line / Stop, live output, status, done and notes; or a manual check. The
// card acts only through the session, and shows what the session reports.
class RunbookStepCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookStepCard)

public:
    static constexpr int MaximumOutputLines = 5000;

    RunbookStepCard(RunbookSession *session, RunbookStepId step, QWidget *parent = nullptr);
    ~RunbookStepCard() override;

    RunbookStepId step() const { return m_step; }
    // The expected output that follows the command in a `console` block, shown in grey.
    void setExpectedOutput(const QString &text);

    // Follow the session: state, status, output, done, notes / placeholder values / targets.
    void updateFromSession();
    void updatePlaceholders();
    void updateTargets();
    void updateButtons();
    void appendOutput(const QString &text);
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    // The logical line of the code under the cursor, as an index into logicalShellLines(), or
    // -1 when the cursor is on no command (a comment or a blank line).
    int lineUnderCursor() const;
    void run();
    void runLine();
    void copyCommand();

    // For tests and the view's keyboard handling.
    QPlainTextEdit *codeView() const { return m_code; }
    QPlainTextEdit *outputView() const { return m_output; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *riskBadge() const { return m_riskBadge; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *runLineButton() const { return m_runLineButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *copyButton() const { return m_copyButton; }
    QLabel *streamsBadge() const { return m_streamsBadge; }   // null unless it streams
    QLabel *terminalBadge() const { return m_terminalBadge; } // null unless for a terminal
    QCheckBox *doneBox() const { return m_done; }
    QLineEdit *notesEdit() const { return m_notes; }
    QComboBox *targetCombo() const { return m_target; }
    QLineEdit *placeholderEdit(const QString &placeholder) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildRunnable(const RunbookBlock &block);
    void buildManualCheck(const RunbookBlock &block);
    void highlightLineUnderCursor();
    void resetOutput(const QString &text);
    QColor accentColour() const;

    QPointer<RunbookSession> m_session;
    RunbookStepId m_step;
    bool m_isSql = false;
    bool m_cannotRunWhole = false; // e.g. an unclosed here-document: Run Line only
    bool m_terminalOnly = false;   // for a terminal: Copy, no Run
    bool m_missingValues = false;  // a placeholder without a value: Run waits for it
    bool m_highlighted = false;
    StepState m_shownState = StepState::NotRun;
    QList<ShellLine> m_lines;

    QLabel *m_riskBadge = nullptr;
    QLabel *m_streamsBadge = nullptr;
    QLabel *m_terminalBadge = nullptr;
    QComboBox *m_target = nullptr;
    FittedTextView *m_code = nullptr;
    QMap<QString, QLineEdit *> m_placeholders;
    QLabel *m_missing = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_runLineButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_expectedTitle = nullptr;
    FittedTextView *m_expected = nullptr;
    FittedTextView *m_output = nullptr;
    QCheckBox *m_done = nullptr;
    QLabel *m_checkText = nullptr;
    QLineEdit *m_notes = nullptr;
};

// The colour of a step's state, from the one status colour table.
QColor stepStateColour(StepState state, const QPalette &palette);

} // namespace OpsDeck
