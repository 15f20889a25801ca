// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/backups/backupactions.h"
#include "models/backups/retention.h"
#include "models/database/databaseconnection.h"
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
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

namespace {

QString ident(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

class BackupActionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void customRestoreBringsRowsBack();
    void cleanPlainDumpRestores();
    void plainDumpWithShellCommandIsRefused_data();
    void plainDumpWithShellCommandIsRefused();
    void hostileDatabaseNameIsRestoredAndNothingRuns();
    void typedNameMustMatchExactly();
    void scratchDatabaseIsNoTarget();
    void s3ObjectIsNoRestoreSource();
    void readOnlyModeRefusesCreateRestoreAndDelete();
    void createBackupWritesDumpAndChecksum();
    void retentionDeletesExactlyTheDryRun();
    void deleteRefusesPathsOutsideTheLocation();
    void restoreGoesOnTheOpenIncident();
    void dumpOptions_data();
    void dumpOptions();
    void scannerAgreesWithPsql_data();
    void scannerAgreesWithPsql();
    void scanStreamsAFileOverSsh();

private:
    // A database owned by the fixture's role with a table `items` of three rows.
    void makeDatabase(const QString &name);
    QString rows(const QString &database) const;
    // A dump of database made by the superuser over the socket.
    QString dump(const QString &database, const QStringList &options, const QString &file);
    BackupFile fileAt(const QString &path, BackupFormat format) const;
    PgTarget target(const QString &database) const;
    std::optional<RestorePreview> preview(const BackupFile &file, const PgTarget &pg);
    std::optional<ActionOutcome> restore(const RestorePreview &preview, const PgTarget &pg,
                                         const QStringList &typed);

    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<BackupActions> m_actions;
    std::unique_ptr<LocalExecutor> m_executor;
    QTemporaryDir m_files{u"/tmp/c14ba-XXXXXX"_s};
};

void BackupActionsTest::initTestCase()
{
    m_postgres = std::make_unique<PostgresFixture>();
    QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_gate = std::make_unique<ActionGate>(&m_audited->auditLog, &m_audited->readOnly);
    m_actions = std::make_unique<BackupActions>(&m_audited->runner, m_gate.get());
    m_executor = std::make_unique<LocalExecutor>(u"here"_s);
    QVERIFY(m_files.isValid());
    // The files are the superuser's dumps; the host's commands run as this user.
    QVERIFY(QFile::setPermissions(
        m_files.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther));
}

void BackupActionsTest::cleanup()
{
    m_audited->readOnly.setEnabled(false);
}

void BackupActionsTest::makeDatabase(const QString &name)
{
    DatabaseTesting::superuserQuery(*m_postgres, u"DROP DATABASE IF EXISTS "_s + ident(name));
    DatabaseTesting::superuserQuery(*m_postgres, u"CREATE DATABASE "_s + ident(name) +
                                                     u" OWNER "_s + m_postgres->value(u"USER"_s));
    DatabaseTesting::superuserQuery(
        *m_postgres,
        u"CREATE TABLE items (id int PRIMARY KEY, name text); "
        "INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'it''s three'); "
        "ALTER TABLE items OWNER TO "_s +
            m_postgres->value(u"USER"_s),
        name);
}

QString BackupActionsTest::rows(const QString &database) const
{
    return DatabaseTesting::superuserQuery(
               *m_postgres, u"SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM items"_s,
               database)
        .trimmed();
}

QString BackupActionsTest::dump(const QString &database, const QStringList &options,
                                const QString &file)
{
    PgServer socket;
    socket.host = m_postgres->value(u"SOCKET_DIR"_s);
    socket.port = m_postgres->value(u"PORT"_s).toInt();
    socket.user = m_postgres->value(u"SUPERUSER"_s);
    socket.sslMode.clear();
    QProcess process;
    process.start(u"pg_dump"_s,
                  options + QStringList{u"--file="_s + file,
                                        u"--dbname="_s + pgConnectionString(socket, database)});
    process.waitForFinished(60000);
    if (process.exitCode() != 0)
        return QString::fromUtf8(process.readAllStandardError());
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ReadOther);
    return {};
}

