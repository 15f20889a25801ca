// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logtab.h"

#include "models/core/background.h"
#include "models/core/units.h"
#include "models/logs/filteredloglines.h"
#include "models/logs/livelogsource.h"
#include "models/logs/logdocument.h"
#include "models/logs/logsearch.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/logs/logfilterpane.h"
#include "widgets/logs/logpatternedit.h"
#include "widgets/logs/logsearchbar.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace OpsDeck {

namespace {
constexpr int SummaryIntervalMs = 200;
// New lines are searched again once they pause this long (a busy live log: every 2 s at most).
constexpr int RefreshIntervalMs = 2000;
// Lines from elsewhere: the format is judged on this many first lines (or fewer, once clear).
constexpr qint64 FormatSampleLines = 200;
} // namespace

LogTab *LogTab::forFile(const QString &path, QWidget *parent)
{
    auto *document = new LogDocument;
    auto *tab = new LogTab(document, QFileInfo(path).fileName(),
                           QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), parent);
    tab->m_document = document;
    tab->connectDocument();
    document->open(path);
    return tab;
}

LogTab::LogTab(LogLines *lines, const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_description(description)
    , m_lines(lines)
{
    Q_ASSERT(lines);
    lines->setParent(this);
    build();
}

LogTab::~LogTab()
{
    // The views let go of the lines before they go, telling no one: the page may be going too.
    blockSignals(true);
    // Live streams stop before the lines they feed go.
    for (LiveLogSource *source : std::exchange(m_liveSources, {})) {
        disconnect(source, nullptr, this, nullptr);
        delete source;
    }
    const QSignalBlocker blockFilterView(m_filterPane->view());
    const QSignalBlocker blockView(m_view);
    m_filterPane->view()->setLines(nullptr);
    m_view->setLines(nullptr);
}

void LogTab::build()
{
    m_view = new LogView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setLines(m_lines);
    m_searchBar = new LogSearchBar(this);
    m_searchBar->setObjectName(QStringLiteral("logSearchBar"));
    m_searchBar->hide();
    m_filterPane = new LogFilterPane(this);
    m_filterPane->setObjectName(QStringLiteral("logFilterPane"));
    m_filtered = new FilteredLogLines(m_lines, this);
    m_filterPane->view()->setLines(m_filtered);
    m_search = new LogSearch(this);
    m_filterSearch = new LogSearch(this);

    // Info bar: a file truncated, rotated, removed, or unreadable.
    m_info = new QFrame(this);
    m_info->setObjectName(QStringLiteral("logInfoBar"));
    m_info->setAutoFillBackground(true);
    static_cast<QFrame *>(m_info)->setFrameShape(QFrame::StyledPanel);
    m_infoIcon = new QLabel(m_info);
    m_infoText = new QLabel(m_info);
    m_infoText->setWordWrap(true);
    m_infoText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *infoClose = new QToolButton(m_info);
    infoClose->setAutoRaise(true);
    infoClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    infoClose->setToolTip(tr("Hide this message"));
    connect(infoClose, &QToolButton::clicked, m_info, &QWidget::hide);
    auto *infoLayout = new QHBoxLayout(m_info);
    infoLayout->setContentsMargins(6, 3, 3, 3);
    infoLayout->addWidget(m_infoIcon);
    infoLayout->addWidget(m_infoText, 1);
    infoLayout->addWidget(infoClose);
    m_info->hide();

    // Go to line.
    m_goTo = new QWidget(this);
    m_goTo->setObjectName(QStringLiteral("logGoToLine"));
    m_goToField = new QLineEdit(m_goTo);
    m_goToField->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,18}")), m_goTo));
    m_goToField->setAccessibleName(tr("Line number"));
    m_goToField->setMaximumWidth(160);
    m_goToRange = new QLabel(m_goTo);
    auto *goToClose = new QToolButton(m_goTo);
    goToClose->setAutoRaise(true);
    goToClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    goToClose->setToolTip(tr("Close (Escape)"));
    connect(goToClose, &QToolButton::clicked, this, [this] {
        m_goTo->hide();
        m_view->setFocus();
    });
    auto *goToLayout = new QHBoxLayout(m_goTo);
    goToLayout->setContentsMargins(4, 2, 4, 2);
    goToLayout->addWidget(new QLabel(tr("Go to line:"), m_goTo));
    goToLayout->addWidget(m_goToField);
    goToLayout->addWidget(m_goToRange, 1);
    goToLayout->addWidget(goToClose);
    m_goTo->hide();
    connect(m_goToField, &QLineEdit::returnPressed, this, [this] {
        const qint64 number = m_goToField->text().toLongLong();
        if (!m_view->goToLineNumber(number)) {
            m_goToRange->setText(
                tr("No line %1: the log has lines 1 to %2.")
                    .arg(QLocale().toString(number), QLocale().toString(m_view->lineCount())));
            return;
        }
        m_goTo->hide();
        m_view->setFocus();
    });
    m_goToField->installEventFilter(this);

    // Status line.
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("logIndexingProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("logIndexingCancel"));
    m_cancel->setToolTip(tr("Stop indexing: the lines read so far stay"));
    m_cancel->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("logSummary"));
    m_followState = new QLabel(this);
    m_followState->setObjectName(QStringLiteral("logFollowState"));
    m_sourcesState = new QLabel(this);
    m_sourcesState->setObjectName(QStringLiteral("logSourcesState"));
    m_sourcesState->hide();
    auto *status = new QHBoxLayout;
    status->setContentsMargins(4, 0, 4, 2);
    status->setSpacing(12);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    status->addWidget(m_summary, 1);
    status->addWidget(m_sourcesState);
    status->addWidget(m_followState);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(m_view, 1);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("logSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_filterPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    connect(m_splitter, &QSplitter::splitterMoved, this, &LogTab::splitterMoved);
    m_filterPane->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_info);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_goTo);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(status);
    setFocusProxy(m_view);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(SummaryIntervalMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &LogTab::updateSummary);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        // A followed file only grew: its searches go on from where they ended.
        if (!m_search->isRunning() && !m_searchBar->pattern().text.isEmpty() &&
            !(m_document && m_search->extendInFile()))
            startSearch();
        if (m_filterActive && !m_filterSearch->isRunning() &&
            !(m_document && m_filterSearch->extendInFile()))
            startFilter();
    });

    // The view.
    connect(m_view, &LogView::message, this, &LogTab::message);
    connect(m_view, &LogView::selectionChanged, this, &LogTab::selectionChanged);
    connect(m_view, &LogView::stickingChanged, this, &LogTab::updateFollowState);
    connect(m_view, &LogView::goToLineRequested, this, &LogTab::showGoToLine);
    connect(m_view, &LogView::currentLineChanged, this, [this](qint64 line) {
        // The filter pane keeps near the line shown in context.
        if (line >= 0 && m_filterPane->isVisible() && m_filtered->lineCount() > 0)
            m_filterPane->view()->scrollToLine(
                std::min(m_filtered->rowAtOrAfter(line), m_filtered->lineCount() - 1));
    });
    connect(m_lines, &LogLines::linesAppended, this, [this] { onLinesChanged(false); });
    connect(m_lines, &LogLines::linesDropped, this, [this] { onLinesChanged(false); });
    connect(m_lines, &LogLines::linesReset, this, [this] { onLinesChanged(true); });

    // Search.
    connect(m_searchBar, &LogSearchBar::patternChanged, this, [this] { startSearch(); });
    connect(m_searchBar, &LogSearchBar::nextRequested, this, &LogTab::findNext);
    connect(m_searchBar, &LogSearchBar::previousRequested, this, &LogTab::findPrevious);
    connect(m_searchBar, &LogSearchBar::closeRequested, this, &LogTab::closeSearch);
    connect(m_search, &LogSearch::progress, this, [this](qint64 done, qint64 total) {
        m_searchPercent = total > 0 ? int(done * 100 / total) : 0;
        updateSearchCount();
    });
    connect(m_search, &LogSearch::finished, this, [this](qint64, const QString &error) {
        if (!error.isEmpty())
            m_searchBar->setProblem({-1, 0, error});
        if (m_pendingStep != 0) {
            const int step = m_pendingStep;
            m_pendingStep = 0;
            if (!m_search->matches().isEmpty())
                goToMatch(step);
        }
        updateSearchCount();
    });

    // Filter.
    connect(m_filterPane, &LogFilterPane::queryChanged, this, &LogTab::startFilter);
    connect(m_filterPane, &LogFilterPane::exportRequested, this, &LogTab::exportRequested);
    connect(m_filterSearch, &LogSearch::progress, this, [this](qint64 done, qint64 total) {
        if (m_filterSearch->isRunning())
            m_filterPane->setStatus(
                tr("Filtering… %1 %").arg(total > 0 ? int(done * 100 / total) : 0));
    });
    connect(m_filterSearch, &LogSearch::finished, this, &LogTab::onFilterFinished);
    connect(m_filterPane->view(), &LogView::lineActivated, this, [this](qint64 row) {
        const qint64 line = m_filtered->sourceLine(row);
        if (line < 0)
            return;
        m_view->setCurrentLine(line);
        m_view->scrollToLine(line, LogView::ScrollHint::Center);
    });
    connect(m_filterPane->view(), &LogView::message, this, &LogTab::message);

    updateSummary();
    updateFollowState();
}

