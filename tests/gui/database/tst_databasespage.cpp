// SPDX-License-Identifier: GPL-3.0-or-later
// The Databases page against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh): the
// workspace's database listed and opened, Activity filled with OpsDeck's own session marked,
// the filters, real lock contention made by psql sessions shown as a tree with its root
// blocker, read-only mode refusing a terminate, and a terminate confirmed in the page's dialog
// (the pid typed) freeing the waiters. A screenshot of every tab under that load.
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
        page->resize(1500, 900);
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
            "timestamptz DEFAULT now()); INSERT INTO events (account, kind) SELECT g % 10, "
            "'payment' FROM generate_series(1, 20000) g; DELETE FROM events WHERE id % 3 = 0; "
            "CREATE INDEX events_account ON events (account); CREATE INDEX events_account_again "
            "ON events (account); "
            "DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN; GRANT ALL ON accounts, events TO "
            "app; GRANT pg_signal_backend TO opsdeck; "
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots; "
            "SELECT pg_create_physical_replication_slot('standby_b', true)"_s);
        // Something for Slow queries to list.
        for (int round = 0; round < 5; ++round)
            superuserQuery(u"SELECT count(*) FROM events e JOIN accounts a ON a.id = e.account "
                           "WHERE e.kind = 'payment'; SELECT pg_sleep(0.05)"_s);
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

        // Locks: one root, the holder, with both waiters beneath it, expanded.
        page->showTab(DatabasesPage::Tab::Locks);
        QTRY_VERIFY2_WITH_TIMEOUT(
            page->locksFilter()->rowCount() == 1 &&
                page->locksFilter()->rowCount(page->locksFilter()->index(0, 0)) >= 1,
            qPrintable(u"%1 roots, %2 sessions, state %3, error '%4', "
                       "paused %5"_s.arg(page->locksFilter()->rowCount())
                           .arg(page->session()->activity()->rowCount())
                           .arg(int(page->session()->state()))
                           .arg(page->session()->lastSnapshot(DatabaseView::Activity).error)
                           .arg(page->session()->isPaused()) +
                       describe(page->session()->activity()->rows())),
            20000);
        const QModelIndex root = page->locksFilter()->index(0, 0);
        QCOMPARE(root.data(LockTreeModel::PidRole).toInt(), holderPid);
        QVERIFY(root.data(LockTreeModel::IsRootRole).toBool());
        QTreeView *locks = page->view(DatabasesPage::Tab::Locks);
        QVERIFY(locks->isVisible());
        QVERIFY(!page->locksEmptyLabel()->isVisible());
        QTRY_VERIFY2_WITH_TIMEOUT(
            page->session()->locks()->tree().roots.size() == 1 &&
                page->session()
                        ->locks()
                        ->tree()
                        .nodes.at(page->session()->locks()->tree().roots.first())
                        .blockedTotal == 2,
            qPrintable(describe(page->session()->activity()->rows()) + u" at "_s +
                       page->session()
                           ->lastSnapshot(DatabaseView::Activity)
                           .takenAt.toString(Qt::ISODateWithMs) +
                       u" now "_s + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
            20000);
        QVERIFY(locks->isExpanded(page->locksFilter()->index(0, 0)));
        locks->setCurrentIndex(page->locksFilter()->index(0, 0));
        QVERIFY(page->queryDetails()->toPlainText().contains(u"UPDATE accounts"_s));
        QVERIFY(page->action(DatabasesPage::Action::Terminate)->isEnabled());
        locks->setFocus();
        saveScreenshot(*page, u"databases-locks"_s);
        page->setPalette(Appearance::darkPalette());
        saveScreenshot(*page, u"databases-locks-dark"_s);
        page->setPalette(QApplication::palette());

        // The other tabs under the same load.
        page->showTab(DatabasesPage::Tab::Activity);
        page->hideIdleBox()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(page->activityFilter()->rowCount() >= 4, 20000);
        QTreeView *activity = page->view(DatabasesPage::Tab::Activity);
        activity->setCurrentIndex(rowWithPid(page->activityFilter(), pidOf(u"first"_s)));
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
        saveScreenshot(*page, u"databases-long-running"_s);

        page->showTab(DatabasesPage::Tab::Overview);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->history()->rowCount() >= 4, 30000);
        QVERIFY(page->figuresLabel(u"version"_s)->text().startsWith(u"PostgreSQL 15"_s));
        QVERIFY(page->figuresLabel(u"connections"_s)->text().contains(u" of "_s));
        QVERIFY(page->databaseStatsView()->model()->rowCount() > 0);
        saveScreenshot(*page, u"databases-overview"_s);

        page->showTab(DatabasesPage::Tab::Statements);
        QTRY_VERIFY_WITH_TIMEOUT(page->statementsFilter()->rowCount() > 0, 20000);
        QVERIFY(!page->statementsUnavailableLabel()->isVisible());
        QTreeView *statements = page->view(DatabasesPage::Tab::Statements);
        statements->sortByColumn(1, Qt::DescendingOrder); // total time
        statements->setCurrentIndex(page->statementsFilter()->index(0, 0));
        QVERIFY(!page->queryDetails()->toPlainText().isEmpty());
        saveScreenshot(*page, u"databases-slow-queries"_s);

        page->showTab(DatabasesPage::Tab::Tables);
        QTreeView *tables = page->view(DatabasesPage::Tab::Tables);
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() >= 2, 20000);
        QTRY_VERIFY(page->indexesView()->model()->rowCount() >= 3);
        tables->sortByColumn(2, Qt::DescendingOrder);
        tables->setCurrentIndex(tables->model()->index(0, 0));
        QVERIFY(page->action(DatabasesPage::Action::Vacuum)->isEnabled());
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
        saveScreenshot(*page, u"databases-replication"_s);

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