BackupFile BackupActionsTest::fileAt(const QString &path, BackupFormat format) const
{
    const QFileInfo info(path);
    BackupFile file;
    file.host = u"here"_s;
    file.location = u"nightly"_s;
    file.path = path;
    file.size = info.size();
    file.modified = info.lastModified().toUTC();
    file.format = format;
    file.compression = path.endsWith(u".gz"_s) ? BackupCompression::Gzip : BackupCompression::None;
    return file;
}

PgTarget BackupActionsTest::target(const QString &database) const
{
    PgTarget pg;
    pg.server.host = m_postgres->value(u"HOST"_s);
    pg.server.port = m_postgres->value(u"PORT"_s).toInt();
    pg.server.user = m_postgres->value(u"USER"_s);
    pg.server.sslMode = u"disable"_s;
    pg.database = database;
    pg.password = m_postgres->value(u"PASSWORD"_s);
    return pg;
}

std::optional<RestorePreview> BackupActionsTest::preview(const BackupFile &file, const PgTarget &pg)
{
    std::optional<RestorePreview> answer;
    QObject context;
    m_actions->previewRestore(m_executor.get(), file, pg, &context,
                              [&answer](const RestorePreview &preview) { answer = preview; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 60000))
        return std::nullopt;
    return answer;
}

std::optional<ActionOutcome> BackupActionsTest::restore(const RestorePreview &preview,
                                                        const PgTarget &pg,
                                                        const QStringList &typed)
{
    std::optional<ActionOutcome> answer;
    QObject context;
    m_actions->restore(m_executor.get(), preview, pg, {Risk::Destroy, typed}, &context,
                       [&answer](const ActionOutcome &outcome) { answer = outcome; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 120000))
        return std::nullopt;
    return answer;
}

void BackupActionsTest::customRestoreBringsRowsBack()
{
    const QString database = u"c14 restore"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"restore.dump"_s);
    QCOMPARE(dump(database, {u"-Fc"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres,
                                    u"UPDATE items SET name = 'changed'; DELETE FROM items WHERE "
                                    "id = 3; INSERT INTO items VALUES (9, 'new')"_s,
                                    database);
    QCOMPARE(rows(database), u"1:changed,2:changed,9:new"_s);

    // A session of the application on that database: the preview names it, the restore cuts it.
    DatabaseConnectOptions holderOptions;
    holderOptions.name = u"holder"_s;
    holderOptions.host = m_postgres->value(u"HOST"_s);
    holderOptions.port = quint16(m_postgres->value(u"PORT"_s).toInt());
    holderOptions.database = database;
    holderOptions.user = m_postgres->value(u"USER"_s);
    holderOptions.password = m_postgres->value(u"PASSWORD"_s);
    holderOptions.sslMode = u"disable"_s;
    holderOptions.applicationName = u"c14-holder"_s;
    DatabaseConnection holder(holderOptions);
    std::optional<bool> held;
    holder.execute({u"SELECT 1"_s, {}, false}, this,
                   [&held](const DatabaseStatementResult &result) { held = result.succeeded(); });
    QVERIFY(QTest::qWaitFor([&] { return held.has_value(); }, 20000) && *held);

    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen);
    QVERIFY2(seen->mayRestore(), qPrintable(seen->error + seen->refusal));
    QVERIFY(seen->databaseSize > 0);
    QCOMPARE(seen->database, database);
    QCOMPARE(seen->sessions.size(), 1);
    QCOMPARE(seen->sessions.first().application, u"c14-holder"_s);

    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
    QCOMPARE(rows(database), u"1:one,2:two,3:it's three"_s);
    QCOMPARE(DatabaseTesting::superuserQuery(
                 *m_postgres,
                 u"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'c14-holder'"_s),
             u"0"_s);

    // Audited as the declared action and as the command, never with the password.
    const auto entries = m_audited->entries();
    QVERIFY(entries);
    bool declared = false;
    for (const AuditEntry &entry : *entries) {
        declared = declared || entry.command.startsWith(u"backup.restore: "_s);
        QVERIFY(!entry.command.contains(m_postgres->value(u"PASSWORD"_s)));
    }
    QVERIFY(declared);
}

