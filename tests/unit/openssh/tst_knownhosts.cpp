// SPDX-License-Identifier: GPL-3.0-or-later
// The expectations here were cross-checked against OpenSSH 9.2: `ssh-keygen -F NAME -f
// tests/data/ssh/known_hosts` for which lines match a name, `ssh -o StrictHostKeyChecking=yes
// -o HostKeyAlias=NAME` against a throw-away sshd holding the keys of tests/data/ssh/keys for
// the verdicts, and `ssh-keygen -lf` for the fingerprints (keys/fingerprints.txt).
#include "models/openssh/knownhosts.h"
#include "testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &relative)
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/ssh/") + relative;
}

struct PublicKey {
    QString type;
    QByteArray blob;
};

// keys/NAME.pub: "type base64 comment".
PublicKey publicKey(const QString &name)
{
    const QList<QByteArray> fields =
        readFile(dataFile(u"keys/"_s + name + u".pub"_s)).trimmed().split(' ');
    return {QString::fromLatin1(fields.value(0)), QByteArray::fromBase64(fields.value(1))};
}

const QString &sampleFile()
{
    static const QString path = dataFile(u"known_hosts"_s);
    return path;
}

const QList<KnownHostEntry> &sample()
{
    static const QList<KnownHostEntry> entries = loadKnownHostsFile(sampleFile()).entries;
    return entries;
}

// The diagnostics without the file name, as "line:column: severity: message".
QStringList render(const Diagnostics &diagnostics, const QString &fileName)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        QString line = diagnostic.toString();
        if (line.startsWith(fileName + u": "))
            line.remove(0, fileName.size() + 2);
        else if (line.startsWith(fileName + u':'))
            line.remove(0, fileName.size() + 1);
        lines.append(line);
    }
    return lines;
}

QString statusName(HostKeyVerdict::Status status)
{
    switch (status) {
    case HostKeyVerdict::Trusted:
        return u"Trusted"_s;
    case HostKeyVerdict::Unknown:
        return u"Unknown"_s;
    case HostKeyVerdict::Changed:
        return u"Changed"_s;
    case HostKeyVerdict::Revoked:
        return u"Revoked"_s;
    case HostKeyVerdict::CertificateAuthority:
        return u"CertificateAuthority"_s;
    }
    return {};
}

} // namespace

class KnownHostsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleDiagnostics();
    void sampleEntries_data();
    void sampleEntries();
    void verify_data();
    void verify();
    void matchingLines_data();
    void matchingLines();
    void patterns_data();
    void patterns();
    void pathologicalPatternIsFast();
    void fingerprints_data();
    void fingerprints();
    void hashedNamesMatchSshKeygen_data();
    void hashedNamesMatchSshKeygen();
    void formatLine();
    void formatHashedLine();
    void formatRefusesWhatCannotBeWritten_data();
    void formatRefusesWhatCannotBeWritten();
    void generatedInput_data();
    void generatedInput();
    void missingFileIsEmpty();
    void unreadableFileIsBlocking_data();
    void unreadableFileIsBlocking();
    void unreadableMarkerLinesAreBlocking_data();
    void unreadableMarkerLinesAreBlocking();
    void appendKeepsLinesAndIsPrivate();
    void appendCreatesPrivateDirectories();
    void concurrentAppendsLoseNothing();
    void appendRefusesWhatItCannotRead();
};

void KnownHostsTest::sampleDiagnostics()
{
    const KnownHostsParseResult result = loadKnownHostsFile(sampleFile());
    QCOMPARE(render(result.diagnostics, sampleFile()),
             (QStringList{
                 u"19:32: error: the line ends after the key type 'ssh-ed25519'; expected the key "
                 "in base64"_s,
                 u"20:1: error: unknown marker '@bogus'; expected @cert-authority or @revoked"_s,
                 u"21:33: error: the key is not valid base64"_s,
                 u"22:29: error: the key data holds a 'ssh-ed25519' key, but the line says "
                 "'ssh-rsa'"_s,
                 u"23:1: error: invalid hashed host name; expected |1|salt|hash with a 20-byte "
                 "salt and hash in base64"_s,
                 u"24:20: error: the line ends after the host names; expected a key type and a "
                 "key"_s,
                 u"25:21: error: this is an SSH protocol 1 key (bits, exponent, modulus), which "
                 "OpenSSH no longer reads"_s,
                 u"26:10: error: only one marker is allowed on a line"_s,
                 u"27:1: warning: the line has no host pattern that is not negated, so it never "
                 "matches"_s,
             }));
    for (const Diagnostic &diagnostic : result.diagnostics)
        QCOMPARE(diagnostic.file, sampleFile());
    // The unreadable marker lines could have been revocations: they stop any verification.
    QList<int> blocking;
    for (const Diagnostic &diagnostic : result.blockingErrors)
        blocking.append(diagnostic.line);
    QCOMPARE(blocking, (QList<int>{20, 26}));
    // Every usable line is an entry; the warned one stays (ssh reads it, it just never matches).
    QList<int> lines;
    for (const KnownHostEntry &entry : result.entries)
        lines.append(entry.line);
    QCOMPARE(lines, (QList<int>{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 27}));
}

