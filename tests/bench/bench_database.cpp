// SPDX-License-Identifier: GPL-3.0-or-later
// The DBA views on a busy server (tests/bench/run-database-bench.sh):
//   bench_database hold ENV SESSIONS WAITERS
//       Opens SESSIONS sessions on the fixture whose KEY=VALUE lines are in ENV (over its
//       socket, trust auth, as role bench_app), of which WAITERS wait for row locks: a few
//       holders each keep a row in an open transaction, most waiters wait for a holder, and
//       two "middle" sessions that hold a row of their own while waiting make chains three
//       deep. Some others run pg_sleep or sit idle in a transaction; the rest are idle. Prints
//       "ready" once the server shows them all, then holds them until it is killed. Every
//       session that blocks runs in a thread of its own.
//   bench_database run ENV ROUNDS [NAME=VALUE...]
//       With the sessions held: a real DatabaseSession (TCP, the fixture's monitoring role)
//       refreshes the Activity view ROUNDS times; prints the time from refresh() to refreshed
//       (query, transfer, ActivityModel and LockTreeModel update), the GUI thread's CPU time
//       in it, the model update alone, and the GUI thread's longest stall, next to the peer's
//       figures the script measured (pga_ms, ...; "-" prints NAME_note instead).
//   bench_database smoke SESSIONS WAITERS ROUNDS
//       Starts a fixture of its own, holds the sessions in a child process and runs, for CTest.
// Figures, never assertions: the exit status is 1 only when a run did not complete.
#include "models/database/databasesession.h"
#include "postgresfixture.h"
#include "stallmeter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString sessionRole = u"bench_app"_s;

QHash<QString, QString> readEnv(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            values.insert(QString::fromUtf8(line.left(equals)),
                          QString::fromUtf8(line.mid(equals + 1)));
    }
    return values;
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_database: %s\n", qPrintable(message));
    std::fflush(stderr);
    // Threads blocked in libpq cannot be joined: leave without running destructors.
    _exit(1);
}

// --- hold ------------------------------------------------------------------------------------

struct Fixture {
    QString socketDir;
    int port = 0;
    QString database;
};

QSqlDatabase openSession(const Fixture &fixture, const QString &name, const QString &user,
                         const QString &application)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(fixture.socketDir);
    db.setPort(fixture.port);
    db.setDatabaseName(fixture.database);
    db.setUserName(user);
    db.setConnectOptions(u"application_name=%1"_s.arg(application));
    if (!db.open())
        fail(u"session %1 did not open on %2 port %3: %4"_s.arg(name, fixture.socketDir)
                 .arg(fixture.port)
                 .arg(db.lastError().text()));
    return db;
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        fail(u"%1 on %2: %3"_s.arg(sql, db.connectionName(), query.lastError().text()));
}

// Statements run in a thread of their own; the last one is expected to block until the
// server goes away.
void runInThread(const Fixture &fixture, const QString &name, const QStringList &statements,
                 std::vector<QThread *> &threads)
{
    QThread *thread = QThread::create([fixture, name, statements] {
        QSqlDatabase db = openSession(fixture, name, sessionRole, u"bench-"_s + name);
        for (qsizetype index = 0; index < statements.size(); ++index) {
            QSqlQuery query(db);
            if (!query.exec(statements.at(index)) && index + 1 < statements.size())
                fail(u"%1 on %2: %3"_s.arg(statements.at(index), name, query.lastError().text()));
        }
    });
    thread->start();
    threads.push_back(thread);
}

int countOf(QSqlDatabase &monitor, const QString &where)
{
    QSqlQuery query(monitor);
    if (!query.exec(u"SELECT count(*) FROM pg_stat_activity WHERE usename = '%1' AND %2"_s.arg(
            sessionRole, where)) ||
        !query.next())
        fail(u"counting sessions: %1"_s.arg(query.lastError().text()));
    return query.value(0).toInt();
}

void waitFor(QSqlDatabase &monitor, const QString &where, int expected, const QString &what)
{
    for (int round = 0; round < 1200; ++round) {
        if (countOf(monitor, where) >= expected)
            return;
        QThread::msleep(50);
    }
    fail(u"%1: %2 expected, %3 seen after 60 s"_s.arg(what).arg(expected).arg(
        countOf(monitor, where)));
}

