// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/incidentpage.h"

#include "models/incidents/communicationtemplates.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidentstore.h"
#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
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
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace OpsDeck {

IncidentPage::IncidentPage(IncidentStore *store, CommandRunner *runner, ExecutorProvider executors,
                           RunbookLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_incident(new IncidentSession(store, this))
    , m_runbook(new RunbookSession(runner, std::move(executors), this))
    , m_reminders(new EscalationReminders(this))
    , m_library(library)
{
    setObjectName(u"IncidentPage"_s);
    m_incident->setAuthor(qEnvironmentVariable("USER"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyState());
    m_stack->addWidget(createIncidentView());
    layout->addWidget(m_stack);

    // Every step that ran goes on the timeline: host, command, exit, duration, full output.
    connect(m_runbook, &RunbookSession::stepFinished, this,
            [this](RunbookStepId, const StepRun &run) {
                if (m_incident->isActive())
                    m_incident->recordStepRun(run.target, run.command, run.result, run.output);
            });
    // What the operator ticks and writes beside a step belongs on the record too.
    connect(m_runbook, &RunbookSession::notesCommitted, this,
            [this](RunbookStepId step, const QString &notes) {
                if (m_incident->isActive())
                    m_incident->addNote(tr("On the step at line %1 of the runbook: %2")
                                            .arg(m_runbook->block(step).line)
                                            .arg(notes));
            });
    connect(m_runbook, &RunbookSession::markedDone, this, [this](RunbookStepId step, bool done) {
        const RunbookBlock &block = m_runbook->block(step);
        if (m_incident->isActive() && done && block.kind == RunbookBlock::ManualCheck)
            m_incident->addNote(tr("Checked: %1").arg(block.text));
    });
    connect(m_incident, &IncidentSession::changed, this, [this] {
        if (m_incident->hasIncident()) {
            m_runbook->setIncidentId(m_incident->incident().id);
            restoreRunbook(m_incident->incident().runbook);
        } else {
            m_runbook->setIncidentId({});
        }
        m_reminders->setIncident(m_incident->incident(), m_incident->events());
        updateHeader();
        Q_EMIT incidentChanged();
    });
    connect(m_incident, &IncidentSession::failed, this, [this](const QString &message) {
        m_notice->setText(message);
        m_notice->show();
    });
    connect(m_reminders, &EscalationReminders::reminderDue, this, &IncidentPage::onReminderDue);
    connect(m_library, &RunbookLibrary::scanned, this, [this] {
        const QString path = std::exchange(m_runbookToRestore, QString());
        if (m_incident->hasIncident())
            restoreRunbook(path);
    });
    connect(&m_runbookLoad, &QFutureWatcher<Runbook>::finished, this, [this] {
        const QString path = std::exchange(m_runbookToRestore, QString());
        const Runbook runbook = m_runbookLoad.result();
        if (!m_incident->hasIncident() || m_incident->incident().runbook != path)
            return;
        if (!runbook.diagnostics.isEmpty() && runbook.diagnostics.constFirst().isError()) {
            m_notice->setText(tr("The runbook of this incident cannot be opened: %1")
                                  .arg(runbook.diagnostics.constFirst().toString()));
            m_notice->show();
            return;
        }
        m_runbook->setRunbook(runbook, path);
    });
    connect(m_reminders, &EscalationReminders::planChanged, this, &IncidentPage::updateClock);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &IncidentPage::updateClock);
    updateHeader();
}

IncidentPage::~IncidentPage()
{
    m_runbookLoad.waitForFinished();
}

void IncidentPage::restoreRunbook(const QString &path)
{
    // A resumed incident comes back with the runbook it was following.
    if (path.isEmpty() || m_runbook->sourceId() == path || m_runbookToRestore == path)
        return;
    const int row = m_library->rowOfPath(path);
    if (row >= 0) {
        m_runbook->setRunbook(m_library->entries().at(row).runbook, path);
        return;
    }
    m_runbookToRestore = path;
    if (path.startsWith(u':') || m_library->isScanning())
        return; // a built-in one, or the library is still reading: wait for scanned()
    m_runbookLoad.setFuture(QtConcurrent::run(loadRunbookFile, path));
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
    m_runbook->setWorkspace(workspace);
    m_reminders->setSchedule(EscalationSchedule(workspace.escalation, workspace.contacts));
    m_communication->setTemplates(CommunicationTemplates(workspace.communicationTemplates));
    m_runbookView->reload();
}

void IncidentPage::resumeOpenIncident()
{
    m_resumeOpen = true; // the list answers both: what to show and what to resume
    refreshHistory();
}

void IncidentPage::refreshHistory()
{
    const quint64 number = ++m_lastHistoryQuery;
    m_store->query(false, this, [this, number](const StoreResult<QList<Incident>> &incidents) {
        if (number != m_lastHistoryQuery)
            return;
        // A store that cannot be read is reported by the main window ("History is not kept");
        // the list stays as it was.
        if (incidents)
            showHistory(*incidents);
    });
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
    // Newest first: the first open one is the incident to carry on with.
    const auto open = std::ranges::find_if(incidents, &Incident::isOpen);
    if (std::exchange(m_resumeOpen, false) && open != incidents.cend() &&
        !m_incident->hasIncident())
        m_incident->resume(open->id);
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
    m_wizard = new IncidentWizard(m_incident, m_runbook, m_library, m_workspace, window());
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

void IncidentPage::onReminderDue(const EscalationStep &step, const QString &who)
{
    if (!m_incident->isActive())
        return;
    const QString text = tr("Escalate now: notify %1 (%2 after declaration).")
                             .arg(who, escalationDelayText(step.afterMinutes));
    // On the timeline at once, so a restart does not remind again.
    m_incident->recordEscalation(step.notify, who);
    m_notice->setText(text);
    m_notice->show();
    Q_EMIT notification(text);
}

} // namespace OpsDeck
