// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/logs/filteredloglines.h"
#include "models/logs/livelogsource.h"
#include "models/logs/logdocument.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/runbooklibrary.h"
#include "screenshots.h"
#include "stallmeter.h"
#include "widgets/common/appearance.h"
#include "widgets/logs/logfilterpane.h"
#include "widgets/logs/loghighlightrulesdialog.h"
#include "widgets/logs/logpage.h"
#include "widgets/logs/logpatternedit.h"
#include "widgets/logs/logsearchbar.h"
#include "widgets/logs/logsourcepicker.h"
#include "widgets/logs/logtab.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// A syslog-like line; every 97th an error, every 61st a timeout warning.
QByteArray sampleLine(qint64 number)
{
    const QByteArray time = "2024-05-01T12:" + QByteArray::number(10 + number / 3600 % 50) + ':' +
                            QByteArray::number(10 + number / 60 % 50) + ".000Z";
    if (number % 97 == 5)
        return time + " web-1 api[812]: ERROR payment failed order=" + QByteArray::number(number) +
               " code=502";
    if (number % 61 == 3)
        return time + " web-1 api[812]: WARN upstream timeout after 3000 ms request=" +
               QByteArray::number(number);
    return time + " web-1 api[812]: INFO GET /orders/" + QByteArray::number(number) +
           " 200 in 12 ms";
}

qint64 writeSample(const QString &path, qint64 lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    QByteArray chunk;
    for (qint64 i = 0; i < lines; ++i) {
        chunk += sampleLine(i) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return file.size();
}

QList<qint64> errorLines(qint64 lines)
{
    QList<qint64> result;
    for (qint64 i = 0; i < lines; ++i) {
        if (i % 97 == 5)
            result.append(i);
    }
    return result;
}

bool waitForLines(LogTab *tab, qint64 count, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (tab->view()->lineCount() == count && !tab->document()->isIndexing())
            return true;
        QTest::qWait(10);
    }
    return false;
}

LogPattern pattern(const QString &text, LogPattern::Combine combine)
{
    LogPattern result;
    result.text = text;
    result.combine = combine;
    return result;
}

QPoint pointOfLine(const LogView *view, qint64 line)
{
    return {200,
            int(line - view->firstVisibleLine()) * view->lineHeight() + view->lineHeight() / 2};
}

} // namespace

class LogPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void opensAFileAndSearchesWithACount();
    void showsABadExpressionInline();
    void filterPaneJumpsToTheLineInContext();
    void filtersByLevelAndTime();
    void exportsTheFilteredLines();
    void saysWhenTheFileIsTruncatedOrReplaced();
    void addsSelectedLinesToTheIncidentTimeline();
    void followsLiveSourcesMergedByTime();
    void remembersTogglesRulesAndSplit();
    void editsHighlightRulesInTheirDialog();
    void screenshotWithHighlightsAndAFilter();
    void staysResponsiveWhileABigFileIndexesAndSearches();

private:
    QTemporaryDir m_dir;
};

void LogPageTest::init()
{
    QSettings().clear();
}

