// SPDX-License-Identifier: GPL-3.0-or-later
// Live sources against the real tools on this computer: `podman logs -f` of a running container
// (tests/scripts/podman-fixture.sh), `journalctl -f -o json` over a journal written by
// systemd-journal-remote, and kubectl replayed by tests/scripts/fake-kubectl from a log in its
// --timestamps format (no Kubernetes API server can run here). Each stream is broken once and
// must come back without a line twice.
#include "commandtesting.h"
#include "models/logs/livelogsource.h"
#include "models/remote/hostregistry.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QList<LogLine> allLines(const LogLines &lines)
{
    return lines.lines(0, lines.lineCount());
}

QList<QByteArray> texts(const LogLines &lines)
{
    QList<QByteArray> result;
    for (const LogLine &line : allLines(lines))
        result.append(line.text);
    return result;
}

// The processes whose command line has all of words (each test's own, by a unique name).
QList<qint64> processesWith(const QStringList &words)
{
    QList<qint64> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QStringList arguments =
            QString::fromLocal8Bit(cmdline.readAll()).split(u'\0', Qt::SkipEmptyParts);
        if (std::ranges::all_of(words,
                                [&](const QString &word) { return arguments.contains(word); }))
            found.append(pid);
    }
    return found;
}

struct ProcessResult {
    bool ok = false;
    QByteArray output;
    QByteArray error;
};

ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(10000))
        return {false, {}, process.errorString().toUtf8()};
    process.write(input);
    process.closeWriteChannel();
    result.ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
                process.exitCode() == 0;
    result.output = process.readAllStandardOutput();
    result.error = process.readAllStandardError();
    return result;
}

// Journal export format (systemd's): fields one per line, a blank line after each entry;
// a value that is not text as its name, a newline, a 64-bit little-endian length and the bytes.
QByteArray journalExport(qint64 realtimeUs, qint64 sequence, const QByteArray &unit,
                         const QByteArray &message, bool binary = false)
{
    QByteArray entry = "__REALTIME_TIMESTAMP=" + QByteArray::number(realtimeUs) +
                       "\n__MONOTONIC_TIMESTAMP=" + QByteArray::number(sequence) +
                       "\n_BOOT_ID=0123456789abcdef0123456789abcdef\nPRIORITY=4\n"
                       "SYSLOG_IDENTIFIER=demo\n_PID=4242\n_SYSTEMD_UNIT=" +
                       unit + "\n";
    if (binary) {
        entry += "MESSAGE\n";
        quint64 length = quint64(message.size());
        for (int i = 0; i < 8; ++i, length >>= 8)
            entry += char(length & 0xff);
        entry += message + "\n";
    } else {
        entry += "MESSAGE=" + message + "\n";
    }
    return entry + "\n";
}

} // namespace

class LiveLogToolsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void podmanLogsOfARunningContainer();
    void journalctlFollowsAJournalByCursor();
    void kubectlReplayResumesAtTheSecond();
    void kubectlPreviousEnds();
    void mergedViewOfTwoLiveSources();

private:
    std::unique_ptr<LiveLogSource> makeSource(const LiveLogSpec &spec, LiveLogBuffer *buffer);
    bool writeJournal(const QString &directory, const QByteArray &entries);

    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    QTemporaryDir m_scratch{u"/tmp/opsdeck-livelog-XXXXXX"_s};
};

void LiveLogToolsTest::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setWorkspace(CommandTesting::localWorkspace(u"here"_s));
}

void LiveLogToolsTest::cleanupTestCase()
{
    m_registry.reset();
    m_audited.reset();
}

std::unique_ptr<LiveLogSource> LiveLogToolsTest::makeSource(const LiveLogSpec &spec,
                                                            LiveLogBuffer *buffer)
{
    auto source =
        std::make_unique<LiveLogSource>(spec, &m_audited->runner, [this](const QString &host) {
            return m_registry->executor(host);
        });
    source->setBuffer(buffer, 0);
    source->setReconnectDelays(200, 2000);
    return source;
}

