// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/incidents/incidenttimelinepanel.h"

#include "models/audit/auditmodel.h"
#include "models/incidents/incidentsession.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "widgets/common/themedicon.h"
#include "widgets/runbooks/runbookstepcard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;
using Kind = IncidentEvent::Kind;

// Filters the timeline by kind and by text (summary, host, command) and paints failed steps in
// the error colour: colours belong to the widgets layer, not to the model.
class TimelineFilterModel final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setKind(IncidentTimelinePanel::KindFilter kind)
    {
        if (kind == m_kind)
            return;
        m_kind = kind;
        invalidateFilter();
    }

    void setText(const QString &text)
    {
        const QString trimmed = text.trimmed();
        if (trimmed == m_text)
            return;
        m_text = trimmed;
        invalidateFilter();
    }

    bool isFiltering() const
    {
        return m_kind != IncidentTimelinePanel::KindFilter::All || !m_text.isEmpty();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && isFailedStep(mapToSource(index)))
            return QBrush(RunbookColours::failure());
        return QSortFilterProxyModel::data(index, role);
    }

    static bool isFailedStep(const QModelIndex &source)
    {
        if (!source.isValid() ||
            source.data(IncidentTimelineModel::KindRole).toInt() != int(Kind::StepRun))
            return false;
        // No exit code at all (signalled, timed out, could not run) is no success either.
        const QString exit =
            source.siblingAtColumn(IncidentTimelineModel::ExitColumn).data().toString();
        return exit != u"0";
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QAbstractItemModel *source = sourceModel();
        const QModelIndex row = source->index(sourceRow, 0, sourceParent);
        if (!kindMatches(Kind(row.data(IncidentTimelineModel::KindRole).toInt())))
            return false;
        if (m_text.isEmpty())
            return true;
        const auto contains = [this](const QVariant &value) {
            return value.toString().contains(m_text, Qt::CaseInsensitive);
        };
        return contains(row.siblingAtColumn(IncidentTimelineModel::SummaryColumn).data()) ||
               contains(row.siblingAtColumn(IncidentTimelineModel::HostColumn).data()) ||
               contains(row.data(IncidentTimelineModel::CommandRole));
    }

private:
    bool kindMatches(Kind kind) const
    {
        using Filter = IncidentTimelinePanel::KindFilter;
        switch (m_kind) {
        case Filter::All:
            return true;
        case Filter::Steps:
            return kind == Kind::StepRun;
        case Filter::Notes:
            return kind == Kind::Note;
        case Filter::StatusAndSeverity:
            return kind == Kind::Declared || kind == Kind::StatusChanged ||
                   kind == Kind::SeverityChanged;
        case Filter::Escalations:
            return kind == Kind::Escalation;
        case Filter::Communication:
            return kind == Kind::Communication;
        }
        return true;
    }

    IncidentTimelinePanel::KindFilter m_kind = IncidentTimelinePanel::KindFilter::All;
    QString m_text;
};

