// SPDX-License-Identifier: GPL-3.0-or-later
// Live sources without a host: the command each spec becomes (and that the gate judges it
// Read), workspace log sources as specs, timestamp prefixes, the tools' lines and line
// splitting.
#include "models/logs/livelogsource.h"
#include "models/remote/commandrunner.h"

#include <QFile>
#include <QTest>

#include <numeric>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::LiveLogSpec)
Q_DECLARE_METATYPE(OpsDeck::LiveLogResume)

namespace {

LiveLogSpec spec(LiveLogSpec::Kind kind, const QString &target)
{
    LiveLogSpec made;
    made.kind = kind;
    made.host = u"web-1"_s;
    if (kind == LiveLogSpec::Kind::File)
        made.path = target;
    else if (kind == LiveLogSpec::Kind::Journald)
        made.unit = target;
    else
        made.container = target;
    return made;
}

LiveLogResume atOffset(qint64 offset)
{
    LiveLogResume resume;
    resume.fileOffset = offset;
    return resume;
}

LiveLogResume atTime(qint64 timeNs)
{
    LiveLogResume resume;
    resume.timeNs = timeNs;
    return resume;
}

// 2024-05-01T12:00:00Z
constexpr qint64 May1Noon = 1714564800LL * 1000000000LL;

} // namespace

class LiveLogSourceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data();
    void commands();
    void fileProbe();
    void workspaceSources_data();
    void workspaceSources();
    void timestampPrefixes_data();
    void timestampPrefixes();
    void timestampsFormatForSince();
    void toolLines_data();
    void toolLines();
    void journalEntries();
    void capturedOutputParses();
    void tailNotes_data();
    void tailNotes();
    void splitting_data();
    void splitting();
    void splittingCapsEndlessLines();
};

void LiveLogSourceTest::commands_data()
{
    QTest::addColumn<LiveLogSpec>("spec");
    QTest::addColumn<LiveLogResume>("resume");
    QTest::addColumn<QString>("command");

    using Kind = LiveLogSpec::Kind;
    QTest::addRow("file, history")
        << spec(Kind::File, u"/var/log/nginx/access.log"_s) << LiveLogResume{}
        << u"exec tail -n 200 -F -- /var/log/nginx/access.log 2>&1"_s;
    QTest::addRow("file, from a byte") << spec(Kind::File, u"/var/log/app.log"_s) << atOffset(4095)
                                       << u"exec tail -c +4096 -F -- /var/log/app.log 2>&1"_s;
    QTest::addRow("file, from the start") << spec(Kind::File, u"/var/log/app.log"_s) << atOffset(0)
                                          << u"exec tail -c +1 -F -- /var/log/app.log 2>&1"_s;
    QTest::addRow("file name with quote, space and dash")
        << spec(Kind::File, u"-it's here.log"_s) << LiveLogResume{}
        << u"exec tail -n 200 -F -- '-it'\\''s here.log' 2>&1"_s;
    LiveLogSpec noHistory = spec(Kind::File, u"/var/log/syslog"_s);
    noHistory.initialLines = 0;
    noHistory.sudo = true;
    QTest::addRow("file, sudo, no history")
        << noHistory << LiveLogResume{} << u"exec tail -n 0 -F -- /var/log/syslog 2>&1"_s;

    QTest::addRow("docker") << spec(Kind::Docker, u"web"_s) << LiveLogResume{}
                            << u"docker logs -f --timestamps --tail 200 web"_s;
    QTest::addRow("docker, since")
        << spec(Kind::Docker, u"web"_s) << atTime(May1Noon + 123456789)
        << u"docker logs -f --timestamps --since 2024-05-01T12:00:00.123456788Z web"_s;
    QTest::addRow("podman, container name that is shell")
        << spec(Kind::Podman, u"$(rm -rf /)"_s) << LiveLogResume{}
        << u"podman logs -f --timestamps --tail 200 '$(rm -rf /)'"_s;
    LiveLogSpec compose = spec(Kind::Compose, u"api"_s);
    compose.composeFile = u"/srv/shop/compose.yml"_s;
    compose.projectDirectory = u"/srv/shop"_s;
    compose.initialLines = 50;
    QTest::addRow("compose, one service")
        << compose << LiveLogResume{}
        << u"docker compose -f /srv/shop/compose.yml --project-directory /srv/shop logs -f "
           "--timestamps --no-color --tail 50 api"_s;
    QTest::addRow("compose, every service, since")
        << spec(Kind::Compose, QString()) << atTime(May1Noon)
        << u"docker compose logs -f --timestamps --no-color --since "
           "2024-05-01T11:59:59.999999999Z"_s;
    LiveLogSpec pod = spec(Kind::Kubernetes, u"deploy/web"_s);
    pod.kubeNamespace = u"production"_s;
    pod.kubeContainer = u"app"_s;
    QTest::addRow("kubectl") << pod << LiveLogResume{}
                             << u"kubectl logs -f --timestamps -n production -c app '--tail=200' "
                                "deploy/web"_s;
    LiveLogSpec previous = spec(Kind::Kubernetes, u"web-7c9f"_s);
    previous.previous = true;
    QTest::addRow("kubectl, previous, since")
        << previous << atTime(May1Noon + 5)
        << u"kubectl logs -f --timestamps --previous "
           "'--since-time=2024-05-01T12:00:00.000000005Z' web-7c9f"_s;
    QTest::addRow("journal of a unit")
        << spec(Kind::Journald, u"nginx.service"_s) << LiveLogResume{}
        << u"journalctl -f -o json -n 200 -u nginx.service"_s;
    LiveLogSpec journal = spec(Kind::Journald, QString());
    journal.journalDirectory = u"/var/log/journal/remote"_s;
    LiveLogResume cursor;
    cursor.cursor = u"s=0a1b;i=2f;b=9c;m=3;t=5;x=7"_s;
    QTest::addRow("journal, after a cursor") << journal << cursor
                                             << u"journalctl -D /var/log/journal/remote -f -o json "
                                                "'--after-cursor=s=0a1b;i=2f;b=9c;m=3;t=5;x=7'"_s;
}

