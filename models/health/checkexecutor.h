// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"
#include "models/health/httpcheck.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace OpsDeck {

struct AlertmanagerAlert;
class CommandRunner;
class CredentialStore;
class Executor;

// The curl command a via-host runs for an HTTP check: its body, then a trailer line with the
// status, total time and last URL. Every argument is quoted by the runner.
QStringList curlHealthCommand(const HttpCheckOptions &options);
// Splits curl's output from curlHealthCommand() into the answer; nothing when the trailer is
// missing (curl failed before writing it).
std::optional<HttpAnswer> parseCurlHealthOutput(const QByteArray &output, bool truncated = false);

// What running checks needs from the application: the network, the command runner (every
// command a check sends to a host goes through the safety gate and the audit log), executors
// per host, and the keychain for Redis and database passwords.
struct CheckServices {
    QNetworkAccessManager *network = nullptr;
    CommandRunner *runner = nullptr;
    std::function<Executor *(const QString &hostName)> executorFor;
    CredentialStore *credentials = nullptr; // null: checks that need a password say so
    Workspace workspace;                    // thresholds, hosts
};

// Runs checks once each, any number at the same time, in the thread it lives in without
// blocking it; finished() comes exactly once per run() that was not aborted, and never from
// inside run() itself. A check "via"
// a host runs there: HTTP and metrics scrapes with `curl`, TLS, Redis and PostgreSQL through an SSH
// tunnel. Host metrics take two readings a second apart (CPU % needs a delta).
class CheckExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckExecutor)

public:
    explicit CheckExecutor(CheckServices services, QObject *parent = nullptr);
    ~CheckExecutor() override;

    void setWorkspace(const Workspace &workspace) { m_services.workspace = workspace; }
    const CheckServices &services() const { return m_services; }

    // Starts spec; a spec already running is left running (no second run).
    void run(const CheckSpec &spec);
    void abort(const QString &checkId);
    void abortAll();
    bool isRunning(const QString &checkId) const { return m_running.contains(checkId); }
    int runningCount() const { return int(m_running.size()); }

    // The longest a single check may take before it counts as failed (timeout included).
    static constexpr int checkTimeoutMs = 15000;

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);
    // What an Alertmanager check read: every alert of environment, for matching red checks.
    void alertsRead(const QString &environment, const QList<OpsDeck::AlertmanagerAlert> &alerts);

private:
    using Done = std::function<void(CheckResult)>;
    void complete(const QString &checkId, CheckResult result);
    void runHttp(const CheckSpec &spec, QObject *job, const Done &done);
    // How an HTTP answer becomes a result: judged here, or handed on (a scrape parses in a
    // worker) and given to finish when done.
    using Judge = std::function<void(const HttpAnswer &, const Done &finish)>;
    // curl on the spec's via host fetches options' URL; judge turns its answer into a result.
    void runHttpVia(const CheckSpec &spec, const HttpCheckOptions &options, QObject *job,
                    const Done &done, const Judge &judge);
    void runMetrics(const CheckSpec &spec, QObject *job, const Done &done);
    // Calls connectTo with where to connect: the service itself, or the local end of an SSH
    // tunnel through the via host.
    void withRoute(const CheckSpec &spec, QObject *job, const Done &done,
                   const std::function<void(const QString &, quint16)> &connectTo);
    void runSocketCheck(const CheckSpec &spec, const QString &host, quint16 port, QObject *job,
                        const Done &done);
    void runHostMetrics(const CheckSpec &spec, QObject *job, const Done &done);
    void runService(const CheckSpec &spec, QObject *job, const Done &done);
    // Calls use with the spec's password from the keychain (empty when it names none).
    void withPassword(const CheckSpec &spec, QObject *job, const Done &done,
                      const std::function<void(const QString &)> &use);
    void runDataStore(const CheckSpec &spec, const QString &host, quint16 port,
                      const QString &password, QObject *job, const Done &done);

    CheckServices m_services;
    // A running check's objects: destroyed when it ends or is aborted.
    QHash<QString, QPointer<QObject>> m_running;
};

} // namespace OpsDeck
