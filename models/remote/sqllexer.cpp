// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sqllexer.h"

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

using Kind = SqlToken::Kind;

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// PostgreSQL's {space}: what separates tokens (\v since PostgreSQL 16).
bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v';
}

bool isNewline(QChar c)
{
    return c == u'\n' || c == u'\r';
}

// Every byte of a multi-byte UTF-8 character counts as a letter in PostgreSQL's lexer, so every
// character outside ASCII does here.
bool isIdentifierStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_' || c.unicode() >= 0x80;
}

bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || isDigit(c) || c == u'$';
}

// A dollar-quote tag has no $ inside, unlike an identifier.
bool isTagChar(QChar c)
{
    return isIdentifierStart(c) || isDigit(c);
}

// psql's variable_char.
bool isVariableChar(QChar c)
{
    return isAsciiLetter(c) || isDigit(c) || c == u'_' || c.unicode() >= 0x80;
}

bool isOperatorChar(QChar c)
{
    return QStringView(u"~!@#^&|`?+-*/%<>=").contains(c);
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

int hexValue(QChar c)
{
    if (isDigit(c))
        return c.unicode() - u'0';
    return (c.unicode() | 0x20) - u'a' + 10;
}

// The whitespace of a psql backslash command's arguments (psqlscanslash.l's {space}); the line
// break itself ends the command.
bool isSlashSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\f';
}

const QStringList &wholeLineCommands()
{
    static const QStringList names = {u"!"_s,  u"ef"_s,  u"ev"_s, u"h"_s,  u"help"_s,
                                      u"sf"_s, u"sf+"_s, u"sv"_s, u"sv+"_s};
    return names;
}

// Commands whose argument may be "|command": the rest of the line is then the command.
bool takesFileOrPipe(QStringView name)
{
    static const QStringList names = {u"o"_s, u"out"_s, u"g"_s, u"gx"_s, u"w"_s, u"write"_s};
    return names.contains(name);
}

// A '…' argument of a backslash command from its opening quote: '' is a quote, and backslash
// escapes as in C (\n, \t, octal \101, hex \x41). Returns where it ends; value gets its text.
qsizetype readQuotedArgument(QStringView text, qsizetype i, qsizetype lineEnd, QString &value)
{
    for (++i; i < lineEnd; ++i) {
        const QChar c = text[i];
        if (c == u'\'') {
            if (i + 1 < lineEnd && text[i + 1] == u'\'') {
                value += u'\'';
                ++i;
                continue;
            }
            return i + 1;
        }
        if (c != u'\\' || i + 1 >= lineEnd) {
            value += c;
            continue;
        }
        const QChar e = text[++i];
        const qsizetype simple = QStringView(u"ntbrf").indexOf(e);
        if (simple >= 0) {
            value += QStringView(u"\n\t\b\r\f")[simple];
        } else if (e >= u'0' && e <= u'7') {
            int code = e.unicode() - u'0';
            for (int n = 0; n < 2 && i + 1 < lineEnd && text[i + 1] >= u'0' && text[i + 1] <= u'7';
                 ++n)
                code = code * 8 + (text[++i].unicode() - u'0');
            value += QChar(char16_t(code & 0xff));
        } else if (e == u'x' && i + 1 < lineEnd && isHexDigit(text[i + 1])) {
            int code = 0;
            for (int n = 0; n < 2 && i + 1 < lineEnd && isHexDigit(text[i + 1]); ++n)
                code = code * 16 + hexValue(text[++i]);
            value += QChar(char16_t(code));
        } else {
            value += e;
        }
    }
    return lineEnd;
}

// Where a psql variable reference (:name, :'name', :"name", :{?name}) at text[i] ends, or i
// when there is none.
qsizetype variableEnd(QStringView text, qsizetype i, qsizetype lineEnd)
{
    if (i + 1 >= lineEnd || text[i] != u':')
        return i;
    const QChar open = text[i + 1];
    qsizetype k = i + 1;
    QChar close;
    if (open == u'\'' || open == u'"') {
        ++k;
        close = open;
    } else if (open == u'{' && i + 2 < lineEnd && text[i + 2] == u'?') {
        k += 2;
        close = u'}';
    }
    const qsizetype nameStart = k;
    while (k < lineEnd && isVariableChar(text[k]))
        ++k;
    if (k == nameStart)
        return i;
    if (close.isNull())
        return k;
    return k < lineEnd && text[k] == close ? k + 1 : i;
}

