// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/loghighlighter.h"
#include "testfiles.h"

#include <QDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString roleName(LogHighlightRole role)
{
    switch (role) {
    case LogHighlightRole::Timestamp:
        return u"Timestamp"_s;
    case LogHighlightRole::LevelTrace:
        return u"LevelTrace"_s;
    case LogHighlightRole::LevelDebug:
        return u"LevelDebug"_s;
    case LogHighlightRole::LevelInfo:
        return u"LevelInfo"_s;
    case LogHighlightRole::LevelWarning:
        return u"LevelWarning"_s;
    case LogHighlightRole::LevelError:
        return u"LevelError"_s;
    case LogHighlightRole::IpAddress:
        return u"IpAddress"_s;
    case LogHighlightRole::Url:
        return u"Url"_s;
    case LogHighlightRole::QuotedString:
        return u"QuotedString"_s;
    case LogHighlightRole::HttpSuccess:
        return u"HttpSuccess"_s;
    case LogHighlightRole::HttpRedirect:
        return u"HttpRedirect"_s;
    case LogHighlightRole::HttpClientError:
        return u"HttpClientError"_s;
    case LogHighlightRole::HttpServerError:
        return u"HttpServerError"_s;
    case LogHighlightRole::Number:
        return u"Number"_s;
    case LogHighlightRole::Source:
        return u"Source"_s;
    }
    return u"?"_s;
}

// "Role:text | Role:text", in order.
QString describe(const QString &line, const QList<LogHighlightSpan> &spans)
{
    QStringList parts;
    for (const LogHighlightSpan &span : spans)
        parts.append(roleName(span.role) + u':' + line.mid(span.start, span.length));
    return parts.join(u" | "_s);
}

// Sorted, not overlapping, not empty, inside the line.
QString brokenRule(const QString &line, const QList<LogHighlightSpan> &spans)
{
    qsizetype end = 0;
    for (const LogHighlightSpan &span : spans) {
        if (span.length <= 0)
            return u"empty span at %1"_s.arg(span.start);
        if (span.start < end)
            return u"span at %1 overlaps or is out of order"_s.arg(span.start);
        end = span.start + span.length;
        if (end > line.size())
            return u"span at %1 ends past the line"_s.arg(span.start);
    }
    return {};
}

} // namespace

class LogHighlighterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlights_data();
    void highlights();
    void httpStatusByClass_data();
    void httpStatusByClass();
    void spansAreSortedAndDisjointForEverySampleLine();
    void emptyAndHugeLines();
    void offsetsAreInUtf16();
};

