// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerpoll.h"

#include "models/core/idtable.h"
#include "models/remote/shellquote.h"

#include <QRegularExpression>
#include <QUrl>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

constexpr std::array answerIds = {
    std::pair{ContainerAnswer::List, u"ps"},
    std::pair{ContainerAnswer::Inspect, u"inspect"},
    std::pair{ContainerAnswer::Stats, u"stats"},
    std::pair{ContainerAnswer::Pods, u"pods"},
    std::pair{ContainerAnswer::Top, u"top"},
    std::pair{ContainerAnswer::Workloads, u"workloads"},
    std::pair{ContainerAnswer::Contexts, u"contexts"},
};

constexpr char Separator = '\x1e';

struct ContainerPollBackOff {
    bool enabled = false; // not in once mode: there is no next round
    int maxSkipped = 1;
};

// Frames one answer: a header, the command's output with stderr merged, its exit status.
QString answer(const QString &runtime, const QString &kind, const QString &context,
               const QString &command)
{
    const QString header =
        context.isEmpty() ? u"printf '\\036section %1 %2\\n'\n"_s.arg(runtime, kind)
                          : u"printf '\\036section %1 %2 %s\\n' %3\n"_s.arg(runtime, kind, context);
    return header + command + u" 2>&1\nanswered=$?\nprintf '\\036end %d\\n' \"$answered\"\n"_s;
}

// A frame naming a source and how many rounds it will not be asked after this one.
QString skipFrame(const QString &word, const QString &runtime, const QString &variable,
                  const QString &context)
{
    return context.isEmpty()
               ? u"printf '\\036%1 %2 %d\\n' \"${#skip_%3}\"\n"_s.arg(word, runtime, variable)
               : u"printf '\\036%1 %2 %d %s\\n' \"${#skip_%3}\" %4\n"_s.arg(word, runtime, variable,
                                                                            context);
}

// Per-source back-off inside the session: while skip_VAR is not empty the source is not asked
// (a `skipped` frame says so); a failed essential answer (its status in statusVariable) skips
// it for the next wait_VAR rounds, doubling up to maxSkipped; a good one resets the wait.
// The script does the counting because it runs the rounds: the poller only reads the frames.
// Counts are strings of x, one a round (${#skip} is the number): the gate rightly distrusts
// shell arithmetic over variables the script set, since it can run commands.
QString withBackOff(const ContainerPollBackOff &backOff, const QString &variable,
                    const QString &runtime, const QString &context, const QString &asks,
                    const QString &statusVariable)
{
    if (!backOff.enabled)
        return asks;
    return u"if [ -n \"${skip_%1:-}\" ]; then\nskip_%1=${skip_%1#x}\n"_s.arg(variable) +
           skipFrame(u"skipped"_s, runtime, variable, context) + u"else\n"_s + asks +
           u"if [ \"$%1\" -eq 0 ]; then\nwait_%2=x\nelse\nskip_%2=${wait_%2:-x}\n"_s
           u"wait_%2=$skip_%2$skip_%2\n[ \"${#wait_%2}\" -le %3 ] || wait_%2=%4\n"_s.arg(
               statusVariable, variable, QString::number(backOff.maxSkipped),
               QString(backOff.maxSkipped, u'x')) +
           skipFrame(u"backoff"_s, runtime, variable, context) + u"fi\nfi\n"_s;
}

