// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL checks against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh): values,
// a wrong password, a missing database, a refused port, connections against the workspace's
// thresholds with extra sessions open; and against a server in this test that accepts and stays
// silent, while the event loop of the calling thread keeps running.
#include "checktesting.h"
#include "models/health/postgrescheck.h"
#include "postgresfixture.h"
#include "stallmeter.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

} // namespace

class PostgresCheckTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;

    Database database() const
    {
        Database database;
        database.name = u"orders"_s;
        database.host = m_postgres->value(u"HOST"_s);
        database.port = m_postgres->value(u"PORT"_s).toInt();
        database.database = m_postgres->value(u"DATABASE"_s);
        database.user = m_postgres->value(u"USER"_s);
        database.sslMode = u"disable"_s;
        return database;
    }

    PostgresCheckOptions options(const Workspace &workspace = {}) const
    {
        PostgresCheckOptions options = postgresCheckOptions(database(), workspace);
        options.password = m_postgres->value(u"PASSWORD"_s);
        options.timeoutMs = 10000;
        return options;
    }

    QString where() const
    {
        return u"%1 at 127.0.0.1:%2"_s.arg(m_postgres->value(u"DATABASE"_s),
                                           m_postgres->value(u"PORT"_s));
    }

    static CheckResult run(const PostgresCheckOptions &options)
    {
        PostgresCheck check;
        QSignalSpy spy(&check, &PostgresCheck::finished);
        check.start(u"test:postgres"_s, options);
        if (!spy.wait(30000))
            return {};
        QTest::qWait(20);
        if (spy.size() != 1)
            return {};
        return spy.constFirst().constFirst().value<CheckResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CheckResult>();
        m_postgres = std::make_unique<PostgresFixture>();
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    }

    void ok()
    {
        const CheckResult result = run(options());
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(result.checkId, u"test:postgres"_s);
        QVERIFY(result.error.isEmpty());
        QVERIFY2(result.summary.contains(where()), qPrintable(result.summary));
        const CheckValue *latency = findValue(result, u"latency"_s);
        QVERIFY(latency && latency->unit == "ms"_L1 && latency->warning == 500.0);
        const CheckValue *version = findValue(result, u"version"_s);
        QVERIFY2(version && version->text.startsWith(u"PostgreSQL 15"_s),
                 qPrintable(describe(result)));
        QVERIFY(version->value >= 150000 && version->value < 160000);
        const CheckValue *connections = findValue(result, u"connections"_s);
        QVERIFY(connections);
        QCOMPARE(connections->unit, u"%"_s);
        // At least this check's own session, out of 100 - 3 reserved for superusers.
        QVERIFY2(connections->value > 0 && connections->value < 80, qPrintable(describe(result)));
        QVERIFY2(connections->text.contains(u"of 97 (max_connections 100, 3 reserved)"_s),
                 qPrintable(connections->text));
        QCOMPARE(findValue(result, u"role"_s)->text, u"primary"_s);
        QVERIFY(!describe(result).contains(m_postgres->value(u"PASSWORD"_s)));
    }

    void wrongPassword()
    {
        PostgresCheckOptions wrong = options();
        wrong.password = u"not-the-password-4711"_s;
        const CheckResult result = run(wrong);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error, u"PostgreSQL database %1: wrong password for user %2"_s.arg(
                                   where(), m_postgres->value(u"USER"_s)));
        QVERIFY(!describe(result).contains(u"4711"_s));

        wrong.password.clear();
        const CheckResult none = run(wrong);
        QCOMPARE(none.verdict, Verdict::Critical);
        QVERIFY2(none.error.contains(u"none is configured"_s), qPrintable(none.error));
    }

    void missingDatabase()
    {
        PostgresCheckOptions missing = options();
        missing.database = u"no_such_db"_s;
        const CheckResult result = run(missing);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error,
                 u"PostgreSQL database no_such_db at 127.0.0.1:%1: database no_such_db does not "
                 "exist"_s.arg(m_postgres->value(u"PORT"_s)));
    }

    void refused()
    {
        PostgresCheckOptions refused = options();
        refused.port = closedPort();
        const CheckResult result = run(refused);
        QCOMPARE(result.verdict, Verdict::Critical);
        QCOMPARE(result.error, u"PostgreSQL database %1 at 127.0.0.1:%2: connection refused"_s
                                   .arg(refused.database)
                                   .arg(refused.port));
    }

    void connectionsAgainstTheWorkspaceThresholds()
    {
        // Five more sessions: at least 6 of 97 slots are taken while they are open.
        QStringList names;
        for (int i = 0; i < 5; ++i) {
            const QString name = u"extra-%1"_s.arg(i);
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(m_postgres->value(u"HOST"_s));
            db.setPort(m_postgres->value(u"PORT"_s).toInt());
            db.setDatabaseName(m_postgres->value(u"DATABASE"_s));
            db.setUserName(m_postgres->value(u"USER"_s));
            db.setPassword(m_postgres->value(u"PASSWORD"_s));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            names.append(name);
        }
        const auto closeAll = qScopeGuard([&] {
            for (const QString &name : std::as_const(names)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
        });

        Workspace workspace;
        workspace.thresholds = {
            {u"connections_usage"_s, 5, 50, u"%"_s, Threshold::Direction::Above, {}}};
        const CheckResult warning = run(options(workspace));
        QCOMPARE(warning.verdict, Verdict::Warning);
        const CheckValue *connections = findValue(warning, u"connections"_s);
        QVERIFY2(connections->value >= 6.0 / 97 * 100 - 0.1, qPrintable(describe(warning)));
        QCOMPARE(connections->warning, 5.0);

        workspace.thresholds[0].warning = 1;
        workspace.thresholds[0].critical = 5;
        const CheckResult critical = run(options(workspace));
        QCOMPARE(critical.verdict, Verdict::Critical);
        QVERIFY(critical.error.isEmpty()); // it answers: busy, not down
    }

    void silentServerDoesNotBlockTheCaller()
    {
        QTcpServer silent; // accepts (the kernel does), never answers the startup packet
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        PostgresCheckOptions stuck = options();
        stuck.port = silent.serverPort();
        stuck.timeoutMs = 2000; // libpq's connect_timeout counts whole seconds, 2 at least

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(10);
        StallMeter stalls;
        QElapsedTimer clock;
        clock.start();
        const CheckResult result = run(stuck);
        const qint64 took = clock.elapsed();

        QCOMPARE(result.verdict, Verdict::Critical);
        QVERIFY2(result.error.contains(u": no answer within 2"_s), qPrintable(result.error));
        QVERIFY2(took >= 1900, qPrintable(QString::number(took)));
        // The loop ran the whole time: a tick every 10 ms, no freeze a user would see.
        QVERIFY2(ticks >= took / 10 / 2, qPrintable(u"%1 ticks in %2 ms"_s.arg(ticks).arg(took)));
        QVERIFY2(stalls.longestMs() < 500, qPrintable(QString::number(stalls.longestMs())));
    }

    void abortedCheckStaysSilent()
    {
        PostgresCheck check;
        QSignalSpy spy(&check, &PostgresCheck::finished);
        check.start(u"test:postgres"_s, options());
        QVERIFY(check.isRunning());
        check.abort();
        QVERIFY(!check.isRunning());
        QVERIFY(!spy.wait(1500));
        // Started again, it answers once.
        check.start(u"test:postgres"_s, options());
        QVERIFY(spy.wait(10000));
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(PostgresCheckTest)
#include "tst_postgrescheck.moc"
