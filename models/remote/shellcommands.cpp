// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/shellcommands.h"

#include <QRegularExpression>

#include <deque>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

bool isIdentifier(const QString &text)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return identifier.match(text).hasMatch();
}

// Compiled once: the gate judges every command, and a host poller's script at every start.
// Where an assignment's name ends: `name=`, `name+=`, `name[i]=`.
const QRegularExpression &assignedNameEnd()
{
    static const QRegularExpression pattern(u"[+\\[=]"_s);
    return pattern;
}

// `${x:offset:length}`: a substring expansion, whose offset and length are arithmetic.
const QRegularExpression &substringExpansion()
{
    static const QRegularExpression pattern(u"^\\$\\{#?[A-Za-z_0-9@*]+:[^-=?+]"_s);
    return pattern;
}

// The unquoted, unexpanded text of a word when it is nothing else, else empty.
QString plainText(const ShellToken &token)
{
    if (token.kind != ShellToken::Kind::Word || token.parts.size() != 1 ||
        token.parts.front().kind != ShellWordPart::Kind::Literal)
        return {};
    return token.text;
}

// Words that open or close a compound command where a command starts; they run nothing.
bool isReservedWord(const QString &word)
{
    static const QStringList reserved = {u"if"_s,    u"then"_s, u"else"_s, u"elif"_s,
                                         u"fi"_s,    u"do"_s,   u"done"_s, u"while"_s,
                                         u"until"_s, u"!"_s,    u"time"_s, u"esac"_s};
    return reserved.contains(word);
}

// [[ a -eq b ]]: both sides are evaluated as arithmetic.
bool isArithmeticComparison(const QString &word)
{
    static const QStringList operators = {u"-eq"_s, u"-ne"_s, u"-lt"_s,
                                          u"-le"_s, u"-gt"_s, u"-ge"_s};
    return operators.contains(word);
}

class Parser
{
public:
    explicit Parser(ShellCommandList &out)
        : m_out(out)
    {
    }

    void parse(const std::vector<ShellToken> &tokens, int depth)
    {
        Level level;
        level.depth = depth;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const ShellToken &token = tokens[i];
            switch (token.kind) {
            case ShellToken::Kind::Blank:
            case ShellToken::Kind::Comment:
            case ShellToken::Kind::Continuation:
                break;
            case ShellToken::Kind::HereDocument:
                attachHereDocument(level, token);
                break;
            case ShellToken::Kind::Redirection:
                level.current.redirections.push_back(&token);
                collectNested(token.parts, level);
                break;
            case ShellToken::Kind::Word:
                addWord(level, token);
                break;
            case ShellToken::Kind::Operator:
                if (level.doubleBracket && !token.isOperator(u"\n"))
                    break; // [[ a && ( b || c ) ]] is one test
                if (token.isOperator(u"(") && isFunctionName(level.current) &&
                    nextIsClosingParenthesis(tokens, i)) {
                    level.current = {}; // name() { ...; }: the body's commands count
                    skipToClosingParenthesis(tokens, i);
                    break;
                }
                endCommand(level, token.op);
                break;
            }
        }
        endCommand(level, {});
    }

