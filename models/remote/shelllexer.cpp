// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/shelllexer.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>
#include <utility>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// Deeper than any script a person writes; keeps hostile input from exhausting the stack.
constexpr int MaximumNesting = 100;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// The characters that end an unquoted word.
bool isMetacharacter(QChar c)
{
    return isBlank(c) || c == u'\n' || c == u';' || c == u'&' || c == u'|' || c == u'(' ||
           c == u')' || c == u'<' || c == u'>';
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameCharacter(QChar c)
{
    return isNameStart(c) || isAsciiDigit(c);
}

bool isSpecialParameter(QChar c)
{
    return c == u'?' || c == u'$' || c == u'!' || c == u'#' || c == u'@' || c == u'*' || c == u'-';
}

const QRegularExpression &assignmentPrefix()
{
    static const QRegularExpression pattern(uR"(^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=)"_s);
    return pattern;
}

// What $'...' means: its backslash escapes decoded.
QString decodeAnsiC(QStringView text)
{
    QString decoded;
    decoded.reserve(text.size());
    const auto digitsAt = [&](qsizetype from, int base, int most) {
        qsizetype end = from;
        while (end < text.size() && end - from < most) {
            bool ok = false;
            QString(text[end]).toInt(&ok, base);
            if (!ok)
                break;
            ++end;
        }
        return end;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'\\' || i + 1 >= text.size()) {
            decoded += text[i];
            continue;
        }
        const QChar c = text[++i];
        switch (c.unicode()) {
        case 'a':
            decoded += u'\a';
            break;
        case 'b':
            decoded += u'\b';
            break;
        case 'e':
        case 'E':
            decoded += QChar(0x1b);
            break;
        case 'f':
            decoded += u'\f';
            break;
        case 'n':
            decoded += u'\n';
            break;
        case 'r':
            decoded += u'\r';
            break;
        case 't':
            decoded += u'\t';
            break;
        case 'v':
            decoded += u'\v';
            break;
        case '\\':
        case '\'':
        case '"':
        case '?':
            decoded += c;
            break;
        case 'x':
        case 'u':
        case 'U': {
            const qsizetype end = digitsAt(i + 1, 16, c == u'x' ? 2 : (c == u'u' ? 4 : 8));
            if (end == i + 1) {
                decoded += u'\\';
                decoded += c;
                break;
            }
            const char32_t code = text.sliced(i + 1, end - i - 1).toUInt(nullptr, 16);
            decoded += QString::fromUcs4(&code, 1);
            i = end - 1;
            break;
        }
        default:
            if (c >= u'0' && c <= u'7') {
                const qsizetype end = digitsAt(i, 8, 3);
                decoded += QChar(char16_t(text.sliced(i, end - i).toUInt(nullptr, 8) & 0xff));
                i = end - 1;
            } else {
                decoded += u'\\';
                decoded += c;
            }
            break;
        }
    }
    return decoded;
}

QString partsValue(const std::vector<ShellWordPart> &parts)
{
    QString value;
    for (const ShellWordPart &part : parts)
        value += part.value();
    return value;
}

// The text of a word that is one plain literal, else empty: what a reserved word must be.
QString plainWord(const ShellToken &token)
{
    if (token.parts.size() != 1 || token.parts.front().kind != ShellWordPart::Kind::Literal)
        return {};
    return token.text;
}

class Lexer
{
public:
    Lexer(const QString &text, QList<ShellLexProblem> *problems)
        : m_text(text)
        , m_limit(text.size())
        , m_problems(*problems)
    {
    }

    std::vector<ShellToken> topLevel()
    {
        std::vector<ShellToken> tokens = commands(Closer::None, nullptr);
        // Opened on the last line: no newline, so no body at all.
        for (const PendingHereDocument &pending : std::as_const(m_pending))
            problem(ShellLexProblem::Kind::UnterminatedHereDocument, pending.position,
                    pending.delimiter);
        m_pending.clear();
        return tokens;
    }

private:
    enum class Closer { None, Parenthesis };
    enum class TextMode { DoubleQuotes, Braces, HereDocument, Arithmetic };
    enum class Stop { Closed, Limit, Mismatch };

    struct PendingHereDocument {
        QString delimiter;
        bool expands = true;
        qsizetype position = 0;
    };

