// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/placeholdervalues.h"

#include "models/remote/shellcommands.h"
#include "models/remote/shelllexer.h"
#include "models/remote/sqllexer.h"
#include "models/runbooks/runbookparser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

// The step's texts belong to the session that shows them.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(RunbookSession)
};

using Words = std::vector<const ShellToken *>;

// How a word of a simple command is read.
struct WordRole {
    QString reader;           // a second interpreter reads it again ("`sh -c`"); else empty
    QString program;          // else: the program that takes it as an argument
    bool optionPlace = false; // it stands where that program reads options
};

struct CommandRoles {
    std::vector<WordRole> words; // as the command's words
    QString stdinReader;         // an interpreter reads the command's standard input
};

QString programOf(const ShellToken *word)
{
    const QString value = word->value();
    return value.mid(value.lastIndexOf(u'/') + 1);
}

bool isOptionWord(const QString &value)
{
    return value.size() > 1 && value.startsWith(u'-') && value != u"--";
}

// Arguments [from, to) of program: option places up to `--` (and, for programs that stop at
// their first operand, up to that).
void markArguments(const Words &words, size_t from, size_t to, const QString &program,
                   bool stopsAtOperand, CommandRoles *roles)
{
    bool optionsEnded = false;
    for (size_t j = from; j < to; ++j) {
        roles->words[j] = {{}, program, !optionsEnded};
        const QString value = words[j]->value();
        if (value == u"--" || (stopsAtOperand && !value.startsWith(u'-')))
            optionsEnded = true;
    }
}

void markRereadFrom(size_t from, size_t to, const QString &reader, CommandRoles *roles)
{
    for (size_t j = from; j < to; ++j)
        roles->words[j] = {reader, {}, false};
}

// Skips the options of a wrapper (sudo, timeout, …) from `from`: those in withArgument take the
// next word. Returns where its operands start.
size_t skipOptions(const Words &words, size_t from, size_t to, const QStringList &withArgument)
{
    size_t j = from;
    while (j < to) {
        const QString value = words[j]->value();
        if (value == u"--")
            return j + 1;
        if (!isOptionWord(value))
            break;
        j += withArgument.contains(value) ? 2 : 1;
    }
    return std::min(j, to);
}

void assignRoles(const Words &words, size_t from, size_t to, CommandRoles *roles);

// A command that runs the command in its operands: its options, then that command.
void wrapper(const Words &words, size_t from, size_t to, const QStringList &withArgument,
             int fixedOperands, CommandRoles *roles)
{
    const QString program = programOf(words[from]);
    size_t inner = skipOptions(words, from + 1, to, withArgument);
    while (inner < to && fixedOperands > 0) { // timeout's duration, chroot's directory
        ++inner;
        --fixedOperands;
    }
    while (program == u"env" && inner < to && words[inner]->value().contains(u'=') &&
           !words[inner]->value().startsWith(u'='))
        ++inner;
    markArguments(words, from + 1, inner, program, false, roles);
    assignRoles(words, inner, to, roles);
}

void shell(const Words &words, size_t from, size_t to, CommandRoles *roles)
{
    const QString program = programOf(words[from]);
    bool script = false, readsStdin = false;
    size_t j = from + 1;
    for (; j < to; ++j) {
        const QString value = words[j]->value();
        if (value == u"--" || value == u"-") {
            ++j;
            break;
        }
        if (value.startsWith(u"--")) {
            if (value == u"--rcfile" || value == u"--init-file")
                ++j;
            continue;
        }
        if (value.size() < 2 || (value[0] != u'-' && value[0] != u'+'))
            break;
        script = script || value.contains(u'c');
        readsStdin = readsStdin || value.contains(u's');
        if (value.contains(u'o') || value.contains(u'O'))
            ++j; // -o errexit
    }
    j = std::min(j, to);
    markArguments(words, from + 1, j, program, false, roles);
    if (script && j < to) {
        roles->words[j] = {u"`%1 -c`"_s.arg(program), {}, false};
        markArguments(words, j + 1, to, program, true, roles); // $0, $1, …: data
        for (size_t k = j + 1; k < to; ++k)
            roles->words[k].optionPlace = false;
        return;
    }
    for (size_t k = j; k < to; ++k)
        roles->words[k] = {{}, program, false}; // a script file and its arguments
    if (readsStdin || j >= to)
        roles->stdinReader = u"`%1`"_s.arg(program);
}

