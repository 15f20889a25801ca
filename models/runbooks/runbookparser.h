// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"
#include "models/core/risk.h"
#include "models/runbooks/commandbehaviour.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace OpsDeck {

// One piece of a runbook section, in the order the runbook shows it.
struct RunbookBlock {
    enum Kind { Prose, Command, ExpectedOutput, Sql, Reference, ManualCheck };

    Kind kind = Prose;
    QString language; // the fence's info word, lowercased ("bash", "console", "" when untyped;
                      // "{.bash}" is "bash")
    QString text;     // verbatim for code; plain text for prose and checks
    QString markdown; // prose: its Markdown source lines, for rendering (empty for others)
    int line = 0;     // 1-based line of the block's first content line
    // The file line of each line of text when they do not follow each other (a terminal
    // session's commands gathered from between their output); empty: line, line + 1, …
    QList<int> sourceLines;
    Risk risk = Risk::Read; // Command and Sql blocks: assessCommandRisk(text)
    QString riskReason;
    QStringList placeholders; // Command and Sql blocks: "<pod-name>", "[service]", "$VAR", "$1"
    bool unterminatedHeredoc = false;
    // Why the block cannot run as a whole (its lines still can): an unclosed or broken
    // here-document, SQL statements among shell commands. Empty when it can.
    QString wholeRunProblem;
    // Command blocks: the commands that open another shell or an interactive program, with
    // the lines typed there (see analyseBlockExecution()).
    QList<RunbookContextSwitch> contextSwitches;
    // Command blocks: why the block prints until it is stopped (tail -f, kubectl logs -f,
    // watch); empty when it ends by itself.
    QString streams;
    // What is wrong in the block's text, each "line L, column C: …" (look-alike characters,
    // a lost fence): the same warnings as in Runbook::diagnostics, for the card.
    QStringList warnings;

    bool isRunnable() const { return kind == Command || kind == Sql; }
    // A step for a terminal: OpsDeck shows it with Copy but does not run it as a whole (lines
    // outside its context switches still run one at a time).
    bool isTerminalOnly() const
    {
        return std::ranges::any_of(contextSwitches,
                                   [](const RunbookContextSwitch &s) { return !s.runsInside; });
    }
    QString terminalReason() const;    // the first switch that is not run inside, or empty
    int fileLineOf(int textLine) const // 1-based file line of a 0-based line of text
    {
        return textLine >= 0 && textLine < sourceLines.size() ? sourceLines[textLine]
                                                              : line + textLine;
    }
};

// A heading and what follows it up to the next heading. Text before the first heading is a
// section of level 0 with an empty title.
struct RunbookSection {
    int level = 0;
    QString title;
    int line = 0;
    QList<RunbookBlock> blocks;
};

struct Runbook {
    QString title; // front matter "title:", else the first level-1 heading
    // Front matter scalars ("title", and for the built-in incident runbooks "symptom",
    // "severity", "services", ...).
    QMap<QString, QString> metadata;
    QList<RunbookSection> sections;
    Diagnostics diagnostics; // warnings about the text; an error only when the file is unreadable
    QStringList repairs;     // what was fixed in the text, e.g. double-encoded UTF-8
};

// The section and the sub-sections under its heading (### under ##), in order: the part of the
// runbook "Run Section" and the outline treat as one. Text before the first heading has none.
QList<int> sectionWithSubsections(const Runbook &runbook, int section);

// Big enough for any hand-written runbook; keeps a wrongly chosen file from stalling the parser.
inline constexpr qint64 MaximumRunbookFileSize = 8 * 1024 * 1024;

// Parses CommonMark runbook text. Never throws or crashes; fileName goes into diagnostics.
Runbook parseRunbook(const QByteArray &text, const QString &fileName);

// Reads and parses a file; an unreadable file gives a runbook with one error diagnostic.
Runbook loadRunbookFile(const QString &path);

// The placeholders of a shell (or SQL) text, unique and in order of appearance. Variables in
// knownVariables (assigned earlier) are not placeholders; assignments made in text are added to it.
QStringList findPlaceholders(const QString &text, QSet<QString> *knownVariables);

// Where a placeholder stands in shell text, and how the shell quotes that spot.
struct PlaceholderOccurrence {
    enum class Quoting {
        None,             // a bare word
        Single,           // inside '...'
        Double,           // inside "..."
        ExpandingHeredoc, // in a here-document body that expands $ and backticks
        Literal,          // in a here-document body with a quoted delimiter
    };
    int line = 0;         // 0-based line of text
    qsizetype column = 0; // where the placeholder's text starts
    QString placeholder;  // as findPlaceholders() names it
    Quoting quoting = Quoting::None;
};
QList<PlaceholderOccurrence> placeholderOccurrences(const QString &text,
                                                    QSet<QString> *knownVariables);

// Where the `<name>`, `[name]`, `{{ name }}` and `YOUR_…` placeholders of text stand, as
// offsets: what analyseBlockExecution() reads as plain words.
QList<ShellSpan> placeholderSpans(const QString &text);

// value, written so that the shell reads it back verbatim at a spot quoted as `quoting`.
QString quoteForShellContext(const QString &value, PlaceholderOccurrence::Quoting quoting);

// Puts the values of `<name>`, `[name]` and `YOUR_…` placeholders into shell text, quoted for
// where each stands, so a value can never become shell syntax. `$` placeholders are left for
// the caller to set as variables.
QString fillTextPlaceholders(const QString &text, const QMap<QString, QString> &values);
// What runs: every `<name>`, `[name]` and `YOUR_…` placeholder becomes a reference to the
// shell variable variables[placeholder] (which the caller assigns, quoted, before the text),
// written to expand verbatim wherever it stands; the value is never parsed as shell. Only in a
// here-document with a quoted delimiter, where nothing expands, does the value itself go in;
// there it must be one line, else *error says so and the result is empty.
QString fillTextPlaceholdersByReference(const QString &text,
                                        const QMap<QString, QString> &variables,
                                        const QMap<QString, QString> &values, QString *error);
// The same for SQL (comments skipped): inside '...' a quote in the value is doubled; outside
// quotes only plain values (numbers, names, paths) are accepted, else *error says which
// placeholder and the result is empty.
QString fillSqlPlaceholders(const QString &text, const QMap<QString, QString> &values,
                            QString *error);

// The here-document delimiters opened in text but never closed.
QStringList unterminatedHeredocs(const QString &text);

// Repairs UTF-8 that was decoded as Windows-1252 (or -1254) and encoded again; returns the
// number of places repaired.
int repairDoubleEncodedUtf8(QString *text);

// What a runbook holds, counted: what `opsdeck runbook show` sums up.
struct RunbookCounts {
    int sections = 0;
    int runnable = 0;         // command and SQL steps (those for a terminal included)
    int references = 0;       // blocks shown with Copy, never run
    int outputs = 0;          // expected output: console output and output-only fences
    int checks = 0;           // task-list items
    QStringList placeholders; // distinct, in order of appearance
    int streaming = 0;        // steps that print until stopped
    int terminalOnly = 0;     // steps for a terminal
    int runInside = 0;        // context switches whose lines run inside the other shell
    int warnings = 0;         // diagnostics
};
RunbookCounts countRunbook(const Runbook &runbook);

QString runbookBlockKindName(RunbookBlock::Kind kind);
QJsonObject toJson(const Runbook &runbook);

} // namespace OpsDeck
