// SPDX-License-Identifier: GPL-3.0-or-later
// The resolutions expected here were cross-checked with OpenSSH 9.2's `ssh -G -F FILE ALIAS`
// (the Include made absolute, ~ being /root there instead of /home/tester), and the refused
// lines of config-broken with the errors `ssh -G` prints for them.
#include "models/openssh/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

using FileMap = QHash<QString, QByteArray>;

QString dataDirectory()
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/ssh");
}

QString dataFile(const QString &relative)
{
    return dataDirectory() + u'/' + relative;
}

// A user "tester" on "workstation.example.org" whose ~/.ssh is tests/data/ssh.
SshConfigEnvironment testEnvironment()
{
    SshConfigEnvironment environment;
    environment.homeDirectory = u"/home/tester"_s;
    environment.sshDirectory = dataDirectory();
    environment.localUser = u"tester"_s;
    environment.localHostName = u"workstation.example.org"_s;
    return environment;
}

// Files kept in memory; Include patterns are matched against their paths like glob(3).
SshConfigEnvironment memoryEnvironment(const FileMap &files, QStringList *requested = nullptr)
{
    SshConfigEnvironment environment = testEnvironment();
    environment.sshDirectory = u"/home/tester/.ssh"_s;
    environment.resolveInclude = [files, requested](const QString &pattern) {
        if (requested)
            requested->append(pattern);
        QStringList paths;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(pattern));
            if (glob.match(it.key()).hasMatch())
                paths.append(it.key());
        }
        std::sort(paths.begin(), paths.end());
        QList<SshConfigFile> found;
        for (const QString &path : std::as_const(paths)) {
            if (files.value(path) == "<unreadable>")
                found.append({path, {}, u"Permission denied"_s});
            else
                found.append({path, files.value(path), {}});
        }
        return found;
    };
    return environment;
}

const SshConfig &sample()
{
    static const SshConfig config = SshConfig::load(dataFile(u"config"_s), testEnvironment());
    return config;
}

// The diagnostics as "file:line:column: severity: message" with the data directory cut off.
QStringList render(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        QString line = diagnostic.toString();
        if (line.startsWith(dataDirectory() + u'/'))
            line.remove(0, dataDirectory().size() + 1);
        lines.append(line);
    }
    return lines;
}

QStringList optionsText(const QList<SshConfigOption> &options)
{
    QStringList text;
    for (const SshConfigOption &option : options)
        text.append(option.keyword + u' ' + option.values.join(u' '));
    return text;
}

} // namespace

class SshConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleResolution_data();
    void sampleResolution();
    void sampleDetails();
    void sampleDiagnosticsAndFiles();
    void listedHostAliases_data();
    void listedHostAliases();
    void brokenLines();
    void crlf();
    void lineForms_data();
    void lineForms();
    void includes_data();
    void includes();
    void includeLoopOnDisk();
    void includeDepthLimit();
    void includePaths();
    void includeFileLimit();
    void valueErrors_data();
    void valueErrors();
    void tokens();
    void hostKeyOptions();
    void matchBlocks_data();
    void matchBlocks();
    void hostKeyOptionErrors_data();
    void hostKeyOptionErrors();
    void proxies_data();
    void proxies();
    void times_data();
    void times();
    void defaults();
    void diskGlob();
    void missingFileIsEmpty();
    void garbageNeverCrashes();
};

void SshConfigTest::sampleResolution_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("proxyJump");
    QTest::addColumn<QStringList>("identityFiles");

    const QStringList gateway{u"gateway.example.com"_s};
    const QString defaultKey = u"/home/tester/.ssh/id_ed25519"_s;
    QTest::addRow("values from two blocks, first wins")
        << u"bastion"_s << u"bastion.example.com"_s << u"ops"_s << 2201 << gateway
        << QStringList{u"/home/tester/.ssh/id_bastion"_s, defaultKey};
    QTest::addRow("two patterns, %%h, Key=value")
        << u"web-1"_s << u"web-1.internal.example.com"_s << u"deploy"_s << 22
        << QStringList{u"bastion"_s} << QStringList{defaultKey};
    QTest::addRow("second pattern") << u"web-2"_s << u"web-2.internal.example.com"_s << u"deploy"_s
                                    << 22 << QStringList{u"bastion"_s} << QStringList{defaultKey};
    QTest::addRow("jump chain, quoted and expanded identity files")
        << u"db-primary"_s << u"10.0.0.5"_s << u"fallback"_s << 22
        << QStringList{u"ops@bastion:2201"_s, u"jump2.example.com"_s}
        << QStringList{u"/home/tester/.ssh/keys/db key"_s,
                       u"/home/tester/.ssh/id_10.0.0.5_fallback_22"_s, defaultKey};
    QTest::addRow("keywords in any case, host name lower-cased")
        << u"LEGACY"_s << u"legacy.example.com"_s << u"fallback"_s << 2222 << gateway
        << QStringList{defaultKey};
    QTest::addRow("Host patterns are case-sensitive")
        << u"legacy"_s << u"legacy"_s << u"fallback"_s << 22 << gateway << QStringList{defaultKey};
    QTest::addRow("wildcard, ProxyJump none wins")
        << u"app.prod"_s << u"app.prod"_s << u"produser"_s << 22 << QStringList{}
        << QStringList{defaultKey};
    QTest::addRow("negated pattern") << u"canary.prod"_s << u"canary.prod"_s << u"fallback"_s << 22
                                     << gateway << QStringList{defaultKey};
    QTest::addRow("Match host block") << u"x.staging"_s << u"x.staging"_s << u"staging-user"_s << 22
                                      << gateway << QStringList{defaultKey};
    QTest::addRow("from an included file") << u"build"_s << u"build.example.com"_s << u"fallback"_s
                                           << 2022 << gateway << QStringList{defaultKey};
    QTest::addRow("wildcard in an included file")
        << u"team-a"_s << u"team-a"_s << u"team"_s << 22 << gateway << QStringList{defaultKey};
    QTest::addRow("second included file")
        << u"files.example.com"_s << u"files.example.com"_s << u"files"_s << 2200 << gateway
        << QStringList{defaultKey};
    QTest::addRow("only Host *") << u"Other.Host"_s << u"other.host"_s << u"fallback"_s << 22
                                 << gateway << QStringList{defaultKey};
}

