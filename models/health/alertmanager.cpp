// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/alertmanager.h"

#include "models/remote/actiongate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(AlertmanagerClient)
};

QDateTime readTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QMap<QString, QString> readStringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

QStringList readStrings(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings.append(item.isObject() ? item.toObject().value(u"name").toString()
                                       : item.toString());
    return strings;
}

// The body as a JSON array, or why not.
std::optional<QJsonArray> readArray(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("the answer is not JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isArray()) {
        *error = Text::tr("the answer is not a JSON list");
        return std::nullopt;
    }
    return document.array();
}

// "db1:9100" -> "db1"; "[::1]:9100" -> "::1"; "db1" -> "db1".
QString hostOfInstance(const QString &instance, int *port)
{
    *port = 0;
    if (instance.startsWith(u'[')) {
        const qsizetype close = instance.indexOf(u']');
        if (close < 0)
            return instance;
        if (instance.mid(close + 1).startsWith(u':'))
            *port = instance.mid(close + 2).toInt();
        return instance.mid(1, close - 1);
    }
    const qsizetype colon = instance.lastIndexOf(u':');
    if (colon < 0 || instance.indexOf(u':') != colon)
        return instance; // no port, or a bare IPv6 address
    bool ok = false;
    const int value = instance.mid(colon + 1).toInt(&ok);
    if (!ok)
        return instance;
    *port = value;
    return instance.left(colon);
}

} // namespace

QString SilenceMatcher::text() const
{
    const QString op = isEqual ? (isRegex ? u"=~"_s : u"="_s) : (isRegex ? u"!~"_s : u"!="_s);
    QString quoted = value;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return name + op + u'"' + quoted + u'"';
}

AlertmanagerList<AlertmanagerAlert> parseAlertmanagerAlerts(const QByteArray &body)
{
    AlertmanagerList<AlertmanagerAlert> list;
    const std::optional<QJsonArray> array = readArray(body, &list.error);
    if (!array)
        return list;
    for (const QJsonValue &item : *array) {
        const QJsonObject object = item.toObject();
        AlertmanagerAlert alert;
        alert.labels = readStringMap(object.value(u"labels"));
        alert.annotations = readStringMap(object.value(u"annotations"));
        alert.startsAt = readTime(object.value(u"startsAt"));
        alert.endsAt = readTime(object.value(u"endsAt"));
        alert.updatedAt = readTime(object.value(u"updatedAt"));
        alert.fingerprint = object.value(u"fingerprint").toString();
        alert.receivers = readStrings(object.value(u"receivers"));
        const QJsonObject status = object.value(u"status").toObject();
        alert.state = status.value(u"state").toString();
        alert.silencedBy = readStrings(status.value(u"silencedBy"));
        alert.inhibitedBy = readStrings(status.value(u"inhibitedBy"));
        list.items.append(alert);
    }
    return list;
}

AlertmanagerList<AlertmanagerSilence> parseAlertmanagerSilences(const QByteArray &body)
{
    AlertmanagerList<AlertmanagerSilence> list;
    const std::optional<QJsonArray> array = readArray(body, &list.error);
    if (!array)
        return list;
    for (const QJsonValue &item : *array) {
        const QJsonObject object = item.toObject();
        AlertmanagerSilence silence;
        silence.id = object.value(u"id").toString();
        for (const QJsonValue &matcher : object.value(u"matchers").toArray()) {
            const QJsonObject m = matcher.toObject();
            // isEqual came with Alertmanager 0.22; older servers mean "equal".
            silence.matchers.append({m.value(u"name").toString(), m.value(u"value").toString(),
                                     m.value(u"isRegex").toBool(),
                                     m.value(u"isEqual").toBool(true)});
        }
        silence.createdBy = object.value(u"createdBy").toString();
        silence.comment = object.value(u"comment").toString();
        silence.startsAt = readTime(object.value(u"startsAt"));
        silence.endsAt = readTime(object.value(u"endsAt"));
        silence.updatedAt = readTime(object.value(u"updatedAt"));
        silence.state = object.value(u"status").toObject().value(u"state").toString();
        list.items.append(silence);
    }
    return list;
}

