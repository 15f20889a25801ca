// SPDX-License-Identifier: GPL-3.0-or-later
// The container list's pure parts: the poll script's framing (read in any chunking), what the
// gate makes of the script and of every action's command, how sources merge into the one list
// (in place, stale rows, placeholders; QAbstractItemModelTester), the filter and its label
// selectors, and the action commands themselves.
#include "models/containers/containeractions.h"
#include "models/containers/containerfilter.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containerpoll.h"
#include "models/containers/containerpoller.h"
#include "models/containers/dockerjson.h"
#include "models/containers/kubernetesjson.h"
#include "models/remote/commandrunner.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::ContainerActionKind)
Q_DECLARE_METATYPE(OpsDeck::Risk)

namespace {

QByteArray sample(const QString &path)
{
    QFile file(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

ContainerRow dockerRow(const QString &name, const QString &state, ContainerCondition condition)
{
    ContainerRow row;
    row.host = u"web1"_s;
    row.runtime = ContainerRuntime::Docker;
    row.name = name;
    row.id = name + u"0123456789abcdef"_s;
    row.state = state;
    row.status = state;
    row.condition = condition;
    return row;
}

ContainerSource dockerSource(const QList<ContainerRow> &rows)
{
    ContainerSource source;
    source.host = u"web1"_s;
    source.runtime = ContainerRuntime::Docker;
    source.state = ContainerSource::State::Ready;
    source.rows = rows;
    return source;
}

ContainerRow podRow()
{
    ContainerRow row;
    row.host = u"bastion"_s;
    row.runtime = ContainerRuntime::Kubernetes;
    row.context = u"prod"_s;
    row.kubeNamespace = u"shop"_s;
    row.name = u"web-7c9f8d-abcde"_s;
    row.project = u"deployment/web"_s;
    row.containers = {u"web"_s, u"istio-proxy"_s};
    row.restarts = 3;
    return row;
}

} // namespace

class ContainerListTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerFramesAnswersInAnyChunking();
    void readerKeepsPagesAndErrorsApart();
    void readerReadsBackOffFrames();
    void backOffIsAboutFiveMinutesAtMost_data();
    void backOffIsAboutFiveMinutesAtMost();
    void pollScriptIsJudgedRead_data();
    void pollScriptIsJudgedRead();
    void hostileSettingsStayData();
    void watchedContexts_data();
    void watchedContexts();
    void onceScriptHasNoLoop();
    void engineRowsCombineInspectAndStats();
    void kubernetesUsageByNamespaceAndName();
    void sourcesUpdateRowsInPlace();
    void failedSourceKeepsRowsAsStale();
    void failedSourceWithoutRowsShowsItsError();
    void labelSelectors_data();
    void labelSelectors();
    void filterByTextConditionAndLabels();
    void sortsTroubleFirst();
    void actionCommands_data();
    void actionCommands();
    void actionsPerRow();
    void logSpecsAndExec();
    void ageTexts_data();
    void ageTexts();
};

void ContainerListTest::readerFramesAnswersInAnyChunking()
{
    const QByteArray output = "\x1e"
                              "absent podman\n"
                              "\x1esection docker ps\n{\"ID\":\"a\"}\n{\"ID\":\"b\"}\n\x1e"
                              "end 0\n"
                              "\x1esection kubernetes top prod cluster\nshop web 5m 10Mi\n\x1e"
                              "end 0\n"
                              "\x1eround\n";
    const auto describe = [](const QList<ContainerPollEvent> &events) {
        QStringList lines;
        for (const ContainerPollEvent &event : events)
            lines.append(u"%1 %2 %3 [%4] %5 %6"_s.arg(int(event.type))
                             .arg(containerRuntimeId(event.runtime),
                                  containerAnswerId(event.answer), event.context,
                                  QString::fromUtf8(event.text))
                             .arg(event.exitStatus));
        return lines;
    };
    ContainerPollReader whole;
    const QStringList expected = describe(whole.feed(output));
    QCOMPARE(expected.size(), 6);
    QCOMPARE(expected.at(0), u"0 podman ps []  0"_s);
    QCOMPARE(expected.at(2), u"3 docker ps [] {\"ID\":\"a\"}\n{\"ID\":\"b\"}\n 0"_s);
    // A context may hold spaces: the rest of the frame line.
    QCOMPARE(expected.at(4), u"3 kubernetes top [prod cluster] shop web 5m 10Mi\n 0"_s);
    for (int size : {1, 2, 7, 64}) {
        ContainerPollReader chunked;
        QList<ContainerPollEvent> events;
        for (qsizetype at = 0; at < output.size(); at += size)
            events += chunked.feed(
                QByteArrayView(output).sliced(at, std::min<qsizetype>(size, output.size() - at)));
        QCOMPARE(describe(events), expected);
    }
}

void ContainerListTest::readerKeepsPagesAndErrorsApart()
{
    ContainerPollReader reader;
    const QList<ContainerPollEvent> events = reader.feed(
        "\x1esection kubernetes pods prod\n{\"kind\":\"PodList\"}\n{\"kind\":\"PodList\",\"x\":1}\n"
        "Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout\n\x1e"
        "end 1\n"
        "stray shell text\n");
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(1).type, ContainerPollEvent::Type::Page);
    QCOMPARE(events.at(2).text, QByteArray("{\"kind\":\"PodList\",\"x\":1}"));
    QCOMPARE(events.at(3).type, ContainerPollEvent::Type::Answer);
    QCOMPARE(events.at(3).exitStatus, 1);
    QVERIFY(events.at(3).text.startsWith("Unable to connect"));
    QCOMPARE(reader.strayText(), u"stray shell text"_s);
}

