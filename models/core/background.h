// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace OpsDeck {

// Runs work() in the global thread pool and hands its result to done() in context's thread
// once it is ready, unless context has been destroyed by then: done() is then never called,
// while work() still runs to its end. Call it from context's thread. work() must hold only
// copies: it runs while the caller goes on. The future is for those who must wait for the
// work itself (tests, shutdown), never for the GUI thread.
//
// Qt 6.4's QFuture::then(context, ...) does not do this: it dereferences the context from the
// worker thread and asserts when the context is already gone (Qt 6.6 cancels instead).
template<typename Work, typename Done>
auto runInBackground(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    static_assert(!std::is_void_v<Result>, "work() must return the value done() receives");
    Q_ASSERT(context);
    Q_ASSERT(QThread::currentThread() == context->thread());

    // A child of context: destroyed with it, and with it the callback that has not run yet.
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, done = std::move(done)]() mutable {
                         // done() may destroy context; the watcher must not go with it while
                         // this slot still runs.
                         watcher->setParent(nullptr);
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    QFuture<Result> future = QtConcurrent::run(std::move(work));
    watcher->setFuture(future);
    return future;
}

} // namespace OpsDeck
