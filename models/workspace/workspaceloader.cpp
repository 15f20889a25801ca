// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspaceloader.h"

#include "models/workspace/yamlreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// libpq reads a database name as a whole connection string when it has an '=' or starts like
// a URI (conninfo_parse / uri_prefix_length): psql -d would then take its host from there
// instead of -h. What would decide where the connection goes, in the words of the error.
enum class ConnectionString { None, Plain, WithAddress };

struct ConnectionStringFinding {
    ConnectionString kind = ConnectionString::None;
    QString where; // WithAddress: "host=db2", or the URI's host
};

ConnectionStringFinding findConnectionString(const QString &value)
{
    static const QStringList addressKeys{u"host"_s, u"hostaddr"_s, u"port"_s, u"service"_s};
    const QString lower = value.toLower();
    for (const QStringView prefix : {u"postgresql://", u"postgres://"}) {
        if (!lower.startsWith(prefix))
            continue;
        const QString rest = value.mid(prefix.size());
        const qsizetype end = rest.indexOf(QRegularExpression(u"[/?]"_s));
        QString authority = end < 0 ? rest : rest.left(end);
        authority = authority.mid(authority.lastIndexOf(u'@') + 1); // after user:password@
        if (!authority.isEmpty())
            return {ConnectionString::WithAddress, authority};
        const qsizetype query = rest.indexOf(u'?');
        if (query >= 0) {
            for (const QString &parameter : rest.mid(query + 1).split(u'&')) {
                if (addressKeys.contains(parameter.section(u'=', 0, 0).toLower()))
                    return {ConnectionString::WithAddress, parameter};
            }
        }
        return {ConnectionString::Plain, {}};
    }
    if (!value.contains(u'='))
        return {};
    // "key = value" pairs; a key is what stands right before an '='.
    static const QRegularExpression key(u"([A-Za-z_]+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)"_s);
    for (const QRegularExpressionMatch &match : key.globalMatch(value)) {
        if (addressKeys.contains(match.captured(1).toLower()))
            return {ConnectionString::WithAddress, match.captured(0)};
    }
    return {ConnectionString::Plain, {}};
}

// Turns a parsed YAML document into a Workspace; one method per schema element.
class WorkspaceReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    WorkspaceReader(YamlDiagnostics &reporter, Workspace &workspace)
        : m_reporter(reporter)
        , m_workspace(workspace)
    {
    }

    void read(const YAML::Node &root)
    {
        YamlMapReader map(m_reporter, root, tr("the workspace"));
        const YAML::Node version = map.value("version");
        if (version.IsDefined() && !(version.IsScalar() && version.Scalar() == "1")) {
            m_reporter.error(version, tr("unsupported workspace version %1; this OpsDeck reads "
                                         "version 1")
                                          .arg(describeYamlNode(version)));
        }
        map.readText("name", m_workspace.name);
        if (!map.value("environments").IsDefined())
            m_reporter.error(SourceLocation{1, 1}, tr("the workspace has no 'environments'"));
        map.readList("environments", tr("environments"),
                     [this](const YAML::Node &node) { readEnvironment(node); });
        readThresholds(map.value("thresholds"));
        map.readList("contacts", tr("contacts"), [this](const YAML::Node &node) {
            Contact contact;
            contact.location = yamlLocation(node.Mark());
            YamlMapReader item(m_reporter, node, tr("a contact"));
            item.readText("name", contact.name, true);
            item.readText("role", contact.role);
            item.readText("email", contact.email);
            item.readText("phone", contact.phone);
            item.readText("chat", contact.chat);
            item.finish();
            m_workspace.contacts.append(contact);
        });
        readEscalation(map.value("escalation"));
        readTemplates(map.value("templates"));
        map.readStringList("runbooks", m_workspace.runbookFolders);
        map.finish();
        checkReferences();
    }

