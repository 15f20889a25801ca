// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/containers/describehighlighter.h"

#include "widgets/common/statuscolours.h"

#include <QEvent>
#include <QWidget>

namespace OpsDeck {

namespace {

enum BlockState { Outside = 0, InEvents = 1 };

} // namespace

DescribeHighlighter::DescribeHighlighter(QTextDocument *document, QWidget *paletteOf)
    : QSyntaxHighlighter(document)
    , m_paletteOf(paletteOf)
{
    if (paletteOf)
        paletteOf->installEventFilter(this);
}

DescribeHighlighter::~DescribeHighlighter() = default;

bool DescribeHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_paletteOf && event->type() == QEvent::PaletteChange)
        rehighlight();
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void DescribeHighlighter::highlightBlock(const QString &text)
{
    const bool topLevel = !text.isEmpty() && !text.front().isSpace();
    const int previous = previousBlockState() < 0 ? Outside : previousBlockState();
    int state = previous;
    if (topLevel)
        state = text.startsWith(u"Events:") ? InEvents : Outside;
    setCurrentBlockState(state);
    if (topLevel) {
        const qsizetype colon = text.indexOf(u':');
        if (colon > 0) {
            QTextCharFormat heading;
            heading.setFontWeight(QFont::Bold);
            setFormat(0, int(colon + 1), heading);
        }
        return;
    }
    if (state == InEvents && text.trimmed().startsWith(u"Warning") && m_paletteOf) {
        QTextCharFormat warning;
        warning.setForeground(StatusColours::caution(m_paletteOf->palette()));
        setFormat(0, int(text.size()), warning);
    }
}

} // namespace OpsDeck
