// SPDX-License-Identifier: GPL-3.0-or-later
// The docker and podman readers over real output: `ps`, `inspect` and `stats` captured from
// docker 20.10 (Debian's CLI), docker 28.2 and podman 4.3 against the container scenarios of
// tests/scripts/container-scenarios.sh (tests/data/containers/); expected rows written by hand
// from those files. Then what the captures lack (published ports, a compose project with two
// files) from hand-written lines in the tools' formats, sizes, verdicts and malformed input.
#include "models/containers/dockerjson.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <tuple>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::ContainerRuntime)
Q_DECLARE_METATYPE(OpsDeck::ContainerCondition)

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template<typename T>
T findNamed(const QList<T> &items, const QString &name)
{
    for (const T &item : items) {
        if (item.name == name)
            return item;
    }
    return T{};
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

constexpr auto Docker = ContainerRuntime::Docker;
constexpr auto Podman = ContainerRuntime::Podman;
constexpr auto Running = ContainerCondition::Running;
constexpr auto Progressing = ContainerCondition::Progressing;
constexpr auto Stopped = ContainerCondition::Stopped;
constexpr auto Failing = ContainerCondition::Failing;

} // namespace

class DockerJsonTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void list_data();
    void list();
    void listCompose_data();
    void listCompose();
    void inspect_data();
    void inspect();
    void inspectCompose();
    void stats_data();
    void stats();
    void portsAndLabels();
    void sizes_data();
    void sizes();
    void conditions_data();
    void conditions();
    void malformed();
};

void DockerJsonTest::list_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ContainerRuntime>("runtime");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("idStart");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("status");
    QTest::addColumn<ContainerCondition>("condition");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("ready");
    QTest::addColumn<QDateTime>("created");

    const QString d20 = u"docker/ps-20.10.jsonl"_s;
    const QString d28 = u"docker/ps-28.2.jsonl"_s;
    const QString p43 = u"podman/ps-4.3.json"_s;
    // docker ps: CreatedAt "2026-12-06 14:43:48 +0000 UTC", whole seconds.
    for (const QString &file : {d20, d28}) {
        const QByteArray v = file.toUtf8();
        QTest::addRow("%s web", v.constData())
            << file << Docker << u"web"_s << u"3fee2c5de09c"_s << u"running"_s
            << (file == d20 ? u"Up 12 seconds"_s : u"Up 15 seconds"_s) << Running << QString() << -1
            << 1 << utc(u"2026-12-06T14:43:48Z"_s);
        QTest::addRow("%s job", v.constData())
            << file << Docker << u"job"_s << u"90351d2069f6"_s << u"exited"_s
            << (file == d20 ? u"Exited (3) 12 seconds ago"_s : u"Exited (3) 14 seconds ago"_s)
            << Failing << u"Error"_s << 3 << 0 << utc(u"2026-12-06T14:43:48Z"_s);
        QTest::addRow("%s sick", v.constData())
            << file << Docker << u"sick"_s << u"0c90e7337882"_s << u"running"_s
            << (file == d20 ? u"Up 11 seconds (unhealthy)"_s : u"Up 14 seconds (unhealthy)"_s)
            << Failing << u"unhealthy"_s << -1 << 0 << utc(u"2026-12-06T14:43:49Z"_s);
        // The list does not know OOMKilled: only the exit code (inspect tells).
        QTest::addRow("%s hog", v.constData())
            << file << Docker << u"hog"_s << u"483cb4eea032"_s << u"exited"_s
            << (file == d20 ? u"Exited (137) 11 seconds ago"_s : u"Exited (137) 13 seconds ago"_s)
            << Failing << u"Error"_s << 137 << 0 << utc(u"2026-12-06T14:43:49Z"_s);
    }
    // Between two restarts (20.10's capture) and while docker waits to restart it (28.2's).
    QTest::newRow("docker 20.10 flapper") << d20 << Docker << u"flapper"_s << u"c1ff51badb2b"_s
                                          << u"running"_s << u"Up Less than a second"_s << Running
                                          << QString() << -1 << 1 << utc(u"2026-12-06T14:43:48Z"_s);
    QTest::newRow("docker 28.2 flapper")
        << d28 << Docker << u"flapper"_s << u"c1ff51badb2b"_s << u"restarting"_s
        << u"Restarting (1) 2 seconds ago"_s << Progressing << u"Restarting"_s << 1 << 0
        << utc(u"2026-12-06T14:43:48Z"_s);

    // podman ps: Created in seconds since the epoch (1796568231 = 2026-12-06T14:43:51Z).
    QTest::newRow("podman web") << p43 << Podman << u"web"_s << u"36af5e03b521"_s << u"running"_s
                                << u"Up 13 seconds ago"_s << Running << QString() << -1 << 1
                                << utc(u"2026-12-06T14:43:51Z"_s);
    QTest::newRow("podman job") << p43 << Podman << u"job"_s << u"428bb0c6b053"_s << u"exited"_s
                                << u"Exited (3) 13 seconds ago"_s << Failing << u"Error"_s << 3 << 0
                                << utc(u"2026-12-06T14:43:52Z"_s);
    QTest::newRow("podman flapper") << p43 << Podman << u"flapper"_s << u"f17f8f4d5307"_s
                                    << u"running"_s << u"Up Less than a second ago"_s << Running
                                    << QString() << -1 << 1 << utc(u"2026-12-06T14:43:52Z"_s);
    QTest::newRow("podman sick") << p43 << Podman << u"sick"_s << u"550dccf0985a"_s << u"running"_s
                                 << u"Up 12 seconds ago (unhealthy)"_s << Failing << u"unhealthy"_s
                                 << -1 << 0 << utc(u"2026-12-06T14:43:52Z"_s);
    QTest::newRow("podman hog") << p43 << Podman << u"hog"_s << u"ffe143e2fc15"_s << u"exited"_s
                                << u"Exited (137) 12 seconds ago"_s << Failing << u"Error"_s << 137
                                << 0 << utc(u"2026-12-06T14:43:53Z"_s);
}

