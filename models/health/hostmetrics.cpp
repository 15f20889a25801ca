// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/hostmetrics.h"

#include "models/core/textlines.h"
#include "models/core/units.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <sched.h>
#include <sys/statvfs.h>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HostMetrics)
};

// One section: "@@begin NAME", its lines, "@@end NAME STATUS". Busybox and GNU tools and
// every /proc reader print plain lines, so the markers cannot collide with their output.
QString section(const char *name, const QString &commands)
{
    const QString id = QString::fromLatin1(name);
    return u"echo '@@begin %1'\n%2\necho \"@@end %1 $?\"\n"_s.arg(id, commands);
}

struct Section {
    QList<QByteArray> lines;
    int status = -1;
};

QHash<QString, Section> splitSections(const QByteArray &output)
{
    QHash<QString, Section> sections;
    QString open;
    Section current;
    forEachLine(output, [&](QByteArrayView line, int) {
        if (line.startsWith("@@begin ")) {
            open = QString::fromUtf8(line.sliced(8)).trimmed();
            current = {};
            return;
        }
        if (line.startsWith("@@end ")) {
            const QList<QByteArray> words = line.sliced(6).toByteArray().split(' ');
            if (!open.isEmpty() && QString::fromUtf8(words.value(0)) == open) {
                bool ok = false;
                current.status = words.value(1).toInt(&ok);
                if (!ok)
                    current.status = -1;
                sections.insert(open, current);
            }
            open.clear();
            return;
        }
        if (!open.isEmpty())
            current.lines.append(line.toByteArray());
    });
    return sections;
}

QList<QByteArray> words(const QByteArray &line)
{
    return line.simplified().split(' ');
}

// Why a section cannot be used, or empty when it can.
QString sectionProblem(const QHash<QString, Section> &sections, const char *name)
{
    const auto it = sections.constFind(QString::fromLatin1(name));
    if (it == sections.cend())
        return Text::tr("not in the output");
    if (it->status == 0)
        return {};
    for (const QByteArray &line : it->lines) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            return text;
    }
    return Text::tr("failed with exit status %1").arg(it->status);
}

std::optional<CpuTimes> parseCpuLine(const QByteArray &line)
{
    const QList<QByteArray> fields = words(line);
    if (fields.size() < 5 || !fields.at(0).startsWith("cpu"))
        return std::nullopt;
    quint64 values[8] = {};
    for (int i = 0; i < 8 && i + 1 < fields.size(); ++i) {
        bool ok = false;
        values[i] = fields.at(i + 1).toULongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    CpuTimes times;
    times.name = QString::fromLatin1(fields.at(0));
    times.user = values[0];
    times.nice = values[1];
    times.system = values[2];
    times.idle = values[3];
    times.iowait = values[4];
    times.irq = values[5];
    times.softirq = values[6];
    times.steal = values[7];
    return times;
}

bool isPseudoFilesystem(const FilesystemUsage &fs)
{
    static const QSet<QString> devices = {u"tmpfs"_s, u"devtmpfs"_s, u"udev"_s,     u"overlay"_s,
                                          u"shm"_s,   u"none"_s,     u"efivarfs"_s, u"proc"_s,
                                          u"sysfs"_s, u"cgroup"_s,   u"cgroup2"_s,  u"run"_s,
                                          u"ramfs"_s, u"squashfs"_s, u"nsfs"_s};
    if (devices.contains(fs.device) || fs.sizeKiB == 0)
        return true;
    for (const QString &prefix : {u"/dev"_s, u"/run"_s, u"/sys"_s, u"/proc"_s, u"/snap/"_s}) {
        if (fs.mountPoint == prefix || fs.mountPoint.startsWith(prefix + u'/'))
            return true;
    }
    return false;
}

QList<FilesystemUsage> parseDf(const QList<QByteArray> &lines)
{
    // -P keeps each filesystem on one line; a mount point may hold spaces, so it is the rest.
    static const QRegularExpression row(uR"(^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+%|-)\s+(/.*)$)"_s);
    QList<FilesystemUsage> result;
    QSet<QString> seen;
    for (const QByteArray &line : lines) {
        const QRegularExpressionMatch match = row.match(QString::fromUtf8(line));
        if (!match.hasMatch())
            continue; // the header, or an error df printed among its lines
        FilesystemUsage fs;
        fs.device = match.captured(1);
        fs.sizeKiB = match.captured(2).toLongLong();
        fs.usedKiB = match.captured(3).toLongLong();
        fs.availableKiB = match.captured(4).toLongLong();
        fs.mountPoint = match.captured(6);
        fs.pseudo = isPseudoFilesystem(fs);
        // The script's fallback may list a mount point twice.
        if (seen.contains(fs.mountPoint))
            continue;
        seen.insert(fs.mountPoint);
        result.append(fs);
    }
    return result;
}

QList<InterfaceCounters> parseNetDev(const QList<QByteArray> &lines)
{
    QList<InterfaceCounters> result;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue; // the two header lines have '|' but no ':'
        const QList<QByteArray> fields = words(line.mid(colon + 1));
        if (fields.size() < 9)
            continue;
        InterfaceCounters counters;
        counters.name = QString::fromUtf8(line.left(colon).trimmed());
        counters.receivedBytes = fields.at(0).toULongLong();
        counters.sentBytes = fields.at(8).toULongLong();
        result.append(counters);
    }
    return result;
}

