// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/audit/auditpage.h"

#include "models/audit/auditcsv.h"
#include "models/audit/auditlog.h"
#include "models/audit/auditmodel.h"
#include "models/core/filewriter.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace OpsDeck {

namespace {

// The newest rows only: enough to read, cheap to ask for every two seconds.
constexpr int RowLimit = 1000;
constexpr int AutoRefreshMs = 2000;
constexpr int TypingDelayMs = 250;
// Coalesces the bursts of auditStarted/auditFinished that a runbook step produces.
constexpr int StoreChangeDelayMs = 150;

// Colours and fonts the models layer cannot provide (it does not link QtGui): Change in amber
// and Destroy in red in the risk column, failures in red, running commands in italics. Text
// colours differ for light and dark palettes so both keep a readable contrast.
class AuditStyleProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            const QVariant colour = foreground(index);
            if (colour.isValid())
                return colour;
        } else if (role == Qt::FontRole &&
                   index.data(AuditModel::StatusRole).toInt() == int(AuditStatus::Running)) {
            QFont italic; // only the italic flag is set; the rest comes from the view
            italic.setItalic(true);
            return italic;
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    static QBrush red() { return StatusColours::bad(QApplication::palette()); }

    QVariant foreground(const QModelIndex &index) const
    {
        switch (index.column()) {
        case AuditModel::RiskColumn: {
            // Read stays in the view's own text colour: only what changes things stands out.
            const auto risk = Risk(index.data(AuditModel::RiskRole).toInt());
            if (risk == Risk::Read)
                return {};
            return QBrush(StatusColours::forRisk(risk, QApplication::palette()));
        }
        case AuditModel::StatusColumn:
            if (index.data(AuditModel::StatusRole).toInt() == int(AuditStatus::Failed))
                return red();
            return {};
        case AuditModel::ExitColumn: {
            // Non-zero exit codes and signals.
            const QVariant exit = index.data(AuditModel::SortRole);
            return exit.isValid() && exit.toLongLong() != 0 ? QVariant(red()) : QVariant();
        }
        default:
            return {};
        }
    }
};

} // namespace

