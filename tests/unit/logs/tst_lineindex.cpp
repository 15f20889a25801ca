// SPDX-License-Identifier: GPL-3.0-or-later
// The line index and the document over it, against the file's lines split the plain way
// (and against `wc -l`): every edge case a log file has, in one and in two parts, plain and gzip.
#include "models/logs/lineindex.h"
#include "models/logs/logdocument.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;

namespace {

// Where each line starts, by the plain definition: after every '\n', plus the start when the
// text is not empty; a final '\n' does not begin another line.
QList<qint64> naiveLineStarts(const QByteArray &text)
{
    QList<qint64> starts;
    if (text.isEmpty())
        return starts;
    starts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\n' && i + 1 < text.size())
            starts.append(i + 1);
    }
    return starts;
}

// Line starts as the index tells them: walk from each line's checkpoint.
QList<qint64> indexedLineStarts(const LineIndex &index, const QByteArray &text)
{
    QList<qint64> starts;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const LineIndex::Position checkpoint = index.checkpointFor(line);
        qint64 offset = checkpoint.offset;
        for (qint64 skip = checkpoint.line; skip < line; ++skip)
            offset = text.indexOf('\n', offset) + 1;
        starts.append(offset);
    }
    return starts;
}

LineIndex indexInChunks(const QByteArray &text, qsizetype chunk)
{
    LineIndex index;
    for (qsizetype at = 0; at < text.size(); at += chunk)
        index.feed(text.constData() + at, std::min<qsizetype>(chunk, text.size() - at));
    return index;
}

QByteArray randomLines(int count, int maxLength, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray text;
    for (int i = 0; i < count; ++i) {
        const int length = int(random.bounded(maxLength + 1));
        for (int c = 0; c < length; ++c)
            text.append(char('a' + random.bounded(26)));
        text.append('\n');
    }
    return text;
}

bool waitIndexed(LogDocument &document)
{
    if (!document.isIndexing() && document.indexingMs() >= 0)
        return true;
    QSignalSpy finished(&document, &LogDocument::indexingFinished);
    return finished.wait(30000);
}

} // namespace

class LineIndexTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_directory.isValid()); }

    void indexMatchesPlainSplit_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one line without newline") << QByteArray("a");
        QTest::newRow("one line") << QByteArray("a\n");
        QTest::newRow("only newlines") << QByteArray("\n\n\n");
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\n");
        QTest::newRow("no final newline") << QByteArray("first\nsecond\nthird");
        QTest::newRow("nul and invalid utf-8") << QByteArray("a\0b\n\xff\xfe\xc3\n\xe2\x82\n", 11);
        QTest::newRow("1000 short lines") << randomLines(1000, 40, 1);
        QTest::newRow("lines over 64 KiB") << randomLines(5, 100 * 1024, 2);
        QTest::newRow("a 5 MiB line among short ones")
            << (randomLines(100, 20, 3) + QByteArray(5 * 1024 * 1024, 'x') + '\n' +
                randomLines(100, 20, 4));
    }

    void indexMatchesPlainSplit()
    {
        QFETCH(QByteArray, text);
        const QList<qint64> expected = naiveLineStarts(text);
        const LineIndex whole = indexInChunks(text, std::max<qsizetype>(text.size(), 1));
        QCOMPARE(whole.lineCount(), expected.size());
        QCOMPARE(whole.indexedBytes(), text.size());
        QCOMPARE(indexedLineStarts(whole, text), expected);
        // Fed in any chunks, the index is the same.
        for (qsizetype chunk : {1, 7, 4096}) {
            if (text.size() > 200000 && chunk < 4096)
                continue;
            QCOMPARE(indexInChunks(text, chunk), whole);
        }
        // Reaching any line reads at most 64 KiB before it.
        for (qint64 line = 0; line < whole.lineCount(); ++line)
            QVERIFY(expected.at(line) - whole.checkpointFor(line).offset <
                    LineIndex::BytesPerCheckpoint);
        // Built in two parts cut at any line start, it tells the same lines.
        for (qint64 cut : {qint64(1), expected.size() / 2, expected.size() - 1}) {
            if (cut <= 0 || cut >= expected.size())
                continue;
            const qint64 at = expected.at(cut);
            LineIndex joined = indexInChunks(text.left(at), 4096);
            joined.append(indexInChunks(text.mid(at), 4096));
            QCOMPARE(joined.lineCount(), expected.size());
            QCOMPARE(indexedLineStarts(joined, text), expected);
        }
    }

    void compactIndex()
    {
        const QByteArray text = randomLines(200000, 200, 5); // ~20 MB of 100-byte lines
        LineIndex index = indexInChunks(text, 1 << 20);
        index.squeeze();
        QVERIFY2(
            double(index.memoryBytes()) / double(index.lineCount()) < 0.5,
            qPrintable(QString::number(double(index.memoryBytes()) / double(index.lineCount()))));
    }

    void documentReadsEveryLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("crlf and no final newline") << QByteArray("one\r\ntwo\r\n\r\nlast");
        QTest::newRow("nul and invalid utf-8") << QByteArray("a\0b\n\xff\xfe\n", 7);
        QTest::newRow("3 MiB, read in two parts") << randomLines(40000, 150, 6);
        QTest::newRow("long lines")
            << (randomLines(10, 10, 7) + QByteArray(3 * 1024 * 1024, 'y') + "\nend\n");
    }

    void documentReadsEveryLine()
    {
        QFETCH(QByteArray, text);
        const QString path = writeFile(QStringLiteral("document.log"), text);
        for (const bool compressed : {false, true}) {
            QString opened = path;
            if (compressed) {
                opened = path + QStringLiteral(".gz");
                QProcess gzip;
                gzip.setStandardOutputFile(opened);
                gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), path});
                QVERIFY(gzip.waitForFinished());
            }
            LogDocument document;
            QSignalSpy appended(&document, &LogDocument::linesAppended);
            document.open(opened);
            QVERIFY(waitIndexed(document));
            QCOMPARE(document.isCompressed(), compressed);
            QVERIFY(!appended.isEmpty());
            const QList<qint64> starts = naiveLineStarts(text);
            QCOMPARE(document.lineCount(), starts.size());
            QCOMPARE(document.lineCount(),
                     wcLines(path) + (text.endsWith('\n') || text.isEmpty() ? 0 : 1));
            const QList<LogLine> lines = document.lines(0, document.lineCount());
            QCOMPARE(lines.size(), starts.size());
            for (qsizetype i = 0; i < starts.size(); ++i) {
                const qint64 end = i + 1 < starts.size()
                                       ? starts.at(i + 1) - 1
                                       : (text.endsWith('\n') ? text.size() - 1 : text.size());
                QByteArray expected = text.mid(starts.at(i), end - starts.at(i));
                if (expected.endsWith('\r'))
                    expected.chop(1);
                QCOMPARE(lines.at(i).number, i);
                QCOMPARE(lines.at(i).fullLength, expected.size());
                // Lines are read capped (1 MiB by default): the rest is only counted.
                if (lines.at(i).text != expected.left(LogLines::DefaultLineCap))
                    QFAIL(qPrintable(QStringLiteral("line %1 differs").arg(i)));
            }
            // Capped reads keep the whole line's length.
            const QList<LogLine> capped = document.lines(0, document.lineCount(), 16);
            for (qsizetype i = 0; i < capped.size(); ++i) {
                QVERIFY(capped.at(i).text.size() <= 16);
                QCOMPARE(capped.at(i).fullLength, lines.at(i).fullLength);
                QCOMPARE(capped.at(i).text, lines.at(i).text.left(16));
            }
            // A window in the middle reads the same as the whole.
            const qint64 middle = document.lineCount() / 2;
            const QList<LogLine> window = document.lines(middle, 50);
            for (qsizetype i = 0; i < window.size(); ++i)
                QCOMPARE(window.at(i).text, lines.at(middle + i).text);
        }
    }

    void missingFileFails()
    {
        LogDocument document;
        QSignalSpy failed(&document, &LogDocument::failed);
        document.open(m_directory.filePath(QStringLiteral("missing.log")));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("missing.log")));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("No such file")));
    }

    void followAppendTruncateRotate()
    {
        const QString path = writeFile(QStringLiteral("follow.log"), "one\ntwo\n");
        LogDocument document;
        document.open(path);
        QVERIFY(waitIndexed(document));
        document.setFollowing(true);
        QCOMPARE(document.lineCount(), 2);

        // Appended lines arrive; a partial last line is shown, then completed.
        QSignalSpy appended(&document, &LogDocument::linesAppended);
        appendTo(path, "three\nfou");
        QTRY_COMPARE_WITH_TIMEOUT(document.lineCount(), 4, 5000);
        QCOMPARE(document.lines(3, 1).constFirst().text, QByteArray("fou"));
        appendTo(path, "r\nfive\n");
        QTRY_COMPARE_WITH_TIMEOUT(document.lineCount(), 5, 5000);
        QCOMPARE(document.lines(3, 2).constFirst().text, QByteArray("four"));
        QCOMPARE(document.lines(4, 1).constFirst().text, QByteArray("five"));
        QVERIFY(!appended.isEmpty());

        // copytruncate: the file becomes shorter, then grows again.
        QSignalSpy changed(&document, &LogDocument::fileChanged);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("after truncate\n");
        }
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
        QCOMPARE(changed.constFirst().constFirst().value<LogDocument::FileChange>(),
                 LogDocument::FileChange::Truncated);
        QTRY_COMPARE_WITH_TIMEOUT(document.lineCount(), 1, 5000);
        QCOMPARE(document.lines(0, 1).constFirst().text, QByteArray("after truncate"));

        // Rotation: renamed away, a new file under the name.
        changed.clear();
        QVERIFY(QFile::rename(path, path + QStringLiteral(".1")));
        writeFile(QStringLiteral("follow.log"), "new file\nsecond\n");
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
        const auto change = changed.constLast().constFirst().value<LogDocument::FileChange>();
        QVERIFY(change == LogDocument::FileChange::Replaced ||
                change == LogDocument::FileChange::Removed);
        QTRY_COMPARE_WITH_TIMEOUT(document.lineCount(), 2, 5000);
        QCOMPARE(document.lines(0, 1).constFirst().text, QByteArray("new file"));
        QVERIFY(document.isFollowing());
        appendTo(path, "third\n");
        QTRY_COMPARE_WITH_TIMEOUT(document.lineCount(), 3, 5000);
    }

private:
    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_directory.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return path;
    }

    static void appendTo(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        if (file.open(QIODevice::Append))
            file.write(text);
    }

    static qint64 wcLines(const QString &path)
    {
        QProcess wc;
        wc.start(QStringLiteral("wc"), {QStringLiteral("-l"), path});
        wc.waitForFinished();
        return wc.readAllStandardOutput().trimmed().split(' ').constFirst().toLongLong();
    }

    QTemporaryDir m_directory;
};

QTEST_GUILESS_MAIN(LineIndexTest)
#include "tst_lineindex.moc"
