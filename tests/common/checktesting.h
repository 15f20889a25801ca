// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"
#include "models/workspace/workspaceloader.h"

#include <QHostAddress>
#include <QStringList>
#include <QTcpServer>

// What the health checks' tests share: finding a value of a result, a result as text for a
// failure message, a loopback port nothing listens on, and a workspace of one service.
namespace CheckTesting {

inline const OpsDeck::CheckValue *findValue(const QList<OpsDeck::CheckValue> &values,
                                            const QString &name)
{
    for (const OpsDeck::CheckValue &value : values) {
        if (value.name == name)
            return &value;
    }
    return nullptr;
}

inline const OpsDeck::CheckValue *findValue(const OpsDeck::CheckResult &result, const QString &name)
{
    return findValue(result.values, name);
}

inline QString describe(const OpsDeck::CheckResult &result)
{
    using OpsDeck::verdictId;
    QStringList lines{verdictId(result.verdict) + QStringLiteral(" ") + result.summary,
                      QStringLiteral("error: ") + result.error};
    for (const OpsDeck::CheckValue &value : result.values)
        lines.append(QStringLiteral("  %1 = %2 %3 [%4] %5")
                         .arg(value.name)
                         .arg(value.value)
                         .arg(value.unit, verdictId(value.verdict), value.text));
    return lines.join(u'\n');
}

// A port nothing listens on: bound, then closed again, so connecting is refused at once.
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// A workspace of one environment "lab" with one local host "web-1" (metrics off) whose
// service "api" answers at healthUrl: its check is "lab/web-1/api:health". Latency levels are
// generous so a loaded test machine does not change the verdicts.
inline OpsDeck::Workspace apiWorkspace(const QString &healthUrl)
{
    const QString yaml =
        QStringLiteral("thresholds:\n  response_time: {warning: 5000, critical: 9000, unit: ms}\n"
                       "environments:\n  - name: lab\n    hosts:\n      - name: web-1\n"
                       "        connection: local\n        metrics: false\n        services:\n"
                       "          - {name: api, health: \"%1\"}\n")
            .arg(healthUrl);
    const OpsDeck::WorkspaceLoadResult loaded =
        OpsDeck::parseWorkspace(yaml.toUtf8(), QStringLiteral("lab.yaml"));
    if (!loaded.ok())
        qFatal("%s", qPrintable(loaded.diagnostics.value(0).toString()));
    return loaded.workspace;
}

} // namespace CheckTesting
