// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/alertsdialog.h"

#include "models/core/risk.h"
#include "models/remote/actiongate.h"
#include "widgets/common/confirmation.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

const QString CreateKind = u"alertmanager.silence.create"_s;
const QString ExpireKind = u"alertmanager.silence.expire"_s;

QTableView *newTable(QSortFilterProxyModel *sorted, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(sorted);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    return view;
}

// The columns fit their contents and the free text column takes the rest, so the dialog
// shows every column without scrolling sideways.
void fitColumns(QTableView *view, int stretched)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretched, QHeaderView::Stretch);
}

QString matchersText(const QList<SilenceMatcher> &matchers)
{
    QStringList texts;
    for (const SilenceMatcher &matcher : matchers)
        texts.append(matcher.text());
    return texts.join(u", "_s);
}

} // namespace

QString operatorName()
{
    // USER is unset under cron, systemd units and some CI runners; the home folder is not.
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

SilenceEditor::SilenceEditor(const QList<SilenceMatcher> &matchers, const QString &createdBy,
                             QWidget *parent)
    : QDialog(parent)
    , m_matchers(new QTableWidget(int(matchers.size()) + 1, 2, this))
    , m_duration(new QComboBox(this))
    , m_end(new QDateTimeEdit(this))
    , m_comment(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_createdBy(createdBy)
{
    setObjectName(u"silenceEditor"_s);
    setWindowTitle(tr("Silence Alert"));
    m_matchers->setObjectName(u"silenceMatchers"_s);
    m_matchers->setAccessibleName(tr("Matchers"));
    m_matchers->setHorizontalHeaderLabels({tr("Label"), tr("Value")});
    m_matchers->verticalHeader()->hide();
    m_matchers->horizontalHeader()->setStretchLastSection(true);
    // The last row stays empty for one more matcher; a row without a label is left out.
    for (int row = 0; row < matchers.size(); ++row) {
        m_matchers->setItem(row, 0, new QTableWidgetItem(matchers.at(row).name));
        m_matchers->setItem(row, 1, new QTableWidgetItem(matchers.at(row).value));
    }
    m_matchers->resizeColumnToContents(0);
    m_matchers->setMinimumHeight(110);

    m_duration->setObjectName(u"silenceDuration"_s);
    m_duration->addItem(tr("1 hour"), 3600);
    m_duration->addItem(tr("4 hours"), 4 * 3600);
    m_duration->addItem(tr("1 day"), 24 * 3600);
    m_duration->addItem(tr("Until a chosen time"), 0);
    m_end->setObjectName(u"silenceEnd"_s);
    m_end->setCalendarPopup(true);
    m_end->setDateTime(QDateTime::currentDateTime().addSecs(2 * 3600));
    m_end->setEnabled(false);
    m_comment->setObjectName(u"silenceComment"_s);
    m_comment->setPlaceholderText(tr("Why, and what the team should know (required)"));
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_problem->setWordWrap(true);

    auto *duration = new QHBoxLayout;
    duration->addWidget(m_duration);
    duration->addWidget(m_end, 1);
    auto *createdByLabel = new QLabel(createdBy, this);
    createdByLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Matches:"), m_matchers);
    auto *durationLabel = new QLabel(tr("&For:"), this);
    durationLabel->setBuddy(m_duration);
    form->addRow(durationLabel, duration);
    form->addRow(tr("&Comment:"), m_comment);
    form->addRow(tr("Created by:"), createdByLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Silence…"));
    setMinimumWidth(520);

    connect(m_duration, &QComboBox::currentIndexChanged, this, [this] {
        m_end->setEnabled(m_duration->currentData().toInt() == 0);
        updateOk();
    });
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &SilenceEditor::updateOk);
    connect(m_comment, &QLineEdit::textChanged, this, &SilenceEditor::updateOk);
    connect(m_matchers, &QTableWidget::itemChanged, this, [this] {
        // Always one empty row at the end for the next matcher.
        const int last = m_matchers->rowCount() - 1;
        const QTableWidgetItem *name = m_matchers->item(last, 0);
        if (name && !name->text().trimmed().isEmpty())
            m_matchers->insertRow(last + 1);
        updateOk();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QPushButton *SilenceEditor::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

SilenceRequest SilenceEditor::request() const
{
    SilenceRequest request;
    for (int row = 0; row < m_matchers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_matchers->item(row, 0);
        const QTableWidgetItem *value = m_matchers->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            request.matchers.append(
                {name->text().trimmed(), value ? value->text() : QString(), false, true});
    }
    const int seconds = m_duration->currentData().toInt();
    request.endsAt =
        seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(seconds) : m_end->dateTime().toUTC();
    request.createdBy = m_createdBy;
    request.comment = m_comment->text().trimmed();
    return request;
}

void SilenceEditor::updateOk()
{
    const SilenceRequest filled = request();
    QString problem;
    if (filled.matchers.isEmpty())
        problem = tr("A silence needs at least one label to match.");
    else if (filled.endsAt <= QDateTime::currentDateTimeUtc())
        problem = tr("The end lies in the past.");
    else if (filled.comment.isEmpty())
        problem = tr("Say why: the comment is what the team reads in Alertmanager.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
}

AlertsDialog::AlertsDialog(const QUrl &alertmanagerUrl, ActionGate *gate, QWidget *parent)
    : QDialog(parent)
    , m_gate(gate)
    , m_network(new QNetworkAccessManager(this))
    , m_client(new AlertmanagerClient(m_network, alertmanagerUrl, gate, this))
    , m_alerts(new AlertsModel(this))
    , m_silences(new SilencesModel(this))
    , m_alertsSorted(new QSortFilterProxyModel(this))
    , m_silencesSorted(new QSortFilterProxyModel(this))
    , m_alertsView(nullptr)
    , m_silencesView(nullptr)
    , m_labels(new QLabel(this))
    , m_message(new QLabel(this))
    , m_refreshButton(new QPushButton(themedIcon(u"refresh"_s), tr("&Refresh"), this))
    , m_silenceButton(new QPushButton(tr("&Silence…"), this))
    , m_expireButton(new QPushButton(tr("&Expire"), this))
{
    setObjectName(u"alertsDialog"_s);
    setWindowTitle(tr("Alerts and Silences: %1").arg(alertmanagerUrl.toDisplayString()));
    m_alertsSorted->setSourceModel(m_alerts);
    m_silencesSorted->setSourceModel(m_silences);
    m_alertsView = newTable(m_alertsSorted, u"alertsTable"_s, this);
    m_silencesView = newTable(m_silencesSorted, u"silencesTable"_s, this);
    fitColumns(m_alertsView, AlertsModel::Summary);
    fitColumns(m_silencesView, SilencesModel::Comment);
    m_alertsView->setAccessibleName(tr("Alerts"));
    m_silencesView->setAccessibleName(tr("Silences"));
    m_alertsView->sortByColumn(AlertsModel::Started, Qt::DescendingOrder);
    m_silencesView->sortByColumn(SilencesModel::Ends, Qt::DescendingOrder);
    m_labels->setObjectName(u"alertLabels"_s);
    m_labels->setWordWrap(true);
    m_labels->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(u"alertsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refreshButton->setObjectName(u"alertsRefresh"_s);
    // Enter in a table must not silence or expire anything: no button is the default.
    for (QPushButton *button : {m_refreshButton, m_silenceButton, m_expireButton})
        button->setAutoDefault(false);
    m_silenceButton->setObjectName(u"silenceAlert"_s);
    m_silenceButton->setToolTip(tr("Silence the selected alert for a while (asks first)"));
    m_expireButton->setObjectName(u"expireSilence"_s);
    m_expireButton->setToolTip(tr("End the selected silence now (asks first)"));

    auto *alertsPane = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsPane);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    auto *alertsHeader = new QHBoxLayout;
    alertsHeader->addWidget(new QLabel(tr("<b>Alerts</b>"), this), 1);
    alertsHeader->addWidget(m_silenceButton);
    alertsLayout->addLayout(alertsHeader);
    alertsLayout->addWidget(m_alertsView, 1);
    alertsLayout->addWidget(m_labels);
    auto *silencesPane = new QWidget(this);
    auto *silencesLayout = new QVBoxLayout(silencesPane);
    silencesLayout->setContentsMargins(0, 0, 0, 0);
    auto *silencesHeader = new QHBoxLayout;
    silencesHeader->addWidget(new QLabel(tr("<b>Silences</b>"), this), 1);
    silencesHeader->addWidget(m_expireButton);
    silencesLayout->addLayout(silencesHeader);
    silencesLayout->addWidget(m_silencesView, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(alertsPane);
    splitter->addWidget(silencesPane);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_refreshButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 600);

    connect(m_refreshButton, &QPushButton::clicked, this, &AlertsDialog::refresh);
    connect(m_silenceButton, &QPushButton::clicked, this, [this] { silenceSelected(); });
    connect(m_expireButton, &QPushButton::clicked, this, &AlertsDialog::expireSelected);
    connect(m_alertsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateLabels();
    });
    connect(m_silencesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsDialog::updateButtons);
    showMessage({}, false);
    updateButtons();
    updateLabels();
    refresh();
}

AlertsDialog::~AlertsDialog() = default;

QString AlertsDialog::message() const
{
    return m_message->text();
}

void AlertsDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette colours = m_message->palette();
    colours.setColor(QPalette::WindowText, problem ? StatusColours::bad(palette())
                                                   : palette().color(QPalette::WindowText));
    m_message->setPalette(colours);
}

void AlertsDialog::refresh()
{
    // One load at a time; asked again meanwhile, it loads once more when this one is back.
    if (m_loading > 0) {
        m_reloadAfter = true;
        return;
    }
    // Both lists answer later; the selection is taken again by id once they are back.
    m_loading = 2;
    m_refreshButton->setEnabled(false);
    const auto loaded = [this] {
        if (--m_loading == 0) {
            m_refreshButton->setEnabled(true);
            updateButtons();
            updateLabels();
            Q_EMIT refreshed();
            if (std::exchange(m_reloadAfter, false))
                refresh();
        }
    };
    m_client->listAlerts(this, [this, loaded](const AlertmanagerList<AlertmanagerAlert> &list) {
        const int row = selectedAlertRow();
        const QString fingerprint = row >= 0 ? m_alerts->alertAt(row).fingerprint : QString();
        m_alerts->setAlerts(list.items);
        if (!list.ok())
            showMessage(list.error, true);
        for (int source = 0; !fingerprint.isEmpty() && source < m_alerts->rowCount(); ++source) {
            if (m_alerts->alertAt(source).fingerprint == fingerprint)
                m_alertsView->selectRow(
                    m_alertsSorted->mapFromSource(m_alerts->index(source, 0)).row());
        }
        loaded();
    });
    m_client->listSilences(this, [this, loaded](const AlertmanagerList<AlertmanagerSilence> &list) {
        const int row = selectedSilenceRow();
        const QString id = row >= 0 ? m_silences->silenceAt(row).id : QString();
        m_silences->setSilences(list.items);
        if (!list.ok())
            showMessage(list.error, true);
        if (!id.isEmpty())
            selectSilence(id);
        m_silencesView->resizeColumnsToContents();
        loaded();
    });
}

int AlertsDialog::selectedAlertRow() const
{
    const QModelIndexList rows = m_alertsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_alertsSorted->mapToSource(rows.constFirst()).row();
}

int AlertsDialog::selectedSilenceRow() const
{
    const QModelIndexList rows = m_silencesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_silencesSorted->mapToSource(rows.constFirst()).row();
}

bool AlertsDialog::selectAlert(const QString &name)
{
    for (int source = 0; source < m_alerts->rowCount(); ++source) {
        if (m_alerts->alertAt(source).name() == name) {
            m_alertsView->selectRow(
                m_alertsSorted->mapFromSource(m_alerts->index(source, 0)).row());
            return true;
        }
    }
    return false;
}

bool AlertsDialog::selectSilence(const QString &id)
{
    for (int source = 0; source < m_silences->rowCount(); ++source) {
        if (m_silences->silenceAt(source).id == id) {
            m_silencesView->selectRow(
                m_silencesSorted->mapFromSource(m_silences->index(source, 0)).row());
            return true;
        }
    }
    return false;
}

// The buttons stay enabled in read-only mode: pressing one says why it cannot act.
void AlertsDialog::updateButtons()
{
    m_silenceButton->setEnabled(selectedAlertRow() >= 0 && !m_question && !m_editor);
    const int silence = selectedSilenceRow();
    const QString state = silence >= 0 ? m_silences->silenceAt(silence).state : QString();
    m_expireButton->setEnabled((state == u"active" || state == u"pending") && !m_question);
}

void AlertsDialog::updateLabels()
{
    const int row = selectedAlertRow();
    if (row < 0) {
        m_labels->setText(tr("Select an alert to see its labels."));
        m_labels->setForegroundRole(QPalette::PlaceholderText);
        return;
    }
    const AlertmanagerAlert &alert = m_alerts->alertAt(row);
    QStringList labels;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        labels.append(u"%1=%2"_s.arg(it.key(), it.value()));
    QString text = tr("Labels: %1").arg(labels.join(u"  "_s));
    if (alert.isSilenced())
        text += u"\n"_s + tr("Silenced by %1").arg(alert.silencedBy.join(u", "_s));
    m_labels->setText(text);
    m_labels->setForegroundRole(QPalette::WindowText);
}

QString AlertsDialog::refusalOf(const QString &kind) const
{
    if (!m_gate)
        return tr("Silences cannot be changed in this window: it has no safety gate.");
    DeclaredAction action;
    action.kind = kind;
    action.target = m_client->baseUrl().toDisplayString();
    // Asked as if confirmed: only what no confirmation can lift (read-only mode) stops here.
    return m_gate->refusal(action, {Risk::Change, {}});
}

SilenceEditor *AlertsDialog::silenceSelected()
{
    const int row = selectedAlertRow();
    if (row < 0 || m_editor || m_question)
        return nullptr;
    if (const QString refused = refusalOf(CreateKind); !refused.isEmpty()) {
        showMessage(refused, true);
        Q_EMIT actionFinished(refused);
        return nullptr;
    }
    const AlertmanagerAlert &alert = m_alerts->alertAt(row);
    QList<SilenceMatcher> matchers{{u"alertname"_s, alert.name(), false, true}};
    if (const QString instance = alert.labels.value(u"instance"_s); !instance.isEmpty())
        matchers.append({u"instance"_s, instance, false, true});
    m_editor = new SilenceEditor(matchers, operatorName(), this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &QDialog::finished, this, [this](int result) {
        const SilenceRequest request = m_editor ? m_editor->request() : SilenceRequest();
        m_editor.clear();
        updateButtons();
        if (result == QDialog::Accepted)
            confirmSilence(request);
    });
    m_editor->open();
    updateButtons();
    return m_editor;
}

void AlertsDialog::confirmSilence(const SilenceRequest &request)
{
    const QString matchers = matchersText(request.matchers);
    const QString until = QLocale().toString(request.endsAt.toLocalTime(), QLocale::ShortFormat);
    m_question = askToConfirmRisk(
        this, Risk::Change, tr("Silence alerts matching %1 until %2.").arg(matchers, until),
        tr("Alertmanager notifies nobody about these alerts until then, for the whole team."), {},
        [this, request, matchers](bool confirmed) {
            m_question.clear();
            updateButtons();
            if (!confirmed) {
                showMessage(tr("Not silenced: cancelled."), false);
                return;
            }
            showMessage(tr("Silencing…"), false);
            m_client->createSilence(
                request, {Risk::Change, {}}, this,
                [this, matchers](const ActionOutcome &outcome, const QString &id) {
                    if (outcome.succeeded())
                        showMessage(tr("Silenced %1 (silence %2).").arg(matchers, id), false);
                    else
                        showMessage(outcome.error, true);
                    Q_EMIT actionFinished(outcome.error);
                    refresh();
                });
        });
    updateButtons();
}

void AlertsDialog::expireSelected()
{
    const int row = selectedSilenceRow();
    if (row < 0 || m_question)
        return;
    if (const QString refused = refusalOf(ExpireKind); !refused.isEmpty()) {
        showMessage(refused, true);
        Q_EMIT actionFinished(refused);
        return;
    }
    const AlertmanagerSilence silence = m_silences->silenceAt(row);
    const QString matchers = matchersText(silence.matchers);
    m_question = askToConfirmRisk(
        this, Risk::Change, tr("Expire the silence of %1 now.").arg(matchers),
        tr("Alertmanager notifies the team again about alerts matching it (silence by %1: %2).")
            .arg(silence.createdBy, silence.comment),
        {}, [this, id = silence.id, matchers](bool confirmed) {
            m_question.clear();
            updateButtons();
            if (!confirmed) {
                showMessage(tr("Not expired: cancelled."), false);
                return;
            }
            showMessage(tr("Expiring…"), false);
            m_client->expireSilence(
                id, {Risk::Change, {}}, this,
                [this, matchers](const ActionOutcome &outcome, const QString &) {
                    if (outcome.succeeded())
                        showMessage(tr("Expired the silence of %1.").arg(matchers), false);
                    else
                        showMessage(outcome.error, true);
                    Q_EMIT actionFinished(outcome.error);
                    refresh();
                });
        });
    updateButtons();
}

} // namespace OpsDeck
