// SPDX-License-Identifier: GPL-3.0-or-later
// The Databases page against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh): the
// workspace's database listed and opened, Activity filled with OpsDeck's own session marked,
// the filters, real lock contention made by psql sessions shown as a tree with its root
// blocker, read-only mode refusing a terminate, and a terminate confirmed in the page's dialog
// (the pid typed) freeing the waiters. A screenshot of every tab under a busy afternoon's load
// (two lock chains, slow reports, idle transactions, a committing worker, an application's
// statements in pg_stat_statements, purged tables, an inactive slot): docs/screenshots/ holds
// copies of them (databases.png is the Locks tab).
#include "databasetesting.h"
#include "models/audit/auditlog.h"
#include "models/database/databasesession.h"
#include "models/persistence/statestore.h"
#include "postgresfixture.h"
#include "screenshots.h"
#include "statetesting.h"
#include "widgets/common/appearance.h"
#include "widgets/database/databasefilters.h"
#include "widgets/database/databasespage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class DatabasesPageTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;
    QTemporaryDir m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<DatabaseMonitor> m_monitor;
    std::unique_ptr<DatabaseTesting::PsqlSessions> m_psql;

    Workspace workspace() const
    {
        Database database;
        database.name = u"orders"_s;
        database.host = m_postgres->value(u"HOST"_s);
        database.port = m_postgres->value(u"PORT"_s).toInt();
        database.database = m_postgres->value(u"DATABASE"_s);
        database.user = m_postgres->value(u"USER"_s);
        database.sslMode = u"disable"_s;
        Host host;
        host.name = u"local"_s;
        host.connection = ConnectionKind::Local;
        host.databases.append(database);
        Environment environment;
        environment.name = u"production"_s;
        environment.hosts.append(host);
        Workspace workspace;
        workspace.environments.append(environment);
        // Seconds instead of the default minutes, so the Long-running tab fills during the test.
        workspace.thresholds.append(
            {u"long_running_query"_s, 0.05, 1, u"min"_s, Threshold::Direction::Above, {}});
        workspace.thresholds.append(
            {u"idle_in_transaction"_s, 0.05, 1, u"min"_s, Threshold::Direction::Above, {}});
        return workspace;
    }

    QProcess *psql(const QString &application, const QString &user = u"app"_s)
    {
        return m_psql->open(application, user);
    }

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

    QString waitOf(const QString &application) const
    {
        return superuserQuery(
            u"SELECT wait_event_type FROM pg_stat_activity WHERE application_name = '%1'"_s.arg(
                application));
    }

    // A page over the fixture's database, shown and connected.
    std::unique_ptr<DatabasesPage> openPage()
    {
        // The keychain is not part of this test: the password as the operator would type it.
        m_monitor->session(u"orders"_s)->providePassword(m_postgres->value(u"PASSWORD"_s), false);
        auto page = std::make_unique<DatabasesPage>(m_monitor.get(), m_readOnly.get());
        page->resize(1860, 1000);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        page->selectDatabase(u"orders"_s);
        page->intervalBox()->setCurrentIndex(page->intervalBox()->findData(2000));
        return page;
    }

    static QString describe(const QList<ActivityRow> &rows)
    {
        QString text;
        for (const ActivityRow &row : rows)
            text += u"\n%1 %2 %3 %4 blocked by %5 source roots"_s.arg(row.pid)
                        .arg(row.application, activityStateText(row), row.query.left(40))
                        .arg(row.blockedBy.size());
        return text;
    }

    static QModelIndex rowWithPid(QAbstractItemModel *model, int pid)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(KeyedTableRole::Key).toInt() == pid)
                return index;
        }
        return {};
    }

    void endContention()
    {
        if (m_psql)
            m_psql->endAll();
    }

    // Statements as the application's roles run them, each several times, so that
    // pg_stat_statements ranks them by what they cost.
    void runWorkload()
    {
        QString script;
        for (int round = 0; round < 12; ++round) {
            script += u"SELECT a.id, count(*) AS payments, max(e.at) AS last_payment FROM "
                      "accounts a JOIN events e ON e.account = a.id WHERE e.kind = 'payment' "
                      "GROUP BY a.id ORDER BY payments DESC;\n"
                      "SELECT id, account, at FROM events WHERE kind LIKE '%fund%' ORDER BY at "
                      "DESC LIMIT 50;\n"
                      "UPDATE accounts SET balance = balance + %1 WHERE id = %2;\n"
                      "INSERT INTO events (account, kind) VALUES (%2, 'payment');\n"
                      "SELECT * FROM accounts WHERE id = %2;\n"_s.arg(round)
                          .arg(round % 10 + 1);
        }
        for (int round = 0; round < 3; ++round)
            script += u"SET work_mem = '64kB'; SELECT account, kind, at FROM events ORDER BY "
                      "kind, at OFFSET 60000 LIMIT 20; RESET work_mem;\n"
                      "SELECT date_trunc('day', at) AS day, kind, count(*) FROM events GROUP BY "
                      "1, 2 ORDER BY 1 DESC, 2;\n"
                      "SELECT pg_sleep(0.3), 'monthly statement for account 4';\n"_s;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PGAPPNAME"_s, u"billing-api"_s);
        process.setProcessEnvironment(environment);
        process.start(u"psql"_s,
                      {u"-X"_s, u"-q"_s, u"-o"_s, u"/dev/null"_s, u"-h"_s,
                       m_postgres->value(u"SOCKET_DIR"_s), u"-p"_s, m_postgres->value(u"PORT"_s),
                       u"-U"_s, u"app"_s, u"-d"_s, m_postgres->value(u"DATABASE"_s)});
        QVERIFY(process.waitForStarted());
        process.write(script.toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
    }

    // Starts a psql session of `app` named application running sql, and waits until the
    // server shows it in state ("idle in transaction", "active", "active/Lock").
    bool startSession(const QString &application, const QString &sql, const QString &state)
    {
        send(psql(application), sql);
        for (int round = 0; round < 100; ++round) {
            if (stateOf(application).startsWith(state))
                return true;
            QTest::qWait(100);
        }
        qWarning("%s never reached '%s': '%s'", qPrintable(application), qPrintable(state),
                 qPrintable(stateOf(application)));
        return false;
    }

    // Columns fitted to the rows they show now, as double-clicking each header separator does:
    // the page fits them once, to its first rows, while the server was still quiet.
    static void fitColumns(QTreeView *view)
    {
        // A stretched last column (a query, a definition) takes the rest.
        const int fitted =
            view->model()->columnCount() - (view->header()->stretchLastSection() ? 1 : 0);
        for (int column = 0; column < fitted; ++column) {
            view->resizeColumnToContents(column);
            view->setColumnWidth(column, std::min(view->columnWidth(column), 300));
        }
    }

    // The row of the lock tree's root with pid, or an invalid index.
    QModelIndex lockRoot(DatabasesPage &page, int pid) const
    {
        QAbstractItemModel *model = page.locksFilter();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(LockTreeModel::PidRole).toInt() == pid)
                return model->index(row, 0);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"OpsDeck"_s);
        QCoreApplication::setApplicationName(u"opsdeck"_s);
        qRegisterMetaType<DatabaseView>();
        m_postgres = std::make_unique<PostgresFixture>();
        m_psql = std::make_unique<DatabaseTesting::PsqlSessions>(*m_postgres);
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        superuserQuery(
            u"DROP TABLE IF EXISTS accounts, events; CREATE TABLE accounts (id int PRIMARY KEY, "
            "balance int); INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10) g; "
            "CREATE TABLE events (id bigserial PRIMARY KEY, account int, kind text, at "
            "timestamptz DEFAULT now()); INSERT INTO events (account, kind, at) SELECT g % 10, "
            "(ARRAY['payment', 'refund', 'login', 'invoice'])[g % 4 + 1], now() - g * interval "
            "'1 minute' FROM generate_series(1, 100000) g; CREATE INDEX events_account ON "
            "events (account); CREATE INDEX events_account_again ON events (account); ANALYZE; "
            // A purge that nobody vacuumed after: bloat for the Tables tab.
            "ALTER TABLE events SET (autovacuum_enabled = false); "
            "DELETE FROM events WHERE id % 3 = 0; ANALYZE events; "
            "DROP TABLE IF EXISTS customers, invoices, audit_log CASCADE; "
            "CREATE TABLE customers (id int PRIMARY KEY, name text, email text, created "
            "timestamptz DEFAULT now()); INSERT INTO customers SELECT g, 'Customer ' || g, "
            "'c' || g || '@example.com' FROM generate_series(1, 5000) g; "
            "CREATE TABLE invoices (id int PRIMARY KEY, customer int REFERENCES customers, "
            "amount numeric(12, 2), issued date, lines jsonb); INSERT INTO invoices SELECT g, g "
            "% 5000 + 1, g % 997, current_date - g % 365, jsonb_build_array(jsonb_build_object("
            "'sku', 'A-' || g % 50, 'qty', g % 7)) FROM generate_series(1, 30000) g; "
            "CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz, actor text, detail "
            "text) WITH (autovacuum_enabled = false); INSERT INTO audit_log SELECT g, now() - g "
            "* interval '1 second', 'user' || g % 40, repeat('changed settings ', 4) FROM "
            "generate_series(1, 40000) g; "
            "CREATE MATERIALIZED VIEW daily_totals AS SELECT issued, sum(amount) FROM invoices "
            "GROUP BY issued; ANALYZE; "
            // Four fifths of the audit log purged and never vacuumed: red in the Tables tab.
            "DELETE FROM audit_log WHERE id % 5 <> 0; ANALYZE audit_log; "
            "DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN; GRANT ALL ON accounts, events TO "
            "app; GRANT USAGE ON SEQUENCE events_id_seq TO app; GRANT pg_signal_backend TO "
            "opsdeck; GRANT SELECT ON ALL TABLES IN SCHEMA public TO opsdeck; "
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots; "
            // A standby that went away: its slot keeps WAL for nobody.
            "SELECT pg_create_physical_replication_slot('standby_b', true)"_s);
        // Slow queries lists what an application ran, not the fixture's setup: statistics
        // start now, then a day's mix of reports, searches, writes and a sort that spills.
        superuserQuery(u"SELECT pg_stat_statements_reset()"_s);
        runWorkload();
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
        DatabaseServices services;
        services.gate = m_gate.get();
        services.workspace = workspace();
        m_monitor = std::make_unique<DatabaseMonitor>(services);
    }

    void cleanup()
    {
        // A session stuck in a statement outlives its psql: end them on the server too.
        DatabaseTesting::terminateSessionsOf(*m_postgres, u"app"_s);
        endContention();
        m_monitor.reset();
        m_gate.reset();
        m_auditLog.reset();
        m_store.reset();
    }

    void listsTheDatabaseAndFillsActivity()
    {
        auto page = openPage();
        QVERIFY(page);
        QTreeWidget *list = page->databaseList();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), u"production"_s);
        QCOMPARE(list->topLevelItem(0)->child(0)->text(0), u"orders"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->child(0)->text(1), u"open"_s, 20000);
        QVERIFY(page->session());
        QVERIFY(!page->stateBanner()->isVisibleTo(page.get()));
        // The fixture's role has pg_monitor and pg_signal_backend; Reset needs one grant more.
        QTRY_VERIFY_WITH_TIMEOUT(page->hintBanner()->isVisibleTo(page.get()), 10000);
        QCOMPARE(page->hintBanner()->text(),
                 u"Grant EXECUTE ON FUNCTION public.pg_stat_statements_reset to opsdeck to reset "
                 "pg_stat_statements (Reset Statistics in Slow queries)."_s);

        QAbstractItemModelTester activityTester(page->activityFilter());
        QAbstractItemModelTester longTester(page->longRunningFilter());
        QAbstractItemModelTester locksTester(page->locksFilter());
        QAbstractItemModelTester statementsTester(page->statementsFilter());

        page->showTab(DatabasesPage::Tab::Activity);
        QTRY_VERIFY_WITH_TIMEOUT(page->activityFilter()->rowCount() > 0, 20000);
        // Our own session is there, marked, and no action is offered on it.
        const int ownPid = page->session()->server().ownPid;
        QVERIFY(ownPid > 0);
        QModelIndex own = rowWithPid(page->activityFilter(), ownPid);
        QVERIFY(own.isValid());
        QVERIFY(own.data(ActivityFilter::OwnRole).toBool());
        page->view(DatabasesPage::Tab::Activity)->setCurrentIndex(own);
        QVERIFY(!page->action(DatabasesPage::Action::Terminate)->isEnabled());
        QVERIFY(page->action(DatabasesPage::Action::Terminate)->toolTip().contains(u"OpsDeck"_s));
        // Our own session's query is the activity statement (cut by the server at
        // track_activity_query_size): the details show it whole.
        QCOMPARE(page->queryDetails()->toPlainText(),
                 own.siblingAtColumn(page->activityFilter()->columnCount() - 1)
                     .data(KeyedTableRole::Raw)
                     .toString());
        QVERIFY(page->queryDetails()->toPlainText().contains(u"pg_locks"_s));

        // An idle session, hidden by "Hide idle"; a minimum duration hides fresh sessions.
        QProcess *idle = psql(u"idler"_s);
        send(idle, u"SELECT 1;"_s);
        QTRY_VERIFY_WITH_TIMEOUT(pidOf(u"idler"_s) > 0, 10000);
        const int idlePid = pidOf(u"idler"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithPid(page->activityFilter(), idlePid).isValid(), 20000);
        page->hideIdleBox()->setChecked(true);
        QVERIFY(!rowWithPid(page->activityFilter(), idlePid).isValid());
        page->hideIdleBox()->setChecked(false);
        QVERIFY(rowWithPid(page->activityFilter(), idlePid).isValid());
        page->minimumDurationBox()->setValue(3600);
        QVERIFY(!rowWithPid(page->activityFilter(), idlePid).isValid());
        page->minimumDurationBox()->setValue(0);

        // The filter line narrows every table.
        page->filterInput()->setText(u"idler"_s);
        QTRY_COMPARE(page->activityFilter()->rowCount(), 1);
        page->filterInput()->clear();
        QVERIFY(page->activityFilter()->rowCount() > 1);

        // Sorting by PID sorts numerically (Sort role), not as text.
        page->view(DatabasesPage::Tab::Activity)->sortByColumn(0, Qt::AscendingOrder);
        int previous = 0;
        for (int row = 0; row < page->activityFilter()->rowCount(); ++row) {
            const int pid = page->activityFilter()->index(row, 0).data(KeyedTableRole::Key).toInt();
            QVERIFY(pid >= previous);
            previous = pid;
        }

        // Copy: the selected rows, tab-separated.
        QTreeView *view = page->view(DatabasesPage::Tab::Activity);
        view->setCurrentIndex(rowWithPid(page->activityFilter(), idlePid));
        view->selectionModel()->select(view->currentIndex(), QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
        page->copySelection();
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(QString::number(idlePid) + u'\t'));
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"\tidler\t"_s));

        // No lock waits: the Locks tab says so.
        page->showTab(DatabasesPage::Tab::Locks);
        QVERIFY(page->locksEmptyLabel()->isVisible());

        // A reloaded workspace makes new sessions: the page shows the same database again.
        QPointer<DatabaseSession> before = page->session();
        m_monitor->setWorkspace(workspace());
        QVERIFY(!before);
        QVERIFY(page->session());
        QCOMPARE(page->session()->name(), u"orders"_s);
        QCOMPARE(page->databaseList()->currentItem()->text(0), u"orders"_s);
        QCOMPARE(page->activityFilter()->sourceModel(), page->session()->activity());
    }

    void locksTreeScreenshotsAndTerminate()
    {
        auto page = openPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->state() == DatabaseConnectionState::Open, 20000);
        QAbstractItemModelTester locksTester(
            page->locksFilter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The Overview records while the load below arrives: its charts show the change.
        page->showTab(DatabasesPage::Tab::Overview);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->history()->rowCount() >= 3, 30000);

        // Each step waits until the server shows it: a waiter whose UPDATE ran before the
        // holder's would not wait at all.
        QProcess *holder = psql(u"holder"_s);
        send(holder, u"BEGIN; UPDATE accounts SET balance = balance - 1 WHERE id = 1;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(u"holder"_s), u"idle in transaction"_s, 10000);
        QProcess *first = psql(u"first"_s);
        send(first, u"UPDATE accounts SET balance = balance + 1 WHERE id = 1;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(waitOf(u"first"_s), u"Lock"_s, 10000);
        QProcess *second = psql(u"second"_s);
        send(second, u"UPDATE accounts SET balance = balance + 2 WHERE id = 1;"_s);
        QTRY_COMPARE_WITH_TIMEOUT(waitOf(u"second"_s), u"Lock"_s, 10000);
        QProcess *reader = psql(u"report"_s);
        send(reader, u"SELECT pg_sleep(600);"_s);
        const int holderPid = pidOf(u"holder"_s);

        // The rest of a busy afternoon, for the screenshots: a second chain across two tables
        // (a batch job holds an account, an invoice run holds an event and waits for the
        // account, an audit export waits for the event), two slow reports, a job idle in its
        // transaction, idle web sessions, and a worker committing small transactions.
        QVERIFY(startSession(u"nightly-batch"_s,
                             u"BEGIN; UPDATE accounts SET balance = 0 WHERE id = 5;"_s,
                             u"idle in transaction"_s));
        QVERIFY(startSession(u"invoice-run"_s,
                             u"BEGIN; UPDATE events SET kind = 'invoiced' WHERE id = 2; UPDATE "
                             "accounts SET balance = balance + 5 WHERE id = 5;"_s,
                             u"active/Lock"_s));
        QVERIFY(startSession(u"audit-export"_s,
                             u"UPDATE events SET kind = 'audited' WHERE id = 2;"_s,
                             u"active/Lock"_s));
        QVERIFY(startSession(u"etl-loader"_s,
                             u"SELECT e.account, count(*), pg_sleep(300) FROM events e GROUP BY "
                             "e.account ORDER BY 2 DESC LIMIT 1;"_s,
                             u"active"_s));
        QVERIFY(startSession(u"analytics"_s,
                             u"SELECT date_trunc('hour', at), count(*) FROM events WHERE kind = "
                             "'refund' AND pg_sleep(240) IS NOT NULL GROUP BY 1;"_s,
                             u"active"_s));
        QVERIFY(startSession(u"cron-cleanup"_s,
                             u"BEGIN; SELECT count(*) FROM events WHERE kind = 'login';"_s,
                             u"idle in transaction"_s));
        QVERIFY(
            startSession(u"web-1"_s, u"SELECT balance FROM accounts WHERE id = 3;"_s, u"idle"_s));
        QVERIFY(
            startSession(u"web-2"_s, u"SELECT balance FROM accounts WHERE id = 4;"_s, u"idle"_s));
        QVERIFY(
            startSession(u"web-3"_s, u"SELECT balance FROM accounts WHERE id = 8;"_s, u"idle"_s));
        // One statement at a time, so each commits and the server counts it (a DO loop's
        // commits are reported only when it ends); the pause is the client's, not a statement
        // that would lead Slow queries.
        QString payments;
        for (int payment = 0; payment < 2500; ++payment)
            payments += u"UPDATE accounts SET balance = balance + 1 WHERE id = 7;\n\\! sleep "
                        "0.02\n"_s;
        send(psql(u"payments-worker"_s), payments);
        const QStringList busyAfternoon{u"nightly-batch"_s,  u"invoice-run"_s, u"audit-export"_s,
                                        u"etl-loader"_s,     u"analytics"_s,   u"cron-cleanup"_s,
                                        u"web-1"_s,          u"web-2"_s,       u"web-3"_s,
                                        u"payments-worker"_s};
        const int batchPid = pidOf(u"nightly-batch"_s);

        // Most of the chart's minute under load (it is at least a minute wide).
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->history()->rowCount() >= 24, 120000);
        QVERIFY(page->figuresLabel(u"version"_s)->text().startsWith(u"PostgreSQL 15"_s));
        QVERIFY(page->figuresLabel(u"connections"_s)->text().contains(u" of "_s));
        QVERIFY(page->databaseStatsView()->model()->rowCount() > 0);
        QVERIFY(page->session()->history()->samples().last().active >= 8);
        QVERIFY(page->session()->history()->samples().last().transactionsPerSecond > 5);
        fitColumns(page->databaseStatsView());
        saveScreenshot(*page, u"databases-overview"_s);

        // Locks: two roots, the holder with both waiters beneath it, and the batch job with
        // its chain, expanded.
        page->showTab(DatabasesPage::Tab::Locks);
        QTRY_VERIFY2_WITH_TIMEOUT(
            page->locksFilter()->rowCount() == 2 &&
                page->locksFilter()->rowCount(lockRoot(*page, holderPid)) >= 1 &&
                page->locksFilter()->rowCount(lockRoot(*page, batchPid)) >= 1,
            qPrintable(u"%1 roots, %2 sessions, state %3, error '%4', "
                       "paused %5"_s.arg(page->locksFilter()->rowCount())
                           .arg(page->session()->activity()->rowCount())
                           .arg(int(page->session()->state()))
                           .arg(page->session()->lastSnapshot(DatabaseView::Activity).error)
                           .arg(page->session()->isPaused()) +
                       describe(page->session()->activity()->rows())),
            20000);
        const QModelIndex root = lockRoot(*page, holderPid);
        QVERIFY(root.data(LockTreeModel::IsRootRole).toBool());
        // The root's side of the wait: the lock it holds on the table its waiters want.
        QCOMPARE(root.siblingAtColumn(LockTreeModel::WaitsFor).data().toString(),
                 u"holds RowExclusiveLock on accounts"_s);
        QTreeView *locks = page->view(DatabasesPage::Tab::Locks);
        QVERIFY(locks->isVisible());
        QVERIFY(!page->locksEmptyLabel()->isVisible());
        const auto blockedUnder = [&page](int pid) {
            const LockTree &tree = page->session()->locks()->tree();
            for (int node : tree.roots) {
                if (tree.sessionOf(node).pid == pid)
                    return tree.nodes.at(node).blockedTotal;
            }
            return -1;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            page->session()->locks()->tree().roots.size() == 2 && blockedUnder(holderPid) == 2 &&
                blockedUnder(batchPid) == 2,
            qPrintable(describe(page->session()->activity()->rows()) + u" at "_s +
                       page->session()
                           ->lastSnapshot(DatabaseView::Activity)
                           .takenAt.toString(Qt::ISODateWithMs) +
                       u" now "_s + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
            20000);
        QVERIFY(locks->isExpanded(lockRoot(*page, holderPid)));
        QVERIFY(locks->isExpanded(lockRoot(*page, batchPid)));
        locks->setCurrentIndex(lockRoot(*page, holderPid));
        QVERIFY(page->queryDetails()->toPlainText().contains(u"UPDATE accounts"_s));
        QVERIFY(page->action(DatabasesPage::Action::Terminate)->isEnabled());
        locks->setFocus();
        fitColumns(locks);
        saveScreenshot(*page, u"databases-locks"_s);
        page->setPalette(Appearance::darkPalette());
        saveScreenshot(*page, u"databases-locks-dark"_s);
        page->setPalette(QApplication::palette());

        // The other tabs under the same load.
        page->showTab(DatabasesPage::Tab::Activity);
        page->hideIdleBox()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(page->activityFilter()->rowCount() >= 11, 20000);
        QTreeView *activity = page->view(DatabasesPage::Tab::Activity);
        activity->setCurrentIndex(rowWithPid(page->activityFilter(), pidOf(u"first"_s)));
        fitColumns(activity);
        saveScreenshot(*page, u"databases-activity"_s);
        page->hideIdleBox()->setChecked(false);

        // Long-running: the report's query and the holder's open transaction, past their
        // thresholds (3 s here); the waiters are younger.
        page->showTab(DatabasesPage::Tab::LongRunning);
        QAbstractItemModelTester longTester(page->longRunningFilter(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWithPid(page->longRunningFilter(), pidOf(u"report"_s)).isValid() &&
                rowWithPid(page->longRunningFilter(), holderPid).isValid(),
            20000);
        QVERIFY(!rowWithPid(page->longRunningFilter(), page->session()->server().ownPid).isValid());
        fitColumns(page->view(DatabasesPage::Tab::LongRunning));
        saveScreenshot(*page, u"databases-long-running"_s);

        page->showTab(DatabasesPage::Tab::Statements);
        QTRY_VERIFY_WITH_TIMEOUT(page->statementsFilter()->rowCount() > 0, 20000);
        QVERIFY(!page->statementsUnavailableLabel()->isVisible());
        QTreeView *statements = page->view(DatabasesPage::Tab::Statements);
        statements->sortByColumn(1, Qt::DescendingOrder); // total time
        statements->setCurrentIndex(page->statementsFilter()->index(0, 0));
        QVERIFY(!page->queryDetails()->toPlainText().isEmpty());
        // The application's statements lead, not the fixture's setup or OpsDeck's own reads.
        QVERIFY2(!page->queryDetails()->toPlainText().contains(u"generate_series"_s),
                 qPrintable(page->queryDetails()->toPlainText()));
        fitColumns(statements);
        saveScreenshot(*page, u"databases-slow"_s);

        page->showTab(DatabasesPage::Tab::Tables);
        QTreeView *tables = page->view(DatabasesPage::Tab::Tables);
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() >= 2, 20000);
        QTRY_VERIFY(page->indexesView()->model()->rowCount() >= 3);
        tables->sortByColumn(2, Qt::DescendingOrder);
        tables->setCurrentIndex(tables->model()->index(0, 0));
        QVERIFY(page->action(DatabasesPage::Action::Vacuum)->isEnabled());
        // The purged events table, never vacuumed since: its bloat estimate stands out.
        QCOMPARE(tables->currentIndex().siblingAtColumn(1).data().toString(), u"events"_s);
        const int bloatColumn = page->session()->tables()->columnOf(u"Bloat %"_s);
        QTRY_VERIFY_WITH_TIMEOUT(tables->currentIndex()
                                         .siblingAtColumn(bloatColumn)
                                         .data(KeyedTableRole::Verdict)
                                         .toInt() >= 1,
                                 20000);
        fitColumns(tables);
        fitColumns(page->indexesView());
        saveScreenshot(*page, u"databases-tables"_s);
        // VACUUM (ANALYZE) of the selected table, a change: asked with yes or no.
        const QString table = tables->currentIndex().siblingAtColumn(1).data().toString();
        page->runAction(DatabasesPage::Action::Vacuum);
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = page->findChild<QMessageBox *>()));
        QVERIFY(question->text().contains(table));
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(page->statusLine()->text().contains(u"done."_s),
                                  qPrintable(page->statusLine()->text()), 20000);
        QVERIFY2(page->statusLine()->text().contains(table),
                 qPrintable(page->statusLine()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            superuserQuery(u"SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname "
                           "= '%1'"_s.arg(table)) == u"t"_s,
            10000);

        page->showTab(DatabasesPage::Tab::Replication);
        QTRY_VERIFY_WITH_TIMEOUT(page->slotsView()->model()->rowCount() == 1, 20000);
        // An inactive slot is a warning.
        QVERIFY(page->slotsView()->model()->index(0, 4).data(KeyedTableRole::Verdict).toInt() >= 1);
        QVERIFY(page->archiverLabel()->text().contains(u"archive_mode"_s));
        fitColumns(page->slotsView());
        saveScreenshot(*page, u"databases-replication"_s);

        // The afternoon's other sessions end; the holder's chain stays for the actions.
        superuserQuery(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                       "application_name = ANY ('{%1}')"_s.arg(busyAfternoon.join(u',')));
        QTRY_VERIFY_WITH_TIMEOUT(pidOf(u"audit-export"_s) == 0 && pidOf(u"nightly-batch"_s) == 0 &&
                                     pidOf(u"payments-worker"_s) == 0,
                                 10000);

        // Read-only mode: no question, the gate refuses, the holder lives on.
        page->showTab(DatabasesPage::Tab::Locks);
        QTRY_VERIFY_WITH_TIMEOUT(page->locksFilter()->rowCount() == 1, 20000);
        locks->setCurrentIndex(page->locksFilter()->index(0, 0));
        m_readOnly->setEnabled(true);
        page->runAction(DatabasesPage::Action::Terminate);
        QVERIFY(!page->findChild<QDialog *>(u"destroyConfirmation"_s));
        QTRY_VERIFY_WITH_TIMEOUT(page->statusLine()->text().contains(u"not done"_s), 10000);
        QVERIFY(page->statusLine()->text().contains(u"ead-only"_s));
        QCOMPARE(pidOf(u"holder"_s), holderPid);
        m_readOnly->setEnabled(false);

        // Terminate through the page's confirmation: a wrong pid keeps Run disabled, the right
        // one ends the holder and the waiters proceed.
        page->runAction(DatabasesPage::Action::Terminate);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<QDialog *>(u"destroyConfirmation"_s)));
        QTRY_VERIFY(dialog->isVisible());
        auto *input = dialog->findChild<QLineEdit *>();
        QPushButton *run = nullptr;
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == u"Run"_s)
                run = button;
        }
        QVERIFY(input && run);
        QTest::keyClicks(input, QString::number(holderPid + 1));
        QVERIFY(!run->isEnabled());
        input->clear();
        QTest::keyClicks(input, QString::number(holderPid));
        QVERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->statusLine()->text().contains(u"done."_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            superuserQuery(
                u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"_s) ==
                u"0"_s,
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(pidOf(u"holder"_s), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->locksEmptyLabel()->isVisible(), 20000);
        // The termination is in the audit log.
        std::optional<QList<AuditEntry>> entries;
        AuditQuery query;
        query.text = u"terminate backend pid"_s;
        m_auditLog->query(query, this, [&](const auto &result) {
            entries = result ? *result : QList<AuditEntry>{};
        });
        QTRY_VERIFY_WITH_TIMEOUT(entries.has_value(), 10000);
        QCOMPARE(entries->size(), 1);
    }

    void asksForThePasswordOnce()
    {
        // No password given: the server refuses, and the page says so.
        auto page = std::make_unique<DatabasesPage>(m_monitor.get(), m_readOnly.get());
        page->resize(1200, 700);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QVERIFY(page->selectDatabase(u"orders"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page->session()->state(), DatabaseConnectionState::Failed, 20000);
        QTRY_VERIFY(page->stateBanner()->isVisible());
        QVERIFY2(page->stateBanner()->text().contains(u"orders"_s),
                 qPrintable(page->stateBanner()->text()));
        QCOMPARE(page->databaseList()->topLevelItem(0)->child(0)->text(1), u"failed"_s);
        QVERIFY(!page->databaseList()->topLevelItem(0)->child(0)->toolTip(1).isEmpty());

        // The keychain had none: asked once, however often the session says so.
        Q_EMIT page->session()->passwordNeeded(u"orders-db"_s);
        Q_EMIT page->session()->passwordNeeded(u"orders-db"_s);
        QTRY_COMPARE(page->findChildren<QDialog *>(u"databasePasswordDialog"_s).size(), 1);
        auto *dialog = page->findChild<QDialog *>(u"databasePasswordDialog"_s);
        auto *password = dialog->findChild<QLineEdit *>(u"password"_s);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QTest::keyClicks(password, m_postgres->value(u"PASSWORD"_s));
        dialog->findChild<QCheckBox *>(u"remember"_s)->setChecked(false); // no keychain here
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(page->session()->state(), DatabaseConnectionState::Open, 20000);
        QTRY_VERIFY(!page->stateBanner()->isVisible());
        QCOMPARE(page->databaseList()->topLevelItem(0)->child(0)->text(1), u"open"_s);
    }

    void terminateIdlePreviewsFirst()
    {
        auto page = openPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->state() == DatabaseConnectionState::Open, 20000);
        QTRY_VERIFY(page->action(DatabasesPage::Action::TerminateIdle)->isEnabled());
        page->runAction(DatabasesPage::Action::TerminateIdle);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<QDialog *>(u"terminateIdleDialog"_s)));
        auto *terminate = dialog->findChild<QPushButton *>(u"terminateListed"_s);
        QVERIFY(!terminate->isEnabled());
        dialog->findChild<QSpinBox *>(u"idleMinutes"_s)->setValue(600);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"previewIdle"_s), Qt::LeftButton);
        auto *state = dialog->findChild<QLabel *>(u"idleState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"No client session"_s), 10000);
        QVERIFY(!terminate->isEnabled());
        dialog->reject();
    }
};

QTEST_MAIN(DatabasesPageTest)
#include "tst_databasespage.moc"
