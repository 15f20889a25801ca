// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logformats.h"
#include "testfiles.h"

#include <QSet>
#include <QTest>

#include <ctime>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString formatsDirectory = QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/formats/");

// The sample files' lines, without their line ends (CR kept: CRLF is a case of its own).
QList<QByteArray> sampleLines(const QString &file)
{
    QList<QByteArray> lines = readFile(formatsDirectory + file).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QList<QByteArrayView> views(const QList<QByteArray> &lines)
{
    return {lines.cbegin(), lines.cend()};
}

// "2024-05-01T12:00:00.123Z" means that instant; without a zone, that local wall-clock time.
QString describeTime(const std::optional<QDateTime> &time, bool asWrittenLocally)
{
    if (!time)
        return {};
    return asWrittenLocally ? time->toLocalTime().toString(Qt::ISODateWithMs)
                            : time->toString(Qt::ISODateWithMs);
}

QString messageOf(QByteArrayView line, const LogFields &fields)
{
    const qsizetype length =
        fields.messageLength < 0 ? line.size() - fields.messageStart : fields.messageLength;
    return QString::fromUtf8(line.sliced(fields.messageStart, length));
}

struct FileCase {
    const char *file;
    const char *format;
};

const FileCase fileFormats[] = {
    {"syslog-rfc3164.log", "syslog-rfc3164"},
    // Debian 12's rsyslog writes RFC 3339 times, then the same host, tag and message.
    {"syslog-rsyslog-iso.log", "syslog-rfc3164"},
    {"syslog-rfc5424.log", "syslog-rfc5424"},
    {"iso8601.log", "iso8601"},
    {"log4j.log", "iso8601"},
    {"python.log", "iso8601"},
    {"nginx-access.log", "access-log"},
    {"apache-access.log", "access-log"},
    {"nginx-error.log", "error-log"},
    {"apache-error.log", "error-log"},
    {"jsonlines.log", "json"},
    {"logfmt.log", "logfmt"},
    {"postgresql-stderr.log", "postgresql"},
    {"postgresql-stderr-prefix.log", "postgresql"},
    {"postgresql.csv", "postgresql-csv"},
    {"java-stacktrace.log", "plain"},
    {"compose.log", "compose"},
    {"journald.json", "journald-json"},
    {"plain.log", "plain"},
};

struct LineCase {
    const char *file;
    int line;         // 1-based
    const char *time; // "": none; ends in Z: UTC; else local wall-clock time
    const char *level;
    const char *message;
    bool continuation;
    const char *source;
};

// Year-less syslog lines are read with 2026.
const LineCase lineCases[] = {
    {"syslog-rfc3164.log", 1, "2026-12-06T08:05:42.000", "NOTICE",
     "Accepted publickey for root from 10.0.0.5 port 51234 ssh2: ED25519 SHA256:x4Zq", false,
     "sshd"},
    {"syslog-rfc3164.log", 2, "2026-12-06T08:05:42.000", "WARNING",
     "alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update", false,
     "sudo"},
    {"syslog-rfc3164.log", 3, "2026-12-06T08:01:02.000", "NONE",
     "Starting apt-daily.service - Daily apt download activities...", false, "systemd"},
    {"syslog-rfc3164.log", 7, "2026-12-06T08:01:05.000", "ERROR",
     "error: kex_exchange_identification: Connection closed by remote host", false, "sshd"},
    {"syslog-rfc3164.log", 8, "2026-12-06T08:01:05.000", "NONE",
     "connect from unknown[198.51.100.23]", false, "postfix/smtpd"},
    {"syslog-rfc3164.log", 10, "2026-12-06T08:01:08.000", "NONE",
     "[1234568.000001] Out of memory: Killed process 4242 (java) total-vm:8123456kB, "
     "anon-rss:4012345kB",
     false, "kernel"},
    {"syslog-rfc3164.log", 12, "2026-12-16T08:01:10.000", "NONE", "New session 42 of user deploy.",
     false, "systemd-logind"},
    // 2026 has no 29 February.
    {"syslog-rfc3164.log", 14, "", "NONE", "Selected source 192.0.2.123 (2.debian.pool.ntp.org)",
     false, "chronyd"},
    {"syslog-rsyslog-iso.log", 1, "2026-12-06T08:01:02.123Z", "NONE",
     "Started session-42.scope - Session 42 of User deploy.", false, "systemd"},
    {"syslog-rsyslog-iso.log", 3, "2026-12-06T08:01:03.000Z", "NONE",
     "[ 1234.567890] usb 1-1: new high-speed USB device number 2 using xhci_hcd", false, "kernel"},
    {"syslog-rsyslog-iso.log", 4, "2026-12-06T08:01:04.100Z", "ERROR",
     "error: maximum authentication attempts exceeded for root from 192.0.2.10 port 40022 ssh2 "
     "[preauth]",
     false, "sshd"},
    {"syslog-rsyslog-iso.log", 5, "2026-12-06T02:31:05.000Z", "NONE",
     "[3-1] LOG:  checkpoint starting: time", false, "postgres"},
    {"syslog-rfc5424.log", 1, "2026-12-06T08:05:42.261Z", "ERROR", "disk full on /var", false,
     "app"},
    {"syslog-rfc5424.log", 2, "2026-12-06T08:05:42.263Z", "INFO", "job started", false, "cron"},
    {"syslog-rfc5424.log", 3, "2026-12-06T08:05:42.265Z", "CRITICAL",
     "Out of memory: Killed process 1234 (java)", false, "kernel"},
    {"syslog-rfc5424.log", 4, "2026-12-06T08:02:00.003Z", "CRITICAL",
     "'su root' failed for alice on /dev/pts/3", false, "su"},
    {"syslog-rfc5424.log", 5, "2026-12-06T08:02:03.000Z", "NOTICE",
     "nightly export finished in 312 s", false, "billing"},
    {"syslog-rfc5424.log", 6, "2026-12-06T08:02:05.000Z", "INFO", "GET /api/orders 200", false,
     "orders"},
    {"syslog-rfc5424.log", 7, "", "INFO", "no time, no host, nothing but a message", false, ""},
    {"iso8601.log", 1, "2024-05-01T12:00:00.123Z", "INFO", "server listening on 0.0.0.0:8080",
     false, ""},
    {"iso8601.log", 2, "2024-05-01T12:00:01.456Z", "WARNING",
     "slow request path=/api/orders duration=2.31s", false, ""},
    {"iso8601.log", 3, "2024-05-01T06:30:02.789Z", "ERROR",
     "failed to connect to db host=10.0.0.12 err=\"dial tcp 10.0.0.12:5432: connect: connection "
     "refused\"",
     false, ""},
    {"iso8601.log", 4, "2024-05-01T12:00:03.000Z", "DEBUG", "cache miss key=user:42", false, ""},
    {"iso8601.log", 5, "2024-05-01T12:00:04.000Z", "ERROR", "request failed", false, ""},
    {"iso8601.log", 6, "", "NONE", "    at handler (/srv/app/handler.js:42:13)", true, ""},
    {"iso8601.log", 8, "2024-05-01T12:00:05.000Z", "INFO", "Starting gunicorn 21.2.0", false, ""},
    {"iso8601.log", 9, "2024-05-01T12:00:06.000Z", "ERROR",
     "my_service::db] connection pool exhausted", false, ""},
    {"iso8601.log", 10, "2024-05-01T10:00:07.123Z", "INFO",
     "12345 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on "
     "port(s): 8080 (http)",
     false, ""},
    {"iso8601.log", 11, "2024-05-01T12:00:08.123", "WARNING", "celery@worker1 ready.", false, ""},
    {"iso8601.log", 12, "2024-05-01T12:00:09.000", "INFO",
     "[o.e.n.Node               ] [node-1] started", false, ""},
    {"iso8601.log", 13, "2024-05-01T12:00:10.000", "NONE",
     "http: TLS handshake error from 192.0.2.44:51514: EOF", false, ""},
    {"iso8601.log", 14, "2024-03-01T07:59:59.999Z", "INFO", "leap day, late evening in California",
     false, ""},
    {"iso8601.log", 15, "2024-05-01T12:00:11.000", "NOTICE", "local time, no zone", false, ""},
    {"log4j.log", 1, "2024-05-01T12:00:00.123", "INFO",
     "com.example.App - Starting App v1.4.2 on web01 with PID 4242", false, ""},
    {"log4j.log", 3, "2024-05-01T12:00:02.789", "ERROR",
     "com.example.web.OrderController - Request failed", false, ""},
    {"log4j.log", 4, "", "NONE", "java.lang.IllegalStateException: Order 1234 has no customer",
     true, ""},
    {"log4j.log", 5, "", "NONE",
     "\tat com.example.service.OrderService.validate(OrderService.java:88)", true, ""},
    {"log4j.log", 8, "", "NONE",
     "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not "
     "available, request timed out after 30000ms.",
     true, ""},
    {"log4j.log", 10, "", "NONE", "\t... 48 more", true, ""},
    {"log4j.log", 12, "2024-05-01T12:00:04.000", "CRITICAL",
     "com.example.Batch - Out of memory, stopping", false, ""},
    {"log4j.log", 13, "2024-05-01T12:00:05.000", "TRACE", "com.example.App - exit", false, ""},
    {"python.log", 1, "2026-12-06T08:19:33.645", "INFO", "Starting worker pid=4242", false, ""},
    {"python.log", 2, "2026-12-06T08:19:33.645", "WARNING",
     "Retrying connection to 10.0.0.12:5432 (attempt 2/5)", false, ""},
    {"python.log", 3, "2026-12-06T08:19:33.645", "ERROR", "Task 17 failed", false, ""},
    {"python.log", 4, "", "NONE", "Traceback (most recent call last):", true, ""},
    {"python.log", 8, "", "NONE", "ZeroDivisionError: division by zero", true, ""},
    {"python.log", 9, "2026-12-06T08:19:33.647", "DEBUG",
     "Starting new HTTPS connection (1): api.example.com:443", false, ""},
    {"python.log", 10, "2026-12-06T08:19:33.647", "CRITICAL", "Giving up after 5 attempts", false,
     ""},
    // A multi-line message: its second line has no time and no level of its own.
    {"python.log", 12, "", "NONE", "second line of it", true, ""},
    {"nginx-access.log", 1, "2026-12-06T08:05:16.000Z", "INFO",
     "\"GET / HTTP/1.1\" 200 3 \"-\" \"curl/7.88.1\"", false, ""},
    {"nginx-access.log", 3, "2026-12-06T08:05:16.000Z", "WARNING",
     "\"GET /missing.php HTTP/1.1\" 404 153 \"-\" \"curl/7.88.1\"", false, ""},
    {"nginx-access.log", 4, "2026-12-06T08:05:16.000Z", "ERROR",
     "\"GET /api/users HTTP/1.1\" 502 157 \"-\" \"curl/7.88.1\"", false, ""},
    {"nginx-access.log", 6, "2026-12-06T08:05:16.000Z", "INFO",
     "\"GET / HTTP/1.1\" 200 3 \"-\" \"curl/7.88.1\"", false, ""},
    {"nginx-access.log", 7, "2026-12-06T08:05:17.000Z", "WARNING",
     "\"GARBAGE\" 400 157 \"-\" \"-\"", false, ""},
    {"nginx-access.log", 10, "2026-12-06T08:05:16.000Z", "WARNING",
     "\"GET /common HTTP/1.1\" 404 153", false, ""},
    {"apache-access.log", 1, "2026-12-06T08:10:01.000Z", "INFO",
     "\"GET /index.html HTTP/1.1\" 200 10701 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) "
     "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\"",
     false, ""},
    {"apache-access.log", 4, "2026-12-06T08:10:04.000Z", "ERROR",
     "\"GET /api/v1/items?id=7 HTTP/2.0\" 500 531 \"-\" \"curl/8.4.0\"", false, ""},
    {"apache-access.log", 5, "2026-12-06T08:10:05.000Z", "INFO",
     "\"GET /favicon.ico HTTP/1.1\" 304 - \"https://www.example.org/\" \"Mozilla/5.0\"", false, ""},
    {"apache-access.log", 6, "2026-12-06T08:10:06.000Z", "INFO",
     "\"GET /search?q=\\\"quoted\\\" HTTP/1.1\" 200 512", false, ""},
    {"apache-access.log", 7, "2026-12-06T08:10:07.000Z", "WARNING", "\"-\" 408 - \"-\" \"-\"",
     false, ""},
    {"nginx-error.log", 1, "2026-12-06T08:05:10.000", "EMERGENCY",
     "unknown log format \"common_fmt\" in /tmp/lfnginx/nginx.conf:13", false, ""},
    {"nginx-error.log", 3, "2026-12-06T08:05:16.000", "NOTICE", "using the \"epoll\" event method",
     false, ""},
    {"nginx-error.log", 11, "2026-12-06T08:05:16.000", "ERROR",
     "*3 open() \"/tmp/lfnginx/html/missing.php\" failed (2: No such file or directory), client: "
     "127.0.0.1, server: , request: \"GET /missing.php HTTP/1.1\", host: \"127.0.0.1:18089\"",
     false, ""},
    {"nginx-error.log", 17, "2026-12-06T08:05:16.000", "INFO",
     "*8 client ::1 closed keepalive connection", false, ""},
    {"apache-error.log", 1, "2026-12-06T08:10:00.123", "NOTICE",
     "AH00489: Apache/2.4.62 (Debian) configured -- resuming normal operations", false, ""},
    {"apache-error.log", 3, "2026-12-06T08:10:05.554", "ERROR",
     "AH01630: client denied by server configuration: /var/www/html/.git", false, ""},
    {"apache-error.log", 4, "2026-12-06T08:10:06.000", "WARNING",
     "PHP Warning:  Undefined variable $user in /var/www/html/index.php on line 12, referer: "
     "https://www.example.org/",
     false, ""},
    {"apache-error.log", 6, "2026-12-06T08:10:08.100", "TRACE",
     "ssl_engine_io.c(2215): [client 192.0.2.10:50000] OpenSSL: Handshake: start", false, ""},
    {"apache-error.log", 7, "2026-12-06T08:10:09.000", "CRITICAL",
     "AH00102: file server.c, line 123, assertion \"x\" failed", false, ""},
    {"apache-error.log", 8, "2026-12-02T10:00:00.000", "ERROR",
     "Apache 2.2 style: client denied by server configuration: /srv/www/private", false, ""},
    {"apache-error.log", 9, "2024-02-29T10:00:00.000", "ERROR", "Apache 2.2 style on a leap day",
     false, ""},
    {"jsonlines.log", 1, "2024-05-01T12:00:00.123Z", "INFO", "server started", false, ""},
    {"jsonlines.log", 2, "2024-05-01T10:00:01.500Z", "ERROR", "payment failed", false, ""},
    {"jsonlines.log", 3, "2024-05-01T12:00:02.123Z", "INFO", "request completed", false, ""},
    // Serilog's compact JSON leaves out the level when it is Information.
    {"jsonlines.log", 4, "2024-05-01T12:00:03.123Z", "INFO", "Processed {@Order} in {Elapsed} ms",
     false, ""},
    {"jsonlines.log", 5, "2024-05-01T12:00:04.000Z", "WARNING", "Disk {Drive} is almost full",
     false, ""},
    {"jsonlines.log", 6, "2024-05-01T12:00:05.000Z", "ERROR", "Index failed", false, ""},
    {"jsonlines.log", 7, "2024-05-01T12:00:06.000Z", "WARNING", "nested ECS level", false, ""},
    {"jsonlines.log", 8, "2024-05-01T12:00:07.123", "DEBUG", "python-json-logger line", false, ""},
    {"jsonlines.log", 9, "2024-05-01T12:00:08.000Z", "ERROR", "Connection lost", false, ""},
    {"jsonlines.log", 10, "2024-05-01T12:00:09.000Z", "CRITICAL", "Cloud Logging style", false, ""},
    {"jsonlines.log", 11, "2024-05-01T12:00:10.000Z", "INFO", "Now listening on: http://[::]:8080",
     false, ""},
    {"jsonlines.log", 12, "2024-05-01T12:00:11.000Z", "WARNING",
     "epoch seconds as a string, \\\"escaped\\\" quotes", false, ""},
    {"jsonlines.log", 13, "2024-05-01T12:00:12.000Z", "TRACE", "nanoseconds", false, ""},
    {"logfmt.log", 1, "2024-05-01T12:00:00.000Z", "INFO", "server started", false, ""},
    {"logfmt.log", 2, "2024-05-01T10:00:01.000Z", "WARNING", "retrying request", false, ""},
    {"logfmt.log", 3, "2024-05-01T12:00:02.000Z", "ERROR", "handler crashed", false, ""},
    {"logfmt.log", 5, "", "ERROR",
     "at=error code=H12 desc=\"Request timeout\" method=GET path=\"/slow\" "
     "host=example.herokuapp.com status=503",
     false, ""},
    {"logfmt.log", 6, "2024-05-01T12:00:05.123Z", "DEBUG", "epoch seconds", false, ""},
    {"logfmt.log", 7, "2024-05-01T12:00:06.210Z", "ERROR", "Request Completed", false, ""},
    {"postgresql-stderr.log", 1, "2026-12-06T08:04:49.254Z", "INFO",
     "starting PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc "
     "(Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit",
     false, ""},
    {"postgresql-stderr.log", 12, "2026-12-06T08:04:49.529Z", "ERROR",
     "duplicate key value violates unique constraint \"t_pkey\"", false, ""},
    {"postgresql-stderr.log", 13, "2026-12-06T08:04:49.529Z", "NONE",
     "Key (id)=(1) already exists.", true, ""},
    {"postgresql-stderr.log", 14, "2026-12-06T08:04:49.529Z", "NONE",
     "insert into t values (1,'b')", true, ""},
    {"postgresql-stderr.log", 28, "2026-12-06T08:04:49.793Z", "NOTICE", "hello", false, ""},
    {"postgresql-stderr.log", 29, "", "NONE", "\tmulti line", true, ""},
    {"postgresql-stderr.log", 30, "2026-12-06T08:04:49.793Z", "NONE",
     "PL/pgSQL function inline_code_block line 1 at RAISE", true, ""},
    {"postgresql-stderr.log", 31, "2026-12-06T08:04:49.793Z", "WARNING", "careful", false, ""},
    {"postgresql-stderr-prefix.log", 6, "2026-12-06T08:04:55.020Z", "INFO",
     "duration: 0.929 ms  statement: select count(*) from t", false, ""},
    {"postgresql-stderr-prefix.log", 7, "2026-12-06T08:04:55.101Z", "ERROR",
     "duplicate key value violates unique constraint \"t_pkey\"", false, ""},
    {"postgresql-stderr-prefix.log", 8, "2026-12-06T08:04:55.101Z", "NONE",
     "Key (id)=(1) already exists.", true, ""},
    {"postgresql-stderr-prefix.log", 17, "2026-12-06T08:04:55.000Z", "INFO",
     "starting PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc "
     "(Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit",
     false, ""},
    {"postgresql-stderr-prefix.log", 21, "2026-12-06T08:04:55.000Z", "DEBUG",
     "checkpoint record is at 0/1524FC0", false, ""},
    {"postgresql.csv", 1, "2026-12-06T08:04:49.254Z", "INFO",
     "starting PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc "
     "(Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit",
     false, ""},
    {"postgresql.csv", 12, "2026-12-06T08:04:49.529Z", "ERROR",
     "duplicate key value violates unique constraint \"\"t_pkey\"\"", false, ""},
    // The message field goes on in the next physical line, which continues the entry.
    {"postgresql.csv", 24, "2026-12-06T08:04:49.793Z", "NOTICE", "hello", false, ""},
    {"postgresql.csv", 25, "", "NONE",
     "multi line\",,,,,\"PL/pgSQL function inline_code_block line 1 at RAISE\",,,,\"psql\","
     "\"client backend\",,0",
     true, ""},
    {"postgresql.csv", 26, "2026-12-06T08:04:49.793Z", "WARNING", "careful", false, ""},
    {"postgresql.csv", 31, "", "NONE",
     "two lines' from nosuch2\",31,,\"psql\",\"client backend\",,0", true, ""},
    {"java-stacktrace.log", 1, "", "INFO",
     "06-Dec-2026 08:10:00.123 INFO [main] org.apache.catalina.startup.Catalina.start Server "
     "startup in [1234] milliseconds",
     false, ""},
    {"java-stacktrace.log", 2, "", "ERROR",
     "06-Dec-2026 08:10:05.456 SEVERE [http-nio-8080-exec-3] "
     "org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet "
     "[dispatcher] threw exception",
     false, ""},
    {"java-stacktrace.log", 3, "", "NONE",
     "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null",
     true, ""},
    {"java-stacktrace.log", 6, "", "NONE", "Caused by: java.lang.IllegalArgumentException: name",
     true, ""},
    {"java-stacktrace.log", 7, "", "NONE", "\t... 12 more", true, ""},
    {"java-stacktrace.log", 8, "", "NONE", "\tSuppressed: java.io.IOException: close failed", true,
     ""},
    {"java-stacktrace.log", 10, "", "NONE",
     "Exception in thread \"main\" java.lang.RuntimeException: boot failed", false, ""},
    {"compose.log", 1, "2024-05-01T12:00:00.123Z", "INFO", "listening on :8080", false, "web-1"},
    {"compose.log", 2, "2024-05-01T12:00:00.456Z", "INFO",
     "database system is ready to accept connections", false, "db-1"},
    {"compose.log", 3, "2024-05-01T12:00:01.500Z", "ERROR", "upstream timeout", false, "web-1"},
    {"compose.log", 5, "", "NONE", "    at handler (/srv/app/handler.js:42:13)", true, "web-1"},
    {"compose.log", 6, "2024-05-01T12:00:03.000Z", "INFO",
     "\"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.4.0\"", false, "nginx-1"},
    {"compose.log", 7, "2024-05-01T12:00:04.000", "WARNING",
     "*1 an upstream response is buffered to a temporary file", false, "nginx-1"},
    {"compose.log", 8, "", "NONE", "1:M 01 May 2024 12:00:05.000 * Ready to accept connections tcp",
     false, "redis-1"},
    {"compose.log", 9, "2024-05-01T12:00:06.000", "ERROR", "Task failed", false, "worker_1"},
    {"compose.log", 11, "2024-05-01T12:00:07.000Z", "NONE", "select * from users", true, "db-1"},
    {"compose.log", 12, "2024-05-01T12:00:08.000Z", "WARNING", "coloured prefix", false, "api-1"},
    {"journald.json", 1, "2025-12-06T08:01:02.123Z", "INFO",
     "Accepted publickey for deploy from 203.0.113.7 port 52144 ssh2: ED25519 "
     "SHA256:2vWq0ZbV3dCqkTj3QfH3mO1W1c1pQm3y0Jm7m7f8aXk",
     false, "ssh.service"},
    {"journald.json", 2, "2025-12-06T08:01:03.000Z", "ERROR",
     "EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory "
     "lblock 0",
     false, "kernel"},
    // A session scope names less than the program that logged.
    {"journald.json", 3, "2025-12-06T08:01:04.500Z", "NOTICE",
     "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart "
     "nginx",
     false, "sudo"},
    {"journald.json", 4, "2025-12-06T08:01:05.000Z", "WARNING",
     "[27,91,51,49,109,119,97,114,110,27,91,48,109,32,110,111,32,100,101,118,105,99,101]", false,
     "pipewire.service"},
    {"journald.json", 5, "2025-12-06T08:01:06.000Z", "DEBUG",
     "DHCPREQUEST for 10.0.2.15 on eth0 to 10.0.2.2 port 67", false, "dhclient"},
    {"journald.json", 6, "2025-12-06T08:01:07.000Z", "CRITICAL",
     "nginx.service: Failed with result 'exit-code'.", false, "systemd"},
    {"plain.log", 1, "", "NONE", "Starting backup of /var/lib/app", false, ""},
    {"plain.log", 2, "", "ERROR",
     "ERROR: could not open file \"/var/lib/app/lock\": Permission denied", false, ""},
    {"plain.log", 3, "", "WARNING", "warning: disk usage at 91%", false, ""},
    {"plain.log", 5, "", "WARNING",
     "[WARN] retrying upload to https://backup.example.org/v1/upload", false, ""},
    {"plain.log", 6, "", "ERROR", "some text with level=error inside", false, ""},
    {"plain.log", 7, "", "NONE", "  continued detail line", true, ""},
    // "error" in prose is no level.
    {"plain.log", 8, "", "NONE", "The connection error was logged and ignored", false, ""},
};

} // namespace

class LogFormatsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detectsEachSampleFile_data();
    void detectsEachSampleFile();
    void readsSampleLines_data();
    void readsSampleLines();
    void everySampleLineParsesUnderEveryFormat_data();
    void everySampleLineParsesUnderEveryFormat();
    void timestampsAreUtc();
    void emptyLines();
    void crlfLineEnds_data();
    void crlfLineEnds();
    void invalidUtf8AndNulBytes();
    void megabyteLines_data();
    void megabyteLines();
    void leapDays();
    void yearlessSyslogTakesTheReferenceYear();
    void timezoneOffsets_data();
    void timezoneOffsets();
    void localTimesUseThisComputersZone();
    void epochTimes_data();
    void epochTimes();
    void oversizedNumbers();
    void foreignLinesGetAFallbackLevel_data();
    void foreignLinesGetAFallbackLevel();
    void continuationsInAnyFormat_data();
    void continuationsInAnyFormat();
    void detectionNeedsAClearMajority_data();
    void detectionNeedsAClearMajority();
    void formatIds();
    void levelIdsAndSpellings_data();
    void levelIdsAndSpellings();
    void levelsAreOrdered();
};

void LogFormatsTest::initTestCase()
{
    // A zone with an offset all year, so reading zone-less times as local time is visible.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QCOMPARE(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::LocalTime).offsetFromUtc(), 19800);
}

