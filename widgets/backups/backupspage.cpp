// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/backups/backupspage.h"

#include "models/backups/backupactions.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backupcatalogmodel.h"
#include "models/backups/backupverifier.h"
#include "models/backups/retention.h"
#include "models/backups/testrestore.h"
#include "models/backups/verificationstore.h"
#include "models/core/risk.h"
#include "models/core/units.h"
#include "widgets/backups/backupcatalogfilter.h"
#include "widgets/backups/restoredialog.h"
#include "widgets/backups/retentiondialog.h"
#include "widgets/common/confirmation.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

Verdict verdictOf(int verdict)
{
    return verdict >= 2 ? Verdict::Critical : verdict == 1 ? Verdict::Warning : Verdict::Ok;
}

// A cell with a warning or critical verdict gets its colour and its icon (colour never stands
// alone); the status columns get an icon always: ok, warning, error, or unknown when nothing
// is known yet (statusKnown says so).
class StatusDelegate final : public QStyledItemDelegate
{
public:
    StatusDelegate(int statusColumn, std::function<bool(const QModelIndex &)> statusKnown,
                   QObject *parent)
        : QStyledItemDelegate(parent)
        , m_statusColumn(statusColumn)
        , m_statusKnown(std::move(statusKnown))
    {
    }

    // A further verdict of a cell that its model does not know (a file of a stale location).
    void setExtraVerdict(std::function<int(const QModelIndex &)> verdict)
    {
        m_extraVerdict = std::move(verdict);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        int verdict = index.data(KeyedTableRole::Verdict).toInt();
        if (m_extraVerdict)
            verdict = std::max(verdict, m_extraVerdict(index));
        const bool status = index.column() == m_statusColumn;
        if (verdict <= 0 && !status)
            return;
        Verdict as = verdictOf(verdict);
        if (status && verdict <= 0 && !m_statusKnown(index))
            as = Verdict::Unknown;
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = themedIcon(StatusColours::verdictIconName(as));
        if (as != Verdict::Ok && as != Verdict::Unknown)
            option->palette.setColor(QPalette::Text,
                                     StatusColours::forVerdict(as, option->palette));
    }

private:
    int m_statusColumn;
    std::function<bool(const QModelIndex &)> m_statusKnown;
    std::function<int(const QModelIndex &)> m_extraVerdict;
};

QString dateTimeText(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

} // namespace

