// SPDX-License-Identifier: GPL-3.0-or-later
// The backup catalog against real components: dumps made by the real pg_dump 15 of a real
// PostgreSQL (tests/scripts/postgres-fixture.sh) in every format, compressed by the real tools,
// a tar.gz of files, WAL segments with a gap and a backup label, a file whose name holds a
// newline and `$(touch canary)`; listed on this computer and over a real sshd
// (tests/scripts/sshd-fixture.sh) through the audited CommandRunner. S3 through a fake `aws`
// replaying a hand-written capture. A re-list reads only what changed; a missing directory
// fails on its own row; staleness from mtimes set with touch -d; both models under
// QAbstractItemModelTester.
#include "backupdumps.h"
#include "commandtesting.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backupcatalogmodel.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"
#include "postgresfixture.h"
#include "sshfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using BackupDumps::q;
using BackupDumps::shell;

namespace {

const QString scripts = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/");
const QString data = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/backups/");

QHash<QString, BackupFile> byName(const QList<BackupFile> &files)
{
    QHash<QString, BackupFile> named;
    for (const BackupFile &file : files)
        named.insert(file.name(), file);
    return named;
}

} // namespace

class BackupCatalogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryKindHere();
    void relistReadsOnlyWhatChanged();
    void listsOverSsh();
    void failingLocationKeepsTheOthers();
    void staleness();
    void s3ThroughTheHostsAws();
    void models();
    void startListsEveryLocation();

private:
    QString makeDumps();
    // Lists every location once; the statuses by key.
    QHash<QString, BackupLocationStatus> listAll(BackupCatalog &catalog);
    std::unique_ptr<BackupCatalog> newCatalog();

    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    QTemporaryDir m_root{u"/tmp/opsdeck-backups-XXXXXX"_s};
    QString m_dumps;
    QString m_stale;
    QString m_canary;
    bool m_zstd = false;
    Workspace m_workspace;
};

void BackupCatalogTest::initTestCase()
{
    QVERIFY(m_root.isValid());
    // The sshd fixture's user reads the same folders.
    QFile::setPermissions(m_root.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup);
    m_postgres = std::make_unique<PostgresFixture>();
    QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());

    m_dumps = m_root.filePath(u"dumps"_s);
    m_stale = m_root.filePath(u"stale"_s);
    // Scripts run in the location's directory: a name run as code would touch it there.
    m_canary = m_dumps + u"/canary"_s;
    const QString made = makeDumps();
    QVERIFY2(made.isEmpty(), qPrintable(made));

    qputenv("PATH", (scripts + u"fake-aws:"_s).toUtf8() + qgetenv("PATH"));
    qputenv("OPSDECK_FAKE_AWS_OUTPUT", (data + u"s3-recursive.txt"_s).toUtf8());

    const QString dumps = m_dumps;
    const QString yaml =
        u"environments:\n  - name: lab\n    hosts:\n"
        "      - name: here\n        connection: local\n        backups:\n"
        "          - {name: dumps, directory: %1, glob: '*'}\n"
        "          - {name: gone, directory: %2/nowhere}\n"
        "          - {name: stale, directory: %3, glob: '*.dump', stale-after: 26h, "
        "critical-after: 50h}\n"
        "          - {name: cloud, s3: 's3://acme-backups/pg/', glob: '*'}\n"
        "      - name: fixture\n        address: 127.0.0.1\n        port: %4\n"
        "        user: %5\n        auth: key\n        key: %6\n        backups:\n"
        "          - {name: dumps, directory: %1, glob: '*'}\n"_s.arg(dumps, m_root.path(), m_stale)
            .arg(m_sshd->port())
            .arg(m_sshd->value(u"USER"_s), m_sshd->value(u"KEY"_s));
    const WorkspaceLoadResult loaded = parseWorkspace(yaml.toUtf8(), u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);
    m_workspace = loaded.workspace;
}

void BackupCatalogTest::cleanupTestCase()
{
    m_registry.reset();
    m_sshd.reset();
    m_audited.reset();
    m_postgres.reset();
}

