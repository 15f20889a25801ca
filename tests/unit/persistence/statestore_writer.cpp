// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_statestore's crash test: submits write jobs as fast as the store takes them,
// each a transaction of two statements (insert a row, count it in a second table), and prints
// the id of every row whose commit a completion confirmed, one per line, flushed, so the test
// can SIGKILL it mid-stream and check that every printed row survived, and no transaction was
// cut in half.
//
// usage: statestore_writer DBPATH [MAXROWS]
#include "models/persistence/statestore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using OpsDeck::StateStore;
using OpsDeck::StoreConnection;
using OpsDeck::StoreError;
using OpsDeck::StoreResult;

namespace {

StoreResult<qint64> exec(StoreConnection &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db.database());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreError{query.lastError().text() + u" (in: " + sql + u")"};
    return query.lastInsertId().toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fputs("usage: statestore_writer DBPATH [MAXROWS]\n", stderr);
        return 2;
    }
    // A cap, so a writer whose test died without killing it does not run forever.
    const qint64 maxRows = arguments.size() > 2 ? arguments.at(2).toLongLong() : 1000000;

    StateStore store;
    qint64 requested = 0;
    qint64 confirmed = 0;
    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    };
    std::function<void()> writeNext;
    writeNext = [&] {
        if (requested >= maxRows)
            return;
        const QString payload = QStringLiteral("row %1 ").arg(++requested).repeated(10);
        store.submit<qint64>(
            &app,
            [payload](StoreConnection &db) {
                return db.inTransaction(
                    StoreConnection::Transaction::Write, [&]() -> StoreResult<qint64> {
                        const StoreResult<qint64> id =
                            exec(db,
                                 QStringLiteral("INSERT INTO writer_rows (payload)"
                                                " VALUES (?)"),
                                 {payload});
                        if (!id)
                            return id;
                        const StoreResult<qint64> counted =
                            exec(db, QStringLiteral("UPDATE writer_count SET n = n + 1"));
                        if (!counted)
                            return counted;
                        return id;
                    });
            },
            [&](const StoreResult<qint64> &id) {
                if (!id)
                    return fail(id.error());
                std::printf("%lld\n", static_cast<long long>(*id));
                std::fflush(stdout);
                if (++confirmed >= maxRows)
                    QCoreApplication::quit();
                else
                    writeNext();
            });
    };

    store.open(arguments.at(1), &app, [&](const StoreResult<QString> &opened) {
        if (!opened)
            return fail(opened.error());
    });
    // Queued behind the open, before any write.
    store.submit<qint64>(
        &app,
        [](StoreConnection &db) -> StoreResult<qint64> {
            for (const QString &sql :
                 {QStringLiteral("CREATE TABLE IF NOT EXISTS writer_rows"
                                 " (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"),
                  QStringLiteral("CREATE TABLE IF NOT EXISTS writer_count (n INTEGER NOT NULL)"),
                  QStringLiteral("INSERT INTO writer_count SELECT 0"
                                 " WHERE NOT EXISTS (SELECT 1 FROM writer_count)")}) {
                if (const StoreResult<qint64> done = exec(db, sql); !done)
                    return done;
            }
            return 0;
        },
        [&](const StoreResult<qint64> &ready) {
            if (!ready)
                return fail(ready.error());
            // A few jobs in flight keep the store's queue busy, so the kill is likely to land
            // in the middle of a write.
            for (int i = 0; i < 4; ++i)
                writeNext();
        });
    return app.exec();
}
