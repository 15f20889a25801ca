// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in incident runbooks (resources/runbooks/*.md, compiled in at :/runbooks/) are walked
// by the incident wizard, so each must parse cleanly and have the shape the wizard relies on.
#include "models/core/risk.h"
#include "models/runbooks/runbookparser.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString runbookFolder = u":/runbooks"_s;

// The level-2 sections the wizard walks through, in the order it shows them.
const QStringList wizardSections = {u"Symptoms"_s, u"Diagnosis"_s, u"Resolution"_s,
                                    u"Verification"_s, u"Communication"_s};

QStringList builtInRunbookNames()
{
    return QDir(runbookFolder).entryList({u"*.md"_s}, QDir::Files, QDir::Name);
}

void addRunbookRows()
{
    QTest::addColumn<QString>("path");
    const QStringList names = builtInRunbookNames();
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << runbookFolder + u'/' + name;
}

// A step of the wizard: a runnable block, with the section it belongs to.
struct Step {
    QString phase;   // the level-2 section above it, e.g. "Diagnosis"
    QString heading; // its own heading, e.g. "Check the systemd unit"
    const RunbookBlock *block = nullptr;
};

QList<Step> runnableSteps(const Runbook &runbook)
{
    QList<Step> steps;
    QString phase;
    for (const RunbookSection &section : runbook.sections) {
        if (section.level > 0 && section.level <= 2)
            phase = section.title;
        for (const RunbookBlock &block : section.blocks) {
            if (block.isRunnable())
                steps.append({phase, section.title, &block});
        }
    }
    return steps;
}
// Steps point into the runbook: a temporary one would leave them dangling.
QList<Step> runnableSteps(Runbook &&) = delete;

} // namespace

class TestBuiltInRunbooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIncidentHasARunbook();
    void parsesWithoutDiagnostics_data();
    void parsesWithoutDiagnostics();
    void hasIncidentMetadata_data();
    void hasIncidentMetadata();
    void hasTheWizardSections_data();
    void hasTheWizardSections();
    void everyPhaseHasRunnableSteps_data();
    void everyPhaseHasRunnableSteps();
    void diagnosisOnlyReads_data();
    void diagnosisOnlyReads();
    void shellBlocksAreCommands_data();
    void shellBlocksAreCommands();
};

void TestBuiltInRunbooks::everyIncidentHasARunbook()
{
    const QStringList expected = {
        u"complete-outage.md"_s, u"data-corruption.md"_s, u"database-connections.md"_s,
        u"database-locks.md"_s,  u"high-cpu.md"_s,        u"high-error-rate.md"_s,
        u"high-memory.md"_s,     u"queue-backlog.md"_s,   u"security-breach.md"_s,
        u"service-down.md"_s,    u"slow-responses.md"_s,  u"ssl-certificate.md"_s};
    const QStringList present = builtInRunbookNames();
    for (const QString &name : expected)
        QVERIFY2(present.contains(name), qPrintable(u"missing :/runbooks/"_s + name));
}

void TestBuiltInRunbooks::parsesWithoutDiagnostics_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::parsesWithoutDiagnostics()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path);
    QStringList problems;
    for (const Diagnostic &diagnostic : runbook.diagnostics)
        problems.append(diagnostic.toString());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(runbook.repairs.isEmpty(), qPrintable(runbook.repairs.join(u'\n')));
    QVERIFY(!runbook.sections.isEmpty());
}

void TestBuiltInRunbooks::hasIncidentMetadata_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::hasIncidentMetadata()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path);
    const QString title = runbook.metadata.value(u"title"_s);
    QVERIFY2(!title.isEmpty(), "front matter has no title");
    QCOMPARE(runbook.title, title);
    QVERIFY2(!runbook.metadata.value(u"symptom"_s).isEmpty(), "front matter has no symptom");
    static const QRegularExpression severity(u"^SEV-[1-4]$"_s);
    const QString value = runbook.metadata.value(u"severity"_s);
    QVERIFY2(severity.match(value).hasMatch(),
             qPrintable(u"severity must be SEV-1 to SEV-4, found '%1'"_s.arg(value)));

    // The level-1 heading repeats the title, so the rendered runbook reads the same.
    QVERIFY(!runbook.sections.isEmpty());
    QCOMPARE(runbook.sections.constFirst().level, 1);
    QCOMPARE(runbook.sections.constFirst().title, title);
}

void TestBuiltInRunbooks::hasTheWizardSections_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::hasTheWizardSections()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path);
    QStringList levelTwo;
    bool symptomsHaveChecks = false;
    for (const RunbookSection &section : runbook.sections) {
        if (section.level == 2)
            levelTwo.append(section.title);
        if (section.level == 2 && section.title == u"Symptoms") {
            symptomsHaveChecks = std::ranges::any_of(section.blocks, [](const RunbookBlock &b) {
                return b.kind == RunbookBlock::ManualCheck;
            });
        }
    }
    QCOMPARE(levelTwo, wizardSections);
    QVERIFY2(symptomsHaveChecks, "the Symptoms section has no task-list items");
}

void TestBuiltInRunbooks::everyPhaseHasRunnableSteps_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::everyPhaseHasRunnableSteps()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path); // the steps point into it
    const QList<Step> steps = runnableSteps(runbook);
    for (const QString &phase : {u"Diagnosis"_s, u"Resolution"_s, u"Verification"_s}) {
        const bool found =
            std::ranges::any_of(steps, [&](const Step &step) { return step.phase == phase; });
        QVERIFY2(found, qPrintable(phase + u" has no runnable step"_s));
    }
    const bool outsidePhases = std::ranges::any_of(steps, [](const Step &step) {
        return step.phase == u"Symptoms" || step.phase == u"Communication";
    });
    QVERIFY2(!outsidePhases, "Symptoms and Communication must not contain runnable steps");
}

void TestBuiltInRunbooks::diagnosisOnlyReads_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::diagnosisOnlyReads()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path); // the steps point into it
    const QList<Step> steps = runnableSteps(runbook);
    int diagnosisSteps = 0;
    for (const Step &step : steps) {
        if (step.phase != u"Diagnosis")
            continue;
        ++diagnosisSteps;
        QVERIFY2(step.block->risk == Risk::Read,
                 qPrintable(u"diagnosis step '%1' (line %2) is not read-only: %3"_s.arg(
                     step.heading, QString::number(step.block->line), step.block->riskReason)));
    }
    QVERIFY(diagnosisSteps > 0);
}

void TestBuiltInRunbooks::shellBlocksAreCommands_data()
{
    addRunbookRows();
}

void TestBuiltInRunbooks::shellBlocksAreCommands()
{
    QFETCH(QString, path);
    const Runbook runbook = loadRunbookFile(path);
    int commands = 0;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.language == u"bash") {
                QVERIFY2(block.kind == RunbookBlock::Command,
                         qPrintable(u"bash block at line %1 is not a command"_s.arg(block.line)));
                ++commands;
            }
            // Every placeholder is a <name> the form asks for; a $VARIABLE here means a step
            // uses a variable that no earlier step assigns.
            for (const QString &placeholder : block.placeholders) {
                QVERIFY2(placeholder.startsWith(u'<') && placeholder.endsWith(u'>'),
                         qPrintable(u"line %1: unexpected placeholder %2"_s.arg(
                             QString::number(block.line), placeholder)));
            }
        }
    }
    QVERIFY(commands > 0);
}

QTEST_GUILESS_MAIN(TestBuiltInRunbooks)
#include "tst_builtinrunbooks.moc"
