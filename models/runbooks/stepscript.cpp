// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/stepscript.h"

#include "models/core/secretvalues.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/remote/shelllexer.h"
#include "models/remote/shellquote.h"
#include "models/runbooks/commandbehaviour.h"
#include "models/runbooks/placeholdervalues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

// The step's texts belong to the session that shows them.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(RunbookSession)
};

QString interpreterFor(const QString &language)
{
    if (language == u"sh")
        return u"sh"_s;
    if (language == u"zsh")
        return u"zsh"_s;
    return u"bash"_s; // bash, shell, console and untyped blocks were written for a terminal
}

bool isPositional(const QString &placeholder)
{
    return placeholder.size() == 2 && placeholder[0] == u'$' && placeholder[1] >= u'1' &&
           placeholder[1] <= u'9';
}

bool isVariablePlaceholder(const QString &placeholder)
{
    return placeholder.startsWith(u'$') && !isPositional(placeholder);
}

// Compound commands, groups and subshells that a logical line keeps open until they close.
class OpenConstructs
{
public:
    bool any() const { return !m_open.isEmpty(); }

    void follow(const ShellToken &token)
    {
        if (token.kind == ShellToken::Kind::Operator) {
            if (token.op == u"(" || token.op == u"{")
                m_open.append(token.op.front());
            else if (token.op == u")") // a case pattern's ')' closes nothing
                close(u'(', false);
            else if (token.op == u"}")
                close(u'{', true);
        } else if (token.kind == ShellToken::Kind::Word && token.commandPosition) {
            static const QStringList opening = {u"if"_s,    u"for"_s,  u"while"_s,
                                                u"until"_s, u"case"_s, u"select"_s};
            static const QStringList closing = {u"fi"_s, u"done"_s, u"esac"_s};
            if (opening.contains(token.text) && token.isWord(token.text))
                m_open.append(u'c');
            else if (closing.contains(token.text) && token.isWord(token.text))
                close(u'c', true);
        }
    }

private:
    // Closes the innermost `opener`; deeper ones left open by a mistake close with it.
    void close(QChar opener, bool throughOthers)
    {
        const qsizetype at = m_open.lastIndexOf(opener);
        if (at >= 0 && (throughOthers || at == m_open.size() - 1))
            m_open.resize(at);
    }

    QList<QChar> m_open;
};

// The placeholders' values as the step needs them.
struct FilledValues {
    QMap<QString, QString> text;      // <name>, [name] and YOUR_… placeholders: written in
    QStringList positional;           // $1, $2, …: set with `set --`
    QMap<QString, QString> variables; // $NAME placeholders: NAME=value before the step
};

// Whether a placeholder's (or carried variable's) value must stay off the command line and
// out of sight: by its name (<db-password>, $API_TOKEN) or by its form (a URL with a password).
bool isSecretValue(const QString &name, const QString &value)
{
    return looksLikeSecretName(name) || looksLikeSecretValue(value);
}

// Secret values reach a step on its standard input, never on its command line, where `ps` on
// the host shows them: one line each, backslashes and blanks escaped, read back at the start
// of the script with the shell's own printf %b (a builtin of sh, bash and zsh alike).
class SecretInput
{
public:
    // The prologue line that gives `name` its value: an assignment, or a read from stdin.
    QString assign(const QString &name, const QString &value, bool secret)
    {
        if (!secret)
            return name + u'=' + shellQuote(value);
        // No blank is left as it is, so read trims nothing without touching IFS (which the
        // safety gate rightly distrusts).
        QString escaped = value;
        escaped.replace(u'\\', u"\\\\"_s)
            .replace(u'\n', u"\\n"_s)
            .replace(u' ', u"\\0040"_s)
            .replace(u'\t', u"\\0011"_s);
        m_bytes += escaped.toUtf8() + '\n';
        if (!m_secrets.contains(value))
            m_secrets.append(value);
        // The x keeps trailing newlines, which $( ) would strip.
        return u"read -r %1; %1=$(printf '%bx' \"$%1\"); %1=${%1%x}"_s.arg(name);
    }

