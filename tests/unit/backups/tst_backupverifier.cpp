// SPDX-License-Identifier: GPL-3.0-or-later
// The verification ladder and the test restore against a real PostgreSQL 15, real pg_dump
// output in every format, a real sshd, and the real gate and audit log.
#include "commandtesting.h"
#include "databasetesting.h"
#include "incidenttesting.h"
#include "models/backups/backupverifier.h"
#include "models/backups/testrestore.h"
#include "models/backups/verificationstore.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/remote/actiongate.h"
#include "models/remote/hostregistry.h"
#include "models/remote/localexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "postgresfixture.h"
#include "sshfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

Q_DECLARE_METATYPE(OpsDeck::BackupFormat)
Q_DECLARE_METATYPE(OpsDeck::BackupCompression)
Q_DECLARE_METATYPE(OpsDeck::VerificationVerdict)

class BackupVerifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void countsTocEntriesByType_data();
    void countsTocEntriesByType();
    void levelsThatDoNotApplyAreRefused();
    void ladderScriptsAreJudgedRead_data();
    void ladderScriptsAreJudgedRead();
    void everyFormatClimbsTheLadder_data();
    void everyFormatClimbsTheLadder();
    void truncatedCustomDumpIsTocOnlyButFailsFullRead();
    void truncatedPlainDumpFailsFullRead();
    void plainDumpEndings_data();
    void plainDumpEndings();
    void ladderRunsInReadOnlyMode();
    void flippedByteInGzipFailsIntegrity();
    void missingDataFileInDirectoryDumpFailsIntegrity();
    void sha256BesideTheFileIsChecked();
    void ladderRunsOverSsh();
    void hostileFileNameBreaksNothingOut();
    void testRestoreRowCountsMatchTheSource();
    void testRestoreGoesOnTheOpenIncidentsTimeline();
    void testRestoreRefusedWithoutScratchRestores();
    void testRestoreRefusesPlainSqlWithoutTheScan();
    void readOnlyModeRefusesTheTestRestore();
    void cancelledTestRestoreStillDropsTheScratchDatabase();
    void comparisonReportsDifferencesAndFailsOnlyEmptiedTables();

private:
    BackupFile fileAt(const QString &path, BackupFormat format,
                      BackupCompression compression = BackupCompression::None,
                      const QString &host = u"here"_s) const;
    QList<VerificationRecord> climb(const BackupFile &file, VerificationLevel level,
                                    bool lowerLevelsFirst = true);
    TestRestoreResult testRestore(const TestRestorePlan &plan, Risk confirmed = Risk::Change,
                                  QList<TestRestorePhase> *phases = nullptr,
                                  bool cancelAtRestore = false,
                                  IncidentSession *incident = nullptr);
    TestRestorePlan planFor(const BackupFile &file) const;
    int scratchDatabasesLeft() const;
    bool run(const QString &program, const QStringList &arguments);
    QString dump(const QString &name) const { return m_dumps.filePath(name); }

    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<HostRegistry> m_registry;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<VerificationStore> m_store;
    LocalExecutor m_local{u"here"_s};
    QTemporaryDir m_dumps{u"/tmp/opsdeck-bkv-XXXXXX"_s};
    QTemporaryDir m_scratch{u"/tmp/opsdeck-bkc-XXXXXX"_s};
};

bool BackupVerifierTest::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return false;
    }
    return true;
}

BackupFile BackupVerifierTest::fileAt(const QString &path, BackupFormat format,
                                      BackupCompression compression, const QString &host) const
{
    BackupFile file;
    file.host = host;
    file.location = u"nightly"_s;
    file.path = path;
    file.format = format;
    file.compression = compression;
    const QFileInfo info(path);
    file.modified = info.lastModified().toUTC();
    file.size = info.size();
    if (info.isDir()) {
        file.size = 0;
        QDirIterator it(path, QDir::Files);
        while (it.hasNext())
            file.size += QFileInfo(it.next()).size();
    }
    return file;
}

