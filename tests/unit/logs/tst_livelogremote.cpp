// SPDX-License-Identifier: GPL-3.0-or-later
// A log file followed on a real sshd (tests/scripts/sshd-fixture.sh): lines appended on the
// host arrive, the connection and the tail process are killed and the source picks up where
// it stopped without a line twice, through a rotation too; pause holds lines; and a remote log
// is copied over SFTP into a private cache file with progress and cancel.
#include "commandtesting.h"
#include "models/logs/livelogsource.h"
#include "models/logs/remotelogdownload.h"
#include "models/remote/hostregistry.h"
#include "models/remote/sshexecutor.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QList<QByteArray> texts(const LogLines &lines)
{
    QList<QByteArray> result;
    for (const LogLine &line : lines.lines(0, lines.lineCount()))
        result.append(line.text);
    return result;
}

QList<QByteArray> numbered(const QByteArray &prefix, int first, int last)
{
    QList<QByteArray> result;
    for (int i = first; i <= last; ++i)
        result.append(prefix + QByteArray::number(i).rightJustified(4, '0'));
    return result;
}

bool appendLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    for (const QByteArray &line : lines)
        file.write(line + '\n');
    return file.flush();
}

// The processes (by pid) whose command line has all of words: the test's own remote tail,
// found by its unique file path.
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
        const QString arguments = QString::fromLocal8Bit(cmdline.readAll()).replace(u'\0', u' ');
        if (std::ranges::all_of(words,
                                [&](const QString &word) { return arguments.contains(word); }))
            found.append(pid);
    }
    return found;
}

} // namespace

class LiveLogRemoteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void followsAcrossDropsAndRotationWithoutDuplicates();
    void pauseHoldsLinesUntilResume();
    void startsWhileTheHostIsDown();
    void historyOfABigFileStartsAtALine();
    void downloadsIntoAPrivateCacheFile();
    void downloadCanBeCancelled();
    void downloadSaysWhatIsMissing();

private:
    std::unique_ptr<LiveLogSource> makeSource(const QString &path, LiveLogBuffer *buffer);
    SshExecutor *sshExecutor() const
    {
        return qobject_cast<SshExecutor *>(m_registry->executor(u"fixture"_s));
    }

    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    QString m_work; // on the host, written by the test directly (same machine)
};

void LiveLogRemoteTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    const QByteArray text = QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                                    m_sshd->workspaceHost(u"fixture"_s))
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);

    m_work = m_sshd->value(u"WORKDIR"_s) + u"/live"_s;
    QDir(m_work).removeRecursively();
    QVERIFY(QDir().mkpath(m_work));
    QVERIFY(QFile::setPermissions(m_work, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup));
}

void LiveLogRemoteTest::cleanupTestCase()
{
    m_registry.reset();
    m_audited.reset();
    m_sshd.reset();
}

std::unique_ptr<LiveLogSource> LiveLogRemoteTest::makeSource(const QString &path,
                                                             LiveLogBuffer *buffer)
{
    LiveLogSpec spec;
    spec.kind = LiveLogSpec::Kind::File;
    spec.host = u"fixture"_s;
    spec.name = u"app"_s;
    spec.path = path;
    spec.initialLines = 100;
    auto source =
        std::make_unique<LiveLogSource>(spec, &m_audited->runner, [this](const QString &host) {
            return m_registry->executor(host);
        });
    source->setBuffer(buffer, 0);
    source->setReconnectDelays(200, 2000);
    return source;
}

