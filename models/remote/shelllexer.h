// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <vector>

namespace OpsDeck {

struct ShellToken;

// Where something stands in the lexed text, in UTF-16 code units.
struct ShellSpan {
    qsizetype start = 0;
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    bool contains(qsizetype position) const { return position >= start && position < end(); }
    friend bool operator==(const ShellSpan &, const ShellSpan &) = default;
};

// A piece of a word, of a redirection's target or of an expanding here-document body, in
// source order. The parts of a word cover it without gaps.
struct ShellWordPart {
    enum class Kind {
        Literal,             // unquoted text as it stands (in a body: the body's text)
        Escaped,             // a backslash and the character it quotes
        LineContinuation,    // backslash-newline inside a word: the shell removes both
        SingleQuoted,        // '...': nothing expands
        AnsiCQuoted,         // $'...': backslash escapes are decoded, nothing expands
        DoubleQuoted,        // "..." or $"...": parts holds what is inside the quotes
        Parameter,           // $name, $1, $?, ${...} (parts: what is inside the braces)
        CommandSubstitution, // $( ... ): tokens holds the commands inside
        Backticks,           // `...`: tokens holds the commands inside
        Arithmetic,          // $(( ... )), or (( ... )) as a command: parts holds its expansions
        ProcessSubstitution, // <( ... ) or >( ... ): tokens holds the commands inside
        ArrayLiteral,        // the ( ... ) of name=( ... ): tokens holds the words inside
    };

    Kind kind = Kind::Literal;
    ShellSpan span;
    QString text;           // as written, with its quotes, `$`, braces and parentheses
    QString name;           // Parameter: "x" for $x, ${x} and ${x:-y}, ${#x}; "1", "?", "@"
    bool terminated = true; // its closing quote, brace, parenthesis or backtick was found
    std::vector<ShellWordPart> parts; // DoubleQuoted, Parameter, Arithmetic: what is inside
    std::vector<ShellToken> tokens;   // substitutions and array literals: what is inside

    // Parameters, substitutions and arithmetic: what the shell replaces before running.
    bool isExpansion() const;
    // Quotes of any kind, or a backslash: the text is not taken as it stands.
    bool isQuoting() const;
    // After quote removal; expansions stay as written ("$x", "$(date)").
    QString value() const;
};

// One token of shell text. Tokens cover the text in order and without gaps: joining their
// texts gives the text back. Substitutions hold their own tokens inside their parts.
struct ShellToken {
    enum class Kind {
        Word,         // a command name, an argument, an assignment, a reserved word
        Operator,     // ; & | && || |& ( ) ;; ;& ;;& a newline, and { } where a command starts
        Redirection,  // [n]op target: > f, 2>/dev/null, >&2, <<EOF (its body follows later)
        HereDocument, // a here-document's body and its closing line, after the line's newline
        Comment,      // from a '#' that starts a word, outside quotes, to the end of the line
        Blank,        // spaces and tabs between tokens
        Continuation, // backslash-newline between tokens: the line goes on
    };

    Kind kind = Kind::Word;
    ShellSpan span;
    QString text; // as written
    // Word and Operator: stands where a command begins, so `if`, `{` or `done` are reserved
    // words here and not arguments.
    bool commandPosition = false;
    // Word: its parts. Redirection: its target's. HereDocument: its body's (one Literal part
    // when nothing expands in it).
    std::vector<ShellWordPart> parts;

    QString op;       // Operator and Redirection: ";", "&&", "\n", ">", "2>" without the 2, "<<-"
    QString ioNumber; // Redirection: "2" of 2>/dev/null, "{fd}" of {fd}>f; empty: the default
    ShellSpan target; // Redirection: the file, descriptor or here-document delimiter
    // Here-documents (the Redirection << or <<- and the HereDocument it opens).
    QString delimiter;   // without its quotes
    bool expands = true; // the body expands $, ` and \: the delimiter was not quoted
    ShellSpan content;   // HereDocument: the body without its closing line
    // Quotes, substitutions and here-documents in it were closed (not so at the text's end).
    bool terminated = true;

    bool isWord(QStringView spelling) const; // an unquoted word (or { }) spelled exactly so
    bool isOperator(QStringView spelling) const;
    bool isHereDocumentOpener() const; // the Redirection << or <<-
    // NAME=value, NAME+=value or NAME[i]=value: the shell assigns instead of running a command
    // when it stands before the command name.
    bool isAssignment() const;
    QString value() const; // Word and Redirection target: after quote removal
};

// What the shell would stop at: an unterminated quote, substitution or here-document.
struct ShellLexProblem {
    enum class Kind {
        UnterminatedSingleQuote,
        UnterminatedDoubleQuote,
        UnterminatedParameter,    // ${ without }
        UnterminatedSubstitution, // $( <( >( or name=( without )
        UnterminatedBackticks,
        UnterminatedArithmetic,   // $(( or (( without ))
        UnterminatedHereDocument, // no closing line; delimiter says which
        MissingRedirectionTarget, // > at the end of a command
        NestedTooDeeply,          // the rest is taken as text
    };

    Kind kind;
    qsizetype position = 0; // where the construct opens
    QString delimiter;      // UnterminatedHereDocument
    friend bool operator==(const ShellLexProblem &, const ShellLexProblem &) = default;
};

struct ShellLexResult {
    QString text;
    std::vector<ShellToken> tokens;
    QList<ShellLexProblem> problems; // in the order they were found
    QList<qsizetype> lineStarts;     // where each line of text starts

    int lineOf(qsizetype position) const; // 0-based
};

// Splits shell text (a command line or a whole script) into tokens as bash would. Never fails:
// what is unterminated runs to the end of the text and is listed in problems.
ShellLexResult lexShell(const QString &text);

// Calls visit for each token and, depth first, for the tokens inside its substitutions, in
// source order; depth counts the substitutions around a token (0: at the top).
void forEachShellToken(const std::vector<ShellToken> &tokens,
                       const std::function<void(const ShellToken &, int depth)> &visit);

// The text without its comments, each replaced by nothing: what the shell reads as commands.
QString withoutShellComments(const ShellLexResult &lexed);

QString shellTokenKindName(ShellToken::Kind kind);       // "word", "operator", ...
QString shellWordPartKindName(ShellWordPart::Kind kind); // "literal", "single-quoted", ...

} // namespace OpsDeck
