// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/paths.h"

#include "models/core/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace OpsDeck::Paths {

QString dataDirectory()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // Private (0700), also when an older OpsDeck made it under a lax umask, and so is the
    // organisation's folder above it ($XDG_DATA_HOME/OpsDeck/opsdeck). Whoever uses the folder
    // reports a failure when it writes there.
    (void)PrivateFiles::makeDirectory(directory, PrivateFiles::Tighten::Own);
    const QFileInfo parent(QFileInfo(directory).absolutePath());
    if (!QCoreApplication::organizationName().isEmpty() &&
        parent.fileName() == QCoreApplication::organizationName())
        (void)PrivateFiles::makeDirectory(parent.absoluteFilePath(), PrivateFiles::Tighten::Own);
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
