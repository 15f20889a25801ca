// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/stepscript.h"
#include "models/workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSettings>

class QStringDecoder;

#include <functional>
#include <memory>
#include <optional>

namespace OpsDeck {

class CommandRunner;
class CredentialStore;

enum class StepState {
    NotRun,
    Running,
    Succeeded, // exit 0
    Failed,    // ran and failed: non-zero exit, signal, timeout, broken connection
    Cancelled, // stopped by the operator
    Refused,   // never started: missing values, not confirmed, read-only mode
};

QString stepStateName(StepState state); // translated, for the view

// What a step has done in this session.
struct StepRun {
    StepState state = StepState::NotRun;
    QString target;        // the host (or database, for SQL) it ran on
    QString command;       // what ran, as the audit log shows it
    QString output;        // stdout and stderr as they arrived, OpsDeck's own markers removed
    QString message;       // why it was refused, or the result's error
    bool streamed = false; // it printed until the operator stopped it, as such a step should
    CommandResult result;
    QDateTime startedAt;
    bool done = false; // ticked by the operator, or set when the step succeeds
    QString notes;
};

// What the operator is asked before a step that changes or destroys something starts.
struct ConfirmationRequest {
    quint64 id = 0; // answerConfirmation() takes it back; a newer request makes it stale
    RunbookStepId step;
    QString target; // the host, or "host/database" for SQL
    int line = -1;  // Run Line: the command's first line in the block, 0-based; -1: all of it
    Risk risk = Risk::Change;
    QString reason;  // what makes it risky, e.g. "restart: starts, stops or restarts something"
    QString command; // what runs, with the values filled in
    // Destroy: what the operator types to confirm (the host's name); empty for Change.
    QString typedConfirmation;
};

// Runs one runbook step by step on chosen hosts, keeping what each step did.
//
// Placeholder values are shared by every step of the runbook (the same `<pod-name>` is typed
// once) and remembered per runbook and host across sessions. Variables a block assigns
// (`PID=$(pgrep nginx)`) are read back after it runs and set before later blocks, so a
// runbook written for one terminal works step by step. Everything runs through
// CommandRunner: audit log, read-only mode and its refusals apply. A step that is not a plain
// read asks first, request then answer: run() emits confirmationRequested() and returns; the
// step starts, and a running section goes on, only when answerConfirmation() says yes.
class RunbookSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookSession)

public:
    using ExecutorProvider = std::function<Executor *(const QString &hostName)>;

    RunbookSession(CommandRunner *runner, ExecutorProvider executors, QObject *parent = nullptr);
    ~RunbookSession() override;

    // sourceId names the runbook for remembered values (its path, or ":/runbooks/x.md").
    void setRunbook(const Runbook &runbook, const QString &sourceId);
    const Runbook &runbook() const { return m_runbook; }
    QString sourceId() const { return m_sourceId; }
    void setWorkspace(const Workspace &workspace); // hosts and databases to choose from
    void setIncidentId(std::optional<qint64> incidentId) { m_incidentId = incidentId; }
    // Where SQL steps find their databases' passwords (`password: keychain:ENTRY`).
    void setCredentialStore(CredentialStore *credentials);

    // Every step (runnable block or manual check) in runbook order.
    const QList<RunbookStepId> &steps() const { return m_steps; }
    QList<RunbookStepId> stepsOfSection(int section) const;
    const RunbookBlock &block(RunbookStepId step) const;
    const StepRun &stepRun(RunbookStepId step) const;

    // The host every step runs on unless a step has its own; SQL steps name "host/database".
    QString defaultHost() const { return m_defaultHost; }
    void setDefaultHost(const QString &host);
    QString defaultDatabase() const { return m_defaultDatabase; }
    void setDefaultDatabase(const QString &target);
    QString targetOf(RunbookStepId step) const;
    void setStepTarget(RunbookStepId step, const QString &target); // empty: back to the default
    QStringList hostChoices() const;
    QStringList databaseChoices() const; // "host/database" for each database in the workspace

    // All placeholders of the runbook in order of first appearance, and their values.
    QStringList placeholders() const;
    QString placeholderValue(const QString &placeholder) const;
    void setPlaceholderValue(const QString &placeholder, const QString &value);
    // Variables carried from blocks that already ran.
    QMap<QString, QString> variables() const { return m_variables; }
    void clearVariables();

    // What would run for step, or with line >= 0 (a 0-based line of the block) only the
    // logical line that contains it (see logicalShellLines()): prepareStep() with the step's
    // target, the values typed and the variables carried so far.
    PreparedStep prepare(RunbookStepId step, int line = -1) const;

    // Starts step, or asks to confirm it first (confirmationRequested()); true then, whatever
    // the answer. False (and the step Refused, with the reason) when it cannot start. A step
    // that is already running, or another step of a running section, is refused too.
    bool run(RunbookStepId step, int line = -1);
    // The operator's answer to the request `id`: yes starts the step, no refuses it (and ends
    // a running section). An answer to a request no longer pending changes nothing.
    void answerConfirmation(quint64 id, bool accepted);
    // The request waiting for an answer, if any.
    std::optional<ConfirmationRequest> pendingConfirmation() const { return m_confirming; }
    // Runs the section's runnable steps in order, stopping at the first that does not succeed.
    // Steps that stream until stopped and steps for a terminal are skipped (their message says
    // so): a section would never get past them.
    bool runSection(int section);
    // Cancels the running step and the rest of a running section. A step that streams is
    // meant to end so: it counts as done, not failed.
    void stop();
    // A step runs, or waits for its password or for the operator's confirmation.
    bool isRunning() const
    {
        return m_current.isValid() || m_awaitingPassword != 0 || m_confirming.has_value();
    }
    RunbookStepId currentStep() const { return m_current; }

    // How long an ordinary step may run before it is stopped as timed out. A step that
    // streams (tail -f, kubectl logs -f, watch) has no limit: it runs until Stop.
    static constexpr int DefaultStepTimeoutMs = 30 * 60 * 1000;
    void setStepTimeout(int milliseconds) { m_stepTimeoutMs = milliseconds; }
    int stepTimeout() const { return m_stepTimeoutMs; }
    // What a streaming step keeps of its output: the newest part, so a log followed for hours
    // does not fill the memory.
    static constexpr qsizetype MaximumStreamedOutput = 4 * 1024 * 1024;

    // The operator ticks or unticks a step (a succeeding step ticks itself without this).
    void setDone(RunbookStepId step, bool done);
    void setNotes(RunbookStepId step, const QString &notes);
    // The operator finished writing the step's notes: they belong on the incident's record.
    void commitNotes(RunbookStepId step);

    // Done or succeeded steps, of all steps.
    int completedCount() const;
    int stepCount() const { return int(m_steps.size()); }

