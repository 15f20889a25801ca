// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace OpsDeck {

// A problem found in a file the user gave us, with the place to fix it (1-based line and
// column; 0 when the whole file is meant).
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "file:line:column: error: message", the form compilers and editors understand.
    QString toString() const;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
qsizetype countErrors(const Diagnostics &diagnostics);

} // namespace OpsDeck
