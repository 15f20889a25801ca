// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/statuscolours.h"

namespace OpsDeck::StatusColours {

namespace {
// Light variants are dark enough for text on white, dark variants light enough for text on the
// dark theme's base (contrast of at least 4.5:1 on base and window, tested).
struct Shades {
    QRgb light;
    QRgb dark;
};
constexpr Shades Good{0x2a7430, 0x66bb6a};
constexpr Shades Caution{0x9a5700, 0xffb74d};
constexpr Shades Bad{0xc62828, 0xef6c6c};

QColor pick(const Shades &shades, const QPalette &palette)
{
    return QColor::fromRgb(isDark(palette) ? shades.dark : shades.light);
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor good(const QPalette &palette)
{
    return pick(Good, palette);
}

QColor caution(const QPalette &palette)
{
    return pick(Caution, palette);
}

QColor bad(const QPalette &palette)
{
    return pick(Bad, palette);
}

QColor forRisk(Risk risk, const QPalette &palette)
{
    switch (risk) {
    case Risk::Read:
        return good(palette);
    case Risk::Change:
    case Risk::Unknown:
        return caution(palette);
    case Risk::Destroy:
        return bad(palette);
    }
    return good(palette);
}

QColor forConnection(ConnectionState state, const QPalette &palette)
{
    switch (state) {
    case ConnectionState::Ready:
        return good(palette);
    case ConnectionState::Failed:
        return bad(palette);
    case ConnectionState::Connecting:
    case ConnectionState::Authenticating:
        return caution(palette);
    case ConnectionState::Local:
        return palette.color(QPalette::Highlight);
    case ConnectionState::Disconnected:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

QColor forVerdict(Verdict verdict, const QPalette &palette)
{
    switch (verdict) {
    case Verdict::Ok:
        return good(palette);
    case Verdict::Warning:
        return caution(palette);
    case Verdict::Critical:
        return bad(palette);
    case Verdict::Unknown:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

QString verdictIconName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("ok");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Critical:
        return QStringLiteral("error");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QColor textOn(const QColor &background)
{
    const double luminance =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace OpsDeck::StatusColours
