// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptfixture.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// A real, throwaway container engine (run as root): dockerd from tests/scripts/docker-fixture.sh
// or podman's own configuration and storage from tests/scripts/podman-fixture.sh, each in its
// own directory, so tests (and the machine's own containers) never meet. Values are the
// script's KEY=VALUE lines: DOCKER_HOST and IMAGE, or CONTAINERS_CONF, CONTAINERS_STORAGE_CONF
// and IMAGE; environment() carries them to every docker, docker-compose or podman call.
class ContainerFixture : public ScriptFixture
{
public:
    enum class Engine { Docker, Podman };

    explicit ContainerFixture(Engine engine)
        : ScriptFixture(script(engine),
                        // Short: dockerd's socket path must stay below 108 bytes.
                        engine == Engine::Docker ? QStringLiteral("/tmp/opsdeck-docker-XXXXXX")
                                                 : QStringLiteral("/tmp/opsdeck-podman-XXXXXX"),
                        120000)
        , m_engine(engine)
    {
    }

    Engine engine() const { return m_engine; }
    QString engineId() const
    {
        return m_engine == Engine::Docker ? QStringLiteral("docker") : QStringLiteral("podman");
    }
    QString image() const { return value(QStringLiteral("IMAGE")); }

    // The system environment with this engine's variables in it.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QStringList keys = m_engine == Engine::Docker
                                     ? QStringList{QStringLiteral("DOCKER_HOST")}
                                     : QStringList{QStringLiteral("CONTAINERS_CONF"),
                                                   QStringLiteral("CONTAINERS_STORAGE_CONF")};
        for (const QString &key : keys)
            environment.insert(key, value(key));
        return environment;
    }

    // Runs program (docker, /usr/bin/docker, podman, docker-compose, bash ...) in this engine's
    // environment and returns its standard output; on failure an empty array and error says
    // what failed and what the program said.
    QByteArray run(const QString &program, const QStringList &arguments, QString *error = nullptr,
                   int timeoutMs = 60000) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(program, arguments);
        const bool finished = process.waitForFinished(timeoutMs);
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            if (error)
                *error = program + u' ' + arguments.join(u' ') +
                         (finished ? QStringLiteral(" failed: ") : QStringLiteral(" timed out: ")) +
                         QString::fromLocal8Bit(process.readAllStandardError());
            if (!finished)
                process.kill();
            return {};
        }
        return process.readAllStandardOutput();
    }

    // Runs the engine's own tool (docker or podman, as found on PATH).
    QByteArray tool(const QStringList &arguments, QString *error = nullptr) const
    {
        return run(engineId(), arguments, error);
    }

    // Creates the scenarios of tests/scripts/container-scenarios.sh (web, job, flapper, sick,
    // hog, shop_api_1, shop_worker_1) and waits until they settled; their names, or empty with
    // error.
    QStringList startScenarios(QString *error = nullptr) const
    {
        const QByteArray names =
            run(QStringLiteral("bash"),
                {QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/container-scenarios.sh"),
                 engineId(), directory()},
                error, 120000);
        return QString::fromUtf8(names).split(u'\n', Qt::SkipEmptyParts);
    }

    // The engine's API socket (dockerd's; for podman `podman system service`, started now) as
    // a URL for docker -H or podman --url, opened to every user of this computer the way the
    // docker group would open it: for a test user who is not root, e.g. over SSH. Empty with
    // error when it cannot be had.
    QString socketForEveryone(QString *error = nullptr) const
    {
        QString url = value(QStringLiteral("DOCKER_HOST"));
        if (m_engine == Engine::Podman) {
            const QByteArray said =
                run(QStringLiteral("bash"),
                    {script(m_engine), QStringLiteral("service"), directory()}, error);
            url = QString::fromUtf8(said).trimmed().section(u'\n', -1).section(u'=', 1);
        }
        if (!url.startsWith(QStringLiteral("unix://"))) {
            if (error && error->isEmpty())
                *error = QStringLiteral("no socket URL from the %1 fixture").arg(engineId());
            return {};
        }
        const QString socket = url.sliced(QStringLiteral("unix://").size());
        const bool opened =
            QFile::setPermissions(directory(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner | QFileDevice::ExeOther) &&
            QFile::setPermissions(socket, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadOther | QFileDevice::WriteOther);
        if (!opened) {
            if (error)
                *error = QStringLiteral("cannot open %1 to every user").arg(socket);
            return {};
        }
        return url;
    }

private:
    static QString script(Engine engine)
    {
        return engine == Engine::Docker
                   ? QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/docker-fixture.sh")
                   : QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/podman-fixture.sh");
    }

    Engine m_engine;
};
