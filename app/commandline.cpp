// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace OpsDeck::CommandLine {

namespace {

// The translation context of the command line's texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

int validateWorkspaces(const QStringList &files)
{
    QTextStream out(stdout);
    bool anyErrors = false;
    for (const QString &file : files) {
        const WorkspaceLoadResult result = loadWorkspaceFile(file);
        for (const Diagnostic &diagnostic : result.diagnostics)
            out << diagnostic.toString() << '\n';
        const qsizetype errors = countErrors(result.diagnostics);
        const qsizetype warnings = result.diagnostics.size() - errors;
        if (errors > 0) {
            anyErrors = true;
            out << Text::tr("%1: invalid; errors: %2, warnings: %3")
                       .arg(file)
                       .arg(errors)
                       .arg(warnings)
                << '\n';
        } else {
            out << Text::tr("%1: valid; environments: %2, hosts: %3, warnings: %4")
                       .arg(file)
                       .arg(result.workspace.environments.size())
                       .arg(result.workspace.hostCount())
                       .arg(warnings)
                << '\n';
        }
    }
    return anyErrors ? 1 : 0;
}

} // namespace

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        Text::tr("OpsDeck, the operations console.\n\n"
                 "Commands that need no display:\n"
                 "  workspace validate FILE...  check workspace files and print problems as\n"
                 "                              file:line:column; exit status 1 on errors"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("workspace"), Text::tr("Open the workspace FILE."), Text::tr("FILE")});
    parser.addOption({QStringLiteral("read-only"),
                      Text::tr("Start in read-only mode: nothing that changes a system runs.")});
    parser.addOption({QStringLiteral("screenshot"),
                      Text::tr("Save a picture of the main window to FILE once it is shown, "
                               "then quit."),
                      Text::tr("FILE")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Text::tr("A headless command, such as 'workspace validate'."),
                                 Text::tr("[command]"));
}

bool isHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0 ||
            std::strcmp(argument, "--help-all") == 0 || std::strcmp(argument, "--version") == 0 ||
            std::strcmp(argument, "-v") == 0)
            return true;
    }
    return argc > 1 && argv[1][0] != '-';
}

int runHeadless(const QStringList &arguments)
{
    QCommandLineParser parser;
    describe(parser);
    parser.process(arguments); // handles --help and --version and exits
    const QStringList words = parser.positionalArguments();
    QTextStream err(stderr);
    if (words.size() >= 2 && words[0] == u"workspace" && words[1] == u"validate") {
        if (words.size() < 3) {
            err << Text::tr("usage: opsdeck workspace validate FILE...") << '\n';
            return 2;
        }
        return validateWorkspaces(words.mid(2));
    }
    err << Text::tr("opsdeck: unknown command '%1'; see opsdeck --help").arg(words.join(u' '))
        << '\n';
    return 2;
}

QString noDisplayMessage()
{
    return Text::tr("opsdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                    "OpsDeck is a desktop application. To run it without a screen, use one of:\n"
                    "  xvfb-run -a opsdeck                  (a virtual X server)\n"
                    "  QT_QPA_PLATFORM=offscreen opsdeck    (no window at all, for tests)\n"
                    "Headless commands such as 'opsdeck workspace validate FILE' need no "
                    "display.");
}

} // namespace OpsDeck::CommandLine
