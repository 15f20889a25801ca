// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/remote/actiongate.h"
#include "models/remote/executor.h"
#include "models/workspace/workspace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <variant>

namespace OpsDeck {

class IncidentSession;

// Where a test restore goes and what it compares with. Passwords are resolved by the caller
// and reach the pg tools only through pgToolRequest().
struct TestRestorePlan {
    BackupFile file;
    Database scratchServer; // a workspace database whose server allows scratch restores
    QString scratchPassword;
    std::optional<Database> source; // the database the dumps are of (BackupLocation::database)
    QString sourcePassword;
    bool plainSqlAllowed = false; // set only once the plain-SQL safety scan passed
    int largestTables = 10;
    QString scratchName; // empty: newScratchDatabaseName()
};

enum class TestRestorePhase { Create, Restore, Count, Compare, Drop };
QString testRestorePhaseName(TestRestorePhase phase); // translated

// One of the biggest tables, counted exactly in the scratch database and in the source.
struct RestoredTableCount {
    QString schema;
    QString table;
    qint64 restoredRows = 0;
    std::optional<qint64> sourceRows; // nullopt: not compared; -1: the source has no such table
};

struct TestRestoreResult {
    VerificationVerdict verdict = VerificationVerdict::Failed;
    QString detail;
    QString scratchName;
    QList<RestoredTableCount> tables;
    bool scratchDropped = false;
    QString dropSaid; // what dropdb said when it could not drop
    bool cancelled = false;
    bool ran = false; // false: refused before anything ran (gate, plan); detail says why
    qint64 durationMs = 0;
};

// A name no database has yet: the scratch prefix, the time and random letters.
QString newScratchDatabaseName();

// Why plan cannot be test-restored (no scratch restores on that server, a plain dump without
// its safety scan, a file that is no database dump…), or empty.
QString testRestoreRefusal(const TestRestorePlan &plan);

// The script for the host that holds the file: create the scratch database, restore into it,
// count the biggest tables, and drop it however the script ends (its trap). Refuses (the
// string) what testRestoreRefusal() refuses and a scratch name without the prefix.
std::variant<CommandRequest, QString> testRestoreRequest(const TestRestorePlan &plan);

// The script that counts the same tables in the source database, read-only.
std::variant<CommandRequest, QString> sourceCountRequest(const Database &source,
                                                         const QString &password,
                                                         const QList<RestoredTableCount> &tables);

// The script that drops a scratch database left behind (a cancelled or broken restore) and
// checks that it is gone. Refuses any name without the scratch prefix.
std::variant<CommandRequest, QString>
scratchDropRequest(const Database &server, const QString &password, const QString &scratchName);

// What the restore script printed: tables counted, and the verdict without the comparison.
TestRestoreResult parseTestRestore(const QByteArray &out, const CommandResult &result);
// Fills sourceRows from the source script's output; false when it could not be read.
bool applySourceCounts(const QByteArray &out, QList<RestoredTableCount> *tables);
// The verdict once counts are compared: differences are reported, and only an empty restored
// table whose source has rows fails it.
void judgeComparison(TestRestoreResult *result);

struct TestRestoreServices {
    ActionGate *gate = nullptr;
    std::function<Executor *(const QString &host)> executorFor;
    QPointer<IncidentSession> incident; // the open incident's timeline gets a line
};

// One test restore (action kind `backup.test-restore`, Change): through the action gate
// (confirmation, read-only refusal, audit), on the host that holds the file.
class TestRestore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestRestore)

public:
    explicit TestRestore(TestRestoreServices services, QObject *parent = nullptr);
    ~TestRestore() override;

    void start(const TestRestorePlan &plan, const ActionConfirmation &confirmation);
    // Stops it; the script's trap still drops the scratch database.
    void cancel();

Q_SIGNALS:
    void phaseChanged(OpsDeck::TestRestorePhase phase, qint64 elapsedMs);
    void finished(const OpsDeck::TestRestoreResult &result);

private:
    void restoreDone(const CommandResult &outcome, ActionGate::Finish finish);
    void compareOrFinish(ActionGate::Finish finish);
    void compareDone(const QByteArray &out, const CommandResult &outcome,
                     ActionGate::Finish finish);
    void readPhases(const QByteArray &data);

    TestRestoreServices m_services;
    TestRestorePlan m_plan;
    QPointer<CommandRun> m_run;
    QByteArray m_out;
    QByteArray m_pendingLine;
    QElapsedTimer m_clock;
    TestRestoreResult m_result;
    bool m_cancelled = false;
    bool m_started = false;
    bool m_cleaningUp = false;
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::TestRestoreResult)
Q_DECLARE_METATYPE(OpsDeck::TestRestorePhase)
