// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/plainsqlscan.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(PlainSqlScan)
};

constexpr qsizetype MaxWord = 64;
constexpr qsizetype MaxSlashText = 160;
constexpr qsizetype MaxSlashArgs = 512;
constexpr qsizetype MaxDollarTag = 1024;
constexpr qsizetype MaxStatementTokens = 6;
constexpr qsizetype MaxTokenText = 64;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isIdentStart(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Settings that change how psql reads the bytes after them: with standard_conforming_strings
// off a backslash escapes a quote in '…'; with a client encoding like SJIS a backslash byte
// can be the second half of a character. Only pg_dump's own SET lines for them are allowed.
bool isSensitiveSetting(const QByteArray &word)
{
    return word == "standard_conforming_strings" || word == "client_encoding";
}

// Client encodings whose second bytes can look like a backslash or a quote to psql's lexer.
bool isSafeEncodingName(QByteArray name)
{
    static const QList<QByteArray> unsafe{"sjis",   "shift_jis_2004", "big5",   "gbk",
                                          "uhc",    "gb18030",        "johab",  "mskanji",
                                          "win932", "win936",         "win949", "win950"};
    name = name.toLower();
    name.replace('-', '_');
    static const QRegularExpression form(u"^[a-z0-9_]+$"_s);
    return form.match(QString::fromLatin1(name)).hasMatch() && !unsafe.contains(name);
}

bool isAllowedSetting(const QList<QByteArray> &tokens, bool overflow)
{
    if (overflow || tokens.size() != 4 || tokens.at(0) != "set" ||
        (tokens.at(2) != "=" && tokens.at(2) != "to"))
        return false;
    if (tokens.at(1) == "standard_conforming_strings")
        return tokens.at(3) == "on" || tokens.at(3) == "'on'";
    if (tokens.at(1) != "client_encoding" || !tokens.at(3).startsWith('\'') ||
        !tokens.at(3).endsWith('\'') || tokens.at(3).size() < 3)
        return false;
    return isSafeEncodingName(tokens.at(3).mid(1, tokens.at(3).size() - 2));
}

QString reasonFor(const QByteArray &name)
{
    const QByteArray n = name;
    if (n.startsWith('!'))
        return Text::tr("runs a shell command");
    if (n == "o" || n == "out" || n.startsWith("g") || n == "w" || n == "write")
        return Text::tr("can send output to a shell command or write a file");
    if (n == "copy")
        return Text::tr("reads or writes files on the host, or runs a program");
    if (n == "i" || n == "include" || n == "ir" || n == "include_relative")
        return Text::tr("runs the SQL of another file");
    if (n == "set" || n == "setenv")
        return Text::tr("sets a variable, from a shell command when it has backticks");
    if (n.startsWith("lo_"))
        return Text::tr("reads or writes large objects from files on the host");
    if (n == "cd")
        return Text::tr("changes the directory psql reads and writes files in");
    if (n == "encoding")
        return Text::tr("changes how psql reads the bytes that follow to an encoding OpsDeck "
                        "does not allow");
    if (n == ".")
        return Text::tr("ends COPY data, but no COPY … FROM stdin is open here");
    if (n == "restrict" || n == "unrestrict" || n == "connect" || n == "c")
        return Text::tr("has arguments that are not the plain ones pg_dump writes");
    if (n.isEmpty())
        return Text::tr("a lone backslash, which psql reads as a meta-command");
    return Text::tr("is not a meta-command pg_dump writes");
}

// `\connect template1` or `\connect -reuse-previous=on "dbname='my db'"`, as pg_dumpall
// writes them: plain words, or one double-quoted connection string without backticks.
bool isPlainConnectArgument(const QByteArray &args)
{
    static const QRegularExpression form(
        uR"(^(?:(?:-reuse-previous=on|[A-Za-z0-9_]+|"(?:[^"`]|"")*")(?:[ \t]+|$)){1,2}$)"_s);
    return !args.isEmpty() && form.match(QString::fromUtf8(args)).hasMatch();
}

QByteArray trimmed(const QByteArray &bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && isSpace(bytes.at(begin)))
        ++begin;
    while (end > begin && isSpace(bytes.at(end - 1)))
        --end;
    return bytes.mid(begin, end - begin);
}

} // namespace

PlainSqlScanner::PlainSqlScanner() = default;

void PlainSqlScanner::feed(QByteArrayView chunk)
{
    for (const char c : chunk)
        step(c);
}

