// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logview.h"

#include "models/core/units.h"
#include "models/logs/loglines.h"
#include "widgets/common/appearance.h"
#include "widgets/logs/logcolours.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyleHints>

#include <algorithm>
#include <cmath>

namespace OpsDeck {

namespace {

// The scroll bar's range is an int: beyond this many positions it stands for a fraction of the
// lines instead of one line per step.
constexpr qint64 ScrollBarLimit = qint64(1) << 30;
constexpr int TabWidth = 8;
constexpr int MinimumNumberDigits = 4;
constexpr int MaximumTagCharacters = 14;
constexpr int HorizontalStep = 8; // columns per Left/Right
constexpr qint64 ReadChunk = 10000;
const QString GutterTimeFormat = QStringLiteral("HH:mm:ss.zzz");
constexpr int GutterTimeCharacters = 12;

int digitsOf(qint64 value)
{
    int digits = 1;
    while (value >= 10) {
        value /= 10;
        ++digits;
    }
    return digits;
}

QString lineText(const LogLine &line, bool withTime)
{
    QByteArrayView bytes(line.text);
    if (bytes.endsWith('\r'))
        bytes.chop(1); // the rest of a CRLF line end
    QString text = QString::fromUtf8(bytes);
    // A NUL would end the text for most programs it is pasted into.
    text.replace(QChar(0), QChar(0x2400));
    // The time a tool stated apart from the text goes with it, as the tool would print it.
    if (withTime && line.timestamp.isValid())
        text.prepend(line.timestamp.toUTC().toString(Qt::ISODateWithMs) + u' ');
    return text;
}

} // namespace

LogView::LogView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_highlighter(createLogSpanHighlighter())
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Log lines"));
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    viewport()->setFont(Appearance::monospaceFont());
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onVerticalScrollBar);
    m_dragScroll.setInterval(40);
    connect(&m_dragScroll, &QTimer::timeout, this, &LogView::dragScrollStep);
    updateMetrics();
    updateScrollBars();
}

LogView::~LogView() = default;

void LogView::setLines(const LogLines *lines)
{
    if (m_lines)
        disconnect(m_lines, nullptr, this, nullptr);
    m_lines = lines;
    if (lines) {
        connect(lines, &LogLines::linesAppended, this, &LogView::onLinesAppended);
        connect(lines, &LogLines::linesDropped, this, &LogView::onLinesDropped);
        connect(lines, &LogLines::linesReset, this, &LogView::onLinesReset);
        connect(lines, &QObject::destroyed, this, [this] { onLinesReset(); });
    }
    m_top = 0;
    onLinesReset();
}

qint64 LogView::lineCount() const
{
    return m_lines ? m_lines->lineCount() : 0;
}

void LogView::setFormat(LogFormat format)
{
    if (format == m_format)
        return;
    m_format = format;
    m_cache.clear();
    viewport()->update();
}

// ---- metrics and scrolling ------------------------------------------------------------------

void LogView::updateMetrics()
{
    m_font = viewport()->font();
    m_boldFont = m_font;
    m_boldFont.setBold(true);
    const QFontMetrics metrics(m_font);
    m_lineHeight = std::max(1, metrics.height() + 2);
    // Columns sit at the font's real advance: rounded, a long run of text would drift from them.
    m_advance = std::max<qreal>(1, QFontMetricsF(m_font).horizontalAdvance(u'M'));
    m_charWidth = int(std::ceil(m_advance));
    m_ascent = metrics.ascent() + 1;
}

int LogView::fullyVisibleRows() const
{
    return std::max(1, viewport()->height() / m_lineHeight);
}

std::pair<qint64, qint64> LogView::visibleLineRange() const
{
    const qint64 rows = (viewport()->height() + m_lineHeight - 1) / m_lineHeight;
    return {m_top, std::min(lineCount(), m_top + rows)};
}

qint64 LogView::maximumTop() const
{
    return std::max<qint64>(0, lineCount() - fullyVisibleRows());
}

bool LogView::isAtEnd() const
{
    return m_top >= maximumTop();
}

int LogView::visibleColumns() const
{
    return std::max(1, int((viewport()->width() - gutterWidth()) / m_advance));
}

int LogView::firstVisibleColumn() const
{
    return horizontalScrollBar()->value();
}

