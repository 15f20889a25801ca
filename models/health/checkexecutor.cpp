// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkexecutor.h"

#include "models/core/background.h"
#include "models/core/units.h"
#include "models/health/alertmanager.h"
#include "models/health/hostmetricspoller.h"
#include "models/health/httpcheck.h"
#include "models/health/postgrescheck.h"
#include "models/health/redischeck.h"
#include "models/health/scrapecheck.h"
#include "models/health/tlscheck.h"
#include "models/remote/commandrunner.h"
#include "models/remote/serviceroute.h"
#include "models/secrets/credentialstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

CheckResult failedResult(const CheckSpec &spec, Verdict verdict, const QString &error)
{
    CheckResult result;
    result.checkId = spec.id;
    result.time = QDateTime::currentDateTimeUtc();
    result.verdict = verdict;
    result.error = error;
    result.summary = error;
    return result;
}

// Where a via-host's answer ends: curl writes this line after the body (-w).
constexpr QLatin1StringView curlTrailerMark = "\n@@opsdeck-http "_L1;

} // namespace

QStringList curlHealthCommand(const HttpCheckOptions &options)
{
    const int seconds = qMax(1, (options.timeoutMs + 999) / 1000);
    return {u"curl"_s,
            u"--silent"_s,
            u"--show-error"_s,
            u"--location"_s,
            u"--max-redirs"_s,
            QString::number(options.maxRedirects),
            u"--max-time"_s,
            QString::number(seconds),
            u"--write-out"_s,
            curlTrailerMark + u"%{http_code} %{time_total} %{url_effective}\\n"_s,
            options.url.toString(QUrl::FullyEncoded)};
}

std::optional<HttpAnswer> parseCurlHealthOutput(const QByteArray &output, bool truncated)
{
    const qsizetype mark =
        output.lastIndexOf(QByteArrayView(curlTrailerMark.data(), curlTrailerMark.size()));
    if (mark < 0)
        return std::nullopt;
    const QList<QByteArray> fields = output.mid(mark + curlTrailerMark.size()).trimmed().split(' ');
    if (fields.size() < 3)
        return std::nullopt;
    bool statusOk = false;
    bool timeOk = false;
    HttpAnswer answer;
    answer.status = fields.at(0).toInt(&statusOk);
    const double seconds = fields.at(1).toDouble(&timeOk);
    if (!statusOk || !timeOk)
        return std::nullopt;
    answer.elapsedMs = qint64(seconds * 1000.0 + 0.5);
    answer.url = QUrl(QString::fromUtf8(fields.mid(2).join(' ')));
    answer.body = output.left(mark);
    answer.truncated = truncated;
    return answer;
}

namespace {

// The body of a via-host answer is kept up to the cap; the tail (curl's trailer) always.
class CappedOutput
{
public:
    explicit CappedOutput(qint64 cap)
        : m_cap(cap)
    {
    }
    void append(const QByteArray &data)
    {
        if (m_head.size() < m_cap) {
            const qint64 room = m_cap - m_head.size();
            m_head.append(data.left(room));
            if (data.size() > room)
                m_truncated = true;
        } else {
            m_truncated = true;
        }
        m_tail.append(data);
        if (m_tail.size() > 4096)
            m_tail.remove(0, m_tail.size() - 4096);
    }
    // The head, and the trailer from the tail when the head lost it.
    QByteArray combined() const
    {
        if (!m_truncated)
            return m_head;
        const qsizetype mark =
            m_tail.lastIndexOf(QByteArrayView(curlTrailerMark.data(), curlTrailerMark.size()));
        return mark < 0 ? m_head : m_head + m_tail.mid(mark);
    }
    bool truncated() const { return m_truncated; }

private:
    qint64 m_cap;
    QByteArray m_head;
    QByteArray m_tail;
    bool m_truncated = false;
};

} // namespace

