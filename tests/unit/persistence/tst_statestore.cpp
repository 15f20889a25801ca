// SPDX-License-Identifier: GPL-3.0-or-later
// The state store itself: open, WAL, migrations and the job API (order, threads, contexts,
// errors, transactions, shutdown, SIGKILL). What the domains store is tested with them
// (tests/unit/audit, tests/unit/incidents).
#include "models/core/paths.h"
#include "models/persistence/migrations.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace OpsDeck;
using namespace StateTesting;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

StoreResult<qint64> exec(StoreConnection &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db.database());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError{query.lastError().text()};
    return query.lastInsertId().toLongLong();
}

// A job that creates the test's own table.
StoreResult<qint64> createNotes(StoreConnection &db)
{
    return exec(db, u"CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)"_s);
}

// A job that inserts one note in its own write transaction; its id.
StateStore::Work<qint64> insertNote(const QString &text)
{
    return [text](StoreConnection &db) {
        return db.inTransaction(StoreConnection::Transaction::Write, [&] {
            return exec(db, u"INSERT INTO notes (text) VALUES (?)"_s, {text});
        });
    };
}

} // namespace

class tst_StateStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migratesEmptyDatabase();
    void opensDefaultPath();
    void reopeningIsNoOp();
    void refusesNewerSchema_data();
    void refusesNewerSchema();
    void failedMigrationStepRollsBack();
    void jobsOnUnopenedStoreFail();
    void jobsWaitForOpen();
    void jobsRunInSubmissionOrder();
    void completionRunsInContextThread();
    void destroyedContextGetsNoCompletion();
    void contextsDyingWhileJobsRunDoNotCrash();
    void errorsReachTheirJobOnly();
    void transactionsCommitOrRollBack();
    void apiIsAsynchronous();
    void destructorRunsQueuedJobs();
    void survivesSigkill();

private:
    QString databasePath() const { return m_dir->filePath(u"state.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StateStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_StateStore::cleanup()
{
    m_dir.reset();
}

void tst_StateStore::migratesEmptyDatabase()
{
    // A folder that does not exist yet: the store creates it.
    const QString path = m_dir->filePath(u"sub/folder/state.sqlite"_s);
    {
        StateStore store;
        const auto opened = waitFor<QString>(
            [&](QObject *context, auto done) { store.open(path, context, std::move(done)); });
        QVERIFY(opened);
        QVERIFY2(opened->ok(), qPrintable(opened->error()));
        QCOMPARE(opened->value(), path);
        QVERIFY(opened->error().isEmpty());
    }

    PlainConnection db(path);
    QVERIFY(db.isOpen());
    const int stepCount = int(Migrations::steps().size());
    QVERIFY(stepCount >= 1);
    QCOMPARE(Migrations::latestVersion(), stepCount);
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), stepCount);
    QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QVERIFY(db.scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s).toInt() > 0);
}

void tst_StateStore::opensDefaultPath()
{
    // CTest gives this test its own XDG_DATA_HOME; anywhere else this would touch real data.
    if (qEnvironmentVariableIsEmpty("XDG_DATA_HOME"))
        QSKIP("Needs the private XDG_DATA_HOME that CTest sets (run through ctest).");
    const QString path = Paths::stateDatabaseFile();
    QVERIFY(path.startsWith(qEnvironmentVariable("XDG_DATA_HOME")));
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);

    {
        StateStore store;
        store.open();
        const auto where = waitFor<QString>(
            [&](QObject *context, auto done) { store.whenOpen(context, std::move(done)); });
        QCOMPARE(valueOr(where, QString()), path);
        QVERIFY(valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                            store.submit<qint64>(context, createNotes, std::move(done));
                        }),
                        qint64(-1)) >= 0);
        QVERIFY(valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                            store.submit(context, insertNote(u"hello"_s), std::move(done));
                        }),
                        qint64(-1)) > 0);
    }
    PlainConnection db(path);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM notes"_s).toInt(), 1);
}