void SshConfigTest::sampleResolution()
{
    QFETCH(QString, alias);
    QFETCH(QString, hostName);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QStringList, proxyJump);
    QFETCH(QStringList, identityFiles);
    const SshHostSettings settings = sample().resolve(alias);
    QCOMPARE(settings.alias, alias);
    QCOMPARE(settings.hostName, hostName);
    QCOMPARE(settings.user, user);
    QCOMPARE(settings.port, port);
    QCOMPARE(settings.proxyJump, proxyJump);
    QCOMPARE(settings.identityFiles, identityFiles);
}

void SshConfigTest::sampleDetails()
{
    const SshHostSettings legacy = sample().resolve(u"LEGACY"_s);
    QCOMPARE(legacy.strictHostKeyChecking, SshStrictHostKeyChecking::AcceptNew);
    QCOMPARE(legacy.userKnownHostsFiles, (QStringList{u"/home/tester/.ssh/known_hosts.legacy"_s,
                                                      u"/etc/ssh/legacy_known_hosts"_s}));
    QCOMPARE(legacy.connectTimeoutSeconds, 90); // 1m30s
    QCOMPARE(legacy.serverAliveIntervalSeconds, 15);
    QCOMPARE(legacy.identitiesOnly, std::nullopt);
    QCOMPARE(optionsText(legacy.otherOptions),
             QStringList{u"kexalgorithms +diffie-hellman-group14-sha1"_s});
    QCOMPARE(legacy.otherOptions[0].file, dataFile(u"config"_s));
    QCOMPARE(legacy.otherOptions[0].line, 32);

    const SshHostSettings db = sample().resolve(u"db-primary"_s);
    QCOMPARE(db.identitiesOnly, true);
    QCOMPARE(db.strictHostKeyChecking, std::nullopt);
    QCOMPARE(db.userKnownHostsFiles, std::nullopt);
    QCOMPARE(db.connectTimeoutSeconds, 10);
    QCOMPARE(db.serverAliveIntervalSeconds, 60);
    // LocalForward accumulates like IdentityFile; the comment after a value is no value.
    QCOMPARE(optionsText(db.otherOptions),
             (QStringList{u"forwardagent yes"_s, u"localforward 5432 localhost:5432"_s,
                          u"localforward 6432 localhost:6432"_s}));
}

void SshConfigTest::sampleDiagnosticsAndFiles()
{
    QCOMPARE(render(sample().diagnostics()), QStringList{});
    QCOMPARE(sample().files(),
             (QStringList{dataFile(u"config"_s), dataFile(u"config.d/10-team.conf"_s),
                          dataFile(u"config.d/20-files.conf"_s)}));
}

void SshConfigTest::listedHostAliases_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("aliases");

    QTest::addRow("plain") << QByteArray("Host a b\nHost c\n")
                           << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::addRow("wildcards and negations are no hosts")
        << QByteArray("Host *.prod !canary.prod web? db-1\nHost *\n") << QStringList{u"db-1"_s};
    QTest::addRow("a name its own line negates")
        << QByteArray("Host x !x\nHost y\n") << QStringList{u"y"_s};
    QTest::addRow("duplicates once")
        << QByteArray("Host a\nHost b a\n") << QStringList{u"a"_s, u"b"_s};
    QTest::addRow("Match is no Host")
        << QByteArray("Match host m\nHost h\n") << QStringList{u"h"_s};
    QTest::addRow("none") << QByteArray("User x\n") << QStringList{};
}

void SshConfigTest::listedHostAliases()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, aliases);
    QCOMPARE(SshConfig::parse(text, u"config"_s, testEnvironment()).listedHostAliases(), aliases);
}

void SshConfigTest::brokenLines()
{
    const SshConfig config = SshConfig::load(dataFile(u"config-broken"_s), testEnvironment());
    QCOMPARE(render(config.diagnostics()),
             (QStringList{
                 u"config-broken:3:10: error: 'Port' must be a port number from 1 to 65535, found "
                 "'0'"_s,
                 u"config-broken:4:10: error: 'Port' must be a port number from 1 to 65535, found "
                 "'70000'"_s,
                 u"config-broken:5:10: error: 'Port' must be a port number from 1 to 65535, found "
                 "'twenty-two'"_s,
                 u"config-broken:6:5: error: missing value after 'Port'"_s,
                 u"config-broken:7:13: error: 'Port' takes a single value; '23' is one too many"_s,
                 u"config-broken:8:10: error: unterminated quote in the value of 'User'"_s,
                 u"config-broken:9:20: error: 'IdentitiesOnly' must be yes or no, found "
                 "'maybe'"_s,
                 u"config-broken:10:20: error: 'ConnectTimeout' must be a time such as 30, 30s, "
                 "5m or 1h30m, found 'soon'"_s,
                 u"config-broken:11:27: error: 'StrictHostKeyChecking' must be one of yes, no, "
                 "ask, accept-new, off, found 'sometimes'"_s,
                 u"config-broken:12:17: error: invalid hop '' in 'ProxyJump'; expected "
                 "[user@]host[:port]"_s,
                 u"config-broken:13:15: error: invalid hop 'bastion:99999' in 'ProxyJump'; "
                 "expected [user@]host[:port]"_s,
                 u"config-broken:14:18: error: unknown token '%z' in the value of "
                 "'IdentityFile'"_s,
                 u"config-broken:15:14: error: unknown token '%d' in the value of 'HostName'"_s,
                 u"config-broken:16:10: error: 'Port' must be a port number from 1 to 65535, found "
                 "'=22'"_s,
                 u"config-broken:17:1: error: expected a keyword before '='"_s,
                 u"config-broken:18:6: error: empty pattern in 'Host'"_s,
             }));
    for (const Diagnostic &diagnostic : config.diagnostics())
        QCOMPARE(diagnostic.file, dataFile(u"config-broken"_s));
    // Refused lines are skipped, so the later good one counts; nothing leaks out of the broken
    // Host line; "Match all" applies to every host.
    const SshHostSettings broken = config.resolve(u"broken"_s);
    QCOMPARE(broken.port, 2022);
    QCOMPARE(broken.user, u"in-match"_s);
    QCOMPARE(broken.hostName, u"broken"_s);
    QVERIFY(broken.proxyJump.isEmpty());
    QVERIFY(broken.identityFiles.isEmpty());
    QCOMPARE(config.resolve(u"other"_s).user, u"in-match"_s);
}