QString BackupCatalogTest::makeDumps()
{
    const QProcessEnvironment environment = BackupDumps::postgresEnvironment(*m_postgres);
    const QString d = q(m_dumps);
    QStringList steps = {
        u"mkdir -p %1 %2 && chmod 755 %1 %2"_s.arg(d, q(m_stale)),
        u"psql -q -v ON_ERROR_STOP=1 -c 'create table if not exists orders(id int primary key, "
        "note text); truncate orders; insert into orders select g, md5(g::text) from "
        "generate_series(1, 500) g'"_s,
        u"cd %1 && pg_dump -Fc -f shop-2026-12-06.dump"_s.arg(d),
        u"cd %1 && pg_dump -Fd -f shop-dir"_s.arg(d),
        u"cd %1 && pg_dump -Ft -f shop.tar"_s.arg(d),
        u"cd %1 && pg_dump -Fp -C -f shop-plain.sql"_s.arg(d),
        u"cd %1 && gzip -c shop-plain.sql > shop-plain.sql.gz"_s.arg(d),
        // gzip's magic under a name that does not say so.
        u"cd %1 && gzip -c shop-plain.sql > shop-compressed.sql"_s.arg(d),
        u"cd %1 && sha256sum shop-2026-12-06.dump > shop-2026-12-06.dump.sha256"_s.arg(d),
        u"cd %1 && mkdir -p files/uploads && echo hi > files/uploads/a.txt && "
        "tar czf uploads.tar.gz -C files uploads && rm -r files"_s.arg(d),
        // WAL: 1..4, then 6 (5 missing), and the base backup started in 2.
        u"cd %1 && for s in 1 2 3 4 6; do printf 'wal' > 00000001000000000000000$s; done"_s.arg(d),
        u"cp %1 %2/"_s.arg(q(data + u"000000010000000000000002.00000028.backup"_s), d),
        u"cd %1 && touch -d '2026-12-05 03:00:00 UTC' 000000010000000000000001 && "
        "touch -d '2026-12-05 03:10:00 UTC' 000000010000000000000002 && "
        "touch -d '2026-12-05 03:20:00 UTC' 000000010000000000000003 && "
        "touch -d '2026-12-05 03:30:00 UTC' 000000010000000000000004 && "
        "touch -d '2026-12-05 03:50:00 UTC' 000000010000000000000006"_s.arg(d),
        u"cd %1 && printf 'x' > 'with space.dump'"_s.arg(d),
        u"chmod -R a+rX %1"_s.arg(d),
        // The stale location: the newest dump is 31 hours old.
        u"cd %1 && printf 'PGDMP' > old.dump && printf 'PGDMP' > newest.dump && "
        "touch -d '-60 hours' old.dump && touch -d '-31 hours' newest.dump && chmod a+r *"_s.arg(
            q(m_stale)),
    };
    // pg_dump 15 cannot write zstd (16 can): a plain dump compressed by zstd stands in.
    m_zstd = QProcess::execute(u"sh"_s, {u"-c"_s, u"command -v zstd >/dev/null"_s}) == 0;
    if (m_zstd)
        steps.insert(steps.size() - 2,
                     u"cd %1 && zstd -q -c shop-plain.sql > shop-plain.sql.zst"_s.arg(d));
    for (const QString &step : std::as_const(steps)) {
        const QString failed = shell(step, environment);
        if (!failed.isEmpty())
            return failed;
    }
    // A name no shell may take as code: the canary must never appear.
    QFile odd(m_dumps + u"/odd\nname $(touch canary) 'q'.sql"_s);
    if (!odd.open(QIODevice::WriteOnly) || odd.write("x") != 1)
        return u"cannot write %1"_s.arg(odd.fileName());
    odd.close();
    odd.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                       QFileDevice::ReadGroup);
    return QFile::exists(m_canary) ? u"the canary exists before the test"_s : QString();
}

