// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/runbooks/runbookspage.h"

#include "models/runbooks/runbooklibrary.h"
#include "models/runbooks/runbooksession.h"
#include "widgets/runbooks/runbookview.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

constexpr auto FoldersKey = "runbooks/folders";

} // namespace

RunbooksPage::RunbooksPage(CommandRunner *runner, ExecutorProvider executors,
                           RunbookLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_session(new RunbookSession(runner, std::move(executors), this))
    , m_library(library)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_filter(new QLineEdit(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_list(new QTreeView(this))
    , m_message(new QLabel(this))
    , m_incidentButton(new QPushButton(tr("Start &Incident…"), this))
    , m_view(new RunbookView(m_session, this))
{
    setObjectName(u"RunbooksPage"_s);
    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter->setPlaceholderText(tr("Filter runbooks…"));
    m_filter->setClearButtonEnabled(true);
    leftLayout->addWidget(m_filter);
    m_proxy->setSourceModel(m_library);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_list->setObjectName(u"runbookLibrary"_s);
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setColumnHidden(RunbookLibrary::SymptomColumn, true);
    m_list->setColumnHidden(RunbookLibrary::SeverityColumn, true);
    m_list->setColumnHidden(RunbookLibrary::SourceColumn, true); // in the tooltip
    m_list->setHeaderHidden(true);
    connect(m_list, &QTreeView::activated, this, &RunbooksPage::openEntry);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunbooksPage::openEntry);
    leftLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto *open = new QPushButton(tr("&Open File…"), left);
    connect(open, &QPushButton::clicked, this, &RunbooksPage::openFileDialog);
    auto *addFolder = new QPushButton(tr("Add &Folder…"), left);
    addFolder->setToolTip(tr("Add a folder of Markdown runbooks to the list"));
    connect(addFolder, &QPushButton::clicked, this, &RunbooksPage::addFolderDialog);
    buttons->addWidget(open);
    buttons->addWidget(addFolder);
    leftLayout->addLayout(buttons);

    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_message, 1);
    m_incidentButton->setToolTip(tr("Declare an incident and follow this runbook in the wizard"));
    m_incidentButton->setEnabled(false);
    connect(m_incidentButton, &QPushButton::clicked, this,
            [this] { Q_EMIT incidentRequested(m_openPath); });
    top->addWidget(m_incidentButton);
    rightLayout->addLayout(top);
    // Until a runbook is chosen, say what the page is for instead of an empty runbook.
    m_viewStack = new QStackedWidget(right);
    auto *empty = new QLabel(
        tr("<p><b>Runbooks as checklists that run.</b></p><p>Pick a runbook on the left, or "
           "open any Markdown file (Ctrl+Shift+O). Its code blocks become steps you run on a "
           "host of the workspace, one by one or a section at a time, with their output, exit "
           "status and risk.</p><p>The built-in runbooks guide incidents; add your team's "
           "folders with <i>Add Folder…</i> or under <code>runbooks:</code> in the "
           "workspace.</p>"),
        m_viewStack);
    empty->setObjectName(u"runbooksEmptyState"_s);
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(48);
    m_viewStack->addWidget(empty);
    m_viewStack->addWidget(m_view);
    rightLayout->addWidget(m_viewStack, 1);

    m_splitter->setObjectName(u"runbooksSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 900});
    m_splitter->restoreState(QSettings().value(u"runbooksPage/splitter"_s).toByteArray());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

RunbooksPage::~RunbooksPage()
{
    // Once, not on every drag step: each QSettings write goes to disk.
    QSettings().setValue(u"runbooksPage/splitter"_s, m_splitter->saveState());
}

void RunbooksPage::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    m_session->setWorkspace(workspace);
    m_view->reload();
    updateFolders();
}

void RunbooksPage::updateFolders()
{
    // The workspace's folders are relative to its file; the ones added here are absolute.
    const QString base =
        m_workspace.filePath.isEmpty() ? QString() : QFileInfo(m_workspace.filePath).absolutePath();
    m_library->setFolders(m_workspace.runbookFolders +
                              QSettings().value(QString::fromLatin1(FoldersKey)).toStringList(),
                          base);
}

void RunbooksPage::openEntry(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int row = m_library->rowOfPath(index.data(RunbookLibrary::PathRole).toString());
    if (row < 0)
        return;
    const RunbookEntry &entry = m_library->entries().at(row);
    ++m_lastRead; // the latest choice wins over a file still being read
    if (entry.path != m_openPath)
        showRunbook(entry.runbook, entry.path);
}

void RunbooksPage::openFile(const QString &path)
{
    const quint64 read = ++m_lastRead;
    m_message->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    RunbookLibrary::readFile(path, this, [this, read, path](const Runbook &runbook) {
        if (read != m_lastRead)
            return; // another file was asked for meanwhile
        if (!runbook.diagnostics.isEmpty() && runbook.diagnostics.constFirst().isError()) {
            m_message->setText(runbook.diagnostics.constFirst().toString());
            return;
        }
        showRunbook(runbook, path);
    });
}

void RunbooksPage::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Runbook"),
        QSettings()
            .value(u"runbooksPage/lastDirectory"_s,
                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString(),
        tr("Markdown runbooks (*.md *.markdown *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(u"runbooksPage/lastDirectory"_s, QFileInfo(path).absolutePath());
    openFile(path);
}

void RunbooksPage::addFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Runbook Folder"));
    if (folder.isEmpty())
        return;
    QSettings settings;
    QStringList folders = settings.value(QString::fromLatin1(FoldersKey)).toStringList();
    if (!folders.contains(folder))
        folders.append(folder);
    settings.setValue(QString::fromLatin1(FoldersKey), folders);
    updateFolders();
}

void RunbooksPage::showRunbook(const Runbook &runbook, const QString &path)
{
    m_openPath = path;
    m_library->addOpened(path, runbook); // no-op for one of the list; "Start Incident" needs it
    m_session->setRunbook(runbook, path);
    m_view->reload();
    m_viewStack->setCurrentWidget(m_view);
    m_incidentButton->setEnabled(true);
    const QString where =
        path.startsWith(u':') ? tr("built in") : QDir::toNativeSeparators(QDir::cleanPath(path));
    m_message->setText(tr("%1 (%2)").arg(
        runbook.title.isEmpty() ? QFileInfo(path).fileName() : runbook.title, where));
}

} // namespace OpsDeck