QList<DiskCounters> parseDiskStats(const QList<QByteArray> &lines)
{
    QList<DiskCounters> result;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = words(line);
        if (fields.size() < 13)
            continue; // Linux before 2.6.25 printed 7 fields for partitions; not supported
        DiskCounters disk;
        disk.name = QString::fromUtf8(fields.at(2));
        disk.sectorsRead = fields.at(5).toULongLong();
        disk.sectorsWritten = fields.at(9).toULongLong();
        disk.ioMs = fields.at(12).toULongLong();
        result.append(disk);
    }
    // A partition is a device's name followed by its number ("sda1", "nvme0n1p2").
    static const QRegularExpression partitionSuffix(u"^p?\\d+$"_s);
    QSet<QString> names;
    for (const DiskCounters &disk : result)
        names.insert(disk.name);
    for (DiskCounters &disk : result) {
        static const QStringList virtualPrefixes = {u"loop"_s, u"ram"_s, u"zram"_s, u"dm-"_s,
                                                    u"md"_s,   u"nbd"_s, u"sr"_s};
        disk.stacked = std::ranges::any_of(
            virtualPrefixes, [&](const QString &prefix) { return disk.name.startsWith(prefix); });
        for (qsizetype length = disk.name.size() - 1; !disk.stacked && length > 0; --length) {
            disk.stacked = names.contains(disk.name.left(length)) &&
                           partitionSuffix.match(disk.name.mid(length)).hasMatch();
        }
    }
    return result;
}

std::optional<MemoryInfo> parseMeminfo(const QList<QByteArray> &lines)
{
    QHash<QByteArray, qint64> values;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            values.insert(line.left(colon), words(line.mid(colon + 1)).value(0).toLongLong());
    }
    if (!values.contains("MemTotal"))
        return std::nullopt;
    MemoryInfo memory;
    memory.totalKiB = values.value("MemTotal");
    memory.availableKiB =
        values.contains("MemAvailable")
            ? values.value("MemAvailable")
            : values.value("MemFree") + values.value("Buffers") + values.value("Cached");
    memory.swapTotalKiB = values.value("SwapTotal");
    memory.swapFreeKiB = values.value("SwapFree");
    return memory;
}

// How much a counter grew, or nullopt when it cannot be told (see hostMetricsBetween()).
std::optional<quint64> counterDelta(quint64 before, quint64 after)
{
    if (after >= before)
        return after - before;
    constexpr quint64 wrap32 = quint64(1) << 32;
    if (before < wrap32)
        return after + (wrap32 - before);
    return std::nullopt;
}

// CPU fields never wrap (64-bit jiffies); iowait is known to go backwards a little on some
// kernels, so a field that went down counts as no time.
quint64 grown(quint64 before, quint64 after)
{
    return after > before ? after - before : 0;
}

const Threshold *findThreshold(const QList<Threshold> &thresholds, QStringView metric)
{
    for (const Threshold &threshold : thresholds) {
        if (threshold.metric == metric)
            return &threshold;
    }
    return nullptr;
}

