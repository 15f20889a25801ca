// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read by every kubectl reader (pod pages, workloads, events, top,
// contexts, quantities, standard error) never crash them; a failing pod names its reason, a
// running one has none, events come newest first, usage and quantities are never negative, and
// a failure's message is one line.
#include "models/containers/kubernetesjson.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace OpsDeck;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const KubePodPage page = parseKubePodList(bytes, QStringLiteral("host"), QString());
    if (page.remainingItemCount < -1)
        fail("a negative remainingItemCount");
    for (const ContainerRow &row : page.rows) {
        if (row.runtime != ContainerRuntime::Kubernetes || row.host != QStringLiteral("host"))
            fail("a pod row without its runtime or host");
        if (row.condition == ContainerCondition::Failing && row.reason.isEmpty())
            fail("a failing pod without a reason");
        if (row.condition == ContainerCondition::Running && !row.reason.isEmpty())
            fail("a running pod with a trouble reason");
        if (row.ready < 0 || row.readyTotal < 0 || row.restarts < 0)
            fail("negative ready or restart counts");
        if (row.memoryLimitBytes < -1 || row.memoryRequestBytes < -1)
            fail("a negative memory amount");
    }

    const ParsedList<KubeWorkload> workloads = parseKubeWorkloads(bytes, QString());
    for (const KubeWorkload &workload : workloads.items) {
        if (workload.kind.isEmpty() || workload.name.isEmpty())
            fail("a workload without kind or name");
    }

    const ParsedList<ContainerEvent> events = parseKubeEvents(bytes);
    for (qsizetype i = 1; i < events.items.size(); ++i) {
        const QDateTime &before = events.items.at(i - 1).time;
        const QDateTime &after = events.items.at(i).time;
        if (after.isValid() && (!before.isValid() || before < after))
            fail("events not newest first");
    }

    const ParsedList<ContainerUsage> usage = parseKubeTop(bytes);
    for (const ContainerUsage &entry : usage.items) {
        if (entry.cpuMillicores < 0 || entry.memoryBytes < 0 || entry.name.isEmpty())
            fail("a usage line read as negative or without a name");
    }

    for (const QString &context : parseKubeContexts(bytes)) {
        if (context.isEmpty() || context != context.trimmed())
            fail("a context name empty or with spaces around it");
    }

    const QString text = QString::fromUtf8(bytes);
    for (const QStringView word : QStringView(text).split(u' ')) {
        if (const auto millicores = parseKubeCpuMillicores(word); millicores && *millicores < 0)
            fail("negative millicores");
        if (const auto amount = parseKubeBytes(word); amount && *amount < 0)
            fail("negative bytes");
    }

    const KubectlFailure failure = classifyKubectlFailure(bytes);
    if (failure.message.contains(u'\n'))
        fail("a failure message over more than one line");
    return 0;
}
