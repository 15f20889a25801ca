// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbookparser.h"

#include "models/audit/auditentry.h"
#include "models/core/risk.h"
#include "models/remote/commandrisk.h"
#include "models/remote/shelllexer.h"
#include "models/remote/shellquote.h"
#include "models/remote/sqlrisk.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <md4c.h>
#include <optional>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// The translation context of the parser's texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(RunbookParser)
};

// ---- Double-encoded UTF-8 ------------------------------------------------------------------

// The byte a character stands for in Windows-1252 (or one of the six places where Windows-1254
// differs), or -1 when it is not such a character. C1 controls stand for themselves.
struct LegacyByte {
    char16_t character;
    unsigned char byte;
};

// Windows-1252 from 0x80 to 0x9F, then the six places where Windows-1254 (Turkish) differs.
constexpr LegacyByte legacyBytes[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}, {0x011E, 0xD0}, {0x0130, 0xDD}, {0x015E, 0xDE},
    {0x011F, 0xF0}, {0x0131, 0xFD}, {0x015F, 0xFE}};

int legacyByte(char16_t c)
{
    if (c >= 0x80 && c <= 0xFF)
        return c;
    for (const LegacyByte &entry : legacyBytes) {
        if (entry.character == c)
            return entry.byte;
    }
    return -1;
}

// Length of the valid multi-byte UTF-8 sequence starting at bytes[i], or 0.
int utf8SequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto at = [&](qsizetype k) -> unsigned {
        return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u;
    };
    const unsigned lead = at(i);
    int length = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    const unsigned second = at(i + 1);
    if (second < low || second > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        const unsigned next = at(i + k);
        if (next < 0x80 || next > 0xBF)
            return 0;
    }
    return length;
}

// ---- Shell text -----------------------------------------------------------------------------

