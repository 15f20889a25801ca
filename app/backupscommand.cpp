// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/backupscommand.h"

#include "app/commandword.h"
#include "app/services.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backupcatalogmodel.h"
#include "models/backups/backupverifier.h"
#include "models/backups/retention.h"
#include "models/backups/verificationstore.h"
#include "models/core/units.h"
#include "models/incidents/incidentresponse.h"
#include "models/incidents/incidentsession.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>
#include <QTimeZone>

#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupsCommand)
};

constexpr int failedExit = 1;
constexpr int usageExit = 2;
// The location a single FILE is listed through: its directory, its name as the glob.
const QString FileLocationName = u"(file)"_s;

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr(
        "The backup catalog and the verification ladder, without the window.\n\n"
        "  backups list [LOCATION...] [--json]\n"
        "  backups verify FILE|LOCATION --level 0..3 [--json]\n"
        "        [--scratch DATABASE --confirm [--password-stdin]]   (level 3)\n"
        "  backups retention LOCATION [--json]   (a dry run: deletes nothing)\n\n"
        "LOCATION is a backup location's name (or HOST/NAME); FILE a path on this computer or "
        "HOST:PATH on a workspace host. list: exit status 1 when a location is stale (warning "
        "or critical) or could not be listed. verify: exit status 1 when a level failed or "
        "could not run. retention: exit status 1 when the location could not be listed. 2 on a "
        "usage error."));
    parser.addHelpOption();
    parser.addOption({u"workspace"_s, Text::tr("Read the backup locations of the workspace FILE."),
                      Text::tr("FILE")});
    parser.addOption({u"json"_s, Text::tr("Print JSON.")});
    parser.addOption({u"level"_s,
                      Text::tr("verify: climb the ladder up to this level: 0 integrity, 1 table "
                               "of contents, 2 full read, 3 test restore."),
                      Text::tr("LEVEL")});
    parser.addOption({u"scratch"_s,
                      Text::tr("verify --level 3: the workspace database whose server takes the "
                               "scratch database (it needs scratch-restores: true)."),
                      Text::tr("DATABASE")});
    parser.addOption({u"confirm"_s, Text::tr("verify --level 3: confirm the test restore (a "
                                             "change on the scratch server).")});
    parser.addOption({u"password-stdin"_s,
                      Text::tr("verify --level 3: read the scratch server's password from the "
                               "first line of standard input.")});
    parser.addOption({u"read-only"_s, Text::tr("Read-only mode: a test restore is refused.")});
    parser.addOption({u"accept-unknown-host-key"_s,
                      Text::tr("Accept a host key that no known_hosts file has.")});
    parser.addPositionalArgument(u"backups"_s, Text::tr("The command."), u"backups"_s);
    parser.addPositionalArgument(u"what"_s, Text::tr("list, verify or retention."),
                                 Text::tr("list|verify|retention"));
    parser.addPositionalArgument(u"target"_s, Text::tr("Locations, or the file or location."),
                                 Text::tr("[LOCATION...]|FILE|LOCATION"));
}

// A FILE's name as a find -name pattern that matches only itself.
QString literalGlob(const QString &name)
{
    QString glob;
    for (const QChar c : name) {
        if (c == u'*' || c == u'?' || c == u'[' || c == u']' || c == u'\\')
            glob += u'\\';
        glob += c;
    }
    return glob;
}

