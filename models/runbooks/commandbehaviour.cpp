// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/commandbehaviour.h"

#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandBehaviour)
};

using Kind = CommandBehaviour::Kind;

// Carried commands (ssh HOST CMD, sh -c '…') are judged again, this deep at most.
constexpr int MaximumCarriedDepth = 4;

QString baseName(const QString &word)
{
    return word.section(u'/', -1);
}

bool isShellProgram(const QString &word)
{
    static const QSet<QString> shells = {u"sh"_s,  u"bash"_s, u"zsh"_s,
                                         u"ash"_s, u"dash"_s, u"ksh"_s};
    return shells.contains(baseName(word));
}

// A short-option cluster ("-it", "-fn100") that holds letter before any letter taking a value.
bool clusterHas(const QString &word, QChar letter, QStringView valueLetters = {})
{
    if (word.size() < 2 || word[0] != u'-' || word[1] == u'-')
        return false;
    for (qsizetype i = 1; i < word.size(); ++i) {
        const QChar c = word[i];
        if (c == letter)
            return true;
        if (!c.isLetter() || valueLetters.contains(c))
            return false;
    }
    return false;
}

// --name or --name=VALUE (not --name=false).
bool isLong(const QString &word, QStringView name)
{
    if (word == name)
        return true;
    return word.startsWith(name) && word.size() > name.size() && word[name.size()] == u'=' &&
           word.mid(name.size() + 1) != u"false";
}

struct Options {
    QStringView valueLetters;        // short options that take a value ("n" for -n NS)
    QStringList valueLong;           // long options that take a value unless written --x=y
    bool stopAtFirstOperand = false; // what follows the first operand is another command's
};

struct ParsedArguments {
    QList<int> operands;
    int doubleDash = -1;
    QList<int> options; // indexes of the option words themselves
};

ParsedArguments parseArguments(const QStringList &words, int from, const Options &options)
{
    ParsedArguments parsed;
    for (int i = from; i < words.size(); ++i) {
        const QString &word = words[i];
        if (word == u"--") {
            parsed.doubleDash = i;
            break;
        }
        if (word.startsWith(u"--")) {
            parsed.options.append(i);
            if (!word.contains(u'=') && options.valueLong.contains(word))
                ++i;
            continue;
        }
        if (word.size() > 1 && word.startsWith(u'-')) {
            parsed.options.append(i);
            for (qsizetype k = 1; k < word.size(); ++k) {
                if (options.valueLetters.contains(word[k])) {
                    if (k == word.size() - 1)
                        ++i; // the value is the next word
                    break;
                }
            }
            continue;
        }
        parsed.operands.append(i);
        if (options.stopAtFirstOperand)
            break;
    }
    return parsed;
}

bool anyCluster(const QStringList &words, int from, int to, QChar letter,
                QStringView valueLetters = {})
{
    for (int i = from; i < to && i < words.size(); ++i) {
        if (clusterHas(words[i], letter, valueLetters))
            return true;
    }
    return false;
}

bool anyLong(const QStringList &words, int from, int to, QStringView name)
{
    for (int i = from; i < to && i < words.size(); ++i) {
        if (isLong(words[i], name))
            return true;
    }
    return false;
}

bool isNumber(const QString &word)
{
    bool ok = false;
    word.toDouble(&ok);
    return ok;
}

CommandBehaviour streams(const QString &what)
{
    CommandBehaviour behaviour;
    behaviour.kind = Kind::Streams;
    behaviour.what = what;
    behaviour.reason =
        Text::tr("%1 keeps running and printing until it is stopped: it streams until you "
                 "press Stop, with no time limit")
            .arg(what);
    return behaviour;
}

// The same behaviour, named after the command that carries it ("kubectl exec -it redis-cli").
CommandBehaviour renamed(CommandBehaviour behaviour, const QString &what)
{
    if (behaviour.reason.startsWith(behaviour.what))
        behaviour.reason.replace(0, behaviour.what.size(), what);
    behaviour.what = what;
    return behaviour;
}

enum class Interaction { Client, Shell, Editor, FullScreen };

CommandBehaviour needsTerminal(const QString &what, Interaction interaction)
{
    CommandBehaviour behaviour;
    behaviour.kind = Kind::NeedsTerminal;
    behaviour.what = what;
    switch (interaction) {
    case Interaction::Client:
        behaviour.reason = Text::tr("%1 waits for what is typed at its prompt").arg(what);
        break;
    case Interaction::Shell:
        behaviour.reason = Text::tr("%1 opens an interactive shell").arg(what);
        break;
    case Interaction::Editor:
        behaviour.reason = Text::tr("%1 opens an editor").arg(what);
        break;
    case Interaction::FullScreen:
        behaviour.reason = Text::tr("%1 is a full-screen program").arg(what);
        break;
    }
    return behaviour;
}

// Judges words[from…] as one command. Spans (of the source text) are known only for the
// command as written in the block, not for commands carried inside another (ssh HOST CMD).
class Judge
{
public:
    Judge(const QString &text, const ShellCommandWords *source)
        : m_text(text)
        , m_source(source)
    {
    }

