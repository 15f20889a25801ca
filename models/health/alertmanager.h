// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

// Alertmanager's API v2: the alerts firing, the silences, and silences created and expired
// through the ActionGate (they change what the whole team is paged for).
namespace OpsDeck {

class ActionGate;
struct ActionConfirmation;
struct ActionOutcome;

struct AlertmanagerAlert {
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QDateTime startsAt; // UTC
    QDateTime endsAt;
    QDateTime updatedAt;
    QString fingerprint;
    QString state;           // "active", "suppressed", "unprocessed"
    QStringList silencedBy;  // silence ids
    QStringList inhibitedBy; // fingerprints of the alerts inhibiting it
    QStringList receivers;

    QString name() const { return labels.value(QStringLiteral("alertname")); }
    bool isSilenced() const { return !silencedBy.isEmpty(); }
};

struct SilenceMatcher {
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; // false: != or !~
    // `name="value"`, `name=~"re"`, `name!="value"`, `name!~"re"`
    QString text() const;
    friend bool operator==(const SilenceMatcher &, const SilenceMatcher &) = default;
};

struct AlertmanagerSilence {
    QString id;
    QList<SilenceMatcher> matchers;
    QString createdBy;
    QString comment;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString state; // "active", "pending", "expired"
};

template<typename T>
struct AlertmanagerList {
    QList<T> items;
    QString error; // where and why, when the body could not be read
    bool ok() const { return error.isEmpty(); }
};

// Pure parsers of GET /api/v2/alerts and GET /api/v2/silences.
AlertmanagerList<AlertmanagerAlert> parseAlertmanagerAlerts(const QByteArray &body);
AlertmanagerList<AlertmanagerSilence> parseAlertmanagerSilences(const QByteArray &body);

// What a check is about, for finding its alerts.
struct AlertTarget {
    QString host;    // "db1.example.com"
    int port = 0;    // 0: any
    QString service; // "postgres", "api": compared with the alert's service and job labels
};

struct AlertMatch {
    AlertmanagerAlert alert;
    bool silenced = false;
};

// The alerts about target: an alert is about it when its instance label is host:port (or
// host, or host with any port when target has none), or its host / hostname label is host, and
// a service or job label it has names the target's service when one is given; an alert naming
// no host matches by its service or job label alone. Pure.
QList<AlertMatch> alertsForTarget(const QList<AlertmanagerAlert> &alerts,
                                  const AlertTarget &target);

// The firing alerts as a check: one value per alert (its severity label decides: critical or
// page is critical, warning is a warning, anything else is shown but OK), a silenced or
// inhibited alert counts as OK; the check is as bad as its worst unsilenced alert. Pure.
CheckResult judgeAlerts(const QList<AlertmanagerAlert> &alerts, const QString &checkId,
                        const QDateTime &now);

// A silence to create.
struct SilenceRequest {
    QList<SilenceMatcher> matchers;
    QDateTime startsAt; // invalid: now
    QDateTime endsAt;
    QString createdBy;
    QString comment;
};

// The POST /api/v2/silences body for request.
QByteArray silenceRequestJson(const SilenceRequest &request);

// One Alertmanager: reads asynchronously in the caller's thread; creating and expiring a
// silence go through the gate as the declared change actions "alertmanager.silence.create" and
// "alertmanager.silence.expire". Errors name the URL.
class AlertmanagerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertmanagerClient)

public:
    template<typename T>
    using ListDone = std::function<void(const AlertmanagerList<T> &)>;
    // The new silence's id on success.
    using SilenceDone = std::function<void(const ActionOutcome &, const QString &silenceId)>;

    AlertmanagerClient(QNetworkAccessManager *network, const QUrl &baseUrl, ActionGate *gate,
                       QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    void listAlerts(QObject *context, ListDone<AlertmanagerAlert> done);
    void listSilences(QObject *context, ListDone<AlertmanagerSilence> done);
    void createSilence(const SilenceRequest &request, const ActionConfirmation &confirmation,
                       QObject *context, SilenceDone done);
    void expireSilence(const QString &silenceId, const ActionConfirmation &confirmation,
                       QObject *context, SilenceDone done);

private:
    QUrl urlFor(const QString &path) const;
    // Sends and answers (status, body, network error naming the URL) once.
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body, QObject *context,
              std::function<void(int status, const QByteArray &body, const QString &error)> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    ActionGate *m_gate;
    int m_timeoutMs = 30000;
};

// The alerts, one row each: name, state, severity, instance, summary, started.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, State, Severity, Instance, Summary, Started, ColumnCount };
    explicit AlertsModel(QObject *parent = nullptr);

    void setAlerts(const QList<AlertmanagerAlert> &alerts);
    const AlertmanagerAlert &alertAt(int row) const { return m_alerts.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AlertmanagerAlert> m_alerts;
};

// The silences, one row each: matchers, state, created by, comment, starts, ends.
class SilencesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Matchers, State, CreatedBy, Comment, Starts, Ends, ColumnCount };
    explicit SilencesModel(QObject *parent = nullptr);

    void setSilences(const QList<AlertmanagerSilence> &silences);
    const AlertmanagerSilence &silenceAt(int row) const { return m_silences.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AlertmanagerSilence> m_silences;
};

} // namespace OpsDeck
