// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QDialog;
class QWidget;

namespace OpsDeck {

// Asks for a password the keychain does not have, with "Remember in keychain" ticked. Opens
// without waiting (window-modal, open()) and calls answered once when the dialog closes: the
// password, or nullopt when the operator cancelled. The dialog deletes itself then.
using PasswordAnswer = std::function<void(const std::optional<QString> &password, bool remember)>;
QDialog *askForPassword(QWidget *parent, const QString &title, const QString &explanation,
                        PasswordAnswer answered);

} // namespace OpsDeck
