// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkbatch.h"

#include "models/health/checkexecutor.h"
#include "models/health/healthdependencies.h"

#include <algorithm>

namespace OpsDeck {

CheckBatch::CheckBatch(CheckExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
{
    connect(executor, &CheckExecutor::finished, this, &CheckBatch::onFinished);
}

CheckBatch::~CheckBatch()
{
    if (m_executor) {
        for (const QString &id : std::as_const(m_inFlight))
            m_executor->abort(id);
    }
}

void CheckBatch::start(const QList<CheckSpec> &plan)
{
    if (m_running)
        cancel();
    m_plan = plan;
    m_results.clear();
    m_waiting.clear();
    m_inFlight.clear();
    m_done = 0;
    for (const CheckSpec &spec : plan) {
        if (!m_waiting.contains(spec.id))
            m_waiting.append(spec.id);
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_finishedAt = {};
    m_running = true;
    Q_EMIT progress(0, int(m_waiting.size()));
    if (m_waiting.isEmpty()) {
        finish();
        return;
    }
    launchMore();
}

void CheckBatch::launchMore()
{
    while (m_running && !m_waiting.isEmpty() && m_inFlight.size() < m_maxConcurrent) {
        const QString id = m_waiting.takeFirst();
        for (const CheckSpec &spec : std::as_const(m_plan)) {
            if (spec.id != id)
                continue;
            m_inFlight.append(id);
            m_executor->run(spec);
            break;
        }
    }
}

void CheckBatch::onFinished(const CheckResult &result)
{
    if (!m_running || !m_inFlight.removeOne(result.checkId))
        return;
    ++m_done;
    m_results.insert(result.checkId, result);
    Q_EMIT resultReady(result);
    addDependencyRows(result);
    Q_EMIT progress(m_done, int(m_done + m_inFlight.size() + m_waiting.size()));
    if (m_inFlight.isEmpty() && m_waiting.isEmpty())
        finish();
    else
        launchMore();
}

void CheckBatch::addDependencyRows(const CheckResult &result)
{
    if (!result.dependencies || result.dependencies->isEmpty())
        return;
    const auto parent = std::ranges::find(m_plan, result.checkId, &CheckSpec::id);
    if (parent == m_plan.end())
        return;
    const CheckSpec check = *parent;
    qsizetype at = std::distance(m_plan.begin(), parent) + 1;
    const QStringList &dependencies = *result.dependencies;
    const QList<CheckResult> rows = dependencyResults(result, dependencies);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (m_results.contains(rows[i].checkId))
            continue; // an id the plan has already
        m_plan.insert(at++, dependencyCheckSpec(check, dependencies[i]));
        m_results.insert(rows[i].checkId, rows[i]);
        Q_EMIT resultReady(rows[i]);
    }
}

void CheckBatch::cancel()
{
    if (!m_running)
        return;
    const QStringList unfinished = m_inFlight + m_waiting;
    for (const QString &id : std::as_const(m_inFlight)) {
        if (m_executor)
            m_executor->abort(id);
    }
    m_inFlight.clear();
    m_waiting.clear();
    for (const QString &id : unfinished) {
        CheckResult result;
        result.checkId = id;
        result.time = QDateTime::currentDateTimeUtc();
        result.verdict = Verdict::Unknown;
        result.error = tr("cancelled before it answered");
        result.summary = result.error;
        m_results.insert(id, result);
    }
    finish();
}

void CheckBatch::finish()
{
    m_running = false;
    m_finishedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished();
}

Verdict CheckBatch::overall() const
{
    Verdict worst = Verdict::Ok;
    for (const CheckSpec &spec : m_plan) {
        const auto it = m_results.constFind(spec.id);
        worst = worseForExitCode(worst, it == m_results.cend() ? Verdict::Unknown : it->verdict);
    }
    return worst;
}

} // namespace OpsDeck
