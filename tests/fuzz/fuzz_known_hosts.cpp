// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the known_hosts parser must turn any bytes into entries and diagnostics,
// never crash, and what it accepts must hold up: every entry's key is a well-formed blob of
// its type, and a line OpsDeck writes for an accepted key is read back as trusting that key.
#include "models/openssh/knownhosts.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace OpsDeck;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool isLiteralHost(const QString &pattern)
{
    return !pattern.isEmpty() && !pattern.contains(u'*') && !pattern.contains(u'?') &&
           !pattern.startsWith(u'!');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fileName = QStringLiteral("fuzz_known_hosts");
    const KnownHostsParseResult result = parseKnownHosts(text, fileName);
    for (const Diagnostic &diagnostic : result.diagnostics) {
        check(diagnostic.file == fileName && !diagnostic.message.isEmpty() &&
              diagnostic.line >= 1 && diagnostic.column >= 1);
    }
    // What stops a host-key check is an error the diagnostics name too.
    for (const Diagnostic &blocking : result.blockingErrors)
        check(blocking.isError() && result.diagnostics.contains(blocking));
    int roundTrips = 0;
    for (const KnownHostEntry &entry : result.entries) {
        check(entry.file == fileName && entry.line >= 1);
        check(!entry.keyType.isEmpty() && entry.keyBlob.size() >= 4);
        check(sha256Fingerprint(entry.keyBlob).size() == 7 + 43);
        if (entry.hashed)
            check(entry.patterns.isEmpty() && entry.hashSalt.size() == 20 &&
                  entry.hashValue.size() == 20);
        else
            check(!entry.patterns.isEmpty());

        // Whatever the file says, a key must never be trusted by a line holding another key.
        const QString host = entry.patterns.value(0);
        const HostKeyVerdict verdict =
            verifyHostKey(result.entries, host, 22, entry.keyType, entry.keyBlob);
        if (verdict.status != HostKeyVerdict::Unknown)
            check(verdict.file == fileName && verdict.line >= 1);
        if (verdict.status == HostKeyVerdict::Trusted) {
            bool vouched = false;
            for (const KnownHostEntry &other : result.entries) {
                vouched = vouched ||
                          (other.line == verdict.line && other.marker == KnownHostEntry::None &&
                           other.keyBlob == entry.keyBlob);
            }
            check(vouched);
        }

        // Remember this key for a literal host, read it back: it is trusted there.
        if (entry.hashed || !isLiteralHost(host) || roundTrips >= 4)
            continue;
        ++roundTrips;
        for (const bool hash : {false, true}) {
            for (const int port : {22, 2222}) {
                const QByteArray line =
                    formatKnownHostsLine(host, port, entry.keyType, entry.keyBlob, hash);
                if (line.isEmpty())
                    continue;
                check(!line.contains('\n'));
                const KnownHostsParseResult again = parseKnownHosts(line, fileName);
                check(again.entries.size() == 1);
                check(
                    verifyHostKey(again.entries, host, port, entry.keyType, entry.keyBlob).status ==
                    HostKeyVerdict::Trusted);
            }
        }
    }
    return 0;
}
