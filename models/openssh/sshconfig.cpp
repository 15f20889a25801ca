// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/openssh/sshconfig.h"

#include "models/core/textlines.h"
#include "models/openssh/knownhosts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSysInfo>

#include <algorithm>
#include <climits>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

enum class Keyword {
    Unknown,
    Host,
    Match,
    Include,
    HostName,
    User,
    Port,
    IdentityFile,
    ProxyJump,
    ProxyCommand,
    IdentitiesOnly,
    ConnectTimeout,
    ServerAliveInterval,
    StrictHostKeyChecking,
    UserKnownHostsFile,
    GlobalKnownHostsFile,
    HostKeyAlias,
};

struct KeywordInfo {
    Keyword keyword;
    QLatin1StringView name; // as ssh_config(5) spells it
};

constexpr KeywordInfo Keywords[] = {
    {Keyword::Host, "Host"_L1},
    {Keyword::Match, "Match"_L1},
    {Keyword::Include, "Include"_L1},
    {Keyword::HostName, "HostName"_L1},
    {Keyword::User, "User"_L1},
    {Keyword::Port, "Port"_L1},
    {Keyword::IdentityFile, "IdentityFile"_L1},
    {Keyword::ProxyJump, "ProxyJump"_L1},
    {Keyword::ProxyCommand, "ProxyCommand"_L1},
    {Keyword::IdentitiesOnly, "IdentitiesOnly"_L1},
    {Keyword::ConnectTimeout, "ConnectTimeout"_L1},
    {Keyword::ServerAliveInterval, "ServerAliveInterval"_L1},
    {Keyword::StrictHostKeyChecking, "StrictHostKeyChecking"_L1},
    {Keyword::UserKnownHostsFile, "UserKnownHostsFile"_L1},
    {Keyword::GlobalKnownHostsFile, "GlobalKnownHostsFile"_L1},
    {Keyword::HostKeyAlias, "HostKeyAlias"_L1},
};

// Keywords ssh collects every value of instead of keeping the first.
constexpr QLatin1StringView AccumulatingKeywords[] = {
    "certificatefile"_L1, "localforward"_L1, "remoteforward"_L1, "dynamicforward"_L1, "sendenv"_L1,
};

// The %-tokens OpsDeck expands in file names, and those ssh knows that it leaves alone.
constexpr QStringView FileTokens = u"%dhijlLnpru";
constexpr QStringView UnexpandedFileTokens = u"CkT";
constexpr QStringView HostNameTokens = u"%h";

const KeywordInfo *findKeyword(QStringView lower)
{
    for (const KeywordInfo &info : Keywords) {
        if (QStringView(lower).compare(info.name, Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// ssh strips " \t\r\n" and form feeds from the end of every line.
bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'\f';
}

bool hasWildcard(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

// A Host line selects its block when a pattern matches and no negated one does. Unlike
// known_hosts, the comparison is case-sensitive and against the alias as typed.
bool hostPatternsMatch(const QStringList &patterns, const QString &alias)
{
    bool positive = false;
    for (const QString &pattern : patterns) {
        const bool negated = pattern.startsWith(u'!');
        if (matchSshPattern(alias, negated ? QStringView(pattern).mid(1) : pattern)) {
            if (negated)
                return false;
            positive = true;
        }
    }
    return positive;
}

// ssh's convtime(): "90", "90s", "1m30s", "2h", "1d", "1w"; nothing when malformed.
std::optional<int> parseSshTime(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        qint64 value = 0;
        const qsizetype digitsStart = i;
        while (i < text.size() && text[i] >= u'0' && text[i] <= u'9') {
            value = value * 10 + (text[i].unicode() - u'0');
            if (value > INT_MAX)
                return std::nullopt;
            ++i;
        }
        if (i == digitsStart)
            return std::nullopt;
        qint64 multiplier = 1;
        if (i < text.size()) {
            switch (text[i].toLower().unicode()) {
            case u's':
                multiplier = 1;
                break;
            case u'm':
                multiplier = 60;
                break;
            case u'h':
                multiplier = 60 * 60;
                break;
            case u'd':
                multiplier = 24 * 60 * 60;
                break;
            case u'w':
                multiplier = 7 * 24 * 60 * 60;
                break;
            default:
                return std::nullopt;
            }
            ++i;
        }
        total += value * multiplier;
        if (total > INT_MAX)
            return std::nullopt;
    }
    return int(total);
}

std::optional<int> parsePort(QStringView text)
{
    if (text.isEmpty() || text.size() > 5)
        return std::nullopt;
    int port = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        port = port * 10 + (c.unicode() - u'0');
    }
    if (port < 1 || port > 65535)
        return std::nullopt;
    return port;
}

// One hop of ProxyJump: [user@]host[:port] or ssh://[user@]host[:port].
bool validJumpHop(QStringView hop)
{
    if (hop.startsWith(u"ssh://"))
        hop = hop.mid(6);
    const qsizetype at = hop.lastIndexOf(u'@');
    if (at == 0)
        return false;
    QStringView hostPort = at > 0 ? hop.mid(at + 1) : hop;
    QStringView host = hostPort;
    QStringView port;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return false;
        host = hostPort.mid(1, close - 1);
        const QStringView rest = hostPort.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return false;
            port = rest.mid(1);
            if (port.isEmpty())
                return false;
        }
    } else if (const qsizetype colon = hostPort.indexOf(u':'); colon >= 0) {
        host = hostPort.left(colon);
        port = hostPort.mid(colon + 1);
        if (port.isEmpty())
            return false;
    }
    if (host.isEmpty())
        return false;
    for (QChar c : host) {
        if (c.unicode() <= 0x20 || c == u'/')
            return false;
    }
    return port.isEmpty() || parsePort(port).has_value();
}