void LogFormatsTest::detectsEachSampleFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    for (const FileCase &row : fileFormats)
        QTest::addRow("%s", row.file)
            << QString::fromLatin1(row.file) << QString::fromLatin1(row.format);
}

void LogFormatsTest::detectsEachSampleFile()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    const QList<QByteArray> lines = sampleLines(file);
    QVERIFY2(lines.size() >= 5, qPrintable(file));
    QCOMPARE(logFormatId(detectLogFormat(views(lines))), format);
    // The first lines are enough, as when a file is opened.
    QCOMPARE(logFormatId(detectLogFormat(views(lines.first(5)))), format);
}

void LogFormatsTest::readsSampleLines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("lineNumber");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("continuation");
    QTest::addColumn<QString>("source");
    for (const LineCase &row : lineCases) {
        QTest::addRow("%s:%d", row.file, row.line)
            << QString::fromLatin1(row.file) << row.line << QString::fromLatin1(row.time)
            << QString::fromLatin1(row.level) << QString::fromUtf8(row.message) << row.continuation
            << QString::fromLatin1(row.source);
    }
}

void LogFormatsTest::readsSampleLines()
{
    QFETCH(QString, file);
    QFETCH(int, lineNumber);
    QFETCH(QString, time);
    QFETCH(QString, level);
    QFETCH(QString, message);
    QFETCH(bool, continuation);
    QFETCH(QString, source);
    const QList<QByteArray> lines = sampleLines(file);
    QVERIFY(lineNumber <= lines.size());
    const LogFormat format = detectLogFormat(views(lines));
    const QByteArrayView line = lines.at(lineNumber - 1);
    const LogFields fields = parseLogLine(format, line, 2026);
    QCOMPARE(describeTime(fields.timestamp, !time.endsWith(u'Z')), time);
    QCOMPARE(logLevelId(fields.level), level);
    QCOMPARE(messageOf(line, fields), message);
    QCOMPARE(fields.continuation, continuation);
    QCOMPARE(fields.source, source);
}