void tst_StateStore::reopeningIsNoOp()
{
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
    }
    QString schemaBefore;
    {
        PlainConnection db(databasePath());
        schemaBefore = db.column(u"SELECT sql FROM sqlite_master ORDER BY name"_s).join(u'\n');
    }
    QVERIFY(!schemaBefore.isEmpty());
    const QByteArray before = fileHash(databasePath());
    QVERIFY(!before.isEmpty());

    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        const auto tables = waitFor<qint64>([&](QObject *context, auto done) {
            store.submit<qint64>(
                context,
                [](StoreConnection &db) -> StoreResult<qint64> {
                    QSqlQuery query(db.database());
                    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next())
                        return StoreError{query.lastError().text()};
                    return query.value(0).toLongLong();
                },
                std::move(done));
        });
        QVERIFY(valueOr(tables, qint64(0)) > 0);
    }

    // Nothing to migrate means nothing written: the file is byte for byte the same.
    QCOMPARE(fileHash(databasePath()), before);
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
    QCOMPARE(db.column(u"SELECT sql FROM sqlite_master ORDER BY name"_s).join(u'\n'), schemaBefore);
}

void tst_StateStore::refusesNewerSchema_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << u"DELETE"_s;
    QTest::newRow("wal") << u"WAL"_s;
}

void tst_StateStore::refusesNewerSchema()
{
    QFETCH(QString, journalMode);
    const int future = Migrations::latestVersion() + 7;
    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QVERIFY(db.exec(u"PRAGMA journal_mode = "_s + journalMode));
        QVERIFY(db.exec(u"CREATE TABLE from_the_future (x TEXT)"_s));
        QVERIFY(db.exec(u"INSERT INTO from_the_future VALUES ('keep me')"_s));
        QVERIFY(db.exec(u"PRAGMA user_version = %1"_s.arg(future)));
    }
    const QByteArray before = fileHash(databasePath());
    QVERIFY(!before.isEmpty());

    {
        StateStore store;
        QString error;
        QVERIFY(!openStore(store, databasePath(), &error));
        QVERIFY2(error.contains(databasePath()), qPrintable(error));
        QVERIFY2(error.contains(QString::number(future)), qPrintable(error));
        QVERIFY2(error.contains(QString::number(Migrations::latestVersion())), qPrintable(error));

        // whenOpen() tells the open's own reason.
        const auto reason = waitFor<QString>(
            [&](QObject *context, auto done) { store.whenOpen(context, std::move(done)); });
        QCOMPARE(errorOf(reason), error);

        // A refused store stays closed: a job is not run, and its error says which file and
        // why.
        std::atomic<bool> ran = false;
        const auto refused = waitFor<qint64>([&](QObject *context, auto done) {
            store.submit<qint64>(
                context,
                [&ran](StoreConnection &) -> StoreResult<qint64> {
                    ran = true;
                    return 1;
                },
                std::move(done));
        });
        const QString message = errorOf(refused);
        QVERIFY2(message.contains(databasePath()) && message.contains(u"not open") &&
                     message.contains(QString::number(future)),
                 qPrintable(message));
        QVERIFY(!ran);
    }

    QCOMPARE(fileHash(databasePath()), before);
    QVERIFY(!QFile::exists(databasePath() + u"-wal"));
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), future);
    QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s).toString(), journalMode.toLower());
    QCOMPARE(db.column(u"SELECT name FROM sqlite_master"_s), QStringList{u"from_the_future"_s});
}

