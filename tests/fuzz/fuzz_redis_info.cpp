// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as a Redis INFO answer never crash the reader or the values
// judged from it; every key is named, the keyspace only holds databases it read, and an answer
// without a key:value line is not valid.
#include "models/health/redischeck.h"

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
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::RedisInfo info = OpsDeck::parseRedisInfo(text);
    for (const OpsDeck::RedisInfoSection &section : info.sections) {
        for (const auto &entry : section.entries) {
            if (entry.first.isEmpty())
                fail("an entry without a key");
        }
    }
    if (info.isValid() != (info.entryCount() > 0))
        fail("valid without a key:value line, or invalid with one");
    if (info.keyspace.size() > info.entryCount())
        fail("more databases than lines");
    for (const OpsDeck::RedisKeyspace &keyspace : info.keyspace) {
        if (keyspace.database < 0)
            fail("a negative database number");
    }
    OpsDeck::RedisThresholds thresholds;
    thresholds.clients = OpsDeck::defaultRedisMemoryThreshold();
    thresholds.evictions = OpsDeck::defaultRedisMemoryThreshold();
    const QList<OpsDeck::CheckValue> values = OpsDeck::redisInfoValues(info, thresholds);
    for (const OpsDeck::CheckValue &value : values) {
        if (value.name.isEmpty())
            fail("a value without a name");
        if (value.verdict == OpsDeck::Verdict::Unknown)
            fail("an INFO value judged Unknown");
    }
    return 0;
}
