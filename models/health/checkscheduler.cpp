// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkscheduler.h"

#include "models/health/checkexecutor.h"
#include "models/health/hostmetricspoller.h"

#include <QCoreApplication>
#include <QPointer>

namespace OpsDeck {

bool isFailedRun(const CheckResult &result)
{
    // A filled error with no values: the service was not reached or could not be judged. A
    // service that answered (with values), however badly, is polled at its normal pace.
    return !result.error.isEmpty() && result.values.isEmpty();
}

CheckScheduler::CheckScheduler(CheckExecutor *executor, PollerFactory pollerFactory,
                               QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_pollerFactory(std::move(pollerFactory))
{
    m_clock.start();
    // One coarse timer for every check: 200 checks do not need 200 timers.
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &CheckScheduler::tick);
    connect(m_executor, &CheckExecutor::finished, this, &CheckScheduler::onFinished);
}

CheckScheduler::~CheckScheduler()
{
    for (Entry &entry : m_entries)
        delete entry.poller;
}

void CheckScheduler::setPlan(const QList<CheckSpec> &plan)
{
    QHash<QString, Entry> entries;
    const qint64 now = m_clock.elapsed();
    for (const CheckSpec &spec : plan) {
        auto existing = m_entries.find(spec.id);
        if (existing != m_entries.end()) {
            Entry entry = *existing;
            const bool pollerStale =
                entry.poller && entry.spec.intervalSeconds != spec.intervalSeconds;
            entry.spec = spec;
            if (pollerStale) {
                delete entry.poller;
                entry.poller = nullptr;
            }
            m_entries.erase(existing);
            entries.insert(spec.id, entry);
            continue;
        }
        Entry entry;
        entry.spec = spec;
        // Spread the first runs over the first interval (a tenth of it at most for short ones).
        entry.dueMs = now + jitterMs(spec.intervalSeconds) * (spec.intervalSeconds > 60 ? 1 : 3);
        entries.insert(spec.id, entry);
    }
    // What is no longer planned stops.
    for (Entry &gone : m_entries) {
        delete gone.poller;
        m_executor->abort(gone.spec.id);
    }
    m_entries = std::move(entries);
    m_plan = plan;
    m_queue.removeIf([this](const QString &id) { return !m_entries.contains(id); });
    if (!m_paused) {
        for (Entry &entry : m_entries) {
            if (!entry.poller)
                startPoller(entry);
        }
    }
}

void CheckScheduler::start()
{
    if (!m_paused)
        return;
    m_paused = false;
    for (Entry &entry : m_entries)
        startPoller(entry);
    m_ticker.start();
    tick();
    Q_EMIT pausedChanged(false);
}

void CheckScheduler::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_ticker.stop();
    m_queue.clear();
    for (Entry &entry : m_entries) {
        entry.queued = false;
        if (entry.poller)
            entry.poller->pause();
    }
    Q_EMIT pausedChanged(true);
}

void CheckScheduler::refreshNow()
{
    for (const CheckSpec &spec : std::as_const(m_plan))
        refreshNow(spec.id);
}

void CheckScheduler::refreshNow(const QString &checkId)
{
    auto it = m_entries.find(checkId);
    if (it == m_entries.end())
        return;
    if (it->poller) {
        // A poller reads again at once when it is restarted.
        it->poller->pause();
        it->poller->resume();
        if (m_paused)
            it->poller->pause();
        return;
    }
    // The back-off count stays: a manual run that fails again waits longer, as it should.
    it->dueMs = m_clock.elapsed();
    if (!it->queued && !m_executor->isRunning(checkId)) {
        it->queued = true;
        m_queue.append(checkId);
    }
    // Refresh works while paused too: run the queue once.
    const bool wasPaused = m_paused;
    m_paused = false;
    tick();
    m_paused = wasPaused;
}

qint64 CheckScheduler::msUntilNextRun(const QString &checkId) const
{
    const auto it = m_entries.constFind(checkId);
    if (it == m_entries.cend() || m_paused || it->poller)
        return -1;
    return qMax<qint64>(0, it->dueMs - m_clock.elapsed());
}

int CheckScheduler::consecutiveFailures(const QString &checkId) const
{
    return m_entries.value(checkId).failures;
}

