// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrisk.h"

#include "models/remote/shellcommands.h"
#include "models/remote/shelllexer.h"
#include "models/remote/sqlrisk.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandRisk)
};

// A reason kept untranslated in a table (QT_TRANSLATE_NOOP), translated when it is shown.
QString text(const char *source)
{
    return QCoreApplication::translate("CommandRisk", source);
}

// A program about to run: its name (without a standard directory) and arguments.
struct Invocation {
    QString program;
    QStringList args;
    QList<bool> computed; // per argument: the shell computes it ($x, globs, braces)
    // The simple command it came from: its stdin (pipe, here-document) and redirections.
    // Null for a program started by another one (sudo, find -exec, ssh).
    const ShellCommand *command = nullptr;
    bool moreArgumentsFromInput = false; // xargs adds words read from its input

    bool anyComputed() const { return moreArgumentsFromInput || computed.contains(true); }
    QString computedArgument() const
    {
        const qsizetype i = computed.indexOf(true);
        return i < 0 ? QString() : args.at(i);
    }
    Invocation shifted(qsizetype count) const
    {
        Invocation next;
        next.program = args.value(count - 1);
        next.args = args.mid(count);
        next.computed = computed.mid(count);
        next.moreArgumentsFromInput = moreArgumentsFromInput;
        next.command = command; // the program it starts gets the same input
        return next;
    }
};

// Options: splits "-abc" clusters and "--name=value" so rules can ask for what they mean.
struct Options {
    QSet<QChar> shortFlags;
    QStringList longFlags;              // without "--" and without "=value"
    QStringList operands;               // arguments that are not options (after "--" too)
    QHash<QString, QStringList> values; // "-o" / "--output" -> values given
};

// Parses args the getopt way. shortWithValue: letters taking a value; longWithValue: long
// names taking one (the next argument when not given with '=').
Options parseOptions(const QStringList &args, const QString &shortWithValue,
                     const QStringList &longWithValue, bool stopAtFirstOperand = false)
{
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == u"--") {
            options.operands += args.mid(i + 1);
            break;
        }
        if (arg.startsWith(u"--")) {
            const QString name = arg.mid(2).section(u'=', 0, 0);
            options.longFlags.append(name);
            if (arg.contains(u'='))
                options.values[u"--"_s + name].append(arg.section(u'=', 1));
            else if (longWithValue.contains(name) && i + 1 < args.size())
                options.values[u"--"_s + name].append(args[++i]);
            continue;
        }
        if (arg.startsWith(u'-') && arg.size() > 1) {
            for (qsizetype c = 1; c < arg.size(); ++c) {
                const QChar letter = arg[c];
                options.shortFlags.insert(letter);
                if (shortWithValue.contains(letter)) {
                    const QString value = c + 1 < arg.size() ? arg.mid(c + 1) : args.value(++i);
                    options.values[u"-"_s + letter].append(value);
                    break;
                }
            }
            continue;
        }
        options.operands.append(arg);
        if (stopAtFirstOperand) {
            options.operands += args.mid(i + 1);
            break;
        }
    }
    return options;
}

// Where programs are installed: a program named by another path is not the one we know.
bool isStandardDirectory(const QString &directory)
{
    static const QStringList standard = {u"/bin"_s,
                                         u"/usr/bin"_s,
                                         u"/sbin"_s,
                                         u"/usr/sbin"_s,
                                         u"/usr/local/bin"_s,
                                         u"/usr/local/sbin"_s,
                                         u"/usr/lib/postgresql"_s};
    return standard.contains(directory) || directory.startsWith(u"/usr/lib/postgresql/");
}

bool isIdentifier(const QString &word)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return identifier.match(word).hasMatch();
}

// Variables that the shell itself or the program loader reads: setting one changes what
// every later command runs, so not even a plain assignment of one reads.
bool isInterpreterVariable(const QString &name)
{
    static const QSet<QString> names = {
        u"PATH"_s,       u"IFS"_s,        u"ENV"_s,      u"BASH_ENV"_s, u"CDPATH"_s,
        u"GLOBIGNORE"_s, u"SHELLOPTS"_s,  u"BASHOPTS"_s, u"PS4"_s,      u"PROMPT_COMMAND"_s,
        u"HOME"_s,       u"EXECIGNORE"_s, u"FIGNORE"_s,  u"HISTFILE"_s};
    return names.contains(name) || name.startsWith(u"LD_") || name.startsWith(u"BASH_");
}

class Judge
{
public:
    RiskAssessment result;

    void note(Risk risk, const QString &reason)
    {
        if (risk == Risk::Read)
            return; // what reads needs no reason; the first thing that does not sets one
        if (int(risk) > int(result.risk) || (risk == result.risk && result.reason.isEmpty())) {
            result.risk = risk;
            result.reason = reason;
        }
    }
    void unknown(const QString &reason) { note(Risk::Unknown, reason); }
    void notKnown(const QString &program)
    {
        unknown(Text::tr("`%1` is not known to be read-only").arg(program));
    }

    // Shell text: a command line, a script, what `sh -c` or ssh is given.
    void script(const QString &shellText)
    {
        if (++m_nesting > 16) {
            unknown(Text::tr("the command nests shells too deeply to be judged"));
            --m_nesting;
            return;
        }
        const ShellLexResult lexed = lexShell(shellText);
        if (!lexed.problems.isEmpty())
            unknown(Text::tr("the command is incomplete (an unterminated quote, substitution or "
                             "here-document)"));
        const ShellCommandList list = parseShellCommands(lexed);
        for (const QString &construct : list.unsupported)
            unknown(Text::tr("`%1` is not known to be read-only").arg(construct));
        for (const ShellCommand &command : list.commands)
            simpleCommand(command, list);
        --m_nesting;
    }

    void invocation(const Invocation &call);

private:
    void simpleCommand(const ShellCommand &command, const ShellCommandList &list)
    {
        for (const ShellToken *redirection : command.redirections)
            judgeRedirection(*redirection);
        for (const ShellWordPart *arithmetic : command.arithmetic)
            judgeArithmetic(*arithmetic, list);
        for (const ShellToken *assignment : command.assignments) {
            const QString name = assignment->text.section(QRegularExpression(u"[+\\[=]"_s), 0, 0);
            if (assignment->text.section(u'=', 0, 0).contains(u'['))
                unknown(Text::tr("the subscript of `%1` is evaluated and can run commands")
                            .arg(assignment->text.section(u'=', 0, 0)));
            else if (isInterpreterVariable(name))
                unknown(Text::tr("setting `%1` changes what the shell runs").arg(name));
            else if (!command.words.empty() && !isHarmlessEnvironmentName(name))
                unknown(Text::tr("`%1` in the environment of `%2` can change what it does")
                            .arg(name, command.name()));
        }
        if (command.words.empty())
            return;
        const ShellToken &first = *command.words.front();
        if (first.parts.size() == 1 && first.parts.front().kind == ShellWordPart::Kind::Arithmetic)
            return; // (( ... )): judged as arithmetic above
        if (isComputedWord(first)) {
            unknown(Text::tr("the command name `%1` is computed when it runs").arg(first.text));
            return;
        }
        Invocation call;
        call.command = &command;
        for (std::size_t i = 0; i < command.words.size(); ++i) {
            const ShellToken &word = *command.words[i];
            if (i == 0) {
                call.program = word.value();
                continue;
            }
            call.args.append(word.value());
            call.computed.append(isComputedWord(word));
        }
        invocation(call);
    }

    void judgeRedirection(const ShellToken &redirection)
    {
        static const QStringList writing = {u">"_s, u">>"_s, u">|"_s, u"&>"_s, u"&>>"_s, u"<>"_s};
        const QString target = redirection.value();
        if (redirection.op == u">&" || redirection.op == u"<&") {
            static const QRegularExpression descriptor(u"^([0-9]+-?|-)$"_s);
            if (redirection.op == u"<&" || descriptor.match(target).hasMatch())
                return; // between descriptors
        } else if (!writing.contains(redirection.op)) {
            return; // input, here-documents and here-strings read
        }
        static const QStringList harmless = {u"/dev/null"_s, u"/dev/stdout"_s, u"/dev/stderr"_s};
        const bool computed = containsExpansion(redirection.parts);
        if (!computed && redirection.op != u"<>" && harmless.contains(target))
            return;
        note(Risk::Change,
             Text::tr("`%1` writes to the file %2").arg(redirection.text.trimmed(), target));
    }

    void judgeArithmetic(const ShellWordPart &arithmetic, const ShellCommandList &list)
    {
        static const QRegularExpression name(u"[A-Za-z_][A-Za-z0-9_]*"_s);
        for (const QRegularExpressionMatch &match : name.globalMatch(arithmetic.text)) {
            if (list.assignedNames.contains(match.captured())) {
                unknown(Text::tr("`%1` is evaluated as arithmetic after the script set `%2`, which "
                                 "can run commands")
                            .arg(arithmetic.text, match.captured()));
                return;
            }
        }
    }

    int m_nesting = 0;
};

// Rules for one program; each notes what the invocation does.
using Rule = std::function<void(Judge &, const Invocation &)>;

// Programs that only read, whatever their arguments.
const QSet<QString> &alwaysRead()
{
    static const QSet<QString> programs = {u"cat"_s,
                                           u"tac"_s,
                                           u"head"_s,
                                           u"tail"_s,
                                           u"grep"_s,
                                           u"egrep"_s,
                                           u"fgrep"_s,
                                           u"zgrep"_s,
                                           u"zcat"_s,
                                           u"xzcat"_s,
                                           u"bzcat"_s,
                                           u"zstdcat"_s,
                                           u"wc"_s,
                                           u"cut"_s,
                                           u"tr"_s,
                                           u"nl"_s,
                                           u"rev"_s,
                                           u"paste"_s,
                                           u"join"_s,
                                           u"comm"_s,
                                           u"diff"_s,
                                           u"cmp"_s,
                                           u"column"_s,
                                           u"fold"_s,
                                           u"fmt"_s,
                                           u"expand"_s,
                                           u"unexpand"_s,
                                           u"od"_s,
                                           u"hexdump"_s,
                                           u"strings"_s,
                                           u"stat"_s,
                                           u"ls"_s,
                                           u"dir"_s,
                                           u"du"_s,
                                           u"df"_s,
                                           u"free"_s,
                                           u"uptime"_s,
                                           u"w"_s,
                                           u"who"_s,
                                           u"whoami"_s,
                                           u"id"_s,
                                           u"groups"_s,
                                           u"last"_s,
                                           u"users"_s,
                                           u"uname"_s,
                                           u"arch"_s,
                                           u"nproc"_s,
                                           u"lscpu"_s,
                                           u"lsblk"_s,
                                           u"lsusb"_s,
                                           u"lspci"_s,
                                           u"lsmod"_s,
                                           u"lsns"_s,
                                           u"lsof"_s,
                                           u"lslocks"_s,
                                           u"lsipc"_s,
                                           u"ps"_s,
                                           u"pstree"_s,
                                           u"pgrep"_s,
                                           u"pidof"_s,
                                           u"vmstat"_s,
                                           u"iostat"_s,
                                           u"mpstat"_s,
                                           u"pidstat"_s,
                                           u"netstat"_s,
                                           u"dig"_s,
                                           u"nslookup"_s,
                                           u"host"_s,
                                           u"getent"_s,
                                           u"ping"_s,
                                           u"ping6"_s,
                                           u"traceroute"_s,
                                           u"tracepath"_s,
                                           u"echo"_s,
                                           u"true"_s,
                                           u"false"_s,
                                           u":"_s,
                                           u"sleep"_s,
                                           u"seq"_s,
                                           u"expr"_s,
                                           u"basename"_s,
                                           u"dirname"_s,
                                           u"readlink"_s,
                                           u"realpath"_s,
                                           u"pwd"_s,
                                           u"which"_s,
                                           u"type"_s,
                                           u"whereis"_s,
                                           u"printenv"_s,
                                           u"locale"_s,
                                           u"tty"_s,
                                           u"cal"_s,
                                           u"md5sum"_s,
                                           u"sha1sum"_s,
                                           u"sha256sum"_s,
                                           u"sha512sum"_s,
                                           u"b2sum"_s,
                                           u"cksum"_s,
                                           u"base64"_s,
                                           u"base32"_s,
                                           u"jq"_s,
                                           u"getconf"_s,
                                           u"numfmt"_s,
                                           u"findmnt"_s,
                                           u"lsattr"_s,
                                           u"getfacl"_s,
                                           u"namei"_s,
                                           u"cd"_s,
                                           u"pushd"_s,
                                           u"popd"_s,
                                           u"dirs"_s,
                                           u"shift"_s,
                                           u"exit"_s,
                                           u"return"_s,
                                           u"wait"_s,
                                           u"jobs"_s,
                                           u"break"_s,
                                           u"continue"_s,
                                           u"ulimit"_s,
                                           u"umask"_s,
                                           u"pg_isready"_s,
                                           u"pg_lsclusters"_s,
                                           u"pg_controldata"_s,
                                           u"pg_config"_s,
                                           u"pg_amcheck"_s,
                                           u"pg_verifybackup"_s,
                                           u"pg_waldump"_s,
                                           u"systemd-analyze"_s,
                                           u"systemd-cgtop"_s,
                                           u"systemd-cgls"_s,
                                           u"iotop"_s,
                                           u"mtr"_s,
                                           u"whois"_s,
                                           u"nproc"_s,
                                           u"env-check"_s};
    return programs;
}