    QByteArray bytes() const { return m_bytes; }
    QStringList secrets() const { return m_secrets; }

private:
    QByteArray m_bytes;
    QStringList m_secrets;
};

// The placeholder values to keep out of sight, as written and as quoted for shell and SQL.
QStringList secretPlaceholderValues(const QMap<QString, QString> &values)
{
    QStringList secrets;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isSecretValue(it.key(), it.value()))
            continue;
        QString sqlQuoted = it.value();
        sqlQuoted.replace(u'\'', u"''"_s);
        for (const QString &form : {it.value(), shellQuote(it.value()), sqlQuoted}) {
            if (!secrets.contains(form))
                secrets.append(form);
        }
    }
    return secrets;
}

// The text of the block that runs: all of it, or the logical line chosen, with the lines typed
// in another shell taken out as scripts (see composeRunInside()). False (and the reason in
// prepared) when it cannot run this way.
bool chooseText(const RunbookBlock &block, int line, ComposedScript *text, PreparedStep *prepared)
{
    if (line < 0) {
        if (!block.wholeRunProblem.isEmpty()) {
            prepared->error = Text::tr("%1; run its lines one at a time, or fix the runbook")
                                  .arg(block.wholeRunProblem);
            return false;
        }
        *text = composeRunInside(block.text, block.contextSwitches);
        prepared->streams = block.streams;
        if (block.isTerminalOnly()) {
            prepared->terminalOnly = true;
            prepared->error =
                Text::tr("run this step in a terminal: %1").arg(block.terminalReason());
        }
        return true;
    }
    const QList<ShellLine> lines = logicalShellLines(block.text);
    const auto chosen = std::ranges::find_if(
        lines, [line](const ShellLine &l) { return line >= l.firstLine && line <= l.lastLine; });
    if (chosen == lines.cend()) {
        prepared->error = Text::tr("line %1 of this step holds no command").arg(line + 1);
        return false;
    }
    prepared->line = chosen->firstLine;
    const auto inside =
        std::ranges::find_if(block.contextSwitches, [&](const RunbookContextSwitch &s) {
            return s.covers(chosen->firstLine) || s.covers(chosen->lastLine);
        });
    if (inside == block.contextSwitches.cend()) {
        *text = ComposedScript{chosen->text, {}};
        prepared->streams =
            analyseBlockExecution(chosen->text, placeholderSpans(chosen->text)).streams;
        return true;
    }
    if (!inside->runsInside) {
        prepared->terminalOnly = true;
        *text = ComposedScript{chosen->text, {}};
        prepared->error = Text::tr("run this line in a terminal: %1").arg(inside->description);
        return false;
    }
    if (chosen->firstLine == inside->exitLine) {
        prepared->error = Text::tr("line %1 leaves the shell that line %2 opens; run line %2 to "
                                   "run everything typed there")
                              .arg(line + 1)
                              .arg(inside->line + 1);
        return false;
    }
    const bool wholeSwitch = chosen->firstLine <= inside->openerEnd;
    *text = composeRunInsideLine(block.text, *inside, chosen->text, wholeSwitch);
    if (wholeSwitch)
        prepared->line = inside->line;
    const QString runs = withScripts(text->outer, text->scripts);
    const QString ran =
        wholeSwitch ? block.text.section(u'\n', inside->line, inside->lastLine) : chosen->text;
    prepared->streams = analyseBlockExecution(ran, placeholderSpans(ran)).streams;
    return true;
}

