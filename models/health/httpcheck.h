// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace OpsDeck {

// The workspace threshold named metric, or fallback (the seeds' levels) when it has none.
Threshold thresholdFor(const Workspace &workspace, const QString &metric,
                       const Threshold &fallback);
// "response_time": the seeds' "API Response Time" row, warning 500 ms, critical 1 s.
Threshold defaultResponseTimeThreshold();

// What a JSON health document says: the overall status and one value per dependency.
struct HealthDocument {
    bool isJson = false; // false: the body is not a JSON object (plain "OK"), nothing to judge
    QString error;       // the body looked like JSON but was not: where and why
    Verdict verdict = Verdict::Unknown; // the overall status combined with every dependency
    QString status;                     // the overall status as the service wrote it
    // "health" (the overall status) first, then one per dependency (in key order for an object)
    QList<CheckValue> values;
    QStringList dependencies; // the names of the dependencies' values, in their order
};

// Reads the common shapes: {"status":"healthy","checks":{"database":{"status":"healthy"}}},
// {"status":"healthy","dependencies":{"database":"healthy"}}, Spring Boot actuator
// {"status":"UP","components":{"db":{"status":"UP"}}}, the IETF health+json draft
// {"status":"pass","checks":{"db:connections":[{"status":"pass"}]}}, ASP.NET "entries" and
// lists of {"name","status"}. Pure: no I/O, so it is tested from data.
HealthDocument parseHealthDocument(const QByteArray &body);
// "healthy", "UP", "pass", "ok", true -> Ok; "degraded", "warn" -> Warning; "unhealthy", "DOWN",
// "fail", false -> Critical; anything else Unknown.
Verdict verdictForHealthStatus(const QString &status);

struct HttpCheckOptions {
    QUrl url;
    int expectedStatus = 200;
    QString expectedBody; // text the body must contain, if not empty
    Threshold latency = defaultResponseTimeThreshold();
    int timeoutMs = 10000;            // the whole check, redirects included
    qint64 maxBodyBytes = 256 * 1024; // a larger body is cut here, never read whole
    int maxRedirects = 5;
    // Extra certificate authorities to trust (an internal CA); the system ones always count.
    QList<QSslCertificate> caCertificates;
};

// The options for a workspace service: its health URL, expected status and body, and the
// workspace's "response_time" threshold.
HttpCheckOptions httpCheckOptions(const Service &service, const Workspace &workspace);

// What a server answered, however it was asked (here, or by curl on another host).
struct HttpAnswer {
    QUrl url; // the last one asked, after redirects
    int status = 0;
    QString reason;
    QByteArray body; // at most the options' maxBodyBytes
    bool truncated = false;
    qint64 elapsedMs = 0;
};
// The status, latency, expected text and health document of an answer, judged. Pure.
CheckResult judgeHttpAnswer(const HttpCheckOptions &options, const HttpAnswer &answer);
// The warning value of an answer cut at options.maxBodyBytes (answer.truncated).
CheckValue truncatedBodyValue(const HttpCheckOptions &options, const HttpAnswer &answer);

// One HTTP(S) check: asynchronous in the caller's thread, finished() exactly once.
class HttpCheck : public QObject
{
    Q_OBJECT
public:
    // network may be shared by many checks; without one, the check makes its own.
    explicit HttpCheck(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~HttpCheck() override;

    void start(const QString &checkId, const HttpCheckOptions &options);
    // Off: an answer is not judged here but handed to answered() for the caller to judge (a
    // metrics scrape); no answer at all (refused, timed out, a redirect loop) still comes as a
    // critical finished(). Exactly one of the two per start().
    void setJudging(bool judging) { m_judging = judging; }
    // Stops a running check; finished() is not emitted.
    void abort();
    bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);
    void answered(const OpsDeck::HttpAnswer &answer);

private:
    void request(const QUrl &url);
    void onReadyRead();
    void onFinished();
    void onTimeout();
    HttpAnswer takeAnswer(QNetworkReply *reply);
    void deliver(const HttpAnswer &answer);
    void complete(CheckResult result);
    void fail(const QString &error);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    HttpCheckOptions m_options;
    CheckResult m_result;
    QElapsedTimer m_elapsed;
    QTimer m_timeout;
    QByteArray m_body;
    bool m_truncated = false;
    bool m_judging = true;
    QList<QUrl> m_hops; // every URL asked, to name a redirect loop
};

} // namespace OpsDeck
