// SPDX-License-Identifier: GPL-3.0-or-later
// Host metrics: the parser over real outputs of the script (tests/data/health/hostmetrics:
// captured on a Debian 12 container, and variants of it), rates and CPU % between two
// snapshots with counters that wrap or restart, verdicts from thresholds, the script judged
// Read, and this computer's direct /proc reading with its failed units from systemctl (fake
// ones that fail, hang or are missing).
#include "models/health/hostmetrics.h"
#include "models/health/hostmetricspoller.h"
#include "models/remote/commandrunner.h"
#include "mountpoints.h"
#include "stallmeter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(OPSDECK_TEST_DATA_DIR "/health/hostmetrics/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

HostSnapshot parsed(const QString &name)
{
    return parseHostSnapshot(sample(name), QDateTime::currentDateTimeUtc());
}

const FilesystemUsage *mount(const HostSnapshot &snapshot, const QString &mountPoint)
{
    for (const FilesystemUsage &fs : *snapshot.filesystems) {
        if (fs.mountPoint == mountPoint)
            return &fs;
    }
    return nullptr;
}

const CheckValue *value(const CheckResult &result, const QString &name)
{
    for (const CheckValue &v : result.values) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

HostSnapshot counters(double uptime, quint64 idle, quint64 busy, quint64 rx, quint64 sectors)
{
    HostSnapshot snapshot;
    snapshot.uptimeSeconds = uptime;
    CpuTimes cpu;
    cpu.name = u"cpu"_s;
    cpu.idle = idle;
    cpu.user = busy;
    snapshot.cpu = cpu;
    snapshot.interfaces = QList<InterfaceCounters>{{u"eth0"_s, rx, rx / 2}};
    snapshot.disks = QList<DiskCounters>{{u"sda"_s, sectors, sectors, 100, false}};
    return snapshot;
}

// A program for the tests to run in place of systemctl: a sh script.
bool writeProgram(const QString &path, const QByteArray &body)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n" + body);
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace

class HostMetricsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scriptsAreJudgedRead();
    void parsesRealOutputs_data();
    void parsesRealOutputs();
    void parsesCountersOfTheDebianSample();
    void cpuPercentFromKnownJiffies();
    void ratesFromTwoRealPolls();
    void rebootGivesNoRates();
    void countersThatWrapOrReset();
    void firstPollHasLevelsButNoRates();
    void thresholdsGiveVerdicts();
    void hostWithoutSystemdIsNotUnknown();
    void outputWithoutAnythingIsUnknown();
    void thisComputerReadDirectly();
    void localFailedUnits_data();
    void localFailedUnits();
    void localFailedUnitsThatHangAreCut();
    void localPollerReadsFailedUnitsWithoutBlocking();
};

void HostMetricsTest::scriptsAreJudgedRead()
{
    for (const QString &script : {hostMetricsScript(), hostMetricsStreamScript(5)}) {
        CommandRequest request;
        request.script = script;
        const RiskAssessment risk = CommandRunner::assess(request);
        QVERIFY2(risk.risk == Risk::Read, qPrintable(risk.reason));
    }
    QVERIFY(hostMetricsStreamScript(7).contains(u"sleep 7\n"_s));
}

void HostMetricsTest::parsesRealOutputs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<int>("cpuCount");
    QTest::addColumn<int>("cpuLines");
    QTest::addColumn<qint64>("memoryTotalKiB");
    QTest::addColumn<int>("realFilesystems"); // -1: unknown
    QTest::addColumn<int>("disks");           // -1: unknown
    QTest::addColumn<int>("failedUnits");     // -1: unknown
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("debian 12 container")
        << u"debian12-container.txt"_s << u"vm"_s << 2 << 2 << qint64(24683784) << 1 << 10 << -1
        << QStringList{u"systemd"_s};
    QTest::newRow("alpine without systemd")
        << u"alpine-no-systemd.txt"_s << u"alpine-web-1"_s << 2 << 2 << qint64(24683784) << 1 << 10
        << -1 << QStringList{u"systemd"_s};
    QTest::newRow("container without diskstats")
        << u"container-no-diskstats.txt"_s << u"lxc-worker"_s << 2 << 2 << qint64(24683784) << -1
        << -1 << -1 << QStringList{u"df"_s, u"diskstats"_s, u"systemd"_s};
    QTest::newRow("32 CPUs, failed units") << u"server-32cpu.txt"_s << u"db-primary"_s << 32 << 32
                                           << qint64(24683784) << 3 << 6 << 2 << QStringList{};
    QTest::newRow("rebooted") << u"debian12-container-rebooted.txt"_s << u"vm"_s << 2 << 2
                              << qint64(24683784) << 1 << 10 << -1 << QStringList{u"systemd"_s};
}