bool LiveLogToolsTest::writeJournal(const QString &directory, const QByteArray &entries)
{
    const ProcessResult written =
        runProcess(u"/lib/systemd/systemd-journal-remote"_s,
                   {u"--output="_s + directory + u"/remote.journal"_s, u"-"_s}, entries);
    if (!written.ok)
        qWarning("systemd-journal-remote: %s", written.error.constData());
    return written.ok;
}

void LiveLogToolsTest::podmanLogsOfARunningContainer()
{
    const QString fixture = m_scratch.filePath(u"podman"_s);
    const QString script = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/podman-fixture.sh");
    const ProcessResult started = runProcess(u"bash"_s, {script, u"start"_s, fixture});
    if (!started.ok)
        QSKIP(qPrintable(u"podman cannot start here: "_s + QString::fromUtf8(started.error)));
    const auto stopFixture = qScopeGuard([&] {
        runProcess(u"bash"_s, {script, u"stop"_s, fixture});
    });
    QString image;
    for (const QByteArray &line : started.output.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        const QByteArray value = line.mid(equals + 1);
        if (key == "IMAGE")
            image = QString::fromUtf8(value);
        else
            qputenv(key.constData(), value); // the runner's commands inherit them
    }
    QVERIFY(!image.isEmpty());

    // A container that says one thing on stderr, then counts on stdout.
    const QString name = u"opsdeck-live-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const ProcessResult run =
        runProcess(u"podman"_s, {u"run"_s, u"-d"_s, u"--name"_s, name, image, u"sh"_s, u"-c"_s,
                                 u"echo 'started on stderr' >&2; i=0; while [ $i -lt 100000 ]; do "
                                 "i=$((i+1)); echo \"out $i\"; sleep 0.05; done"_s});
    if (!run.ok)
        QSKIP(qPrintable(u"podman cannot run a container here: "_s + QString::fromUtf8(run.error)));
    const auto removeContainer = qScopeGuard([&] {
        runProcess(u"podman"_s, {u"rm"_s, u"-f"_s, u"-t"_s, u"0"_s, name});
    });

    LiveLogSpec spec;
    spec.kind = LiveLogSpec::Kind::Podman;
    spec.host = u"here"_s;
    spec.container = name;
    spec.initialLines = 1000;
    LiveLogBuffer buffer({name});
    std::unique_ptr<LiveLogSource> source = makeSource(spec, &buffer);
    source->start();
    QTRY_VERIFY_WITH_TIMEOUT(buffer.lineCount() >= 20, 30000);
    QCOMPARE(source->state(), LiveLogSource::State::Following);

    // Every line has its time; the container's stderr is a line of its log too.
    const QList<LogLine> first = allLines(buffer);
    for (const LogLine &line : first)
        QVERIFY2(line.timestamp.isValid() &&
                     qAbs(line.timestamp.secsTo(QDateTime::currentDateTimeUtc())) < 300,
                 line.text.constData());

    // The follower dies; the counting goes on meanwhile.
    QList<qint64> followers;
    QTRY_VERIFY_WITH_TIMEOUT(
        (followers = processesWith({u"podman"_s, u"logs"_s, name})).size() == 1, 10000);
    QCOMPARE(::kill(pid_t(followers.front()), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 20000);
    const qint64 afterReconnect = buffer.lineCount();
    QTRY_VERIFY_WITH_TIMEOUT(buffer.lineCount() >= afterReconnect + 20, 30000);
    source->stop();

    // stdout in order, every number once and none missing; the stderr line once (conmon reads
    // and stamps each pipe on its own, so where it falls among them is not fixed).
    QList<LogLine> counted;
    QList<LogLine> fromStderr;
    for (const LogLine &line : allLines(buffer))
        (line.text.startsWith("out ") ? counted : fromStderr).append(line);
    for (qsizetype i = 0; i < counted.size(); ++i)
        QCOMPARE(counted[i].text, "out " + QByteArray::number(i + 1));
    QCOMPARE(fromStderr.size(), 1);
    QCOMPARE(fromStderr.front().text, "started on stderr"_ba);
    const std::optional<QList<AuditEntry>> audit = m_audited->entries();
    QVERIFY(audit);
    QStringList commands;
    for (const AuditEntry &entry : *audit)
        commands.append(entry.command);
    QVERIFY2(!commands.filter(u"podman logs -f --timestamps --since "_s).isEmpty(),
             qPrintable(commands.join(u'\n')));
}

void LiveLogToolsTest::journalctlFollowsAJournalByCursor()
{
    const QString journal = m_scratch.filePath(u"journal"_s);
    QVERIFY(QDir().mkpath(journal));
    const qint64 base = QDateTime::currentMSecsSinceEpoch() * 1000;
    QByteArray entries;
    for (int i = 1; i <= 6; ++i) {
        entries += journalExport(base + i, i, "demo.service", "demo " + QByteArray::number(i));
        entries += journalExport(base + i, 100 + i, "other.service", "other");
    }
    QVERIFY(writeJournal(journal, entries));

    LiveLogSpec spec;
    spec.kind = LiveLogSpec::Kind::Journald;
    spec.host = u"here"_s;
    spec.unit = u"demo.service"_s;
    spec.journalDirectory = journal;
    spec.initialLines = 3;
    LiveLogBuffer buffer({u"demo"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(spec, &buffer);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);

    // Kept as JSON of the fields a reader uses, the time from __REALTIME_TIMESTAMP.
    const LogLine line = buffer.lines(0, 1).front();
    const QJsonObject fields = QJsonDocument::fromJson(line.text).object();
    QCOMPARE(fields.value(u"MESSAGE"_s).toString(), u"demo 4"_s);
    QCOMPARE(fields.value(u"PRIORITY"_s).toString(), u"4"_s);
    QCOMPARE(fields.value(u"_SYSTEMD_UNIT"_s).toString(), u"demo.service"_s);
    QVERIFY(!fields.contains(u"__CURSOR"_s));
    QVERIFY(!fields.contains(u"_BOOT_ID"_s));
    QCOMPARE(line.timestamp.toMSecsSinceEpoch(), (base + 4) / 1000);
    QVERIFY(source->resumePoint().cursor.startsWith(u"s="_s));

    // New entries, one of them not UTF-8 (journalctl gives it as bytes).
    QVERIFY(
        writeJournal(journal, journalExport(base + 7, 7, "demo.service", "demo 7") +
                                  journalExport(base + 8, 8, "demo.service", "demo \xff 8", true)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 5, 30000);
    const QJsonObject binary = QJsonDocument::fromJson(buffer.lines(4, 1).front().text).object();
    QCOMPARE(binary.value(u"MESSAGE"_s).toString(), u"demo \uFFFD 8"_s);

    // journalctl dies; what is written meanwhile comes after the last cursor, once.
    QList<qint64> followers;
    QTRY_VERIFY_WITH_TIMEOUT((followers = processesWith({u"journalctl"_s, journal})).size() == 1,
                             10000);
    QCOMPARE(::kill(pid_t(followers.front()), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    QVERIFY(writeJournal(journal, journalExport(base + 9, 9, "demo.service", "demo 9")));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 6, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);
    QVERIFY(writeJournal(journal, journalExport(base + 10, 10, "demo.service", "demo 10")));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 7, 30000);
    QTest::qWait(300);
    QStringList messages;
    for (const QByteArray &text : texts(buffer))
        messages.append(QJsonDocument::fromJson(text).object().value(u"MESSAGE"_s).toString());
    QCOMPARE(messages, (QStringList{u"demo 4"_s, u"demo 5"_s, u"demo 6"_s, u"demo 7"_s,
                                    u"demo \uFFFD 8"_s, u"demo 9"_s, u"demo 10"_s}));
    source->stop();
}

void LiveLogToolsTest::kubectlReplayResumesAtTheSecond()
{
    const QString log = m_scratch.filePath(u"web-7c9f.log"_s);
    const QString calls = m_scratch.filePath(u"kubectl-calls"_s);
    const QString drop = m_scratch.filePath(u"kubectl-drop"_s);
    QVERIFY(QFile::copy(QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/kubectl/web-7c9f.log"), log));
    QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    qputenv("OPSDECK_FAKE_KUBECTL_LOG", QFile::encodeName(log));
    qputenv("OPSDECK_FAKE_KUBECTL_CALLS", QFile::encodeName(calls));
    qputenv("OPSDECK_FAKE_KUBECTL_DROP", QFile::encodeName(drop));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
    const auto restorePath = qScopeGuard([path] { qputenv("PATH", path); });

    LiveLogSpec spec;
    spec.kind = LiveLogSpec::Kind::Kubernetes;
    spec.host = u"here"_s;
    spec.kubeNamespace = u"fileforge"_s;
    spec.container = u"web-7c9f"_s;
    spec.initialLines = 7;
    LiveLogBuffer buffer({u"web"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(spec, &buffer);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 7, 30000);
    QList<QByteArray> expected = {
        R"({"level":"error","ts":1715593293.8122,"msg":"upload failed","file_id":"f_81c3","error":"write tcp 10.42.1.23:8080->10.42.0.9:51422: write: broken pipe"})",
        "goroutine 1184 [running]:",
        "main.(*uploadHandler).ServeHTTP(0xc0001a4000, {0x1b2e7a0, 0xc000476380}, 0xc0004c2100)",
        "\t/src/cmd/server/upload.go:212 +0x4a5",
        "",
        R"(10.42.1.17 - - [13/May/2024:09:41:35 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.28")",
        R"({"level":"info","ts":1715593298.2269,"msg":"request","method":"POST","path":"/api/v1/files","status":201,"duration_ms":48})"};
    QCOMPARE(texts(buffer), expected);
    const QDateTime stackTime = buffer.lines(1, 1).front().timestamp;
    QCOMPARE(stackTime, QDateTime(QDate(2024, 5, 13), QTime(9, 41, 33, 812), Qt::UTC));

    // More in the same second as the last line, one at its very instant.
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write("2024-05-13T09:41:38.227004930Z same instant, other text\n"
               "2024-05-13T09:41:38.900000000Z later in that second\n");
    file.flush();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 9, 30000);
    expected << "same instant, other text"
             << "later in that second";
    QCOMPARE(texts(buffer), expected);

    // The API connection drops. kubectl resumes at the last line's second, which holds lines
    // already shown; those are not shown twice.
    QFile(drop).open(QIODevice::WriteOnly);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    QVERIFY2(source->stateText().contains(u"unexpected EOF"_s), qPrintable(source->stateText()));
    file.write("2024-05-13T09:41:38.900000000Z later in that second\n" // same instant, same text
               "2024-05-13T09:41:39.000000001Z next second\n");
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 11, 30000);
    QTest::qWait(500);
    expected << "later in that second"
             << "next second";
    QCOMPARE(texts(buffer), expected);
    source->stop();

    QFile recorded(calls);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    const QList<QByteArray> invocations = recorded.readAll().trimmed().split('\n');
    QCOMPARE(invocations.size(), 2);
    QCOMPARE(invocations[0], "logs -f --timestamps -n fileforge --tail=7 web-7c9f"_ba);
    QCOMPARE(invocations[1],
             "logs -f --timestamps -n fileforge --since-time=2024-05-13T09:41:38.900000000Z "
             "web-7c9f"_ba);
}

void LiveLogToolsTest::kubectlPreviousEnds()
{
    const QString log = m_scratch.filePath(u"previous.log"_s);
    QVERIFY(QFile::copy(QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/kubectl/web-7c9f.log"), log));
    qputenv("OPSDECK_FAKE_KUBECTL_LOG", QFile::encodeName(log));
    qunsetenv("OPSDECK_FAKE_KUBECTL_CALLS");
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
    const auto restorePath = qScopeGuard([path] { qputenv("PATH", path); });

    LiveLogSpec spec;
    spec.kind = LiveLogSpec::Kind::Kubernetes;
    spec.host = u"here"_s;
    spec.container = u"web-7c9f"_s;
    spec.previous = true;
    spec.initialLines = 2;
    LiveLogBuffer buffer({u"web"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(spec, &buffer);
    QSignalSpy states(source.get(), &LiveLogSource::stateChanged);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Ended, 30000);
    QCOMPARE(buffer.lineCount(), 2);
    QCOMPARE(states.last().at(1).toString(), u"Ended: the log has no more lines"_s);
    QTest::qWait(500); // no reconnect
    QCOMPARE(source->state(), LiveLogSource::State::Ended);
}

void LiveLogToolsTest::mergedViewOfTwoLiveSources()
{
    const QString log = m_scratch.filePath(u"merged-pod.log"_s);
    QVERIFY(QFile::copy(QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/kubectl/web-7c9f.log"), log));
    qputenv("OPSDECK_FAKE_KUBECTL_LOG", QFile::encodeName(log));
    qunsetenv("OPSDECK_FAKE_KUBECTL_CALLS");
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
    const auto restorePath = qScopeGuard([path] { qputenv("PATH", path); });
    const QString file = m_scratch.filePath(u"backup.log"_s);
    QFile written(file);
    QVERIFY(written.open(QIODevice::WriteOnly));
    written.write("2024-05-13T09:41:10Z cron started\n"
                  "2024-05-13T09:41:30Z backup begins\n"
                  "  continued without a time\n"
                  "2024-05-13T09:41:36Z backup done\n");
    written.close();

    LiveLogBuffer buffer({u"web"_s, u"backup"_s});
    buffer.setHoldBackMs(500);
    LiveLogSpec pod;
    pod.kind = LiveLogSpec::Kind::Kubernetes;
    pod.host = u"here"_s;
    pod.container = u"web-7c9f"_s;
    pod.initialLines = 4;
    LiveLogSpec tailed;
    tailed.kind = LiveLogSpec::Kind::File;
    tailed.host = u"here"_s;
    tailed.path = file;
    std::unique_ptr<LiveLogSource> web = makeSource(pod, &buffer);
    std::unique_ptr<LiveLogSource> backup = makeSource(tailed, &buffer);
    backup->setBuffer(&buffer, 1);
    // The coordinator hands parseLogLine in here; the tools' own prefix reader does for the test.
    backup->setTimestampFunction([](QByteArrayView line) -> std::optional<QDateTime> {
        const std::optional<TimestampPrefix> prefix = parseTimestampPrefix(line);
        if (!prefix)
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(prefix->timeNs / 1000000, Qt::UTC);
    });
    web->start();
    backup->start();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 8, 30000);
    QCOMPARE(
        texts(buffer),
        (QList<QByteArray>{
            "2024-05-13T09:41:10Z cron started", "2024-05-13T09:41:30Z backup begins",
            "  continued without a time", "\t/src/cmd/server/upload.go:212 +0x4a5", "",
            R"(10.42.1.17 - - [13/May/2024:09:41:35 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.28")",
            "2024-05-13T09:41:36Z backup done",
            R"({"level":"info","ts":1715593298.2269,"msg":"request","method":"POST","path":"/api/v1/files","status":201,"duration_ms":48})"}));
    QList<int> sources;
    for (const LogLine &line : allLines(buffer))
        sources.append(line.source);
    QCOMPARE(sources, (QList<int>{1, 1, 1, 0, 0, 0, 1, 0}));
    // The continuation line shows no time of its own.
    QVERIFY(!buffer.lines(2, 1).front().timestamp.isValid());
    web->stop();
    backup->stop();
}

QTEST_GUILESS_MAIN(LiveLogToolsTest)
#include "tst_livelogtools.moc"
