// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded live buffer: limits and memory, and the merged view's order across sources that
// deliver out of order.
#include "models/logs/livelogbuffer.h"

#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Second = 1000000000;

LiveLine at(qint64 seconds, const QByteArray &text)
{
    return LiveLine{text, seconds * Second};
}

QList<QByteArray> texts(const LiveLogBuffer &buffer)
{
    QList<QByteArray> result;
    for (const LogLine &line : buffer.lines(0, buffer.lineCount()))
        result.append(line.text);
    return result;
}

QList<int> sources(const LiveLogBuffer &buffer)
{
    QList<int> result;
    for (const LogLine &line : buffer.lines(0, buffer.lineCount()))
        result.append(line.source);
    return result;
}

} // namespace

class LiveLogBufferTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsTheOldestOverTheLimit();
    void reportsMemoryHeld();
    void pagesWithCapsAndTimestamps();
    void oneSourceKeepsArrivalOrder();
    void mergesInTimeOrderWithoutResets();
    void releasesAfterTheHoldBackWindow();
    void lateLinesAreInsertedWithOneReset();
    void linesWithoutTimeFollowTheirSource();
    void aSourceKeepsItsOwnOrder();
    void boundedWhileMerging();
    void clearEmptiesEverything();
};

void LiveLogBufferTest::dropsTheOldestOverTheLimit()
{
    LiveLogBuffer buffer({u"web"_s});
    buffer.setMaximumLines(5);
    QSignalSpy appended(&buffer, &LogLines::linesAppended);
    QSignalSpy dropped(&buffer, &LogLines::linesDropped);
    QList<QByteArray> lines;
    for (int i = 0; i < 8; ++i)
        lines.append(QByteArray::number(i));
    buffer.append(0, lines);
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.at(0).at(0).toLongLong(), 0);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toLongLong(), 3);
    QCOMPARE(buffer.lineCount(), 5);
    QCOMPARE(texts(buffer), (QList<QByteArray>{"3", "4", "5", "6", "7"}));
    QCOMPARE(buffer.droppedLines(), 3);

    buffer.append(0, QList<QByteArray>{"8"});
    QCOMPARE(appended.at(1).at(0).toLongLong(), 5); // appended at the end, then one dropped
    QCOMPARE(dropped.at(1).at(0).toLongLong(), 1);
    QCOMPARE(buffer.lines(0, 1).value(0).text, "4"_ba);

    buffer.setMaximumLines(2);
    QCOMPARE(dropped.size(), 3);
    QCOMPARE(dropped.at(2).at(0).toLongLong(), 3);
    QCOMPARE(texts(buffer), (QList<QByteArray>{"7", "8"}));
    QCOMPARE(buffer.droppedLines(), 7);

    buffer.setMaximumLines(0); // at least one line stays
    QCOMPARE(buffer.lineCount(), 1);
}

void LiveLogBufferTest::reportsMemoryHeld()
{
    LiveLogBuffer buffer({u"web"_s});
    QCOMPARE(buffer.memoryBytes(), 0);
    buffer.append(0, QList<QByteArray>{QByteArray(1000, 'a'), QByteArray(24, 'b')});
    QCOMPARE(buffer.memoryBytes(), 1024 + 2 * LiveLogBuffer::BytesPerLineOverhead);
    buffer.setMaximumLines(1);
    QCOMPARE(buffer.memoryBytes(), 24 + LiveLogBuffer::BytesPerLineOverhead);

    // Held-back lines of a merged view count too.
    LiveLogBuffer merged({u"a"_s, u"b"_s});
    merged.setHoldBackMs(60000);
    merged.append(0, QList<LiveLine>{at(1, QByteArray(100, 'x'))});
    QCOMPARE(merged.lineCount(), 0);
    QCOMPARE(merged.heldLines(), 1);
    QCOMPARE(merged.memoryBytes(), 100 + LiveLogBuffer::BytesPerLineOverhead);
}

