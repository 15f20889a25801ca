// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerlistmodel.h"
#include "models/containers/containerpoller.h"

#include <QHash>
#include <QObject>

#include <map>
#include <memory>

namespace OpsDeck {

// The Containers page's engine, built once by the composition root: one poller per workspace
// host whose containers are not turned off, all feeding one list model. Polls only while
// active (the page is shown, or the headless command runs), so hidden pages cost the hosts
// nothing.
class ContainerMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerMonitor)

public:
    ContainerMonitor(CommandRunner *runner, ContainerPoller::ExecutorLookup executorFor,
                     QObject *parent = nullptr);
    ~ContainerMonitor() override;

    // The hosts to read: the workspace's, or only those named (empty: all).
    void setWorkspace(const Workspace &workspace, const QStringList &onlyHosts = {});
    const Workspace &workspace() const { return m_workspace; }
    // Settings a host is polled with: the workspace's, with its watched contexts added (for
    // actions: docker -H, podman --url).
    ContainerSettings settingsFor(const QString &host) const;
    // Kubernetes contexts polled on host besides its kube-contexts (the page keeps them in
    // QSettings). A change restarts that host's poller; a context no longer watched leaves
    // the list with its rows. Kept across setWorkspace(), also for hosts not in it yet.
    void setWatchedContexts(const QString &host, const QStringList &contexts);
    QStringList watchedContexts(const QString &host) const { return m_watched.value(host); }
    // For the headless command and tests.
    void setPollOptions(const ContainerPollOptions &options);

    void setActive(bool active);
    bool isActive() const { return m_active; }
    void refreshNow();
    void refreshHost(const QString &host);

    ContainerListModel *list() { return &m_list; }
    QStringList hosts() const;

Q_SIGNALS:
    // once mode: every poller has ended.
    void finished();

private:
    void rebuild();

    CommandRunner *m_runner;
    ContainerPoller::ExecutorLookup m_executorFor;
    Workspace m_workspace;
    QStringList m_onlyHosts;
    ContainerPollOptions m_options;
    std::map<QString, std::unique_ptr<ContainerPoller>> m_pollers;
    QHash<QString, QStringList> m_watched; // host: contexts watched from the page
    ContainerListModel m_list;
    bool m_active = false;
    int m_running = 0; // once mode: pollers that have not finished
};

} // namespace OpsDeck
