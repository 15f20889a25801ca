// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/redischeck.h"

#include "models/core/units.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cmath>
#include <hiredis/hiredis.h>
#include <vector>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthRedis)
};

// An INFO answer is a few KB; a peer sending megabytes is not the Redis we asked.
constexpr qint64 maxAnswerBytes = 4 * 1024 * 1024;

QString endpoint(const QString &host, quint16 port)
{
    return host.contains(u':') ? u"[%1]:%2"_s.arg(host).arg(port) : u"%1:%2"_s.arg(host).arg(port);
}

double tenths(double value)
{
    return std::round(value * 10.0) / 10.0;
}

CheckValue judged(const QString &name, double value, const QString &unit, const QString &text,
                  const std::optional<Threshold> &threshold)
{
    CheckValue result{name, value, unit, text, Verdict::Ok, {}, {}};
    if (threshold) {
        result.verdict = judge(value, *threshold);
        result.warning = threshold->warning;
        result.critical = threshold->critical;
    }
    return result;
}

QByteArray replyText(const redisReply &reply)
{
    return reply.str ? QByteArray(reply.str, qsizetype(reply.len)) : QByteArray();
}

} // namespace

qsizetype RedisInfo::entryCount() const
{
    qsizetype count = 0;
    for (const RedisInfoSection &section : sections)
        count += section.entries.size();
    return count;
}

QString RedisInfo::value(const QString &key) const
{
    for (const RedisInfoSection &section : sections) {
        for (const auto &entry : section.entries) {
            if (entry.first == key)
                return entry.second;
        }
    }
    return {};
}

bool RedisInfo::contains(const QString &key) const
{
    for (const RedisInfoSection &section : sections) {
        for (const auto &entry : section.entries) {
            if (entry.first == key)
                return true;
        }
    }
    return false;
}

RedisInfo parseRedisInfo(const QByteArray &text)
{
    RedisInfo info;
    const QList<QByteArray> lines = text.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith('#')) {
            info.sections.append(RedisInfoSection{QString::fromUtf8(line.mid(1).trimmed()), {}});
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            ++info.ignoredLines;
            continue;
        }
        if (info.sections.isEmpty())
            info.sections.append(
                RedisInfoSection{}); // a single section asked for comes without its header
        const QString key = QString::fromUtf8(line.left(colon));
        const QString value = QString::fromUtf8(line.mid(colon + 1));
        info.sections.last().entries.append({key, value});

        if (!key.startsWith(u"db"_s) || info.sections.last().name != "Keyspace"_L1)
            continue;
        RedisKeyspace keyspace;
        bool numbered = false;
        const QStringView digits = QStringView(key).mid(2);
        keyspace.database = digits.toInt(&numbered);
        // "db0" only: toInt() would also take "db+1" or "db 1".
        numbered = numbered && std::all_of(digits.begin(), digits.end(),
                                           [](QChar c) { return c >= u'0' && c <= u'9'; });
        bool hasKeys = false;
        for (const QString &field : value.split(u',')) {
            const QString name = field.section(u'=', 0, 0);
            const qint64 number = field.section(u'=', 1).toLongLong();
            if (name == "keys"_L1) {
                keyspace.keys = number;
                hasKeys = true;
            } else if (name == "expires"_L1) {
                keyspace.expires = number;
            } else if (name == "avg_ttl"_L1) {
                keyspace.averageTtlMs = number;
            }
        }
        if (numbered && hasKeys)
            info.keyspace.append(keyspace);
    }
    return info;
}

Threshold defaultRedisMemoryThreshold()
{
    return {u"redis_memory_usage"_s, 80, 95, u"%"_s, Threshold::Direction::Above, {}};
}

RedisThresholds redisThresholds(const Workspace &workspace)
{
    RedisThresholds thresholds;
    thresholds.latency = thresholdFor(workspace, u"response_time"_s, thresholds.latency);
    thresholds.memory = thresholdFor(workspace, u"redis_memory_usage"_s, thresholds.memory);
    for (const Threshold &threshold : workspace.thresholds) {
        if (threshold.metric == "redis_clients"_L1)
            thresholds.clients = threshold;
        else if (threshold.metric == "redis_evictions"_L1)
            thresholds.evictions = threshold;
    }
    return thresholds;
}