void PlainSqlScanner::step(char c)
{
    ++m_result.bytes;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
        ++m_column;
    switch (m_state) {
    case State::Sql:
        sqlByte(c);
        break;
    case State::LineComment:
        // psql ends a -- comment at a carriage return too: what follows it on the same line
        // is read again, backslash commands included.
        if (c == '\n' || c == '\r') {
            if (m_commentAtLineStart) {
                const QByteArray text = m_commentText;
                const auto versionAfter = [&text](QByteArrayView prefix) -> QString {
                    if (!text.startsWith(prefix))
                        return {};
                    return QString::fromUtf8(text.mid(prefix.size()).split(' ').value(0));
                };
                if (m_result.pgDumpVersion.isEmpty())
                    m_result.pgDumpVersion = versionAfter("-- Dumped by pg_dump version ");
                if (m_result.serverVersion.isEmpty())
                    m_result.serverVersion = versionAfter("-- Dumped from database version ");
            }
            m_commentText.clear();
            m_state = State::Sql;
            if (m_afterString)
                m_newlineAfterString = true;
        } else if (m_commentText.size() < 120) {
            m_commentText.append(c);
        }
        break;
    case State::BlockComment:
        if (m_pending == '/' && c == '*') {
            m_pending = 0;
            ++m_commentDepth;
        } else if (m_pending == '*' && c == '/') {
            m_pending = 0;
            if (m_commentDepth == 0)
                m_state = State::Sql;
            else
                --m_commentDepth;
        } else {
            m_pending = (c == '/' || c == '*') ? c : 0;
        }
        break;
    case State::Quoted:
        if (m_escapeNext) {
            m_escapeNext = false;
            innerWordByte(c);
            if (m_stringText.size() < MaxTokenText)
                m_stringText.append(c);
        } else if (m_pending == '\'') {
            m_pending = 0;
            if (c == '\'') {
                innerWordByte(c);
                if (m_stringText.size() < MaxTokenText)
                    m_stringText.append(c);
            } else {
                finishInnerWord();
                statementToken(QByteArray("'") + m_stringText + "'", false);
                m_stringText.clear();
                m_state = State::Sql;
                m_afterString = true;
                m_newlineAfterString = false;
                sqlByte(c);
            }
        } else if (c == '\'') {
            m_pending = '\'';
        } else if (c == '\\' && m_stringEscapes) {
            m_escapeNext = true;
        } else {
            innerWordByte(c);
            if (m_stringText.size() < MaxTokenText)
                m_stringText.append(c);
        }
        break;
    case State::Identifier:
        if (m_pending == '"') {
            m_pending = 0;
            if (c == '"') {
                innerWordByte(c);
            } else {
                finishInnerWord();
                m_state = State::Sql;
                sqlByte(c);
            }
        } else if (c == '"') {
            m_pending = '"';
        } else {
            innerWordByte(c);
        }
        break;
    case State::Dollar: {
        innerWordByte(c);
        m_dollarWindow.append(c);
        const qsizetype delimiter = m_dollarTag.size() + 2;
        if (m_dollarWindow.size() > delimiter)
            m_dollarWindow.remove(0, m_dollarWindow.size() - delimiter);
        if (m_dollarWindow.size() == delimiter && m_dollarWindow.front() == '$' &&
            m_dollarWindow.back() == '$' &&
            QByteArrayView(m_dollarWindow).sliced(1, m_dollarTag.size()) == m_dollarTag) {
            finishInnerWord();
            m_dollarWindow.clear();
            m_state = State::Sql;
        }
        break;
    }
    case State::SlashName:
        if (m_slashText.size() < MaxSlashText)
            m_slashText.append(c);
        if (m_slashName.isEmpty() && (c == ';' || c == ':') && m_slashText.size() == 2) {
            // `\;` and `\:` put the character into the query: no meta-command.
            m_state = State::Sql;
            m_sawContent = true;
            if (c == ';')
                endStatement(false);
            else
                statementToken(":", false);
            break;
        }
        if (isSpace(c) || c == '\\') {
            m_state = State::SlashArgs;
            m_argQuote = ArgQuote::None;
            m_argEscape = false;
            m_slashPendingBackslash = false;
            if (m_slashText.size() <= MaxSlashText && !m_slashText.isEmpty())
                m_slashText.chop(1);
            reprocess(c); // the end of the name is read again as an argument byte
            return;
        }
        if (m_slashName.size() < MaxWord)
            m_slashName.append(c);
        break;
    case State::SlashArgs:
        if (m_slashPendingBackslash) {
            m_slashPendingBackslash = false;
            if (c == '\\') {
                // `\\` ends the arguments: SQL goes on on the same line.
                finishMetaCommand();
                m_state = State::Sql;
                break;
            }
            // An unquoted backslash starts the next meta-command.
            const qint64 line = m_line;
            const qint64 column = m_column - 1;
            finishMetaCommand();
            startMetaCommand();
            m_slashLine = line;
            m_slashColumn = column;
            reprocess(c);
            return;
        }
        if (c == '\n') {
            finishMetaCommand();
            m_state = State::Sql;
            break;
        }
        if (m_slashText.size() < MaxSlashText)
            m_slashText.append(c);
        if (m_argEscape) {
            m_argEscape = false;
        } else if (m_argQuote == ArgQuote::None) {
            if (c == '\\') {
                m_slashPendingBackslash = true;
                if (!m_slashText.isEmpty())
                    m_slashText.chop(1);
                break;
            }
            if (c == '\'')
                m_argQuote = ArgQuote::Single;
            else if (c == '"')
                m_argQuote = ArgQuote::Double;
            else if (c == '`')
                m_argQuote = ArgQuote::Back;
        } else if (m_argQuote == ArgQuote::Single) {
            if (c == '\\')
                m_argEscape = true;
            else if (c == '\'')
                m_argQuote = ArgQuote::None;
        } else if ((m_argQuote == ArgQuote::Double && c == '"') ||
                   (m_argQuote == ArgQuote::Back && c == '`')) {
            m_argQuote = ArgQuote::None;
        }
        if (m_slashArgs.size() < MaxSlashArgs)
            m_slashArgs.append(c);
        else
            m_slashArgsOverflow = true;
        break;
    case State::CopyData:
        if (c == '\n') {
            if (!m_copyLineLong && (m_copyLineStart == "\\." || m_copyLineStart == "\\.\r")) {
                ++m_result.copyBlocks;
                ++m_result.knownCommands;
                if (--m_copyBlocksPending == 0)
                    m_state = m_stateBeforeCopy;
            }
            m_copyLineStart.clear();
            m_copyLineLong = false;
        } else if (m_copyLineStart.size() < 3) {
            m_copyLineStart.append(c);
        } else {
            m_copyLineLong = true;
        }
        break;
    }
    if (c == '\n') {
        ++m_result.lines;
        ++m_line;
        m_column = 0;
        m_lineHasContent = false;
        // psql reads COPY data from the lines after the one whose ';' sent the COPY, whatever
        // the rest of that line left open.
        if (m_copyBlocksPending > 0 && m_state != State::CopyData) {
            m_stateBeforeCopy = m_state;
            m_state = State::CopyData;
            m_copyLineStart.clear();
            m_copyLineLong = false;
        }
    }
}

