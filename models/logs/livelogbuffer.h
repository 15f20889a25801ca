// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/loglines.h"

#include <deque>

namespace OpsDeck {

// Lines kept in memory (a followed remote file, container or journal): at most maximumLines,
// the oldest dropped first (linesDropped), with the bytes held reported for the status bar.
class LiveLogBuffer : public LogLines
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveLogBuffer)

public:
    static constexpr qint64 DefaultMaximumLines = 100000;

    explicit LiveLogBuffer(QStringList sourceNames, QObject *parent = nullptr);
    ~LiveLogBuffer() override;

    qint64 lineCount() const override;
    QList<LogLine> lines(qint64 first, qint64 count,
                         qint64 maxBytesPerLine = DefaultLineCap) const override;
    QStringList sourceNames() const override { return m_sourceNames; }

    qint64 maximumLines() const { return m_maximumLines; }
    void setMaximumLines(qint64 maximumLines);
    // Bytes of line text held (without container overhead).
    qint64 memoryBytes() const { return m_bytes; }
    // Lines dropped from the front since the buffer started.
    qint64 droppedLines() const { return m_dropped; }

    // Appends complete lines (no line ends) from one source, then drops the oldest over the limit.
    void append(int source, const QList<QByteArray> &newLines);
    void clear();

private:
    struct Entry {
        QByteArray text;
        int source = 0;
    };
    void dropOverLimit();

    QStringList m_sourceNames;
    std::deque<Entry> m_entries;
    qint64 m_maximumLines = DefaultMaximumLines;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
};

} // namespace OpsDeck
