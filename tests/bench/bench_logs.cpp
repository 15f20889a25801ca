// SPDX-License-Identifier: GPL-3.0-or-later
// The log viewer's engines next to the tools operators know, on one generated file, in one run:
//   bench_logs generate FILE MIB          a mixed log with a fixed seed
//   bench_logs compare FILE               every peer, side by side (run by run-log-bench.sh)
//   bench_logs engines FILE               the search engines against each other
// Figures, never assertions: targets are printed next to what was measured.
#include "models/logs/logdocument.h"
#include "models/logs/logfilereader.h"
#include "models/logs/logmatcher.h"
#include "models/logs/logsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>

#if defined(OPSDECK_BENCH_RE2)
#include <re2/re2.h>
#endif

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace OpsDeck;

namespace {

// xorshift64*: the same file on every machine for the same seed.
struct Random {
    quint64 state;
    quint64 next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
    int below(int n) { return int(next() % quint64(n)); }
};

int generate(const char *path, qint64 mebibytes)
{
    FILE *out = std::fopen(path, "wb");
    if (!out) {
        std::perror(path);
        return 2;
    }
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    Random random{0x0D5DECC0FFEEULL};
    const char *levels[] = {"INFO",  "INFO", "INFO", "INFO",  "INFO",     "INFO",  "INFO",
                            "INFO",  "INFO", "INFO", "INFO",  "INFO",     "DEBUG", "DEBUG",
                            "DEBUG", "WARN", "WARN", "ERROR", "CRITICAL", "INFO"};
    const char *words[] = {"request",    "handled", "user",     "order",   "payment",
                           "cache",      "miss",    "hit",      "timeout", "retry",
                           "connection", "pool",    "query",    "commit",  "session",
                           "token",      "refresh", "upstream", "Grüße",   "café",
                           "Übergabe",   "naïve",   "queue",    "worker",  "shard"};
    const char *paths[] = {"/api/v1/orders", "/api/v1/users/42", "/health",
                           "/static/app.js", "/login",           "/metrics"};
    const int statuses[] = {200, 200, 200, 200, 200, 201, 204, 301,
                            304, 400, 401, 404, 500, 502, 503};
    const char *programs[] = {"sshd", "cron", "kernel", "systemd", "postfix/smtpd", "dockerd"};
    const qint64 limit = mebibytes * 1024 * 1024;
    qint64 written = 0;
    qint64 second = 1714560000; // 2024-05-01T11:20:00Z
    while (written < limit) {
        second += random.below(2);
        const int h = int((second / 3600) % 24), m = int((second / 60) % 60), s = int(second % 60);
        const int kind = random.below(100);
        char line[512];
        int length = 0;
        const char *level = levels[random.below(20)];
        if (kind < 40) {
            length = std::snprintf(
                line, sizeof line,
                "2024-05-01T%02d:%02d:%02d.%03dZ %-5s [%s-%d] %s %s id=%llu took=%dms", h, m, s,
                random.below(1000), level, words[random.below(25)], random.below(16),
                words[random.below(25)], words[random.below(25)],
                (unsigned long long)(random.next() % 1000000000), random.below(5000));
        } else if (kind < 60) {
            length = std::snprintf(line, sizeof line,
                                   "{\"time\":\"2024-05-01T%02d:%02d:%02dZ\",\"level\":\"%s\","
                                   "\"msg\":\"%s %s\",\"user\":%d,"
                                   "\"latency_ms\":%d}",
                                   h, m, s, level, words[random.below(25)], words[random.below(25)],
                                   random.below(100000), random.below(3000));
        } else if (kind < 80) {
            length = std::snprintf(line, sizeof line,
                                   "203.0.113.%d - - [01/May/2024:%02d:%02d:%02d +0000] \"GET %s "
                                   "HTTP/1.1\" %d %d \"-\" "
                                   "\"Mozilla/5.0 (X11; Linux x86_64)\"",
                                   random.below(255), h, m, s, paths[random.below(6)],
                                   statuses[random.below(15)], random.below(100000));
        } else if (kind < 99) {
            length = std::snprintf(
                line, sizeof line, "May  1 %02d:%02d:%02d web%02d %s[%d]: %s %s %s", h, m, s,
                random.below(20), programs[random.below(6)], random.below(32768),
                random.below(50) == 0 ? "error:" : "info:", words[random.below(25)],
                words[random.below(25)]);
        }
        if (kind >= 99) {
            // A long line: 2-8 KB of a stack or a payload.
            const int size = 2048 + random.below(6144);
            std::fprintf(out, "2024-05-01T%02d:%02d:%02dZ %s payload=", h, m, s, level);
            for (int i = 0; i < size; ++i)
                std::fputc('a' + random.below(26), out);
            std::fputc('\n', out);
            written += size + 40;
            continue;
        }
        line[length] = '\n';
        std::fwrite(line, 1, size_t(length + 1), out);
        written += length + 1;
    }
    std::fclose(out);
    return 0;
}

double seconds(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e9;
}

// The plain index: read() in 1 MiB blocks, memchr for every '\n', every offset kept (8 bytes
// a line). What the viewer is measured against.
int memchrIndex(const char *path)
{
    QElapsedTimer clock;
    clock.start();
    const int fd = ::open(path, O_RDONLY);
    if (fd < 0)
        return 2;
    std::vector<char> buffer(1 << 20);
    std::vector<quint64> offsets{0};
    quint64 base = 0;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got <= 0)
            break;
        const char *at = buffer.data();
        const char *end = at + got;
        while ((at = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at))))) {
            ++at;
            offsets.push_back(base + quint64(at - buffer.data()));
        }
        base += quint64(got);
    }
    ::close(fd);
    std::printf("seconds=%.3f lines=%zu bytes_per_line=%.2f\n", seconds(clock), offsets.size() - 1,
                double(offsets.capacity() * sizeof(quint64)) / double(offsets.size()));
    return 0;
}