int hold(const QString &envPath, int sessions, int waiters)
{
    // Goes when the process that started it goes, however that ends.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const QHash<QString, QString> env = readEnv(envPath);
    Fixture fixture{env.value(u"SOCKET_DIR"_s), env.value(u"PORT"_s).toInt(),
                    env.value(u"DATABASE"_s)};
    if (fixture.socketDir.isEmpty() || fixture.port == 0)
        fail(u"%1 names no SOCKET_DIR and PORT"_s.arg(envPath));
    const int holders = std::max(1, std::min(5, waiters / 2));
    const int chains = waiters >= 10 ? 2 : (waiters >= 4 ? 1 : 0);
    const int others = std::max(0, sessions - holders - waiters);
    const int sleepers = std::min(20, others / 10);
    const int inTransaction = std::min(20, others / 10);
    const int idle = others - sleepers - inTransaction;

    QSqlDatabase monitor = openSession(fixture, u"setup"_s,
                                       env.value(u"SUPERUSER"_s, u"postgres"_s), u"bench-setup"_s);
    exec(monitor, u"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN "
                  "CREATE ROLE %1 LOGIN; END IF; END $$"_s.arg(sessionRole));
    exec(monitor, u"CREATE TABLE IF NOT EXISTS bench_accounts (id int PRIMARY KEY, balance int)"_s);
    exec(monitor, u"INSERT INTO bench_accounts SELECT g, 100 FROM generate_series(1, 2000) g "
                  "ON CONFLICT DO NOTHING"_s);
    exec(monitor, u"GRANT ALL ON bench_accounts TO %1"_s.arg(sessionRole));

    std::vector<QSqlDatabase> held; // sessions of this thread, kept open
    for (int holder = 1; holder <= holders; ++holder) {
        QSqlDatabase db = openSession(fixture, u"holder-%1"_s.arg(holder), sessionRole,
                                      u"bench-holder-%1"_s.arg(holder));
        exec(db, u"BEGIN"_s);
        exec(db, u"UPDATE bench_accounts SET balance = balance - 1 WHERE id = %1"_s.arg(holder));
        held.push_back(db);
    }
    std::vector<QThread *> threads;
    // Middles first: they must hold their own row before anyone waits for it.
    for (int middle = 0; middle < chains; ++middle)
        runInThread(
            fixture, u"middle-%1"_s.arg(middle),
            {u"BEGIN"_s,
             u"UPDATE bench_accounts SET balance = balance + 1 WHERE id = %1"_s.arg(1000 + middle),
             u"UPDATE bench_accounts SET balance = balance + 1 WHERE id = %1"_s.arg(
                 middle % holders + 1)},
            threads);
    waitFor(monitor, u"wait_event_type = 'Lock'"_s, chains, u"middle sessions waiting"_s);
    for (int waiter = chains; waiter < waiters; ++waiter) {
        // Every fifth waits for a middle (a chain), the others for a holder.
        const int row =
            chains > 0 && waiter % 5 == 0 ? 1000 + (waiter / 5) % chains : waiter % holders + 1;
        runInThread(fixture, u"waiter-%1"_s.arg(waiter),
                    {u"UPDATE bench_accounts SET balance = balance + 1 WHERE id = %1"_s.arg(row)},
                    threads);
    }
    for (int sleeper = 0; sleeper < sleepers; ++sleeper)
        runInThread(
            fixture, u"report-%1"_s.arg(sleeper),
            {u"SELECT pg_sleep(86400), count(*) FROM bench_accounts WHERE balance > %1"_s.arg(
                sleeper)},
            threads);
    for (int session = 0; session < inTransaction; ++session) {
        QSqlDatabase db = openSession(fixture, u"txn-%1"_s.arg(session), sessionRole,
                                      u"bench-txn-%1"_s.arg(session));
        exec(db, u"BEGIN"_s);
        exec(db, u"SELECT balance FROM bench_accounts WHERE id = %1"_s.arg(1500 + session));
        held.push_back(db);
    }
    for (int session = 0; session < idle; ++session) {
        QSqlDatabase db = openSession(fixture, u"idle-%1"_s.arg(session), sessionRole,
                                      u"bench-web-%1"_s.arg(session % 16));
        exec(db, u"SELECT id, balance FROM bench_accounts WHERE id = %1"_s.arg(session % 2000 + 1));
        held.push_back(db);
    }
    waitFor(monitor, u"wait_event_type = 'Lock'"_s, waiters, u"sessions waiting for a lock"_s);
    waitFor(monitor, u"true"_s, holders + waiters + others, u"sessions open"_s);
    monitor.close();
    std::printf("ready %d sessions, %d waiting for a lock (%d holders, %d chains), %d running "
                "pg_sleep, %d idle in transaction, %d idle\n",
                holders + waiters + others, waiters, holders, chains, sleepers, inTransaction,
                idle);
    std::fflush(stdout);
    for (;;)
        pause();
}

