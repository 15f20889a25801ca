// SPDX-License-Identifier: GPL-3.0-or-later
// The kubectl readers over what real clusters serve (tests/data/containers/kubectl/): a pod list
// in two pages and as `get pods -A -o json` prints it, the STATUS column as kubectl's printer
// composes it, workloads, events, top, contexts, quantities, kubectl's standard error texts,
// and malformed input. The fake kubectl (tests/scripts/fake-kubectl) pages a list as the API
// server does.
#include "models/containers/containeractions.h"
#include "models/containers/kubernetesjson.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::ContainerCondition)
Q_DECLARE_METATYPE(OpsDeck::KubectlFailure::Kind)

namespace {

const QString dataDir = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/kubectl/");

QByteArray sample(const QString &name)
{
    QFile file(dataDir + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QList<ContainerRow> samplePods()
{
    QList<ContainerRow> rows;
    for (const QString &page : {u"pods-page1.json"_s, u"pods-page2.json"_s}) {
        const KubePodPage parsed = parseKubePodList(sample(page), u"bastion"_s, u"prod"_s);
        if (!parsed.errors.isEmpty())
            qWarning() << parsed.errors;
        rows += parsed.rows;
    }
    return rows;
}

ContainerRow podNamed(const QList<ContainerRow> &rows, const QString &kubeNamespace,
                      const QString &name)
{
    for (const ContainerRow &row : rows) {
        if (row.kubeNamespace == kubeNamespace && row.name == name)
            return row;
    }
    return {};
}

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs).toUTC();
}

// A pod from its status alone, for the printer's rarer paths.
QByteArray podJson(const QByteArray &spec, const QByteArray &status,
                   const QByteArray &extraMetadata = {})
{
    return R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"ns","uid":"u")" +
           extraMetadata + R"(},"spec":)" + spec + R"(,"status":)" + status + "}";
}

// QProcess finds the program along this process's PATH: the stand-in comes first there too.
QString fakePath()
{
    static const QByteArray path = [] {
        const QByteArray prefixed =
            OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + qgetenv("PATH");
        qputenv("PATH", prefixed);
        return prefixed;
    }();
    return QString::fromLocal8Bit(path);
}

} // namespace

class TestKubernetesJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pods_data();
    void pods();
    void podDetails();
    void execChoices_data();
    void execChoices();
    void pages();
    void listEqualsPages();
    void printerPaths_data();
    void printerPaths();
    void workloads_data();
    void workloads();
    void events();
    void eventsK8sIo();
    void top();
    void topErrors();
    void contexts();
    void cpuQuantities_data();
    void cpuQuantities();
    void byteQuantities_data();
    void byteQuantities();
    void failures_data();
    void failures();
    void malformed_data();
    void malformed();
    void fakeKubectlPages();
    void fakeKubectlDeleteAndFail();
};

void TestKubernetesJson::pods_data()
{
    QTest::addColumn<QString>("kubeNamespace");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<ContainerCondition>("condition");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("restarts");
    QTest::addColumn<QString>("lastRestartReason");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("image");

    using C = ContainerCondition;
    const auto row = [](const char *ns, const char *name, const char *status, const char *reason,
                        C condition, int ready, int total, int restarts, const char *lastReason,
                        const char *project, const char *node, const char *image) {
        QTest::newRow(name) << QString::fromLatin1(ns) << QString::fromLatin1(name)
                            << QString::fromLatin1(status) << QString::fromLatin1(reason)
                            << condition << ready << total << restarts
                            << QString::fromLatin1(lastReason) << QString::fromLatin1(project)
                            << QString::fromLatin1(node) << QString::fromLatin1(image);
    };
    row("data", "backup-29417760-7xkqz", "Completed", "", C::Stopped, 0, 1, 0, "",
        "job/backup-29417760", "node-a1", "registry.example.com/data/pg-backup:16");
    row("data", "etl-worker-6b7c8d9f5-p3q4r", "OOMKilled", "OOMKilled", C::Failing, 0, 1, 2,
        "OOMKilled", "deployment/etl-worker", "node-b1", "registry.example.com/data/etl:0.9.7");
    row("data", "gpu-infer-6c8d7e9f4-t5u6v", "Pending", "Unschedulable", C::Progressing, 0, 1, 0,
        "", "deployment/gpu-infer", "", "registry.example.com/ml/infer:2.3.1");
    row("data", "postgres-0", "Running", "", C::Running, 2, 2, 1, "Error", "statefulset/postgres",
        "node-a1", "postgres:16.4, quay.io/prometheuscommunity/postgres-exporter:v0.15.0");
    row("data", "redis-1", "Running", "", C::Progressing, 0, 1, 0, "", "statefulset/redis",
        "node-a2", "redis:7.2.5");
    row("data", "report-5c6d7e8f9-e1v2c", "Evicted", "Evicted", C::Failing, 0, 1, 0, "",
        "deployment/report", "node-b1", "registry.example.com/data/report:1.1.0");
    row("data", "schema-migrate-q8w2z", "Error", "Error", C::Failing, 0, 1, 0, "",
        "job/schema-migrate", "node-b1", "registry.example.com/data/migrate:5.0.2");
    row("kube-system", "coredns-5d78c9869d-gbhnw", "Running", "", C::Running, 1, 1, 0, "",
        "deployment/coredns", "node-a2", "registry.k8s.io/coredns/coredns:v1.11.1");
    row("kube-system", "node-exporter-x7k2m", "Running", "", C::Running, 1, 1, 0, "",
        "daemonset/node-exporter", "node-a1", "quay.io/prometheus/node-exporter:v1.8.1");
    row("shop", "api-5d8f7b9c4-k2x7p", "Init:1/2", "", C::Progressing, 0, 1, 0, "",
        "deployment/api", "node-a1", "registry.example.com/shop/api:2.14.0");
    row("shop", "api-5d8f7b9c4-q9w8e", "Init:CrashLoopBackOff", "CrashLoopBackOff", C::Failing, 0,
        1, 4, "Error", "deployment/api", "node-a2", "registry.example.com/shop/api:2.14.0");
    row("shop", "cart-84c6d5f9b-z8r4t", "CrashLoopBackOff", "CrashLoopBackOff", C::Failing, 0, 1, 7,
        "OOMKilled", "deployment/cart", "node-a2", "registry.example.com/shop/cart:3.2.0");
    row("shop", "checkout-6f7d8c9b7-m4n5b", "Running", "", C::Running, 2, 2, 1, "Error",
        "deployment/checkout", "node-b1", "registry.example.com/shop/checkout:1.8.2");
    row("shop", "search-7d4f5c6b8-h7j8k", "ImagePullBackOff", "ImagePullBackOff", C::Failing, 0, 1,
        0, "", "deployment/search", "node-a1", "registry.example.com/shop/search:4.0.0-rc1");
    row("shop", "search-7d4f5c6b8-l9m0n", "ErrImagePull", "ErrImagePull", C::Failing, 0, 1, 0, "",
        "deployment/search", "node-a2", "registry.example.com/shop/search:4.0.0-rc1");
    row("shop", "web-7c9f8d6b5-abcde", "Running", "", C::Running, 1, 1, 0, "", "deployment/web",
        "node-a1", "nginx:1.25.3");
    row("shop", "web-7c9f8d6b5-fghij", "Running", "", C::Running, 1, 1, 0, "", "deployment/web",
        "node-a2", "nginx:1.25.3");
    row("shop", "web-7c9f8d6b5-xr4tq", "Terminating", "", C::Progressing, 1, 1, 0, "",
        "deployment/web", "node-b1", "nginx:1.25.3");
}