CheckExecutor::CheckExecutor(CheckServices services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
{
}

CheckExecutor::~CheckExecutor()
{
    abortAll();
}

void CheckExecutor::abort(const QString &checkId)
{
    if (QPointer<QObject> job = m_running.take(checkId))
        delete job.data();
}

void CheckExecutor::abortAll()
{
    const QStringList ids = m_running.keys();
    for (const QString &id : ids)
        abort(id);
}

void CheckExecutor::complete(const QString &checkId, CheckResult result)
{
    QPointer<QObject> job = m_running.take(checkId);
    if (job)
        job->deleteLater();
    result.checkId = checkId;
    if (!result.time.isValid())
        result.time = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(result);
}

void CheckExecutor::run(const CheckSpec &spec)
{
    if (m_running.contains(spec.id))
        return;
    // Each run owns a job object: everything it makes is a child, so abort() is one delete.
    auto *job = new QObject(this);
    m_running.insert(spec.id, job);
    const QString id = spec.id;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    // Always delivered from the event loop, never inside run(): callers connect after run().
    auto done = [this, id, job, started](CheckResult result) {
        if (result.durationMs == 0)
            result.durationMs = started->elapsed();
        QMetaObject::invokeMethod(
            this,
            [this, id, job, result]() mutable {
                if (m_running.value(id) == job)
                    complete(id, std::move(result));
            },
            Qt::QueuedConnection);
    };
    // A check that never answers (a host that hangs) still ends.
    auto *deadline = new QTimer(job);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, job, [done, spec] {
        done(failedResult(
            spec, Verdict::Critical,
            tr("%1 gave no answer within %2").arg(spec.title, formatDuration(checkTimeoutMs))));
    });
    deadline->start(spec.kind == CheckKind::HostMetrics ? checkTimeoutMs + 5000
                                                        : checkTimeoutMs + 2000);

    switch (spec.kind) {
    case CheckKind::Http:
        runHttp(spec, job, done);
        return;
    case CheckKind::Metrics:
        runMetrics(spec, job, done);
        return;
    case CheckKind::Tcp:
    case CheckKind::Tls:
        withRoute(spec, job, done, [this, spec, job, done](const QString &host, quint16 port) {
            runSocketCheck(spec, host, port, job, done);
        });
        return;
    case CheckKind::HostMetrics:
        runHostMetrics(spec, job, done);
        return;
    case CheckKind::Redis:
    case CheckKind::Postgres:
    case CheckKind::Alerts:
        runService(spec, job, done);
        return;
    case CheckKind::Backup:
        // Reported by the backup catalog, not run: nothing here can judge it.
        done(failedResult(
            spec, Verdict::Unknown,
            tr("%1 is reported by the backup catalog, not run as a check").arg(spec.title)));
        return;
    }
}

void CheckExecutor::runHttp(const CheckSpec &spec, QObject *job, const Done &done)
{
    HttpCheckOptions options =
        spec.service ? httpCheckOptions(*spec.service, m_services.workspace) : HttpCheckOptions{};
    options.url = spec.url;
    options.timeoutMs = qMin(options.timeoutMs, checkTimeoutMs);
    if (!spec.viaHost.isEmpty()) {
        runHttpVia(spec, options, job, done,
                   [options](const HttpAnswer &answer, const Done &finish) {
                       finish(judgeHttpAnswer(options, answer));
                   });
        return;
    }
    auto *check = new HttpCheck(m_services.network, job);
    connect(check, &HttpCheck::finished, job, [done](const CheckResult &result) { done(result); });
    check->start(spec.id, options);
}

