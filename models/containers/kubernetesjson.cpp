// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/kubernetesjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(KubernetesJson)
};

// "line 3, column 14" for a byte offset, as an editor counts.
QString positionOf(QByteArrayView text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return Text::tr("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

// The document's top object, or an error naming where the JSON broke.
std::optional<QJsonObject> readObject(QByteArrayView json, QStringList &errors)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errors.append(Text::tr("not JSON at %1 (byte %2): %3")
                          .arg(positionOf(json, parseError.offset))
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        errors.append(Text::tr("line 1, column 1: expected a JSON object (a list or one object)"));
        return std::nullopt;
    }
    return document.object();
}

// A List, a PodList or one object: the items to read, each with the name errors give it.
QList<std::pair<QString, QJsonObject>> itemsOf(const QJsonObject &root, QStringList &errors)
{
    QList<std::pair<QString, QJsonObject>> items;
    const QJsonValue list = root.value(u"items");
    if (list.isUndefined() || list.isNull()) {
        // One object (`kubectl get pod x -o json`); a list without items is empty.
        if (!root.value(u"kind").toString().endsWith(u"List") && root.contains(u"metadata"))
            items.append({u"item"_s, root});
        return items;
    }
    if (!list.isArray()) {
        errors.append(Text::tr("items: expected an array"));
        return items;
    }
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"items[%1]"_s.arg(i);
        if (!array.at(i).isObject()) {
            errors.append(Text::tr("%1: expected an object").arg(where));
            continue;
        }
        items.append({where, array.at(i).toObject()});
    }
    return items;
}

QDateTime timeOf(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

int intOf(const QJsonValue &value, int absent)
{
    if (!value.isDouble())
        return absent;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < std::numeric_limits<int>::min() ||
        number > std::numeric_limits<int>::max())
        return absent;
    return int(number);
}

QString lowered(const QString &kind)
{
    return kind.toLower();
}

QStringList imagesOf(const QJsonArray &containers)
{
    QStringList images;
    for (const QJsonValue &container : containers)
        images.append(container.toObject().value(u"image").toString());
    return images;
}

// ---- Pods ----

bool isRestartable(const QJsonObject &initContainer)
{
    return initContainer.value(u"restartPolicy").toString() == u"Always";
}

bool hasCondition(const QJsonObject &status, QStringView type)
{
    for (const QJsonValue &condition : status.value(u"conditions").toArray()) {
        const QJsonObject object = condition.toObject();
        if (object.value(u"type").toString() == type)
            return object.value(u"status").toString() == u"True";
    }
    return false;
}

QString conditionReason(const QJsonObject &status, QStringView type)
{
    for (const QJsonValue &condition : status.value(u"conditions").toArray()) {
        const QJsonObject object = condition.toObject();
        if (object.value(u"type").toString() == type &&
            object.value(u"status").toString() != u"True")
            return object.value(u"reason").toString();
    }
    return {};
}

// "Signal:9" / "ExitCode:1" when a terminated state has no reason.
QString terminatedWords(const QJsonObject &terminated)
{
    const QString reason = terminated.value(u"reason").toString();
    if (!reason.isEmpty())
        return reason;
    const int signal = intOf(terminated.value(u"signal"), 0);
    if (signal != 0)
        return u"Signal:%1"_s.arg(signal);
    return u"ExitCode:%1"_s.arg(intOf(terminated.value(u"exitCode"), 0));
}

// The owning workload as KIND/NAME; a ReplicaSet named NAME-HASH (HASH the pod's
// pod-template-hash) belongs to Deployment NAME.
QString ownerOf(const QJsonObject &metadata)
{
    const QJsonArray owners = metadata.value(u"ownerReferences").toArray();
    QJsonObject owner;
    for (const QJsonValue &value : owners) {
        if (value.toObject().value(u"controller").toBool()) {
            owner = value.toObject();
            break;
        }
    }
    if (owner.isEmpty() && !owners.isEmpty())
        owner = owners.first().toObject();
    const QString kind = owner.value(u"kind").toString();
    const QString name = owner.value(u"name").toString();
    if (kind.isEmpty() || name.isEmpty())
        return {};
    if (kind == u"ReplicaSet") {
        const QString hash =
            metadata.value(u"labels").toObject().value(u"pod-template-hash").toString();
        const QString suffix = u'-' + hash;
        if (!hash.isEmpty() && name.endsWith(suffix) && name.size() > suffix.size())
            return u"deployment/"_s + name.chopped(suffix.size());
    }
    return lowered(kind) + u'/' + name;
}

