// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "models/persistence/statestore.h"
#include "screenshots.h"
#include "statetesting.h"
#include "testfiles.h"
#include "widgets/common/appearance.h"
#include "widgets/incidents/communicationpanel.h"
#include "widgets/incidents/incidentreportpanel.h"
#include "widgets/incidents/incidenttimelinepanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString Title = u"Checkout API answers 502"_s;
// Characters HTML must escape, in a command people really run.
const QString FailingCommand = u"grep -c '<none>' /var/log/app.log && echo done"_s;
const QString HealthyCommand = u"systemctl is-active nginx"_s;

// Forty lines: more than the digest shows, so the detail pane must show the rest.
QString longOutput()
{
    QStringList lines;
    for (int line = 1; line <= 40; ++line)
        lines.append(u"upstream timed out (line %1)"_s.arg(line));
    return lines.join(u'\n') + u'\n';
}

CommandResult exited(int exitCode, qint64 durationMs)
{
    CommandResult result;
    result.outcome = CommandResult::Outcome::Exited;
    result.exitCode = exitCode;
    result.durationMs = durationMs;
    return result;
}

QList<IncidentEvent> eventsOf(const IncidentSession &session, IncidentEvent::Kind kind)
{
    QList<IncidentEvent> found;
    for (const IncidentEvent &event : session.events()) {
        if (event.kind == kind)
            found.append(event);
    }
    return found;
}

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

} // namespace

class IncidentPanelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void timelineAddsNotesShowsDetailsAndFilters();
    void timelineFollowsNewestUnlessScrolledUp();
    void timelineWithoutIncidentTakesNoNotes();
    void communicationFillsEditsAndCopies();
    void reportSavesFieldsWithoutOverwritingTyping();
    void reportExportsMarkdownAndHtml();

private:
    bool waitForCount(int events);

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<IncidentStore> m_incidents;
    std::unique_ptr<IncidentSession> m_session;
};

void IncidentPanelsTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
    QLocale::setDefault(QLocale::c());
}

void IncidentPanelsTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(StateTesting::openStore(*m_store, m_directory->filePath(u"state.sqlite"_s), &error),
             qPrintable(error));
    m_incidents = std::make_unique<IncidentStore>(m_store.get());

    m_session = std::make_unique<IncidentSession>(m_incidents.get());
    m_session->setAuthor(u"dana"_s);
    Incident incident;
    incident.title = Title;
    incident.severity = IncidentSeverity::Sev2;
    incident.services = {u"checkout"_s, u"payments"_s};
    incident.commander = u"Dana Ortiz"_s;
    QVERIFY(m_session->declare(incident));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->hasIncident(), 10000);
    QCOMPARE(m_session->events().size(), 1);
}

void IncidentPanelsTest::cleanup()
{
    m_session.reset();
    m_incidents.reset();
    m_store.reset();
    m_directory.reset();
}

bool IncidentPanelsTest::waitForCount(int events)
{
    const bool reached =
        QTest::qWaitFor([&] { return m_session->events().size() >= events; }, 10000);
    if (m_session->events().size() != events)
        qWarning() << "expected" << events << "events, have" << m_session->events().size();
    return reached && m_session->events().size() == events;
}