void KnownHostsTest::sampleEntries_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("marker");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<bool>("hashed");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("comment");

    QTest::addRow("plain, two names, comment")
        << 3 << int(KnownHostEntry::None) << QStringList{u"plain.example.com"_s, u"192.0.2.10"_s}
        << false << u"host_ed25519"_s << u"plain host"_s;
    QTest::addRow("port form") << 4 << int(KnownHostEntry::None)
                               << QStringList{u"[ported.example.com]:2222"_s} << false
                               << u"host_ed25519"_s << QString();
    QTest::addRow("wildcard and negation")
        << 5 << int(KnownHostEntry::None)
        << QStringList{u"*.wild.example.com"_s, u"!secret.wild.example.com"_s} << false
        << u"host_ed25519"_s << QString();
    QTest::addRow("hashed") << 7 << int(KnownHostEntry::None) << QStringList{} << true
                            << u"host_ed25519"_s << QString();
    QTest::addRow("hashed ecdsa") << 8 << int(KnownHostEntry::None) << QStringList{} << true
                                  << u"host_ecdsa"_s << QString();
    QTest::addRow("revoked") << 9 << int(KnownHostEntry::Revoked) << QStringList{u"*"_s} << false
                             << u"stolen_ed25519"_s << QString();
    QTest::addRow("cert authority")
        << 13 << int(KnownHostEntry::CertAuthority) << QStringList{u"*.ca.example.com"_s} << false
        << u"ca_ed25519"_s << u"example CA"_s;
    QTest::addRow("rsa") << 16 << int(KnownHostEntry::None) << QStringList{u"rsaonly.example.com"_s}
                         << false << u"host_rsa"_s << QString();
    QTest::addRow("CRLF and tabs")
        << 17 << int(KnownHostEntry::None) << QStringList{u"crlf.example.com"_s} << false
        << u"host_ed25519"_s << QString();
}

void KnownHostsTest::sampleEntries()
{
    QFETCH(int, line);
    QFETCH(int, marker);
    QFETCH(QStringList, patterns);
    QFETCH(bool, hashed);
    QFETCH(QString, key);
    QFETCH(QString, comment);
    const auto found = std::ranges::find(sample(), line, &KnownHostEntry::line);
    QVERIFY(found != sample().end());
    QCOMPARE(found->file, sampleFile());
    QCOMPARE(int(found->marker), marker);
    QCOMPARE(found->patterns, patterns);
    QCOMPARE(found->hashed, hashed);
    QCOMPARE(found->hashSalt.size(), hashed ? 20 : 0);
    QCOMPARE(found->hashValue.size(), hashed ? 20 : 0);
    const PublicKey expected = publicKey(key);
    QCOMPARE(found->keyType, expected.type);
    QCOMPARE(found->keyBlob, expected.blob);
    QCOMPARE(found->comment, comment);
}

