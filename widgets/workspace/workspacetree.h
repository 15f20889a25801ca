// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QModelIndex;
class QTreeView;

namespace OpsDeck {

class WorkspaceModel;
class WorkspaceTreeProxy;

// The workspace tree in the sidebar: a filter field over environments → hosts → resources,
// with icons per kind, a connection dot per host and a context menu. Expanded branches and the
// selection survive reloads of the workspace file.
class WorkspaceTree final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceTree)

public:
    explicit WorkspaceTree(WorkspaceModel *model, QWidget *parent = nullptr);
    ~WorkspaceTree() override;

    // Selects and reveals the item with this WorkspaceModel::IdRole.
    void selectId(const QString &id);
    QString currentId() const;
    QString currentHostName() const;
    void focusFilter();
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentItemChanged(const QString &id);
    void editHostRequested(const QString &hostName);
    void addHostRequested(const QString &environmentName);
    void runCommandRequested(const QString &hostName);
    // A log source chosen in the context menu, or activated (double click, Enter).
    void openLogRequested(const QString &hostName, const QString &logName);

private:
    void rememberExpansion();
    void restoreExpansion();
    void showContextMenu(const QPoint &position);

    WorkspaceModel *m_model;
    WorkspaceTreeProxy *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QStringList m_expandedIds;
    QStringList m_previousEnvironments;
    QString m_selectedId;
};

} // namespace OpsDeck