void IncidentPanelsTest::timelineAddsNotesShowsDetailsAndFilters()
{
    IncidentTimelinePanel panel(m_session.get());
    QTableView *view = panel.view();
    new QAbstractItemModelTester(view->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, view);
    panel.resize(1040, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, IncidentTimelineModel::KindColumn).data().toString(),
             u"Declared"_s);

    // A note through the button; the button waits for some text.
    QVERIFY(panel.noteEdit()->isEnabled());
    QVERIFY(!panel.addNoteButton()->isEnabled());
    QTest::keyClicks(panel.noteEdit(), u"Error rate at 30 percent since the 14:00 deploy"_s);
    QVERIFY(panel.addNoteButton()->isEnabled());
    QTest::mouseClick(panel.addNoteButton(), Qt::LeftButton);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(1, IncidentTimelineModel::SummaryColumn).data().toString(),
             u"Error rate at 30 percent since the 14:00 deploy"_s);
    QCOMPARE(panel.noteEdit()->text(), QString());

    // Return adds too; blanks alone are ignored without complaint.
    QSignalSpy failed(m_session.get(), &IncidentSession::failed);
    QTest::keyClicks(panel.noteEdit(), u"   "_s);
    QTest::keyClick(panel.noteEdit(), Qt::Key_Return);
    QTest::keyClicks(panel.noteEdit(), u"Rolling back to 1.4.1"_s);
    QTest::keyClick(panel.noteEdit(), Qt::Key_Return);
    QVERIFY(waitForCount(3));
    QCOMPARE(eventsOf(*m_session, IncidentEvent::Kind::Note).constLast().summary,
             u"Rolling back to 1.4.1"_s);
    QCOMPARE(failed.size(), 0);

    // Step runs: a failing one with long output, a healthy one.
    QVERIFY(m_session->recordStepRun(u"web-1"_s, FailingCommand, exited(1, 1200), longOutput()));
    QVERIFY(m_session->recordStepRun(u"web-2"_s, HealthyCommand, exited(0, 80), u"active\n"_s));
    QVERIFY(m_session->setSeverity(IncidentSeverity::Sev1));
    QVERIFY(m_session->recordEscalation(u"Platform Lead"_s, u"paged"_s));
    QVERIFY(waitForCount(7));
    QCOMPARE(view->model()->rowCount(), 7);
    const QAbstractItemModel *shown = view->model();
    QCOMPARE(shown->index(3, IncidentTimelineModel::ExitColumn).data().toString(), u"1"_s);
    QVERIFY(shown->index(3, IncidentTimelineModel::SummaryColumn)
                .data(Qt::ForegroundRole)
                .isValid()); // failed: error colour
    QVERIFY(!shown->index(4, IncidentTimelineModel::SummaryColumn)
                 .data(Qt::ForegroundRole)
                 .isValid()); // exit 0
    QVERIFY(!shown->index(1, IncidentTimelineModel::SummaryColumn)
                 .data(Qt::ForegroundRole)
                 .isValid()); // a note

    // The detail pane shows the selected step in full: the digest would cut line 20.
    view->selectRow(3);
    const QString detail = panel.detailView()->toPlainText();
    QVERIFY2(detail.startsWith(u"$ "_s + FailingCommand), qPrintable(detail));
    QVERIFY(detail.contains(u"upstream timed out (line 20)"_s));
    QVERIFY(detail.contains(u"upstream timed out (line 40)"_s));
    auto *detailHeader = panel.findChild<QLabel *>(u"timelineDetailHeader"_s);
    QVERIFY(detailHeader->text().contains(u"web-1"_s));
    QVERIFY(detailHeader->text().contains(u"exit 1"_s));
    QVERIFY(detailHeader->text().contains(u"dana"_s));
    // A note shows its text.
    view->selectRow(2);
    QCOMPARE(panel.detailView()->toPlainText(), u"Rolling back to 1.4.1"_s);

    // Ctrl+C: the selected rows, tab-separated, in the order shown.
    view->selectRow(1);
    view->selectionModel()->select(shown->index(3, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->setFocus();
    QApplication::clipboard()->clear();
    QTest::keySequence(view, QKeySequence::Copy);
    const QStringList copied = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(copied.size(), 3); // two lines and the empty rest after the last line break
    QCOMPARE(copied.at(2), QString());
    const QStringList noteCells = copied.at(0).split(u'\t');
    QCOMPARE(noteCells.size(), int(IncidentTimelineModel::ColumnCount));
    QCOMPARE(noteCells.at(IncidentTimelineModel::KindColumn), u"Note"_s);
    QCOMPARE(noteCells.at(IncidentTimelineModel::ElapsedColumn).left(2), u"T+"_s);
    const QStringList stepCells = copied.at(1).split(u'\t');
    QVERIFY(stepCells.at(IncidentTimelineModel::SummaryColumn).startsWith(FailingCommand));
    QCOMPARE(stepCells.at(IncidentTimelineModel::HostColumn), u"web-1"_s);
    QCOMPARE(stepCells.at(IncidentTimelineModel::ExitColumn), u"1"_s);
    QCOMPARE(QApplication::clipboard()->text(), panel.selectionAsText());

    // Kind filter.
    auto *count = panel.findChild<QLabel *>(u"timelineCount"_s);
    QCOMPARE(count->text(), u"7 event(s)"_s);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::Steps);
    QCOMPARE(panel.kindFilter()->currentText(), u"Steps"_s);
    QCOMPARE(columnTexts(shown, IncidentTimelineModel::HostColumn),
             (QStringList{u"web-1"_s, u"web-2"_s}));
    QCOMPARE(count->text(), u"2 of 7 event(s)"_s);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::Notes);
    QCOMPARE(shown->rowCount(), 2);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::StatusAndSeverity);
    QCOMPARE(columnTexts(shown, IncidentTimelineModel::KindColumn),
             (QStringList{u"Declared"_s, u"Severity"_s}));
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::Escalations);
    QCOMPARE(shown->rowCount(), 1);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::Communication);
    QCOMPARE(shown->rowCount(), 0);
    // An event of a hidden kind does not show up.
    QVERIFY(m_session->addNote(u"Still investigating"_s));
    QVERIFY(waitForCount(8));
    QCOMPARE(shown->rowCount(), 0);

    // Text filter: summary, host and the command, case-insensitive; combined with the kind.
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::All);
    QCOMPARE(shown->rowCount(), 8);
    panel.filterEdit()->setText(u"WEB-2"_s);
    QCOMPARE(columnTexts(shown, IncidentTimelineModel::HostColumn), (QStringList{u"web-2"_s}));
    panel.filterEdit()->setText(u"<none>"_s);
    QCOMPARE(shown->rowCount(), 1);
    panel.filterEdit()->setText(u"rolling back"_s);
    QCOMPARE(shown->rowCount(), 1);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::Steps);
    QCOMPARE(shown->rowCount(), 0);
    panel.setKindFilter(IncidentTimelinePanel::KindFilter::All);
    panel.filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 8);

    // The screenshot: a failed step selected, its output below, another one in red.
    QVERIFY(m_session->recordStepRun(u"db-1"_s, u"pg_isready -h db-1"_s, exited(2, 310),
                                     u"db-1:5432 - no response\n"_s));
    QVERIFY(waitForCount(9));
    QVERIFY(shown->index(8, IncidentTimelineModel::HostColumn).data(Qt::ForegroundRole).isValid());
    view->selectRow(3);
    view->setFocus();
    saveScreenshot(panel, u"incident-timeline-panel"_s);
    Appearance::apply(u"dark"_s);
    saveScreenshot(panel, u"incident-timeline-panel-dark"_s);
    Appearance::apply(u"system"_s);
}