void CheckExecutor::runMetrics(const CheckSpec &spec, QObject *job, const Done &done)
{
    HttpCheckOptions options =
        spec.service ? scrapeCheckOptions(*spec.service, m_services.workspace) : HttpCheckOptions{};
    options.url = spec.url;
    options.timeoutMs = qMin(options.timeoutMs, checkTimeoutMs);
    // A scrape may be a quarter of a megabyte of text: parsed in a worker, never on the GUI
    // thread; an aborted run (job deleted) drops its result.
    const Judge parseAndJudge = [job, options](const HttpAnswer &answer, const Done &finish) {
        runInBackground(
            job, [options, answer] { return judgeScrapeAnswer(options, answer); }, finish);
    };
    if (!spec.viaHost.isEmpty()) {
        runHttpVia(spec, options, job, done, parseAndJudge);
        return;
    }
    auto *check = new HttpCheck(m_services.network, job);
    check->setJudging(false);
    connect(check, &HttpCheck::finished, job, [done](const CheckResult &result) { done(result); });
    connect(check, &HttpCheck::answered, job,
            [done, parseAndJudge](const HttpAnswer &answer) { parseAndJudge(answer, done); });
    check->start(spec.id, options);
}

void CheckExecutor::runHttpVia(const CheckSpec &spec, const HttpCheckOptions &options, QObject *job,
                               const Done &done, const Judge &judge)
{
    Executor *executor = m_services.executorFor ? m_services.executorFor(spec.viaHost) : nullptr;
    if (!executor || !m_services.runner) {
        done(failedResult(spec, Verdict::Unknown,
                          tr("cannot reach %1 to check %2 from there")
                              .arg(spec.viaHost, spec.url.toDisplayString())));
        return;
    }
    CommandRequest request;
    request.argv = curlHealthCommand(options);
    request.timeoutMs = options.timeoutMs + 5000;
    CommandRun *run = m_services.runner->run(executor, request, job);
    auto output = std::make_shared<CappedOutput>(options.maxBodyBytes);
    auto errors = std::make_shared<QByteArray>();
    connect(run, &CommandRun::standardOutput, job,
            [output](const QByteArray &data) { output->append(data); });
    connect(run, &CommandRun::standardError, job, [errors](const QByteArray &data) {
        if (errors->size() < 4096)
            errors->append(data);
    });
    const QString via = spec.viaHost;
    connect(
        run, &CommandRun::finished, job,
        [done, judge, spec, output, errors, via](const CommandResult &ran) {
            const QString stderrText = QString::fromUtf8(*errors).trimmed();
            if (ran.outcome == CommandResult::Outcome::Failed) {
                done(failedResult(spec, Verdict::Unknown,
                                  tr("cannot run curl on %1: %2").arg(via, ran.error)));
                return;
            }
            if (ran.outcome == CommandResult::Outcome::Exited && ran.exitCode == 127) {
                done(failedResult(spec, Verdict::Unknown,
                                  tr("curl is not installed on %1, which checks %2")
                                      .arg(via, spec.url.toDisplayString())));
                return;
            }
            const std::optional<HttpAnswer> answer =
                parseCurlHealthOutput(output->combined(), output->truncated());
            if (!ran.succeeded() || !answer || answer->status == 0) {
                // curl's own words: "(7) Failed to connect to localhost port 3000".
                const QString why = stderrText.isEmpty() ? ran.summary() : stderrText;
                done(failedResult(spec, Verdict::Critical,
                                  tr("%1 from %2: %3").arg(spec.url.toDisplayString(), via, why)));
                return;
            }
            judge(*answer, [done, via](CheckResult result) {
                result.summary = tr("%1 (from %2)").arg(result.summary, via);
                done(result);
            });
        });
}

void CheckExecutor::withRoute(const CheckSpec &spec, QObject *job, const Done &done,
                              const std::function<void(const QString &, quint16)> &connectTo)
{
    QString host = spec.address;
    quint16 port = spec.port;
    if (spec.kind == CheckKind::Tls) {
        QString error;
        const std::optional<TlsCheckOptions> options = tlsCheckOptionsForUrl(spec.url, &error);
        if (!options) {
            done(failedResult(spec, Verdict::Unknown, error));
            return;
        }
        host = options->host;
        port = options->port;
    }
    if (spec.viaHost.isEmpty()) {
        connectTo(host, port);
        return;
    }
    Executor *executor = m_services.executorFor ? m_services.executorFor(spec.viaHost) : nullptr;
    if (!executor) {
        done(failedResult(spec, Verdict::Unknown,
                          tr("cannot reach %1 to check %2:%3 from there")
                              .arg(spec.viaHost, host, QString::number(port))));
        return;
    }
    // Through an SSH host, a tunnel of its own for this run, closed with it: ssh -L, as an
    // operator would. The via host may be this computer: it reaches the address itself.
    reachThrough(executor, host, port, job, connectTo,
                 [done, spec, host, port](const QString &error) {
                     done(failedResult(spec, Verdict::Critical,
                                       tr("cannot reach %1:%2 through %3: %4")
                                           .arg(host, QString::number(port), spec.viaHost, error)));
                 });
}

