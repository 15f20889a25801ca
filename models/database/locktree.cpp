// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/database/locktree.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LockTree)
};

struct Builder {
    LockTree tree;
    QHash<int, int> sessionOfPid;
    QHash<int, QList<int>> waitersOf; // pid -> pids waiting for it, ascending
    QHash<int, int> expandedAt;       // pid -> the node that spells out its subtree
    QList<int> path;                  // pids from the root to the node being built

    int addNode(int pid, int parent)
    {
        LockTreeNode node;
        node.session = sessionOfPid.value(pid);
        node.parent = parent;
        node.depth = parent < 0 ? 0 : tree.nodes.at(parent).depth + 1;
        tree.nodes.append(node);
        const int index = int(tree.nodes.size()) - 1;
        if (parent >= 0)
            tree.nodes[parent].children.append(index);
        return index;
    }

    // Depth first; the recursion depth is bounded by the number of sessions (each pid at most
    // once on the path).
    void expand(int pid, int parent)
    {
        const int index = addNode(pid, parent);
        if (path.contains(pid)) {
            tree.nodes[index].closesCycle = true;
            return;
        }
        if (const auto shown = expandedAt.constFind(pid); shown != expandedAt.cend()) {
            tree.nodes[index].shownUnder = tree.nodes.at(*shown).parent;
            return;
        }
        expandedAt.insert(pid, index);
        path.append(pid);
        for (int waiter : waitersOf.value(pid))
            expand(waiter, index);
        path.removeLast();
    }

    // Distinct pids beneath pid, following every edge once.
    int countBeneath(int pid) const
    {
        QSet<int> seen;
        QList<int> stack = waitersOf.value(pid);
        while (!stack.isEmpty()) {
            const int next = stack.takeLast();
            if (next == pid || seen.contains(next))
                continue;
            seen.insert(next);
            stack.append(waitersOf.value(next));
        }
        return int(seen.size());
    }
};

ActivityRow unknownSession(int pid)
{
    ActivityRow row;
    row.pid = pid;
    // pg_blocking_pids names 0 for a prepared transaction, which has no backend.
    row.query = pid == 0 ? Text::tr("(a prepared transaction: see pg_prepared_xacts)")
                         : Text::tr("(not in pg_stat_activity)");
    return row;
}

} // namespace

QList<int> waitingPids(const QList<ActivityRow> &activity)
{
    QList<int> pids;
    for (const ActivityRow &row : activity) {
        if (!row.blockedBy.isEmpty())
            pids.append(row.pid);
    }
    std::sort(pids.begin(), pids.end());
    pids.erase(std::unique(pids.begin(), pids.end()), pids.end());
    return pids;
}

QList<int> blockingPids(const QList<ActivityRow> &activity)
{
    QList<int> pids;
    for (const ActivityRow &row : activity)
        pids.append(row.blockedBy);
    std::sort(pids.begin(), pids.end());
    pids.erase(std::unique(pids.begin(), pids.end()), pids.end());
    return pids;
}

