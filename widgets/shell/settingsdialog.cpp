// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shell/settingsdialog.h"

#include "models/core/translations.h"
#include "widgets/common/appearance.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QVBoxLayout>

namespace OpsDeck {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_reopenWorkspace(new QCheckBox(tr("&Reopen the last workspace at start"), this))
    , m_startReadOnly(new QCheckBox(tr("Start in &read-only mode"), this))
{
    setWindowTitle(tr("Settings"));
    const QSettings settings;

    m_language->addItem(tr("System language"), QString());
    const QStringList languages = Translations::availableLanguages();
    for (const QString &language : languages) {
        const QLocale locale(language);
        const QString native = locale.nativeLanguageName();
        m_language->addItem(native.isEmpty() ? language : native.left(1).toUpper() + native.mid(1),
                            language);
    }
    m_language->setCurrentIndex(std::max(
        0, m_language->findData(settings.value(QStringLiteral("ui/language")).toString())));

    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Appearance::currentSetting())));

    m_reopenWorkspace->setChecked(
        settings.value(QStringLiteral("startup/reopenWorkspace"), true).toBool());
    m_startReadOnly->setChecked(settings.value(QStringLiteral("startup/readOnly"), false).toBool());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Appearance:"), m_theme);
    form->addRow(QString(), m_reopenWorkspace);
    form->addRow(QString(), m_startReadOnly);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    QSettings settings;
    const QString language = m_language->currentData().toString();
    const bool languageChanged =
        language != settings.value(QStringLiteral("ui/language")).toString();
    settings.setValue(QStringLiteral("ui/language"), language);
    const QString theme = m_theme->currentData().toString();
    settings.setValue(QStringLiteral("ui/theme"), theme);
    Appearance::apply(theme);
    settings.setValue(QStringLiteral("startup/reopenWorkspace"), m_reopenWorkspace->isChecked());
    settings.setValue(QStringLiteral("startup/readOnly"), m_startReadOnly->isChecked());
    if (languageChanged)
        QMessageBox::information(this, tr("Language"),
                                 tr("The new language is used the next time OpsDeck starts."));
    QDialog::accept();
}

} // namespace OpsDeck
