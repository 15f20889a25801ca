// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QString>

namespace OpsDeck {

struct RiskAssessment {
    Risk risk = Risk::Read;
    QString reason; // what makes it a change or destructive, e.g. "restart: restarts a service"
};

// How much harm a shell command (one line or a script) can do, judged from its words: the
// highest risk of any command in it. Conservative by design: when in doubt, not Read.
RiskAssessment assessCommandRisk(const QString &commandText);

} // namespace OpsDeck
