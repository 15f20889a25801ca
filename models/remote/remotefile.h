// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace OpsDeck {

// One entry of a remote directory, as SFTP reports it.
struct RemoteFileInfo {
    QString name;
    qint64 size = 0;
    QDateTime modified;
    quint32 permissions = 0; // st_mode: type and permission bits
    bool isDirectory = false;
    bool isSymlink = false;
    QString owner; // when the server says; else empty and uid/gid tell
    QString group;
    quint32 uid = 0;
    quint32 gid = 0;
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::RemoteFileInfo)