// Opens the file in a LogDocument, as the viewer does, then searches it with LogSearch, and
// measures how long the event loop (the GUI thread) was ever kept from running.
int opsdeckRun(const char *path)
{
    int argc = 1;
    char name[] = "bench_logs";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    qint64 longestStall = 0;
    QElapsedTimer sinceTick;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout,
                     [&] { longestStall = std::max(longestStall, sinceTick.restart()); });

    LogDocument document;
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    tick.start();
    document.open(QString::fromLocal8Bit(path));
    QSignalSpy finished(&document, &LogDocument::indexingFinished);
    if (!finished.wait(600000))
        return 2;
    const double indexSeconds = seconds(clock);
    const qint64 indexStall = longestStall;
    const qint64 lines = document.lineCount();
    const double bytesPerLine =
        double(document.index().memoryBytes()) / double(std::max<qint64>(lines, 1));
    // The first screen: 60 lines read from the middle, as a scroll there would.
    QElapsedTimer screen;
    screen.start();
    const QList<LogLine> visible = document.lines(lines / 2, 60);
    const double screenMs = double(screen.nsecsElapsed()) / 1e6;

    const auto search = [&](const char *pattern, bool extended, qint64 &count) {
        LogSearch logSearch;
        QSignalSpy done(&logSearch, &LogSearch::finished);
        LogQuery query;
        LogPattern logPattern;
        logPattern.text = QString::fromUtf8(pattern);
        logPattern.regularExpression = extended;
        query.patterns = {logPattern};
        QElapsedTimer searchClock;
        searchClock.start();
        logSearch.startInFile(QString::fromLocal8Bit(path), query);
        done.wait(600000);
        count = logSearch.matches().size();
        return seconds(searchClock);
    };
    qint64 errorCount = 0, alternationCount = 0;
    const double errorSeconds = search("ERROR", false, errorCount);
    const double alternationSeconds = search("ERROR|CRITICAL", true, alternationCount);
    std::printf(
        "first_lines_ms=%lld index_seconds=%.3f lines=%lld bytes_per_line=%.3f screen_ms=%.2f "
        "visible=%lld error_seconds=%.3f error_count=%lld alternation_seconds=%.3f "
        "alternation_count=%lld "
        "longest_stall_ms=%lld index_stall_ms=%lld\n",
        document.firstLinesMs(), indexSeconds, lines, bytesPerLine, screenMs,
        qint64(visible.size()), errorSeconds, errorCount, alternationSeconds, alternationCount,
        longestStall, indexStall);
    return 0;
}

struct Measured {
    double seconds = 0;
    double peakMiB = 0;
    int status = 0;
    QByteArray output;
};

// Runs a command with stdout captured (or thrown away), timing it and reading its peak RSS.
Measured measure(const std::vector<std::string> &command, bool keepOutput = true)
{
    Measured measured;
    int pipeEnds[2];
    if (::pipe(pipeEnds) != 0)
        return measured;
    QElapsedTimer clock;
    clock.start();
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeEnds[0]);
        if (keepOutput) {
            ::dup2(pipeEnds[1], 1);
        } else {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
        }
        std::vector<char *> argv;
        for (const std::string &word : command)
            argv.push_back(const_cast<char *>(word.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipeEnds[1]);
    char chunk[4096];
    ssize_t got;
    while ((got = ::read(pipeEnds[0], chunk, sizeof chunk)) > 0)
        measured.output.append(chunk, got);
    ::close(pipeEnds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(child, &status, 0, &usage);
    measured.seconds = seconds(clock);
    measured.peakMiB = double(usage.ru_maxrss) / 1024.0;
    measured.status = WIFEXITED(status) ? WEXITSTATUS(status) : 255;
    return measured;
}

std::map<std::string, double> figures(const QByteArray &line)
{
    std::map<std::string, double> values;
    for (const QByteArray &pair : line.trimmed().split(' ')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals > 0)
            values[pair.left(equals).toStdString()] = pair.mid(equals + 1).toDouble();
    }
    return values;
}

