// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/hostmetricspoller.h"

#include "models/core/background.h"
#include "models/remote/commandrunner.h"

#include <QCoreApplication>

#include <utility>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HostMetrics)
};

} // namespace

HostMetricsPoller::HostMetricsPoller(const QString &hostName, CommandRunner *runner,
                                     ExecutorLookup executorFor, int intervalSeconds,
                                     QObject *parent)
    : QObject(parent)
    , m_hostName(hostName)
    , m_runner(runner)
    , m_executorFor(std::move(executorFor))
    , m_intervalMs(std::max(1, intervalSeconds) * 1000)
{
    m_next.setSingleShot(true);
    m_watchdog.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, [this] {
        if (isLocal())
            pollLocal();
        else
            startRemote();
    });
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        // finished() follows and schedules the retry with this reason.
        m_silence = Text::tr("no metrics for %1 s").arg(m_watchdog.interval() / 1000);
        if (m_run)
            m_run->cancel();
    });
}

HostMetricsPoller::HostMetricsPoller(const QString &hostName, int intervalSeconds, QObject *parent)
    : HostMetricsPoller(hostName, nullptr, {}, intervalSeconds, parent)
{
}

HostMetricsPoller::~HostMetricsPoller()
{
    // Deleting the run cancels the remote command; a local read in a worker finishes alone.
    delete m_run;
}

void HostMetricsPoller::setRetryDelays(int firstMs, int maxMs)
{
    m_retryDelay.setLimits(firstMs, maxMs);
}

void HostMetricsPoller::start()
{
    if (m_running)
        return;
    m_running = true;
    m_retryDelay.reset();
    m_next.start(0);
}

void HostMetricsPoller::pause()
{
    m_running = false;
    m_next.stop();
    m_watchdog.stop();
    if (CommandRun *run = std::exchange(m_run, nullptr)) {
        // Kept until it has finished, so the runner closes its audit row.
        run->disconnect(this);
        connect(run, &CommandRun::finished, run, &QObject::deleteLater);
        run->cancel();
    }
    m_pending.clear();
}

void HostMetricsPoller::startRemote()
{
    if (!m_running || m_run)
        return;
    Executor *executor = m_executorFor ? m_executorFor(m_hostName) : nullptr;
    if (!executor) {
        fail(Text::tr("host %1 is not in the workspace").arg(m_hostName));
        return;
    }
    CommandRequest request;
    request.script = hostMetricsStreamScript(m_intervalMs / 1000);
    request.risk = Risk::Read;
    m_pending.clear();
    m_run = m_runner->run(executor, request, this);
    connect(m_run, &CommandRun::standardOutput, this, &HostMetricsPoller::takeOutput);
    connect(m_run, &CommandRun::finished, this, [this](const CommandResult &result) {
        CommandRun *run = m_run;
        m_run = nullptr;
        if (run)
            run->deleteLater();
        m_watchdog.stop();
        if (!m_running)
            return;
        const QString silence = std::exchange(m_silence, QString());
        fail(!silence.isEmpty()       ? silence
             : result.error.isEmpty() ? result.summary()
                                      : result.error);
    });
    // The first snapshot comes at once; later ones every interval.
    m_watchdog.start(3 * m_intervalMs + 15000);
}

void HostMetricsPoller::takeOutput(const QByteArray &data)
{
    m_pending += data;
    qsizetype end = 0;
    while ((end = m_pending.indexOf(HostSnapshotEnd)) >= 0) {
        const qsizetype length = end + qsizetype(qstrlen(HostSnapshotEnd));
        const QByteArray one = m_pending.left(length);
        m_pending.remove(0, length);
        takeSnapshot(one);
    }
    // A stream that prints without ever ending a snapshot is not the script's.
    if (m_pending.size() > 4 * 1024 * 1024) {
        m_pending.clear();
        if (m_run)
            m_run->cancel();
    }
}

void HostMetricsPoller::takeSnapshot(const QByteArray &output)
{
    HostSnapshot snapshot = parseHostSnapshot(output, QDateTime::currentDateTimeUtc());
    if (snapshot.isEmpty()) {
        fail(snapshot.errors.isEmpty() ? Text::tr("no metrics in the output")
                                       : snapshot.errors.first());
        return;
    }
    if (!isLocal())
        m_watchdog.start(3 * m_intervalMs + 15000);
    m_retryDelay.reset();
    const HostMetrics metrics = hostMetricsBetween(m_last, snapshot);
    m_last = std::move(snapshot);
    Q_EMIT sampled(metrics);
}

void HostMetricsPoller::pollLocal()
{
    if (!m_running || m_localBusy)
        return;
    m_localBusy = true;
    runInBackground(
        this, [] { return readLocalHostMetricsOutput(); },
        [this](const QByteArray &output) {
            m_localBusy = false;
            if (!m_running)
                return;
            takeSnapshot(output);
            if (m_running && !m_next.isActive())
                m_next.start(m_intervalMs);
        });
}

void HostMetricsPoller::fail(const QString &reason)
{
    if (!m_running)
        return;
    const int delay = m_retryDelay.next();
    // A remote session still running (a bad snapshot) goes on; only a dead one is retried.
    if (isLocal() || !m_run)
        m_next.start(delay);
    Q_EMIT failed(reason);
}

} // namespace OpsDeck
