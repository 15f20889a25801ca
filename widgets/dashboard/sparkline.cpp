// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace OpsDeck {

void paintSparkline(QPainter &painter, const QRectF &rect, const QList<double> &samples,
                    const QColor &colour, double scaleMax)
{
    if (samples.size() < 2 || rect.width() < 2 || rect.height() < 2)
        return;
    double top = scaleMax;
    if (top <= 0)
        top = *std::ranges::max_element(samples);
    if (top <= 0)
        top = 1; // all zero: a flat line at the bottom
    const double step = rect.width() / double(samples.size() - 1);
    QPainterPath line;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const double share = std::clamp(samples.at(i) / top, 0.0, 1.0);
        const QPointF point(rect.left() + double(i) * step, rect.bottom() - share * rect.height());
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    QPainterPath area = line;
    area.lineTo(rect.right(), rect.bottom());
    area.lineTo(rect.left(), rect.bottom());
    area.closeSubpath();

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = colour;
    fill.setAlphaF(0.18f);
    painter.fillPath(area, fill);
    painter.setPen(QPen(colour, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
    painter.restore();
}

} // namespace OpsDeck
