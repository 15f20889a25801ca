// SPDX-License-Identifier: GPL-3.0-or-later
// The Backups page against real components: a local location holding a custom dump made by the
// real pg_dump 15 of a real PostgreSQL (tests/scripts/postgres-fixture.sh) and the same dump cut
// in half, and a stale location whose only dump is 40 hours old (touch -d). The rows appear;
// "verify up to L2" marks the good dump verified and the cut one failed (L1 "TOC only", then L2
// failed); the filters narrow; read-only mode refuses the test restore with its reason shown;
// a test restore into the fixture server (scratch-restores: true) passes and the row says L3
// verified. A screenshot with verified, failed and stale rows.
#include "backupdumps.h"
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/backups/backupactions.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backupcatalogmodel.h"
#include "models/backups/backupverifier.h"
#include "models/backups/testrestore.h"
#include "models/backups/verificationstore.h"
#include "models/remote/actiongate.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"
#include "postgresfixture.h"
#include "screenshots.h"
#include "widgets/backups/backupcatalogfilter.h"
#include "widgets/backups/backupspage.h"
#include "widgets/backups/restoredialog.h"
#include "widgets/backups/retentiondialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using BackupDumps::q;

class BackupsPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rowsAppear();
    void verifyUpToL2();
    void filtersNarrow();
    void copiesRows();
    void escapeCancels();
    void readOnlyRefusesTestRestore();
    void testRestorePasses();
    void plainDumpIsScannedBeforeATestRestore();
    void readOnlyRefusesRestoreCreateAndDelete();
    void restoreShowsWhatItReplacesAndWantsTheName();
    void createBackupAddsAVerifiableFile();
    void retentionDeletesWhatTheDryRunListed();
    void screenshot();

private:
    QString verifiedText(const QString &name) const;
    QString keyOf(const QString &name) const;
    void runAndWait(BackupsPage::Action action, int timeoutMs = 120000);
    // Chooses the one location on the left.
    void chooseLocation(const QString &name);
    QStringList filesIn(const QString &directory) const;
    QString shopRows() const;

    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<HostRegistry> m_registry;
    std::unique_ptr<VerificationStore> m_store;
    std::unique_ptr<BackupCatalog> m_catalog;
    std::unique_ptr<BackupVerifier> m_verifier;
    std::unique_ptr<BackupActions> m_actions;
    std::unique_ptr<BackupsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
    std::unique_ptr<QAbstractItemModelTester> m_locationsTester;
    QTemporaryDir m_root{u"/tmp/opsdeck-backups-page-XXXXXX"_s};
    QString m_canary; // a shell escape in a plain dump would create it
    Workspace m_moreLocations;
};