void CheckExecutor::runSocketCheck(const CheckSpec &spec, const QString &host, quint16 port,
                                   QObject *job, const Done &done)
{
    const QString where =
        spec.viaHost.isEmpty() ? QString() : tr(" (through %1)").arg(spec.viaHost);
    if (spec.kind == CheckKind::Tcp) {
        auto *check = new TcpCheck(job);
        connect(check, &TcpCheck::finished, job, [done, where](CheckResult result) {
            result.summary += where;
            done(result);
        });
        check->start(
            spec.id, host, port, checkTimeoutMs,
            thresholdFor(m_services.workspace, u"connect_time"_s, defaultConnectTimeThreshold()));
        return;
    }
    TlsCheckOptions options = *tlsCheckOptionsForUrl(spec.url);
    // Through a tunnel the name to verify is still the service's, not 127.0.0.1.
    options.verifyName = options.host;
    options.host = host;
    options.port = port;
    options.timeoutMs = checkTimeoutMs;
    options.daysLeft = thresholdFor(m_services.workspace, u"certificate_days_left"_s,
                                    defaultCertificateThreshold());
    auto *check = new TlsCheck(job);
    connect(check, &TlsCheck::finished, job, [done, where](CheckResult result) {
        result.summary += where;
        done(result);
    });
    check->start(spec.id, options);
}

void CheckExecutor::runHostMetrics(const CheckSpec &spec, QObject *job, const Done &done)
{
    // Two readings a second apart: CPU % and rates need a delta.
    HostMetricsPoller *poller = nullptr;
    if (spec.hostIsLocal) {
        poller = new HostMetricsPoller(spec.host, 1, job);
    } else {
        if (!m_services.runner || !m_services.executorFor) {
            done(failedResult(spec, Verdict::Unknown, tr("cannot reach %1").arg(spec.host)));
            return;
        }
        poller =
            new HostMetricsPoller(spec.host, m_services.runner, m_services.executorFor, 1, job);
    }
    auto samples = std::make_shared<int>(0);
    const QList<Threshold> thresholds = m_services.workspace.thresholds;
    connect(poller, &HostMetricsPoller::sampled, job,
            [done, spec, samples, thresholds, poller](const HostMetrics &metrics) {
                if (++*samples < 2 && !metrics.cpu)
                    return;
                poller->pause();
                done(judgeHostMetrics(metrics, thresholds, spec.id));
            });
    connect(poller, &HostMetricsPoller::failed, job, [done, spec, poller](const QString &why) {
        poller->pause();
        done(failedResult(spec, Verdict::Critical, tr("%1: %2").arg(spec.host, why)));
    });
    poller->start();
}

