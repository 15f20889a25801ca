// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/appearance.h"
#include "widgets/common/statuscolours.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

double relativeLuminance(const QColor &colour)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette lightPalette()
{
    return QStyleFactory::create(u"Fusion"_s)->standardPalette();
}

} // namespace

class StatusColoursTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paletteDarkness();
    void readableOnBothPalettes_data();
    void readableOnBothPalettes();
    void riskAndConnectionUseTheTable();
    void textOnPicksTheReadableOne();
};

void StatusColoursTest::paletteDarkness()
{
    QVERIFY(!StatusColours::isDark(lightPalette()));
    QVERIFY(StatusColours::isDark(Appearance::darkPalette()));
}

void StatusColoursTest::readableOnBothPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("which");
    for (const bool dark : {false, true}) {
        for (int which = 0; which < 3; ++which)
            QTest::addRow("%s-%d", dark ? "dark" : "light", which) << dark << which;
    }
}

void StatusColoursTest::readableOnBothPalettes()
{
    QFETCH(bool, dark);
    QFETCH(int, which);
    const QPalette palette = dark ? Appearance::darkPalette() : lightPalette();
    const QColor colour = which == 0   ? StatusColours::good(palette)
                          : which == 1 ? StatusColours::caution(palette)
                                       : StatusColours::bad(palette);
    // Text in these colours sits on the view's base (tables) and the window (labels).
    QVERIFY2(
        contrast(colour, palette.color(QPalette::Base)) >= 4.5,
        qPrintable(u"%1 on base %2"_s.arg(colour.name(), palette.color(QPalette::Base).name())));
    QVERIFY2(contrast(colour, palette.color(QPalette::Window)) >= 4.5,
             qPrintable(
                 u"%1 on window %2"_s.arg(colour.name(), palette.color(QPalette::Window).name())));
}

void StatusColoursTest::riskAndConnectionUseTheTable()
{
    for (const QPalette &palette : {lightPalette(), Appearance::darkPalette()}) {
        QCOMPARE(StatusColours::forRisk(Risk::Read, palette), StatusColours::good(palette));
        QCOMPARE(StatusColours::forRisk(Risk::Change, palette), StatusColours::caution(palette));
        QCOMPARE(StatusColours::forRisk(Risk::Destroy, palette), StatusColours::bad(palette));
        QCOMPARE(StatusColours::forConnection(ConnectionState::Ready, palette),
                 StatusColours::good(palette));
        QCOMPARE(StatusColours::forConnection(ConnectionState::Connecting, palette),
                 StatusColours::caution(palette));
        QCOMPARE(StatusColours::forConnection(ConnectionState::Failed, palette),
                 StatusColours::bad(palette));
        QCOMPARE(StatusColours::forConnection(ConnectionState::Local, palette),
                 palette.color(QPalette::Highlight));
    }
    // Light and dark differ: a dark theme does not get the light shades.
    QVERIFY(StatusColours::bad(lightPalette()) != StatusColours::bad(Appearance::darkPalette()));
}

void StatusColoursTest::textOnPicksTheReadableOne()
{
    QCOMPARE(StatusColours::textOn(QColor(Qt::white)), QColor(Qt::black));
    QCOMPARE(StatusColours::textOn(QColor(0x1f, 0x21, 0x24)), QColor(Qt::white));
    QCOMPARE(StatusColours::textOn(QColor(0xff, 0xb7, 0x4d)), QColor(Qt::black));
}

QTEST_MAIN(StatusColoursTest)
#include "tst_statuscolours.moc"
