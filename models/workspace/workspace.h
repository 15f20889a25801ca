// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace OpsDeck {

// Where a value came from in the workspace file (1-based), so later features can point back
// at the line to fix. Zero for the built-in workspace.
struct SourceLocation {
    int line = 0;
    int column = 0;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

// The name of a keychain entry; the workspace never holds a secret itself.
struct SecretReference {
    QString entry;
    bool isEmpty() const { return entry.isEmpty(); }
    friend bool operator==(const SecretReference &, const SecretReference &) = default;
};

enum class ConnectionKind { Local, Ssh };
enum class AuthMethod { Agent, Key, Password, KeyboardInteractive };

struct Service {
    QString name;
    QUrl healthUrl;
    QUrl metricsUrl;
    int expectedStatus = 200;
    QString expectedBody; // text the health response must contain, if any
    // Checked from this host over SSH (`curl` there) when the service is only reachable there.
    QString viaHost;
    int intervalSeconds = 0; // 0: the environment's check interval
    QString tcpAddress;      // "host:port" to connect to, as seen from viaHost or here
    QUrl tlsUrl;             // a non-HTTP TLS endpoint whose certificate is checked: rediss://
    QString runbook;         // the runbook to open when this service is red (title or file)
    SourceLocation location;
};

struct Database {
    QString name;
    QString host = QStringLiteral("127.0.0.1"); // as seen from the owning host
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer");
    QString viaHost; // SSH host to tunnel through; empty: the owning host when it is remote
    SecretReference password;
    // The server may receive scratch databases (opsdeck_restore_test_*) for test restores.
    bool scratchRestores = false;
    SourceLocation location;
};

struct RedisInstance {
    QString name;
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString socketPath;
    int databaseIndex = 0;
    bool tls = false; // rediss: TLS from the first byte (not for a Unix socket)
    SecretReference password;
    SourceLocation location;
};

struct LogSource {
    enum class Kind { File, Journald, Docker, Podman, Kubernetes };
    QString name;
    Kind kind = Kind::File;
    QString target; // file path or glob, journald unit, container name, or namespace/pod
    SourceLocation location;
};

// Where a host keeps backups: a directory (local or over SSH) or an S3 prefix listed through
// the host's `aws s3 ls`. Ages are in seconds; 0 turns a judgement off.
struct BackupLocation {
    QString name;
    QString directory;
    QString s3Url; // s3://bucket/prefix/ instead of a directory
    QString glob = QStringLiteral("*");
    // The workspace database (on the same host) the dumps are of: test restores compare row
    // counts with it, and a restore offers it as the target.
    QString database;
    int staleAfterSeconds = 26 * 3600;    // newest backup older than this: warning (a daily job
    int criticalAfterSeconds = 50 * 3600; // that missed one night), then critical (two)
    // Retention: what a dry run would delete. A file is kept when any rule keeps it.
    int retentionDays = 0;     // keep everything younger than this many days; 0: no age rule
    int keepDaily = 0;         // the newest file of each of the last N days
    int keepWeekly = 0;        // the newest file of each of the last N ISO weeks
    int intervalSeconds = 600; // how often the listing is read again
    // "Create a backup now": extra pg_dump options (long ones that choose what is dumped) and
    // whether a .sha256 is written beside the dump.
    QStringList dumpOptions;
    bool writeChecksum = true;
    SourceLocation location;

    bool hasRetentionRule() const { return retentionDays > 0 || keepDaily > 0 || keepWeekly > 0; }
};

// Why a `dump-options` entry is not allowed, or an empty string: long pg_dump options that
// choose what is dumped (--exclude-table-data=audit_log, --no-owner, --compress=9), never
// where the dump goes, its format, or what it connects to.
QString pgDumpOptionRefusal(const QString &option);

// What a host runs containers with (the host's `containers` key). Without it OpsDeck detects
// docker, podman and kubectl on the host and lists what they answer.
struct ContainerSettings {
    bool enabled = true;        // `containers: false`: the host is not asked
    QStringList runtimes;       // docker, podman, kubernetes; empty: whatever is installed
    QString dockerHost;         // docker -H (another daemon's socket, a rootless one)
    QString podmanUrl;          // podman --url (a `podman system service` socket)
    QStringList kubeContexts;   // empty: the kubeconfig's current context
    QStringList kubeNamespaces; // empty: every namespace
    int intervalSeconds = 10;   // how often the list is read
    SourceLocation location;

    friend bool operator==(const ContainerSettings &, const ContainerSettings &) = default;
};

struct Host {
    QString name;
    ConnectionKind connection = ConnectionKind::Ssh;
    QString address;
    int port = 22;
    QString user;
    AuthMethod auth = AuthMethod::Agent;
    QString identityFile;
    QString jumpHost;
    // The ~/.ssh/config alias the host was imported from: ssh_config's Host blocks match it,
    // as they would for `ssh ALIAS`. Empty for the workspace's own hosts (they match the
    // address).
    QString sshConfigAlias;
    QStringList tags;
    SecretReference secret; // password or key passphrase
    QList<Service> services;
    QList<Database> databases;
    QList<RedisInstance> redis;
    QList<LogSource> logs;
    QList<BackupLocation> backups;
    bool pollMetrics = true;         // CPU, memory, disks on the dashboard
    int metricsIntervalSeconds = 10; // how often they are read
    ContainerSettings containers;
    SourceLocation location;

    bool isLocal() const { return connection == ConnectionKind::Local; }
    // This host's database or backup location of that name, or nullptr.
    const Database *findDatabase(QStringView databaseName) const;
    const BackupLocation *findBackupLocation(QStringView locationName) const;
};

struct Environment {
    QString name;
    QString description;
    QList<Host> hosts;
    QUrl prometheusUrl;            // the team's Prometheus server, read through its HTTP API
    QUrl alertmanagerUrl;          // its Alertmanager: firing alerts and silences
    int checkIntervalSeconds = 60; // services, databases, Redis, certificates
    SourceLocation location;
    bool imported = false; // from ~/.ssh/config: shown, never written to the workspace file
};

struct Threshold {
    enum class Direction { Above, Below };
    QString metric;
    double warning = 0;
    double critical = 0;
    QString unit;
    Direction direction = Direction::Above;
    SourceLocation location;
};

struct Contact {
    QString name;
    QString role;
    QString email;
    QString phone;
    QString chat;
    SourceLocation location;
};

struct EscalationStep {
    int afterMinutes = 0;
    QString notify; // a contact's name or role
    SourceLocation location;
};

struct EscalationPolicy {
    QString severity; // SEV-1 ... SEV-4
    QList<EscalationStep> steps;
    SourceLocation location;
};

struct Workspace {
    QString name;
    QString filePath; // empty for the built-in workspace
    QList<Environment> environments;
    QList<Threshold> thresholds;
    QList<Contact> contacts;
    QList<EscalationPolicy> escalation;
    // `templates:` texts by key (declaration, update, resolution, customer_notice); the
    // missing ones use OpsDeck's defaults (models/runbooks/communicationtemplates.h).
    QMap<QString, QString> communicationTemplates;
    QStringList runbookFolders;

    bool isBuiltIn() const { return filePath.isEmpty(); }
    const Host *findHost(QStringView hostName) const;
    qsizetype hostCount() const;
};

// The workspace a new user starts on: this computer, reached without SSH.
Workspace builtInWorkspace();

QString toString(AuthMethod method);
QString toString(LogSource::Kind kind);

} // namespace OpsDeck