void CheckExecutor::runService(const CheckSpec &spec, QObject *job, const Done &done)
{
    switch (spec.kind) {
    case CheckKind::Alerts: {
        // Reading needs no gate; silences are made elsewhere, through it.
        auto *client = new AlertmanagerClient(m_services.network, spec.url, nullptr, job);
        client->setTimeoutMs(checkTimeoutMs);
        const QString environment = spec.environment;
        client->listAlerts(job, [this, done, spec,
                                 environment](const AlertmanagerList<AlertmanagerAlert> &alerts) {
            if (!alerts.ok()) {
                done(failedResult(spec, Verdict::Critical, alerts.error));
                return;
            }
            Q_EMIT alertsRead(environment, alerts.items);
            done(judgeAlerts(alerts.items, spec.id, QDateTime::currentDateTimeUtc()));
        });
        return;
    }
    case CheckKind::Redis:
    case CheckKind::Postgres:
        if (spec.redis && !spec.redis->socketPath.isEmpty() && !spec.viaHost.isEmpty()) {
            done(failedResult(spec, Verdict::Unknown,
                              tr("%1 listens on a Unix socket of %2, which an SSH tunnel cannot "
                                 "reach; give it a host and port in the workspace")
                                  .arg(spec.title, spec.viaHost)));
            return;
        }
        withPassword(spec, job, done, [this, spec, job, done](const QString &password) {
            withRoute(spec, job, done,
                      [this, spec, job, done, password](const QString &host, quint16 port) {
                          runDataStore(spec, host, port, password, job, done);
                      });
        });
        return;
    default:
        return;
    }
}

void CheckExecutor::withPassword(const CheckSpec &spec, QObject *job, const Done &done,
                                 const std::function<void(const QString &)> &use)
{
    const SecretReference secret = spec.redis      ? spec.redis->password
                                   : spec.database ? spec.database->password
                                                   : SecretReference{};
    if (secret.isEmpty()) {
        use({});
        return;
    }
    CredentialStore *credentials = m_services.credentials;
    if (!credentials) {
        done(failedResult(spec, Verdict::Unknown,
                          tr("%1 needs the password in keychain entry '%2', and no keychain is "
                             "open here")
                              .arg(spec.title, secret.entry)));
        return;
    }
    // The secret is bound to the server as the workspace's host reaches it.
    const Host *host = m_services.workspace.findHost(spec.host);
    const bool loopback =
        spec.address == u"localhost" || spec.address.startsWith(u"127.") || spec.address == u"::1";
    const QString address = secretAddress(
        loopback && host && !host->isLocal() ? host->address : spec.address, spec.port);
    const quint64 request = credentials->readFor(secret.entry, address);
    connect(credentials, &CredentialStore::readFinished, job,
            [request, use, done, spec](quint64 id, const QString &entry, bool found,
                                       const QString &password) {
                if (id != request)
                    return;
                if (!found) {
                    done(failedResult(
                        spec, Verdict::Unknown,
                        tr("the keychain has no entry '%1' for %2").arg(entry, spec.title)));
                    return;
                }
                use(password);
            });
    connect(credentials, &CredentialStore::failed, job,
            [request, done, spec](quint64 id, const QString &, const QString &message) {
                if (id == request)
                    done(failedResult(spec, Verdict::Unknown, message));
            });
}

void CheckExecutor::runDataStore(const CheckSpec &spec, const QString &host, quint16 port,
                                 const QString &password, QObject *job, const Done &done)
{
    const QString where =
        spec.viaHost.isEmpty() ? QString() : tr(" (through %1)").arg(spec.viaHost);
    auto addWhere = [done, where](CheckResult result) {
        result.summary += where;
        done(result);
    };
    if (spec.kind == CheckKind::Redis) {
        RedisCheckOptions options = redisCheckOptions(*spec.redis, m_services.workspace);
        if (options.socketPath.isEmpty()) {
            options.host = host;
            options.port = port;
        }
        // Through a tunnel the certificate still names the server, not 127.0.0.1.
        if (!spec.viaHost.isEmpty())
            options.verifyName = spec.redis->host;
        options.password = password;
        options.timeoutMs = qMin(options.timeoutMs, checkTimeoutMs);
        auto *check = new RedisCheck(job);
        connect(check, &RedisCheck::finished, job, addWhere);
        check->start(spec.id, options);
        return;
    }
    PostgresCheckOptions options = postgresCheckOptions(*spec.database, m_services.workspace);
    options.host = host;
    options.port = port;
    options.password = password;
    options.timeoutMs = qMin(options.timeoutMs, checkTimeoutMs);
    auto *check = new PostgresCheck(job);
    connect(check, &PostgresCheck::finished, job, addWhere);
    check->start(spec.id, options);
}

} // namespace OpsDeck