struct KnownEffect {
    Risk risk;
    const char *reason; // %1: the program
};

// Programs that change or destroy, whatever their arguments.
const QHash<QString, KnownEffect> &knownEffects()
{
    static const KnownEffect deletes{
        Risk::Destroy, QT_TRANSLATE_NOOP("CommandRisk", "`%1` deletes or overwrites data")};
    static const KnownEffect stops{Risk::Destroy,
                                   QT_TRANSLATE_NOOP("CommandRisk", "`%1` stops the machine")};
    static const KnownEffect files{Risk::Change,
                                   QT_TRANSLATE_NOOP("CommandRisk", "`%1` changes files")};
    static const KnownEffect accounts{Risk::Change,
                                      QT_TRANSLATE_NOOP("CommandRisk", "`%1` changes accounts")};
    static const KnownEffect software{
        Risk::Change, QT_TRANSLATE_NOOP("CommandRisk", "`%1` installs or removes software")};
    static const KnownEffect system{
        Risk::Change, QT_TRANSLATE_NOOP("CommandRisk", "`%1` changes the running system")};
    static const KnownEffect database{
        Risk::Change, QT_TRANSLATE_NOOP("CommandRisk", "`%1` changes a database cluster")};
    static const KnownEffect edits{
        Risk::Change, QT_TRANSLATE_NOOP("CommandRisk", "`%1` edits files interactively")};
    static const QHash<QString, KnownEffect> effects = {{u"rm"_s, deletes},
                                                        {u"rmdir"_s, deletes},
                                                        {u"shred"_s, deletes},
                                                        {u"unlink"_s, deletes},
                                                        {u"wipefs"_s, deletes},
                                                        {u"dd"_s, deletes},
                                                        {u"fdisk"_s, deletes},
                                                        {u"sfdisk"_s, deletes},
                                                        {u"parted"_s, deletes},
                                                        {u"sgdisk"_s, deletes},
                                                        {u"blkdiscard"_s, deletes},
                                                        {u"truncate"_s, deletes},
                                                        {u"dropdb"_s, deletes},
                                                        {u"dropuser"_s, deletes},
                                                        {u"pg_dropcluster"_s, deletes},
                                                        {u"pg_resetwal"_s, deletes},
                                                        {u"pg_archivecleanup"_s, deletes},
                                                        {u"userdel"_s, deletes},
                                                        {u"groupdel"_s, deletes},
                                                        {u"reboot"_s, stops},
                                                        {u"shutdown"_s, stops},
                                                        {u"halt"_s, stops},
                                                        {u"poweroff"_s, stops},
                                                        {u"mv"_s, files},
                                                        {u"cp"_s, files},
                                                        {u"chmod"_s, files},
                                                        {u"chown"_s, files},
                                                        {u"chgrp"_s, files},
                                                        {u"chattr"_s, files},
                                                        {u"setfacl"_s, files},
                                                        {u"ln"_s, files},
                                                        {u"touch"_s, files},
                                                        {u"mkdir"_s, files},
                                                        {u"tee"_s, files},
                                                        {u"install"_s, files},
                                                        {u"rsync"_s, files},
                                                        {u"scp"_s, files},
                                                        {u"zip"_s, files},
                                                        {u"unzip"_s, files},
                                                        {u"split"_s, files},
                                                        {u"patch"_s, files},
                                                        {u"logrotate"_s, files},
                                                        {u"mktemp"_s, files},
                                                        {u"useradd"_s, accounts},
                                                        {u"usermod"_s, accounts},
                                                        {u"groupadd"_s, accounts},
                                                        {u"groupmod"_s, accounts},
                                                        {u"passwd"_s, accounts},
                                                        {u"chpasswd"_s, accounts},
                                                        {u"chage"_s, accounts},
                                                        {u"gpasswd"_s, accounts},
                                                        {u"apt-get"_s, software},
                                                        {u"zypper"_s, software},
                                                        {u"flatpak"_s, software},
                                                        {u"update-alternatives"_s, software},
                                                        {u"modprobe"_s, system},
                                                        {u"rmmod"_s, system},
                                                        {u"insmod"_s, system},
                                                        {u"swapon"_s, system},
                                                        {u"swapoff"_s, system},
                                                        {u"umount"_s, system},
                                                        {u"renice"_s, system},
                                                        {u"systemd-run"_s, system},
                                                        {u"at"_s, system},

                                                        {u"pg_ctl"_s, database},
                                                        {u"pg_ctlcluster"_s, database},
                                                        {u"pg_createcluster"_s, database},
                                                        {u"pg_upgradecluster"_s, database},
                                                        {u"pg_basebackup"_s, database},
                                                        {u"pg_rewind"_s, database},
                                                        {u"createdb"_s, database},
                                                        {u"createuser"_s, database},
                                                        {u"vacuumdb"_s, database},
                                                        {u"reindexdb"_s, database},
                                                        {u"clusterdb"_s, database},
                                                        {u"patronictl"_s, database},
                                                        {u"vi"_s, edits},
                                                        {u"vim"_s, edits},
                                                        {u"nano"_s, edits},
                                                        {u"emacs"_s, edits},
                                                        {u"sudoedit"_s, edits},
                                                        {u"visudo"_s, edits}};
    return effects;
}

