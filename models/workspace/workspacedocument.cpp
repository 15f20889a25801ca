// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspacedocument.h"

#include "models/core/background.h"
#include "models/core/filewriter.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

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

struct WorkspaceDocument::EditOutcome {
    enum class Kind { Saved, ChangedOnDisk, Refused };
    Kind kind = Kind::Refused;
    QString error;              // for Refused
    QByteArray text;            // for Saved: what the file holds now
    WorkspaceLoadResult result; // for Saved: the workspace it loads to
};

void WorkspaceDocument::applyEdit(TextEdit edit, QObject *context, EditDone done)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Q_ASSERT(context && context->thread() == thread());
    const auto refuse = [context, &done](const QString &error) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
    };
    if (m_filePath.isEmpty())
        return refuse(tr("The built-in workspace cannot be edited; open or create a workspace "
                         "file first."));
    if (isShowingStaleWorkspace())
        return refuse(tr("%1 has errors; fix them in the file before editing it here.")
                          .arg(QFileInfo(m_filePath).fileName()));
    if (m_editing)
        return refuse(tr("The previous change to %1 is still being saved; try again when it is "
                         "done.")
                          .arg(QFileInfo(m_filePath).fileName()));
    m_editing = true;

    // Runs in the thread pool, on copies.
    const auto work = [path = m_filePath, loadedText = m_loadedText,
                       sshConfigPath = sshConfigFile(m_sshConfigPath),
                       edit = std::move(edit)]() -> EditOutcome {
        const auto refused = [](const QString &error) {
            return EditOutcome{EditOutcome::Kind::Refused, error, {}, {}};
        };
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return refused(tr("Cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray current = file.readAll();
        file.close();
        if (current != loadedText)
            return {EditOutcome::Kind::ChangedOnDisk, {}, {}, {}};
        const YamlTextEdit::Result edited = edit(current);
        if (!edited.ok())
            return refused(edited.error);
        WorkspaceLoadResult check = parseWorkspace(edited.text, path);
        if (!check.ok()) {
            const auto firstError = std::ranges::find_if(check.diagnostics, &Diagnostic::isError);
            return refused(
                tr("The change would make the workspace invalid, so it was not saved: %1")
                    .arg(firstError->toString()));
        }
        if (const FileWriteResult saved = FileWriter::save(path, edited.text); !saved.ok())
            return refused(saved.errorMessage());
        addSshConfigHosts(check.workspace, sshConfigPath);
        return {EditOutcome::Kind::Saved, {}, edited.text, std::move(check)};
    };
    // The answer comes back through this document (which applies it even when context is
    // gone), then goes on to context if it is still there.
    runInBackground(this, work,
                    [this, path = m_filePath, context = QPointer<QObject>(context),
                     done = std::move(done)](const EditOutcome &outcome) {
                        const QString error = finishEdit(path, outcome);
                        if (context)
                            done(error);
                    });
}

QString WorkspaceDocument::finishEdit(const QString &path, EditOutcome outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_editing = false;
    // The document follows another file (or none) since: nothing of this one to show.
    const bool stillFollowed = path == m_filePath;
    switch (outcome.kind) {
    case EditOutcome::Kind::Refused:
        return outcome.error;
    case EditOutcome::Kind::ChangedOnDisk:
        if (stillFollowed)
            reload();
        return tr("%1 changed on disk since it was loaded. It is being reloaded; make the change "
                  "again.")
            .arg(QFileInfo(path).fileName());
    case EditOutcome::Kind::Saved:
        break;
    }
    if (!stillFollowed || outcome.text == m_loadedText)
        return {}; // or the watcher's reload was quicker and shows it already
    // Show the result at once; the watcher's reload will find the same text and do nothing.
    m_loadedText = outcome.text;
    m_workspace = std::move(outcome.result.workspace);
    m_diagnostics = outcome.result.diagnostics;
    // A load that started before the save would bring back the old text: read again instead.
    if (m_loading)
        startLoad();
    Q_EMIT diagnosticsChanged();
    Q_EMIT workspaceChanged();
    return {};
}

} // namespace OpsDeck
