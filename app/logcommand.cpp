// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/logcommand.h"

#include "models/logs/logformats.h"
#include "models/logs/logmatcher.h"
#include "models/logs/logsearch.h"
#include "models/logs/logstats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LogCommand)
};

void writeBytes(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
}

int printUsage(QTextStream &err)
{
    err << Text::tr(
               "usage: opsdeck logs stats FILE... [--json]\n"
               "       opsdeck logs grep [-E|-F] [-i] [-w] [-v] [-c] [-e PATTERN]... [--level "
               "LEVEL]\n"
               "                         [--since TIME] [--until TIME] [--json] PATTERN FILE...")
        << '\n';
    return 2;
}

int stats(const QStringList &files, bool json)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    int status = 0;
    QJsonArray results;
    for (const QString &file : files) {
        const LogFileStats stats = computeLogFileStats(file);
        if (!stats.error.isEmpty()) {
            err << Text::tr("opsdeck logs stats: %1").arg(stats.error) << '\n';
            status = 2;
            continue;
        }
        if (json) {
            results.append(stats.toJson());
            continue;
        }
        QStringList levels;
        for (auto it = stats.levels.cbegin(); it != stats.levels.cend(); ++it)
            levels.append(logLevelId(it.key()) + u'=' + QString::number(it.value()));
        out << Text::tr("%1: %2 lines, %3 bytes, format %4")
                   .arg(file)
                   .arg(stats.lines)
                   .arg(stats.bytes)
                   .arg(logFormatId(stats.format))
            << '\n';
        if (!levels.isEmpty())
            out << Text::tr("  levels: %1").arg(levels.join(u' ')) << '\n';
        if (stats.first)
            out << Text::tr("  first: %1  last: %2")
                       .arg(stats.first->toString(Qt::ISODateWithMs),
                            stats.last->toString(Qt::ISODateWithMs))
                << '\n';
        out << Text::tr("  index: %1 bytes per line; read in %2 s")
                   .arg(stats.indexBytesPerLine, 0, 'f', 3)
                   .arg(stats.seconds, 0, 'f', 3)
            << '\n';
    }
    if (json)
        out << QJsonDocument(QJsonObject{{QStringLiteral("files"), results}})
                   .toJson(QJsonDocument::Indented);
    return status;
}

std::optional<QDateTime> parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!time.isValid())
        return std::nullopt;
    return time;
}