bool installed(const char *program)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty();
}

int compare(const char *self, const char *path)
{
    // Everyone reads from the page cache: the file is read once first.
    measure({"cat", path}, false);
    const double fileMiB = double(QFile(QString::fromLocal8Bit(path)).size()) / 1048576.0;
    std::printf("file: %s, %.0f MiB (in the page cache)\n\n", path, fileMiB);
    std::printf("%-34s %10s %10s %10s %10s %12s\n", "", "index s", "B/line", "peak MiB", "ERROR s",
                "ERR|CRIT s");

    const Measured plain = measure({self, "memchr-index", path});
    const auto plainFigures = figures(plain.output);
    std::printf("%-34s %10.2f %10.2f %10.0f %10s %12s\n", "read()+memchr index (8 B/line)",
                plainFigures.at("seconds"), plainFigures.at("bytes_per_line"), plain.peakMiB, "-",
                "-");

    const Measured wc = measure({"wc", "-l", path});
    const Measured grepError = measure({"grep", "-c", "ERROR", path});
    const Measured grepAlternation = measure({"grep", "-cE", "ERROR|CRITICAL", path});
    std::printf("%-34s %10.2f %10s %10.0f %10.2f %12.2f\n", "wc -l / grep -c / grep -cE",
                wc.seconds, "-", std::max({wc.peakMiB, grepError.peakMiB, grepAlternation.peakMiB}),
                grepError.seconds, grepAlternation.seconds);

    const Measured opsdeck = measure({self, "opsdeck-run", path});
    const auto ours = figures(opsdeck.output);
    std::printf("%-34s %10.2f %10.3f %10.0f %10.2f %12.2f\n", "OpsDeck (LogDocument, LogSearch)",
                ours.at("index_seconds"), ours.at("bytes_per_line"), opsdeck.peakMiB,
                ours.at("error_seconds"), ours.at("alternation_seconds"));

    if (installed("lnav")) {
        const Measured lnavLoad = measure({"lnav", "-n", path}, false);
        const Measured lnavError = measure({"lnav", "-n", "-c", ":filter-in ERROR", path}, false);
        const Measured lnavAlternation =
            measure({"lnav", "-n", "-c", ":filter-in ERROR|CRITICAL", path}, false);
        std::printf("%-34s %10.2f %10s %10.0f %10.2f %12.2f\n", "lnav -n (load+print; filter-in)",
                    lnavLoad.seconds, "-", lnavLoad.peakMiB, lnavError.seconds,
                    lnavAlternation.seconds);
    } else {
        std::printf("%-34s %10s\n", "lnav", "not installed");
    }
    std::printf(
        "%-34s %10.2f %10s %10.0f %10.2f %12.2f   (quoted in issue 10, not measured: a GUI)\n",
        "glogg 1.1.4", 2.2, "-", 113.0, 3.7, 7.8);

    const double plainSeconds = plainFigures.at("seconds");
    std::printf("\nlines: wc -l %s", wc.output.constData());
    std::printf("lines: OpsDeck %lld\n", qint64(ours.at("lines")));
    std::printf("GUI thread: longest stall %lld ms while indexing, %lld ms in all\n",
                qint64(ours.at("index_stall_ms")), qint64(ours.at("longest_stall_ms")));
    std::printf(
        "matches: grep -c ERROR %lld, OpsDeck %lld; grep -cE ERROR|CRITICAL %lld, OpsDeck %lld\n",
        grepError.output.trimmed().toLongLong(), qint64(ours.at("error_count")),
        grepAlternation.output.trimmed().toLongLong(), qint64(ours.at("alternation_count")));
    std::printf("\ntargets (issue 10):\n");
    const auto target = [](const char *what, double measured, double limit, const char *unit) {
        std::printf("  %-46s %9.3f %-3s (target <= %.3f): %s\n", what, measured, unit, limit,
                    measured <= limit ? "met" : "MISSED");
    };
    target("full index <= 2x read()+memchr", ours.at("index_seconds"), 2 * plainSeconds, "s");
    target("index bytes per line <= 2", ours.at("bytes_per_line"), 2, "B");
    target("first screen < 100 ms (first lines shown)", ours.at("first_lines_ms"), 100, "ms");
    target("a screen read from the middle", ours.at("screen_ms"), 100, "ms");
    target("ERROR <= 1.5x grep -c", ours.at("error_seconds"), 1.5 * grepError.seconds, "s");
    target("ERROR|CRITICAL <= 2x grep -cE", ours.at("alternation_seconds"),
           2 * grepAlternation.seconds, "s");
    target("peak RSS <= 150 MB", opsdeck.peakMiB * 1.048576, 150, "MB");
    target("GUI thread never blocked > 16 ms", ours.at("longest_stall_ms"), 16, "ms");
    return 0;
}

