// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QObject;

namespace OpsDeck {

class Executor;

// Reaches host:port as the machine of executor sees it: this computer connects itself; an SSH
// host carries it through a tunnel of its own (as ssh -L), closed when job is destroyed.
// connectTo gets the address to use here (127.0.0.1 and the tunnel's port through SSH);
// failed gets why the tunnel could not open. Neither is called after job is gone.
void reachThrough(Executor *executor, const QString &host, quint16 port, QObject *job,
                  const std::function<void(const QString &host, quint16 port)> &connectTo,
                  const std::function<void(const QString &error)> &failed);

} // namespace OpsDeck