void LogTab::connectDocument()
{
    connect(m_document, &LogDocument::failed, this, [this](const QString &error) {
        showInfo(error, true);
        m_progress->hide();
        m_cancel->hide();
        updateSummary();
    });
    connect(m_document, &LogDocument::indexingProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        m_progress->setFormat(tr("Indexing %1 of %2").arg(formatBytes(done), formatBytes(total)));
        m_progress->show();
        m_cancel->show();
        if (!m_summaryTimer.isActive())
            m_summaryTimer.start();
    });
    connect(m_document, &LogDocument::indexingFinished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        updateSummary();
        // The search ran over the file as it was; lines indexed meanwhile are in it too.
    });
    connect(m_document, &LogDocument::formatDetected, this, [this](LogFormat detected) {
        m_view->setFormat(detected);
        m_filterPane->view()->setFormat(detected);
        updateSummary();
    });
    connect(m_document, &LogDocument::fileChanged, this,
            [this](LogDocument::FileChange, const QString &text) { showInfo(text, false); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_document->cancelIndexing();
        m_progress->hide();
        m_cancel->hide();
        Q_EMIT message(tr("Indexing stopped: %1 lines are shown.")
                           .arg(QLocale().toString(m_lines->lineCount())));
        updateSummary();
    });
}