void LogView::updateScrollBars()
{
    const qint64 maxTop = maximumTop();
    m_top = std::clamp<qint64>(m_top, 0, maxTop);
    QScrollBar *vertical = verticalScrollBar();
    m_settingScrollBar = true;
    if (maxTop <= ScrollBarLimit) {
        vertical->setRange(0, int(maxTop));
        vertical->setPageStep(fullyVisibleRows());
        vertical->setValue(int(m_top));
    } else {
        vertical->setRange(0, int(ScrollBarLimit));
        vertical->setPageStep(
            int(std::max<qint64>(1, fullyVisibleRows() * ScrollBarLimit / lineCount())));
        vertical->setValue(int(std::llround(double(m_top) / double(maxTop) * ScrollBarLimit)));
    }
    m_settingScrollBar = false;
    QScrollBar *horizontal = horizontalScrollBar();
    const int columns = visibleColumns();
    horizontal->setRange(0, std::max(0, m_widestColumns + 2 - columns));
    horizontal->setPageStep(columns);
    horizontal->setSingleStep(1);
}

void LogView::onVerticalScrollBar(int value)
{
    if (m_settingScrollBar)
        return;
    const qint64 maxTop = maximumTop();
    qint64 top = value;
    if (maxTop > ScrollBarLimit) {
        top = value >= ScrollBarLimit
                  ? maxTop
                  : qint64(std::llround(double(value) / double(ScrollBarLimit) * double(maxTop)));
    }
    setTop(top);
}

void LogView::setTop(qint64 top)
{
    top = std::clamp<qint64>(top, 0, maximumTop());
    if (top != m_top) {
        m_top = top;
        updateScrollBars();
        viewport()->update();
    }
    updateSticking();
}

void LogView::updateSticking()
{
    const bool sticking = m_following && isAtEnd();
    if (sticking == m_sticking)
        return;
    m_sticking = sticking;
    Q_EMIT stickingChanged(sticking);
}

void LogView::scrollContentsBy(int, int)
{
    // The scroll bars' values are read when painting; the vertical one through setTop().
    viewport()->update();
}

void LogView::scrollToLine(qint64 line, ScrollHint hint)
{
    if (lineCount() == 0)
        return;
    line = std::clamp<qint64>(line, 0, lineCount() - 1);
    const int rows = fullyVisibleRows();
    switch (hint) {
    case ScrollHint::EnsureVisible:
        if (line < m_top)
            setTop(line);
        else if (line >= m_top + rows)
            setTop(line - rows + 1);
        break;
    case ScrollHint::Center:
        setTop(line - rows / 2);
        break;
    case ScrollHint::Top:
        setTop(line);
        break;
    }
}

void LogView::scrollToEnd()
{
    setTop(maximumTop());
}

qint64 LogView::lineAt(const QPoint &viewportPosition) const
{
    if (viewportPosition.y() < 0)
        return -1;
    const qint64 line = m_top + viewportPosition.y() / m_lineHeight;
    return line < lineCount() ? line : -1;
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    if (m_sticking)
        setTop(maximumTop());
    else
        updateSticking();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateMetrics();
        updateScrollBars();
    }
}

// ---- model signals ----------------------------------------------------------------------

void LogView::onLinesAppended(qint64 firstNew)
{
    // A partial last line may have grown: everything from firstNew on is read again.
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it.key() >= firstNew)
            it = m_cache.erase(it);
        else
            ++it;
    }
    const bool sticking = m_sticking;
    updateScrollBars();
    if (sticking)
        setTop(maximumTop());
    else
        updateSticking();
    const auto [first, end] = visibleLineRange();
    if (firstNew < end + 1 || sticking)
        viewport()->update();
    Q_UNUSED(first);
}

void LogView::onLinesDropped(qint64 count)
{
    if (count <= 0)
        return;
    m_cache.clear();
    const bool sticking = m_sticking;
    // The same text stays on screen: every position moves down with its line.
    m_top = std::max<qint64>(0, m_top - count);
    const Selection before = selection();
    if (m_current >= 0) {
        const qint64 current = m_current - count;
        const qint64 anchor = m_anchor - count;
        if (current < 0 && (m_anchor < 0 || anchor < 0)) {
            m_current = -1;
            m_anchor = -1;
        } else {
            m_current = std::max<qint64>(0, current);
            m_anchor = m_anchor < 0 ? -1 : std::max<qint64>(0, anchor);
        }
        Q_EMIT currentLineChanged(m_current);
    }
    if (!before.isEmpty())
        Q_EMIT selectionChanged();
    if (!m_bookmarks.empty()) {
        std::set<qint64> moved;
        for (const qint64 line : m_bookmarks) {
            if (line >= count)
                moved.insert(line - count);
        }
        m_bookmarks = std::move(moved);
        Q_EMIT bookmarksChanged();
    }
    if (m_currentMatch >= 0)
        m_currentMatch = m_currentMatch >= count ? m_currentMatch - count : -1;
    updateScrollBars();
    if (sticking)
        setTop(maximumTop());
    else
        updateSticking();
    viewport()->update();
}

