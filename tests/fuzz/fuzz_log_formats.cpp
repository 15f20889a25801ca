// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: log lines of any bytes are detected, read under every format and
// highlighted without crashing or stalling; a message lies inside its line, a timestamp is a
// valid UTC time, and highlight spans are sorted, disjoint, not empty and inside the line.
#include "models/core/textlines.h"
#include "models/logs/logformats.h"
#include "models/logs/loghighlighter.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule, OpsDeck::LogFormat format)
{
    std::fprintf(stderr, "%s (format %s)\n", rule, qPrintable(OpsDeck::logFormatId(format)));
    std::abort();
}

void checkFields(QByteArrayView line, OpsDeck::LogFormat format)
{
    const OpsDeck::LogFields fields = OpsDeck::parseLogLine(format, line, 2024);
    if (fields.messageStart < 0 || fields.messageStart > line.size())
        fail("message starts outside the line", format);
    if (fields.messageLength < -1 || fields.messageStart + fields.messageLength > line.size())
        fail("message ends outside the line", format);
    if (fields.timestamp &&
        (!fields.timestamp->isValid() || fields.timestamp->timeSpec() != Qt::UTC))
        fail("timestamp invalid or not UTC", format);
    if (fields.continuation && fields.level != OpsDeck::LogLevel::None)
        fail("a continuation with a level of its own", format);
}

void checkSpans(const QString &line, OpsDeck::LogFormat format)
{
    qsizetype end = 0;
    for (const OpsDeck::LogHighlightSpan &span : OpsDeck::highlightLogLine(line, format)) {
        if (span.length <= 0)
            fail("empty span", format);
        if (span.start < end)
            fail("span overlaps the one before or is out of order", format);
        end = span.start + span.length;
        if (end > line.size())
            fail("span ends past the line", format);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArrayView> lines;
    OpsDeck::forEachLine(text, [&](QByteArrayView line, int) { lines.append(line); });
    const OpsDeck::LogFormat detected = OpsDeck::detectLogFormat(lines);
    if (int(detected) < 0 || detected > OpsDeck::LogFormat::ComposePrefix)
        std::abort();
    for (const QByteArrayView line : lines) {
        const QString decoded = QString::fromUtf8(line);
        for (int f = 0; f <= int(OpsDeck::LogFormat::ComposePrefix); ++f) {
            checkFields(line, OpsDeck::LogFormat(f));
            checkSpans(decoded, OpsDeck::LogFormat(f));
        }
    }
    // The whole input as one line, line ends and all.
    checkFields(text, detected);
    checkSpans(QString::fromUtf8(text), detected);
    return 0;
}
