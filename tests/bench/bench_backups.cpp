// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the backup catalog listing a location of FILES files over a real sshd
// (tests/scripts/sshd-fixture.sh): the first listing (every file's first bytes read), a re-list
// after CHANGED files got a new mtime (only those read again) and a re-list with nothing
// changed, printed next to `ls -l DIR | wc -l` through plain ssh for scale. Prints figures;
// asserts nothing timed.
//   bench_backups run FILES CHANGED
#include "commandtesting.h"
#include "models/backups/backupcatalog.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

int usage()
{
    std::fprintf(stderr, "usage: bench_backups run FILES CHANGED\n");
    return 2;
}

// One listing of the location: milliseconds until the catalog reported it, and what it read.
struct Listing {
    qint64 ms = -1;
    BackupLocationStatus status;
};

Listing listOnce(BackupCatalog &catalog, const QString &key)
{
    Listing listing;
    bool done = false;
    const auto connection =
        QObject::connect(&catalog, &BackupCatalog::locationUpdated, [&](const QString &updated) {
            if (updated == key)
                done = true;
        });
    QElapsedTimer clock;
    clock.start();
    catalog.refresh(key);
    if (QTest::qWaitFor([&] { return done; }, 300000))
        listing.ms = clock.elapsed();
    QObject::disconnect(connection);
    listing.status = catalog.location(key);
    return listing;
}

void print(const char *what, const Listing &listing)
{
    std::printf(
        "%-38s %7lld ms  %6d files  %6d read%s%s\n", what, qlonglong(listing.ms),
        listing.status.files, listing.status.readLastTime,
        listing.status.error.isEmpty() ? "" : "  error: ", qPrintable(listing.status.error));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 || args.at(1) != u"run"_s)
        return usage();
    const int count = args.at(2).toInt();
    const int changed = args.at(3).toInt();
    if (count <= 0 || changed < 0 || changed > count)
        return usage();

    SshFixture sshd;
    if (!sshd.isRunning()) {
        std::fprintf(stderr, "sshd fixture: %s\n", qPrintable(sshd.error()));
        return 1;
    }
    QTemporaryDir root(u"/tmp/opsdeck-bench-backups-XXXXXX"_s);
    const QString directory = root.filePath(u"dumps"_s);
    QDir().mkpath(directory);
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                          QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                          QFileDevice::ExeOther;
    QFile::setPermissions(root.path(), readable);
    QFile::setPermissions(directory, readable);
    // Each file is a real pg_dump 15 custom dump (3.5 KB), as a nightly job would leave them.
    QFile sample(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/backups/opsdeck-2026-12-06.dump"));
    if (!sample.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(sample.fileName()));
        return 1;
    }
    const QByteArray dump = sample.readAll();
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-count / 24 - 1);
    QStringList names;
    for (int i = 0; i < count; ++i) {
        const QString name = u"shop-%1.dump"_s.arg(i, 6, 10, QLatin1Char('0'));
        QFile file(directory + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(dump) != dump.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
        file.setFileTime(start.addSecs(qint64(i) * 3600), QFileDevice::FileModificationTime);
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ReadGroup | QFileDevice::ReadOther);
        names.append(name);
    }

    const QString yaml =
        u"environments:\n  - name: bench\n    hosts:\n"
        "      - name: fixture\n        address: 127.0.0.1\n        port: %1\n"
        "        user: %2\n        auth: key\n        key: %3\n"
        "        backups:\n          - {name: dumps, directory: %4}\n"_s.arg(sshd.port())
            .arg(sshd.value(u"USER"_s), sshd.value(u"KEY"_s), directory);
    const WorkspaceLoadResult loaded = parseWorkspace(yaml.toUtf8(), u"bench.yaml"_s);
    if (!loaded.ok()) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(loaded.diagnostics.value(0).toString()));
        return 1;
    }
    HostRegistry registry(nullptr);
    registry.setKnownHostsFiles({sshd.value(u"KNOWN_HOSTS"_s)});
    registry.setWorkspace(loaded.workspace);
    CommandTesting::AuditedRunner audited;
    if (!audited.open()) {
        std::fprintf(stderr, "cannot open the state store\n");
        return 1;
    }
    BackupCatalog catalog(&audited.runner,
                          [&registry](const QString &host) { return registry.executor(host); });
    catalog.setWorkspace(loaded.workspace);
    const QString key = u"fixture/dumps"_s;

    std::printf("backup catalog over a real sshd: %d files, %d changed\n", count, changed);
    // The SSH connection is made by the first command; a warm-up keeps it out of the figures.
    {
        CommandRequest warm;
        warm.argv = {u"true"_s};
        std::unique_ptr<CommandRun> run(
            audited.runner.run(registry.executor(u"fixture"_s), warm, nullptr));
        QSignalSpy finished(run.get(), &CommandRun::finished);
        if (!run->isFinished() && !finished.wait(60000)) {
            std::fprintf(stderr, "ssh warm-up did not finish\n");
            return 1;
        }
    }
    print("first listing (all read)", listOnce(catalog, key));
    for (int i = 0; i < changed; ++i) {
        QFile file(directory + u'/' + names.at(i * (count / std::max(1, changed))));
        file.open(QIODevice::ReadWrite);
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    }
    print(qPrintable(u"re-list, %1 changed"_s.arg(changed)), listOnce(catalog, key));
    print("re-list, nothing changed", listOnce(catalog, key));

    QProcess ssh;
    QElapsedTimer clock;
    clock.start();
    ssh.start(u"ssh"_s,
              {u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
               u"UserKnownHostsFile="_s + sshd.value(u"KNOWN_HOSTS"_s), u"-i"_s,
               sshd.value(u"KEY"_s), u"-p"_s, QString::number(sshd.port()),
               sshd.value(u"USER"_s) + u"@127.0.0.1"_s, u"ls -l %1 | wc -l"_s.arg(directory)});
    ssh.waitForFinished(120000);
    std::printf("%-38s %7lld ms  %s", "peer: ssh 'ls -l DIR | wc -l'", qlonglong(clock.elapsed()),
                ssh.readAllStandardOutput().trimmed().append('\n').constData());
    return 0;
}
