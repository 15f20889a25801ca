// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

namespace OpsDeck {

// What saving log lines to a file came to.
struct LogExportResult {
    qint64 lines = 0; // lines written
    QString error;    // why not, naming the file; empty when saved
    bool ok() const { return error.isEmpty(); }
};

// Saves some lines of a log to destination, each ending in '\n' (a filter's result, an
// excerpt). Blocking: call them from a worker thread (runInBackground). The destination
// appears whole or not at all (FileWriter).
class LogExport final
{
    Q_DECLARE_TR_FUNCTIONS(LogExport)

public:
    LogExport() = delete;

    // Lines of a text file by 0-based number (ascending; lines end at '\n' as LineIndex counts
    // them), read in large blocks.
    static LogExportResult fileLines(const QString &sourcePath, const QList<qint64> &lineNumbers,
                                     const QString &destination,
                                     const std::atomic_bool *cancel = nullptr);
    // Lines already copied out of memory (a live buffer's).
    static LogExportResult lines(const QList<QByteArray> &lines, const QString &destination);
};

} // namespace OpsDeck