void CheckScheduler::tick()
{
    if (m_paused)
        return;
    const qint64 now = m_clock.elapsed();
    // Due checks join the queue in the order they fell due.
    QList<std::pair<qint64, QString>> due;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.poller && !entry.queued && entry.dueMs <= now &&
            !m_executor->isRunning(entry.spec.id))
            due.append({entry.dueMs, entry.spec.id});
    }
    std::sort(due.begin(), due.end());
    for (const auto &[when, id] : std::as_const(due)) {
        m_entries[id].queued = true;
        m_queue.append(id);
    }
    while (!m_queue.isEmpty() && m_executor->runningCount() < m_maxConcurrent) {
        const QString id = m_queue.takeFirst();
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        it->queued = false;
        launch(*it);
    }
}

void CheckScheduler::launch(Entry &entry)
{
    // The next run is counted from this start, so a slow check does not drift the schedule.
    reschedule(entry);
    m_executor->run(entry.spec);
    Q_EMIT checkStarted(entry.spec.id);
}

void CheckScheduler::reschedule(Entry &entry)
{
    qint64 intervalMs = qint64(entry.spec.intervalSeconds) * 1000;
    if (entry.failures > 0) {
        // Back-off: twice, four times ... the interval, up to the maximum.
        const int shift = qMin(entry.failures, 10);
        intervalMs = qMin<qint64>(intervalMs << shift, qint64(m_maxBackoffSeconds) * 1000);
        intervalMs = qMax<qint64>(intervalMs, qint64(entry.spec.intervalSeconds) * 1000);
    }
    entry.dueMs = m_clock.elapsed() + intervalMs + jitterMs(entry.spec.intervalSeconds);
}

void CheckScheduler::onFinished(const CheckResult &result)
{
    auto it = m_entries.find(result.checkId);
    if (it != m_entries.end()) {
        const bool failed = isFailedRun(result);
        const int before = it->failures;
        it->failures = failed ? it->failures + 1 : 0;
        // The due time was set at launch with the old count: set it again with the new one.
        if (it->failures != before)
            reschedule(*it);
    }
    Q_EMIT resultReady(result);
    if (!m_paused)
        tick();
}

qint64 CheckScheduler::jitterMs(int intervalSeconds)
{
    const qint64 span = qMax<qint64>(1, qint64(intervalSeconds) * 100); // a tenth, in ms
    return qint64(m_random.bounded(quint64(span)));
}

void CheckScheduler::startPoller(Entry &entry)
{
    if (entry.spec.kind != CheckKind::HostMetrics || !m_pollerFactory)
        return;
    if (!entry.poller) {
        entry.poller = m_pollerFactory(entry.spec);
        if (!entry.poller)
            return;
        entry.poller->setParent(this);
        const CheckSpec spec = entry.spec;
        QList<Threshold> thresholds = m_executor->services().workspace.thresholds;
        connect(entry.poller, &HostMetricsPoller::sampled, this,
                [this, spec, thresholds](const HostMetrics &metrics) {
                    Q_EMIT hostSampled(spec.id, metrics);
                    Q_EMIT resultReady(judgeHostMetrics(metrics, thresholds, spec.id));
                });
        connect(entry.poller, &HostMetricsPoller::failed, this, [this, spec](const QString &why) {
            CheckResult result;
            result.checkId = spec.id;
            result.time = QDateTime::currentDateTimeUtc();
            result.verdict = Verdict::Critical;
            result.error =
                QCoreApplication::translate("CheckScheduler", "%1: %2").arg(spec.host, why);
            result.summary = result.error;
            Q_EMIT resultReady(result);
        });
        // The first sessions spread over the first interval: fifty SSH handshakes at once
        // would keep both cores (and the GUI thread with them) busy for a while.
        if (!entry.spec.hostIsLocal) {
            QPointer<HostMetricsPoller> poller = entry.poller;
            QTimer::singleShot(int(m_random.bounded(quint32(entry.spec.intervalSeconds) * 1000u)),
                               this, [this, poller] {
                                   if (poller && !m_paused)
                                       poller->start();
                               });
            return;
        }
    }
    entry.poller->start();
}

} // namespace OpsDeck
