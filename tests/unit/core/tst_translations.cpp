// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded translations: the languages on offer, and plural forms that read naturally in
// English too (the sources say "line(s)"; people should read "1 line" and "4 lines").
#include "models/core/translations.h"
#include "models/incidents/incident.h"
#include "models/incidents/incidentreport.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languagesAreOfferedOnce();
    void pluralsReadNaturally_data();
    void pluralsReadNaturally();
};

void TranslationsTest::languagesAreOfferedOnce()
{
    const QStringList languages = Translations::availableLanguages();
    QCOMPARE(languages.constFirst(), u"en"_s);
    QVERIFY(languages.contains(u"de"_s));
    QCOMPARE(languages.count(u"en"_s), 1);
}

void TranslationsTest::pluralsReadNaturally_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("commands");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en one") << u"en"_s << 1 << u"1 command run"_s;
    QTest::newRow("en many") << u"en"_s << 3 << u"3 commands run"_s;
    QTest::newRow("de one") << u"de"_s << 1 << u"1 Befehl ausgeführt"_s;
    QTest::newRow("de many") << u"de"_s << 3 << u"3 Befehle ausgeführt"_s;
}

void TranslationsTest::pluralsReadNaturally()
{
    QFETCH(QString, language);
    QFETCH(int, commands);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), u"opsdeck"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&translator);
    // The report counts the commands run during the incident.
    Incident incident;
    incident.id = 7;
    incident.title = u"Plurals"_s;
    incident.declaredAt = QDateTime::currentDateTimeUtc();
    QList<IncidentEvent> events;
    for (int i = 0; i < commands; ++i) {
        IncidentEvent step;
        step.kind = IncidentEvent::Kind::StepRun;
        step.at = incident.declaredAt;
        step.host = u"web-1"_s;
        step.command = u"uptime"_s;
        step.exitCode = 0;
        events.append(step);
    }
    const QString report = incidentReportMarkdown(incident, events);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(report.contains(expected), qPrintable(report));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
