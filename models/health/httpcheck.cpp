// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/httpcheck.h"

#include "models/core/units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthHttp)
};

// A dependency's status: a word, a boolean, or an object holding either ("status", "healthy").
QString statusText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains("status"_L1))
            return statusText(object.value("status"_L1));
        if (object.contains("healthy"_L1))
            return statusText(object.value("healthy"_L1));
    }
    return {};
}

// Why a dependency is unhealthy, when the document says it ("error", "message", "output").
QString reasonText(const QJsonValue &value)
{
    if (!value.isObject())
        return {};
    const QJsonObject object = value.toObject();
    for (const QLatin1StringView key : {"error"_L1, "message"_L1, "output"_L1}) {
        const QJsonValue reason = object.value(key);
        if (reason.isString() && !reason.toString().isEmpty())
            return reason.toString();
    }
    return {};
}

CheckValue dependencyValue(const QString &name, const QJsonValue &value)
{
    CheckValue result;
    result.name = name;
    if (value.isArray()) {
        // The IETF draft lists one entry per instance of a component: the worst counts.
        const QJsonArray entries = value.toArray();
        result.verdict = entries.isEmpty() ? Verdict::Unknown : Verdict::Ok;
        for (const QJsonValue &entry : entries) {
            const QString status = statusText(entry);
            const Verdict verdict = verdictForHealthStatus(status);
            if (result.text.isEmpty() ||
                worseForExitCode(result.verdict, verdict) != result.verdict) {
                result.text = status;
                const QString reason = reasonText(entry);
                if (!reason.isEmpty())
                    result.text = u"%1: %2"_s.arg(status, reason);
            }
            result.verdict = worseForExitCode(result.verdict, verdict);
        }
        return result;
    }
    const QString status = statusText(value);
    result.verdict = verdictForHealthStatus(status);
    const QString reason = reasonText(value);
    result.text = reason.isEmpty() ? status : u"%1: %2"_s.arg(status, reason);
    return result;
}

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == "https"_L1 ? 443 : 80);
    return u"%1:%2"_s.arg(url.host()).arg(port);
}

} // namespace

Threshold thresholdFor(const Workspace &workspace, const QString &metric, const Threshold &fallback)
{
    for (const Threshold &threshold : workspace.thresholds) {
        if (threshold.metric == metric)
            return threshold;
    }
    return fallback;
}

Threshold defaultResponseTimeThreshold()
{
    return {u"response_time"_s, 500, 1000, u"ms"_s, Threshold::Direction::Above, {}};
}

Verdict verdictForHealthStatus(const QString &status)
{
    const QString word = status.trimmed().toLower();
    static const QSet<QString> ok = {u"healthy"_s, u"ok"_s,      u"up"_s,      u"pass"_s,
                                     u"passed"_s,  u"green"_s,   u"good"_s,    u"available"_s,
                                     u"online"_s,  u"running"_s, u"serving"_s, u"true"_s};
    static const QSet<QString> warning = {u"degraded"_s, u"warn"_s, u"warning"_s, u"yellow"_s,
                                          u"partial"_s};
    static const QSet<QString> critical = {
        u"unhealthy"_s, u"down"_s,        u"fail"_s,    u"failed"_s,         u"failure"_s,
        u"error"_s,     u"critical"_s,    u"red"_s,     u"unavailable"_s,    u"offline"_s,
        u"false"_s,     u"not_serving"_s, u"stopped"_s, u"out_of_service"_s, u"unreachable"_s};
    if (ok.contains(word))
        return Verdict::Ok;
    if (warning.contains(word))
        return Verdict::Warning;
    if (critical.contains(word))
        return Verdict::Critical;
    return Verdict::Unknown;
}

HealthDocument parseHealthDocument(const QByteArray &body)
{
    HealthDocument document;
    const QByteArray trimmed = body.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return document;
    document.isJson = true;
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts from the body's first byte, as a reader of the raw body sees it.
        const qsizetype leading = body.indexOf(trimmed.at(0));
        document.error = Text::tr("invalid JSON at byte %1: %2")
                             .arg(leading + parseError.offset)
                             .arg(parseError.errorString());
        return document;
    }
    if (!json.isObject()) {
        document.error = Text::tr("the health document is not a JSON object");
        return document;
    }
    const QJsonObject root = json.object();

    QList<CheckValue> dependencies;
    for (const QLatin1StringView key : {"checks"_L1, "dependencies"_L1, "components"_L1,
                                        "entries"_L1, "services"_L1, "details"_L1}) {
        const QJsonValue container = root.value(key);
        if (container.isObject()) {
            const QJsonObject object = container.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                dependencies.append(dependencyValue(it.key(), it.value()));
        } else if (container.isArray()) {
            for (const QJsonValue &entry : container.toArray()) {
                const QJsonObject object = entry.toObject();
                QString name;
                for (const QLatin1StringView nameKey :
                     {"name"_L1, "componentId"_L1, "component"_L1, "id"_L1}) {
                    name = object.value(nameKey).toString();
                    if (!name.isEmpty())
                        break;
                }
                if (!name.isEmpty())
                    dependencies.append(dependencyValue(name, entry));
            }
        }
        if (!dependencies.isEmpty())
            break;
    }

    const bool hasStatus = root.contains("status"_L1) || root.contains("healthy"_L1);
    if (!hasStatus && dependencies.isEmpty())
        return document; // JSON, but not a health document: nothing to judge
    document.verdict = Verdict::Ok;
    if (hasStatus) {
        CheckValue overall = dependencyValue(Text::tr("health"), root);
        document.status = statusText(root);
        document.verdict = overall.verdict;
        document.values.append(overall);
    }
    for (const CheckValue &dependency : std::as_const(dependencies)) {
        document.verdict = worseForExitCode(document.verdict, dependency.verdict);
        // One row per name, when a list names one twice.
        if (!document.dependencies.contains(dependency.name))
            document.dependencies.append(dependency.name);
    }
    document.values.append(dependencies);
    return document;
}

