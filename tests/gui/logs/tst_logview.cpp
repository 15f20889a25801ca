// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/livelogbuffer.h"
#include "models/logs/logdocument.h"
#include "screenshots.h"
#include "widgets/logs/logcolours.h"
#include "widgets/logs/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QList<QByteArray> numberedLines(qint64 first, qint64 count, const QByteArray &prefix = "line ")
{
    QList<QByteArray> lines;
    for (qint64 i = first; i < first + count; ++i)
        lines.append(prefix + QByteArray::number(i));
    return lines;
}

QByteArray textOf(const LogLines &lines, qint64 line)
{
    const QList<LogLine> read = lines.lines(line, 1);
    return read.isEmpty() ? QByteArray() : read.constFirst().text;
}

// More lines than an int can count, made up on demand: the scroll bar must still reach both
// ends and the middle.
class HugeLines final : public LogLines
{
public:
    static constexpr qint64 Count = qint64(5) * 1000 * 1000 * 1000;
    qint64 lineCount() const override { return Count; }
    QList<LogLine> lines(qint64 first, qint64 count, qint64) const override
    {
        QList<LogLine> result;
        for (qint64 line = std::max<qint64>(first, 0); line < std::min(first + count, Count);
             ++line) {
            LogLine entry;
            entry.text = "entry " + QByteArray::number(line);
            entry.number = line;
            entry.fullLength = entry.text.size();
            result.append(entry);
        }
        return result;
    }
    QStringList sourceNames() const override { return {u"huge"_s}; }
};

void sendKey(QWidget *widget, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(widget, key, modifiers);
}

QPoint pointOfLine(const LogView &view, qint64 line, int x = 200)
{
    return {x, int(line - view.firstVisibleLine()) * view.lineHeight() + view.lineHeight() / 2};
}

} // namespace

class LogViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void paintsOnlyTheVisibleLines();
    void showsALogDocumentAsItGrows();
    void keyboardMovesTheCurrentLine();
    void selectsWholeLinesAndCopiesThem();
    void followSticksToTheEndUntilScrolledAway();
    void keepsItsPositionWhenLinesAreDropped();
    void bookmarksToggleAndCycle();
    void goesToALine();
    void scrollsThroughBillionsOfLines();
    void paintsOnlyTheVisibleSliceOfLongLines();
    void showsControlCharacters();
    void marksSearchMatchesAndHighlightRules();
    void tagsEachSourceOfAMergedView();
    void showsTheTimeASourceGaveApart();
    void marksWhatThePatternMatches_data();
    void marksWhatThePatternMatches();

private:
    std::unique_ptr<LiveLogBuffer> m_buffer;
    std::unique_ptr<LogView> m_view;
};

