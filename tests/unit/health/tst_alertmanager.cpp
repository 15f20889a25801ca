// SPDX-License-Identifier: GPL-3.0-or-later
// AlertmanagerClient against a real Alertmanager (tests/scripts/prometheus-fixture.sh): an alert
// fired by POST, listed, silenced through the ActionGate, expired; read-only refusal; audit rows.
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/health/alertmanager.h"
#include "models/persistence/statestore.h"
#include "models/remote/actiongate.h"
#include "prometheusfixture.h"
#include "statetesting.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class AlertmanagerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void firedAlertIsListed();
    void silenceThroughTheGate();
    void readOnlyModeRefusesSilences();
    void unconfirmedSilenceIsRefused();
    void expiringAnUnknownSilenceFailsAndIsRecorded();
    void unreachableServerNamesTheUrl();

private:
    void fireAlert(const QString &name, const QString &instance);
    AlertmanagerList<AlertmanagerAlert> listAlerts();
    AlertmanagerList<AlertmanagerSilence> listSilences();
    std::pair<ActionOutcome, QString>
    waitSilence(const std::function<void(AlertmanagerClient::SilenceDone)> &call);
    QList<AuditEntry> queryAll();
    SilenceRequest silenceFor(const QString &alertName) const;

    std::unique_ptr<PrometheusFixture> m_fixture;
    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<ActionGate> m_gate;
    std::unique_ptr<AlertmanagerClient> m_client;
};

void AlertmanagerTest::initTestCase()
{
    m_fixture = std::make_unique<PrometheusFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void AlertmanagerTest::cleanupTestCase()
{
    m_fixture.reset();
}

void AlertmanagerTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(StateTesting::openStore(*m_store, m_directory->filePath(u"state.sqlite"_s), &error),
             qPrintable(error));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_readOnly = std::make_unique<ReadOnlyMode>(false);
    m_gate = std::make_unique<ActionGate>(m_auditLog.get(), m_readOnly.get());
    m_client = std::make_unique<AlertmanagerClient>(&m_network, m_fixture->alertmanagerUrl(),
                                                    m_gate.get());
    m_client->setTimeoutMs(10000);
}

void AlertmanagerTest::cleanup()
{
    m_client.reset();
    m_gate.reset();
    m_auditLog.reset();
    m_store.reset(); // waits for queued writes
}

QList<AuditEntry> AlertmanagerTest::queryAll()
{
    return StateTesting::valueOr(
        StateTesting::waitFor<QList<AuditEntry>>(
            [&](QObject *context, auto done) { m_auditLog->query({}, context, std::move(done)); }),
        QList<AuditEntry>());
}