// The values of the placeholders text uses; those without one go to missingValues.
bool fillValues(const RunbookBlock &block, const QString &text, const StepInputs &inputs,
                FilledValues *filled, PreparedStep *prepared)
{
    for (const QString &placeholder : block.placeholders) {
        if (!text.contains(placeholder.startsWith(u'$') ? placeholder.mid(1) : placeholder))
            continue; // not on the chosen line
        const QString value = inputs.values.value(placeholder);
        if (isVariablePlaceholder(placeholder) && inputs.variables.contains(placeholder.mid(1)))
            continue; // an earlier step of this run set it
        if (value.contains(QChar(0))) {
            prepared->error = Text::tr("the value of %1 holds a NUL character, which no command "
                                       "can take")
                                  .arg(placeholder);
            return false;
        }
        if (value.isEmpty()) {
            prepared->missingValues.append(placeholder);
            continue;
        }
        if (isPositional(placeholder)) {
            const int index = placeholder[1].digitValue();
            while (filled->positional.size() < index)
                filled->positional.append(QString());
            filled->positional[index - 1] = value;
        } else if (isVariablePlaceholder(placeholder)) {
            filled->variables.insert(placeholder.mid(1), value);
        } else {
            filled->text.insert(placeholder, value);
        }
    }
    return true;
}

// SQL runs through psql on the database's host, fed by a here-document.
void prepareSql(const QString &text, const Workspace &workspace, const FilledValues &values,
                PreparedStep *prepared)
{
    const qsizetype slash = prepared->target.indexOf(u'/');
    const Host *host = slash > 0 ? workspace.findHost(prepared->target.left(slash)) : nullptr;
    const Database *database = nullptr;
    if (host) {
        for (const Database &candidate : host->databases) {
            if (candidate.name == prepared->target.mid(slash + 1))
                database = &candidate;
        }
    }
    if (!database) {
        prepared->error =
            prepared->target.isEmpty()
                ? Text::tr("choose a database for this SQL step")
                : Text::tr("the workspace has no database '%1'").arg(prepared->target);
        return;
    }
    // The values go to psql as variables set on its stdin, never pasted into the SQL.
    const SqlWithValues sql = sqlWithValueVariables(text, values.text);
    if (!sql.error.isEmpty()) {
        prepared->error = sql.error;
        return;
    }
    prepared->shownCommand = sql.shown;
    QStringList psql{u"psql"_s, u"-X"_s,        u"-v"_s, u"ON_ERROR_STOP=1"_s,
                     u"-h"_s,   database->host, u"-p"_s, QString::number(database->port)};
    if (!database->user.isEmpty())
        psql << u"-U"_s << database->user;
    psql << u"-d"_s << (database->database.isEmpty() ? database->name : database->database);
    // A here-document, not -c: psql then runs statement by statement and shows each result.
    QString delimiter = u"OPSDECK_SQL"_s;
    while (sql.script.contains(delimiter))
        delimiter += u'_';
    prepared->request.script =
        shellJoin(psql) + u" <<'"_s + delimiter + u"'\n"_s + sql.script + u'\n' + delimiter + u'\n';
    prepared->passwordEntry = database->password.entry;
    prepared->passwordAddress = databaseSecretAddress(*host, *database);
    prepared->request.environment.insert(u"PGCONNECT_TIMEOUT"_s, u"10"_s);
    if (!database->sslMode.isEmpty())
        prepared->request.environment.insert(u"PGSSLMODE"_s, database->sslMode);
}

// Each placeholder's value goes into a variable of its own (__opsdeck_pod_name='...'), so that
// no value is ever read as shell; returns the assignments, and the names in references.
QStringList valueVariables(const QMap<QString, QString> &values, QMap<QString, QString> *references,
                           SecretInput *secretInput)
{
    QStringList assignments;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QString base = u"__opsdeck_"_s;
        for (const QChar c : it.key()) {
            if (c.isLetterOrNumber() && c.unicode() < 128)
                base += c.toLower();
            else if (!base.endsWith(u'_'))
                base += u'_';
        }
        while (base.endsWith(u'_'))
            base.chop(1);
        QString name = base;
        for (int suffix = 2; references->values().contains(name); ++suffix)
            name = base + u'_' + QString::number(suffix);
        references->insert(it.key(), name);
        assignments.append(
            secretInput->assign(name, it.value(), isSecretValue(it.key(), it.value())));
    }
    return assignments;
}

