// SPDX-License-Identifier: GPL-3.0-or-later
// The Containers page's models: the details readers over captured inspect and pod JSON (secrets
// masked), the events of one pod, the source tree and the grouping proxy (each under
// QAbstractItemModelTester, with rows changing, arriving and leaving).

#include "containersources.h"
#include "models/containers/containerdetails.h"
#include "models/containers/containerfilter.h"
#include "models/containers/containergroupmodel.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containersourcesmodel.h"
#include "models/core/secretvalues.h"
#include "models/remote/commandrunner.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// One pod of the captured list, as `kubectl get pod NAME -o json` prints it.
QByteArray podJson(const QString &name)
{
    const QJsonArray items =
        QJsonDocument::fromJson(readFile(ContainerSources::dataPath(u"kubectl/pods-list.json"_s)))
            .object()["items"_L1]
            .toArray();
    for (const QJsonValue &item : items) {
        if (item["metadata"_L1]["name"_L1].toString() == name)
            return QJsonDocument(item.toObject()).toJson();
    }
    return {};
}

QStringList column(const ContainerDetailTable &table, int index)
{
    QStringList values;
    for (const QStringList &row : table.rows)
        values.append(row.value(index));
    return values;
}

} // namespace

class ContainerPageModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectSections_data();
    void inspectSections();
    void podSections_data();
    void podSections();
    void secretsAreMasked();
    void unreadableJsonSaysWhere();
    void eventsOfOnePod();
    void readRequests();
    void describeSecretsAreMasked_data();
    void describeSecretsAreMasked();
    void sourceTree();
    void groupModel();
    void groupModelKeepsSelectionAcrossRefresh();
    void scopeFilter();
};

void ContainerPageModelsTest::inspectSections_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("containers");
    QTest::addColumn<int>("environment");
    QTest::addColumn<QString>("firstVariable");
    QTest::addColumn<QString>("hogMemoryLimit");

    QTest::newRow("docker 28.2") << u"docker/inspect-28.2.json"_s << 7 << 0 << QString()
                                 << u"8Mi"_s;
    QTest::newRow("docker 20.10") << u"docker/inspect-20.10.json"_s << 7 << 0 << QString()
                                  << u"8Mi"_s;
    QTest::newRow("podman 4.3") << u"podman/inspect-4.3.json"_s << 7 << 28 << u"PATH"_s << u"8Mi"_s;
}

void ContainerPageModelsTest::inspectSections()
{
    QFETCH(QString, file);
    QFETCH(int, containers);
    QFETCH(int, environment);
    QFETCH(QString, firstVariable);
    QFETCH(QString, hogMemoryLimit);
    const ContainerDetailSections sections =
        containerDetailsFromInspect(readFile(ContainerSources::dataPath(file)));
    QVERIFY2(sections.error.isEmpty(), qPrintable(sections.error));
    QVERIFY(sections.prettyJson.startsWith(u"[\n"));
    QCOMPARE(sections.resources.rows.size(), containers);
    QCOMPARE(sections.resources.headers.size(), 5);
    QCOMPARE(sections.environment.rows.size(), environment);
    if (!firstVariable.isEmpty())
        QCOMPARE(sections.environment.rows.first().value(1), firstVariable);
    const int hog = int(column(sections.resources, 0).indexOf(u"hog"_s));
    QVERIFY(hog >= 0);
    QCOMPARE(sections.resources.rows[hog].value(4), hogMemoryLimit);
}