bool isEnvironmentVariable(const QString &name)
{
    static const QSet<QString> names = [] {
        const QStringList words =
            QStringLiteral(
                "HOME PATH USER PWD SHELL HOSTNAME OLDPWD LOGNAME LANG TERM UID EUID PPID RANDOM "
                "SECONDS LINENO IFS TMPDIR BASH_SOURCE BASH_VERSION HOSTTYPE OSTYPE PIPESTATUS")
                .split(u' ');
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return names.contains(name);
}

bool isHtmlTag(const QString &name)
{
    static const QSet<QString> names = [] {
        const QStringList words =
            QStringLiteral(
                "a b i p u s br hr em li ol ul dl dt dd tr td th h1 h2 h3 h4 h5 h6 div span pre "
                "code img sub sup kbd html head body table thead tbody tfoot strong small "
                "script style details summary title meta link section nav header footer main "
                "form input button label select option textarea blockquote center font iframe "
                "svg video audio picture source")
                .split(u' ');
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return names.contains(name);
}

// What programs print in angle brackets (kubectl's <none>, Go's <nil>): text to match, not a
// value to ask for.
bool isLiteralMarker(const QString &name)
{
    static const QSet<QString> names = {u"none"_s,    u"nil"_s,     u"unknown"_s, u"pending"_s,
                                        u"invalid"_s, u"unset"_s,   u"missing"_s, u"empty"_s,
                                        u"null"_s,    u"no value"_s};
    return names.contains(name.toLower());
}

// [ERROR], [warn]: what log lines hold, grepped for, not values to ask for.
bool isLogLevel(const QString &word)
{
    static const QSet<QString> levels = {
        u"error"_s,    u"err"_s,  u"warn"_s,   u"warning"_s, u"info"_s,  u"debug"_s,  u"fatal"_s,
        u"critical"_s, u"crit"_s, u"trace"_s,  u"notice"_s,  u"alert"_s, u"emerg"_s,  u"panic"_s,
        u"ok"_s,       u"fail"_s, u"failed"_s, u"pass"_s,    u"done"_s,  u"success"_s};
    return levels.contains(word.toLower());
}

// [Ee], [Yy]n: a character class that takes a letter in both cases.
bool isCharacterClass(const QString &word)
{
    if (word.size() > 4)
        return false;
    for (const QChar c : word) {
        if (c.isLower() && word.contains(c.toUpper()))
            return true;
    }
    return false;
}

// Walks shell text once, as the shell lexer splits it: placeholders (with the assignments that
// hide variables), and the here-documents that are never closed.
class ShellScanner
{
public:
    explicit ShellScanner(QSet<QString> *known)
        : m_known(known)
    {
    }

    void scan(const QString &text)
    {
        const ShellLexResult lexed = lexShell(text);
        m_code = QList<bool>(text.size(), true);
        m_expands = QList<bool>(text.size(), false);
        m_quoting = QList<Quoting>(text.size(), Quoting::None);
        m_markup = QList<bool>(text.size(), false);
        markTokens(lexed.tokens, false);
        for (const ShellLexProblem &problem : lexed.problems) {
            if (problem.kind == ShellLexProblem::Kind::UnterminatedHereDocument)
                m_unterminated.append(problem.delimiter);
        }
        const QList<std::pair<qsizetype, QString>> assigned = assignments(lexed.tokens);
        for (qsizetype line = 0; line < lexed.lineStarts.size(); ++line) {
            const qsizetype start = lexed.lineStarts[line];
            const qsizetype end =
                line + 1 < lexed.lineStarts.size() ? lexed.lineStarts[line + 1] - 1 : text.size();
            QList<std::pair<qsizetype, QString>> onLine;
            for (const auto &[position, name] : assigned) {
                if (position >= start && position < end)
                    onLine.append({position - start, name});
            }
            scanLine(int(line), text.mid(start, end - start), start, onLine);
        }
    }

    QStringList placeholders() const { return m_placeholders; }
    // The placeholders, without the $ ones on the lines skipVariablesOn() says (the lines typed
    // in another shell, where $NAME is that shell's own variable).
    QStringList
    placeholdersWithoutVariablesOn(const std::function<bool(int)> &skipVariablesOn) const
    {
        QList<PlaceholderOccurrence> kept;
        for (const PlaceholderOccurrence &occurrence : m_occurrences) {
            if (!(occurrence.placeholder.startsWith(u'$') && skipVariablesOn(occurrence.line)))
                kept.append(occurrence);
        }
        std::ranges::stable_sort(kept, [](const auto &a, const auto &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        QStringList placeholders;
        for (const PlaceholderOccurrence &occurrence : std::as_const(kept)) {
            if (!placeholders.contains(occurrence.placeholder))
                placeholders.append(occurrence.placeholder);
        }
        return placeholders;
    }
    QStringList unterminated() const { return m_unterminated; }
    const QList<PlaceholderOccurrence> &occurrences() const { return m_occurrences; }

private:
    using Quoting = PlaceholderOccurrence::Quoting;

    void mark(ShellSpan span, Quoting quoting)
    {
        for (qsizetype i = span.start; i < span.end(); ++i)
            m_quoting[i] = quoting;
    }

    // inSubstitution: inside $( ), backticks or arithmetic, where a variable may be set by the
    // substitution itself, so a '$' there is not asked for.
    void markTokens(const std::vector<ShellToken> &tokens, bool inSubstitution)
    {
        for (const ShellToken &token : tokens) {
            mark(token.span, Quoting::None);
            switch (token.kind) {
            case ShellToken::Kind::Comment:
                for (qsizetype i = token.span.start; i < token.span.end(); ++i)
                    m_code[i] = false;
                break;
            case ShellToken::Kind::Word:
            case ShellToken::Kind::Redirection:
                markParts(token.parts, Quoting::None, inSubstitution);
                break;
            case ShellToken::Kind::HereDocument:
                mark(token.content, token.expands ? Quoting::ExpandingHeredoc : Quoting::Literal);
                if (token.expands)
                    markParts(token.parts, Quoting::ExpandingHeredoc, inSubstitution);
                for (qsizetype i = token.content.end(); i < token.span.end(); ++i)
                    m_code[i] = false; // the closing line
                break;
            default:
                break;
            }
        }
    }

    void markParts(const std::vector<ShellWordPart> &parts, Quoting quoting, bool inSubstitution)
    {
        using Kind = ShellWordPart::Kind;
        for (const ShellWordPart &part : parts) {
            switch (part.kind) {
            case Kind::SingleQuoted:
            case Kind::AnsiCQuoted:
                mark(part.span, Quoting::Single);
                markMarkup(part);
                break;
            case Kind::DoubleQuoted:
                mark(part.span, Quoting::Double);
                markMarkup(part);
                markParts(part.parts, Quoting::Double, inSubstitution);
                break;
            case Kind::Parameter:
                mark(part.span, quoting);
                for (qsizetype i = part.span.start; i < part.span.end(); ++i)
                    m_expands[i] = !inSubstitution;
                markParts(part.parts, quoting, inSubstitution);
                break;
            case Kind::Arithmetic:
                mark(part.span, quoting);
                markParts(part.parts, quoting, true);
                break;
            case Kind::CommandSubstitution:
            case Kind::Backticks:
            case Kind::ProcessSubstitution:
                mark(part.span, quoting);
                markTokens(part.tokens, true);
                break;
            case Kind::ArrayLiteral:
                mark(part.span, quoting);
                markTokens(part.tokens, inSubstitution);
                break;
            case Kind::Literal:
            case Kind::Escaped:
            case Kind::LineContinuation:
                mark(part.span, quoting);
                break;
            }
        }
    }

    // Quoted HTML or XML ('<b>x</b>', "<a href=…>"): its <tags> are text, not placeholders.
    void markMarkup(const ShellWordPart &part)
    {
        static const QRegularExpression markup(
            uR"(</[A-Za-z]|/>|<![A-Za-z\[-]|<\?[A-Za-z]|<[A-Za-z][\w:-]*\s+[\w:-]+\s*=|&(?:lt|gt|amp|quot);)"_s);
        if (!markup.match(part.text).hasMatch())
            return;
        for (qsizetype i = part.span.start; i < part.span.end() && i < m_markup.size(); ++i)
            m_markup[i] = true;
    }

    // Where the commands (not their substitutions) assign a variable: NAME=value where a
    // command begins, after export, local, declare or readonly, and the NAME of for NAME in.
    static QList<std::pair<qsizetype, QString>> assignments(const std::vector<ShellToken> &tokens)
    {
        static const QStringList declarations = {u"export"_s, u"local"_s, u"declare"_s,
                                                 u"readonly"_s};
        QList<std::pair<qsizetype, QString>> found;
        const auto name = [](const ShellToken &word) {
            qsizetype end = 0;
            while (end < word.text.size() && word.text[end] != u'=' && word.text[end] != u'[' &&
                   word.text[end] != u'+')
                ++end;
            return word.text.left(end);
        };
        bool prefix = false;      // only assignments so far in this command
        bool declaration = false; // after export and the like
        const ShellToken *forWord = nullptr;
        const ShellToken *forName = nullptr;
        for (const ShellToken &token : tokens) {
            if (token.kind != ShellToken::Kind::Word) {
                if (token.kind == ShellToken::Kind::Operator)
                    prefix = declaration = false;
                continue;
            }
            if (forName && token.isWord(u"in"))
                found.append({forName->span.start, forName->text});
            forName = forWord && isAssignableName(token.text) && token.parts.size() == 1 ? &token
                                                                                         : nullptr;
            forWord = token.commandPosition && token.isWord(u"for") ? &token : nullptr;
            const bool starts = token.commandPosition || prefix;
            if (token.isAssignment() && (starts || declaration)) {
                found.append({token.span.start, name(token)});
                prefix = starts;
                continue;
            }
            if (starts && declarations.contains(token.text)) {
                declaration = true;
            } else if (!(declaration && token.text.startsWith(u'-'))) {
                declaration = false;
            }
            prefix = false;
        }
        return found;
    }

    static bool isAssignableName(const QString &word)
    {
        static const QRegularExpression name(uR"(^[A-Za-z_][A-Za-z0-9_]*$)"_s);
        return name.match(word).hasMatch();
    }

    void add(const QString &placeholder)
    {
        if (!m_placeholders.contains(placeholder))
            m_placeholders.append(placeholder);
    }

    // line: the text of one line, which starts at offset of the scanned text; assigned: the
    // assignments on it, by column.
    void scanLine(int lineNumber, const QString &line, qsizetype offset,
                  const QList<std::pair<qsizetype, QString>> &assigned)
    {
        const qsizetype size = line.size();
        QList<bool> code = m_code.mid(offset, size); // not a comment, not a Go template
        const auto expands = [&](qsizetype i) { return m_expands.value(offset + i); };
        const auto quotingAt = [&](qsizetype i) { return m_quoting.value(offset + i); };

        QList<std::pair<qsizetype, QString>> found;
        const auto record = [&](qsizetype start, const QString &placeholder) {
            found.append({start, placeholder});
            m_occurrences.append({lineNumber, start, placeholder, quotingAt(start)});
        };
        // Assignments on this line hide the variable from that point on.
        const auto isKnown = [&](const QString &name, qsizetype position) {
            if (isEnvironmentVariable(name) || m_known->contains(name))
                return true;
            return std::ranges::any_of(assigned, [&](const auto &entry) {
                return entry.first < position && entry.second == name;
            });
        };

        // {{ name }} outside quotes is a template's placeholder; in quotes it is Go's or
        // Jinja's (docker --format '{{.Names}}', ansible -a "{{ x }}"), for the tool.
        static const QRegularExpression curly(uR"(\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\})"_s);
        for (auto it = curly.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype start = match.capturedStart();
            if (code.value(start) && quotingAt(start) == Quoting::None &&
                quotingAt(match.capturedEnd() - 1) == Quoting::None)
                record(start, match.captured());
        }
        // Go templates ({{.Names}}, {{ $x }}) are docker's and helm's, not the shell's.
        for (qsizetype open = line.indexOf(u"{{"_s); open >= 0;
             open = line.indexOf(u"{{"_s, open)) {
            const qsizetype close = line.indexOf(u"}}"_s, open + 2);
            const qsizetype end = close < 0 ? size : close + 2; // unclosed: the rest of the line
            for (qsizetype k = open; k < end; ++k)
                code[k] = false;
            open = end;
        }

        // <pod-name>, <NAMESPACE>, <name of the failing node>, <db.host>: any case, words
        // joined by - _ . or a space.
        static const QRegularExpression angle(
            uR"(<([A-Za-z][A-Za-z0-9]*(?:[-_. ][A-Za-z0-9]+)*)>)"_s);
        static const QRegularExpression fileDescriptor(uR"( [0-9]+$)"_s);
        for (auto it = angle.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype start = match.capturedStart();
            const QString name = match.captured(1);
            const qsizetype after = match.capturedEnd();
            const QChar next = after < size ? line[after] : QChar();
            if (!code.value(start) || isHtmlTag(name) || isLiteralMarker(name) ||
                name.size() > 64 || (start > 0 && line[start - 1] == u'<') ||
                m_markup.value(offset + start))
                continue; // <<EOF, <<<, '<div>', "<b>x</b>", kubectl's <none>
            if (next == u'&' || next == u'>' || next == u'(')
                continue; // <x>&2, <x>>log, <x>(…): redirections
            if (name.contains(u' ') && fileDescriptor.match(name).hasMatch())
                continue; // sort <in 2>err
            if (name.contains(u'.') && (next.isLetterOrNumber() || next == u'/'))
                continue; // sort <in.txt>out.txt
            record(start, match.captured());
        }
        static const QRegularExpression bracket(
            uR"(\[([A-Za-z][A-Za-z0-9]*(?:[-_. ][A-Za-z0-9]+)*)\])"_s);
        static const QRegularExpression range(uR"(^[a-z0-9]-[a-z0-9]$)"_s,
                                              QRegularExpression::CaseInsensitiveOption);
        for (auto it = bracket.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype start = match.capturedStart();
            const QString word = match.captured(1);
            if (!code.value(start) || word.size() < 2 || word.size() > 64 ||
                range.match(word).hasMatch() || isLogLevel(word) || isCharacterClass(word))
                continue;
            const qsizetype after = match.capturedEnd();
            const QChar next = after < size ? line[after] : QChar();
            const QChar before = start > 0 ? line[start - 1] : QChar();
            if (before == u'[' || next == u'=' || next == u'}' || next == u']' || next == u'(')
                continue; // [[ test ]], arr[key]=value, ${arr[key]}, a [link](url)
            if (next.isLetterOrNumber() || (before.isLetterOrNumber() && word.size() <= 3))
                continue; // globs: [Ee]rror, /dev/sd[ab]
            record(start, match.captured());
        }
        static const QRegularExpression yours(uR"(\bYOUR_[A-Z0-9_]*[A-Z0-9])"_s);
        for (auto it = yours.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (code.value(match.capturedStart()))
                record(match.capturedStart(), match.captured());
        }

        for (qsizetype i = 0; i + 1 < size; ++i) {
            if (line[i] != u'$' || !code[i] || !expands(i))
                continue;
            const QChar next = line[i + 1];
            if (next >= u'1' && next <= u'9') {
                record(i, line.mid(i, 2));
                continue;
            }
            QString name;
            if (next == u'{') {
                // A parameter expansion is short; a bounded search keeps "${${${..." linear.
                const qsizetype close = line.indexOf(u'}', i + 2);
                if (close < 0 || close - i > 256)
                    continue;
                const QString inside = line.mid(i + 2, close - i - 2);
                if (inside.size() == 1 && inside[0] >= u'1' && inside[0] <= u'9') {
                    record(i, u'$' + inside);
                    continue;
                }
                qsizetype k = 0;
                while (
                    k < inside.size() &&
                    (inside[k].isLetter() || inside[k] == u'_' || (k > 0 && inside[k].isDigit())) &&
                    inside[k].unicode() < 128)
                    ++k;
                const QStringView rest = QStringView(inside).mid(k);
                if (k == 0 || rest.startsWith(u":-") || rest.startsWith(u"-") ||
                    rest.startsWith(u":=") || rest.startsWith(u"="))
                    continue; // ${#x}, ${!x} or a variable with a default
                name = inside.left(k);
            } else if ((next.isLetter() || next == u'_') && next.unicode() < 128) {
                qsizetype k = i + 1;
                while (k < size && (line[k].isLetterOrNumber() || line[k] == u'_') &&
                       line[k].unicode() < 128)
                    ++k;
                name = line.mid(i + 1, k - i - 1);
            }
            if (!name.isEmpty() && !isKnown(name, i))
                record(i, u'$' + name);
        }

        std::ranges::stable_sort(found, {}, &std::pair<qsizetype, QString>::first);
        for (const auto &entry : std::as_const(found))
            add(entry.second);
        for (const auto &entry : assigned)
            m_known->insert(entry.second);
    }

    QSet<QString> *m_known;
    QList<bool> m_code;    // not a comment, not a here-document's closing line
    QList<bool> m_expands; // a '$' here expands in the commands themselves
    QList<bool> m_markup;  // inside quoted HTML or XML
    QList<Quoting> m_quoting;
    QList<PlaceholderOccurrence> m_occurrences;
    QStringList m_placeholders;
    QStringList m_unterminated;
};

// A heredoc whose markers were lost in copying: `cat > file` (no input of its own) followed by
// lines that are no shell but a config file's text (`key = value`, `[section]`, `key: value`).
// Returns the 0-based line of the cat, or -1.
int lineWithLostHeredocMarkers(const QString &text)
{
    static const QRegularExpression catToFile(uR"(^\s*(?:sudo\s+)?cat\s*>>?\s*\S+\s*$)"_s);
    static const QRegularExpression configLine(
        uR"(^\s*(?:[A-Za-z_][\w.-]*\s+=\s*\S|\[[\w .-]+\]\s*$|[A-Za-z_][\w.-]*:\s+\S))"_s);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!catToFile.match(lines[i]).hasMatch())
            continue;
        qsizetype next = i + 1;
        while (next < lines.size() && lines[next].trimmed().isEmpty())
            ++next;
        if (next < lines.size() && configLine.match(lines[next]).hasMatch())
            return int(i);
    }
    return -1;
}

// The fence's info word as the parser files it: "{.bash}" and "bash," are "bash".
QString normalisedLanguage(const QString &info)
{
    QString language = info.trimmed().toLower();
    if (language.startsWith(u'{'))
        language.remove(0, 1);
    if (language.startsWith(u'.'))
        language.remove(0, 1);
    const qsizetype end = language.indexOf(QRegularExpression(uR"([{},;\s])"_s));
    return end < 0 ? language : language.left(end);
}

// Fences whose text is a terminal session: `$ ` prompts, then what the command printed.
bool isSessionLanguage(const QString &language)
{
    return language == u"console" || language == u"terminal" || language == u"shell-session" ||
           language == u"sh-session" || language == u"shellsession" || language == u"bash-session";
}

bool isShellLanguage(const QString &language)
{
    return language == u"bash" || language == u"sh" || language == u"shell" || language == u"zsh" ||
           language == u"ksh" || language == u"cmd" ||
           (isSessionLanguage(language) && language != u"console");
}

bool isSqlLanguage(const QString &language)
{
    return language == u"sql" || language == u"psql" || language == u"pgsql" ||
           language == u"postgresql" || language == u"plpgsql" || language == u"mysql" ||
           language == u"sqlite";
}

// Every statement begins with an SQL keyword, and statements end in ';': `CREATE INDEX ...;`
// under a bash fence. Comments may be shell's '#' or SQL's '--'.
bool isSqlOnly(const QString &code)
{
    static const QRegularExpression statement(
        uR"(^(?:select|insert|update|delete|create|drop|alter|vacuum|analyze|reindex|grant|revoke|truncate|with|begin|commit|rollback|explain|cluster|refresh|comment\s+on)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    bool inStatement = false;
    bool any = false;
    for (const QString &raw : code.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u"--"))
            continue;
        if (!inStatement) {
            if (!statement.match(line).hasMatch())
                return false;
            any = true;
        }
        inStatement = !line.endsWith(u';');
    }
    return any && !inStatement;
}

// The lines (0-based) that belong to a here-document's body, its closing line included: text
// for another program, not shell.
QList<bool> hereDocumentLines(const ShellLexResult &lexed)
{
    QList<bool> inBody(lexed.lineStarts.size(), false);
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (token.kind != ShellToken::Kind::HereDocument)
            return;
        const int last = lexed.lineOf(token.span.end() - 1);
        for (int line = lexed.lineOf(token.span.start); line <= last; ++line)
            inBody[line] = true;
    });
    return inBody;
}

