// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <thread>
#include <vector>

class QThreadPool;

namespace OpsDeck {

// Log indexing and search keep both cores busy for a second or more. Their threads run at a
// lower CPU priority (nice +10) so that the GUI thread gets a core the moment it wakes instead
// of after a scheduler slice: measured, the event loop otherwise stalled 20+ ms while a 1 GiB
// file indexed. Linux keeps nice per thread, and an unprivileged thread cannot raise it back,
// so only threads that do nothing else are lowered: fresh threads, or this pool's.
void lowerCurrentThreadPriority();

// The pool LogDocument indexes in: one thread per core, every one at the lower priority.
QThreadPool *logWorkerPool();

// Runs work(begin, end) for each part of a file (starts: where parts begin; the last ends at
// size), each on a fresh thread of its own at the lower priority, and returns their answers in
// file order. The caller only waits.
template<typename Part, typename Work>
std::vector<Part> runPerPart(const QList<qint64> &starts, qint64 size, const Work &work)
{
    std::vector<Part> parts(size_t(starts.size()));
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qint64 end = i + 1 < starts.size() ? starts.at(i + 1) : size;
        threads.emplace_back([&parts, &work, &starts, i, end] {
            lowerCurrentThreadPriority();
            parts[size_t(i)] = work(starts.at(i), end);
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    return parts;
}

} // namespace OpsDeck
