// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbooklibrary.h"

#include "models/core/background.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

RunbookEntry runbookEntry(const QString &path, const Runbook &runbook, const QString &folder)
{
    RunbookEntry entry;
    entry.path = path;
    entry.title = runbook.title.isEmpty() ? QFileInfo(path).completeBaseName() : runbook.title;
    entry.symptom = runbook.metadata.value(u"symptom"_s);
    entry.severity = runbook.metadata.value(u"severity"_s);
    entry.folder = entry.isBuiltIn() ? QString() : folder;
    entry.warnings = int(runbook.diagnostics.size());
    for (const RunbookSection &section : runbook.sections) {
        entry.runnableSteps += int(std::ranges::count_if(
            section.blocks, [](const RunbookBlock &block) { return block.isRunnable(); }));
    }
    entry.runbook = runbook;
    return entry;
}

QList<RunbookEntry> scanRunbookFolders(const QStringList &folders, bool includeBuiltIn)
{
    QList<RunbookEntry> all;
    QStringList places = folders;
    if (includeBuiltIn)
        places.prepend(QString::fromLatin1(BuiltInRunbooksFolder));
    for (const QString &folder : std::as_const(places)) {
        const QDir directory(folder);
        const QFileInfoList files = directory.entryInfoList(
            {u"*.md"_s, u"*.markdown"_s}, QDir::Files | QDir::Readable, QDir::Name);
        QList<RunbookEntry> found;
        for (const QFileInfo &file : files)
            found.append(runbookEntry(file.filePath(), loadRunbookFile(file.filePath()), folder));
        std::ranges::stable_sort(found, [](const RunbookEntry &a, const RunbookEntry &b) {
            return QString::localeAwareCompare(a.title, b.title) < 0;
        });
        all += found;
    }
    return all;
}

RunbookLibrary::RunbookLibrary(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RunbookLibrary::~RunbookLibrary() = default;

void RunbookLibrary::readFile(const QString &path, QObject *context, ReadDone done)
{
    runInBackground(
        context, [path] { return loadRunbookFile(path); }, std::move(done));
}

void RunbookLibrary::setFolders(const QStringList &folders, const QString &baseDirectory)
{
    QStringList absolute;
    for (QString folder : folders) {
        folder = QDir::fromNativeSeparators(folder);
        if (folder == u"~" || folder.startsWith(u"~/"))
            folder = QDir::homePath() + folder.mid(1);
        const QString path = QDir(baseDirectory.isEmpty() ? QDir::currentPath() : baseDirectory)
                                 .absoluteFilePath(folder);
        if (!absolute.contains(path))
            absolute.append(path);
    }
    if (absolute == m_folders && !m_entries.isEmpty())
        return;
    m_folders = absolute;
    rescan();
}

void RunbookLibrary::rescan()
{
    if (m_scanning) {
        m_rescanPending = true; // one more scan when this one ends, with the newest folders
        return;
    }
    m_scanning = true;
    runInBackground(
        this, [folders = m_folders] { return scanRunbookFolders(folders, true); },
        [this](const QList<RunbookEntry> &entries) { onScanned(entries); });
}

void RunbookLibrary::onScanned(const QList<RunbookEntry> &entries)
{
    m_scanning = false;
    if (m_rescanPending) {
        m_rescanPending = false;
        rescan();
        return;
    }
    beginResetModel();
    m_entries = entries;
    for (const RunbookEntry &opened : std::as_const(m_opened)) {
        if (rowOfPath(opened.path) < 0)
            m_entries.append(opened);
    }
    endResetModel();
    Q_EMIT scanned();
}

void RunbookLibrary::addOpened(const QString &path, const Runbook &runbook)
{
    if (rowOfPath(path) >= 0)
        return;
    const RunbookEntry entry = runbookEntry(path, runbook, QFileInfo(path).absolutePath());
    m_opened.append(entry);
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(entry);
    endInsertRows();
}

int RunbookLibrary::rowOfPath(const QString &path) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).path == path)
            return int(row);
    }
    return -1;
}

int RunbookLibrary::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunbookLibrary::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunbookLibrary::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunbookEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return entry.title;
        case SymptomColumn:
            return entry.symptom;
        case SeverityColumn:
            return entry.severity;
        case SourceColumn:
            return entry.isBuiltIn() ? tr("Built in") : entry.path;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (entry.isBuiltIn())
            return entry.symptom;
        return tr("%1\n%n runnable step(s)", nullptr, entry.runnableSteps).arg(entry.path);
    case PathRole:
        return entry.path;
    case BuiltInRole:
        return entry.isBuiltIn();
    default:
        return {};
    }
}

QVariant RunbookLibrary::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Runbook");
    case SymptomColumn:
        return tr("Symptom");
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace OpsDeck