QString expandTokens(QStringView text, const QHash<char16_t, QString> &values)
{
    QString expanded;
    expanded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'%' && i + 1 < text.size()) {
            const auto found = values.constFind(text[i + 1].unicode());
            if (found != values.cend())
                expanded += *found;
            else
                expanded += text.mid(i, 2); // a token OpsDeck leaves for ssh
            ++i;
        } else {
            expanded += text[i];
        }
    }
    return expanded;
}

// "~" first, then the %-tokens, as ssh does for IdentityFile and UserKnownHostsFile.
QString expandPath(const QString &path, const QHash<char16_t, QString> &tokens, const QString &home)
{
    if (path == u"~")
        return home;
    if (path.startsWith(u"~/"))
        return home + expandTokens(QStringView(path).mid(1), tokens);
    return expandTokens(path, tokens);
}

QString defaultLocalUser()
{
#ifdef Q_OS_UNIX
    passwd entry{};
    passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(::getuid(), &entry, buffer, sizeof buffer, &found) == 0 && found &&
        found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
#endif
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user;
}

SshConfigEnvironment completed(SshConfigEnvironment environment)
{
    if (environment.homeDirectory.isEmpty())
        environment.homeDirectory = QDir::homePath();
    if (environment.sshDirectory.isEmpty())
        environment.sshDirectory = environment.homeDirectory + u"/.ssh";
    if (environment.localUser.isEmpty())
        environment.localUser = defaultLocalUser();
    if (environment.localHostName.isEmpty())
        environment.localHostName = QSysInfo::machineHostName();
    if (!environment.resolveInclude)
        environment.resolveInclude = readSshConfigFiles;
    return environment;
}

class SshConfigReader
{
    Q_DECLARE_TR_FUNCTIONS(SshConfig)

public:
    static SshConfigFile read(const QString &path)
    {
        SshConfigFile file{path, {}, {}};
        QFile device(path);
        if (QFileInfo(path).isDir()) {
            file.error = tr("it is a directory");
        } else if (!device.open(QIODevice::ReadOnly)) {
            file.error = device.errorString();
        } else if (device.size() > SshConfig::MaximumFileSize) {
            file.error = tr("the file is too large (%1 MiB); an ssh configuration file may be at "
                            "most %2 MiB")
                             .arg(double(device.size()) / (1024 * 1024), 0, 'f', 1)
                             .arg(SshConfig::MaximumFileSize / (1024 * 1024));
        } else {
            file.text = device.read(SshConfig::MaximumFileSize + 1);
            if (device.error() != QFileDevice::NoError) {
                file.error = device.errorString();
                file.text.clear();
            }
        }
        return file;
    }

    static QString cannotRead(const QString &reason)
    {
        return tr("cannot read the file: %1").arg(reason);
    }
};

} // namespace

class SshConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(SshConfig)

