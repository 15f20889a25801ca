// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/secretvalues.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

// A name's word parts, lower case: `AWS_SECRET_ACCESS_KEY`, `apiKey`, `<ssh-key>`,
// `[db password]` all split where people see words.
QStringList nameParts(QStringView name)
{
    QStringList parts;
    QString part;
    QChar previous;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber()) {
            if (!part.isEmpty())
                parts.append(std::exchange(part, QString()));
        } else {
            if (c.isUpper() && previous.isLower() && !part.isEmpty())
                parts.append(std::exchange(part, QString())); // camelCase
            part += c.toLower();
        }
        previous = c;
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

// Parts that are a secret on their own, and endings of words glued together (PGPASSWORD,
// authtoken, clientsecret, slackwebhook).
const QSet<QString> &secretParts()
{
    static const QSet<QString> parts = {
        u"password"_s,      u"passwords"_s,  u"passwd"_s,  u"pass"_s,        u"pwd"_s,
        u"passphrase"_s,    u"passcode"_s,   u"token"_s,   u"tokens"_s,      u"secret"_s,
        u"secrets"_s,       u"dsn"_s,        u"webhook"_s, u"webhooks"_s,    u"jwt"_s,
        u"bearer"_s,        u"credential"_s, u"creds"_s,   u"credentials"_s, u"auth"_s,
        u"authorization"_s, u"cookie"_s,
    };
    return parts;
}

const QStringList &secretEndings()
{
    static const QStringList endings = {
        u"password"_s,  u"passwd"_s,     u"passphrase"_s,  u"token"_s,  u"secret"_s,
        u"webhook"_s,   u"credential"_s, u"credentials"_s, u"apikey"_s, u"accesskey"_s,
        u"secretkey"_s, u"privatekey"_s, u"sshkey"_s,
    };
    return endings;
}

// `key` alone names a Redis key, a sort key, a map key: it is a secret only after a word that
// makes it a credential (api_key, ssh-key, private key).
const QSet<QString> &credentialKeyKinds()
{
    static const QSet<QString> kinds = {
        u"api"_s,     u"ssh"_s,     u"access"_s,     u"secret"_s,  u"private"_s, u"signing"_s,
        u"master"_s,  u"license"_s, u"encryption"_s, u"client"_s,  u"auth"_s,    u"gpg"_s,
        u"pgp"_s,     u"app"_s,     u"deploy"_s,     u"account"_s, u"admin"_s,   u"hmac"_s,
        u"session"_s, u"service"_s, u"shared"_s,     u"root"_s,
    };
    return kinds;
}

// A last part that makes the name point at a secret rather than hold one: secret_name,
// key_file, token_path, auth_method.
const QSet<QString> &qualifierParts()
{
    static const QSet<QString> parts = {
        u"name"_s,   u"names"_s, u"id"_s,        u"ids"_s,       u"file"_s,    u"files"_s,
        u"path"_s,   u"dir"_s,   u"directory"_s, u"namespace"_s, u"type"_s,    u"kind"_s,
        u"method"_s, u"mode"_s,  u"length"_s,    u"count"_s,     u"ttl"_s,     u"expiry"_s,
        u"ref"_s,    u"arn"_s,   u"label"_s,     u"field"_s,     u"version"_s, u"size"_s,
    };
    return parts;
}

bool isSecretPart(const QStringList &parts, qsizetype index)
{
    const QString &part = parts[index];
    if (secretParts().contains(part))
        return true;
    if (part == u"key" || part == u"keys")
        return index > 0 && credentialKeyKinds().contains(parts[index - 1]);
    return std::ranges::any_of(secretEndings(),
                               [&part](const QString &ending) { return part.endsWith(ending); });
}

const QRegularExpression &urlCredentials()
{
    // scheme://user:PASSWORD@ — the user may be empty (redis://:secret@host).
    static const QRegularExpression pattern(
        uR"([A-Za-z][A-Za-z0-9+.-]*://[^\s/?#@:]*:([^\s@/]+)@)"_s);
    return pattern;
}

const QRegularExpression &authorizationCredential()
{
    static const QRegularExpression pattern(uR"(\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{6,}))"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression &jsonWebToken()
{
    // A JWT's header is base64url JSON, so it starts with "eyJ" ({"): unlike host.example.com.
    static const QRegularExpression pattern(
        uR"(\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)"_s);
    return pattern;
}

const QRegularExpression &privateKey()
{
    static const QRegularExpression pattern(u"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----"_s);
    return pattern;
}

// A value as written after `=` or `:`, without its quotes; empty for a reference ($TOKEN,
// "$(cat file)"), which is no secret itself.
QString writtenValue(QString value)
{
    if (value.size() >= 2 && (value.front() == u'\'' || value.front() == u'"') &&
        value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    if (value.startsWith(u'$'))
        return {};
    return value;
}

} // namespace

bool looksLikeSecretName(QStringView name)
{
    if (name == u"PWD" || name == u"OLDPWD") // the shell's working directories
        return false;
    const QStringList parts = nameParts(name);
    if (parts.size() > 1 && qualifierParts().contains(parts.back()))
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (isSecretPart(parts, i))
            return true;
    }
    return false;
}

bool looksLikeSecretValue(QStringView value)
{
    const QString text = value.toString();
    return urlCredentials().match(text).hasMatch() ||
           authorizationCredential().match(text).hasMatch() ||
           jsonWebToken().match(text).hasMatch() || privateKey().match(text).hasMatch();
}

QStringList secretsInText(QStringView text)
{
    const QString subject = text.toString();
    QStringList secrets;
    const auto add = [&secrets](const QString &secret) {
        if (!secret.isEmpty() && !secrets.contains(secret))
            secrets.append(secret);
    };
    // NAME=value (also after export), --name=value, -name=value.
    static const QRegularExpression assignment(
        uR"((?<![\w$])(-{0,2}[A-Za-z_][\w.-]*)=('[^']*'|"(?:[^"\\]|\\.)*"|[^\s;&|()'"]+))"_s);
    for (auto it = assignment.globalMatch(subject); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (looksLikeSecretName(match.capturedView(1)))
            add(writtenValue(match.captured(2)));
    }
    // Header-like `Name: value` (curl -H 'X-Api-Key: abc', 'Authorization: Bearer abc').
    static const QRegularExpression header(
        uR"(\b([A-Za-z][\w-]*):[ \t]*(?:(?:Bearer|Basic|Token)[ \t]+)?([^\s'"]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = header.globalMatch(subject); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!match.captured(2).startsWith(u"//") && looksLikeSecretName(match.capturedView(1)))
            add(writtenValue(match.captured(2)));
    }
    for (const QRegularExpression *pattern : {&urlCredentials(), &authorizationCredential()}) {
        for (auto it = pattern->globalMatch(subject); it.hasNext();)
            add(it.next().captured(1));
    }
    for (auto it = jsonWebToken().globalMatch(subject); it.hasNext();)
        add(it.next().captured(0));
    return secrets;
}

QString maskSecrets(QString text, QStringList secrets)
{
    std::ranges::sort(secrets,
                      [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : std::as_const(secrets)) {
        if (!secret.isEmpty())
            text.replace(secret, SecretMask.toString());
    }
    return text;
}

} // namespace OpsDeck