void tst_StateStore::failedMigrationStepRollsBack()
{
    PlainConnection db(databasePath());
    QVERIFY(db.isOpen());
    const Migrations::Step first{1, {u"CREATE TABLE a (x INTEGER)"_s}};
    const Migrations::Step broken{2, {u"CREATE TABLE b (x INTEGER)"_s, u"THIS IS NOT SQL"_s}};

    QString error;
    QVERIFY(!Migrations::apply(db.database(), {first, broken}, &error));
    QVERIFY2(error.contains(databasePath()), qPrintable(error));
    // Step 1 stays committed; step 2 left nothing behind, not even its first statement.
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), 1);
    QCOMPARE(db.column(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s),
             QStringList{u"a"_s});

    const Migrations::Step fixed{2, {u"CREATE TABLE b (x INTEGER)"_s}};
    error.clear();
    QVERIFY2(Migrations::apply(db.database(), {first, fixed}, &error), qPrintable(error));
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), 2);

    // Steps must be numbered without gaps, or schema would be skipped silently.
    const Migrations::Step gap{4, {u"CREATE TABLE d (x INTEGER)"_s}};
    QVERIFY(!Migrations::apply(db.database(), {first, fixed, gap}, &error));
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), 2);

    // A database newer than the steps is refused by apply() too.
    QVERIFY(!Migrations::apply(db.database(), {first}, &error));
    QVERIFY2(error.contains(databasePath()), qPrintable(error));
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), 2);
}

void tst_StateStore::jobsOnUnopenedStoreFail()
{
    StateStore store;
    std::atomic<bool> ran = false;
    const auto answer = waitFor<qint64>([&](QObject *context, auto done) {
        store.submit<qint64>(
            context,
            [&ran](StoreConnection &) -> StoreResult<qint64> {
                ran = true;
                return 1;
            },
            std::move(done));
    });
    QCOMPARE(errorOf(answer), u"The state database is not open."_s);
    QVERIFY(!ran);
    QCOMPARE(errorOf(waitFor<QString>(
                 [&](QObject *context, auto done) { store.whenOpen(context, std::move(done)); })),
             u"The state database is not open."_s);
}

void tst_StateStore::jobsWaitForOpen()
{
    // No waiting for open()'s answer: what is submitted after it runs after it.
    StateStore store;
    store.open(databasePath());
    store.submit<qint64>(nullptr, createNotes, {});
    const auto id = waitFor<qint64>(
        [&](QObject *context, auto done) { store.submit(context, insertNote(u"first"_s), done); });
    QCOMPARE(valueOr(id, qint64(0)), qint64(1));
    QCOMPARE(valueOr(waitFor<QString>([&](QObject *context, auto done) {
                         store.whenOpen(context, std::move(done));
                     }),
                     QString()),
             databasePath());
}

void tst_StateStore::jobsRunInSubmissionOrder()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QList<int> ran;      // appended on the store's thread, read once all are answered
    QList<int> answered; // in the test's thread
    QObject context;
    for (int i = 0; i < 200; ++i) {
        store.submit<int>(
            &context,
            [&ran, i](StoreConnection &) -> StoreResult<int> {
                ran.append(i);
                return i;
            },
            [&answered](const StoreResult<int> &result) { answered.append(result.value()); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 200, 20000);
    QList<int> expected;
    for (int i = 0; i < 200; ++i)
        expected.append(i);
    QCOMPARE(ran, expected);
    QCOMPARE(answered, expected);
}

void tst_StateStore::completionRunsInContextThread()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));

    // A context in this thread: the work runs on the store's thread, the answer here.
    std::atomic<QThread *> workThread = nullptr;
    QThread *answerThread = nullptr;
    QObject here;
    store.submit<int>(
        &here,
        [&workThread](StoreConnection &) -> StoreResult<int> {
            workThread = QThread::currentThread();
            return 1;
        },
        [&answerThread](const StoreResult<int> &) { answerThread = QThread::currentThread(); });
    QTRY_VERIFY(answerThread);
    QCOMPARE(answerThread, QThread::currentThread());
    QVERIFY(workThread.load() != nullptr);
    QVERIFY(workThread.load() != QThread::currentThread());

    // A context in a third thread: the answer comes there.
    QThread other;
    other.start();
    auto *there = new QObject;
    there->moveToThread(&other);
    std::atomic<QThread *> answeredIn = nullptr;
    store.submit<int>(
        there, [](StoreConnection &) -> StoreResult<int> { return 2; },
        [&answeredIn](const StoreResult<int> &) { answeredIn = QThread::currentThread(); });
    QTRY_VERIFY(answeredIn.load() != nullptr);
    QCOMPARE(answeredIn.load(), &other);
    QMetaObject::invokeMethod(
        there, [there] { delete there; }, Qt::BlockingQueuedConnection);
    other.quit();
    QVERIFY(other.wait(10000));
}