void BackupActionsTest::cleanPlainDumpRestores()
{
    const QString database = u"c14plain"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"clean.sql"_s);
    QCOMPARE(dump(database, {u"--clean"_s, u"--if-exists"_s, u"--no-owner"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items"_s, database);
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PlainSql), pg);
    QVERIFY(seen);
    QVERIFY2(seen->mayRestore(), qPrintable(seen->error + seen->refusal));
    QVERIFY(seen->scanned && seen->scan.restrictFirst);
    QVERIFY(seen->psqlVersion.contains(u"PostgreSQL"_s));
    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
    QCOMPARE(rows(database), u"1:one,2:two,3:it's three"_s);
}

void BackupActionsTest::plainDumpWithShellCommandIsRefused_data()
{
    QTest::addColumn<QString>("injected");
    QTest::newRow("own line") << u"\\! touch %1"_s;
    QTest::newRow("after a string on the same line") << u"SELECT 'it''s'; \\! touch %1"_s;
    QTest::newRow("output to a pipe") << u"\\o |touch %1"_s;
    QTest::newRow("copy from program") << u"\\copy items from program 'touch %1'"_s;
}

void BackupActionsTest::plainDumpWithShellCommandIsRefused()
{
    QFETCH(QString, injected);
    const QString database = u"c14hostile"_s;
    makeDatabase(database);
    const QString clean = m_files.filePath(u"hostile-clean.sql"_s);
    QCOMPARE(dump(database, {u"--clean"_s, u"--if-exists"_s, u"--no-owner"_s}, clean), QString());
    QTemporaryDir scratch(u"/tmp/c14c-XXXXXX"_s);
    const QString canary = scratch.filePath(u"canary"_s);
    QFile source(clean);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    // After the CREATE TABLE, where a tampered dump would put it.
    const qsizetype at = text.indexOf("ALTER TABLE");
    QVERIFY(at > 0);
    text.insert(at, injected.arg(canary).toUtf8() + '\n');
    const QString path = m_files.filePath(u"hostile.sql.gz"_s);
    QProcess gzip;
    gzip.setStandardOutputFile(path);
    gzip.start(u"gzip"_s, {u"-c"_s});
    gzip.write(text);
    gzip.closeWriteChannel();
    QVERIFY(gzip.waitForFinished(10000));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ReadOther);
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items"_s, database);

    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PlainSql), pg);
    QVERIFY(seen);
    QVERIFY2(seen->error.isEmpty(), qPrintable(seen->error));
    QVERIFY(seen->scanned);
    QVERIFY(!seen->mayRestore());
    QVERIFY2(seen->refusal.startsWith(u"Refused: the dump has 1 psql meta-command"_s),
             qPrintable(seen->refusal));
    // Even when asked anyway, with the name typed.
    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome);
    QVERIFY(!outcome->succeeded());
    QVERIFY(!QFile::exists(canary));
    QCOMPARE(rows(database), QString());
}

void BackupActionsTest::hostileDatabaseNameIsRestoredAndNothingRuns()
{
    QTemporaryDir scratch(u"/tmp/ck-XXXXXX"_s);
    const QString canary = scratch.filePath(u"c"_s);
    const QString database = u"d 'x\" $(touch "_s + canary + u")\n`touch "_s + canary + u"`"_s;
    QVERIFY(database.toUtf8().size() < 64);
    makeDatabase(database);
    const QString path = m_files.filePath(u"source.dump"_s);
    makeDatabase(u"c14source"_s);
    QCOMPARE(dump(u"c14source"_s, {u"-Fc"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items WHERE id > 1"_s, database);
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen);
    QVERIFY2(seen->mayRestore(), qPrintable(seen->error + seen->refusal));
    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error));
    QCOMPARE(rows(database), u"1:one,2:two,3:it's three"_s);
    QVERIFY2(!QFile::exists(canary), "the database name ran as a command");
}