bool hasSignalKill(const QStringList &args)
{
    static const QStringList kill = {u"-9"_s,         u"-KILL"_s,
                                     u"-SIGKILL"_s,   u"--signal=KILL"_s,
                                     u"--signal=9"_s, u"--signal=SIGKILL"_s};
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (kill.contains(args[i], Qt::CaseInsensitive))
            return true;
        if ((args[i] == u"-s" || args[i] == u"--signal") &&
            QStringList{u"9"_s, u"KILL"_s, u"SIGKILL"_s}.contains(args.value(i + 1),
                                                                  Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Programs that read with some arguments and write with others.
void ruleFind(Judge &judge, const Invocation &call)
{
    static const QHash<QString, int> tests = {
        {u"-name"_s, 1},      {u"-iname"_s, 1},      {u"-path"_s, 1},      {u"-ipath"_s, 1},
        {u"-wholename"_s, 1}, {u"-iwholename"_s, 1}, {u"-regex"_s, 1},     {u"-iregex"_s, 1},
        {u"-lname"_s, 1},     {u"-ilname"_s, 1},     {u"-type"_s, 1},      {u"-xtype"_s, 1},
        {u"-size"_s, 1},      {u"-mtime"_s, 1},      {u"-mmin"_s, 1},      {u"-atime"_s, 1},
        {u"-amin"_s, 1},      {u"-ctime"_s, 1},      {u"-cmin"_s, 1},      {u"-newer"_s, 1},
        {u"-anewer"_s, 1},    {u"-cnewer"_s, 1},     {u"-used"_s, 1},      {u"-user"_s, 1},
        {u"-group"_s, 1},     {u"-uid"_s, 1},        {u"-gid"_s, 1},       {u"-perm"_s, 1},
        {u"-links"_s, 1},     {u"-inum"_s, 1},       {u"-samefile"_s, 1},  {u"-maxdepth"_s, 1},
        {u"-mindepth"_s, 1},  {u"-fstype"_s, 1},     {u"-regextype"_s, 1}, {u"-printf"_s, 1},
        {u"-empty"_s, 0},     {u"-readable"_s, 0},   {u"-writable"_s, 0},  {u"-executable"_s, 0},
        {u"-nouser"_s, 0},    {u"-nogroup"_s, 0},    {u"-depth"_s, 0},     {u"-mount"_s, 0},
        {u"-xdev"_s, 0},      {u"-follow"_s, 0},     {u"-noleaf"_s, 0},    {u"-daystart"_s, 0},
        {u"-print"_s, 0},     {u"-print0"_s, 0},     {u"-ls"_s, 0},        {u"-prune"_s, 0},
        {u"-quit"_s, 0},      {u"-true"_s, 0},       {u"-false"_s, 0},     {u"-not"_s, 0},
        {u"-a"_s, 0},         {u"-o"_s, 0},          {u"-and"_s, 0},       {u"-or"_s, 0},
        {u"!"_s, 0},          {u"("_s, 0},           {u")"_s, 0},          {u","_s, 0},
        {u"-L"_s, 0},         {u"-H"_s, 0},          {u"-P"_s, 0},         {u"-O1"_s, 0},
        {u"-O2"_s, 0},        {u"-O3"_s, 0}};
    if (call.anyComputed()) {
        judge.unknown(Text::tr("`find` is given `%1`, which is computed when it runs and could be "
                               "an action such as -delete")
                          .arg(call.computedArgument()));
        return;
    }
    for (qsizetype i = 0; i < call.args.size(); ++i) {
        const QString &arg = call.args[i];
        if (arg == u"-delete") {
            judge.note(Risk::Destroy, Text::tr("`find -delete` deletes what it finds"));
        } else if (arg == u"-exec" || arg == u"-execdir" || arg == u"-ok" || arg == u"-okdir") {
            qsizetype end = i + 1;
            while (end < call.args.size() && call.args[end] != u";" && call.args[end] != u"+")
                ++end;
            Invocation carried;
            carried.program = call.args.value(i + 1);
            carried.args = call.args.mid(i + 2, end - i - 2);
            carried.computed = QList<bool>(carried.args.size(), false);
            carried.moreArgumentsFromInput = true; // {} becomes each file found
            judge.invocation(carried);
            i = end;
        } else if (arg.startsWith(u"-fprint") || arg == u"-fls") {
            judge.note(Risk::Change, Text::tr("`find %1` writes to a file").arg(arg));
            ++i;
        } else if (tests.contains(arg)) {
            i += tests.value(arg);
        } else if (arg.startsWith(u'-') && !arg.startsWith(u"-newer")) {
            judge.unknown(Text::tr("`find %1` is not known to be read-only").arg(arg));
        } else if (arg.startsWith(u"-newer")) {
            ++i;
        }
    }
}

// sed scripts: only addresses with p, d, q, =, l, n, N, P, D, g, G, h, H, x, z, y, a/i/c
// text, branches, and s/// without the e and w flags read.
void judgeSedScript(Judge &judge, const QString &script)
{
    qsizetype i = 0;
    const auto at = [&script](qsizetype p) { return p < script.size() ? script[p] : QChar(); };
    const auto skipDelimited = [&](QChar delimiter) {
        while (i < script.size() && script[i] != delimiter) {
            if (script[i] == u'\\')
                ++i;
            ++i;
        }
        ++i;
    };
    while (i < script.size()) {
        const QChar c = script[i];
        if (c.isSpace() || c == u';' || c == u'{' || c == u'}' || c == u'!' || c == u',' ||
            c.isDigit() || c == u'$' || c == u'~' || c == u'+') {
            ++i;
        } else if (c == u'/') {
            ++i;
            skipDelimited(u'/');
            while (at(i) == u'I' || at(i) == u'M')
                ++i;
        } else if (c == u'\\') {
            const QChar delimiter = at(i + 1);
            i += 2;
            skipDelimited(delimiter);
        } else if (QStringView(u"pdqQ=lnNPDgGhHxzF").contains(c)) {
            ++i;
        } else if (c == u'b' || c == u't' || c == u'T' || c == u':' || c == u'a' || c == u'i' ||
                   c == u'c' || c == u'r' || c == u'R' || c == u'#') {
            while (i < script.size() && script[i] != u'\n' &&
                   (c == u'a' || c == u'i' || c == u'c' || c == u'#' || script[i] != u';'))
                ++i; // to the end of the command
        } else if (c == u'y') {
            const QChar delimiter = at(i + 1);
            i += 2;
            skipDelimited(delimiter);
            skipDelimited(delimiter);
        } else if (c == u's') {
            const QChar delimiter = at(i + 1);
            i += 2;
            skipDelimited(delimiter);
            skipDelimited(delimiter);
            while (i < script.size() && script[i] != u';' && script[i] != u'\n' &&
                   script[i] != u'}') {
                if (script[i] == u'w') {
                    judge.note(Risk::Change, Text::tr("the sed script writes to a file (w)"));
                    return;
                }
                if (script[i] == u'e') {
                    judge.unknown(Text::tr("the sed script runs commands (e)"));
                    return;
                }
                ++i;
            }
        } else if (c == u'w' || c == u'W') {
            judge.note(Risk::Change, Text::tr("the sed script writes to a file (w)"));
            return;
        } else {
            judge.unknown(Text::tr("the sed command `%1` is not known to be read-only").arg(c));
            return;
        }
    }
}

void ruleSed(Judge &judge, const Invocation &call)
{
    if (call.anyComputed()) {
        judge.unknown(
            Text::tr("`sed` is given `%1`, which is computed when it runs and could be -i")
                .arg(call.computedArgument()));
        return;
    }
    const Options options =
        parseOptions(call.args, u"efl"_s, {u"expression"_s, u"file"_s, u"line-length"_s});
    if (options.shortFlags.contains(u'i') || options.longFlags.contains(u"in-place"_s)) {
        judge.note(Risk::Change, Text::tr("`sed -i` edits files in place"));
        return;
    }
    if (options.shortFlags.contains(u'f') || options.longFlags.contains(u"file"_s)) {
        judge.unknown(Text::tr("`sed -f` runs a script from a file"));
        return;
    }
    QStringList scripts = options.values.value(u"-e"_s) + options.values.value(u"--expression"_s);
    if (scripts.isEmpty() && !options.operands.isEmpty())
        scripts.append(options.operands.front());
    for (const QString &script : std::as_const(scripts))
        judgeSedScript(judge, script);
}

// awk programs: no system(), no pipes to or from commands, no print > file.
void judgeAwkProgram(Judge &judge, const QString &program)
{
    // Strings and regular expressions hold > and | that are not operators.
    QString code;
    QChar previous = u'(';
    for (qsizetype i = 0; i < program.size(); ++i) {
        const QChar c = program[i];
        if (c == u'"' || (c == u'/' && QStringView(u"(,{;!~&|\n").contains(previous))) {
            for (++i; i < program.size() && program[i] != c; ++i) {
                if (program[i] == u'\\')
                    ++i;
            }
            code += u'"';
            previous = u'"';
            continue;
        }
        if (c == u'#') {
            while (i < program.size() && program[i] != u'\n')
                ++i;
            continue;
        }
        code += c;
        if (!c.isSpace())
            previous = c;
    }
    static const QRegularExpression runs(u"\\bsystem\\s*\\(|@include|@load|\\|&"_s);
    if (runs.match(code).hasMatch()) {
        judge.unknown(Text::tr("the awk program runs commands"));
        return;
    }
    for (qsizetype i = 0; i < code.size(); ++i) {
        if (code[i] == u'|' && (i + 1 >= code.size() || code[i + 1] != u'|') &&
            (i == 0 || code[i - 1] != u'|')) {
            judge.unknown(Text::tr("the awk program pipes to or from a command"));
            return;
        }
    }
    // In print and printf, > outside parentheses redirects.
    static const QRegularExpression print(u"\\bprintf?\\b"_s);
    for (const QRegularExpressionMatch &match : print.globalMatch(code)) {
        int depth = 0;
        for (qsizetype i = match.capturedEnd(); i < code.size(); ++i) {
            const QChar c = code[i];
            if (c == u'(')
                ++depth;
            else if (c == u')')
                --depth;
            else if (depth <= 0 && (c == u';' || c == u'}' || c == u'\n'))
                break;
            else if (depth == 0 && c == u'>') {
                judge.note(Risk::Change, Text::tr("the awk program prints to a file"));
                return;
            }
        }
    }
}

void ruleAwk(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"Fvfi"_s,
                     {u"file"_s, u"assign"_s, u"field-separator"_s, u"include"_s, u"load"_s}, true);
    if (options.shortFlags.contains(u'f') || options.shortFlags.contains(u'i') ||
        options.longFlags.contains(u"file"_s) || options.longFlags.contains(u"include"_s) ||
        options.longFlags.contains(u"load"_s)) {
        judge.unknown(Text::tr("`%1` runs a program from a file").arg(call.program));
        return;
    }
    if (options.operands.isEmpty())
        return;
    const qsizetype programIndex = call.args.indexOf(options.operands.front());
    if (programIndex >= 0 && call.computed.value(programIndex)) {
        judge.unknown(Text::tr("the awk program is computed when it runs"));
        return;
    }
    judgeAwkProgram(judge, options.operands.front());
}

void ruleCurl(Judge &judge, const Invocation &call)
{
    if (call.anyComputed()) {
        judge.unknown(Text::tr("`curl` is given `%1`, which is computed when it runs and could be "
                               "an option that sends or saves data")
                          .arg(call.computedArgument()));
        return;
    }
    const Options options = parseOptions(call.args, u"bcCdDeEFHKmoPQrtTuUwxXyYzA"_s,
                                         {u"request"_s,
                                          u"data"_s,
                                          u"data-raw"_s,
                                          u"data-binary"_s,
                                          u"data-urlencode"_s,
                                          u"data-ascii"_s,
                                          u"form"_s,
                                          u"form-string"_s,
                                          u"upload-file"_s,
                                          u"json"_s,
                                          u"output"_s,
                                          u"cookie-jar"_s,
                                          u"dump-header"_s,
                                          u"trace"_s,
                                          u"trace-ascii"_s,
                                          u"stderr"_s,
                                          u"libcurl"_s,
                                          u"config"_s,
                                          u"header"_s,
                                          u"user"_s,
                                          u"max-time"_s,
                                          u"connect-timeout"_s,
                                          u"write-out"_s,
                                          u"resolve"_s,
                                          u"cacert"_s,
                                          u"cert"_s,
                                          u"key"_s,
                                          u"proxy"_s});
    for (const QString &method :
         options.values.value(u"-X"_s) + options.values.value(u"--request"_s)) {
        if (method.compare(u"GET"_s, Qt::CaseInsensitive) != 0 &&
            method.compare(u"HEAD"_s, Qt::CaseInsensitive) != 0) {
            judge.note(Risk::Change,
                       Text::tr("`curl -X %1` sends a request that can change things").arg(method));
            return;
        }
    }
    static const QStringList sending = {u"data"_s,           u"data-raw"_s,    u"data-binary"_s,
                                        u"data-urlencode"_s, u"data-ascii"_s,  u"form"_s,
                                        u"form-string"_s,    u"upload-file"_s, u"json"_s};
    for (const QString &name : sending) {
        if (options.longFlags.contains(name)) {
            judge.note(Risk::Change, Text::tr("`curl --%1` sends data").arg(name));
            return;
        }
    }
    for (const QChar letter : {u'd', u'F', u'T'}) {
        if (options.shortFlags.contains(letter)) {
            judge.note(Risk::Change, Text::tr("`curl -%1` sends data").arg(letter));
            return;
        }
    }
    if (options.shortFlags.contains(u'K') || options.longFlags.contains(u"config"_s)) {
        judge.unknown(Text::tr("`curl --config` reads its options from a file"));
        return;
    }
    const auto writesFile = [](const QString &target) {
        return target != u"-" && target != u"/dev/null";
    };
    for (const auto &[option, name] :
         {std::pair{u"-o"_s, u"-o"_s}, std::pair{u"--output"_s, u"--output"_s},
          std::pair{u"-c"_s, u"-c"_s}, std::pair{u"--cookie-jar"_s, u"--cookie-jar"_s},
          std::pair{u"-D"_s, u"-D"_s}, std::pair{u"--dump-header"_s, u"--dump-header"_s},
          std::pair{u"--trace"_s, u"--trace"_s}, std::pair{u"--trace-ascii"_s, u"--trace-ascii"_s},
          std::pair{u"--stderr"_s, u"--stderr"_s}, std::pair{u"--libcurl"_s, u"--libcurl"_s}}) {
        for (const QString &target : options.values.value(option)) {
            if (writesFile(target)) {
                judge.note(Risk::Change, Text::tr("`curl %1 %2` writes a file").arg(name, target));
                return;
            }
        }
    }
    if (options.shortFlags.contains(u'O') || options.longFlags.contains(u"remote-name"_s) ||
        options.longFlags.contains(u"remote-name-all"_s))
        judge.note(Risk::Change, Text::tr("`curl -O` saves what it downloads"));
}

void ruleWget(Judge &judge, const Invocation &call)
{
    if (call.anyComputed()) {
        judge.unknown(Text::tr("`wget` is given `%1`, which is computed when it runs")
                          .arg(call.computedArgument()));
        return;
    }
    const Options options =
        parseOptions(call.args, u"OoaeiPtTUwQ"_s,
                     {u"output-document"_s, u"output-file"_s, u"post-data"_s, u"post-file"_s,
                      u"method"_s, u"body-data"_s, u"body-file"_s, u"execute"_s});
    for (const QString &name :
         {u"post-data"_s, u"post-file"_s, u"method"_s, u"body-data"_s, u"body-file"_s}) {
        if (options.longFlags.contains(name)) {
            judge.note(Risk::Change, Text::tr("`wget --%1` sends data").arg(name));
            return;
        }
    }
    if (!options.values.value(u"-o"_s).isEmpty() || options.longFlags.contains(u"output-file"_s) ||
        options.shortFlags.contains(u'e') || options.longFlags.contains(u"execute"_s)) {
        judge.note(Risk::Change, Text::tr("`wget` writes a log file or runs wgetrc commands"));
        return;
    }
    if (options.longFlags.contains(u"spider"_s))
        return;
    const QStringList documents =
        options.values.value(u"-O"_s) + options.values.value(u"--output-document"_s);
    if (documents.isEmpty() || std::ranges::any_of(documents, [](const QString &d) {
            return d != u"-" && d != u"/dev/null";
        }))
        judge.note(Risk::Change, Text::tr("`wget` saves what it downloads"));
}

void ruleGit(Judge &judge, const Invocation &call)
{
    const Options global = parseOptions(
        call.args, u"Cc"_s, {u"git-dir"_s, u"work-tree"_s, u"namespace"_s, u"exec-path"_s}, true);
    if (global.shortFlags.contains(u'c') || global.longFlags.contains(u"exec-path"_s) ||
        global.longFlags.contains(u"config-env"_s)) {
        judge.unknown(Text::tr("`git -c` can make git run other programs"));
        return;
    }
    const QString verb = global.operands.value(0);
    static const QStringList reading = {u"log"_s,       u"status"_s,   u"diff"_s,    u"show"_s,
                                        u"rev-parse"_s, u"ls-files"_s, u"blame"_s,   u"describe"_s,
                                        u"shortlog"_s,  u"grep"_s,     u"version"_s, u"help"_s};
    static const QStringList destroying = {u"clean"_s};
    if (verb == u"grep" && std::ranges::any_of(call.args, [](const QString &a) {
            return a.startsWith(u"-O") || a.startsWith(u"--open-files-in-pager");
        })) {
        judge.unknown(Text::tr("`git grep -O` runs a pager program"));
        return;
    }
    if (reading.contains(verb)) {
        if (call.args.contains(u"--output"_s) ||
            std::ranges::any_of(call.args,
                                [](const QString &a) { return a.startsWith(u"--output="); }))
            judge.note(Risk::Change, Text::tr("`git %1 --output` writes a file").arg(verb));
        else if (call.anyComputed())
            judge.unknown(Text::tr("`git %1` is given `%2`, which is computed when it runs")
                              .arg(verb, call.computedArgument()));
        return;
    }
    const QStringList rest = global.operands.mid(1);
    if (destroying.contains(verb) || (verb == u"reset" && rest.contains(u"--hard"_s)) ||
        (verb == u"push" && (rest.contains(u"--force"_s) || rest.contains(u"-f"_s)))) {
        judge.note(Risk::Destroy, Text::tr("`git %1` throws work away").arg(verb));
        return;
    }
    judge.note(Risk::Change,
               Text::tr("`git %1` changes the repository").arg(verb.isEmpty() ? u"…"_s : verb));
}

void ruleRedisCli(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(
        call.args, u"hpsaunridD"_s,
        {u"user"_s, u"pass"_s, u"cacert"_s, u"cacertdir"_s, u"cert"_s, u"key"_s, u"sni"_s,
         u"pattern"_s, u"count"_s, u"rdb"_s, u"functions-rdb"_s, u"eval"_s, u"cluster"_s,
         u"memkeys-samples"_s, u"quoted-pattern"_s, u"tls-ciphers"_s, u"tls-ciphersuites"_s},
        true);
    for (const QString &name : {u"rdb"_s, u"functions-rdb"_s}) {
        if (options.longFlags.contains(name)) {
            judge.note(Risk::Change, Text::tr("`redis-cli --%1` writes a dump file").arg(name));
            return;
        }
    }
    for (const QString &name : {u"pipe"_s, u"eval"_s, u"replica"_s, u"cluster"_s}) {
        if (options.longFlags.contains(name)) {
            judge.unknown(Text::tr("`redis-cli --%1` is not known to be read-only").arg(name));
            return;
        }
    }
    if (options.operands.isEmpty()) {
        for (const QString &name :
             {u"scan"_s, u"bigkeys"_s, u"memkeys"_s, u"hotkeys"_s, u"stat"_s, u"latency"_s,
              u"latency-history"_s, u"latency-dist"_s, u"version"_s, u"help"_s}) {
            if (options.longFlags.contains(name))
                return;
        }
        judge.unknown(Text::tr("`redis-cli` without a command reads commands from its input"));
        return;
    }
    const QString command = options.operands.front().toUpper();
    const QString sub = options.operands.value(1).toUpper();
    static const QSet<QString> reading = {
        u"PING"_s,   u"ECHO"_s,      u"INFO"_s,          u"GET"_s,        u"MGET"_s,
        u"EXISTS"_s, u"TTL"_s,       u"PTTL"_s,          u"EXPIRETIME"_s, u"TYPE"_s,
        u"KEYS"_s,   u"SCAN"_s,      u"SSCAN"_s,         u"HSCAN"_s,      u"ZSCAN"_s,
        u"HGET"_s,   u"HMGET"_s,     u"HGETALL"_s,       u"HKEYS"_s,      u"HVALS"_s,
        u"HLEN"_s,   u"HEXISTS"_s,   u"HSTRLEN"_s,       u"LLEN"_s,       u"LRANGE"_s,
        u"LINDEX"_s, u"SCARD"_s,     u"SMEMBERS"_s,      u"SISMEMBER"_s,  u"SRANDMEMBER"_s,
        u"ZCARD"_s,  u"ZRANGE"_s,    u"ZRANGEBYSCORE"_s, u"ZREVRANGE"_s,  u"ZSCORE"_s,
        u"ZRANK"_s,  u"ZCOUNT"_s,    u"XLEN"_s,          u"XRANGE"_s,     u"XREVRANGE"_s,
        u"XINFO"_s,  u"XPENDING"_s,  u"DBSIZE"_s,        u"LASTSAVE"_s,   u"ROLE"_s,
        u"TIME"_s,   u"STRLEN"_s,    u"GETRANGE"_s,      u"BITCOUNT"_s,   u"PFCOUNT"_s,
        u"OBJECT"_s, u"RANDOMKEY"_s, u"LOLWUT"_s};
    static const QHash<QString, QStringList> readingSubcommands = {
        {u"CONFIG"_s, {u"GET"_s}},
        {u"SLOWLOG"_s, {u"GET"_s, u"LEN"_s, u"HELP"_s}},
        {u"CLIENT"_s, {u"LIST"_s, u"INFO"_s, u"GETNAME"_s, u"ID"_s}},
        {u"MEMORY"_s, {u"USAGE"_s, u"STATS"_s, u"DOCTOR"_s, u"MALLOC-STATS"_s}},
        {u"CLUSTER"_s,
         {u"INFO"_s, u"NODES"_s, u"SLOTS"_s, u"SHARDS"_s, u"MYID"_s, u"KEYSLOT"_s,
          u"COUNTKEYSINSLOT"_s}},
        {u"LATENCY"_s, {u"LATEST"_s, u"HISTORY"_s, u"DOCTOR"_s, u"GRAPH"_s}},
        {u"COMMAND"_s, {u"COUNT"_s, u"INFO"_s, u"DOCS"_s, u"LIST"_s}},
        {u"MODULE"_s, {u"LIST"_s}},
        {u"ACL"_s, {u"WHOAMI"_s, u"LIST"_s, u"USERS"_s, u"CAT"_s}},
        {u"PUBSUB"_s, {u"CHANNELS"_s, u"NUMSUB"_s, u"NUMPAT"_s}}};
    static const QSet<QString> destroying = {u"FLUSHALL"_s, u"FLUSHDB"_s,  u"DEL"_s,
                                             u"UNLINK"_s,   u"SHUTDOWN"_s, u"HDEL"_s,
                                             u"SREM"_s,     u"ZREM"_s,     u"XDEL"_s};
    static const QSet<QString> changing = {
        u"SET"_s,       u"SETEX"_s,   u"SETNX"_s,    u"MSET"_s,    u"INCR"_s,    u"DECR"_s,
        u"INCRBY"_s,    u"EXPIRE"_s,  u"PEXPIRE"_s,  u"PERSIST"_s, u"RENAME"_s,  u"HSET"_s,
        u"LPUSH"_s,     u"RPUSH"_s,   u"LPOP"_s,     u"RPOP"_s,    u"SADD"_s,    u"ZADD"_s,
        u"XADD"_s,      u"XTRIM"_s,   u"PUBLISH"_s,  u"BGSAVE"_s,  u"SAVE"_s,    u"BGREWRITEAOF"_s,
        u"REPLICAOF"_s, u"SLAVEOF"_s, u"FAILOVER"_s, u"CONFIG"_s,  u"SLOWLOG"_s, u"CLIENT"_s,
        u"MEMORY"_s,    u"APPEND"_s,  u"GETDEL"_s,   u"GETSET"_s};
    if (reading.contains(command) || readingSubcommands.value(command).contains(sub))
        return;
    if (destroying.contains(command) || (command == u"CLIENT" && sub == u"KILL") ||
        (command == u"SCRIPT" && sub == u"FLUSH") || (command == u"FUNCTION" && sub == u"FLUSH")) {
        judge.note(Risk::Destroy,
                   Text::tr("`redis-cli %1` deletes data or stops the server")
                       .arg(options.operands.mid(0, sub.isEmpty() ? 1 : 2).join(u' ')));
        return;
    }
    if (changing.contains(command)) {
        judge.note(Risk::Change,
                   Text::tr("`redis-cli %1` changes the server's data or settings")
                       .arg(options.operands.mid(0, sub.isEmpty() ? 1 : 2).join(u' ')));
        return;
    }
    judge.unknown(
        Text::tr("`redis-cli %1` is not known to be read-only").arg(options.operands.front()));
}

// Flags that turn a change into a loss: no grace for the processes (`--grace-period=0`,
// `--now`), or skipped safety checks and recreated state (`--force`, `--force-recreate`).
QString forcingFlag(const QStringList &args)
{
    for (qsizetype at = 0; at < args.size(); ++at) {
        const QString &arg = args.at(at);
        if (arg == u"--")
            break;
        if (arg == u"--force" || arg == u"--force=true" || arg == u"--force-recreate" ||
            arg == u"--now" || arg == u"--grace-period=0" ||
            (arg == u"--grace-period" && args.value(at + 1) == u"0"))
            return arg == u"--grace-period" ? u"--grace-period 0"_s : arg;
    }
    return {};
}

// kubectl and oc: the verb decides; exec carries a command of its own.
void ruleKubectl(Judge &judge, const Invocation &call)
{
    const QStringList withValue = {u"namespace"_s,
                                   u"context"_s,
                                   u"kubeconfig"_s,
                                   u"cluster"_s,
                                   u"user"_s,
                                   u"server"_s,
                                   u"token"_s,
                                   u"as"_s,
                                   u"as-group"_s,
                                   u"request-timeout"_s,
                                   u"certificate-authority"_s,
                                   u"client-certificate"_s,
                                   u"client-key"_s,
                                   u"v"_s,
                                   u"selector"_s,
                                   u"output"_s,
                                   u"container"_s,
                                   u"field-selector"_s,
                                   u"since"_s,
                                   u"tail"_s,
                                   u"sort-by"_s,
                                   u"label-columns"_s,
                                   u"chunk-size"_s,
                                   u"template"_s};
    // Flags may come before the verb: kubectl -n prod delete pod x.
    const qsizetype dashes = call.args.indexOf(u"--"_s);
    const QStringList before = dashes < 0 ? call.args : call.args.mid(0, dashes);
    const Options options = parseOptions(before, u"nsolcf"_s, withValue);
    if (options.longFlags.contains(u"kubeconfig"_s)) {
        // Another kubeconfig can name credential plugins, which kubectl runs.
        judge.unknown(Text::tr("`%1 --kubeconfig` can run the credential plugins it names")
                          .arg(call.program));
        return;
    }
    const QString verb = options.operands.value(0);
    const QString sub = options.operands.value(1);
    const QString what = QStringList{call.program, verb}.join(u' ');
    static const QStringList reading = {
        u"get"_s,          u"describe"_s, u"logs"_s,          u"top"_s,
        u"explain"_s,      u"version"_s,  u"api-resources"_s, u"api-versions"_s,
        u"cluster-info"_s, u"events"_s,   u"port-forward"_s,  u"wait"_s,
        u"whoami"_s,       u"status"_s,   u"projects"_s,      u"project"_s};
    static const QStringList destroying = {u"delete"_s};
    static const QStringList changing = {
        u"apply"_s,       u"create"_s,  u"patch"_s,       u"edit"_s,  u"set"_s,     u"annotate"_s,
        u"label"_s,       u"cordon"_s,  u"uncordon"_s,    u"drain"_s, u"taint"_s,   u"scale"_s,
        u"autoscale"_s,   u"expose"_s,  u"run"_s,         u"cp"_s,    u"replace"_s, u"debug"_s,
        u"certificate"_s, u"new-app"_s, u"start-build"_s, u"adm"_s,   u"attach"_s};
    if (reading.contains(verb))
        return;
    if ((verb == u"config" &&
         (sub == u"view" || sub.startsWith(u"get-") || sub == u"current-context")) ||
        (verb == u"rollout" && (sub == u"status" || sub == u"history")) ||
        (verb == u"auth" && (sub == u"can-i" || sub == u"whoami")))
        return;
    if (destroying.contains(verb)) {
        judge.note(Risk::Destroy, Text::tr("`%1` deletes Kubernetes objects").arg(what));
        return;
    }
    if (verb == u"rollout" || verb == u"config" || changing.contains(verb)) {
        if (const QString flag = forcingFlag(call.args); !flag.isEmpty()) {
            judge.note(Risk::Destroy,
                       Text::tr("`%1` with `%2` can lose data or running work").arg(what, flag));
            return;
        }
        judge.note(Risk::Change,
                   Text::tr("`%1` changes Kubernetes objects")
                       .arg(verb == u"rollout" || verb == u"config" ? what + u' ' + sub : what));
        return;
    }
    if (verb == u"exec") {
        if (dashes < 0) {
            judge.unknown(
                Text::tr("`%1 exec` without `--` is not known to be read-only").arg(call.program));
            return;
        }
        judge.invocation(call.shifted(dashes + 2));
        return;
    }
    if (verb == u"rsh") {
        judge.unknown(Text::tr("`oc rsh` opens a shell inside a pod"));
        return;
    }
    judge.unknown(Text::tr("`%1` is not known to be read-only").arg(what));
}

// docker, podman and docker-compose: the verb (and the object's verb) decides.
void ruleContainers(Judge &judge, const Invocation &call)
{
    const bool composeProgram =
        call.program == u"docker-compose" || call.program == u"podman-compose";
    const QStringList withValue = {
        u"host"_s,         u"context"_s,   u"config"_s,  u"log-level"_s,  u"file"_s,
        u"project-name"_s, u"env-file"_s,  u"profile"_s, u"connection"_s, u"url"_s,
        u"identity"_s,     u"tlscacert"_s, u"tlscert"_s, u"tlskey"_s,     u"project-directory"_s};
    const Options global = parseOptions(call.args, u"Hcfpl"_s, withValue, true);
    if (global.longFlags.contains(u"root"_s) || global.longFlags.contains(u"runroot"_s)) {
        judge.unknown(Text::tr("`%1 --root` is not known to be read-only").arg(call.program));
        return;
    }
    QStringList words = global.operands;
    bool compose = composeProgram;
    if (!compose && words.value(0) == u"compose") {
        compose = true;
        // docker compose -f x.yml ps: options again after "compose".
        words = parseOptions(words.mid(1), u"fp"_s, withValue, true).operands;
    }
    static const QStringList objects = {
        u"container"_s, u"image"_s,   u"volume"_s,  u"network"_s, u"system"_s, u"context"_s,
        u"node"_s,      u"service"_s, u"builder"_s, u"plugin"_s,  u"secret"_s, u"config"_s,
        u"stack"_s,     u"swarm"_s,   u"pod"_s,     u"machine"_s, u"buildx"_s, u"manifest"_s};
    QString object;
    QString verb = words.value(0);
    qsizetype verbIndex = 0;
    if (!compose && objects.contains(verb)) {
        object = verb;
        verbIndex = 1;
        verb = words.value(1);
    }
    const QString what =
        QStringList{call.program, compose && !composeProgram ? u"compose"_s : QString(), object,
                    verb}
            .filter(QRegularExpression(u"."_s))
            .join(u' ');
    static const QStringList reading = {
        u"ps"_s,  u"logs"_s, u"inspect"_s, u"stats"_s,   u"images"_s,     u"version"_s, u"info"_s,
        u"top"_s, u"port"_s, u"diff"_s,    u"history"_s, u"events"_s,     u"ls"_s,      u"list"_s,
        u"df"_s,  u"show"_s, u"config"_s,  u"search"_s,  u"healthcheck"_s};
    static const QStringList destroying = {u"rm"_s,    u"rmi"_s,  u"kill"_s,
                                           u"prune"_s, u"down"_s, u"remove"_s};
    static const QStringList changing = {
        u"start"_s,  u"stop"_s,  u"restart"_s, u"pause"_s, u"unpause"_s, u"run"_s,
        u"create"_s, u"pull"_s,  u"push"_s,    u"build"_s, u"tag"_s,     u"update"_s,
        u"rename"_s, u"cp"_s,    u"commit"_s,  u"load"_s,  u"save"_s,    u"import"_s,
        u"export"_s, u"up"_s,    u"scale"_s,   u"use"_s,   u"connect"_s, u"disconnect"_s,
        u"attach"_s, u"login"_s, u"logout"_s,  u"init"_s,  u"join"_s,    u"leave"_s,
        u"deploy"_s, u"wait"_s};
    if (verb == u"config" && object.isEmpty() && !compose) {
        judge.unknown(Text::tr("`%1` is not known to be read-only").arg(what));
        return;
    }
    if (reading.contains(verb) && !(object == u"system" && verb == u"prune"))
        return;
    if (destroying.contains(verb)) {
        judge.note(Risk::Destroy, Text::tr("`%1` removes containers, images or volumes").arg(what));
        return;
    }
    if (verb == u"exec") {
        // exec [options] CONTAINER COMMAND...: the command decides.
        const Options exec = parseOptions(
            words.mid(verbIndex + 1), u"euw"_s,
            {u"env"_s, u"user"_s, u"workdir"_s, u"env-file"_s, u"detach-keys"_s, u"index"_s}, true);
        if (exec.operands.size() < 2) {
            judge.unknown(Text::tr("`%1` is not known to be read-only").arg(what));
            return;
        }
        Invocation carried;
        carried.program = exec.operands.at(1);
        carried.args = exec.operands.mid(2);
        carried.computed = QList<bool>(carried.args.size(), call.anyComputed());
        judge.invocation(carried);
        return;
    }
    if (changing.contains(verb)) {
        if (const QString flag = forcingFlag(call.args); !flag.isEmpty()) {
            judge.note(Risk::Destroy,
                       Text::tr("`%1` with `%2` can lose data or running work").arg(what, flag));
            return;
        }
        judge.note(Risk::Change, Text::tr("`%1` changes containers or images").arg(what));
        return;
    }
    judge.unknown(Text::tr("`%1` is not known to be read-only").arg(what));
}

void ruleSystemctl(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"tpHMno"_s,
                     {u"type"_s, u"property"_s, u"host"_s, u"machine"_s, u"state"_s, u"lines"_s,
                      u"output"_s, u"signal"_s, u"kill-whom"_s, u"job-mode"_s, u"root"_s});
    const QString verb = options.operands.value(0);
    static const QStringList reading = {u"status"_s,
                                        u"show"_s,
                                        u"cat"_s,
                                        u"list-units"_s,
                                        u"list-unit-files"_s,
                                        u"list-timers"_s,
                                        u"list-sockets"_s,
                                        u"list-dependencies"_s,
                                        u"list-jobs"_s,
                                        u"list-machines"_s,
                                        u"list-automounts"_s,
                                        u"list-paths"_s,
                                        u"is-active"_s,
                                        u"is-enabled"_s,
                                        u"is-failed"_s,
                                        u"is-system-running"_s,
                                        u"get-default"_s,
                                        u"show-environment"_s,
                                        u"help"_s};
    static const QStringList stopping = {u"poweroff"_s,  u"reboot"_s,       u"halt"_s,
                                         u"kexec"_s,     u"soft-reboot"_s,  u"suspend"_s,
                                         u"hibernate"_s, u"hybrid-sleep"_s, u"rescue"_s,
                                         u"emergency"_s, u"default"_s,      u"isolate"_s};
    if (verb.isEmpty() || reading.contains(verb))
        return;
    if (stopping.contains(verb)) {
        judge.note(Risk::Destroy,
                   Text::tr("`systemctl %1` stops the machine or its services").arg(verb));
        return;
    }
    if (verb == u"clean") {
        judge.note(Risk::Destroy, Text::tr("`systemctl clean` deletes a unit's state and cache"));
        return;
    }
    judge.note(Risk::Change, Text::tr("`systemctl %1` changes services").arg(verb));
}

void ruleService(Judge &judge, const Invocation &call)
{
    if (call.args == QStringList{u"--status-all"_s} || call.args.value(1) == u"status")
        return;
    judge.note(Risk::Change, Text::tr("`service %1` changes a service").arg(call.args.join(u' ')));
}

void ruleJournalctl(Judge &judge, const Invocation &call)
{
    static const QStringList writing = {
        u"vacuum-size"_s, u"vacuum-time"_s,   u"vacuum-files"_s,   u"rotate"_s,
        u"flush"_s,       u"sync"_s,          u"relinquish-var"_s, u"smart-relinquish-var"_s,
        u"setup-keys"_s,  u"update-catalog"_s};
    const Options options = parseOptions(call.args, u"uptnSUbDMoF"_s,
                                         {u"unit"_s, u"since"_s, u"until"_s, u"lines"_s,
                                          u"priority"_s, u"output"_s, u"directory"_s, u"file"_s,
                                          u"grep"_s, u"boot"_s, u"identifier"_s, u"field"_s});
    for (const QString &name : writing) {
        if (options.longFlags.contains(name)) {
            judge.note(Risk::Change,
                       Text::tr("`journalctl --%1` changes the journal files").arg(name));
            return;
        }
    }
}

void ruleTop(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"dnpuUowE"_s, {});
    if (!options.shortFlags.contains(u'b'))
        judge.unknown(Text::tr("`top` without -b is interactive: add -b -n 1"));
}