CheckValue measured(const QString &name, double value, const QString &unit,
                    const QList<Threshold> &thresholds, QStringView metric)
{
    CheckValue result;
    result.name = name;
    result.value = value;
    result.unit = unit;
    if (const Threshold *threshold = findThreshold(thresholds, metric)) {
        result.verdict = judge(value, *threshold);
        result.warning = threshold->warning;
        result.critical = threshold->critical;
    }
    return result;
}

CheckValue unknownValue(const QString &name, const QString &why)
{
    CheckValue result;
    result.name = name;
    result.verdict = Verdict::Unknown;
    result.text = why;
    return result;
}

QString percentText(double value)
{
    return QString::number(value, 'f', 0);
}

QByteArray readProcFile(const QString &path, int *status)
{
    QFile file(path);
    // /proc files report size 0: read until the end rather than by size.
    if (!file.open(QIODevice::ReadOnly)) {
        *status = 1;
        return file.errorString().toUtf8() + '\n';
    }
    *status = 0;
    return file.readAll();
}

QString decodeMountField(const QByteArray &field)
{
    // /proc/mounts writes space, tab, newline and backslash as \040, \011, \012, \134.
    QByteArray decoded;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int code = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                decoded.append(char(code));
                i += 3;
                continue;
            }
        }
        decoded.append(field.at(i));
    }
    return QString::fromUtf8(decoded);
}

// df -P -k -l from /proc/self/mounts and statvfs(): local filesystems only (a hung network
// mount would block statvfs), those without blocks left out as df does.
QByteArray localDf(int *status)
{
    static const QSet<QByteArray> remote = {
        "nfs", "nfs4", "cifs",      "smb3", "smbfs", "ncpfs",      "fuse.sshfs",
        "afs", "ceph", "glusterfs", "9p",   "davfs", "fuse.rclone"};
    QByteArray mounts = readProcFile(u"/proc/self/mounts"_s, status);
    if (*status != 0)
        return mounts;
    QByteArray out = "Filesystem 1024-blocks Used Available Capacity Mounted on\n";
    QSet<QString> seen;
    forEachLine(mounts, [&](QByteArrayView line, int) {
        const QList<QByteArray> fields = line.toByteArray().split(' ');
        if (fields.size() < 3 || remote.contains(fields.at(2)))
            return;
        const QString mountPoint = decodeMountField(fields.at(1));
        struct statvfs info {};
        if (seen.contains(mountPoint) ||
            ::statvfs(mountPoint.toLocal8Bit().constData(), &info) != 0 || info.f_blocks == 0)
            return;
        seen.insert(mountPoint);
        const quint64 unit = info.f_frsize ? info.f_frsize : info.f_bsize;
        const quint64 size = quint64(info.f_blocks) * unit / 1024;
        const quint64 used = quint64(info.f_blocks - info.f_bfree) * unit / 1024;
        const quint64 available = quint64(info.f_bavail) * unit / 1024;
        const quint64 usable = used + available;
        const quint64 capacity = usable ? (used * 100 + usable - 1) / usable : 0;
        out += decodeMountField(fields.at(0)).toUtf8() + ' ' + QByteArray::number(size) + ' ' +
               QByteArray::number(used) + ' ' + QByteArray::number(available) + ' ' +
               QByteArray::number(capacity) + "% " + mountPoint.toUtf8() + '\n';
    });
    return out;
}

QByteArray localSection(const char *name, const QByteArray &body, int status)
{
    QByteArray text = "@@begin " + QByteArray(name) + '\n' + body;
    if (!text.endsWith('\n'))
        text += '\n';
    return text + "@@end " + name + ' ' + QByteArray::number(status) + '\n';
}

} // namespace

double FilesystemUsage::usedPercent() const
{
    const qint64 usable = usedKiB + availableKiB;
    if (usable <= 0)
        return 0;
    return std::ceil(double(usedKiB) * 100.0 / double(usable));
}

std::optional<double> HostMetrics::memoryUsedPercent() const
{
    if (!snapshot.memory || snapshot.memory->totalKiB <= 0)
        return std::nullopt;
    const MemoryInfo &memory = *snapshot.memory;
    return double(memory.totalKiB - memory.availableKiB) * 100.0 / double(memory.totalKiB);
}