// The 0-based line of the first SQL statement among shell commands (`psql $URL` and then the
// statements to type in it), or -1.
int lineOfSqlStatement(const QString &code)
{
    static const QRegularExpression statement(
        uR"(^\s*(?:select|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+(?:table|index|view|unique|extension|role|database)|drop\s+(?:table|index|view|database|role)|alter\s+(?:table|index|system|database|role)|vacuum|analyze|reindex)\b.*;\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = code.split(u'\n');
    // SQL fed to psql in a here-document is where it belongs.
    const QList<bool> inBody = hereDocumentLines(lexShell(code));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!inBody.value(i) && statement.match(lines[i]).hasMatch())
            return int(i);
    }
    return -1;
}

// The 1-based line of a '}' that closes no shell group, or 0: a config file (logrotate, nginx)
// under a shell fence, which a shell would refuse. Only a '}' where a command begins closes a
// group; one in quotes (an awk program), in ${...} or in a here-document is text.
int lineOfUnopenedBrace(const QString &code)
{
    const ShellLexResult lexed = lexShell(code);
    int depth = 0;
    int unopened = 0;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (unopened > 0 || token.kind != ShellToken::Kind::Operator)
            return;
        if (token.op == u"{")
            ++depth;
        else if (token.op == u"}" && depth > 0)
            --depth;
        else if (token.op == u"}")
            unopened = lexed.lineOf(token.span.start) + 1;
    });
    return unopened;
}

// The everyday tools of operations runbooks: what both an untyped fence and a shell line
// may start with.
QStringList commonCommandWords()
{
    return QStringLiteral(
               "kubectl docker docker-compose podman helm curl wget psql mysql redis-cli "
               "systemctl service journalctl git cd ls cat grep egrep tail head less find ps top "
               "htop df du free kill pkill killall rm mv cp mkdir chmod chown tar gzip gunzip "
               "zcat ssh scp rsync echo printf export source sed awk sort uniq wc ping dig "
               "nslookup traceroute netstat ss ip ifconfig openssl aws gcloud az terraform "
               "ansible ansible-playbook make npm npx yarn pip pip3 python python3 node go apt "
               "apt-get yum dnf crontab watch nc iptables ufw mount umount lsblk vmstat iostat "
               "uptime whoami env nginx certbot pg_dump pg_restore pg_basebackup pg_isready "
               "mongosh vault tee xargs jq base64 date sleep touch ln stat reboot shutdown "
               "ulimit lsof strace dmesg")
        .split(u' ');
}

// Programs and shell words a command line of a runbook starts with.
bool isKnownCommand(const QString &word)
{
    static const QSet<QString> commands = [] {
        const QStringList words =
            commonCommandWords() +
            QStringLiteral(
                // shell words
                "if then else elif fi for while until do done case esac function return exit set "
                "unset shift trap exec eval test [ [[ true false read local declare typeset alias "
                "type which command wait time nohup nice timeout sudo su bash sh zsh "
                // more tools our users' runbooks use
                "oc k9s stern kubectx kubens etcdctl patronictl pg_ctl pg_ctlcluster pg_lsclusters "
                "pgbackrest barman consul nomad rabbitmqctl rabbitmq-diagnostics kafka-topics "
                "kafka-consumer-groups nodetool cqlsh mongo mongodump redis-server timedatectl "
                "hostnamectl loginctl networkctl resolvectl nmcli nft conntrack tcpdump tshark mtr "
                "host whois arp route ethtool lscpu lsmod modprobe sysctl swapon swapoff fdisk "
                "parted mkfs fsck xfs_repair resize2fs growpart lvextend lvs vgs pvs blkid findmnt "
                "smartctl mdadm zpool zfs sha256sum md5sum gpg ssh-keygen ssh-keyscan keytool "
                "update-ca-certificates kubeadm crictl ctr nerdctl minikube eksctl argocd flux "
                "istioctl linkerd velero cilium helmfile apachectl apache2ctl haproxy caddy php "
                "java jcmd jstack jmap jstat supervisorctl pm2 celery logrotate chronyc ntpq "
                "iotop iftop nload ncdu mtr chroot nsenter getent id groups last lastb w who "
                "pgrep pidof renice truncate dd fallocate shred sync file realpath readlink "
                "basename dirname seq cut tr diff cmp comm join paste split rev nl fold od hexdump "
                "strings mysqladmin mysqldump redis-benchmark sqlite3 dnsmasq unbound-control "
                "named-checkconf rndc host systemd-resolve drill kdig iperf3 nmap ab hey wrk "
                "pidstat mpstat sar dstat nfsiostat perf bpftrace ltrace "
                "openssl s_client certutil update-alternatives snap flatpak dpkg rpm zypper "
                "pacman brew unzip zip xz bzip2 zstd 7z cron at batch logger mail sendmail")
                .split(u' ');
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return commands.contains(word);
}

// A line that starts the way commands start: a known program or shell word, an assignment, or
// a script run by its path.
bool isCommandLike(const QString &raw)
{
    static const QRegularExpression assignment(uR"(^[A-Za-z_][A-Za-z0-9_]*=)"_s);
    static const QRegularExpression program(uR"(^(?:sudo\s+|time\s+|!\s*|\(\s*)*(\S+))"_s);
    static const QRegularExpression outputDash(uR"(^\S+ - \d)"_s); // "top - 10:01:02 up 3 days"
    // A row of a table (lsof, ps, kubectl): four or more columns apart by runs of spaces.
    static const QRegularExpression tableRow(uR"(^\S+(?:(?: {2,}|\t+)\S+){3,})"_s);
    const QString line = raw.trimmed();
    if (line.isEmpty() || line.startsWith(u'#') || outputDash.match(line).hasMatch() ||
        tableRow.match(line).hasMatch())
        return false;
    if (assignment.match(line).hasMatch()) {
        // NAME=value alone, or before a command (LANG=C sort); `notAfter=Apr  3 23:59:59 2026`
        // is what openssl printed.
        static const QRegularExpression prefixed(
            uR"(^[A-Za-z_]\w*=(?:'[^']*'|"[^"]*"|\S)*\s+(\S+))"_s);
        const QRegularExpressionMatch match = prefixed.match(line);
        if (!match.hasMatch())
            return true;
        const QString next = match.captured(1);
        if (isKnownCommand(next) || next.startsWith(u"./") || next.startsWith(u'/') ||
            assignment.match(next).hasMatch())
            return true;
    }
    // A pipeline or list into a known command (`… | grep x`, `… && systemctl …`), or a
    // command substitution, is shell whatever its first word.
    static const QRegularExpression chained(uR"((?:\||&&|;)\s*(?:sudo\s+)?([\w./-]+))"_s);
    for (auto it = chained.globalMatch(line); it.hasNext();) {
        if (isKnownCommand(it.next().captured(1).section(u'/', -1)))
            return true;
    }
    if (line.contains(u"$("))
        return true;
    const QString word = program.match(line).captured(1);
    if (word.startsWith(u"./") || word.startsWith(u"~/") || word.endsWith(u".sh") ||
        word.startsWith(u"bin/") || word.startsWith(u"scripts/"))
        return true;
    if (word.startsWith(u'/'))
        return word.contains(u"/bin/") || isKnownCommand(word.section(u'/', -1));
    return isKnownCommand(word);
}

// A line that reads like what a program prints: a table, `Name: value`, a log line, JSON, a
// number, a separator.
bool isOutputLine(const QString &raw)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(uR"(^\d)"_s), // 64 bytes from …, 1234 root …, 10.0.0.1
        QRegularExpression(uR"(^(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}|[IWEF]\d{4}\s))"_s),
        QRegularExpression(uR"(^\[[^\s\[\]])"_s), // [INFO] …, [2026-03-01 …]
        QRegularExpression(uR"(^[A-Za-z][\w.()/-]*(?: [A-Za-z][\w.()/-]*){0,3}:(?:\s|$))"_s),
        QRegularExpression(uR"(^[\w.-]+\s+=\s)"_s),                            // vm.swappiness = 60
        QRegularExpression(uR"(^(?:[{}\[\]],?$|"[^"]*"\s*:|\{"|\[\{|\["))"_s), // JSON
        QRegularExpression(u"^[\u25CF\u25CB\u2022\u251C\u2514\u2502\u2500\u250C\u2510"
                           u"\u2518\u252C\u2534\u253C\u2550\u2551\u2554\u2557\u255A"
                           u"\u255D\u25B6\u2714\u2713\u2717\u00D7]"_s),
        QRegularExpression(uR"(^[-+=*]{3,})"_s), // ----+---- and === separators
        QRegularExpression(uR"(^\S.*\s\|\s)"_s), // psql rows: a | b
        QRegularExpression(uR"(^\(\d+ rows?\))"_s),
        QRegularExpression(uR"(^(?:HTTP/\d|[<>] ))"_s),      // curl -v
        QRegularExpression(uR"(^[dlcbps-][rwxsStT-]{9})"_s), // ls -l
        QRegularExpression(uR"(^(?:total \d+|PING |PONG|OK$|\(integer\)|\(nil\)|\(error\)))"_s),
        QRegularExpression(uR"(^\S+(?: \S+)?(?:\s{2,}\S+(?: \S+)?){2,}$)"_s), // 3+ columns
    };
    const QString line = raw.trimmed();
    return std::ranges::any_of(patterns, [&](const QRegularExpression &pattern) {
        return pattern.match(line).hasMatch();
    });
}

// NAME  READY  STATUS: a header of column names in capitals.
bool isTableHeader(const QString &raw)
{
    static const QRegularExpression name(uR"(^[A-Z][A-Z0-9_%./:-]*(?:\([A-Za-z%]+\))?$)"_s);
    const QStringList words = raw.simplified().split(u' ', Qt::SkipEmptyParts);
    return words.size() >= 2 && std::ranges::all_of(words, [](const QString &word) {
               return name.match(word).hasMatch();
           });
}

