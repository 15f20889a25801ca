// SPDX-License-Identifier: GPL-3.0-or-later
// The Dashboard's alerts and silences against a real Alertmanager
// (tests/scripts/prometheus-fixture.sh): an alert fired by POST is listed, silenced through
// the dialog (editor, confirmation, ActionGate, audit row) and the silence expired again; in
// read-only mode the gate's reason is shown and nothing is created. Opened from the details of
// the Alertmanager check.
#include "commandtesting.h"
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/health/alertmanager.h"
#include "models/health/healthboardmodel.h"
#include "models/remote/actiongate.h"
#include "prometheusfixture.h"
#include "screenshots.h"
#include "widgets/dashboard/alertsdialog.h"
#include "widgets/dashboard/checkdetails.h"
#include "widgets/dashboard/dashboardpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class AlertsDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void silenceAndExpireThroughTheDialog();
    void readOnlyModeShowsTheRefusal();
    void openedFromTheAlertmanagerCheck();
    void cancelledConfirmationCreatesNothing();
    void unreachableAlertmanagerIsNamed();

private:
    void fireAlert(const QString &name, const QString &instance);
    // Answers the confirmation question the dialog has open now with Yes.
    static void confirm(AlertsDialog &dialog);
    static int silenceCount(const AlertsDialog &dialog, const QString &state);

    std::unique_ptr<PrometheusFixture> m_fixture;
    QNetworkAccessManager m_network;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<ActionGate> m_gate;
};

void AlertsDialogTest::initTestCase()
{
    m_fixture = std::make_unique<PrometheusFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void AlertsDialogTest::cleanupTestCase()
{
    m_fixture.reset();
}

void AlertsDialogTest::init()
{
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_gate = std::make_unique<ActionGate>(&m_audited->auditLog, &m_audited->readOnly);
}

void AlertsDialogTest::cleanup()
{
    m_gate.reset();
    m_audited.reset(); // waits for queued writes
}

void AlertsDialogTest::fireAlert(const QString &name, const QString &instance)
{
    // As Prometheus would send it, by a plain POST beside the dialog under test.
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

void AlertsDialogTest::confirm(AlertsDialog &dialog)
{
    // The operator's way: Yes in the question the dialog opened.
    auto *box = qobject_cast<QMessageBox *>(dialog.pendingQuestion());
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"alertname"_s), qPrintable(box->text()));
    box->button(QMessageBox::Yes)->click();
}

int AlertsDialogTest::silenceCount(const AlertsDialog &dialog, const QString &state)
{
    int count = 0;
    for (int row = 0; row < dialog.silencesModel()->rowCount(); ++row) {
        if (dialog.silencesModel()->silenceAt(row).state == state)
            ++count;
    }
    return count;
}

