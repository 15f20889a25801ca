// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkresult.h"

#include <QList>
#include <QString>
#include <QStringList>

// The dependencies of a JSON health document as rows of their own: the document of
// "production/web-1/api:health" lists database, redis and storage, and each becomes a row with
// its own verdict and history, "production/web-1/api:health/storage". They are known only
// once the service has answered, so the board, the morning check and `opsdeck check` add them
// from the results (HealthMonitor, CheckBatch) rather than from the plan.

namespace OpsDeck {

// "<checkId>/<dependency>": stable as long as the document names the dependency the same way.
QString dependencyCheckId(const QString &checkId, const QString &dependency);
// The row of one dependency of check's document: the check's environment, host, group,
// service and runbook, titled "api health / storage", never scheduled itself.
CheckSpec dependencyCheckSpec(const CheckSpec &check, const QString &dependency);
// The results of the rows of the dependencies named, from one result of their check: each
// with the verdict and text the document gives it. A dependency the result does not report
// (the service did not answer with a health document) is Unknown and says why.
QList<CheckResult> dependencyResults(const CheckResult &result, const QStringList &dependencies);

} // namespace OpsDeck
