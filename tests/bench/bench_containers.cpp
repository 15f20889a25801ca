// SPDX-License-Identifier: GPL-3.0-or-later
// The container list's speed on a large cluster (tests/bench/run-containers-bench.sh):
//   bench_containers run FILE [NAME=VALUE...]
//       FILE is a PodList (tests/scripts/make-kube-pods.py). Prints, next to the peers' figures
//       the script measured on the same file (python_ms, python_rss_mb, jq_ms, kubectl_ms; a
//       value of "-" prints the note named NAME_note instead):
//       1. parse: parseKubePodList of the whole list and of it in pages of 500, RSS growth;
//       2. show: the first ContainerListModel::updateSource, a ContainerFilterModel sorting it;
//       3. refresh: a second updateSource with 1% of the pods changed, the signals it sent;
//       4. end to end: ContainerMonitor in once mode on this computer, the fake kubectl
//          (tests/scripts/fake-kubectl) paging the file, through an audited CommandRunner,
//          with a sorted ContainerFilterModel on its list as the page will have.
// Figures, never assertions: the exit status is 1 only when a run did not complete.
#include "commandtesting.h"
#include "models/containers/containerfilter.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containermonitor.h"
#include "models/containers/kubernetesjson.h"
#include "models/remote/localexecutor.h"
#include "stallmeter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <memory>
#include <time.h>
#include <vector>

using namespace OpsDeck;

namespace {

const QString benchHost = QStringLiteral("bench");
const QString benchContext = QStringLiteral("kind-dev"); // the fake kubectl's current context

// A field of /proc/self/status in KiB: VmRSS (now) or VmHWM (the peak since the last reset).
qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Sets VmHWM back to the current RSS (Linux 4.0 and later), so the next peak is this part's.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The list cut into the pages `kubectl get --raw '/api/v1/pods?limit=N'` serves, continue
// tokens and remaining counts included.
QList<QByteArray> pagesOf(const QByteArray &text, int perPage)
{
    const QJsonObject document = QJsonDocument::fromJson(text).object();
    const QJsonArray items = document.value(QStringLiteral("items")).toArray();
    QList<QByteArray> pages;
    for (qsizetype first = 0; first < items.size(); first += perPage) {
        QJsonArray part;
        const qsizetype end = std::min<qsizetype>(first + perPage, items.size());
        for (qsizetype index = first; index < end; ++index)
            part.append(items.at(index));
        QJsonObject metadata{{QStringLiteral("resourceVersion"), QStringLiteral("4829915")}};
        if (end < items.size()) {
            metadata.insert(QStringLiteral("continue"), QStringLiteral("page-%1").arg(end));
            metadata.insert(QStringLiteral("remainingItemCount"), double(items.size() - end));
        }
        const QJsonObject page{{QStringLiteral("kind"), QStringLiteral("PodList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("metadata"), metadata},
                               {QStringLiteral("items"), part}};
        pages.append(QJsonDocument(page).toJson(QJsonDocument::Compact));
    }
    return pages;
}

ContainerSource sourceWith(QList<ContainerRow> rows)
{
    ContainerSource source;
    source.host = benchHost;
    source.runtime = ContainerRuntime::Kubernetes;
    source.context = benchContext;
    source.state = ContainerSource::State::Ready;
    source.rows = std::move(rows);
    source.loaded = source.rows.size();
    source.updated = QDateTime::currentDateTimeUtc();
    return source;
}

struct Figures {
    qsizetype pods = 0;
    qsizetype bytes = 0;
    double parseMs = 0;
    double pagedMs = 0;
    int pages = 0;
    qsizetype pagedRows = 0;
    qsizetype parseErrors = 0;
    double rssHeldMb = 0;   // the rows parsed and shown, held (freed memory given back)
    double rssPeakMb = 0;   // the peak while parsing the whole list and showing it
    double pagedPeakMb = 0; // the peak while parsing the pages and showing their rows
    double firstLoadMs = 0;
    double sortMs = 0;
    double filterMs = 0;
    int changed = 0;
    double refreshMs = 0;
    double unchangedMs = 0;
    int changedSignalled = 0; // rows dataChanged named
    int changedRight = 0;     // of them, rows that did change
    int resets = 0;           // modelReset
    int structural = 0;       // rows inserted or removed
    bool e2eDone = false;
    double e2eAllRowsMs = -1;   // until the model held every pod
    double e2eFinishedMs = -1;  // until the monitor said finished
    double e2eFirstRowsMs = -1; // until the first page showed
    qsizetype e2eRows = 0;
    int progressPoints = 0;
    qint64 longestStallMs = 0;
    double longestCpuMs = 0;
    double startMs = 0; // ContainerMonitor::setActive(true): the session's process started
    QString e2eError;
};

void parseAndShow(const QByteArray &text, Figures &figures)
{
    const qint64 rssBefore = statusKiB("VmRSS");
    resetPeak();
    QElapsedTimer clock;
    clock.start();
    KubePodPage page = parseKubePodList(text, benchHost, benchContext);
    std::vector<double> parses{msSince(clock)};
    figures.pods = page.rows.size();
    figures.parseErrors = page.errors.size();

    // First load: the model alone, then the proxy the page puts on it, sorted trouble first.
    ContainerListModel model;
    clock.restart();
    model.updateSource(sourceWith(page.rows));
    figures.firstLoadMs = msSince(clock);
    ContainerFilterModel proxy;
    clock.restart();
    proxy.setSourceModel(&model);
    proxy.sort(ContainerListModel::StatusColumn, Qt::AscendingOrder);
    figures.sortMs = msSince(clock);
    figures.rssPeakMb = double(statusKiB("VmHWM") - rssBefore) / 1024.0;
    malloc_trim(0); // what the parser's document took goes back, as it would in the app
    figures.rssHeldMb = double(statusKiB("VmRSS") - rssBefore) / 1024.0;
    clock.restart();
    proxy.setText(QStringLiteral("web"));
    proxy.setText(QString());
    figures.filterMs = msSince(clock);

    // Two more parses for a median; their rows are dropped at once.
    for (int round = 0; round < 2; ++round) {
        clock.restart();
        const KubePodPage again = parseKubePodList(text, benchHost, benchContext);
        parses.push_back(msSince(clock));
    }
    figures.parseMs = median(parses);

    // Refresh: 1% of the pods restarted into a crash loop, the rest as they were.
    QList<ContainerRow> next = page.rows;
    QSet<QString> changedKeys;
    for (qsizetype index = 0; index < next.size(); index += 100) {
        ContainerRow &row = next[index];
        row.restarts = std::max(row.restarts, 0) + 1;
        row.status = QStringLiteral("CrashLoopBackOff");
        row.reason = QStringLiteral("CrashLoopBackOff");
        row.lastRestartReason = QStringLiteral("Error");
        row.condition = ContainerCondition::Failing;
        changedKeys.insert(row.key());
    }
    figures.changed = int(changedKeys.size());
    QSet<int> signalled;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
                     [&signalled](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                             signalled.insert(row);
                     });
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&figures] { ++figures.resets; });
    QObject::connect(&model, &QAbstractItemModel::rowsInserted,
                     [&figures] { ++figures.structural; });
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved,
                     [&figures] { ++figures.structural; });
    clock.restart();
    model.updateSource(sourceWith(next));
    figures.refreshMs = msSince(clock);
    figures.changedSignalled = int(signalled.size());
    for (const int row : std::as_const(signalled)) {
        if (changedKeys.contains(model.rowAt(row).key()))
            ++figures.changedRight;
    }
    clock.restart();
    model.updateSource(sourceWith(next));
    figures.unchangedMs = msSince(clock);
    figures.changedSignalled = std::max(figures.changedSignalled, int(signalled.size()));
}

