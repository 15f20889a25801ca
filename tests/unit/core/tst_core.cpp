// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/commandpalettemodel.h"
#include "models/core/diagnostic.h"
#include "models/core/diagnosticsmodel.h"
#include "models/core/fuzzymatch.h"
#include "models/core/recentfiles.h"

#include <QAbstractItemModelTester>
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
    void diagnosticsModelShowsLocations();
    void commandPaletteModelRanksAndFilters();
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

void CoreTest::diagnosticsModelShowsLocations()
{
    DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics({{Diagnostic::Severity::Error, u"/srv/w.yaml"_s, 3, 7, u"bad port"_s},
                          {Diagnostic::Severity::Warning, u"/srv/w.yaml"_s, 0, 0, u"hm"_s}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(DiagnosticsModel::ColumnCount));
    QCOMPARE(model.index(0, DiagnosticsModel::SeverityColumn).data().toString(), u"Error"_s);
    QCOMPARE(model.index(0, DiagnosticsModel::FileColumn).data().toString(), u"w.yaml"_s);
    QCOMPARE(model.index(0, DiagnosticsModel::LineColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, DiagnosticsModel::ColumnColumn).data().toInt(), 7);
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::DiagnosticTextRole).toString(),
             u"/srv/w.yaml:3:7: error: bad port"_s);
    QVERIFY(!model.index(1, DiagnosticsModel::LineColumn).data().isValid()); // whole file
    QVERIFY(!model.index(1, 0).data(DiagnosticsModel::IsErrorRole).toBool());
    model.setDiagnostics({});
    QCOMPARE(model.rowCount(), 0);
}

void CoreTest::commandPaletteModelRanksAndFilters()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    using Kind = CommandPaletteModel::Kind;
    model.setEntries({{Kind::Page, u"Overview"_s, u"Ctrl+1"_s, u"overview"_s, true},
                      {Kind::Host, u"web-1"_s, u"production · 10.0.0.11"_s, u"p/web-1"_s, true},
                      {Kind::Action, u"Open Workspace"_s, u"Ctrl+O"_s, u"open"_s, true},
                      {Kind::Action, u"Edit Host"_s, u"F2"_s, u"edit"_s, false}});
    QCOMPARE(model.rowCount(), 4); // no pattern: everything, in the given order
    QCOMPARE(model.index(0).data().toString(), u"Overview"_s);
    model.setPattern(u"ow"_s);
    QCOMPARE(model.index(0).data().toString(), u"Open Workspace"_s); // word starts win
    model.setPattern(u"10.0.0"_s);                                   // matches the detail only
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(CommandPaletteModel::IdRole).toString(), u"p/web-1"_s);
    model.setPattern(u"edit"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.flags(model.index(0)), Qt::NoItemFlags); // disabled actions are shown, inert
    model.setPattern(u"zzz"_s);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(CoreTest)
#include "tst_core.moc"