void BackupsPageTest::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_postgres = std::make_unique<PostgresFixture>();
    QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_gate = std::make_unique<ActionGate>(&m_audited->auditLog, &m_audited->readOnly);

    const QString dumps = m_root.filePath(u"nightly"_s);
    const QString stale = m_root.filePath(u"archive"_s);
    const QString plain = m_root.filePath(u"plain"_s);
    const QString rotating = m_root.filePath(u"rotating"_s);
    m_canary = m_root.filePath(u"canary"_s);
    const QStringList steps = {
        u"mkdir -p %1 %2 %3 %4"_s.arg(q(dumps), q(stale), q(plain), q(rotating)),
        u"psql -q -v ON_ERROR_STOP=1 -c 'drop table if exists page_orders; create table "
        "page_orders(id int primary key, note text); insert into page_orders select g, "
        "md5(g::text) from generate_series(1, 20000) g'"_s,
        u"cd %1 && pg_dump -Fc -f shop.dump"_s.arg(q(dumps)),
        // Cut in half: the table of contents still reads, the data does not.
        u"cd %1 && head -c $(( $(stat -c %s shop.dump) / 2 )) shop.dump > shop-cut.dump"_s.arg(
            q(dumps)),
        u"cd %1 && pg_dump -Fc -f old.dump && touch -d '-40 hours' old.dump"_s.arg(q(stale)),
        // A plain dump as pg_dump writes it, and the same with a shell escape in the middle.
        u"cd %1 && pg_dump -Fp -f clean.sql"_s.arg(q(plain)),
        u"cd %1 && awk -v canary=%2 '{ print } /^SET client_min_messages/ "
        "{ print \"\\\\! touch \" canary }' clean.sql > evil.sql && grep -q '^.! touch' evil.sql"_s
            .arg(q(plain), q(m_canary)),
        // Three days of nightly dumps, two on the newest day: keep-daily 1 keeps one.
        // At noon and eleven (local time, as retention counts days), whatever the time now.
        u"cd %1 && for age in 3 2 1; do pg_dump -Fc -f day$age.dump && "
        "touch -d \"$(date -d \"$age days ago\" +%F) 12:00\" day$age.dump; done && "
        "cp day1.dump day1-early.dump && "
        "touch -d \"$(date -d '1 day ago' +%F) 11:00\" day1-early.dump"_s.arg(q(rotating)),
    };
    // The scratch database is created by the workspace's user, as an operator's would be.
    DatabaseTesting::superuserQuery(*m_postgres,
                                    u"ALTER ROLE %1 CREATEDB"_s.arg(m_postgres->value(u"USER"_s)));
    // A database of its own: the fixture's has extensions only a superuser may restore.
    DatabaseTesting::superuserQuery(*m_postgres, u"DROP DATABASE IF EXISTS page_shop"_s);
    DatabaseTesting::superuserQuery(
        *m_postgres, u"CREATE DATABASE page_shop OWNER %1"_s.arg(m_postgres->value(u"USER"_s)));
    QProcessEnvironment environment = BackupDumps::postgresEnvironment(*m_postgres);
    environment.insert(u"PGDATABASE"_s, u"page_shop"_s);
    for (const QString &step : steps) {
        const QString failed = BackupDumps::shell(step, environment);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    const QString yaml =
        u"environments:\n  - name: lab\n    hosts:\n"
        "      - name: here\n        connection: local\n        databases:\n"
        "          - {name: shop, host: '%1', port: %2, database: '%3', user: '%4', "
        "sslmode: disable, scratch-restores: true, password: 'keychain:test/shop'}\n"
        "        backups:\n"
        "          - {name: nightly, directory: '%5', glob: '*.dump', database: shop}\n"
        "          - {name: archive, directory: '%6', glob: '*.dump', stale-after: 26h, "
        "critical-after: 50h}\n"_s.arg(m_postgres->value(u"HOST"_s), m_postgres->value(u"PORT"_s),
                                       u"page_shop"_s, m_postgres->value(u"USER"_s), dumps, stale);
    // The locations the restore, create and retention cases add to the page.
    const QString more =
        u"          - {name: plain, directory: '%1', glob: '*.sql', database: shop}\n"
        "          - {name: rotating, directory: '%2', glob: '*.dump', database: shop, "
        "keep-daily: 1, write-checksum: false}\n"_s.arg(plain, rotating);
    const WorkspaceLoadResult extended = parseWorkspace((yaml + more).toUtf8(), u"lab.yaml"_s);
    QVERIFY2(extended.ok(), qPrintable(extended.diagnostics.value(0).toString()));
    m_moreLocations = extended.workspace;
    const WorkspaceLoadResult loaded = parseWorkspace(yaml.toUtf8(), u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setWorkspace(loaded.workspace);
    const auto executorFor = [this](const QString &host) { return m_registry->executor(host); };

    m_store = std::make_unique<VerificationStore>(&m_audited->store);
    m_catalog = std::make_unique<BackupCatalog>(&m_audited->runner, executorFor);
    VerifierServices services;
    services.runner = &m_audited->runner;
    services.executorFor = executorFor;
    services.store = m_store.get();
    TestRestoreServices restore;
    restore.gate = m_gate.get();
    restore.executorFor = executorFor;
    services.restore = restore;
    m_verifier = std::make_unique<BackupVerifier>(services);

    m_actions = std::make_unique<BackupActions>(&m_audited->runner, m_gate.get());
    BackupsPageServices pageServices;
    pageServices.catalog = m_catalog.get();
    pageServices.actions = m_actions.get();
    pageServices.executorFor = executorFor;
    pageServices.store = m_store.get();
    pageServices.verifier = m_verifier.get();
    pageServices.readOnly = &m_audited->readOnly;
    const QString password = m_postgres->value(u"PASSWORD"_s);
    pageServices.passwords =
        [password](const QString &, const Database &database, QObject *,
                   const std::function<void(const QString &, const QString &)> &answer) {
            QCOMPARE(database.password.entry, u"test/shop"_s);
            answer(password, {});
        };
    m_page = std::make_unique<BackupsPage>(pageServices);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_page->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_locationsTester = std::make_unique<QAbstractItemModelTester>(
        m_page->locationsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1600, 820);
    m_page->setWorkspace(loaded.workspace);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void BackupsPageTest::cleanupTestCase()
{
    m_filterTester.reset();
    m_locationsTester.reset();
    m_page.reset();
    m_actions.reset();
    m_verifier.reset();
    m_catalog.reset();
    m_store.reset();
    m_registry.reset();
    m_gate.reset();
    m_audited.reset();
    m_postgres.reset();
}

QString BackupsPageTest::keyOf(const QString &name) const
{
    for (const BackupCatalogRow &row : m_page->catalogModel()->rows()) {
        if (row.file.name() == name)
            return row.key();
    }
    return {};
}

QString BackupsPageTest::verifiedText(const QString &name) const
{
    const BackupCatalogModel *model = m_page->catalogModel();
    const int row = model->rowOf(keyOf(name));
    return row < 0 ? QString() : model->index(row, BackupCatalogModel::Verified).data().toString();
}

void BackupsPageTest::runAndWait(BackupsPage::Action action, int timeoutMs)
{
    m_page->action(action)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isVerifying(), timeoutMs);
}

void BackupsPageTest::chooseLocation(const QString &name)
{
    QTreeView *view = m_page->locationsView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, BackupLocationsModel::Location);
        if (index.data().toString() == name) {
            view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
            return;
        }
    }
    QFAIL(qPrintable(u"no location "_s + name));
}

