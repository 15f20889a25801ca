// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/retrydelay.h"
#include "models/health/hostmetrics.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace OpsDeck {

class CommandRun;
class CommandRunner;
class Executor;

// Polls one host's metrics every few seconds and emits a sample per poll; never blocks the
// thread it lives in.
//
// A remote host runs hostMetricsStreamScript() through the CommandRunner: one command that
// prints a snapshot every interval until it is stopped. So the audit log gets one row per
// polling session (start, pause, reconnect), not one every 5 s: 50 hosts at 5 s would be
// 860,000 rows a day of the same read-only script, burying what operators did. The gate
// still judges the script (Read, so it runs in read-only mode) and the row says when polling
// ran and how it ended.
//
// This computer (no runner) reads /proc and statvfs() directly in a worker thread, and its
// failed units from systemctl run there too (at most 5 s): no shell, no audit row, the same
// parser; the window never waits for either.
//
// A failing host (the command ends, cannot start, or stays silent for three intervals) is
// retried after 5 s, doubling up to 60 s; the first good snapshot resets the delay.
class HostMetricsPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMetricsPoller)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;

    // A host reached through runner; executorFor may answer null (retried later).
    HostMetricsPoller(const QString &hostName, CommandRunner *runner, ExecutorLookup executorFor,
                      int intervalSeconds, QObject *parent = nullptr);
    // This computer.
    HostMetricsPoller(const QString &hostName, int intervalSeconds, QObject *parent = nullptr);
    ~HostMetricsPoller() override;

    QString hostName() const { return m_hostName; }
    bool isLocal() const { return m_runner == nullptr; }
    bool isRunning() const { return m_running; }
    std::optional<HostSnapshot> lastSnapshot() const { return m_last; }
    // The wait before the next attempt after a failure (grows while failures repeat).
    int retryDelayMs() const { return m_retryDelay.current(); }
    // For tests: the first and the longest wait after failures (5 s and 60 s by default).
    void setRetryDelays(int firstMs, int maxMs);

    void start();
    // Stops polling (a remote session ends: its audit row is closed); resume() starts again.
    void pause();
    void resume() { start(); }

Q_SIGNALS:
    void sampled(const OpsDeck::HostMetrics &metrics);
    // A poll failed; the next attempt follows after retryDelayMs.
    void failed(const QString &reason);

private:
    void startRemote();
    void pollLocal();
    void takeOutput(const QByteArray &data);
    void takeSnapshot(const QByteArray &output);
    void fail(const QString &reason);

    QString m_hostName;
    CommandRunner *m_runner = nullptr;
    ExecutorLookup m_executorFor;
    int m_intervalMs;
    RetryDelay m_retryDelay{5000, 60000};
    bool m_running = false;
    bool m_localBusy = false;
    QPointer<CommandRun> m_run;
    QByteArray m_pending;
    QString m_silence; // why the watchdog stopped the session
    std::optional<HostSnapshot> m_last;
    QTimer m_next;     // next local poll, or the retry of a remote session
    QTimer m_watchdog; // a remote session that went silent
};

} // namespace OpsDeck
