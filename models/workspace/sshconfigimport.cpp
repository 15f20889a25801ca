// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/sshconfigimport.h"

#include "models/openssh/sshconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace OpsDeck {

namespace {

// "[user@]host[:port]" as ProxyJump writes a hop.
Host hostFromHop(const QString &hop)
{
    Host host;
    host.name = hop;
    QString rest = hop;
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        host.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    if (const qsizetype colon = rest.lastIndexOf(u':'); colon > 0 && !rest.startsWith(u'[')) {
        bool ok = false;
        const int port = rest.mid(colon + 1).toInt(&ok);
        if (ok && port > 0 && port < 65536) {
            host.port = port;
            rest = rest.left(colon);
        }
    }
    host.address = rest;
    return host;
}

} // namespace

Environment environmentFromSshConfig(const SshConfig &config, const QStringList &takenNames)
{
    Environment environment;
    environment.name = QStringLiteral("~/.ssh/config");
    environment.description = QCoreApplication::translate(
        "SshConfigImport", "Hosts from your OpenSSH configuration; edit them there.");
    environment.imported = true;
    QStringList names = takenNames;
    const QStringList aliases = config.listedHostAliases();
    const auto addHop = [&](const QString &hop, const QString &jump) {
        if (names.contains(hop) || aliases.contains(hop))
            return; // known already, or an alias that comes with its own settings
        Host host = hostFromHop(hop);
        host.jumpHost = jump;
        names.append(host.name);
        environment.hosts.append(host);
    };
    for (const QString &alias : aliases) {
        if (names.contains(alias))
            continue;
        const SshHostSettings settings = config.resolve(alias);
        Host host;
        host.name = alias;
        host.sshConfigAlias = alias;
        host.address = settings.hostName;
        host.port = settings.port;
        host.user = settings.user;
        if (!settings.identityFiles.isEmpty()) {
            host.identityFile = settings.identityFiles.front();
            if (settings.identitiesOnly.value_or(false))
                host.auth = AuthMethod::Key;
        }
        // ProxyJump a,b: this host through b, b through a.
        QString previous;
        for (const QString &hop : settings.proxyJump) {
            addHop(hop, previous);
            previous = hop;
        }
        host.jumpHost = previous;
        names.append(alias);
        environment.hosts.append(host);
    }
    return environment;
}

void addSshConfigHosts(Workspace &workspace, const QString &path)
{
    const QString file = path.isEmpty() ? QDir::homePath() + u"/.ssh/config" : path;
    if (!QFileInfo::exists(file))
        return;
    QStringList taken;
    for (const Environment &environment : std::as_const(workspace.environments)) {
        for (const Host &host : environment.hosts)
            taken.append(host.name);
    }
    Environment imported = environmentFromSshConfig(SshConfig::load(file), taken);
    if (!imported.hosts.isEmpty())
        workspace.environments.append(imported);
}

} // namespace OpsDeck
