// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as sessions and the pids they wait for (few distinct pids, so
// rings, repeats, self-waits and blockers missing from the list all happen), plus the bytes as
// the text of an int array (parseIntArray) naming the blockers of one more session. The lock
// tree built from them always ends: every session that waits or blocks is reached, the tree
// stays linear in the edges, parents and children agree, and no path is longer than there are
// sessions.
#include "models/database/databasequeries.h"
#include "models/database/locktree.h"

#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

constexpr int kPids = 13; // 0 (a prepared transaction) .. 12

QList<OpsDeck::ActivityRow> sessionsFrom(const std::uint8_t *data, std::size_t size)
{
    QList<OpsDeck::ActivityRow> rows;
    std::size_t at = 0;
    // Each session: its pid, its transaction's age, how many it waits for, then their pids.
    while (at + 3 <= size && rows.size() < 64) {
        OpsDeck::ActivityRow row;
        row.pid = data[at] % kPids;
        row.transactionAgeMs = data[at + 1] == 0 ? -1 : qint64(data[at + 1]) * 1000;
        const int waitsFor = data[at + 2] % 4;
        at += 3;
        for (int blocker = 0; blocker < waitsFor && at < size; ++blocker, ++at)
            row.blockedBy.append(data[at] % kPids);
        rows.append(row);
    }
    return rows;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QList<OpsDeck::ActivityRow> activity = sessionsFrom(data, size);

    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<int> parsed = OpsDeck::parseIntArray(text);
    if (parsed.size() > text.count(u',') + 1)
        fail("more values than comma-separated parts");
    if (!parsed.isEmpty()) {
        OpsDeck::ActivityRow extra;
        extra.pid = size > 0 ? data[0] % (kPids + 2) : 1;
        for (int pid : parsed)
            extra.blockedBy.append(int(unsigned(pid) % unsigned(kPids + 2)));
        activity.append(extra);
    }

    const QList<int> waiting = OpsDeck::waitingPids(activity);
    const QList<int> blocking = OpsDeck::blockingPids(activity);
    QSet<int> involved(waiting.cbegin(), waiting.cend());
    involved.unite(QSet<int>(blocking.cbegin(), blocking.cend()));

    const OpsDeck::LockTree tree = OpsDeck::buildLockTree(activity);
    if (tree.isEmpty() != involved.isEmpty())
        fail("a tree without sessions, or sessions without a tree");
    if (tree.sessions.size() != involved.size())
        fail("the tree's sessions are not the involved pids");

    // Distinct edges, as the tree's own sessions state them.
    QSet<QPair<int, int>> edges;
    for (const OpsDeck::ActivityRow &session : tree.sessions) {
        if (!involved.contains(session.pid))
            fail("a session neither waits nor blocks");
        for (int blocker : session.blockedBy)
            edges.insert({blocker, session.pid});
    }
    if (tree.nodes.size() > involved.size() + edges.size())
        fail("more nodes than sessions and edges");

    QSet<int> reached;
    for (int index = 0; index < tree.nodes.size(); ++index) {
        const OpsDeck::LockTreeNode &node = tree.nodes.at(index);
        if (node.session < 0 || node.session >= tree.sessions.size())
            fail("a node without a session");
        reached.insert(tree.sessions.at(node.session).pid);
        if (node.depth > involved.size())
            fail("a path longer than there are sessions");
        if (node.blockedTotal < 0 || node.blockedTotal >= qsizetype(involved.size()))
            fail("blocks more sessions than there are others");
        if (node.parent < 0) {
            if (!tree.roots.contains(index) || node.depth != 0)
                fail("a node without a parent is not a root at depth 0");
        } else {
            if (node.parent >= tree.nodes.size() ||
                !tree.nodes.at(node.parent).children.contains(index))
                fail("a node its parent does not list");
            if (node.depth != tree.nodes.at(node.parent).depth + 1)
                fail("a depth that is not its parent's plus one");
            if (node.inCycle)
                fail("a ring's root below another node");
            const int waiterPid = tree.sessions.at(node.session).pid;
            const int blockerPid = tree.sessionOf(node.parent).pid;
            if (!edges.contains({blockerPid, waiterPid}))
                fail("a child that does not wait for its parent");
        }
        for (int child : node.children) {
            if (child < 0 || child >= tree.nodes.size() || tree.nodes.at(child).parent != index)
                fail("a child that names another parent");
        }
        if ((node.closesCycle || node.shownUnder >= 0) && !node.children.isEmpty())
            fail("a repeated node spelled out again");
    }
    if (reached != involved)
        fail("an involved session the tree never reaches");
    return 0;
}
