// SPDX-License-Identifier: GPL-3.0-or-later
// Host keys checked as OpenSSH checks them, against a real OpenSSH server on loopback: the
// known_hosts files, the ssh_config options that choose them (UserKnownHostsFile,
// GlobalKnownHostsFile, HostKeyAlias, StrictHostKeyChecking), and the errors that must never
// turn into "unknown key, accept it?". And the other half of "bound to where they belong": a
// keychain password goes only to the address it was stored for.
#include "commandtesting.h"
#include "models/openssh/knownhosts.h"
#include "models/remote/hostregistry.h"
#include "models/remote/sshexecutor.h"
#include "models/secrets/credentialstore.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>
#include <sys/stat.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using namespace CommandTesting;

namespace {

using Answer = SshExecutor::HostKeyAnswer;

struct Outcome {
    bool connected = false;
    QString error;
    QList<HostKeyQuestion> asked;
};

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(text), text.size());
}

QByteArray publicKeyFields(const QString &pubFile)
{
    const QList<QByteArray> fields = readFile(pubFile).trimmed().split(' ');
    return fields.value(0) + ' ' + fields.value(1);
}

QByteArray testKey(const QString &name)
{
    return publicKeyFields(QStringLiteral(OPSDECK_TEST_DATA_DIR "/ssh/keys/") + name + u".pub"_s);
}

// Sets HOME for one test: "~" and %d in ssh_config point into the test's directory.
class HomeDirectory
{
public:
    explicit HomeDirectory(const QString &home)
        : m_previous(qgetenv("HOME"))
    {
        qputenv("HOME", QFile::encodeName(home));
    }
    ~HomeDirectory() { qputenv("HOME", m_previous); }
    HomeDirectory(const HomeDirectory &) = delete;
    HomeDirectory &operator=(const HomeDirectory &) = delete;

private:
    QByteArray m_previous;
};

} // namespace

class SshHostKeysTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void userKnownHostsFilePointsElsewhere_data();
    void userKnownHostsFilePointsElsewhere();
    void globalKnownHostsFileVouches_data();
    void globalKnownHostsFileVouches();
    void hostKeyAliasStoresAndLooksUpUnderTheAlias();
    void strictHostKeyChecking_data();
    void strictHostKeyChecking();
    void changedKeyIsRefusedWhateverTheStrictness_data();
    void changedKeyIsRefusedWhateverTheStrictness();
    void unreadableKnownHostsIsAnError_data();
    void unreadableKnownHostsIsAnError();
    void certificateAuthorityIsRefused();
    void revokedKeyIsRefusedWithoutAsking();
    void configurationErrorRefuses();
    void hostBlocksAndFileOrder_data();
    void hostBlocksAndFileOrder();
    void keychainPasswordGoesOnlyToItsAddress_data();
    void keychainPasswordGoesOnlyToItsAddress();

private:
    SshSettings settings() const;
    Outcome connectWith(const SshSettings &settings,
                        std::function<Answer(const HostKeyQuestion &)> answer = {});
    // The fixture's own known_hosts line for the served ed25519 key: "[127.0.0.1]:PORT type key".
    QByteArray trustedLine() const;
    QString path(const QString &name) const { return m_files->filePath(name); }

    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<QTemporaryDir> m_files; // one per test
};

void SshHostKeysTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
}

void SshHostKeysTest::init()
{
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
}

SshSettings SshHostKeysTest::settings() const
{
    SshSettings s;
    s.hostName = u"fixture"_s;
    s.address = u"127.0.0.1"_s;
    s.port = m_sshd->port();
    s.user = m_sshd->value(u"USER"_s);
    s.methods = {AuthMethod::Key};
    s.identityFiles = {m_sshd->value(u"KEY"_s)};
    s.connectTimeoutMs = 5000;
    s.reconnect = false;
    // OpsDeck's own file starts empty; the test's ssh_config is the only one read.
    s.knownHostsFiles = {path(u"opsdeck/known_hosts"_s)};
    s.sshConfigFiles = {path(u"ssh_config"_s)};
    return s;
}

Outcome SshHostKeysTest::connectWith(const SshSettings &settings,
                                     std::function<Answer(const HostKeyQuestion &)> answer)
{
    SshExecutor executor(settings);
    Outcome outcome;
    if (answer) {
        connect(&executor, &SshExecutor::hostKeyQuestion, this,
                [&](const HostKeyQuestion &question) {
                    outcome.asked.append(question);
                    executor.answerHostKey(answer(question));
                });
    }
    const Collected c = runToEnd(executor, argv({u"true"_s}));
    outcome.connected = c.result.succeeded();
    outcome.error = c.result.error;
    return outcome;
}