void LogView::onLinesReset()
{
    m_cache.clear();
    m_widestColumns = 0;
    const bool hadSelection = m_current >= 0;
    m_current = -1;
    m_anchor = -1;
    m_currentMatch = -1;
    const bool hadBookmarks = !m_bookmarks.empty();
    m_bookmarks.clear();
    const bool sticking = m_sticking;
    updateScrollBars();
    if (sticking)
        setTop(maximumTop());
    else
        updateSticking();
    horizontalScrollBar()->setValue(0);
    if (hadSelection) {
        Q_EMIT currentLineChanged(-1);
        Q_EMIT selectionChanged();
    }
    if (hadBookmarks)
        Q_EMIT bookmarksChanged();
    viewport()->update();
}

// ---- reading and marking lines ------------------------------------------------------------

void LogView::prepareLines(qint64 first, qint64 count)
{
    if (!m_lines || count <= 0)
        return;
    // Keep what is near the screen; a jump far away starts over.
    if (m_cache.size() > 4 * count + 256) {
        for (auto it = m_cache.begin(); it != m_cache.end();) {
            if (it.key() < first || it.key() >= first + count)
                it = m_cache.erase(it);
            else
                ++it;
        }
    }
    qint64 line = first;
    const qint64 end = std::min(first + count, lineCount());
    while (line < end) {
        if (m_cache.contains(line)) {
            ++line;
            continue;
        }
        qint64 missingEnd = line + 1;
        while (missingEnd < end && !m_cache.contains(missingEnd))
            ++missingEnd;
        const QList<LogLine> read = m_lines->lines(line, missingEnd - line, DisplayByteCap);
        for (qsizetype i = 0; i < read.size(); ++i) {
            const LogLine &logLine = read[i];
            ShownLine shown;
            shown.number = logLine.number;
            shown.fullLength = logLine.fullLength;
            shown.source = logLine.source;
            if (logLine.timestamp.isValid())
                shown.time = logLine.timestamp.toLocalTime().toString(GutterTimeFormat);
            shown.capped = logLine.isCapped();
            QByteArrayView bytes(logLine.text);
            if (!shown.capped && bytes.endsWith('\r'))
                bytes.chop(1);
            shown.decoded = QString::fromUtf8(bytes);
            // Tabs and control characters take other widths on screen: the map from decoded
            // positions to columns is kept only for lines that have them.
            const bool remapped = std::ranges::any_of(
                shown.decoded, [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
            shown.shown.reserve(shown.decoded.size());
            if (remapped)
                shown.shownColumns.reserve(shown.decoded.size() + 1);
            for (const QChar c : std::as_const(shown.decoded)) {
                if (remapped)
                    shown.shownColumns.append(int(shown.shown.size()));
                const char16_t code = c.unicode();
                if (code == u'\t') {
                    shown.shown.append(QString(TabWidth - shown.shown.size() % TabWidth, u' '));
                } else if (code < 0x20 || code == 0x7f) {
                    // Caret notation, as cat -v and less write them: ^@ is NUL, ^? is DEL.
                    shown.controlColumns.append(int(shown.shown.size()));
                    shown.shown.append(u'^');
                    shown.shown.append(QChar(code == 0x7f ? u'?' : char16_t(code + 0x40)));
                } else {
                    shown.shown.append(c);
                }
            }
            if (remapped)
                shown.shownColumns.append(int(shown.shown.size()));
            shown.formatSpans = m_highlighter->spans(shown.decoded, m_format);
            m_widestColumns = std::max(m_widestColumns, int(shown.shown.size()));
            m_cache.insert(line + i, std::move(shown));
        }
        if (read.size() < missingEnd - line)
            break; // the lines went away meanwhile
        line = missingEnd;
    }
}

const LogView::ShownLine *LogView::shownLine(qint64 line)
{
    const auto it = m_cache.find(line);
    if (it == m_cache.end())
        return nullptr;
    if (it->marksGeneration != m_marksGeneration)
        markLine(*it);
    return &*it;
}

void LogView::markLine(ShownLine &line) const
{
    line.marksGeneration = m_marksGeneration;
    line.searchSpans.clear();
    line.ruleSpans.clear();
    line.ruleLineColour = QColor();
    if (m_searchPattern)
        line.searchSpans = matchSpans(m_searchExpression, line.decoded);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const LogHighlightRule &rule = m_rules[i];
        if (!rule.enabled)
            continue;
        if (rule.wholeLine) {
            if (!line.ruleLineColour.isValid() &&
                !matchSpans(m_ruleExpressions[i], line.decoded, 1).isEmpty())
                line.ruleLineColour = rule.colour;
            continue;
        }
        for (const TextSpan &span : matchSpans(m_ruleExpressions[i], line.decoded))
            line.ruleSpans.append({span, rule.colour});
    }
}

int LogView::shownColumn(const ShownLine &line, qsizetype decodedPosition) const
{
    if (line.shownColumns.isEmpty())
        return int(decodedPosition);
    return line
        .shownColumns[std::clamp<qsizetype>(decodedPosition, 0, line.shownColumns.size() - 1)];
}

// ---- painting ----------------------------------------------------------------------------

int LogView::gutterWidth() const
{
    qint64 largest = lineCount();
    for (auto it = m_cache.cbegin(); it != m_cache.cend(); ++it)
        largest = std::max(largest, it->number + 1);
    const int digits = std::max(MinimumNumberDigits, digitsOf(largest));
    int width = m_charWidth + 6 + digits * m_charWidth + m_charWidth;
    if (m_lines && m_lines->sourceNames().size() > 1) {
        qsizetype longest = 0;
        for (const QString &name : m_lines->sourceNames())
            longest = std::max(longest, name.size());
        width += int(std::min<qsizetype>(longest, MaximumTagCharacters) + 1) * m_charWidth + 4;
    }
    if (m_showsTimestamps)
        width += (GutterTimeCharacters + 1) * m_charWidth;
    return width;
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &colours = palette();
    painter.fillRect(viewport()->rect(), colours.color(QPalette::Base));
    m_paintedLines.clear();
    const auto [first, end] = visibleLineRange();
    const int widest = m_widestColumns;
    prepareLines(first, end - first);
    if (m_widestColumns != widest)
        updateScrollBars(); // the horizontal range grows with the widest line seen
    const int gutter = gutterWidth();
    painter.fillRect(QRect(0, 0, gutter, viewport()->height()), LogColours::gutter(colours));
    QColor separator = LogColours::gutterText(colours);
    separator.setAlpha(80);
    painter.setPen(separator);
    painter.drawLine(gutter - 1, 0, gutter - 1, viewport()->height());
    painter.setFont(m_font);
    for (qint64 line = first; line < end; ++line) {
        const ShownLine *shown = shownLine(line);
        if (!shown)
            break;
        const int y = int(line - first) * m_lineHeight;
        paintGutter(painter, *shown, line, y);
        paintLine(painter, *shown, line, y, gutter);
        m_paintedLines.append(line);
    }
}

void LogView::paintGutter(QPainter &painter, const ShownLine &line, qint64 index, int y)
{
    const QPalette &colours = palette();
    const int markerWidth = m_charWidth + 6;
    if (m_bookmarks.contains(index)) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(LogColours::bookmark(colours));
        const int size = std::min(m_lineHeight - 4, markerWidth - 4);
        painter.drawRoundedRect(QRectF(3, y + (m_lineHeight - size) / 2.0, size, size), 2, 2);
        painter.restore();
    }
    int x = markerWidth;
    const QStringList sources = m_lines ? m_lines->sourceNames() : QStringList();
    if (sources.size() > 1) {
        qsizetype longest = 0;
        for (const QString &name : sources)
            longest = std::max(longest, name.size());
        const int tagWidth =
            int(std::min<qsizetype>(longest, MaximumTagCharacters) + 1) * m_charWidth;
        const QRect tag(x, y + 1, tagWidth, m_lineHeight - 2);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const QColor fill = LogColours::sourceTag(line.source, colours);
        painter.setBrush(fill);
        painter.drawRoundedRect(tag, 3, 3);
        painter.setPen(colours.color(QPalette::Text));
        const QString name =
            line.source >= 0 && line.source < sources.size() ? sources[line.source] : QString();
        painter.drawText(tag.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(name, Qt::ElideMiddle, tag.width() - 6));
        painter.restore();
        x += tagWidth + 4;
    }
    painter.setPen(LogColours::gutterText(colours));
    const int timeWidth = m_showsTimestamps ? (GutterTimeCharacters + 1) * m_charWidth : 0;
    const QRect number(x, y, gutterWidth() - timeWidth - x - m_charWidth + 2, m_lineHeight);
    painter.drawText(number, Qt::AlignVCenter | Qt::AlignRight, QString::number(line.number + 1));
    if (m_showsTimestamps && !line.time.isEmpty())
        painter.drawText(QRect(number.right() + m_charWidth, y, timeWidth, m_lineHeight),
                         Qt::AlignVCenter | Qt::AlignLeft, line.time);
}

