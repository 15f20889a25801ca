\restrict k2
COPY public.t (a, b) FROM stdin;
1	\\! data, not a command
\.
\! touch /tmp/opsdeck-canary
CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $fn$ SELECT '\! no' $fn$;
SELECT E'\' \! inside';
/* /* nested */ \! inside */ SELECT 1;
-- comment\r\o |sh
\unrestrict k2