void LogHighlighterTest::highlights_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("spans");

    QTest::newRow("syslog") << "syslog-rfc3164"
                            << "Dec  6 08:05:42 vm sshd[7333]: Accepted publickey for root from "
                               "10.0.0.5 port 51234 ssh2: ED25519"
                            << "Timestamp:Dec  6 08:05:42 | Source:sshd[7333] | "
                               "IpAddress:10.0.0.5 | Number:51234";
    QTest::newRow("syslog with PRI and a level in the message")
        << "syslog-rfc3164"
        << "<11>Dec  6 08:05:42 vm kernel: [error] disk sda1 failed"
        << "Number:11 | Timestamp:Dec  6 08:05:42 | Source:kernel | LevelError:error";
    QTest::newRow("rfc5424") << "syslog-rfc5424"
                             << "<165>1 2003-10-11T22:14:15.003Z mymachine app 8710 - - started"
                             << "Number:165 | Number:1 | Timestamp:2003-10-11T22:14:15.003Z | "
                                "Source:app | Number:8710";
    QTest::newRow("access log")
        << "access-log"
        << "127.0.0.1 - - [06/Dec/2026:08:05:16 +0000] \"GET /missing.php HTTP/1.1\" 404 153 "
           "\"https://example.org/page?q=1\" \"curl/7.88.1\""
        << "IpAddress:127.0.0.1 | Timestamp:06/Dec/2026:08:05:16 +0000 | "
           "QuotedString:\"GET /missing.php HTTP/1.1\" | HttpClientError:404 | Number:153 | "
           "Url:https://example.org/page?q=1 | QuotedString:\"curl/7.88.1\"";
    QTest::newRow("access log, IPv6 client")
        << "access-log"
        << "2001:db8::1 - - [06/Dec/2026:09:10:04 +0100] \"GET / HTTP/2.0\" 500 531"
        << "IpAddress:2001:db8::1 | Timestamp:06/Dec/2026:09:10:04 +0100 | "
           "QuotedString:\"GET / HTTP/2.0\" | HttpServerError:500 | Number:531";
    QTest::newRow("json")
        << "json"
        << "{\"level\":\"error\",\"ts\":1714564800.5,\"msg\":\"connect to 10.0.0.1 failed\","
           "\"url\":\"https://x.io/a\",\"n\":42}"
        << "LevelError:\"error\" | Timestamp:1714564800.5 | "
           "QuotedString:\"connect to 10.0.0.1 failed\" | Url:https://x.io/a | Number:42";
    QTest::newRow("journald")
        << "journald-json"
        << "{\"__REALTIME_TIMESTAMP\":\"1765008062123456\",\"PRIORITY\":\"3\","
           "\"SYSLOG_IDENTIFIER\":\"kernel\",\"MESSAGE\":\"I/O error\"}"
        << "Timestamp:\"1765008062123456\" | LevelError:\"3\" | Source:\"kernel\" | "
           "QuotedString:\"I/O error\"";
    QTest::newRow("logfmt") << "logfmt"
                            << "time=2024-05-01T12:00:00Z level=warn msg=\"retry in 250ms\" n=3"
                            << "Timestamp:2024-05-01T12:00:00Z | LevelWarning:warn | "
                               "QuotedString:\"retry in 250ms\" | Number:3";
    QTest::newRow("postgresql")
        << "postgresql"
        << "2026-12-06 08:04:49.529 UTC [4955] ERROR:  duplicate key value violates unique "
           "constraint \"t_pkey\""
        << "Timestamp:2026-12-06 08:04:49.529 UTC | Number:4955 | LevelError:ERROR | "
           "QuotedString:\"t_pkey\"";
    QTest::newRow("postgresql, time in the message")
        << "postgresql"
        << "2026-12-06 08:04:49.274 UTC [4944] LOG:  database system was shut down at "
           "2026-12-06 08:04:49 UTC"
        << "Timestamp:2026-12-06 08:04:49.274 UTC | Number:4944 | LevelInfo:LOG | "
           "Timestamp:2026-12-06 08:04:49 UTC";
    QTest::newRow("apache error")
        << "error-log"
        << "[Sun Dec 06 08:10:05.554321 2026] [authz_core:error] [pid 1240:tid 1402333] "
           "[client 203.0.113.9:51234] AH01630: client denied"
        << "Timestamp:Sun Dec 06 08:10:05.554321 2026 | LevelError:error | Number:1240 | "
           "Number:1402333 | IpAddress:203.0.113.9 | Number:51234";
    QTest::newRow("nginx error")
        << "error-log"
        << "2026/12/06 08:05:16 [warn] 6269#6269: *3 upstream is slow, client: 127.0.0.1"
        << "Timestamp:2026/12/06 08:05:16 | LevelWarning:warn | Number:6269 | Number:6269 | "
           "Number:3 | IpAddress:127.0.0.1";
    QTest::newRow("compose") << "compose"
                             << "web-1  | 2024-05-01T12:00:00.123Z WARN slow"
                             << "Source:web-1 | Timestamp:2024-05-01T12:00:00.123Z | "
                                "LevelWarning:WARN";
    QTest::newRow("every level") << "plain"
                                 << "[trace] [DEBUG] info: NOTICE WARNING [error] CRITICAL fatal:"
                                 << "LevelTrace:trace | LevelDebug:DEBUG | LevelInfo:info | "
                                    "LevelInfo:NOTICE | LevelWarning:WARNING | LevelError:error | "
                                    "LevelError:CRITICAL | LevelError:fatal";
    QTest::newRow("prose levels stay plain") << "plain"
                                             << "an error and a warning were seen"
                                             << "";
    QTest::newRow("addresses, not times or MACs")
        << "plain"
        << "from fe80::1ff:fe23:4567:890a and ::1 at 12:00:00, mac aa:bb:cc:dd:ee:ff, "
           "not 1.2.3.4.5 or 256.1.1.1"
        << "IpAddress:fe80::1ff:fe23:4567:890a | IpAddress:::1 | Timestamp:12:00:00 | "
           "Number:1.2.3.4.5 | Number:256.1.1.1";
    QTest::newRow("numbers, not names")
        << "plain"
        << "took 250ms, sha256 abc, x86_64, 0x7f, v1.2.3, com.example.App2 and 3.5 GiB"
        << "Number:250ms | Number:0x7f | Number:3.5";
    QTest::newRow("quotes") << "plain"
                            << "don't say 'hello' or \"a \\\"b\\\"\" twice"
                            << "QuotedString:'hello' | QuotedString:\"a \\\"b\\\"\"";
    QTest::newRow("unterminated quote") << "plain"
                                        << "say \"hello 42"
                                        << "Number:42";
    QTest::newRow("url punctuation") << "plain"
                                     << "see https://example.org/docs). Then stop."
                                     << "Url:https://example.org/docs";
    QTest::newRow("stack frame") << "iso8601"
                                 << "\tat com.example.App.main(App.java:10)"
                                 << "Number:10";
}

