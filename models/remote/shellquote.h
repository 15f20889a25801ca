// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace OpsDeck {

// Quotes one argument for a POSIX shell so that it arrives verbatim: "; rm -rf /", "$(id)",
// backticks, quotes, newlines, globs and leading dashes included. The only quoting function
// in OpsDeck: every command line built for sh, ssh or sudo goes through it.
//
// Words made only of characters no shell treats specially are left bare, so audit logs stay
// readable; everything else is wrapped in single quotes, with ' written as '\''.
QString shellQuote(const QString &argument);

// Quotes each argument and joins them with spaces: a command line for `sh -c`.
QString shellJoin(const QStringList &arguments);

} // namespace OpsDeck
