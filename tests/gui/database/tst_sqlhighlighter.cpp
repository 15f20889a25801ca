// SPDX-License-Identifier: GPL-3.0-or-later
// The Databases page's SQL highlighting on queries as pg_stat_activity and pg_stat_statements
// show them: what each piece of text is coloured as, also across lines.
#include "widgets/database/sqlhighlighter.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class SqlHighlighterTest : public QObject
{
    Q_OBJECT

private:
    // What the character at position of document is coloured as, or "" when it is plain.
    static QString kindAt(QTextDocument &document, int position)
    {
        const QTextBlock block = document.findBlock(position);
        const int inBlock = position - block.position();
        const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
        for (const QTextLayout::FormatRange &range : ranges) {
            if (inBlock >= range.start && inBlock < range.start + range.length)
                return range.format.property(SqlHighlighter::KindProperty).toString();
        }
        return {};
    }

private Q_SLOTS:
    void colours_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("piece"); // its first occurrence is checked
        QTest::addColumn<QString>("kind");

        const QString update = u"UPDATE accounts SET balance = balance - 1 WHERE id = 1;"_s;
        QTest::newRow("keyword") << update << u"UPDATE"_s << u"keyword"_s;
        QTest::newRow("lower-case keyword") << u"select 1"_s << u"select"_s << u"keyword"_s;
        QTest::newRow("table name") << update << u"accounts"_s << u""_s;
        QTest::newRow("number") << update << u"1 WHERE"_s << u"number"_s;
        QTest::newRow("parameter")
            << u"SELECT * FROM events WHERE id % $1 = $2"_s << u"$1"_s << u"number"_s;
        QTest::newRow("string") << u"SELECT 'payment' AS kind"_s << u"'payment'"_s << u"string"_s;
        QTest::newRow("keyword inside a string is a string")
            << u"SELECT 'DELETE FROM x'"_s << u"DELETE"_s << u"string"_s;
        QTest::newRow("line comment")
            << u"SELECT 1 -- WHERE nothing\nFROM t"_s << u"WHERE"_s << u"comment"_s;
        QTest::newRow("after a line comment")
            << u"SELECT 1 -- note\nFROM t"_s << u"FROM"_s << u"keyword"_s;
        QTest::newRow("block comment over lines")
            << u"/* pg_stat_statements\n   SELECT hidden */ SELECT 2"_s << u"hidden"_s
            << u"comment"_s;
        QTest::newRow("after a block comment over lines")
            << u"/* a\n b */ SELECT 2"_s << u"SELECT"_s << u"keyword"_s;
        QTest::newRow("dollar string over lines")
            << u"DO $$\nBEGIN PERFORM 1; END\n$$"_s << u"PERFORM"_s << u"string"_s;
        QTest::newRow("quoted identifier is no keyword")
            << u"SELECT \"select\" FROM t"_s << u"select\""_s << u""_s;
    }

    void colours()
    {
        QFETCH(QString, sql);
        QFETCH(QString, piece);
        QFETCH(QString, kind);
        QTextDocument document;
        document.setPlainText(sql);
        SqlHighlighter highlighter(&document);
        highlighter.rehighlight();
        const int at = int(sql.indexOf(piece));
        QVERIFY(at >= 0);
        for (int offset = 0; offset < piece.size(); ++offset) {
            if (piece.at(offset).isSpace())
                break;
            QCOMPARE(kindAt(document, at + offset), kind);
        }
    }

    // As the page uses it: one editor whose text is replaced at each selection.
    void followsNewTexts()
    {
        QPlainTextEdit editor;
        SqlHighlighter highlighter(editor.document());
        editor.setPlainText(u"SELECT 1"_s);
        QTRY_COMPARE(kindAt(*editor.document(), 0), u"keyword"_s);
        editor.setPlainText(u"'SELECT' 1"_s);
        QTRY_COMPARE(kindAt(*editor.document(), 1), u"string"_s);
        QCOMPARE(kindAt(*editor.document(), 9), u"number"_s);
    }
};

QTEST_MAIN(SqlHighlighterTest)
#include "tst_sqlhighlighter.moc"