CheckResult judgeAlerts(const QList<AlertmanagerAlert> &alerts, const QString &checkId,
                        const QDateTime &now)
{
    CheckResult result;
    result.checkId = checkId;
    result.time = now;
    result.verdict = Verdict::Ok;
    int firing = 0;
    int quiet = 0;
    for (const AlertmanagerAlert &alert : alerts) {
        const QString severity = alert.labels.value(u"severity"_s).toLower();
        const bool muted = alert.isSilenced() || !alert.inhibitedBy.isEmpty();
        Verdict verdict = Verdict::Ok;
        if (!muted && (severity == u"critical" || severity == u"page" || severity == u"error"))
            verdict = Verdict::Critical;
        else if (!muted && severity == u"warning")
            verdict = Verdict::Warning;
        muted ? ++quiet : ++firing;
        const qint64 minutes = alert.startsAt.isValid() ? alert.startsAt.secsTo(now) / 60 : -1;
        QString text = severity.isEmpty() ? alert.name() : alert.name() + u" ("_s + severity + u')';
        if (alert.labels.contains(u"instance"_s))
            text += Text::tr(" on %1").arg(alert.labels.value(u"instance"_s));
        if (minutes >= 0)
            text += Text::tr(", firing for %1 min").arg(minutes);
        if (alert.isSilenced())
            text += Text::tr(", silenced");
        else if (!alert.inhibitedBy.isEmpty())
            text += Text::tr(", inhibited");
        result.values.append(
            {alert.name(), double(qMax<qint64>(0, minutes)), u"min"_s, text, verdict, {}, {}});
        result.verdict = worseForExitCode(result.verdict, verdict);
    }
    result.summary = alerts.isEmpty()
                         ? Text::tr("no alerts firing")
                         : Text::tr("%1 firing, %2 silenced or inhibited").arg(firing).arg(quiet);
    return result;
}

QList<AlertMatch> alertsForTarget(const QList<AlertmanagerAlert> &alerts, const AlertTarget &target)
{
    QList<AlertMatch> matches;
    for (const AlertmanagerAlert &alert : alerts) {
        bool namesHost = false;
        bool hostMatches = false;
        const QString instance = alert.labels.value(u"instance"_s);
        if (!instance.isEmpty()) {
            namesHost = true;
            int port = 0;
            const QString host = hostOfInstance(instance, &port);
            hostMatches = !target.host.isEmpty() &&
                          host.compare(target.host, Qt::CaseInsensitive) == 0 &&
                          (target.port == 0 || port == 0 || port == target.port);
        }
        for (const QString &name : {u"host"_s, u"hostname"_s}) {
            const QString host = alert.labels.value(name);
            if (host.isEmpty())
                continue;
            namesHost = true;
            hostMatches = hostMatches || (!target.host.isEmpty() &&
                                          host.compare(target.host, Qt::CaseInsensitive) == 0);
        }
        // The service an alert is about, if it says: its service label, else its job.
        QString service = alert.labels.value(u"service"_s);
        if (service.isEmpty())
            service = alert.labels.value(u"job"_s);
        const bool serviceMatches = !target.service.isEmpty() && service == target.service;
        bool isAbout = false;
        if (namesHost)
            isAbout =
                hostMatches && (target.service.isEmpty() || service.isEmpty() || serviceMatches);
        else
            isAbout = serviceMatches;
        if (isAbout)
            matches.append({alert, alert.isSilenced()});
    }
    return matches;
}

