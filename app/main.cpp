// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"
#include "app/desktop.h"
#include "models/core/privatefiles.h"
#include "models/core/translations.h"
#include "widgets/common/appearance.h"

#include <QApplication>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("OpsDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSDECK_VERSION));
}

// Before anything writes a setting: QSettings would create the file and its folder with the
// umask's permissions.
void makeSettingsPrivate()
{
    const QString error = OpsDeck::PrivateFiles::prepareSettingsFile(QSettings().fileName());
    if (!error.isEmpty())
        QTextStream(stderr) << "opsdeck: " << error << '\n';
}

void installTranslations(QCoreApplication &app)
{
    OpsDeck::Translations::install(
        app, OpsDeck::Translations::chosenLocale(
                 QSettings().value(QStringLiteral("ui/language")).toString()));
}

bool hasDisplay(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
        qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0 || qstrcmp(argv[i], "--platform") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (OpsDeck::CommandLine::isHeadless(argc, argv) || !hasDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        makeSettingsPrivate();
        installTranslations(app);
        if (!hasDisplay(argc, argv) && !OpsDeck::CommandLine::isHeadless(argc, argv)) {
            QTextStream(stderr) << OpsDeck::CommandLine::noDisplayMessage() << '\n';
            return 2;
        }
        return OpsDeck::CommandLine::runHeadless(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    makeSettingsPrivate();
    QApplication::setApplicationDisplayName(QStringLiteral("OpsDeck"));
    QApplication::setDesktopFileName(QStringLiteral("io.opsdeck.OpsDeck"));
    installTranslations(app);
    OpsDeck::Appearance::apply(OpsDeck::Appearance::currentSetting());

    QCommandLineParser parser;
    OpsDeck::CommandLine::describe(parser);
    parser.process(app);

    OpsDeck::DesktopOptions options;
    options.workspaceFile = parser.value(QStringLiteral("workspace"));
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    OpsDeck::Desktop desktop(options);
    OpsDeck::MainWindow &window = desktop.window();
    window.show();

    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty()) {
        // Let the first layout and paint happen before grabbing.
        QTimer::singleShot(500, &window, [&window, screenshot] {
            const bool saved = window.grab().save(screenshot);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
