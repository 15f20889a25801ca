// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspaceloader.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &relative)
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/") + relative;
}

// The diagnostics without the file name, as "line:column: severity: message".
QStringList render(const Diagnostics &diagnostics, const QString &fileName)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        QString line = diagnostic.toString();
        if (line.startsWith(fileName + u": "))
            line.remove(0, fileName.size() + 2); // a diagnostic about the whole file
        else if (line.startsWith(fileName + u':'))
            line.remove(0, fileName.size() + 1);
        lines.append(line);
    }
    return lines;
}

// A large but valid workspace: many hosts, each with a few children.
QByteArray manyHosts(int count)
{
    QByteArray text = "environments:\n  - name: fleet\n    hosts:\n";
    for (int i = 0; i < count; ++i) {
        text += "      - name: host-" + QByteArray::number(i) + "\n        address: 10." +
                QByteArray::number(i / 65536 % 256) + '.' + QByteArray::number(i / 256 % 256) +
                '.' + QByteArray::number(i % 256) +
                "\n        tags: [fleet, generated]\n        logs:\n          - name: syslog\n"
                "            target: /var/log/syslog\n";
    }
    return text;
}

} // namespace

class WorkspaceLoaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brokenFiles_data();
    void brokenFiles();
    void generatedInput_data();
    void generatedInput();
    void minimalWorkspaceGetsDefaults();
    void fullWorkspaceReadsEveryField();
    void communicationTemplatesAreRead();
    void redisTlsIsRead();
    void documentedExampleIsValid();
    void tooLargeFileIsRefusedBeforeReading();
    void missingFileSaysWhy();
    void builtInWorkspaceIsThisComputer();
    void fuzzFindingsStayFixed();
    void databaseNameIsNeverAConnectionString_data();
    void databaseNameIsNeverAConnectionString();
};

