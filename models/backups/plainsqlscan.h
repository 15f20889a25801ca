// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace OpsDeck {

// A psql meta-command (or something that changes how psql reads the rest) in a plain SQL
// dump that is not on the allow-list of what pg_dump and pg_dumpall write.
struct PlainSqlFinding {
    qint64 line = 0;   // 1-based
    qint64 column = 0; // 1-based, in characters (UTF-8)
    QString command;   // the meta-command's name without the backslash: "!", "o", "copy"
    QString text;      // the line from the backslash on, cut at 160 bytes
    QString reason;    // what it would do, translated
};

struct PlainSqlScanResult {
    QList<PlainSqlFinding> findings; // at most MaxFindings; findingsOmitted counts the rest
    qint64 findingsOmitted = 0;
    bool hasRestrict = false;    // a `\restrict KEY` line anywhere
    bool restrictFirst = false;  // one comes before any SQL, as pg_dump writes it
    qint64 knownCommands = 0;    // allow-listed meta-commands seen (\connect, \restrict, \.)
    qint64 copyBlocks = 0;       // `COPY … FROM stdin` data blocks skipped
    qint64 connectCommands = 0;  // allow-listed `\connect`s (pg_dumpall, pg_dump --create)
    qint64 firstConnectLine = 0; // the line of the first one
    QString pgDumpVersion;       // "15.18" from "-- Dumped by pg_dump version 15.18 (…)"
    QString serverVersion;       // "15.18" from "-- Dumped from database version …"
    qint64 bytes = 0;
    qint64 lines = 0;

    static constexpr int MaxFindings = 200;
    bool clean() const { return findings.isEmpty() && findingsOmitted == 0; }
};

// Finds every psql meta-command a plain dump would make `psql -f` run, reading the text the
// way psql's own lexer does: a backslash counts only outside string literals ('…', E'…' with
// backslash escapes, "identifiers", $tag$ bodies $tag$), outside -- and nested /* */
// comments, and outside the data that follows `COPY … FROM stdin;` up to its `\.` line.
// Streaming: feed() any chunks in any sizes; memory stays constant. The same text in any
// chunking gives the same result.
class PlainSqlScanner
{
public:
    PlainSqlScanner();
    void feed(QByteArrayView chunk);
    // Ends the text (a statement or meta-command on its last line counts) and gives the result.
    PlainSqlScanResult finish();

private:
    enum class State {
        Sql,
        LineComment,
        BlockComment,
        Quoted,     // '…', E'…', B'…', X'…', U&'…'
        Identifier, // "…", U&"…"
        Dollar,     // $tag$ … $tag$
        SlashName,  // after a backslash outside any literal: the command's name
        SlashArgs,  // its arguments, up to the end of the line
        CopyData,   // lines after COPY … FROM stdin, up to `\.`
    };
    enum class ArgQuote { None, Single, Double, Back };

    void step(char c);
    void reprocess(char c);
    void sqlByte(char c);
    void tokenStarts();
    void tokenStartsAfterComment();
    void endToken();
    void wordByte(char c);
    void finishWord();
    void innerWordByte(char c);
    void finishInnerWord();
    void statementToken(const QByteArray &token, bool isWord);
    void endStatement(bool sentByPsql);
    void endLine();
    void startMetaCommand();
    void finishMetaCommand();
    void addFinding(qint64 line, qint64 column, const QString &command, const QString &text,
                    const QString &reason);

    PlainSqlScanResult m_result;
    State m_state = State::Sql;
    State m_stateBeforeCopy = State::Sql;
    qint64 m_line = 1;
    qint64 m_column = 0; // of the byte being read

    // Two-byte sequences waiting for their second byte.
    char m_pending = 0; // '-', '/' in Sql; '*', '/' in BlockComment; '\'' closing a string
    bool m_escapeNext = false;
    int m_commentDepth = 0;
    bool m_stringEscapes = false; // the open (or last closed) string is an E'…'
    bool m_afterString = false;   // a string just closed: '…'\n'…' continues it
    bool m_newlineAfterString = false;
    bool m_lastByteDigit = false;
    bool m_wordAfterDigit = false;
    qint64 m_wordLine = 0;
    qint64 m_wordColumn = 0;
    QByteArray m_stringText; // the open string's first bytes, for the statement's tokens

    // The unquoted word being read (identifier or keyword), lowercased, bounded.
    QByteArray m_word;
    bool m_inWord = false;
    bool m_wordOverflow = false;
    QByteArray m_innerWord; // a word inside a literal or quoted identifier
    qint64 m_innerWordLine = 0;
    qint64 m_innerWordColumn = 0;

    // Dollar quotes: the delimiter being read after '$', and the open one's tag.
    bool m_readingDollar = false;
    QByteArray m_dollarCandidate;
    QByteArray m_dollarTag;
    QByteArray m_dollarWindow;

    // The statement psql is collecting: sent at ';' outside parentheses and BEGIN … END.
    int m_parenDepth = 0;
    int m_beginDepth = 0;
    qint64 m_identifierCount = 0;
    QList<QByteArray> m_statementTokens; // the first few of the server statement
    bool m_statementTokensOverflow = false;
    bool m_statementIsCopy = false;
    bool m_lastWordFrom = false;
    bool m_sawTo = false;
    bool m_copyFromStdin = false;
    qint64 m_copyStatements = 0; // server statements of the psql statement that copy from stdin
    qint64 m_copyBlocksPending = 0;
    std::optional<std::pair<qint64, qint64>> m_sensitiveAt;
    QString m_sensitiveWord;
    bool m_sawContent = false;

    // The meta-command being read.
    qint64 m_slashLine = 0;
    qint64 m_slashColumn = 0;
    QByteArray m_slashName;
    QByteArray m_slashText;
    QByteArray m_slashArgs;
    bool m_slashArgsOverflow = false;
    ArgQuote m_argQuote = ArgQuote::None;
    bool m_argEscape = false;
    bool m_slashPendingBackslash = false;

    // COPY data: the current line's first bytes.
    QByteArray m_copyLineStart;
    bool m_copyLineLong = false;

    // The comment that began at the start of a line, for the version header.
    QByteArray m_commentText;
    bool m_commentAtLineStart = false;
    bool m_lineHasContent = false;
};

PlainSqlScanResult scanPlainSql(QByteArrayView text);

// "psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → {15, 18}; "psql (PostgreSQL) 18beta1"
// → {18, 0}.
struct PsqlVersion {
    int major = 0;
    int minor = 0;
};
std::optional<PsqlVersion> parsePsqlVersion(QStringView versionOutput);

// Whether this psql knows \restrict (CVE-2025-8714): 18+, 17.6+, 16.10+, 15.14+, 14.19+, 13.22+.
bool psqlUnderstandsRestrict(const PsqlVersion &version);

// Why running this dump through that psql into one database is refused, in one sentence; empty
// when it may run. A dump that switches databases (\connect) is refused too: what follows it
// would not go into the target.
QString plainRestoreRefusal(const PlainSqlScanResult &scan, const QString &psqlVersionOutput);

// "line 12, column 3: \! — runs a shell command" for each finding, for people.
QStringList describeFindings(const PlainSqlScanResult &scan);

} // namespace OpsDeck
