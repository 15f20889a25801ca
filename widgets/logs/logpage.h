// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/livelogsource.h"
#include "models/workspace/workspace.h"
#include "widgets/logs/logview.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace OpsDeck {

class CommandRunner;
class Executor;
class IncidentResponse;
class LogTab;
class RemoteLogDownload;

// The Logs page: a tab per open log (local files, and the workspace's log sources), a toolbar
// with Open File (Ctrl+O), Find (Ctrl+F, F3, Shift+F3), Follow, Filter, highlight rules,
// Export Filtered Lines and Add to Timeline (while an incident is open). Toggles, highlight
// rules and the split between the log and its filter are remembered.
class LogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPage)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;
    struct SourceChoice {
        QString host;
        QString log;
    };

    // incidents may be null (no timeline to add to); without a runner, only local files open
    // (live sources run their commands through it, on the hosts executors gives).
    explicit LogPage(IncidentResponse *incidents, CommandRunner *runner = nullptr,
                     ExecutorLookup executors = {}, QWidget *parent = nullptr);
    ~LogPage() override;

    void setWorkspace(const Workspace &workspace);

    // Opens a local file in a new tab (or shows its tab when it is open already).
    LogTab *openFile(const QString &path);
    void openFileDialog();
    // A log source of the workspace: a file of this computer opens as a document, everything
    // else is followed live (tail -F, docker/podman/kubectl logs, journalctl).
    void openSource(const QString &hostName, const QString &logName);
    // Live sources followed in one tab; several make a merged view ordered by time.
    LogTab *openLive(const QList<SourceChoice> &choices);
    // One live spec that is not a workspace log source (a container's log from the Containers
    // page); a tab with the same description is shown instead of opening a second one.
    LogTab *openLiveSpec(const LiveLogSpec &spec, const QString &title, const QString &description);
    void openMergedDialog();
    // A remote file copied whole over SFTP into the private cache, then opened as a document.
    void downloadAndOpen(const QString &hostName, const QString &logName);
    void exportFilteredDialog();
    // Quotes the current tab's selected lines on the open incident's timeline.
    bool addSelectionToTimeline();

    LogTab *currentTab() const;
    int tabCount() const;
    QTabWidget *tabs() const { return m_tabs; }
    QAction *action(const QString &objectName) const;

    QList<LogHighlightRule> highlightRules() const { return m_rules; }
    void setHighlightRules(const QList<LogHighlightRule> &rules);

Q_SIGNALS:
    // Something to say in the status bar.
    void message(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    LogTab *addTab(LogTab *tab);
    void closeTab(int index);
    void onCurrentTabChanged();
    void updateActions();
    void rebuildSourcesMenu();
    void editHighlightRules();
    const LogSource *findSource(const QString &hostName, const QString &logName,
                                const Host **host = nullptr) const;

    IncidentResponse *m_incidents;
    CommandRunner *m_runner;
    ExecutorLookup m_executors;
    QList<RemoteLogDownload *> m_downloads;
    Workspace m_workspace;
    QList<LogHighlightRule> m_rules;
    QByteArray m_splitterState;

    QToolBar *m_toolBar;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QLabel *m_empty;
    QMenu *m_sourcesMenu;
    QAction *m_openFile = nullptr;
    QAction *m_openSource = nullptr;
    QAction *m_openMerged = nullptr;
    QAction *m_find = nullptr;
    QAction *m_findNext = nullptr;
    QAction *m_findPrevious = nullptr;
    QAction *m_goToLine = nullptr;
    QAction *m_follow = nullptr;
    QAction *m_filter = nullptr;
    QAction *m_highlights = nullptr;
    QAction *m_export = nullptr;
    QAction *m_addToTimeline = nullptr;
    QAction *m_closeTab = nullptr;
};

} // namespace OpsDeck
