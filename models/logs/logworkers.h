// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

} // namespace OpsDeck