std::optional<double> HostMetrics::swapUsedPercent() const
{
    if (!snapshot.memory || snapshot.memory->swapTotalKiB <= 0)
        return std::nullopt;
    const MemoryInfo &memory = *snapshot.memory;
    return double(memory.swapTotalKiB - memory.swapFreeKiB) * 100.0 / double(memory.swapTotalKiB);
}

QString hostMetricsScript()
{
    using namespace HostSection;
    QString script;
    script += section(HostName, u"cat /proc/sys/kernel/hostname"_s);
    script += section(CpuCount, u"nproc 2>/dev/null || getconf _NPROCESSORS_ONLN"_s);
    script += section(Cpu, u"grep '^cpu' /proc/stat 2>&1"_s);
    script += section(Memory, u"cat /proc/meminfo 2>&1"_s);
    script += section(Load, u"cat /proc/loadavg 2>&1"_s);
    script += section(Uptime, u"cat /proc/uptime 2>&1"_s);
    // -l: local filesystems only, a hung NFS server must not hang the poll; busybox df has
    // no -l and takes the plain form.
    script += section(Filesystems, u"df -P -k -l 2>/dev/null || df -P -k 2>/dev/null"_s);
    script += section(Network, u"cat /proc/net/dev 2>&1"_s);
    script += section(Disks, u"cat /proc/diskstats 2>&1"_s);
    // Without systemctl the answer is "unknown", never "no failed units".
    script += u"echo '@@begin systemd'\n"
              "if command -v systemctl >/dev/null 2>&1; then\n"
              "systemctl list-units --failed --no-legend --plain --no-pager 2>&1\n"
              "echo \"@@end systemd $?\"\n"
              "else\n"
              "echo 'systemctl: not found'\n"
              "echo '@@end systemd 127'\n"
              "fi\n"
              "echo '@@snapshot'\n"_s;
    return script;
}

QString hostMetricsStreamScript(int intervalSeconds)
{
    return u"while :; do\n%1sleep %2\ndone\n"_s.arg(hostMetricsScript())
        .arg(std::max(1, intervalSeconds));
}

HostSnapshot parseHostSnapshot(const QByteArray &output, const QDateTime &time)
{
    using namespace HostSection;
    HostSnapshot snapshot;
    snapshot.time = time;
    const QHash<QString, Section> sections = splitSections(output);
    const auto lines = [&](const char *name) {
        return sections.value(QString::fromLatin1(name)).lines;
    };
    // Runs parse() on a usable section; records why when it is not usable or not understood.
    const auto read = [&](const char *name, auto parse) {
        const QString problem = sectionProblem(sections, name);
        if (!problem.isEmpty()) {
            snapshot.errors.insert(QString::fromLatin1(name), problem);
            return;
        }
        if (!parse(lines(name)))
            snapshot.errors.insert(QString::fromLatin1(name), Text::tr("not understood"));
    };

    read(HostName, [&](const QList<QByteArray> &text) {
        snapshot.hostName = QString::fromUtf8(text.value(0)).trimmed();
        return !snapshot.hostName.isEmpty();
    });
    read(CpuCount, [&](const QList<QByteArray> &text) {
        bool ok = false;
        const int count = text.value(0).trimmed().toInt(&ok);
        if (ok && count > 0)
            snapshot.cpuCount = count;
        return snapshot.cpuCount.has_value();
    });
    read(Cpu, [&](const QList<QByteArray> &text) {
        for (const QByteArray &line : text) {
            const std::optional<CpuTimes> times = parseCpuLine(line);
            if (!times)
                continue;
            if (times->name == u"cpu")
                snapshot.cpu = times;
            else
                snapshot.cpus.append(*times);
        }
        return snapshot.cpu.has_value();
    });
    read(Memory, [&](const QList<QByteArray> &text) {
        snapshot.memory = parseMeminfo(text);
        return snapshot.memory.has_value();
    });
    read(Load, [&](const QList<QByteArray> &text) {
        const QList<QByteArray> fields = words(text.value(0));
        bool ok1 = false, ok5 = false, ok15 = false;
        LoadAverage load{fields.value(0).toDouble(&ok1), fields.value(1).toDouble(&ok5),
                         fields.value(2).toDouble(&ok15)};
        if (ok1 && ok5 && ok15)
            snapshot.load = load;
        return snapshot.load.has_value();
    });
    read(Uptime, [&](const QList<QByteArray> &text) {
        bool ok = false;
        const double seconds = words(text.value(0)).value(0).toDouble(&ok);
        if (ok)
            snapshot.uptimeSeconds = seconds;
        return ok;
    });
    // df exits 1 when one mount could not be read but still lists the others.
    const QList<FilesystemUsage> filesystems = parseDf(lines(Filesystems));
    if (!filesystems.isEmpty())
        snapshot.filesystems = filesystems;
    else
        read(Filesystems, [](const QList<QByteArray> &) { return false; });
    read(Network, [&](const QList<QByteArray> &text) {
        snapshot.interfaces = parseNetDev(text);
        return true;
    });
    read(Disks, [&](const QList<QByteArray> &text) {
        snapshot.disks = parseDiskStats(text);
        return true;
    });
    read(Systemd, [&](const QList<QByteArray> &text) {
        QStringList units;
        for (const QByteArray &line : text) {
            const QByteArray unit = words(line).value(0);
            if (!unit.isEmpty())
                units.append(QString::fromUtf8(unit));
        }
        snapshot.failedUnits = units;
        return true;
    });
    if (!snapshot.hostName.isEmpty())
        snapshot.errors.remove(QString::fromLatin1(HostName));
    return snapshot;
}

