// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/sshhandles.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace OpsDeck {

class SshSession;

// Runs commands on a session's long-lived remote shells (`sh`), one command at a time per
// shell and up to SshSettings::maxParallelCommands shells, so a command costs a round trip
// rather than a channel set-up and a shell start. Each command leads its own process group,
// which a cancel signals. Lives in the session's thread.
class SshShellPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshShellPool)

public:
    explicit SshShellPool(SshSession *session, QObject *parent = nullptr);
    ~SshShellPool() override;

    // Queues the command (connecting when needed); `input` goes to its standard input: a
    // script as a here-document, other bytes (any, NUL too) through the shell's printf.
    void startJob(quint64 id, const QString &command, const QByteArray &input, bool inputIsScript);
    void cancelJob(quint64 id);
    // Commands wait for the session to come up.
    bool hasQueuedJobs() const { return !m_queue.isEmpty(); }

Q_SIGNALS:
    void jobStarted(quint64 id);
    void jobOutput(quint64 id, const QByteArray &data, bool isStandardError);
    // exitCode is the command's status; -1 with error set when it could not run to its end.
    void jobFinished(quint64 id, int exitCode, const QString &error);

private:
    struct Job {
        quint64 id = 0;
        QString command;
        QByteArray input;
        bool inputIsScript = false;
        qint64 remotePid = 0;
        bool cancelRequested = false;
    };
    // A long-lived remote `sh` that runs one job at a time.
    struct Runner {
        SshChannelHandle channel;
        Job job;        // job.id == 0: idle
        QByteArray out; // bytes not yet delivered: they may hold the start of a marker
        QByteArray err;
        int exitCode = -1;
        bool outEnded = false;
        bool errEnded = false;
    };

    void onReady();
    void onFailed(const QString &reason);
    void onClosing();
    void dispatchJobs();
    Runner *openRunner();
    bool sendJob(Runner &runner); // false: the connection is lost
    void pump();
    bool readChannel(Runner &runner, bool isStandardError); // false: the connection is lost
    void deliver(Runner &runner, QByteArray &buffer, bool isStandardError);
    void finishJobIfDone(Runner &runner);
    bool sendKill(qint64 pid); // false: no channel for it
    void drainKillChannels();
    bool isBusy() const;

    SshSession *m_session;
    QByteArray m_marker; // "\x1fOPSDECK:<random>:", unguessable by command output
    std::vector<std::unique_ptr<Runner>> m_runners;
    std::vector<SshChannelHandle> m_killChannels;
    QList<Job> m_queue;
};

} // namespace OpsDeck