void LogViewTest::init()
{
    m_buffer = std::make_unique<LiveLogBuffer>(QStringList{u"test"_s});
    m_view = std::make_unique<LogView>();
    m_view->resize(700, 20 * 16 + 40);
    m_view->setLines(m_buffer.get());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void LogViewTest::cleanup()
{
    m_view.reset();
    m_buffer.reset();
}

void LogViewTest::paintsOnlyTheVisibleLines()
{
    m_buffer->append(0, numberedLines(0, 1000));
    const int rows = m_view->fullyVisibleRows();
    QVERIFY(rows > 5);
    QCOMPARE(m_view->visibleLineRange().first, 0);
    QVERIFY(m_view->visibleLineRange().second - rows <= 1);

    m_view->scrollToLine(500, LogView::ScrollHint::Top);
    QCOMPARE(m_view->firstVisibleLine(), 500);
    m_view->grab();
    const QList<qint64> painted = m_view->paintedLines();
    QCOMPARE(painted.constFirst(), 500);
    QCOMPARE(painted.size(), m_view->visibleLineRange().second - 500);
    QVERIFY(painted.size() <= rows + 1);
    QCOMPARE(textOf(*m_buffer, painted.constFirst()), "line 500");

    // The scroll bar is in lines.
    QCOMPARE(m_view->verticalScrollBar()->value(), 500);
    m_view->verticalScrollBar()->setValue(990);
    QCOMPARE(m_view->firstVisibleLine(), 1000 - rows); // the last line fully visible
    QVERIFY(m_view->isAtEnd());

    // Centred: the line sits in the middle row.
    m_view->scrollToLine(300, LogView::ScrollHint::Center);
    QCOMPARE(m_view->firstVisibleLine(), 300 - rows / 2);
    // Ensure-visible does not move a line already on screen.
    m_view->scrollToLine(302);
    QCOMPARE(m_view->firstVisibleLine(), 300 - rows / 2);
    m_view->scrollToLine(700);
    QCOMPARE(m_view->firstVisibleLine(), 700 - rows + 1);
}

void LogViewTest::showsALogDocumentAsItGrows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rows.log"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const QByteArray &line : numberedLines(0, 50000, "row "))
        file.write(line + '\n');
    file.flush();

    LogDocument document;
    QSignalSpy finished(&document, &LogDocument::indexingFinished);
    m_view->setLines(&document);
    document.open(path);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_view->lineCount(), 50000);

    m_view->scrollToLine(31234, LogView::ScrollHint::Top);
    m_view->grab();
    QCOMPARE(m_view->paintedLines().constFirst(), 31234);
    QCOMPARE(textOf(document, m_view->paintedLines().constFirst()), "row 31234");
    QCOMPARE(m_view->paintedLines().constLast(), m_view->visibleLineRange().second - 1);
    m_view->selectLines(10, 12);
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text(), u"row 10\nrow 11\nrow 12"_s);

    // Following the file: appended lines arrive and the view sticks to the end.
    document.setFollowing(true);
    m_view->setFollowing(true);
    QVERIFY(m_view->isStickingToEnd());
    for (const QByteArray &line : numberedLines(50000, 100, "row "))
        file.write(line + '\n');
    file.flush();
    QTRY_COMPARE_WITH_TIMEOUT(m_view->lineCount(), 50100, 5000);
    QCOMPARE(m_view->visibleLineRange().second, 50100);
    m_view->grab();
    QCOMPARE(textOf(document, m_view->paintedLines().constLast()), "row 50099");
    m_view->setLines(m_buffer.get());
}

