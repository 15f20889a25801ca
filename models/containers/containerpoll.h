// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"
#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QByteArrayView>

namespace OpsDeck {

// How a host's containers are read: one shell script per host that asks every runtime in turn
// and frames each answer, then sleeps and asks again. One script, not a command per question,
// because every command the runner starts is an audit row: a host with docker and two
// clusters polled every 10 s would otherwise write 50,000 rows a day of the same reads
// (see HostMetricsPoller). The script is judged Read by the gate, so it runs in read-only mode.
//
// The frame lines start with the record separator (0x1E), which none of the tools prints:
//   \x1e absent RUNTIME [WHY]          the tool is not installed (or has no context)
//   \x1e section RUNTIME KIND [CONTEXT] an answer follows, stdout and stderr merged
//   \x1e end STATUS                     its exit status
//   \x1e round                          every runtime has answered once
//   \x1e backoff RUNTIME N [CONTEXT]     its essential answer (ps, pods) failed: the source is
//                                       not asked in the next N rounds
//   \x1e skipped RUNTIME N [CONTEXT]     not asked this round (backing off); N more rounds follow
// KIND is ps, inspect, stats (docker, podman), or contexts, pods, top, workloads (kubernetes: pods
// come as pages of `kubectl get --raw`, one compact JSON document per line, so a large
// cluster shows "N of M loaded" while it loads).

enum class ContainerAnswer { List, Inspect, Stats, Pods, Top, Workloads, Contexts };

QString containerAnswerId(ContainerAnswer answer);
std::optional<ContainerAnswer> containerAnswerFromId(QStringView id);

struct ContainerPollOptions {
    int intervalSeconds = 10; // pause between rounds
    bool once = false;        // one round, then the script ends (the headless command)
    int podsPerPage = 500;    // `limit` of each pods page
};

// A source whose list or pods fail is skipped for 1, 2, 4, ... rounds (the script counts; a
// new session starts over), at most this many: a wait of about MaximumBackOffSeconds.
constexpr int MaximumBackOffSeconds = 300;
int containerPollMaxSkippedRounds(int intervalSeconds);

// The script for settings (runtimes, docker -H, podman --url, contexts, namespaces). An empty
// entry in kubeContexts stands for the kubeconfig's current context, as an empty list does.
QString containerPollScript(const ContainerSettings &settings, const ContainerPollOptions &options);

// The host's settings with the contexts the operator watches from the Containers page (kept
// in QSettings, not in the workspace) added to its kube-contexts. Without kube-contexts the
// current context stays polled: it becomes the empty entry, before the watched ones.
ContainerSettings withWatchedContexts(ContainerSettings settings, const QStringList &watched);

// One framed piece of the script's output.
struct ContainerPollEvent {
    enum class Type {
        Absent,   // runtime is not there; text says why when the script knows
        Begin,    // an answer starts
        Page,     // one pods page (text: the JSON), inside a Pods answer
        Answer,   // an answer ended: text holds it (empty for Pods: its pages came before)
        RoundEnd, // every runtime has answered once
        BackOff,  // a source failed: it is not asked for skippedRounds rounds
        Skipped,  // a source is not asked this round; skippedRounds more will follow
    };
    Type type = Type::RoundEnd;
    ContainerRuntime runtime = ContainerRuntime::Docker;
    ContainerAnswer answer = ContainerAnswer::List;
    QString context;
    QByteArray text;
    int exitStatus = 0;
    int skippedRounds = 0; // BackOff, Skipped
};

// Cuts the script's output into events as it arrives, in whatever chunks.
class ContainerPollReader
{
public:
    // An answer longer than this is cut off (and reported as failed): a tool printing without
    // end must not grow memory without bound. Pages count one by one.
    static constexpr qsizetype MaximumAnswerBytes = 256 * 1024 * 1024;

    QList<ContainerPollEvent> feed(QByteArrayView chunk);
    // Text that is not part of the framing (a shell's own error), for the failure message.
    QString strayText() const { return QString::fromUtf8(m_stray).trimmed(); }

private:
    void takeLine(QByteArrayView line, QList<ContainerPollEvent> &events);

    QByteArray m_pending;
    bool m_inAnswer = false;
    bool m_overflow = false;
    ContainerPollEvent m_current;
    QByteArray m_stray;
};

} // namespace OpsDeck
