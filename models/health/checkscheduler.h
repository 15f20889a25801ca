// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"
#include "models/health/hostmetrics.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

namespace OpsDeck {

class CheckExecutor;
class HostMetricsPoller;

// Runs the planned checks again and again in the background: each at its own interval, the
// first runs spread over the first interval and every later one moved by up to a tenth of it
// (jitter), so 200 checks do not fire in the same second. A check that keeps failing to reach
// its service waits longer each time (twice the interval, then four times, up to 10 minutes);
// its first good answer resets it. At most maxConcurrent checks run at once.
//
// Host metrics are not polled here one by one: each host gets a HostMetricsPoller (one
// streaming command per polling session) whose samples become results of the host's check.
class CheckScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckScheduler)

public:
    // executor runs the one-shot checks; pollerFactory makes the poller of a host check
    // (null: host metrics are run once per interval through executor instead).
    using PollerFactory = std::function<HostMetricsPoller *(const CheckSpec &spec)>;
    CheckScheduler(CheckExecutor *executor, PollerFactory pollerFactory, QObject *parent = nullptr);
    ~CheckScheduler() override;

    // Replaces the plan; checks whose id stays keep their timing and back-off.
    void setPlan(const QList<CheckSpec> &plan);
    const QList<CheckSpec> &plan() const { return m_plan; }

    void start();
    // Stops scheduling new runs (running ones finish) and pauses the pollers.
    void pause();
    bool isPaused() const { return m_paused; }
    // Runs every check now (or one), whatever its timer says, even while paused.
    void refreshNow();
    void refreshNow(const QString &checkId);

    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    // The longest back-off (10 minutes by default); for tests.
    void setMaxBackoffSeconds(int seconds) { m_maxBackoffSeconds = seconds; }
    // When checkId runs next, relative to now (ms); -1 when it is not scheduled.
    qint64 msUntilNextRun(const QString &checkId) const;
    // How many failed runs in a row checkId has had (what its back-off grows with).
    int consecutiveFailures(const QString &checkId) const;

Q_SIGNALS:
    void resultReady(const OpsDeck::CheckResult &result);
    // Every sample of a host, for the cards' sparklines (the result carries the judgement).
    void hostSampled(const QString &checkId, const OpsDeck::HostMetrics &metrics);
    void checkStarted(const QString &checkId);
    void pausedChanged(bool paused);

private:
    struct Entry {
        CheckSpec spec;
        qint64 dueMs = 0; // on m_clock
        int failures = 0;
        bool queued = false;
        HostMetricsPoller *poller = nullptr;
    };

    void tick();
    void launch(Entry &entry);
    void onFinished(const CheckResult &result);
    void reschedule(Entry &entry);
    qint64 jitterMs(int intervalSeconds);
    void startPoller(Entry &entry);

    CheckExecutor *m_executor;
    PollerFactory m_pollerFactory;
    QList<CheckSpec> m_plan;
    QHash<QString, Entry> m_entries;
    QStringList m_queue; // due, waiting for a free slot, oldest first
    QElapsedTimer m_clock;
    QTimer m_ticker;
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
    int m_maxConcurrent = 16;
    int m_maxBackoffSeconds = 600;
    bool m_paused = true;
};

// Whether result says the service could not be reached or judged (what back-off is for), as
// opposed to a service that answered with a bad value.
bool isFailedRun(const CheckResult &result);

} // namespace OpsDeck
