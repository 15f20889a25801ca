// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/incidentwizard.h"

#include "models/incidents/communicationtemplates.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "widgets/incidents/communicationpanel.h"
#include "widgets/incidents/incidentreportpanel.h"
#include "widgets/runbooks/runbookview.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

RunbookPhase phaseOfTitle(const QString &title)
{
    static const QList<std::pair<QRegularExpression, RunbookPhase>> words = {
        {QRegularExpression(u"symptom|signs?\\b|detect"_s,
                            QRegularExpression::CaseInsensitiveOption),
         RunbookPhase::Symptoms},
        {QRegularExpression(u"diagnos|investigat|triage|identify"_s,
                            QRegularExpression::CaseInsensitiveOption),
         RunbookPhase::Diagnosis},
        {QRegularExpression(u"resolution|resolve|fix|mitigat|remed|recover"_s,
                            QRegularExpression::CaseInsensitiveOption),
         RunbookPhase::Resolution},
        {QRegularExpression(u"verif|confirm|validat"_s, QRegularExpression::CaseInsensitiveOption),
         RunbookPhase::Verification},
        {QRegularExpression(u"communicat|notif|stakeholder"_s,
                            QRegularExpression::CaseInsensitiveOption),
         RunbookPhase::Communication},
    };
    for (const auto &[pattern, phase] : words) {
        if (pattern.match(title).hasMatch())
            return phase;
    }
    return RunbookPhase::Other;
}

// A page whose Next button waits for a condition (a title typed, ...).
class ConditionalPage final : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> condition;
    bool isComplete() const override
    {
        return (!condition || condition()) && QWizardPage::isComplete();
    }
};

} // namespace

QList<int> sectionsOfPhase(const Runbook &runbook, RunbookPhase phase)
{
    // A section belongs to the phase of its nearest chapter (level 2 or above) whose title
    // names one; "### Check the unit" under "## Diagnosis" is diagnosis.
    QList<RunbookPhase> phases;
    QList<std::pair<int, RunbookPhase>> chapters; // level, phase of the open headings
    bool anyNamed = false;
    for (const RunbookSection &section : runbook.sections) {
        while (!chapters.isEmpty() && chapters.last().first >= section.level)
            chapters.removeLast();
        RunbookPhase own = phaseOfTitle(section.title);
        if (own == RunbookPhase::Other && !chapters.isEmpty())
            own = chapters.last().second;
        if (section.level > 0)
            chapters.append({section.level, own});
        anyNamed = anyNamed || own != RunbookPhase::Other;
        phases.append(own);
    }
    QList<int> sections;
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const RunbookPhase own = anyNamed ? phases[i] : RunbookPhase::Diagnosis;
        if (own == phase)
            sections.append(int(i));
    }
    return sections;
}

