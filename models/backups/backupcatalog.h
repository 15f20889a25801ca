// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/backups/backuplisting.h"
#include "models/workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace OpsDeck {

class CommandRun;
struct CommandResult;
class CommandRunner;
class Executor;

// One backup location as the catalog last saw it.
struct BackupLocationStatus {
    QString host;
    QString location;
    QString where; // the directory or the s3:// URL
    int files = 0;
    Staleness staleness;
    WalArchive wal;
    QString error; // why the last listing failed; its files are the last good ones
    QDateTime listed;
    bool listing = false;  // a listing is under way
    int readLastTime = -1; // entries whose first bytes the last listing read (new or changed)
    qint64 durationMs = 0; // the last listing's, from start to parsed

    QString key() const { return host + u'/' + location; }
};

// Every backup file of the workspace's backup locations, listed on each location's host
// through the CommandRunner (Read, audited), each location at its own interval. A listing
// runs backupListingScript(), then backupReadScript() for only the entries that are new or
// whose size or mtime changed; what earlier reads found is kept, so a re-list of 10,000 files
// reads just the few that changed. S3 locations run the host's `aws s3 ls`. Parsing runs in
// worker threads; nothing here waits. A location that fails keeps its last files and says why.
class BackupCatalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupCatalog)

public:
    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;

    BackupCatalog(CommandRunner *runner, ExecutorLookup executorFor, QObject *parent = nullptr);
    ~BackupCatalog() override;

    // Locations of every host of every environment; those still there keep what was read.
    void setWorkspace(const Workspace &workspace);
    // Lists every location now and then at its interval; stop() ends that.
    void start();
    void stop();
    // Lists one location (by BackupLocationStatus::key()) or every one now.
    void refresh(const QString &locationKey = {});

    QList<BackupFile> files() const;
    QList<BackupFile> files(const QString &locationKey) const;
    QList<BackupLocationStatus> locations() const;
    BackupLocationStatus location(const QString &locationKey) const;
    // The clock staleness is judged by; tests set it.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

Q_SIGNALS:
    // A location's listing finished (or failed): its files and status are new.
    void locationUpdated(const QString &locationKey);

private:
    struct Location;
    Location *find(const QString &key) const;
    void list(Location *location);
    void takeListing(Location *location, const QByteArray &output, const QString &failure);
    // followUp: the second read of files whose magic named another compressor than their name.
    void readItems(Location *location, const ListingOutput &listing, const QList<ReadItem> &items,
                   bool followUp);
    void finish(Location *location, const ListingOutput &listing, const QString &failure);
    QString failureOf(const CommandResult &result, const QByteArray &standardError) const;

    CommandRunner *m_runner;
    ExecutorLookup m_executorFor;
    std::vector<std::unique_ptr<Location>> m_locations;
    std::function<QDateTime()> m_now;
    bool m_running = false;
};

} // namespace OpsDeck
