// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logdocument.h"

#include "models/core/background.h"
#include "models/logs/logfilereader.h"
#include "models/logs/logworkers.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThreadPool>
#include <QTimer>

#include <array>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LogDocument)
};

// Index pieces go to the GUI thread at most this often (in bytes), except the first one,
// which goes at once so that the first screen appears.
constexpr qint64 PieceBytes = 32 * 1024 * 1024;
constexpr int FollowIntervalMs = 250;

struct LocalFileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    qint64 size = 0;
};

LocalFileIdentity identify(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return {true, info.st_dev, info.st_ino, qint64(info.st_size)};
}

// Runs f(document) in the GUI thread unless the document is gone by then. The application
// object is the context: it outlives every worker, while a document may be deleted any time.
template<typename Function>
void postTo(const QPointer<LogDocument> &document, Function f)
{
    QCoreApplication *application = QCoreApplication::instance();
    if (!application)
        return; // shutting down
    QMetaObject::invokeMethod(application, [document, f = std::move(f)]() mutable {
        if (document)
            f(document.data());
    });
}

} // namespace

struct LogDocument::IndexJob {
    std::atomic_bool cancel{false};
    std::atomic<qint64> done{0};
    qint64 total = 0;
    int parts = 1;
    int appendingPart = 0;                 // pieces of this part go into the index at once
    QList<QList<LineIndex>> waitingPieces; // later parts' pieces, until their turn
    QList<bool> partFinished;
    bool appending = false; // following: the index grows from its end
};

struct LogDocument::Private {
    QFile file; // the content file, read in this (the GUI) thread, a segment at a time
    std::unique_ptr<QTemporaryFile> unpacked;
    bool compressed = false;
    qint64 fileSize = 0;
    std::shared_ptr<IndexJob> job;
    QElapsedTimer clock;
    QTimer followTimer;
    bool checking = false;
    bool reportedRemoved = false;
    LocalFileIdentity opened;

    struct Segment {
        qint64 offset = -1;
        QByteArray bytes;
    };
    // The last few segments read: a filtered view reads its scattered lines from a handful.
    mutable std::array<Segment, 8> segments;
    mutable size_t nextSegment = 0;

    void forgetSegments() const
    {
        for (Segment &segment : segments)
            segment = {};
    }

    QByteArray readSegment(qint64 offset, qint64 length) const
    {
        for (const Segment &segment : segments) {
            if (segment.offset == offset && segment.bytes.size() >= length)
                return segment.bytes.left(length);
        }
        QByteArray bytes;
        if (file.isOpen() && const_cast<QFile &>(file).seek(offset))
            bytes = const_cast<QFile &>(file).read(length);
        segments[nextSegment] = {offset, bytes};
        nextSegment = (nextSegment + 1) % segments.size();
        return bytes;
    }
};

LogDocument::LogDocument(QObject *parent)
    : LogLines(parent)
    , d(std::make_unique<Private>())
{
    d->followTimer.setInterval(FollowIntervalMs);
    connect(&d->followTimer, &QTimer::timeout, this, &LogDocument::checkFollowedFile);
}

LogDocument::~LogDocument()
{
    if (d->job)
        d->job->cancel = true;
}

QString LogDocument::contentPath() const
{
    return d->unpacked ? d->unpacked->fileName() : m_path;
}

bool LogDocument::isCompressed() const
{
    return d->compressed;
}

bool LogDocument::isIndexing() const
{
    return d->job != nullptr;
}

qint64 LogDocument::indexedBytes() const
{
    return m_index.indexedBytes();
}

qint64 LogDocument::fileSize() const
{
    return d->fileSize;
}

QStringList LogDocument::sourceNames() const
{
    return {QFileInfo(m_path).fileName()};
}

qint64 LogDocument::lineCount() const
{
    return m_index.lineCount();
}