void DockerJsonTest::list()
{
    QFETCH(QString, file);
    QFETCH(ContainerRuntime, runtime);
    QFETCH(QString, name);

    const ParsedList<ContainerRow> parsed = parseContainerList(sample(file), runtime, u"db1"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.items.size(), 7);
    const ContainerRow row = findNamed(parsed.items, name);
    QCOMPARE(row.name, name);
    QCOMPARE(row.host, u"db1"_s);
    QCOMPARE(row.runtime, runtime);
    QFETCH(QString, idStart);
    QVERIFY2(row.id.startsWith(idStart), qPrintable(row.id));
    QCOMPARE(row.id.size(), 64);
    QCOMPARE(row.image, u"localhost/opsdeck-busybox:1"_s);
    QTEST(row.state, "state");
    QTEST(row.status, "status");
    QTEST(row.condition, "condition");
    QTEST(row.reason, "reason");
    QTEST(row.exitCode, "exitCode");
    QTEST(row.ready, "ready");
    QCOMPARE(row.readyTotal, 1);
    QTEST(row.created, "created");
    QVERIFY(row.project.isEmpty());
    QVERIFY(row.labels.isEmpty());
    QCOMPARE(row.restarts, -1); // only inspect counts them
}

void DockerJsonTest::listCompose_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ContainerRuntime>("runtime");
    QTest::addColumn<QString>("directory");
    QTest::newRow("docker 20.10") << u"docker/ps-20.10.jsonl"_s << Docker << u"/tmp/dkf/shop"_s;
    QTest::newRow("docker 28.2") << u"docker/ps-28.2.jsonl"_s << Docker << u"/tmp/dkf/shop"_s;
    QTest::newRow("podman 4.3") << u"podman/ps-4.3.json"_s << Podman << u"/tmp/pmf/shop"_s;
}