// Prose that announces output: "Output:", "Example output:", "You should see:".
bool announcesOutput(const QString &prose)
{
    static const QRegularExpression cue(
        uR"((?:^|[.!?]\s+)(?:(?:example|sample|expected|typical)\s+)?(?:output|response|result)s?\b[^.:]{0,60}:$)"
        uR"(|\byou(?:'ll|\x{2019}ll| will| should| may| might)?\s+(?:see|get)\b[^.:]{0,60}:$)"
        uR"(|\b(?:which|it|this|that|they)\s+(?:should\s+)?(?:prints?|returns?|outputs?|shows?|displays?|looks? like)\b[^.:]{0,40}:$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString last = prose.trimmed().section(u'\n', -1).trimmed();
    while (last.endsWith(u'*') || last.endsWith(u'_'))
        last.chop(1);
    return cue.match(last.trimmed()).hasMatch();
}

// A fence that only shows what a command printed: after prose that announces output, or when
// no line is a command and the lines read like program output.
bool isOutputOnly(const QString &code, bool announced)
{
    QStringList lines;
    for (const QString &line : code.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            lines.append(line);
    }
    if (lines.isEmpty())
        return false;
    if (announced)
        return !isCommandLike(lines.constFirst());
    if (std::ranges::any_of(lines, isCommandLike))
        return false;
    if (isTableHeader(lines.constFirst()))
        return true;
    const auto signals = std::ranges::count_if(lines, isOutputLine);
    return signals * 2 >= lines.size();
}

// A shell prompt and the command after it: `$ cmd`, `user@host:~$ cmd`, `[root@db ~]# cmd`,
// and `# cmd` (root's prompt: in a console fence always, elsewhere only before a command,
// since a shell block's `# text` is a comment).
std::optional<QString> promptCommand(const QString &line, bool consoleFence)
{
    static const QRegularExpression dollar(uR"(^\s*\$\s+(\S.*)$)"_s);
    static const QRegularExpression host(
        uR"(^\s*(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?|\[[\w.-]+@[^\]\n]+\])\s?[$#%]\s+(\S.*)$)"_s);
    static const QRegularExpression hash(uR"(^#\s+(\S.*)$)"_s);
    for (const QRegularExpression *prompt : {&dollar, &host}) {
        const QRegularExpressionMatch match = prompt->match(line);
        if (match.hasMatch())
            return match.captured(1);
    }
    const QRegularExpressionMatch match = hash.match(line);
    if (match.hasMatch() && (consoleFence || isCommandLike(match.captured(1))))
        return match.captured(1);
    return std::nullopt;
}

// After a command that opened another shell or client in a session: its prompts (`/ # `,
// `postgres=# `, `127.0.0.1:6379> `, `mysql> `, `root@pod:/# `) and what is typed at them.
std::optional<QString> innerPromptCommand(const QString &line)
{
    static const QRegularExpression prompt(
        uR"(^\s*(?:[\w.@:~/\[\]-]+=?[#>$%]|[~/][\w./-]*\s+[#$])\s+(\S.*)$)"_s);
    const QRegularExpressionMatch match = prompt.match(line);
    if (match.hasMatch())
        return match.captured(1);
    return std::nullopt;
}

// A `$ ` or user@host prompt on some line: an untyped fence that is a terminal session.
bool hasShellPrompt(const QString &code)
{
    const QStringList lines = code.split(u'\n');
    return std::ranges::any_of(lines, [](const QString &line) {
        return !line.trimmed().startsWith(u'#') && promptCommand(line, false).has_value();
    });
}

// A shell-typed fence written as a terminal session: a `$ ` or user@host prompt, or root's
// `# ` before commands with their output (not only comments).
bool hasPromptLines(const QString &code)
{
    bool rootCommand = false;
    bool output = false;
    static const QRegularExpression hash(uR"(^#\s+(\S.*)$)"_s);
    for (const QString &line : code.split(u'\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch rooted = hash.match(line);
        if (rooted.hasMatch()) {
            rootCommand = rootCommand || isCommandLike(rooted.captured(1));
            continue;
        }
        if (promptCommand(line, false))
            return true;
        if (line.trimmed().startsWith(u'#'))
            continue;
        if (isCommandLike(line))
            return false; // a command without a prompt: a script with commented-out lines
        output = true;
    }
    return rootCommand && output;
}

// An untyped fence whose first line (comments aside) reads like a shell command.
bool looksLikeShell(const QString &code)
{
    // Fewer words than isKnownCommand(): an untyped fence is often a message template.
    static const QSet<QString> untypedCommands = [] {
        const QStringList words =
            commonCommandWords() + QStringList{u"oc"_s, u"etcdctl"_s, u"patronictl"_s};
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    const QStringList lines = code.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"$ ") || line.startsWith(u"./") || line == u"sudo" ||
            line.startsWith(u"sudo ") || line.contains(u'|') || line.contains(u"&&"))
            return true;
        static const QRegularExpression assignment(uR"(^[A-Za-z_][A-Za-z0-9_]*=)"_s);
        if (assignment.match(line).hasMatch())
            return true;
        return untypedCommands.contains(line.section(u' ', 0, 0));
    }
    return false;
}

// Where the `<name>`, `[name]` and `{{ name }}` placeholders stand in text, as offsets.
QList<ShellSpan> placeholderSpans(const QString &text,
                                  const QList<PlaceholderOccurrence> &occurrences)
{
    QList<qsizetype> lineStarts{0};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n')
            lineStarts.append(i + 1);
    }
    QList<ShellSpan> spans;
    for (const PlaceholderOccurrence &occurrence : occurrences) {
        if (!occurrence.placeholder.startsWith(u'$') && occurrence.line < lineStarts.size())
            spans.append(
                {lineStarts[occurrence.line] + occurrence.column, occurrence.placeholder.size()});
    }
    return spans;
}

// ---- Look-alike characters ------------------------------------------------------------------

struct LookAlike {
    int line = 0;         // 0-based line of the text
    qsizetype column = 0; // 0-based
    QString message;
};

struct LookAlikeCharacter {
    char16_t character;
    const char *name;
    enum Use { Dash, Quote, DoubleQuote, Space, Invisible, Hyphen } use;
};

constexpr LookAlikeCharacter lookAlikeCharacters[] = {
    {0x2010, "HYPHEN", LookAlikeCharacter::Dash},
    {0x2011, "NON-BREAKING HYPHEN", LookAlikeCharacter::Hyphen},
    {0x2012, "FIGURE DASH", LookAlikeCharacter::Dash},
    {0x2013, "EN DASH", LookAlikeCharacter::Dash},
    {0x2014, "EM DASH", LookAlikeCharacter::Dash},
    {0x2015, "HORIZONTAL BAR", LookAlikeCharacter::Dash},
    {0x2212, "MINUS SIGN", LookAlikeCharacter::Hyphen},
    {0x2018, "LEFT SINGLE QUOTATION MARK", LookAlikeCharacter::Quote},
    {0x2019, "RIGHT SINGLE QUOTATION MARK", LookAlikeCharacter::Quote},
    {0x201A, "SINGLE LOW-9 QUOTATION MARK", LookAlikeCharacter::Quote},
    {0x201C, "LEFT DOUBLE QUOTATION MARK", LookAlikeCharacter::DoubleQuote},
    {0x201D, "RIGHT DOUBLE QUOTATION MARK", LookAlikeCharacter::DoubleQuote},
    {0x201E, "DOUBLE LOW-9 QUOTATION MARK", LookAlikeCharacter::DoubleQuote},
    {0x00A0, "NO-BREAK SPACE", LookAlikeCharacter::Space},
    {0x202F, "NARROW NO-BREAK SPACE", LookAlikeCharacter::Space},
    {0x200B, "ZERO WIDTH SPACE", LookAlikeCharacter::Invisible},
    {0x200C, "ZERO WIDTH NON-JOINER", LookAlikeCharacter::Invisible},
    {0x200D, "ZERO WIDTH JOINER", LookAlikeCharacter::Invisible},
    {0x2060, "WORD JOINER", LookAlikeCharacter::Invisible},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE", LookAlikeCharacter::Invisible},
};

const LookAlikeCharacter *lookAlikeOf(QChar c)
{
    for (const LookAlikeCharacter &entry : lookAlikeCharacters) {
        if (entry.character == c.unicode())
            return &entry;
    }
    return nullptr;
}

bool isDashLike(QChar c)
{
    const LookAlikeCharacter *entry = lookAlikeOf(c);
    return c == u'-' || (entry && (entry->use == LookAlikeCharacter::Dash ||
                                   entry->use == LookAlikeCharacter::Hyphen));
}

// Characters that look like the ASCII ones a command needs and are not (copied from a word
// processor or a wiki): non-breaking hyphens and spaces, invisible characters, typographic
// quotes outside quotes and dashes where an option's '-' belongs. Comments and here-document
// bodies are text and not looked at; in SQL, comments and strings.
QList<LookAlike> lookAlikes(const QString &text, bool sql)
{
    QList<LookAlike> found;
    if (std::ranges::none_of(text, [](QChar c) { return lookAlikeOf(c) != nullptr; }))
        return found;
    QList<bool> skipped(text.size(), false);
    QList<bool> quoted(text.size(), false);
    if (sql) {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == u'-' && text.mid(i, 2) == u"--") {
                while (i < text.size() && text[i] != u'\n')
                    skipped[i++] = true;
            } else if (text[i] == u'\'' || text[i] == u'"') {
                const QChar quote = text[i];
                const qsizetype end = text.indexOf(quote, i + 1);
                const qsizetype stop = end < 0 ? text.size() : end + 1;
                for (qsizetype k = i; k < stop; ++k)
                    quoted[k] = true;
                i = stop - 1;
            }
        }
    } else {
        const ShellLexResult lexed = lexShell(text);
        const std::function<void(const std::vector<ShellWordPart> &)> markQuotes =
            [&](const std::vector<ShellWordPart> &parts) {
                for (const ShellWordPart &part : parts) {
                    if (part.kind == ShellWordPart::Kind::SingleQuoted ||
                        part.kind == ShellWordPart::Kind::AnsiCQuoted ||
                        part.kind == ShellWordPart::Kind::DoubleQuoted) {
                        for (qsizetype k = part.span.start; k < part.span.end(); ++k)
                            quoted[k] = true;
                    }
                }
            };
        forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
            if (token.kind == ShellToken::Kind::Comment ||
                token.kind == ShellToken::Kind::HereDocument) {
                for (qsizetype k = token.span.start; k < token.span.end(); ++k)
                    skipped[k] = true;
            } else if (token.kind == ShellToken::Kind::Word ||
                       token.kind == ShellToken::Kind::Redirection) {
                markQuotes(token.parts);
            }
        });
    }
    int line = 0;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            ++line;
            lineStart = i + 1;
            continue;
        }
        const LookAlikeCharacter *entry = lookAlikeOf(c);
        if (!entry || skipped[i])
            continue;
        const QChar before = i > lineStart ? text[i - 1] : QChar(u' ');
        const QChar after = i + 1 < text.size() ? text[i + 1] : QChar(u' ');
        const QString code = u"U+%1"_s.arg(c.unicode(), 4, 16, QChar(u'0')).toUpper();
        const QString name = QString::fromLatin1(entry->name);
        QString message;
        switch (entry->use) {
        case LookAlikeCharacter::Dash:
            // An option: at the start of a word, before a letter or another dash.
            if (!sql && !quoted[i] && (before.isSpace() || before == u'=') &&
                (after.isLetter() || isDashLike(after)))
                message = Text::tr("%1 (%2) where an option's '-' belongs; the command does "
                                   "not take it for a dash")
                              .arg(name, code);
            break;
        case LookAlikeCharacter::Hyphen:
            message = Text::tr("%1 (%2) that looks like '-' and is not").arg(name, code);
            break;
        case LookAlikeCharacter::Quote:
        case LookAlikeCharacter::DoubleQuote:
            // An apostrophe inside a word (don’t) is text; around words it was meant to quote.
            if (!quoted[i] && !(before.isLetterOrNumber() && after.isLetterOrNumber()))
                message = Text::tr("typographic quote %1 (%2) where %3 was meant; the shell "
                                   "does not quote with it")
                              .arg(name, code,
                                   entry->use == LookAlikeCharacter::Quote ? u"'"_s : u"\""_s);
            break;
        case LookAlikeCharacter::Space:
            message = Text::tr("%1 (%2) that looks like a space; the shell does not split "
                               "words there")
                          .arg(name, code);
            break;
        case LookAlikeCharacter::Invisible:
            message = Text::tr("invisible %1 (%2); the command takes it as part of the word")
                          .arg(name, code);
            break;
        }
        if (!message.isEmpty())
            found.append({line, i - lineStart, message});
    }
    return found;
}

