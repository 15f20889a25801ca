// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logexport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class LogExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheChosenLines_data();
    void keepsTheChosenLines();
    void linesAcrossBlocks();
    void linesFromMemory();
    void saysWhatWentWrong();
};

void LogExportTest::keepsTheChosenLines_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("first and last")
        << QByteArray("a\nb\nc\n") << QList<qint64>{0, 2} << QByteArray("a\nc\n");
    QTest::addRow("last line without newline")
        << QByteArray("a\nb\nc") << QList<qint64>{1, 2} << QByteArray("b\nc\n");
    QTest::addRow("empty lines kept")
        << QByteArray("a\n\n\nd\n") << QList<qint64>{1, 3} << QByteArray("\nd\n");
    QTest::addRow("CRLF bytes kept")
        << QByteArray("a\r\nb\r\n") << QList<qint64>{1} << QByteArray("b\r\n");
    QTest::addRow("past the end ignored")
        << QByteArray("a\nb\n") << QList<qint64>{1, 5} << QByteArray("b\n");
    QTest::addRow("none") << QByteArray("a\nb\n") << QList<qint64>{} << QByteArray();
}

void LogExportTest::keepsTheChosenLines()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<qint64>, lines);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.log"_s);
    const QString destination = dir.filePath(u"out.log"_s);
    QVERIFY(write(source, content));
    const LogExportResult result = LogExport::fileLines(source, lines, destination);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(readAll(destination), expected);
    QCOMPARE(result.lines, qint64(expected.count('\n')));
}

void LogExportTest::linesAcrossBlocks()
{
    // Lines longer than the 4 MiB read block, and many short ones around them.
    QByteArray content;
    QList<qint64> wanted;
    QByteArray expected;
    for (int i = 0; i < 200000; ++i) {
        const QByteArray line = i % 50000 == 7 ? QByteArray(5 * 1024 * 1024, char('a' + i % 26))
                                               : "line " + QByteArray::number(i);
        content += line + '\n';
        if (i % 3 == 0 || i % 50000 == 7) {
            wanted.append(i);
            expected += line + '\n';
        }
    }
    QTemporaryDir dir;
    const QString source = dir.filePath(u"big.log"_s);
    QVERIFY(write(source, content));
    const LogExportResult result = LogExport::fileLines(source, wanted, dir.filePath(u"out.log"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.lines, wanted.size());
    QVERIFY(readAll(dir.filePath(u"out.log"_s)) == expected);
}

void LogExportTest::linesFromMemory()
{
    QTemporaryDir dir;
    const LogExportResult result =
        LogExport::lines({"one", "", "three"}, dir.filePath(u"out.log"_s));
    QVERIFY(result.ok());
    QCOMPARE(result.lines, 3);
    QCOMPARE(readAll(dir.filePath(u"out.log"_s)), QByteArray("one\n\nthree\n"));
}

void LogExportTest::saysWhatWentWrong()
{
    QTemporaryDir dir;
    LogExportResult result =
        LogExport::fileLines(dir.filePath(u"missing.log"_s), {0}, dir.filePath(u"out.log"_s));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"missing.log"_s), qPrintable(result.error));
    QVERIFY(!QFile::exists(dir.filePath(u"out.log"_s)));

    QVERIFY(write(dir.filePath(u"source.log"_s), "a\n"));
    result = LogExport::fileLines(dir.filePath(u"source.log"_s), {0},
                                  dir.filePath(u"no/such/folder/out.log"_s));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"out.log"_s), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(LogExportTest)
#include "tst_logexport.moc"
