// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptfixture.h"

#include <QString>

// A real, throwaway PostgreSQL on loopback, started by tests/scripts/postgres-fixture.sh.
// Values are the script's KEY=VALUE lines (HOST, PORT, USER, PASSWORD, DATABASE, ...).
class PostgresFixture : public ScriptFixture
{
public:
    PostgresFixture()
        : ScriptFixture(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/postgres-fixture.sh"),
                        QStringLiteral("/tmp/opsdeck-pg-XXXXXX"), 60000, true)
    {
    }
};

// A streaming standby of a running PostgresFixture (`postgres-fixture.sh standby`), stopped when
// it goes, whatever the test did. Values as the primary's, plus STANDBY_NAME (its
// application_name in the primary's pg_stat_replication) and PRIMARY_PORT.
class PostgresStandby
{
public:
    explicit PostgresStandby(const PostgresFixture &primary)
        : m_directory(QStringLiteral("/tmp/opsdeck-pg-standby-XXXXXX"))
    {
        QFile::setPermissions(m_directory.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ReadGroup |
                                                      QFile::ExeGroup | QFile::ReadOther |
                                                      QFile::ExeOther);
        QProcess process;
        process.start(QStringLiteral("bash"),
                      {script(), QStringLiteral("standby"), primary.directory(), directory()});
        m_ok = process.waitForFinished(120000) && process.exitCode() == 0;
        m_error = QString::fromLocal8Bit(process.readAllStandardError());
        for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_values.insert(QString::fromUtf8(line.left(equals)),
                                QString::fromUtf8(line.mid(equals + 1)));
        }
    }
    ~PostgresStandby()
    {
        QProcess::execute(QStringLiteral("bash"), {script(), QStringLiteral("stop"), directory()});
    }
    PostgresStandby(const PostgresStandby &) = delete;
    PostgresStandby &operator=(const PostgresStandby &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString value(const QString &key) const { return m_values.value(key); }
    QString directory() const { return m_directory.path(); }

private:
    static QString script()
    {
        return QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/postgres-fixture.sh");
    }

    QTemporaryDir m_directory;
    QHash<QString, QString> m_values;
    QString m_error;
    bool m_ok = false;
};