void ContainerPageModelsTest::podSections_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QStringList>("ports");
    QTest::addColumn<QStringList>("cpuRequests");
    QTest::addColumn<QStringList>("memoryLimits");
    QTest::addColumn<QString>("firstMountSource");

    QTest::newRow("statefulset with a sidecar")
        << u"postgres-0"_s << QStringList{u"5432 (postgres)"_s, u"9187 (metrics)"_s}
        << QStringList{u"500m"_s, u"10m"_s} << QStringList{u"2Gi"_s, u"64Mi"_s} << QString();
    QTest::newRow("coredns, UDP and TCP")
        << u"coredns-5d78c9869d-gbhnw"_s
        << QStringList{u"53 (dns)"_s, u"53 (dns-tcp)"_s, u"9153 (metrics)"_s}
        << QStringList{u"100m"_s} << QStringList{u"170Mi"_s} << QString();
    QTest::newRow("cron job without ports")
        << u"backup-29417760-7xkqz"_s << QStringList{} << QStringList{QString()}
        << QStringList{u"512Mi"_s} << u"projected"_s;
}

void ContainerPageModelsTest::podSections()
{
    QFETCH(QString, pod);
    QFETCH(QStringList, ports);
    QFETCH(QStringList, cpuRequests);
    QFETCH(QStringList, memoryLimits);
    QFETCH(QString, firstMountSource);
    const QByteArray json = podJson(pod);
    QVERIFY(!json.isEmpty());
    const ContainerDetailSections sections = containerDetailsFromPod(json);
    QVERIFY2(sections.error.isEmpty(), qPrintable(sections.error));
    QVERIFY(sections.prettyJson.contains(pod));
    QCOMPARE(column(sections.ports, 1), ports);
    QCOMPARE(column(sections.resources, 1), cpuRequests);
    QCOMPARE(column(sections.resources, 4), memoryLimits);
    if (!firstMountSource.isEmpty()) {
        QVERIFY(!sections.mounts.rows.isEmpty());
        QCOMPARE(sections.mounts.rows.first().value(1), firstMountSource);
        QCOMPARE(sections.mounts.rows.first().value(3), u"ro"_s);
    }
}

void ContainerPageModelsTest::secretsAreMasked()
{
    const QByteArray pod = R"({"kind":"Pod","metadata":{"name":"api"},"spec":{"containers":[{
        "name":"api","env":[
          {"name":"DB_PASSWORD","value":"hunter2"},
          {"name":"DATABASE_URL","value":"postgres://app:s3cret@db/app"},
          {"name":"LOG_LEVEL","value":"debug"},
          {"name":"API_TOKEN","valueFrom":{"secretKeyRef":{"name":"api","key":"token"}}}],
        "envFrom":[{"secretRef":{"name":"api-env"}}]}]}})";
    const ContainerDetailSections sections = containerDetailsFromPod(pod);
    QCOMPARE(
        column(sections.environment, 1),
        (QStringList{u"DB_PASSWORD"_s, u"DATABASE_URL"_s, u"LOG_LEVEL"_s, u"API_TOKEN"_s, u"*"_s}));
    QCOMPARE(sections.environment.rows[0].value(2), SecretMask.toString());
    QCOMPARE(sections.environment.rows[1].value(2), SecretMask.toString());
    QCOMPARE(sections.environment.rows[2].value(2), u"debug"_s);
    QVERIFY(sections.environment.rows[3].value(2).contains(u"secret api"_s));
    // The Inspect tab shows the whole JSON: the values are masked there too.
    QVERIFY(!sections.prettyJson.contains(u"hunter2"_s));
    QVERIFY(!sections.prettyJson.contains(u"s3cret"_s));
    QVERIFY(sections.prettyJson.contains(u"debug"_s));

    const QByteArray inspect =
        R"([{"Name":"/web","Config":{"Env":["GITHUB_TOKEN=ghp_abc123","MODE=prod"]}}])";
    const ContainerDetailSections engine = containerDetailsFromInspect(inspect);
    QCOMPARE(engine.environment.rows[0],
             (QStringList{u"web"_s, u"GITHUB_TOKEN"_s, SecretMask.toString()}));
    QCOMPARE(engine.environment.rows[1], (QStringList{u"web"_s, u"MODE"_s, u"prod"_s}));
    QVERIFY(!engine.prettyJson.contains(u"ghp_abc123"_s));
}

