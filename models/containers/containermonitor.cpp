// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containermonitor.h"

namespace OpsDeck {

ContainerMonitor::ContainerMonitor(CommandRunner *runner,
                                   ContainerPoller::ExecutorLookup executorFor, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_executorFor(std::move(executorFor))
{
}

ContainerMonitor::~ContainerMonitor() = default;

void ContainerMonitor::setWorkspace(const Workspace &workspace, const QStringList &onlyHosts)
{
    m_workspace = workspace;
    m_onlyHosts = onlyHosts;
    rebuild();
}

ContainerSettings ContainerMonitor::settingsFor(const QString &host) const
{
    for (const Environment &environment : m_workspace.environments) {
        for (const Host &candidate : environment.hosts) {
            if (candidate.name == host)
                return withWatchedContexts(candidate.containers, m_watched.value(host));
        }
    }
    return {};
}

void ContainerMonitor::setWatchedContexts(const QString &host, const QStringList &contexts)
{
    const QStringList before = m_watched.value(host);
    if (before == contexts)
        return;
    if (contexts.isEmpty())
        m_watched.remove(host);
    else
        m_watched.insert(host, contexts);
    rebuild();
    // The new poller has no word on a context it does not poll: its rows go now. One the
    // workspace names stays (it is still polled).
    const QStringList named = settingsFor(host).kubeContexts;
    for (const QString &context : before) {
        if (contexts.contains(context) || named.contains(context))
            continue;
        ContainerSource source;
        source.host = host;
        source.runtime = ContainerRuntime::Kubernetes;
        source.context = context;
        m_list.removeSource(source.key());
    }
}

void ContainerMonitor::setPollOptions(const ContainerPollOptions &options)
{
    m_options = options;
    rebuild();
}

void ContainerMonitor::rebuild()
{
    std::map<QString, std::unique_ptr<ContainerPoller>> kept;
    for (const Environment &environment : m_workspace.environments) {
        for (const Host &host : environment.hosts) {
            if (!host.containers.enabled || kept.count(host.name) ||
                (!m_onlyHosts.isEmpty() && !m_onlyHosts.contains(host.name)))
                continue;
            // A host whose settings did not change keeps its poller, and its rows.
            const ContainerSettings settings =
                withWatchedContexts(host.containers, m_watched.value(host.name));
            auto old = m_pollers.find(host.name);
            if (old != m_pollers.end() && old->second->settings() == settings) {
                kept.emplace(host.name, std::move(old->second));
                continue;
            }
            auto poller =
                std::make_unique<ContainerPoller>(host.name, settings, m_runner, m_executorFor);
            ContainerPollOptions options = m_options;
            if (!options.once)
                options.intervalSeconds = settings.intervalSeconds;
            poller->setOptions(options);
            connect(poller.get(), &ContainerPoller::sourceChanged, &m_list,
                    &ContainerListModel::updateSource);
            connect(poller.get(), &ContainerPoller::finished, this, [this] {
                if (--m_running == 0)
                    Q_EMIT finished();
            });
            kept.emplace(host.name, std::move(poller));
        }
    }
    for (auto &[name, poller] : m_pollers) {
        if (poller && !kept.count(name))
            m_list.removeHost(name);
    }
    m_pollers = std::move(kept);
    if (m_active) {
        m_active = false;
        setActive(true);
    }
}

void ContainerMonitor::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_running = 0;
    for (auto &[name, poller] : m_pollers) {
        if (active) {
            ++m_running;
            poller->start();
        } else {
            poller->stop();
        }
    }
    if (active && m_options.once && m_running == 0)
        Q_EMIT finished();
}

void ContainerMonitor::refreshNow()
{
    for (auto &[name, poller] : m_pollers)
        poller->refreshNow();
}

void ContainerMonitor::refreshHost(const QString &host)
{
    const auto found = m_pollers.find(host);
    if (found != m_pollers.end())
        found->second->refreshNow();
}

QStringList ContainerMonitor::hosts() const
{
    QStringList names;
    for (const auto &[name, poller] : m_pollers)
        names.append(name);
    return names;
}

} // namespace OpsDeck