// `ssh [options] HOST [command…]`: the command words are joined and read by the remote shell.
void ssh(const Words &words, size_t from, size_t to, CommandRoles *roles)
{
    static const QString withArgument = u"bcDEeFIiJLlmOopQRSWw"_s;
    size_t j = from + 1;
    while (j < to) {
        const QString value = words[j]->value();
        if (value == u"--") {
            ++j;
            break;
        }
        if (!isOptionWord(value))
            break;
        ++j;
        for (qsizetype k = 1; k < value.size(); ++k) {
            if (withArgument.contains(value[k])) {
                if (k == value.size() - 1)
                    ++j; // the argument is the next word
                break;
            }
        }
    }
    j = std::min(j, to);
    markArguments(words, from + 1, std::min(j + 1, to), u"ssh"_s, false, roles);
    if (j + 1 >= to) {
        roles->stdinReader = u"`ssh`"_s; // no command: the remote shell reads standard input
        return;
    }
    CommandRoles remote;
    remote.words.resize(words.size());
    assignRoles(words, j + 1, to, &remote);
    roles->stdinReader = remote.stdinReader;
    markRereadFrom(j + 1, to, u"`ssh`"_s, roles);
}

// psql -c, mysql -e, python -c, perl -e: the option's argument is a program of its own.
void inlineProgram(const Words &words, size_t from, size_t to, const QStringList &options,
                   const QString &longOption, bool stdinWhenNoOperand, CommandRoles *roles)
{
    const QString program = programOf(words[from]);
    markArguments(words, from + 1, to, program, false, roles);
    bool inlineCode = false, operand = false;
    for (size_t j = from + 1; j < to; ++j) {
        const QString value = words[j]->value();
        for (const QString &option : options) {
            const QString reader = u"`%1 %2`"_s.arg(program, option);
            if (value == option && j + 1 < to) {
                roles->words[j + 1] = {reader, {}, false};
                inlineCode = true;
                ++j;
                break;
            }
            if (value.startsWith(option) && value.size() > option.size() &&
                !value.startsWith(u"--")) {
                roles->words[j] = {reader, {}, false}; // -cSELECT…
                inlineCode = true;
                break;
            }
        }
        if (!longOption.isEmpty() && value.startsWith(longOption + u'=')) {
            roles->words[j] = {u"`%1 %2`"_s.arg(program, options.value(0)), {}, false};
            inlineCode = true;
        } else if (!longOption.isEmpty() && value == longOption && j + 1 < to) {
            roles->words[j + 1] = {u"`%1 %2`"_s.arg(program, options.value(0)), {}, false};
            inlineCode = true;
            ++j;
        } else if (!value.startsWith(u'-')) {
            operand = true;
        }
    }
    if (!stdinWhenNoOperand || (!operand && !inlineCode))
        roles->stdinReader = u"`%1`"_s.arg(program);
}

