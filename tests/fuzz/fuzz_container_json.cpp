// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as docker's or podman's ps, inspect or stats output never
// crash the readers; every row has an ID or a name, the host it was given, a verdict that
// agrees with containerConditionFor, and readiness of 0 or 1 out of 1; usage is never negative
// except for "unknown" (-1); errors stay capped and say where. The same bytes as the poll
// script's output: framed in any chunking, the events are the same; and as a label selector.
#include "models/containers/containerfilter.h"
#include "models/containers/containerpoll.h"
#include "models/containers/dockerjson.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

void checkErrors(const QStringList &errors)
{
    if (errors.size() > 51)
        fail("more errors than the cap");
    for (const QString &error : errors) {
        if (error.isEmpty())
            fail("an empty error");
    }
}

void checkRows(const OpsDeck::ParsedList<OpsDeck::ContainerRow> &parsed)
{
    checkErrors(parsed.errors);
    for (const OpsDeck::ContainerRow &row : parsed.items) {
        if (row.id.isEmpty() && row.name.isEmpty())
            fail("a row without ID and name");
        if (row.host != u"fuzz"_s)
            fail("a row without its host");
        if (row.readyTotal != 1 || (row.ready != 0 && row.ready != 1))
            fail("readiness other than 0/1 or 1/1");
        if (row.ready == 1 && row.condition != OpsDeck::ContainerCondition::Running &&
            row.condition != OpsDeck::ContainerCondition::Progressing)
            fail("ready while not running");
        if (row.reason == u"OOMKilled"_s && row.condition != OpsDeck::ContainerCondition::Failing)
            fail("OOM-killed and not failing");
        if (row.memoryLimitBytes == 0 || row.memoryLimitBytes < -1)
            fail("a memory limit of zero or below -1");
        if (row.composeFiles.contains(QString()))
            fail("an empty compose file name");
    }
}

void checkUsage(const OpsDeck::ParsedList<OpsDeck::ContainerUsage> &parsed)
{
    checkErrors(parsed.errors);
    for (const OpsDeck::ContainerUsage &usage : parsed.items) {
        if (usage.id.isEmpty() && usage.name.isEmpty())
            fail("usage without ID and name");
        if (usage.cpuMillicores < 0 && usage.cpuMillicores != -1)
            fail("negative CPU other than unknown");
        if (usage.memoryBytes < -1 || usage.memoryLimitBytes < -1 || usage.memoryLimitBytes == 0)
            fail("negative memory other than unknown, or a zero limit");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const OpsDeck::ContainerRuntime runtime :
         {OpsDeck::ContainerRuntime::Docker, OpsDeck::ContainerRuntime::Podman}) {
        checkRows(OpsDeck::parseContainerList(text, runtime, u"fuzz"_s));
        checkRows(OpsDeck::parseContainerInspect(text, runtime, u"fuzz"_s));
        checkUsage(OpsDeck::parseContainerStats(text, runtime));
    }
    // The poll reader: whole or in 7-byte chunks, the same events.
    OpsDeck::ContainerPollReader whole;
    const QList<OpsDeck::ContainerPollEvent> expected = whole.feed(text);
    OpsDeck::ContainerPollReader chunked;
    QList<OpsDeck::ContainerPollEvent> events;
    for (qsizetype at = 0; at < text.size(); at += 7)
        events += chunked.feed(text.sliced(at, std::min<qsizetype>(7, text.size() - at)));
    if (events.size() != expected.size())
        fail("the poll reader depends on chunking");
    for (qsizetype index = 0; index < events.size(); ++index) {
        if (events.at(index).text != expected.at(index).text ||
            events.at(index).type != expected.at(index).type)
            fail("the poll reader depends on chunking");
    }
    const QString selectorText =
        QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 256)));
    const OpsDeck::LabelSelectorParse selector = OpsDeck::parseLabelSelector(selectorText);
    if (selector.selector.has_value() == !selector.error.isEmpty())
        fail("a selector both read and refused");
    if (OpsDeck::parseContainerSize(
            QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 64)))) < -1)
        fail("a size below unknown");
    return 0;
}