void WorkspaceLoaderTest::brokenFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("tab in indentation")
        << u"broken/tab-indent.yaml"_s
        << QStringList{
               u"5:1: error: tab character in indentation: YAML indents with spaces only"_s};
    QTest::addRow("bad indentation")
        << u"broken/bad-indent.yaml"_s
        << QStringList{u"5:8: error: bad indentation: expected this line to line up with the keys "
                       "or list entries above it"_s};
    QTest::addRow("wrong type")
        << u"broken/wrong-type.yaml"_s
        << QStringList{u"5:15: error: 'port' must be a whole number from 1 to 65535, found "
                       "'twenty-two'"_s};
    QTest::addRow("duplicate key")
        << u"broken/duplicate-key.yaml"_s
        << QStringList{u"6:9: error: duplicate key 'address' (first defined at line 5)"_s};
    QTest::addRow("unknown keys are warnings")
        << u"broken/unknown-keys.yaml"_s
        << QStringList{u"5:9: warning: unknown key 'adress' in host 'a'; did you mean 'address'?"_s,
                       u"6:9: warning: unknown key 'colour' in host 'a'; expected one of: name, "
                       "connection, address, port, user, auth, key, jump, tags, secret, services, "
                       "databases, redis, logs, backups, metrics, metrics-interval, containers"_s};
    QTest::addRow("empty file")
        << u"broken/empty.yaml"_s
        << QStringList{u"1:1: error: the file is empty: expected a mapping with at least "
                       "'environments'"_s};
    QTest::addRow("plain-text secret")
        << u"broken/plain-secret.yaml"_s
        << QStringList{u"7:23: error: 'password' holds a plain-text secret; store it in the "
                       "system keychain and write 'keychain:<entry name>' here instead"_s};
    QTest::addRow("jump references")
        << u"broken/jump-references.yaml"_s
        << QStringList{u"4:9: error: jump hosts form a loop: a → b → a"_s,
                       u"9:15: error: 'jump' refers to 'nowhere', which is not a host of this "
                       "workspace"_s};
    QTest::addRow("unclosed flow list")
        << u"broken/unclosed-flow.yaml"_s
        << QStringList{u"2:1: error: unclosed '[': expected ',' or ']'"_s};
    QTest::addRow("top level is a list")
        << u"broken/top-level-list.yaml"_s
        << QStringList{u"1:1: error: expected a mapping with at least 'environments' at the top "
                       "of the file, found a list"_s};
    QTest::addRow("duplicate names")
        << u"broken/duplicate-names.yaml"_s
        << QStringList{u"5:5: error: environment name 'prod' is already used at line 2"_s,
                       u"7:9: error: host name 'a' is already used at line 4"_s};
    QTest::addRow("containers settings")
        << u"broken/containers.yaml"_s
        << QStringList{
               u"6:30: error: 'runtimes' may name docker, podman, kubernetes; found "
               "'kubernets'"_s,
               u"7:11: warning: unknown key 'kube-context' in the containers settings; "
               "did you mean 'kube-contexts'?"_s,
               u"8:21: error: 'interval' must be an interval from 2 s to 3600 s such as 30s, "
               "5m, 1h or 2d; found '1s'"_s,
               u"10:21: error: 'containers' must be true, false or a mapping"_s};
    QTest::addRow("thresholds and escalation")
        << u"broken/thresholds-escalation.yaml"_s
        << QStringList{
               u"4:24: error: 'warning' (95) of 'cpu_usage' must not be above 'critical' (90): "
               "higher values are worse (direction: above)"_s,
               u"5:11: error: threshold 'memory' must be a mapping with 'warning' and "
               "'critical', found 'high'"_s,
               u"7:3: error: unknown severity 'SEV-9'; expected one of SEV-1, SEV-2, SEV-3, "
               "SEV-4"_s,
               u"11:14: error: 'after' must be a duration such as 0, 15m, 1h or 1d; found "
               "'soon'"_s};
    QTest::addRow("backup locations")
        << u"broken/backups.yaml"_s
        << QStringList{
               u"7:31: error: 'scratch-restores' must be one of true, false; found 'yes'"_s,
               u"9:13: error: a backup location needs 'directory' (a folder on the host) or 's3' "
               "(an s3://bucket/prefix/ listed by the host's aws)"_s,
               u"10:23: error: 'database' must name one of this host's databases; 'wikki' is "
               "not among them"_s,
               u"11:29: error: 'critical-after' (3600 s) must not be shorter than 'stale-after' "
               "(86400 s)"_s,
               u"14:17: error: 's3' must be an s3://bucket/prefix/ URL, found "
               "'https://bucket/x'"_s,
               u"16:17: error: a backup location has either 'directory' or 's3', not both"_s,
               u"18:26: error: 'stale-after' must be an interval from 60 s to 31622400 s such "
               "as 30s, 5m, 1h or 2d; found 'weekly'"_s,
               u"19:27: error: '--file=/tmp/x' is not a pg_dump option OpsDeck passes: only long "
               "options that choose what is dumped are allowed, not ones that set the file, the "
               "format or the connection"_s};
}

void WorkspaceLoaderTest::brokenFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QString path = dataFile(file);
    const WorkspaceLoadResult result = loadWorkspaceFile(path);
    QCOMPARE(render(result.diagnostics, path), expected);
    for (const Diagnostic &diagnostic : result.diagnostics)
        QCOMPARE(diagnostic.file, path);
}

