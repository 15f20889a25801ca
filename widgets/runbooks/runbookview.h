// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbooksession.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTreeView;
class QVBoxLayout;

namespace OpsDeck {

class RunbookOutlineModel;
class RunbookOutlineProxy;
class RunbookStepCard;

// A runbook to follow and run: the outline of its sections on the left, the chosen section on
// the right as a document (prose, then a card per step in runbook order), the default host and
// database, progress, Run Section and Stop on top, and the runbook's warnings. Everything runs
// through the RunbookSession; the view shows what it reports.
class RunbookView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookView)

public:
    using SectionFilter = std::function<bool(const RunbookSection &)>;

    // Answers the session's confirmations (RunbookConfirmation): Change asks, Destroy wants the
    // target host typed.
    explicit RunbookView(RunbookSession *session, QWidget *parent = nullptr);
    ~RunbookView() override;

    RunbookSession *session() const { return m_session; }
    RunbookOutlineModel *outlineModel() const { return m_outline; }

    // Rebuilds everything from session()->runbook() and the session's hosts and databases.
    void reload();

    // Shows only the sections filter accepts (an empty filter shows all), e.g. the diagnosis
    // sections of an incident runbook in a wizard page.
    void setSectionFilter(SectionFilter filter);
    void showOnlySections(const QList<int> &sections);
    // Without the outline the document shows every section the filter lets through.
    void setOutlineVisible(bool visible);

    // The section chosen in the outline, -1 when none.
    int currentSection() const { return m_currentSection; }
    void selectSection(int section);
    // The sections the document shows now, in runbook order.
    QList<int> shownSections() const { return m_shownSections; }
    // Shows the step's section if needed and scrolls its card into view.
    void showStep(RunbookStepId step);

    // Runs the section of the focused card, else the one chosen in the outline, else the first
    // shown section with something to run.
    void runSection();
    void stop();

    // For tests and the wizard: the card of a shown step, or null.
    RunbookStepCard *cardFor(RunbookStepId step) const;
    QList<RunbookStepCard *> cards() const;
    QTreeView *outlineView() const { return m_tree; }
    QLineEdit *outlineFilter() const { return m_filter; }
    QComboBox *hostCombo() const { return m_hostCombo; }
    QComboBox *databaseCombo() const { return m_databaseCombo; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *runSectionButton() const { return m_runSectionButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QLabel *warningLabel() const { return m_warningText; }
    QScrollArea *documentArea() const { return m_scroll; }

    // The section's title as the outline and the document show it.
    static QString sectionTitle(const RunbookSession *session, int section);

Q_SIGNALS:
    void currentSectionChanged(int section);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onCurrentOutlineRowChanged(const QModelIndex &current);
    void showSections(const QList<int> &sections);
    void rebuildDocument();
    QWidget *createSectionHeader(int section, QWidget *parent);
    QWidget *createProse(const RunbookBlock &block, QWidget *parent);
    // A link in the prose: a section of this runbook, or a web page once the user saw its
    // address and agreed; anything else is refused with the reason.
    void followLink(const QString &href);
    void goToAnchor(const QString &anchor);
    QWidget *createReference(const RunbookBlock &block, QWidget *parent);
    void updateSectionHeaders();
    void updateWarnings();
    void updateProgress();
    void updateButtons();
    void updateTargets();
    void onStepChanged(RunbookStepId step);
    void scrollToCard(RunbookStepCard *card);
    int sectionToRun() const;
    bool isSectionAllowed(int section) const;
    QList<int> allowedSections() const;
    void saveSplitter() const;

    QPointer<RunbookSession> m_session;
    RunbookOutlineModel *m_outline;
    RunbookOutlineProxy *m_proxy;
    std::function<bool(int)> m_allowed; // by section index; empty: every section
    bool m_filteringOutline = false;
    QList<int> m_shownSections;
    int m_currentSection = -1;
    QHash<RunbookStepId, RunbookStepCard *> m_cards;
    QHash<int, QLabel *> m_sectionCounts;
    QHash<int, QPushButton *> m_sectionRunButtons;
    RunbookStepId m_highlighted;
    RunbookStepId m_lastUnsuccessful;

    QLabel *m_title;
    QComboBox *m_hostCombo;
    QComboBox *m_databaseCombo;
    QLabel *m_databaseLabel = nullptr; // shown with the combo, only for runbooks with SQL
    QProgressBar *m_progress;
    QPushButton *m_runSectionButton;
    QPushButton *m_stopButton;
    QWidget *m_warning;
    QLabel *m_warningText;
    QSplitter *m_splitter;
    QWidget *m_outlinePane;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QScrollArea *m_scroll;
    QWidget *m_document = nullptr;
};

} // namespace OpsDeck
