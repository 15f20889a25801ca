// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace OpsDeck {

// The first word of arguments (after the program) that is not an option or an option's value:
// "db" in `opsdeck --workspace lab.yaml db locks orders`. optionsWithValues are the options
// that take the next word as their value.
QString commandWord(const QStringList &arguments, const QStringList &optionsWithValues);

} // namespace OpsDeck
