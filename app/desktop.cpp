// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"

#include "models/health/healthmonitor.h"

#include <QSettings>

namespace OpsDeck {

namespace {

ServiceOptions serviceOptions(const DesktopOptions &options)
{
    ServiceOptions services;
    services.readOnly =
        options.readOnly || QSettings().value(QStringLiteral("startup/readOnly")).toBool();
    return services;
}

} // namespace

Desktop::Desktop(const DesktopOptions &options)
    : m_services(serviceOptions(options))
    , m_window(m_services.shell(), {options.workspaceFile})
{
    // The window hands the monitor each workspace; polling runs from here on until paused.
    if (HealthMonitor *health = m_services.health())
        health->start();
}

Desktop::~Desktop() = default;

} // namespace OpsDeck