void ruleSort(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(
        call.args, u"okTtS"_s,
        {u"output"_s, u"key"_s, u"temporary-directory"_s, u"field-separator"_s, u"buffer-size"_s});
    if (options.longFlags.contains(u"compress-program"_s))
        judge.unknown(Text::tr("`sort --compress-program` runs a program"));
    else if (options.shortFlags.contains(u'o') || options.longFlags.contains(u"output"_s))
        judge.note(Risk::Change, Text::tr("`sort -o` writes a file"));
    else if (call.anyComputed())
        judge.unknown(
            Text::tr("`sort` is given `%1`, which is computed when it runs and could be -o")
                .arg(call.computedArgument()));
}

void ruleUniq(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"fsw"_s, {});
    if (options.operands.size() > 1)
        judge.note(Risk::Change, Text::tr("`uniq` writes its second file argument"));
}

void ruleKill(Judge &judge, const Invocation &call)
{
    if (call.program == u"kill" &&
        (call.args.value(0) == u"-0" || call.args.value(0) == u"-l" || call.args.value(0) == u"-L"))
        return;
    if (hasSignalKill(call.args))
        judge.note(
            Risk::Destroy,
            Text::tr("`%1 -9` kills processes without letting them clean up").arg(call.program));
    else
        judge.note(Risk::Change, Text::tr("`%1` signals processes").arg(call.program));
}

