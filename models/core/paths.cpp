// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/paths.h"

#include "models/core/privatefiles.h"

#include <QDir>
#include <QStandardPaths>

namespace OpsDeck::Paths {

QString dataDirectory()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // Private (0700), also when an older OpsDeck made it under a lax umask; whoever uses the
    // folder reports a failure when it writes there.
    (void)PrivateFiles::makeDirectory(directory, PrivateFiles::Tighten::Own);
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
