// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupactions.h"
#include "models/workspace/workspace.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace OpsDeck {

// A database a backup may be restored into: a workspace database and the host that names it.
struct RestoreTargetChoice {
    QString host;
    Database database;
};

// What a restore will replace, before anything runs: the operator chooses the target
// database, the page reads it (size, the sessions that will be cut, for plain SQL the dump's
// scan and the host's psql) and shows it here. "Restore…" is enabled only for a preview that
// may restore; the page asks for the database's name typed after that.
class RestoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(const BackupFile &file, const QList<RestoreTargetChoice> &targets, int preferred,
                  QWidget *parent = nullptr);

    int currentTarget() const;
    RestoreTargetChoice target() const;
    // The preview being read (Restore disabled), then the one read for the current target.
    void showReading();
    void showPreview(const RestorePreview &preview);
    void showError(const QString &error);
    std::optional<RestorePreview> preview() const { return m_preview; }

    QComboBox *targetBox() const { return m_targets; }
    QLabel *factsLabel() const { return m_facts; }
    QTreeWidget *sessionsView() const { return m_sessions; }
    QPushButton *restoreButton() const { return m_restore; }

Q_SIGNALS:
    // The operator chose another target (and once after construction): preview it.
    void targetChosen(int index);

private:
    BackupFile m_file;
    QList<RestoreTargetChoice> m_choices;
    std::optional<RestorePreview> m_preview;
    QComboBox *m_targets;
    QLabel *m_facts;
    QTreeWidget *m_sessions;
    QPushButton *m_restore;
};

} // namespace OpsDeck
