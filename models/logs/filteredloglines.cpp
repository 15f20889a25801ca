// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/filteredloglines.h"

#include <algorithm>

namespace OpsDeck {

FilteredLogLines::FilteredLogLines(const LogLines *source, QObject *parent)
    : LogLines(parent)
    , m_source(source)
{
    // A bounded buffer drops its oldest lines: the kept lines' numbers move down with them, and
    // kept lines that were dropped leave the filter from its front.
    if (source)
        connect(source, &LogLines::linesDropped, this, &FilteredLogLines::dropSourceLines);
}

void FilteredLogLines::dropSourceLines(qint64 count)
{
    const qint64 gone = rowAtOrAfter(count);
    m_sourceLines.remove(0, gone);
    for (qint64 &line : m_sourceLines)
        line -= count;
    if (gone > 0)
        Q_EMIT linesDropped(gone);
}

FilteredLogLines::~FilteredLogLines() = default;

QList<LogLine> FilteredLogLines::lines(qint64 first, qint64 count, qint64 maxBytesPerLine) const
{
    QList<LogLine> result;
    if (!m_source)
        return result;
    const qint64 begin = std::clamp<qint64>(first, 0, lineCount());
    const qint64 end = std::clamp<qint64>(first + std::max<qint64>(count, 0), begin, lineCount());
    result.reserve(end - begin);
    // Runs of consecutive source lines are read in one call.
    qint64 row = begin;
    while (row < end) {
        qint64 runEnd = row + 1;
        while (runEnd < end && m_sourceLines.at(runEnd) == m_sourceLines.at(runEnd - 1) + 1)
            ++runEnd;
        const QList<LogLine> run =
            m_source->lines(m_sourceLines.at(row), runEnd - row, maxBytesPerLine);
        result.append(run);
        if (run.size() < runEnd - row)
            break; // the source shrank: a reset is on its way
        row = runEnd;
    }
    return result;
}

QStringList FilteredLogLines::sourceNames() const
{
    return m_source ? m_source->sourceNames() : QStringList();
}

void FilteredLogLines::setSourceLines(const QList<qint64> &sourceLines)
{
    m_sourceLines = sourceLines;
    Q_EMIT linesReset();
}

qint64 FilteredLogLines::sourceLine(qint64 row) const
{
    return row >= 0 && row < lineCount() ? m_sourceLines.at(row) : -1;
}

qint64 FilteredLogLines::rowAtOrAfter(qint64 sourceLine) const
{
    return std::lower_bound(m_sourceLines.cbegin(), m_sourceLines.cend(), sourceLine) -
           m_sourceLines.cbegin();
}

} // namespace OpsDeck
