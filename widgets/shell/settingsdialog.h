// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace OpsDeck {

// Language, appearance and start-up behaviour, stored in QSettings under "ui/…" and "startup/…".
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QCheckBox *m_reopenWorkspace;
    QCheckBox *m_startReadOnly;
};

} // namespace OpsDeck
