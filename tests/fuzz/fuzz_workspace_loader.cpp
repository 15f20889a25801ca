// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the workspace loader must turn any bytes into diagnostics, never crash, and
// keep its own promises about what it returns.
#include "models/workspace/workspaceloader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::WorkspaceLoadResult result =
        OpsDeck::parseWorkspace(text, QStringLiteral("fuzz.yaml"));
    for (const OpsDeck::Diagnostic &diagnostic : result.diagnostics) {
        // Every problem names the file and says something; positions are never negative.
        if (diagnostic.file != u"fuzz.yaml" || diagnostic.message.isEmpty() ||
            diagnostic.line < 0 || diagnostic.column < 0)
            std::abort();
    }
    // A workspace without errors always has what the rest of the program relies on.
    if (result.ok()) {
        for (const OpsDeck::Environment &environment : result.workspace.environments) {
            if (environment.name.isEmpty())
                std::abort();
            for (const OpsDeck::Host &host : environment.hosts) {
                if (host.name.isEmpty() || host.address.isEmpty() || host.port < 1 ||
                    host.port > 65535)
                    std::abort();
            }
        }
    }
    return 0;
}