    // What the words before decide about the next one, within one list of commands.
    struct CommandState {
        bool commandPosition = true;
        QList<char> open; // '(' for a parenthesis, 'c' for a case ... esac
        bool doubleBracket = false;
        bool regexNext = false;
        bool functionName = false;
        bool arithmeticFor = false; // for (( ... )): the header is arithmetic
    };

    // Counts nesting for as long as it lives.
    class Nesting
    {
    public:
        explicit Nesting(Lexer &lexer)
            : m_lexer(lexer)
        {
            ++m_lexer.m_depth;
        }
        ~Nesting() { --m_lexer.m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;
        bool tooDeep() const { return m_lexer.m_depth > MaximumNesting; }

    private:
        Lexer &m_lexer;
    };

    QChar at(qsizetype position) const { return position < m_limit ? m_text[position] : QChar(); }

    bool startsWith(QStringView what) const
    {
        return m_pos + what.size() <= m_limit &&
               QStringView(m_text).sliced(m_pos, what.size()) == what;
    }

    void problem(ShellLexProblem::Kind kind, qsizetype position, const QString &delimiter = {})
    {
        m_problems.append({kind, position, delimiter});
    }

    void finish(ShellToken &token, qsizetype start) const
    {
        token.span = {start, m_pos - start};
        token.text = m_text.mid(start, m_pos - start);
    }

    void finish(ShellWordPart &part, qsizetype start) const
    {
        part.span = {start, m_pos - start};
        part.text = m_text.mid(start, m_pos - start);
    }

    ShellToken simple(ShellToken::Kind kind, qsizetype start) const
    {
        ShellToken token;
        token.kind = kind;
        finish(token, start);
        if (kind == ShellToken::Kind::Operator)
            token.op = token.text;
        return token;
    }

    // Extends a Literal part that ends at m_pos, or starts one, by `length` characters.
    void literal(std::vector<ShellWordPart> &parts, qsizetype length)
    {
        const qsizetype start = m_pos;
        m_pos += length;
        if (!parts.empty() && parts.back().kind == ShellWordPart::Kind::Literal &&
            parts.back().span.end() == start) {
            ShellWordPart &last = parts.back();
            last.span.length += length;
            last.text += QStringView(m_text).sliced(start, length);
            return;
        }
        ShellWordPart part;
        finish(part, start);
        parts.push_back(std::move(part));
    }

    ShellWordPart fixed(ShellWordPart::Kind kind, qsizetype length)
    {
        const qsizetype start = m_pos;
        m_pos += length;
        ShellWordPart part;
        part.kind = kind;
        finish(part, start);
        return part;
    }

    // The rest up to the limit, as text: what cannot be lexed deeper.
    ShellWordPart tooDeep(ShellWordPart::Kind kind, qsizetype start)
    {
        problem(ShellLexProblem::Kind::NestedTooDeeply, start);
        m_pos = m_limit;
        ShellWordPart part;
        part.kind = kind;
        part.terminated = false;
        finish(part, start);
        return part;
    }

    // ---- Lists of commands -----------------------------------------------------------------

