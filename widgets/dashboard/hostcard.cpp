// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/hostcard.h"

#include "models/core/units.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"
#include "widgets/dashboard/sparkline.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HostCard)
};

// The value names judgeHostMetrics() gives, in the language it gave them.
QString hostValueName(const char *source)
{
    return QCoreApplication::translate("HostMetrics", source);
}

QString diskPrefix()
{
    const QString pattern = hostValueName("disk %1");
    return pattern.left(pattern.indexOf(u"%1"));
}

QString rateText(double bytesPerSecond)
{
    return Text::tr("%1/s").arg(formatBytes(qint64(bytesPerSecond)));
}

QString percentText(double value)
{
    return Text::tr("%1 %").arg(QLocale().toString(value, 'f', 0));
}

// The newest samples, oldest first, at most HostCardSamples.
template<typename T>
QList<T> lastSamples(const QList<T> &all)
{
    return all.mid(std::max<qsizetype>(0, all.size() - HostCardSamples));
}

} // namespace

std::optional<NetworkSample> networkSampleOf(const HostMetrics &metrics)
{
    if (!metrics.receivedBytesPerSecond || !metrics.sentBytesPerSecond)
        return std::nullopt;
    return NetworkSample{*metrics.receivedBytesPerSecond, *metrics.sentBytesPerSecond};
}

HostCard makeHostCard(const CheckSpec &spec, const QList<CheckResult> &history,
                      const QList<NetworkSample> &network)
{
    HostCard card;
    card.title = spec.title.isEmpty() ? spec.host : spec.title;
    const QList<CheckResult> recent = lastSamples(history);
    if (recent.isEmpty()) {
        card.summary = Text::tr("waiting for the first sample");
    } else {
        const CheckResult &latest = recent.constLast();
        card.hasResult = true;
        card.verdict = latest.verdict;
        card.summary = latest.error;
    }

    const QString cpuName = hostValueName("CPU");
    const QString memoryName = hostValueName("memory");
    const QString loadName = hostValueName("load per CPU");
    const QString failedName = hostValueName("failed units");
    const QString disk = diskPrefix();

    HostCardMetric cpu{Text::tr("CPU"), {}, Verdict::Unknown, {}, 100};
    HostCardMetric memory{Text::tr("Memory"), {}, Verdict::Unknown, {}, 100};
    HostCardMetric load{Text::tr("Load"), {}, Verdict::Unknown, {}, 0};
    HostCardMetric fullest{Text::tr("Disk"), {}, Verdict::Unknown, {}, 100};
    for (const CheckResult &result : recent) {
        const CheckValue *fullestDisk = nullptr;
        for (const CheckValue &value : result.values) {
            HostCardMetric *metric = nullptr;
            if (value.name == cpuName)
                metric = &cpu;
            else if (value.name == memoryName)
                metric = &memory;
            else if (value.name == loadName)
                metric = &load;
            else if (value.name == failedName && &result == &recent.constLast()) {
                if (value.value > 0) {
                    card.failedUnits = Text::tr("%n failed unit(s): %1", nullptr, int(value.value))
                                           .arg(value.text);
                    card.failedUnitsVerdict = value.verdict;
                }
            } else if (!disk.isEmpty() && value.name.startsWith(disk) && value.unit == u"%" &&
                       (!fullestDisk || value.value > fullestDisk->value)) {
                fullestDisk = &value;
            }
            if (metric) {
                metric->samples.append(value.value);
                metric->verdict = value.verdict;
                metric->text = metric == &load ? value.text : percentText(value.value);
            }
        }
        if (fullestDisk) {
            fullest.samples.append(fullestDisk->value);
            fullest.verdict = fullestDisk->verdict;
            fullest.text =
                Text::tr("%1 of %2")
                    .arg(percentText(fullestDisk->value), fullestDisk->name.mid(disk.size()));
        }
    }
    card.metrics = {cpu, memory, load, fullest};

    HostCardMetric received{Text::tr("Net in"), {}, Verdict::Ok, {}, 0, false};
    HostCardMetric sent{Text::tr("Net out"), {}, Verdict::Ok, {}, 0, false};
    for (const NetworkSample &sample : lastSamples(network)) {
        received.samples.append(sample.receivedBytesPerSecond);
        sent.samples.append(sample.sentBytesPerSecond);
    }
    if (!network.isEmpty()) {
        received.text = rateText(network.constLast().receivedBytesPerSecond);
        sent.text = rateText(network.constLast().sentBytesPerSecond);
    }
    card.metrics.append(received);
    card.metrics.append(sent);
    return card;
}

