--
-- PostgreSQL database dump
--

\restrict bKEHOVCwk4y9rAHpxSHfQVnsp4sVfjunIpmxwFN3ljly30L681rlAGZzXOaMlQT

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
-- Data for Name: c14t; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

COPY public.c14t (id, name) FROM stdin;
1	a\\b
2	x\ny\\.
\.


--
-- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: opsdeck
--

COPY public.t (a) FROM stdin;
1
2
3
4
5
6
7
8
9
10
11
12
13
14
15
16
17
18
19
20
21
22
23
24
25
26
27
28
29
30
31
32
33
34
35
36
37
38
39
40
41
42
43
44
45
46
47
48
49
50
51
52
53
54
55
56
57
58
59
60
61
62
63
64
65
66
67
68
69
70
71
72
73
74
75
76
77
78
79
80
81
82
83
84
85
86
87
88
89
90
91
92
93
94
95
96
97
98
99
100
\.


--
-- Name: c14t c14t_pkey; Type: CONSTRAINT; Schema: public; Owner: opsdeck
--

ALTER TABLE ONLY public.c14t
    ADD CONSTRAINT c14t_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict bKEHOVCwk4y9rAHpxSHfQVnsp4sVfjunIpmxwFN3ljly30L681rlAGZzXOaMlQT

