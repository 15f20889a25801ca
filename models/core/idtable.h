// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace OpsDeck {

// The one way an enum gets its stable text ids (workspace, command line, JSON): a constexpr
// table of {value, u"id"} pairs, looked up both ways.
template<typename Enum, std::size_t N>
using IdTable = std::array<std::pair<Enum, const char16_t *>, N>;

template<typename Enum, std::size_t N>
QString idOf(const IdTable<Enum, N> &table, Enum value)
{
    for (const auto &[entry, id] : table) {
        if (entry == value)
            return QString::fromUtf16(id);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> fromId(const IdTable<Enum, N> &table, QStringView id,
                           Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
{
    for (const auto &[entry, name] : table) {
        if (id.compare(QStringView(name), sensitivity) == 0)
            return entry;
    }
    return std::nullopt;
}

} // namespace OpsDeck