void LiveLogBufferTest::pagesWithCapsAndTimestamps()
{
    LiveLogBuffer buffer({u"web"_s});
    buffer.append(0, QList<LiveLine>{LiveLine{"0123456789", 1714564800LL * Second + 123456789},
                                     LiveLine{"no time"}});
    const QList<LogLine> lines = buffer.lines(-3, 10, 4);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].text, "0123"_ba);
    QCOMPARE(lines[0].fullLength, 10);
    QVERIFY(lines[0].isCapped());
    QCOMPARE(lines[0].number, 0);
    QCOMPARE(lines[0].timestamp,
             QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0, 123), Qt::UTC)); // milliseconds
    QVERIFY(!lines[1].timestamp.isValid());
    QCOMPARE(lines[1].number, 1);
    QVERIFY(buffer.lines(2, 5).isEmpty());
    QVERIFY(buffer.lines(0, -1).isEmpty());
}

void LiveLogBufferTest::oneSourceKeepsArrivalOrder()
{
    LiveLogBuffer buffer({u"web"_s});
    QSignalSpy reset(&buffer, &LogLines::linesReset);
    buffer.append(0, QList<LiveLine>{at(30, "c"), at(10, "a")});
    buffer.append(0, QList<LiveLine>{at(20, "b")});
    QCOMPARE(texts(buffer), (QList<QByteArray>{"c", "a", "b"}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(buffer.heldLines(), 0);
}

void LiveLogBufferTest::mergesInTimeOrderWithoutResets()
{
    LiveLogBuffer buffer({u"web-1"_s, u"web-2"_s});
    buffer.setHoldBackMs(60000);
    QSignalSpy appended(&buffer, &LogLines::linesAppended);
    QSignalSpy reset(&buffer, &LogLines::linesReset);

    buffer.append(0, QList<LiveLine>{at(10, "a10"), at(30, "a30")});
    QCOMPARE(buffer.lineCount(), 0); // web-2 may still have something earlier
    buffer.append(1, QList<LiveLine>{at(20, "b20")});
    // Both have lines waiting: everything up to the earlier of their latest is safe.
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "b20"}));
    QCOMPARE(sources(buffer), (QList<int>{0, 1}));
    buffer.append(1, QList<LiveLine>{at(25, "b25"), at(40, "b40")});
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "b20", "b25", "a30"}));
    buffer.flush();
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "b20", "b25", "a30", "b40"}));
    QCOMPARE(sources(buffer), (QList<int>{0, 1, 1, 0, 1}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(appended.size(), 3);
    QCOMPARE(appended.at(0).at(0).toLongLong(), 0);
    QCOMPARE(appended.at(1).at(0).toLongLong(), 2);
    QCOMPARE(appended.at(2).at(0).toLongLong(), 4);
    QCOMPARE(buffer.sourceNames(), (QStringList{u"web-1"_s, u"web-2"_s}));
}

void LiveLogBufferTest::releasesAfterTheHoldBackWindow()
{
    LiveLogBuffer buffer({u"web-1"_s, u"web-2"_s});
    buffer.setHoldBackMs(300);
    QSignalSpy appended(&buffer, &LogLines::linesAppended);
    QElapsedTimer clock;
    clock.start();
    buffer.append(0, QList<LiveLine>{at(10, "a10"), at(11, "a11")});
    QCOMPARE(buffer.lineCount(), 0);
    QVERIFY(appended.wait(5000));
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "a11"}));
    QCOMPARE(buffer.heldLines(), 0);
}

void LiveLogBufferTest::lateLinesAreInsertedWithOneReset()
{
    LiveLogBuffer buffer({u"web-1"_s, u"web-2"_s});
    buffer.setHoldBackMs(0);
    QSignalSpy appended(&buffer, &LogLines::linesAppended);
    QSignalSpy reset(&buffer, &LogLines::linesReset);
    buffer.append(0, QList<LiveLine>{at(10, "a10"), at(30, "a30"), at(50, "a50")});
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "a30", "a50"}));
    QCOMPARE(reset.size(), 0);
    // web-2 reconnects with a backlog older than what is shown.
    buffer.append(1, QList<LiveLine>{at(20, "b20"), at(30, "b30"), at(40, "b40")});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(appended.size(), 1);
    // Equal times: the line that came first stays first.
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10", "b20", "a30", "b30", "b40", "a50"}));
    QCOMPARE(sources(buffer), (QList<int>{0, 1, 0, 1, 1, 0}));
    QList<qint64> numbers;
    for (const LogLine &line : buffer.lines(0, 6))
        numbers.append(line.number);
    QCOMPARE(numbers, (QList<qint64>{0, 1, 2, 3, 4, 5}));
}