void TestKubernetesJson::pods()
{
    QFETCH(QString, kubeNamespace);
    QFETCH(QString, name);
    const QList<ContainerRow> rows = samplePods();
    QCOMPARE(rows.size(), 18);
    const ContainerRow row = podNamed(rows, kubeNamespace, name);
    QCOMPARE(row.name, name);
    QTEST(row.status, "status");
    QTEST(row.reason, "reason");
    QTEST(row.condition, "condition");
    QTEST(row.ready, "ready");
    QTEST(row.readyTotal, "total");
    QTEST(row.restarts, "restarts");
    QTEST(row.lastRestartReason, "lastRestartReason");
    QTEST(row.project, "project");
    QTEST(row.node, "node");
    QTEST(row.image, "image");
    QCOMPARE(row.runtime, ContainerRuntime::Kubernetes);
    QCOMPARE(row.host, u"bastion"_s);
    QCOMPARE(row.context, u"prod"_s);
    QVERIFY(!row.id.isEmpty());
    QVERIFY(row.created.isValid());
}

void TestKubernetesJson::podDetails()
{
    const QList<ContainerRow> rows = samplePods();
    const ContainerRow web = podNamed(rows, u"shop"_s, u"web-7c9f8d6b5-abcde"_s);
    QCOMPARE(web.state, u"Running"_s);
    QCOMPARE(web.containers, QStringList{u"nginx"_s});
    QCOMPARE(web.ports, u"80/TCP"_s);
    QCOMPARE(web.memoryRequestBytes, 64LL * 1024 * 1024);
    QCOMPARE(web.memoryLimitBytes, 128LL * 1024 * 1024);
    QCOMPARE(web.podIp, u"10.244.1.23"_s);
    QCOMPARE(web.created, utc("2026-12-04T09:12:41Z"));
    QCOMPARE(web.labels.value(u"pod-template-hash"_s), u"7c9f8d6b5"_s);
    QCOMPARE(web.id.size(), 36);
    QCOMPARE(web.exitCode, -1);
    QVERIFY(!web.lastRestartTime.isValid());

    const ContainerRow coredns = podNamed(rows, u"kube-system"_s, u"coredns-5d78c9869d-gbhnw"_s);
    QCOMPARE(coredns.ports, u"53/UDP, 53/TCP, 9153/TCP"_s);
    // No memory limit on the node exporter: no pod limit either.
    const ContainerRow exporter = podNamed(rows, u"kube-system"_s, u"node-exporter-x7k2m"_s);
    QCOMPARE(exporter.memoryLimitBytes, -1LL);
    QCOMPARE(exporter.memoryRequestBytes, 30LL * 1024 * 1024);
    // The sidecar counts in requests and limits, not in the containers to pick from.
    const ContainerRow checkout = podNamed(rows, u"shop"_s, u"checkout-6f7d8c9b7-m4n5b"_s);
    QCOMPARE(checkout.containers, QStringList{u"checkout"_s});
    QCOMPARE(checkout.memoryRequestBytes, (32LL + 192) * 1024 * 1024);
    QCOMPARE(checkout.memoryLimitBytes, (64LL + 384) * 1024 * 1024);
    QCOMPARE(checkout.ports, u"2020/TCP, 8080/TCP"_s);
    QCOMPARE(checkout.lastRestartTime, utc("2026-12-06T03:15:01Z"));
    const ContainerRow postgres = podNamed(rows, u"data"_s, u"postgres-0"_s);
    QCOMPARE(postgres.containers, (QStringList{u"postgres"_s, u"exporter"_s}));
    // Running again after a restart: the exit code is the previous instance's.
    QCOMPARE(postgres.exitCode, 1);
    QCOMPARE(checkout.exitCode, 2);

    const ContainerRow cart = podNamed(rows, u"shop"_s, u"cart-84c6d5f9b-z8r4t"_s);
    QCOMPARE(cart.exitCode, 137);
    QCOMPARE(cart.lastRestartTime, utc("2026-12-06T14:29:47Z"));
    const ContainerRow oom = podNamed(rows, u"data"_s, u"etl-worker-6b7c8d9f5-p3q4r"_s);
    QCOMPARE(oom.exitCode, 137);
    QCOMPARE(oom.lastRestartTime, utc("2026-12-06T14:20:29Z"));
    const ContainerRow failedJob = podNamed(rows, u"data"_s, u"schema-migrate-q8w2z"_s);
    QCOMPARE(failedJob.exitCode, 1);
    QCOMPARE(failedJob.state, u"Failed"_s);
    QCOMPARE(podNamed(rows, u"data"_s, u"backup-29417760-7xkqz"_s).exitCode, 0);
    const ContainerRow pending = podNamed(rows, u"data"_s, u"gpu-infer-6c8d7e9f4-t5u6v"_s);
    QVERIFY(pending.podIp.isEmpty());
    QCOMPARE(pending.memoryLimitBytes, 8LL * 1024 * 1024 * 1024);
}

