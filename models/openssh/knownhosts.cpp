// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/openssh/knownhosts.h"

#include "models/core/filewriter.h"
#include "models/core/textlines.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <array>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype HashBytes = 20; // HMAC-SHA1, salt and result alike
constexpr int DefaultSshPort = 22;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Strict base64 (standard alphabet, '=' padding optional): nothing is silently skipped.
bool decodeBase64(QStringView text, QByteArray *decoded)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool valid = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                           (u >= u'0' && u <= u'9') || u == u'+' || u == u'/' || u == u'=';
        if (!valid)
            return false;
    }
    const QByteArray::FromBase64Result result = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *decoded = result.decoded;
    return !decoded->isEmpty();
}

// The SSH strings (a 32-bit big-endian length, then that many bytes) a blob is made of;
// nothing when the blob does not split into them exactly. Plain keys are only such strings:
// the type name, then e and n, or the curve and the point, or the key bytes.
QList<QByteArrayView> sshStrings(const QByteArray &blob)
{
    QList<QByteArrayView> strings;
    const auto *bytes = reinterpret_cast<const unsigned char *>(blob.constData());
    qsizetype offset = 0;
    while (offset < blob.size()) {
        if (blob.size() - offset < 4)
            return {};
        const quint32 length = (quint32(bytes[offset]) << 24) | (quint32(bytes[offset + 1]) << 16) |
                               (quint32(bytes[offset + 2]) << 8) | quint32(bytes[offset + 3]);
        offset += 4;
        if (length > quint64(blob.size() - offset))
            return {};
        strings.append(QByteArrayView(blob.constData() + offset, qsizetype(length)));
        offset += qsizetype(length);
    }
    return strings;
}

// The key type a blob names, or an empty string when it is truncated or not an SSH key at all.
// Certificates carry numbers between their strings, so of them only the type name is checked.
QString blobKeyType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const auto *bytes = reinterpret_cast<const unsigned char *>(blob.constData());
    const quint32 length = (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) |
                           (quint32(bytes[2]) << 8) | quint32(bytes[3]);
    if (length == 0 || length > quint32(blob.size() - 4))
        return {};
    const QString type = QString::fromLatin1(blob.constData() + 4, qsizetype(length));
    if (!type.contains(u"-cert-"_s) && sshStrings(blob).size() < 2)
        return {};
    return type;
}

bool matchesName(const KnownHostEntry &entry, const QString &lookupName)
{
    if (entry.hashed) {
        return QMessageAuthenticationCode::hash(lookupName.toUtf8(), entry.hashSalt,
                                                QCryptographicHash::Sha1) == entry.hashValue;
    }
    bool positive = false;
    for (const QString &pattern : entry.patterns) {
        const bool negated = pattern.startsWith(u'!');
        const QString lowered = sshLowerCase(negated ? QStringView(pattern).mid(1) : pattern);
        if (matchSshPattern(lookupName, lowered)) {
            if (negated)
                return false;
            positive = true;
        }
    }
    return positive;
}

// The verdict from the plain (unmarked) lines for one lookup name.
HostKeyVerdict checkPlainLines(const QList<KnownHostEntry> &entries, const QString &lookupName,
                               const QString &keyType, const QByteArray &keyBlob)
{
    const KnownHostEntry *sameType = nullptr;
    const KnownHostEntry *otherType = nullptr;
    for (const KnownHostEntry &entry : entries) {
        if (entry.marker != KnownHostEntry::None || !matchesName(entry, lookupName))
            continue;
        if (entry.keyType == keyType) {
            if (entry.keyBlob == keyBlob) {
                HostKeyVerdict verdict;
                verdict.status = HostKeyVerdict::Trusted;
                verdict.file = entry.file;
                verdict.line = entry.line;
                return verdict;
            }
            if (!sameType)
                sameType = &entry;
        } else if (!otherType) {
            otherType = &entry;
        }
    }
    HostKeyVerdict verdict;
    const KnownHostEntry *offending = sameType ? sameType : otherType;
    if (offending) {
        verdict.status = HostKeyVerdict::Changed;
        verdict.file = offending->file;
        verdict.line = offending->line;
        verdict.knownKeyType = offending->keyType;
        verdict.otherKeyTypesKnown = !sameType;
    }
    return verdict;
}

// Host names and key types go into a line unquoted: nothing that would split the line into
// other fields or make it a comment, a marker or a hashed name.
bool writableField(const QString &text)
{
    if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(u'@') || text.startsWith(u'|') ||
        text.startsWith(u'!'))
        return false;
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == u',')
            return false;
    }
    return true;
}