LockTree buildLockTree(const QList<ActivityRow> &activity)
{
    Builder builder;
    QHash<int, const ActivityRow *> byPid;
    for (const ActivityRow &row : activity)
        byPid.insert(row.pid, &row);

    QList<int> involved = waitingPids(activity);
    involved.append(blockingPids(activity));
    std::sort(involved.begin(), involved.end());
    involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
    for (int pid : std::as_const(involved)) {
        const ActivityRow *row = byPid.value(pid);
        builder.sessionOfPid.insert(pid, int(builder.tree.sessions.size()));
        builder.tree.sessions.append(row ? *row : unknownSession(pid));
    }
    // Whether from can reach to by following blockedBy (to is above from).
    const auto above = [&builder](int from, int to) {
        QSet<int> seen;
        QList<int> stack{from};
        while (!stack.isEmpty()) {
            const int pid = stack.takeLast();
            const auto session = builder.sessionOfPid.constFind(pid);
            if (session == builder.sessionOfPid.cend())
                continue;
            for (int blocker : builder.tree.sessions.at(*session).blockedBy) {
                if (blocker == to)
                    return true;
                if (!seen.contains(blocker)) {
                    seen.insert(blocker);
                    stack.append(blocker);
                }
            }
        }
        return false;
    };
    for (const ActivityRow &row : builder.tree.sessions) {
        // PostgreSQL names, for a waiter queued on a row, the holder and every waiter queued
        // ahead of it. Under the holder that waiter is already reached through the ones ahead
        // of it; listing it again under each of them would show one queue as a fan. A blocker
        // that another blocker of the same session waits for (and not the other way round, as
        // in a ring) is left out: the tree shows the queue as a chain.
        QList<int> shown;
        for (int blocker : row.blockedBy) {
            const bool impliedByAnother =
                std::any_of(row.blockedBy.cbegin(), row.blockedBy.cend(), [&](int other) {
                    // A session waiting for itself is no other blocker of it.
                    return other != blocker && other != row.pid && above(other, blocker) &&
                           !above(blocker, other);
                });
            if (!impliedByAnother && !shown.contains(blocker))
                shown.append(blocker);
        }
        for (int blocker : std::as_const(shown)) {
            QList<int> &waiters = builder.waitersOf[blocker];
            if (!waiters.contains(row.pid))
                waiters.append(row.pid);
        }
    }
    for (QList<int> &waiters : builder.waitersOf)
        std::sort(waiters.begin(), waiters.end());

    // Natural roots: they block and wait for nobody.
    QList<int> rootPids;
    for (const ActivityRow &row : std::as_const(builder.tree.sessions)) {
        if (row.blockedBy.isEmpty())
            rootPids.append(row.pid);
    }
    const auto rootOrder = [&builder](int left, int right) {
        const int leftCount = builder.countBeneath(left);
        const int rightCount = builder.countBeneath(right);
        if (leftCount != rightCount)
            return leftCount > rightCount;
        const qint64 leftAge =
            builder.tree.sessions.at(builder.sessionOfPid.value(left)).transactionAgeMs;
        const qint64 rightAge =
            builder.tree.sessions.at(builder.sessionOfPid.value(right)).transactionAgeMs;
        if (leftAge != rightAge)
            return leftAge > rightAge;
        return left < right;
    };
    std::sort(rootPids.begin(), rootPids.end(), rootOrder);
    for (int pid : std::as_const(rootPids)) {
        builder.tree.roots.append(int(builder.tree.nodes.size()));
        builder.expand(pid, -1);
    }
    // What no root reaches waits in a ring (or behind one): start from the ring's lowest pid.
    // A ring of waiters has no natural root: walk up from pid to the ring it waits in (or
    // behind) and start there, at the ring's lowest pid.
    const auto startRingFrom = [&builder](int pid) {
        QList<int> walk{pid};
        int current = pid;
        while (true) {
            const QList<int> &blockers =
                builder.tree.sessions.at(builder.sessionOfPid.value(current)).blockedBy;
            int next = -1;
            for (int blocker : blockers) {
                if (!builder.expandedAt.contains(blocker)) {
                    next = blocker;
                    break;
                }
            }
            if (next < 0 || walk.contains(next)) {
                if (next >= 0)
                    walk = walk.mid(walk.indexOf(next));
                break;
            }
            walk.append(next);
            current = next;
        }
        const int start = *std::min_element(walk.cbegin(), walk.cend());
        const int root = int(builder.tree.nodes.size());
        builder.tree.roots.append(root);
        builder.expand(start, -1);
        builder.tree.nodes[root].inCycle = true;
    };
    for (int pid : std::as_const(involved)) {
        // The walk from pid may end in a ring that pid only waits behind: that ring becomes a
        // root, and pid is walked again until something reaches it.
        while (!builder.expandedAt.contains(pid))
            startRingFrom(pid);
    }
    for (LockTreeNode &node : builder.tree.nodes) {
        if (!node.closesCycle && node.shownUnder < 0)
            node.blockedTotal = builder.countBeneath(builder.tree.sessions.at(node.session).pid);
    }
    return builder.tree;
}

} // namespace OpsDeck