QByteArray silenceRequestJson(const SilenceRequest &request)
{
    QJsonArray matchers;
    for (const SilenceMatcher &matcher : request.matchers)
        matchers.append(QJsonObject{{u"name"_s, matcher.name},
                                    {u"value"_s, matcher.value},
                                    {u"isRegex"_s, matcher.isRegex},
                                    {u"isEqual"_s, matcher.isEqual}});
    const QDateTime starts =
        request.startsAt.isValid() ? request.startsAt : QDateTime::currentDateTimeUtc();
    return QJsonDocument(QJsonObject{
                             {u"matchers"_s, matchers},
                             {u"startsAt"_s, starts.toUTC().toString(Qt::ISODateWithMs)},
                             {u"endsAt"_s, request.endsAt.toUTC().toString(Qt::ISODateWithMs)},
                             {u"createdBy"_s, request.createdBy},
                             {u"comment"_s, request.comment},
                         })
        .toJson(QJsonDocument::Compact);
}

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager *network, const QUrl &baseUrl,
                                       ActionGate *gate, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(baseUrl)
    , m_gate(gate)
{
}

QUrl AlertmanagerClient::urlFor(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

void AlertmanagerClient::send(
    const QByteArray &verb, const QUrl &url, const QByteArray &body, QObject *context,
    std::function<void(int status, const QByteArray &body, const QString &error)> done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    QPointer<QObject> guard(context);
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, reply, [reply, guard, done, url, verb, timeoutMs] {
        reply->deleteLater();
        if (!guard)
            return;
        const QString where = u"%1 %2"_s.arg(QString::fromLatin1(verb), url.toDisplayString());
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (reply->error() == QNetworkReply::OperationCanceledError)
            done(status, answer, Text::tr("%1: no answer within %2 ms").arg(where).arg(timeoutMs));
        else if (status == 0)
            done(status, answer, Text::tr("%1: %2").arg(where, reply->errorString()));
        else if (status < 200 || status >= 300)
            // Alertmanager explains a refusal in the body as a JSON string or plain text.
            done(status, answer,
                 Text::tr("%1: HTTP %2: %3")
                     .arg(where)
                     .arg(status)
                     .arg(QString::fromUtf8(answer.left(500)).trimmed()));
        else
            done(status, answer, {});
    });
}

void AlertmanagerClient::listAlerts(QObject *context, ListDone<AlertmanagerAlert> done)
{
    const QUrl url = urlFor(u"/api/v2/alerts"_s);
    send("GET", url, {}, context, [done, url](int, const QByteArray &body, const QString &error) {
        AlertmanagerList<AlertmanagerAlert> list;
        if (error.isEmpty())
            list = parseAlertmanagerAlerts(body);
        else
            list.error = error;
        if (!list.ok() && error.isEmpty())
            list.error = u"%1: %2"_s.arg(url.toDisplayString(), list.error);
        done(list);
    });
}

void AlertmanagerClient::listSilences(QObject *context, ListDone<AlertmanagerSilence> done)
{
    const QUrl url = urlFor(u"/api/v2/silences"_s);
    send("GET", url, {}, context, [done, url](int, const QByteArray &body, const QString &error) {
        AlertmanagerList<AlertmanagerSilence> list;
        if (error.isEmpty())
            list = parseAlertmanagerSilences(body);
        else
            list.error = error;
        if (!list.ok() && error.isEmpty())
            list.error = u"%1: %2"_s.arg(url.toDisplayString(), list.error);
        done(list);
    });
}

void AlertmanagerClient::createSilence(const SilenceRequest &request,
                                       const ActionConfirmation &confirmation, QObject *context,
                                       SilenceDone done)
{
    QStringList matchers;
    for (const SilenceMatcher &matcher : request.matchers)
        matchers.append(matcher.text());
    DeclaredAction action;
    action.kind = u"alertmanager.silence.create"_s;
    action.target = m_baseUrl.toDisplayString();
    action.description = u"silence {%1} until %2: %3"_s.arg(
        matchers.join(u", "_s), request.endsAt.toUTC().toString(Qt::ISODate), request.comment);
    const QUrl url = urlFor(u"/api/v2/silences"_s);
    const QByteArray body = silenceRequestJson(request);
    auto silenceId = std::make_shared<QString>();
    QPointer<AlertmanagerClient> self(this);
    m_gate->run(
        action, confirmation, context,
        [self, url, body, silenceId](ActionGate::Finish finish) {
            if (!self) {
                finish({Text::tr("Not run: the Alertmanager client is gone.")});
                return;
            }
            // The gate's own object keeps the request going when the caller's context goes.
            self->send(
                "POST", url, body, self,
                [finish, silenceId, url](int, const QByteArray &answer, const QString &error) {
                    if (!error.isEmpty()) {
                        finish({error});
                        return;
                    }
                    *silenceId =
                        QJsonDocument::fromJson(answer).object().value(u"silenceID").toString();
                    if (silenceId->isEmpty())
                        finish({Text::tr("%1: the answer names no silence id")
                                    .arg(url.toDisplayString())});
                    else
                        finish({});
                });
        },
        [done, silenceId](const ActionOutcome &outcome) { done(outcome, *silenceId); });
}

