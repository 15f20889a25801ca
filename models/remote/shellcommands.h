// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/shelllexer.h"

#include <QString>

#include <vector>

namespace OpsDeck {

// One simple command as the shell will run it: the assignments before its name, its words
// (the name first) and its redirections. Compound commands (if, while, for, case, functions,
// subshells, groups) contribute the simple commands inside them; their keywords are not
// commands. Points into the ShellLexResult it was parsed from, which must outlive it.
struct ShellCommand {
    std::vector<const ShellToken *> assignments;
    std::vector<const ShellToken *> words;
    std::vector<const ShellToken *> redirections; // here-document openers included
    // The bodies of this command's here-documents, in the order of their << openers.
    std::vector<const ShellToken *> hereDocuments;
    // Inside how many command or process substitutions it runs (0: at the top).
    int depth = 0;
    // Its standard input is the output of a command before it (`a | b`).
    bool readsPipe = false;
    // Words that the shell evaluates as arithmetic: $(( )), (( )), for (( )) and the
    // operands of [[ -eq ]]-style comparisons; a variable named in them is evaluated again.
    std::vector<const ShellWordPart *> arithmetic;

    bool isEmpty() const { return words.empty(); }
    QString name() const; // the first word after quote removal, or empty
};

struct ShellCommandList {
    std::vector<ShellCommand> commands; // in source order, substitutions after their command
    // Names given a value anywhere in the text (NAME=, for NAME, read NAME, ...): what the
    // script can make an arithmetic evaluation run.
    QStringList assignedNames;
    // Constructs that exist but are not modelled here; the caller treats them as unknown.
    QStringList unsupported;
};

// The simple commands in lexed shell text, including those inside substitutions,
// here-documents that expand, and compound commands.
ShellCommandList parseShellCommands(const ShellLexResult &lexed);

// Unquoted characters that make the shell compute a word: $-expansions, substitutions,
// globs (* ? [) and brace expansion ({a,b} {1..3}). A word with none of them is exactly its
// value() once quotes are removed.
bool isComputedWord(const ShellToken &word);
bool containsExpansion(const std::vector<ShellWordPart> &parts);

} // namespace OpsDeck
