// SPDX-License-Identifier: GPL-3.0-or-later
// SQL steps of a runbook against a real PostgreSQL: psql on the database's host, the password
// from the keychain (never on a command line, masked in the audit log), statements one by one.
#include "commandtesting.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/placeholdervalues.h"
#include "models/runbooks/runbooksession.h"
#include "models/runbooks/stepscript.h"
#include "models/secrets/credentialstore.h"
#include "postgresfixture.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RunbookSqlTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sqlStepRunsWithThePasswordFromTheKeychain();
    void missingPasswordIsAClearRefusal();
    void passwordGoesOnlyToTheServerItWasStoredFor_data();
    void passwordGoesOnlyToTheServerItWasStoredFor();
    void sqlValuesArriveVerbatim_data();
    void sqlValuesArriveVerbatim();
    void psqlCommandStringTakesPlainValues_data();
    void psqlCommandStringTakesPlainValues();

private:
    // Prepares a step of `language` with <x> set to value, on db-host/main.
    PreparedStep prepare(const QString &language, const QString &code, const QString &value);
    // Runs it as the executor would (a script on sh's stdin, argv directly), the password in
    // the environment, in dir.
    QString runPrepared(const PreparedStep &prepared, const QString &dir, int *exitCode);

    std::unique_ptr<RunbookSession> makeSession(const QString &passwordEntry,
                                                const QString &server = {});
    StepRun runAndWait(RunbookSession &session, RunbookStepId step);

    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<LocalExecutor> m_executor;
    std::unique_ptr<CredentialStore> m_credentials;
};

void RunbookSqlTest::initTestCase()
{
    m_postgres = std::make_unique<PostgresFixture>();
    QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    m_executor = std::make_unique<LocalExecutor>(u"db-host"_s);
    // Without a desktop keychain here the store keeps secrets in memory, as it would say.
    m_credentials = std::make_unique<CredentialStore>();
    QSignalSpy written(m_credentials.get(), &CredentialStore::written);
    m_credentials->write(u"test/pg"_s, m_postgres->value(u"PASSWORD"_s));
    QVERIFY(written.wait(10000));
}

std::unique_ptr<RunbookSession> RunbookSqlTest::makeSession(const QString &passwordEntry,
                                                            const QString &server)
{
    Workspace workspace = CommandTesting::localWorkspace(u"db-host"_s);
    Database database;
    database.name = u"main"_s;
    database.host = server.isEmpty() ? m_postgres->value(u"HOST"_s) : server;
    database.port = m_postgres->value(u"PORT"_s).toInt();
    database.database = m_postgres->value(u"DATABASE"_s);
    database.user = m_postgres->value(u"USER"_s);
    database.sslMode = u"disable"_s;
    database.password.entry = passwordEntry;
    workspace.environments[0].hosts[0].databases.append(database);

    auto session = std::make_unique<RunbookSession>(
        &m_audited->runner, [this](const QString &name) -> Executor * {
            return name == m_executor->hostName() ? m_executor.get() : nullptr;
        });
    session->setWorkspace(workspace);
    session->setCredentialStore(m_credentials.get());
    session->setRunbook(parseRunbook("# Connections\n\n```sql\nSELECT current_user AS who;\n"
                                     "SELECT 40 + 2 AS answer, '<site-name>' AS label;\n```\n",
                                     u"sql.md"_s),
                        u"sql.md"_s);
    return session;
}

StepRun RunbookSqlTest::runAndWait(RunbookSession &session, RunbookStepId step)
{
    if (session.run(step)) {
        // Either it runs to its end, or the keychain's answer refuses it.
        QDeadlineTimer deadline(30000);
        while (session.isRunning() && !deadline.hasExpired())
            QTest::qWait(20);
    }
    return session.stepRun(step);
}

void RunbookSqlTest::sqlStepRunsWithThePasswordFromTheKeychain()
{
    auto session = makeSession(u"test/pg"_s);
    const RunbookStepId step = session->steps().constFirst();
    QVERIFY(session->block(step).kind == RunbookBlock::Sql);
    QCOMPARE(session->databaseChoices(), QStringList{u"db-host/main"_s});
    QCOMPARE(session->targetOf(step), u"db-host/main"_s);
    session->setPlaceholderValue(u"<site-name>"_s, u"it's"_s); // a quote inside an SQL string
    const StepRun run = runAndWait(*session, step);
    QVERIFY2(run.state == StepState::Succeeded,
             qPrintable(run.message + u"\n"_s + run.output + run.result.summary()));
    QVERIFY2(run.output.contains(m_postgres->value(u"USER"_s)), qPrintable(run.output));
    QVERIFY2(run.output.contains(u" 42 "_s) && run.output.contains(u"it's"_s),
             qPrintable(run.output));
    QCOMPARE(run.command,
             u"SELECT current_user AS who;\nSELECT 40 + 2 AS answer, 'it''s' AS label;"_s);

    // The audit log has the command, the password masked.
    const auto answer = m_audited->entries();
    QVERIFY(answer);
    const QList<AuditEntry> entries = *answer;
    QVERIFY(!entries.isEmpty());
    QVERIFY(entries.constFirst().command.contains(u"psql"_s));
    QVERIFY(!entries.constFirst().command.contains(m_postgres->value(u"PASSWORD"_s)));
    QVERIFY(entries.constFirst().command.contains(u"********"_s));
}