void AlertmanagerTest::fireAlert(const QString &name, const QString &instance)
{
    // As Prometheus would send it, by a plain POST beside the client under test.
    QUrl url = m_fixture->alertmanagerUrl();
    url.setPath(u"/api/v2/alerts"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray body = u"[{\"labels\":{\"alertname\":\"%1\",\"severity\":\"critical\","
                            u"\"instance\":\"%2\",\"job\":\"node\"},"
                            u"\"annotations\":{\"summary\":\"%1 on %2\"}}]"_s.arg(name, instance)
                                .toUtf8();
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

AlertmanagerList<AlertmanagerAlert> AlertmanagerTest::listAlerts()
{
    std::optional<AlertmanagerList<AlertmanagerAlert>> answer;
    m_client->listAlerts(this, [&](const auto &list) { answer = list; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return {{}, u"no answer within 15 s"_s};
    return *answer;
}

AlertmanagerList<AlertmanagerSilence> AlertmanagerTest::listSilences()
{
    std::optional<AlertmanagerList<AlertmanagerSilence>> answer;
    m_client->listSilences(this, [&](const auto &list) { answer = list; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return {{}, u"no answer within 15 s"_s};
    return *answer;
}

std::pair<ActionOutcome, QString>
AlertmanagerTest::waitSilence(const std::function<void(AlertmanagerClient::SilenceDone)> &call)
{
    std::optional<std::pair<ActionOutcome, QString>> answer;
    call([&](const ActionOutcome &outcome, const QString &id) { answer = {outcome, id}; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return {{u"no answer within 15 s"_s}, {}};
    return *answer;
}

SilenceRequest AlertmanagerTest::silenceFor(const QString &alertName) const
{
    SilenceRequest request;
    request.matchers = {{u"alertname"_s, alertName, false, true}};
    request.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    request.createdBy = u"opsdeck-test"_s;
    request.comment = u"maintenance window"_s;
    return request;
}

void AlertmanagerTest::firedAlertIsListed()
{
    fireAlert(u"ListedAlert"_s, u"db1.example.com:9100"_s);
    const auto alerts = listAlerts();
    QVERIFY2(alerts.ok(), qPrintable(alerts.error));
    const QList<AlertMatch> matches =
        alertsForTarget(alerts.items, {u"db1.example.com"_s, 9100, {}});
    QStringList names;
    for (const AlertMatch &match : matches)
        names.append(match.alert.name());
    QVERIFY2(names.contains(u"ListedAlert"_s), qPrintable(names.join(u", "_s)));
}

void AlertmanagerTest::silenceThroughTheGate()
{
    fireAlert(u"SilencedAlert"_s, u"web7:443"_s);
    const auto created = waitSilence([&](auto done) {
        m_client->createSilence(silenceFor(u"SilencedAlert"_s), {Risk::Change, {}}, this,
                                std::move(done));
    });
    QVERIFY2(created.first.succeeded(), qPrintable(created.first.error));
    const QString id = created.second;
    QVERIFY(!id.isEmpty());

    // Alertmanager marks the alert when it next looks: the silence is there at once.
    const auto silences = listSilences();
    QVERIFY2(silences.ok(), qPrintable(silences.error));
    bool found = false;
    for (const AlertmanagerSilence &silence : silences.items) {
        if (silence.id == id) {
            found = true;
            QCOMPARE(silence.state, u"active"_s);
            QCOMPARE(silence.createdBy, u"opsdeck-test"_s);
            QCOMPARE(silence.matchers.value(0).text(), uR"(alertname="SilencedAlert")"_s);
        }
    }
    QVERIFY(found);
    const auto silencedNow = [&] {
        const QList<AlertMatch> matches = alertsForTarget(listAlerts().items, {u"web7"_s, 0, {}});
        return matches.size() == 1 && matches.at(0).silenced &&
               matches.at(0).alert.silencedBy.contains(id);
    };
    QTRY_VERIFY_WITH_TIMEOUT(silencedNow(), 10000);

    const auto expired = waitSilence([&](auto done) {
        m_client->expireSilence(id, {Risk::Change, {}}, this, std::move(done));
    });
    QVERIFY2(expired.first.succeeded(), qPrintable(expired.first.error));
    const auto unsilencedNow = [&] {
        const QList<AlertMatch> matches = alertsForTarget(listAlerts().items, {u"web7"_s, 0, {}});
        return matches.size() == 1 && !matches.at(0).silenced;
    };
    QTRY_VERIFY_WITH_TIMEOUT(unsilencedNow(), 10000);

    // Both changes are in the audit log, finished, with the Alertmanager as target.
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Finished, 5000);
    const QList<AuditEntry> rows = queryAll();
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.at(0).command.startsWith(u"alertmanager.silence.expire: expire silence "_s + id),
             qPrintable(rows.at(0).command));
    QVERIFY2(rows.at(1).command.startsWith(
                 uR"(alertmanager.silence.create: silence {alertname="SilencedAlert"})"_s),
             qPrintable(rows.at(1).command));
    for (const AuditEntry &row : rows) {
        QCOMPARE(row.host, m_fixture->value(u"ALERTMANAGER_URL"_s));
        QVERIFY(row.risk == Risk::Change);
        QCOMPARE(row.status, AuditStatus::Finished);
    }
}

void AlertmanagerTest::readOnlyModeRefusesSilences()
{
    m_readOnly->setEnabled(true);
    const qsizetype before = listSilences().items.size();
    const auto created = waitSilence([&](auto done) {
        m_client->createSilence(silenceFor(u"Whatever"_s), {Risk::Change, {}}, this,
                                std::move(done));
    });
    QVERIFY(!created.first.succeeded());
    QVERIFY2(created.first.error.contains(m_readOnly->refusal(Risk::Change)),
             qPrintable(created.first.error));
    QCOMPARE(listSilences().items.size(), before);
    QVERIFY(queryAll().isEmpty());
}

void AlertmanagerTest::unconfirmedSilenceIsRefused()
{
    const qsizetype before = listSilences().items.size();
    const auto created = waitSilence([&](auto done) {
        m_client->createSilence(silenceFor(u"Whatever"_s), {Risk::Read, {}}, this, std::move(done));
    });
    QVERIFY(!created.first.succeeded());
    QCOMPARE(listSilences().items.size(), before);
    QVERIFY(queryAll().isEmpty());
}

void AlertmanagerTest::expiringAnUnknownSilenceFailsAndIsRecorded()
{
    const auto expired = waitSilence([&](auto done) {
        m_client->expireSilence(u"00000000-0000-0000-0000-000000000000"_s, {Risk::Change, {}}, this,
                                std::move(done));
    });
    QVERIFY(!expired.first.succeeded());
    QVERIFY2(expired.first.error.contains(u"DELETE "_s + m_fixture->value(u"ALERTMANAGER_URL"_s) +
                                          u"/api/v2/silence/"_s),
             qPrintable(expired.first.error));
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Failed, 5000);
}

void AlertmanagerTest::unreachableServerNamesTheUrl()
{
    AlertmanagerClient nowhere(&m_network, QUrl(u"http://127.0.0.1:1"_s), m_gate.get());
    std::optional<AlertmanagerList<AlertmanagerAlert>> answer;
    nowhere.listAlerts(this, [&](const auto &list) { answer = list; });
    QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 15000));
    QVERIFY(!answer->ok());
    QVERIFY2(answer->error.startsWith(u"GET http://127.0.0.1:1/api/v2/alerts: "_s),
             qPrintable(answer->error));
}

QTEST_GUILESS_MAIN(AlertmanagerTest)
#include "tst_alertmanager.moc"