QByteArray SshHostKeysTest::trustedLine() const
{
    return "[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + ' ' +
           publicKeyFields(m_sshd->value(u"HOST_KEY_ED25519_PUB"_s)) + '\n';
}

void SshHostKeysTest::userKnownHostsFilePointsElsewhere_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("fileWithKey");
    QTest::addColumn<bool>("connects");

    QTest::addRow("absolute path") << u"FILES/elsewhere/kh"_s << u"elsewhere/kh"_s << true;
    QTest::addRow("tilde") << u"~/.ssh/team_known_hosts"_s << u"home/.ssh/team_known_hosts"_s
                           << true;
    QTest::newRow("%d token") << u"%d/kh_%u"_s << u"home/kh_LOCALUSER"_s << true;
    QTest::addRow("second of several files")
        << u"FILES/missing FILES/second"_s << u"second"_s << true;
    // The configuration names other files: what is in the default place no longer counts.
    QTest::addRow("key only in a file not named")
        << u"FILES/elsewhere/kh"_s << u"home/.ssh/known_hosts"_s << false;
}

void SshHostKeysTest::userKnownHostsFilePointsElsewhere()
{
    QFETCH(QString, value);
    QFETCH(QString, fileWithKey);
    QFETCH(bool, connects);
    const HomeDirectory home(path(u"home"_s));
    QString localUser = qEnvironmentVariable("USER");
    if (localUser.isEmpty())
        localUser = u"root"_s;
    fileWithKey.replace(u"LOCALUSER"_s, localUser);
    writeFile(path(fileWithKey), trustedLine());
    writeFile(path(u"ssh_config"_s), "Host 127.0.0.1\n  UserKnownHostsFile " +
                                         value.replace(u"FILES"_s, m_files->path()).toUtf8() +
                                         '\n');
    SshSettings s = settings();
    s.userKnownHostsFiles = {u"~/.ssh/known_hosts"_s}; // the default, replaced by the config
    const Outcome outcome = connectWith(s);
    QVERIFY2(outcome.connected == connects, qPrintable(outcome.error));
    if (!connects) {
        QVERIFY2(outcome.error.contains(u"is in no known_hosts file, and nobody is here to "
                                        "accept it"),
                 qPrintable(outcome.error));
    }
}

void SshHostKeysTest::globalKnownHostsFileVouches_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<bool>("defaultGlobalFile");

    QTest::addRow("GlobalKnownHostsFile, second of two")
        << QByteArray("GlobalKnownHostsFile /nonexistent/ssh_known_hosts FILES/global\n") << false;
    QTest::addRow("the default global file (/etc/ssh/ssh_known_hosts)") << QByteArray() << true;
}

void SshHostKeysTest::globalKnownHostsFileVouches()
{
    QFETCH(QByteArray, config);
    QFETCH(bool, defaultGlobalFile);
    writeFile(path(u"global"_s), trustedLine());
    writeFile(path(u"ssh_config"_s), config.replace("FILES", QFile::encodeName(m_files->path())));
    SshSettings s = settings();
    if (defaultGlobalFile)
        s.globalKnownHostsFiles = {path(u"global"_s)};
    // Asked would be wrong: the key is known.
    const Outcome outcome = connectWith(s, [](const HostKeyQuestion &) { return Answer::Reject; });
    QVERIFY2(outcome.connected, qPrintable(outcome.error));
    QVERIFY(outcome.asked.isEmpty());
    QVERIFY(!QFileInfo::exists(path(u"opsdeck/known_hosts"_s))); // nothing to remember
}