void KnownHostsTest::verify_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("knownKeyType");
    QTest::addColumn<bool>("otherKeyTypesKnown");
    QTest::addColumn<bool>("matchedWithoutPort");

    // host, port, presented key -> verdict, line, known key type, other types, without port
    QTest::addRow("trusted") << u"plain.example.com"_s << 22 << u"host_ed25519"_s << u"Trusted"_s
                             << 3 << QString() << false << false;
    QTest::addRow("trusted, second name") << u"192.0.2.10"_s << 22 << u"host_ed25519"_s
                                          << u"Trusted"_s << 3 << QString() << false << false;
    QTest::addRow("host names are case-insensitive")
        << u"Plain.EXAMPLE.com"_s << 22 << u"host_ed25519"_s << u"Trusted"_s << 3 << QString()
        << false << false;
    QTest::addRow("port form") << u"ported.example.com"_s << 2222 << u"host_ed25519"_s
                               << u"Trusted"_s << 4 << QString() << false << false;
    QTest::addRow("port form needs the port") << u"ported.example.com"_s << 22 << u"host_ed25519"_s
                                              << u"Unknown"_s << 0 << QString() << false << false;
    QTest::addRow("port form needs that port")
        << u"ported.example.com"_s << 2223 << u"host_ed25519"_s << u"Unknown"_s << 0 << QString()
        << false << false;
    QTest::addRow("other port falls back to the bare name")
        << u"plain.example.com"_s << 2222 << u"host_ed25519"_s << u"Trusted"_s << 3 << QString()
        << false << true;
    QTest::addRow("wildcard") << u"a.wild.example.com"_s << 22 << u"host_ed25519"_s << u"Trusted"_s
                              << 5 << QString() << false << false;
    QTest::addRow("negation") << u"secret.wild.example.com"_s << 22 << u"host_ed25519"_s
                              << u"Unknown"_s << 0 << QString() << false << false;
    QTest::addRow("wildcard needs its dot") << u"wild.example.com"_s << 22 << u"host_ed25519"_s
                                            << u"Unknown"_s << 0 << QString() << false << false;
    QTest::addRow("question mark") << u"web1.example.com"_s << 22 << u"host_rsa"_s << u"Trusted"_s
                                   << 6 << QString() << false << false;
    QTest::addRow("question mark is one character")
        << u"web12.example.com"_s << 22 << u"host_rsa"_s << u"Unknown"_s << 0 << QString() << false
        << false;
    QTest::addRow("hashed") << u"hashed.example.com"_s << 22 << u"host_ed25519"_s << u"Trusted"_s
                            << 7 << QString() << false << false;
    QTest::addRow("hashed port form") << u"hashed.example.com"_s << 2200 << u"host_ecdsa"_s
                                      << u"Trusted"_s << 8 << QString() << false << false;
    QTest::addRow("hashed, only another type known")
        << u"hashed.example.com"_s << 2200 << u"host_ed25519"_s << u"Changed"_s << 8
        << u"ecdsa-sha2-nistp256"_s << true << false;
    QTest::addRow("changed, same type") << u"changed.example.com"_s << 22 << u"host_ed25519"_s
                                        << u"Changed"_s << 15 << u"ssh-ed25519"_s << false << false;
    QTest::addRow("changed, only another type known")
        << u"rsaonly.example.com"_s << 22 << u"host_ed25519"_s << u"Changed"_s << 16 << u"ssh-rsa"_s
        << true << false;
    QTest::addRow("revoked although a line trusts it")
        << u"stolen.example.com"_s << 22 << u"stolen_ed25519"_s << u"Revoked"_s << 9 << QString()
        << false << false;
    // ssh itself trusts this one (it heeds only @revoked lines whose patterns match the host);
    // OpsDeck refuses a revoked key everywhere.
    QTest::addRow("revoked for another host pattern")
        << u"lost.example.com"_s << 22 << u"lost_ed25519"_s << u"Revoked"_s << 11 << QString()
        << false << false;
    // Not Unknown: a host meant to show a certificate is refused, never offered for
    // acceptance.
    QTest::addRow("cert authority never vouches for a plain key")
        << u"x.ca.example.com"_s << 22 << u"ca_ed25519"_s << u"CertificateAuthority"_s << 13
        << QString() << false << false;
    QTest::addRow("cert authority host with any plain key")
        << u"x.ca.example.com"_s << 22 << u"host_ed25519"_s << u"CertificateAuthority"_s << 13
        << QString() << false << false;
    QTest::addRow("cert authority pattern needs its dot")
        << u"ca.example.com"_s << 22 << u"host_ed25519"_s << u"Unknown"_s << 0 << QString() << false
        << false;
    QTest::addRow("cert authority pattern needs the port form")
        << u"x.ca.example.com"_s << 2222 << u"host_ed25519"_s << u"Unknown"_s << 0 << QString()
        << false << false;
    QTest::addRow("CRLF line") << u"crlf.example.com"_s << 22 << u"host_ed25519"_s << u"Trusted"_s
                               << 17 << QString() << false << false;
    QTest::addRow("only negated patterns never match")
        << u"only.negated.example.com"_s << 22 << u"host_ed25519"_s << u"Unknown"_s << 0
        << QString() << false << false;
    QTest::addRow("malformed lines are skipped")
        << u"broken4.example.com"_s << 22 << u"host_ed25519"_s << u"Unknown"_s << 0 << QString()
        << false << false;
    QTest::addRow("unknown") << u"unknown.example.com"_s << 22 << u"host_ed25519"_s << u"Unknown"_s
                             << 0 << QString() << false << false;
}

