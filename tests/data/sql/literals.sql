SELECT 'it''s', E'\'\\', U&'d\0061t' UESCAPE '\', B'101', X'1F', N'x', "a""b", U&"\0041";
SELECT $$;DROP TABLE t$$, $fn$ $$ $fn$, $1, 1.5e-3, .5, 0x1F, 1_000, 1..10, x::int;
SELECT 'a'
  'continued', E'x'
'\'' ;
/* outer /* nested */ still a comment */ SELECT 1; -- trailing
