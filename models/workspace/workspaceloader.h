// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"
#include "models/workspace/workspace.h"

#include <QByteArray>

namespace OpsDeck {

struct WorkspaceLoadResult {
    Workspace workspace; // whatever could be read; only trust it when ok()
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

// Real workspaces are a few kilobytes; the cap keeps a wrongly chosen file (a log, a dump)
// from stalling the loader.
inline constexpr qint64 MaximumWorkspaceFileSize = 4 * 1024 * 1024;

// Parses the YAML text of a workspace. fileName is used in diagnostics and stored as the
// workspace's file path. Never throws; every problem becomes a Diagnostic.
WorkspaceLoadResult parseWorkspace(const QByteArray &text, const QString &fileName);

// Reads and parses a file from disk.
WorkspaceLoadResult loadWorkspaceFile(const QString &path);

} // namespace OpsDeck