void KnownHostsTest::verify()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, key);
    QFETCH(QString, status);
    QFETCH(int, line);
    QFETCH(QString, knownKeyType);
    QFETCH(bool, otherKeyTypesKnown);
    QFETCH(bool, matchedWithoutPort);
    const PublicKey presented = publicKey(key);
    const HostKeyVerdict verdict =
        verifyHostKey(sample(), host, port, presented.type, presented.blob);
    QCOMPARE(statusName(verdict.status), status);
    QCOMPARE(verdict.line, line);
    QCOMPARE(verdict.file, line > 0 ? sampleFile() : QString());
    QCOMPARE(verdict.knownKeyType, knownKeyType);
    QCOMPARE(verdict.otherKeyTypesKnown, otherKeyTypesKnown);
    QCOMPARE(verdict.matchedWithoutPort, matchedWithoutPort);
}

void KnownHostsTest::matchingLines_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QList<int>>("lines");

    // What `ssh-keygen -F NAME -f tests/data/ssh/known_hosts` prints as "found: line N".
    QTest::addRow("plain") << u"plain.example.com"_s << 22 << QList<int>{3, 9};
    QTest::addRow("address") << u"192.0.2.10"_s << 22 << QList<int>{3, 9};
    QTest::addRow("port form") << u"ported.example.com"_s << 2222 << QList<int>{4, 9};
    QTest::addRow("wildcard") << u"a.wild.example.com"_s << 22 << QList<int>{5, 9};
    QTest::addRow("negated") << u"secret.wild.example.com"_s << 22 << QList<int>{9};
    QTest::addRow("question mark") << u"web1.example.com"_s << 22 << QList<int>{6, 9};
    QTest::addRow("hashed") << u"hashed.example.com"_s << 22 << QList<int>{7, 9};
    QTest::addRow("hashed port form") << u"hashed.example.com"_s << 2200 << QList<int>{8, 9};
    QTest::addRow("revoked") << u"stolen.example.com"_s << 22 << QList<int>{9, 10};
    QTest::addRow("cert authority") << u"x.ca.example.com"_s << 22 << QList<int>{9, 13};
    QTest::addRow("CRLF") << u"crlf.example.com"_s << 22 << QList<int>{9, 17};
    QTest::addRow("two keys") << u"changed.example.com"_s << 22 << QList<int>{9, 14, 15};
}

void KnownHostsTest::matchingLines()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QList<int>, lines);
    QList<int> matching;
    for (const KnownHostEntry &entry : sample()) {
        if (knownHostEntryMatches(entry, host, port))
            matching.append(entry.line);
    }
    QCOMPARE(matching, lines);
}

void KnownHostsTest::patterns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matches");

    QTest::addRow("literal") << u"host"_s << u"host"_s << true;
    QTest::addRow("literal differs") << u"host"_s << u"hosts"_s << false;
    QTest::addRow("case matters") << u"Host"_s << u"host"_s << false;
    QTest::addRow("star") << u"a.example.com"_s << u"*.example.com"_s << true;
    QTest::addRow("star matches nothing") << u".example.com"_s << u"*.example.com"_s << true;
    QTest::addRow("star alone") << u"anything"_s << u"*"_s << true;
    QTest::addRow("star alone, empty text") << QString() << u"*"_s << true;
    QTest::addRow("empty pattern") << u"a"_s << QString() << false;
    QTest::addRow("empty both") << QString() << QString() << true;
    QTest::addRow("question") << u"web1"_s << u"web?"_s << true;
    QTest::addRow("question needs one") << u"web"_s << u"web?"_s << false;
    QTest::addRow("star across brackets") << u"[localhost]:2222"_s << u"*host*"_s << true;
    QTest::addRow("port wildcard") << u"[db1]:5432"_s << u"[db?]:54*"_s << true;
    QTest::addRow("backtracking") << u"abcabcabd"_s << u"*abd"_s << true;
    QTest::addRow("backtracking fails") << u"abcabcabc"_s << u"*abd"_s << false;
    QTest::addRow("stars in a row") << u"abc"_s << u"a**c"_s << true;
    QTest::addRow("literal star in text") << u"a*c"_s << u"a?c"_s << true;
}

void KnownHostsTest::patterns()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, matches);
    QCOMPARE(matchSshPattern(text, pattern), matches);
}

void KnownHostsTest::pathologicalPatternIsFast()
{
    // A naive recursive glob takes exponential time on this; the matcher must not.
    const QString text(5000, u'a');
    const QString pattern = u"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"_s;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!matchSshPattern(text, pattern));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void KnownHostsTest::fingerprints_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fingerprint");

    // keys/fingerprints.txt holds `ssh-keygen -lf keys/NAME.pub` for each key.
    const QList<QByteArray> lines = readFile(dataFile(u"keys/fingerprints.txt"_s)).split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 2)
            continue;
        const QString file = QString::fromLatin1(fields[0]);
        QTest::addRow("%s", fields[0].constData())
            << file.chopped(4) << QString::fromLatin1(fields[1]);
    }
}