void LogFormatsTest::everySampleLineParsesUnderEveryFormat_data()
{
    QTest::addColumn<QString>("file");
    for (const FileCase &row : fileFormats)
        QTest::addRow("%s", row.file) << QString::fromLatin1(row.file);
}

// Reading a line under the wrong format is what a mixed file does: never out of bounds.
void LogFormatsTest::everySampleLineParsesUnderEveryFormat()
{
    QFETCH(QString, file);
    for (const QByteArray &line : sampleLines(file)) {
        for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
            const LogFields fields = parseLogLine(LogFormat(f), line, 2026);
            QVERIFY(fields.messageStart >= 0 && fields.messageStart <= line.size());
            QVERIFY(fields.messageLength >= -1);
            QVERIFY(fields.messageStart + std::max<qsizetype>(fields.messageLength, 0) <=
                    line.size());
            if (fields.timestamp)
                QVERIFY(fields.timestamp->isValid());
        }
    }
}

void LogFormatsTest::timestampsAreUtc()
{
    for (const FileCase &row : fileFormats) {
        const QList<QByteArray> lines = sampleLines(QString::fromLatin1(row.file));
        const LogFormat format = detectLogFormat(views(lines));
        for (const QByteArray &line : lines) {
            const LogFields fields = parseLogLine(format, line, 2026);
            if (fields.timestamp)
                QCOMPARE(fields.timestamp->timeSpec(), Qt::UTC);
        }
    }
}

