// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditentry.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace OpsDeck {

class AuditLog;
class AuditModel;

// Every command OpsDeck ran, from the audit log: filter bar (host, command text, time range),
// a sortable table, refresh (F5), CSV export, Ctrl+C as CSV, and Verify, which walks the log's
// hash chain in the store's thread and says whether it is intact or which row is not. An end of
// a command that could not be written is said there too.
//
// Filtering happens in SQL: each change of the filters, each refresh() and, while the page is
// visible, a timer every two seconds ask the log with AuditLog::query(); only the answer to the
// newest request is shown. Rows update in place, so selection and scroll position survive.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    enum class TimeRange { LastHour, Last24Hours, Last7Days, All };

    // Without a log (no state database) the page says so.
    explicit AuditPage(AuditLog *auditLog, QWidget *parent = nullptr);
    ~AuditPage() override;

    // Hosts offered in the host filter besides those seen in the log (e.g. the workspace's).
    void setHostNames(const QStringList &hosts);
    // Asks the store again with the current filters; the table follows when the answer comes.
    void refresh();
    // Writes the rows shown, in the order shown, as CSV (auditEntriesToCsv) to path: the rows
    // are copied now, the CSV is built and saved atomically off the GUI thread (FileWriter).
    // exported() answers; meanwhile the export action is disabled and the page says so.
    void exportCsv(const QString &path);
    bool isExporting() const { return m_exportsRunning > 0; }
    // Checks the whole hash chain (AuditLog::verify()); verified() answers, and the page shows
    // the result. Meanwhile the action is disabled.
    void verifyChain();
    bool isVerifying() const { return m_verifying; }
    // The selected rows, in the order shown, as CSV with its header row; empty without selection.
    QString selectionAsCsv() const;
    // The query the filter bar stands for now.
    AuditQuery currentQuery() const;

    void setTimeRange(TimeRange range);
    QTableView *view() const { return m_view; }
    AuditModel *model() const { return m_model; }

Q_SIGNALS:
    // error: a sentence for the user naming the file; empty when ok.
    void exported(const QString &path, bool ok, const QString &error);
    // summary: "N rows, chain intact", or what is wrong and where (or why it could not be read).
    void verified(bool intact, const QString &summary);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onAuditQueried(const QList<OpsDeck::AuditEntry> &entries);
    void onFailed(const QString &message);
    void addHostChoices(const QStringList &hosts);
    void exportWithDialog();
    void onExported(const QString &path, const QString &reason);
    void copySelection();
    void showChainStatus(const QString &text, bool bad);
    void updateStatus();
    QList<AuditEntry> entriesInViewOrder(bool selectedOnly) const;

    QPointer<AuditLog> m_auditLog;
    AuditModel *m_model;
    QSortFilterProxyModel *m_sorter;
    QComboBox *m_hostFilter;
    QLineEdit *m_textFilter;
    QComboBox *m_timeRange;
    QTableView *m_view;
    QLabel *m_status;
    QLabel *m_exportStatus;
    QLabel *m_chainStatus;
    QAction *m_refreshAction;
    QAction *m_exportAction;
    QAction *m_verifyAction;
    QTimer *m_autoRefresh;
    QTimer *m_filterDelay;
    QTimer *m_soonRefresh;
    QSet<QString> m_hostChoices;
    quint64 m_lastQuery = 0; // the newest query's number; its answer is the one shown
    bool m_querying = false; // the newest query is not answered yet
    int m_exportsRunning = 0;
    bool m_verifying = false;
    // Exports started from the file dialog, whose errors also get a message box.
    QList<QString> m_dialogExports;
    QString m_error;
    bool m_loaded = false;
    bool m_columnsSized = false;
};

} // namespace OpsDeck
