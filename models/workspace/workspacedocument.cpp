// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspacedocument.h"

#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace OpsDeck {

namespace {

struct LoadedFile {
    QByteArray text;
    QByteArray sshConfig;
    WorkspaceLoadResult result;
};

QString sshConfigFile(const QString &configured)
{
    return configured.isEmpty() ? QDir::homePath() + u"/.ssh/config" : configured;
}

// Runs in the thread pool: the workspace file (or the built-in workspace when path is empty)
// with the hosts of the ssh configuration added.
LoadedFile readAndParse(const QString &path, const QString &sshConfigPath)
{
    LoadedFile loaded;
    if (path.isEmpty()) {
        loaded.result.workspace = builtInWorkspace();
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > MaximumWorkspaceFileSize)
            return {{}, {}, loadWorkspaceFile(path)}; // says why, in the CLI's words
        loaded.text = file.readAll();
        loaded.result = parseWorkspace(loaded.text, path);
    }
    QFile sshConfig(sshConfigFile(sshConfigPath));
    if (loaded.result.ok() && sshConfig.open(QIODevice::ReadOnly)) {
        loaded.sshConfig = sshConfig.readAll();
        addSshConfigHosts(loaded.result.workspace, sshConfig.fileName());
    }
    return loaded;
}

} // namespace

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_workspace(builtInWorkspace())
{
    // Editors save by writing a new file and renaming it; wait for the dust to settle.
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(150);
    connect(&m_reloadDelay, &QTimer::timeout, this, &WorkspaceDocument::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &WorkspaceDocument::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &WorkspaceDocument::onFileChanged);
    startLoad(); // the built-in workspace with the ssh configuration's hosts
}

WorkspaceDocument::~WorkspaceDocument() = default;

bool WorkspaceDocument::isShowingStaleWorkspace() const
{
    return !m_filePath.isEmpty() && hasErrors(m_diagnostics);
}

void WorkspaceDocument::open(const QString &path)
{
    m_filePath = QFileInfo(path).absoluteFilePath();
    watch(m_filePath);
    startLoad();
}

void WorkspaceDocument::reload()
{
    startLoad();
}

void WorkspaceDocument::useBuiltIn()
{
    ++m_generation; // drop any load still running
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_filePath.clear();
    m_loadedText.clear();
    m_loadedSshConfig.clear();
    m_workspace = builtInWorkspace();
    m_diagnostics.clear();
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
    Q_EMIT diagnosticsChanged();
    Q_EMIT workspaceChanged();
    startLoad(); // adds the ssh configuration's hosts in the background
}

void WorkspaceDocument::startLoad()
{
    const quint64 generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    auto *watcher = new QFutureWatcher<LoadedFile>(this);
    connect(watcher, &QFutureWatcher<LoadedFile>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer load or useBuiltIn() came after this one
        LoadedFile loaded = watcher->result();
        m_loading = false;
        Q_EMIT loadingChanged(false);
        m_diagnostics = loaded.result.diagnostics;
        const bool ok = loaded.result.ok();
        Q_EMIT diagnosticsChanged();
        if (!ok) {
            Q_EMIT loadFailed(m_filePath);
            return;
        }
        if (loaded.text == m_loadedText && loaded.sshConfig == m_loadedSshConfig &&
            m_workspace.filePath == m_filePath)
            return; // touched but unchanged: keep views as they are
        m_loadedText = loaded.text;
        m_loadedSshConfig = loaded.sshConfig;
        m_workspace = std::move(loaded.result.workspace);
        Q_EMIT workspaceChanged();
    });
    watcher->setFuture(QtConcurrent::run(readAndParse, m_filePath, m_sshConfigPath));
}

void WorkspaceDocument::watch(const QString &path)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    // The directory too: a file replaced by rename, or deleted and re-created, drops out of
    // the file watch.
    m_watcher.addPath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path))
        m_watcher.addPath(path);
}

void WorkspaceDocument::onFileChanged()
{
    if (m_filePath.isEmpty())
        return;
    if (!m_watcher.files().contains(m_filePath) && QFileInfo::exists(m_filePath))
        m_watcher.addPath(m_filePath);
    m_reloadDelay.start();
}

QString WorkspaceDocument::applyEdit(const TextEdit &edit)
{
    if (m_filePath.isEmpty())
        return tr("The built-in workspace cannot be edited; open or create a workspace file "
                  "first.");
    if (isShowingStaleWorkspace())
        return tr("%1 has errors; fix them in the file before editing it here.")
            .arg(QFileInfo(m_filePath).fileName());
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(m_filePath, file.errorString());
    const QByteArray current = file.readAll();
    file.close();
    if (current != m_loadedText) {
        reload();
        return tr("%1 changed on disk since it was loaded. It is being reloaded; make the change "
                  "again.")
            .arg(QFileInfo(m_filePath).fileName());
    }
    const YamlTextEdit::Result edited = edit(current);
    if (!edited.ok())
        return edited.error;
    WorkspaceLoadResult check = parseWorkspace(edited.text, m_filePath);
    if (!check.ok()) {
        const auto firstError = std::ranges::find_if(check.diagnostics, &Diagnostic::isError);
        return tr("The change would make the workspace invalid, so it was not saved: %1")
            .arg(firstError->toString());
    }
    QSaveFile save(m_filePath);
    if (!save.open(QIODevice::WriteOnly) || save.write(edited.text) != edited.text.size() ||
        !save.commit())
        return tr("Cannot save %1: %2").arg(m_filePath, save.errorString());
    // Show the result at once; the watcher's reload will find the same text and do nothing.
    m_loadedText = edited.text;
    addSshConfigHosts(check.workspace, sshConfigFile(m_sshConfigPath));
    m_workspace = std::move(check.workspace);
    m_diagnostics = check.diagnostics;
    Q_EMIT diagnosticsChanged();
    Q_EMIT workspaceChanged();
    return {};
}

} // namespace OpsDeck
