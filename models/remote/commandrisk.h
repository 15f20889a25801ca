// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QString>

namespace OpsDeck {

struct RiskAssessment {
    Risk risk = Risk::Read;
    QString reason; // what decided it, naming the tool: "`kubectl create` creates objects"
};

// How much harm a shell command (one line or a whole script) can do, judged on what the
// shell will really run: the riskiest of its simple commands, redirections and
// substitutions. Read only when every one of them is on the allow-list of read-only
// programs (with their flag rules); a known writer is Change, a known destroyer Destroy, and
// everything else Unknown.
RiskAssessment assessCommandRisk(const QString &commandText);

// A program and its arguments as exec() receives them, with no shell in between.
RiskAssessment assessArgv(const QStringList &argv);

// Environment variables a program may be given without changing what it runs (LANG, TZ,
// PGHOST, ...): an allow-list, like everything the gate lets through.
bool isHarmlessEnvironmentName(const QString &name);

} // namespace OpsDeck