    CommandBehaviour judge(const QStringList &words, int from, bool stdinRedirected,
                           int depth) const
    {
        from = skipWrappers(words, from);
        if (from < 0)
            return {}; // timeout and the like: it ends, whatever it runs
        if (from >= words.size())
            return {};
        const QString program = baseName(words[from]);
        const auto nextIs = [&](QStringView word) {
            return from + 1 < words.size() && words[from + 1] == word;
        };
        if ((program == u"microk8s" || program == u"k3s") && nextIs(u"kubectl"))
            return judge(words, from + 1, stdinRedirected, depth);
        if (program == u"kubectl" || program == u"oc")
            return kubectl(words, from, stdinRedirected, depth);
        if ((program == u"docker" || program == u"podman" || program == u"nerdctl") &&
            nextIs(u"compose"))
            return compose(words, from + 1, stdinRedirected, depth);
        if (program == u"docker-compose" || program == u"podman-compose")
            return compose(words, from, stdinRedirected, depth);
        if (program == u"docker" || program == u"podman" || program == u"nerdctl" ||
            program == u"crictl")
            return docker(words, from, stdinRedirected, depth);
        if (program == u"ssh")
            return ssh(words, from, stdinRedirected, depth);
        if (program == u"sudo")
            return sudo(words, from, stdinRedirected, depth);
        if (program == u"su")
            return su(words, from);
        if (program == u"chroot")
            return chroot(words, from, stdinRedirected, depth);
        if (isShellProgram(program))
            return shell(words, from, stdinRedirected, depth);
        return tool(words, from, stdinRedirected);
    }

private:
    // Index of the command a wrapper runs (sudo and ssh are judged themselves), or -1 when the
    // wrapper ends it after a while (timeout).
    static int skipWrappers(const QStringList &words, int from)
    {
        while (from < words.size()) {
            const QString program = baseName(words[from]);
            if (program == u"timeout")
                return -1;
            if (program == u"nohup" || program == u"time" || program == u"command" ||
                program == u"exec" || program == u"busybox") {
                ++from;
                continue;
            }
            if (program == u"nice" || program == u"ionice" || program == u"stdbuf" ||
                program == u"env") {
                ++from;
                while (from < words.size() &&
                       (words[from].startsWith(u'-') || words[from].contains(u'='))) {
                    const QString &option = words[from];
                    ++from;
                    // nice -n 10, ionice -c 3, env -u NAME: the value follows
                    if ((option == u"-n" || option == u"-c" || option == u"-u") &&
                        from < words.size())
                        ++from;
                }
                continue;
            }
            break;
        }
        return from;
    }

    // The command a tool carries to run elsewhere (ssh HOST CMD…, kubectl exec POD -- CMD…).
    CommandBehaviour carried(const QStringList &words, int from, bool stdinRedirected, int depth,
                             const QString &outer) const
    {
        if (depth >= MaximumCarriedDepth)
            return {};
        const Judge inner(m_text, nullptr);
        CommandBehaviour behaviour = inner.judge(words, from, stdinRedirected, depth + 1);
        if (behaviour.kind == Kind::OpensShell) // a shell opened there, with nothing to run in it
            return needsTerminal(outer, Interaction::Shell);
        if (behaviour.kind == Kind::NeedsTerminal)
            return renamed(behaviour, outer + u' ' + behaviour.what);
        return behaviour;
    }

    // A shell with -c judges its script; without one (and without a script file) it reads
    // commands from what is typed.
    CommandBehaviour shell(const QStringList &words, int from, bool stdinRedirected,
                           int depth) const
    {
        for (int i = from + 1; i < words.size(); ++i) {
            const QString &word = words[i];
            if (clusterHas(word, u'c')) {
                if (i + 1 >= words.size() || depth >= MaximumCarriedDepth)
                    return {};
                return script(words[i + 1], depth + 1);
            }
            if (!word.startsWith(u'-'))
                return {}; // a script file
        }
        if (stdinRedirected)
            return {};
        CommandBehaviour behaviour;
        behaviour.kind = Kind::OpensShell;
        behaviour.what = words[from];
        return behaviour;
    }

    // Shell text carried as one string (sh -c '…', ssh HOST '…'): the strongest behaviour of
    // its commands.
    CommandBehaviour script(const QString &source, int depth) const
    {
        const ShellLexResult lexed = lexShell(source);
        CommandBehaviour strongest;
        for (const ShellCommandWords &command : topLevelCommands(lexed)) {
            const Judge inner(source, nullptr);
            const CommandBehaviour behaviour =
                inner.judge(command.words, 0, command.stdinRedirected, depth);
            if (int(behaviour.kind) > int(strongest.kind))
                strongest = behaviour;
        }
        if (strongest.kind == Kind::OpensShell)
            return needsTerminal(strongest.what, Interaction::Shell);
        return strongest;
    }

    CommandBehaviour kubectl(const QStringList &words, int from, bool stdinRedirected,
                             int depth) const
    {
        static const Options global{
            u"ns",
            {u"--namespace"_s, u"--context"_s, u"--cluster"_s, u"--user"_s, u"--kubeconfig"_s,
             u"--server"_s, u"--as"_s, u"--as-group"_s, u"--token"_s, u"--request-timeout"_s,
             u"--certificate-authority"_s, u"--client-certificate"_s, u"--client-key"_s,
             u"--cache-dir"_s, u"--tls-server-name"_s, u"-v"_s},
            true};
        const ParsedArguments top = parseArguments(words, from + 1, global);
        if (top.operands.isEmpty())
            return {};
        const int at = top.operands.constFirst();
        const QString program = baseName(words[from]);
        const QString subcommand = words[at];
        const QString what = program + u' ' + subcommand;
        // Options after "--" belong to the command kubectl carries.
        const qsizetype dashes = words.indexOf(u"--"_s, at);
        const int end = dashes < 0 ? int(words.size()) : int(dashes);
        const auto flag = [&](QChar letter, QStringView name, QStringView values = {}) {
            return anyCluster(words, from + 1, end, letter, values) ||
                   anyLong(words, from + 1, end, name);
        };
        if (subcommand == u"logs") {
            if (flag(u'f', u"--follow", u"cnl"))
                return streams(what + u" -f");
            return {};
        }
        if (subcommand == u"get" || subcommand == u"events") {
            if (flag(u'w', u"--watch", u"nlo") || anyLong(words, from + 1, end, u"--watch-only"))
                return streams(what + u" --watch");
            return {};
        }
        if (subcommand == u"port-forward" || subcommand == u"proxy")
            return streams(what);
        if (subcommand == u"edit")
            return needsTerminal(what, Interaction::Editor);
        const bool interactive = flag(u'i', u"--stdin", u"nc") || flag(u't', u"--tty", u"nc");
        if (subcommand == u"attach")
            return interactive ? needsTerminal(what, Interaction::Client) : streams(what);
        if (subcommand == u"run" || subcommand == u"debug") {
            if (interactive)
                return needsTerminal(what + u" -it", Interaction::Client);
            if (program == u"oc" && subcommand == u"debug" && !words.contains(u"--"_s))
                return needsTerminal(what, Interaction::Shell); // oc debug opens a shell
            return {};
        }
        if (subcommand == u"rsh") { // oc rsh POD [COMMAND…]
            const ParsedArguments parsed =
                parseArguments(words, at + 1, {u"c", {u"--container"_s, u"--shell"_s}, true});
            if (parsed.operands.isEmpty())
                return {};
            const int command = parsed.operands.constFirst() + 1;
            if (command >= words.size())
                return needsTerminal(what, Interaction::Shell);
            return carried(words, command, stdinRedirected, depth, what);
        }
        if (subcommand != u"exec")
            return {};
        static const Options exec{u"ncfs",
                                  {u"--namespace"_s, u"--container"_s, u"--filename"_s,
                                   u"--context"_s, u"--kubeconfig"_s, u"--pod-running-timeout"_s,
                                   u"--cluster"_s, u"--user"_s, u"--server"_s, u"--as"_s,
                                   u"--request-timeout"_s, u"--token"_s},
                                  false};
        const ParsedArguments parsed = parseArguments(words, at + 1, exec);
        int command = -1;
        if (parsed.doubleDash >= 0)
            command = parsed.doubleDash + 1;
        else if (parsed.operands.size() >= 2)
            command = parsed.operands[1]; // the old form: kubectl exec POD COMMAND
        if (command < 0 || command >= words.size())
            return {};
        const QString shown = interactive ? what + u" -it" : what;
        if (isShellProgram(words[command])) {
            const CommandBehaviour inner = shell(words, command, stdinRedirected, depth + 1);
            if (inner.kind == Kind::OpensShell) {
                QList<int> drop;
                for (int i = at + 1; i < command; ++i) {
                    if (isInteractiveFlag(words[i], u"nc", {u"--stdin"_s, u"--tty"_s}))
                        drop.append(i);
                }
                return opensShell(
                    shown, rewrite(words, drop, -1, {}, lastShellWord(words, command), u" -c"_s),
                    Text::tr("in the container"));
            }
            return inner;
        }
        return carried(words, command, stdinRedirected, depth, shown);
    }

