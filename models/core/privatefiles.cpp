// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace OpsDeck {

namespace {

constexpr mode_t PrivateDirectoryMode = 0700;
constexpr mode_t PrivateFileMode = 0600;

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

QString PrivateFiles::makeDirectory(const QString &directory, Tighten tighten)
{
    const QString absolute = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    // The missing part of the path, outermost first; mkpath() would create it with the umask.
    QStringList missing;
    for (QString path = absolute; !QFileInfo::exists(path); path = QFileInfo(path).path()) {
        missing.prepend(path);
        if (QFileInfo(path).path() == path)
            break;
    }
    for (const QString &path : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(path);
        if (::mkdir(native.constData(), PrivateDirectoryMode) != 0 && errno != EEXIST) {
            return tr("Cannot create the folder %1: %2")
                .arg(QDir::toNativeSeparators(path), systemReason(errno));
        }
        // mkdir() applies the umask; a umask such as 0277 would leave it unwritable.
        if (::chmod(native.constData(), PrivateDirectoryMode) != 0) {
            return tr("Cannot make the folder %1 private: %2")
                .arg(QDir::toNativeSeparators(path), systemReason(errno));
        }
    }
    if (!QFileInfo(absolute).isDir()) {
        return tr("Cannot use %1 as a folder: it is not one.")
            .arg(QDir::toNativeSeparators(absolute));
    }
    if (tighten == Tighten::Own && missing.isEmpty() &&
        ::chmod(QFile::encodeName(absolute).constData(), PrivateDirectoryMode) != 0) {
        return tr("Cannot make the folder %1 private: %2")
            .arg(QDir::toNativeSeparators(absolute), systemReason(errno));
    }
    return {};
}

QString PrivateFiles::makeFile(const QString &file)
{
    const QByteArray native = QFile::encodeName(file);
    // O_EXCL: an existing file is only chmod-ed, never opened for writing.
    const int fd =
        ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFileMode);
    if (fd < 0) {
        if (errno == EEXIST)
            return tightenIfExists(file);
        return tr("Cannot create %1: %2").arg(QDir::toNativeSeparators(file), systemReason(errno));
    }
    // fchmod, not the mode of open(): that one only applies to a new file, minus the umask.
    const int result = ::fchmod(fd, PrivateFileMode);
    const int error = errno;
    ::close(fd);
    if (result != 0) {
        return tr("Cannot make %1 private: %2")
            .arg(QDir::toNativeSeparators(file), systemReason(error));
    }
    return {};
}

QString PrivateFiles::tightenIfExists(const QString &file)
{
    const QByteArray native = QFile::encodeName(file);
    if (::chmod(native.constData(), PrivateFileMode) == 0 || errno == ENOENT)
        return {};
    return tr("Cannot make %1 private: %2")
        .arg(QDir::toNativeSeparators(file), systemReason(errno));
}

QString PrivateFiles::prepareSettingsFile(const QString &settingsFile)
{
    // The settings folder ($XDG_CONFIG_HOME/OpsDeck) holds OpsDeck's files only.
    if (QString error = makeDirectory(QFileInfo(settingsFile).absolutePath(), Tighten::Own);
        !error.isEmpty())
        return error;
    return makeFile(settingsFile);
}

} // namespace OpsDeck