void TestKubernetesJson::execChoices_data()
{
    QTest::addColumn<QString>("kubeNamespace");
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QStringList>("choices");
    QTest::addColumn<bool>("canExec");
    QTest::newRow("one container: no question")
        << u"shop"_s << u"web-7c9f8d6b5-abcde"_s << QStringList{u"nginx"_s} << true;
    QTest::newRow("two containers")
        << u"data"_s << u"postgres-0"_s << QStringList{u"postgres"_s, u"exporter"_s} << true;
    QTest::newRow("native sidecar running") << u"shop"_s << u"checkout-6f7d8c9b7-m4n5b"_s
                                            << QStringList{u"checkout"_s, u"log-shipper"_s} << true;
    // Init:1/2: the migration runs, the app has not started; exec can enter the migration.
    QTest::newRow("init step running")
        << u"shop"_s << u"api-5d8f7b9c4-k2x7p"_s << QStringList{u"api"_s, u"migrate"_s} << true;
    QTest::newRow("init step crash-looping")
        << u"shop"_s << u"api-5d8f7b9c4-q9w8e"_s << QStringList{u"api"_s} << false;
    QTest::newRow("completed job")
        << u"data"_s << u"backup-29417760-7xkqz"_s << QStringList{u"backup"_s} << false;
}

void TestKubernetesJson::execChoices()
{
    QFETCH(QString, kubeNamespace);
    QFETCH(QString, pod);
    QFETCH(QStringList, choices);
    QFETCH(bool, canExec);
    const ContainerRow row = podNamed(samplePods(), kubeNamespace, pod);
    QCOMPARE(row.name, pod);
    QCOMPARE(containerExecChoices(row), choices);
    QCOMPARE(containerCanExec(row), canExec);
    // The chosen container is exec's -c, shell-quoted by the runner like every argument.
    const QStringList prefix = containerExecPrefix(row, {}, choices.last());
    QCOMPARE(prefix.mid(prefix.size() - 3), (QStringList{u"-c"_s, choices.last(), u"--"_s}));
    QCOMPARE(prefix.mid(0, 7), (QStringList{u"kubectl"_s, u"--context"_s, u"prod"_s, u"-n"_s,
                                            kubeNamespace, u"exec"_s, pod}));
}

void TestKubernetesJson::pages()
{
    const KubePodPage first = parseKubePodList(sample(u"pods-page1.json"_s), {}, {});
    QVERIFY(first.errors.isEmpty());
    QCOMPARE(first.rows.size(), 10);
    QVERIFY(!first.continueToken.isEmpty());
    QCOMPARE(first.remainingItemCount, 8LL);
    const KubePodPage last = parseKubePodList(sample(u"pods-page2.json"_s), {}, {});
    QVERIFY(last.errors.isEmpty());
    QCOMPARE(last.rows.size(), 8);
    QVERIFY(last.continueToken.isEmpty());
    QCOMPARE(last.remainingItemCount, -1LL);
}

void TestKubernetesJson::listEqualsPages()
{
    const KubePodPage list = parseKubePodList(sample(u"pods-list.json"_s), u"bastion"_s, u"prod"_s);
    QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.join(u'\n')));
    QVERIFY(list.continueToken.isEmpty());
    QCOMPARE(list.rows, samplePods());
}