void SshConfigTest::crlf()
{
    const SshConfig config = SshConfig::load(dataFile(u"config-crlf"_s), testEnvironment());
    QCOMPARE(render(config.diagnostics()), QStringList{});
    const SshHostSettings settings = config.resolve(u"crlf"_s);
    QCOMPARE(settings.hostName, u"crlf.example.com"_s);
    QCOMPARE(settings.user, u"Carol Smith"_s);
    QCOMPARE(settings.port, 2022);
    QCOMPARE(settings.identityFiles, QStringList{u"/home/tester/.ssh/id_crlf"_s});
}

void SshConfigTest::lineForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("user");

    QTest::addRow("Key value") << QByteArray("User alice\n") << u"alice"_s;
    QTest::addRow("Key=value") << QByteArray("User=alice\n") << u"alice"_s;
    QTest::addRow("Key = value") << QByteArray("User = alice\n") << u"alice"_s;
    QTest::addRow("Key =value") << QByteArray("User =alice\n") << u"alice"_s;
    QTest::addRow("tabs and indentation") << QByteArray("\t  USER\t\talice  \t\n") << u"alice"_s;
    QTest::addRow("double quotes") << QByteArray("User \"alice smith\"\n") << u"alice smith"_s;
    QTest::addRow("single quotes") << QByteArray("User 'alice smith'\n") << u"alice smith"_s;
    QTest::addRow("quotes inside a value")
        << QByteArray("User al\"ice sm\"ith\n") << u"alice smith"_s;
    QTest::addRow("escaped quote") << QByteArray("User al\\\"ice\n") << u"al\"ice"_s;
    QTest::addRow("escaped space") << QByteArray("User alice\\ smith\n") << u"alice smith"_s;
    QTest::addRow("other backslashes stay") << QByteArray("User a\\b\n") << u"a\\b"_s;
    QTest::addRow("comment after the value")
        << QByteArray("User alice # the admin\n") << u"alice"_s;
    QTest::addRow("hash inside a value") << QByteArray("User al#ice\n") << u"al#ice"_s;
    QTest::addRow("hash inside quotes")
        << QByteArray("User \"# not a comment\"\n") << u"# not a comment"_s;
    QTest::addRow("commented out") << QByteArray("# User bob\nUser alice\n") << u"alice"_s;
    QTest::addRow("first value wins") << QByteArray("User alice\nUser bob\n") << u"alice"_s;
    QTest::addRow("CRLF") << QByteArray("User alice\r\n") << u"alice"_s;
    QTest::addRow("form feed at the end") << QByteArray("User alice\f\n") << u"alice"_s;
    QTest::addRow("no final newline") << QByteArray("User alice") << u"alice"_s;
    QTest::addRow("UTF-8") << QByteArray("User J\xc3\xbcrgen\n") << u"J\u00fcrgen"_s;
}

void SshConfigTest::lineForms()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, user);
    const SshConfig config = SshConfig::parse(text, u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), QStringList{});
    QCOMPARE(config.resolve(u"any"_s).user, user);
}

