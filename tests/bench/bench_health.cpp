// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's speed, figures next to a named peer (tests/bench/run-health-bench.sh):
//   bench_health parse FILE [ROUNDS]  the Prometheus parser: time and MB/s over a scrape
//   bench_health generate FILE COUNT  a scrape of COUNT samples (histograms, counters, gauges
//                                     with labels), the same on every machine
//   bench_health http COUNT [OPSDECK] COUNT HTTP checks at once (CheckBatch) against services
//                                     answering in 10-500 ms, next to a curl loop and, given
//                                     its binary, `opsdeck check --only http`
//   bench_health ssh HOSTS SECONDS PORT USER KEY KNOWN_HOSTS
//                                     HOSTS hosts polled every 5 s over SSH by HealthMonitor:
//                                     samples, GUI-thread stalls, CPU and memory, next to one
//                                     ssh process per host per poll
// Figures, never assertions.
#include "commandtesting.h"
#include "models/health/checkbatch.h"
#include "models/health/checkexecutor.h"
#include "models/health/healthmonitor.h"
#include "models/health/prometheustext.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"
#include "stallmeter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace OpsDeck;

namespace {

int parse(const char *path, int roundsWanted)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", path, qPrintable(file.errorString()));
        return 2;
    }
    const QByteArray text = file.readAll();
    // Enough rounds for a stable figure on small scrapes; the median of them is printed.
    const int rounds =
        roundsWanted > 0
            ? roundsWanted
            : std::clamp(int(200'000'000 / std::max<qsizetype>(text.size(), 1)), 5, 2000);
    std::vector<double> seconds;
    qsizetype samples = 0;
    qsizetype families = 0;
    qsizetype errors = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const ExpositionParseResult result = parseExposition(text);
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        samples = result.sampleCount();
        families = result.families.size();
        errors = result.diagnostics.size();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("%s: %lld bytes, %lld families, %lld samples, %lld errors\n", path,
                qlonglong(text.size()), qlonglong(families), qlonglong(samples), qlonglong(errors));
    std::printf("  parse: %.3f ms (median of %d, best %.3f ms), %.1f MB/s, %.2f M samples/s\n",
                median * 1e3, rounds, seconds.front() * 1e3, double(text.size()) / median / 1e6,
                double(samples) / median / 1e6);
    return errors == 0 ? 0 : 1;
}

// What a busy service's scrape looks like: request histograms per handler and code, counters
// and gauges with a few labels each.
int generate(const char *path, long long count)
{
    FILE *out = std::fopen(path, "wb");
    if (!out) {
        std::perror(path);
        return 2;
    }
    const char *methods[] = {"GET", "POST", "PUT", "DELETE"};
    const char *buckets[] = {"0.005", "0.01", "0.025", "0.05", "0.1",
                             "0.25",  "0.5",  "1",     "2.5",  "+Inf"};
    long long written = 0;
    for (int metric = 0; written < count; ++metric) {
        std::fprintf(out, "# HELP app_request_duration_seconds_%d Request latency of part %d.\n",
                     metric, metric);
        std::fprintf(out, "# TYPE app_request_duration_seconds_%d histogram\n", metric);
        for (int handler = 0; handler < 50 && written < count; ++handler) {
            const char *method = methods[handler % 4];
            long long cumulative = 0;
            for (const char *le : buckets) {
                cumulative += (handler * 7 + metric) % 13 + 1;
                std::fprintf(out,
                             "app_request_duration_seconds_%d_bucket{handler=\"/api/v1/items/"
                             "%d\",method=\"%s\",le=\"%s\"} %lld\n",
                             metric, handler, method, le, cumulative);
            }
            std::fprintf(out,
                         "app_request_duration_seconds_%d_sum{handler=\"/api/v1/items/%d\","
                         "method=\"%s\"} %.6f\n",
                         metric, handler, method, double(cumulative) * 0.0137);
            std::fprintf(out,
                         "app_request_duration_seconds_%d_count{handler=\"/api/v1/items/%d\","
                         "method=\"%s\"} %lld\n",
                         metric, handler, method, cumulative);
            written += 12;
        }
        std::fprintf(out,
                     "# HELP app_items_total_%d Items handled.\n# TYPE app_items_total_%d "
                     "counter\n",
                     metric, metric);
        for (int shard = 0; shard < 30 && written < count; ++shard, ++written)
            std::fprintf(out, "app_items_total_%d{shard=\"%d\",zone=\"eu-central-1%c\"} %d\n",
                         metric, shard, 'a' + shard % 3, shard * 1009 + metric);
        std::fprintf(out, "# TYPE app_queue_depth_%d gauge\n", metric);
        for (int queue = 0; queue < 20 && written < count; ++queue, ++written)
            std::fprintf(out, "app_queue_depth_%d{queue=\"q%d\"} %.3e\n", metric, queue,
                         queue * 1.5e3);
    }
    std::fclose(out);
    std::printf("%s: %lld samples\n", path, written);
    return 0;
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double secondsSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e9;
}