// The values typed for the placeholders text uses, "$NAME" and "$1" ones included (but not those
// an earlier step of this run set): what shellValueProblem() judges.
QMap<QString, QString> typedValues(const RunbookBlock &block, const QString &text,
                                   const StepInputs &inputs)
{
    QMap<QString, QString> typed;
    for (const QString &placeholder : block.placeholders) {
        const QString value = inputs.values.value(placeholder);
        if (value.isEmpty() ||
            !text.contains(placeholder.startsWith(u'$') ? placeholder.mid(1) : placeholder))
            continue;
        if (isVariablePlaceholder(placeholder) && inputs.variables.contains(placeholder.mid(1)))
            continue;
        typed.insert(placeholder, value);
    }
    return typed;
}

// `set -- …` for $1, $2, …; a value that looks secret comes from stdin through a variable.
QString positionalArguments(const QStringList &positional, SecretInput *secretInput)
{
    QStringList reads;
    QStringList arguments;
    for (qsizetype i = 0; i < positional.size(); ++i) {
        if (!looksLikeSecretValue(positional[i])) {
            arguments.append(shellQuote(positional[i]));
            continue;
        }
        const QString name = u"__opsdeck_argument_%1"_s.arg(i + 1);
        reads.append(secretInput->assign(name, positional[i], true));
        arguments.append(u"\"$"_s + name + u'"');
    }
    reads.append(u"set -- "_s + arguments.join(u' '));
    return reads.join(u'\n');
}

// The scripts typed in another shell, with the values written in and quoted for that shell: it
// reads them again, so a value goes in as text that shell reads back verbatim, never by
// reference to a variable of ours.
QMap<QString, QString> filledScripts(const ComposedScript &composed,
                                     const QMap<QString, QString> &values)
{
    QMap<QString, QString> scripts;
    for (auto it = composed.scripts.cbegin(); it != composed.scripts.cend(); ++it)
        scripts.insert(it.key(), fillTextPlaceholders(it.value(), values));
    return scripts;
}

