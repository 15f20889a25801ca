// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QString>

#include <functional>

class QDialog;
class QWidget;

namespace OpsDeck {

// Asks before an action that is not a plain read: Change needs a yes, Destroy needs
// `typedName` typed exactly. One place for every feature's confirmations, so they look and
// behave the same.

// Opens the question without waiting for it (window-modal, open() and never exec()) and calls
// answered once, with the operator's answer, when the dialog closes; it deletes itself then.
// Read answers true at once and opens nothing (null back).
QDialog *askToConfirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                          const QString &typedName, std::function<void(bool)> answered);

// The same question, waiting for the answer in a nested event loop: only for a page's own
// button, never reached from model code.
bool confirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                 const QString &typedName);

} // namespace OpsDeck