// docker and podman speak nearly the same commands; `program` carries -H or --url.
QString engineRound(ContainerRuntime runtime, const QString &endpoint,
                    const ContainerPollBackOff &backOff)
{
    const bool docker = runtime == ContainerRuntime::Docker;
    const QString id = containerRuntimeId(runtime);
    QString program = id;
    if (!endpoint.isEmpty())
        program += (docker ? u" -H "_s : u" --url "_s) + shellQuote(endpoint);
    QString body;
    body += answer(id, u"ps"_s, {},
                   docker ? program + u" ps -a --no-trunc --format '{{json .}}'"_s
                          : program + u" ps -a --format json"_s);
    body += u"listed=$answered\n"_s;
    // inspect knows what ps does not: OOM kills, health, restart counts, limits.
    body += u"ids=$(%1 ps -aq --no-trunc 2>/dev/null)\n"_s.arg(program);
    body += answer(
        id, u"inspect"_s, {},
        u"if [ -n \"$ids\" ]; then %1 container inspect $ids; else echo '[]'; fi"_s.arg(program));
    // stats waits for a second sample per container; only running ones have any.
    body += u"running=$(%1 ps -q --no-trunc 2>/dev/null)\n"_s.arg(program);
    body += answer(id, u"stats"_s, {},
                   u"if [ -n \"$running\" ]; then %1; else echo '%2'; fi"_s.arg(
                       docker ? program + u" stats --no-stream --no-trunc --format '{{json .}}'"_s
                              : program + u" stats --no-stream --format json"_s,
                       docker ? QString() : u"[]"_s));
    body = withBackOff(backOff, id, id, {}, body, u"listed"_s);
    return u"if command -v %1 >/dev/null 2>&1; then\n%2else\nprintf '\\036absent %1\\n'\nfi\n"_s
        .arg(id, body);
}

// Namespaces are DNS labels; anything else would not be one and is left out of URLs.
bool isNamespaceName(const QString &name)
{
    static const QRegularExpression label(u"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"_s);
    return label.match(name).hasMatch();
}

// One context's answers. context is a shell word: a quoted literal or "$ctx".
QString kubernetesContextRound(const QString &context, const QString &variable,
                               const QStringList &namespaces, int podsPerPage,
                               const ContainerPollBackOff &backOff)
{
    const QString kubectl = u"kubectl --context "_s + context;
    QStringList scopes;
    for (const QString &name : namespaces) {
        if (isNamespaceName(name))
            scopes.append(name);
    }
    const bool everywhere = scopes.isEmpty();
    if (everywhere)
        scopes.append(QString());

    // Pods page by page: each page is printed as soon as it is read, and the next one asked
    // for with its continue token (base64url: no quoting needed, and checked by the pattern).
    QString pods;
    for (const QString &scope : std::as_const(scopes)) {
        const QString path =
            scope.isEmpty() ? u"/api/v1/pods"_s : u"/api/v1/namespaces/%1/pods"_s.arg(scope);
        pods += u"url='%1?limit=%2'\n"_s.arg(path).arg(podsPerPage);
        pods +=
            u"while :; do\n"_s
            u"page=$(%1 get --raw \"$url\" 2>&1) || { status=$?; printf '%s\\n' \"$page\"; break; }\n"_s
            u"printf '%s\\n' \"$page\"\n"_s
            u"token=$(printf '%s' \"$page\" | sed -n 's/.*\"continue\":\"\\([A-Za-z0-9_=-]*\\)\".*/\\1/p')\n"_s
            u"[ -n \"$token\" ] || break\n"_s
            u"url=\"%2?limit=%3&continue=$token\"\n"_s
            u"done\n"_s.arg(kubectl, path)
                .arg(podsPerPage);
    }
    QString body = u"printf '\\036section kubernetes pods %s\\n' "_s + context + u"\nstatus=0\n"_s +
                   pods + u"printf '\\036end %d\\n' \"$status\"\n"_s;
    // Without pods the source has failed: top and workloads would only add the same wait (an
    // unreachable cluster is a timeout per call).
    body += u"if [ \"$status\" -eq 0 ]; then\n"_s;
    for (const QString &scope : std::as_const(scopes)) {
        const QString where = scope.isEmpty() ? u"-A"_s : u"-n "_s + scope;
        body += answer(u"kubernetes"_s, u"top"_s, context,
                       u"%1 top pods %2 --no-headers"_s.arg(kubectl, where));
        body += answer(u"kubernetes"_s, u"workloads"_s, context,
                       u"%1 get deployments,statefulsets,daemonsets,jobs,cronjobs %2 -o json"_s.arg(
                           kubectl, where));
    }
    body += u"fi\n"_s;
    return withBackOff(backOff, variable, u"kubernetes"_s, context, body, u"status"_s);
}