void assignRoles(const Words &words, size_t from, size_t to, CommandRoles *roles)
{
    if (from >= to)
        return;
    const QString program = programOf(words[from]);
    roles->words[from] = {{}, program, false};
    const auto value = [&](size_t j) { return j < to ? words[j]->value() : QString(); };
    static const QStringList shells = {u"sh"_s,  u"bash"_s, u"dash"_s, u"zsh"_s,
                                       u"ksh"_s, u"ash"_s,  u"mksh"_s};
    if (shells.contains(program)) {
        shell(words, from, to, roles);
    } else if (program == u"ssh") {
        ssh(words, from, to, roles);
    } else if (program == u"eval") {
        markRereadFrom(from + 1, to, u"`eval`"_s, roles);
    } else if (program == u"su") {
        inlineProgram(words, from, to, {u"-c"_s}, u"--command"_s, false, roles);
        for (size_t j = from + 1; j < to; ++j) {
            if (!roles->words[j].reader.isEmpty())
                roles->words[j].reader = u"`su -c`"_s;
        }
    } else if (program == u"watch") {
        const size_t inner =
            skipOptions(words, from + 1, to, {u"-n"_s, u"--interval"_s, u"-q"_s, u"--equexit"_s});
        markArguments(words, from + 1, inner, program, false, roles);
        bool exec = false;
        for (size_t j = from + 1; j < inner; ++j)
            exec = exec || value(j) == u"-x" || value(j) == u"--exec";
        if (exec)
            assignRoles(words, inner, to, roles);
        else
            markRereadFrom(inner, to, u"`watch`"_s, roles); // joined and run by `sh -c`
    } else if (program == u"psql") {
        inlineProgram(words, from, to, {u"-c"_s}, u"--command"_s, false, roles);
    } else if (program == u"mysql" || program == u"mariadb") {
        inlineProgram(words, from, to, {u"-e"_s}, u"--execute"_s, false, roles);
    } else if (program == u"redis-cli") {
        markArguments(words, from + 1, to, program, false, roles);
        roles->stdinReader = u"`redis-cli`"_s;
    } else if (program.startsWith(u"python")) {
        inlineProgram(words, from, to, {u"-c"_s}, {}, true, roles);
    } else if (program == u"perl" || program == u"ruby" || program == u"node") {
        inlineProgram(words, from, to, {u"-e"_s, u"-E"_s}, {}, true, roles);
    } else if (program == u"sudo" || program == u"doas") {
        wrapper(words, from, to,
                {u"-u"_s, u"-g"_s, u"-C"_s, u"-D"_s, u"-h"_s, u"-p"_s, u"-r"_s, u"-t"_s, u"-U"_s,
                 u"-T"_s},
                0, roles);
    } else if (program == u"env") {
        wrapper(words, from, to, {u"-u"_s, u"-C"_s, u"--unset"_s, u"--chdir"_s}, 0, roles);
    } else if (program == u"timeout") {
        wrapper(words, from, to, {u"-s"_s, u"-k"_s, u"--signal"_s, u"--kill-after"_s}, 1, roles);
    } else if (program == u"chroot") {
        wrapper(words, from, to, {u"--userspec"_s, u"--groups"_s}, 1, roles);
    } else if (program == u"nice" || program == u"ionice" || program == u"stdbuf" ||
               program == u"nohup" || program == u"time" || program == u"command" ||
               program == u"exec" || program == u"xargs" || program == u"flock") {
        wrapper(words, from, to,
                {u"-n"_s, u"-c"_s, u"-i"_s, u"-o"_s, u"-e"_s, u"-a"_s, u"-I"_s, u"-L"_s, u"-P"_s,
                 u"-d"_s, u"-E"_s, u"-s"_s, u"-w"_s},
                program == u"flock" ? 1 : 0, roles);
    } else if ((program == u"kubectl" || program == u"oc") &&
               std::any_of(words.begin() + qsizetype(from) + 1, words.begin() + qsizetype(to),
                           [](const ShellToken *w) { return w->value() == u"exec"; })) {
        size_t dashes = from + 1;
        while (dashes < to && value(dashes) != u"--")
            ++dashes;
        markArguments(words, from + 1, dashes, program, false, roles);
        assignRoles(words, dashes + 1, to, roles);
    } else if ((program == u"docker" || program == u"podman" || program == u"nerdctl") &&
               value(from + 1) == u"exec") {
        const size_t container = skipOptions(words, from + 2, to,
                                             {u"-e"_s, u"--env"_s, u"-u"_s, u"--user"_s, u"-w"_s,
                                              u"--workdir"_s, u"--env-file"_s, u"--detach-keys"_s});
        markArguments(words, from + 1, std::min(container + 1, to), program, false, roles);
        assignRoles(words, container + 1, to, roles);
    } else if (program == u"find") {
        // -exec and -ok run a command of their own, up to `;` or `+`.
        markArguments(words, from + 1, to, program, false, roles);
        for (size_t j = from + 1; j < to; ++j) {
            const QString action = value(j);
            if (action != u"-exec" && action != u"-execdir" && action != u"-ok" &&
                action != u"-okdir")
                continue;
            size_t end = j + 1;
            while (end < to && value(end) != u";" && value(end) != u"+")
                ++end;
            assignRoles(words, j + 1, end, roles);
            j = end;
        }
    } else {
        // echo and printf take options only before their first operand.
        markArguments(words, from + 1, to, program, program == u"echo" || program == u"printf",
                      roles);
    }
}

