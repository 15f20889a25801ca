// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

// How many threads of this process the kernel lists under `name` (QThread names them after
// their objectName, cut to 15 bytes): proof that a thread has really ended.
inline int threadsNamed(const QString &name)
{
    int count = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name.left(15).toUtf8())
            ++count;
    }
    return count;
}
