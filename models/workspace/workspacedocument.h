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

    // Changes the file in the background: reads it, applies edit to its text, checks that the
    // result loads without errors and saves it atomically, all on a worker thread, so edit
    // must hold only copies. A file changed on disk since it was loaded is not overwritten but
    // reloaded; a workspace with errors on screen is not edited at all.
    //
    // The answer goes to done in context's thread (which must be this document's): an empty
    // string once saved (workspaceChanged() has been emitted by then), else a sentence saying
    // what went wrong. done is never called synchronously, nor once context is destroyed; the
    // edit itself goes on without it. One edit at a time: an edit requested while another is
    // being saved is refused and says so.
    using TextEdit = std::function<YamlTextEdit::Result(const QByteArray &)>;
    using EditDone = std::function<void(const QString &error)>;
    void applyEdit(TextEdit edit, QObject *context, EditDone done);
    // True from applyEdit() until its answer.
    bool isEditing() const { return m_editing; }

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
    struct EditOutcome;
    QString finishEdit(const QString &path, EditOutcome outcome);

    Workspace m_workspace;
    QString m_filePath;
    QByteArray m_loadedText;      // the text m_workspace came from, to detect edits from outside
    QByteArray m_loadedSshConfig; // and the ssh configuration it showed
    QString m_sshConfigPath;
    Diagnostics m_diagnostics;
    bool m_loading = false;
    bool m_editing = false;
    quint64 m_generation = 0; // stale loads are dropped by generation
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
};

} // namespace OpsDeck
