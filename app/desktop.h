// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/services.h"
#include "widgets/shell/mainwindow.h"

namespace OpsDeck {

struct DesktopOptions {
    QString workspaceFile; // empty: the last one (if the setting says so), else built-in
    bool readOnly = false; // --read-only; the "start in read-only mode" setting also turns it on
};

// The desktop application: the services from the composition root and the main window over
// them. The window goes first, the services after it.
class Desktop final
{
    Q_DISABLE_COPY_MOVE(Desktop)

public:
    explicit Desktop(const DesktopOptions &options = {});
    ~Desktop();

    Services &services() { return m_services; }
    MainWindow &window() { return m_window; }

private:
    Services m_services;
    MainWindow m_window;
};

} // namespace OpsDeck
