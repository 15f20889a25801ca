--
-- PostgreSQL database dump
--

\restrict DLE87ve5TX57SgubZ0pFQaFb76Oby2dSBogVaYyyp3ENj8pZ3eBCDY0RiDMX3Jw

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
-- Data for Name: c14notes; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

COPY public.c14notes (id, body, tag) FROM stdin;
1	first line\nsecond \\! line	a$$b
2	\\.	;
3	\N	it's
\.


--
-- Data for Name: c14t; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

COPY public.c14t (id, name) FROM stdin;
1	a\\b
2	x\ny\\.
\.


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

\unrestrict DLE87ve5TX57SgubZ0pFQaFb76Oby2dSBogVaYyyp3ENj8pZ3eBCDY0RiDMX3Jw