void ContainerPageModelsTest::unreadableJsonSaysWhere()
{
    QVERIFY(containerDetailsFromInspect("[{\"Name\": ").error.startsWith(u"offset"_s));
    QVERIFY(!containerDetailsFromPod("not json").error.isEmpty());
}

void ContainerPageModelsTest::eventsOfOnePod()
{
    const QList<ContainerEvent> all =
        parseKubeEvents(readFile(ContainerSources::dataPath(u"kubectl/events.json"_s))).items;
    QVERIFY(all.size() >= 10);
    const QList<ContainerEvent> mine = containerEventsFor(all, u"web-7c9f8d6b5-xr4tq"_s);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().object, u"pod/web-7c9f8d6b5-xr4tq"_s);
    QVERIFY(containerEventsFor(all, u"no-such-pod"_s).isEmpty());
}

void ContainerPageModelsTest::readRequests()
{
    ContainerRow pod;
    pod.runtime = ContainerRuntime::Kubernetes;
    pod.context = u"prod"_s;
    pod.kubeNamespace = u"shop"_s;
    pod.name = u"web-1"_s;
    ContainerSettings settings;
    settings.dockerHost = u"unix:///run/user/1000/docker.sock"_s;
    QCOMPARE(containerInspectRequest(pod, settings).argv,
             (QStringList{u"kubectl"_s, u"--context"_s, u"prod"_s, u"get"_s, u"pod"_s, u"web-1"_s,
                          u"-n"_s, u"shop"_s, u"-o"_s, u"json"_s}));
    QCOMPARE(containerEventsRequest(pod)->argv,
             (QStringList{u"kubectl"_s, u"--context"_s, u"prod"_s, u"get"_s, u"events"_s, u"-n"_s,
                          u"shop"_s, u"-o"_s, u"json"_s}));
    ContainerRow container;
    container.runtime = ContainerRuntime::Docker;
    container.name = u"web"_s;
    container.id = u"0123abcd"_s;
    QCOMPARE(containerInspectRequest(container, settings).argv,
             (QStringList{u"docker"_s, u"-H"_s, settings.dockerHost, u"container"_s, u"inspect"_s,
                          u"0123abcd"_s}));
    QVERIFY(!containerEventsRequest(container));

    // Describe: the pod with its events, a Read like the others; docker and podman have none.
    QCOMPARE(containerDescribeRequest(pod)->argv,
             (QStringList{u"kubectl"_s, u"--context"_s, u"prod"_s, u"-n"_s, u"shop"_s,
                          u"describe"_s, u"pod"_s, u"web-1"_s}));
    QCOMPARE(CommandRunner::assess(*containerDescribeRequest(pod)).risk, Risk::Read);
    // A name the shell would read is quoted by the runner (shellQuote), as every argument.
    ContainerRow hostile = pod;
    hostile.name = u"web;rm -rf ~"_s;
    hostile.context = u"$(id)"_s;
    QCOMPARE(containerDescribeRequest(hostile)->displayText(),
             u"kubectl --context '$(id)' -n shop describe pod 'web;rm -rf ~'"_s);
    QVERIFY(!containerDescribeRequest(container));
}

