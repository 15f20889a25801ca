// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databasesession.h"
#include "postgresfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

// Driving a DatabaseSession against the PostgreSQL of tests/scripts/postgres-fixture.sh: psql
// sessions that hold locks or sleep while the test looks (role `app`, trust over the socket),
// the superuser's view of the server, and waits for the session's answers.
namespace DatabaseTesting {

using namespace Qt::StringLiterals;

class PsqlSessions
{
public:
    explicit PsqlSessions(const PostgresFixture &postgres)
        : m_postgres(postgres)
    {
    }
    ~PsqlSessions() { endAll(); }
    PsqlSessions(const PsqlSessions &) = delete;
    PsqlSessions &operator=(const PsqlSessions &) = delete;

    // A session of `role` named `application`, fed statements on stdin and kept open until
    // endAll(): it holds its locks and its transaction meanwhile.
    QProcess *open(const QString &application, const QString &role = u"app"_s)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PGAPPNAME"_s, application);
        process->setProcessEnvironment(environment);
        process->start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-h"_s, m_postgres.value(u"SOCKET_DIR"_s),
                                   u"-p"_s, m_postgres.value(u"PORT"_s), u"-U"_s, role, u"-d"_s,
                                   m_postgres.value(u"DATABASE"_s)});
        process->waitForStarted();
        m_sessions.push_back(std::move(process));
        return m_sessions.back().get();
    }

    static void send(QProcess *process, const QString &sql) { process->write(sql.toUtf8() + '\n'); }

    void endAll()
    {
        for (auto &process : m_sessions) {
            process->closeWriteChannel();
            if (!process->waitForFinished(5000))
                process->kill();
        }
        m_sessions.clear();
    }

private:
    const PostgresFixture &m_postgres;
    std::vector<std::unique_ptr<QProcess>> m_sessions;
};

// One statement's answer (rows as lines, columns split by '|'), read by a superuser psql of
// its own over the socket.
inline QString superuserQuery(const PostgresFixture &postgres, const QString &sql,
                              const QString &database = {})
{
    QProcess process;
    process.start(u"psql"_s,
                  {u"-X"_s, u"-At"_s, u"-h"_s, postgres.value(u"SOCKET_DIR"_s), u"-p"_s,
                   postgres.value(u"PORT"_s), u"-U"_s, postgres.value(u"SUPERUSER"_s), u"-d"_s,
                   database.isEmpty() ? postgres.value(u"DATABASE"_s) : database, u"-c"_s, sql});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

inline int pidOf(const PostgresFixture &postgres, const QString &application)
{
    return superuserQuery(
               postgres,
               u"SELECT pid FROM pg_stat_activity WHERE application_name = '%1'"_s.arg(application))
        .toInt();
}

// What pg_stat_activity says the session named application is doing: "idle", "active",
// "idle in transaction", "active/Lock" while it waits for a lock, or empty while it is not
// connected.
inline QString stateOf(const PostgresFixture &postgres, const QString &application)
{
    return superuserQuery(
        postgres, u"SELECT state || CASE WHEN wait_event_type = 'Lock' THEN '/Lock' ELSE "
                  "'' END FROM pg_stat_activity WHERE application_name = '%1'"_s.arg(application));
}

// Ends every session of role (its psql may be stuck in a long statement), as the superuser.
inline void terminateSessionsOf(const PostgresFixture &postgres, const QString &role)
{
    superuserQuery(postgres, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                             "usename = '%1'"_s.arg(role));
}

// Refreshes view and waits for its answer.
inline bool refreshed(OpsDeck::DatabaseSession &session, OpsDeck::DatabaseView view)
{
    QSignalSpy spy(&session, &OpsDeck::DatabaseSession::refreshed);
    session.refresh(view);
    for (int round = 0; round < 60; ++round) {
        for (const QList<QVariant> &arguments : std::as_const(spy)) {
            if (arguments.value(0).value<OpsDeck::DatabaseView>() == view)
                return true;
        }
        spy.wait(500);
    }
    return false;
}

inline bool waitState(OpsDeck::DatabaseSession &session, OpsDeck::DatabaseConnectionState state,
                      int timeoutMs = 15000)
{
    for (int waited = 0; waited < timeoutMs && session.state() != state; waited += 100)
        QTest::qWait(100);
    return session.state() == state;
}

// Refreshes Activity until every pid in pids waits for a lock.
inline bool waitUntilWaiting(OpsDeck::DatabaseSession &session, const QList<int> &pids)
{
    for (int round = 0; round < 60; ++round) {
        if (!refreshed(session, OpsDeck::DatabaseView::Activity))
            return false;
        const QList<int> waiting =
            OpsDeck::waitingPids(session.lastSnapshot(OpsDeck::DatabaseView::Activity).activity);
        if (std::all_of(pids.cbegin(), pids.cend(), [&](int pid) { return waiting.contains(pid); }))
            return true;
        QTest::qWait(200);
    }
    return false;
}

// Runs one action of the session and waits for its outcome.
template<typename Start>
std::optional<OpsDeck::ActionOutcome> actionOutcome(Start start, int timeoutMs = 30000)
{
    auto outcome = std::make_shared<std::optional<OpsDeck::ActionOutcome>>();
    start([outcome](const OpsDeck::ActionOutcome &result) { *outcome = result; });
    for (int waited = 0; waited < timeoutMs && !outcome->has_value(); waited += 50)
        QTest::qWait(50);
    return *outcome;
}

} // namespace DatabaseTesting
