// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/diagnostic.h"

#include <algorithm>

namespace OpsDeck {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    // Stays English in every language: editors and CI problem matchers look for these words.
    const auto kind = isError() ? u"error" : u"warning";
    return where + u": " + kind + u": " + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return countErrors(diagnostics) > 0;
}

qsizetype countErrors(const Diagnostics &diagnostics)
{
    return std::ranges::count_if(diagnostics, &Diagnostic::isError);
}

} // namespace OpsDeck
