// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerdetails.h"

#include "models/containers/kubernetesjson.h"
#include "models/core/background.h"
#include "models/core/secretvalues.h"
#include "models/remote/commandrunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ContainerDetails)
};

// Answers larger than this are not kept whole in the Inspect tab's text.
constexpr qsizetype MaximumAnswerBytes = 16 * 1024 * 1024;

ContainerDetailTable table(QStringList headers)
{
    return {std::move(headers), {}};
}

// The value as shown: masked when its name or its form says it is a secret.
QString shownValue(const QString &name, const QString &value, QStringList &secrets)
{
    if (value.isEmpty())
        return value;
    if (looksLikeSecretName(name) || looksLikeSecretValue(value)) {
        secrets.append(value);
        return SecretMask.toString();
    }
    return value;
}

QJsonDocument readJson(QByteArrayView json, QString &error)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parse);
    if (parse.error != QJsonParseError::NoError)
        error = Text::tr("offset %1: %2").arg(parse.offset).arg(parse.errorString());
    return document;
}

QString volumeSource(const QJsonObject &volume)
{
    if (const QJsonObject hostPath = volume["hostPath"_L1].toObject(); !hostPath.isEmpty())
        return Text::tr("host path %1").arg(hostPath["path"_L1].toString());
    if (const QJsonObject claim = volume["persistentVolumeClaim"_L1].toObject(); !claim.isEmpty())
        return Text::tr("claim %1").arg(claim["claimName"_L1].toString());
    if (const QJsonObject map = volume["configMap"_L1].toObject(); !map.isEmpty())
        return Text::tr("config map %1").arg(map["name"_L1].toString());
    if (const QJsonObject secret = volume["secret"_L1].toObject(); !secret.isEmpty())
        return Text::tr("secret %1").arg(secret["secretName"_L1].toString());
    if (volume.contains("emptyDir"_L1))
        return Text::tr("empty directory");
    if (volume.contains("projected"_L1))
        return Text::tr("projected");
    return volume["name"_L1].toString();
}

QString quantity(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object[key];
    return value.isString()   ? value.toString()
           : value.isDouble() ? QString::number(value.toDouble())
                              : QString();
}

} // namespace

