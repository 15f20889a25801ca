// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/healthmonitor.h"

#include "models/health/healthdependencies.h"
#include "models/health/hostmetricspoller.h"

namespace OpsDeck {

HealthMonitor::HealthMonitor(CheckServices services, StateStore *store, QObject *parent)
    : QObject(parent)
    , m_executor(std::make_unique<CheckExecutor>(std::move(services)))
    , m_history(store)
{
    CheckExecutor *executor = m_executor.get();
    m_scheduler = std::make_unique<CheckScheduler>(
        executor, [executor](const CheckSpec &spec) -> HostMetricsPoller * {
            const CheckServices &reach = executor->services();
            if (spec.hostIsLocal)
                return new HostMetricsPoller(spec.host, spec.intervalSeconds);
            if (!reach.runner || !reach.executorFor)
                return nullptr;
            return new HostMetricsPoller(spec.host, reach.runner, reach.executorFor,
                                         spec.intervalSeconds);
        });
    connect(m_scheduler.get(), &CheckScheduler::resultReady, this, &HealthMonitor::onResult);
    connect(m_scheduler.get(), &CheckScheduler::hostSampled, this, &HealthMonitor::hostSampled);
    connect(&m_history, &CheckHistoryStore::writeFailed, this, &HealthMonitor::historyProblem);
    connect(m_executor.get(), &CheckExecutor::alertsRead, &m_board, &HealthBoardModel::setAlerts);
}

HealthMonitor::~HealthMonitor()
{
    // The scheduler's pollers and runs go before the executor they use.
    m_scheduler.reset();
    m_executor.reset();
}

void HealthMonitor::setWorkspace(const Workspace &workspace)
{
    m_executor->setWorkspace(workspace);
    const QList<CheckSpec> plan = planChecks(workspace);
    m_plan = plan;
    QStringList ids;
    for (const CheckSpec &spec : plan)
        ids.append(spec.id);
    // The dependency rows of checks that stay, stay (their next answer updates them).
    m_dependencies.removeIf(
        [&ids](QHash<QString, QStringList>::iterator entry) { return !ids.contains(entry.key()); });
    updateBoardPlan();
    m_scheduler->setPlan(plan);
    ++m_generation;
    loadHistory(ids);
    Q_EMIT workspaceChanged();
}

void HealthMonitor::loadHistory(const QStringList &checkIds)
{
    const quint64 generation = m_generation;
    m_history.load(checkIds, this,
                   [this, generation](const QHash<QString, QList<CheckResult>> &history,
                                      const QString &error) {
                       if (generation != m_generation)
                           return;
                       if (!error.isEmpty())
                           Q_EMIT historyProblem(error);
                       m_board.addHistory(history);
                   });
}

void HealthMonitor::setReportedChecks(const QString &source, const QList<CheckSpec> &specs)
{
    if (specs.isEmpty())
        m_reported.remove(source);
    else
        m_reported.insert(source, specs);
    updateBoardPlan();
}

void HealthMonitor::reportResult(const CheckResult &result)
{
    for (const QList<CheckSpec> &specs : std::as_const(m_reported)) {
        for (const CheckSpec &spec : specs) {
            if (spec.id == result.checkId) {
                onResult(result);
                return;
            }
        }
    }
}

void HealthMonitor::updateBoardPlan()
{
    QList<CheckSpec> rows;
    for (const CheckSpec &spec : std::as_const(m_plan)) {
        rows.append(spec);
        for (const QString &dependency : m_dependencies.value(spec.id))
            rows.append(dependencyCheckSpec(spec, dependency));
    }
    for (const QList<CheckSpec> &specs : std::as_const(m_reported))
        rows.append(specs);
    m_board.setPlan(rows);
}

void HealthMonitor::start()
{
    m_history.prune();
    m_scheduler->start();
}

void HealthMonitor::onResult(const CheckResult &result)
{
    m_board.addResult(result);
    m_history.append(result);
    updateDependencies(result);
}

void HealthMonitor::updateDependencies(const CheckResult &result)
{
    const QStringList shown = m_dependencies.value(result.checkId);
    if (!result.dependencies && shown.isEmpty())
        return;
    const QStringList dependencies = result.dependencies.value_or(shown);
    if (dependencies != shown) {
        QStringList added;
        for (const QString &dependency : dependencies) {
            if (!shown.contains(dependency))
                added.append(dependencyCheckId(result.checkId, dependency));
        }
        if (dependencies.isEmpty())
            m_dependencies.remove(result.checkId);
        else
            m_dependencies.insert(result.checkId, dependencies);
        updateBoardPlan();
        // Asked before the first result below is written, so it is not read back twice.
        if (!added.isEmpty())
            loadHistory(added);
    }
    for (const CheckResult &row : dependencyResults(result, dependencies)) {
        m_board.addResult(row);
        m_history.append(row);
    }
}

} // namespace OpsDeck