QStringList BackupsPageTest::filesIn(const QString &directory) const
{
    QStringList names = QDir(m_root.filePath(directory)).entryList(QDir::Files | QDir::Hidden);
    names.sort();
    return names;
}

QString BackupsPageTest::shopRows() const
{
    return DatabaseTesting::superuserQuery(*m_postgres, u"SELECT count(*) FROM page_orders"_s,
                                           u"page_shop"_s);
}

void BackupsPageTest::rowsAppear()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_page->catalogModel()->rowCount(), 3, 30000);
    QTRY_COMPARE(m_page->locationsModel()->rowCount(), 2);
    const BackupLocationsModel *locations = m_page->locationsModel();
    const int archive = locations->rowOf(u"here/archive"_s);
    const int nightly = locations->rowOf(u"here/nightly"_s);
    QVERIFY(archive >= 0 && nightly >= 0);
    QTRY_COMPARE(locations->index(archive, BackupLocationsModel::Staleness)
                     .data(KeyedTableRole::Verdict)
                     .toInt(),
                 1);
    QVERIFY2(
        locations->index(archive, BackupLocationsModel::Staleness)
            .data()
            .toString()
            .contains(u"old"_s),
        qPrintable(locations->index(archive, BackupLocationsModel::Staleness).data().toString()));
    QCOMPARE(locations->index(nightly, BackupLocationsModel::Staleness)
                 .data(KeyedTableRole::Verdict)
                 .toInt(),
             0);
    QCOMPARE(verifiedText(u"shop.dump"_s), u"never"_s);

    // The details pane shows what the header says.
    QVERIFY(m_page->selectFile(keyOf(u"shop.dump"_s)));
    const QString facts = m_page->factsLabel()->text();
    QVERIFY2(facts.contains(u"PostgreSQL custom"_s, Qt::CaseInsensitive) ||
                 facts.contains(backupFormatName(BackupFormat::PgCustom)),
             qPrintable(facts));
    QVERIFY2(facts.contains(u"pg_dump 15"_s), qPrintable(facts));
    QVERIFY2(facts.contains(u"page_shop"_s), qPrintable(facts));
}

