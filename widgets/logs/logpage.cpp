// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logpage.h"

#include "models/core/units.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/logs/livelogsource.h"
#include "models/logs/logdocument.h"
#include "models/logs/remotelogdownload.h"
#include "models/remote/sshexecutor.h"
#include "widgets/common/themedicon.h"
#include "widgets/logs/logfilterpane.h"
#include "widgets/logs/loghighlightrulesdialog.h"
#include "widgets/logs/logsearchbar.h"
#include "widgets/logs/logsourcepicker.h"
#include "widgets/logs/logtab.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {
const QString SplitterKey = u"logsPage/splitter"_s;
const QString FollowKey = u"logsPage/follow"_s;
const QString FilterKey = u"logsPage/filterVisible"_s;
const QString RulesKey = u"logsPage/highlightRules"_s;
const QString DirectoryKey = u"logsPage/lastDirectory"_s;
const QString SearchRegexKey = u"logsPage/searchRegularExpression"_s;
const QString SearchCaseKey = u"logsPage/searchCaseSensitive"_s;
const QString SearchWordKey = u"logsPage/searchWholeWord"_s;
// The timeline keeps what it is given in full: an excerpt, not a log.
constexpr qint64 TimelineLineLimit = 2000;

bool hasGlob(const QString &path)
{
    return path.contains(u'*') || path.contains(u'?') || path.contains(u'[');
}
} // namespace

