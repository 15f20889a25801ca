// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostic.h"
#include "core/fuzzymatch.h"
#include "core/recentfiles.h"

#include <QCoreApplication>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class CoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void diagnosticFormatsLikeACompiler();
    void fuzzyMatchFindsSubsequences_data();
    void fuzzyMatchFindsSubsequences();
    void fuzzyMatchRanksWordStartsFirst();
    void recentFilesAreMostRecentFirstWithoutDuplicates();
};

void CoreTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_core"_s);
}

void CoreTest::diagnosticFormatsLikeACompiler()
{
    const Diagnostic error{Diagnostic::Severity::Error, u"w.yaml"_s, 3, 7, u"bad"_s};
    QCOMPARE(error.toString(), u"w.yaml:3:7: error: bad"_s);
    const Diagnostic warning{Diagnostic::Severity::Warning, u"w.yaml"_s, 3, 0, u"hm"_s};
    QCOMPARE(warning.toString(), u"w.yaml:3: warning: hm"_s);
    const Diagnostic whole{Diagnostic::Severity::Error, u"w.yaml"_s, 0, 0, u"too big"_s};
    QCOMPARE(whole.toString(), u"w.yaml: error: too big"_s);
    QCOMPARE(countErrors({error, warning, whole}), 2);
    QVERIFY(hasErrors({warning, error}));
    QVERIFY(!hasErrors({warning}));
}

void CoreTest::fuzzyMatchFindsSubsequences_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("matches");
    QTest::addRow("empty pattern") << u""_s << u"Anything"_s << true;
    QTest::addRow("prefix") << u"set"_s << u"Settings"_s << true;
    QTest::addRow("case-insensitive") << u"OPEN"_s << u"Open Workspace"_s << true;
    QTest::addRow("subsequence") << u"opws"_s << u"Open Workspace"_s << true;
    QTest::addRow("spaces ignored") << u"open ws"_s << u"Open Workspace"_s << true;
    QTest::addRow("out of order") << u"wso"_s << u"Open Workspace"_s << false;
    QTest::addRow("missing letter") << u"openx"_s << u"Open Workspace"_s << false;
    QTest::addRow("umlaut") << u"grü"_s << u"Grüße"_s << true;
}

void CoreTest::fuzzyMatchFindsSubsequences()
{
    QFETCH(QString, pattern);
    QFETCH(QString, candidate);
    QFETCH(bool, matches);
    QCOMPARE(fuzzyMatchScore(pattern, candidate).has_value(), matches);
}

void CoreTest::fuzzyMatchRanksWordStartsFirst()
{
    const int wordStarts = *fuzzyMatchScore(u"ow", u"Open Workspace");
    const int scattered = *fuzzyMatchScore(u"ow", u"Show Overview");
    QVERIFY2(wordStarts > scattered, qPrintable(u"%1 vs %2"_s.arg(wordStarts).arg(scattered)));
    const int exactPrefix = *fuzzyMatchScore(u"web", u"web-1");
    const int inside = *fuzzyMatchScore(u"web", u"cobweb-server");
    QVERIFY(exactPrefix > inside);
}

void CoreTest::recentFilesAreMostRecentFirstWithoutDuplicates()
{
    RecentFiles recent(u"test/recent"_s, 3);
    recent.clear();
    recent.add(u"/a.yaml"_s);
    recent.add(u"/b.yaml"_s);
    recent.add(u"/a.yaml"_s);
    QCOMPARE(recent.files(), (QStringList{u"/a.yaml"_s, u"/b.yaml"_s}));
    recent.add(u"/c.yaml"_s);
    recent.add(u"/d.yaml"_s);
    QCOMPARE(recent.files(), (QStringList{u"/d.yaml"_s, u"/c.yaml"_s, u"/a.yaml"_s}));
    recent.remove(u"/c.yaml"_s);
    QCOMPARE(recent.files(), (QStringList{u"/d.yaml"_s, u"/a.yaml"_s}));
}

QTEST_GUILESS_MAIN(CoreTest)
#include "tst_core.moc"