void SshHostKeysTest::hostKeyAliasStoresAndLooksUpUnderTheAlias()
{
    writeFile(path(u"ssh_config"_s), "Host 127.0.0.1\n"
                                     "  HostKeyAlias Fixture-Cluster\n"
                                     "  UserKnownHostsFile " +
                                         QFile::encodeName(m_sshd->value(u"KNOWN_HOSTS"_s)) + '\n');
    // The fixture's file knows the key as [127.0.0.1]:PORT, not under the alias: unknown.
    const Outcome first =
        connectWith(settings(), [](const HostKeyQuestion &) { return Answer::AcceptAndRemember; });
    QVERIFY2(first.connected, qPrintable(first.error));
    QCOMPARE(first.asked.size(), 1);
    QCOMPARE(first.asked[0].keyAlias, u"fixture-cluster"_s);
    QCOMPARE(first.asked[0].address, u"127.0.0.1"_s);
    QCOMPARE(first.asked[0].port, m_sshd->port());

    // Remembered under the alias alone, as ssh stores it.
    const KnownHostsParseResult remembered = loadKnownHostsFile(path(u"opsdeck/known_hosts"_s));
    QCOMPARE(remembered.entries.size(), 1);
    QVERIFY(knownHostEntryMatches(remembered.entries[0], u"fixture-cluster"_s, 22));
    QVERIFY(!knownHostEntryMatches(remembered.entries[0], u"127.0.0.1"_s, m_sshd->port()));

    // Looked up under the alias: no question the second time.
    const Outcome second =
        connectWith(settings(), [](const HostKeyQuestion &) { return Answer::Reject; });
    QVERIFY2(second.connected, qPrintable(second.error));
    QVERIFY(second.asked.isEmpty());

    // Another key under the alias is a changed key, named with the alias.
    writeFile(path(u"opsdeck/known_hosts"_s), "fixture-cluster " + testKey(u"other_ed25519"_s));
    const Outcome changed = connectWith(settings());
    QVERIFY(!changed.connected);
    QVERIFY2(changed.error.startsWith(u"WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for "
                                      "fixture (127.0.0.1 port %1, host key alias "
                                      "fixture-cluster)!"_s.arg(m_sshd->port())),
             qPrintable(changed.error));
    QVERIFY2(changed.error.contains(u"ssh-keygen -R fixture-cluster -f "_s),
             qPrintable(changed.error));
}

void SshHostKeysTest::strictHostKeyChecking_data()
{
    QTest::addColumn<QString>("strictness"); // empty: not set
    QTest::addColumn<int>("answer");         // -1: nobody asked for answers
    QTest::addColumn<bool>("acceptUnknown"); // the CLI's --accept-unknown-host-key
    QTest::addColumn<bool>("asked");
    QTest::addColumn<bool>("connects");
    QTest::addColumn<bool>("remembered");
    QTest::addColumn<QString>("error");

    const int none = -1;
    QTest::addRow("yes refuses without asking")
        << u"yes"_s << int(Answer::AcceptAndRemember) << false << false << false << false
        << u"StrictHostKeyChecking is yes"_s;
    QTest::addRow("yes is not overridden by --accept-unknown-host-key")
        << u"yes"_s << none << true << false << false << false << u"StrictHostKeyChecking is yes"_s;
    QTest::addRow("accept-new remembers without asking")
        << u"accept-new"_s << int(Answer::Reject) << false << false << true << true << QString();
    QTest::addRow("accept-new headless")
        << u"accept-new"_s << none << false << false << true << true << QString();
    QTest::addRow("no remembers without asking")
        << u"no"_s << int(Answer::Reject) << false << false << true << true << QString();
    QTest::addRow("off is no") << u"off"_s << none << false << false << true << true << QString();
    QTest::addRow("ask, accept once")
        << u"ask"_s << int(Answer::AcceptOnce) << false << true << true << false << QString();
    QTest::addRow("ask, accept and remember")
        << u"ask"_s << int(Answer::AcceptAndRemember) << false << true << true << true << QString();
    QTest::addRow("ask, cancel") << u"ask"_s << int(Answer::Reject) << false << true << false
                                 << false << u"was not accepted"_s;
    QTest::addRow("not set is ask")
        << QString() << int(Answer::AcceptOnce) << false << true << true << false << QString();
    QTest::addRow("ask headless refuses")
        << u"ask"_s << none << false << false << false << false << u"nobody is here to accept it"_s;
    QTest::addRow("ask headless with --accept-unknown-host-key")
        << u"ask"_s << none << true << false << true << false << QString();
}