void BackupVerifierTest::initTestCase()
{
    qRegisterMetaType<VerificationRecord>();
    QVERIFY(m_dumps.isValid() && m_scratch.isValid());
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_gate = std::make_unique<ActionGate>(&m_audited->auditLog, &m_audited->readOnly);
    m_store = std::make_unique<VerificationStore>(&m_audited->store);

    m_postgres = std::make_unique<PostgresFixture>();
    QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    const QString user = m_postgres->value(u"USER"_s);
    DatabaseTesting::superuserQuery(*m_postgres, u"ALTER ROLE %1 CREATEDB"_s.arg(user));
    DatabaseTesting::superuserQuery(*m_postgres, u"CREATE DATABASE shop OWNER %1"_s.arg(user));
    // Rows of md5 text, so the custom dump's compressed data is big enough to cut in half
    // with its table of contents whole.
    const QStringList statements = {
        u"CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL)"_s,
        u"INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 300) g"_s,
        u"CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers,"
        " note text)"_s,
        u"INSERT INTO orders (customer_id, note) SELECT 1 + g % 300, md5(g::text) || md5((g * 7)::"
        "text) FROM generate_series(1, 20000) g"_s,
        u"CREATE INDEX orders_customer ON orders (customer_id)"_s,
        u"CREATE TABLE \"odd | name\" (x int)"_s,
        u"INSERT INTO \"odd | name\" SELECT generate_series(1, 5)"_s,
        u"CREATE TABLE empty_things (id int)"_s,
        u"ALTER TABLE customers OWNER TO %1"_s.arg(user),
        u"ALTER TABLE orders OWNER TO %1"_s.arg(user),
        u"ALTER TABLE \"odd | name\" OWNER TO %1"_s.arg(user),
        u"ALTER TABLE empty_things OWNER TO %1"_s.arg(user),
    };
    for (const QString &statement : statements)
        DatabaseTesting::superuserQuery(*m_postgres, statement, u"shop"_s);
    QCOMPARE(
        DatabaseTesting::superuserQuery(*m_postgres, u"SELECT count(*) FROM orders"_s, u"shop"_s),
        u"20000"_s);

    const QStringList connection = {u"-h"_s, m_postgres->value(u"SOCKET_DIR"_s),
                                    u"-p"_s, m_postgres->value(u"PORT"_s),
                                    u"-U"_s, m_postgres->value(u"SUPERUSER"_s)};
    const auto pgDump = [&](const QStringList &options, const QString &out) {
        return run(u"pg_dump"_s, connection + options + QStringList{u"-f"_s, out, u"shop"_s});
    };
    QVERIFY(pgDump({u"-Fc"_s}, dump(u"shop.dump"_s)));
    QVERIFY(pgDump({u"-Fd"_s}, dump(u"shop.dir"_s)));
    QVERIFY(pgDump({u"-Ft"_s}, dump(u"shop.tar"_s)));
    QVERIFY(pgDump({u"-Fp"_s}, dump(u"shop.sql"_s)));
    QVERIFY(pgDump({u"-Fp"_s, u"-Z"_s, u"6"_s}, dump(u"shop.sql.gz"_s)));
    QVERIFY(
        run(u"zstd"_s, {u"-q"_s, u"-k"_s, dump(u"shop.sql"_s), u"-o"_s, dump(u"shop.sql.zst"_s)}));
    QVERIFY(run(u"gzip"_s, {u"-k"_s, dump(u"shop.dump"_s)})); // a custom dump gzipped again
    QVERIFY(QDir().mkpath(m_scratch.filePath(u"uploads/a"_s)));
    QFile upload(m_scratch.filePath(u"uploads/a/file.txt"_s));
    QVERIFY(upload.open(QIODevice::WriteOnly));
    upload.write(QByteArray(100000, 'u'));
    upload.close();
    QVERIFY(run(u"tar"_s, {u"-czf"_s, dump(u"uploads.tar.gz"_s), u"-C"_s,
                           m_scratch.filePath(u"uploads"_s), u"."_s}));
    // The sshd's user reads the dumps too.
    QVERIFY(run(u"chmod"_s, {u"-R"_s, u"a+rX"_s, m_dumps.path()}));
}

void BackupVerifierTest::cleanupTestCase()
{
    m_registry.reset();
    m_sshd.reset();
    m_postgres.reset();
    m_store.reset();
    m_gate.reset();
    m_audited.reset();
}

QList<VerificationRecord> BackupVerifierTest::climb(const BackupFile &file, VerificationLevel level,
                                                    bool lowerLevelsFirst)
{
    VerifierServices services;
    services.runner = &m_audited->runner;
    services.executorFor = [this](const QString &host) -> Executor * {
        if (host == u"here")
            return &m_local;
        return m_registry ? m_registry->executor(host) : nullptr;
    };
    services.store = m_store.get();
    BackupVerifier verifier(services);
    QSignalSpy finished(&verifier, &BackupVerifier::finished);
    if (!verifier.verify(file, level, lowerLevelsFirst))
        return {};
    if (!finished.wait(180000))
        return {};
    return finished.first().first().value<QList<VerificationRecord>>();
}

void BackupVerifierTest::countsTocEntriesByType_data()
{
    QTest::addColumn<QString>("listing");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("dataEntries");
    // The shape of pg_restore 15 --list output.
    const QString listing =
        u";\n; Archive created at 2026-12-06 21:40:11 UTC\n;     dbname: shop\n;     TOC "
        "Entries: 31\n;\n; Selected TOC Entries:\n;\n"
        "216; 1259 16390 TABLE public customers opsdeck\n"
        "215; 1259 16389 SEQUENCE public customers_id_seq opsdeck\n"
        "3367; 0 0 SEQUENCE OWNED BY public customers_id_seq opsdeck\n"
        "3210; 2604 16393 DEFAULT public customers id opsdeck\n"
        "3358; 0 16390 TABLE DATA public customers opsdeck\n"
        "3360; 0 16401 TABLE DATA public orders opsdeck\n"
        "3370; 0 0 SEQUENCE SET public customers_id_seq opsdeck\n"
        "3214; 2606 16397 CONSTRAINT public customers customers_pkey opsdeck\n"
        "3217; 1259 16410 INDEX public orders_customer opsdeck\n"
        "3218; 2606 16404 FK CONSTRAINT public orders orders_customer_id_fkey opsdeck\n"
        "3359; 0 16420 MATERIALIZED VIEW DATA public totals opsdeck\n"_s;
    QTest::newRow("table") << listing << u"TABLE"_s << 1 << 3;
    QTest::newRow("table data") << listing << u"TABLE DATA"_s << 2 << 3;
    QTest::newRow("sequence owned by") << listing << u"SEQUENCE OWNED BY"_s << 1 << 3;
    QTest::newRow("fk constraint") << listing << u"FK CONSTRAINT"_s << 1 << 3;
    QTest::newRow("constraint") << listing << u"CONSTRAINT"_s << 1 << 3;
    QTest::newRow("matview data") << listing << u"MATERIALIZED VIEW DATA"_s << 1 << 3;
    QTest::newRow("comments only") << u";\n; Archive created\n;\n"_s << u"TABLE"_s << 0 << 0;
    QTest::newRow("error text") << u"pg_restore: error: could not read from input file: end of "
                                   "file\n"_s
                                << u"TABLE"_s << 0 << 0;
}

