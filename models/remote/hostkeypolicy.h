// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"
#include "models/openssh/knownhosts.h"
#include "models/openssh/sshconfig.h"
#include "models/remote/sshexecutor.h"

namespace OpsDeck {

// How one connection judges its server's key, as OpenSSH would for the same host: which
// known_hosts files, under which name, and what to do with a key none of them has.
struct HostKeyPolicy {
    // ask (the default): the user decides. yes: refused. accept-new: remembered without asking.
    // no/off: like accept-new (ssh would also connect despite a changed key; OpsDeck never
    // does).
    SshStrictHostKeyChecking strictness = SshStrictHostKeyChecking::Ask;
    QString alias;        // HostKeyAlias in lower case; empty: the address and port
    QStringList files;    // read, "~" expanded: OpsDeck's own, the user's, the global ones
    QString rememberFile; // where accepted keys go (OpsDeck's first file); empty: nowhere
    // Errors in the ssh_config files (one that cannot be read included): no key is judged
    // with half a configuration, as ssh refuses to start with one.
    Diagnostics configErrors;
};

// Reads the ssh_config files the settings name; call it where waiting for the disk is fine
// (the SSH thread).
HostKeyPolicy hostKeyPolicyFor(const SshSettings &settings);

struct HostKeyCheck {
    HostKeyVerdict verdict;
    // A known_hosts file that exists but cannot be read, or a marker line in one that cannot
    // be read: the verdict must not be acted on.
    Diagnostics blockingErrors;
};

// Reads the policy's known_hosts files and judges the key presented by address:port (or by
// the alias, when the policy has one).
HostKeyCheck checkHostKeyAgainstKnownHosts(const HostKeyPolicy &policy, const QString &address,
                                           int port, const QString &keyType,
                                           const QByteArray &keyBlob);

// The name the key is looked up and remembered under: the alias, or "[address]:port" as
// known_hosts writes it ("address" alone on port 22).
QString hostKeyLookupName(const HostKeyPolicy &policy, const QString &address, int port);

} // namespace OpsDeck
