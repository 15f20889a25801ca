// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/incidentreportpanel.h"

#include "models/core/filewriter.h"
#include "models/incidents/incidentreport.h"
#include "models/incidents/incidentsession.h"
#include "widgets/common/statuscolours.h"
#include "widgets/runbooks/runbookstepcard.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// At most this often the preview is rebuilt while events pour in or the user types.
constexpr int PreviewDelayMs = 250;
// How many lines of text a field shows without scrolling, at least and when space is short.
constexpr int FieldMinimumLines = 3;
constexpr int FieldPreferredLines = 5;

// A text field a few lines high: QPlainTextEdit's own size hint asks for ten or more.
class FieldTextEdit final : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;

    QSize sizeHint() const override
    {
        return {QPlainTextEdit::sizeHint().width(), heightFor(FieldPreferredLines)};
    }
    QSize minimumSizeHint() const override
    {
        return {QPlainTextEdit::minimumSizeHint().width(), heightFor(FieldMinimumLines)};
    }

private:
    int heightFor(int lines) const
    {
        return fontMetrics().lineSpacing() * lines + int(2 * document()->documentMargin()) +
               2 * frameWidth();
    }
};

// Qt's Markdown reader drops the <br> the report puts inside table cells, and with it the
// rows after; a line separator is the same line break for QTextDocument.
QString markdownForPreview(QString markdown)
{
    markdown.replace(u"<br>"_s, QString(QChar::LineSeparator));
    return markdown;
}

// Single, light cell borders and some air, as the exported HTML has, instead of the Markdown
// reader's double lines and headings that stick to the text above them.
void polishPreview(QTextDocument *document, const QPalette &palette)
{
    document->setDocumentMargin(12);
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() < 2)
            continue;
        QTextBlockFormat format;
        format.setTopMargin(14);
        format.setBottomMargin(4);
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(format);
    }

    const QList<QTextFrame *> frames = document->rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        format.setBorderCollapse(true);
        format.setBorder(1);
        format.setBorderBrush(palette.color(QPalette::Mid));
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellSpacing(0);
        format.setCellPadding(4);
        table->setFormat(format);
    }
}

} // namespace

