// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/runbooks/runbookparser.h"
#include "models/workspace/workspace.h"

#include <QWizard>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace OpsDeck {

class CommunicationPanel;
class IncidentReportPanel;
class IncidentResponse;
class IncidentSession;
class RunbookLibrary;
class RunbookSession;
class RunbookView;

// Which part of an incident runbook a section belongs to, by the title of its level-2 chapter
// ("Diagnosis", "Resolution", ...). Built-in runbooks use these chapters; for others, every
// section counts as diagnosis.
enum class RunbookPhase { Symptoms, Diagnosis, Resolution, Verification, Communication, Other };
QList<int> sectionsOfPhase(const Runbook &runbook, RunbookPhase phase);

// Walks an incident commander from the symptom to the report: symptom and runbook → severity
// (declares the incident) → diagnosis → resolution → verification → communication → report.
// Steps run through the response's RunbookSession, which records everything on the timeline as
// it happens, so closing the wizard half-way loses nothing: the incident page carries on.
class IncidentWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentWizard)

public:
    enum PageId {
        SymptomPageId,
        SeverityPageId,
        DiagnosisPageId,
        ResolutionPageId,
        VerificationPageId,
        CommunicationPageId,
        ReportPageId
    };

    IncidentWizard(IncidentResponse *response, const Workspace &workspace,
                   QWidget *parent = nullptr);
    ~IncidentWizard() override;

    // Preselects a runbook of the library by path (the runbooks page's "Start incident").
    void chooseRunbook(const QString &path);
    // What led to the incident (a red check's values): a note on its timeline once declared.
    void setEvidence(const QString &evidence) { m_evidence = evidence; }

    // For tests: the widgets an operator uses.
    QTreeView *runbookList() const { return m_runbookList; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *servicesEdit() const { return m_services; }
    QLineEdit *commanderEdit() const { return m_commander; }
    QButtonGroup *severityButtons() const { return m_severity; }
    RunbookView *stepsView(PageId page) const;
    CommunicationPanel *communicationPanel() const { return m_communication; }
    IncidentReportPanel *reportPanel() const { return m_report; }
    QCheckBox *resolveOnFinish() const { return m_resolve; }

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void done(int result) override;

private:
    QWizardPage *createSymptomPage();
    QWizardPage *createSeverityPage();
    QWizardPage *createStepsPage(PageId id, const QString &title, const QString &subTitle);
    QWizardPage *createCommunicationPage();
    QWizardPage *createReportPage();
    QString selectedRunbookPath() const;
    void onRunbookSelected();
    void updateSeverityHint();
    bool declare();
    void advanceStatus(IncidentStatus status);

    IncidentResponse *m_response;
    IncidentSession *m_incident;
    RunbookSession *m_runbookSession;
    RunbookLibrary *m_library;
    Workspace m_workspace;

    QLineEdit *m_filter = nullptr;
    QTreeView *m_runbookList = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_services = nullptr;
    QLineEdit *m_commander = nullptr;
    QButtonGroup *m_severity = nullptr;
    QLabel *m_escalationHint = nullptr;
    QHash<int, RunbookView *> m_stepViews;
    QHash<int, QLabel *> m_stepHints;
    CommunicationPanel *m_communication = nullptr;
    IncidentReportPanel *m_report = nullptr;
    QCheckBox *m_resolve = nullptr;
    bool m_declared = false; // this wizard declared the incident it is about
    QString m_evidence;
    QString m_pendingChoice;
};

} // namespace OpsDeck
