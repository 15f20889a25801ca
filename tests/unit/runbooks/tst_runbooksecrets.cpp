// SPDX-License-Identifier: GPL-3.0-or-later
// Runbook values that look secret: on the step's stdin, never on a command line (watched with
// ps and /proc while the step runs, on this computer and through a real sshd), received
// verbatim, and masked on the card and in the audit log.
#include "commandlinewatch.h"
#include "commandtesting.h"
#include "models/core/secretvalues.h"
#include "models/remote/hostregistry.h"
#include "models/runbooks/runbooksession.h"
#include "models/runbooks/stepscript.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RunbookSecretsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cardShowsSecretValuesMasked_data();
    void cardShowsSecretValuesMasked();
    void secretInAQuotedHereDocumentIsRefused();
    void readingSecretsFromStdinIsNoRisk_data();
    void readingSecretsFromStdinIsNoRisk();
    void secretValuesReachTheStepOnlyOnStdin_data();
    void secretValuesReachTheStepOnlyOnStdin();

private:
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    std::unique_ptr<RunbookSession> m_session;
    Workspace m_workspace;
    QStringList m_confirmationsShowingSecrets;
};

void RunbookSecretsTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    const QByteArray text =
        QString(
            u"environments:\n  - name: lab\n    hosts:\n      - {name: here, connection: local}\n"_s +
            m_sshd->workspaceHost(u"fixture"_s))
            .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_workspace = loaded.workspace;
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(m_workspace);
    m_session = std::make_unique<RunbookSession>(
        &m_audited->runner, [this](const QString &host) { return m_registry->executor(host); });
    m_session->setWorkspace(m_workspace);
    // The operator says yes to whatever the steps ask.
    connect(m_session.get(), &RunbookSession::confirmationRequested, this,
            [this](const ConfirmationRequest &request) {
                if (request.command.contains(u"opsdeck-secret-"_s))
                    m_confirmationsShowingSecrets.append(request.command);
                QMetaObject::invokeMethod(
                    this, [this, id = request.id] { m_session->answerConfirmation(id, true); },
                    Qt::QueuedConnection);
            });
}

void RunbookSecretsTest::cleanupTestCase()
{
    m_session.reset();
    m_registry.reset();
    m_audited.reset();
}

void RunbookSecretsTest::cardShowsSecretValuesMasked_data()
{
    QTest::addColumn<QString>("block");
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::newRow("password by name") << u"mysql -u app -p\"<db-password>\" -e 'select 1'"_s
                                      << u"<db-password>"_s << u"Pa55w0rd!"_s << true;
    QTest::newRow("vault token") << u"vault login -method=token <vault-token>"_s
                                 << u"<vault-token>"_s << u"s.k3y"_s << true;
    QTest::newRow("webhook url") << u"curl -X POST -d '{}' \"<slack-webhook>\""_s
                                 << u"<slack-webhook>"_s
                                 << u"https://hooks.slack.example/T0/B0/xyz"_s << true;
    QTest::newRow("url with credentials under a plain name")
        << u"psql \"<database-url>\" -c 'select 1'"_s << u"<database-url>"_s
        << u"postgres://app:s3cret@db/app"_s << true;
    QTest::newRow("jwt under a plain name")
        << u"curl -H \"Authorization: Bearer <value>\" https://api/x"_s << u"<value>"_s
        << u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij"_s << true;
    QTest::newRow("pod name is shown")
        << u"kubectl logs <pod-name>"_s << u"<pod-name>"_s << u"web-7d9f-x2x4k"_s << false;
    QTest::newRow("a keyspace is shown")
        << u"nodetool status <keyspace>"_s << u"<keyspace>"_s << u"orders"_s << false;
}

void RunbookSecretsTest::cardShowsSecretValuesMasked()
{
    QFETCH(QString, block);
    QFETCH(QString, placeholder);
    QFETCH(QString, value);
    QFETCH(bool, secret);
    const Runbook document =
        parseRunbook(u"# Step\n\n```bash\n%1\n```\n"_s.arg(block).toUtf8(), u"card.md"_s);
    const RunbookBlock *found = nullptr;
    for (const RunbookSection &section : document.sections) {
        for (const RunbookBlock &candidate : section.blocks) {
            if (candidate.isRunnable())
                found = &candidate;
        }
    }
    QVERIFY(found);
    QVERIFY2(found->placeholders.contains(placeholder), qPrintable(found->placeholders.join(u' ')));
    StepInputs inputs;
    inputs.target = u"here"_s;
    inputs.values.insert(placeholder, value);
    const PreparedStep prepared = prepareStep(*found, m_workspace, inputs);
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    const QString script = prepared.request.argv.value(2);
    if (secret) {
        QVERIFY2(!prepared.shownCommand.contains(value), qPrintable(prepared.shownCommand));
        QVERIFY2(prepared.shownCommand.contains(SecretMask), qPrintable(prepared.shownCommand));
        QVERIFY2(!script.contains(value), qPrintable(script));
        QVERIFY(prepared.request.standardInput.contains(value.toUtf8()));
        QVERIFY(!prepared.request.displayText().contains(value));
    } else {
        QCOMPARE(prepared.shownCommand, QString(block).replace(placeholder, value));
        QVERIFY(script.contains(value));
        QVERIFY(prepared.request.standardInput.isEmpty());
    }
}