void SshConfigTest::includes_data()
{
    QTest::addColumn<QByteArray>("main");
    QTest::addColumn<FileMap>("files");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("diagnostics");

    // ssh -G: the included lines count only where the Include line does, and Host lines
    // inside an included file end with that file.
    const FileMap conditional{
        {u"/home/tester/.ssh/inc/1.conf"_s, "User fromone\nHost b\n  Port 1111\n"},
        {u"/home/tester/.ssh/inc/2.conf"_s, "Port 2222\n"}};
    const QByteArray conditionalMain = "Host a\n  Include inc/*.conf\nHost *\n  User fallback\n";
    QTest::addRow("include inside a Host block, matching")
        << conditionalMain << conditional << u"a"_s << u"fromone"_s << 2222 << QStringList{};
    QTest::addRow("include inside a Host block, not matching")
        << conditionalMain << conditional << u"b"_s << u"fallback"_s << 22 << QStringList{};
    QTest::addRow("include before the first Host")
        << QByteArray("Include x\nUser later\n")
        << FileMap{{u"/home/tester/.ssh/x"_s, "User first\n"}} << u"h"_s << u"first"_s << 22
        << QStringList{};
    QTest::addRow("file including itself")
        << QByteArray("Include x\n") << FileMap{{u"/home/tester/.ssh/x"_s, "Include x\nUser x\n"}}
        << u"h"_s << u"x"_s << 22
        << QStringList{u"/home/tester/.ssh/x:1:9: error: Include loop: '/home/tester/.ssh/x' is "
                       "already being read"_s};
    QTest::addRow("glob matching its own file")
        << QByteArray("Include *.conf\nUser main\n")
        << FileMap{{u"/home/tester/.ssh/a.conf"_s, "Include *.conf\nPort 2\n"},
                   {u"/home/tester/.ssh/b.conf"_s, "Port 3\n"}}
        << u"h"_s << u"main"_s << 3
        << QStringList{u"/home/tester/.ssh/a.conf:1:9: error: Include loop: "
                       "'/home/tester/.ssh/a.conf' is already being read"_s};
    QTest::addRow("main file in the loop")
        << QByteArray("Include a\n")
        << FileMap{{u"/home/tester/.ssh/a"_s, "Include config\nPort 2\n"},
                   {u"/home/tester/.ssh/config"_s, "User never\n"}}
        << u"h"_s << QString() << 2
        << QStringList{u"/home/tester/.ssh/a:1:9: error: Include loop: '/home/tester/.ssh/config' "
                       "is already being read"_s};
    QTest::addRow("missing file")
        << QByteArray("Include nothing-here\nUser u\n") << FileMap{} << u"h"_s << u"u"_s << 22
        << QStringList{u"/home/tester/.ssh/config:1:9: warning: the included file "
                       "'/home/tester/.ssh/nothing-here' does not exist"_s};
    QTest::addRow("glob matching nothing is fine")
        << QByteArray("Include conf.d/*\nUser u\n") << FileMap{} << u"h"_s << u"u"_s << 22
        << QStringList{};
    QTest::addRow("unreadable file")
        << QByteArray("Include secret\nUser u\n")
        << FileMap{{u"/home/tester/.ssh/secret"_s, "<unreadable>"}} << u"h"_s << u"u"_s << 22
        << QStringList{u"/home/tester/.ssh/config:1:9: error: cannot read the included file "
                       "'/home/tester/.ssh/secret': Permission denied"_s};
    QTest::addRow("Include inside Match all")
        << QByteArray("Match all\nInclude x\n") << FileMap{{u"/home/tester/.ssh/x"_s, "User x\n"}}
        << u"h"_s << u"x"_s << 22 << QStringList{};
    QTest::addRow("Include inside a Match that does not apply")
        << QByteArray("Match host other\nInclude x\n")
        << FileMap{{u"/home/tester/.ssh/x"_s, "User x\n"}} << u"h"_s << QString() << 22
        << QStringList{};
    QTest::addRow("Match in an included file ends with it")
        << QByteArray("Include x\nUser after\n")
        << FileMap{{u"/home/tester/.ssh/x"_s, "Match user nobody-such\nUser x\n"}} << u"h"_s
        << u"after"_s << 22 << QStringList{};
}

void SshConfigTest::includes()
{
    QFETCH(QByteArray, main);
    QFETCH(FileMap, files);
    QFETCH(QString, alias);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QStringList, diagnostics);
    const SshConfig config =
        SshConfig::parse(main, u"/home/tester/.ssh/config"_s, memoryEnvironment(files));
    QCOMPARE(render(config.diagnostics()), diagnostics);
    const SshHostSettings settings = config.resolve(alias);
    QCOMPARE(settings.user, user);
    QCOMPARE(settings.port, port);
}

void SshConfigTest::includeLoopOnDisk()
{
    const SshConfig config = SshConfig::load(dataFile(u"include-loop/a.conf"_s), testEnvironment());
    QCOMPARE(render(config.diagnostics()),
             QStringList{u"include-loop/b.conf:2:9: error: Include loop: '%1' is already being "
                         "read"_s.arg(dataFile(u"include-loop/a.conf"_s))});
    QCOMPARE(config.files(),
             (QStringList{dataFile(u"include-loop/a.conf"_s), dataFile(u"include-loop/b.conf"_s)}));
    const SshHostSettings settings = config.resolve(u"h"_s);
    QCOMPARE(settings.user, u"loop-a"_s);
    QCOMPARE(settings.port, 2345);
}

void SshConfigTest::includeDepthLimit()
{
    // f1 includes f2 includes ... f20: like ssh, at most 16 levels below the main file.
    FileMap files;
    for (int i = 1; i <= 20; ++i) {
        files.insert(u"/home/tester/.ssh/f%1"_s.arg(i),
                     "Include f" + QByteArray::number(i + 1) +
                         "\nSetEnv LEVEL=" + QByteArray::number(i) + '\n');
    }
    const SshConfig config =
        SshConfig::parse("Include f1\n", u"/home/tester/.ssh/config"_s, memoryEnvironment(files));
    QCOMPARE(render(config.diagnostics()),
             QStringList{u"/home/tester/.ssh/f16:1:9: error: Include nested more than 16 levels "
                         "deep; '/home/tester/.ssh/f17' is not read"_s});
    QCOMPARE(config.files().size(), 17);
    // The deepest file read comes first, so its value wins.
    QCOMPARE(optionsText(config.resolve(u"h"_s).otherOptions), QStringList{u"setenv LEVEL=16"_s});
}

void SshConfigTest::includePaths()
{
    QStringList requested;
    const SshConfig config =
        SshConfig::parse("Include relative/*.conf ~/home.conf ~ /etc/ssh/absolute.conf\n",
                         u"/home/tester/.ssh/config"_s, memoryEnvironment({}, &requested));
    QCOMPARE(requested,
             (QStringList{u"/home/tester/.ssh/relative/*.conf"_s, u"/home/tester/home.conf"_s,
                          u"/home/tester"_s, u"/etc/ssh/absolute.conf"_s}));
    QCOMPARE(config.diagnostics().size(), 3); // the three missing files without a wildcard
}

void SshConfigTest::includeFileLimit()
{
    FileMap files;
    for (int i = 0; i < 300; ++i)
        files.insert(u"/home/tester/.ssh/f%1"_s.arg(i, 3, 10, QChar(u'0')), "Port 2200\n");
    const SshConfig config =
        SshConfig::parse("Include f*\n", u"/home/tester/.ssh/config"_s, memoryEnvironment(files));
    QCOMPARE(render(config.diagnostics()),
             QStringList{u"/home/tester/.ssh/config:1:9: error: too many included files (at most "
                         "256); '/home/tester/.ssh/f255' is not read"_s});
    QCOMPARE(config.files().size(), SshConfig::MaximumFiles);
}

