// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/fuzzymatch.h"

#include <QList>

#include <algorithm>

namespace OpsDeck {

namespace {
bool isWordStart(QStringView text, qsizetype index)
{
    if (index == 0)
        return true;
    const QChar previous = text[index - 1];
    const QChar current = text[index];
    return !previous.isLetterOrNumber() || (previous.isLower() && current.isUpper());
}
} // namespace

std::optional<int> fuzzyMatchScore(QStringView pattern, QStringView candidate)
{
    const QStringView trimmedPattern = pattern.trimmed();
    if (trimmedPattern.isEmpty())
        return 0;

    int score = 0;
    qsizetype position = 0;
    qsizetype previousHit = -2;
    for (const QChar wanted : trimmedPattern) {
        if (wanted.isSpace())
            continue;
        const QChar folded = wanted.toCaseFolded();
        while (position < candidate.size() && candidate[position].toCaseFolded() != folded)
            ++position;
        if (position == candidate.size())
            return std::nullopt;
        score += 1;
        if (position == previousHit + 1)
            score += 5;
        if (isWordStart(candidate, position))
            score += 8;
        if (previousHit < 0)
            score -= int(std::min<qsizetype>(position, 10));
        previousHit = position;
        ++position;
    }
    // Prefer shorter candidates among equal matches.
    score -= int(std::min<qsizetype>(candidate.size() / 8, 5));
    return score;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace OpsDeck
