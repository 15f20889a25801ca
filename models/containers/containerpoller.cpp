// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerpoller.h"

#include "models/containers/dockerjson.h"
#include "models/containers/kubernetesjson.h"
#include "models/core/background.h"
#include "models/core/units.h"
#include "models/remote/commandrunner.h"

#include <QCoreApplication>
#include <QSet>

#include <utility>
#include <variant>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ContainerPoller)
};

QString sourceKey(const QString &host, ContainerRuntime runtime, const QString &context)
{
    return QStringList{host, containerRuntimeId(runtime), context}.join(u'\x1f');
}

// What went wrong, in the tool's words: its first line that says something.
QString failureText(const ContainerPollEvent &event)
{
    if (event.runtime == ContainerRuntime::Kubernetes) {
        const KubectlFailure failure = classifyKubectlFailure(event.text);
        if (!failure.message.isEmpty())
            return failure.message;
    }
    const QList<QByteArray> lines = event.text.split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            return text.left(500);
    }
    return Text::tr("exit status %1").arg(event.exitStatus);
}

// Answers whose failure makes the source's rows stale; the others only lose a column.
bool isEssential(ContainerAnswer answer)
{
    return answer == ContainerAnswer::List || answer == ContainerAnswer::Pods;
}

struct Parsed {
    QList<ContainerRow> rows;
    QList<ContainerUsage> usage;
    QList<KubeWorkload> workloads;
    QStringList contexts;
    QStringList errors;
    qint64 remaining = -1;
};

Parsed parseAnswer(const ContainerPollEvent &event, const QString &host)
{
    Parsed parsed;
    const auto take = [&parsed](auto list, auto &target) {
        target = std::move(list.items);
        parsed.errors += list.errors;
    };
    switch (event.answer) {
    case ContainerAnswer::List:
        take(parseContainerList(event.text, event.runtime, host), parsed.rows);
        break;
    case ContainerAnswer::Inspect:
        take(parseContainerInspect(event.text, event.runtime, host), parsed.rows);
        break;
    case ContainerAnswer::Stats:
        take(parseContainerStats(event.text, event.runtime), parsed.usage);
        break;
    case ContainerAnswer::Top:
        take(parseKubeTop(event.text), parsed.usage);
        break;
    case ContainerAnswer::Workloads:
        take(parseKubeWorkloads(event.text, event.context), parsed.workloads);
        break;
    case ContainerAnswer::Contexts:
        parsed.contexts = parseKubeContexts(event.text);
        break;
    case ContainerAnswer::Pods: {
        KubePodPage page = parseKubePodList(event.text, host, event.context);
        parsed.rows = std::move(page.rows);
        parsed.errors = std::move(page.errors);
        parsed.remaining = page.remainingItemCount;
        break;
    }
    }
    return parsed;
}

} // namespace

QString ContainerSource::key() const
{
    return sourceKey(host, runtime, context);
}

QList<ContainerRow> combineEngineRows(const QList<ContainerRow> &listed,
                                      const QList<ContainerRow> &inspected,
                                      const QList<ContainerUsage> &usage)
{
    QHash<QString, qsizetype> inspectedById;
    for (qsizetype index = 0; index < inspected.size(); ++index)
        inspectedById.insert(inspected.at(index).id, index);
    QList<ContainerRow> rows;
    rows.reserve(listed.size());
    for (const ContainerRow &fromList : listed) {
        const auto found = inspectedById.constFind(fromList.id);
        ContainerRow row = found == inspectedById.cend() ? fromList : inspected.at(*found);
        // The list's words for the status ("Up 2 hours (healthy)") are the ones people know.
        if (!fromList.status.isEmpty())
            row.status = fromList.status;
        if (row.ports.isEmpty())
            row.ports = fromList.ports;
        rows.append(row);
    }
    for (ContainerRow &row : rows) {
        for (const ContainerUsage &use : usage) {
            // podman's stats give the short ID; docker's --no-trunc the full one.
            const bool sameId = !use.id.isEmpty() && row.id.startsWith(use.id);
            if (!sameId && !(use.id.isEmpty() && use.name == row.name))
                continue;
            row.cpuMillicores = use.cpuMillicores;
            row.memoryBytes = use.memoryBytes;
            if (use.memoryLimitBytes > 0 && row.memoryLimitBytes <= 0)
                row.memoryLimitBytes = use.memoryLimitBytes;
            break;
        }
    }
    return rows;
}

