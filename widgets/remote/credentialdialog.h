// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/sshexecutor.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace OpsDeck {

// Asks for a host's password or a key's passphrase, with the choice to keep it in the system
// keychain. The text typed never leaves this dialog except to the connection and the keychain.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    CredentialDialog(SshExecutor::Credential kind, const QString &what,
                     const QString &keychainEntry, bool keychainIsMemoryOnly,
                     QWidget *parent = nullptr);
    ~CredentialDialog() override;

    QString secret() const;
    bool remember() const;
    QLineEdit *input() const { return m_input; }

private:
    QLineEdit *m_input;
    QCheckBox *m_remember;
};

} // namespace OpsDeck
