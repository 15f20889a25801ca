// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"
#include "models/audit/auditmodel.h"
#include "models/persistence/migrations.h"
#include "models/persistence/statestore.h"
#include "screenshots.h"
#include "statetesting.h"
#include "widgets/audit/auditpage.h"
#include "widgets/common/appearance.h"
#include "widgets/common/statuscolours.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

using StateTesting::openStore;
using StateTesting::valueOr;
using StateTesting::waitFor;

qint64 beginRow(AuditLog &log, const AuditEntry &entry)
{
    return valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                       log.begin(entry, context, std::move(done));
                   }),
                   qint64(-1));
}

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

QStringList comboTexts(const QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts.append(combo->itemText(i));
    return texts;
}

} // namespace

class AuditPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheLogAndFiltersInSql();
    void runningRowFinishesWhileShown();
    void exportsAndCopiesCsv();
    void autoRefreshOnlyWhileVisible();
    void verifiesTheChain();
    void showsALostCompletion();

private:
    qint64 begin(const QString &host, const QString &command, Risk risk, qint64 minutesAgo,
                 const QString &user = {}, std::optional<qint64> incident = {});
    bool finish(qint64 rowId, std::optional<int> exitCode, const QString &signal, qint64 durationMs,
                qint64 outputBytes, AuditStatus status);
    void writeSampleLog();

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    QDateTime m_now;
    qint64 m_runningRow = 0;
};

void AuditPageTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
    QLocale::setDefault(QLocale::c());
}

void AuditPageTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(openStore(*m_store, m_directory->filePath(u"state.sqlite"_s), &error),
             qPrintable(error));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_now = QDateTime::currentDateTimeUtc();
}

void AuditPageTest::cleanup()
{
    m_auditLog.reset();
    m_store.reset();
    m_directory.reset();
}

qint64 AuditPageTest::begin(const QString &host, const QString &command, Risk risk,
                            qint64 minutesAgo, const QString &user, std::optional<qint64> incident)
{
    AuditEntry entry;
    entry.host = host;
    entry.command = command;
    entry.risk = risk;
    entry.remoteUser = user;
    entry.incidentId = incident;
    entry.startedAt = m_now.addSecs(-60 * minutesAgo);
    return beginRow(*m_auditLog, entry);
}

bool AuditPageTest::finish(qint64 rowId, std::optional<int> exitCode, const QString &signal,
                           qint64 durationMs, qint64 outputBytes, AuditStatus status)
{
    const auto finished = waitFor<qint64>([&](QObject *context, auto done) {
        m_auditLog->finish(rowId, {exitCode, signal, durationMs, outputBytes, status}, context,
                           std::move(done));
    });
    return valueOr(finished, qint64(0)) == rowId;
}

