// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/communicationtemplates.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace OpsDeck {

class IncidentSession;

// The messages an incident commander sends: pick a template (declaration, update, resolution,
// customer notice), read it filled from the incident, adjust it, copy it. Copying records the
// message on the timeline.
//
// The text follows the incident (a new status, a new impact) as long as the user has not edited
// it; once edited it stays as the user left it until "Fill again". Edits are kept per template
// while switching between them.
class CommunicationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommunicationPanel)

public:
    explicit CommunicationPanel(IncidentSession *session, QWidget *parent = nullptr);
    ~CommunicationPanel() override;

    // The workspace's texts (Workspace::communicationTemplates); OpsDeck's defaults until then.
    void setTemplates(const CommunicationTemplates &templates);
    const CommunicationTemplates &templates() const { return m_templates; }

    // One item per template, in allCommunicationTemplates() order.
    QListWidget *templateChooser() const { return m_chooser; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *copyButton() const { return m_copyButton; }
    QPushButton *fillAgainButton() const { return m_fillAgainButton; }

    CommunicationTemplate currentTemplate() const { return m_current; }
    void setCurrentTemplate(CommunicationTemplate which);
    // Whether the text shown differs from what the template filled in.
    bool isEdited() const { return m_drafts.contains(m_current); }

public Q_SLOTS:
    // Replaces the text with the template filled from the incident as it is now.
    void fillAgain();
    // Copies the text and records it on the timeline as sent.
    void copyToClipboard();

private:
    void onTemplateChosen(int row);
    void onIncidentChanged();
    void onEventRecorded(const OpsDeck::IncidentEvent &event);
    QString filledText() const;
    void showText(const QString &text);
    void updateChooserItems();
    void updateState();

    QPointer<IncidentSession> m_session;
    CommunicationTemplates m_templates;
    CommunicationTemplate m_current = CommunicationTemplate::Declaration;
    // Texts the user changed, by template; a template without a draft follows the incident.
    QMap<CommunicationTemplate, QString> m_drafts;
    QListWidget *m_chooser;
    QLabel *m_title;
    QLabel *m_source;
    QPlainTextEdit *m_editor;
    QPushButton *m_fillAgainButton;
    QPushButton *m_copyButton;
    QLabel *m_status;
    QLabel *m_hint;
    // A copied message on its way to the timeline: its template id.
    QString m_recording;
    bool m_filling = false;
    bool m_waitingForIncident = false; // the status line says so
};

} // namespace OpsDeck