void HostMetricsTest::parsesRealOutputs()
{
    QFETCH(QString, file);
    QFETCH(QString, hostName);
    QFETCH(int, cpuCount);
    QFETCH(int, cpuLines);
    QFETCH(qint64, memoryTotalKiB);
    QFETCH(int, realFilesystems);
    QFETCH(int, disks);
    QFETCH(int, failedUnits);
    QFETCH(QStringList, errors);

    const HostSnapshot snapshot = parsed(file);
    QCOMPARE(snapshot.hostName, hostName);
    QCOMPARE(snapshot.cpuCount, cpuCount);
    QVERIFY(snapshot.cpu);
    QCOMPARE(snapshot.cpus.size(), cpuLines);
    QVERIFY(snapshot.memory);
    QCOMPARE(snapshot.memory->totalKiB, memoryTotalKiB);
    QVERIFY(snapshot.load);
    QVERIFY(snapshot.uptimeSeconds);
    QVERIFY(snapshot.interfaces);
    if (realFilesystems < 0) {
        QVERIFY(!snapshot.filesystems);
    } else {
        QVERIFY(snapshot.filesystems);
        QCOMPARE(std::ranges::count(*snapshot.filesystems, false, &FilesystemUsage::pseudo),
                 realFilesystems);
    }
    if (disks < 0)
        QVERIFY(!snapshot.disks);
    else
        QCOMPARE(snapshot.disks->size(), disks);
    if (failedUnits < 0)
        QVERIFY(!snapshot.failedUnits);
    else
        QCOMPARE(snapshot.failedUnits->size(), failedUnits);
    QCOMPARE(snapshot.errors.keys(), errors);
}

void HostMetricsTest::parsesCountersOfTheDebianSample()
{
    const HostSnapshot snapshot = parsed(u"debian12-container.txt"_s);
    QCOMPARE(snapshot.cpu->user, 3519499u);
    QCOMPARE(snapshot.cpu->nice, 56650u);
    QCOMPARE(snapshot.cpu->system, 554567u);
    QCOMPARE(snapshot.cpu->idle, 1283613u);
    QCOMPARE(snapshot.cpu->iowait, 10774u);
    QCOMPARE(snapshot.cpu->softirq, 3521u);
    QCOMPARE(snapshot.cpu->steal, 3076u);
    QCOMPARE(snapshot.memory->availableKiB, 23536484);
    QCOMPARE(snapshot.memory->swapTotalKiB, 0);
    QCOMPARE(snapshot.load->one, 3.17);
    QCOMPARE(snapshot.load->fifteen, 2.03);
    QCOMPARE(*snapshot.uptimeSeconds, 27203.04);
    const FilesystemUsage *root = mount(snapshot, u"/"_s);
    QVERIFY(root);
    QCOMPARE(root->device, u"/dev/vda"_s);
    QCOMPARE(root->sizeKiB, 264212084);
    QCOMPARE(root->usedPercent(), 31.0); // as df printed it
    QVERIFY(mount(snapshot, u"/dev/shm"_s)->pseudo);
    QCOMPARE(snapshot.interfaces->size(), 4);
    QCOMPARE(snapshot.interfaces->at(3).name, u"eth0"_s);
    QCOMPARE(snapshot.interfaces->at(3).receivedBytes, 3863396398u);
    QCOMPARE(snapshot.interfaces->at(3).sentBytes, 3514735u);
    // Eight loop devices, the disk and zram0.
    QCOMPARE(snapshot.disks->at(8).name, u"vda"_s);
    QCOMPARE(snapshot.disks->at(8).sectorsRead, 37288418u);
    QCOMPARE(snapshot.disks->at(8).sectorsWritten, 600152904u);
    QCOMPARE(snapshot.disks->at(8).ioMs, 409244u);
    QVERIFY(!snapshot.disks->at(8).stacked);
    QVERIFY(snapshot.disks->at(0).stacked); // loop0
    QVERIFY(snapshot.disks->at(9).stacked); // zram0
    QVERIFY2(snapshot.errors.value(u"systemd"_s).contains(u"Can't operate"_s),
             qPrintable(snapshot.errors.value(u"systemd"_s)));

    // Partitions, device-mapper volumes and a mount point with a space.
    const HostSnapshot server = parsed(u"server-32cpu.txt"_s);
    QStringList whole;
    for (const DiskCounters &disk : *server.disks) {
        if (!disk.stacked)
            whole.append(disk.name);
    }
    QCOMPARE(whole, (QStringList{u"nvme0n1"_s, u"sda"_s}));
    QVERIFY(mount(server, u"/var/lib/postgresql data"_s));
    QCOMPARE(*server.failedUnits,
             (QStringList{u"backup-nightly.service"_s, u"logrotate.service"_s}));
}