void WorkspaceLoaderTest::generatedInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QByteArray garbage(4096, Qt::Uninitialized);
    QRandomGenerator generator(20261123);
    for (char &byte : garbage)
        byte = char(generator.bounded(256));
    garbage[0] = 'a'; // the first bad byte comes later, at a known place
    garbage[1] = ':';
    garbage[2] = '\n';
    garbage[3] = 'b';
    garbage[4] = '\xff';
    QTest::addRow("binary garbage")
        << garbage
        << QStringList{
               u"2:2: error: binary data (byte 0xff): a workspace file must be UTF-8 text"_s};
    QTest::addRow("NUL byte")
        << QByteArray("environments:\n  - name: x\0y\n", 27)
        << QStringList{
               u"2:12: error: binary data (byte 0x00): a workspace file must be UTF-8 text"_s};
    QTest::addRow("Latin-1 text")
        << QByteArray("environments:\n  - name: M\xfcnchen\n")
        << QStringList{
               u"2:12: error: binary data (byte 0xfc): a workspace file must be UTF-8 text"_s};
    QTest::addRow("only comments")
        << QByteArray("# nothing here yet\n\n")
        << QStringList{u"1:1: error: the file is empty: expected a mapping with at least "
                       "'environments'"_s};
    QTest::addRow("no environments")
        << QByteArray("name: Acme\n")
        << QStringList{u"1:1: error: the workspace has no 'environments'"_s};
    QTest::addRow("BOM and CRLF are fine")
        << QByteArray("\xEF\xBB\xBFname: Acme\r\nenvironments:\r\n  - name: prod\r\n")
        << QStringList{};
    QTest::addRow("ten thousand hosts") << manyHosts(10000) << QStringList{};
    const QByteArray tenMegabytes = manyHosts(70000);
    QVERIFY(tenMegabytes.size() > 10'000'000);
    QTest::addRow("10 MB file")
        << tenMegabytes
        << QStringList{u"error: the file is too large (%1 MiB); a workspace file may be at most "
                       "4 MiB"_s.arg(double(tenMegabytes.size()) / (1024 * 1024), 0, 'f', 1)};
    QTest::addRow("wrong version")
        << QByteArray("version: 2\nenvironments: []\n")
        << QStringList{u"1:10: error: unsupported workspace version '2'; this OpsDeck reads "
                       "version 1"_s};
    QTest::addRow("list item is not a mapping")
        << QByteArray("environments:\n  - prod\n")
        << QStringList{u"2:5: error: each entry of 'environments' must be a mapping with at least "
                       "'name', found 'prod'"_s};
    QTest::addRow("missing name") << QByteArray("environments:\n  - description: nameless\n")
                                  << QStringList{u"2:5: error: an environment has no 'name'"_s};
    QTest::addRow("bad enumeration and URL")
        << QByteArray("environments:\n  - name: p\n    hosts:\n      - name: h\n        auth: "
                      "pubkey\n        services:\n          - name: s\n            health: "
                      "ftp://x/health\n")
        << QStringList{u"5:15: error: 'auth' must be one of agent, key, password, "
                       "keyboard-interactive; found 'pubkey'"_s,
                       u"8:21: error: 'health' must be an http:// or https:// URL, found "
                       "'ftp://x/health'"_s};
    QTest::addRow("templates that are not text")
        << QByteArray("environments: []\ntemplates:\n  update: [a, b]\n  resolution:\n"
                      "  custom: text\n  declaration: {a: 1}\n")
        << QStringList{u"3:11: error: the template 'update' must be a text value, found a list"_s,
                       u"4:3: error: the template 'resolution' has no text"_s,
                       u"5:3: error: unknown template 'custom'; expected one of declaration, "
                       "update, resolution, customer_notice"_s,
                       u"6:16: error: the template 'declaration' must be a text value, found a "
                       "mapping"_s};
    QTest::addRow("templates is not a mapping")
        << QByteArray("environments: []\ntemplates: hello\n")
        << QStringList{u"2:12: error: 'templates' must be a mapping from template name "
                       "(declaration, update, resolution, customer_notice) to its text, found "
                       "'hello'"_s};
    QTest::addRow("templates are fine")
        << QByteArray("environments: []\ntemplates:\n  update: |\n    Still on it: {title}\n"
                      "  customer_notice: 'Sorry: {impact}'\n")
        << QStringList{};
    QTest::addRow("mapping where text is expected")
        << QByteArray("environments:\n  - name: {a: b}\n")
        << QStringList{u"2:11: error: 'name' must be a text value, found a mapping"_s};
}

void WorkspaceLoaderTest::generatedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    const QString fileName = u"generated.yaml"_s;
    const WorkspaceLoadResult result = parseWorkspace(text, fileName);
    QCOMPARE(render(result.diagnostics, fileName), expected);
}

void WorkspaceLoaderTest::minimalWorkspaceGetsDefaults()
{
    const WorkspaceLoadResult result = loadWorkspaceFile(dataFile(u"valid/minimal.yaml"_s));
    QVERIFY(result.ok());
    QCOMPARE(result.workspace.name, u"minimal"_s); // from the file name
    QCOMPARE(result.workspace.environments.size(), 1);
    const Host &host = result.workspace.environments[0].hosts.at(0);
    QCOMPARE(host.name, u"app-1"_s);
    QCOMPARE(host.address, u"app-1"_s); // like ssh: the name is the address
    QCOMPARE(host.port, 22);
    QVERIFY(host.connection == ConnectionKind::Ssh);
    QVERIFY(host.auth == AuthMethod::Agent);
    QCOMPARE(host.location, (SourceLocation{4, 9}));
}

