// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logformats.h"
#include "models/logs/loglines.h"
#include "models/logs/logquery.h"
#include "widgets/logs/logspans.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <memory>
#include <optional>
#include <set>

namespace OpsDeck {

// A user's highlight: lines (or only the text) matching the pattern get the colour.
struct LogHighlightRule {
    LogPattern pattern; // combine is not used
    QColor colour;
    bool wholeLine = true; // false: only the matching text
    bool enabled = true;

    friend bool operator==(const LogHighlightRule &a, const LogHighlightRule &b)
    {
        return a.pattern.text == b.pattern.text &&
               a.pattern.regularExpression == b.pattern.regularExpression &&
               a.pattern.basicSyntax == b.pattern.basicSyntax &&
               a.pattern.caseSensitive == b.pattern.caseSensitive &&
               a.pattern.wholeWord == b.pattern.wholeWord && a.colour == b.colour &&
               a.wholeLine == b.wholeLine && a.enabled == b.enabled;
    }
};

// Shows a LogLines of any size: paints only the lines on screen (one uniform height, the
// monospace font), reading them when they are painted. A gutter with line numbers, bookmarks
// and, for merged views, each line's source; whole-line selection; follow (sticks to the end
// while it is at the end); search and highlight-rule marks; the position kept when a bounded
// buffer drops its oldest lines. "Line" here is an index into lines(); LogLine::number is what
// the gutter shows (a filtered view's lines keep their source numbers).
//
// The vertical scroll bar counts lines, scaled when there are more than it can hold, so files
// of billions of lines scroll end to end. Very long lines are read capped (DisplayByteCap) and
// only the visible columns are painted.
class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    enum class ScrollHint { EnsureVisible, Center, Top };
    // Bytes of a line read for painting; copy reads whole lines (up to LogLines' own cap).
    static constexpr qint64 DisplayByteCap = 64 * 1024;
    // Ctrl+C copies at most this many lines: the GUI thread reads them (export writes more).
    static constexpr qint64 CopyLineLimit = 100000;

    struct Selection {
        qint64 first = -1;
        qint64 last = -1; // inclusive
        bool isEmpty() const { return first < 0; }
        qint64 count() const { return isEmpty() ? 0 : last - first + 1; }
        friend bool operator==(const Selection &, const Selection &) = default;
    };

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    // Not owned; the view lets go when it is destroyed.
    void setLines(const LogLines *lines);
    const LogLines *lines() const { return m_lines; }
    qint64 lineCount() const;
    // How lines are coloured by their format.
    void setFormat(LogFormat format);
    LogFormat format() const { return m_format; }

    // Position. Rows are uniform: lineHeight() pixels.
    int lineHeight() const { return m_lineHeight; }
    qint64 firstVisibleLine() const { return m_top; }
    // Rows that fit entirely.
    int fullyVisibleRows() const;
    // [first, end) of the lines at least partly on screen.
    std::pair<qint64, qint64> visibleLineRange() const;
    bool isAtEnd() const;
    void scrollToLine(qint64 line, ScrollHint hint = ScrollHint::EnsureVisible);
    void scrollToEnd();
    int firstVisibleColumn() const;
    // Line at a viewport position, -1 below the last line.
    qint64 lineAt(const QPoint &viewportPosition) const;
    // The lines painted last (tests and accessibility).
    QList<qint64> paintedLines() const { return m_paintedLines; }

    // The keyboard's line (-1: none) and the selected lines, whole lines only.
    qint64 currentLine() const { return m_current; }
    void setCurrentLine(qint64 line, bool extendSelection = false);
    Selection selection() const;
    void selectLines(qint64 first, qint64 last);
    void selectAll();
    void clearSelection();
    // The selected lines' text, one per line, at most CopyLineLimit lines (*complete says
    // whether that was all of them).
    QString selectedText(bool *complete = nullptr) const;
    void copy();

    // Follow: keep showing new lines while the view is at the end. Scrolling away stops it
    // sticking; scrolling back to the end resumes.
    void setFollowing(bool following);
    bool isFollowing() const { return m_following; }
    bool isStickingToEnd() const { return m_sticking; }

    // Bookmarks, by line. Toggling with none given uses the current line.
    void toggleBookmark(qint64 line = -1);
    QList<qint64> bookmarks() const;
    void setBookmarks(const QList<qint64> &lines);
    bool goToNextBookmark();
    bool goToPreviousBookmark();