HostMetrics hostMetricsBetween(const std::optional<HostSnapshot> &previous,
                               const HostSnapshot &current)
{
    HostMetrics metrics;
    metrics.snapshot = current;
    if (!previous)
        return metrics;
    const HostSnapshot &before = *previous;
    if (before.uptimeSeconds && current.uptimeSeconds) {
        metrics.rebooted = *current.uptimeSeconds < *before.uptimeSeconds;
        metrics.elapsedSeconds = *current.uptimeSeconds - *before.uptimeSeconds;
    } else {
        metrics.elapsedSeconds = before.time.msecsTo(current.time) / 1000.0;
        // Without uptime a reboot still shows: all CPU time went down.
        metrics.rebooted = before.cpu && current.cpu && current.cpu->total() < before.cpu->total();
    }
    if (metrics.rebooted || metrics.elapsedSeconds <= 0) {
        metrics.elapsedSeconds = std::max(0.0, metrics.elapsedSeconds);
        return metrics;
    }
    const double seconds = metrics.elapsedSeconds;

    if (before.cpu && current.cpu) {
        const CpuTimes &a = *before.cpu;
        const CpuTimes &b = *current.cpu;
        const double user = double(grown(a.user, b.user) + grown(a.nice, b.nice));
        const double system =
            double(grown(a.system, b.system) + grown(a.irq, b.irq) + grown(a.softirq, b.softirq));
        const double iowait = double(grown(a.iowait, b.iowait));
        const double steal = double(grown(a.steal, b.steal));
        const double idle = double(grown(a.idle, b.idle));
        const double total = user + system + iowait + steal + idle;
        if (total > 0) {
            CpuPercent cpu;
            cpu.user = user * 100 / total;
            cpu.system = system * 100 / total;
            cpu.iowait = iowait * 100 / total;
            cpu.steal = steal * 100 / total;
            cpu.busy = (user + system + steal) * 100 / total;
            metrics.cpu = cpu;
        }
    }

    if (before.interfaces && current.interfaces) {
        double received = 0;
        double sent = 0;
        bool complete = true;
        for (const InterfaceCounters &now : *current.interfaces) {
            const auto old =
                std::ranges::find(*before.interfaces, now.name, &InterfaceCounters::name);
            if (old == before.interfaces->end())
                continue; // appeared since: its rate starts next time
            const std::optional<quint64> in = counterDelta(old->receivedBytes, now.receivedBytes);
            const std::optional<quint64> out = counterDelta(old->sentBytes, now.sentBytes);
            if (!in || !out) {
                complete = complete && now.name == u"lo";
                continue;
            }
            InterfaceRate rate{now.name, double(*in) / seconds, double(*out) / seconds};
            metrics.interfaces.append(rate);
            if (now.name != u"lo") {
                received += rate.receivedBytesPerSecond;
                sent += rate.sentBytesPerSecond;
            }
        }
        if (complete) {
            metrics.receivedBytesPerSecond = received;
            metrics.sentBytesPerSecond = sent;
        }
    }

    if (before.disks && current.disks) {
        double read = 0;
        double written = 0;
        bool complete = true;
        for (const DiskCounters &now : *current.disks) {
            const auto old = std::ranges::find(*before.disks, now.name, &DiskCounters::name);
            if (old == before.disks->end())
                continue;
            const std::optional<quint64> in = counterDelta(old->sectorsRead, now.sectorsRead);
            const std::optional<quint64> out =
                counterDelta(old->sectorsWritten, now.sectorsWritten);
            const std::optional<quint64> busy = counterDelta(old->ioMs, now.ioMs);
            if (!in || !out || !busy) {
                complete = complete && now.stacked;
                continue;
            }
            DiskRate rate{now.name, double(*in) * 512 / seconds, double(*out) * 512 / seconds,
                          std::min(100.0, double(*busy) / (seconds * 10))};
            metrics.disks.append(rate);
            if (!now.stacked) {
                read += rate.readBytesPerSecond;
                written += rate.writtenBytesPerSecond;
            }
        }
        if (complete) {
            metrics.readBytesPerSecond = read;
            metrics.writtenBytesPerSecond = written;
        }
    }
    return metrics;
}