void WorkspaceLoaderTest::fullWorkspaceReadsEveryField()
{
    const WorkspaceLoadResult result = loadWorkspaceFile(dataFile(u"valid/commented.yaml"_s));
    QCOMPARE(render(result.diagnostics, {}), QStringList{});
    const Workspace &workspace = result.workspace;
    QCOMPARE(workspace.name, u"Acme"_s);
    QCOMPARE(workspace.hostCount(), 3);
    const Host *bastion = workspace.findHost(u"bastion");
    QVERIFY(bastion);
    QVERIFY(bastion->auth == AuthMethod::Key);
    QCOMPARE(bastion->identityFile, u"~/.ssh/id_ed25519"_s);
    QCOMPARE(bastion->tags, QStringList{u"edge"_s});
    const Host *web = workspace.findHost(u"web-1");
    QVERIFY(web);
    QCOMPARE(web->jumpHost, u"bastion"_s);
    QCOMPARE(web->services.at(0).healthUrl, QUrl(u"https://api.example.com/health"_s));
    QCOMPARE(web->services.at(0).metricsUrl.port(), 9100);
    QCOMPARE(web->logs.size(), 2);
    QVERIFY(web->logs[1].kind == LogSource::Kind::Journald);
    QCOMPARE(web->logs[1].target, u"nginx.service"_s);
    const Host *db = workspace.findHost(u"db-1");
    QVERIFY(db);
    QCOMPARE(db->databases.at(0).database, u"wiki"_s);
    QCOMPARE(db->databases.at(0).sslMode, u"require"_s);
    QCOMPARE(db->databases.at(0).password.entry, u"acme/wiki-db"_s);
    QCOMPARE(db->redis.at(0).port, 6379);
    QCOMPARE(db->backups.at(0).glob, u"*.sql.gz"_s);
    QCOMPARE(db->backups.at(0).retentionDays, 30);
    QCOMPARE(db->backups.at(0).database, u"wiki"_s);
    QCOMPARE(db->backups.at(0).staleAfterSeconds, 86400);
    QCOMPARE(db->backups.at(0).criticalAfterSeconds, 36 * 3600);
    QCOMPARE(db->backups.at(0).keepDaily, 7);
    QCOMPARE(db->backups.at(0).keepWeekly, 4);
    QCOMPARE(db->backups.at(0).intervalSeconds, 600);
    QCOMPARE(db->backups.at(0).dumpOptions,
             (QStringList{u"--no-owner"_s, u"--exclude-table-data=audit_log"_s}));
    QVERIFY(db->backups.at(0).writeChecksum);
    QCOMPARE(db->backups.at(1).s3Url, u"s3://acme-backups/wiki/"_s);
    QVERIFY(db->backups.at(1).directory.isEmpty());
    QCOMPARE(db->backups.at(1).intervalSeconds, 3600);
    QCOMPARE(db->backups.at(1).staleAfterSeconds, 26 * 3600); // the default
    QVERIFY(db->databases.at(0).scratchRestores);
    QCOMPARE(workspace.thresholds.size(), 2);
    QCOMPARE(workspace.thresholds[0].metric, u"cpu_usage"_s);
    QCOMPARE(workspace.thresholds[0].critical, 90.0);
    QCOMPARE(workspace.contacts.size(), 2);
    QCOMPARE(workspace.escalation.size(), 1);
    QCOMPARE(workspace.escalation[0].steps.size(), 2);
    QCOMPARE(workspace.escalation[0].steps[1].afterMinutes, 15);
    QCOMPARE(workspace.escalation[0].steps[1].notify, u"Platform Lead"_s);
}

