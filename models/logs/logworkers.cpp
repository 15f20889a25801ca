// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logworkers.h"

#include <QThread>
#include <QThreadPool>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace OpsDeck {

void lowerCurrentThreadPriority()
{
    const auto thread = id_t(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, thread, 10);
}

QThreadPool *logWorkerPool()
{
    // Destroyed at exit after waiting for its tasks, which end soon: their documents were
    // deleted first and cancelled them.
    static QThreadPool pool;
    static const bool sized = [] {
        pool.setMaxThreadCount(std::max(QThread::idealThreadCount(), 2) + 1);
        return true;
    }();
    Q_UNUSED(sized);
    return &pool;
}

} // namespace OpsDeck