// --- run -------------------------------------------------------------------------------------

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The value at fraction (0.5 the median, 0.95 the p95), nearest rank.
double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::max(0.0, fraction * double(values.size()) - 1e-9));
    return values[std::min(values.size() - 1, rank)];
}

QString ms(double value)
{
    return value < 0 ? u"-"_s : QString::number(value, 'f', value < 100 ? 1 : 0) + u" ms"_s;
}

QString verdict(bool met)
{
    return met ? u"PASS"_s : u"MISS"_s;
}

void printRow(const QString &what, const QString &ours, const QString &target, const QString &word,
              const QString &peer)
{
    std::printf("  %-46s %-12s %-10s %-5s %s\n", qPrintable(what), qPrintable(ours),
                qPrintable(target), qPrintable(word), qPrintable(peer));
}

// Waits until the session said refreshed for every one of views, at most timeoutMs; false when
// one did not come.
bool waitRefreshed(DatabaseSession &session, QList<DatabaseView> views, int timeoutMs)
{
    QEventLoop loop;
    const QMetaObject::Connection connection =
        QObject::connect(&session, &DatabaseSession::refreshed, &loop, [&](DatabaseView which) {
            views.removeAll(which);
            if (views.isEmpty())
                loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return views.isEmpty();
}

void pauseEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

int run(const QHash<QString, QString> &env, int rounds, const QHash<QString, QString> &peers)
{
    Database database;
    database.name = u"bench"_s;
    database.host = env.value(u"HOST"_s);
    database.port = env.value(u"PORT"_s).toInt();
    database.database = env.value(u"DATABASE"_s);
    database.user = env.value(u"USER"_s);
    database.sslMode = u"disable"_s;
    DatabaseServices services;
    Environment environment;
    environment.name = u"bench"_s;
    Host host;
    host.name = u"local"_s;
    host.connection = ConnectionKind::Local;
    environment.hosts.append(host);
    services.workspace.environments.append(environment);
    DatabaseSession session(database, u"local"_s, services);
    // What the Activity and Locks pages put on the models: sorted views.
    QSortFilterProxyModel activityView;
    activityView.setSortRole(KeyedTableRole::Sort);
    activityView.setSourceModel(session.activity());
    activityView.sort(0, Qt::AscendingOrder);
    QSortFilterProxyModel locksView;
    locksView.setSortRole(LockTreeModel::SortRole);
    locksView.setSourceModel(session.locks());
    locksView.sort(LockTreeModel::Pid, Qt::AscendingOrder);

    // The password as the operator would type it; this opens the connection and reads once.
    session.providePassword(env.value(u"PASSWORD"_s), false);
    if (!waitRefreshed(session, {DatabaseView::Activity}, 60000) ||
        !session.lastSnapshot(DatabaseView::Activity).error.isEmpty()) {
        std::fprintf(stderr, "bench_database: the first Activity refresh failed: %s %s\n",
                     qPrintable(session.error()),
                     qPrintable(session.lastSnapshot(DatabaseView::Activity).error));
        return 1;
    }
    // Warm-up: the connection's caches, the models' first load.
    for (int round = 0; round < 2; ++round) {
        session.refresh(DatabaseView::Activity);
        waitRefreshed(session, {DatabaseView::Activity}, 60000);
    }

    std::vector<double> wall;
    std::vector<double> guiCpu;
    std::vector<double> ticks; // refreshNow(): Overview and Activity together
    std::vector<DatabaseSnapshot> snapshots{session.lastSnapshot(DatabaseView::Activity)};
    int failures = 0;
    QString lastError;
    qint64 longestStall = 0;
    double longestBusy = 0;
    {
        StallMeter stalls;
        ThreadBusyMeter busy;
        for (int round = 0; round < rounds; ++round) {
            pauseEventLoop(100); // the meters tick between refreshes as in the app
            const qint64 cpuBefore = threadCpuNs();
            QElapsedTimer clock;
            clock.start();
            session.refresh(DatabaseView::Activity);
            const bool came = waitRefreshed(session, {DatabaseView::Activity}, 60000);
            const double elapsed = msSince(clock);
            const double cpu = double(threadCpuNs() - cpuBefore) / 1e6;
            const DatabaseSnapshot snapshot = session.lastSnapshot(DatabaseView::Activity);
            if (!came || !snapshot.error.isEmpty()) {
                ++failures;
                lastError = came ? snapshot.error : u"no answer in 60 s"_s;
                continue;
            }
            wall.push_back(elapsed);
            guiCpu.push_back(cpu);
            snapshots.push_back(snapshot);
        }
        // What the page's timer does each tick: the Overview (for its charts) and the view shown.
        for (int round = 0; round < rounds; ++round) {
            pauseEventLoop(100);
            QElapsedTimer clock;
            clock.start();
            session.refreshNow();
            const bool came =
                waitRefreshed(session, {DatabaseView::Overview, DatabaseView::Activity}, 60000);
            const QString error = session.lastSnapshot(DatabaseView::Overview).error;
            if (!came || !error.isEmpty()) {
                ++failures;
                lastError = came ? error : u"no answer in 60 s"_s;
                continue;
            }
            ticks.push_back(msSince(clock));
        }
        pauseEventLoop(100);
        longestStall = stalls.longestMs();
        longestBusy = busy.longestMs();
    }

    // The model update alone, on models of its own fed the same snapshots in the same order
    // (in place, as the session's were): what the GUI thread does with a snapshot.
    std::vector<double> update;
    std::vector<double> updateCpu; // the thread's own CPU: preemption on a loaded machine left out
    {
        ActivityModel *activity = newActivityModel(session.thresholds(), nullptr);
        std::unique_ptr<ActivityModel> ownActivity(activity);
        LockTreeModel locks;
        QSortFilterProxyModel activitySorted;
        activitySorted.setSortRole(KeyedTableRole::Sort);
        activitySorted.setSourceModel(activity);
        activitySorted.sort(0, Qt::AscendingOrder);
        QSortFilterProxyModel locksSorted;
        locksSorted.setSortRole(LockTreeModel::SortRole);
        locksSorted.setSourceModel(&locks);
        locksSorted.sort(LockTreeModel::Pid, Qt::AscendingOrder);
        activity->setRows(snapshots.front().activity);
        locks.setActivity(snapshots.front().activity);
        for (size_t index = 1; index < snapshots.size(); ++index) {
            const qint64 cpuBefore = threadCpuNs();
            QElapsedTimer clock;
            clock.start();
            activity->setRows(snapshots[index].activity);
            locks.setActivity(snapshots[index].activity);
            update.push_back(msSince(clock));
            updateCpu.push_back(double(threadCpuNs() - cpuBefore) / 1e6);
        }
    }

    const DatabaseSnapshot last = snapshots.back();
    const LockTree &tree = session.locks()->tree();
    int clientBackends = 0;
    int lockWaits = 0;
    for (const ActivityRow &row : last.activity) {
        clientBackends += row.backendType == u"client backend" ? 1 : 0;
        lockWaits += row.waitEventType == u"Lock" ? 1 : 0;
    }
    int deepest = 0;
    for (const LockTreeNode &node : tree.nodes)
        deepest = std::max(deepest, node.depth);

    const auto peer = [&peers](const QString &name, const QString &label) -> QString {
        const QString value = peers.value(name, u"-"_s);
        if (value == u"-")
            return label + u": "_s + peers.value(name + u"_note"_s, u"not measured"_s);
        return label + u' ' + value + u" ms"_s;
    };
    const double refreshMedian = percentile(wall, 0.5);
    std::printf("%s, %d client sessions in Activity (%lld rows), %d waiting for a lock\n",
                qPrintable(last.server.version.section(u' ', 0, 0).prepend(u"PostgreSQL "_s)),
                clientBackends, qlonglong(last.activity.size()), lockWaits);
    std::printf("lock tree: %lld root blockers, %lld nodes, deepest level %d (0 = root)\n",
                qlonglong(tree.roots.size()), qlonglong(tree.nodes.size()), deepest);
    std::printf("%zu refreshes of the Activity view (its lock tree included), %zu of Overview + "
                "Activity%s\n",
                wall.size(), ticks.size(),
                failures ? qPrintable(u", %1 failed: %2"_s.arg(failures).arg(lastError)) : "");
    printRow(QString(), u"OpsDeck"_s, u"target"_s, QString(), peers.value(u"pga_title"_s));
    printRow(u"refresh() to refreshed, median"_s, ms(refreshMedian), u"< 200 ms"_s,
             verdict(!wall.empty() && refreshMedian < 200),
             peer(u"pga_ms"_s, u"activities + waiting + blocking, median"_s));
    printRow(u"refresh() to refreshed, p95"_s, ms(percentile(wall, 0.95)), u"-"_s, QString(),
             peer(u"pga_p95_ms"_s, u"activities + waiting + blocking, p95"_s));
    printRow(u"refresh() to refreshed, slowest"_s,
             ms(wall.empty() ? -1 : *std::max_element(wall.begin(), wall.end())), u"-"_s, QString(),
             peer(u"pga_activities_ms"_s, u"activities alone, median"_s));
    printRow(u"GUI thread CPU in a refresh, median"_s, ms(percentile(guiCpu, 0.5)), u"-"_s,
             QString(), peer(u"pga_waiting_ms"_s, u"waiting alone, median"_s));
    printRow(u"model update alone, median"_s, ms(percentile(update, 0.5)), u"-"_s, QString(),
             peer(u"pga_blocking_ms"_s, u"blocking alone, median"_s));
    printRow(u"model update alone, slowest (thread CPU)"_s,
             ms(updateCpu.empty() ? -1 : *std::max_element(updateCpu.begin(), updateCpu.end())),
             u"-"_s, QString(),
             peer(u"pga_local_ms"_s, u"activities + /proc of each backend, median"_s));
    printRow(u"refreshNow() (Overview + Activity), median"_s, ms(percentile(ticks, 0.5)), u"-"_s,
             QString(), QString());
    printRow(u"longest GUI-thread CPU run (ThreadBusyMeter)"_s, ms(longestBusy), u"<= 16 ms"_s,
             verdict(longestBusy <= 16), QString());
    printRow(u"longest GUI-thread stall (StallMeter)"_s, ms(double(longestStall)), u"-"_s,
             QString(), u"(wall time between two 5 ms ticks; the rest is waiting for a CPU)"_s);
    if (const QString note = peers.value(u"pga_about"_s); !note.isEmpty())
        std::printf("  %s\n", qPrintable(note));
    return wall.empty() ? 1 : 0;
}

// --- smoke -----------------------------------------------------------------------------------

int smoke(int sessions, int waiters, int rounds)
{
    PostgresFixture postgres;
    if (!postgres.ok()) {
        std::fprintf(stderr, "bench_database: the fixture did not start: %s\n",
                     qPrintable(postgres.error()));
        return 1;
    }
    const QString envPath = postgres.directory() + u"/fixture.env"_s;
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QCoreApplication::applicationFilePath(),
                 {u"hold"_s, envPath, QString::number(sessions), QString::number(waiters)});
    // Setup, before anything is measured: blocking here freezes nothing that is timed.
    QByteArray said;
    for (int round = 0; round < 120 && !said.contains('\n'); ++round) {
        if (!holder.waitForReadyRead(1000) && holder.state() == QProcess::NotRunning)
            break;
        said += holder.readAllStandardOutput();
    }
    if (!said.startsWith("ready")) {
        std::fprintf(stderr, "bench_database: the sessions were not held: %s\n", said.constData());
        holder.kill();
        holder.waitForFinished(5000);
        return 1;
    }
    std::printf("%s", said.constData());
    QHash<QString, QString> env;
    for (const QString &key : {u"HOST"_s, u"PORT"_s, u"USER"_s, u"PASSWORD"_s, u"DATABASE"_s})
        env.insert(key, postgres.value(key));
    const int result = run(env, rounds, {});
    holder.kill();
    holder.waitForFinished(5000);
    return result;
}

int usage()
{
    std::fprintf(stderr, "usage: bench_database hold ENV SESSIONS WAITERS\n"
                         "       bench_database run ENV ROUNDS [NAME=VALUE...]\n"
                         "       bench_database smoke SESSIONS WAITERS ROUNDS\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<DatabaseView>();
    const QStringList arguments = app.arguments();
    const QString mode = arguments.value(1);
    if (mode == u"hold" && arguments.size() == 5)
        return hold(arguments.at(2), arguments.at(3).toInt(), arguments.at(4).toInt());
    if (mode == u"run" && arguments.size() >= 4) {
        const QHash<QString, QString> env = readEnv(arguments.at(2));
        if (env.value(u"PORT"_s).isEmpty()) {
            std::fprintf(stderr, "bench_database: %s names no PORT\n", qPrintable(arguments.at(2)));
            return 2;
        }
        QHash<QString, QString> peers;
        for (const QString &argument : arguments.mid(4)) {
            const qsizetype equals = argument.indexOf(u'=');
            if (equals > 0)
                peers.insert(argument.left(equals), argument.mid(equals + 1));
        }
        return run(env, std::max(1, arguments.at(3).toInt()), peers);
    }
    if (mode == u"smoke" && arguments.size() == 5)
        return smoke(arguments.at(2).toInt(), arguments.at(3).toInt(),
                     std::max(1, arguments.at(4).toInt()));
    return usage();
}