// The names of the parameters ($NAME, ${NAME}, $1) that parts expand, at any depth.
void collectParameters(const std::vector<ShellWordPart> &parts, QSet<QString> *names)
{
    for (const ShellWordPart &part : parts) {
        if (part.kind == ShellWordPart::Kind::Parameter)
            names->insert(part.name);
        collectParameters(part.parts, names);
        for (const ShellToken &token : part.tokens)
            collectParameters(token.parts, names);
    }
}

// A placeholder's spot in the marked text: a word of its own standing in for it.
struct Mark {
    ShellSpan span;
    QString placeholder;
};

QString rereadProblem(const QString &placeholder, const QString &value, const QString &reader)
{
    if (isPlainValue(value))
        return {};
    if (!value.isEmpty() && value.startsWith(u'-') && isPlainValue(value.mid(1)))
        return Text::tr("%1 is read again by %2, where a value must not start with '-'")
            .arg(placeholder, reader);
    return Text::tr("%1 is read again by %2: only letters, digits and . _ - / : @ + are allowed "
                    "there")
        .arg(placeholder, reader);
}

class Judge
{
public:
    Judge(const QList<Mark> &marks, const QMap<QString, QString> &values)
        : m_marks(marks)
        , m_values(values)
    {
    }

    // What a second interpreter reads: every placeholder in span, and every value parameter.
    QString reread(ShellSpan span, const std::vector<ShellWordPart> &parts, const QString &reader)
    {
        for (const Mark &mark : m_marks) {
            if (span.contains(mark.span.start)) {
                if (QString problem =
                        rereadProblem(mark.placeholder, m_values.value(mark.placeholder), reader);
                    !problem.isEmpty())
                    return problem;
            }
        }
        QSet<QString> parameters;
        collectParameters(parts, &parameters);
        QStringList names(parameters.cbegin(), parameters.cend());
        names.sort();
        for (const QString &name : std::as_const(names)) {
            const QString placeholder = u'$' + name;
            if (!m_values.contains(placeholder))
                continue;
            if (QString problem = rereadProblem(placeholder, m_values.value(placeholder), reader);
                !problem.isEmpty())
                return problem;
        }
        return {};
    }

    // A whole word that is one placeholder, standing where `program` reads options.
    QString option(const ShellToken &word, const QString &program)
    {
        const QString value = word.value();
        for (const Mark &mark : m_marks) {
            if (!word.span.contains(mark.span.start))
                continue;
            if (m_values.value(mark.placeholder).startsWith(u'-') &&
                value == markText(mark)) // the word is the placeholder alone, quoted or not
                return Text::tr("%1 would be read as an option by `%2` (it starts with '-')")
                    .arg(mark.placeholder, program);
        }
        return {};
    }

    QString markText(const Mark &mark) const
    {
        return m_text.mid(mark.span.start, mark.span.length);
    }
    void setText(const QString &text) { m_text = text; }

private:
    const QList<Mark> &m_marks;
    const QMap<QString, QString> &m_values;
    QString m_text;
};

CommandRoles rolesOf(const ShellCommand &command)
{
    CommandRoles roles;
    roles.words.resize(command.words.size());
    assignRoles(command.words, 0, command.words.size(), &roles);
    return roles;
}

// Sql: the variable names given to placeholders and strings so far.
class SqlVariables
{
public:
    QString nameFor(const QString &base)
    {
        QString name = u"opsdeck_"_s;
        for (const QChar c : base) {
            if (c.isLetterOrNumber() && c.unicode() < 128)
                name += c.toLower();
            else if (!name.endsWith(u'_'))
                name += u'_';
        }
        while (name.endsWith(u'_'))
            name.chop(1);
        QString unique = name;
        for (int suffix = 2; m_used.contains(unique); ++suffix)
            unique = name + u'_' + QString::number(suffix);
        m_used.insert(unique);
        return unique;
    }

private:
    QSet<QString> m_used;
};

bool isSqlNumberOrName(const QString &value)
{
    static const QRegularExpression numberOrName(
        uR"(^(?:[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$)"_s);
    return numberOrName.match(value).hasMatch();
}

} // namespace

bool isPlainValue(const QString &value)
{
    static const QRegularExpression plain(uR"(^[A-Za-z0-9._/:@+][A-Za-z0-9._/:@+-]*$)"_s);
    return plain.match(value).hasMatch();
}