    CommandBehaviour docker(const QStringList &words, int from, bool stdinRedirected,
                            int depth) const
    {
        static const Options global{
            u"Hcl", {u"--host"_s, u"--context"_s, u"--config"_s, u"--log-level"_s}, true};
        const ParsedArguments top = parseArguments(words, from + 1, global);
        if (top.operands.isEmpty())
            return {};
        const int at = top.operands.constFirst();
        const QString subcommand = words[at];
        const QString what = baseName(words[from]) + u' ' + subcommand;
        const int end = int(words.size());
        if (subcommand == u"logs") {
            if (anyCluster(words, at + 1, end, u'f', u"n") ||
                anyLong(words, at + 1, end, u"--follow"))
                return streams(what + u" -f");
            return {};
        }
        if (subcommand == u"stats") {
            if (!anyLong(words, at + 1, end, u"--no-stream"))
                return streams(what);
            return {};
        }
        if (subcommand == u"events") {
            if (!anyLong(words, at + 1, end, u"--until"))
                return streams(what);
            return {};
        }
        if (subcommand == u"attach")
            return needsTerminal(what, Interaction::Client);
        if (subcommand == u"run") {
            const ParsedArguments parsed =
                parseArguments(words, at + 1, {u"eupvwlmh", runValueOptions(), true});
            const int image = parsed.operands.value(0, end);
            if (anyCluster(words, at + 1, image, u't') || anyLong(words, at + 1, image, u"--tty"))
                return needsTerminal(what + u" -it", Interaction::Client);
            return {};
        }
        if (subcommand != u"exec")
            return {};
        static const Options exec{
            u"euw",
            {u"--env"_s, u"--env-file"_s, u"--user"_s, u"--workdir"_s, u"--detach-keys"_s},
            true};
        return containerExec(words, at, parseArguments(words, at + 1, exec), what, stdinRedirected,
                             depth, false);
    }

    static QStringList runValueOptions()
    {
        return {u"--name"_s,    u"--env"_s,    u"--user"_s,     u"--volume"_s,   u"--workdir"_s,
                u"--label"_s,   u"--memory"_s, u"--hostname"_s, u"--network"_s,  u"--entrypoint"_s,
                u"--publish"_s, u"--mount"_s,  u"--env-file"_s, u"--platform"_s, u"--cpus"_s};
    }

    CommandBehaviour compose(const QStringList &words, int from, bool stdinRedirected,
                             int depth) const
    {
        static const Options global{u"fp",
                                    {u"--file"_s, u"--project-name"_s, u"--env-file"_s,
                                     u"--profile"_s, u"--project-directory"_s},
                                    true};
        const ParsedArguments top = parseArguments(words, from + 1, global);
        if (top.operands.isEmpty())
            return {};
        const int at = top.operands.constFirst();
        const QString subcommand = words[at];
        const QString program =
            words[from] == u"compose" ? u"docker compose"_s : baseName(words[from]);
        const QString what = program + u' ' + subcommand;
        const int end = int(words.size());
        if (subcommand == u"logs") {
            if (anyCluster(words, at + 1, end, u'f', u"n") ||
                anyLong(words, at + 1, end, u"--follow"))
                return streams(what + u" -f");
            return {};
        }
        if (subcommand == u"up") {
            if (!anyCluster(words, at + 1, end, u'd') && !anyLong(words, at + 1, end, u"--detach"))
                return streams(what);
            return {};
        }
        if (subcommand == u"attach")
            return needsTerminal(what, Interaction::Client);
        if (subcommand != u"exec")
            return {};
        static const Options exec{
            u"euw", {u"--env"_s, u"--user"_s, u"--workdir"_s, u"--index"_s}, true};
        return containerExec(words, at, parseArguments(words, at + 1, exec), what, stdinRedirected,
                             depth, true);
    }