void LogViewTest::keyboardMovesTheCurrentLine()
{
    m_buffer->append(0, numberedLines(0, 1000));
    const int rows = m_view->fullyVisibleRows();
    m_view->setFocus();
    // Without a current line the arrows scroll.
    sendKey(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->firstVisibleLine(), 1);
    QCOMPARE(m_view->currentLine(), -1);
    sendKey(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->firstVisibleLine(), 0);

    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOfLine(*m_view, 2));
    QCOMPARE(m_view->currentLine(), 2);
    sendKey(m_view.get(), Qt::Key_Down);
    sendKey(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentLine(), 4);
    QCOMPARE(m_view->selection(), (LogView::Selection{4, 4}));
    sendKey(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(m_view->currentLine(), 4 + rows);
    QCOMPARE(m_view->firstVisibleLine(), rows);
    sendKey(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->currentLine(), 4);
    QCOMPARE(m_view->firstVisibleLine(), 0);

    sendKey(m_view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(m_view->currentLine(), 999);
    QVERIFY(m_view->isAtEnd());
    QCOMPARE(m_view->visibleLineRange().second, 1000);
    sendKey(m_view.get(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(m_view->currentLine(), 0);
    QCOMPARE(m_view->firstVisibleLine(), 0);

    // Shift extends the selection from where it was.
    sendKey(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    sendKey(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(m_view->selection(), (LogView::Selection{0, 2}));
    // Moving down past the last row scrolls by one.
    for (int i = 0; i < rows; ++i)
        sendKey(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentLine(), 2 + rows);
    QCOMPARE(m_view->firstVisibleLine(), 3);

    // Enter activates the current line (the filter pane jumps there).
    QSignalSpy activated(m_view.get(), &LogView::lineActivated);
    sendKey(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().toLongLong(), 2 + rows);
}

void LogViewTest::selectsWholeLinesAndCopiesThem()
{
    m_buffer->append(0, numberedLines(0, 100));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOfLine(*m_view, 3));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      pointOfLine(*m_view, 5, 20 + m_view->lineHeight() * 8));
    QCOMPARE(m_view->selection(), (LogView::Selection{3, 5}));
    QSignalSpy messages(m_view.get(), &LogView::message);
    m_view->setFocus();
    sendKey(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"line 3\nline 4\nline 5"_s);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.constFirst().constFirst().toString().startsWith(u"Copied 3 line"_s));

    // Dragging selects from the press to the line under the pointer.
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, pointOfLine(*m_view, 8));
    QTest::mouseMove(m_view->viewport(), pointOfLine(*m_view, 10));
    QTest::mouseMove(m_view->viewport(), pointOfLine(*m_view, 6));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, pointOfLine(*m_view, 6));
    QCOMPARE(m_view->selection(), (LogView::Selection{6, 8}));
    QCOMPARE(m_view->currentLine(), 6);
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text(), u"line 6\nline 7\nline 8"_s);

    sendKey(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_view->selection(), (LogView::Selection{0, 99}));
    bool complete = false;
    const QString all = m_view->selectedText(&complete);
    QVERIFY(complete);
    QCOMPARE(all.count(u'\n'), 99);
    QVERIFY(all.endsWith(u"line 99"_s));
}

void LogViewTest::followSticksToTheEndUntilScrolledAway()
{
    QSignalSpy sticking(m_view.get(), &LogView::stickingChanged);
    m_buffer->append(0, numberedLines(0, 100));
    m_view->setFollowing(true);
    QVERIFY(m_view->isStickingToEnd());
    QCOMPARE(m_view->visibleLineRange().second, 100);
    m_buffer->append(0, numberedLines(100, 50));
    QVERIFY(m_view->isAtEnd());
    QCOMPARE(m_view->visibleLineRange().second, 150);

    // Scrolled up by the user: new lines no longer move the view.
    m_view->setFocus();
    sendKey(m_view.get(), Qt::Key_Up);
    sendKey(m_view.get(), Qt::Key_Up);
    QVERIFY(!m_view->isStickingToEnd());
    const qint64 top = m_view->firstVisibleLine();
    m_buffer->append(0, numberedLines(150, 50));
    QCOMPARE(m_view->firstVisibleLine(), top);
    QVERIFY(!m_view->isAtEnd());

    // Back at the end it sticks again.
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    QVERIFY(m_view->isStickingToEnd());
    m_buffer->append(0, numberedLines(200, 10));
    QCOMPARE(m_view->visibleLineRange().second, 210);
    QCOMPARE(sticking.size(), 3);
    QCOMPARE(sticking.at(0).constFirst().toBool(), true);
    QCOMPARE(sticking.at(1).constFirst().toBool(), false);
    QCOMPARE(sticking.at(2).constFirst().toBool(), true);

    // Not following: new lines never move the view, even at the end.
    m_view->setFollowing(false);
    QVERIFY(!m_view->isStickingToEnd());
    const qint64 stillTop = m_view->firstVisibleLine();
    m_buffer->append(0, numberedLines(210, 10));
    QCOMPARE(m_view->firstVisibleLine(), stillTop);
}

