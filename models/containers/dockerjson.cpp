// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/dockerjson.h"

#include "models/core/textlines.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DockerJson)
};

// A screenful: past it, an error list only hides the first, telling ones.
constexpr int maximumErrors = 50;

void addError(QStringList &errors, const QString &where, const QString &what)
{
    if (errors.size() < maximumErrors)
        errors.append(where + u": "_s + what);
    else if (errors.size() == maximumErrors)
        errors.append(Text::tr("too many errors; the rest are not listed"));
}

// Whole objects in either shape the tools print: one JSON array (podman, inspect) or one
// object per line (docker's --format '{{json .}}'). visit(object, where) gets each object
// with "line N" or "item N" (from 1) as its place.
void forEachObject(QByteArrayView output, QStringList &errors,
                   const std::function<void(const QJsonObject &, const QString &)> &visit)
{
    const QByteArrayView trimmed = output.trimmed();
    if (trimmed.isEmpty())
        return;
    if (trimmed.front() == '[') {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError || !document.isArray()) {
            addError(errors, Text::tr("offset %1").arg(error.offset),
                     Text::tr("not a JSON array: %1").arg(error.errorString()));
            return;
        }
        const QJsonArray array = document.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where = Text::tr("item %1").arg(i + 1);
            if (!array.at(i).isObject())
                addError(errors, where, Text::tr("not a JSON object"));
            else
                visit(array.at(i).toObject(), where);
        }
        return;
    }
    forEachLine(output, [&](QByteArrayView line, int number) {
        if (line.trimmed().isEmpty())
            return;
        const QString where = Text::tr("line %1").arg(number);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError)
            addError(errors, where, Text::tr("not JSON: %1").arg(error.errorString()));
        else if (!document.isObject())
            addError(errors, where, Text::tr("not a JSON object"));
        else
            visit(document.object(), where);
    });
}

// A number however it came: JSON number or a decimal string; fallback when neither.
qint64 integerOf(const QJsonValue &value, qint64 fallback = -1)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return std::isfinite(number) && std::abs(number) < 9e18 ? qint64(number) : fallback;
    }
    bool ok = false;
    const qint64 number = value.toString().trimmed().toLongLong(&ok);
    return ok ? number : fallback;
}

// "2026-12-06T14:43:51.885793896Z" (RFC 3339 with nanoseconds, which Qt does not read past
// milliseconds): the fraction is cut to milliseconds. Go's zero time (0001-01-01) is "never".
QDateTime isoTime(const QString &text)
{
    QString cut = text.trimmed();
    const qsizetype dot = cut.indexOf(u'.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < cut.size() && cut.at(end).isDigit())
            ++end;
        cut = cut.left(std::min(end, dot + 4)) + cut.mid(end);
    }
    QDateTime time = QDateTime::fromString(cut, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().year() <= 1)
        return {};
    return time.toUTC();
}

// docker ps's CreatedAt: "2026-12-06 14:43:50 +0000 UTC" (Go's time.String(); the zone's
// abbreviation at the end is the offset's name and adds nothing).
QDateTime dockerListTime(const QString &text)
{
    const QStringList parts = text.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 3)
        return {};
    QDateTime time = QDateTime::fromString(parts.at(0) + u'T' + parts.at(1), Qt::ISODate);
    const QString &offset = parts.at(2);
    if (!time.isValid() || offset.size() != 5 || (offset[0] != u'+' && offset[0] != u'-'))
        return {};
    bool hoursOk = false;
    bool minutesOk = false;
    const int hours = offset.mid(1, 2).toInt(&hoursOk);
    const int minutes = offset.mid(3, 2).toInt(&minutesOk);
    if (!hoursOk || !minutesOk)
        return {};
    const int seconds = (hours * 3600 + minutes * 60) * (offset[0] == u'-' ? -1 : 1);
    time.setOffsetFromUtc(seconds);
    return time.toUTC();
}

// Podman's Created: seconds since the epoch (podman 4), or a time string (older ones).
QDateTime podmanTime(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (!std::isfinite(seconds) || seconds <= 0 || seconds > 1e11)
            return {};
        return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
    }
    return isoTime(value.toString());
}