void TestKubernetesJson::printerPaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<ContainerCondition>("condition");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("total");

    const QByteArray one = R"({"containers":[{"name":"a","image":"x"}]})";
    const QByteArray twoInits =
        R"({"initContainers":[{"name":"i1","image":"x"},{"name":"i2","image":"x"}],"containers":[{"name":"a","image":"x"}]})";
    using C = ContainerCondition;
    QTest::newRow("init killed by a signal")
        << podJson(
               twoInits,
               R"({"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"terminated":{"exitCode":137,"signal":9}}}]})")
        << u"Init:Signal:9"_s << u"Signal:9"_s << C::Failing << 0 << 1;
    QTest::newRow("init exit code without a reason")
        << podJson(
               twoInits,
               R"({"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"terminated":{"exitCode":0}}},{"name":"i2","state":{"terminated":{"exitCode":3}}}]})")
        << u"Init:ExitCode:3"_s << u"ExitCode:3"_s << C::Failing << 0 << 1;
    QTest::newRow("init waiting PodInitializing counts")
        << podJson(
               twoInits,
               R"({"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"waiting":{"reason":"PodInitializing"}}}]})")
        << u"Init:0/2"_s << u""_s << C::Progressing << 0 << 1;
    QTest::newRow("init CreateContainerConfigError")
        << podJson(
               twoInits,
               R"({"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"waiting":{"reason":"CreateContainerConfigError","message":"secret \"db\" not found"}}}]})")
        << u"Init:CreateContainerConfigError"_s << u"CreateContainerConfigError"_s << C::Failing
        << 0 << 1;
    QTest::newRow("container signal")
        << podJson(
               one,
               R"({"phase":"Running","containerStatuses":[{"name":"a","ready":false,"state":{"terminated":{"exitCode":143,"signal":15}}}]})")
        << u"Signal:15"_s << u"Signal:15"_s << C::Failing << 0 << 1;
    QTest::newRow("container exit code")
        << podJson(
               one,
               R"({"phase":"Running","containerStatuses":[{"name":"a","ready":false,"state":{"terminated":{"exitCode":2}}}]})")
        << u"ExitCode:2"_s << u"ExitCode:2"_s << C::Failing << 0 << 1;
    QTest::newRow("CreateContainerConfigError")
        << podJson(
               one,
               R"({"phase":"Pending","containerStatuses":[{"name":"a","ready":false,"state":{"waiting":{"reason":"CreateContainerConfigError"}}}]})")
        << u"CreateContainerConfigError"_s << u"CreateContainerConfigError"_s << C::Failing << 0
        << 1;
    QTest::newRow("ContainerCreating")
        << podJson(
               one,
               R"({"phase":"Pending","containerStatuses":[{"name":"a","ready":false,"state":{"waiting":{"reason":"ContainerCreating"}}}]})")
        << u"ContainerCreating"_s << u""_s << C::Progressing << 0 << 1;
    // One container completed while another runs: Running when the pod is ready, else NotReady.
    const QByteArray two = R"({"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]})";
    QTest::newRow("completed beside running, ready")
        << podJson(
               two,
               R"({"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}},{"name":"b","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]})")
        << u"Running"_s << u""_s << C::Progressing << 1 << 2;
    QTest::newRow("completed beside running, not ready")
        << podJson(
               two,
               R"({"phase":"Running","conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}},{"name":"b","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]})")
        << u"NotReady"_s << u""_s << C::Progressing << 1 << 2;
    QTest::newRow("node lost")
        << podJson(
               one,
               R"({"phase":"Running","reason":"NodeLost","containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]})",
               R"(,"deletionTimestamp":"2026-12-06T10:00:00Z")")
        << u"Unknown"_s << u"NodeLost"_s << C::Unknown << 1 << 1;
    QTest::newRow("deleted after success stays Completed")
        << podJson(
               one,
               R"({"phase":"Succeeded","containerStatuses":[{"name":"a","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]})",
               R"(,"deletionTimestamp":"2026-12-06T10:00:00Z")")
        << u"Completed"_s << u""_s << C::Stopped << 0 << 1;
    QTest::newRow("scheduling gated")
        << podJson(
               one,
               R"({"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]})")
        << u"SchedulingGated"_s << u""_s << C::Progressing << 0 << 1;
    QTest::newRow("failed without a reason") << podJson(one, R"({"phase":"Failed"})") << u"Failed"_s
                                             << u"Failed"_s << C::Failing << 0 << 1;
    QTest::newRow("no status") << podJson(one, "{}") << u""_s << u""_s << C::Unknown << 0 << 1;
    // A sidecar not yet started blocks like any init container.
    QTest::newRow("sidecar starting")
        << podJson(
               R"({"initContainers":[{"name":"proxy","image":"p","restartPolicy":"Always"}],"containers":[{"name":"a","image":"x"}]})",
               R"({"phase":"Pending","initContainerStatuses":[{"name":"proxy","started":false,"ready":false,"state":{"running":{}}}]})")
        << u"Init:0/1"_s << u""_s << C::Progressing << 0 << 2;
}

void TestKubernetesJson::printerPaths()
{
    QFETCH(QByteArray, json);
    const KubePodPage page = parseKubePodList(json, {}, {});
    QVERIFY2(page.errors.isEmpty(), qPrintable(page.errors.join(u'\n')));
    QCOMPARE(page.rows.size(), 1);
    const ContainerRow &row = page.rows.first();
    QTEST(row.status, "status");
    QTEST(row.reason, "reason");
    QTEST(row.condition, "condition");
    QTEST(row.ready, "ready");
    QTEST(row.readyTotal, "total");
}

