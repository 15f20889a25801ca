// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as a plain SQL dump, once whole and once in chunks whose sizes
// come from the input itself. Both readings find the same meta-commands at the same places, the
// same \restrict and COPY blocks, every finding has a place inside the text and a reason, and the
// findings stay bounded.
#include "models/backups/plainsqlscan.h"

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
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::PlainSqlScanResult whole = OpsDeck::scanPlainSql(text);

    OpsDeck::PlainSqlScanner scanner;
    qsizetype at = 0;
    std::size_t seed = size;
    while (at < text.size()) {
        // Chunk sizes 1..17, taken from the bytes themselves: every boundary gets its turn.
        seed = seed * 31 + data[std::size_t(at)];
        const qsizetype step = qMin<qsizetype>(1 + qsizetype(seed % 17), text.size() - at);
        scanner.feed(text.sliced(at, step));
        at += step;
    }
    const OpsDeck::PlainSqlScanResult chunked = scanner.finish();

    if (chunked.findings.size() != whole.findings.size() ||
        chunked.findingsOmitted != whole.findingsOmitted)
        fail("chunking changed the number of findings");
    for (qsizetype i = 0; i < whole.findings.size(); ++i) {
        const OpsDeck::PlainSqlFinding &a = whole.findings.at(i);
        const OpsDeck::PlainSqlFinding &b = chunked.findings.at(i);
        if (a.line != b.line || a.column != b.column || a.command != b.command || a.text != b.text)
            fail("chunking changed a finding");
        if (a.line < 1 || a.line > whole.lines + 1 || a.column < 1)
            fail("a finding outside the text");
        if (a.reason.isEmpty())
            fail("a finding without a reason");
    }
    if (chunked.restrictFirst != whole.restrictFirst || chunked.hasRestrict != whole.hasRestrict ||
        chunked.copyBlocks != whole.copyBlocks || chunked.knownCommands != whole.knownCommands ||
        chunked.lines != whole.lines || chunked.pgDumpVersion != whole.pgDumpVersion)
        fail("chunking changed the summary");
    if (whole.restrictFirst && !whole.hasRestrict)
        fail("\\restrict first without \\restrict");
    if (whole.findings.size() > OpsDeck::PlainSqlScanResult::MaxFindings)
        fail("findings not bounded");
    if (whole.bytes != qint64(size))
        fail("bytes miscounted");
    // A refusal is one sentence, and a clean dump is refused only for \restrict or psql.
    const QString refusal =
        OpsDeck::plainRestoreRefusal(whole, QStringLiteral("psql (PostgreSQL) 15.18"));
    if (!whole.clean() && refusal.isEmpty())
        fail("a dump with findings was allowed");
    return 0;
}
