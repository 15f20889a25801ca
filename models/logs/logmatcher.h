// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logquery.h"

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace OpsDeck {

// grep's pattern syntaxes turned into PCRE2's: `extended` is grep -E (POSIX ERE), otherwise
// grep's default basic syntax (BRE, with GNU's \| \+ \?). GNU's \< \> \b \B \w \W \s \S \` \'
// and back-references keep their meaning. `columns` (when given) maps each character of the
// result back to its 1-based column in `pattern`, so that PCRE2's error offsets can name the
// operator's column. What grep refuses (a trailing backslash, an unmatched [) sets *problem to
// the column and message and returns an empty string.
QString grepPatternToPcre(QStringView pattern, bool extended, std::vector<int> *columns = nullptr,
                          LogQueryProblem *problem = nullptr);

// A compiled LogQuery: which lines of a block of text it keeps.
//
// Engines, chosen by measurement (tests/bench/run-log-bench.sh prints them side by side; 1 GiB
// mixed log, page cache, 2 threads, this 2-core VM):
// - Literal patterns (the common case: ERROR, a request id, an address) and alternations of
//   literals go to Vectorscan, Hyperscan's portable fork: one SIMD pass finds every literal at
//   once. ERROR 0.14 s and ERROR|CRITICAL 0.17 s, the same as PCRE2's JIT; with eight literals
//   (FATAL|PANIC|…|denied) 0.18 s where PCRE2 takes 1.25 s and RE2 1.8 s (one thread). glibc's
//   memmem was slower for one literal (0.22 s) and needs a pass per literal.
// - Everything else is PCRE2 with its JIT: grep's semantics incl. back-references and Unicode,
//   over whole blocks at once (multi-line mode, so that the per-line call is paid only on
//   matching lines): time.*ERROR 0.27 s. RE2 (also packaged) took 0.22-1.8 s on one thread for
//   the same patterns, never faster than PCRE2's JIT, and has no back-references; Vectorscan
//   has no back-references and leaves invalid UTF-8 undefined, which logs are full of.
// - Every candidate line is confirmed with PCRE2 on that line alone unless the engine's answer
//   is already exact (one literal, no whole-word), so results are grep's.
class LogMatcher
{
public:
    enum class Engine {
        Automatic,
        Pcre2,     // benchmark: every pattern through PCRE2's JIT
        Hyperscan, // benchmark: literals through Vectorscan (regexes still PCRE2)
        Memmem,    // benchmark: a single case-sensitive literal through glibc's memmem
    };

    // Per-thread matching state (scratch space, match data). Not shared between threads.
    class Scratch;
    struct ScratchDeleter {
        void operator()(Scratch *scratch) const;
    };
    using ScratchPointer = std::unique_ptr<Scratch, ScratchDeleter>;

    // The compiled query, or what is wrong with it (which pattern, which column).
    static std::variant<std::shared_ptr<const LogMatcher>, LogQueryProblem>
    compile(const LogQuery &query, Engine engine = Engine::Automatic);

    ~LogMatcher();
    LogMatcher(const LogMatcher &) = delete;
    LogMatcher &operator=(const LogMatcher &) = delete;

    ScratchPointer newScratch() const;

    // Whether the query keeps a line (bytes without its '\n'). Level and time filters use
    // fields; the caller resolves continuation lines to their entry's fields.
    bool keepsLine(Scratch &scratch, QByteArrayView line, const LogFields *fields = nullptr) const;

    // Calls kept(start, length) for each line of block the patterns keep, in order. block holds
    // whole lines, each ending in '\n' except perhaps the last. Level and time filters are not
    // applied here (needsFields()): such queries go line by line with keepsLine().
    void scanBlock(Scratch &scratch, QByteArrayView block,
                   const std::function<void(qsizetype start, qsizetype length)> &kept) const;

    bool needsFields() const { return m_query.needsFields(); }
    const LogQuery &query() const { return m_query; }
    // Which engine finds candidate lines ("vectorscan", "pcre2", "memmem", "every line").
    QString candidateEngineName() const;

private:
    LogMatcher() = default;
    struct Compiled;
    enum class CandidateFinder { EveryLine, Hyperscan, Memmem, Pcre2 };

    bool patternsKeep(Scratch &scratch, QByteArrayView line) const;
    bool fieldsKeep(const LogFields &fields) const;
    void reportLine(Scratch &scratch, QByteArrayView block, qsizetype position,
                    qsizetype &nextLineStart,
                    const std::function<void(qsizetype, qsizetype)> &kept) const;

    LogQuery m_query;
    std::unique_ptr<Compiled> m_compiled;
    CandidateFinder m_finder = CandidateFinder::EveryLine;
    bool m_candidatesAreExact = false;
};

// Number of '\n' bytes in [data, data + size): SIMD where the CPU has it. Line numbers of search
// hits come from counting between hits.
qint64 countNewlines(const char *data, qint64 size);

} // namespace OpsDeck
