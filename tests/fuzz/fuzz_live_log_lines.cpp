// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: what live log tools print (docker, podman, compose, kubectl, journalctl,
// tail) cut into lines in arbitrary chunks and read line by line must never crash, and must
// hold up: the splitter loses and invents no byte, a timestamp prefix it reads is written back
// to the same instant, and a stripped line is the input without its prefix.
#include "models/logs/livelogsource.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace OpsDeck;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

constexpr LiveLogSpec::Kind Kinds[] = {LiveLogSpec::Kind::File,       LiveLogSpec::Kind::Docker,
                                       LiveLogSpec::Kind::Podman,     LiveLogSpec::Kind::Compose,
                                       LiveLogSpec::Kind::Kubernetes, LiveLogSpec::Kind::Journald};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses the chunk size, the rest is the stream.
    const qsizetype chunk = 1 + data[0] % 64;
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    LineSplitter splitter;
    QList<QByteArray> lines;
    QList<qsizetype> rawLengths;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        lines += splitter.feed(
            QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at)), &rawLengths);
    check(lines.size() == rawLengths.size());
    qsizetype consumed = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        check(!lines[i].contains('\n'));
        check(rawLengths[i] >= lines[i].size());
        consumed += rawLengths[i];
    }
    check(consumed + splitter.pendingBytes() == stream.size());
    lines.append(splitter.takeRest());

    for (const QByteArray &line : lines) {
        if (const std::optional<TimestampPrefix> prefix = parseTimestampPrefix(line)) {
            check(prefix->length > 0 && prefix->length <= line.size());
            const std::optional<TimestampPrefix> again =
                parseTimestampPrefix(formatTimestamp(prefix->timeNs).toUtf8());
            check(again && again->timeNs == prefix->timeNs);
        }
        for (const LiveLogSpec::Kind kind : Kinds) {
            const ParsedLiveLine parsed = parseLiveLine(kind, line);
            if (kind == LiveLogSpec::Kind::Docker || kind == LiveLogSpec::Kind::Kubernetes)
                check(line.endsWith(parsed.line.text));
            if (kind == LiveLogSpec::Kind::File)
                check(parsed.line.text == line && !parsed.line.hasTime());
        }
        const qsizetype note = tailNoteStart(line);
        check(note >= -1 && note < line.size());
        if (const std::optional<FileIdentity> file = parseFileProbe(line))
            check(file->size >= 0);
    }
    return 0;
}