// Statuses that mean "on the way" rather than trouble.
bool isProgressWord(const QString &status)
{
    static const QStringList words = {u"Pending"_s,         u"ContainerCreating"_s,
                                      u"PodInitializing"_s, u"Terminating"_s,
                                      u"SchedulingGated"_s, u"NotReady"_s};
    static const QRegularExpression initCount(u"^Init:\\d+/\\d+$"_s);
    return words.contains(status) || initCount.match(status).hasMatch();
}

void judge(ContainerRow &row, const QJsonObject &status)
{
    const QString &text = row.status;
    if (text == u"Running") {
        row.condition = row.ready >= 0 && row.ready == row.readyTotal
                            ? ContainerCondition::Running
                            : ContainerCondition::Progressing;
    } else if (text == u"Completed" || text == u"Succeeded" || text == u"ExitCode:0") {
        row.condition = ContainerCondition::Stopped;
    } else if (isProgressWord(text)) {
        row.condition = ContainerCondition::Progressing;
        // An unschedulable pod stays Pending: say why.
        if (text == u"Pending")
            row.reason = conditionReason(status, u"PodScheduled");
    } else if (text == u"Unknown") {
        row.condition = ContainerCondition::Unknown;
        row.reason = status.value(u"reason").toString();
    } else if (text.isEmpty()) {
        row.condition = ContainerCondition::Unknown;
    } else {
        row.condition = ContainerCondition::Failing;
        row.reason = text.startsWith(u"Init:") && text.size() > 5 ? text.mid(5) : text;
    }
}