void BackupVerifierTest::countsTocEntriesByType()
{
    QFETCH(QString, listing);
    QFETCH(QString, type);
    QFETCH(int, count);
    QFETCH(int, dataEntries);
    QCOMPARE(countTocEntries(listing).value(type), count);
    QCOMPARE(tocDataEntryIds(listing).size(), dataEntries);
}

void BackupVerifierTest::levelsThatDoNotApplyAreRefused()
{
    BackupFile wal = fileAt(u"/srv/wal/000000010000000000000003"_s, BackupFormat::WalSegment);
    QVERIFY(verificationLevelRefusal(wal, VerificationLevel::Integrity).isEmpty());
    QVERIFY(!verificationLevelRefusal(wal, VerificationLevel::TableOfContents).isEmpty());
    QVERIFY(std::holds_alternative<QString>(verificationRequest(wal, VerificationLevel::FullRead)));
    BackupFile files =
        fileAt(dump(u"uploads.tar.gz"_s), BackupFormat::FilesArchive, BackupCompression::Gzip);
    QVERIFY(!verificationLevelRefusal(files, VerificationLevel::TableOfContents).isEmpty());
    QVERIFY(verificationLevelRefusal(files, VerificationLevel::FullRead).isEmpty());
    QVERIFY(!verificationLevelRefusal(files, VerificationLevel::TestRestore).isEmpty());
}

void BackupVerifierTest::ladderScriptsAreJudgedRead_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<BackupFormat>("format");
    QTest::addColumn<BackupCompression>("compression");
    QTest::newRow("custom") << u"shop.dump"_s << BackupFormat::PgCustom << BackupCompression::None;
    QTest::newRow("custom gzip") << u"shop.dump.gz"_s << BackupFormat::PgCustom
                                 << BackupCompression::Gzip;
    QTest::newRow("directory") << u"shop.dir"_s << BackupFormat::PgDirectory
                               << BackupCompression::None;
    QTest::newRow("tar") << u"shop.tar"_s << BackupFormat::PgTar << BackupCompression::None;
    QTest::newRow("plain") << u"shop.sql"_s << BackupFormat::PlainSql << BackupCompression::None;
    QTest::newRow("plain gzip") << u"shop.sql.gz"_s << BackupFormat::PlainSql
                                << BackupCompression::Gzip;
    QTest::newRow("plain zstd") << u"shop.sql.zst"_s << BackupFormat::PlainSql
                                << BackupCompression::Zstd;
    QTest::newRow("plain lz4") << u"x.sql.lz4"_s << BackupFormat::PlainSql
                               << BackupCompression::Lz4;
    QTest::newRow("plain xz") << u"x.sql.xz"_s << BackupFormat::PlainSql << BackupCompression::Xz;
    QTest::newRow("plain bzip2") << u"x.sql.bz2"_s << BackupFormat::PlainSql
                                 << BackupCompression::Bzip2;
    QTest::newRow("files") << u"uploads.tar.gz"_s << BackupFormat::FilesArchive
                           << BackupCompression::Gzip;
    QTest::newRow("wal") << u"000000010000000000000003"_s << BackupFormat::WalSegment
                         << BackupCompression::None;
}

void BackupVerifierTest::ladderScriptsAreJudgedRead()
{
    QFETCH(QString, name);
    QFETCH(BackupFormat, format);
    QFETCH(BackupCompression, compression);
    BackupFile file = fileAt(dump(name), format, compression);
    for (const VerificationLevel level :
         {VerificationLevel::Integrity, VerificationLevel::TableOfContents,
          VerificationLevel::FullRead}) {
        const auto made = verificationRequest(file, level);
        if (!verificationLevelRefusal(file, level).isEmpty()) {
            QVERIFY(std::holds_alternative<QString>(made));
            continue;
        }
        const CommandRequest request = std::get<CommandRequest>(made);
        const RiskAssessment judged = CommandRunner::assess(request);
        QVERIFY2(judged.risk == Risk::Read,
                 qPrintable(u"%1: %2\n%3"_s.arg(verificationLevelName(level), judged.reason,
                                                request.script)));
    }
}