IncidentWizard::IncidentWizard(IncidentResponse *response, const Workspace &workspace,
                               QWidget *parent)
    : QWizard(parent)
    , m_response(response)
    , m_incident(response->incident())
    , m_runbookSession(response->runbookSession())
    , m_library(response->library())
    , m_workspace(workspace)
{
    setObjectName(u"IncidentWizard"_s);
    setWindowTitle(tr("Declare and Handle an Incident"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveFinishButtonOnEarlyPages, false);
    setButtonText(QWizard::CommitButton, tr("&Declare Incident"));
    setPage(SymptomPageId, createSymptomPage());
    setPage(SeverityPageId, createSeverityPage());
    setPage(DiagnosisPageId,
            createStepsPage(DiagnosisPageId, tr("Diagnosis"),
                            tr("Run the checks on the affected host. Every run is recorded on "
                               "the incident's timeline with its output.")));
    setPage(ResolutionPageId,
            createStepsPage(ResolutionPageId, tr("Resolution"),
                            tr("Apply the fix. Steps that change or destroy something ask "
                               "first; read-only mode blocks them.")));
    setPage(VerificationPageId,
            createStepsPage(VerificationPageId, tr("Verification"),
                            tr("Prove the fix holds before telling anyone it is over.")));
    setPage(CommunicationPageId, createCommunicationPage());
    setPage(ReportPageId, createReportPage());
    resize(QSettings().value(u"incidentWizard/size"_s, QSize(1060, 760)).toSize());
}

IncidentWizard::~IncidentWizard() = default;

QWizardPage *IncidentWizard::createSymptomPage()
{
    auto *page = new ConditionalPage(this);
    page->setTitle(tr("What is happening?"));
    page->setSubTitle(tr("Pick the symptom that fits best; its runbook guides the next pages."));
    auto *layout = new QVBoxLayout(page);

    m_filter = new QLineEdit(page);
    m_filter->setPlaceholderText(tr("Filter symptoms…"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_proxy = new QSortFilterProxyModel(page);
    m_proxy->setSourceModel(m_library);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_runbookList = new QTreeView(page);
    m_runbookList->setObjectName(u"runbookList"_s);
    m_runbookList->setModel(m_proxy);
    m_runbookList->setRootIsDecorated(false);
    m_runbookList->setAlternatingRowColors(true);
    m_runbookList->setUniformRowHeights(true);
    m_runbookList->setWordWrap(false);
    m_runbookList->setColumnHidden(RunbookLibrary::SourceColumn, true);
    m_runbookList->header()->setStretchLastSection(false);
    m_runbookList->header()->setSectionResizeMode(RunbookLibrary::TitleColumn,
                                                  QHeaderView::ResizeToContents);
    m_runbookList->header()->setSectionResizeMode(RunbookLibrary::SymptomColumn,
                                                  QHeaderView::Stretch);
    m_runbookList->header()->setSectionResizeMode(RunbookLibrary::SeverityColumn,
                                                  QHeaderView::ResizeToContents);
    layout->addWidget(m_runbookList, 1);
    connect(m_runbookList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncidentWizard::onRunbookSelected);
    connect(m_library, &RunbookLibrary::scanned, this, [this] {
        if (!m_pendingChoice.isEmpty())
            chooseRunbook(m_pendingChoice);
    });

    auto *form = new QFormLayout;
    m_title = new QLineEdit(page);
    m_title->setObjectName(u"incidentTitle"_s);
    m_title->setPlaceholderText(tr("e.g. Checkout API answers 502"));
    form->addRow(tr("&Title:"), m_title);
    m_services = new QLineEdit(page);
    m_services->setPlaceholderText(tr("Comma-separated, e.g. api, checkout"));
    form->addRow(tr("Affected &services:"), m_services);
    m_commander = new QLineEdit(page);
    m_commander->setText(
        QSettings().value(u"incident/commander"_s, qEnvironmentVariable("USER")).toString());
    form->addRow(tr("Incident &commander:"), m_commander);
    layout->addLayout(form);
    page->condition = [this] { return !m_title->text().trimmed().isEmpty(); };
    connect(m_title, &QLineEdit::textChanged, page, &QWizardPage::completeChanged);
    connect(m_title, &QLineEdit::textEdited, this,
            [this] { m_title->setProperty("fromRunbook", false); });
    return page;
}

QWizardPage *IncidentWizard::createSeverityPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("How bad is it?"));
    page->setSubTitle(tr("The severity sets how fast people must respond and who is called when."));
    page->setCommitPage(true);
    auto *layout = new QVBoxLayout(page);
    m_severity = new QButtonGroup(page);
    for (const SeverityDefinition &definition : severityDefinitions()) {
        auto *button = new QRadioButton(tr("%1 — %2 · respond within %3")
                                            .arg(definition.name, definition.meaning,
                                                 escalationDelayText(definition.responseMinutes)),
                                        page);
        QFont font = button->font();
        font.setBold(true);
        button->setFont(font);
        m_severity->addButton(button, int(definition.severity));
        layout->addWidget(button);
        auto *examples = new QLabel(
            tr("For example: %1. Updates every %2.")
                .arg(definition.examples, escalationDelayText(definition.updateEveryMinutes)),
            page);
        examples->setWordWrap(true);
        examples->setContentsMargins(24, 0, 0, 8);
        layout->addWidget(examples);
    }
    m_severity->button(int(IncidentSeverity::Sev3))->setChecked(true);
    m_escalationHint = new QLabel(page);
    m_escalationHint->setWordWrap(true);
    m_escalationHint->setFrameShape(QFrame::StyledPanel);
    m_escalationHint->setMargin(8);
    layout->addSpacing(8);
    layout->addWidget(m_escalationHint);
    layout->addStretch(1);
    connect(m_severity, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateSeverityHint();
    });
    updateSeverityHint();
    return page;
}

QWizardPage *IncidentWizard::createStepsPage(PageId id, const QString &title,
                                             const QString &subTitle)
{
    auto *page = new QWizardPage(this);
    page->setTitle(title);
    page->setSubTitle(subTitle);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(page);
    hint->setWordWrap(true);
    hint->hide();
    layout->addWidget(hint);
    auto *view = new RunbookView(m_runbookSession, page);
    view->setObjectName(u"stepsView%1"_s.arg(int(id)));
    view->setOutlineVisible(false);
    layout->addWidget(view, 1);
    m_stepViews.insert(id, view);
    m_stepHints.insert(id, hint);
    return page;
}

QWizardPage *IncidentWizard::createCommunicationPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Communication"));
    page->setSubTitle(tr("Tell people what is going on. Copying a message records it on the "
                         "timeline."));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_communication = new CommunicationPanel(m_incident, page);
    m_communication->setTemplates(CommunicationTemplates(m_workspace.communicationTemplates));
    layout->addWidget(m_communication);
    return page;
}

QWizardPage *IncidentWizard::createReportPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Post-incident report"));
    page->setSubTitle(tr("Write down impact, cause and lessons while they are fresh; the "
                         "timeline is filled in from the record."));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_report = new IncidentReportPanel(m_incident, page);
    layout->addWidget(m_report, 1);
    m_resolve = new QCheckBox(tr("Mark the incident &resolved when finishing"), page);
    m_resolve->setChecked(true);
    layout->addWidget(m_resolve);
    return page;
}