IncidentReportPanel::IncidentReportPanel(IncidentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_preview(new QTextBrowser(this))
    , m_exportMarkdown(new QPushButton(tr("Export Markdown…"), this))
    , m_exportHtml(new QPushButton(tr("Export HTML…"), this))
    , m_status(new QLabel(this))
    , m_previewDelay(new QTimer(this))
{
    Q_ASSERT(session);

    addEditor(IncidentField::Impact,
              tr("Who and what was affected, how badly and for how long: users, requests, data, "
                 "money. Numbers help: \"12% of checkouts failed for 40 minutes\"."));
    addEditor(IncidentField::RootCause,
              tr("Why it happened: the underlying cause, not only the trigger. Keep asking "
                 "\"why?\" until the answer is something you can fix."));
    addEditor(IncidentField::Detection,
              tr("How it was noticed (alert, customer, colleague) and how long that took. Would "
                 "a check have caught it sooner?"));
    addEditor(IncidentField::Lessons,
              tr("What went well, what went badly, and where you were lucky."));
    addEditor(IncidentField::ActionItems,
              tr("One per line, each with an owner and a date:\n"
                 "- [ ] Alert on disk usage above 85% (Jane, by Friday)"));

    auto *hint = new QLabel(tr("Saved to the incident as you write. Markdown works here: lists, "
                               "**bold**, `code`."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 8, 0);
    for (const FieldEditor &entry : std::as_const(m_editors)) {
        auto *label = new QLabel(incidentFieldText(entry.field), form);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        label->setBuddy(entry.editor);
        if (formLayout->count() > 0)
            formLayout->addSpacing(6);
        formLayout->addWidget(label);
        formLayout->addWidget(entry.editor, 1);
    }
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("reportFields"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *fieldsPane = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fieldsPane);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(hint);
    fieldsLayout->addWidget(scroll, 1);

    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setAccessibleName(tr("Report preview"));
    m_preview->setOpenExternalLinks(true);
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(8, 0, 0, 0);
    auto *previewTitle = new QLabel(tr("Preview, as exported"), previewPane);
    previewTitle->setForegroundRole(QPalette::PlaceholderText);
    previewLayout->addWidget(previewTitle);
    previewLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reportSplitter"));
    splitter->addWidget(fieldsPane);
    splitter->addWidget(previewPane);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_exportMarkdown->setObjectName(QStringLiteral("reportExportMarkdown"));
    m_exportMarkdown->setToolTip(tr("Save the report as a Markdown file"));
    m_exportHtml->setObjectName(QStringLiteral("reportExportHtml"));
    m_exportHtml->setToolTip(tr("Save the report as a standalone web page"));
    connect(m_exportMarkdown, &QPushButton::clicked, this,
            [this] { exportWithDialog(Format::Markdown); });
    connect(m_exportHtml, &QPushButton::clicked, this, [this] { exportWithDialog(Format::Html); });
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_exportMarkdown);
    buttons->addWidget(m_exportHtml);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(PreviewDelayMs);
    connect(m_previewDelay, &QTimer::timeout, this, &IncidentReportPanel::updatePreview);
    connect(session, &IncidentSession::changed, this, &IncidentReportPanel::onSessionChanged);
    connect(session, &IncidentSession::eventRecorded, this, &IncidentReportPanel::schedulePreview);
    connect(session, &IncidentSession::failed, this, &IncidentReportPanel::onSessionFailed);

    onSessionChanged();
    updatePreview();
}

IncidentReportPanel::~IncidentReportPanel() = default;

void IncidentReportPanel::addEditor(IncidentField field, const QString &placeholder)
{
    auto *editor = new FieldTextEdit(this);
    editor->setObjectName(u"reportField_"_s + incidentFieldId(field));
    editor->setAccessibleName(incidentFieldText(field));
    editor->setPlaceholderText(placeholder);
    editor->setTabChangesFocus(true);
    // A few lines each; more room when there is some.
    editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    editor->installEventFilter(this);

    auto *saveDelay = new QTimer(this);
    saveDelay->setSingleShot(true);
    saveDelay->setInterval(SaveDelayMs);
    m_editors.append({field, editor, saveDelay, false, std::nullopt});

    connect(saveDelay, &QTimer::timeout, this, [this, editor] {
        if (FieldEditor *entry = editorFor(editor))
            save(*entry);
    });
    connect(editor, &QPlainTextEdit::textChanged, this, [this, editor] {
        if (m_settingText)
            return;
        if (FieldEditor *entry = editorFor(editor)) {
            entry->edited = true;
            entry->saveDelay->start();
        }
        schedulePreview();
    });
}

IncidentReportPanel::FieldEditor *IncidentReportPanel::editorFor(QObject *editor)
{
    for (FieldEditor &entry : m_editors) {
        if (entry.editor == editor)
            return &entry;
    }
    return nullptr;
}

QPlainTextEdit *IncidentReportPanel::fieldEditor(IncidentField field) const
{
    for (const FieldEditor &entry : m_editors) {
        if (entry.field == field)
            return entry.editor;
    }
    return nullptr;
}

bool IncidentReportPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        if (FieldEditor *entry = editorFor(watched))
            save(*entry);
    }
    return QWidget::eventFilter(watched, event);
}

void IncidentReportPanel::saveAll()
{
    for (FieldEditor &entry : m_editors)
        save(entry);
}

void IncidentReportPanel::save(FieldEditor &entry)
{
    entry.saveDelay->stop();
    if (!entry.edited || !m_session || !m_session->hasIncident())
        return;
    const QString text = entry.editor->toPlainText();
    entry.edited = false;
    if (!entry.sent && text == m_session->incident().field(entry.field))
        return;
    if (m_session->setField(entry.field, text))
        entry.sent = text;
    else
        entry.edited = true;
}

void IncidentReportPanel::onSessionChanged()
{
    if (!m_session)
        return;
    const Incident &incident = m_session->incident();
    const bool newIncident = incident.id != m_incidentId;
    m_incidentId = incident.id;
    for (FieldEditor &entry : m_editors) {
        entry.editor->setEnabled(m_session->hasIncident());
        const QString value = incident.field(entry.field);
        if (newIncident) {
            entry.saveDelay->stop();
            entry.edited = false;
            entry.sent.reset();
            setEditorText(entry.editor, value);
            continue;
        }
        if (entry.sent) {
            // Until our own save is committed, what the session says is older than the editor.
            if (value != *entry.sent)
                continue;
            entry.sent.reset();
        }
        if (!entry.edited)
            setEditorText(entry.editor, value);
    }
    updateExportButtons();
    schedulePreview();
}

void IncidentReportPanel::onSessionFailed()
{
    // A save that failed is not coming: keep the editor's text as unsaved, so the session's
    // older value does not replace it and the next focus change tries again.
    for (FieldEditor &entry : m_editors) {
        if (!entry.sent)
            continue;
        entry.sent.reset();
        if (m_session && entry.editor->toPlainText() != m_session->incident().field(entry.field))
            entry.edited = true;
    }
}

