// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/lineindex.h"
#include "models/logs/logformats.h"
#include "models/logs/loglines.h"

#include <memory>

namespace OpsDeck {

// A local log file opened for viewing. open() returns at once: the first lines are readable as
// soon as the first block is indexed (a few ms), the rest is indexed in the background on both
// cores with progress and cancel. A gzip file is unpacked in the background to a private cache
// file first. While following, appended lines arrive as linesAppended; a truncated file or one
// replaced by rotation (rename + recreate, copytruncate) is re-read from the start and said
// through fileChanged.
class LogDocument final : public LogLines
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDocument)

public:
    enum class FileChange {
        Truncated, // the file became shorter (copytruncate, `> file`)
        Replaced,  // another file now has its name (rotation by rename + recreate)
        Removed,   // the name is gone; following waits for it to come back
    };
    Q_ENUM(FileChange)

    explicit LogDocument(QObject *parent = nullptr);
    ~LogDocument() override;

    // Starts opening path; failed() says why it cannot be read. Opening another file first
    // cancels and forgets this one's indexing.
    void open(const QString &path);
    QString path() const { return m_path; }
    // The file whose bytes are shown: path() itself, or the unpacked cache file for a .gz.
    QString contentPath() const;
    bool isCompressed() const;

    qint64 lineCount() const override;
    QList<LogLine> lines(qint64 first, qint64 count,
                         qint64 maxBytesPerLine = DefaultLineCap) const override;
    QStringList sourceNames() const override;

    bool isIndexing() const;
    qint64 indexedBytes() const;
    qint64 fileSize() const;
    void cancelIndexing();
    // The index built so far (shared, immutable): for searches running in other threads.
    LineIndex index() const { return m_index; }
    // Format detected from the first lines (Plain until enough lines are read).
    LogFormat format() const { return m_format; }

    // Follow: watch the file for appended lines, truncation and rotation.
    void setFollowing(bool following);
    bool isFollowing() const { return m_following; }

    // Milliseconds until the first lines were readable, and until indexing finished (-1: not yet).
    qint64 firstLinesMs() const { return m_firstLinesMs; }
    qint64 indexingMs() const { return m_indexingMs; }

Q_SIGNALS:
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal);
    void indexingFinished();
    void formatDetected(OpsDeck::LogFormat format);
    void fileChanged(OpsDeck::LogDocument::FileChange change, const QString &message);
    void failed(const QString &error);

private:
    struct Private;
    struct IndexJob;
    void startIndexing(qint64 from, bool appending);
    void takePiece(const std::shared_ptr<IndexJob> &job, int part, const LineIndex &piece);
    void finishPart(const std::shared_ptr<IndexJob> &job, int part, const QString &error);
    void checkFollowedFile();
    void detectFormat();
    void reset(const QString &path);

    std::unique_ptr<Private> d;
    QString m_path;
    LineIndex m_index;
    LogFormat m_format = LogFormat::Plain;
    bool m_following = false;
    qint64 m_firstLinesMs = -1;
    qint64 m_indexingMs = -1;
};

} // namespace OpsDeck
