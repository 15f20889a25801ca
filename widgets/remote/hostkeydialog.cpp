// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/remote/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace OpsDeck {

HostKeyDialog::HostKeyDialog(const QString &host, const QString &keyType,
                             const QString &fingerprint, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown Host Key"));
    auto *text = new QLabel(
        tr("<p>The authenticity of host <b>%1</b> cannot be established: "
           "its key is in no known_hosts file.</p>"
           "<p>Key type: <b>%2</b><br>Fingerprint: <tt>%3</tt></p>"
           "<p>Compare the fingerprint with the one the host's "
           "administrator gives you (<tt>ssh-keygen -lf "
           "/etc/ssh/ssh_host_*_key.pub</tt> on the host) before you "
           "accept it.</p>")
            .arg(host.toHtmlEscaped(), keyType.toHtmlEscaped(), fingerprint.toHtmlEscaped()),
        this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *remember =
        buttons->addButton(tr("Accept and &Remember"), QDialogButtonBox::AcceptRole);
    QPushButton *once = buttons->addButton(tr("Accept &Once"), QDialogButtonBox::AcceptRole);
    connect(remember, &QPushButton::clicked, this, [this] {
        m_answer = SshExecutor::HostKeyAnswer::AcceptAndRemember;
        accept();
    });
    connect(once, &QPushButton::clicked, this, [this] {
        m_answer = SshExecutor::HostKeyAnswer::AcceptOnce;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // never accept by a stray Enter
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

HostKeyDialog::~HostKeyDialog() = default;

} // namespace OpsDeck