private:
    struct Level {
        int depth = 0;
        ShellCommand current;
        bool readsPipe = false;
        bool doubleBracket = false;
        bool expectCasePattern = false;
        // Commands (indices into the output) waiting for a here-document body each.
        std::deque<std::size_t> pendingHereDocuments;
    };

    void addWord(Level &level, const ShellToken &token)
    {
        ShellCommand &command = level.current;
        const QString plain = plainText(token);
        if (command.words.empty() && token.isAssignment()) {
            command.assignments.push_back(&token);
            m_out.assignedNames.append(token.text.section(assignedNameEnd(), 0, 0));
        } else if (command.words.empty() && command.assignments.empty() && isReservedWord(plain)) {
            // `then`, `do`, `!`: the command starts after it.
        } else {
            if (command.words.empty() && plain == u"[[")
                level.doubleBracket = true;
            else if (level.doubleBracket && plain == u"]]")
                level.doubleBracket = false;
            command.words.push_back(&token);
            if (level.doubleBracket && isArithmeticComparison(plain) && command.words.size() > 1) {
                addArithmeticWord(command, *command.words.end()[-2]);
                m_arithmeticOperandNext = true;
            } else if (std::exchange(m_arithmeticOperandNext, false)) {
                addArithmeticWord(command, token);
            }
        }
        collectNested(token.parts, level);
    }

    static void addArithmeticWord(ShellCommand &command, const ShellToken &word)
    {
        for (const ShellWordPart &part : word.parts)
            command.arithmetic.push_back(&part);
    }

    static bool isFunctionName(const ShellCommand &command)
    {
        return command.assignments.empty() && command.redirections.empty() &&
               command.words.size() == 1 && !plainText(*command.words.front()).isEmpty();
    }

    static bool nextIsClosingParenthesis(const std::vector<ShellToken> &tokens, std::size_t i)
    {
        for (std::size_t j = i + 1; j < tokens.size(); ++j) {
            if (tokens[j].kind == ShellToken::Kind::Blank)
                continue;
            return tokens[j].isOperator(u")");
        }
        return false;
    }

    static void skipToClosingParenthesis(const std::vector<ShellToken> &tokens, std::size_t &i)
    {
        while (i + 1 < tokens.size() && !tokens[i].isOperator(u")"))
            ++i;
    }

    void endCommand(Level &level, const QString &terminator)
    {
        ShellCommand command = std::exchange(level.current, {});
        const bool empty =
            command.words.empty() && command.assignments.empty() && command.redirections.empty();
        level.doubleBracket = false;
        if (terminator == u";;" || terminator == u";&" || terminator == u";;&") {
            push(level, std::move(command));
            level.expectCasePattern = true;
            level.readsPipe = false;
            return;
        }
        if (empty) {
            // `a | { b; }` and `a | ( b )`: the group reads the pipe.
            if (terminator != u"(" && terminator != u"{" && terminator != u"\n")
                level.readsPipe = terminator == u"|" || terminator == u"|&";
            return;
        }
        const QString first = command.words.empty() ? QString() : plainText(*command.words[0]);
        if (level.expectCasePattern) {
            // pattern) or (pattern): words that are matched, not run; esac ends the case.
            if (terminator == u")" || first == u"esac")
                level.expectCasePattern = false;
            if (first != u"esac" || command.words.size() > 1 || !command.redirections.empty()) {
                command.words.clear();
                push(level, std::move(command)); // its redirections (esac > f) still count
            }
            return;
        }
        if (first == u"case") {
            command.words.clear();
            level.expectCasePattern = terminator != u")";
        } else if (first == u"for" || first == u"select") {
            if (command.words.size() > 1) {
                const QString variable = plainText(*command.words[1]);
                if (isIdentifier(variable))
                    m_out.assignedNames.append(variable);
            }
            command.words.clear();
        } else if (first == u"function") {
            command.words.clear();
        } else if (first == u"coproc") {
            m_out.unsupported.append(u"coproc"_s);
        }
        command.readsPipe = level.readsPipe;
        level.readsPipe = terminator == u"|" || terminator == u"|&";
        noteAssignedNames(command);
        push(level, std::move(command));
    }

    // Builtins that give variables their value: what an arithmetic evaluation could run.
    void noteAssignedNames(const ShellCommand &command)
    {
        if (command.words.empty())
            return;
        static const QStringList assigners = {
            u"read"_s,   u"mapfile"_s,  u"readarray"_s, u"declare"_s, u"typeset"_s, u"local"_s,
            u"export"_s, u"readonly"_s, u"let"_s,       u"getopts"_s, u"printf"_s};
        if (!assigners.contains(command.name()))
            return;
        for (std::size_t i = 1; i < command.words.size(); ++i) {
            const QString word = command.words[i]->value();
            if (!word.startsWith(u'-'))
                m_out.assignedNames.append(word.section(assignedNameEnd(), 0, 0));
        }
    }

    void push(Level &level, ShellCommand command)
    {
        command.depth = level.depth;
        const qsizetype openers = std::ranges::count_if(
            command.redirections, [](const ShellToken *r) { return r->isHereDocumentOpener(); });
        m_out.commands.push_back(std::move(command));
        for (qsizetype i = 0; i < openers; ++i)
            level.pendingHereDocuments.push_back(m_out.commands.size() - 1);
    }

    void attachHereDocument(Level &level, const ShellToken &body)
    {
        if (!level.pendingHereDocuments.empty()) {
            m_out.commands[level.pendingHereDocuments.front()].hereDocuments.push_back(&body);
            level.pendingHereDocuments.pop_front();
        }
        if (body.expands)
            collectNested(body.parts, level);
    }

    // Substitutions run commands of their own; arithmetic is noted on the current command.
    void collectNested(const std::vector<ShellWordPart> &parts, Level &level)
    {
        for (const ShellWordPart &part : parts) {
            switch (part.kind) {
            case ShellWordPart::Kind::CommandSubstitution:
            case ShellWordPart::Kind::Backticks:
            case ShellWordPart::Kind::ProcessSubstitution:
                parse(part.tokens, level.depth + 1);
                break;
            case ShellWordPart::Kind::ArrayLiteral:
                for (const ShellToken &token : part.tokens)
                    collectNested(token.parts, level);
                break;
            case ShellWordPart::Kind::Arithmetic:
                level.current.arithmetic.push_back(&part);
                collectNested(part.parts, level);
                break;
            case ShellWordPart::Kind::Parameter:
                // ${a[i]} and ${x:offset:length} evaluate i, offset and length.
                if (part.text.contains(u'[') || substringExpansion().match(part.text).hasMatch())
                    level.current.arithmetic.push_back(&part);
                collectNested(part.parts, level);
                break;
            case ShellWordPart::Kind::DoubleQuoted:
                collectNested(part.parts, level);
                break;
            default:
                break;
            }
        }
    }

    ShellCommandList &m_out;
    bool m_arithmeticOperandNext = false;
};