void DockerJsonTest::listCompose()
{
    QFETCH(QString, file);
    QFETCH(ContainerRuntime, runtime);
    QFETCH(QString, directory);

    const ParsedList<ContainerRow> parsed = parseContainerList(sample(file), runtime, u"db1"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    for (const QString &service : {u"api"_s, u"worker"_s}) {
        const ContainerRow row = findNamed(parsed.items, u"shop_"_s + service + u"_1"_s);
        QCOMPARE(row.project, u"shop"_s);
        QCOMPARE(row.service, service);
        QCOMPARE(row.composeWorkingDirectory, directory);
        QCOMPARE(row.composeFiles, QStringList{u"docker-compose.yml"_s});
        QCOMPARE(row.labels.value(u"com.docker.compose.container-number"_s), u"1"_s);
        QCOMPARE(row.condition, Running);
        QCOMPARE(row.ready, 1);
    }
}

void DockerJsonTest::inspect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ContainerRuntime>("runtime");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("status");
    QTest::addColumn<ContainerCondition>("condition");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("restarts");
    QTest::addColumn<QDateTime>("lastRestartTime");
    QTest::addColumn<QString>("lastRestartReason");
    QTest::addColumn<qint64>("memoryLimit");
    QTest::addColumn<QDateTime>("created");

    const QString d20 = u"docker/inspect-20.10.json"_s;
    const QString d28 = u"docker/inspect-28.2.json"_s;
    const QString p43 = u"podman/inspect-4.3.json"_s;
    for (const QString &file : {d20, d28}) {
        const QByteArray v = file.toUtf8();
        QTest::addRow("%s web", v.constData())
            << file << Docker << u"web"_s << u"running"_s << u"Up"_s << Running << QString() << -1
            << 1 << 0 << QDateTime() << QString() << qint64(-1)
            << utc(u"2026-12-06T14:43:48.204Z"_s);
        QTest::addRow("%s job", v.constData())
            << file << Docker << u"job"_s << u"exited"_s << u"Exited (3)"_s << Failing << u"Error"_s
            << 3 << 0 << 0 << QDateTime() << QString() << qint64(-1)
            << utc(u"2026-12-06T14:43:48.533Z"_s);
        QTest::addRow("%s sick", v.constData())
            << file << Docker << u"sick"_s << u"running"_s << u"Up (unhealthy)"_s << Failing
            << u"unhealthy"_s << -1 << 0 << 0 << QDateTime() << QString() << qint64(-1)
            << utc(u"2026-12-06T14:43:49.110Z"_s);
        QTest::addRow("%s hog", v.constData())
            << file << Docker << u"hog"_s << u"exited"_s << u"Exited (137)"_s << Failing
            << u"OOMKilled"_s << 137 << 0 << 0 << QDateTime() << QString()
            << qint64(8 * 1024 * 1024) << utc(u"2026-12-06T14:43:49.372Z"_s);
    }
    QTest::newRow("docker 20.10 flapper")
        << d20 << Docker << u"flapper"_s << u"running"_s << u"Up"_s << Running << QString() << -1
        << 1 << 6 << utc(u"2026-12-06T14:43:57.089Z"_s) << QString() << qint64(-1)
        << utc(u"2026-12-06T14:43:48.847Z"_s);
    QTest::newRow("docker 28.2 flapper")
        << d28 << Docker << u"flapper"_s << u"restarting"_s << u"Restarting (1)"_s << Progressing
        << u"Restarting"_s << 1 << 0 << 7 << utc(u"2026-12-06T14:44:01.081Z"_s) << u"Error"_s
        << qint64(-1) << utc(u"2026-12-06T14:43:48.847Z"_s);

    QTest::newRow("podman web") << p43 << Podman << u"web"_s << u"running"_s << u"Up"_s << Running
                                << QString() << -1 << 1 << 0 << QDateTime() << QString()
                                << qint64(-1) << utc(u"2026-12-06T14:43:51.885Z"_s);
    QTest::newRow("podman job") << p43 << Podman << u"job"_s << u"exited"_s << u"Exited (3)"_s
                                << Failing << u"Error"_s << 3 << 0 << 0 << QDateTime() << QString()
                                << qint64(-1) << utc(u"2026-12-06T14:43:52.140Z"_s);
    // podman 4.3 restarts at once, without docker's growing delay: it is up most of the time.
    QTest::newRow("podman flapper")
        << p43 << Podman << u"flapper"_s << u"running"_s << u"Up"_s << Running << QString() << -1
        << 1 << 19 << utc(u"2026-12-06T14:44:05.415Z"_s) << QString() << qint64(-1)
        << utc(u"2026-12-06T14:43:52.583Z"_s);
    QTest::newRow("podman sick") << p43 << Podman << u"sick"_s << u"running"_s
                                 << u"Up (unhealthy)"_s << Failing << u"unhealthy"_s << -1 << 0 << 0
                                 << QDateTime() << QString() << qint64(-1)
                                 << utc(u"2026-12-06T14:43:52.845Z"_s);
    // conmon 2.1.6 writes its OOM marker where podman 4.3 does not read it: only the 137.
    QTest::newRow("podman hog") << p43 << Podman << u"hog"_s << u"exited"_s << u"Exited (137)"_s
                                << Failing << u"Error"_s << 137 << 0 << 0 << QDateTime()
                                << QString() << qint64(8 * 1024 * 1024)
                                << utc(u"2026-12-06T14:43:53.150Z"_s);
}

