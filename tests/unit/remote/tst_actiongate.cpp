// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/core/secretvalues.h"
#include "models/persistence/statestore.h"
#include "models/remote/actiongate.h"
#include "statetesting.h"

#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class ActionGateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyKindHasItsOwnId();
    void unknownKindIsRefused();
    void readOnlyModeRefusesChanges();
    void refusedWithoutConfirmation();
    void destroyNeedsTheTargetTyped();
    void auditRowIsWrittenBeforeAndOutcomeAfter();
    void failureIsRecorded();
    void secretsAreMaskedInTheLog();

private:
    // Runs action through the gate and waits for its outcome; ran says whether it was started.
    ActionOutcome runThroughGate(const DeclaredAction &action,
                                 const ActionConfirmation &confirmation,
                                 const ActionGate::Action &start, bool *ran = nullptr);
    QList<AuditEntry> queryAll();

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ReadOnlyMode> m_readOnly;
    std::unique_ptr<ActionGate> m_gate;
};

namespace {

DeclaredAction silenceAction()
{
    return {u"alertmanager.silence.create"_s,
            u"http://127.0.0.1:9093"_s,
            u"silence alertname=HighLoad for 2 h"_s,
            {},
            std::nullopt};
}

} // namespace

void ActionGateTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(StateTesting::openStore(*m_store, m_directory->filePath(u"state.sqlite"_s), &error),
             qPrintable(error));
    m_auditLog = std::make_unique<AuditLog>(m_store.get());
    m_readOnly = std::make_unique<ReadOnlyMode>(false);
    m_gate = std::make_unique<ActionGate>(m_auditLog.get(), m_readOnly.get());
}

void ActionGateTest::cleanup()
{
    m_gate.reset();
    m_auditLog.reset();
    m_store.reset(); // waits for queued writes
}

QList<AuditEntry> ActionGateTest::queryAll()
{
    return StateTesting::valueOr(
        StateTesting::waitFor<QList<AuditEntry>>(
            [&](QObject *context, auto done) { m_auditLog->query({}, context, std::move(done)); }),
        QList<AuditEntry>());
}

ActionOutcome ActionGateTest::runThroughGate(const DeclaredAction &action,
                                             const ActionConfirmation &confirmation,
                                             const ActionGate::Action &start, bool *ran)
{
    std::optional<ActionOutcome> outcome;
    bool started = false;
    m_gate->run(
        action, confirmation, this,
        [&started, start](ActionGate::Finish finish) {
            started = true;
            start(std::move(finish));
        },
        [&outcome](const ActionOutcome &answer) { outcome = answer; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
        return {u"no answer from the gate"_s};
    if (ran)
        *ran = started;
    return *outcome;
}

void ActionGateTest::everyKindHasItsOwnId()
{
    QSet<QString> ids;
    for (const ActionKind &kind : knownActionKinds()) {
        QVERIFY2(!ids.contains(kind.id), qPrintable(kind.id));
        ids.insert(kind.id);
        QVERIFY(actionKind(kind.id).has_value());
    }
    QVERIFY(actionKind(u"alertmanager.silence.create"_s)->risk == Risk::Change);
    QVERIFY(actionKind(u"postgres.backend.terminate"_s)->risk == Risk::Destroy);
}

void ActionGateTest::unknownKindIsRefused()
{
    DeclaredAction action = silenceAction();
    action.kind = u"anything.at.all"_s;
    bool ran = true;
    const ActionOutcome outcome = runThroughGate(
        action, {Risk::Destroy, {action.target}}, [](auto finish) { finish({}); }, &ran);
    QVERIFY(!ran);
    QVERIFY2(outcome.error.contains(u"anything.at.all"_s), qPrintable(outcome.error));
    QVERIFY(queryAll().isEmpty());
}

void ActionGateTest::readOnlyModeRefusesChanges()
{
    m_readOnly->setEnabled(true);
    bool ran = true;
    const ActionOutcome outcome = runThroughGate(
        silenceAction(), {Risk::Change, {}}, [](auto finish) { finish({}); }, &ran);
    QVERIFY(!ran);
    QVERIFY(!outcome.succeeded());
    QVERIFY2(outcome.error.contains(m_readOnly->refusal(Risk::Change)), qPrintable(outcome.error));
    QVERIFY(queryAll().isEmpty());
}

void ActionGateTest::refusedWithoutConfirmation()
{
    bool ran = true;
    const ActionOutcome outcome = runThroughGate(
        silenceAction(), {Risk::Read, {}}, [](auto finish) { finish({}); }, &ran);
    QVERIFY(!ran);
    QVERIFY2(outcome.error.contains(riskName(Risk::Change)), qPrintable(outcome.error));
    QVERIFY(queryAll().isEmpty());
}

void ActionGateTest::destroyNeedsTheTargetTyped()
{
    DeclaredAction action{u"postgres.backend.terminate"_s,
                          u"db1:5432"_s,
                          u"terminate backend 4242"_s,
                          {},
                          std::nullopt};
    bool ran = true;
    ActionOutcome outcome = runThroughGate(
        action, {Risk::Destroy, {u"db2:5432"_s}}, [](auto f) { f({}); }, &ran);
    QVERIFY(!ran);
    QVERIFY2(outcome.error.contains(u"db1:5432"_s), qPrintable(outcome.error));
    outcome = runThroughGate(
        action, {Risk::Destroy, {u"db1:5432"_s}}, [](auto f) { f({}); }, &ran);
    QVERIFY(ran);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error));
}