void LiveLogBufferTest::linesWithoutTimeFollowTheirSource()
{
    LiveLogBuffer buffer({u"app"_s, u"db"_s});
    buffer.setHoldBackMs(60000);
    // A stack trace: the continuation lines have no time of their own.
    buffer.append(0, QList<LiveLine>{at(10, "a10 exception"), LiveLine{"  at frame 1"},
                                     LiveLine{"  at frame 2"}, at(40, "a40")});
    buffer.append(1, QList<LiveLine>{at(20, "b20"), at(30, "b30")});
    buffer.flush();
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a10 exception", "  at frame 1", "  at frame 2",
                                               "b20", "b30", "a40"}));

    // A source that never gives a time sorts by arrival (now), after an hour-old line.
    LiveLogBuffer byArrival({u"plain"_s, u"timed"_s});
    byArrival.setHoldBackMs(60000);
    const qint64 hourAgo = QDateTime::currentSecsSinceEpoch() - 3600;
    byArrival.append(0, QList<LiveLine>{LiveLine{"plain 1"}, LiveLine{"plain 2"}});
    byArrival.append(1, QList<LiveLine>{at(hourAgo, "an hour ago")});
    byArrival.flush();
    QCOMPARE(texts(byArrival), (QList<QByteArray>{"an hour ago", "plain 1", "plain 2"}));
}

void LiveLogBufferTest::aSourceKeepsItsOwnOrder()
{
    LiveLogBuffer buffer({u"a"_s, u"b"_s});
    buffer.setHoldBackMs(60000);
    // stderr a little behind stdout: a40 arrives after a50 and stays after it.
    buffer.append(0, QList<LiveLine>{at(50, "a50"), at(40, "a40")});
    buffer.append(1, QList<LiveLine>{at(45, "b45"), at(60, "b60")});
    buffer.flush();
    QCOMPARE(texts(buffer), (QList<QByteArray>{"b45", "a50", "a40", "b60"}));
    // The real time is still what the line said.
    QCOMPARE(buffer.lines(2, 1).value(0).timestamp.toSecsSinceEpoch(), 40);
}

void LiveLogBufferTest::boundedWhileMerging()
{
    LiveLogBuffer buffer({u"a"_s, u"b"_s, u"c"_s});
    buffer.setHoldBackMs(0);
    buffer.setMaximumLines(3);
    QSignalSpy dropped(&buffer, &LogLines::linesDropped);
    QSignalSpy reset(&buffer, &LogLines::linesReset);
    buffer.append(0, QList<LiveLine>{at(10, "a10"), at(20, "a20"), at(30, "a30"), at(40, "a40")});
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toLongLong(), 1);
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a20", "a30", "a40"}));
    // A late line into a full buffer: it goes in at its place, the oldest goes out, one reset.
    buffer.append(1, QList<LiveLine>{at(35, "b35")});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a30", "b35", "a40"}));
    QCOMPARE(buffer.droppedLines(), 2);
    // Older than everything kept: in and out at once.
    buffer.append(2, QList<LiveLine>{at(5, "c5")});
    QCOMPARE(texts(buffer), (QList<QByteArray>{"a30", "b35", "a40"}));
    QCOMPARE(buffer.droppedLines(), 3);

    // Held lines cannot pile up beyond the limit while a source stays silent.
    LiveLogBuffer held({u"a"_s, u"b"_s});
    held.setHoldBackMs(60000);
    held.setMaximumLines(2);
    held.append(0, QList<LiveLine>{at(1, "1"), at(2, "2"), at(3, "3"), at(4, "4")});
    QVERIFY(held.heldLines() <= 2);
    QVERIFY(held.lineCount() <= 2);
}

void LiveLogBufferTest::clearEmptiesEverything()
{
    LiveLogBuffer buffer({u"a"_s, u"b"_s});
    buffer.setHoldBackMs(60000);
    buffer.append(0, QList<LiveLine>{at(1, "1")});
    buffer.append(1, QList<LiveLine>{at(2, "2")});
    QSignalSpy reset(&buffer, &LogLines::linesReset);
    buffer.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(buffer.lineCount(), 0);
    QCOMPARE(buffer.heldLines(), 0);
    QCOMPARE(buffer.memoryBytes(), 0);
}

QTEST_GUILESS_MAIN(LiveLogBufferTest)
#include "tst_livelogbuffer.moc"
