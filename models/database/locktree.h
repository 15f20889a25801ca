// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databaserows.h"

#include <QList>

namespace OpsDeck {

// Who blocks whom, as a forest: each root blocker (a session that blocks others and waits for
// nobody) with the sessions waiting for it beneath it, to any depth. Built from pg_blocking_pids.
//
// A waiter blocked by two sessions appears under both; its own subtree is spelled out the first
// time only (later copies say where it is), so a dense graph stays linear in size. A cycle (a
// deadlock about to be detected, or sessions waiting in a ring) has no natural root: its lowest
// pid becomes one, marked, and the node that would close the ring is shown, not followed.
struct LockTreeNode {
    int session = -1; // index into LockTree::sessions
    int parent = -1;  // index into LockTree::nodes, -1 for a root
    QList<int> children;
    int depth = 0;
    int blockedTotal = 0;     // distinct sessions beneath it, at any depth
    bool inCycle = false;     // a root chosen to break a ring of waiters
    bool closesCycle = false; // its pid is already above it: shown, not followed
    int shownUnder = -1;      // already spelled out under this node: not repeated here
};

struct LockTree {
    QList<ActivityRow> sessions; // every session that waits or blocks, by pid
    QList<LockTreeNode> nodes;
    QList<int> roots; // into nodes: most sessions blocked first, then the oldest transaction
    const ActivityRow &sessionOf(int node) const { return sessions.at(nodes.at(node).session); }
    bool isEmpty() const { return roots.isEmpty(); }
};

LockTree buildLockTree(const QList<ActivityRow> &activity);

// Every pid that waits for a lock, and every pid something waits for (sorted, distinct).
QList<int> waitingPids(const QList<ActivityRow> &activity);
QList<int> blockingPids(const QList<ActivityRow> &activity);

} // namespace OpsDeck
