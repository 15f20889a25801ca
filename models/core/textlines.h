// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

// The one way text files are cut into numbered lines: '\n' ends a line, a '\r' before it is
// not part of the line (CRLF files), and a last line without '\n' still counts.
namespace OpsDeck {

// Calls visit(line, lineNumber) for each line, numbered from 1.
template<typename Visit>
void forEachLine(QByteArrayView text, Visit &&visit)
{
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        visit(line, ++lineNumber);
        start = end + 1;
    }
}

} // namespace OpsDeck