BackupsPage::BackupsPage(const BackupsPageServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_files(new BackupCatalogModel(this))
    , m_locations(new BackupLocationsModel(this))
    , m_filter(new BackupCatalogFilter(this))
    , m_toolBar(new QToolBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_centre(new QSplitter(Qt::Vertical, this))
    , m_locationsView(new QTreeView(this))
    , m_view(new QTreeView(this))
    , m_filterInput(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_onlyFailed(new QCheckBox(tr("Failed"), this))
    , m_onlyUnverified(new QCheckBox(tr("Unverified"), this))
    , m_onlyStale(new QCheckBox(tr("Stale"), this))
    , m_scratch(new QComboBox(this))
    , m_facts(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_output(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_filter->setCatalog(m_files);
    createActions();

    m_locationsView->setObjectName(u"backupLocations"_s);
    m_locationsView->setAccessibleName(tr("Backup locations"));
    m_locationsView->setModel(m_locations);
    m_locationsView->setRootIsDecorated(false);
    m_locationsView->setUniformRowHeights(true);
    m_locationsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_locationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_locationsView->setColumnHidden(BackupLocationsModel::Where, true);
    m_locationsView->setItemDelegate(new StatusDelegate(
        BackupLocationsModel::Staleness,
        [this](const QModelIndex &index) {
            return m_locations->rowAt(index.row()).staleness.newest.isValid();
        },
        m_locationsView));
    connect(m_locationsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BackupsPage::onLocationsSelected);
    m_locationsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_locationsView->addAction(action(Action::CreateBackup));
    m_locationsView->addAction(action(Action::Retention));
    m_locationsView->addAction(action(Action::Refresh));

    m_view->setObjectName(u"backupCatalog"_s);
    m_view->setAccessibleName(tr("Backup files"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BackupCatalogModel::Modified, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setColumnHidden(BackupCatalogModel::Checksum, true);
    auto *catalogDelegate = new StatusDelegate(
        BackupCatalogModel::Verified,
        [this](const QModelIndex &index) {
            const BackupCatalogRow *row = m_filter->rowAt(index);
            return row && row->verification.has_value();
        },
        m_view);
    // The age of a file in a stale location is the staleness: a warning where it shows.
    catalogDelegate->setExtraVerdict([this](const QModelIndex &index) {
        const BackupCatalogRow *row =
            index.column() == BackupCatalogModel::Age ? m_filter->rowAt(index) : nullptr;
        return row ? m_staleVerdicts.value(row->file.host + u'/' + row->file.location) : 0;
    });
    m_view->setItemDelegate(catalogDelegate);
    for (const Action kind :
         {Action::VerifyUpToL2, Action::VerifyL0, Action::VerifyL1, Action::VerifyL2,
          Action::TestRestore, Action::Restore, Action::Cancel})
        m_view->addAction(action(kind));
    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setObjectName(u"copyBackupRows"_s);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &BackupsPage::copySelection);
    m_view->addAction(copy);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateActions();
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(4);
    auto *allLocations = new QToolButton(left);
    allLocations->setObjectName(u"allLocations"_s);
    allLocations->setText(tr("All Locations"));
    allLocations->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(allLocations, &QToolButton::clicked, m_locationsView, &QTreeView::clearSelection);
    leftLayout->addWidget(allLocations, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_locationsView, 1);

    m_centre->setObjectName(u"backupsDetailsSplitter"_s);
    m_centre->addWidget(m_view);
    m_centre->addWidget(createDetails());
    m_centre->setStretchFactor(0, 3);
    m_centre->setStretchFactor(1, 2);

    m_splitter->setObjectName(u"backupsSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_centre);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setSizes({520, 980});

    m_status->setObjectName(u"backupsStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_progress->setObjectName(u"backupsProgress"_s);
    m_progress->setRange(0, 0); // a level's length is not known in advance
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(createToolBar());
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusRow);

    if (m_services.catalog)
        connect(m_services.catalog, &BackupCatalog::locationUpdated, this,
                &BackupsPage::updateFromCatalog);
    if (BackupVerifier *verifier = m_services.verifier) {
        connect(verifier, &BackupVerifier::progress, this,
                [this](VerificationLevel level, const QString &text, qint64 elapsedMs) {
                    // A test restore's phases go into the output too; L0–L2 only tick.
                    if (level == VerificationLevel::TestRestore)
                        appendOutput(m_runningKey,
                                     tr("%1 (%2)").arg(text, formatDuration(elapsedMs)));
                    m_status->setText(tr("%1: %2 — %3 (%4)")
                                          .arg(m_runningName, verificationLevelName(level), text,
                                               formatDuration(elapsedMs)));
                });
        connect(verifier, &BackupVerifier::levelFinished, this,
                [this](const VerificationRecord &record) {
                    addRecord(record);
                    appendOutput(record.host + u':' + record.path,
                                 tr("%1 (%2): %3")
                                     .arg(verificationShortText(record),
                                          formatDuration(record.durationMs), record.detail));
                    if (const BackupFile *file = currentFile();
                        file && file->key() == record.host + u':' + record.path)
                        showDetails();
                });
        connect(verifier, &BackupVerifier::levelNotRun, this,
                [this](VerificationLevel level, const QString &reason) {
                    const QString line =
                        tr("%1 did not run: %2").arg(verificationLevelName(level), reason);
                    appendOutput(m_runningKey, line);
                    m_status->setText(tr("%1: %2").arg(m_runningName, line));
                });
        connect(verifier, &BackupVerifier::finished, this,
                [this](const QList<VerificationRecord> &records, bool cancelled) {
                    QString summary;
                    if (cancelled)
                        summary = tr("%1: cancelled.").arg(m_runningName);
                    else if (!records.isEmpty())
                        summary =
                            tr("%1: %2.").arg(m_runningName, verificationShortText(records.last()));
                    if (!summary.isEmpty()) {
                        if (cancelled)
                            appendOutput(m_runningKey, summary);
                        m_status->setText(summary);
                        Q_EMIT message(summary);
                    }
                    setVerifying(false);
                });
    }
    if (VerificationStore *store = m_services.store) {
        // Records kept by another verifier (none yet on the desktop) show as well.
        connect(store, &VerificationStore::recorded, this, &BackupsPage::addRecord);
        connect(store, &VerificationStore::writeFailed, this, [this](const QString &error) {
            m_status->setText(tr("A verification result could not be kept: %1").arg(error));
        });
    }
    restoreState();
    updateActions();
}

BackupsPage::~BackupsPage()
{
    saveState();
}

void BackupsPage::createActions()
{
    const auto make = [this](Action kind, const QString &objectName, const QString &text,
                             const QString &icon, const QKeySequence &shortcut) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!icon.isEmpty())
            action->setIcon(themedIcon(icon));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(u"%1 (%2)"_s.arg(text, shortcut.toString(QKeySequence::NativeText)));
        }
        // Only while the page has the focus: other pages use the same keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, kind] { runAction(kind); });
        addAction(action);
        m_actions.insert(int(kind), action);
    };
    make(Action::VerifyUpToL2, u"verifyUpToL2"_s, tr("Verify up to L2"), u"checklist"_s,
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    make(Action::VerifyL0, u"verifyL0"_s, tr("L0 Integrity"), {}, {});
    make(Action::VerifyL1, u"verifyL1"_s, tr("L1 Table of Contents (TOC only)"), {}, {});
    make(Action::VerifyL2, u"verifyL2"_s, tr("L2 Full Read"), {}, {});
    make(Action::TestRestore, u"testRestore"_s, tr("Test Restore…"), u"database"_s,
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    // No keys for these: the window's own Ctrl+Shift+R and Ctrl+Shift+N are taken, and a
    // restore is not something to start by a slip of the fingers.
    make(Action::Restore, u"restoreBackup"_s, tr("Restore…"), u"backup"_s, {});
    make(Action::CreateBackup, u"createBackup"_s, tr("Back Up Now…"), u"add"_s, {});
    make(Action::Retention, u"retention"_s, tr("Retention…"), u"filter"_s, {});
    make(Action::Cancel, u"cancelVerification"_s, tr("Cancel"), u"error"_s,
         QKeySequence(Qt::Key_Escape));
    make(Action::Refresh, u"refreshBackups"_s, tr("Refresh"), u"reload"_s,
         QKeySequence(Qt::CTRL | Qt::Key_R));
    action(Action::VerifyL0)
        ->setToolTip(tr("Size, the compressor's own test and a .sha256 beside the file"));
    action(Action::VerifyL1)
        ->setToolTip(tr("pg_restore --list: reads the table of contents only, proves no data"));
    action(Action::VerifyL2)->setToolTip(tr("Reads and decodes every byte: truncation shows here"));
    action(Action::TestRestore)
        ->setToolTip(tr("Restore into a scratch database, count the biggest tables, drop it "
                        "(Ctrl+Shift+T)"));
    action(Action::Restore)
        ->setToolTip(tr("Restore this dump over a database of its host: shows what it replaces "
                        "first"));
    action(Action::CreateBackup)->setToolTip(tr("pg_dump the location's database into it now"));
    action(Action::Retention)
        ->setToolTip(tr("Which files the location's retention rules would delete: a dry run "
                        "first"));
}

QToolBar *BackupsPage::createToolBar()
{
    m_toolBar->setObjectName(u"backupsToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));

    auto *verifyMenu = new QMenu(tr("Verify"), this);
    verifyMenu->setObjectName(u"verifyMenu"_s);
    verifyMenu->addAction(action(Action::VerifyUpToL2));
    verifyMenu->addSeparator();
    verifyMenu->addAction(action(Action::VerifyL0));
    verifyMenu->addAction(action(Action::VerifyL1));
    verifyMenu->addAction(action(Action::VerifyL2));
    auto *verifyButton = new QToolButton(m_toolBar);
    verifyButton->setObjectName(u"verifyButton"_s);
    verifyButton->setDefaultAction(action(Action::VerifyUpToL2));
    verifyButton->setMenu(verifyMenu);
    verifyButton->setPopupMode(QToolButton::MenuButtonPopup);
    verifyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addWidget(verifyButton);

    m_scratch->setObjectName(u"scratchServer"_s);
    m_scratch->setAccessibleName(tr("Scratch server for test restores"));
    m_scratch->setToolTip(tr("Where test restores create their scratch database: the workspace "
                             "databases with scratch-restores: true"));
    m_scratch->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolBar->addAction(action(Action::TestRestore));
    m_toolBar->addWidget(new QLabel(tr(" on "), m_toolBar));
    m_toolBar->addWidget(m_scratch);
    m_toolBar->addAction(action(Action::Restore));
    m_toolBar->addSeparator();
    m_toolBar->addAction(action(Action::CreateBackup));
    m_toolBar->addAction(action(Action::Retention));
    m_toolBar->addAction(action(Action::Cancel));
    m_toolBar->addAction(action(Action::Refresh));
    m_toolBar->addSeparator();

    m_filterInput->setObjectName(u"backupFilter"_s);
    m_filterInput->setAccessibleName(tr("Filter backups"));
    m_filterInput->setPlaceholderText(tr("Filter: file, database, host"));
    m_filterInput->setClearButtonEnabled(true);
    m_filterInput->setMaximumWidth(240);
    connect(m_filterInput, &QLineEdit::textChanged, m_filter, &BackupCatalogFilter::setText);
    m_toolBar->addWidget(m_filterInput);

    m_kind->setObjectName(u"backupKind"_s);
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->addItem(tr("All kinds"), BackupCatalogFilter::AnyKind.toString());
    m_kind->addItem(tr("Database dumps"), BackupCatalogFilter::DatabaseDumps.toString());
    for (const BackupFormat format :
         {BackupFormat::PgCustom, BackupFormat::PgDirectory, BackupFormat::PgTar,
          BackupFormat::PlainSql, BackupFormat::FilesArchive, BackupFormat::WalSegment})
        m_kind->addItem(backupFormatName(format), backupFormatId(format));
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(m_kind->currentData().toString()); });
    m_toolBar->addWidget(m_kind);

    m_toolBar->addWidget(new QLabel(tr(" Only: "), m_toolBar));
    m_onlyFailed->setObjectName(u"onlyFailed"_s);
    m_onlyFailed->setToolTip(tr("Files whose last verification failed"));
    m_onlyUnverified->setObjectName(u"onlyUnverified"_s);
    m_onlyUnverified->setToolTip(tr("Files never verified, or only to L1 (TOC only)"));
    m_onlyStale->setObjectName(u"onlyStale"_s);
    m_onlyStale->setToolTip(tr("Files in locations whose newest backup is too old"));
    connect(m_onlyFailed, &QCheckBox::toggled, m_filter, &BackupCatalogFilter::setOnlyFailed);
    connect(m_onlyUnverified, &QCheckBox::toggled, m_filter,
            &BackupCatalogFilter::setOnlyUnverified);
    connect(m_onlyStale, &QCheckBox::toggled, m_filter, &BackupCatalogFilter::setOnlyStale);
    m_toolBar->addWidget(m_onlyFailed);
    m_toolBar->addWidget(m_onlyUnverified);
    m_toolBar->addWidget(m_onlyStale);
    return m_toolBar;
}

QWidget *BackupsPage::createDetails()
{
    auto *details = new QWidget(this);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_facts->setObjectName(u"backupFacts"_s);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_facts->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_facts->setText(tr("Select a backup file to see its details."));
    layout->addWidget(m_facts);

    m_history->setObjectName(u"verificationHistory"_s);
    m_history->setAccessibleName(tr("Verification history"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setHeaderLabels({tr("When"), tr("Result"), tr("Took"), tr("Detail")});

    m_output->setObjectName(u"verificationOutput"_s);
    m_output->setAccessibleName(tr("Last run's output"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setPlaceholderText(tr("What the last verification of this file said."));

    auto *lower = new QSplitter(Qt::Horizontal, details);
    lower->setObjectName(u"backupsHistorySplitter"_s);
    lower->addWidget(m_history);
    lower->addWidget(m_output);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    layout->addWidget(lower, 1);
    return details;
}

// --- Data --------------------------------------------------------------------------------------

void BackupsPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const QString previous = m_scratch->currentData().toString();
    m_scratch->clear();
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            for (const Database &database : host.databases) {
                if (database.scratchRestores)
                    m_scratch->addItem(tr("%1 / %2").arg(host.name, database.name),
                                       QString(host.name + u'\n' + database.name));
            }
        }
    }
    if (m_scratch->count() == 0)
        m_scratch->addItem(tr("no scratch server"), QString());
    m_scratch->setCurrentIndex(std::max(0, m_scratch->findData(previous)));
    if (m_services.catalog) {
        m_services.catalog->setWorkspace(workspace);
        if (m_started)
            m_services.catalog->start();
    }
    updateFromCatalog();
    updateActions();
}

void BackupsPage::updateFromCatalog()
{
    if (!m_services.catalog)
        return;
    const QList<BackupLocationStatus> locations = m_services.catalog->locations();
    QSet<QString> stale;
    m_staleVerdicts.clear();
    for (const BackupLocationStatus &location : locations) {
        if (location.staleness.verdict > 0) {
            stale.insert(location.key());
            m_staleVerdicts.insert(location.key(), location.staleness.verdict);
        }
    }
    m_locations->setRows(locations);
    m_filter->setStaleLocations(stale);
    m_files->setFiles(m_services.catalog->files());
    if (m_view->currentIndex().isValid())
        showDetails();
}

void BackupsPage::loadVerifications()
{
    if (!m_services.store)
        return;
    m_services.store->latest(
        {}, this, [this](const QList<VerificationRecord> &records, const QString &error) {
            if (!error.isEmpty()) {
                m_status->setText(tr("Verification records could not be read: %1").arg(error));
                return;
            }
            // Records that arrived while this was read stay: the newest per file wins.
            QList<VerificationRecord> merged = records;
            merged.append(m_records);
            m_records = merged;
            m_files->setVerifications(m_records);
        });
}

void BackupsPage::addRecord(const VerificationRecord &record)
{
    for (const VerificationRecord &known : std::as_const(m_records)) {
        if (known.host == record.host && known.path == record.path && known.level == record.level &&
            known.at == record.at)
            return;
    }
    m_records.append(record);
    m_files->setVerifications(m_records);
}

void BackupsPage::onLocationsSelected()
{
    QSet<QString> keys;
    const QModelIndexList rows = m_locationsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        keys.insert(index.data(KeyedTableRole::Key).toString());
    m_filter->setLocations(keys);
    updateActions();
}

const Database *BackupsPage::locationDatabase(const BackupFile &file) const
{
    const Host *host = m_workspace.findHost(file.host);
    const BackupLocation *location = host ? host->findBackupLocation(file.location) : nullptr;
    return location && !location->database.isEmpty() ? host->findDatabase(location->database)
                                                     : nullptr;
}

const BackupLocation *BackupsPage::currentLocation(QString *host) const
{
    QString hostName;
    QString name;
    const QModelIndexList rows = m_locationsView->selectionModel()->selectedRows();
    if (rows.size() == 1) {
        const BackupLocationStatus &status = m_locations->rowAt(rows.first().row());
        hostName = status.host;
        name = status.location;
    } else if (const BackupFile *file = currentFile()) {
        hostName = file->host;
        name = file->location;
    }
    const Host *owner = hostName.isEmpty() ? nullptr : m_workspace.findHost(hostName);
    const BackupLocation *location = owner ? owner->findBackupLocation(name) : nullptr;
    if (location && host)
        *host = hostName;
    return location;
}

const BackupFile *BackupsPage::currentFile() const
{
    const BackupCatalogRow *row = m_filter->rowAt(m_view->currentIndex());
    return row ? &row->file : nullptr;
}

bool BackupsPage::selectFile(const QString &key)
{
    const int sourceRow = m_files->rowOf(key);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_files->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

bool BackupsPage::isVerifying() const
{
    return m_services.verifier && m_services.verifier->isRunning();
}

// --- Details -----------------------------------------------------------------------------------

void BackupsPage::showDetails()
{
    const BackupCatalogRow *row = m_filter->rowAt(m_view->currentIndex());
    if (!row) {
        m_facts->setText(tr("Select a backup file to see its details."));
        m_history->clear();
        m_output->clear();
        return;
    }
    const BackupFile &file = row->file;
    QString kind = backupFormatName(file.format);
    if (file.compression != BackupCompression::None)
        kind += u", "_s + backupCompressionId(file.compression);
    const auto fact = [](const QString &name, const QString &value) {
        return value.isEmpty() ? QString()
                               : u"<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>"_s.arg(
                                     name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString versions;
    if (!file.serverVersion.isEmpty())
        versions = tr("server %1").arg(file.serverVersion);
    if (!file.dumpVersion.isEmpty())
        versions +=
            (versions.isEmpty() ? QString() : u", "_s) + tr("pg_dump %1").arg(file.dumpVersion);
    m_facts->setText(
        u"<table>"_s + fact(tr("File"), tr("%1 on %2").arg(file.path, file.host)) +
        fact(tr("Kind"), kind) + fact(tr("Database"), file.database) +
        fact(tr("Versions"), versions) +
        fact(tr("Size"), file.size >= 0
                             ? tr("%1 (%2 bytes)").arg(formatBytes(file.size)).arg(file.size)
                             : QString()) +
        fact(tr("Modified"), file.modified.isValid()
                                 ? tr("%1, %2 ago")
                                       .arg(dateTimeText(file.modified),
                                            formatDuration(file.modified.msecsTo(row->now)))
                                 : QString()) +
        fact(tr("Dumped"), file.created.isValid()
                               ? file.created.toString(u"yyyy-MM-dd HH:mm:ss"_s) +
                                     tr(" (the dumping host's clock)")
                               : QString()) +
        fact(tr("Checksum"), file.checksum.isEmpty() ? tr("no .sha256 beside it")
                                                     : tr("sha256 %1").arg(file.checksum)) +
        fact(tr("Last verification"), row->verification
                                          ? tr("%1 at %2")
                                                .arg(verificationText(*row->verification),
                                                     dateTimeText(row->verification->at))
                                          : tr("never")) +
        u"</table>"_s);

    const QString key = file.key();
    if (const auto output = m_outputs.constFind(key); output != m_outputs.cend())
        m_output->setPlainText(output->join(u'\n'));
    else if (row->verification)
        m_output->setPlainText(
            tr("%1 at %2 (%3):\n%4")
                .arg(verificationText(*row->verification), dateTimeText(row->verification->at),
                     formatDuration(row->verification->durationMs), row->verification->detail));
    else
        m_output->clear();

    if (!m_services.store)
        return;
    m_services.store->history(
        file.host, file.path, this,
        [this, key](const QList<VerificationRecord> &records, const QString &error) {
            const BackupFile *current = currentFile();
            if (current && current->key() == key)
                showHistory(records, error);
        });
}

void BackupsPage::showHistory(const QList<VerificationRecord> &records, const QString &error)
{
    m_history->clear();
    if (!error.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_history, {tr("—"), tr("unreadable"), {}, error});
        item->setIcon(1, themedIcon(u"error"_s));
        return;
    }
    const BackupFile *file = currentFile();
    for (const VerificationRecord &record : records) {
        auto *item =
            new QTreeWidgetItem(m_history, {dateTimeText(record.at), verificationShortText(record),
                                            formatDuration(record.durationMs), record.detail});
        const int verdict = verificationVerdict(record);
        item->setIcon(1, themedIcon(StatusColours::verdictIconName(verdictOf(verdict))));
        if (verdict > 0)
            item->setForeground(1, StatusColours::forVerdict(verdictOf(verdict), palette()));
        item->setToolTip(3, record.detail);
        if (file && !record.isCurrentFor(*file)) {
            // Made for an older size or mtime of the file: history, no proof of it as it is.
            item->setText(1, tr("%1 (file changed since)").arg(verificationShortText(record)));
            item->setForeground(0, palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
}

void BackupsPage::appendOutput(const QString &fileKey, const QString &line)
{
    if (fileKey.isEmpty())
        return;
    QStringList &lines = m_outputs[fileKey];
    lines.append(u"%1  %2"_s.arg(QTime::currentTime().toString(u"HH:mm:ss"_s), line));
    const BackupFile *file = currentFile();
    if (file && file->key() == fileKey)
        m_output->setPlainText(lines.join(u'\n'));
}

// --- Actions -----------------------------------------------------------------------------------

void BackupsPage::runAction(Action kind)
{
    switch (kind) {
    case Action::VerifyL0:
        verify(VerificationLevel::Integrity, false);
        return;
    case Action::VerifyL1:
        verify(VerificationLevel::TableOfContents, false);
        return;
    case Action::VerifyL2:
        verify(VerificationLevel::FullRead, false);
        return;
    case Action::VerifyUpToL2:
        verify(VerificationLevel::FullRead, true);
        return;
    case Action::TestRestore:
        testRestore();
        return;
    case Action::Restore:
        restoreBackup();
        return;
    case Action::CreateBackup:
        createBackup();
        return;
    case Action::Retention:
        showRetention();
        return;
    case Action::Cancel:
        if (isVerifying()) {
            m_services.verifier->cancel();
            m_status->setText(tr("%1: cancelling…").arg(m_runningName));
        }
        return;
    case Action::Refresh:
        if (m_services.catalog)
            m_services.catalog->refresh();
        loadVerifications();
        m_status->setText(tr("Listing every backup location again…"));
        return;
    }
}

void BackupsPage::verify(VerificationLevel level, bool lowerLevelsFirst)
{
    const BackupFile *current = currentFile();
    if (!current) {
        m_status->setText(tr("Select a backup file first."));
        return;
    }
    if (!m_services.verifier) {
        m_status->setText(tr("Verification is not available here."));
        return;
    }
    const BackupFile file = *current;
    if (const QString refusal = verificationLevelRefusal(file, level);
        !refusal.isEmpty() && !lowerLevelsFirst) {
        m_status->setText(tr("%1: %2").arg(file.name(), refusal));
        return;
    }
    if (isVerifying()) {
        m_status->setText(
            tr("%1 is being verified; wait for it or cancel it (Esc).").arg(m_runningName));
        return;
    }
    m_runningKey = file.key();
    m_runningName = file.name();
    m_outputs.remove(m_runningKey);
    appendOutput(m_runningKey, lowerLevelsFirst
                                   ? tr("Verify up to %1").arg(verificationLevelName(level))
                                   : tr("Verify %1").arg(verificationLevelName(level)));
    if (!m_services.verifier->verify(file, level, lowerLevelsFirst)) {
        m_status->setText(tr("Another verification is running."));
        return;
    }
    setVerifying(true);
    m_status->setText(tr("%1: %2…").arg(m_runningName, verificationLevelName(level)));
}

void BackupsPage::testRestore()
{
    const BackupFile *current = currentFile();
    if (!current) {
        m_status->setText(tr("Select a backup file first."));
        return;
    }
    if (isVerifying()) {
        m_status->setText(
            tr("%1 is being verified; wait for it or cancel it (Esc).").arg(m_runningName));
        return;
    }
    if (!m_acting.isEmpty()) {
        m_status->setText(tr("%1 is under way; wait for it.").arg(m_acting));
        return;
    }
    const QStringList scratchId = m_scratch->currentData().toString().split(u'\n');
    const Database *scratch = nullptr;
    if (scratchId.size() == 2) {
        if (const Host *host = m_workspace.findHost(scratchId.at(0)))
            scratch = host->findDatabase(scratchId.at(1));
    }
    if (!scratch) {
        m_status->setText(tr("A test restore needs a scratch server: mark a workspace database "
                             "with scratch-restores: true."));
        return;
    }
    startTestRestore(*current, *scratch, scratchId.at(0));
}

void BackupsPage::startTestRestore(const BackupFile &file, const Database &scratch,
                                   const QString &scratchHost, bool plainSqlScanned)
{
    // A plain dump runs through psql only once its scan and the host's psql allow it.
    if (file.format == BackupFormat::PlainSql && !plainSqlScanned && m_services.actions &&
        m_services.executorFor) {
        Executor *executor = m_services.executorFor(file.host);
        if (!executor) {
            m_status->setText(tr("Host %1 is not in the workspace.").arg(file.host));
            return;
        }
        m_status->setText(
            tr("%1: scanning the plain dump before anything runs it…").arg(file.name()));
        setActing(tr("Scanning %1").arg(file.name()), true);
        QPointer<BackupsPage> self(this);
        m_services.actions->checkPlainDump(
            executor, file, this, [self, file, scratch, scratchHost](const PlainDumpCheck &check) {
                if (!self)
                    return;
                self->setActing({}, false);
                for (const QString &finding : describeFindings(check.scan))
                    self->appendOutput(file.key(), finding);
                if (const QString refusal = check.refusal(); !refusal.isEmpty()) {
                    self->m_status->setText(
                        tr("Test restore of %1 refused: %2").arg(file.name(), refusal));
                    self->appendOutput(file.key(), tr("Test restore refused: %1").arg(refusal));
                    return;
                }
                self->startTestRestore(file, scratch, scratchHost, true);
            });
        return;
    }
    TestRestorePlan plan;
    plan.file = file;
    plan.scratchServer = scratch;
    plan.plainSqlAllowed = plainSqlScanned;
    // The location's database, for the row counts to compare with.
    if (const Database *source = locationDatabase(file))
        plan.source = *source;
    if (const QString refusal = testRestoreRefusal(plan); !refusal.isEmpty()) {
        m_status->setText(tr("Test restore of %1 refused: %2").arg(file.name(), refusal));
        appendOutput(file.key(), tr("Test restore refused: %1").arg(refusal));
        return;
    }
    const QString what = tr("Test restore of %1 into a scratch database on %2")
                             .arg(file.name(), tr("%1 / %2").arg(scratchHost, scratch.name));
    QPointer<BackupsPage> self(this);
    // Passwords first (the keychain answers later), then the question, then the run.
    const auto run = [self, plan, what](const QString &scratchPassword,
                                        const QString &sourcePassword) {
        if (!self)
            return;
        const auto go = [self, plan, scratchPassword, sourcePassword, what](bool confirmed) {
            if (!self)
                return;
            if (!confirmed) {
                self->m_status->setText(tr("%1: cancelled.").arg(what));
                return;
            }
            TestRestorePlan withPasswords = plan;
            withPasswords.scratchPassword = scratchPassword;
            withPasswords.sourcePassword = sourcePassword;
            self->m_runningKey = plan.file.key();
            self->m_runningName = plan.file.name();
            self->m_outputs.remove(self->m_runningKey);
            self->appendOutput(self->m_runningKey, what);
            if (!self->m_services.verifier->verify(plan.file, VerificationLevel::TestRestore, false,
                                                   withPasswords,
                                                   ActionConfirmation{Risk::Change, {}})) {
                self->m_status->setText(tr("Another verification is running."));
                return;
            }
            self->setVerifying(true);
            self->m_status->setText(tr("%1…").arg(what));
        };
        self->confirm(Risk::Change, what,
                      tr("creates a database %1… on that server, restores the dump into it, "
                         "counts its biggest tables and drops it again; the server does the "
                         "work of a full restore")
                          .arg(ScratchDatabasePrefix.toString()),
                      {}, go);
    };
    const DatabasePasswordLookup lookup = m_services.passwords;
    if (!lookup) {
        run({}, {});
        return;
    }
    m_status->setText(tr("%1: reading passwords…").arg(what));
    const std::optional<Database> source = plan.source;
    const QString sourceHost = file.host;
    lookup(scratchHost, scratch, this,
           [self, lookup, run, source, sourceHost, what](const QString &scratchPassword,
                                                         const QString &error) {
               if (!self)
                   return;
               if (!error.isEmpty()) {
                   self->m_status->setText(tr("%1: %2").arg(what, error));
                   return;
               }
               if (!source) {
                   run(scratchPassword, {});
                   return;
               }
               // Without the source's password the restore still proves the dump; the
               // comparison then says it could not connect.
               lookup(sourceHost, *source, self,
                      [run, scratchPassword](const QString &sourcePassword, const QString &) {
                          run(scratchPassword, sourcePassword);
                      });
           });
}

void BackupsPage::readPassword(
    const QString &host, const Database &database,
    std::function<void(const QString &password, const QString &error)> answer)
{
    if (!m_services.passwords) {
        answer({}, {});
        return;
    }
    m_services.passwords(host, database, this, std::move(answer));
}

void BackupsPage::confirm(Risk risk, const QString &what, const QString &reason,
                          const QString &typedName, std::function<void(bool)> answered)
{
    // In read-only mode there is nothing to ask: the gate refuses, and says why.
    if (m_services.readOnly && !m_services.readOnly->permits(risk)) {
        answered(true);
        return;
    }
    askToConfirmRisk(this, risk, what, reason, typedName, std::move(answered));
}

bool BackupsPage::startActing(const QString &what)
{
    // Between a question and its answer (or a password read) another action may have begun.
    if (!m_acting.isEmpty()) {
        m_status->setText(tr("%1 is under way; wait for it.").arg(m_acting));
        return false;
    }
    setActing(what, true);
    return true;
}

void BackupsPage::setActing(const QString &what, bool running)
{
    m_acting = running ? what : QString();
    m_progress->setVisible(running || isVerifying());
    if (running)
        m_status->setText(tr("%1…").arg(what));
    updateActions();
}

void BackupsPage::actionFinished(const QString &what, const QString &fileKey, const QString &error)
{
    setActing(what, false);
    const QString line =
        error.isEmpty() ? tr("%1: done.").arg(what) : tr("%1: not done: %2").arg(what, error);
    if (!fileKey.isEmpty())
        appendOutput(fileKey, line);
    m_status->setText(line);
    Q_EMIT message(line);
}

void BackupsPage::restoreBackup()
{
    const BackupFile *current = currentFile();
    if (!current) {
        m_status->setText(tr("Select a backup file first."));
        return;
    }
    if (!current->isDatabaseDump()) {
        m_status->setText(
            tr("%1 is not a database dump: only dumps are restored here.").arg(current->name()));
        return;
    }
    if (!m_services.actions || !m_services.executorFor || !m_acting.isEmpty())
        return;
    const BackupFile file = *current;
    // The restore runs on the host that holds the file and reaches the database as that host
    // does: its own databases are the targets, the location's database first.
    QList<RestoreTargetChoice> choices;
    int preferred = -1;
    const Database *usual = locationDatabase(file);
    if (const Host *host = m_workspace.findHost(file.host)) {
        for (const Database &database : host->databases) {
            if (usual && database.name == usual->name)
                preferred = int(choices.size());
            choices.append({host->name, database});
        }
    }
    auto *dialog = new RestoreDialog(file, choices, preferred, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<RestoreDialog> guard(dialog);
    auto passwords = std::make_shared<QHash<int, QString>>();
    connect(dialog, &RestoreDialog::targetChosen, this, [this, guard, file, passwords](int index) {
        if (!guard || index < 0)
            return;
        guard->showReading();
        const RestoreTargetChoice choice = guard->target();
        readPassword(
            choice.host, choice.database,
            [this, guard, index, file, choice, passwords](const QString &password,
                                                          const QString &error) {
                if (!guard || guard->currentTarget() != index)
                    return;
                if (!error.isEmpty()) {
                    guard->showError(error);
                    return;
                }
                Executor *executor = m_services.executorFor(file.host);
                if (!executor) {
                    guard->showError(tr("Host %1 is not in the workspace.").arg(file.host));
                    return;
                }
                passwords->insert(index, password);
                m_services.actions->previewRestore(
                    executor, file,
                    PgTarget{pgServerOf(choice.database), choice.database.database, password},
                    guard, [guard, index](const RestorePreview &preview) {
                        if (guard && guard->currentTarget() == index)
                            guard->showPreview(preview);
                    });
            });
    });
    connect(dialog, &QDialog::accepted, this, [this, guard, file, passwords] {
        if (!guard || !guard->preview())
            return;
        const RestorePreview preview = *guard->preview();
        const RestoreTargetChoice choice = guard->target();
        const PgTarget target{pgServerOf(choice.database), choice.database.database,
                              passwords->value(guard->currentTarget())};
        const QString what = tr("Restore of %1 over database %2 (%3)")
                                 .arg(file.name(), preview.database, choice.database.name);
        QPointer<BackupsPage> self(this);
        const auto go = [self, preview, target, what, file](bool confirmed) {
            if (!self)
                return;
            if (!confirmed) {
                self->m_status->setText(tr("%1: cancelled.").arg(what));
                return;
            }
            Executor *executor = self->m_services.executorFor(file.host);
            if (!executor) {
                self->actionFinished(what, file.key(),
                                     tr("Host %1 is not in the workspace.").arg(file.host));
                return;
            }
            if (!self->startActing(what))
                return;
            self->appendOutput(file.key(), what);
            self->m_services.actions->restore(
                executor, preview, target, ActionConfirmation{Risk::Destroy, {target.database}},
                self, [self, what, file](const ActionOutcome &outcome) {
                    if (self)
                        self->actionFinished(what, file.key(), outcome.error);
                });
        };
        confirm(Risk::Destroy, what,
                tr("replaces every object of database %1 (%2) with the backup's and "
                   "cuts its %n other session(s); what is there now is gone",
                   nullptr, int(preview.sessions.size()))
                    .arg(preview.database, preview.databaseSize >= 0
                                               ? formatBytes(preview.databaseSize)
                                               : tr("size unknown")),
                preview.database, go);
    });
    dialog->open();
}

void BackupsPage::createBackup()
{
    QString hostName;
    const BackupLocation *chosen = currentLocation(&hostName);
    if (!chosen) {
        m_status->setText(tr("Choose a backup location first."));
        return;
    }
    if (!m_services.actions || !m_services.executorFor || !m_acting.isEmpty())
        return;
    const BackupLocation location = *chosen;
    std::optional<Database> database;
    if (const Database *named = m_workspace.findHost(hostName)->findDatabase(location.database))
        database = *named;
    if (!database) {
        m_status->setText(tr("Backup location %1 names no database of host %2 to back up "
                             "(its database key).")
                              .arg(location.name, hostName));
        return;
    }
    if (!location.s3Url.isEmpty()) {
        m_status->setText(tr("Backup location %1 is an S3 listing: a backup is made into a "
                             "directory on the host.")
                              .arg(location.name));
        return;
    }
    const QString what =
        tr("Back up database %1 into %2 / %3 now").arg(database->database, hostName, location.name);
    QPointer<BackupsPage> self(this);
    const QString locationKey = hostName + u'/' + location.name;
    const auto run = [self, hostName, location, database, what,
                      locationKey](const QString &password) {
        if (!self)
            return;
        Executor *executor = self->m_services.executorFor(hostName);
        if (!executor) {
            self->actionFinished(what, {}, tr("Host %1 is not in the workspace.").arg(hostName));
            return;
        }
        if (!self->startActing(what))
            return;
        self->m_services.actions->createBackup(
            executor, location, PgTarget{pgServerOf(*database), database->database, password},
            ActionConfirmation{Risk::Change, {}}, self,
            [self, what, hostName, locationKey](const ActionOutcome &outcome, const QString &path) {
                if (!self)
                    return;
                self->actionFinished(path.isEmpty() ? what : tr("%1 (%2)").arg(what, path),
                                     path.isEmpty() ? QString() : hostName + u':' + path,
                                     outcome.error);
                if (self->m_services.catalog)
                    self->m_services.catalog->refresh(locationKey);
            });
    };
    const auto go = [self, hostName, database, what, run](bool confirmed) {
        if (!self)
            return;
        if (!confirmed) {
            self->m_status->setText(tr("%1: cancelled.").arg(what));
            return;
        }
        self->m_status->setText(tr("%1: reading the password…").arg(what));
        self->readPassword(hostName, *database,
                           [self, what, run](const QString &password, const QString &error) {
                               if (!self)
                                   return;
                               if (!error.isEmpty()) {
                                   self->m_status->setText(tr("%1: %2").arg(what, error));
                                   return;
                               }
                               run(password);
                           });
    };
    if (m_services.readOnly && !m_services.readOnly->permits(Risk::Change)) {
        run({}); // the gate refuses and says why; no password is needed for that
        return;
    }
    askToConfirmRisk(this, Risk::Change, what,
                     tr("runs pg_dump -Fc on %1 and writes a new file into %2; nothing that "
                        "is there is changed")
                         .arg(hostName, location.directory),
                     {}, go);
}

void BackupsPage::showRetention()
{
    QString hostName;
    const BackupLocation *chosen = currentLocation(&hostName);
    if (!chosen) {
        m_status->setText(tr("Choose a backup location first."));
        return;
    }
    if (!m_services.catalog || !m_services.actions || !m_services.executorFor ||
        !m_acting.isEmpty())
        return;
    const BackupLocation location = *chosen;
    const QString locationKey = hostName + u'/' + location.name;
    const BackupLocationStatus status = m_services.catalog->location(locationKey);
    if (!status.listed.isValid()) {
        m_status->setText(tr("%1 / %2 has not been listed yet: wait for its listing.")
                              .arg(hostName, location.name));
        return;
    }
    const RetentionRules rules = retentionRulesOf(location);
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const RetentionPlan plan = planRetention(m_services.catalog->files(locationKey), rules,
                                             QDateTime::currentDateTimeUtc(), zone);
    auto *dialog = new RetentionDialog(hostName, location.name, rules, plan, zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<BackupsPage> self(this);
    connect(dialog, &QDialog::accepted, this, [self, hostName, location, locationKey, plan] {
        if (!self)
            return;
        const QString what = tr("Delete %n file(s) of %1 / %2", nullptr, int(plan.toDelete.size()))
                                 .arg(hostName, location.name);
        const auto go = [self, hostName, location, locationKey, plan, what](bool confirmed) {
            if (!self)
                return;
            if (!confirmed) {
                self->m_status->setText(tr("%1: cancelled.").arg(what));
                return;
            }
            Executor *executor = self->m_services.executorFor(hostName);
            if (!executor) {
                self->actionFinished(what, {},
                                     tr("Host %1 is not in the workspace.").arg(hostName));
                return;
            }
            if (!self->startActing(what))
                return;
            self->m_services.actions->deleteFiles(
                executor, location, plan.toDelete,
                ActionConfirmation{Risk::Destroy, {location.name}}, self,
                [self, what, locationKey](const ActionOutcome &outcome) {
                    if (!self)
                        return;
                    self->actionFinished(what, {}, outcome.error);
                    if (self->m_services.catalog)
                        self->m_services.catalog->refresh(locationKey);
                });
        };
        self->confirm(Risk::Destroy, what,
                      tr("deletes exactly the files the dry run listed (%1 freed); they "
                         "cannot be brought back")
                          .arg(formatBytes(plan.bytesFreed)),
                      location.name, go);
    });
    dialog->open();
}

void BackupsPage::setVerifying(bool on)
{
    m_progress->setVisible(on || !m_acting.isEmpty());
    if (!on) {
        m_runningKey.clear();
    }
    updateActions();
}

void BackupsPage::updateActions()
{
    const bool running = isVerifying();
    const bool chosen = currentFile() != nullptr;
    for (const Action kind :
         {Action::VerifyL0, Action::VerifyL1, Action::VerifyL2, Action::VerifyUpToL2})
        action(kind)->setEnabled(chosen && !running && m_services.verifier);
    const bool acting = !m_acting.isEmpty();
    action(Action::TestRestore)->setEnabled(chosen && !running && !acting && m_services.verifier);
    const BackupFile *file = currentFile();
    const bool actions = m_services.actions && m_services.executorFor;
    action(Action::Restore)->setEnabled(actions && !acting && file && file->isDatabaseDump());
    QString host;
    const BackupLocation *location = currentLocation(&host);
    action(Action::CreateBackup)
        ->setEnabled(actions && !acting && location && !location->database.isEmpty() &&
                     location->s3Url.isEmpty());
    action(Action::Retention)->setEnabled(actions && !acting && location);
    action(Action::Cancel)->setEnabled(running);
}

void BackupsPage::copySelection() const
{
    QStringList lines;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const int columns = m_filter->columnCount();
    QStringList header;
    for (int column = 0; column < columns; ++column) {
        if (!m_view->isColumnHidden(column))
            header.append(m_filter->headerData(column, Qt::Horizontal).toString());
    }
    lines.append(header.join(u'\t'));
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < columns; ++column) {
            if (m_view->isColumnHidden(column))
                continue;
            const QModelIndex cell = row.siblingAtColumn(column);
            QString text = cell.data(KeyedTableRole::Raw).toString();
            if (text.isEmpty())
                text = cell.data().toString();
            // A tab or line break inside a cell (a file name may hold one) would split it.
            text.replace(u'\t', u' ').replace(u'\n', u' ');
            cells.append(text);
        }
        lines.append(cells.join(u'\t'));
    }
    if (rows.isEmpty())
        return;
    QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

// --- Events and state -------------------------------------------------------------------------

void BackupsPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isVerifying()) {
        runAction(Action::Cancel);
        return;
    }
    QWidget::keyPressEvent(event);
}

void BackupsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_started)
        return;
    m_started = true;
    loadVerifications();
    if (m_services.catalog)
        m_services.catalog->start();
}

void BackupsPage::hideEvent(QHideEvent *event)
{
    saveState();
    QWidget::hideEvent(event);
}

void BackupsPage::restoreState()
{
    const QSettings settings;
    m_view->header()->restoreState(settings.value(u"backups/header"_s).toByteArray());
    m_locationsView->header()->restoreState(
        settings.value(u"backups/locationsHeader"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"backups/splitter"_s).toByteArray());
    m_centre->restoreState(settings.value(u"backups/detailsSplitter"_s).toByteArray());
}

void BackupsPage::saveState() const
{
    QSettings settings;
    settings.setValue(u"backups/header"_s, m_view->header()->saveState());
    settings.setValue(u"backups/locationsHeader"_s, m_locationsView->header()->saveState());
    settings.setValue(u"backups/splitter"_s, m_splitter->saveState());
    settings.setValue(u"backups/detailsSplitter"_s, m_centre->saveState());
}

} // namespace OpsDeck
