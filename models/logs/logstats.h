// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logformats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <atomic>
#include <optional>

namespace OpsDeck {

// What `opsdeck logs stats` says of one file.
struct LogFileStats {
    QString path;
    qint64 lines = 0; // a last line without '\n' counts, as in an editor
    qint64 bytes = 0; // of text (unpacked for gzip)
    LogFormat format = LogFormat::Plain;
    // Entries per level (continuation lines belong to their entry and are not counted again).
    QMap<LogLevel, qint64> levels;
    std::optional<QDateTime> first;
    std::optional<QDateTime> last;
    double indexBytesPerLine = 0; // what the viewer's line index costs for this file
    double seconds = 0;
    QString error; // could not read: the file and why

    // {"path","lines","bytes","format","levels":{"ERROR":n,…},"first","last",
    //  "indexBytesPerLine","seconds"}, times in ISO 8601 or null.
    QJsonObject toJson() const;
};

// Reads the whole file (both cores for plain files): line count, line index, format from the
// first lines, level counts and first and last timestamps. Blocking: for the command line and
// worker threads.
LogFileStats computeLogFileStats(const QString &path, int threads = 2,
                                 const std::atomic_bool *cancel = nullptr);

// The first lines of a file (for format detection), at most `bytes` of them.
QList<QByteArray> readFirstLines(const QString &path, int lines, qint64 bytes = 256 * 1024);

} // namespace OpsDeck