void tst_StateStore::destroyedContextGetsNoCompletion()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QVERIFY(valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                        store.submit<qint64>(context, createNotes, std::move(done));
                    }),
                    qint64(-1)) >= 0);

    // Destroyed while its job waits on the store's thread: the job still runs (a write asked
    // for is written), the answer never comes.
    QSemaphore gate;
    std::atomic<bool> ran = false;
    bool answered = false;
    auto context = std::make_unique<QObject>();
    store.submit<qint64>(
        context.get(),
        [&gate, &ran](StoreConnection &db) {
            gate.acquire();
            ran = true;
            return insertNote(u"written anyway"_s)(db);
        },
        [&answered](const StoreResult<qint64> &) { answered = true; });
    context.reset();
    gate.release();

    // Destroyed after its job ran and the answer was already on its way: dropped too.
    bool secondAnswered = false;
    context = std::make_unique<QObject>();
    store.submit<qint64>(
        context.get(), [](StoreConnection &) -> StoreResult<qint64> { return 2; },
        [&secondAnswered](const StoreResult<qint64> &) { secondAnswered = true; });
    // The next job starts once the second one has posted its answer; waited for without
    // handling events, so that answer stays queued here until the context goes.
    QSemaphore posted;
    store.submit<qint64>(nullptr,
                         [&posted](StoreConnection &) -> StoreResult<qint64> {
                             posted.release();
                             return 3;
                         },
                         {});
    QVERIFY(posted.tryAcquire(1, 10000));
    context.reset();

    // A later job's answer comes after theirs would have.
    const auto later = waitFor<qint64>(
        [&](QObject *live, auto done) { store.submit(live, insertNote(u"later"_s), done); });
    QVERIFY(later && later->ok());
    QCoreApplication::processEvents();
    QVERIFY(ran);
    QVERIFY(!answered);
    QVERIFY(!secondAnswered);
    PlainConnection db(databasePath());
    QCOMPARE(db.column(u"SELECT text FROM notes ORDER BY id"_s),
             (QStringList{u"written anyway"_s, u"later"_s}));
}