ContainerDetailSections containerDetailsFromInspect(QByteArrayView json)
{
    ContainerDetailSections sections;
    sections.environment = table({Text::tr("Container"), Text::tr("Name"), Text::tr("Value")});
    sections.mounts = table(
        {Text::tr("Container"), Text::tr("Source"), Text::tr("Destination"), Text::tr("Mode")});
    sections.ports = table(
        {Text::tr("Container"), Text::tr("Port"), Text::tr("Protocol"), Text::tr("Host binding")});
    sections.resources =
        table({Text::tr("Container"), Text::tr("CPU request"), Text::tr("CPU limit"),
               Text::tr("Memory request"), Text::tr("Memory limit")});
    const QJsonDocument document = readJson(json, sections.error);
    if (!sections.error.isEmpty())
        return sections;
    // inspect answers an array, one object per container asked for.
    const QJsonArray containers =
        document.isArray() ? document.array() : QJsonArray{document.object()};
    QStringList secrets;
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        const QString name = container["Name"_L1].toString().remove(
            0, container["Name"_L1].toString().startsWith(u'/') ? 1 : 0);
        const QJsonObject config = container["Config"_L1].toObject();
        for (const QJsonValue &entry : config["Env"_L1].toArray()) {
            const QString text = entry.toString();
            const qsizetype equals = text.indexOf(u'=');
            const QString key = equals < 0 ? text : text.left(equals);
            const QString shown = equals < 0 ? QString() : text.mid(equals + 1);
            sections.environment.rows.append({name, key, shownValue(key, shown, secrets)});
        }
        for (const QJsonValue &entry : container["Mounts"_L1].toArray()) {
            const QJsonObject mount = entry.toObject();
            QString source = mount["Source"_L1].toString();
            if (const QString volume = mount["Name"_L1].toString(); !volume.isEmpty())
                source = Text::tr("volume %1").arg(volume);
            const QJsonValue rw = mount["RW"_L1];
            QString mode = rw.isBool() ? (rw.toBool() ? u"rw"_s : u"ro"_s) : QString();
            if (const QString extra = mount["Mode"_L1].toString(); !extra.isEmpty())
                mode = mode.isEmpty() ? extra : mode + u", " + extra;
            sections.mounts.rows.append({name, source, mount["Destination"_L1].toString(), mode});
        }
        const QJsonObject ports = container["NetworkSettings"_L1].toObject()["Ports"_L1].toObject();
        for (auto it = ports.begin(); it != ports.end(); ++it) {
            const QStringList port = it.key().split(u'/');
            QStringList bindings;
            for (const QJsonValue &binding : it.value().toArray()) {
                const QJsonObject object = binding.toObject();
                const QString ip = object["HostIp"_L1].toString();
                bindings.append((ip.isEmpty() ? u"0.0.0.0"_s : ip) + u':' +
                                object["HostPort"_L1].toString());
            }
            sections.ports.rows.append(
                {name, port.value(0), port.value(1, u"tcp"_s), bindings.join(u", ")});
        }
        const QJsonObject host = container["HostConfig"_L1].toObject();
        const auto bytes = [&host](QLatin1StringView key) {
            const qint64 amount = host[key].toInteger();
            return amount > 0 ? QString::number(amount / (1024 * 1024)) + u"Mi" : QString();
        };
        const qint64 nanoCpus = host["NanoCpus"_L1].toInteger();
        const qint64 quota = host["CpuQuota"_L1].toInteger();
        const qint64 period = host["CpuPeriod"_L1].toInteger();
        QString cpuLimit;
        if (nanoCpus > 0)
            cpuLimit = QString::number(nanoCpus / 1000000) + u'm';
        else if (quota > 0 && period > 0)
            cpuLimit = QString::number(quota * 1000 / period) + u'm';
        const qint64 shares = host["CpuShares"_L1].toInteger();
        const QString cpuRequest = shares > 0 ? Text::tr("%1 shares").arg(shares) : QString();
        sections.resources.rows.append(
            {name, cpuRequest, cpuLimit, bytes("MemoryReservation"_L1), bytes("Memory"_L1)});
    }
    sections.prettyJson =
        maskSecrets(QString::fromUtf8(document.toJson(QJsonDocument::Indented)), secrets);
    return sections;
}