void BackupActionsTest::typedNameMustMatchExactly()
{
    const QString database = u"c14typed"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"typed.dump"_s);
    QCOMPARE(dump(database, {u"-Fc"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items"_s, database);
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen && seen->mayRestore());
    for (const QStringList &typed :
         {QStringList{}, QStringList{u"C14TYPED"_s}, QStringList{u"c14typed "_s},
          QStringList{u"c14type"_s}, QStringList{u"postgres"_s}}) {
        const std::optional<ActionOutcome> outcome = restore(*seen, pg, typed);
        QVERIFY(outcome);
        QVERIFY2(outcome->error.contains(u"must be typed"_s), qPrintable(outcome->error));
    }
    // Confirmed only as a change: not enough either.
    std::optional<ActionOutcome> change;
    QObject context;
    m_actions->restore(m_executor.get(), *seen, pg, {Risk::Change, {database}}, &context,
                       [&change](const ActionOutcome &outcome) { change = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return change.has_value(); }, 10000));
    QVERIFY(!change->succeeded());
    QCOMPARE(rows(database), QString());
}

void BackupActionsTest::scratchDatabaseIsNoTarget()
{
    const QString database = u"opsdeck_restore_test_c14"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"scratch.dump"_s);
    QCOMPARE(dump(database, {u"-Fc"_s}, path), QString());
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen);
    QVERIFY(seen->refusal.contains(u"scratch"_s));
    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome && outcome->error.contains(u"scratch"_s));
}

void BackupActionsTest::s3ObjectIsNoRestoreSource()
{
    const QString database = u"c14s3"_s;
    makeDatabase(database);
    const QString before = rows(database);
    BackupFile object = fileAt(m_files.filePath(u"scratch.dump"_s), BackupFormat::PgCustom);
    object.path = u"s3://backups/nightly/c14.dump"_s;
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(object, pg);
    QVERIFY(seen);
    QVERIFY2(seen->refusal.contains(u"S3 object"_s), qPrintable(seen->refusal + seen->error));
    RestorePreview forced = *seen;
    forced.refusal.clear();
    const std::optional<ActionOutcome> outcome = restore(forced, pg, {database});
    QVERIFY(outcome && outcome->error.contains(u"S3 object"_s));
    QCOMPARE(rows(database), before);
}