    std::vector<ShellToken> commands(Closer closer, bool *closed)
    {
        std::vector<ShellToken> tokens;
        CommandState state;
        while (m_pos < m_limit) {
            const qsizetype start = m_pos;
            const QChar c = m_text[m_pos];
            const QChar next = at(m_pos + 1);
            if (isBlank(c)) {
                while (m_pos < m_limit && isBlank(m_text[m_pos]))
                    ++m_pos;
                tokens.push_back(simple(ShellToken::Kind::Blank, start));
            } else if (c == u'\\' && next == u'\n') {
                m_pos += 2;
                tokens.push_back(simple(ShellToken::Kind::Continuation, start));
            } else if (c == u'\n') {
                ++m_pos;
                tokens.push_back(operatorToken(start, state));
                state.commandPosition = true;
                state.doubleBracket = state.regexNext = false; // a [[ without ]] ends here
                hereDocumentBodies(tokens);
            } else if (c == u'#') {
                while (m_pos < m_limit && m_text[m_pos] != u'\n')
                    ++m_pos;
                tokens.push_back(simple(ShellToken::Kind::Comment, start));
            } else if (c == u')') {
                if (!state.open.isEmpty()) {
                    if (state.open.last() == '(') // a case pattern's ')' closes nothing
                        state.open.removeLast();
                } else if (closer == Closer::Parenthesis) {
                    ++m_pos;
                    if (closed)
                        *closed = true;
                    return tokens;
                }
                ++m_pos;
                tokens.push_back(operatorToken(start, state));
                state.commandPosition = true;
            } else if (c == u'(') {
                if ((state.commandPosition || state.arithmeticFor) && next == u'(') {
                    if (std::optional<ShellWordPart> arithmetic = this->arithmetic(start, 2)) {
                        ShellToken command;
                        command.commandPosition = state.commandPosition;
                        command.parts.push_back(std::move(*arithmetic));
                        finish(command, start);
                        tokens.push_back(std::move(command));
                        state.commandPosition = false;
                        state.arithmeticFor = false;
                        continue;
                    }
                }
                ++m_pos;
                tokens.push_back(operatorToken(start, state));
                state.open.append('(');
                state.commandPosition = true;
            } else if (c == u'&' && next == u'>') {
                tokens.push_back(redirection(start, {}));
                state.commandPosition = false;
            } else if (c == u';' || c == u'&' || c == u'|') {
                static const QStringView operators[] = {u";;&", u";;", u";&", u";", u"&&",
                                                        u"&",   u"||", u"|&", u"|"};
                const auto match = std::ranges::find_if(
                    operators, [this](QStringView op) { return startsWith(op); });
                m_pos += match->size();
                tokens.push_back(operatorToken(start, state));
                state.commandPosition = true;
                if (*match != u"&&" && *match != u"||") // [[ a && b ]] goes on
                    state.doubleBracket = state.regexNext = false;
            } else if ((c == u'<' || c == u'>') && next != u'(') {
                if (state.doubleBracket) { // [[ a < b ]] compares
                    ShellToken comparison;
                    literal(comparison.parts, 1);
                    finish(comparison, start);
                    tokens.push_back(std::move(comparison));
                    continue;
                }
                tokens.push_back(redirection(start, {}));
                state.commandPosition = false;
            } else if (const qsizetype io = ioNumberLength(); io > 0) {
                const QString ioNumber = m_text.mid(start, io);
                m_pos += io;
                tokens.push_back(redirection(start, ioNumber));
                state.commandPosition = false;
            } else {
                ShellToken token = word(state.doubleBracket && state.regexNext);
                token.commandPosition = state.commandPosition;
                advance(state, token);
                tokens.push_back(std::move(token));
            }
        }
        return tokens;
    }

    ShellToken operatorToken(qsizetype start, const CommandState &state) const
    {
        ShellToken token = simple(ShellToken::Kind::Operator, start);
        token.commandPosition = state.commandPosition;
        return token;
    }

    // Reserved words where a command begins decide where the next one begins.
    static void advance(CommandState &state, ShellToken &token)
    {
        const QString plain = plainWord(token);
        const bool regex = std::exchange(state.regexNext, false);
        state.arithmeticFor = false;
        if (token.commandPosition) {
            if (plain == u"{" || plain == u"}") {
                token.kind = ShellToken::Kind::Operator;
                token.op = plain;
                token.parts.clear();
                state.commandPosition = plain == u"{";
                return;
            }
            static const QStringList keepCommandPosition = {u"if"_s,   u"then"_s,  u"else"_s,
                                                            u"elif"_s, u"while"_s, u"until"_s,
                                                            u"do"_s,   u"!"_s,     u"time"_s};
            state.commandPosition = keepCommandPosition.contains(plain);
            if (plain == u"case")
                state.open.append('c');
            else if (plain == u"esac" && !state.open.isEmpty() && state.open.last() == 'c')
                state.open.removeLast();
            else if (plain == u"[[")
                state.doubleBracket = true;
            else if (plain == u"function")
                state.functionName = true;
            else if (plain == u"for")
                state.arithmeticFor = true;
            return;
        }
        if (state.functionName) { // function name { ... }
            state.functionName = false;
            state.commandPosition = true;
        }
        if (state.doubleBracket) {
            if (plain == u"]]")
                state.doubleBracket = false;
            else if (plain == u"=~" && !regex)
                state.regexNext = true;
        }
    }