void LiveLogSourceTest::commands()
{
    QFETCH(LiveLogSpec, spec);
    QFETCH(LiveLogResume, resume);
    QFETCH(QString, command);
    const CommandRequest request = liveLogCommand(spec, resume);
    // A file is followed by a script (tail's notes merged into its output), the rest by argv.
    QCOMPARE(request.argv.isEmpty() ? request.script : composeShellCommand(request), command);
    QCOMPARE(validateRequest(request), QString());
    if (spec.kind == LiveLogSpec::Kind::File) {
        QCOMPARE(composeShellCommand(request),
                 spec.sudo ? u"sudo -n -- sh -c 'env '\\''LC_ALL=C'\\'' sh -s'"_s
                           : u"env 'LC_ALL=C' sh -s"_s);
    }
    const RiskAssessment judged = CommandRunner::assess(request);
    QVERIFY2(judged.risk == Risk::Read, qPrintable(judged.reason));
}

void LiveLogSourceTest::fileProbe()
{
    const CommandRequest probe = liveLogFileProbe(spec(LiveLogSpec::Kind::File, u"/a b.log"_s));
    QCOMPARE(composeShellCommand(probe), u"env 'LC_ALL=C' stat -L -c '%i %s' -- '/a b.log'"_s);
    QVERIFY(CommandRunner::assess(probe).risk == Risk::Read);
    QCOMPARE(parseFileProbe("1835017 4096\n"), (FileIdentity{1835017, 4096}));
    QCOMPARE(parseFileProbe("  12   0 \r\n"), (FileIdentity{12, 0}));
    QVERIFY(!parseFileProbe(""));
    QVERIFY(!parseFileProbe("stat: cannot stat '/x': No such file or directory\n"));
    QVERIFY(!parseFileProbe("12 -4\n"));
    QVERIFY(!parseFileProbe("12 34 56\n"));
}