void TestKubernetesJson::workloads_data()
{
    QTest::addColumn<QString>("qualifiedName");
    QTest::addColumn<QString>("kubeNamespace");
    QTest::addColumn<int>("desired");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("updated");
    QTest::addColumn<int>("available");
    QTest::addColumn<QString>("images");

    const auto row = [](const char *name, const char *ns, int desired, int ready, int updated,
                        int available, const char *images) {
        QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(ns) << desired
                            << ready << updated << available << QString::fromLatin1(images);
    };
    row("deployment/coredns", "kube-system", 2, 2, 2, 2, "registry.k8s.io/coredns/coredns:v1.11.1");
    row("deployment/web", "shop", 3, 3, 3, 3, "nginx:1.25.3");
    row("deployment/api", "shop", 2, 0, 2, 0, "registry.example.com/shop/api:2.14.0");
    row("deployment/cart", "shop", 1, 0, 1, 0, "registry.example.com/shop/cart:3.2.0");
    row("deployment/checkout", "shop", 1, 1, 1, 1, "registry.example.com/shop/checkout:1.8.2");
    row("deployment/gpu-infer", "data", 0, 0, 0, 0, "registry.example.com/ml/infer:2.3.1");
    row("statefulset/postgres", "data", 1, 1, 1, 1,
        "postgres:16.4, quay.io/prometheuscommunity/postgres-exporter:v0.15.0");
    row("statefulset/redis", "data", 2, 1, 2, 1, "redis:7.2.5");
    row("daemonset/node-exporter", "kube-system", 3, 2, 3, 2,
        "quay.io/prometheus/node-exporter:v1.8.1");
    row("job/backup-29417760", "data", 1, 1, -1, -1, "registry.example.com/data/pg-backup:16");
    row("job/schema-migrate", "data", 1, 0, -1, -1, "registry.example.com/data/migrate:5.0.2");
    row("cronjob/backup", "data", -1, 0, -1, -1, "registry.example.com/data/pg-backup:16");
}

void TestKubernetesJson::workloads()
{
    QFETCH(QString, qualifiedName);
    const ParsedList<KubeWorkload> parsed =
        parseKubeWorkloads(sample(u"workloads.json"_s), u"prod"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.items.size(), 12);
    const auto found =
        std::find_if(parsed.items.begin(), parsed.items.end(),
                     [&](const KubeWorkload &w) { return w.qualifiedName() == qualifiedName; });
    QVERIFY(found != parsed.items.end());
    QTEST(found->kubeNamespace, "kubeNamespace");
    QTEST(found->desired, "desired");
    QTEST(found->ready, "ready");
    QTEST(found->updated, "updated");
    QTEST(found->available, "available");
    QTEST(found->images, "images");
    QCOMPARE(found->context, u"prod"_s);
    QVERIFY(found->created.isValid());
    if (found->kind == u"deployment" && found->name == u"web")
        QCOMPARE(found->selector,
                 (QMap<QString, QString>{{u"app.kubernetes.io/name"_s, u"web"_s}}));
}

void TestKubernetesJson::events()
{
    const ParsedList<ContainerEvent> parsed = parseKubeEvents(sample(u"events.json"_s));
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.items.size(), 10);
    for (qsizetype i = 1; i < parsed.items.size(); ++i)
        QVERIFY(parsed.items.at(i - 1).time >= parsed.items.at(i).time);
    const ContainerEvent &newest = parsed.items.first();
    QCOMPARE(newest.object, u"pod/redis-1"_s);
    QCOMPARE(newest.kubeNamespace, u"data"_s);
    QCOMPARE(newest.reason, u"Unhealthy"_s);
    QCOMPARE(newest.type, u"Warning"_s);
    QCOMPARE(newest.count, 30);
    QCOMPARE(newest.time, utc("2026-12-06T14:35:15Z"));
    // The scheduler's event has only eventTime (microseconds, rounded to milliseconds).
    const auto scheduling =
        std::find_if(parsed.items.begin(), parsed.items.end(),
                     [](const ContainerEvent &e) { return e.reason == u"FailedScheduling"; });
    QVERIFY(scheduling != parsed.items.end());
    QCOMPARE(scheduling->time, utc("2026-12-06T14:32:18.447Z"));
    QCOMPARE(scheduling->object, u"pod/gpu-infer-6c8d7e9f4-t5u6v"_s);
    QCOMPARE(scheduling->count, 1);
    QVERIFY(scheduling->message.startsWith(u"0/3 nodes are available"_s));
    // Events of the same second keep the server's order.
    QCOMPARE(parsed.items.at(8).object, u"job/backup-29417760"_s);
    QCOMPARE(parsed.items.at(9).object, u"cronjob/backup"_s);
    QVERIFY(std::any_of(parsed.items.begin(), parsed.items.end(), [](const ContainerEvent &e) {
        return e.object == u"deployment/web" && e.reason == u"ScalingReplicaSet";
    }));
}

void TestKubernetesJson::eventsK8sIo()
{
    const QByteArray json =
        R"({"kind":"EventList","apiVersion":"events.k8s.io/v1","metadata":{},"items":[
        {"metadata":{"name":"a.1","namespace":"shop"},"eventTime":"2026-12-06T10:00:00.000001Z",
         "series":{"count":5,"lastObservedTime":"2026-12-06T12:00:00.500000Z"},
         "reportingController":"kubelet","reason":"BackOff","regarding":{"kind":"Pod","namespace":"shop","name":"cart-1"},
         "note":"Back-off restarting failed container","type":"Warning"},
        {"metadata":{"name":"b.1","namespace":"shop"},"eventTime":null,"deprecatedLastTimestamp":"2026-12-06T13:00:00Z",
         "reason":"Pulled","regarding":{"kind":"Pod","namespace":"shop","name":"web-1"},"note":"pulled","type":"Normal"}]})";
    const ParsedList<ContainerEvent> parsed = parseKubeEvents(json);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.items.size(), 2);
    QCOMPARE(parsed.items.at(0).object, u"pod/web-1"_s);
    QCOMPARE(parsed.items.at(1).object, u"pod/cart-1"_s);
    QCOMPARE(parsed.items.at(1).count, 5);
    QCOMPARE(parsed.items.at(1).message, u"Back-off restarting failed container"_s);
    QCOMPARE(parsed.items.at(1).time, utc("2026-12-06T12:00:00.500Z"));
}