// Reads a psql backslash command starting at the backslash text[at], on a line that ends at
// lineEnd; returns where it ends: after its last argument (at the latest at the line break),
// before the next unquoted backslash (a command of its own), or after "\\".
qsizetype scanMetaCommand(QStringView text, qsizetype at, qsizetype lineEnd,
                          PsqlMetaCommand &command)
{
    // The first of c at or after from on this line, or lineEnd.
    auto findOnLine = [&](QChar c, qsizetype from) {
        const qsizetype found = text.mid(from, lineEnd - from).indexOf(c);
        return found < 0 ? lineEnd : from + found;
    };
    qsizetype i = at + 1;
    while (i < lineEnd && !isSlashSpace(text[i]) && text[i] != u'\\')
        ++i;
    command.name = text.mid(at + 1, i - at - 1).toString();
    command.wholeLine = wholeLineCommands().contains(command.name) ||
                        command.name.compare(u"copy"_s, Qt::CaseInsensitive) == 0;

    // The command ends after its last argument: the blanks after it are whitespace.
    qsizetype commandEnd = i;
    auto restOfLine = [&](qsizetype from) {
        while (from < lineEnd && isSlashSpace(text[from]))
            ++from;
        qsizetype last = lineEnd;
        while (last > from && isSlashSpace(text[last - 1]))
            --last;
        if (from < last) {
            PsqlMetaCommand::Argument argument;
            argument.start = from;
            argument.length = last - from;
            argument.value = text.mid(from, last - from).toString();
            command.arguments.push_back(argument);
            return last;
        }
        return commandEnd;
    };
    if (command.wholeLine)
        return restOfLine(i);

    const bool filePipe = takesFileOrPipe(command.name);
    while (true) {
        while (i < lineEnd && isSlashSpace(text[i]))
            ++i;
        if (i >= lineEnd)
            return commandEnd;
        if (text[i] == u'\\')
            return text.mid(i, 2) == u"\\\\" ? i + 2 : commandEnd;
        if (filePipe && text[i] == u'|')
            return restOfLine(i);
        PsqlMetaCommand::Argument argument;
        argument.start = i;
        while (i < lineEnd && !isSlashSpace(text[i]) && text[i] != u'\\') {
            const QChar c = text[i];
            if (c == u'\'') {
                argument.quoted = true;
                i = readQuotedArgument(text, i, lineEnd, argument.value);
            } else if (c == u'`' || c == u'"') {
                // `…` runs a shell command; "…" is taken verbatim, quotes and all.
                (c == u'`' ? argument.backquoted : argument.quoted) = true;
                const qsizetype end = std::min(findOnLine(c, i + 1) + 1, lineEnd);
                argument.value += text.mid(i, end - i);
                i = end;
            } else if (const qsizetype end = variableEnd(text, i, lineEnd); end > i) {
                // :name, :'name', :"name" and :{?name}: psql substitutes the variable.
                argument.variable = true;
                argument.value += text.mid(i, end - i);
                i = end;
            } else {
                argument.value += c;
                ++i;
            }
        }
        argument.length = i - argument.start;
        command.arguments.push_back(argument);
        commandEnd = i;
    }
}

class Lexer
{
public:
    Lexer(QStringView text, SqlLexOptions options)
        : m_text(text)
        , m_options(options)
        , m_psql(options.dialect == SqlDialect::Psql)
    {
    }