void LogTab::showInfo(const QString &text, bool isError)
{
    const QPalette colours = palette();
    QPalette infoColours = colours;
    const QColor accent = isError ? StatusColours::bad(colours) : StatusColours::caution(colours);
    QColor background = accent;
    background.setAlpha(StatusColours::isDark(colours) ? 70 : 40);
    infoColours.setColor(QPalette::Window, background);
    m_info->setPalette(infoColours);
    m_infoIcon->setPixmap(themedIcon(isError ? QStringLiteral("error") : QStringLiteral("warning"))
                              .pixmap(QSize(16, 16)));
    m_infoText->setText(text);
    m_info->show();
}

LogFormat LogTab::format() const
{
    return m_document ? m_document->format() : m_view->format();
}

void LogTab::updateSummary()
{
    QStringList parts;
    parts.append(tr("%1 lines").arg(QLocale().toString(m_lines->lineCount())));
    if (m_document) {
        parts.append(formatBytes(m_document->fileSize()));
        if (m_document->isCompressed())
            parts.append(tr("unpacked from gzip"));
    }
    if (format() != LogFormat::Plain)
        parts.append(logFormatName(format()));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_summary->setToolTip(m_description);
}

void LogTab::updateFollowState()
{
    if (!m_view->isFollowing())
        m_followState->clear();
    else if (m_view->isStickingToEnd())
        // Live sources say it themselves, each with its own state.
        m_followState->setText(m_liveSources.isEmpty() ? tr("Following") : QString());
    else
        m_followState->setText(tr("Paused: scroll to the end to follow again"));
}

void LogTab::setFollowing(bool following)
{
    if (m_document)
        m_document->setFollowing(following);
    // Paused, a live source keeps its stream and holds what arrives until Follow is on again.
    for (LiveLogSource *source : std::as_const(m_liveSources)) {
        if (following && source->isPaused())
            source->resume();
        else if (!following && !source->isPaused())
            source->pause();
    }
    m_view->setFollowing(following);
    updateFollowState();
    Q_EMIT followingChanged(following);
}

bool LogTab::isFollowing() const
{
    return m_view->isFollowing();
}

void LogTab::setFilterVisible(bool visible)
{
    m_filterPane->setVisible(visible);
    if (visible)
        m_filterPane->patternEdits().constFirst()->setFocus();
}