void LiveLogRemoteTest::followsAcrossDropsAndRotationWithoutDuplicates()
{
    const QString path = m_work + u"/app one's.log"_s; // quoting on the way, too
    QVERIFY(appendLines(path, numbered("line ", 1, 500)));
    LiveLogBuffer buffer({u"app"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(path, &buffer);
    QSignalSpy states(source.get(), &LiveLogSource::stateChanged);
    source->start();
    QCOMPARE(source->state(), LiveLogSource::State::Connecting);

    // The last 100 lines first, then what is appended.
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 100, 30000);
    QCOMPARE(texts(buffer), numbered("line ", 401, 500));
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);
    QVERIFY(appendLines(path, numbered("line ", 501, 520)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 120, 20000);

    // The server goes away with its sessions; lines are written while it is down.
    QVERIFY2(m_sshd->run({u"stop"_s, m_sshd->directory()}), qPrintable(m_sshd->error()));
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    QVERIFY2(source->stateText().startsWith(u"Reconnecting in "_s),
             qPrintable(source->stateText()));
    QVERIFY(appendLines(path, numbered("line ", 521, 540)));
    QVERIFY2(m_sshd->run(
                 {u"start"_s, m_sshd->directory(), u"--port"_s, QString::number(m_sshd->port())}),
             qPrintable(m_sshd->error()));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 140, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);
    QVERIFY(appendLines(path, numbered("line ", 541, 550)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 150, 20000);
    QCOMPARE(texts(buffer), numbered("line ", 401, 550));

    // The tail process itself dies; a line without its end is re-read whole afterwards.
    QList<qint64> tails;
    QTRY_VERIFY_WITH_TIMEOUT((tails = processesWith({u"tail"_s, u"-F"_s, path})).size() == 1,
                             10000);
    QVERIFY(appendLines(path, {"line 0551"}));
    QFile unfinished(path);
    QVERIFY(unfinished.open(QIODevice::WriteOnly | QIODevice::Append));
    unfinished.write("line 05");
    unfinished.flush();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 151, 20000);
    QCOMPARE(::kill(pid_t(tails.front()), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    unfinished.write("52\n");
    unfinished.close();
    QVERIFY(appendLines(path, numbered("line ", 553, 560)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 160, 30000);
    QCOMPARE(texts(buffer), numbered("line ", 401, 560));

    // Rotation: tail -F follows the new file from its first byte, and a drop after it does
    // not read that file twice.
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);
    QVERIFY(QFile::rename(path, path + u".1"_s));
    QVERIFY(appendLines(path, numbered("new ", 1, 5)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 165, 30000);
    QVERIFY2(source->lastToolMessage().contains(u"following new file"_s),
             qPrintable(source->lastToolMessage()));
    QTRY_VERIFY_WITH_TIMEOUT((tails = processesWith({u"tail"_s, u"-F"_s, path})).size() == 1,
                             10000);
    QCOMPARE(::kill(pid_t(tails.front()), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 20000);
    QVERIFY(appendLines(path, numbered("new ", 6, 8)));
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 168, 30000);
    QTest::qWait(500); // nothing more comes
    QCOMPARE(texts(buffer), numbered("line ", 401, 560) + numbered("new ", 1, 8));

    // Every stream went through the audited runner; the reconnects asked for a byte offset.
    const std::optional<QList<AuditEntry>> audit = m_audited->entries();
    QVERIFY(audit);
    QStringList commands;
    for (const AuditEntry &entry : *audit)
        commands.append(entry.command);
    QVERIFY2(commands.filter(u"tail -c +"_s).size() >= 4, qPrintable(commands.join(u'\n')));
    QVERIFY2(!commands.filter(u"stat -L -c"_s).isEmpty(), qPrintable(commands.join(u'\n')));

    source->stop();
    QCOMPARE(source->state(), LiveLogSource::State::Idle);
    QTRY_VERIFY_WITH_TIMEOUT(processesWith({u"tail"_s, u"-F"_s, path}).isEmpty(), 10000);
    QVERIFY(!states.isEmpty());
}

void LiveLogRemoteTest::pauseHoldsLinesUntilResume()
{
    const QString path = m_work + u"/paused.log"_s;
    QVERIFY(appendLines(path, numbered("old ", 1, 3)));
    LiveLogBuffer buffer({u"app"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(path, &buffer);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);

    QSignalSpy states(source.get(), &LiveLogSource::stateChanged);
    source->pause();
    QCOMPARE(source->state(), LiveLogSource::State::Paused);
    QCOMPARE(states.size(), 1);
    QVERIFY(appendLines(path, numbered("while paused ", 1, 4)));
    QTRY_COMPARE_WITH_TIMEOUT(source->heldLineCount(), 4, 20000);
    QCOMPARE(buffer.lineCount(), 3);
    QVERIFY(states.size() >= 2); // the count of waiting lines is news for the status bar
    QCOMPARE(states.last().at(1).toString(), u"Paused: 4 line(s) waiting"_s);
    QCOMPARE(source->stateText(), u"Paused: 4 line(s) waiting"_s); // no translator loaded

    source->resume();
    QCOMPARE(source->state(), LiveLogSource::State::Following);
    QCOMPARE(texts(buffer), numbered("old ", 1, 3) + numbered("while paused ", 1, 4));
    QCOMPARE(source->heldLineCount(), 0);
    source->stop();
}

void LiveLogRemoteTest::startsWhileTheHostIsDown()
{
    const QString path = m_work + u"/later.log"_s;
    QVERIFY(appendLines(path, numbered("early ", 1, 150)));
    QVERIFY2(m_sshd->run({u"stop"_s, m_sshd->directory()}), qPrintable(m_sshd->error()));
    LiveLogBuffer buffer({u"app"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(path, &buffer);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Reconnecting, 30000);
    // "Reconnecting in 1 s: Connection to 127.0.0.1:PORT refused: is sshd running ...?"
    QVERIFY2(source->stateText().contains(u"127.0.0.1:%1"_s.arg(m_sshd->port())),
             qPrintable(source->stateText()));
    QVERIFY(appendLines(path, numbered("early ", 151, 160)));
    QVERIFY2(m_sshd->run(
                 {u"start"_s, m_sshd->directory(), u"--port"_s, QString::number(m_sshd->port())}),
             qPrintable(m_sshd->error()));
    // Nothing was shown yet: the history comes once the host answers, as on a first connect.
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 100, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(source->state(), LiveLogSource::State::Following, 10000);
    QCOMPARE(texts(buffer), numbered("early ", 61, 160));
    source->stop();
}

void LiveLogRemoteTest::historyOfABigFileStartsAtALine()
{
    // 30000 lines of 21 bytes: the history read (100 KiB for 100 lines) starts inside a line.
    const QString path = m_work + u"/big-history.log"_s;
    QList<QByteArray> lines;
    for (int i = 1; i <= 30000; ++i)
        lines.append("entry " + QByteArray::number(i).rightJustified(6, '0') + " padding");
    QVERIFY(appendLines(path, lines));
    LiveLogBuffer buffer({u"app"_s});
    std::unique_ptr<LiveLogSource> source = makeSource(path, &buffer);
    source->start();
    QTRY_COMPARE_WITH_TIMEOUT(buffer.lineCount(), 100, 30000);
    QTest::qWait(300);
    QCOMPARE(texts(buffer), lines.mid(29900));
    QCOMPARE(source->resumePoint().fileOffset, QFileInfo(path).size());
    source->stop();
}

void LiveLogRemoteTest::downloadsIntoAPrivateCacheFile()
{
    // Not a multiple of the chunk: the last read is short.
    QByteArray content(3 * 1024 * 1024 + 12345, Qt::Uninitialized);
    for (char &byte : content)
        byte = char(QRandomGenerator::global()->bounded(256));
    const QString remote = m_work + u"/big.log"_s;
    QFile file(remote);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();

    QTemporaryDir cache;
    SshExecutor *executor = sshExecutor();
    QVERIFY(executor);
    RemoteLogDownload download(executor, remote);
    download.setCacheDirectory(cache.filePath(u"logs"_s));
    download.setChunkBytes(1024 * 1024);
    QSignalSpy progress(&download, &RemoteLogDownload::progress);
    QSignalSpy finished(&download, &RemoteLogDownload::finished);
    download.start();
    QVERIFY(download.isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    const QString local = finished.at(0).at(0).toString();
    QCOMPARE(local, download.localPath());
    QVERIFY2(local.contains(u"fixture-big.log-"_s), qPrintable(local));
    QVERIFY(!download.isRunning());

    QFile copy(local);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QVERIFY(copy.readAll() == content);
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(local).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(::stat(QFile::encodeName(cache.filePath(u"logs"_s)).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0700u);
    QVERIFY(!QFile::exists(local + u".part"_s));

    // 0, then after each of the four reads (three whole, one short).
    QCOMPARE(progress.size(), 5);
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    QCOMPARE(progress.first().at(1).toLongLong(), content.size());
    QCOMPARE(progress.at(1).at(0).toLongLong(), 1024 * 1024);
    QCOMPARE(progress.last().at(0).toLongLong(), content.size());

    // Again: the copy is replaced, not appended to.
    download.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(QFileInfo(local).size(), content.size());
}

void LiveLogRemoteTest::downloadCanBeCancelled()
{
    const QString remote = m_work + u"/huge.log"_s;
    QFile file(remote);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(16 * 1024 * 1024, 'z'));
    file.close();

    QTemporaryDir cache;
    RemoteLogDownload download(sshExecutor(), remote);
    download.setCacheDirectory(cache.path());
    download.setChunkBytes(RemoteLogDownload::MinimumChunkBytes);
    QSignalSpy progress(&download, &RemoteLogDownload::progress);
    QSignalSpy finished(&download, &RemoteLogDownload::finished);
    download.start();
    QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 3, 30000);
    download.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QVERIFY2(finished.at(0).at(1).toString().contains(u"cancelled"_s),
             qPrintable(finished.at(0).at(1).toString()));
    const int reported = int(progress.size());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(download.localPath() + u".part"_s), 10000);
    QTest::qWait(300);
    QCOMPARE(progress.size(), reported); // nothing after the cancel
    QCOMPARE(finished.size(), 1);
    QVERIFY(!QFile::exists(download.localPath()));
    QVERIFY(!QFile::exists(download.localPath() + u".part"_s));
}

void LiveLogRemoteTest::downloadSaysWhatIsMissing()
{
    QTemporaryDir cache;
    RemoteLogDownload download(sshExecutor(), m_work + u"/missing.log"_s);
    download.setCacheDirectory(cache.path());
    QSignalSpy finished(&download, &RemoteLogDownload::finished);
    download.start();
    QVERIFY(finished.wait(30000));
    const QString error = finished.at(0).at(1).toString();
    QVERIFY2(error.contains(u"missing.log"_s) && error.contains(u"fixture"_s), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(download.localPath() + u".part"_s), 10000);
}

QTEST_GUILESS_MAIN(LiveLogRemoteTest)
#include "tst_livelogremote.moc"