// ---- Fences -----------------------------------------------------------------------------------

// A line that is a code fence: ``` or ~~~ (three or more), and its info string.
struct FenceLine {
    QChar character;
    qsizetype length = 0;
    QString info;
};

std::optional<FenceLine> fenceLine(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.size() < 3 || (trimmed[0] != u'`' && trimmed[0] != u'~'))
        return std::nullopt;
    const QChar character = trimmed[0];
    qsizetype length = 0;
    while (length < trimmed.size() && trimmed[length] == character)
        ++length;
    if (length < 3)
        return std::nullopt;
    const QString info = trimmed.mid(length).trimmed();
    if (character == u'`' && info.contains(u'`'))
        return std::nullopt;
    return FenceLine{character, length, info};
}

// Prose as it stands between code blocks: a sentence or a heading, not a command.
bool isProseLine(const QString &raw)
{
    static const QRegularExpression heading(uR"(^#{2,6}\s+\S)"_s);
    static const QRegularExpression sentence(uR"(^(?:\*\*|__)?[A-Z][^\s]*(?:\s+\S+){2,})"_s);
    const QString line = raw.trimmed();
    if (heading.match(line).hasMatch())
        return true;
    if (isCommandLike(line) || !sentence.match(line).hasMatch())
        return false;
    return line.endsWith(u'.') || line.endsWith(u':') || line.endsWith(u'!') ||
           line.contains(u"**") || line.contains(u"](");
}

// Fences that lost their partner: a closing ``` whose opening one is gone (Markdown then takes it
// for an opening fence and the prose after it for code), a block that another opening fence
// interrupts, a block never closed. Lines are 1-based.
QList<std::pair<int, QString>> fenceProblems(const QString &text)
{
    QList<std::pair<int, QString>> problems;
    const QStringList lines = text.split(u'\n');
    std::optional<FenceLine> open;
    qsizetype openLine = 0;
    qsizetype innerOpener = -1; // a fence with an info string inside the open block
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const std::optional<FenceLine> fence = fenceLine(lines[i]);
        if (!open) {
            if (fence) {
                open = fence;
                openLine = i;
                innerOpener = -1;
            }
            continue;
        }
        if (!fence || fence->character != open->character)
            continue;
        if (!fence->info.isEmpty() || fence->length < open->length) {
            if (innerOpener < 0 && !fence->info.isEmpty())
                innerOpener = i;
            continue;
        }
        // The block from openLine to i closes here. Was its opening fence a lost closing one?
        qsizetype first = openLine + 1;
        while (first < i && lines[first].trimmed().isEmpty())
            ++first;
        qsizetype before = openLine - 1;
        while (before >= 0 && lines[before].trimmed().isEmpty())
            --before;
        const bool commandBefore =
            before >= 0 && isCommandLike(lines[before]) && !fenceLine(lines[before]);
        if (open->info.isEmpty() && first < i && isProseLine(lines[first]) &&
            (commandBefore || innerOpener >= 0)) {
            problems.append(
                {int(openLine) + 1,
                 Text::tr("this fence looks like the end of a code block whose opening fence "
                          "was lost: the commands before it are read as text, and the text "
                          "after it, up to line %1, as code")
                     .arg(i + 1)});
        } else if (!open->info.isEmpty() && innerOpener >= 0) {
            problems.append({int(innerOpener) + 1,
                             Text::tr("a new code block opens here inside the one opened at "
                                      "line %1, whose closing fence seems to be missing: this "
                                      "line is read as code")
                                 .arg(openLine + 1)});
        }
        open.reset();
    }
    if (open) {
        static const QRegularExpression heading(uR"(^#{1,6}\s+\S)"_s);
        QStringList headings;
        for (qsizetype i = openLine + 1; i < lines.size(); ++i) {
            if (heading.match(lines[i]).hasMatch() && (i == 0 || lines[i - 1].trimmed().isEmpty()))
                headings.append(QString::number(i + 1));
        }
        problems.append(
            {int(openLine) + 1,
             headings.isEmpty()
                 ? Text::tr("this code block is never closed: the rest of the file is read as "
                            "code")
                 : Text::tr("this code block is never closed: the rest of the file is read as "
                            "code, the headings at lines %1 included")
                       .arg(headings.join(u", "_s))});
    }
    return problems;
}

QString attributeText(const MD_ATTRIBUTE &attribute)
{
    if (attribute.text == nullptr || attribute.size == 0)
        return {};
    return QString::fromUtf8(attribute.text, qsizetype(attribute.size));
}

struct OpenItem {
    bool isTask = false;
    bool emitted = false;
    QString text;
    int line = 0;
};

// Collects md4c's callbacks into sections and blocks.
class Builder
{
public:
    Builder(const QByteArray &utf8, const QString &fileName, Runbook *runbook)
        : m_utf8(utf8)
        , m_fileName(fileName)
        , m_runbook(runbook)
    {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < m_utf8.size(); ++i) {
            if (m_utf8[i] == '\n')
                m_lineStarts.append(i + 1);
        }
    }

    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
    {
        static_cast<Builder *>(self)->onEnter(type, detail);
        return 0;
    }
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        static_cast<Builder *>(self)->onLeave(type);
        return 0;
    }
    static int span(MD_SPANTYPE, void *, void *) { return 0; }
    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        static_cast<Builder *>(self)->onText(type, text, size);
        return 0;
    }

    void finish() { flushProse(); }