void BackupActionsTest::readOnlyModeRefusesCreateRestoreAndDelete()
{
    const QString database = u"c14readonly"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"readonly.dump"_s);
    QCOMPARE(dump(database, {u"-Fc"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items"_s, database);
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen && seen->mayRestore());

    m_audited->readOnly.setEnabled(true);
    const std::optional<ActionOutcome> restored = restore(*seen, pg, {database});
    QVERIFY(restored && !restored->succeeded());
    QVERIFY2(restored->error.contains(u"read-only"_s, Qt::CaseInsensitive),
             qPrintable(restored->error));
    QCOMPARE(rows(database), QString());

    QTemporaryDir directory(u"/tmp/c14ro-XXXXXX"_s);
    BackupLocation location;
    location.name = u"nightly"_s;
    location.directory = directory.path();
    std::optional<ActionOutcome> created;
    QObject context;
    m_actions->createBackup(
        m_executor.get(), location, pg, {Risk::Change, {}}, &context,
        [&created](const ActionOutcome &outcome, const QString &) { created = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 10000));
    QVERIFY(!created->succeeded());
    QVERIFY(QDir(directory.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

    QFile keep(directory.filePath(u"old.dump"_s));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    std::optional<ActionOutcome> deleted;
    m_actions->deleteFiles(m_executor.get(), location,
                           {fileAt(keep.fileName(), BackupFormat::PgCustom)},
                           {Risk::Destroy, {location.name}}, &context,
                           [&deleted](const ActionOutcome &outcome) { deleted = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return deleted.has_value(); }, 10000));
    QVERIFY(!deleted->succeeded());
    QVERIFY(QFile::exists(keep.fileName()));
}

void BackupActionsTest::createBackupWritesDumpAndChecksum()
{
    const QString database = u"c14 create 'n'"_s;
    makeDatabase(database);
    QTemporaryDir directory(u"/tmp/c14cr-XXXXXX"_s);
    BackupLocation location;
    location.name = u"nightly"_s;
    location.directory = directory.path();
    location.dumpOptions = {u"--no-owner"_s, u"--exclude-table-data=nothing"_s};
    const QDateTime now = QDateTime::fromString(u"2026-03-01T02:03:04Z"_s, Qt::ISODate);
    std::optional<ActionOutcome> created;
    QString createdPath;
    QObject context;
    m_actions->createBackup(
        m_executor.get(), location, target(database), {Risk::Change, {}}, &context,
        [&](const ActionOutcome &outcome, const QString &path) {
            created = outcome;
            createdPath = path;
        },
        now);
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 60000));
    QVERIFY2(created->succeeded(), qPrintable(created->error));
    const QString name = u"c14_create__n_-20260301T020304Z.dump"_s;
    QCOMPARE(createdPath, directory.filePath(name));
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden),
             (QStringList{name, name + u".sha256"_s}));
    QFile dumpFile(createdPath);
    QVERIFY(dumpFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = dumpFile.readAll();
    QVERIFY(bytes.startsWith("PGDMP"));
    QFile sumFile(createdPath + u".sha256"_s);
    QVERIFY(sumFile.open(QIODevice::ReadOnly));
    QCOMPARE(sumFile.readAll(),
             QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() + "  " +
                 name.toUtf8() + '\n');
    QProcess list;
    list.start(u"pg_restore"_s, {u"--list"_s, createdPath});
    QVERIFY(list.waitForFinished(20000));
    QCOMPARE(list.exitCode(), 0);
    QVERIFY(list.readAllStandardOutput().contains("TABLE DATA public items"));

    // The same second again: the existing dump is not overwritten.
    created.reset();
    m_actions->createBackup(
        m_executor.get(), location, target(database), {Risk::Change, {}}, &context,
        [&](const ActionOutcome &outcome, const QString &) { created = outcome; }, now);
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 60000));
    QVERIFY(!created->succeeded());
    QVERIFY(created->error.contains(u"exists already"_s));
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);

    // An option that would choose the file or the connection is refused before anything runs.
    location.dumpOptions = {u"--file=/etc/passwd"_s};
    created.reset();
    m_actions->createBackup(
        m_executor.get(), location, target(database), {Risk::Change, {}}, &context,
        [&](const ActionOutcome &outcome, const QString &) { created = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 10000));
    QVERIFY(created->error.contains(u"--file=/etc/passwd"_s));
}

void BackupActionsTest::retentionDeletesExactlyTheDryRun()
{
    QTemporaryDir directory(u"/tmp/c14rt-XXXXXX"_s);
    BackupLocation location;
    location.name = u"nightly"_s;
    location.directory = directory.path();
    location.keepDaily = 2;
    location.keepWeekly = 1;
    QList<BackupFile> files;
    const QDateTime first = QDateTime::fromString(u"2026-02-20T02:00:00Z"_s, Qt::ISODate);
    for (int day = 0; day < 10; ++day) {
        // Two a day, one with a name that needs quoting.
        for (const QString &suffix : {u".dump"_s, u" it's $(x).dump"_s}) {
            const QString path =
                directory.filePath(u"wiki-%1%2"_s.arg(day, 2, 10, QChar(u'0')).arg(suffix));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("PGDMP");
            QVERIFY(file.flush()); // before the time is set: writing later sets it again
            const QDateTime time = first.addDays(day).addSecs(suffix == u".dump" ? 0 : 3600);
            QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
            file.close();
            files.append(fileAt(path, BackupFormat::PgCustom));
        }
    }
    // And the oldest one a directory-format dump, which goes as a whole.
    const QString old = directory.filePath(u"wiki-old.d"_s);
    QVERIFY(QDir().mkpath(old));
    QFile toc(old + u"/toc.dat"_s);
    QVERIFY(toc.open(QIODevice::WriteOnly));
    toc.close();
    BackupFile oldDump = fileAt(old, BackupFormat::PgDirectory);
    oldDump.modified = first.addDays(-30);
    files.append(oldDump);
    const auto entries = [&directory] {
        QStringList names =
            QDir(directory.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        names.sort();
        return names;
    };
    const RetentionPlan plan =
        planRetention(files, retentionRulesOf(location),
                      QDateTime::fromString(u"2026-03-02T00:00:00Z"_s, Qt::ISODate));
    // Kept: the newest of each of the last two days (the second of each day), which is also the
    // week's newest; deleted: the other 18 and the directory dump.
    QCOMPARE(plan.toDelete.size(), 19);
    QStringList kept;
    for (const RetentionDecision &decision : plan.decisions) {
        if (decision.keep)
            kept << decision.file.name();
    }
    // Wrong name typed: nothing goes.
    std::optional<ActionOutcome> deleted;
    QObject context;
    m_actions->deleteFiles(m_executor.get(), location, plan.toDelete,
                           {Risk::Destroy, {u"Nightly"_s}}, &context,
                           [&deleted](const ActionOutcome &outcome) { deleted = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return deleted.has_value(); }, 10000));
    QVERIFY(!deleted->succeeded());
    QCOMPARE(entries().size(), files.size());

    deleted.reset();
    m_actions->deleteFiles(m_executor.get(), location, plan.toDelete,
                           {Risk::Destroy, {location.name}}, &context,
                           [&deleted](const ActionOutcome &outcome) { deleted = outcome; });
    QVERIFY(QTest::qWaitFor([&] { return deleted.has_value(); }, 20000));
    QVERIFY2(deleted->succeeded(), qPrintable(deleted->error));
    const QStringList left = entries();
    kept.sort();
    QCOMPARE(left, kept);
    QVERIFY(!QFileInfo::exists(old));
    QCOMPARE(left.size() + plan.toDelete.size(), files.size());
}

