// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/logs/logview.h"

#include <QDialog>
#include <QVariant>

class QVBoxLayout;

namespace OpsDeck {

// The user's highlight rules: a pattern, a colour, whole line or matching text only, on or off.
// Kept in the settings (highlightRulesToSettings) and used by every open log.
class LogHighlightRulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHighlightRulesDialog)

public:
    explicit LogHighlightRulesDialog(const QList<LogHighlightRule> &rules,
                                     QWidget *parent = nullptr);
    ~LogHighlightRulesDialog() override;

    // Rules with an empty pattern are left out.
    QList<LogHighlightRule> rules() const;
    void addRule(const LogHighlightRule &rule);
    int rowCount() const { return int(m_rows.size()); }

private:
    struct Row;
    void removeRow(QWidget *rowWidget);

    QList<Row *> m_rows;
    QVBoxLayout *m_rowsLayout;
};

QVariant highlightRulesToSettings(const QList<LogHighlightRule> &rules);
QList<LogHighlightRule> highlightRulesFromSettings(const QVariant &value);

} // namespace OpsDeck
