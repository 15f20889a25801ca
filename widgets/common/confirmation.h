// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QString>

class QWidget;

namespace OpsDeck {

// Asks before an action that is not a plain read: Change needs a confirmation, Destroy needs
// `typedName` typed exactly. Read returns true at once. One place for every feature's
// confirmations, so they look and behave the same.
bool confirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                 const QString &typedName);

} // namespace OpsDeck
