// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/remote/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace OpsDeck {

using namespace Qt::StringLiterals;

HostKeyDialog::HostKeyDialog(const HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown Host Key"));
    // The name alone could be any machine: the address and port are what the key vouches for.
    QString where = tr("Address: <b>%1</b> port <b>%2</b>")
                        .arg(question.address.toHtmlEscaped())
                        .arg(question.port);
    if (!question.keyAlias.isEmpty()) {
        where += u"<br>"_s + tr("Host key alias (ssh_config HostKeyAlias): <b>%1</b>")
                                 .arg(question.keyAlias.toHtmlEscaped());
    }
    QString rememberText;
    if (!question.rememberFile.isEmpty()) {
        rememberText = u"<p>"_s +
                       tr("<i>Accept and Remember</i> adds it to %1.")
                           .arg(question.rememberFile.toHtmlEscaped()) +
                       u"</p>"_s;
    }
    auto *text = new QLabel(tr("<p>The authenticity of host <b>%1</b> cannot be established: "
                               "its key is in no known_hosts file.</p>"
                               "<p>%2</p>"
                               "<p>Key type: <b>%3</b><br>Fingerprint: <tt>%4</tt></p>"
                               "<p>Compare the fingerprint with the one the host's "
                               "administrator gives you (<tt>ssh-keygen -lf "
                               "/etc/ssh/ssh_host_*_key.pub</tt> on the host) before you "
                               "accept it.</p>")
                                    .arg(question.hostName.toHtmlEscaped(), where,
                                         question.keyType.toHtmlEscaped(),
                                         question.fingerprint.toHtmlEscaped()) +
                                rememberText,
                            this);
    text->setObjectName(QStringLiteral("hostKeyText"));
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
    // Never accepted by a stray Enter or Space: Cancel is the default and has the focus.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

HostKeyDialog::~HostKeyDialog() = default;

} // namespace OpsDeck