LogPage::LogPage(IncidentResponse *incidents, CommandRunner *runner, ExecutorLookup executors,
                 QWidget *parent)
    : QWidget(parent)
    , m_incidents(incidents)
    , m_runner(runner)
    , m_executors(std::move(executors))
    , m_toolBar(new QToolBar(this))
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_empty(new QLabel(this))
    , m_sourcesMenu(new QMenu(this))
{
    const QSettings settings;
    m_rules = highlightRulesFromSettings(settings.value(RulesKey));
    m_splitterState = settings.value(SplitterKey).toByteArray();

    m_toolBar->setObjectName(u"logsToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    createActions();

    m_tabs->setObjectName(u"logTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &LogPage::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &LogPage::onCurrentTabChanged);

    m_empty->setObjectName(u"logsEmptyState"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(48);
    m_empty->setText(
        tr("<h3>Logs</h3><p>Open a log file of this computer (Ctrl+O), plain or gzip, of any "
           "size: it shows at once and is indexed in the background. Or choose one of the "
           "workspace's log sources under <i>Open Log Source</i>, or <i>Open Log</i> on a host "
           "or log source in the workspace tree.</p><p>Find with Ctrl+F, filter with patterns, "
           "levels and a time range, bookmark lines with Ctrl+B and follow a growing file.</p>"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);

    if (m_incidents) {
        connect(m_incidents->incident(), &IncidentSession::changed, this, &LogPage::updateActions);
    }
    rebuildSourcesMenu();
    updateActions();
}

LogPage::~LogPage()
{
    // Once, not on every drag step: each QSettings write goes to disk.
    if (!m_splitterState.isEmpty())
        QSettings().setValue(SplitterKey, m_splitterState);
}

void LogPage::createActions()
{
    const auto make = [this](const char *name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!icon.isEmpty())
            action->setIcon(themedIcon(icon));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            // Only while the focus is on this page: other pages use the same keys.
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        addAction(action);
        return action;
    };
    // Ctrl+O opens a workspace elsewhere; on this page it opens a log (see event()).
    m_openFile = make("openLogFile", tr("Open File…"), u"open"_s);
    m_openFile->setToolTip(tr("Open a log file of this computer (Ctrl+O)"));
    connect(m_openFile, &QAction::triggered, this, &LogPage::openFileDialog);
    m_openSource = make("openLogSource", tr("Open Log Source"), u"log"_s);
    m_openSource->setToolTip(tr("Open one of the workspace's log sources"));
    m_openSource->setMenu(m_sourcesMenu);
    connect(m_openSource, &QAction::triggered, this, [this] {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_openSource)))
            button->showMenu();
    });
    m_openMerged = make("openMergedLogs", tr("Follow Several Together…"), u"log"_s);
    m_openMerged->setToolTip(tr("Follow several log sources in one view, ordered by time"));
    connect(m_openMerged, &QAction::triggered, this, &LogPage::openMergedDialog);
    m_find = make("findInLog", tr("Find"), u"search"_s, QKeySequence::Find);
    m_find->setToolTip(tr("Find in the log (Ctrl+F)"));
    connect(m_find, &QAction::triggered, this, [this] {
        if (LogTab *tab = currentTab())
            tab->activateSearch();
    });
    m_findNext = make("findNextInLog", tr("Find Next"), {}, QKeySequence(Qt::Key_F3));
    connect(m_findNext, &QAction::triggered, this, [this] {
        if (LogTab *tab = currentTab())
            tab->findNext();
    });
    m_findPrevious =
        make("findPreviousInLog", tr("Find Previous"), {}, QKeySequence(Qt::SHIFT | Qt::Key_F3));
    connect(m_findPrevious, &QAction::triggered, this, [this] {
        if (LogTab *tab = currentTab())
            tab->findPrevious();
    });
    m_goToLine = make("goToLogLine", tr("Go to Line…"), {}, QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_goToLine, &QAction::triggered, this, [this] {
        if (LogTab *tab = currentTab())
            tab->showGoToLine();
    });
    m_follow = make("followLog", tr("Follow"), u"follow"_s);
    m_follow->setCheckable(true);
    m_follow->setChecked(QSettings().value(FollowKey, true).toBool());
    m_follow->setToolTip(tr("Show new lines as they are written, while the view is at the end"));
    connect(m_follow, &QAction::toggled, this, [this](bool checked) {
        QSettings().setValue(FollowKey, checked);
        if (LogTab *tab = currentTab())
            tab->setFollowing(checked);
    });
    m_filter = make("filterLog", tr("Filter"), u"filter"_s);
    m_filter->setCheckable(true);
    m_filter->setChecked(QSettings().value(FilterKey, false).toBool());
    m_filter->setToolTip(tr("Show the lines that match patterns, a level or a time range below "
                            "the log"));
    connect(m_filter, &QAction::toggled, this, [this](bool checked) {
        QSettings().setValue(FilterKey, checked);
        if (LogTab *tab = currentTab())
            tab->setFilterVisible(checked);
    });
    m_highlights = make("logHighlightRules", tr("Highlights…"), u"highlight"_s);
    m_highlights->setToolTip(tr("Colour the lines or words that matter to you"));
    connect(m_highlights, &QAction::triggered, this, &LogPage::editHighlightRules);
    m_export = make("exportFilteredLog", tr("Export Filtered…"), u"export"_s);
    m_export->setToolTip(tr("Save the lines the filter keeps to a file"));
    connect(m_export, &QAction::triggered, this, &LogPage::exportFilteredDialog);
    m_addToTimeline = make("addLogToTimeline", tr("Add to Timeline"), u"incident"_s);
    m_addToTimeline->setToolTip(tr("Quote the selected lines on the open incident's timeline"));
    connect(m_addToTimeline, &QAction::triggered, this, &LogPage::addSelectionToTimeline);
    m_closeTab = make("closeLogTab", tr("Close Log"), {}, QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeTab, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    m_toolBar->addAction(m_openFile);
    m_toolBar->addAction(m_openSource);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_openSource)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_find);
    m_toolBar->addAction(m_follow);
    m_toolBar->addAction(m_filter);
    m_toolBar->addAction(m_highlights);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_export);
    m_toolBar->addAction(m_addToTimeline);
}

bool LogPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_O)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void LogPage::keyPressEvent(QKeyEvent *event)
{
    if (event->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_O)) {
        openFileDialog();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LogPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    rebuildSourcesMenu();
}

void LogPage::rebuildSourcesMenu()
{
    m_sourcesMenu->clear();
    int sources = 0;
    for (const Environment &environment : std::as_const(m_workspace.environments)) {
        for (const Host &host : environment.hosts) {
            if (host.logs.isEmpty())
                continue;
            QMenu *hostMenu = m_sourcesMenu->addMenu(
                themedIcon(host.isLocal() ? u"host-local"_s : u"host"_s), host.name);
            for (const LogSource &log : host.logs) {
                ++sources;
                QAction *open =
                    hostMenu->addAction(themedIcon(u"log"_s), log.name, this,
                                        [this, hostName = host.name, logName = log.name] {
                                            openSource(hostName, logName);
                                        });
                open->setToolTip(toString(log.kind) + u' ' + log.target);
                if (!host.isLocal() && log.kind == LogSource::Kind::File) {
                    // Followed live, a remote file shows its newest lines; copied, all of it.
                    hostMenu->addAction(themedIcon(u"export"_s),
                                        tr("Download %1 and Open").arg(log.name), this,
                                        [this, hostName = host.name, logName = log.name] {
                                            downloadAndOpen(hostName, logName);
                                        });
                }
            }
        }
    }
    if (sources == 0)
        m_sourcesMenu->addAction(tr("The workspace names no log sources"))->setEnabled(false);
    m_sourcesMenu->addSeparator();
    m_sourcesMenu->addAction(m_openMerged);
    m_openMerged->setEnabled(sources > 1 && m_runner);
    for (RemoteLogDownload *download : std::as_const(m_downloads))
        m_sourcesMenu->addAction(tr("Cancel Download of %1").arg(download->objectName()), download,
                                 &RemoteLogDownload::cancel);
}

