// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupcatalog.h"

#include "models/core/background.h"
#include "models/remote/commandrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupCatalog)
};

constexpr int ListingTimeoutMs = 120000;

// What was learnt about one entry; valid while its size and mtime stay the same.
struct CachedEntry {
    qint64 size = -1;
    QDateTime modified;
    BackupDetection detection;
    qint64 totalSize = -1; // a directory dump's
    QByteArray text;       // the first bytes of a .sha256 file or a backup label
};
using Cache = QHash<QString, CachedEntry>;

bool wantsText(const QString &name)
{
    return name.endsWith(u".sha256"_s) || name.endsWith(u".backup"_s);
}

// WAL segments say all in their names; there are thousands, and each is 16 MiB.
bool needsRead(const ListedEntry &entry)
{
    if (entry.directory)
        return true;
    const BackupDetection byName = detectBackup(entry.name, false, {}, {});
    return byName.format != BackupFormat::WalSegment && byName.format != BackupFormat::WalHistory;
}

// The entries a listing has that the cache does not know as they are now.
QList<ReadItem> changedEntries(const ListingOutput &listing, const Cache &cache)
{
    QList<ReadItem> items;
    for (const ListedEntry &entry : listing.entries) {
        const auto cached = cache.constFind(entry.name);
        if (cached != cache.cend() && cached->size == entry.size &&
            cached->modified == entry.modified)
            continue;
        if (!needsRead(entry))
            continue;
        ReadItem item;
        item.name = entry.name;
        item.directory = entry.directory;
        item.size = entry.size;
        item.decompress =
            entry.directory ? BackupCompression::None : compressionFromName(entry.name);
        items.append(item);
    }
    return items;
}

struct Built {
    QList<BackupFile> files;
    Staleness staleness;
    WalArchive wal;
};

QString bucketRoot(const QString &url)
{
    // s3://bucket/prefix/ → s3://bucket/ : recursive listings print keys from the bucket.
    const qsizetype slash = url.indexOf(u'/', 5);
    return slash < 0 ? url + u'/' : url.left(slash + 1);
}

Built build(const QString &host, const BackupLocation &config, const ListingOutput &listing,
            const Cache &cache, const QDateTime &now)
{
    Built built;
    const bool s3 = !config.s3Url.isEmpty();
    QString base = s3 ? bucketRoot(config.s3Url) : config.directory;
    if (!s3 && !base.endsWith(u'/'))
        base += u'/';
    const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(
        config.glob, QRegularExpression::UnanchoredWildcardConversion));
    const QRegularExpression anchored(u"^(?:"_s + glob.pattern() + u")$"_s);
    QHash<QString, QString> sidecars; // file name → its .sha256 companion's entry name
    for (const ListedEntry &entry : listing.entries) {
        if (entry.name.endsWith(u".sha256"_s))
            sidecars.insert(entry.name.chopped(7), entry.name);
    }
    QList<LabelledBackup> labels;
    for (const ListedEntry &entry : listing.entries) {
        if (entry.directory && s3)
            continue;
        BackupFile file;
        file.host = host;
        file.location = config.name;
        file.path = base + entry.name;
        if (s3 && !anchored.match(file.name()).hasMatch())
            continue;
        if (entry.name.endsWith(u".sha256"_s))
            continue; // a checksum, not a backup: it shows on its file's row
        file.size = entry.size;
        file.modified = entry.modified;
        const auto cached = cache.constFind(entry.name);
        const bool known = cached != cache.cend() && cached->size == entry.size &&
                           cached->modified == entry.modified;
        const BackupDetection detection =
            known ? cached->detection : detectBackup(file.name(), entry.directory, {}, {});
        file.format = detection.format;
        file.compression = detection.compression;
        file.database = detection.database;
        file.serverVersion = detection.serverVersion;
        file.dumpVersion = detection.dumpVersion;
        file.created = detection.created;
        if (known && cached->totalSize >= 0)
            file.size = cached->totalSize;
        if (const auto sidecar = sidecars.constFind(entry.name); sidecar != sidecars.cend()) {
            const CachedEntry companion = cache.value(*sidecar);
            if (!companion.text.isEmpty())
                file.checksum = sha256For(companion.text, entry.name);
        }
        if (known && file.format == BackupFormat::WalBackupLabel) {
            if (const auto label = parseBackupLabel(cached->text))
                labels.append({file, *label});
        }
        built.files.append(file);
    }
    std::sort(built.files.begin(), built.files.end(),
              [](const BackupFile &a, const BackupFile &b) { return a.path < b.path; });
    built.staleness = judgeStaleness(built.files, config, now);
    built.wal = analyzeWalArchive(built.files, labels);
    return built;
}

} // namespace