    // "2" of 2>f, "{fd}" of {fd}>f: the length of a descriptor before a redirection, else 0.
    qsizetype ioNumberLength() const
    {
        qsizetype end = m_pos;
        if (at(m_pos) == u'{') {
            ++end;
            while (end < m_limit && isNameCharacter(m_text[end]))
                ++end;
            if (end == m_pos + 1 || at(end) != u'}')
                return 0;
            ++end;
        } else {
            while (end < m_limit && isAsciiDigit(m_text[end]))
                ++end;
        }
        const QChar after = at(end);
        if (end == m_pos || (after != u'<' && after != u'>') || at(end + 1) == u'(')
            return 0;
        return end - m_pos;
    }

    // ---- Redirections and here-documents ---------------------------------------------------

    ShellToken redirection(qsizetype start, const QString &ioNumber)
    {
        static const QStringView operators[] = {u"<<<", u"<<-", u"<<", u"<&", u"<>", u"<",
                                                u"&>>", u"&>",  u">>", u">&", u">|", u">"};
        const auto match =
            std::ranges::find_if(operators, [this](QStringView op) { return startsWith(op); });
        ShellToken token;
        token.kind = ShellToken::Kind::Redirection;
        token.op = match->toString();
        token.ioNumber = ioNumber;
        m_pos += match->size();
        const qsizetype afterOperator = m_pos;
        while (m_pos < m_limit) {
            if (isBlank(m_text[m_pos]))
                ++m_pos;
            else if (m_text[m_pos] == u'\\' && at(m_pos + 1) == u'\n')
                m_pos += 2;
            else
                break;
        }
        const QChar c = at(m_pos);
        const bool processSubstitution = (c == u'<' || c == u'>') && at(m_pos + 1) == u'(';
        if (m_pos >= m_limit || c == u'#' || (isMetacharacter(c) && !processSubstitution)) {
            m_pos = afterOperator; // the blanks are a token of their own
            token.target = {m_pos, 0};
            problem(ShellLexProblem::Kind::MissingRedirectionTarget, start);
            finish(token, start);
            return token;
        }
        ShellToken target = word(false);
        token.target = target.span;
        token.parts = std::move(target.parts);
        if (token.isHereDocumentOpener()) {
            token.delimiter = partsValue(token.parts);
            token.expands = std::ranges::none_of(token.parts, &ShellWordPart::isQuoting);
            m_pending.append({token.delimiter, token.expands, start});
        }
        finish(token, start);
        return token;
    }

    // The bodies of the here-documents the line just ended opened, in order.
    void hereDocumentBodies(std::vector<ShellToken> &tokens)
    {
        const QList<PendingHereDocument> pending = std::exchange(m_pending, {});
        for (const PendingHereDocument &document : pending) {
            const qsizetype start = m_pos;
            if (start >= m_limit) {
                problem(ShellLexProblem::Kind::UnterminatedHereDocument, document.position,
                        document.delimiter);
                continue;
            }
            ShellToken body;
            body.kind = ShellToken::Kind::HereDocument;
            body.delimiter = document.delimiter;
            body.expands = document.expands;
            qsizetype contentEnd = m_limit;
            qsizetype end = m_limit;
            body.terminated = false;
            for (qsizetype lineStart = start; lineStart < m_limit;) {
                qsizetype lineEnd = m_text.indexOf(u'\n', lineStart);
                if (lineEnd < 0 || lineEnd > m_limit)
                    lineEnd = m_limit;
                // Tolerant like the runbooks' authors: spaces around the closing word, too.
                if (QStringView(m_text).sliced(lineStart, lineEnd - lineStart).trimmed() ==
                    document.delimiter) {
                    body.terminated = true;
                    contentEnd = lineStart;
                    end = lineEnd < m_limit ? lineEnd + 1 : lineEnd;
                    break;
                }
                lineStart = lineEnd + 1;
            }
            if (!body.terminated)
                problem(ShellLexProblem::Kind::UnterminatedHereDocument, document.position,
                        document.delimiter);
            body.content = {start, contentEnd - start};
            if (document.expands) {
                const qsizetype limit = std::exchange(m_limit, contentEnd);
                textParts(TextMode::HereDocument, false, body.parts);
                m_limit = limit;
            } else if (contentEnd > start) {
                literal(body.parts, contentEnd - start);
            }
            m_pos = end;
            finish(body, start);
            tokens.push_back(std::move(body));
        }
    }

    // ---- Words -----------------------------------------------------------------------------

