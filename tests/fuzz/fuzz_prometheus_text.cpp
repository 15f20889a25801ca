// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as the 0.0.4 text format, as OpenMetrics and detected, never
// crash the exposition parser; every family has a name, every sample a name, every error a
// line (from 1) and a column (from 1); the JSON of what parsed can be written.
#include "models/health/prometheustext.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

void check(QByteArrayView text, OpsDeck::ExpositionFormat format)
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
    (void)QJsonDocument(OpsDeck::toJson(result.families)).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    check(text, OpsDeck::ExpositionFormat::Detect);
    check(text, OpsDeck::ExpositionFormat::PrometheusText);
    check(text, OpsDeck::ExpositionFormat::OpenMetrics);
    return 0;
}