void BackupVerifierTest::everyFormatClimbsTheLadder_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<BackupFormat>("format");
    QTest::addColumn<BackupCompression>("compression");
    QTest::addColumn<QString>("fullReadSays");
    QTest::newRow("custom") << u"shop.dump"_s << BackupFormat::PgCustom << BackupCompression::None
                            << u"every entry"_s;
    QTest::newRow("custom gzip") << u"shop.dump.gz"_s << BackupFormat::PgCustom
                                 << BackupCompression::Gzip << u"every entry"_s;
    QTest::newRow("directory") << u"shop.dir"_s << BackupFormat::PgDirectory
                               << BackupCompression::None << u"every entry"_s;
    QTest::newRow("tar") << u"shop.tar"_s << BackupFormat::PgTar << BackupCompression::None
                         << u"every entry"_s;
    QTest::newRow("plain") << u"shop.sql"_s << BackupFormat::PlainSql << BackupCompression::None
                           << u"complete dump"_s;
    QTest::newRow("plain gzip") << u"shop.sql.gz"_s << BackupFormat::PlainSql
                                << BackupCompression::Gzip << u"complete dump"_s;
    QTest::newRow("plain zstd") << u"shop.sql.zst"_s << BackupFormat::PlainSql
                                << BackupCompression::Zstd << u"complete dump"_s;
    QTest::newRow("files") << u"uploads.tar.gz"_s << BackupFormat::FilesArchive
                           << BackupCompression::Gzip << u"read through to the end"_s;
}

void BackupVerifierTest::everyFormatClimbsTheLadder()
{
    QFETCH(QString, name);
    QFETCH(BackupFormat, format);
    QFETCH(BackupCompression, compression);
    QFETCH(QString, fullReadSays);
    const BackupFile file = fileAt(dump(name), format, compression);
    const QList<VerificationRecord> records = climb(file, VerificationLevel::FullRead);
    const bool hasToc = format != BackupFormat::FilesArchive;
    QCOMPARE(records.size(), hasToc ? 3 : 2);
    for (const VerificationRecord &record : records)
        qInfo().noquote() << verificationLevelName(record.level) << record.durationMs
                          << "ms:" << record.detail;
    QCOMPARE(records.first().level, VerificationLevel::Integrity);
    QVERIFY2(records.first().verdict == VerificationVerdict::Verified,
             qPrintable(records.first().detail));
    if (hasToc) {
        // L1 passes as "TOC only", never as verified.
        QCOMPARE(records.at(1).level, VerificationLevel::TableOfContents);
        QVERIFY2(records.at(1).verdict == VerificationVerdict::TocOnly,
                 qPrintable(records.at(1).detail));
        QVERIFY(records.at(1).ok);
        QVERIFY2(records.at(1).detail.contains(u"TABLE DATA"_s), qPrintable(records.at(1).detail));
    }
    QCOMPARE(records.last().level, VerificationLevel::FullRead);
    QVERIFY2(records.last().verdict == VerificationVerdict::Verified,
             qPrintable(records.last().detail));
    QVERIFY2(records.last().detail.contains(fullReadSays), qPrintable(records.last().detail));

    // Each level is on record, for this file as it is.
    std::optional<QList<VerificationRecord>> kept;
    m_store->history(
        file.host, file.path, this,
        [&kept](const QList<VerificationRecord> &found, const QString &) { kept = found; });
    QVERIFY(QTest::qWaitFor([&] { return kept.has_value(); }, 10000));
    QVERIFY(kept->size() >= records.size());
    QVERIFY(kept->first().isCurrentFor(file));
}

void BackupVerifierTest::truncatedCustomDumpIsTocOnlyButFailsFullRead()
{
    const QString truncated = dump(u"shop-truncated.dump"_s);
    const qint64 size = QFileInfo(dump(u"shop.dump"_s)).size();
    QVERIFY2(size > 100000, "the dump is too small to cut with its TOC whole");
    // head -c, as a disk that filled up or a copy that broke off leaves it.
    QVERIFY(run(u"sh"_s, {u"-c"_s, u"head -c \"$1\" \"$2\" > \"$3\""_s, u"sh"_s,
                          QString::number(size / 2), dump(u"shop.dump"_s), truncated}));
    const BackupFile file = fileAt(truncated, BackupFormat::PgCustom);

    // pg_restore --list alone is happy with it: this is the seeds' "verification".
    QProcess list;
    list.start(u"pg_restore"_s, {u"--list"_s, truncated});
    QVERIFY(list.waitForFinished(30000));
    QCOMPARE(list.exitCode(), 0);

    const QList<VerificationRecord> records = climb(file, VerificationLevel::FullRead);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).verdict, VerificationVerdict::Verified); // size and PGDMP header
    QCOMPARE(records.at(1).verdict, VerificationVerdict::TocOnly);
    QCOMPARE(records.at(2).verdict, VerificationVerdict::Failed);
    QVERIFY(!records.at(2).ok);
    qInfo().noquote() << "L2 says:" << records.at(2).detail;
    QVERIFY2(records.at(2).detail.contains(u"pg_restore could not read all data"_s),
             qPrintable(records.at(2).detail));
}

