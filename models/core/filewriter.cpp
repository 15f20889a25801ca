// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/filewriter.h"

#include "models/core/background.h"

#include <QDir>
#include <QSaveFile>

namespace OpsDeck {

QString FileWriteResult::errorMessage() const
{
    if (ok())
        return {};
    return FileWriter::tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

namespace {

FileWriteResult saveFile(const QString &path, const QByteArray &bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {path, file.errorString()};
    // The temporary file is what gets renamed: its mode is the file's from the start.
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return {path, file.errorString()};
    // A short write reports no error; the next one says why (disk full, file too large).
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 chunk = file.write(bytes.constData() + written, bytes.size() - written);
        if (chunk <= 0)
            break;
        written += chunk;
    }
    if (written == bytes.size() && file.commit())
        return {path, {}};
    // QSaveFile discards its temporary file on every failure; the old file stays untouched.
    if (file.error() == QFileDevice::NoError)
        return {path, FileWriter::tr("the file could not be written completely")};
    return {path, file.errorString()};
}

} // namespace

FileWriteResult FileWriter::save(const QString &path, const QByteArray &bytes)
{
    return saveFile(path, bytes, false);
}

FileWriteResult FileWriter::savePrivate(const QString &path, const QByteArray &bytes)
{
    return saveFile(path, bytes, true);
}

QFuture<FileWriteResult> FileWriter::saveInBackground(const QString &path, Produce produce,
                                                      QObject *context, Done done)
{
    return runInBackground(
        context, [path, produce = std::move(produce)] { return save(path, produce()); },
        std::move(done));
}

} // namespace OpsDeck
