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
            diagnostic.line < 0 || diagnostic.column < 0)
            std::abort();
    }
    const int lines = int(text.count('\n') + text.count('\r')) + 1; // a lone CR ends a line too
    for (const OpsDeck::RunbookSection &section : runbook.sections) {
        if (section.level < 0 || section.level > 6 || section.line < 1 || section.line > lines)
            std::abort();
        for (const OpsDeck::RunbookBlock &block : section.blocks) {
            if (block.line < 1 || block.line > lines)
                std::abort();
            if (!block.isRunnable() && (!block.placeholders.isEmpty() ||
                                        block.unterminatedHeredoc || !block.warnings.isEmpty()))
                std::abort();
            // Only shell commands stream or switch to another shell.
            if (block.kind != OpsDeck::RunbookBlock::Command &&
                (!block.streams.isEmpty() || !block.contextSwitches.isEmpty()))
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
            // Context switches: in order, inside the text, each opener before its lines, and
            // one that runs inside knows what runs them.
            int after = 0;
            for (const OpsDeck::RunbookContextSwitch &contextSwitch : block.contextSwitches) {
                if (contextSwitch.line < after || contextSwitch.openerEnd < contextSwitch.line ||
                    contextSwitch.lastLine < contextSwitch.openerEnd ||
                    contextSwitch.lastLine >= blockLines || contextSwitch.opener.start < 0 ||
                    contextSwitch.opener.end() > block.text.size() ||
                    contextSwitch.description.isEmpty() ||
                    contextSwitch.runsInside == contextSwitch.runInside.isEmpty())
                    std::abort();
                after = contextSwitch.lastLine + 1;
            }
            const OpsDeck::ComposedScript composed =
                OpsDeck::composeRunInside(block.text, block.contextSwitches);
            for (auto it = composed.scripts.cbegin(); it != composed.scripts.cend(); ++it) {
                if (!composed.outer.contains(it.key()))
                    std::abort();
            }
            (void)OpsDeck::withScripts(composed.outer, composed.scripts);
            // The ways a step can be prepared: whole, and each line typed in another shell or
            // opening one (the lines Run Line composes), with values.
            QMap<QString, QString> values;
            for (const QString &placeholder : block.placeholders)
                values.insert(placeholder, QStringLiteral("v'\"$(x)`"));
            OpsDeck::StepInputs inputs;
            inputs.target = QStringLiteral("h");
            inputs.values = values;
            inputs.markerToken = "f";
            QList<int> linesToPrepare{-1};
            for (const OpsDeck::RunbookContextSwitch &contextSwitch : block.contextSwitches) {
                for (int line = contextSwitch.line;
                     line <= contextSwitch.lastLine && linesToPrepare.size() < 8; ++line)
                    linesToPrepare.append(line);
            }
            for (int line : std::as_const(linesToPrepare)) {
                inputs.line = line;
                const OpsDeck::PreparedStep prepared =
                    OpsDeck::prepareStep(block, OpsDeck::Workspace(), inputs);
                if (prepared.terminalOnly && prepared.canRun())
                    std::abort();
            }
            (void)OpsDeck::fillTextPlaceholders(block.text, values);
            QMap<QString, QString> references;
            for (const QString &placeholder : block.placeholders)
                references.insert(placeholder, QStringLiteral("__opsdeck_v"));
            QString error;
            (void)OpsDeck::fillTextPlaceholdersByReference(block.text, references, values, &error);
            (void)OpsDeck::fillSqlPlaceholders(block.text, values, &error);
        }
    }
    const OpsDeck::RunbookCounts counts = OpsDeck::countRunbook(runbook);
    if (counts.sections != runbook.sections.size() ||
        counts.warnings != runbook.diagnostics.size() || counts.terminalOnly > counts.runnable ||
        counts.streaming > counts.runnable)
        std::abort();
    (void)QJsonDocument(OpsDeck::toJson(runbook)).toJson();
    return 0;
}
