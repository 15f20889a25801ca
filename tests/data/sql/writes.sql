WITH d AS (DELETE FROM sessions WHERE expires < now() RETURNING *) SELECT count(*) FROM d;
INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b;
UPDATE t SET x = x + 1 WHERE id = 3;
SELECT * FROM jobs FOR UPDATE SKIP LOCKED LIMIT 1;
ALTER TABLE t DROP COLUMN c;
COPY t TO PROGRAM 'gzip > /tmp/t.gz';
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t;
DO $$ BEGIN PERFORM pg_terminate_backend(pid) FROM pg_stat_activity; END $$;
PREPARE p(int) AS DELETE FROM t WHERE id = $1; EXECUTE p(1);