void AlertsDialogTest::silenceAndExpireThroughTheDialog()
{
    fireAlert(u"DiskAlmostFull"_s, u"db1.example.com:9100"_s);
    AlertsDialog dialog(m_fixture->alertmanagerUrl(), m_gate.get());
    QAbstractItemModelTester alertsTester(dialog.alertsModel());
    QAbstractItemModelTester silencesTester(dialog.silencesModel());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.selectAlert(u"DiskAlmostFull"_s), 15000);
    QVERIFY(dialog.silenceButton()->isEnabled());

    // The editor starts from the alert's name and instance; the comment is required.
    SilenceEditor *editor = dialog.silenceSelected();
    QVERIFY(editor);
    const SilenceRequest prefilled = editor->request();
    QCOMPARE(prefilled.matchers.size(), 2);
    QCOMPARE(prefilled.matchers.at(0).text(), uR"(alertname="DiskAlmostFull")"_s);
    QCOMPARE(prefilled.matchers.at(1).text(), uR"(instance="db1.example.com:9100")"_s);
    QVERIFY(!operatorName().isEmpty());
    QCOMPARE(prefilled.createdBy, operatorName());
    QVERIFY(!editor->okButton()->isEnabled());
    editor->durationBox()->setCurrentIndex(1); // 4 hours
    editor->commentEdit()->setText(u"disk grows during the reindex"_s);
    QVERIFY(editor->okButton()->isEnabled());
    saveScreenshot(*editor, u"dashboard-silence-editor"_s);
    editor->okButton()->click();

    // Confirmed as a change, created through the gate: the alert shows silenced.
    QTRY_VERIFY(dialog.pendingQuestion());
    confirm(dialog);
    QSignalSpy finished(&dialog, &AlertsDialog::actionFinished);
    QVERIFY(finished.wait(15000));
    QVERIFY2(finished.last().at(0).toString().isEmpty(), qPrintable(dialog.message()));
    const auto alertSilenced = [&] {
        for (int row = 0; row < dialog.alertsModel()->rowCount(); ++row) {
            const AlertmanagerAlert &alert = dialog.alertsModel()->alertAt(row);
            if (alert.name() == u"DiskAlmostFull")
                return alert.isSilenced();
        }
        return false;
    };
    // Alertmanager marks the alert when it next looks: Refresh until it has.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (alertSilenced())
                return true;
            QSignalSpy refreshed(&dialog, &AlertsDialog::refreshed);
            dialog.refresh();
            refreshed.wait(5000);
            return alertSilenced();
        }(),
        20000);
    QCOMPARE(silenceCount(dialog, u"active"_s), 1);
    QCOMPARE(dialog.silencesModel()->silenceAt(0).createdBy, operatorName());
    const auto rows = m_audited->entries();
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QVERIFY2(rows->at(0).command.startsWith(
                 uR"(alertmanager.silence.create: silence {alertname="DiskAlmostFull", )"_s),
             qPrintable(rows->at(0).command));
    QVERIFY(rows->at(0).risk == Risk::Change);
    QVERIFY(dialog.selectAlert(u"DiskAlmostFull"_s));
    dialog.resize(1000, 640);
    saveScreenshot(dialog, u"dashboard-alerts"_s);

    // Expired again: the silence is no longer active, and the audit log has its row.
    QString id;
    for (int row = 0; row < dialog.silencesModel()->rowCount(); ++row) {
        if (dialog.silencesModel()->silenceAt(row).state == u"active")
            id = dialog.silencesModel()->silenceAt(row).id;
    }
    QVERIFY(dialog.selectSilence(id));
    QVERIFY(dialog.expireButton()->isEnabled());
    dialog.expireSelected();
    QVERIFY(dialog.pendingQuestion());
    confirm(dialog);
    QVERIFY(finished.wait(15000));
    QVERIFY2(finished.last().at(0).toString().isEmpty(), qPrintable(dialog.message()));
    QSignalSpy refreshed(&dialog, &AlertsDialog::refreshed);
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(silenceCount(dialog, u"active"_s), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_audited->entries().value_or(QList<AuditEntry>()).size(), 2, 5000);
}

void AlertsDialogTest::readOnlyModeShowsTheRefusal()
{
    fireAlert(u"ReadOnlyAlert"_s, u"web7:443"_s);
    m_audited->readOnly.setEnabled(true);
    AlertsDialog dialog(m_fixture->alertmanagerUrl(), m_gate.get());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.selectAlert(u"ReadOnlyAlert"_s), 15000);
    const int silencesBefore = dialog.silencesModel()->rowCount();

    // The button is there and enabled; pressing it says why nothing happens.
    QVERIFY(dialog.silenceButton()->isVisible());
    QVERIFY(dialog.silenceButton()->isEnabled());
    QSignalSpy finished(&dialog, &AlertsDialog::actionFinished);
    dialog.silenceButton()->click();
    QCOMPARE(finished.size(), 1);
    const QString reason = m_audited->readOnly.refusal(Risk::Change);
    QVERIFY2(finished.last().at(0).toString().contains(reason),
             qPrintable(finished.last().at(0).toString()));
    QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
    QVERIFY(!dialog.pendingQuestion());
    QVERIFY(!dialog.findChild<SilenceEditor *>());

    dialog.refresh();
    QSignalSpy refreshed(&dialog, &AlertsDialog::refreshed);
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(dialog.silencesModel()->rowCount(), silencesBefore);
    const auto rows = m_audited->entries();
    QVERIFY(rows);
    QVERIFY(rows->isEmpty());
}

