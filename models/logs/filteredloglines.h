// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/loglines.h"

#include <QPointer>

namespace OpsDeck {

// The lines of another LogLines that a filter kept (the filter pane): row r shows source line
// sourceLine(r); lines() keeps each LogLine::number as the source's line number, so a view can
// show it and jump to it in context.
class FilteredLogLines final : public LogLines
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilteredLogLines)

public:
    explicit FilteredLogLines(const LogLines *source, QObject *parent = nullptr);
    ~FilteredLogLines() override;

    qint64 lineCount() const override { return m_sourceLines.size(); }
    QList<LogLine> lines(qint64 first, qint64 count,
                         qint64 maxBytesPerLine = DefaultLineCap) const override;
    QStringList sourceNames() const override;

    // Replaces the kept lines (ascending source line numbers).
    void setSourceLines(const QList<qint64> &sourceLines);
    qint64 sourceLine(qint64 row) const;
    // The first row whose source line is >= sourceLine (lineCount() when none): to keep the
    // filter pane on the line the main view shows.
    qint64 rowAtOrAfter(qint64 sourceLine) const;

private:
    void dropSourceLines(qint64 count);

    QPointer<const LogLines> m_source;
    QList<qint64> m_sourceLines;
};

} // namespace OpsDeck