QList<CheckValue> redisInfoValues(const RedisInfo &info, const RedisThresholds &thresholds)
{
    QList<CheckValue> values;
    bool usedKnown = false;
    const qint64 used = info.value(u"used_memory"_s).toLongLong(&usedKnown);
    const qint64 maxmemory = info.value(u"maxmemory"_s).toLongLong();
    if (usedKnown && maxmemory > 0) {
        values.append(judged(
            Text::tr("memory used"), tenths(100.0 * double(used) / double(maxmemory)), u"%"_s,
            Text::tr("%1 of %2 (maxmemory)").arg(formatBytes(used), formatBytes(maxmemory)),
            thresholds.memory));
    } else if (usedKnown) {
        // Without maxmemory Redis grows until the kernel stops it: nothing to judge against.
        values.append(judged(Text::tr("memory used"), double(used), u"B"_s,
                             Text::tr("%1, no maxmemory limit").arg(formatBytes(used)),
                             std::nullopt));
    }

    bool known = false;
    const qint64 clients = info.value(u"connected_clients"_s).toLongLong(&known);
    if (known)
        values.append(judged(Text::tr("clients"), double(clients), {}, {}, thresholds.clients));
    const qint64 evicted = info.value(u"evicted_keys"_s).toLongLong(&known);
    if (known)
        values.append(
            judged(Text::tr("evicted keys"), double(evicted), {}, {}, thresholds.evictions));
    const qint64 rejected = info.value(u"rejected_connections"_s).toLongLong(&known);
    if (known)
        values.append(
            judged(Text::tr("rejected connections"), double(rejected), {}, {}, std::nullopt));

    const QString role = info.value(u"role"_s);
    if (role == "master"_L1) {
        const int replicas = info.value(u"connected_slaves"_s).toInt();
        values.append({Text::tr("role"),
                       double(replicas),
                       {},
                       Text::tr("master, %n replica(s) connected", nullptr, replicas),
                       Verdict::Ok,
                       {},
                       {}});
    } else if (role == "slave"_L1 || role == "replica"_L1) {
        const QString link = info.value(u"master_link_status"_s);
        const bool up = link == "up"_L1;
        const QString master =
            endpoint(info.value(u"master_host"_s), quint16(info.value(u"master_port"_s).toUInt()));
        values.append({Text::tr("role"),
                       up ? 1.0 : 0.0,
                       {},
                       up ? Text::tr("replica of %1, link up").arg(master)
                          : Text::tr("replica of %1, link to the master is down").arg(master),
                       up ? Verdict::Ok : Verdict::Critical,
                       {},
                       {}});
    } else if (!role.isEmpty()) {
        values.append({Text::tr("role"), 0, {}, role, Verdict::Ok, {}, {}});
    }

    for (const RedisKeyspace &keyspace : info.keyspace) {
        values.append({Text::tr("keys db%1").arg(keyspace.database),
                       double(keyspace.keys),
                       {},
                       Text::tr("%n key(s), %1 with an expiry", nullptr, int(keyspace.keys))
                           .arg(keyspace.expires),
                       Verdict::Ok,
                       {},
                       {}});
    }
    return values;
}

RedisCheckOptions redisCheckOptions(const RedisInstance &redis, const Workspace &workspace)
{
    RedisCheckOptions options;
    options.host = redis.host;
    options.port = quint16(redis.port);
    options.socketPath = redis.socketPath;
    options.tls = redis.tls;
    options.databaseIndex = redis.databaseIndex;
    options.thresholds = redisThresholds(workspace);
    return options;
}

void RedisCheck::ReaderDeleter::operator()(redisReader *reader) const
{
    redisReaderFree(reader);
}

RedisCheck::RedisCheck(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Text::tr("no answer from redis at %1 within %2")
                 .arg(where(), formatDuration(m_options.timeoutMs)));
    });
}

RedisCheck::~RedisCheck()
{
    abort();
}

QString RedisCheck::where() const
{
    return m_options.socketPath.isEmpty() ? endpoint(m_options.host, m_options.port)
                                          : m_options.socketPath;
}