QString kubernetesRound(const ContainerSettings &settings, int podsPerPage,
                        const ContainerPollBackOff &backOff)
{
    // Every context the kubeconfig has, so the page can offer those not listed yet.
    QString body =
        answer(u"kubernetes"_s, u"contexts"_s, {}, u"kubectl config get-contexts -o name"_s);
    QStringList named;
    for (const QString &context : settings.kubeContexts) {
        if (!context.isEmpty())
            named.append(shellQuote(context));
    }
    // The current context, unless a named one is it (its rows would come twice).
    QString skipNamed;
    for (const QString &quoted : std::as_const(named))
        skipNamed += u"elif [ \"$ctx\" = %1 ]; then\n:\n"_s.arg(quoted);
    const QString current =
        u"ctx=$(kubectl config current-context 2>/dev/null)\n"_s
        u"if [ -z \"$ctx\" ]; then\nprintf '\\036absent kubernetes no-context\\n'\n"_s +
        skipNamed + u"else\n"_s +
        // Another current context is another cluster: its back-off starts over.
        u"if [ \"$ctx\" != \"${context_current:-}\" ]; then\n"_s
        u"context_current=$ctx\nskip_current=\nwait_current=x\nfi\n"_s +
        kubernetesContextRound(u"\"$ctx\""_s, u"current"_s, settings.kubeNamespaces, podsPerPage,
                               backOff) +
        u"fi\n"_s;
    if (settings.kubeContexts.isEmpty())
        body += current;
    for (qsizetype index = 0; index < settings.kubeContexts.size(); ++index) {
        const QString &context = settings.kubeContexts.at(index);
        body += context.isEmpty()
                    ? current
                    : kubernetesContextRound(shellQuote(context), u"context%1"_s.arg(index),
                                             settings.kubeNamespaces, podsPerPage, backOff);
    }
    return u"if command -v kubectl >/dev/null 2>&1; then\n%1else\nprintf '\\036absent kubernetes\\n'\nfi\n"_s
        .arg(body);
}

} // namespace

QString containerAnswerId(ContainerAnswer answer)
{
    return idOf(answerIds, answer);
}

std::optional<ContainerAnswer> containerAnswerFromId(QStringView id)
{
    return fromId(answerIds, id);
}

int containerPollMaxSkippedRounds(int intervalSeconds)
{
    // The wait is the skipped rounds and the round that asks again: about five minutes.
    return std::max(1, MaximumBackOffSeconds / std::max(1, intervalSeconds) - 1);
}

ContainerSettings withWatchedContexts(ContainerSettings settings, const QStringList &watched)
{
    if (watched.isEmpty())
        return settings;
    if (settings.kubeContexts.isEmpty())
        settings.kubeContexts.append(QString());
    for (const QString &context : watched) {
        if (!context.isEmpty() && !settings.kubeContexts.contains(context))
            settings.kubeContexts.append(context);
    }
    return settings;
}

QString containerPollScript(const ContainerSettings &settings, const ContainerPollOptions &options)
{
    const auto wanted = [&](ContainerRuntime runtime) {
        return settings.runtimes.isEmpty() ||
               settings.runtimes.contains(containerRuntimeId(runtime));
    };
    ContainerPollBackOff backOff;
    backOff.enabled = !options.once;
    backOff.maxSkipped = containerPollMaxSkippedRounds(options.intervalSeconds);
    QString round;
    if (wanted(ContainerRuntime::Docker))
        round += engineRound(ContainerRuntime::Docker, settings.dockerHost, backOff);
    if (wanted(ContainerRuntime::Podman))
        round += engineRound(ContainerRuntime::Podman, settings.podmanUrl, backOff);
    if (wanted(ContainerRuntime::Kubernetes))
        round += kubernetesRound(settings, std::max(1, options.podsPerPage), backOff);
    round += u"printf '\\036round\\n'\n"_s;
    if (options.once)
        return round;
    return u"while :; do\n%1sleep %2\ndone\n"_s.arg(round).arg(
        std::max(1, options.intervalSeconds));
}