void PlainSqlScanner::reprocess(char c)
{
    --m_result.bytes;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
        --m_column;
    step(c);
}

void PlainSqlScanner::tokenStarts()
{
    m_afterString = false;
    m_newlineAfterString = false;
    m_sawContent = true;
    m_lineHasContent = true;
}

void PlainSqlScanner::sqlByte(char c)
{
    if (m_pending == '-' || m_pending == '/') {
        const char first = m_pending;
        m_pending = 0;
        if (first == '-' && c == '-') {
            m_commentAtLineStart = !m_lineHasContent && m_column == 2;
            m_commentText = "--";
            m_state = State::LineComment;
            return;
        }
        if (first == '/' && c == '*') {
            m_commentDepth = 0;
            m_state = State::BlockComment;
            tokenStartsAfterComment();
            return;
        }
        tokenStarts();
        statementToken(QByteArray(1, first), false);
    }
    if (m_readingDollar) {
        const bool tagByte = isIdentStart(c) || (!m_dollarCandidate.isEmpty() && isDigit(c));
        if (c == '$') {
            m_readingDollar = false;
            m_dollarTag = m_dollarCandidate;
            m_dollarCandidate.clear();
            m_dollarWindow.clear();
            m_state = State::Dollar;
            statementToken("$$", false);
            return;
        }
        if (tagByte) {
            if (m_dollarCandidate.size() < MaxDollarTag) {
                m_dollarCandidate.append(c);
                return;
            }
            addFinding(m_line, m_column, u"$"_s, {},
                       Text::tr("a dollar-quote tag longer than %1 bytes").arg(MaxDollarTag));
        }
        // Not a delimiter: a '$' (a parameter like $1, or an operator), then a word.
        m_readingDollar = false;
        statementToken("$", false);
        const QByteArray word = m_dollarCandidate;
        m_dollarCandidate.clear();
        for (const char w : word)
            wordByte(w);
    }
    if (isSpace(c)) {
        endToken();
        if ((c == '\n' || c == '\r') && m_afterString)
            m_newlineAfterString = true;
        return;
    }
    if (m_inWord && (isIdentStart(c) || isDigit(c) || c == '$')) {
        wordByte(c);
        return;
    }
    if (c == '\'') {
        bool escapes = false;
        if (m_inWord && !m_wordOverflow && m_word == "e") {
            escapes = true;
            if (m_wordAfterDigit)
                addFinding(m_line, m_column - 1, u"e'"_s, {},
                           Text::tr("a quote right after a number and an E: psql versions read "
                                    "it differently"));
            m_inWord = false;
            m_word.clear();
        } else if (!m_inWord && m_afterString && m_newlineAfterString && m_stringEscapes) {
            addFinding(m_line, m_column, u"'"_s, {},
                       Text::tr("a string continued on a new line after an E'…' string: psql "
                                "versions read its backslashes differently"));
        }
        endToken();
        tokenStarts();
        m_stringEscapes = escapes;
        m_state = State::Quoted;
        m_innerWord.clear();
        m_stringText.clear();
        return;
    }
    const bool afterDigit = m_lastByteDigit && !m_inWord;
    endToken();
    if (isDigit(c)) {
        tokenStarts();
        if (!afterDigit)
            statementToken("0", false);
        m_lastByteDigit = true;
        return;
    }
    if (isIdentStart(c)) {
        tokenStarts();
        m_wordAfterDigit = afterDigit;
        m_wordLine = m_line;
        m_wordColumn = m_column;
        wordByte(c);
        return;
    }
    switch (c) {
    case '-':
    case '/':
        m_pending = c;
        return;
    case '"':
        tokenStarts();
        m_state = State::Identifier;
        m_innerWord.clear();
        statementToken("\"", false);
        return;
    case '$':
        tokenStarts();
        m_readingDollar = true;
        m_dollarCandidate.clear();
        return;
    case '\\':
        startMetaCommand();
        return;
    case '(':
        tokenStarts();
        ++m_parenDepth;
        statementToken("(", false);
        return;
    case ')':
        tokenStarts();
        if (m_parenDepth > 0)
            --m_parenDepth;
        statementToken(")", false);
        return;
    case ';':
        tokenStarts();
        if (m_parenDepth == 0 && m_beginDepth == 0)
            endStatement(true);
        else
            statementToken(";", false);
        return;
    default:
        tokenStarts();
        statementToken(QByteArray(1, c), false);
        return;
    }
}

