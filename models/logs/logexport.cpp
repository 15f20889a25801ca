// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logexport.h"

#include "models/core/filewriter.h"

#include <QDir>
#include <QFile>

#include <cstring>

namespace OpsDeck {

namespace {
constexpr qint64 BlockSize = 4 * 1024 * 1024;
}

LogExportResult LogExport::fileLines(const QString &sourcePath, const QList<qint64> &lineNumbers,
                                     const QString &destination, const std::atomic_bool *cancel)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return {0, tr("Cannot read %1: %2")
                       .arg(QDir::toNativeSeparators(sourcePath), source.errorString())};
    QByteArray output;
    QByteArray block(BlockSize, Qt::Uninitialized);
    qsizetype wanted = 0;  // index into lineNumbers of the next line to keep
    qint64 line = 0;       // the line the read position is in
    bool lineOpen = false; // bytes of the current (kept) line are in output without their '\n'
    while (wanted < lineNumbers.size()) {
        if (cancel && cancel->load())
            return {0, tr("Export cancelled.")};
        const qint64 read = source.read(block.data(), BlockSize);
        if (read < 0)
            return {0, tr("Cannot read %1: %2")
                           .arg(QDir::toNativeSeparators(sourcePath), source.errorString())};
        if (read == 0)
            break;
        const char *position = block.constData();
        const char *end = position + read;
        while (position < end && wanted < lineNumbers.size()) {
            const auto *newline =
                static_cast<const char *>(std::memchr(position, '\n', size_t(end - position)));
            const char *lineEnd = newline ? newline : end;
            if (line == lineNumbers[wanted]) {
                output.append(position, lineEnd - position);
                lineOpen = true;
            }
            if (!newline)
                break; // the line goes on in the next block
            if (lineOpen) {
                output.append('\n');
                lineOpen = false;
                ++wanted;
            }
            ++line;
            position = newline + 1;
        }
    }
    if (lineOpen) {
        output.append('\n'); // a last line without one
        ++wanted;
    }
    const FileWriteResult saved = FileWriter::save(destination, output);
    if (!saved.ok())
        return {0, saved.errorMessage()};
    return {qint64(wanted), {}};
}

LogExportResult LogExport::lines(const QList<QByteArray> &lines, const QString &destination)
{
    qsizetype size = 0;
    for (const QByteArray &line : lines)
        size += line.size() + 1;
    QByteArray output;
    output.reserve(size);
    for (const QByteArray &line : lines) {
        output.append(line);
        output.append('\n');
    }
    const FileWriteResult saved = FileWriter::save(destination, output);
    if (!saved.ok())
        return {0, saved.errorMessage()};
    return {qint64(lines.size()), {}};
}

} // namespace OpsDeck
