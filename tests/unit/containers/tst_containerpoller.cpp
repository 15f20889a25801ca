// SPDX-License-Identifier: GPL-3.0-or-later
// The container poller against real engines (run as root): a throwaway dockerd and podman with
// the scenario containers (tests/scripts/container-scenarios.sh), kubectl replayed by
// tests/scripts/fake-kubectl, and a real sshd. One round reads every runtime; pods arrive page
// by page; a failing cluster leaves the other sources alone; actions change the real state
// through the CommandRunner (podman-compose's too), and read-only mode refuses each of them at
// the runner; docker and podman are read and acted on over SSH through their sockets. Where an
// engine cannot run (a chroot), its cases skip and the kubectl-only ones still run.
#include "commandtesting.h"
#include "containerfixture.h"
#include "models/containers/containeractions.h"
#include "models/containers/containergroupmodel.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containerpoller.h"
#include "models/containers/containersourcesmodel.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/remote/localexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString kubectlData = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/kubectl/");

// The rows of one source by name.
QHash<QString, ContainerRow> byName(const ContainerSource &source)
{
    QHash<QString, ContainerRow> rows;
    for (const ContainerRow &row : source.rows)
        rows.insert(row.name, row);
    return rows;
}

// What podman's scenarios (tests/scripts/container-scenarios.sh) must read as, wherever they are
// read from: empty when they do, else what differs.
QString podmanScenarioMismatches(const ContainerSource &source, const QString &host)
{
    QStringList wrong;
    if (source.state != ContainerSource::State::Ready)
        wrong << u"source not ready: "_s + source.error;
    const QHash<QString, ContainerRow> rows = byName(source);
    if (rows.size() != 7)
        wrong << u"%1 rows: %2"_s.arg(rows.size()).arg(QStringList(rows.keys()).join(u", "_s));
    const auto expect = [&](const QString &name, bool holds) {
        if (!holds) {
            const ContainerRow row = rows.value(name);
            wrong << u"%1: state %2, condition %3, reason '%4', exit %5, restarts %6, host %7"_s
                         .arg(name, row.state, containerConditionId(row.condition), row.reason)
                         .arg(row.exitCode)
                         .arg(row.restarts)
                         .arg(row.host);
        }
    };
    for (const ContainerRow &row : source.rows)
        expect(row.name, row.host == host);
    expect(u"web"_s, rows.value(u"web"_s).condition == ContainerCondition::Running);
    expect(u"job"_s, rows.value(u"job"_s).condition == ContainerCondition::Failing &&
                         rows.value(u"job"_s).reason == u"Error"_s &&
                         rows.value(u"job"_s).exitCode == 3);
    expect(u"sick"_s, rows.value(u"sick"_s).condition == ContainerCondition::Failing &&
                          rows.value(u"sick"_s).reason == u"unhealthy"_s);
    expect(u"hog"_s, rows.value(u"hog"_s).condition == ContainerCondition::Failing &&
                         rows.value(u"hog"_s).exitCode == 137);
    expect(u"flapper"_s, rows.value(u"flapper"_s).restarts > 0);
    for (const QString &service : {u"api"_s, u"worker"_s}) {
        const QString name = u"shop_"_s + service + u"_1"_s;
        expect(name, rows.value(name).project == u"shop"_s && rows.value(name).service == service &&
                         rows.value(name).condition == ContainerCondition::Running);
    }
    expect(u"web"_s, rows.value(u"web"_s).memoryBytes > 0); // stats arrived
    return wrong.join(u'\n');
}

} // namespace

class ContainerPollerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void oneRoundReadsEveryRuntime();
    void podsArriveInPages();
    void failingClusterLeavesTheOthers();
    void failingContextBacksOffAlone();
    void actionsChangeTheRealStateAndReadOnlyRefusesThem();
    void kubernetesActionsReachKubectl();
    void overSshWithAnotherDockerSocket();
    void podmanOverSshThroughItsSocket();
    void podmanComposeActionsChangeTheRealState();

