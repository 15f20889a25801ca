// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/livelogbuffer.h"

#include <QDateTime>

#include <algorithm>

namespace OpsDeck {

namespace {

constexpr qint64 NanosecondsPerMillisecond = 1000000;

QDateTime dateTimeFromNanoseconds(qint64 timeNs)
{
    // Rounds towards the past, also before 1970.
    qint64 milliseconds = timeNs / NanosecondsPerMillisecond;
    if (timeNs % NanosecondsPerMillisecond < 0)
        --milliseconds;
    return QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC);
}

} // namespace

LiveLogBuffer::LiveLogBuffer(QStringList sourceNames, QObject *parent)
    : LogLines(parent)
    , m_sourceNames(std::move(sourceNames))
{
    const size_t sources = size_t(std::max<qsizetype>(m_sourceNames.size(), 1));
    m_held.resize(sources);
    m_clocks.resize(sources);
    m_clock.start();
    m_releaseTimer.setSingleShot(true);
    connect(&m_releaseTimer, &QTimer::timeout, this, [this] { release(false); });
}

LiveLogBuffer::~LiveLogBuffer() = default;

qint64 LiveLogBuffer::lineCount() const
{
    return qint64(m_entries.size());
}

QList<LogLine> LiveLogBuffer::lines(qint64 first, qint64 count, qint64 maxBytesPerLine) const
{
    QList<LogLine> result;
    const qint64 begin = std::clamp<qint64>(first, 0, lineCount());
    const qint64 end = std::clamp<qint64>(first + std::max<qint64>(count, 0), begin, lineCount());
    result.reserve(end - begin);
    for (qint64 number = begin; number < end; ++number) {
        const Entry &entry = m_entries[size_t(number)];
        LogLine line;
        line.text = entry.text.left(maxBytesPerLine);
        line.number = number;
        line.fullLength = entry.text.size();
        line.source = entry.source;
        if (entry.timeNs != LiveLine::NoTime)
            line.timestamp = dateTimeFromNanoseconds(entry.timeNs);
        result.append(std::move(line));
    }
    return result;
}

void LiveLogBuffer::setMaximumLines(qint64 maximumLines)
{
    m_maximumLines = std::max<qint64>(maximumLines, 1);
    if (const qint64 dropped = dropOverLimit())
        Q_EMIT linesDropped(dropped);
}

void LiveLogBuffer::setHoldBackMs(int milliseconds)
{
    m_holdBackMs = std::max(milliseconds, 0);
    release(false);
}

qint64 LiveLogBuffer::memoryBytes() const
{
    return m_textBytes + (lineCount() + m_heldCount) * BytesPerLineOverhead;
}

void LiveLogBuffer::append(int source, const QList<QByteArray> &newLines)
{
    QList<LiveLine> untimed;
    untimed.reserve(newLines.size());
    for (const QByteArray &text : newLines)
        untimed.append(LiveLine{text});
    append(source, untimed);
}

void LiveLogBuffer::append(int source, const QList<LiveLine> &newLines)
{
    if (newLines.isEmpty())
        return;
    source = std::max(source, 0);
    ensureSource(source);
    if (!isMerged()) {
        const qint64 firstNew = lineCount();
        for (const LiveLine &line : newLines) {
            m_entries.push_back(Entry{line.text, orderFor(source, line), line.timeNs, source});
            m_textBytes += line.text.size();
        }
        Q_EMIT linesAppended(firstNew);
        if (const qint64 dropped = dropOverLimit())
            Q_EMIT linesDropped(dropped);
        return;
    }
    const qint64 now = m_clock.elapsed();
    for (const LiveLine &line : newLines) {
        m_held[size_t(source)].push_back(Held{
            Entry{line.text, orderFor(source, line), line.timeNs, source}, now, m_nextSequence++});
        m_textBytes += line.text.size();
        ++m_heldCount;
    }
    release(false);
}

void LiveLogBuffer::flush()
{
    release(true);
}