int grep(const QCommandLineParser &parser, QStringList words)
{
    QTextStream err(stderr);
    QStringList patterns = parser.values(QStringLiteral("e"));
    if (patterns.isEmpty()) {
        if (words.isEmpty())
            return printUsage(err);
        patterns.append(words.takeFirst());
    }
    if (words.isEmpty()) {
        err << Text::tr("opsdeck logs grep: no FILE given (standard input is not read)") << '\n';
        return 2;
    }
    const bool fixed = parser.isSet(QStringLiteral("F"));
    LogQuery query;
    for (const QString &text : std::as_const(patterns)) {
        LogPattern pattern;
        pattern.text = text;
        pattern.regularExpression = !fixed && parser.isSet(QStringLiteral("E"));
        pattern.basicSyntax = !fixed && !pattern.regularExpression;
        pattern.caseSensitive = !parser.isSet(QStringLiteral("i"));
        pattern.wholeWord = parser.isSet(QStringLiteral("w"));
        pattern.combine =
            parser.isSet(QStringLiteral("v")) ? LogPattern::Combine::Not : LogPattern::Combine::Or;
        query.patterns.append(pattern);
    }
    if (parser.isSet(QStringLiteral("level"))) {
        query.minimumLevel = logLevelFromText(parser.value(QStringLiteral("level")));
        if (!query.minimumLevel) {
            err << Text::tr("opsdeck logs grep: unknown level '%1' (use TRACE, DEBUG, INFO, "
                            "NOTICE, WARNING, "
                            "ERROR, CRITICAL, ALERT or EMERGENCY)")
                       .arg(parser.value(QStringLiteral("level")))
                << '\n';
            return 2;
        }
    }
    for (const QString &name : {QStringLiteral("since"), QStringLiteral("until")}) {
        if (!parser.isSet(name))
            continue;
        const std::optional<QDateTime> time = parseTime(parser.value(name));
        if (!time) {
            err << Text::tr("opsdeck logs grep: --%1 '%2' is not a time (use 2024-05-01T12:00:00, "
                            "with Z or an "
                            "offset for UTC)")
                       .arg(name, parser.value(name))
                << '\n';
            return 2;
        }
        (name == u"since" ? query.since : query.until) = time;
    }
    const bool count = parser.isSet(QStringLiteral("c"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool withNames = words.size() > 1;
    int status = 1;
    bool failed = false;
    QJsonArray results;
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 20);
    for (const QString &file : std::as_const(words)) {
        LogQuery fileQuery = query;
        if (query.needsFields()) {
            QList<QByteArrayView> sample;
            const QList<QByteArray> first = readFirstLines(file, 200);
            for (const QByteArray &line : first)
                sample.append(line);
            fileQuery.format = detectLogFormat(sample);
        }
        auto compiled = LogMatcher::compile(fileQuery);
        if (const auto *problem = std::get_if<LogQueryProblem>(&compiled)) {
            err << Text::tr("opsdeck logs grep: pattern %1, column %2: %3")
                       .arg(problem->patternIndex + 1)
                       .arg(problem->column)
                       .arg(problem->message)
                << '\n';
            return 2;
        }
        const auto &matcher = std::get<std::shared_ptr<const LogMatcher>>(compiled);
        LogScanOptions options;
        options.keepText = !count;
        const LogScanResult result = scanLogFile(file, *matcher, options);
        if (!result.error.isEmpty()) {
            std::fflush(stdout);
            err << Text::tr("opsdeck logs grep: %1").arg(result.error) << '\n';
            err.flush();
            failed = true;
            continue;
        }
        if (!result.lines.isEmpty())
            status = 0;
        if (json) {
            QJsonObject entry{{QStringLiteral("path"), file},
                              {QStringLiteral("count"), result.lines.size()}};
            if (!count) {
                QJsonArray matches;
                for (qsizetype i = 0; i < result.lines.size(); ++i)
                    matches.append(QJsonObject{
                        {QStringLiteral("line"), result.lines.at(i) + 1},
                        {QStringLiteral("text"), QString::fromUtf8(result.texts.at(i))}});
                entry.insert(QStringLiteral("matches"), matches);
            }
            results.append(entry);
            continue;
        }
        const QByteArray prefix = withNames ? QByteArray(file.toLocal8Bit() + ':') : QByteArray();
        if (count) {
            writeBytes(QByteArray(prefix + QByteArray::number(result.lines.size()) + '\n'));
            continue;
        }
        for (qsizetype i = 0; i < result.lines.size(); ++i) {
            writeBytes(prefix);
            writeBytes(QByteArray::number(result.lines.at(i) + 1));
            writeBytes(":");
            writeBytes(result.texts.at(i));
            writeBytes("\n");
        }
    }
    if (json)
        writeBytes(QJsonDocument(QJsonObject{{QStringLiteral("files"), results}})
                       .toJson(QJsonDocument::Indented));
    std::fflush(stdout);
    return failed ? 2 : status;
}

} // namespace

int runLogCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.addOptions({
        {QStringLiteral("E"),
         Text::tr("grep: patterns are extended regular expressions (as grep -E).")},
        {QStringLiteral("F"), Text::tr("grep: patterns are plain text (as grep -F).")},
        {QStringLiteral("i"), Text::tr("grep: ignore case.")},
        {QStringLiteral("w"), Text::tr("grep: match whole words only.")},
        {QStringLiteral("v"), Text::tr("grep: keep the lines that do not match.")},
        {QStringLiteral("c"), Text::tr("grep: print only the number of matching lines.")},
        {QStringLiteral("n"), Text::tr("grep: print line numbers (always on).")},
        {QStringLiteral("e"),
         Text::tr("grep: a pattern (repeat for several; a line matching any is kept)."),
         Text::tr("PATTERN")},
        {QStringLiteral("level"), Text::tr("grep: keep entries of LEVEL and above."),
         Text::tr("LEVEL")},
        {QStringLiteral("since"), Text::tr("grep: keep entries from TIME on."), Text::tr("TIME")},
        {QStringLiteral("until"), Text::tr("grep: keep entries up to TIME."), Text::tr("TIME")},
        {QStringLiteral("json"), Text::tr("Print JSON.")},
    });
    // The program name is not in arguments: QCommandLineParser skips the first word.
    if (!parser.parse(QStringList{QStringLiteral("opsdeck logs")} + arguments)) {
        err << Text::tr("opsdeck logs: %1").arg(parser.errorText()) << '\n';
        return printUsage(err);
    }
    QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return printUsage(err);
    const QString verb = words.takeFirst();
    if (verb == u"stats") {
        if (words.isEmpty())
            return printUsage(err);
        return stats(words, parser.isSet(QStringLiteral("json")));
    }
    if (verb == u"grep")
        return grep(parser, words);
    err << Text::tr("opsdeck logs: unknown command '%1'").arg(verb) << '\n';
    return printUsage(err);
}

} // namespace OpsDeck::CommandLine