void tst_StateStore::contextsDyingWhileJobsRunDoNotCrash()
{
    // Contexts destroyed at every moment of their jobs' lives (queued, running, answered): no
    // answer once its context is gone, every answer of a living context, no crash (ASan).
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    constexpr int Jobs = 2000;
    std::vector<std::unique_ptr<QObject>> contexts;
    std::vector<char> alive(Jobs, 1);
    std::vector<char> answered(Jobs, 0);
    bool answeredDead = false;
    for (int i = 0; i < Jobs; ++i) {
        contexts.push_back(std::make_unique<QObject>());
        store.submit<int>(
            contexts.back().get(),
            [i](StoreConnection &) -> StoreResult<int> {
                if (i % 7 == 0)
                    QThread::usleep(50);
                return i;
            },
            [&, i](const StoreResult<int> &result) {
                if (!alive[std::size_t(i)])
                    answeredDead = true;
                answered[std::size_t(i)] = result.value() == i;
            });
        if (i % 3 == 0) {
            // Every third context dies, some now, some a little later.
            const int victim = i % 2 == 0 ? i : i / 2;
            alive[std::size_t(victim)] = 0;
            contexts[std::size_t(victim)].reset();
            if (i % 100 == 0)
                QCoreApplication::processEvents();
        }
    }
    QObject last;
    bool done = false;
    store.submit<int>(
        &last, [](StoreConnection &) -> StoreResult<int> { return 0; },
        [&done](const StoreResult<int> &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY(!answeredDead);
    int dead = 0;
    for (int i = 0; i < Jobs; ++i) {
        if (alive[std::size_t(i)])
            QVERIFY2(answered[std::size_t(i)], qPrintable(QString::number(i)));
        else
            ++dead;
    }
    QVERIFY(dead > Jobs / 5);
}

void tst_StateStore::errorsReachTheirJobOnly()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QObject context;
    QList<QString> answers;
    const auto record = [&answers](const StoreResult<int> &result) {
        answers.append(result ? QString::number(result.value()) : u"error: "_s + result.error());
    };
    store.submit<int>(
        &context, [](StoreConnection &) -> StoreResult<int> { return 1; }, record);
    store.submit<int>(
        &context,
        [](StoreConnection &db) -> StoreResult<int> {
            return StoreError{u"Cannot do it in %1"_s.arg(db.path())};
        },
        record);
    store.submit<int>(
        &context,
        [](StoreConnection &db) -> StoreResult<int> {
            QSqlQuery query(db.database());
            if (!query.exec(u"SELECT * FROM no_such_table"_s))
                return StoreError{query.lastError().text()};
            return 0;
        },
        record);
    store.submit<int>(
        &context, [](StoreConnection &) -> StoreResult<int> { return 4; }, record);
    QTRY_COMPARE(answers.size(), 4);
    QCOMPARE(answers.at(0), u"1"_s);
    QCOMPARE(answers.at(1), u"error: Cannot do it in "_s + databasePath());
    QVERIFY2(answers.at(2).startsWith(u"error: ") && answers.at(2).contains(u"no_such_table"),
             qPrintable(answers.at(2)));
    QCOMPARE(answers.at(3), u"4"_s);
}

void tst_StateStore::transactionsCommitOrRollBack()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QVERIFY(valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                        store.submit<qint64>(context, createNotes, std::move(done));
                    }),
                    qint64(-1)) >= 0);

    // Two inserts, then the work fails: neither stays.
    const auto failed = waitFor<qint64>([&](QObject *context, auto done) {
        store.submit<qint64>(
            context,
            [](StoreConnection &db) {
                return db.inTransaction(StoreConnection::Transaction::Write,
                                        [&]() -> StoreResult<qint64> {
                                            exec(db, u"INSERT INTO notes (text) VALUES ('a')"_s);
                                            exec(db, u"INSERT INTO notes (text) VALUES ('b')"_s);
                                            return StoreError{u"changed my mind"_s};
                                        });
            },
            std::move(done));
    });
    QCOMPARE(errorOf(failed), u"changed my mind"_s);

    // Two inserts that succeed: both, and the value comes back.
    const auto committed = waitFor<qint64>([&](QObject *context, auto done) {
        store.submit<qint64>(
            context,
            [](StoreConnection &db) {
                return db.inTransaction(
                    StoreConnection::Transaction::Write, [&]() -> StoreResult<qint64> {
                        exec(db, u"INSERT INTO notes (text) VALUES ('c')"_s);
                        return exec(db, u"INSERT INTO notes (text) VALUES ('d')"_s);
                    });
            },
            std::move(done));
    });
    QVERIFY(valueOr(committed, qint64(0)) > 0);

    // A read transaction sees one moment and leaves no lock behind.
    const auto counted = waitFor<qint64>([&](QObject *context, auto done) {
        store.submit<qint64>(
            context,
            [](StoreConnection &db) {
                return db.inTransaction(
                    StoreConnection::Transaction::Read, [&]() -> StoreResult<qint64> {
                        QSqlQuery query(db.database());
                        if (!query.exec(u"SELECT count(*) FROM notes"_s) || !query.next())
                            return StoreError{query.lastError().text()};
                        return query.value(0).toLongLong();
                    });
            },
            std::move(done));
    });
    QCOMPARE(valueOr(counted, qint64(-1)), qint64(2));

    PlainConnection db(databasePath());
    QCOMPARE(db.column(u"SELECT text FROM notes ORDER BY id"_s), (QStringList{u"c"_s, u"d"_s}));
    QVERIFY(db.exec(u"BEGIN IMMEDIATE"_s)); // nothing still holds the write lock
    QVERIFY(db.exec(u"ROLLBACK"_s));
}

