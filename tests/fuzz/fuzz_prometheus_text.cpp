// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as the 0.0.4 text format, as OpenMetrics and detected, never
// crash the exposition parser; every family has a name, every sample a name, every error a
// line (from 1) and a column (from 1); the JSON of what parsed can be written.
#include "models/health/prometheustext.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

void check(QByteArrayView text, OpsDeck::ExpositionFormat format, bool json)
{
    const OpsDeck::ExpositionParseResult result = OpsDeck::parseExposition(text, {}, format);
    if (result.format == OpsDeck::ExpositionFormat::Detect)
        fail("the format read is not named");
    for (const OpsDeck::MetricFamily &family : result.families) {
        if (family.name.isEmpty())
            fail("a family without a name");
        for (const OpsDeck::MetricSample &sample : family.samples) {
            if (sample.name.isEmpty() || !sample.name.startsWith(family.name))
                fail("a sample without a name, or one that is not of its family");
        }
    }
    for (const OpsDeck::Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.line < 1 || diagnostic.column < 1)
            fail("an error without its line and column");
    }
    if (!result.ok() && result.diagnostics.isEmpty())
        fail("not ok without an error");
    if (json)
        (void)QJsonDocument(OpsDeck::toJson(result.families)).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // The real scrapes among the seeds are up to 60 KB: their first 8 KB keep every kind of
    // line and keep CI's fixed number of inputs quick under the sanitizers.
    const QByteArrayView text(reinterpret_cast<const char *>(data),
                              qsizetype(std::min<std::size_t>(size, 8 * 1024)));
    check(text, OpsDeck::ExpositionFormat::Detect, true);
    check(text, OpsDeck::ExpositionFormat::PrometheusText, false);
    check(text, OpsDeck::ExpositionFormat::OpenMetrics, false);
    return 0;
}