void LogPageTest::opensAFileAndSearchesWithACount()
{
    const QString path = m_dir.filePath(u"api.log"_s);
    QVERIFY(writeSample(path, 10000) > 0);
    LogPage page(nullptr);
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    LogTab *tab = page.openFile(path);
    QCOMPARE(page.tabCount(), 1);
    QCOMPARE(page.tabs()->tabText(0), u"api.log"_s);
    QVERIFY(waitForLines(tab, 10000));
    QVERIFY2(tab->statusText().contains(u"10,000 lines"_s), qPrintable(tab->statusText()));
    // The same file again shows its tab.
    QCOMPARE(page.openFile(path), tab);
    QCOMPARE(page.tabCount(), 1);

    // Following, the view shows the end; the search goes on from where the user is.
    tab->view()->setFocus();
    QTest::keyClick(tab->view(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(tab->view()->firstVisibleLine(), 0);
    QTest::keyClick(tab->view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(tab->searchBar()->isVisible());
    QLineEdit *field = tab->searchBar()->patternEdit()->field();
    QVERIFY(field->hasFocus());
    QTest::keyClicks(field, u"ERROR"_s);
    // Enter before the search has run: it goes to the first match once found.
    QTest::keyClick(field, Qt::Key_Return);
    const QList<qint64> errors = errorLines(10000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->currentMatch(), errors.at(0), 10000);
    QTRY_VERIFY(!tab->isSearching());
    QCOMPARE(tab->matchCount(), errors.size());
    QCOMPARE(tab->searchBar()->countText(), u"1 of %1"_s.arg(errors.size()));
    QCOMPARE(tab->view()->currentLine(), errors.at(0));

    QTest::keyClick(field, Qt::Key_F3);
    QCOMPARE(tab->view()->currentMatch(), errors.at(1));
    QCOMPARE(tab->searchBar()->countText(), u"2 of %1"_s.arg(errors.size()));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(tab->view()->currentMatch(), errors.at(2));
    QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(tab->view()->currentMatch(), errors.at(0));
    // Before the first: around to the last, and the window says so.
    QSignalSpy messages(&page, &LogPage::message);
    QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(tab->view()->currentMatch(), errors.constLast());
    QCOMPARE(tab->searchBar()->countText(), u"%1 of %1"_s.arg(errors.size()));
    QCOMPARE(messages.size(), 1);
    const auto [first, end] = tab->view()->visibleLineRange();
    QVERIFY(first <= errors.constLast() && errors.constLast() < end);

    // Go to line from anywhere on the page.
    QTest::keyClick(field, Qt::Key_G, Qt::ControlModifier);
    QVERIFY(tab->isGoToLineVisible());
    QTest::keyClicks(QApplication::focusWidget(), u"4242"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!tab->isGoToLineVisible());
    QCOMPARE(tab->view()->currentLine(), 4241);
    QVERIFY(tab->view()->hasFocus());

    // Escape closes the search and its marks.
    tab->activateSearch();
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!tab->searchBar()->isVisible());
    QCOMPARE(tab->view()->currentMatch(), -1);
}

void LogPageTest::showsABadExpressionInline()
{
    const QString path = m_dir.filePath(u"small.log"_s);
    QVERIFY(writeSample(path, 100) > 0);
    LogPage page(nullptr);
    page.show();
    LogTab *tab = page.openFile(path);
    tab->activateSearch();
    LogPatternEdit *edit = tab->searchBar()->patternEdit();
    edit->regularExpressionButton()->setChecked(true);
    QTest::keyClicks(edit->field(), u"code=(50[0-9]"_s);
    QTRY_VERIFY(!tab->searchBar()->problemText().isEmpty());
    QVERIFY2(tab->searchBar()->problemText().startsWith(u"Column "_s),
             qPrintable(tab->searchBar()->problemText()));
    QVERIFY(tab->searchBar()->countText().isEmpty());
    // Fixed, the message goes.
    QTest::keyClick(edit->field(), Qt::Key_ParenRight);
    QTRY_VERIFY(tab->searchBar()->problemText().isEmpty());
    QTRY_VERIFY(!tab->isSearching() && tab->matchCount() == errorLines(100).size());

    // The filter says which of its patterns is wrong.
    page.action(u"filterLog"_s)->setChecked(true);
    LogFilterPane *filter = tab->filterPane();
    QVERIFY(filter->isVisible());
    LogPatternEdit *first = filter->patternEdits().constFirst();
    first->regularExpressionButton()->setChecked(true);
    QTest::keyClicks(first->field(), u"[unclosed"_s);
    QTRY_VERIFY(!filter->problemText().isEmpty());
    QVERIFY2(filter->problemText().startsWith(u"Column "_s), qPrintable(filter->problemText()));
}

void LogPageTest::filterPaneJumpsToTheLineInContext()
{
    const QString path = m_dir.filePath(u"filter.log"_s);
    QVERIFY(writeSample(path, 5000) > 0);
    LogPage page(nullptr);
    page.resize(1100, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 5000));
    page.action(u"filterLog"_s)->setChecked(true);
    LogFilterPane *filter = tab->filterPane();
    QTest::keyClicks(filter->patternEdits().constFirst()->field(), u"payment failed"_s);
    const QList<qint64> errors = errorLines(5000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->filteredLines()->lineCount(), errors.size(), 10000);
    QTRY_VERIFY(filter->statusText().startsWith(u"%1 of 5,000"_s.arg(errors.size())));

    // The filtered view shows the source's line numbers; a click shows that line above.
    LogView *filtered = filter->view();
    QCOMPARE(filtered->lines()->lines(3, 1).constFirst().number, errors.at(3));
    QTest::mouseClick(filtered->viewport(), Qt::LeftButton, {}, pointOfLine(filtered, 3));
    QCOMPARE(tab->view()->currentLine(), errors.at(3));
    const auto [first, end] = tab->view()->visibleLineRange();
    QVERIFY(first < errors.at(3) && errors.at(3) < end);

    // And: only the errors about one order range; Not: drop some.
    filter->addPattern(pattern(u"order=1"_s, LogPattern::Combine::And));
    QList<qint64> expected;
    for (const qint64 line : errors) {
        if (sampleLine(line).contains("order=1"))
            expected.append(line);
    }
    QVERIFY(expected.size() > 3 && expected.size() < errors.size());
    QTRY_COMPARE_WITH_TIMEOUT(tab->filteredLines()->lineCount(), expected.size(), 10000);
    filter->addPattern(pattern(u"order=10"_s, LogPattern::Combine::Not));
    qsizetype withoutTens = 0;
    for (const qint64 line : expected)
        withoutTens += sampleLine(line).contains("order=10") ? 0 : 1;
    QVERIFY(withoutTens < expected.size());
    QTRY_COMPARE_WITH_TIMEOUT(tab->filteredLines()->lineCount(), withoutTens, 10000);
}

void LogPageTest::filtersByLevelAndTime()
{
    const QString path = m_dir.filePath(u"levels.log"_s);
    QVERIFY(writeSample(path, 3000) > 0);
    LogPage page(nullptr);
    page.resize(1100, 800);
    page.show();
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 3000));
    QTRY_VERIFY(tab->document()->format() != LogFormat::Plain);
    page.action(u"filterLog"_s)->setChecked(true);
    LogFilterPane *filter = tab->filterPane();

    // Warnings and errors.
    LogQuery query;
    query.minimumLevel = LogLevel::Warning;
    filter->setQuery(query);
    Q_EMIT filter->queryChanged();
    qsizetype warnings = 0;
    for (qint64 i = 0; i < 3000; ++i)
        warnings += (i % 97 == 5 || i % 61 == 3) ? 1 : 0;
    QTRY_VERIFY_WITH_TIMEOUT(tab->canExport(), 10000);
    QCOMPARE(tab->filteredLines()->lineCount(), warnings);

    // A time range: seconds 30 to 40 of 12:10 are lines 1200 to 1859.
    query = {};
    query.since = QDateTime(QDate(2024, 5, 1), QTime(12, 10, 30), Qt::UTC);
    query.until = QDateTime(QDate(2024, 5, 1), QTime(12, 10, 40), Qt::UTC);
    filter->setQuery(query);
    Q_EMIT filter->queryChanged();
    QTRY_COMPARE_WITH_TIMEOUT(tab->filteredLines()->lineCount(), 1860 - 1200, 10000);
    QCOMPARE(tab->filteredLines()->sourceLine(0), 1200);
    QCOMPARE(filter->query().since, query.since);
}

