// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPushButton;

namespace OpsDeck {

// A keychain secret is about to go to another address than the one it was stored for (see
// CredentialStore::addressQuestion()): says which secret, where it belongs and where it would
// go, and sends it only on an explicit yes. Cancel is the default.
class SecretAddressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretAddressDialog)

public:
    SecretAddressDialog(const QString &entry, const QString &boundAddress, const QString &address,
                        QWidget *parent = nullptr);
    ~SecretAddressDialog() override;

    QPushButton *sendButton() const { return m_send; }

private:
    QPushButton *m_send;
};

} // namespace OpsDeck
