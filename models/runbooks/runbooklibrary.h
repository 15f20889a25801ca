// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runbooks/runbookparser.h"

#include <QAbstractTableModel>

#include <functional>

namespace OpsDeck {

// A runbook the user can open: the built-in incident runbooks and every Markdown file in the
// folders the workspace (`runbooks:`) and the settings name.
struct RunbookEntry {
    QString path; // a file path, or ":/runbooks/<name>.md" for a built-in one
    QString title;
    QString symptom;  // front matter "symptom:", for the incident wizard
    QString severity; // front matter "severity:" ("SEV-2"), the suggested default
    QString folder;   // where it was found; empty for built-in ones
    int runnableSteps = 0;
    int warnings = 0;
    Runbook runbook; // parsed already, so opening it does not read the disk again
    bool isBuiltIn() const { return path.startsWith(u':'); }
};

inline constexpr auto BuiltInRunbooksFolder = ":/runbooks";

RunbookEntry runbookEntry(const QString &path, const Runbook &runbook, const QString &folder);

// Reads every *.md and *.markdown file (not recursing) of folders, built-in ones first when
// includeBuiltIn; unreadable folders are skipped. Sorted by title within each folder. Blocks on
// the disk: call it from a worker thread.
QList<RunbookEntry> scanRunbookFolders(const QStringList &folders, bool includeBuiltIn = true);

// The runbooks there are, as a table for the runbook list and the incident wizard. Folders are
// scanned on a worker thread; the model changes once the scan is done. Destroying it never
// waits for a scan: its result is dropped.
class RunbookLibrary final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookLibrary)

public:
    enum Column { TitleColumn, SymptomColumn, SeverityColumn, SourceColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, BuiltInRole };

    using ReadDone = std::function<void(const Runbook &runbook)>;

    explicit RunbookLibrary(QObject *parent = nullptr);
    ~RunbookLibrary() override;

    // Reads and parses one runbook file on a worker thread; done gets it (with an error
    // diagnostic when the file cannot be read) in context's thread, never once context is gone.
    // Call it from context's thread. The file is not listed: addOpened() does that.
    static void readFile(const QString &path, QObject *context, ReadDone done);

    // Scans again when the folders change; "~/x" is in the home folder, relative folders are
    // taken from baseDirectory (empty: the current directory).
    void setFolders(const QStringList &folders, const QString &baseDirectory = {});
    QStringList folders() const { return m_folders; }
    void rescan();
    bool isScanning() const { return m_scanning; }

    const QList<RunbookEntry> &entries() const { return m_entries; }
    // A runbook opened from a file outside the folders: listed too (after the scanned ones, and
    // across rescans), so the incident wizard can follow it.
    void addOpened(const QString &path, const Runbook &runbook);
    int rowOfPath(const QString &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void scanned();

private:
    void onScanned(const QList<RunbookEntry> &entries);

    QStringList m_folders;
    QList<RunbookEntry> m_entries;
    QList<RunbookEntry> m_opened; // see addOpened()
    bool m_scanning = false;
    bool m_rescanPending = false;
};

} // namespace OpsDeck
