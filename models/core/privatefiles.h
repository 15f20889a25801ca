// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace OpsDeck {

// OpsDeck's own files (the state database, its settings) hold what the user ran where, and are
// for the user alone: files 0600, folders 0700. The permissions are set explicitly, so they do
// not depend on the umask OpsDeck was started with (022 would leave them world-readable, 000
// world-writable).
//
// Each function returns an empty string on success, or a sentence naming the path and the
// system's reason.
class PrivateFiles final
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)

public:
    PrivateFiles() = delete;

    // Creates directory and its missing parents, each created one 0700. With Tighten::Own the
    // directory itself is set to 0700 even when it existed: for folders that are OpsDeck's
    // alone, made by an older version under a lax umask. Folders that existed before are
    // otherwise left as they are (a custom path may live in a shared folder).
    enum class Tighten { No, Own };
    static QString makeDirectory(const QString &directory, Tighten tighten = Tighten::No);

    // Creates file empty with 0600 when it does not exist, and sets an existing one to 0600.
    // Programs that keep the permissions of the file they replace or extend (QSaveFile behind
    // QSettings, SQLite for its -wal and -shm files) then keep it private.
    static QString makeFile(const QString &file);

    // Sets file to 0600 when it exists; nothing when it does not.
    static QString tightenIfExists(const QString &file);

    // The settings file of QSettings (its path from QSettings::fileName()) and its folder,
    // private before the first write: QSettings creates both with the umask's permissions.
    static QString prepareSettingsFile(const QString &settingsFile);
};

} // namespace OpsDeck