void SshHostKeysTest::strictHostKeyChecking()
{
    QFETCH(QString, strictness);
    QFETCH(int, answer);
    QFETCH(bool, acceptUnknown);
    QFETCH(bool, asked);
    QFETCH(bool, connects);
    QFETCH(bool, remembered);
    QFETCH(QString, error);
    writeFile(path(u"ssh_config"_s), strictness.isEmpty()
                                         ? QByteArray()
                                         : "StrictHostKeyChecking " + strictness.toUtf8() + '\n');
    SshSettings s = settings();
    s.acceptUnknownHostKeys = acceptUnknown;
    std::function<Answer(const HostKeyQuestion &)> answering;
    if (answer >= 0)
        answering = [answer](const HostKeyQuestion &) { return Answer(answer); };
    // The laxest umask: what OpsDeck writes must be private anyway.
    const mode_t previousMask = ::umask(0);
    const Outcome outcome = connectWith(s, answering);
    ::umask(previousMask);
    QCOMPARE(!outcome.asked.isEmpty(), asked);
    QVERIFY2(outcome.connected == connects, qPrintable(outcome.error));
    if (!error.isEmpty())
        QVERIFY2(outcome.error.contains(error), qPrintable(outcome.error));
    const KnownHostsParseResult own = loadKnownHostsFile(path(u"opsdeck/known_hosts"_s));
    QCOMPARE(own.entries.size(), remembered ? 1 : 0);
    if (remembered) {
        struct stat status {};
        QVERIFY(::stat(QFile::encodeName(path(u"opsdeck/known_hosts"_s)).constData(), &status) ==
                0);
        QCOMPARE(status.st_mode & 07777, mode_t(0600));
        QVERIFY(::stat(QFile::encodeName(path(u"opsdeck"_s)).constData(), &status) == 0);
        QCOMPARE(status.st_mode & 07777, mode_t(0700));
        QVERIFY(own.entries[0].hashed);
        QVERIFY(knownHostEntryMatches(own.entries[0], u"127.0.0.1"_s, m_sshd->port()));
        // And trusted from now on, whatever the policy says about unknown keys.
        writeFile(path(u"ssh_config"_s), "StrictHostKeyChecking yes\n");
        const Outcome again = connectWith(settings());
        QVERIFY2(again.connected, qPrintable(again.error));
    }
}

void SshHostKeysTest::changedKeyIsRefusedWhateverTheStrictness_data()
{
    QTest::addColumn<QString>("strictness");
    for (const QString &value : {u"yes"_s, u"accept-new"_s, u"no"_s, u"ask"_s})
        QTest::addRow("%s", qPrintable(value)) << value;
}

void SshHostKeysTest::changedKeyIsRefusedWhateverTheStrictness()
{
    QFETCH(QString, strictness);
    const QByteArray wrong = "[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + ' ' +
                             testKey(u"other_ed25519"_s) + '\n';
    writeFile(path(u"opsdeck/known_hosts"_s), wrong);
    writeFile(path(u"ssh_config"_s), "StrictHostKeyChecking " + strictness.toUtf8() + '\n');
    const Outcome outcome =
        connectWith(settings(), [](const HostKeyQuestion &) { return Answer::AcceptAndRemember; });
    QVERIFY(!outcome.connected);
    QVERIFY(outcome.asked.isEmpty());
    QVERIFY2(outcome.error.startsWith(u"WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for "
                                      "fixture (127.0.0.1 port %1)!"_s.arg(m_sshd->port())),
             qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(
                 u"The known key is in %1 line 1."_s.arg(path(u"opsdeck/known_hosts"_s))),
             qPrintable(outcome.error));
    QCOMPARE(readFile(path(u"opsdeck/known_hosts"_s)), wrong); // nothing added
}

void SshHostKeysTest::unreadableKnownHostsIsAnError_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    QTest::addRow("OpsDeck's file is a directory")
        << u"own directory"_s << u"opsdeck/known_hosts"_s
        << u"error: cannot open the file: it is a directory"_s;
    QTest::addRow("UserKnownHostsFile is a directory, another file trusts the key")
        << u"user directory"_s << u"user_kh"_s
        << u"error: cannot open the file: it is a directory"_s;
    QTest::addRow("malformed @revoked line")
        << u"broken revocation"_s << u"opsdeck/known_hosts:2:11"_s
        << u"error: the line ends after the host names; expected a key type and a key"_s;
    QTest::addRow("misspelt marker") << u"misspelt marker"_s << u"opsdeck/known_hosts:1:1"_s
                                     << u"error: unknown marker '@revoke'"_s;
}