void DockerJsonTest::inspect()
{
    QFETCH(QString, file);
    QFETCH(ContainerRuntime, runtime);
    QFETCH(QString, name);

    const ParsedList<ContainerRow> parsed = parseContainerInspect(sample(file), runtime, u"h"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    QCOMPARE(parsed.items.size(), 7);
    const ContainerRow row = findNamed(parsed.items, name);
    QCOMPARE(row.name, name);
    QCOMPARE(row.host, u"h"_s);
    QCOMPARE(row.id.size(), 64);
    QCOMPARE(row.image, u"localhost/opsdeck-busybox:1"_s);
    QTEST(row.state, "state");
    QTEST(row.status, "status");
    QTEST(row.condition, "condition");
    QTEST(row.reason, "reason");
    QTEST(row.exitCode, "exitCode");
    QTEST(row.ready, "ready");
    QTEST(row.restarts, "restarts");
    QTEST(row.lastRestartTime, "lastRestartTime");
    QTEST(row.lastRestartReason, "lastRestartReason");
    QTEST(row.memoryLimitBytes, "memoryLimit");
    QTEST(row.created, "created");
    QVERIFY(row.ports.isEmpty()); // --network none
}

void DockerJsonTest::inspectCompose()
{
    for (const auto &[file, runtime, directory] :
         {std::tuple{u"docker/inspect-20.10.json"_s, Docker, u"/tmp/dkf/shop"_s},
          std::tuple{u"podman/inspect-4.3.json"_s, Podman, u"/tmp/pmf/shop"_s}}) {
        const ParsedList<ContainerRow> parsed = parseContainerInspect(sample(file), runtime, {});
        const ContainerRow row = findNamed(parsed.items, u"shop_worker_1"_s);
        QCOMPARE(row.project, u"shop"_s);
        QCOMPARE(row.service, u"worker"_s);
        QCOMPARE(row.composeWorkingDirectory, directory);
        QCOMPARE(row.composeFiles, QStringList{u"docker-compose.yml"_s});
        QCOMPARE(row.condition, Running);
    }
}

void DockerJsonTest::stats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ContainerRuntime>("runtime");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("millicores");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("limit");

    const qint64 dockerHost = qint64(std::llround(23.54 * 1024 * 1024 * 1024));
    QTest::newRow("docker 20.10 sick")
        << u"docker/stats-20.10.jsonl"_s << Docker << 5 << u"sick"_s
        << u"0c90e733788200b3d6ab8d08ee89937297a36add16eaa4fbd19c8eed413ffed5"_s << 14.2
        << qint64(436 * 1024) << dockerHost;
    QTest::newRow("docker 28.2 shop_worker_1")
        << u"docker/stats-28.2.jsonl"_s << Docker << 5 << u"shop_worker_1"_s
        << u"526ed4493130b33343040a6ef9de3d0836242425d7e786219937eb22f3045de5"_s << 0.1
        << qint64(448 * 1024) << dockerHost;
    // Between two restarts: nothing in use, no limit known.
    QTest::newRow("docker 20.10 flapper")
        << u"docker/stats-20.10.jsonl"_s << Docker << 5 << u"flapper"_s
        << u"c1ff51badb2b79a31a365530e301cead7640925bbdc7e53c4211454c732dc4e7"_s << 0.0 << qint64(0)
        << qint64(-1);
    // podman: decimal units, 12-digit IDs, and its stopped containers too.
    QTest::newRow("podman flapper")
        << u"podman/stats-4.3.json"_s << Podman << 7 << u"flapper"_s << u"f17f8f4d5307"_s << 145.3
        << qint64(704500) << qint64(25280000000);
    QTest::newRow("podman web") << u"podman/stats-4.3.json"_s << Podman << 7 << u"web"_s
                                << u"36af5e03b521"_s << 3.0 << qint64(466900)
                                << qint64(25280000000);
    QTest::newRow("podman hog") << u"podman/stats-4.3.json"_s << Podman << 7 << u"hog"_s
                                << u"ffe143e2fc15"_s << 0.0 << qint64(0) << qint64(-1);
}