void AlertsDialogTest::openedFromTheAlertmanagerCheck()
{
    HealthBoardModel board;
    CheckSpec alerts;
    alerts.id = u"production:alerts"_s;
    alerts.kind = CheckKind::Alerts;
    alerts.category = CheckCategory::Alerts;
    alerts.environment = u"production"_s;
    alerts.title = u"Alertmanager"_s;
    alerts.url = m_fixture->alertmanagerUrl();
    CheckSpec api;
    api.id = u"production/web7/api:health"_s;
    api.environment = u"production"_s;
    api.host = u"web7"_s;
    api.hostAddress = u"web7"_s;
    api.title = u"api health"_s;
    CheckSpec quiet = api;
    quiet.id = u"production/web8/api:health"_s;
    quiet.host = u"web8"_s;
    quiet.hostAddress = u"web8"_s;
    board.setPlan({alerts, api, quiet});
    // Red with an alert about it: its details lead to the alerts too; red without one does not.
    AlertmanagerAlert firing;
    firing.labels = {{u"alertname"_s, u"ApiDown"_s}, {u"instance"_s, u"web7:443"_s}};
    firing.state = u"active"_s;
    board.setAlerts(u"production"_s, {firing});
    for (const QString &id : {api.id, quiet.id})
        board.addResult({id,
                         QDateTime::currentDateTimeUtc(),
                         5,
                         Verdict::Critical,
                         u"connection refused"_s,
                         u"connection refused"_s,
                         {},
                         std::nullopt});
    DashboardPage page(&board, nullptr);
    page.setActionGate(m_gate.get());
    page.resize(1100, 700);
    page.show();
    page.openDetails(api.id);
    QVERIFY(page.details()->alertsButton()->isVisible());
    QCOMPARE(page.details()->alertmanagerUrl(), m_fixture->alertmanagerUrl());
    // The red check names the alert about it, and says whether it is silenced.
    const auto *alertsLine = page.details()->findChild<QLabel *>(u"checkDetailsAlerts"_s);
    QVERIFY(alertsLine);
    QVERIFY(alertsLine->isVisible());
    QVERIFY2(alertsLine->text().contains(u"ApiDown"_s), qPrintable(alertsLine->text()));
    QVERIFY2(!alertsLine->text().contains(u"silenced"_s), qPrintable(alertsLine->text()));
    page.openDetails(quiet.id);
    QVERIFY(!page.details()->alertsButton()->isVisible());
    QVERIFY(!alertsLine->isVisible());
    AlertmanagerAlert silenced = firing;
    silenced.labels.insert(u"severity"_s, u"critical"_s);
    silenced.startsAt = QDateTime(QDate(2026, 3, 1), QTime(7, 45), QTimeZone::utc());
    silenced.silencedBy = {u"3f2a"_s};
    board.setAlerts(u"production"_s, {silenced});
    page.openDetails(api.id);
    QVERIFY(alertsLine->isVisible());
    QCOMPARE(alertsLine->text(), u"Alerts: ApiDown (critical) since 07:45 UTC, silenced"_s);
    page.openDetails(alerts.id);
    QPushButton *button = page.details()->alertsButton();
    QVERIFY(button->isVisible());
    QCOMPARE(page.details()->alertmanagerUrl(), m_fixture->alertmanagerUrl());
    button->click();
    AlertsDialog *dialog = page.alertsDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->client()->baseUrl(), m_fixture->alertmanagerUrl());
    QSignalSpy refreshed(dialog, &AlertsDialog::refreshed);
    QVERIFY(refreshed.wait(15000));
    dialog->close();
    QTRY_VERIFY(!page.alertsDialog());
}

void AlertsDialogTest::cancelledConfirmationCreatesNothing()
{
    fireAlert(u"CancelledAlert"_s, u"web9:443"_s);
    AlertsDialog dialog(m_fixture->alertmanagerUrl(), m_gate.get());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.selectAlert(u"CancelledAlert"_s), 15000);
    const int silencesBefore = dialog.silencesModel()->rowCount();
    SilenceEditor *editor = dialog.silenceSelected();
    QVERIFY(editor);
    editor->commentEdit()->setText(u"only looking"_s);
    editor->okButton()->click();
    QTRY_VERIFY(dialog.pendingQuestion());
    auto *box = qobject_cast<QMessageBox *>(dialog.pendingQuestion());
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!dialog.pendingQuestion());
    QCOMPARE(dialog.message(), AlertsDialog::tr("Not silenced: cancelled."));
    QSignalSpy refreshed(&dialog, &AlertsDialog::refreshed);
    dialog.refresh();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(dialog.silencesModel()->rowCount(), silencesBefore);
    const auto rows = m_audited->entries();
    QVERIFY(rows);
    QVERIFY(rows->isEmpty());
}

void AlertsDialogTest::unreachableAlertmanagerIsNamed()
{
    // A port nobody listens on: the dialog says which URL did not answer, and stays usable.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
    closed.close();
    AlertsDialog dialog(url, m_gate.get());
    QSignalSpy refreshed(&dialog, &AlertsDialog::refreshed);
    dialog.show();
    QVERIFY(refreshed.wait(15000));
    QVERIFY2(dialog.message().contains(u"127.0.0.1"_s), qPrintable(dialog.message()));
    QCOMPARE(dialog.alertsModel()->rowCount(), 0);
}

QTEST_MAIN(AlertsDialogTest)
#include "tst_alertsdialog.moc"
