// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkplan.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct KindName {
    CheckKind kind;
    QLatin1StringView id;
};

constexpr KindName kindNames[] = {
    {CheckKind::Http, "http"_L1},       {CheckKind::Tcp, "tcp"_L1},
    {CheckKind::Tls, "tls"_L1},         {CheckKind::HostMetrics, "host"_L1},
    {CheckKind::Redis, "redis"_L1},     {CheckKind::Postgres, "postgres"_L1},
    {CheckKind::Alerts, "alerts"_L1},   {CheckKind::Backup, "backup"_L1},
    {CheckKind::Metrics, "metrics"_L1},
};

// An address a remote host's service listens on that only that host can reach.
bool isLoopbackAddress(const QString &address)
{
    return address.isEmpty() || address == u"localhost" || address.startsWith(u"127.") ||
           address == u"::1" || address.startsWith(u'/');
}

// The certificate of a TLS server that server checks: reached the same way, at most hourly.
CheckSpec certificateCheck(const CheckSpec &server, const QString &id, const QString &scheme,
                           const QString &address, int port)
{
    CheckSpec tls = server;
    tls.kind = CheckKind::Tls;
    tls.category = CheckCategory::Certificates;
    tls.id = id;
    tls.url.setScheme(scheme);
    tls.url.setHost(address);
    tls.url.setPort(port);
    tls.title = address + u':' + QString::number(port);
    tls.intervalSeconds = qMax(server.intervalSeconds, 3600);
    return tls;
}

class Planner
{
public:
    Planner(const Workspace &workspace, const CheckPlanFilter &filter)
        : m_workspace(workspace)
        , m_filter(filter)
    {
    }

    QList<CheckSpec> plan()
    {
        for (const Environment &environment : m_workspace.environments) {
            if (!m_filter.environment.isEmpty() && environment.name != m_filter.environment)
                continue;
            for (const Host &host : environment.hosts)
                planHost(environment, host);
            if (!environment.alertmanagerUrl.isEmpty()) {
                CheckSpec spec = base(environment, nullptr, CheckKind::Alerts,
                                      CheckCategory::Alerts, environment.name);
                spec.id = environment.name + u":alerts";
                spec.title = QCoreApplication::translate("CheckPlan", "Alertmanager");
                spec.url = environment.alertmanagerUrl;
                spec.location = environment.location;
                add(spec);
            }
        }
        return m_plan;
    }

private:
    void planHost(const Environment &environment, const Host &host)
    {
        const QString hostKey = environment.name + u'/' + host.name;
        if (host.pollMetrics) {
            CheckSpec spec =
                base(environment, &host, CheckKind::HostMetrics, CheckCategory::Hosts, host.name);
            spec.id = hostKey + u":metrics";
            spec.title = host.name;
            spec.intervalSeconds = host.metricsIntervalSeconds;
            spec.hostIsLocal = host.isLocal();
            spec.location = host.location;
            add(spec);
        }
        for (const Service &service : host.services)
            planService(environment, host, service);
        for (const Database &database : host.databases) {
            CheckSpec spec = base(environment, &host, CheckKind::Postgres, CheckCategory::Databases,
                                  database.name);
            spec.id = hostKey + u'/' + database.name + u":postgres";
            spec.title = database.name;
            spec.address = database.host;
            spec.port = quint16(database.port);
            spec.database = database;
            spec.viaHost = database.viaHost;
            if (spec.viaHost.isEmpty() && !host.isLocal())
                spec.viaHost = host.name;
            spec.location = database.location;
            add(spec);
            // A server that must speak TLS: its certificate too, reached the same way.
            static const QStringList tlsModes{u"require"_s, u"verify-ca"_s, u"verify-full"_s};
            if (tlsModes.contains(database.sslMode)) {
                add(certificateCheck(spec, hostKey + u'/' + database.name + u":certificate",
                                     u"postgres"_s, database.host, database.port));
            }
        }
        for (const RedisInstance &redis : host.redis) {
            CheckSpec spec =
                base(environment, &host, CheckKind::Redis, CheckCategory::Redis, redis.name);
            spec.id = hostKey + u'/' + redis.name + u":redis";
            spec.title = redis.name;
            spec.address = redis.socketPath.isEmpty() ? redis.host : redis.socketPath;
            spec.port = redis.socketPath.isEmpty() ? quint16(redis.port) : 0;
            spec.redis = redis;
            // Only that host reaches its loopback or its Unix socket.
            if (!host.isLocal() && isLoopbackAddress(spec.address))
                spec.viaHost = host.name;
            spec.location = redis.location;
            add(spec);
            // rediss: its certificate too, reached the same way (a Unix socket has none).
            if (redis.tls && redis.socketPath.isEmpty()) {
                add(certificateCheck(spec, hostKey + u'/' + redis.name + u":certificate",
                                     u"rediss"_s, redis.host, redis.port));
            }
        }
    }