void DockerJsonTest::stats()
{
    QFETCH(QString, file);
    QFETCH(ContainerRuntime, runtime);
    QFETCH(QString, name);
    QFETCH(double, millicores);

    const ParsedList<ContainerUsage> parsed = parseContainerStats(sample(file), runtime);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
    QTEST(int(parsed.items.size()), "count");
    const ContainerUsage usage = findNamed(parsed.items, name);
    QCOMPARE(usage.name, name);
    QTEST(usage.id, "id");
    QVERIFY2(qAbs(usage.cpuMillicores - millicores) < 1e-6,
             qPrintable(QString::number(usage.cpuMillicores)));
    QTEST(usage.memoryBytes, "memory");
    QTEST(usage.memoryLimitBytes, "limit");
}

void DockerJsonTest::portsAndLabels()
{
    // The captures run without a network; these lines follow what docker 20.10 and podman 4.3
    // print for published ports and a compose project with an override file.
    const QByteArray dockerLine =
        R"({"ID":"aa11","Names":"proxy","Image":"nginx:1.25","State":"running","Status":"Up 2 hours",)"
        R"("Ports":"0.0.0.0:8080->80/tcp, :::8080->80/tcp, 443/tcp","CreatedAt":"2026-12-06 15:43:50 +0100 CET",)"
        R"("Labels":"com.docker.compose.project.config_files=compose.yml,compose.override.yml,)"
        R"(com.docker.compose.project=edge,com.docker.compose.service=proxy"})";
    const ParsedList<ContainerRow> docker = parseContainerList(dockerLine, Docker, {});
    QVERIFY2(docker.errors.isEmpty(), qPrintable(docker.errors.join(u'\n')));
    QCOMPARE(docker.items.size(), 1);
    const ContainerRow &proxy = docker.items.first();
    QCOMPARE(proxy.ports, u"0.0.0.0:8080->80/tcp, :::8080->80/tcp, 443/tcp"_s);
    QCOMPARE(proxy.composeFiles, (QStringList{u"compose.yml"_s, u"compose.override.yml"_s}));
    QCOMPARE(proxy.project, u"edge"_s);
    QCOMPARE(proxy.service, u"proxy"_s);
    QCOMPARE(proxy.created, utc(u"2026-12-06T14:43:50Z"_s));

    const QByteArray podmanList =
        R"([{"Id":"bb22","Names":["proxy"],"Image":"nginx","State":"running","Status":"Up 2 hours ago",)"
        R"("ExitCode":0,"Created":1796568231,"Labels":{"io.podman.compose.project":"edge",)"
        R"("io.podman.compose.service":"proxy"},"Ports":[{"host_ip":"","container_port":80,)"
        R"("host_port":8080,"range":1,"protocol":"tcp"},{"host_ip":"127.0.0.1",)"
        R"("container_port":5000,"host_port":15000,"range":2,"protocol":"udp"}]}])";
    const ParsedList<ContainerRow> podman = parseContainerList(podmanList, Podman, {});
    QVERIFY2(podman.errors.isEmpty(), qPrintable(podman.errors.join(u'\n')));
    QCOMPARE(podman.items.size(), 1);
    QCOMPARE(podman.items.first().ports,
             u"0.0.0.0:8080->80/tcp, 127.0.0.1:15000-15001->5000-5001/udp"_s);
    QCOMPARE(podman.items.first().project, u"edge"_s);
    QCOMPARE(podman.items.first().service, u"proxy"_s);

    const QByteArray inspect =
        R"([{"Id":"cc33","Name":"/proxy","Config":{"Image":"nginx"},"State":{"Status":"paused"},)"
        R"("NetworkSettings":{"Ports":{"443/tcp":null,"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},)"
        R"({"HostIp":"::","HostPort":"8080"}]}}}])";
    const ParsedList<ContainerRow> inspected = parseContainerInspect(inspect, Docker, {});
    QVERIFY2(inspected.errors.isEmpty(), qPrintable(inspected.errors.join(u'\n')));
    QCOMPARE(inspected.items.first().ports, u"443/tcp, 0.0.0.0:8080->80/tcp, :::8080->80/tcp"_s);
    QCOMPARE(inspected.items.first().status, u"Up (Paused)"_s);
    QCOMPARE(inspected.items.first().condition, Stopped);
    QCOMPARE(inspected.items.first().ready, 0);
}

