// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariantList>

// A fingerprint of a row's values, for tables whose rows are chained to each other so that an
// edit, a removal or a reordering shows (the audit log).
namespace OpsDeck::RecordHash {

// SHA-256, as 64 lowercase hex digits, over an encoding of fields in which no two different
// lists of values look alike: the number of fields, then each field as its kind (NULL, integer,
// real, text, blob), its length in bytes and its bytes (integers and reals as decimal text,
// text as UTF-8). Lengths come first, so text that holds a separator cannot move a field
// boundary ("ab" + "c" differs from "a" + "bc"), and NULL differs from '' and 0 from '0'.
// Values read back from SQLite hash like the values that were bound.
QString of(const QVariantList &fields);

// What the first row of a chain names as its predecessor.
QString genesis();

} // namespace OpsDeck::RecordHash