void applyKubernetesUsage(QList<ContainerRow> &pods, const QList<ContainerUsage> &usage)
{
    QHash<QString, const ContainerUsage *> byPod;
    for (const ContainerUsage &use : usage)
        byPod.insert(use.kubeNamespace + u'/' + use.name, &use);
    for (ContainerRow &pod : pods) {
        const ContainerUsage *use = byPod.value(pod.kubeNamespace + u'/' + pod.name);
        if (!use)
            continue;
        pod.cpuMillicores = use->cpuMillicores;
        pod.memoryBytes = use->memoryBytes;
    }
}

QString containerNextAttemptText(const ContainerSource &source, const QDateTime &now)
{
    if (source.state != ContainerSource::State::Failed || !source.nextAttempt.isValid())
        return {};
    const qint64 seconds = now.secsTo(source.nextAttempt);
    if (seconds <= 0)
        return Text::tr("next try now");
    return Text::tr("next try in %1").arg(formatDuration(seconds * 1000));
}

struct ContainerPoller::Round {
    struct Answers {
        QList<ContainerRow> listed;
        QList<ContainerRow> inspected;
        QList<ContainerUsage> usage;
        QList<KubeWorkload> workloads;
        QStringList failures; // essential answers that failed: the rows are stale
        QStringList warnings; // the rest: a column is missing, some items unreadable
    };
    QHash<QString, Answers> answers;
    QSet<QString> absent; // runtimes found missing this round
    // Sources backing off (failed now, or skipped this round): when they are asked again.
    QHash<QString, QDateTime> nextAttempts;
};

ContainerPoller::ContainerPoller(const QString &hostName, const ContainerSettings &settings,
                                 CommandRunner *runner, ExecutorLookup executorFor, QObject *parent)
    : QObject(parent)
    , m_hostName(hostName)
    , m_settings(settings)
    , m_runner(runner)
    , m_executorFor(std::move(executorFor))
{
    m_options.intervalSeconds = settings.intervalSeconds;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ContainerPoller::startSession);
}

ContainerPoller::~ContainerPoller()
{
    stop();
}

void ContainerPoller::setRetryDelays(int firstMs, int maxMs)
{
    m_retryDelay.setLimits(firstMs, maxMs);
}

void ContainerPoller::start()
{
    if (m_running)
        return;
    m_running = true;
    m_retryDelay.reset();
    startSession();
}

void ContainerPoller::stop()
{
    m_running = false;
    m_retry.stop();
    if (CommandRun *run = m_run.data()) {
        m_run = nullptr;
        // Kept until it has finished, so the runner closes its audit row.
        run->disconnect(this);
        connect(run, &CommandRun::finished, run, &QObject::deleteLater);
        run->cancel();
    }
    m_queue.clear();
    m_round.reset();
    m_reader = {};
    ++m_session;
}

void ContainerPoller::refreshNow()
{
    if (!m_running) {
        start();
        return;
    }
    stop();
    start();
}

void ContainerPoller::startSession()
{
    if (!m_running || m_run)
        return;
    Executor *executor = m_executorFor ? m_executorFor(m_hostName) : nullptr;
    if (!executor) {
        failSession(Text::tr("host %1 is not in the workspace").arg(m_hostName));
        return;
    }
    CommandRequest request;
    request.script = containerPollScript(m_settings, m_options);
    request.risk = Risk::Read;
    m_reader = {};
    m_queue.clear();
    m_round = std::make_unique<Round>();
    ++m_session;
    CommandRun *run = m_runner->run(executor, request, this);
    m_run = run;
    connect(run, &CommandRun::standardOutput, this, &ContainerPoller::takeOutput);
    connect(run, &CommandRun::finished, this, [this, run](const CommandResult &result) {
        run->deleteLater();
        if (m_run != run)
            return;
        m_run = nullptr;
        if (!m_running)
            return;
        if (m_options.once && result.succeeded()) {
            m_running = false;
            // The round's last answers may still be parsing: finished() follows them.
            ContainerPollEvent end;
            end.type = ContainerPollEvent::Type::Absent;
            end.exitStatus = -1; // the end marker, see processNext()
            m_queue.append(end);
            processNext();
            return;
        }
        QString reason = result.error.isEmpty() ? result.summary() : result.error;
        if (const QString stray = m_reader.strayText(); !stray.isEmpty())
            reason = stray.section(u'\n', 0, 0) + u" (" + reason + u')';
        failSession(reason);
        if (m_options.once) {
            m_running = false;
            Q_EMIT finished();
        }
    });
}