    // regex: the right side of =~ in [[ ]], where ( ) | and blanks in parentheses are text.
    ShellToken word(bool regex)
    {
        ShellToken token;
        const qsizetype start = m_pos;
        int regexParentheses = 0;
        while (m_pos < m_limit) {
            const QChar c = m_text[m_pos];
            const QChar next = at(m_pos + 1);
            if (regex && (c == u'(' || c == u'|' || (c == u')' && regexParentheses > 0) ||
                          (isBlank(c) && regexParentheses > 0))) {
                regexParentheses += c == u'(' ? 1 : (c == u')' ? -1 : 0);
                literal(token.parts, 1);
            } else if ((c == u'<' || c == u'>') && next == u'(') {
                token.parts.push_back(nested(ShellWordPart::Kind::ProcessSubstitution, 2));
            } else if (c == u'(' && m_pos > start &&
                       assignmentPrefix()
                               .match(QStringView(m_text).sliced(start, m_pos - start))
                               .capturedLength() == m_pos - start) {
                token.parts.push_back(nested(ShellWordPart::Kind::ArrayLiteral, 1));
            } else if (isMetacharacter(c)) {
                break;
            } else if (c == u'\\') {
                if (next == u'\n')
                    token.parts.push_back(fixed(ShellWordPart::Kind::LineContinuation, 2));
                else if (m_pos + 1 < m_limit)
                    token.parts.push_back(fixed(ShellWordPart::Kind::Escaped, 2));
                else
                    literal(token.parts, 1);
            } else if (c == u'\'') {
                token.parts.push_back(singleQuoted());
            } else if (c == u'"') {
                token.parts.push_back(doubleQuoted(1));
            } else if (c == u'$') {
                dollar(token.parts, false);
            } else if (c == u'`') {
                token.parts.push_back(backticks());
            } else {
                qsizetype end = m_pos + 1;
                while (end < m_limit && !isMetacharacter(m_text[end]) &&
                       !QStringView(u"\\'\"$`").contains(m_text[end]))
                    ++end;
                literal(token.parts, end - m_pos);
            }
        }
        if (m_pos == start) // cannot happen; but never stand still
            literal(token.parts, 1);
        finish(token, start);
        return token;
    }

    ShellWordPart singleQuoted()
    {
        const qsizetype start = m_pos;
        const qsizetype close = m_text.indexOf(u'\'', start + 1);
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::SingleQuoted;
        if (close < 0 || close >= m_limit) {
            m_pos = m_limit;
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedSingleQuote, start);
        } else {
            m_pos = close + 1;
        }
        finish(part, start);
        return part;
    }

    ShellWordPart ansiCQuoted()
    {
        const qsizetype start = m_pos;
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::AnsiCQuoted;
        m_pos += 2;
        part.terminated = false;
        while (m_pos < m_limit) {
            const QChar c = m_text[m_pos];
            if (c == u'\\' && m_pos + 1 < m_limit) {
                m_pos += 2;
            } else {
                ++m_pos;
                if (c == u'\'') {
                    part.terminated = true;
                    break;
                }
            }
        }
        if (!part.terminated)
            problem(ShellLexProblem::Kind::UnterminatedSingleQuote, start);
        finish(part, start);
        return part;
    }