HttpCheckOptions httpCheckOptions(const Service &service, const Workspace &workspace)
{
    HttpCheckOptions options;
    options.url = service.healthUrl;
    options.expectedStatus = service.expectedStatus;
    options.expectedBody = service.expectedBody;
    options.latency = thresholdFor(workspace, u"response_time"_s, defaultResponseTimeThreshold());
    return options;
}

HttpCheck::HttpCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &HttpCheck::onTimeout);
}

HttpCheck::~HttpCheck()
{
    abort();
}

void HttpCheck::start(const QString &checkId, const HttpCheckOptions &options)
{
    abort();
    m_options = options;
    m_result = {};
    m_result.checkId = checkId;
    m_result.time = QDateTime::currentDateTimeUtc();
    m_body.clear();
    m_truncated = false;
    m_hops.clear();
    m_elapsed.start();
    const QString scheme = options.url.scheme();
    if (!options.url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) ||
        options.url.host().isEmpty()) {
        CheckResult result = m_result;
        result.verdict = Verdict::Unknown;
        result.error = Text::tr("not an HTTP or HTTPS URL: %1")
                           .arg(options.url.toDisplayString(QUrl::RemoveUserInfo));
        result.summary = result.error;
        // Asynchronous like every other outcome, so callers connect after start() safely.
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    m_timeout.start(options.timeoutMs);
    request(options.url);
}

void HttpCheck::abort()
{
    m_timeout.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpCheck::request(const QUrl &url)
{
    m_hops.append(url);
    m_body.clear();
    QNetworkRequest request(url);
    // Redirects are followed here, not by Qt, so a loop is named with its URLs.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"OpsDeck health check"_s);
    request.setRawHeader("Accept", "application/json, */*;q=0.5");
    if (!m_options.caCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_options.caCertificates);
        request.setSslConfiguration(ssl);
    }
    m_reply = m_network->get(request);
    // Qt buffers at most this much ahead of us, so a huge body never sits in memory.
    m_reply->setReadBufferSize(64 * 1024);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCheck::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpCheck::onFinished);
}

void HttpCheck::onReadyRead()
{
    if (!m_reply)
        return;
    m_body += m_reply->read(m_options.maxBodyBytes + 1 - m_body.size());
    if (m_body.size() <= m_options.maxBodyBytes)
        return;
    // Enough: judge the status and what was read, and drop the connection.
    m_body.truncate(m_options.maxBodyBytes);
    m_truncated = true;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    const HttpAnswer answer = takeAnswer(reply);
    reply->abort();
    reply->deleteLater();
    deliver(answer);
}

void HttpCheck::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QUrl url = reply->url();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: the service is unreachable.
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            fail(Text::tr("connection refused by %1 (%2)")
                     .arg(hostAndPort(url), url.toDisplayString()));
            break;
        case QNetworkReply::HostNotFoundError:
            fail(Text::tr("host %1 not found (%2)").arg(url.host(), url.toDisplayString()));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            fail(Text::tr("TLS handshake with %1 failed: %2")
                     .arg(hostAndPort(url), reply->errorString()));
            break;
        default:
            fail(Text::tr("%1 (%2): %3")
                     .arg(url.toDisplayString(), hostAndPort(url), reply->errorString()));
            break;
        }
        return;
    }
    m_body += reply->read(m_options.maxBodyBytes - m_body.size());
    const int status = statusAttribute.toInt();

    const QVariant target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute);
    if (status >= 300 && status < 400 && target.isValid()) {
        const QUrl next = url.resolved(target.toUrl());
        QStringList chain;
        for (const QUrl &hop : std::as_const(m_hops))
            chain.append(hop.toDisplayString());
        chain.append(next.toDisplayString());
        if (m_hops.contains(next)) {
            fail(Text::tr("redirect loop: %1").arg(chain.join(u" → "_s)));
            return;
        }
        if (m_hops.size() > m_options.maxRedirects) {
            fail(Text::tr("more than %1 redirects: %2")
                     .arg(m_options.maxRedirects)
                     .arg(chain.join(u" → "_s)));
            return;
        }
        request(next);
        return;
    }
    deliver(takeAnswer(reply));
}