void ContainerListTest::readerReadsBackOffFrames()
{
    ContainerPollReader reader;
    const QList<ContainerPollEvent> events =
        reader.feed("\x1e"
                    "backoff kubernetes 4 staging eu\n"
                    "\x1eskipped podman 0\n"
                    "\x1eskipped docker many\n" // not a count: not a frame
                    "\x1eround\n");
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).type, ContainerPollEvent::Type::BackOff);
    QCOMPARE(events.at(0).runtime, ContainerRuntime::Kubernetes);
    QCOMPARE(events.at(0).skippedRounds, 4);
    QCOMPARE(events.at(0).context, u"staging eu"_s);
    QCOMPARE(events.at(1).type, ContainerPollEvent::Type::Skipped);
    QCOMPARE(events.at(1).runtime, ContainerRuntime::Podman);
    QCOMPARE(events.at(1).skippedRounds, 0);
    QVERIFY(events.at(1).context.isEmpty());
    QCOMPARE(events.at(2).type, ContainerPollEvent::Type::RoundEnd);
    QVERIFY(reader.strayText().contains(u"skipped docker many"_s));
}

void ContainerListTest::backOffIsAboutFiveMinutesAtMost_data()
{
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("rounds");
    QTest::newRow("default 10 s") << 10 << 29;
    QTest::newRow("1 s") << 1 << 299;
    QTest::newRow("15 s") << 15 << 19;
    QTest::newRow("2 min") << 120 << 1;
    QTest::newRow("10 min: one round still") << 600 << 1;
    QTest::newRow("0 s is 1 s") << 0 << 299;
}

void ContainerListTest::backOffIsAboutFiveMinutesAtMost()
{
    QFETCH(int, interval);
    QFETCH(int, rounds);
    QCOMPARE(containerPollMaxSkippedRounds(interval), rounds);
    ContainerPollOptions options;
    options.intervalSeconds = interval;
    const QString script = containerPollScript({}, options);
    QVERIFY2(
        script.contains(u"-le %1 ] || wait_docker=%2\n"_s.arg(rounds).arg(QString(rounds, u'x'))),
        qPrintable(script));
    // One round has nothing to back off for.
    options.once = true;
    QVERIFY(!containerPollScript({}, options).contains(u"backoff"_s));
}