public:
    explicit SshConfigParser(SshConfig &config)
        : m_config(config)
    {
    }

    void parseFile(const QString &path, const QByteArray &text, const QList<int> &outer, int depth)
    {
        m_config.m_files.append(path);
        m_stack.append(QDir::cleanPath(path));
        FileState state{path, outer, outer};
        forEachLine(text, [&](QByteArrayView line, int lineNumber) {
            parseLine(state, QString::fromUtf8(line), lineNumber, depth);
        });
        m_stack.removeLast();
    }

private:
    struct FileState {
        QString path;
        QList<int> outer;      // conditions of the Include that brought this file in
        QList<int> conditions; // for the lines below the latest Host or Match line
    };

    using Argument = SshConfig::Argument;

    void error(const FileState &state, int line, int column, const QString &message)
    {
        m_config.m_diagnostics.append(
            {Diagnostic::Severity::Error, state.path, line, column, message});
    }

    void warning(const FileState &state, int line, int column, const QString &message)
    {
        m_config.m_diagnostics.append(
            {Diagnostic::Severity::Warning, state.path, line, column, message});
    }

    // Opens a Host block; no patterns means one that never matches, so that the lines below
    // a broken Host line do not land in the block above it.
    void startHostBlock(FileState &state, const QStringList &patterns)
    {
        startBlock(state, {patterns, state.outer, false, true, {}});
    }

    void startBlock(FileState &state, SshConfig::HostBlock block)
    {
        block.conditions = state.outer;
        m_config.m_hostBlocks.append(block);
        state.conditions = state.outer;
        state.conditions.append(int(m_config.m_hostBlocks.size() - 1));
    }

    // argv_split() of ssh: blanks separate arguments, "..." and '...' quote (also inside an
    // argument), a backslash escapes a quote, a backslash or, unquoted, a space, and '#' at
    // the start of an argument ends the line. Returns the index of an unterminated quote.
    static qsizetype splitArguments(const QString &line, qsizetype from, QList<Argument> *arguments)
    {
        qsizetype i = from;
        while (i < line.size()) {
            if (isBlank(line[i])) {
                ++i;
                continue;
            }
            if (line[i] == u'#')
                break;
            Argument argument;
            argument.column = int(i) + 1;
            QChar quote;
            qsizetype quoteStart = -1;
            while (i < line.size()) {
                const QChar c = line[i];
                if (c == u'\\' && i + 1 < line.size()) {
                    const QChar next = line[i + 1];
                    if (next == u'\'' || next == u'"' || next == u'\\' ||
                        (quote.isNull() && next == u' ')) {
                        argument.text += next;
                        i += 2;
                        continue;
                    }
                }
                if (quote.isNull() && isBlank(c))
                    break;
                if (quote.isNull() && (c == u'"' || c == u'\'')) {
                    quote = c;
                    quoteStart = i;
                } else if (!quote.isNull() && c == quote) {
                    quote = QChar();
                } else {
                    argument.text += c;
                }
                ++i;
            }
            if (!quote.isNull())
                return quoteStart;
            arguments->append(argument);
        }
        return -1;
    }

    void parseLine(FileState &state, QString line, int lineNumber, int depth)
    {
        qsizetype end = line.size();
        while (end > 0 && isSpace(line[end - 1]))
            --end;
        line.truncate(end);
        qsizetype position = 0;
        while (position < line.size() && isSpace(line[position]))
            ++position;
        if (position == line.size() || line[position] == u'#')
            return; // blank line or comment

        // "Keyword value", "Keyword=value", "Keyword = value".
        qsizetype keywordEnd = position;
        while (keywordEnd < line.size() && !isBlank(line[keywordEnd]) && line[keywordEnd] != u'=')
            ++keywordEnd;
        const int keywordColumn = int(position) + 1;
        const QString written = line.mid(position, keywordEnd - position);
        if (written.isEmpty()) {
            error(state, lineNumber, keywordColumn, tr("expected a keyword before '='"));
            return;
        }
        qsizetype valueStart = keywordEnd;
        const auto skipBlanks = [&] {
            while (valueStart < line.size() && isBlank(line[valueStart]))
                ++valueStart;
        };
        if (valueStart < line.size() && line[valueStart] == u'=') {
            ++valueStart;
            skipBlanks();
        } else {
            skipBlanks();
            if (valueStart < line.size() && line[valueStart] == u'=') {
                ++valueStart;
                skipBlanks();
            }
        }

        const KeywordInfo *info = findKeyword(written);
        const Keyword keyword = info ? info->keyword : Keyword::Unknown;
        const QString name = info ? QString(info->name) : written;

        // A broken Host or Match line still ends the block before it, and its own lines
        // apply nowhere.
        const auto neverMatching = [&] {
            if (keyword == Keyword::Host)
                startHostBlock(state, {});
            else if (keyword == Keyword::Match)
                startBlock(state, {{}, {}, true, false, {}});
        };
        const auto missingValue = [&] {
            error(state, lineNumber, keywordColumn, tr("missing value after '%1'").arg(name));
            neverMatching();
        };
        if (valueStart >= line.size())
            return missingValue();
        QList<Argument> arguments;
        if (const qsizetype quote = splitArguments(line, valueStart, &arguments); quote >= 0) {
            error(state, lineNumber, int(quote) + 1,
                  tr("unterminated quote in the value of '%1'").arg(name));
            neverMatching();
            return;
        }
        // An empty "" value is a missing one, except where each value is checked on its own.
        const bool checksEachValue = keyword == Keyword::Unknown || keyword == Keyword::Host ||
                                     keyword == Keyword::Match || keyword == Keyword::Include ||
                                     keyword == Keyword::UserKnownHostsFile ||
                                     keyword == Keyword::GlobalKnownHostsFile;
        if (arguments.isEmpty() || (!checksEachValue && arguments[0].text.isEmpty()))
            return missingValue();

        switch (keyword) {
        case Keyword::Host:
            return parseHost(state, lineNumber, arguments);
        case Keyword::Match:
            return parseMatch(state, lineNumber, keywordColumn, arguments);
        case Keyword::Include:
            return parseInclude(state, lineNumber, arguments, depth);
        case Keyword::Unknown:
            break;
        case Keyword::UserKnownHostsFile:
        case Keyword::GlobalKnownHostsFile:
            for (const Argument &argument : arguments) {
                if (argument.text.isEmpty()) {
                    error(state, lineNumber, argument.column,
                          tr("empty file name in '%1'").arg(name));
                    return;
                }
                if (!checkTokens(state, lineNumber, argument, name, FileTokens))
                    return;
            }
            break;
        default:
            if (arguments.size() > 1 && keyword != Keyword::ProxyCommand) {
                error(state, lineNumber, arguments[1].column,
                      tr("'%1' takes a single value; '%2' is one too many")
                          .arg(name, arguments[1].text));
                return;
            }
            if (!checkValue(state, lineNumber, keyword, name, arguments[0]))
                return;
            break;
        }
        m_config.m_lines.append({state.path, lineNumber, sshLowerCase(written), arguments,
                                 line.mid(valueStart), state.conditions});
    }

    void parseHost(FileState &state, int lineNumber, const QList<Argument> &arguments)
    {
        QStringList patterns;
        for (const Argument &argument : arguments) {
            if (argument.text.isEmpty() || argument.text == u"!") {
                error(state, lineNumber, argument.column, tr("empty pattern in 'Host'"));
                return startHostBlock(state, {});
            }
            patterns.append(argument.text);
        }
        startHostBlock(state, patterns);
    }

    // "Match [!]criterion [patterns] ...", as ssh's match_cfg_line() reads it.
    void parseMatch(FileState &state, int lineNumber, int keywordColumn,
                    const QList<Argument> &arguments)
    {
        using Criterion = SshConfig::MatchCriterion;
        static const QList<std::pair<QLatin1StringView, Criterion::Kind>> evaluated{
            {"host"_L1, Criterion::Kind::Host},
            {"originalhost"_L1, Criterion::Kind::OriginalHost},
            {"user"_L1, Criterion::Kind::User},
            {"localuser"_L1, Criterion::Kind::LocalUser},
        };
        static const QStringList withoutArgument{u"all"_s, u"canonical"_s, u"final"_s};
        // Known to newer ssh versions too; they need the network, a command line or a tag.
        static const QStringList notEvaluated{
            u"exec"_s,        u"localnetwork"_s, u"tagged"_s,       u"command"_s,   u"version"_s,
            u"sessiontype"_s, u"address"_s,      u"localaddress"_s, u"localport"_s, u"rdomain"_s};
        SshConfig::HostBlock block{{}, {}, true, true, {}};
        QString skipped;
        bool all = false;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const Argument &argument = arguments[i];
            Criterion criterion;
            criterion.negated = argument.text.startsWith(u'!');
            const QString word = sshLowerCase(QStringView(argument.text).mid(criterion.negated));
            const auto broken = [&](const QString &message) {
                error(state, lineNumber, argument.column, message);
                startBlock(state, {{}, {}, true, false, {}});
            };
            if (withoutArgument.contains(word)) {
                if (word == u"all") {
                    all = true;
                    criterion.kind = Criterion::Kind::All;
                    block.criteria.append(criterion);
                } else if (skipped.isEmpty()) {
                    skipped = word;
                }
                continue;
            }
            const auto known = std::ranges::find_if(
                evaluated, [&](const auto &entry) { return entry.first == word; });
            if (known == evaluated.end() && !notEvaluated.contains(word))
                return broken(tr("unknown Match criterion '%1'").arg(argument.text));
            if (i + 1 >= arguments.size() || arguments[i + 1].text.isEmpty())
                return broken(tr("'Match %1' needs a value").arg(word));
            const QString value = arguments[++i].text;
            if (known == evaluated.end()) {
                if (skipped.isEmpty())
                    skipped = word;
                continue;
            }
            criterion.kind = known->second;
            criterion.patterns = value.split(u',');
            block.criteria.append(criterion);
        }
        if (all && block.criteria.size() > 1) {
            error(state, lineNumber, keywordColumn,
                  tr("'Match all' cannot be combined with other criteria"));
            startBlock(state, {{}, {}, true, false, {}});
            return;
        }
        if (!skipped.isEmpty()) {
            warning(state, lineNumber, keywordColumn,
                    tr("OpsDeck does not evaluate 'Match %1'; the block is ignored").arg(skipped));
            block.evaluated = false;
        }
        startBlock(state, block);
    }

    void parseInclude(FileState &state, int lineNumber, const QList<Argument> &arguments, int depth)
    {
        const SshConfigEnvironment &environment = m_config.m_environment;
        for (const Argument &argument : arguments) {
            if (argument.text.isEmpty()) {
                error(state, lineNumber, argument.column, tr("empty file name in 'Include'"));
                continue;
            }
            QString pattern = argument.text;
            if (pattern == u"~" || pattern.startsWith(u"~/"))
                pattern = environment.homeDirectory + pattern.mid(1);
            else if (!pattern.startsWith(u'/'))
                pattern = environment.sshDirectory + u'/' + pattern;
            if (depth + 1 > SshConfig::MaximumIncludeDepth) {
                error(state, lineNumber, argument.column,
                      tr("Include nested more than %1 levels deep; '%2' is not read")
                          .arg(SshConfig::MaximumIncludeDepth)
                          .arg(pattern));
                continue;
            }
            const QList<SshConfigFile> files = environment.resolveInclude(pattern);
            if (files.isEmpty() && !hasWildcard(argument.text)) {
                warning(state, lineNumber, argument.column,
                        tr("the included file '%1' does not exist").arg(pattern));
            }
            for (const SshConfigFile &file : files) {
                if (m_stack.contains(QDir::cleanPath(file.path))) {
                    error(state, lineNumber, argument.column,
                          tr("Include loop: '%1' is already being read").arg(file.path));
                    continue;
                }
                if (m_config.m_files.size() >= SshConfig::MaximumFiles) {
                    error(state, lineNumber, argument.column,
                          tr("too many included files (at most %1); '%2' is not read")
                              .arg(SshConfig::MaximumFiles)
                              .arg(file.path));
                    return;
                }
                if (!file.error.isEmpty()) {
                    error(state, lineNumber, argument.column,
                          tr("cannot read the included file '%1': %2").arg(file.path, file.error));
                    continue;
                }
                parseFile(file.path, file.text, state.conditions, depth + 1);
            }
        }
    }

    // %-tokens: the allowed ones and "%%" pass, those ssh knows but OpsDeck leaves alone warn,
    // anything else is an error (ssh refuses it too).
    bool checkTokens(const FileState &state, int lineNumber, const Argument &argument,
                     const QString &name, QStringView allowed)
    {
        const QString &text = argument.text;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] != u'%')
                continue;
            if (i + 1 == text.size()) {
                error(state, lineNumber, argument.column,
                      tr("'%' at the end of the value of '%1'; write '%%' for a percent sign")
                          .arg(name));
                return false;
            }
            const QChar token = text[++i];
            if (token == u'%' || allowed.contains(token))
                continue;
            if (allowed == FileTokens && UnexpandedFileTokens.contains(token)) {
                warning(state, lineNumber, argument.column,
                        tr("OpsDeck does not expand '%%1' in '%2'; it is left as it is")
                            .arg(token)
                            .arg(name));
                continue;
            }
            error(state, lineNumber, argument.column,
                  tr("unknown token '%%1' in the value of '%2'").arg(token).arg(name));
            return false;
        }
        return true;
    }

    bool checkValue(const FileState &state, int lineNumber, Keyword keyword, const QString &name,
                    const Argument &value)
    {
        const auto invalid = [&](const QString &expected) {
            error(state, lineNumber, value.column,
                  tr("'%1' must be %2, found '%3'").arg(name, expected, value.text));
            return false;
        };
        const QString lower = sshLowerCase(value.text);
        switch (keyword) {
        case Keyword::HostName:
            return checkTokens(state, lineNumber, value, name, HostNameTokens);
        case Keyword::IdentityFile:
            return checkTokens(state, lineNumber, value, name, FileTokens);
        case Keyword::Port:
            if (!parsePort(value.text))
                return invalid(tr("a port number from 1 to 65535"));
            return true;
        case Keyword::IdentitiesOnly:
            if (lower != u"yes" && lower != u"no" && lower != u"true" && lower != u"false")
                return invalid(tr("yes or no"));
            return true;
        case Keyword::ConnectTimeout:
        case Keyword::ServerAliveInterval:
            if (lower != u"none" && !parseSshTime(value.text))
                return invalid(tr("a time such as 30, 30s, 5m or 1h30m"));
            return true;
        case Keyword::StrictHostKeyChecking:
            if (!strictHostKeyChecking(lower))
                return invalid(tr("one of yes, no, ask, accept-new, off"));
            return true;
        case Keyword::HostKeyAlias:
            // The name goes into known_hosts lines as it is: no blanks, commas or markers.
            for (QChar c : value.text) {
                if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == u',')
                    return invalid(tr("a single name without blanks or commas"));
            }
            if (value.text.startsWith(u'@') || value.text.startsWith(u'|') ||
                value.text.startsWith(u'!') || value.text.startsWith(u'#'))
                return invalid(tr("a name that does not start with @, |, ! or #"));
            return true;
        case Keyword::ProxyJump: {
            if (lower == u"none")
                return true;
            qsizetype offset = 0;
            for (const QStringView hop : QStringView(value.text).split(u',')) {
                if (!validJumpHop(hop)) {
                    error(state, lineNumber, value.column + int(offset),
                          tr("invalid hop '%1' in 'ProxyJump'; expected [user@]host[:port]")
                              .arg(hop.toString()));
                    return false;
                }
                offset += hop.size() + 1;
            }
            return true;
        }
        default:
            return true;
        }
    }

