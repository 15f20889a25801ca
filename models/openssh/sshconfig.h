// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace OpsDeck {

// A file an Include line names, as an include resolver hands it over.
struct SshConfigFile {
    QString path;
    QByteArray text;
    QString error; // set when the file exists but cannot be read; text is then empty
};

// Returns the files an absolute path names, wildcards ('*', '?', '[...]') expanded like
// glob(3) and sorted; nothing when none exists.
using SshConfigIncludeResolver = std::function<QList<SshConfigFile>(const QString &pathPattern)>;

// The include resolver that reads from disk.
QList<SshConfigFile> readSshConfigFiles(const QString &pathPattern);

// Where "~", relative Include paths and the local %-tokens point. Empty members take the
// values of the running user.
struct SshConfigEnvironment {
    QString homeDirectory; // "~" and %d; default QDir::homePath()
    QString sshDirectory;  // base of relative Include paths; default homeDirectory + "/.ssh"
    QString localUser;     // %u, and %r when no User is set; default the login name
    QString localHostName; // %l, and %L up to the first dot; default the machine's host name
    SshConfigIncludeResolver resolveInclude; // default readSshConfigFiles
};

enum class SshStrictHostKeyChecking { Yes, AcceptNew, No, Ask };

// A keyword this reader does not interpret, with the values it had.
struct SshConfigOption {
    QString keyword; // lower case
    QStringList values;
    QString file;
    int line = 0;

    friend bool operator==(const SshConfigOption &, const SshConfigOption &) = default;
};

// What ssh would use for one alias: for each keyword the first value obtained wins, in file
// order, over the lines whose Host blocks match the alias.
struct SshHostSettings {
    QString alias;
    QString hostName; // HostName with %h expanded, in lower case; the alias when not set
    QString user;     // empty when not set: ssh then logs in as the local user
    int port = 22;
    QStringList identityFiles; // every IdentityFile that applies, in order, "~" and %-tokens
                               // expanded
    QStringList proxyJump;     // the hops, first to last; empty for none
    QString proxyCommand;      // empty for none
    std::optional<bool> identitiesOnly;
    std::optional<int> connectTimeoutSeconds;      // 0: none
    std::optional<int> serverAliveIntervalSeconds; // 0: off
    std::optional<SshStrictHostKeyChecking> strictHostKeyChecking;
    // Expanded like identityFiles; empty for "none"; not set means ssh's default files
    // (~/.ssh/known_hosts and ~/.ssh/known_hosts2, /etc/ssh/ssh_known_hosts and
    // /etc/ssh/ssh_known_hosts2).
    std::optional<QStringList> userKnownHostsFiles;
    std::optional<QStringList> globalKnownHostsFiles;
    // The name host keys are looked up and remembered under instead of the host name and
    // port, in lower case; empty when not set.
    QString hostKeyAlias;
    // Every other keyword that applies: the first occurrence, or all of them for keywords ssh
    // accumulates (CertificateFile, LocalForward, RemoteForward, DynamicForward, SendEnv).
    QList<SshConfigOption> otherOptions;
};

// An OpenSSH client configuration (ssh_config(5)) with its Include files, read once and then
// asked about any number of aliases. Host blocks (several patterns, '*', '?', '!'), Match
// blocks on all, host, originalhost, user and localuser (each may be negated), Include
// (relative to ~/.ssh, wildcards, loops refused, at most 16 levels), "Key value", "Key=value",
// quotes and comments are understood. A Match block with a criterion OpsDeck does not
// evaluate (exec, canonical, final, localnetwork, tagged, ...) is skipped with a warning: it
// would run commands or need state OpsDeck does not have. Keywords are case-insensitive and
// unknown ones are kept without complaint: ssh has hundreds.
class SshConfig final
{
public:
    static constexpr int MaximumIncludeDepth = 16;
    static constexpr int MaximumFiles = 256;
    static constexpr qint64 MaximumFileSize = 4 * 1024 * 1024;

    // Parses text as the file fileName; Include lines are read through the environment's
    // resolver. Never throws; every problem becomes a Diagnostic and the line is skipped.
    static SshConfig parse(const QByteArray &text, const QString &fileName,
                           const SshConfigEnvironment &environment = {});
    // Reads a file, by default ~/.ssh/config. A missing file is an empty configuration.
    static SshConfig load(const QString &path = {}, const SshConfigEnvironment &environment = {});

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // Every file that was read, the main one first.
    const QStringList &files() const { return m_files; }

    // The concrete aliases of Host lines (no wildcard, no negation) that select their own
    // block, in order of appearance: what to list as hosts.
    QStringList listedHostAliases() const;

    // The settings for an alias, as `ssh -G alias` resolves them.
    SshHostSettings resolve(const QString &alias) const;

private:
    friend class SshConfigParser;

    struct Argument {
        QString text;
        int column = 0;
    };
    struct Line {
        QString file;
        int line = 0;
        QString keyword; // lower case
        QList<Argument> arguments;
        QString rawValue;      // everything after the keyword, for ProxyCommand
        QList<int> conditions; // indexes of the Host blocks that must all match
    };
    struct MatchCriterion {
        enum class Kind { All, Host, OriginalHost, User, LocalUser };
        Kind kind = Kind::All;
        bool negated = false;
        QStringList patterns; // the comma-separated list, each may start with '!'
    };
    struct HostBlock {
        QStringList patterns; // Host: empty never matches
        QList<int> conditions;
        bool isMatch = false;
        bool evaluated = true; // Match: false when a criterion cannot be evaluated (never applies)
        QList<MatchCriterion> criteria;
    };
    // What Match blocks are judged on, as far as the lines read so far have set it.
    struct MatchContext {
        QString originalHost; // the alias as typed
        QString host;         // HostName so far (%h expanded), else the alias; lower case
        QString user;         // User so far, else the local user
        QString localUser;
    };

    bool applies(const QList<int> &conditions, const MatchContext &context) const;
    bool blockMatches(const HostBlock &block, const MatchContext &context) const;
    MatchContext contextFor(const QString &alias) const;

    SshConfigEnvironment m_environment;
    QList<HostBlock> m_hostBlocks;
    QList<Line> m_lines;
    Diagnostics m_diagnostics;
    QStringList m_files;
};

} // namespace OpsDeck
