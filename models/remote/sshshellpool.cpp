// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sshshellpool.h"

#include "models/remote/shellquote.h"
#include "models/remote/sshsession.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace OpsDeck {

namespace {

constexpr int ReadChunk = 64 * 1024;

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &byte : raw)
        byte = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

// `command &` fed with `input`: any bytes, NUL included, written by the shell's own printf
// from an escaped here-document. printf is a builtin, so the bytes never appear as the
// arguments of a process (a secret given on stdin stays out of `ps`); $! is the command's pid.
QByteArray standardInputPipeline(const QByteArray &input, const QByteArray &command)
{
    constexpr qsizetype BytesPerLine = 256;
    QByteArray lines;
    for (qsizetype from = 0; from < input.size(); from += BytesPerLine) {
        for (const char byte : input.mid(from, BytesPerLine)) {
            const auto code = uchar(byte);
            if (code >= 0x20 && code < 0x7f && byte != '\\') {
                lines += byte;
            } else {
                lines += "\\0";
                lines += QByteArray::number(code, 8).rightJustified(3, '0');
            }
        }
        lines += '\n';
    }
    QByteArray delimiter;
    do {
        delimiter = "OPSDECK_IN_" + randomHex(8);
    } while (QByteArray('\n' + lines).contains(QByteArray('\n' + delimiter + '\n')));
    return "{ while IFS= read -r __opsdeck_l; do printf '%b' \"$__opsdeck_l\"; done; } <<'" +
           delimiter + "' | " + command + " &\n" + lines + delimiter + '\n';
}

} // namespace

SshShellPool::SshShellPool(SshSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &SshSession::ready, this, &SshShellPool::onReady);
    connect(session, &SshSession::activity, this, &SshShellPool::pump);
    connect(session, &SshSession::failed, this, &SshShellPool::onFailed);
    connect(session, &SshSession::closing, this, &SshShellPool::onClosing);
}

SshShellPool::~SshShellPool() = default;

void SshShellPool::startJob(quint64 id, const QString &command, const QByteArray &input,
                            bool inputIsScript)
{
    m_queue.append({id, command, input, inputIsScript, 0, false});
    if (m_session->isReady())
        dispatchJobs();
    else
        m_session->connectToHost(); // also cuts a pending reconnect back-off short
}

void SshShellPool::cancelJob(quint64 id)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].id == id) {
            m_queue.removeAt(i);
            Q_EMIT jobFinished(id, -1, tr("cancelled before it started"));
            return;
        }
    }
    for (const std::unique_ptr<Runner> &runner : m_runners) {
        if (runner->job.id == id) {
            runner->job.cancelRequested = true;
            if (runner->job.remotePid > 0 && !sendKill(runner->job.remotePid))
                m_session->checkAlive(); // the connection may be what broke
            return;
        }
    }
}

void SshShellPool::onReady()
{
    m_marker = QByteArray("\x1fOPSDECK:") + randomHex(16) + ':';
    dispatchJobs();
}

void SshShellPool::onFailed(const QString &reason)
{
    // What ran is lost with the connection, and what waited would wait forever.
    QList<quint64> failed;
    for (const std::unique_ptr<Runner> &runner : m_runners) {
        if (runner->job.id != 0)
            failed.append(std::exchange(runner->job, Job{}).id);
    }
    for (const Job &job : std::exchange(m_queue, {}))
        failed.append(job.id);
    for (const quint64 id : std::as_const(failed))
        Q_EMIT jobFinished(id, -1, reason);
}

void SshShellPool::onClosing()
{
    m_runners.clear();
    m_killChannels.clear();
}

void SshShellPool::dispatchJobs()
{
    while (!m_queue.isEmpty() && m_session->isReady()) {
        Runner *idle = nullptr;
        for (const std::unique_ptr<Runner> &runner : m_runners) {
            if (runner->job.id == 0) {
                idle = runner.get();
                break;
            }
        }
        if (!idle && int(m_runners.size()) < m_session->settings().maxParallelCommands)
            idle = openRunner();
        if (!idle)
            return; // all shells busy: the next finished job picks the queue up
        idle->job = m_queue.takeFirst();
        if (!sendJob(*idle))
            return;
    }
}

