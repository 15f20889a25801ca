// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/confirmation.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace OpsDeck {

bool confirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                 const QString &typedName)
{
    if (risk == Risk::Read)
        return true;
    if (risk == Risk::Change) {
        return QMessageBox::question(parent, QObject::tr("Confirm Change"),
                                     QObject::tr("%1\n\nThis changes the system: %2\n\nGo ahead?")
                                         .arg(action, reason),
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    }
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("destroyConfirmation"));
    dialog.setWindowTitle(QObject::tr("Confirm Destructive Action"));
    auto *text = new QLabel(
        QObject::tr("<p><b>%1</b></p><p>This can destroy data or stop "
                    "service: %2</p><p>Type <b>%3</b> to confirm.</p>")
            .arg(action.toHtmlEscaped(), reason.toHtmlEscaped(), typedName.toHtmlEscaped()),
        &dialog);
    text->setWordWrap(true);
    auto *input = new QLineEdit(&dialog);
    input->setAccessibleName(QObject::tr("Confirmation"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *go = buttons->addButton(QObject::tr("Run"), QDialogButtonBox::AcceptRole);
    go->setEnabled(false);
    QObject::connect(input, &QLineEdit::textChanged, go,
                     [go, typedName](const QString &typed) { go->setEnabled(typed == typedName); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(input);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(440);
    return dialog.exec() == QDialog::Accepted && input->text() == typedName;
}

} // namespace OpsDeck