private:
    // Runs one round on executor; the sources by runtime id (and context).
    QHash<QString, ContainerSource> round(Executor *executor, const ContainerSettings &settings,
                                          int podsPerPage = 500,
                                          QList<ContainerSource> *progress = nullptr);
    CommandResult runAction(Executor *executor, const ContainerRow &row, ContainerActionKind kind,
                            int replicas = -1);
    ContainerRow engineRow(const QString &name,
                           ContainerRuntime runtime = ContainerRuntime::Docker);
    // A field of a container as the engine's own inspect reports it (empty when it is gone).
    static QString inspected(const ContainerFixture &engine, const QString &name,
                             const QString &field = u"{{.State.Status}}"_s);
    // An action over SSH on one of the scenarios' failing job: refused in read-only mode,
    // then it starts the container again.
    void restartJobOverSsh(Executor *ssh, const ContainerFixture &engine,
                           const ContainerSource &source);

    std::unique_ptr<ContainerFixture> m_docker;
    std::unique_ptr<ContainerFixture> m_podman;
    QHash<QString, QString> m_unsupported; // why an engine is not running, by member name
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    LocalExecutor m_local{u"here"_s};
    QTemporaryDir m_scratch;
    ContainerSettings m_settings;
};

// A case that needs an engine the machine cannot run (a chroot without a mounted /) is skipped
// with the fixture's reason; the kubectl-only cases still run there.
#define REQUIRE_ENGINE(engine)                                                                     \
    do {                                                                                           \
        if (!(engine))                                                                             \
            QSKIP(qPrintable(m_unsupported.value(QLatin1StringView(#engine))));                    \
    } while (false)

void ContainerPollerTest::initTestCase()
{
    const auto start = [this](ContainerFixture::Engine kind, const QString &name) {
        auto engine = std::make_unique<ContainerFixture>(kind);
        // In a chroot dockerd and podman cannot unpack images (docker-fixture.sh says why).
        if (engine->error().contains(u"unsupported here"_s)) {
            m_unsupported.insert(name, engine->error().trimmed());
            return std::unique_ptr<ContainerFixture>();
        }
        return engine;
    };
    m_docker = start(ContainerFixture::Engine::Docker, u"m_docker"_s);
    m_podman = start(ContainerFixture::Engine::Podman, u"m_podman"_s);
    QString error;
    for (ContainerFixture *engine : {m_docker.get(), m_podman.get()}) {
        if (engine) {
            QVERIFY2(engine->ok(), qPrintable(engine->error()));
            QVERIFY2(!engine->startScenarios(&error).isEmpty(), qPrintable(error));
        }
    }

    // podman reads its configuration from the environment the poll script inherits; docker is
    // reached by the workspace's docker-host, as an operator would name a second daemon.
    if (m_podman) {
        qputenv("CONTAINERS_CONF", m_podman->value(u"CONTAINERS_CONF"_s).toUtf8());
        qputenv("CONTAINERS_STORAGE_CONF", m_podman->value(u"CONTAINERS_STORAGE_CONF"_s).toUtf8());
    }
    qunsetenv("DOCKER_HOST");
    if (m_docker)
        m_settings.dockerHost = m_docker->value(u"DOCKER_HOST"_s);

    QVERIFY(m_scratch.isValid());
    const QString pods = m_scratch.filePath(u"pods.json"_s);
    QVERIFY(QFile::copy(kubectlData + u"pods-list.json"_s, pods));
    QFile::setPermissions(pods, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + qgetenv("PATH"));
    qputenv("OPSDECK_FAKE_KUBECTL_PODS", pods.toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_WORKLOADS", (kubectlData + u"workloads.json"_s).toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_TOP", (kubectlData + u"top-pods.txt"_s).toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_CALLS", m_scratch.filePath(u"calls"_s).toUtf8());
    qunsetenv("OPSDECK_FAKE_KUBECTL_FAIL");

    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    const QByteArray text = QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                                    m_sshd->workspaceHost(u"fixture"_s))
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);
}

void ContainerPollerTest::cleanupTestCase()
{
    m_registry.reset();
    m_sshd.reset();
    m_audited.reset();
    m_podman.reset();
    m_docker.reset();
}

QHash<QString, ContainerSource> ContainerPollerTest::round(Executor *executor,
                                                           const ContainerSettings &settings,
                                                           int podsPerPage,
                                                           QList<ContainerSource> *progress)
{
    ContainerPoller poller(executor->hostName(), settings, &m_audited->runner,
                           [executor](const QString &) { return executor; });
    ContainerPollOptions options;
    options.once = true;
    options.podsPerPage = podsPerPage;
    poller.setOptions(options);
    QHash<QString, ContainerSource> sources;
    connect(&poller, &ContainerPoller::sourceChanged, this, [&](const ContainerSource &source) {
        sources.insert(containerRuntimeId(source.runtime) +
                           (source.context.isEmpty() ? QString() : u':' + source.context),
                       source);
        if (progress)
            progress->append(source);
    });
    QSignalSpy finished(&poller, &ContainerPoller::finished);
    poller.start();
    if (!finished.wait(120000))
        qWarning("the round did not finish");
    return sources;
}

CommandResult ContainerPollerTest::runAction(Executor *executor, const ContainerRow &row,
                                             ContainerActionKind kind, int replicas)
{
    ContainerActionInput input;
    input.replicas = replicas;
    QString whyNot;
    std::optional<CommandRequest> request =
        containerActionRequest(row, kind, m_settings, input, &whyNot);
    if (!request) {
        CommandResult refused;
        refused.error = whyNot;
        return refused;
    }
    // What the confirmation dialog hands over once the operator agreed (and typed the host for
    // Destroy).
    request->confirmedRisk = CommandRunner::assess(*request).risk;
    request->confirmedHosts = {executor->hostName()};
    CommandRun *run = m_audited->runner.run(executor, *request, nullptr);
    std::unique_ptr<CommandRun> owned(run);
    QSignalSpy finished(run, &CommandRun::finished);
    if (!run->isFinished())
        finished.wait(120000);
    return run->result();
}

ContainerRow ContainerPollerTest::engineRow(const QString &name, ContainerRuntime runtime)
{
    const QHash<QString, ContainerSource> sources = round(&m_local, m_settings);
    return byName(sources.value(containerRuntimeId(runtime))).value(name);
}

QString ContainerPollerTest::inspected(const ContainerFixture &engine, const QString &name,
                                       const QString &field)
{
    return QString::fromUtf8(engine.tool({u"inspect"_s, u"--format"_s, field, name})).trimmed();
}

void ContainerPollerTest::restartJobOverSsh(Executor *ssh, const ContainerFixture &engine,
                                            const ContainerSource &source)
{
    const ContainerRow job = byName(source).value(u"job"_s);
    QCOMPARE(job.condition, ContainerCondition::Failing);
    const QString started = u"{{.State.StartedAt}}"_s;
    const QString before = inspected(engine, u"job"_s, started);
    QVERIFY(!before.isEmpty());
    m_audited->readOnly.setEnabled(true);
    const CommandResult refused = runAction(ssh, job, ContainerActionKind::Restart);
    m_audited->readOnly.setEnabled(false);
    QVERIFY2(!refused.succeeded() && refused.error.contains(u"Read-only"_s),
             qPrintable(refused.error));
    QCOMPARE(inspected(engine, u"job"_s, started), before);
    const CommandResult restarted = runAction(ssh, job, ContainerActionKind::Restart);
    QVERIFY2(restarted.succeeded(), qPrintable(restarted.summary() + restarted.error));
    QVERIFY(inspected(engine, u"job"_s, started) != before);
}

void ContainerPollerTest::oneRoundReadsEveryRuntime()
{
    REQUIRE_ENGINE(m_docker);
    REQUIRE_ENGINE(m_podman);
    const QHash<QString, ContainerSource> sources = round(&m_local, m_settings);
    const auto rowsOf = [&](const QString &id) { return byName(sources.value(id)); };
    QCOMPARE(sources.value(u"docker"_s).state, ContainerSource::State::Ready);
    const auto docker = rowsOf(u"docker"_s);
    QCOMPARE(docker.value(u"web"_s).condition, ContainerCondition::Running);
    // The kernel kills it for memory; dockerd does not always see the OOM event in time to
    // mark it (then only the exit code says so).
    QVERIFY2(docker.value(u"hog"_s).reason == u"OOMKilled"_s ||
                 docker.value(u"hog"_s).exitCode == 137,
             qPrintable(docker.value(u"hog"_s).reason));
    QCOMPARE(docker.value(u"hog"_s).condition, ContainerCondition::Failing);
    QCOMPARE(docker.value(u"sick"_s).reason, u"unhealthy"_s);
    QCOMPARE(docker.value(u"job"_s).exitCode, 3);
    QVERIFY(docker.value(u"flapper"_s).restarts > 0);
    QCOMPARE(docker.value(u"shop_api_1"_s).project, u"shop"_s);
    QVERIFY2(docker.value(u"web"_s).memoryBytes > 0, "stats arrived");

    const QString podman = podmanScenarioMismatches(sources.value(u"podman"_s), u"here"_s);
    QVERIFY2(podman.isEmpty(), qPrintable(podman));

    // The fake's current context.
    const ContainerSource kube = sources.value(u"kubernetes:kind-dev"_s);
    QCOMPARE(kube.state, ContainerSource::State::Ready);
    QCOMPARE(kube.rows.size(), 18);
    QCOMPARE(kube.availableContexts, QStringList{u"kind-dev"_s});
    QVERIFY(!kube.workloads.isEmpty());
    const auto pods = rowsOf(u"kubernetes:kind-dev"_s);
    QCOMPARE(pods.value(u"cart-84c6d5f9b-z8r4t"_s).reason, u"CrashLoopBackOff"_s);
    QCOMPARE(pods.value(u"cart-84c6d5f9b-z8r4t"_s).lastRestartReason, u"OOMKilled"_s);
    QVERIFY(pods.value(u"web-7c9f8d6b5-abcde"_s).cpuMillicores >= 0); // from kubectl top

    // One audited session for the whole round, judged Read.
    const auto entries = m_audited->entries();
    QVERIFY(entries.has_value());
    QVERIFY(!entries->isEmpty());
    QCOMPARE(entries->last().risk, Risk::Read);
}

void ContainerPollerTest::podsArriveInPages()
{
    ContainerSettings kubeOnly;
    kubeOnly.runtimes = {u"kubernetes"_s};
    QList<ContainerSource> progress;
    const QHash<QString, ContainerSource> sources = round(&m_local, kubeOnly, 5, &progress);
    QCOMPARE(sources.value(u"kubernetes:kind-dev"_s).rows.size(), 18);
    // The first load shows what has arrived, and how much is still to come.
    QList<qint64> loaded;
    for (const ContainerSource &source : std::as_const(progress)) {
        if (source.state == ContainerSource::State::Loading && source.loaded > 0) {
            QCOMPARE(source.expected, 18);
            // Each page adds its own rows to those shown.
            QVERIFY(source.rowsAreMore);
            QCOMPARE(source.rows.size(), source.loaded - (loaded.isEmpty() ? 0 : loaded.last()));
            loaded.append(source.loaded);
        }
    }
    QCOMPARE(loaded, (QList<qint64>{5, 10, 15, 18}));
}

void ContainerPollerTest::failingClusterLeavesTheOthers()
{
    REQUIRE_ENGINE(m_docker);
    ContainerListModel list;
    ContainerPoller poller(u"here"_s, m_settings, &m_audited->runner,
                           [this](const QString &) { return &m_local; });
    ContainerPollOptions options;
    options.once = true;
    poller.setOptions(options);
    connect(&poller, &ContainerPoller::sourceChanged, &list, &ContainerListModel::updateSource);
    QSignalSpy finished(&poller, &ContainerPoller::finished);
    poller.start();
    QVERIFY(finished.wait(120000));
    const int before = list.rowCount();
    QVERIFY(before > 18);

    qputenv("OPSDECK_FAKE_KUBECTL_FAIL", "unreachable");
    poller.refreshNow();
    QVERIFY(finished.wait(120000));
    qunsetenv("OPSDECK_FAKE_KUBECTL_FAIL");
    QCOMPARE(list.rowCount(), before);
    int stale = 0;
    for (int row = 0; row < list.rowCount(); ++row) {
        const QModelIndex index = list.index(row, 0);
        const bool isPod = list.rowAt(row).runtime == ContainerRuntime::Kubernetes;
        QCOMPARE(index.data(ContainerListModel::StaleRole).toBool(), isPod);
        if (isPod) {
            ++stale;
            QVERIFY2(index.data(ContainerListModel::SourceErrorRole)
                         .toString()
                         .contains(u"Unable to connect to the server"_s),
                     qPrintable(index.data(ContainerListModel::SourceErrorRole).toString()));
        }
    }
    QCOMPARE(stale, 18);
}

void ContainerPollerTest::failingContextBacksOffAlone()
{
    // Two contexts, one of them unreachable until the test lets it answer; podman alongside
    // where it runs.
    const QString contexts = m_scratch.filePath(u"contexts"_s);
    const QString failing = m_scratch.filePath(u"failing-contexts"_s);
    const QString calls = m_scratch.filePath(u"backoff-calls"_s);
    const auto write = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(text) == text.size();
    };
    QVERIFY(write(contexts, "kind-dev\nbroken\n"));
    QVERIFY(write(failing, "broken unreachable\n"));
    qputenv("OPSDECK_FAKE_KUBECTL_CONTEXTS", contexts.toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_FAIL_CONTEXTS", failing.toUtf8());
    qputenv("OPSDECK_FAKE_KUBECTL_CALLS", calls.toUtf8());
    const auto restore = qScopeGuard([this] {
        qunsetenv("OPSDECK_FAKE_KUBECTL_CONTEXTS");
        qunsetenv("OPSDECK_FAKE_KUBECTL_FAIL_CONTEXTS");
        qputenv("OPSDECK_FAKE_KUBECTL_CALLS", m_scratch.filePath(u"calls"_s).toUtf8());
    });

    ContainerSettings settings = m_settings;
    settings.runtimes = {u"kubernetes"_s};
    if (m_podman)
        settings.runtimes.prepend(u"podman"_s);
    settings.kubeContexts = {u"kind-dev"_s, u"broken"_s};
    ContainerListModel list;
    ContainerPoller poller(u"here"_s, settings, &m_audited->runner,
                           [this](const QString &) { return &m_local; });
    ContainerPollOptions options;
    options.intervalSeconds = 1;
    poller.setOptions(options);
    connect(&poller, &ContainerPoller::sourceChanged, &list, &ContainerListModel::updateSource);

    struct Seen {
        QHash<QString, ContainerSource> sources; // by runtime id and context
        qint64 msecsToNextAttempt = -1;          // the broken context's
        QString tooltip;                         // its row's status tooltip
    };
    QList<Seen> rounds;
    connect(&poller, &ContainerPoller::roundFinished, this, [&] {
        Seen seen;
        for (const ContainerSource &source : poller.sources())
            seen.sources.insert(containerRuntimeId(source.runtime) + u':' + source.context, source);
        const ContainerSource broken = seen.sources.value(u"kubernetes:broken"_s);
        if (broken.nextAttempt.isValid())
            seen.msecsToNextAttempt = QDateTime::currentDateTimeUtc().msecsTo(broken.nextAttempt);
        for (int row = 0; row < list.rowCount(); ++row) {
            if (list.rowAt(row).context == u"broken"_s)
                seen.tooltip = list.index(row, ContainerListModel::StatusColumn)
                                   .data(Qt::ToolTipRole)
                                   .toString();
        }
        rounds.append(seen);
        // The cluster is back after its second failure (round 3); it is next asked in round 6.
        if (rounds.size() == 3)
            write(failing, "");
    });
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 8, 240000);
    poller.stop();

    // Which context each round asked for pods: a round's kubectl calls start with get-contexts.
    QFile file(calls);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QStringList> callsByRound;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("config get-contexts"))
            callsByRound.append(QStringList());
        else if (!callsByRound.isEmpty() && !line.isEmpty())
            callsByRound.last().append(QString::fromUtf8(line));
    }
    QVERIFY(callsByRound.size() >= 8);
    QList<bool> brokenAsked;
    QList<bool> goodAsked;
    for (int round = 0; round < 8; ++round) {
        const QString text = callsByRound.at(round).join(u'\n');
        brokenAsked.append(text.contains(u"--context broken get --raw"_s));
        goodAsked.append(text.contains(u"--context kind-dev get --raw"_s));
        // A failed pods list is the source's answer: top and workloads are not asked after it.
        if (round == 0 || round == 2)
            QVERIFY2(!text.contains(u"--context broken top"_s), qPrintable(text));
    }
    // Failed in rounds 1 and 3: skipped for 1, then 2 rounds; answering again from round 6 on,
    // and then asked every round.
    QCOMPARE(brokenAsked, (QList<bool>{true, false, true, false, false, true, true, true}));
    QCOMPARE(goodAsked, QList<bool>(8, true));

    for (int round = 0; round < 8; ++round) {
        const Seen &seen = rounds.at(round);
        const QByteArray where = "round " + QByteArray::number(round + 1);
        QVERIFY2(!m_podman ||
                     seen.sources.value(u"podman:"_s).state == ContainerSource::State::Ready,
                 where.constData());
        QVERIFY2(seen.sources.value(u"kubernetes:kind-dev"_s).state ==
                     ContainerSource::State::Ready,
                 where.constData());
        QCOMPARE(seen.sources.value(u"kubernetes:kind-dev"_s).rows.size(), 18);
        const ContainerSource broken = seen.sources.value(u"kubernetes:broken"_s);
        if (round < 5) {
            // Failed, also while skipped (not "no longer listed"), with why and when next.
            QVERIFY2(broken.state == ContainerSource::State::Failed, where.constData());
            QVERIFY2(broken.error.contains(u"Unable to connect to the server"_s),
                     qPrintable(broken.error));
            // Asked again after the skipped rounds: 1 s each here, and the round asking.
            const qint64 expectedMs = QList<qint64>{2000, 1000, 3000, 2000, 1000}.at(round);
            QVERIFY2(
                seen.msecsToNextAttempt > expectedMs - 1500 &&
                    seen.msecsToNextAttempt <= expectedMs,
                qPrintable(
                    u"%1: %2 ms"_s.arg(QString::fromUtf8(where)).arg(seen.msecsToNextAttempt)));
            QVERIFY2(seen.tooltip.contains(u"Unable to connect to the server"_s) &&
                         seen.tooltip.contains(u"next try "_s),
                     qPrintable(seen.tooltip));
            const QString state = ContainerSourcesModel::stateText(broken, 0);
            QVERIFY2(state.startsWith(u"failed: "_s) && state.contains(u"next try "_s),
                     qPrintable(state));
        } else {
            QVERIFY2(broken.state == ContainerSource::State::Ready, where.constData());
            QVERIFY(!broken.nextAttempt.isValid());
            QCOMPARE(broken.rows.size(), 18);
            QVERIFY2(!seen.tooltip.contains(u"next try"_s), qPrintable(seen.tooltip));
        }
    }
}