void ruleCrontab(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"u"_s, {});
    if (options.shortFlags.contains(u'r'))
        judge.note(Risk::Destroy, Text::tr("`crontab -r` deletes the crontab"));
    else if (!options.shortFlags.contains(u'l') || !options.operands.isEmpty())
        judge.note(Risk::Change, Text::tr("`crontab` replaces or edits the crontab"));
}

void ruleTar(Judge &judge, const Invocation &call)
{
    // Listing (or extracting to standard output) with options that only choose what and how
    // to read; anything else may write files or run programs (--to-command, -I, checkpoints).
    static const QString shortLetters = u"tvzjJfaOpPwkmC"_s;
    static const QStringList longNames = {u"list"_s,
                                          u"verbose"_s,
                                          u"gzip"_s,
                                          u"gunzip"_s,
                                          u"bzip2"_s,
                                          u"xz"_s,
                                          u"zstd"_s,
                                          u"file"_s,
                                          u"auto-compress"_s,
                                          u"wildcards"_s,
                                          u"no-wildcards"_s,
                                          u"exclude"_s,
                                          u"numeric-owner"_s,
                                          u"full-time"_s,
                                          u"utc"_s,
                                          u"ignore-case"_s,
                                          u"occurrence"_s,
                                          u"to-stdout"_s,
                                          u"extract"_s,
                                          u"get"_s,
                                          u"anchored"_s,
                                          u"quoting-style"_s,
                                          u"show-transformed-names"_s};
    QString first = call.args.value(0);
    QStringList args = call.args;
    if (!first.isEmpty() && !first.startsWith(u'-'))
        args[0] = u'-' + first; // old style: tar tzf FILE
    bool lists = false;
    bool extracts = false;
    bool toStandardOutput = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg.startsWith(u"--")) {
            const QString name = arg.mid(2).section(u'=', 0, 0);
            if (!longNames.contains(name)) {
                judge.note(Risk::Unknown,
                           Text::tr("`tar --%1` is not known to be read-only").arg(name));
                return;
            }
            lists = lists || name == u"list";
            extracts = extracts || name == u"extract" || name == u"get";
            toStandardOutput = toStandardOutput || name == u"to-stdout";
            if ((name == u"file" || name == u"exclude") && !arg.contains(u'='))
                ++i;
        } else if (arg.startsWith(u'-')) {
            for (qsizetype c = 1; c < arg.size(); ++c) {
                const QChar letter = arg[c];
                if (letter == u'x') {
                    extracts = true;
                    continue;
                }
                if (!shortLetters.contains(letter)) {
                    judge.note(Risk::Change, Text::tr("`tar -%1` writes files").arg(letter));
                    return;
                }
                lists = lists || letter == u't';
                toStandardOutput = toStandardOutput || letter == u'O';
                if (letter == u'f' || letter == u'C') {
                    if (c + 1 == arg.size())
                        ++i; // the value is the next argument
                    break;
                }
            }
        }
    }
    if (!lists && !(extracts && toStandardOutput))
        judge.note(Risk::Change, Text::tr("`tar` writes files"));
}

void ruleCompressor(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"S"_s, {u"suffix"_s});
    if (options.shortFlags.contains(u'c') || options.shortFlags.contains(u'l') ||
        options.shortFlags.contains(u't') || options.longFlags.contains(u"stdout"_s) ||
        options.longFlags.contains(u"to-stdout"_s) || options.longFlags.contains(u"list"_s) ||
        options.longFlags.contains(u"test"_s))
        return;
    judge.note(Risk::Change,
               Text::tr("`%1` replaces files with their (de)compressed form").arg(call.program));
}

void ruleOpenssl(Judge &judge, const Invocation &call)
{
    static const QStringList reading = {
        u"s_client"_s, u"x509"_s,      u"verify"_s, u"version"_s, u"ciphers"_s,   u"crl"_s,
        u"req"_s,      u"asn1parse"_s, u"dgst"_s,   u"sha256"_s,  u"sha1"_s,      u"md5"_s,
        u"rand"_s,     u"base64"_s,    u"pkey"_s,   u"rsa"_s,     u"ec"_s,        u"list"_s,
        u"errstr"_s,   u"pkcs12"_s,    u"s_time"_s, u"ocsp"_s,    u"crl2pkcs7"_s, u"pkcs7"_s};
    const QString sub = call.args.value(0);
    if (!reading.contains(sub)) {
        judge.unknown(Text::tr("`openssl %1` is not known to be read-only").arg(sub));
        return;
    }
    static const QStringList writing = {u"-out"_s,        u"-keyout"_s,        u"-sess_out"_s,
                                        u"-keylogfile"_s, u"-msgfile"_s,       u"-writerand"_s,
                                        u"-new"_s,        u"-CAcreateserial"_s};
    for (const QString &arg : call.args) {
        if (writing.contains(arg)) {
            judge.note(Risk::Change, Text::tr("`openssl %1 %2` writes a file").arg(sub, arg));
            return;
        }
    }
}

void ruleDmesg(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"nFfls"_s, {u"level"_s, u"facility"_s});
    for (const QChar letter : {u'c', u'C', u'D', u'E', u'n'}) {
        if (options.shortFlags.contains(letter)) {
            judge.note(Risk::Change, Text::tr("`dmesg -%1` changes the kernel log").arg(letter));
            return;
        }
    }
    for (const QString &name :
         {u"clear"_s, u"read-clear"_s, u"console-off"_s, u"console-on"_s, u"console-level"_s}) {
        if (options.longFlags.contains(name)) {
            judge.note(Risk::Change, Text::tr("`dmesg --%1` changes the kernel log").arg(name));
            return;
        }
    }
}

void ruleDate(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"dfrI"_s, {u"date"_s, u"file"_s, u"reference"_s});
    if (options.shortFlags.contains(u's') || options.longFlags.contains(u"set"_s) ||
        std::ranges::any_of(options.operands, [](const QString &o) { return !o.startsWith(u'+'); }))
        judge.note(Risk::Change, Text::tr("`date` sets the clock"));
}

