// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"
#include "models/core/risk.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace OpsDeck {

// What to run on a host. Exactly one of argv or script is set.
struct CommandRequest {
    QStringList argv; // a program and its arguments, each quoted by shellQuote
    QString script;   // or a POSIX shell script, fed to `sh -s` on stdin
    // Extra variables; names must be shell identifiers. Their values go on the host's command
    // line (`env NAME=value`), where `ps` shows them, except those whose names look secret
    // (looksLikeSecretName()): for a script they are set at its start, on stdin; an argv
    // request with one is refused (give the value on standardInput instead).
    QMap<QString, QString> environment;
    // For argv: bytes written to the command's standard input, which is then closed (without
    // it, the command reads an empty stdin). The way to hand a command a secret: `ps` does not
    // show it. A script request cannot have it: the script is the shell's stdin already.
    QByteArray standardInput;
    QString workingDirectory; // empty: the login directory
    bool sudo = false;        // run through `sudo -n`: a password prompt is an error
    int timeoutMs = 0;        // 0: no limit
    // The least risk the caller knows the action has (its kind). The runner judges the text
    // itself and takes the higher of the two: nobody can hand it a lower risk.
    Risk risk = Risk::Read;
    // What the operator confirmed for this request: the risk they were asked about and, for
    // Destroy, the hosts whose names they typed. The runner refuses what needs more.
    Risk confirmedRisk = Risk::Read;
    QStringList confirmedHosts;
    QStringList secrets; // texts to mask wherever the command is shown or logged

    // The command as people read it in the console and the audit log, secrets masked.
    QString displayText() const;
};

struct CommandResult {
    enum class Outcome {
        Exited,    // exitCode is valid
        Signalled, // signalName says which
        TimedOut,  // stopped after timeoutMs
        Cancelled, // stopped by cancel()
        Failed,    // could not run at all, or the connection broke: error says why
    };
    Outcome outcome = Outcome::Failed;
    int exitCode = -1;
    QString signalName;
    QString error;
    qint64 durationMs = 0;
    qint64 outputBytes = 0;

    bool succeeded() const { return outcome == Outcome::Exited && exitCode == 0; }
    // "exit 0", "killed by SIGTERM", "timed out after 5 s", ... for the console.
    QString summary() const;
};

// One command on its way: output arrives as it is produced, then finished() once. The object
// belongs to whoever started it; deleting it cancels the command.
class CommandRun : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandRun)

public:
    explicit CommandRun(QString host, QObject *parent = nullptr);
    ~CommandRun() override;

    QString host() const { return m_host; }
    bool isFinished() const { return m_finished; }
    const CommandResult &result() const { return m_result; }

    // Stops the command for real (its whole process group, remotely too); finished() follows
    // with Outcome::Cancelled. Does nothing once finished.
    void cancel();

Q_SIGNALS:
    void started();
    void standardOutput(const QByteArray &data);
    void standardError(const QByteArray &data);
    void finished(const OpsDeck::CommandResult &result);

protected:
    // For executors: report progress. finish() fills durationMs and outputBytes.
    void markStarted();
    void deliverOutput(const QByteArray &data);
    void deliverError(const QByteArray &data);
    void finish(CommandResult result);
    virtual void doCancel() = 0;
    bool isCancelling() const { return m_cancelling; }

private:
    QString m_host;
    QElapsedTimer m_clock;
    qint64 m_outputBytes = 0;
    bool m_finished = false;
    bool m_cancelling = false;
    CommandResult m_result;
};

// Runs commands on one host. Implementations: LocalExecutor (this computer, QProcess) and
// SshExecutor (libssh). Nothing here blocks the calling thread.
class Executor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Executor)

public:
    using QObject::QObject;
    ~Executor() override;

    virtual QString hostName() const = 0;
    virtual ConnectionState state() const = 0;
    // The remote user commands run as, for the audit log; empty when unknown.
    virtual QString userName() const = 0;
    // Starts request; the returned run is parented to `owner` (or unparented when null).
    virtual CommandRun *start(const CommandRequest &request, QObject *owner) = 0;

Q_SIGNALS:
    void stateChanged(OpsDeck::ConnectionState state, const QString &reason);
};

// The shell command line that carries out request (environment, directory, sudo), for
// `sh -c`. A script is not included: it goes to the shell's stdin, see composeStandardInput().
// Nothing secret is in it: environment values whose names look secret are left out.
QString composeShellCommand(const CommandRequest &request);

// What the command line from composeShellCommand() reads on its standard input: for a script,
// the secret-named environment variables' assignments and then the script; for argv, the
// request's standardInput.
QByteArray composeStandardInput(const CommandRequest &request);

// Checks a request before it runs; empty when fine, else what is wrong.
QString validateRequest(const CommandRequest &request);

// Turns sudo's "a password is required" into an error that says what to do.
QString explainSudoFailure(const QByteArray &standardError, const QString &host);

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::CommandResult)