void AlertmanagerClient::expireSilence(const QString &silenceId,
                                       const ActionConfirmation &confirmation, QObject *context,
                                       SilenceDone done)
{
    DeclaredAction action;
    action.kind = u"alertmanager.silence.expire"_s;
    action.target = m_baseUrl.toDisplayString();
    action.description = u"expire silence %1"_s.arg(silenceId);
    const QUrl url =
        urlFor(u"/api/v2/silence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(silenceId)));
    QPointer<AlertmanagerClient> self(this);
    m_gate->run(
        action, confirmation, context,
        [self, url](ActionGate::Finish finish) {
            if (!self) {
                finish({Text::tr("Not run: the Alertmanager client is gone.")});
                return;
            }
            self->send(
                "DELETE", url, {}, self,
                [finish](int, const QByteArray &, const QString &error) { finish({error}); });
        },
        [done, silenceId](const ActionOutcome &outcome) { done(outcome, silenceId); });
}

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertsModel::setAlerts(const QList<AlertmanagerAlert> &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertmanagerAlert &alert = m_alerts.at(index.row());
    if (role == Qt::ToolTipRole)
        return alert.annotations.value(u"description"_s);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return alert.name();
    case State:
        if (alert.isSilenced())
            return Text::tr("silenced");
        if (!alert.inhibitedBy.isEmpty())
            return Text::tr("inhibited");
        return alert.state == u"active" ? Text::tr("firing") : alert.state;
    case Severity:
        return alert.labels.value(u"severity"_s);
    case Instance:
        return alert.labels.value(u"instance"_s, alert.labels.value(u"host"_s));
    case Summary:
        return alert.annotations.value(u"summary"_s);
    case Started:
        return alert.startsAt.toLocalTime();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return Text::tr("Alert");
    case State:
        return Text::tr("State");
    case Severity:
        return Text::tr("Severity");
    case Instance:
        return Text::tr("Instance");
    case Summary:
        return Text::tr("Summary");
    case Started:
        return Text::tr("Since");
    case ColumnCount:
        break;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

SilencesModel::SilencesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SilencesModel::setSilences(const QList<AlertmanagerSilence> &silences)
{
    beginResetModel();
    m_silences = silences;
    endResetModel();
}

int SilencesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_silences.size());
}

int SilencesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilencesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole)
        return {};
    const AlertmanagerSilence &silence = m_silences.at(index.row());
    switch (Column(index.column())) {
    case Matchers: {
        QStringList matchers;
        for (const SilenceMatcher &matcher : silence.matchers)
            matchers.append(matcher.text());
        return matchers.join(u", "_s);
    }
    case State:
        if (silence.state == u"active")
            return Text::tr("active");
        if (silence.state == u"pending")
            return Text::tr("pending");
        if (silence.state == u"expired")
            return Text::tr("expired");
        return silence.state;
    case CreatedBy:
        return silence.createdBy;
    case Comment:
        return silence.comment;
    case Starts:
        return silence.startsAt.toLocalTime();
    case Ends:
        return silence.endsAt.toLocalTime();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SilencesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Matchers:
        return Text::tr("Matchers");
    case State:
        return Text::tr("State");
    case CreatedBy:
        return Text::tr("Created by");
    case Comment:
        return Text::tr("Comment");
    case Starts:
        return Text::tr("Starts");
    case Ends:
        return Text::tr("Ends");
    case ColumnCount:
        break;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace OpsDeck