void ruleHostname(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"F"_s, {u"file"_s});
    if (!options.operands.isEmpty() || options.shortFlags.contains(u'F') ||
        options.shortFlags.contains(u'b') || options.longFlags.contains(u"file"_s) ||
        options.longFlags.contains(u"boot"_s))
        judge.note(Risk::Change, Text::tr("`hostname` sets the host name"));
}

void ruleSs(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"fANFD"_s, {u"filter"_s, u"diag"_s});
    if (options.shortFlags.contains(u'K') || options.longFlags.contains(u"kill"_s))
        judge.note(Risk::Destroy, Text::tr("`ss -K` closes sockets"));
    else if (options.shortFlags.contains(u'D') || options.longFlags.contains(u"diag"_s))
        judge.note(Risk::Change, Text::tr("`ss -D` writes a file"));
}

void ruleIp(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"nfbrl"_s,
                     {u"netns"_s, u"family"_s, u"batch"_s, u"rcvbuf"_s, u"loops"_s}, true);
    if (options.shortFlags.contains(u'b') || options.longFlags.contains(u"batch"_s)) {
        judge.unknown(Text::tr("`ip -batch` runs commands from a file"));
        return;
    }
    const QString command = options.operands.value(1);
    static const QStringList reading = {u"show"_s, u"list"_s, u"ls"_s, u"lst"_s, u"sh"_s,
                                        u"sho"_s,  u"l"_s,    u"li"_s, u"lis"_s, u"get"_s};
    if (options.operands.size() <= 1 || reading.contains(command))
        return;
    judge.note(Risk::Change, Text::tr("`ip %1 %2` changes the network configuration")
                                 .arg(options.operands.value(0), command));
}

void ruleMount(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"t"_s, {u"types"_s});
    if (options.operands.isEmpty() && !options.shortFlags.contains(u'a') &&
        !options.longFlags.contains(u"all"_s))
        return;
    judge.note(Risk::Change, Text::tr("`mount` changes what is mounted"));
}

void ruleSystemConfig(Judge &judge, const Invocation &call)
{
    const QString verb = call.args.value(0);
    if (verb.isEmpty() || verb == u"status" || verb == u"show" || verb.startsWith(u"list") ||
        verb == u"show-timesync" || verb == u"timesync-status") {
        return;
    }
    judge.note(Risk::Change,
               Text::tr("`%1 %2` changes the system's settings").arg(call.program, verb));
}

void ruleSysctl(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"p"_s, {u"load"_s, u"pattern"_s});
    if (options.shortFlags.contains(u'w') || options.shortFlags.contains(u'p') ||
        options.longFlags.contains(u"write"_s) || options.longFlags.contains(u"load"_s) ||
        options.longFlags.contains(u"system"_s) ||
        std::ranges::any_of(options.operands, [](const QString &o) { return o.contains(u'='); }))
        judge.note(Risk::Change, Text::tr("`sysctl` changes kernel settings"));
}

void ruleFirewall(Judge &judge, const Invocation &call)
{
    const QString first = call.args.value(0);
    if (call.program == u"nft" &&
        (first == u"list" || (first == u"-a" && call.args.value(1) == u"list")))
        return;
    if (call.program == u"ufw" && (first == u"status" || first == u"show"))
        return;
    if ((call.program == u"iptables" || call.program == u"ip6tables") &&
        std::ranges::all_of(call.args,
                            [](const QString &a) {
                                static const QStringList listing = {
                                    u"-L"_s,   u"-S"_s,     u"-n"_s,           u"-v"_s,
                                    u"-x"_s,   u"--list"_s, u"--list-rules"_s, u"--line-numbers"_s,
                                    u"-nvL"_s, u"-nL"_s,    u"-vL"_s,          u"-t"_s,
                                    u"-w"_s};
                                return listing.contains(a) || !a.startsWith(u'-');
                            }) &&
        std::ranges::any_of(call.args, [](const QString &a) {
            return a == u"-L" || a == u"-S" || a == u"--list" || a == u"--list-rules" ||
                   a.endsWith(u'L');
        }))
        return;
    if (call.program == u"firewall-cmd" && std::ranges::all_of(call.args, [](const QString &a) {
            return a.startsWith(u"--list") || a.startsWith(u"--get") || a.startsWith(u"--query") ||
                   a == u"--state" || a.startsWith(u"--zone");
        }))
        return;
    judge.note(Risk::Change, Text::tr("`%1` changes firewall rules").arg(call.program));
}

// AWS CLI: describe-, list- and get- operations read; s3 ls reads, s3 rm and rb delete.
void ruleAws(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, {},
                                         {u"region"_s, u"profile"_s, u"output"_s, u"query"_s,
                                          u"endpoint-url"_s, u"cli-read-timeout"_s},
                                         true);
    const QString service = options.operands.value(0);
    const QString operation = options.operands.value(1);
    const QString what = u"aws "_s + service + u' ' + operation;
    if (operation.startsWith(u"describe-") || operation.startsWith(u"list-") ||
        operation.startsWith(u"get-") || operation == u"wait" ||
        (service == u"s3" && operation == u"ls") || (service == u"sts" && operation.isEmpty()))
        return;
    if (operation.startsWith(u"delete-") || operation.startsWith(u"terminate-") ||
        (service == u"s3" && (operation == u"rm" || operation == u"rb")))
        judge.note(Risk::Destroy, Text::tr("`%1` deletes cloud resources").arg(what.trimmed()));
    else
        judge.note(Risk::Unknown,
                   Text::tr("`%1` is not known to be read-only").arg(what.trimmed()));
}

void rulePackages(Judge &judge, const Invocation &call)
{
    const QString verb = call.args.value(0);
    static const QStringList reading = {
        u"list"_s,     u"show"_s,     u"policy"_s,      u"search"_s,   u"-l"_s,
        u"-s"_s,       u"-L"_s,       u"-S"_s,          u"--list"_s,   u"--verify"_s,
        u"-V"_s,       u"--status"_s, u"--listfiles"_s, u"--search"_s, u"-q"_s,
        u"-qa"_s,      u"-qi"_s,      u"-ql"_s,         u"-qf"_s,      u"--version"_s,
        u"info"_s,     u"history"_s,  u"changelog"_s,   u"depends"_s,  u"rdepends"_s,
        u"madison"_s,  u"showpkg"_s,  u"stats"_s,       u"freeze"_s,   u"check"_s,
        u"outdated"_s, u"view"_s,     u"ls"_s};
    if (call.program == u"apt-cache" || call.program == u"dpkg-query" || reading.contains(verb))
        return;
    static const QStringList installing = {
        u"install"_s, u"uninstall"_s,    u"remove"_s,       u"purge"_s,      u"upgrade"_s,
        u"update"_s,  u"dist-upgrade"_s, u"full-upgrade"_s, u"autoremove"_s, u"ci"_s,
        u"-i"_s,      u"-r"_s,           u"-P"_s,           u"--install"_s,  u"--remove"_s,
        u"--purge"_s, u"-U"_s,           u"-e"_s,           u"-Uvh"_s,       u"-ivh"_s};
    if (!installing.contains(verb)) {
        judge.unknown(Text::tr("`%1 %2` is not known to be read-only").arg(call.program, verb));
        return;
    }
    judge.note(Risk::Change,
               Text::tr("`%1 %2` installs or removes software").arg(call.program, verb));
}

void ruleHelm(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"n"_s, {u"namespace"_s, u"kube-context"_s, u"kubeconfig"_s}, true);
    const QString verb = options.operands.value(0);
    static const QStringList reading = {u"list"_s,     u"ls"_s,   u"status"_s, u"get"_s,
                                        u"history"_s,  u"show"_s, u"search"_s, u"version"_s,
                                        u"template"_s, u"lint"_s, u"env"_s};
    if (reading.contains(verb))
        return;
    if (verb == u"uninstall" || verb == u"delete" || verb == u"del")
        judge.note(Risk::Destroy, Text::tr("`helm %1` removes a release").arg(verb));
    else
        judge.note(Risk::Change, Text::tr("`helm %1` changes releases").arg(verb));
}

void ruleRabbitmqctl(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"npt"_s, {u"node"_s, u"vhost"_s}, true);
    const QString verb = options.operands.value(0);
    if (verb.startsWith(u"list_") || verb == u"status" || verb == u"cluster_status" ||
        verb == u"environment" || verb == u"report" || verb == u"ping" || verb == u"version")
        return;
    if (verb == u"purge_queue" || verb == u"delete_queue" || verb == u"reset" ||
        verb == u"force_reset" || verb == u"delete_user" || verb == u"delete_vhost")
        judge.note(Risk::Destroy,
                   Text::tr("`rabbitmqctl %1` deletes messages or settings").arg(verb));
    else
        judge.note(Risk::Change, Text::tr("`rabbitmqctl %1` changes the broker").arg(verb));
}

void rulePgDump(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"fFhpUdnNtTZjS"_s,
                     {u"file"_s, u"format"_s, u"host"_s, u"port"_s, u"username"_s, u"dbname"_s});
    if (options.shortFlags.contains(u'f') || options.longFlags.contains(u"file"_s))
        judge.note(Risk::Change, Text::tr("`%1 -f` writes a dump file").arg(call.program));
}

void rulePgRestore(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"fdFhpUnNtTjLIPS"_s,
                     {u"file"_s, u"dbname"_s, u"format"_s, u"host"_s, u"port"_s, u"username"_s});
    if (options.shortFlags.contains(u'l') || options.longFlags.contains(u"list"_s))
        return;
    judge.note(Risk::Destroy, Text::tr("`pg_restore` restores data over what is there"));
}

// Shells: -c TEXT and here-documents are judged as shell text; files and pipes are not known.
void ruleShell(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"oO"_s, {u"rcfile"_s, u"init-file"_s}, true);
    if (options.shortFlags.contains(u'c')) {
        const qsizetype index = call.args.indexOf(options.operands.value(0));
        if (options.operands.isEmpty() || (index >= 0 && call.computed.value(index))) {
            judge.unknown(Text::tr("`%1 -c` runs text computed when it runs").arg(call.program));
            return;
        }
        judge.script(options.operands.front());
        return;
    }
    if (options.longFlags.contains(u"rcfile"_s) || options.longFlags.contains(u"init-file"_s)) {
        judge.unknown(Text::tr("`%1 --rcfile` runs a file").arg(call.program));
        return;
    }
    if (!options.operands.isEmpty()) {
        judge.unknown(
            Text::tr("`%1 %2` runs a script file").arg(call.program, options.operands.front()));
        return;
    }
    if (options.longFlags.contains(u"version"_s))
        return;
    if (call.command && call.command->hereDocuments.size() == 1 && !call.command->readsPipe) {
        const ShellToken &body = *call.command->hereDocuments.front();
        if (body.expands && containsExpansion(body.parts)) {
            judge.unknown(Text::tr("the here-document fed to `%1` pastes values into the script it "
                                   "runs; quote its delimiter (<<'EOF')")
                              .arg(call.program));
            return;
        }
        judge.script(body.text.mid(body.content.start - body.span.start, body.content.length));
        return;
    }
    judge.unknown(Text::tr("`%1` reads the script it runs from its input").arg(call.program));
}

void ruleInterpreter(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"m"_s, {}, true);
    if ((options.shortFlags.contains(u'V') || options.longFlags.contains(u"version"_s)) &&
        options.operands.isEmpty())
        return;
    if (call.program.startsWith(u"python") &&
        options.values.value(u"-m"_s) == QStringList{u"json.tool"_s} &&
        options.operands.size() <= 1)
        return;
    judge.unknown(Text::tr("`%1` runs code that is not known to be read-only").arg(call.program));
}