    void planService(const Environment &environment, const Host &host, const Service &service)
    {
        const QString key = environment.name + u'/' + host.name + u'/' + service.name;
        const int interval = service.intervalSeconds > 0 ? service.intervalSeconds
                                                         : environment.checkIntervalSeconds;
        auto serviceSpec = [&](CheckKind kind, CheckCategory category, const QString &suffix) {
            CheckSpec spec = base(environment, &host, kind, category, service.name);
            spec.id = key + u':' + suffix;
            spec.intervalSeconds = interval;
            spec.viaHost = service.viaHost;
            spec.service = service;
            spec.runbook = service.runbook;
            spec.location = service.location;
            return spec;
        };
        if (!service.healthUrl.isEmpty()) {
            CheckSpec spec = serviceSpec(CheckKind::Http, CheckCategory::Services, u"health"_s);
            spec.title = QCoreApplication::translate("CheckPlan", "%1 health").arg(service.name);
            spec.url = service.healthUrl;
            add(spec);
            if (service.healthUrl.scheme() == u"https" &&
                (service.tlsUrl.isEmpty() || service.tlsUrl.host() != service.healthUrl.host())) {
                CheckSpec tls =
                    serviceSpec(CheckKind::Tls, CheckCategory::Certificates, u"certificate"_s);
                tls.title = service.healthUrl.host();
                tls.url = service.healthUrl;
                // A certificate changes seldom: once an hour is plenty.
                tls.intervalSeconds = qMax(interval, 3600);
                add(tls);
            }
        }
        if (!service.metricsUrl.isEmpty()) {
            // Reached like the health URL: from here, or with curl on the service's via host.
            CheckSpec spec = serviceSpec(CheckKind::Metrics, CheckCategory::Services, u"metrics"_s);
            spec.title = QCoreApplication::translate("CheckPlan", "%1 metrics").arg(service.name);
            spec.url = service.metricsUrl;
            add(spec);
        }
        if (!service.tcpAddress.isEmpty()) {
            CheckSpec spec = serviceSpec(CheckKind::Tcp, CheckCategory::Services, u"tcp"_s);
            const qsizetype colon = service.tcpAddress.lastIndexOf(u':');
            spec.address = service.tcpAddress.left(colon);
            if (spec.address.startsWith(u'[') && spec.address.endsWith(u']'))
                spec.address = spec.address.mid(1, spec.address.size() - 2);
            spec.port = quint16(service.tcpAddress.mid(colon + 1).toUInt());
            spec.title = QCoreApplication::translate("CheckPlan", "%1 port %2")
                             .arg(service.name, QString::number(spec.port));
            add(spec);
        }
        if (!service.tlsUrl.isEmpty()) {
            CheckSpec spec = serviceSpec(CheckKind::Tls, CheckCategory::Certificates, u"tls"_s);
            spec.url = service.tlsUrl;
            spec.title = service.tlsUrl.port() < 0 ? service.tlsUrl.host()
                                                   : service.tlsUrl.host() + u':' +
                                                         QString::number(service.tlsUrl.port());
            spec.intervalSeconds = qMax(interval, 3600);
            add(spec);
        }
    }

    CheckSpec base(const Environment &environment, const Host *host, CheckKind kind,
                   CheckCategory category, const QString &subject) const
    {
        CheckSpec spec;
        spec.kind = kind;
        spec.category = category;
        spec.environment = environment.name;
        spec.host = host ? host->name : QString();
        spec.hostAddress = host ? host->address : QString();
        spec.subject = subject;
        spec.intervalSeconds = environment.checkIntervalSeconds;
        return spec;
    }

    void add(const CheckSpec &spec)
    {
        if (m_filter.only.isEmpty() || m_filter.only.contains(spec.kind))
            m_plan.append(spec);
    }

    const Workspace &m_workspace;
    const CheckPlanFilter &m_filter;
    QList<CheckSpec> m_plan;
};

} // namespace

QList<CheckSpec> planChecks(const Workspace &workspace, const CheckPlanFilter &filter)
{
    return Planner(workspace, filter).plan();
}

QString checkKindId(CheckKind kind)
{
    for (const KindName &name : kindNames) {
        if (name.kind == kind)
            return name.id;
    }
    return {};
}

std::optional<CheckKind> checkKindFromId(QStringView id)
{
    for (const KindName &name : kindNames) {
        if (id == name.id)
            return name.kind;
    }
    return std::nullopt;
}

QStringList checkKindIds()
{
    QStringList ids;
    for (const KindName &name : kindNames)
        ids.append(name.id);
    return ids;
}

QString checkKindName(CheckKind kind)
{
    switch (kind) {
    case CheckKind::Http:
        return QCoreApplication::translate("CheckPlan", "HTTP health");
    case CheckKind::Tcp:
        return QCoreApplication::translate("CheckPlan", "TCP connect");
    case CheckKind::Tls:
        return QCoreApplication::translate("CheckPlan", "TLS certificate");
    case CheckKind::HostMetrics:
        return QCoreApplication::translate("CheckPlan", "Host metrics");
    case CheckKind::Redis:
        return QCoreApplication::translate("CheckPlan", "Redis");
    case CheckKind::Postgres:
        return QCoreApplication::translate("CheckPlan", "PostgreSQL");
    case CheckKind::Alerts:
        return QCoreApplication::translate("CheckPlan", "Alerts");
    case CheckKind::Backup:
        return QCoreApplication::translate("CheckPlan", "Backup staleness");
    case CheckKind::Metrics:
        return QCoreApplication::translate("CheckPlan", "Metrics scrape");
    }
    return {};
}

QString checkCategoryName(CheckCategory category)
{
    switch (category) {
    case CheckCategory::Services:
        return QCoreApplication::translate("CheckPlan", "Services");
    case CheckCategory::Hosts:
        return QCoreApplication::translate("CheckPlan", "Hosts");
    case CheckCategory::Databases:
        return QCoreApplication::translate("CheckPlan", "Databases");
    case CheckCategory::Redis:
        return QCoreApplication::translate("CheckPlan", "Redis");
    case CheckCategory::Certificates:
        return QCoreApplication::translate("CheckPlan", "Certificates");
    case CheckCategory::Alerts:
        return QCoreApplication::translate("CheckPlan", "Alerts");
    case CheckCategory::Backups:
        return QCoreApplication::translate("CheckPlan", "Backups");
    }
    return {};
}

} // namespace OpsDeck
