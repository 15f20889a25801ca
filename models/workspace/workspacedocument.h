// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"
#include "models/workspace/workspace.h"
#include "models/workspace/yamltextedit.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <functional>

namespace OpsDeck {

// The workspace the application shows: the built-in "This computer" or a YAML file that is
// loaded in the background, reloaded when it changes on disk, and edited in place. A file
// with errors never replaces the workspace on screen and is never written.
class WorkspaceDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceDocument)

public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    // The active workspace: the last version that loaded without errors, or the built-in one.
    const Workspace &workspace() const { return m_workspace; }
    // The file being followed, even while it has errors; empty for the built-in workspace.
    QString filePath() const { return m_filePath; }
    // Diagnostics of the latest load of filePath().
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool isLoading() const { return m_loading; }
    // True while filePath() has errors and an older workspace is still on screen.
    bool isShowingStaleWorkspace() const;

    // Loads path in the background; workspaceChanged() or diagnosticsChanged() follow.
    void open(const QString &path);
    void reload();
    void useBuiltIn();
    // Where the OpenSSH client configuration is read from (default ~/.ssh/config); its hosts
    // are shown after the workspace's own.
    void setSshConfigPath(const QString &path) { m_sshConfigPath = path; }

    // Applies edit to the file's current text, checks the result loads without errors and
    // writes it atomically. Returns an empty string on success, else what went wrong.
    using TextEdit = std::function<YamlTextEdit::Result(const QByteArray &)>;
    QString applyEdit(const TextEdit &edit);

Q_SIGNALS:
    void workspaceChanged();
    void diagnosticsChanged();
    void loadingChanged(bool loading);
    // The file given to open() could not be followed (missing, unreadable, erroneous).
    void loadFailed(const QString &path);

private:
    void startLoad();
    void watch(const QString &path);
    void onFileChanged();

    Workspace m_workspace;
    QString m_filePath;
    QByteArray m_loadedText;      // the text m_workspace came from, to detect edits from outside
    QByteArray m_loadedSshConfig; // and the ssh configuration it showed
    QString m_sshConfigPath;
    Diagnostics m_diagnostics;
    bool m_loading = false;
    quint64 m_generation = 0; // stale loads are dropped by generation
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
};

} // namespace OpsDeck
