// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Making backup files for the backups tests: shell lines run here (pg_dump, gzip, touch -d)
// with the PostgreSQL fixture's connection in libpq's environment variables. Test processes
// only: OpsDeck itself never puts a password in an environment variable.

#include "postgresfixture.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

namespace BackupDumps {

// Runs a shell line here; empty when it worked, else the line and what it printed.
inline QString shell(const QString &line, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), line});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return QStringLiteral("`%1` failed: %2")
            .arg(line, QString::fromLocal8Bit(process.readAll()));
    return {};
}

// text as one single-quoted shell word.
inline QString q(const QString &text)
{
    return u'\'' + QString(text).replace(QStringLiteral("'"), QStringLiteral("'\\''")) + u'\'';
}

// This process's environment with PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE of the
// fixture, for pg_dump and psql in shell().
inline QProcessEnvironment postgresEnvironment(const PostgresFixture &postgres)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGHOST"), postgres.value(QStringLiteral("HOST")));
    environment.insert(QStringLiteral("PGPORT"), postgres.value(QStringLiteral("PORT")));
    environment.insert(QStringLiteral("PGUSER"), postgres.value(QStringLiteral("USER")));
    environment.insert(QStringLiteral("PGPASSWORD"), postgres.value(QStringLiteral("PASSWORD")));
    environment.insert(QStringLiteral("PGDATABASE"), postgres.value(QStringLiteral("DATABASE")));
    return environment;
}

} // namespace BackupDumps
