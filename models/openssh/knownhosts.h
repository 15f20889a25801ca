// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace OpsDeck {

// One usable line of an OpenSSH known_hosts file (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT").
struct KnownHostEntry {
    enum Marker { None, Revoked, CertAuthority };

    QString file;
    int line = 0; // 1-based
    Marker marker = None;
    // The comma-separated host patterns as written, negations ("!x"), wildcards ("*", "?") and
    // the "[host]:port" form included. Empty for a hashed entry.
    QStringList patterns;
    // "|1|salt|hash": HMAC-SHA1 keyed with hashSalt over the host name gives hashValue.
    bool hashed = false;
    QByteArray hashSalt;
    QByteArray hashValue;
    QString keyType;    // "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...
    QByteArray keyBlob; // the decoded base64: the key in SSH wire format
    QString comment;

    friend bool operator==(const KnownHostEntry &, const KnownHostEntry &) = default;
};

struct KnownHostsParseResult {
    QList<KnownHostEntry> entries;
    // Errors name lines that were skipped (as ssh skips them); warnings name lines that are kept
    // but cannot do what they seem to say.
    Diagnostics diagnostics;
    // The errors no host key may be judged past: a file that exists but cannot be read, and a
    // line that starts with a marker but cannot be read (a revocation that was meant but would
    // be lost). Skipping them could turn a revoked key into an unknown one that the user then
    // accepts. Each is in diagnostics too.
    Diagnostics blockingErrors;
};

// A known_hosts file is one line per host key; the cap only keeps a wrongly chosen file (a
// dump, an image) from being read whole.
inline constexpr qint64 MaximumKnownHostsFileSize = 64 * 1024 * 1024;

// Parses known_hosts text. fileName goes into the entries and diagnostics. Comments, blank
// lines and CRLF line ends are fine; any bytes at all give entries and diagnostics, never a
// crash.
KnownHostsParseResult parseKnownHosts(const QByteArray &text, const QString &fileName);

// Reads and parses a file. A missing file (or a missing directory on its path) is an empty
// result without diagnostics: that is simply a user who has not connected anywhere yet. A file
// that exists but cannot be read (permissions, a directory, an I/O error, too large) is a
// blocking error.
KnownHostsParseResult loadKnownHostsFile(const QString &path);

// Adds one line (without its line end) to a known_hosts file, creating it and its missing
// directories. The file is replaced atomically with its old lines and the new one, so a crash
// leaves either; concurrent writers in this and other processes wait for each other. The file
// ends up 0600 and directories created here 0700, whatever the umask. Returns why it failed,
// empty on success; an existing file that cannot be read is left alone.
QString appendKnownHostsLine(const QString &path, const QByteArray &line);

// The name ssh looks a host up by: "host" on port 22, "[host]:port" otherwise; lower case.
QString knownHostsLookupName(const QString &host, int port);

// OpenSSH's glob for host names: '*' matches any run of characters, '?' exactly one.
// Case-sensitive; linear in the lengths, whatever the pattern.
bool matchSshPattern(QStringView text, QStringView pattern);

// Whether the entry names the host, like ssh: a negated pattern that matches rules the line
// out; a hashed entry matches when its HMAC of the lookup name equals its hash. Markers are
// not looked at.
bool knownHostEntryMatches(const KnownHostEntry &entry, const QString &host, int port);

struct HostKeyVerdict {
    enum Status { Trusted, Unknown, Changed, Revoked, CertificateAuthority };

    Status status = Unknown;
    // Trusted: the line that vouches for the key. Changed: the offending line, the one to fix
    // (ssh's "Offending ED25519 key in ~/.ssh/known_hosts:12"). Revoked: the @revoked line.
    // CertificateAuthority: the @cert-authority line that names the host.
    QString file;
    int line = 0;
    QString knownKeyType; // Changed: the type of the key that line holds
    // Changed only because keys of other types are known for the host: none of the presented
    // type is. ssh reports this as changed too, naming a line with another type.
    bool otherKeyTypesKnown = false;
    // Trusted through a line for the plain host name although the port is not 22, as ssh does
    // when nothing is known for "[host]:port".
    bool matchedWithoutPort = false;

    friend bool operator==(const HostKeyVerdict &, const HostKeyVerdict &) = default;
};

// Checks the key a server presented against known_hosts entries, as ssh would:
//  - Revoked: a @revoked line holds this key. Unlike ssh, which only heeds the @revoked lines
//    whose host patterns match, any @revoked line counts here: a stolen key is refused for
//    every host.
//  - Trusted: a plain line that matches the host holds this key.
//  - Changed: a plain matching line holds another key of the same type, or only keys of other
//    types are known (otherKeyTypesKnown).
//  - CertificateAuthority: no plain line matches the host, but a @cert-authority line does:
//    the host's keys are meant to be checked as certificates, which OpsDeck does not do. Not
//    Unknown, so that nobody is asked to accept a key a CA was supposed to vouch for.
//  - Unknown: no line matches the host. @cert-authority lines never vouch for a plain key.
HostKeyVerdict verifyHostKey(const QList<KnownHostEntry> &entries, const QString &host, int port,
                             const QString &keyType, const QByteArray &keyBlob);

// "SHA256:" and the unpadded base64 of the SHA-256 of the key, as `ssh-keygen -lf` prints it.
// Host names as ssh compares them: lower-cased like tolower(3) in the C locale, ASCII only.
QString sshLowerCase(QStringView text);

QString sha256Fingerprint(const QByteArray &keyBlob);

// "|1|salt|hash" for a lookup name (see knownHostsLookupName), as `ssh-keygen -H` writes it.
QByteArray hashKnownHostName(const QString &lookupName, const QByteArray &salt);

// The known_hosts line that remembers an accepted key, without a line end: "host keytype
// base64", the host hashed with a fresh random 20-byte salt when hash is set. Empty when the
// host, type or key cannot be written on one line.
QByteArray formatKnownHostsLine(const QString &host, int port, const QString &keyType,
                                const QByteArray &keyBlob, bool hash);

} // namespace OpsDeck
