SET standard_conforming_strings = off;
SELECT 'a\' \! x';
\set x `id`
\copy t from program 'id'
\gexec
\c db \\ \i /etc/passwd
