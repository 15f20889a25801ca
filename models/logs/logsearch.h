// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logquery.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <variant>

namespace OpsDeck {

class LogLines;
class LogMatcher;

// What a scan found: the 0-based numbers of the kept lines, ascending.
struct LogScanResult {
    QList<qint64> lines;
    QList<QByteArray> texts;     // the kept lines' bytes, when asked for (keepText)
    qint64 lineCount = 0;        // lines in the file, a last one without '\n' counted
    qint64 bytes = 0;            // bytes read (unpacked bytes for gzip)
    qint64 partialLineBytes = 0; // bytes of a last line without '\n' (yet)
    bool endsWithPartialLine = false;
    QString error; // could not read: says which file and why
    bool cancelled = false;
};

struct LogScanOptions {
    int threads = 2;
    // Where to start (a line start): a followed file is searched again only from the end of
    // its last complete line. Line numbers in the result count from there.
    qint64 beginOffset = 0;
    bool keepText = false;
    const std::atomic_bool *cancel = nullptr;
    // Bytes done since the last call; may be called from any of the threads.
    std::function<void(qint64)> progress;
};

// Scans a file with a compiled query, each thread reading a contiguous part of it with read()
// in large blocks (measured faster than mmap on these VMs). Queries on level or time read the
// file in one part, line by line, so that continuation lines get their entry's fields.
// Blocking: call it from a worker thread or the command line.
LogScanResult scanLogFile(const QString &path, const LogMatcher &matcher,
                          const LogScanOptions &options = {});

// Finds the lines a query keeps, in the background: in a file (scanned from disk, both cores)
// or in any LogLines (a live buffer: its lines are copied, then matched in the background).
// finished() gives the count or the error.
class LogSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSearch)

public:
    explicit LogSearch(QObject *parent = nullptr);
    ~LogSearch() override;

    // The query's problem (a bad regular expression: which pattern, which column), or none.
    static std::optional<LogQueryProblem> check(const LogQuery &query);

    // Starts over; a running search is cancelled first.
    void startInFile(const QString &path, const LogQuery &query);
    void startInLines(const LogLines *lines, const LogQuery &query);
    // Goes on with the last file search over what was appended to the file since (a followed
    // log): the line that had no end yet is looked at again, nothing before it. False, and
    // nothing started, when that cannot be done (no finished file search, a level or time query
    // whose entries may span the seam, a file now shorter): start over instead.
    bool extendInFile();
    void cancel();
    bool isRunning() const { return m_running; }
    // Kept lines, ascending: complete once finished() was emitted.
    const QList<qint64> &matches() const { return m_matches; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(qint64 matchCount, const QString &error);

private:
    struct Job;
    void watchProgress(const std::shared_ptr<Job> &job);
    void scanFile(qint64 beginOffset, qint64 firstLine);
    std::shared_ptr<const LogMatcher> compileOrFail(const LogQuery &query);
    std::shared_ptr<Job> m_job;
    QList<qint64> m_matches;
    bool m_running = false;
    // The last file search, and where its complete lines end, for extendInFile().
    QString m_path;
    LogQuery m_query;
    bool m_extendable = false;
    qint64 m_completeBytes = 0;
    qint64 m_completeLines = 0;
};

} // namespace OpsDeck