// docker ps's Labels: "a=1,b=2". A value with a comma (compose's config_files naming two
// files) leaves a piece without '=' behind, which belongs to the value before it.
QMap<QString, QString> labelsFromList(const QString &text)
{
    QMap<QString, QString> labels;
    QString lastKey;
    for (const QString &piece : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = piece.indexOf(u'=');
        if (equals <= 0) {
            if (!lastKey.isEmpty())
                labels[lastKey] += u',' + piece;
            continue;
        }
        lastKey = piece.left(equals);
        labels.insert(lastKey, piece.mid(equals + 1));
    }
    return labels;
}

QMap<QString, QString> labelsFromObject(const QJsonObject &object)
{
    QMap<QString, QString> labels;
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

// The compose project a container belongs to, from the labels docker compose (v1 and v2)
// and podman-compose write.
void applyComposeLabels(ContainerRow &row)
{
    const auto label = [&](QStringView key) { return row.labels.value(key.toString()); };
    row.project = label(u"com.docker.compose.project");
    if (row.project.isEmpty())
        row.project = label(u"io.podman.compose.project");
    row.service = label(u"com.docker.compose.service");
    if (row.service.isEmpty())
        row.service = label(u"io.podman.compose.service");
    row.composeWorkingDirectory = label(u"com.docker.compose.project.working_dir");
    row.composeFiles.clear();
    for (const QString &file : label(u"com.docker.compose.project.config_files").split(u',')) {
        if (!file.trimmed().isEmpty())
            row.composeFiles.append(file.trimmed());
    }
}

// The health word inside a list status: "Up 2 hours (unhealthy)", "(health: starting)".
QString healthFromStatus(const QString &status)
{
    if (status.contains(u"(unhealthy)"))
        return u"unhealthy"_s;
    if (status.contains(u"(healthy)"))
        return u"healthy"_s;
    if (status.contains(u"(health: starting)") || status.contains(u"(starting)"))
        return u"starting"_s;
    return {};
}

// The exit code in "Exited (3) 4 seconds ago" or "Restarting (1) Less than a second ago".
int exitCodeFromStatus(const QString &status)
{
    const qsizetype open = status.indexOf(u'(');
    const qsizetype close = status.indexOf(u')', open + 1);
    if (open < 0 || close < 0)
        return -1;
    bool ok = false;
    const int code = QStringView(status).sliced(open + 1, close - open - 1).toInt(&ok);
    return ok ? code : -1;
}

// The state word a list status starts with, for tools that give no State field.
QString stateFromStatus(const QString &status)
{
    if (status.startsWith(u"Up"))
        return status.contains(u"(Paused)") ? u"paused"_s : u"running"_s;
    if (status.startsWith(u"Exited"))
        return u"exited"_s;
    if (status.startsWith(u"Restarting"))
        return u"restarting"_s;
    if (status.startsWith(u"Created"))
        return u"created"_s;
    if (status.startsWith(u"Dead"))
        return u"dead"_s;
    if (status.startsWith(u"Removal"))
        return u"removing"_s;
    return {};
}

// Whether a state keeps its last exit code worth showing.
bool stateHasExited(QStringView state)
{
    return state == u"exited" || state == u"stopped" || state == u"dead" || state == u"restarting";
}

// Reason, condition and readiness from what the reader found. Reason (the first that holds):
// "OOMKilled" when the kernel killed it for memory, "unhealthy" when its check fails,
// "Restarting" while the daemon restarts it, "Error" when it exited non-zero or is dead (the
// code itself is in exitCode, as Kubernetes' terminated reason does it); empty when fine.
void finishRow(ContainerRow &row, bool oomKilled, const QString &health)
{
    row.state = row.state.toLower();
    row.condition = containerConditionFor(row.state, row.exitCode, oomKilled, health);
    if (oomKilled)
        row.reason = u"OOMKilled"_s;
    else if (health == u"unhealthy")
        row.reason = u"unhealthy"_s;
    else if (row.state == u"restarting")
        row.reason = u"Restarting"_s;
    else if (row.state == u"dead" || (stateHasExited(row.state) && row.exitCode > 0))
        row.reason = u"Error"_s;
    else
        row.reason.clear();
    row.ready = row.state == u"running" && health != u"unhealthy" ? 1 : 0;
    row.readyTotal = 1;
}

// Inspect's NetworkSettings.Ports: {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}],
// "443/tcp": null} -> "0.0.0.0:8080->80/tcp, 443/tcp", the way docker ps writes them.
QString portsFromInspect(const QJsonObject &ports)
{
    QStringList parts;
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const QJsonArray bindings = it.value().toArray();
        if (bindings.isEmpty()) {
            parts.append(it.key());
            continue;
        }
        for (const QJsonValue &binding : bindings) {
            const QJsonObject object = binding.toObject();
            QString hostIp = object.value("HostIp"_L1).toString();
            if (hostIp.isEmpty())
                hostIp = u"0.0.0.0"_s;
            parts.append(hostIp + u':' + object.value("HostPort"_L1).toString() + u"->"_s +
                         it.key());
        }
    }
    return parts.join(u", "_s);
}