void LiveLogBuffer::clear()
{
    m_entries.clear();
    for (std::deque<Held> &held : m_held)
        held.clear();
    std::fill(m_clocks.begin(), m_clocks.end(), SourceClock{});
    m_heldCount = 0;
    m_textBytes = 0;
    m_releaseTimer.stop();
    Q_EMIT linesReset();
}

void LiveLogBuffer::ensureSource(int source)
{
    if (size_t(source) < m_held.size())
        return;
    m_held.resize(size_t(source) + 1);
    m_clocks.resize(size_t(source) + 1);
}

qint64 LiveLogBuffer::orderFor(int source, const LiveLine &line)
{
    SourceClock &clock = m_clocks[size_t(source)];
    qint64 order = 0;
    if (line.hasTime()) {
        order = clock.anyLine ? std::max(line.timeNs, clock.lastOrderNs) : line.timeNs;
        clock.sawTime = true;
    } else if (clock.sawTime) {
        order = clock.lastOrderNs;
    } else {
        const qint64 arrival = QDateTime::currentMSecsSinceEpoch() * NanosecondsPerMillisecond;
        order = clock.anyLine ? std::max(arrival, clock.lastOrderNs) : arrival;
    }
    clock.lastOrderNs = order;
    clock.anyLine = true;
    return order;
}

void LiveLogBuffer::release(bool everything)
{
    // The source whose first held line sorts first; equal times go by arrival.
    const auto earliestSource = [this] {
        int best = -1;
        for (int source = 0; source < int(m_held.size()); ++source) {
            const std::deque<Held> &held = m_held[size_t(source)];
            if (held.empty())
                continue;
            if (best < 0)
                best = source;
            const Held &candidate = held.front();
            const Held &current = m_held[size_t(best)].front();
            if (candidate.entry.orderNs < current.entry.orderNs ||
                (candidate.entry.orderNs == current.entry.orderNs &&
                 candidate.sequence < current.sequence))
                best = source;
        }
        return best;
    };
    const qint64 now = m_clock.elapsed();
    const qint64 firstNew = lineCount();
    bool inserted = false;
    for (int source = earliestSource(); source >= 0; source = earliestSource()) {
        const Held &head = m_held[size_t(source)].front();
        bool ready =
            everything || m_heldCount > m_maximumLines || now - head.arrivedMs >= m_holdBackMs;
        if (!ready) {
            // Nothing earlier can come from a source that already has a later line waiting.
            ready = std::ranges::all_of(m_held, [](const auto &held) { return !held.empty(); });
        }
        if (!ready) {
            m_releaseTimer.start(int(head.arrivedMs + m_holdBackMs - now));
            break;
        }
        Entry entry = std::move(m_held[size_t(source)].front().entry);
        m_held[size_t(source)].pop_front();
        --m_heldCount;
        place(std::move(entry), &inserted);
    }
    if (m_heldCount == 0)
        m_releaseTimer.stop();
    if (inserted) {
        dropOverLimit();
        Q_EMIT linesReset();
        return;
    }
    if (lineCount() > firstNew) {
        Q_EMIT linesAppended(firstNew);
        if (const qint64 dropped = dropOverLimit())
            Q_EMIT linesDropped(dropped);
    }
}

void LiveLogBuffer::place(Entry entry, bool *inserted)
{
    if (m_entries.empty() || entry.orderNs >= m_entries.back().orderNs) {
        m_entries.push_back(std::move(entry));
        return;
    }
    // After every line of the same time: lines that came first stay first.
    const auto position = std::upper_bound(
        m_entries.begin(), m_entries.end(), entry.orderNs,
        [](qint64 orderNs, const Entry &existing) { return orderNs < existing.orderNs; });
    m_entries.insert(position, std::move(entry));
    *inserted = true;
}

qint64 LiveLogBuffer::dropOverLimit()
{
    const qint64 excess = lineCount() - m_maximumLines;
    if (excess <= 0)
        return 0;
    for (qint64 i = 0; i < excess; ++i) {
        m_textBytes -= m_entries.front().text.size();
        m_entries.pop_front();
    }
    m_dropped += excess;
    return excess;
}

} // namespace OpsDeck