std::unique_ptr<BackupCatalog> BackupCatalogTest::newCatalog()
{
    HostRegistry *registry = m_registry.get();
    return std::make_unique<BackupCatalog>(
        &m_audited->runner, [registry](const QString &host) { return registry->executor(host); });
}

QHash<QString, BackupLocationStatus> BackupCatalogTest::listAll(BackupCatalog &catalog)
{
    QSet<QString> updated;
    const auto connection = connect(&catalog, &BackupCatalog::locationUpdated, this,
                                    [&](const QString &key) { updated.insert(key); });
    catalog.refresh();
    const qsizetype expected = catalog.locations().size();
    if (!QTest::qWaitFor([&] { return updated.size() >= expected; }, 90000))
        qWarning("only %lld of %lld locations listed", qlonglong(updated.size()),
                 qlonglong(expected));
    disconnect(connection);
    QHash<QString, BackupLocationStatus> statuses;
    for (const BackupLocationStatus &status : catalog.locations())
        statuses.insert(status.key(), status);
    return statuses;
}

void BackupCatalogTest::listsEveryKindHere()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    const auto statuses = listAll(*catalog);
    const BackupLocationStatus status = statuses.value(u"here/dumps"_s);
    QVERIFY2(status.error.isEmpty(), qPrintable(status.error));
    const QHash<QString, BackupFile> files = byName(catalog->files(u"here/dumps"_s));
    const auto expect = [&](const QString &name, BackupFormat format, BackupCompression compression,
                            const QString &database) {
        const BackupFile file = files.value(name);
        QVERIFY2(!file.path.isEmpty(), qPrintable(name + u" not listed; have: "_s +
                                                  QStringList(files.keys()).join(u", "_s)));
        QCOMPARE(file.format, format);
        QCOMPARE(file.compression, compression);
        QCOMPARE(file.database, database);
        QVERIFY(file.size > 0);
        QVERIFY(file.modified.isValid());
        QCOMPARE(file.host, u"here"_s);
        QCOMPARE(file.path, m_dumps + u'/' + name);
    };
    const QString db = m_postgres->value(u"DATABASE"_s);
    expect(u"shop-2026-12-06.dump"_s, BackupFormat::PgCustom, BackupCompression::None, db);
    expect(u"shop-dir"_s, BackupFormat::PgDirectory, BackupCompression::Gzip, db);
    expect(u"shop.tar"_s, BackupFormat::PgTar, BackupCompression::None, db);
    expect(u"shop-plain.sql"_s, BackupFormat::PlainSql, BackupCompression::None, db);
    expect(u"shop-plain.sql.gz"_s, BackupFormat::PlainSql, BackupCompression::Gzip, db);
    expect(u"shop-compressed.sql"_s, BackupFormat::PlainSql, BackupCompression::Gzip, db);
    if (m_zstd)
        expect(u"shop-plain.sql.zst"_s, BackupFormat::PlainSql, BackupCompression::Zstd, db);
    expect(u"uploads.tar.gz"_s, BackupFormat::FilesArchive, BackupCompression::Gzip, QString());
    expect(u"000000010000000000000006"_s, BackupFormat::WalSegment, BackupCompression::None,
           QString());
    expect(u"000000010000000000000002.00000028.backup"_s, BackupFormat::WalBackupLabel,
           BackupCompression::None, QString());
    // The custom dump's header says it is compressed inside; the file itself is not.
    QCOMPARE(files.value(u"shop-2026-12-06.dump"_s).serverVersion.section(u'.', 0, 0), u"15"_s);
    // A directory dump counts as one file of its total size.
    QVERIFY(files.value(u"shop-dir"_s).size > 4096);
    // The checksum beside it, not a row of its own.
    QCOMPARE(files.value(u"shop-2026-12-06.dump"_s).checksum.size(), 64);
    QVERIFY(!files.contains(u"shop-2026-12-06.dump.sha256"_s));
    QVERIFY(files.contains(u"with space.dump"_s));
    QVERIFY(files.contains(u"odd\nname $(touch canary) 'q'.sql"_s));
    QVERIFY2(!QFile::exists(m_canary) && !QFile::exists(u"canary"_s), "a file name ran as code");

    // The WAL archive: 5 is missing; the base backup (in 2) is covered up to 4.
    QCOMPARE(status.wal.segments, 5);
    QCOMPARE(status.wal.gaps.size(), 1);
    QCOMPARE(status.wal.gaps.first().firstMissing, u"000000010000000000000005"_s);
    QVERIFY(status.wal.window.recoverable);
    QCOMPARE(status.wal.window.from, QDateTime(QDate(2026, 12, 5), QTime(3, 0, 1), Qt::UTC));
    QCOMPARE(status.wal.window.to, QDateTime(QDate(2026, 12, 5), QTime(3, 30), Qt::UTC));
    // Every file but the WAL segments and history was read once, on this first listing.
    QCOMPARE(status.readLastTime, int(files.size()) - 5 + 1); // + the .sha256
    QCOMPARE(status.files, int(files.size()));
}

