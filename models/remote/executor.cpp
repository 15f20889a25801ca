// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/executor.h"

#include "models/core/secretvalues.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Executor)
};

bool isShellIdentifier(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return identifier.match(name).hasMatch();
}

} // namespace

QString CommandRequest::displayText() const
{
    // Mask before quoting: quoting rewrites quotes inside a secret, and the rewritten form
    // would no longer match it.
    const auto mask = [this](const QString &text) { return maskSecrets(text, secrets); };
    QString text;
    if (argv.isEmpty()) {
        text = mask(script);
    } else {
        QStringList masked;
        for (const QString &argument : argv)
            masked.append(mask(argument));
        text = shellJoin(masked);
    }
    return sudo ? QStringLiteral("sudo ") + text : text;
}

QString CommandResult::summary() const
{
    switch (outcome) {
    case Outcome::Exited:
        return Text::tr("exit %1").arg(exitCode);
    case Outcome::Signalled:
        return Text::tr("killed by %1").arg(signalName);
    case Outcome::TimedOut:
        return Text::tr("timed out after %1 s").arg(double(durationMs) / 1000.0, 0, 'f', 1);
    case Outcome::Cancelled:
        return Text::tr("cancelled");
    case Outcome::Failed:
        return Text::tr("failed: %1").arg(error);
    }
    return {};
}

CommandRun::CommandRun(QString host, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
{
    m_clock.start();
}

CommandRun::~CommandRun() = default;

void CommandRun::cancel()
{
    if (m_finished || m_cancelling)
        return;
    m_cancelling = true;
    doCancel();
}

void CommandRun::markStarted()
{
    Q_EMIT started();
}

void CommandRun::deliverOutput(const QByteArray &data)
{
    m_outputBytes += data.size();
    Q_EMIT standardOutput(data);
}

void CommandRun::deliverError(const QByteArray &data)
{
    m_outputBytes += data.size();
    Q_EMIT standardError(data);
}

void CommandRun::finish(CommandResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_cancelling && result.outcome != CommandResult::Outcome::TimedOut)
        result.outcome = CommandResult::Outcome::Cancelled;
    result.durationMs = m_clock.elapsed();
    result.outputBytes = m_outputBytes;
    m_result = result;
    Q_EMIT finished(m_result);
}

Executor::~Executor() = default;

QString composeShellCommand(const CommandRequest &request)
{
    QString command = request.argv.isEmpty() ? QStringLiteral("sh -s") : shellJoin(request.argv);
    QStringList assignments;
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it) {
        if (!looksLikeSecretName(it.key())) // those go on stdin: composeStandardInput()
            assignments.append(shellQuote(it.key() + u'=' + it.value()));
    }
    if (!assignments.isEmpty())
        command = QStringLiteral("env ") + assignments.join(u' ') + u' ' + command;
    if (request.sudo)
        command = QStringLiteral("sudo -n -- sh -c ") + shellQuote(command);
    if (!request.workingDirectory.isEmpty())
        command = QStringLiteral("cd ") + shellQuote(request.workingDirectory) +
                  QStringLiteral(" && ") + command;
    return command;
}

QByteArray composeStandardInput(const CommandRequest &request)
{
    if (!request.argv.isEmpty())
        return request.standardInput;
    // The script is the shell's stdin: secret values set there never reach a command line.
    QByteArray input;
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it) {
        if (looksLikeSecretName(it.key()))
            input += (it.key() + u'=' + shellQuote(it.value()) + u"\nexport "_s + it.key() + u'\n')
                         .toUtf8();
    }
    return input + request.script.toUtf8();
}

QString validateRequest(const CommandRequest &request)
{
    if (request.argv.isEmpty() == request.script.isEmpty())
        return Text::tr("a command needs either a program with arguments or a script");
    if (!request.argv.isEmpty() && request.argv.front().isEmpty())
        return Text::tr("the program name is empty");
    if (!request.script.isEmpty() && !request.standardInput.isEmpty())
        return Text::tr("a script is the shell's standard input; it cannot have other input");
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it) {
        if (!isShellIdentifier(it.key()))
            return Text::tr("'%1' is not a valid environment variable name").arg(it.key());
        if (!request.argv.isEmpty() && looksLikeSecretName(it.key()))
            return Text::tr("the value of %1 looks secret and would be visible on the host's "
                            "command line; give it on standard input")
                .arg(it.key());
    }
    return {};
}

QString explainSudoFailure(const QByteArray &standardError, const QString &host)
{
    if (standardError.contains("a password is required") ||
        standardError.contains("a terminal is required"))
        return Text::tr("sudo on %1 asks for a password. OpsDeck never types passwords into "
                        "sudo: allow this command without a password (NOPASSWD in sudoers) or "
                        "run it without sudo.")
            .arg(host);
    if (standardError.contains("sudo: not found") ||
        standardError.contains("sudo: command not found"))
        return Text::tr("sudo is not installed on %1.").arg(host);
    return {};
}

} // namespace OpsDeck