void BackupsPageTest::verifyUpToL2()
{
    const QString good = keyOf(u"shop.dump"_s);
    const QString cut = keyOf(u"shop-cut.dump"_s);
    QVERIFY(m_page->selectFile(good));
    runAndWait(BackupsPage::Action::VerifyUpToL2);
    QVERIFY2(verifiedText(u"shop.dump"_s).startsWith(u"L2 verified · "_s),
             qPrintable(verifiedText(u"shop.dump"_s)));

    QVERIFY(m_page->selectFile(cut));
    m_page->action(BackupsPage::Action::VerifyUpToL2)->trigger();
    QVERIFY(m_page->isVerifying());
    QVERIFY(m_page->action(BackupsPage::Action::Cancel)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isVerifying(), 120000);
    QVERIFY2(verifiedText(u"shop-cut.dump"_s).startsWith(u"L2 failed · "_s),
             qPrintable(verifiedText(u"shop-cut.dump"_s)));
    const QModelIndex failed = m_page->catalogModel()->index(m_page->catalogModel()->rowOf(cut),
                                                             BackupCatalogModel::Verified);
    QCOMPARE(failed.data(KeyedTableRole::Verdict).toInt(), 2);
    // The selection stayed on the file through the updates.
    QVERIFY(m_page->currentFile());
    QCOMPARE(m_page->currentFile()->key(), cut);

    // History, newest first: L2 failed, L1 TOC only, L0 verified.
    QTRY_COMPARE(m_page->historyView()->topLevelItemCount(), 3);
    QStringList results;
    for (int item = 0; item < 3; ++item)
        results.append(m_page->historyView()->topLevelItem(item)->text(1));
    QCOMPARE(results, (QStringList{u"L2 failed"_s, u"L1 TOC only"_s, u"L0 verified"_s}));
    const QString output = m_page->outputView()->toPlainText();
    QVERIFY2(output.contains(u"L1 TOC only"_s) && output.contains(u"L2 failed"_s),
             qPrintable(output));
    QVERIFY2(m_page->statusLine()->text().contains(u"L2 failed"_s),
             qPrintable(m_page->statusLine()->text()));
}

void BackupsPageTest::filtersNarrow()
{
    const BackupCatalogFilter *filter = m_page->filter();
    QCOMPARE(filter->rowCount(), 3);
    m_page->filterInput()->setText(u"CUT"_s);
    QCOMPARE(filter->rowCount(), 1);
    m_page->filterInput()->setText(u"page_shop"_s);
    QCOMPARE(filter->rowCount(), 3); // every dump holds that database
    m_page->filterInput()->clear();

    m_page->onlyFailedBox()->setChecked(true);
    QCOMPARE(filter->rowCount(), 1);
    QCOMPARE(filter->rowAt(filter->index(0, 0))->file.name(), u"shop-cut.dump"_s);
    m_page->onlyFailedBox()->setChecked(false);
    m_page->onlyStaleBox()->setChecked(true);
    QCOMPARE(filter->rowCount(), 1);
    QCOMPARE(filter->rowAt(filter->index(0, 0))->file.name(), u"old.dump"_s);
    m_page->onlyUnverifiedBox()->setChecked(true); // adds up: stale or unverified
    QCOMPARE(filter->rowCount(), 1);
    m_page->onlyFailedBox()->setChecked(true);
    QCOMPARE(filter->rowCount(), 2);
    for (QCheckBox *box :
         {m_page->onlyFailedBox(), m_page->onlyStaleBox(), m_page->onlyUnverifiedBox()})
        box->setChecked(false);

    m_page->kindBox()->setCurrentIndex(
        m_page->kindBox()->findData(backupFormatId(BackupFormat::WalSegment)));
    QVERIFY(m_page->kindBox()->currentIndex() > 0);
    QCOMPARE(filter->rowCount(), 0);
    m_page->kindBox()->setCurrentIndex(
        m_page->kindBox()->findData(backupFormatId(BackupFormat::PgCustom)));
    QCOMPARE(filter->rowCount(), 3);
    m_page->kindBox()->setCurrentIndex(0);

    // Choosing a location narrows the catalog to it.
    const int archive = m_page->locationsModel()->rowOf(u"here/archive"_s);
    m_page->locationsView()->selectionModel()->select(m_page->locationsModel()->index(archive, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    QCOMPARE(filter->rowCount(), 1);
    m_page->locationsView()->clearSelection();
    QCOMPARE(filter->rowCount(), 3);
}

void BackupsPageTest::copiesRows()
{
    QVERIFY(m_page->selectFile(keyOf(u"shop-cut.dump"_s)));
    m_page->copySelection();
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).split(u'\t').contains(u"File"_s), qPrintable(lines.at(0)));
    const QStringList cells = lines.at(1).split(u'\t');
    QVERIFY2(cells.contains(m_root.filePath(u"nightly/shop-cut.dump"_s)), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(u"L2 failed"_s), qPrintable(lines.at(1)));
}