void TestKubernetesJson::top()
{
    const ParsedList<ContainerUsage> all = parseKubeTop(sample(u"top-pods.txt"_s));
    QVERIFY(all.errors.isEmpty());
    QCOMPARE(all.items.size(), 11);
    const ContainerUsage &postgres = all.items.at(1);
    QCOMPARE(postgres.kubeNamespace, u"data"_s);
    QCOMPARE(postgres.name, u"postgres-0"_s);
    QCOMPARE(postgres.cpuMillicores, 23.0);
    QCOMPARE(postgres.memoryBytes, 412LL * 1024 * 1024);
    QCOMPARE(postgres.memoryLimitBytes, -1LL);

    const ParsedList<ContainerUsage> one = parseKubeTop(sample(u"top-pods-namespace.txt"_s));
    QVERIFY(one.errors.isEmpty());
    QCOMPARE(one.items.size(), 6);
    QVERIFY(one.items.first().kubeNamespace.isEmpty());
    QCOMPARE(one.items.first().name, u"api-5d8f7b9c4-k2x7p"_s);
    QCOMPARE(one.items.first().cpuMillicores, 12.0);
    QCOMPARE(one.items.at(2).memoryBytes, 143LL * 1024 * 1024);

    // With headers (no --no-headers), whole cores and bytes as the API may give them.
    const ParsedList<ContainerUsage> headed =
        parseKubeTop("NAME       CPU(cores)   MEMORY(bytes)\nbusy-1     2            1Gi\n");
    QVERIFY(headed.errors.isEmpty());
    QCOMPARE(headed.items.size(), 1);
    QCOMPARE(headed.items.first().cpuMillicores, 2000.0);
    QCOMPARE(headed.items.first().memoryBytes, 1024LL * 1024 * 1024);
}

void TestKubernetesJson::topErrors()
{
    const ParsedList<ContainerUsage> parsed =
        parseKubeTop("shop web-1 1m 6Mi\nshop web-2 lots 6Mi\nshop web-3 1m\nshop web-4 1m 6Qi\n");
    QCOMPARE(parsed.items.size(), 1);
    QCOMPARE(parsed.errors.size(), 3);
    QVERIFY(parsed.errors.at(0).startsWith(u"line 2:"_s));
    QVERIFY(parsed.errors.at(0).contains(u"lots"_s));
    QVERIFY(parsed.errors.at(1).startsWith(u"line 3:"_s));
    QVERIFY(parsed.errors.at(2).contains(u"6Qi"_s));
}

void TestKubernetesJson::contexts()
{
    QCOMPARE(parseKubeContexts(sample(u"contexts.txt"_s)),
             (QStringList{u"kind-dev"_s, u"prod-eu-west-1"_s, u"staging"_s}));
    QCOMPARE(parseKubeContexts("\n  a \r\nb\n\na\n"), (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(parseKubeContexts("").isEmpty());
}

void TestKubernetesJson::cpuQuantities_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<double>("millicores"); // -1: not a quantity
    QTest::newRow("millicores") << u"250m"_s << 250.0;
    QTest::newRow("cores") << u"2"_s << 2000.0;
    QTest::newRow("fraction") << u"0.5"_s << 500.0;
    QTest::newRow("nanocores") << u"128974848n"_s << 128.974848;
    QTest::newRow("microcores") << u"1500u"_s << 1.5;
    QTest::newRow("exponent") << u"1e-3"_s << 1.0;
    QTest::newRow("zero") << u"0"_s << 0.0;
    QTest::newRow("empty") << u""_s << -1.0;
    QTest::newRow("unit only") << u"m"_s << -1.0;
    QTest::newRow("word") << u"lots"_s << -1.0;
    QTest::newRow("two dots") << u"1.2.3"_s << -1.0;
    QTest::newRow("negative") << u"-1"_s << -1.0;
    QTest::newRow("unknown suffix") << u"5x"_s << -1.0;
}

void TestKubernetesJson::cpuQuantities()
{
    QFETCH(QString, quantity);
    QFETCH(double, millicores);
    const std::optional<double> parsed = parseKubeCpuMillicores(quantity);
    if (millicores < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QVERIFY2(qAbs(*parsed - millicores) < 1e-6, qPrintable(QString::number(*parsed)));
    }
}

void TestKubernetesJson::byteQuantities_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<qint64>("bytes"); // -1: not a quantity
    QTest::newRow("Mi") << u"64Mi"_s << 67108864LL;
    QTest::newRow("Gi") << u"1Gi"_s << 1073741824LL;
    QTest::newRow("fractional Gi") << u"1.5Gi"_s << 1610612736LL;
    QTest::newRow("Ki") << u"87432Ki"_s << 87432LL * 1024;
    QTest::newRow("G") << u"1G"_s << 1000000000LL;
    QTest::newRow("M") << u"128M"_s << 128000000LL;
    QTest::newRow("k") << u"500k"_s << 500000LL;
    QTest::newRow("exponent") << u"129e6"_s << 129000000LL;
    QTest::newRow("E is exa") << u"1E"_s << 1000000000000000000LL;
    QTest::newRow("plain") << u"1048576"_s << 1048576LL;
    QTest::newRow("millibytes round up") << u"1500m"_s << 2LL;
    QTest::newRow("Ti") << u"2Ti"_s << 2LL * 1024 * 1024 * 1024 * 1024;
    QTest::newRow("too large") << u"100Ei"_s << -1LL;
    QTest::newRow("lower-case mi") << u"64mi"_s << -1LL;
    QTest::newRow("space inside") << u"64 Mi"_s << -1LL;
    QTest::newRow("empty") << u""_s << -1LL;
}