void BackupVerifierTest::truncatedPlainDumpFailsFullRead()
{
    const QString truncated = dump(u"shop-truncated.sql"_s);
    const qint64 size = QFileInfo(dump(u"shop.sql"_s)).size();
    QVERIFY(run(u"sh"_s, {u"-c"_s, u"head -c \"$1\" \"$2\" > \"$3\""_s, u"sh"_s,
                          QString::number(size - 200), dump(u"shop.sql"_s), truncated}));
    const QList<VerificationRecord> records =
        climb(fileAt(truncated, BackupFormat::PlainSql), VerificationLevel::FullRead);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(2).verdict, VerificationVerdict::Failed);
    QVERIFY2(records.at(2).detail.contains(u"cut off"_s), qPrintable(records.at(2).detail));
}

void BackupVerifierTest::plainDumpEndings_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::addColumn<bool>("complete");
    const QByteArray body = "SET statement_timeout = 0;\nCOPY public.t (x) FROM stdin;\n1\n\\.\n\n";
    QTest::newRow("pg_dump 15") << body + "--\n-- PostgreSQL database dump complete\n--\n\n"
                                << true;
    // pg_dump 15.14 and later close with \unrestrict after the line.
    QTest::newRow("restrict key") << body + "--\n-- PostgreSQL database dump complete\n--\n\n"
                                            "\\unrestrict abc123\n\n"
                                  << true;
    QTest::newRow("pg_dumpall") << body + "--\n-- PostgreSQL database cluster dump complete\n--\n\n"
                                << true;
    QTest::newRow("no final line break") << body + "-- PostgreSQL database dump complete" << true;
    QTest::newRow("cut inside COPY") << body.left(40) << false;
    QTest::newRow("statement after the line")
        << body + "-- PostgreSQL database dump complete\nDROP TABLE t;\n"
        << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void BackupVerifierTest::plainDumpEndings()
{
    QFETCH(QByteArray, ending);
    QFETCH(bool, complete);
    const QString path = m_scratch.filePath(
        u"ending-%1.sql"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(ending);
    file.close();
    const QList<VerificationRecord> records =
        climb(fileAt(path, BackupFormat::PlainSql), VerificationLevel::FullRead, false);
    QCOMPARE(records.size(), 1);
    QVERIFY2((records.first().verdict == VerificationVerdict::Verified) == complete,
             qPrintable(records.first().detail));
    if (complete)
        QVERIFY2(records.first().detail.contains(QString::number(ending.size())) ||
                     records.first().detail.contains(u"KiB"_s),
                 qPrintable(records.first().detail));
}

void BackupVerifierTest::ladderRunsInReadOnlyMode()
{
    m_audited->readOnly.setEnabled(true);
    const QList<VerificationRecord> records =
        climb(fileAt(dump(u"shop.dir"_s), BackupFormat::PgDirectory), VerificationLevel::FullRead);
    m_audited->readOnly.setEnabled(false);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).verdict, VerificationVerdict::Verified);
    QCOMPARE(records.at(1).verdict, VerificationVerdict::TocOnly);
    QCOMPARE(records.at(2).verdict, VerificationVerdict::Verified);
}

void BackupVerifierTest::flippedByteInGzipFailsIntegrity()
{
    const QString broken = dump(u"shop-flipped.sql.gz"_s);
    QVERIFY(QFile::copy(dump(u"shop.sql.gz"_s), broken));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 middle = file.size() / 2;
    QVERIFY(file.seek(middle));
    const char byte = file.read(1).at(0);
    QVERIFY(file.seek(middle));
    file.write(QByteArray(1, char(byte ^ 0x5a)));
    file.close();
    const QList<VerificationRecord> records =
        climb(fileAt(broken, BackupFormat::PlainSql, BackupCompression::Gzip),
              VerificationLevel::FullRead);
    QCOMPARE(records.size(), 1); // a failed level stops the climb
    QCOMPARE(records.first().level, VerificationLevel::Integrity);
    QCOMPARE(records.first().verdict, VerificationVerdict::Failed);
    QVERIFY2(records.first().detail.contains(u"gzip test fails"_s),
             qPrintable(records.first().detail));
}

void BackupVerifierTest::missingDataFileInDirectoryDumpFailsIntegrity()
{
    const QString copy = dump(u"shop-partial.dir"_s);
    QVERIFY(run(u"cp"_s, {u"-r"_s, dump(u"shop.dir"_s), copy}));
    const QStringList data = QDir(copy).entryList({u"*.dat.gz"_s}, QDir::Files, QDir::Name);
    QVERIFY(!data.isEmpty());
    QVERIFY(QFile::remove(QDir(copy).filePath(data.first())));
    const QList<VerificationRecord> records =
        climb(fileAt(copy, BackupFormat::PgDirectory), VerificationLevel::Integrity, false);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().verdict, VerificationVerdict::Failed);
    QVERIFY2(records.first().detail.contains(data.first().section(u'.', 0, 0)),
             qPrintable(records.first().detail));
}