void BackupActionsTest::deleteRefusesPathsOutsideTheLocation()
{
    QTemporaryDir directory(u"/tmp/c14out-XXXXXX"_s);
    BackupLocation location;
    location.name = u"nightly"_s;
    location.directory = directory.path() + u"/inner"_s;
    QVERIFY(QDir().mkpath(location.directory));
    const QString outside = directory.filePath(u"outside.dump"_s);
    QFile file(outside);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QStringList paths{outside, location.directory + u"/../outside.dump"_s,
                            location.directory + u"/"_s, location.directory + u"x/a"_s};
    for (const QString &path : paths) {
        std::optional<ActionOutcome> deleted;
        QObject context;
        BackupFile candidate;
        candidate.path = path;
        m_actions->deleteFiles(m_executor.get(), location, {candidate},
                               {Risk::Destroy, {location.name}}, &context,
                               [&deleted](const ActionOutcome &outcome) { deleted = outcome; });
        QVERIFY(QTest::qWaitFor([&] { return deleted.has_value(); }, 10000));
        QVERIFY2(deleted->error.startsWith(u"Refused"_s), qPrintable(path));
    }
    QVERIFY(QFile::exists(outside));
}

void BackupActionsTest::restoreGoesOnTheOpenIncident()
{
    IncidentStore incidents(&m_audited->store);
    IncidentSession incident(&incidents);
    Incident declared;
    declared.title = u"Wiki lost rows"_s;
    declared.severity = IncidentSeverity::Sev2;
    declared.commander = u"dba"_s;
    QVERIFY(incident.declare(declared));
    QTRY_VERIFY_WITH_TIMEOUT(incident.isActive(), 10000);
    m_actions->setIncident(&incident);
    const auto notes = [&] {
        QStringList lines;
        for (const IncidentEvent &event : incident.events()) {
            if (event.kind == IncidentEvent::Kind::Note)
                lines.append(event.summary + event.output);
        }
        return lines.join(u'\n');
    };

    const QString database = u"c14incident"_s;
    makeDatabase(database);
    const QString path = m_files.filePath(u"incident.dump"_s);
    QCOMPARE(dump(database, {u"-Fc"_s}, path), QString());
    DatabaseTesting::superuserQuery(*m_postgres, u"DELETE FROM items"_s, database);
    const PgTarget pg = target(database);
    const std::optional<RestorePreview> seen = preview(fileAt(path, BackupFormat::PgCustom), pg);
    QVERIFY(seen && seen->mayRestore());
    // Refused (nothing typed): not on the timeline.
    const std::optional<ActionOutcome> refused = restore(*seen, pg, {});
    QVERIFY(refused && !refused->succeeded());
    QVERIFY2(!notes().contains(u"backup.restore"_s), qPrintable(notes()));
    const std::optional<ActionOutcome> outcome = restore(*seen, pg, {database});
    QVERIFY(outcome && outcome->succeeded());
    QTRY_VERIFY_WITH_TIMEOUT(notes().contains(u"backup.restore: restore here:"_s), 10000);
    QVERIFY(!notes().contains(m_postgres->value(u"PASSWORD"_s)));
    m_actions->setIncident(nullptr);
    QCOMPARE(rows(database), u"1:one,2:two,3:it's three"_s);
}

