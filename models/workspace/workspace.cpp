// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspace.h"

namespace OpsDeck {

const Host *Workspace::findHost(QStringView hostName) const
{
    for (const Environment &environment : environments) {
        for (const Host &host : environment.hosts) {
            if (host.name == hostName)
                return &host;
        }
    }
    return nullptr;
}

qsizetype Workspace::hostCount() const
{
    qsizetype count = 0;
    for (const Environment &environment : environments)
        count += environment.hosts.size();
    return count;
}

QString toString(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Agent:
        return QStringLiteral("agent");
    case AuthMethod::Key:
        return QStringLiteral("key");
    case AuthMethod::Password:
        return QStringLiteral("password");
    case AuthMethod::KeyboardInteractive:
        return QStringLiteral("keyboard-interactive");
    }
    return {};
}

QString toString(LogSource::Kind kind)
{
    switch (kind) {
    case LogSource::Kind::File:
        return QStringLiteral("file");
    case LogSource::Kind::Journald:
        return QStringLiteral("journald");
    case LogSource::Kind::Docker:
        return QStringLiteral("docker");
    case LogSource::Kind::Podman:
        return QStringLiteral("podman");
    case LogSource::Kind::Kubernetes:
        return QStringLiteral("kubernetes");
    }
    return {};
}

} // namespace OpsDeck