void LogView::paintLine(QPainter &painter, const ShownLine &line, qint64 index, int y, int textLeft)
{
    const QPalette &colours = palette();
    const QRect row(textLeft, y, viewport()->width() - textLeft, m_lineHeight);
    const Selection selected = selection();
    const bool isSelected =
        !selected.isEmpty() && index >= selected.first && index <= selected.last;
    const bool isCurrentMatch = index == m_currentMatch;
    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    if (isSelected)
        painter.fillRect(row, colours.color(group, QPalette::Highlight));
    else if (isCurrentMatch)
        painter.fillRect(row, LogColours::currentMatchLine(colours));
    else if (line.ruleLineColour.isValid())
        painter.fillRect(row, LogColours::ruleLine(line.ruleLineColour, colours));
    else if (m_bookmarks.contains(index))
        painter.fillRect(row, LogColours::bookmarkLine(colours));

    // Only the visible columns: a line of a megabyte costs what a short one does.
    const int firstColumn = firstVisibleColumn();
    int begin = firstColumn;
    int end = std::min<int>(int(line.shown.size()), firstColumn + visibleColumns() + 1);
    if (begin < end && line.shown[begin].isLowSurrogate())
        ++begin;
    if (end > begin && end < line.shown.size() && line.shown[end - 1].isHighSurrogate())
        ++end;
    const QColor text = isSelected ? colours.color(group, QPalette::HighlightedText)
                                   : colours.color(QPalette::Text);
    if (begin < end) {
        struct Cell {
            QRgb foreground;
            QRgb background; // 0: none
            bool bold;
            bool operator==(const Cell &) const = default;
        };
        QList<Cell> cells(end - begin, Cell{text.rgba(), 0, false});
        const auto paintSpan = [&](qsizetype start, qsizetype length, auto apply) {
            const int from = std::max(begin, shownColumn(line, start));
            const int to = std::min(end, shownColumn(line, start + length));
            for (int column = from; column < to; ++column)
                apply(cells[column - begin]);
        };
        if (!isSelected) {
            for (const LogHighlightSpan &span : line.formatSpans) {
                const QRgb colour = LogColours::forRole(span.role, colours).rgba();
                const bool bold = LogColours::isBold(span.role);
                paintSpan(span.start, span.length, [&](Cell &cell) {
                    cell.foreground = colour;
                    cell.bold = bold;
                });
            }
        }
        for (const auto &[span, colour] : line.ruleSpans) {
            const QRgb background = LogColours::ruleSpan(colour, colours).rgba();
            paintSpan(span.start, span.length, [&](Cell &cell) {
                cell.background = background;
                cell.foreground = colours.color(QPalette::Text).rgba();
            });
        }
        const QRgb match =
            (isCurrentMatch ? LogColours::currentMatch(colours) : LogColours::searchMatch(colours))
                .rgba();
        for (const TextSpan &span : line.searchSpans) {
            paintSpan(span.start, span.length, [&](Cell &cell) {
                cell.background = match;
                cell.foreground = colours.color(QPalette::Text).rgba();
            });
        }
        const QRgb control = LogColours::gutterText(colours).rgba();
        const QRgb controlBackground = LogColours::gutter(colours).rgba();
        for (const int column : line.controlColumns) {
            for (int c = std::max(begin, column); c < std::min(end, column + 2); ++c)
                cells[c - begin] = Cell{control, controlBackground, false};
        }
        int runStart = begin;
        while (runStart < end) {
            const Cell cell = cells[runStart - begin];
            int runEnd = runStart + 1;
            while (runEnd < end && cells[runEnd - begin] == cell)
                ++runEnd;
            const qreal x = textLeft + (runStart - firstColumn) * m_advance;
            if (cell.background != 0)
                painter.fillRect(QRectF(x, y, (runEnd - runStart) * m_advance, m_lineHeight),
                                 QColor::fromRgba(cell.background));
            painter.setPen(QColor::fromRgba(cell.foreground));
            painter.setFont(cell.bold ? m_boldFont : m_font);
            painter.drawText(QPointF(x, y + m_ascent), line.shown.mid(runStart, runEnd - runStart));
            runStart = runEnd;
        }
        painter.setFont(m_font);
    }
    if (line.capped && end >= line.shown.size()) {
        // Say that the line goes on beyond what is read for the screen.
        const int x = textLeft + int((int(line.shown.size()) - firstColumn + 1) * m_advance);
        painter.setPen(LogColours::gutterText(colours));
        painter.drawText(QPoint(std::max(x, textLeft), y + m_ascent),
                         tr("… %1 more").arg(formatBytes(line.fullLength - DisplayByteCap)));
    }
    if (index == m_current && hasFocus()) {
        QColor frame = colours.color(QPalette::Active, QPalette::Highlight);
        if (isSelected)
            frame = colours.color(QPalette::Active, QPalette::HighlightedText);
        painter.setPen(QPen(frame, 1, selected.count() > 1 ? Qt::DotLine : Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(row.adjusted(0, 0, -1, -1));
    }
}

// ---- current line and selection ------------------------------------------------------------

void LogView::setCurrentLine(qint64 line, bool extendSelection)
{
    const qint64 count = lineCount();
    if (count == 0 || line < 0)
        return;
    line = std::min(line, count - 1);
    const Selection before = selection();
    if (!extendSelection || m_anchor < 0)
        m_anchor = extendSelection && m_current >= 0 ? m_current : line;
    const bool moved = line != m_current;
    m_current = line;
    if (moved)
        Q_EMIT currentLineChanged(line);
    if (selection() != before)
        Q_EMIT selectionChanged();
    viewport()->update();
}

LogView::Selection LogView::selection() const
{
    if (m_anchor < 0 || m_current < 0)
        return {};
    return {std::min(m_anchor, m_current), std::max(m_anchor, m_current)};
}

void LogView::selectLines(qint64 first, qint64 last)
{
    const qint64 count = lineCount();
    if (count == 0)
        return;
    first = std::clamp<qint64>(first, 0, count - 1);
    last = std::clamp<qint64>(last, 0, count - 1);
    const Selection before = selection();
    m_anchor = first;
    const bool moved = m_current != last;
    m_current = last;
    if (moved)
        Q_EMIT currentLineChanged(last);
    if (selection() != before)
        Q_EMIT selectionChanged();
    viewport()->update();
}

void LogView::selectAll()
{
    selectLines(0, lineCount() - 1);
}

void LogView::clearSelection()
{
    if (m_anchor < 0)
        return;
    m_anchor = -1;
    Q_EMIT selectionChanged();
    viewport()->update();
}

void LogView::moveCurrent(qint64 line, bool extend)
{
    if (lineCount() == 0)
        return;
    line = std::clamp<qint64>(line, 0, lineCount() - 1);
    setCurrentLine(line, extend);
    scrollToLine(line);
}

QString LogView::selectedText(bool *complete) const
{
    Selection selected = selection();
    if (selected.isEmpty() && m_current >= 0)
        selected = {m_current, m_current};
    if (complete)
        *complete = selected.count() <= CopyLineLimit;
    if (selected.isEmpty() || !m_lines)
        return {};
    const qint64 end = selected.first + std::min(selected.count(), CopyLineLimit);
    QStringList texts;
    texts.reserve(end - selected.first);
    for (qint64 first = selected.first; first < end; first += ReadChunk) {
        const QList<LogLine> read = m_lines->lines(first, std::min(ReadChunk, end - first));
        for (const LogLine &line : read)
            texts.append(lineText(line, m_showsTimestamps));
        if (read.isEmpty())
            break;
    }
    return texts.join(u'\n');
}

void LogView::copy()
{
    bool complete = true;
    const QString text = selectedText(&complete);
    if (text.isEmpty() && selection().isEmpty() && m_current < 0)
        return;
    QApplication::clipboard()->setText(text);
    const qint64 count = std::max<qint64>(1, selection().count());
    if (complete)
        Q_EMIT message(tr("Copied %n line(s).", nullptr, int(std::min<qint64>(count, INT_MAX))));
    else
        Q_EMIT message(tr("Copied the first %1 of %2 selected lines; export the filter to save "
                          "more.")
                           .arg(QLocale().toString(CopyLineLimit), QLocale().toString(count)));
}

// ---- follow, bookmarks, go to line ---------------------------------------------------------

void LogView::setFollowing(bool following)
{
    m_following = following;
    if (following)
        scrollToEnd();
    updateSticking();
}

void LogView::toggleBookmark(qint64 line)
{
    if (line < 0)
        line = m_current >= 0 ? m_current : m_top;
    if (line < 0 || line >= lineCount())
        return;
    if (!m_bookmarks.erase(line))
        m_bookmarks.insert(line);
    Q_EMIT bookmarksChanged();
    viewport()->update();
}

QList<qint64> LogView::bookmarks() const
{
    return QList<qint64>(m_bookmarks.cbegin(), m_bookmarks.cend());
}

void LogView::setBookmarks(const QList<qint64> &lines)
{
    m_bookmarks.clear();
    for (const qint64 line : lines) {
        if (line >= 0 && line < lineCount())
            m_bookmarks.insert(line);
    }
    Q_EMIT bookmarksChanged();
    viewport()->update();
}

bool LogView::goToNextBookmark()
{
    if (m_bookmarks.empty()) {
        Q_EMIT message(tr("No bookmarks: Ctrl+B marks the current line."));
        return false;
    }
    const qint64 from = m_current >= 0 ? m_current : m_top - 1;
    auto next = m_bookmarks.upper_bound(from);
    if (next == m_bookmarks.end()) {
        next = m_bookmarks.begin();
        Q_EMIT message(tr("Continued from the first bookmark."));
    }
    setCurrentLine(*next);
    scrollToLine(*next, ScrollHint::Center);
    return true;
}

bool LogView::goToPreviousBookmark()
{
    if (m_bookmarks.empty()) {
        Q_EMIT message(tr("No bookmarks: Ctrl+B marks the current line."));
        return false;
    }
    const qint64 from = m_current >= 0 ? m_current : m_top + fullyVisibleRows();
    auto previous = m_bookmarks.lower_bound(from);
    if (previous == m_bookmarks.begin()) {
        previous = m_bookmarks.end();
        Q_EMIT message(tr("Continued from the last bookmark."));
    }
    --previous;
    setCurrentLine(*previous);
    scrollToLine(*previous, ScrollHint::Center);
    return true;
}

bool LogView::goToLineNumber(qint64 number)
{
    if (number < 1 || number > lineCount())
        return false;
    setCurrentLine(number - 1);
    scrollToLine(number - 1, ScrollHint::Center);
    return true;
}

// ---- search and highlight rules ------------------------------------------------------------

void LogView::setSearchPattern(const LogPattern &pattern)
{
    if (pattern.text.isEmpty()) {
        clearSearchPattern();
        return;
    }
    m_searchPattern = pattern;
    m_searchExpression = logPatternExpression(pattern);
    ++m_marksGeneration;
    viewport()->update();
}

void LogView::clearSearchPattern()
{
    if (!m_searchPattern && m_currentMatch < 0)
        return;
    m_searchPattern.reset();
    m_searchExpression = QRegularExpression();
    m_currentMatch = -1;
    ++m_marksGeneration;
    viewport()->update();
}

void LogView::setCurrentMatch(qint64 line)
{
    m_currentMatch = line;
    viewport()->update();
}

void LogView::setHighlightRules(const QList<LogHighlightRule> &rules)
{
    m_rules = rules;
    m_ruleExpressions.clear();
    for (const LogHighlightRule &rule : rules)
        m_ruleExpressions.append(rule.pattern.text.isEmpty() ? QRegularExpression()
                                                             : logPatternExpression(rule.pattern));
    ++m_marksGeneration;
    viewport()->update();
}

void LogView::setShowsTimestamps(bool shows)
{
    if (shows == m_showsTimestamps)
        return;
    m_showsTimestamps = shows;
    updateScrollBars();
    viewport()->update();
}

void LogView::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

// ---- input ---------------------------------------------------------------------------------

bool LogView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys the view uses itself win over window shortcuts while it has the focus (Ctrl+B
        // toggles the sidebar elsewhere).
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        const Qt::Key code = Qt::Key(key->key());
        const bool ours =
            key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll) ||
            (modifiers == Qt::ControlModifier && (code == Qt::Key_B || code == Qt::Key_G ||
                                                  code == Qt::Key_Home || code == Qt::Key_End)) ||
            (modifiers == Qt::AltModifier &&
             (code == Qt::Key_PageUp || code == Qt::Key_PageDown)) ||
            ((modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier) &&
             (code == Qt::Key_Home || code == Qt::Key_End));
        if (ours) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy))
        return copy();
    if (event->matches(QKeySequence::SelectAll))
        return selectAll();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool shift = modifiers.testFlag(Qt::ShiftModifier);
    const Qt::KeyboardModifiers withoutShift = modifiers & ~Qt::ShiftModifier;
    const int rows = fullyVisibleRows();
    const bool hasCurrent = m_current >= 0;
    if (withoutShift == Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_B:
            if (!shift)
                return toggleBookmark();
            break;
        case Qt::Key_G:
            if (!shift)
                return Q_EMIT goToLineRequested();
            break;
        case Qt::Key_Home:
            if (hasCurrent || shift)
                return moveCurrent(0, shift);
            return setTop(0);
        case Qt::Key_End:
            if (hasCurrent || shift)
                return moveCurrent(lineCount() - 1, shift);
            return scrollToEnd();
        default:
            break;
        }
    }
    if (modifiers == Qt::AltModifier) {
        if (event->key() == Qt::Key_PageDown)
            return void(goToNextBookmark());
        if (event->key() == Qt::Key_PageUp)
            return void(goToPreviousBookmark());
    }
    if (withoutShift == Qt::NoModifier) {
        QScrollBar *horizontal = horizontalScrollBar();
        switch (event->key()) {
        case Qt::Key_Down:
            if (hasCurrent)
                return moveCurrent(m_current + 1, shift);
            return setTop(m_top + 1);
        case Qt::Key_Up:
            if (hasCurrent)
                return moveCurrent(m_current - 1, shift);
            return setTop(m_top - 1);
        case Qt::Key_PageDown:
            setTop(m_top + rows);
            if (hasCurrent)
                moveCurrent(m_current + rows, shift);
            return;
        case Qt::Key_PageUp:
            setTop(m_top - rows);
            if (hasCurrent)
                moveCurrent(m_current - rows, shift);
            return;
        case Qt::Key_Home:
            return horizontal->setValue(0);
        case Qt::Key_End: {
            // The end of the current line (or of the widest one in view).
            const ShownLine *line = hasCurrent ? shownLine(m_current) : nullptr;
            const int width = line ? int(line->shown.size()) : m_widestColumns;
            return horizontal->setValue(width - visibleColumns() + 2);
        }
        case Qt::Key_Left:
            return horizontal->setValue(horizontal->value() -
                                        (shift ? visibleColumns() : HorizontalStep));
        case Qt::Key_Right:
            return horizontal->setValue(horizontal->value() +
                                        (shift ? visibleColumns() : HorizontalStep));
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (hasCurrent)
                return Q_EMIT lineActivated(m_current);
            break;
        case Qt::Key_Escape:
            if (!selection().isEmpty() && selection().count() > 1)
                return setCurrentLine(m_current);
            break;
        default:
            break;
        }
    }
    event->ignore();
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint position = event->position().toPoint();
    qint64 line = lineAt(position);
    if (line < 0 && lineCount() > 0 && position.y() >= 0)
        line = lineCount() - 1;
    if (line < 0)
        return;
    if (event->button() == Qt::RightButton) {
        const Selection selected = selection();
        if (selected.isEmpty() || line < selected.first || line > selected.last)
            setCurrentLine(line);
        return;
    }
    if (position.x() < m_charWidth + 6 && lineAt(position) >= 0) {
        toggleBookmark(line); // the marker strip
        return;
    }
    const bool extend = event->modifiers().testFlag(Qt::ShiftModifier);
    setCurrentLine(line, extend);
    m_dragging = true;
    m_dragY = position.y();
    if (!extend)
        Q_EMIT lineActivated(line);
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QAbstractScrollArea::mouseMoveEvent(event);
    m_dragY = event->position().toPoint().y();
    if (m_dragY < 0 || m_dragY >= viewport()->height()) {
        if (!m_dragScroll.isActive())
            m_dragScroll.start();
        return;
    }
    m_dragScroll.stop();
    qint64 line = lineAt({0, m_dragY});
    if (line < 0)
        line = lineCount() - 1;
    setCurrentLine(line, true);
}