QString stalenessId(int verdict)
{
    return verdict >= 2 ? u"critical"_s : verdict == 1 ? u"warning"_s : u"ok"_s;
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue walJson(const WalArchive &wal)
{
    if (wal.isEmpty())
        return QJsonValue();
    QJsonArray timelines;
    for (quint32 timeline : wal.timelines)
        timelines.append(double(timeline));
    QJsonArray gaps;
    for (const WalGap &gap : wal.gaps)
        gaps.append(QJsonObject{{u"timeline"_s, double(gap.timeline)},
                                {u"firstMissing"_s, gap.firstMissing},
                                {u"lastMissing"_s, gap.lastMissing},
                                {u"missing"_s, double(gap.missing)}});
    return QJsonObject{{u"segments"_s, double(wal.segments)},
                       {u"timelines"_s, timelines},
                       {u"gaps"_s, gaps},
                       {u"recoverable"_s, wal.window.recoverable},
                       {u"from"_s, timeOrNull(wal.window.from)},
                       {u"to"_s, timeOrNull(wal.window.to)},
                       {u"baseBackup"_s, wal.window.baseBackup},
                       {u"reason"_s, wal.window.reason}};
}

void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &lines)
{
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths.append(title.size());
    for (const QStringList &line : lines) {
        for (qsizetype column = 0; column < line.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], line.at(column).size());
    }
    const auto print = [&](const QStringList &line) {
        QString text;
        for (qsizetype column = 0; column < line.size() && column < widths.size(); ++column)
            text += line.at(column).leftJustified(widths.at(column) + 2);
        while (!text.isEmpty() && text.back().isSpace())
            text.chop(1);
        out << text << '\n';
    };
    print(header);
    for (const QStringList &line : lines)
        print(line);
}

// The model's rows as the page shows them, leaving out the columns in skip.
void printModel(QTextStream &out, const QAbstractItemModel *model, const QList<int> &skip = {})
{
    QStringList header;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (!skip.contains(column))
            header.append(model->headerData(column, Qt::Horizontal).toString());
    }
    QList<QStringList> lines;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList line;
        for (int column = 0; column < model->columnCount(); ++column) {
            if (!skip.contains(column))
                line.append(model->index(row, column).data().toString().simplified());
        }
        lines.append(line);
    }
    printTable(out, header, lines);
}

std::optional<QString> passwordFromStdin()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

// Lists the locations keys now and waits until each has answered (or failed).
void listNow(BackupCatalog *catalog, const QStringList &keys)
{
    QSet<QString> waiting(keys.cbegin(), keys.cend());
    QEventLoop loop;
    const QMetaObject::Connection connection =
        QObject::connect(catalog, &BackupCatalog::locationUpdated, &loop, [&](const QString &key) {
            waiting.remove(key);
            if (waiting.isEmpty())
                loop.quit();
        });
    for (const QString &key : keys)
        catalog->refresh(key);
    if (!waiting.isEmpty())
        loop.exec();
    QObject::disconnect(connection);
}

QList<VerificationRecord> loadVerifications(VerificationStore *store, QString *error)
{
    QEventLoop loop;
    std::optional<QList<VerificationRecord>> loaded;
    store->latest({}, &loop, [&](const QList<VerificationRecord> &records, const QString &problem) {
        loaded = records;
        *error = problem;
        loop.quit();
    });
    if (!loaded)
        loop.exec();
    return *loaded;
}