void WorkspaceLoaderTest::communicationTemplatesAreRead()
{
    const WorkspaceLoadResult result = parseWorkspace(
        "environments: []\ntemplates:\n  update: |\n    Still on it: {title}\n    Next: "
        "{next_update}\n  customer_notice: 'Sorry: {impact}'\n",
        u"templates.yaml"_s);
    QCOMPARE(render(result.diagnostics, u"templates.yaml"_s), QStringList{});
    const QMap<QString, QString> expected = {
        {u"update"_s, u"Still on it: {title}\nNext: {next_update}\n"_s},
        {u"customer_notice"_s, u"Sorry: {impact}"_s},
    };
    QCOMPARE(result.workspace.communicationTemplates, expected);
    QVERIFY(parseWorkspace("environments: []\n", u"none.yaml"_s)
                .workspace.communicationTemplates.isEmpty());
}

void WorkspaceLoaderTest::redisTlsIsRead()
{
    const QByteArray text = "environments:\n  - name: prod\n    hosts:\n      - name: cache-1\n"
                            "        redis:\n          - {name: plain}\n"
                            "          - {name: secure, port: 6380, tls: true}\n";
    const WorkspaceLoadResult result = parseWorkspace(text, u"redis.yaml"_s);
    QCOMPARE(render(result.diagnostics, u"redis.yaml"_s), QStringList{});
    const Host *host = result.workspace.findHost(u"cache-1");
    QVERIFY(host);
    QVERIFY(!host->redis.at(0).tls);
    QVERIFY(host->redis.at(1).tls);

    QByteArray wrong = text;
    wrong.replace("tls: true", "tls: maybe");
    const QStringList diagnostics =
        render(parseWorkspace(wrong, u"redis.yaml"_s).diagnostics, u"redis.yaml"_s);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY2(diagnostics[0].contains(u"'tls' must be one of true, false"_s),
             qPrintable(diagnostics[0]));
}

void WorkspaceLoaderTest::documentedExampleIsValid()
{
    // docs/workspace.md's complete example must stay loadable: the doc cannot rot.
    const QByteArray doc = readFile(QStringLiteral(OPSDECK_SOURCE_DIR "/docs/workspace.md"));
    const qsizetype start = doc.indexOf("```yaml\n");
    QVERIFY(start >= 0);
    const qsizetype end = doc.indexOf("\n```", start + 8);
    QVERIFY(end > start);
    const WorkspaceLoadResult result =
        parseWorkspace(doc.mid(start + 8, end - start - 8) + '\n', u"docs/workspace.md"_s);
    QCOMPARE(render(result.diagnostics, u"docs/workspace.md"_s), QStringList{});
    QVERIFY(result.workspace.hostCount() >= 3);
    QVERIFY(!result.workspace.thresholds.isEmpty());
    QVERIFY(!result.workspace.escalation.isEmpty());
}

void WorkspaceLoaderTest::tooLargeFileIsRefusedBeforeReading()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"huge.yaml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(10 * 1024 * 1024)); // sparse: 10 MiB of zeros
    file.close();
    const WorkspaceLoadResult result = loadWorkspaceFile(path);
    QCOMPARE(render(result.diagnostics, path),
             QStringList{u"error: the file is too large (10.0 MiB); a workspace file may be at "
                         "most 4 MiB"_s});
}

void WorkspaceLoaderTest::missingFileSaysWhy()
{
    const WorkspaceLoadResult result = loadWorkspaceFile(u"/nonexistent/workspace.yaml"_s);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics[0].file, u"/nonexistent/workspace.yaml"_s);
    QVERIFY2(result.diagnostics[0].message.startsWith(u"cannot open the file: "),
             qPrintable(result.diagnostics[0].message));
}

void WorkspaceLoaderTest::builtInWorkspaceIsThisComputer()
{
    const Workspace workspace = builtInWorkspace();
    QVERIFY(workspace.isBuiltIn());
    QCOMPARE(workspace.environments.size(), 1);
    QCOMPARE(workspace.environments[0].name, u"This computer"_s);
    QCOMPARE(workspace.hostCount(), 1);
    const Host &host = workspace.environments[0].hosts[0];
    QVERIFY(host.isLocal());
    QVERIFY(!host.name.isEmpty());
    QCOMPARE(workspace.thresholds.size(), 3);
}

