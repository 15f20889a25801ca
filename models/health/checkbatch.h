// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace OpsDeck {

class CheckExecutor;

// Every check of a plan run once, many at a time (the morning check, `opsdeck check`): the
// whole takes about as long as the slowest check, not the sum. finished() once.
class CheckBatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckBatch)

public:
    CheckBatch(CheckExecutor *executor, QObject *parent = nullptr);
    ~CheckBatch() override;

    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    void start(const QList<CheckSpec> &plan);
    // Stops the checks still running; they count as unknown ("cancelled"). finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }

    // The plan started, with the rows of the dependencies that health documents reported
    // (healthdependencies.h), each after its check, as the results came.
    const QList<CheckSpec> &plan() const { return m_plan; }
    const QHash<QString, CheckResult> &results() const { return m_results; }
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime finishedAt() const { return m_finishedAt; }
    // The worst verdict, Unknown counting worst (the exit-code convention).
    Verdict overall() const;

Q_SIGNALS:
    void progress(int done, int total);
    // Each result, a dependency row's too.
    void resultReady(const OpsDeck::CheckResult &result);
    void finished();

private:
    void launchMore();
    void onFinished(const CheckResult &result);
    void addDependencyRows(const CheckResult &result);
    void finish();

    QPointer<CheckExecutor> m_executor;
    QList<CheckSpec> m_plan;
    QStringList m_waiting;
    QStringList m_inFlight;
    QHash<QString, CheckResult> m_results;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    int m_done = 0; // checks of the plan started that have answered (dependency rows aside)
    int m_maxConcurrent = 64;
    bool m_running = false;
};

} // namespace OpsDeck
