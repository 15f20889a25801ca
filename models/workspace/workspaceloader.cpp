// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

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

SourceLocation locationOf(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

QString describeKind(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return QCoreApplication::translate("WorkspaceLoader", "a mapping");
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("WorkspaceLoader", "a list");
    case YAML::NodeType::Null:
        return QCoreApplication::translate("WorkspaceLoader", "nothing");
    case YAML::NodeType::Scalar:
        return u'\'' + fromStd(node.Scalar()) + u'\'';
    case YAML::NodeType::Undefined:
        break;
    }
    return QCoreApplication::translate("WorkspaceLoader", "nothing");
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Offset of the first byte that is not valid UTF-8 (or is NUL), or -1 for clean text.
qsizetype firstBinaryByte(const QByteArray &text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead == 0)
            return i;
        int continuation = 0;
        if (lead < 0x80)
            continuation = 0;
        else if (lead >= 0xC2 && lead <= 0xDF)
            continuation = 1;
        else if (lead >= 0xE0 && lead <= 0xEF)
            continuation = 2;
        else if (lead >= 0xF0 && lead <= 0xF4)
            continuation = 3;
        else
            return i;
        if (i + continuation >= size && continuation > 0)
            return i;
        for (int k = 1; k <= continuation; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += continuation + 1;
    }
    return -1;
}

SourceLocation locationOfOffset(const QByteArray &text, qsizetype offset)
{
    SourceLocation location{1, 1};
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++location.line;
            lineStart = i + 1;
        }
    }
    // Columns count characters, not bytes, so editors land on the right spot.
    location.column = int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
    return location;
}

// Collects diagnostics for one file.
class Reporter
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    explicit Reporter(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    void error(SourceLocation where, const QString &message)
    {
        add(Diagnostic::Severity::Error, where, message);
    }
    void warning(SourceLocation where, const QString &message)
    {
        add(Diagnostic::Severity::Warning, where, message);
    }
    void error(const YAML::Node &node, const QString &message)
    {
        error(locationOf(node.Mark()), message);
    }

    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

private:
    void add(Diagnostic::Severity severity, SourceLocation where, const QString &message)
    {
        m_diagnostics.append({severity, m_fileName, where.line, where.column, message});
    }

    QString m_fileName;
    Diagnostics m_diagnostics;
};

