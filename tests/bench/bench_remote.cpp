// SPDX-License-Identifier: GPL-3.0-or-later
// Prints, side by side against one loopback sshd: N sequential short commands through
// OpsDeck's SSH executor, through N `ssh` processes, and through OpenSSH with ControlMaster.
// Run it with tests/bench/run-remote-bench.sh (it starts the sshd).
#include "models/remote/sshexecutor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace OpsDeck;

namespace {

struct Target {
    QString user, key, knownHosts;
    int port = 0;
};

QStringList sshOptions(const Target &target)
{
    return {QStringLiteral("-p"), QString::number(target.port),
            QStringLiteral("-i"), target.key,
            QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + target.knownHosts,
            QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
            QStringLiteral("-F"), QStringLiteral("/dev/null")};
}

bool runSsh(const QStringList &arguments)
{
    QProcess ssh;
    ssh.start(QStringLiteral("ssh"), arguments);
    return ssh.waitForFinished(30000) && ssh.exitCode() == 0;
}

double opsdeckSeconds(const Target &target, int count)
{
    SshSettings settings;
    settings.hostName = QStringLiteral("bench");
    settings.address = QStringLiteral("127.0.0.1");
    settings.port = target.port;
    settings.user = target.user;
    settings.methods = {AuthMethod::Key};
    settings.identityFiles = {target.key};
    settings.knownHostsFiles = {target.knownHosts};
    SshExecutor executor(settings);
    const auto runOne = [&] {
        CommandRequest request;
        request.argv = {QStringLiteral("true")};
        std::unique_ptr<CommandRun> run(executor.start(request, nullptr));
        QSignalSpy finished(run.get(), &CommandRun::finished);
        return (run->isFinished() || finished.wait(30000)) && run->result().succeeded();
    };
    if (!runOne()) // connect and authenticate outside the measurement, as ControlMaster does
        return -1;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        if (!runOne())
            return -1;
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

double plainSshSeconds(const Target &target, int count)
{
    const QStringList arguments =
        sshOptions(target) + QStringList{target.user + u"@127.0.0.1", QStringLiteral("true")};
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        if (!runSsh(arguments))
            return -1;
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

double controlMasterSeconds(const Target &target, int count)
{
    QTemporaryDir directory;
    const QString socket = directory.filePath(QStringLiteral("control"));
    const QStringList control = {QStringLiteral("-o"), QStringLiteral("ControlPath=") + socket};
    const QString destination = target.user + u"@127.0.0.1";
    if (!runSsh(sshOptions(target) + control +
                QStringList{QStringLiteral("-o"), QStringLiteral("ControlMaster=yes"),
                            QStringLiteral("-o"), QStringLiteral("ControlPersist=60"),
                            QStringLiteral("-fN"), destination}))
        return -1;
    QElapsedTimer clock;
    clock.start();
    bool ok = true;
    for (int i = 0; i < count && ok; ++i)
        ok =
            runSsh(sshOptions(target) + control + QStringList{destination, QStringLiteral("true")});
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    runSsh(sshOptions(target) + control +
           QStringList{QStringLiteral("-O"), QStringLiteral("exit"), destination});
    return ok ? seconds : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 5) {
        QTextStream(stderr) << "usage: bench_remote PORT USER KEY KNOWN_HOSTS [COUNT]\n";
        return 2;
    }
    const Target target{arguments[2], arguments[3], arguments[4], arguments[1].toInt()};
    const int count = arguments.size() > 5 ? arguments[5].toInt() : 100;

    const double opsdeck = opsdeckSeconds(target, count);
    const double plain = plainSshSeconds(target, count);
    const double master = controlMasterSeconds(target, count);
    if (opsdeck < 0 || plain < 0 || master < 0) {
        out << "a run failed: opsdeck " << opsdeck << " s, ssh " << plain << " s, ControlMaster "
            << master << " s\n";
        return 1;
    }
    const auto row = [&](const char *name, double seconds) {
        out << qSetFieldWidth(28) << Qt::left << name << qSetFieldWidth(10) << Qt::right
            << QString::number(seconds, 'f', 3) << qSetFieldWidth(14)
            << QString::number(seconds * 1000.0 / count, 'f', 2) << qSetFieldWidth(12)
            << QString::number(plain / seconds, 'f', 1) << qSetFieldWidth(0) << '\n';
    };
    out << count << " sequential `true` commands on 127.0.0.1:" << target.port << "\n";
    out << qSetFieldWidth(28) << Qt::left << "method" << qSetFieldWidth(10) << Qt::right
        << "total s" << qSetFieldWidth(14) << "ms/command" << qSetFieldWidth(12) << "vs ssh"
        << qSetFieldWidth(0) << '\n';
    row("OpsDeck SshExecutor", opsdeck);
    row("ssh, one process each", plain);
    row("ssh with ControlMaster", master);
    out << "targets: >= 10x faster than ssh: " << (plain / opsdeck >= 10 ? "met" : "NOT met")
        << "; no slower than ControlMaster: " << (opsdeck <= master ? "met" : "NOT met") << '\n';
    return 0;
}
