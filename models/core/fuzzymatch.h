// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace OpsDeck {

// Scores how well a typed pattern matches a candidate, as command palettes do: every character
// of the pattern must appear in order (case-insensitive). Consecutive runs, word starts and an
// early first hit score higher. nullopt when the pattern does not match at all.
std::optional<int> fuzzyMatchScore(QStringView pattern, QStringView candidate);

// Levenshtein distance: insertions, deletions and substitutions to turn a into b. For "did you
// mean" hints.
int editDistance(QStringView a, QStringView b);

} // namespace OpsDeck