void LogFormatsTest::emptyLines()
{
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
        for (const QByteArrayView line :
             {QByteArrayView(), QByteArrayView(""), QByteArrayView("\r")}) {
            const LogFields fields = parseLogLine(LogFormat(f), line);
            QVERIFY(!fields.timestamp);
            QCOMPARE(fields.level, LogLevel::None);
            QCOMPARE(fields.messageStart, qsizetype(0));
            QVERIFY(fields.continuation); // a blank line inside an entry stays with it
            QVERIFY(fields.source.isEmpty());
        }
    }
    QCOMPARE(detectLogFormat({}), LogFormat::Plain);
    QCOMPARE(detectLogFormat({QByteArrayView(""), QByteArrayView("")}), LogFormat::Plain);
}

void LogFormatsTest::crlfLineEnds_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("message");
    QTest::newRow("syslog") << "<11>Dec  6 08:01:02 web01 app[7]: disk failed\r"_ba
                            << "2026-12-06T08:01:02.000"
                            << "ERROR"
                            << "disk failed";
    QTest::newRow("json")
        << "{\"level\":\"warn\",\"time\":\"2024-05-01T12:00:00Z\",\"msg\":\"x\"}\r"_ba
        << "2024-05-01T12:00:00.000Z"
        << "WARNING"
        << "x";
    QTest::newRow("access-log")
        << "::1 - - [06/Dec/2026:08:05:16 +0000] \"GET / HTTP/1.1\" 503 0\r"_ba
        << "2026-12-06T08:05:16.000Z"
        << "ERROR"
        << "\"GET / HTTP/1.1\" 503 0";
    QTest::newRow("postgresql-csv")
        << "2026-12-06 08:04:49.700 UTC,,,4959,,6b151721.135f,3,,2026-12-06 08:04:49 UTC,,0,FATAL,"
           "57P01,\"terminating connection\",,,,,,,,,\"\",\"client backend\",,0\r"_ba
        << "2026-12-06T08:04:49.700Z"
        << "CRITICAL"
        << "terminating connection";
    QTest::newRow("logfmt") << "ts=2024-05-01T12:00:00Z level=info msg=done\r"_ba
                            << "2024-05-01T12:00:00.000Z"
                            << "INFO"
                            << "done";
}

void LogFormatsTest::crlfLineEnds()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, time);
    QFETCH(QString, level);
    QFETCH(QString, message);
    const LogFormat format = detectLogFormat({line});
    QVERIFY(format != LogFormat::Plain);
    const LogFields fields = parseLogLine(format, line, 2026);
    QCOMPARE(describeTime(fields.timestamp, !time.endsWith(u'Z')), time);
    QCOMPARE(logLevelId(fields.level), level);
    QCOMPARE(messageOf(QByteArrayView(line).chopped(1), fields), message);
    QVERIFY(!fields.continuation);
}