void BackupActionsTest::dumpOptions_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("no owner") << u"--no-owner"_s << true;
    QTest::newRow("exclude table data") << u"--exclude-table-data=audit_log"_s << true;
    QTest::newRow("compress") << u"--compress=9"_s << true;
    QTest::newRow("value missing") << u"--exclude-table"_s << false;
    QTest::newRow("file") << u"--file=/etc/passwd"_s << false;
    QTest::newRow("format") << u"--format=p"_s << false;
    QTest::newRow("short") << u"-f"_s << false;
    QTest::newRow("connection") << u"--dbname=host=evil"_s << false;
    QTest::newRow("host") << u"--host=evil"_s << false;
    QTest::newRow("line break") << u"--table=a\nb"_s << false;
}

void BackupActionsTest::dumpOptions()
{
    QFETCH(QString, option);
    QFETCH(bool, allowed);
    QCOMPARE(pgDumpOptionRefusal(option).isEmpty(), allowed);
}

// The scanner's reading of psql checked against psql itself (15.18 here, no \\restrict in these
// texts): whenever psql runs the canary's shell command, the scanner lists something. Where
// psql versions may differ (standard strings off; an E string continued on the next line,
// which psql 15 reads as a plain string) the scanner lists it although this psql runs nothing.
void BackupActionsTest::scannerAgreesWithPsql_data()
{
    QTest::addColumn<QString>("text"); // %1: the canary's path
    QTest::addColumn<bool>("psqlRuns");
    QTest::addColumn<bool>("listed"); // the scanner lists something
    QTest::newRow("after a string") << u"SELECT 'a'; \\! touch %1\n"_s << true << true;
    QTest::newRow("dollar body") << u"SELECT $q$ \\! touch %1 $q$;\n"_s << false << false;
    QTest::newRow("copy data") << u"CREATE TEMP TABLE t (a text);\nCOPY t FROM stdin;\n"
                                  "\\! touch %1\n\\.\n"_s
                               << false << false;
    QTest::newRow("after copy data") << u"CREATE TEMP TABLE t (a text);\nCOPY t FROM stdin;\n"
                                        "x\n\\.\n\\! touch %1\n"_s
                                     << true << true;
    QTest::newRow("rest of the copy line")
        << u"CREATE TEMP TABLE t (a text);\nCOPY t FROM stdin; \\! touch %1\nx\n\\.\n"_s << true
        << true;
    QTest::newRow("comment ended by a carriage return")
        << u"-- c\r\\! touch %1\n"_s << true << true;
    QTest::newRow("nested comment")
        << u"/* a /* b */ \\! touch %1 */ SELECT 1;\n"_s << false << false;
    QTest::newRow("E string escape") << u"SELECT E'a\\' \\! touch %1';\n"_s << false << false;
    QTest::newRow("standard string backslash") << u"SELECT 'a\\'; \\! touch %1\n"_s << true << true;
    QTest::newRow("after another meta-command") << u"\\echo a \\! touch %1\n"_s << true << true;
    QTest::newRow("inside open parentheses") << u"SELECT (1;\n\\! touch %1\n);\n"_s << true << true;
    QTest::newRow("copy to stdout")
        << u"COPY (SELECT 1) TO stdout;\n\\! touch %1\n"_s << true << true;
    QTest::newRow("quoted identifier") << u"SELECT 1 AS \"\\! touch %1\";\n"_s << false << false;
    QTest::newRow("standard strings off")
        << u"SET standard_conforming_strings = off;\nSELECT 'a\\' \\! touch %1 ';\n"_s << false
        << true;
    QTest::newRow("E string continued")
        << u"SELECT E'x'\n'a\\'' \\! touch %1 --'\n;\n"_s << false << true;
}