std::optional<Workspace> workspaceFrom(const QString &text)
{
    const WorkspaceLoadResult loaded = parseWorkspace(text.toUtf8(), QStringLiteral("bench.yaml"));
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench workspace: %s\n",
                     qPrintable(loaded.diagnostics.value(0).toString()));
        return std::nullopt;
    }
    return loaded.workspace;
}

// Services on ports of their own (one connection pool each, as separate services have), each
// answering its health document after its own delay. They run in a thread of their own so
// that serving never slows the checks measured in the main thread, and they serve the curl
// loop and `opsdeck check` processes too.
class DelayedServices : public QThread
{
public:
    explicit DelayedServices(std::vector<int> delaysMs)
        : m_delaysMs(std::move(delaysMs))
    {
    }
    ~DelayedServices() override
    {
        quit();
        wait();
    }

    // Starts the thread and waits until every port listens; empty when one could not.
    std::vector<quint16> listen()
    {
        start();
        m_ready.acquire();
        return m_ports;
    }

protected:
    void run() override
    {
        std::vector<std::unique_ptr<QTcpServer>> servers;
        for (const int delayMs : m_delaysMs) {
            auto server = std::make_unique<QTcpServer>();
            if (!server->listen(QHostAddress::LocalHost)) {
                m_ports.clear();
                m_ready.release();
                return;
            }
            m_ports.push_back(server->serverPort());
            QTcpServer *listening = server.get();
            QObject::connect(listening, &QTcpServer::newConnection, listening,
                             [listening, delayMs] {
                                 while (QTcpSocket *socket = listening->nextPendingConnection())
                                     serve(socket, delayMs);
                             });
            servers.push_back(std::move(server));
        }
        m_ready.release();
        exec();
    }

private:
    // One request per connection: the answer, then close.
    static void serve(QTcpSocket *socket, int delayMs)
    {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        struct Pending {
            QByteArray request;
            bool answered = false;
        };
        auto pending = std::make_shared<Pending>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, delayMs, pending] {
            pending->request += socket->readAll();
            if (pending->answered || !pending->request.contains("\r\n\r\n"))
                return;
            pending->answered = true;
            QTimer::singleShot(delayMs, socket, [socket] {
                static const QByteArray body = R"({"status":"healthy"})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                              body);
                socket->disconnectFromHost();
            });
        });
    }

    std::vector<int> m_delaysMs;
    std::vector<quint16> m_ports;
    QSemaphore m_ready;
};

struct BatchFigures {
    double seconds = 0;
    int answered = 0; // OK or warning: the service's answer was read
};

BatchFigures runBatch(const Workspace &workspace, const QList<CheckSpec> &plan, int maxConcurrent)
{
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    services.workspace = workspace;
    CheckExecutor executor(services);
    CheckBatch batch(&executor);
    batch.setMaxConcurrent(maxConcurrent);
    QEventLoop loop;
    QObject::connect(&batch, &CheckBatch::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    batch.start(plan);
    if (batch.isRunning())
        loop.exec();
    BatchFigures figures;
    figures.seconds = secondsSince(clock);
    // The checks planned, not the dependency rows their health documents added.
    for (const CheckSpec &spec : plan) {
        const Verdict verdict = batch.results().value(spec.id).verdict;
        if (verdict == Verdict::Ok || verdict == Verdict::Warning)
            ++figures.answered;
    }
    return figures;
}

// The seeds' health loop: curl once per service, one after another.
double curlLoopSeconds(const QString &urlFile)
{
    QProcess shell;
    QElapsedTimer clock;
    clock.start();
    shell.start(
        QStringLiteral("sh"),
        {QStringLiteral("-c"),
         QStringLiteral(
             R"(while read -r url; do curl -sf -o /dev/null "$url" || exit 1; done < "$1")"),
         QStringLiteral("sh"), urlFile});
    if (!shell.waitForFinished(-1) || shell.exitCode() != 0)
        return -1;
    return secondsSince(clock);
}

// The real command line, as cron runs it, with its own throwaway settings and audit log.
double opsdeckCheckSeconds(const QString &opsdeck, const QString &workspaceFile,
                           const QString &home, int *exitCode)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + u"/config");
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + u"/data");
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + u"/cache");
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(opsdeck, {QStringLiteral("--workspace"), workspaceFile, QStringLiteral("check"),
                            QStringLiteral("--only"), QStringLiteral("http")});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        std::fprintf(stderr, "opsdeck check: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    *exitCode = process.exitCode();
    return secondsSince(clock);
}