void LogViewTest::keepsItsPositionWhenLinesAreDropped()
{
    m_buffer->setMaximumLines(1000);
    m_buffer->append(0, numberedLines(0, 1000));
    m_view->scrollToLine(500, LogView::ScrollHint::Top);
    m_view->selectLines(510, 512);
    m_view->toggleBookmark(520);
    m_view->toggleBookmark(50);
    m_view->setCurrentMatch(530);
    QCOMPARE(textOf(*m_buffer, m_view->firstVisibleLine()), "line 500");

    m_buffer->append(0, numberedLines(1000, 100)); // drops lines 0..99
    QCOMPARE(m_buffer->lineCount(), 1000);
    QCOMPARE(m_view->firstVisibleLine(), 400);
    QCOMPARE(textOf(*m_buffer, m_view->firstVisibleLine()), "line 500");
    QCOMPARE(m_view->selection(), (LogView::Selection{410, 412}));
    QCOMPARE(textOf(*m_buffer, m_view->selection().first), "line 510");
    QCOMPARE(m_view->bookmarks(), QList<qint64>{420}); // the one on a dropped line is gone
    QCOMPARE(m_view->currentMatch(), 430);
    m_view->grab();
    QCOMPARE(m_view->paintedLines().constFirst(), 400);

    // Lines on screen dropped: the view stays at the top of what is left.
    m_buffer->append(0, numberedLines(1100, 600));
    QCOMPARE(m_view->firstVisibleLine(), 0);
    QCOMPARE(textOf(*m_buffer, 0), "line 700");
    QVERIFY(m_view->selection().isEmpty());
}

void LogViewTest::bookmarksToggleAndCycle()
{
    m_buffer->append(0, numberedLines(0, 1000));
    QSignalSpy changed(m_view.get(), &LogView::bookmarksChanged);
    m_view->setFocus();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pointOfLine(*m_view, 5));
    sendKey(m_view.get(), Qt::Key_B, Qt::ControlModifier);
    m_view->toggleBookmark(600);
    m_view->toggleBookmark(300);
    QCOMPARE(m_view->bookmarks(), (QList<qint64>{5, 300, 600}));
    QCOMPARE(changed.size(), 3);

    sendKey(m_view.get(), Qt::Key_PageDown, Qt::AltModifier);
    QCOMPARE(m_view->currentLine(), 300);
    QVERIFY(m_view->visibleLineRange().first <= 300 && 300 < m_view->visibleLineRange().second);
    sendKey(m_view.get(), Qt::Key_PageDown, Qt::AltModifier);
    QCOMPARE(m_view->currentLine(), 600);
    QSignalSpy messages(m_view.get(), &LogView::message);
    sendKey(m_view.get(), Qt::Key_PageDown, Qt::AltModifier); // wraps
    QCOMPARE(m_view->currentLine(), 5);
    QCOMPARE(messages.size(), 1);
    sendKey(m_view.get(), Qt::Key_PageUp, Qt::AltModifier); // wraps backwards
    QCOMPARE(m_view->currentLine(), 600);
    sendKey(m_view.get(), Qt::Key_PageUp, Qt::AltModifier);
    QCOMPARE(m_view->currentLine(), 300);

    // Ctrl+B again removes it; a click on the marker strip toggles the line clicked.
    sendKey(m_view.get(), Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(m_view->bookmarks(), (QList<qint64>{5, 600}));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                      pointOfLine(*m_view, m_view->firstVisibleLine() + 1, 4));
    QCOMPARE(m_view->bookmarks().size(), 3);
    QVERIFY(m_view->bookmarks().contains(m_view->firstVisibleLine() + 1));

    // The marker is painted in the gutter.
    const QImage image = m_view->viewport()->grab().toImage();
    const QPoint marker = pointOfLine(*m_view, m_view->firstVisibleLine() + 1, 7);
    QCOMPARE(image.pixelColor(marker * image.devicePixelRatio()).rgb(),
             LogColours::bookmark(m_view->palette()).rgb());
}