void SshConfigTest::valueErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("diagnostic");

    QTest::addRow("lone percent")
        << QByteArray("IdentityFile id_%\n")
        << u"config:1:14: error: '%' at the end of the value of 'IdentityFile'; write '%%' for a "
           "percent sign"_s;
    QTest::addRow("unknown token")
        << QByteArray("UserKnownHostsFile kh_%q\n")
        << u"config:1:20: error: unknown token '%q' in the value of 'UserKnownHostsFile'"_s;
    QTest::addRow("empty known hosts file")
        << QByteArray("UserKnownHostsFile a \"\"\n")
        << u"config:1:22: error: empty file name in 'UserKnownHostsFile'"_s;
    QTest::addRow("empty include")
        << QByteArray("Include \"\"\n") << u"config:1:9: error: empty file name in 'Include'"_s;
    QTest::addRow("lone negation")
        << QByteArray("Host a !\n") << u"config:1:8: error: empty pattern in 'Host'"_s;
    QTest::addRow("empty quoted value")
        << QByteArray("  User \"\"\n") << u"config:1:3: error: missing value after 'User'"_s;
    QTest::addRow("only a comment")
        << QByteArray("Port # none\n") << u"config:1:1: error: missing value after 'Port'"_s;
    QTest::addRow("unknown keyword without value")
        << QByteArray("Frobnicate\n") << u"config:1:1: error: missing value after 'Frobnicate'"_s;
    QTest::addRow("quote in an unknown keyword's value")
        << QByteArray("Frobnicate 'x\n")
        << u"config:1:12: error: unterminated quote in the value of 'Frobnicate'"_s;
}

void SshConfigTest::valueErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, diagnostic);
    const SshConfig config = SshConfig::parse(text, u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), QStringList{diagnostic});
}

void SshConfigTest::tokens()
{
    const SshConfig config =
        SshConfig::parse("Host h1\n"
                         "  HostName %h.Example.COM\n"
                         "  User Remote\n"
                         "  Port 2200\n"
                         "  IdentityFile ~\n"
                         "  IdentityFile ~/keys/%d|%u|%h|%r|%p|%n|%l|%L|%j|%%\n"
                         "  IdentityFile /keys/%C\n"
                         "  UserKnownHostsFile ~/.ssh/kh_%h_%p none-is-a-name-here\n"
                         "  ProxyJump jump\n"
                         "Host h2\n"
                         "  UserKnownHostsFile none\n"
                         "  IdentityFile id_%r\n",
                         u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()),
             QStringList{u"config:7:16: warning: OpsDeck does not expand '%C' in 'IdentityFile'; "
                         "it is left as it is"_s});
    const SshHostSettings h1 = config.resolve(u"h1"_s);
    QCOMPARE(h1.hostName, u"h1.example.com"_s);
    QCOMPARE(h1.identityFiles,
             (QStringList{u"/home/tester"_s,
                          u"/home/tester/keys//home/tester|tester|h1.example.com|Remote|2200|h1|"
                          "workstation.example.org|workstation|jump|%"_s,
                          u"/keys/%C"_s}));
    QCOMPARE(h1.userKnownHostsFiles, (QStringList{u"/home/tester/.ssh/kh_h1.example.com_2200"_s,
                                                  u"none-is-a-name-here"_s}));
    const SshHostSettings h2 = config.resolve(u"h2"_s);
    QCOMPARE(h2.userKnownHostsFiles, QStringList{});         // "none": no file at all
    QCOMPARE(h2.identityFiles, QStringList{u"id_tester"_s}); // %r: the local user by default
}

void SshConfigTest::hostKeyOptions()
{
    const SshConfig config =
        SshConfig::parse("Host db-*\n"
                         "  HostKeyAlias DB-Cluster\n"
                         "  GlobalKnownHostsFile /etc/opsdeck/known_hosts ~/shared/%h_%u\n"
                         "  StrictHostKeyChecking accept-new\n"
                         "Host db-2\n"
                         "  HostKeyAlias ignored-first-wins\n"
                         "  StrictHostKeyChecking yes\n"
                         "Host lab\n"
                         "  GlobalKnownHostsFile none\n"
                         "  StrictHostKeyChecking off\n"
                         "Host *\n"
                         "  UserKnownHostsFile ~/.ssh/known_hosts ~/.ssh/team_%d\n"
                         "  StrictHostKeyChecking ask\n",
                         u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), QStringList{});
    const SshHostSettings db = config.resolve(u"db-2"_s);
    QCOMPARE(db.hostKeyAlias, u"db-cluster"_s); // looked up like any host name: lower case
    QCOMPARE(db.globalKnownHostsFiles,
             (QStringList{u"/etc/opsdeck/known_hosts"_s, u"/home/tester/shared/db-2_tester"_s}));
    QCOMPARE(db.strictHostKeyChecking, SshStrictHostKeyChecking::AcceptNew);
    QCOMPARE(db.userKnownHostsFiles, (QStringList{u"/home/tester/.ssh/known_hosts"_s,
                                                  u"/home/tester/.ssh/team_/home/tester"_s}));
    const SshHostSettings lab = config.resolve(u"lab"_s);
    QCOMPARE(lab.hostKeyAlias, QString());
    QCOMPARE(lab.globalKnownHostsFiles, QStringList{}); // "none"
    QCOMPARE(lab.strictHostKeyChecking, SshStrictHostKeyChecking::No);
    const SshHostSettings other = config.resolve(u"web"_s);
    QCOMPARE(other.globalKnownHostsFiles, std::nullopt);
    QCOMPARE(other.strictHostKeyChecking, SshStrictHostKeyChecking::Ask);
    // Known to the reader, so not among the others.
    QCOMPARE(optionsText(db.otherOptions), QStringList{});
}