ContainerRow readPod(const QJsonObject &pod, const QString &host, const QString &context,
                     const QString &where, QStringList &errors)
{
    ContainerRow row;
    row.host = host;
    row.context = context;
    row.runtime = ContainerRuntime::Kubernetes;
    const QJsonObject metadata = pod.value(u"metadata").toObject();
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QJsonObject status = pod.value(u"status").toObject();
    row.name = metadata.value(u"name").toString();
    if (row.name.isEmpty())
        errors.append(Text::tr("%1.metadata.name: missing").arg(where));
    row.kubeNamespace = metadata.value(u"namespace").toString();
    row.id = metadata.value(u"uid").toString();
    row.labels = stringMap(metadata.value(u"labels"));
    row.created = timeOf(metadata.value(u"creationTimestamp"));
    row.project = ownerOf(metadata);
    row.node = spec.value(u"nodeName").toString();
    row.podIp = status.value(u"podIP").toString();

    const QJsonArray containers = spec.value(u"containers").toArray();
    const QJsonArray initContainers = spec.value(u"initContainers").toArray();
    QStringList ports;
    qint64 requests = 0;
    qint64 limits = 0;
    bool anyRequest = false;
    bool everyLimit = true;
    QList<QJsonObject> running; // the containers that run beside each other: sidecars too
    for (const QJsonValue &value : initContainers) {
        if (isRestartable(value.toObject()))
            running.append(value.toObject());
    }
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        running.append(container);
        row.containers.append(container.value(u"name").toString());
    }
    row.image = imagesOf(containers).join(u", "_s);
    for (const QJsonObject &container : running) {
        const QJsonObject resources = container.value(u"resources").toObject();
        if (const auto request = parseKubeBytes(
                resources.value(u"requests").toObject().value(u"memory").toString())) {
            requests += *request;
            anyRequest = true;
        }
        if (const auto limit =
                parseKubeBytes(resources.value(u"limits").toObject().value(u"memory").toString()))
            limits += *limit;
        else
            everyLimit = false;
        for (const QJsonValue &port : container.value(u"ports").toArray()) {
            const QJsonObject object = port.toObject();
            const QString protocol = object.value(u"protocol").toString(u"TCP"_s);
            ports.append(u"%1/%2"_s.arg(intOf(object.value(u"containerPort"), 0)).arg(protocol));
        }
    }
    row.memoryRequestBytes = anyRequest ? requests : -1;
    row.memoryLimitBytes = everyLimit && !running.isEmpty() ? limits : -1;
    row.ports = ports.join(u", "_s);

    // STATUS as kubectl's pod printer composes it.
    const QString phase = status.value(u"phase").toString();
    row.state = phase;
    QString reason = phase;
    if (!status.value(u"reason").toString().isEmpty())
        reason = status.value(u"reason").toString();
    for (const QJsonValue &condition : status.value(u"conditions").toArray()) {
        const QJsonObject object = condition.toObject();
        if (object.value(u"type").toString() == u"PodScheduled" &&
            object.value(u"reason").toString() == u"SchedulingGated")
            reason = u"SchedulingGated"_s;
    }

    QMap<QString, bool> restartableByName;
    int total = int(containers.size());
    for (const QJsonValue &value : initContainers) {
        const bool restartable = isRestartable(value.toObject());
        restartableByName.insert(value.toObject().value(u"name").toString(), restartable);
        if (restartable)
            ++total;
    }

    int ready = 0;
    int restarts = 0;
    int sidecarRestarts = 0;
    int exitCode = -1;
    bool initializing = false;
    const QJsonArray initStatuses = status.value(u"initContainerStatuses").toArray();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const int count = intOf(container.value(u"restartCount"), 0);
        restarts += count;
        const bool restartable = restartableByName.value(container.value(u"name").toString());
        if (restartable)
            sidecarRestarts += count;
        const QJsonObject state = container.value(u"state").toObject();
        const QJsonObject terminated = state.value(u"terminated").toObject();
        const QJsonObject waiting = state.value(u"waiting").toObject();
        const bool isTerminated = state.value(u"terminated").isObject();
        if (state.value(u"running").isObject())
            row.runningInitContainers.append(container.value(u"name").toString());
        if (isTerminated && intOf(terminated.value(u"exitCode"), 0) == 0)
            continue;
        if (restartable && container.value(u"started").toBool()) {
            if (container.value(u"ready").toBool())
                ++ready;
            continue;
        }
        if (isTerminated) {
            reason = u"Init:"_s + terminatedWords(terminated);
            exitCode = intOf(terminated.value(u"exitCode"), -1);
        } else if (!waiting.value(u"reason").toString().isEmpty() &&
                   waiting.value(u"reason").toString() != u"PodInitializing") {
            reason = u"Init:"_s + waiting.value(u"reason").toString();
        } else {
            reason = u"Init:%1/%2"_s.arg(i).arg(initContainers.size());
        }
        initializing = true;
        break;
    }

    const QJsonArray statuses = status.value(u"containerStatuses").toArray();
    if (!initializing || hasCondition(status, u"Initialized")) {
        restarts = sidecarRestarts;
        bool hasRunning = false;
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            restarts += intOf(container.value(u"restartCount"), 0);
            const QJsonObject state = container.value(u"state").toObject();
            const QString waitingReason =
                state.value(u"waiting").toObject().value(u"reason").toString();
            if (!waitingReason.isEmpty()) {
                reason = waitingReason;
            } else if (state.value(u"terminated").isObject()) {
                const QJsonObject terminated = state.value(u"terminated").toObject();
                reason = terminatedWords(terminated);
                exitCode = intOf(terminated.value(u"exitCode"), -1);
            } else if (container.value(u"ready").toBool() && state.value(u"running").isObject()) {
                hasRunning = true;
                ++ready;
            }
        }
        if (reason == u"Completed" && hasRunning)
            reason = hasCondition(status, u"Ready") ? u"Running"_s : u"NotReady"_s;
    }

    const bool deleting = !metadata.value(u"deletionTimestamp").toString().isEmpty();
    if (deleting && status.value(u"reason").toString() == u"NodeLost")
        reason = u"Unknown"_s;
    else if (deleting && phase != u"Succeeded" && phase != u"Failed")
        reason = u"Terminating"_s;

    row.status = reason;
    row.ready = ready;
    row.readyTotal = total;
    row.restarts = restarts;

    // The last restart: the newest previous instance's end, over every container.
    QDateTime lastEnd;
    int lastExitCode = -1;
    auto lastState = [&](const QJsonArray &list) {
        for (const QJsonValue &value : list) {
            const QJsonObject terminated =
                value.toObject().value(u"lastState").toObject().value(u"terminated").toObject();
            if (terminated.isEmpty())
                continue;
            const QDateTime finished = timeOf(terminated.value(u"finishedAt"));
            if (!finished.isValid() || (lastEnd.isValid() && finished <= lastEnd))
                continue;
            lastEnd = finished;
            row.lastRestartReason = terminatedWords(terminated);
            lastExitCode = intOf(terminated.value(u"exitCode"), -1);
        }
    };
    lastState(initStatuses);
    lastState(statuses);
    row.lastRestartTime = lastEnd;
    // The exit code: a container's present end, else the last restart's.
    row.exitCode = exitCode >= 0 ? exitCode : lastExitCode;
    judge(row, status);
    return row;
}