public:
    static std::optional<SshStrictHostKeyChecking> strictHostKeyChecking(const QString &lower)
    {
        if (lower == u"yes" || lower == u"true")
            return SshStrictHostKeyChecking::Yes;
        if (lower == u"no" || lower == u"false" || lower == u"off")
            return SshStrictHostKeyChecking::No;
        if (lower == u"ask")
            return SshStrictHostKeyChecking::Ask;
        if (lower == u"accept-new")
            return SshStrictHostKeyChecking::AcceptNew;
        return std::nullopt;
    }

private:
    SshConfig &m_config;
    QStringList m_stack; // the files being read, outermost first
};

QList<SshConfigFile> readSshConfigFiles(const QString &pathPattern)
{
    const QString clean = QDir::cleanPath(pathPattern);
    if (!hasWildcard(clean)) {
        if (!QFileInfo::exists(clean))
            return {};
        return {SshConfigReader::read(clean)};
    }
    // glob(3) one component at a time; a wildcard matches a leading dot only when the
    // pattern starts with one.
    QStringList matches{clean.startsWith(u'/') ? u"/"_s : QString()};
    const QStringList components = clean.split(u'/', Qt::SkipEmptyParts);
    for (const QString &component : components) {
        QStringList next;
        for (const QString &base : matches) {
            const QString prefix =
                base.isEmpty() ? QString() : (base.endsWith(u'/') ? base : base + u'/');
            if (!hasWildcard(component)) {
                if (QFileInfo::exists(prefix + component))
                    next.append(prefix + component);
                continue;
            }
            QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System;
            if (component.startsWith(u'.'))
                filters |= QDir::Hidden;
            const QDir directory(base.isEmpty() ? u"."_s : base);
            for (const QString &name : directory.entryList({component}, filters, QDir::NoSort))
                next.append(prefix + name);
        }
        matches = next;
        if (matches.isEmpty())
            return {};
    }
    std::sort(matches.begin(), matches.end());
    QList<SshConfigFile> files;
    for (const QString &path : std::as_const(matches)) {
        if (!QFileInfo(path).isDir())
            files.append(SshConfigReader::read(path));
    }
    return files;
}

