// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the DBA views' SQL: column names chosen by server and extension version,
// query texts shown with their secrets masked, int arrays as QPSQL hands them over, versions.
#include "models/database/databasequeries.h"

#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class DatabaseQueriesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statementColumns_data()
    {
        QTest::addColumn<int>("server");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("expected"); // a column the SQL must name, or "" for no SQL
        QTest::addColumn<QString>("absent");
        // pg_stat_statements 1.8 came with PostgreSQL 13 and renamed total_time.
        QTest::newRow("12 with 1.7")
            << 120017 << u"1.7"_s << u"s.total_time"_s << u"total_exec_time"_s;
        QTest::newRow("13 with 1.8")
            << 130013 << u"1.8"_s << u"s.total_exec_time"_s << u"s.total_time"_s;
        QTest::newRow("15 with 1.10")
            << 150010 << u"1.10"_s << u"s.mean_exec_time"_s << u"s.mean_time"_s;
        QTest::newRow("17 with 1.11")
            << 170002 << u"1.11"_s << u"s.max_exec_time"_s << u"s.max_time"_s;
        QTest::newRow("not installed") << 150010 << QString() << QString() << QString();
    }
    void statementColumns()
    {
        QFETCH(int, server);
        QFETCH(QString, extension);
        QFETCH(QString, expected);
        QFETCH(QString, absent);
        ServerInfo info;
        info.versionNumber = server;
        info.statementsVersion = extension;
        info.statementsSchema = u"monitoring"_s;
        info.database = u"orders"_s;
        const QString sql = statementsSql(info, 50);
        if (expected.isEmpty()) {
            QVERIFY(sql.isEmpty());
            QVERIFY(statementsEnableHint(info).contains(u"shared_preload_libraries"_s));
            QVERIFY(statementsEnableHint(info).contains(u"CREATE EXTENSION pg_stat_statements"_s));
            return;
        }
        QVERIFY2(sql.contains(expected), qPrintable(sql));
        QVERIFY2(!sql.contains(absent), qPrintable(sql));
        QVERIFY(sql.contains(u"FROM monitoring.pg_stat_statements"_s));
        QVERIFY(sql.contains(u"LIMIT 50"_s));
        QVERIFY(statementsEnableHint(info).isEmpty());
    }

    void versionDependentViews()
    {
        ServerInfo twelve;
        twelve.versionNumber = 120020;
        QVERIFY(!slotsSql(twelve).contains(u"wal_status"_s)); // 13+
        ServerInfo fifteen;
        fifteen.versionNumber = 150010;
        QVERIFY(slotsSql(fifteen).contains(u"wal_status"_s));
        QVERIFY(replicasSql(fifteen).contains(u"pg_current_wal_lsn()"_s));
        // A standby has no WAL position of its own: lag is measured from what it replayed.
        fifteen.inRecovery = true;
        QVERIFY(!replicasSql(fifteen).contains(u"pg_current_wal_lsn()"_s));
        QVERIFY(slotsSql(fifteen).contains(u"pg_last_wal_replay_lsn()"_s));
        QVERIFY(!fifteen.hasStatIo());
        ServerInfo sixteen;
        sixteen.versionNumber = 160004;
        QVERIFY(sixteen.hasStatIo());
        // pg_stat_io exists from 16 on: asked there, never before.
        QVERIFY(ioSql(fifteen).isEmpty());
        QVERIFY(ioSql(sixteen).contains(u"FROM pg_stat_io GROUP BY backend_type"_s));
        QVERIFY(!ioSql(sixteen).contains(u"op_bytes"_s)); // gone in 18
    }

    void grants()
    {
        ServerInfo superuser;
        superuser.superuser = true;
        QVERIFY(grantHints(superuser).isEmpty());
        ServerInfo plain;
        const QList<GrantHint> hints = grantHints(plain);
        QCOMPARE(hints.size(), 2);
        QCOMPARE(hints.at(0).grant, u"pg_read_all_stats"_s);
        QCOMPARE(hints.at(1).grant, u"pg_signal_backend"_s);
        ServerInfo monitor;
        monitor.readAllStats = true;
        QCOMPARE(grantHints(monitor).size(), 1);
        QCOMPARE(grantHintText(hints.at(1), u"app"_s),
                 u"Grant pg_signal_backend to app to cancel and terminate other users' "
                 "sessions."_s);

        // pg_stat_statements_reset is revoked from PUBLIC: without EXECUTE, Reset is refused.
        ServerInfo statements;
        statements.readAllStats = true;
        statements.signalBackend = true;
        statements.statementsVersion = u"1.10"_s;
        statements.statementsSchema = u"public"_s;
        const QList<GrantHint> reset = grantHints(statements);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(reset.first().grant, u"EXECUTE ON FUNCTION public.pg_stat_statements_reset"_s);
        QCOMPARE(grantHintText(reset.first(), u"opsdeck"_s),
                 u"Grant EXECUTE ON FUNCTION public.pg_stat_statements_reset to opsdeck to reset "
                 "pg_stat_statements (Reset Statistics in Slow queries)."_s);
        statements.statementsResetAllowed = true;
        QVERIFY(grantHints(statements).isEmpty());
        // Without the extension there is nothing to reset: the enable hint says what to do.
        ServerInfo noExtension = statements;
        noExtension.statementsVersion.clear();
        noExtension.statementsResetAllowed = false;
        QVERIFY(grantHints(noExtension).isEmpty());
        // The server info asks for the privilege on every overload of the function.
        QVERIFY(serverInfoSql().contains(u"has_function_privilege(p.oid, 'EXECUTE')"_s));
    }

    void masking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("shown");
        QTest::newRow("create role") << u"CREATE ROLE app LOGIN PASSWORD 'Sup3r-secret'"_s
                                     << u"CREATE ROLE app LOGIN PASSWORD '********'"_s;
        QTest::newRow("alter role, lower case, quote inside")
            << u"alter role app with encrypted password 'it''s mine';"_s
            << u"alter role app with encrypted password '********';"_s;
        QTest::newRow("escape string")
            << u"ALTER USER x PASSWORD E'a\\'b'"_s << u"ALTER USER x PASSWORD '********'"_s;
        QTest::newRow("two statements")
            << u"CREATE ROLE a PASSWORD 'one'; CREATE ROLE b PASSWORD 'two'"_s
            << u"CREATE ROLE a PASSWORD '********'; CREATE ROLE b PASSWORD '********'"_s;
        QTest::newRow("a URL with credentials")
            << u"SELECT dblink_connect('postgresql://app:hunter2@db.example/orders')"_s
            << u"SELECT dblink_connect('postgresql://app:********@db.example/orders')"_s;
        QTest::newRow("a placeholder stays")
            << u"ALTER ROLE app PASSWORD $1"_s << u"ALTER ROLE app PASSWORD $1"_s;
        QTest::newRow("nothing secret") << u"SELECT password_changed_at FROM users WHERE id = 1"_s
                                        << u"SELECT password_changed_at FROM users WHERE id = 1"_s;
    }
    void masking()
    {
        QFETCH(QString, query);
        QFETCH(QString, shown);
        QCOMPARE(maskQuerySecrets(query), shown);
    }

    void intArrays_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("values");
        QTest::newRow("braces") << u"{12,34}"_s << QList<int>{12, 34};
        QTest::newRow("plain") << u"12,34"_s << QList<int>{12, 34};
        QTest::newRow("empty") << u"{}"_s << QList<int>{};
        QTest::newRow("nothing") << QString() << QList<int>{};
        QTest::newRow("spaces and junk") << u" { 7 , x, 9 } "_s << QList<int>{7, 9};
    }
    void intArrays()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, values);
        QCOMPARE(parseIntArray(text), values);
    }

    void versions()
    {
        QCOMPARE(versionText(150010), u"15.10"_s);
        QCOMPARE(versionText(120000), u"12.0"_s);
        QCOMPARE(versionText(90624), u"9.6.24"_s);
    }
};

QTEST_GUILESS_MAIN(DatabaseQueriesTest)
#include "tst_databasequeries.moc"
