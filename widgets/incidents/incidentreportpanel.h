// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace OpsDeck {

class IncidentSession;

// The post-incident report: editors for what only people can tell (impact, root cause,
// detection, lessons learned, action items), a live preview of the whole report as exported,
// and Markdown and HTML export.
//
// An editor's text is saved to the incident (IncidentSession::setField) when it loses focus and
// after a pause in typing, not on every keystroke. Changes arriving from the session (another
// page, a resumed incident) replace an editor's text only when it holds nothing unsaved.
class IncidentReportPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentReportPanel)

public:
    enum class Format { Markdown, Html };

    // How long typing has to pause before the text is saved.
    static constexpr int SaveDelayMs = 1500;

    explicit IncidentReportPanel(IncidentSession *session, QWidget *parent = nullptr);
    ~IncidentReportPanel() override;

    // Saves unsaved edits, then writes the report as shown in the preview to path: built from
    // copies in a worker thread and saved atomically there (FileWriter); an existing file is
    // replaced. Answered by exported(); the export buttons are disabled meanwhile.
    void exportTo(const QString &path, Format format);

    QTextBrowser *preview() const { return m_preview; }
    // Impact, RootCause, Detection, Lessons or ActionItems; nullptr for the other fields.
    QPlainTextEdit *fieldEditor(IncidentField field) const;
    QPushButton *exportMarkdownButton() const { return m_exportMarkdown; }
    QPushButton *exportHtmlButton() const { return m_exportHtml; }

    // The incident as the report shows it: the committed record with the editors' texts.
    Incident reportedIncident() const;
    // A file name to offer: "INC-42-report.md".
    QString suggestedFileName(Format format) const;

public Q_SLOTS:
    // Writes every editor's unsaved text to the incident now.
    void saveAll();

Q_SIGNALS:
    // error: a sentence for the user naming the file; empty when ok.
    void exported(const QString &path, bool ok, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct FieldEditor {
        IncidentField field = IncidentField::Impact;
        QPlainTextEdit *editor = nullptr;
        QTimer *saveDelay = nullptr;
        bool edited = false;         // typed since the last save
        std::optional<QString> sent; // saved, not yet seen committed
    };

    void addEditor(IncidentField field, const QString &placeholder);
    FieldEditor *editorFor(QObject *editor);
    void save(FieldEditor &entry);
    void onSessionChanged();
    void onSessionFailed();
    void schedulePreview();
    void updatePreview();
    void exportWithDialog(Format format);
    void onExported(const QString &path, bool ok, const QString &error);
    void updateExportButtons();
    void setEditorText(QPlainTextEdit *editor, const QString &text);

    QPointer<IncidentSession> m_session;
    QList<FieldEditor> m_editors;
    QTextBrowser *m_preview;
    QPushButton *m_exportMarkdown;
    QPushButton *m_exportHtml;
    QLabel *m_status;
    QTimer *m_previewDelay;
    QString m_lastDirectory;
    qint64 m_incidentId = 0;
    bool m_settingText = false;
    bool m_previewStale = true;
    int m_exportsRunning = 0;
    // Exports started from the dialog, whose errors get a message box.
    QList<QString> m_dialogExports;
};

} // namespace OpsDeck
