// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/containers/jsonhighlighter.h"

#include "widgets/common/statuscolours.h"

#include <QApplication>
#include <QTextCharFormat>

namespace OpsDeck {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = QApplication::palette();
    const bool dark = StatusColours::isDark(palette);
    QTextCharFormat key;
    key.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0));
    QTextCharFormat string;
    string.setForeground(dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    QTextCharFormat literal;
    literal.setForeground(dark ? QColor(0xf2, 0xb4, 0x6d) : QColor(0xa0, 0x4a, 0x00));

    qsizetype at = 0;
    while (at < text.size()) {
        const QChar c = text.at(at);
        if (c == u'"') {
            qsizetype end = at + 1;
            while (end < text.size() && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = std::min(end + 1, text.size());
            // A string followed by a colon is a key.
            qsizetype next = end;
            while (next < text.size() && text.at(next).isSpace())
                ++next;
            const bool isKey = next < text.size() && text.at(next) == u':';
            setFormat(int(at), int(end - at), isKey ? key : string);
            at = end;
        } else if (c.isDigit() || c == u'-' || c.isLetter()) {
            qsizetype end = at;
            while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == u'.' ||
                                         text.at(end) == u'-' || text.at(end) == u'+'))
                ++end;
            setFormat(int(at), int(end - at), literal);
            at = end;
        } else {
            ++at;
        }
    }
}

} // namespace OpsDeck