QString shellValueProblem(const QString &text, const QMap<QString, QString> &values)
{
    // Each placeholder becomes a plain word of its own, so the lexer sees the text as the shell
    // will run it (the value by reference) and tells where each one stands.
    QList<PlaceholderOccurrence> occurrences = placeholderOccurrences(text, nullptr);
    std::ranges::sort(occurrences, [](const auto &a, const auto &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    QList<qsizetype> lineStarts{0};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n')
            lineStarts.append(i + 1);
    }
    QString marked;
    QList<Mark> marks;
    qsizetype copied = 0;
    for (const PlaceholderOccurrence &occurrence : std::as_const(occurrences)) {
        if (occurrence.placeholder.startsWith(u'$') || !values.contains(occurrence.placeholder) ||
            occurrence.line >= lineStarts.size())
            continue;
        const qsizetype at = lineStarts[occurrence.line] + occurrence.column;
        if (at < copied ||
            QStringView(text).mid(at, occurrence.placeholder.size()) != occurrence.placeholder)
            continue;
        marked += QStringView(text).mid(copied, at - copied);
        const QString stand = u"OPSDECKVALUE%1Q"_s.arg(marks.size());
        marks.append({{marked.size(), stand.size()}, occurrence.placeholder});
        marked += stand;
        copied = at + occurrence.placeholder.size();
    }
    marked += QStringView(text).mid(copied);

    const ShellLexResult lexed = lexShell(marked);
    const ShellCommandList list = parseShellCommands(lexed);
    Judge judge(marks, values);
    judge.setText(marked);
    for (size_t i = 0; i < list.commands.size(); ++i) {
        const ShellCommand &command = list.commands[i];
        const CommandRoles roles = rolesOf(command);
        // `… | sh`: what the command prints, the next one reads as commands.
        QString pipeReader;
        for (size_t next = i + 1; next < list.commands.size(); ++next) {
            if (list.commands[next].depth > command.depth)
                continue;
            if (list.commands[next].depth == command.depth && list.commands[next].readsPipe)
                pipeReader = rolesOf(list.commands[next]).stdinReader;
            break;
        }
        for (size_t j = 0; j < command.words.size(); ++j) {
            const ShellToken &word = *command.words[j];
            const WordRole &role = roles.words[j];
            const QString reader = role.reader.isEmpty() ? pipeReader : role.reader;
            QString problem;
            if (!reader.isEmpty())
                problem = judge.reread(word.span, word.parts, reader);
            else if (role.optionPlace && j > 0)
                problem = judge.option(word, role.program);
            if (!problem.isEmpty())
                return problem;
        }
        const QString stdinReader = roles.stdinReader.isEmpty() ? pipeReader : roles.stdinReader;
        if (stdinReader.isEmpty())
            continue;
        for (const ShellToken *body : command.hereDocuments) {
            if (QString problem = judge.reread(
                    body->span, body->expands ? body->parts : std::vector<ShellWordPart>{},
                    stdinReader);
                !problem.isEmpty())
                return problem;
        }
        for (const ShellToken *redirection : command.redirections) {
            if (redirection->op != u"<<<")
                continue;
            if (QString problem = judge.reread(redirection->span, redirection->parts, stdinReader);
                !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString psqlMetaQuote(const QString &value)
{
    QString quoted = u"'"_s;
    for (const QChar c : value) {
        if (c == u'\'')
            quoted += u"''"_s;
        else if (c == u'\\')
            quoted += u"\\\\"_s;
        else if (c == u'\n')
            quoted += u"\\n"_s;
        else if (c == u'\r')
            quoted += u"\\r"_s;
        else
            quoted += c;
    }
    return quoted + u'\'';
}

SqlWithValues sqlWithValueVariables(const QString &sql, const QMap<QString, QString> &values)
{
    // Longest names first, so YOUR_DB_NAME is not taken for YOUR_DB followed by "_NAME".
    QStringList names;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.key().startsWith(u'$') && !it.key().isEmpty())
            names.append(it.key());
    }
    std::ranges::sort(names,
                      [](const QString &a, const QString &b) { return a.size() > b.size(); });
    const auto nameAt = [&](qsizetype position, qsizetype end) -> QString {
        for (const QString &name : std::as_const(names)) {
            if (position + name.size() <= end && QStringView(sql).mid(position).startsWith(name))
                return name;
        }
        return {};
    };

    using Kind = SqlToken::Kind;
    const SqlLexResult lexed = tokenizeSql(sql, {SqlDialect::Psql, true});
    SqlVariables variables;
    QMap<QString, QString> placeholderVariables; // "<user>" → opsdeck_user
    QStringList settings;
    SqlWithValues result;
    const auto fail = [&](const QString &error) {
        SqlWithValues failed;
        failed.error = error;
        return failed;
    };
    QString script;
    qsizetype cursor = 0; // what is before it is done: a placeholder may span tokens
    for (const SqlToken &token : lexed.tokens) {
        if (cursor >= token.end())
            continue;
        const QStringView raw = token.in(sql);
        const qsizetype from = std::max(token.start, cursor);
        const bool whole = from == token.start;
        cursor = token.end();
        if (whole && (token.kind == Kind::LineComment || token.kind == Kind::BlockComment)) {
            script += raw;
            result.shown += raw;
            continue;
        }
        const bool string = token.kind == Kind::String && raw.startsWith(u'\'');
        const bool identifier = token.kind == Kind::QuotedIdentifier && raw.startsWith(u'"');
        if (whole && (string || identifier) && token.terminated && raw.size() >= 2) {
            // Inside '…' or "…": the value goes to psql as a variable, quoted by psql.
            const QChar quote = raw[0];
            const QString doubled = QString(2, quote);
            QString content; // what the quotes hold, the values put in
            QString shown = QString(quote);
            QStringList used;
            const qsizetype end = token.end() - 1;
            for (qsizetype i = token.start + 1; i < end;) {
                const QString name = nameAt(i, end);
                if (name.isEmpty()) {
                    if (sql[i] == quote && i + 1 < end && sql[i + 1] == quote) {
                        content += quote;
                        shown += doubled;
                        i += 2;
                    } else {
                        content += sql[i];
                        shown += sql[i];
                        ++i;
                    }
                    continue;
                }
                used.append(name);
                content += values.value(name);
                shown += QString(values.value(name)).replace(quote, doubled);
                i += name.size();
            }
            shown += quote;
            result.shown += shown;
            if (used.isEmpty()) {
                script += raw;
                continue;
            }
            QString variable;
            if (used.size() == 1 && raw.size() == used.constFirst().size() + 2) {
                variable = placeholderVariables.value(used.constFirst());
                if (variable.isEmpty()) {
                    variable = variables.nameFor(used.constFirst());
                    placeholderVariables.insert(used.constFirst(), variable);
                    settings.append(u"\\set "_s + variable + u' ' + psqlMetaQuote(content));
                }
            } else {
                variable = variables.nameFor(string ? u"string"_s : u"name"_s);
                settings.append(u"\\set "_s + variable + u' ' + psqlMetaQuote(content));
            }
            script += u':' + QString(quote) + variable + quote;
            continue;
        }
        // Elsewhere the value is written in: outside quotes (and in backslash commands) only a
        // number or a name; inside quotes psql takes no variables in, only a plain value.
        const bool outside = token.kind != Kind::String && token.kind != Kind::EscapeString &&
                             token.kind != Kind::UnicodeString && token.kind != Kind::BitString &&
                             token.kind != Kind::DollarString &&
                             token.kind != Kind::QuotedIdentifier;
        QString filled;
        qsizetype i = from;
        while (i < token.end()) {
            const QString name = nameAt(i, sql.size());
            if (name.isEmpty()) {
                filled += sql[i];
                ++i;
                continue;
            }
            const QString value = values.value(name);
            if (outside && !isSqlNumberOrName(value)) {
                return fail(Text::tr("%1 stands outside quotes in this SQL, so its value may only "
                                     "be a number or a name (letters, digits, _ and dots)")
                                .arg(name));
            }
            if (!outside && !isPlainValue(value)) {
                return fail(Text::tr("%1 stands in quotes that psql passes no variables into "
                                     "(E'…', $$…$$), so only letters, digits and . _ - / : @ + "
                                     "are allowed there")
                                .arg(name));
            }
            filled += value;
            i += name.size();
        }
        cursor = i;
        script += filled;
        result.shown += filled;
    }
    result.script = settings.isEmpty() ? script : settings.join(u'\n') + u'\n' + script;
    return result;
}

} // namespace OpsDeck