ContainerDetailSections containerDetailsFromPod(QByteArrayView json)
{
    ContainerDetailSections sections = containerDetailsFromInspect("[]");
    const QJsonDocument document = readJson(json, sections.error);
    if (!sections.error.isEmpty())
        return sections;
    const QJsonObject pod = document.object();
    const QJsonObject spec = pod["spec"_L1].toObject();
    QHash<QString, QJsonObject> volumes;
    for (const QJsonValue &volume : spec["volumes"_L1].toArray())
        volumes.insert(volume["name"_L1].toString(), volume.toObject());
    QStringList secrets;
    QJsonArray containers = spec["initContainers"_L1].toArray();
    for (const QJsonValue &container : spec["containers"_L1].toArray())
        containers.append(container);
    for (const QJsonValue &value : std::as_const(containers)) {
        const QJsonObject container = value.toObject();
        const QString name = container["name"_L1].toString();
        for (const QJsonValue &entry : container["env"_L1].toArray()) {
            const QJsonObject variable = entry.toObject();
            const QString key = variable["name"_L1].toString();
            QString shown;
            if (variable.contains("value"_L1)) {
                shown = shownValue(key, variable["value"_L1].toString(), secrets);
            } else {
                // A reference names where the value comes from, never the value itself.
                const QJsonObject from = variable["valueFrom"_L1].toObject();
                if (const QJsonObject ref = from["secretKeyRef"_L1].toObject(); !ref.isEmpty())
                    shown = Text::tr("from secret %1, key %2")
                                .arg(ref["name"_L1].toString(), ref["key"_L1].toString());
                else if (const QJsonObject map = from["configMapKeyRef"_L1].toObject();
                         !map.isEmpty())
                    shown = Text::tr("from config map %1, key %2")
                                .arg(map["name"_L1].toString(), map["key"_L1].toString());
                else if (const QJsonObject field = from["fieldRef"_L1].toObject(); !field.isEmpty())
                    shown = Text::tr("from field %1").arg(field["fieldPath"_L1].toString());
                else if (const QJsonObject resource = from["resourceFieldRef"_L1].toObject();
                         !resource.isEmpty())
                    shown = Text::tr("from resource %1").arg(resource["resource"_L1].toString());
            }
            sections.environment.rows.append({name, key, shown});
        }
        for (const QJsonValue &entry : container["envFrom"_L1].toArray()) {
            const QJsonObject from = entry.toObject();
            const QString prefix = from["prefix"_L1].toString();
            if (const QJsonObject ref = from["secretRef"_L1].toObject(); !ref.isEmpty())
                sections.environment.rows.append(
                    {name, prefix + u'*',
                     Text::tr("every key of secret %1").arg(ref["name"_L1].toString())});
            if (const QJsonObject ref = from["configMapRef"_L1].toObject(); !ref.isEmpty())
                sections.environment.rows.append(
                    {name, prefix + u'*',
                     Text::tr("every key of config map %1").arg(ref["name"_L1].toString())});
        }
        for (const QJsonValue &entry : container["volumeMounts"_L1].toArray()) {
            const QJsonObject mount = entry.toObject();
            const QString volume = mount["name"_L1].toString();
            QString destination = mount["mountPath"_L1].toString();
            if (const QString sub = mount["subPath"_L1].toString(); !sub.isEmpty())
                destination += Text::tr(" (sub path %1)").arg(sub);
            sections.mounts.rows.append(
                {name, volumes.contains(volume) ? volumeSource(volumes.value(volume)) : volume,
                 destination, mount["readOnly"_L1].toBool() ? u"ro"_s : u"rw"_s});
        }
        for (const QJsonValue &entry : container["ports"_L1].toArray()) {
            const QJsonObject port = entry.toObject();
            QString number = QString::number(port["containerPort"_L1].toInt());
            if (const QString portName = port["name"_L1].toString(); !portName.isEmpty())
                number += u" (" + portName + u')';
            const int hostPort = port["hostPort"_L1].toInt();
            sections.ports.rows.append({name, number, port["protocol"_L1].toString(u"TCP"_s),
                                        hostPort > 0 ? QString::number(hostPort) : QString()});
        }
        const QJsonObject resources = container["resources"_L1].toObject();
        const QJsonObject requests = resources["requests"_L1].toObject();
        const QJsonObject limits = resources["limits"_L1].toObject();
        sections.resources.rows.append({name, quantity(requests, "cpu"_L1),
                                        quantity(limits, "cpu"_L1), quantity(requests, "memory"_L1),
                                        quantity(limits, "memory"_L1)});
    }
    sections.prettyJson =
        maskSecrets(QString::fromUtf8(document.toJson(QJsonDocument::Indented)), secrets);
    return sections;
}

QList<ContainerEvent> containerEventsFor(const QList<ContainerEvent> &events,
                                         const QString &podName)
{
    QList<ContainerEvent> mine;
    const QString object = u"pod/"_s + podName;
    for (const ContainerEvent &event : events) {
        if (event.object.compare(object, Qt::CaseInsensitive) == 0)
            mine.append(event);
    }
    return mine;
}

CommandRequest containerInspectRequest(const ContainerRow &row, const ContainerSettings &settings)
{
    CommandRequest request;
    if (row.runtime == ContainerRuntime::Kubernetes) {
        request.argv = {u"kubectl"_s};
        if (!row.context.isEmpty())
            request.argv << u"--context"_s << row.context;
        request.argv << u"get"_s << u"pod"_s << row.name << u"-n"_s << row.kubeNamespace << u"-o"_s
                     << u"json"_s;
        return request;
    }
    if (row.runtime == ContainerRuntime::Docker) {
        request.argv = {u"docker"_s};
        if (!settings.dockerHost.isEmpty())
            request.argv << u"-H"_s << settings.dockerHost;
    } else {
        request.argv = {u"podman"_s};
        if (!settings.podmanUrl.isEmpty())
            request.argv << u"--url"_s << settings.podmanUrl;
    }
    request.argv << u"container"_s << u"inspect"_s << (row.id.isEmpty() ? row.name : row.id);
    return request;
}

std::optional<CommandRequest> containerEventsRequest(const ContainerRow &row)
{
    if (row.runtime != ContainerRuntime::Kubernetes || row.kubeNamespace.isEmpty())
        return std::nullopt;
    CommandRequest request;
    request.argv = {u"kubectl"_s};
    if (!row.context.isEmpty())
        request.argv << u"--context"_s << row.context;
    request.argv << u"get"_s << u"events"_s << u"-n"_s << row.kubeNamespace << u"-o"_s << u"json"_s;
    return request;
}