void TestKubernetesJson::byteQuantities()
{
    QFETCH(QString, quantity);
    QFETCH(qint64, bytes);
    const std::optional<qint64> parsed = parseKubeBytes(quantity);
    if (bytes < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-1), bytes);
}

void TestKubernetesJson::failures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<KubectlFailure::Kind>("kind");
    QTest::addColumn<QString>("message");
    using K = KubectlFailure::Kind;
    QTest::newRow("connection refused, klog lines first")
        << u"connection-refused.txt"_s << K::Unreachable
        << u"The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?"_s;
    QTest::newRow("unreachable")
        << u"unreachable.txt"_s << K::Unreachable
        << u"Unable to connect to the server: dial tcp 10.0.0.10:6443: connect: connection refused"_s;
    QTest::newRow("no such host")
        << u"no-such-host.txt"_s << K::Unreachable
        << u"Unable to connect to the server: dial tcp: lookup prod-eu-west-1.k8s.example.com on 127.0.0.53:53: no such host"_s;
    QTest::newRow("timeout")
        << u"timeout.txt"_s << K::Unreachable
        << u"Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout"_s;
    QTest::newRow("unauthorized") << u"unauthorized.txt"_s << K::CredentialsExpired
                                  << u"error: You must be logged in to the server (Unauthorized)"_s;
    QTest::newRow("asked for credentials")
        << u"provide-credentials.txt"_s << K::CredentialsExpired
        << u"error: You must be logged in to the server (the server has asked for the client to provide credentials)"_s;
    QTest::newRow("certificate expired")
        << u"certificate-expired.txt"_s << K::CredentialsExpired
        << u"Unable to connect to the server: x509: certificate has expired or is not yet valid: current time 2026-12-06T14:36:02Z is after 2026-11-30T09:34:00Z"_s;
    QTest::newRow("exec plugin failed")
        << u"exec-plugin-failed.txt"_s << K::CredentialsExpired
        << u"Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255"_s;
    QTest::newRow("forbidden")
        << u"forbidden.txt"_s << K::Forbidden
        << uR"(Error from server (Forbidden): pods is forbidden: User "dev@example.com" cannot list resource "pods" in API group "" at the cluster scope)"_s;
    QTest::newRow("forbidden patch")
        << u"forbidden-patch.txt"_s << K::Forbidden
        << uR"(Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:ci:deployer" cannot patch resource "deployments" in API group "apps" in the namespace "shop")"_s;
    QTest::newRow("metrics") << u"metrics-unavailable.txt"_s << K::MetricsUnavailable
                             << u"error: Metrics API not available"_s;
    QTest::newRow("metrics service")
        << u"metrics-service-unavailable.txt"_s << K::MetricsUnavailable
        << u"Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods.metrics.k8s.io)"_s;
    QTest::newRow("context missing") << u"context-missing.txt"_s << K::NotFound
                                     << uR"(error: context "prod-us" does not exist)"_s;
    QTest::newRow("pod not found")
        << u"pod-not-found.txt"_s << K::NotFound
        << uR"(Error from server (NotFound): pods "web-7c9f8d6b5-gone1" not found)"_s;
    QTest::newRow("namespace not found")
        << u"namespace-not-found.txt"_s << K::NotFound
        << uR"(Error from server (NotFound): namespaces "shopp" not found)"_s;
    QTest::newRow("no resource type")
        << u"no-resource-type.txt"_s << K::Other
        << uR"(error: the server doesn't have a resource type "cronjobs")"_s;
}

void TestKubernetesJson::failures()
{
    QFETCH(QString, file);
    const KubectlFailure failure = classifyKubectlFailure(sample(u"errors/"_s + file));
    QTEST(failure.kind, "kind");
    QTEST(failure.message, "message");
}

void TestKubernetesJson::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where"); // a part of the first error
    QTest::newRow("empty") << QByteArray() << u"line 1, column 1"_s;
    QTest::newRow("truncated") << sample(u"pods-page1.json"_s).left(5000) << u"line 1, column"_s;
    QTest::newRow("second line") << QByteArray("{\"items\":[\n  {\"metadata\": }]}") << u"line 2"_s;
    QTest::newRow("array") << QByteArray("[]") << u"JSON object"_s;
    QTest::newRow("items not an array")
        << QByteArray(R"({"kind":"PodList","items":{}})") << u"items"_s;
    QTest::newRow("item not an object")
        << QByteArray(R"({"kind":"PodList","items":[{"metadata":{"name":"a"}},7]})")
        << u"items[1]"_s;
    QTest::newRow("item without a name")
        << QByteArray(R"({"kind":"PodList","items":[{"metadata":{}}]})")
        << u"items[0].metadata.name"_s;
    QTest::newRow("wrong types everywhere")
        << QByteArray(
               R"({"kind":"PodList","metadata":{"continue":5},"items":[{"metadata":{"name":"a","labels":[1],"ownerReferences":"x"},"spec":{"containers":"x","initContainers":[1,null]},"status":{"phase":3,"containerStatuses":[null,{"state":7,"restartCount":"9"}],"initContainerStatuses":{"x":1}}},{"metadata":{"name":"b"}}]})")
        << QString();
    QTest::newRow("a Status")
        << QByteArray(
               R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods is forbidden","reason":"Forbidden","code":403})")
        << u"pods is forbidden"_s;
}