private:
    void readEnvironment(const YAML::Node &node)
    {
        Environment environment;
        environment.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("an environment"));
        map.readText("name", environment.name, true);
        map.setContext(tr("environment '%1'").arg(environment.name));
        map.readText("description", environment.description);
        map.readUrl("prometheus", environment.prometheusUrl);
        map.readUrl("alertmanager", environment.alertmanagerUrl);
        map.readInterval("check-interval", environment.checkIntervalSeconds, 5, 86400);
        claimName(m_environmentNames, environment.name, environment.location, tr("environment"));
        map.readList("hosts", tr("hosts"),
                     [&](const YAML::Node &item) { environment.hosts.append(readHost(item)); });
        map.finish();
        m_workspace.environments.append(environment);
    }

    Host readHost(const YAML::Node &node)
    {
        Host host;
        host.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a host"));
        map.readText("name", host.name, true);
        map.setContext(tr("host '%1'").arg(host.name));
        claimName(m_hostNames, host.name, host.location, tr("host"));
        map.readChoice("connection", host.connection,
                       {{"ssh", ConnectionKind::Ssh}, {"local", ConnectionKind::Local}});
        map.readText("address", host.address);
        if (host.address.isEmpty())
            host.address = host.isLocal() ? QStringLiteral("localhost") : host.name;
        map.readInteger("port", host.port, 1, 65535);
        map.readText("user", host.user);
        map.readChoice("auth", host.auth,
                       {{"agent", AuthMethod::Agent},
                        {"key", AuthMethod::Key},
                        {"password", AuthMethod::Password},
                        {"keyboard-interactive", AuthMethod::KeyboardInteractive}});
        map.readText("key", host.identityFile);
        if (const auto jump = map.text("jump")) {
            host.jumpHost = *jump;
            m_references.append({host.name, *jump, map.value("jump"), true});
        }
        map.readStringList("tags", host.tags);
        map.readSecret("secret", host.secret);
        map.readList("services", tr("services"),
                     [&](const YAML::Node &item) { host.services.append(readService(item)); });
        map.readList("databases", tr("databases"),
                     [&](const YAML::Node &item) { host.databases.append(readDatabase(item)); });
        map.readList("redis", tr("Redis instances"),
                     [&](const YAML::Node &item) { host.redis.append(readRedis(item)); });
        map.readList("logs", tr("log sources"),
                     [&](const YAML::Node &item) { host.logs.append(readLog(item)); });
        map.readList("backups", tr("backup locations"), [&](const YAML::Node &item) {
            host.backups.append(readBackup(item, host.databases));
        });
        if (const YAML::Node metrics = map.value("metrics"); metrics.IsDefined()) {
            if (metrics.IsScalar() && (metrics.Scalar() == "true" || metrics.Scalar() == "false"))
                host.pollMetrics = metrics.Scalar() == "true";
            else
                m_reporter.error(metrics, tr("'metrics' must be true or false"));
        }
        map.readInterval("metrics-interval", host.metricsIntervalSeconds, 1, 3600);
        readContainers(map.value("containers"), host.containers);
        map.finish();
        return host;
    }

    void readContainers(const YAML::Node &node, ContainerSettings &settings)
    {
        if (!node.IsDefined())
            return;
        settings.location = yamlLocation(node.Mark());
        if (node.IsScalar()) {
            if (node.Scalar() == "true" || node.Scalar() == "false")
                settings.enabled = node.Scalar() == "true";
            else
                m_reporter.error(node, tr("'containers' must be true, false or a mapping"));
            return;
        }
        YamlMapReader map(m_reporter, node, tr("the containers settings"));
        map.readStringList("runtimes", settings.runtimes);
        static const QStringList known = {u"docker"_s, u"podman"_s, u"kubernetes"_s};
        for (qsizetype index = 0; index < settings.runtimes.size(); ++index) {
            if (!known.contains(settings.runtimes.at(index))) {
                m_reporter.error(map.value("runtimes")[std::size_t(index)],
                                 tr("'runtimes' may name %1; found '%2'")
                                     .arg(known.join(u", "), settings.runtimes.at(index)));
            }
        }
        map.readText("docker-host", settings.dockerHost);
        map.readText("podman-url", settings.podmanUrl);
        map.readStringList("kube-contexts", settings.kubeContexts);
        map.readStringList("namespaces", settings.kubeNamespaces);
        map.readInterval("interval", settings.intervalSeconds, 2, 3600);
        map.finish();
    }

    Service readService(const YAML::Node &node)
    {
        Service service;
        service.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a service"));
        map.readText("name", service.name, true);
        map.setContext(tr("service '%1'").arg(service.name));
        map.readUrl("health", service.healthUrl);
        map.readUrl("metrics", service.metricsUrl);
        map.readInteger("expect-status", service.expectedStatus, 100, 599);
        map.readText("expect-body", service.expectedBody);
        if (const auto via = map.text("via")) {
            service.viaHost = *via;
            m_references.append({service.name, *via, map.value("via"), false});
        }
        map.readInterval("interval", service.intervalSeconds, 5, 86400);
        if (const auto tcp = map.text("tcp")) {
            const qsizetype colon = tcp->lastIndexOf(u':');
            bool portOk = false;
            const int port = colon > 0 ? tcp->mid(colon + 1).toInt(&portOk) : 0;
            if (!portOk || port < 1 || port > 65535)
                m_reporter.error(map.value("tcp"),
                                 tr("'tcp' must be HOST:PORT with a port from 1 to 65535, "
                                    "found '%1'")
                                     .arg(*tcp));
            else
                service.tcpAddress = *tcp;
        }
        map.readUrlOfScheme("tls", service.tlsUrl,
                            {u"https"_s, u"rediss"_s, u"amqps"_s, u"ldaps"_s, u"smtps"_s,
                             u"imaps"_s, u"pop3s"_s, u"ftps"_s, u"tls"_s, u"postgres"_s,
                             u"postgresql"_s, u"smtp"_s, u"submission"_s});
        map.readText("runbook", service.runbook);
        map.finish();
        return service;
    }

    Database readDatabase(const YAML::Node &node)
    {
        Database database;
        database.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a database"));
        map.readText("name", database.name, true);
        map.setContext(tr("database '%1'").arg(database.name));
        map.readText("host", database.host);
        map.readInteger("port", database.port, 1, 65535);
        map.readText("database", database.database);
        const YAML::Node databaseNode =
            database.database.isEmpty() ? map.value("name") : map.value("database");
        if (database.database.isEmpty())
            database.database = database.name;
        checkDatabaseName(databaseNode, database.database);
        map.readText("user", database.user);
        static const QStringList sslModes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                             u"require"_s, u"verify-ca"_s, u"verify-full"_s};
        if (const auto mode = map.text("sslmode")) {
            if (sslModes.contains(*mode))
                database.sslMode = *mode;
            else
                m_reporter.error(
                    map.value("sslmode"),
                    tr("'sslmode' must be one of %1; found '%2'").arg(sslModes.join(u", "), *mode));
        }
        if (const auto via = map.text("via")) {
            database.viaHost = *via;
            m_references.append({database.name, *via, map.value("via"), false});
        }
        map.readSecret("password", database.password);
        map.readChoice("scratch-restores", database.scratchRestores,
                       {{"true", true}, {"false", false}});
        map.finish();
        return database;
    }

    // The name goes to psql as -d, where a connection string would override the tree.
    void checkDatabaseName(const YAML::Node &node, const QString &name)
    {
        const ConnectionStringFinding found = findConnectionString(name);
        switch (found.kind) {
        case ConnectionString::None:
            return;
        case ConnectionString::WithAddress:
            m_reporter.error(node, tr("the database name is a libpq connection string that says "
                                      "where to connect ('%1'): the host must come from the "
                                      "tree (this database's 'host' and 'port', and the host it "
                                      "belongs to), not from the database name")
                                       .arg(found.where));
            return;
        case ConnectionString::Plain:
            m_reporter.error(node, tr("the database name is a libpq connection string; write "
                                      "only the name (host, port, user and sslmode have keys of "
                                      "their own)"));
            return;
        }
    }

    RedisInstance readRedis(const YAML::Node &node)
    {
        RedisInstance redis;
        redis.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a Redis instance"));
        map.readText("name", redis.name, true);
        map.readText("host", redis.host);
        map.readInteger("port", redis.port, 1, 65535);
        map.readText("socket", redis.socketPath);
        map.readInteger("db", redis.databaseIndex, 0, 65535);
        map.readChoice("tls", redis.tls, {{"true", true}, {"false", false}});
        map.readSecret("password", redis.password);
        map.finish();
        return redis;
    }

    LogSource readLog(const YAML::Node &node)
    {
        LogSource log;
        log.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a log source"));
        map.readText("name", log.name, true);
        map.readChoice("kind", log.kind,
                       {{"file", LogSource::Kind::File},
                        {"journald", LogSource::Kind::Journald},
                        {"docker", LogSource::Kind::Docker},
                        {"podman", LogSource::Kind::Podman},
                        {"kubernetes", LogSource::Kind::Kubernetes}});
        // A journald source without a unit follows the whole journal.
        map.readText("target", log.target, log.kind != LogSource::Kind::Journald);
        map.finish();
        return log;
    }

    BackupLocation readBackup(const YAML::Node &node, const QList<Database> &hostDatabases)
    {
        BackupLocation backup;
        backup.location = yamlLocation(node.Mark());
        YamlMapReader map(m_reporter, node, tr("a backup location"));
        map.readText("name", backup.name, true);
        map.readText("s3", backup.s3Url);
        map.readText("directory", backup.directory);
        if (backup.directory.isEmpty() && backup.s3Url.isEmpty())
            m_reporter.error(node, tr("a backup location needs 'directory' (a folder on the host) "
                                      "or 's3' (an s3://bucket/prefix/ listed by the host's aws)"));
        map.readText("glob", backup.glob);
        map.readText("database", backup.database);
        if (!backup.database.isEmpty() && std::none_of(hostDatabases.cbegin(), hostDatabases.cend(),
                                                       [&](const Database &database) {
                                                           return database.name == backup.database;
                                                       }))
            m_reporter.error(map.value("database"),
                             tr("'database' must name one of this host's databases; '%1' is not "
                                "among them")
                                 .arg(backup.database));
        constexpr int Year = 366 * 86400;
        map.readInterval("stale-after", backup.staleAfterSeconds, 60, Year);
        map.readInterval("critical-after", backup.criticalAfterSeconds, 60, Year);
        map.readInteger("retention-days", backup.retentionDays, 0, 36500);
        map.readInteger("keep-daily", backup.keepDaily, 0, 3660);
        map.readInteger("keep-weekly", backup.keepWeekly, 0, 520);
        map.readInterval("interval", backup.intervalSeconds, 10, 86400);
        map.readStringList("dump-options", backup.dumpOptions);
        for (const QString &option : std::as_const(backup.dumpOptions)) {
            if (const QString refusal = pgDumpOptionRefusal(option); !refusal.isEmpty())
                m_reporter.error(map.value("dump-options"), refusal);
        }
        map.readChoice("write-checksum", backup.writeChecksum, {{"true", true}, {"false", false}});
        if (!backup.s3Url.isEmpty() && !backup.s3Url.startsWith(u"s3://"))
            m_reporter.error(
                map.value("s3"),
                tr("'s3' must be an s3://bucket/prefix/ URL, found '%1'").arg(backup.s3Url));
        if (!backup.s3Url.isEmpty() && !backup.directory.isEmpty())
            m_reporter.error(map.value("s3"),
                             tr("a backup location has either 'directory' or 's3', not both"));
        if (backup.criticalAfterSeconds < backup.staleAfterSeconds)
            m_reporter.error(map.value("critical-after").IsDefined() ? map.value("critical-after")
                                                                     : map.value("stale-after"),
                             tr("'critical-after' (%1 s) must not be shorter than 'stale-after' "
                                "(%2 s)")
                                 .arg(backup.criticalAfterSeconds)
                                 .arg(backup.staleAfterSeconds));
        map.finish();
        return backup;
    }

    void readThresholds(const YAML::Node &node)
    {
        if (!node.IsDefined() || node.IsNull())
            return;
        if (!node.IsMap()) {
            m_reporter.error(node, tr("'thresholds' must be a mapping from metric name to "
                                      "warning and critical levels, found %1")
                                       .arg(describeYamlNode(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            Threshold threshold;
            threshold.metric = fromStd(it->first.Scalar());
            threshold.location = yamlLocation(it->first.Mark());
            if (!it->second.IsMap()) {
                m_reporter.error(it->second,
                                 tr("threshold '%1' must be a mapping with "
                                    "'warning' and 'critical', found %2")
                                     .arg(threshold.metric, describeYamlNode(it->second)));
                continue;
            }
            YamlMapReader map(m_reporter, it->second, tr("threshold '%1'").arg(threshold.metric));
            const bool hasWarning = map.readNumber("warning", threshold.warning, true);
            const bool hasCritical = map.readNumber("critical", threshold.critical, true);
            map.readText("unit", threshold.unit);
            map.readChoice(
                "direction", threshold.direction,
                {{"above", Threshold::Direction::Above}, {"below", Threshold::Direction::Below}});
            map.finish();
            const bool above = threshold.direction == Threshold::Direction::Above;
            if (hasWarning && hasCritical &&
                (above ? threshold.warning > threshold.critical
                       : threshold.warning < threshold.critical)) {
                m_reporter.error(map.value("warning"),
                                 above ? tr("'warning' (%1) of '%2' must not be above 'critical' "
                                            "(%3): higher values are worse (direction: above)")
                                             .arg(threshold.warning)
                                             .arg(threshold.metric)
                                             .arg(threshold.critical)
                                       : tr("'warning' (%1) of '%2' must not be below 'critical' "
                                            "(%3): lower values are worse (direction: below)")
                                             .arg(threshold.warning)
                                             .arg(threshold.metric)
                                             .arg(threshold.critical));
                continue;
            }
            m_workspace.thresholds.append(threshold);
        }
    }

    void readEscalation(const YAML::Node &node)
    {
        if (!node.IsDefined() || node.IsNull())
            return;
        if (!node.IsMap()) {
            m_reporter.error(node, tr("'escalation' must be a mapping from severity (SEV-1 to "
                                      "SEV-4) to a list of steps, found %1")
                                       .arg(describeYamlNode(node)));
            return;
        }
        static const QStringList severities = {u"SEV-1"_s, u"SEV-2"_s, u"SEV-3"_s, u"SEV-4"_s};
        for (auto it = node.begin(); it != node.end(); ++it) {
            EscalationPolicy policy;
            policy.severity = fromStd(it->first.Scalar());
            policy.location = yamlLocation(it->first.Mark());
            if (!severities.contains(policy.severity)) {
                m_reporter.error(policy.location,
                                 tr("unknown severity '%1'; expected one of %2")
                                     .arg(policy.severity, severities.join(u", ")));
                continue;
            }
            if (!it->second.IsSequence()) {
                m_reporter.error(it->second,
                                 tr("the escalation of %1 must be a list of steps "
                                    "with 'after' and 'notify', found %2")
                                     .arg(policy.severity, describeYamlNode(it->second)));
                continue;
            }
            // A copy: it->second lives in a proxy that dies with the expression.
            const YAML::Node steps = it->second;
            for (const YAML::Node &stepNode : steps) {
                if (!stepNode.IsMap()) {
                    m_reporter.error(stepNode, tr("each escalation step must be a mapping with "
                                                  "'after' and 'notify', found %1")
                                                   .arg(describeYamlNode(stepNode)));
                    continue;
                }
                EscalationStep step;
                step.location = yamlLocation(stepNode.Mark());
                YamlMapReader map(m_reporter, stepNode, tr("an escalation step"));
                map.readDuration("after", step.afterMinutes);
                map.readText("notify", step.notify, true);
                map.finish();
                policy.steps.append(step);
            }
            m_workspace.escalation.append(policy);
        }
    }

    // Communication templates: a fixed set of names, each a text (a block scalar `|` keeps
    // the line breaks). A misspelt name is an error, not a warning: the default text would
    // silently go out instead of the team's own.
    void readTemplates(const YAML::Node &node)
    {
        if (!node.IsDefined() || node.IsNull())
            return;
        static const QStringList names = {u"declaration"_s, u"update"_s, u"resolution"_s,
                                          u"customer_notice"_s};
        if (!node.IsMap()) {
            m_reporter.error(node, tr("'templates' must be a mapping from template name (%1) to "
                                      "its text, found %2")
                                       .arg(names.join(u", "), describeYamlNode(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString name = fromStd(it->first.Scalar());
            if (!names.contains(name)) {
                m_reporter.error(
                    yamlLocation(it->first.Mark()),
                    tr("unknown template '%1'; expected one of %2").arg(name, names.join(u", ")));
                continue;
            }
            const YAML::Node text = it->second;
            // A missing value's own position is the next line: point at its key instead.
            if (!text.IsDefined() || text.IsNull()) {
                m_reporter.error(yamlLocation(it->first.Mark()),
                                 tr("the template '%1' has no text").arg(name));
                continue;
            }
            if (!text.IsScalar()) {
                m_reporter.error(text, tr("the template '%1' must be a text value, found %2")
                                           .arg(name, describeYamlNode(text)));
                continue;
            }
            m_workspace.communicationTemplates.insert(name, fromStd(text.Scalar()));
        }
    }

    void claimName(QHash<QString, SourceLocation> &names, const QString &name,
                   SourceLocation location, const QString &kind)
    {
        if (name.isEmpty())
            return;
        const auto existing = names.constFind(name);
        if (existing != names.constEnd()) {
            m_reporter.error(
                location,
                tr("%1 name '%2' is already used at line %3").arg(kind, name).arg(existing->line));
            return;
        }
        names.insert(name, location);
    }

    void checkReferences()
    {
        for (const Reference &reference : std::as_const(m_references)) {
            if (!m_hostNames.contains(reference.target)) {
                m_reporter.error(
                    reference.node,
                    tr("'%1' refers to '%2', which is not a host of this workspace")
                        .arg(reference.isJump ? u"jump"_s : u"via"_s, reference.target));
            } else if (reference.isJump && reference.target == reference.from) {
                m_reporter.error(reference.node,
                                 tr("host '%1' cannot be its own jump host").arg(reference.from));
            }
        }
        // Jump chains must end: follow each one; report every loop once.
        QSet<QString> reportedLoops;
        for (const Environment &environment : std::as_const(m_workspace.environments)) {
            for (const Host &host : environment.hosts) {
                QStringList chain{host.name};
                const Host *hop = &host;
                while (hop && !hop->jumpHost.isEmpty() && hop->jumpHost != hop->name) {
                    if (chain.contains(hop->jumpHost)) {
                        QStringList loop = chain.mid(chain.indexOf(hop->jumpHost));
                        QStringList members = loop;
                        members.sort();
                        if (!reportedLoops.contains(members.join(u'\n'))) {
                            reportedLoops.insert(members.join(u'\n'));
                            loop.append(hop->jumpHost);
                            const Host *first = m_workspace.findHost(loop.front());
                            m_reporter.error(
                                first->location,
                                tr("jump hosts form a loop: %1").arg(loop.join(u" → ")));
                        }
                        break;
                    }
                    chain.append(hop->jumpHost);
                    hop = m_workspace.findHost(hop->jumpHost);
                }
            }
        }
        for (const EscalationPolicy &policy : std::as_const(m_workspace.escalation)) {
            for (const EscalationStep &step : policy.steps) {
                const bool known = std::ranges::any_of(m_workspace.contacts, [&](const Contact &c) {
                    return c.name == step.notify || c.role == step.notify;
                });
                if (!known && !m_workspace.contacts.isEmpty()) {
                    m_reporter.warning(step.location,
                                       tr("'%1' in the %2 escalation matches no contact's name or "
                                          "role")
                                           .arg(step.notify, policy.severity));
                }
            }
        }
    }

    struct Reference {
        QString from;
        QString target;
        YAML::Node node;
        bool isJump;
    };

    YamlDiagnostics &m_reporter;
    Workspace &m_workspace;
    QHash<QString, SourceLocation> m_environmentNames;
    QHash<QString, SourceLocation> m_hostNames;
    QList<Reference> m_references;
};

Diagnostic tooLarge(const QString &fileName, qint64 size)
{
    return {Diagnostic::Severity::Error, fileName, 0, 0,
            QCoreApplication::translate("WorkspaceLoader",
                                        "the file is too large (%1 MiB); a workspace file may be "
                                        "at most %2 MiB")
                .arg(double(size) / (1024 * 1024), 0, 'f', 1)
                .arg(MaximumWorkspaceFileSize / (1024 * 1024))};
}

} // namespace

WorkspaceLoadResult parseWorkspace(const QByteArray &rawText, const QString &fileName)
{
    WorkspaceLoadResult result;
    result.workspace.filePath = fileName;
    YamlDiagnostics reporter(fileName);
    const auto finish = [&] {
        result.diagnostics = reporter.takeDiagnostics();
        return result;
    };

    if (rawText.size() > MaximumWorkspaceFileSize) {
        result.diagnostics.append(tooLarge(fileName, rawText.size()));
        return result;
    }
    const std::optional<YAML::Node> document = readYamlDocument(rawText, reporter);
    if (!document)
        return finish();
    const YAML::Node &root = *document;

    if (!root.IsDefined() || root.IsNull()) {
        reporter.error({1, 1},
                       QCoreApplication::translate(
                           "WorkspaceLoader", "the file is empty: expected a mapping with at least "
                                              "'environments'"));
        return finish();
    }
    if (!root.IsMap()) {
        reporter.error(root, QCoreApplication::translate(
                                 "WorkspaceLoader",
                                 "expected a mapping with at least 'environments' at the top of "
                                 "the file, found %1")
                                 .arg(describeYamlNode(root)));
        return finish();
    }

    WorkspaceReader(reporter, result.workspace).read(root);
    if (result.workspace.name.isEmpty())
        result.workspace.name = QFileInfo(fileName).completeBaseName();

    // In file order, as an editor's problem list shows them.
    result.diagnostics = reporter.takeDiagnostics();
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    return result;
}

WorkspaceLoadResult loadWorkspaceFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceLoadResult result;
        result.workspace.filePath = path;
        result.diagnostics.append(
            {Diagnostic::Severity::Error, path, 0, 0,
             QCoreApplication::translate("WorkspaceLoader", "cannot open the file: %1")
                 .arg(file.errorString())});
        return result;
    }
    if (file.size() > MaximumWorkspaceFileSize) {
        WorkspaceLoadResult result;
        result.workspace.filePath = path;
        result.diagnostics.append(tooLarge(path, file.size()));
        return result;
    }
    return parseWorkspace(file.readAll(), path);
}

} // namespace OpsDeck