void BackupCatalogTest::relistReadsOnlyWhatChanged()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    listAll(*catalog);
    QVERIFY(catalog->location(u"here/dumps"_s).readLastTime > 5);
    auto statuses = listAll(*catalog);
    QCOMPARE(statuses.value(u"here/dumps"_s).readLastTime, 0);
    const QString before = byName(catalog->files(u"here/dumps"_s)).value(u"shop.tar"_s).database;
    // One dump replaced (a new mtime), one added: exactly those two are read.
    QVERIFY(shell(u"cd %1 && touch -d '-1 minute' shop.tar && cp shop-2026-12-06.dump "
                  "late.dump && chmod a+r late.dump"_s.arg(q(m_dumps)))
                .isEmpty());
    statuses = listAll(*catalog);
    QCOMPARE(statuses.value(u"here/dumps"_s).readLastTime, 2);
    const QHash<QString, BackupFile> files = byName(catalog->files(u"here/dumps"_s));
    QCOMPARE(files.value(u"late.dump"_s).format, BackupFormat::PgCustom);
    QCOMPARE(files.value(u"shop.tar"_s).database, before);
    QVERIFY(shell(u"rm %1/late.dump"_s.arg(q(m_dumps))).isEmpty());
    statuses = listAll(*catalog);
    QVERIFY(!byName(catalog->files(u"here/dumps"_s)).contains(u"late.dump"_s));
}

void BackupCatalogTest::listsOverSsh()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    const auto statuses = listAll(*catalog);
    const BackupLocationStatus remote = statuses.value(u"fixture/dumps"_s);
    QVERIFY2(remote.error.isEmpty(), qPrintable(remote.error));
    const QHash<QString, BackupFile> here = byName(catalog->files(u"here/dumps"_s));
    const QHash<QString, BackupFile> there = byName(catalog->files(u"fixture/dumps"_s));
    QCOMPARE(QSet<QString>(there.keyBegin(), there.keyEnd()),
             QSet<QString>(here.keyBegin(), here.keyEnd()));
    for (const BackupFile &file : there) {
        const BackupFile local = here.value(file.name());
        QCOMPARE(file.host, u"fixture"_s);
        QCOMPARE(file.format, local.format);
        QCOMPARE(file.compression, local.compression);
        QCOMPARE(file.database, local.database);
        QCOMPARE(file.size, local.size);
        QCOMPARE(file.checksum, local.checksum);
    }
    QVERIFY2(!QFile::exists(m_canary), "a file name ran as code over SSH");
    // Each listing is an audited Read.
    const auto entries = m_audited->entries();
    QVERIFY(entries && !entries->isEmpty());
    for (const AuditEntry &entry : *entries)
        QCOMPARE(entry.risk, Risk::Read);
}

void BackupCatalogTest::failingLocationKeepsTheOthers()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    const auto statuses = listAll(*catalog);
    const BackupLocationStatus gone = statuses.value(u"here/gone"_s);
    QVERIFY(gone.error.contains(m_root.path() + u"/nowhere"_s));
    QVERIFY(gone.error.contains(u"here"_s));
    QCOMPARE(gone.files, 0);
    QVERIFY(statuses.value(u"here/dumps"_s).error.isEmpty());
    QVERIFY(statuses.value(u"here/dumps"_s).files > 10);
}

