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

// Frames one answer: a header, the command's output with stderr merged, its exit status.
QString answer(const QString &runtime, const QString &kind, const QString &context,
               const QString &command)
{
    const QString header =
        context.isEmpty() ? u"printf '\\036section %1 %2\\n'\n"_s.arg(runtime, kind)
                          : u"printf '\\036section %1 %2 %s\\n' %3\n"_s.arg(runtime, kind, context);
    return header + command + u" 2>&1\nprintf '\\036end %d\\n' \"$?\"\n"_s;
}

// docker and podman speak nearly the same commands; `program` carries -H or --url.
QString engineRound(ContainerRuntime runtime, const QString &endpoint)
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
QString kubernetesContextRound(const QString &context, const QStringList &namespaces,
                               int podsPerPage)
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
    for (const QString &scope : std::as_const(scopes)) {
        const QString where = scope.isEmpty() ? u"-A"_s : u"-n "_s + scope;
        body += answer(u"kubernetes"_s, u"top"_s, context,
                       u"%1 top pods %2 --no-headers"_s.arg(kubectl, where));
        body += answer(u"kubernetes"_s, u"workloads"_s, context,
                       u"%1 get deployments,statefulsets,daemonsets,jobs,cronjobs %2 -o json"_s.arg(
                           kubectl, where));
    }
    return body;
}

QString kubernetesRound(const ContainerSettings &settings, int podsPerPage)
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
        kubernetesContextRound(u"\"$ctx\""_s, settings.kubeNamespaces, podsPerPage) + u"fi\n"_s;
    if (settings.kubeContexts.isEmpty())
        body += current;
    for (const QString &context : settings.kubeContexts) {
        body += context.isEmpty() ? current
                                  : kubernetesContextRound(shellQuote(context),
                                                           settings.kubeNamespaces, podsPerPage);
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
    QString round;
    if (wanted(ContainerRuntime::Docker))
        round += engineRound(ContainerRuntime::Docker, settings.dockerHost);
    if (wanted(ContainerRuntime::Podman))
        round += engineRound(ContainerRuntime::Podman, settings.podmanUrl);
    if (wanted(ContainerRuntime::Kubernetes))
        round += kubernetesRound(settings, std::max(1, options.podsPerPage));
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