// podman ps's Ports: [{"host_ip": "", "container_port": 80, "host_port": 8080, "range": 1,
// "protocol": "tcp"}] -> "0.0.0.0:8080->80/tcp" (a range: "0.0.0.0:8080-8081->80-81/tcp").
QString portsFromPodmanList(const QJsonArray &ports)
{
    QStringList parts;
    for (const QJsonValue &value : ports) {
        const QJsonObject port = value.toObject();
        const qint64 container = integerOf(port.value("container_port"_L1));
        const qint64 host = integerOf(port.value("host_port"_L1));
        const qint64 range = std::max<qint64>(1, integerOf(port.value("range"_L1), 1));
        QString protocol = port.value("protocol"_L1).toString();
        if (protocol.isEmpty())
            protocol = u"tcp"_s;
        if (container < 0)
            continue;
        const auto span = [range](qint64 first) {
            return range > 1 ? QString::number(first) + u'-' + QString::number(first + range - 1)
                             : QString::number(first);
        };
        const QString inside = span(container) + u'/' + protocol;
        if (host <= 0) {
            parts.append(inside);
            continue;
        }
        QString hostIp = port.value("host_ip"_L1).toString();
        if (hostIp.isEmpty())
            hostIp = u"0.0.0.0"_s;
        parts.append(hostIp + u':' + span(host) + u"->"_s + inside);
    }
    return parts.join(u", "_s);
}

// docker ps's Names, "web" or "web,other/alias" with legacy links: the first is its own.
QString firstName(const QString &names)
{
    return names.section(u',', 0, 0).trimmed();
}

// "12.50%" -> 125 millicores (100 % is one core, as both tools count it); "--" -> -1.
double millicoresFromPercent(const QString &text)
{
    QString number = text.trimmed();
    if (!number.endsWith(u'%'))
        return -1;
    number.chop(1);
    bool ok = false;
    const double percent = number.toDouble(&ok);
    return ok && std::isfinite(percent) && percent >= 0 ? percent * 10.0 : -1;
}

// "1.5MiB / 7.7GiB" (docker) or "466.9kB / 25.28GB" (podman) -> used and limit bytes; a limit
// of 0 (a stopped container) is unknown.
void memoryFromUsage(const QString &text, qint64 &used, qint64 &limit)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0) {
        used = parseContainerSize(text);
        limit = -1;
        return;
    }
    used = parseContainerSize(QStringView(text).left(slash));
    limit = parseContainerSize(QStringView(text).mid(slash + 1));
    if (limit == 0)
        limit = -1;
}

} // namespace

qint64 parseContainerSize(QStringView text)
{
    text = text.trimmed();
    qsizetype unitStart = 0;
    while (unitStart < text.size() && (text.at(unitStart).isDigit() || text.at(unitStart) == u'.'))
        ++unitStart;
    bool ok = false;
    const double number = text.left(unitStart).toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0)
        return -1;
    const QStringView unit = text.mid(unitStart).trimmed();
    struct Unit {
        QStringView name;
        double factor;
    };
    // go-units: BytesSize (docker stats) uses binary units, HumanSize (podman) decimal ones.
    static constexpr Unit units[] = {
        {u"B", 1.0},
        {u"kB", 1e3},
        {u"KB", 1e3},
        {u"MB", 1e6},
        {u"GB", 1e9},
        {u"TB", 1e12},
        {u"PB", 1e15},
        {u"KiB", 1024.0},
        {u"MiB", 1024.0 * 1024},
        {u"GiB", 1024.0 * 1024 * 1024},
        {u"TiB", 1024.0 * 1024 * 1024 * 1024},
        {u"PiB", 1024.0 * 1024 * 1024 * 1024 * 1024},
    };
    double factor = unit.isEmpty() ? 1.0 : 0.0;
    for (const Unit &candidate : units) {
        if (unit == candidate.name)
            factor = candidate.factor;
    }
    const double bytes = number * factor;
    if (factor == 0.0 || bytes >= 9e18)
        return -1;
    return qint64(std::llround(bytes));
}

