// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every lexing of shell text must satisfy, for the unit tests and the fuzz target alike:
// tokens cover the text in order without gaps, the parts of a word cover the word, what a
// substitution or quote holds covers its inside, and every position lies within the text.
#include "models/remote/shelllexer.h"

#include <QString>

#include <algorithm>

namespace ShellLexerChecks {

using OpsDeck::ShellLexResult;
using OpsDeck::ShellSpan;
using OpsDeck::ShellToken;
using OpsDeck::ShellWordPart;

class Checker
{
public:
    explicit Checker(const ShellLexResult &lexed)
        : m_text(lexed.text)
    {
        for (const OpsDeck::ShellLexProblem &problem : lexed.problems) {
            if (problem.kind == OpsDeck::ShellLexProblem::Kind::NestedTooDeeply)
                m_tooDeep = true;
            if (problem.position < 0 || problem.position > m_text.size())
                fail(QStringLiteral("a problem at %1, outside the text").arg(problem.position));
        }
    }

    // The first broken rule, or empty.
    QString tokens(const std::vector<ShellToken> &tokens, ShellSpan inside)
    {
        qsizetype at = inside.start;
        for (const ShellToken &token : tokens) {
            if (!m_error.isEmpty())
                return m_error;
            if (token.span.start != at)
                return fail(QStringLiteral("a %1 token starts at %2, not at %3")
                                .arg(OpsDeck::shellTokenKindName(token.kind))
                                .arg(token.span.start)
                                .arg(at));
            if (token.span.length <= 0)
                return fail(QStringLiteral("an empty token at %1").arg(at));
            span(token.span, token.text);
            at = token.span.end();
            switch (token.kind) {
            case ShellToken::Kind::Word:
                parts(token.parts, token.span);
                break;
            case ShellToken::Kind::Redirection:
                if (!token.parts.empty())
                    parts(token.parts, token.target);
                within(token.target, token.span);
                break;
            case ShellToken::Kind::HereDocument:
                within(token.content, token.span);
                parts(token.parts, token.content);
                break;
            default:
                if (!token.parts.empty())
                    fail(QStringLiteral("a %1 token with parts")
                             .arg(OpsDeck::shellTokenKindName(token.kind)));
                break;
            }
        }
        if (m_error.isEmpty() && at != inside.end())
            fail(QStringLiteral("tokens end at %1, not at %2").arg(at).arg(inside.end()));
        return m_error;
    }

private:
    QString fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return m_error;
    }

    void span(ShellSpan span, const QString &text)
    {
        if (span.start < 0 || span.end() > m_text.size())
            fail(QStringLiteral("%1..%2 lies outside the text").arg(span.start).arg(span.end()));
        else if (m_text.mid(span.start, span.length) != text)
            fail(QStringLiteral("the text at %1 is not the token's").arg(span.start));
    }

    void within(ShellSpan inner, ShellSpan outer)
    {
        if (inner.start < outer.start || inner.end() > outer.end())
            fail(QStringLiteral("%1..%2 lies outside %3..%4")
                     .arg(inner.start)
                     .arg(inner.end())
                     .arg(outer.start)
                     .arg(outer.end()));
    }

    void parts(const std::vector<ShellWordPart> &parts, ShellSpan inside)
    {
        qsizetype at = inside.start;
        for (const ShellWordPart &part : parts) {
            if (part.span.start != at || part.span.length <= 0) {
                fail(QStringLiteral("a %1 part at %2 (length %3), expected at %4")
                         .arg(OpsDeck::shellWordPartKindName(part.kind))
                         .arg(part.span.start)
                         .arg(part.span.length)
                         .arg(at));
                return;
            }
            span(part.span, part.text);
            at = part.span.end();
            const ShellSpan inner = innerSpan(part);
            if (!part.parts.empty())
                this->parts(part.parts, inner);
            else if (!part.tokens.empty())
                tokens(part.tokens, inner);
            else if (inner.length > 0 && !m_tooDeep && holdsSomething(part.kind))
                fail(QStringLiteral("the %1 part at %2 holds nothing")
                         .arg(OpsDeck::shellWordPartKindName(part.kind))
                         .arg(part.span.start));
        }
        if (at != inside.end())
            fail(QStringLiteral("parts end at %1, not at %2").arg(at).arg(inside.end()));
    }

    static bool holdsSomething(ShellWordPart::Kind kind)
    {
        switch (kind) {
        case ShellWordPart::Kind::DoubleQuoted:
        case ShellWordPart::Kind::CommandSubstitution:
        case ShellWordPart::Kind::Backticks:
        case ShellWordPart::Kind::Arithmetic:
        case ShellWordPart::Kind::ProcessSubstitution:
        case ShellWordPart::Kind::ArrayLiteral:
            return true;
        default:
            return false;
        }
    }

    // Where what a part holds lies: inside its quotes, braces or parentheses.
    static ShellSpan innerSpan(const ShellWordPart &part)
    {
        qsizetype open = 0;
        qsizetype close = part.terminated ? 1 : 0;
        switch (part.kind) {
        case ShellWordPart::Kind::DoubleQuoted:
            open = part.text.startsWith(u'$') ? 2 : 1;
            break;
        case ShellWordPart::Kind::Parameter:
            open = 2;
            break;
        case ShellWordPart::Kind::CommandSubstitution:
        case ShellWordPart::Kind::ProcessSubstitution:
            open = 2;
            break;
        case ShellWordPart::Kind::Backticks:
        case ShellWordPart::Kind::ArrayLiteral:
            open = 1;
            break;
        case ShellWordPart::Kind::Arithmetic:
            open = part.text.startsWith(u'$') ? 3 : 2;
            close = part.terminated ? 2 : 0;
            break;
        default:
            return {part.span.end(), 0};
        }
        const qsizetype length = std::max<qsizetype>(0, part.span.length - open - close);
        return {part.span.start + open, length};
    }

    const QString &m_text;
    bool m_tooDeep = false;
    QString m_error;
};

// Empty when the lexing keeps every rule, else what it broke first.
inline QString brokenRule(const ShellLexResult &lexed)
{
    Checker checker(lexed);
    return checker.tokens(lexed.tokens, {0, lexed.text.size()});
}

} // namespace ShellLexerChecks