void HostMetricsTest::cpuPercentFromKnownJiffies()
{
    HostSnapshot before;
    before.uptimeSeconds = 100;
    before.cpu = CpuTimes{u"cpu"_s, 1000, 0, 500, 8000, 100, 0, 0, 0};
    HostSnapshot after = before;
    after.uptimeSeconds = 105;
    // 1000 jiffies later: 200 user + 50 nice, 100 system + 50 softirq, 100 iowait, 50 steal,
    // 450 idle.
    after.cpu = CpuTimes{u"cpu"_s, 1200, 50, 600, 8450, 200, 0, 50, 50};
    const HostMetrics metrics = hostMetricsBetween(before, after);
    QVERIFY(metrics.cpu);
    QCOMPARE(metrics.elapsedSeconds, 5.0);
    QCOMPARE(metrics.cpu->user, 25.0);
    QCOMPARE(metrics.cpu->system, 15.0);
    QCOMPARE(metrics.cpu->iowait, 10.0);
    QCOMPARE(metrics.cpu->steal, 5.0);
    QCOMPARE(metrics.cpu->busy, 45.0);

    // iowait going backwards (a known kernel quirk) counts as no time, not as 2^64.
    after.cpu->iowait = 90;
    const HostMetrics quirk = hostMetricsBetween(before, after);
    QVERIFY(quirk.cpu);
    QVERIFY(quirk.cpu->busy > 49 && quirk.cpu->busy < 51);
}

void HostMetricsTest::ratesFromTwoRealPolls()
{
    const HostMetrics metrics = hostMetricsBetween(parsed(u"debian12-container.txt"_s),
                                                   parsed(u"debian12-container-3s-later.txt"_s));
    QVERIFY(!metrics.rebooted);
    QCOMPARE(metrics.elapsedSeconds, 27206.09 - 27203.04);
    // 541 user and 67 system jiffies, no idle: the machine was building.
    QVERIFY(metrics.cpu);
    QCOMPARE(metrics.cpu->busy, 100.0);
    QVERIFY(qAbs(metrics.cpu->user - 541.0 * 100 / 608) < 1e-9);
    QVERIFY(qAbs(metrics.cpu->system - 67.0 * 100 / 608) < 1e-9);
    QCOMPARE(*metrics.receivedBytesPerSecond, 0.0);
    const double seconds = metrics.elapsedSeconds;
    QVERIFY(qAbs(*metrics.readBytesPerSecond - 992.0 * 512 / seconds) < 1e-6);
    QVERIFY(qAbs(*metrics.writtenBytesPerSecond - 15072.0 * 512 / seconds) < 1e-6);
    QCOMPARE(metrics.disks.size(), 10);
    QCOMPARE(metrics.disks.at(8).name, u"vda"_s);
    QVERIFY(qAbs(metrics.disks.at(8).utilisationPercent - 28.0 / (seconds * 10)) < 1e-9);
}

