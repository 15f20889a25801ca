// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>

namespace OpsDeck {

// Colours indented JSON (keys, strings, numbers, true/false/null) for the Inspect tab. Works
// line by line, which is enough for what QJsonDocument::Indented writes: no string spans lines.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    explicit JsonHighlighter(QTextDocument *document);
    ~JsonHighlighter() override;

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace OpsDeck
