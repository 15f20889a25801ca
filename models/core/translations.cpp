// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace OpsDeck::Translations {

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("opsdeck_*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString language = file.mid(8).chopped(3); // opsdeck_<language>.qm
        if (!languages.contains(language)) // English has a file too, for its plural forms
            languages.append(language);
    }
    return languages;
}

QLocale chosenLocale(const QString &languageSetting)
{
    return languageSetting.isEmpty() ? QLocale::system() : QLocale(languageSetting);
}

void install(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    // A language OpsDeck does not speak gets the English texts, with English plural forms
    // ("2 commands", not "2 command(s)").
    if (translator->load(locale, QStringLiteral("opsdeck"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral("opsdeck_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace OpsDeck::Translations