void SshHostKeysTest::unreadableKnownHostsIsAnError()
{
    QFETCH(QString, setup);
    QFETCH(QString, where);
    QFETCH(QString, message);
    SshSettings s = settings();
    if (setup == u"own directory") {
        QVERIFY(QDir().mkpath(path(u"opsdeck/known_hosts"_s)));
    } else if (setup == u"user directory") {
        QVERIFY(QDir().mkpath(path(u"user_kh"_s)));
        writeFile(path(u"ssh_config"_s),
                  "UserKnownHostsFile " + QFile::encodeName(path(u"user_kh"_s)) + '\n');
        s.globalKnownHostsFiles = {m_sshd->value(u"KNOWN_HOSTS"_s)};
    } else if (setup == u"broken revocation") {
        writeFile(path(u"opsdeck/known_hosts"_s), trustedLine() + "@revoked *\n");
    } else {
        writeFile(path(u"opsdeck/known_hosts"_s),
                  "@revoke * " + publicKeyFields(m_sshd->value(u"HOST_KEY_ED25519_PUB"_s)) + '\n');
    }
    // Whoever is asked would accept: nobody may be.
    const Outcome outcome =
        connectWith(s, [](const HostKeyQuestion &) { return Answer::AcceptAndRemember; });
    QVERIFY(!outcome.connected);
    QVERIFY(outcome.asked.isEmpty());
    QVERIFY2(outcome.error.startsWith(
                 u"Cannot check the host key of fixture (127.0.0.1 port %1): %2/%3: %4"_s.arg(
                     QString::number(m_sshd->port()), m_files->path(), where, message)),
             qPrintable(outcome.error));
}

void SshHostKeysTest::certificateAuthorityIsRefused()
{
    writeFile(path(u"opsdeck/known_hosts"_s),
              "# a CA vouches for every host here\n@cert-authority [127.0.0.1]:* " +
                  testKey(u"ca_ed25519"_s) + '\n');
    const Outcome outcome =
        connectWith(settings(), [](const HostKeyQuestion &) { return Answer::AcceptAndRemember; });
    QVERIFY(!outcome.connected);
    QVERIFY(outcome.asked.isEmpty());
    QVERIFY2(outcome.error.startsWith(
                 u"The host fixture (127.0.0.1 port %1) is to be checked against the certificate "
                 "authority in %2 line 2, but OpsDeck does not verify host certificates"_s.arg(
                     QString::number(m_sshd->port()), path(u"opsdeck/known_hosts"_s))),
             qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(m_sshd->value(u"HOST_KEY_ED25519_FP"_s)),
             qPrintable(outcome.error));
}

void SshHostKeysTest::revokedKeyIsRefusedWithoutAsking()
{
    // Revoked in the global file, unknown everywhere else: refused, never offered.
    writeFile(path(u"global"_s),
              "@revoked * " + publicKeyFields(m_sshd->value(u"HOST_KEY_ED25519_PUB"_s)) + '\n');
    SshSettings s = settings();
    s.globalKnownHostsFiles = {path(u"global"_s)};
    const Outcome outcome =
        connectWith(s, [](const HostKeyQuestion &) { return Answer::AcceptAndRemember; });
    QVERIFY(!outcome.connected);
    QVERIFY(outcome.asked.isEmpty());
    QVERIFY2(outcome.error.contains(u"is marked @revoked in %1 line 1"_s.arg(path(u"global"_s))),
             qPrintable(outcome.error));
}

void SshHostKeysTest::configurationErrorRefuses()
{
    writeFile(path(u"ssh_config"_s), "Host *\n  StrictHostKeyChecking maybe\n");
    const Outcome outcome =
        connectWith(settings(), [](const HostKeyQuestion &) { return Answer::AcceptOnce; });
    QVERIFY(!outcome.connected);
    QVERIFY(outcome.asked.isEmpty());
    QCOMPARE(outcome.error,
             u"Cannot check the host key of fixture (127.0.0.1 port %1): the ssh configuration "
             "has an error: %2:2:25: error: 'StrictHostKeyChecking' must be one of yes, no, ask, "
             "accept-new, off, found 'maybe'"_s.arg(QString::number(m_sshd->port()),
                                                    path(u"ssh_config"_s)));
}