SshConfig SshConfig::parse(const QByteArray &text, const QString &fileName,
                           const SshConfigEnvironment &environment)
{
    SshConfig config;
    config.m_environment = completed(environment);
    SshConfigParser(config).parseFile(fileName, text, {}, 0);
    return config;
}

SshConfig SshConfig::load(const QString &path, const SshConfigEnvironment &environment)
{
    const SshConfigEnvironment complete = completed(environment);
    const QString file = path.isEmpty() ? complete.sshDirectory + u"/config" : path;
    if (!QFileInfo::exists(file)) {
        SshConfig config;
        config.m_environment = complete;
        return config;
    }
    const SshConfigFile read = SshConfigReader::read(file);
    if (!read.error.isEmpty()) {
        SshConfig config;
        config.m_environment = complete;
        config.m_diagnostics.append(
            {Diagnostic::Severity::Error, file, 0, 0, SshConfigReader::cannotRead(read.error)});
        return config;
    }
    return parse(read.text, file, complete);
}

bool SshConfig::blockMatches(const HostBlock &block, const MatchContext &context) const
{
    if (!block.isMatch)
        return hostPatternsMatch(block.patterns, context.originalHost);
    if (!block.evaluated)
        return false;
    return std::ranges::all_of(block.criteria, [&](const MatchCriterion &criterion) {
        bool matched = true;
        switch (criterion.kind) {
        case MatchCriterion::Kind::All:
            break;
        case MatchCriterion::Kind::Host: {
            // ssh compares host names in lower case, patterns too.
            QStringList lowered;
            for (const QString &pattern : criterion.patterns)
                lowered.append(sshLowerCase(pattern));
            matched = hostPatternsMatch(lowered, context.host);
            break;
        }
        case MatchCriterion::Kind::OriginalHost:
            matched = hostPatternsMatch(criterion.patterns, context.originalHost);
            break;
        case MatchCriterion::Kind::User:
            matched = hostPatternsMatch(criterion.patterns, context.user);
            break;
        case MatchCriterion::Kind::LocalUser:
            matched = hostPatternsMatch(criterion.patterns, context.localUser);
            break;
        }
        return matched != criterion.negated;
    });
}

