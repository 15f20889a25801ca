// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/core/risk.h"
#include "models/workspace/workspace.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSplitter;
class QToolBar;
class QTreeView;
class QTreeWidget;

namespace OpsDeck {

class BackupActions;
class BackupCatalog;
class Executor;
struct BackupLocation;
class BackupCatalogFilter;
class BackupCatalogModel;
class BackupLocationsModel;
class BackupVerifier;
class ReadOnlyMode;
class VerificationStore;

// Looks up a workspace database's password (from the keychain) for a test restore and answers
// in context's thread: the password (empty when the database names none), or why not.
using DatabasePasswordLookup =
    std::function<void(const QString &ownerHost, const Database &database, QObject *context,
                       std::function<void(const QString &password, const QString &error)> answer)>;

struct BackupsPageServices {
    BackupCatalog *catalog = nullptr;
    // Restore, create and retention delete: through the action gate. May be null: then only
    // verification and test restores are offered.
    BackupActions *actions = nullptr;
    std::function<Executor *(const QString &host)> executorFor;
    VerificationStore *store = nullptr;
    BackupVerifier *verifier = nullptr;
    ReadOnlyMode *readOnly = nullptr; // may be null
    DatabasePasswordLookup passwords; // may be empty: no database password is known
};

// The Backups page: the workspace's backup locations on the left (files, newest, staleness,
// WAL window, error; choosing some narrows the catalog), every backup file in the centre
// (sorted, filtered by text, kind and problem), and the chosen file's facts, verification
// history and last run's output below it. Verifications (L0–L2, or up to L2) run at once:
// they only read. A test restore (L3) asks first and goes through the action gate, which
// refuses it in read-only mode and says why; so do a restore into a real database (Destroy:
// what it replaces is shown, the database's name typed), a backup made now (Change) and the
// deletion a retention dry run proposes (Destroy: the location's name typed). Nothing here
// waits on the network or the disk.
class BackupsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupsPage)

public:
    enum class Action {
        VerifyL0,
        VerifyL1,
        VerifyL2,
        VerifyUpToL2,
        TestRestore,
        Restore,
        CreateBackup,
        Retention,
        Cancel,
        Refresh
    };

    explicit BackupsPage(const BackupsPageServices &services, QWidget *parent = nullptr);
    ~BackupsPage() override;

    // The locations to list; the catalog starts listing once the page is first shown.
    void setWorkspace(const Workspace &workspace);

    QTreeView *locationsView() const { return m_locationsView; }
    QTreeView *catalogView() const { return m_view; }
    BackupCatalogModel *catalogModel() const { return m_files; }
    BackupLocationsModel *locationsModel() const { return m_locations; }
    BackupCatalogFilter *filter() const { return m_filter; }
    QLineEdit *filterInput() const { return m_filterInput; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *onlyFailedBox() const { return m_onlyFailed; }
    QCheckBox *onlyUnverifiedBox() const { return m_onlyUnverified; }
    QCheckBox *onlyStaleBox() const { return m_onlyStale; }
    QComboBox *scratchServerBox() const { return m_scratch; }
    QLabel *factsLabel() const { return m_facts; }
    QTreeWidget *historyView() const { return m_history; }
    QPlainTextEdit *outputView() const { return m_output; }
    QLabel *statusLine() const { return m_status; }
    QAction *action(Action kind) const { return m_actions.value(int(kind)); }

    // Chooses the file with this BackupFile::key() in the catalog; false when it is not shown.
    bool selectFile(const QString &key);
    // The file of the current row, or nullptr.
    const BackupFile *currentFile() const;
    void runAction(Action kind);
    void copySelection() const;
    bool isVerifying() const;

Q_SIGNALS:
    void message(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    QToolBar *createToolBar();
    QWidget *createDetails();
    void updateFromCatalog();
    void loadVerifications();
    void addRecord(const VerificationRecord &record);
    void onLocationsSelected();
    void showDetails();
    void showHistory(const QList<VerificationRecord> &records, const QString &error);
    void verify(VerificationLevel level, bool lowerLevelsFirst);
    void testRestore();
    // plainSqlScanned: a plain dump's scan and the host's psql have allowed it.
    void startTestRestore(const BackupFile &file, const Database &scratch,
                          const QString &scratchHost, bool plainSqlScanned = false);
    void restoreBackup();
    void createBackup();
    void showRetention();
    // The location chosen on the left (exactly one), else the current file's; host and
    // location name, or nullptr.
    const BackupLocation *currentLocation(QString *host) const;
    // The workspace database a file's location names (its `database`), or nullptr.
    const Database *locationDatabase(const BackupFile &file) const;
    // The database's password (keychain, or asked), answered later; without a lookup none.
    void readPassword(const QString &host, const Database &database,
                      std::function<void(const QString &password, const QString &error)> answer);
    // Asks before an action of this risk (typedName for Destroy); in read-only mode answers yes
    // at once, for the gate to refuse it and say why.
    void confirm(Risk risk, const QString &what, const QString &reason, const QString &typedName,
                 std::function<void(bool)> answered);
    // Marks what as under way; false (and says why) while another action is.
    bool startActing(const QString &what);
    // An action of BackupActions has started (running) or ended with outcome.
    void setActing(const QString &what, bool running);
    void actionFinished(const QString &what, const QString &fileKey, const QString &error);
    void setVerifying(bool on);
    void appendOutput(const QString &fileKey, const QString &line);
    void updateActions();
    void restoreState();
    void saveState() const;

    BackupsPageServices m_services;
    Workspace m_workspace;
    BackupCatalogModel *m_files;
    BackupLocationsModel *m_locations;
    BackupCatalogFilter *m_filter;
    QList<VerificationRecord> m_records;
    QHash<QString, QStringList> m_outputs; // by file key: this session's runs
    QHash<QString, int> m_staleVerdicts;   // by location key: 1 stale, 2 critical
    QString m_runningKey;
    QString m_runningName;
    QString m_acting; // what a restore, backup or deletion under way does; empty: none
    bool m_started = false;

    QHash<int, QAction *> m_actions;
    QToolBar *m_toolBar;
    QSplitter *m_splitter;
    QSplitter *m_centre;
    QTreeView *m_locationsView;
    QTreeView *m_view;
    QLineEdit *m_filterInput;
    QComboBox *m_kind;
    QCheckBox *m_onlyFailed;
    QCheckBox *m_onlyUnverified;
    QCheckBox *m_onlyStale;
    QComboBox *m_scratch;
    QLabel *m_facts;
    QTreeWidget *m_history;
    QPlainTextEdit *m_output;
    QLabel *m_status;
    QProgressBar *m_progress;
};

} // namespace OpsDeck