void ContainerListTest::pollScriptIsJudgedRead_data()
{
    QTest::addColumn<ContainerSettings>("settings");
    QTest::addColumn<bool>("once");
    QTest::newRow("detect everything") << ContainerSettings{} << false;
    ContainerSettings endpoints;
    endpoints.dockerHost = u"unix:///run/user/1000/docker.sock"_s;
    endpoints.podmanUrl = u"unix:///run/podman/podman.sock"_s;
    QTest::newRow("endpoints, once") << endpoints << true;
    ContainerSettings kube;
    kube.runtimes = {u"kubernetes"_s};
    kube.kubeContexts = {u"prod"_s, u"staging eu"_s};
    kube.kubeNamespaces = {u"shop"_s, u"data"_s};
    QTest::newRow("contexts and namespaces") << kube << false;
    ContainerSettings watched;
    watched.runtimes = {u"kubernetes"_s};
    QTest::newRow("current context and watched ones")
        << withWatchedContexts(watched, {u"staging"_s, u"$(touch /tmp/canary)"_s}) << false;
}

void ContainerListTest::pollScriptIsJudgedRead()
{
    QFETCH(ContainerSettings, settings);
    QFETCH(bool, once);
    CommandRequest request;
    ContainerPollOptions options;
    options.once = once;
    request.script = containerPollScript(settings, options);
    const RiskAssessment assessment = CommandRunner::assess(request);
    QVERIFY2(assessment.risk == Risk::Read,
             qPrintable(assessment.reason + u"\n"_s + request.script));
}

void ContainerListTest::hostileSettingsStayData()
{
    // Names from a workspace file are data: quoted, or left out where they cannot be quoted.
    ContainerSettings settings;
    settings.dockerHost = u"unix:///x; touch /tmp/canary"_s;
    settings.kubeContexts = {u"$(touch /tmp/canary)"_s};
    settings.kubeNamespaces = {u"shop/../../x"_s, u"ok"_s};
    const QString script = containerPollScript(settings, {});
    QVERIFY(script.contains(u"'unix:///x; touch /tmp/canary'"_s));
    QVERIFY(script.contains(u"'$(touch /tmp/canary)'"_s));
    QVERIFY(!script.contains(u"shop/../../x"_s));
    QVERIFY(script.contains(u"/api/v1/namespaces/ok/pods"_s));
    CommandRequest request;
    request.script = script;
    QCOMPARE(CommandRunner::assess(request).risk, Risk::Read);
}

void ContainerListTest::watchedContexts_data()
{
    QTest::addColumn<QStringList>("workspace");
    QTest::addColumn<QStringList>("watched");
    QTest::addColumn<QStringList>("polled");
    // An empty entry is the kubeconfig's current context.
    QTest::newRow("nothing watched") << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("current context stays")
        << QStringList{} << QStringList{u"staging"_s} << QStringList{QString(), u"staging"_s};
    QTest::newRow("after the workspace's")
        << QStringList{u"prod"_s} << QStringList{u"staging"_s, u"kind-dev"_s}
        << QStringList{u"prod"_s, u"staging"_s, u"kind-dev"_s};
    QTest::newRow("named twice, polled once")
        << QStringList{u"prod"_s} << QStringList{u"prod"_s, u"staging"_s, u"staging"_s}
        << QStringList{u"prod"_s, u"staging"_s};
}

void ContainerListTest::watchedContexts()
{
    QFETCH(QStringList, workspace);
    QFETCH(QStringList, watched);
    QFETCH(QStringList, polled);
    ContainerSettings settings;
    settings.kubeContexts = workspace;
    const ContainerSettings merged = withWatchedContexts(settings, watched);
    QCOMPARE(merged.kubeContexts, polled);
    const QString script = containerPollScript(merged, {});
    // The current context is asked for once, whatever the list; watched ones are quoted.
    const bool current = workspace.isEmpty();
    QCOMPARE(script.count(u"kubectl config current-context"_s), current ? 1 : 0);
    for (const QString &context : std::as_const(polled)) {
        if (!context.isEmpty())
            QVERIFY2(script.contains(u"section kubernetes pods %s\\n' "_s + context),
                     qPrintable(script));
    }
    // A watched context that is the current one is not read twice.
    if (current && !watched.isEmpty())
        QVERIFY(script.contains(u"elif [ \"$ctx\" = staging ]; then"_s));
}

