// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/fuzzymatch.h"
#include "models/core/risk.h"
#include "models/core/textlines.h"
#include "models/core/units.h"

#include <QLocale>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

// The one duration and size formatter, the stable risk names, and the edit distance behind
// "did you mean".
class UnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formatsDuration_data();
    void formatsDuration();
    void formatsBytes_data();
    void formatsBytes();
    void riskIdsRoundTrip();
    void editDistanceCountsEdits_data();
    void editDistanceCountsEdits();
    void linesAreCutOnceForEveryFormat_data();
    void linesAreCutOnceForEveryFormat();
};

void UnitsTest::initTestCase()
{
    // Formatting follows the default locale; pin it so the expectations hold everywhere.
    QLocale::setDefault(QLocale::c());
}

void UnitsTest::formatsDuration_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << qint64(0) << u"0 ms"_s;
    QTest::addRow("negative clock skew") << qint64(-5) << u"0 ms"_s;
    QTest::addRow("milliseconds") << qint64(350) << u"350 ms"_s;
    QTest::addRow("just below a second") << qint64(999) << u"999 ms"_s;
    QTest::addRow("one second") << qint64(1000) << u"1.0 s"_s;
    QTest::addRow("tenths") << qint64(1234) << u"1.2 s"_s;
    QTest::addRow("tenths cut, not rounded") << qint64(1299) << u"1.2 s"_s;
    QTest::addRow("just below a minute") << qint64(59'999) << u"59.9 s"_s;
    QTest::addRow("one minute") << qint64(60'000) << u"1 min 00 s"_s;
    QTest::addRow("minutes") << qint64(125'400) << u"2 min 05 s"_s;
    QTest::addRow("one hour") << qint64(3'600'000) << u"1 h 00 min"_s;
    QTest::addRow("hours") << qint64(7'385'000) << u"2 h 03 min"_s;
    QTest::addRow("days in hours") << qint64(100) * 3'600'000 << u"100 h 00 min"_s;
}

void UnitsTest::formatsDuration()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(milliseconds), text);
}

void UnitsTest::formatsBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addRow("nothing") << qint64(0) << u"0 B"_s;
    QTest::addRow("bytes") << qint64(512) << u"512 B"_s;
    QTest::addRow("just below KiB") << qint64(1023) << u"1023 B"_s;
    QTest::addRow("one KiB") << qint64(1024) << u"1.0 KiB"_s;
    QTest::addRow("one and a half KiB") << qint64(1536) << u"1.5 KiB"_s;
    QTest::addRow("rounded up to ten") << qint64(10'239) << u"10 KiB"_s;
    QTest::addRow("whole KiB") << qint64(12'345) << u"12 KiB"_s;
    QTest::addRow("never 1024 KiB") << qint64(1'048'575) << u"1.0 MiB"_s;
    QTest::addRow("rounded") << qint64(1'048'575 - 1024) << u"1023 KiB"_s;
    QTest::addRow("one MiB") << qint64(1'048'576) << u"1.0 MiB"_s;
    QTest::addRow("MiB") << qint64(3'565'158) << u"3.4 MiB"_s;
    QTest::addRow("MiB rounded down") << qint64(3'600'000) << u"3.4 MiB"_s;
    QTest::addRow("GiB") << qint64(5) * 1024 * 1024 * 1024 << u"5.0 GiB"_s;
    QTest::addRow("TiB") << qint64(300) * 1024 * 1024 * 1024 * 1024 << u"300 TiB"_s;
}

void UnitsTest::formatsBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(formatBytes(bytes), text);
}

void UnitsTest::riskIdsRoundTrip()
{
    QCOMPARE(riskId(Risk::Read), u"read"_s);
    QCOMPARE(riskId(Risk::Change), u"change"_s);
    QCOMPARE(riskId(Risk::Destroy), u"destroy"_s);
    for (const Risk risk : {Risk::Read, Risk::Change, Risk::Destroy})
        QCOMPARE(riskFromId(riskId(risk)), std::optional(risk));
    QCOMPARE(riskFromId(u"Read"), std::nullopt);
    QCOMPARE(riskFromId(u""), std::nullopt);
}

void UnitsTest::editDistanceCountsEdits_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::addRow("same") << u"address"_s << u"address"_s << 0;
    QTest::addRow("one substitution") << u"adress"_s << u"adresz"_s << 1;
    QTest::addRow("one deletion") << u"adress"_s << u"address"_s << 1;
    QTest::addRow("transposition is two") << u"prot"_s << u"port"_s << 2;
    QTest::addRow("from empty") << QString() << u"host"_s << 4;
    QTest::addRow("unrelated") << u"tags"_s << u"jump"_s << 4;
}

void UnitsTest::editDistanceCountsEdits()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(editDistance(a, b), distance);
    QCOMPARE(editDistance(b, a), distance);
}

void UnitsTest::linesAreCutOnceForEveryFormat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addRow("empty") << QByteArray() << QList<QByteArray>{};
    QTest::addRow("final newline") << QByteArray("a\nb\n") << QList<QByteArray>{"a", "b"};
    QTest::addRow("no final newline") << QByteArray("a\nb") << QList<QByteArray>{"a", "b"};
    QTest::addRow("crlf") << QByteArray("a\r\nb\r\n") << QList<QByteArray>{"a", "b"};
    QTest::addRow("blank lines count") << QByteArray("\n\nc\n") << QList<QByteArray>{"", "", "c"};
    QTest::addRow("lone cr stays") << QByteArray("a\rb\n") << QList<QByteArray>{"a\rb"};
    QTest::addRow("only the last cr goes") << QByteArray("a\r\r\n") << QList<QByteArray>{"a\r"};
}

void UnitsTest::linesAreCutOnceForEveryFormat()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QByteArray>, lines);
    QList<QByteArray> seen;
    int expectedNumber = 0;
    forEachLine(text, [&](QByteArrayView line, int number) {
        QCOMPARE(number, ++expectedNumber);
        seen.append(line.toByteArray());
    });
    QCOMPARE(seen, lines);
}

QTEST_GUILESS_MAIN(UnitsTest)
#include "tst_units.moc"