void IncidentPanelsTest::timelineFollowsNewestUnlessScrolledUp()
{
    IncidentTimelinePanel panel(m_session.get());
    panel.resize(800, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QScrollBar *bar = panel.view()->verticalScrollBar();

    for (int note = 1; note <= 40; ++note)
        QVERIFY(m_session->addNote(u"Note %1"_s.arg(note)));
    QVERIFY(waitForCount(41));
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum()); // followed to the newest line

    // Scrolled up to read: new lines leave the place alone.
    bar->setValue(0);
    QVERIFY(m_session->addNote(u"Another note"_s));
    QVERIFY(waitForCount(42));
    QCOMPARE(bar->value(), 0);

    // Back at the bottom: following again.
    bar->setValue(bar->maximum());
    QVERIFY(m_session->addNote(u"And one more"_s));
    QVERIFY(waitForCount(43));
    QCOMPARE(bar->value(), bar->maximum());
    const QModelIndex last = panel.view()->model()->index(42, 0);
    QVERIFY(panel.view()->viewport()->rect().contains(panel.view()->visualRect(last)));
}

void IncidentPanelsTest::timelineWithoutIncidentTakesNoNotes()
{
    IncidentSession empty(m_incidents.get());
    IncidentTimelinePanel panel(&empty);
    QVERIFY(!panel.noteEdit()->isEnabled());
    QVERIFY(!panel.addNoteButton()->isEnabled());
    QCOMPARE(panel.view()->model()->rowCount(), 0);

    // Resuming the incident brings its lines and the note line.
    QVERIFY(empty.resume(m_session->incident().id));
    QTRY_VERIFY(empty.hasIncident());
    QVERIFY(panel.noteEdit()->isEnabled());
    QCOMPARE(panel.view()->model()->rowCount(), 1);

    // Closed: the timeline takes no more notes.
    QVERIFY(empty.setStatus(IncidentStatus::Closed));
    QTRY_VERIFY(!empty.isActive());
    QVERIFY(!panel.noteEdit()->isEnabled());
    QVERIFY(panel.noteEdit()->placeholderText().contains(empty.incident().reference()));
}