namespace {

// One line per row: a tab or line break inside a cell would break the table apart.
QString cellText(const QModelIndex &index)
{
    QString text = index.data().toString();
    text.replace(u'\t', u' ');
    text.replace(u"\r\n"_s, u" "_s);
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

} // namespace

IncidentTimelinePanel::IncidentTimelinePanel(IncidentSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new TimelineFilterModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_kindFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_view(new QTableView(m_splitter))
    , m_detailHeader(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
    , m_noteEdit(new QLineEdit(this))
    , m_addNoteButton(new QPushButton(themedIcon(QStringLiteral("add")), tr("Add note"), this))
{
    Q_ASSERT(session);

    // Filter bar.
    m_filterEdit->setObjectName(QStringLiteral("timelineTextFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by text, host or command…"));
    m_filterEdit->setAccessibleName(tr("Filter the timeline"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });

    m_kindFilter->setObjectName(QStringLiteral("timelineKindFilter"));
    m_kindFilter->setAccessibleName(tr("Kind of event"));
    m_kindFilter->addItem(tr("All events"), int(KindFilter::All));
    m_kindFilter->addItem(tr("Steps"), int(KindFilter::Steps));
    m_kindFilter->addItem(tr("Notes"), int(KindFilter::Notes));
    m_kindFilter->addItem(tr("Status & severity"), int(KindFilter::StatusAndSeverity));
    m_kindFilter->addItem(tr("Escalations"), int(KindFilter::Escalations));
    m_kindFilter->addItem(tr("Communication"), int(KindFilter::Communication));
    m_kindFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKind(KindFilter(m_kindFilter->currentData().toInt()));
        updateCount();
    });

    m_count->setObjectName(QStringLiteral("timelineCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    // The table.
    m_filter->setSourceModel(session->timelineModel());
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setAccessibleName(tr("Incident timeline"));
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(IncidentTimelineModel::SummaryColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 3 * metrics.averageCharWidth() + 8;
    int kindWidth = metrics.horizontalAdvance(tr("Kind"));
    for (int kind = int(Kind::Declared); kind <= int(Kind::FieldChanged); ++kind)
        kindWidth =
            std::max(kindWidth, metrics.horizontalAdvance(incidentEventKindText(Kind(kind))));
    m_view->setColumnWidth(IncidentTimelineModel::TimeColumn,
                           metrics.horizontalAdvance(QStringLiteral("00:00:00")) + padding);
    m_view->setColumnWidth(IncidentTimelineModel::ElapsedColumn,
                           metrics.horizontalAdvance(QStringLiteral("T+0:00:00")) + padding);
    m_view->setColumnWidth(IncidentTimelineModel::KindColumn, kindWidth + padding);
    m_view->setColumnWidth(IncidentTimelineModel::HostColumn,
                           metrics.horizontalAdvance(QStringLiteral("web-prod-01.lan")) + padding);
    m_view->setColumnWidth(IncidentTimelineModel::ExitColumn,
                           std::max(metrics.horizontalAdvance(tr("Exit")),
                                    metrics.horizontalAdvance(QStringLiteral("255"))) +
                               padding);
    header->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("000")) + 8);

    auto *copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &IncidentTimelinePanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    // New lines come into view while the user is at the bottom; someone reading further up keeps
    // their place. The range grows after the rows arrive (the view lays out later), so following
    // means staying at the maximum whatever it becomes.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followNewest = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followNewest)
            bar->setValue(maximum);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followNewest)
            m_view->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        m_view->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &IncidentTimelinePanel::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] {
        // After a filter change the selected line stays in sight.
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_view->scrollTo(current);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetails(current); });

    // The detail pane.
    m_detailHeader->setObjectName(QStringLiteral("timelineDetailHeader"));
    m_detailHeader->setTextFormat(Qt::RichText);
    m_detailHeader->setWordWrap(true);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(QStringLiteral("timelineDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setAccessibleName(tr("Selected event in full"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *detailPane = new QWidget(m_splitter);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addWidget(m_detailHeader);
    detailLayout->addWidget(m_detail, 1);
    m_splitter->setObjectName(QStringLiteral("timelineSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(detailPane);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    // The note line.
    m_noteEdit->setObjectName(QStringLiteral("timelineNoteEdit"));
    m_noteEdit->setAccessibleName(tr("Note"));
    m_noteEdit->setClearButtonEnabled(true);
    m_addNoteButton->setObjectName(QStringLiteral("timelineAddNote"));
    m_addNoteButton->setToolTip(tr("Write the note on the timeline (Return)"));
    connect(m_noteEdit, &QLineEdit::returnPressed, this, &IncidentTimelinePanel::addNote);
    connect(m_noteEdit, &QLineEdit::textChanged, this, &IncidentTimelinePanel::updateNoteLine);
    connect(m_addNoteButton, &QPushButton::clicked, this, &IncidentTimelinePanel::addNote);
    connect(session, &IncidentSession::changed, this, &IncidentTimelinePanel::updateNoteLine);

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterEdit, 1);
    filterBar->addWidget(m_kindFilter);
    filterBar->addWidget(m_count);
    auto *noteBar = new QHBoxLayout;
    noteBar->addWidget(m_noteEdit, 1);
    noteBar->addWidget(m_addNoteButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(noteBar);

    setTabOrder(m_filterEdit, m_kindFilter);
    setTabOrder(m_kindFilter, m_view);
    setTabOrder(m_view, m_detail);
    setTabOrder(m_detail, m_noteEdit);
    setTabOrder(m_noteEdit, m_addNoteButton);

    updateNoteLine();
    updateCount();
    showDetails({});
    m_view->scrollToBottom();
}

IncidentTimelinePanel::~IncidentTimelinePanel() = default;

void IncidentTimelinePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showDetails(m_view->currentIndex()); // the error colour follows the palette
}

void IncidentTimelinePanel::setKindFilter(KindFilter kind)
{
    m_kindFilter->setCurrentIndex(m_kindFilter->findData(int(kind)));
}

void IncidentTimelinePanel::addNote()
{
    const QString text = m_noteEdit->text().trimmed();
    if (text.isEmpty() || !m_session || !m_session->isActive())
        return;
    if (m_session->addNote(text))
        m_noteEdit->clear();
}

void IncidentTimelinePanel::updateNoteLine()
{
    const bool active = m_session && m_session->isActive();
    m_noteEdit->setEnabled(active);
    m_addNoteButton->setEnabled(active && !m_noteEdit->text().trimmed().isEmpty());
    if (active) {
        m_noteEdit->setPlaceholderText(
            tr("Add a note to the timeline: what you see, decide or try…"));
    } else if (m_session && m_session->hasIncident()) {
        m_noteEdit->setPlaceholderText(tr("%1 is closed; its timeline takes no more notes.")
                                           .arg(m_session->incident().reference()));
    } else {
        m_noteEdit->setPlaceholderText(tr("Declare or resume an incident to add notes."));
    }
}

void IncidentTimelinePanel::updateCount()
{
    const int total = m_filter->sourceModel() ? m_filter->sourceModel()->rowCount() : 0;
    const int shown = m_filter->rowCount();
    m_count->setText(m_filter->isFiltering() ? tr("%1 of %n event(s)", nullptr, total).arg(shown)
                                             : tr("%n event(s)", nullptr, total));
}

void IncidentTimelinePanel::showDetails(const QModelIndex &current)
{
    const QModelIndex source = m_filter->mapToSource(current);
    if (!source.isValid()) {
        m_detailHeader->setText(
            tr("Select a line to read it in full: command and output, note or message."));
        m_detailHeader->setForegroundRole(QPalette::PlaceholderText);
        m_detail->clear();
        return;
    }
    m_detailHeader->setForegroundRole(QPalette::WindowText);

    const auto text = [&](int column) { return source.siblingAtColumn(column).data().toString(); };
    const Kind kind = Kind(source.data(IncidentTimelineModel::KindRole).toInt());
    const QString command = source.data(IncidentTimelineModel::CommandRole).toString();
    const QString output = source.data(IncidentTimelineModel::OutputRole).toString();
    // The row shows the first line of a summary only; the pane shows all of it.
    const auto *timeline = static_cast<const IncidentTimelineModel *>(m_filter->sourceModel());
    const IncidentEvent &event = timeline->eventAt(source.row());

    QStringList facts;
    facts.append(u"<b>"_s + incidentEventKindText(kind).toHtmlEscaped() + u"</b>"_s);
    const QDateTime at = source.data(IncidentTimelineModel::AtRole).toDateTime();
    if (at.isValid())
        facts.append(timeline->wallTimeText(at).toHtmlEscaped());
    if (!text(IncidentTimelineModel::ElapsedColumn).isEmpty())
        facts.append(text(IncidentTimelineModel::ElapsedColumn).toHtmlEscaped());
    if (!text(IncidentTimelineModel::HostColumn).isEmpty())
        facts.append(tr("on %1").arg(text(IncidentTimelineModel::HostColumn).toHtmlEscaped()));
    if (kind == Kind::StepRun) {
        const QString exit = text(IncidentTimelineModel::ExitColumn);
        const QString outcome = exit.isEmpty() ? event.summary.section(u'\n', 0, 0).toHtmlEscaped()
                                               : tr("exit %1").arg(exit.toHtmlEscaped());
        facts.append(TimelineFilterModel::isFailedStep(source)
                         ? u"<span style=\"color:%1\">%2</span>"_s.arg(
                               RunbookColours::failure().name(), outcome)
                         : outcome);
        facts.append(AuditModel::formatDuration(event.durationMs).toHtmlEscaped());
    }
    if (!event.author.isEmpty())
        facts.append(tr("by %1").arg(event.author.toHtmlEscaped()));
    m_detailHeader->setText(facts.join(u" · "_s));

    QString body;
    if (kind == Kind::StepRun) {
        body = u"$ "_s + command + u"\n\n"_s;
        body += output.isEmpty() ? tr("(no output)") : output;
    } else {
        body = event.summary;
        if (!output.isEmpty() && output != event.summary)
            body += u"\n\n"_s + output;
    }
    // Command output keeps its columns; prose wraps.
    m_detail->setLineWrapMode(kind == Kind::StepRun ? QPlainTextEdit::NoWrap
                                                    : QPlainTextEdit::WidgetWidth);
    m_detail->setPlainText(body);
}

QString IncidentTimelinePanel::selectionAsText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());

    const QHeaderView *header = m_view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QString text;
    for (const int row : std::as_const(rows)) {
        QStringList cells;
        for (const int column : std::as_const(columns))
            cells.append(cellText(m_filter->index(row, column)));
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

void IncidentTimelinePanel::copySelection()
{
    const QString text = selectionAsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace OpsDeck
