// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QRectF>

class QPainter;

namespace OpsDeck {

// Paints samples (oldest first) as a small line with a faint area under it inside rect: the
// one sparkline painter of the dashboard. scaleMax > 0 fixes the top of the scale (100 for
// percentages); 0 scales to the largest sample. Fewer than two samples paint nothing.
void paintSparkline(QPainter &painter, const QRectF &rect, const QList<double> &samples,
                    const QColor &colour, double scaleMax = 0);

} // namespace OpsDeck
