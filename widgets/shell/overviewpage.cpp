// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shell/overviewpage.h"

#include "models/incidents/escalationschedule.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    // File order until the user clicks a header.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

QTableWidgetItem *cell(const QVariant &value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    return item;
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_detailsBox(new QGroupBox(tr("Selected item"), this))
    , m_details(new QFormLayout(m_detailsBox))
    , m_thresholds(makeTable({tr("Metric"), tr("Warning"), tr("Critical"), tr("Unit")}, this))
    , m_escalation(makeTable({tr("Severity"), tr("After"), tr("Notify")}, this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto *counts = new QGridLayout;
    counts->setHorizontalSpacing(12);
    const QStringList countNames = {tr("Environments"), tr("Hosts"),       tr("Services"),
                                    tr("Databases"),    tr("Log sources"), tr("Backup locations")};
    for (int i = 0; i < countNames.size(); ++i) {
        auto *card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        card->setBackgroundRole(QPalette::Base);
        card->setAutoFillBackground(true);
        auto *cardLayout = new QVBoxLayout(card);
        auto *value = new QLabel(QStringLiteral("0"), card);
        QFont valueFont = value->font();
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
        valueFont.setBold(true);
        value->setFont(valueFont);
        auto *name = new QLabel(countNames[i], card);
        name->setForegroundRole(QPalette::PlaceholderText);
        cardLayout->addWidget(value);
        cardLayout->addWidget(name);
        counts->addWidget(card, 0, i);
        m_countValues.append(value);
    }

    m_details->setLabelAlignment(Qt::AlignRight);
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *thresholdsBox = new QGroupBox(tr("Thresholds"), this);
    (new QVBoxLayout(thresholdsBox))->addWidget(m_thresholds);
    auto *escalationBox = new QGroupBox(tr("Escalation"), this);
    (new QVBoxLayout(escalationBox))->addWidget(m_escalation);
    auto *tables = new QHBoxLayout;
    tables->addWidget(thresholdsBox);
    tables->addWidget(escalationBox);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(counts);
    layout->addWidget(m_detailsBox);
    layout->addLayout(tables);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    m_title->setText(workspace.name);
    m_subtitle->setText(workspace.isBuiltIn()
                            ? tr("Built-in workspace: this computer, no SSH needed. Open your "
                                 "team's workspace file with Ctrl+O.")
                            : workspace.filePath);
    fillCounts();
    fillThresholds();
    fillEscalation();
    showItem({});
}

void OverviewPage::fillCounts()
{
    qsizetype services = 0, databases = 0, logs = 0, backups = 0;
    for (const Environment &environment : std::as_const(m_workspace.environments)) {
        for (const Host &host : environment.hosts) {
            services += host.services.size();
            databases += host.databases.size() + host.redis.size();
            logs += host.logs.size();
            backups += host.backups.size();
        }
    }
    const QList<qsizetype> values = {m_workspace.environments.size(),
                                     m_workspace.hostCount(),
                                     services,
                                     databases,
                                     logs,
                                     backups};
    for (int i = 0; i < values.size(); ++i)
        m_countValues[i]->setText(QString::number(values[i]));
}

void OverviewPage::fillThresholds()
{
    m_thresholds->setSortingEnabled(false);
    m_thresholds->setRowCount(int(m_workspace.thresholds.size()));
    for (int row = 0; row < m_workspace.thresholds.size(); ++row) {
        const Threshold &threshold = m_workspace.thresholds[row];
        const QString prefix = threshold.direction == Threshold::Direction::Above
                                   ? QStringLiteral("> ")
                                   : QStringLiteral("< ");
        m_thresholds->setItem(row, 0, cell(threshold.metric));
        m_thresholds->setItem(row, 1, cell(QString(prefix + QString::number(threshold.warning))));
        m_thresholds->setItem(row, 2, cell(QString(prefix + QString::number(threshold.critical))));
        m_thresholds->setItem(row, 3, cell(threshold.unit));
    }
    m_thresholds->setSortingEnabled(true);
    m_thresholds->resizeColumnsToContents();
}

void OverviewPage::fillEscalation()
{
    m_escalation->setSortingEnabled(false);
    m_escalation->setRowCount(0);
    for (const EscalationPolicy &policy : std::as_const(m_workspace.escalation)) {
        for (const EscalationStep &step : policy.steps) {
            const int row = m_escalation->rowCount();
            m_escalation->insertRow(row);
            m_escalation->setItem(row, 0, cell(policy.severity));
            m_escalation->setItem(row, 1, cell(escalationDelayText(step.afterMinutes)));
            m_escalation->setItem(row, 2, cell(step.notify));
        }
    }
    if (m_escalation->rowCount() == 0) {
        m_escalation->insertRow(0);
        m_escalation->setItem(0, 0, cell(tr("No escalation matrix in this workspace")));
        m_escalation->setSpan(0, 0, 1, 3);
    }
    m_escalation->setSortingEnabled(true);
    m_escalation->resizeColumnsToContents();
}

void OverviewPage::showItem(const QString &id)
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    const auto add = [this](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        auto *field = new QLabel(value, m_detailsBox);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_details->addRow(label, field);
    };
    const QStringList parts = id.split(u'/');
    const Environment *environment = nullptr;
    for (const Environment &candidate : std::as_const(m_workspace.environments)) {
        if (!parts.isEmpty() && candidate.name == parts[0])
            environment = &candidate;
    }
    if (!environment) {
        m_detailsBox->setTitle(tr("Selected item"));
        add(tr("Nothing selected"), tr("Pick an item in the workspace tree to see its settings."));
        return;
    }
    const Host *host = parts.size() > 1 ? m_workspace.findHost(parts[1]) : nullptr;
    if (!host) {
        m_detailsBox->setTitle(tr("Environment %1").arg(environment->name));
        add(tr("Description"), environment->description);
        add(tr("Hosts"), QString::number(environment->hosts.size()));
        return;
    }
    if (parts.size() == 2) {
        m_detailsBox->setTitle(tr("Host %1").arg(host->name));
        add(tr("Environment"), environment->name);
        add(tr("Connection"), host->isLocal() ? tr("local, without SSH") : tr("SSH"));
        if (!host->isLocal()) {
            add(tr("Address"), host->address);
            add(tr("Port"), QString::number(host->port));
            add(tr("User"), host->user);
            add(tr("Authentication"), toString(host->auth));
            add(tr("Key file"), host->identityFile);
            add(tr("Jump host"), host->jumpHost);
            add(tr("Secret"), host->secret.isEmpty()
                                  ? QString()
                                  : tr("keychain entry %1").arg(host->secret.entry));
        }
        add(tr("Tags"), host->tags.join(QStringLiteral(", ")));
        if (host->location.line > 0)
            add(tr("Defined at"), tr("line %1").arg(host->location.line));
        return;
    }
    const QString kindAndName = parts.mid(2).join(u'/');
    const QString kind = kindAndName.section(u':', 0, 0);
    const QString name = kindAndName.section(u':', 1);
    if (kind == u"service") {
        for (const Service &service : host->services) {
            if (service.name != name)
                continue;
            m_detailsBox->setTitle(tr("Service %1").arg(name));
            add(tr("Health URL"), service.healthUrl.toDisplayString());
            add(tr("Metrics URL"), service.metricsUrl.toDisplayString());
            add(tr("Expected status"), QString::number(service.expectedStatus));
            add(tr("Expected text"), service.expectedBody);
        }
    } else if (kind == u"database") {
        for (const Database &database : host->databases) {
            if (database.name != name)
                continue;
            m_detailsBox->setTitle(tr("Database %1").arg(name));
            add(tr("Server"), QStringLiteral("%1:%2").arg(database.host).arg(database.port));
            add(tr("Database"), database.database);
            add(tr("User"), database.user);
            add(tr("SSL mode"), database.sslMode);
            add(tr("Tunnel through"), database.viaHost.isEmpty() ? host->name : database.viaHost);
        }
    } else if (kind == u"redis") {
        for (const RedisInstance &redis : host->redis) {
            if (redis.name != name)
                continue;
            m_detailsBox->setTitle(tr("Redis %1").arg(name));
            add(tr("Server"), redis.socketPath.isEmpty()
                                  ? QStringLiteral("%1:%2").arg(redis.host).arg(redis.port)
                                  : redis.socketPath);
            add(tr("Database index"), QString::number(redis.databaseIndex));
        }
    } else if (kind == u"log") {
        for (const LogSource &log : host->logs) {
            if (log.name != name)
                continue;
            m_detailsBox->setTitle(tr("Log source %1").arg(name));
            add(tr("Kind"), toString(log.kind));
            add(tr("Target"), log.target.isEmpty() ? tr("the whole journal") : log.target);
        }
    } else if (kind == u"backup") {
        for (const BackupLocation &backup : host->backups) {
            if (backup.name != name)
                continue;
            m_detailsBox->setTitle(tr("Backup location %1").arg(name));
            add(tr("Directory"), backup.directory);
            add(tr("Files"), backup.glob);
            add(tr("Retention (days)"),
                backup.retentionDays > 0 ? QString::number(backup.retentionDays) : QString());
        }
    }
    add(tr("Host"), host->name);
}

} // namespace OpsDeck
