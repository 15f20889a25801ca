// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the ssh_config reader must turn any bytes into diagnostics, never crash or
// hang, and every alias it lists must resolve to settings OpsDeck can use. Every Include reads
// the input itself again, so include loops, depth and file limits are exercised too.
#include "models/openssh/sshconfig.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace OpsDeck;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkSettings(const SshHostSettings &settings)
{
    check(settings.port >= 1 && settings.port <= 65535);
    for (const QChar c : settings.hostName)
        check(!(c >= u'A' && c <= u'Z'));
    for (const QString &hop : settings.proxyJump)
        check(!hop.isEmpty());
    if (settings.connectTimeoutSeconds)
        check(*settings.connectTimeoutSeconds >= 0);
    if (settings.serverAliveIntervalSeconds)
        check(*settings.serverAliveIntervalSeconds >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    SshConfigEnvironment environment;
    environment.homeDirectory = QStringLiteral("/fuzz");
    environment.sshDirectory = QStringLiteral("/fuzz/.ssh");
    environment.localUser = QStringLiteral("fuzz");
    environment.localHostName = QStringLiteral("fuzz.example.org");
    // Enough reads for a chain deeper than the limit, few enough to keep every run quick.
    int reads = 0;
    environment.resolveInclude = [&text, &reads](const QString &pattern) {
        if (++reads > 2 * SshConfig::MaximumIncludeDepth)
            return QList<SshConfigFile>{};
        return QList<SshConfigFile>{{pattern, text, {}}};
    };
    const SshConfig config =
        SshConfig::parse(text, QStringLiteral("/fuzz/.ssh/config"), environment);
    check(config.files().size() <= SshConfig::MaximumFiles);
    for (const Diagnostic &diagnostic : config.diagnostics()) {
        check(!diagnostic.file.isEmpty() && !diagnostic.message.isEmpty() && diagnostic.line >= 1 &&
              diagnostic.column >= 1);
    }
    const QStringList aliases = config.listedHostAliases().mid(0, 32);
    for (const QString &alias : aliases) {
        check(!alias.isEmpty() && !alias.startsWith(u'!') && !alias.contains(u'*') &&
              !alias.contains(u'?'));
        const SshHostSettings settings = config.resolve(alias);
        check(settings.alias == alias && !settings.hostName.isEmpty());
        checkSettings(settings);
    }
    checkSettings(config.resolve(QStringLiteral("fuzz")));
    checkSettings(config.resolve(QString()));
    return 0;
}
