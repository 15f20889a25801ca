// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbookparser.h"
#include "models/workspace/workspace.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace OpsDeck {

class CommandRunner;
class Executor;
class RunbookLibrary;
class RunbookSession;
class RunbookView;

// Any Markdown runbook as a checklist whose steps run on a chosen host: the library (built-in
// runbooks, the workspace's and the user's folders) on the left, the open runbook on the right.
class RunbooksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbooksPage)

public:
    using ExecutorProvider = std::function<Executor *(const QString &hostName)>;

    RunbooksPage(CommandRunner *runner, ExecutorProvider executors, RunbookLibrary *library,
                 QWidget *parent = nullptr);
    ~RunbooksPage() override;

    void setWorkspace(const Workspace &workspace);
    // Reads and opens a runbook file in the background; errors show on the page.
    void openFile(const QString &path);
    void openFileDialog();
    void addFolderDialog();

    RunbookSession *session() const { return m_session; }
    RunbookView *view() const { return m_view; }
    QTreeView *list() const { return m_list; }
    QString openPath() const { return m_openPath; }

Q_SIGNALS:
    // "Start incident with this runbook".
    void incidentRequested(const QString &runbookPath);

private:
    void openEntry(const QModelIndex &index);
    void showRunbook(const Runbook &runbook, const QString &path);
    void updateFolders();

    RunbookSession *m_session;
    RunbookLibrary *m_library;
    Workspace m_workspace;
    QString m_openPath;
    quint64 m_lastRead = 0; // the newest openFile()'s number; only its file is shown

    QSplitter *m_splitter;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_list;
    QLabel *m_message;
    QPushButton *m_incidentButton;
    RunbookView *m_view;
    QStackedWidget *m_viewStack = nullptr; // an explanation until a runbook is open, then m_view
};

} // namespace OpsDeck