void HostMetricsTest::rebootGivesNoRates()
{
    const HostMetrics metrics = hostMetricsBetween(parsed(u"debian12-container.txt"_s),
                                                   parsed(u"debian12-container-rebooted.txt"_s));
    QVERIFY(metrics.rebooted);
    QVERIFY(!metrics.cpu);
    QVERIFY(!metrics.receivedBytesPerSecond);
    QVERIFY(!metrics.readBytesPerSecond);
    QVERIFY(metrics.memoryUsedPercent()); // levels are still there
    // Without uptime, CPU time going down tells the reboot too.
    HostSnapshot before = counters(0, 5000, 5000, 10, 10);
    HostSnapshot after = counters(0, 100, 100, 10, 10);
    before.uptimeSeconds.reset();
    after.uptimeSeconds.reset();
    before.time = QDateTime::currentDateTimeUtc();
    after.time = before.time.addSecs(5);
    QVERIFY(hostMetricsBetween(before, after).rebooted);
}

void HostMetricsTest::countersThatWrapOrReset()
{
    // A 32-bit counter wrapped: 100 bytes before 2^32 and 400 after it.
    const quint64 top = quint64(1) << 32;
    HostMetrics wrapped = hostMetricsBetween(counters(10, 0, 0, top - 100, top - 100),
                                             counters(15, 50, 50, 400, 400));
    QVERIFY(!wrapped.rebooted);
    QCOMPARE(*wrapped.receivedBytesPerSecond, 500.0 / 5);
    QCOMPARE(*wrapped.readBytesPerSecond, 500.0 * 512 / 5);

    // A 64-bit counter that went down was reset (driver reload): no rate, not a huge one.
    const quint64 big = quint64(1) << 40;
    HostMetrics reset =
        hostMetricsBetween(counters(10, 0, 0, big, big), counters(15, 50, 50, 1000, 1000));
    QVERIFY(!reset.receivedBytesPerSecond);
    QVERIFY(!reset.readBytesPerSecond);
    QVERIFY(reset.cpu);
    QCOMPARE(reset.cpu->busy, 50.0);
}

void HostMetricsTest::firstPollHasLevelsButNoRates()
{
    const HostMetrics metrics = hostMetricsBetween(std::nullopt, parsed(u"server-32cpu.txt"_s));
    QVERIFY(!metrics.cpu);
    QVERIFY(metrics.disks.isEmpty());
    const CheckResult result = judgeHostMetrics(metrics, builtInWorkspace().thresholds, u"x"_s);
    QVERIFY(!value(result, u"CPU"_s)); // not yet known, and not a problem
}

void HostMetricsTest::thresholdsGiveVerdicts()
{
    // The built-in thresholds: disk_usage 80/90, memory_usage 80/95, cpu_usage 70/90.
    const QList<Threshold> thresholds = builtInWorkspace().thresholds;
    HostMetrics metrics = hostMetricsBetween(std::nullopt, parsed(u"server-32cpu.txt"_s));
    metrics.cpu = CpuPercent{60, 15, 0, 0, 75};
    const CheckResult result = judgeHostMetrics(metrics, thresholds, u"prod/db-primary:metrics"_s);
    QCOMPARE(result.checkId, u"prod/db-primary:metrics"_s);
    QCOMPARE(value(result, u"CPU"_s)->verdict, Verdict::Warning);
    QCOMPARE(value(result, u"CPU"_s)->warning, 70.0);
    QCOMPARE(value(result, u"disk /"_s)->value, 85.0);
    QCOMPARE(value(result, u"disk /"_s)->verdict, Verdict::Warning);
    QCOMPARE(value(result, u"disk /var/lib/postgresql data"_s)->verdict, Verdict::Critical);
    QCOMPARE(value(result, u"disk /boot/efi"_s)->verdict, Verdict::Ok);
    QVERIFY(!value(result, u"disk /run"_s)); // tmpfs is not judged
    QCOMPARE(value(result, u"memory"_s)->verdict, Verdict::Ok);
    QCOMPARE(value(result, u"failed units"_s)->value, 2.0);
    QCOMPARE(value(result, u"failed units"_s)->verdict, Verdict::Warning);
    QCOMPARE(result.verdict, Verdict::Critical);
    QVERIFY2(result.summary.contains(u"CPU 75 %"_s), qPrintable(result.summary));
    QVERIFY2(result.summary.contains(u"2 failed unit"_s), qPrintable(result.summary));

    // Load per CPU and free memory (lower is worse) when the workspace has them.
    QList<Threshold> more = thresholds;
    more.append({u"load_per_cpu"_s, 0.05, 0.09, {}, Threshold::Direction::Above, {}});
    more.append({u"free_memory"_s, 30000, 20000, u"MiB"_s, Threshold::Direction::Below, {}});
    more.append({u"failed_units"_s, 5, 10, {}, Threshold::Direction::Above, {}});
    const CheckResult judged = judgeHostMetrics(metrics, more, u"x"_s);
    QCOMPARE(value(judged, u"load per CPU"_s)->value, 3.17 / 32);
    QCOMPARE(value(judged, u"load per CPU"_s)->verdict, Verdict::Critical);
    QCOMPARE(value(judged, u"free memory"_s)->verdict, Verdict::Warning); // 22984 MiB
    QCOMPARE(value(judged, u"failed units"_s)->verdict, Verdict::Ok);
}

