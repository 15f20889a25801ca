// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/shelllexer.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace OpsDeck {

// One simple command of shell text as the shell will start it: its words after quote removal,
// without the assignments and reserved words in front of it. Only commands at the top level
// (not those inside $( ) or backticks).
struct ShellCommandWords {
    QStringList words;            // quote-removed
    QStringList written;          // each word as written, quotes and all
    QList<ShellSpan> spans;       // of each word
    ShellSpan span;               // the whole command, redirections included
    QString keyword;              // "while" or "until" when the command is a loop's condition
    bool stdinRedirected = false; // <, <<, <<< or <> on descriptor 0, or piped into
    bool pipesOut = false;        // its output goes into a pipe
    bool lastOnLine = true;       // nothing but a comment follows it on its line
    bool inCompound = false;      // inside if/while/for/case/{ }/( ): runs in a construct
    int firstLine = 0;            // 0-based lines of the text
    int lastLine = 0;
};
QList<ShellCommandWords> topLevelCommands(const ShellLexResult &lexed);

// What a command does to the step that runs it.
struct CommandBehaviour {
    enum class Kind {
        Ends,          // runs and ends by itself
        Streams,       // prints until it is stopped: tail -f, kubectl logs -f, watch, ping
        OpensShell,    // opens a shell elsewhere that reads what is typed next: kubectl exec -it
                       // POD -- sh, ssh HOST, chroot DIR
        NeedsTerminal, // an interactive program: psql without -c, oc debug, sudo -i, vi, htop
    };
    Kind kind = Kind::Ends;
    QString what;   // the deciding command as an operator would name it: "kubectl logs -f"
    QString reason; // a sentence for the card (translated)
    // OpensShell: the command rewritten to take a script as its last argument (the -i/-t
    // flags dropped, "-c" after the shell, "-T" for compose), as written otherwise.
    QString runInside;
    QString where; // OpensShell: "in the container", "on db-1", "under /host"
};
CommandBehaviour commandBehaviour(const QString &text, const ShellCommandWords &command);

// A command in a block that moves the lines after it into another shell or program: the lines
// up to its `exit` (or `\q`, `quit`, `logout`), else to the end of the block, are typed there.
struct RunbookContextSwitch {
    int line = 0;      // 0-based first line of the opening command in the block's text
    int openerEnd = 0; // its last line (a command may go on over several lines)
    int lastLine = 0;  // the last line typed in the other shell, the exit line included
    int exitLine = -1; // the line that leaves it, or -1 when the block ends first
    ShellSpan opener;  // the opening command, offsets in the text
    // The lines typed there run inside it: `runInside` followed by those lines as one quoted
    // argument. Otherwise the step is for a terminal and OpsDeck does not run it.
    bool runsInside = false;
    QString runInside;
    QString what;        // "kubectl exec -it", "ssh", "psql"
    QString description; // translated: what it opens and what becomes of the lines after it

    bool covers(int textLine) const { return textLine >= line && textLine <= lastLine; }
    bool isInner(int textLine) const { return textLine > openerEnd && textLine <= lastLine; }
};

// What a block of shell does when it runs: the context switches in it, in order, and whether
// it prints until it is stopped.
struct BlockExecution {
    QList<RunbookContextSwitch> switches;
    QString streams; // why it runs until stopped ("kubectl logs -f follows …"); empty: it ends
};
// placeholders: where `<pod-name>`-like placeholders stand, read as one plain word each (not as
// the redirections and globs the shell would make of them).
BlockExecution analyseBlockExecution(const QString &text,
                                     const QList<ShellSpan> &placeholders = {});

// The text that runs for the whole block (switches from analyseBlockExecution): each switch that
// runs inside becomes its command followed by a marker word, and the lines typed there are kept
// as scripts by marker. A caller fills the outer text, then puts each script, quoted, where its
// marker stands.
struct ComposedScript {
    QString outer;
    QMap<QString, QString> scripts; // by marker
};
ComposedScript composeRunInside(const QString &text, const QList<RunbookContextSwitch> &switches);
// The same for one line (0-based) inside a switch that runs inside: that logical line alone (or
// the opener's line: every line of the switch). Empty outer when line is not inside one.
ComposedScript composeRunInsideLine(const QString &text, const RunbookContextSwitch &contextSwitch,
                                    const QString &lineText, bool wholeSwitch);
// Puts each script, quoted by shellQuote, where its marker stands.
QString withScripts(const QString &outer, const QMap<QString, QString> &scripts);

} // namespace OpsDeck