void PlainSqlScanner::tokenStartsAfterComment()
{
    // A /* */ comment is not the whitespace that lets a string continue on the next line.
    m_afterString = false;
    m_newlineAfterString = false;
}

void PlainSqlScanner::endToken()
{
    if (m_inWord)
        finishWord();
    m_lastByteDigit = false;
}

void PlainSqlScanner::wordByte(char c)
{
    m_inWord = true;
    if (m_word.size() < MaxWord)
        m_word.append(lower(c));
    else
        m_wordOverflow = true;
}

void PlainSqlScanner::finishWord()
{
    const QByteArray word = m_wordOverflow ? QByteArray("?") : m_word;
    m_inWord = false;
    m_word.clear();
    m_wordOverflow = false;
    ++m_identifierCount;
    // psql's own rule for SQL-standard function bodies: ';' inside BEGIN … END (and CASE …
    // END) does not end the statement; a statement that starts with BEGIN is a transaction.
    if (word == "begin" || word == "case") {
        if (m_identifierCount > 1)
            ++m_beginDepth;
    } else if (word == "end" && m_beginDepth > 0) {
        --m_beginDepth;
    }
    if (isSensitiveSetting(word) && !m_sensitiveAt) {
        m_sensitiveAt = std::pair{m_wordLine, m_wordColumn};
        m_sensitiveWord = QString::fromUtf8(word);
    }
    const bool firstToken = m_statementTokens.isEmpty() && !m_statementTokensOverflow;
    statementToken(word, true);
    if (m_parenDepth == 0) {
        if (firstToken)
            m_statementIsCopy = word == "copy";
        if (word == "to")
            m_sawTo = true;
        if (m_lastWordFrom && word == "stdin" && m_statementIsCopy && !m_sawTo)
            m_copyFromStdin = true;
        m_lastWordFrom = word == "from";
    } else {
        m_lastWordFrom = false;
    }
}

