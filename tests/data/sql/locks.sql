-- Who blocks whom (the built-in database-locks runbook)
SELECT waiting.pid AS waiting_pid, left(waiting.query, 60) AS waiting_query,
       blocker.pid AS blocking_pid, blocker.state AS blocking_state,
       now() - blocker.xact_start AS blocker_transaction_age, left(blocker.query, 60) AS blocking_query
FROM pg_stat_activity AS waiting
CROSS JOIN LATERAL unnest(pg_blocking_pids(waiting.pid)) AS blocking(pid)
JOIN pg_stat_activity AS blocker ON blocker.pid = blocking.pid
ORDER BY blocker_transaction_age DESC;
SELECT l.relation::regclass AS relation, l.mode, l.granted, count(*) AS locks
FROM pg_locks AS l
WHERE l.relation IS NOT NULL
GROUP BY 1, 2, 3;
