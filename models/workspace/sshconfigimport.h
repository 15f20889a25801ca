// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

namespace OpsDeck {

class SshConfig;

// The hosts people already reach with `ssh alias`, as an environment shown after the
// workspace's own: concrete Host aliases of the OpenSSH client configuration (HostName, User,
// Port, IdentityFile, ProxyJump). Aliases the workspace already names are left to it. Jump
// hops that are not aliases become hosts of their own, chained in ProxyJump's order.
Environment environmentFromSshConfig(const SshConfig &config, const QStringList &takenNames);

// Reads `path` (default ~/.ssh/config) and adds its hosts to workspace as above; does nothing
// when the file is missing or names no new host.
void addSshConfigHosts(Workspace &workspace, const QString &path = {});

} // namespace OpsDeck