namespace {
constexpr int Padding = 10;
constexpr int HeaderHeight = 24;
constexpr int RowHeight = 18;
constexpr int RowCount = 7; // six metrics and the failed units line
} // namespace

QSize hostCardSize()
{
    return {300, Padding * 2 + HeaderHeight + RowHeight * RowCount};
}

void paintHostCard(QPainter &painter, const QRect &rect, const HostCard &card,
                   const QPalette &palette, const QString &age)
{
    const QColor verdictColour = StatusColours::forVerdict(card.verdict, palette);
    const QRect inner = rect.adjusted(Padding + 4, Padding, -Padding, -Padding);
    const QFontMetrics metrics(painter.font());

    // Header: verdict icon, host name, verdict text and age on the right.
    const QRect header(inner.left(), inner.top(), inner.width(), HeaderHeight);
    const QRect iconRect(header.left(), header.top() + (HeaderHeight - 16) / 2, 16, 16);
    themedIcon(StatusColours::verdictIconName(card.verdict)).paint(&painter, iconRect);
    const QString state =
        card.hasResult ? verdictName(card.verdict) + u" · "_s + age : verdictName(card.verdict);
    const int stateWidth = metrics.horizontalAdvance(state) + 4;
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    painter.setPen(palette.color(QPalette::Text));
    const QRect titleRect(iconRect.right() + 6, header.top(),
                          header.width() - stateWidth - iconRect.width() - 10, HeaderHeight);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(bold).elidedText(card.title, Qt::ElideRight, titleRect.width()));
    painter.restore();
    painter.setPen(card.verdict == Verdict::Ok ? palette.color(QPalette::PlaceholderText)
                                               : verdictColour);
    painter.drawText(QRect(header.right() - stateWidth, header.top(), stateWidth, HeaderHeight),
                     Qt::AlignRight | Qt::AlignVCenter, state);

    const int labelWidth = 64;
    const int textWidth = qMax(130, inner.width() / 2 - labelWidth);
    int y = header.bottom() + 1;
    if (!card.hasResult || !card.summary.isEmpty()) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(QRect(inner.left(), y, inner.width(), RowHeight * 2),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, card.summary);
        y += RowHeight * 2;
    }
    for (const HostCardMetric &metric : card.metrics) {
        if (metric.samples.isEmpty() && metric.text.isEmpty())
            continue;
        const QRect row(inner.left(), y, inner.width(), RowHeight);
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(QRect(row.left(), row.top(), labelWidth, RowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(metric.label, Qt::ElideMiddle, labelWidth - 4));
        const bool problem =
            metric.verdict == Verdict::Warning || metric.verdict == Verdict::Critical;
        painter.setPen(problem ? StatusColours::forVerdict(metric.verdict, palette)
                               : palette.color(QPalette::Text));
        painter.drawText(QRect(row.left() + labelWidth, row.top(), textWidth, RowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(metric.text, Qt::ElideRight, textWidth - 4));
        const QColor lineColour = metric.judged ? StatusColours::forVerdict(metric.verdict, palette)
                                                : palette.color(QPalette::Highlight);
        paintSparkline(painter,
                       QRectF(row.left() + labelWidth + textWidth, row.top() + 3,
                              row.width() - labelWidth - textWidth, RowHeight - 6),
                       metric.samples, lineColour, metric.scaleMax);
        y += RowHeight;
    }
    if (!card.failedUnits.isEmpty()) {
        painter.setPen(StatusColours::forVerdict(card.failedUnitsVerdict, palette));
        painter.drawText(QRect(inner.left(), y, inner.width(), RowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(card.failedUnits, Qt::ElideRight, inner.width()));
    }
}

} // namespace OpsDeck
