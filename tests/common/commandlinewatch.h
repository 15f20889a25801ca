// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QTimer>

// Looks for a text in every process's command line on this machine, as `ps -eo args` and
// /proc/*/cmdline show them, again and again while a command runs. The sshd fixture listens on
// loopback, so its commands are this machine's processes too.
class CommandLineWatch
{
public:
    explicit CommandLineWatch(QByteArray marker)
        : m_marker(std::move(marker))
    {
    }

    // One look at all processes.
    void sample()
    {
        ++m_samples;
        QProcess ps;
        ps.start(QStringLiteral("ps"), {QStringLiteral("-eo"), QStringLiteral("args")});
        if (ps.waitForFinished(5000) && ps.readAllStandardOutput().contains(m_marker))
            m_sightings.append(QStringLiteral("ps"));
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &pid : pids) {
            QFile cmdline(QStringLiteral("/proc/") + pid + QStringLiteral("/cmdline"));
            if (pid.front().isDigit() && cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().contains(m_marker))
                m_sightings.append(cmdline.fileName());
        }
    }

    // Samples every 100 ms until `object` emits `signal` (or timeoutMs passes); true when it
    // did.
    template<typename Object, typename Signal>
    bool watchUntil(Object *object, Signal signal, int timeoutMs = 30000)
    {
        QSignalSpy spy(object, signal);
        QTimer timer;
        timer.setInterval(100);
        QObject::connect(&timer, &QTimer::timeout, [this] { sample(); });
        timer.start();
        sample();
        return spy.wait(timeoutMs) || !spy.isEmpty();
    }

    int samples() const { return m_samples; }
    bool sawMarker() const { return !m_sightings.isEmpty(); }
    QString sightings() const { return m_sightings.join(QStringLiteral(", ")); }

private:
    QByteArray m_marker;
    int m_samples = 0;
    QStringList m_sightings;
};
