// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkresult.h"

#include <QCoreApplication>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Health)
};

} // namespace

Verdict judge(double value, const Threshold &threshold)
{
    const bool above = threshold.direction == Threshold::Direction::Above;
    const auto crosses = [&](double limit) { return above ? value >= limit : value <= limit; };
    if (crosses(threshold.critical))
        return Verdict::Critical;
    if (crosses(threshold.warning))
        return Verdict::Warning;
    return Verdict::Ok;
}

Verdict worseForExitCode(Verdict a, Verdict b)
{
    return exitCodeFor(a) >= exitCodeFor(b) ? a : b;
}

int exitCodeFor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return 0;
    case Verdict::Warning:
        return 1;
    case Verdict::Critical:
        return 2;
    case Verdict::Unknown:
        return 3;
    }
    return 3;
}

QString verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("OK");
    case Verdict::Warning:
        return QStringLiteral("WARNING");
    case Verdict::Critical:
        return QStringLiteral("CRITICAL");
    case Verdict::Unknown:
        return QStringLiteral("UNKNOWN");
    }
    return QStringLiteral("UNKNOWN");
}

Verdict verdictFromId(QStringView id)
{
    for (const Verdict verdict : {Verdict::Ok, Verdict::Warning, Verdict::Critical}) {
        if (id == verdictId(verdict))
            return verdict;
    }
    return Verdict::Unknown;
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return Text::tr("OK");
    case Verdict::Warning:
        return Text::tr("Warning");
    case Verdict::Critical:
        return Text::tr("Critical");
    case Verdict::Unknown:
        return Text::tr("Unknown");
    }
    return Text::tr("Unknown");
}

} // namespace OpsDeck