void BackupActionsTest::scannerAgreesWithPsql()
{
    QFETCH(QString, text);
    QFETCH(bool, psqlRuns);
    QFETCH(bool, listed);
    QTemporaryDir scratch(u"/tmp/c14sp-XXXXXX"_s);
    QVERIFY(QFile::setPermissions(scratch.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner));
    const QString canary = scratch.filePath(u"canary"_s);
    const QByteArray sql = text.arg(canary).toUtf8();
    const PlainSqlScanResult scan = scanPlainSql(sql);
    QProcess psql;
    psql.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-h"_s, m_postgres->value(u"SOCKET_DIR"_s), u"-p"_s,
                           m_postgres->value(u"PORT"_s), u"-U"_s, m_postgres->value(u"SUPERUSER"_s),
                           u"-d"_s, m_postgres->value(u"DATABASE"_s), u"-f"_s, u"-"_s});
    psql.write(sql);
    psql.closeWriteChannel();
    QVERIFY(psql.waitForFinished(20000));
    QCOMPARE(QFile::exists(canary), psqlRuns);
    QCOMPARE(!scan.clean(), listed);
}

// The scan reads the file where it is: decompressed on the host (a real sshd on loopback) and
// streamed back into the scanner, here a dump of about 4 MiB with a `\\!` at its end.
void BackupActionsTest::scanStreamsAFileOverSsh()
{
    SshFixture sshd;
    QVERIFY2(sshd.isRunning(), qPrintable(sshd.error()));
    const WorkspaceLoadResult loaded = parseWorkspace(
        QString(u"environments:\n  - name: lab\n    hosts:\n"_s + sshd.workspaceHost(u"db1"_s))
            .toUtf8(),
        u"lab.yaml"_s);
    QVERIFY(loaded.ok());
    HostRegistry registry(nullptr);
    registry.setKnownHostsFiles({sshd.value(u"KNOWN_HOSTS"_s)});
    registry.setWorkspace(loaded.workspace);
    Executor *remote = registry.executor(u"db1"_s);
    QVERIFY(remote);

    QByteArray text = "\\restrict k\nCREATE TABLE t (a text);\nCOPY t (a) FROM stdin;\n";
    for (int i = 0; i < 100000; ++i)
        text += "row " + QByteArray::number(i) + " \\\\! not a command, 'x' $$ --\n";
    text += "\\.\nSELECT 'done'; \\! touch /tmp/never\n";
    const QString path = m_files.filePath(u"over ssh 'x'.sql.gz"_s);
    QProcess gzip;
    gzip.setStandardOutputFile(path);
    gzip.start(u"gzip"_s, {u"-c"_s});
    gzip.write(text);
    gzip.closeWriteChannel();
    QVERIFY(gzip.waitForFinished(20000));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadOther));
    BackupFile file = fileAt(path, BackupFormat::PlainSql);
    file.host = u"db1"_s;

    std::optional<PlainSqlScanResult> scanned;
    QString error;
    QObject context;
    m_actions->scanPlainDump(remote, file, &context,
                             [&](const PlainSqlScanResult &scan, const QString &problem) {
                                 scanned = scan;
                                 error = problem;
                             });
    QVERIFY(QTest::qWaitFor([&] { return scanned.has_value(); }, 60000));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(scanned->bytes, text.size());
    QCOMPARE(scanned->copyBlocks, 1);
    QCOMPARE(scanned->findings.size(), 1);
    QCOMPARE(scanned->findings.first().line, 100005);
    QCOMPARE(scanned->findings.first().column, 16);
    QVERIFY(scanned->restrictFirst);
}

QTEST_GUILESS_MAIN(BackupActionsTest)
#include "tst_backupactions.moc"
