// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"
#include "models/health/httpcheck.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

class QIODevice;
struct redisReader;
struct redisReply;

namespace OpsDeck {

// One "# Section" of an INFO answer with its key:value lines in the server's order.
struct RedisInfoSection {
    QString name; // "Server", "Memory", "Keyspace"
    QList<QPair<QString, QString>> entries;
};

// One line of the Keyspace section: "db0:keys=1,expires=0,avg_ttl=0".
struct RedisKeyspace {
    int database = 0;
    qint64 keys = 0;
    qint64 expires = 0;
    qint64 averageTtlMs = 0;
};

// What INFO says, read without judging it.
struct RedisInfo {
    QList<RedisInfoSection> sections;
    QList<RedisKeyspace> keyspace;
    int ignoredLines = 0; // lines that are neither "# Section", key:value nor empty

    // False for an answer without a single key:value line: not an INFO answer.
    bool isValid() const { return !sections.isEmpty() && entryCount() > 0; }
    qsizetype entryCount() const;
    // The value of key in any section (INFO keys are unique across sections), or empty.
    QString value(const QString &key) const;
    bool contains(const QString &key) const;
};

// Reads an INFO answer (CRLF or LF lines). Pure, so it is tested on captured answers.
RedisInfo parseRedisInfo(const QByteArray &text);

// "redis_memory_usage": used_memory as a share of maxmemory, warning 80 %, critical 95 %.
Threshold defaultRedisMemoryThreshold();

// The levels a Redis check judges against: the workspace's, or these defaults.
struct RedisThresholds {
    Threshold latency = defaultResponseTimeThreshold(); // "response_time", of PING
    Threshold memory = defaultRedisMemoryThreshold();
    std::optional<Threshold> clients;   // "redis_clients": judged only when the workspace has it
    std::optional<Threshold> evictions; // "redis_evictions": likewise
};
RedisThresholds redisThresholds(const Workspace &workspace);

// The values of an INFO answer: memory used (against maxmemory, when there is one), connected
// clients, evicted keys, rejected connections, role (a replica whose link to its master is down
// is Critical) and the keys of each database. Pure.
QList<CheckValue> redisInfoValues(const RedisInfo &info, const RedisThresholds &thresholds);

struct RedisCheckOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QString socketPath; // a Unix socket: host, port and TLS do not count then
    bool tls = false;
    // Extra certificate authorities to trust (an internal CA); the system ones always count.
    QList<QSslCertificate> caCertificates;
    QString verifyName; // the name the certificate must carry; empty: host
    int databaseIndex = 0;
    // From the keychain, given by the caller: sent to the server only, never logged or shown.
    QString password;
    QString username; // an ACL user; empty: the default user
    int timeoutMs = 10000;
    RedisThresholds thresholds;
};

// The options for a workspace Redis instance with the workspace's thresholds; the caller adds
// the password it read from the keychain.
RedisCheckOptions redisCheckOptions(const RedisInstance &redis, const Workspace &workspace);

// One Redis check: AUTH (with a password), SELECT (another database than 0), PING timed, INFO.
// Asynchronous in the caller's thread, finished() exactly once. The protocol is read with
// hiredis's reader; the connection is Qt's (TCP, TLS or a Unix socket).
class RedisCheck : public QObject
{
    Q_OBJECT
public:
    explicit RedisCheck(QObject *parent = nullptr);
    ~RedisCheck() override;

    void start(const QString &checkId, const RedisCheckOptions &options);
    // Stops a running check; finished() is not emitted.
    void abort();
    bool isRunning() const { return m_device != nullptr; }

Q_SIGNALS:
    void finished(const OpsDeck::CheckResult &result);

private:
    enum class Step { Auth, Select, Ping, Info };
    struct ReaderDeleter {
        void operator()(redisReader *reader) const;
    };

    void onConnected();
    void onReadyRead();
    void send(Step step, const QList<QByteArray> &arguments);
    void onReply(const redisReply &reply);
    void fail(const QString &error, Verdict verdict = Verdict::Critical);
    void finish(CheckResult result);
    void release(); // closes the connection, keeps the generation
    QString where() const;

    QIODevice *m_device = nullptr;
    quint64 m_generation = 0; // abort() changes it: a finished() still queued is dropped
    bool m_starting = false;  // inside start(): finished() must wait for the event loop
    std::unique_ptr<redisReader, ReaderDeleter> m_reader;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_pingClock;
    RedisCheckOptions m_options;
    CheckResult m_result;
    Step m_step = Step::Auth;
    qint64 m_bytesRead = 0;
    QList<CheckValue> m_values; // found on the way (PING, a needless password)
};

} // namespace OpsDeck