// ---- Workloads ----

KubeWorkload readWorkload(const QJsonObject &object, const QString &context)
{
    KubeWorkload workload;
    workload.context = context;
    const QJsonObject metadata = object.value(u"metadata").toObject();
    const QJsonObject spec = object.value(u"spec").toObject();
    const QJsonObject status = object.value(u"status").toObject();
    workload.kubeNamespace = metadata.value(u"namespace").toString();
    workload.name = metadata.value(u"name").toString();
    workload.kind = lowered(object.value(u"kind").toString());
    workload.created = timeOf(metadata.value(u"creationTimestamp"));
    workload.selector = stringMap(spec.value(u"selector").toObject().value(u"matchLabels"));
    QJsonObject podSpec = spec.value(u"template").toObject().value(u"spec").toObject();
    // The API server leaves zero counts out of status: absent is 0 once it has a status.
    const auto count = [&status](QStringView key) { return intOf(status.value(key), 0); };
    if (workload.kind == u"deployment" || workload.kind == u"statefulset" ||
        workload.kind == u"replicaset") {
        workload.desired = intOf(spec.value(u"replicas"), 1);
        workload.ready = count(u"readyReplicas");
        workload.updated = workload.kind == u"replicaset" ? -1 : count(u"updatedReplicas");
        workload.available = count(u"availableReplicas");
    } else if (workload.kind == u"daemonset") {
        workload.desired = count(u"desiredNumberScheduled");
        workload.ready = count(u"numberReady");
        workload.updated = count(u"updatedNumberScheduled");
        workload.available = count(u"numberAvailable");
    } else if (workload.kind == u"job") {
        workload.desired = intOf(spec.value(u"completions"), 1);
        workload.ready = count(u"succeeded");
    } else if (workload.kind == u"cronjob") {
        podSpec = spec.value(u"jobTemplate")
                      .toObject()
                      .value(u"spec")
                      .toObject()
                      .value(u"template")
                      .toObject()
                      .value(u"spec")
                      .toObject();
        workload.ready = int(status.value(u"active").toArray().size());
    }
    workload.images = imagesOf(podSpec.value(u"containers").toArray()).join(u", "_s);
    return workload;
}

} // namespace

KubePodPage parseKubePodList(QByteArrayView json, const QString &host, const QString &context)
{
    KubePodPage page;
    const std::optional<QJsonObject> root = readObject(json, page.errors);
    if (!root)
        return page;
    const QJsonObject metadata = root->value(u"metadata").toObject();
    if (root->value(u"items").isArray()) {
        page.continueToken = metadata.value(u"continue").toString();
        const double remaining = metadata.value(u"remainingItemCount").toDouble(-1);
        if (remaining >= 0 && remaining < 9e15)
            page.remainingItemCount = qint64(remaining);
    }
    const QString kind = root->value(u"kind").toString();
    if (kind == u"Status") {
        // The API server's refusal as JSON (get --raw prints it on failure).
        page.errors.append(
            Text::tr("the server answered: %1").arg(root->value(u"message").toString()));
        return page;
    }
    for (const auto &[where, item] : itemsOf(*root, page.errors)) {
        const QString itemKind = item.value(u"kind").toString();
        if (!itemKind.isEmpty() && itemKind != u"Pod") {
            page.errors.append(Text::tr("%1: a %2, not a Pod").arg(where, itemKind));
            continue;
        }
        page.rows.append(readPod(item, host, context, where, page.errors));
    }
    return page;
}

ParsedList<KubeWorkload> parseKubeWorkloads(QByteArrayView json, const QString &context)
{
    ParsedList<KubeWorkload> result;
    const std::optional<QJsonObject> root = readObject(json, result.errors);
    if (!root)
        return result;
    // A one-kind list (DeploymentList) leaves kind out of its items.
    QString listKind = root->value(u"kind").toString();
    if (listKind.endsWith(u"List"))
        listKind.chop(4);
    for (const auto &[where, item] : itemsOf(*root, result.errors)) {
        QJsonObject object = item;
        if (object.value(u"kind").toString().isEmpty() && !listKind.isEmpty())
            object.insert(u"kind"_s, listKind);
        KubeWorkload workload = readWorkload(object, context);
        if (workload.kind.isEmpty() || workload.name.isEmpty()) {
            result.errors.append(Text::tr("%1: no kind or name").arg(where));
            continue;
        }
        result.items.append(workload);
    }
    return result;
}

