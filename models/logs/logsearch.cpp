// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logsearch.h"

#include "models/core/background.h"
#include "models/logs/logfilereader.h"
#include "models/logs/loglines.h"
#include "models/logs/logmatcher.h"
#include "models/logs/logworkers.h"

#include <QDate>
#include <QFileInfo>
#include <QTimer>

#include <cstring>

namespace OpsDeck {

namespace {

struct PartResult {
    QList<qint64> lines; // relative to the part's first line
    QList<QByteArray> texts;
    qint64 lineCount = 0;
    qint64 bytes = 0;
    bool endsWithPartialLine = false;
    qint64 partialLineBytes = 0;
    QString error;
};

PartResult scanPart(const QString &path, qint64 begin, qint64 end, const LogMatcher &matcher,
                    const LogScanOptions &options)
{
    PartResult part;
    LogFileReader reader(path);
    if (!reader.isOpen()) {
        part.error = reader.error();
        return part;
    }
    const LogMatcher::ScratchPointer scratch = matcher.newScratch();
    const LogFormat format = matcher.query().format;
    const int referenceYear = QDate::currentDate().year();
    LogFields entry; // the entry continuation lines belong to
    const bool ok = reader.readBlocks(
        begin, end,
        [&](QByteArrayView block, qint64) {
            if (matcher.needsFields()) {
                // Level and time: every line parsed, in order, continuations taking their
                // entry's fields (the file is read in one part for this).
                qsizetype start = 0;
                while (start < block.size()) {
                    const void *newline =
                        std::memchr(block.data() + start, '\n', size_t(block.size() - start));
                    const qsizetype lineEnd =
                        newline ? static_cast<const char *>(newline) - block.data() : block.size();
                    const QByteArrayView line = block.sliced(start, lineEnd - start);
                    LogFields fields = parseLogLine(format, line, referenceYear);
                    if (fields.continuation) {
                        fields.level = entry.level;
                        fields.timestamp = entry.timestamp;
                    } else {
                        entry = fields;
                    }
                    if (matcher.keepsLine(*scratch, line, &fields)) {
                        part.lines.append(part.lineCount);
                        if (options.keepText)
                            part.texts.append(line.toByteArray());
                    }
                    ++part.lineCount;
                    start = lineEnd + 1;
                }
                part.bytes += block.size();
                part.endsWithPartialLine = !block.isEmpty() && block.back() != '\n';
                part.partialLineBytes =
                    part.endsWithPartialLine ? block.size() - (block.lastIndexOf('\n') + 1) : 0;
                if (options.progress)
                    options.progress(block.size());
                return true;
            }
            qsizetype counted = 0;
            matcher.scanBlock(*scratch, block, [&](qsizetype start, qsizetype length) {
                part.lineCount += countNewlines(block.data() + counted, start - counted);
                counted = start;
                part.lines.append(part.lineCount);
                if (options.keepText)
                    part.texts.append(QByteArray(block.data() + start, length));
            });
            part.lineCount += countNewlines(block.data() + counted, block.size() - counted);
            if (!block.isEmpty() && block.back() != '\n')
                ++part.lineCount; // the last line, without '\n'
            part.endsWithPartialLine = !block.isEmpty() && block.back() != '\n';
            part.partialLineBytes =
                part.endsWithPartialLine ? block.size() - (block.lastIndexOf('\n') + 1) : 0;
            part.bytes += block.size();
            if (options.progress)
                options.progress(block.size());
            return true;
        },
        options.cancel);
    if (!ok)
        part.error = reader.error();
    return part;
}

} // namespace

LogScanResult scanLogFile(const QString &path, const LogMatcher &matcher,
                          const LogScanOptions &options)
{
    LogScanResult result;
    QList<qint64> starts;
    qint64 size = 0;
    {
        LogFileReader reader(path);
        if (!reader.isOpen()) {
            result.error = reader.error();
            return result;
        }
        starts = options.beginOffset > 0
                     ? QList<qint64>{options.beginOffset} // what was appended: small, one part
                     : reader.partStarts(matcher.needsFields() ? 1 : std::max(options.threads, 1));
        size = reader.fileSize();
    }
    std::vector<PartResult> parts =
        runPerPart<PartResult>(starts, size, [&](qint64 begin, qint64 end) {
            return scanPart(path, begin, end, matcher, options);
        });
    for (PartResult &part : parts) {
        if (!part.error.isEmpty() && result.error.isEmpty())
            result.error = part.error;
        const qint64 shift = result.lineCount;
        result.lines.reserve(result.lines.size() + part.lines.size());
        for (qint64 line : std::as_const(part.lines))
            result.lines.append(line + shift);
        result.texts.append(std::move(part.texts));
        result.lineCount += part.lineCount;
        result.bytes += part.bytes;
        result.endsWithPartialLine = part.endsWithPartialLine;
        result.partialLineBytes = part.partialLineBytes;
    }
    result.cancelled = options.cancel && options.cancel->load();
    return result;
}

struct LogSearch::Job {
    std::atomic_bool cancel{false};
    std::atomic<qint64> done{0};
    qint64 total = 0;
};

LogSearch::LogSearch(QObject *parent)
    : QObject(parent)
{
}

LogSearch::~LogSearch()
{
    cancel();
}

std::optional<LogQueryProblem> LogSearch::check(const LogQuery &query)
{
    auto compiled = LogMatcher::compile(query);
    if (auto *problem = std::get_if<LogQueryProblem>(&compiled))
        return *problem;
    return std::nullopt;
}

void LogSearch::cancel()
{
    if (m_job)
        m_job->cancel = true;
    m_job.reset();
    m_running = false;
}

void LogSearch::watchProgress(const std::shared_ptr<Job> &job)
{
    // Workers only bump an atomic counter; the GUI reads it ten times a second.
    auto *timer = new QTimer(this);
    timer->setInterval(100);
    std::weak_ptr<Job> watched = job;
    connect(timer, &QTimer::timeout, this, [this, timer, watched] {
        const std::shared_ptr<Job> running = watched.lock();
        if (!running || m_job != running) {
            timer->deleteLater();
            return;
        }
        Q_EMIT progress(running->done.load(), running->total);
    });
    timer->start();
}

void LogSearch::startInFile(const QString &path, const LogQuery &query)
{
    cancel();
    m_matches.clear();
    m_path = path;
    m_query = query;
    m_completeBytes = 0;
    m_completeLines = 0;
    scanFile(0, 0);
}

bool LogSearch::extendInFile()
{
    if (!m_extendable || m_running || m_query.needsFields() ||
        QFileInfo(m_path).size() < m_completeBytes)
        return false;
    scanFile(m_completeBytes, m_completeLines);
    return true;
}

std::shared_ptr<const LogMatcher> LogSearch::compileOrFail(const LogQuery &query)
{
    auto compiled = LogMatcher::compile(query);
    if (const auto *problem = std::get_if<LogQueryProblem>(&compiled)) {
        // Said like a finished search, after the caller returned (a signal it can rely on).
        const QString message = problem->message;
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT finished(0, message); }, Qt::QueuedConnection);
        return nullptr;
    }
    return std::get<std::shared_ptr<const LogMatcher>>(std::move(compiled));
}