    // docker exec [options] CONTAINER COMMAND…, and compose's SERVICE form (which allocates a
    // terminal unless told -T).
    CommandBehaviour containerExec(const QStringList &words, int at, const ParsedArguments &parsed,
                                   const QString &what, bool stdinRedirected, int depth,
                                   bool compose) const
    {
        if (parsed.operands.isEmpty())
            return {};
        const int command = parsed.operands.constFirst() + 1;
        if (command >= words.size())
            return {};
        const QString shown =
            anyCluster(words, at + 1, command, u'i') || anyCluster(words, at + 1, command, u't')
                ? what + u" -it"
                : what;
        if (isShellProgram(words[command])) {
            const CommandBehaviour inner = shell(words, command, stdinRedirected, depth + 1);
            if (inner.kind != Kind::OpensShell)
                return inner;
            QList<int> drop;
            bool noTerminal = false;
            for (int i = at + 1; i < command; ++i) {
                if (isInteractiveFlag(words[i], u"euw", {u"--interactive"_s, u"--tty"_s}))
                    drop.append(i);
                if (words[i] == u"-T" || words[i] == u"--no-TTY")
                    noTerminal = true;
            }
            const QString insert = compose && !noTerminal ? u" -T"_s : QString();
            return opensShell(
                shown, rewrite(words, drop, at, insert, lastShellWord(words, command), u" -c"_s),
                Text::tr("in the container"));
        }
        return carried(words, command, stdinRedirected, depth, shown);
    }

    CommandBehaviour ssh(const QStringList &words, int from, bool stdinRedirected, int depth) const
    {
        static const Options options{u"BbcDEeFIiJLlmOopQRSWw", {}, true};
        const ParsedArguments parsed = parseArguments(words, from + 1, options);
        if (parsed.operands.isEmpty())
            return {};
        const int host = parsed.operands.constFirst();
        const int end = int(words.size());
        if (anyCluster(words, from + 1, host, u'N', options.valueLetters))
            return streams(u"ssh -N"_s); // a tunnel that stays open
        if (host + 1 < end) {
            // ssh joins the words and the far side's shell reads them again.
            if (depth >= MaximumCarriedDepth)
                return {};
            CommandBehaviour behaviour = script(words.mid(host + 1).join(u' '), depth + 1);
            if (behaviour.kind == Kind::NeedsTerminal)
                return renamed(behaviour, u"ssh "_s + behaviour.what);
            return behaviour;
        }
        if (stdinRedirected || anyCluster(words, from + 1, host, u'f', options.valueLetters))
            return {};
        QList<int> drop;
        for (int i = from + 1; i < host; ++i) {
            if (words[i] == u"-t" || words[i] == u"-tt")
                drop.append(i);
        }
        return opensShell(u"ssh "_s + words[host], rewrite(words, drop, -1, {}, -1, {}),
                          Text::tr("on %1").arg(words[host]));
    }

    CommandBehaviour sudo(const QStringList &words, int from, bool stdinRedirected, int depth) const
    {
        static const Options options{u"ugpCDrtUTh",
                                     {u"--user"_s, u"--group"_s, u"--prompt"_s, u"--close-from"_s,
                                      u"--chdir"_s, u"--role"_s, u"--type"_s, u"--other-user"_s,
                                      u"--command-timeout"_s, u"--host"_s},
                                     true};
        const ParsedArguments parsed = parseArguments(words, from + 1, options);
        const int command = parsed.operands.value(0, -1);
        const int end = command < 0 ? int(words.size()) : command;
        const bool login = anyCluster(words, from + 1, end, u'i', options.valueLetters) ||
                           anyLong(words, from + 1, end, u"--login");
        const bool shell = anyCluster(words, from + 1, end, u's', options.valueLetters) ||
                           anyLong(words, from + 1, end, u"--shell");
        if (command < 0) {
            if (login || shell)
                return needsTerminal(login ? u"sudo -i"_s : u"sudo -s"_s, Interaction::Shell);
            return {};
        }
        CommandBehaviour behaviour = judge(words, command, stdinRedirected, depth);
        if (behaviour.kind == Kind::NeedsTerminal && !behaviour.what.startsWith(u"sudo"))
            return renamed(behaviour, u"sudo "_s + behaviour.what);
        return behaviour;
    }

    static CommandBehaviour su(const QStringList &words, int from)
    {
        for (int i = from + 1; i < words.size(); ++i) {
            if (clusterHas(words[i], u'c') || isLong(words[i], u"--command"))
                return {};
        }
        return needsTerminal(words.mid(from, 2).join(u' '), Interaction::Shell);
    }

    CommandBehaviour chroot(const QStringList &words, int from, bool stdinRedirected,
                            int depth) const
    {
        const ParsedArguments parsed = parseArguments(words, from + 1, {{}, {}, true});
        if (parsed.operands.isEmpty())
            return {};
        const int directory = parsed.operands.constFirst();
        if (directory + 1 < words.size())
            return carried(words, directory + 1, stdinRedirected, depth, u"chroot"_s);
        if (stdinRedirected)
            return {};
        return opensShell(u"chroot "_s + words[directory],
                          rewrite(words, {}, -1, {}, -1, u" sh -c"_s),
                          Text::tr("under %1").arg(words[directory]));
    }

