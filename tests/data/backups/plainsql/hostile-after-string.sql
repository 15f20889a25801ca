--
-- hostile: a shell command after a string on the same line
--

\restrict k1
SELECT 'it''s fine'; \! touch /tmp/opsdeck-canary
\unrestrict k1
