// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace OpsDeck::CommandLine {

// The options of the opsdeck executable, shared by the GUI and the headless commands so that
// --help lists them all.
void describe(QCommandLineParser &parser);

// True when the arguments ask for something that needs no display: a subcommand such as
// "workspace validate", --help or --version.
bool isHeadless(int argc, char **argv);

// Runs a headless command (QCoreApplication must exist); returns the process exit code.
int runHeadless(const QStringList &arguments);

// Printed instead of a Qt abort when the GUI is asked for but no display exists.
QString noDisplayMessage();

} // namespace OpsDeck::CommandLine