void RunbookSqlTest::missingPasswordIsAClearRefusal()
{
    auto session = makeSession(u"test/no-such-entry"_s);
    session->setPlaceholderValue(u"<site-name>"_s, u"x"_s);
    const RunbookStepId step = session->steps().constFirst();
    const StepRun run = runAndWait(*session, step);
    QVERIFY(run.state == StepState::Refused);
    QVERIFY2(run.message.contains(u"test/no-such-entry"_s) &&
                 run.message.contains(u"db-host/main"_s),
             qPrintable(run.message));
}

void RunbookSqlTest::passwordGoesOnlyToTheServerItWasStoredFor_data()
{
    QTest::addColumn<int>("send"); // -1: nobody to ask; 0: the user says no; 1: yes
    QTest::addColumn<bool>("runs");
    QTest::addColumn<QString>("message");

    // "localhost" is the same server as 127.0.0.1, but not the address the password was first
    // sent to (sqlStepRunsWithThePasswordFromTheKeychain bound it): the workspace changed.
    QTest::newRow("headless") << -1 << false
                              << u"'keychain:test/pg' was stored for 127.0.0.1:%1. OpsDeck does "
                                 "not send it to localhost:%1 without your consent"_s;
    QTest::newRow("the user says no")
        << 0 << false << u"'keychain:test/pg' was not sent to localhost:%1"_s;
    QTest::newRow("the user says yes") << 1 << true << QString();
}

void RunbookSqlTest::passwordGoesOnlyToTheServerItWasStoredFor()
{
    QFETCH(int, send);
    QFETCH(bool, runs);
    QFETCH(QString, message);
    auto session = makeSession(u"test/pg"_s, u"localhost"_s);
    session->setPlaceholderValue(u"<site-name>"_s, u"x"_s);
    int asked = 0;
    QMetaObject::Connection question;
    if (send >= 0) {
        question =
            connect(m_credentials.get(), &CredentialStore::addressQuestion, this,
                    [&](quint64 id, const QString &, const QString &bound, const QString &address) {
                        ++asked;
                        QCOMPARE(bound, u"127.0.0.1:"_s + m_postgres->value(u"PORT"_s));
                        QCOMPARE(address, u"localhost:"_s + m_postgres->value(u"PORT"_s));
                        m_credentials->answerAddressQuestion(id, send == 1);
                    });
    }
    const RunbookStepId step = session->steps().constFirst();
    const StepRun run = runAndWait(*session, step);
    disconnect(question);
    QCOMPARE(asked, send >= 0 ? 1 : 0);
    if (runs) {
        QVERIFY2(run.state == StepState::Succeeded, qPrintable(run.message + run.output));
    } else {
        QVERIFY(run.state == StepState::Refused);
        QVERIFY2(run.message.contains(message.arg(m_postgres->value(u"PORT"_s))),
                 qPrintable(run.message));
    }
}

