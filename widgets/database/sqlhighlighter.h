// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextFormat>
#include <QWidget>

#include <vector>

namespace OpsDeck {

struct SqlToken;

// Colours SQL as the server reads it (keywords, strings, comments, numbers) with the project's
// SQL lexer, so a string or comment that spans lines is coloured as one. The whole text is
// tokenized once per change of the document: query texts are short.
class SqlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlHighlighter)

public:
    // Colours follow paletteSource's palette (the application's without one); call rehighlight()
    // when it changes.
    explicit SqlHighlighter(QTextDocument *document, const QWidget *paletteSource = nullptr);
    ~SqlHighlighter() override;

    static bool isKeyword(QStringView word);
    // Each coloured range's format says what it is: "keyword", "string", "number", "comment".
    static constexpr int KindProperty = QTextFormat::UserProperty + 1;

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<const QWidget> m_paletteSource;
    int m_revision = -1;
    QString m_text;
    std::vector<SqlToken> m_tokens;
};

} // namespace OpsDeck