AuditPage::AuditPage(AuditLog *auditLog, QWidget *parent)
    : QWidget(parent)
    , m_auditLog(auditLog)
    , m_model(new AuditModel(this))
    , m_sorter(new QSortFilterProxyModel(this))
    , m_hostFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_timeRange(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_exportStatus(new QLabel(this))
    , m_chainStatus(new QLabel(this))
    , m_refreshAction(new QAction(themedIcon(QStringLiteral("reload")), tr("&Refresh"), this))
    , m_exportAction(new QAction(tr("&Export CSV…"), this))
    , m_verifyAction(new QAction(tr("&Verify"), this))
    , m_autoRefresh(new QTimer(this))
    , m_filterDelay(new QTimer(this))
    , m_soonRefresh(new QTimer(this))
{
    // Filter bar.
    m_hostFilter->setObjectName(QStringLiteral("auditHostFilter"));
    m_hostFilter->setAccessibleName(tr("Host"));
    m_hostFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostFilter->addItem(tr("All hosts"), QString());
    connect(m_hostFilter, &QComboBox::currentIndexChanged, this, &AuditPage::refresh);

    m_textFilter->setObjectName(QStringLiteral("auditTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter commands…"));
    m_textFilter->setAccessibleName(tr("Filter commands"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(TypingDelayMs);
    connect(m_textFilter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_textFilter, &QLineEdit::returnPressed, this, [this] {
        m_filterDelay->stop();
        refresh();
    });

    m_timeRange->setObjectName(QStringLiteral("auditTimeRange"));
    m_timeRange->setAccessibleName(tr("Time range"));
    m_timeRange->addItem(tr("Last hour"), int(TimeRange::LastHour));
    m_timeRange->addItem(tr("Last 24 hours"), int(TimeRange::Last24Hours));
    m_timeRange->addItem(tr("Last 7 days"), int(TimeRange::Last7Days));
    m_timeRange->addItem(tr("All"), int(TimeRange::All));
    m_timeRange->setCurrentIndex(m_timeRange->findData(int(TimeRange::Last24Hours)));
    connect(m_timeRange, &QComboBox::currentIndexChanged, this, &AuditPage::refresh);

    // F5 is handled in event() and keyPressEvent(), not as the action's shortcut: the main window
    // binds F5 to reloading the workspace, and two shortcuts on one key cancel each other out.
    m_refreshAction->setObjectName(QStringLiteral("auditRefresh"));
    m_refreshAction->setToolTip(
        tr("Read the audit log again (%1)")
            .arg(QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &AuditPage::refresh);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refreshAction);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_exportAction->setObjectName(QStringLiteral("auditExport"));
    m_exportAction->setToolTip(tr("Save the rows shown as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &AuditPage::exportWithDialog);
    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_verifyAction->setObjectName(QStringLiteral("auditVerify"));
    m_verifyAction->setToolTip(
        tr("Check that no row of the audit log was edited, removed or reordered"));
    m_verifyAction->setEnabled(m_auditLog != nullptr);
    connect(m_verifyAction, &QAction::triggered, this, &AuditPage::verifyChain);
    auto *verifyButton = new QToolButton(this);
    verifyButton->setDefaultAction(m_verifyAction);
    verifyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    // Table: colours, then sorting on raw values.
    auto *style = new AuditStyleProxy(this);
    style->setSourceModel(m_model);
    m_sorter->setSourceModel(style);
    m_sorter->setSortRole(AuditModel::SortRole);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_sorter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditModel::StartedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // A log reads better dense: one text line and a little air per row.
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::CommandColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setAccessibleName(tr("Audit log"));

    auto *copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &AuditPage::copySelection);
    m_view->addAction(copy);
    m_view->addAction(m_refreshAction);
    m_view->addAction(m_exportAction);
    m_view->addAction(m_verifyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->setObjectName(QStringLiteral("auditExportStatus"));
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextFormat(Qt::RichText);
    m_exportStatus->setOpenExternalLinks(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_exportStatus->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_chainStatus->setObjectName(QStringLiteral("auditChainStatus"));
    m_chainStatus->setWordWrap(true);
    m_chainStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_hostFilter);
    bar->addWidget(m_textFilter, 1);
    bar->addWidget(m_timeRange);
    bar->addWidget(refreshButton);
    bar->addWidget(exportButton);
    bar->addWidget(verifyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_chainStatus, 1);
    statusRow->addWidget(m_exportStatus, 1);
    layout->addLayout(statusRow);
    setFocusProxy(m_view);

    // Refreshing: every two seconds while shown, and soon after the store wrote a row.
    m_autoRefresh->setObjectName(QStringLiteral("auditAutoRefresh"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        // A slow answer is waited for rather than replaced again and again.
        if (!m_querying)
            refresh();
    });
    m_soonRefresh->setSingleShot(true);
    m_soonRefresh->setInterval(StoreChangeDelayMs);
    connect(m_soonRefresh, &QTimer::timeout, this, &AuditPage::refresh);
    if (m_auditLog) {
        connect(m_auditLog, &AuditLog::rowWritten, this, [this] {
            if (isVisible())
                m_soonRefresh->start();
        });
        connect(m_auditLog, &AuditLog::writeFailed, this, [this](const QString &message) {
            showChainStatus(tr("Incomplete: %1").arg(message), true);
        });
    }
    updateStatus();
}

AuditPage::~AuditPage() = default;

void AuditPage::setHostNames(const QStringList &hosts)
{
    addHostChoices(hosts);
}

void AuditPage::setTimeRange(TimeRange range)
{
    m_timeRange->setCurrentIndex(m_timeRange->findData(int(range)));
}

AuditQuery AuditPage::currentQuery() const
{
    AuditQuery query;
    query.host = m_hostFilter->currentData().toString();
    query.text = m_textFilter->text();
    query.limit = RowLimit;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (TimeRange(m_timeRange->currentData().toInt())) {
    case TimeRange::LastHour:
        query.from = now.addSecs(-60 * 60);
        break;
    case TimeRange::Last24Hours:
        query.from = now.addDays(-1);
        break;
    case TimeRange::Last7Days:
        query.from = now.addDays(-7);
        break;
    case TimeRange::All:
        break;
    }
    return query;
}

void AuditPage::refresh()
{
    m_filterDelay->stop();
    m_soonRefresh->stop();
    if (!m_auditLog) {
        m_error = tr("The audit log is not available: there is no state database.");
        updateStatus();
        return;
    }
    // Any answer still on its way is stale from now on.
    const quint64 number = ++m_lastQuery;
    m_querying = true;
    m_auditLog->query(currentQuery(), this,
                      [this, number](const StoreResult<QList<AuditEntry>> &entries) {
                          if (number != m_lastQuery)
                              return;
                          m_querying = false;
                          if (entries)
                              onAuditQueried(*entries);
                          else
                              onFailed(entries.error());
                      });
}

void AuditPage::onAuditQueried(const QList<AuditEntry> &entries)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_loaded = true;
    m_error.clear();
    m_model->setEntries(entries);

    QStringList hosts;
    for (const AuditEntry &entry : entries)
        hosts.append(entry.host);
    addHostChoices(hosts);
    if (!m_columnsSized && !entries.isEmpty()) {
        m_view->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateStatus();
}

void AuditPage::onFailed(const QString &message)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_error = message; // the rows of the last answer stay
    updateStatus();
}

void AuditPage::addHostChoices(const QStringList &hosts)
{
    // Only ever added, in sorted order, so the current choice and an open popup stay put.
    const QSignalBlocker blocker(m_hostFilter);
    for (const QString &host : hosts) {
        if (host.isEmpty() || m_hostChoices.contains(host))
            continue;
        m_hostChoices.insert(host);
        int at = 1; // after "All hosts"
        while (at < m_hostFilter->count() && QString::compare(m_hostFilter->itemData(at).toString(),
                                                              host, Qt::CaseInsensitive) < 0)
            ++at;
        m_hostFilter->insertItem(at, host, host);
    }
}

void AuditPage::updateStatus()
{
    const int shown = m_model->rowCount();
    m_exportAction->setEnabled(shown > 0 && !isExporting());
    if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (!m_loaded)
        m_status->setText(tr("Reading the audit log…"));
    else if (shown >= RowLimit)
        m_status->setText(
            tr("%n command(s) shown: the newest only; narrow the filters to see older ones.",
               nullptr, shown));
    else
        m_status->setText(tr("%n command(s) shown", nullptr, shown));
}

QList<AuditEntry> AuditPage::entriesInViewOrder(bool selectedOnly) const
{
    QList<int> viewRows;
    if (selectedOnly) {
        const QModelIndexList selected = m_view->selectionModel()->selectedRows();
        for (const QModelIndex &index : selected)
            viewRows.append(index.row());
        std::sort(viewRows.begin(), viewRows.end());
    } else {
        for (int row = 0; row < m_sorter->rowCount(); ++row)
            viewRows.append(row);
    }
    const auto *style = static_cast<const QIdentityProxyModel *>(m_sorter->sourceModel());
    QList<AuditEntry> entries;
    entries.reserve(viewRows.size());
    for (const int row : std::as_const(viewRows)) {
        const QModelIndex source =
            style->mapToSource(m_sorter->mapToSource(m_sorter->index(row, 0)));
        if (source.isValid())
            entries.append(m_model->entryAt(source.row()));
    }
    return entries;
}

QString AuditPage::selectionAsCsv() const
{
    const QList<AuditEntry> entries = entriesInViewOrder(true);
    return entries.isEmpty() ? QString() : auditEntriesToCsv(entries);
}

void AuditPage::exportCsv(const QString &path)
{
    ++m_exportsRunning;
    m_exportAction->setEnabled(false);
    m_exportStatus->setText(
        tr("Exporting to %1…").arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
    FileWriter::saveInBackground(
        path, [entries = entriesInViewOrder(false)] { return auditEntriesToCsv(entries).toUtf8(); },
        this, [this](const FileWriteResult &result) { onExported(result.path, result.reason); });
}

void AuditPage::onExported(const QString &path, const QString &reason)
{
    Q_ASSERT(QThread::currentThread() == thread());
    --m_exportsRunning;
    updateStatus();
    const bool fromDialog = m_dialogExports.removeOne(path);
    if (reason.isEmpty()) {
        m_exportStatus->setText(tr("Exported to <a href=\"%1\">%2</a>.")
                                    .arg(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded),
                                         QDir::toNativeSeparators(path).toHtmlEscaped()));
        Q_EMIT exported(path, true, {});
        return;
    }
    const QString error =
        tr("Cannot export the audit log to %1: %2").arg(QDir::toNativeSeparators(path), reason);
    m_exportStatus->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                                .arg(StatusColours::bad(palette()).name(), error.toHtmlEscaped()));
    if (fromDialog) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Audit Log"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT exported(path, false, error);
}

void AuditPage::exportWithDialog()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(u"opsdeck-audit-" + QDate::currentDate().toString(Qt::ISODate) + u".csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"), suggested,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_dialogExports.append(path);
    exportCsv(path);
}

void AuditPage::verifyChain()
{
    if (!m_auditLog || m_verifying)
        return;
    m_verifying = true;
    m_verifyAction->setEnabled(false);
    showChainStatus(tr("Verifying the audit log…"), false);
    m_auditLog->verify(this, [this](const StoreResult<AuditChainReport> &report) {
        m_verifying = false;
        m_verifyAction->setEnabled(true);
        if (!report) {
            showChainStatus(report.error(), true);
            Q_EMIT verified(false, report.error());
            return;
        }
        showChainStatus(report->summary(), !report->intact());
        if (report->intact())
            m_chainStatus->setToolTip(tr("Hash of the newest row: %1").arg(report->headHash));
        Q_EMIT verified(report->intact(), report->summary());
    });
}

void AuditPage::showChainStatus(const QString &text, bool bad)
{
    m_chainStatus->setToolTip(QString());
    m_chainStatus->setText(text);
    QPalette palette = m_chainStatus->palette();
    palette.setBrush(QPalette::WindowText, bad ? QBrush(StatusColours::bad(this->palette()))
                                               : this->palette().brush(QPalette::WindowText));
    m_chainStatus->setPalette(palette);
}

void AuditPage::copySelection()
{
    const QString csv = selectionAsCsv();
    if (!csv.isEmpty())
        QApplication::clipboard()->setText(csv);
}

namespace {

bool isRefreshKey(const QKeyEvent *event)
{
    return event->key() == Qt::Key_F5 &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

bool AuditPage::event(QEvent *event)
{
    // Claims F5 while the focus is on this page, before shortcuts are looked up, so that the key
    // arrives here as a key press instead of reloading the workspace (the window's F5).
    if (event->type() == QEvent::ShortcutOverride &&
        isRefreshKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void AuditPage::keyPressEvent(QKeyEvent *event)
{
    if (isRefreshKey(event)) {
        refresh();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_autoRefresh->start();
}

void AuditPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
    m_soonRefresh->stop();
}

} // namespace OpsDeck
