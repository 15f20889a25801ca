// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every tokenizing of SQL must satisfy, for the unit tests and the fuzz target alike: the
// tokens cover the text in order, without gaps or overlaps, none is empty, and every problem
// points at the start of an unterminated token.
#include "models/remote/sqllexer.h"

#include <QString>

namespace SqlLexerChecks {

// The first broken rule, or empty.
inline QString brokenRule(QStringView text, const OpsDeck::SqlLexResult &lexed)
{
    qsizetype at = 0;
    for (const OpsDeck::SqlToken &token : lexed.tokens) {
        if (token.start != at)
            return QStringLiteral("a %1 token starts at %2, not at %3")
                .arg(OpsDeck::sqlTokenKindName(token.kind))
                .arg(token.start)
                .arg(at);
        if (token.length <= 0)
            return QStringLiteral("an empty %1 token at %2")
                .arg(OpsDeck::sqlTokenKindName(token.kind))
                .arg(at);
        at = token.end();
    }
    if (at != text.size())
        return QStringLiteral("tokens end at %1, not at %2").arg(at).arg(text.size());
    for (const OpsDeck::SqlLexProblem &problem : lexed.problems) {
        bool found = false;
        for (const OpsDeck::SqlToken &token : lexed.tokens)
            found = found || (token.start == problem.position && !token.terminated);
        if (!found)
            return QStringLiteral("a problem at %1 where no unterminated token starts")
                .arg(problem.position);
    }
    return {};
}

} // namespace SqlLexerChecks
