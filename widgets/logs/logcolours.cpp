// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logcolours.h"

#include "widgets/common/statuscolours.h"

namespace OpsDeck::LogColours {

namespace {

struct Shades {
    QRgb light;
    QRgb dark;
};

QColor pick(const Shades &shades, const QPalette &palette)
{
    return QColor::fromRgb(StatusColours::isDark(palette) ? shades.dark : shades.light);
}

QColor blend(const QColor &top, const QColor &bottom, double amount)
{
    return QColor::fromRgbF(float(top.redF() * amount + bottom.redF() * (1 - amount)),
                            float(top.greenF() * amount + bottom.greenF() * (1 - amount)),
                            float(top.blueF() * amount + bottom.blueF() * (1 - amount)));
}

constexpr Shades Muted{0x6b7280, 0x9ca3af};
constexpr Shades Trace{0x8a8a8a, 0x808080};
constexpr Shades Debug{0x546e7a, 0x90a4ae};
constexpr Shades Info{0x1565c0, 0x64b5f6};
constexpr Shades Address{0x6a1b9a, 0xce93d8};
constexpr Shades Quoted{0x00796b, 0x4db6ac};
constexpr Shades Number{0x283593, 0x9fa8da};
constexpr Shades Source{0x795548, 0xbcaaa4};
constexpr Shades Match{0xfff176, 0x6b5d00};
constexpr Shades Current{0xffb74d, 0x9a5200};
constexpr Shades CurrentLine{0xfff8e1, 0x36301c};
constexpr Shades Bookmark{0x1e88e5, 0x64b5f6};
constexpr Shades BookmarkLine{0xe3f2fd, 0x1c2b3a};

} // namespace

QColor forRole(LogHighlightRole role, const QPalette &palette)
{
    switch (role) {
    case LogHighlightRole::Timestamp:
        return pick(Muted, palette);
    case LogHighlightRole::LevelTrace:
        return pick(Trace, palette);
    case LogHighlightRole::LevelDebug:
        return pick(Debug, palette);
    case LogHighlightRole::LevelInfo:
    case LogHighlightRole::HttpRedirect:
        return pick(Info, palette);
    case LogHighlightRole::LevelWarning:
    case LogHighlightRole::HttpClientError:
        return StatusColours::caution(palette);
    case LogHighlightRole::LevelError:
    case LogHighlightRole::HttpServerError:
        return StatusColours::bad(palette);
    case LogHighlightRole::HttpSuccess:
        return StatusColours::good(palette);
    case LogHighlightRole::IpAddress:
        return pick(Address, palette);
    case LogHighlightRole::Url:
        return palette.color(QPalette::Link);
    case LogHighlightRole::QuotedString:
        return pick(Quoted, palette);
    case LogHighlightRole::Number:
        return pick(Number, palette);
    case LogHighlightRole::Source:
        return pick(Source, palette);
    }
    return palette.color(QPalette::Text);
}

bool isBold(LogHighlightRole role)
{
    return role == LogHighlightRole::LevelWarning || role == LogHighlightRole::LevelError;
}

QColor searchMatch(const QPalette &palette)
{
    return pick(Match, palette);
}

QColor currentMatch(const QPalette &palette)
{
    return pick(Current, palette);
}

QColor currentMatchLine(const QPalette &palette)
{
    return pick(CurrentLine, palette);
}

QColor bookmark(const QPalette &palette)
{
    return pick(Bookmark, palette);
}

QColor bookmarkLine(const QPalette &palette)
{
    return pick(BookmarkLine, palette);
}

QColor gutter(const QPalette &palette)
{
    return blend(palette.color(QPalette::Window), palette.color(QPalette::Base), 0.6);
}

QColor gutterText(const QPalette &palette)
{
    return pick(Muted, palette);
}

QColor sourceTag(int source, const QPalette &palette)
{
    // Golden-angle steps keep neighbouring sources apart however many there are.
    const int hue = (source * 137 + 200) % 360;
    return StatusColours::isDark(palette) ? QColor::fromHsv(hue, 110, 120)
                                          : QColor::fromHsv(hue, 70, 235);
}

QColor ruleLine(const QColor &colour, const QPalette &palette)
{
    return blend(colour, palette.color(QPalette::Base),
                 StatusColours::isDark(palette) ? 0.30 : 0.25);
}

QColor ruleSpan(const QColor &colour, const QPalette &palette)
{
    return blend(colour, palette.color(QPalette::Base),
                 StatusColours::isDark(palette) ? 0.55 : 0.50);
}

QList<QColor> rulePresets()
{
    return {QColor(0xe53935), QColor(0xfb8c00), QColor(0xfdd835), QColor(0x43a047),
            QColor(0x1e88e5), QColor(0x8e24aa), QColor(0x00897b), QColor(0x6d4c41)};
}

} // namespace OpsDeck::LogColours