namespace {

// Values a user could type, and what an attacker would: quotes, backslashes, line breaks, psql
// variables and meta-commands, dollar quotes, statements.
const QStringList SqlCorpus = {
    u"o'brien"_s,
    u"say \"hi\""_s,
    u"back\\slash"_s,
    u"two\nlines"_s,
    u"cr\rhere"_s,
    u"'; DROP TABLE x; --"_s,
    u":foo :'bar' :\"baz\""_s,
    u"\\! touch M"_s,
    u"\\set x 1"_s,
    u"$$ $q$ dollar"_s,
    u"`touch M`"_s,
    u"Grüße, 東京"_s,
    u"ends with \\"_s,
    u"api-7"_s,
};

QString md5Of(const QString &value)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace

PreparedStep RunbookSqlTest::prepare(const QString &language, const QString &code,
                                     const QString &value)
{
    Workspace workspace = CommandTesting::localWorkspace(u"db-host"_s);
    Database database;
    database.name = u"main"_s;
    database.host = m_postgres->value(u"HOST"_s);
    database.port = m_postgres->value(u"PORT"_s).toInt();
    database.database = m_postgres->value(u"DATABASE"_s);
    database.user = m_postgres->value(u"USER"_s);
    database.sslMode = u"disable"_s;
    workspace.environments[0].hosts[0].databases.append(database);
    const Runbook runbook = parseRunbook(
        (u"# Step\n\n```"_s + language + u'\n' + code + u"\n```\n"_s).toUtf8(), u"v.md"_s);
    StepInputs inputs;
    inputs.target = language == u"sql" ? u"db-host/main"_s : u"db-host"_s;
    inputs.values.insert(u"<x>"_s, value);
    inputs.markerToken = "7e57";
    return prepareStep(runbook.sections.constLast().blocks.constLast(), workspace, inputs);
}

QString RunbookSqlTest::runPrepared(const PreparedStep &prepared, const QString &dir, int *exitCode)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PGPASSWORD"_s, m_postgres->value(u"PASSWORD"_s));
    for (auto it = prepared.request.environment.cbegin(); it != prepared.request.environment.cend();
         ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(dir);
    if (prepared.request.script.isEmpty()) {
        QStringList argv = prepared.request.argv;
        process.start(argv.takeFirst(), argv);
    } else {
        process.start(u"sh"_s, {u"-s"_s});
        process.write(prepared.request.script.toUtf8());
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(30000))
        return u"(timed out)"_s;
    *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

void RunbookSqlTest::sqlValuesArriveVerbatim_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // what md5() is taken of
    const QStringList contexts = {
        u"SELECT md5('<x>') AS h;"_s,
        u"SELECT md5('pre ''<x>'' post') AS h;"_s,
        u"SELECT md5(k) AS h FROM json_object_keys(row_to_json((SELECT t FROM (SELECT 1 AS "
        "\"<x>\") t))) AS k;"_s,
    };
    const QStringList expected = {u"%1"_s, u"pre '%1' post"_s, u"%1"_s};
    const QStringList names = {u"string"_s, u"inside a string"_s, u"column name"_s};
    for (qsizetype c = 0; c < contexts.size(); ++c) {
        for (const QString &value : SqlCorpus) {
            QTest::addRow("%s: %s", qPrintable(names[c]),
                          qPrintable(QString(value).replace(u'\n', u"\\n"_s)))
                << contexts[c] << value << QString(expected[c]).replace(u"%1"_s, value);
        }
    }
    QTest::addRow("number outside quotes")
        << u"SELECT md5((<x>)::text) AS h;"_s << u"42"_s << u"42"_s;
}

// SQL steps: each value reaches the server exactly as typed, through psql variables set on
// psql's stdin; nothing of it runs as SQL or as a psql command.
void RunbookSqlTest::sqlValuesArriveVerbatim()
{
    QFETCH(QString, code);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const PreparedStep prepared = prepare(u"sql"_s, code, value);
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QCOMPARE(int(prepared.request.risk), int(Risk::Read));
    QVERIFY(prepared.request.argv.isEmpty()); // nothing of the value on a command line
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int exitCode = -1;
    const QString output = runPrepared(prepared, dir.path(), &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(output));
    QVERIFY2(output.contains(u' ' + md5Of(expected) + u'\n'), qPrintable(output));
    QVERIFY(!QFile::exists(dir.filePath(u"M"_s)));
}

void RunbookSqlTest::psqlCommandStringTakesPlainValues_data()
{
    QTest::addColumn<QString>("value");
    for (const QString &value : SqlCorpus)
        QTest::addRow("%s", qPrintable(QString(value).replace(u'\n', u"\\n"_s))) << value;
    QTest::addRow("address") << u"10.0.0.5:5432"_s;
    QTest::addRow("path") << u"/var/lib/postgresql"_s;
}

// A shell step with `psql -c "…<x>…"`: psql reads the value again as SQL, so only plain values
// are allowed; they arrive verbatim.
void RunbookSqlTest::psqlCommandStringTakesPlainValues()
{
    QFETCH(QString, value);
    const QString code = u"psql -X -At -h %1 -p %2 -U %3 -d %4 -c \"SELECT md5('<x>')\""_s.arg(
        m_postgres->value(u"HOST"_s), m_postgres->value(u"PORT"_s), m_postgres->value(u"USER"_s),
        m_postgres->value(u"DATABASE"_s));
    const PreparedStep prepared = prepare(u"bash"_s, code, value);
    if (!isPlainValue(value)) {
        QVERIFY(!prepared.canRun());
        QVERIFY2(prepared.error.startsWith(u"<x> is read again by `psql -c`"_s),
                 qPrintable(prepared.error));
        return;
    }
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int exitCode = -1;
    const QString output = runPrepared(prepared, dir.path(), &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(output));
    QCOMPARE(output, md5Of(value) + u'\n');
}

QTEST_GUILESS_MAIN(RunbookSqlTest)
#include "tst_runbooksql.moc"