void ContainerPageModelsTest::describeSecretsAreMasked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    // The Environment section as kubectl describe prints each kind of variable.
    const QString environment =
        u"    Environment:\n"
        "      DB_HOST:              postgres.data.svc\n"
        "      DB_PASSWORD:          hunter2-very-secret\n"
        "      API_TOKEN:            <set to the key 'token' in secret 'api'>  Optional: false\n"
        "      POD_NAME:             web-1 (v1:metadata.name)\n"
        "      CACHE_URL:            redis://:s3cret@redis.data.svc:6379/0\n"
        "    Mounts:\n"
        "      /etc/keys from keys (ro)\n"_s;
    QTest::newRow("environment")
        << environment
        << u"    Environment:\n"
           "      DB_HOST:              postgres.data.svc\n"
           "      DB_PASSWORD:          ********\n"
           "      API_TOKEN:            <set to the key 'token' in secret 'api'>  Optional: false\n"
           "      POD_NAME:             web-1 (v1:metadata.name)\n"
           "      CACHE_URL:            ********\n"
           "    Mounts:\n"
           "      /etc/keys from keys (ro)\n"_s;
    // Outside Environment a secret-sounding name is kubectl's own (a volume's SecretName).
    QTest::newRow("volume secret name")
        << u"  creds:\n    Type:        Secret (a volume populated by a Secret)\n"
           "    SecretName:  db-creds\n    Optional:    false\n"_s
        << u"  creds:\n    Type:        Secret (a volume populated by a Secret)\n"
           "    SecretName:  db-creds\n    Optional:    false\n"_s;
    QTest::newRow("command and args")
        << u"    Command:\n      /app/server\n    Args:\n      --db-password=hunter2-very-secret\n"
           "      --listen=:8080\n"_s
        << u"    Command:\n      /app/server\n    Args:\n      --db-password=********\n"
           "      --listen=:8080\n"_s;
    QTest::newRow("environment from")
        << u"    Environment Variables from:\n      shop-config  ConfigMap  Optional: false\n"
           "    Environment:   <none>\n"_s
        << u"    Environment Variables from:\n      shop-config  ConfigMap  Optional: false\n"
           "    Environment:   <none>\n"_s;
    const QString cart =
        QString::fromUtf8(readFile(ContainerSources::dataPath(
                              u"kubectl/describe/pod-shop-cart-84c6d5f9b-z8r4t.txt"_s)))
            .section(u'\n', 4);
    QTest::newRow("crash-looping pod") << cart << cart;
}

void ContainerPageModelsTest::describeSecretsAreMasked()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(maskDescribeSecrets(text), shown);
}

