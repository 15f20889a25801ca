// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the runbook parser must turn any bytes into sections and blocks, never crash,
// and keep its own promises about what it returns.
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/runbooksession.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::Runbook runbook = OpsDeck::parseRunbook(text, QStringLiteral("fuzz.md"));
    // Only an unreadable or oversized file is an error; the fuzzer gives neither.
    for (const OpsDeck::Diagnostic &diagnostic : runbook.diagnostics) {
        if (diagnostic.isError() || diagnostic.file != u"fuzz.md" || diagnostic.message.isEmpty() ||
            diagnostic.line < 0)
            std::abort();
    }
    const int lines = int(text.count('\n') + text.count('\r')) + 1; // a lone CR ends a line too
    for (const OpsDeck::RunbookSection &section : runbook.sections) {
        if (section.level < 0 || section.level > 6 || section.line < 1 || section.line > lines)
            std::abort();
        for (const OpsDeck::RunbookBlock &block : section.blocks) {
            if (block.line < 1 || block.line > lines)
                std::abort();
            if (!block.isRunnable() && (!block.placeholders.isEmpty() || block.unterminatedHeredoc))
                std::abort();
            // The view renders prose from its Markdown source only.
            if (block.kind == OpsDeck::RunbookBlock::Prose && block.markdown.isEmpty())
                std::abort();
            if (block.kind != OpsDeck::RunbookBlock::Command)
                continue;
            // What the engine does to a command before it runs: split it into logical lines
            // (covering every line, in order) and fill its placeholders.
            const qsizetype blockLines = block.text.count(u'\n') + 1;
            int next = 0;
            for (const OpsDeck::ShellLine &line : OpsDeck::logicalShellLines(block.text)) {
                if (line.firstLine < next || line.lastLine < line.firstLine ||
                    line.lastLine >= blockLines)
                    std::abort();
                next = line.lastLine + 1;
            }
            QMap<QString, QString> values;
            for (const QString &placeholder : block.placeholders)
                values.insert(placeholder, QStringLiteral("v'\"$(x)`"));
            (void)OpsDeck::fillTextPlaceholders(block.text, values);
            QMap<QString, QString> references;
            for (const QString &placeholder : block.placeholders)
                references.insert(placeholder, QStringLiteral("__opsdeck_v"));
            QString error;
            (void)OpsDeck::fillTextPlaceholdersByReference(block.text, references, values, &error);
            (void)OpsDeck::fillSqlPlaceholders(block.text, values, &error);
        }
    }
    (void)QJsonDocument(OpsDeck::toJson(runbook)).toJson();
    return 0;
}
