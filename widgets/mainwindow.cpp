// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

namespace OpsDeck {

MainWindow::MainWindow(const Options &, QWidget *parent)
    : QMainWindow(parent)
{
}

MainWindow::~MainWindow() = default;

} // namespace OpsDeck
