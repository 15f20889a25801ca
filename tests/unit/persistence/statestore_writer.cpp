// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_statestore's crash test: writes audit rows (begin + finish) as fast as the store
// takes them and prints the id of every row whose commit the store confirmed, one per line,
// flushed, so the test can SIGKILL it mid-stream and check that every printed row survived.
//
// usage: statestore_writer DBPATH [MAXROWS]
#include "models/persistence/statestore.h"

#include <QCoreApplication>

#include <cstdio>

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

    OpsDeck::StateStore store;
    qint64 requested = 0;
    qint64 confirmed = 0;
    const auto beginNext = [&] {
        if (requested >= maxRows)
            return;
        OpsDeck::AuditEntry entry;
        entry.host = QStringLiteral("writer-host");
        entry.remoteUser = QStringLiteral("writer");
        entry.command = QStringLiteral("echo row %1").arg(++requested);
        entry.risk = OpsDeck::Risk::Change;
        store.beginAudit(entry);
    };

    QObject::connect(&store, &OpsDeck::StateStore::opened, &app,
                     [&](quint64, bool ok, const QString &error) {
                         if (!ok) {
                             std::fprintf(stderr, "%s\n", qPrintable(error));
                             QCoreApplication::exit(1);
                             return;
                         }
                         // A few requests in flight keep the worker's queue busy, so the kill
                         // is likely to land in the middle of a write.
                         for (int i = 0; i < 4; ++i)
                             beginNext();
                     });
    QObject::connect(&store, &OpsDeck::StateStore::auditStarted, &app, [&](quint64, qint64 rowId) {
        std::printf("%lld\n", static_cast<long long>(rowId));
        std::fflush(stdout);
        store.finishAudit(rowId, 0, {}, 1, 0, OpsDeck::AuditStatus::Finished);
        if (++confirmed >= maxRows)
            QCoreApplication::quit();
        else
            beginNext();
    });
    QObject::connect(&store, &OpsDeck::StateStore::failed, &app,
                     [](quint64, const QString &message) {
                         std::fprintf(stderr, "%s\n", qPrintable(message));
                         QCoreApplication::exit(1);
                     });

    store.open(arguments.at(1));
    return app.exec();
}