HttpAnswer HttpCheck::takeAnswer(QNetworkReply *reply)
{
    m_timeout.stop();
    HttpAnswer answer;
    answer.url = reply->url();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    answer.body = m_body;
    answer.truncated = m_truncated;
    answer.elapsedMs = m_elapsed.elapsed();
    return answer;
}

void HttpCheck::deliver(const HttpAnswer &answer)
{
    if (!m_judging) {
        Q_EMIT answered(answer);
        return;
    }
    CheckResult result = judgeHttpAnswer(m_options, answer);
    result.checkId = m_result.checkId;
    result.time = m_result.time;
    complete(result);
}

CheckValue truncatedBodyValue(const HttpCheckOptions &options, const HttpAnswer &answer)
{
    return {Text::tr("body"),
            double(answer.body.size()),
            u"B"_s,
            Text::tr("larger than %1, stopped reading").arg(formatBytes(options.maxBodyBytes)),
            Verdict::Warning,
            {},
            {}};
}

CheckResult judgeHttpAnswer(const HttpCheckOptions &options, const HttpAnswer &answer)
{
    CheckResult result;
    result.durationMs = answer.elapsedMs;
    const QString statusLine = u"%1 %2"_s.arg(answer.status).arg(answer.reason).trimmed();
    CheckValue statusValue{Text::tr("status"),
                           double(answer.status),
                           {},
                           statusLine,
                           answer.status == options.expectedStatus ? Verdict::Ok
                                                                   : Verdict::Critical,
                           {},
                           {}};
    CheckValue latency{Text::tr("latency"),
                       double(result.durationMs),
                       u"ms"_s,
                       {},
                       judge(double(result.durationMs), options.latency),
                       options.latency.warning,
                       options.latency.critical};
    result.values = {statusValue, latency};
    if (!options.expectedBody.isEmpty()) {
        const bool found = QString::fromUtf8(answer.body).contains(options.expectedBody);
        result.values.append({Text::tr("expected text"),
                              found ? 1.0 : 0.0,
                              {},
                              found
                                  ? Text::tr("\"%1\" found").arg(options.expectedBody)
                                  : Text::tr("\"%1\" not in the first %2")
                                        .arg(options.expectedBody, formatBytes(answer.body.size())),
                              found ? Verdict::Ok : Verdict::Critical,
                              {},
                              {}});
    }

    if (answer.truncated) {
        // A cut document would only parse as invalid JSON: say what happened instead.
        result.values.append(truncatedBodyValue(options, answer));
    }
    const HealthDocument document =
        answer.truncated ? HealthDocument{} : parseHealthDocument(answer.body);
    if (!document.error.isEmpty()) {
        result.values.append({Text::tr("health"), 0, {}, document.error, Verdict::Unknown, {}, {}});
        result.error = Text::tr("%1: %2").arg(answer.url.toDisplayString(), document.error);
    }
    result.values.append(document.values);
    if (document.error.isEmpty() && !document.values.isEmpty())
        result.dependencies = document.dependencies;

    result.verdict = Verdict::Ok;
    QStringList notOk;
    for (const CheckValue &value : std::as_const(result.values)) {
        result.verdict = worseForExitCode(result.verdict, value.verdict);
        if (value.verdict != Verdict::Ok)
            notOk.append(value.name);
    }
    result.summary = Text::tr("%1 in %2").arg(statusLine, formatDuration(result.durationMs));
    if (!document.status.isEmpty())
        result.summary += u", "_s + document.status;
    if (!notOk.isEmpty())
        result.summary += Text::tr("; not OK: %1").arg(notOk.join(u", "_s));
    return result;
}

void HttpCheck::onTimeout()
{
    const QUrl url = m_hops.isEmpty() ? m_options.url : m_hops.constLast();
    abort();
    fail(Text::tr("no answer from %1 (%2) within %3")
             .arg(url.toDisplayString(), hostAndPort(url), formatDuration(m_options.timeoutMs)));
}

void HttpCheck::fail(const QString &error)
{
    m_timeout.stop();
    CheckResult result = m_result;
    result.durationMs = m_elapsed.elapsed();
    // Unreachable or looping is a service that does not answer: critical, as check_http says.
    result.verdict = Verdict::Critical;
    result.error = error;
    result.summary = error;
    complete(result);
}

void HttpCheck::complete(CheckResult result)
{
    Q_EMIT finished(result);
}

} // namespace OpsDeck
