// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/dashboardgrid.h"

#include "models/core/units.h"
#include "models/health/healthboardmodel.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <utility>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

constexpr int Margin = 12;
constexpr int Spacing = 10;
constexpr int EnvironmentHeaderHeight = 30;
constexpr int CategoryHeaderHeight = 24;
constexpr QSize TileSize(250, 78);

constexpr std::array Categories{CheckCategory::Services,     CheckCategory::Hosts,
                                CheckCategory::Databases,    CheckCategory::Redis,
                                CheckCategory::Certificates, CheckCategory::Backups,
                                CheckCategory::Alerts};

QSize sizeFor(CheckCategory category)
{
    return category == CheckCategory::Hosts ? hostCardSize() : TileSize;
}

} // namespace

DashboardGrid::DashboardGrid(HealthBoardModel *model, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
{
    setObjectName(u"dashboardGrid"_s);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(false);
    setAccessibleName(tr("Checks"));

    // Many results can arrive in one event-loop pass: lay out once after them.
    const auto later = [this] {
        if (m_layoutPending)
            return;
        m_layoutPending = true;
        QTimer::singleShot(0, this, [this] {
            m_layoutPending = false;
            relayout();
        });
    };
    const auto everything = [this, later] {
        m_cards.clear();
        later();
    };
    // Rows come and go (a health document's dependencies appear with its first answer): the
    // current tile stays on its check, not on its row number.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_currentCheckId = m_currentRow >= 0 ? m_model->spec(m_currentRow).id : QString();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this, everything] {
        const int before = std::exchange(
            m_currentRow, m_currentCheckId.isEmpty() ? -1 : m_model->rowOf(m_currentCheckId));
        everything();
        if (m_currentRow != before)
            Q_EMIT currentRowChanged(m_currentRow);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, everything);
    connect(model, &QAbstractItemModel::rowsRemoved, this, everything);
    connect(model, &QAbstractItemModel::layoutChanged, this, everything);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this, later](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row)
                    m_cards.remove(row);
                later();
            });
    relayout();
}

DashboardGrid::~DashboardGrid() = default;

void DashboardGrid::setFilter(const DashboardFilter &filter)
{
    m_filter = filter;
    relayout();
}

void DashboardGrid::setNetworkSamples(const QHash<QString, QList<NetworkSample>> *samples)
{
    m_network = samples;
    refresh();
}

void DashboardGrid::refresh()
{
    m_cards.clear();
    rebuildCards();
    viewport()->update();
}

void DashboardGrid::refreshCard(const QString &checkId)
{
    const int row = m_model ? m_model->rowOf(checkId) : -1;
    if (row < 0)
        return;
    m_cards.remove(row);
    rebuildCards();
    const QRect rect = tileRect(row);
    if (!rect.isEmpty())
        viewport()->update(rect);
}

bool DashboardGrid::accepts(int row) const
{
    const CheckSpec &spec = m_model->spec(row);
    if (!m_filter.environment.isEmpty() && spec.environment != m_filter.environment)
        return false;
    const CheckResult *latest = m_model->latest(row);
    if (m_filter.onlyProblems && latest && latest->verdict == Verdict::Ok)
        return false;
    if (m_filter.text.isEmpty())
        return true;
    const auto has = [this](const QString &text) {
        return text.contains(m_filter.text, Qt::CaseInsensitive);
    };
    return has(spec.title) || has(spec.host) || has(spec.environment) || has(spec.subject) ||
           (latest && (has(latest->summary) || has(latest->error)));
}