void ContainerPoller::takeOutput(const QByteArray &data)
{
    m_queue += m_reader.feed(data);
    processNext();
}

void ContainerPoller::processNext()
{
    while (!m_parsing && !m_queue.isEmpty()) {
        const ContainerPollEvent event = m_queue.takeFirst();
        switch (event.type) {
        case ContainerPollEvent::Type::Absent: {
            if (event.exitStatus == -1) { // the end of a once session
                Q_EMIT finished();
                break;
            }
            ContainerSource &source = sourceFor(event.runtime, {});
            source.state = ContainerSource::State::Absent;
            source.error =
                event.text == "no-context"
                    ? Text::tr("kubectl has no current context")
                    : Text::tr("%1 is not installed").arg(containerRuntimeName(event.runtime));
            source.rows.clear();
            if (source.runtime == ContainerRuntime::Kubernetes)
                source.availableContexts = m_kubeContexts;
            if (m_round)
                m_round->absent.insert(source.key());
            publish(source);
            break;
        }
        case ContainerPollEvent::Type::Begin: {
            if (event.answer == ContainerAnswer::Contexts)
                break;
            ContainerSource &source = sourceFor(event.runtime, event.context);
            if (m_round && isEssential(event.answer))
                m_round->answers[source.key()]; // seen this round, even with nothing in it
            if (source.state == ContainerSource::State::Waiting) {
                source.state = ContainerSource::State::Loading;
                publish(source);
            }
            break;
        }
        case ContainerPollEvent::Type::Page:
        case ContainerPollEvent::Type::Answer:
            if (event.type == ContainerPollEvent::Type::Answer && event.exitStatus != 0) {
                finishAnswer(event);
                break;
            }
            if (event.type == ContainerPollEvent::Type::Answer &&
                event.answer == ContainerAnswer::Pods)
                break; // its pages came before
            m_parsing = true;
            runInBackground(
                this, [event, host = m_hostName] { return parseAnswer(event, host); },
                [this, event, session = m_session](const Parsed &parsed) {
                    m_parsing = false;
                    if (session != m_session || !m_round) { // a new session meanwhile
                        processNext();
                        return;
                    }
                    if (event.answer == ContainerAnswer::Contexts) {
                        m_kubeContexts = parsed.contexts;
                        processNext();
                        return;
                    }
                    ContainerSource &source = sourceFor(event.runtime, event.context);
                    Round::Answers &answers = m_round->answers[source.key()];
                    answers.warnings += parsed.errors;
                    switch (event.answer) {
                    case ContainerAnswer::List:
                    case ContainerAnswer::Pods:
                        answers.listed += parsed.rows;
                        break;
                    case ContainerAnswer::Inspect:
                        answers.inspected += parsed.rows;
                        break;
                    case ContainerAnswer::Stats:
                    case ContainerAnswer::Top:
                        answers.usage += parsed.usage;
                        break;
                    case ContainerAnswer::Workloads:
                        answers.workloads += parsed.workloads;
                        break;
                    case ContainerAnswer::Contexts:
                        break;
                    }
                    if (event.answer == ContainerAnswer::Pods) {
                        source.loaded = answers.listed.size();
                        source.expected = parsed.remaining >= 0 ? source.loaded + parsed.remaining
                                                                : source.expected;
                        // The first load shows pods as pages arrive; later rounds keep the
                        // last round's rows until the new ones are complete.
                        if (source.state == ContainerSource::State::Loading) {
                            ContainerSource page = source;
                            page.rows = parsed.rows;
                            page.rowsAreMore = true;
                            publish(page);
                        } else {
                            publish(source);
                        }
                    }
                    processNext();
                });
            break;
        case ContainerPollEvent::Type::RoundEnd:
            finishRound();
            break;
        case ContainerPollEvent::Type::BackOff:
        case ContainerPollEvent::Type::Skipped:
            if (m_round) {
                // Asked again after the skipped rounds, each about an interval (plus the time
                // the round takes).
                const qint64 waitSeconds =
                    qint64(event.skippedRounds + 1) * std::max(1, m_options.intervalSeconds);
                m_round->nextAttempts.insert(sourceFor(event.runtime, event.context).key(),
                                             QDateTime::currentDateTimeUtc().addSecs(waitSeconds));
            }
            break;
        }
    }
}