class KnownHostsParser
{
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)

public:
    KnownHostsParser(const QString &fileName, KnownHostsParseResult &result)
        : m_fileName(fileName)
        , m_result(result)
    {
    }

    void parse(const QByteArray &text)
    {
        forEachLine(text, [this](QByteArrayView line, int lineNumber) {
            parseLine(QString::fromUtf8(line), lineNumber);
        });
    }

private:
    struct Field {
        qsizetype start = 0;
        qsizetype end = 0;
        bool isEmpty() const { return start == end; }
    };

    // The next run of non-blank characters at or after from; empty at the end of the line.
    static Field nextField(const QString &line, qsizetype from)
    {
        while (from < line.size() && isBlank(line[from]))
            ++from;
        Field field{from, from};
        while (field.end < line.size() && !isBlank(line[field.end]))
            ++field.end;
        return field;
    }

    static QStringView text(const QString &line, Field field)
    {
        return QStringView(line).mid(field.start, field.end - field.start);
    }

    void report(Diagnostic::Severity severity, int line, qsizetype index, const QString &message)
    {
        m_result.diagnostics.append({severity, m_fileName, line, int(index) + 1, message});
    }

    void error(int line, qsizetype index, const QString &message)
    {
        report(Diagnostic::Severity::Error, line, index, message);
        if (m_markerLine)
            m_result.blockingErrors.append(m_result.diagnostics.constLast());
    }

    void warning(int line, qsizetype index, const QString &message)
    {
        report(Diagnostic::Severity::Warning, line, index, message);
    }

    void parseLine(const QString &line, int lineNumber)
    {
        Field field = nextField(line, 0);
        if (field.isEmpty() || line[field.start] == u'#')
            return; // blank line or comment

        KnownHostEntry entry;
        entry.file = m_fileName;
        entry.line = lineNumber;

        m_markerLine = line[field.start] == u'@';
        if (m_markerLine) {
            const QStringView marker = text(line, field);
            if (marker == u"@cert-authority") {
                entry.marker = KnownHostEntry::CertAuthority;
            } else if (marker == u"@revoked") {
                entry.marker = KnownHostEntry::Revoked;
            } else {
                error(lineNumber, field.start,
                      tr("unknown marker '%1'; expected @cert-authority or @revoked")
                          .arg(marker.toString()));
                return;
            }
            field = nextField(line, field.end);
            if (field.isEmpty()) {
                error(lineNumber, line.size(),
                      tr("the line ends after the marker; expected host names"));
                return;
            }
            if (line[field.start] == u'@') {
                error(lineNumber, field.start, tr("only one marker is allowed on a line"));
                return;
            }
        }

        const Field hosts = field;
        const Field type = nextField(line, hosts.end);
        if (type.isEmpty() || line[type.start] == u'#') {
            error(lineNumber, type.start,
                  tr("the line ends after the host names; expected a key type and a key"));
            return;
        }
        entry.keyType = text(line, type).toString();
        bool allDigits = true;
        for (QChar c : entry.keyType)
            allDigits = allDigits && c.isDigit();
        if (allDigits) {
            error(lineNumber, type.start,
                  tr("this is an SSH protocol 1 key (bits, exponent, modulus), which OpenSSH no "
                     "longer reads"));
            return;
        }

        const Field key = nextField(line, type.end);
        if (key.isEmpty()) {
            error(lineNumber, key.start,
                  tr("the line ends after the key type '%1'; expected the key in base64")
                      .arg(entry.keyType));
            return;
        }
        if (!decodeBase64(text(line, key), &entry.keyBlob)) {
            error(lineNumber, key.start, tr("the key is not valid base64"));
            return;
        }
        const QString blobType = blobKeyType(entry.keyBlob);
        if (blobType.isEmpty()) {
            error(lineNumber, key.start, tr("the key data is truncated or not an SSH key"));
            return;
        }
        if (blobType != entry.keyType) {
            error(lineNumber, key.start,
                  tr("the key data holds a '%1' key, but the line says '%2'")
                      .arg(blobType, entry.keyType));
            return;
        }
        entry.comment = QStringView(line).mid(key.end).trimmed().toString();

        if (!parseHosts(line, hosts, lineNumber, entry))
            return;
        m_result.entries.append(entry);
    }

    bool parseHosts(const QString &line, Field hosts, int lineNumber, KnownHostEntry &entry)
    {
        const QStringView names = text(line, hosts);
        if (names.startsWith(u'|')) {
            // "|1|salt|hash": exactly one hashed name, salt and hash 20 bytes each.
            const QList<QStringView> parts = names.split(u'|');
            if (parts.size() != 4 || parts[1] != u"1" || !decodeBase64(parts[2], &entry.hashSalt) ||
                !decodeBase64(parts[3], &entry.hashValue) || entry.hashSalt.size() != HashBytes ||
                entry.hashValue.size() != HashBytes) {
                error(lineNumber, hosts.start,
                      tr("invalid hashed host name; expected |1|salt|hash with a 20-byte salt and "
                         "hash in base64"));
                return false;
            }
            entry.hashed = true;
            return true;
        }

        bool anyPositive = false;
        qsizetype offset = hosts.start;
        for (const QStringView pattern : names.split(u',')) {
            if (pattern.isEmpty() || pattern == u"!") {
                warning(lineNumber, offset, tr("empty host pattern"));
            } else if (pattern.startsWith(u'|')) {
                warning(lineNumber, offset,
                        tr("a hashed host name must stand alone in its field; '%1' never "
                           "matches")
                            .arg(pattern.toString()));
            }
            if (!pattern.startsWith(u'!') && !pattern.isEmpty())
                anyPositive = true;
            entry.patterns.append(pattern.toString());
            offset += pattern.size() + 1;
        }
        if (!anyPositive) {
            warning(lineNumber, hosts.start,
                    tr("the line has no host pattern that is not negated, so it never matches"));
        }
        return true;
    }

    const QString &m_fileName;
    KnownHostsParseResult &m_result;
    bool m_markerLine = false; // the line being read starts with a marker
};