void DashboardGrid::relayout()
{
    m_headers.clear();
    m_tiles.clear();
    if (!m_model) {
        updateScrollBar();
        return;
    }
    const int width = std::max(viewport()->width(), TileSize.width() + 2 * Margin);
    const int available = width - 2 * Margin;
    int y = Margin;
    const QStringList environments = m_model->environments();
    for (const QString &environment : environments) {
        if (!m_filter.environment.isEmpty() && environment != m_filter.environment)
            continue;
        std::array<QList<int>, Categories.size()> rows;
        bool any = false;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->spec(row).environment != environment || !accepts(row))
                continue;
            const auto place = std::ranges::find(Categories, m_model->spec(row).category);
            rows[std::size_t(place - Categories.begin())].append(row);
            any = true;
        }
        if (!any)
            continue;
        m_headers.append({HeaderKind::Environment, environment,
                          QRect(Margin, y, available, EnvironmentHeaderHeight)});
        y += EnvironmentHeaderHeight + 4;
        // Sections of a few tiles share a band side by side (a database, a Redis instance and
        // a certificate in one row); a section that fills a row or more gets rows of its own.
        int bandX = -1; // where the next small section starts in the open band; -1: none open
        int bandTop = 0;
        int bandBottom = 0;
        const auto closeBand = [&] {
            if (bandX >= 0)
                y = bandBottom;
            bandX = -1;
        };
        for (std::size_t c = 0; c < Categories.size(); ++c) {
            const QList<int> &sectionRows = rows[c];
            if (sectionRows.isEmpty())
                continue;
            const CheckCategory category = Categories[c];
            const QString title =
                tr("%1 · %2").arg(checkCategoryName(category)).arg(sectionRows.size());
            const QSize size = sizeFor(category);
            const int columns = std::max(1, (available + Spacing) / (size.width() + Spacing));
            // Stretch the tiles to fill the row, so the right edge lines up with the headers.
            const int tileWidth =
                std::max(size.width(), (available - (columns - 1) * Spacing) / columns);
            const int count = int(sectionRows.size());
            if (category != CheckCategory::Hosts && count < columns) {
                const int room =
                    bandX < 0 ? 0 : (Margin + available - bandX + Spacing) / (tileWidth + Spacing);
                if (count > room) {
                    closeBand();
                    bandX = Margin;
                    bandTop = y;
                    bandBottom = y;
                }
                const int sectionWidth = count * (tileWidth + Spacing) - Spacing;
                m_headers.append({HeaderKind::Category, title,
                                  QRect(bandX, bandTop, sectionWidth, CategoryHeaderHeight)});
                const int top = bandTop + CategoryHeaderHeight + 2;
                for (int i = 0; i < count; ++i) {
                    m_tiles.append(
                        {sectionRows.at(i), category,
                         QRect(bandX + i * (tileWidth + Spacing), top, tileWidth, size.height())});
                }
                bandX += sectionWidth + Spacing;
                bandBottom = std::max(bandBottom, top + size.height() + Spacing + 6);
                continue;
            }
            closeBand();
            m_headers.append(
                {HeaderKind::Category, title, QRect(Margin, y, available, CategoryHeaderHeight)});
            y += CategoryHeaderHeight + 2;
            for (int i = 0; i < count; ++i) {
                const int column = i % columns;
                const int line = i / columns;
                m_tiles.append(
                    {sectionRows.at(i), category,
                     QRect(Margin + column * (tileWidth + Spacing),
                           y + line * (size.height() + Spacing), tileWidth, size.height())});
            }
            const int lines = (count + columns - 1) / columns;
            y += lines * (size.height() + Spacing) + 6;
        }
        closeBand();
        y += 8;
    }
    m_contentHeight = y + Margin;
    if (m_currentRow >= 0 && indexOfRow(m_currentRow) < 0) {
        m_currentRow = -1;
        Q_EMIT currentRowChanged(-1);
    }
    rebuildCards();
    updateScrollBar();
    viewport()->update();
}

void DashboardGrid::rebuildCards()
{
    if (!m_model)
        return;
    for (const Tile &tile : std::as_const(m_tiles)) {
        if (tile.category != CheckCategory::Hosts || m_cards.contains(tile.row))
            continue;
        const CheckSpec &spec = m_model->spec(tile.row);
        const QList<NetworkSample> network =
            m_network ? m_network->value(spec.id) : QList<NetworkSample>();
        m_cards.insert(tile.row, makeHostCard(spec, m_model->history(tile.row), network));
    }
}

void DashboardGrid::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(40);
    bar->setRange(0, std::max(0, m_contentHeight - viewport()->height()));
}

QList<int> DashboardGrid::visibleRows() const
{
    QList<int> rows;
    for (const Tile &tile : m_tiles)
        rows.append(tile.row);
    return rows;
}

QList<int> DashboardGrid::visibleRows(const QString &environment, CheckCategory category) const
{
    QList<int> rows;
    for (const Tile &tile : m_tiles) {
        if (tile.category == category && m_model->spec(tile.row).environment == environment)
            rows.append(tile.row);
    }
    return rows;
}

int DashboardGrid::indexOfRow(int row) const
{
    for (int i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i).row == row)
            return i;
    }
    return -1;
}

QRect DashboardGrid::tileRect(int row) const
{
    const int index = indexOfRow(row);
    return index < 0 ? QRect()
                     : m_tiles.at(index).rect.translated(0, -verticalScrollBar()->value());
}

void DashboardGrid::setCurrentRow(int row)
{
    moveCurrent(indexOfRow(row));
}

void DashboardGrid::moveCurrent(int tileIndex)
{
    if (tileIndex < 0 || tileIndex >= m_tiles.size())
        return;
    const int row = m_tiles.at(tileIndex).row;
    ensureVisible(tileIndex);
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    viewport()->update();
    Q_EMIT currentRowChanged(row);
}

