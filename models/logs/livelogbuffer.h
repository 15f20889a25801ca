// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/loglines.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <limits>
#include <vector>

namespace OpsDeck {

// One line as a live source delivers it: the text without its line end (and without the tool's
// timestamp prefix), and the time the source gave for it.
struct LiveLine {
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

    QByteArray text;
    qint64 timeNs = NoTime; // nanoseconds since the epoch, UTC; NoTime when the source gave none

    bool hasTime() const { return timeNs != NoTime; }
    friend bool operator==(const LiveLine &, const LiveLine &) = default;
};

// Lines kept in memory (a followed remote file, container or journal): at most maximumLines,
// the oldest dropped first (linesDropped), with the memory held reported for the status bar.
//
// With one source the buffer keeps the order lines arrive in. With several it is a merged view,
// ordered by time, each line marked with its source (LogLine::source):
// - Within a source the arrival order is kept: each line sorts at its own time, or at the time of
//   the source's previous line when that is later (a clock step back, stderr a little behind
//   stdout). A line without a timestamp sorts right after the previous line of its source; a
//   source that never gave a timestamp sorts by arrival (this computer's clock).
// - Lines from different sources arrive out of order (hosts answer at different speeds, a
//   backlog comes in a burst). A line is therefore held back for holdBackMs after it arrived, or
//   until every other source has a later line waiting, and released in time order across
//   sources; held lines are not yet in lineCount(). Within the window the view only ever sees
//   appends (linesAppended).
// - A line later than that (a source reconnecting with a backlog, a host whose clock is behind
//   by more than the window) is inserted where its time puts it. That moves the lines after it,
//   which the LogLines signals cannot express as an append or a drop, so the buffer emits
//   linesReset once per batch: rare (start-up, reconnects), and the view reads its visible lines
//   again. A merged view trades holdBackMs of latency for that rarity.
class LiveLogBuffer : public LogLines
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveLogBuffer)

public:
    static constexpr qint64 DefaultMaximumLines = 100000;
    static constexpr int DefaultHoldBackMs = 1000;
    // Bookkeeping per line on top of its text, counted in memoryBytes().
    static constexpr qint64 BytesPerLineOverhead = 48;

    explicit LiveLogBuffer(QStringList sourceNames, QObject *parent = nullptr);
    ~LiveLogBuffer() override;

    qint64 lineCount() const override;
    QList<LogLine> lines(qint64 first, qint64 count,
                         qint64 maxBytesPerLine = DefaultLineCap) const override;
    QStringList sourceNames() const override { return m_sourceNames; }

    qint64 maximumLines() const { return m_maximumLines; }
    void setMaximumLines(qint64 maximumLines);
    // Merged views only: how long a line may wait for earlier lines of other sources.
    int holdBackMs() const { return m_holdBackMs; }
    void setHoldBackMs(int milliseconds);

    // Memory held for lines, held-back ones included: their text plus BytesPerLineOverhead each.
    qint64 memoryBytes() const;
    // Lines dropped from the front since the buffer started.
    qint64 droppedLines() const { return m_dropped; }
    // Lines waiting in the hold-back window (merged views).
    qint64 heldLines() const { return m_heldCount; }

    // Appends complete lines (no line ends) from one source, then drops the oldest over the limit.
    void append(int source, const QList<QByteArray> &newLines);
    void append(int source, const QList<LiveLine> &newLines);
    // Releases every held-back line now, in order (all sources stopped; tests).
    void flush();
    void clear();

private:
    struct Entry {
        QByteArray text;
        qint64 orderNs = 0; // where the line sorts (see the class comment)
        qint64 timeNs = LiveLine::NoTime;
        int source = 0;
    };
    struct Held {
        Entry entry;
        qint64 arrivedMs = 0;
        quint64 sequence = 0; // arrival order across sources, for equal times
    };
    struct SourceClock {
        qint64 lastOrderNs = 0;
        bool anyLine = false;
        bool sawTime = false;
    };
    bool isMerged() const { return m_held.size() > 1; }
    void ensureSource(int source);
    qint64 orderFor(int source, const LiveLine &line);
    void release(bool everything);
    void place(Entry entry, bool *inserted);
    qint64 dropOverLimit();

    QStringList m_sourceNames;
    std::deque<Entry> m_entries;
    std::vector<std::deque<Held>> m_held; // per source
    std::vector<SourceClock> m_clocks;    // per source
    qint64 m_heldCount = 0;
    quint64 m_nextSequence = 0;
    qint64 m_maximumLines = DefaultMaximumLines;
    int m_holdBackMs = DefaultHoldBackMs;
    qint64 m_textBytes = 0;
    qint64 m_dropped = 0;
    QElapsedTimer m_clock;
    QTimer m_releaseTimer;
};

} // namespace OpsDeck
