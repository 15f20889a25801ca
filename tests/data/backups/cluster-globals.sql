--
-- PostgreSQL database cluster dump
--

\restrict Qs5l3VYhf479e6HlLL5vBVuuMciHGJuWmcS6P0FFEsDbEGos5zxjlroHohbsDdh

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE opsdeck;
ALTER ROLE opsdeck WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS PASSWORD 'SCRAM-SHA-256$4096:gAUqBnvUG5bJH5H4aAchkQ==$8qikwwl9fdzl+5u6UPja3QOOVdGWUmiD2+0DR6O0AJI=:T3TzzCYB8Uat9lHzLEGVA7qHaE3kfFMq7UPsAPO1Kpc=';
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;

--
-- User Configurations
--


--
-- Role memberships
--

GRANT pg_monitor TO opsdeck GRANTED BY postgres;






\unrestrict Qs5l3VYhf479e6HlLL5vBVuuMciHGJuWmcS6P0FFEsDbEGos5zxjlroHohbsDdh

--
-- PostgreSQL database cluster dump complete
--

