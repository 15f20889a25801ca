// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/database/sqlhighlighter.h"

#include "models/remote/sqllexer.h"
#include "widgets/common/statuscolours.h"

#include <QApplication>
#include <QSet>
#include <QTextCharFormat>
#include <QTextDocument>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

SqlHighlighter::SqlHighlighter(QTextDocument *document, const QWidget *paletteSource)
    : QSyntaxHighlighter(document)
    , m_paletteSource(paletteSource)
{
}

SqlHighlighter::~SqlHighlighter() = default;

bool SqlHighlighter::isKeyword(QStringView word)
{
    // The words a DBA scans a query for; not PostgreSQL's whole list (type names stay plain).
    static const QSet<QString> keywords = [] {
        QSet<QString> set;
        const char *const words[] = {
            "all",    "alter",     "analyze",   "and",         "any",        "as",        "asc",
            "begin",  "between",   "by",        "case",        "cast",       "commit",    "copy",
            "create", "cross",     "delete",    "desc",        "distinct",   "do",        "drop",
            "else",   "end",       "except",    "exists",      "explain",    "false",     "fetch",
            "for",    "from",      "full",      "grant",       "group",      "having",    "ilike",
            "in",     "index",     "inner",     "insert",      "intersect",  "into",      "is",
            "join",   "lateral",   "left",      "like",        "limit",      "lock",      "not",
            "null",   "nowait",    "offset",    "on",          "or",         "order",     "outer",
            "over",   "partition", "primary",   "recursive",   "references", "returning", "revoke",
            "right",  "rollback",  "savepoint", "select",      "set",        "share",     "skip",
            "start",  "table",     "then",      "transaction", "true",       "truncate",  "union",
            "unique", "update",    "using",     "vacuum",      "values",     "view",      "when",
            "where",  "window",    "with",
        };
        for (const char *keyword : words)
            set.insert(QString::fromLatin1(keyword));
        return set;
    }();
    return keywords.contains(word.toString().toLower());
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    Q_UNUSED(text)
    QTextDocument *doc = document();
    if (doc->revision() != m_revision || m_text.size() != doc->characterCount() - 1) {
        m_revision = doc->revision();
        m_text = doc->toPlainText();
        SqlLexOptions options;
        options.dialect = SqlDialect::Server;
        m_tokens = tokenizeSql(m_text, options).tokens;
    }
    const QPalette palette = m_paletteSource ? m_paletteSource->palette() : QApplication::palette();
    const bool dark = StatusColours::isDark(palette);
    QTextCharFormat keyword;
    keyword.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat string;
    string.setForeground(dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    QTextCharFormat number;
    number.setForeground(dark ? QColor(0xf2, 0xb4, 0x6d) : QColor(0xa0, 0x4a, 0x00));
    QTextCharFormat comment;
    comment.setForeground(palette.color(QPalette::Disabled, QPalette::Text));
    comment.setFontItalic(true);
    keyword.setProperty(KindProperty, u"keyword"_s);
    string.setProperty(KindProperty, u"string"_s);
    number.setProperty(KindProperty, u"number"_s);
    comment.setProperty(KindProperty, u"comment"_s);

    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + currentBlock().length();
    // The first token that ends inside or after this block.
    auto it =
        std::lower_bound(m_tokens.cbegin(), m_tokens.cend(), blockStart,
                         [](const SqlToken &token, qsizetype at) { return token.end() <= at; });
    for (; it != m_tokens.cend() && it->start < blockEnd; ++it) {
        const QTextCharFormat *format = nullptr;
        switch (it->kind) {
        case SqlToken::Kind::Identifier:
            if (isKeyword(it->in(m_text)))
                format = &keyword;
            break;
        case SqlToken::Kind::String:
        case SqlToken::Kind::EscapeString:
        case SqlToken::Kind::UnicodeString:
        case SqlToken::Kind::BitString:
        case SqlToken::Kind::DollarString:
            format = &string;
            break;
        case SqlToken::Kind::Number:
        case SqlToken::Kind::Parameter:
            format = &number;
            break;
        case SqlToken::Kind::LineComment:
        case SqlToken::Kind::BlockComment:
            format = &comment;
            break;
        default:
            break;
        }
        if (!format)
            continue;
        const qsizetype from = std::max(it->start, blockStart) - blockStart;
        const qsizetype to = std::min(it->end(), blockEnd) - blockStart;
        setFormat(int(from), int(to - from), *format);
    }
}

} // namespace OpsDeck
