// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <variant>

namespace OpsDeck::YamlTextEdit {

// Edits YAML text in place so that everything the edit does not touch stays byte for byte:
// comments, blank lines, key order, quoting and line endings. A workspace lives in the team's
// Git; a UI that re-emitted the whole file would destroy its history and its comments.

// A path to a node: mapping keys and list indices, e.g. {"environments", 0, "hosts", 2}.
using PathElement = std::variant<QString, int>;
using Path = QList<PathElement>;

struct Result {
    QByteArray text;
    QString error; // empty on success; says what could not be edited and where
    bool ok() const { return error.isEmpty(); }
};

// Sets the value of the last key of path to valueYaml (a scalar or flow collection already in
// YAML form: see quoteScalar() and flowList()). Adds the key to its mapping when missing.
Result setValue(const QByteArray &text, const Path &path, const QString &valueYaml);

// Appends a mapping to the block list at listPath; the list and its key are created when
// missing. entries are key / YAML value pairs in the order they should appear.
Result appendMapping(const QByteArray &text, const Path &listPath,
                     const QList<QPair<QString, QString>> &entries);

// A scalar in YAML form: plain when that reads back as the same string, double-quoted otherwise.
QString quoteScalar(const QString &value);
// [a, b, "c d"]
QString flowList(const QStringList &items);

} // namespace OpsDeck::YamlTextEdit