void DashboardGrid::ensureVisible(int tileIndex)
{
    const QRect rect = m_tiles.at(tileIndex).rect;
    QScrollBar *bar = verticalScrollBar();
    if (rect.top() - Margin < bar->value())
        bar->setValue(rect.top() - Margin - CategoryHeaderHeight);
    else if (rect.bottom() + Margin > bar->value() + viewport()->height())
        bar->setValue(rect.bottom() + Margin - viewport()->height());
}

// The tile in the next visual row above (direction -1) or below (+1) whose centre is nearest
// horizontally: so Up and Down cross from one section into the next.
int DashboardGrid::tileAbove(int index, int direction) const
{
    const QRect from = m_tiles.at(index).rect;
    int bestLine = -1;
    int best = -1;
    int bestDistance = 0;
    for (int i = 0; i < m_tiles.size(); ++i) {
        const QRect rect = m_tiles.at(i).rect;
        const bool beyond = direction < 0 ? rect.bottom() < from.top() : rect.top() > from.bottom();
        if (!beyond)
            continue;
        const int line = rect.top();
        const bool closerLine = bestLine < 0 || (direction < 0 ? line > bestLine : line < bestLine);
        const int distance = std::abs(rect.center().x() - from.center().x());
        if (closerLine || (line == bestLine && distance < bestDistance)) {
            bestLine = line;
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void DashboardGrid::keyPressEvent(QKeyEvent *event)
{
    const int current = indexOfRow(m_currentRow);
    if (m_tiles.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Tab:
        if (event->key() == Qt::Key_Tab && current == m_tiles.size() - 1)
            break; // Tab leaves the grid after the last tile
        moveCurrent(current < 0 ? 0 : std::min(current + 1, int(m_tiles.size()) - 1));
        return;
    case Qt::Key_Left:
        moveCurrent(current < 0 ? 0 : std::max(current - 1, 0));
        return;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (current < 0) {
            moveCurrent(0);
            return;
        }
        const int next = tileAbove(current, event->key() == Qt::Key_Up ? -1 : 1);
        if (next >= 0)
            moveCurrent(next);
        return;
    }
    case Qt::Key_Home:
        moveCurrent(0);
        return;
    case Qt::Key_End:
        moveCurrent(int(m_tiles.size()) - 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_currentRow >= 0) {
            Q_EMIT activated(m_currentRow);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

int DashboardGrid::tileAt(const QPoint &viewportPoint) const
{
    const QPoint point = viewportPoint + QPoint(0, verticalScrollBar()->value());
    for (int i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i).rect.contains(point))
            return i;
    }
    return -1;
}

void DashboardGrid::mousePressEvent(QMouseEvent *event)
{
    m_pressedTile = event->button() == Qt::LeftButton ? tileAt(event->position().toPoint()) : -1;
    if (m_pressedTile >= 0)
        moveCurrent(m_pressedTile);
    QAbstractScrollArea::mousePressEvent(event);
}

void DashboardGrid::mouseReleaseEvent(QMouseEvent *event)
{
    const int tile = tileAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && tile >= 0 && tile == m_pressedTile)
        Q_EMIT activated(m_tiles.at(tile).row);
    m_pressedTile = -1;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

bool DashboardGrid::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int tile = tileAt(help->pos());
        if (tile < 0) {
            QToolTip::hideText();
            return true;
        }
        const int row = m_tiles.at(tile).row;
        const CheckSpec &spec = m_model->spec(row);
        QString text = spec.title;
        if (const CheckResult *latest = m_model->latest(row)) {
            text += u"\n"_s + verdictName(latest->verdict) + u": "_s + latest->summary;
            if (!latest->error.isEmpty() && latest->error != latest->summary)
                text += u"\n"_s + latest->error;
        }
        QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void DashboardGrid::scrollContentsBy(int, int)
{
    viewport()->update();
}

void DashboardGrid::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void DashboardGrid::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        viewport()->update();
}

QSize DashboardGrid::sizeHint() const
{
    return {3 * (TileSize.width() + Spacing) + 2 * Margin, 480};
}

QString DashboardGrid::ageText(int row) const
{
    const CheckResult *latest = m_model->latest(row);
    if (!latest || !latest->time.isValid())
        return tr("not run yet");
    const qint64 ms = std::max<qint64>(0, latest->time.msecsTo(QDateTime::currentDateTimeUtc()));
    if (ms < 1000)
        return tr("just now");
    // Whole seconds: an age that counts tenths looks like a stopwatch.
    if (ms < 60000)
        return tr("%1 s ago").arg(ms / 1000);
    return tr("%1 ago").arg(formatDuration(ms / 1000 * 1000));
}

void DashboardGrid::paintTile(QPainter &painter, const Tile &tile) const
{
    const QPalette &pal = palette();
    const CheckResult *latest = m_model->latest(tile.row);
    const Verdict verdict = latest ? latest->verdict : Verdict::Unknown;
    const QColor colour = StatusColours::forVerdict(verdict, pal);
    const bool current = tile.row == m_currentRow;
    const QRectF frame = QRectF(tile.rect).adjusted(0.5, 0.5, -0.5, -0.5);

    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(frame, 6, 6);
    painter.fillPath(shape, pal.color(QPalette::Base));
    // The verdict's colour as a band on the left edge; the icon and text say it too.
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(frame.left(), frame.top(), 5, frame.height()), colour);
    painter.restore();
    const bool focused = current && hasFocus();
    painter.setPen(current ? QPen(pal.color(QPalette::Highlight), focused ? 2.5 : 1.5)
                           : QPen(pal.color(QPalette::Mid), 1));
    painter.drawPath(shape);
    painter.setRenderHint(QPainter::Antialiasing, false);

    if (tile.category == CheckCategory::Hosts) {
        paintHostCard(painter, tile.rect, m_cards.value(tile.row), pal, ageText(tile.row));
        return;
    }

    const CheckSpec &spec = m_model->spec(tile.row);
    const QRect inner = tile.rect.adjusted(14, 8, -10, -8);
    const QFontMetrics metrics(painter.font());
    const int line = metrics.height() + 3;

    // Line 1: icon, verdict in words, age on the right.
    themedIcon(StatusColours::verdictIconName(verdict))
        .paint(&painter, QRect(inner.left(), inner.top() + (line - 16) / 2, 16, 16));
    const QString age = ageText(tile.row);
    const int ageWidth = metrics.horizontalAdvance(age) + 2;
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRect(inner.right() - ageWidth, inner.top(), ageWidth, line),
                     Qt::AlignRight | Qt::AlignVCenter, age);
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(verdict == Verdict::Ok ? pal.color(QPalette::Text) : colour);
    painter.drawText(QRect(inner.left() + 22, inner.top(), inner.width() - 22 - ageWidth, line),
                     Qt::AlignLeft | Qt::AlignVCenter, verdictName(verdict));

    // Line 2: the check's title (and host, when the title does not say it).
    painter.setPen(pal.color(QPalette::Text));
    QString title = spec.title;
    if (!spec.host.isEmpty() && !title.contains(spec.host))
        title = tr("%1 on %2").arg(title, spec.host);
    painter.drawText(QRect(inner.left(), inner.top() + line, inner.width(), line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(bold).elidedText(title, Qt::ElideRight, inner.width()));
    painter.setFont(font());

    // Line 3: what the last run said.
    QString summary = latest ? latest->summary : tr("waiting for the first result");
    if (latest && summary.isEmpty())
        summary = latest->error;
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRect(inner.left(), inner.top() + 2 * line, inner.width(), line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(summary, Qt::ElideRight, inner.width()));
}

void DashboardGrid::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    const int offset = verticalScrollBar()->value();
    painter.translate(0, -offset);
    const QRect exposed = event->rect().translated(0, offset);

    if (m_tiles.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString text =
            m_model && m_model->rowCount() > 0
                ? tr("No check matches the filter.")
                : tr("No checks yet. Describe services, hosts, databases, Redis instances and an "
                     "Alertmanager in the workspace, and their health shows here.");
        painter.drawText(QRect(Margin * 3, Margin * 3, viewport()->width() - Margin * 6, 200),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
        return;
    }

    for (const Header &header : std::as_const(m_headers)) {
        if (!header.rect.intersects(exposed))
            continue;
        QFont headerFont = font();
        headerFont.setBold(true);
        if (header.kind == HeaderKind::Environment) {
            headerFont.setPointSizeF(headerFont.pointSizeF() * 1.25);
            painter.setFont(headerFont);
            painter.setPen(pal.color(QPalette::WindowText));
            painter.drawText(header.rect, Qt::AlignLeft | Qt::AlignVCenter, header.text);
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawLine(header.rect.bottomLeft(), header.rect.bottomRight());
        } else {
            painter.setFont(headerFont);
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(header.rect, Qt::AlignLeft | Qt::AlignBottom, header.text);
        }
    }
    painter.setFont(font());
    for (const Tile &tile : std::as_const(m_tiles)) {
        if (tile.rect.intersects(exposed))
            paintTile(painter, tile);
    }
}

} // namespace OpsDeck
