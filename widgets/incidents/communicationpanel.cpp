// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/communicationpanel.h"

#include "models/incidents/incidentsession.h"
#include "widgets/common/themedicon.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

CommunicationPanel::CommunicationPanel(IncidentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_chooser(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_source(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_fillAgainButton(
          new QPushButton(themedIcon(QStringLiteral("reload")), tr("Fill again"), this))
    , m_copyButton(new QPushButton(tr("Copy to clipboard"), this))
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
{
    Q_ASSERT(session);

    m_chooser->setObjectName(QStringLiteral("communicationTemplates"));
    m_chooser->setAccessibleName(tr("Message template"));
    m_chooser->setSelectionMode(QAbstractItemView::SingleSelection);
    m_chooser->setUniformItemSizes(true);
    m_chooser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Rows with some air: four targets to hit quickly, not a dense list.
    const QSize itemSize(0, m_chooser->fontMetrics().height() + 12);
    for (const CommunicationTemplate which : allCommunicationTemplates()) {
        auto *item = new QListWidgetItem(communicationTemplateTitle(which), m_chooser);
        item->setData(Qt::UserRole, int(which));
        item->setSizeHint(itemSize);
    }
    connect(m_chooser, &QListWidget::currentRowChanged, this,
            &CommunicationPanel::onTemplateChosen);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("communicationTitle"));
    m_source->setObjectName(QStringLiteral("communicationSource"));
    m_source->setForegroundRole(QPalette::PlaceholderText);

    m_editor->setObjectName(QStringLiteral("communicationEditor"));
    m_editor->setAccessibleName(tr("Message"));
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_filling)
            return;
        m_drafts.insert(m_current, m_editor->toPlainText());
        updateChooserItems();
        updateState();
    });

    m_fillAgainButton->setObjectName(QStringLiteral("communicationFillAgain"));
    m_fillAgainButton->setToolTip(
        tr("Fill the template from the incident as it is now; your changes to this message are "
           "replaced"));
    connect(m_fillAgainButton, &QPushButton::clicked, this, &CommunicationPanel::fillAgain);
    m_copyButton->setObjectName(QStringLiteral("communicationCopy"));
    m_copyButton->setToolTip(tr("Copy the message and note on the timeline that it was sent"));
    m_copyButton->setDefault(false);
    connect(m_copyButton, &QPushButton::clicked, this, &CommunicationPanel::copyToClipboard);

    m_status->setObjectName(QStringLiteral("communicationStatus"));
    m_status->setWordWrap(true);

    QStringList fields;
    for (const QString &name : templateFieldNames())
        fields.append(u'{' + name + u'}');
    QStringList keys;
    for (const CommunicationTemplate which : allCommunicationTemplates())
        keys.append(communicationTemplateId(which));
    m_hint->setObjectName(QStringLiteral("communicationHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setText(tr("Fields filled from the incident: %1.<br>Change the texts in the workspace "
                       "file under <code>templates:</code>, keys %2.")
                        .arg(fields.join(u", ").toHtmlEscaped(),
                             u"<code>"_s + keys.join(u"</code>, <code>"_s) + u"</code>"_s));

    connect(session, &IncidentSession::changed, this, &CommunicationPanel::onIncidentChanged);
    connect(session, &IncidentSession::eventRecorded, this, &CommunicationPanel::onEventRecorded);
    connect(session, &IncidentSession::failed, this, [this](const QString &message) {
        if (m_recording.isEmpty())
            return;
        m_recording.clear();
        m_status->setText(
            tr("Copied to the clipboard, but not recorded on the timeline: %1").arg(message));
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_fillAgainButton);
    buttons->addWidget(m_copyButton);
    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QHBoxLayout;
    heading->addWidget(m_title);
    heading->addStretch(1);
    heading->addWidget(m_source);
    right->addLayout(heading);
    right->addWidget(m_editor, 1);
    right->addWidget(m_hint);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chooser);
    layout->addLayout(right, 1);

    updateChooserItems();
    m_chooser->setCurrentRow(0);
}

CommunicationPanel::~CommunicationPanel() = default;

void CommunicationPanel::setTemplates(const CommunicationTemplates &templates)
{
    m_templates = templates;
    updateChooserItems();
    if (!isEdited())
        showText(filledText());
    updateState();
}