    CommandBehaviour tool(const QStringList &words, int from, bool stdinRedirected) const
    {
        const QString program = baseName(words[from]);
        const int end = int(words.size());
        const QStringList arguments = words.mid(from + 1);
        const auto operandsOf = [&](QStringView valueLetters) {
            QStringList operands;
            const ParsedArguments parsed = parseArguments(words, from + 1, {valueLetters, {}});
            for (int i : parsed.operands)
                operands.append(words[i]);
            return operands;
        };
        if (program == u"tail") {
            if (anyCluster(words, from + 1, end, u'f', u"ncs") ||
                anyCluster(words, from + 1, end, u'F', u"ncs") ||
                anyLong(words, from + 1, end, u"--follow"))
                return streams(u"tail -f"_s);
            return {};
        }
        if (program == u"journalctl") {
            if (anyCluster(words, from + 1, end, u'f', u"unpSUotDMF") ||
                anyLong(words, from + 1, end, u"--follow"))
                return streams(u"journalctl -f"_s);
            return {};
        }
        if (program == u"dmesg") {
            if (anyCluster(words, from + 1, end, u'w') || anyCluster(words, from + 1, end, u'W') ||
                anyLong(words, from + 1, end, u"--follow") ||
                anyLong(words, from + 1, end, u"--follow-new"))
                return streams(u"dmesg -w"_s);
            return {};
        }
        if (program == u"watch")
            return streams(u"watch"_s);
        if (program == u"top") {
            const bool batch = anyCluster(words, from + 1, end, u'b', u"dnpuUoOw");
            const bool count = anyCluster(words, from + 1, end, u'n', u"dpuUoOw");
            if (!(batch && count))
                return streams(u"top"_s);
            return {};
        }
        if (program == u"ping" || program == u"ping6") {
            if (!anyCluster(words, from + 1, end, u'c', u"iIlMpQsStTW") &&
                !anyCluster(words, from + 1, end, u'w', u"ciIlMpQsStTW"))
                return streams(program);
            return {};
        }
        if (program == u"tcpdump" || program == u"tshark") {
            if (!anyCluster(words, from + 1, end, u'c', u"iwsCFGWEyTZBjMf") &&
                !anyCluster(words, from + 1, end, u'r', u"iwsCFGWEyTZBjMf") &&
                !anyCluster(words, from + 1, end, u'a', u"iwsCFGWEyTZBjMf"))
                return streams(program);
            return {};
        }
        if (program == u"vmstat" || program == u"iostat" || program == u"mpstat" ||
            program == u"pidstat" || program == u"sar") {
            const QStringList operands = operandsOf(u"pPtTSdDo");
            if (std::ranges::count_if(operands, isNumber) == 1)
                return streams(program + u' ' + operands.constFirst());
            return {};
        }
        if (program == u"jstat") { // jstat -gcutil VMID [INTERVAL [COUNT]]
            if (operandsOf({}).size() == 2)
                return streams(u"jstat"_s);
            return {};
        }
        if (program == u"dstat") {
            if (std::ranges::count_if(operandsOf({}), isNumber) < 2)
                return streams(program);
            return {};
        }
        if (program == u"strace" || program == u"ltrace") {
            if (anyCluster(words, from + 1, end, u'p', u"eoosSEu"))
                return streams(program + u" -p");
            return {};
        }
        if (program == u"stern" || program == u"kubetail") {
            if (!arguments.contains(u"--no-follow"_s))
                return streams(program);
            return {};
        }
        if (program == u"sleep" && arguments == QStringList{u"infinity"_s})
            return streams(u"sleep infinity"_s);
        if ((program == u"nc" || program == u"ncat") && anyCluster(words, from + 1, end, u'l'))
            return streams(program + u" -l");
        if (program == u"aws" && arguments.mid(0, 2) == QStringList{u"logs"_s, u"tail"_s} &&
            arguments.contains(u"--follow"_s))
            return streams(u"aws logs tail --follow"_s);
        if (program == u"gcloud" && arguments.contains(u"logging"_s) &&
            arguments.contains(u"tail"_s))
            return streams(u"gcloud logging tail"_s);
        if (program == u"kafka-console-consumer" || program == u"kafka-console-consumer.sh") {
            if (!arguments.contains(u"--max-messages"_s) && !arguments.contains(u"--timeout-ms"_s))
                return streams(program);
            return {};
        }
        if (program == u"redis-cli")
            return redisCli(words, from, stdinRedirected);
        if (stdinRedirected)
            return {};
        if (program == u"psql") {
            if (anyCluster(words, from + 1, end, u'c', u"dhpUvPFRTo") ||
                anyCluster(words, from + 1, end, u'f', u"dhpUvPFRTo") ||
                anyCluster(words, from + 1, end, u'l', u"dhpUvPFRTo") ||
                anyCluster(words, from + 1, end, u'V') ||
                anyLong(words, from + 1, end, u"--command") ||
                anyLong(words, from + 1, end, u"--file") ||
                anyLong(words, from + 1, end, u"--list") ||
                anyLong(words, from + 1, end, u"--version") ||
                anyLong(words, from + 1, end, u"--help"))
                return {};
            return needsTerminal(u"psql"_s, Interaction::Client);
        }
        if (program == u"mysql" || program == u"mariadb") {
            if (anyCluster(words, from + 1, end, u'e', u"hPuDpS") ||
                anyLong(words, from + 1, end, u"--execute") ||
                anyCluster(words, from + 1, end, u'V') ||
                anyLong(words, from + 1, end, u"--version"))
                return {};
            return needsTerminal(program, Interaction::Client);
        }
        if (program == u"mongosh" || program == u"mongo") {
            if (arguments.contains(u"--eval"_s) || arguments.contains(u"--file"_s) ||
                arguments.contains(u"-f"_s) ||
                std::ranges::any_of(arguments, [](const QString &a) { return a.endsWith(u".js"); }))
                return {};
            return needsTerminal(program, Interaction::Client);
        }
        if (program == u"sqlite3") {
            if (operandsOf({}).size() >= 2)
                return {};
            return needsTerminal(program, Interaction::Client);
        }
        if (program == u"cqlsh") {
            if (anyCluster(words, from + 1, end, u'e', u"ufk") ||
                anyCluster(words, from + 1, end, u'f', u"uek") ||
                anyLong(words, from + 1, end, u"--execute") ||
                anyLong(words, from + 1, end, u"--file"))
                return {};
            return needsTerminal(program, Interaction::Client);
        }
        if (program == u"sftp" || program == u"telnet" || program == u"mosh") {
            if (program == u"sftp" && anyCluster(words, from + 1, end, u'b'))
                return {};
            return needsTerminal(program, Interaction::Client);
        }
        static const QSet<QString> editors = {u"vi"_s,   u"vim"_s,   u"nvim"_s,     u"nano"_s,
                                              u"pico"_s, u"emacs"_s, u"mcedit"_s,   u"visudo"_s,
                                              u"vipw"_s, u"vigr"_s,  u"sudoedit"_s, u"joe"_s};
        if (editors.contains(program)) {
            if (program == u"emacs" &&
                (arguments.contains(u"--batch"_s) || arguments.contains(u"-batch"_s)))
                return {};
            return needsTerminal(program, Interaction::Editor);
        }
        if (program == u"crontab" && arguments.contains(u"-e"_s))
            return needsTerminal(u"crontab -e"_s, Interaction::Editor);
        if (program == u"systemctl" && arguments.contains(u"edit"_s))
            return needsTerminal(u"systemctl edit"_s, Interaction::Editor);
        static const QSet<QString> fullScreen = {
            u"htop"_s,       u"atop"_s, u"iftop"_s, u"nload"_s, u"nethogs"_s,
            u"glances"_s,    u"k9s"_s,  u"nmtui"_s, u"ncdu"_s,  u"tig"_s,
            u"lazydocker"_s, u"ctop"_s, u"btop"_s};
        if (fullScreen.contains(program))
            return needsTerminal(program, Interaction::FullScreen);
        if (program == u"iotop" && !anyCluster(words, from + 1, end, u'b'))
            return needsTerminal(program, Interaction::FullScreen);
        if (program == u"mtr" && !anyCluster(words, from + 1, end, u'r') &&
            !anyCluster(words, from + 1, end, u'w') && !arguments.contains(u"--report"_s))
            return needsTerminal(program, Interaction::FullScreen);
        return {};
    }

