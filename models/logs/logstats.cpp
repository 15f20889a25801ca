// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logstats.h"

#include "models/logs/lineindex.h"
#include "models/logs/logfilereader.h"
#include "models/logs/logworkers.h"

#include <QElapsedTimer>
#include <QJsonValue>

#include <array>
#include <cstring>
#include <vector>

namespace OpsDeck {

namespace {

struct PartStats {
    LineIndex index;
    QMap<LogLevel, qint64> levels;
    std::optional<QDateTime> first;
    std::optional<QDateTime> last;
    qint64 bytes = 0;
    QString error;
};

PartStats statsOfPart(const QString &path, qint64 begin, qint64 end, LogFormat format,
                      int referenceYear, const std::atomic_bool *cancel)
{
    PartStats part;
    LogFileReader reader(path);
    if (!reader.isOpen()) {
        part.error = reader.error();
        return part;
    }
    std::array<qint64, 10> counts{};
    const bool ok = reader.readBlocks(
        begin, end,
        [&](QByteArrayView block, qint64) {
            part.index.feed(block.data(), block.size());
            part.bytes += block.size();
            qsizetype start = 0;
            while (start < block.size()) {
                const void *newline =
                    std::memchr(block.data() + start, '\n', size_t(block.size() - start));
                const qsizetype lineEnd =
                    newline ? static_cast<const char *>(newline) - block.data() : block.size();
                const LogFields fields =
                    parseLogLine(format, block.sliced(start, lineEnd - start), referenceYear);
                if (!fields.continuation) {
                    ++counts[size_t(fields.level)];
                    if (fields.timestamp) {
                        if (!part.first)
                            part.first = fields.timestamp;
                        part.last = fields.timestamp;
                    }
                }
                start = lineEnd + 1;
            }
            return true;
        },
        cancel);
    if (!ok)
        part.error = reader.error();
    for (size_t level = 1; level < counts.size(); ++level) {
        if (counts[level] > 0)
            part.levels.insert(LogLevel(level), counts[level]);
    }
    return part;
}

QJsonValue isoTime(const std::optional<QDateTime> &time)
{
    if (!time)
        return QJsonValue::Null;
    return time->toString(Qt::ISODateWithMs);
}

} // namespace

QList<QByteArray> readFirstLines(const QString &path, int lines, qint64 bytes)
{
    QList<QByteArray> result;
    LogFileReader reader(path);
    QByteArray text;
    // The first block is enough (4 MiB, or less for a small file).
    reader.readBlocks(0, reader.fileSize(), [&](QByteArrayView block, qint64) {
        text.append(block.first(std::min<qsizetype>(block.size(), bytes - text.size())));
        return text.size() < bytes;
    });
    qsizetype start = 0;
    while (start < text.size() && result.size() < lines) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        result.append(text.mid(start, end - start));
        start = end + 1;
    }
    return result;
}

LogFileStats computeLogFileStats(const QString &path, int threads, const std::atomic_bool *cancel)
{
    QElapsedTimer clock;
    clock.start();
    LogFileStats stats;
    stats.path = path;
    QList<qint64> starts;
    qint64 size = 0;
    {
        LogFileReader reader(path);
        if (!reader.isOpen()) {
            stats.error = reader.error();
            return stats;
        }
        starts = reader.partStarts(threads);
        size = reader.fileSize();
    }
    const QList<QByteArray> sample = readFirstLines(path, 200);
    QList<QByteArrayView> views;
    for (const QByteArray &line : sample)
        views.append(line);
    stats.format = detectLogFormat(views);
    const int referenceYear = QDate::currentDate().year();

    const std::vector<PartStats> parts =
        runPerPart<PartStats>(starts, size, [&](qint64 begin, qint64 end) {
            return statsOfPart(path, begin, end, stats.format, referenceYear, cancel);
        });

    LineIndex index;
    for (const PartStats &part : parts) {
        if (!part.error.isEmpty() && stats.error.isEmpty())
            stats.error = part.error;
        index.append(part.index);
        stats.bytes += part.bytes;
        for (auto it = part.levels.cbegin(); it != part.levels.cend(); ++it)
            stats.levels[it.key()] += it.value();
        if (!stats.first)
            stats.first = part.first;
        if (part.last)
            stats.last = part.last;
    }
    index.squeeze();
    stats.lines = index.lineCount();
    stats.indexBytesPerLine =
        stats.lines > 0 ? double(index.memoryBytes()) / double(stats.lines) : 0.0;
    stats.seconds = double(clock.nsecsElapsed()) / 1e9;
    return stats;
}

QJsonObject LogFileStats::toJson() const
{
    QJsonObject levelCounts;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        levelCounts.insert(logLevelId(it.key()), it.value());
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("format"), logFormatId(format)},
        {QStringLiteral("levels"), levelCounts},
        {QStringLiteral("first"), isoTime(first)},
        {QStringLiteral("last"), isoTime(last)},
        {QStringLiteral("indexBytesPerLine"), indexBytesPerLine},
        {QStringLiteral("seconds"), seconds},
    };
}

} // namespace OpsDeck
