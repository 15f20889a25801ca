// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace OpsDeck {

// Where a file's lines start, kept sparse: the start of every 64th line, and of the first line
// after any 64 KiB stretch, so that reaching any line reads at most 64 KiB before it. That is
// about 0.3 bytes per line (a full offset table would be 8), and finding line n is a binary
// search plus one short read. Lines end at '\n'; a last line without one counts, as in an
// editor. Copies share their data (copy-on-write): a search or view may hold a snapshot while
// indexing goes on.
class LineIndex
{
public:
    static constexpr qint64 LinesPerCheckpoint = 64;
    static constexpr qint64 BytesPerCheckpoint = 64 * 1024;

    struct Position {
        qint64 line = 0;
        qint64 offset = 0;
    };

    // Lines seen, counting a last line without '\n'.
    qint64 lineCount() const { return m_completeLines + (m_partialBytes > 0 ? 1 : 0); }
    // Bytes covered: up to the end of the last line seen (partial or not).
    qint64 indexedBytes() const { return m_endOffset; }
    bool endsWithPartialLine() const { return m_partialBytes > 0; }
    qint64 partialLineBytes() const { return m_partialBytes; }
    // Where line's checkpoint is: the last checkpoint at or before line (line < lineCount()).
    Position checkpointFor(qint64 line) const;
    // The checkpoint after line's one, or {lineCount(), indexedBytes()} when none follows; every
    // line between the two starts and ends inside that byte range.
    Position nextCheckpointAfter(qint64 line) const;
    qint64 checkpointCount() const { return m_checkpointOffsets.size(); }
    // Heap bytes the index holds.
    qint64 memoryBytes() const;

    // Building: bytes of the file in order, from offset indexedBytes(). A partial last line is
    // completed by the next feed.
    void feed(const char *data, qint64 size);
    // Appends the index of the bytes that follow this one (built separately, from a line
    // start, e.g. by another thread): its checkpoints shift by this index's lines and bytes.
    // This index must not end with a partial line.
    void append(const LineIndex &following);
    // Forgets the unterminated last line, so that indexing can go on from its start (a followed
    // file whose last line is still being written).
    void dropPartialLine();
    // Gives back the spare capacity growth left (once indexing is done).
    void squeeze();

    bool operator==(const LineIndex &other) const = default;

private:
    void addCheckpoint(qint64 line, qint64 offset);

    QList<qint64> m_checkpointLines;
    QList<qint64> m_checkpointOffsets;
    qint64 m_completeLines = 0;
    qint64 m_endOffset = 0;
    qint64 m_partialBytes = 0;       // bytes of the unterminated last line
    qint64 m_lastCheckpointLine = 0; // line and offset of the newest checkpoint
    qint64 m_lastCheckpointOffset = 0;
};

} // namespace OpsDeck