int engines(const char *path)
{
    const QString file = QString::fromLocal8Bit(path);
    std::printf("%-20s %-10s %8s %12s %12s\n", "pattern", "engine", "threads", "seconds", "lines");
    const struct {
        const char *pattern;
        bool extended;
    } patterns[] = {{"ERROR", false},
                    {"ERROR|CRITICAL", true},
                    {"FATAL|PANIC|ALERT|EMERG|SEVERE|timeout|refused|denied", true},
                    {"time.*ERROR", true}};
    const struct {
        LogMatcher::Engine engine;
        const char *name;
    } engines[] = {{LogMatcher::Engine::Hyperscan, "vectorscan"},
                   {LogMatcher::Engine::Memmem, "memmem"},
                   {LogMatcher::Engine::Pcre2, "pcre2-jit"}};
    for (const auto &pattern : patterns) {
        for (const auto &engine : engines) {
            LogQuery query;
            LogPattern logPattern;
            logPattern.text = QString::fromUtf8(pattern.pattern);
            logPattern.regularExpression = pattern.extended;
            query.patterns = {logPattern};
            auto compiled = LogMatcher::compile(query, engine.engine);
            const auto &matcher = std::get<std::shared_ptr<const LogMatcher>>(compiled);
            for (int threads : {1, 2}) {
                LogScanOptions options;
                options.threads = threads;
                QElapsedTimer clock;
                clock.start();
                const LogScanResult result = scanLogFile(file, *matcher, options);
                std::printf("%-20.20s %-10s %8d %12.3f %12lld   (candidates: %s)\n",
                            pattern.pattern, engine.name, threads, seconds(clock),
                            qint64(result.lines.size()),
                            qPrintable(matcher->candidateEngineName()));
            }
        }
    }
#if defined(OPSDECK_BENCH_RE2)
    // RE2 over whole blocks in multi-line mode, one thread, as PCRE2 is used: each hit's line
    // counted once, the search going on from the next line.
    for (const auto &pattern : patterns) {
        RE2::Options options;
        options.set_never_nl(false);
        const RE2 expression(std::string("(?m)") + pattern.pattern, options);
        QElapsedTimer clock;
        clock.start();
        qint64 found = 0;
        LogFileReader reader(file);
        reader.readBlocks(0, reader.fileSize(), [&](QByteArrayView block, qint64) {
            const re2::StringPiece text(block.data(), size_t(block.size()));
            size_t from = 0;
            re2::StringPiece match;
            while (from < text.size() &&
                   expression.Match(text, from, text.size(), RE2::UNANCHORED, &match, 1)) {
                ++found;
                const size_t at = size_t(match.data() - text.data());
                const size_t newline = text.find('\n', at);
                if (newline == re2::StringPiece::npos)
                    break;
                from = newline + 1;
            }
            return true;
        });
        std::printf("%-20.20s %-10s %8d %12.3f %12lld\n", pattern.pattern, "re2", 1, seconds(clock),
                    found);
    }
#else
    std::printf("(RE2 not measured: libre2-dev was not found when this was built)\n");
#endif
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && std::strcmp(argv[1], "generate") == 0)
        return generate(argv[2], std::atoll(argv[3]));
    if (argc == 3 && std::strcmp(argv[1], "memchr-index") == 0)
        return memchrIndex(argv[2]);
    if (argc == 3 && std::strcmp(argv[1], "opsdeck-run") == 0)
        return opsdeckRun(argv[2]);
    if (argc == 3 && std::strcmp(argv[1], "compare") == 0)
        return compare(argv[0], argv[2]);
    if (argc == 3 && std::strcmp(argv[1], "engines") == 0)
        return engines(argv[2]);
    std::fprintf(stderr, "usage: bench_logs generate FILE MIB | compare FILE | engines FILE\n");
    return 2;
}
