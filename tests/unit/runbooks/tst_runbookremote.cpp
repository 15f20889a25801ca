// SPDX-License-Identifier: GPL-3.0-or-later
// Runbook steps on a real sshd: values filled in, variables carried between steps, a section
// stopped at its failing step — the same engine the runbook view and the wizards use.
#include "commandtesting.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/runbooks/runbooksession.h"
#include "models/workspace/workspaceloader.h"
#include "sshfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RunbookRemoteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stepsRunOnTheHostWithValuesAndVariables();
    void sectionStopsAtTheFailingStepOnTheHost();

private:
    StepRun runAndWait(RunbookStepId step, int line = -1);

    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    std::unique_ptr<RunbookSession> m_session;
};

void RunbookRemoteTest::initTestCase()
{
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());

    const QByteArray text = QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                                    m_sshd->workspaceHost(u"fixture"_s))
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(loaded.workspace);

    m_session = std::make_unique<RunbookSession>(
        &m_audited->runner, [this](const QString &host) { return m_registry->executor(host); });
    m_session->setWorkspace(loaded.workspace);
    QCOMPARE(m_session->defaultHost(), u"fixture"_s);
}

void RunbookRemoteTest::cleanupTestCase()
{
    m_session.reset();
    m_registry.reset();
    m_audited.reset();
}

StepRun RunbookRemoteTest::runAndWait(RunbookStepId step, int line)
{
    QSignalSpy finished(m_session.get(), &RunbookSession::stepFinished);
    if (m_session->run(step, line))
        finished.wait(30000);
    return m_session->stepRun(step);
}

void RunbookRemoteTest::stepsRunOnTheHostWithValuesAndVariables()
{
    m_session->setRunbook(
        parseRunbook("# Investigate\n\n"
                     "```bash\nREMOTE_USER=$(id -un)\nMARK=\"<mark-text>\"\necho \"as "
                     "$REMOTE_USER\"\n```\n\n"
                     "```bash\nprintf '%s|%s\\n' \"$MARK\" \"$REMOTE_USER\"\n```\n\n"
                     "```bash\ncat <<EOF\nhere <mark-text>\nEOF\n```\n",
                     u"remote.md"_s),
        u"remote.md"_s);
    const QList<RunbookStepId> steps = m_session->steps();
    QCOMPARE(steps.size(), 3);
    const QString label = u"it's $(not run) `either`"_s;
    m_session->setPlaceholderValue(u"<mark-text>"_s, label);

    const StepRun first = runAndWait(steps[0]);
    QVERIFY2(first.state == StepState::Succeeded,
             qPrintable(first.message + first.result.summary()));
    QCOMPARE(first.target, u"fixture"_s);
    QCOMPARE(first.output, u"as "_s + m_sshd->value(u"USER"_s) + u"\n"_s);
    QCOMPARE(m_session->variables().value(u"MARK"_s), label);

    const StepRun second = runAndWait(steps[1]);
    QCOMPARE(second.output, label + u"|"_s + m_sshd->value(u"USER"_s) + u"\n"_s);
    const StepRun third = runAndWait(steps[2]);
    QCOMPARE(third.output, u"here "_s + label + u"\n"_s);
}

void RunbookRemoteTest::sectionStopsAtTheFailingStepOnTheHost()
{
    m_session->setRunbook(
        parseRunbook("# Diagnosis\n\n## Disk\n\n```bash\ndf -P / | tail -1\n```\n\n"
                     "## Service\n\n```bash\nls /no/such/path\n```\n\n"
                     "## Never\n\n```bash\necho unreachable\n```\n",
                     u"section.md"_s),
        u"section.md"_s);
    QSignalSpy sectionFinished(m_session.get(), &RunbookSession::sectionFinished);
    QVERIFY(m_session->runSection(0));
    QVERIFY(sectionFinished.wait(30000));
    QCOMPARE(sectionFinished.at(0).at(1).toBool(), false);
    const QList<RunbookStepId> steps = m_session->steps();
    QVERIFY(m_session->stepRun(steps[0]).state == StepState::Succeeded);
    QVERIFY(m_session->stepRun(steps[0]).output.contains(u"/\n"_s));
    QVERIFY(m_session->stepRun(steps[1]).state == StepState::Failed);
    QVERIFY(m_session->stepRun(steps[1]).output.contains(u"/no/such/path"_s));
    QVERIFY(m_session->stepRun(steps[2]).state == StepState::NotRun);
}

QTEST_GUILESS_MAIN(RunbookRemoteTest)
#include "tst_runbookremote.moc"