int httpChecks(int count, const QString &opsdeck)
{
    // Delays spread evenly from 10 to 500 ms, in an order shuffled the same way on every run.
    std::vector<int> delaysMs;
    for (int i = 0; i < count; ++i)
        delaysMs.push_back(count == 1 ? 500 : 10 + int(490LL * i / (count - 1)));
    std::shuffle(delaysMs.begin(), delaysMs.end(), std::mt19937(11));
    const long long sumMs = std::accumulate(delaysMs.begin(), delaysMs.end(), 0LL);
    const int slowestMs = *std::max_element(delaysMs.begin(), delaysMs.end());

    DelayedServices server(delaysMs);
    const std::vector<quint16> ports = server.listen();
    if (ports.size() != delaysMs.size()) {
        std::fprintf(stderr, "could not listen on %d loopback ports\n", count);
        return 2;
    }
    QTemporaryDir directory;
    QString yaml = QStringLiteral("version: 1\nname: bench\nenvironments:\n  - name: bench\n"
                                  "    hosts:\n      - name: desk\n        connection: local\n"
                                  "        metrics: false\n        services:\n");
    QByteArray urls;
    for (size_t i = 0; i < ports.size(); ++i) {
        const QString url = QStringLiteral("http://127.0.0.1:%1/health").arg(ports[i]);
        yaml += QStringLiteral("          - {name: svc-%1, health: \"%2\"}\n").arg(i).arg(url);
        urls += url.toUtf8() + '\n';
    }
    const QString workspaceFile = directory.filePath(QStringLiteral("bench.yaml"));
    const QString urlFile = directory.filePath(QStringLiteral("urls.txt"));
    {
        QFile file(workspaceFile);
        QFile list(urlFile);
        if (!file.open(QIODevice::WriteOnly) || !list.open(QIODevice::WriteOnly))
            return 2;
        file.write(yaml.toUtf8());
        list.write(urls);
    }
    const std::optional<Workspace> workspace = workspaceFrom(yaml);
    if (!workspace)
        return 2;
    CheckPlanFilter filter;
    filter.only.insert(CheckKind::Http);
    const QList<CheckSpec> plan = planChecks(*workspace, filter);

    const BatchFigures capped = runBatch(*workspace, plan, 64);
    const BatchFigures all = runBatch(*workspace, plan, count);
    const double curl = curlLoopSeconds(urlFile);
    int exitCode = -1;
    const double command = opsdeck.isEmpty() ? -1
                                             : opsdeckCheckSeconds(opsdeck, workspaceFile,
                                                                   directory.path(), &exitCode);

    std::printf("%d HTTP checks, each service on its own loopback port, answers delayed 10-%d ms\n"
                "(slowest single check %.3f s, sum of all delays %.3f s)\n",
                count, slowestMs, slowestMs / 1e3, sumMs / 1e3);
    std::printf("%-56s %9s %12s\n", "method", "wall s", "vs slowest");
    const auto row = [&](const char *name, double seconds, const char *note) {
        if (seconds < 0)
            std::printf("%-56s %9s %12s  %s\n", name, "-", "-", note);
        else
            std::printf("%-56s %9.3f %11.2fx  %s\n", name, seconds, seconds * 1e3 / slowestMs,
                        note);
    };
    char answered[64];
    std::snprintf(answered, sizeof answered, "%d of %d answered", capped.answered, count);
    row("OpsDeck CheckBatch, 64 at a time (as opsdeck check)", capped.seconds, answered);
    std::snprintf(answered, sizeof answered, "%d of %d answered", all.answered, count);
    row("OpsDeck CheckBatch, all at once", all.seconds, answered);
    char exitNote[64];
    std::snprintf(exitNote, sizeof exitNote, "exit %d, process start included", exitCode);
    row("opsdeck check --only http (the command)", command,
        opsdeck.isEmpty() ? "no binary given" : exitNote);
    row("curl one after another (the seeds' /health loop)", curl, curl < 0 ? "failed" : "");
    // 64 at a time cannot beat the sum spread over 64 slots, nor the slowest check.
    const double floorSeconds = std::max(slowestMs / 1e3, sumMs / 1e3 / 64);
    const bool met = capped.seconds <= 1.5 * floorSeconds;
    std::printf("target: total close to the slowest, not the sum: %.3f s, %.1f %% of the sum; "
                "the least 64 at a time can take is %.3f s (the slowest, or the sum / 64): %s\n",
                capped.seconds, capped.seconds * 1e5 / sumMs, floorSeconds,
                met ? "met" : "NOT met");
    return capped.answered == count && all.answered == count && curl >= 0 ? 0 : 1;
}

