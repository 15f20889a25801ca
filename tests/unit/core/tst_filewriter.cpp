// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/filewriter.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>
#include <optional>
#include <sys/resource.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Lowers the largest file this process may write, so that a write fails half-way even for root
// (who passes every permission check); restores the limit and SIGXFSZ on destruction.
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed
        getrlimit(RLIMIT_FSIZE, &m_previous);
        rlimit lowered = m_previous;
        lowered.rlim_cur = bytes;
        m_active = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

    bool isActive() const { return m_active; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_active = false;
};

} // namespace

class FileWriterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void savesOffTheCallingThreadAndAnswersOnTheContextsThread();
    void replacesAnExistingFile();
    void refusesAnUnwritablePathWithAClearMessage_data();
    void refusesAnUnwritablePathWithAClearMessage();
    void failureHalfWayLeavesTheOldFileIntact();
    void noAnswerOnceTheContextIsGone_data();
    void noAnswerOnceTheContextIsGone();
    void answerMayDestroyTheContext();

private:
    std::unique_ptr<QTemporaryDir> m_directory;
};

void FileWriterTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
}

void FileWriterTest::savesOffTheCallingThreadAndAnswersOnTheContextsThread()
{
    const QString path = m_directory->filePath(u"out.csv"_s);
    const QByteArray bytes = "a,b\r\n1,\"x, y\"\r\n";
    QObject context;
    QThread *producedOn = nullptr;
    QThread *answeredOn = nullptr;
    std::optional<FileWriteResult> answer;
    const QFuture<FileWriteResult> future = FileWriter::saveInBackground(
        path,
        [&producedOn, bytes] {
            producedOn = QThread::currentThread();
            return bytes;
        },
        &context,
        [&](const FileWriteResult &result) {
            answeredOn = QThread::currentThread();
            answer = result;
        });
    QVERIFY(!answer); // never called before saveInBackground() returns
    QTRY_VERIFY(answer.has_value());
    QVERIFY(future.isFinished());
    QVERIFY(producedOn);
    QVERIFY(producedOn != QThread::currentThread());
    QCOMPARE(answeredOn, QThread::currentThread());
    QVERIFY2(answer->ok(), qPrintable(answer->errorMessage()));
    QCOMPARE(answer->path, path);
    QVERIFY(answer->errorMessage().isEmpty());
    QCOMPARE(readFile(path), bytes);
    // QSaveFile's temporary file is gone.
    QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files), QStringList{u"out.csv"_s});
}

void FileWriterTest::replacesAnExistingFile()
{
    const QString path = m_directory->filePath(u"report.md"_s);
    writeFile(path, "old report, much longer than the new one\n");
    const FileWriteResult result = FileWriter::save(path, "new\n");
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(readFile(path), QByteArray("new\n"));
}

void FileWriterTest::refusesAnUnwritablePathWithAClearMessage_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("reason");
    QTest::addRow("missing folder") << u"missing/folder/out.csv"_s << u"No such file"_s;
    // A file where a folder should be: refused for root as well.
    QTest::addRow("file as folder") << u"plain-file/out.csv"_s << u"Not a directory"_s;
}

void FileWriterTest::refusesAnUnwritablePathWithAClearMessage()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);
    writeFile(m_directory->filePath(u"plain-file"_s), "not a folder");
    const QString path = m_directory->filePath(relativePath);

    QObject context;
    std::optional<FileWriteResult> answer;
    FileWriter::saveInBackground(
        path, [] { return QByteArray("data"); }, &context,
        [&answer](const FileWriteResult &result) { answer = result; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
    QCOMPARE(answer->path, path);
    QVERIFY2(answer->reason.contains(reason), qPrintable(answer->reason));
    QCOMPARE(answer->errorMessage(),
             u"Cannot save %1: %2"_s.arg(QDir::toNativeSeparators(path), answer->reason));
    QVERIFY(!QFile::exists(path));

    // The same answer without a thread, for code that already runs in a worker.
    const FileWriteResult direct = FileWriter::save(path, "data");
    QCOMPARE(direct.path, path);
    QCOMPARE(direct.reason, answer->reason);
}

void FileWriterTest::failureHalfWayLeavesTheOldFileIntact()
{
    const QString path = m_directory->filePath(u"audit.csv"_s);
    const QByteArray old = "started_at,host\r\n2024-05-01T10:00:00.000Z,web-1\r\n";
    writeFile(path, old);
    const QByteArray large(1024 * 1024, 'x');

    std::optional<FileWriteResult> answer;
    {
        const FileSizeLimit limit(4096);
        QVERIFY(limit.isActive());
        QObject context;
        FileWriter::saveInBackground(
            path, [large] { return large; }, &context,
            [&answer](const FileWriteResult &result) { answer = result; });
        QTRY_VERIFY(answer.has_value());
    }
    QVERIFY(!answer->ok());
    QVERIFY2(answer->reason.contains(u"too large"_s, Qt::CaseInsensitive),
             qPrintable(answer->reason));
    QVERIFY(answer->errorMessage().contains(QDir::toNativeSeparators(path)));
    QCOMPARE(readFile(path), old);
    // Nothing left behind: no half-written temporary file next to it.
    QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files), QStringList{u"audit.csv"_s});
}

void FileWriterTest::noAnswerOnceTheContextIsGone_data()
{
    QTest::addColumn<bool>("whileWriting");
    QTest::addRow("destroyed while writing") << true;
    QTest::addRow("destroyed with the answer queued") << false;
}

void FileWriterTest::noAnswerOnceTheContextIsGone()
{
    QFETCH(bool, whileWriting);
    const QString path = m_directory->filePath(u"out.txt"_s);
    QSemaphore producing;
    QSemaphore mayFinish;
    auto context = std::make_unique<QObject>();
    bool answered = false;
    QFuture<FileWriteResult> future = FileWriter::saveInBackground(
        path,
        [&producing, &mayFinish] {
            producing.release();
            mayFinish.acquire();
            return QByteArray("written anyway");
        },
        context.get(), [&answered](const FileWriteResult &) { answered = true; });
    producing.acquire();
    // Waits without turning the event loop, which would deliver the answer.
    if (whileWriting) {
        context.reset();
        mayFinish.release();
        future.waitForFinished();
    } else {
        mayFinish.release();
        future.waitForFinished(); // the answer is on its way to the context's thread
        context.reset();
    }
    // Deliver everything that is still queued.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(!answered);
    QVERIFY(future.result().ok());
    QCOMPARE(readFile(path), QByteArray("written anyway"));
}

void FileWriterTest::answerMayDestroyTheContext()
{
    auto *context = new QObject;
    QPointer<QObject> watched(context);
    bool answered = false;
    FileWriter::saveInBackground(
        m_directory->filePath(u"out.txt"_s), [] { return QByteArray("x"); }, context,
        [&answered, context](const FileWriteResult &) {
            answered = true;
            delete context; // e.g. a dialog that closes itself on success
        });
    QTRY_VERIFY(answered);
    QVERIFY(watched.isNull());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QTEST_GUILESS_MAIN(FileWriterTest)
#include "tst_filewriter.moc"
