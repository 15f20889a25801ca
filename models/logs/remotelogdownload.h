// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

namespace OpsDeck {

class SshExecutor;

// Copies a remote log over SFTP into a private cache file (0600 in a 0700 folder, by default
// QStandardPaths::CacheLocation/logs), so the local viewer can index all of it. Reads ranges of
// chunkBytes (16 MiB; 8 to 32 MiB suit a log, smaller ones are for tests) one after another until
// the end of the file, so a log that grows meanwhile comes whole; the size at the start is the
// progress total. The file is written as NAME.part and renamed when complete; cancel() or an
// error removes it. Disk writes run in the background; nothing here blocks the GUI thread.
class RemoteLogDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteLogDownload)

public:
    static constexpr qint64 DefaultChunkBytes = qint64(16) << 20;
    static constexpr qint64 MaximumChunkBytes = qint64(32) << 20;
    static constexpr qint64 MinimumChunkBytes = qint64(64) << 10;

    RemoteLogDownload(SshExecutor *executor, QString remotePath, QObject *parent = nullptr);
    ~RemoteLogDownload() override;

    // Where cache files go; default QStandardPaths::CacheLocation + "/logs".
    void setCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }
    void setChunkBytes(qint64 bytes);
    // The file the copy ends up in: one per host and path, so a new download replaces the last.
    QString localPath() const;

    void start();
    // Stops reading, removes the partial file; finished() follows with an error saying so.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // total: the remote size at the start (-1 before it is known); received may exceed it.
    void progress(qint64 received, qint64 total);
    // localPath on success with error empty; else error says what failed where.
    void finished(const QString &localPath, const QString &error);

private:
    void onStatted(quint64 id, qint64 size, bool isDirectory, const QString &error);
    void onRead(quint64 id, const QByteArray &data, const QString &error);
    void requestNext();
    void complete();
    void fail(const QString &error);
    void abandon();
    QString partPath() const { return localPath() + QStringLiteral(".part"); }

    QPointer<SshExecutor> m_executor;
    QString m_hostName;
    QString m_remotePath;
    QString m_cacheDirectory;
    qint64 m_chunkBytes = DefaultChunkBytes;
    qint64 m_total = -1;
    qint64 m_received = 0;
    quint64 m_waitingFor = 0; // the SFTP request answered next
    bool m_running = false;
    bool m_writing = false; // a chunk is on its way to disk
    // Set when the run is given up: a write still in the background then removes the part file.
    std::shared_ptr<std::atomic_bool> m_abandoned;
};

} // namespace OpsDeck
