// SPDX-License-Identifier: GPL-3.0-or-later
// The morning check dialog: an environment's checks run once against an HTTP server in the
// test, the report shown with every check and its values, saved as Markdown and HTML, and
// cancel leaving the unanswered checks unknown.
#include "healthserver.h"
#include "models/health/checkexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "screenshots.h"
#include "widgets/dashboard/morningcheckdialog.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class MorningCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsTheEnvironmentAndShowsTheReport();
    void savesMarkdownAndHtml();
    void cancelLeavesUnknown();

private:
    Workspace workspace(const QString &slowPath) const;

    HealthServer m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_directory;
};

void MorningCheckTest::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

Workspace MorningCheckTest::workspace(const QString &slowPath) const
{
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_server.serverPort());
    const QByteArray text = QString(u"name: Acme\nenvironments:\n"
                                    "  - name: production\n    hosts:\n"
                                    "      - name: web-1\n        metrics: false\n"
                                    "        services:\n"
                                    "          - {name: api, health: %1/healthy}\n"
                                    "          - {name: wiki, health: %1/degraded}\n"
                                    "          - {name: billing, health: %1/error, runbook: "
                                    "Billing outage}\n"
                                    "          - {name: search, health: %1%2}\n"
                                    "  - name: staging\n    hosts:\n"
                                    "      - name: stage-1\n        metrics: false\n"
                                    "        services:\n"
                                    "          - {name: api, health: %1/healthy}\n"_s)
                                .arg(base, slowPath)
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"acme.yaml"_s);
    [&] { QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString())); }();
    return loaded.workspace;
}

void MorningCheckTest::runsTheEnvironmentAndShowsTheReport()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    MorningCheckDialog dialog(&executor, workspace(u"/slow"_s), u"production"_s);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy finished(&dialog, &MorningCheckDialog::finished);
    dialog.show();
    dialog.start();
    QVERIFY(dialog.isRunning());
    QVERIFY(finished.wait(20000));
    const CheckReport &report = dialog.report();
    // Only production's four checks, none of staging's, and after each the dependencies its
    // health document lists (database and redis for healthy, degraded and error; none for slow).
    QCOMPARE(report.plan.size(), 10);
    QCOMPARE(report.results.size(), 10);
    QCOMPARE(report.plan.at(3).id, u"production/web-1/wiki:health"_s);
    QCOMPARE(report.plan.at(5).id, u"production/web-1/wiki:health/redis"_s);
    QCOMPARE(report.plan.at(5).title, u"wiki health / redis"_s);
    QCOMPARE(report.resultFor(report.plan.at(5)).verdict, Verdict::Warning);
    QCOMPARE(report.resultFor(report.plan.at(3)).verdict, Verdict::Warning);
    QCOMPARE(report.overall(), Verdict::Critical);
    const QString shown = dialog.preview()->toPlainText();
    QVERIFY2(shown.contains(u"Morning check: Acme / production"_s), qPrintable(shown));
    QVERIFY(shown.contains(u"Problems"_s));
    QVERIFY(shown.contains(u"billing health"_s));
    QVERIFY(shown.contains(u"runbook: Billing outage"_s));
    QVERIFY2(shown.contains(u"billing health / database: unhealthy: connection refused"_s),
             qPrintable(shown));
    QVERIFY(shown.contains(u"warning 500 ms, critical 1000 ms"_s));
    QVERIFY(!shown.contains(u"staging"_s));
    saveScreenshot(dialog, u"morning-check"_s);
}

void MorningCheckTest::savesMarkdownAndHtml()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    MorningCheckDialog dialog(&executor, workspace(u"/healthy"_s), {});
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy finished(&dialog, &MorningCheckDialog::finished);
    dialog.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(dialog.report().plan.size(), 5 + 2 * 5); // two dependencies each
    QSignalSpy saved(&dialog, &MorningCheckDialog::saved);
    const QString markdown = m_directory.filePath(u"morning.md"_s);
    const QString html = m_directory.filePath(u"morning.html"_s);
    dialog.saveTo(markdown);
    QVERIFY(saved.wait(10000));
    dialog.saveTo(html);
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.at(0).at(1).toBool());
    QVERIFY(saved.at(1).at(1).toBool());
    QFile markdownFile(markdown);
    QVERIFY(markdownFile.open(QIODevice::ReadOnly));
    const QString markdownText = QString::fromUtf8(markdownFile.readAll());
    QVERIFY(markdownText.startsWith(u"# Morning check: Acme\n"_s));
    QVERIFY(markdownText.contains(u"## Environment staging"_s));
    QVERIFY(markdownText.contains(u"| latency |"_s));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QString htmlText = QString::fromUtf8(htmlFile.readAll());
    QVERIFY(htmlText.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(htmlText.contains(u"class=\"verdict critical\""_s));
    // A save into a folder that does not exist says so and writes nothing.
    dialog.saveTo(m_directory.filePath(u"missing/folder/report.md"_s));
    QVERIFY(saved.wait(10000));
    QVERIFY(!saved.at(2).at(1).toBool());
    QVERIFY(!saved.at(2).at(2).toString().isEmpty());
}

void MorningCheckTest::cancelLeavesUnknown()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    MorningCheckDialog dialog(&executor, workspace(u"/hang"_s), u"production"_s);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy finished(&dialog, &MorningCheckDialog::finished);
    dialog.start();
    QTRY_VERIFY(executor.runningCount() == 1); // only the hanging one is left
    QPushButton *cancel = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == u"Cancel Checks"_s)
            cancel = button;
    }
    QVERIFY(cancel);
    cancel->click();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.report().overall(), Verdict::Unknown);
    QVERIFY(dialog.preview()->toPlainText().contains(u"cancelled before it answered"_s));
}

QTEST_MAIN(MorningCheckTest)
#include "tst_morningcheck.moc"