void KnownHostsTest::fingerprints()
{
    QFETCH(QString, key);
    QFETCH(QString, fingerprint);
    QCOMPARE(sha256Fingerprint(publicKey(key).blob), fingerprint);
}

void KnownHostsTest::hashedNamesMatchSshKeygen_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::addRow("bare name") << 7 << u"hashed.example.com"_s << 22;
    QTest::addRow("port form") << 8 << u"hashed.example.com"_s << 2200;
}

void KnownHostsTest::hashedNamesMatchSshKeygen()
{
    QFETCH(int, line);
    QFETCH(QString, host);
    QFETCH(int, port);
    // ssh-keygen -H wrote this line; with its salt we must write the very same field.
    const QByteArray written = readFile(sampleFile()).split('\n').value(line - 1).split(' ')[0];
    const auto entry = std::ranges::find(sample(), line, &KnownHostEntry::line);
    QVERIFY(entry != sample().end());
    QCOMPARE(hashKnownHostName(knownHostsLookupName(host, port), entry->hashSalt), written);
}

void KnownHostsTest::formatLine()
{
    const PublicKey key = publicKey(u"host_ed25519"_s);
    QCOMPARE(formatKnownHostsLine(u"Plain.Example.com"_s, 22, key.type, key.blob, false),
             "plain.example.com ssh-ed25519 "
             "AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs81ka82fP5BU");
    QCOMPARE(formatKnownHostsLine(u"db.example.com"_s, 2222, key.type, key.blob, false),
             "[db.example.com]:2222 ssh-ed25519 "
             "AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs81ka82fP5BU");
    QCOMPARE(formatKnownHostsLine(u"::1"_s, 2222, key.type, key.blob, false).split(' ')[0],
             "[::1]:2222");
}

void KnownHostsTest::formatHashedLine()
{
    const PublicKey key = publicKey(u"host_ecdsa"_s);
    const QByteArray first =
        formatKnownHostsLine(u"db.example.com"_s, 2222, key.type, key.blob, true);
    const QByteArray second =
        formatKnownHostsLine(u"db.example.com"_s, 2222, key.type, key.blob, true);
    QVERIFY(first.startsWith("|1|"));
    QVERIFY(!first.contains('\n'));
    QVERIFY2(first != second, "every line gets its own random salt");
    const KnownHostsParseResult parsed = parseKnownHosts(first + '\n' + second, u"new"_s);
    QCOMPARE(render(parsed.diagnostics, u"new"_s), QStringList{});
    QCOMPARE(parsed.entries.size(), 2);
    QVERIFY(parsed.entries[0].hashed);
    QCOMPARE(parsed.entries[0].hashSalt.size(), 20);
    QVERIFY(parsed.entries[0].hashSalt != parsed.entries[1].hashSalt);
    // What we remember is what we then trust, and only for that name and port.
    QCOMPARE(verifyHostKey(parsed.entries, u"DB.example.com"_s, 2222, key.type, key.blob).status,
             HostKeyVerdict::Trusted);
    QCOMPARE(verifyHostKey(parsed.entries, u"db.example.com"_s, 22, key.type, key.blob).status,
             HostKeyVerdict::Unknown);
    QCOMPARE(verifyHostKey(parsed.entries, u"db2.example.com"_s, 2222, key.type, key.blob).status,
             HostKeyVerdict::Unknown);
}

void KnownHostsTest::formatRefusesWhatCannotBeWritten_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("emptyKey");

    QTest::addRow("empty host") << QString() << u"ssh-ed25519"_s << false;
    QTest::addRow("space in host") << u"a b"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("comma in host") << u"a,b"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("comment host") << u"#a"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("marker host") << u"@revoked"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("negated host") << u"!a"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("newline in host") << u"a\nb"_s << u"ssh-ed25519"_s << false;
    QTest::addRow("empty type") << u"a"_s << QString() << false;
    QTest::addRow("space in type") << u"a"_s << u"ssh ed25519"_s << false;
    QTest::addRow("empty key") << u"a"_s << u"ssh-ed25519"_s << true;
}

void KnownHostsTest::formatRefusesWhatCannotBeWritten()
{
    QFETCH(QString, host);
    QFETCH(QString, type);
    QFETCH(bool, emptyKey);
    const QByteArray blob = emptyKey ? QByteArray() : publicKey(u"host_ed25519"_s).blob;
    QCOMPARE(formatKnownHostsLine(host, 22, type, blob, false), QByteArray());
    QCOMPARE(formatKnownHostsLine(host, 22, type, blob, true), QByteArray());
}

