// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_incidentsession's crash test: declares an incident and records timeline lines
// (notes, step runs with output, status changes back and forth) as fast as the store takes
// them. Prints "incident ID" once the incident exists, then the id of every line whose commit
// the session confirmed (IncidentSession::eventRecorded), one per line, flushed, so the test
// can SIGKILL it mid-stream and check that every printed line survived.
//
// usage: incident_writer DBPATH [MAXEVENTS]
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fputs("usage: incident_writer DBPATH [MAXEVENTS]\n", stderr);
        return 2;
    }
    // A cap, so a writer whose test died without killing it does not run forever.
    const qint64 maxEvents = arguments.size() > 2 ? arguments.at(2).toLongLong() : 1000000;

    OpsDeck::StateStore store;
    OpsDeck::IncidentStore incidents(&store);
    OpsDeck::IncidentSession session(&incidents);
    session.setAuthor(QStringLiteral("writer"));
    qint64 requested = 0;
    qint64 confirmed = 0;
    bool announced = false;
    bool identified = false;

    const auto recordNext = [&] {
        if (requested >= maxEvents)
            return;
        const qint64 n = ++requested;
        if (n % 10 == 5) {
            // Identified -> Monitoring is forward, Monitoring -> Identified a reopening: both
            // allowed, and each rewrites the incident row together with its timeline line.
            identified = !identified;
            session.setStatus(identified ? OpsDeck::IncidentStatus::Identified
                                         : OpsDeck::IncidentStatus::Monitoring);
        } else if (n % 2 == 0) {
            OpsDeck::CommandResult result;
            result.outcome = OpsDeck::CommandResult::Outcome::Exited;
            result.exitCode = int(n % 3);
            result.durationMs = n;
            session.recordStepRun(QStringLiteral("writer-host"),
                                  QStringLiteral("echo step %1").arg(n), result,
                                  QStringLiteral("step %1\n").arg(n).repeated(20));
        } else {
            session.addNote(QStringLiteral("note %1").arg(n));
        }
    };

    const auto declare = [&](const OpsDeck::StoreResult<QString> &opened) {
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
            QCoreApplication::exit(1);
            return;
        }
        OpsDeck::Incident incident;
        incident.title = QStringLiteral("Writer incident");
        incident.severity = OpsDeck::IncidentSeverity::Sev2;
        incident.commander = QStringLiteral("writer");
        session.declare(incident);
    };
    QObject::connect(&session, &OpsDeck::IncidentSession::changed, &app, [&] {
        if (announced || !session.hasIncident())
            return;
        announced = true;
        std::printf("incident %lld\n", static_cast<long long>(session.incident().id));
        std::printf("%lld\n", static_cast<long long>(session.events().constFirst().id));
        std::fflush(stdout);
        // A few requests in flight keep the store's queue busy, so the kill is likely to land
        // in the middle of a write.
        for (int i = 0; i < 4; ++i)
            recordNext();
    });
    QObject::connect(&session, &OpsDeck::IncidentSession::eventRecorded, &app,
                     [&](const OpsDeck::IncidentEvent &event) {
                         if (event.kind == OpsDeck::IncidentEvent::Kind::Declared)
                             return; // printed with the incident, once its id is known
                         std::printf("%lld\n", static_cast<long long>(event.id));
                         std::fflush(stdout);
                         if (++confirmed >= maxEvents)
                             QCoreApplication::quit();
                         else
                             recordNext();
                     });
    QObject::connect(&session, &OpsDeck::IncidentSession::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });

    store.open(arguments.at(1), &app, declare);
    return app.exec();
}