SshShellPool::Runner *SshShellPool::openRunner()
{
    SshChannelHandle channel = makeSshChannel(m_session->handle());
    if (!channel)
        return nullptr;
    if (ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), "exec sh") != SSH_OK) {
        // The server's session limit is reached: run what we have. Only with no shell at all
        // is this an error, unless the connection itself broke.
        if (m_runners.empty())
            m_session->fail(tr("%1 refused to start a shell: %2")
                                .arg(m_session->settings().hostName, m_session->lastError()));
        else
            m_session->checkAlive();
        return nullptr;
    }
    // setsid gives every job its own process group, so cancel reaches all it started.
    static const QByteArray setup = "S=; command -v setsid >/dev/null 2>&1 && S=setsid\n";
    ssh_channel_write(channel.get(), setup.constData(), uint32_t(setup.size()));
    auto runner = std::make_unique<Runner>();
    runner->channel = std::move(channel);
    m_runners.push_back(std::move(runner));
    m_session->keepPolling();
    return m_runners.back().get();
}

bool SshShellPool::sendJob(Runner &runner)
{
    runner.out.clear();
    runner.err.clear();
    runner.exitCode = -1;
    runner.outEnded = false;
    runner.errEnded = false;
    const QByteArray marker = m_marker + QByteArray::number(runner.job.id) + ':';
    const QByteArray command = "$S sh -c " + shellQuote(runner.job.command).toUtf8();
    QByteArray text;
    if (runner.job.input.isEmpty()) {
        text = command + " </dev/null &\n";
    } else if (runner.job.inputIsScript) {
        const QByteArray delimiter = "OPSDECK_END_" + randomHex(8);
        QByteArray script = runner.job.input;
        if (!script.endsWith('\n'))
            script += '\n';
        text = command + " <<'" + delimiter + "' &\n" + script + delimiter + '\n';
    } else {
        text = standardInputPipeline(runner.job.input, command);
    }
    text += "p=$!\nprintf '%s%s\\n' '" + marker +
            "pid:' \"$p\"\n"
            "wait \"$p\"; r=$?\n"
            "printf '%s%s\\n' '" +
            marker + "end:' \"$r\"; printf '%s\\n' '" + marker + "end' >&2\n";
    if (ssh_channel_write(runner.channel.get(), text.constData(), uint32_t(text.size())) !=
        int(text.size())) {
        m_session->failLost();
        return false;
    }
    Q_EMIT jobStarted(runner.job.id);
    m_session->keepPolling();
    return true;
}

void SshShellPool::pump()
{
    for (std::size_t i = 0; i < m_runners.size();) {
        Runner &runner = *m_runners[i];
        // A lost connection inside readChannel() clears m_runners.
        if (!readChannel(runner, false) || !readChannel(runner, true))
            return;
        if (ssh_channel_is_eof(runner.channel.get()) ||
            !ssh_channel_is_open(runner.channel.get())) {
            // The remote shell went away (killed, or sshd closed it): forget it.
            if (runner.job.id != 0)
                Q_EMIT jobFinished(runner.job.id, -1,
                                   tr("the remote shell on %1 ended unexpectedly")
                                       .arg(m_session->settings().hostName));
            m_runners.erase(m_runners.begin() + std::ptrdiff_t(i));
            continue;
        }
        ++i;
    }
    drainKillChannels();
    if (!m_session->checkAlive())
        return;
    if (isBusy())
        m_session->keepPolling();
    dispatchJobs();
}

