// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"
#include "models/remote/executor.h"
#include "models/workspace/workspace.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace OpsDeck {

class CommandRun;
class CommandRunner;

// One section of a row's details as a small table: Environment, Mounts, Ports, Resources.
struct ContainerDetailTable {
    QStringList headers;
    QList<QStringList> rows;
    friend bool operator==(const ContainerDetailTable &, const ContainerDetailTable &) = default;
};

// What `docker|podman container inspect` or `kubectl get pod -o json` says beyond the list.
struct ContainerDetailSections {
    QString prettyJson;               // the whole answer, indented
    ContainerDetailTable environment; // Container, Name, Value: secret-looking values masked
    ContainerDetailTable mounts;      // Container, Source, Destination, Mode
    ContainerDetailTable ports;       // Container, Port, Protocol, Host binding
    ContainerDetailTable resources;   // Container, CPU request, CPU limit, Memory request, limit
    QString error;                    // when the JSON could not be read
};

// The pure readers (data-driven tests over the captured files).
ContainerDetailSections containerDetailsFromInspect(QByteArrayView json);
ContainerDetailSections containerDetailsFromPod(QByteArrayView json);
// The events about one pod, newest first.
QList<ContainerEvent> containerEventsFor(const QList<ContainerEvent> &events,
                                         const QString &podName);
// The Read commands: inspect (or get pod -o json), and the namespace's events.
CommandRequest containerInspectRequest(const ContainerRow &row, const ContainerSettings &settings);
std::optional<CommandRequest> containerEventsRequest(const ContainerRow &row);
// Kubernetes: `kubectl --context C -n NS describe pod NAME`, the pod with its events as
// kubectl sums them up. Docker and podman: nullopt (their Inspect tab is what they can say).
std::optional<CommandRequest> containerDescribeRequest(const ContainerRow &row);
// Describe's text as shown: kubectl prints literal environment values, so values in the
// Environment sections whose name or form says they are secret become SecretMask, and
// secret-looking values elsewhere (a URL with a password) too.
QString maskDescribeSecrets(QStringView text);

// Loads a row's details on demand through the CommandRunner (audited, judged Read); the
// answers are read in a worker thread. A newer load() replaces the one under way.
class ContainerDetails final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerDetails)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;
    ContainerDetails(CommandRunner *runner, ExecutorLookup executors, QObject *parent = nullptr);
    ~ContainerDetails() override;

    void load(const ContainerRow &row, const ContainerSettings &settings);
    void clear();
    bool isLoading() const { return m_pending > 0; }
    const ContainerRow &row() const { return m_row; }
    const ContainerDetailSections &sections() const { return m_sections; }
    const QList<ContainerEvent> &events() const { return m_events; }
    QString error() const { return m_error; }

    // Describe is read on demand (its tab shown, or refreshed), not on every selection: it
    // asks the API server for the pod and all its events. Again while one runs: replaces it.
    void loadDescribe();
    bool isDescribing() const { return m_describing; }
    QString describeText() const { return m_describeText; }
    QString describeError() const { return m_describeError; }
    // Whether describeText() is for the current row (false after load() until loadDescribe()).
    bool hasDescribe() const { return m_describeLoaded; }

Q_SIGNALS:
    void changed();
    void describeChanged();

private:
    void finishRun(quint64 generation, bool events, const QByteArray &out, const QByteArray &err,
                   const CommandResult &result);

    CommandRunner *m_runner;
    ExecutorLookup m_executors;
    ContainerRow m_row;
    ContainerDetailSections m_sections;
    QList<ContainerEvent> m_events;
    QString m_error;
    quint64 m_generation = 0;
    int m_pending = 0;
    QList<QPointer<CommandRun>> m_runs;
    QString m_describeText;
    QString m_describeError;
    quint64 m_describeGeneration = 0;
    bool m_describing = false;
    bool m_describeLoaded = false;
    QPointer<CommandRun> m_describeRun;
};

} // namespace OpsDeck