std::optional<CommandRequest> containerDescribeRequest(const ContainerRow &row)
{
    if (row.runtime != ContainerRuntime::Kubernetes || row.name.isEmpty())
        return std::nullopt;
    CommandRequest request;
    request.argv = {u"kubectl"_s};
    if (!row.context.isEmpty())
        request.argv << u"--context"_s << row.context;
    if (!row.kubeNamespace.isEmpty())
        request.argv << u"-n"_s << row.kubeNamespace;
    request.argv << u"describe"_s << u"pod"_s << row.name;
    return request;
}

QString maskDescribeSecrets(QStringView text)
{
    // A container's "    Environment:" heading opens its variables, each "      NAME:  value"
    // deeper than it; "    Command:" and "    Args:" open one word a line (`--password=x`).
    // "Environment Variables from:" names config maps and secrets, no values. Elsewhere
    // kubectl's own names (SecretName:) are not secrets; values that look like one are.
    enum class Section { Other, Environment, Arguments };
    static const QRegularExpression entry(u"^(\\s*)([^:\\s][^:]*):(\\s*)(.*)$"_s);
    QStringList lines = text.toString().split(u'\n');
    Section section = Section::Other;
    qsizetype sectionIndent = -1;
    for (QString &line : lines) {
        // A line as deep as the heading, or less, ends its section; blank lines do not.
        const auto first =
            std::find_if(line.cbegin(), line.cend(), [](QChar c) { return !c.isSpace(); });
        if (first != line.cend() && first - line.cbegin() <= sectionIndent)
            section = Section::Other;
        if (section == Section::Arguments) {
            if (const QStringList found = secretsInText(line); !found.isEmpty())
                line = maskSecrets(line, found);
            continue;
        }
        const QRegularExpressionMatch match = entry.match(line);
        if (!match.hasMatch())
            continue;
        const QString name = match.captured(2);
        const QString value = match.captured(4);
        const bool secret = (section == Section::Environment && looksLikeSecretName(name) &&
                             !value.startsWith(u"<set to the key")) ||
                            looksLikeSecretValue(value);
        if (secret && !value.isEmpty())
            line = line.left(match.capturedStart(4)) + SecretMask.toString();
        const bool arguments = value.isEmpty() && (name == u"Command" || name == u"Args");
        if (arguments || name == u"Environment") {
            section = arguments ? Section::Arguments : Section::Environment;
            sectionIndent = match.capturedLength(1);
        }
    }
    return lines.join(u'\n');
}

