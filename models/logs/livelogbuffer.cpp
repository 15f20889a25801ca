// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/livelogbuffer.h"

#include <algorithm>

namespace OpsDeck {

LiveLogBuffer::LiveLogBuffer(QStringList sourceNames, QObject *parent)
    : LogLines(parent)
    , m_sourceNames(std::move(sourceNames))
{
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
        result.append(std::move(line));
    }
    return result;
}

void LiveLogBuffer::setMaximumLines(qint64 maximumLines)
{
    m_maximumLines = std::max<qint64>(maximumLines, 1);
    dropOverLimit();
}

void LiveLogBuffer::append(int source, const QList<QByteArray> &newLines)
{
    if (newLines.isEmpty())
        return;
    const qint64 firstNew = lineCount();
    for (const QByteArray &text : newLines) {
        m_entries.push_back(Entry{text, source});
        m_bytes += text.size();
    }
    Q_EMIT linesAppended(firstNew);
    dropOverLimit();
}

void LiveLogBuffer::clear()
{
    m_entries.clear();
    m_bytes = 0;
    Q_EMIT linesReset();
}

void LiveLogBuffer::dropOverLimit()
{
    const qint64 excess = lineCount() - m_maximumLines;
    if (excess <= 0)
        return;
    for (qint64 i = 0; i < excess; ++i) {
        m_bytes -= m_entries.front().text.size();
        m_entries.pop_front();
    }
    m_dropped += excess;
    Q_EMIT linesDropped(excess);
}

} // namespace OpsDeck