bool LogTab::isFilterVisible() const
{
    return !m_filterPane->isHidden();
}

void LogTab::setHighlightRules(const QList<LogHighlightRule> &rules)
{
    m_view->setHighlightRules(rules);
    m_filterPane->view()->setHighlightRules(rules);
}

void LogTab::setSearchOptions(const LogPattern &options)
{
    LogPattern pattern = m_searchBar->pattern();
    pattern.regularExpression = options.regularExpression;
    pattern.caseSensitive = options.caseSensitive;
    pattern.wholeWord = options.wholeWord;
    m_searchBar->setPattern(pattern);
}

// ---- search ----------------------------------------------------------------------------------

LogQuery LogTab::baseQuery() const
{
    LogQuery query;
    query.format = format();
    return query;
}

void LogTab::activateSearch()
{
    // A single selected line's text is what people usually look for next: not guessed here,
    // the field keeps what was searched last.
    m_searchBar->activate();
}

void LogTab::closeSearch()
{
    m_searchBar->hide();
    m_search->cancel();
    m_pendingStep = 0;
    m_view->clearSearchPattern();
    m_filterPane->view()->clearSearchPattern();
    m_view->setFocus();
}

void LogTab::startSearch()
{
    const LogPattern pattern = m_searchBar->pattern();
    m_view->setCurrentMatch(-1);
    if (pattern.text.isEmpty()) {
        m_search->cancel();
        m_searchBar->clearProblem();
        m_view->clearSearchPattern();
        m_filterPane->view()->clearSearchPattern();
        m_pendingStep = 0;
        updateSearchCount();
        return;
    }
    LogQuery query = baseQuery();
    query.patterns = {pattern};
    if (const std::optional<LogQueryProblem> problem = LogSearch::check(query)) {
        m_search->cancel();
        m_searchBar->setProblem(*problem);
        m_view->clearSearchPattern();
        m_filterPane->view()->clearSearchPattern();
        m_pendingStep = 0;
        return;
    }
    m_searchBar->clearProblem();
    m_searchPercent = 0;
    m_view->setSearchPattern(pattern);
    m_filterPane->view()->setSearchPattern(pattern);
    if (m_document)
        m_search->startInFile(m_document->contentPath(), query);
    else
        m_search->startInLines(m_lines, query);
    updateSearchCount();
}

void LogTab::findNext()
{
    goToMatch(1);
}

void LogTab::findPrevious()
{
    goToMatch(-1);
}

void LogTab::goToMatch(int direction)
{
    if (m_searchBar->isHidden() || m_searchBar->pattern().text.isEmpty()) {
        activateSearch();
        return;
    }
    const QList<qint64> &matches = m_search->matches();
    if (matches.isEmpty()) {
        if (m_search->isRunning())
            m_pendingStep = direction; // taken up when the first matches come
        else
            Q_EMIT message(tr("No line matches."));
        return;
    }
    m_pendingStep = 0;
    qint64 from = m_view->currentMatch();
    if (from < 0) {
        // From the line the user is on (itself included), or from the screen's top.
        const qint64 current =
            m_view->currentLine() >= 0 ? m_view->currentLine() : m_view->firstVisibleLine();
        from = direction > 0 ? current - 1 : current + 1;
    }
    qint64 target = -1;
    if (direction > 0) {
        const auto next = std::upper_bound(matches.cbegin(), matches.cend(), from);
        if (next != matches.cend()) {
            target = *next;
        } else if (m_search->isRunning()) {
            m_pendingStep = direction; // the next one may still be found
            return;
        } else {
            target = matches.constFirst();
            Q_EMIT message(tr("Search continued from the top."));
        }
    } else {
        const auto previous = std::lower_bound(matches.cbegin(), matches.cend(), from);
        if (previous != matches.cbegin()) {
            target = *(previous - 1);
        } else {
            target = matches.constLast();
            Q_EMIT message(tr("Search continued from the bottom."));
        }
    }
    m_view->setCurrentMatch(target);
    m_view->setCurrentLine(target);
    // The match shows in its own colours, not under a selection's.
    m_view->clearSelection();
    m_view->scrollToLine(target, LogView::ScrollHint::Center);
    updateSearchCount();
}