void IncidentWizard::chooseRunbook(const QString &path)
{
    const int row = m_library->rowOfPath(path);
    if (row < 0) {
        m_pendingChoice = path; // the library is still scanning
        return;
    }
    m_pendingChoice.clear();
    const QModelIndex index = m_proxy->mapFromSource(m_library->index(row, 0));
    m_runbookList->setCurrentIndex(index);
    m_runbookList->scrollTo(index);
}

QString IncidentWizard::selectedRunbookPath() const
{
    const QModelIndex current = m_runbookList->currentIndex();
    return current.isValid() ? current.data(RunbookLibrary::PathRole).toString() : QString();
}

void IncidentWizard::onRunbookSelected()
{
    const int row = m_library->rowOfPath(selectedRunbookPath());
    if (row < 0)
        return;
    const RunbookEntry &entry = m_library->entries().at(row);
    if (m_title->text().isEmpty() || m_title->property("fromRunbook").toBool()) {
        m_title->setText(entry.title);
        m_title->setProperty("fromRunbook", true);
    }
    if (const auto severity = severityFromName(entry.severity))
        m_severity->button(int(*severity))->setChecked(true);
}

void IncidentWizard::updateSeverityHint()
{
    const auto severity = IncidentSeverity(m_severity->checkedId());
    const EscalationSchedule schedule(m_workspace.escalation, m_workspace.contacts);
    m_escalationHint->setText(tr("Escalation: %1").arg(schedule.describe(severity)));
}

RunbookView *IncidentWizard::stepsView(PageId page) const
{
    return m_stepViews.value(page);
}

bool IncidentWizard::validateCurrentPage()
{
    if (currentId() == SeverityPageId && !m_declared) {
        if (m_incident->hasIncident()) {
            // Something else opened an incident meanwhile (the history list): never write
            // this wizard's choices onto it.
            m_escalationHint->setText(tr("%1 is open on the incident page now; leave it there "
                                         "(All Incidents) before declaring another.")
                                          .arg(m_incident->incident().reference()));
            return false;
        }
        m_declared = declare();
        return m_declared;
    }
    if (currentId() == SeverityPageId &&
        m_incident->incident().severity != IncidentSeverity(m_severity->checkedId()))
        m_incident->setSeverity(IncidentSeverity(m_severity->checkedId()));
    return QWizard::validateCurrentPage();
}

bool IncidentWizard::declare()
{
    Incident incident;
    incident.title = m_title->text().trimmed();
    incident.severity = IncidentSeverity(m_severity->checkedId());
    incident.commander = m_commander->text().trimmed();
    for (const QString &service : m_services->text().split(u',', Qt::SkipEmptyParts)) {
        if (!service.trimmed().isEmpty())
            incident.services.append(service.trimmed());
    }
    const QString path = selectedRunbookPath();
    incident.runbook = path;
    QSettings().setValue(u"incident/commander"_s, incident.commander);
    return m_response->declare(incident, m_evidence);
}

void IncidentWizard::advanceStatus(IncidentStatus status)
{
    // Moving forward only: going back a page does not reopen anything.
    if (m_incident->hasIncident() && int(m_incident->incident().status) < int(status))
        m_incident->setStatus(status);
}

void IncidentWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    const RunbookPhase phases[] = {RunbookPhase::Diagnosis, RunbookPhase::Resolution,
                                   RunbookPhase::Verification};
    if (id == DiagnosisPageId || id == ResolutionPageId || id == VerificationPageId) {
        const RunbookPhase phase = phases[id - DiagnosisPageId];
        QList<int> sections = sectionsOfPhase(m_runbookSession->runbook(), phase);
        if (phase == RunbookPhase::Diagnosis)
            sections =
                sectionsOfPhase(m_runbookSession->runbook(), RunbookPhase::Symptoms) + sections;
        RunbookView *view = m_stepViews.value(id);
        view->reload();
        view->showOnlySections(sections);
        QLabel *hint = m_stepHints.value(id);
        hint->setVisible(sections.isEmpty());
        // The session's runbook, not the one this wizard declared: a resumed incident has one too.
        hint->setText(m_runbookSession->sourceId().isEmpty()
                          ? tr("No runbook was chosen; record what you do as notes on the "
                               "incident page.")
                          : tr("This runbook has no steps for this phase."));
    }
    if (id == ResolutionPageId)
        advanceStatus(IncidentStatus::Identified);
    if (id == VerificationPageId)
        advanceStatus(IncidentStatus::Monitoring);
}

void IncidentWizard::done(int result)
{
    QSettings().setValue(u"incidentWizard/size"_s, size());
    if (result == QDialog::Accepted && m_resolve->isChecked())
        advanceStatus(IncidentStatus::Resolved);
    QWizard::done(result);
}

} // namespace OpsDeck