void BackupVerifierTest::sha256BesideTheFileIsChecked()
{
    QFile dumpFile(dump(u"shop.dump"_s));
    QVERIFY(dumpFile.open(QIODevice::ReadOnly));
    const QByteArray sum =
        QCryptographicHash::hash(dumpFile.readAll(), QCryptographicHash::Sha256).toHex();
    const auto writeSum = [&](const QByteArray &line) {
        QFile sumFile(dump(u"shop.dump.sha256"_s));
        QVERIFY(sumFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        sumFile.write(line);
    };
    // As `sha256sum /var/backups/shop.dump > shop.dump.sha256` writes it: another path.
    writeSum(sum + "  /var/backups/shop.dump\n");
    const BackupFile file = fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom);
    QList<VerificationRecord> records = climb(file, VerificationLevel::Integrity);
    QCOMPARE(records.size(), 1);
    QVERIFY2(records.first().verdict == VerificationVerdict::Verified,
             qPrintable(records.first().detail));
    QVERIFY(records.first().detail.contains(u"sha256 matches"_s));

    QByteArray wrong = sum;
    wrong[10] = wrong[10] == '0' ? '1' : '0';
    writeSum(wrong + "  shop.dump\n");
    records = climb(file, VerificationLevel::Integrity);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().verdict, VerificationVerdict::Failed);
    QVERIFY2(records.first().detail.contains(u"does not match"_s),
             qPrintable(records.first().detail));
    QVERIFY(QFile::remove(dump(u"shop.dump.sha256"_s)));
}

void BackupVerifierTest::ladderRunsOverSsh()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    const QByteArray text = QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                                    m_sshd->workspaceHost(u"fixture"_s))
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);

    for (const auto &[name, format, compression] :
         {std::tuple{u"shop.dump"_s, BackupFormat::PgCustom, BackupCompression::None},
          std::tuple{u"shop.sql.gz"_s, BackupFormat::PlainSql, BackupCompression::Gzip},
          std::tuple{u"shop-truncated.dump"_s, BackupFormat::PgCustom, BackupCompression::None}}) {
        const BackupFile file = fileAt(dump(name), format, compression, u"fixture"_s);
        const QList<VerificationRecord> records = climb(file, VerificationLevel::FullRead);
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(1).verdict, VerificationVerdict::TocOnly);
        const bool truncated = name.contains(u"truncated"_s);
        QVERIFY2(records.at(2).verdict ==
                     (truncated ? VerificationVerdict::Failed : VerificationVerdict::Verified),
                 qPrintable(records.at(2).detail));
    }
}

void BackupVerifierTest::hostileFileNameBreaksNothingOut()
{
    // The canary's path comes from the environment: a file name cannot hold a '/'.
    const QString canary = m_scratch.filePath(u"canary"_s);
    qputenv("OPSDECK_CANARY", canary.toUtf8());
    const QString name =
        u"it's \"a\" $(touch \"$OPSDECK_CANARY\") `touch $OPSDECK_CANARY`\nx; touch $OPSDECK_CANARY .dump"_s;
    const QString hostile = dump(name);
    QVERIFY(QFile::copy(dump(u"shop.dump"_s), hostile));
    const BackupFile file = fileAt(hostile, BackupFormat::PgCustom);
    const QList<VerificationRecord> records = climb(file, VerificationLevel::FullRead);
    QCOMPARE(records.size(), 3);
    QVERIFY2(records.at(2).verdict == VerificationVerdict::Verified,
             qPrintable(records.at(2).detail));

    TestRestoreResult restored = testRestore(planFor(file));
    QVERIFY2(restored.verdict == VerificationVerdict::Verified, qPrintable(restored.detail));
    QVERIFY2(!QFile::exists(canary), "the file name was run as a command");
    QCOMPARE(scratchDatabasesLeft(), 0);
}

TestRestorePlan BackupVerifierTest::planFor(const BackupFile &file) const
{
    TestRestorePlan plan;
    plan.file = file;
    Database server;
    server.name = u"scratch"_s;
    server.host = m_postgres->value(u"HOST"_s);
    server.port = m_postgres->value(u"PORT"_s).toInt();
    server.user = m_postgres->value(u"USER"_s);
    server.database = m_postgres->value(u"DATABASE"_s);
    server.sslMode = u"disable"_s;
    server.scratchRestores = true;
    plan.scratchServer = server;
    plan.scratchPassword = m_postgres->value(u"PASSWORD"_s);
    Database source = server;
    source.name = u"shop"_s;
    source.database = u"shop"_s;
    source.scratchRestores = false;
    plan.source = source;
    plan.sourcePassword = m_postgres->value(u"PASSWORD"_s);
    return plan;
}

int BackupVerifierTest::scratchDatabasesLeft() const
{
    return DatabaseTesting::superuserQuery(
               *m_postgres,
               u"SELECT count(*) FROM pg_database WHERE datname LIKE 'opsdeck\\_restore\\_test\\_%'"_s)
        .toInt();
}

