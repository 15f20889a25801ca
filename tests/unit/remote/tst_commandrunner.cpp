// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/localexecutor.h"
#include "statetesting.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class CommandRunnerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void auditRowIsCommittedBeforeTheCommandStarts();
    void outcomeCompletesTheRow();
    void secretsAreMaskedInTheLog();
    void readOnlyModeRefusesChanges();
    void invalidRequestIsRefused();
    void cancelBeforeStartRunsNothing();
    void gateJudgesTheTextNotTheCaller();
    void destroyNeedsTheHostTyped();
    void unknownNeedsConfirming();
    void readOnlyModeMakesPostgresRefuseWrites();

private:
    QList<AuditEntry> queryAll();

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<LocalExecutor> m_executor;
    std::unique_ptr<CommandRunner> m_runner;
    QString m_databasePath;
};

void CommandRunnerTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    m_databasePath = m_directory->filePath(u"state.sqlite"_s);
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(StateTesting::openStore(*m_store, m_databasePath, &error), qPrintable(error));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_readOnly = std::make_unique<ReadOnlyMode>(false);
    m_executor = std::make_unique<LocalExecutor>(u"this-computer"_s);
    m_runner = std::make_unique<CommandRunner>(m_auditLog.get(), m_readOnly.get());
}

void CommandRunnerTest::cleanup()
{
    m_runner.reset();
    m_executor.reset();
    m_auditLog.reset();
    m_store.reset(); // waits for queued writes
}

QList<AuditEntry> CommandRunnerTest::queryAll()
{
    return StateTesting::valueOr(
        StateTesting::waitFor<QList<AuditEntry>>(
            [&](QObject *context, auto done) { m_auditLog->query({}, context, std::move(done)); }),
        QList<AuditEntry>());
}

void CommandRunnerTest::auditRowIsCommittedBeforeTheCommandStarts()
{
    // The command itself looks into the log, from another process: its own row must be there,
    // still running.
    CommandRequest request;
    request.argv = {u"sqlite3"_s, m_databasePath,
                    u"select status || ' ' || command from audit_log"_s};
    request.confirmedRisk = Risk::Unknown; // sqlite3 is not on the allow-list
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QByteArray output;
    connect(run.get(), &CommandRun::standardOutput, this,
            [&](const QByteArray &d) { output += d; });
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(run->result().succeeded(), qPrintable(run->result().summary()));
    QCOMPARE(output, (u"running "_s + request.displayText() + u'\n').toUtf8());
}

void CommandRunnerTest::outcomeCompletesTheRow()
{
    CommandRequest request;
    request.script = u"printf abc; exit 3"_s;
    request.risk = Risk::Change; // declared by the action: higher than what the text does
    request.confirmedRisk = Risk::Change;
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr, 42));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Finished, 5000);
    const AuditEntry entry = queryAll().at(0);
    QCOMPARE(entry.host, u"this-computer"_s);
    QCOMPARE(entry.command, u"printf abc; exit 3"_s);
    QCOMPARE(entry.exitCode, std::optional<int>(3));
    QCOMPARE(entry.outputBytes, std::optional<qint64>(3));
    QCOMPARE(entry.incidentId, std::optional<qint64>(42));
    QVERIFY(entry.risk == Risk::Change);
    QVERIFY(entry.finishedAt.isValid());
}

void CommandRunnerTest::secretsAreMaskedInTheLog()
{
    CommandRequest request;
    request.argv = {u"true"_s, u"--password=hunter2-secret"_s, u"it's-a-secret"_s};
    request.secrets = {u"hunter2-secret"_s, u"it's-a-secret"_s};
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Finished, 5000);
    QCOMPARE(queryAll().at(0).command, u"true '--password=********' '********'"_s);
    m_store.reset(); // flush and close, then look at every byte on disk
    for (const QString &file : QDir(m_directory->path()).entryList(QDir::Files)) {
        QFile database(m_directory->filePath(file));
        QVERIFY(database.open(QIODevice::ReadOnly));
        const QByteArray bytes = database.readAll();
        QVERIFY2(!bytes.contains("hunter2-secret") && !bytes.contains("it's-a-secret"),
                 qPrintable(file));
    }
}

void CommandRunnerTest::readOnlyModeRefusesChanges()
{
    m_readOnly->setEnabled(true);
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"keep-me"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    CommandRequest request;
    request.argv = {u"rm"_s, victim};
    request.confirmedRisk = Risk::Destroy;
    request.confirmedHosts = {m_executor->hostName()};
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Failed);
    QVERIFY(run->result().error.startsWith(u"Read-only mode is on"));
    QVERIFY(QFile::exists(victim));
    QVERIFY(queryAll().isEmpty()); // nothing ran, nothing to log

    request.argv = {u"ls"_s, victim}; // reading is still allowed
    std::unique_ptr<CommandRun> reading(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy readFinished(reading.get(), &CommandRun::finished);
    QVERIFY(readFinished.wait(5000));
    QVERIFY(reading->result().succeeded());
}