void LogPageTest::exportsTheFilteredLines()
{
    const QString path = m_dir.filePath(u"export.log"_s);
    QVERIFY(writeSample(path, 3000) > 0);
    LogPage page(nullptr);
    page.show();
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 3000));
    page.action(u"filterLog"_s)->setChecked(true);
    QTest::keyClicks(tab->filterPane()->patternEdits().constFirst()->field(), u"ERROR"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tab->canExport(), 10000);
    QSignalSpy exported(tab, &LogTab::exported);
    const QString destination = m_dir.filePath(u"errors.log"_s);
    tab->exportFilteredTo(destination);
    QVERIFY(exported.wait(10000));
    const auto result = exported.constFirst().constFirst().value<LogExportResult>();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected;
    for (const qint64 line : errorLines(3000))
        expected += sampleLine(line) + '\n';
    QFile file(destination);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(result.lines, errorLines(3000).size());
}

void LogPageTest::saysWhenTheFileIsTruncatedOrReplaced()
{
    const QString path = m_dir.filePath(u"rotating.log"_s);
    QVERIFY(writeSample(path, 1000) > 0);
    LogPage page(nullptr);
    page.show();
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 1000));
    QVERIFY(tab->isFollowing());
    QVERIFY(tab->infoText().isEmpty());
    tab->activateSearch();
    QTest::keyClicks(tab->searchBar()->patternEdit()->field(), u"ERROR"_s);
    QTRY_COMPARE_WITH_TIMEOUT(tab->matchCount(), errorLines(1000).size(), 10000);

    // copytruncate: the file starts again, shorter.
    QVERIFY(writeSample(path, 10) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->infoText().isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 10, 5000);
    // What was found is searched again in the new content.
    QTRY_COMPARE_WITH_TIMEOUT(tab->matchCount(), errorLines(10).size(), 10000);

    // Rotation by rename: another file takes the name.
    const QString truncatedMessage = tab->infoText();
    QVERIFY(QFile::rename(path, path + u".1"_s));
    QVERIFY(writeSample(path, 300) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(tab->infoText() != truncatedMessage, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 300, 5000);
    QVERIFY(tab->view()->isStickingToEnd());
    page.resize(900, 400);
    saveScreenshot(page, u"logs-file-replaced"_s);
}