void LogViewTest::goesToALine()
{
    m_buffer->append(0, numberedLines(0, 1000));
    QVERIFY(m_view->goToLineNumber(750)); // people count from 1
    QCOMPARE(m_view->currentLine(), 749);
    const auto [first, end] = m_view->visibleLineRange();
    QVERIFY(first < 749 && 749 < end);
    QCOMPARE(textOf(*m_buffer, m_view->currentLine()), "line 749");
    QVERIFY(!m_view->goToLineNumber(0));
    QVERIFY(!m_view->goToLineNumber(1001));
    QCOMPARE(m_view->currentLine(), 749);

    QSignalSpy requested(m_view.get(), &LogView::goToLineRequested);
    m_view->setFocus();
    sendKey(m_view.get(), Qt::Key_G, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
}

void LogViewTest::scrollsThroughBillionsOfLines()
{
    HugeLines huge;
    m_view->setLines(&huge);
    QScrollBar *bar = m_view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QVERIFY(bar->maximum() <= std::numeric_limits<int>::max());

    m_view->scrollToEnd();
    QCOMPARE(m_view->visibleLineRange().second, HugeLines::Count);
    QCOMPARE(bar->value(), bar->maximum());
    m_view->grab();
    QCOMPARE(m_view->paintedLines().constLast(), HugeLines::Count - 1);

    bar->setValue(bar->maximum() / 2);
    const double middle = double(m_view->firstVisibleLine()) / double(HugeLines::Count);
    QVERIFY2(middle > 0.49 && middle < 0.51, qPrintable(QString::number(middle)));
    bar->setValue(0);
    QCOMPARE(m_view->firstVisibleLine(), 0);

    // Lines past 2^31 go to, keep their numbers and scroll by one.
    const qint64 far = qint64(3) * 1000 * 1000 * 1000 + 7;
    QVERIFY(m_view->goToLineNumber(far + 1));
    QCOMPARE(m_view->currentLine(), far);
    m_view->setFocus();
    sendKey(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentLine(), far + 1);
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text(), u"entry 3000000008"_s);
    const double position = double(bar->value()) / bar->maximum();
    QVERIFY2(std::abs(position - 0.6) < 0.01, qPrintable(QString::number(position)));
    m_view->setLines(nullptr);
}

void LogViewTest::paintsOnlyTheVisibleSliceOfLongLines()
{
    QByteArray longLine;
    for (int i = 0; longLine.size() < 2 * 1024 * 1024; ++i)
        longLine += "field" + QByteArray::number(i) + '=' + QByteArray(20, 'x') + ' ';
    QList<QByteArray> lines;
    for (int i = 0; i < 40; ++i)
        lines.append(i % 2 ? longLine : QByteArray("short ") + QByteArray::number(i));
    m_buffer->append(0, lines);

    QElapsedTimer timer;
    timer.start();
    m_view->grab();
    const qint64 first = timer.elapsed();
    QVERIFY2(first < 2000, qPrintable(QString::number(first)));
    // Read capped: the horizontal range ends at the cap, not at 2 MiB.
    QScrollBar *horizontal = m_view->horizontalScrollBar();
    QVERIFY(horizontal->maximum() > 1000);
    QVERIFY(horizontal->maximum() <= LogView::DisplayByteCap + 2);

    // Painting again (scrolled sideways) costs the visible slice only.
    m_view->setFocus();
    m_view->setCurrentLine(1);
    sendKey(m_view.get(), Qt::Key_End);
    QVERIFY(horizontal->value() > 60000);
    timer.restart();
    for (int i = 0; i < 10; ++i)
        m_view->grab();
    const qint64 tenPaints = timer.elapsed();
    QVERIFY2(tenPaints < 1000, qPrintable(QString::number(tenPaints)));
    sendKey(m_view.get(), Qt::Key_Home);
    QCOMPARE(horizontal->value(), 0);

    // Copy takes the line as the model gives it (capped at 1 MiB), not the part read for the
    // screen.
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text().size(), LogLines::DefaultLineCap);
}