LogTab *LogPage::currentTab() const
{
    return qobject_cast<LogTab *>(m_tabs->currentWidget());
}

int LogPage::tabCount() const
{
    return m_tabs->count();
}

QAction *LogPage::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void LogPage::openFileDialog()
{
    const QString start =
        QSettings()
            .value(DirectoryKey, QFileInfo::exists(u"/var/log"_s) ? u"/var/log"_s : QString())
            .toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Log File"), start,
        tr("Logs (*.log *.log.* *.gz *.txt *.out *.err *.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(DirectoryKey, QFileInfo(path).absolutePath());
    openFile(path);
}

LogTab *LogPage::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<LogTab *>(m_tabs->widget(i));
        if (tab && tab->document() &&
            QFileInfo(tab->document()->path()).absoluteFilePath() == absolute) {
            m_tabs->setCurrentIndex(i);
            tab->setFocus();
            return tab;
        }
    }
    return addTab(LogTab::forFile(absolute));
}

LogTab *LogPage::addTab(LogTab *tab)
{
    const QSettings settings;
    LogPattern options;
    options.regularExpression = settings.value(SearchRegexKey, false).toBool();
    options.caseSensitive = settings.value(SearchCaseKey, false).toBool();
    options.wholeWord = settings.value(SearchWordKey, false).toBool();
    tab->setSearchOptions(options);
    tab->setHighlightRules(m_rules);
    tab->setFilterVisible(m_filter->isChecked());
    if (!m_splitterState.isEmpty())
        tab->splitter()->restoreState(m_splitterState);
    tab->setFollowing(m_follow->isChecked());

    connect(tab, &LogTab::message, this, &LogPage::message);
    connect(tab, &LogTab::selectionChanged, this, &LogPage::updateActions);
    connect(tab, &LogTab::exportRequested, this, &LogPage::exportFilteredDialog);
    connect(tab, &LogTab::splitterMoved, this,
            [this, tab] { m_splitterState = tab->splitter()->saveState(); });
    // The search toggles are remembered as the user leaves them.
    connect(tab->searchBar(), &LogSearchBar::patternChanged, this, [](const LogPattern &pattern) {
        QSettings stored;
        stored.setValue(SearchRegexKey, pattern.regularExpression);
        stored.setValue(SearchCaseKey, pattern.caseSensitive);
        stored.setValue(SearchWordKey, pattern.wholeWord);
    });
    tab->view()->setContextActions({m_addToTimeline});

    const int index = m_tabs->addTab(tab, themedIcon(u"log"_s), tab->title());
    m_tabs->setTabToolTip(index, tab->description());
    m_tabs->setCurrentIndex(index);
    m_stack->setCurrentWidget(m_tabs);
    tab->setFocus();
    updateActions();
    return tab;
}

void LogPage::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (!tab)
        return;
    m_tabs->removeTab(index);
    tab->deleteLater();
    if (m_tabs->count() == 0)
        m_stack->setCurrentWidget(m_empty);
    updateActions();
}

void LogPage::onCurrentTabChanged()
{
    if (LogTab *tab = currentTab()) {
        // The toolbar's toggles show the current log's state.
        const QSignalBlocker followBlocker(m_follow);
        m_follow->setChecked(tab->isFollowing());
        const QSignalBlocker filterBlocker(m_filter);
        m_filter->setChecked(tab->isFilterVisible());
    }
    updateActions();
}