// Reads one YAML mapping against a known set of keys: typed getters report what was expected
// and where; finish() warns about keys nobody asked for.
class MapReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    MapReader(Reporter &reporter, const YAML::Node &node, QString context)
        : m_reporter(reporter)
        , m_node(node)
        , m_context(std::move(context))
    {
    }

    // Value of a key, or an undefined node; remembers that the key is known.
    YAML::Node value(const char *key)
    {
        m_known.append(QString::fromLatin1(key));
        for (auto it = m_node.begin(); it != m_node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return it->second;
        }
        return YAML::Node(YAML::NodeType::Undefined);
    }

    std::optional<QString> text(const char *key, bool required = false)
    {
        const YAML::Node node = value(key);
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                missing(key, node);
            return std::nullopt;
        }
        if (!node.IsScalar()) {
            m_reporter.error(node, tr("'%1' must be a text value, found %2")
                                       .arg(QLatin1String(key), describeKind(node)));
            return std::nullopt;
        }
        const QString result = fromStd(node.Scalar());
        if (required && result.trimmed().isEmpty()) {
            m_reporter.error(node, tr("'%1' must not be empty").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return result;
    }

    void readText(const char *key, QString &target, bool required = false)
    {
        if (auto result = text(key, required))
            target = *result;
    }

    void readInteger(const char *key, int &target, int minimum, int maximum)
    {
        const YAML::Node node = value(key);
        if (!node.IsDefined() || node.IsNull())
            return;
        bool ok = false;
        const int number = node.IsScalar() ? fromStd(node.Scalar()).toInt(&ok) : 0;
        if (!ok || number < minimum || number > maximum) {
            m_reporter.error(node, tr("'%1' must be a whole number from %2 to %3, found %4")
                                       .arg(QLatin1String(key))
                                       .arg(minimum)
                                       .arg(maximum)
                                       .arg(describeKind(node)));
            return;
        }
        target = number;
    }

    bool readNumber(const char *key, double &target, bool required)
    {
        const YAML::Node node = value(key);
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                missing(key, node);
            return false;
        }
        bool ok = false;
        const double number = node.IsScalar() ? fromStd(node.Scalar()).toDouble(&ok) : 0;
        if (!ok) {
            m_reporter.error(
                node,
                tr("'%1' must be a number, found %2").arg(QLatin1String(key), describeKind(node)));
            return false;
        }
        target = number;
        return true;
    }

    // Reads a key whose value must be one of a fixed set of words.
    template<typename Enum>
    void readChoice(const char *key, Enum &target,
                    const std::initializer_list<std::pair<const char *, Enum>> &choices)
    {
        const std::optional<QString> word = text(key);
        if (!word)
            return;
        QStringList names;
        for (const auto &[name, choice] : choices) {
            if (*word == QLatin1String(name)) {
                target = choice;
                return;
            }
            names.append(QLatin1String(name));
        }
        m_reporter.error(value(key), tr("'%1' must be one of %2; found '%3'")
                                         .arg(QLatin1String(key), names.join(u", "), *word));
    }

    void readUrl(const char *key, QUrl &target)
    {
        const std::optional<QString> written = text(key);
        if (!written)
            return;
        const QUrl url(*written, QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
            m_reporter.error(value(key), tr("'%1' must be an http:// or https:// URL, found '%2'")
                                             .arg(QLatin1String(key), *written));
            return;
        }
        target = url;
    }

    void readStringList(const char *key, QStringList &target)
    {
        const YAML::Node node = value(key);
        if (!node.IsDefined() || node.IsNull())
            return;
        if (!node.IsSequence()) {
            m_reporter.error(node, tr("'%1' must be a list such as [a, b], found %2")
                                       .arg(QLatin1String(key), describeKind(node)));
            return;
        }
        for (const YAML::Node &item : node) {
            if (!item.IsScalar()) {
                m_reporter.error(item, tr("each entry of '%1' must be a text value, found %2")
                                           .arg(QLatin1String(key), describeKind(item)));
                continue;
            }
            target.append(fromStd(item.Scalar()));
        }
    }

    // Secrets are only ever named, never written: "keychain:<entry>".
    void readSecret(const char *key, SecretReference &target)
    {
        const std::optional<QString> written = text(key);
        if (!written)
            return;
        static constexpr QStringView prefix = u"keychain:";
        if (!written->startsWith(prefix) || written->size() == prefix.size()) {
            // Never echo the value: it may be a real password.
            m_reporter.error(value(key),
                             tr("'%1' holds a plain-text secret; store it in the system keychain "
                                "and write 'keychain:<entry name>' here instead")
                                 .arg(QLatin1String(key)));
            return;
        }
        target.entry = written->mid(prefix.size());
    }

    // "0", "30m", "1h", "2d" -> minutes.
    void readDuration(const char *key, int &minutes)
    {
        const std::optional<QString> written = text(key);
        if (!written)
            return;
        const QString trimmed = written->trimmed();
        bool ok = false;
        int number = trimmed.toInt(&ok);
        if (!ok && trimmed.size() > 1) {
            number = trimmed.chopped(1).toInt(&ok);
            const QChar unit = trimmed.back();
            if (unit == u'h')
                number *= 60;
            else if (unit == u'd')
                number *= 24 * 60;
            else if (unit != u'm')
                ok = false;
        }
        if (!ok || number < 0) {
            m_reporter.error(value(key),
                             tr("'%1' must be a duration such as 0, 15m, 1h or 1d; found '%2'")
                                 .arg(QLatin1String(key), *written));
            return;
        }
        minutes = number;
    }

    // Calls read(item, index) for every mapping in a list under key.
    void readList(const char *key, const QString &itemName,
                  const std::function<void(const YAML::Node &)> &read)
    {
        const YAML::Node node = value(key);
        if (!node.IsDefined() || node.IsNull())
            return;
        if (!node.IsSequence()) {
            m_reporter.error(node, tr("'%1' must be a list of %2, found %3")
                                       .arg(QLatin1String(key), itemName, describeKind(node)));
            return;
        }
        for (const YAML::Node &item : node) {
            if (!item.IsMap()) {
                m_reporter.error(item, tr("each entry of '%1' must be a mapping with at least "
                                          "'name', found %2")
                                           .arg(QLatin1String(key), describeKind(item)));
                continue;
            }
            read(item);
        }
    }

    void setContext(QString context) { m_context = std::move(context); }

    // Warns about keys that were never asked for, with the closest known key as a hint.
    void finish()
    {
        for (auto it = m_node.begin(); it != m_node.end(); ++it) {
            const QString key = fromStd(it->first.Scalar());
            if (m_known.contains(key))
                continue;
            QString closest;
            int best = 3;
            for (const QString &known : std::as_const(m_known)) {
                const int distance = editDistance(key, known);
                if (distance < best) {
                    best = distance;
                    closest = known;
                }
            }
            const QString message =
                closest.isEmpty()
                    ? tr("unknown key '%1' in %2; expected one of: %3")
                          .arg(key, m_context, m_known.join(u", "))
                    : tr("unknown key '%1' in %2; did you mean '%3'?").arg(key, m_context, closest);
            m_reporter.warning(locationOf(it->first.Mark()), message);
        }
    }