struct SshTarget {
    int port = 0;
    QString user, key, knownHosts;
};

// What a cron+ssh script pays per poll: one ssh process per host, a new handshake each time.
bool sshPerPoll(const SshTarget &target, int hosts, double *wallSeconds, double *childCpuSeconds)
{
    const QStringList arguments = {
        QStringLiteral("-p"),        QString::number(target.port),
        QStringLiteral("-i"),        target.key,
        QStringLiteral("-o"),        QStringLiteral("BatchMode=yes"),
        QStringLiteral("-o"),        QStringLiteral("IdentitiesOnly=yes"),
        QStringLiteral("-o"),        QStringLiteral("UserKnownHostsFile=") + target.knownHosts,
        QStringLiteral("-F"),        QStringLiteral("/dev/null"),
        target.user + u"@127.0.0.1", QStringLiteral("true")};
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < hosts; ++i) {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), arguments);
        if (!ssh.waitForFinished(30000) || ssh.exitCode() != 0) {
            std::fprintf(stderr, "ssh: %s\n", ssh.readAllStandardError().constData());
            return false;
        }
    }
    *wallSeconds = secondsSince(clock);
    *childCpuSeconds = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    return true;
}

int sshPolling(int hosts, int seconds, const SshTarget &target)
{
    constexpr int intervalSeconds = 5;
    QString yaml = QStringLiteral("version: 1\nname: fleet\nenvironments:\n  - name: fleet\n"
                                  "    hosts:\n");
    for (int i = 0; i < hosts; ++i)
        yaml += QStringLiteral("      - {name: host-%1, address: 127.0.0.1, port: %2, user: %3, "
                               "auth: key, key: \"%4\", metrics: true, metrics-interval: %5}\n")
                    .arg(i)
                    .arg(target.port)
                    .arg(target.user, target.key)
                    .arg(intervalSeconds);
    const std::optional<Workspace> workspace = workspaceFrom(yaml);
    if (!workspace)
        return 2;
    CommandTesting::AuditedRunner audited;
    if (!audited.open()) {
        std::fprintf(stderr, "the audit log did not open\n");
        return 2;
    }
    HostRegistry registry(nullptr);
    registry.setKnownHostsFiles({target.knownHosts});
    registry.setWorkspace(*workspace);
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    services.runner = &audited.runner;
    services.executorFor = [&registry](const QString &host) { return registry.executor(host); };
    services.workspace = *workspace;

    QHash<QString, int> samples;
    qint64 rssBefore = 0;
    qint64 rssAfter = 0;
    double cpu = 0;
    double elapsed = 0;
    qint64 longestStallMs = 0;
    qint64 steadyStallMs = 0;
    double longestBusyMs = 0;
    double startMs = 0; // HealthMonitor::start() itself: every poller and executor made
    int failures = 0;
    {
        auto monitor = std::make_unique<HealthMonitor>(services, &audited.store);
        QObject::connect(
            monitor.get(), &HealthMonitor::hostSampled,
            [&samples](const QString &checkId, const HostMetrics &) { ++samples[checkId]; });
        QObject::connect(monitor->scheduler(), &CheckScheduler::resultReady,
                         [&failures](const CheckResult &result) {
                             if (isFailedRun(result))
                                 ++failures;
                         });
        monitor->setWorkspace(*workspace);
        QTest::qWait(500); // the history load, before anything is measured
        rssBefore = rssKiB();
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
        StallMeter meter;
        ThreadBusyMeter busy;
        QElapsedTimer clock;
        clock.start();
        monitor->start();
        startMs = secondsSince(clock) * 1e3;
        QEventLoop loop;
        // A second meter once every host has connected and sent its first samples: steady
        // polling apart from the start, when all the SSH handshakes compete for the CPU.
        std::unique_ptr<StallMeter> steady;
        QTimer::singleShot((intervalSeconds + 2) * 1000, &loop,
                           [&steady] { steady = std::make_unique<StallMeter>(); });
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        elapsed = secondsSince(clock);
        cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
        rssAfter = rssKiB();
        longestStallMs = meter.longestMs();
        steadyStallMs = steady ? steady->longestMs() : -1;
        longestBusyMs = busy.longestMs();
    }
    int fewest = samples.size() < hosts ? 0 : std::numeric_limits<int>::max();
    int most = 0;
    long long total = 0;
    for (const int count : std::as_const(samples)) {
        fewest = std::min(fewest, count);
        most = std::max(most, count);
        total += count;
    }

    double peerWall = 0;
    double peerCpu = 0;
    const bool peer = sshPerPoll(target, hosts, &peerWall, &peerCpu);

    const double perMinute = 60.0 / elapsed;
    std::printf("%d hosts polled every %d s over SSH for %.0f s by HealthMonitor (one sshd on "
                "127.0.0.1:%d, a connection per host)\n",
                hosts, intervalSeconds, elapsed, target.port);
    std::printf("  samples per host: fewest %d, most %d, mean %.1f (%d expected: one at the start, "
                "then one per %d s); failed polls %d\n",
                fewest, most, double(total) / hosts, 1 + (int(elapsed) - 1) / intervalSeconds,
                intervalSeconds, failures);
    std::printf("  longest GUI-thread stall: %lld ms in all, %s after the first round "
                "(target <= 16 ms): %s\n",
                qlonglong(longestStallMs),
                steadyStallMs < 0 ? "-" : qPrintable(QString::number(steadyStallMs) + u" ms"),
                longestStallMs <= 16 ? "met" : "NOT met");
    std::printf("  longest the GUI thread itself ran between two 5 ms ticks: %.1f ms (the rest of "
                "a stall is waiting for a CPU); HealthMonitor::start() took %.1f ms\n",
                longestBusyMs, startMs);
    std::printf("  OpsDeck's own CPU: %.2f s per minute (%.1f %% of one core)\n", cpu * perMinute,
                cpu / elapsed * 100);
    std::printf("  RSS: %.1f MiB before the pollers, %.1f MiB after: %.0f KiB per host\n",
                rssBefore / 1024.0, rssAfter / 1024.0, double(rssAfter - rssBefore) / hosts);
    if (peer) {
        const double rounds = 60.0 / intervalSeconds;
        std::printf("peer: one ssh process per poll (what cron+ssh scripts do)\n");
        std::printf("  %d x `ssh host true` one after another: %.2f s wall, %.2f s CPU of the ssh "
                    "processes per round\n",
                    hosts, peerWall, peerCpu);
        std::printf("  every %d s: %.1f s CPU per minute (%.1f %% of one core); a round of "
                    "handshakes takes %.1f s of the %d s between polls\n",
                    intervalSeconds, peerCpu * rounds, peerCpu * rounds / 60 * 100, peerWall,
                    intervalSeconds);
    }
    return samples.size() == hosts && fewest > 0 && peer ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if ((argc == 3 || argc == 4) && std::strcmp(argv[1], "parse") == 0)
        return parse(argv[2], argc == 4 ? std::atoi(argv[3]) : 0);
    if (argc == 4 && std::strcmp(argv[1], "generate") == 0)
        return generate(argv[2], std::atoll(argv[3]));
    if ((argc == 3 || argc == 4) && std::strcmp(argv[1], "http") == 0) {
        QCoreApplication app(argc, argv);
        return httpChecks(std::max(1, std::atoi(argv[2])),
                          argc == 4 ? QString::fromLocal8Bit(argv[3]) : QString());
    }
    if (argc == 8 && std::strcmp(argv[1], "ssh") == 0) {
        QCoreApplication app(argc, argv);
        SshTarget target{std::atoi(argv[4]), QString::fromLocal8Bit(argv[5]),
                         QString::fromLocal8Bit(argv[6]), QString::fromLocal8Bit(argv[7])};
        return sshPolling(std::max(1, std::atoi(argv[2])), std::max(1, std::atoi(argv[3])), target);
    }
    std::fprintf(stderr, "usage: bench_health parse FILE [ROUNDS] | generate FILE SAMPLES\n"
                         "       bench_health http COUNT [OPSDECK_BINARY]\n"
                         "       bench_health ssh HOSTS SECONDS PORT USER KEY KNOWN_HOSTS\n");
    return 2;
}