private:
    int lineOfOffset(qsizetype offset) const
    {
        if (offset < 0 || offset > m_utf8.size())
            return 0;
        const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
        return int(it - m_lineStarts.cbegin());
    }

    // The line of a pointer md4c gives us, or 0 when it points into md4c's own strings.
    int lineOf(const MD_CHAR *pointer) const
    {
        const auto address = reinterpret_cast<quintptr>(pointer);
        const auto begin = reinterpret_cast<quintptr>(m_utf8.constData());
        if (address < begin || address >= begin + quintptr(m_utf8.size()))
            return 0;
        return lineOfOffset(qsizetype(address - begin));
    }

    void addBlock(RunbookBlock block)
    {
        if (m_runbook->sections.isEmpty())
            m_runbook->sections.append({0, QString(), block.line, {}});
        m_runbook->sections.last().blocks.append(std::move(block));
    }

    void flushProse()
    {
        const QString text = m_prose.trimmed();
        if (!text.isEmpty()) {
            RunbookBlock block;
            block.kind = RunbookBlock::Prose;
            block.text = text;
            block.line = m_proseLine > 0 ? m_proseLine : m_lastLine;
            block.markdown = sourceLines(block.line, std::max(block.line, m_proseLastLine));
            addBlock(std::move(block));
        }
        m_prose.clear();
        m_proseLine = 0;
        m_proseLastLine = 0;
    }

    // Lines first..last (1-based) of the text as written, without the final line break.
    QString sourceLines(int first, int last) const
    {
        if (first < 1 || first > m_lineStarts.size())
            return {};
        const qsizetype start = m_lineStarts.at(first - 1);
        const qsizetype end = last < m_lineStarts.size() ? m_lineStarts.at(last) : m_utf8.size();
        return QString::fromUtf8(m_utf8.mid(start, end - start)).trimmed();
    }

    void endProseLine()
    {
        if (!m_prose.isEmpty() && !m_prose.endsWith(u'\n'))
            m_prose += u'\n';
    }

    void emitPendingTask()
    {
        if (m_items.isEmpty() || !m_items.last().isTask || m_items.last().emitted)
            return;
        OpenItem &item = m_items.last();
        item.emitted = true;
        RunbookBlock block;
        block.kind = RunbookBlock::ManualCheck;
        block.text = item.text.simplified();
        block.line = item.line > 0 ? item.line : m_lastLine;
        addBlock(std::move(block));
    }

    // lineMap: the file line (1-based) of each line of text, when they are not consecutive
    // from `line` (a session's commands gathered from between their output).
    void addRunnable(RunbookBlock::Kind kind, const QString &text, const QString &language,
                     int line, const QList<int> &lineMap = {})
    {
        RunbookBlock block;
        block.kind = kind;
        block.language = language;
        block.text = text;
        block.line = line;
        if (lineMap.size() > 1 && lineMap.constLast() - lineMap.constFirst() >= lineMap.size())
            block.sourceLines = lineMap; // not consecutive
        const auto fileLine = [&](int textLine) { return block.fileLineOf(textLine); };
        ShellScanner scanner(&m_assigned);
        scanner.scan(text);
        if (kind == RunbookBlock::Command) {
            const BlockExecution execution =
                analyseBlockExecution(text, placeholderSpans(text, scanner.occurrences()));
            block.contextSwitches = execution.switches;
            block.streams = execution.streams;
        }
        // $NAME on a line typed in another shell is that shell's variable, not a value to ask.
        const QList<RunbookContextSwitch> &switches = block.contextSwitches;
        block.placeholders = scanner.placeholdersWithoutVariablesOn([&](int textLine) {
            return std::ranges::any_of(
                switches, [&](const RunbookContextSwitch &s) { return s.isInner(textLine); });
        });
        if (kind == RunbookBlock::Sql) // $1 and $body$ are SQL's own, not for a form
            block.placeholders.removeIf([](const QString &p) { return p.startsWith(u'$'); });
        // The template's risk, with each <placeholder> standing for a plain word of its length
        // (so positions stay): what it will be once filled in. The filled-in step is judged
        // again before it runs.
        QString plain = text;
        for (const QString &placeholder : std::as_const(block.placeholders)) {
            if (!placeholder.startsWith(u'$'))
                plain.replace(placeholder, QString(placeholder.size(), u'P'));
        }
        RiskAssessment assessment =
            kind == RunbookBlock::Sql ? assessPsqlScript(plain) : assessCommandRisk(plain);
        if (kind == RunbookBlock::Command) {
            // Risk is judged on what runs too: the lines typed in the other shell are one
            // script argument there.
            const ComposedScript composed = composeRunInside(plain, block.contextSwitches);
            if (!composed.scripts.isEmpty()) {
                const RiskAssessment runs =
                    assessCommandRisk(withScripts(composed.outer, composed.scripts));
                if (higherRisk(runs.risk, assessment.risk) != assessment.risk)
                    assessment = runs;
            }
        }
        block.risk = assessment.risk;
        if (assessment.risk != Risk::Read) // what reads needs no reason
            block.riskReason = assessment.reason;
        if (kind == RunbookBlock::Command && !scanner.unterminated().isEmpty()) {
            block.unterminatedHeredoc = true;
            block.wholeRunProblem = Text::tr("the here-document '%1' has no terminating line")
                                        .arg(scanner.unterminated().constFirst());
            warn(line, block.wholeRunProblem);
        } else if (kind == RunbookBlock::Command) {
            const int sql = lineOfSqlStatement(text);
            const bool typedInAClient = std::ranges::any_of(
                switches, [&](const RunbookContextSwitch &s) { return s.isInner(sql); });
            if (const int lost = lineWithLostHeredocMarkers(text); lost >= 0) {
                block.unterminatedHeredoc = true;
                block.wholeRunProblem =
                    Text::tr("'cat >' reads the file's content from the terminal, and the lines "
                             "after it look like that content: the here-document's '<<EOF' and "
                             "its closing 'EOF' line seem to be missing");
                warn(fileLine(lost), block.wholeRunProblem);
            } else if (sql >= 0 && !typedInAClient) {
                // The diagnostic carries the line; the text reads the same on the card.
                block.wholeRunProblem =
                    Text::tr("it holds SQL statements, which the shell cannot run: type them in "
                             "the database client the block opens, or run them as an SQL step");
                warn(fileLine(sql), block.wholeRunProblem);
            }
        }
        // Text pasted from a word processor can hold hundreds: the first ones say enough.
        constexpr qsizetype MaximumLookAlikes = 20;
        const QList<LookAlike> found = lookAlikes(text, kind == RunbookBlock::Sql);
        const QStringList textLines = found.isEmpty() ? QStringList() : text.split(u'\n');
        for (qsizetype i = 0; i < found.size() && i < MaximumLookAlikes; ++i) {
            const int where = fileLine(found[i].line);
            const QString source = sourceLine(where);
            const QString &written = textLines.at(found[i].line);
            // Fences in list items lose their indentation: count columns in the file's line.
            const qsizetype indent = source.endsWith(written) ? source.size() - written.size() : 0;
            warn(where, int(indent + found[i].column) + 1, found[i].message);
        }
        if (found.size() > MaximumLookAlikes) {
            warn(fileLine(found[MaximumLookAlikes].line),
                 Text::tr("and %n more look-alike character(s) in this block", nullptr,
                          int(found.size() - MaximumLookAlikes)));
        }
        addBlock(std::move(block));
    }

    void warn(int line, const QString &message) { warn(line, 0, message); }

    void warn(int line, int column, const QString &message)
    {
        m_runbook->diagnostics.append(
            {Diagnostic::Severity::Warning, m_fileName, line, column, message});
    }

    // A line of the file as written (1-based), without its line break.
    QString sourceLine(int line) const
    {
        if (line < 1 || line > m_lineStarts.size())
            return {};
        const qsizetype start = m_lineStarts.at(line - 1);
        qsizetype end = line < m_lineStarts.size() ? m_lineStarts.at(line) - 1 : m_utf8.size();
        return QString::fromUtf8(m_utf8.mid(start, end - start));
    }

    void addPlain(RunbookBlock::Kind kind, const QString &text, const QString &language, int line)
    {
        RunbookBlock block;
        block.kind = kind;
        block.language = language;
        block.text = text;
        block.line = line;
        addBlock(std::move(block));
    }

    // A terminal session: the commands after prompts run, the rest is what they printed. A
    // command that opens another shell or client takes the prompts after it (`/ # `,
    // `postgres=# `) up to its exit into the same step.
    void addConsole(const QString &code, int firstLine, const QString &language)
    {
        const bool consoleFence = language == u"console";
        const QStringList lines = code.split(u'\n');
        QString output;
        int outputLine = 0;
        const auto flushOutput = [&] {
            if (!output.trimmed().isEmpty()) {
                while (output.endsWith(u'\n'))
                    output.chop(1);
                addPlain(RunbookBlock::ExpectedOutput, output, language, outputLine);
            }
            output.clear();
            outputLine = 0;
        };
        QString gathered; // the step of a command that opened another shell, so far
        QList<int> gatheredLines;
        const auto flushGathered = [&] {
            if (gatheredLines.isEmpty())
                return;
            addRunnable(RunbookBlock::Command, gathered, language, gatheredLines.constFirst(),
                        gatheredLines);
            gathered.clear();
            gatheredLines.clear();
            flushOutput(); // what the commands in there printed
        };
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines[i];
            const bool inside = !gatheredLines.isEmpty();
            const std::optional<QString> prompted =
                inside ? innerPromptCommand(line) : promptCommand(line, consoleFence);
            if (!prompted) {
                if (output.isEmpty() && line.trimmed().isEmpty())
                    continue;
                if (output.isEmpty())
                    outputLine = firstLine + int(i);
                output += line + u'\n';
                continue;
            }
            QString command = *prompted;
            QList<int> commandLines{firstLine + int(i)};
            while (command.endsWith(u'\\') && i + 1 < lines.size()) {
                command += u'\n' + lines[++i];
                commandLines.append(firstLine + int(i));
            }
            if (inside) {
                // Output between the commands typed in there stays with the step.
                gathered += u'\n' + command;
                gatheredLines += commandLines;
                static const QRegularExpression leaves(uR"(^\s*(?:exit|logout|quit|\\q)\b)"_s);
                if (leaves.match(command).hasMatch())
                    flushGathered();
                continue;
            }
            flushOutput();
            const BlockExecution execution = analyseBlockExecution(
                command, placeholderSpans(command, placeholderOccurrences(command, nullptr)));
            if (!execution.switches.isEmpty() && execution.switches.constLast().lastLine <=
                                                     execution.switches.constLast().openerEnd) {
                gathered = command;
                gatheredLines = commandLines;
                continue;
            }
            addRunnable(RunbookBlock::Command, command, language, commandLines.constFirst(),
                        commandLines);
        }
        if (!gatheredLines.isEmpty()) {
            const QString pending = output;
            output.clear();
            addRunnable(RunbookBlock::Command, gathered, language, gatheredLines.constFirst(),
                        gatheredLines);
            output = pending;
        }
        flushOutput();
    }

    // The last line of the prose right before the fence being finished, if that is what
    // precedes it in its section.
    QString proseBefore() const
    {
        if (m_runbook->sections.isEmpty() || m_runbook->sections.constLast().blocks.isEmpty())
            return {};
        const RunbookBlock &last = m_runbook->sections.constLast().blocks.constLast();
        return last.kind == RunbookBlock::Prose ? last.text : QString();
    }

    void finishCode()
    {
        QString code = m_code;
        if (code.endsWith(u'\n'))
            code.chop(1);
        const int line = m_codeLine > 0 ? m_codeLine : m_codeFallbackLine;
        const QString &language = m_codeLanguage;
        const bool shell = isShellLanguage(language);
        const bool announced = announcesOutput(proseBefore());
        if (language == u"console" || (shell && hasPromptLines(code)) ||
            (language.isEmpty() && hasShellPrompt(code))) {
            addConsole(code, line, language);
        } else if (shell && isSqlOnly(code)) {
            // Written as shell, but the shell cannot run it: it is SQL for a database.
            warn(line, Text::tr("this %1 block holds SQL statements, not shell commands; it runs "
                                "against a database")
                           .arg(language));
            addRunnable(RunbookBlock::Sql, code, language, line);
        } else if (const int brace = shell ? lineOfUnopenedBrace(code) : 0; brace > 0) {
            warn(line + brace - 1,
                 Text::tr("this %1 block is not shell (this '}' closes nothing): it looks like "
                          "a configuration file, so it is shown but not run")
                     .arg(language));
            addPlain(RunbookBlock::Reference, code, language, line);
        } else if ((shell || (language.isEmpty() && looksLikeShell(code))) &&
                   isOutputOnly(code, announced)) {
            // Fenced as shell, but only what a command printed.
            addPlain(RunbookBlock::ExpectedOutput, code, language, line);
        } else if (shell || (language.isEmpty() && looksLikeShell(code)))
            addRunnable(RunbookBlock::Command, code, language, line);
        else if (isSqlLanguage(language))
            addRunnable(RunbookBlock::Sql, code, language, line);
        else
            addPlain(RunbookBlock::Reference, code, language, line);
    }

    void onEnter(MD_BLOCKTYPE type, void *detail)
    {
        ++m_depth;
        switch (type) {
        case MD_BLOCK_H:
            flushProse();
            m_inHeading = true;
            m_headingLevel = detail ? int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level) : 1;
            m_headingText.clear();
            m_headingLine = 0;
            break;
        case MD_BLOCK_CODE: {
            flushProse();
            emitPendingTask();
            m_inCode = true;
            m_code.clear();
            m_codeLineStart = 0;
            m_codeLineHasSource = false;
            m_codeLine = 0;
            m_codeFallbackLine = m_lastLine + 1;
            m_codeLanguage.clear();
            if (detail) {
                const auto *code = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
                m_codeLanguage = normalisedLanguage(attributeText(code->lang));
            }
            break;
        }
        case MD_BLOCK_LI: {
            const auto *item = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            OpenItem open;
            if (item && item->is_task) {
                flushProse();
                open.isTask = true;
                open.line = lineOfOffset(qsizetype(item->task_mark_offset));
            }
            m_items.append(open);
            break;
        }
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            emitPendingTask();
            break;
        default:
            break;
        }
    }

    void onLeave(MD_BLOCKTYPE type)
    {
        --m_depth;
        switch (type) {
        case MD_BLOCK_H: {
            m_inHeading = false;
            const QString title = m_headingText.simplified();
            m_runbook->sections.append(
                {m_headingLevel, title, m_headingLine > 0 ? m_headingLine : m_lastLine, {}});
            if (m_runbook->title.isEmpty() && m_headingLevel == 1)
                m_runbook->title = title;
            break;
        }
        case MD_BLOCK_CODE:
            m_inCode = false;
            finishCode();
            break;
        case MD_BLOCK_LI:
            emitPendingTask();
            if (!m_items.isEmpty())
                m_items.removeLast();
            endProseLine();
            break;
        case MD_BLOCK_TD:
        case MD_BLOCK_TH:
            if (!m_prose.isEmpty())
                m_prose += u'\t';
            break;
        case MD_BLOCK_DOC:
            flushProse();
            break;
        default:
            endProseLine();
            break;
        }
        if (m_depth == 1)
            flushProse();
    }

    void onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        const int line = lineOf(text);
        if (line > 0)
            m_lastLine = line;
        QString piece;
        switch (type) {
        case MD_TEXT_NULLCHAR:
            piece = QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            piece = u"\n"_s;
            break;
        default:
            piece = QString::fromUtf8(text, qsizetype(size));
            break;
        }
        if (m_inCode) {
            if (m_codeLine == 0 && line > 0)
                m_codeLine = line - int(m_code.count(u'\n'));
            if (line > 0 && m_depth == 2 && !m_codeLineHasSource)
                keepSourceIndentation(text);
            m_codeLineHasSource = m_codeLineHasSource || line > 0;
            m_code += piece;
            if (piece == u"\n") {
                m_codeLineStart = m_code.size();
                m_codeLineHasSource = false;
            }
        } else if (m_inHeading) {
            if (m_headingLine == 0)
                m_headingLine = line;
            m_headingText += piece;
        } else if (!m_items.isEmpty() && m_items.last().isTask && !m_items.last().emitted) {
            m_items.last().text += piece;
        } else {
            if (m_proseLine == 0)
                m_proseLine = line;
            m_proseLastLine = std::max(m_proseLastLine, line);
            m_prose += piece;
        }
    }

    // md4c turns tabs that indent code into spaces; a top-level fence keeps the source's own
    // indentation, so that "<<-" here-documents still end where the author meant.
    void keepSourceIndentation(const MD_CHAR *pointer)
    {
        const qsizetype offset = pointer - m_utf8.constData();
        const int line = lineOfOffset(offset);
        const qsizetype start = m_lineStarts.value(line - 1, offset);
        const QByteArray prefix = m_utf8.mid(start, offset - start);
        if (!prefix.contains('\t'))
            return;
        for (const char c : prefix) {
            if (c != ' ' && c != '\t')
                return;
        }
        m_code.truncate(m_codeLineStart);
        m_code += QString::fromLatin1(prefix);
    }

    const QByteArray &m_utf8;
    QString m_fileName;
    Runbook *m_runbook;
    QList<qsizetype> m_lineStarts;
    int m_depth = 0;
    int m_lastLine = 1;
    int m_proseLastLine = 0; // the last source line of the prose being collected
    QString m_prose;
    int m_proseLine = 0;
    bool m_inHeading = false;
    int m_headingLevel = 0;
    QString m_headingText;
    int m_headingLine = 0;
    bool m_inCode = false;
    QString m_code;
    QString m_codeLanguage;
    int m_codeLine = 0;
    int m_codeFallbackLine = 1;
    qsizetype m_codeLineStart = 0;    // where the current line of m_code begins
    bool m_codeLineHasSource = false; // a piece of the current line came from the document
    QList<OpenItem> m_items;
    QSet<QString> m_assigned; // variables assigned by earlier commands of the runbook
};