    // "..." from m_pos, or $"..." when prefix is 2.
    ShellWordPart doubleQuoted(qsizetype prefix)
    {
        const qsizetype start = m_pos;
        Nesting nesting(*this);
        if (nesting.tooDeep())
            return tooDeep(ShellWordPart::Kind::DoubleQuoted, start);
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::DoubleQuoted;
        m_pos += prefix;
        if (textParts(TextMode::DoubleQuotes, true, part.parts) == Stop::Closed) {
            ++m_pos;
        } else {
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedDoubleQuote, start);
        }
        finish(part, start);
        return part;
    }

    // What follows a '$': an expansion, a quote of its own, or the '$' itself.
    void dollar(std::vector<ShellWordPart> &parts, bool inDoubleQuotes)
    {
        const qsizetype start = m_pos;
        const QChar next = at(m_pos + 1);
        if (!inDoubleQuotes && next == u'\'') {
            parts.push_back(ansiCQuoted());
        } else if (!inDoubleQuotes && next == u'"') {
            parts.push_back(doubleQuoted(2));
        } else if (next == u'(') {
            if (at(m_pos + 2) == u'(') {
                if (std::optional<ShellWordPart> arithmetic = this->arithmetic(start, 3)) {
                    parts.push_back(std::move(*arithmetic));
                    return;
                }
            }
            parts.push_back(nested(ShellWordPart::Kind::CommandSubstitution, 2));
        } else if (next == u'{') {
            parts.push_back(parameterInBraces(inDoubleQuotes));
        } else if (isNameStart(next)) {
            qsizetype end = m_pos + 2;
            while (end < m_limit && isNameCharacter(m_text[end]))
                ++end;
            ShellWordPart part = fixed(ShellWordPart::Kind::Parameter, end - start);
            part.name = part.text.mid(1);
            parts.push_back(std::move(part));
        } else if (isAsciiDigit(next) || isSpecialParameter(next)) {
            ShellWordPart part = fixed(ShellWordPart::Kind::Parameter, 2);
            part.name = next;
            parts.push_back(std::move(part));
        } else {
            literal(parts, 1);
        }
    }

    ShellWordPart parameterInBraces(bool inDoubleQuotes)
    {
        const qsizetype start = m_pos;
        Nesting nesting(*this);
        if (nesting.tooDeep())
            return tooDeep(ShellWordPart::Kind::Parameter, start);
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::Parameter;
        m_pos += 2;
        if (textParts(TextMode::Braces, inDoubleQuotes, part.parts) == Stop::Closed) {
            ++m_pos;
        } else {
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedParameter, start);
        }
        finish(part, start);
        // ${x}, ${#x}, ${!x}, ${x:-y}, ${10}, ${?}: the parameter's name.
        QStringView inside = QStringView(part.text).sliced(2);
        if (inside.size() > 1 && (inside[0] == u'#' || inside[0] == u'!') && inside[1] != u'}')
            inside = inside.sliced(1);
        qsizetype length = 0;
        if (!inside.isEmpty() && isNameStart(inside[0])) {
            while (length < inside.size() && isNameCharacter(inside[length]))
                ++length;
        } else if (!inside.isEmpty() && isAsciiDigit(inside[0])) {
            while (length < inside.size() && isAsciiDigit(inside[length]))
                ++length;
        } else if (!inside.isEmpty() && isSpecialParameter(inside[0])) {
            length = 1;
        }
        part.name = inside.first(length).toString();
        return part;
    }

    // $( ... ), <( ... ), >( ... ) and the ( ... ) of an array: commands up to the ')'.
    ShellWordPart nested(ShellWordPart::Kind kind, qsizetype prefix)
    {
        const qsizetype start = m_pos;
        Nesting nesting(*this);
        if (nesting.tooDeep())
            return tooDeep(kind, start);
        ShellWordPart part;
        part.kind = kind;
        m_pos += prefix;
        bool closed = false;
        part.tokens = commands(Closer::Parenthesis, &closed);
        if (!closed) {
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedSubstitution, start);
        }
        finish(part, start);
        return part;
    }

    // `...`: the closing backtick is the first one not escaped; what is between are commands.
    ShellWordPart backticks()
    {
        const qsizetype start = m_pos;
        Nesting nesting(*this);
        if (nesting.tooDeep())
            return tooDeep(ShellWordPart::Kind::Backticks, start);
        qsizetype close = start + 1;
        while (close < m_limit && m_text[close] != u'`')
            close += (m_text[close] == u'\\' && close + 1 < m_limit) ? 2 : 1;
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::Backticks;
        const bool closed = close < m_limit;
        const qsizetype limit = std::exchange(m_limit, std::min(close, m_limit));
        m_pos = start + 1;
        part.tokens = commands(Closer::None, nullptr);
        m_limit = limit;
        if (closed) {
            m_pos = close + 1;
        } else {
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedBackticks, start);
        }
        finish(part, start);
        return part;
    }

    // $(( ... )) or (( ... )) from start; nothing when the parentheses show it is something
    // else, e.g. $((cd /tmp); ls), a command substitution that begins with a subshell.
    std::optional<ShellWordPart> arithmetic(qsizetype start, qsizetype prefix)
    {
        if (m_notArithmetic.contains(start))
            return std::nullopt;
        Nesting nesting(*this);
        if (nesting.tooDeep())
            return tooDeep(ShellWordPart::Kind::Arithmetic, start);
        const qsizetype problems = m_problems.size();
        const QList<PendingHereDocument> pending = m_pending;
        ShellWordPart part;
        part.kind = ShellWordPart::Kind::Arithmetic;
        m_pos = start + prefix;
        const Stop stop = textParts(TextMode::Arithmetic, false, part.parts);
        if (stop == Stop::Mismatch) {
            m_pos = start;
            m_problems.resize(problems);
            m_pending = pending;
            m_notArithmetic.insert(start);
            return std::nullopt;
        }
        if (stop == Stop::Closed) {
            m_pos += 2;
        } else {
            part.terminated = false;
            problem(ShellLexProblem::Kind::UnterminatedArithmetic, start);
        }
        finish(part, start);
        return part;
    }

    // Text in which only expansions (and, in braces, quotes) count: inside "...", ${...},
    // $((...)) and an expanding here-document body. Stops before the closing character.
    Stop textParts(TextMode mode, bool inDoubleQuotes, std::vector<ShellWordPart> &parts)
    {
        int parentheses = 0;
        while (m_pos < m_limit) {
            const QChar c = m_text[m_pos];
            const QChar next = at(m_pos + 1);
            if (mode == TextMode::DoubleQuotes && c == u'"')
                return Stop::Closed;
            if (mode == TextMode::Braces && c == u'}')
                return Stop::Closed;
            if (mode == TextMode::Arithmetic && (c == u'(' || c == u')')) {
                if (c == u'(') {
                    ++parentheses;
                } else if (parentheses > 0) {
                    --parentheses;
                } else {
                    return next == u')' ? Stop::Closed : Stop::Mismatch;
                }
                literal(parts, 1);
                continue;
            }
            if (c == u'\\') {
                // Where a backslash quotes: in "..." and bodies only before $ ` " \ newline.
                const bool quotes =
                    m_pos + 1 < m_limit &&
                    (mode == TextMode::Braces || QStringView(u"$`\\\n").contains(next) ||
                     (mode == TextMode::DoubleQuotes && next == u'"'));
                if (!quotes)
                    literal(parts, 1);
                else if (next == u'\n')
                    parts.push_back(fixed(ShellWordPart::Kind::LineContinuation, 2));
                else
                    parts.push_back(fixed(ShellWordPart::Kind::Escaped, 2));
            } else if (c == u'$') {
                dollar(parts, mode != TextMode::Braces || inDoubleQuotes);
            } else if (c == u'`') {
                parts.push_back(backticks());
            } else if (mode == TextMode::Braces && c == u'"') {
                parts.push_back(doubleQuoted(1));
            } else if (mode == TextMode::Braces && c == u'\'' && !inDoubleQuotes) {
                parts.push_back(singleQuoted());
            } else {
                literal(parts, 1);
            }
        }
        return Stop::Limit;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_limit;
    int m_depth = 0;
    QList<ShellLexProblem> &m_problems;
    QList<PendingHereDocument> m_pending; // opened on the current line, bodies still to come
    QSet<qsizetype> m_notArithmetic;      // $(( that turned out to be $( (
};

} // namespace