void ContainerPoller::finishAnswer(const ContainerPollEvent &event)
{
    if (!m_round || event.answer == ContainerAnswer::Contexts)
        return; // no kubeconfig: the current-context step says so
    const QString message = failureText(event);
    Round::Answers &answers = m_round->answers[sourceFor(event.runtime, event.context).key()];
    if (isEssential(event.answer))
        answers.failures.append(message);
    else
        answers.warnings.append(Text::tr("%1: %2").arg(containerAnswerId(event.answer), message));
}

void ContainerPoller::finishRound()
{
    if (!m_round)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (ContainerSource &source : m_sources) {
        if (source.runtime == ContainerRuntime::Kubernetes)
            source.availableContexts = m_kubeContexts;
    }
    for (auto it = m_round->answers.begin(); it != m_round->answers.end(); ++it) {
        ContainerSource &source = m_sources[it.key()];
        Round::Answers &answers = it.value();
        if (!answers.failures.isEmpty()) {
            source.state = ContainerSource::State::Failed;
            source.error = answers.failures.join(u"; ");
            source.nextAttempt = m_round->nextAttempts.value(it.key());
        } else {
            source.nextAttempt = {};
            if (source.runtime == ContainerRuntime::Kubernetes) {
                applyKubernetesUsage(answers.listed, answers.usage);
                source.rows = std::move(answers.listed);
                source.workloads = std::move(answers.workloads);
            } else {
                source.rows = combineEngineRows(answers.listed, answers.inspected, answers.usage);
            }
            source.state = ContainerSource::State::Ready;
            source.error = answers.warnings.join(u"; ");
            source.updated = now;
        }
        source.loaded = source.rows.size();
        source.expected = -1;
        publish(source);
    }
    // Skipped while backing off: still failed, with the last reason and rows.
    for (auto it = m_round->nextAttempts.cbegin(); it != m_round->nextAttempts.cend(); ++it) {
        if (m_round->answers.contains(it.key()))
            continue;
        ContainerSource &source = m_sources[it.key()];
        source.nextAttempt = it.value();
        publish(source);
    }
    // A source the round did not mention (a context that is no longer current, a runtime
    // uninstalled) has no rows any more.
    for (ContainerSource &source : m_sources) {
        if (m_round->answers.contains(source.key()) || m_round->absent.contains(source.key()) ||
            m_round->nextAttempts.contains(source.key()) ||
            source.state == ContainerSource::State::Absent)
            continue;
        source.state = ContainerSource::State::Absent;
        source.error = Text::tr("no longer listed");
        source.rows.clear();
        source.workloads.clear();
        publish(source);
    }
    m_round = std::make_unique<Round>();
    m_retryDelay.reset();
    Q_EMIT roundFinished();
}

void ContainerPoller::failSession(const QString &reason)
{
    const bool retrying = m_running && !m_options.once;
    const int delayMs = retrying ? m_retryDelay.next() : 0;
    const QDateTime nextAttempt =
        retrying ? QDateTime::currentDateTimeUtc().addMSecs(delayMs) : QDateTime();
    if (m_sources.isEmpty()) {
        // Nothing was heard from the host yet: one placeholder carries the reason.
        sourceFor(ContainerRuntime::Docker, {});
    }
    for (ContainerSource &source : m_sources) {
        if (source.state == ContainerSource::State::Absent)
            continue;
        source.state = ContainerSource::State::Failed;
        source.error = reason;
        source.nextAttempt = nextAttempt;
        publish(source);
    }
    Q_EMIT failed(reason);
    if (retrying)
        m_retry.start(delayMs);
}

ContainerSource &ContainerPoller::sourceFor(ContainerRuntime runtime, const QString &context)
{
    const QString key = sourceKey(m_hostName, runtime, context);
    auto it = m_sources.find(key);
    if (it == m_sources.end()) {
        ContainerSource source;
        source.host = m_hostName;
        source.runtime = runtime;
        source.context = context;
        it = m_sources.insert(key, source);
    }
    return *it;
}

void ContainerPoller::publish(const ContainerSource &source)
{
    Q_EMIT sourceChanged(source);
}

} // namespace OpsDeck
