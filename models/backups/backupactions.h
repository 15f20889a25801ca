// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/backups/pgtool.h"
#include "models/backups/plainsqlscan.h"
#include "models/remote/actiongate.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace OpsDeck {

class CommandRunner;
class Executor;
class IncidentSession;
struct BackupLocation;

// The database a restore writes into or a backup is made of, as pg tools on the host reach it.
struct PgTarget {
    PgServer server;
    QString database;
    QString password; // from the keychain; handed over only through pgToolRequest
};

// A session a restore will cut (pg_stat_activity of the target database).
struct RestoreSession {
    int pid = 0;
    QString user;
    QString application;
    QString client;
    QString state;
};

// What the operator sees before a restore: what will be replaced and by what.
struct RestorePreview {
    QString host; // the host that holds the file and runs the restore
    BackupFile file;
    QString database; // the target
    qint64 databaseSize = -1;
    QList<RestoreSession> sessions;
    bool scanned = false; // plain SQL: the scan below was made
    PlainSqlScanResult scan;
    QString psqlVersion;
    QString refusal; // why the restore cannot run (one sentence); empty: it may, once confirmed
    QString error;   // the preview itself failed

    bool mayRestore() const { return refusal.isEmpty() && error.isEmpty(); }
};

// A plain SQL dump as the host that holds it would run it: the dump's scan and that host's psql.
struct PlainDumpCheck {
    PlainSqlScanResult scan;
    bool scanned = false;
    QString psqlVersion; // `psql --version`'s answer, or what it said when it failed
    QString error;       // the file could not be read to its end

    // Why psql must not run this dump (plainRestoreRefusal(), or the error), or empty.
    QString refusal() const;
};

// `<database>-<UTC timestamp>.dump`, the database name reduced to letters, digits, '.', '_'
// and '-' so it is one safe file name.
QString backupFileName(const QString &database, const QDateTime &utc);

// The guard rails around what changes a backup location or a database: restore (Destroy, the
// database name typed), create a backup now (Change) and delete files (Destroy, the location's
// name typed). Every one goes through the action gate (read-only mode refuses it, it is
// audited, and on the incident timeline when one is open) and runs its command through the
// command runner, which audits the command itself. The scan and the previews only read.
class BackupActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupActions)

public:
    BackupActions(CommandRunner *runner, ActionGate *gate, QObject *parent = nullptr);
    ~BackupActions() override;

    void setIncident(IncidentSession *incident);

    // Streams the file (decompressed) from its host through the scanner in the background;
    // never holds the file in memory. error is set when it could not be read to its end.
    using ScanDone = std::function<void(const PlainSqlScanResult &scan, const QString &error)>;
    void scanPlainDump(Executor *executor, const BackupFile &file, QObject *context, ScanDone done);

    // Read only: the host's psql version, then scanPlainDump().
    using PlainCheckDone = std::function<void(const PlainDumpCheck &check)>;
    void checkPlainDump(Executor *executor, const BackupFile &file, QObject *context,
                        PlainCheckDone done);

    // Read only: the target's size and sessions, the scan and the host's psql for a plain dump,
    // and why the restore would be refused.
    using PreviewDone = std::function<void(const RestorePreview &preview)>;
    void previewRestore(Executor *executor, const BackupFile &file, const PgTarget &target,
                        QObject *context, PreviewDone done);

    using Done = std::function<void(const ActionOutcome &outcome)>;
    // Restores the previewed file over target (the same database the preview looked at). The
    // other sessions of that database are terminated first; the restore is one transaction.
    void restore(Executor *executor, const RestorePreview &preview, const PgTarget &target,
                 const ActionConfirmation &confirmation, QObject *context, Done done);

    // pg_dump -Fc of target into the location's directory as backupFileName(), written under a
    // hidden temporary name and renamed when complete, with a .sha256 beside it when asked.
    using CreateDone = std::function<void(const ActionOutcome &outcome, const QString &path)>;
    void createBackup(Executor *executor, const BackupLocation &location, const PgTarget &target,
                      const ActionConfirmation &confirmation, QObject *context, CreateDone done,
                      const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Deletes exactly these files of the location (a retention run's list), `rm -f --` each
    // quoted (`rm -rf --` when one is a directory-format dump). Paths outside the location's
    // directory are refused.
    void deleteFiles(Executor *executor, const BackupLocation &location,
                     const QList<BackupFile> &files, const ActionConfirmation &confirmation,
                     QObject *context, Done done);

private:
    void runDeclared(const DeclaredAction &action, const ActionConfirmation &confirmation,
                     Executor *executor, CommandRequest request, QObject *context, Done done);

    CommandRunner *m_runner;
    ActionGate *m_gate;
    QPointer<IncidentSession> m_incident;
};

} // namespace OpsDeck
