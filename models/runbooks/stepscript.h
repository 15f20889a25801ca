// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"
#include "models/runbooks/runbookparser.h"
#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QHashFunctions>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace OpsDeck {

// A step of a runbook: a runnable block (command or SQL) or a manual check, by position.
struct RunbookStepId {
    int section = -1;
    int block = -1;
    bool isValid() const { return section >= 0 && block >= 0; }
    friend bool operator==(const RunbookStepId &, const RunbookStepId &) = default;
};

inline size_t qHash(const RunbookStepId &id, size_t seed = 0) noexcept
{
    return qHashMulti(seed, id.section, id.block);
}

// A logical line of a shell block: one command with everything that belongs to it: `\`
// continuations, here-document bodies, quotes over several lines, loops, if/case, { } groups,
// subshells and a pipeline or && || list that goes on on the next line. Lines are 0-based
// within the block's text.
struct ShellLine {
    int firstLine = 0;
    int lastLine = 0;
    QString text;
};
QList<ShellLine> logicalShellLines(const QString &script);

// A step ready to run: the text that goes to the host, after placeholders and carried
// variables are filled in.
struct PreparedStep {
    RunbookStepId step;
    QString target;            // host name, or "host/database" for SQL
    int line = -1;             // Run Line: the command's first line in the block, 0-based
    CommandRequest request;    // request.risk from the block; script or argv filled in
    QString shownCommand;      // the block's text (or the chosen line) with values filled in
    QStringList missingValues; // placeholders without a value: the step cannot run
    QString error;             // no host chosen, unknown database, ...: the step cannot run
    QString riskReason;
    QString passwordEntry;         // SQL: the keychain entry of the database's password, if any
    QString passwordAddress;       // and the address it goes to (see databaseSecretAddress())
    QStringList capturedVariables; // variables the step assigns, read back after it ran
    QByteArray variablesMarker;    // the line that ends its output and starts those variables
    // It prints until it is stopped (tail -f, kubectl logs -f): no time limit, Stop ends it.
    QString streams;
    // It is for a terminal (an interactive program, a shell to type in): error says why, and
    // shownCommand is still what to copy.
    bool terminalOnly = false;

    bool canRun() const { return missingValues.isEmpty() && error.isEmpty(); }
};

// What a step is prepared from besides its block: what the operator chose and typed, and what
// the steps that ran before it left behind.
struct StepInputs {
    QString target; // the host, or "host/database" for an SQL step
    int line = -1;  // Run Line: a 0-based line of the block (its logical line runs); -1: all
    QMap<QString, QString> values;    // placeholder values, by placeholder ("<pod-name>", "$1")
    QMap<QString, QString> variables; // variables earlier steps set, by name
    // Makes the line that ends the step's output unguessable; a session draws it at random.
    QByteArray markerToken;
};

// What runs for `block` with `inputs`: the command to show, the request to run (a bash -c
// script for shell, psql with a here-document for SQL), or why it cannot run. A pure function:
// the same block and inputs give the same step. step is left for the caller to set.
//
// Lines typed in another shell (after `kubectl exec -it POD -- sh`, `docker exec -it C bash`,
// `ssh HOST`, `chroot DIR`) run inside it as one script argument (`kubectl exec POD -- sh -c
// '…'`), with values filled in and quoted for that shell; a step that needs a terminal
// (`psql` at its prompt, `oc debug`, `sudo -i`, an editor) is refused with the reason.
PreparedStep prepareStep(const RunbookBlock &block, const Workspace &workspace,
                         const StepInputs &inputs);

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::RunbookStepId)