ParsedList<ContainerEvent> parseKubeEvents(QByteArrayView json)
{
    ParsedList<ContainerEvent> result;
    const std::optional<QJsonObject> root = readObject(json, result.errors);
    if (!root)
        return result;
    for (const auto &[where, item] : itemsOf(*root, result.errors)) {
        ContainerEvent event;
        const QJsonObject metadata = item.value(u"metadata").toObject();
        // core/v1 names the object involvedObject; events.k8s.io/v1 names it regarding.
        QJsonObject object = item.value(u"involvedObject").toObject();
        if (object.isEmpty())
            object = item.value(u"regarding").toObject();
        const QString kind = object.value(u"kind").toString();
        const QString name = object.value(u"name").toString();
        if (kind.isEmpty() && name.isEmpty()) {
            result.errors.append(Text::tr("%1: no involvedObject or regarding").arg(where));
            continue;
        }
        event.object = lowered(kind) + u'/' + name;
        event.kubeNamespace = metadata.value(u"namespace").toString();
        if (event.kubeNamespace.isEmpty())
            event.kubeNamespace = object.value(u"namespace").toString();
        event.type = item.value(u"type").toString();
        event.reason = item.value(u"reason").toString();
        event.message = item.value(u"message").toString();
        if (event.message.isEmpty())
            event.message = item.value(u"note").toString();
        const QJsonObject series = item.value(u"series").toObject();
        event.count = intOf(item.value(u"count"), intOf(series.value(u"count"), 1));
        for (const QStringView key : {u"lastTimestamp", u"deprecatedLastTimestamp", u"eventTime",
                                      u"firstTimestamp", u"deprecatedFirstTimestamp"}) {
            event.time = timeOf(item.value(key));
            if (key == u"eventTime" && series.contains(u"lastObservedTime"))
                event.time = timeOf(series.value(u"lastObservedTime"));
            if (event.time.isValid())
                break;
        }
        result.items.append(event);
    }
    std::stable_sort(result.items.begin(), result.items.end(),
                     [](const ContainerEvent &a, const ContainerEvent &b) {
                         if (a.time.isValid() != b.time.isValid())
                             return a.time.isValid();
                         return a.time > b.time;
                     });
    return result;
}

ParsedList<ContainerUsage> parseKubeTop(QByteArrayView text)
{
    ParsedList<ContainerUsage> result;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).simplified().split(u' ', Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        if (fields.first() == u"NAMESPACE" || fields.first() == u"NAME")
            continue; // a header, when --no-headers was not given
        const QString where = Text::tr("line %1").arg(i + 1);
        if (fields.size() != 3 && fields.size() != 4) {
            result.errors.append(
                Text::tr("%1: expected NAMESPACE NAME CPU MEMORY or NAME CPU MEMORY").arg(where));
            continue;
        }
        ContainerUsage usage;
        const bool withNamespace = fields.size() == 4;
        usage.kubeNamespace = withNamespace ? fields.at(0) : QString();
        usage.name = fields.at(withNamespace ? 1 : 0);
        const QString cpu = fields.at(withNamespace ? 2 : 1);
        const QString memory = fields.at(withNamespace ? 3 : 2);
        const auto millicores = parseKubeCpuMillicores(cpu);
        const auto bytes = parseKubeBytes(memory);
        if (!millicores) {
            result.errors.append(Text::tr("%1: \"%2\" is not a CPU quantity").arg(where, cpu));
            continue;
        }
        if (!bytes) {
            result.errors.append(
                Text::tr("%1: \"%2\" is not a memory quantity").arg(where, memory));
            continue;
        }
        usage.cpuMillicores = *millicores;
        usage.memoryBytes = *bytes;
        result.items.append(usage);
    }
    return result;
}

QStringList parseKubeContexts(QByteArrayView text)
{
    QStringList contexts;
    for (const QString &line : QString::fromUtf8(text).split(u'\n')) {
        QString name = line.trimmed();
        // Older kubectl prints "context/NAME" for -o name on some versions.
        if (name.startsWith(u"context/"))
            name = name.mid(8);
        if (!name.isEmpty() && !contexts.contains(name))
            contexts.append(name);
    }
    return contexts;
}

