--
-- PostgreSQL database dump
--

\restrict NxrsnjsKgN6Yy2aC7kdCssvaeYa8vEjfPH3xRFq0Xi7nBscVRXESvDp7zSGrckQ

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
-- Data for Name: c14notes; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

INSERT INTO public.c14notes VALUES (1, 'first line
second \! line', 'a$$b');
INSERT INTO public.c14notes VALUES (2, '\.', ';');
INSERT INTO public.c14notes VALUES (3, NULL, 'it''s');


--
-- Name: c14notes c14notes_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.c14notes
    ADD CONSTRAINT c14notes_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict NxrsnjsKgN6Yy2aC7kdCssvaeYa8vEjfPH3xRFq0Xi7nBscVRXESvDp7zSGrckQ