    SqlLexResult run()
    {
        while (m_pos < m_text.size())
            next();
        return std::move(m_result);
    }

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text[i] : QChar(); }

    void emit(Kind kind, qsizetype start, qsizetype end, bool terminated = true)
    {
        m_result.tokens.push_back(SqlToken{kind, start, end - start, terminated});
        m_pos = end;
    }

    void problem(SqlLexProblem::Kind kind, qsizetype position)
    {
        m_result.problems.append(SqlLexProblem{kind, position});
    }

    void next()
    {
        const qsizetype start = m_pos;
        const QChar c = m_text[start];
        const QChar c1 = at(start + 1);
        if (isSpace(c)) {
            qsizetype end = start + 1;
            while (end < m_text.size() && isSpace(m_text[end]))
                ++end;
            return emit(Kind::Whitespace, start, end);
        }
        if (c == u'-' && c1 == u'-')
            return emit(Kind::LineComment, start, lineEnd(start));
        if (c == u'/' && c1 == u'*')
            return blockComment(start);
        if (c == u'\'')
            return quoted(Kind::String, start, start + 1, !m_options.standardConformingStrings);
        if (c1 == u'\'') {
            switch (c.toLatin1()) {
            case 'E':
            case 'e':
                return quoted(Kind::EscapeString, start, start + 2, true);
            case 'B':
            case 'b':
            case 'X':
            case 'x':
                return quoted(Kind::BitString, start, start + 2, false, false);
            case 'N':
            case 'n':
                return quoted(Kind::String, start, start + 2, !m_options.standardConformingStrings);
            default:
                break;
            }
        }
        if ((c == u'U' || c == u'u') && c1 == u'&') {
            if (at(start + 2) == u'\'')
                return quoted(Kind::UnicodeString, start, start + 3, false);
            if (at(start + 2) == u'"')
                return quotedIdentifier(start, start + 3);
        }
        if (c == u'"')
            return quotedIdentifier(start, start + 1);
        if (c == u'$')
            return dollar(start);
        if (isDigit(c) || (c == u'.' && isDigit(c1)))
            return number(start);
        if (isIdentifierStart(c)) {
            qsizetype end = start + 1;
            while (end < m_text.size() && isIdentifierChar(m_text[end]))
                ++end;
            return emit(Kind::Identifier, start, end);
        }
        if (m_psql && c == u'\\') {
            if (c1 == u';')
                return emit(Kind::Semicolon, start, start + 2);
            if (c1 == u':')
                return emit(Kind::Punctuation, start, start + 2);
            if (m_lineEnd < start) {
                m_lineEnd = m_text.indexOf(u'\n', start);
                if (m_lineEnd < 0)
                    m_lineEnd = m_text.size();
            }
            PsqlMetaCommand command;
            return emit(Kind::MetaCommand, start,
                        scanMetaCommand(m_text, start, m_lineEnd, command));
        }
        if (m_psql && c == u':' && c1 != u':') {
            if (const qsizetype end = variableEnd(m_text, start, m_text.size()); end > start)
                return emit(Kind::PsqlVariable, start, end);
        }
        switch (c.unicode()) {
        case u';':
            return emit(Kind::Semicolon, start, start + 1);
        case u':':
            if (c1 == u':')
                return emit(Kind::Punctuation, start, start + 2);
            if (c1 == u'=')
                return emit(Kind::Operator, start, start + 2);
            return emit(Kind::Punctuation, start, start + 1);
        case u'.':
            return emit(Kind::Punctuation, start, start + (c1 == u'.' ? 2 : 1));
        case u',':
        case u'(':
        case u')':
        case u'[':
        case u']':
            return emit(Kind::Punctuation, start, start + 1);
        default:
            break;
        }
        if (isOperatorChar(c))
            return operatorToken(start);
        // A lone surrogate never reaches here (it is >= 0x80, a letter); this is ASCII.
        emit(Kind::Other, start, start + 1);
    }

    qsizetype lineEnd(qsizetype from) const
    {
        while (from < m_text.size() && !isNewline(m_text[from]))
            ++from;
        return from;
    }

    void blockComment(qsizetype start)
    {
        int depth = 0;
        qsizetype i = start;
        while (i < m_text.size()) {
            if (m_text[i] == u'/' && at(i + 1) == u'*') {
                ++depth;
                i += 2;
            } else if (m_text[i] == u'*' && at(i + 1) == u'/') {
                i += 2;
                if (--depth == 0)
                    return emit(Kind::BlockComment, start, i);
            } else {
                ++i;
            }
        }
        problem(SqlLexProblem::Kind::UnterminatedComment, start);
        emit(Kind::BlockComment, start, m_text.size(), false);
    }

    // After a closing quote: whitespace with a line break and then a quote continue the
    // literal ('a'\n'b' is 'ab'), read as the literal's kind. Returns that quote, or -1.
    qsizetype continuation(qsizetype i) const
    {
        while (i < m_text.size()) {
            const QChar c = m_text[i];
            if (c == u' ' || c == u'\t' || c == u'\f' || c == u'\v')
                ++i;
            else if (c == u'-' && at(i + 1) == u'-')
                i = lineEnd(i);
            else
                break;
        }
        if (i >= m_text.size() || !isNewline(m_text[i]))
            return -1;
        while (i < m_text.size()) {
            if (isSpace(m_text[i])) {
                ++i;
            } else if (m_text[i] == u'-' && at(i + 1) == u'-') {
                i = lineEnd(i);
                if (i >= m_text.size())
                    return -1;
            } else {
                break;
            }
        }
        return at(i) == u'\'' ? i : -1;
    }

    void quoted(Kind kind, qsizetype start, qsizetype from, bool backslashEscapes,
                bool doubledQuotes = true)
    {
        qsizetype i = from;
        while (i < m_text.size()) {
            const QChar c = m_text[i];
            if (backslashEscapes && c == u'\\') {
                i = std::min(i + 2, m_text.size());
                continue;
            }
            if (c != u'\'') {
                ++i;
                continue;
            }
            if (doubledQuotes && at(i + 1) == u'\'') {
                i += 2;
                continue;
            }
            if (const qsizetype next = continuation(i + 1); next >= 0) {
                i = next + 1;
                continue;
            }
            return emit(kind, start, i + 1);
        }
        problem(SqlLexProblem::Kind::UnterminatedString, start);
        emit(kind, start, m_text.size(), false);
    }

    void quotedIdentifier(qsizetype start, qsizetype from)
    {
        qsizetype i = from;
        while (i < m_text.size()) {
            if (m_text[i] == u'"') {
                if (at(i + 1) != u'"')
                    return emit(Kind::QuotedIdentifier, start, i + 1);
                ++i;
            }
            ++i;
        }
        problem(SqlLexProblem::Kind::UnterminatedQuotedIdentifier, start);
        emit(Kind::QuotedIdentifier, start, m_text.size(), false);
    }

    void dollar(qsizetype start)
    {
        qsizetype i = start + 1;
        if (isDigit(at(i))) {
            while (isDigit(at(i)))
                ++i;
            return emit(Kind::Parameter, start, i);
        }
        if (at(i) != u'$') {
            if (!isIdentifierStart(at(i)))
                return emit(Kind::Other, start, i);
            while (isTagChar(at(i)))
                ++i;
            if (at(i) != u'$') // $foo without a closing $: a stray $, then a name
                return emit(Kind::Other, start, start + 1);
        }
        const QStringView delimiter = m_text.mid(start, i + 1 - start);
        const qsizetype close = m_text.indexOf(delimiter, i + 1);
        if (close >= 0)
            return emit(Kind::DollarString, start, close + delimiter.size());
        problem(SqlLexProblem::Kind::UnterminatedDollarQuote, start);
        emit(Kind::DollarString, start, m_text.size(), false);
    }

    void number(qsizetype start)
    {
        qsizetype i = start;
        auto digits = [&](auto accept) {
            while (accept(at(i)) || (at(i) == u'_' && accept(at(i + 1))))
                ++i;
        };
        const QChar radix = at(start + 1).toLower();
        if (at(start) == u'0' && radix == u'x' && isHexDigit(at(start + 2))) {
            i = start + 2;
            digits(isHexDigit);
        } else if (at(start) == u'0' && radix == u'o' && at(start + 2) >= u'0' &&
                   at(start + 2) <= u'7') {
            i = start + 2;
            digits([](QChar c) { return c >= u'0' && c <= u'7'; });
        } else if (at(start) == u'0' && radix == u'b' &&
                   (at(start + 2) == u'0' || at(start + 2) == u'1')) {
            i = start + 2;
            digits([](QChar c) { return c == u'0' || c == u'1'; });
        } else {
            digits(isDigit);
            // 1..10 is 1, .., 10 (PL/pgSQL ranges).
            if (at(i) == u'.' && at(i + 1) != u'.') {
                ++i;
                digits(isDigit);
            }
            const QChar sign = at(i + 1);
            if ((at(i) == u'e' || at(i) == u'E') &&
                (isDigit(sign) || ((sign == u'+' || sign == u'-') && isDigit(at(i + 2))))) {
                i += isDigit(sign) ? 1 : 2;
                digits(isDigit);
            }
        }
        emit(Kind::Number, start, i);
    }

    void operatorToken(qsizetype start)
    {
        qsizetype end = start;
        while (end < m_text.size() && isOperatorChar(m_text[end]))
            ++end;
        // A comment start inside ends the operator: +/* is + and a comment.
        for (qsizetype k = start + 1; k + 1 < end; ++k) {
            if ((m_text[k] == u'/' && m_text[k + 1] == u'*') ||
                (m_text[k] == u'-' && m_text[k + 1] == u'-')) {
                end = k;
                break;
            }
        }
        // As in SQL, a multi-character operator does not end in + or - unless it holds a
        // character SQL's operators do not have: =- is = and -, but ?- stays whole.
        if (end - start > 1 && (m_text[end - 1] == u'+' || m_text[end - 1] == u'-')) {
            const QStringView body = m_text.mid(start, end - start - 1);
            const bool special = std::any_of(body.begin(), body.end(), [](QChar c) {
                return QStringView(u"~!@#^&|`?%").contains(c);
            });
            if (!special) {
                while (end - start > 1 && (m_text[end - 1] == u'+' || m_text[end - 1] == u'-'))
                    --end;
            }
        }
        emit(Kind::Operator, start, end);
    }

    QStringView m_text;
    SqlLexOptions m_options;
    bool m_psql;
    qsizetype m_pos = 0;
    qsizetype m_lineEnd = -1; // where the line of the last meta-command ends
    SqlLexResult m_result;
};

} // namespace

