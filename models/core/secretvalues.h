// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace OpsDeck {

// What a secret value is shown as, wherever it would be shown.
inline constexpr QStringView SecretMask = u"********";

// Whether a placeholder, variable or option name says its value is secret: a word part such as
// password, passwd, pass, pwd, passphrase, token, secret, key (api_key, apiKey, ssh-key, but not
// keyspace or monkey), dsn, webhook, jwt, bearer, credential, auth or cookie, in any case and
// with any of `-`, `_`, `.`, spaces, brackets or camelCase between the parts.
bool looksLikeSecretName(QStringView name);

// Whether a value is a secret by its form alone, whatever it is called: a URL with
// `user:password@`, an `Authorization`-style `Bearer`/`Basic` credential, a JWT, a private key.
bool looksLikeSecretValue(QStringView value);

// The secret parts of a command line as typed (for the console's history and audit row):
// values of secret-named assignments and `--option=value`s (PGPASSWORD=xyz, --token=xyz), the
// password of a URL with credentials, the credential after Bearer/Basic, and JWTs.
QStringList secretsInText(QStringView text);

// text with every occurrence of each non-empty secret replaced by SecretMask; longer secrets
// first, so that a secret containing another is masked whole.
QString maskSecrets(QString text, QStringList secrets);

} // namespace OpsDeck