ContainerDetails::ContainerDetails(CommandRunner *runner, ExecutorLookup executors, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_executors(std::move(executors))
{
}

ContainerDetails::~ContainerDetails() = default;

void ContainerDetails::clear()
{
    ++m_generation;
    for (const QPointer<CommandRun> &run : std::as_const(m_runs)) {
        if (run)
            run->cancel();
    }
    m_runs.clear();
    m_pending = 0;
    ++m_describeGeneration;
    if (m_describeRun)
        m_describeRun->cancel();
    m_describeRun.clear();
    m_describing = false;
    m_describeLoaded = false;
    m_describeText.clear();
    m_describeError.clear();
    m_row = {};
    m_sections = {};
    m_events.clear();
    m_error.clear();
    Q_EMIT describeChanged();
    Q_EMIT changed();
}

void ContainerDetails::load(const ContainerRow &row, const ContainerSettings &settings)
{
    clear();
    m_row = row;
    Executor *executor = m_runner && m_executors ? m_executors(row.host) : nullptr;
    if (!executor) {
        m_error = Text::tr("No connection to %1").arg(row.host);
        Q_EMIT changed();
        return;
    }
    const quint64 generation = m_generation;
    const auto start = [&](const CommandRequest &request, bool events) {
        CommandRun *run = m_runner->run(executor, request, this);
        auto out = std::make_shared<QByteArray>();
        auto err = std::make_shared<QByteArray>();
        connect(run, &CommandRun::standardOutput, this, [out](const QByteArray &data) {
            if (out->size() < MaximumAnswerBytes)
                out->append(data);
        });
        connect(run, &CommandRun::standardError, this,
                [err](const QByteArray &data) { err->append(data.left(64 * 1024)); });
        connect(run, &CommandRun::finished, this,
                [this, run, out, err, generation, events](const CommandResult &result) {
                    run->deleteLater();
                    finishRun(generation, events, *out, *err, result);
                });
        m_runs.append(run);
        ++m_pending;
    };
    start(containerInspectRequest(row, settings), false);
    if (const std::optional<CommandRequest> events = containerEventsRequest(row))
        start(*events, true);
    Q_EMIT changed();
}

void ContainerDetails::loadDescribe()
{
    const quint64 generation = ++m_describeGeneration;
    if (m_describeRun)
        m_describeRun->cancel();
    m_describeRun.clear();
    m_describeLoaded = true;
    m_describeError.clear();
    const std::optional<CommandRequest> request = containerDescribeRequest(m_row);
    Executor *executor = m_runner && m_executors ? m_executors(m_row.host) : nullptr;
    if (!request || !executor) {
        m_describing = false;
        m_describeText.clear();
        if (!m_row.name.isEmpty())
            m_describeError = request ? Text::tr("No connection to %1").arg(m_row.host)
                                      : Text::tr("Describe is for Kubernetes pods");
        Q_EMIT describeChanged();
        return;
    }
    m_describing = true;
    CommandRun *run = m_runner->run(executor, *request, this);
    m_describeRun = run;
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    connect(run, &CommandRun::standardOutput, this, [out](const QByteArray &data) {
        if (out->size() < MaximumAnswerBytes)
            out->append(data);
    });
    connect(run, &CommandRun::standardError, this,
            [err](const QByteArray &data) { err->append(data.left(64 * 1024)); });
    connect(run, &CommandRun::finished, this,
            [this, run, out, err, generation](const CommandResult &result) {
                run->deleteLater();
                if (generation != m_describeGeneration)
                    return;
                m_describeRun.clear();
                if (result.outcome != CommandResult::Outcome::Exited || result.exitCode != 0) {
                    QString why = QString::fromUtf8(*err).trimmed();
                    if (why.isEmpty())
                        why = result.error.isEmpty() ? Text::tr("exit code %1").arg(result.exitCode)
                                                     : result.error;
                    m_describing = false;
                    m_describeError = why;
                    Q_EMIT describeChanged();
                    return;
                }
                runInBackground(
                    this, [out] { return maskDescribeSecrets(QString::fromUtf8(*out)); },
                    [this, generation](const QString &text) {
                        if (generation != m_describeGeneration)
                            return;
                        m_describing = false;
                        m_describeText = text;
                        Q_EMIT describeChanged();
                    });
            });
    Q_EMIT describeChanged();
}

void ContainerDetails::finishRun(quint64 generation, bool events, const QByteArray &out,
                                 const QByteArray &err, const CommandResult &result)
{
    if (generation != m_generation)
        return;
    const bool ok = result.outcome == CommandResult::Outcome::Exited && result.exitCode == 0;
    if (!ok) {
        QString why = QString::fromUtf8(err).trimmed();
        if (why.isEmpty())
            why = result.error.isEmpty() ? Text::tr("exit code %1").arg(result.exitCode)
                                         : result.error;
        m_error = events ? Text::tr("Events: %1").arg(why) : why;
        --m_pending;
        Q_EMIT changed();
        return;
    }
    const bool pod = m_row.runtime == ContainerRuntime::Kubernetes;
    const QString podName = m_row.name;
    // Large answers are parsed off the GUI thread.
    if (events) {
        runInBackground(
            this,
            [out, podName] { return containerEventsFor(parseKubeEvents(out).items, podName); },
            [this, generation](const QList<ContainerEvent> &parsed) {
                if (generation != m_generation)
                    return;
                m_events = parsed;
                --m_pending;
                Q_EMIT changed();
            });
        return;
    }
    runInBackground(
        this,
        [out, pod] {
            return pod ? containerDetailsFromPod(out) : containerDetailsFromInspect(out);
        },
        [this, generation](const ContainerDetailSections &sections) {
            if (generation != m_generation)
                return;
            m_sections = sections;
            if (!sections.error.isEmpty())
                m_error = sections.error;
            --m_pending;
            Q_EMIT changed();
        });
}

} // namespace OpsDeck
