// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/backups/testrestore.h"
#include "models/remote/executor.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>
#include <variant>

namespace OpsDeck {

class CommandRunner;
class VerificationStore;

// What one level of the ladder found in one file.
struct VerificationFinding {
    VerificationVerdict verdict = VerificationVerdict::Failed;
    QString detail;                  // for people: "12 objects: 3 TABLE, 3 TABLE DATA, …"
    QMap<QString, int> objectCounts; // L1: entries of the table of contents by type
    qint64 bytesRead = -1;           // L2 of plain SQL: the decompressed stream's length
    QString checksum;                // L0: the sha256 computed when a .sha256 is beside it
};

// Why level does not apply to file (L1 to a WAL segment, L3 to a file archive), or empty.
QString verificationLevelRefusal(const BackupFile &file, VerificationLevel level);

// The script for L0, L1 or L2 that runs on the host holding the file: it only reads (the gate
// judges it Read) and frames what it finds for parseVerification(). L3 is TestRestore's.
std::variant<CommandRequest, QString> verificationRequest(const BackupFile &file,
                                                          VerificationLevel level);

// Reads what the script of verificationRequest() printed (out), what its tools said on
// standard error (err) and how it ended.
VerificationFinding parseVerification(const BackupFile &file, VerificationLevel level,
                                      const QByteArray &out, const QByteArray &err,
                                      const CommandResult &result);

// `pg_restore --list` output: entries by type ("TABLE DATA" -> 3). Comment lines are skipped.
QMap<QString, int> countTocEntries(const QString &listing);
// The dump ids of the entries that have a data file in a directory dump (TABLE DATA, BLOBS…).
QList<int> tocDataEntryIds(const QString &listing);

// Where verifications run and are kept.
struct VerifierServices {
    CommandRunner *runner = nullptr;
    std::function<Executor *(const QString &host)> executorFor;
    VerificationStore *store = nullptr;         // optional: without it nothing is kept
    std::optional<TestRestoreServices> restore; // for L3
};

// Runs the ladder for one file at a time: a level, or the levels up to it (a failed level
// stops the climb; L1's "TOC only" goes on). Each result is recorded in the store. Nothing
// here blocks the calling thread.
class BackupVerifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupVerifier)

public:
    explicit BackupVerifier(VerifierServices services, QObject *parent = nullptr);
    ~BackupVerifier() override;

    // Starts; false (and nothing happens) while another verification runs. For L3, plan says
    // where the scratch database goes and confirmation is the operator's answer.
    bool verify(const BackupFile &file, VerificationLevel level, bool lowerLevelsFirst,
                const std::optional<TestRestorePlan> &plan = std::nullopt,
                const ActionConfirmation &confirmation = {});
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Every second while a level runs, and at each phase of a test restore.
    void progress(OpsDeck::VerificationLevel level, const QString &text, qint64 elapsedMs);
    void levelFinished(const OpsDeck::VerificationRecord &record);
    // The level could not run (no connection, refused by the gate, no scratch server): nothing
    // is known about the file, so nothing is recorded; finished() follows.
    void levelNotRun(OpsDeck::VerificationLevel level, const QString &reason);
    // records: one per level run; cancelled when stopped by cancel() (nothing recorded for the
    // level that was running).
    void finished(const QList<OpsDeck::VerificationRecord> &records, bool cancelled);

private:
    void runNext();
    void runCommandLevel(VerificationLevel level);
    void runTestRestore();
    void levelDone(VerificationLevel level, const VerificationFinding &finding, qint64 durationMs);
    void notRun(VerificationLevel level, const QString &reason);
    void finishAll(bool cancelled);

    VerifierServices m_services;
    bool m_running = false;
    bool m_cancelled = false;
    BackupFile m_file;
    QList<VerificationLevel> m_pending;
    VerificationLevel m_current = VerificationLevel::Integrity;
    std::optional<TestRestorePlan> m_plan;
    ActionConfirmation m_confirmation;
    QList<VerificationRecord> m_records;
    QPointer<CommandRun> m_run;
    QPointer<TestRestore> m_restore;
    QByteArray m_out;
    QByteArray m_err;
    QElapsedTimer m_clock;
    QTimer m_ticker;
};

} // namespace OpsDeck