void SshConfigTest::matchBlocks_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("strictness"); // what applies; empty: not set
    QTest::addColumn<QStringList>("diagnostics");

    // What `ssh -G ALIAS` says for StrictHostKeyChecking with these files.
    const QByteArray hosts = "Host s1\n  HostName s1.Staging.example.com\n  User deploy\n";
    QTest::addRow("host: the HostName set before")
        << hosts + "Match host *.staging.example.com\n  StrictHostKeyChecking yes\n"
        << u"s1"_s << u"yes"_s << QStringList{};
    QTest::addRow("host: the alias without a HostName")
        << QByteArray("Match host web-*\n  StrictHostKeyChecking yes\n") << u"web-1"_s << u"yes"_s
        << QStringList{};
    QTest::addRow("host: a HostName set after the Match does not count")
        << QByteArray("Match host *.example.com\n  StrictHostKeyChecking yes\nHost s1\n"
                      "  HostName s1.example.com\n")
        << u"s1"_s << QString() << QStringList{};
    QTest::addRow("host: list with a negation")
        << QByteArray("Match host *.example.com,!canary.example.com\n"
                      "  StrictHostKeyChecking yes\n")
        << u"canary.example.com"_s << QString() << QStringList{};
    QTest::addRow("!host") << QByteArray("Match !host *.lab\n  StrictHostKeyChecking yes\n")
                           << u"db.prod"_s << u"yes"_s << QStringList{};
    QTest::addRow("originalhost is the alias, not the HostName")
        << hosts + "Match originalhost *.staging.example.com\n  StrictHostKeyChecking yes\n"
        << u"s1"_s << QString() << QStringList{};
    QTest::addRow("user set before")
        << hosts + "Match user deploy\n  StrictHostKeyChecking accept-new\n"
        << u"s1"_s << u"accept-new"_s << QStringList{};
    QTest::addRow("user: the local one without User")
        << QByteArray("Match user tester\n  StrictHostKeyChecking accept-new\n") << u"h"_s
        << u"accept-new"_s << QStringList{};
    QTest::addRow("localuser") << QByteArray("Match localuser root,tester\n"
                                             "  StrictHostKeyChecking no\n")
                               << u"h"_s << u"no"_s << QStringList{};
    QTest::addRow("all criteria must match")
        << hosts + "Match host *.staging.example.com user other\n  StrictHostKeyChecking yes\n"
        << u"s1"_s << QString() << QStringList{};
    QTest::addRow("a Match block ends at the next Host")
        << QByteArray("Match host nothing\nHost *\n  StrictHostKeyChecking ask\n") << u"h"_s
        << u"ask"_s << QStringList{};
    QTest::addRow("exec is not run")
        << QByteArray("Match exec \"touch /tmp/opsdeck-must-not-exist\"\n"
                      "  StrictHostKeyChecking no\n")
        << u"h"_s << QString()
        << QStringList{u"config:1:1: warning: OpsDeck does not evaluate 'Match exec'; the block "
                       "is ignored"_s};
    QTest::addRow("final")
        << QByteArray("Match final host h\n  StrictHostKeyChecking no\n") << u"h"_s << QString()
        << QStringList{u"config:1:1: warning: OpsDeck does not evaluate 'Match final'; the block "
                       "is ignored"_s};
    QTest::addRow("unknown criterion")
        << QByteArray("Match frobnicate x\n  StrictHostKeyChecking no\n") << u"h"_s << QString()
        << QStringList{u"config:1:7: error: unknown Match criterion 'frobnicate'"_s};
    QTest::addRow("criterion without its value")
        << QByteArray("Match host\n  StrictHostKeyChecking no\n") << u"h"_s << QString()
        << QStringList{u"config:1:7: error: 'Match host' needs a value"_s};
    QTest::addRow("all with others")
        << QByteArray("Match all host h\n  StrictHostKeyChecking no\n") << u"h"_s << QString()
        << QStringList{u"config:1:1: error: 'Match all' cannot be combined with other "
                       "criteria"_s};
    QTest::addRow("Match without criteria")
        << QByteArray("Match\n  StrictHostKeyChecking no\n") << u"h"_s << QString()
        << QStringList{u"config:1:1: error: missing value after 'Match'"_s};
}

void SshConfigTest::matchBlocks()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, alias);
    QFETCH(QString, strictness);
    QFETCH(QStringList, diagnostics);
    const SshConfig config = SshConfig::parse(text, u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), diagnostics);
    const std::optional<SshStrictHostKeyChecking> applied =
        config.resolve(alias).strictHostKeyChecking;
    const QHash<QString, SshStrictHostKeyChecking> names{
        {u"yes"_s, SshStrictHostKeyChecking::Yes},
        {u"no"_s, SshStrictHostKeyChecking::No},
        {u"ask"_s, SshStrictHostKeyChecking::Ask},
        {u"accept-new"_s, SshStrictHostKeyChecking::AcceptNew}};
    if (strictness.isEmpty())
        QCOMPARE(applied, std::nullopt);
    else
        QCOMPARE(applied, names.value(strictness));
    QVERIFY(!QFileInfo::exists(u"/tmp/opsdeck-must-not-exist"_s));
}

