// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/alertmanager.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QUrl>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace OpsDeck {

class ActionGate;

// Who creates a silence: the operating system's user.
QString operatorName();

// What a new silence matches, for how long and why: matchers prefilled from an alert, a
// duration (1 hour, 4 hours, 1 day or a chosen end) and a comment, which is required.
class SilenceEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilenceEditor)

public:
    SilenceEditor(const QList<SilenceMatcher> &matchers, const QString &createdBy,
                  QWidget *parent = nullptr);

    // The silence as filled in, ending counted from now; matchers without a name are left out.
    SilenceRequest request() const;

    QTableWidget *matchersTable() const { return m_matchers; }
    QComboBox *durationBox() const { return m_duration; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QLineEdit *commentEdit() const { return m_comment; }
    QPushButton *okButton() const;

private:
    void updateOk();

    QTableWidget *m_matchers;
    QComboBox *m_duration;
    QDateTimeEdit *m_end;
    QLineEdit *m_comment;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_createdBy;
};

// One Alertmanager's firing alerts and its silences in two sortable tables: an alert is
// silenced from here ("Silence…") and an active silence expired ("Expire"), each after the
// confirmation of a change and through the ActionGate (read-only mode refuses them, the audit
// log records them). Nothing waits: every request answers later, the dialog shows the outcome.
class AlertsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsDialog)

public:
    // gate null: the tables only (the buttons then say why they cannot act).
    AlertsDialog(const QUrl &alertmanagerUrl, ActionGate *gate, QWidget *parent = nullptr);
    ~AlertsDialog() override;

    // Reloads both tables.
    void refresh();
    // "Silence…" on the selected alert: the editor (null when nothing is selected or the gate
    // refuses at once, the reason then shown).
    SilenceEditor *silenceSelected();
    // "Expire" on the selected silence.
    void expireSelected();

    AlertmanagerClient *client() const { return m_client; }
    AlertsModel *alertsModel() const { return m_alerts; }
    SilencesModel *silencesModel() const { return m_silences; }
    QTableView *alertsView() const { return m_alertsView; }
    QTableView *silencesView() const { return m_silencesView; }
    // Selects the alert called name (false: not shown).
    bool selectAlert(const QString &name);
    // Selects the silence with this id (false: not shown).
    bool selectSilence(const QString &id);
    // The confirmation question open now, or null.
    QDialog *pendingQuestion() const { return m_question; }
    // The last outcome or problem shown under the tables.
    QString message() const;
    QPushButton *silenceButton() const { return m_silenceButton; }
    QPushButton *expireButton() const { return m_expireButton; }

Q_SIGNALS:
    // Both tables are loaded (or their errors shown).
    void refreshed();
    // A silence was created or expired, or the gate or server refused: error empty on success.
    void actionFinished(const QString &error);

private:
    void showMessage(const QString &text, bool problem);
    void updateButtons();
    void updateLabels();
    // The gate's reason to refuse kind now (read-only mode), or an empty string.
    QString refusalOf(const QString &kind) const;
    void confirmSilence(const SilenceRequest &request);
    int selectedAlertRow() const;
    int selectedSilenceRow() const;

    ActionGate *m_gate;
    QNetworkAccessManager *m_network;
    AlertmanagerClient *m_client;
    AlertsModel *m_alerts;
    SilencesModel *m_silences;
    QSortFilterProxyModel *m_alertsSorted;
    QSortFilterProxyModel *m_silencesSorted;
    QTableView *m_alertsView;
    QTableView *m_silencesView;
    QLabel *m_labels;
    QLabel *m_message;
    QPushButton *m_refreshButton;
    QPushButton *m_silenceButton;
    QPushButton *m_expireButton;
    QPointer<QDialog> m_question;
    QPointer<SilenceEditor> m_editor;
    int m_loading = 0;
    bool m_reloadAfter = false;
};

} // namespace OpsDeck