void tst_StateStore::apiIsAsynchronous()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QVERIFY(valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                        store.submit<qint64>(context, createNotes, std::move(done));
                    }),
                    qint64(-1)) >= 0);

    // Hold the write lock from this thread: a store that wrote from the calling thread would
    // now wait for itself (busy timeout) and fail, instead of returning at once.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));

    QObject context;
    QList<qint64> ids;
    int failures = 0;
    for (int i = 0; i < 500; ++i) {
        store.submit(&context, insertNote(u"note %1"_s.arg(i)),
                     StateStore::Done<qint64>([&](const StoreResult<qint64> &id) {
                         if (id)
                             ids.append(id.value());
                         else
                             ++failures;
                     }));
        QVERIFY(ids.isEmpty());
    }
    QCOMPARE(locker.scalar(u"SELECT count(*) FROM notes"_s).toInt(), 0);
    QVERIFY(locker.exec(u"COMMIT"_s));

    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), 500, 30000);
    QCOMPARE(failures, 0);
    // Answers come in submission order.
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), i + 1);
}

void tst_StateStore::destructorRunsQueuedJobs()
{
    {
        StateStore store;
        store.open(databasePath());
        store.submit<qint64>(nullptr, createNotes, {});
        for (int i = 0; i < 300; ++i)
            store.submit<qint64>(nullptr, insertNote(u"note %1"_s.arg(i)), {});
        // Destroyed at once: every job queued still runs first.
    }
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"SELECT count(*) FROM notes"_s).toInt(), 300);
    QCOMPARE(db.scalar(u"SELECT text FROM notes ORDER BY id DESC LIMIT 1"_s).toString(),
             u"note 299"_s);
}

void tst_StateStore::survivesSigkill()
{
    KilledWriter writer;
    QString writerError;
    QVERIFY2(
        writer.runAndKill(QStringLiteral(STATESTORE_WRITER), {databasePath()}, 300, &writerError),
        qPrintable(writerError));
    QCOMPARE(writer.badLines(), QStringList());
    const QList<qint64> printed = writer.ids();
    QVERIFY(printed.size() >= 300);

    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        QList<qint64> missing;
        for (const qint64 id : std::as_const(printed)) {
            if (db.scalar(u"SELECT count(*) FROM writer_rows WHERE id = ?"_s, {id}).toInt() != 1)
                missing.append(id);
        }
        QCOMPARE(missing, QList<qint64>());
        // Each job was one transaction of two statements: none was cut in half.
        const int rows = db.scalar(u"SELECT count(*) FROM writer_rows"_s).toInt();
        QCOMPARE(db.scalar(u"SELECT n FROM writer_count"_s).toInt(), rows);
        QVERIFY(rows >= printed.size());
        QVERIFY(rows - printed.size() <= 5); // at most the jobs in flight on top
    }

    // And the store itself takes the file back.
    StateStore store;
    QString error;
    QVERIFY2(openStore(store, databasePath(), &error), qPrintable(error));
    const auto id = waitFor<qint64>([&](QObject *context, auto done) {
        store.submit<qint64>(
            context,
            [](StoreConnection &db) {
                return exec(db, u"INSERT INTO writer_rows (payload) VALUES ('after')"_s);
            },
            std::move(done));
    });
    QVERIFY(valueOr(id, qint64(0)) > printed.constLast());
}

QTEST_GUILESS_MAIN(tst_StateStore)
#include "tst_statestore.moc"