void TestKubernetesJson::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    const KubePodPage page = parseKubePodList(json, {}, {});
    if (where.isEmpty()) {
        // Nonsense types read as absent: rows still come, without a crash.
        QCOMPARE(page.rows.size(), 2);
        QVERIFY(page.continueToken.isEmpty());
    } else {
        QVERIFY(!page.errors.isEmpty());
        QVERIFY2(page.errors.first().contains(where), qPrintable(page.errors.first()));
    }
    // The other JSON readers say where too, and do not crash on the same bytes.
    const ParsedList<KubeWorkload> workloads = parseKubeWorkloads(json, {});
    const ParsedList<ContainerEvent> events = parseKubeEvents(json);
    if (json.isEmpty() || json.startsWith('[')) {
        QVERIFY(!workloads.errors.isEmpty());
        QVERIFY(!events.errors.isEmpty());
    }
}

void TestKubernetesJson::fakeKubectlPages()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString pods = scratch.filePath(u"pods.json"_s);
    QVERIFY(QFile::copy(dataDir + u"pods-list.json"_s, pods));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, fakePath());
    environment.insert(u"OPSDECK_FAKE_KUBECTL_PODS"_s, pods);
    environment.insert(u"OPSDECK_FAKE_KUBECTL_CALLS"_s, scratch.filePath(u"calls"_s));

    const auto kubectl = [&environment](const QStringList &arguments) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(u"kubectl"_s, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            qWarning() << "kubectl" << arguments << process.readAllStandardError();
        return process.readAllStandardOutput();
    };

    QSet<QString> seen;
    QList<qint64> remaining;
    QString token;
    int calls = 0;
    do {
        QString path = u"/api/v1/pods?limit=5"_s;
        if (!token.isEmpty())
            path += u"&continue="_s + token;
        const KubePodPage page =
            parseKubePodList(kubectl({u"--context"_s, u"kind-dev"_s, u"get"_s, u"--raw"_s, path}),
                             {}, u"kind-dev"_s);
        QVERIFY2(page.errors.isEmpty(), qPrintable(page.errors.join(u'\n')));
        QVERIFY(page.rows.size() <= 5);
        for (const ContainerRow &row : page.rows) {
            const QString key = row.kubeNamespace + u'/' + row.name;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
        remaining.append(page.remainingItemCount);
        token = page.continueToken;
        QVERIFY(++calls < 10);
    } while (!token.isEmpty());
    QCOMPARE(seen.size(), 18);
    QCOMPARE(remaining, (QList<qint64>{13, 8, 3, -1}));

    // One namespace, every pod in one answer without a limit.
    const KubePodPage shop = parseKubePodList(
        kubectl({u"get"_s, u"--raw"_s, u"/api/v1/namespaces/shop/pods"_s}), {}, {});
    QCOMPARE(shop.rows.size(), 9);
    QVERIFY(shop.continueToken.isEmpty());
    // `get pods -A -o json` prints the same pods as a List.
    const KubePodPage list =
        parseKubePodList(kubectl({u"get"_s, u"pods"_s, u"-A"_s, u"-o"_s, u"json"_s}), {}, {});
    QCOMPARE(list.rows.size(), 18);
}

void TestKubernetesJson::fakeKubectlDeleteAndFail()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString pods = scratch.filePath(u"pods.json"_s);
    QVERIFY(QFile::copy(dataDir + u"pods-page1.json"_s, pods));
    QVERIFY(QFile::setPermissions(pods, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, fakePath());
    environment.insert(u"OPSDECK_FAKE_KUBECTL_PODS"_s, pods);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(u"kubectl"_s, {u"delete"_s, u"pod"_s, u"redis-1"_s, u"-n"_s, u"data"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput(), QByteArray("pod \"redis-1\" deleted\n"));
    QFile file(pods);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const KubePodPage after = parseKubePodList(file.readAll(), {}, {});
    QCOMPARE(after.rows.size(), 9);
    QVERIFY(podNamed(after.rows, u"data"_s, u"redis-1"_s).name.isEmpty());

    environment.insert(u"OPSDECK_FAKE_KUBECTL_FAIL"_s, u"expired"_s);
    process.setProcessEnvironment(environment);
    process.start(u"kubectl"_s, {u"get"_s, u"pods"_s, u"-A"_s, u"-o"_s, u"json"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(classifyKubectlFailure(process.readAllStandardError()).kind,
             KubectlFailure::Kind::CredentialsExpired);
    environment.insert(u"OPSDECK_FAKE_KUBECTL_FAIL"_s, u"forbidden"_s);
    process.setProcessEnvironment(environment);
    process.start(u"kubectl"_s, {u"top"_s, u"pods"_s, u"-A"_s, u"--no-headers"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(classifyKubectlFailure(process.readAllStandardError()).kind,
             KubectlFailure::Kind::Forbidden);
    environment.remove(u"OPSDECK_FAKE_KUBECTL_FAIL"_s);
    process.setProcessEnvironment(environment);
    process.start(u"kubectl"_s, {u"top"_s, u"pods"_s, u"-A"_s, u"--no-headers"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(classifyKubectlFailure(process.readAllStandardError()).kind,
             KubectlFailure::Kind::MetricsUnavailable);
}

QTEST_GUILESS_MAIN(TestKubernetesJson)
#include "tst_kubernetesjson.moc"