void CommunicationPanel::setCurrentTemplate(CommunicationTemplate which)
{
    const int row = int(allCommunicationTemplates().indexOf(which));
    if (row >= 0)
        m_chooser->setCurrentRow(row);
}

void CommunicationPanel::fillAgain()
{
    m_drafts.remove(m_current);
    showText(filledText());
    updateChooserItems();
    updateState();
}

void CommunicationPanel::copyToClipboard()
{
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty() || !m_session || !m_session->hasIncident())
        return;
    QApplication::clipboard()->setText(text);
    m_recording = communicationTemplateId(m_current);
    m_status->setText(tr("Copied to the clipboard; noting it on the timeline…"));
    if (!m_session->recordCommunication(m_recording, text))
        m_recording.clear();
}

void CommunicationPanel::onTemplateChosen(int row)
{
    const QList<CommunicationTemplate> all = allCommunicationTemplates();
    if (row < 0 || row >= all.size())
        return;
    m_current = all.at(row);
    const auto draft = m_drafts.constFind(m_current);
    showText(draft != m_drafts.constEnd() ? *draft : filledText());
    m_status->clear();
    updateState();
}

void CommunicationPanel::onIncidentChanged()
{
    // The user's own words are never replaced behind their back.
    if (!isEdited())
        showText(filledText());
    updateState();
}

void CommunicationPanel::onEventRecorded(const IncidentEvent &event)
{
    if (m_recording.isEmpty() || event.kind != IncidentEvent::Kind::Communication ||
        event.subject != m_recording)
        return;
    m_recording.clear();
    m_status->setText(tr("Copied at %1 and noted on the timeline.")
                          .arg(event.at.toLocalTime().toString(u"HH:mm:ss"_s)));
}

QString CommunicationPanel::filledText() const
{
    if (!m_session || !m_session->hasIncident())
        return m_templates.text(m_current);
    return m_templates.filled(m_current, m_session->incident(), QDateTime::currentDateTimeUtc());
}

void CommunicationPanel::showText(const QString &text)
{
    if (text == m_editor->toPlainText())
        return;
    m_filling = true;
    m_editor->setPlainText(text);
    m_filling = false;
}

void CommunicationPanel::updateChooserItems()
{
    const QList<CommunicationTemplate> all = allCommunicationTemplates();
    for (int row = 0; row < m_chooser->count() && row < all.size(); ++row) {
        const CommunicationTemplate which = all.at(row);
        QListWidgetItem *item = m_chooser->item(row);
        item->setText(m_drafts.contains(which)
                          ? tr("%1 (edited)").arg(communicationTemplateTitle(which))
                          : communicationTemplateTitle(which));
        item->setToolTip(m_templates.isFromWorkspace(which) ? tr("Text from the workspace file")
                                                            : tr("OpsDeck's default text"));
    }
    // Wide enough for the longest title with its "(edited)", never wider.
    int width = 0;
    for (const CommunicationTemplate which : all) {
        width = std::max(width, m_chooser->fontMetrics().horizontalAdvance(
                                    tr("%1 (edited)").arg(communicationTemplateTitle(which))));
    }
    m_chooser->setFixedWidth(width + 2 * m_chooser->frameWidth() + 24);
}

void CommunicationPanel::updateState()
{
    const bool hasIncident = m_session && m_session->hasIncident();
    const QString id = communicationTemplateId(m_current);
    m_title->setText(communicationTemplateTitle(m_current));
    const QString source = m_templates.isFromWorkspace(m_current)
                               ? tr("Text from the workspace file (templates: %1)").arg(id)
                               : tr("OpsDeck's default text");
    m_source->setText(isEdited() ? tr("%1, edited here").arg(source) : source);

    m_editor->setReadOnly(!hasIncident);
    m_fillAgainButton->setEnabled(hasIncident);
    m_copyButton->setEnabled(hasIncident && !m_editor->toPlainText().trimmed().isEmpty());
    if (!hasIncident) {
        m_status->setText(tr("Declare or resume an incident to fill in the template."));
        m_waitingForIncident = true;
    } else if (m_waitingForIncident) {
        m_status->clear();
        m_waitingForIncident = false;
    }
}

} // namespace OpsDeck
