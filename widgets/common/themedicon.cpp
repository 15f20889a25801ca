// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/themedicon.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace OpsDeck {

namespace {

class ThemedSvgEngine final : public QIconEngine
{
public:
    explicit ThemedSvgEngine(QString name)
        : m_name(std::move(name))
    {
        QFile file(u":/icons/" + m_name + u".svg");
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        QColor colour = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
            mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
        QByteArray svg = m_svg;
        svg.replace("#000000", colour.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        if (!renderer.isValid())
            return;
        // Keep the aspect ratio and centre the picture in rect.
        QSizeF size = renderer.defaultSize();
        size.scale(rect.size(), Qt::KeepAspectRatio);
        const QRectF target(rect.x() + (rect.width() - size.width()) / 2,
                            rect.y() + (rect.height() - size.height()) / 2, size.width(),
                            size.height());
        renderer.render(painter, target);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.fill(Qt::transparent);
        pixmap.setDevicePixelRatio(scale);
        {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        }
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedSvgEngine(m_name); }
    QString key() const override { return QStringLiteral("OpsDeckThemedSvg"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon themedIcon(const QString &name)
{
    // The engine re-reads the palette at each paint; one QIcon per name is enough.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(new ThemedSvgEngine(name)));
    return *it;
}

} // namespace OpsDeck
