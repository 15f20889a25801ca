// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/shell/commandpalette.h"

#include "widgets/common/themedicon.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {

QString iconFor(CommandPaletteModel::Kind kind)
{
    switch (kind) {
    case CommandPaletteModel::Kind::Page:
        return QStringLiteral("overview");
    case CommandPaletteModel::Kind::Host:
        return QStringLiteral("host");
    case CommandPaletteModel::Kind::Action:
        return QStringLiteral("command");
    }
    return {};
}

// Title on the left, detail (shortcut, address) dimmed on the right.
class PaletteDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // The model has no DecorationRole (models/ knows no icons): declare it here, with its
        // size, or the style paints the icon over the whole row.
        option->icon = themedIcon(
            iconFor(index.data(CommandPaletteModel::KindRole).value<CommandPaletteModel::Kind>()));
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(18, 18);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString detail = index.data(CommandPaletteModel::DetailRole).toString();
        if (detail.isEmpty())
            return;
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        QColor colour = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        colour.setAlphaF(0.6);
        painter->setPen(colour);
        const QRect area = option.rect.adjusted(0, 0, -8, 0);
        painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(detail, Qt::ElideLeft, area.width() / 2));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
        return size;
    }
};

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QFrame(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_model(new CommandPaletteModel(this))
    , m_input(new QLineEdit(this))
    , m_list(new QListView(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Command palette"));
    m_input->setPlaceholderText(tr("Go to a page, a host or an action…"));
    m_input->setAccessibleName(tr("Command"));
    m_input->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(18, 18));

    connect(m_input, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setPattern(text);
        if (m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
        placeOverParent();
    });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { choose(index.row()); });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { choose(index.row()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::open(QList<CommandPaletteModel::Entry> entries)
{
    m_model->setEntries(std::move(entries));
    m_input->clear();
    m_model->setPattern({});
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    placeOverParent();
    show();
    raise();
    activateWindow();
    m_input->setFocus();
}

void CommandPalette::placeOverParent()
{
    QWidget *owner = parentWidget();
    const QRect area = owner->rect();
    const int width = std::clamp(area.width() / 2, 420, 720);
    // As tall as the matches, up to twelve rows: no empty box under a single hit.
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 12);
    const int rows = std::clamp(m_model->rowCount(), 1, 12);
    const int height = m_input->sizeHint().height() + rows * rowHeight + 2 * m_list->frameWidth() +
                       layout()->spacing() + layout()->contentsMargins().top() +
                       layout()->contentsMargins().bottom() + 2 * frameWidth();
    const QPoint topLeft =
        owner->mapToGlobal(QPoint((area.width() - width) / 2, area.height() / 8));
    setGeometry(QRect(topLeft, QSize(width, height)));
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_model->rowCount();
        const int current = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
            if (rows > 0)
                m_list->setCurrentIndex(m_model->index((current + 1) % rows));
            return true;
        case Qt::Key_Up:
            if (rows > 0)
                m_list->setCurrentIndex(m_model->index((current - 1 + rows) % rows));
            return true;
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            QApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (current >= 0)
                choose(current);
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CommandPalette::choose(int row)
{
    if (row < 0 || row >= m_model->rowCount() || !m_model->entryAt(row).enabled)
        return;
    const CommandPaletteModel::Entry entry = m_model->entryAt(row);
    hide();
    Q_EMIT chosen(entry);
}

} // namespace OpsDeck