void IncidentPanelsTest::communicationFillsEditsAndCopies()
{
    CommunicationPanel panel(m_session.get());
    panel.resize(900, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QListWidget *chooser = panel.templateChooser();
    QCOMPARE(chooser->count(), 4);
    QCOMPARE(chooser->currentRow(), 0);
    QCOMPARE(chooser->item(3)->text(), u"Customer notice"_s);
    auto *source = panel.findChild<QLabel *>(u"communicationSource"_s);
    QVERIFY(source->text().contains(u"default"_s));
    auto *hint = panel.findChild<QLabel *>(u"communicationHint"_s);
    QVERIFY(hint->text().contains(u"{root_cause}"_s));
    QVERIFY(hint->text().contains(u"templates:"_s));

    // The declaration, filled.
    const QString reference = m_session->incident().reference();
    QVERIFY(panel.editor()->toPlainText().contains(reference + u": "_s + Title));
    QVERIFY(panel.editor()->toPlainText().contains(u"SEV-2"_s));
    QVERIFY(!panel.editor()->toPlainText().contains(u"{title}"_s));

    // The workspace's own update text.
    panel.setTemplates(CommunicationTemplates({{u"update"_s, u"Update on {title}: {status}"_s}}));
    chooser->setCurrentRow(1);
    QVERIFY(panel.currentTemplate() == CommunicationTemplate::Update);
    QCOMPARE(panel.editor()->toPlainText(), u"Update on "_s + Title + u": Investigating"_s);
    QVERIFY(source->text().contains(u"workspace"_s));
    QVERIFY(!panel.isEdited());

    // Not edited: it follows the incident.
    QVERIFY(m_session->setStatus(IncidentStatus::Identified));
    QTRY_COMPARE(panel.editor()->toPlainText(), u"Update on "_s + Title + u": Identified"_s);

    // Edited: it stays as the user left it, also while switching templates, until Fill again.
    panel.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(panel.editor(), u". Fix is rolling out"_s);
    QVERIFY(panel.isEdited());
    QCOMPARE(chooser->item(1)->text(), u"Update (edited)"_s);
    const QString edited = u"Update on "_s + Title + u": Identified. Fix is rolling out"_s;
    QVERIFY(m_session->setStatus(IncidentStatus::Monitoring));
    QTRY_VERIFY(m_session->incident().status == IncidentStatus::Monitoring);
    QCOMPARE(panel.editor()->toPlainText(), edited);
    chooser->setCurrentRow(2);
    QVERIFY(panel.editor()->toPlainText().contains(u"RESOLVED"_s));
    chooser->setCurrentRow(1);
    QCOMPARE(panel.editor()->toPlainText(), edited);
    QTest::mouseClick(panel.fillAgainButton(), Qt::LeftButton);
    QCOMPARE(panel.editor()->toPlainText(), u"Update on "_s + Title + u": Monitoring"_s);
    QVERIFY(!panel.isEdited());
    QCOMPARE(chooser->item(1)->text(), u"Update"_s);

    // Copy: the clipboard gets the text, the timeline a Communication line with it.
    chooser->setCurrentRow(0);
    panel.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(panel.editor(), u"Status page: https://status.example.com"_s);
    const QString message = panel.editor()->toPlainText();
    QApplication::clipboard()->clear();
    const int before = int(m_session->events().size());
    QTest::mouseClick(panel.copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), message);
    QVERIFY(QApplication::clipboard()->text().contains(Title));
    QVERIFY(waitForCount(before + 1));
    const IncidentEvent sent = m_session->events().constLast();
    QVERIFY(sent.kind == IncidentEvent::Kind::Communication);
    QCOMPARE(sent.subject, u"declaration"_s);
    QCOMPARE(sent.output, message);
    auto *status = panel.findChild<QLabel *>(u"communicationStatus"_s);
    QTRY_VERIFY2(status->text().contains(u"noted on the timeline"_s), qPrintable(status->text()));

    saveScreenshot(panel, u"incident-communication-panel"_s);

    // Without an incident nothing can be copied.
    IncidentSession empty(m_incidents.get());
    CommunicationPanel idle(&empty);
    QVERIFY(!idle.copyButton()->isEnabled());
    QVERIFY(idle.editor()->isReadOnly());
    QVERIFY(idle.editor()->toPlainText().contains(u"{title}"_s));
}