void prepareShell(const RunbookBlock &block, const ComposedScript &composed,
                  const StepInputs &inputs, const FilledValues &values, PreparedStep *prepared)
{
    const QString &text = composed.outer;
    const QMap<QString, QString> scripts = filledScripts(composed, values.text);
    // Shown (timeline, card) with the values written in; run with each value in a variable
    // of its own.
    prepared->shownCommand = withScripts(fillTextPlaceholders(text, values.text), scripts);
    if (prepared->target.isEmpty() && prepared->error.isEmpty()) {
        prepared->error = Text::tr("choose a host for this step");
        return;
    }
    if (!prepared->error.isEmpty())
        return; // a terminal's step: shown, for Copy, but not run
    QMap<QString, QString> references;
    SecretInput secretInput;
    QStringList prologue = valueVariables(values.text, &references, &secretInput);
    QString fillError;
    const QString body = withScripts(
        fillTextPlaceholdersByReference(text, references, values.text, &fillError), scripts);
    if (!fillError.isEmpty()) {
        prepared->error = fillError;
        return;
    }

    // Variables an earlier step set, as far as this step uses them. One that the runbook sets
    // in a step that has not run must not quietly expand to nothing (rm -rf "$DIR"/cache).
    QSet<QString> known(inputs.variables.keyBegin(), inputs.variables.keyEnd());
    QStringList unset;
    for (const QString &placeholder : findPlaceholders(text, &known)) {
        if (isVariablePlaceholder(placeholder) && !block.placeholders.contains(placeholder))
            unset.append(placeholder);
    }
    if (!unset.isEmpty()) {
        prepared->error = Text::tr("%1 is set by an earlier step that has not run yet; run that "
                                   "step first")
                              .arg(unset.join(u", "_s));
        return;
    }
    // Every $NAME in the text, quoted or not: carrying one too many is harmless, one too few
    // is not (eval '...$NAME', sh -c "$NAME").
    static const QRegularExpression usesVariable(uR"(\$\{?([A-Za-z_][A-Za-z0-9_]*))"_s);
    QSet<QString> used;
    for (auto it = usesVariable.globalMatch(text); it.hasNext();)
        used.insert(it.next().captured(1));
    for (auto it = inputs.variables.cbegin(); it != inputs.variables.cend(); ++it) {
        if (used.contains(it.key()))
            prologue.append(
                secretInput.assign(it.key(), it.value(), isSecretValue(it.key(), it.value())));
    }
    for (auto it = values.variables.cbegin(); it != values.variables.cend(); ++it)
        prologue.append(
            secretInput.assign(it.key(), it.value(), isSecretValue(it.key(), it.value())));
    if (!values.positional.isEmpty())
        prologue.append(positionalArguments(values.positional, &secretInput));

    QSet<QString> assigned;
    findPlaceholders(text, &assigned);
    prepared->capturedVariables = QStringList(assigned.cbegin(), assigned.cend());
    prepared->capturedVariables.sort();
    QString script = prologue.isEmpty() ? QString() : prologue.join(u'\n') + u'\n';
    script += body;
    if (!prepared->capturedVariables.isEmpty()) {
        // After the step's own output: a marker line, then each assigned variable and its
        // value, NUL-separated, for the next steps.
        const QByteArray &token = inputs.markerToken;
        prepared->variablesMarker = "\n\036OPSDECK-VARIABLES-" + token + "\036\n";
        script += u"\n__opsdeck_status=$?\nprintf '\\n\\036OPSDECK-VARIABLES-"_s +
                  QString::fromLatin1(token) + u"\\036\\n'\n"_s;
        for (const QString &name : std::as_const(prepared->capturedVariables)) {
            script += u"[ \"${%1+set}\" = set ] && printf '%s\\0%s\\0' %1 \"$%1\"\n"_s.arg(name);
        }
        script += u"exit $__opsdeck_status"_s;
    }
    // A command line holds 128 KiB at most on Linux: say so rather than fail obscurely.
    constexpr qsizetype MaximumScriptBytes = 120 * 1024;
    if (const qsizetype bytes = script.toUtf8().size(); bytes > MaximumScriptBytes) {
        prepared->error = Text::tr("this step with its values and carried variables is %1 KiB, "
                                   "more than a command line takes; forget the variables of "
                                   "earlier steps or shorten the values")
                              .arg(bytes / 1024);
        return;
    }
    // An argument, not stdin: a command in the block that reads stdin (cat, psql, read) must
    // not swallow the rest of the script.
    prepared->request.argv = {interpreterFor(block.language), u"-c"_s, script};
    prepared->request.standardInput = secretInput.bytes();
    prepared->request.secrets += secretInput.secrets();
}

// Card, confirmation, incident timeline and audit row show secret values masked; and a secret
// value that would still reach the host's command line (written into a quoted here-document,
// which nothing expands) stops the step.
void hideSecretValues(const RunbookBlock &block, const QString &text,
                      const QMap<QString, QString> &values, PreparedStep *prepared)
{
    QMap<QString, QString> shown = values;
    QStringList names;
    for (auto it = shown.begin(); it != shown.end(); ++it) {
        if (isSecretValue(it.key(), it.value())) {
            it.value() = SecretMask.toString();
            names.append(it.key());
        }
    }
    if (names.isEmpty())
        return;
    const QStringList secrets = secretPlaceholderValues(values);
    for (const QString &secret : secrets) {
        if (!prepared->request.secrets.contains(secret))
            prepared->request.secrets.append(secret);
    }
    const QString commandLine = composeShellCommand(prepared->request);
    for (const QString &name : std::as_const(names)) {
        if (prepared->error.isEmpty() && commandLine.contains(values.value(name)))
            prepared->error = Text::tr("the value of %1 looks secret, but here it would be written "
                                       "into the command, where ps on the host shows it; use it "
                                       "outside a quoted here-document")
                                  .arg(name);
    }
    QString ignored;
    const QString masked = block.kind == RunbookBlock::Sql
                               ? fillSqlPlaceholders(text, shown, &ignored)
                               : fillTextPlaceholders(text, shown);
    // Anything the fill left (a value in a literal context) is masked as text.
    prepared->shownCommand = maskSecrets(masked, secrets);
}

} // namespace

