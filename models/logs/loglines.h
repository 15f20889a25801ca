// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>

namespace OpsDeck {

// One line as a log view shows it: raw bytes (a log is not always valid UTF-8; the view decodes
// with replacement marks), without its line end.
struct LogLine {
    QByteArray text;       // capped at the reader's maxBytesPerLine
    qint64 number = 0;     // 0-based, in its LogLines
    qint64 fullLength = 0; // bytes of the whole line; > text.size() when capped
    int source = 0;        // index into LogLines::sourceNames() (merged views)
    // When the line's source stated it apart from the text (a live source strips the tool's
    // timestamp prefix, journald's __REALTIME_TIMESTAMP); invalid otherwise. UTC, milliseconds.
    QDateTime timestamp;

    bool isCapped() const { return fullLength > text.size(); }
};

// What a log view pages through: a local file's index, a live buffer, a filtered or merged view.
// Lines are only read for what is shown; nothing holds a row per line in an item model.
// Lives in the GUI thread; lines() reads at most the lines asked for (a few KB to MB from the
// page cache for a file), never scans.
class LogLines : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogLines)

public:
    static constexpr qint64 DefaultLineCap = qint64(1) << 20;

    using QObject::QObject;
    ~LogLines() override;

    virtual qint64 lineCount() const = 0;
    // Lines [first, first + count), clipped to lineCount(); each capped at maxBytesPerLine.
    virtual QList<LogLine> lines(qint64 first, qint64 count,
                                 qint64 maxBytesPerLine = DefaultLineCap) const = 0;
    // Names of the sources lines come from (LogLine::source indexes it); one for a single source.
    virtual QStringList sourceNames() const = 0;

Q_SIGNALS:
    // lineCount() grew; lines before firstNew did not change.
    void linesAppended(qint64 firstNew);
    // The oldest `count` lines are gone (a bounded buffer): every line number moved down by count.
    void linesDropped(qint64 count);
    // Everything changed (a file truncated or replaced, a new filter): read again from scratch.
    void linesReset();
};

} // namespace OpsDeck
