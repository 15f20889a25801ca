// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/remote/secretaddressdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace OpsDeck {

SecretAddressDialog::SecretAddressDialog(const QString &entry, const QString &boundAddress,
                                         const QString &address, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretAddressDialog"));
    setWindowTitle(tr("Send a Secret to Another Address?"));
    auto *text = new QLabel(
        tr("<p>The workspace sends the secret <b>keychain:%1</b> to <b>%2</b>, but it was "
           "stored for <b>%3</b>.</p>"
           "<p>If someone changed the workspace file, this would hand your password to a "
           "machine that may not be yours. Send it only if you know why the address "
           "changed.</p>"
           "<p>OpsDeck remembers a yes for this secret and this address.</p>")
            .arg(entry.toHtmlEscaped(), address.toHtmlEscaped(), boundAddress.toHtmlEscaped()),
        this);
    text->setObjectName(QStringLiteral("secretAddressText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("&Send to %1").arg(address), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_send->setAutoDefault(false);
    // Never sent by a stray Enter or Space: Cancel is the default and has the focus.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

SecretAddressDialog::~SecretAddressDialog() = default;

} // namespace OpsDeck