QList<ContainerPollEvent> ContainerPollReader::feed(QByteArrayView chunk)
{
    QList<ContainerPollEvent> events;
    m_pending.append(chunk);
    qsizetype start = 0;
    qsizetype end = 0;
    while ((end = m_pending.indexOf('\n', start)) >= 0) {
        takeLine(QByteArrayView(m_pending).sliced(start, end - start), events);
        start = end + 1;
    }
    m_pending.remove(0, start);
    return events;
}

void ContainerPollReader::takeLine(QByteArrayView line, QList<ContainerPollEvent> &events)
{
    if (line.startsWith(Separator)) {
        const QString frame = QString::fromUtf8(line.sliced(1));
        const qsizetype firstSpace = frame.indexOf(u' ');
        const QString word = frame.left(firstSpace);
        const QStringList words = frame.split(u' ');
        const auto runtime = containerRuntimeFromId(words.value(1));
        if (word == u"absent" && runtime) {
            ContainerPollEvent event;
            event.type = ContainerPollEvent::Type::Absent;
            event.runtime = *runtime;
            event.text = words.mid(2).join(u' ').toUtf8();
            events.append(event);
            return;
        }
        if (word == u"section" && runtime && containerAnswerFromId(words.value(2))) {
            m_current = {};
            m_current.type = ContainerPollEvent::Type::Begin;
            m_current.runtime = *runtime;
            m_current.answer = *containerAnswerFromId(words.value(2));
            // A context name may hold spaces: it is the rest of the line.
            m_current.context = words.size() > 3 ? words.mid(3).join(u' ') : QString();
            m_inAnswer = true;
            m_overflow = false;
            events.append(m_current);
            return;
        }
        if (word == u"end" && m_inAnswer) {
            bool ok = false;
            const int status = words.value(1).toInt(&ok);
            m_current.type = ContainerPollEvent::Type::Answer;
            m_current.exitStatus = ok ? status : 255;
            if (m_overflow && m_current.exitStatus == 0)
                m_current.exitStatus = 255;
            events.append(std::exchange(m_current, {}));
            m_inAnswer = false;
            return;
        }
        if ((word == u"backoff" || word == u"skipped") && runtime) {
            bool ok = false;
            ContainerPollEvent event;
            event.type = word == u"backoff" ? ContainerPollEvent::Type::BackOff
                                            : ContainerPollEvent::Type::Skipped;
            event.runtime = *runtime;
            event.skippedRounds = words.value(2).toInt(&ok);
            event.context = words.size() > 3 ? words.mid(3).join(u' ') : QString();
            if (ok && event.skippedRounds >= 0) {
                events.append(event);
                return;
            }
        }
        if (word == u"round") {
            ContainerPollEvent event;
            event.type = ContainerPollEvent::Type::RoundEnd;
            events.append(event);
            return;
        }
    }
    if (!m_inAnswer) {
        if (m_stray.size() < 64 * 1024)
            m_stray.append(line).append('\n');
        return;
    }
    if (m_current.answer == ContainerAnswer::Pods && line.startsWith('{')) {
        ContainerPollEvent page = m_current;
        page.type = ContainerPollEvent::Type::Page;
        page.text = line.toByteArray();
        events.append(page);
        return;
    }
    if (m_current.text.size() + line.size() >= MaximumAnswerBytes) {
        m_overflow = true;
        return;
    }
    m_current.text.append(line).append('\n');
}

} // namespace OpsDeck
