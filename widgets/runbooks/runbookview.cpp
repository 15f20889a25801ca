// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/runbooks/runbookview.h"

#include "models/runbooks/runbooklink.h"
#include "models/runbooks/runbookoutlinemodel.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/runbooks/runbookconfirmation.h"
#include "widgets/runbooks/runbookstepcard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

const QString SplitterKey = QStringLiteral("runbookView/splitter");
constexpr int MaximumWarningLines = 6;

bool hasRunnableSteps(const RunbookSession *session, int section)
{
    const QList<RunbookStepId> steps = session->stepsOfSection(section);
    return std::ranges::any_of(
        steps, [session](const RunbookStepId &step) { return session->block(step).isRunnable(); });
}

} // namespace

// Filters the outline by title and by the sections a wizard page wants; a chapter stays
// visible while one of its subsections does.
class RunbookOutlineProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setAllowed(std::function<bool(int)> allowed)
    {
        m_allowed = std::move(allowed);
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == RunbookOutlineModel::StepsColumn &&
            index.data(RunbookOutlineModel::AllDoneRole).toBool())
            return themedIcon(QStringLiteral("ok"));
        // A section whose text the runbook warns about (a lost fence, a look-alike dash).
        if (role == Qt::DecorationRole && index.column() == RunbookOutlineModel::TitleColumn &&
            !index.data(RunbookOutlineModel::WarningsRole).toStringList().isEmpty())
            return themedIcon(QStringLiteral("warning"));
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (m_allowed && !m_allowed(RunbookOutlineModel::sectionOf(index)))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }

private:
    std::function<bool(int)> m_allowed;
};

QString RunbookView::sectionTitle(const RunbookSession *session, int section)
{
    const RunbookSection &entry = session->runbook().sections.at(section);
    if (!entry.title.isEmpty())
        return entry.title;
    return entry.level == 0 ? tr("Introduction") : tr("Untitled section");
}

void RunbookView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A step may have asked while no view of the session was on screen.
    if (m_session)
        RunbookConfirmation::of(m_session)->offer();
}