void ContainerPollerTest::actionsChangeTheRealStateAndReadOnlyRefusesThem()
{
    REQUIRE_ENGINE(m_docker);
    ContainerRow web = engineRow(u"web"_s);
    QVERIFY(!web.id.isEmpty());

    m_audited->readOnly.setEnabled(true);
    for (const ContainerActionKind kind :
         {ContainerActionKind::Stop, ContainerActionKind::Restart, ContainerActionKind::Delete,
          ContainerActionKind::ComposeDown}) {
        ContainerRow row =
            kind == ContainerActionKind::ComposeDown ? engineRow(u"shop_api_1"_s) : web;
        const CommandResult refused = runAction(&m_local, row, kind);
        QVERIFY2(!refused.succeeded() && refused.error.contains(u"Read-only"_s),
                 qPrintable(containerActionId(kind) + u": "_s + refused.error));
    }
    m_audited->readOnly.setEnabled(false);
    QCOMPARE(inspected(*m_docker, u"web"_s), u"running"_s);
    QCOMPARE(inspected(*m_docker, u"shop_api_1"_s), u"running"_s);

    QVERIFY(runAction(&m_local, web, ContainerActionKind::Stop).succeeded());
    QCOMPARE(inspected(*m_docker, u"web"_s), u"exited"_s);
    web = engineRow(u"web"_s);
    QCOMPARE(web.condition == ContainerCondition::Running, false);
    QVERIFY(containerActionsFor(web).contains(ContainerActionKind::Start));
    QVERIFY(runAction(&m_local, web, ContainerActionKind::Start).succeeded());
    QCOMPARE(inspected(*m_docker, u"web"_s), u"running"_s);

    // The compose service scaled by docker-compose, found by the labels' project and files.
    const ContainerRow api = engineRow(u"shop_api_1"_s);
    const CommandResult scaled = runAction(&m_local, api, ContainerActionKind::Scale, 2);
    QVERIFY2(scaled.succeeded(), qPrintable(scaled.summary() + scaled.error));
    QTRY_VERIFY_WITH_TIMEOUT(!engineRow(u"shop_api_2"_s).name.isEmpty(), 30000);
}