void RedisCheck::start(const QString &checkId, const RedisCheckOptions &options)
{
    abort();
    m_options = options;
    if (m_options.verifyName.isEmpty())
        m_options.verifyName = options.host;
    m_result = {};
    m_result.checkId = checkId;
    m_result.time = QDateTime::currentDateTimeUtc();
    m_values.clear();
    m_bytesRead = 0;
    m_reader.reset(redisReaderCreate());
    m_elapsed.start();
    m_timeout.start(options.timeoutMs);
    m_starting = true;
    const auto started = qScopeGuard([this] { m_starting = false; });

    if (!options.socketPath.isEmpty()) {
        auto *socket = new QLocalSocket(this);
        m_device = socket;
        connect(socket, &QLocalSocket::connected, this, &RedisCheck::onConnected);
        connect(socket, &QLocalSocket::readyRead, this, &RedisCheck::onReadyRead);
        connect(socket, &QLocalSocket::errorOccurred, this,
                [this, socket](QLocalSocket::LocalSocketError error) {
                    if (error == QLocalSocket::PeerClosedError)
                        fail(Text::tr("redis at %1 closed the connection").arg(where()));
                    else
                        fail(Text::tr("no redis at %1: %2").arg(where(), socket->errorString()));
                });
        socket->connectToServer(options.socketPath);
        return;
    }

    QAbstractSocket *socket = nullptr;
    if (options.tls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificates(options.caCertificates);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        ssl->setSslConfiguration(configuration);
        connect(ssl, &QSslSocket::encrypted, this, &RedisCheck::onConnected);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, &RedisCheck::onConnected);
    }
    m_device = socket;
    connect(socket, &QAbstractSocket::readyRead, this, &RedisCheck::onReadyRead);
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) {
                switch (error) {
                case QAbstractSocket::ConnectionRefusedError:
                    fail(Text::tr("connection refused by redis at %1").arg(where()));
                    break;
                case QAbstractSocket::HostNotFoundError:
                    fail(Text::tr("redis host %1 not found").arg(m_options.host));
                    break;
                case QAbstractSocket::RemoteHostClosedError:
                    fail(Text::tr("redis at %1 closed the connection").arg(where()));
                    break;
                case QAbstractSocket::SslHandshakeFailedError:
                    fail(Text::tr("TLS handshake with redis at %1 failed: %2")
                             .arg(where(), socket->errorString()));
                    break;
                default:
                    fail(Text::tr("redis at %1: %2").arg(where(), socket->errorString()));
                    break;
                }
            });
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->connectToHostEncrypted(options.host, options.port, m_options.verifyName);
    else
        socket->connectToHost(options.host, options.port);
}

void RedisCheck::abort()
{
    ++m_generation;
    release();
}

void RedisCheck::release()
{
    m_timeout.stop();
    if (m_device) {
        QIODevice *device = m_device;
        m_device = nullptr;
        device->disconnect(this);
        if (auto *local = qobject_cast<QLocalSocket *>(device))
            local->abort();
        else if (auto *socket = qobject_cast<QAbstractSocket *>(device))
            socket->abort();
        device->deleteLater();
    }
    m_reader.reset();
}

void RedisCheck::send(Step step, const QList<QByteArray> &arguments)
{
    m_step = step;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    char *command = nullptr;
    const int length =
        redisFormatCommandArgv(&command, int(argv.size()), argv.data(), lengths.data());
    if (length < 0 || !command) {
        fail(Text::tr("out of memory writing a redis command"), Verdict::Unknown);
        return;
    }
    if (step == Step::Ping)
        m_pingClock.start();
    m_device->write(command, length);
    // The buffer may hold the password: cleared before it goes back to the allocator.
    std::fill_n(command, length, '\0');
    redisFreeCommand(command);
}

void RedisCheck::onConnected()
{
    if (!m_device)
        return;
    if (!m_options.password.isEmpty()) {
        QList<QByteArray> arguments{"AUTH"_ba};
        if (!m_options.username.isEmpty())
            arguments.append(m_options.username.toUtf8());
        arguments.append(m_options.password.toUtf8());
        send(Step::Auth, arguments);
    } else if (m_options.databaseIndex != 0) {
        send(Step::Select, {"SELECT"_ba, QByteArray::number(m_options.databaseIndex)});
    } else {
        send(Step::Ping, {"PING"_ba});
    }
}

void RedisCheck::onReadyRead()
{
    while (m_device && m_device->bytesAvailable() > 0) {
        const QByteArray data = m_device->readAll();
        m_bytesRead += data.size();
        if (m_bytesRead > maxAnswerBytes) {
            fail(Text::tr("redis at %1 sent more than %2: not the answer of a Redis server")
                     .arg(where(), formatBytes(maxAnswerBytes)),
                 Verdict::Unknown);
            return;
        }
        redisReaderFeed(m_reader.get(), data.constData(), size_t(data.size()));
        while (m_device) {
            void *reply = nullptr;
            if (redisReaderGetReply(m_reader.get(), &reply) != REDIS_OK) {
                fail(Text::tr("redis at %1 does not speak the Redis protocol: %2")
                         .arg(where(), QString::fromUtf8(m_reader->errstr)),
                     Verdict::Unknown);
                return;
            }
            if (!reply)
                break;
            onReply(*static_cast<redisReply *>(reply));
            freeReplyObject(reply);
        }
    }
}