void LogFormatsTest::invalidUtf8AndNulBytes()
{
    const QByteArray broken = "Dec  6 08:01:02 web01 b\xff\xfeo[1]: bad \xc3\x28 bytes\0here"_ba;
    const LogFields syslog = parseLogLine(LogFormat::Syslog3164, broken, 2026);
    QVERIFY(syslog.timestamp);
    QCOMPARE(syslog.source.size(), qsizetype(4)); // the invalid bytes become replacement characters
    QVERIFY(syslog.source.startsWith(u'b'));
    QVERIFY(messageOf(broken, syslog).startsWith(u"bad "_s));

    const QByteArray nul = "2024-05-01T12:00:00Z \0ERROR\0 zero bytes"_ba;
    const LogFields iso = parseLogLine(LogFormat::Iso8601, nul);
    QVERIFY(iso.timestamp);
    QCOMPARE(iso.level, LogLevel::Error);

    const QByteArray leadingNul = "\0\0\0ERROR: nothing before"_ba;
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
        const LogFields fields = parseLogLine(LogFormat(f), leadingNul);
        QVERIFY(!fields.timestamp);
    }
    const QByteArray json = "{\"level\":\"error\",\"msg\":\"\xff\xff\"}"_ba;
    QCOMPARE(parseLogLine(LogFormat::JsonLines, json).level, LogLevel::Error);
}

void LogFormatsTest::megabyteLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("level");
    const QByteArray megabyte(1 << 20, 'x');
    auto around = [&](QByteArrayView head, QByteArrayView tail = {}) -> QByteArray {
        return head.toByteArray() + megabyte + tail.toByteArray();
    };
    QTest::newRow("syslog") << around("<12>Dec  6 08:01:02 web01 app[7]: ") << "WARNING";
    QTest::newRow("json") << around("{\"level\":\"error\",\"msg\":\"", "\"}") << "ERROR";
    QTest::newRow("json without end") << around("{\"msg\":\"") << "NONE";
    QTest::newRow("iso8601") << around("2024-05-01T12:00:00Z INFO ") << "INFO";
    QTest::newRow("logfmt") << around("level=debug msg=\"") << "DEBUG";
    QTest::newRow("postgresql-csv")
        << around(
               "2026-12-06 08:04:49.700 UTC,,,1,,a.b,3,,2026-12-06 08:04:49 UTC,,0,ERROR,XX000,\"")
        << "ERROR";
    QTest::newRow("plain") << around("ERROR ") << "ERROR";
    QTest::newRow("quotes") << QByteArray(1 << 20, '"') << "NONE";
    QTest::newRow("brackets") << QByteArray(1 << 20, '[') << "NONE";
    QTest::newRow("spaces") << QByteArray(1 << 20, ' ') << "NONE";
}

void LogFormatsTest::megabyteLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, level);
    const LogFormat format = detectLogFormat({line});
    QCOMPARE(logLevelId(parseLogLine(format, line).level), level);
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f)
        parseLogLine(LogFormat(f), line);
}

void LogFormatsTest::leapDays()
{
    const QByteArray syslog = "Feb 29 23:59:59 web01 cron[1]: leap"_ba;
    QCOMPARE(describeTime(parseLogLine(LogFormat::Syslog3164, syslog, 2024).timestamp, true),
             u"2024-02-29T23:59:59.000"_s);
    QVERIFY(!parseLogLine(LogFormat::Syslog3164, syslog, 2023).timestamp);
    QVERIFY(
        !parseLogLine(LogFormat::Iso8601, "2023-02-29T00:00:00Z INFO no such day"_ba).timestamp);
    QCOMPARE(
        describeTime(parseLogLine(LogFormat::Iso8601, "2000-02-29T00:00:00Z INFO x"_ba).timestamp,
                     false),
        u"2000-02-29T00:00:00.000Z"_s);
    QVERIFY(!parseLogLine(LogFormat::Iso8601, "1900-02-29T00:00:00Z INFO x"_ba).timestamp);
    QVERIFY(!parseLogLine(LogFormat::Iso8601, "2024-04-31T00:00:00Z INFO x"_ba).timestamp);
    // A leap second is shown as the second before it.
    QCOMPARE(
        describeTime(parseLogLine(LogFormat::Iso8601, "2016-12-31T23:59:60Z INFO x"_ba).timestamp,
                     false),
        u"2016-12-31T23:59:59.000Z"_s);
}

void LogFormatsTest::yearlessSyslogTakesTheReferenceYear()
{
    const QByteArray line = "Jan  2 03:04:05 web01 cron[1]: job"_ba;
    QCOMPARE(describeTime(parseLogLine(LogFormat::Syslog3164, line, 2019).timestamp, true),
             u"2019-01-02T03:04:05.000"_s);
    QCOMPARE(parseLogLine(LogFormat::Syslog3164, line).timestamp->toLocalTime().date().year(),
             QDate::currentDate().year());
    // A year in the line wins over the reference.
    const QByteArray dated = "2021-01-02T03:04:05+00:00 web01 cron[1]: job"_ba;
    QCOMPARE(describeTime(parseLogLine(LogFormat::Syslog3164, dated, 2019).timestamp, false),
             u"2021-01-02T03:04:05.000Z"_s);
}

void LogFormatsTest::timezoneOffsets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("utc");
    QTest::newRow("+05:30") << "2024-05-01T12:00:00+05:30 ERROR x"_ba
                            << "2024-05-01T06:30:00.000Z";
    QTest::newRow("-0800") << "2024-05-01T12:00:00.5-0800 ERROR x"_ba
                           << "2024-05-01T20:00:00.500Z";
    QTest::newRow("+01") << "2024-05-01T00:30:00+01 ERROR x"_ba
                         << "2024-04-30T23:30:00.000Z";
    QTest::newRow("Z") << "2024-05-01T12:00:00.123456Z ERROR x"_ba
                       << "2024-05-01T12:00:00.123Z";
    QTest::newRow("gunicorn") << "[2024-01-01 00:15:00 +0100] [7] [INFO] x"_ba
                              << "2023-12-31T23:15:00.000Z";
    QTest::newRow("UTC word") << "2024-05-01 12:00:00 UTC INFO x"_ba
                              << "2024-05-01T12:00:00.000Z";
    QTest::newRow("postgresql CEST") << "2024-05-01 12:00:00.250 CEST [7] LOG:  x"_ba
                                     << "2024-05-01T10:00:00.250Z";
    QTest::newRow("postgresql +0530") << "2024-05-01 12:00:00.250 +0530 [7] LOG:  x"_ba
                                      << "2024-05-01T06:30:00.250Z";
    QTest::newRow("access log -0700")
        << "10.0.0.1 - - [01/May/2024:12:00:00 -0700] \"GET / HTTP/1.1\" 200 1"_ba
        << "2024-05-01T19:00:00.000Z";
    QTest::newRow("rfc5424 +05:30") << "<14>1 2024-05-01T12:00:00.000+05:30 h app - - - x"_ba
                                    << "2024-05-01T06:30:00.000Z";
}

