// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSyntaxHighlighter>

class QWidget;

namespace OpsDeck {

// Marks up `kubectl describe` text for the Describe tab: the top-level headings (Name:,
// Containers:, Events:) bold, so the sections stand out in the long text, and the Warning
// lines of the Events section in the caution colour of the view's palette.
class DescribeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DescribeHighlighter)

public:
    DescribeHighlighter(QTextDocument *document, QWidget *paletteOf);
    ~DescribeHighlighter() override;

protected:
    void highlightBlock(const QString &text) override;
    // The warning colour follows the palette (light, dark).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_paletteOf;
};

} // namespace OpsDeck