void LogPageTest::addsSelectedLinesToTheIncidentTimeline()
{
    StateStore store;
    store.open(m_dir.filePath(u"state.sqlite"_s));
    AuditLog auditLog(&store);
    IncidentStore incidents(&store);
    ReadOnlyMode readOnly(false);
    CommandRunner runner(&auditLog, &readOnly);
    RunbookLibrary library;
    IncidentResponse response(
        &incidents, &runner, [](const QString &) { return nullptr; }, &library);

    const QString path = m_dir.filePath(u"incident.log"_s);
    QVERIFY(writeSample(path, 200) > 0);
    LogPage page(&response);
    page.resize(1000, 600);
    page.show();
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 200));
    QAction *add = page.action(u"addLogToTimeline"_s);
    tab->view()->selectLines(5, 7);
    QVERIFY(!add->isEnabled()); // no incident yet

    Incident incident;
    incident.title = u"Payments fail"_s;
    incident.severity = IncidentSeverity::Sev2;
    QVERIFY(response.declare(incident));
    QTRY_VERIFY_WITH_TIMEOUT(response.incident()->isActive(), 5000);
    QTRY_VERIFY(add->isEnabled());
    add->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(response.incident()->events().size(), 2, 5000);
    const IncidentEvent &quoted = response.incident()->events().constLast();
    QVERIFY(quoted.kind == IncidentEvent::Kind::Note);
    QCOMPARE(quoted.summary, u"Log lines 6–8 of %1"_s.arg(QDir::toNativeSeparators(path)));
    QCOMPARE(quoted.output,
             QString::fromUtf8(sampleLine(5) + '\n' + sampleLine(6) + '\n' + sampleLine(7)));
}