bool SshShellPool::readChannel(Runner &runner, bool isStandardError)
{
    std::array<char, ReadChunk> buffer{};
    while (true) {
        const int read = ssh_channel_read_nonblocking(runner.channel.get(), buffer.data(),
                                                      uint32_t(buffer.size()), isStandardError);
        if (read == SSH_ERROR) {
            m_session->failLost();
            return false;
        }
        if (read <= 0)
            return true;
        QByteArray &pending = isStandardError ? runner.err : runner.out;
        pending.append(buffer.data(), read);
        if (runner.job.id != 0)
            deliver(runner, pending, isStandardError);
        else
            pending.clear(); // an idle shell has nothing to say; drop stray bytes
    }
}

void SshShellPool::deliver(Runner &runner, QByteArray &buffer, bool isStandardError)
{
    const QByteArray marker = m_marker + QByteArray::number(runner.job.id) + ':';
    while (!buffer.isEmpty()) {
        const qsizetype at = buffer.indexOf(marker);
        if (at < 0) {
            // Keep a tail that may be the beginning of a marker split across reads.
            qsizetype keep = 0;
            const qsizetype start = buffer.lastIndexOf('\x1f');
            if (start >= 0 && buffer.size() - start < marker.size() &&
                marker.startsWith(buffer.mid(start)))
                keep = buffer.size() - start;
            const QByteArray data = buffer.left(buffer.size() - keep);
            if (!data.isEmpty())
                Q_EMIT jobOutput(runner.job.id, data, isStandardError);
            buffer.remove(0, data.size());
            return;
        }
        const qsizetype lineEnd = buffer.indexOf('\n', at);
        if (at > 0)
            Q_EMIT jobOutput(runner.job.id, buffer.left(at), isStandardError);
        if (lineEnd < 0) {
            buffer.remove(0, at); // the rest of the marker line is on its way
            return;
        }
        const QByteArray field = buffer.mid(at + marker.size(), lineEnd - at - marker.size());
        buffer.remove(0, lineEnd + 1);
        if (isStandardError) {
            runner.errEnded = field == "end";
        } else if (field.startsWith("pid:")) {
            runner.job.remotePid = field.mid(4).toLongLong();
            if (runner.job.cancelRequested)
                sendKill(runner.job.remotePid); // a broken connection: pump() finds it
        } else if (field.startsWith("end:")) {
            runner.exitCode = field.mid(4).toInt();
            runner.outEnded = true;
        }
        finishJobIfDone(runner);
        if (runner.job.id == 0)
            return;
    }
}

void SshShellPool::finishJobIfDone(Runner &runner)
{
    if (!runner.outEnded || !runner.errEnded || runner.job.id == 0)
        return;
    const quint64 id = runner.job.id;
    runner.job = Job{};
    runner.out.clear();
    runner.err.clear();
    Q_EMIT jobFinished(id, runner.exitCode, {});
}

bool SshShellPool::sendKill(qint64 pid)
{
    SshChannelHandle channel = makeSshChannel(m_session->handle());
    if (!channel)
        return false;
    // The job leads its own process group (setsid): signal the group, then make sure.
    const QByteArray number = QByteArray::number(pid);
    const QByteArray command = "kill -TERM -" + number + " 2>/dev/null || kill -TERM " + number +
                               " 2>/dev/null; sleep 2; kill -KILL -" + number +
                               " 2>/dev/null; kill -KILL " + number + " 2>/dev/null; true";
    if (ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), command.constData()) != SSH_OK)
        return false;
    m_killChannels.push_back(std::move(channel));
    m_session->keepPolling();
    return true;
}

void SshShellPool::drainKillChannels()
{
    std::erase_if(m_killChannels, [](const SshChannelHandle &channel) {
        std::array<char, 256> discard{};
        while (ssh_channel_read_nonblocking(channel.get(), discard.data(), discard.size(), 0) > 0) {
        }
        return ssh_channel_is_eof(channel.get()) != 0;
    });
}

bool SshShellPool::isBusy() const
{
    return !m_killChannels.empty() ||
           std::ranges::any_of(m_runners, [](const std::unique_ptr<Runner> &runner) {
               return runner->job.id != 0;
           });
}

} // namespace OpsDeck