CheckResult judgeHostMetrics(const HostMetrics &metrics, const QList<Threshold> &thresholds,
                             const QString &checkId)
{
    using namespace HostSection;
    const HostSnapshot &snapshot = metrics.snapshot;
    CheckResult result;
    result.checkId = checkId;
    result.time = snapshot.time;
    const auto problem = [&](const char *name) {
        return snapshot.errors.value(QString::fromLatin1(name));
    };

    if (metrics.cpu) {
        result.values.append(
            measured(Text::tr("CPU"), metrics.cpu->busy, u"%"_s, thresholds, u"cpu_usage"));
    } else if (!problem(Cpu).isEmpty()) {
        result.values.append(unknownValue(Text::tr("CPU"), problem(Cpu)));
    } // else the first poll: CPU % needs a second one, and that is not a problem
    if (const std::optional<double> memory = metrics.memoryUsedPercent()) {
        result.values.append(
            measured(Text::tr("memory"), *memory, u"%"_s, thresholds, u"memory_usage"));
        if (findThreshold(thresholds, u"free_memory")) {
            result.values.append(measured(Text::tr("free memory"),
                                          double(snapshot.memory->availableKiB) / 1024, u"MiB"_s,
                                          thresholds, u"free_memory"));
        }
    } else {
        result.values.append(unknownValue(Text::tr("memory"), problem(Memory)));
    }
    if (const std::optional<double> swap = metrics.swapUsedPercent())
        result.values.append(measured(Text::tr("swap"), *swap, u"%"_s, thresholds, u"swap_usage"));
    if (snapshot.load && snapshot.cpuCount) {
        CheckValue load =
            measured(Text::tr("load per CPU"), snapshot.load->one / *snapshot.cpuCount, {},
                     thresholds, u"load_per_cpu");
        load.text = Text::tr("%1 on %n CPU(s)", nullptr, *snapshot.cpuCount)
                        .arg(snapshot.load->one, 0, 'f', 2);
        result.values.append(load);
    } else if (!snapshot.load) {
        result.values.append(unknownValue(Text::tr("load"), problem(Load)));
    }
    if (snapshot.filesystems) {
        for (const FilesystemUsage &fs : *snapshot.filesystems) {
            if (fs.pseudo)
                continue;
            result.values.append(measured(Text::tr("disk %1").arg(fs.mountPoint), fs.usedPercent(),
                                          u"%"_s, thresholds, u"disk_usage"));
        }
    } else {
        result.values.append(unknownValue(Text::tr("disks"), problem(Filesystems)));
    }
    if (snapshot.failedUnits) {
        CheckValue failed = measured(Text::tr("failed units"), double(snapshot.failedUnits->size()),
                                     {}, thresholds, u"failed_units");
        if (!findThreshold(thresholds, u"failed_units") && !snapshot.failedUnits->isEmpty())
            failed.verdict = Verdict::Warning;
        failed.text = snapshot.failedUnits->join(u", "_s);
        result.values.append(failed);
    }
    // A host without systemd has no failed units to count: not shown, and not a reason for
    // the host to be Unknown.

    result.verdict = Verdict::Ok;
    for (const CheckValue &value : std::as_const(result.values))
        result.verdict = worseForExitCode(result.verdict, value.verdict);
    if (snapshot.isEmpty()) {
        result.verdict = Verdict::Unknown;
        result.error = snapshot.errors.isEmpty() ? Text::tr("no metrics in the output")
                                                 : snapshot.errors.first();
    }

    QStringList parts;
    if (metrics.cpu)
        parts.append(Text::tr("CPU %1 %").arg(percentText(metrics.cpu->busy)));
    if (const std::optional<double> memory = metrics.memoryUsedPercent())
        parts.append(Text::tr("memory %1 %").arg(percentText(*memory)));
    if (snapshot.load)
        parts.append(Text::tr("load %1").arg(snapshot.load->one, 0, 'f', 2));
    if (snapshot.failedUnits && !snapshot.failedUnits->isEmpty())
        parts.append(Text::tr("%n failed unit(s)", nullptr, int(snapshot.failedUnits->size())));
    result.summary = parts.isEmpty() ? result.error : parts.join(u", "_s);
    return result;
}