void LiveLogSourceTest::workspaceSources_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("command"); // empty: refused
    QTest::addColumn<QString>("why");

    QTest::addRow("file") << int(LogSource::Kind::File) << u"/opt/wiki/logs/app.log"_s
                          << u"exec tail -n 200 -F -- /opt/wiki/logs/app.log 2>&1"_s << QString();
    QTest::addRow("glob") << int(LogSource::Kind::File) << u"/var/log/nginx/*.log"_s << QString()
                          << u"is a pattern"_s;
    QTest::addRow("no file") << int(LogSource::Kind::File) << u" "_s << QString()
                             << u"names no file"_s;
    QTest::addRow("journal of a unit")
        << int(LogSource::Kind::Journald) << u"nginx.service"_s
        << u"journalctl -f -o json -n 200 -u nginx.service"_s << QString();
    QTest::addRow("whole journal") << int(LogSource::Kind::Journald) << QString()
                                   << u"journalctl -f -o json -n 200"_s << QString();
    QTest::addRow("docker") << int(LogSource::Kind::Docker) << u"wiki-app-prod"_s
                            << u"docker logs -f --timestamps --tail 200 wiki-app-prod"_s
                            << QString();
    QTest::addRow("podman") << int(LogSource::Kind::Podman) << u"db"_s
                            << u"podman logs -f --timestamps --tail 200 db"_s << QString();
    QTest::addRow("no container") << int(LogSource::Kind::Docker) << QString() << QString()
                                  << u"names no container"_s;
    QTest::addRow("namespace/pod")
        << int(LogSource::Kind::Kubernetes) << u"fileforge/fileforge-backend"_s
        << u"kubectl logs -f --timestamps -n fileforge '--tail=200' fileforge-backend"_s
        << QString();
    QTest::addRow("namespace/type/name")
        << int(LogSource::Kind::Kubernetes) << u"shop/deploy/api"_s
        << u"kubectl logs -f --timestamps -n shop '--tail=200' deploy/api"_s << QString();
    QTest::addRow("pod alone") << int(LogSource::Kind::Kubernetes) << u"web-0"_s
                               << u"kubectl logs -f --timestamps '--tail=200' web-0"_s << QString();
    QTest::addRow("namespace without pod")
        << int(LogSource::Kind::Kubernetes) << u"shop/"_s << QString() << u"names no pod"_s;
}

void LiveLogSourceTest::workspaceSources()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QString, command);
    QFETCH(QString, why);
    LogSource source;
    source.name = u"application"_s;
    source.kind = LogSource::Kind(kind);
    source.target = target;
    QString whyNot;
    const std::optional<LiveLogSpec> made = liveLogSpecFor(u"web-1"_s, source, &whyNot);
    if (command.isEmpty()) {
        QVERIFY(!made);
        QVERIFY2(whyNot.contains(why) && whyNot.contains(u"application"_s), qPrintable(whyNot));
        return;
    }
    QVERIFY2(made, qPrintable(whyNot));
    QCOMPARE(made->host, u"web-1"_s);
    QCOMPARE(made->name, u"application"_s);
    const CommandRequest request = liveLogCommand(*made);
    QCOMPARE(request.argv.isEmpty() ? request.script : composeShellCommand(request), command);
}

void LiveLogSourceTest::timestampPrefixes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("timeNs"); // LiveLine::NoTime: not a prefix
    QTest::addColumn<int>("length");

    QTest::addRow("docker, nine digits")
        << "2024-05-01T12:00:00.123456789Z GET /health 200"_ba << May1Noon + 123456789 << 31;
    QTest::addRow("kubernetes, trimmed fraction")
        << "2024-05-01T12:00:00.5Z message"_ba << May1Noon + 500000000 << 23;
    QTest::addRow("no fraction") << "2024-05-01T12:00:00Z x"_ba << May1Noon << 21;
    QTest::addRow("offset east") << "2024-05-01T14:00:00.000000001+02:00 x"_ba << May1Noon + 1
                                 << 36;
    QTest::addRow("offset west, no colon") << "2024-05-01T07:30:00-0430 x"_ba << May1Noon << 25;
    QTest::addRow("more than nine digits")
        << "2024-05-01T12:00:00.1234567891Z x"_ba << May1Noon + 123456789 << 32;
    QTest::addRow("empty message") << "2024-05-01T12:00:00.000000000Z"_ba << May1Noon << 30;
    QTest::addRow("leap day") << "2024-02-29T00:00:00Z x"_ba << qint64(1709164800) * 1000000000
                              << 21;
    QTest::addRow("before 1970") << "1969-12-31T23:59:59.5Z x"_ba << qint64(-500000000) << 23;
    const qint64 none = LiveLine::NoTime;
    QTest::addRow("plain text") << "GET /health 200"_ba << none << 0;
    QTest::addRow("no zone") << "2024-05-01T12:00:00.123 x"_ba << none << 0;
    QTest::addRow("space instead of T") << "2024-05-01 12:00:00Z x"_ba << none << 0;
    QTest::addRow("31 February") << "2024-02-31T12:00:00Z x"_ba << none << 0;
    QTest::addRow("hour 24") << "2024-05-01T24:00:00Z x"_ba << none << 0;
    QTest::addRow("empty fraction") << "2024-05-01T12:00:00.Z x"_ba << none << 0;
    QTest::addRow("no space after") << "2024-05-01T12:00:00Zx"_ba << none << 0;
    QTest::addRow("cut short") << "2024-05-01T12:0"_ba << none << 0;
    QTest::addRow("empty") << QByteArray() << none << 0;
}