void LogViewTest::showsControlCharacters()
{
    m_buffer->append(
        0, {QByteArray("nul\0here", 8), "tab\there", "bell\a", "bad \xff utf8", "crlf\r"});
    m_view->selectAll();
    m_view->copy();
    // Pasted text keeps tabs and invalid bytes marked; NUL would cut it short.
    QCOMPARE(QApplication::clipboard()->text(),
             u"nul\u2400here\ntab\there\nbell\a\nbad \uFFFD utf8\ncrlf"_s);
    m_view->clearSelection();
    saveScreenshot(*m_view, u"logview-control-characters"_s);
}

void LogViewTest::marksSearchMatchesAndHighlightRules()
{
    m_buffer->append(0, QList<QByteArray>{"2024-05-01 12:00:00 INFO started",
                                          "2024-05-01 12:00:01 ERROR disk full",
                                          "2024-05-01 12:00:02 INFO ERROR-free", "plain line"});
    const QPalette palette = m_view->palette();
    LogHighlightRule rule;
    rule.pattern.text = u"disk full"_s;
    rule.colour = QColor(0xe53935);
    m_view->setHighlightRules({rule});
    LogPattern search;
    search.text = u"error"_s;
    search.caseSensitive = false;
    search.wholeWord = true;
    m_view->setSearchPattern(search);

    const int gutter = m_view->viewport()->width() - 1; // far right: background only
    QImage image = m_view->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const auto pixel = [&](int x, qint64 line) {
        return image.pixelColor(QPoint(x, int(line) * m_view->lineHeight() + 2) * ratio).rgb();
    };
    QCOMPARE(pixel(gutter, 1), LogColours::ruleLine(rule.colour, palette).rgb());
    QCOMPARE(pixel(gutter, 0), palette.color(QPalette::Base).rgb());
    // "ERROR" on line 1 is a match: columns 20..24, behind the gutter.
    const QFontMetrics metrics(m_view->viewport()->font());
    const int charWidth = metrics.horizontalAdvance(u'M');
    bool foundMatch = false;
    for (int x = 0; x < m_view->viewport()->width() && !foundMatch; x += charWidth / 2)
        foundMatch = pixel(x, 1) == LogColours::searchMatch(palette).rgb();
    QVERIFY(foundMatch);
    // "ERROR-free": a whole word too ("-" is no word character).
    foundMatch = false;
    for (int x = 0; x < m_view->viewport()->width() && !foundMatch; x += charWidth / 2)
        foundMatch = pixel(x, 2) == LogColours::searchMatch(palette).rgb();
    QVERIFY(foundMatch);
    for (int x = 0; x < m_view->viewport()->width(); x += charWidth / 2)
        QVERIFY(pixel(x, 3) != LogColours::searchMatch(palette).rgb());

    // The current match's line and text get their own colours.
    m_view->setCurrentMatch(1);
    image = m_view->viewport()->grab().toImage();
    foundMatch = false;
    for (int x = 0; x < m_view->viewport()->width() && !foundMatch; x += charWidth / 2)
        foundMatch = pixel(x, 1) == LogColours::currentMatch(palette).rgb();
    QVERIFY(foundMatch);
    QCOMPARE(pixel(gutter, 1), LogColours::currentMatchLine(palette).rgb());

    // Span rules colour only the text.
    rule.wholeLine = false;
    rule.pattern.text = u"started"_s;
    m_view->setHighlightRules({rule});
    m_view->clearSearchPattern();
    image = m_view->viewport()->grab().toImage();
    QCOMPARE(pixel(gutter, 0), palette.color(QPalette::Base).rgb());
    foundMatch = false;
    for (int x = 0; x < m_view->viewport()->width() && !foundMatch; x += charWidth / 2)
        foundMatch = pixel(x, 0) == LogColours::ruleSpan(rule.colour, palette).rgb();
    QVERIFY(foundMatch);
}

