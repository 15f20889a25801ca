// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/incidentpage.h"

#include "models/incidents/communicationtemplates.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "widgets/incidents/communicationpanel.h"
#include "widgets/incidents/incidentreportpanel.h"
#include "widgets/incidents/incidenttimelinepanel.h"
#include "widgets/incidents/incidentwizard.h"
#include "widgets/runbooks/runbookview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

IncidentPage::IncidentPage(IncidentResponse *response, QWidget *parent)
    : QWidget(parent)
    , m_response(response)
    , m_incident(response->incident())
    , m_runbook(response->runbookSession())
    , m_reminders(response->reminders())
{
    setObjectName(u"IncidentPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyState());
    m_stack->addWidget(createIncidentView());
    layout->addWidget(m_stack);

    connect(m_incident, &IncidentSession::changed, this, [this] {
        updateHeader();
        Q_EMIT incidentChanged();
    });
    connect(m_incident, &IncidentSession::failed, this, &IncidentPage::showNotice);
    connect(m_response, &IncidentResponse::runbookUnavailable, this, &IncidentPage::showNotice);
    connect(m_response, &IncidentResponse::escalationDue, this, [this](const QString &text) {
        showNotice(text);
        Q_EMIT notification(text);
    });
    connect(m_reminders, &EscalationReminders::planChanged, this, &IncidentPage::updateClock);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &IncidentPage::updateClock);
    updateHeader();
    refreshHistory();
}

IncidentPage::~IncidentPage() = default;

void IncidentPage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
}

QWidget *IncidentPage::createEmptyState()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    auto *title = new QLabel(tr("No incident is open"), page);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    auto *text = new QLabel(tr("Declaring an incident starts its timeline: every step you run, "
                               "every note and every status change is recorded as it happens, "
                               "and the report is written from it."),
                            page);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *declare = new QPushButton(tr("&Declare Incident…"), page);
    declare->setObjectName(u"declareButton"_s);
    declare->setDefault(true);
    connect(declare, &QPushButton::clicked, this, [this] { startWizard(); });
    auto *row = new QHBoxLayout;
    row->addWidget(declare);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addSpacing(16);
    auto *historyTitle = new QLabel(tr("Earlier incidents"), page);
    historyTitle->setFont([&] {
        QFont bold = historyTitle->font();
        bold.setBold(true);
        return bold;
    }());
    layout->addWidget(historyTitle);
    m_history = new QTreeWidget(page);
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    m_history->setHeaderLabels(
        {tr("Incident"), tr("Title"), tr("Severity"), tr("Status"), tr("Declared")});
    m_history->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_history->setSortingEnabled(true);
    connect(m_history, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        // Reopens the record for reading and the report; a closed incident stays closed. Not
        // while the wizard is declaring one.
        if (!m_wizard && !m_incident->isActive() && m_incident->release())
            m_incident->resume(item->data(0, Qt::UserRole).toLongLong());
    });
    layout->addWidget(m_history, 1);
    return page;
}

QWidget *IncidentPage::createIncidentView()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 0);

    auto *header = new QHBoxLayout;
    m_titleLabel = new QLabel(page);
    m_titleLabel->setObjectName(u"incidentTitle"_s);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_titleLabel->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    m_titleLabel->setFont(font);
    header->addWidget(m_titleLabel, 1);
    m_clock = new QLabel(page);
    m_clock->setObjectName(u"incidentClock"_s);
    QFont clockFont = font;
    clockFont.setFamily(u"monospace"_s);
    m_clock->setFont(clockFont);
    header->addWidget(m_clock);
    header->addSpacing(12);
    m_severityCombo = new QComboBox(page);
    m_severityCombo->setAccessibleName(tr("Severity"));
    for (const SeverityDefinition &definition : severityDefinitions())
        m_severityCombo->addItem(definition.name + u" — "_s + definition.meaning,
                                 int(definition.severity));
    header->addWidget(m_severityCombo);
    m_statusCombo = new QComboBox(page);
    m_statusCombo->setAccessibleName(tr("Status"));
    for (const IncidentStatus status : allIncidentStatuses())
        m_statusCombo->addItem(incidentStatusText(status), int(status));
    header->addWidget(m_statusCombo);
    m_backButton = new QPushButton(tr("All &Incidents"), page);
    m_backButton->setToolTip(tr("Leave this closed incident and show the list"));
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        if (m_incident->release())
            refreshHistory();
    });
    header->addWidget(m_backButton);
    auto *guide = new QPushButton(tr("&Guide…"), page);
    guide->setToolTip(tr("Open the incident wizard again"));
    connect(guide, &QPushButton::clicked, this, [this] { startWizard(); });
    header->addWidget(guide);
    layout->addLayout(header);

    connect(m_severityCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_updatingHeader)
            m_incident->setSeverity(IncidentSeverity(m_severityCombo->itemData(index).toInt()));
    });
    connect(m_statusCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_updatingHeader &&
            !m_incident->setStatus(IncidentStatus(m_statusCombo->itemData(index).toInt())))
            updateHeader(); // refused: show the status it still has
    });

    m_escalationLabel = new QLabel(page);
    m_escalationLabel->setObjectName(u"escalationLabel"_s);
    m_escalationLabel->setWordWrap(true);
    layout->addWidget(m_escalationLabel);
    m_notice = new QLabel(page);
    m_notice->setObjectName(u"incidentNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();
    layout->addWidget(m_notice);

    m_tabs = new QTabWidget(page);
    m_tabs->setDocumentMode(true);
    m_runbookView = new RunbookView(m_runbook, m_tabs);
    m_timeline = new IncidentTimelinePanel(m_incident, m_tabs);
    m_communication = new CommunicationPanel(m_incident, m_tabs);
    m_report = new IncidentReportPanel(m_incident, m_tabs);
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_tabs->addTab(m_runbookView, tr("R&unbook"));
    m_tabs->addTab(m_communication, tr("&Communication"));
    m_tabs->addTab(m_report, tr("Re&port"));
    layout->addWidget(m_tabs, 1);
    return page;
}

void IncidentPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    m_communication->setTemplates(CommunicationTemplates(workspace.communicationTemplates));
    m_runbookView->reload();
}

void IncidentPage::refreshHistory()
{
    const quint64 number = ++m_lastHistoryQuery;
    const auto show = [this, number](const StoreResult<QList<Incident>> &incidents) {
        if (number != m_lastHistoryQuery)
            return;
        // A store that cannot be read is reported by the main window ("History is not kept");
        // the list stays as it was.
        if (incidents)
            showHistory(*incidents);
    };
    m_response->store()->query(false, this, show);
}

void IncidentPage::showHistory(const QList<Incident> &incidents)
{
    m_history->clear();
    for (const Incident &incident : incidents) {
        auto *item = new QTreeWidgetItem(
            m_history,
            {incident.reference(), incident.title, severityName(incident.severity),
             incidentStatusText(incident.status),
             QLocale().toString(incident.declaredAt.toLocalTime(), QLocale::ShortFormat)});
        item->setData(0, Qt::UserRole, incident.id);
    }
}

IncidentWizard *IncidentPage::startWizard(const QString &runbookPath)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    // A closed incident on screen is history: a new one starts from a clean page.
    if (m_incident->hasIncident() && !m_incident->isActive() && !m_incident->release())
        return nullptr;
    m_wizard = new IncidentWizard(m_response, m_workspace, window());
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (m_incident->isActive()) {
        // Carry on where the incident stands rather than declaring a second one.
        m_wizard->setStartId(IncidentWizard::DiagnosisPageId);
    } else if (!runbookPath.isEmpty()) {
        m_wizard->chooseRunbook(runbookPath);
    }
    connect(m_wizard, &QWizard::finished, this, [this] { m_runbookView->reload(); });
    m_wizard->show();
    return m_wizard;
}

void IncidentPage::updateHeader()
{
    const bool shown = m_incident->hasIncident();
    m_stack->setCurrentIndex(shown ? 1 : 0);
    if (!shown) {
        m_clockTimer->stop();
        return;
    }
    const Incident &incident = m_incident->incident();
    m_updatingHeader = true;
    m_titleLabel->setText(u"%1 · %2"_s.arg(incident.reference(), incident.title));
    m_severityCombo->setCurrentIndex(m_severityCombo->findData(int(incident.severity)));
    m_statusCombo->setCurrentIndex(m_statusCombo->findData(int(incident.status)));
    m_severityCombo->setEnabled(incident.isOpen());
    m_statusCombo->setEnabled(incident.isOpen());
    m_backButton->setVisible(!incident.isOpen());
    m_updatingHeader = false;
    if (incident.isOpen())
        m_clockTimer->start();
    else
        m_clockTimer->stop();
    updateClock();
}

void IncidentPage::updateClock()
{
    if (!m_incident->hasIncident())
        return;
    const Incident &incident = m_incident->incident();
    const QDateTime end =
        incident.resolvedAt.isValid() ? incident.resolvedAt : QDateTime::currentDateTimeUtc();
    m_clock->setText(elapsedLabel(incident.declaredAt, end));
    const QList<EscalationReminder> &pending = m_reminders->pending();
    if (pending.isEmpty()) {
        m_escalationLabel->setText(
            tr("Escalation: %1").arg(m_reminders->schedule().describe(incident.severity)));
    } else {
        const EscalationReminder &next = pending.constFirst();
        m_escalationLabel->setText(
            tr("Next escalation: %1 at %2 (%3)")
                .arg(next.who, elapsedLabel(incident.declaredAt, next.dueAt),
                     QLocale().toString(next.dueAt.toLocalTime().time(), QLocale::ShortFormat)));
    }
}

} // namespace OpsDeck
