// SPDX-License-Identifier: GPL-3.0-or-later
// The search engines against GNU grep itself: for each pattern and option, the lines OpsDeck
// keeps are exactly the lines `grep -n -a` prints, in one part and in two, plain and gzip,
// whichever engine finds the candidates.
#include "models/logs/filteredloglines.h"
#include "models/logs/livelogbuffer.h"
#include "models/logs/logformats.h"
#include "models/logs/logmatcher.h"
#include "models/logs/logsearch.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;

namespace {

// Lines operators grep in: levels, ids, addresses, paths, UTF-8, punctuation that is special in
// one syntax or the other, CRLF, tabs.
const char *const SampleLines[] = {
    "2024-05-01T12:00:00.123Z INFO  request id=abc-123 path=/api/v1/users status=200",
    "2024-05-01T12:00:01.001Z ERROR request id=abc-124 path=/api/v1/orders status=500 error=\"db "
    "timeout\"",
    "2024-05-01T12:00:02.500Z WARN  slow query took 2300 ms: SELECT * FROM orders WHERE id = 42",
    "2024-05-01T12:00:03Z CRITICAL disk /var/lib/postgresql is 97% full",
    "May  1 12:00:04 web01 sshd[2211]: Failed password for invalid user admin from 203.0.113.7 "
    "port 52211 ssh2",
    "{\"time\":\"2024-05-01T12:00:05Z\",\"level\":\"error\",\"msg\":\"upstream connect "
    "error\",\"host\":\"10.0.0.12\"}",
    "203.0.113.9 - - [01/May/2024:12:00:06 +0000] \"GET /health HTTP/1.1\" 200 17 \"-\" "
    "\"curl/7.88.1\"",
    "203.0.113.9 - - [01/May/2024:12:00:07 +0000] \"POST /login HTTP/1.1\" 401 0 \"-\" "
    "\"Mozilla/5.0\"",
    "\tat com.example.OrderService.place(OrderService.java:88)",
    "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not "
    "available",
    "Grüße aus München: Übertragung fehlgeschlagen (ÄRGER)",
    "error in lower case, Error in title case, errors plural, ERRORS shouted",
    "a+b=c and a.b and a*b and (parenthesised) and [bracketed] and {braced} and x|y",
    "path C:\\Windows\\System32 and back\\slash",
    "word boundaries: log logs login catalog LOG",
    "repeat repeat and abcabc and 1234567890",
    "windows line\r",
    "",
    "    indented continuation line",
    "ünïcödé ünïcödé ß ẞ",
};

QByteArray sampleText(int repeats)
{
    QByteArray text;
    QRandomGenerator random(42);
    for (int r = 0; r < repeats; ++r) {
        for (const char *line : SampleLines) {
            text.append(line);
            if (random.bounded(7) == 0)
                text.append(" ERROR");
            text.append('\n');
        }
    }
    return text;
}

struct GrepCase {
    QStringList grepOptions;
    LogPattern pattern;
};

QList<qint64> grepLines(const QStringList &options, const QString &pattern, const QString &path)
{
    QProcess grep;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    grep.setProcessEnvironment(environment);
    grep.start(QStringLiteral("grep"), QStringList{QStringLiteral("-n"), QStringLiteral("-a")} +
                                           options +
                                           QStringList{QStringLiteral("-e"), pattern, path});
    grep.waitForFinished(60000);
    QList<qint64> lines;
    for (const QByteArray &line : grep.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            lines.append(line.left(line.indexOf(':')).toLongLong() - 1);
    }
    return lines;
}

LogPattern patternFor(const QStringList &options, const QString &text)
{
    LogPattern pattern;
    pattern.text = text;
    pattern.regularExpression = options.contains(QStringLiteral("-E"));
    pattern.basicSyntax = !pattern.regularExpression && !options.contains(QStringLiteral("-F"));
    pattern.caseSensitive = !options.contains(QStringLiteral("-i"));
    pattern.wholeWord = options.contains(QStringLiteral("-w"));
    return pattern;
}

QList<qint64> scan(const QString &path, const LogQuery &query, int threads,
                   LogMatcher::Engine engine = LogMatcher::Engine::Automatic)
{
    auto compiled = LogMatcher::compile(query, engine);
    if (!std::holds_alternative<std::shared_ptr<const LogMatcher>>(compiled))
        return {-1};
    LogScanOptions options;
    options.threads = threads;
    const LogScanResult result =
        scanLogFile(path, *std::get<std::shared_ptr<const LogMatcher>>(compiled), options);
    return result.error.isEmpty() ? result.lines : QList<qint64>{-2};
}

} // namespace

class LogSearchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        m_small = m_directory.filePath(QStringLiteral("small.log"));
        m_large = m_directory.filePath(QStringLiteral("large.log"));
        QVERIFY(write(m_small, sampleText(3)));
        QVERIFY(write(m_large, sampleText(12000))); // ~3 MB: read in two parts
        QProcess gzip;
        gzip.setStandardOutputFile(m_large + QStringLiteral(".gz"));
        gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), m_large});
        QVERIFY(gzip.waitForFinished());
    }

    void sameLinesAsGrep_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("pattern");
        const auto row = [](const char *name, QStringList options, const char *pattern) {
            QTest::newRow(name) << options << QString::fromUtf8(pattern);
        };
        const QString E = QStringLiteral("-E"), F = QStringLiteral("-F"), i = QStringLiteral("-i"),
                      w = QStringLiteral("-w");
        row("literal", {}, "ERROR");
        row("literal, fixed", {F}, "a+b");
        row("literal, ignore case", {i}, "error");
        row("literal, whole word", {w}, "log");
        row("literal, whole word, ignore case", {w, i}, "log");
        row("utf-8 literal", {}, "München");
        row("utf-8 ignore case", {i}, "ärger");
        row("alternation", {E}, "ERROR|CRITICAL");
        row("alternation, ignore case", {E, i}, "error|critical");
        row("basic: | is a character", {}, "x|y");
        row("basic: \\| alternates", {}, "ERROR\\|WARN");
        row("basic: + is a character", {}, "a+b");
        row("basic: \\+ repeats", {}, "re\\+peat");
        row("basic group and interval", {}, "\\(abc\\)\\{2\\}");
        row("extended group and interval", {E}, "(abc){2}");
        row("extended back-reference", {E}, "(repeat) \\1");
        row("anchors", {E}, "^May|full$");
        row("anchored empty line", {}, "^$");
        row("dot", {}, "a.b");
        row("escaped dot", {}, "a\\.b");
        row("bracket", {E}, "[0-9]{3}\\.[0-9]+");
        row("negated bracket", {E}, "status=[^2]");
        row("posix class", {E}, "[[:digit:]]{10}");
        row("backslash in bracket", {}, "[\\]slash");
        row("word boundary", {E}, "\\blog\\b");
        row("gnu word start and end", {}, "\\<log\\>");
        row("\\w and \\s", {E}, "\\w+\\s+continuation");
        row("ip address", {E}, "([0-9]{1,3}\\.){3}[0-9]{1,3}");
        row("star at start is literal", {}, "*b");
        row("brace not an interval", {E}, "{braced}");
        row("carriage return kept", {E}, "line\\r?$");
        row("tab", {}, "\tat");
        row("quoted json", {F}, "\"level\":\"error\"");
        row("matches nothing", {}, "no such text anywhere");
        row("matches everything", {}, "");
        row("whole word regex", {E, w}, "log|login");
        row("dot star", {}, "Failed.*admin");
    }

    void sameLinesAsGrep()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, pattern);
        LogQuery query;
        query.patterns = {patternFor(options, pattern)};
        for (const QString &path : {m_small, m_large}) {
            const QList<qint64> expected = grepLines(options, pattern, path);
            QCOMPARE(scan(path, query, 1), expected);
            QCOMPARE(scan(path, query, 2), expected);
        }
        QCOMPARE(scan(m_large + QStringLiteral(".gz"), query, 2),
                 grepLines(options, pattern, m_large));
    }

    void emptyMatchesNextToInvalidUtf8()
    {
        // Found by fuzz_log_search: a pattern that matches the empty string found no hit on a
        // line of invalid UTF-8 in a block, while the same line alone was kept.
        static const char bytes[] = "\x1c\0\0\n\nca\n\x9a\x9a\x9a"
                                    "b\nc1\n\n^";
        const QByteArray text(bytes, sizeof bytes - 1); // the NULs belong to the line
        for (const auto &[basic, wholeWord, expression] :
             {std::tuple{true, true, ""}, std::tuple{false, false, "^"},
              std::tuple{false, false, "x*"}, std::tuple{false, true, "b"}}) {
            LogPattern pattern;
            pattern.text = QString::fromUtf8(expression);
            pattern.basicSyntax = basic;
            pattern.regularExpression = !basic;
            pattern.wholeWord = wholeWord;
            LogQuery query;
            query.patterns = {pattern};
            const auto compiled = LogMatcher::compile(query, LogMatcher::Engine::Automatic);
            const auto &matcher = std::get<std::shared_ptr<const LogMatcher>>(compiled);
            const LogMatcher::ScratchPointer scratch = matcher->newScratch();
            QList<qsizetype> scanned;
            matcher->scanBlock(*scratch, text,
                               [&](qsizetype start, qsizetype) { scanned.append(start); });
            QList<qsizetype> perLine;
            for (qsizetype start = 0; start < text.size();) {
                qsizetype end = text.indexOf('\n', start);
                if (end < 0)
                    end = text.size();
                if (matcher->keepsLine(*scratch, QByteArrayView(text).sliced(start, end - start)))
                    perLine.append(start);
                start = end + 1;
            }
            QCOMPARE(scanned, perLine);
        }
    }

    void enginesAgree()
    {
        const QList<qint64> expected = grepLines({}, QStringLiteral("ERROR"), m_large);
        LogQuery query;
        query.patterns = {patternFor({}, QStringLiteral("ERROR"))};
        for (LogMatcher::Engine engine :
             {LogMatcher::Engine::Automatic, LogMatcher::Engine::Hyperscan,
              LogMatcher::Engine::Memmem, LogMatcher::Engine::Pcre2})
            QCOMPARE(scan(m_large, query, 2, engine), expected);
        const QList<qint64> alternation =
            grepLines({QStringLiteral("-E")}, QStringLiteral("ERROR|CRITICAL"), m_large);
        query.patterns = {patternFor({QStringLiteral("-E")}, QStringLiteral("ERROR|CRITICAL"))};
        for (LogMatcher::Engine engine : {LogMatcher::Engine::Hyperscan, LogMatcher::Engine::Pcre2})
            QCOMPARE(scan(m_large, query, 2, engine), alternation);
    }

    void patternsCombine()
    {
        // And, Or and Not against the same sets built from grep's answers.
        const auto set = [this](const QStringList &options, const char *pattern) {
            const QList<qint64> lines = grepLines(options, QString::fromUtf8(pattern), m_small);
            return QSet<qint64>(lines.cbegin(), lines.cend());
        };
        const auto sorted = [](const QSet<qint64> &lines) {
            QList<qint64> list(lines.cbegin(), lines.cend());
            std::sort(list.begin(), list.end());
            return list;
        };
        LogQuery query;
        LogPattern error = patternFor({}, QStringLiteral("ERROR"));
        LogPattern request = patternFor({}, QStringLiteral("request"));
        LogPattern status = patternFor({QStringLiteral("-E")}, QStringLiteral("status=[45]"));
        error.combine = LogPattern::Combine::And;
        request.combine = LogPattern::Combine::And;
        query.patterns = {error, request};
        QCOMPARE(scan(m_small, query, 1), sorted(set({}, "ERROR") & set({}, "request")));
        request.combine = LogPattern::Combine::Not;
        query.patterns = {error, request};
        QCOMPARE(scan(m_small, query, 1), sorted(set({}, "ERROR") - set({}, "request")));
        request.combine = LogPattern::Combine::Or;
        status.combine = LogPattern::Combine::Or;
        error.combine = LogPattern::Combine::Not;
        query.patterns = {request, status, error};
        QCOMPARE(scan(m_small, query, 1),
                 sorted((set({}, "request") | set({QStringLiteral("-E")}, "status=[45]")) -
                        set({}, "ERROR")));
        query.patterns = {error}; // Not alone: every line without it
        QCOMPARE(scan(m_small, query, 2),
                 grepLines({QStringLiteral("-v")}, QStringLiteral("ERROR"), m_small));
    }

    void levelAndTimeFilters_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("since");
        QTest::addColumn<QString>("until");
        QTest::addColumn<QList<qint64>>("expected"); // 1-based, as an editor numbers them
        // A stack trace belongs to its entry: kept with SEVERE; the JVM's own "Exception in
        // thread" line after it is an entry of its own, without a level.
        QTest::newRow("error and above keeps the stack")
            << QStringLiteral("java-stacktrace.log") << QStringLiteral("ERROR") << QString()
            << QString() << QList<qint64>{2, 3, 4, 5, 6, 7, 8, 9};
        QTest::newRow("warning and above")
            << QStringLiteral("iso8601.log") << QStringLiteral("warn") << QString() << QString()
            << QList<qint64>{2, 3, 5, 6, 7, 9, 11};
        // 12:00:02.789+05:30 is 06:30 UTC, before the range.
        QTest::newRow("time range, zones honoured")
            << QStringLiteral("iso8601.log") << QString() << QStringLiteral("2024-05-01T12:00:01Z")
            << QStringLiteral("2024-05-01T12:00:04.5Z") << QList<qint64>{2, 4, 5, 6, 7};
        QTest::newRow("level and time")
            << QStringLiteral("iso8601.log") << QStringLiteral("error")
            << QStringLiteral("2024-05-01T12:00:01Z") << QStringLiteral("2024-05-01T12:00:06Z")
            << QList<qint64>{5, 6, 7, 9};
    }

    void levelAndTimeFilters()
    {
        QFETCH(QString, sample);
        QFETCH(QString, level);
        QFETCH(QString, since);
        QFETCH(QString, until);
        QFETCH(QList<qint64>, expected);
        const QString path = QStringLiteral(OPSDECK_TEST_DATA_DIR "/logs/formats/") + sample;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArrayView> lines;
        const QList<QByteArray> text = file.readAll().split('\n');
        for (const QByteArray &line : text)
            lines.append(line);
        LogQuery query;
        query.format = detectLogFormat(lines);
        if (!level.isEmpty())
            query.minimumLevel = logLevelFromText(level);
        if (!since.isEmpty())
            query.since = QDateTime::fromString(since, Qt::ISODateWithMs);
        if (!until.isEmpty())
            query.until = QDateTime::fromString(until, Qt::ISODateWithMs);
        QList<qint64> oneBased;
        for (qint64 line : scan(path, query, 2))
            oneBased.append(line + 1);
        QCOMPARE(oneBased, expected);
        // The same query over the lines held in memory (a live buffer).
        LiveLogBuffer buffer({sample});
        buffer.append(0, text.mid(0, text.size() - 1));
        LogSearch search;
        QSignalSpy finished(&search, &LogSearch::finished);
        search.startInLines(&buffer, query);
        QVERIFY(finished.wait(5000));
        QList<qint64> inMemory;
        for (qint64 line : search.matches())
            inMemory.append(line + 1);
        QCOMPARE(inMemory, expected);
    }

    void badPatternSaysWhere_data()
    {
        QTest::addColumn<bool>("extended");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("column");
        QTest::newRow("unmatched [") << true << QStringLiteral("ab[cd") << 3;
        QTest::newRow("trailing backslash") << false << QStringLiteral("abc\\") << 4;
        QTest::newRow("unmatched (") << true << QStringLiteral("x(ab") << 0;
        QTest::newRow("bad back-reference") << true << QStringLiteral("(a)\\2") << 0;
    }

    void badPatternSaysWhere()
    {
        QFETCH(bool, extended);
        QFETCH(QString, pattern);
        QFETCH(int, column);
        LogQuery query;
        LogPattern ok = patternFor({}, QStringLiteral("fine"));
        LogPattern bad =
            patternFor(extended ? QStringList{QStringLiteral("-E")} : QStringList{}, pattern);
        query.patterns = {ok, bad};
        const std::optional<LogQueryProblem> problem = LogSearch::check(query);
        QVERIFY(problem);
        QCOMPARE(problem->patternIndex, 1);
        QVERIFY(!problem->message.isEmpty());
        if (column > 0)
            QCOMPARE(problem->column, column);
        else
            QVERIFY(problem->column >= 1 && problem->column <= pattern.size());
    }

    void searchRunsInTheBackground()
    {
        LogSearch search;
        QSignalSpy finished(&search, &LogSearch::finished);
        LogQuery query;
        query.patterns = {patternFor({}, QStringLiteral("CRITICAL"))};
        search.startInFile(m_large, query);
        QVERIFY(search.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(search.matches(), grepLines({}, QStringLiteral("CRITICAL"), m_large));
        QCOMPARE(finished.constFirst().at(0).toLongLong(), search.matches().size());
        QVERIFY(finished.constFirst().at(1).toString().isEmpty());

        // Started over before the first ended: only the second answers.
        finished.clear();
        search.startInFile(m_large, query);
        query.patterns = {patternFor({}, QStringLiteral("sshd"))};
        search.startInFile(m_large, query);
        QVERIFY(finished.wait(30000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(search.matches(), grepLines({}, QStringLiteral("sshd"), m_large));

        // A missing file says so.
        finished.clear();
        search.startInFile(m_directory.filePath(QStringLiteral("gone.log")), query);
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.constFirst().at(1).toString().contains(QStringLiteral("gone.log")));
    }

    void searchInMemoryLines()
    {
        LiveLogBuffer buffer({QStringLiteral("web")});
        QList<QByteArray> lines;
        for (const char *line : SampleLines)
            lines.append(QByteArray(line));
        buffer.append(0, lines);
        LogSearch search;
        QSignalSpy finished(&search, &LogSearch::finished);
        LogQuery query;
        query.patterns = {patternFor({QStringLiteral("-i")}, QStringLiteral("error"))};
        search.startInLines(&buffer, query);
        QVERIFY(finished.wait(5000));
        QByteArray text;
        for (const QByteArray &line : std::as_const(lines))
            text += line + '\n';
        const QString plain = m_directory.filePath(QStringLiteral("plain.log"));
        QVERIFY(write(plain, text));
        QVERIFY(!search.matches().isEmpty());
        QCOMPARE(search.matches(),
                 grepLines({QStringLiteral("-i")}, QStringLiteral("error"), plain));
    }

    void searchGoesOnOverAppendedLines()
    {
        const QString path = m_directory.filePath(QStringLiteral("growing.log"));
        QVERIFY(write(path, "ERROR one\nfine\nERROR tw"));
        LogSearch search;
        QSignalSpy finished(&search, &LogSearch::finished);
        LogQuery query;
        query.patterns = {
            patternFor({QStringLiteral("-E")}, QStringLiteral("ERROR two|ERROR one|ERROR three"))};
        QVERIFY(!search.extendInFile()); // nothing searched yet
        search.startInFile(path, query);
        QVERIFY(finished.wait(5000));
        QCOMPARE(search.matches(), QList<qint64>{0});
        // The unfinished line is completed and more lines follow.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("o\nok\nERROR three\nERROR one again\n");
        file.close();
        finished.clear();
        QVERIFY(search.extendInFile());
        QVERIFY(finished.wait(5000));
        QCOMPARE(search.matches(),
                 grepLines({QStringLiteral("-E")}, query.patterns.constFirst().text, path));
        QCOMPARE(search.matches(), (QList<qint64>{0, 2, 4, 5}));
        // A file that became shorter is searched again from the start, not extended.
        QVERIFY(write(path, "ERROR one\n"));
        QVERIFY(!search.extendInFile());
        // Level and time queries are not extended: an entry may span the seam.
        query.minimumLevel = LogLevel::Error;
        search.startInFile(path, query);
        QVERIFY(finished.wait(5000));
        QVERIFY(!search.extendInFile());
    }

    void filteredLinesFollowDrops()
    {
        LiveLogBuffer buffer({QStringLiteral("web")});
        buffer.setMaximumLines(5);
        buffer.append(0, QList<QByteArray>{"a0", "b1", "a2", "b3", "a4"});
        FilteredLogLines filtered(&buffer);
        filtered.setSourceLines({0, 2, 4}); // the "a" lines
        QSignalSpy dropped(&filtered, &LogLines::linesDropped);
        buffer.append(0, QList<QByteArray>{"b5", "a6"}); // "a0" and "b1" leave the buffer
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.constFirst().constFirst().toLongLong(), 1);
        QCOMPARE(filtered.lineCount(), 2);
        QCOMPARE(filtered.sourceLine(0), 0); // "a2", now the buffer's first line
        const QList<LogLine> lines = filtered.lines(0, 2);
        QCOMPARE(lines.at(0).text, QByteArray("a2"));
        QCOMPARE(lines.at(1).text, QByteArray("a4"));
        QCOMPARE(filtered.rowAtOrAfter(1), 1);
    }

private:
    static bool write(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    }

    QTemporaryDir m_directory;
    QString m_small;
    QString m_large;
};

QTEST_GUILESS_MAIN(LogSearchTest)
#include "tst_logsearch.moc"