    static CommandBehaviour redisCli(const QStringList &words, int from, bool stdinRedirected)
    {
        static const Options options{u"hpsaunridD",
                                     {u"--user"_s, u"--pass"_s, u"--cacert"_s, u"--cacertdir"_s,
                                      u"--cert"_s, u"--key"_s, u"--sni"_s, u"--pattern"_s,
                                      u"--count"_s, u"--tls-ciphers"_s, u"--tls-ciphersuites"_s,
                                      u"--eval"_s, u"--rdb"_s, u"--functions-rdb"_s},
                                     true};
        const int end = int(words.size());
        for (const QString &stream : {u"--stat"_s, u"--latency"_s, u"--latency-history"_s,
                                      u"--latency-dist"_s, u"--intrinsic-latency"_s}) {
            if (anyLong(words, from + 1, end, stream))
                return streams(u"redis-cli "_s + stream);
        }
        for (const QString &ends : {u"--scan"_s, u"--bigkeys"_s, u"--memkeys"_s, u"--hotkeys"_s,
                                    u"--eval"_s, u"--pipe"_s, u"--rdb"_s, u"--version"_s}) {
            if (anyLong(words, from + 1, end, ends))
                return {};
        }
        const ParsedArguments parsed = parseArguments(words, from + 1, options);
        if (parsed.operands.isEmpty()) {
            if (stdinRedirected || anyCluster(words, from + 1, end, u'x', options.valueLetters))
                return {};
            return needsTerminal(u"redis-cli"_s, Interaction::Client);
        }
        const QString command = words[parsed.operands.constFirst()].toLower();
        if (command == u"monitor" || command == u"subscribe" || command == u"psubscribe" ||
            command == u"ssubscribe")
            return streams(u"redis-cli "_s + command.toUpper());
        return {};
    }

    static bool isInteractiveFlag(const QString &word, QStringView valueLetters,
                                  const QStringList &longNames)
    {
        if (word.size() >= 2 && word[0] == u'-' && word[1] != u'-') {
            // only -i, -t, -it, -ti: a cluster with other letters stays as written
            const QString letters = word.mid(1);
            return !letters.isEmpty() && letters.size() <= 2 &&
                   std::ranges::all_of(letters, [&](QChar c) {
                       return (c == u'i' || c == u't') && !valueLetters.contains(c);
                   });
        }
        return std::ranges::any_of(longNames,
                                   [&](const QString &name) { return isLong(word, name); });
    }

    // The last word of a shell's own options (bash -l): "-c" goes after it.
    static int lastShellWord(const QStringList &words, int shell)
    {
        int last = shell;
        while (last + 1 < words.size() && words[last + 1].startsWith(u'-'))
            ++last;
        return last;
    }

    CommandBehaviour opensShell(const QString &what, const QString &runInside,
                                const QString &where) const
    {
        CommandBehaviour behaviour;
        behaviour.kind = Kind::OpensShell;
        behaviour.what = what;
        behaviour.reason = Text::tr("%1 opens a shell %2").arg(what, where);
        behaviour.runInside = runInside;
        behaviour.where = where;
        return behaviour;
    }

    // The command as written, without the words in drop, with insert after word insertAfter
    // and append after word appendAfter (-1: after the last word). Empty when the command is
    // not the block's own (carried commands have no place in the text).
    QString rewrite(const QStringList &words, const QList<int> &drop, int insertAfter,
                    const QString &insert, int appendAfter, const QString &append) const
    {
        if (!m_source || m_source->spans.size() != words.size())
            return {};
        struct Edit {
            qsizetype start;
            qsizetype end;
            QString by;
        };
        QList<Edit> edits;
        const qsizetype base = m_source->span.start;
        for (int index : drop) {
            const ShellSpan span = m_source->spans[index];
            qsizetype start = span.start;
            while (start > base && (m_text[start - 1] == u' ' || m_text[start - 1] == u'\t'))
                --start;
            edits.append({start, span.end(), QString()});
        }
        if (insertAfter >= 0 && !insert.isEmpty()) {
            const qsizetype at = m_source->spans[insertAfter].end();
            edits.append({at, at, insert});
        }
        if (!append.isEmpty()) {
            const qsizetype at = appendAfter >= 0 ? m_source->spans[appendAfter].end()
                                                  : m_source->spans.constLast().end();
            edits.append({at, at, append});
        }
        std::ranges::sort(edits, [](const Edit &a, const Edit &b) { return a.start > b.start; });
        QString result = m_text.mid(base, m_source->span.length);
        for (const Edit &edit : std::as_const(edits))
            result.replace(edit.start - base, edit.end - edit.start, edit.by);
        return result;
    }

    const QString &m_text;
    const ShellCommandWords *m_source;
};

bool isReservedWord(const QString &word)
{
    static const QSet<QString> words = {u"if"_s,     u"then"_s,     u"else"_s,  u"elif"_s, u"fi"_s,
                                        u"while"_s,  u"until"_s,    u"do"_s,    u"done"_s, u"for"_s,
                                        u"select"_s, u"case"_s,     u"esac"_s,  u"in"_s,   u"!"_s,
                                        u"time"_s,   u"function"_s, u"coproc"_s};
    return words.contains(word);
}

// Why a command needs a terminal or opens a shell, as the card says it.
QString reasonOf(const CommandBehaviour &behaviour)
{
    if (behaviour.kind == Kind::OpensShell)
        return Text::tr("%1 opens an interactive shell").arg(behaviour.what);
    return behaviour.reason;
}