void ContainerListTest::onceScriptHasNoLoop()
{
    ContainerPollOptions options;
    options.once = true;
    QVERIFY(!containerPollScript({}, options).contains(u"sleep"_s));
    options.once = false;
    options.intervalSeconds = 7;
    QVERIFY(containerPollScript({}, options).contains(u"sleep 7\ndone"_s));
}

void ContainerListTest::engineRowsCombineInspectAndStats()
{
    const ParsedList<ContainerRow> listed =
        parseContainerList(sample(u"docker/ps-20.10.jsonl"_s), ContainerRuntime::Docker, u"h"_s);
    const ParsedList<ContainerRow> inspected = parseContainerInspect(
        sample(u"docker/inspect-20.10.json"_s), ContainerRuntime::Docker, u"h"_s);
    const ParsedList<ContainerUsage> usage =
        parseContainerStats(sample(u"docker/stats-20.10.jsonl"_s), ContainerRuntime::Docker);
    QVERIFY(listed.errors.isEmpty() && inspected.errors.isEmpty() && usage.errors.isEmpty());
    const QList<ContainerRow> rows = combineEngineRows(listed.items, inspected.items, usage.items);
    QCOMPARE(rows.size(), listed.items.size());
    const auto named = [&rows](const QString &name) {
        for (const ContainerRow &row : rows) {
            if (row.name == name)
                return row;
        }
        return ContainerRow();
    };
    // Inspect's knowledge, the list's status words, the stats' numbers.
    QCOMPARE(named(u"hog"_s).reason, u"OOMKilled"_s);
    QVERIFY(named(u"hog"_s).status.startsWith(u"Exited (137)"_s));
    QVERIFY(ContainerListModel::statusText(named(u"hog"_s)).endsWith(u" (OOMKilled)"_s));
    QCOMPARE(ContainerListModel::statusText(named(u"job"_s)), named(u"job"_s).status);
    QVERIFY(named(u"web"_s).memoryBytes > 0);
    QVERIFY(named(u"web"_s).cpuMillicores >= 0);
    QCOMPARE(named(u"sick"_s).reason, u"unhealthy"_s);
    QCOMPARE(named(u"shop_api_1"_s).project, u"shop"_s);
}

void ContainerListTest::kubernetesUsageByNamespaceAndName()
{
    QList<ContainerRow> pods{podRow()};
    applyKubernetesUsage(pods, {{{}, u"web-7c9f8d-abcde"_s, u"other"_s, 900, 1, -1},
                                {{}, u"web-7c9f8d-abcde"_s, u"shop"_s, 250, 64 << 20, -1}});
    QCOMPARE(pods.front().cpuMillicores, 250.0);
    QCOMPARE(pods.front().memoryBytes, qint64(64 << 20));
}

void ContainerListTest::sourcesUpdateRowsInPlace()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ContainerRow> rows{dockerRow(u"a"_s, u"running"_s, ContainerCondition::Running),
                             dockerRow(u"b"_s, u"running"_s, ContainerCondition::Running),
                             dockerRow(u"c"_s, u"exited"_s, ContainerCondition::Stopped)};
    model.updateSource(dockerSource(rows));
    QCOMPARE(model.rowCount(), 3);
    const QPersistentModelIndex b = model.index(model.rowOfKey(rows[1].key()), 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    rows[1].state = u"exited"_s;
    rows[1].condition = ContainerCondition::Failing;
    rows.removeAt(2);
    rows.append(dockerRow(u"d"_s, u"running"_s, ContainerCondition::Running));
    model.updateSource(dockerSource(rows));
    QCOMPARE(changed.size(), 1); // b only; a is unchanged
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QVERIFY(b.isValid());
    QCOMPARE(b.data(ContainerListModel::ConditionRole).toInt(), int(ContainerCondition::Failing));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfKey(rows[2].key()), 2);
}

