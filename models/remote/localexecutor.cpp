// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/localexecutor.h"

#include <QProcess>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <sys/types.h>
#include <unistd.h>

namespace OpsDeck {

namespace {

// Grace period between SIGTERM and SIGKILL when stopping a command.
constexpr int TerminateGraceMs = 2000;
// Enough of stderr to recognise sudo's password prompt.
constexpr qsizetype StderrSniffBytes = 4096;

class LocalRun final : public CommandRun
{
public:
    LocalRun(const QString &host, const CommandRequest &request, QObject *parent)
        : CommandRun(host, parent)
        , m_request(request)
    {
        m_process.setProgram(QStringLiteral("/bin/sh"));
        m_process.setArguments({QStringLiteral("-c"), composeShellCommand(request)});
        // Its own session and process group: signals reach the command's children too.
        m_process.setChildProcessModifier([] { ::setsid(); });
        QObject::connect(&m_process, &QProcess::started, this, [this] {
            // The script, or the command's own input; then end of file.
            if (const QByteArray input = composeStandardInput(m_request); !input.isEmpty())
                m_process.write(input);
            m_process.closeWriteChannel();
            markStarted();
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, this,
                         [this] { deliverOutput(m_process.readAllStandardOutput()); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
            const QByteArray data = m_process.readAllStandardError();
            if (m_stderrHead.size() < StderrSniffBytes)
                m_stderrHead += data.left(StderrSniffBytes - m_stderrHead.size());
            deliverError(data);
        });
        QObject::connect(
            &m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status); });
        QObject::connect(&m_process, &QProcess::errorOccurred, this,
                         [this](QProcess::ProcessError error) {
                             if (error == QProcess::FailedToStart) {
                                 CommandResult result;
                                 result.error = m_process.errorString();
                                 finish(result);
                             }
                         });
        if (request.timeoutMs > 0) {
            m_timeout.setSingleShot(true);
            m_timeout.setInterval(request.timeoutMs);
            QObject::connect(&m_timeout, &QTimer::timeout, this, [this] {
                m_timedOut = true;
                stopProcessGroup();
            });
            m_timeout.start();
        }
        m_process.start();
    }

    ~LocalRun() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            signalGroup(SIGKILL);
            m_process.waitForFinished(1000); // the group is already dead: this returns at once
        }
    }

protected:
    void doCancel() override { stopProcessGroup(); }

private:
    void signalGroup(int signal)
    {
        const qint64 pid = m_process.processId();
        if (pid > 0)
            ::kill(-pid_t(pid), signal);
    }

    void stopProcessGroup()
    {
        signalGroup(SIGTERM);
        QTimer::singleShot(TerminateGraceMs, this, [this] {
            if (m_process.state() != QProcess::NotRunning)
                signalGroup(SIGKILL);
        });
    }

    void onFinished(int exitCode, QProcess::ExitStatus status)
    {
        m_timeout.stop();
        CommandResult result;
        if (m_timedOut) {
            result.outcome = CommandResult::Outcome::TimedOut;
        } else if (status == QProcess::CrashExit) {
            result.outcome = CommandResult::Outcome::Signalled;
            // On a crash QProcess reports the signal number as the exit code.
            const char *name = ::sigabbrev_np(exitCode);
            result.signalName = name ? QStringLiteral("SIG") + QString::fromLatin1(name)
                                     : QStringLiteral("signal %1").arg(exitCode);
        } else {
            result.outcome = CommandResult::Outcome::Exited;
            result.exitCode = exitCode;
            if (m_request.sudo && exitCode != 0) {
                const QString sudoError = explainSudoFailure(m_stderrHead, host());
                if (!sudoError.isEmpty()) {
                    result.outcome = CommandResult::Outcome::Failed;
                    result.error = sudoError;
                }
            }
        }
        finish(result);
    }

    CommandRequest m_request;
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_stderrHead;
    bool m_timedOut = false;
};

} // namespace

LocalExecutor::LocalExecutor(QString hostName, QObject *parent)
    : Executor(parent)
    , m_hostName(std::move(hostName))
{
}

LocalExecutor::~LocalExecutor() = default;

QString LocalExecutor::userName() const
{
    return qEnvironmentVariable("USER");
}

CommandRun *LocalExecutor::start(const CommandRequest &request, QObject *owner)
{
    return new LocalRun(m_hostName, request, owner);
}

} // namespace OpsDeck
