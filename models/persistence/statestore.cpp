// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/persistence/statestore.h"

#include "models/core/paths.h"
#include "models/core/privatefiles.h"
#include "models/persistence/migrations.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {
std::atomic<quint64> s_connectionCounter{0};
} // namespace

StoreConnection::StoreConnection(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{
}

QSqlDatabase StoreConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString StoreConnection::transact(Transaction kind, const std::function<bool()> &work)
{
    QSqlDatabase db = database();
    const auto exec = [&db](const QString &statement) -> QString {
        QSqlQuery query(db);
        if (query.exec(statement))
            return {};
        const QString error = query.lastError().text();
        return error.isEmpty() ? statement : error;
    };
    if (const QString error = exec(kind == Transaction::Write ? QStringLiteral("BEGIN IMMEDIATE")
                                                              : QStringLiteral("BEGIN"));
        !error.isEmpty())
        return error;
    QString error;
    if (work()) {
        error = exec(QStringLiteral("COMMIT"));
        if (error.isEmpty())
            return {};
    }
    exec(QStringLiteral("ROLLBACK"));
    return error;
}

// Owns the connection; every member runs in the store's thread.
class StateStoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateStoreWorker)

public:
    explicit StateStoreWorker(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {
    }

    // The file, or why it cannot be used.
    StoreResult<QString> open(const QString &requestedPath);
    void close();
    StoreConnection *connection() const { return m_connection.get(); }
    QString notOpenMessage() const;
    const QString &openError() const { return m_openError; }

private:
    QString configure(const QSqlDatabase &db) const;
    void assertThread() const { Q_ASSERT(QThread::currentThread() == thread()); }

    QString m_connectionName;
    QString m_path;
    QString m_openError;
    std::unique_ptr<StoreConnection> m_connection; // set while open
};