void DockerJsonTest::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("bytes") << u"0B"_s << qint64(0);
    QTest::newRow("KiB") << u"448KiB"_s << qint64(448 * 1024);
    QTest::newRow("MiB fraction") << u"1.5MiB"_s << qint64(1536 * 1024);
    QTest::newRow("GiB") << u"23.54GiB"_s << qint64(std::llround(23.54 * 1024 * 1024 * 1024));
    QTest::newRow("kB") << u"466.9kB"_s << qint64(466900);
    QTest::newRow("GB") << u" 25.28GB "_s << qint64(25280000000);
    QTest::newRow("bare number") << u"512"_s << qint64(512);
    QTest::newRow("unknown unit") << u"3 parsecs"_s << qint64(-1);
    QTest::newRow("dashes") << u"--"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("negative") << u"-1MiB"_s << qint64(-1);
    QTest::newRow("huge") << u"99999999999PiB"_s << qint64(-1);
}

void DockerJsonTest::sizes()
{
    QFETCH(QString, text);
    QTEST(parseContainerSize(text), "bytes");
}

void DockerJsonTest::conditions_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("oomKilled");
    QTest::addColumn<QString>("health");
    QTest::addColumn<ContainerCondition>("condition");
    QTest::newRow("running") << u"running"_s << -1 << false << QString() << Running;
    QTest::newRow("running healthy") << u"running"_s << -1 << false << u"healthy"_s << Running;
    QTest::newRow("health starting") << u"running"_s << -1 << false << u"starting"_s << Progressing;
    QTest::newRow("unhealthy") << u"running"_s << -1 << false << u"unhealthy"_s << Failing;
    QTest::newRow("created") << u"created"_s << -1 << false << QString() << Progressing;
    QTest::newRow("restarting") << u"restarting"_s << 1 << false << QString() << Progressing;
    QTest::newRow("exited 0") << u"exited"_s << 0 << false << QString() << Stopped;
    QTest::newRow("exited 3") << u"exited"_s << 3 << false << QString() << Failing;
    QTest::newRow("podman stopped") << u"stopped"_s << 0 << false << QString() << Stopped;
    QTest::newRow("oom") << u"exited"_s << 137 << true << QString() << Failing;
    QTest::newRow("paused") << u"paused"_s << -1 << false << QString() << Stopped;
    QTest::newRow("dead") << u"dead"_s << -1 << false << QString() << Failing;
    QTest::newRow("capitals") << u"Running"_s << -1 << false << QString() << Running;
    QTest::newRow("unknown") << u"wobbly"_s << -1 << false << QString()
                             << ContainerCondition::Unknown;
}