void LogTab::updateSearchCount()
{
    if (m_searchBar->pattern().text.isEmpty() || !m_searchBar->problemText().isEmpty()) {
        m_searchBar->setCount({});
        return;
    }
    const QList<qint64> &matches = m_search->matches();
    const bool running = m_search->isRunning();
    const QString total = QLocale().toString(matches.size());
    const qint64 current = m_view->currentMatch();
    const auto found = std::lower_bound(matches.cbegin(), matches.cend(), current);
    if (current >= 0 && found != matches.cend() && *found == current) {
        const QString position = QLocale().toString(found - matches.cbegin() + 1);
        m_searchBar->setCount(running ? tr("%1 of %2…").arg(position, total)
                                      : tr("%1 of %2").arg(position, total));
    } else if (running) {
        m_searchBar->setCount(tr("Searching… %1 %").arg(m_searchPercent));
    } else if (matches.isEmpty()) {
        m_searchBar->setCount(tr("No matches"));
    } else {
        m_searchBar->setCount(
            tr("%n match(es)", nullptr, int(std::min<qsizetype>(matches.size(), INT_MAX))));
    }
}

bool LogTab::isSearching() const
{
    return m_search->isRunning();
}

qint64 LogTab::matchCount() const
{
    return m_search->matches().size();
}

// ---- filter ----------------------------------------------------------------------------------

void LogTab::startFilter()
{
    LogQuery query = m_filterPane->query();
    query.format = format();
    if (query.isEmpty()) {
        m_filterSearch->cancel();
        m_filterActive = false;
        m_filterPane->clearProblem();
        m_filtered->setSourceLines({});
        m_filterPane->setExportEnabled(false);
        m_filterPane->setStatus(tr("No filter: type a pattern, choose a level or a time range."));
        return;
    }
    if (const std::optional<LogQueryProblem> problem = LogSearch::check(query)) {
        m_filterSearch->cancel();
        m_filterPane->setProblem(*problem);
        return;
    }
    m_filterPane->clearProblem();
    m_filterActive = true;
    m_filterPane->setExportEnabled(false);
    m_filterPane->setStatus(tr("Filtering…"));
    m_filtered->setSourceLines({});
    if (m_document)
        m_filterSearch->startInFile(m_document->contentPath(), query);
    else
        m_filterSearch->startInLines(m_lines, query);
}

void LogTab::onFilterFinished(qint64 count, const QString &error)
{
    m_filtered->setSourceLines(m_filterSearch->matches());
    if (!error.isEmpty()) {
        m_filterPane->setProblem({-1, 0, error});
        return;
    }
    m_filterPane->setExportEnabled(count > 0);
    m_filterPane->setStatus(
        tr("%1 of %2 lines match")
            .arg(QLocale().toString(count), QLocale().toString(m_lines->lineCount())));
}

bool LogTab::canExport() const
{
    return m_filterActive && !m_filterSearch->isRunning() && !m_filterSearch->matches().isEmpty();
}

void LogTab::exportFilteredTo(const QString &path)
{
    if (!canExport())
        return;
    const QList<qint64> lineNumbers = m_filterSearch->matches();
    const auto done = [this, path](const LogExportResult &result) {
        Q_EMIT message(
            result.ok() ? tr("Saved %1 lines to %2.")
                              .arg(QLocale().toString(result.lines), QDir::toNativeSeparators(path))
                        : result.error);
        Q_EMIT exported(result, path);
    };
    if (m_document) {
        // Read from the file in a worker thread: a filter may keep millions of lines.
        const QString source = m_document->contentPath();
        runInBackground(
            this,
            [source, lineNumbers, path] { return LogExport::fileLines(source, lineNumbers, path); },
            done);
        return;
    }
    // A live buffer is bounded and lives in this thread: its lines are copied out here.
    QList<QByteArray> texts;
    texts.reserve(lineNumbers.size());
    for (const qint64 line : lineNumbers) {
        const QList<LogLine> read = m_lines->lines(line, 1);
        if (!read.isEmpty())
            texts.append(read.constFirst().text);
    }
    runInBackground(
        this, [texts, path] { return LogExport::lines(texts, path); }, done);
}