namespace {

// The database holds every command run and where: 0600 before SQLite first opens it. SQLite
// gives the -wal and -shm files it creates the database file's permissions; ones left by an
// older OpsDeck are tightened here.
QString makePrivate(const QString &databaseFile)
{
    if (QString error = PrivateFiles::makeFile(databaseFile); !error.isEmpty())
        return error;
    for (const QLatin1StringView suffix : {"-wal"_L1, "-shm"_L1, "-journal"_L1}) {
        if (QString error = PrivateFiles::tightenIfExists(databaseFile + suffix); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace

StoreResult<QString> StateStoreWorker::open(const QString &requestedPath)
{
    assertThread();
    close();
    m_path = requestedPath.isEmpty() ? Paths::stateDatabaseFile() : requestedPath;

    QString error;
    const QString directory = QFileInfo(m_path).absolutePath();
    const QString folderProblem = PrivateFiles::makeDirectory(directory);
    const QString fileProblem = folderProblem.isEmpty() ? makePrivate(m_path) : QString();
    if (!folderProblem.isEmpty()) {
        error =
            tr("Cannot create the folder for the state database %1: %2").arg(m_path, folderProblem);
    } else if (!fileProblem.isEmpty()) {
        error = tr("Cannot open the state database %1: %2").arg(m_path, fileProblem);
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        if (!db.isValid()) {
            error = tr("Cannot open the state database %1: the Qt SQLite driver (QSQLITE) is "
                       "not installed.")
                        .arg(m_path);
        } else if (!db.open()) {
            error = tr("Cannot open the state database %1: %2").arg(m_path, db.lastError().text());
        } else {
            error = configure(db);
        }
    }

    if (!error.isEmpty()) {
        close();
        m_openError = error;
        return StoreError{error};
    }
    m_openError.clear();
    m_connection = std::make_unique<StoreConnection>(m_connectionName, m_path);
    return m_path;
}

QString StateStoreWorker::configure(const QSqlDatabase &db) const
{
    const auto pragma = [&](const QString &statement, QString *result) -> QString {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            return tr("Cannot configure the state database %1 (%2): %3")
                .arg(m_path, statement, query.lastError().text());
        }
        if (result)
            *result = query.next() ? query.value(0).toString() : QString();
        return {};
    };

    // First, so that a file locked by another process is waited for instead of failing.
    QString error = pragma(QStringLiteral("PRAGMA busy_timeout = 5000"), nullptr);
    if (!error.isEmpty())
        return error;

    // Before anything that writes: switching to WAL rewrites the header of a file we may have
    // to refuse, and a refused file must stay exactly as it was.
    if (!Migrations::checkNotNewer(db, Migrations::latestVersion(), &error))
        return error;

    QString journalMode;
    error = pragma(QStringLiteral("PRAGMA journal_mode = WAL"), &journalMode);
    if (!error.isEmpty())
        return error;
    // SQLite silently keeps the old mode where WAL cannot work (e.g. some network file systems).
    if (journalMode.compare(u"wal", Qt::CaseInsensitive) != 0) {
        return tr("Cannot switch the state database %1 to write-ahead logging: SQLite kept "
                  "journal mode '%2'. Is the file on a network or read-only file system?")
            .arg(m_path, journalMode);
    }
    // In WAL mode NORMAL loses no committed transaction when the application crashes; only a
    // power cut can drop the last ones, which is the accepted price for not syncing each write.
    for (const QString &statement : {QStringLiteral("PRAGMA synchronous = NORMAL"),
                                     QStringLiteral("PRAGMA foreign_keys = ON")}) {
        error = pragma(statement, nullptr);
        if (!error.isEmpty())
            return error;
    }

    if (!Migrations::apply(db, &error))
        return error;
    return {};
}

QString StateStoreWorker::notOpenMessage() const
{
    if (m_path.isEmpty())
        return tr("The state database is not open.");
    if (m_openError.isEmpty())
        return tr("The state database %1 is not open.").arg(m_path);
    return tr("The state database %1 is not open: %2").arg(m_path, m_openError);
}

void StateStoreWorker::close()
{
    assertThread();
    m_connection.reset();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        // Every QSqlDatabase copy must be gone before removeDatabase().
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

StateStore::StateStore(QObject *parent)
    : QObject(parent)
    , m_worker(new StateStoreWorker(QStringLiteral("opsdeck-state-%1").arg(++s_connectionCounter)))
{
    m_thread.setObjectName(QStringLiteral("OpsDeck state store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

StateStore::~StateStore()
{
    // Queued behind every job already submitted, so none is lost; the thread ends itself once
    // the connection is closed, because QThread::quit() from here could skip queued jobs.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->close();
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void StateStore::post(Job job)
{
    // Posted events to one receiver are delivered in the order posted: jobs run in the order
    // submitted, from whichever thread.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job = std::move(job)] {
            Access access;
            access.connection = worker->connection();
            if (!access.connection) {
                access.notOpen = worker->notOpenMessage();
                access.openError = worker->openError();
            }
            job(access);
        },
        Qt::QueuedConnection);
}

Detail::StoreCompletion *StateStore::newCompletion()
{
    auto *completion = new Detail::StoreCompletion;
    completion->moveToThread(&m_thread);
    return completion;
}

void StateStore::open(const QString &path, QObject *context, Done<QString> done)
{
    // Not through post(): the open is what makes the connection.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, path, deliver = deliveryTo<QString>(context, std::move(done))] {
            deliver(worker->open(path));
        },
        Qt::QueuedConnection);
}

void StateStore::whenOpen(QObject *context, Done<QString> done)
{
    Q_ASSERT(context && done);
    post([deliver = deliveryTo<QString>(context, std::move(done))](const Access &access) {
        if (access.connection)
            deliver(access.connection->path());
        else
            deliver(StoreError{access.openError.isEmpty() ? access.notOpen : access.openError});
    });
}

} // namespace OpsDeck

#include "statestore.moc"
