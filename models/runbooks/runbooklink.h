// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace OpsDeck {

// What a link in a runbook's prose may do. A runbook is somebody else's text: its links open
// a web page (after the user saw the whole address and agreed) or go to a section of the same
// runbook, and nothing else: no files, no scripts, no inline data, no other programs.
struct RunbookLink {
    enum class Kind { Anchor, Web, Refused };

    Kind kind = Kind::Refused;
    QString anchor; // Anchor: what follows the '#'
    QUrl url;       // Web: what opens
    // The address as it is shown before anything opens: every character encoded, a host
    // with non-ASCII letters in its punycode form, so look-alikes are told apart.
    QString shown;
    QString reason; // Refused: why, for the user
};

// Judges the href of a prose link.
RunbookLink classifyRunbookLink(const QString &href);

} // namespace OpsDeck