void RedisCheck::onReply(const redisReply &reply)
{
    const bool isError = reply.type == REDIS_REPLY_ERROR;
    const QString text = QString::fromUtf8(replyText(reply)).left(200);
    switch (m_step) {
    case Step::Auth:
        if (isError && (text.contains(u"without any password configured"_s) ||
                        text.contains(u"no password is set"_s))) {
            // The server lets anyone in: it works, but the workspace expects otherwise.
            m_values.append({Text::tr("authentication"),
                             0,
                             {},
                             Text::tr("a password is configured, but the server asks for none"),
                             Verdict::Warning,
                             {},
                             {}});
        } else if (isError) {
            // The server's text never holds the password: it says which check failed.
            fail(Text::tr("authentication failed for redis at %1: %2").arg(where(), text));
            return;
        }
        if (m_options.databaseIndex != 0)
            send(Step::Select, {"SELECT"_ba, QByteArray::number(m_options.databaseIndex)});
        else
            send(Step::Ping, {"PING"_ba});
        return;
    case Step::Select:
        if (isError) {
            if (text.startsWith(u"NOAUTH"_s))
                fail(Text::tr("authentication failed for redis at %1: it wants a password "
                              "and none is configured")
                         .arg(where()));
            else
                fail(Text::tr("redis at %1 refused database %2: %3")
                         .arg(where())
                         .arg(m_options.databaseIndex)
                         .arg(text));
            return;
        }
        send(Step::Ping, {"PING"_ba});
        return;
    case Step::Ping: {
        const qint64 latency = m_pingClock.elapsed();
        if (isError && text.startsWith(u"NOAUTH"_s)) {
            fail(Text::tr("authentication failed for redis at %1: it wants a password and "
                          "none is configured")
                     .arg(where()));
            return;
        }
        if (isError) {
            // LOADING, MASTERDOWN, BUSY: the server is there and cannot serve.
            fail(Text::tr("redis at %1 answered PING with: %2").arg(where(), text));
            return;
        }
        if (reply.type != REDIS_REPLY_STATUS || text != "PONG"_L1) {
            fail(Text::tr("%1 answered PING with \"%2\", not PONG: not a Redis server?")
                     .arg(where(), text),
                 Verdict::Unknown);
            return;
        }
        const Threshold &threshold = m_options.thresholds.latency;
        m_values.prepend(judged(Text::tr("ping"), double(latency), u"ms"_s, {}, threshold));
        send(Step::Info, {"INFO"_ba, "all"_ba});
        return;
    }
    case Step::Info: {
        CheckResult result = m_result;
        result.values = m_values;
        const RedisInfo info =
            reply.type == REDIS_REPLY_STRING ? parseRedisInfo(replyText(reply)) : RedisInfo{};
        if (isError || !info.isValid()) {
            result.values.append(
                {Text::tr("info"),
                 0,
                 {},
                 isError ? text : Text::tr("the answer to INFO is not a list of key:value lines"),
                 Verdict::Unknown,
                 {},
                 {}});
            result.verdict = Verdict::Unknown;
            result.error = Text::tr("redis at %1 answered PING but no usable INFO: %2")
                               .arg(where(), result.values.constLast().text);
            result.summary = result.error;
            finish(result);
            return;
        }
        result.values.append(redisInfoValues(info, m_options.thresholds));
        result.verdict = Verdict::Ok;
        const CheckValue *worst = nullptr;
        for (const CheckValue &value : std::as_const(result.values)) {
            if (value.verdict != Verdict::Ok &&
                (!worst || worseForExitCode(worst->verdict, value.verdict) == value.verdict))
                worst = &value;
            result.verdict = worseForExitCode(result.verdict, value.verdict);
        }
        result.summary = Text::tr("redis %1 at %2 answered PING in %3")
                             .arg(info.value(u"redis_version"_s), where(),
                                  formatDuration(qint64(result.values.constFirst().value)));
        if (worst) {
            const QString shown = worst->text.isEmpty()
                                      ? u"%1 %2"_s.arg(worst->value).arg(worst->unit).trimmed()
                                      : worst->text;
            result.summary = Text::tr("%1; %2: %3").arg(result.summary, worst->name, shown);
        }
        finish(result);
        return;
    }
    }
}

void RedisCheck::fail(const QString &error, Verdict verdict)
{
    if (!m_device)
        return;
    CheckResult result = m_result;
    result.values = m_values;
    result.verdict = verdict;
    result.error = error;
    result.summary = error;
    finish(result);
}

void RedisCheck::finish(CheckResult result)
{
    result.durationMs = m_elapsed.elapsed();
    release();
    if (m_starting) {
        // A socket may fail inside connectToServer(): the caller still gets the answer later,
        // as from any other run, never from within start().
        QTimer::singleShot(0, this, [this, generation = m_generation, result] {
            if (generation == m_generation)
                Q_EMIT finished(result);
        });
        return;
    }
    Q_EMIT finished(result);
}

} // namespace OpsDeck
