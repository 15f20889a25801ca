// SPDX-License-Identifier: GPL-3.0-or-later
// Which names and values count as secret: the one rule the runbook steps, the console, the
// executors' environment and the incident timeline all follow.
#include "models/core/secretvalues.h"

#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class SecretValuesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretNames_data();
    void secretNames();
    void secretValues_data();
    void secretValues();
    void secretsInCommands_data();
    void secretsInCommands();
    void maskingLongestFirst();
};

void SecretValuesTest::secretNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    const auto row = [](const QString &name, bool secret) {
        QTest::newRow(qPrintable(name)) << name << secret;
    };
    // Passwords in every spelling runbooks use.
    row(u"<db-password>"_s, true);
    row(u"PGPASSWORD"_s, true);
    row(u"MYSQL_PWD"_s, true);
    row(u"[db pass]"_s, true);
    row(u"admin_passwd"_s, true);
    row(u"<gpg-passphrase>"_s, true);
    row(u"$REDIS_PASSWORD"_s, true);
    // Tokens, secrets, keys.
    row(u"GITHUB_TOKEN"_s, true);
    row(u"authToken"_s, true);
    row(u"<vault-token>"_s, true);
    row(u"client_secret"_s, true);
    row(u"AWS_SECRET_ACCESS_KEY"_s, true);
    row(u"api_key"_s, true);
    row(u"apikey"_s, true);
    row(u"apiKey"_s, true);
    row(u"YOUR_API_KEY"_s, true);
    row(u"<ssh-key>"_s, true);
    row(u"[private key]"_s, true);
    row(u"SENTRY_DSN"_s, true);
    row(u"<dsn>"_s, true);
    row(u"SLACK_WEBHOOK_URL"_s, true);
    row(u"slackwebhook"_s, true);
    row(u"<jwt>"_s, true);
    row(u"bearer"_s, true);
    row(u"<credentials>"_s, true);
    row(u"basic-auth"_s, true);
    row(u"session_cookie"_s, true);
    // Words that only contain the letters, and names that point at a secret without holding it.
    row(u"keyspace"_s, false);
    row(u"<monkey>"_s, false);
    row(u"<key>"_s, false);
    row(u"redis-key"_s, false);
    row(u"primary_key"_s, false);
    row(u"hotkey"_s, false);
    row(u"bypass"_s, false);
    row(u"compass"_s, false);
    row(u"passthrough"_s, false);
    row(u"tokenizer"_s, false);
    row(u"secretary"_s, false);
    row(u"author"_s, false);
    row(u"<secret-name>"_s, false);
    row(u"ssh_key_file"_s, false);
    row(u"TOKEN_PATH"_s, false);
    row(u"aws_access_key_id"_s, false);
    row(u"auth-method"_s, false);
    row(u"PWD"_s, false);
    row(u"OLDPWD"_s, false);
    row(u"<pod-name>"_s, false);
    row(u"NAMESPACE"_s, false);
    row(u"PGSSLMODE"_s, false);
    row(u"PGOPTIONS"_s, false);
    row(u"PGCONNECT_TIMEOUT"_s, false);
}

void SecretValuesTest::secretNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(looksLikeSecretName(name), secret);
}

void SecretValuesTest::secretValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::newRow("postgres url with password")
        << u"postgres://app:s3cr3t@db.internal:5432/app"_s << true;
    QTest::newRow("redis url, password only") << u"redis://:hunter2@cache:6379/0"_s << true;
    QTest::newRow("https url with user and password")
        << u"https://deploy:tok@git.example.com/repo.git"_s << true;
    QTest::newRow("bearer header") << u"Authorization: Bearer abcdef123456"_s << true;
    QTest::newRow("bearer alone") << u"Bearer abcdef123456"_s << true;
    QTest::newRow("basic header") << u"Basic dXNlcjpwYXNz"_s << true;
    QTest::newRow("jwt")
        << u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s
        << true;
    QTest::newRow("private key") << u"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n"_s << true;
    QTest::newRow("url without credentials") << u"https://example.com/status"_s << false;
    QTest::newRow("url with user only") << u"ssh://admin@bastion:22"_s << false;
    QTest::newRow("url with port and an @ in the path") << u"http://host:8080/users/@me"_s << false;
    QTest::newRow("hostname, three labels") << u"api.example.com"_s << false;
    QTest::newRow("version") << u"1.24.3"_s << false;
    QTest::newRow("pod name") << u"web-7d9f8c6b5-x2x4k"_s << false;
    QTest::newRow("the word bearer") << u"bearer"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void SecretValuesTest::secretValues()
{
    QFETCH(QString, value);
    QFETCH(bool, secret);
    QCOMPARE(looksLikeSecretValue(value), secret);
}

void SecretValuesTest::secretsInCommands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("secrets");
    QTest::newRow("PGPASSWORD before psql")
        << u"PGPASSWORD=xyz psql -h db -c 'select 1'"_s << QStringList{u"xyz"_s};
    QTest::newRow("exported token, quoted")
        << u"export GITHUB_TOKEN='ghp abc'; gh pr list"_s << QStringList{u"ghp abc"_s};
    QTest::newRow("double quotes") << u"API_KEY=\"k-1\" ./deploy.sh"_s << QStringList{u"k-1"_s};
    QTest::newRow("long option") << u"vault login --token=s.abc123 -method=token"_s
                                 << QStringList{u"s.abc123"_s};
    QTest::newRow("url with credentials")
        << u"psql postgres://app:s3cr3t@db/app -c 'select 1'"_s << QStringList{u"s3cr3t"_s};
    QTest::newRow("curl header") << u"curl -H 'Authorization: Bearer abcdef123456' https://api/x"_s
                                 << QStringList{u"abcdef123456"_s};
    QTest::newRow("api key header")
        << u"curl -H \"X-Api-Key: k3y\" https://api/x"_s << QStringList{u"k3y"_s};
    QTest::newRow("a reference is no secret")
        << u"PGPASSWORD=$(cat ~/.pw) psql; TOKEN=\"$T\" x"_s << QStringList{};
    QTest::newRow("nothing secret")
        << u"kubectl get pods -n web --selector=app=api"_s << QStringList{};
    QTest::newRow("plain url") << u"curl -sI https://example.com:443/health"_s << QStringList{};
}

void SecretValuesTest::secretsInCommands()
{
    QFETCH(QString, command);
    QFETCH(QStringList, secrets);
    QCOMPARE(secretsInText(command), secrets);
    QString masked = maskSecrets(command, secretsInText(command));
    for (const QString &secret : std::as_const(secrets))
        QVERIFY2(!masked.contains(secret), qPrintable(masked));
    QCOMPARE(masked.count(SecretMask), secrets.size());
}

void SecretValuesTest::maskingLongestFirst()
{
    QCOMPARE(maskSecrets(u"a=abc b=abcdef"_s, {u"abc"_s, u"abcdef"_s}), u"a=******** b=********"_s);
    QCOMPARE(maskSecrets(u"nothing"_s, {QString()}), u"nothing"_s);
}

QTEST_GUILESS_MAIN(SecretValuesTest)
#include "tst_secretvalues.moc"
