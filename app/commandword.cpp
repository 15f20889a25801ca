// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandword.h"

namespace OpsDeck {

QString commandWord(const QStringList &arguments, const QStringList &optionsWithValues)
{
    for (qsizetype at = 1; at < arguments.size(); ++at) {
        const QString &word = arguments.at(at);
        if (optionsWithValues.contains(word)) {
            ++at;
            continue;
        }
        if (!word.startsWith(u'-'))
            return word;
    }
    return {};
}

} // namespace OpsDeck