// Programs that run another program: the one they run decides.
void ruleWrapper(Judge &judge, const Invocation &call)
{
    QString valueLetters;
    QStringList valueNames;
    if (call.program == u"sudo" || call.program == u"doas") {
        valueLetters = u"ugCDhpRrTtU"_s;
        valueNames = {u"user"_s,       u"group"_s,          u"chdir"_s, u"host"_s,
                      u"prompt"_s,     u"role"_s,           u"type"_s,  u"other-user"_s,
                      u"close-from"_s, u"command-timeout"_s};
    } else if (call.program == u"timeout") {
        valueLetters = u"sk"_s;
        valueNames = {u"signal"_s, u"kill-after"_s};
    } else if (call.program == u"nice") {
        valueLetters = u"n"_s;
        valueNames = {u"adjustment"_s};
    } else if (call.program == u"ionice") {
        valueLetters = u"cnp"_s;
        valueNames = {u"class"_s, u"classdata"_s, u"pid"_s};
    } else if (call.program == u"stdbuf") {
        valueLetters = u"ioe"_s;
        valueNames = {u"input"_s, u"output"_s, u"error"_s};
    } else if (call.program == u"env") {
        valueLetters = u"uCS"_s;
        valueNames = {u"unset"_s, u"chdir"_s, u"split-string"_s};
    } else if (call.program == u"xargs") {
        valueLetters = u"adEIiLlnPs"_s;
        valueNames = {u"arg-file"_s,  u"delimiter"_s, u"eof"_s,
                      u"replace"_s,   u"max-lines"_s, u"max-args"_s,
                      u"max-procs"_s, u"max-chars"_s, u"process-slot-var"_s};
    } else if (call.program == u"watch") {
        valueLetters = u"nqg"_s;
        valueNames = {u"interval"_s, u"differences"_s};
    }
    // Options come before the command; the first operand is where it starts.
    qsizetype start = 0;
    Options options;
    for (; start < call.args.size(); ++start) {
        const QString &arg = call.args[start];
        if (arg == u"--") {
            ++start;
            break;
        }
        if (!arg.startsWith(u'-') || arg == u"-")
            break;
        Options one = parseOptions({arg, call.args.value(start + 1)}, valueLetters, valueNames);
        const bool tookNext =
            !one.operands.contains(call.args.value(start + 1)) && start + 1 < call.args.size();
        options.shortFlags.unite(one.shortFlags);
        options.longFlags += one.longFlags;
        for (auto it = one.values.cbegin(); it != one.values.cend(); ++it)
            options.values[it.key()] += it.value();
        if (tookNext)
            ++start;
    }
    if (call.program == u"sudo" || call.program == u"doas") {
        if (options.shortFlags.contains(u'e') || options.longFlags.contains(u"edit"_s)) {
            judge.note(Risk::Change, Text::tr("`sudo -e` edits files"));
            return;
        }
        if ((options.shortFlags.contains(u'i') || options.shortFlags.contains(u's') ||
             options.longFlags.contains(u"login"_s) || options.longFlags.contains(u"shell"_s)) &&
            start < call.args.size()) {
            judge.script(call.args.mid(start).join(u' '));
            return;
        }
        const bool onlyAsks =
            options.shortFlags.contains(u'l') || options.shortFlags.contains(u'v') ||
            options.shortFlags.contains(u'k') || options.shortFlags.contains(u'K') ||
            options.shortFlags.contains(u'V');
        if (onlyAsks && start >= call.args.size())
            return; // sudo -l, -v, -k: lists or refreshes credentials, runs nothing
    }
    if (call.program == u"env") {
        if (options.shortFlags.contains(u'S') || options.longFlags.contains(u"split-string"_s)) {
            judge.unknown(Text::tr("`env -S` splits a string into a command"));
            return;
        }
        // env NAME=value ... COMMAND
        while (start < call.args.size() && call.args[start].contains(u'=') &&
               isIdentifier(call.args[start].section(u'=', 0, 0))) {
            const QString name = call.args[start].section(u'=', 0, 0);
            if (!isHarmlessEnvironmentName(name)) {
                judge.unknown(
                    Text::tr("`%1` in the environment can change what a program does").arg(name));
                return;
            }
            ++start;
        }
        if (start >= call.args.size())
            return; // prints the environment
    }
    if (call.program == u"timeout" && start < call.args.size())
        ++start; // the duration
    if (call.program == u"ionice" && !options.values.value(u"-p"_s).isEmpty()) {
        judge.note(Risk::Change, Text::tr("`ionice -p` changes a process's priority"));
        return;
    }
    if (start >= call.args.size()) {
        if (call.program == u"xargs" || call.program == u"exec")
            return; // xargs echoes; exec alone only applies its redirections
        judge.unknown(
            Text::tr("`%1` without a command is not known to be read-only").arg(call.program));
        return;
    }
    if (call.program == u"watch" && !options.shortFlags.contains(u'x') &&
        !options.longFlags.contains(u"exec"_s)) {
        judge.script(call.args.mid(start).join(u' ')); // watch runs its words through sh -c
        return;
    }
    Invocation carried = call.shifted(start + 1);
    if (call.program == u"xargs") {
        carried.command = nullptr; // xargs reads the input itself
        carried.moreArgumentsFromInput = true;
    }
    judge.invocation(carried);
}

void ruleCommandBuiltin(Judge &judge, const Invocation &call)
{
    if (call.args.value(0) == u"-v" || call.args.value(0) == u"-V")
        return;
    const qsizetype skip = call.args.value(0) == u"-p" ? 1 : 0;
    if (call.args.size() <= skip)
        return;
    judge.invocation(call.shifted(skip + 1));
}

void ruleSsh(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"BbcDEeFIiJLlmOopQRSWw"_s, {}, true);
    static const QStringList harmlessOptions = {u"connecttimeout"_s,
                                                u"batchmode"_s,
                                                u"port"_s,
                                                u"user"_s,
                                                u"identityfile"_s,
                                                u"identitiesonly"_s,
                                                u"serveraliveinterval"_s,
                                                u"serveralivecountmax"_s,
                                                u"loglevel"_s,
                                                u"stricthostkeychecking"_s,
                                                u"connectionattempts"_s,
                                                u"compression"_s,
                                                u"addressfamily"_s,
                                                u"hostname"_s};
    for (const QString &option : options.values.value(u"-o"_s)) {
        const QString key = option.section(QRegularExpression(u"[=\\s]"_s), 0, 0).toLower();
        if (!harmlessOptions.contains(key)) {
            judge.unknown(Text::tr("`ssh -o %1` is not known to be read-only").arg(option));
            return;
        }
    }
    if (options.values.contains(u"-F"_s)) {
        judge.unknown(Text::tr("`ssh -F` reads a configuration that can run commands"));
        return;
    }
    if (options.values.contains(u"-E"_s)) {
        judge.note(Risk::Change, Text::tr("`ssh -E` writes a log file"));
        return;
    }
    if (options.operands.size() < 2) {
        judge.unknown(Text::tr("`ssh` without a command opens an interactive shell"));
        return;
    }
    const qsizetype hostIndex = call.args.indexOf(options.operands.front());
    if (call.computed.mid(hostIndex + 1).contains(true)) {
        judge.unknown(Text::tr("the command given to `ssh` is computed when it runs"));
        return;
    }
    // The remote shell reads the words; a here-document goes on to its input.
    QString remote = options.operands.mid(1).join(u' ');
    if (call.command && call.command->hereDocuments.size() == 1) {
        const ShellToken &body = *call.command->hereDocuments.front();
        if (body.expands && containsExpansion(body.parts)) {
            judge.unknown(Text::tr("the here-document sent through `ssh` pastes values into what "
                                   "the remote side runs; quote its delimiter (<<'EOF')"));
            return;
        }
        const QString content =
            body.text.mid(body.content.start - body.span.start, body.content.length);
        QString delimiter = u"OPSDECK_INPUT"_s;
        while (content.contains(delimiter))
            delimiter += u'_';
        remote += u" <<'"_s + delimiter + u"'\n"_s + content + delimiter + u'\n';
    }
    judge.script(remote);
}

void ruleEval(Judge &judge, const Invocation &call)
{
    if (call.anyComputed()) {
        judge.unknown(Text::tr("`eval` runs text computed when it runs"));
        return;
    }
    judge.script(call.args.join(u' '));
}

// Builtins that take variable names: a subscript in a name is evaluated and can run commands.
void ruleNameTaking(Judge &judge, const Invocation &call)
{
    QStringList names;
    if (call.program == u"printf") {
        const qsizetype v = call.args.indexOf(u"-v"_s);
        if (v < 0)
            return;
        names.append(call.args.value(v + 1));
    } else {
        const Options options = parseOptions(call.args, u"adnpstuCcO"_s, {});
        if (call.program == u"mapfile" || call.program == u"readarray") {
            if (options.shortFlags.contains(u'C')) {
                judge.unknown(Text::tr("`%1 -C` runs a callback").arg(call.program));
                return;
            }
        }
        if (call.program == u"declare" || call.program == u"typeset" || call.program == u"local" ||
            call.program == u"export" || call.program == u"readonly") {
            for (const QChar letter : {u'i', u'n', u'f', u'x'}) {
                if (options.shortFlags.contains(letter) ||
                    (call.program == u"export" && letter == u'x')) {
                    if (call.program == u"export" || letter == u'x') {
                        for (const QString &operand : options.operands) {
                            const QString name = operand.section(u'=', 0, 0);
                            if (isInterpreterVariable(name)) {
                                judge.unknown(
                                    Text::tr("setting `%1` changes what the shell runs").arg(name));
                                return;
                            }
                            if (!isHarmlessEnvironmentName(name)) {
                                judge.unknown(
                                    Text::tr("exporting `%1` can change what later programs do")
                                        .arg(name));
                                return;
                            }
                        }
                        continue;
                    }
                    judge.unknown(Text::tr("`%1 -%2` is not known to be read-only")
                                      .arg(call.program, letter));
                    return;
                }
            }
        }
        for (const QString &operand : options.operands + options.values.value(u"-a"_s)) {
            // declare -a x='($(cmd))': bash expands a quoted array value as code.
            if (operand.section(u'=', 1).startsWith(u'(')) {
                judge.unknown(Text::tr("`%1` expands the array value `%2` as shell words")
                                  .arg(call.program, operand));
                return;
            }
            names.append(operand.section(u'=', 0, 0));
        }
        for (const QString &name : options.values.value(u"-a"_s))
            names.append(name.section(u'=', 0, 0));
    }
    for (const QString &name : std::as_const(names)) {
        if (!isIdentifier(name)) {
            judge.unknown(
                Text::tr("`%1` is given the name `%2`, whose subscript is evaluated and can "
                         "run commands")
                    .arg(call.program, name));
            return;
        }
        if (isInterpreterVariable(name)) {
            judge.unknown(Text::tr("setting `%1` changes what the shell runs").arg(name));
            return;
        }
    }
}

void ruleTest(Judge &judge, const Invocation &call)
{
    for (qsizetype i = 0; i < call.args.size(); ++i) {
        if ((call.args[i] == u"-v" || call.args[i] == u"-R") &&
            !isIdentifier(call.args.value(i + 1))) {
            judge.unknown(Text::tr("`%1 -v %2` evaluates a subscript, which can run commands")
                              .arg(call.program, call.args.value(i + 1)));
            return;
        }
    }
}

void ruleSet(Judge &judge, const Invocation &call)
{
    static const QStringList harmless = {
        u"-e"_s,     u"+e"_s,        u"-u"_s, u"+u"_s,  u"-x"_s,       u"+x"_s,      u"-v"_s,
        u"+v"_s,     u"-E"_s,        u"-T"_s, u"-eu"_s, u"-ue"_s,      u"-eux"_s,    u"-euo"_s,
        u"-ex"_s,    u"-xe"_s,       u"-o"_s, u"+o"_s,  u"pipefail"_s, u"errexit"_s, u"nounset"_s,
        u"xtrace"_s, u"noclobber"_s, u"-C"_s, u"-f"_s,  u"noglob"_s};
    const qsizetype dashes = call.args.indexOf(u"--"_s);
    for (const QString &arg : call.args.mid(0, dashes < 0 ? call.args.size() : dashes)) {
        if (!harmless.contains(arg)) {
            judge.unknown(Text::tr("`set %1` is not known to be read-only").arg(arg));
            return;
        }
    }
}

void ruleLet(Judge &judge, const Invocation &call)
{
    judge.unknown(Text::tr("`%1` evaluates arithmetic, which can run commands").arg(call.program));
}

void ruleSource(Judge &judge, const Invocation &call)
{
    judge.unknown(Text::tr("`%1` runs a file as shell code").arg(call.program));
}

void ruleNetcat(Judge &judge, const Invocation &call)
{
    const Options options = parseOptions(call.args, u"wpsiq"_s, {});
    if (!options.shortFlags.contains(u'z'))
        judge.unknown(
            Text::tr("`%1` sends data; only `%1 -z` (a port check) is known to be read-only")
                .arg(call.program));
}

// Web servers: testing and printing the configuration reads; signals and starts change.
void ruleWebServer(Judge &judge, const Invocation &call)
{
    // One of these makes the server only test or print and exit; the rest only say where from.
    static const QStringList checking = {u"-t"_s,         u"-T"_s, u"-v"_s, u"-V"_s,
                                         u"configtest"_s, u"-S"_s, u"-M"_s, u"-tq"_s,
                                         u"-qt"_s,        u"-l"_s, u"-L"_s};
    static const QStringList locating = {u"-q"_s, u"-h"_s, u"-c"_s, u"-p"_s, u"-e"_s, u"-g"_s};
    const bool checks =
        std::ranges::any_of(call.args, [](const QString &a) { return checking.contains(a); });
    if (checks && std::ranges::all_of(call.args, [](const QString &a) {
            return checking.contains(a) || locating.contains(a) || !a.startsWith(u'-');
        }))
        return;
    judge.note(Risk::Change, Text::tr("`%1 %2` starts or signals the web server")
                                 .arg(call.program, call.args.join(u' ')));
}