bool ShellWordPart::isExpansion() const
{
    switch (kind) {
    case Kind::Parameter:
    case Kind::CommandSubstitution:
    case Kind::Backticks:
    case Kind::Arithmetic:
    case Kind::ProcessSubstitution:
        return true;
    default:
        return false;
    }
}

bool ShellWordPart::isQuoting() const
{
    return kind == Kind::Escaped || kind == Kind::SingleQuoted || kind == Kind::AnsiCQuoted ||
           kind == Kind::DoubleQuoted;
}

QString ShellWordPart::value() const
{
    const qsizetype closing = terminated ? 1 : 0;
    switch (kind) {
    case Kind::Escaped:
        return text.mid(1);
    case Kind::LineContinuation:
        return {};
    case Kind::SingleQuoted:
        return text.mid(1, text.size() - 1 - closing);
    case Kind::AnsiCQuoted:
        return decodeAnsiC(QStringView(text).sliced(2, text.size() - 2 - closing));
    case Kind::DoubleQuoted:
        return partsValue(parts);
    default:
        return text;
    }
}

bool ShellToken::isWord(QStringView spelling) const
{
    if (kind == Kind::Operator)
        return (op == u"{" || op == u"}") && op == spelling;
    return kind == Kind::Word && text == spelling && !plainWord(*this).isEmpty();
}