void BackupsPageTest::escapeCancels()
{
    QVERIFY(m_page->selectFile(keyOf(u"old.dump"_s)));
    m_page->action(BackupsPage::Action::VerifyUpToL2)->trigger();
    QVERIFY(m_page->isVerifying());
    QTest::keyClick(m_page.get(), Qt::Key_Escape);
    QTRY_VERIFY(!m_page->isVerifying());
    QVERIFY2(m_page->statusLine()->text().contains(u"cancelled"_s),
             qPrintable(m_page->statusLine()->text()));
    // Nothing is recorded for the level that was stopped.
    QCOMPARE(verifiedText(u"old.dump"_s), u"never"_s);
}

void BackupsPageTest::readOnlyRefusesTestRestore()
{
    QVERIFY(m_page->selectFile(keyOf(u"shop.dump"_s)));
    QCOMPARE(m_page->scratchServerBox()->currentText(), u"here / shop"_s);
    m_audited->readOnly.setEnabled(true);
    runAndWait(BackupsPage::Action::TestRestore);
    // Nothing was asked: the gate refused, and the page says why.
    QVERIFY(!m_page->findChild<QMessageBox *>());
    QTRY_VERIFY2(m_page->statusLine()->text().contains(u"read-only"_s, Qt::CaseInsensitive),
                 qPrintable(m_page->statusLine()->text()));
    QVERIFY2(m_page->outputView()->toPlainText().contains(u"read-only"_s, Qt::CaseInsensitive),
             qPrintable(m_page->outputView()->toPlainText()));
    QVERIFY2(verifiedText(u"shop.dump"_s).startsWith(u"L2 verified"_s),
             qPrintable(verifiedText(u"shop.dump"_s)));
    m_audited->readOnly.setEnabled(false);
}

void BackupsPageTest::testRestorePasses()
{
    QVERIFY(m_page->selectFile(keyOf(u"shop.dump"_s)));
    m_page->action(BackupsPage::Action::TestRestore)->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_page->findChild<QMessageBox *>()));
    QVERIFY2(question->text().contains(u"shop.dump"_s), qPrintable(question->text()));
    question->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(m_page->isVerifying());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isVerifying(), 180000);
    QVERIFY2(
        verifiedText(u"shop.dump"_s).startsWith(u"L3 verified · "_s),
        qPrintable(verifiedText(u"shop.dump"_s) + u" / "_s + m_page->outputView()->toPlainText()));
    QVERIFY2(m_page->outputView()->toPlainText().contains(u"row counts match"_s),
             qPrintable(m_page->outputView()->toPlainText()));
    // The phases showed as they came.
    const QString output = m_page->outputView()->toPlainText();
    for (const TestRestorePhase phase : {TestRestorePhase::Create, TestRestorePhase::Restore,
                                         TestRestorePhase::Count, TestRestorePhase::Drop})
        QVERIFY2(output.contains(testRestorePhaseName(phase)), qPrintable(output));
    // The scratch database is gone again.
    QCOMPARE(DatabaseTesting::superuserQuery(*m_postgres,
                                             u"SELECT count(*) FROM pg_database WHERE datname "
                                             "LIKE 'opsdeck\\_restore\\_test\\_%'"_s)
                 .toInt(),
             0);
}

