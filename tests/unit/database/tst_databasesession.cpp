// SPDX-License-Identifier: GPL-3.0-or-later
// The DBA views against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh): every view
// reads; real lock contention made by psql sessions gives the tree with its root blocker;
// terminating the root through the safety gate lets the waiters proceed; read-only mode refuses
// the action; OpsDeck's own session is never a target.
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/audit/auditlog.h"
#include "models/database/databasesession.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/persistence/statestore.h"
#include "postgresfixture.h"
#include "statetesting.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class DatabaseSessionTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;
    QTemporaryDir m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<DatabaseTesting::PsqlSessions> m_psql;

    Database database() const
    {
        Database database;
        database.name = u"orders"_s;
        database.host = m_postgres->value(u"HOST"_s);
        database.port = m_postgres->value(u"PORT"_s).toInt();
        database.database = m_postgres->value(u"DATABASE"_s);
        database.user = m_postgres->value(u"USER"_s);
        database.sslMode = u"disable"_s;
        database.password.entry = u"orders-db"_s;
        return database;
    }

    QProcess *psql(const QString &application) { return m_psql->open(application); }

    static void send(QProcess *process, const QString &sql)
    {
        DatabaseTesting::PsqlSessions::send(process, sql);
    }

    QString superuserQuery(const QString &sql) const
    {
        return DatabaseTesting::superuserQuery(*m_postgres, sql);
    }

    int pidOf(const QString &application) const
    {
        return DatabaseTesting::pidOf(*m_postgres, application);
    }

    QString stateOf(const QString &application) const
    {
        return DatabaseTesting::stateOf(*m_postgres, application);
    }

    std::unique_ptr<DatabaseSession> newSession(IncidentSession *incident = nullptr)
    {
        DatabaseServices services;
        services.gate = m_gate.get();
        services.incident = incident;
        Workspace workspace = CommandTesting::localWorkspace(u"local"_s);
        services.workspace = workspace;
        Database plain = database();
        plain.password = {};
        auto session = std::make_unique<DatabaseSession>(plain, u"local"_s, services);
        // The keychain is not part of this test: the password as the operator would type it.
        session->providePassword(m_postgres->value(u"PASSWORD"_s), false);
        return session;
    }

    static bool refreshed(DatabaseSession &session, DatabaseView view)
    {
        QSignalSpy spy(&session, &DatabaseSession::refreshed);
        session.refresh(view);
        for (int round = 0; round < 60; ++round) {
            for (const QList<QVariant> &arguments : std::as_const(spy)) {
                if (arguments.value(0).value<DatabaseView>() == view)
                    return true;
            }
            spy.wait(500);
        }
        return false;
    }

    static bool waitOpen(DatabaseSession &session)
    {
        for (int round = 0; round < 60 && session.state() != DatabaseConnectionState::Open; ++round)
            QTest::qWait(250);
        return session.state() == DatabaseConnectionState::Open;
    }

    // Waits until the activity snapshot shows pid waiting for a lock.
    bool waitUntilWaiting(DatabaseSession &session, const QList<int> &pids)
    {
        for (int round = 0; round < 60; ++round) {
            if (!refreshed(session, DatabaseView::Activity))
                return false;
            const DatabaseSnapshot snapshot = session.lastSnapshot(DatabaseView::Activity);
            if (!snapshot.error.isEmpty())
                qWarning("%s", qPrintable(snapshot.error));
            const QList<int> waiting = waitingPids(snapshot.activity);
            if (std::all_of(pids.cbegin(), pids.cend(),
                            [&](int pid) { return waiting.contains(pid); }))
                return true;
            QTest::qWait(200);
        }
        return false;
    }

    void endContention()
    {
        if (m_psql)
            m_psql->endAll();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DatabaseView>();
        m_postgres = std::make_unique<PostgresFixture>();
        m_psql = std::make_unique<DatabaseTesting::PsqlSessions>(*m_postgres);
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        superuserQuery(
            u"DROP TABLE IF EXISTS accounts; CREATE TABLE accounts (id int PRIMARY KEY, "
            "balance int); INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10) g; "
            "DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN; GRANT ALL ON accounts TO app; "
            "GRANT pg_signal_backend TO opsdeck"_s);
    }

    void init()
    {
        m_store = std::make_unique<StateStore>();
        QString error;
        QVERIFY2(StateTesting::openStore(*m_store, m_directory.filePath(u"state.sqlite"_s), &error),
                 qPrintable(error));
        m_auditLog = std::make_unique<AuditLog>(m_store.get());
        m_readOnly = std::make_unique<ReadOnlyMode>(false);
        m_gate = std::make_unique<ActionGate>(m_auditLog.get(), m_readOnly.get());
    }

    void cleanup()
    {
        endContention();
        m_gate.reset();
        m_auditLog.reset();
        m_store.reset();
    }

    void everyViewReads()
    {
        auto session = newSession();
        QVERIFY(waitOpen(*session));
        QAbstractItemModelTester activityTester(session->activity());
        QAbstractItemModelTester locksTester(session->locks());
        QAbstractItemModelTester statementsTester(session->statements());
        QAbstractItemModelTester tablesTester(session->tables());
        QAbstractItemModelTester indexesTester(session->indexes());
        QAbstractItemModelTester replicasTester(session->replicas());
        QAbstractItemModelTester slotsTester(session->slots());
        QAbstractItemModelTester statsTester(session->databaseStats());
        QAbstractItemModelTester historyTester(session->history());
        for (DatabaseView view :
             {DatabaseView::Overview, DatabaseView::Activity, DatabaseView::Statements,
              DatabaseView::Tables, DatabaseView::Replication}) {
            QVERIFY(refreshed(*session, view));
            const DatabaseSnapshot snapshot = session->lastSnapshot(view);
            QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
        }
        const ServerInfo server = session->server();
        QCOMPARE(server.versionNumber / 10000, 15);
        QVERIFY(server.hasStatements());
        QVERIFY(server.readAllStats); // pg_monitor
        QVERIFY(!server.superuser);
        // PostgreSQL 15 has no pg_stat_io: nothing asked, nothing shown.
        QVERIFY(session->lastSnapshot(DatabaseView::Overview).io.isEmpty());
        QCOMPARE(session->io()->rowCount(), 0);
        // Our own session is in Activity, marked.
        const QList<ActivityRow> activity = session->lastSnapshot(DatabaseView::Activity).activity;
        const auto own =
            std::find_if(activity.cbegin(), activity.cend(),
                         [&](const ActivityRow &row) { return row.pid == server.ownPid; });
        QVERIFY(own != activity.cend());
        QVERIFY(own->own);
        QVERIFY(session->tables()->rowOf(u"public.accounts"_s) >= 0);
        QVERIFY(session->indexes()->rowOf(u"public.accounts_pkey"_s) >= 0);
        QVERIFY(session->databaseStats()->rowOf(m_postgres->value(u"DATABASE"_s)) >= 0);
        QVERIFY(!session->pidRefusal(server.ownPid).isEmpty());
    }

    void lockTreeRootAndTerminate()
    {
        auto session = newSession();
        QVERIFY(waitOpen(*session));
        QProcess *holder = psql(u"holder"_s);
        send(holder, u"BEGIN; UPDATE accounts SET balance = balance - 1 WHERE id = 1;"_s);
        // Connected is not enough: the holder's row lock must be taken before anyone queues.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"holder"_s), u"idle in transaction"_s, 10000);
        QProcess *first = psql(u"first"_s);
        send(first, u"UPDATE accounts SET balance = balance + 1 WHERE id = 1;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"first"_s), u"active/Lock"_s, 10000);
        QProcess *second = psql(u"second"_s);
        send(second, u"UPDATE accounts SET balance = balance + 2 WHERE id = 1;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"second"_s), u"active/Lock"_s, 10000);
        const int holderPid = pidOf(u"holder"_s);
        const int firstPid = pidOf(u"first"_s);
        const int secondPid = pidOf(u"second"_s);
        QVERIFY(waitUntilWaiting(*session, {firstPid, secondPid}));

        const LockTree &tree = session->locks()->tree();
        QCOMPARE(tree.roots.size(), 1);
        QCOMPARE(tree.sessionOf(tree.roots.first()).pid, holderPid);
        QCOMPARE(tree.nodes.at(tree.roots.first()).blockedTotal, 2);
        const QModelIndex root = session->locks()->index(0, LockTreeModel::Pid);
        QVERIFY(root.data(LockTreeModel::IsRootRole).toBool());

        // Read-only mode refuses, and nothing happens.
        m_readOnly->setEnabled(true);
        ActionConfirmation confirmation{Risk::Destroy, {QString::number(holderPid)}};
        std::optional<ActionOutcome> outcome;
        session->terminateBackend(holderPid, confirmation, this,
                                  [&](const ActionOutcome &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(!outcome->succeeded());
        QCOMPARE(pidOf(u"holder"_s), holderPid);

        // Destroy without the pid typed is refused too.
        m_readOnly->setEnabled(false);
        outcome.reset();
        session->terminateBackend(holderPid, {Risk::Destroy, {}}, this,
                                  [&](const ActionOutcome &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(!outcome->succeeded());
        QCOMPARE(pidOf(u"holder"_s), holderPid);

        outcome.reset();
        session->terminateBackend(holderPid, confirmation, this,
                                  [&](const ActionOutcome &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        // The waiters proceed: nobody waits any more.
        QTRY_VERIFY_WITH_TIMEOUT(
            superuserQuery(
                u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"_s) ==
                u"0"_s,
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"holder"_s), 0, 10000);
    }

    // While an incident is open, an action that reached the server is a line on its timeline
    // and its audit row names the incident; a refused one is neither.
    void actionsGoOnTheOpenIncident()
    {
        IncidentStore incidents(m_store.get());
        IncidentSession incident(&incidents);
        Incident declared;
        declared.title = u"Checkout slow"_s;
        declared.severity = IncidentSeverity::Sev2;
        declared.commander = u"dba"_s;
        QVERIFY(incident.declare(declared));
        QTRY_VERIFY_WITH_TIMEOUT(incident.isActive(), 10000);
        const qint64 incidentId = incident.incident().id;

        auto session = newSession(&incident);
        QVERIFY(waitOpen(*session));
        QProcess *sleeper = psql(u"sleeper"_s);
        send(sleeper, u"SELECT pg_sleep(60);"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"sleeper"_s), u"active"_s, 10000);
        const int sleeperPid = pidOf(u"sleeper"_s);
        QVERIFY(refreshed(*session, DatabaseView::Activity));

        m_readOnly->setEnabled(true);
        std::optional<ActionOutcome> outcome;
        session->cancelQuery(sleeperPid, {Risk::Change, {}}, this,
                             [&](const ActionOutcome &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(!outcome->succeeded());
        m_readOnly->setEnabled(false);

        const auto notes = [&] {
            QStringList lines;
            for (const IncidentEvent &event : incident.events()) {
                if (event.kind == IncidentEvent::Kind::Note)
                    lines.append(event.summary + event.output);
            }
            return lines.join(u'\n');
        };
        QVERIFY2(!notes().contains(u"cancel the query"_s), qPrintable(notes()));

        outcome.reset();
        session->cancelQuery(sleeperPid, {Risk::Change, {}}, this,
                             [&](const ActionOutcome &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
        QTRY_VERIFY_WITH_TIMEOUT(notes().contains(u"cancel the query of pid %1"_s.arg(sleeperPid)),
                                 10000);

        std::optional<QList<AuditEntry>> rows;
        AuditQuery query;
        query.text = u"postgres.query.cancel"_s;
        m_auditLog->query(query, this, [&](const StoreResult<QList<AuditEntry>> &answer) {
            rows = answer ? *answer : QList<AuditEntry>{};
        });
        QTRY_VERIFY_WITH_TIMEOUT(rows.has_value(), 10000);
        QCOMPARE(rows->size(), 1); // the refused attempt wrote no row
        QCOMPARE(rows->first().incidentId, std::optional<qint64>(incidentId));
        QVERIFY(rows->first().command.contains(QString::number(sleeperPid)));
    }
};

QTEST_GUILESS_MAIN(DatabaseSessionTest)
#include "tst_databasesession.moc"