bool ShellToken::isOperator(QStringView spelling) const
{
    return kind == Kind::Operator && op == spelling;
}

bool ShellToken::isHereDocumentOpener() const
{
    return kind == Kind::Redirection && (op == u"<<" || op == u"<<-");
}

bool ShellToken::isAssignment() const
{
    return kind == Kind::Word && !parts.empty() &&
           parts.front().kind == ShellWordPart::Kind::Literal &&
           assignmentPrefix().match(text).hasMatch() && isNameStart(text.front());
}

QString ShellToken::value() const
{
    if (kind == Kind::Word || kind == Kind::Redirection)
        return partsValue(parts);
    return text;
}

int ShellLexResult::lineOf(qsizetype position) const
{
    const auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), position);
    return int(std::max<qsizetype>(0, it - lineStarts.cbegin() - 1));
}

ShellLexResult lexShell(const QString &text)
{
    ShellLexResult result;
    result.text = text;
    result.lineStarts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n')
            result.lineStarts.append(i + 1);
    }
    Lexer lexer(result.text, &result.problems);
    result.tokens = lexer.topLevel();
    return result;
}

namespace {

void visitParts(const std::vector<ShellWordPart> &parts,
                const std::function<void(const ShellToken &, int)> &visit, int depth)
{
    for (const ShellWordPart &part : parts) {
        visitParts(part.parts, visit, depth);
        if (!part.tokens.empty())
            forEachShellToken(part.tokens, [&](const ShellToken &token, int inner) {
                visit(token, depth + 1 + inner);
            });
    }
}

} // namespace

void forEachShellToken(const std::vector<ShellToken> &tokens,
                       const std::function<void(const ShellToken &, int depth)> &visit)
{
    for (const ShellToken &token : tokens) {
        visit(token, 0);
        visitParts(token.parts, visit, 0);
    }
}

QString withoutShellComments(const ShellLexResult &lexed)
{
    QList<ShellSpan> comments;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (token.kind == ShellToken::Kind::Comment)
            comments.append(token.span);
    });
    if (comments.isEmpty())
        return lexed.text;
    std::ranges::sort(comments, {}, &ShellSpan::start);
    QString kept;
    kept.reserve(lexed.text.size());
    qsizetype from = 0;
    for (const ShellSpan &comment : std::as_const(comments)) {
        kept += QStringView(lexed.text).sliced(from, comment.start - from);
        from = comment.end();
    }
    kept += QStringView(lexed.text).sliced(from);
    return kept;
}

QString shellTokenKindName(ShellToken::Kind kind)
{
    switch (kind) {
    case ShellToken::Kind::Word:
        return u"word"_s;
    case ShellToken::Kind::Operator:
        return u"operator"_s;
    case ShellToken::Kind::Redirection:
        return u"redirection"_s;
    case ShellToken::Kind::HereDocument:
        return u"heredoc"_s;
    case ShellToken::Kind::Comment:
        return u"comment"_s;
    case ShellToken::Kind::Blank:
        return u"blank"_s;
    case ShellToken::Kind::Continuation:
        return u"continuation"_s;
    }
    return {};
}

QString shellWordPartKindName(ShellWordPart::Kind kind)
{
    switch (kind) {
    case ShellWordPart::Kind::Literal:
        return u"literal"_s;
    case ShellWordPart::Kind::Escaped:
        return u"escaped"_s;
    case ShellWordPart::Kind::LineContinuation:
        return u"continuation"_s;
    case ShellWordPart::Kind::SingleQuoted:
        return u"single"_s;
    case ShellWordPart::Kind::AnsiCQuoted:
        return u"ansi-c"_s;
    case ShellWordPart::Kind::DoubleQuoted:
        return u"double"_s;
    case ShellWordPart::Kind::Parameter:
        return u"parameter"_s;
    case ShellWordPart::Kind::CommandSubstitution:
        return u"command"_s;
    case ShellWordPart::Kind::Backticks:
        return u"backticks"_s;
    case ShellWordPart::Kind::Arithmetic:
        return u"arithmetic"_s;
    case ShellWordPart::Kind::ProcessSubstitution:
        return u"process"_s;
    case ShellWordPart::Kind::ArrayLiteral:
        return u"array"_s;
    }
    return {};
}

} // namespace OpsDeck
