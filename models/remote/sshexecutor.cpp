// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshexecutor.h"

#include "models/core/paths.h"
#include "models/remote/sshabortswitch.h"
#include "models/remote/sshconnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaMethod>
#include <QMutex>
#include <QThread>
#include <QTimer>

#include <map>

namespace OpsDeck {

namespace {

// Every session thread until it has ended. An executor never waits for its thread, which may
// sit in a blocking libssh call: it aborts that call and tells the thread to end; the thread's
// QThread is deleted here once it has. At process exit (QCoreApplication's destructor), the
// threads still running are aborted and told to end, and waited for up to
// SessionThreadExitWaitMs in all; one still stuck then (in a DNS lookup, which nothing can
// abort) is left to the process's exit.
class SessionThreads
{
public:
    static SessionThreads &instance()
    {
        static auto *threads = new SessionThreads; // never destroyed: it may outlive main()
        return *threads;
    }

    void start(QThread *thread, std::shared_ptr<SshAbortSwitch> abortSwitch)
    {
        {
            const QMutexLocker lock(&m_mutex);
            m_threads.emplace(thread, std::move(abortSwitch));
            if (!m_waitAtExit) {
                qAddPostRoutine(&SessionThreads::atExit);
                m_waitAtExit = true;
            }
        }
        QObject::connect(thread, &QThread::finished, QCoreApplication::instance(), [thread] {
            if (instance().forget(thread))
                delete thread; // done with the network: quick even if still finishing
        });
        thread->start();
    }

    int running() const
    {
        const QMutexLocker lock(&m_mutex);
        return int(std::ranges::count_if(
            m_threads, [](const auto &entry) { return !entry.first->isFinished(); }));
    }

private:
    bool forget(QThread *thread)
    {
        const QMutexLocker lock(&m_mutex);
        return m_threads.erase(thread) > 0;
    }

    static void atExit()
    {
        std::map<QThread *, std::shared_ptr<SshAbortSwitch>> threads;
        {
            SessionThreads &self = instance();
            const QMutexLocker lock(&self.m_mutex);
            threads.swap(self.m_threads);
            self.m_waitAtExit = false;
        }
        for (const auto &[thread, abortSwitch] : threads) {
            abortSwitch->abort();
            thread->quit();
        }
        const QDeadlineTimer deadline(SshExecutor::SessionThreadExitWaitMs);
        for (const auto &[thread, abortSwitch] : threads) {
            if (thread->wait(deadline))
                delete thread;
            else
                qWarning("OpsDeck: the SSH thread %s did not end in time; left to exit",
                         qPrintable(thread->objectName()));
        }
    }

