// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"

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
}

Desktop::~Desktop() = default;

} // namespace OpsDeck