void BackupCatalogTest::staleness()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    const auto statuses = listAll(*catalog);
    const BackupLocationStatus stale = statuses.value(u"here/stale"_s);
    QVERIFY2(stale.error.isEmpty(), qPrintable(stale.error));
    QCOMPARE(stale.files, 2);
    QCOMPARE(stale.staleness.verdict, 1);
    QVERIFY2(stale.staleness.sentence.startsWith(u"newest backup is 31 h"_s),
             qPrintable(stale.staleness.sentence));
    QVERIFY(stale.staleness.sentence.endsWith(u"stale after 26 h 00 min"_s));
    // Three days on, both are past critical-after (50 h).
    catalog->setClock([] { return QDateTime::currentDateTimeUtc().addDays(3); });
    const auto later = listAll(*catalog);
    QCOMPARE(later.value(u"here/stale"_s).staleness.verdict, 2);
    QCOMPARE(later.value(u"here/dumps"_s).staleness.verdict, 2);
}

void BackupCatalogTest::s3ThroughTheHostsAws()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    const auto statuses = listAll(*catalog);
    const BackupLocationStatus cloud = statuses.value(u"here/cloud"_s);
    QVERIFY2(cloud.error.isEmpty(), qPrintable(cloud.error));
    const QHash<QString, BackupFile> files = byName(catalog->files(u"here/cloud"_s));
    QCOMPARE(files.size(), 5);
    const BackupFile manual = files.value(u"app 2026-12-06 (manual).sql.gz"_s);
    QCOMPARE(manual.path, u"s3://acme-backups/pg/db1/app 2026-12-06 (manual).sql.gz"_s);
    QCOMPARE(manual.format, BackupFormat::PlainSql);
    QCOMPARE(manual.compression, BackupCompression::Gzip);
    QCOMPARE(manual.size, 12345678);
    QCOMPARE(manual.modified, QDateTime(QDate(2026, 12, 6), QTime(3, 0, 11), Qt::UTC));
    QCOMPARE(files.value(u"app-2026-12-05.dump"_s).format, BackupFormat::PgCustom);
    QCOMPARE(files.value(u"000000010000000000000008"_s).format, BackupFormat::WalSegment);
    QCOMPARE(cloud.wal.segments, 2);

    // An S3 error is the location's, with what aws said.
    QTemporaryDir scratch;
    const QString denied = scratch.filePath(u"denied.txt"_s);
    QFile file(denied);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: "
               "Access Denied\n");
    file.close();
    qputenv("OPSDECK_FAKE_AWS_OUTPUT", denied.toUtf8());
    qputenv("OPSDECK_FAKE_AWS_STATUS", "254");
    const auto failed = listAll(*catalog);
    qputenv("OPSDECK_FAKE_AWS_OUTPUT", (data + u"s3-recursive.txt"_s).toUtf8());
    qunsetenv("OPSDECK_FAKE_AWS_STATUS");
    QVERIFY2(failed.value(u"here/cloud"_s).error.contains(u"AccessDenied"_s),
             qPrintable(failed.value(u"here/cloud"_s).error));
    // The last good listing stays.
    QCOMPARE(catalog->files(u"here/cloud"_s).size(), 5);
}

