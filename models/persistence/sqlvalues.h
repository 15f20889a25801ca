// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

// How values go into and come out of the state database's columns, the same for every table.
namespace OpsDeck::SqlValues {

// ISO-8601 UTC with milliseconds: sorts as text, so range filters and ORDER BY use the index.
// An invalid time is NULL.
QVariant timeText(const QDateTime &time);
QDateTime timeFromText(const QVariant &value);

// Empty text is stored as NULL, not as ''.
QVariant nullIfEmpty(const QString &text);

template<typename T>
QVariant nullIfUnset(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

template<typename T>
std::optional<T> optionalFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<T>();
}

// "%text%" for `LIKE ? ESCAPE '\'`: LIKE treats % and _ as wildcards; the user's text is meant
// literally.
QString likePattern(const QString &text);

} // namespace OpsDeck::SqlValues