void IncidentPanelsTest::reportSavesFieldsWithoutOverwritingTyping()
{
    IncidentReportPanel panel(m_session.get());
    panel.resize(1180, 760);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QVERIFY(panel.fieldEditor(IncidentField::Title) == nullptr);
    QPlainTextEdit *rootCause = panel.fieldEditor(IncidentField::RootCause);
    QPlainTextEdit *impact = panel.fieldEditor(IncidentField::Impact);
    QPlainTextEdit *lessons = panel.fieldEditor(IncidentField::Lessons);
    QVERIFY(rootCause && impact && lessons);
    QVERIFY(!rootCause->placeholderText().isEmpty());
    const auto fieldChanges = [this](IncidentField field) {
        int changes = 0;
        for (const IncidentEvent &event : eventsOf(*m_session, IncidentEvent::Kind::FieldChanged))
            changes += event.subject == incidentFieldId(field) ? 1 : 0;
        return changes;
    };

    // Typed, then the focus moves on: saved once, not per keystroke.
    rootCause->setFocus();
    QTest::keyClicks(rootCause, u"Connection pool exhausted after the deploy"_s);
    QCOMPARE(m_session->incident().rootCause, QString());
    impact->setFocus();
    QTRY_COMPARE(m_session->incident().rootCause, u"Connection pool exhausted after the deploy"_s);
    QCOMPARE(fieldChanges(IncidentField::RootCause), 1);

    // A pause in typing saves too.
    QTest::keyClicks(impact, u"12% of checkouts failed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->incident().impact, u"12% of checkouts failed"_s,
                              IncidentReportPanel::SaveDelayMs + 3000);
    QCOMPARE(fieldChanges(IncidentField::Impact), 1);
    QVERIFY(impact->hasFocus());

    // Changes from elsewhere reach an editor with nothing unsaved...
    QVERIFY(m_session->setDetection(u"Alert: 5xx rate above 5%"_s));
    QTRY_COMPARE(panel.fieldEditor(IncidentField::Detection)->toPlainText(),
                 u"Alert: 5xx rate above 5%"_s);
    // ...but never replace what the user is typing.
    lessons->setFocus();
    QTest::keyClicks(lessons, u"Canary caught nothing"_s);
    QVERIFY(m_session->setLessons(u"Written on another page"_s));
    QTRY_COMPARE(m_session->incident().lessons, u"Written on another page"_s);
    QVERIFY(m_session->addNote(u"Meanwhile, a note"_s));
    QTRY_COMPARE(eventsOf(*m_session, IncidentEvent::Kind::Note).size(), 1);
    QCOMPARE(lessons->toPlainText(), u"Canary caught nothing"_s);
    rootCause->setFocus();
    QTRY_COMPARE(m_session->incident().lessons, u"Canary caught nothing"_s);
    QCOMPARE(lessons->toPlainText(), u"Canary caught nothing"_s);

    // The preview follows the record and the editors.
    QTRY_VERIFY(panel.preview()->toPlainText().contains(u"Canary caught nothing"_s));
    QVERIFY(panel.preview()->toPlainText().contains(Title));
    QVERIFY(panel.preview()->toPlainText().contains(u"Connection pool exhausted"_s));
    QVERIFY(panel.preview()->toPlainText().contains(u"Meanwhile, a note"_s));
    QTest::keyClicks(rootCause, u" (max 20)"_s);
    QTRY_VERIFY(panel.preview()->toPlainText().contains(u"(max 20)"_s));

    QCOMPARE(panel.suggestedFileName(IncidentReportPanel::Format::Markdown),
             m_session->incident().reference() + u"-report.md"_s);
    QCOMPARE(panel.suggestedFileName(IncidentReportPanel::Format::Html),
             m_session->incident().reference() + u"-report.html"_s);
}