namespace {

// A quantity's number and its multiplier: "1.5Gi" -> 1.5 * 2^30, "250m" -> 0.25, "129e6".
std::optional<double> quantityValue(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qsizetype end = 0;
    if (text[end] == u'+' || text[end] == u'-')
        ++end;
    qsizetype digits = 0;
    while (end < text.size() && (text[end].isDigit() || text[end] == u'.')) {
        digits += text[end].isDigit() ? 1 : 0;
        ++end;
    }
    if (digits == 0 || text.left(end).count(u'.') > 1)
        return std::nullopt;
    bool ok = false;
    const double number = text.left(end).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QStringView suffix = text.mid(end);
    double multiplier = 1;
    static const QRegularExpression exponent(u"^[eE][+-]?\\d{1,3}$"_s);
    if (suffix.isEmpty()) {
    } else if (exponent.match(suffix.toString()).hasMatch()) {
        multiplier = std::pow(10.0, suffix.mid(1).toInt());
    } else {
        static const std::array<std::pair<const char16_t *, double>, 15> suffixes = {{
            {u"n", 1e-9},
            {u"u", 1e-6},
            {u"m", 1e-3},
            {u"k", 1e3},
            {u"M", 1e6},
            {u"G", 1e9},
            {u"T", 1e12},
            {u"P", 1e15},
            {u"E", 1e18},
            {u"Ki", 1024.0},
            {u"Mi", 1024.0 * 1024},
            {u"Gi", 1024.0 * 1024 * 1024},
            {u"Ti", 1024.0 * 1024 * 1024 * 1024},
            {u"Pi", 1024.0 * 1024 * 1024 * 1024 * 1024},
            {u"Ei", 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
        }};
        const auto found = std::find_if(suffixes.begin(), suffixes.end(), [&](const auto &entry) {
            return suffix == QStringView(entry.first);
        });
        if (found == suffixes.end())
            return std::nullopt;
        multiplier = found->second;
    }
    const double value = number * multiplier;
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<double> parseKubeCpuMillicores(QStringView quantity)
{
    const auto value = quantityValue(quantity);
    if (!value || *value < 0)
        return std::nullopt;
    return *value * 1000;
}

std::optional<qint64> parseKubeBytes(QStringView quantity)
{
    const auto value = quantityValue(quantity);
    if (!value || *value < 0 || *value >= 9.2e18)
        return std::nullopt;
    // Like the API's Value(): a fraction of a byte rounds up.
    return qint64(std::ceil(*value - 1e-9));
}

KubectlFailure classifyKubectlFailure(QByteArrayView standardError)
{
    KubectlFailure failure;
    const QString text = QString::fromUtf8(standardError);
    // klog lines ("E1206 14:00:00.000000   123 memcache.go:265] ...") come before kubectl's own.
    static const QRegularExpression klog(u"^[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d"_s);
    QString firstLine;
    QString firstKlog;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (klog.match(line).hasMatch()) {
            if (firstKlog.isEmpty())
                firstKlog = line;
            continue;
        }
        firstLine = line;
        break;
    }
    failure.message = firstLine.isEmpty() ? firstKlog : firstLine;

    const auto has = [&text](QStringView what) { return text.contains(what, Qt::CaseInsensitive); };
    if (has(u"Metrics API not available") || has(u"metrics.k8s.io") ||
        has(u"metrics not available"))
        failure.kind = KubectlFailure::Kind::MetricsUnavailable;
    else if (has(u"(Forbidden)") || has(u"is forbidden:"))
        failure.kind = KubectlFailure::Kind::Forbidden;
    else if (has(u"You must be logged in") || has(u"(Unauthorized)") ||
             has(u"certificate has expired") || has(u"tls: expired certificate") ||
             has(u"token has expired") || has(u"token is expired") || has(u"getting credentials") ||
             has(u"provide credentials") || has(u"invalid_grant") || has(u"refresh token"))
        failure.kind = KubectlFailure::Kind::CredentialsExpired;
    else if (has(u"(NotFound)") || (has(u"context \"") && has(u"does not exist")) ||
             has(u"no context exists"))
        failure.kind = KubectlFailure::Kind::NotFound;
    else if (has(u"Unable to connect to the server") || has(u"connection refused") ||
             has(u"The connection to the server") || has(u"i/o timeout") || has(u"no such host") ||
             has(u"connection reset") || has(u"handshake timeout") || has(u"Client.Timeout") ||
             has(u"deadline exceeded") || has(u"no route to host") ||
             has(u"network is unreachable") || has(u"unexpected EOF"))
        failure.kind = KubectlFailure::Kind::Unreachable;
    return failure;
}

} // namespace OpsDeck