private:
    void missing(const char *key, const YAML::Node &node)
    {
        if (node.IsDefined()) {
            m_reporter.error(node, tr("'%1' has no value").arg(QLatin1String(key)));
            return;
        }
        m_reporter.error(locationOf(m_node.Mark()),
                         tr("%1 has no '%2'").arg(m_context, QLatin1String(key)));
    }

    Reporter &m_reporter;
    YAML::Node m_node;
    QString m_context;
    QStringList m_known;
};

// Turns a parsed YAML document into a Workspace; one method per schema element.
class WorkspaceReader
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    WorkspaceReader(Reporter &reporter, Workspace &workspace)
        : m_reporter(reporter)
        , m_workspace(workspace)
    {
    }

    void read(const YAML::Node &root)
    {
        MapReader map(m_reporter, root, tr("the workspace"));
        const YAML::Node version = map.value("version");
        if (version.IsDefined() && !(version.IsScalar() && version.Scalar() == "1")) {
            m_reporter.error(version, tr("unsupported workspace version %1; this OpsDeck reads "
                                         "version 1")
                                          .arg(describeKind(version)));
        }
        map.readText("name", m_workspace.name);
        if (!map.value("environments").IsDefined())
            m_reporter.error(SourceLocation{1, 1}, tr("the workspace has no 'environments'"));
        map.readList("environments", tr("environments"),
                     [this](const YAML::Node &node) { readEnvironment(node); });
        readThresholds(map.value("thresholds"));
        map.readList("contacts", tr("contacts"), [this](const YAML::Node &node) {
            Contact contact;
            contact.location = locationOf(node.Mark());
            MapReader item(m_reporter, node, tr("a contact"));
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
        environment.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("an environment"));
        map.readText("name", environment.name, true);
        map.setContext(tr("environment '%1'").arg(environment.name));
        map.readText("description", environment.description);
        claimName(m_environmentNames, environment.name, environment.location, tr("environment"));
        map.readList("hosts", tr("hosts"),
                     [&](const YAML::Node &item) { environment.hosts.append(readHost(item)); });
        map.finish();
        m_workspace.environments.append(environment);
    }

    Host readHost(const YAML::Node &node)
    {
        Host host;
        host.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a host"));
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
        map.readList("backups", tr("backup locations"),
                     [&](const YAML::Node &item) { host.backups.append(readBackup(item)); });
        map.finish();
        return host;
    }

    Service readService(const YAML::Node &node)
    {
        Service service;
        service.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a service"));
        map.readText("name", service.name, true);
        map.setContext(tr("service '%1'").arg(service.name));
        map.readUrl("health", service.healthUrl);
        map.readUrl("metrics", service.metricsUrl);
        map.readInteger("expect-status", service.expectedStatus, 100, 599);
        map.readText("expect-body", service.expectedBody);
        map.finish();
        return service;
    }

    Database readDatabase(const YAML::Node &node)
    {
        Database database;
        database.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a database"));
        map.readText("name", database.name, true);
        map.setContext(tr("database '%1'").arg(database.name));
        map.readText("host", database.host);
        map.readInteger("port", database.port, 1, 65535);
        map.readText("database", database.database);
        if (database.database.isEmpty())
            database.database = database.name;
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
        map.finish();
        return database;
    }

    RedisInstance readRedis(const YAML::Node &node)
    {
        RedisInstance redis;
        redis.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a Redis instance"));
        map.readText("name", redis.name, true);
        map.readText("host", redis.host);
        map.readInteger("port", redis.port, 1, 65535);
        map.readText("socket", redis.socketPath);
        map.readInteger("db", redis.databaseIndex, 0, 65535);
        map.readSecret("password", redis.password);
        map.finish();
        return redis;
    }

    LogSource readLog(const YAML::Node &node)
    {
        LogSource log;
        log.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a log source"));
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

    BackupLocation readBackup(const YAML::Node &node)
    {
        BackupLocation backup;
        backup.location = locationOf(node.Mark());
        MapReader map(m_reporter, node, tr("a backup location"));
        map.readText("name", backup.name, true);
        map.readText("directory", backup.directory, true);
        map.readText("glob", backup.glob);
        map.readInteger("retention-days", backup.retentionDays, 0, 36500);
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
                                       .arg(describeKind(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            Threshold threshold;
            threshold.metric = fromStd(it->first.Scalar());
            threshold.location = locationOf(it->first.Mark());
            if (!it->second.IsMap()) {
                m_reporter.error(it->second, tr("threshold '%1' must be a mapping with "
                                                "'warning' and 'critical', found %2")
                                                 .arg(threshold.metric, describeKind(it->second)));
                continue;
            }
            MapReader map(m_reporter, it->second, tr("threshold '%1'").arg(threshold.metric));
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
                                       .arg(describeKind(node)));
            return;
        }
        static const QStringList severities = {u"SEV-1"_s, u"SEV-2"_s, u"SEV-3"_s, u"SEV-4"_s};
        for (auto it = node.begin(); it != node.end(); ++it) {
            EscalationPolicy policy;
            policy.severity = fromStd(it->first.Scalar());
            policy.location = locationOf(it->first.Mark());
            if (!severities.contains(policy.severity)) {
                m_reporter.error(policy.location,
                                 tr("unknown severity '%1'; expected one of %2")
                                     .arg(policy.severity, severities.join(u", ")));
                continue;
            }
            if (!it->second.IsSequence()) {
                m_reporter.error(it->second, tr("the escalation of %1 must be a list of steps "
                                                "with 'after' and 'notify', found %2")
                                                 .arg(policy.severity, describeKind(it->second)));
                continue;
            }
            // A copy: it->second lives in a proxy that dies with the expression.
            const YAML::Node steps = it->second;
            for (const YAML::Node &stepNode : steps) {
                if (!stepNode.IsMap()) {
                    m_reporter.error(stepNode, tr("each escalation step must be a mapping with "
                                                  "'after' and 'notify', found %1")
                                                   .arg(describeKind(stepNode)));
                    continue;
                }
                EscalationStep step;
                step.location = locationOf(stepNode.Mark());
                MapReader map(m_reporter, stepNode, tr("an escalation step"));
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
                                       .arg(names.join(u", "), describeKind(node)));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString name = fromStd(it->first.Scalar());
            if (!names.contains(name)) {
                m_reporter.error(
                    locationOf(it->first.Mark()),
                    tr("unknown template '%1'; expected one of %2").arg(name, names.join(u", ")));
                continue;
            }
            const YAML::Node text = it->second;
            // A missing value's own position is the next line: point at its key instead.
            if (!text.IsDefined() || text.IsNull()) {
                m_reporter.error(locationOf(it->first.Mark()),
                                 tr("the template '%1' has no text").arg(name));
                continue;
            }
            if (!text.IsScalar()) {
                m_reporter.error(text, tr("the template '%1' must be a text value, found %2")
                                           .arg(name, describeKind(text)));
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

    Reporter &m_reporter;
    Workspace &m_workspace;
    QHash<QString, SourceLocation> m_environmentNames;
    QHash<QString, SourceLocation> m_hostNames;
    QList<Reference> m_references;
};

// yaml-cpp keeps every key of a mapping, duplicates included: find them all.
void reportDuplicateKeys(Reporter &reporter, const YAML::Node &node)
{
    if (node.IsMap()) {
        QHash<QString, int> firstLine;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar()) {
                const QString key = fromStd(it->first.Scalar());
                const SourceLocation where = locationOf(it->first.Mark());
                if (firstLine.contains(key)) {
                    reporter.error(where, QCoreApplication::translate(
                                              "WorkspaceLoader",
                                              "duplicate key '%1' (first defined at line %2)")
                                              .arg(key)
                                              .arg(firstLine.value(key)));
                } else {
                    firstLine.insert(key, where.line);
                }
            }
            reportDuplicateKeys(reporter, it->second);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            reportDuplicateKeys(reporter, item);
    }
}

// yaml-cpp's messages name the parser state; say what the user has to fix instead.
QString explainSyntaxError(const std::string &message)
{

    if (message == YAML::ErrorMsg::MAP_VALUE)
        return QCoreApplication::translate(
            "WorkspaceLoader", "unexpected ':': expected a key aligned with the keys above it, or "
                               "quotes around a value that contains ': '");
    if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ)
        return QCoreApplication::translate(
            "WorkspaceLoader",
            "bad indentation: expected this line to line up with the keys or list "
            "entries above it");
    if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW)
        return QCoreApplication::translate("WorkspaceLoader", "unclosed '[': expected ',' or ']'");
    if (message == YAML::ErrorMsg::END_OF_MAP_FLOW)
        return QCoreApplication::translate("WorkspaceLoader", "unclosed '{': expected ',' or '}'");
    if (message == YAML::ErrorMsg::UNKNOWN_ANCHOR)
        return QCoreApplication::translate(
            "WorkspaceLoader", "the alias refers to an anchor that is not defined above it");
    return QCoreApplication::translate("WorkspaceLoader", "YAML syntax error: %1")
        .arg(fromStd(message));
}

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
    Reporter reporter(fileName);
    const auto finish = [&] {
        result.diagnostics = reporter.takeDiagnostics();
        return result;
    };

    if (rawText.size() > MaximumWorkspaceFileSize) {
        result.diagnostics.append(tooLarge(fileName, rawText.size()));
        return result;
    }
    QByteArray text = rawText;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    if (const qsizetype offset = firstBinaryByte(text); offset >= 0) {
        reporter.error(locationOfOffset(text, offset),
                       QCoreApplication::translate("WorkspaceLoader",
                                                   "binary data (byte 0x%1): a workspace file "
                                                   "must be UTF-8 text")
                           .arg(uchar(text[offset]), 2, 16, QLatin1Char('0')));
        return finish();
    }

    // yaml-cpp's tab message points after the fact; point at the tab itself.
    int lineNumber = 1;
    for (const QByteArrayView line : text.split('\n')) {
        for (qsizetype column = 0;
             column < line.size() && (line[column] == ' ' || line[column] == '\t'); ++column) {
            if (line[column] == '\t') {
                reporter.error({lineNumber, int(column) + 1},
                               QCoreApplication::translate("WorkspaceLoader",
                                                           "tab character in indentation: YAML "
                                                           "indents with spaces only"));
                return finish();
            }
        }
        ++lineNumber;
    }

    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &exception) {
        reporter.error(locationOf(exception.mark), explainSyntaxError(exception.msg));
        return finish();
    }

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
                                 .arg(describeKind(root)));
        return finish();
    }

    reportDuplicateKeys(reporter, root);
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
