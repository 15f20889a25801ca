// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace OpsDeck::CommandLine {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

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
            out << translate("%1: invalid; errors: %2, warnings: %3")
                       .arg(file)
                       .arg(errors)
                       .arg(warnings)
                << '\n';
        } else {
            out << translate("%1: valid; environments: %2, hosts: %3, warnings: %4")
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
        translate("OpsDeck, the operations console.\n\n"
                  "Commands that need no display:\n"
                  "  workspace validate FILE...  check workspace files and print problems as\n"
                  "                              file:line:column; exit status 1 on errors"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("workspace"), translate("Open the workspace FILE."), translate("FILE")});
    parser.addOption({QStringLiteral("read-only"),
                      translate("Start in read-only mode: nothing that changes a system runs.")});
    parser.addOption({QStringLiteral("screenshot"),
                      translate("Save a picture of the main window to FILE once it is shown, "
                                "then quit."),
                      translate("FILE")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 translate("A headless command, such as 'workspace validate'."),
                                 translate("[command]"));
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
            err << translate("usage: opsdeck workspace validate FILE...") << '\n';
            return 2;
        }
        return validateWorkspaces(words.mid(2));
    }
    err << translate("opsdeck: unknown command '%1'; see opsdeck --help").arg(words.join(u' '))
        << '\n';
    return 2;
}

QString noDisplayMessage()
{
    return translate("opsdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "OpsDeck is a desktop application. To run it without a screen, use one of:\n"
                     "  xvfb-run -a opsdeck                  (a virtual X server)\n"
                     "  QT_QPA_PLATFORM=offscreen opsdeck    (no window at all, for tests)\n"
                     "Headless commands such as 'opsdeck workspace validate FILE' need no "
                     "display.");
}

} // namespace OpsDeck::CommandLine