void LiveLogSourceTest::timestampPrefixes()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, timeNs);
    QFETCH(int, length);
    const std::optional<TimestampPrefix> prefix = parseTimestampPrefix(text);
    if (timeNs == LiveLine::NoTime) {
        QVERIFY(!prefix);
        return;
    }
    QVERIFY(prefix);
    QCOMPARE(prefix->timeNs, timeNs);
    QCOMPARE(prefix->length, length);
}

void LiveLogSourceTest::timestampsFormatForSince()
{
    QCOMPARE(formatTimestamp(May1Noon + 123456789), u"2024-05-01T12:00:00.123456789Z"_s);
    QCOMPARE(formatTimestamp(-1), u"1969-12-31T23:59:59.999999999Z"_s);
    for (const qint64 time : {May1Noon, May1Noon + 1, May1Noon + 999999999, qint64(0)}) {
        const QByteArray text = formatTimestamp(time).toUtf8();
        const std::optional<TimestampPrefix> back = parseTimestampPrefix(text);
        QVERIFY(back);
        QCOMPARE(back->timeNs, time);
    }
}

void LiveLogSourceTest::toolLines_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<qint64>("timeNs");

    using Kind = LiveLogSpec::Kind;
    const qint64 none = LiveLine::NoTime;
    QTest::addRow("docker") << int(Kind::Docker)
                            << "2024-05-01T12:00:00.000000007Z listening on :8080"_ba
                            << "listening on :8080"_ba << May1Noon + 7;
    QTest::addRow("docker, the daemon speaking")
        << int(Kind::Docker) << "Error response from daemon: No such container: web"_ba
        << "Error response from daemon: No such container: web"_ba << none;
    QTest::addRow("kubectl") << int(Kind::Kubernetes)
                             << "2024-05-01T12:00:00.000000000Z   indented"_ba
                             << "  indented"_ba << May1Noon;
    QTest::addRow("podman, timestamp-like message")
        << int(Kind::Podman) << "2024-05-01T12:00:00.000000000Z 2023-01-01T00:00:00Z old"_ba
        << "2023-01-01T00:00:00Z old"_ba << May1Noon;
    QTest::addRow("compose") << int(Kind::Compose)
                             << "api-1  | 2024-05-01T12:00:00.000000001Z ready | ok"_ba
                             << "api-1  | ready | ok"_ba << May1Noon + 1;
    QTest::addRow("compose without prefix")
        << int(Kind::Compose) << "2024-05-01T12:00:00.000000001Z ready"_ba
        << "ready"_ba << May1Noon + 1;
    QTest::addRow("compose, no time") << int(Kind::Compose) << "api-1 exited with code 0"_ba
                                      << "api-1 exited with code 0"_ba << none;
    QTest::addRow("file keeps its text") << int(Kind::File) << "2024-05-01T12:00:00Z keep me"_ba
                                         << "2024-05-01T12:00:00Z keep me"_ba << none;
}

void LiveLogSourceTest::toolLines()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, line);
    QFETCH(qint64, timeNs);
    const ParsedLiveLine parsed = parseLiveLine(LiveLogSpec::Kind(kind), text);
    QCOMPARE(parsed.line.text, line);
    QCOMPARE(parsed.line.timeNs, timeNs);
    QVERIFY(parsed.isLogLine);
}