void CommandRunnerTest::invalidRequestIsRefused()
{
    CommandRequest request;
    request.argv = {u"env"_s};
    request.environment.insert(u"BAD NAME"_s, u"x"_s);
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(run->result().error, u"'BAD NAME' is not a valid environment variable name"_s);
}

void CommandRunnerTest::cancelBeforeStartRunsNothing()
{
    QTemporaryDir directory;
    const QString marker = directory.filePath(u"ran"_s);
    CommandRequest request;
    request.argv = {u"touch"_s, marker};
    request.confirmedRisk = Risk::Change;
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    run->cancel(); // before the audit row is even written
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Cancelled);
    QVERIFY(!QFile::exists(marker));
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Cancelled, 5000);
}

void CommandRunnerTest::gateJudgesTheTextNotTheCaller()
{
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"keep-me"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    CommandRequest request;
    request.script = u"ls; rm -f "_s + victim;
    request.risk = Risk::Read;            // a caller that claims it only reads
    request.confirmedRisk = Risk::Change; // and had only a Change confirmed
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(run->result().outcome == CommandResult::Outcome::Failed);
    QVERIFY2(run->result().error.contains(u"Destroy"), qPrintable(run->result().error));
    QVERIFY(QFile::exists(victim));
    QVERIFY(queryAll().isEmpty());
}

void CommandRunnerTest::destroyNeedsTheHostTyped()
{
    QTemporaryDir directory;
    const QString victim = directory.filePath(u"victim"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    CommandRequest request;
    request.argv = {u"rm"_s, victim};
    request.confirmedRisk = Risk::Destroy;
    request.confirmedHosts = {u"another-host"_s};
    std::unique_ptr<CommandRun> refused(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy refusedFinished(refused.get(), &CommandRun::finished);
    QVERIFY(refusedFinished.wait(5000));
    QVERIFY2(refused->result().error.contains(m_executor->hostName()),
             qPrintable(refused->result().error));
    QVERIFY(QFile::exists(victim));

    request.confirmedHosts = {m_executor->hostName()};
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(run->result().succeeded(), qPrintable(run->result().summary()));
    QVERIFY(!QFile::exists(victim));
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Finished, 5000);
    QVERIFY(queryAll().at(0).risk == Risk::Destroy); // the judged risk, in the log
}

void CommandRunnerTest::unknownNeedsConfirming()
{
    CommandRequest request;
    request.script = u"frobnicate --now"_s;
    request.confirmedRisk = Risk::Change; // not enough for something unknown
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(run->result().error.contains(u"`frobnicate` is not known to be read-only"),
             qPrintable(run->result().error));
}

void CommandRunnerTest::readOnlyModeMakesPostgresRefuseWrites()
{
    m_readOnly->setEnabled(true);
    CommandRequest request;
    request.argv = {u"printenv"_s, u"PGOPTIONS"_s};
    std::unique_ptr<CommandRun> run(m_runner->run(m_executor.get(), request, nullptr));
    QByteArray output;
    connect(run.get(), &CommandRun::standardOutput, this,
            [&](const QByteArray &d) { output += d; });
    QSignalSpy finished(run.get(), &CommandRun::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(output, QByteArray("-c default_transaction_read_only=on\n"));

    // Outside read-only mode too, for what the gate judged Read; not for what changes.
    m_readOnly->setEnabled(false);
    for (const auto &[confirmed, expected] :
         {std::pair{Risk::Read, QByteArray("-c default_transaction_read_only=on\n")},
          std::pair{Risk::Change, QByteArray("unset\n")}}) {
        CommandRequest judged;
        judged.script = confirmed == Risk::Read
                            ? u"printenv PGOPTIONS || echo unset"_s
                            : u"printenv PGOPTIONS || echo unset; touch /dev/null"_s;
        judged.confirmedRisk = confirmed;
        std::unique_ptr<CommandRun> again(m_runner->run(m_executor.get(), judged, nullptr));
        QByteArray seen;
        connect(again.get(), &CommandRun::standardOutput, this,
                [&](const QByteArray &d) { seen += d; });
        QSignalSpy done(again.get(), &CommandRun::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(seen, expected);
    }
}

QTEST_GUILESS_MAIN(CommandRunnerTest)
#include "tst_commandrunner.moc"
