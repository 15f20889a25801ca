// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbooksession.h"

#include "models/remote/commandrunner.h"
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

RunbookSession::RunbookSession(CommandRunner *runner, ExecutorProvider executors, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_executors(std::move(executors))
{
    qRegisterMetaType<RunbookStepId>();
    qRegisterMetaType<ConfirmationRequest>();
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
    const std::optional<ConfirmationRequest> asked = std::exchange(m_confirming, std::nullopt);
    m_confirmingStep = {};
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
    if (asked)
        Q_EMIT confirmationSettled(asked->id);
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
    StepInputs inputs;
    inputs.target = targetOf(step);
    inputs.line = line;
    inputs.values = m_values;
    inputs.variables = m_variables;
    // A random token in the marker: output that happens to hold "a marker" cannot pose as the
    // variables.
    inputs.markerToken = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    PreparedStep prepared = prepareStep(block(step), m_workspace, inputs);
    prepared.step = step;
    prepared.request.timeoutMs = prepared.streams.isEmpty() ? m_stepTimeoutMs : 0;
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
    if (prepared.request.risk != Risk::Read) {
        // Asked, not waited for: the answer comes back through answerConfirmation().
        ConfirmationRequest request;
        request.id = ++m_lastConfirmationId;
        request.step = step;
        request.target = prepared.target;
        request.line = prepared.line;
        request.risk = prepared.request.risk;
        request.reason = prepared.riskReason;
        request.command = prepared.shownCommand;
        if (request.risk == Risk::Destroy)
            request.typedConfirmation = prepared.target.section(u'/', 0, 0);
        m_confirming = request;
        m_confirmingStep = prepared;
        Q_EMIT runningChanged(true);
        Q_EMIT confirmationRequested(request); // may be answered before it returns
        return true;
    }
    return proceed(prepared);
}

void RunbookSession::answerConfirmation(quint64 id, bool accepted)
{
    if (id == 0 || !m_confirming || m_confirming->id != id)
        return; // stale: stopped, another runbook, or answered already
    m_confirming.reset();
    const PreparedStep prepared = std::exchange(m_confirmingStep, PreparedStep());
    Q_EMIT confirmationSettled(id);
    if (!accepted) {
        refuse(prepared.step, Text::tr("not confirmed"));
        Q_EMIT runningChanged(false);
        endSection(false);
        return;
    }
    PreparedStep confirmed = prepared;
    confirmed.request.confirmedRisk = prepared.request.risk;
    if (prepared.request.risk == Risk::Destroy)
        confirmed.request.confirmedHosts = {prepared.target.section(u'/', 0, 0)};
    if (!proceed(confirmed)) {
        Q_EMIT runningChanged(false);
        endSection(false);
    }
}

bool RunbookSession::proceed(const PreparedStep &prepared)
{
    const RunbookStepId step = prepared.step;
    if (!prepared.passwordEntry.isEmpty()) {
        if (!m_credentials) {
            refuse(step, Text::tr("the database's password is in the keychain, which this window "
                                  "cannot reach"));
            return false;
        }
        m_waitingStep = prepared;
        // Bound to the database server: sent elsewhere only with the user's consent.
        m_awaitingPassword =
            m_credentials->readFor(prepared.passwordEntry, prepared.passwordAddress);
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
            [this](quint64 requestId, const QString &, const QString &message) {
                onPasswordRead(requestId, false, {}, message);
            });
}

void RunbookSession::onPasswordRead(quint64 requestId, bool found, const QString &password,
                                    const QString &error)
{
    if (requestId == 0 || requestId != m_awaitingPassword)
        return;
    m_awaitingPassword = 0;
    PreparedStep prepared = std::exchange(m_waitingStep, PreparedStep());
    Q_EMIT runningChanged(false);
    if (!error.isEmpty()) {
        refuse(prepared.step, error);
        endSection(false);
        return;
    }
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
    m_currentStreams = !prepared.streams.isEmpty();
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
        keepOutput(text);
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
    keepOutput(text);
    Q_EMIT stepOutput(m_current, text);
}

void RunbookSession::keepOutput(const QString &text)
{
    QString &output = runOf(m_current).output;
    output += text;
    if (m_currentStreams && output.size() > MaximumStreamedOutput) {
        // Keep the newest three quarters, from a line's start.
        qsizetype cut = output.size() - MaximumStreamedOutput * 3 / 4;
        const qsizetype newline = output.indexOf(u'\n', cut);
        if (newline >= 0)
            cut = newline + 1;
        output.remove(0, cut);
    }
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
    const bool streamed = std::exchange(m_currentStreams, false) &&
                          result.outcome == CommandResult::Outcome::Cancelled;
    if (result.succeeded()) {
        run.state = StepState::Succeeded;
        run.done = true;
    } else if (streamed) {
        // Stop is how a step that follows a log ends: the operator saw what they needed.
        run.state = StepState::Cancelled;
        run.streamed = true;
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
        const RunbookBlock &entry = block(step);
        if (!entry.isRunnable())
            continue;
        if (entry.isTerminalOnly() || !entry.streams.isEmpty()) {
            StepRun &run = runOf(step);
            if (run.state != StepState::Running) {
                run.state = StepState::Refused;
                run.message = entry.isTerminalOnly()
                                  ? Text::tr("skipped by Run Section: it is for a terminal")
                                  : Text::tr("skipped by Run Section: it streams until Stop; "
                                             "run it on its own");
                Q_EMIT stepChanged(step);
            }
            continue;
        }
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
    if (m_confirming) {
        const quint64 id = std::exchange(m_confirming, std::nullopt)->id;
        const RunbookStepId step = std::exchange(m_confirmingStep, PreparedStep()).step;
        refuse(step, Text::tr("stopped before it started"));
        Q_EMIT confirmationSettled(id);
        Q_EMIT runningChanged(false);
        endSection(false);
        return;
    }
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
