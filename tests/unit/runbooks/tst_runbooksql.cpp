// SPDX-License-Identifier: GPL-3.0-or-later
// SQL steps of a runbook against a real PostgreSQL: psql on the database's host, the password
// from the keychain (never on a command line, masked in the audit log), statements one by one.
#include "commandtesting.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "models/runbooks/runbooksession.h"
#include "models/secrets/credentialstore.h"
#include "postgresfixture.h"

#include <QDeadlineTimer>
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

private:
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

QTEST_GUILESS_MAIN(RunbookSqlTest)
#include "tst_runbooksql.moc"
