// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/remote/credentialdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace OpsDeck {

CredentialDialog::CredentialDialog(SshExecutor::Credential kind, const QString &what,
                                   const QString &keychainEntry, bool keychainIsMemoryOnly,
                                   QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit(this))
    , m_remember(new QCheckBox(this))
{
    setObjectName(QStringLiteral("credentialDialog"));
    const bool password = kind == SshExecutor::Credential::Password;
    setWindowTitle(password ? tr("Password") : tr("Key Passphrase"));
    auto *text =
        new QLabel(password ? tr("Password for <b>%1</b>:").arg(what.toHtmlEscaped())
                            : tr("Passphrase for the key <b>%1</b>:").arg(what.toHtmlEscaped()),
                   this);
    m_input->setEchoMode(QLineEdit::Password);
    m_input->setAccessibleName(password ? tr("Password") : tr("Passphrase"));
    m_remember->setText(keychainIsMemoryOnly
                            ? tr("Remember until OpsDeck quits (no system keychain)")
                            : tr("Remember in the system keychain as \"%1\"").arg(keychainEntry));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_input);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

CredentialDialog::~CredentialDialog()
{
    // Do not leave the secret in the widget's memory longer than needed.
    m_input->clear();
}

QString CredentialDialog::secret() const
{
    return m_input->text();
}

bool CredentialDialog::remember() const
{
    return m_remember->isChecked();
}

} // namespace OpsDeck