RunbookView::RunbookView(RunbookSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_outline(new RunbookOutlineModel(session, this))
    , m_proxy(new RunbookOutlineProxy(this))
    , m_title(new QLabel(this))
    , m_hostCombo(new QComboBox(this))
    , m_databaseCombo(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_runSectionButton(
          new QPushButton(themedIcon(QStringLiteral("command")), tr("Run &Section"), this))
    , m_stopButton(new QPushButton(tr("S&top"), this))
    , m_warning(new QWidget(this))
    , m_warningText(new QLabel(m_warning))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_outlinePane(new QWidget(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_scroll(new QScrollArea(this))
{
    RunbookConfirmation::of(session)->addView(this);

    m_title->setObjectName(QStringLiteral("runbookTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);

    m_hostCombo->setObjectName(QStringLiteral("defaultHost"));
    m_hostCombo->setAccessibleName(tr("Default host"));
    m_hostCombo->setToolTip(tr("The host every step runs on unless the step names its own"));
    m_hostCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_hostCombo->setMinimumContentsLength(10);
    m_hostCombo->setPlaceholderText(tr("no hosts in the workspace"));
    connect(m_hostCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_session)
            return;
        m_session->setDefaultHost(m_hostCombo->itemText(index));
        updateTargets();
    });
    m_databaseCombo->setObjectName(QStringLiteral("defaultDatabase"));
    m_databaseCombo->setAccessibleName(tr("Default database"));
    m_databaseCombo->setToolTip(tr("The database SQL steps run on unless the step names its own"));
    m_databaseCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_databaseCombo->setMinimumContentsLength(10);
    connect(m_databaseCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_session)
            return;
        m_session->setDefaultDatabase(m_databaseCombo->itemText(index));
        updateTargets();
    });
    auto *hostLabel = new QLabel(tr("H&ost:"), this);
    hostLabel->setBuddy(m_hostCombo);
    m_databaseLabel = new QLabel(tr("Data&base:"), this);
    m_databaseLabel->setBuddy(m_databaseCombo);

    m_progress->setObjectName(QStringLiteral("runbookProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setMinimumWidth(120);
    m_progress->setTextVisible(true);

    m_runSectionButton->setObjectName(QStringLiteral("runSection"));
    m_stopButton->setObjectName(QStringLiteral("stopRun"));
    m_stopButton->setToolTip(tr("Stop the running step and the rest of its section (Esc)"));
    connect(m_runSectionButton, &QPushButton::clicked, this, &RunbookView::runSection);
    connect(m_stopButton, &QPushButton::clicked, this, &RunbookView::stop);

    // The runbook's warnings and repairs: worth reading once, then out of the way.
    m_warning->setObjectName(QStringLiteral("runbookWarnings"));
    m_warning->setAutoFillBackground(true);
    QPalette warningPalette = m_warning->palette();
    QColor warningBackground = StatusColours::caution(palette());
    warningBackground.setAlpha(40);
    warningPalette.setColor(QPalette::Window, warningBackground);
    m_warning->setPalette(warningPalette);
    auto *warningIcon = new QLabel(m_warning);
    warningIcon->setPixmap(themedIcon(QStringLiteral("warning")).pixmap(QSize(18, 18)));
    m_warningText->setObjectName(QStringLiteral("runbookWarningText"));
    m_warningText->setTextFormat(Qt::PlainText);
    m_warningText->setWordWrap(true);
    m_warningText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_warning);
    dismiss->setObjectName(QStringLiteral("dismissWarnings"));
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Hide these warnings"));
    dismiss->setAccessibleName(tr("Hide warnings"));
    connect(dismiss, &QToolButton::clicked, m_warning, &QWidget::hide);
    auto *warningLayout = new QHBoxLayout(m_warning);
    warningLayout->setContentsMargins(10, 6, 6, 6);
    warningLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    warningLayout->addWidget(m_warningText, 1);
    warningLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_warning->hide();

    // Outline.
    m_proxy->setSourceModel(m_outline);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(RunbookOutlineModel::TitleColumn);
    m_filter->setObjectName(QStringLiteral("sectionFilter"));
    m_filter->setPlaceholderText(tr("Filter sections (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter sections"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Filtering may move the tree's current row to a neighbour; the page stays until a row
        // is chosen, so the current row goes back to the shown section (none when filtered out).
        m_filteringOutline = true;
        m_proxy->setFilterFixedString(text);
        m_tree->selectionModel()->setCurrentIndex(
            m_proxy->mapFromSource(m_outline->indexOfSection(m_currentSection)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_filteringOutline = false;
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    m_tree->setObjectName(QStringLiteral("outline"));
    m_tree->setAccessibleName(tr("Sections"));
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setIconSize(QSize(16, 16));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RunbookOutlineModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(RunbookOutlineModel::StepsColumn,
                                           QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_filteringOutline)
                    onCurrentOutlineRowChanged(m_proxy->mapToSource(current));
            });
    auto *outlineLayout = new QVBoxLayout(m_outlinePane);
    outlineLayout->setContentsMargins(0, 0, 0, 0);
    outlineLayout->setSpacing(6);
    outlineLayout->addWidget(m_filter);
    outlineLayout->addWidget(m_tree, 1);

    m_scroll->setObjectName(QStringLiteral("runbookDocument"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_splitter->setObjectName(QStringLiteral("runbookSplitter"));
    m_splitter->addWidget(m_outlinePane);
    m_splitter->addWidget(m_scroll);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({300, 900});
    m_splitter->restoreState(QSettings().value(SplitterKey).toByteArray());

    auto *controls = new QHBoxLayout;
    controls->setSpacing(8);
    controls->addWidget(hostLabel);
    controls->addWidget(m_hostCombo);
    controls->addSpacing(8);
    controls->addWidget(m_databaseLabel);
    controls->addWidget(m_databaseCombo);
    controls->addSpacing(8);
    controls->addWidget(m_progress, 1);
    controls->addSpacing(8);
    controls->addWidget(m_runSectionButton);
    controls->addWidget(m_stopButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_warning);
    layout->addWidget(m_splitter, 1);

    auto *runSectionAction = new QAction(this);
    runSectionAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    runSectionAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(runSectionAction, &QAction::triggered, this, &RunbookView::runSection);
    addAction(runSectionAction);
    auto *stopAction = new QAction(this);
    stopAction->setObjectName(QStringLiteral("stopAction"));
    stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    stopAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    stopAction->setEnabled(false); // Esc keeps its usual meaning while nothing runs
    connect(stopAction, &QAction::triggered, this, &RunbookView::stop);
    addAction(stopAction);
    auto *filterAction = new QAction(this);
    filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    filterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(filterAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(filterAction);

    // Cards of another runbook would run that runbook's blocks by position: rebuild at once.
    connect(session, &RunbookSession::runbookChanged, this, &RunbookView::reload);
    connect(session, &RunbookSession::stepChanged, this, &RunbookView::onStepChanged);
    connect(session, &RunbookSession::stepOutput, this,
            [this](RunbookStepId step, const QString &text) {
                if (RunbookStepCard *card = m_cards.value(step))
                    card->appendOutput(text);
            });
    connect(session, &RunbookSession::progressChanged, this, [this] {
        updateProgress();
        updateSectionHeaders();
    });
    connect(session, &RunbookSession::placeholderValuesChanged, this, [this] {
        for (RunbookStepCard *card : std::as_const(m_cards))
            card->updatePlaceholders();
    });
    connect(session, &RunbookSession::runningChanged, this, [this, stopAction](bool running) {
        stopAction->setEnabled(running);
        updateButtons();
    });
    connect(session, &RunbookSession::sectionFinished, this, [this](int, bool succeeded) {
        // Show where Run Section stopped.
        if (!succeeded && m_lastUnsuccessful.isValid())
            showStep(m_lastUnsuccessful);
        updateButtons();
    });

    reload();
}

RunbookView::~RunbookView()
{
    saveSplitter();
}

void RunbookView::reload()
{
    if (!m_session)
        return;
    const Runbook &runbook = m_session->runbook();
    m_title->setText(runbook.title.isEmpty() ? tr("Untitled runbook") : runbook.title);

    const QStringList hosts = m_session->hostChoices();
    {
        const QSignalBlocker blocker(m_hostCombo);
        m_hostCombo->clear();
        m_hostCombo->addItems(hosts);
        m_hostCombo->setCurrentIndex(int(hosts.indexOf(m_session->defaultHost())));
        m_hostCombo->setEnabled(!hosts.isEmpty());
    }
    const QStringList databases = m_session->databaseChoices();
    const bool hasSql = std::ranges::any_of(m_session->steps(), [this](const RunbookStepId &step) {
        return m_session->block(step).kind == RunbookBlock::Sql;
    });
    {
        const QSignalBlocker blocker(m_databaseCombo);
        m_databaseCombo->clear();
        m_databaseCombo->addItems(databases);
        m_databaseCombo->setCurrentIndex(int(databases.indexOf(m_session->defaultDatabase())));
        m_databaseCombo->setPlaceholderText(
            databases.isEmpty() ? tr("no databases in the workspace") : tr("choose a database"));
        m_databaseCombo->setEnabled(hasSql && !databases.isEmpty());
        // Most runbooks have no SQL: the combo would only take room from the progress.
        m_databaseCombo->setVisible(hasSql);
        m_databaseLabel->setVisible(hasSql);
        m_databaseCombo->setToolTip(
            hasSql ? tr("The database SQL steps run on unless the step names its own")
                   : tr("This runbook has no SQL steps"));
    }

    updateWarnings();
    m_lastUnsuccessful = {};
    m_highlighted = {};
    m_currentSection = -1;
    m_outline->reload();
    m_proxy->setAllowed(m_allowed);
    m_tree->expandToDepth(0);

    // Start where there is something to do.
    int first = -1;
    if (m_outlinePane->isVisibleTo(this)) {
        const QList<int> allowed = allowedSections();
        for (int section : allowed) {
            if (first < 0)
                first = section;
            if (!m_session->runbook().sections.at(section).blocks.isEmpty()) {
                first = section;
                break;
            }
        }
    }
    if (first >= 0)
        selectSection(first);
    else
        showSections(allowedSections());
    updateProgress();
    updateButtons();
}

void RunbookView::setSectionFilter(SectionFilter filter)
{
    if (filter) {
        m_allowed = [this, filter = std::move(filter)](int section) {
            return m_session && filter(m_session->runbook().sections.at(section));
        };
    } else {
        m_allowed = {};
    }
    reload();
}

void RunbookView::showOnlySections(const QList<int> &sections)
{
    m_allowed = [sections](int section) { return sections.contains(section); };
    reload();
}

void RunbookView::setOutlineVisible(bool visible)
{
    m_outlinePane->setVisible(visible);
    if (!visible) {
        m_currentSection = -1;
        m_tree->setCurrentIndex({});
        showSections(allowedSections());
    } else if (m_currentSection < 0) {
        reload();
    }
}

bool RunbookView::isSectionAllowed(int section) const
{
    if (!m_session || section < 0 || section >= m_session->runbook().sections.size())
        return false;
    return !m_allowed || m_allowed(section);
}

QList<int> RunbookView::allowedSections() const
{
    QList<int> sections;
    if (!m_session)
        return sections;
    for (int section = 0; section < m_session->runbook().sections.size(); ++section) {
        if (isSectionAllowed(section))
            sections.append(section);
    }
    return sections;
}

void RunbookView::selectSection(int section)
{
    const QModelIndex index = m_proxy->mapFromSource(m_outline->indexOfSection(section));
    if (index.isValid() && m_outlinePane->isVisibleTo(this)) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    } else if (isSectionAllowed(section)) {
        // Hidden by the title filter or with the outline off: show it anyway.
        onCurrentOutlineRowChanged(m_outline->indexOfSection(section));
    }
}

void RunbookView::onCurrentOutlineRowChanged(const QModelIndex &current)
{
    const int section = RunbookOutlineModel::sectionOf(current);
    if (section < 0)
        return;
    QList<int> sections;
    for (int candidate : m_outline->sectionAndSubsections(section)) {
        if (isSectionAllowed(candidate))
            sections.append(candidate);
    }
    const bool changed = section != m_currentSection;
    m_currentSection = section;
    showSections(sections);
    if (changed)
        Q_EMIT currentSectionChanged(section);
}

void RunbookView::showSections(const QList<int> &sections)
{
    m_shownSections = sections;
    rebuildDocument();
    updateButtons();
}

void RunbookView::rebuildDocument()
{
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_cards.clear();
    m_sectionCounts.clear();
    m_sectionRunButtons.clear();

    m_document = new QWidget;
    m_document->setObjectName(QStringLiteral("runbookPage"));
    auto *layout = new QVBoxLayout(m_document);
    layout->setContentsMargins(20, 16, 20, 20);
    layout->setSpacing(10);
    if (!m_session || m_session->runbook().sections.isEmpty()) {
        auto *empty = new QLabel(tr("This runbook has no sections."), m_document);
        layout->addWidget(empty);
    }
    for (int section : std::as_const(m_shownSections)) {
        const RunbookSection &entry = m_session->runbook().sections.at(section);
        if (!entry.title.isEmpty() || m_shownSections.size() > 1)
            layout->addWidget(createSectionHeader(section, m_document));
        RunbookStepCard *lastCommand = nullptr;
        for (int block = 0; block < entry.blocks.size(); ++block) {
            const RunbookBlock &content = entry.blocks.at(block);
            switch (content.kind) {
            case RunbookBlock::Prose:
                layout->addWidget(createProse(content, m_document));
                lastCommand = nullptr;
                break;
            case RunbookBlock::Command:
            case RunbookBlock::Sql:
            case RunbookBlock::ManualCheck: {
                const RunbookStepId step{section, block};
                auto *card = new RunbookStepCard(m_session, step, m_document);
                m_cards.insert(step, card);
                layout->addWidget(card);
                lastCommand = content.kind == RunbookBlock::Command ? card : nullptr;
                break;
            }
            case RunbookBlock::ExpectedOutput:
                if (lastCommand)
                    lastCommand->setExpectedOutput(content.text);
                else
                    layout->addWidget(createReference(content, m_document));
                lastCommand = nullptr;
                break;
            case RunbookBlock::Reference:
                layout->addWidget(createReference(content, m_document));
                lastCommand = nullptr;
                break;
            }
        }
        if (entry.blocks.isEmpty() && m_shownSections.size() == 1) {
            auto *empty = new QLabel(tr("Nothing in this section."), m_document);
            empty->setEnabled(false);
            layout->addWidget(empty);
        }
    }
    layout->addStretch(1);
    m_scroll->setWidget(m_document);
    m_scroll->verticalScrollBar()->setValue(0);
    if (m_session && m_session->isRunning()) {
        if (RunbookStepCard *card = m_cards.value(m_session->currentStep())) {
            m_highlighted = card->step();
            card->setHighlighted(true);
        }
    }
    updateSectionHeaders();
}

QWidget *RunbookView::createSectionHeader(int section, QWidget *parent)
{
    const RunbookSection &entry = m_session->runbook().sections.at(section);
    auto *header = new QWidget(parent);
    header->setObjectName(QStringLiteral("sectionHeader"));
    auto *title = new QLabel(sectionTitle(m_session, section), header);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont font = title->font();
    font.setBold(true);
    const qreal scale = entry.level <= 1   ? 1.5
                        : entry.level == 2 ? 1.3
                        : entry.level == 3 ? 1.15
                                           : 1.0;
    font.setPointSizeF(font.pointSizeF() * scale);
    title->setFont(font);
    auto *count = new QLabel(header);
    count->setEnabled(false);
    m_sectionCounts.insert(section, count);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, m_shownSections.constFirst() == section ? 0 : 12, 0, 0);
    layout->addWidget(title, 1);
    layout->addWidget(count, 0, Qt::AlignBottom);
    // With several sections on the page each gets its own button; the chosen section's is the
    // one in the top bar.
    if (m_shownSections.size() > 1 && section != m_currentSection &&
        hasRunnableSteps(m_session, section)) {
        auto *run =
            new QPushButton(themedIcon(QStringLiteral("command")), tr("Run Section"), header);
        run->setObjectName(QStringLiteral("runThisSection"));
        run->setToolTip(
            tr("Run the steps of “%1” in order, stopping at the first failure").arg(title->text()));
        connect(run, &QPushButton::clicked, this, [this, section] {
            if (m_session && !m_session->isRunning())
                m_session->runSection(section);
        });
        m_sectionRunButtons.insert(section, run);
        layout->addWidget(run, 0, Qt::AlignBottom);
    }
    return header;
}

QWidget *RunbookView::createProse(const RunbookBlock &block, QWidget *parent)
{
    // The author's Markdown (emphasis, lists, links, tables), as the parser kept it.
    auto *label = new QLabel(block.markdown, parent);
    label->setObjectName(QStringLiteral("prose"));
    label->setTextFormat(Qt::MarkdownText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(label, &QLabel::linkActivated, this, &RunbookView::followLink);
    return label;
}

void RunbookView::followLink(const QString &href)
{
    const RunbookLink link = classifyRunbookLink(href);
    switch (link.kind) {
    case RunbookLink::Kind::Anchor:
        goToAnchor(link.anchor);
        return;
    case RunbookLink::Kind::Refused: {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Link Not Opened"),
                                    tr("OpsDeck opens only http and https links from a runbook, "
                                       "and links to its own sections. This link was not "
                                       "opened: %1.")
                                        .arg(link.reason),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("refusedLink"));
        box->setInformativeText(link.shown);
        box->setTextFormat(Qt::PlainText); // the address is the runbook's text, never markup
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    case RunbookLink::Kind::Web:
        break;
    }
    // The whole address, encoded, before anything opens: the text of a link can say anything.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Open Link?"),
                                tr("This runbook links to a web page. Open it in your browser?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("openLink"));
    box->setInformativeText(link.shown);
    box->setTextFormat(Qt::PlainText);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *open = box->addButton(tr("&Open in Browser"), QMessageBox::AcceptRole);
    open->setObjectName(QStringLiteral("openLinkButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [open, url = link.url](QAbstractButton *button) {
                if (button == open)
                    QDesktopServices::openUrl(url);
            });
    box->open();
}

void RunbookView::goToAnchor(const QString &anchor)
{
    // "[Backups](#backup-and-recovery)" in a table of contents goes to that section, named as
    // GitHub names heading anchors.
    const auto slug = [](const QString &title) {
        QString result;
        for (const QChar c : title.toLower()) {
            if (c.isLetterOrNumber() || c == u'-' || c == u'_')
                result += c;
            else if (c.isSpace())
                result += u'-';
        }
        return result;
    };
    const QString wanted = anchor.toLower();
    const QList<RunbookSection> &sections = m_session->runbook().sections;
    for (int i = 0; i < sections.size(); ++i) {
        if (slug(sections.at(i).title) == wanted) {
            selectSection(i);
            return;
        }
    }
}

QWidget *RunbookView::createReference(const RunbookBlock &block, QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("reference"));
    const bool expected = block.kind == RunbookBlock::ExpectedOutput;
    QString what = expected ? tr("expected output") : tr("reference, not run");
    if (!block.language.isEmpty() && !expected)
        what = tr("%1 · reference, not run").arg(block.language);
    auto *label = new QLabel(tr("%1 · line %2").arg(what).arg(block.line), box);
    label->setEnabled(false);
    auto *copy = new QPushButton(tr("Copy"), box);
    copy->setToolTip(tr("Copy this block"));
    connect(copy, &QPushButton::clicked, this,
            [text = block.text] { QApplication::clipboard()->setText(text); });
    auto *view = new FittedTextView(1, 20, box);
    view->setPlainText(block.text);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette palette = view->palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::AlternateBase));
    if (expected)
        palette.setColor(QPalette::Text, palette.color(QPalette::Disabled, QPalette::Text));
    view->setPalette(palette);
    auto *header = new QHBoxLayout;
    header->addWidget(label, 1);
    header->addWidget(copy);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(view);
    return box;
}

void RunbookView::updateSectionHeaders()
{
    for (auto it = m_sectionCounts.cbegin(); it != m_sectionCounts.cend(); ++it) {
        const QModelIndex index = m_outline->indexOfSection(it.key());
        const int total = index.data(RunbookOutlineModel::TotalStepsRole).toInt();
        const int done = index.data(RunbookOutlineModel::DoneStepsRole).toInt();
        it.value()->setText(total > 0 ? tr("%1 of %2 done").arg(done).arg(total) : QString());
    }
}

void RunbookView::updateWarnings()
{
    const Runbook &runbook = m_session->runbook();
    QStringList lines;
    for (const QString &repair : runbook.repairs) {
        QString line = repair;
        if (!line.isEmpty())
            line[0] = line[0].toUpper();
        lines.append(line);
    }
    for (const Diagnostic &diagnostic : runbook.diagnostics) {
        if (diagnostic.line > 0 && diagnostic.column > 0) {
            lines.append(tr("Line %1, column %2: %3")
                             .arg(diagnostic.line)
                             .arg(diagnostic.column)
                             .arg(diagnostic.message));
        } else {
            lines.append(diagnostic.line > 0
                             ? tr("Line %1: %2").arg(diagnostic.line).arg(diagnostic.message)
                             : diagnostic.message);
        }
    }
    const qsizetype more = lines.size() - MaximumWarningLines;
    if (more > 0) {
        lines = lines.mid(0, MaximumWarningLines);
        lines.append(tr("… and %n more", nullptr, int(more)));
    }
    m_warningText->setText(lines.join(u'\n'));
    m_warning->setVisible(!lines.isEmpty());
}

void RunbookView::updateProgress()
{
    if (!m_session)
        return;
    const int total = m_session->stepCount();
    const int done = m_session->completedCount();
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(std::min(done, std::max(total, 1)));
    m_progress->setFormat(total > 0 ? tr("%1 of %2 steps done").arg(done).arg(total)
                                    : tr("no steps"));
}

void RunbookView::updateButtons()
{
    if (!m_session)
        return;
    const bool running = m_session->isRunning();
    const int section = sectionToRun();
    m_runSectionButton->setEnabled(!running && section >= 0);
    m_runSectionButton->setToolTip(
        section >= 0 ? tr("Run the steps of “%1” in order, stopping at the first failure "
                          "(Ctrl+Shift+Return)")
                           .arg(sectionTitle(m_session, section))
                     : tr("Nothing to run in this section"));
    m_stopButton->setEnabled(running);
    for (QPushButton *button : std::as_const(m_sectionRunButtons))
        button->setEnabled(!running);
    for (RunbookStepCard *card : std::as_const(m_cards))
        card->updateButtons();
}

void RunbookView::updateTargets()
{
    for (RunbookStepCard *card : std::as_const(m_cards))
        card->updateTargets();
}

void RunbookView::onStepChanged(RunbookStepId step)
{
    if (!m_session)
        return;
    const StepRun &run = m_session->stepRun(step);
    if (run.state == StepState::Failed || run.state == StepState::Cancelled ||
        run.state == StepState::Refused)
        m_lastUnsuccessful = step;
    RunbookStepCard *card = m_cards.value(step);
    if (card)
        card->updateFromSession();
    if (run.state == StepState::Running) {
        if (RunbookStepCard *previous = m_cards.value(m_highlighted))
            previous->setHighlighted(false);
        m_highlighted = step;
        if (card) {
            card->setHighlighted(true);
            scrollToCard(card); // follow the run down the page
        }
    } else if (m_highlighted == step) {
        if (card)
            card->setHighlighted(false);
        m_highlighted = {};
    }
}

void RunbookView::showStep(RunbookStepId step)
{
    if (!m_session || !step.isValid())
        return;
    if (!m_cards.contains(step))
        selectSection(step.section);
    if (RunbookStepCard *card = m_cards.value(step))
        scrollToCard(card);
}

void RunbookView::scrollToCard(RunbookStepCard *card)
{
    const auto scroll = [this, card] {
        if (!m_document)
            return;
        m_document->layout()->activate();
        QScrollBar *bar = m_scroll->verticalScrollBar();
        const int margin = 12;
        const int top = card->mapTo(m_document, QPoint(0, 0)).y();
        const int bottom = top + card->height();
        const int visibleTop = bar->value();
        const int visibleBottom = visibleTop + m_scroll->viewport()->height();
        if (top >= visibleTop && bottom <= visibleBottom)
            return;
        // A card taller than the view shows from its top: that is where Run and the code are.
        if (bottom - top + 2 * margin > m_scroll->viewport()->height() || top < visibleTop)
            bar->setValue(top - margin);
        else
            bar->setValue(bottom + margin - m_scroll->viewport()->height());
    };
    scroll();
    // A page built a moment ago gets its final geometry once the layout request is handled.
    QTimer::singleShot(0, card, scroll);
}

int RunbookView::sectionToRun() const
{
    if (!m_session)
        return -1;
    if (m_currentSection >= 0 && hasRunnableSteps(m_session, m_currentSection))
        return m_currentSection;
    for (int section : m_shownSections) {
        if (hasRunnableSteps(m_session, section))
            return section;
    }
    return -1;
}

void RunbookView::runSection()
{
    const int section = sectionToRun();
    if (m_session && section >= 0 && !m_session->isRunning())
        m_session->runSection(section);
}

void RunbookView::stop()
{
    if (m_session)
        m_session->stop();
}

RunbookStepCard *RunbookView::cardFor(RunbookStepId step) const
{
    return m_cards.value(step);
}

QList<RunbookStepCard *> RunbookView::cards() const
{
    QList<RunbookStepCard *> cards = m_cards.values();
    std::ranges::sort(cards, [](const RunbookStepCard *a, const RunbookStepCard *b) {
        return std::pair(a->step().section, a->step().block) <
               std::pair(b->step().section, b->step().block);
    });
    return cards;
}

void RunbookView::saveSplitter() const
{
    // A view without its outline (in a wizard) has nothing worth remembering.
    if (m_outlinePane->isVisibleTo(this))
        QSettings().setValue(SplitterKey, m_splitter->saveState());
}

} // namespace OpsDeck
