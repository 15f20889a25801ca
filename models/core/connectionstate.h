// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace OpsDeck {

// How OpsDeck is connected to a host, as the status bar and the workspace tree show it.
enum class ConnectionState {
    Local,        // this computer: no connection needed
    Disconnected, // nothing opened yet
    Connecting,
    Authenticating,
    Ready,
    Failed,
};

QString displayName(ConnectionState state);

} // namespace OpsDeck