void PlainSqlScanner::innerWordByte(char c)
{
    if (isIdentStart(c) || isDigit(c)) {
        if (m_innerWord.isEmpty()) {
            m_innerWordLine = m_line;
            m_innerWordColumn = m_column;
        }
        if (m_innerWord.size() < MaxWord)
            m_innerWord.append(lower(c));
        else
            m_innerWord = "?";
        return;
    }
    finishInnerWord();
}

void PlainSqlScanner::finishInnerWord()
{
    if (isSensitiveSetting(m_innerWord) && !m_sensitiveAt) {
        m_sensitiveAt = std::pair{m_innerWordLine, m_innerWordColumn};
        m_sensitiveWord = QString::fromUtf8(m_innerWord);
    }
    m_innerWord.clear();
}

void PlainSqlScanner::statementToken(const QByteArray &token, bool isWord)
{
    if (!isWord)
        m_lastWordFrom = false;
    if (m_statementTokens.size() < MaxStatementTokens)
        m_statementTokens.append(token.left(MaxTokenText));
    else
        m_statementTokensOverflow = true;
}

void PlainSqlScanner::endStatement(bool sentByPsql)
{
    if (m_sensitiveAt && !isAllowedSetting(m_statementTokens, m_statementTokensOverflow))
        addFinding(m_sensitiveAt->first, m_sensitiveAt->second, m_sensitiveWord, {},
                   Text::tr("changes %1 other than as pg_dump does, which changes how psql "
                            "reads the text that follows")
                       .arg(m_sensitiveWord));
    if (m_copyFromStdin)
        ++m_copyStatements;
    m_statementTokens.clear();
    m_statementTokensOverflow = false;
    m_statementIsCopy = false;
    m_lastWordFrom = false;
    m_sawTo = false;
    m_copyFromStdin = false;
    m_sensitiveAt.reset();
    m_sensitiveWord.clear();
    if (sentByPsql) {
        m_copyBlocksPending += m_copyStatements;
        m_copyStatements = 0;
        m_identifierCount = 0;
        m_beginDepth = 0;
        m_parenDepth = 0;
    }
}

void PlainSqlScanner::startMetaCommand()
{
    endToken();
    m_state = State::SlashName;
    m_slashLine = m_line;
    m_slashColumn = m_column;
    m_slashName.clear();
    m_slashText = "\\";
    m_slashArgs.clear();
    m_slashArgsOverflow = false;
    m_argQuote = ArgQuote::None;
    m_argEscape = false;
    m_slashPendingBackslash = false;
}

void PlainSqlScanner::finishMetaCommand()
{
    const QByteArray name = m_slashName;
    const QByteArray args = trimmed(m_slashArgs);
    bool known = false;
    if (!m_slashArgsOverflow) {
        static const QRegularExpression key(u"^[A-Za-z0-9]+$"_s);
        if (name == "restrict" || name == "unrestrict")
            known = key.match(QString::fromLatin1(args)).hasMatch();
        else if (name == "connect" || name == "c")
            known = isPlainConnectArgument(args);
        else if (name == "encoding") // pg_dumpall: `\encoding SQL_ASCII` before a \connect
            known = isSafeEncodingName(args);
    }
    if (known) {
        ++m_result.knownCommands;
        if (name == "connect" || name == "c") {
            if (m_result.connectCommands++ == 0)
                m_result.firstConnectLine = m_slashLine;
        }
        if (name == "restrict") {
            m_result.hasRestrict = true;
            if (!m_sawContent)
                m_result.restrictFirst = true;
        }
    } else {
        addFinding(m_slashLine, m_slashColumn, QString::fromUtf8(name),
                   QString::fromUtf8(trimmed(m_slashText)), reasonFor(name));
    }
    if (!known || name != "restrict")
        m_sawContent = true;
    m_lineHasContent = true;
    m_slashName.clear();
    m_slashArgs.clear();
    m_slashText.clear();
}

