// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace OpsDeck::Testing {

// One row of tests/data/safety/commands.tsv.
struct SafetyCase {
    int line = 0;
    Risk risk = Risk::Read;
    QString reason;  // a piece the reason must contain; empty for read
    QString command; // with @F@ (the canary file) and @D@ (its directory) still in it
};

inline QList<SafetyCase> loadSafetyCorpus()
{
    QFile file(QStringLiteral(OPSDECK_TEST_DATA_DIR "/safety/commands.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the safety corpus %s", qPrintable(file.fileName()));
    QList<SafetyCase> cases;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString row = QString::fromUtf8(file.readLine()).chopped(1);
        if (row.isEmpty() || row.startsWith(u'#'))
            continue;
        const QStringList fields = row.split(u'\t');
        const std::optional<Risk> risk = riskFromId(fields.value(0));
        if (fields.size() != 3 || !risk)
            qFatal("safety corpus line %d: expected LEVEL<TAB>REASON<TAB>COMMAND", line);
        QString command = fields[2];
        command.replace(QStringLiteral("<NL>"), QStringLiteral("\n"));
        cases.append({line, *risk, fields[1], command});
    }
    return cases;
}

inline QString withCanary(QString command, const QString &file, const QString &directory)
{
    return command.replace(QStringLiteral("@F@"), file).replace(QStringLiteral("@D@"), directory);
}

} // namespace OpsDeck::Testing