void LogPageTest::followsLiveSourcesMergedByTime()
{
    // Two files of this computer followed with tail -F through the command runner, as a
    // remote host's would be through SSH.
    StateStore store;
    store.open(m_dir.filePath(u"live-state.sqlite"_s));
    AuditLog auditLog(&store);
    ReadOnlyMode readOnly(true); // following is reading: it runs in read-only mode too
    CommandRunner runner(&auditLog, &readOnly);
    LocalExecutor local(u"box"_s);
    const QString apiPath = m_dir.filePath(u"live-api.log"_s);
    const QString workerPath = m_dir.filePath(u"live-worker.log"_s);
    const auto write = [](const QString &path, const QByteArray &text, QIODevice::OpenMode mode) {
        QFile file(path);
        return file.open(mode) && file.write(text) == text.size();
    };
    QVERIFY(write(apiPath,
                  "2024-05-01T12:00:01.000Z INFO api one\n"
                  "2024-05-01T12:00:03.000Z ERROR api three\n",
                  QIODevice::WriteOnly));
    QVERIFY(write(workerPath,
                  "2024-05-01T12:00:02.000Z INFO worker two\n"
                  "2024-05-01T12:00:04.000Z INFO worker four\n",
                  QIODevice::WriteOnly));
    Workspace workspace;
    Environment environment;
    environment.name = u"here"_s;
    Host host;
    host.name = u"box"_s;
    host.connection = ConnectionKind::Local;
    host.logs = {{u"api"_s, LogSource::Kind::File, apiPath, {}},
                 {u"worker"_s, LogSource::Kind::File, workerPath, {}}};
    environment.hosts = {host};
    workspace.environments = {environment};

    LogPage page(nullptr, &runner, [&local](const QString &) { return &local; });
    page.resize(1000, 500);
    page.show();
    page.setWorkspace(workspace);
    LogTab *tab = page.openLive({{u"box"_s, u"api"_s}, {u"box"_s, u"worker"_s}});
    QVERIFY(tab);
    QCOMPARE(page.tabCount(), 1);
    QCOMPARE(tab->liveSources().size(), 2);
    QCOMPARE(tab->lines()->sourceNames(), (QStringList{u"box api"_s, u"box worker"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 4, 15000);
    const auto texts = [tab] {
        QStringList result;
        for (const LogLine &line : tab->lines()->lines(0, tab->lines()->lineCount()))
            result.append(QString::fromUtf8(line.text).section(u' ', -1) + u'@' +
                          QString::number(line.source));
        return result;
    };
    // Ordered by the time each line states, each tagged with its source.
    QCOMPARE(texts(), (QStringList{u"one@0"_s, u"two@1"_s, u"three@0"_s, u"four@1"_s}));
    QVERIFY2(tab->statusText().contains(u"box api: Following"_s), qPrintable(tab->statusText()));

    // New lines arrive while following.
    QVERIFY(write(workerPath, "2024-05-01T12:00:05.000Z INFO worker five\n", QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 5, 15000);
    QVERIFY(tab->view()->isStickingToEnd());

    // Follow off pauses the sources: lines wait, and come when it is on again.
    page.action(u"followLog"_s)->setChecked(false);
    QTRY_VERIFY(std::ranges::all_of(
        tab->liveSources(), [](const LiveLogSource *source) { return source->isPaused(); }));
    QVERIFY(write(apiPath, "2024-05-01T12:00:06.000Z INFO api six\n", QIODevice::Append));
    QTRY_COMPARE_WITH_TIMEOUT(tab->liveSources().constFirst()->heldLineCount(), 1, 15000);
    QCOMPARE(tab->view()->lineCount(), 5);
    QVERIFY2(tab->statusText().contains(u"waiting"_s), qPrintable(tab->statusText()));
    page.action(u"followLog"_s)->setChecked(true);
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->lineCount(), 6, 15000);
    QCOMPARE(texts().constLast(), u"six@0"_s);
    saveScreenshot(page, u"logs-live-merged"_s);

    // Closing the tab stops the streams.
    QPointer<LiveLogSource> source = tab->liveSources().constFirst();
    page.tabs()->tabCloseRequested(0);
    QTRY_VERIFY(!source);
    QCOMPARE(page.tabCount(), 0);

    // The same through the picker the toolbar's menu opens.
    QVERIFY(page.action(u"openMergedLogs"_s)->isEnabled());
    page.action(u"openMergedLogs"_s)->trigger();
    auto *picker = page.findChild<LogSourcePicker *>();
    QVERIFY(picker);
    auto *ok = picker->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    picker->setChosen({u"box"_s, u"api"_s}, true);
    picker->setChosen({u"box"_s, u"worker"_s}, true);
    QVERIFY(ok->isEnabled());
    saveScreenshot(*picker, u"logs-merge-picker"_s);
    ok->click();
    QCOMPARE(page.tabCount(), 1);
    QCOMPARE(page.currentTab()->liveSources().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(page.currentTab()->view()->lineCount(), 6, 15000);
}

void LogPageTest::remembersTogglesRulesAndSplit()
{
    const QString path = m_dir.filePath(u"remember.log"_s);
    QVERIFY(writeSample(path, 100) > 0);
    LogHighlightRule rule;
    rule.pattern.text = u"timeout"_s;
    rule.colour = QColor(0xfb8c00);
    QList<int> sizes;
    {
        LogPage page(nullptr);
        page.resize(1000, 800);
        page.show();
        LogTab *tab = page.openFile(path);
        QVERIFY(page.action(u"followLog"_s)->isChecked()); // on at first
        QVERIFY(tab->isFollowing());
        page.action(u"followLog"_s)->setChecked(false);
        QVERIFY(!tab->isFollowing());
        page.action(u"filterLog"_s)->setChecked(true);
        page.setHighlightRules({rule});
        QCOMPARE(tab->view()->highlightRules(), QList<LogHighlightRule>{rule});
        tab->searchBar()->patternEdit()->caseSensitiveButton()->setChecked(true);
        tab->activateSearch();
        QTest::keyClicks(tab->searchBar()->patternEdit()->field(), u"x"_s);
        QTRY_VERIFY(QSettings().value(u"logsPage/searchCaseSensitive"_s).toBool());
        tab->closeSearch();
        tab->splitter()->setSizes({500, 250});
        QCoreApplication::processEvents();
        sizes = tab->splitter()->sizes();
        Q_EMIT tab->splitter()->splitterMoved(500, 1);
    }
    LogPage page(nullptr);
    page.resize(1000, 800);
    page.show();
    QVERIFY(!page.action(u"followLog"_s)->isChecked());
    QVERIFY(page.action(u"filterLog"_s)->isChecked());
    QCOMPARE(page.highlightRules(), QList<LogHighlightRule>{rule});
    LogTab *tab = page.openFile(path);
    QVERIFY(!tab->isFollowing());
    QVERIFY(tab->isFilterVisible());
    QCOMPARE(tab->view()->highlightRules(), QList<LogHighlightRule>{rule});
    QVERIFY(tab->searchBar()->patternEdit()->caseSensitiveButton()->isChecked());
    QCoreApplication::processEvents();
    // The filter keeps its height (within what a differently filled status line may take).
    const QList<int> restored = tab->splitter()->sizes();
    QVERIFY2(std::abs(restored.at(1) - sizes.at(1)) <= 12,
             qPrintable(u"%1 became %2"_s.arg(sizes.at(1)).arg(restored.at(1))));
}

void LogPageTest::editsHighlightRulesInTheirDialog()
{
    LogPage page(nullptr);
    page.show();
    page.action(u"logHighlightRules"_s)->trigger();
    auto *dialog = page.findChild<LogHighlightRulesDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->rowCount(), 0);
    dialog->findChild<QPushButton *>(u"logHighlightAddRule"_s)->click();
    dialog->findChild<QPushButton *>(u"logHighlightAddRule"_s)->click();
    QCOMPARE(dialog->rowCount(), 2);
    const QList<LogPatternEdit *> edits = dialog->findChildren<LogPatternEdit *>();
    QCOMPARE(edits.size(), 2);
    QTest::keyClicks(edits.at(0)->field(), u"timeout"_s);
    edits.at(1)->regularExpressionButton()->setChecked(true);
    QTest::keyClicks(edits.at(1)->field(), u"code=5[0-9]{2}"_s);
    dialog->findChildren<QComboBox *>().at(1)->setCurrentIndex(1); // matching text only
    saveScreenshot(*dialog, u"log-highlight-rules"_s);
    dialog->accept();
    const QList<LogHighlightRule> rules = page.highlightRules();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).pattern.text, u"timeout"_s);
    QVERIFY(rules.at(0).wholeLine);
    QCOMPARE(rules.at(1).pattern.text, u"code=5[0-9]{2}"_s);
    QVERIFY(rules.at(1).pattern.regularExpression);
    QVERIFY(!rules.at(1).wholeLine);
    QVERIFY(rules.at(0).colour != rules.at(1).colour);
    // Kept in the settings for the next start.
    QCOMPARE(highlightRulesFromSettings(QSettings().value(u"logsPage/highlightRules"_s)), rules);

    // Opened again, it shows them; an emptied pattern drops its rule.
    page.action(u"logHighlightRules"_s)->trigger();
    QTRY_VERIFY(page.findChildren<LogHighlightRulesDialog *>().size() == 1);
    dialog = page.findChild<LogHighlightRulesDialog *>();
    QCOMPARE(dialog->rowCount(), 2);
    dialog->findChildren<LogPatternEdit *>().at(0)->field()->clear();
    dialog->accept();
    QCOMPARE(page.highlightRules().size(), 1);
}