void BackupsPageTest::plainDumpIsScannedBeforeATestRestore()
{
    m_page->setWorkspace(m_moreLocations);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->locationsModel()->rowCount(), 4, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!keyOf(u"evil.sql"_s).isEmpty() && !keyOf(u"day3.dump"_s).isEmpty(),
                             30000);

    // The shell escape is found before anything runs the dump: nothing is asked, nothing runs.
    QVERIFY(m_page->selectFile(keyOf(u"evil.sql"_s)));
    m_page->action(BackupsPage::Action::TestRestore)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->statusLine()->text().contains(u"refused"_s, Qt::CaseInsensitive), 60000);
    QVERIFY(!m_page->findChild<QMessageBox *>());
    const QString output = m_page->outputView()->toPlainText();
    QVERIFY2(output.contains(u"\\!"_s) && output.contains(u"Test restore refused"_s),
             qPrintable(output));
    QVERIFY(!QFile::exists(m_canary));
    QCOMPARE(verifiedText(u"evil.sql"_s), u"never"_s);

    // The clean one passes the scan; swapped for a hostile one while the question is open, it
    // is not run: the script checks that the file is the one scanned.
    const QString clean = m_root.filePath(u"plain/clean.sql"_s);
    QFile file(clean);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    file.close();
    const QDateTime modified = QFileInfo(clean).lastModified();
    QVERIFY(m_page->selectFile(keyOf(u"clean.sql"_s)));
    m_page->action(BackupsPage::Action::TestRestore)->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((question = m_page->findChild<QMessageBox *>()), 60000);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\\! touch " + m_canary.toUtf8() + "\n");
    file.close();
    question->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isVerifying(), 120000);
    QVERIFY2(verifiedText(u"clean.sql"_s).startsWith(u"L3 failed"_s),
             qPrintable(verifiedText(u"clean.sql"_s)));
    QVERIFY2(m_page->outputView()->toPlainText().contains(u"changed since its scan"_s),
             qPrintable(m_page->outputView()->toPlainText()));
    QVERIFY(!QFile::exists(m_canary));

    // Put back as it was (bytes and time), the clean dump (pg_dump 15.18 writes \restrict; this
    // psql knows it) is restored for real.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(original);
    QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    file.close();
    m_page->action(BackupsPage::Action::TestRestore)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((question = m_page->findChild<QMessageBox *>()), 60000);
    question->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(m_page->isVerifying());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isVerifying(), 180000);
    QVERIFY2(
        verifiedText(u"clean.sql"_s).startsWith(u"L3 verified · "_s),
        qPrintable(verifiedText(u"clean.sql"_s) + u" / "_s + m_page->outputView()->toPlainText()));
}

void BackupsPageTest::readOnlyRefusesRestoreCreateAndDelete()
{
    const QStringList nightly = filesIn(u"nightly"_s);
    const QStringList rotating = filesIn(u"rotating"_s);
    DatabaseTesting::superuserQuery(*m_postgres,
                                    u"INSERT INTO page_orders VALUES (900001, 'after the dump')"_s,
                                    u"page_shop"_s);
    const QString rows = shopRows();
    QCOMPARE(rows, u"20001"_s);
    m_audited->readOnly.setEnabled(true);
    const auto restoreReadOnly = qScopeGuard([this] { m_audited->readOnly.setEnabled(false); });

    // Restore: the preview still reads (it only reads), the restore is refused at the gate.
    QVERIFY(m_page->selectFile(keyOf(u"shop.dump"_s)));
    m_page->action(BackupsPage::Action::Restore)->trigger();
    RestoreDialog *restore = nullptr;
    QTRY_VERIFY((restore = m_page->findChild<RestoreDialog *>()));
    QTRY_VERIFY_WITH_TIMEOUT(restore->restoreButton()->isEnabled(), 60000);
    restore->restoreButton()->click();
    QTRY_VERIFY2(m_page->statusLine()->text().contains(u"read-only"_s, Qt::CaseInsensitive),
                 qPrintable(m_page->statusLine()->text()));
    QVERIFY(!m_page->findChild<QDialog *>(u"destroyConfirmation"_s));

    // Create: refused, no file written.
    chooseLocation(u"nightly"_s);
    m_page->action(BackupsPage::Action::CreateBackup)->trigger();
    QTRY_VERIFY2(m_page->statusLine()->text().contains(u"read-only"_s, Qt::CaseInsensitive) &&
                     m_page->statusLine()->text().contains(u"Back up"_s),
                 qPrintable(m_page->statusLine()->text()));

    // Retention: the dry run shows, the deletion is refused.
    chooseLocation(u"rotating"_s);
    m_page->action(BackupsPage::Action::Retention)->trigger();
    RetentionDialog *retention = nullptr;
    QTRY_VERIFY((retention = m_page->findChild<RetentionDialog *>()));
    QVERIFY(retention->deleteButton()->isEnabled());
    retention->deleteButton()->click();
    QTRY_VERIFY2(m_page->statusLine()->text().contains(u"read-only"_s, Qt::CaseInsensitive) &&
                     m_page->statusLine()->text().contains(u"Delete"_s),
                 qPrintable(m_page->statusLine()->text()));

    QCOMPARE(shopRows(), rows);
    QCOMPARE(filesIn(u"nightly"_s), nightly);
    QCOMPARE(filesIn(u"rotating"_s), rotating);
}

