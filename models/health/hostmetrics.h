// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"
#include "models/workspace/workspace.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Host metrics without an agent: one small POSIX sh script prints what the kernel already
// counts (/proc, df, systemctl), a pure parser turns its output into a HostSnapshot, and two
// snapshots give rates and CPU percentages (HostMetrics). Nothing is installed on the host.

namespace OpsDeck {

// The sections of the script's output, as its markers name them.
namespace HostSection {
inline constexpr char HostName[] = "hostname";
inline constexpr char CpuCount[] = "nproc";
inline constexpr char Cpu[] = "stat";
inline constexpr char Memory[] = "meminfo";
inline constexpr char Load[] = "loadavg";
inline constexpr char Uptime[] = "uptime";
inline constexpr char Filesystems[] = "df";
inline constexpr char Network[] = "netdev";
inline constexpr char Disks[] = "diskstats";
inline constexpr char Systemd[] = "systemd";
} // namespace HostSection

// Jiffies (USER_HZ ticks) since boot of one "cpu" line of /proc/stat. guest and guest_nice
// are already counted in user and nice, so they are not kept.
struct CpuTimes {
    QString name; // "cpu" for all, "cpu0"...
    quint64 user = 0;
    quint64 nice = 0;
    quint64 system = 0;
    quint64 idle = 0;
    quint64 iowait = 0;
    quint64 irq = 0;
    quint64 softirq = 0;
    quint64 steal = 0;

    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
};

struct MemoryInfo {
    qint64 totalKiB = 0;
    qint64 availableKiB = 0; // MemAvailable; before Linux 3.14 free + buffers + cached
    qint64 swapTotalKiB = 0;
    qint64 swapFreeKiB = 0;
};

struct LoadAverage {
    double one = 0;
    double five = 0;
    double fifteen = 0;
};

// One line of `df -P -k`.
struct FilesystemUsage {
    QString device;
    QString mountPoint;
    qint64 sizeKiB = 0;
    qint64 usedKiB = 0;
    qint64 availableKiB = 0;
    // tmpfs, devtmpfs, overlay, shm and the like: kept, but not judged against disk_usage.
    bool pseudo = false;

    // As df computes Capacity: used of what an unprivileged user could use (reserved blocks
    // excluded), rounded up; 0 for an empty filesystem.
    double usedPercent() const;
};

// Bytes received and sent by one interface of /proc/net/dev.
struct InterfaceCounters {
    QString name;
    quint64 receivedBytes = 0;
    quint64 sentBytes = 0;
};

// One line of /proc/diskstats: 512-byte sectors whatever the device's block size.
struct DiskCounters {
    QString name;
    quint64 sectorsRead = 0;
    quint64 sectorsWritten = 0;
    quint64 ioMs = 0; // time spent doing I/O: its delta over elapsed time is %util
    // A partition, loop/ram/zram device or a device-mapper/md volume stacked on disks:
    // kept, but not added to the host's totals (they would count the same bytes twice).
    bool stacked = false;
};

// What one run of the script saw. A section that is missing or failed is std::nullopt with
// its reason in errors (keyed by the HostSection name): unknown, never 0.
struct HostSnapshot {
    QDateTime time; // when it was read (UTC), set by the caller
    QString hostName;
    std::optional<int> cpuCount;
    std::optional<CpuTimes> cpu;
    QList<CpuTimes> cpus; // cpu0, cpu1, ... when the section was read
    std::optional<MemoryInfo> memory;
    std::optional<LoadAverage> load;
    std::optional<double> uptimeSeconds;
    std::optional<QList<FilesystemUsage>> filesystems;
    std::optional<QList<InterfaceCounters>> interfaces;
    std::optional<QList<DiskCounters>> disks;
    std::optional<QStringList> failedUnits; // nullopt: no systemd, or it could not be asked
    QMap<QString, QString> errors;

