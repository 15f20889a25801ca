// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "widgets/dashboard/hostcard.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QList>
#include <QPointer>

namespace OpsDeck {

class HealthBoardModel;

// What the grid shows of the board.
struct DashboardFilter {
    QString environment;       // empty: every environment
    QString text;              // matches title, summary, host, environment (case-insensitive)
    bool onlyProblems = false; // warning, critical and unknown only
};

// The checks of a HealthBoardModel as tiles grouped by environment and category, host checks
// as cards with sparklines. Painted by hand in one widget, not a widget per tile: a few hundred
// tiles repaint in one pass and lay out again in microseconds. Arrow keys move between tiles
// (up and down by visual row, across sections), Enter or a click opens one.
class DashboardGrid final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardGrid)

public:
    explicit DashboardGrid(HealthBoardModel *model, QWidget *parent = nullptr);
    ~DashboardGrid() override;

    void setFilter(const DashboardFilter &filter);
    const DashboardFilter &filter() const { return m_filter; }
    // Network rates per host check id, for the host cards (the page keeps them).
    void setNetworkSamples(const QHash<QString, QList<NetworkSample>> *samples);
    // Every host card is built again.
    void refresh();
    // The card of one host check is built again (a new sample of its network rates).
    void refreshCard(const QString &checkId);

    // The model rows shown, in order; of one environment's category.
    QList<int> visibleRows() const;
    QList<int> visibleRows(const QString &environment, CheckCategory category) const;
    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);
    // The tile's place in viewport coordinates (empty when row is not shown).
    QRect tileRect(int row) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void currentRowChanged(int row);
    void activated(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    enum class HeaderKind { Environment, Category };
    struct Header {
        HeaderKind kind;
        QString text;
        QRect rect; // content coordinates
    };
    struct Tile {
        int row;
        CheckCategory category;
        QRect rect; // content coordinates
    };

    bool accepts(int row) const;
    void relayout();
    void rebuildCards();
    void updateScrollBar();
    int tileAt(const QPoint &viewportPoint) const;
    int indexOfRow(int row) const;
    void moveCurrent(int tileIndex);
    int tileAbove(int index, int direction) const;
    void ensureVisible(int tileIndex);
    void paintTile(QPainter &painter, const Tile &tile) const;
    QString ageText(int row) const;

    QPointer<HealthBoardModel> m_model;
    DashboardFilter m_filter;
    const QHash<QString, QList<NetworkSample>> *m_network = nullptr;
    QList<Header> m_headers;
    QList<Tile> m_tiles;
    QHash<int, HostCard> m_cards; // by model row
    int m_contentHeight = 0;
    int m_currentRow = -1;
    QString m_currentCheckId; // the current row's check across a model reset
    int m_pressedTile = -1;
    bool m_layoutPending = false;
};

} // namespace OpsDeck
