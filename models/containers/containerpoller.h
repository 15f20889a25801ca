// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerpoll.h"
#include "models/core/retrydelay.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace OpsDeck {

class CommandRun;
class CommandRunner;
class Executor;

// What one source has: a runtime on a host, or one Kubernetes context on a host.
struct ContainerSource {
    enum class State {
        Waiting, // not asked yet
        Loading, // the first answer is on its way (rows may be partial: pods come in pages)
        Ready,   // rows are the last round's
        Failed,  // the last round failed: error says why; rows are the last good ones
        Absent,  // the tool is not installed there (or has no context): no rows
    };
    QString host;
    ContainerRuntime runtime = ContainerRuntime::Docker;
    QString context; // Kubernetes
    State state = State::Waiting;
    QString error;
    QList<ContainerRow> rows;
    QList<KubeWorkload> workloads;
    QStringList availableContexts; // Kubernetes: every context of the host's kubeconfig
    // While the first round loads: rows holds only the page just read, to add to those shown
    // (so each page costs its own rows, not all the rows before it).
    bool rowsAreMore = false;
    qint64 loaded = 0;    // rows read so far in the round under way
    qint64 expected = -1; // the rows the round will have, when the server said
    QDateTime updated;    // the last round that answered, UTC
    // Failed: when it will be asked again (UTC, about: rounds are counted, not clock time);
    // invalid when no retry is planned (once mode) or the source did not fail.
    QDateTime nextAttempt;

    QString key() const; // host, runtime, context
};

// Docker and podman: inspect's rows where there are any (they know more), the list's
// otherwise, with stats' CPU and memory by container ID.
QList<ContainerRow> combineEngineRows(const QList<ContainerRow> &listed,
                                      const QList<ContainerRow> &inspected,
                                      const QList<ContainerUsage> &usage);
// Kubernetes: `kubectl top` by namespace and pod name.
void applyKubernetesUsage(QList<ContainerRow> &pods, const QList<ContainerUsage> &usage);
// "next try in 40.0 s" for a failed source with a planned retry, else empty.
QString containerNextAttemptText(const ContainerSource &source, const QDateTime &now);

// Reads one host's containers and pods, round after round, through the CommandRunner: one
// audited session per host (see containerPollScript), which the gate judges Read. Parsing
// runs in worker threads; nothing here waits. A session that ends or cannot start is retried
// after 5 s, doubling up to 60 s; a round that arrives resets the delay. Inside a working
// session a source whose list or pods fail is skipped for 1, 2, 4, ... rounds by the script
// (containerPollScript); its state stays Failed with nextAttempt saying when it is asked again.
class ContainerPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerPoller)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;

    ContainerPoller(const QString &hostName, const ContainerSettings &settings,
                    CommandRunner *runner, ExecutorLookup executorFor, QObject *parent = nullptr);
    ~ContainerPoller() override;

    QString hostName() const { return m_hostName; }
    const ContainerSettings &settings() const { return m_settings; }
    bool isRunning() const { return m_running; }
    QList<ContainerSource> sources() const { return m_sources.values(); }
    void setOptions(const ContainerPollOptions &options) { m_options = options; }
    void setRetryDelays(int firstMs, int maxMs);

    void start();
    // Ends the session (its audit row closes); start() begins a new one.
    void stop();
    // Asks again now: the session is replaced by a fresh one (one new audit row).
    void refreshNow();

Q_SIGNALS:
    // A source changed: new rows, progress while pods load, a failure, or found absent.
    void sourceChanged(const OpsDeck::ContainerSource &source);
    // Every runtime has answered once more.
    void roundFinished();
    // The session itself failed (the host cannot be reached, the script ended): every source
    // of the host shows it; a retry follows.
    void failed(const QString &reason);
    // once mode: the script has ended (after its round, or failing).
    void finished();

private:
    struct Round; // answers of the round under way, per source
    void startSession();
    void takeOutput(const QByteArray &data);
    void processNext();
    void finishAnswer(const ContainerPollEvent &event);
    void finishRound();
    void failSession(const QString &reason);
    ContainerSource &sourceFor(ContainerRuntime runtime, const QString &context);
    void publish(const ContainerSource &source);

    QString m_hostName;
    ContainerSettings m_settings;
    CommandRunner *m_runner;
    ExecutorLookup m_executorFor;
    ContainerPollOptions m_options;
    QPointer<CommandRun> m_run;
    ContainerPollReader m_reader;
    QList<ContainerPollEvent> m_queue;
    bool m_parsing = false;
    QStringList m_kubeContexts; // the last round's `config get-contexts`
    quint64 m_session = 0;      // parses of an older session are dropped
    bool m_running = false;
    QHash<QString, ContainerSource> m_sources;
    std::unique_ptr<Round> m_round;
    QTimer m_retry;
    RetryDelay m_retryDelay{5000, 60000};
};

} // namespace OpsDeck
