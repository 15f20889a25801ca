// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logquery.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace OpsDeck {

class LogPatternEdit;
class LogView;

// The filter under a log: patterns combined with And / Or / Not, a least level and a time
// range on the left; the lines the filter keeps on the right, in a LogView (a click there
// shows the line in context above).
class LogFilterPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterPane)

public:
    explicit LogFilterPane(QWidget *parent = nullptr);
    ~LogFilterPane() override;

    // The query as edited; its format is left for the caller to set. Empty patterns are left
    // out.
    LogQuery query() const;
    void setQuery(const LogQuery &query);
    LogView *view() const { return m_view; }
    void setStatus(const QString &text);
    QString statusText() const;
    // A bad pattern: its row is marked and the message shown.
    void setProblem(const LogQueryProblem &problem);
    void clearProblem();
    QString problemText() const;
    void setExportEnabled(bool enabled);
    QList<LogPatternEdit *> patternEdits() const;
    LogPatternEdit *addPattern(const LogPattern &pattern = {});

Q_SIGNALS:
    // The criteria changed and the typing paused.
    void queryChanged();
    void exportRequested();

private:
    struct Row {
        QWidget *widget;
        QComboBox *combine;
        LogPatternEdit *edit;
    };
    void removeRow(QWidget *rowWidget);
    // Indices into m_rows of the patterns query() returns (empty ones are skipped).
    QList<int> usedRows() const;

    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout;
    QComboBox *m_level;
    QCheckBox *m_sinceEnabled;
    QDateTimeEdit *m_since;
    QCheckBox *m_untilEnabled;
    QDateTimeEdit *m_until;
    QLabel *m_problem;
    QLabel *m_status;
    QPushButton *m_export;
    LogView *m_view;
    QTimer m_pause;
};

} // namespace OpsDeck