ContainerCondition containerConditionFor(QStringView state, int exitCode, bool oomKilled,
                                         QStringView health)
{
    if (oomKilled)
        return ContainerCondition::Failing;
    const QString word = state.toString().toLower();
    if (word == u"running") {
        if (health == u"unhealthy")
            return ContainerCondition::Failing;
        if (health == u"starting")
            return ContainerCondition::Progressing;
        return ContainerCondition::Running;
    }
    if (word == u"created" || word == u"configured" || word == u"initialized" ||
        word == u"restarting" || word == u"stopping" || word == u"removing")
        return ContainerCondition::Progressing;
    if (word == u"paused")
        return ContainerCondition::Stopped;
    if (word == u"exited" || word == u"stopped")
        return exitCode > 0 ? ContainerCondition::Failing : ContainerCondition::Stopped;
    if (word == u"dead")
        return ContainerCondition::Failing;
    return ContainerCondition::Unknown;
}

ParsedList<ContainerRow> parseContainerList(QByteArrayView output, ContainerRuntime runtime,
                                            const QString &host)
{
    ParsedList<ContainerRow> result;
    forEachObject(output, result.errors, [&](const QJsonObject &object, const QString &where) {
        ContainerRow row;
        row.host = host;
        row.runtime = runtime;
        QString health;
        // Podman names its fields Id/Names (a list)/Labels (an object)/Ports (a list);
        // docker ID/Names/Labels/Ports as strings. Either is read, whoever prints it.
        row.id = object.value("ID"_L1).toString();
        if (row.id.isEmpty())
            row.id = object.value("Id"_L1).toString();
        const QJsonValue names = object.value("Names"_L1);
        row.name = names.isArray() ? names.toArray().at(0).toString() : firstName(names.toString());
        if (row.id.isEmpty() && row.name.isEmpty()) {
            addError(result.errors, where, Text::tr("a container without ID or name"));
            return;
        }
        row.image = object.value("Image"_L1).toString();
        row.status = object.value("Status"_L1).toString();
        row.state = object.value("State"_L1).toString();
        if (row.state.isEmpty())
            row.state = stateFromStatus(row.status);
        health = healthFromStatus(row.status);
        const QJsonValue labels = object.value("Labels"_L1);
        row.labels = labels.isObject() ? labelsFromObject(labels.toObject())
                                       : labelsFromList(labels.toString());
        const QJsonValue ports = object.value("Ports"_L1);
        row.ports = ports.isArray() ? portsFromPodmanList(ports.toArray()) : ports.toString();
        if (object.contains("ExitCode"_L1)) {
            if (stateHasExited(row.state.toLower()))
                row.exitCode = int(integerOf(object.value("ExitCode"_L1)));
        } else if (stateHasExited(row.state.toLower())) {
            row.exitCode = exitCodeFromStatus(row.status);
        }
        const QJsonValue created = object.value("Created"_L1);
        row.created = created.isUndefined()
                          ? dockerListTime(object.value("CreatedAt"_L1).toString())
                          : podmanTime(created);
        applyComposeLabels(row);
        finishRow(row, false, health);
        result.items.append(row);
    });
    return result;
}

