// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/loghighlighter.h"

#include <QColor>
#include <QList>
#include <QPalette>

// The log viewer's colours, light and dark: highlighter roles (levels from StatusColours), search
// matches, bookmarks, source tags of merged views and the tints of highlight rules.
namespace OpsDeck::LogColours {

QColor forRole(LogHighlightRole role, const QPalette &palette);
// Levels Warning and above are also bold.
bool isBold(LogHighlightRole role);

QColor searchMatch(const QPalette &palette);           // every match of the search on screen
QColor currentMatch(const QPalette &palette);          // the match F3 went to
QColor currentMatchLine(const QPalette &palette);      // that match's line
QColor bookmark(const QPalette &palette);              // the gutter marker
QColor bookmarkLine(const QPalette &palette);          // a bookmarked line's tint
QColor gutter(const QPalette &palette);                // gutter background
QColor gutterText(const QPalette &palette);            // line numbers
QColor sourceTag(int source, const QPalette &palette); // merged views: one colour per source

// A highlight rule's colour as painted: a tint of it over the view's base, so any colour the
// user chose keeps the text readable on light and dark palettes.
QColor ruleLine(const QColor &colour, const QPalette &palette);
QColor ruleSpan(const QColor &colour, const QPalette &palette);
// The colours a new rule can take (stored as given; painted through ruleLine/ruleSpan).
QList<QColor> rulePresets();

} // namespace OpsDeck::LogColours
