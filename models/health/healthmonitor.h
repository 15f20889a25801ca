// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkexecutor.h"
#include "models/health/checkhistory.h"
#include "models/health/checkscheduler.h"
#include "models/health/healthboardmodel.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <memory>

namespace OpsDeck {

class StateStore;

// The dashboard's engine, built once by the composition root: the workspace's checks planned,
// scheduled in the background, their results on the board model and in the history ring, the
// history read back at start so charts survive a restart.
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    HealthMonitor(CheckServices services, StateStore *store, QObject *parent = nullptr);
    ~HealthMonitor() override;

    // Plans the workspace's checks (the board shows them at once, as waiting) and loads their
    // stored history; polling starts with start().
    void setWorkspace(const Workspace &workspace);
    const Workspace &workspace() const { return m_executor->services().workspace; }
    void start();

    // Checks another part of OpsDeck judges itself (a domain above this one, such as the backup
    // catalog's staleness): their rows stand on the board after the planned ones and are never
    // scheduled here. source names the reporter; its earlier checks are replaced (results of
    // the ids that stay are kept). Their results come through reportResult().
    void setReportedChecks(const QString &source, const QList<CheckSpec> &specs);
    // A result of a reported check: on the board and in the history, as a scheduled one's.
    // Ignored for an id no reporter declared.
    void reportResult(const CheckResult &result);

    // The dependency rows of a check's health document, as its last answer listed them.
    QStringList dependencies(const QString &checkId) const { return m_dependencies.value(checkId); }

    HealthBoardModel *board() { return &m_board; }
    CheckScheduler *scheduler() { return m_scheduler.get(); }
    CheckExecutor *executor() { return m_executor.get(); }
    CheckHistoryStore *history() { return &m_history; }

Q_SIGNALS:
    // setWorkspace() took a new workspace (reporters declare their checks for it).
    void workspaceChanged();
    // Host samples for the cards' sparklines.
    void hostSampled(const QString &checkId, const OpsDeck::HostMetrics &metrics);
    // The history could not be read or written (the dashboard still works without).
    void historyProblem(const QString &message);

private:
    void onResult(const CheckResult &result);
    void updateBoardPlan();
    void updateDependencies(const CheckResult &result);
    void loadHistory(const QStringList &checkIds);

    std::unique_ptr<CheckExecutor> m_executor;
    std::unique_ptr<CheckScheduler> m_scheduler;
    HealthBoardModel m_board;
    CheckHistoryStore m_history;
    QList<CheckSpec> m_plan;
    QMap<QString, QList<CheckSpec>> m_reported; // by source
    // By check id: the dependencies its last health document listed, each a row after it. A
    // dependency the next document leaves out goes; while the service gives no document at all
    // (down, not JSON) the rows stay and are unknown.
    QHash<QString, QStringList> m_dependencies;
    quint64 m_generation = 0; // drops history loads for a workspace that was replaced
};

} // namespace OpsDeck