void ContainerListTest::failedSourceKeepsRowsAsStale()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ContainerRow> rows{dockerRow(u"a"_s, u"running"_s, ContainerCondition::Running)};
    model.updateSource(dockerSource(rows));
    ContainerSource failed = dockerSource(rows);
    failed.state = ContainerSource::State::Failed;
    failed.error = u"Cannot connect to the Docker daemon"_s;
    model.updateSource(failed);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, 0).data(ContainerListModel::StaleRole).toBool());
    QVERIFY(
        model.index(0, ContainerListModel::StatusColumn).data().toString().contains(u"stale"_s));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Cannot connect"_s));

    // Another source's rows are not touched by it.
    ContainerSource other =
        dockerSource({dockerRow(u"z"_s, u"running"_s, ContainerCondition::Running)});
    other.host = u"web2"_s;
    other.rows.front().host = u"web2"_s;
    model.updateSource(other);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.index(1, 0).data(ContainerListModel::StaleRole).toBool());
}

void ContainerListTest::failedSourceWithoutRowsShowsItsError()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ContainerSource failed = dockerSource({});
    failed.runtime = ContainerRuntime::Kubernetes;
    failed.context = u"prod"_s;
    failed.state = ContainerSource::State::Failed;
    failed.error = u"Unable to connect to the server"_s;
    model.updateSource(failed);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.isPlaceholder(0));
    QCOMPARE(model.index(0, ContainerListModel::StatusColumn).data().toString(),
             u"Cannot list: Unable to connect to the server"_s);
    // Once it answers, the placeholder makes way for its rows.
    ContainerSource ready = failed;
    ready.state = ContainerSource::State::Ready;
    ready.error.clear();
    ContainerRow pod = podRow();
    pod.host = failed.host;
    ready.rows = {pod};
    model.updateSource(ready);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.isPlaceholder(0));
    QCOMPARE(model.rowAt(0).name, pod.name);
}

void ContainerListTest::labelSelectors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("matchesWebProd"); // app=web, env=prod, tier=frontend
    QTest::newRow("empty") << QString() << QString() << true;
    QTest::newRow("equals") << u"app=web"_s << QString() << true;
    QTest::newRow("double equals") << u"app==web"_s << QString() << true;
    QTest::newRow("not equals") << u"app!=web"_s << QString() << false;
    QTest::newRow("in") << u"env in (prod, stage)"_s << QString() << true;
    QTest::newRow("notin") << u"env notin (prod)"_s << QString() << false;
    QTest::newRow("exists") << u"tier"_s << QString() << true;
    QTest::newRow("does not exist") << u"!tier"_s << QString() << false;
    QTest::newRow("absent key") << u"team"_s << QString() << false;
    QTest::newRow("not equals absent key") << u"team!=x"_s << QString() << true;
    QTest::newRow("several") << u"app=web, env in (prod),!legacy"_s << QString() << true;
    QTest::newRow("dotted key") << u"app.kubernetes.io/name=web"_s << QString() << false;
    QTest::newRow("missing paren") << u"env in (prod"_s << u"column 13: expected ','"_s << false;
    QTest::newRow("bad operator") << u"app <> web"_s
                                  << u"column 5: expected '=', '!=', 'in' or 'notin'"_s << false;
    QTest::newRow("trailing comma")
        << u"app=web,"_s << u"column 9: expected a label name"_s << false;
}

void ContainerListTest::labelSelectors()
{
    QFETCH(QString, selector);
    QFETCH(QString, error);
    QFETCH(bool, matchesWebProd);
    const LabelSelectorParse parsed = parseLabelSelector(selector);
    QCOMPARE(parsed.error, error);
    QCOMPARE(parsed.selector.has_value(), error.isEmpty());
    if (parsed.selector) {
        const QMap<QString, QString> labels{
            {u"app"_s, u"web"_s}, {u"env"_s, u"prod"_s}, {u"tier"_s, u"frontend"_s}};
        QCOMPARE(parsed.selector->matches(labels), matchesWebProd);
    }
}

