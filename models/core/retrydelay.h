// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

namespace OpsDeck {

// The wait before trying again after failures: first, doubling with each failure in a row up
// to max, back to first after a success. Counted in whatever unit the caller uses
// (milliseconds for a session's retry, rounds for a source skipped inside a session).
class RetryDelay
{
public:
    constexpr RetryDelay(int first, int max)
        : m_first(std::max(first, 0))
        , m_max(std::max(m_first, max))
        , m_current(m_first)
    {
    }

    constexpr int first() const { return m_first; }
    constexpr int max() const { return m_max; }
    // The wait the next failure will get.
    constexpr int current() const { return m_current; }

    // A failure: the wait to use now; the one after it is twice as long (at most max).
    constexpr int next()
    {
        const int delay = m_current;
        m_current = m_current > m_max / 2 ? m_max : std::max(m_current * 2, 1);
        m_current = std::min(m_current, m_max);
        return delay;
    }
    // A success: the next failure waits first again.
    constexpr void reset() { m_current = m_first; }
    constexpr void setLimits(int first, int max) { *this = RetryDelay(first, max); }

private:
    int m_first;
    int m_max;
    int m_current;
};

} // namespace OpsDeck