void RunbookSecretsTest::secretInAQuotedHereDocumentIsRefused()
{
    // Nothing expands in a quoted here-document: the value would be written into bash -c's text.
    const Runbook document = parseRunbook(
        "# Step\n\n```bash\ncat <<'EOF' >/dev/null\npassword=<db-password>\nEOF\n```\n",
        u"heredoc.md"_s);
    const RunbookBlock &block = document.sections.constLast().blocks.constLast();
    StepInputs inputs;
    inputs.target = u"here"_s;
    inputs.values.insert(u"<db-password>"_s, u"hunter22"_s);
    const PreparedStep prepared = prepareStep(block, m_workspace, inputs);
    QVERIFY2(prepared.error.contains(u"looks secret"_s), qPrintable(prepared.error));
    QVERIFY2(!prepared.shownCommand.contains(u"hunter22"_s), qPrintable(prepared.shownCommand));
}

void RunbookSecretsTest::readingSecretsFromStdinIsNoRisk_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("bash") << u"bash"_s;
    QTest::newRow("sh") << u"sh"_s;
}

void RunbookSecretsTest::readingSecretsFromStdinIsNoRisk()
{
    // A step that only reads stays Read with a secret value, as it is with a plain one.
    QFETCH(QString, language);
    const Runbook document = parseRunbook(
        u"# Step\n\n```%1\nprintf '%s\\n' \"<api-token>\" \"$PGPASSWORD\"\n```\n"_s.arg(language)
            .toUtf8(),
        u"risk.md"_s);
    const RunbookBlock &block = document.sections.constLast().blocks.constLast();
    StepInputs inputs;
    inputs.target = u"here"_s;
    inputs.values.insert(u"<api-token>"_s, u"tok-123"_s);
    inputs.values.insert(u"$PGPASSWORD"_s, u"pw-456"_s);
    const PreparedStep prepared = prepareStep(block, m_workspace, inputs);
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QVERIFY(!prepared.request.standardInput.isEmpty());
    QVERIFY2(prepared.request.risk == Risk::Read, qPrintable(prepared.riskReason));
}

void RunbookSecretsTest::secretValuesReachTheStepOnlyOnStdin_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("language");
    for (const QString &host : {u"here"_s, u"fixture"_s}) {
        for (const QString &language : {u"bash"_s, u"sh"_s})
            QTest::addRow("%s, %s", qPrintable(host), qPrintable(language)) << host << language;
    }
}

void RunbookSecretsTest::secretValuesReachTheStepOnlyOnStdin()
{
    QFETCH(QString, host);
    QFETCH(QString, language);
    const QString marker =
        u"opsdeck-secret-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
    // Every quoting hazard, and trailing newlines that $( ) alone would lose.
    const QString password = u" \t"_s + marker + u"-pw it's \"q\" $(id) `id` \\n \\ %s %b \t\n\n"_s;
    const QString token = marker + u"-token"_s;
    const QString carried = token + u"-carried"_s;
    m_session->setRunbook(
        parseRunbook(u"# Secrets\n\n"
                     "```%1\nSESSION_TOKEN=\"$API_TOKEN-carried\"\n```\n\n"
                     "```%1\nsleep 2\nprintf '%s|%s|%s' \"<db-password>\" \"$API_TOKEN\" "
                     "\"$SESSION_TOKEN\"\n```\n"_s.arg(language)
                         .toUtf8(),
                     u"secrets.md"_s),
        u"secrets.md"_s);
    m_session->setDefaultHost(host);
    m_session->setPlaceholderValue(u"<db-password>"_s, password);
    m_session->setPlaceholderValue(u"$API_TOKEN"_s, token);
    const QList<RunbookStepId> steps = m_session->steps();
    QCOMPARE(steps.size(), 2);

    CommandLineWatch watch(marker.toUtf8());
    QVERIFY(m_session->run(steps[0]));
    QVERIFY(watch.watchUntil(m_session.get(), &RunbookSession::stepFinished));
    QVERIFY2(
        m_session->stepRun(steps[0]).state == StepState::Succeeded,
        qPrintable(m_session->stepRun(steps[0]).message + m_session->stepRun(steps[0]).output));
    QCOMPARE(m_session->variables().value(u"SESSION_TOKEN"_s), carried);

    QVERIFY(m_session->run(steps[1]));
    QVERIFY(watch.watchUntil(m_session.get(), &RunbookSession::stepFinished));
    const StepRun run = m_session->stepRun(steps[1]);
    QVERIFY2(run.state == StepState::Succeeded, qPrintable(run.message + run.output));
    QCOMPARE(run.output, password + u'|' + token + u'|' + carried);
    QVERIFY2(watch.samples() >= 10, "the step ended before it could be watched");
    QVERIFY2(!watch.sawMarker(), qPrintable(watch.sightings()));

    // The card and the audit row show the command with the value masked.
    QVERIFY2(!run.command.contains(marker), qPrintable(run.command));
    QVERIFY2(run.command.contains(SecretMask), qPrintable(run.command));
    QVERIFY2(m_confirmationsShowingSecrets.isEmpty(),
             qPrintable(m_confirmationsShowingSecrets.join(u'\n')));
    const auto audit = m_audited->entries();
    QVERIFY(audit && audit->size() >= 2);
    for (const AuditEntry &entry : *audit)
        QVERIFY2(!entry.command.contains(marker), qPrintable(entry.command));
}

QTEST_GUILESS_MAIN(RunbookSecretsTest)
#include "tst_runbooksecrets.moc"
