// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/lineindex.h"

#include <algorithm>
#include <cstring>

namespace OpsDeck {

LineIndex::Position LineIndex::checkpointFor(qint64 line) const
{
    if (m_checkpointLines.isEmpty())
        return {};
    // The last checkpoint whose line is <= line.
    const auto after = std::upper_bound(m_checkpointLines.cbegin(), m_checkpointLines.cend(), line);
    const qsizetype at = std::max<qsizetype>(after - m_checkpointLines.cbegin() - 1, 0);
    return {m_checkpointLines.at(at), m_checkpointOffsets.at(at)};
}

LineIndex::Position LineIndex::nextCheckpointAfter(qint64 line) const
{
    const auto after = std::upper_bound(m_checkpointLines.cbegin(), m_checkpointLines.cend(), line);
    if (after == m_checkpointLines.cend())
        return {lineCount(), m_endOffset};
    const qsizetype at = after - m_checkpointLines.cbegin();
    return {m_checkpointLines.at(at), m_checkpointOffsets.at(at)};
}

qint64 LineIndex::memoryBytes() const
{
    return qint64(m_checkpointLines.capacity() + m_checkpointOffsets.capacity()) *
           qint64(sizeof(qint64));
}

void LineIndex::addCheckpoint(qint64 line, qint64 offset)
{
    m_checkpointLines.append(line);
    m_checkpointOffsets.append(offset);
    m_lastCheckpointLine = line;
    m_lastCheckpointOffset = offset;
}

void LineIndex::feed(const char *data, qint64 size)
{
    if (size <= 0)
        return;
    if (m_checkpointLines.isEmpty())
        addCheckpoint(0, 0);
    const char *cursor = data;
    const char *const end = data + size;
    // Offset in the file of `cursor`.
    qint64 offset = m_endOffset;
    while (cursor < end) {
        const auto *newline =
            static_cast<const char *>(std::memchr(cursor, '\n', size_t(end - cursor)));
        if (!newline) {
            m_partialBytes += end - cursor;
            m_endOffset = offset + (end - cursor);
            return;
        }
        offset += newline + 1 - cursor;
        cursor = newline + 1;
        ++m_completeLines;
        m_partialBytes = 0;
        // The line starting at `offset` gets a checkpoint when 64 lines or 64 KiB passed since
        // the last one. A checkpoint may name the end of the data: the next feed starts there.
        if (m_completeLines - m_lastCheckpointLine >= LinesPerCheckpoint ||
            offset - m_lastCheckpointOffset >= BytesPerCheckpoint)
            addCheckpoint(m_completeLines, offset);
    }
    m_endOffset = offset;
}

void LineIndex::append(const LineIndex &following)
{
    Q_ASSERT(m_partialBytes == 0);
    if (following.m_checkpointLines.isEmpty())
        return;
    if (m_checkpointLines.isEmpty()) {
        *this = following;
        return;
    }
    const qint64 lineShift = m_completeLines;
    const qint64 byteShift = m_endOffset;
    // Our own last checkpoint may already sit at the join (a checkpoint naming the end).
    qsizetype from = 0;
    if (m_lastCheckpointLine == lineShift)
        from = 1;
    m_checkpointLines.reserve(m_checkpointLines.size() + following.m_checkpointLines.size() - from);
    m_checkpointOffsets.reserve(m_checkpointOffsets.size() + following.m_checkpointOffsets.size() -
                                from);
    for (qsizetype i = from; i < following.m_checkpointLines.size(); ++i) {
        m_checkpointLines.append(following.m_checkpointLines.at(i) + lineShift);
        m_checkpointOffsets.append(following.m_checkpointOffsets.at(i) + byteShift);
    }
    m_lastCheckpointLine = m_checkpointLines.constLast();
    m_lastCheckpointOffset = m_checkpointOffsets.constLast();
    m_completeLines += following.m_completeLines;
    m_endOffset += following.m_endOffset;
    m_partialBytes = following.m_partialBytes;
}

void LineIndex::dropPartialLine()
{
    if (m_partialBytes == 0)
        return;
    m_endOffset -= m_partialBytes;
    m_partialBytes = 0;
}

void LineIndex::squeeze()
{
    m_checkpointLines.squeeze();
    m_checkpointOffsets.squeeze();
}

} // namespace OpsDeck
