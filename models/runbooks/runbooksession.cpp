// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbooksession.h"

#include "models/remote/commandrisk.h"
#include "models/remote/commandrunner.h"
#include "models/remote/shelllexer.h"
#include "models/remote/shellquote.h"
#include "models/secrets/credentialstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

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

} // namespace

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::NotRun:
        return Text::tr("not run");
    case StepState::Running:
        return Text::tr("running");
    case StepState::Succeeded:
        return Text::tr("succeeded");
    case StepState::Failed:
        return Text::tr("failed");
    case StepState::Cancelled:
        return Text::tr("stopped");
    case StepState::Refused:
        return Text::tr("not run");
    }
    return {};
}

namespace {

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

RunbookSession::RunbookSession(CommandRunner *runner, ExecutorProvider executors, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_executors(std::move(executors))
{
    qRegisterMetaType<RunbookStepId>();
}

RunbookSession::~RunbookSession()
{
    if (m_run)
        m_run->disconnect(this);
}

void RunbookSession::setRunbook(const Runbook &runbook, const QString &sourceId)
{
    // A step still running belongs to the old runbook: cancel it and forget it now, so that
    // none of its output or its end lands on a step of the new one.
    const bool wasRunning = isRunning();
    if (m_run) {
        m_run->disconnect(this);
        m_run->cancel();
        m_run->deleteLater();
    }
    m_run = nullptr;
    m_current = {};
    m_awaitingPassword = 0;
    m_waitingStep = {};
    m_sectionQueue.clear();
    m_runningSection = -1;
    m_runbook = runbook;
    m_sourceId = sourceId;
    m_steps.clear();
    m_runs.clear();
    m_stepTargets.clear();
    m_committedNotes.clear();
    m_variables.clear();
    m_values.clear();
    for (int s = 0; s < m_runbook.sections.size(); ++s) {
        const QList<RunbookBlock> &blocks = m_runbook.sections.at(s).blocks;
        for (int b = 0; b < blocks.size(); ++b) {
            if (blocks.at(b).isRunnable() || blocks.at(b).kind == RunbookBlock::ManualCheck)
                m_steps.append({s, b});
        }
    }
    loadRememberedValues();
    Q_EMIT runbookChanged();
    Q_EMIT placeholderValuesChanged();
    Q_EMIT progressChanged(completedCount(), stepCount());
    if (wasRunning)
        Q_EMIT runningChanged(false);
}

void RunbookSession::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const QStringList hosts = hostChoices();
    if (!hosts.contains(m_defaultHost) && !hosts.isEmpty())
        setDefaultHost(hosts.constFirst());
    const QStringList databases = databaseChoices();
    if (!databases.contains(m_defaultDatabase))
        m_defaultDatabase = databases.value(0);
}

QList<RunbookStepId> RunbookSession::stepsOfSection(int section) const
{
    // A section includes its sub-sections: "Run section" on "Diagnosis" runs its ### steps.
    const QList<int> sections = sectionWithSubsections(m_runbook, section);
    QList<RunbookStepId> result;
    for (const RunbookStepId &step : m_steps) {
        if (sections.contains(step.section))
            result.append(step);
    }
    return result;
}

const RunbookBlock &RunbookSession::block(RunbookStepId step) const
{
    static const RunbookBlock none;
    if (step.section < 0 || step.section >= m_runbook.sections.size())
        return none;
    const QList<RunbookBlock> &blocks = m_runbook.sections.at(step.section).blocks;
    return step.block >= 0 && step.block < blocks.size() ? blocks.at(step.block) : none;
}

const StepRun &RunbookSession::stepRun(RunbookStepId step) const
{
    static const StepRun none;
    const auto it = m_runs.constFind(step);
    return it == m_runs.cend() ? none : *it;
}

void RunbookSession::setDefaultHost(const QString &host)
{
    if (host == m_defaultHost)
        return;
    m_defaultHost = host;
    loadRememberedValues();
    Q_EMIT placeholderValuesChanged();
}

void RunbookSession::setDefaultDatabase(const QString &target)
{
    m_defaultDatabase = target;
}

QString RunbookSession::targetOf(RunbookStepId step) const
{
    const QString own = m_stepTargets.value(step);
    if (!own.isEmpty())
        return own;
    return block(step).kind == RunbookBlock::Sql ? m_defaultDatabase : m_defaultHost;
}

void RunbookSession::setStepTarget(RunbookStepId step, const QString &target)
{
    if (target.isEmpty())
        m_stepTargets.remove(step);
    else
        m_stepTargets.insert(step, target);
    Q_EMIT stepChanged(step);
}

QStringList RunbookSession::hostChoices() const
{
    QStringList hosts;
    for (const Environment &environment : m_workspace.environments) {
        for (const Host &host : environment.hosts) {
            if (!hosts.contains(host.name))
                hosts.append(host.name);
        }
    }
    return hosts;
}

QStringList RunbookSession::databaseChoices() const
{
    QStringList databases;
    for (const Environment &environment : m_workspace.environments) {
        for (const Host &host : environment.hosts) {
            for (const Database &database : host.databases) {
                const QString target = host.name + u'/' + database.name;
                if (!databases.contains(target))
                    databases.append(target);
            }
        }
    }
    return databases;
}

QStringList RunbookSession::placeholders() const
{
    QStringList all;
    for (const RunbookStepId &step : m_steps) {
        for (const QString &placeholder : block(step).placeholders) {
            if (!all.contains(placeholder))
                all.append(placeholder);
        }
    }
    return all;
}

QString RunbookSession::placeholderValue(const QString &placeholder) const
{
    return m_values.value(placeholder);
}

QString RunbookSession::settingsGroup(const QString &target) const
{
    // Hashed: paths and host names may hold characters QSettings keys treat specially.
    const QByteArray key =
        QCryptographicHash::hash((m_sourceId + u'\n' + target).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(20);
    return u"runbookValues/"_s + QString::fromLatin1(key);
}

void RunbookSession::setPlaceholderValue(const QString &placeholder, const QString &value)
{
    if (m_values.value(placeholder) == value)
        return;
    m_values.insert(placeholder, value);
    // Secrets are typed each time, never kept in the settings file.
    static const QRegularExpression secretName(uR"(pass|secret|token|key|credential|pwd|auth)"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    if (!m_sourceId.isEmpty() && !secretName.match(placeholder).hasMatch()) {
        // One long-lived QSettings: it writes to disk from the event loop, in batches, not on
        // every keystroke of the form.
        const QString key = settingsGroup(m_defaultHost) + u'/' +
                            QString::fromLatin1(placeholder.toUtf8().toBase64(
                                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (value.isEmpty())
            m_settings.remove(key);
        else
            m_settings.setValue(key, value);
    }
    Q_EMIT placeholderValuesChanged();
}

void RunbookSession::loadRememberedValues()
{
    if (m_sourceId.isEmpty())
        return;
    QSettings &settings = m_settings;
    settings.beginGroup(settingsGroup(m_defaultHost));
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        const QString placeholder = QString::fromUtf8(QByteArray::fromBase64(
            key.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        m_values.insert(placeholder, settings.value(key).toString());
    }
    settings.endGroup();
}

void RunbookSession::clearVariables()
{
    m_variables.clear();
}

PreparedStep RunbookSession::prepare(RunbookStepId step, int line) const
{
    PreparedStep prepared;
    prepared.step = step;
    prepared.target = targetOf(step);
    const RunbookBlock &source = block(step);
    prepared.request.risk = source.risk;
    prepared.riskReason = source.riskReason;
    if (!source.isRunnable()) {
        prepared.error = Text::tr("this step is a manual check; tick it when done");
        return prepared;
    }

    QString text = source.text;
    if (line >= 0) {
        const QList<ShellLine> lines = logicalShellLines(source.text);
        const auto chosen = std::ranges::find_if(lines, [line](const ShellLine &l) {
            return line >= l.firstLine && line <= l.lastLine;
        });
        if (chosen == lines.cend()) {
            prepared.error = Text::tr("line %1 of this step holds no command").arg(line + 1);
            return prepared;
        }
        text = chosen->text;
        prepared.line = chosen->firstLine;
        const RiskAssessment risk = assessCommandRisk(text);
        prepared.request.risk = risk.risk;
        prepared.riskReason = risk.reason;
    } else if (!source.wholeRunProblem.isEmpty()) {
        prepared.error = Text::tr("%1; run its lines one at a time, or fix the runbook")
                             .arg(source.wholeRunProblem);
        return prepared;
    }

    QMap<QString, QString> values;
    QStringList positional;
    QStringList assignments;
    for (const QString &placeholder : source.placeholders) {
        if (!text.contains(placeholder.startsWith(u'$') ? placeholder.mid(1) : placeholder))
            continue; // not on the chosen line
        const QString value = m_values.value(placeholder);
        if (isVariablePlaceholder(placeholder) && m_variables.contains(placeholder.mid(1)))
            continue; // an earlier step of this run set it
        if (value.contains(QChar(0))) {
            prepared.error = Text::tr("the value of %1 holds a NUL character, which no command "
                                      "can take")
                                 .arg(placeholder);
            return prepared;
        }
        if (value.isEmpty()) {
            prepared.missingValues.append(placeholder);
            continue;
        }
        if (isPositional(placeholder)) {
            const int index = placeholder[1].digitValue();
            while (positional.size() < index)
                positional.append(QString());
            positional[index - 1] = value;
        } else if (isVariablePlaceholder(placeholder)) {
            assignments.append(placeholder.mid(1) + u'=' + shellQuote(value));
        } else {
            values.insert(placeholder, value);
        }
    }

    if (source.kind == RunbookBlock::Sql) {
        const qsizetype slash = prepared.target.indexOf(u'/');
        const Host *host = slash > 0 ? m_workspace.findHost(prepared.target.left(slash)) : nullptr;
        const Database *database = nullptr;
        if (host) {
            for (const Database &candidate : host->databases) {
                if (candidate.name == prepared.target.mid(slash + 1))
                    database = &candidate;
            }
        }
        if (!database) {
            prepared.error =
                prepared.target.isEmpty()
                    ? Text::tr("choose a database for this SQL step")
                    : Text::tr("the workspace has no database '%1'").arg(prepared.target);
            return prepared;
        }
        QString fillError;
        prepared.shownCommand = fillSqlPlaceholders(text, values, &fillError);
        if (!fillError.isEmpty()) {
            prepared.error = fillError;
            return prepared;
        }
        QStringList psql{u"psql"_s, u"-X"_s,        u"-v"_s, u"ON_ERROR_STOP=1"_s,
                         u"-h"_s,   database->host, u"-p"_s, QString::number(database->port)};
        if (!database->user.isEmpty())
            psql << u"-U"_s << database->user;
        psql << u"-d"_s << (database->database.isEmpty() ? database->name : database->database);
        // A here-document, not -c: psql then runs statement by statement and shows each result.
        QString delimiter = u"OPSDECK_SQL"_s;
        while (prepared.shownCommand.contains(delimiter))
            delimiter += u'_';
        prepared.request.script = shellJoin(psql) + u" <<'"_s + delimiter + u"'\n"_s +
                                  prepared.shownCommand + u'\n' + delimiter + u'\n';
        prepared.passwordEntry = database->password.entry;
        prepared.request.environment.insert(u"PGCONNECT_TIMEOUT"_s, u"10"_s);
        if (!database->sslMode.isEmpty())
            prepared.request.environment.insert(u"PGSSLMODE"_s, database->sslMode);
        return prepared;
    }

    if (prepared.target.isEmpty()) {
        prepared.error = Text::tr("choose a host for this step");
        return prepared;
    }
    // Shown (timeline, card) with the values written in; run with each value in a variable
    // of its own, so that no value is ever read as shell.
    prepared.shownCommand = fillTextPlaceholders(text, values);
    QMap<QString, QString> references;
    QStringList prologue;
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
        for (int suffix = 2; references.values().contains(name); ++suffix)
            name = base + u'_' + QString::number(suffix);
        references.insert(it.key(), name);
        prologue.append(name + u'=' + shellQuote(it.value()));
    }
    QString fillError;
    const QString body = fillTextPlaceholdersByReference(text, references, values, &fillError);
    if (!fillError.isEmpty()) {
        prepared.error = fillError;
        return prepared;
    }

    // Variables an earlier step set, as far as this step uses them. One that the runbook sets
    // in a step that has not run must not quietly expand to nothing (rm -rf "$DIR"/cache).
    QSet<QString> known(m_variables.keyBegin(), m_variables.keyEnd());
    QStringList unset;
    for (const QString &placeholder : findPlaceholders(text, &known)) {
        if (isVariablePlaceholder(placeholder) && !source.placeholders.contains(placeholder))
            unset.append(placeholder);
    }
    if (!unset.isEmpty()) {
        prepared.error = Text::tr("%1 is set by an earlier step that has not run yet; run that "
                                  "step first")
                             .arg(unset.join(u", "_s));
        return prepared;
    }
    static const QRegularExpression usesVariable(uR"(\$\{?([A-Za-z_][A-Za-z0-9_]*))"_s);
    QSet<QString> used;
    for (auto it = usesVariable.globalMatch(text); it.hasNext();)
        used.insert(it.next().captured(1));
    for (auto it = m_variables.cbegin(); it != m_variables.cend(); ++it) {
        if (used.contains(it.key()))
            prologue.append(it.key() + u'=' + shellQuote(it.value()));
    }
    prologue += assignments;
    if (!positional.isEmpty()) {
        QStringList quoted;
        for (const QString &value : std::as_const(positional))
            quoted.append(shellQuote(value));
        prologue.append(u"set -- "_s + quoted.join(u' '));
    }

    QSet<QString> assigned;
    findPlaceholders(text, &assigned);
    prepared.capturedVariables = QStringList(assigned.cbegin(), assigned.cend());
    prepared.capturedVariables.sort();
    QString script = prologue.isEmpty() ? QString() : prologue.join(u'\n') + u'\n';
    script += body;
    if (!prepared.capturedVariables.isEmpty()) {
        // A random token in the marker: output that happens to hold "a marker" cannot pose as
        // the variables.
        const QByteArray token = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        prepared.variablesMarker = "\n\036OPSDECK-VARIABLES-" + token + "\036\n";
        script += u"\n__opsdeck_status=$?\nprintf '\\n\\036OPSDECK-VARIABLES-"_s +
                  QString::fromLatin1(token) + u"\\036\\n'\n"_s;
        for (const QString &name : std::as_const(prepared.capturedVariables)) {
            script += u"[ \"${%1+set}\" = set ] && printf '%s\\0%s\\0' %1 \"$%1\"\n"_s.arg(name);
        }
        script += u"exit $__opsdeck_status"_s;
    }
    // A command line holds 128 KiB at most on Linux: say so rather than fail obscurely.
    constexpr qsizetype MaximumScriptBytes = 120 * 1024;
    if (const qsizetype bytes = script.toUtf8().size(); bytes > MaximumScriptBytes) {
        prepared.error = Text::tr("this step with its values and carried variables is %1 KiB, "
                                  "more than a command line takes; forget the variables of "
                                  "earlier steps or shorten the values")
                             .arg(bytes / 1024);
        return prepared;
    }
    // An argument, not stdin: a command in the block that reads stdin (cat, psql, read) must
    // not swallow the rest of the script.
    prepared.request.argv = {interpreterFor(source.language), u"-c"_s, script};
    return prepared;
}

void RunbookSession::refuse(RunbookStepId step, const QString &message)
{
    StepRun &run = runOf(step);
    run.state = StepState::Refused;
    run.message = message;
    Q_EMIT stepChanged(step);
}

bool RunbookSession::run(RunbookStepId step, int line)
{
    if (!m_steps.contains(step))
        return false;
    if (isRunning()) {
        refuse(step, Text::tr("another step is running; wait for it or stop it"));
        return false;
    }
    const PreparedStep prepared = prepare(step, line);
    // What the operator can type right there comes first.
    if (!prepared.missingValues.isEmpty()) {
        refuse(step, Text::tr("fill in %1 first").arg(prepared.missingValues.join(u", "_s)));
        return false;
    }
    if (!prepared.error.isEmpty()) {
        refuse(step, prepared.error);
        return false;
    }
    if (prepared.request.risk != Risk::Read && (!m_confirmation || !m_confirmation(prepared))) {
        refuse(step, Text::tr("not confirmed"));
        return false;
    }
    if (!prepared.passwordEntry.isEmpty()) {
        if (!m_credentials) {
            refuse(step, Text::tr("the database's password is in the keychain, which this window "
                                  "cannot reach"));
            return false;
        }
        m_waitingStep = prepared;
        m_awaitingPassword = m_credentials->read(prepared.passwordEntry);
        Q_EMIT runningChanged(true);
        return true;
    }
    return startPrepared(prepared);
}

void RunbookSession::setCredentialStore(CredentialStore *credentials)
{
    if (m_credentials)
        m_credentials->disconnect(this);
    m_credentials = credentials;
    if (!credentials)
        return;
    connect(credentials, &CredentialStore::readFinished, this,
            [this](quint64 requestId, const QString &, bool found, const QString &secret) {
                onPasswordRead(requestId, found, secret);
            });
    connect(credentials, &CredentialStore::failed, this,
            [this](quint64 requestId, const QString &, const QString &) {
                onPasswordRead(requestId, false, {});
            });
}

void RunbookSession::onPasswordRead(quint64 requestId, bool found, const QString &password)
{
    if (requestId == 0 || requestId != m_awaitingPassword)
        return;
    m_awaitingPassword = 0;
    PreparedStep prepared = std::exchange(m_waitingStep, PreparedStep());
    Q_EMIT runningChanged(false);
    if (!found) {
        refuse(prepared.step, Text::tr("the keychain has no entry '%1' for the database %2")
                                  .arg(prepared.passwordEntry, prepared.target));
        endSection(false);
        return;
    }
    // In the script (stdin), never on a command line where `ps` would show it; masked in the
    // audit log and the console.
    prepared.request.script.prepend(u"PGPASSWORD="_s + shellQuote(password) +
                                    u"\nexport PGPASSWORD\n"_s);
    // Masked as written and as quoted in the script: a quote in it changes the quoted form.
    prepared.request.secrets.append(password);
    prepared.request.secrets.append(shellQuote(password));
    if (!startPrepared(prepared))
        endSection(false);
}

bool RunbookSession::startPrepared(const PreparedStep &prepared)
{
    const RunbookBlock &source = block(prepared.step);
    const QString hostName = source.kind == RunbookBlock::Sql
                                 ? prepared.target.left(prepared.target.indexOf(u'/'))
                                 : prepared.target;
    Executor *executor = m_executors ? m_executors(hostName) : nullptr;
    StepRun &run = runOf(prepared.step);
    StepRun fresh; // a new run keeps only what the operator wrote and ticked
    fresh.done = run.done;
    fresh.notes = run.notes;
    run = fresh;
    run.target = prepared.target;
    run.startedAt = QDateTime::currentDateTime();
    run.command = prepared.shownCommand;
    if (!executor) {
        refuse(prepared.step, Text::tr("the workspace has no host '%1'").arg(hostName));
        return false;
    }
    run.state = StepState::Running;
    m_current = prepared.step;
    m_pendingOutput.clear();
    m_variablesBlock.clear();
    m_inVariablesBlock = false;
    // Ends the step's own output; what follows are the variables it assigned, NUL-separated.
    m_variablesMarker = prepared.variablesMarker;
    m_capturedNames =
        QSet<QString>(prepared.capturedVariables.cbegin(), prepared.capturedVariables.cend());

    m_stdoutDecoder = std::make_shared<QStringDecoder>(QStringDecoder::Utf8);
    m_run = m_runner->run(executor, prepared.request, this, m_incidentId);
    auto stderrDecoder = std::make_shared<QStringDecoder>(QStringDecoder::Utf8);
    connect(m_run, &CommandRun::standardOutput, this,
            [this](const QByteArray &data) { onOutput(data); });
    connect(m_run, &CommandRun::standardError, this, [this, stderrDecoder](const QByteArray &data) {
        const QString text = (*stderrDecoder)(data);
        runOf(m_current).output += text;
        Q_EMIT stepOutput(m_current, text);
    });
    connect(m_run, &CommandRun::finished, this,
            [this](const CommandResult &result) { onFinished(result); });
    Q_EMIT stepChanged(prepared.step);
    Q_EMIT runningChanged(true);
    return true;
}

void RunbookSession::onOutput(const QByteArray &data)
{
    QByteArray visible;
    if (m_variablesMarker.isEmpty()) { // the step assigns nothing: no marker to look for
        visible = data;
    } else if (m_inVariablesBlock) {
        m_variablesBlock += data;
    } else {
        m_pendingOutput += data;
        const qsizetype marker = m_pendingOutput.indexOf(m_variablesMarker);
        if (marker >= 0) {
            visible = m_pendingOutput.left(marker);
            m_variablesBlock = m_pendingOutput.mid(marker + m_variablesMarker.size());
            m_pendingOutput.clear();
            m_inVariablesBlock = true;
        } else {
            // Hold back only an end of the output that could be the start of the marker.
            qsizetype keep =
                std::min<qsizetype>(m_pendingOutput.size(), m_variablesMarker.size() - 1);
            while (keep > 0 && !m_variablesMarker.startsWith(m_pendingOutput.right(keep)))
                --keep;
            visible = m_pendingOutput.left(m_pendingOutput.size() - keep);
            m_pendingOutput.remove(0, m_pendingOutput.size() - keep);
        }
    }
    if (visible.isEmpty())
        return;
    const QString text = (*m_stdoutDecoder)(visible);
    runOf(m_current).output += text;
    Q_EMIT stepOutput(m_current, text);
}

void RunbookSession::onFinished(const CommandResult &result)
{
    const RunbookStepId step = m_current;
    if (!m_pendingOutput.isEmpty()) {
        const QString text = (*m_stdoutDecoder)(m_pendingOutput);
        m_pendingOutput.clear();
        runOf(step).output += text;
        Q_EMIT stepOutput(step, text);
    }
    if (m_inVariablesBlock) {
        const QList<QByteArray> fields = m_variablesBlock.split('\0');
        for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
            // Only the names this step assigns: nothing else may enter the next prologue.
            const QString name = QString::fromUtf8(fields[i]);
            if (m_capturedNames.contains(name))
                m_variables.insert(name, QString::fromUtf8(fields[i + 1]));
        }
    }
    m_inVariablesBlock = false;
    m_variablesBlock.clear();
    m_variablesMarker.clear();
    if (m_run)
        m_run->deleteLater(); // done; it holds the request (a password, maybe) no longer needed
    m_run = nullptr;
    m_current = {};

    StepRun &run = runOf(step);
    run.result = result;
    run.message = result.error;
    if (result.succeeded()) {
        run.state = StepState::Succeeded;
        run.done = true;
    } else {
        run.state = result.outcome == CommandResult::Outcome::Cancelled ? StepState::Cancelled
                                                                        : StepState::Failed;
    }
    Q_EMIT stepChanged(step);
    Q_EMIT stepFinished(step, run);
    Q_EMIT progressChanged(completedCount(), stepCount());
    Q_EMIT runningChanged(false);

    if (m_runningSection >= 0) {
        if (run.state == StepState::Succeeded)
            runNextOfSection();
        else
            endSection(false);
    }
}

bool RunbookSession::runSection(int section)
{
    if (isRunning())
        return false;
    m_runningSection = -1; // nothing runs, so no section can still be going
    m_sectionQueue.clear();
    for (const RunbookStepId &step : stepsOfSection(section)) {
        if (block(step).isRunnable())
            m_sectionQueue.append(step);
    }
    m_runningSection = section;
    runNextOfSection();
    return true;
}

void RunbookSession::runNextOfSection()
{
    if (m_sectionQueue.isEmpty()) {
        endSection(true);
        return;
    }
    if (!run(m_sectionQueue.takeFirst()))
        endSection(false);
}

void RunbookSession::endSection(bool succeeded)
{
    m_sectionQueue.clear();
    if (m_runningSection < 0)
        return;
    const int section = std::exchange(m_runningSection, -1);
    Q_EMIT sectionFinished(section, succeeded);
}

void RunbookSession::stop()
{
    m_sectionQueue.clear();
    if (m_awaitingPassword != 0) {
        m_awaitingPassword = 0;
        const RunbookStepId step = std::exchange(m_waitingStep, PreparedStep()).step;
        refuse(step, Text::tr("stopped before it started"));
        Q_EMIT runningChanged(false);
        endSection(false);
        return;
    }
    if (m_run)
        m_run->cancel(); // finished() follows; with the queue empty the section ends there
    else
        endSection(false); // nothing running: a section cannot be left waiting
}

void RunbookSession::setDone(RunbookStepId step, bool done)
{
    if (!m_steps.contains(step) || stepRun(step).done == done)
        return;
    runOf(step).done = done;
    Q_EMIT stepChanged(step);
    Q_EMIT markedDone(step, done);
    Q_EMIT progressChanged(completedCount(), stepCount());
}

void RunbookSession::commitNotes(RunbookStepId step)
{
    StepRun &run = runOf(step);
    if (!m_steps.contains(step) || run.notes.trimmed().isEmpty() ||
        run.notes == m_committedNotes.value(step))
        return;
    m_committedNotes.insert(step, run.notes);
    Q_EMIT notesCommitted(step, run.notes);
}

void RunbookSession::setNotes(RunbookStepId step, const QString &notes)
{
    if (!m_steps.contains(step) || stepRun(step).notes == notes)
        return;
    runOf(step).notes = notes;
    Q_EMIT stepChanged(step);
}

int RunbookSession::completedCount() const
{
    return int(std::ranges::count_if(
        m_steps, [this](const RunbookStepId &step) { return stepRun(step).done; }));
}

} // namespace OpsDeck