    // "Go to line": number as the gutter shows it (1-based) in a view whose numbers are its
    // indices; false when out of range.
    bool goToLineNumber(qint64 number);

    // The search term: its matches on visible lines are marked; the current match's line gets
    // its own colour. An empty pattern marks nothing.
    void setSearchPattern(const LogPattern &pattern);
    void clearSearchPattern();
    void setCurrentMatch(qint64 line);
    qint64 currentMatch() const { return m_currentMatch; }
    void setHighlightRules(const QList<LogHighlightRule> &rules);
    QList<LogHighlightRule> highlightRules() const { return m_rules; }

    // Lines whose source stated their time apart from the text (a container's or the journal's
    // log): the time shows in the gutter and goes with copied lines.
    void setShowsTimestamps(bool shows);
    bool showsTimestamps() const { return m_showsTimestamps; }

    // Actions added under the view's own in its context menu (Add to Timeline, …).
    void setContextActions(const QList<QAction *> &actions);

Q_SIGNALS:
    void currentLineChanged(qint64 line);
    void selectionChanged();
    // A line was clicked or Enter pressed on it.
    void lineActivated(qint64 line);
    void stickingChanged(bool sticking);
    void bookmarksChanged();
    void goToLineRequested();
    // Something to tell the user (status bar): copied lines, no more bookmarks.
    void message(const QString &text);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // A line as painted: decoded, control characters made visible (^@), tabs expanded.
    struct ShownLine {
        qint64 number = 0;
        qint64 fullLength = 0;
        int source = 0;
        bool capped = false;
        QString time;              // the source's time for the line, as the gutter shows it
        QString decoded;           // what spans are found in
        QString shown;             // what is painted
        QList<int> shownColumns;   // decoded position -> shown column; empty: the same
        QList<int> controlColumns; // where a control character's two-column mark starts
        QList<LogHighlightSpan> formatSpans;
        QList<TextSpan> searchSpans;
        QList<std::pair<TextSpan, QColor>> ruleSpans;
        QColor ruleLineColour; // invalid: no whole-line rule matched
        quint64 marksGeneration = 0;
    };

    void updateMetrics();
    void updateScrollBars();
    void setTop(qint64 top);
    qint64 maximumTop() const;
    void updateSticking();
    void moveCurrent(qint64 line, bool extend);
    int gutterWidth() const;
    int visibleColumns() const;
    const ShownLine *shownLine(qint64 line);
    void prepareLines(qint64 first, qint64 count);
    void markLine(ShownLine &line) const;
    int shownColumn(const ShownLine &line, qsizetype decodedPosition) const;
    void paintLine(QPainter &painter, const ShownLine &line, qint64 index, int y, int textLeft);
    void paintGutter(QPainter &painter, const ShownLine &line, qint64 index, int y);
    void startDragScroll();
    void dragScrollStep();
    void onLinesAppended(qint64 firstNew);
    void onLinesDropped(qint64 count);
    void onLinesReset();
    void onVerticalScrollBar(int value);

    QPointer<const LogLines> m_lines;
    LogFormat m_format = LogFormat::Plain;
    bool m_showsTimestamps = false;
    std::unique_ptr<LogSpanHighlighter> m_highlighter;

    QFont m_font;
    QFont m_boldFont;
    int m_lineHeight = 16;
    int m_charWidth = 8; // rounded up: the gutter's unit
    qreal m_advance = 8; // a column of text
    int m_ascent = 12;

    qint64 m_top = 0;
    bool m_settingScrollBar = false;
    qint64 m_current = -1;
    qint64 m_anchor = -1; // selection's other end; -1: no selection
    bool m_following = false;
    bool m_sticking = false;
    std::set<qint64> m_bookmarks;

    std::optional<LogPattern> m_searchPattern;
    QRegularExpression m_searchExpression;
    qint64 m_currentMatch = -1;
    QList<LogHighlightRule> m_rules;
    QList<QRegularExpression> m_ruleExpressions;
    quint64 m_marksGeneration = 1; // bumped when the search or the rules change

    QHash<qint64, ShownLine> m_cache;
    int m_widestColumns = 0; // widest line seen, for the horizontal scroll bar
    QList<qint64> m_paintedLines;

    QList<QAction *> m_contextActions;
    QTimer m_dragScroll;
    bool m_dragging = false;
    int m_dragY = 0;
};

} // namespace OpsDeck
