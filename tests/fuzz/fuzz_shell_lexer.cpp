// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the shell lexer takes any text without crashing or stalling; its tokens
// cover the text in order, the parts of each word cover the word, every position lies within
// the text; Run Line's logical lines come in order and never overlap.
#include "models/remote/shelllexer.h"
#include "models/runbooks/stepscript.h"
#include "shelllexerchecks.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::ShellLexResult lexed = OpsDeck::lexShell(text);
    if (const QString broken = ShellLexerChecks::brokenRule(lexed); !broken.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(broken));
        std::abort();
    }
    QString joined;
    for (const OpsDeck::ShellToken &token : lexed.tokens)
        joined += token.text;
    if (joined != text || OpsDeck::withoutShellComments(lexed).size() > text.size())
        std::abort();
    int next = 0;
    for (const OpsDeck::ShellLine &line : OpsDeck::logicalShellLines(text)) {
        if (line.firstLine < next || line.lastLine < line.firstLine ||
            line.lastLine >= lexed.lineStarts.size())
            std::abort();
        next = line.lastLine + 1;
    }
    return 0;
}
