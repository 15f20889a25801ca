// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the SQL tokenizer takes any text, as SQL and as a psql script, without
// crashing or stalling; its tokens cover the text in order without gaps or overlaps; assessing
// the text always returns; a script of nothing but "SELECT 1;" is Read; and a DROP on a line of
// its own after the text is Destroy unless the text ends inside a string, comment or quote.
#include "models/remote/sqlrisk.h"
#include "sqllexerchecks.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(const QString &text, OpsDeck::SqlDialect dialect)
{
    const OpsDeck::SqlLexResult lexed = OpsDeck::tokenizeSql(text, {dialect, true});
    if (const QString broken = SqlLexerChecks::brokenRule(text, lexed); !broken.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(broken));
        std::abort();
    }
    const OpsDeck::SqlLexResult legacy = OpsDeck::tokenizeSql(text, {dialect, false});
    if (const QString broken = SqlLexerChecks::brokenRule(text, legacy); !broken.isEmpty()) {
        std::fprintf(stderr, "standard_conforming_strings off: %s\n", qPrintable(broken));
        std::abort();
    }
    const bool psql = dialect == OpsDeck::SqlDialect::Psql;
    auto assess = [psql](const QString &sql) {
        return psql ? OpsDeck::assessPsqlScript(sql) : OpsDeck::assessSql(sql);
    };
    const OpsDeck::RiskAssessment assessment = assess(text);
    if (assessment.risk != OpsDeck::Risk::Read && assessment.reason.isEmpty()) {
        std::fprintf(stderr, "%s without a reason\n", qPrintable(OpsDeck::riskId(assessment.risk)));
        std::abort();
    }
    if (lexed.problems.isEmpty() &&
        assess(text + QStringLiteral("\n;DROP TABLE t;")).risk != OpsDeck::Risk::Destroy) {
        std::fprintf(stderr, "a DROP after the text was not seen\n");
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 16 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    check(text, OpsDeck::SqlDialect::Server);
    check(text, OpsDeck::SqlDialect::Psql);
    // However long, a script of reads stays Read; the first byte picks the length.
    const QString reads = QStringLiteral("SELECT 1;").repeated(size > 0 ? data[0] % 32 + 1 : 1);
    if (OpsDeck::assessSql(reads).risk != OpsDeck::Risk::Read ||
        OpsDeck::assessPsqlScript(reads).risk != OpsDeck::Risk::Read)
        std::abort();
    return 0;
}
