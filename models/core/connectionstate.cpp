// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/connectionstate.h"

#include <QCoreApplication>

namespace OpsDeck {

QString displayName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Local:
        return QCoreApplication::translate("ConnectionState", "local");
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("ConnectionState", "not connected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("ConnectionState", "connecting");
    case ConnectionState::Authenticating:
        return QCoreApplication::translate("ConnectionState", "authenticating");
    case ConnectionState::Ready:
        return QCoreApplication::translate("ConnectionState", "connected");
    case ConnectionState::Failed:
        return QCoreApplication::translate("ConnectionState", "failed");
    }
    return {};
}

} // namespace OpsDeck