LogTab::Excerpt LogTab::selectedExcerpt() const
{
    // The filter's lines when the user works there, else the main view's.
    const LogView *view = m_filterPane->view()->hasFocus() ? m_filterPane->view() : m_view;
    LogView::Selection selected = view->selection();
    if (selected.isEmpty() && view->currentLine() >= 0)
        selected = {view->currentLine(), view->currentLine()};
    if (selected.isEmpty() || !view->lines())
        return {};
    const QList<LogLine> first = view->lines()->lines(selected.first, 1, 0);
    const QList<LogLine> last = view->lines()->lines(selected.last, 1, 0);
    if (first.isEmpty() || last.isEmpty())
        return {};
    return {m_title, first.constFirst().number + 1, last.constFirst().number + 1,
            view->selectedText()};
}

// ---- go to line, lines changing, status --------------------------------------------------

void LogTab::showGoToLine()
{
    m_goToRange->setText(tr("of %1").arg(QLocale().toString(m_view->lineCount())));
    m_goTo->show();
    m_goToField->setFocus(Qt::ShortcutFocusReason);
    m_goToField->selectAll();
}

bool LogTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_goToField && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        m_goTo->hide();
        m_view->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool LogTab::isGoToLineVisible() const
{
    return !m_goTo->isHidden();
}

void LogTab::onLinesChanged(bool reset)
{
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
    if (!m_document && !m_formatSettled)
        detectBufferFormat();
    if (reset) {
        // Another file under the name, or a new start: what was found is gone.
        m_refreshTimer.stop();
        if (!m_searchBar->pattern().text.isEmpty() && !m_searchBar->isHidden())
            startSearch();
        if (m_filterActive)
            startFilter();
        return;
    }
    // Indexing reports lines the running scans read anyway; only new lines need a new look.
    if (m_document && m_document->isIndexing())
        return;
    if ((!m_searchBar->pattern().text.isEmpty() && !m_searchBar->isHidden()) || m_filterActive)
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start();
}

void LogTab::addLiveSource(LiveLogSource *source)
{
    source->setParent(this);
    m_liveSources.append(source);
    // Containers and the journal give each line's time apart from its text; a file has it in
    // the text already.
    if (source->spec().kind != LiveLogSpec::Kind::File) {
        m_view->setShowsTimestamps(true);
        m_filterPane->view()->setShowsTimestamps(true);
    }
    connect(source, &LiveLogSource::stateChanged, this, &LogTab::updateSourcesState);
    if (!m_view->isFollowing() && !source->isPaused())
        source->pause();
    updateSourcesState();
    updateFollowState();
}

void LogTab::updateSourcesState()
{
    QStringList states;
    QStringList details;
    for (const LiveLogSource *source : std::as_const(m_liveSources)) {
        const QString text = source->stateText();
        states.append(m_liveSources.size() > 1 ? tr("%1: %2").arg(source->spec().name, text)
                                               : text);
        if (!source->lastToolMessage().isEmpty())
            details.append(tr("%1: %2").arg(source->spec().name, source->lastToolMessage()));
    }
    m_sourcesState->setText(states.join(QStringLiteral(" · ")));
    m_sourcesState->setToolTip(details.join(u'\n'));
    m_sourcesState->setVisible(!states.isEmpty());
}

void LogTab::detectBufferFormat()
{
    const qint64 count = m_lines->lineCount();
    if (count == 0)
        return;
    const QList<LogLine> sample = m_lines->lines(0, std::min(count, FormatSampleLines), 4096);
    QList<QByteArrayView> views;
    views.reserve(sample.size());
    for (const LogLine &line : sample)
        views.append(line.text);
    const LogFormat detected = detectLogFormat(views);
    // Plain may only mean "too few lines yet": judged again until the sample is full.
    if (detected == LogFormat::Plain && count < FormatSampleLines)
        return;
    m_formatSettled = true;
    m_view->setFormat(detected);
    m_filterPane->view()->setFormat(detected);
    updateSummary();
}

QString LogTab::statusText() const
{
    QStringList parts{m_summary->text()};
    if (!m_progress->isHidden())
        parts.prepend(m_progress->format());
    if (!m_sourcesState->text().isEmpty())
        parts.append(m_sourcesState->text());
    if (!m_followState->text().isEmpty())
        parts.append(m_followState->text());
    return parts.join(QStringLiteral(" · "));
}

QString LogTab::infoText() const
{
    return m_info->isHidden() ? QString() : m_infoText->text();
}

bool LogTab::isIndexingShown() const
{
    return !m_progress->isHidden();
}

} // namespace OpsDeck
