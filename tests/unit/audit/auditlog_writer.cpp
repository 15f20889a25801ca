// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_auditlog's crash test: writes audit rows (begin + finish) as fast as the log
// takes them and prints the id of every row whose commit the log confirmed, one per line,
// flushed, so the test can SIGKILL it mid-stream and check that every printed row survived.
//
// usage: auditlog_writer DBPATH [MAXROWS]
#include "models/audit/auditlog.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fputs("usage: auditlog_writer DBPATH [MAXROWS]\n", stderr);
        return 2;
    }
    // A cap, so a writer whose test died without killing it does not run forever.
    const qint64 maxRows = arguments.size() > 2 ? arguments.at(2).toLongLong() : 1000000;

    OpsDeck::StateStore store;
    OpsDeck::AuditLog log(&store);
    qint64 requested = 0;
    qint64 confirmed = 0;
    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    };
    std::function<void()> beginNext;
    beginNext = [&] {
        if (requested >= maxRows)
            return;
        OpsDeck::AuditEntry entry;
        entry.host = QStringLiteral("writer-host");
        entry.remoteUser = QStringLiteral("writer");
        entry.command = QStringLiteral("echo row %1").arg(++requested);
        entry.risk = OpsDeck::Risk::Change;
        log.begin(entry, &app, [&](const OpsDeck::StoreResult<qint64> &rowId) {
            if (!rowId)
                return fail(rowId.error());
            std::printf("%lld\n", static_cast<long long>(*rowId));
            std::fflush(stdout);
            OpsDeck::AuditOutcome outcome;
            outcome.exitCode = 0;
            outcome.durationMs = 1;
            log.finish(*rowId, outcome, &app, [&](const OpsDeck::StoreResult<qint64> &finished) {
                if (!finished)
                    fail(finished.error());
            });
            if (++confirmed >= maxRows)
                QCoreApplication::quit();
            else
                beginNext();
        });
    };

    store.open(arguments.at(1), &app, [&](const OpsDeck::StoreResult<QString> &opened) {
        if (!opened)
            return fail(opened.error());
        // A few rows in flight keep the store's queue busy, so the kill is likely to land in
        // the middle of a write.
        for (int i = 0; i < 4; ++i)
            beginNext();
    });
    return app.exec();
}