void LiveLogSourceTest::journalEntries()
{
    // As `journalctl -o json` writes them (systemd 252): every value a string, a MESSAGE that
    // is not UTF-8 as an array of bytes.
    const QByteArray entry =
        R"({"__CURSOR":"s=46aa;i=2;b=0123;m=2;t=661f;x=3833","__REALTIME_TIMESTAMP":"1714564800123456",)"
        R"("__MONOTONIC_TIMESTAMP":"2","_BOOT_ID":"0123456789abcdef0123456789abcdef","PRIORITY":"3",)"
        R"("SYSLOG_IDENTIFIER":"nginx","_PID":"812","_SYSTEMD_UNIT":"nginx.service",)"
        R"("_HOSTNAME":"web-1","MESSAGE":"upstream timed out"})"_ba;
    const ParsedLiveLine parsed = parseLiveLine(LiveLogSpec::Kind::Journald, entry);
    QVERIFY(parsed.isLogLine);
    QCOMPARE(parsed.cursor, "s=46aa;i=2;b=0123;m=2;t=661f;x=3833"_ba);
    QCOMPARE(parsed.line.timeNs, May1Noon + 123456000);
    QCOMPARE(
        parsed.line.text,
        R"({"MESSAGE":"upstream timed out","PRIORITY":"3","SYSLOG_IDENTIFIER":"nginx",)"
        R"("_PID":"812","_SYSTEMD_UNIT":"nginx.service","__REALTIME_TIMESTAMP":"1714564800123456"})"_ba);

    const ParsedLiveLine binary = parseLiveLine(
        LiveLogSpec::Kind::Journald,
        R"({"__REALTIME_TIMESTAMP":"1714564800000000","MESSAGE":[104,105,255,10],"PRIORITY":null})"_ba);
    QCOMPARE(
        binary.line.text,
        "{\"MESSAGE\":\"hi\xEF\xBF\xBD\\n\",\"__REALTIME_TIMESTAMP\":\"1714564800000000\"}"_ba);
    QCOMPARE(binary.line.timeNs, May1Noon);

    const ParsedLiveLine notJson =
        parseLiveLine(LiveLogSpec::Kind::Journald, "-- No entries --"_ba);
    QVERIFY(!notJson.isLogLine);
    QVERIFY(!notJson.line.hasTime());
}

void LiveLogSourceTest::tailNotes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("start");
    QTest::addColumn<bool>("restarts");

    // GNU coreutils 9.1 with LC_ALL=C, as `tail -F ... 2>&1` interleaves them.
    QTest::addRow("replaced") << "tail: 'app.log' has been replaced;  following new file"_ba << 0
                              << true;
    QTest::addRow("appeared") << "tail: 'app.log' has appeared;  following new file"_ba << 0
                              << true;
    QTest::addRow("truncated") << "tail: app.log: file truncated"_ba << 0 << true;
    QTest::addRow("inaccessible")
        << "tail: 'app.log' has become inaccessible: No such file or directory"_ba << 0 << false;
    QTest::addRow("missing at start")
        << "tail: cannot open '/var/log/x' for reading: No such file or directory"_ba << 0 << false;
    QTest::addRow("after an unfinished line")
        << "last words without endtail: 'app.log' has been replaced;  following new file"_ba << 22
        << true;
    QTest::addRow("a line of the log") << "GET /tail: 200"_ba << -1 << false;
    QTest::addRow("log line quoting tail")
        << "tail is fine, nothing truncated here"_ba << -1 << false;
}

void LiveLogSourceTest::tailNotes()
{
    QFETCH(QByteArray, line);
    QFETCH(int, start);
    QFETCH(bool, restarts);
    QCOMPARE(tailNoteStart(line), start);
    if (start >= 0)
        QCOMPARE(tailNoteRestartsFile(QByteArrayView(line).sliced(start)), restarts);
}