struct BackupCatalog::Location {
    QString host;
    BackupLocation config;
    BackupLocationStatus status;
    Cache cache;
    QList<BackupFile> files;
    // Owner of runs and background callbacks: they end with the location.
    std::unique_ptr<QObject> context = std::make_unique<QObject>();
    QTimer timer;
    QPointer<CommandRun> run;
    QByteArray output;
    QByteArray error;
    QElapsedTimer clock;
    int read = 0;

    bool isS3() const { return !config.s3Url.isEmpty(); }
    QString where() const { return isS3() ? config.s3Url : config.directory; }
};

BackupCatalog::BackupCatalog(CommandRunner *runner, ExecutorLookup executorFor, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_executorFor(std::move(executorFor))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

BackupCatalog::~BackupCatalog() = default;

void BackupCatalog::setWorkspace(const Workspace &workspace)
{
    std::vector<std::unique_ptr<Location>> next;
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            for (const BackupLocation &config : host.backups) {
                const QString key = host.name + u'/' + config.name;
                std::unique_ptr<Location> location;
                const auto old =
                    std::find_if(m_locations.begin(), m_locations.end(),
                                 [&](const auto &l) { return l && l->status.key() == key; });
                // (Locations taken already are null.) The cache holds only while the location reads
                // the same place the same way.
                if (old != m_locations.end() && (*old)->config.directory == config.directory &&
                    (*old)->config.s3Url == config.s3Url && (*old)->config.glob == config.glob)
                    location = std::move(*old);
                if (!location) {
                    location = std::make_unique<Location>();
                    location->timer.setSingleShot(true);
                    Location *raw = location.get();
                    connect(&location->timer, &QTimer::timeout, this, [this, raw] { list(raw); });
                }
                location->host = host.name;
                location->config = config;
                location->status.host = host.name;
                location->status.location = config.name;
                location->status.where = location->where();
                next.push_back(std::move(location));
            }
        }
    }
    m_locations = std::move(next);
    if (m_running)
        start();
}

void BackupCatalog::start()
{
    m_running = true;
    for (const auto &location : m_locations) {
        if (!location->run && !location->status.listing && !location->timer.isActive())
            location->timer.start(0);
    }
}

void BackupCatalog::stop()
{
    m_running = false;
    for (const auto &location : m_locations)
        location->timer.stop();
}

void BackupCatalog::refresh(const QString &locationKey)
{
    for (const auto &location : m_locations) {
        if (locationKey.isEmpty() || location->status.key() == locationKey)
            list(location.get());
    }
}

BackupCatalog::Location *BackupCatalog::find(const QString &key) const
{
    for (const auto &location : m_locations) {
        if (location->status.key() == key)
            return location.get();
    }
    return nullptr;
}

QList<BackupFile> BackupCatalog::files() const
{
    QList<BackupFile> all;
    for (const auto &location : m_locations)
        all.append(location->files);
    return all;
}

QList<BackupFile> BackupCatalog::files(const QString &locationKey) const
{
    const Location *location = find(locationKey);
    return location ? location->files : QList<BackupFile>();
}

QList<BackupLocationStatus> BackupCatalog::locations() const
{
    QList<BackupLocationStatus> all;
    for (const auto &location : m_locations)
        all.append(location->status);
    return all;
}