class KnownHostsFile
{
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)

public:
    static KnownHostsParseResult load(const QString &path)
    {
        KnownHostsParseResult result;
        auto fail = [&](const QString &message) {
            result.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0, message});
            result.blockingErrors.append(result.diagnostics.constLast());
            return result;
        };
        // Only "there is no such file" means nothing is known; QFile::exists() would say the
        // same of a file behind a directory that cannot be searched.
        struct stat status {};
        if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
            const int error = errno;
            if (error == ENOENT || error == ENOTDIR)
                return result;
            return fail(
                tr("cannot open the file: %1").arg(QString::fromLocal8Bit(std::strerror(error))));
        }
        if (S_ISDIR(status.st_mode))
            return fail(tr("cannot open the file: it is a directory"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot open the file: %1").arg(file.errorString()));
        if (file.size() > MaximumKnownHostsFileSize) {
            return fail(tr("the file is too large (%1 MiB); a known_hosts file may be at most "
                           "%2 MiB")
                            .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
                            .arg(MaximumKnownHostsFileSize / (1024 * 1024)));
        }
        const QByteArray text = file.read(MaximumKnownHostsFileSize + 1);
        if (file.error() != QFileDevice::NoError)
            return fail(tr("cannot read the file: %1").arg(file.errorString()));
        return parseKnownHosts(text, path);
    }

    static QString append(const QString &path, const QByteArray &line)
    {
        if (line.isEmpty() || line.contains('\n') || line.contains('\r'))
            return tr("the line to add is empty or more than one line");
        const QFileInfo info(path);
        if (const QString error = makeDirectories(info.absolutePath()); !error.isEmpty())
            return error;
        // Other OpsDeck threads and processes add lines too: one at a time, each reading what
        // the last one wrote.
        QLockFile lock(info.absoluteFilePath() + u".lock"_s);
        lock.setStaleLockTime(30000);
        if (!lock.tryLock(10000))
            return tr("another program holds the lock file %1").arg(lock.fileName());
        QByteArray text;
        if (info.exists()) {
            QFile existing(path);
            if (!existing.open(QIODevice::ReadOnly))
                return tr("cannot read the file: %1").arg(existing.errorString());
            text = existing.readAll();
            if (existing.error() != QFileDevice::NoError)
                return tr("cannot read the file: %1").arg(existing.errorString());
            if (!text.isEmpty() && !text.endsWith('\n'))
                text += '\n';
        }
        text += line + '\n';
        return FileWriter::savePrivate(info.absoluteFilePath(), text).reason;
    }

private:
    // Creates what is missing of a directory path, each new directory 0700.
    static QString makeDirectories(const QString &directory)
    {
        QStringList missing;
        for (QString path = QDir::cleanPath(directory); !QFileInfo::exists(path);
             path = QFileInfo(path).path()) {
            missing.prepend(path);
            if (QFileInfo(path).path() == path)
                break;
        }
        for (const QString &path : std::as_const(missing)) {
            const QFileDevice::Permissions ownerOnly =
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
            if (!QDir().mkdir(path, ownerOnly) && !QFileInfo(path).isDir())
                return tr("cannot create the directory %1").arg(path);
            // mkdir() is subject to the umask, which can only take bits away: set it exactly.
            QFile::setPermissions(path, ownerOnly);
        }
        return {};
    }
};

} // namespace