void LogPageTest::screenshotWithHighlightsAndAFilter()
{
    const QString path = m_dir.filePath(u"api-2024-05-01.log"_s);
    QVERIFY(writeSample(path, 400) > 0);
    LogPage page(nullptr);
    page.resize(1180, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    LogTab *tab = page.openFile(path);
    QVERIFY(waitForLines(tab, 400));
    LogHighlightRule timeout;
    timeout.pattern.text = u"timeout"_s;
    timeout.colour = QColor(0xfb8c00);
    LogHighlightRule orders;
    orders.pattern.text = u"order=[0-9]+"_s;
    orders.pattern.regularExpression = true;
    orders.colour = QColor(0x1e88e5);
    orders.wholeLine = false;
    page.setHighlightRules({timeout, orders});
    page.action(u"filterLog"_s)->setChecked(true);
    tab->splitter()->setSizes({430, 230});
    QTest::keyClicks(tab->filterPane()->patternEdits().constFirst()->field(), u"ERROR"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tab->canExport(), 10000);
    tab->activateSearch();
    QTest::keyClicks(tab->searchBar()->patternEdit()->field(), u"502"_s);
    QTest::keyClick(tab->searchBar()->patternEdit()->field(), Qt::Key_Return);
    QTRY_VERIFY(!tab->isSearching() && tab->view()->currentMatch() >= 0);
    QTest::keyClick(tab->searchBar()->patternEdit()->field(), Qt::Key_F3);
    tab->view()->toggleBookmark(tab->view()->firstVisibleLine() + 2);
    tab->view()->setFocus();
    saveScreenshot(page, u"logs"_s);
    // The same on the dark palette: every colour of the view must still read.
    page.setPalette(Appearance::darkPalette());
    saveScreenshot(page, u"logs-dark"_s);
}

void LogPageTest::staysResponsiveWhileABigFileIndexesAndSearches()
{
    // About 200 MB: a few seconds of work for both cores, and none of it on the GUI thread.
    QTemporaryDir big(QDir::tempPath() + u"/opsdeck-logpage-XXXXXX"_s);
    const QString path = big.filePath(u"big.log"_s);
    const qint64 lines = 2600000;
    const qint64 size = writeSample(path, lines);
    QVERIFY(size > 190 * 1000 * 1000);

    LogPage page(nullptr);
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    LogTab *tab = page.openFile(path);
    const qint64 openMs = clock.elapsed();
    QVERIFY2(openMs < 100, qPrintable(u"opening took %1 ms"_s.arg(openMs)));
    // The first lines are there before indexing ends.
    QTRY_VERIFY_WITH_TIMEOUT(tab->view()->lineCount() > 100, 2000);
    const qint64 lastError = lines - 1 - (lines - 1 - 5) % 97;
    tab->activateSearch();
    QTest::keyClicks(tab->searchBar()->patternEdit()->field(), u"order=%1 "_s.arg(lastError));
    QTest::keyClick(tab->searchBar()->patternEdit()->field(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->document()->isIndexing(), 120000);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isSearching() && tab->matchCount() == 1, 120000);
    QCOMPARE(tab->view()->lineCount(), lines);
    QCOMPARE(tab->view()->currentMatch(), lastError);
    QCOMPARE(tab->matchCount(), 1);
    // Scrolled end to end meanwhile: every paint reads only what is on screen.
    tab->view()->scrollToEnd();
    tab->view()->grab();
    tab->view()->scrollToLine(lines / 2, LogView::ScrollHint::Center);
    tab->view()->grab();
    qInfo("indexed and searched %lld MB in %lld ms; longest stall %lld ms", size / 1000000,
          clock.elapsed(), meter.longestMs());
    QVERIFY2(meter.longestMs() < 100,
             qPrintable(u"the window froze for %1 ms"_s.arg(meter.longestMs())));

    // Cancel stops indexing at once; the lines read so far (none, this early) stay readable.
    LogPage another(nullptr);
    another.show();
    LogTab *cancelled = another.openFile(path);
    QVERIFY(cancelled->document()->isIndexing());
    QSignalSpy messages(&another, &LogPage::message);
    auto *cancel = cancelled->findChild<QPushButton *>(u"logIndexingCancel"_s);
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(!cancelled->document()->isIndexing());
    QVERIFY(!cancelled->isIndexingShown());
    QCOMPARE(messages.size(), 1);
    QVERIFY(cancelled->view()->lineCount() < lines);
    cancelled->view()->grab();
}

QTEST_MAIN(LogPageTest)
#include "tst_logpage.moc"
