// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/loglines.h"

namespace OpsDeck {

LogLines::~LogLines() = default;

} // namespace OpsDeck
