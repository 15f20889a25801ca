// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace OpsDeck {

// What a check does. The ids ("http", "tcp", ...) are what `opsdeck check --only` takes.
// Metrics: a service's Prometheus /metrics endpoint scraped and parsed (scrapecheck.h).
// Backup: a backup location's staleness, judged by the backup catalog above this domain and
// reported to the board (HealthMonitor::setReportedChecks); never planned or run here.
enum class CheckKind { Http, Tcp, Tls, HostMetrics, Redis, Postgres, Alerts, Backup, Metrics };

// Where the dashboard shows a check: one group per category in each environment.
enum class CheckCategory { Services, Hosts, Databases, Redis, Certificates, Alerts, Backups };

// One check the workspace asks for, with everything needed to run it. Pure data: it is built
// from the workspace by planChecks() and run by CheckExecutor.
struct CheckSpec {
    // Stable across runs and restarts, the key of the check's history:
    // "production/web-1/api:health", "production/web-1:metrics", "production:alerts".
    QString id;
    CheckKind kind = CheckKind::Http;
    CheckCategory category = CheckCategory::Services;
    QString environment;
    QString host;        // the host it belongs to; empty for environment-wide checks (alerts)
    QString hostAddress; // that host's address, for matching Prometheus alerts' instance label
    QString subject;     // what is checked: the service, database, Redis instance or host name
    QString title;       // for people: "api health", "wiki connections", "web-1"
    // Run from this host over SSH (curl, TLS and Redis through its tunnel), because the
    // service is only reachable from there. Empty: from this computer.
    QString viaHost;
    int intervalSeconds = 60;
    QUrl url;         // Http: the health URL; Metrics: the /metrics URL; Tls: the endpoint; Alerts:
                      // Alertmanager
    QString address;  // Tcp, Redis, Postgres: host name or IP as seen from viaHost or here
    quint16 port = 0; //   and its port
    std::optional<Service> service;
    std::optional<Database> database;
    std::optional<RedisInstance> redis;
    bool hostIsLocal = false; // HostMetrics: this computer, read without SSH
    QString runbook;          // the runbook to open when it is red, if the workspace names one
    // A dependency of a health document, as a row of its own: the HTTP check whose document
    // lists it (healthdependencies.h). Empty for every planned check.
    QString parentId;
    SourceLocation location; // the workspace entry it came from
};

struct CheckPlanFilter {
    QString environment;  // empty: every environment
    QSet<CheckKind> only; // empty: every kind
};

// Every check the workspace describes, in workspace order: for each host its metrics, then
// each service's health (HTTP), metrics scrape, TCP and certificate checks (HTTPS health URLs
// get a certificate check of their own), each database, each Redis instance (a database with
// sslmode require or verify-*, and a Redis instance with tls, also their server's certificate);
// then per environment its Alertmanager. A database or Redis instance on a remote host is reached
// through that host (its `via`, or the host itself) unless it listens on a public address.
QList<CheckSpec> planChecks(const Workspace &workspace, const CheckPlanFilter &filter = {});

// "http", "tcp", "tls", "host", "redis", "postgres", "alerts", "backup", "metrics"
QString checkKindId(CheckKind kind);
std::optional<CheckKind> checkKindFromId(QStringView id);
QString checkKindName(CheckKind kind); // for people (translated)
QString checkCategoryName(CheckCategory category);
QStringList checkKindIds();

} // namespace OpsDeck