void SshConfigTest::hostKeyOptionErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("diagnostic");

    QTest::addRow("alias with a comma")
        << QByteArray("HostKeyAlias a,b\n")
        << u"config:1:14: error: 'HostKeyAlias' must be a single name without blanks or commas, "
           "found 'a,b'"_s;
    QTest::addRow("alias that is a marker")
        << QByteArray("HostKeyAlias @revoked\n")
        << u"config:1:14: error: 'HostKeyAlias' must be a name that does not start with @, |, ! "
           "or #, found '@revoked'"_s;
    QTest::addRow("two aliases")
        << QByteArray("HostKeyAlias a b\n")
        << u"config:1:16: error: 'HostKeyAlias' takes a single value; 'b' is one too many"_s;
    QTest::addRow("empty global file")
        << QByteArray("GlobalKnownHostsFile \"\"\n")
        << u"config:1:22: error: empty file name in 'GlobalKnownHostsFile'"_s;
    QTest::addRow("unknown token in a global file")
        << QByteArray("GlobalKnownHostsFile /etc/%q\n")
        << u"config:1:22: error: unknown token '%q' in the value of 'GlobalKnownHostsFile'"_s;
    QTest::addRow("strictness misspelt")
        << QByteArray("StrictHostKeyChecking accept_new\n")
        << u"config:1:23: error: 'StrictHostKeyChecking' must be one of yes, no, ask, accept-new, "
           "off, found 'accept_new'"_s;
}

void SshConfigTest::hostKeyOptionErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, diagnostic);
    const SshConfig config = SshConfig::parse(text, u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), QStringList{diagnostic});
    // The line is skipped: nothing is set from it.
    const SshHostSettings settings = config.resolve(u"any"_s);
    QCOMPARE(settings.hostKeyAlias, QString());
    QCOMPARE(settings.globalKnownHostsFiles, std::nullopt);
    QCOMPARE(settings.strictHostKeyChecking, std::nullopt);
}

void SshConfigTest::proxies_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("proxyJump");
    QTest::addColumn<QString>("proxyCommand");
    QTest::addColumn<QStringList>("diagnostics");

    QTest::addRow("chain") << QByteArray("ProxyJump a,u@b:2200,ssh://c:2201,[::1]:2202\n")
                           << QStringList{u"a"_s, u"u@b:2200"_s, u"ssh://c:2201"_s, u"[::1]:2202"_s}
                           << QString() << QStringList{};
    QTest::addRow("none first") << QByteArray("ProxyJump none\nProxyJump a\n") << QStringList{}
                                << QString() << QStringList{};
    QTest::addRow("NONE") << QByteArray("ProxyJump NONE\n") << QStringList{} << QString()
                          << QStringList{};
    QTest::addRow("ProxyCommand first")
        << QByteArray("ProxyCommand nc -X connect %h %p\nProxyJump a\n") << QStringList{}
        << u"nc -X connect %h %p"_s << QStringList{};
    QTest::addRow("ProxyJump first") << QByteArray("ProxyJump a\nProxyCommand nc %h %p\n")
                                     << QStringList{u"a"_s} << QString() << QStringList{};
    QTest::addRow("ProxyCommand none") << QByteArray("ProxyCommand none\nProxyJump a\n")
                                       << QStringList{} << QString() << QStringList{};
    QTest::addRow("empty hop") << QByteArray("ProxyJump a,\n") << QStringList{} << QString()
                               << QStringList{u"config:1:13: error: invalid hop '' in "
                                              "'ProxyJump'; expected [user@]host[:port]"_s};
    QTest::addRow("empty user") << QByteArray("ProxyJump @b\n") << QStringList{} << QString()
                                << QStringList{u"config:1:11: error: invalid hop '@b' in "
                                               "'ProxyJump'; expected [user@]host[:port]"_s};
    QTest::addRow("two values") << QByteArray("ProxyJump a b\n") << QStringList{} << QString()
                                << QStringList{u"config:1:13: error: 'ProxyJump' takes a single "
                                               "value; 'b' is one too many"_s};
}

void SshConfigTest::proxies()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, proxyJump);
    QFETCH(QString, proxyCommand);
    QFETCH(QStringList, diagnostics);
    const SshConfig config = SshConfig::parse(text, u"config"_s, testEnvironment());
    QCOMPARE(render(config.diagnostics()), diagnostics);
    const SshHostSettings settings = config.resolve(u"h"_s);
    QCOMPARE(settings.proxyJump, proxyJump);
    QCOMPARE(settings.proxyCommand, proxyCommand);
}

void SshConfigTest::times_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds"); // -1: refused

    QTest::addRow("seconds") << QByteArray("30") << 30;
    QTest::addRow("unit s") << QByteArray("30s") << 30;
    QTest::addRow("minutes and seconds") << QByteArray("1m30s") << 90;
    QTest::addRow("upper-case units") << QByteArray("1H1M") << 3660;
    QTest::addRow("trailing seconds") << QByteArray("1m5") << 65;
    QTest::addRow("a week") << QByteArray("1w") << 604800;
    QTest::addRow("zero") << QByteArray("0") << 0;
    QTest::addRow("none") << QByteArray("none") << 0;
    QTest::addRow("unknown unit") << QByteArray("5y") << -1;
    QTest::addRow("unit first") << QByteArray("m5") << -1;
    QTest::addRow("negative") << QByteArray("-5") << -1;
    QTest::addRow("overflow") << QByteArray("99999999999") << -1;
    QTest::addRow("overflow by units") << QByteArray("4000w") << -1;
}

void SshConfigTest::times()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const SshConfig config =
        SshConfig::parse("ConnectTimeout " + value + "\nServerAliveInterval " + value + '\n',
                         u"config"_s, testEnvironment());
    const SshHostSettings settings = config.resolve(u"h"_s);
    if (seconds < 0) {
        QCOMPARE(config.diagnostics().size(), 2);
        QCOMPARE(settings.connectTimeoutSeconds, std::nullopt);
        QCOMPARE(settings.serverAliveIntervalSeconds, std::nullopt);
    } else {
        QCOMPARE(render(config.diagnostics()), QStringList{});
        QCOMPARE(settings.connectTimeoutSeconds, seconds);
        QCOMPARE(settings.serverAliveIntervalSeconds, seconds);
    }
}