void parsePaged(const QByteArray &text, Figures &figures)
{
    const QList<QByteArray> pages = pagesOf(text, 500);
    figures.pages = int(pages.size());
    malloc_trim(0);
    // What the poller does: one page at a time, the rows kept, then shown.
    const qint64 rssBefore = statusKiB("VmRSS");
    resetPeak();
    QList<ContainerRow> rows;
    QElapsedTimer clock;
    clock.start();
    for (const QByteArray &page : pages)
        rows += parseKubePodList(page, benchHost, benchContext).rows;
    figures.pagedMs = msSince(clock);
    figures.pagedRows = rows.size();
    ContainerListModel model;
    model.updateSource(sourceWith(rows));
    figures.pagedPeakMb = double(statusKiB("VmHWM") - rssBefore) / 1024.0;
}

void endToEnd(const QString &podFile, Figures &figures)
{
    const QByteArray fake = QByteArrayLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl");
    qputenv("PATH", fake + ':' + qgetenv("PATH"));
    qputenv("OPSDECK_FAKE_KUBECTL_PODS", podFile.toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_WORKLOADS",
            QByteArrayLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/kubectl/workloads.json"));
    for (const char *name : {"OPSDECK_FAKE_KUBECTL_TOP", "OPSDECK_FAKE_KUBECTL_FAIL",
                             "OPSDECK_FAKE_KUBECTL_CALLS", "OPSDECK_FAKE_KUBECTL_CONTEXTS"})
        qunsetenv(name);

    CommandTesting::AuditedRunner audited;
    if (!audited.open()) {
        figures.e2eError = QStringLiteral("the audit log did not open");
        return;
    }
    LocalExecutor local(benchHost);
    Workspace workspace = CommandTesting::localWorkspace(benchHost);
    workspace.environments[0].hosts[0].containers.runtimes = {QStringLiteral("kubernetes")};
    ContainerMonitor monitor(&audited.runner, [&local](const QString &) { return &local; });
    ContainerPollOptions options;
    options.once = true;
    options.podsPerPage = 500;
    monitor.setPollOptions(options);
    monitor.setWorkspace(workspace);

    ContainerListModel *list = monitor.list();
    // The page's view of it (no page exists yet): filtered and sorted trouble first.
    ContainerFilterModel proxy;
    proxy.setSourceModel(list);
    proxy.sort(ContainerListModel::StatusColumn, Qt::AscendingOrder);
    QElapsedTimer clock;
    QSet<qint64> progress;
    QObject::connect(list, &ContainerListModel::sourceChanged, [&](const QString &key) {
        const std::optional<ContainerSource> source = list->source(key);
        if (source && source->state == ContainerSource::State::Loading && source->loaded > 0)
            progress.insert(source->loaded);
        if (figures.e2eFirstRowsMs < 0 && list->rowCount() > 0)
            figures.e2eFirstRowsMs = msSince(clock);
        if (figures.e2eAllRowsMs < 0 && list->rowCount() >= figures.pods)
            figures.e2eAllRowsMs = msSince(clock);
    });
    QEventLoop loop;
    QObject::connect(&monitor, &ContainerMonitor::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20 * 60 * 1000, &loop, &QEventLoop::quit);
    StallMeter stalls;
    ThreadBusyMeter cpu;
    clock.start();
    monitor.setActive(true);
    figures.startMs = msSince(clock);
    loop.exec();
    figures.e2eFinishedMs = msSince(clock);
    figures.longestStallMs = stalls.longestMs();
    figures.longestCpuMs = cpu.longestMs();
    figures.e2eRows = list->rowCount();
    figures.progressPoints = int(progress.size());
    figures.e2eDone = true;
    for (const ContainerSource &source : list->sources()) {
        if (!source.error.isEmpty())
            figures.e2eError += source.error.left(200) + u' ';
    }
    monitor.setActive(false);
}

QString verdict(bool met)
{
    return met ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

void printRow(const QString &what, const QString &ours, const QString &target, const QString &peer,
              const QString &word)
{
    std::printf("  %-34s %-22s %-12s %-5s %s\n", qPrintable(what), qPrintable(ours),
                qPrintable(target), qPrintable(word), qPrintable(peer));
}

QString ms(double value)
{
    return value < 0 ? QStringLiteral("-")
                     : QString::number(value, 'f', value < 100 ? 1 : 0) + u" ms";
}

int run(const QString &path, const QHash<QString, QString> &peers)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(file.errorString()));
        return 2;
    }
    Figures figures;
    {
        const QByteArray text = file.readAll();
        figures.bytes = text.size();
        parseAndShow(text, figures);
        parsePaged(text, figures);
    }
    endToEnd(path, figures);

    const auto peer = [&peers](const QString &name, const QString &label,
                               const QString &unit) -> QString {
        const QString value = peers.value(name, QStringLiteral("-"));
        if (value == u"-")
            return label + u": " + peers.value(name + u"_note", QStringLiteral("not measured"));
        return label + u' ' + value + u' ' + unit;
    };
    const double showMs = figures.parseMs + figures.firstLoadMs + figures.sortMs;
    const double showTargetMs = double(figures.pods) * 0.2; // 5,000 in 1 s, 20,000 in 4 s
    const bool signalsRight = figures.changedSignalled == figures.changed &&
                              figures.changedRight == figures.changed && figures.resets == 0 &&
                              figures.structural == 0;

    std::printf("%lld pods, %.1f MB of JSON (%lld parse errors)\n", qlonglong(figures.pods),
                double(figures.bytes) / 1e6, qlonglong(figures.parseErrors));
    std::printf("  %-34s %-22s %-12s %-5s %s\n", "", "OpsDeck", "target", "", "peer (same file)");
    std::printf("1. parse\n");
    printRow(QStringLiteral("parseKubePodList, whole list"), ms(figures.parseMs),
             QStringLiteral("-"),
             peer(QStringLiteral("python_ms"), QStringLiteral("python3 json.load + len(items)"),
                  QStringLiteral("ms")),
             QString());
    printRow(
        QStringLiteral("parseKubePodList, %1 pages of 500").arg(figures.pages),
        ms(figures.pagedMs) + QStringLiteral(" (%1 rows)").arg(figures.pagedRows),
        QStringLiteral("-"),
        peer(QStringLiteral("jq_ms"), QStringLiteral("jq '.items | length'"), QStringLiteral("ms")),
        QString());
    printRow(QStringLiteral(""), QString(), QString(),
             peer(QStringLiteral("kubectl_ms"), QStringLiteral("kubectl label --local -o name"),
                  QStringLiteral("ms")),
             QString());
    std::printf("2. show\n");
    printRow(QStringLiteral("updateSource, first load"), ms(figures.firstLoadMs),
             QStringLiteral("-"), QString(), QString());
    printRow(QStringLiteral("ContainerFilterModel + sort"), ms(figures.sortMs), QStringLiteral("-"),
             QString(), QString());
    printRow(QStringLiteral("filter text set and cleared"), ms(figures.filterMs),
             QStringLiteral("-"), QString(), QString());
    printRow(QStringLiteral("parse + show"), ms(showMs), u"< " + ms(showTargetMs), QString(),
             verdict(showMs < showTargetMs));
    printRow(QStringLiteral("RSS growth, peak, whole list"),
             QString::number(figures.rssPeakMb, 'f', 1) + u" MB", QStringLiteral("< 200 MB"),
             peer(QStringLiteral("python_rss_mb"), QStringLiteral("python3 json.load peak growth"),
                  QStringLiteral("MB")),
             verdict(figures.rssPeakMb < 200));
    printRow(QStringLiteral("RSS growth, peak, pages of 500"),
             QString::number(figures.pagedPeakMb, 'f', 1) + u" MB", QStringLiteral("< 200 MB"),
             QString(), verdict(figures.pagedPeakMb < 200));
    printRow(QStringLiteral("RSS growth, rows held (VmRSS)"),
             QString::number(figures.rssHeldMb, 'f', 1) + u" MB", QStringLiteral("-"), QString(),
             QString());
    std::printf("3. refresh (%d pods changed: status, restarts)\n", figures.changed);
    printRow(QStringLiteral("updateSource, GUI thread"), ms(figures.refreshMs),
             QStringLiteral("< 100 ms"), QString(), verdict(figures.refreshMs < 100));
    printRow(QStringLiteral("dataChanged rows / resets / +-rows"),
             QStringLiteral("%1 (%2 right) / %3 / %4")
                 .arg(figures.changedSignalled)
                 .arg(figures.changedRight)
                 .arg(figures.resets)
                 .arg(figures.structural),
             QStringLiteral("%1 / 0 / 0").arg(figures.changed), QString(), verdict(signalsRight));
    printRow(QStringLiteral("updateSource, nothing changed"), ms(figures.unchangedMs),
             QStringLiteral("-"), QString(), QString());
    std::printf("4. end to end (ContainerMonitor, once, fake kubectl, pages of 500)\n");
    if (!figures.e2eDone) {
        std::printf("  did not run: %s\n", qPrintable(figures.e2eError));
        return 1;
    }
    printRow(QStringLiteral("first page shown"), ms(figures.e2eFirstRowsMs), QStringLiteral("-"),
             QString(), QString());
    printRow(QStringLiteral("all rows shown"),
             ms(figures.e2eAllRowsMs) + QStringLiteral(" (%1 rows)").arg(figures.e2eRows),
             QStringLiteral("-"), QString(), QString());
    printRow(QStringLiteral("round finished"), ms(figures.e2eFinishedMs), QStringLiteral("-"),
             QString(), QString());
    printRow(QStringLiteral("\"N of M loaded\" progress points"),
             QString::number(figures.progressPoints), QStringLiteral("-"), QString(), QString());
    printRow(QStringLiteral("longest GUI-thread stall"), ms(double(figures.longestStallMs)),
             QStringLiteral("<= 16 ms"), QString(), verdict(figures.longestStallMs <= 16));
    printRow(QStringLiteral("longest GUI-thread CPU run"), ms(figures.longestCpuMs),
             QStringLiteral("-"), QStringLiteral("(of a stall, the rest is waiting for a CPU)"),
             QString());
    printRow(QStringLiteral("setActive(true): session started"), ms(figures.startMs),
             QStringLiteral("-"), QString(), QString());
    if (!figures.e2eError.trimmed().isEmpty())
        std::printf("  the source said: %s\n", qPrintable(figures.e2eError.trimmed()));
    return figures.e2eRows == figures.pods ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "run") == 0) {
        QCoreApplication app(argc, argv);
        QHash<QString, QString> peers;
        for (int index = 3; index < argc; ++index) {
            const QString argument = QString::fromLocal8Bit(argv[index]);
            peers.insert(argument.section(u'=', 0, 0), argument.section(u'=', 1));
        }
        return run(QString::fromLocal8Bit(argv[2]), peers);
    }
    std::fprintf(stderr, "usage: bench_containers run PODLIST.json [NAME=VALUE...]\n");
    return 2;
}