void LogSearch::scanFile(qint64 beginOffset, qint64 firstLine)
{
    m_extendable = false;
    const std::shared_ptr<const LogMatcher> matcher = compileOrFail(m_query);
    if (!matcher)
        return;
    auto job = std::make_shared<Job>();
    job->total = std::max<qint64>(QFileInfo(m_path).size() - beginOffset, 0);
    m_job = job;
    m_running = true;
    watchProgress(job);
    runInBackground(
        this,
        [path = m_path, matcher, job, beginOffset] {
            LogScanOptions options;
            options.beginOffset = beginOffset;
            options.cancel = &job->cancel;
            options.progress = [job](qint64 bytes) { job->done += bytes; };
            return scanLogFile(path, *matcher, options);
        },
        [this, job, beginOffset, firstLine](const LogScanResult &result) {
            if (m_job != job)
                return; // cancelled or started over
            m_job.reset();
            m_running = false;
            // The line that had no end last time was read again: its old answer goes.
            while (!m_matches.isEmpty() && m_matches.constLast() >= firstLine)
                m_matches.removeLast();
            m_matches.reserve(m_matches.size() + result.lines.size());
            for (const qint64 line : result.lines)
                m_matches.append(firstLine + line);
            if (result.error.isEmpty() && !result.cancelled) {
                m_extendable = true;
                m_completeLines =
                    firstLine + result.lineCount - (result.endsWithPartialLine ? 1 : 0);
                m_completeBytes = beginOffset + result.bytes - result.partialLineBytes;
            }
            Q_EMIT progress(job->total, job->total);
            Q_EMIT finished(m_matches.size(), result.error);
        });
}

void LogSearch::startInLines(const LogLines *lines, const LogQuery &query)
{
    cancel();
    m_matches.clear();
    const std::shared_ptr<const LogMatcher> matcher = compileOrFail(query);
    if (!matcher)
        return;
    // A live buffer is small (bounded): copying it is a few milliseconds, matching is not.
    const QList<LogLine> copied = lines ? lines->lines(0, lines->lineCount()) : QList<LogLine>();
    auto job = std::make_shared<Job>();
    job->total = copied.size();
    m_job = job;
    m_running = true;
    runInBackground(
        this,
        [copied, matcher, job] {
            QList<qint64> kept;
            const LogMatcher::ScratchPointer scratch = matcher->newScratch();
            LogFields entry; // the entry continuation lines belong to
            for (const LogLine &line : copied) {
                if (job->cancel)
                    break;
                if (matcher->needsFields()) {
                    LogFields fields = parseLogLine(matcher->query().format, line.text);
                    if (fields.continuation) {
                        fields.level = entry.level;
                        fields.timestamp = entry.timestamp;
                    } else {
                        entry = fields;
                    }
                    if (!matcher->keepsLine(*scratch, line.text, &fields))
                        continue;
                } else if (!matcher->keepsLine(*scratch, line.text)) {
                    continue;
                }
                kept.append(line.number);
            }
            return kept;
        },
        [this, job](const QList<qint64> &kept) {
            if (m_job != job)
                return;
            m_job.reset();
            m_running = false;
            m_matches = kept;
            Q_EMIT progress(job->total, job->total);
            Q_EMIT finished(kept.size(), QString());
        });
}

} // namespace OpsDeck