bool isBlankOrComment(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#');
}

bool leavesTheShell(const ShellCommandWords &command)
{
    static const QSet<QString> exits = {u"exit"_s,   u"logout"_s, u"quit"_s, u"\\q"_s,
                                        u"\\quit"_s, u"exit;"_s,  u"quit;"_s};
    return !command.written.isEmpty() && exits.contains(command.written.constFirst());
}

// The marker that stands for script number `index` in a composed outer text.
QString markerFor(const QString &text, int index)
{
    QString marker = u"__opsdeck_script_%1__"_s.arg(index);
    while (text.contains(marker))
        marker.insert(marker.size() - 2, u'x');
    return marker;
}

QString trimBlankLines(const QString &script)
{
    QStringList lines = script.split(u'\n');
    while (!lines.isEmpty() && lines.constFirst().trimmed().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

// The lines typed in the other shell, without the line that leaves it.
QString innerScript(const QStringList &lines, const RunbookContextSwitch &contextSwitch)
{
    const int innerLast =
        contextSwitch.exitLine >= 0 ? contextSwitch.exitLine - 1 : contextSwitch.lastLine;
    return trimBlankLines(
        lines.mid(contextSwitch.openerEnd + 1, innerLast - contextSwitch.openerEnd).join(u'\n'));
}

} // namespace

QList<ShellCommandWords> topLevelCommands(const ShellLexResult &lexed)
{
    QList<ShellCommandWords> commands;
    ShellCommandWords current;
    bool started = false;  // current has a token of its own
    bool skipping = false; // a for/case/select header: no command
    bool pipedIn = false;  // the next command reads a pipe
    QList<char> open;      // constructs open around the current command
    const auto finish = [&](bool pipesOut) {
        if (started && !skipping && !current.words.isEmpty()) {
            current.pipesOut = pipesOut;
            current.firstLine = lexed.lineOf(current.span.start);
            current.lastLine =
                lexed.lineOf(std::max<qsizetype>(current.span.start, current.span.end() - 1));
            commands.append(current);
        }
        current = ShellCommandWords();
        started = false;
        skipping = false;
    };
    const auto extend = [&](const ShellToken &token) {
        if (!started) {
            current.span = token.span;
            current.inCompound = !open.isEmpty();
            current.stdinRedirected = pipedIn;
            started = true;
        } else {
            current.span.length = token.span.end() - current.span.start;
        }
    };
    for (const ShellToken &token : lexed.tokens) {
        switch (token.kind) {
        case ShellToken::Kind::Blank:
        case ShellToken::Kind::Continuation:
        case ShellToken::Kind::Comment:
        case ShellToken::Kind::HereDocument:
            break;
        case ShellToken::Kind::Operator: {
            const QString &op = token.op;
            if (op == u"|" || op == u"|&") {
                finish(true);
                pipedIn = true;
                break;
            }
            finish(false);
            pipedIn = false;
            if (op == u"(" || op == u"{") {
                open.append(op == u"(" ? '(' : '{');
            } else if (op == u")" || op == u"}") {
                const char opener = op == u")" ? '(' : '{';
                if (!open.isEmpty() && open.last() == opener)
                    open.removeLast();
            }
            break;
        }
        case ShellToken::Kind::Redirection:
            extend(token);
            if ((token.ioNumber.isEmpty() || token.ioNumber == u"0") && (token.op.startsWith(u'<')))
                current.stdinRedirected = true;
            break;
        case ShellToken::Kind::Word: {
            const QString plain = token.isWord(token.text) ? token.text : QString();
            if (token.commandPosition && !plain.isEmpty() && isReservedWord(plain) &&
                current.words.isEmpty()) {
                if (plain == u"if" || plain == u"while" || plain == u"until" || plain == u"for" ||
                    plain == u"select" || plain == u"case")
                    open.append('c');
                else if ((plain == u"fi" || plain == u"done" || plain == u"esac") &&
                         !open.isEmpty())
                    open.removeLast();
                if (plain == u"while" || plain == u"until")
                    current.keyword = plain;
                if (plain == u"for" || plain == u"select" || plain == u"case" ||
                    plain == u"function") {
                    extend(token);
                    skipping = true;
                }
                break;
            }
            if (skipping)
                break;
            if (current.words.isEmpty() && token.isAssignment()) {
                extend(token);
                break;
            }
            extend(token);
            current.words.append(token.value());
            current.written.append(token.text);
            current.spans.append(token.span);
            break;
        }
        }
    }
    finish(false);
    // A command is the last on its line when no other starts on that line after it.
    for (qsizetype i = 0; i + 1 < commands.size(); ++i)
        commands[i].lastOnLine = commands[i + 1].firstLine > commands[i].lastLine;
    return commands;
}

CommandBehaviour commandBehaviour(const QString &text, const ShellCommandWords &command)
{
    const Judge judge(text, &command);
    return judge.judge(command.words, 0, command.stdinRedirected, 0);
}

BlockExecution analyseBlockExecution(const QString &text, const QList<ShellSpan> &placeholders)
{
    BlockExecution execution;
    // The same length, so offsets and lines stay those of text.
    QString words = text;
    for (const ShellSpan &span : placeholders) {
        for (qsizetype i = span.start; i < span.end() && i < words.size(); ++i)
            words[i] = u'P';
    }
    const ShellLexResult lexed = lexShell(words);
    const QList<ShellCommandWords> commands = topLevelCommands(lexed);
    const QStringList lines = text.split(u'\n');
    // `… | head -n 100` ends the stream after that many lines.
    const auto endsInHead = [&](qsizetype index) {
        for (qsizetype next = index; next + 1 < commands.size() && commands[next].pipesOut;
             ++next) {
            if (baseName(commands[next + 1].words.value(0)) == u"head")
                return true;
        }
        return false;
    };
    qsizetype current = 0;
    const auto noteStreaming = [&](const CommandBehaviour &behaviour) {
        if (behaviour.kind == Kind::Streams && execution.streams.isEmpty() && !endsInHead(current))
            execution.streams = behaviour.reason;
    };
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const ShellCommandWords &command = commands[i];
        current = i;
        // `while true` (or `until false`) with no break or exit after it loops until stopped.
        if ((command.keyword == u"while" &&
             (command.words == QStringList{u"true"_s} || command.words == QStringList{u":"_s})) ||
            (command.keyword == u"until" && command.words == QStringList{u"false"_s})) {
            const bool leaves = std::any_of(
                commands.cbegin() + i + 1, commands.cend(), [](const ShellCommandWords &later) {
                    const QString first = later.words.value(0);
                    return first == u"break" || first == u"exit" || first == u"return";
                });
            if (!leaves && execution.streams.isEmpty()) {
                execution.streams =
                    Text::tr("the loop '%1 %2' never ends by itself: it streams until you "
                             "press Stop, with no time limit")
                        .arg(command.keyword, command.words.constFirst());
            }
        }
        const CommandBehaviour behaviour = commandBehaviour(text, command);
        noteStreaming(behaviour);
        if (behaviour.kind != Kind::OpensShell && behaviour.kind != Kind::NeedsTerminal)
            continue;

        RunbookContextSwitch contextSwitch;
        contextSwitch.line = command.firstLine;
        contextSwitch.openerEnd = command.lastLine;
        contextSwitch.opener = command.span;
        contextSwitch.what = behaviour.what;
        // The lines after it, up to the one that leaves it, are typed there.
        qsizetype next = i + 1;
        while (next < commands.size() && commands[next].firstLine <= command.lastLine)
            ++next; // the rest of its own line
        bool nested = false;
        qsizetype after = next;
        for (; after < commands.size(); ++after) {
            const ShellCommandWords &inner = commands[after];
            current = after;
            if (leavesTheShell(inner)) {
                contextSwitch.exitLine = inner.firstLine;
                break;
            }
            const CommandBehaviour innerBehaviour = commandBehaviour(text, inner);
            noteStreaming(innerBehaviour);
            if (innerBehaviour.kind == Kind::OpensShell ||
                innerBehaviour.kind == Kind::NeedsTerminal)
                nested = true;
        }
        int last = int(lines.size()) - 1;
        while (last > command.lastLine && isBlankOrComment(lines.value(last)))
            --last;
        contextSwitch.lastLine =
            contextSwitch.exitLine >= 0 ? contextSwitch.exitLine : std::max(last, command.lastLine);
        const int innerLast =
            contextSwitch.exitLine >= 0 ? contextSwitch.exitLine - 1 : contextSwitch.lastLine;
        bool hasInner = false;
        for (int line = command.lastLine + 1; line <= innerLast; ++line)
            hasInner = hasInner || !isBlankOrComment(lines.value(line));
        contextSwitch.runsInside = behaviour.kind == Kind::OpensShell && hasInner && !nested &&
                                   !behaviour.runInside.isEmpty() && command.lastOnLine &&
                                   !command.pipesOut && !command.inCompound &&
                                   !command.stdinRedirected;
        contextSwitch.runInside = contextSwitch.runsInside ? behaviour.runInside : QString();
        const int typed = std::max(0, innerLast - command.lastLine);
        if (contextSwitch.runsInside) {
            contextSwitch.description =
                Text::tr("%1 opens a shell %2; the %n line(s) after it run there, as '%3 "
                         "'…''",
                         nullptr, typed)
                    .arg(behaviour.what, behaviour.where, behaviour.runInside);
        } else if (hasInner) {
            contextSwitch.description =
                Text::tr("%1; the %n line(s) after it are typed there", nullptr, typed)
                    .arg(reasonOf(behaviour));
        } else {
            contextSwitch.description = reasonOf(behaviour);
        }
        execution.switches.append(contextSwitch);
        // Carry on after the lines it takes.
        while (after + 1 < commands.size() &&
               commands[after + 1].firstLine <= contextSwitch.lastLine)
            ++after;
        if (contextSwitch.exitLine < 0)
            break;
        i = after;
    }
    return execution;
}

