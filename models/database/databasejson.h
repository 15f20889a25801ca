// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/database/databasemodels.h"
#include "models/database/databaserows.h"
#include "models/database/locktree.h"

#include <QJsonArray>
#include <QJsonObject>

// The DBA views as JSON, for `opsdeck db … --json`: pure functions of what a refresh read, so
// scripts get the same figures the Databases page shows. Keys are snake_case; durations are
// milliseconds, sizes bytes, times ISO 8601 UTC; an unknown value (-1, a null timestamp) is
// null, never a made-up zero.
namespace OpsDeck {

// {"version","version_num","started_at","pid","database","user","superuser",...}
QJsonObject databaseServerJson(const ServerInfo &server);

// What the connected role lacks, for "grant_hints": [{"grant","unlocks","hint"}], empty when
// nothing is missing: "grant" follows GRANT in the statement that unlocks "unlocks"; "hint" is
// the sentence the page's banner shows.
QJsonArray grantHintsJson(const ServerInfo &server);

// One pg_stat_activity row: {"pid","user",…,"query_age_ms",…,"blocked_by":[…],"own"}.
QJsonObject activityRowJson(const ActivityRow &row);

// {"server":{…},"taken_at":…,"rows":[activityRowJson…]}
QJsonObject activityJson(const DatabaseSnapshot &snapshot);

// {"roots":[node…]}, node = {"pid","user","database","query","mode","lock_type","relation",
// "waiting","waiting_ms","transaction_ms","blocked_total","cycle","blocks":[node…]}. A session
// already spelled out elsewhere in the tree is {…,"shown_above":true,"blocks":[]}; the node
// closing a ring of waiters is {…,"cycle":true,"closes_cycle":true,"blocks":[]}.
QJsonObject lockTreeJson(const LockTree &tree);

// {"rows":[{"query_id","query","user","database","calls","total_ms",…}]} in the server's order
// (most total time first), or {"unavailable": how to enable pg_stat_statements}.
QJsonObject statementsJson(const DatabaseSnapshot &snapshot);

// {"tables":[…],"indexes":[…]}
QJsonObject tablesJson(const DatabaseSnapshot &snapshot);

// {"replicas":[…],"slots":[…],"archiver":{…}|null,"standby_replay_delay_ms":…}
QJsonObject replicationJson(const DatabaseSnapshot &snapshot);

// {"server":{…},"connections":{"active":3,…},"client_connections","max_connections","usable",
// "percent","verdict":"fine"|"warning"|"critical","cache_hit_percent",…,"databases":[…]}
QJsonObject overviewJson(const DatabaseSnapshot &snapshot, const DatabaseThresholds &thresholds);

} // namespace OpsDeck