void LogView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        m_dragScroll.stop();
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void LogView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A second click on a line is a click; on the marker strip it toggles back.
    mousePressEvent(event);
}

void LogView::dragScrollStep()
{
    if (!m_dragging) {
        m_dragScroll.stop();
        return;
    }
    // Faster the further the pointer is outside.
    const int distance = m_dragY < 0 ? -m_dragY : m_dragY - viewport()->height() + 1;
    const int step = std::max(1, distance / m_lineHeight + 1);
    if (m_dragY < 0) {
        setTop(m_top - step);
        setCurrentLine(m_top, true);
    } else {
        setTop(m_top + step);
        setCurrentLine(std::min(lineCount() - 1, m_top + fullyVisibleRows() - 1), true);
    }
}

void LogView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.x() != 0 || event->modifiers().testFlag(Qt::ShiftModifier)) {
        const int steps = (delta.x() != 0 ? delta.x() : delta.y()) / 40;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - steps * 2);
        event->accept();
        return;
    }
    // Scrolled in lines, not through the scroll bar: its steps may stand for many lines.
    const int lines = QApplication::wheelScrollLines();
    const qint64 step = qint64(delta.y()) * lines / 120;
    setTop(m_top - (step != 0 ? step : (delta.y() > 0 ? 1 : delta.y() < 0 ? -1 : 0)));
    event->accept();
}

void LogView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool hasLines = lineCount() > 0;
    QAction *copyAction = menu.addAction(tr("&Copy"), this, &LogView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(m_current >= 0);
    menu.addAction(tr("Select &All"), this, &LogView::selectAll)->setEnabled(hasLines);
    menu.addSeparator();
    QAction *bookmark = menu.addAction(tr("Toggle &Bookmark"), this, [this] { toggleBookmark(); });
    bookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    bookmark->setEnabled(hasLines);
    QAction *next = menu.addAction(tr("&Next Bookmark"), this, &LogView::goToNextBookmark);
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageDown));
    next->setEnabled(!m_bookmarks.empty());
    QAction *previous =
        menu.addAction(tr("&Previous Bookmark"), this, &LogView::goToPreviousBookmark);
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageUp));
    previous->setEnabled(!m_bookmarks.empty());
    QAction *goTo = menu.addAction(tr("&Go to Line…"), this, &LogView::goToLineRequested);
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goTo->setEnabled(hasLines);
    if (!m_contextActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_contextActions);
    }
    menu.exec(event->globalPos());
}

} // namespace OpsDeck