void ContainerListTest::filterByTextConditionAndLabels()
{
    ContainerListModel model;
    QList<ContainerRow> rows{dockerRow(u"api"_s, u"running"_s, ContainerCondition::Running),
                             dockerRow(u"worker"_s, u"exited"_s, ContainerCondition::Failing),
                             dockerRow(u"cache"_s, u"running"_s, ContainerCondition::Running)};
    rows[0].labels = {{u"tier"_s, u"front"_s}};
    rows[1].labels = {{u"tier"_s, u"back"_s}};
    rows[1].reason = u"OOMKilled"_s;
    model.updateSource(dockerSource(rows));
    ContainerSource failed = dockerSource({});
    failed.host = u"web2"_s;
    failed.state = ContainerSource::State::Failed;
    failed.error = u"Connection refused"_s;
    model.updateSource(failed);

    ContainerFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), 4);
    filter.setText(u"oomkilled"_s);
    // The failed source's row stays: it says why rows may be missing.
    QCOMPARE(filter.rowCount(), 2);
    filter.setText(u"web1 CACHE"_s);
    QCOMPARE(filter.rowCount(), 2);
    filter.setText({});
    filter.setConditions({ContainerCondition::Failing});
    QCOMPARE(filter.rowCount(), 2);
    filter.setConditions({});
    QCOMPARE(filter.setLabelSelector(u"tier in (front,back)"_s), QString());
    QCOMPARE(filter.rowCount(), 3);
    QCOMPARE(filter.setLabelSelector(u"tier in ("_s), u"column 10: expected a value"_s);
    QCOMPARE(filter.labelSelectorText(), u"tier in (front,back)"_s); // the last good one stays
    QCOMPARE(filter.rowCount(), 3);
}

