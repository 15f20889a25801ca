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