void HostMetricsTest::hostWithoutSystemdIsNotUnknown()
{
    HostMetrics metrics = hostMetricsBetween(std::nullopt, parsed(u"alpine-no-systemd.txt"_s));
    metrics.cpu = CpuPercent{1, 1, 0, 0, 2};
    const CheckResult result = judgeHostMetrics(metrics, builtInWorkspace().thresholds, u"x"_s);
    QVERIFY(!value(result, u"failed units"_s));
    QCOMPARE(result.verdict, Verdict::Ok);

    // A container without df: its disks are unknown, and so is the host.
    const CheckResult container =
        judgeHostMetrics(hostMetricsBetween(std::nullopt, parsed(u"container-no-diskstats.txt"_s)),
                         builtInWorkspace().thresholds, u"x"_s);
    QCOMPARE(value(container, u"disks"_s)->verdict, Verdict::Unknown);
    QCOMPARE(container.verdict, Verdict::Unknown);
}

void HostMetricsTest::outputWithoutAnythingIsUnknown()
{
    const HostSnapshot snapshot = parseHostSnapshot("sh: 1: cannot fork\n");
    QVERIFY(snapshot.isEmpty());
    QVERIFY(!snapshot.memory);
    QCOMPARE(snapshot.errors.value(u"meminfo"_s), u"not in the output"_s);
    const CheckResult result =
        judgeHostMetrics(hostMetricsBetween(std::nullopt, snapshot), {}, u"x"_s);
    QCOMPARE(result.verdict, Verdict::Unknown);
    QVERIFY(!result.error.isEmpty());
}

void HostMetricsTest::thisComputerReadDirectly()
{
    const HostSnapshot snapshot = parseHostSnapshot(readLocalHostMetricsOutput());
    QVERIFY(snapshot.cpu);
    QVERIFY(snapshot.memory);
    QVERIFY(snapshot.load);
    QVERIFY(snapshot.uptimeSeconds);
    QVERIFY(snapshot.cpuCount && *snapshot.cpuCount > 0);
    QVERIFY(snapshot.filesystems);
    // The root filesystem, where it is a mount point (not in a chroot).
    if (visibleMountPoints().contains(u"/"_s))
        QVERIFY(mount(snapshot, u"/"_s));
    QVERIFY(snapshot.interfaces);
    QVERIFY(!snapshot.hostName.isEmpty());
    // Failed units as systemctl tells them where systemd runs (what sd_booted() checks);
    // elsewhere unknown with systemctl's reason, never "none failed".
    if (QFileInfo::exists(u"/run/systemd/system"_s) &&
        !QStandardPaths::findExecutable(u"systemctl"_s).isEmpty()) {
        QVERIFY2(snapshot.failedUnits, qPrintable(snapshot.errors.value(u"systemd"_s)));
    } else {
        QVERIFY(!snapshot.failedUnits);
        QVERIFY(!snapshot.errors.value(u"systemd"_s).isEmpty());
    }
}