void WorkspaceLoaderTest::databaseNameIsNeverAConnectionString_data()
{
    QTest::addColumn<QByteArray>("line"); // the database's last line, after "- name: main"
    QTest::addColumn<QString>("expected");

    const QString where = u"7:23: error: the database name is a libpq connection string that "
                          "says where to connect ('%1'): the host must come from the tree "
                          "(this database's 'host' and 'port', and the host it belongs to), not "
                          "from the database name"_s;
    const QString plain = u"7:23: error: the database name is a libpq connection string; write "
                          "only the name (host, port, user and sslmode have keys of their own)"_s;
    QTest::addRow("plain name") << QByteArray("database: orders_2024") << QString();
    QTest::addRow("name with dots and dashes") << QByteArray("database: app-db.v2") << QString();
    QTest::addRow("host=") << QByteArray("database: 'host=evil.example.net dbname=main'")
                           << where.arg(u"host=evil.example.net"_s);
    QTest::addRow("hostaddr=") << QByteArray("database: 'dbname=main hostaddr=203.0.113.9'")
                               << where.arg(u"hostaddr=203.0.113.9"_s);
    QTest::addRow("service=") << QByteArray("database: service=prod")
                              << where.arg(u"service=prod"_s);
    QTest::addRow("port=") << QByteArray("database: 'dbname=main port=6543'")
                           << where.arg(u"port=6543"_s);
    QTest::addRow("spaces around =")
        << QByteArray("database: 'dbname=main host = evil'") << where.arg(u"host = evil"_s);
    QTest::addRow("upper-case key")
        << QByteArray("database: 'HOST=evil dbname=main'") << where.arg(u"HOST=evil"_s);
    QTest::addRow("host only inside a quoted option")
        << QByteArray("database: \"dbname=main options='-c host=x'\"") << plain;
    QTest::addRow("conninfo without a host")
        << QByteArray("database: 'dbname=main sslmode=disable'") << plain;
    QTest::addRow("URI with a host")
        << QByteArray("database: 'postgresql://app@evil.example.net:5432/main'")
        << where.arg(u"evil.example.net:5432"_s);
    QTest::addRow("URI with user and password")
        << QByteArray("database: 'postgres://app:pw@other/main'") << where.arg(u"other"_s);
    QTest::addRow("URI, upper-case scheme")
        << QByteArray("database: 'POSTGRESQL://evil/main'") << where.arg(u"evil"_s);
    QTest::addRow("URI with the host in the query")
        << QByteArray("database: 'postgresql:///main?host=/tmp/evil'")
        << where.arg(u"host=/tmp/evil"_s);
    QTest::addRow("URI without a host")
        << QByteArray("database: 'postgresql:///main'")
        << u"7:23: error: the database name is a libpq connection string; write only the name "
           "(host, port, user and sslmode have keys of their own)"_s;
    // Without 'database', the name is the database name: the same rule.
    QTest::addRow("name used as the database")
        << QByteArray("user: app")
        << u"6:19: error: the database name is a libpq connection string that says where to "
           "connect ('host=evil'): the host must come from the tree (this database's 'host' and "
           "'port', and the host it belongs to), not from the database name"_s;
}

void WorkspaceLoaderTest::databaseNameIsNeverAConnectionString()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    const bool nameIsTheDatabase = line.startsWith("user:");
    const QByteArray text = "environments:\n  - name: p\n    hosts:\n      - name: h\n"
                            "        databases:\n          - name: " +
                            QByteArray(nameIsTheDatabase ? "'host=evil'" : "main") +
                            "\n            " + line + '\n';
    const WorkspaceLoadResult result = parseWorkspace(text, u"w.yaml"_s);
    QCOMPARE(render(result.diagnostics, u"w.yaml"_s),
             expected.isEmpty() ? QStringList{} : QStringList{expected});
}

void WorkspaceLoaderTest::fuzzFindingsStayFixed()
{
    // Inputs the fuzzer once crashed on (a reference into a yaml-cpp iterator proxy); the
    // sanitizer build (preset asan) proves the reads stay in bounds.
    const QDir directory(dataFile(u"fuzz-regressions"_s));
    const QStringList files = directory.entryList({u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const WorkspaceLoadResult result = loadWorkspaceFile(directory.filePath(file));
        for (const Diagnostic &diagnostic : result.diagnostics)
            QVERIFY(!diagnostic.message.isEmpty());
    }
}

QTEST_GUILESS_MAIN(WorkspaceLoaderTest)
#include "tst_workspaceloader.moc"