void LogPage::updateActions()
{
    LogTab *tab = currentTab();
    const bool hasTab = tab != nullptr;
    for (QAction *action :
         {m_find, m_findNext, m_findPrevious, m_goToLine, m_follow, m_filter, m_closeTab})
        action->setEnabled(hasTab);
    m_export->setEnabled(hasTab && tab->isFilterVisible());
    const bool incidentOpen = m_incidents && m_incidents->incident()->isActive();
    m_addToTimeline->setEnabled(incidentOpen && hasTab && tab->view()->currentLine() >= 0);
    m_addToTimeline->setToolTip(
        incidentOpen ? tr("Quote the selected lines on the open incident's timeline")
                     : tr("Quote the selected lines on an incident's timeline (declare or "
                          "resume an incident first)"));
}

void LogPage::setHighlightRules(const QList<LogHighlightRule> &rules)
{
    m_rules = rules;
    QSettings().setValue(RulesKey, highlightRulesToSettings(rules));
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *tab = qobject_cast<LogTab *>(m_tabs->widget(i)))
            tab->setHighlightRules(rules);
    }
}

void LogPage::editHighlightRules()
{
    auto *dialog = new LogHighlightRulesDialog(m_rules, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setHighlightRules(dialog->rules()); });
    dialog->open();
}

void LogPage::exportFilteredDialog()
{
    LogTab *tab = currentTab();
    if (!tab)
        return;
    if (!tab->canExport()) {
        Q_EMIT message(tr("Filter the log first: Export saves the lines the filter keeps."));
        return;
    }
    const QString start =
        QSettings()
            .value(DirectoryKey,
                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString() +
        u'/' + QFileInfo(tab->title()).completeBaseName() + u"-filtered.log";
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Filtered Lines"), start,
                                                      tr("Logs (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        tab->exportFilteredTo(path);
}

bool LogPage::addSelectionToTimeline()
{
    LogTab *tab = currentTab();
    if (!tab || !m_incidents || !m_incidents->incident()->isActive()) {
        Q_EMIT message(tr("Declare or resume an incident first: lines go on its timeline."));
        return false;
    }
    const LogTab::Excerpt excerpt = tab->selectedExcerpt();
    if (excerpt.isEmpty()) {
        Q_EMIT message(tr("Select the lines to add first."));
        return false;
    }
    const qint64 count = excerpt.lastNumber - excerpt.firstNumber + 1;
    if (count > TimelineLineLimit) {
        Q_EMIT message(tr("Select at most %1 lines for the timeline; export longer stretches.")
                           .arg(QLocale().toString(TimelineLineLimit)));
        return false;
    }
    if (!m_incidents->incident()->addLogExcerpt(tab->description(), excerpt.firstNumber,
                                                excerpt.lastNumber, excerpt.text))
        return false;
    Q_EMIT message(tr("Added %n line(s) to the incident timeline.", nullptr, int(count)));
    return true;
}

const LogSource *LogPage::findSource(const QString &hostName, const QString &logName,
                                     const Host **host) const
{
    const Host *found = m_workspace.findHost(hostName);
    if (host)
        *host = found;
    if (!found)
        return nullptr;
    for (const LogSource &log : found->logs) {
        if (log.name == logName)
            return &log;
    }
    return nullptr;
}

void LogPage::openSource(const QString &hostName, const QString &logName)
{
    const Host *host = nullptr;
    const LogSource *source = findSource(hostName, logName, &host);
    if (!source) {
        Q_EMIT message(tr("%1 has no log source %2.").arg(hostName, logName));
        return;
    }
    if (host->isLocal() && source->kind == LogSource::Kind::File) {
        if (!hasGlob(source->target)) {
            openFile(source->target);
            return;
        }
        // Several files: the user picks one (the newest is usually the one).
        const QFileInfo pattern(source->target);
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open %1").arg(source->name), pattern.path(),
            tr("%1 (%2);;All files (*)").arg(source->name, pattern.fileName()));
        if (!path.isEmpty())
            openFile(path);
        return;
    }
    openLive({{hostName, logName}});
}

LogTab *LogPage::openLive(const QList<SourceChoice> &choices)
{
    if (choices.isEmpty())
        return nullptr;
    if (!m_runner || !m_executors) {
        Q_EMIT message(tr("Live log sources are not available here."));
        return nullptr;
    }
    QList<LiveLogSpec> specs;
    QStringList names;
    QStringList reads;
    for (const SourceChoice &choice : choices) {
        const LogSource *source = findSource(choice.host, choice.log);
        if (!source) {
            Q_EMIT message(tr("%1 has no log source %2.").arg(choice.host, choice.log));
            return nullptr;
        }
        QString whyNot;
        std::optional<LiveLogSpec> spec = liveLogSpecFor(choice.host, *source, &whyNot);
        if (!spec) {
            Q_EMIT message(whyNot);
            return nullptr;
        }
        // In a merged view the tag names the host too: "web-1 nginx", "web-2 nginx".
        if (choices.size() > 1)
            spec->name = tr("%1 %2").arg(choice.host, choice.log);
        names.append(spec->name);
        reads.append(tr("%1 on %2: %3 %4")
                         .arg(source->name, choice.host, toString(source->kind), source->target));
        specs.append(*spec);
    }
    const QString title =
        choices.size() == 1
            ? tr("%1 on %2").arg(choices.constFirst().log, choices.constFirst().host)
            : tr("%1 merged").arg(names.join(QStringLiteral(", ")));
    const QString description = reads.join(u'\n');
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *open = qobject_cast<LogTab *>(m_tabs->widget(i));
        if (open && !open->document() && open->description() == description) {
            m_tabs->setCurrentIndex(i);
            return open;
        }
    }
    auto *buffer = new LiveLogBuffer(names);
    auto *tab = new LogTab(buffer, title, description);
    for (int i = 0; i < specs.size(); ++i) {
        auto *source = new LiveLogSource(specs[i], m_runner, m_executors);
        if (specs[i].kind == LiveLogSpec::Kind::File) {
            // Files carry their time in the text: read it, so a merged view can order them.
            source->setTimestampFunction([](QByteArrayView line) {
                return parseLogLine(detectLogFormat({line}), line).timestamp;
            });
        }
        source->setBuffer(buffer, i);
        tab->addLiveSource(source);
    }
    addTab(tab);
    for (LiveLogSource *source : tab->liveSources())
        source->start();
    return tab;
}

