// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/passwordprompt.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)
};
} // namespace

QDialog *askForPassword(QWidget *parent, const QString &title, const QString &explanation,
                        PasswordAnswer answered)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(u"passwordDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(title);
    auto *text = new QLabel(explanation, dialog);
    text->setWordWrap(true);
    auto *password = new QLineEdit(dialog);
    password->setObjectName(u"password"_s);
    password->setEchoMode(QLineEdit::Password);
    password->setAccessibleName(Text::tr("Password"));
    auto *remember = new QCheckBox(Text::tr("Remember in keychain"), dialog);
    remember->setObjectName(u"remember"_s);
    remember->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    form->addRow(Text::tr("Password:"), password);
    layout->addLayout(form);
    layout->addWidget(remember);
    layout->addWidget(buttons);
    QObject::connect(dialog, &QDialog::finished, dialog,
                     [password, remember, answered = std::move(answered)](int result) {
                         if (result == QDialog::Accepted)
                             answered(password->text(), remember->isChecked());
                         else
                             answered(std::nullopt, false);
                         // The typed text is not left in the widget's memory longer than needed.
                         password->clear();
                     });
    dialog->open();
    password->setFocus();
    return dialog;
}

} // namespace OpsDeck
