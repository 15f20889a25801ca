// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workspace/workspace.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace OpsDeck {

// Edits one host's connection settings, or describes a new host. The result is a list of
// changed keys with their values already in YAML form, for YamlTextEdit.
//
// Saving is asynchronous: Save (or accept()) keeps the dialog open, disables it and emits
// saveRequested(); the owner answers with finishSaving(), which closes the dialog on success
// and otherwise shows the error and lets the user try again.
class HostEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostEditDialog)

public:
    // host: the host to edit, or nullptr to add one. otherHosts: names a jump host may take.
    HostEditDialog(const Host *host, const QStringList &otherHosts, QWidget *parent = nullptr);
    ~HostEditDialog() override;

    // Keys whose value differs from the host given (all set keys for a new host).
    QList<QPair<QString, QString>> changes() const;
    void setError(const QString &message);
    // The answer to saveRequested(): empty when saved (the dialog closes), else why not.
    void finishSaving(const QString &error);
    bool isSaving() const { return m_saving; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void saveRequested();

private:
    void updateFields();
    void setSaving(bool saving);

    Host m_original;
    bool m_isNew;
    QLineEdit *m_name;
    QComboBox *m_connection;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_auth;
    QLineEdit *m_key;
    QComboBox *m_jump;
    QLineEdit *m_tags;
    QLabel *m_error;
    QWidget *m_form;
    QPushButton *m_save;
    QString m_saveText;
    bool m_saving = false;
};

} // namespace OpsDeck