void LogHighlighterTest::highlights()
{
    QFETCH(QString, format);
    QFETCH(QString, line);
    QFETCH(QString, spans);
    const QList<LogHighlightSpan> found = highlightLogLine(line, *logFormatFromId(format));
    QCOMPARE(brokenRule(line, found), QString());
    QCOMPARE(describe(line, found), spans);
}

void LogHighlighterTest::httpStatusByClass_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("role");
    QTest::newRow("200") << 200 << "HttpSuccess";
    QTest::newRow("204") << 204 << "HttpSuccess";
    QTest::newRow("301") << 301 << "HttpRedirect";
    QTest::newRow("304") << 304 << "HttpRedirect";
    QTest::newRow("404") << 404 << "HttpClientError";
    QTest::newRow("499") << 499 << "HttpClientError";
    QTest::newRow("502") << 502 << "HttpServerError";
}

void LogHighlighterTest::httpStatusByClass()
{
    QFETCH(int, status);
    QFETCH(QString, role);
    const QString line =
        u"10.0.0.1 - - [01/May/2024:12:00:00 +0000] \"GET / HTTP/1.1\" %1 12"_s.arg(status);
    const QString described = describe(line, highlightLogLine(line, LogFormat::AccessLog));
    QVERIFY2(described.contains(role + u':' + QString::number(status)), qPrintable(described));
    // In another format a 3-digit number is only a number.
    QVERIFY(!describe(line, highlightLogLine(line, LogFormat::Plain)).contains(role));
}

void LogHighlighterTest::spansAreSortedAndDisjointForEverySampleLine()
{
    const QDir directory(QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/formats"));
    const QStringList files = directory.entryList(QDir::Files);
    QVERIFY(files.size() >= 17);
    int lines = 0;
    int withSpans = 0;
    for (const QString &file : files) {
        const QList<QByteArray> content = readFile(directory.filePath(file)).split('\n');
        for (const QByteArray &bytes : content) {
            const QString line = QString::fromUtf8(bytes);
            for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
                const QList<LogHighlightSpan> spans = highlightLogLine(line, LogFormat(f));
                const QString broken = brokenRule(line, spans);
                QVERIFY2(broken.isEmpty(), qPrintable(file + u": "_s + broken + u"\n"_s + line));
                ++lines;
                withSpans += spans.isEmpty() ? 0 : 1;
            }
        }
    }
    QVERIFY(withSpans > lines / 2);
}

void LogHighlighterTest::emptyAndHugeLines()
{
    for (int f = 0; f <= int(LogFormat::ComposePrefix); ++f) {
        QVERIFY(highlightLogLine(QString(), LogFormat(f)).isEmpty());
        QVERIFY(highlightLogLine(u"\r"_s, LogFormat(f)).isEmpty());
    }
    // A megabyte on one line: coloured as far as a screen shows, quickly.
    const QString huge = u"2024-05-01T12:00:00Z ERROR "_s + u"10.0.0.1 \"q\" 42 "_s.repeated(80000);
    const QList<LogHighlightSpan> spans = highlightLogLine(huge, LogFormat::Iso8601);
    QCOMPARE(brokenRule(huge, spans), QString());
    QVERIFY(!spans.isEmpty());
    QVERIFY(spans.last().start + spans.last().length <= 64 * 1024);
    const QString quotes(1 << 20, u'\'');
    QCOMPARE(brokenRule(quotes, highlightLogLine(quotes, LogFormat::Plain)), QString());
}

void LogHighlighterTest::offsetsAreInUtf16()
{
    // Emoji take two UTF-16 units; "ü" one; spans count QChars, not bytes.
    const QString line = u"2024-05-01T12:00:00Z ERROR Grüße 😀 von 10.0.0.1 \"ä\""_s;
    QCOMPARE(describe(line, highlightLogLine(line, LogFormat::Iso8601)),
             u"Timestamp:2024-05-01T12:00:00Z | LevelError:ERROR | IpAddress:10.0.0.1 | "
             "QuotedString:\"ä\""_s);
}

QTEST_GUILESS_MAIN(LogHighlighterTest)
#include "tst_loghighlighter.moc"