void BackupsPageTest::restoreShowsWhatItReplacesAndWantsTheName()
{
    QCOMPARE(shopRows(), u"20001"_s);
    // A session of an application on that database: the preview names it, the restore cuts it
    // (a session of the same role: a superuser's it could not).
    QProcess holder;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PGAPPNAME"_s, u"page-holder"_s);
    holder.setProcessEnvironment(environment);
    holder.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-h"_s, m_postgres->value(u"SOCKET_DIR"_s), u"-p"_s,
                             m_postgres->value(u"PORT"_s), u"-U"_s, m_postgres->value(u"USER"_s),
                             u"-d"_s, u"page_shop"_s});
    QVERIFY(holder.waitForStarted());
    const auto holders = [this] {
        return DatabaseTesting::superuserQuery(
            *m_postgres,
            u"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'page-holder'"_s);
    };
    QTRY_COMPARE(holders(), u"1"_s);

    m_page->locationsView()->clearSelection(); // every location's files again
    QVERIFY(m_page->selectFile(keyOf(u"shop.dump"_s)));
    m_page->action(BackupsPage::Action::Restore)->trigger();
    RestoreDialog *restore = nullptr;
    QTRY_VERIFY((restore = m_page->findChild<RestoreDialog *>()));
    // The location's database is offered first; what it replaces is read before Restore is on.
    QVERIFY2(restore->targetBox()->currentText().startsWith(u"here / shop"_s),
             qPrintable(restore->targetBox()->currentText()));
    QTRY_VERIFY_WITH_TIMEOUT(restore->restoreButton()->isEnabled(), 60000);
    const QString facts = restore->factsLabel()->text();
    QVERIFY2(facts.contains(u"page_shop"_s) && facts.contains(u"MiB"_s), qPrintable(facts));
    QStringList applications;
    for (int item = 0; item < restore->sessionsView()->topLevelItemCount(); ++item)
        applications << restore->sessionsView()->topLevelItem(item)->text(2);
    QVERIFY2(applications.contains(u"page-holder"_s), qPrintable(applications.join(u", "_s)));
    saveScreenshot(*restore, u"backups-restore-preview"_s);

    // Typing another name does not restore; the database's name does.
    restore->restoreButton()->click();
    QDialog *confirm = nullptr;
    QTRY_VERIFY((confirm = m_page->findChild<QDialog *>(u"destroyConfirmation"_s)));
    auto *typed = confirm->findChild<QLineEdit *>();
    QVERIFY(typed);
    QPushButton *run = nullptr;
    for (QPushButton *button : confirm->findChildren<QPushButton *>()) {
        if (confirm->findChild<QDialogButtonBox *>()->buttonRole(button) ==
            QDialogButtonBox::AcceptRole)
            run = button;
    }
    QVERIFY(run);
    typed->setText(u"shop"_s); // the workspace name, not the database's
    QVERIFY(!run->isEnabled());
    typed->setText(u"page_shop"_s);
    QVERIFY(run->isEnabled());
    run->click();
    QTRY_VERIFY2_WITH_TIMEOUT(m_page->statusLine()->text().startsWith(u"Restore of"_s) &&
                                  m_page->statusLine()->text().endsWith(u": done."_s),
                              qPrintable(m_page->statusLine()->text()), 90000);
    QCOMPARE(shopRows(), u"20000"_s);
    QCOMPARE(holders(), u"0"_s);
    holder.closeWriteChannel();
    holder.waitForFinished(5000);
    // Audited as the declared action.
    const auto entries = m_audited->entries();
    QVERIFY(entries);
    bool declared = false;
    for (const AuditEntry &entry : *entries)
        declared = declared ||
                   (entry.command.startsWith(u"backup.restore: "_s) && entry.risk == Risk::Destroy);
    QVERIFY(declared);
}