LogTab *LogPage::openLiveSpec(const LiveLogSpec &spec, const QString &title,
                              const QString &description)
{
    if (!m_runner || !m_executors) {
        Q_EMIT message(tr("Live log sources are not available here."));
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *open = qobject_cast<LogTab *>(m_tabs->widget(i));
        if (open && !open->document() && open->description() == description) {
            m_tabs->setCurrentIndex(i);
            return open;
        }
    }
    auto *buffer = new LiveLogBuffer({spec.name});
    auto *tab = new LogTab(buffer, title, description);
    auto *source = new LiveLogSource(spec, m_runner, m_executors);
    source->setBuffer(buffer, 0);
    tab->addLiveSource(source);
    addTab(tab);
    source->start();
    return tab;
}

void LogPage::openMergedDialog()
{
    auto *picker = new LogSourcePicker(m_workspace, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        QList<SourceChoice> choices;
        for (const LogSourcePicker::Choice &choice : picker->chosen())
            choices.append({choice.host, choice.log});
        openLive(choices);
    });
    picker->open();
}

void LogPage::downloadAndOpen(const QString &hostName, const QString &logName)
{
    const LogSource *source = findSource(hostName, logName);
    auto *ssh = m_executors ? qobject_cast<SshExecutor *>(m_executors(hostName)) : nullptr;
    if (!source || source->kind != LogSource::Kind::File || !ssh) {
        Q_EMIT message(
            tr("%1 on %2 is not a remote file that can be copied.").arg(logName, hostName));
        return;
    }
    auto *download = new RemoteLogDownload(ssh, source->target, this);
    download->setObjectName(tr("%1 on %2").arg(logName, hostName));
    m_downloads.append(download);
    rebuildSourcesMenu();
    connect(
        download, &RemoteLogDownload::progress, this,
        [this, download](qint64 received, qint64 total) {
            Q_EMIT message(
                total > 0
                    ? tr("Downloading %1: %2 of %3")
                          .arg(download->objectName(), formatBytes(received), formatBytes(total))
                    : tr("Downloading %1: %2").arg(download->objectName(), formatBytes(received)));
        });
    connect(download, &RemoteLogDownload::finished, this,
            [this, download](const QString &localPath, const QString &error) {
                m_downloads.removeOne(download);
                download->deleteLater();
                rebuildSourcesMenu();
                if (!error.isEmpty()) {
                    Q_EMIT message(error);
                    return;
                }
                Q_EMIT message(tr("Downloaded %1.").arg(download->objectName()));
                openFile(localPath);
            });
    download->start();
}

} // namespace OpsDeck