void LogDocument::reset(const QString &path)
{
    if (d->job)
        d->job->cancel = true;
    d->job.reset();
    d->file.close();
    d->unpacked.reset();
    d->forgetSegments();
    m_path = path;
    m_index = LineIndex();
    m_firstLinesMs = -1;
    m_indexingMs = -1;
    d->reportedRemoved = false;
}

void LogDocument::open(const QString &path)
{
    const bool hadLines = lineCount() > 0;
    reset(path);
    if (hadLines)
        Q_EMIT linesReset();
    d->clock.start();
    // Only the open() itself happens here (no read): the first bytes are read by the indexer.
    LogFileReader probe(path);
    if (!probe.isOpen()) {
        const QString error = probe.error();
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    d->compressed = probe.isCompressed();
    d->fileSize = probe.fileSize();
    d->opened = identify(path);
    if (d->compressed) {
        // Unpacked into a private cache file (0600, removed with the document) that is then
        // read like any other file.
        const QString directory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                  QStringLiteral("/logs");
        QDir().mkpath(directory);
        d->unpacked =
            std::make_unique<QTemporaryFile>(directory + QStringLiteral("/unpacked-XXXXXX.log"));
        if (!d->unpacked->open()) {
            const QString error = Text::tr("%1: cannot create a file to unpack into in %2: %3")
                                      .arg(path, directory, d->unpacked->errorString());
            d->unpacked.reset();
            QMetaObject::invokeMethod(
                this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
            return;
        }
        d->unpacked->close();
    }
    d->file.setFileName(contentPath());
    if (!d->file.open(QIODevice::ReadOnly)) {
        const QString error = Text::tr("%1: %2").arg(contentPath(), d->file.errorString());
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    startIndexing(0, false);
}

void LogDocument::startIndexing(qint64 from, bool appending)
{
    auto job = std::make_shared<IndexJob>();
    job->appending = appending;
    d->job = job;
    const QString path = m_path;
    const QString unpackedPath = d->unpacked ? d->unpacked->fileName() : QString();
    QPointer<LogDocument> self(this);

    // Parts are cut here, on a worker, not in the GUI thread: finding a line start reads.
    logWorkerPool()->start([self, job, path, unpackedPath, from] {
        lowerCurrentThreadPriority();
        LogFileReader reader(path);
        if (!reader.isOpen()) {
            const QString error = reader.error();
            postTo(self,
                   [job, error](LogDocument *document) { document->finishPart(job, 0, error); });
            return;
        }
        QList<qint64> starts{from};
        if (from == 0)
            starts = reader.partStarts(QThread::idealThreadCount());
        const qint64 size = reader.fileSize();
        job->total = size - from;
        job->parts = int(starts.size());
        job->waitingPieces.resize(starts.size());
        job->partFinished.fill(false, starts.size());

        const auto indexPart = [self, job, path, unpackedPath, starts, size](int part) {
            LogFileReader partReader(path);
            const qint64 begin = starts.at(part);
            const qint64 end = part + 1 < starts.size() ? starts.at(part + 1) : size;
            int unpackedFd = -1;
            if (!unpackedPath.isEmpty())
                unpackedFd = ::open(QFile::encodeName(unpackedPath).constData(),
                                    O_WRONLY | O_TRUNC | O_CLOEXEC);
            LineIndex piece;
            bool first = true;
            QString error;
            const auto post = [&] {
                postTo(self, [job, part, piece](LogDocument *document) {
                    document->takePiece(job, part, piece);
                });
                piece = LineIndex();
                first = false;
            };
            const bool ok = partReader.readBlocks(
                begin, end,
                [&](QByteArrayView block, qint64) {
                    if (unpackedFd >= 0) {
                        // The view reads what the index names: the bytes land first.
                        qsizetype written = 0;
                        while (written < block.size()) {
                            const ssize_t n = ::write(unpackedFd, block.data() + written,
                                                      size_t(block.size() - written));
                            if (n <= 0) {
                                error = Text::tr("%1: cannot write the unpacked text: %2")
                                            .arg(unpackedPath,
                                                 QString::fromLocal8Bit(std::strerror(errno)));
                                return false;
                            }
                            written += n;
                        }
                    }
                    piece.feed(block.data(), block.size());
                    if (partReader.isCompressed())
                        job->done = partReader.compressedBytesRead();
                    else
                        job->done += block.size();
                    // A piece must end at a line end unless it is the file's last line.
                    if ((first || piece.indexedBytes() >= PieceBytes) &&
                        !piece.endsWithPartialLine())
                        post();
                    return true;
                },
                &job->cancel);
            if (unpackedFd >= 0)
                ::close(unpackedFd);
            if (!ok && error.isEmpty())
                error = partReader.error();
            if (piece.lineCount() > 0)
                post();
            postTo(self, [job, part, error](LogDocument *document) {
                document->finishPart(job, part, error);
            });
        };
        for (int part = 1; part < int(starts.size()); ++part)
            logWorkerPool()->start([indexPart, part] {
                lowerCurrentThreadPriority();
                indexPart(part);
            });
        indexPart(0);
    });
}

void LogDocument::takePiece(const std::shared_ptr<IndexJob> &job, int part, const LineIndex &piece)
{
    if (job != d->job)
        return;
    if (part != job->appendingPart) {
        job->waitingPieces[part].append(piece);
        return;
    }
    qint64 firstNew = m_index.lineCount();
    if (job->appending) {
        m_index.dropPartialLine();
        firstNew = m_index.lineCount();
    }
    m_index.append(piece);
    d->fileSize = std::max(d->fileSize, m_index.indexedBytes());
    if (m_firstLinesMs < 0) {
        m_firstLinesMs = d->clock.elapsed();
        detectFormat();
    }
    Q_EMIT linesAppended(firstNew);
    Q_EMIT indexingProgress(job->appending ? m_index.indexedBytes() : job->done.load(),
                            job->appending ? d->fileSize : job->total);
}

void LogDocument::finishPart(const std::shared_ptr<IndexJob> &job, int part, const QString &error)
{
    if (job != d->job)
        return;
    if (!error.isEmpty()) {
        job->cancel = true;
        d->job.reset();
        Q_EMIT failed(error);
        return;
    }
    job->partFinished[part] = true;
    // Hand over to the next part in file order, with what it indexed meanwhile.
    while (job->appendingPart < job->parts && job->partFinished.at(job->appendingPart)) {
        ++job->appendingPart;
        if (job->appendingPart >= job->parts)
            break;
        const QList<LineIndex> waiting = std::exchange(job->waitingPieces[job->appendingPart], {});
        for (const LineIndex &piece : waiting)
            takePiece(job, job->appendingPart, piece);
    }
    if (job->appendingPart < job->parts)
        return;
    d->job.reset();
    m_index.squeeze();
    if (!job->appending) {
        m_indexingMs = d->clock.elapsed();
        if (m_firstLinesMs < 0) { // an empty file
            m_firstLinesMs = m_indexingMs;
        }
        Q_EMIT indexingProgress(job->total, job->total);
        Q_EMIT indexingFinished();
    }
}

void LogDocument::cancelIndexing()
{
    if (!d->job)
        return;
    d->job->cancel = true;
    d->job.reset();
    Q_EMIT indexingFinished();
}

QList<LogLine> LogDocument::lines(qint64 first, qint64 count, qint64 maxBytesPerLine) const
{
    QList<LogLine> result;
    const qint64 end = std::min(first + std::max<qint64>(count, 0), lineCount());
    qint64 line = std::max<qint64>(first, 0);
    maxBytesPerLine = std::max<qint64>(maxBytesPerLine, 0);
    while (line < end) {
        const LineIndex::Position checkpoint = m_index.checkpointFor(line);
        const LineIndex::Position next = m_index.nextCheckpointAfter(line);
        // Every line of the segment starts in its first 64 KiB; only its last line may be long.
        const qint64 segmentLength = next.offset - checkpoint.offset;
        const qint64 readLength =
            std::min(segmentLength, LineIndex::BytesPerCheckpoint + maxBytesPerLine + 2);
        const QByteArray bytes = d->readSegment(checkpoint.offset, readLength);
        if (bytes.size() < readLength)
            return result; // the file changed under us: the follow check re-reads it
        const bool endIsPartial = next.line == lineCount() && m_index.endsWithPartialLine();
        qsizetype position = 0;
        qint64 current = checkpoint.line;
        for (; current < next.line && current < end; ++current) {
            const void *newline =
                std::memchr(bytes.constData() + position, '\n', size_t(bytes.size() - position));
            qsizetype lineEnd = 0;
            qint64 fullLength = 0;
            if (newline) {
                lineEnd = static_cast<const char *>(newline) - bytes.constData();
                fullLength = lineEnd - position;
            } else {
                // The segment's long last line, or the file's last line without '\n'.
                lineEnd = bytes.size();
                fullLength = next.offset - (endIsPartial ? 0 : 1) - (checkpoint.offset + position);
            }
            if (current >= line) {
                LogLine logLine;
                logLine.number = current;
                logLine.fullLength = fullLength;
                qsizetype textEnd =
                    std::min<qsizetype>(lineEnd, position + qsizetype(maxBytesPerLine));
                // CRLF: the '\r' is part of the line end, not of the text.
                if (newline && textEnd == lineEnd && textEnd > position &&
                    bytes.at(textEnd - 1) == '\r') {
                    --textEnd;
                    --logLine.fullLength;
                }
                logLine.text = bytes.mid(position, textEnd - position);
                result.append(std::move(logLine));
            }
            position = lineEnd + 1;
        }
        line = current;
    }
    return result;
}

void LogDocument::detectFormat()
{
    const QList<LogLine> sample = lines(0, 200, 4096);
    QList<QByteArrayView> views;
    views.reserve(sample.size());
    for (const LogLine &line : sample)
        views.append(line.text);
    const LogFormat detected = detectLogFormat(views);
    if (detected != m_format) {
        m_format = detected;
        Q_EMIT formatDetected(detected);
    }
}

void LogDocument::setFollowing(bool following)
{
    // A gzip file is an archive: nothing is appended to it.
    m_following = following && !d->compressed;
    if (m_following)
        d->followTimer.start();
    else
        d->followTimer.stop();
}

void LogDocument::checkFollowedFile()
{
    if (d->checking || d->job || m_path.isEmpty())
        return;
    d->checking = true;
    const QString path = m_path;
    runInBackground(
        this, [path] { return identify(path); },
        [this, path](const LocalFileIdentity &now) {
            d->checking = false;
            if (path != m_path || !m_following || d->job)
                return;
            if (!now.exists) {
                if (!d->reportedRemoved) {
                    d->reportedRemoved = true;
                    Q_EMIT fileChanged(
                        FileChange::Removed,
                        Text::tr("%1 was removed; waiting for it to come back").arg(path));
                }
                return;
            }
            const bool replaced = d->reportedRemoved || now.device != d->opened.device ||
                                  now.inode != d->opened.inode;
            if (replaced || now.size < m_index.indexedBytes()) {
                const FileChange change = replaced ? FileChange::Replaced : FileChange::Truncated;
                const QString message =
                    replaced
                        ? Text::tr("%1 was replaced by a new file (rotated); showing the new one")
                              .arg(path)
                        : Text::tr("%1 was truncated; reading it again from the start").arg(path);
                const bool following = m_following;
                open(path);
                setFollowing(following);
                Q_EMIT fileChanged(change, message);
                return;
            }
            if (now.size > m_index.indexedBytes()) {
                d->fileSize = now.size;
                d->forgetSegments();
                startIndexing(m_index.indexedBytes() - m_index.partialLineBytes(), true);
            }
        });
}

} // namespace OpsDeck