    bool isEmpty() const { return !cpu && !memory && !load && !uptimeSeconds; }
};

// CPU time shares between two snapshots, in percent of all CPUs' time.
struct CpuPercent {
    double user = 0;   // user + nice
    double system = 0; // system + irq + softirq
    double iowait = 0;
    double steal = 0;
    double busy = 0; // everything but idle and iowait: what cpu_usage is judged on
};

struct InterfaceRate {
    QString name;
    double receivedBytesPerSecond = 0;
    double sentBytesPerSecond = 0;
};

struct DiskRate {
    QString name;
    double readBytesPerSecond = 0;
    double writtenBytesPerSecond = 0;
    double utilisationPercent = 0; // io ms over elapsed ms
};

// One sample for the dashboard: the current snapshot's levels and, when there was a usable
// previous snapshot, rates over the time between the two.
struct HostMetrics {
    HostSnapshot snapshot;     // the current one: memory, load, filesystems, failed units
    double elapsedSeconds = 0; // between the two snapshots (host uptime when both have it)
    bool rebooted = false;     // uptime went down: no rates this time
    std::optional<CpuPercent> cpu;
    QList<InterfaceRate> interfaces;
    std::optional<double> receivedBytesPerSecond; // all interfaces but loopback
    std::optional<double> sentBytesPerSecond;
    QList<DiskRate> disks;
    std::optional<double> readBytesPerSecond; // whole disks only (DiskCounters::stacked)
    std::optional<double> writtenBytesPerSecond;

    std::optional<double> memoryUsedPercent() const;
    std::optional<double> swapUsedPercent() const;
};

// The script for one poll: POSIX sh, only readers (CommandRunner::assess judges it Read).
// Every section is framed as "@@begin NAME" ... "@@end NAME STATUS", STATUS being the exit
// status of what printed it; the whole ends with "@@snapshot".
QString hostMetricsScript();
// The script repeated every intervalSeconds until it is stopped: one command, and so one
// audit row, for a whole polling session instead of one every few seconds.
QString hostMetricsStreamScript(int intervalSeconds);
// The end of one snapshot in the output, for splitting a stream.
inline constexpr char HostSnapshotEnd[] = "@@snapshot\n";

// Parses one snapshot's output (of hostMetricsScript(), or one piece of a stream up to and
// including HostSnapshotEnd). Never fails as a whole: what is missing is in errors.
HostSnapshot parseHostSnapshot(const QByteArray &output, const QDateTime &time = {});

// Rates between two snapshots of one host. Without previous, or across a reboot, only the
// levels of current are there. A counter that went down without a reboot wrapped (32-bit
// counters) or was reset (driver reload): wrapped when the old value fits 32 bits, else that
// counter has no rate this time.
HostMetrics hostMetricsBetween(const std::optional<HostSnapshot> &previous,
                               const HostSnapshot &current);

// The metrics judged against the workspace's thresholds (cpu_usage, memory_usage,
// disk_usage per filesystem, swap_usage, load_per_cpu, free_memory in MiB, failed_units);
// a metric without a threshold is shown, not judged. Failed units are a warning by default.
// checkId names the result ("env/host:metrics").
CheckResult judgeHostMetrics(const HostMetrics &metrics, const QList<Threshold> &thresholds,
                             const QString &checkId);

// This computer's snapshot in the script's output format, read from /proc and statvfs()
// directly, and its failed units from systemctl (readLocalFailedUnitsSection). Blocking file
// reads and a process: call it off the GUI thread.
QByteArray readLocalHostMetricsOutput();
// The script's systemd section for this computer: `systemctl list-units --failed` run
// directly (no shell), given at most timeoutMs. Without systemctl (127), without a running
// systemd (systemctl's own error and status) or with no answer in time (124), the section
// fails as the script's does and the units are unknown. Blocking.
QByteArray readLocalFailedUnitsSection(const QString &systemctl = QStringLiteral("systemctl"),
                                       int timeoutMs = 5000);

} // namespace OpsDeck
Q_DECLARE_METATYPE(OpsDeck::HostMetrics)
