--
-- PostgreSQL database dump
--

\restrict 3rjWq1aquMewOAUZEvaEFXBdBepUip9FbJY82RdtWBfofdmZNTtrUxQHBLHJE0O

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

\unrestrict 3rjWq1aquMewOAUZEvaEFXBdBepUip9FbJY82RdtWBfofdmZNTtrUxQHBLHJE0O
\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='it\'s my db'"
\restrict 3rjWq1aquMewOAUZEvaEFXBdBepUip9FbJY82RdtWBfofdmZNTtrUxQHBLHJE0O

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
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

COPY public.orders (id, note) FROM stdin;
1	n1
2	n2
3	n3
4	n4
5	n5
6	n6
7	n7
8	n8
9	n9
10	n10
11	n11
12	n12
13	n13
14	n14
15	n15
16	n16
17	n17
18	n18
19	n19
20	n20
\.


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict 3rjWq1aquMewOAUZEvaEFXBdBepUip9FbJY82RdtWBfofdmZNTtrUxQHBLHJE0O