void AuditPageTest::writeSampleLog()
{
    // Oldest first, as they would have run; one of them three days ago.
    const qint64 old =
        begin(u"web-1"_s, u"apt-get upgrade -y"_s, Risk::Change, 3 * 24 * 60, u"root"_s);
    QVERIFY(old > 0);
    QVERIFY(finish(old, 0, {}, 95'000, 3'600'000, AuditStatus::Finished));
    const qint64 restart =
        begin(u"web-1"_s, u"systemctl restart nginx"_s, Risk::Change, 50, u"deploy"_s);
    QVERIFY(finish(restart, 0, {}, 1234, 2048, AuditStatus::Finished));
    const qint64 drop = begin(u"db-1"_s, u"psql -c 'DROP TABLE sessions, \"Tokens\"'"_s,
                              Risk::Destroy, 40, u"postgres"_s, 7);
    QVERIFY(finish(drop, 1, {}, 350, 120, AuditStatus::Finished));
    const qint64 sleep = begin(u"web-1"_s, u"sleep 600"_s, Risk::Read, 30);
    QVERIFY(finish(sleep, std::nullopt, u"SIGTERM"_s, 12'000, 0, AuditStatus::Cancelled));
    const qint64 unreachable = begin(u"db-2"_s, u"=cmd|' /C calc'!A0"_s, Risk::Read, 20);
    QVERIFY(finish(unreachable, std::nullopt, {}, 0, 0, AuditStatus::Failed));
    m_runningRow = begin(u"db-1"_s, u"tail -n 100 /var/log/postgresql/main.log"_s, Risk::Read, 1,
                         u"postgres"_s, 7);
    QVERIFY(m_runningRow > 0);
}

void AuditPageTest::showsTheLogAndFiltersInSql()
{
    writeSampleLog();
    AuditPage page(m_auditLog.get());
    page.setHostNames({u"web-1"_s, u"bastion"_s});
    QTableView *view = page.view();
    new QAbstractItemModelTester(view->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, view);
    page.resize(1180, 420);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // Last 24 hours by default: the upgrade three days ago is not shown. Newest first.
    QTRY_COMPARE(view->model()->rowCount(), 5);
    QCOMPARE(columnTexts(view->model(), AuditModel::CommandColumn),
             (QStringList{u"tail -n 100 /var/log/postgresql/main.log"_s, u"=cmd|' /C calc'!A0"_s,
                          u"sleep 600"_s, u"psql -c 'DROP TABLE sessions, \"Tokens\"'"_s,
                          u"systemctl restart nginx"_s}));
    QCOMPARE(
        columnTexts(view->model(), AuditModel::StatusColumn),
        (QStringList{u"Running"_s, u"Failed"_s, u"Cancelled"_s, u"Finished"_s, u"Finished"_s}));
    QCOMPARE(columnTexts(view->model(), AuditModel::ExitColumn),
             (QStringList{QString(), QString(), u"SIGTERM"_s, u"1"_s, u"0"_s}));
    QCOMPARE(view->model()->index(4, AuditModel::DurationColumn).data().toString(), u"1.2 s"_s);
    QCOMPARE(view->model()->index(4, AuditModel::OutputColumn).data().toString(), u"2.0 KiB"_s);
    auto *status = page.findChild<QLabel *>(u"auditStatus"_s);
    QTRY_COMPARE(status->text(), u"5 command(s) shown"_s);

    // Colours and fonts from the widgets layer.
    const QAbstractItemModel *shown = view->model();
    QVERIFY(!shown->index(4, AuditModel::HostColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(shown->index(4, AuditModel::RiskColumn).data(Qt::ForegroundRole).isValid()); // Change
    QVERIFY(shown->index(3, AuditModel::RiskColumn).data(Qt::ForegroundRole).isValid()); // Destroy
    QVERIFY(shown->index(3, AuditModel::RiskColumn).data(Qt::ForegroundRole) !=
            shown->index(4, AuditModel::RiskColumn).data(Qt::ForegroundRole));
    QVERIFY(!shown->index(0, AuditModel::RiskColumn).data(Qt::ForegroundRole).isValid()); // Read
    QVERIFY(shown->index(1, AuditModel::StatusColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(shown->index(3, AuditModel::ExitColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!shown->index(4, AuditModel::ExitColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(shown->index(0, AuditModel::CommandColumn).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!shown->index(1, AuditModel::CommandColumn).data(Qt::FontRole).isValid());

    // Hosts fed by the workspace and found in the log, sorted, after "All hosts".
    auto *hosts = page.findChild<QComboBox *>(u"auditHostFilter"_s);
    QCOMPARE(comboTexts(hosts),
             (QStringList{u"All hosts"_s, u"bastion"_s, u"db-1"_s, u"db-2"_s, u"web-1"_s}));

    // All times: the old upgrade comes back, at the bottom.
    page.setTimeRange(AuditPage::TimeRange::All);
    QTRY_COMPARE(view->model()->rowCount(), 6);
    QCOMPARE(view->model()->index(5, AuditModel::CommandColumn).data().toString(),
             u"apt-get upgrade -y"_s);
    QCOMPARE(view->model()->index(5, AuditModel::OutputColumn).data().toString(), u"3.4 MiB"_s);
    QCOMPARE(view->model()->index(5, AuditModel::DurationColumn).data().toString(),
             u"1 min 35 s"_s);

    // Host filter: the query asks the store for db-1 only.
    hosts->setCurrentIndex(hosts->findText(u"db-1"_s));
    QCOMPARE(page.currentQuery().host, u"db-1"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(columnTexts(view->model(), AuditModel::HostColumn),
             (QStringList{u"db-1"_s, u"db-1"_s}));

    // Text filter, typed; case-insensitive; combined with the host.
    auto *text = page.findChild<QLineEdit *>(u"auditTextFilter"_s);
    QCOMPARE(text->placeholderText(), u"Filter commands…"_s);
    QTest::keyClicks(text, u"DROP"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, AuditModel::IncidentColumn).data().toString(), u"7"_s);
    hosts->setCurrentIndex(0);
    text->clear();
    QTest::keyClicks(text, u"nginx"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QTRY_COMPARE(columnTexts(view->model(), AuditModel::CommandColumn),
                 (QStringList{u"systemctl restart nginx"_s}));
    // LIKE wildcards are literal.
    text->setText(u"%"_s);
    QTRY_COMPARE(view->model()->rowCount(), 0);
    QTRY_COMPARE(status->text(), u"0 command(s) shown"_s);

    // An answer to someone else's request is not for the page.
    text->clear();
    QTRY_COMPARE(view->model()->rowCount(), 6);
    AuditQuery other;
    other.host = u"bastion"_s;
    QVERIFY(waitFor<QList<AuditEntry>>(
        [&](QObject *context, auto done) { m_auditLog->query(other, context, std::move(done)); }));
    QCOMPARE(view->model()->rowCount(), 6);

    // The screenshot: every status, risk colours, a selected row.
    view->selectRow(2);
    view->setFocus();
    saveScreenshot(page, u"audit-page"_s);
    // The colours must stay readable on a dark palette too.
    Appearance::apply(u"dark"_s);
    saveScreenshot(page, u"audit-page-dark"_s);
    Appearance::apply(u"system"_s);
}

void AuditPageTest::runningRowFinishesWhileShown()
{
    writeSampleLog();
    AuditPage page(m_auditLog.get());
    page.resize(1000, 360);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    AuditModel *model = page.model();
    QTRY_COMPARE(model->rowCount(), 5);
    const int row = model->rowOfId(m_runningRow);
    QCOMPARE(row, 0);
    QCOMPARE(model->index(row, 0).data(AuditModel::StatusRole).toInt(), int(AuditStatus::Running));
    const QPersistentModelIndex persistent = model->index(row, AuditModel::StatusColumn);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

    QVERIFY(finish(m_runningRow, 0, {}, 420, 5000, AuditStatus::Finished));
    QTRY_COMPARE(persistent.data().toString(), u"Finished"_s);
    QCOMPARE(persistent.row(), 0);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(reset.size(), 0);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(model->index(0, AuditModel::DurationColumn).data().toString(), u"420 ms"_s);

    // A new command shows up at the top without refresh() being called.
    const qint64 fresh = begin(u"web-1"_s, u"df -h"_s, Risk::Read, 0);
    QTRY_COMPARE(model->rowOfId(fresh), 0);
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(reset.size(), 0);
}

void AuditPageTest::exportsAndCopiesCsv()
{
    writeSampleLog();
    AuditPage page(m_auditLog.get());
    page.setTimeRange(AuditPage::TimeRange::All);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QTableView *view = page.view();
    QTRY_COMPARE(view->model()->rowCount(), 6);

    // Sorted by host ascending in the view: the export follows the view's order.
    view->sortByColumn(AuditModel::HostColumn, Qt::AscendingOrder);
    const QString path = m_directory->filePath(u"audit.csv"_s);
    auto *exportAction = page.findChild<QAction *>(u"auditExport"_s);
    auto *exportStatus = page.findChild<QLabel *>(u"auditExportStatus"_s);
    QVERIFY(exportAction && exportStatus);
    QVERIFY(exportAction->isEnabled());
    QSignalSpy exported(&page, &AuditPage::exported);
    page.exportCsv(path);
    // Written off the GUI thread: the answer comes later, the action waits for it.
    QVERIFY(exported.isEmpty());
    QVERIFY(page.isExporting());
    QVERIFY(!exportAction->isEnabled());
    QVERIFY(exportStatus->text().contains(QDir::toNativeSeparators(path).toHtmlEscaped()));
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.at(0).at(0).toString(), path);
    QVERIFY2(exported.at(0).at(1).toBool(), qPrintable(exported.at(0).at(2).toString()));
    QVERIFY(!page.isExporting());
    QVERIFY(exportAction->isEnabled());
    QVERIFY(exportStatus->text().contains(QDir::toNativeSeparators(path).toHtmlEscaped()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QStringList lines = csv.split(u"\r\n"_s);
    QCOMPARE(lines.takeLast(), QString()); // ends with CRLF
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines.at(0), u"started_at,finished_at,host,remote_user,command,risk,status,"
                          u"exit_code,signal,duration_ms,output_bytes,incident_id"_s);
    // Stable sort over the newest-first answer: within a host the newest stays first.
    QVERIFY2(lines.at(1).contains(u",,db-1,postgres,tail -n 100 /var/log/postgresql/main.log,"
                                  u"read,running,,,,,7"_s),
             qPrintable(lines.at(1)));
    QVERIFY2(
        lines.at(2).endsWith(u",db-1,postgres,\"psql -c 'DROP TABLE sessions, \"\"Tokens\"\"'\","
                             u"destroy,finished,1,,350,120,7"_s),
        qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).endsWith(u",db-2,,'=cmd|' /C calc'!A0,read,failed,,,0,0,"_s),
             qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).endsWith(u",web-1,,sleep 600,read,cancelled,,SIGTERM,12000,0,"_s),
             qPrintable(lines.at(4)));
    QVERIFY2(lines.at(5).endsWith(
                 u",web-1,deploy,systemctl restart nginx,change,finished,0,,1234,2048,"_s),
             qPrintable(lines.at(5)));
    QVERIFY2(
        lines.at(6).endsWith(u",web-1,root,apt-get upgrade -y,change,finished,0,,95000,3600000,"_s),
        qPrintable(lines.at(6)));
    const QDateTime started =
        QDateTime::fromString(lines.at(1).section(u',', 0, 0), Qt::ISODateWithMs);
    QVERIFY(started.isValid());
    QCOMPARE(started.timeSpec(), Qt::UTC);

    // A folder that does not exist: not ok, and a sentence naming the file, also on the page.
    const QString bad = m_directory->filePath(u"missing/folder/audit.csv"_s);
    page.exportCsv(bad);
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY(!exported.at(1).at(1).toBool());
    const QString error = exported.at(1).at(2).toString();
    QVERIFY2(error.contains(QDir::toNativeSeparators(bad)), qPrintable(error));
    QVERIFY(exportStatus->text().contains(error.toHtmlEscaped()));
    QVERIFY(!QFile::exists(bad));
    QVERIFY(exportAction->isEnabled());

    // Ctrl+C on two selected rows: CSV with the header, in the view's order.
    view->sortByColumn(AuditModel::StartedColumn, Qt::DescendingOrder);
    view->selectionModel()->clearSelection();
    view->selectRow(1);
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->setFocus();
    QApplication::clipboard()->clear();
    QTest::keySequence(view, QKeySequence::Copy);
    const QStringList copied = QApplication::clipboard()->text().split(u"\r\n"_s);
    QCOMPARE(copied.size(), 4); // header, two rows, the empty rest after the last CRLF
    QVERIFY(copied.at(0).startsWith(u"started_at,"_s));
    QVERIFY(copied.at(1).contains(u"tail -n 100"_s));
    QVERIFY(copied.at(2).contains(u"'=cmd"_s));
    QCOMPARE(QApplication::clipboard()->text(), page.selectionAsCsv());
}

void AuditPageTest::autoRefreshOnlyWhileVisible()
{
    // In a window that, like the main window, binds F5 to something else.
    QWidget window;
    auto *outside = new QLineEdit(&window);
    auto *page = new AuditPage(m_auditLog.get(), &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(outside);
    layout->addWidget(page);
    auto *reloadWorkspace = new QAction(&window);
    reloadWorkspace->setShortcut(QKeySequence(Qt::Key_F5));
    window.addAction(reloadWorkspace);
    QSignalSpy reloads(reloadWorkspace, &QAction::triggered);

    QTimer *timer = page->findChild<QTimer *>(u"auditAutoRefresh"_s);
    QVERIFY(timer);
    QVERIFY(!timer->isActive());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), 2000);
    auto *status = page->findChild<QLabel *>(u"auditStatus"_s);
    QTRY_COMPARE(status->text(), u"0 command(s) shown"_s);

    // F5: a row written through another connection, so the page hears of it from nobody; with
    // the timer stopped only the key can bring it in.
    timer->stop();
    StateStore other;
    QVERIFY(openStore(other, m_directory->filePath(u"state.sqlite"_s)));
    AuditLog otherLog(&other);
    AuditEntry entry;
    entry.host = u"web-1"_s;
    entry.command = u"hostname"_s;
    QVERIFY(beginRow(otherLog, entry) > 0);
    QCOMPARE(page->model()->rowCount(), 0);
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_F5);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(reloads.size(), 0); // the page's F5 wins while the focus is in it...
    outside->setFocus();
    QTest::keyClick(outside, Qt::Key_F5);
    QCOMPARE(reloads.size(), 1); // ...and only then

    // Hidden: no timer, no refresh on store changes; refresh() still works.
    page->hide();
    QVERIFY(!timer->isActive());
    QVERIFY(begin(u"web-1"_s, u"id"_s, Risk::Read, 0) > 0);
    page->refresh();
    QTRY_COMPARE(page->model()->rowCount(), 2);
    page->show();
    QVERIFY(timer->isActive());
}

void AuditPageTest::verifiesTheChain()
{
    writeSampleLog();
    AuditPage page(m_auditLog.get());
    page.resize(1180, 420);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *verify = page.findChild<QAction *>(u"auditVerify"_s);
    auto *chain = page.findChild<QLabel *>(u"auditChainStatus"_s);
    QVERIFY(verify && chain);
    QVERIFY(verify->isEnabled());

    QSignalSpy verified(&page, &AuditPage::verified);
    verify->trigger();
    // Asked of the store's thread: the page answers later, and one check runs at a time.
    QVERIFY(page.isVerifying());
    QVERIFY(!verify->isEnabled());
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.at(0).at(0).toBool(), true);
    QCOMPARE(chain->text(), u"6 row(s), chain intact"_s);
    {
        // The newest row's hash, to note down elsewhere.
        StateTesting::PlainConnection db(m_directory->filePath(u"state.sqlite"_s));
        const QString head =
            db.scalar(u"SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1"_s).toString();
        QVERIFY(!head.isEmpty());
        QVERIFY2(chain->toolTip().contains(head), qPrintable(chain->toolTip()));
    }
    QVERIFY(verify->isEnabled());
    saveScreenshot(page, u"audit-page-verified"_s);

    // Someone edits a row behind OpsDeck's back.
    {
        StateTesting::PlainConnection db(m_directory->filePath(u"state.sqlite"_s));
        for (const QString &trigger : Migrations::auditTriggers())
            QVERIFY(db.exec(u"DROP TRIGGER "_s + trigger));
        QVERIFY(db.exec(u"UPDATE audit_log SET command = 'true' WHERE id = 3"_s));
    }
    verify->trigger();
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.at(1).at(0).toBool(), false);
    QVERIFY2(chain->text().startsWith(u"Row 3 was edited"_s), qPrintable(chain->text()));
    QCOMPARE(chain->palette().color(QPalette::WindowText), StatusColours::bad(page.palette()));
}

void AuditPageTest::showsALostCompletion()
{
    writeSampleLog();
    AuditPage page(m_auditLog.get());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *chain = page.findChild<QLabel *>(u"auditChainStatus"_s);
    Q_EMIT m_auditLog->writeFailed(u"Cannot write the end of audit entry 6: disk full"_s);
    QCOMPARE(chain->text(), u"Incomplete: Cannot write the end of audit entry 6: disk full"_s);
    QCOMPARE(chain->palette().color(QPalette::WindowText), StatusColours::bad(page.palette()));
}

QTEST_MAIN(AuditPageTest)
#include "tst_auditpage.moc"
