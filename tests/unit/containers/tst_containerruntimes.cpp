// SPDX-License-Identifier: GPL-3.0-or-later
// The docker and podman readers against the real engines (run as root): a throwaway dockerd
// (tests/scripts/docker-fixture.sh) and podman (tests/scripts/podman-fixture.sh), each in its
// own directory, with the scenarios of tests/scripts/container-scenarios.sh in them: web
// running, job exited 3, flapper restarting, sick unhealthy, hog OOM-killed and the compose
// project shop. `ps`, `inspect` and `stats` run through QProcess and their output is read.
#include "containerfixture.h"
#include "models/containers/dockerjson.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ContainerFixture::Engine)

namespace {

const ContainerRow *findNamed(const QList<ContainerRow> &rows, const QString &name)
{
    for (const ContainerRow &row : rows) {
        if (row.name == name)
            return &row;
    }
    return nullptr;
}

QString describe(const ContainerRow &row)
{
    return u"%1: state %2, status '%3', condition %4, reason '%5', exit %6, restarts %7"_s.arg(
        row.name, row.state, row.status, containerConditionId(row.condition), row.reason,
        QString::number(row.exitCode), QString::number(row.restarts));
}

} // namespace

class ContainerRuntimesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ContainerFixture> m_docker;
    std::unique_ptr<ContainerFixture> m_podman;
    QString m_dockerError;
    QString m_dockerSkip; // why docker cannot run here, when it cannot
    QString m_podmanSkip;
    QString m_podmanError;

    // Starts the engine and its scenarios; empty when it is ready, else why not.
    static QString start(std::unique_ptr<ContainerFixture> &fixture,
                         ContainerFixture::Engine engine)
    {
        QElapsedTimer timer;
        timer.start();
        fixture = std::make_unique<ContainerFixture>(engine);
        if (!fixture->ok())
            return u"the fixture did not start: "_s + fixture->error();
        const qint64 started = timer.elapsed();
        QString error;
        const QStringList names = fixture->startScenarios(&error);
        if (names.isEmpty())
            return error;
        qInfo("%s: engine up in %lld ms, scenarios settled in %lld ms",
              qPrintable(fixture->engineId()), started, timer.elapsed() - started);
        return {};
    }

    ContainerFixture *fixture(ContainerFixture::Engine engine)
    {
        const bool docker = engine == ContainerFixture::Engine::Docker;
        const QString &error = docker ? m_dockerError : m_podmanError;
        if (!error.isEmpty())
            return nullptr;
        return docker ? m_docker.get() : m_podman.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the container engines run as root");
        QVERIFY2(QFileInfo::exists(u"/usr/sbin/dockerd"_s) ||
                     QFileInfo::exists(u"/usr/bin/dockerd"_s),
                 "dockerd is not installed (installer/packages.txt: docker.io, role test)");
        m_dockerError = start(m_docker, ContainerFixture::Engine::Docker);
        m_podmanError = start(m_podman, ContainerFixture::Engine::Podman);
        // In a chroot dockerd cannot unpack images (docker-fixture.sh says why): docker's rows
        // are skipped there, saying so; podman's still run.
        if (m_dockerError.contains(u"unsupported here"_s))
            m_dockerSkip = m_dockerError.trimmed();
        else
            QVERIFY2(m_dockerError.isEmpty(), qPrintable(u"docker: "_s + m_dockerError));
        if (m_podmanError.contains(u"unsupported here"_s))
            m_podmanSkip = m_podmanError.trimmed();
        else
            QVERIFY2(m_podmanError.isEmpty(), qPrintable(u"podman: "_s + m_podmanError));
    }

    void cleanupTestCase()
    {
        m_docker.reset();
        m_podman.reset();
    }

    void scenarios_data()
    {
        QTest::addColumn<ContainerFixture::Engine>("engine");
        QTest::addColumn<QString>("program");
        QTest::addColumn<ContainerRuntime>("runtime");
        // Debian's docker 20.10 CLI is what a fresh machine has; a newer one on PATH is
        // what this machine also has, and both must read the same.
        QTest::newRow("docker 20.10 (Debian)")
            << ContainerFixture::Engine::Docker << u"/usr/bin/docker"_s << ContainerRuntime::Docker;
        if (QFileInfo::exists(u"/usr/local/bin/docker"_s))
            QTest::newRow("docker (/usr/local/bin)")
                << ContainerFixture::Engine::Docker << u"/usr/local/bin/docker"_s
                << ContainerRuntime::Docker;
        QTest::newRow("podman") << ContainerFixture::Engine::Podman << u"podman"_s
                                << ContainerRuntime::Podman;
    }

    void scenarios()
    {
        QFETCH(ContainerFixture::Engine, engine);
        QFETCH(QString, program);
        QFETCH(ContainerRuntime, runtime);
        const bool docker = engine == ContainerFixture::Engine::Docker;
        if (docker && !m_dockerSkip.isEmpty())
            QSKIP(qPrintable(m_dockerSkip));
        if (!docker && !m_podmanSkip.isEmpty())
            QSKIP(qPrintable(m_podmanSkip));
        ContainerFixture *engineFixture = fixture(engine);
        QVERIFY(engineFixture);
        QString error;

        // docker restarts flapper after a delay that doubles each time: after a few
        // restarts it sits in "restarting" most of the time, which is what the list shows.
        if (docker) {
            QTRY_COMPARE_WITH_TIMEOUT(
                QString::fromUtf8(engineFixture
                                      ->run(program, {u"inspect"_s, u"--format"_s,
                                                      u"{{.State.Status}}"_s, u"flapper"_s})
                                      .trimmed()),
                u"restarting"_s, 30000);
        }

        const QByteArray listOutput =
            docker
                ? engineFixture->run(
                      program, {u"ps"_s, u"-a"_s, u"--no-trunc"_s, u"--format"_s, u"{{json .}}"_s},
                      &error)
                : engineFixture->run(program, {u"ps"_s, u"-a"_s, u"--format"_s, u"json"_s}, &error);
        QVERIFY2(!listOutput.isEmpty(), qPrintable(error));
        const ParsedList<ContainerRow> list = parseContainerList(listOutput, runtime, u"local"_s);
        QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.join(u'\n')));
        QCOMPARE(list.items.size(), 7);

        QStringList ids;
        for (const ContainerRow &row : list.items)
            ids.append(row.id);
        const QByteArray inspectOutput =
            engineFixture->run(program, QStringList{u"inspect"_s} + ids, &error);
        QVERIFY2(!inspectOutput.isEmpty(), qPrintable(error));
        const ParsedList<ContainerRow> inspect =
            parseContainerInspect(inspectOutput, runtime, u"local"_s);
        QVERIFY2(inspect.errors.isEmpty(), qPrintable(inspect.errors.join(u'\n')));
        QCOMPARE(inspect.items.size(), 7);
        for (const ContainerRow &row : inspect.items) {
            const ContainerRow *listed = findNamed(list.items, row.name);
            QVERIFY2(listed, qPrintable(row.name));
            QCOMPARE(row.id, listed->id);
            QCOMPARE(row.image, engineFixture->image());
        }

        const auto check = [&](const QString &name) {
            const ContainerRow *row = findNamed(inspect.items, name);
            return row ? *row : ContainerRow{};
        };
        const ContainerRow web = check(u"web"_s);
        QVERIFY2(web.condition == ContainerCondition::Running && web.reason.isEmpty() &&
                     web.ready == 1,
                 qPrintable(describe(web)));
        const ContainerRow job = check(u"job"_s);
        QVERIFY2(job.condition == ContainerCondition::Failing && job.reason == u"Error"_s &&
                     job.exitCode == 3,
                 qPrintable(describe(job)));
        const ContainerRow sick = check(u"sick"_s);
        QVERIFY2(sick.condition == ContainerCondition::Failing && sick.reason == u"unhealthy"_s &&
                     sick.ready == 0,
                 qPrintable(describe(sick)));
        const ContainerRow hog = check(u"hog"_s);
        QVERIFY2(hog.condition == ContainerCondition::Failing && hog.exitCode == 137 &&
                     hog.memoryLimitBytes == 8 * 1024 * 1024,
                 qPrintable(describe(hog)));
        // dockerd records the kernel's OOM kill when containerd's OOM event reaches it before
        // the exit (not always: then it knows only the 137); podman 4.3 never does, as it does
        // not read the marker conmon 2.1.6 writes (into its working directory).
        QVERIFY2(hog.reason == u"OOMKilled"_s || hog.reason == u"Error"_s,
                 qPrintable(describe(hog)));
        const ContainerRow flapper = check(u"flapper"_s);
        QVERIFY2(flapper.restarts > 0 && flapper.lastRestartTime.isValid(),
                 qPrintable(describe(flapper)));
        // podman 4.3 restarts at once, without a growing delay: it is up most of the time.
        if (docker)
            QVERIFY2(flapper.condition == ContainerCondition::Progressing &&
                         flapper.reason == u"Restarting"_s,
                     qPrintable(describe(flapper)));
        for (const QString &service : {u"api"_s, u"worker"_s}) {
            for (const QList<ContainerRow> *rows : {&list.items, &inspect.items}) {
                const ContainerRow *row = findNamed(*rows, u"shop_"_s + service + u"_1"_s);
                QVERIFY2(row, qPrintable(service));
                QCOMPARE(row->project, u"shop"_s);
                QCOMPARE(row->service, service);
                QCOMPARE(row->composeWorkingDirectory, engineFixture->directory() + u"/shop"_s);
                QCOMPARE(row->composeFiles, QStringList{u"docker-compose.yml"_s});
                QCOMPARE(row->condition, ContainerCondition::Running);
            }
        }

        const QByteArray statsOutput =
            docker ? engineFixture->run(program,
                                        {u"stats"_s, u"--no-stream"_s, u"--no-trunc"_s,
                                         u"--format"_s, u"{{json .}}"_s},
                                        &error)
                   : engineFixture->run(
                         program, {u"stats"_s, u"--no-stream"_s, u"--format"_s, u"json"_s}, &error);
        QVERIFY2(!statsOutput.isEmpty(), qPrintable(error));
        const ParsedList<ContainerUsage> stats = parseContainerStats(statsOutput, runtime);
        QVERIFY2(stats.errors.isEmpty(), qPrintable(stats.errors.join(u'\n')));
        bool webSeen = false;
        for (const ContainerUsage &usage : stats.items) {
            if (usage.name != u"web"_s)
                continue;
            webSeen = true;
            QVERIFY2(web.id.startsWith(usage.id), qPrintable(usage.id));
            QVERIFY2(usage.cpuMillicores >= 0, qPrintable(QString::number(usage.cpuMillicores)));
            QVERIFY2(usage.memoryBytes > 0, qPrintable(QString::number(usage.memoryBytes)));
            QVERIFY2(usage.memoryLimitBytes > usage.memoryBytes,
                     qPrintable(QString::number(usage.memoryLimitBytes)));
        }
        QVERIFY(webSeen);
    }
};

QTEST_GUILESS_MAIN(ContainerRuntimesTest)
#include "tst_containerruntimes.moc"