// The word with each quoted piece replaced by one letter and each expansion by `$`: what
// is left is where the shell still finds globs and brace expansion ({'rm',-f} is rm -f).
QString unquotedSkeleton(const std::vector<ShellWordPart> &parts)
{
    QString skeleton;
    for (const ShellWordPart &part : parts) {
        if (part.kind == ShellWordPart::Kind::Literal)
            skeleton += part.text;
        else if (part.kind != ShellWordPart::Kind::LineContinuation)
            skeleton += part.isQuoting() ? u'q' : u'$';
    }
    return skeleton;
}

} // namespace

QString ShellCommand::name() const
{
    return words.empty() ? QString() : words.front()->value();
}

ShellCommandList parseShellCommands(const ShellLexResult &lexed)
{
    ShellCommandList list;
    Parser(list).parse(lexed.tokens, 0);
    list.assignedNames.removeDuplicates();
    list.assignedNames.removeAll(QString());
    return list;
}

bool isComputedWord(const ShellToken &word)
{
    if (containsExpansion(word.parts))
        return true;
    // A '[' without a ']' after it is no pattern: `[` and `[[` are commands.
    static const QRegularExpression globOrBraces(u"[*?]|\\[.*\\]|\\{[^{}]*(,|\\.\\.)[^{}]*\\}"_s);
    return globOrBraces.match(unquotedSkeleton(word.parts)).hasMatch();
}

bool containsExpansion(const std::vector<ShellWordPart> &parts)
{
    for (const ShellWordPart &part : parts) {
        if (part.isExpansion() || part.kind == ShellWordPart::Kind::ProcessSubstitution ||
            part.kind == ShellWordPart::Kind::ArrayLiteral)
            return true;
        if (part.kind == ShellWordPart::Kind::DoubleQuoted && containsExpansion(part.parts))
            return true;
    }
    return false;
}

} // namespace OpsDeck