ComposedScript composeRunInside(const QString &text, const QList<RunbookContextSwitch> &switches)
{
    ComposedScript composed;
    composed.outer = text;
    const QStringList lines = text.split(u'\n');
    QList<qsizetype> lineEnds; // where each line's newline (or the text's end) stands
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n')
            lineEnds.append(i);
    }
    lineEnds.append(text.size());
    // Back to front, so that earlier offsets stay valid.
    for (qsizetype index = switches.size() - 1; index >= 0; --index) {
        const RunbookContextSwitch &contextSwitch = switches[index];
        if (!contextSwitch.runsInside)
            continue;
        const QString script = innerScript(lines, contextSwitch);
        const QString marker = markerFor(text, int(index));
        composed.scripts.insert(marker, script);
        const qsizetype end = lineEnds.value(contextSwitch.lastLine, text.size());
        composed.outer.replace(contextSwitch.opener.start, end - contextSwitch.opener.start,
                               contextSwitch.runInside + u' ' + marker);
    }
    return composed;
}

ComposedScript composeRunInsideLine(const QString &text, const RunbookContextSwitch &contextSwitch,
                                    const QString &lineText, bool wholeSwitch)
{
    ComposedScript composed;
    if (!contextSwitch.runsInside)
        return composed;
    const QString marker = markerFor(text, 0);
    if (wholeSwitch) {
        // From the start of the opener's line: what stands before the opener on it runs too.
        const qsizetype lineStart =
            text.lastIndexOf(u'\n', std::max<qsizetype>(0, contextSwitch.opener.start - 1)) + 1;
        composed.outer = text.mid(lineStart, contextSwitch.opener.start - lineStart) +
                         contextSwitch.runInside + u' ' + marker;
        composed.scripts.insert(marker, innerScript(text.split(u'\n'), contextSwitch));
        return composed;
    }
    composed.outer = contextSwitch.runInside + u' ' + marker;
    composed.scripts.insert(marker, lineText);
    return composed;
}

QString withScripts(const QString &outer, const QMap<QString, QString> &scripts)
{
    QString result = outer;
    for (auto it = scripts.cbegin(); it != scripts.cend(); ++it)
        result.replace(it.key(), shellQuote(it.value()));
    return result;
}

} // namespace OpsDeck