bool SshConfig::applies(const QList<int> &conditions, const MatchContext &context) const
{
    return std::ranges::all_of(
        conditions, [&](int block) { return blockMatches(m_hostBlocks[block], context); });
}

SshConfig::MatchContext SshConfig::contextFor(const QString &alias) const
{
    return {alias, sshLowerCase(alias), m_environment.localUser, m_environment.localUser};
}

QStringList SshConfig::listedHostAliases() const
{
    QStringList aliases;
    QSet<QString> listed;
    for (const HostBlock &block : m_hostBlocks) {
        if (block.isMatch)
            continue; // Match blocks name no host
        for (const QString &pattern : block.patterns) {
            if (pattern.startsWith(u'!') || pattern.contains(u'*') || pattern.contains(u'?') ||
                listed.contains(pattern))
                continue;
            if (hostPatternsMatch(block.patterns, pattern) &&
                applies(block.conditions, contextFor(pattern))) {
                aliases.append(pattern);
                listed.insert(pattern);
            }
        }
    }
    return aliases;
}

SshHostSettings SshConfig::resolve(const QString &alias) const
{
    SshHostSettings settings;
    settings.alias = alias;
    QString hostName;
    QStringList identityFiles;
    QStringList knownHostsFiles;
    bool knownHostsFilesSet = false;
    QStringList globalKnownHostsFiles;
    bool globalKnownHostsFilesSet = false;
    QSet<QString> seen;
    MatchContext context = contextFor(alias);
    for (const Line &line : m_lines) {
        // Match host and user see what the lines before have set, as in ssh.
        context.host = hostName.isEmpty()
                           ? sshLowerCase(alias)
                           : sshLowerCase(expandTokens(hostName, {{u'h', alias}, {u'%', u"%"_s}}));
        context.user = settings.user.isEmpty() ? m_environment.localUser : settings.user;
        if (!applies(line.conditions, context))
            continue;
        const QString &keyword = line.keyword;
        const QString value = line.arguments.value(0).text;
        if (keyword == u"identityfile") {
            identityFiles.append(value);
            continue;
        }
        QStringList values;
        for (const Argument &argument : line.arguments)
            values.append(argument.text);
        const auto isKeyword = [&](QLatin1StringView accumulating) {
            return keyword == accumulating;
        };
        if (std::ranges::any_of(AccumulatingKeywords, isKeyword)) {
            settings.otherOptions.append({keyword, values, line.file, line.line});
            continue;
        }
        // ProxyJump and ProxyCommand exclude each other: whichever comes first wins.
        const bool proxy = keyword == u"proxyjump" || keyword == u"proxycommand";
        if (proxy && (seen.contains(u"proxyjump"_s) || seen.contains(u"proxycommand"_s)))
            continue;
        if (seen.contains(keyword))
            continue;
        seen.insert(keyword);
        const QString lower = sshLowerCase(value);
        if (keyword == u"hostname") {
            hostName = value;
        } else if (keyword == u"user") {
            settings.user = value;
        } else if (keyword == u"port") {
            settings.port = parsePort(value).value_or(22);
        } else if (keyword == u"proxyjump") {
            if (lower != u"none")
                settings.proxyJump = value.split(u',');
        } else if (keyword == u"proxycommand") {
            if (sshLowerCase(line.rawValue) != u"none")
                settings.proxyCommand = line.rawValue;
        } else if (keyword == u"identitiesonly") {
            settings.identitiesOnly = lower == u"yes" || lower == u"true";
        } else if (keyword == u"connecttimeout") {
            settings.connectTimeoutSeconds = lower == u"none" ? 0 : parseSshTime(value).value_or(0);
        } else if (keyword == u"serveraliveinterval") {
            settings.serverAliveIntervalSeconds =
                lower == u"none" ? 0 : parseSshTime(value).value_or(0);
        } else if (keyword == u"stricthostkeychecking") {
            settings.strictHostKeyChecking = SshConfigParser::strictHostKeyChecking(lower);
        } else if (keyword == u"userknownhostsfile") {
            knownHostsFilesSet = true;
            if (!(values.size() == 1 && lower == u"none"))
                knownHostsFiles = values;
        } else if (keyword == u"globalknownhostsfile") {
            globalKnownHostsFilesSet = true;
            if (!(values.size() == 1 && lower == u"none"))
                globalKnownHostsFiles = values;
        } else if (keyword == u"hostkeyalias") {
            settings.hostKeyAlias = lower;
        } else {
            settings.otherOptions.append({keyword, values, line.file, line.line});
        }
    }

    // ssh expands %h in HostName to the alias, then lower-cases the result.
    settings.hostName = hostName.isEmpty()
                            ? sshLowerCase(alias)
                            : sshLowerCase(expandTokens(hostName, {{u'h', alias}, {u'%', u"%"_s}}));

    const QString &home = m_environment.homeDirectory;
    const QString shortHostName = m_environment.localHostName.section(u'.', 0, 0);
    QHash<char16_t, QString> tokens{
        {u'%', u"%"_s},
        {u'd', home},
        {u'h', settings.hostName},
        {u'j', settings.proxyJump.join(u',')},
        {u'l', m_environment.localHostName},
        {u'L', shortHostName},
        {u'n', alias},
        {u'p', QString::number(settings.port)},
        {u'r', settings.user.isEmpty() ? m_environment.localUser : settings.user},
        {u'u', m_environment.localUser},
    };
#ifdef Q_OS_UNIX
    tokens.insert(u'i', QString::number(::getuid()));
#endif
    for (const QString &file : std::as_const(identityFiles))
        settings.identityFiles.append(expandPath(file, tokens, home));
    if (knownHostsFilesSet) {
        QStringList expanded;
        for (const QString &file : std::as_const(knownHostsFiles))
            expanded.append(expandPath(file, tokens, home));
        settings.userKnownHostsFiles = expanded;
    }
    if (globalKnownHostsFilesSet) {
        QStringList expanded;
        for (const QString &file : std::as_const(globalKnownHostsFiles))
            expanded.append(expandPath(file, tokens, home));
        settings.globalKnownHostsFiles = expanded;
    }
    return settings;
}

} // namespace OpsDeck
