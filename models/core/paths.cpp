// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace OpsDeck::Paths {

QString dataDirectory()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(directory);
    return directory;
}

QString stateDatabaseFile()
{
    return dataDirectory() + u"/state.sqlite";
}

QString expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(u"~/"))
        return QDir::homePath() + path.mid(1);
    return path;
}

} // namespace OpsDeck::Paths