QList<ShellLine> logicalShellLines(const QString &script)
{
    const ShellLexResult lexed = lexShell(script);
    const QStringList lines = script.split(u'\n');
    QList<ShellLine> result;
    qsizetype from = 0; // where the logical line being collected starts
    const auto endLine = [&](qsizetype end) {
        if (end <= from)
            return;
        ShellLine line;
        line.firstLine = lexed.lineOf(from);
        line.lastLine = lexed.lineOf(end - 1);
        line.text = lines.mid(line.firstLine, line.lastLine - line.firstLine + 1).join(u'\n');
        if (!line.text.trimmed().isEmpty())
            result.append(line);
        from = end;
    };
    OpenConstructs open;
    bool wantsMore = false; // a line ending in | && || goes on on the next one
    const std::vector<ShellToken> &tokens = lexed.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const ShellToken &token = tokens[i];
        if (token.isOperator(u"\n")) {
            if (open.any() || wantsMore)
                continue;
            // The bodies of the here-documents it opened follow the newline and belong to it.
            qsizetype end = token.span.end();
            while (i + 1 < tokens.size() && tokens[i + 1].kind == ShellToken::Kind::HereDocument)
                end = tokens[++i].span.end();
            endLine(end);
            continue;
        }
        if (token.kind == ShellToken::Kind::Operator || token.kind == ShellToken::Kind::Word ||
            token.kind == ShellToken::Kind::Redirection) {
            open.follow(token);
            wantsMore = token.isOperator(u"|") || token.isOperator(u"|&") ||
                        token.isOperator(u"&&") || token.isOperator(u"||");
        }
    }
    endLine(script.size());
    return result;
}

PreparedStep prepareStep(const RunbookBlock &block, const Workspace &workspace,
                         const StepInputs &inputs)
{
    PreparedStep prepared;
    prepared.target = inputs.target;
    prepared.request.risk = block.risk;
    prepared.riskReason = block.riskReason;
    if (!block.isRunnable()) {
        prepared.error = Text::tr("this step is a manual check; tick it when done");
        return prepared;
    }
    ComposedScript text;
    if (!chooseText(block, inputs.line, &text, &prepared) && !prepared.terminalOnly)
        return prepared;
    FilledValues values;
    const QString everything =
        QStringList{text.outer, QStringList(text.scripts.values()).join(u'\n')}.join(u'\n');
    if (!fillValues(block, everything, inputs, &values, &prepared))
        return prepared;
    if (block.kind == RunbookBlock::Sql)
        prepareSql(text.outer, workspace, values, &prepared);
    else
        prepareShell(block, text, inputs, values, &prepared);
    // What runs: the lines typed in another shell as the script argument they become.
    const QString runs = withScripts(text.outer, text.scripts);
    if (block.kind != RunbookBlock::Sql) {
        // Refused before it can run, whatever else is missing: a second interpreter would read
        // a value again, or a command would take it as an option. Judged on the lines as the
        // runbook's author typed them: those for another shell are quoted for it by
        // composeRunInside(), which that shell reads back verbatim, once.
        if (QString problem = shellValueProblem(everything, typedValues(block, everything, inputs));
            !problem.isEmpty())
            prepared.error = problem;
    }
    hideSecretValues(block, block.kind == RunbookBlock::Sql ? text.outer : runs, values.text,
                     &prepared);
    if (prepared.error.isEmpty() && prepared.missingValues.isEmpty()) {
        // Judged as the runner will judge it: on the filled-in text that runs, not the template.
        prepared.request.risk = Risk::Read;
        const RiskAssessment judged = CommandRunner::assess(prepared.request);
        prepared.request.risk = judged.risk;
        prepared.riskReason = judged.reason;
    }
    return prepared;
}

} // namespace OpsDeck