void ContainerListTest::sortsTroubleFirst()
{
    ContainerListModel model;
    model.updateSource(
        dockerSource({dockerRow(u"a"_s, u"running"_s, ContainerCondition::Running),
                      dockerRow(u"b"_s, u"exited"_s, ContainerCondition::Failing),
                      dockerRow(u"c"_s, u"created"_s, ContainerCondition::Progressing)}));
    ContainerFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(ContainerListModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(filter.index(0, ContainerListModel::NameColumn).data().toString(), u"b"_s);
    QCOMPARE(filter.index(1, ContainerListModel::NameColumn).data().toString(), u"c"_s);
    QCOMPARE(filter.index(2, ContainerListModel::NameColumn).data().toString(), u"a"_s);
}

void ContainerListTest::actionCommands_data()
{
    QTest::addColumn<ContainerRow>("row");
    QTest::addColumn<ContainerActionKind>("kind");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QString>("command"); // the request as the console shows it
    QTest::addColumn<Risk>("judged");

    ContainerRow running = dockerRow(u"web"_s, u"running"_s, ContainerCondition::Running);
    ContainerRow exited = dockerRow(u"job"_s, u"exited"_s, ContainerCondition::Failing);
    ContainerRow podman = running;
    podman.runtime = ContainerRuntime::Podman;
    ContainerRow compose = running;
    compose.project = u"shop"_s;
    compose.service = u"api"_s;
    compose.composeFiles = {u"/srv/shop/docker-compose.yml"_s};
    compose.composeWorkingDirectory = u"/srv/shop"_s;
    const ContainerRow pod = podRow();

    QTest::newRow("docker restart") << running << ContainerActionKind::Restart << -1
                                    << u"docker restart web0123456789abcdef"_s << Risk::Change;
    QTest::newRow("docker stop") << running << ContainerActionKind::Stop << -1
                                 << u"docker stop web0123456789abcdef"_s << Risk::Change;
    QTest::newRow("docker start") << exited << ContainerActionKind::Start << -1
                                  << u"docker start job0123456789abcdef"_s << Risk::Change;
    QTest::newRow("delete running") << running << ContainerActionKind::Delete << -1
                                    << u"docker rm --force web0123456789abcdef"_s << Risk::Destroy;
    QTest::newRow("delete exited") << exited << ContainerActionKind::Delete << -1
                                   << u"docker rm job0123456789abcdef"_s << Risk::Destroy;
    QTest::newRow("podman restart") << podman << ContainerActionKind::Restart << -1
                                    << u"podman restart web0123456789abcdef"_s << Risk::Change;
    QTest::newRow("rollout restart")
        << pod << ContainerActionKind::Restart << -1
        << u"kubectl --context prod -n shop rollout restart deployment/web"_s << Risk::Change;
    QTest::newRow("scale deployment")
        << pod << ContainerActionKind::Scale << 3
        << u"kubectl --context prod -n shop scale deployment/web '--replicas=3'"_s << Risk::Change;
    QTest::newRow("delete pod") << pod << ContainerActionKind::Delete << -1
                                << u"kubectl --context prod -n shop delete pod web-7c9f8d-abcde"_s
                                << Risk::Destroy;
    QTest::newRow("podman compose down")
        <<
        [&] {
            ContainerRow row = compose;
            row.runtime = ContainerRuntime::Podman;
            return row;
        }()
        << ContainerActionKind::ComposeDown << -1
        << u"podman-compose -p shop -f /srv/shop/docker-compose.yml down"_s << Risk::Destroy;
}

void ContainerListTest::actionCommands()
{
    QFETCH(ContainerRow, row);
    QFETCH(ContainerActionKind, kind);
    QFETCH(int, replicas);
    QFETCH(QString, command);
    QFETCH(Risk, judged);
    QString whyNot;
    ContainerActionInput input;
    input.replicas = replicas;
    const std::optional<CommandRequest> request =
        containerActionRequest(row, kind, {}, input, &whyNot);
    QVERIFY2(request, qPrintable(whyNot));
    QCOMPARE(request->displayText(), command);
    // The gate's verdict on the text, and what the action declares: never less than Change.
    QCOMPARE(CommandRunner::assess(*request).risk, judged);
    QVERIFY(request->risk != Risk::Read);
}

void ContainerListTest::actionsPerRow()
{
    const ContainerRow running = dockerRow(u"web"_s, u"running"_s, ContainerCondition::Running);
    QCOMPARE(containerActionsFor(running),
             (QList<ContainerActionKind>{ContainerActionKind::Logs, ContainerActionKind::Restart,
                                         ContainerActionKind::Stop, ContainerActionKind::Delete}));
    ContainerRow compose = running;
    compose.project = u"shop"_s;
    compose.service = u"api"_s;
    const auto composeActions = containerActionsFor(compose);
    QVERIFY(composeActions.contains(ContainerActionKind::Scale));
    QVERIFY(composeActions.contains(ContainerActionKind::ComposeDown));
    // compose restart and scale: v2 where the host has it, v1 otherwise; both judged Change.
    ContainerActionInput input;
    input.replicas = 2;
    const auto scale = containerActionRequest(compose, ContainerActionKind::Scale, {}, input);
    QVERIFY(scale && !scale->script.isEmpty());
    QVERIFY(scale->script.contains(
        u"docker compose -p shop up -d --no-recreate --scale 'api=2' api"_s));
    QVERIFY(scale->script.contains(
        u"docker-compose -p shop up -d --no-recreate --scale 'api=2' api"_s));
    QCOMPARE(CommandRunner::assess(*scale).risk, Risk::Change);
    const auto down = containerActionRequest(compose, ContainerActionKind::ComposeDown, {});
    QVERIFY(down);
    QCOMPARE(CommandRunner::assess(*down).risk, Risk::Destroy);
    QCOMPARE(containerActionTarget(compose, ContainerActionKind::ComposeDown), u"shop"_s);
    // podman-compose 1.0.3 ignores --scale: not offered, and refused saying why.
    ContainerRow podmanCompose = compose;
    podmanCompose.runtime = ContainerRuntime::Podman;
    QVERIFY(!containerActionsFor(podmanCompose).contains(ContainerActionKind::Scale));
    QVERIFY(containerActionsFor(podmanCompose).contains(ContainerActionKind::RestartService));
    QString scaleRefused;
    QVERIFY(!containerActionRequest(podmanCompose, ContainerActionKind::Scale, {}, input,
                                    &scaleRefused));
    QVERIFY2(scaleRefused.startsWith(u"Scale is not supported for podman-compose projects"_s),
             qPrintable(scaleRefused));

    ContainerRow bare = podRow();
    bare.project.clear();
    bare.restarts = 0;
    QCOMPARE(containerActionsFor(bare),
             (QList<ContainerActionKind>{ContainerActionKind::Logs, ContainerActionKind::Delete}));
    QString whyNot;
    QVERIFY(!containerActionRequest(bare, ContainerActionKind::Restart, {}, {}, &whyNot));
    QVERIFY(!whyNot.isEmpty());
    QVERIFY(!containerActionRequest(podRow(), ContainerActionKind::Scale, {}, {}, &whyNot));
    QCOMPARE(whyNot, u"Scale needs the number of replicas"_s);
    ContainerRow job = podRow();
    job.project = u"job/backup-28450"_s;
    QVERIFY(!containerActionsFor(job).contains(ContainerActionKind::Restart));
    QVERIFY(!containerActionsFor(job).contains(ContainerActionKind::Scale));
}

void ContainerListTest::logSpecsAndExec()
{
    ContainerSettings settings;
    settings.dockerHost = u"unix:///run/docker.sock"_s;
    const ContainerRow running = dockerRow(u"web"_s, u"running"_s, ContainerCondition::Running);
    const LiveLogSpec docker = containerLogSpec(running, settings);
    QCOMPARE(
        liveLogCommand(docker).displayText(),
        u"docker -H unix:///run/docker.sock logs -f --timestamps --tail 200 web0123456789abcdef"_s);
    const LiveLogSpec previous = containerLogSpec(podRow(), {}, true);
    QCOMPARE(
        liveLogCommand(previous).displayText(),
        u"kubectl --context prod logs -f --timestamps -n shop -c web --previous '--tail=200' web-7c9f8d-abcde"_s);
    QCOMPARE(CommandRunner::assess(liveLogCommand(previous)).risk, Risk::Read);
    QCOMPARE(containerExecPrefix(podRow(), {}, u"istio-proxy"_s),
             (QStringList{u"kubectl"_s, u"--context"_s, u"prod"_s, u"-n"_s, u"shop"_s, u"exec"_s,
                          u"web-7c9f8d-abcde"_s, u"-c"_s, u"istio-proxy"_s, u"--"_s}));
    QCOMPARE(
        containerExecPrefix(running, settings),
        (QStringList{u"docker"_s, u"-H"_s, u"unix:///run/docker.sock"_s, u"exec"_s, running.id}));
}

void ContainerListTest::ageTexts_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(45) << u"45s"_s;
    QTest::newRow("minutes and seconds") << qint64(5 * 60 + 3) << u"5m3s"_s;
    QTest::newRow("whole minutes") << qint64(7 * 60) << u"7m"_s;
    QTest::newRow("under an hour") << qint64(50 * 60 + 20) << u"50m"_s;
    QTest::newRow("hours and minutes") << qint64(2 * 3600 + 15 * 60) << u"2h15m"_s;
    QTest::newRow("hours") << qint64(20 * 3600 + 59 * 60) << u"20h"_s;
    QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600) << u"3d4h"_s;
    QTest::newRow("days") << qint64(40 * 86400) << u"40d"_s;
    QTest::newRow("years") << qint64(3 * 365 * 86400) << u"3y"_s;
}

void ContainerListTest::ageTexts()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(ContainerListModel::ageText(now.addSecs(-seconds), now), text);
}

QTEST_GUILESS_MAIN(ContainerListTest)
#include "tst_containerlist.moc"
