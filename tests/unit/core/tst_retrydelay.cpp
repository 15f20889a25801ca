// SPDX-License-Identifier: GPL-3.0-or-later
// The one retry delay: doubling from the first wait to the longest, back to the first after a
// success, in milliseconds (a session's retry) and in rounds (a source skipped in a session).
#include "models/core/retrydelay.h"

#include <QTest>

using namespace OpsDeck;

class RetryDelayTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failuresInARowDouble_data();
    void failuresInARowDouble();
    void successStartsOver();
    void maxBelowFirstIsFirst();
    void setLimitsStartsOver();
};

void RetryDelayTest::failuresInARowDouble_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("max");
    QTest::addColumn<QList<int>>("waits");
    // The pollers' sessions: 5 s doubling to a minute.
    QTest::newRow("session, ms") << 5000 << 60000
                                 << QList<int>{5000, 10000, 20000, 40000, 60000, 60000};
    // A source skipped at a 10 s interval: at most 29 rounds, about five minutes.
    QTest::newRow("rounds, 10 s interval") << 1 << 29 << QList<int>{1, 2, 4, 8, 16, 29, 29};
    QTest::newRow("rounds, 1 s interval")
        << 1 << 299 << QList<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 299, 299};
    QTest::newRow("rounds, interval of 5 min") << 1 << 1 << QList<int>{1, 1, 1};
    QTest::newRow("the tests' short waits") << 100 << 400 << QList<int>{100, 200, 400, 400};
    // Near INT_MAX doubling must not overflow into a negative wait.
    QTest::newRow("no overflow") << 0x40000001 << 0x7fffffff
                                 << QList<int>{0x40000001, 0x7fffffff, 0x7fffffff};
}

void RetryDelayTest::failuresInARowDouble()
{
    QFETCH(int, first);
    QFETCH(int, max);
    QFETCH(QList<int>, waits);
    RetryDelay delay(first, max);
    QList<int> seen;
    for (qsizetype i = 0; i < waits.size(); ++i) {
        QCOMPARE(delay.current(), waits.at(i));
        seen.append(delay.next());
    }
    QCOMPARE(seen, waits);
}

void RetryDelayTest::successStartsOver()
{
    RetryDelay delay(5000, 60000);
    delay.next();
    delay.next();
    QCOMPARE(delay.current(), 20000);
    delay.reset();
    QCOMPARE(delay.current(), 5000);
    QCOMPARE(delay.next(), 5000);
    QCOMPARE(delay.next(), 10000);
}

void RetryDelayTest::maxBelowFirstIsFirst()
{
    RetryDelay delay(8, 3);
    QCOMPARE(delay.max(), 8);
    QCOMPARE(delay.next(), 8);
    QCOMPARE(delay.next(), 8);
}

void RetryDelayTest::setLimitsStartsOver()
{
    RetryDelay delay(5000, 60000);
    delay.next();
    delay.setLimits(100, 400);
    QCOMPARE(delay.first(), 100);
    QCOMPARE(delay.max(), 400);
    QCOMPARE(delay.next(), 100);
    QCOMPARE(delay.next(), 200);
}

QTEST_GUILESS_MAIN(RetryDelayTest)
#include "tst_retrydelay.moc"