void ContainerPollerTest::kubernetesActionsReachKubectl()
{
    ContainerSettings kubeOnly;
    kubeOnly.runtimes = {u"kubernetes"_s};
    const QHash<QString, ContainerSource> sources = round(&m_local, kubeOnly);
    ContainerRow cart;
    for (const ContainerRow &row : sources.value(u"kubernetes:kind-dev"_s).rows) {
        if (row.name.startsWith(u"cart-"_s))
            cart = row;
    }
    QCOMPARE(cart.project, u"deployment/cart"_s);
    QFile::remove(m_scratch.filePath(u"calls"_s));

    m_audited->readOnly.setEnabled(true);
    QVERIFY(!runAction(&m_local, cart, ContainerActionKind::Restart).succeeded());
    m_audited->readOnly.setEnabled(false);
    QVERIFY(!QFile::exists(m_scratch.filePath(u"calls"_s)));

    QVERIFY(runAction(&m_local, cart, ContainerActionKind::Restart).succeeded());
    QVERIFY(runAction(&m_local, cart, ContainerActionKind::Scale, 3).succeeded());
    QVERIFY(runAction(&m_local, cart, ContainerActionKind::Delete).succeeded());
    QFile calls(m_scratch.filePath(u"calls"_s));
    QVERIFY(calls.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(calls.readAll());
    QVERIFY2(text.contains(u"--context kind-dev -n shop rollout restart deployment/cart"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"scale deployment/cart --replicas=3"_s), qPrintable(text));
    QVERIFY2(text.contains(u"delete pod "_s + cart.name), qPrintable(text));
    // The deleted pod is gone from the next round.
    const QHash<QString, ContainerSource> after = round(&m_local, kubeOnly);
    QCOMPARE(after.value(u"kubernetes:kind-dev"_s).rows.size(), 17);
}

void ContainerPollerTest::overSshWithAnotherDockerSocket()
{
    REQUIRE_ENGINE(m_docker);
    Executor *ssh = m_registry->executor(u"fixture"_s);
    QVERIFY(ssh);
    // The fixture's user is not root: it gets the socket as the docker group would.
    QString error;
    ContainerSettings dockerOnly = m_settings;
    dockerOnly.dockerHost = m_docker->socketForEveryone(&error);
    QVERIFY2(!dockerOnly.dockerHost.isEmpty(), qPrintable(error));
    dockerOnly.runtimes = {u"docker"_s};
    const QHash<QString, ContainerSource> sources = round(ssh, dockerOnly);
    const ContainerSource docker = sources.value(u"docker"_s);
    QVERIFY2(docker.state == ContainerSource::State::Ready, qPrintable(docker.error));
    for (const ContainerRow &row : docker.rows)
        QCOMPARE(row.host, u"fixture"_s);
    restartJobOverSsh(ssh, *m_docker, docker);
}

void ContainerPollerTest::podmanOverSshThroughItsSocket()
{
    REQUIRE_ENGINE(m_podman);
    Executor *ssh = m_registry->executor(u"fixture"_s);
    QVERIFY(ssh);
    // The SSH user is not root and has no access to the fixture's storage: it reaches the same
    // containers through podman's API socket (podman-url), as a podman group would.
    QString error;
    ContainerSettings podmanOnly = m_settings;
    podmanOnly.podmanUrl = m_podman->socketForEveryone(&error);
    QVERIFY2(!podmanOnly.podmanUrl.isEmpty(), qPrintable(error));
    podmanOnly.runtimes = {u"podman"_s};
    const QHash<QString, ContainerSource> sources = round(ssh, podmanOnly);
    const ContainerSource podman = sources.value(u"podman"_s);
    const QString wrong = podmanScenarioMismatches(podman, u"fixture"_s);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    // The action carries the socket too: `podman --url URL restart ID` as the SSH user.
    const ContainerSettings saved = m_settings;
    m_settings = podmanOnly;
    restartJobOverSsh(ssh, *m_podman, podman);
    m_settings = saved;
}

void ContainerPollerTest::podmanComposeActionsChangeTheRealState()
{
    REQUIRE_ENGINE(m_podman);
    // The project podman-compose 1.0.3 brought up shows with both services under it.
    const QHash<QString, ContainerSource> sources = round(&m_local, m_settings);
    ContainerListModel list;
    list.updateSource(sources.value(u"podman"_s));
    ContainerGroupModel groups;
    groups.setSourceModel(&list);
    groups.setGrouping(ContainerGroupModel::Grouping::Project);
    QStringList shop;
    for (int group = 0; group < groups.rowCount(); ++group) {
        const QModelIndex index = groups.index(group, 0);
        // A project's group is per host: the same name on two hosts is two projects.
        if (index.data(ContainerGroupModel::GroupKeyRole).toString() != u"here / shop"_s)
            continue;
        for (int row = 0; row < groups.rowCount(index); ++row)
            shop << groups.index(row, ContainerListModel::NameColumn, index).data().toString();
    }
    shop.sort();
    QCOMPARE(shop, (QStringList{u"shop_api_1"_s, u"shop_worker_1"_s}));
    const ContainerRow api = byName(sources.value(u"podman"_s)).value(u"shop_api_1"_s);
    const QString started = u"{{.State.StartedAt}}"_s;
    const QString apiStarted = inspected(*m_podman, u"shop_api_1"_s, started);
    const QString workerStarted = inspected(*m_podman, u"shop_worker_1"_s, started);

    m_audited->readOnly.setEnabled(true);
    for (const ContainerActionKind kind :
         {ContainerActionKind::RestartService, ContainerActionKind::ComposeDown,
          ContainerActionKind::ComposeUp}) {
        const CommandResult refused = runAction(&m_local, api, kind);
        QVERIFY2(!refused.succeeded() && refused.error.contains(u"Read-only"_s),
                 qPrintable(containerActionId(kind) + u": "_s + refused.error));
    }
    m_audited->readOnly.setEnabled(false);
    QCOMPARE(inspected(*m_podman, u"shop_api_1"_s, started), apiStarted);
    QCOMPARE(inspected(*m_podman, u"shop_worker_1"_s, started), workerStarted);

    // podman-compose restart: the one service's container, not the other.
    CommandResult result = runAction(&m_local, api, ContainerActionKind::RestartService);
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + result.error));
    QVERIFY(inspected(*m_podman, u"shop_api_1"_s, started) != apiStarted);
    QCOMPARE(inspected(*m_podman, u"shop_worker_1"_s, started), workerStarted);

    // podman-compose 1.0.3 parses `up --scale` and ignores it (it starts nothing and exits 0):
    // the action is refused before anything runs, saying so.
    result = runAction(&m_local, api, ContainerActionKind::Scale, 2);
    QVERIFY2(!result.succeeded() &&
                 result.error.startsWith(u"Scale is not supported for podman-compose projects"_s),
             qPrintable(result.error));
    QVERIFY(engineRow(u"shop_api_2"_s, ContainerRuntime::Podman).name.isEmpty());

    // Down removes both containers, up brings both back.
    result = runAction(&m_local, api, ContainerActionKind::ComposeDown);
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + result.error));
    QVERIFY(inspected(*m_podman, u"shop_api_1"_s).isEmpty());
    QVERIFY(inspected(*m_podman, u"shop_worker_1"_s).isEmpty());
    QVERIFY(engineRow(u"shop_api_1"_s, ContainerRuntime::Podman).name.isEmpty());
    result = runAction(&m_local, api, ContainerActionKind::ComposeUp);
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + result.error));
    QCOMPARE(inspected(*m_podman, u"shop_api_1"_s), u"running"_s);
    QCOMPARE(inspected(*m_podman, u"shop_worker_1"_s), u"running"_s);
    QCOMPARE(engineRow(u"shop_worker_1"_s, ContainerRuntime::Podman).project, u"shop"_s);
}

QTEST_GUILESS_MAIN(ContainerPollerTest)
#include "tst_containerpoller.moc"