void IncidentReportPanel::setEditorText(QPlainTextEdit *editor, const QString &text)
{
    if (editor->toPlainText() == text)
        return;
    // Someone else changed the field: keep the caret and the scroll position where they were.
    const int position = editor->textCursor().position();
    const int scroll = editor->verticalScrollBar()->value();
    m_settingText = true;
    editor->setPlainText(text);
    m_settingText = false;
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    editor->setTextCursor(cursor);
    editor->verticalScrollBar()->setValue(scroll);
}

Incident IncidentReportPanel::reportedIncident() const
{
    if (!m_session)
        return {};
    Incident incident = m_session->incident();
    for (const FieldEditor &entry : m_editors)
        incident.setField(entry.field, entry.editor->toPlainText());
    return incident;
}

void IncidentReportPanel::schedulePreview()
{
    if (!m_previewDelay->isActive())
        m_previewDelay->start();
}

void IncidentReportPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        schedulePreview(); // the table lines take the palette's colour
}

void IncidentReportPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_previewStale)
        updatePreview();
}

void IncidentReportPanel::updatePreview()
{
    // A hidden preview is rebuilt when it is shown, not on every line of the timeline.
    m_previewStale = !isVisible();
    if (m_previewStale)
        return;
    QScrollBar *bar = m_preview->verticalScrollBar();
    const int scroll = bar->value();
    if (!m_session || !m_session->hasIncident()) {
        m_preview->setMarkdown(
            tr("*The report appears here once an incident is declared or resumed.*"));
        return;
    }
    m_preview->setMarkdown(
        markdownForPreview(incidentReportMarkdown(reportedIncident(), m_session->events())));
    polishPreview(m_preview->document(), m_preview->palette());
    bar->setValue(scroll);
}

QString IncidentReportPanel::suggestedFileName(Format format) const
{
    const QString reference =
        m_session && m_session->hasIncident() ? m_session->incident().reference() : QString();
    const QString base = reference.isEmpty() ? u"incident-report"_s : reference + u"-report"_s;
    return base + (format == Format::Html ? u".html"_s : u".md"_s);
}

void IncidentReportPanel::exportTo(const QString &path, Format format)
{
    saveAll();
    if (!m_session || !m_session->hasIncident()) {
        const QString error = tr("Cannot save the report to %1: there is no incident to report "
                                 "on yet.")
                                  .arg(QDir::toNativeSeparators(path));
        QMetaObject::invokeMethod(
            this, [this, path, error] { onExported(path, false, error); }, Qt::QueuedConnection);
        return;
    }
    m_status->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
    ++m_exportsRunning;
    updateExportButtons();
    // The report is written from copies taken now, in a worker thread.
    const bool html = format == Format::Html;
    FileWriter::saveInBackground(
        path,
        [html, incident = reportedIncident(), events = m_session->events()] {
            return (html ? incidentReportHtml(incident, events)
                         : incidentReportMarkdown(incident, events))
                .toUtf8();
        },
        this,
        [this](const FileWriteResult &result) {
            --m_exportsRunning;
            updateExportButtons();
            onExported(result.path, result.ok(),
                       result.ok()
                           ? QString()
                           : tr("Cannot save the report to %1: %2")
                                 .arg(QDir::toNativeSeparators(result.path), result.reason));
        });
}

void IncidentReportPanel::updateExportButtons()
{
    // One export at a time from the buttons; they come back with the answer.
    const bool canExport = m_session && m_session->hasIncident() && m_exportsRunning == 0;
    m_exportMarkdown->setEnabled(canExport);
    m_exportHtml->setEnabled(canExport);
}

void IncidentReportPanel::onExported(const QString &path, bool ok, const QString &error)
{
    const bool fromDialog = m_dialogExports.removeOne(path);
    if (ok) {
        m_status->setText(tr("Saved the report to <a href=\"%1\">%2</a>.")
                              .arg(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded),
                                   QDir::toNativeSeparators(path).toHtmlEscaped()));
    } else {
        m_status->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(
            StatusColours::bad(palette()).name(), error.toHtmlEscaped()));
        if (fromDialog) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Report"), error,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    }
    Q_EMIT exported(path, ok, error);
}

void IncidentReportPanel::exportWithDialog(Format format)
{
    saveAll();
    const QString directory =
        m_lastDirectory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : m_lastDirectory;
    const bool html = format == Format::Html;
    // The dialog asks before an existing file is replaced; the path is used exactly as chosen.
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Export Report as HTML") : tr("Export Report as Markdown"),
        QDir(directory).filePath(suggestedFileName(format)),
        html ? tr("HTML files (*.html *.htm);;All files (*)")
             : tr("Markdown files (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    m_dialogExports.append(path);
    exportTo(path, format);
}

} // namespace OpsDeck