void LogViewTest::tagsEachSourceOfAMergedView()
{
    LiveLogBuffer merged({u"web-1"_s, u"db"_s});
    merged.append(0, QList<QByteArray>{"GET / 200", "GET /x 404"});
    merged.append(1, QList<QByteArray>{"checkpoint complete"});
    merged.flush(); // a merged view holds lines back to order them by time
    LogView single;
    single.setLines(m_buffer.get());
    m_view->setLines(&merged);
    const QImage image = m_view->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const QFontMetrics metrics(m_view->viewport()->font());
    const int tagX = metrics.horizontalAdvance(u'M') + 6 + 2;
    const auto pixel = [&](qint64 line) {
        return image.pixelColor(QPoint(tagX, int(line) * m_view->lineHeight() + 3) * ratio).rgb();
    };
    QCOMPARE(pixel(0), LogColours::sourceTag(0, m_view->palette()).rgb());
    QCOMPARE(pixel(1), LogColours::sourceTag(0, m_view->palette()).rgb());
    QCOMPARE(pixel(2), LogColours::sourceTag(1, m_view->palette()).rgb());
    QVERIFY(LogColours::sourceTag(0, m_view->palette()) !=
            LogColours::sourceTag(1, m_view->palette()));
    saveScreenshot(*m_view, u"logview-merged"_s);
}

void LogViewTest::showsTheTimeASourceGaveApart()
{
    // 2024-05-01T12:00:00.250Z, as docker logs --timestamps says it before the text.
    const qint64 noon = qint64(1714564800) * 1000 * 1000 * 1000 + 250 * 1000 * 1000;
    m_buffer->append(0, QList<LiveLine>{{"GET / 200", noon}, {"no time given", LiveLine::NoTime}});
    m_view->grab();
    m_view->selectAll();
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text(), u"GET / 200\nno time given"_s);

    m_view->setShowsTimestamps(true);
    m_view->copy();
    QCOMPARE(QApplication::clipboard()->text(),
             u"2024-05-01T12:00:00.250Z GET / 200\nno time given"_s);
    m_view->clearSelection();
    saveScreenshot(*m_view, u"logview-times"_s);
}

void LogViewTest::marksWhatThePatternMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regularExpression");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("marked");

    const QString line = u"ERROR payment failed order=102 code=502 (error)"_s;
    QTest::addRow("literal") << u"502"_s << false << true << false << line << QStringList{u"502"_s};
    QTest::addRow("literal, special characters")
        << u"(error)"_s << false << true << false << line << QStringList{u"(error)"_s};
    QTest::addRow("ignoring case")
        << u"error"_s << false << false << false << line << QStringList{u"ERROR"_s, u"error"_s};
    QTest::addRow("extended expression")
        << u"order=[0-9]+"_s << true << true << false << line << QStringList{u"order=102"_s};
    QTest::addRow("alternation") << u"failed|code"_s << true << true << false << line
                                 << QStringList{u"failed"_s, u"code"_s};
    QTest::addRow("GNU word anchors")
        << u"\\<fail"_s << true << true << false << line << QStringList{u"fail"_s};
    QTest::addRow("whole word") << u"order"_s << false << true << true << line
                                << QStringList{u"order"_s};
    QTest::addRow("whole word, not inside one")
        << u"rror"_s << false << false << true << line << QStringList{};
    QTest::addRow("bad expression marks nothing")
        << u"code=(50"_s << true << true << false << line << QStringList{};
}

void LogViewTest::marksWhatThePatternMatches()
{
    QFETCH(QString, text);
    QFETCH(bool, regularExpression);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWord);
    QFETCH(QString, line);
    QFETCH(QStringList, marked);
    LogPattern pattern;
    pattern.text = text;
    pattern.regularExpression = regularExpression;
    pattern.caseSensitive = caseSensitive;
    pattern.wholeWord = wholeWord;
    QStringList found;
    for (const TextSpan &span : matchSpans(logPatternExpression(pattern), line))
        found.append(line.mid(span.start, span.length));
    QCOMPARE(found, marked);
}

QTEST_MAIN(LogViewTest)
#include "tst_logview.moc"
