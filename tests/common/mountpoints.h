// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QSet>
#include <QString>

// The mount points this process sees (/proc/self/mounts). In a chroot, such as the fresh
// Debian root the setup is proven in, "/" is not among them: tests that look for the root
// filesystem ask first.
inline QSet<QString> visibleMountPoints()
{
    QSet<QString> points;
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (!mounts.open(QIODevice::ReadOnly))
        return points;
    const QList<QByteArray> lines = mounts.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 1)
            points.insert(QString::fromUtf8(fields.at(1))
                              .replace(QStringLiteral("\\040"), QStringLiteral(" ")));
    }
    return points;
}