void KnownHostsTest::generatedInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("entries");

    const QByteArray ed25519 =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs81ka82fP5BU";
    QTest::addRow("empty") << QByteArray() << QStringList{} << 0;
    QTest::addRow("comments and blank lines")
        << QByteArray("# a comment\n\n   \t\n  # indented comment\r\n") << QStringList{} << 0;
    QTest::addRow("no final newline") << QByteArray("h " + ed25519) << QStringList{} << 1;
    QTest::addRow("CRLF everywhere")
        << QByteArray("# c\r\nh1 " + ed25519 + "\r\nh2 " + ed25519 + " c\r\n") << QStringList{}
        << 2;
    QTest::addRow("marker alone")
        << QByteArray("@revoked\n")
        << QStringList{u"1:9: error: the line ends after the marker; expected host names"_s} << 0;
    QTest::addRow("marker without a blank after it")
        << QByteArray("@revoked* " + ed25519 + "\n")
        << QStringList{u"1:1: error: unknown marker '@revoked*'; expected @cert-authority or "
                       "@revoked"_s}
        << 0;
    QTest::addRow("markers are case-sensitive")
        << QByteArray("@Revoked * " + ed25519 + "\n")
        << QStringList{u"1:1: error: unknown marker '@Revoked'; expected @cert-authority or "
                       "@revoked"_s}
        << 0;
    QTest::addRow("comment where the key type belongs")
        << QByteArray("host #ssh-ed25519 AAAA\n")
        << QStringList{u"1:6: error: the line ends after the host names; expected a key type and "
                       "a key"_s}
        << 0;
    QTest::addRow("truncated key")
        << QByteArray("host ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7\n")
        << QStringList{u"1:18: error: the key data is truncated or not an SSH key"_s} << 0;
    QTest::addRow("key too short for a type")
        << QByteArray("host ssh-ed25519 AAAA\n")
        << QStringList{u"1:18: error: the key data is truncated or not an SSH key"_s} << 0;
    QTest::addRow("hashed, bad version")
        << QByteArray("|2|ili/X81qcn7ikuKdufUhwUuZ4aA=|z57aSxo+1eLPZFkL65sraSC9wB4= " + ed25519 +
                      "\n")
        << QStringList{u"1:1: error: invalid hashed host name; expected |1|salt|hash with a "
                       "20-byte salt and hash in base64"_s}
        << 0;
    QTest::addRow("hashed, extra field")
        << QByteArray("|1|ili/X81qcn7ikuKdufUhwUuZ4aA=|z57aSxo+1eLPZFkL65sraSC9wB4=|x " + ed25519 +
                      "\n")
        << QStringList{u"1:1: error: invalid hashed host name; expected |1|salt|hash with a "
                       "20-byte salt and hash in base64"_s}
        << 0;
    QTest::addRow("hashed name in a list")
        << QByteArray("a,|1|ili/X81qcn7ikuKdufUhwUuZ4aA=|z57aSxo+1eLPZFkL65sraSC9wB4= " + ed25519 +
                      "\n")
        << QStringList{u"1:3: warning: a hashed host name must stand alone in its field; "
                       "'|1|ili/X81qcn7ikuKdufUhwUuZ4aA=|z57aSxo+1eLPZFkL65sraSC9wB4=' never "
                       "matches"_s}
        << 1;
    QTest::addRow("empty pattern") << QByteArray("a,,b " + ed25519 + "\n")
                                   << QStringList{u"1:3: warning: empty host pattern"_s} << 1;
    QTest::addRow("NUL byte") << QByteArray("h\0st ", 5) + ed25519 + '\n' << QStringList{} << 1;
    QTest::addRow("Latin-1 comment")
        << QByteArray("h " + ed25519 + " M\xfcnchen\n") << QStringList{} << 1;
    QTest::addRow("non-ASCII in the key")
        << QByteArray("h ssh-ed25519 AAAA\xc3\xa9\n")
        << QStringList{u"1:15: error: the key is not valid base64"_s} << 0;

    QByteArray garbage(4096, Qt::Uninitialized);
    QRandomGenerator generator(20261123);
    for (char &byte : garbage)
        byte = char(generator.bounded(256));
    QTest::addRow("binary garbage") << garbage << QStringList{u"*"_s} << -1;
    QByteArray manyLines;
    for (int i = 0; i < 20000; ++i)
        manyLines += "host-" + QByteArray::number(i) + ".example.com " + ed25519 + '\n';
    QTest::addRow("twenty thousand lines") << manyLines << QStringList{} << 20000;
}

