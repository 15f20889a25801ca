// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the line index and the search engines. The first line of the input is a
// pattern (its first byte picks plain text, grep's basic or extended syntax, case and whole
// word), the rest is the log. Checks: the index fed in any chunks is the same and counts the
// plain split's lines; any pattern compiles or is refused with a column inside it; the block
// scan keeps exactly the lines a line-by-line check keeps, and in order.
#include "models/logs/lineindex.h"
#include "models/logs/logmatcher.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace OpsDeck;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const uchar flags = uchar(input.at(0));
    const qsizetype patternEnd = input.indexOf('\n', 1);
    const QByteArray patternBytes = input.mid(1, patternEnd < 0 ? -1 : patternEnd - 1);
    const QByteArray text = patternEnd < 0 ? QByteArray() : input.mid(patternEnd + 1);

    // The index, whole and in 3-byte chunks.
    LineIndex whole;
    whole.feed(text.constData(), text.size());
    LineIndex chunked;
    for (qsizetype at = 0; at < text.size(); at += 3)
        chunked.feed(text.constData() + at, std::min<qsizetype>(3, text.size() - at));
    check(whole == chunked);
    const qint64 lines = text.count('\n') + (!text.isEmpty() && !text.endsWith('\n') ? 1 : 0);
    check(whole.lineCount() == lines);

    LogPattern pattern;
    pattern.text = QString::fromUtf8(patternBytes);
    pattern.regularExpression = (flags & 3) == 1;
    pattern.basicSyntax = (flags & 3) == 2;
    pattern.caseSensitive = !(flags & 4);
    pattern.wholeWord = flags & 8;
    pattern.combine = (flags & 16) ? LogPattern::Combine::Not : LogPattern::Combine::Or;
    LogQuery query;
    query.patterns = {pattern};
    for (const LogMatcher::Engine engine :
         {LogMatcher::Engine::Automatic, LogMatcher::Engine::Pcre2}) {
        auto compiled = LogMatcher::compile(query, engine);
        if (const auto *problem = std::get_if<LogQueryProblem>(&compiled)) {
            check(problem->patternIndex == 0);
            check(problem->column >= 0 && problem->column <= pattern.text.size() + 1);
            return 0;
        }
        const auto &matcher = std::get<std::shared_ptr<const LogMatcher>>(compiled);
        const LogMatcher::ScratchPointer scratch = matcher->newScratch();
        QList<qsizetype> scanned;
        matcher->scanBlock(*scratch, text, [&](qsizetype start, qsizetype length) {
            check(start >= 0 && length >= 0 && start + length <= text.size());
            check(scanned.isEmpty() || start > scanned.constLast());
            scanned.append(start);
        });
        QList<qsizetype> perLine;
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf('\n', start);
            if (end < 0)
                end = text.size();
            if (matcher->keepsLine(*scratch, QByteArrayView(text).sliced(start, end - start)))
                perLine.append(start);
            start = end + 1;
        }
        check(scanned == perLine);
    }
    return 0;
}