BackupLocationStatus BackupCatalog::location(const QString &locationKey) const
{
    const Location *location = find(locationKey);
    return location ? location->status : BackupLocationStatus();
}

QString BackupCatalog::failureOf(const CommandResult &result, const QByteArray &standardError) const
{
    QString reason = result.error.isEmpty() ? result.summary() : result.error;
    const QString detail = QString::fromUtf8(standardError).trimmed().section(u'\n', 0, 0);
    if (!detail.isEmpty())
        reason += u": "_s + detail;
    return reason;
}

void BackupCatalog::list(Location *location)
{
    if (location->run || location->status.listing)
        return;
    location->timer.stop();
    location->status.listing = true;
    location->clock.start();
    location->read = 0;
    Executor *executor = m_executorFor ? m_executorFor(location->host) : nullptr;
    if (!executor) {
        finish(location, {}, Text::tr("host %1 is not in the workspace").arg(location->host));
        return;
    }
    CommandRequest request;
    request.script = location->isS3()
                         ? s3ListingScript(location->config.s3Url)
                         : backupListingScript(location->config.directory, location->config.glob);
    request.risk = Risk::Read;
    request.timeoutMs = ListingTimeoutMs;
    location->output.clear();
    location->error.clear();
    location->run = m_runner->run(executor, request, location->context.get());
    connect(location->run, &CommandRun::standardOutput, location->context.get(),
            [location](const QByteArray &data) { location->output += data; });
    connect(location->run, &CommandRun::standardError, location->context.get(),
            [location](const QByteArray &data) { location->error += data; });
    connect(location->run, &CommandRun::finished, location->context.get(),
            [this, location](const CommandResult &result) {
                if (CommandRun *run = std::exchange(location->run, nullptr))
                    run->deleteLater();
                takeListing(location, std::exchange(location->output, {}),
                            result.succeeded() ? QString() : failureOf(result, location->error));
            });
}

void BackupCatalog::takeListing(Location *location, const QByteArray &output,
                                const QString &failure)
{
    if (!failure.isEmpty()) {
        finish(location, {}, failure);
        return;
    }
    const bool s3 = location->isS3();
    const QString where = location->where();
    // The cache is shared, not copied: it changes only in this thread, after the work is done.
    const Cache cache = location->cache;
    runInBackground(
        location->context.get(),
        [output, s3, where, cache] {
            std::pair<ListingOutput, QList<ReadItem>> parsed;
            parsed.first = s3 ? parseS3Listing(output, where) : parseBackupListing(output, where);
            if (!s3)
                parsed.second = changedEntries(parsed.first, cache);
            return parsed;
        },
        [this, location](const std::pair<ListingOutput, QList<ReadItem>> &parsed) {
            const ListingOutput &listing = parsed.first;
            // A listing that ended early or never began keeps the files of the last good one.
            if (!listing.complete || (!listing.error.isEmpty() && listing.entries.isEmpty())) {
                finish(location, {}, listing.error);
                return;
            }
            location->read = int(parsed.second.size());
            readItems(location, listing, parsed.second, false);
        });
}

