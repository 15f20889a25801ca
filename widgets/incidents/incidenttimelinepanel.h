// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace OpsDeck {

class IncidentSession;
class TimelineFilterModel;

// An incident's timeline as it records itself: a filter bar (text, kind), the table of events
// (oldest first, following the newest line unless the user scrolled up), the selected event in
// full below it, and a line to add notes. Ctrl+C copies the selected rows as tab-separated text.
class IncidentTimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentTimelinePanel)

public:
    // The kinds the kind filter offers, in its order.
    enum class KindFilter { All, Steps, Notes, StatusAndSeverity, Escalations, Communication };

    explicit IncidentTimelinePanel(IncidentSession *session, QWidget *parent = nullptr);
    ~IncidentTimelinePanel() override;

    QTableView *view() const { return m_view; }
    QLineEdit *noteEdit() const { return m_noteEdit; }
    QPushButton *addNoteButton() const { return m_addNoteButton; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *kindFilter() const { return m_kindFilter; }
    // The selected event in full: its command and output, note or message.
    QPlainTextEdit *detailView() const { return m_detail; }

    void setKindFilter(KindFilter kind);
    // The selected rows, in the order shown, one line each, cells separated by tabs.
    QString selectionAsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void addNote();
    void updateNoteLine();
    void updateCount();
    void showDetails(const QModelIndex &current);
    void copySelection();

    QPointer<IncidentSession> m_session;
    TimelineFilterModel *m_filter;
    QLineEdit *m_filterEdit;
    QComboBox *m_kindFilter;
    QLabel *m_count;
    QSplitter *m_splitter;
    QTableView *m_view;
    QLabel *m_detailHeader;
    QPlainTextEdit *m_detail;
    QLineEdit *m_noteEdit;
    QPushButton *m_addNoteButton;
    // Whether new lines scroll into view: true until the user scrolls away from the bottom.
    bool m_followNewest = true;
};

} // namespace OpsDeck