// The retention dry run of one listed location, as the page's dialog shows it.
int printRetention(QTextStream &out, QTextStream &err, const Workspace &workspace,
                   const BackupLocationStatus &status, const QList<BackupFile> &files, bool json)
{
    if (!status.error.isEmpty()) {
        err << Text::tr("opsdeck backups: location %1 on %2: %3")
                   .arg(status.location, status.host, status.error)
            << '\n';
        return failedExit;
    }
    const Host *host = workspace.findHost(status.host);
    const BackupLocation *location = host ? host->findBackupLocation(status.location) : nullptr;
    const RetentionRules rules = location ? retentionRulesOf(*location) : RetentionRules();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const RetentionPlan plan = planRetention(files, rules, QDateTime::currentDateTimeUtc(), zone);
    if (json) {
        QJsonArray decisions;
        for (const RetentionDecision &decision : plan.decisions)
            decisions.append(
                QJsonObject{{u"path"_s, decision.file.path},
                            {u"kind"_s, backupFormatId(decision.file.format)},
                            {u"size"_s, double(decision.file.size)},
                            {u"modified"_s, timeOrNull(decision.file.modified)},
                            {u"keep"_s, decision.keep},
                            {u"reasons"_s, QJsonArray::fromStringList(decision.reasons)}});
        out << QJsonDocument(
                   QJsonObject{{u"host"_s, status.host},
                               {u"location"_s, status.location},
                               {u"rules"_s, QJsonObject{{u"retentionDays"_s, rules.retentionDays},
                                                        {u"keepDaily"_s, rules.keepDaily},
                                                        {u"keepWeekly"_s, rules.keepWeekly}}},
                               {u"zone"_s, QString::fromUtf8(zone.id())},
                               {u"delete"_s, QJsonArray::fromStringList(plan.pathsToDelete())},
                               {u"bytesFreed"_s, double(plan.bytesFreed)},
                               {u"windowStartBefore"_s, timeOrNull(plan.windowStartBefore)},
                               {u"windowStartAfter"_s, timeOrNull(plan.windowStartAfter)},
                               {u"windowEnd"_s, timeOrNull(plan.windowEnd)},
                               {u"walNote"_s, plan.walNote},
                               {u"decisions"_s, decisions}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    QList<QStringList> lines;
    for (const RetentionDecision &decision : plan.decisions)
        lines.append({decision.keep ? Text::tr("keep") : Text::tr("delete"), decision.file.path,
                      decision.file.modified.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s),
                      decision.file.size >= 0 ? formatBytes(decision.file.size) : QString(),
                      decision.reasons.join(u"; "_s)});
    printTable(out,
               {Text::tr("DECISION"), Text::tr("FILE"), Text::tr("MODIFIED"), Text::tr("SIZE"),
                Text::tr("WHY")},
               lines);
    out << Text::tr("%1 / %2: %3 of %4 would be deleted (%5 freed); nothing was deleted.")
               .arg(status.host, status.location)
               .arg(plan.toDelete.size())
               .arg(plan.decisions.size())
               .arg(formatBytes(plan.bytesFreed))
        << '\n';
    if (plan.windowEnd.isValid())
        out << Text::tr("Point-in-time recovery window: now from %1, after the run from %2, to %3.")
                   .arg(plan.windowStartBefore.toTimeZone(zone).toString(Qt::ISODate),
                        plan.windowStartAfter.toTimeZone(zone).toString(Qt::ISODate),
                        plan.windowEnd.toTimeZone(zone).toString(Qt::ISODate))
            << '\n';
    return 0;
}

const Database *findDatabase(const Workspace &workspace, const QString &name)
{
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            if (const Database *database = host.findDatabase(name))
                return database;
        }
    }
    return nullptr;
}

// The highest level up to wanted that applies to file's kind (a WAL segment has only L0).
VerificationLevel levelFor(const BackupFile &file, VerificationLevel wanted)
{
    for (int number = int(wanted); number > 0; --number) {
        if (verificationLevelRefusal(file, VerificationLevel(number)).isEmpty())
            return VerificationLevel(number);
    }
    return VerificationLevel::Integrity;
}

} // namespace

bool isBackupsCommand(const QStringList &arguments)
{
    static const QStringList valued = {u"--workspace"_s, u"--level"_s, u"--scratch"_s};
    return commandWord(arguments, valued) == u"backups"_s;
}

int runBackupsCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(arguments); // --help exits here
    QStringList words = parser.positionalArguments();
    const QString command = words.value(1);
    if (words.value(0) != u"backups" ||
        (command != u"list" &&
         ((command != u"verify" && command != u"retention") || words.size() != 3))) {
        err << parser.helpText();
        return usageExit;
    }
    words = words.mid(2);
    const bool json = parser.isSet(u"json"_s);

    std::optional<VerificationLevel> level;
    if (command == u"verify") {
        bool ok = false;
        const int number = parser.value(u"level"_s).toInt(&ok);
        level = ok ? verificationLevelFromNumber(number) : std::nullopt;
        if (!level) {
            err << Text::tr("opsdeck backups verify: give the level as --level 0, 1, 2 or 3")
                << '\n';
            return usageExit;
        }
    }

    Workspace workspace = builtInWorkspace();
    if (const QString file = parser.value(u"workspace"_s); !file.isEmpty()) {
        const WorkspaceLoadResult loaded = loadWorkspaceFile(file);
        if (!loaded.ok()) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err << diagnostic.toString() << '\n';
            return usageExit;
        }
        workspace = loaded.workspace;
    }
    addSshConfigHosts(workspace);

    // Which locations to list: by name or HOST/NAME; for verify FILE, one made for the file.
    QStringList keys;
    QStringList allKeys;
    const auto matches = [](const Host &host, const BackupLocation &location, const QString &word) {
        return word == location.name || word == host.name + u'/' + location.name;
    };
    for (const Environment &environment : std::as_const(workspace.environments)) {
        for (const Host &host : environment.hosts) {
            for (const BackupLocation &location : host.backups) {
                const QString key = host.name + u'/' + location.name;
                allKeys.append(key);
                if (words.isEmpty() && command == u"list")
                    keys.append(key);
                for (const QString &word : std::as_const(words)) {
                    if (matches(host, location, word) && !keys.contains(key))
                        keys.append(key);
                }
            }
        }
    }
    QString filePath; // verify FILE: the file as the catalog names it
    QString fileHost;
    if (command == u"list") {
        for (const QString &word : std::as_const(words)) {
            const bool known = std::any_of(keys.cbegin(), keys.cend(), [&](const QString &key) {
                return key == word || key.section(u'/', 1) == word;
            });
            if (!known) {
                err << Text::tr("opsdeck backups list: the workspace has no backup location '%1'")
                           .arg(word)
                    << '\n';
                return usageExit;
            }
        }
    } else if (command == u"verify" && keys.isEmpty()) {
        // A FILE: HOST:PATH on a workspace host, else a path on this computer.
        const QString word = words.front();
        const qsizetype colon = word.indexOf(u':');
        Host *holder = nullptr;
        if (colon > 0) {
            for (Environment &environment : workspace.environments) {
                for (Host &host : environment.hosts) {
                    if (!holder && host.name == word.left(colon))
                        holder = &host;
                }
            }
        }
        if (holder) {
            filePath = word.mid(colon + 1);
            if (!filePath.startsWith(u'/')) {
                err << Text::tr("opsdeck backups verify: give the file on host %1 by its absolute "
                                "path: %1:/PATH")
                           .arg(holder->name)
                    << '\n';
                return usageExit;
            }
            filePath = QDir::cleanPath(filePath);
        } else {
            for (Environment &environment : workspace.environments) {
                for (Host &host : environment.hosts) {
                    if (!holder && host.isLocal())
                        holder = &host;
                }
            }
            if (!holder) {
                // A workspace without this computer in it: the built-in one's host stands in.
                workspace.environments.append(builtInWorkspace().environments.front());
                holder = &workspace.environments.back().hosts.front();
            }
            filePath = QFileInfo(word).absoluteFilePath();
            if (!QFileInfo::exists(filePath)) {
                err << Text::tr("opsdeck backups verify: '%1' is no backup location of the "
                                "workspace and no file here")
                           .arg(word)
                    << '\n';
                return usageExit;
            }
        }
        fileHost = holder->name;
        BackupLocation location;
        location.name = FileLocationName;
        location.directory = QFileInfo(filePath).path();
        location.glob = literalGlob(QFileInfo(filePath).fileName());
        holder->backups.append(location);
        keys = {holder->name + u'/' + location.name};
    }
    if (command == u"retention" && keys.size() != 1) {
        err << (keys.isEmpty()
                    ? Text::tr("opsdeck backups retention: the workspace has no backup location "
                               "'%1'")
                    : Text::tr("opsdeck backups retention: '%1' names several locations; give "
                               "it as HOST/NAME"))
                   .arg(words.front())
            << '\n';
        return usageExit;
    }
    if (command == u"list" && keys.isEmpty()) {
        err << Text::tr("opsdeck backups list: the workspace has no backup location (a host's "
                        "backups: key)")
            << '\n';
        return usageExit;
    }

    // Level 3 is an action: what it needs is checked before anything runs.
    const bool testRestore = level == VerificationLevel::TestRestore;
    const Database *scratch = nullptr;
    QString scratchPassword;
    if (testRestore) {
        const QString name = parser.value(u"scratch"_s);
        if (name.isEmpty()) {
            err << Text::tr("opsdeck backups verify: --level 3 restores into a scratch database: "
                            "name the workspace database whose server takes it with --scratch "
                            "DATABASE")
                << '\n';
            return usageExit;
        }
        scratch = findDatabase(workspace, name);
        if (!scratch) {
            err << Text::tr("opsdeck backups verify: the workspace has no database '%1'").arg(name)
                << '\n';
            return usageExit;
        }
        if (!scratch->scratchRestores) {
            err << Text::tr("opsdeck backups verify: database %1 (workspace line %2) does not "
                            "allow scratch restores; its entry needs scratch-restores: true")
                       .arg(name)
                       .arg(scratch->location.line)
                << '\n';
            return usageExit;
        }
        if (parser.isSet(u"password-stdin"_s)) {
            const std::optional<QString> password = passwordFromStdin();
            if (!password) {
                err << Text::tr("opsdeck backups verify: --password-stdin: standard input has no "
                                "line with the password of database %1")
                           .arg(name)
                    << '\n';
                return usageExit;
            }
            scratchPassword = *password;
        } else if (!scratch->password.isEmpty()) {
            err << Text::tr("opsdeck backups verify: database %1 needs the password of keychain "
                            "entry '%2', and the command line opens no keychain: give it on "
                            "standard input with --password-stdin")
                       .arg(name, scratch->password.entry)
                << '\n';
            return usageExit;
        }
        if (parser.isSet(u"read-only"_s)) {
            err << Text::tr("opsdeck backups verify: --read-only refuses a test restore (level 3); "
                            "levels 0 to 2 only read")
                << '\n';
            return failedExit;
        }
        if (!parser.isSet(u"confirm"_s)) {
            err << Text::tr("opsdeck backups verify: a test restore creates and drops a scratch "
                            "database on %1:%2; to run it, add --confirm")
                       .arg(scratch->host)
                       .arg(scratch->port)
                << '\n';
            return failedExit;
        }
    }

    ServiceOptions serviceOptions;
    serviceOptions.keychain = false;
    serviceOptions.readOnly = parser.isSet(u"read-only"_s);
    serviceOptions.acceptUnknownHostKeys = parser.isSet(u"accept-unknown-host-key"_s);
    Services services(serviceOptions);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        err << Text::tr("opsdeck backups: the audit log cannot be opened: %1").arg(opened.error())
            << '\n';
        return failedExit;
    }
    services.hosts()->setWorkspace(workspace);
    HostRegistry *hosts = services.hosts();
    const auto executorFor = [hosts](const QString &host) { return hosts->executor(host); };
    BackupCatalog catalog(services.runner(), executorFor);
    catalog.setWorkspace(workspace);
    listNow(&catalog, keys);
    VerificationStore store(services.stateStore());

    if (command == u"retention")
        return printRetention(out, err, workspace, catalog.location(keys.front()),
                              catalog.files(keys.front()), json);

    if (command == u"list") {
        QString loadError;
        const QList<VerificationRecord> records = loadVerifications(&store, &loadError);
        if (!loadError.isEmpty())
            err << Text::tr("opsdeck backups: verifications could not be read: %1").arg(loadError)
                << '\n';
        BackupCatalogModel files;
        BackupLocationsModel locations;
        QList<BackupFile> listed;
        QList<BackupLocationStatus> statuses;
        for (const QString &key : std::as_const(keys)) {
            listed.append(catalog.files(key));
            statuses.append(catalog.location(key));
        }
        files.setFiles(listed);
        files.setVerifications(records);
        locations.setRows(statuses);

        bool failed = false;
        QJsonArray locationArray;
        for (const BackupLocationStatus &status : std::as_const(statuses)) {
            failed = failed || status.staleness.verdict > 0 || !status.error.isEmpty();
            locationArray.append(QJsonObject{
                {u"host"_s, status.host},
                {u"name"_s, status.location},
                {u"where"_s, status.where},
                {u"files"_s, status.files},
                {u"newest"_s, timeOrNull(status.staleness.newest)},
                {u"staleness"_s, stalenessId(status.staleness.verdict)},
                {u"message"_s, status.staleness.sentence},
                {u"walWindow"_s, walJson(status.wal)},
                {u"error"_s, status.error.isEmpty() ? QJsonValue() : QJsonValue(status.error)}});
        }
        QJsonArray fileArray;
        for (const BackupCatalogRow &row : files.rows()) {
            QJsonValue verification;
            if (row.verification)
                verification =
                    QJsonObject{{u"level"_s, int(row.verification->level)},
                                {u"verdict"_s, verificationVerdictId(row.verification->verdict)},
                                {u"detail"_s, row.verification->detail},
                                {u"at"_s, timeOrNull(row.verification->at)}};
            fileArray.append(
                QJsonObject{{u"host"_s, row.file.host},
                            {u"location"_s, row.file.location},
                            {u"path"_s, row.file.path},
                            {u"kind"_s, backupFormatId(row.file.format)},
                            {u"compression"_s, backupCompressionId(row.file.compression)},
                            {u"database"_s, row.file.database},
                            {u"size"_s, double(row.file.size)},
                            {u"modified"_s, timeOrNull(row.file.modified)},
                            {u"checksum"_s, row.file.checksum},
                            {u"verification"_s, verification}});
        }
        if (json) {
            out << QJsonDocument(
                       QJsonObject{{u"locations"_s, locationArray}, {u"files"_s, fileArray}})
                       .toJson(QJsonDocument::Indented);
        } else {
            printModel(out, &files, {BackupCatalogModel::Checksum});
            out << '\n';
            printModel(out, &locations);
            for (const BackupLocationStatus &status : std::as_const(statuses)) {
                if (!status.error.isEmpty())
                    err << Text::tr("opsdeck backups: location %1 on %2: %3")
                               .arg(status.location, status.host, status.error)
                        << '\n';
                else if (status.staleness.verdict > 0)
                    err << Text::tr("opsdeck backups: location %1 on %2 is %3: %4")
                               .arg(status.location, status.host,
                                    status.staleness.verdict >= 2 ? Text::tr("critical")
                                                                  : Text::tr("stale"),
                                    status.staleness.sentence)
                        << '\n';
            }
        }
        out.flush();
        return failed ? failedExit : 0;
    }

    // --- verify ------------------------------------------------------------------------------
    QList<BackupFile> targets;
    bool failed = false;
    for (const QString &key : std::as_const(keys)) {
        const BackupLocationStatus status = catalog.location(key);
        if (!status.error.isEmpty()) {
            err << Text::tr("opsdeck backups verify: %1 on %2 could not be listed: %3")
                       .arg(filePath.isEmpty() ? status.location : filePath, status.host,
                            status.error)
                << '\n';
            failed = true;
        }
        for (const BackupFile &file : catalog.files(key)) {
            if (filePath.isEmpty() || QDir::cleanPath(file.path) == filePath)
                targets.append(file);
        }
    }
    if (!filePath.isEmpty() && targets.isEmpty()) {
        if (!failed)
            err << Text::tr("opsdeck backups verify: host %1 has no file %2")
                       .arg(fileHost, filePath)
                << '\n';
        return failedExit;
    }

    VerifierServices verifierServices;
    verifierServices.runner = services.runner();
    verifierServices.executorFor = executorFor;
    verifierServices.store = &store;
    TestRestoreServices restoreServices;
    restoreServices.gate = services.actionGate();
    restoreServices.executorFor = executorFor;
    restoreServices.incident = services.incidentResponse()->incident();
    verifierServices.restore = restoreServices;
    BackupVerifier verifier(verifierServices);
    ActionConfirmation confirmation;
    if (parser.isSet(u"confirm"_s))
        confirmation.confirmedRisk = Risk::Change;

    QJsonArray entries;
    QList<QStringList> lines;
    const auto add = [&](const BackupFile &file, VerificationLevel run, bool ok,
                         const QString &verdict, const QString &detail) {
        entries.append(QJsonObject{{u"host"_s, file.host},
                                   {u"path"_s, file.path},
                                   {u"kind"_s, backupFormatId(file.format)},
                                   {u"level"_s, int(run)},
                                   {u"ok"_s, ok},
                                   {u"verdict"_s, verdict},
                                   {u"detail"_s, detail}});
        lines.append({file.host + u':' + file.path, verificationLevelName(run), verdict,
                      detail.simplified()});
    };
    for (const BackupFile &file : std::as_const(targets)) {
        const VerificationLevel wanted = levelFor(file, *level);
        std::optional<TestRestorePlan> plan;
        if (wanted == VerificationLevel::TestRestore) {
            TestRestorePlan made;
            made.file = file;
            made.scratchServer = *scratch;
            made.scratchPassword = scratchPassword;
            // The source's counts are compared when it needs no other password than the
            // scratch server's (the command line reads only one).
            const Host *holder = workspace.findHost(file.host);
            for (const BackupLocation &location :
                 holder ? holder->backups : QList<BackupLocation>{}) {
                // A FILE counts as of the location whose folder holds it.
                const bool holds =
                    location.name == file.location ||
                    (file.location == FileLocationName && !location.directory.isEmpty() &&
                     QDir::cleanPath(location.directory) == QFileInfo(file.path).path());
                if (!holds || location.name == FileLocationName || location.database.isEmpty())
                    continue;
                for (const Database &database : holder->databases) {
                    if (database.name == location.database &&
                        (database.password.isEmpty() || database.password == scratch->password)) {
                        made.source = database;
                        made.sourcePassword =
                            database.password.isEmpty() ? QString() : scratchPassword;
                    }
                }
            }
            plan = made;
        }
        QEventLoop loop;
        bool done = false;
        QList<VerificationRecord> records;
        QList<std::pair<VerificationLevel, QString>> notRun;
        const QMetaObject::Connection notRunConnection =
            QObject::connect(&verifier, &BackupVerifier::levelNotRun, &loop,
                             [&](VerificationLevel which, const QString &reason) {
                                 notRun.append({which, reason});
                             });
        const QMetaObject::Connection finishedConnection =
            QObject::connect(&verifier, &BackupVerifier::finished, &loop,
                             [&](const QList<VerificationRecord> &all, bool) {
                                 records = all;
                                 done = true;
                                 loop.quit();
                             });
        verifier.verify(file, wanted, true, plan, confirmation);
        if (!done)
            loop.exec();
        QObject::disconnect(notRunConnection);
        QObject::disconnect(finishedConnection);
        for (const VerificationRecord &record : std::as_const(records)) {
            // "TOC only" passes the climb but proves the file only when L1 was what was asked.
            const bool ok = record.verdict == VerificationVerdict::Verified ||
                            (record.verdict == VerificationVerdict::TocOnly &&
                             *level == VerificationLevel::TableOfContents);
            failed = failed || record.verdict == VerificationVerdict::Failed;
            add(file, record.level, ok, verificationVerdictId(record.verdict), record.detail);
        }
        for (const auto &[which, reason] : std::as_const(notRun)) {
            failed = true;
            add(file, which, false, u"not-run"_s, reason);
        }
    }
    (void)services.waitUntilOpen(); // the records and audit rows are written before we leave

    if (json) {
        out << QJsonDocument(QJsonObject{{u"files"_s, entries}}).toJson(QJsonDocument::Indented);
    } else {
        printTable(out,
                   {Text::tr("FILE"), Text::tr("LEVEL"), Text::tr("VERDICT"), Text::tr("DETAIL")},
                   lines);
    }
    out.flush();
    return failed ? failedExit : 0;
}

} // namespace OpsDeck::CommandLine