void LogFormatsTest::timezoneOffsets()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, utc);
    const LogFormat format = detectLogFormat({line});
    QVERIFY(format != LogFormat::Plain);
    QCOMPARE(describeTime(parseLogLine(format, line).timestamp, false), utc);
}

void LogFormatsTest::localTimesUseThisComputersZone()
{
    // initTestCase put this process in India (+05:30): times without a zone are read there.
    const LogFields fields =
        parseLogLine(LogFormat::Iso8601, "2024-05-01 12:00:00,123 [main] INFO x"_ba);
    QCOMPARE(fields.timestamp->toString(Qt::ISODateWithMs), u"2024-05-01T06:30:00.123Z"_s);
    const LogFields nginx =
        parseLogLine(LogFormat::ErrorLog, "2024/01/01 00:10:00 [crit] 1#1: x"_ba);
    QCOMPARE(nginx.timestamp->toString(Qt::ISODateWithMs), u"2023-12-31T18:40:00.000Z"_s);
    // An abbreviation that names several zones (IST, CST) is read as local time as well.
    const LogFields postgres =
        parseLogLine(LogFormat::PostgresStderr, "2024-05-01 12:00:00.000 IST [7] LOG:  x"_ba);
    QCOMPARE(postgres.timestamp->toString(Qt::ISODateWithMs), u"2024-05-01T06:30:00.000Z"_s);
}

void LogFormatsTest::epochTimes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("utc");
    QTest::newRow("seconds, float") << "{\"ts\":1714564800.5,\"msg\":\"x\"}"_ba
                                    << "2024-05-01T12:00:00.500Z";
    QTest::newRow("seconds") << "{\"time\":1714564800,\"msg\":\"x\"}"_ba
                             << "2024-05-01T12:00:00.000Z";
    QTest::newRow("milliseconds") << "{\"time\":1714564800123,\"msg\":\"x\"}"_ba
                                  << "2024-05-01T12:00:00.123Z";
    QTest::newRow("microseconds") << "{\"ts\":1714564800123456,\"msg\":\"x\"}"_ba
                                  << "2024-05-01T12:00:00.123Z";
    QTest::newRow("nanoseconds") << "{\"ts\":1714564800123456789,\"msg\":\"x\"}"_ba
                                 << "2024-05-01T12:00:00.123Z";
    QTest::newRow("string") << "{\"ts\":\"1714564800.25\",\"msg\":\"x\"}"_ba
                            << "2024-05-01T12:00:00.250Z";
    QTest::newRow("logfmt") << "ts=1714564800.75 level=info msg=x"_ba
                            << "2024-05-01T12:00:00.750Z";
    QTest::newRow("postgresql %n") << "1714564800.125 [7] LOG:  x"_ba
                                   << "2024-05-01T12:00:00.125Z";
    QTest::newRow("journald")
        << "{\"__REALTIME_TIMESTAMP\":\"1714564800999999\",\"PRIORITY\":\"6\",\"MESSAGE\":\"x\"}"_ba
        << "2024-05-01T12:00:00.999Z";
}

void LogFormatsTest::epochTimes()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, utc);
    const LogFormat format = detectLogFormat({line});
    QVERIFY(format != LogFormat::Plain);
    QCOMPARE(describeTime(parseLogLine(format, line).timestamp, false), utc);
}

void LogFormatsTest::oversizedNumbers()
{
    const QByteArray journal = "{\"__REALTIME_TIMESTAMP\":\"123456789012345678901234567890\","
                               "\"PRIORITY\":\"3\",\"MESSAGE\":\"x\"}"_ba;
    const LogFields journalFields = parseLogLine(LogFormat::JournaldJson, journal);
    QVERIFY(!journalFields.timestamp);
    QCOMPARE(journalFields.level, LogLevel::Error);
    QVERIFY(!parseLogLine(LogFormat::JsonLines, "{\"ts\":12345678901234567890123,\"msg\":\"x\"}"_ba)
                 .timestamp);
    QVERIFY(!parseLogLine(LogFormat::JsonLines, "{\"ts\":\"12a34\",\"msg\":\"x\"}"_ba).timestamp);
    // A PRI above 191 is no PRI.
    QCOMPARE(detectLogFormat({"<999>Dec  6 08:01:02 web01 app[1]: x"_ba}), LogFormat::Plain);
    QCOMPARE(parseLogLine(LogFormat::JsonLines, "{\"level\":99999,\"msg\":\"x\"}"_ba).level,
             LogLevel::None);
}

void LogFormatsTest::foreignLinesGetAFallbackLevel_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("level");
    QTest::newRow("bracketed") << "json"
                               << "[ERROR] not JSON at all"_ba
                               << "ERROR";
    QTest::newRow("logfmt pair") << "syslog-rfc3164"
                                 << "ts=now level=warn msg=x"_ba
                                 << "WARNING";
    QTest::newRow("json pair") << "access-log"
                               << "{\"level\":\"debug\",\"x\":1}"_ba
                               << "DEBUG";
    QTest::newRow("json pair, spaced") << "plain"
                                       << "{ \"severity\": \"critical\" }"_ba
                                       << "CRITICAL";
    QTest::newRow("upper-case word") << "json"
                                     << "2024-05-01 main WARN disk almost full"_ba
                                     << "WARNING";
    QTest::newRow("word and colon") << "postgresql"
                                    << "nginx: error: bind() failed"_ba
                                    << "ERROR";
    QTest::newRow("angle brackets") << "logfmt"
                                    << "<crit> raid degraded"_ba
                                    << "CRITICAL";
    QTest::newRow("glibc style") << "json"
                                 << "fatal: not a git repository"_ba
                                 << "CRITICAL";
    QTest::newRow("prose") << "json"
                           << "an error occurred while saving"_ba
                           << "NONE";
    QTest::newRow("too late") << "plain"
                              << "this line is long enough, and then some more words are "
                                 "written, so that the level word comes much too late: ERROR"_ba
                              << "NONE";
    QTest::newRow("log is no level") << "plain"
                                     << "LOG: rotated"_ba
                                     << "NONE";
    QTest::newRow("syslog message") << "syslog-rfc3164"
                                    << "Dec  6 08:01:02 web01 app[1]: [warn] cache cold"_ba
                                    << "WARNING";
    QTest::newRow("iso, level after a name") << "iso8601"
                                             << "2024-05-01T12:00:00Z worker: error: lost"_ba
                                             << "ERROR";
}