void KnownHostsTest::generatedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(int, entries);
    const KnownHostsParseResult result = parseKnownHosts(text, u"generated"_s);
    for (const Diagnostic &diagnostic : result.diagnostics) {
        QCOMPARE(diagnostic.file, u"generated"_s);
        QVERIFY(diagnostic.line >= 1);
        QVERIFY(diagnostic.column >= 1);
        QVERIFY(!diagnostic.message.isEmpty());
    }
    if (expected != QStringList{u"*"_s})
        QCOMPARE(render(result.diagnostics, u"generated"_s), expected);
    if (entries >= 0)
        QCOMPARE(result.entries.size(), entries);
}

void KnownHostsTest::missingFileIsEmpty()
{
    const KnownHostsParseResult missing = loadKnownHostsFile(u"/nonexistent/known_hosts"_s);
    QVERIFY(missing.entries.isEmpty());
    QVERIFY(missing.diagnostics.isEmpty());

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"known_hosts"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(MaximumKnownHostsFileSize + 1)); // sparse
    file.close();
    const KnownHostsParseResult huge = loadKnownHostsFile(path);
    QCOMPARE(render(huge.diagnostics, path),
             QStringList{u"error: the file is too large (64.0 MiB); a known_hosts file may be at "
                         "most 64 MiB"_s});
}

void KnownHostsTest::unreadableFileIsBlocking_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");

    QTest::addRow("directory") << u"directory"_s
                               << u"error: cannot open the file: it is a directory"_s;
    QTest::addRow("no permission")
        << u"mode 000"_s << u"error: cannot open the file: Permission denied"_s;
    QTest::addRow("behind a directory that cannot be searched")
        << u"unsearchable"_s << u"error: cannot open the file: Permission denied"_s;
    // Reading /proc/self/mem at offset 0 fails with EIO: a disk that gives up half-way.
    QTest::addRow("I/O error") << u"I/O error"_s
                               << u"error: cannot read the file: Input/output error"_s;
}

void KnownHostsTest::unreadableFileIsBlocking()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QString path = directory.filePath(u"known_hosts"_s);
    const QByteArray line =
        "h ssh-ed25519 "
        "AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs81ka82fP5BU\n";
    if (kind == u"directory") {
        QVERIFY(QDir().mkdir(path));
    } else if (kind == u"mode 000" || kind == u"unsearchable") {
        const QString inner = directory.filePath(u"inner"_s);
        QVERIFY(QDir().mkdir(inner));
        path = inner + u"/known_hosts"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(line);
        file.close();
        const QString locked = kind == u"mode 000" ? path : inner;
        QVERIFY(::chmod(QFile::encodeName(locked).constData(), 0) == 0);
        if (kind == u"mode 000")
            QVERIFY(::chmod(QFile::encodeName(inner).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(directory.path()).constData(), 0755) == 0);
    } else {
        path = u"/proc/self/mem"_s;
    }
    // Root reads whatever the mode: look as nobody (65534) does, for this call only.
    const bool asNobody = ::geteuid() == 0 && kind != u"I/O error" && kind != u"directory";
    if (asNobody)
        QVERIFY(::seteuid(65534) == 0);
    const KnownHostsParseResult result = loadKnownHostsFile(path);
    if (asNobody)
        QVERIFY(::seteuid(0) == 0);
    QVERIFY(result.entries.isEmpty());
    QCOMPARE(render(result.diagnostics, path), QStringList{message});
    QCOMPARE(result.blockingErrors, result.diagnostics);
    QCOMPARE(result.blockingErrors.constFirst().file, path);
    ::chmod(QFile::encodeName(directory.filePath(u"inner"_s)).constData(), 0700);
}