void DockerJsonTest::conditions()
{
    QFETCH(QString, state);
    QFETCH(int, exitCode);
    QFETCH(bool, oomKilled);
    QFETCH(QString, health);
    QTEST(containerConditionFor(state, exitCode, oomKilled, health), "condition");
}

void DockerJsonTest::malformed()
{
    // docker's lines: a broken one, a non-object and one without identity; the rest is read.
    QByteArray lines = sample(u"docker/ps-20.10.jsonl"_s);
    QList<QByteArray> split = lines.split('\n');
    split.insert(1, R"({"ID": "x", "Names": )");
    split.insert(3, "[1, 2]");
    split.insert(5, R"({"Status": "Up"})");
    const ParsedList<ContainerRow> list = parseContainerList(split.join('\n'), Docker, {});
    QCOMPARE(list.items.size(), 7);
    QCOMPARE(list.errors.size(), 3);
    QVERIFY2(list.errors.at(0).startsWith(u"line 2: "_s), qPrintable(list.errors.at(0)));
    QVERIFY2(list.errors.at(1).startsWith(u"line 4: "_s), qPrintable(list.errors.at(1)));
    QVERIFY2(list.errors.at(2).startsWith(u"line 6: "_s), qPrintable(list.errors.at(2)));

    // An inspect array with a non-object and an item without Id.
    const ParsedList<ContainerRow> inspect = parseContainerInspect(
        R"([{"Id":"a","Name":"/a","State":{"Status":"running"}}, 7, {}])", Docker, {});
    QCOMPARE(inspect.items.size(), 1);
    QCOMPARE(inspect.errors.size(), 2);
    QVERIFY2(inspect.errors.at(0).startsWith(u"item 2: "_s), qPrintable(inspect.errors.at(0)));
    QVERIFY2(inspect.errors.at(1).startsWith(u"item 3: "_s), qPrintable(inspect.errors.at(1)));

    // A cut-off array says where it broke; nothing is made up.
    const QByteArray podman = sample(u"podman/ps-4.3.json"_s);
    const ParsedList<ContainerRow> cut =
        parseContainerList(podman.left(podman.size() / 2), Podman, {});
    QVERIFY(cut.items.isEmpty());
    QCOMPARE(cut.errors.size(), 1);
    QVERIFY2(cut.errors.first().startsWith(u"offset "_s), qPrintable(cut.errors.first()));

    // Stats with words where numbers go.
    const ParsedList<ContainerUsage> stats =
        parseContainerStats(R"({"ID":"a","Name":"a","CPUPerc":"lots","MemUsage":"some / more"})"
                            "\n"
                            R"({"ID":"b","Name":"b","CPUPerc":"--","MemUsage":"-- / --"})",
                            Docker);
    QCOMPARE(stats.items.size(), 2);
    QCOMPARE(stats.items.at(0).cpuMillicores, -1.0);
    QCOMPARE(stats.items.at(0).memoryBytes, qint64(-1));
    QCOMPARE(stats.errors.size(), 2);
    QVERIFY2(stats.errors.at(0).startsWith(u"line 1: "_s), qPrintable(stats.errors.at(0)));
    QCOMPARE(stats.items.at(1).cpuMillicores, -1.0);

    // Empty output is no containers, not an error; a flood of garbage is capped.
    QVERIFY(parseContainerList({}, Docker, {}).errors.isEmpty());
    QByteArray garbage;
    for (int i = 0; i < 500; ++i)
        garbage += "{\n";
    const ParsedList<ContainerRow> flood = parseContainerList(garbage, Docker, {});
    QVERIFY(flood.items.isEmpty());
    QCOMPARE(flood.errors.size(), 51);
}

QTEST_GUILESS_MAIN(DockerJsonTest)
#include "tst_dockerjson.moc"