KnownHostsParseResult parseKnownHosts(const QByteArray &text, const QString &fileName)
{
    KnownHostsParseResult result;
    KnownHostsParser(fileName, result).parse(text);
    return result;
}

KnownHostsParseResult loadKnownHostsFile(const QString &path)
{
    return KnownHostsFile::load(path);
}

QString appendKnownHostsLine(const QString &path, const QByteArray &line)
{
    return KnownHostsFile::append(path, line);
}

QString knownHostsLookupName(const QString &host, int port)
{
    const QString lower = sshLowerCase(host);
    if (port <= 0 || port == DefaultSshPort)
        return lower;
    return u'[' + lower + u"]:" + QString::number(port);
}

bool matchSshPattern(QStringView text, QStringView pattern)
{
    // Greedy matching that backtracks only to the last '*': O(text × pattern) at worst.
    qsizetype t = 0;
    qsizetype p = 0;
    qsizetype starPattern = -1;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            starPattern = p++;
            starText = t;
        } else if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (starPattern >= 0) {
            p = starPattern + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool knownHostEntryMatches(const KnownHostEntry &entry, const QString &host, int port)
{
    return matchesName(entry, knownHostsLookupName(host, port));
}

HostKeyVerdict verifyHostKey(const QList<KnownHostEntry> &entries, const QString &host, int port,
                             const QString &keyType, const QByteArray &keyBlob)
{
    for (const KnownHostEntry &entry : entries) {
        if (entry.marker == KnownHostEntry::Revoked && entry.keyType == keyType &&
            entry.keyBlob == keyBlob) {
            HostKeyVerdict verdict;
            verdict.status = HostKeyVerdict::Revoked;
            verdict.file = entry.file;
            verdict.line = entry.line;
            return verdict;
        }
    }
    const QString lookupName = knownHostsLookupName(host, port);
    HostKeyVerdict verdict = checkPlainLines(entries, lookupName, keyType, keyBlob);
    if (verdict.status != HostKeyVerdict::Unknown)
        return verdict;
    // ssh: nothing known for "[host]:port", so a line for the bare host that holds this very
    // key is good enough ("found matching key w/out port"). A different key there is not a
    // change: the host stays unknown.
    const QString withoutPort = knownHostsLookupName(host, DefaultSshPort);
    if (withoutPort != lookupName) {
        HostKeyVerdict fallback = checkPlainLines(entries, withoutPort, keyType, keyBlob);
        if (fallback.status == HostKeyVerdict::Trusted) {
            fallback.matchedWithoutPort = true;
            return fallback;
        }
    }
    for (const KnownHostEntry &entry : entries) {
        if (entry.marker == KnownHostEntry::CertAuthority && matchesName(entry, lookupName)) {
            verdict.status = HostKeyVerdict::CertificateAuthority;
            verdict.file = entry.file;
            verdict.line = entry.line;
            return verdict;
        }
    }
    return verdict;
}

QString sha256Fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return u"SHA256:"_s + QString::fromLatin1(digest.toBase64(QByteArray::Base64Encoding |
                                                              QByteArray::OmitTrailingEquals));
}

QByteArray hashKnownHostName(const QString &lookupName, const QByteArray &salt)
{
    const QByteArray hash =
        QMessageAuthenticationCode::hash(lookupName.toUtf8(), salt, QCryptographicHash::Sha1);
    return "|1|" + salt.toBase64() + '|' + hash.toBase64();
}

QByteArray formatKnownHostsLine(const QString &host, int port, const QString &keyType,
                                const QByteArray &keyBlob, bool hash)
{
    if (!writableField(host) || !writableField(keyType) || keyBlob.isEmpty())
        return {};
    const QString lookupName = knownHostsLookupName(host, port);
    QByteArray names;
    if (hash) {
        std::array<quint32, HashBytes / sizeof(quint32)> random{};
        QRandomGenerator::system()->fillRange(random.data(), qsizetype(random.size()));
        const QByteArray salt(reinterpret_cast<const char *>(random.data()), HashBytes);
        names = hashKnownHostName(lookupName, salt);
    } else {
        names = lookupName.toUtf8();
    }
    return names + ' ' + keyType.toUtf8() + ' ' + keyBlob.toBase64();
}

QString sshLowerCase(QStringView text)
{
    QString lower = text.toString();
    for (QChar &c : lower) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return lower;
}

} // namespace OpsDeck