    mutable QMutex m_mutex;
    std::map<QThread *, std::shared_ptr<SshAbortSwitch>> m_threads;
    bool m_waitAtExit = false;
};

} // namespace

QStringList defaultKnownHostsFiles()
{
    return {Paths::dataDirectory() + u"/known_hosts"};
}

QStringList defaultUserKnownHostsFiles()
{
    return {QStringLiteral("~/.ssh/known_hosts"), QStringLiteral("~/.ssh/known_hosts2")};
}

QStringList defaultGlobalKnownHostsFiles()
{
    return {QStringLiteral("/etc/ssh/ssh_known_hosts"),
            QStringLiteral("/etc/ssh/ssh_known_hosts2")};
}

QStringList defaultSshConfigFiles()
{
    return {QStringLiteral("~/.ssh/config"), QStringLiteral("/etc/ssh/ssh_config")};
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
    , m_abort(std::make_shared<SshAbortSwitch>())
    , m_connection(new SshConnection(m_settings, m_abort))
{
    auto *thread = new QThread;
    thread->setObjectName(u"ssh:" + m_settings.hostName);
    m_connection->moveToThread(thread);
    connect(thread, &QThread::finished, m_connection, &QObject::deleteLater);

    SshSession *session = m_connection->session();
    connect(session, &SshSession::stateChanged, this,
            [this](ConnectionState state, const QString &reason) {
                m_state = state;
                m_stateReason = reason;
                Q_EMIT stateChanged(state, reason);
            });
    connect(session, &SshSession::hostKeyQuestion, this, [this](const HostKeyQuestion &question) {
        if (isSignalConnected(QMetaMethod::fromSignal(&SshExecutor::hostKeyQuestion)))
            Q_EMIT hostKeyQuestion(question);
        else
            answerHostKey(HostKeyAnswer::Unattended);
    });
    connect(session, &SshSession::credentialNeeded, this,
            [this](Credential kind, const QString &what) {
                if (isSignalConnected(QMetaMethod::fromSignal(&SshExecutor::credentialNeeded)))
                    Q_EMIT credentialNeeded(kind, what);
                else
                    provideCredential(kind, {}); // headless: fail with the authentication error
            });
    SshShellPool *shells = m_connection->shells();
    connect(shells, &SshShellPool::jobStarted, this, [this](quint64 id) {
        if (SshRun *run = m_runs.value(id))
            run->onStarted();
    });
    connect(shells, &SshShellPool::jobOutput, this, &SshExecutor::onJobOutput);
    connect(shells, &SshShellPool::jobFinished, this, &SshExecutor::onJobFinished);
    connect(m_connection->tunnels(), &SshTunnels::tunnelOpened, this, &SshExecutor::tunnelOpened);
    connect(m_connection->tunnels(), &SshTunnels::tunnelFailed, this, &SshExecutor::tunnelFailed);
    SftpClient *files = m_connection->files();
    connect(files, &SftpClient::directoryListed, this, &SshExecutor::directoryListed);
    connect(files, &SftpClient::pathStatted, this, &SshExecutor::pathStatted);
    connect(files, &SftpClient::fileRead, this, &SshExecutor::fileRead);
    SessionThreads::instance().start(thread, m_abort);
}

template<typename Function>
void SshExecutor::post(Function function)
{
    // The connection lives in its thread: run there, in order, without waiting.
    QMetaObject::invokeMethod(
        m_connection, [connection = m_connection, function] { function(connection); },
        Qt::QueuedConnection);
}

SshExecutor::~SshExecutor()
{
    const QString reason = tr("OpsDeck is closing the connection to %1").arg(hostName());
    for (const QPointer<SshRun> &run : std::as_const(m_runs)) {
        if (run)
            run->onFinished(-1, reason);
    }
    // The session thread may sit in ssh_connect() on a silent host, in authentication or in a
    // read: break that call, and let the thread close the session and end by itself.
    m_abort->abort();
    QMetaObject::invokeMethod(m_connection, &SshConnection::shutdown, Qt::QueuedConnection);
}

int SshExecutor::runningSessionThreads()
{
    return SessionThreads::instance().running();
}

void SshExecutor::connectToHost()
{
    post([](SshConnection *connection) { connection->session()->connectToHost(); });
}

void SshExecutor::answerHostKey(HostKeyAnswer answer)
{
    post([=](SshConnection *connection) { connection->session()->answerHostKey(answer); });
}

void SshExecutor::setPassword(const QString &password, const QString &whyNone)
{
    post([=](SshConnection *connection) { connection->setPassword(password, whyNone); });
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
    post([=](SshConnection *connection) {
        connection->tunnels()->openTunnel(id, remoteHost, remotePort);
    });
    return id;
}

void SshExecutor::closeTunnel(quint64 id)
{
    post([=](SshConnection *connection) { connection->tunnels()->closeTunnel(id); });
}

quint64 SshExecutor::listDirectory(const QString &path)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) { connection->files()->listDirectory(id, path); });
    return id;
}

quint64 SshExecutor::statPath(const QString &path)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) { connection->files()->statPath(id, path); });
    return id;
}

quint64 SshExecutor::readFile(const QString &path, qint64 offset, qint64 length)
{
    const quint64 id = ++m_lastFileRequestId;
    post([=](SshConnection *connection) {
        connection->files()->readFile(id, path, offset, length);
    });
    return id;
}

CommandRun *SshExecutor::start(const CommandRequest &request, QObject *owner)
{
    const quint64 id = ++m_lastJobId;
    auto *run = new SshRun(this, id, request, owner);
    m_runs.insert(id, run);
    const QString command = composeShellCommand(request);
    const QByteArray input = composeStandardInput(request);
    const bool inputIsScript = request.argv.isEmpty();
    post([=](SshConnection *connection) {
        connection->shells()->startJob(id, command, input, inputIsScript);
    });
    return run;
}

void SshExecutor::cancelJob(quint64 id)
{
    post([=](SshConnection *connection) { connection->shells()->cancelJob(id); });
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