void ContainerPageModelsTest::sourceTree()
{
    ContainerListModel list;
    ContainerSourcesModel sources;
    QAbstractItemModelTester tester(&sources,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    sources.setListModel(&list);
    QCOMPARE(sources.rowCount(), 0);

    ContainerSource loading = ContainerSources::kubernetes(u"k8s-admin"_s, u"prod"_s);
    loading.state = ContainerSource::State::Loading;
    loading.rows = loading.rows.mid(0, 5);
    loading.loaded = 5;
    loading.expected = 18;
    list.updateSource(loading);
    list.updateSource(ContainerSources::docker(u"web-1"_s));
    list.updateSource(ContainerSources::stalePodman(u"web-1"_s));
    list.updateSource(ContainerSources::absent(u"k8s-admin"_s, ContainerRuntime::Docker));

    QCOMPARE(sources.rowCount(), 2);
    const QModelIndex admin = sources.index(0, 0);
    const QModelIndex web = sources.index(1, 0);
    QCOMPARE(admin.data().toString(), u"k8s-admin"_s);
    QCOMPARE(web.data().toString(), u"web-1 (1 failing)"_s);
    QCOMPARE(sources.rowCount(admin), 2);
    QCOMPARE(sources.index(0, 0, admin).data().toString(), u"Docker — not installed"_s);
    QCOMPARE(sources.index(1, 0, admin).data().toString(),
             u"Kubernetes prod — loading, 5 of 18 loaded"_s);
    const QModelIndex docker = sources.indexOfSource(ContainerSources::docker(u"web-1"_s).key());
    QVERIFY(docker.data().toString().startsWith(u"Docker — ready, 7 row(s), updated "_s));
    const QModelIndex podman = sources.index(1, 0, web);
    QVERIFY(podman.data().toString().startsWith(u"Podman — failed: Cannot connect"_s));
    QCOMPARE(podman.data(ContainerSourcesModel::StateRole).toInt(),
             int(ContainerSource::State::Failed));
    QVERIFY(web.data(Qt::ToolTipRole).toString().contains(u"connection refused"_s));

    // The cluster finishes loading: the node changes in place, and says which contexts of the
    // kubeconfig are not listed.
    const QPersistentModelIndex cluster = sources.index(1, 0, admin);
    ContainerSource ready = ContainerSources::kubernetes(u"k8s-admin"_s, u"prod"_s);
    ready.availableContexts = {u"prod"_s, u"staging"_s, u"kind-dev"_s};
    list.updateSource(ready);
    QCOMPARE(cluster.row(), 1);
    QVERIFY(cluster.data().toString().startsWith(u"Kubernetes prod — ready, 18 row(s)"_s));
    QVERIFY2(cluster.data(Qt::ToolTipRole)
                 .toString()
                 .contains(u"Also in the kubeconfig: staging, kind-dev"_s),
             qPrintable(cluster.data(Qt::ToolTipRole).toString()));
    QVERIFY(!docker.data(Qt::ToolTipRole).toString().contains(u"kubeconfig"_s));

    list.removeHost(u"web-1"_s);
    QCOMPARE(sources.rowCount(), 1);
    list.clear();
    QCOMPARE(sources.rowCount(), 0);
}

void ContainerPageModelsTest::groupModel()
{
    ContainerListModel list;
    ContainerFilterModel filter;
    filter.setSourceModel(&list);
    ContainerGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModel(&filter);
    groups.setGrouping(ContainerGroupModel::Grouping::Host);
    list.updateSource(ContainerSources::docker(u"web-1"_s));
    list.updateSource(ContainerSources::kubernetes(u"k8s-admin"_s, u"prod"_s));
    list.updateSource(ContainerSources::failedDocker(u"k8s-admin"_s));
    filter.sort(ContainerListModel::NameColumn);

    QCOMPARE(groups.rowCount(), 2);
    const QModelIndex admin = groups.index(0, 0);
    QCOMPARE(admin.data(ContainerGroupModel::GroupKeyRole).toString(), u"k8s-admin"_s);
    QCOMPARE(admin.data().toString(), u"k8s-admin (19)"_s);
    QCOMPARE(groups.rowCount(admin), 19);
    // The failed source's placeholder makes the group's worst condition Failing.
    QCOMPARE(admin.data(ContainerListModel::ConditionRole).toInt(),
             int(ContainerCondition::Failing));
    QCOMPARE(groups.rowCount(groups.index(1, 0)), 7);
    // Rows inside follow the sort.
    const QModelIndex first = groups.index(0, ContainerListModel::NameColumn, groups.index(1, 0));
    QCOMPARE(first.data().toString(), u"flapper"_s);
    QCOMPARE(groups.mapToSource(first).data().toString(), u"flapper"_s);

    groups.setGrouping(ContainerGroupModel::Grouping::Namespace);
    QStringList keys;
    for (int row = 0; row < groups.rowCount(); ++row)
        keys.append(groups.index(row, 0).data(ContainerGroupModel::GroupKeyRole).toString());
    QCOMPARE(keys, (QStringList{u"k8s-admin / data"_s, u"k8s-admin / kube-system"_s,
                                u"k8s-admin / shop"_s, QString(), QString()}
                        .mid(0, 3) +
                    QStringList{QString()}));
    QCOMPARE(groups.index(3, 0).data().toString(), u"No namespace (8)"_s);

    groups.setGrouping(ContainerGroupModel::Grouping::Project);
    QVERIFY(groups.rowCount() > 3);
    groups.setGrouping(ContainerGroupModel::Grouping::None);
    QCOMPARE(groups.rowCount(), list.rowCount());
    QCOMPARE(groups.rowCount(groups.index(0, 0)), 0);

    // Sources change under every grouping: the tester checks each step.
    groups.setGrouping(ContainerGroupModel::Grouping::Host);
    filter.setText(u"web"_s);
    QVERIFY(groups.rowCount() >= 1);
    filter.setText({});
    list.removeHost(u"web-1"_s);
    QCOMPARE(groups.rowCount(), 1);
    list.updateSource(ContainerSources::docker(u"web-1"_s));
    QCOMPARE(groups.rowCount(), 2);
}

void ContainerPageModelsTest::groupModelKeepsSelectionAcrossRefresh()
{
    ContainerListModel list;
    ContainerFilterModel filter;
    filter.setSourceModel(&list);
    ContainerGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModel(&filter);
    groups.setGrouping(ContainerGroupModel::Grouping::Project);
    ContainerSource source = ContainerSources::kubernetes(u"k8s-admin"_s, u"prod"_s);
    list.updateSource(source);
    filter.sort(ContainerListModel::StatusColumn);

    const int at = list.rowOfKey(source.rows[3].key());
    const QPersistentModelIndex selected =
        groups.mapFromSource(filter.mapFromSource(list.index(at, 0)));
    QVERIFY(selected.isValid());
    const QString name = source.rows[3].name;

    // One other row changes its status (and so its place in the sort), one row leaves.
    source.rows[0].status = u"CrashLoopBackOff"_s;
    source.rows[0].condition = ContainerCondition::Failing;
    source.rows.removeLast();
    list.updateSource(source);
    QVERIFY(selected.isValid());
    QCOMPARE(
        QModelIndex(selected).siblingAtColumn(ContainerListModel::NameColumn).data().toString(),
        name);

    // The selected row itself moves to another group: the index follows it.
    source.rows[3].project = u"deployment/elsewhere"_s;
    list.updateSource(source);
    QVERIFY(selected.isValid());
    QCOMPARE(
        QModelIndex(selected).siblingAtColumn(ContainerListModel::NameColumn).data().toString(),
        name);
    QCOMPARE(selected.parent().data(ContainerGroupModel::GroupKeyRole).toString(),
             u"k8s-admin / deployment/elsewhere"_s);

    // A group's worst condition follows its rows, worked out once after the burst of changes
    // (sorted by name, the rows change in place: no layout change rebuilds the groups).
    filter.sort(ContainerListModel::NameColumn);
    const auto coredns = [&] {
        for (int row = 0; row < groups.rowCount(); ++row) {
            const QModelIndex group = groups.index(row, 0);
            if (group.data(ContainerGroupModel::GroupKeyRole) ==
                u"k8s-admin / deployment/coredns"_s)
                return group;
        }
        return QModelIndex();
    };
    QCOMPARE(coredns().data(ContainerListModel::ConditionRole).toInt(),
             int(ContainerCondition::Running));
    QSignalSpy changed(&groups, &QAbstractItemModel::dataChanged);
    for (ContainerRow &row : source.rows) {
        if (row.project == u"deployment/coredns")
            row.condition = ContainerCondition::Failing;
    }
    list.updateSource(source);
    QTRY_COMPARE(coredns().data(ContainerListModel::ConditionRole).toInt(),
                 int(ContainerCondition::Failing));
    QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &signal) {
        return signal.at(0).toModelIndex() == coredns();
    }));
}

void ContainerPageModelsTest::scopeFilter()
{
    ContainerListModel list;
    ContainerFilterModel filter;
    filter.setSourceModel(&list);
    list.updateSource(ContainerSources::docker(u"web-1"_s));
    list.updateSource(ContainerSources::stalePodman(u"web-1"_s));
    list.updateSource(ContainerSources::kubernetes(u"k8s-admin"_s, u"prod"_s));
    QCOMPARE(filter.rowCount(), 7 + 7 + 18);
    filter.setScope(u"web-1"_s);
    QCOMPARE(filter.rowCount(), 14);
    filter.setScope(u"web-1"_s, ContainerSources::stalePodman(u"web-1"_s).key());
    QCOMPARE(filter.rowCount(), 7);
    filter.setScope({});
    QCOMPARE(filter.rowCount(), 32);
}

QTEST_GUILESS_MAIN(ContainerPageModelsTest)
#include "tst_containerpagemodels.moc"