void SshHostKeysTest::hostBlocksAndFileOrder_data()
{
    QTest::addColumn<QString>("name");      // what Host blocks are matched against
    QTest::addColumn<QByteArray>("user");   // ~/.ssh/config
    QTest::addColumn<QByteArray>("system"); // /etc/ssh/ssh_config
    QTest::addColumn<bool>("connects");     // headless: only accept-new connects

    QTest::addRow("block for another host")
        << u"127.0.0.1"_s << QByteArray("Host other\n  StrictHostKeyChecking accept-new\n")
        << QByteArray() << false;
    QTest::addRow("block for the address")
        << u"127.0.0.1"_s << QByteArray("Host 127.0.0.*\n  StrictHostKeyChecking accept-new\n")
        << QByteArray() << true;
    QTest::addRow("negated for the address")
        << u"127.0.0.1"_s << QByteArray("Host * !127.0.0.1\n  StrictHostKeyChecking accept-new\n")
        << QByteArray() << false;
    QTest::addRow("block for the alias of an imported host")
        << u"fixture-alias"_s
        << QByteArray("Host fixture-alias\n  StrictHostKeyChecking accept-new\n") << QByteArray()
        << true;
    QTest::addRow("the user's file wins")
        << u"127.0.0.1"_s << QByteArray("StrictHostKeyChecking ask\n")
        << QByteArray("StrictHostKeyChecking accept-new\n") << false;
    QTest::addRow("the system file when the user's says nothing")
        << u"127.0.0.1"_s << QByteArray("Host other\n  StrictHostKeyChecking ask\n")
        << QByteArray("Host *\n  StrictHostKeyChecking accept-new\n") << true;
}

void SshHostKeysTest::hostBlocksAndFileOrder()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, system);
    QFETCH(bool, connects);
    writeFile(path(u"user_config"_s), user);
    writeFile(path(u"system_config"_s), system);
    SshSettings s = settings();
    s.sshConfigFiles = {path(u"user_config"_s), path(u"system_config"_s)};
    s.sshConfigName = name;
    const Outcome outcome = connectWith(s);
    QVERIFY2(outcome.connected == connects, qPrintable(outcome.error));
}

void SshHostKeysTest::keychainPasswordGoesOnlyToItsAddress_data()
{
    QTest::addColumn<QString>("storedFor");
    QTest::addColumn<int>("send"); // -1: nobody to ask (headless); 0: the user says no; 1: yes
    QTest::addColumn<bool>("connects");
    QTest::addColumn<QString>("message");

    QTest::newRow("stored for this host") << u"127.0.0.1:PORT"_s << -1 << true << QString();
    QTest::newRow("stored for another host, headless")
        << u"10.9.9.9:22"_s << -1 << false
        << u"password (none given: 'keychain:fixture/password' was stored for 10.9.9.9:22. "
           "OpsDeck does not send it to 127.0.0.1:PORT without your consent, and nobody is "
           "here to give it.)"_s;
    QTest::newRow("stored for another host, the user says no")
        << u"10.9.9.9:22"_s << 0 << false
        << u"password (none given: 'keychain:fixture/password' was not sent to 127.0.0.1:PORT"_s;
    QTest::newRow("stored for another host, the user says yes")
        << u"10.9.9.9:22"_s << 1 << true << QString();
}

void SshHostKeysTest::keychainPasswordGoesOnlyToItsAddress()
{
    QFETCH(QString, storedFor);
    QFETCH(int, send);
    QFETCH(bool, connects);
    QFETCH(QString, message);
    const QString port = QString::number(m_sshd->port());
    // No keychain on this machine's test run: the store keeps secrets (and bindings) in memory.
    CredentialStore credentials;
    QSignalSpy written(&credentials, &CredentialStore::written);
    credentials.write(u"fixture/password"_s, m_sshd->value(u"PASSWORD"_s),
                      storedFor.replace(u"PORT"_s, port));
    QVERIFY(written.wait(20000));
    int asked = 0;
    if (send >= 0) {
        connect(&credentials, &CredentialStore::addressQuestion, this,
                [&](quint64 id, const QString &, const QString &, const QString &address) {
                    ++asked;
                    QCOMPARE(address, u"127.0.0.1:"_s + port);
                    credentials.answerAddressQuestion(id, send == 1);
                });
    }
    const WorkspaceLoadResult loaded = parseWorkspace(
        u"environments:\n  - name: lab\n    hosts:\n"
        "      - {name: pw, address: 127.0.0.1, port: %1, user: %2, auth: password,"
        " secret: 'keychain:fixture/password'}\n"_s.arg(port, m_sshd->value(u"USER"_s))
            .toUtf8(),
        u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    HostRegistry registry(&credentials);
    registry.setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    registry.setWorkspace(loaded.workspace);
    const Collected c = runToEnd(*registry.executor(u"pw"_s), argv({u"true"_s}));
    QCOMPARE(asked, send >= 0 ? 1 : 0);
    QVERIFY2(c.result.succeeded() == connects, qPrintable(c.result.error));
    if (!connects)
        QVERIFY2(c.result.error.contains(message.replace(u"PORT"_s, port)),
                 qPrintable(c.result.error));
}

QTEST_GUILESS_MAIN(SshHostKeysTest)
#include "tst_sshhostkeys.moc"