void SshConfigTest::defaults()
{
    const SshConfig empty = SshConfig::parse({}, u"config"_s, testEnvironment());
    QVERIFY(empty.diagnostics().isEmpty());
    QVERIFY(empty.listedHostAliases().isEmpty());
    const SshHostSettings settings = empty.resolve(u"Web-1"_s);
    QCOMPARE(settings.alias, u"Web-1"_s);
    QCOMPARE(settings.hostName, u"web-1"_s);
    QCOMPARE(settings.user, QString());
    QCOMPARE(settings.port, 22);
    QVERIFY(settings.identityFiles.isEmpty());
    QVERIFY(settings.proxyJump.isEmpty());
    QVERIFY(settings.proxyCommand.isEmpty());
    QCOMPARE(settings.identitiesOnly, std::nullopt);
    QCOMPARE(settings.connectTimeoutSeconds, std::nullopt);
    QCOMPARE(settings.serverAliveIntervalSeconds, std::nullopt);
    QCOMPARE(settings.strictHostKeyChecking, std::nullopt);
    QCOMPARE(settings.userKnownHostsFiles, std::nullopt);
    QVERIFY(settings.otherOptions.isEmpty());

    const SshConfig values = SshConfig::parse("StrictHostKeyChecking no\nIdentitiesOnly false\n",
                                              u"config"_s, testEnvironment());
    QCOMPARE(values.resolve(u"h"_s).strictHostKeyChecking, SshStrictHostKeyChecking::No);
    QCOMPARE(values.resolve(u"h"_s).identitiesOnly, false);
}

void SshConfigTest::diskGlob()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = directory.path();
    const auto write = [&](const QString &relative, const QByteArray &text) {
        QDir().mkpath(QFileInfo(root + u'/' + relative).absolutePath());
        QFile file(root + u'/' + relative);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(u"conf.d/b.conf"_s, "User b\n");
    write(u"conf.d/a.conf"_s, "User a\n");
    write(u"conf.d/.hidden.conf"_s, "User hidden\n");
    write(u"conf.d/notes.txt"_s, "User notes\n");
    write(u"team1/x.conf"_s, "Port 2201\n");
    write(u"team2/x.conf"_s, "Port 2202\n");
    QDir().mkpath(root + u"/conf.d/dir.conf"_s);

    const auto paths = [](const QList<SshConfigFile> &files) {
        QStringList list;
        for (const SshConfigFile &file : files)
            list.append(file.path);
        return list;
    };
    QCOMPARE(paths(readSshConfigFiles(root + u"/conf.d/*.conf"_s)),
             (QStringList{root + u"/conf.d/a.conf"_s, root + u"/conf.d/b.conf"_s}));
    QCOMPARE(paths(readSshConfigFiles(root + u"/conf.d/.*.conf"_s)),
             QStringList{root + u"/conf.d/.hidden.conf"_s});
    QCOMPARE(paths(readSshConfigFiles(root + u"/team?/x.conf"_s)),
             (QStringList{root + u"/team1/x.conf"_s, root + u"/team2/x.conf"_s}));
    QCOMPARE(paths(readSshConfigFiles(root + u"/nothing/*.conf"_s)), QStringList{});
    QCOMPARE(paths(readSshConfigFiles(root + u"/conf.d/missing.conf"_s)), QStringList{});
    const QList<SshConfigFile> one = readSshConfigFiles(root + u"/conf.d/a.conf"_s);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one[0].text, "User a\n");
    QVERIFY(one[0].error.isEmpty());

    SshConfigEnvironment environment = testEnvironment();
    environment.sshDirectory = root;
    const SshConfig config =
        SshConfig::parse("Include conf.d/*.conf team*/x.conf\n", u"config"_s, environment);
    QCOMPARE(render(config.diagnostics()), QStringList{});
    QCOMPARE(config.resolve(u"h"_s).user, u"a"_s);
    QCOMPARE(config.resolve(u"h"_s).port, 2201);
}

void SshConfigTest::missingFileIsEmpty()
{
    const SshConfig config = SshConfig::load(u"/nonexistent/ssh_config"_s, testEnvironment());
    QVERIFY(config.diagnostics().isEmpty());
    QVERIFY(config.files().isEmpty());
    QCOMPARE(config.resolve(u"h"_s).hostName, u"h"_s);

    // The default is ~/.ssh/config of the environment.
    SshConfigEnvironment environment = testEnvironment();
    QCOMPARE(SshConfig::load({}, environment).files().value(0), dataFile(u"config"_s));
}

void SshConfigTest::garbageNeverCrashes()
{
    QRandomGenerator generator(20261123);
    for (int round = 0; round < 200; ++round) {
        QByteArray text(generator.bounded(2000), Qt::Uninitialized);
        for (char &byte : text) {
            // Mostly the characters that mean something here, some of anything.
            static const char meaningful[] = "Host Include Port = \"'\\#*?!%\n\t ,@:[]";
            byte = generator.bounded(4) == 0
                       ? char(generator.bounded(256))
                       : meaningful[generator.bounded(int(sizeof meaningful) - 1)];
        }
        const SshConfig config =
            SshConfig::parse(text, u"/home/tester/.ssh/config"_s,
                             memoryEnvironment({{u"/home/tester/.ssh/Port"_s, text}}));
        for (const Diagnostic &diagnostic : config.diagnostics()) {
            QVERIFY(!diagnostic.file.isEmpty());
            QVERIFY(diagnostic.line >= 1);
            QVERIFY(diagnostic.column >= 1);
            QVERIFY(!diagnostic.message.isEmpty());
        }
        for (const QString &alias : config.listedHostAliases()) {
            const SshHostSettings settings = config.resolve(alias);
            QVERIFY(settings.port >= 1 && settings.port <= 65535);
        }
    }
}

QTEST_GUILESS_MAIN(SshConfigTest)
#include "tst_sshconfig.moc"
