// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/versions.h"

#include <libssh/libssh.h>
#include <sqlite3.h>

namespace OpsDeck {

QStringList componentVersions()
{
    return {
        QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())),
        QStringLiteral("libssh %1").arg(QString::fromLatin1(ssh_version(0)).section(u'/', 0, 0)),
        QStringLiteral("SQLite %1").arg(QString::fromLatin1(sqlite3_libversion())),
    };
}

} // namespace OpsDeck