SqlLexResult tokenizeSql(QStringView sql, SqlLexOptions options)
{
    return Lexer(sql, options).run();
}

bool PsqlMetaCommand::backquoted() const
{
    return std::any_of(arguments.begin(), arguments.end(),
                       [](const Argument &argument) { return argument.backquoted; });
}

PsqlMetaCommand parsePsqlMetaCommand(QStringView text)
{
    PsqlMetaCommand command;
    if (text.startsWith(u'\\')) {
        const qsizetype lineEnd = text.indexOf(u'\n');
        scanMetaCommand(text, 0, lineEnd < 0 ? text.size() : lineEnd, command);
    }
    return command;
}

QString sqlTokenKindName(SqlToken::Kind kind)
{
    switch (kind) {
    case Kind::Whitespace:
        return u"whitespace"_s;
    case Kind::LineComment:
        return u"line-comment"_s;
    case Kind::BlockComment:
        return u"block-comment"_s;
    case Kind::String:
        return u"string"_s;
    case Kind::EscapeString:
        return u"escape-string"_s;
    case Kind::UnicodeString:
        return u"unicode-string"_s;
    case Kind::BitString:
        return u"bit-string"_s;
    case Kind::DollarString:
        return u"dollar-string"_s;
    case Kind::QuotedIdentifier:
        return u"quoted-identifier"_s;
    case Kind::Identifier:
        return u"identifier"_s;
    case Kind::Number:
        return u"number"_s;
    case Kind::Parameter:
        return u"parameter"_s;
    case Kind::Operator:
        return u"operator"_s;
    case Kind::Punctuation:
        return u"punctuation"_s;
    case Kind::Semicolon:
        return u"semicolon"_s;
    case Kind::PsqlVariable:
        return u"variable"_s;
    case Kind::MetaCommand:
        return u"meta-command"_s;
    case Kind::Other:
        return u"other"_s;
    }
    return {};
}

} // namespace OpsDeck