void BackupCatalogTest::models()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    BackupCatalogModel files;
    QAbstractItemModelTester filesTester(&files,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    BackupLocationsModel locations;
    QAbstractItemModelTester locationsTester(
        &locations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(catalog.get(), &BackupCatalog::locationUpdated, this, [&] {
        files.setFiles(catalog->files());
        locations.setRows(catalog->locations());
    });
    listAll(*catalog);
    QCOMPARE(files.rowCount(), int(catalog->files().size()));
    QCOMPARE(locations.rowCount(), 5);
    const int gone = locations.rowOf(u"here/gone"_s);
    QVERIFY(gone >= 0);
    QCOMPARE(locations.index(gone, BackupLocationsModel::Error).data(KeyedTableRole::Verdict), 2);
    const int stale = locations.rowOf(u"here/stale"_s);
    QCOMPARE(locations.index(stale, BackupLocationsModel::Staleness).data(KeyedTableRole::Verdict),
             1);
    const int dumps = locations.rowOf(u"here/dumps"_s);
    QVERIFY(locations.index(dumps, BackupLocationsModel::Wal)
                .data()
                .toString()
                .contains(u"000000010000000000000005"_s));

    // Verifications: the one made for the file as it is shows; one for an older size does not.
    const BackupFile dump = byName(catalog->files(u"here/dumps"_s)).value(u"shop.tar"_s);
    VerificationRecord good;
    good.host = dump.host;
    good.path = dump.path;
    good.size = dump.size;
    good.modified = dump.modified;
    good.level = VerificationLevel::FullRead;
    good.ok = true;
    good.at = QDateTime::currentDateTimeUtc();
    VerificationRecord outdated = good;
    outdated.size = dump.size + 1;
    outdated.ok = false;
    outdated.at = good.at.addSecs(60);
    files.setVerifications({good, outdated});
    const int row = files.rowOf(dump.key());
    QVERIFY(row >= 0);
    const QModelIndex verified = files.index(row, BackupCatalogModel::Verified);
    QVERIFY2(verified.data().toString().startsWith(verificationShortText(good)),
             qPrintable(verified.data().toString()));
    QCOMPARE(verified.data(KeyedTableRole::Verdict), 0);
    QVERIFY2(verified.data().toString().startsWith(u"L2 verified · "_s),
             qPrintable(verified.data().toString()));
    // L1 passes only as "TOC only", a caution, never as verified.
    VerificationRecord toc = good;
    toc.level = VerificationLevel::TableOfContents;
    toc.verdict = VerificationVerdict::TocOnly;
    toc.at = good.at.addSecs(30);
    files.setVerifications({good, toc});
    QVERIFY2(files.index(row, BackupCatalogModel::Verified)
                 .data()
                 .toString()
                 .startsWith(u"L1 TOC only"_s),
             qPrintable(files.index(row, BackupCatalogModel::Verified).data().toString()));
    QCOMPARE(files.index(row, BackupCatalogModel::Verified).data(KeyedTableRole::Verdict), 1);
    VerificationRecord failed = good;
    failed.ok = false;
    failed.level = VerificationLevel::TestRestore;
    failed.at = good.at.addSecs(120);
    files.setVerifications({good, failed});
    QCOMPARE(files.index(row, BackupCatalogModel::Verified).data(KeyedTableRole::Verdict), 2);
    QCOMPARE(files.rowOf(dump.key()), row); // refreshed in place
    QCOMPARE(files.index(row, BackupCatalogModel::Kind).data().toString(),
             backupFormatName(BackupFormat::PgTar));
    QVERIFY(!files.index(row, BackupCatalogModel::Age).data().toString().isEmpty());
}

void BackupCatalogTest::startListsEveryLocation()
{
    auto catalog = newCatalog();
    catalog->setWorkspace(m_workspace);
    QSet<QString> updated;
    connect(catalog.get(), &BackupCatalog::locationUpdated, this,
            [&](const QString &key) { updated.insert(key); });
    catalog->start();
    QVERIFY(QTest::qWaitFor([&] { return updated.size() == 5; }, 90000));
    catalog->stop();
    // A reloaded workspace keeps what was read of the locations still in it.
    const int before = int(catalog->files(u"here/dumps"_s).size());
    catalog->setWorkspace(m_workspace);
    QCOMPARE(int(catalog->files(u"here/dumps"_s).size()), before);
    QCOMPARE(listAll(*catalog).value(u"here/dumps"_s).readLastTime, 0);
}

QTEST_GUILESS_MAIN(BackupCatalogTest)
#include "tst_backupcatalog.moc"