void ruleCertbot(Judge &judge, const Invocation &call)
{
    const QString verb = call.args.value(0);
    if (verb == u"certificates" || verb == u"plugins" || verb == u"--version" ||
        (verb == u"renew" && call.args.contains(u"--dry-run"_s)))
        return;
    judge.note(Risk::Change, Text::tr("`certbot %1` changes certificates").arg(verb));
}

// psql: the SQL it is given (-c, or a here-document on its input) decides.
// Readers with one option or argument that writes or runs something.
void ruleReaderWithAWriter(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"LPIoTmfeEgr"_s, {u"pre"_s, u"pre-glob"_s, u"output"_s});
    if (call.program == u"rg" && (options.longFlags.contains(u"pre"_s))) {
        judge.unknown(Text::tr("`rg --pre` runs a program on every file"));
        return;
    }
    if (call.program == u"tree" &&
        (options.shortFlags.contains(u'o') || options.longFlags.contains(u"output"_s))) {
        judge.note(Risk::Change, Text::tr("`tree -o` writes a file"));
        return;
    }
    if (call.program == u"file" && options.shortFlags.contains(u'C')) {
        judge.note(Risk::Change, Text::tr("`file -C` writes a compiled magic file"));
        return;
    }
    if (call.program == u"xxd" && options.operands.size() > 1) {
        judge.note(Risk::Change, Text::tr("`xxd` writes its second file argument"));
        return;
    }
}

void rulePsql(Judge &judge, const Invocation &call)
{
    const Options options =
        parseOptions(call.args, u"cfhpUdvoLPFRT"_s,
                     {u"command"_s, u"file"_s, u"host"_s, u"port"_s, u"username"_s, u"dbname"_s,
                      u"set"_s, u"variable"_s, u"output"_s, u"log-file"_s, u"pset"_s,
                      u"field-separator"_s, u"record-separator"_s, u"table-attr"_s});
    for (const QString &name : {u"-o"_s, u"--output"_s, u"-L"_s, u"--log-file"_s}) {
        if (options.values.contains(name)) {
            judge.note(Risk::Change, Text::tr("`psql %1` writes a file").arg(name));
            return;
        }
    }
    const QStringList files = options.values.value(u"-f"_s) + options.values.value(u"--file"_s);
    if (std::ranges::any_of(files, [](const QString &f) { return f != u"-"; })) {
        judge.unknown(Text::tr("`psql -f` runs SQL from a file"));
        return;
    }
    const QStringList commands =
        options.values.value(u"-c"_s) + options.values.value(u"--command"_s);
    for (const QString &sql : commands) {
        const qsizetype index = call.args.indexOf(sql);
        if (index >= 0 && call.computed.value(index)) {
            judge.unknown(Text::tr("the SQL given to `psql -c` is computed when it runs"));
            return;
        }
        const RiskAssessment judged = assessPsqlScript(sql);
        judge.note(judged.risk, judged.reason);
    }
    if (!commands.isEmpty() && files.isEmpty())
        return;
    if (files.isEmpty() &&
        (options.shortFlags.contains(u'l') || options.longFlags.contains(u"list"_s) ||
         options.shortFlags.contains(u'V') || options.longFlags.contains(u"version"_s)))
        return;
    // The SQL comes from its input: a here-document can be judged, anything else cannot.
    if (call.command && call.command->hereDocuments.size() == 1 && !call.command->readsPipe) {
        const ShellToken &body = *call.command->hereDocuments.front();
        if (body.expands && containsExpansion(body.parts)) {
            judge.unknown(Text::tr("the here-document fed to `psql` pastes values into its SQL; "
                                   "pass them with -v and :'name', and quote the delimiter "
                                   "(<<'SQL')"));
            return;
        }
        const RiskAssessment judged = assessPsqlScript(
            body.text.mid(body.content.start - body.span.start, body.content.length));
        judge.note(judged.risk, judged.reason);
        return;
    }
    judge.unknown(Text::tr("`psql` without -c reads its SQL from its input"));
}

const QHash<QString, Rule> &rules()
{
    static const QHash<QString, Rule> table = [] {
        QHash<QString, Rule> r;
        r.insert(u"find"_s, ruleFind);
        r.insert(u"sed"_s, ruleSed);
        for (const QString &awk : {u"awk"_s, u"gawk"_s, u"mawk"_s, u"nawk"_s})
            r.insert(awk, ruleAwk);
        r.insert(u"curl"_s, ruleCurl);
        r.insert(u"wget"_s, ruleWget);
        r.insert(u"git"_s, ruleGit);
        r.insert(u"redis-cli"_s, ruleRedisCli);
        r.insert(u"kubectl"_s, ruleKubectl);
        r.insert(u"oc"_s, ruleKubectl);
        for (const QString &docker :
             {u"docker"_s, u"podman"_s, u"nerdctl"_s, u"docker-compose"_s, u"podman-compose"_s})
            r.insert(docker, ruleContainers);
        r.insert(u"systemctl"_s, ruleSystemctl);
        r.insert(u"service"_s, ruleService);
        r.insert(u"journalctl"_s, ruleJournalctl);
        r.insert(u"top"_s, ruleTop);
        r.insert(u"sort"_s, ruleSort);
        r.insert(u"uniq"_s, ruleUniq);
        for (const QString &kill : {u"kill"_s, u"pkill"_s, u"killall"_s})
            r.insert(kill, ruleKill);
        r.insert(u"crontab"_s, ruleCrontab);
        r.insert(u"tar"_s, ruleTar);
        for (const QString &z : {u"gzip"_s, u"gunzip"_s, u"xz"_s, u"unxz"_s, u"bzip2"_s,
                                 u"bunzip2"_s, u"zstd"_s, u"unzstd"_s, u"lz4"_s, u"unlz4"_s})
            r.insert(z, ruleCompressor);
        r.insert(u"openssl"_s, ruleOpenssl);
        r.insert(u"dmesg"_s, ruleDmesg);
        r.insert(u"date"_s, ruleDate);
        r.insert(u"hostname"_s, ruleHostname);
        r.insert(u"ss"_s, ruleSs);
        r.insert(u"ip"_s, ruleIp);
        r.insert(u"mount"_s, ruleMount);
        for (const QString &ctl : {u"timedatectl"_s, u"hostnamectl"_s, u"localectl"_s,
                                   u"loginctl"_s, u"resolvectl"_s, u"networkctl"_s})
            r.insert(ctl, ruleSystemConfig);
        r.insert(u"sysctl"_s, ruleSysctl);
        for (const QString &fw :
             {u"nft"_s, u"ufw"_s, u"iptables"_s, u"ip6tables"_s, u"firewall-cmd"_s})
            r.insert(fw, ruleFirewall);
        for (const QString &p : {u"apt"_s, u"apt-cache"_s, u"dpkg"_s, u"dpkg-query"_s, u"rpm"_s,
                                 u"dnf"_s, u"yum"_s, u"pip"_s, u"pip3"_s, u"npm"_s, u"snap"_s})
            r.insert(p, rulePackages);
        r.insert(u"helm"_s, ruleHelm);
        r.insert(u"aws"_s, ruleAws);
        r.insert(u"rabbitmqctl"_s, ruleRabbitmqctl);
        r.insert(u"pg_dump"_s, rulePgDump);
        r.insert(u"pg_dumpall"_s, rulePgDump);
        r.insert(u"pg_restore"_s, rulePgRestore);
        for (const QString &shell : {u"sh"_s, u"bash"_s, u"dash"_s, u"zsh"_s, u"ksh"_s})
            r.insert(shell, ruleShell);
        for (const QString &interpreter :
             {u"python"_s, u"python3"_s, u"python2"_s, u"perl"_s, u"ruby"_s, u"node"_s, u"nodejs"_s,
              u"php"_s, u"lua"_s, u"tclsh"_s, u"Rscript"_s, u"pwsh"_s, u"bc"_s, u"dc"_s, u"gdb"_s,
              u"busybox"_s})
            r.insert(interpreter, ruleInterpreter);
        for (const QString &wrapper :
             {u"sudo"_s, u"doas"_s, u"timeout"_s, u"nice"_s, u"ionice"_s, u"stdbuf"_s, u"env"_s,
              u"xargs"_s, u"watch"_s, u"nohup"_s, u"time"_s, u"setsid"_s, u"exec"_s, u"builtin"_s})
            r.insert(wrapper, ruleWrapper);
        r.insert(u"command"_s, ruleCommandBuiltin);
        r.insert(u"ssh"_s, ruleSsh);
        r.insert(u"eval"_s, ruleEval);
        for (const QString &n :
             {u"read"_s, u"printf"_s, u"mapfile"_s, u"readarray"_s, u"declare"_s, u"typeset"_s,
              u"local"_s, u"export"_s, u"readonly"_s, u"unset"_s, u"getopts"_s})
            r.insert(n, ruleNameTaking);
        for (const QString &t : {u"test"_s, u"["_s, u"[["_s})
            r.insert(t, ruleTest);
        r.insert(u"set"_s, ruleSet);
        r.insert(u"let"_s, ruleLet);
        r.insert(u"source"_s, ruleSource);
        r.insert(u"."_s, ruleSource);
        for (const QString &nc : {u"nc"_s, u"ncat"_s, u"netcat"_s})
            r.insert(nc, ruleNetcat);
        r.insert(u"psql"_s, rulePsql);
        r.insert(u"certbot"_s, ruleCertbot);
        for (const QString &reader : {u"rg"_s, u"tree"_s, u"file"_s, u"xxd"_s})
            r.insert(reader, ruleReaderWithAWriter);
        for (const QString &web : {u"nginx"_s, u"apachectl"_s, u"apache2ctl"_s, u"httpd"_s})
            r.insert(web, ruleWebServer);
        return r;
    }();
    return table;
}

// Names that promise harm whatever the program: raising the risk is always safe.
bool soundsDestructive(const Invocation &call)
{
    static const QRegularExpression words(u"restore|drop|delete|purge|wipe|destroy|reset|remove"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    return words.match(call.program).hasMatch() || call.args.contains(u"--force"_s);
}

void Judge::invocation(const Invocation &given)
{
    Invocation call = given;
    if (call.program.contains(u'/')) {
        const QString directory = call.program.section(u'/', 0, -2);
        if (!isStandardDirectory(directory)) {
            if (soundsDestructive(call))
                note(Risk::Destroy,
                     Text::tr("`%1` sounds destructive and is not known").arg(call.program));
            unknown(Text::tr("`%1` is not a program OpsDeck knows").arg(call.program));
            return;
        }
        call.program = call.program.section(u'/', -1);
    }
    if (call.program.isEmpty()) {
        unknown(Text::tr("the command has no program name"));
        return;
    }
    if (call.program.startsWith(u"mkfs")) {
        note(Risk::Destroy, Text::tr("`%1` deletes or overwrites data").arg(call.program));
        return;
    }
    if (const auto rule = rules().constFind(call.program); rule != rules().cend()) {
        (*rule)(*this, call);
        return;
    }
    if (alwaysRead().contains(call.program))
        return;
    if (const auto effect = knownEffects().constFind(call.program);
        effect != knownEffects().cend()) {
        note(effect->risk, text(effect->reason).arg(call.program));
        return;
    }
    if (soundsDestructive(call))
        note(Risk::Destroy, Text::tr("`%1` sounds destructive and is not known").arg(call.program));
    notKnown(call.program);
}

} // namespace

bool isHarmlessEnvironmentName(const QString &name)
{
    static const QSet<QString> harmless = {
        u"LANG"_s,       u"LANGUAGE"_s,       u"TZ"_s,
        u"COLUMNS"_s,    u"LINES"_s,          u"TERM"_s,
        u"NO_COLOR"_s,   u"SYSTEMD_COLORS"_s, u"SYSTEMD_LESS"_s,
        u"PGPASSWORD"_s, u"PGHOST"_s,         u"PGPORT"_s,
        u"PGUSER"_s,     u"PGDATABASE"_s,     u"PGCONNECT_TIMEOUT"_s,
        u"PGSSLMODE"_s,  u"PGAPPNAME"_s,      u"POSIXLY_CORRECT"_s,
        u"TIME_STYLE"_s, u"GREP_COLORS"_s};
    return harmless.contains(name) || name.startsWith(u"LC_");
}

RiskAssessment assessCommandRisk(const QString &commandText)
{
    Judge judge;
    judge.script(commandText);
    return judge.result;
}

RiskAssessment assessArgv(const QStringList &argv)
{
    if (argv.isEmpty())
        return {};
    Judge judge;
    Invocation call;
    call.program = argv.front();
    call.args = argv.mid(1);
    call.computed = QList<bool>(call.args.size(), false);
    judge.invocation(call);
    return judge.result;
}

} // namespace OpsDeck