Q_SIGNALS:
    // Another runbook (or the same one again): every step id before it is void.
    void runbookChanged();
    void stepChanged(OpsDeck::RunbookStepId step);
    void stepOutput(OpsDeck::RunbookStepId step, const QString &text);
    // A step that ran (not a refused one) came to its end: for the incident timeline.
    void stepFinished(OpsDeck::RunbookStepId step, const OpsDeck::StepRun &run);
    void sectionFinished(int section, bool succeeded);
    void progressChanged(int completed, int total);
    void placeholderValuesChanged();
    // From the operator, for the incident timeline: a step ticked or unticked by hand, and
    // notes finished (not every keystroke).
    void markedDone(OpsDeck::RunbookStepId step, bool done);
    void notesCommitted(OpsDeck::RunbookStepId step, const QString &notes);
    void runningChanged(bool running);
    // A step waits for the operator: show the request and answer it (answerConfirmation()).
    void confirmationRequested(const OpsDeck::ConfirmationRequest &request);
    // The request was answered or withdrawn (stopped, another runbook): a dialog showing it
    // closes.
    void confirmationSettled(quint64 id);

private:
    void refuse(RunbookStepId step, const QString &message);
    bool proceed(const PreparedStep &prepared);       // confirmed: password, then start
    bool startPrepared(const PreparedStep &prepared); // false: refused (no such host)
    void endSection(bool succeeded);                  // a running section is over
    void onPasswordRead(quint64 requestId, bool found, const QString &password,
                        const QString &error = {});
    void onOutput(const QByteArray &data);
    void keepOutput(const QString &text); // into the running step's output
    void onFinished(const CommandResult &result);
    void runNextOfSection();
    void loadRememberedValues();
    QString settingsGroup(const QString &target) const;
    StepRun &runOf(RunbookStepId step) { return m_runs[step]; }

    CommandRunner *m_runner;
    ExecutorProvider m_executors;
    std::optional<qint64> m_incidentId;
    Runbook m_runbook;
    QString m_sourceId;
    Workspace m_workspace;
    QList<RunbookStepId> m_steps;
    QHash<RunbookStepId, StepRun> m_runs;
    QHash<RunbookStepId, QString> m_stepTargets;
    QHash<RunbookStepId, QString> m_committedNotes; // what notesCommitted() last reported
    QString m_defaultHost;
    QString m_defaultDatabase;
    QMap<QString, QString> m_values;
    QSettings m_settings; // remembered values, per runbook and host
    QMap<QString, QString> m_variables;

    QPointer<CredentialStore> m_credentials;
    std::optional<ConfirmationRequest> m_confirming; // asked, not yet answered
    PreparedStep m_confirmingStep;                   // what runs when it is confirmed
    quint64 m_lastConfirmationId = 0;
    quint64 m_awaitingPassword = 0; // the keychain read a SQL step waits for
    PreparedStep m_waitingStep;
    RunbookStepId m_current;
    QPointer<CommandRun> m_run;
    QByteArray m_pendingOutput; // held back while it could be the start of the variables marker
    QByteArray m_variablesBlock;
    bool m_inVariablesBlock = false;
    QByteArray m_variablesMarker; // ends the running step's output; empty: it assigns nothing
    QSet<QString> m_capturedNames;
    std::shared_ptr<QStringDecoder> m_stdoutDecoder;
    QList<RunbookStepId> m_sectionQueue;
    int m_runningSection = -1;
    int m_stepTimeoutMs = DefaultStepTimeoutMs;
    bool m_currentStreams = false; // the running step prints until it is stopped
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::ConfirmationRequest)