void HostMetricsTest::localFailedUnits_data()
{
    QTest::addColumn<QByteArray>("script"); // the fake systemctl; empty: there is none
    QTest::addColumn<QStringList>("units"); // expected failed units
    QTest::addColumn<QString>("error");     // or, when units are unknown, part of the reason

    // What systemctl 252 prints with --no-legend --plain, arguments checked.
    QTest::newRow("two failed")
        << QByteArray("[ \"$*\" = 'list-units --failed --no-legend --plain --no-pager' ] || "
                      "{ echo \"bad arguments: $*\"; exit 2; }\n"
                      "echo 'nginx.service loaded failed failed A high performance web server'\n"
                      "echo 'backup.timer  loaded failed failed Nightly backup'\n")
        << QStringList{u"nginx.service"_s, u"backup.timer"_s} << QString();
    QTest::newRow("none failed") << QByteArray("exit 0\n") << QStringList{} << QString();
    QTest::newRow("no systemd running")
        << QByteArray("echo 'System has not been booted with systemd as init system (PID 1). "
                      "Can'\\''t operate.' >&2\necho 'Failed to connect to bus: Host is down' "
                      ">&2\nexit 1\n")
        << QStringList{} << u"System has not been booted"_s;
    QTest::newRow("no systemctl") << QByteArray() << QStringList{} << u"not found"_s;
}

void HostMetricsTest::localFailedUnits()
{
    QFETCH(QByteArray, script);
    QFETCH(QStringList, units);
    QFETCH(QString, error);
    QTemporaryDir directory;
    const QString program = directory.filePath(u"systemctl"_s);
    if (!script.isEmpty())
        QVERIFY(writeProgram(program, script));

    const HostSnapshot snapshot = parseHostSnapshot(
        readLocalFailedUnitsSection(program) + "@@begin nproc\n2\n@@end nproc 0\n@@snapshot\n");
    if (error.isEmpty()) {
        QVERIFY2(snapshot.failedUnits, qPrintable(snapshot.errors.value(u"systemd"_s)));
        QCOMPARE(*snapshot.failedUnits, units);
    } else {
        QVERIFY(!snapshot.failedUnits);
        QVERIFY2(snapshot.errors.value(u"systemd"_s).contains(error),
                 qPrintable(snapshot.errors.value(u"systemd"_s)));
    }
}

void HostMetricsTest::localFailedUnitsThatHangAreCut()
{
    QTemporaryDir directory;
    const QString program = directory.filePath(u"systemctl"_s);
    QVERIFY(writeProgram(program, "exec sleep 30\n"));
    QElapsedTimer clock;
    clock.start();
    const HostSnapshot snapshot = parseHostSnapshot(readLocalFailedUnitsSection(program, 300));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!snapshot.failedUnits);
    QVERIFY2(snapshot.errors.value(u"systemd"_s).contains(u"did not answer within"_s),
             qPrintable(snapshot.errors.value(u"systemd"_s)));
}

void HostMetricsTest::localPollerReadsFailedUnitsWithoutBlocking()
{
    // The systemctl on PATH is a slow one with a failed unit: the poller's sample has it, and
    // the thread the poller lives in ran on while it was asked.
    QTemporaryDir directory;
    QVERIFY(writeProgram(directory.filePath(u"systemctl"_s),
                         "sleep 1.5\necho 'cron.service loaded failed failed Regular jobs'\n"));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(directory.path()) + ':' + path);
    const auto restore = qScopeGuard([&path] { qputenv("PATH", path); });

    HostMetricsPoller poller(u"this computer"_s, 60);
    QSignalSpy sampled(&poller, &HostMetricsPoller::sampled);
    StallMeter stalls;
    poller.start();
    QVERIFY(sampled.wait(20000));
    const HostMetrics metrics = sampled.constFirst().constFirst().value<HostMetrics>();
    QVERIFY2(metrics.snapshot.failedUnits, qPrintable(metrics.snapshot.errors.value(u"systemd"_s)));
    QCOMPARE(*metrics.snapshot.failedUnits, QStringList{u"cron.service"_s});
    QVERIFY2(stalls.longestMs() < 1000, qPrintable(QString::number(stalls.longestMs())));
    const CheckResult result = judgeHostMetrics(metrics, {}, u"lab/laptop:metrics"_s);
    QCOMPARE(value(result, u"failed units"_s)->verdict, Verdict::Warning);
    QCOMPARE(value(result, u"failed units"_s)->text, u"cron.service"_s);
    poller.pause();
}

QTEST_GUILESS_MAIN(HostMetricsTest)
#include "tst_hostmetrics.moc"