void KnownHostsTest::unreadableMarkerLinesAreBlocking_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("blocking");

    const QByteArray key =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs81ka82fP5BU";
    QTest::addRow("revoked without a key")
        << QByteArray("@revoked *\n")
        << QStringList{u"1:11: error: the line ends after the host names; expected a key type "
                       "and a key"_s};
    QTest::addRow("revoked, key not base64")
        << QByteArray("@revoked * ssh-ed25519 AAAA!\n")
        << QStringList{u"1:24: error: the key is not valid base64"_s};
    QTest::addRow("revoked, key of another type")
        << QByteArray("@revoked * ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIEqIm7YsYJFmwgXQb2qr0ugXRZkQIhMEs"
                      "81ka82fP5BU\n")
        << QStringList{u"1:20: error: the key data holds a 'ssh-ed25519' key, but the line says "
                       "'ssh-rsa'"_s};
    QTest::addRow("revoked, bad hashed name")
        << QByteArray("@revoked |1|c2hvcnQ=|x " + key + "\n")
        << QStringList{u"1:10: error: invalid hashed host name; expected |1|salt|hash with a "
                       "20-byte salt and hash in base64"_s};
    QTest::addRow("misspelt marker") << QByteArray("@revokd * " + key + "\n")
                                     << QStringList{u"1:1: error: unknown marker '@revokd'; "
                                                    "expected @cert-authority or @revoked"_s};
    QTest::addRow("cert authority without a key")
        << QByteArray("@cert-authority *.example.com\n")
        << QStringList{u"1:30: error: the line ends after the host names; expected a key type "
                       "and a key"_s};
    // ssh skips a broken plain line, and so does OpsDeck: it can only make a key unknown.
    QTest::addRow("plain line without a key")
        << QByteArray("host.example.com ssh-ed25519\n") << QStringList{};
    QTest::addRow("well-formed revocation")
        << QByteArray("@revoked * " + key + "\n") << QStringList{};
}

void KnownHostsTest::unreadableMarkerLinesAreBlocking()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, blocking);
    const KnownHostsParseResult result = parseKnownHosts(text, u"k"_s);
    QCOMPARE(render(result.blockingErrors, u"k"_s), blocking);
}

void KnownHostsTest::appendKeepsLinesAndIsPrivate()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"known_hosts"_s);
    // An old file, world-readable and without a final newline.
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("# mine\nold.example.com ssh-ed25519 AAAA");
    old.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    const mode_t previousMask = ::umask(0);
    const QString error = appendKnownHostsLine(path, "new.example.com ssh-ed25519 BBBB");
    ::umask(previousMask);
    QCOMPARE(error, QString());
    QCOMPARE(readFile(path), QByteArray("# mine\nold.example.com ssh-ed25519 AAAA\n"
                                        "new.example.com ssh-ed25519 BBBB\n"));
    struct stat status {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &status) == 0);
    QCOMPARE(status.st_mode & 07777, mode_t(0600));
    QVERIFY(!QFileInfo::exists(path + u".lock"_s));
    QCOMPARE(appendKnownHostsLine(path, "two\nlines"),
             u"the line to add is empty or more than one line"_s);
}

void KnownHostsTest::appendCreatesPrivateDirectories()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"a/b/known_hosts"_s);
    const mode_t previousMask = ::umask(0);
    const QString error = appendKnownHostsLine(path, "h ssh-ed25519 AAAA");
    ::umask(previousMask);
    QCOMPARE(error, QString());
    QCOMPARE(readFile(path), QByteArray("h ssh-ed25519 AAAA\n"));
    for (const QString &created : {directory.filePath(u"a"_s), directory.filePath(u"a/b"_s)}) {
        struct stat status {};
        QVERIFY(::stat(QFile::encodeName(created).constData(), &status) == 0);
        QCOMPARE(status.st_mode & 07777, mode_t(0700));
    }
    struct stat status {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &status) == 0);
    QCOMPARE(status.st_mode & 07777, mode_t(0600));
}

void KnownHostsTest::concurrentAppendsLoseNothing()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"known_hosts"_s);
    constexpr int Threads = 4;
    constexpr int LinesEach = 25;
    QList<QThread *> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.append(QThread::create([path, t] {
            for (int i = 0; i < LinesEach; ++i) {
                const QByteArray line = "host-" + QByteArray::number(t) + '-' +
                                        QByteArray::number(i) + " ssh-ed25519 AAAA";
                if (!appendKnownHostsLine(path, line).isEmpty())
                    return;
            }
        }));
        threads.constLast()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    const QList<QByteArray> lines = readFile(path).split('\n');
    QCOMPARE(lines.size(), Threads * LinesEach + 1); // the last is empty
    for (int t = 0; t < Threads; ++t) {
        for (int i = 0; i < LinesEach; ++i) {
            const QByteArray line =
                "host-" + QByteArray::number(t) + '-' + QByteArray::number(i) + " ssh-ed25519 AAAA";
            QVERIFY2(lines.contains(line), line.constData());
        }
    }
}

void KnownHostsTest::appendRefusesWhatItCannotRead()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    // A directory where the file should be: nothing is replaced.
    const QString path = directory.filePath(u"known_hosts"_s);
    QVERIFY(QDir().mkdir(path));
    QVERIFY(!appendKnownHostsLine(path, "h ssh-ed25519 AAAA").isEmpty());
    QVERIFY(QFileInfo(path).isDir());
}

QTEST_GUILESS_MAIN(KnownHostsTest)
#include "tst_knownhosts.moc"