QByteArray readLocalHostMetricsOutput()
{
    using namespace HostSection;
    QByteArray out;
    int status = 0;
    out += localSection(HostName, readProcFile(u"/proc/sys/kernel/hostname"_s, &status), status);
    cpu_set_t set;
    CPU_ZERO(&set);
    const bool counted = sched_getaffinity(0, sizeof(set), &set) == 0;
    out +=
        localSection(CpuCount, QByteArray::number(counted ? CPU_COUNT(&set) : 0), counted ? 0 : 1);
    QByteArray cpuLines;
    const QByteArray stat = readProcFile(u"/proc/stat"_s, &status);
    forEachLine(stat, [&](QByteArrayView line, int) {
        if (status != 0 || line.startsWith("cpu"))
            cpuLines += line.toByteArray() + '\n';
    });
    out += localSection(Cpu, cpuLines, status);
    out += localSection(Memory, readProcFile(u"/proc/meminfo"_s, &status), status);
    out += localSection(Load, readProcFile(u"/proc/loadavg"_s, &status), status);
    out += localSection(Uptime, readProcFile(u"/proc/uptime"_s, &status), status);
    const QByteArray df = localDf(&status);
    out += localSection(Filesystems, df, status);
    out += localSection(Network, readProcFile(u"/proc/net/dev"_s, &status), status);
    out += localSection(Disks, readProcFile(u"/proc/diskstats"_s, &status), status);
    out += readLocalFailedUnitsSection();
    return out + HostSnapshotEnd;
}

QByteArray readLocalFailedUnitsSection(const QString &systemctl, int timeoutMs)
{
    using namespace HostSection;
    // The remote script's answers, so the parser judges both alike: without systemctl, or
    // without a running systemd, the units are unknown, never "none failed".
    const QString program = QStandardPaths::findExecutable(systemctl);
    if (program.isEmpty())
        return localSection(Systemd, Text::tr("%1: not found").arg(systemctl).toUtf8(), 127);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(
        program, {u"list-units"_s, u"--failed"_s, u"--no-legend"_s, u"--plain"_s, u"--no-pager"_s});
    if (!process.waitForStarted(timeoutMs))
        return localSection(Systemd, process.errorString().toUtf8(), 127);
    if (!process.waitForFinished(timeoutMs)) {
        // A systemd that does not answer on D-Bus must not hold up the next polls.
        process.kill();
        process.waitForFinished(1000);
        return localSection(Systemd,
                            Text::tr("%1 did not answer within %2")
                                .arg(systemctl, formatDuration(timeoutMs))
                                .toUtf8(),
                            124);
    }
    const QByteArray output = process.readAll();
    if (process.exitStatus() != QProcess::NormalExit)
        return localSection(Systemd, output + process.errorString().toUtf8(), 128);
    return localSection(Systemd, output, process.exitCode());
}

} // namespace OpsDeck
