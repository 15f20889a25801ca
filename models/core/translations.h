// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace OpsDeck::Translations {

// Languages OpsDeck has a translation for (as "de", ...), read from the embedded :/i18n/
// folder, plus English, the language of the sources.
QStringList availableLanguages();

// The locale the user asked for in the settings ("" follows the system).
QLocale chosenLocale(const QString &languageSetting);

// Installs Qt's own and OpsDeck's translators for locale on app.
void install(QCoreApplication &app, const QLocale &locale);

} // namespace OpsDeck::Translations
