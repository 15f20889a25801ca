--
-- PostgreSQL database cluster dump
--

\restrict 2EIEZixpTC3K4sRj3eeO5zaZ5zGNfkZMX0tCW1Ch7nCLD9hPpAW08HN4PXwQ8wb

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE opsdeck;
ALTER ROLE opsdeck WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;

--
-- User Configurations
--


--
-- Role memberships
--

GRANT pg_monitor TO opsdeck GRANTED BY postgres;






\unrestrict 2EIEZixpTC3K4sRj3eeO5zaZ5zGNfkZMX0tCW1Ch7nCLD9hPpAW08HN4PXwQ8wb

--
-- Databases
--

--
-- Database "template1" dump
--

\connect template1

--
-- PostgreSQL database dump
--

\restrict CUrbOqfUCobQEXkg8Is4o8YO0IimKxobcf5zU9WzZLvmgh0G8HNRPXLxuqHhznp

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- PostgreSQL database dump complete
--

\unrestrict CUrbOqfUCobQEXkg8Is4o8YO0IimKxobcf5zU9WzZLvmgh0G8HNRPXLxuqHhznp

--
-- Database "it's my db" dump
--

--
-- PostgreSQL database dump
--

\restrict nT7JBJVdXFVfhY8qWEsEz4cUQ0GFH0Ww0vlHFWxgpswcJTem5VfEHhAImwnklfR

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: it's my db; Type: DATABASE; Schema: -; Owner: opsdeck
--

CREATE DATABASE "it's my db" WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE "it's my db" OWNER TO opsdeck;

\unrestrict nT7JBJVdXFVfhY8qWEsEz4cUQ0GFH0Ww0vlHFWxgpswcJTem5VfEHhAImwnklfR
\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='it\'s my db'"
\restrict nT7JBJVdXFVfhY8qWEsEz4cUQ0GFH0Ww0vlHFWxgpswcJTem5VfEHhAImwnklfR

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: opsdeck
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    note text
);


ALTER TABLE public.orders OWNER TO opsdeck;

--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict nT7JBJVdXFVfhY8qWEsEz4cUQ0GFH0Ww0vlHFWxgpswcJTem5VfEHhAImwnklfR

--
-- Database "opsdeck" dump
--

--
-- PostgreSQL database dump
--

\restrict WYIlyVEgm2CTvVPqn67faQBuGWqTZ9KJRjeSgbFcoOENLbqg4JJZq1myu6bvY5U

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: opsdeck; Type: DATABASE; Schema: -; Owner: opsdeck
--

CREATE DATABASE opsdeck WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE opsdeck OWNER TO opsdeck;

\unrestrict WYIlyVEgm2CTvVPqn67faQBuGWqTZ9KJRjeSgbFcoOENLbqg4JJZq1myu6bvY5U
\connect opsdeck
\restrict WYIlyVEgm2CTvVPqn67faQBuGWqTZ9KJRjeSgbFcoOENLbqg4JJZq1myu6bvY5U

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_stat_statements; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA public;


--
-- Name: EXTENSION pg_stat_statements; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_stat_statements IS 'track planning and execution statistics of all SQL statements executed';


--
-- Name: c14f(); Type: FUNCTION; Schema: public; Owner: opsdeck
--

CREATE FUNCTION public.c14f() RETURNS text
    LANGUAGE plpgsql
    AS $$ begin return '\! no'; end $$;


ALTER FUNCTION public.c14f() OWNER TO opsdeck;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: c14notes; Type: TABLE; Schema: public; Owner: opsdeck
--

CREATE TABLE public.c14notes (
    id integer NOT NULL,
    body text,
    tag text
);


ALTER TABLE public.c14notes OWNER TO opsdeck;

--
-- Name: c14t; Type: TABLE; Schema: public; Owner: opsdeck
--

CREATE TABLE public.c14t (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.c14t OWNER TO opsdeck;

--
-- Name: t; Type: TABLE; Schema: public; Owner: opsdeck
--

CREATE TABLE public.t (
    a integer
);


ALTER TABLE public.t OWNER TO opsdeck;

--
-- Name: c14notes c14notes_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.c14notes
    ADD CONSTRAINT c14notes_pkey PRIMARY KEY (id);


--
-- Name: c14t c14t_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.c14t
    ADD CONSTRAINT c14t_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict WYIlyVEgm2CTvVPqn67faQBuGWqTZ9KJRjeSgbFcoOENLbqg4JJZq1myu6bvY5U

--
-- Database "postgres" dump
--

\connect postgres

--
-- PostgreSQL database dump
--

\restrict TpAzvOyewTIOSH0M0TL2uDaQWyYzZYdeeuEKhQQQGUT6EqxIlt2W1nzNC5FtTpR

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- PostgreSQL database dump complete
--

\unrestrict TpAzvOyewTIOSH0M0TL2uDaQWyYzZYdeeuEKhQQQGUT6EqxIlt2W1nzNC5FtTpR

--
-- PostgreSQL database cluster dump complete
--

