// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/confirmation.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

// The dialog that asks; isConfirmed() reads its answer once it is closed.
QDialog *riskDialog(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                    const QString &typedName)
{
    if (risk == Risk::Change || risk == Risk::Unknown) {
        const QString question =
            risk == Risk::Change
                ? QObject::tr("%1\n\nThis changes the system: %2\n\nGo ahead?")
                : QObject::tr("%1\n\nOpsDeck cannot tell whether this only reads: %2\n\nGo "
                              "ahead?");
        auto *box = new QMessageBox(QMessageBox::Question,
                                    risk == Risk::Change ? QObject::tr("Confirm Change")
                                                         : QObject::tr("Confirm Unknown Command"),
                                    question.arg(action, reason),
                                    QMessageBox::Yes | QMessageBox::Cancel, parent);
        box->setDefaultButton(QMessageBox::Cancel);
        return box;
    }
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("destroyConfirmation"));
    dialog->setWindowTitle(QObject::tr("Confirm Destructive Action"));
    auto *text = new QLabel(
        QObject::tr("<p><b>%1</b></p><p>This can destroy data or stop "
                    "service: %2</p><p>Type <b>%3</b> to confirm.</p>")
            .arg(action.toHtmlEscaped(), reason.toHtmlEscaped(), typedName.toHtmlEscaped()),
        dialog);
    text->setWordWrap(true);
    auto *input = new QLineEdit(dialog);
    input->setAccessibleName(QObject::tr("Confirmation"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *go = buttons->addButton(QObject::tr("Run"), QDialogButtonBox::AcceptRole);
    go->setEnabled(false);
    QObject::connect(input, &QLineEdit::textChanged, go,
                     [go, typedName](const QString &typed) { go->setEnabled(typed == typedName); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(input);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(440);
    return dialog;
}

bool isConfirmed(const QDialog *dialog, const QString &typedName)
{
    if (const auto *box = qobject_cast<const QMessageBox *>(dialog))
        return box->clickedButton() == box->button(QMessageBox::Yes);
    const auto *input = dialog->findChild<QLineEdit *>();
    return dialog->result() == QDialog::Accepted && input && input->text() == typedName;
}

} // namespace

QDialog *askToConfirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                          const QString &typedName, std::function<void(bool)> answered)
{
    if (risk == Risk::Read) {
        answered(true);
        return nullptr;
    }
    QDialog *dialog = riskDialog(parent, risk, action, reason, typedName);
    QObject::connect(dialog, &QDialog::finished, dialog,
                     [dialog, typedName, answered = std::move(answered)] {
                         const bool confirmed = isConfirmed(dialog, typedName);
                         dialog->deleteLater();
                         answered(confirmed);
                     });
    dialog->open();
    return dialog;
}

bool confirmRisk(QWidget *parent, Risk risk, const QString &action, const QString &reason,
                 const QString &typedName)
{
    if (risk == Risk::Read)
        return true;
    // Guarded: the nested event loop may delete the parent, and the dialog with it.
    const QPointer<QDialog> dialog = riskDialog(parent, risk, action, reason, typedName);
    dialog->exec();
    if (!dialog)
        return false;
    const bool confirmed = isConfirmed(dialog, typedName);
    delete dialog;
    return confirmed;
}

} // namespace OpsDeck