void ActionGateTest::auditRowIsWrittenBeforeAndOutcomeAfter()
{
    // The action looks into the log when it starts: its own row must be committed, running.
    QList<AuditEntry> seenAtStart;
    DeclaredAction action = silenceAction();
    action.incidentId = 7;
    const ActionOutcome outcome =
        runThroughGate(action, {Risk::Change, {}}, [&](ActionGate::Finish finish) {
            seenAtStart = queryAll();
            finish({});
        });
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error));
    QCOMPARE(seenAtStart.size(), 1);
    QCOMPARE(seenAtStart.at(0).status, AuditStatus::Running);
    QCOMPARE(seenAtStart.at(0).host, action.target);
    QCOMPARE(seenAtStart.at(0).command,
             u"alertmanager.silence.create: silence alertname=HighLoad for 2 h"_s);
    QVERIFY(seenAtStart.at(0).risk == Risk::Change);
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Finished, 5000);
    const AuditEntry entry = queryAll().at(0);
    QCOMPARE(entry.exitCode, std::optional<int>(0));
    QCOMPARE(entry.incidentId, std::optional<qint64>(7));
    QVERIFY(entry.finishedAt.isValid());
}

void ActionGateTest::failureIsRecorded()
{
    const ActionOutcome outcome = runThroughGate(silenceAction(), {Risk::Change, {}},
                                                 [](auto finish) { finish({u"HTTP 500"_s}); });
    QCOMPARE(outcome.error, u"HTTP 500"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queryAll().value(0).status, AuditStatus::Failed, 5000);
}

void ActionGateTest::secretsAreMaskedInTheLog()
{
    DeclaredAction action = silenceAction();
    action.description = u"silence with token s3cr3t-token-value"_s;
    action.secrets = {u"s3cr3t-token-value"_s};
    QVERIFY(runThroughGate(action, {Risk::Change, {}}, [](auto f) { f({}); }).succeeded());
    const QString logged = queryAll().value(0).command;
    QVERIFY2(!logged.contains(u"s3cr3t"_s), qPrintable(logged));
    QVERIFY2(logged.contains(SecretMask), qPrintable(logged));
}

QTEST_GUILESS_MAIN(ActionGateTest)
#include "tst_actiongate.moc"
