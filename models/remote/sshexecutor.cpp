// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshexecutor.h"

#include "models/core/paths.h"
#include "models/remote/sshconnection.h"

#include <QMetaMethod>
#include <QTimer>

namespace OpsDeck {

QStringList defaultKnownHostsFiles()
{
    return {Paths::dataDirectory() + u"/known_hosts", QStringLiteral("~/.ssh/known_hosts")};
}

// The GUI-thread face of one job on an SshConnection.
class SshRun final : public CommandRun
{
public:
    SshRun(SshExecutor *executor, quint64 id, const CommandRequest &request, QObject *parent)
        : CommandRun(executor->hostName(), parent)
        , m_executor(executor)
        , m_id(id)
        , m_sudo(request.sudo)
    {
        if (request.timeoutMs > 0) {
            QTimer::singleShot(request.timeoutMs, this, [this] {
                m_timedOut = true;
                cancel();
            });
        }
    }

    ~SshRun() override
    {
        if (!isFinished() && m_executor)
            m_executor->cancelJob(m_id); // deleting a run stops the remote command
    }

    void onStarted() { markStarted(); }

    void onOutput(const QByteArray &data, bool isStandardError)
    {
        if (isStandardError) {
            if (m_stderrHead.size() < 4096)
                m_stderrHead += data.left(4096 - m_stderrHead.size());
            deliverError(data);
        } else {
            deliverOutput(data);
        }
    }

    void onFinished(int exitCode, const QString &error)
    {
        CommandResult result;
        if (m_timedOut) {
            result.outcome = CommandResult::Outcome::TimedOut;
        } else if (!error.isEmpty()) {
            result.error = error;
        } else {
            result.outcome = CommandResult::Outcome::Exited;
            result.exitCode = exitCode;
            if (m_sudo && exitCode != 0) {
                if (const QString sudo = explainSudoFailure(m_stderrHead, host());
                    !sudo.isEmpty()) {
                    result.outcome = CommandResult::Outcome::Failed;
                    result.error = sudo;
                }
            }
        }
        finish(result);
    }

protected:
    void doCancel() override
    {
        if (m_executor)
            m_executor->cancelJob(m_id);
    }

private:
    QPointer<SshExecutor> m_executor;
    quint64 m_id;
    bool m_sudo;
    bool m_timedOut = false;
    QByteArray m_stderrHead;
};

SshExecutor::SshExecutor(SshSettings settings, QObject *parent)
    : Executor(parent)
    , m_settings(std::move(settings))
    , m_connection(new SshConnection(m_settings))
{
    m_thread.setObjectName(u"ssh:" + m_settings.hostName);
    m_connection->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_connection, &QObject::deleteLater);
    connect(m_connection, &SshConnection::stateChanged, this,
            [this](ConnectionState state, const QString &reason) {
                m_state = state;
                m_stateReason = reason;
                Q_EMIT stateChanged(state, reason);
            });
    connect(m_connection, &SshConnection::hostKeyQuestion, this,
            [this](const QString &host, const QString &keyType, const QString &fingerprint) {
                if (isSignalConnected(QMetaMethod::fromSignal(&SshExecutor::hostKeyQuestion)))
                    Q_EMIT hostKeyQuestion(host, keyType, fingerprint);
                else
                    answerHostKey(HostKeyAnswer::Unattended);
            });
    connect(m_connection, &SshConnection::jobStarted, this, [this](quint64 id) {
        if (SshRun *run = m_runs.value(id))
            run->onStarted();
    });
    connect(m_connection, &SshConnection::jobOutput, this, &SshExecutor::onJobOutput);
    connect(m_connection, &SshConnection::credentialNeeded, this,
            [this](Credential kind, const QString &what) {
                if (isSignalConnected(QMetaMethod::fromSignal(&SshExecutor::credentialNeeded)))
                    Q_EMIT credentialNeeded(kind, what);
                else
                    provideCredential(kind, {}); // headless: fail with the authentication error
            });
    connect(m_connection, &SshConnection::tunnelOpened, this, &SshExecutor::tunnelOpened);
    connect(m_connection, &SshConnection::tunnelFailed, this, &SshExecutor::tunnelFailed);
    connect(m_connection, &SshConnection::directoryListed, this, &SshExecutor::directoryListed);
    connect(m_connection, &SshConnection::pathStatted, this, &SshExecutor::pathStatted);
    connect(m_connection, &SshConnection::fileRead, this, &SshExecutor::fileRead);
    connect(m_connection, &SshConnection::jobFinished, this, &SshExecutor::onJobFinished);
    m_thread.start();
}

template<typename Function>
void SshExecutor::post(Function function)
{
    // The connection lives in m_thread: run there, in order, without waiting.
    QMetaObject::invokeMethod(
        m_connection, [connection = m_connection, function] { function(connection); },
        Qt::QueuedConnection);
}

SshExecutor::~SshExecutor()
{
    for (const QPointer<SshRun> &run : std::as_const(m_runs)) {
        if (run)
            run->onFinished(-1, tr("OpsDeck is closing the connection to %1").arg(hostName()));
    }
    QMetaObject::invokeMethod(m_connection, &SshConnection::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SshExecutor::connectToHost()
{
    QMetaObject::invokeMethod(m_connection, &SshConnection::connectToHost, Qt::QueuedConnection);
}

void SshExecutor::answerHostKey(HostKeyAnswer answer)
{
    post([=](SshConnection *connection) { connection->answerHostKey(answer); });
}

void SshExecutor::setPassword(const QString &password)
{
    post([=](SshConnection *connection) { connection->setPassword(password); });
}

void SshExecutor::provideCredential(Credential kind, const QString &secret)
{
    post([=](SshConnection *connection) { connection->provideCredential(kind, secret); });
}

void SshExecutor::setRoute(const QString &address, int port)
{
    post([=](SshConnection *connection) { connection->setRoute(address, port); });
}

quint64 SshExecutor::openTunnel(const QString &remoteHost, int remotePort)
{
    const quint64 id = ++m_lastTunnelId;
    post([=](SshConnection *connection) { connection->openTunnel(id, remoteHost, remotePort); });
    return id;
}

void SshExecutor::closeTunnel(quint64 id)
{
    post([=](SshConnection *connection) { connection->closeTunnel(id); });
}

quint64 SshExecutor::listDirectory(const QString &path)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) { connection->listDirectory(id, path); });
    return id;
}

quint64 SshExecutor::statPath(const QString &path)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) { connection->statPath(id, path); });
    return id;
}

quint64 SshExecutor::readFile(const QString &path, qint64 offset, qint64 length)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) { connection->readFile(id, path, offset, length); });
    return id;
}

CommandRun *SshExecutor::start(const CommandRequest &request, QObject *owner)
{
    const quint64 id = ++m_lastJobId;
    auto *run = new SshRun(this, id, request, owner);
    m_runs.insert(id, run);
    const QString command = composeShellCommand(request);
    const QString script = request.script;
    post([=](SshConnection *connection) { connection->startJob(id, command, script); });
    return run;
}

void SshExecutor::cancelJob(quint64 id)
{
    post([=](SshConnection *connection) { connection->cancelJob(id); });
}

void SshExecutor::onJobOutput(quint64 id, const QByteArray &data, bool isStandardError)
{
    if (SshRun *run = m_runs.value(id))
        run->onOutput(data, isStandardError);
}

void SshExecutor::onJobFinished(quint64 id, int exitCode, const QString &error)
{
    const QPointer<SshRun> run = m_runs.take(id);
    if (run)
        run->onFinished(exitCode, error);
}

} // namespace OpsDeck
