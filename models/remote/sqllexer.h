// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace OpsDeck {

// Who reads the text: the server, or psql before it (psql substitutes :variables and runs
// backslash meta-commands itself; the server never sees either).
enum class SqlDialect { Server, Psql };

struct SqlLexOptions {
    SqlDialect dialect = SqlDialect::Psql;
    // The server setting standard_conforming_strings: on (the default since PostgreSQL 9.1), a
    // backslash in '…' is an ordinary character; off, it escapes the next one as in E'…'.
    bool standardConformingStrings = true;
};

// One token of SQL as PostgreSQL's lexer (scan.l, and psqlscan.l for psql) reads it. Tokens
// cover the text in order without gaps; positions are in UTF-16 code units.
struct SqlToken {
    enum class Kind {
        Whitespace,
        LineComment,      // -- to the end of the line (without the line break)
        BlockComment,     // /* … */, nesting as in PostgreSQL
        String,           // '…' with '' for a quote; N'…'
        EscapeString,     // E'…': backslash escapes, \' too
        UnicodeString,    // U&'…'
        BitString,        // B'…' and X'…'
        DollarString,     // $$…$$ and $tag$…$tag$
        QuotedIdentifier, // "…" with "" for a quote; U&"…"
        Identifier,       // a name or keyword, unquoted (case-insensitive)
        Number,           // 42, 1.5e3, .5, 0x1F, 1_000
        Parameter,        // $1
        Operator,         // + - * / < > = ~ ! @ # % ^ & | ` ? and combinations: <=, ->>, :=
        Punctuation,      // ( ) [ ] , . .. : and the cast ::; psql's \: (a literal colon)
        Semicolon,        // ; and psql's \; (a separator that does not send the buffer yet)
        PsqlVariable,     // psql: :name (pasted as raw text), :'name', :"name", :{?name}
        MetaCommand,      // psql: a backslash command with its arguments, without the newline
        Other,            // a character SQL has no use for ({, }, a stray $ or backslash)
    };

    Kind kind = Kind::Other;
    qsizetype start = 0;
    qsizetype length = 0;
    // Quotes, comments and dollar quotes: their end was found before the end of the text.
    bool terminated = true;

    qsizetype end() const { return start + length; }
    QStringView in(QStringView text) const { return text.mid(start, length); }
    friend bool operator==(const SqlToken &, const SqlToken &) = default;
};

// What the server would reject because the text ends inside it.
struct SqlLexProblem {
    enum class Kind {
        UnterminatedString,           // '…, E'…, U&'…, B'…, X'…
        UnterminatedQuotedIdentifier, // "…
        UnterminatedComment,          // /* …
        UnterminatedDollarQuote,      // $tag$ …
    };

    Kind kind = Kind::UnterminatedString;
    qsizetype position = 0; // where the construct opens
    friend bool operator==(const SqlLexProblem &, const SqlLexProblem &) = default;
};

struct SqlLexResult {
    std::vector<SqlToken> tokens;
    QList<SqlLexProblem> problems; // in the order they were found
};

// Splits SQL (or, for the Psql dialect, a psql script) into tokens. Never fails: what is
// unterminated runs to the end of the text and is listed in problems.
SqlLexResult tokenizeSql(QStringView sql, SqlLexOptions options = {});

// A psql backslash command as psql reads its arguments (psqlscanslash.l).
struct PsqlMetaCommand {
    struct Argument {
        QString value; // quotes removed from '…' (with psql's backslash escapes); "…" verbatim
        qsizetype start = 0;
        qsizetype length = 0;
        bool quoted = false;     // '…' or "…" in it
        bool variable = false;   // a :name, :'name' or :"name" in it: the value is not known
        bool backquoted = false; // `…` in it: psql runs that as a shell command
        friend bool operator==(const Argument &, const Argument &) = default;
    };

    QString name;                    // "d+", "!", "copy", "o" (without the backslash)
    std::vector<Argument> arguments; // whole-line commands and pipes: the rest of the line
    bool wholeLine = false;          // \! \copy \h \sf \sv \ef \ev take the line as it stands
    bool backquoted() const;         // any argument has `…`
};

// The command a MetaCommand token holds; text starts at its backslash.
PsqlMetaCommand parsePsqlMetaCommand(QStringView text);

QString sqlTokenKindName(SqlToken::Kind kind); // "identifier", "dollar-string", ...

} // namespace OpsDeck