void BackupsPageTest::createBackupAddsAVerifiableFile()
{
    chooseLocation(u"nightly"_s);
    const QStringList before = filesIn(u"nightly"_s);
    m_page->action(BackupsPage::Action::CreateBackup)->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_page->findChild<QMessageBox *>()));
    QVERIFY2(question->text().contains(u"page_shop"_s), qPrintable(question->text()));
    question->button(QMessageBox::Yes)->click();
    QTRY_VERIFY2_WITH_TIMEOUT(m_page->statusLine()->text().startsWith(u"Back up"_s) &&
                                  m_page->statusLine()->text().endsWith(u": done."_s),
                              qPrintable(m_page->statusLine()->text()), 120000);
    QStringList added = filesIn(u"nightly"_s);
    for (const QString &name : before)
        added.removeOne(name);
    QCOMPARE(added.size(), 2); // the dump and its .sha256
    const QString dump = added.first().endsWith(u".dump"_s) ? added.first() : added.last();
    QVERIFY2(dump.startsWith(u"page_shop-"_s), qPrintable(dump));
    // The catalog lists it again, and it verifies.
    QTRY_VERIFY_WITH_TIMEOUT(!keyOf(dump).isEmpty(), 30000);
    QVERIFY(m_page->selectFile(keyOf(dump)));
    runAndWait(BackupsPage::Action::VerifyUpToL2);
    QVERIFY2(verifiedText(dump).startsWith(u"L2 verified · "_s), qPrintable(verifiedText(dump)));
}

void BackupsPageTest::retentionDeletesWhatTheDryRunListed()
{
    chooseLocation(u"rotating"_s);
    m_page->action(BackupsPage::Action::Retention)->trigger();
    RetentionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<RetentionDialog *>()));
    QStringList listed;
    for (const BackupFile &file : dialog->plan().toDelete)
        listed << file.name();
    listed.sort();
    // keep-daily 1: the newest of each day that has files, of the last one day.
    QCOMPARE(listed, (QStringList{u"day1-early.dump"_s, u"day2.dump"_s, u"day3.dump"_s}));
    int shownToDelete = 0;
    for (int item = 0; item < dialog->decisionsView()->topLevelItemCount(); ++item)
        shownToDelete += dialog->decisionsView()->topLevelItem(item)->text(0) == u"delete"_s;
    QCOMPARE(shownToDelete, 3);
    saveScreenshot(*dialog, u"backups-retention"_s);
    QVERIFY2(dialog->summaryLabel()->text().contains(u"3 file"_s),
             qPrintable(dialog->summaryLabel()->text()));

    dialog->deleteButton()->click();
    QDialog *confirm = nullptr;
    QTRY_VERIFY((confirm = m_page->findChild<QDialog *>(u"destroyConfirmation"_s)));
    confirm->findChild<QLineEdit *>()->setText(u"rotating"_s);
    for (QPushButton *button : confirm->findChildren<QPushButton *>()) {
        if (confirm->findChild<QDialogButtonBox *>()->buttonRole(button) ==
            QDialogButtonBox::AcceptRole)
            button->click();
    }
    QTRY_VERIFY2_WITH_TIMEOUT(m_page->statusLine()->text().startsWith(u"Delete"_s) &&
                                  m_page->statusLine()->text().endsWith(u": done."_s),
                              qPrintable(m_page->statusLine()->text()), 60000);
    // Exactly the files the dry run listed are gone.
    QCOMPARE(filesIn(u"rotating"_s), QStringList{u"day1.dump"_s});
    QTRY_VERIFY_WITH_TIMEOUT(keyOf(u"day3.dump"_s).isEmpty(), 30000);
}

void BackupsPageTest::screenshot()
{
    m_page->locationsView()->clearSelection();
    QVERIFY(m_page->selectFile(keyOf(u"shop-cut.dump"_s)));
    QTRY_COMPARE(m_page->historyView()->topLevelItemCount(), 3);
    for (int column = 0; column < m_page->catalogModel()->columnCount(); ++column)
        m_page->catalogView()->resizeColumnToContents(column);
    for (int column = 0; column < m_page->locationsModel()->columnCount(); ++column)
        m_page->locationsView()->resizeColumnToContents(column);
    // Settings of an earlier run may have narrowed the locations: the picture shows them whole.
    m_page->findChild<QSplitter *>(u"backupsSplitter"_s)->setSizes({560, 1040});
    saveScreenshot(*m_page, u"backups-page"_s);
}

QTEST_MAIN(BackupsPageTest)
#include "tst_backupspage.moc"
