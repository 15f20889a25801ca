// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus exposition parser's speed, for the dashboard's scrapes:
//   bench_health parse FILE           time and MB/s over a real scrape (node_exporter's)
//   bench_health generate FILE COUNT  a scrape of COUNT samples (histograms, counters, gauges
//                                     with labels), the same on every machine
// Figures, never assertions.
#include "models/health/prometheustext.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace OpsDeck;

namespace {

int parse(const char *path)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", path, qPrintable(file.errorString()));
        return 2;
    }
    const QByteArray text = file.readAll();
    // Enough rounds for a stable figure on small scrapes; the median of them is printed.
    const int rounds = std::clamp(int(200'000'000 / std::max<qsizetype>(text.size(), 1)), 5, 2000);
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

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "parse") == 0)
        return parse(argv[2]);
    if (argc == 4 && std::strcmp(argv[1], "generate") == 0)
        return generate(argv[2], std::atoll(argv[3]));
    std::fprintf(stderr, "usage: bench_health parse FILE | generate FILE SAMPLES\n");
    return 2;
}