void PlainSqlScanner::addFinding(qint64 line, qint64 column, const QString &command,
                                 const QString &text, const QString &reason)
{
    if (m_result.findings.size() >= PlainSqlScanResult::MaxFindings) {
        ++m_result.findingsOmitted;
        return;
    }
    m_result.findings.append({line, column, command, text, reason});
}

PlainSqlScanResult PlainSqlScanner::finish()
{
    switch (m_state) {
    case State::Sql:
        if (m_readingDollar) {
            m_readingDollar = false;
            statementToken("$", false);
        }
        if (m_pending == '-' || m_pending == '/') {
            statementToken(QByteArray(1, m_pending), false);
            m_pending = 0;
        }
        endToken();
        break;
    case State::SlashName:
    case State::SlashArgs:
        finishMetaCommand();
        break;
    case State::Quoted:
    case State::Identifier:
    case State::Dollar:
        finishInnerWord();
        break;
    default:
        break;
    }
    if (m_column > 0)
        ++m_result.lines;
    // psql sends what is left at the end of the file.
    endStatement(true);
    PlainSqlScanResult result = m_result;
    *this = PlainSqlScanner();
    return result;
}

PlainSqlScanResult scanPlainSql(QByteArrayView text)
{
    PlainSqlScanner scanner;
    scanner.feed(text);
    return scanner.finish();
}

std::optional<PsqlVersion> parsePsqlVersion(QStringView versionOutput)
{
    static const QRegularExpression form(u"\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?"_s);
    const QRegularExpressionMatch match = form.match(versionOutput);
    if (!match.hasMatch())
        return std::nullopt;
    PsqlVersion version;
    version.major = match.captured(1).toInt();
    version.minor = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    // 9.6.24 and older: major.minor.patch, all long before \restrict.
    return version;
}

bool psqlUnderstandsRestrict(const PsqlVersion &version)
{
    switch (version.major) {
    case 13:
        return version.minor >= 22;
    case 14:
        return version.minor >= 19;
    case 15:
        return version.minor >= 14;
    case 16:
        return version.minor >= 10;
    case 17:
        return version.minor >= 6;
    default:
        return version.major >= 18;
    }
}

QStringList describeFindings(const PlainSqlScanResult &scan)
{
    QStringList lines;
    for (const PlainSqlFinding &finding : scan.findings) {
        const QString what = finding.text.isEmpty() ? u"\\"_s + finding.command : finding.text;
        lines << Text::tr("line %1, column %2: %3 — %4")
                     .arg(finding.line)
                     .arg(finding.column)
                     .arg(what, finding.reason);
    }
    if (scan.findingsOmitted > 0)
        lines << Text::tr("%n more not listed", nullptr, int(scan.findingsOmitted));
    return lines;
}

QString plainRestoreRefusal(const PlainSqlScanResult &scan, const QString &psqlVersionOutput)
{
    if (!scan.clean()) {
        const PlainSqlFinding &first = scan.findings.first();
        const qint64 count = scan.findings.size() + scan.findingsOmitted;
        return Text::tr("Refused: the dump has %n psql meta-command(s) pg_dump does not write, "
                        "the first at line %1, column %2 (%3: %4).",
                        nullptr, int(count))
            .arg(first.line)
            .arg(first.column)
            .arg(first.text.isEmpty() ? u"\\"_s + first.command : first.text, first.reason);
    }
    if (scan.connectCommands > 0)
        return Text::tr("Refused: the dump switches to another database with \\connect at line "
                        "%1 (pg_dumpall or pg_dump --create output), so what follows would not "
                        "go into the target database.")
            .arg(scan.firstConnectLine);
    if (!scan.restrictFirst)
        return Text::tr("Refused: the dump has no \\restrict line before its SQL (pg_dump 17.6, "
                        "16.10, 15.14, 14.19, 13.22 and later write one), so nothing stops psql "
                        "from running meta-commands hidden in it.");
    const std::optional<PsqlVersion> version = parsePsqlVersion(psqlVersionOutput);
    if (!version)
        return Text::tr("Refused: the psql on the host did not say its version (\"%1\"), so it "
                        "is unknown whether it honours \\restrict.")
            .arg(psqlVersionOutput.trimmed().left(80));
    if (!psqlUnderstandsRestrict(*version))
        return Text::tr("Refused: psql %1.%2 on the host does not know \\restrict; it needs "
                        "17.6, 16.10, 15.14, 14.19, 13.22, 18 or later.")
            .arg(version->major)
            .arg(version->minor);
    return {};
}

} // namespace OpsDeck
