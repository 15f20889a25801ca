// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logfilereader.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LogFileReader)
};

QString systemError(const QString &path, int error)
{
    return Text::tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)));
}

} // namespace

LogFileReader::LogFileReader(const QString &path)
    : m_path(path)
{
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = systemError(path, errno);
        return;
    }
    struct stat info {};
    if (::fstat(m_fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        m_error = S_ISDIR(info.st_mode) ? Text::tr("%1: Is a directory").arg(path)
                                        : systemError(path, errno);
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_size = info.st_size;
    unsigned char magic[2] = {0, 0};
    m_compressed = ::pread(m_fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (!m_compressed)
        ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
}

LogFileReader::~LogFileReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QList<qint64> LogFileReader::partStarts(int parts) const
{
    QList<qint64> starts{0};
    if (!isOpen() || m_compressed || parts <= 1 || m_size < 1024 * 1024)
        return starts;
    char buffer[64 * 1024];
    for (int part = 1; part < parts; ++part) {
        // The line start at or after the even split point.
        qint64 at = std::max(m_size * part / parts - 1, starts.constLast());
        qint64 start = -1;
        while (at < m_size && start < 0) {
            const ssize_t got = ::pread(m_fd, buffer, sizeof buffer, at);
            if (got <= 0)
                break;
            const void *newline = std::memchr(buffer, '\n', size_t(got));
            if (newline)
                start = at + (static_cast<const char *>(newline) - buffer) + 1;
            at += got;
        }
        if (start < 0 || start >= m_size)
            break;
        if (start > starts.constLast())
            starts.append(start);
    }
    return starts;
}

bool LogFileReader::readBlocks(qint64 begin, qint64 end,
                               const std::function<bool(QByteArrayView, qint64)> &block,
                               const std::atomic_bool *cancel)
{
    if (!isOpen())
        return false;
    if (m_compressed)
        return readCompressed(block, cancel);
    std::vector<char> buffer(static_cast<size_t>(BlockBytes));
    qsizetype filled = 0;       // bytes in buffer
    qint64 bufferStart = begin; // file offset of buffer[0]
    qint64 readAt = begin;
    while (readAt < end) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return true;
        if (filled == qsizetype(buffer.size()))
            buffer.resize(buffer.size() * 2); // one line longer than a block
        const size_t want = size_t(std::min<qint64>(qint64(buffer.size()) - filled, end - readAt));
        const ssize_t got = ::pread(m_fd, buffer.data() + filled, want, readAt);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            m_error = systemError(m_path, errno);
            return false;
        }
        if (got == 0)
            break; // the file shrank meanwhile: what was read is all there is
        filled += got;
        readAt += got;
        const void *lastNewline = memrchr(buffer.data(), '\n', size_t(filled));
        if (!lastNewline)
            continue;
        const qsizetype whole = static_cast<const char *>(lastNewline) - buffer.data() + 1;
        if (!block(QByteArrayView(buffer.data(), whole), bufferStart))
            return true;
        std::memmove(buffer.data(), buffer.data() + whole, size_t(filled - whole));
        filled -= whole;
        bufferStart += whole;
    }
    if (filled > 0 && !(cancel && cancel->load(std::memory_order_relaxed)))
        block(QByteArrayView(buffer.data(), filled), bufferStart);
    return true;
}

bool LogFileReader::readCompressed(const std::function<bool(QByteArrayView, qint64)> &block,
                                   const std::atomic_bool *cancel)
{
    // gzdopen takes the descriptor: give it a duplicate so that ours stays open.
    const int fd = ::dup(m_fd);
    if (fd < 0) {
        m_error = systemError(m_path, errno);
        return false;
    }
    ::lseek(fd, 0, SEEK_SET);
    gzFile file = gzdopen(fd, "rb");
    if (!file) {
        ::close(fd);
        m_error = Text::tr("%1: cannot read gzip data").arg(m_path);
        return false;
    }
    gzbuffer(file, 256 * 1024);
    std::vector<char> buffer(static_cast<size_t>(BlockBytes));
    qsizetype filled = 0;
    qint64 bufferStart = 0; // offset in the unpacked text
    bool ok = true;
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        if (filled == qsizetype(buffer.size()))
            buffer.resize(buffer.size() * 2);
        const int got =
            gzread(file, buffer.data() + filled, unsigned(buffer.size() - size_t(filled)));
        if (got < 0) {
            int code = 0;
            m_error = Text::tr("%1: corrupt gzip data (%2)")
                          .arg(m_path, QString::fromUtf8(gzerror(file, &code)));
            ok = false;
            break;
        }
        if (got == 0)
            break;
        filled += got;
        const void *lastNewline = memrchr(buffer.data(), '\n', size_t(filled));
        if (!lastNewline)
            continue;
        const qsizetype whole = static_cast<const char *>(lastNewline) - buffer.data() + 1;
        m_compressedRead = gzoffset(file);
        if (!block(QByteArrayView(buffer.data(), whole), bufferStart))
            break;
        std::memmove(buffer.data(), buffer.data() + whole, size_t(filled - whole));
        filled -= whole;
        bufferStart += whole;
    }
    m_compressedRead = m_size;
    if (ok && filled > 0 && !(cancel && cancel->load(std::memory_order_relaxed)))
        block(QByteArrayView(buffer.data(), filled), bufferStart);
    gzclose(file);
    return ok;
}

} // namespace OpsDeck