void BackupCatalog::readItems(Location *location, const ListingOutput &listing,
                              const QList<ReadItem> &items, bool followUp)
{
    Executor *executor = m_executorFor ? m_executorFor(location->host) : nullptr;
    if (items.isEmpty() || !executor) {
        finish(location, listing, {});
        return;
    }
    const QString nonce = QUuid::createUuid().toString(QUuid::Id128);
    CommandRequest request;
    request.script = backupReadScript(location->config.directory, items, nonce);
    request.risk = Risk::Read;
    request.timeoutMs = ListingTimeoutMs;
    location->output.clear();
    location->error.clear();
    location->run = m_runner->run(executor, request, location->context.get());
    connect(location->run, &CommandRun::standardOutput, location->context.get(),
            [location](const QByteArray &data) { location->output += data; });
    connect(location->run, &CommandRun::finished, location->context.get(),
            [this, location, listing, items, nonce, followUp](const CommandResult &result) {
                if (CommandRun *run = std::exchange(location->run, nullptr))
                    run->deleteLater();
                const QByteArray output = std::exchange(location->output, {});
                if (!result.succeeded()) {
                    finish(location, listing, failureOf(result, location->error));
                    return;
                }
                runInBackground(
                    location->context.get(),
                    [output, items, nonce, listing] {
                        const ReadOutput read = parseBackupRead(output, items, nonce);
                        QHash<QString, ListedEntry> listed;
                        for (const ListedEntry &entry : listing.entries)
                            listed.insert(entry.name, entry);
                        Cache learnt;
                        for (const ReadItem &item : items) {
                            const auto first = read.first.constFind(item.name);
                            if (first == read.first.cend())
                                continue; // not read: read again next time
                            CachedEntry entry;
                            entry.size = item.size;
                            entry.modified = listed.value(item.name).modified;
                            entry.detection = detectBackup(item.name, item.directory, *first,
                                                           read.inner.value(item.name));
                            entry.totalSize = read.directorySize.value(item.name, -1);
                            if (wantsText(item.name))
                                entry.text = *first;
                            learnt.insert(item.name, entry);
                        }
                        return learnt;
                    },
                    [this, location, listing, items, followUp](const Cache &learnt) {
                        // A compressed file whose name did not say so (or said another
                        // compressor): its start is read again through the right one.
                        QList<ReadItem> again;
                        for (const ReadItem &item : items) {
                            const auto entry = learnt.constFind(item.name);
                            if (entry != learnt.cend() && !item.directory &&
                                entry->detection.compression != item.decompress &&
                                entry->detection.compression != BackupCompression::None) {
                                ReadItem retry = item;
                                retry.decompress = entry->detection.compression;
                                again.append(retry);
                            }
                        }
                        for (auto it = learnt.cbegin(); it != learnt.cend(); ++it)
                            location->cache.insert(it.key(), it.value());
                        if (!followUp && !again.isEmpty())
                            readItems(location, listing, again, true);
                        else
                            finish(location, listing, {});
                    });
            });
}

void BackupCatalog::finish(Location *location, const ListingOutput &listing, const QString &failure)
{
    const auto done = [this, location] {
        location->status.listing = false;
        location->status.durationMs = location->clock.isValid() ? location->clock.elapsed() : 0;
        if (m_running)
            location->timer.start(std::max(10, location->config.intervalSeconds) * 1000);
        Q_EMIT locationUpdated(location->status.key());
    };
    if (!failure.isEmpty()) {
        location->status.error =
            Text::tr("%1 on %2: %3").arg(location->where(), location->host, failure);
        // The files stay, but how old the newest one is goes on growing.
        location->status.staleness = judgeStaleness(location->files, location->config, m_now());
        done();
        return;
    }
    // Entries no longer listed leave the cache.
    QSet<QString> names;
    for (const ListedEntry &entry : listing.entries)
        names.insert(entry.name);
    for (auto it = location->cache.begin(); it != location->cache.end();) {
        if (names.contains(it.key()))
            ++it;
        else
            it = location->cache.erase(it);
    }
    const QString host = location->host;
    const BackupLocation config = location->config;
    const Cache cache = location->cache;
    const QDateTime now = m_now();
    runInBackground(
        location->context.get(),
        [host, config, listing, cache, now] { return build(host, config, listing, cache, now); },
        [location, listing, now, done](const Built &built) {
            location->files = built.files;
            location->status.files = int(built.files.size());
            location->status.staleness = built.staleness;
            location->status.wal = built.wal;
            location->status.listed = now;
            location->status.readLastTime = location->read;
            location->status.error =
                listing.error.isEmpty()
                    ? QString()
                    : Text::tr("%1 on %2: %3")
                          .arg(location->where(), location->host, listing.error);
            done();
        });
}

} // namespace OpsDeck
