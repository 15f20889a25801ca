// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace OpsDeck {

class StateStoreWorker;

// Why a unit of work on the state store failed: a sentence for the user that names what failed
// and the database file.
struct StoreError {
    QString message;
};

// What a unit of work on the state store produced: its value, or the error.
template<typename T>
class StoreResult
{
public:
    // Implicit, so a job says `return value;` or `return StoreError{message};`.
    StoreResult(T value)
        : m_value(std::move(value))
    {
    }
    StoreResult(StoreError error)
        : m_error(std::move(error.message))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only when ok().
    const T &value() const
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

// What a job gets on the store's thread: the one connection, the file and transactions. Never
// kept beyond the job, never used from another thread.
class StoreConnection final
{
    Q_DISABLE_COPY_MOVE(StoreConnection)

public:
    enum class Transaction {
        Read,  // BEGIN: reads see one moment of the database
        Write, // BEGIN IMMEDIATE: takes the write lock up front, so the busy timeout applies
               // instead of a deadlock error on the first write
    };

    StoreConnection(QString connectionName, QString path);

    QSqlDatabase database() const;
    // The database file, for messages.
    const QString &path() const { return m_path; }

    // Runs work (returning a StoreResult) between BEGIN and COMMIT and returns its result once
    // committed. A failed work, BEGIN or COMMIT rolls everything back; the error of BEGIN or
    // COMMIT is SQLite's own text, for the caller to put into its sentence.
    template<typename Work>
    auto inTransaction(Transaction kind, Work &&work) -> std::invoke_result_t<Work &>;

private:
    // Runs work between BEGIN and COMMIT, or ROLLBACK when it returns false. The error of BEGIN
    // or COMMIT (never empty then); empty when committed or when work said no.
    QString transact(Transaction kind, const std::function<bool()> &work);

    QString m_connectionName;
    QString m_path;
};

namespace Detail {
// Carries one job's completion from the store's thread to its context: a queued connection to
// the context, which Qt drops safely when the context is destroyed first.
class StoreCompletion final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void ready();
};
} // namespace Detail

// The application's own SQLite database (WAL) and the thread it lives on. It knows nothing of
// what is stored: the domains (audit log, incidents, …) own their tables and their SQL, and
// hand it here as jobs; the schema is the one append-only list in migrations.cpp.
//
// A job runs on the store's thread with the one QSqlDatabase connection; its completion runs
// later in the thread of its context object, and never once the context is destroyed (the job
// itself still runs: a write asked for is written). Jobs run one at a time in the order they
// were submitted, so a job submitted right after open() waits for the open. On a store that is
// not open, or failed to open, a job is not run and its completion gets an error that says so.
//
// The destructor waits for the jobs already queued (audit rows must not be lost), so destroy
// the store at shutdown, not in response to a user action.
class StateStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateStore)

public:
    template<typename T>
    using Work = std::function<StoreResult<T>(StoreConnection &)>;
    template<typename T>
    using Done = std::function<void(const StoreResult<T> &)>;

    explicit StateStore(QObject *parent = nullptr);
    ~StateStore() override;

    // Opens (creating if needed) and migrates the database; an empty path means
    // Paths::stateDatabaseFile(). The file, its -wal and -shm, and folders created for it are
    // the user's alone (0600, 0700), whatever the umask. done (optional) gets the file, or why it
    // cannot be used. A database written by a newer OpsDeck is refused and left byte for byte as it
    // was. Opening again closes the previous file first.
    void open(const QString &path = {}, QObject *context = nullptr, Done<QString> done = {});
    // Answers, after everything submitted so far, with the open file or the reason the last
    // open() failed (or that none was asked for).
    void whenOpen(QObject *context, Done<QString> done);

    // Queues work on the store's thread; done gets its result in context's thread. Without
    // context and done the job runs and nobody hears of it.
    template<typename T>
    void submit(QObject *context, Work<T> work, Done<T> done);

private:
    // What a job finds on the store's thread: the connection (null unless open) and, when it is
    // null, the sentence that says why.
    struct Access {
        StoreConnection *connection = nullptr;
        QString notOpen;
        QString openError; // the failed open's own message; empty if none was tried
    };
    using Job = std::function<void(const Access &)>;

    // Queues job behind every job already submitted.
    void post(Job job);
    // What the store's thread calls, once, with a job's result: it reaches done in context's
    // thread, through a completion object that lives on the store's thread.
    template<typename T>
    std::function<void(StoreResult<T> &&)> deliveryTo(QObject *context, Done<T> done);
    Detail::StoreCompletion *newCompletion();

    QThread m_thread;
    StateStoreWorker *m_worker; // lives in m_thread; deleted there by the destructor
};

template<typename Work>
auto StoreConnection::inTransaction(Transaction kind, Work &&work) -> std::invoke_result_t<Work &>
{
    using Result = std::invoke_result_t<Work &>;
    std::optional<Result> result;
    const QString error = transact(kind, [&] {
        result.emplace(work());
        return result->ok();
    });
    if (!error.isEmpty() || !result)
        return StoreError{error}; // BEGIN failed, or COMMIT did and everything was rolled back
    return std::move(*result);    // committed, or the work's own error, rolled back
}

template<typename T>
std::function<void(StoreResult<T> &&)> StateStore::deliveryTo(QObject *context, Done<T> done)
{
    Q_ASSERT_X(!done || context, "StateStore", "a completion needs a context");
    if (!done || !context)
        return [](StoreResult<T> &&) {};
    // Written on the store's thread before ready() is emitted, read in context's thread after.
    auto result = std::make_shared<std::optional<StoreResult<T>>>();
    Detail::StoreCompletion *completion = newCompletion();
    QObject::connect(
        completion, &Detail::StoreCompletion::ready, context,
        [result, done = std::move(done)] { done(**result); }, Qt::QueuedConnection);
    return [result, completion](StoreResult<T> &&value) {
        result->emplace(std::move(value));
        Q_EMIT completion->ready();
        delete completion; // in its own thread; the queued call, if any, is on its way
    };
}

template<typename T>
void StateStore::submit(QObject *context, Work<T> work, Done<T> done)
{
    Q_ASSERT(work);
    post([work = std::move(work),
          deliver = deliveryTo<T>(context, std::move(done))](const Access &access) {
        deliver(access.connection ? work(*access.connection)
                                  : StoreResult<T>(StoreError{access.notOpen}));
    });
}

} // namespace OpsDeck
