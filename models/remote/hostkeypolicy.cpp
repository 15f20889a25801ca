// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/hostkeypolicy.h"

#include "models/core/paths.h"

#include <QDir>
#include <QFileInfo>

#include <optional>

namespace OpsDeck {

namespace {

constexpr int DefaultSshPort = 22;

void appendOnce(QStringList &files, const QString &file)
{
    const QString path = QDir::cleanPath(Paths::expandHome(file));
    if (!path.isEmpty() && !files.contains(path))
        files.append(path);
}

} // namespace

HostKeyPolicy hostKeyPolicyFor(const SshSettings &settings)
{
    HostKeyPolicy policy;
    const QString name =
        settings.sshConfigName.isEmpty() ? settings.address : settings.sshConfigName;
    std::optional<QStringList> userFiles;
    std::optional<QStringList> globalFiles;
    std::optional<SshStrictHostKeyChecking> strictness;
    for (const QString &file : settings.sshConfigFiles) {
        const QString path = Paths::expandHome(file);
        SshConfigEnvironment environment;
        // Relative Include paths start where the file is: ~/.ssh, /etc/ssh.
        environment.sshDirectory = QFileInfo(path).absolutePath();
        const SshConfig config = SshConfig::load(path, environment);
        for (const Diagnostic &diagnostic : config.diagnostics()) {
            if (diagnostic.isError())
                policy.configErrors.append(diagnostic);
        }
        // Like ssh: the first file that sets an option wins.
        const SshHostSettings host = config.resolve(name);
        if (!userFiles)
            userFiles = host.userKnownHostsFiles;
        if (!globalFiles)
            globalFiles = host.globalKnownHostsFiles;
        if (!strictness)
            strictness = host.strictHostKeyChecking;
        if (policy.alias.isEmpty())
            policy.alias = host.hostKeyAlias;
    }
    policy.strictness = strictness.value_or(SshStrictHostKeyChecking::Ask);
    for (const QString &file : settings.knownHostsFiles)
        appendOnce(policy.files, file);
    for (const QString &file : userFiles.value_or(settings.userKnownHostsFiles))
        appendOnce(policy.files, file);
    for (const QString &file : globalFiles.value_or(settings.globalKnownHostsFiles))
        appendOnce(policy.files, file);
    if (!settings.knownHostsFiles.isEmpty())
        policy.rememberFile = QDir::cleanPath(Paths::expandHome(settings.knownHostsFiles.first()));
    return policy;
}

HostKeyCheck checkHostKeyAgainstKnownHosts(const HostKeyPolicy &policy, const QString &address,
                                           int port, const QString &keyType,
                                           const QByteArray &keyBlob)
{
    HostKeyCheck check;
    QList<KnownHostEntry> entries;
    for (const QString &file : policy.files) {
        KnownHostsParseResult loaded = loadKnownHostsFile(file);
        entries += loaded.entries;
        check.blockingErrors += loaded.blockingErrors;
    }
    // ssh looks an alias up as it is, without the port.
    check.verdict = policy.alias.isEmpty()
                        ? verifyHostKey(entries, address, port, keyType, keyBlob)
                        : verifyHostKey(entries, policy.alias, DefaultSshPort, keyType, keyBlob);
    return check;
}

QString hostKeyLookupName(const HostKeyPolicy &policy, const QString &address, int port)
{
    return policy.alias.isEmpty() ? knownHostsLookupName(address, port) : policy.alias;
}

} // namespace OpsDeck
