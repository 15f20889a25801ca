// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/serviceroute.h"

#include "models/remote/sshexecutor.h"

#include <QPointer>

namespace OpsDeck {

using namespace Qt::StringLiterals;

void reachThrough(Executor *executor, const QString &host, quint16 port, QObject *job,
                  const std::function<void(const QString &host, quint16 port)> &connectTo,
                  const std::function<void(const QString &error)> &failed)
{
    auto *ssh = qobject_cast<SshExecutor *>(executor);
    if (!ssh) {
        connectTo(host, port);
        return;
    }
    const quint64 tunnel = ssh->openTunnel(host, port);
    QPointer<SshExecutor> guard(ssh);
    QObject::connect(job, &QObject::destroyed, ssh, [guard, tunnel] {
        if (guard)
            guard->closeTunnel(tunnel);
    });
    QObject::connect(ssh, &SshExecutor::tunnelOpened, job,
                     [tunnel, connectTo](quint64 id, int localPort) {
                         if (id == tunnel)
                             connectTo(u"127.0.0.1"_s, quint16(localPort));
                     });
    QObject::connect(ssh, &SshExecutor::tunnelFailed, job,
                     [tunnel, failed](quint64 id, const QString &error) {
                         if (id == tunnel)
                             failed(error);
                     });
}

} // namespace OpsDeck