void LogFormatsTest::foreignLinesGetAFallbackLevel()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, line);
    QFETCH(QString, level);
    const LogFields fields = parseLogLine(*logFormatFromId(format), line);
    QCOMPARE(logLevelId(fields.level), level);
    QVERIFY(!fields.continuation);
}

void LogFormatsTest::continuationsInAnyFormat_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addRow("java frame") << "\tat com.example.App.main(App.java:10)"_ba;
    QTest::addRow("spaces") << "    at Object.<anonymous> (/srv/index.js:1:1)"_ba;
    QTest::addRow("caused by") << "Caused by: java.io.IOException: broken pipe"_ba;
    QTest::addRow("more") << "... 12 more"_ba;
    QTest::addRow("exception") << "java.lang.IllegalStateException: bad"_ba;
    QTest::addRow("exception alone") << "java.lang.OutOfMemoryError"_ba;
    QTest::addRow("python traceback") << "Traceback (most recent call last):"_ba;
    QTest::addRow("python exception") << "KeyError: 'user'"_ba;
    QTest::addRow("chained") << "During handling of the above exception, another exception "
                                "occurred:"_ba;
    QTest::addRow("go goroutine") << "goroutine 1 [running]:"_ba;
}

void LogFormatsTest::continuationsInAnyFormat()
{
    QFETCH(QByteArray, line);
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
        const LogFields fields = parseLogLine(LogFormat(f), line);
        QVERIFY2(fields.continuation, qPrintable(logFormatId(LogFormat(f))));
        QCOMPARE(fields.level, LogLevel::None);
    }
    // In a compose file, behind the service's prefix.
    const LogFields composed =
        parseLogLine(LogFormat::ComposePrefix, QByteArray("api-1  | "_ba + line));
    QVERIFY(composed.continuation);
    QCOMPARE(composed.source, u"api-1"_s);
    // Continuation lines do not vote.
    QCOMPARE(detectLogFormat({line, line, line, "2024-05-01T12:00:00Z INFO x"_ba}),
             LogFormat::Iso8601);
}

void LogFormatsTest::detectionNeedsAClearMajority_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QString>("format");
    QTest::newRow("one of three") << QList<QByteArray>{"2024-05-01T12:00:00Z INFO x"_ba,
                                                       "plain words"_ba, "more words"_ba}
                                  << "plain";
    QTest::newRow("half") << QList<QByteArray>{"2024-05-01T12:00:00Z INFO x"_ba, "plain words"_ba}
                          << "iso8601";
    QTest::newRow("the larger share wins")
        << QList<QByteArray>{"{\"level\":\"info\",\"msg\":\"a\"}"_ba,
                             "{\"level\":\"info\",\"msg\":\"b\"}"_ba, "level=info msg=c"_ba}
        << "json";
    QTest::newRow("prose with a=b")
        << QList<QByteArray>{"Set a=b and c=d, then restart."_ba} << "plain";
}

void LogFormatsTest::detectionNeedsAClearMajority()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QString, format);
    QCOMPARE(logFormatId(detectLogFormat(views(lines))), format);
}

void LogFormatsTest::formatIds()
{
    QSet<QString> ids;
    QSet<QString> names;
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
        const LogFormat format = LogFormat(f);
        const QString id = logFormatId(format);
        QVERIFY(!id.isEmpty());
        ids.insert(id);
        names.insert(logFormatName(format));
        QCOMPARE(logFormatFromId(id), format);
        QCOMPARE(logFormatFromId(id.toUpper()), format);
    }
    QCOMPARE(ids.size(), qsizetype(LogFormat::ComposePrefix) + 1);
    QCOMPARE(names.size(), qsizetype(LogFormat::ComposePrefix) + 1);
    QCOMPARE(logFormatId(LogFormat::Syslog3164), u"syslog-rfc3164"_s);
    QCOMPARE(logFormatId(LogFormat::JsonLines), u"json"_s);
    QVERIFY(!logFormatFromId(u"syslog"));
    QVERIFY(!logFormatFromId(u""));
}

void LogFormatsTest::levelIdsAndSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("level");
    const QList<std::pair<const char *, const char *>> rows = {
        {"ERROR", "ERROR"},
        {"err", "ERROR"},
        {"Error", "ERROR"},
        {"warn", "WARNING"},
        {"W A R N", ""},
        {"Warning", "WARNING"},
        {"FATAL", "CRITICAL"},
        {"crit", "CRITICAL"},
        {"critical", "CRITICAL"},
        {"3", "ERROR"},
        {"0", "EMERGENCY"},
        {"7", "DEBUG"},
        {"8", ""},
        {"emerg", "EMERGENCY"},
        {"PANIC", "EMERGENCY"},
        {"alert", "ALERT"},
        {"notice", "NOTICE"},
        {"Information", "INFO"},
        {" debug ", "DEBUG"},
        {"DEBUG2", "DEBUG"},
        {"trace5", "TRACE"},
        {"verbose", "TRACE"},
        {"SEVERE", "ERROR"},
        {"none", "NONE"},
        {"eror", "ERROR"},
        {"bogus", ""},
        {"", ""},
    };
    for (const auto &[text, level] : rows)
        QTest::addRow("%s", text) << QString::fromLatin1(text) << QString::fromLatin1(level);
}

void LogFormatsTest::levelIdsAndSpellings()
{
    QFETCH(QString, text);
    QFETCH(QString, level);
    const std::optional<LogLevel> read = logLevelFromText(text);
    QCOMPARE(read ? logLevelId(*read) : QString(), level);
}

void LogFormatsTest::levelsAreOrdered()
{
    QSet<QString> names;
    for (int l = 0; l <= int(LogLevel::Emergency); ++l) {
        const LogLevel level = LogLevel(l);
        QCOMPARE(logLevelFromText(logLevelId(level)), level);
        QVERIFY(!logLevelName(level).isEmpty());
        names.insert(logLevelName(level));
    }
    QCOMPARE(names.size(), qsizetype(LogLevel::Emergency) + 1);
    QVERIFY(LogLevel::Warning < LogLevel::Error);
    QVERIFY(LogLevel::Notice < LogLevel::Warning);
}

QTEST_GUILESS_MAIN(LogFormatsTest)
#include "tst_logformats.moc"