TestRestoreResult BackupVerifierTest::testRestore(const TestRestorePlan &plan, Risk confirmed,
                                                  QList<TestRestorePhase> *phases,
                                                  bool cancelAtRestore, IncidentSession *incident)
{
    TestRestoreServices services;
    services.gate = m_gate.get();
    services.incident = incident;
    services.executorFor = [this](const QString &host) -> Executor * {
        return host == u"here" ? &m_local : m_registry ? m_registry->executor(host) : nullptr;
    };
    TestRestore restore(services);
    connect(&restore, &TestRestore::phaseChanged, this, [&](TestRestorePhase phase, qint64) {
        if (phases)
            phases->append(phase);
        if (cancelAtRestore && phase == TestRestorePhase::Restore)
            restore.cancel();
    });
    QSignalSpy finished(&restore, &TestRestore::finished);
    ActionConfirmation confirmation;
    confirmation.confirmedRisk = confirmed;
    restore.start(plan, confirmation);
    if (!finished.wait(180000))
        return {};
    return finished.first().first().value<TestRestoreResult>();
}

void BackupVerifierTest::testRestoreRowCountsMatchTheSource()
{
    const BackupFile file = fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom);
    QList<TestRestorePhase> phases;
    const TestRestoreResult result = testRestore(planFor(file), Risk::Change, &phases);
    qInfo().noquote() << "L3 says:" << result.detail << result.durationMs << "ms";
    QVERIFY2(result.verdict == VerificationVerdict::Verified, qPrintable(result.detail));
    QVERIFY(result.scratchDropped);
    QVERIFY(isScratchDatabaseName(result.scratchName));
    QCOMPARE(scratchDatabasesLeft(), 0);
    QCOMPARE(phases, (QList<TestRestorePhase>{TestRestorePhase::Create, TestRestorePhase::Restore,
                                              TestRestorePhase::Count, TestRestorePhase::Drop,
                                              TestRestorePhase::Compare}));
    QHash<QString, RestoredTableCount> tables;
    for (const RestoredTableCount &table : result.tables)
        tables.insert(table.table, table);
    QCOMPARE(tables.size(), 4);
    QCOMPARE(tables.value(u"orders"_s).restoredRows, qint64(20000));
    QCOMPARE(tables.value(u"customers"_s).restoredRows, qint64(300));
    QCOMPARE(tables.value(u"odd | name"_s).restoredRows, qint64(5));
    QCOMPARE(tables.value(u"empty_things"_s).restoredRows, qint64(0));
    for (const RestoredTableCount &table : result.tables)
        QCOMPARE(table.sourceRows, std::optional<qint64>(table.restoredRows));
    QVERIFY2(result.detail.contains(u"row counts match"_s), qPrintable(result.detail));

    // Audited as the declared action, the password nowhere in it.
    const auto entries = m_audited->entries();
    QVERIFY(entries.has_value());
    bool found = false;
    for (const AuditEntry &entry : *entries) {
        if (entry.command.contains(u"test restore of"_s)) {
            found = true;
            QCOMPARE(entry.risk, Risk::Change);
            QVERIFY(!entry.command.contains(m_postgres->value(u"PASSWORD"_s)));
        }
    }
    QVERIFY(found);

    // The same through the verifier: L3 on record after the three below it.
    VerifierServices services;
    services.runner = &m_audited->runner;
    services.executorFor = [this](const QString &) -> Executor * { return &m_local; };
    services.store = m_store.get();
    TestRestoreServices restoreServices;
    restoreServices.gate = m_gate.get();
    restoreServices.executorFor = services.executorFor;
    services.restore = restoreServices;
    BackupVerifier verifier(services);
    QSignalSpy finished(&verifier, &BackupVerifier::finished);
    ActionConfirmation confirmation;
    confirmation.confirmedRisk = Risk::Change;
    QVERIFY(
        verifier.verify(file, VerificationLevel::TestRestore, true, planFor(file), confirmation));
    QVERIFY(!verifier.verify(file, VerificationLevel::Integrity, false)); // one at a time
    QVERIFY(finished.wait(180000));
    const auto records = finished.first().first().value<QList<VerificationRecord>>();
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.last().level, VerificationLevel::TestRestore);
    QVERIFY2(records.last().verdict == VerificationVerdict::Verified,
             qPrintable(records.last().detail));
}

void BackupVerifierTest::testRestoreGoesOnTheOpenIncidentsTimeline()
{
    IncidentStore incidents(&m_audited->store);
    IncidentSession session(&incidents);
    QSignalSpy changed(&session, &IncidentSession::changed);
    QVERIFY(session.declare(IncidentTesting::newIncident()));
    QVERIFY(QTest::qWaitFor([&] { return session.isActive(); }, 10000));
    QSignalSpy recorded(&session, &IncidentSession::eventRecorded);
    const TestRestoreResult result =
        testRestore(planFor(fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom)), Risk::Change,
                    nullptr, false, &session);
    QVERIFY2(result.verdict == VerificationVerdict::Verified, qPrintable(result.detail));
    QVERIFY(recorded.wait(10000) || !recorded.isEmpty());
    const auto event = recorded.last().first().value<IncidentEvent>();
    QVERIFY2(event.summary.contains(u"Backup test restore"_s), qPrintable(event.summary));
    const auto entries = m_audited->entries();
    QVERIFY(entries.has_value());
    QVERIFY(!entries->isEmpty());
    QCOMPARE(entries->first().incidentId, std::optional<qint64>(session.incident().id));
    QVERIFY(entries->first().command.contains(u"test restore of"_s));
}