// Blanks YAML front matter (keeping its lines, so line numbers stay right); returns its
// top-level "key: value" scalars. Lists and nested maps are not needed by runbooks and skipped.
QMap<QString, QString> takeFrontMatter(QString *text)
{
    if (!text->startsWith(u"---"))
        return {};
    QStringList lines = text->split(u'\n');
    if (lines.constFirst().trimmed() != u"---")
        return {};
    qsizetype end = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line == u"---" || line == u"...") {
            end = i;
            break;
        }
    }
    if (end < 0)
        return {};
    QMap<QString, QString> values;
    static const QRegularExpression scalarLine(uR"(^([A-Za-z_][A-Za-z0-9_-]*):\s*(.*?)\s*$)"_s);
    for (qsizetype i = 1; i < end; ++i) {
        const QRegularExpressionMatch match = scalarLine.match(lines[i]);
        if (match.hasMatch() && !values.contains(match.captured(1))) {
            QString value = match.captured(2);
            if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) &&
                value.endsWith(value[0]))
                value = value.mid(1, value.size() - 2);
            if (!value.isEmpty())
                values.insert(match.captured(1), value);
        }
    }
    for (qsizetype i = 0; i <= end; ++i)
        lines[i].clear();
    *text = lines.join(u'\n');
    return values;
}

QString kindName(RunbookBlock::Kind kind)
{
    switch (kind) {
    case RunbookBlock::Prose:
        return u"prose"_s;
    case RunbookBlock::Command:
        return u"command"_s;
    case RunbookBlock::ExpectedOutput:
        return u"output"_s;
    case RunbookBlock::Sql:
        return u"sql"_s;
    case RunbookBlock::Reference:
        return u"reference"_s;
    case RunbookBlock::ManualCheck:
        return u"check"_s;
    }
    return {};
}

// Each runnable block gets the warnings about its own lines (its fences included), for its
// card; what the card says otherwise (why it cannot run whole) is left out.
void attachWarnings(Runbook *runbook)
{
    for (RunbookSection &section : runbook->sections) {
        for (RunbookBlock &block : section.blocks) {
            if (!block.isRunnable())
                continue;
            const int last = block.fileLineOf(int(block.text.count(u'\n'))) + 1;
            // The diagnostics are sorted by line: look only at the block's.
            const Diagnostics &all = runbook->diagnostics;
            const auto first = std::ranges::lower_bound(all, block.line - 1, {}, &Diagnostic::line);
            for (auto it = first; it != all.cend() && it->line <= last; ++it) {
                const Diagnostic &diagnostic = *it;
                if (diagnostic.message == block.wholeRunProblem)
                    continue;
                block.warnings.append(
                    diagnostic.column > 0
                        ? Text::tr("line %1, column %2: %3")
                              .arg(diagnostic.line)
                              .arg(diagnostic.column)
                              .arg(diagnostic.message)
                        : Text::tr("line %1: %2").arg(diagnostic.line).arg(diagnostic.message));
            }
        }
    }
}

} // namespace

QString RunbookBlock::terminalReason() const
{
    for (const RunbookContextSwitch &contextSwitch : contextSwitches) {
        if (!contextSwitch.runsInside)
            return contextSwitch.description;
    }
    return {};
}

int repairDoubleEncodedUtf8(QString *text)
{
    int places = 0;
    QString repaired;
    repaired.reserve(text->size());
    const qsizetype size = text->size();
    qsizetype i = 0;
    while (i < size) {
        if (legacyByte(text->at(i).unicode()) < 0) {
            repaired += text->at(i);
            ++i;
            continue;
        }
        QByteArray bytes;
        qsizetype end = i;
        for (int byte = 0; end < size && (byte = legacyByte(text->at(end).unicode())) >= 0; ++end)
            bytes += char(byte);
        bool any = false;
        for (qsizetype k = 0; k < bytes.size();) {
            const int length = utf8SequenceLength(bytes, k);
            if (length > 0) {
                repaired += QString::fromUtf8(bytes.constData() + k, length);
                k += length;
                any = true;
            } else {
                repaired += text->at(i + k);
                ++k;
            }
        }
        if (any)
            ++places;
        i = end;
    }
    if (places > 0)
        *text = repaired;
    return places;
}

QStringList findPlaceholders(const QString &text, QSet<QString> *knownVariables)
{
    QSet<QString> local;
    ShellScanner scanner(knownVariables ? knownVariables : &local);
    scanner.scan(text);
    return scanner.placeholders();
}

QList<PlaceholderOccurrence> placeholderOccurrences(const QString &text,
                                                    QSet<QString> *knownVariables)
{
    QSet<QString> local;
    ShellScanner scanner(knownVariables ? knownVariables : &local);
    scanner.scan(text);
    return scanner.occurrences();
}

QList<ShellSpan> placeholderSpans(const QString &text)
{
    return placeholderSpans(text, placeholderOccurrences(text, nullptr));
}

QString quoteForShellContext(const QString &value, PlaceholderOccurrence::Quoting quoting)
{
    using Quoting = PlaceholderOccurrence::Quoting;
    const auto escape = [&](QStringView specials) {
        QString escaped;
        escaped.reserve(value.size() + 4);
        for (const QChar c : value) {
            if (specials.contains(c))
                escaped += u'\\';
            escaped += c;
        }
        return escaped;
    };
    switch (quoting) {
    case Quoting::None:
        return shellQuote(value);
    case Quoting::Single:
        return QString(value).replace(u"'"_s, u"'\\''"_s);
    case Quoting::Double:
        return escape(u"\\\"$`");
    case Quoting::ExpandingHeredoc:
        return escape(u"\\$`");
    case Quoting::Literal:
        break;
    }
    return value;
}

namespace {

// Replaces each `<name>`, `[name]` and `YOUR_…` placeholder of text by what replacement()
// gives for it (std::nullopt: leave it); `$` placeholders are left alone. An empty optional
// back means replacement() refused one, and the whole fill fails.
template<typename Replacement>
std::optional<QString> replacePlaceholders(const QString &text, Replacement replacement)
{
    QList<PlaceholderOccurrence> occurrences = placeholderOccurrences(text, nullptr);
    QStringList lines = text.split(u'\n');
    // Back to front, so earlier columns stay valid while later ones change length.
    std::ranges::sort(occurrences, [](const auto &a, const auto &b) {
        return std::tie(a.line, a.column) > std::tie(b.line, b.column);
    });
    for (const PlaceholderOccurrence &occurrence : std::as_const(occurrences)) {
        if (occurrence.placeholder.startsWith(u'$') || occurrence.line >= lines.size())
            continue;
        QString &line = lines[occurrence.line];
        if (QStringView(line).mid(occurrence.column, occurrence.placeholder.size()) !=
            occurrence.placeholder)
            continue;
        bool refused = false;
        const std::optional<QString> by = replacement(occurrence, &refused);
        if (refused)
            return std::nullopt;
        if (by)
            line.replace(occurrence.column, occurrence.placeholder.size(), *by);
    }
    return lines.join(u'\n');
}

} // namespace

