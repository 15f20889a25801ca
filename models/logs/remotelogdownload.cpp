// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/remotelogdownload.h"

#include "models/core/background.h"
#include "models/core/privatefiles.h"
#include "models/remote/sshexecutor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// Letters, digits, dot, dash and underscore: a name that is safe in any file system.
QString fileNamePart(const QString &text)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]+"_s);
    QString safe = text;
    safe.replace(unsafe, u"_"_s);
    return safe.left(80);
}

} // namespace

RemoteLogDownload::RemoteLogDownload(SshExecutor *executor, QString remotePath, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_hostName(executor ? executor->hostName() : QString())
    , m_remotePath(std::move(remotePath))
    , m_cacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/logs"_s)
{
    if (!executor)
        return;
    connect(executor, &SshExecutor::pathStatted, this,
            [this](quint64 id, const RemoteFileInfo &info, const QString &error) {
                onStatted(id, info.size, info.isDirectory, error);
            });
    connect(executor, &SshExecutor::fileRead, this, &RemoteLogDownload::onRead);
}

RemoteLogDownload::~RemoteLogDownload()
{
    if (m_running)
        abandon();
}

void RemoteLogDownload::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = std::clamp(bytes, MinimumChunkBytes, MaximumChunkBytes);
}

QString RemoteLogDownload::localPath() const
{
    const QByteArray key = (m_hostName + u':' + m_remotePath).toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex())
            .left(12);
    return QDir(m_cacheDirectory)
        .filePath(fileNamePart(m_hostName) + u'-' +
                  fileNamePart(QFileInfo(m_remotePath).fileName()) + u'-' + hash);
}

void RemoteLogDownload::start()
{
    if (m_running)
        return;
    if (!m_executor) {
        Q_EMIT finished(
            {},
            tr("Cannot download %1: the host is no longer in the workspace.").arg(m_remotePath));
        return;
    }
    m_running = true;
    m_received = 0;
    m_total = -1;
    m_abandoned = std::make_shared<std::atomic_bool>(false);
    runInBackground(
        this,
        [directory = m_cacheDirectory, part = partPath()] {
            QString error = PrivateFiles::makeDirectory(directory, PrivateFiles::Tighten::Own);
            if (error.isEmpty()) {
                QFile::remove(part);
                error = PrivateFiles::makeFile(part);
            }
            return error;
        },
        [this, abandoned = m_abandoned](const QString &error) {
            if (abandoned->load())
                return;
            if (!error.isEmpty()) {
                fail(error);
                return;
            }
            if (!m_executor) {
                fail(tr("The connection to %1 is gone.").arg(m_hostName));
                return;
            }
            m_waitingFor = m_executor->statPath(m_remotePath);
        });
}

void RemoteLogDownload::cancel()
{
    if (!m_running)
        return;
    abandon();
    Q_EMIT finished({}, tr("Download of %1 from %2 cancelled.").arg(m_remotePath, m_hostName));
}

void RemoteLogDownload::onStatted(quint64 id, qint64 size, bool isDirectory, const QString &error)
{
    if (!m_running || id != m_waitingFor)
        return;
    m_waitingFor = 0;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    if (isDirectory) {
        fail(tr("%1 on %2 is a folder, not a log file.").arg(m_remotePath, m_hostName));
        return;
    }
    m_total = size;
    Q_EMIT progress(0, m_total);
    requestNext();
}

void RemoteLogDownload::requestNext()
{
    if (!m_executor) {
        fail(tr("The connection to %1 is gone.").arg(m_hostName));
        return;
    }
    m_waitingFor = m_executor->readFile(m_remotePath, m_received, m_chunkBytes);
}

void RemoteLogDownload::onRead(quint64 id, const QByteArray &data, const QString &error)
{
    if (!m_running || id != m_waitingFor)
        return;
    m_waitingFor = 0;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    // A short read is the end of the file.
    const bool last = data.size() < m_chunkBytes;
    m_writing = true;
    runInBackground(
        this,
        [part = partPath(), data, abandoned = m_abandoned] {
            if (abandoned->load())
                return QString();
            QFile file(part);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Append) ||
                file.write(data) != data.size() || !file.flush()) {
                return tr("Cannot write %1: %2").arg(part, file.errorString());
            }
            file.close();
            if (abandoned->load())
                QFile::remove(part);
            return QString();
        },
        [this, size = data.size(), last, abandoned = m_abandoned](const QString &writeError) {
            m_writing = false;
            if (abandoned->load()) {
                // Given up while this chunk was being written: the part file goes now.
                runInBackground(
                    this, [part = partPath()] { return QFile::remove(part); }, [](bool) {});
                return;
            }
            if (!writeError.isEmpty()) {
                fail(writeError);
                return;
            }
            m_received += size;
            Q_EMIT progress(m_received, m_total);
            if (last)
                complete();
            else
                requestNext();
        });
}

void RemoteLogDownload::complete()
{
    runInBackground(
        this,
        [part = partPath(), final = localPath()] {
            QFile::remove(final);
            QFile file(part);
            if (!file.rename(final))
                return tr("Cannot rename %1 to %2: %3").arg(part, final, file.errorString());
            return QString();
        },
        [this, abandoned = m_abandoned](const QString &error) {
            if (abandoned->load())
                return;
            if (!error.isEmpty()) {
                fail(error);
                return;
            }
            m_running = false;
            Q_EMIT finished(localPath(), {});
        });
}

void RemoteLogDownload::fail(const QString &error)
{
    abandon();
    Q_EMIT finished({}, error);
}

void RemoteLogDownload::abandon()
{
    m_running = false;
    m_waitingFor = 0;
    if (m_abandoned)
        m_abandoned->store(true);
    if (!m_writing)
        runInBackground(
            this, [part = partPath()] { return QFile::remove(part); }, [](bool) {});
}

} // namespace OpsDeck