void IncidentPanelsTest::reportExportsMarkdownAndHtml()
{
    QVERIFY(m_session->addNote(u"Rolled back to 1.4.1"_s));
    QVERIFY(m_session->recordStepRun(u"web-1"_s, FailingCommand, exited(1, 1200), longOutput()));
    QVERIFY(m_session->setActionItems(u"- [ ] Alert on pool usage (Dana, Friday)"_s));
    QVERIFY(waitForCount(4));

    IncidentReportPanel panel(m_session.get());
    panel.resize(1180, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.fieldEditor(IncidentField::ActionItems)->toPlainText(),
             u"- [ ] Alert on pool usage (Dana, Friday)"_s);
    // Typed but not saved yet: the export saves it and reports it.
    QTest::keyClicks(panel.fieldEditor(IncidentField::RootCause), u"Pool too small"_s);

    QSignalSpy exported(&panel, &IncidentReportPanel::exported);
    const QString markdownPath = m_directory->filePath(u"report.md"_s);
    QVERIFY(panel.exportMarkdownButton()->isEnabled());
    panel.exportTo(markdownPath, IncidentReportPanel::Format::Markdown);
    QVERIFY(exported.isEmpty()); // asynchronous
    // While it is written, the buttons wait for the answer.
    QVERIFY(!panel.exportMarkdownButton()->isEnabled());
    QVERIFY(!panel.exportHtmlButton()->isEnabled());
    QTRY_COMPARE(exported.size(), 1);
    QVERIFY(panel.exportMarkdownButton()->isEnabled());
    QVERIFY(panel.exportHtmlButton()->isEnabled());
    QCOMPARE(exported.at(0).at(0).toString(), markdownPath);
    QVERIFY2(exported.at(0).at(1).toBool(), qPrintable(exported.at(0).at(2).toString()));
    const QString markdown = QString::fromUtf8(readFile(markdownPath));
    QVERIFY(markdown.contains(Title));
    QVERIFY(markdown.contains(u"Rolled back to 1.4.1"_s));
    QVERIFY(markdown.contains(u'`' + FailingCommand + u'`'));
    QVERIFY(markdown.contains(u"Pool too small"_s));
    QTRY_COMPARE(m_session->incident().rootCause, u"Pool too small"_s);

    // A folder that does not exist: not ok, and the sentence names the file.
    const QString bad = m_directory->filePath(u"missing/folder/report.md"_s);
    panel.exportTo(bad, IncidentReportPanel::Format::Markdown);
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY(!exported.at(1).at(1).toBool());
    const QString error = exported.at(1).at(2).toString();
    QVERIFY2(error.contains(QDir::toNativeSeparators(bad)), qPrintable(error));
    QVERIFY(!QFile::exists(bad));
    QVERIFY(panel.exportMarkdownButton()->isEnabled());

    // HTML, over an existing file: replaced, every text escaped.
    const QString htmlPath = m_directory->filePath(u"report.html"_s);
    {
        QFile existing(htmlPath);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old report");
    }
    panel.exportTo(htmlPath, IncidentReportPanel::Format::Html);
    QTRY_COMPARE(exported.size(), 3);
    QVERIFY2(exported.at(2).at(1).toBool(), qPrintable(exported.at(2).at(2).toString()));
    const QString html = QString::fromUtf8(readFile(htmlPath));
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(!html.contains(u"old report"_s));
    QVERIFY(html.contains(Title));
    QVERIFY(html.contains(u"Rolled back to 1.4.1"_s));
    QVERIFY(html.contains(FailingCommand.toHtmlEscaped()));
    QVERIFY(!html.contains(FailingCommand));
    QVERIFY(html.contains(u"Pool too small"_s));
    auto *status = panel.findChild<QLabel *>(u"reportStatus"_s);
    QVERIFY(status->text().contains(QDir::toNativeSeparators(htmlPath).toHtmlEscaped()));

    QTRY_VERIFY(panel.preview()->toPlainText().contains(u"Pool too small"_s));
    saveScreenshot(panel, u"incident-report-panel"_s);
    Appearance::apply(u"dark"_s);
    saveScreenshot(panel, u"incident-report-panel-dark"_s);
    Appearance::apply(u"system"_s);
}

QTEST_MAIN(IncidentPanelsTest)
#include "tst_incidentpanels.moc"