QString fillTextPlaceholders(const QString &text, const QMap<QString, QString> &values)
{
    return *replacePlaceholders(
        text, [&](const PlaceholderOccurrence &occurrence, bool *) -> std::optional<QString> {
            const auto value = values.constFind(occurrence.placeholder);
            if (value == values.cend())
                return std::nullopt;
            return quoteForShellContext(*value, occurrence.quoting);
        });
}

QString fillTextPlaceholdersByReference(const QString &text,
                                        const QMap<QString, QString> &variables,
                                        const QMap<QString, QString> &values, QString *error)
{
    using Quoting = PlaceholderOccurrence::Quoting;
    const std::optional<QString> filled = replacePlaceholders(
        text,
        [&](const PlaceholderOccurrence &occurrence, bool *refused) -> std::optional<QString> {
            const auto variable = variables.constFind(occurrence.placeholder);
            if (variable == variables.cend())
                return std::nullopt;
            const QString reference = u"${"_s + *variable + u'}';
            switch (occurrence.quoting) {
            case Quoting::None:
                return u'"' + reference + u'"';
            case Quoting::Double:
            case Quoting::ExpandingHeredoc:
                return reference;
            case Quoting::Single:
                return u"'\""_s + reference + u"\"'"_s; // out of the quotes and back in
            case Quoting::Literal:
                break;
            }
            // Nothing expands here: the value goes in as text, and must not end the body.
            const QString value = values.value(occurrence.placeholder);
            if (value.contains(u'\n') || value.contains(u'\r')) {
                if (error) {
                    *error = Text::tr("the value of %1 goes into a here-document line by line "
                                      "and must be a single line")
                                 .arg(occurrence.placeholder);
                }
                *refused = true;
            }
            return value;
        });
    return filled.value_or(QString());
}

QString fillSqlPlaceholders(const QString &text, const QMap<QString, QString> &values,
                            QString *error)
{
    // Longest names first, so YOUR_DB_NAME is not taken for YOUR_DB followed by "_NAME".
    QStringList names;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.key().startsWith(u'$'))
            names.append(it.key());
    }
    std::ranges::sort(names,
                      [](const QString &a, const QString &b) { return a.size() > b.size(); });
    static const QRegularExpression plainValue(uR"(^[A-Za-z0-9_.:@/+-]*$)"_s);

    QString filled;
    filled.reserve(text.size());
    bool inString = false;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (!inString && c == u'-' && text.mid(i, 2) == u"--") { // a comment, to the line's end
            const qsizetype end = text.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? text.size() : end;
            filled += QStringView(text).mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == u'\'') {
            inString = !inString; // '' inside a string toggles twice: still inside
            filled += c;
            ++i;
            continue;
        }
        const auto name = std::ranges::find_if(names, [&](const QString &candidate) {
            return QStringView(text).mid(i).startsWith(candidate);
        });
        if (name == names.cend()) {
            filled += c;
            ++i;
            continue;
        }
        const QString &value = values[*name];
        if (inString) {
            filled += QString(value).replace(u"'"_s, u"''"_s);
        } else if (plainValue.match(value).hasMatch()) {
            filled += value; // a number, a name: nothing SQL or psql would read as syntax
        } else {
            if (error) {
                *error = Text::tr("%1 stands outside quotes in this SQL, so its value may hold "
                                  "only letters, digits and _ . : @ / + -")
                             .arg(*name);
            }
            return {};
        }
        i += name->size();
    }
    return filled;
}

QStringList unterminatedHeredocs(const QString &text)
{
    QSet<QString> known;
    ShellScanner scanner(&known);
    scanner.scan(text);
    return scanner.unterminated();
}

Runbook parseRunbook(const QByteArray &input, const QString &fileName)
{
    Runbook runbook;
    if (input.size() > MaximumRunbookFileSize) {
        runbook.diagnostics.append(
            {Diagnostic::Severity::Error, fileName, 0, 0,
             Text::tr("the file is larger than %1 MiB; is it really a runbook?")
                 .arg(MaximumRunbookFileSize / (1024 * 1024))});
        return runbook;
    }
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QString text = QString::fromUtf8(bytes);
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    const int places = repairDoubleEncodedUtf8(&text);
    if (places > 0) {
        runbook.repairs.append(
            Text::tr("repaired double-encoded UTF-8 in %n place(s)", nullptr, places));
    }
    if (text.startsWith(QChar(QChar::ByteOrderMark)))
        text.remove(0, 1);
    runbook.metadata = takeFrontMatter(&text);

    const QByteArray utf8 = text.toUtf8();
    Builder builder(utf8, fileName, &runbook);
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_TASKLISTS | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = &Builder::enterBlock;
    parser.leave_block = &Builder::leaveBlock;
    parser.enter_span = &Builder::span;
    parser.leave_span = &Builder::span;
    parser.text = &Builder::text;
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &builder) != 0) {
        runbook.diagnostics.append({Diagnostic::Severity::Warning, fileName, 0, 0,
                                    Text::tr("the Markdown parser gave up; the runbook may be "
                                             "incomplete")});
    }
    builder.finish();
    if (const QString title = runbook.metadata.value(u"title"_s); !title.isEmpty())
        runbook.title = title;
    for (const auto &[line, message] : fenceProblems(text))
        runbook.diagnostics.append({Diagnostic::Severity::Warning, fileName, line, 0, message});
    std::ranges::stable_sort(runbook.diagnostics, [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    attachWarnings(&runbook);
    return runbook;
}

Runbook loadRunbookFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Runbook runbook;
        runbook.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0,
                                    Text::tr("cannot read the file: %1").arg(file.errorString())});
        return runbook;
    }
    return parseRunbook(file.read(MaximumRunbookFileSize + 1), path);
}

QList<int> sectionWithSubsections(const Runbook &runbook, int section)
{
    QList<int> sections;
    if (section < 0 || section >= runbook.sections.size())
        return sections;
    const int level = runbook.sections.at(section).level;
    sections.append(section);
    for (int next = section + 1;
         level > 0 && next < runbook.sections.size() && runbook.sections.at(next).level > level;
         ++next)
        sections.append(next);
    return sections;
}

RunbookCounts countRunbook(const Runbook &runbook)
{
    RunbookCounts counts;
    counts.sections = int(runbook.sections.size());
    counts.warnings = int(runbook.diagnostics.size());
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            switch (block.kind) {
            case RunbookBlock::Command:
            case RunbookBlock::Sql:
                ++counts.runnable;
                break;
            case RunbookBlock::Reference:
                ++counts.references;
                break;
            case RunbookBlock::ExpectedOutput:
                ++counts.outputs;
                break;
            case RunbookBlock::ManualCheck:
                ++counts.checks;
                break;
            case RunbookBlock::Prose:
                break;
            }
            if (!block.streams.isEmpty())
                ++counts.streaming;
            if (block.isTerminalOnly())
                ++counts.terminalOnly;
            counts.runInside += int(std::ranges::count_if(
                block.contextSwitches, [](const RunbookContextSwitch &s) { return s.runsInside; }));
            for (const QString &placeholder : block.placeholders) {
                if (!counts.placeholders.contains(placeholder))
                    counts.placeholders.append(placeholder);
            }
        }
    }
    return counts;
}

QString runbookBlockKindName(RunbookBlock::Kind kind)
{
    return kindName(kind);
}

QJsonObject toJson(const Runbook &runbook)
{
    QJsonArray sections;
    for (const RunbookSection &section : runbook.sections) {
        QJsonArray blocks;
        for (const RunbookBlock &block : section.blocks) {
            QJsonObject object{{u"kind"_s, kindName(block.kind)},
                               {u"line"_s, block.line},
                               {u"text"_s, block.text}};
            if (!block.language.isEmpty())
                object.insert(u"language"_s, block.language);
            if (block.isRunnable()) {
                object.insert(u"risk"_s, riskId(block.risk));
                object.insert(u"riskReason"_s, block.riskReason);
                object.insert(u"placeholders"_s, QJsonArray::fromStringList(block.placeholders));
                object.insert(u"unterminatedHeredoc"_s, block.unterminatedHeredoc);
                object.insert(u"streams"_s, !block.streams.isEmpty());
                if (!block.streams.isEmpty())
                    object.insert(u"streamReason"_s, block.streams);
                object.insert(u"terminalOnly"_s, block.isTerminalOnly());
                if (block.isTerminalOnly())
                    object.insert(u"terminalReason"_s, block.terminalReason());
                QJsonArray switches;
                for (const RunbookContextSwitch &contextSwitch : block.contextSwitches) {
                    QJsonObject entry{{u"line"_s, block.fileLineOf(contextSwitch.line)},
                                      {u"lastLine"_s, block.fileLineOf(contextSwitch.lastLine)},
                                      {u"command"_s, contextSwitch.what},
                                      {u"runsInside"_s, contextSwitch.runsInside},
                                      {u"description"_s, contextSwitch.description}};
                    if (contextSwitch.runsInside)
                        entry.insert(u"runsAs"_s, contextSwitch.runInside);
                    switches.append(entry);
                }
                if (!switches.isEmpty())
                    object.insert(u"contextSwitches"_s, switches);
                if (!block.warnings.isEmpty())
                    object.insert(u"warnings"_s, QJsonArray::fromStringList(block.warnings));
            }
            blocks.append(object);
        }
        sections.append(QJsonObject{{u"level"_s, section.level},
                                    {u"title"_s, section.title},
                                    {u"line"_s, section.line},
                                    {u"blocks"_s, blocks}});
    }
    QJsonArray diagnostics;
    for (const Diagnostic &diagnostic : runbook.diagnostics) {
        diagnostics.append(
            QJsonObject{{u"severity"_s, diagnostic.isError() ? u"error"_s : u"warning"_s},
                        {u"line"_s, diagnostic.line},
                        {u"column"_s, diagnostic.column},
                        {u"message"_s, diagnostic.message}});
    }
    QJsonObject metadata;
    for (auto it = runbook.metadata.cbegin(); it != runbook.metadata.cend(); ++it)
        metadata.insert(it.key(), it.value());
    const RunbookCounts counts = countRunbook(runbook);
    const QJsonObject summary{{u"sections"_s, counts.sections},
                              {u"runnable"_s, counts.runnable},
                              {u"references"_s, counts.references},
                              {u"outputs"_s, counts.outputs},
                              {u"checks"_s, counts.checks},
                              {u"placeholders"_s, QJsonArray::fromStringList(counts.placeholders)},
                              {u"streaming"_s, counts.streaming},
                              {u"terminalOnly"_s, counts.terminalOnly},
                              {u"runInside"_s, counts.runInside},
                              {u"warnings"_s, counts.warnings}};
    return QJsonObject{{u"title"_s, runbook.title},
                       {u"metadata"_s, metadata},
                       {u"sections"_s, sections},
                       {u"diagnostics"_s, diagnostics},
                       {u"repairs"_s, QJsonArray::fromStringList(runbook.repairs)},
                       {u"counts"_s, summary}};
}

} // namespace OpsDeck