void BackupVerifierTest::testRestoreRefusedWithoutScratchRestores()
{
    TestRestorePlan plan = planFor(fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom));
    plan.scratchServer.scratchRestores = false;
    const TestRestoreResult result = testRestore(plan);
    QCOMPARE(result.verdict, VerificationVerdict::Failed);
    QVERIFY2(result.detail.contains(u"scratch-restores: true"_s), qPrintable(result.detail));
    QCOMPARE(scratchDatabasesLeft(), 0);
    // And a name that is no scratch name never makes a script.
    plan.scratchServer.scratchRestores = true;
    plan.scratchName = u"shop"_s;
    QVERIFY(std::holds_alternative<QString>(testRestoreRequest(plan)));
    plan.scratchName = u"opsdeck_restore_test_x; drop"_s;
    QVERIFY(std::holds_alternative<QString>(testRestoreRequest(plan)));
}

void BackupVerifierTest::testRestoreRefusesPlainSqlWithoutTheScan()
{
    TestRestorePlan plan = planFor(fileAt(dump(u"shop.sql"_s), BackupFormat::PlainSql));
    const TestRestoreResult result = testRestore(plan);
    QCOMPARE(result.verdict, VerificationVerdict::Failed);
    QVERIFY2(result.detail.contains(u"safety scan"_s), qPrintable(result.detail));
    QCOMPARE(scratchDatabasesLeft(), 0);
}

void BackupVerifierTest::readOnlyModeRefusesTheTestRestore()
{
    m_audited->readOnly.setEnabled(true);
    const TestRestoreResult result =
        testRestore(planFor(fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom)));
    m_audited->readOnly.setEnabled(false);
    QCOMPARE(result.verdict, VerificationVerdict::Failed);
    QVERIFY2(result.detail.contains(u"read-only"_s, Qt::CaseInsensitive),
             qPrintable(result.detail));
    QCOMPARE(scratchDatabasesLeft(), 0);
    // Unconfirmed, it does not run either.
    const TestRestoreResult unconfirmed =
        testRestore(planFor(fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom)), Risk::Read);
    QCOMPARE(unconfirmed.verdict, VerificationVerdict::Failed);
    QVERIFY2(unconfirmed.detail.contains(u"confirming"_s), qPrintable(unconfirmed.detail));
    QVERIFY(!unconfirmed.ran);
    QCOMPARE(scratchDatabasesLeft(), 0);

    // Through the verifier: a refused level is not a failed file, nothing goes on record.
    VerifierServices services;
    services.runner = &m_audited->runner;
    services.executorFor = [this](const QString &) -> Executor * { return &m_local; };
    services.store = m_store.get();
    TestRestoreServices restoreServices;
    restoreServices.gate = m_gate.get();
    restoreServices.executorFor = services.executorFor;
    services.restore = restoreServices;
    BackupVerifier verifier(services);
    QSignalSpy finished(&verifier, &BackupVerifier::finished);
    QSignalSpy notRun(&verifier, &BackupVerifier::levelNotRun);
    m_audited->readOnly.setEnabled(true);
    const BackupFile file = fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom);
    ActionConfirmation confirmation;
    confirmation.confirmedRisk = Risk::Change;
    QVERIFY(
        verifier.verify(file, VerificationLevel::TestRestore, false, planFor(file), confirmation));
    const bool answered = finished.wait(60000);
    m_audited->readOnly.setEnabled(false);
    QVERIFY(answered);
    QVERIFY(finished.first().first().value<QList<VerificationRecord>>().isEmpty());
    QCOMPARE(notRun.size(), 1);
    QVERIFY2(notRun.first().at(1).toString().contains(u"read-only"_s, Qt::CaseInsensitive),
             qPrintable(notRun.first().at(1).toString()));
}

void BackupVerifierTest::cancelledTestRestoreStillDropsTheScratchDatabase()
{
    QList<TestRestorePhase> phases;
    const TestRestoreResult result = testRestore(
        planFor(fileAt(dump(u"shop.dump"_s), BackupFormat::PgCustom)), Risk::Change, &phases, true);
    qInfo().noquote() << "cancelled:" << result.detail;
    QVERIFY(result.cancelled);
    QVERIFY(phases.contains(TestRestorePhase::Drop));
    QVERIFY(result.scratchDropped);
    QCOMPARE(scratchDatabasesLeft(), 0);
}

void BackupVerifierTest::comparisonReportsDifferencesAndFailsOnlyEmptiedTables()
{
    TestRestoreResult result;
    result.verdict = VerificationVerdict::Verified;
    result.tables = {{u"public"_s, u"orders"_s, 120, 125}, {u"public"_s, u"users"_s, 10, 10}};
    judgeComparison(&result);
    QCOMPARE(result.verdict, VerificationVerdict::Verified);
    QVERIFY2(result.detail.contains(u"public.orders: 120 restored, 125 in the source"_s),
             qPrintable(result.detail));
    result.tables.append({u"public"_s, u"events"_s, 0, 4000});
    judgeComparison(&result);
    QCOMPARE(result.verdict, VerificationVerdict::Failed);
    QVERIFY2(result.detail.contains(u"restored empty: public.events"_s), qPrintable(result.detail));
}

QTEST_GUILESS_MAIN(BackupVerifierTest)
#include "tst_backupverifier.moc"