ParsedList<ContainerRow> parseContainerInspect(QByteArrayView json, ContainerRuntime runtime,
                                               const QString &host)
{
    ParsedList<ContainerRow> result;
    forEachObject(json, result.errors, [&](const QJsonObject &object, const QString &where) {
        ContainerRow row;
        row.host = host;
        row.runtime = runtime;
        row.id = object.value("Id"_L1).toString();
        if (row.id.isEmpty()) {
            addError(result.errors, where, Text::tr("no Id"));
            return;
        }
        row.name = object.value("Name"_L1).toString();
        if (row.name.startsWith(u'/'))
            row.name.remove(0, 1);
        const QJsonObject config = object.value("Config"_L1).toObject();
        // Podman names the image as asked in ImageName; docker keeps it in Config.Image.
        row.image = object.value("ImageName"_L1).toString();
        if (row.image.isEmpty())
            row.image = config.value("Image"_L1).toString();
        row.labels = labelsFromObject(config.value("Labels"_L1).toObject());
        row.created = isoTime(object.value("Created"_L1).toString());
        const QJsonObject hostConfig = object.value("HostConfig"_L1).toObject();
        const qint64 memory = integerOf(hostConfig.value("Memory"_L1), 0);
        row.memoryLimitBytes = memory > 0 ? memory : -1;
        row.ports = portsFromInspect(
            object.value("NetworkSettings"_L1).toObject().value("Ports"_L1).toObject());
        row.restarts = int(integerOf(object.value("RestartCount"_L1)));

        if (!object.value("State"_L1).isObject()) {
            addError(result.errors, where, Text::tr("no State"));
            applyComposeLabels(row);
            finishRow(row, false, {});
            result.items.append(row);
            return;
        }
        const QJsonObject state = object.value("State"_L1).toObject();
        row.state = state.value("Status"_L1).toString().toLower();
        const bool oomKilled = state.value("OOMKilled"_L1).toBool();
        // Podman 4.3 says Health; some podman 4 releases said Healthcheck.
        QJsonObject healthObject = state.value("Health"_L1).toObject();
        if (healthObject.isEmpty())
            healthObject = state.value("Healthcheck"_L1).toObject();
        const QString health = healthObject.value("Status"_L1).toString().toLower();
        if (stateHasExited(row.state))
            row.exitCode = int(integerOf(state.value("ExitCode"_L1)));

        // Inspect has no "Up 2 hours": the status says what docker ps would, without the age.
        const QString code = QString::number(integerOf(state.value("ExitCode"_L1), 0));
        if (row.state == u"running")
            row.status = health.isEmpty() || health == u"none"
                             ? u"Up"_s
                             : (health == u"starting" ? u"Up (health: starting)"_s
                                                      : u"Up ("_s + health + u')');
        else if (row.state == u"paused")
            row.status = u"Up (Paused)"_s;
        else if (row.state == u"restarting")
            row.status = u"Restarting ("_s + code + u')';
        else if (row.state == u"exited" || row.state == u"stopped")
            row.status = u"Exited ("_s + code + u')';
        else if (row.state == u"removing")
            row.status = u"Removal In Progress"_s;
        else if (!row.state.isEmpty())
            row.status = row.state.at(0).toUpper() + row.state.mid(1);

        if (row.restarts > 0) {
            row.lastRestartTime = isoTime(state.value("FinishedAt"_L1).toString());
            if (oomKilled)
                row.lastRestartReason = u"OOMKilled"_s;
            else if (integerOf(state.value("ExitCode"_L1), 0) != 0)
                row.lastRestartReason = u"Error"_s;
        }
        applyComposeLabels(row);
        finishRow(row, oomKilled, health);
        result.items.append(row);
    });
    return result;
}

ParsedList<ContainerUsage> parseContainerStats(QByteArrayView output, ContainerRuntime runtime)
{
    Q_UNUSED(runtime) // both dialects are told apart by their field names
    ParsedList<ContainerUsage> result;
    forEachObject(output, result.errors, [&](const QJsonObject &object, const QString &where) {
        ContainerUsage usage;
        const auto field = [&](QLatin1StringView docker, QLatin1StringView podman) {
            const QJsonValue value = object.value(docker);
            return value.isUndefined() ? object.value(podman).toString() : value.toString();
        };
        usage.id = field("ID"_L1, "id"_L1);
        if (usage.id.isEmpty())
            usage.id = object.value("Container"_L1).toString();
        usage.name = field("Name"_L1, "name"_L1);
        if (usage.id.isEmpty() && usage.name.isEmpty()) {
            addError(result.errors, where, Text::tr("a container without ID or name"));
            return;
        }
        const QString cpu = field("CPUPerc"_L1, "cpu_percent"_L1);
        usage.cpuMillicores = millicoresFromPercent(cpu);
        if (usage.cpuMillicores < 0 && !cpu.isEmpty() && cpu != u"--")
            addError(result.errors, where, Text::tr("CPU use '%1' is not a percentage").arg(cpu));
        const QString memory = field("MemUsage"_L1, "mem_usage"_L1);
        memoryFromUsage(memory, usage.memoryBytes, usage.memoryLimitBytes);
        if (usage.memoryBytes < 0 && !memory.isEmpty() && !memory.startsWith(u"--"))
            addError(result.errors, where, Text::tr("memory use '%1' is not a size").arg(memory));
        result.items.append(usage);
    });
    return result;
}

} // namespace OpsDeck
