// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <functional>

class QObject;

namespace OpsDeck {

// What saving a file came to.
struct FileWriteResult {
    QString path;
    // Why it failed, in the system's words ("No such file or directory"); empty when saved.
    QString reason;

    bool ok() const { return reason.isEmpty(); }
    // A sentence for the user naming the file and the reason; empty when saved.
    QString errorMessage() const;
};

// The one place that writes user files: atomically (QSaveFile: the new content appears whole
// under the name, or the old file stays as it was) and, from the GUI, off its thread.
class FileWriter final
{
    Q_DECLARE_TR_FUNCTIONS(FileWriter)

public:
    using Produce = std::function<QByteArray()>;
    using Done = std::function<void(const FileWriteResult &)>;

    FileWriter() = delete;

    // Saves bytes to path on the calling thread: for code that already runs in a worker.
    static FileWriteResult save(const QString &path, const QByteArray &bytes);
    // save(), the file readable and writable by its owner only (0600) from its first byte on,
    // whatever the umask or the mode of the file it replaces: for files that are nobody
    // else's business (known_hosts, state).
    static FileWriteResult savePrivate(const QString &path, const QByteArray &bytes);

    // Calls produce() and saves what it returns to path, both in the thread pool, then calls
    // done() in context's thread; never once context is destroyed (the file is still written).
    // Call from context's thread; produce() must hold only copies of what it turns into bytes.
    static QFuture<FileWriteResult> saveInBackground(const QString &path, Produce produce,
                                                     QObject *context, Done done);
};

} // namespace OpsDeck
