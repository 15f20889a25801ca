// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QHostAddress>
#include <QStringList>
#include <QTcpServer>

// What the health checks' tests share: finding a value of a result, a result as text for a
// failure message, and a loopback port nothing listens on.
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

} // namespace CheckTesting
