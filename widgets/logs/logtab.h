// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logexport.h"
#include "models/logs/logformats.h"
#include "widgets/logs/logview.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QToolButton;

namespace OpsDeck {

class FilteredLogLines;
class LiveLogSource;
class LogDocument;
class LogFilterPane;
class LogLines;
class LogSearch;
class LogSearchBar;

// One open log on the Logs page: its lines (a local file's LogDocument, or a live source's
// lines), the view, the search bar, the filter pane below, an info bar for what happened to the
// file and a status line with indexing progress and Cancel.
class LogTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTab)

public:
    // What "Add to Timeline" quotes: the selected lines and where they are from.
    struct Excerpt {
        QString source;
        qint64 firstNumber = 0; // as the gutter shows them (from 1)
        qint64 lastNumber = 0;
        QString text;
        bool isEmpty() const { return text.isEmpty(); }
    };

    // A local file: opened at once, indexed in the background.
    static LogTab *forFile(const QString &path, QWidget *parent = nullptr);
    // Lines from elsewhere (a live source); the tab takes them over (they become its child).
    LogTab(LogLines *lines, const QString &title, const QString &description,
           QWidget *parent = nullptr);
    ~LogTab() override;

    QString title() const { return m_title; }
    QString description() const { return m_description; }
    LogLines *lines() const { return m_lines; }
    LogDocument *document() const { return m_document; }
    LogView *view() const { return m_view; }
    LogSearchBar *searchBar() const { return m_searchBar; }
    LogFilterPane *filterPane() const { return m_filterPane; }
    FilteredLogLines *filteredLines() const { return m_filtered; }
    QSplitter *splitter() const { return m_splitter; }

    // Live sources that feed this tab's lines (a LiveLogBuffer): the tab owns them, shows their
    // state in the status line and pauses them while Follow is off.
    void addLiveSource(LiveLogSource *source);
    QList<LiveLogSource *> liveSources() const { return m_liveSources; }

    void setFollowing(bool following);
    bool isFollowing() const;
    void setFilterVisible(bool visible);
    bool isFilterVisible() const;
    void setHighlightRules(const QList<LogHighlightRule> &rules);
    void setSearchOptions(const LogPattern &options);

    // Search: Ctrl+F, F3 / Shift+F3.
    void activateSearch();
    void closeSearch();
    void findNext();
    void findPrevious();
    bool isSearching() const;
    qint64 matchCount() const;
    // Go to line: Ctrl+G shows the field.
    void showGoToLine();
    bool isGoToLineVisible() const;

    // Saves the lines the filter keeps, in the background; exported() says how it went.
    void exportFilteredTo(const QString &path);
    bool canExport() const;
    Excerpt selectedExcerpt() const;

    // What the status line and the info bar say (tests, accessibility).
    QString statusText() const;
    QString infoText() const;
    bool isIndexingShown() const;

Q_SIGNALS:
    void message(const QString &text);
    void selectionChanged();
    void followingChanged(bool following);
    void exported(const OpsDeck::LogExportResult &result, const QString &path);
    void splitterMoved();
    // The filter pane's Export button: the page asks where to save.
    void exportRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void connectDocument();
    void showInfo(const QString &text, bool isError);
    void updateSummary();
    void updateFollowState();
    void startSearch();
    void goToMatch(int direction);
    void updateSearchCount();
    void startFilter();
    void onFilterFinished(qint64 count, const QString &error);
    void onLinesChanged(bool reset);
    LogQuery baseQuery() const;
    LogFormat format() const;
    void updateSourcesState();
    void detectBufferFormat();

    QString m_title;
    QString m_description;
    LogLines *m_lines = nullptr;
    LogDocument *m_document = nullptr;

    LogView *m_view = nullptr;
    LogSearchBar *m_searchBar = nullptr;
    LogFilterPane *m_filterPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_info = nullptr;
    QLabel *m_infoIcon = nullptr;
    QLabel *m_infoText = nullptr;
    QWidget *m_goTo = nullptr;
    QLineEdit *m_goToField = nullptr;
    QLabel *m_goToRange = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_followState = nullptr;
    QLabel *m_sourcesState = nullptr;
    QList<LiveLogSource *> m_liveSources;
    bool m_formatSettled = false; // lines from elsewhere: format read from the first lines

    LogSearch *m_search = nullptr;
    int m_pendingStep = 0; // Next or Previous asked before the matches came
    int m_searchPercent = 0;
    LogSearch *m_filterSearch = nullptr;
    FilteredLogLines *m_filtered = nullptr;
    bool m_filterActive = false;

    QTimer m_summaryTimer; // the line count changes with every append: said a few times a second
    QTimer m_refreshTimer; // new lines: search and filter again once they pause
};

} // namespace OpsDeck