void LiveLogSourceTest::capturedOutputParses()
{
    const auto readLines = [](const QString &name) {
        QFile file(QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/live/") + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        LineSplitter splitter;
        return splitter.feed(file.readAll());
    };

    const QList<QByteArray> podman = readLines(u"podman.log"_s);
    QList<QByteArray> texts;
    for (const QByteArray &line : podman) {
        const ParsedLiveLine parsed = parseLiveLine(LiveLogSpec::Kind::Podman, line);
        QVERIFY2(parsed.line.hasTime(), line.constData());
        texts.append(parsed.line.text);
    }
    QCOMPARE(texts, (QList<QByteArray>{"listening on :8080", "no newline at the end", "",
                                       "  indented\ttab", "warning: cache cold", "err again"}));

    const QList<QByteArray> journal = readLines(u"journal.json"_s);
    QCOMPARE(journal.size(), 4);
    QByteArray lastCursor;
    for (const QByteArray &line : journal) {
        const ParsedLiveLine parsed = parseLiveLine(LiveLogSpec::Kind::Journald, line);
        QVERIFY(parsed.isLogLine && parsed.line.hasTime());
        QVERIFY(parsed.cursor.startsWith("s=") && parsed.cursor != lastCursor);
        lastCursor = parsed.cursor;
        QVERIFY(!parsed.line.text.contains("_BOOT_ID"));
    }
    QVERIFY(parseLiveLine(LiveLogSpec::Kind::Journald, journal[2])
                .line.text.contains("\"MESSAGE\":\"bad byte \xEF\xBF\xBD in request line\""));

    // tail's notes as they come among the file's lines.
    QList<qsizetype> notes;
    QList<bool> restarts;
    for (const QByteArray &line : readLines(u"tail-notes.txt"_s)) {
        const qsizetype start = tailNoteStart(line);
        notes.append(start);
        restarts.append(start >= 0 && tailNoteRestartsFile(QByteArrayView(line).sliced(start)));
    }
    QCOMPARE(notes, (QList<qsizetype>{-1, -1, -1, 10, 0, -1, 0, -1}));
    QCOMPARE(restarts, (QList<bool>{false, false, false, false, true, false, true, false}));
}

void LiveLogSourceTest::splitting_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QByteArray>("rest");

    using Chunks = QList<QByteArray>;
    QTest::addRow("one chunk") << Chunks{"a\nb\n"} << Chunks{"a", "b"} << QByteArray();
    QTest::addRow("CRLF") << Chunks{"a\r\nb\r\n"} << Chunks{"a", "b"} << QByteArray();
    QTest::addRow("CR and LF in two chunks")
        << Chunks{"a\r", "\nb"} << Chunks{"a"} << QByteArray("b");
    QTest::addRow("CR alone stays") << Chunks{"a\rb\n"} << Chunks{"a\rb"} << QByteArray();
    QTest::addRow("unfinished last line") << Chunks{"first\nsec", "ond\nthi", "rd"}
                                          << Chunks{"first", "second"} << QByteArray("third");
    QTest::addRow("unfinished line ending in CR")
        << Chunks{"a\nb\r"} << Chunks{"a"} << QByteArray("b");
    QTest::addRow("empty lines") << Chunks{"\n\n", "\r\n"} << Chunks{"", "", ""} << QByteArray();
    QTest::addRow("byte by byte") << Chunks{"x", "\r", "\n", "y", "\n"} << Chunks{"x", "y"}
                                  << QByteArray();
    QTest::addRow("empty chunks") << Chunks{"", "a", "", "\n", ""} << Chunks{"a"} << QByteArray();
    QTest::addRow("not UTF-8") << Chunks{"\xff\xfe\n\x00z\n"_ba} << Chunks{"\xff\xfe", "\x00z"_ba}
                               << QByteArray();
    QTest::addRow("no line end at all") << Chunks{"abc", "def"} << Chunks{} << QByteArray("abcdef");
}

void LiveLogSourceTest::splitting()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QByteArray, rest);
    LineSplitter splitter;
    QList<QByteArray> got;
    QList<qsizetype> rawLengths;
    for (const QByteArray &chunk : chunks)
        got += splitter.feed(chunk, &rawLengths);
    QCOMPARE(got, lines);
    // The lengths in the stream add up to everything but the unfinished rest.
    QCOMPARE(rawLengths.size(), lines.size());
    const qsizetype total = std::accumulate(rawLengths.begin(), rawLengths.end(), qsizetype(0));
    QCOMPARE(total + splitter.pendingBytes(), chunks.join().size());
    QCOMPARE(splitter.pendingBytes() >= rest.size(), true);
    QCOMPARE(splitter.takeRest(), rest);
    QCOMPARE(splitter.pendingBytes(), 0);
}

void LiveLogSourceTest::splittingCapsEndlessLines()
{
    LineSplitter splitter;
    const QByteArray block(1024 * 1024, 'x');
    QList<QByteArray> got;
    for (int i = 0; i < 5; ++i)
        got += splitter.feed(block);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].size(), LineSplitter::MaximumLineBytes);
    QCOMPARE(splitter.pendingBytes(), 1024 * 1024);
    got = splitter.feed("tail\n");
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].size(), 1024 * 1024 + 4);
    QVERIFY(got[0].endsWith("xtail"));
}

QTEST_GUILESS_MAIN(LiveLogSourceTest)
#include "tst_livelogsource.moc"
