// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/healthdependencies.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthDependencies)
};

// The value of dependency in result: dependencies are the last values, after the status,
// latency and overall health the check gives itself, so a dependency named "status" is found
// rather than the HTTP status.
const CheckValue *dependencyValue(const CheckResult &result, const QString &dependency)
{
    for (auto it = result.values.crbegin(); it != result.values.crend(); ++it) {
        if (it->name == dependency)
            return &*it;
    }
    return nullptr;
}

} // namespace

QString dependencyCheckId(const QString &checkId, const QString &dependency)
{
    return checkId + u'/' + dependency;
}

CheckSpec dependencyCheckSpec(const CheckSpec &check, const QString &dependency)
{
    CheckSpec spec = check;
    spec.id = dependencyCheckId(check.id, dependency);
    spec.parentId = check.id;
    spec.title = Text::tr("%1 / %2").arg(check.title, dependency);
    return spec;
}

QList<CheckResult> dependencyResults(const CheckResult &result, const QStringList &dependencies)
{
    QList<CheckResult> results;
    for (const QString &dependency : dependencies) {
        CheckResult row;
        row.checkId = dependencyCheckId(result.checkId, dependency);
        row.time = result.time;
        row.durationMs = result.durationMs;
        const CheckValue *value = result.dependencies && result.dependencies->contains(dependency)
                                      ? dependencyValue(result, dependency)
                                      : nullptr;
        if (value) {
            row.verdict = value->verdict;
            row.summary = value->text.isEmpty() ? Text::tr("no status given") : value->text;
            row.values = {*value};
        } else {
            // Not known now, which is not the same as healthy or failed.
            row.verdict = Verdict::Unknown;
            const QString why = result.error.isEmpty() ? result.summary : result.error;
            row.error = result.dependencies ? Text::tr("no longer in the health document")
                                            : Text::tr("not reported: %1").arg(why);
            row.summary = row.error;
        }
        results.append(row);
    }
    return results;
}

} // namespace OpsDeck
